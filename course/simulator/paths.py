"""Graph search over a scenario: which endings a sequence of choices reaches, and how."""

from __future__ import annotations

from collections import deque

from course.simulator import conditions
from course.simulator.model import Scenario

MAX_STEPS = 80  # a call longer than this is not searched further
MAX_STATES = 50_000


def _key(node: str, state: dict[str, int]) -> tuple:
    return (node, tuple(sorted(state.items())))


def enter(scenario: Scenario, node_id: str, state: dict[str, int]) -> dict[str, int]:
    """The state after entering a node (its effects applied)."""
    return conditions.apply(scenario.nodes[node_id].effects, state)


def paths_to_endings(scenario: Scenario) -> dict[str, list[str]]:
    """For each ending node reachable through choices alone, a shortest list of choice ids."""
    start_state = enter(scenario, scenario.start, scenario.state)
    queue: deque[tuple[str, dict[str, int], list[str]]] = deque([(scenario.start, start_state, [])])
    seen = {_key(scenario.start, start_state)}
    found: dict[str, list[str]] = {}
    while queue and len(seen) < MAX_STATES:
        node_id, state, path = queue.popleft()
        node = scenario.nodes[node_id]
        if node.ending:
            found.setdefault(node_id, path)
            continue
        if len(path) >= MAX_STEPS:
            continue
        for choice in conditions.available(node.choices, state):
            after = conditions.apply(choice.effects, state)
            target = conditions.route(choice, after)
            if target is None or target not in scenario.nodes:
                continue
            entered = enter(scenario, target, after)
            key = _key(target, entered)
            if key not in seen:
                seen.add(key)
                queue.append((target, entered, [*path, choice.id]))
    return found


def static_reachable(raw_nodes: dict, start: str) -> set[str]:
    """Node ids reachable from `start` over every `next`, `to` and free-text branch, ignoring state."""
    seen: set[str] = set()
    stack = [start]
    while stack:
        node_id = stack.pop()
        if node_id in seen or not isinstance(raw_nodes.get(node_id), dict):
            continue
        seen.add(node_id)
        stack.extend(targets(raw_nodes[node_id]))
    return seen


def targets(raw_node: dict) -> list[str]:
    """Every node id a raw node can lead to."""
    out: list[str] = []
    for choice in raw_node.get("choices") or []:
        if not isinstance(choice, dict):
            continue
        nxt = choice.get("next")
        if isinstance(nxt, str):
            out.append(nxt)
        elif isinstance(nxt, list):
            out.extend(r["to"] for r in nxt if isinstance(r, dict) and isinstance(r.get("to"), str))
    free = raw_node.get("free_text")
    if isinstance(free, dict):
        for b in free.get("branches") or []:
            if isinstance(b, dict) and isinstance(b.get("next"), str):
                out.append(b["next"])
    return out
