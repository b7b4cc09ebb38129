"""The grading run's settings: the course's nbgrader configuration plus this run's overrides."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_PRELOAD = ("autograder.checks",)
# Never preloaded: importing them before the kernel's shell exists changes their behaviour
# (pyplot and the inline backend hook into the running IPython shell when imported).
NO_PRELOAD = (
    "matplotlib.pyplot",
    "matplotlib_inline",
    "pylab",
    "ipywidgets",
    "IPython",
    "ipykernel",
)
# matplotlib's core (0.3 s: font list, figure machinery) is safe to preload: its backend comes
# from MPLBACKEND, which the zygote sets to what ipykernel sets (see sandbox.preload). pandas
# imports it when a notebook plots, so it comes with pandas.
MATPLOTLIB_CORE = ("matplotlib", "matplotlib.figure", "matplotlib.font_manager")


def _never_preloaded(module: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in NO_PRELOAD)


@dataclass(frozen=True)
class Limits:
    """What the learner's kernel is held to while it is graded (see docs/grading.md)."""

    memory_mb: int = 4096  # RLIMIT_AS of the kernel process (virtual: threads reserve a lot)
    cpu_seconds: int = 900  # RLIMIT_CPU backstop for the whole notebook
    file_mb: int = 256  # RLIMIT_FSIZE: largest file the kernel may write
    network: bool = False  # False: the kernel runs in an empty network namespace if possible
    max_output_bytes: int = 1_000_000  # text kept per cell output after nbgrader's LimitOutput
    readonly: tuple[str, ...] = ()  # paths the kernel sees read-only (submitted/)
    hidden: tuple[str, ...] = ()  # paths the kernel sees empty (source/, submitted/, gradebook)
    confine: str = ""  # autograded/: the kernel sees only its own learner's folder in it
    user: str = ""  # the unprivileged user learner code runs as (needs root to switch)
    processes: int = 256  # RLIMIT_NPROC of that user (processes and threads; only with `user`)

    def sandbox_args(self, preload: tuple[str, ...]) -> list[str]:
        args = [
            f"--memory-mb={self.memory_mb}",
            f"--cpu-seconds={self.cpu_seconds}",
            f"--file-mb={self.file_mb}",
            f"--preload={','.join(preload)}",
        ]
        if not self.network:
            args.append("--no-network")
        args += [f"--readonly={p}" for p in self.readonly]
        args += [f"--hide={p}" for p in self.hidden]
        if self.confine:
            args.append(f"--confine={self.confine}")
        if self.user:
            args += [f"--user={self.user}", f"--max-processes={self.processes}"]
        return args


@dataclass(frozen=True)
class CourseSpec:
    """A picklable description of the course and run, shipped to every worker (local or Dask)."""

    root: str
    assignment: str
    db_url: str | None = None
    timeout: int | None = None
    limits: Limits = field(default_factory=Limits)
    preload: tuple[str, ...] = DEFAULT_PRELOAD

    def load_config(self):
        """The nbgrader configuration as `nbgrader autograde` would load it, plus overrides."""
        from jupyter_core.paths import jupyter_config_path
        from traitlets.config import Config
        from traitlets.config.loader import PyFileConfigLoader

        config = Config()
        # nbgrader reads nbgrader_config.py from the Jupyter config path, then the course dir.
        for directory in [*reversed(jupyter_config_path()), self.root]:
            if (Path(directory) / "nbgrader_config.py").is_file():
                loader = PyFileConfigLoader("nbgrader_config.py", path=directory)
                config.merge(loader.load_config())
        config.CourseDirectory.root = self.root
        if self.db_url:
            config.CourseDirectory.db_url = self.db_url
        if self.timeout is not None:
            config.Execute.timeout = self.timeout
        config.CourseDirectory.assignment_id = self.assignment
        return config

    def paths(self, config) -> tuple[str, str, str]:
        """(submitted dir, source dir, gradebook URL) from the configuration, without nbgrader."""
        section = config.CourseDirectory
        submitted = os.path.join(self.root, section.get("submitted_directory", "submitted"))
        source = os.path.join(self.root, section.get("source_directory", "source"))
        default_db = "sqlite:///" + os.path.join(self.root, "gradebook.db")
        return submitted, source, section.get("db_url", default_db)

    def coursedir(self, config=None):
        from nbgrader.coursedir import CourseDirectory

        return CourseDirectory(config=config if config is not None else self.load_config())


def resolve_root(course_dir: str | os.PathLike) -> str:
    root = Path(course_dir).resolve()
    if not root.is_dir():
        raise FileNotFoundError(f"course directory {root} does not exist")
    return str(root)


def _code_cells(path: Path) -> list[str]:
    """Sources of a notebook's code cells, read as plain JSON (nbformat 4 or 3)."""
    import json

    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []  # an unreadable source only costs speed
    cells = nb.get("cells") or [c for ws in nb.get("worksheets", []) for c in ws.get("cells", [])]
    out = []
    for cell in cells:
        if cell.get("cell_type") == "code":
            text = cell.get("source", cell.get("input", ""))
            out.append("".join(text) if isinstance(text, list) else str(text))
    return out


def notebook_imports(paths: list[Path]) -> tuple[str, ...]:
    """Modules the instructor's notebooks import: what a warm kernel should have loaded."""
    import ast

    found: list[str] = []
    for path in paths:
        for source in _code_cells(path):
            code = "\n".join(
                line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))
            )
            try:
                tree = ast.parse(code)
            except SyntaxError:
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    found.extend(alias.name for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    found.append(node.module)
                    # `from package import module`: the names may be submodules (else skipped)
                    found.extend(f"{node.module}.{a.name}" for a in node.names if a.name != "*")
    if any(m.split(".")[0] in ("pandas", "matplotlib") for m in found):
        found.extend(MATPLOTLIB_CORE)
    keep = [m for m in dict.fromkeys(found) if not _never_preloaded(m)]
    return tuple(keep)
