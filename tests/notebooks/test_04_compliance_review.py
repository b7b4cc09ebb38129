"""04-compliance-review graded end to end, and its answer key never shipped to learners.

Partial-credit cases go through the real nbgrader commands; scores come from the gradebook and
feedback from the autograded notebook. The key is read from the instructor's source notebook.
"""

from __future__ import annotations

import ast
import re

import nbformat
import pytest
import yaml
from coursekit import (
    REPO,
    TempCourse,
    grade_id,
    release_notebook,
    solved_copy,
    source_notebook,
    with_answers,
)

ASSIGNMENT = "04-compliance-review"
KEY_RE = re.compile(r"^_key = (.*?)\n(?=award)", re.M | re.S)


def source_cells() -> dict[str, nbformat.NotebookNode]:
    nb = nbformat.read(str(source_notebook(ASSIGNMENT)), as_version=4)
    return {grade_id(c): c for c in nb.cells if grade_id(c)}


def hidden_key(gid: str):
    """The `_key` literal of one grade cell's hidden tests."""
    match = KEY_RE.search(source_cells()[gid].source)
    assert match, f"{gid} has no _key"
    return ast.literal_eval(match.group(1))


LABEL_KEY = sorted(hidden_key("q1_1") | hidden_key("q1_2") | hidden_key("q1_3"))


def labels_source(triples) -> str:
    per_turn: dict[tuple[str, int], set[str]] = {}
    for tid, turn, cat in triples:
        per_turn.setdefault((tid, turn), set()).add(cat)
    return f"labels = {per_turn!r}"


HALF_LABELS = labels_source(LABEL_KEY[::2])
W1_REWRITE_NO_DAY = (
    'rewrites = {"W1": "张先生，这笔款已经逾期了，麻烦您尽快处理。",'
    ' "W2": "您好，麻烦您转告他给我们回个电话，号码是400-800-1234，谢谢。",'
    ' "W3": "您好，我是诚达资产管理有限公司的小林，受华信银行委托来电。",'
    ' "W4": "To confirm: $600 by tomorrow, November 27, through the bank\'s official app.",'
    ' "W5": "为了核实身份，请问您是王丽女士本人吗？麻烦说一下身份证号后四位。"}'
)
W1_ORIGINAL = W1_REWRITE_NO_DAY.replace(
    "张先生，这笔款已经逾期了，麻烦您尽快处理。",
    "你今天再不还钱，我们就派人去你家找你，看你还能躲到哪儿去！",
)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = TempCourse(tmp_path_factory.mktemp("c04") / "course", [ASSIGNMENT])
    course.generate(ASSIGNMENT)
    solved = solved_copy(ASSIGNMENT)
    course.submit("solver", ASSIGNMENT, solved)
    course.submit("half", ASSIGNMENT, with_answers(solved, {"q1_answer": HALF_LABELS}))
    course.submit("noday", ASSIGNMENT, with_answers(solved, {"q2_answer": W1_REWRITE_NO_DAY}))
    course.submit("threat", ASSIGNMENT, with_answers(solved, {"q2_answer": W1_ORIGINAL}))
    course.autograde(ASSIGNMENT)
    return course, course.scores(ASSIGNMENT)


def feedback(course: TempCourse, student: str, gid: str) -> str:
    return course.output(student, ASSIGNMENT, gid)


def points(gid: str) -> float:
    return source_cells()[gid].metadata["nbgrader"]["points"]


AUTO = ["q1_1", "q1_2", "q1_3", *[f"q2_{i}" for i in range(1, 6)], "q3_1", "q4_1"]


@pytest.mark.slow
def test_solution_earns_every_autograded_point(graded):
    course, scores = graded
    for gid in AUTO:
        assert scores["solver"][gid] == points(gid), (gid, feedback(course, "solver", gid))


@pytest.mark.slow
def test_labels_missing_half_the_violations_get_partial_credit(graded):
    course, scores = graded
    for gid in ("q1_1", "q1_2", "q1_3"):
        assert 0 < scores["half"][gid] < points(gid), gid
        text = feedback(course, "half", gid)
        assert "recall" in text and "precision 100%" in text
        assert "violations are still unlabelled" in text


@pytest.mark.slow
def test_label_feedback_never_names_the_missed_labels(graded):
    course, _ = graded
    missed = set(LABEL_KEY) - set(LABEL_KEY[::2])
    for gid in ("q1_1", "q1_2", "q1_3"):
        text = feedback(course, "half", gid)
        for tid, turn, _cat in missed:
            assert f"{tid!r}, {turn}" not in text and f"({tid}, {turn})" not in text
        assert "_key" not in text


@pytest.mark.slow
def test_a_rewrite_that_drops_the_day_gets_half(graded):
    course, scores = graded
    assert scores["noday"]["q2_1"] == points("q2_1") / 2
    assert "no longer does its job" in feedback(course, "noday", "q2_1")
    assert scores["noday"]["q2_2"] == points("q2_2")


@pytest.mark.slow
def test_the_original_threat_as_a_rewrite_gets_nothing(graded):
    course, scores = graded
    assert scores["threat"]["q2_1"] == 0
    assert "say it differently" in feedback(course, "threat", "q2_1")


def _shipped_files():
    for root in (REPO / "release" / ASSIGNMENT, REPO / "course"):
        for path in root.rglob("*"):
            if path.is_file() and path.suffix in {".py", ".yaml", ".yml", ".json", ".ipynb", ".md"}:
                yield path, path.read_text(encoding="utf-8")


def test_the_label_key_cannot_be_read_from_shipped_files():
    from autograder.review.model import CATEGORIES

    pair_patterns = [
        re.compile(rf"""\(\s*["']{tid}["']\s*,\s*{turn}\s*\)""") for tid, turn, _ in LABEL_KEY
    ]
    key_assignment = re.compile(r"(?<![\w.])_key\s*=")
    for path, text in _shipped_files():
        assert not key_assignment.search(text), path
        for pattern in pair_patterns:
            assert not pattern.search(text), f"{path} holds a labelled turn {pattern.pattern}"
        if path.suffix in {".yaml", ".yml"}:
            for key, value in _walk(yaml.safe_load(text)):
                assert key not in {"label", "labels", "category", "categories", "violation"}, path
                assert value not in CATEGORIES, f"{path}: {key} = {value!r}, data is text only"


def _walk(node, key=None):
    """Every (key, scalar) pair in a YAML document."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield k, None
            yield from _walk(v, k)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item, key)
    else:
        yield key, node


def test_the_mapping_and_lawful_keys_are_not_shipped():
    mapping = hidden_key("q3_1")
    lawful = hidden_key("q4_1")
    release = release_notebook(ASSIGNMENT).read_text(encoding="utf-8")
    for cat, reg in mapping.items():
        assert not re.search(rf"""["']{cat}["']\s*:\s*["']{reg}["']""", release)
    assert repr(lawful) not in release and "lawful_calls = {" not in release
    assert len(LABEL_KEY) >= 30 and len(lawful) >= 4


@pytest.mark.slow
def test_feedback_html_shows_scores_but_not_the_key(graded):
    course, _ = graded
    course.nbgrader("generate_feedback", ASSIGNMENT, "--force")
    html = next((course.root / "feedback" / "half" / ASSIGNMENT).glob("*.html")).read_text(
        encoding="utf-8"
    )
    assert "violations are still unlabelled" in html
    assert "_key" not in html and "HIDDEN TESTS" not in html
    for cat, reg in hidden_key("q3_1").items():
        assert not re.search(rf"""{cat}(&#39;|&quot;|["'])\s*:\s*(&#39;|&quot;|["']){reg}""", html)
