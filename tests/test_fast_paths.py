"""Shortcuts taken for speed give the same answers as the plain definitions."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import segment
from analysis.quotes import _full_name, clean_speaker
from analysis.segment import REUSE_N, ReuseCache, ReuseIndex, paragraph_spans
from analysis.text import (
    Normalised,
    normalise,
    normalised_words_each,
    sentence_spans,
    word_spans,
)


def simple_coverage(documents, text, start, end, n=REUSE_N):
    """The definition: the region's words, each n-gram looked up, first document wins."""
    grams = {}
    for doc_id, doc in documents.items():
        tokens = [normalise(doc[s:e]) for s, e in word_spans(doc)]
        for i in range(len(tokens) - n + 1):
            grams.setdefault(tuple(tokens[i : i + n]), doc_id)
    tokens = [normalise(text[s:e]) for s, e in word_spans(text, start, end)]
    covered = [False] * len(tokens)
    votes = {}
    for i in range(len(tokens) - n + 1):
        doc_id = grams.get(tuple(tokens[i : i + n]))
        if doc_id is not None:
            votes[doc_id] = votes.get(doc_id, 0) + 1
            covered[i : i + n] = [True] * n
    if not votes:
        return 0.0, ""
    return sum(covered) / len(tokens), max(votes, key=votes.__getitem__)


# A small vocabulary, so that documents and articles share n-grams; typographic
# variants that normalise alike; separators that join words into one token.
WORDS = st.sampled_from(
    ["the", "The", "talks", "Ukraine’s", "Ukraine's", "U.S.", "build-up", "Café", "cafe", "2024"]
)
GLUE = st.sampled_from([" ", " ", " ", "\n", "\n\n", ". ", ", ", "-", "’", "“", "” "])
TEXTS = st.lists(st.tuples(WORDS, GLUE), max_size=60).map(
    lambda parts: "".join(w + g for w, g in parts)
)


@settings(max_examples=300, deadline=None)
@given(TEXTS, TEXTS, TEXTS, st.data())
def test_coverage_equals_the_definition(doc_a, doc_b, text, data):
    documents = {"a": doc_a, "b": doc_b}
    cache = ReuseCache()
    index = ReuseIndex(documents, cache=cache)
    regions = [(0, len(text))]
    for lo, hi in paragraph_spans(text):
        regions.append((lo, hi))
        regions.extend(sentence_spans(text, lo, hi))
    # Arbitrary regions too, cutting through words.
    for _ in range(5):
        lo = data.draw(st.integers(0, len(text)))
        regions.append((lo, data.draw(st.integers(lo, len(text)))))
    # An index given the text's words, found for many texts at once, answers the same.
    (words,) = normalised_words_each([text], cache.words)
    primed = ReuseIndex(documents, cache=cache, words=(text, words))
    for lo, hi in regions:
        assert index.coverage(text, lo, hi) == simple_coverage(documents, text, lo, hi)
        assert primed.coverage(text, lo, hi) == index.coverage(text, lo, hi)
    # The same cache serves a second index and another text.
    other = ReuseIndex({"b": doc_b}, cache=cache)
    assert other.coverage(doc_a, 0, len(doc_a)) == simple_coverage(
        {"b": doc_b}, doc_a, 0, len(doc_a)
    )


def test_normalised_words_and_spans_match_word_spans():
    text = "Ukraine’s build-up, U.S. interests — Café “naïve” 3.5% _x_ a'b-c"
    memo = Normalised()
    spans = word_spans(text)
    assert memo(text) == [normalise(text[s:e]) for s, e in spans]
    tokens, starts, ends = memo.spans(text)
    assert tokens == memo(text)
    assert list(zip(starts, ends, strict=True)) == spans
    assert memo(text, 3, 20) == [normalise(text[s:e]) for s, e in word_spans(text, 3, 20)]
    assert memo.spans("") == ([], [], [])


def simple_full_name(text, surname, before):
    """_full_name as first written: scan the whole text before the quotation."""
    pattern = re.compile(rf"(?:(?:[A-Z]\.|[A-Z][\w’'-]*)\s+){{1,6}}{re.escape(surname)}\b")
    for match in pattern.finditer(text, 0, before):
        full = clean_speaker(match.group(0))
        if full.endswith(surname) and " " in full:
            return full
    match = re.search(rf"\b{re.escape(surname)}\s+[A-Z][a-z]+-[a-z]+\b", text[:before])
    return match.group(0) if match else surname


NAME_WORDS = st.sampled_from(
    ["Jen", "Psaki", "J.", "Press", "Secretary", "said", "the", "Park", "Jae-won", "O’Neil", "Mr."]
)
NAME_GLUE = st.sampled_from([" ", " ", "\n", ", ", ". ", "“", "” ", "-", ": "])
NAME_TEXTS = st.lists(st.tuples(NAME_WORDS, NAME_GLUE), max_size=40).map(
    lambda parts: "".join(w + g for w, g in parts)
)


@settings(max_examples=500, deadline=None)
@given(NAME_TEXTS, st.sampled_from(["Psaki", "Park", "O’Neil", "Jen", "J"]), st.data())
def test_full_name_equals_the_whole_text_scan(text, surname, data):
    before = data.draw(st.integers(0, len(text)))
    assert _full_name(text, surname, before) == simple_full_name(text, surname, before)


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from("ab1_ é’'.-—\n“”") | st.characters(blacklist_categories=("Cs",))
    )
)
def test_possessive_word_pattern_equals_the_greedy_one(text):
    from analysis.text import _WORD

    greedy = re.compile(r"[^\W_]+(?:[’'.\-][^\W_]+)*")
    assert [m.span() for m in _WORD.finditer(text)] == [m.span() for m in greedy.finditer(text)]


LINE_PIECES = st.sampled_from(
    [
        "All rights reserved.",
        "all rights reserved",
        "Tags:",
        "Read more:",
        "Subscribe",
        "© 2024",
        "END",
        "By Jane Doe",
        "Published",
        "Reporting by Jane Doe; Editing by John Roe",
        "contributed to this report",
        "ap/afp (",
        "ALL RIGHTS RESERVED",
        "the talks",
        "said",
    ]
)
LINES = st.lists(
    st.tuples(LINE_PIECES, st.sampled_from([" ", "", ". ", "\n", ": "])), max_size=6
).map(lambda parts: "".join(p + g for p, g in parts))


@settings(max_examples=500, deadline=None)
@given(LINES)
def test_found_equals_search(line):
    from analysis import segment

    for pattern, anywhere in (
        (segment._BOILERPLATE, segment._BOILERPLATE_ANYWHERE),
        (segment._BYLINE, segment._BYLINE_ANYWHERE),
    ):
        assert segment._found(pattern, anywhere, line) == (pattern.search(line) is not None)


@settings(max_examples=300, deadline=None)
@given(LINES, st.sampled_from(["“", '"', "", "The Kremlin said in a statement: "]), LINES)
def test_quoted_readout_shortcut(before, mark, after):
    from analysis import segment

    body = before + mark + after + " word" * 12
    if ":" not in body or ("“" not in body and '"' not in body):
        # The shortcut answers None only where the pattern cannot match.
        assert segment._QUOTED_INTRO.match(body) is None
        assert segment._quoted_readout(body) is None


DATE_PARTS = st.sampled_from(
    [
        "Jan",
        "March",
        "Sept.",
        "May",
        " ",
        ", ",
        "1",
        "12",
        "2021",
        "-",
        "04",
        "th",
        "Monday",
        "٣",
        "²",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(DATE_PARTS, max_size=8).map("".join))
def test_date_line_prefilter_keeps_every_date(text):
    """A date needs a digit, so texts without one can skip the date pattern."""
    if segment._DATE_ANY.search(text):
        assert segment._DIGIT.search(text)
    assert segment._date_line(text) == (
        len(text) <= 120
        and bool(segment._DATE_ANY.search(text))
        and not segment._DATE_LINE_FILLER.sub("", text)
    )


@given(st.text(st.sampled_from("ab .\n\u00a0\u2028”"), max_size=40))
def test_headline_like_with_a_word_count_equals_without(text):
    assert segment._headline_like(text, len(text.split())) == segment._headline_like(text)
