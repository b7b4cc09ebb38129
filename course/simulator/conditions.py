"""State conditions and effects of scenarios: `{trust: ">=1"}` tests, `{trust: 1}` additions."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping

from course.simulator.model import Choice, Route

_OPS: dict[str, Callable[[int, int], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    "==": operator.eq,
    "!=": operator.ne,
    ">": operator.gt,
    "<": operator.lt,
}
_COND = re.compile(r"^\s*(>=|<=|==|!=|>|<)?\s*(-?\d+)\s*$")


def parse(expr: object) -> tuple[str, int]:
    """Split `">= 2"` into `(">=", 2)`; a bare integer means `==`. Raises ValueError."""
    if isinstance(expr, bool):
        raise ValueError(f"not a condition: {expr!r}")
    m = _COND.match(str(expr))
    if not m:
        raise ValueError(f"not a condition: {expr!r} (use e.g. '>=1', '<2', '==0')")
    return m.group(1) or "==", int(m.group(2))


def holds(cond: Mapping[str, object], state: Mapping[str, int]) -> bool:
    """True when every `var: "OP n"` entry of `cond` holds in `state`."""
    for var, expr in cond.items():
        op, value = parse(expr)
        if not _OPS[op](state.get(var, 0), value):
            return False
    return True


def apply(effects: Mapping[str, int], state: Mapping[str, int]) -> dict[str, int]:
    """A new state with `effects` added."""
    new = dict(state)
    for var, delta in effects.items():
        new[var] = new.get(var, 0) + int(delta)
    return new


def route(choice: Choice, state: Mapping[str, int]) -> str | None:
    """The node a choice leads to in `state` (evaluated after the choice's effects)."""
    chosen: Route | None = next((r for r in choice.routes if holds(r.cond, state)), None)
    return chosen.to if chosen else None


def available(choices: tuple[Choice, ...], state: Mapping[str, int]) -> list[Choice]:
    """The choices whose `if` holds in `state`."""
    return [c for c in choices if holds(c.cond, state)]
