"""02-script-writing graded end to end: typical wrong answers earn partial credit with helpful notes.

Scores are read from the real gradebook and feedback from the autograded notebook, as an
instructor and a learner would see them.
"""

from __future__ import annotations

import nbformat
import pytest
from coursekit import TempCourse, grade_id, solved_copy, source_notebook, with_answers

ASSIGNMENT = "02-script-writing"

THREAT_SCRIPT = '''script_b = """催收员：你好，我是诚达资产管理有限公司的小李，受安捷消费金融有限公司委托来电。请问是李强本人吗？
客户：是我。
催收员：你的消费贷款12600元已经逾期47天了。现在是什么情况？
客户：下周吧，下周一定还。
催收员：你再拖，我们就去你单位找你领导，让你同事都知道你欠钱不还。今天还是明天还？
客户：那后天吧，后天我先还3000。
催收员：好，跟您确认：11月26日通过安捷消费金融App还款3000元。再见。"""'''

NO_DAY_SCRIPT = """script_a = (
    "您好，我是诚达资产管理有限公司的催收专员小李，受华信银行信用卡中心委托来电。"
    "请问您是王丽女士本人吗？今天来电是提醒您，信用卡账单3280元已经逾期5天了。"
    "请问这个月是遇到什么情况了吗？理解，工作忙的时候确实容易忘记。"
    "那您尽快通过华信银行App还款吧。感谢您的配合，再见。"
)"""

OPEN_CLOSE = 'close = "王女士，那这笔钱麻烦您尽快处理一下。"'


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = TempCourse(tmp_path_factory.mktemp("c02") / "course", [ASSIGNMENT])
    course.generate(ASSIGNMENT)
    solved = solved_copy(ASSIGNMENT)
    course.submit("solver", ASSIGNMENT, solved)
    course.submit("threat", ASSIGNMENT, with_answers(solved, {"q8_answer": THREAT_SCRIPT}))
    course.submit(
        "noday",
        ASSIGNMENT,
        with_answers(solved, {"q7_answer": NO_DAY_SCRIPT, "q5_answer": OPEN_CLOSE}),
    )
    course.autograde(ASSIGNMENT)
    return course, course.scores(ASSIGNMENT)


def feedback(course: TempCourse, student: str, gid: str) -> str:
    return course.output(student, ASSIGNMENT, gid)


def points(gid: str) -> float:
    nb = nbformat.read(str(source_notebook(ASSIGNMENT)), as_version=4)
    return next(c for c in nb.cells if grade_id(c) == gid).metadata["nbgrader"]["points"]


@pytest.mark.slow
def test_solution_earns_every_autograded_point(graded):
    course, scores = graded
    for gid in [f"q{n}_1" for n in range(1, 10)]:
        assert scores["solver"][gid] == points(gid), (gid, feedback(course, "solver", gid))


@pytest.mark.slow
def test_a_threatening_script_gets_partial_credit_and_the_rule(graded):
    course, scores = graded
    assert 0 < scores["threat"]["q8_1"] < points("q8_1")
    text = feedback(course, "threat", "q8_1")
    assert "prohibited [threat]" in text
    assert "Compliant:" in text and "违规" in text
    assert scores["threat"]["q7_1"] == points("q7_1"), "other questions are untouched"


@pytest.mark.slow
def test_a_script_with_no_day_gets_partial_credit_and_says_why(graded):
    course, scores = graded
    assert 0 < scores["noday"]["q7_1"] < points("q7_1")
    text = feedback(course, "noday", "q7_1")
    assert "no promise tied to a calendar day" in text
    assert "today or tomorrow" in text
    assert 0 < scores["noday"]["q5_1"] < points("q5_1")
    assert "missing: closed question for a day" in feedback(course, "noday", "q5_1")


def test_mark_scheme_is_only_in_the_instructors_copy():
    from coursekit import release_notebook

    release = release_notebook(ASSIGNMENT).read_text(encoding="utf-8")
    source = source_notebook(ASSIGNMENT).read_text(encoding="utf-8")
    assert "Mark scheme" in source
    assert "Mark scheme" not in release and "评分标准 / Mark scheme" not in release
