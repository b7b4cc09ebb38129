"""Excuse data for assignment 03: the labelled train split, the unlabelled test texts, the taxonomy."""

from __future__ import annotations

from importlib import resources

import pandas as pd

from course.taxonomy import taxonomy_raw

SPLITS: tuple[str, ...] = ("train", "test")
LANGS: tuple[str, ...] = ("zh-Hans", "zh-Hant", "en")
_TEXT_FIELDS = ("name", "description", "strategy", "example_response")


def _data_path(name: str):
    return resources.files("course").joinpath("data", name)


def excuse_taxonomy() -> pd.DataFrame:
    """The bilingual excuse catalogue: one row per excuse id.

    Columns: name_zh, name_en, description_zh, description_en, strategy_zh, strategy_en,
    example_response_zh, example_response_en; the index is the excuse id.
    """
    rows = []
    for entry in taxonomy_raw()["excuses"]:
        row = {"id": entry["id"]}
        for field in _TEXT_FIELDS:
            row[f"{field}_zh"] = entry[field]["zh"]
            row[f"{field}_en"] = entry[field]["en"]
        rows.append(row)
    return pd.DataFrame(rows).set_index("id")


def response_strategies() -> pd.DataFrame:
    """The menu of response-strategy keys for question 4.1 (key, zh, en), lawful or not."""
    return pd.DataFrame(taxonomy_raw()["strategies"]).set_index("key")


def load_excuses(split: str = "train") -> pd.DataFrame:
    """Debtor utterances: `train` has columns id, text, lang, label; `test` has id, text, lang.

    The test split's labels are not shipped: your predictions are graded against them.
    """
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS} / split 只能是 {SPLITS}, got {split!r}")
    with _data_path(f"excuses_{split}.csv").open(encoding="utf-8") as fh:
        frame = pd.read_csv(fh, dtype=str, keep_default_na=False)
    return frame
