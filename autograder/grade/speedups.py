"""Same results, less work: a cached schema validator and one skipped import.

nbgrader's CheckCellMetadata validates every cell with `jsonschema.validate(meta, schema)`,
which re-checks the schema itself on every call: about 10 ms a cell, 0.15 s a notebook, paid
twice per notebook. `fast_validate` checks the schema once and then validates the instance
exactly as `jsonschema.validate` does (same validator class, same best-match error).

`skip_unused_imports` stops jsonschema from importing rfc3987_syntax, which compiles a grammar
at import (about a second of CPU) only to check the "iri" string format; neither nbformat nor
nbgrader validates formats, so nothing they check changes.
"""

from __future__ import annotations

import contextlib
import json
import sys
import types
from collections.abc import Iterator
from functools import lru_cache


@lru_cache(maxsize=8)
def _validator(schema_text: str):
    import jsonschema

    schema = json.loads(schema_text)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def fast_validate(instance, schema, *args, **kwargs) -> None:
    """jsonschema.validate(instance, schema) with the schema checked once per process."""
    import jsonschema
    from jsonschema.exceptions import best_match

    if args or kwargs:
        return jsonschema.validate(instance, schema, *args, **kwargs)
    validator = _validator(json.dumps(schema, sort_keys=True))
    error = best_match(validator.iter_errors(instance))
    if error is not None:
        raise error


def skip_unused_imports() -> None:
    """Call before jsonschema and nbgrader are first imported (no effect after).

    nbgrader's package `__init__` imports its Jupyter server extensions (jupyter_server,
    tornado, the formgrader and exchange handlers): seconds of CPU that grading never uses.
    Here the package is registered without running that `__init__`, so importing
    `nbgrader.converters` and the like loads only what grading needs; the modules themselves
    are nbgrader's, unchanged.
    """
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # `import` raises ImportError: skipped
    if "nbgrader" not in sys.modules:
        import importlib.util

        spec = importlib.util.find_spec("nbgrader")
        if spec is None or not spec.submodule_search_locations:
            return
        package = types.ModuleType("nbgrader", "A system for assigning and grading notebooks.")
        package.__path__ = list(spec.submodule_search_locations)
        package.__file__ = spec.origin
        package.__spec__ = spec
        package.__package__ = "nbgrader"
        sys.modules["nbgrader"] = package
        from nbgrader._version import __version__

        package.__version__ = __version__


@contextlib.contextmanager
def nbgrader_speedups() -> Iterator[None]:
    """Patch nbgrader's metadata validator to use fast_validate while the block runs."""
    import jsonschema
    from nbgrader.nbgraderformat import common

    original = common.jsonschema
    shim = types.SimpleNamespace(**{k: getattr(jsonschema, k) for k in dir(jsonschema)})
    shim.validate = fast_validate
    common.jsonschema = shim
    try:
        yield
    finally:
        common.jsonschema = original
