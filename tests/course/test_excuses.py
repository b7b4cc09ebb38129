"""Excuse data: size, balance, the split, the catalogue, and that no test label is ever shipped."""

from __future__ import annotations

from datetime import datetime

import nbformat
import pandas as pd
import pytest
from coursekit import HIDDEN_RE, REPO, source_notebook
from excuse_key import ASSIGNMENT, label_key, strategy_key

import course

# DOMAIN.md's taxonomy, in its order: the contract shared with the notebooks and the simulator.
DOMAIN_IDS = (
    "forgot",
    "cash_flow",
    "awaiting_income",
    "fee_dispute",
    "owed_by_others",
    "hardship",
    "technical_issue",
    "third_party_payer",
    "too_busy",
    "identity_doubt",
    "wrong_party",
    "sue_me",
    "complaint_threat",
    "stalling",
)
LANGS = ("zh-Hans", "zh-Hant", "en")


@pytest.fixture(scope="module")
def train() -> pd.DataFrame:
    return course.load_excuses("train")


@pytest.fixture(scope="module")
def test_split() -> pd.DataFrame:
    return course.load_excuses("test")


@pytest.fixture(scope="module")
def full(train, test_split) -> pd.DataFrame:
    """Both splits with labels: the test labels decoded from the notebook's hidden key."""
    key = label_key()
    labelled = test_split.assign(label=[DOMAIN_IDS[ord(c) - ord("a")] for c in key])
    return pd.concat([train.assign(split="train"), labelled.assign(split="test")])


def test_taxonomy_ids_match_the_domain_contract():
    assert course.excuse_ids() == DOMAIN_IDS


def test_at_least_600_utterances_balanced_per_class_and_script(full):
    assert len(full) >= 600
    cells = pd.crosstab(full["label"], full["lang"])
    assert set(cells.index) == set(DOMAIN_IDS) and set(cells.columns) == set(LANGS)
    assert cells.min().min() >= 12, "every excuse needs a dozen utterances in every script"
    assert cells.max().max() <= 1.5 * cells.min().min(), "classes and scripts stay roughly balanced"


def test_train_split_covers_every_label_and_script(train):
    assert list(train.columns) == ["id", "text", "lang", "label"]
    cells = pd.crosstab(train["label"], train["lang"])
    assert cells.shape == (14, 3) and (cells > 0).all().all()


def test_split_sizes_are_about_70_30_and_stratified(full):
    share = (full["split"] == "test").mean()
    assert 0.27 <= share <= 0.33
    per_cell = full[full["split"] == "test"].groupby(["label", "lang"]).size()
    assert len(per_cell) == 42 and per_cell.min() >= 3, "each label x script has test rows"


def test_shipped_test_split_has_no_label_column(test_split):
    assert list(test_split.columns) == ["id", "text", "lang"]


def test_ids_and_texts_are_unique_across_splits(train, test_split):
    ids = pd.concat([train["id"], test_split["id"]])
    texts = pd.concat([train["text"], test_split["text"]])
    assert ids.is_unique and texts.is_unique
    assert texts.str.strip().str.len().min() > 0


def test_the_hidden_key_is_valid(test_split):
    key = label_key()
    assert len(key) == len(test_split)
    assert set(key) <= {chr(ord("a") + i) for i in range(14)}
    assert set(strategy_key()) == set(DOMAIN_IDS)


def _shipped_files():
    for root in ("course", "release", "autograder"):
        for path in (REPO / root).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                yield path
    for path in (REPO / "source" / ASSIGNMENT).rglob("*"):
        if path.is_file() and path != source_notebook(ASSIGNMENT):
            yield path


def test_no_test_label_leaks_into_shipped_files(test_split):
    key = label_key()
    strategy = strategy_key()
    test_ids = set(test_split["id"])
    for path in _shipped_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        assert key not in text and key[:24] not in text, f"{path} holds the label key"
        assert "_STRATEGY_KEY" not in text, f"{path} holds the strategy key"
        if path.suffix == ".csv":
            frame = pd.read_csv(path, dtype=str)
            if "label" in frame.columns:
                assert not test_ids & set(frame["id"]), f"{path} labels test rows"
    assert len(strategy) == 14


def test_source_notebook_holds_keys_only_in_hidden_tests():
    nb = nbformat.read(str(source_notebook(ASSIGNMENT)), as_version=4)
    key = label_key()
    for cell in nb.cells:
        visible = HIDDEN_RE.sub("", cell.source)
        assert key not in visible and "_STRATEGY_KEY" not in visible, cell.metadata


def test_catalogue_is_complete_and_bilingual():
    tax = course.excuse_taxonomy()
    assert tuple(tax.index) == DOMAIN_IDS
    assert (tax.apply(lambda col: col.str.strip().str.len()) > 0).all().all()
    menu = course.response_strategies()
    assert menu.index.is_unique and len(menu) >= 14


def test_unknown_split_is_refused_clearly():
    with pytest.raises(ValueError, match="split"):
        course.load_excuses("validation")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("excuse", DOMAIN_IDS)
def test_catalogue_example_responses_pass_the_review_engine(excuse, lang):
    from autograder import review

    text = course.excuse_taxonomy().at[excuse, f"example_response_{lang}"]
    flags = review(text, at=datetime(2026, 11, 23, 10, 0)).flags
    assert not flags, [(f.category, f.quote, f.rule) for f in flags]
