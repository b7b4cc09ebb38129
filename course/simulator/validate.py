"""Scenario validator: every problem in a scenario file or folder, with a code and a clear message."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from course.simulator import conditions, paths
from course.simulator.model import (
    ENDINGS,
    EXCUSES,
    JURISDICTIONS,
    QUALITIES,
    SPEAKERS,
    TAGS,
    WHENS,
    build,
    catalog,
)

KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MIN_NODES, MIN_ENDINGS = 12, 3
REQUIRED = ("id", "title", "persona", "account", "call_time", "start", "nodes")


@dataclass(frozen=True)
class Problem:
    """One validation error: `code` (docs/scenarios.md), where it is, and what was found."""

    code: str
    where: str
    detail: str = ""
    file: str = ""

    def __str__(self) -> str:
        msg = catalog()["problems"][self.code]
        place = f"{self.file}: " if self.file else ""
        detail = f" ({self.detail})" if self.detail else ""
        return f"{place}{self.where}: [{self.code}] {msg.zh} / {msg.en}{detail}"


class _Checker:
    def __init__(self, raw: Any, file: str = "", stem: str | None = None):
        self.raw, self.file, self.stem = raw, file, stem
        self.problems: list[Problem] = []

    def add(self, code: str, where: str, detail: str = "") -> None:
        self.problems.append(Problem(code, where, detail, self.file))

    def text(self, value: Any, where: str, *, variants: bool = False) -> None:
        if variants and isinstance(value, list) and value:
            for i, v in enumerate(value):
                self.text(v, f"{where}[{i}]")
            return
        if not isinstance(value, dict):
            self.add("missing_translation", where, "expected {zh: ..., en: ...}")
            return
        for lang in ("zh", "en"):
            if not isinstance(value.get(lang), str) or not value[lang].strip():
                self.add("missing_translation", where, f"no {lang}")

    def effects(self, value: Any, where: str) -> None:
        if value in (None, {}):
            return
        if not isinstance(value, dict):
            self.add("bad_value", where, "effects must map variables to integers")
            return
        for var, delta in value.items():
            if var not in self.variables:
                self.add("unknown_variable", f"{where}.{var}")
            if not isinstance(delta, int) or isinstance(delta, bool):
                self.add("bad_value", f"{where}.{var}", f"not an integer: {delta!r}")

    def cond(self, value: Any, where: str) -> None:
        if not isinstance(value, dict) or not value:
            self.add("bad_value", where, "a condition is a mapping {var: '>=1'}")
            return
        for var, expr in value.items():
            if var not in self.variables:
                self.add("unknown_variable", f"{where}.{var}")
            try:
                conditions.parse(expr)
            except ValueError as exc:
                self.add("bad_value", f"{where}.{var}", str(exc))

    def node_ref(self, target: Any, where: str) -> None:
        if not isinstance(target, str) or target not in self.nodes:
            self.add("unknown_node", where, repr(target))

    def run(self) -> list[Problem]:
        raw = self.raw
        if not isinstance(raw, dict):
            self.add("yaml", "(file)")
            return self.problems
        for key in REQUIRED:
            if key not in raw:
                self.add("missing_field", key)
        sid = raw.get("id")
        if "id" in raw and (not isinstance(sid, str) or not KEBAB.match(sid)):
            self.add("bad_id", "id", repr(sid))
        elif self.stem is not None and sid is not None and sid != self.stem:
            self.add("bad_id", "id", f"{sid!r} in file {self.stem}.yaml")
        for key in ("title", "persona"):
            if key in raw:
                self.text(raw[key], key)
        self._top(raw)
        self.variables = raw.get("state") if isinstance(raw.get("state"), dict) else {}
        self.nodes = raw.get("nodes") if isinstance(raw.get("nodes"), dict) else {}
        if "nodes" in raw and not self.nodes:
            self.add("bad_value", "nodes", "nodes must be a non-empty mapping")
        if "start" in raw:
            self.node_ref(raw["start"], "start")
        choice_ids: set[str] = set()
        for node_id, node in self.nodes.items():
            self._node(str(node_id), node, choice_ids)
        if isinstance(raw.get("start"), str) and raw["start"] in self.nodes:
            reached = paths.static_reachable(self.nodes, raw["start"])
            for node_id in self.nodes:
                if node_id not in reached:
                    self.add("unreachable_node", f"nodes.{node_id}")
        return self.problems

    def _top(self, raw: dict) -> None:
        account = raw.get("account")
        if "account" in raw and not isinstance(account, dict):
            self.add("bad_value", "account", "a mapping of account fields")
        elif isinstance(account, dict):
            for key in ("amount_due", "dpd"):
                value = account.get(key)
                if value is not None and (
                    isinstance(value, bool) or not isinstance(value, int | float)
                ):
                    self.add("bad_value", f"account.{key}", f"not a number: {value!r}")
        if "call_time" in raw:
            try:
                datetime.fromisoformat(str(raw["call_time"]))
            except ValueError:
                self.add("bad_value", "call_time", f"{raw['call_time']!r} is not YYYY-MM-DDTHH:MM")
        if raw.get("jurisdiction", "cn") not in JURISDICTIONS:
            self.add("bad_value", "jurisdiction", repr(raw["jurisdiction"]))
        if raw.get("excuse") is not None and raw["excuse"] not in EXCUSES:
            self.add("bad_value", "excuse", repr(raw["excuse"]))
        state = raw.get("state")
        if state is not None and not (
            isinstance(state, dict)
            and all(isinstance(v, int) and not isinstance(v, bool) for v in state.values())
        ):
            self.add("bad_value", "state", "a mapping of variables to integers")

    def _node(self, node_id: str, node: Any, choice_ids: set[str]) -> None:
        where = f"nodes.{node_id}"
        if not KEBAB.match(node_id):
            self.add("bad_id", where, repr(node_id))
        if not isinstance(node, dict):
            self.add("bad_value", where, "a node is a mapping")
            return
        if node.get("speaker", "debtor") not in SPEAKERS:
            self.add("bad_value", f"{where}.speaker", repr(node["speaker"]))
        if "say" not in node:
            self.add("missing_field", f"{where}.say")
        else:
            self.text(node["say"], f"{where}.say", variants=True)
        self.effects(node.get("effects"), f"{where}.effects")
        choices = node.get("choices") or []
        free = node.get("free_text")
        if "ending" in node:
            if node["ending"] not in ENDINGS:
                self.add("bad_value", f"{where}.ending", repr(node["ending"]))
            if "summary" not in node:
                self.add("missing_field", f"{where}.summary")
            else:
                self.text(node["summary"], f"{where}.summary")
            if choices or free:
                self.add("bad_value", where, "an ending has no choices or free text")
            return
        if not choices and not free:
            self.add("dead_end", where)
        elif not free and all(isinstance(c, dict) and "if" in c for c in choices):
            self.add("dead_end", where, "every choice is conditional and there is no free text")
        if not isinstance(choices, list):
            self.add("bad_value", f"{where}.choices", "a list")
            choices = []
        for i, choice in enumerate(choices):
            self._choice(choice, f"{where}.choices[{i}]", choice_ids)
        if free is not None:
            self._free(free, f"{where}.free_text")

    def _choice(self, choice: Any, where: str, choice_ids: set[str]) -> None:
        if not isinstance(choice, dict):
            self.add("bad_value", where, "a choice is a mapping")
            return
        for key in ("id", "quality", "say", "next"):
            if key not in choice:
                self.add("missing_field", f"{where}.{key}")
        cid = choice.get("id")
        if cid is not None:
            if not isinstance(cid, str) or not KEBAB.match(cid):
                self.add("bad_id", f"{where}.id", repr(cid))
            elif cid in choice_ids:
                self.add("duplicate_id", f"{where}.id", cid)
            else:
                choice_ids.add(cid)
        if "quality" in choice and choice["quality"] not in QUALITIES:
            self.add("bad_quality", f"{where}.quality", repr(choice["quality"]))
        if "say" in choice:
            self.text(choice["say"], f"{where}.say")
        for tag in choice.get("tags") or []:
            if tag not in TAGS:
                self.add("bad_value", f"{where}.tags", repr(tag))
        self.effects(choice.get("effects"), f"{where}.effects")
        if "if" in choice:
            self.cond(choice["if"], f"{where}.if")
        nxt = choice.get("next")
        if isinstance(nxt, list) and nxt:
            for j, r in enumerate(nxt):
                rw = f"{where}.next[{j}]"
                if not isinstance(r, dict):
                    self.add("bad_value", rw, "a branch is {if: ..., to: node}")
                    continue
                self.node_ref(r.get("to"), f"{rw}.to")
                if "if" in r:
                    self.cond(r["if"], f"{rw}.if")
            if isinstance(nxt[-1], dict) and "if" in nxt[-1]:
                self.add("bad_value", f"{where}.next", "the last branch must have no `if`")
        elif "next" in choice:
            self.node_ref(nxt, f"{where}.next")

    def _free(self, free: Any, where: str) -> None:
        if not isinstance(free, dict):
            self.add("bad_value", where, "free_text is a mapping with prompt and branches")
            return
        if "prompt" not in free:
            self.add("missing_field", f"{where}.prompt")
        else:
            self.text(free["prompt"], f"{where}.prompt")
        branches = free.get("branches")
        if not isinstance(branches, list) or not branches:
            self.add("missing_field", f"{where}.branches")
            return
        for j, b in enumerate(branches):
            bw = f"{where}.branches[{j}]"
            if not isinstance(b, dict):
                self.add("bad_value", bw, "a branch is {when: ..., next: node}")
                continue
            if b.get("when") not in WHENS:
                self.add("bad_value", f"{bw}.when", repr(b.get("when")))
            if b.get("when") == "match" and not b.get("any"):
                self.add("missing_field", f"{bw}.any")
            if "quality" in b and b["quality"] not in QUALITIES:
                self.add("bad_quality", f"{bw}.quality", repr(b["quality"]))
            self.effects(b.get("effects"), f"{bw}.effects")
            self.node_ref(b.get("next"), f"{bw}.next")
        if not isinstance(branches[-1], dict) or branches[-1].get("when") != "default":
            self.add("bad_value", f"{where}.branches", "the last branch must be `when: default`")


def _strict(raw: dict, file: str) -> list[Problem]:
    nodes = raw["nodes"]
    endings = [n for n in nodes.values() if n.get("ending")]
    kinds = {n["ending"] for n in endings}
    unlawful = any(
        c.get("quality") == "unlawful" for n in nodes.values() for c in n.get("choices") or []
    )
    problems = []
    if len(nodes) < MIN_NODES or len(endings) < MIN_ENDINGS or "commitment" not in kinds:
        detail = f"{len(nodes)} nodes, {len(endings)} endings: {sorted(kinds)}"
        problems.append(Problem("too_small", "nodes", detail, file))
    elif len(kinds) < 2 or not unlawful:
        problems.append(
            Problem("too_small", "nodes", "needs another ending kind and an unlawful choice", file)
        )
    reached = paths.paths_to_endings(build(raw))
    for node_id, node in nodes.items():
        if node.get("ending") and node_id not in reached:
            problems.append(Problem("unreachable_ending", f"nodes.{node_id}", "", file))
    return problems


def validate(
    raw: Any, *, strict: bool = False, file: str = "", stem: str | None = None
) -> list[Problem]:
    """All problems of one scenario mapping; `strict` adds the course's size rules."""
    problems = _Checker(raw, file, stem).run()
    if strict and not problems:
        problems = _strict(raw, file)
    return problems


def validate_file(path: str | Path, *, strict: bool = False) -> list[Problem]:
    """Problems of one YAML file (the scenario id must equal the file name)."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        return [Problem("encoding", "(file)", f"byte {exc.start}", str(path))]
    except (OSError, yaml.YAMLError) as exc:
        return [Problem("yaml", "(file)", str(exc).splitlines()[0], str(path))]
    return validate(raw, strict=strict, file=str(path), stem=path.stem)


def validate_dir(directory: str | Path, *, strict: bool = False) -> dict[str, list[Problem]]:
    """Problems of every `*.yaml`/`*.yml` in a folder (files starting with `_` are skipped), by file."""
    directory = Path(directory)
    results: dict[str, list[Problem]] = {}
    seen: dict[str, str] = {}
    for path in sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")]):
        if path.name.startswith("_"):
            continue
        problems = validate_file(path, strict=strict)
        sid = path.stem
        if sid in seen:
            problems.append(Problem("duplicate_id", "id", f"also in {seen[sid]}", str(path)))
        seen[sid] = str(path)
        results[str(path)] = problems
    return results
