"""Find and load scenarios: the course's own in course/scenarios/, or any YAML file or folder."""

from __future__ import annotations

from pathlib import Path

import yaml

from course.simulator.model import Scenario, build, catalog
from course.simulator.validate import Problem, validate

SCENARIO_DIR = Path(__file__).resolve().parent.parent / "scenarios"


class ScenarioError(ValueError):
    """A scenario that cannot be found or has validation problems."""

    def __init__(self, message: str, problems: list[Problem] | None = None):
        self.problems = list(problems or [])
        lines = [message, *(f"  - {p}" for p in self.problems)]
        super().__init__("\n".join(lines))


def list_scenarios(directory: str | Path | None = None) -> list[str]:
    """Ids of the scenarios in a folder (default: the course's), sorted."""
    folder = Path(directory) if directory else SCENARIO_DIR
    return sorted(p.stem for p in folder.glob("*.yaml") if not p.name.startswith("_"))


def _resolve(ref: str | Path, directory: str | Path | None) -> Path:
    path = Path(ref)
    if path.suffix in (".yaml", ".yml") and path.exists():
        return path
    folder = Path(directory) if directory else SCENARIO_DIR
    for suffix in (".yaml", ".yml"):
        candidate = folder / f"{ref}{suffix}"
        if candidate.exists():
            return candidate
    msg = catalog()["errors"]["not_found"]
    known = ", ".join(list_scenarios(folder)) or "-"
    raise ScenarioError(f"{msg.zh} / {msg.en}: {ref!r} (in {folder}: {known})")


def load_scenario(ref: str | Path | Scenario, directory: str | Path | None = None) -> Scenario:
    """A scenario by id (in `directory` or the course's folder) or by path; raises ScenarioError."""
    if isinstance(ref, Scenario):
        return ref
    path = _resolve(ref, directory)
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _CACHE:
        _CACHE[key] = _load(path)
    return _CACHE[key]


_CACHE: dict[tuple[str, int, int], Scenario] = {}  # scenarios are frozen: safe to share


def _load(path: Path) -> Scenario:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ScenarioError(f"{path}: {exc}") from exc
    problems = validate(raw, file=str(path), stem=path.stem)
    if problems:
        msg = catalog()["errors"]["invalid"]
        raise ScenarioError(f"{msg.zh} / {msg.en}: {path}", problems)
    return build(raw, path)
