"""Checks of assignment 03: each takes the answer, returns a CheckResult, never leaks the key."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest
import yaml
from excuse_key import label_key, strategy_key

import course
from autograder.checks.excuse_responses import (
    check_responses,
    check_rewrite,
    check_strategies,
    flag_report,
    score_response,
)
from autograder.checks.excuses import (
    MODEL_TIERS,
    RULE_TIERS,
    check_counts,
    check_model,
    check_normalize,
    check_recall,
    check_rules,
    check_test_predictions,
    decode_key,
    tier_fraction,
)

FILES = Path(__file__).parent / "files"
RESPONSE_CASES = yaml.safe_load((FILES / "excuse_responses.yaml").read_text(encoding="utf-8"))
BAD_LINE = "再不还就告诉你家人，让你单位的人都知道你是老赖！"


@pytest.fixture(scope="module")
def train():
    return course.load_excuses("train")


@pytest.fixture(scope="module")
def truth():
    return decode_key(label_key())


def oracle_rules(truth):
    """A classifier that knows every label: the ceiling the checks must reward in full."""
    train = course.load_excuses("train")
    by_text = dict(zip(train["text"], train["label"], strict=True))
    test = course.load_excuses("test")
    by_text.update({t: truth[i] for i, t in zip(test["id"], test["text"], strict=True)})
    return lambda text: by_text[text]


def test_counts_right_partial_and_wrong(train):
    right = pd.crosstab(train["label"], train["lang"])
    assert check_counts(right).fraction == 1.0
    assert check_counts(train.groupby(["label", "lang"]).size().unstack()).fraction == 1.0
    off = right.copy()
    off.iloc[0, 0] += 1
    result = check_counts(off)
    assert 0 < result.fraction < 1 and "1" in result.notes[0].en
    assert check_counts(right.T).fraction == 0.0
    assert check_counts([1, 2, 3]).fraction == 0.0


def test_normalize_rewards_each_part():
    import opencc

    t2s = opencc.OpenCC("t2s")
    assert check_normalize(lambda s: t2s.convert(s).lower().strip()).fraction == 1.0
    partial = check_normalize(str.lower)
    assert 0 < partial.fraction < 1 and "opencc" in partial.notes[0].en
    assert check_normalize("not a function").fraction == 0.0


@pytest.mark.parametrize(
    "accuracy, tiers, want",
    [
        (0.24, RULE_TIERS, 0.0),
        (0.25, RULE_TIERS, 1 / 3),
        (0.45, RULE_TIERS, 2 / 3),
        (0.50, RULE_TIERS, 1.0),
        (0.54, MODEL_TIERS, 0.0),
        (0.70, MODEL_TIERS, 2 / 3),
        (0.75, MODEL_TIERS, 1.0),
    ],
    ids=["rules-below", "rules-1", "rules-2", "rules-full", "model-below", "model-2", "model-full"],
)
def test_tiers(accuracy, tiers, want):
    assert tier_fraction(accuracy, tiers) == pytest.approx(want)


def test_rules_visible_check_reports_errors_and_bad_labels():
    def broken(text):
        raise NotImplementedError

    result = check_rules(broken)
    assert result.fraction == 0.0 and "NotImplementedError" in str(result)
    assert check_rules(lambda t: "no_money").fraction == 0.0
    assert check_rules(lambda t: "stalling").fraction == 1.0  # valid ids: the hidden test grades


def test_rules_hidden_grading_by_tier(truth):
    assert check_rules(oracle_rules(truth), key=label_key()).fraction == 1.0
    constant = check_rules(lambda t: "stalling", key=label_key())
    assert constant.fraction == 0.0
    assert "per-class recall" in str(constant) and "≥50%" in str(constant)


def test_feedback_never_names_test_ids_or_their_labels(truth):
    text = str(check_test_predictions({i: "forgot" for i in truth}, key=label_key()))
    assert not any(i in text for i in truth), "feedback must not list test rows"
    assert label_key()[:10] not in text


def test_recall_check(train):
    def rules(text):
        return "forgot" if "忘" in text or "forgot" in text.lower() else "stalling"

    pred = train["text"].map(rules)
    confusion = pd.crosstab(train["label"], pred)
    recall = (pred == train["label"]).groupby(train["label"]).mean()
    assert check_recall(confusion, recall, rules).fraction == 1.0
    assert check_recall(confusion.T, recall, rules).fraction == pytest.approx(0.7)
    assert check_recall(confusion, 1 - recall, rules).fraction == pytest.approx(0.3)
    assert check_recall(confusion, 0.3, rules).fraction == pytest.approx(0.3)


def _model(analyzer="char_wb"):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline
    from sklearn.svm import LinearSVC

    return make_pipeline(TfidfVectorizer(analyzer=analyzer, ngram_range=(1, 3)), LinearSVC())


def test_model_check(train):
    fitted = _model().fit(train["text"], train["label"])
    assert check_model(fitted).fraction == 1.0
    words = _model("word").fit(train["text"], train["label"])
    assert check_model(words).fraction == pytest.approx(2 / 3, abs=1e-3)
    assert check_model(_model()).fraction == 0.0  # not fitted
    assert check_model("model").fraction == 0.0


def test_predictions_formats_and_grading(truth):
    test = course.load_excuses("test")
    as_list = [truth[i] for i in test["id"]]
    assert check_test_predictions(as_list).fraction == 1.0
    assert check_test_predictions(as_list, key=label_key()).fraction == 1.0
    assert check_test_predictions(dict(truth), key=label_key()).fraction == 1.0
    assert check_test_predictions(as_list[:-1]).fraction == 0.0
    assert check_test_predictions({"ex001": "forgot"}).fraction == 0.0
    assert check_test_predictions(["nonsense"] * len(test)).fraction == 0.0
    assert check_test_predictions(42).fraction == 0.0
    wrong = {i: ("forgot" if n % 4 else truth[i]) for n, i in enumerate(test["id"])}
    assert check_test_predictions(wrong, key=label_key()).fraction < 1.0


def test_decode_key_refuses_a_wrong_length():
    with pytest.raises(ValueError, match="letters"):
        decode_key("abc")


def test_strategies():
    key = strategy_key()
    assert check_strategies(dict(key)).fraction == 1.0
    assert check_strategies(dict(key), key=key).fraction == 1.0
    unlawful = {**key, "identity_doubt": "read_id_to_prove"}
    result = check_strategies(unlawful, key=key)
    assert result.fraction == pytest.approx(13 / 14, abs=1e-3)
    assert "personal data" in str(result)
    assert check_strategies(unlawful).fraction == 0.0
    assert check_strategies({"forgot": key["forgot"]}).fraction == 0.0
    assert check_strategies({**key, "forgot": "made_up"}).fraction == 0.0
    assert check_strategies("strategy").fraction == 0.0


@pytest.mark.parametrize("case", RESPONSE_CASES, ids=[c["id"] for c in RESPONSE_CASES])
def test_score_response(case):
    credit, notes = score_response(case["excuse"], case["text"])
    assert credit == case["credit"], (case["why"], [str(n) for n in notes])
    assert (credit == 1.0) == (not notes)


def test_responses_whole_set_and_flag_details():
    lines = {i: "不好意思打扰您了，再见。" for i in course.excuse_ids()}
    lines["sue_me"] = "再不还就告诉你家人"
    result = check_responses(lines)
    assert 0 < result.fraction < 1
    text = str(result)
    assert "third-party disclosure" in text and "向第三人透露债务" in text and "Suggestion" in text
    assert check_responses(["a"]).fraction == 0.0


def test_rewrite():
    good = "逾期会如实上报征信，影响您的信用记录，您看今天还是明天处理？"
    assert check_rewrite(BAD_LINE, good).fraction == 1.0
    assert check_rewrite(BAD_LINE, "您看今天还是明天处理？").fraction == 0.5
    assert check_rewrite(BAD_LINE, "再不还就告诉你爸妈").fraction == 0.0
    assert check_rewrite(BAD_LINE, BAD_LINE).fraction == 0.0
    assert check_rewrite(BAD_LINE, None).fraction == 0.0


def test_flag_report_shows_rule_why_and_suggestion():
    bad = flag_report(BAD_LINE)
    assert bad.fraction == 0.0
    assert "disclosure" in str(bad) and "Suggestion" in str(bad) and "<li" in bad._repr_html_()
    assert flag_report("您今天方便还款吗？").fraction == 1.0


def test_learner_code_cannot_write_to_stderr(capsys):
    def noisy(text):
        warnings.warn("deprecated", DeprecationWarning, stacklevel=1)
        import sys

        print("oops", file=sys.stderr)
        return "stalling"

    check_rules(noisy)
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("classifier", ["logistic", "linear_svc"])
def test_the_plain_recipe_reaches_full_marks(train, classifier):
    """The notebook's recipe, untuned, earns full credit on the hidden split (tiers not too hard)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.svm import LinearSVC

    clf = LogisticRegression(max_iter=1000) if classifier == "logistic" else LinearSVC()
    model = make_pipeline(TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3)), clf)
    model.fit(train["text"], train["label"])
    test = course.load_excuses("test")
    assert check_test_predictions(list(model.predict(test["text"])), key=label_key()).passed
