"""Scenario validator: each error kind on a small broken scenario built in code, and the CLI."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from autograder.scenarios import main as cli_main
from course.simulator import SCENARIO_DIR, validate, validate_dir, validate_file

FILES = Path(__file__).parent / "files" / "scenarios"


def T(zh: str, en: str) -> dict:
    return {"zh": zh, "en": en}


def small() -> dict:
    """A valid 4-node scenario (not strict)."""
    return {
        "id": "tiny",
        "title": T("小场景", "Tiny"),
        "persona": T("客户", "A debtor"),
        "account": {"debtor": "王磊", "amount_due": 100},
        "call_time": "2026-11-23T10:00",
        "start": "a",
        "state": {"trust": 0},
        "nodes": {
            "a": {
                "say": T("喂？", "Hello?"),
                "choices": [
                    {"id": "good", "quality": "strong", "say": T("您好", "Hi"), "next": "b"},
                    {
                        "id": "bad",
                        "quality": "unlawful",
                        "say": T(
                            "我是警察，你要被抓了。",
                            "I am a police officer and you will be arrested.",
                        ),
                        "next": "end-breach",
                    },
                ],
            },
            "b": {
                "say": T("什么事？", "What?"),
                "choices": [
                    {
                        "id": "ask",
                        "quality": "strong",
                        "say": T("明天能还吗？", "Tomorrow?"),
                        "effects": {"trust": 1},
                        "next": [{"if": {"trust": ">=1"}, "to": "end-ok"}, {"to": "end-breach"}],
                    }
                ],
            },
            "end-ok": {
                "ending": "commitment",
                "say": T("好，明天还100。", "OK, 100 tomorrow."),
                "summary": T("成功", "Done"),
            },
            "end-breach": {
                "ending": "breach",
                "say": T("我要投诉。", "I'll complain."),
                "summary": T("违规", "Breach"),
            },
        },
    }


def codes(raw: dict, **kw) -> list[str]:
    return [p.code for p in validate(raw, **kw)]


def broken(edit) -> dict:
    raw = copy.deepcopy(small())
    edit(raw)
    return raw


def test_small_scenario_is_valid():
    assert validate(small()) == []


CASES = [
    ("no-fields", lambda r: r.clear() or r.update({"x": 1}), "missing_field"),
    ("missing-start", lambda r: r.pop("start"), "missing_field"),
    ("bad-id", lambda r: r.update(id="Tiny Scenario"), "bad_id"),
    ("unknown-start", lambda r: r.update(start="nowhere"), "unknown_node"),
    (
        "unknown-next",
        lambda r: r["nodes"]["a"]["choices"][0].update(next="missing-node"),
        "unknown_node",
    ),
    (
        "unknown-route",
        lambda r: r["nodes"]["b"]["choices"][0]["next"][0].update(to="gone"),
        "unknown_node",
    ),
    (
        "unreachable",
        lambda r: r["nodes"].update(
            orphan={"ending": "refused", "say": T("嗯", "Hm"), "summary": T("无", "None")}
        ),
        "unreachable_node",
    ),
    ("dead-end", lambda r: r["nodes"]["b"].pop("choices"), "dead_end"),
    (
        "dead-end-all-conditional",
        lambda r: r["nodes"]["b"]["choices"][0].update({"if": {"trust": ">=5"}}),
        "dead_end",
    ),
    ("missing-en", lambda r: r["nodes"]["a"]["say"].pop("en"), "missing_translation"),
    ("empty-zh", lambda r: r["title"].update(zh="  "), "missing_translation"),
    ("plain-string", lambda r: r.update(persona="只有中文"), "missing_translation"),
    (
        "duplicate-choice",
        lambda r: r["nodes"]["b"]["choices"][0].update(id="good"),
        "duplicate_id",
    ),
    ("bad-quality", lambda r: r["nodes"]["a"]["choices"][0].update(quality="great"), "bad_quality"),
    ("bad-ending", lambda r: r["nodes"]["end-ok"].update(ending="success"), "bad_value"),
    ("bad-speaker", lambda r: r["nodes"]["a"].update(speaker="collector"), "bad_value"),
    ("bad-call-time", lambda r: r.update(call_time="tomorrow"), "bad_value"),
    ("bad-excuse", lambda r: r.update(excuse="lazy"), "bad_value"),
    ("bad-amount", lambda r: r["account"].update(amount_due="3200元"), "bad_value"),
    (
        "bad-condition",
        lambda r: r["nodes"]["b"]["choices"][0]["next"][0].update({"if": {"trust": "lots"}}),
        "bad_value",
    ),
    (
        "unknown-variable",
        lambda r: r["nodes"]["a"]["choices"][0].update(effects={"anger": 1}),
        "unknown_variable",
    ),
    ("ending-missing-summary", lambda r: r["nodes"]["end-ok"].pop("summary"), "missing_field"),
]


@pytest.mark.parametrize("name,edit,code", CASES, ids=[c[0] for c in CASES])
def test_each_error_kind(name, edit, code):
    assert code in codes(broken(edit))


def test_not_a_mapping():
    assert codes(["a", "list"]) == ["yaml"]


def test_error_message_is_bilingual_and_locates_the_problem():
    raw = broken(lambda r: r["nodes"]["a"]["choices"][0].update(quality="great"))
    (problem,) = validate(raw)
    text = str(problem)
    assert "nodes.a.choices[0].quality" in text and "'great'" in text
    assert "选项质量" in text and "quality must be" in text


def test_strict_requires_size_and_endings():
    assert codes(small()) == []
    assert codes(small(), strict=True) == ["too_small"]


def test_strict_finds_ending_unreachable_under_state():
    def edit(r):
        big = r["nodes"]
        # Pad to 12 nodes with a chain of lawful lines, and make end-ok need trust 5.
        prev = "b"
        for i in range(8):
            big[f"pad-{i}"] = {
                "say": T(f"第{i}句", f"line {i}"),
                "choices": [
                    {"id": f"go-{i}", "quality": "weak", "say": T("嗯", "Hm"), "next": "b"}
                ],
            }
            big[prev].setdefault("choices", []).append(
                {"id": f"to-{i}", "quality": "weak", "say": T("嗯", "Hm"), "next": f"pad-{i}"}
            )
        big["end-refused"] = {"ending": "refused", "say": T("不", "No"), "summary": T("无", "None")}
        big["pad-0"]["choices"].append(
            {
                "id": "give-up",
                "quality": "weak",
                "say": T("算了", "Never mind"),
                "next": "end-refused",
            }
        )
        big["b"]["choices"][0]["effects"] = {}
        big["b"]["choices"][0]["next"][0]["if"] = {"trust": ">=5"}

    raw = broken(edit)
    problems = validate(raw, strict=True)
    assert [(p.code, p.where) for p in problems] == [("unreachable_ending", "nodes.end-ok")]


def test_file_id_must_match_name(tmp_path):
    path = tmp_path / "other-name.yaml"
    path.write_text(yaml.safe_dump(small(), allow_unicode=True), encoding="utf-8")
    assert [p.code for p in validate_file(path)] == ["bad_id"]


def test_broken_yaml_is_reported_not_raised(tmp_path):
    (tmp_path / "bad.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    (problem,) = validate_dir(tmp_path)[str(tmp_path / "bad.yaml")]
    assert problem.code == "yaml"


def test_duplicate_scenario_ids_across_files(tmp_path):
    for suffix in (".yaml", ".yml"):
        (tmp_path / f"tiny{suffix}").write_text(
            yaml.safe_dump(small(), allow_unicode=True), encoding="utf-8"
        )
    results = validate_dir(tmp_path)
    assert any(p.code == "duplicate_id" for ps in results.values() for p in ps)


def test_example_scenario_is_valid_but_not_strict():
    assert validate_file(FILES / "mini-forgot.yaml") == []
    assert [p.code for p in validate_file(FILES / "mini-forgot.yaml", strict=True)] == ["too_small"]


def test_course_scenarios_pass_strict():
    results = validate_dir(SCENARIO_DIR, strict=True)
    assert results, "course/scenarios/ holds no scenario"
    bad = {f: [str(p) for p in ps] for f, ps in results.items() if ps}
    assert not bad, bad


def test_cli_reports_and_exits_nonzero(tmp_path, capsys):
    raw = broken(lambda r: r["nodes"]["a"]["choices"][0].update(quality="great"))
    (tmp_path / "tiny.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    assert cli_main(action="check", directory=str(tmp_path), strict=False) == 1
    out = capsys.readouterr().out
    assert "bad_quality" in out and "0/1" in out


def test_cli_passes_example_without_strict(capsys):
    assert cli_main(action="check", directory=str(FILES), strict=False) == 0
    assert "1/1" in capsys.readouterr().out
    assert cli_main(action="check", directory=str(FILES), strict=True) == 1


def test_cli_command_is_registered(tmp_path, capsys):
    from autograder.cli import run

    (tmp_path / "tiny.yaml").write_text(
        yaml.safe_dump(small(), allow_unicode=True), encoding="utf-8"
    )
    assert run(["scenarios", "check", str(tmp_path), "--no-strict"]) == 0
    assert run(["scenarios", "check", str(tmp_path)]) == 1
    assert "too_small" in capsys.readouterr().out


def test_audit_finds_lines_that_do_not_mean_their_label():
    from course.simulator.audit import audit
    from course.simulator.model import build

    def edit(r):
        r["nodes"]["a"]["choices"][1]["say"] = T("您好，打扰了。", "Hello, sorry to bother you.")
        r["nodes"]["a"]["choices"][0]["say"] = T("你这个老赖。", "You deadbeat.")
        r["nodes"]["end-ok"]["say"] = T("有空再说吧。", "Maybe when I have time.")

    found = {(p.code, p.where) for p in audit(build(broken(edit)))}
    assert found == {
        ("unflagged_unlawful", "nodes.a.choices[1]"),
        ("flagged_strong", "nodes.a.choices[0]"),
        ("missing_commitment", "nodes.end-ok"),
    }
    assert audit(build(small())) == []


def test_a_scenario_saved_in_gbk_is_reported_not_a_crash(tmp_path):
    """Windows editors save GBK: the folder check names the file and the fix, and goes on."""
    good = (FILES / "mini-forgot.yaml").read_text(encoding="utf-8")
    (tmp_path / "mini-forgot.yaml").write_text(good, encoding="utf-8")
    (tmp_path / "gbk.yaml").write_bytes(good.replace("mini-forgot", "gbk").encode("gb18030"))
    results = validate_dir(tmp_path)
    assert results[str(tmp_path / "mini-forgot.yaml")] == []
    (problem,) = results[str(tmp_path / "gbk.yaml")]
    assert problem.code == "encoding"
    assert "UTF-8" in str(problem) and "另存为" in str(problem)
    from course.simulator import ScenarioError, load_scenario

    with pytest.raises(ScenarioError, match="gbk.yaml"):
        load_scenario(tmp_path / "gbk.yaml")
