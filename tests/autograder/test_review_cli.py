"""`autograder review`: text and JSON output for .txt/.md files and .csv/.xlsx tables."""

import json

import pandas as pd
import pytest

from autograder.cli import run

TRANSCRIPT = "催收员：你这个老赖，明天不还就上门。\n客户：我明天还2000。\n"


@pytest.fixture
def txt(tmp_path):
    path = tmp_path / "call.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    return path


def test_text_output(txt, capsys):
    assert run(["review", str(txt), "--at", "2026-11-23T10:00"]) == 0
    out = capsys.readouterr().out
    assert "[threat]" in out and "[abuse]" in out
    assert "2026-11-24" in out and "2000" in out


def test_json_output(txt, capsys):
    assert run(["review", str(txt), "--at", "2026-11-23T10:00", "--format", "json"]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert record["source"] == str(txt)
    assert {f["category"] for f in record["flags"]} == {"threat", "abuse"}
    assert record["commitment"]["due"] == "2026-11-24"
    assert record["commitment"]["amount"] == "2000"
    assert len(record["elements"]) == 7


def test_jurisdiction_option(tmp_path, capsys):
    path = tmp_path / "late.md"
    path.write_text("Agent: Hello, calling about your account.", encoding="utf-8")
    args = ["review", str(path), "--at", "2026-11-23T21:30", "--format", "json"]
    assert run([*args, "--jurisdiction", "cn"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["flags"] == []
    assert run(args) == 0
    assert json.loads(capsys.readouterr().out)[0]["flags"][0]["category"] == "harassment"


def table():
    return pd.DataFrame(
        {
            "id": [1, 2, 3],
            "transcript": ["催收员：您好。\n客户：明天还500", "Agent: You deadbeat.", ""],
            "at": ["2026-11-23T10:00", "2026-11-23T22:00", "2026-11-23T10:00"],
        }
    )


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_table_one_result_per_row(tmp_path, capsys, suffix):
    path = tmp_path / f"calls{suffix}"
    frame = table()
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    else:
        frame.to_excel(path, index=False)
    assert run(["review", str(path), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["source"] for r in records] == [f"{path.name}:{k}" for k in (1, 2, 3)]
    assert records[0]["commitment"]["amount"] == "500"
    assert {f["category"] for f in records[1]["flags"]} == {"abuse", "harassment"}  # 22:00 in US
    assert records[2]["flags"] == []
    assert run(["review", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.count(path.name) == 3 and "abuse,harassment" in out


def test_column_option_and_errors(tmp_path, capsys):
    path = tmp_path / "calls.csv"
    pd.DataFrame({"body": ["Agent: You idiot."]}).to_csv(path, index=False)
    assert run(["review", str(path)]) == 2
    assert "--column" in capsys.readouterr().err
    assert run(["review", str(path), "--column", "nope"]) == 2
    assert "nope" in capsys.readouterr().err
    assert run(["review", str(path), "--column", "body", "--at", "2026-11-23T10:00"]) == 0
    assert "abuse" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args,message",
    [
        (["missing.txt"], "no such file"),
        (["{tmp}/x.pdf"], "unsupported"),
        (["{tmp}/ok.txt", "--at", "yesterday"], "ISO"),
    ],
)
def test_bad_input_is_a_clear_error(tmp_path, capsys, args, message):
    (tmp_path / "x.pdf").write_text("x")
    (tmp_path / "ok.txt").write_text("催收员：您好")
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert run(["review", *args]) == 2
    assert message in capsys.readouterr().err


def test_one_bad_file_does_not_stop_the_others(tmp_path, capsys):
    """GBK and Big5 exports are read (and say so); a binary file, a damaged table and a missing
    file are each reported; everything readable is still reviewed; exit status 2."""
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(TRANSCRIPT.encode("gbk"))
    big5 = tmp_path / "big5.md"
    big5.write_bytes(
        "催收員：你這個老賴，再不還錢就去你公司。\n客戶：禮拜五還三千。\n".encode("big5")
    )
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    broken = tmp_path / "calls.xlsx"
    broken.write_bytes(b"not a zip file")
    names = [str(gbk), str(binary), str(tmp_path / "gone.txt"), str(broken), str(big5)]
    assert run(["review", *names, "--at", "2026-11-23T10:00", "--format", "json"]) == 2
    captured = capsys.readouterr()
    records = {r["source"]: r for r in json.loads(captured.out)}
    assert {f["category"] for f in records[str(gbk)]["flags"]} == {"threat", "abuse"}
    assert records[str(gbk)]["commitment"]["amount"] == "2000"
    assert "abuse" in {f["category"] for f in records[str(big5)]["flags"]}
    assert records[str(big5)]["commitment"]["due"] == "2026-11-27"
    assert "NUL" in records[str(binary)]["error"]
    assert "no such file" in records[str(tmp_path / "gone.txt")]["error"]
    assert "not a readable table" in records[str(broken)]["error"]
    assert "read as gb18030" in captured.err and "read as big5hkscs" in captured.err
