"""The loader on random input: a loaded corpus whose invariants hold, or a CorpusError.

No other exception may escape ``load_corpus`` for any bytes, any record or any
manifest (hypothesis draws them). A loaded corpus keeps its promises: every
block, sentence and quotation is ``text[start:end]`` of its document.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import CorpusError, load_corpus

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Text that looks a little like articles: words, punctuation, quotation marks, line breaks.
PIECES = st.sampled_from(
    [
        "The",
        "minister",
        "said",
        "“",
        "”",
        '"',
        "'",
        ".",
        ",",
        ":",
        "---",
        "\n",
        "\n\n",
        " ",
        "\r\n",
        "\u00a0",
        "By",
        "Reuters",
        "2021-04-13",
        "Readout of",
        "###",
        "it's",
        "‘",
        "’",
        "«",
        "»",
        "—",
        "•",
        "\x1b",
        "\t",
        "é",
        "\x00",
    ]
)
# Long texts too: a few pieces repeated into a paragraph of up to 60,000 characters,
# the shapes (runs of marks, apostrophes, dashes) that make a scan super-linear.
LONG_TEXTS = st.builds(
    lambda pieces, times: "".join(pieces) * times,
    st.lists(PIECES, min_size=1, max_size=6),
    st.integers(min_value=200, max_value=3_000),
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=80).map("".join), LONG_TEXTS)
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), TEXTS, st.lists(st.integers(), max_size=3)
)
FIELDS = st.sampled_from(
    [
        "id",
        "article_id",
        "text",
        "kind",
        "outlet",
        "published",
        "url",
        "title",
        "pairs_with",
        "extra",
    ]
)


def _check(folder: Path, **kwargs) -> None:
    try:
        corpus = load_corpus(folder, **kwargs)
    except CorpusError:
        return
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    for frame in (corpus.blocks, corpus.sentences, corpus.quotes):
        for row in frame.itertuples():
            assert texts[row.article_id][row.start : row.end] == row.text


@FUZZ
@given(
    data=st.binary(max_size=400),
    name=st.sampled_from(
        ["a.txt", "a.md", "a.jsonl", "a.csv", "a.parquet", "a.html", "a.htm", "a.docx"]
    ),
)
def test_any_bytes_load_or_raise_a_corpus_error(data, name):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / name).write_bytes(data)
        _check(Path(folder))
        _check(Path(folder), errors="collect")


@FUZZ
@given(records=st.lists(st.dictionaries(FIELDS, VALUES, max_size=6), max_size=4))
def test_any_records_load_or_raise_a_corpus_error(records):
    with tempfile.TemporaryDirectory() as folder:
        lines = "\n".join(json.dumps(r, allow_nan=True) for r in records)
        (Path(folder) / "a.jsonl").write_text(lines, encoding="utf-8")
        _check(Path(folder))
        _check(Path(folder), errors="collect")


@FUZZ
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["a.txt", "b.txt", "missing.txt", "../x.txt", "", "a.txt"]),
            st.sampled_from(["news", "official", "", "blog"]),
            st.sampled_from(["", "a", "b", "a;b", "nope"]),
            st.sampled_from(["", "2021-04-13", "04/05/2021", "April 13, 2021", "soon"]),
        ),
        max_size=4,
    ),
    body=TEXTS,
)
def test_any_manifest_loads_or_raises_a_corpus_error(rows, body):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "a.txt").write_text("Head\n\n" + body, encoding="utf-8")
        (root / "b.txt").write_text("Another head\n\nThe ministry said so.", encoding="utf-8")
        lines = ["article_id,path,kind,pairs_with,published"]
        lines += [f'{p.split(".")[0] or "z"},{p},{k},{w},"{d}"' for p, k, w, d in rows]
        (root / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        _check(root)
        _check(root, errors="collect")


@FUZZ
@given(records=st.lists(st.dictionaries(FIELDS, VALUES, max_size=6), min_size=1, max_size=4))
def test_any_dataframe_loads_or_raises_a_corpus_error(records):
    import pandas as pd

    frame = pd.DataFrame(records)
    for kwargs in ({}, {"errors": "collect"}):
        try:
            corpus = load_corpus(frame, **kwargs)
        except CorpusError:
            continue
        texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
        for row in corpus.blocks.itertuples():
            assert texts[row.article_id][row.start : row.end] == row.text


TAGS = st.sampled_from(
    [
        "<html>",
        "</html>",
        "<body>",
        "<p>",
        "</p>",
        "<h1>",
        "</h1>",
        "<nav>",
        "</nav>",
        "<article>",
        "</article>",
        "<script>",
        "</script>",
        "<meta charset='cp1252'>",
        "<title>",
        "</title>",
        "<meta property='article:published_time' content='2021-13-45'>",
        "<!--",
        "-->",
        "<br>",
        "&amp;",
        "&#0;",
        "&#xD800;",
        "<meta property='og:title' content=''>",
    ]
)


@FUZZ
@given(pieces=st.lists(st.one_of(TAGS, PIECES, TEXTS), max_size=40))
def test_any_html_page_loads_or_raises_a_corpus_error(pieces):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "page.html").write_text("".join(pieces), encoding="utf-8", errors="replace")
        _check(Path(folder))
        _check(Path(folder), errors="collect")
