"""Fuzzing the review engine: no crash on any text, deterministic, and normalisation invariants."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from autograder import review

AT = datetime(2026, 11, 23, 10, 0)

# Collector lines with a clear violation, and lawful firm lines that must stay clean.
PROHIBITED = [
    "你这个老赖，再不还钱就去你单位找你领导。",
    "我是法院的，你已经被立案了，明天警察就来抓你。",
    "你把钱转到我个人微信上就行。",
    "Pay me through my personal Venmo account today.",
    "We will tell your employer and your family about this debt.",
]
LAWFUL = [
    "逾期记录会上报征信，可能影响您以后申请贷款。",
    "按合同约定，逾期会产生罚息。",
    "请问您今天还是明天方便通过官方App处理？",
    "Under the contract, late payments incur penalty interest.",
]
SEPARATORS = [" ", "  ", "-", "·", "\u3000"]

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def categories(text: str) -> set[str]:
    return {f.category for f in review(text, at=AT).flags}


@FUZZ
@given(st.text(max_size=400))
def test_no_crash_on_arbitrary_text(text):
    result = review(text, at=AT)
    assert isinstance(result.flags, list)
    for flag in result.flags:
        assert flag.quote == "" or flag.quote in text or flag.turn == -1


@FUZZ
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["催收员", "客户", "Agent", "Debtor", "家属", "???", ""]),
            st.text(max_size=60),
        ),
        max_size=8,
    )
)
def test_no_crash_on_arbitrary_transcripts_and_deterministic(turns):
    text = "\n".join(f"{tag}：{line}" if tag else line for tag, line in turns)
    first = review(text, at=AT)
    second = review(text, at=AT)
    assert first.flags == second.flags
    assert first.commitment == second.commitment


@FUZZ
@given(st.sampled_from(PROHIBITED), st.data())
def test_separators_inside_phrases_do_not_hide_violations(line, data):
    expected = categories(line)
    assert expected, f"baseline line not flagged: {line}"
    chars = list(line)
    positions = data.draw(st.sets(st.integers(1, len(chars) - 1), max_size=4))
    sep = data.draw(st.sampled_from(SEPARATORS))
    for pos in sorted(positions, reverse=True):
        if chars[pos - 1].isascii() and chars[pos].isascii():
            continue  # separators between Latin letters change the words themselves
        chars.insert(pos, sep)
    assert categories("".join(chars)) == expected


@pytest.mark.parametrize("line", PROHIBITED + LAWFUL)
def test_traditional_script_gives_the_same_flags(line):
    import opencc

    traditional = opencc.OpenCC("s2t").convert(line)
    assert categories(traditional) == categories(line)


@pytest.mark.parametrize("line", PROHIBITED + LAWFUL)
def test_full_width_letters_give_the_same_flags(line):
    wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in line)
    assert categories(wide) == categories(line)


@pytest.mark.parametrize("line", LAWFUL)
def test_lawful_firm_lines_stay_clean(line):
    assert categories(line) == set()
