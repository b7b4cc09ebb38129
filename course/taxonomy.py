"""The excuse taxonomy (DOMAIN.md's 14 ids with bilingual texts), read from course/data once."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["excuse_ids", "taxonomy_raw"]


@lru_cache(maxsize=1)
def taxonomy_raw() -> dict[str, Any]:
    """`excuse_taxonomy.yaml` as loaded: `excuses` (id and bilingual fields) and `strategies`."""
    path = resources.files("course").joinpath("data", "excuse_taxonomy.yaml")
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def excuse_ids() -> tuple[str, ...]:
    """The 14 excuse ids, in catalogue order (the order every label index refers to)."""
    return tuple(entry["id"] for entry in taxonomy_raw()["excuses"])
