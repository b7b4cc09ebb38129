"""Normalisation: Traditional → Simplified, full width, case, separators, and the index map back."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autograder.review.normalize import _build_compact, compact, normalize

CASES = [
    ("t2s", "催收員：您的帳戶", "催收员:您的帐户"),
    ("full width letters and space", "Ｈｅｌｌｏ　ＷＯＲＬＤ", "hello world"),
    ("lower case", "Deadbeat", "deadbeat"),
    ("control characters become spaces", "a\x00b\x07c", "a b c"),
]


@pytest.mark.parametrize("why,text,norm", CASES, ids=[c[0] for c in CASES])
def test_normalize(why, text, norm):
    assert normalize(text).text == norm


COMPACT = [
    ("space inside a Chinese phrase", "老 赖", "老赖"),
    ("hyphen inside a Chinese phrase", "老-赖", "老赖"),
    ("emoji inside a Chinese phrase", "老😀赖", "老赖"),
    ("spelled-out letters", "l a o l a i", "laolai"),
    ("dotted letters", "i.d.i.o.t, you", "idiot you"),
    ("apostrophes are not spelling", "I'm sure", "i m sure"),
    ("digit groups join", "6222 0201 1234", "622202011234"),
    ("words keep one space", "we  will   not", "we will not"),
    ("Traditional spaced", "老 賴", "老赖"),
]


@pytest.mark.parametrize("why,text,form", COMPACT, ids=[c[0] for c in COMPACT])
def test_compact(why, text, form):
    assert compact(normalize(text).text).text == form


def test_index_maps_back_to_the_original():
    text = "催收員：你這個老 賴！"
    n = normalize(text)
    c = compact(n.text)
    k = c.text.index("老赖")
    i, j = c.span(k, k + 2)
    assert text[n.orig(i) : n.orig(j - 1) + 1] == "老 賴"


def test_length_changing_characters_keep_the_map():
    text = "ﬁne İstanbul ①老赖"
    n = normalize(text)
    assert n.index is not None and len(n.index) == len(n.text)
    k = n.text.index("老赖")
    assert text[n.orig(k) : n.orig(k + 1) + 1] == "老赖"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_compact_index_matches_text_for_any_input(text):
    n = normalize(text)
    c = compact(n.text)
    assert len(c.index) == len(c.text)
    for k, ch in enumerate(c.text):
        if ch != " ":
            assert n.text[c.index[k]] in (ch, "著")  # 著 is matched as 着
    for k in range(len(c.text)):
        fresh = _build_compact(n.text)  # no index yet: span maps only the prefix it needs
        assert fresh.span(k, k + 1) == (c.index[k], c.index[k] + 1)
