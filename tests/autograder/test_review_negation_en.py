"""English negation, reported speech and reply context: what clears a match and what does not."""

from datetime import datetime

import pytest

from autograder.review import review

DAY = datetime(2026, 11, 23, 10, 0)

# (why, text, expected categories)
CASES = [
    ("emphatic never, ever", "Agent: We never, ever ask for payment by gift card.", set()),
    (
        "filler words do not count",
        "Agent: We don't accept payments to anyone's personal Venmo.",
        set(),
    ),
    ("not allowed to offer", "Agent: I'm not allowed to offer a discount on my own.", set()),
    ("we stopped calling", "Collector: We've stopped calling your work number.", set()),
    ("we'll stop calling", "Collector: We'll stop calling your work number today.", set()),
    ("stop acting is a scolding", "Agent: Stop acting like a child and pay.", {"abuse"}),
    ("won't stop calling", "Collector: We won't stop calling until you pay.", {"harassment"}),
    ("don't make me", "Collector: Don't make me phone your in-laws.", {"third_party_disclosure"}),
    ("who-clause", "Collector: People who don't pay tend to get hurt.", {"threat"}),
    ("negated gerund subject", "Collector: Not paying this is a felony.", {"false_legal_claim"}),
    (
        "you don't want",
        "Collector: You don't want your neighbors to find out you owe us.",
        {"third_party_disclosure"},
    ),
    ("script: never tell", "Never tell a customer they will be arrested.", set()),
    (
        "at no point will we",
        "Collector: At no point will we ask for your online banking password.",
        set(),
    ),
    (
        "a caller saying",
        "Collector: A caller saying he's from the sheriff and demanding gift cards isn't us.",
        set(),
    ),
    ("you heard", "Collector: You heard we'd send someone to your job? That's false.", set()),
    (
        "if a collector ever",
        "Agent: If a collector ever tells you you'll lose your house, it's not true.",
        set(),
    ),
    (
        "but 'if the company' is a condition",
        "Agent: If the company doesn't hear from you, we'll send someone to your house.",
        {"threat"},
    ),
    (
        "advice to tell your own family",
        "Agent: Feel free to let your family know you're handling it.",
        set(),
    ),
    ("... or I will", "Collector: You can tell your boss, or I will.", {"third_party_disclosure"}),
    (
        "a full stop ends the negation",
        "Collector: Don't worry about those. I'll take them off for you.",
        {"unauthorized_waiver"},
    ),
    (
        "nothing negates",
        "Agent: Nothing has been sent to your employer, and nothing will be.",
        set(),
    ),
    (
        "rather not have to",
        "Agent: I'd rather not have to tell your neighbors about your debt.",
        {"third_party_disclosure"},
    ),
    (
        "a reply waives what the debtor asked about",
        "Debtor: What about the late fees?\nCollector: Consider them gone.",
        {"unauthorized_waiver"},
    ),
    (
        "the same reply to small talk is lawful",
        "Debtor: Sorry I missed your call.\nCollector: Forget about it.",
        set(),
    ),
    (
        "'yes' to 'are you from the bank?'",
        "Debtor: Are you from the bank?\nAgent: Yes, I'm a Chase employee.",
        {"impersonation"},
    ),
    (
        "'no problem' is not a negation",
        "Agent: No problem, get a gift card and read me the code.",
        {"private_payment"},
    ),
    ("list tail keeps the negation", "Agent: We don't accept cash, gift cards or crypto.", set()),
    (
        "a new subject after 'and'",
        "Collector: We never forget a face, and we know where you live.",
        {"threat"},
    ),
    (
        "an adverb after 'and'",
        "Collector: You never paid, and now your boss will hear about it.",
        {"third_party_disclosure"},
    ),
    (
        "apostrophes are not quotes",
        "Collector: Since you weren't answering, we sent the notice to your parents' address.",
        {"third_party_disclosure"},
    ),
]


@pytest.mark.parametrize("why,text,expected", CASES, ids=[c[0] for c in CASES])
def test_english_negation_and_reported_speech(why, text, expected):
    assert {f.category for f in review(text, at=DAY).flags} == expected
