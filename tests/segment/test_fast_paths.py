"""Shortcuts taken for speed give the same answers as the plain definitions."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import segment
from analysis import text as text_module
from analysis.segment import ReuseCache, RoleLimits, SpeakerLimits, paragraph_spans
from analysis.segment.names import _full_name, clean_speaker
from analysis.segment.view import _DATE_ANY, _DATE_LINE_FILLER, _DIGIT, _date_line, _headline_like
from analysis.text import (
    Normalised,
    normalise,
    sentence_spans,
    word_spans,
)

REUSE_N = RoleLimits().reuse_n


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


DOCUMENT_WORDS = st.lists(st.tuples(WORDS, GLUE), min_size=8, max_size=40)


@st.composite
def borrowing(draw, doc_a, doc_b):
    """A text of runs of words copied from the documents and words of its own."""
    pieces = []
    for _ in range(draw(st.integers(0, 6))):
        source = draw(st.sampled_from([doc_a, doc_b, draw(DOCUMENT_WORDS)]))
        lo = draw(st.integers(0, len(source)))
        pieces.extend(w + g for w, g in source[lo : draw(st.integers(lo, len(source)))])
        pieces.append(draw(st.sampled_from([" ", " ", "\n\n", ". "])))
    return "".join(pieces)


def _joined(parts):
    return "".join(w + g for w, g in parts)


@settings(max_examples=200, deadline=None)
@given(DOCUMENT_WORDS, DOCUMENT_WORDS, st.data())
def test_reuse_of_blocks_and_sentences_equals_the_definition(words_a, words_b, data):
    texts = data.draw(st.lists(borrowing(words_a, words_b), min_size=1, max_size=5))
    doc_a, doc_b = _joined(words_a), _joined(words_b)
    # Texts paired with both documents (in either order: the first wins an n-gram
    # both hold), with one, or with none, side by side in one call.
    pairings = [{"a": doc_a, "b": doc_b}, {"b": doc_b, "a": doc_a}, {"b": doc_b}, {}]
    documents = [pairings[k % len(pairings)] for k in range(len(texts))]
    cache = ReuseCache()
    for text, paired, layout in zip(
        texts, documents, segment.layout_each(texts, documents, cache), strict=True
    ):
        if not paired:
            assert layout.block_reuse is layout.sentence_reuse is None
            continue
        assert layout.block_reuse == [simple_coverage(paired, text, *b) for b in layout.blocks]
        assert layout.sentence_reuse == [
            simple_coverage(paired, text, *s) for block in layout.sentences for s in block
        ]
    # The cache keeps each document's n-grams, and serves a second call the same.
    (again,) = segment.layout_each(texts[:1], documents[:1], cache)
    assert again.block_reuse == next(segment.layout_each(texts[:1], documents[:1])).block_reuse


def test_normalised_words_match_word_spans():
    text = "Ukraine’s build-up, U.S. interests — Café “naïve” 3.5% _x_ a'b-c"
    memo = Normalised()
    assert memo(text) == [normalise(text[s:e]) for s, e in word_spans(text)]
    assert memo(text, 3, 20) == [normalise(text[s:e]) for s, e in word_spans(text, 3, 20)]
    assert memo("") == []


def simple_full_name(text, surname, before):
    """_full_name the slow way: the first full name of the whole text, scanned from the top.

    It is the speaker's full name when it ends before the quotation (``before``). A
    name's words are on one line.
    """
    pattern = re.compile(rf"(?:(?:[A-Z]\.|[A-Z][\w’'-]*)[^\S\n]+){{1,6}}{re.escape(surname)}\b")
    for match in pattern.finditer(text):
        full = clean_speaker(match.group(0))
        if full.endswith(surname) and " " in full:
            if match.end() <= before:
                return full
            break
    match = re.search(rf"\b{re.escape(surname)}\s+[A-Z][a-z]+-[a-z]+\b", text)
    return match.group(0) if match and match.end() <= before else surname


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
    from analysis.segment import bylines, furniture
    from analysis.segment.view import _found

    for pattern, anywhere in (
        (furniture._BOILERPLATE, furniture._BOILERPLATE_ANYWHERE),
        (bylines._BYLINE, bylines._BYLINE_ANYWHERE),
    ):
        assert _found(pattern, anywhere, line) == (pattern.search(line) is not None)


@settings(max_examples=300, deadline=None)
@given(LINES, st.sampled_from(["“", '"', "", "The Kremlin said in a statement: "]), LINES)
def test_quoted_readout_shortcut(before, mark, after):
    from analysis.segment import official

    body = before + mark + after + " word" * 12
    if ":" not in body or ("“" not in body and '"' not in body):
        # The shortcut answers None only where the pattern cannot match.
        assert official._QUOTED_INTRO.match(body) is None
        assert official._quoted_readout(body) is None


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
    if _DATE_ANY.search(text):
        assert _DIGIT.search(text)
    assert _date_line(text) == (
        len(text) <= 120 and bool(_DATE_ANY.search(text)) and not _DATE_LINE_FILLER.sub("", text)
    )


@given(st.text(st.sampled_from("ab .\n\u00a0\u2028”"), max_size=40))
def test_headline_like_with_a_word_count_equals_without(text):
    assert _headline_like(text, len(text.split())) == _headline_like(text)


# --- blocks and sentences over code points ------------------------------------------


def simple_paragraph_spans(text):
    """The definition: lines, runs of non-blank lines, and the breaks inside a run."""
    lines = []
    for match in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text):
        if match.start() == match.end():
            break
        lines.append((match.start(), match.start() + len(match.group().rstrip("\r\n"))))
    spans, run = [], []
    for lo, hi in [*lines, (None, None)]:
        if lo is not None and text[lo:hi].strip():
            run.append((lo, hi))
            continue
        if run:
            stripped = [text[a:b].strip() for a, b in run]
            widths = [len(line) for line in stripped]
            wrapped = (
                len(run) >= 2 and all(40 <= w <= 100 for w in widths[:-1]) and widths[-1] <= 100
            )
            first = 0
            for i in range(len(run)):
                terminal = stripped[i].endswith(tuple('.!?:;"”’)…'))
                if i + 1 == len(run):
                    cut = True
                elif wrapped:
                    cut = terminal and widths[i] < 0.6 * max(widths)
                else:
                    cut = terminal or not stripped[i + 1][:1].islower()
                if cut:
                    piece = text[run[first][0] : run[i][1]]
                    lead = len(piece) - len(piece.lstrip())
                    spans.append((run[first][0] + lead, run[first][0] + lead + len(piece.strip())))
                    first = i + 1
        run = []
    return spans


# A sentence may open with up to two marks: ''We …'' (a double mark typed as two).
_CANDIDATE = re.compile(r"""([.!?…]+["'”’»)\]]*)(?=\s+["'“‘«(\[]{0,2}[A-Z0-9À-ÖØ-Þ])""")


def simple_sentence_spans(text, start, end):
    """The definition: each candidate boundary in the region, decided by the word around it."""
    region = text[start:end]
    cuts = [0]
    for match in _CANDIDATE.finditer(region):
        mark, cut = match.span(1)
        if region[mark] == "." and not region[mark:cut].startswith(".."):
            before = re.search(r"([\w.’'-]+)$", region[max(0, mark - 40) : mark])
            following = re.match(r"\s+[\"'“‘«(\[]{0,2}([\w’'-]+)", region[cut:]).group(1)
            if before and not text_module._period_ends_sentence(before.group(1), following):
                continue
        cuts.append(cut)
    cuts.append(len(region))
    spans = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        piece = region[lo:hi]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lo + lead, start + lo + lead + len(piece.strip())))
    return spans


# Line breaks of every kind, blank-looking lines, widths near the wrapping rule's
# limits, and the words the sentence rules look at.
LAYOUT_PIECES = st.sampled_from(
    [
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        " \u00a0\n",
        "\u2028",
        "\x1c",
        " ",
        "  ",
        "x" * 39,
        "y" * 45 + ".",
        "z" * 99,
        "w" * 101,
        "Mr. Smith",
        "U.S. The",
        "U.S. Talks",
        "No. 5",
        "No. Five",
        "Jr. He",
        "e.g. This",
        "J. Biden",
        "’Tis. A",
        "-St. Louis",
        "Ünïcode. Next",
        "İ. K",
        "said.",
        "''We",
        "(“A",
        "“Yes.” They",
        "(Done.) Then",
        "Wait... What",
        "Why?! Because",
        "end.’ ‘Open",
        "talks",
        "and",
        "lower",
        "Capital",
        ":",
        ";",
        "…",
        "9",
    ]
)
# Hard-wrapped runs: lines of 30 to 110 characters, some ending like a sentence.
WRAPPED_LINES = st.lists(
    st.tuples(st.integers(30, 110), st.sampled_from(["", ".", ",", "”"]), st.booleans()),
    min_size=2,
    max_size=6,
).map(
    lambda lines: "\n".join(
        ("Some" if upper else "some") + " words" * (width // 6) + end for width, end, upper in lines
    )
)
LAYOUT_TEXTS = (st.lists(LAYOUT_PIECES | WRAPPED_LINES, max_size=40).map("".join)) | st.text(
    st.characters(blacklist_categories=("Cs",)) | st.sampled_from(".!?\r\n “”\"'’(A"),
    max_size=200,
)


@settings(max_examples=500, deadline=None)
@given(st.lists(LAYOUT_TEXTS, min_size=1, max_size=4))
def test_layout_equals_the_definitions(texts):
    # Several texts at once: a text's edge must stop every run and rule.
    for text, layout in zip(texts, segment.layout_each(texts), strict=True):
        assert layout.blocks == simple_paragraph_spans(text) == paragraph_spans(text)
        assert layout.sentences == [simple_sentence_spans(text, *block) for block in layout.blocks]


@settings(max_examples=500, deadline=None)
@given(LAYOUT_TEXTS, st.data())
def test_sentence_spans_of_any_region_equal_the_definition(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert sentence_spans(text, start, end) == simple_sentence_spans(text, start, end)


def simple_titled(text, title):
    """_Article.titled the plain way: one pattern for the title, compiled for it."""
    from analysis.segment.names import _CAP, _kind

    words = r"\s+".join(re.escape(w) for w in title.split())
    pattern = re.compile(rf"(?i:\b{words})\s+(?P<name>{_CAP}(?:\s+{_CAP}){{0,3}})")
    found = []
    for match in pattern.finditer(text):
        name = clean_speaker(match.group("name"))
        if name and _kind(name) == "person":
            found.append((match.start(), name))
    return found


TITLE_WORDS = st.sampled_from(
    ["Prime", "prime", "PRIME", "Minister", "minister", "Keir", "Starmer", "the", "İstanbul", "Jo"]
)
TITLE_GLUE = st.sampled_from([" ", "  ", "\n", ", ", "", "-"])
TITLE_TEXTS = st.lists(st.tuples(TITLE_WORDS, TITLE_GLUE), max_size=30).map(
    lambda parts: "".join(w + g for w, g in parts)
)


@settings(max_examples=500, deadline=None)
@given(TITLE_TEXTS, st.sampled_from(["Prime Minister", "minister", "the prime minister", "Jo"]))
def test_titled_names_equal_the_pattern_per_title(text, title):
    from analysis.segment.speakers import _Article

    article = _Article(text, text, [(0, len(text))], SpeakerLimits())
    assert article.titled(title) == simple_titled(text, title)
