"""Turn splitting: speaker tags (Simplified, Traditional, English) at line starts → Turn list."""

from __future__ import annotations

import re

from .model import COLLECTOR, CONTACT, DEBTOR, UNKNOWN, Turn
from .normalize import normalize

__all__ = ["split_turns", "ROLE_OF_TAG"]

ROLE_OF_TAG: dict[str, str] = {
    # collector
    "催收员": COLLECTOR,
    "催收員": COLLECTOR,
    "坐席": COLLECTOR,
    "客服": COLLECTOR,
    "agent": COLLECTOR,
    "collector": COLLECTOR,
    # debtor
    "客户": DEBTOR,
    "客戶": DEBTOR,
    "债务人": DEBTOR,
    "債務人": DEBTOR,
    "debtor": DEBTOR,
    "customer": DEBTOR,
    # third parties
    "家属": CONTACT,
    "家屬": CONTACT,
    "联系人": CONTACT,
    "聯繫人": CONTACT,
    "聯係人": CONTACT,
    "聯絡人": CONTACT,
    "联络人": CONTACT,
    "contact": CONTACT,
}

_TAGS = "|".join(sorted(map(re.escape, ROLE_OF_TAG), key=len, reverse=True))
# A known tag, an optional short qualifier (`催收员 小王`, `Agent (Li)`), then `:` or `：`.
# The qualifier is a bracketed note, a short word after a space, or a letter/number (`Agent 2`,
# `催收员A`); a clause glued to the tag (`客户如果拒绝：`) is script text, not a tag.
_QUALIFIER = (
    r"(?:[ \t\u3000]*[(（\[【<][^)）\]】>\n]{0,16}[)）\]】>]"
    r"|[ \t\u3000]+[^\s:：]{1,8}|[a-z0-9]{1,3})?"
)
_KNOWN = re.compile(
    rf"^[ \t\u3000>*#\-【\[(（]*(?P<tag>{_TAGS})[】\])）*]*{_QUALIFIER}[*]*[ \t\u3000]*[:：]",
    re.IGNORECASE,
)


def _role(tag: str) -> str:
    return ROLE_OF_TAG.get(tag.lower(), ROLE_OF_TAG.get(tag, UNKNOWN))


def split_turns(text: str) -> list[Turn]:
    """Split a transcript into turns; untagged text (a written script) is all collector."""
    lines: list[tuple[int, int, str]] = []  # (start, end) offsets of each line, role or ""
    heads: list[tuple[int, str, int]] = []  # (line number, role, content start)
    pos = 0
    for number, line in enumerate(text.splitlines(keepends=True)):
        body = line.rstrip("\r\n")
        lines.append((pos, pos + len(body), ""))
        m = _KNOWN.match(body)
        if m:
            heads.append((number, _role(m.group("tag")), pos + m.end()))
        pos += len(line)
    if not heads:
        return _script_turns(text, lines)
    # Lines without a known tag (including unknown tags such as `旁白：`) continue the turn above.
    spans: list[tuple[str, int, int]] = []
    if heads[0][0] > 0:  # untagged preamble before the first tag: unknown speaker
        spans.append((UNKNOWN, lines[0][0], lines[heads[0][0] - 1][1]))
    for k, (_number, role, start) in enumerate(heads):
        last = heads[k + 1][0] - 1 if k + 1 < len(heads) else len(lines) - 1
        spans.append((role, start, lines[last][1]))
    turns: list[Turn] = []
    for role, start, end in spans:
        if text[start:end].strip():
            turns.append(_make_turn(len(turns), role, text, start, end))
    return turns


def _script_turns(text: str, lines: list[tuple[int, int, str]]) -> list[Turn]:
    turns: list[Turn] = []
    for start, end, _ in lines:
        if text[start:end].strip():
            turns.append(_make_turn(len(turns), COLLECTOR, text, start, end))
    return turns


def _make_turn(index: int, role: str, text: str, start: int, end: int) -> Turn:
    # strip surrounding blanks but keep offsets exact
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    body = text[start:end]
    return Turn(index=index, speaker=role, text=body, norm=normalize(body).text, start=start)
