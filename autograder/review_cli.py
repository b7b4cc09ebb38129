"""`autograder review`: review scripts or transcripts from .txt/.md files or a .csv/.xlsx column."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

TEXT_SUFFIXES = {".txt", ".md"}
TABLE_SUFFIXES = {".csv", ".xlsx"}
DEFAULT_COLUMNS = ("text", "transcript", "script", "文本", "内容")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help=".txt/.md, or .csv/.xlsx")
    parser.add_argument(
        "--at",
        default=None,
        help="time of the call, ISO 8601 (default: an `at` column, else now) / 通话时间",
    )
    parser.add_argument("--format", dest="fmt", choices=("text", "json"), default="text")
    parser.add_argument("--jurisdiction", choices=("cn", "us"), default=None)
    parser.add_argument(
        "--column",
        default=None,
        help="text column of a .csv/.xlsx (default: text/transcript/script)",
    )


class InputError(Exception):
    """A problem with the command's input, reported without a traceback."""


def parse_at(value: Any) -> datetime:
    """An ISO string (or pandas Timestamp / datetime) → datetime; clear error otherwise."""
    if isinstance(value, datetime):
        return value.to_pydatetime() if hasattr(value, "to_pydatetime") else value
    try:
        return datetime.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"--at / at: not an ISO date-time: {value!r}") from None


def read_table(path: Path, column: str | None) -> list[tuple[str, str, Any]]:
    """(source label, text, at-or-None) for every row of a .csv/.xlsx."""
    import io

    import pandas as pd

    from autograder.textio import UnreadableText, read_text

    try:
        if path.suffix.lower() == ".csv":
            text, _ = read_text(path)
            frame = pd.read_csv(io.StringIO(text), dtype=str)
        else:
            frame = pd.read_excel(path)
    except UnreadableText as exc:
        raise InputError(f"{path}: {exc}") from None
    except Exception as exc:  # noqa: BLE001 - pandas/openpyxl raise many kinds for a bad table
        raise InputError(f"{path}: not a readable table / 无法读取表格 ({exc})") from None
    if column is None:
        column = next((c for c in DEFAULT_COLUMNS if c in frame.columns), None)
        if column is None:
            raise InputError(
                f"{path}: no text column; use --column (columns: {list(frame.columns)})"
            )
    elif column not in frame.columns:
        raise InputError(f"{path}: no column {column!r} (columns: {list(frame.columns)})")
    rows = []
    for k, (_, row) in enumerate(frame.iterrows()):
        text = row[column]
        text = "" if pd.isna(text) else str(text)
        at = row["at"] if "at" in frame.columns and not pd.isna(row["at"]) else None
        rows.append((f"{path.name}:{k + 1}", text, at))
    return rows


def read_input(name: str, column: str | None) -> list[tuple[str, str, Any, bool]]:
    """(source, text, at, from_table) for every input in one file; InputError if unreadable."""
    from autograder.textio import UnreadableText, read_text

    path = Path(name)
    if not path.is_file():
        raise InputError(f"{name}: no such file / 文件不存在")
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        try:
            text, encoding = read_text(path)
        except UnreadableText as exc:
            raise InputError(f"{name}: {exc}") from None
        except OSError as exc:
            raise InputError(f"{name}: cannot be read / 无法读取 ({exc.strerror})") from None
        if encoding not in ("utf-8", "utf-8-sig"):
            print(
                f"autograder review: {name}: read as {encoding} / 按 {encoding} 读取",
                file=sys.stderr,
            )
        return [(str(path), text, None, False)]
    if suffix in TABLE_SUFFIXES:
        return [(src, text, at, True) for src, text, at in read_table(path, column)]
    raise InputError(f"{name}: unsupported file type (use .txt, .md, .csv or .xlsx)")


def summary_row(source: str, result: Any) -> dict[str, Any]:
    c = result.commitment
    return {
        "source": source,
        "flags": ",".join(sorted(result.flag_categories)) or "-",
        "due": c.due.isoformat() if c else "-",
        "amount": str(c.amount) if c and c.amount is not None else "-",
        "missing": ",".join(result.missing_elements) or "-",
    }


def main(
    *,
    files: list[str],
    at: str | None = None,
    fmt: str = "text",
    jurisdiction: str | None = None,
    column: str | None = None,
) -> int:
    """Review every input; an unreadable file or row is reported and the others still are.

    Exit status: 0 when everything was reviewed, 2 when any input could not be (or `--at` is
    not a date-time, in which case nothing is reviewed).
    """
    from autograder.review import review

    try:
        default_at = parse_at(at) if at else None
    except InputError as exc:
        print(f"autograder review: {exc}", file=sys.stderr)
        return 2
    results: list[tuple[str, Any, bool]] = []
    errors: list[tuple[str, str]] = []
    for name in files:
        try:
            inputs = read_input(name, column)
        except InputError as exc:
            errors.append((name, str(exc)))
            continue
        for source, text, row_at, from_table in inputs:
            try:
                when = default_at or (parse_at(row_at) if row_at is not None else datetime.now())
            except InputError as exc:
                errors.append((source, f"{source}: {exc}"))
                continue
            results.append((source, review(text, at=when, jurisdiction=jurisdiction), from_table))
    for _, message in errors:
        print(f"autograder review: {message}", file=sys.stderr)
    if fmt == "json":
        records = [{"source": s, **r.to_dict()} for s, r, _ in results]
        records += [{"source": source, "error": message} for source, message in errors]
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return 2 if errors else 0
    table = [summary_row(s, r) for s, r, t in results if t]
    for source, result, from_table in results:
        if not from_table:
            print(f"== {source} ==")
            print(result)
            print()
    if table:
        import pandas as pd

        print(pd.DataFrame(table).to_string(index=False))
    return 2 if errors else 0
