import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.text import (
    DATE,
    Normalised,
    count_words,
    count_words_each,
    normalise,
    normalised_words_each,
    sentence_spans,
    word_spans,
)


def split(text):
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "President Joseph R. Biden, Jr. spoke today with President Vladimir Putin of Russia. "
            "They discussed a number of issues.",
            [
                "President Joseph R. Biden, Jr. spoke today with President Vladimir Putin of Russia.",
                "They discussed a number of issues.",
            ],
        ),
        ("A relationship consistent with U.S. interests, and more.", None),
        ("Mr. Biden spoke. Mrs. Smith left.", ["Mr. Biden spoke.", "Mrs. Smith left."]),
        (
            "Dr. J. K. Rowling wrote it. Then she left.",
            ["Dr. J. K. Rowling wrote it.", "Then she left."],
        ),
        (
            "Psaki said “we are watching.” “We will respond,” she said.",
            ["Psaki said “we are watching.”", "“We will respond,” she said."],
        ),
        ('He said "no." Then he left.', ['He said "no."', "Then he left."]),
        (
            "They met in the U.S. The talks were long.",
            ["They met in the U.S.", "The talks were long."],
        ),
        ("Really? Yes! Fine.", ["Really?", "Yes!", "Fine."]),
        ("The meeting ended at 5 p.m. He left.", ["The meeting ended at 5 p.m.", "He left."]),
        ("Sen. Smith and Gen. Milley met on Jan. 5 in Washington.", None),
        ("It grew 3.5 percent. Prices fell.", ["It grew 3.5 percent.", "Prices fell."]),
    ],
)
def test_sentence_split(text, expected):
    assert split(text) == (expected if expected is not None else [text])


def test_sentence_offsets_are_into_the_whole_text():
    text = "Intro.\n\nFirst one. Second one."
    start = text.index("First")
    spans = sentence_spans(text, start, len(text))
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]
    assert spans[0][0] == start


def test_words_and_normalise():
    text = "Ukraine’s build-up: U.S. interests"
    assert [text[s:e] for s, e in word_spans(text)] == ["Ukraine’s", "build-up", "U.S", "interests"]
    assert normalise("Ukraine’s") == "ukraine's"
    assert normalise("Élysée") == "elysee"
    assert count_words(text) == 4


# Lists of short texts: word characters, joiners, spaces, and any character at all.
TEXT_LISTS = st.lists(
    st.text(
        alphabet=st.one_of(st.sampled_from("ab9_ .'’-‐,\n"), st.characters(codec="utf-8")),
        max_size=30,
    ),
    max_size=6,
)


@given(TEXT_LISTS)
@settings(max_examples=300, deadline=None)
def test_count_words_each_equals_count_words(texts):
    assert count_words_each(texts).tolist() == [count_words(text) for text in texts]


def _words_and_starts(found):
    return [(words, starts.tolist()) for words, starts in found]


def _definition(text):
    spans = word_spans(text)
    return [normalise(text[s:e]) for s, e in spans], [s for s, _ in spans]


@given(TEXT_LISTS)
@settings(max_examples=300, deadline=None)
def test_normalised_words_each_equals_word_spans(texts):
    assert _words_and_starts(normalised_words_each(texts)) == list(map(_definition, texts))


def test_normalised_words_each_across_chunks(monkeypatch):
    monkeypatch.setattr("analysis._arrays.CHUNK_CHARACTERS", 40)
    texts = ["Ukraine’s build-up, U.S. interests", "", "a'b-c 3.5% _x_ Café", "-.x. y-"] * 4
    memo = Normalised()
    found = _words_and_starts(normalised_words_each(texts, memo))
    assert found == list(map(_definition, texts))
    assert memo["Café"] == "cafe"  # the memo given is the one filled


def test_american_spelling_table_is_one_step_and_leaves_other_words_alone():
    from analysis.text import _american_forms, american_spelling

    forms = _american_forms()
    assert forms["organisations"] == "organizations" and forms["counsellor"] == "counselor"
    assert forms["neighbouring"] == "neighboring" and forms["centred"] == "centered"
    # No British form is its own American form, and no American form is folded again.
    assert all(british != american for british, american in forms.items())
    assert not set(forms.values()) & set(forms)
    for word in ["hour", "four", "advise", "promise", "defense", "program", "fire"]:
        assert american_spelling(word) == word


@pytest.mark.parametrize(
    ("written", "is_date"),
    [
        ("May 4, 2031", True),
        ("4 May 2031", True),
        ("2031-05-04", True),
        ("May - 04– 2031", True),  # dashes between the parts
        ("4th May, 2031", True),  # an agency's ordinal
        ("04-05-2031", True),
        ("4/5/2031", True),
        ("4-5", False),
        ("Mayor 4", False),
        ("04-55-1234", False),  # a telephone number
    ],
)
def test_a_date_in_the_forms_pages_print_it(written, is_date):
    assert (re.fullmatch(DATE, written) is not None) is is_date
    assert re.compile(DATE).groups == 0  # it is embedded in other patterns
