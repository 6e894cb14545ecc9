"""Offsets are the contract: every row must point back at exactly its words."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.corpus import segmented as _segmented
from analysis.load import Doc as _Doc
from analysis.load import articles_frame as _articles_frame
from analysis.segment import paragraph_spans
from analysis.text import sentence_spans

PIECES = st.sampled_from(
    [
        "President Joseph R. Biden, Jr. spoke today with President Vladimir Putin of Russia.",
        "Mr. Smith said “we will act” and left.",
        "“We are watching,” she said.",
        '"Straight quotes," he added. "More."',
        "U.S. interests",
        "From The White House:",
        "Tags:",
        "(AP Photo/Evan Vucci)",
        "— Jen Psaki (@PressSec) April 13, 2021",
        "WASHINGTON, April 13 (Reuters) - The talks",
        "Readout of the Call",
        "“unclosed quote",
        "\u00a0",
        "<script>alert(1)</script>",
        "Ukraine’s",
        "...",
        "?!",
    ]
)
SEPARATORS = st.sampled_from(
    [" ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\n \u00a0\n", "\t", "\n\u200b\n"]
)
TEXTS = st.lists(st.tuples(PIECES, SEPARATORS), min_size=1, max_size=25).map(
    lambda parts: "".join(p + s for p, s in parts)
) | st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from('\n\r“”"'),
    max_size=300,
)


def _corpus(text):
    doc = _Doc({"article_id": "a", "kind": "news"}, text, "a.txt", "", [])
    return _segmented(_articles_frame([doc], lambda exc: None), root=None)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_offsets_reproduce_every_block_sentence_and_quote(text):
    if not text.strip():
        return
    corpus = _corpus(text)
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    for frame in (corpus.blocks, corpus.sentences, corpus.quotes):
        for row in frame.itertuples():
            assert texts[row.article_id][row.start : row.end] == row.text


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_blocks_never_overlap_and_cover_the_article(text):
    spans = paragraph_spans(text)
    cursor = 0
    for start, end in spans:
        assert cursor <= start < end
        assert text[cursor:start].strip() == "" or text[cursor:start].isspace()
        cursor = end
    assert not text[cursor:].strip()
    # Nothing visible is lost: the blocks hold every non-space character.
    assert "".join(text.split()) == "".join("".join(text[s:e].split()) for s, e in spans)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_sentences_tile_their_block(text):
    for lo, hi in paragraph_spans(text):
        spans = sentence_spans(text, lo, hi)
        assert "".join("".join(text[s:e].split()) for s, e in spans) == "".join(text[lo:hi].split())
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
