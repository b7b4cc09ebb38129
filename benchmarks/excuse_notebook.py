"""Benchmark assignment 03: data per class and script, fresh-kernel runtime, hidden-split accuracy.

Runs the instructor's source notebook (solutions and hidden tests) in a fresh kernel and prints the
figures the hidden tests report. Run from the repository root:
    PYTHONPATH=$PWD python benchmarks/excuse_notebook.py
"""

from __future__ import annotations

import time
from pathlib import Path

import nbformat
import pandas as pd
from nbclient import NotebookClient

import course

SOURCE = Path("source/03-excuse-classification/03-excuse-classification.ipynb")


def main() -> None:
    train, test = course.load_excuses("train"), course.load_excuses("test")
    print(f"train {len(train)} rows, test {len(test)} rows (test labels hidden)")
    print(pd.crosstab(train["label"], train["lang"], margins=True).to_string())
    print("test rows per script:", test["lang"].value_counts().to_dict())

    nb = nbformat.read(str(SOURCE), as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    print(f"source notebook, fresh kernel: {time.perf_counter() - start:.1f} s")
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        for out in cell.get("outputs", []):
            for line in out.get("text", "").splitlines():
                if "hidden test accuracy" in line or line.startswith("[q"):
                    print(f"{gid}: {line.strip()[:160]}")


if __name__ == "__main__":
    main()
