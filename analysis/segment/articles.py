"""The per-article driver of segmentation: blocks, roles, sentences, quotations.

A function of the articles' rows alone (plus the official texts they pair
with), so it runs the same on a whole corpus, on each half in two processes,
or on each partition of a Dask DataFrame (:mod:`analysis.scale`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
from collections import namedtuple

import pandas as pd

from analysis.parallel import fork_map, process_count
from analysis.schema import (
    ATTRIBUTION_COLUMNS,
    BLOCK_COLUMNS,
    DOCUMENT_FRAMES,
    FRAMES,
    QUOTE_COLUMNS,
    SENTENCE_COLUMNS,
    TERM_COLUMNS,
)
from analysis.segment.attributions import find_attributions
from analysis.segment.blocks import layout_each
from analysis.segment.limits import RoleLimits, SpeakerLimits
from analysis.segment.official import official_runs, official_source, sentence_roles
from analysis.segment.quotes import find_quotations
from analysis.segment.reuse import ReuseCache
from analysis.segment.roles import classify_blocks
from analysis.segment.speakers import attribute_speakers
from analysis.segment.terms import split_terms, split_unspoken
from analysis.text import count_words

__all__ = ["segment_all", "segment_articles", "progress_bar"]

# Roles of furniture, where nothing is attributed.
NOT_PROSE = ("byline", "credit", "boilerplate", "embed")


def progress_bar(items, total: int, desc: str, show: bool):
    """Wrap ``items`` in a tqdm progress bar when ``show``; plain text in any front end.

    The text bar is used in notebooks too: the widget bar needs ipywidgets, which the
    workbook does not install, and text renders the same in the HTML report.
    """
    if not show:
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc=desc, unit="doc", mininterval=1.0)


# Characters of text below which one process segments it all: about 170,000 words,
# a second or more of work, where forking a second process and sending its frames
# back (a few tenths of a second) costs less than it saves. Counted in characters,
# not documents, because time goes with the words: 800 news stories are worth
# splitting, 2,000 one-line records are not.
PARALLEL_MIN_CHARS = 1_000_000


def segment_all(
    articles: pd.DataFrame,
    *,
    progress: bool = False,
    role_limits: RoleLimits | None = None,
    speaker_limits: SpeakerLimits | None = None,
) -> dict[str, pd.DataFrame]:
    """Segment every document of a loaded corpus: :func:`segment_articles` on all of it.

    A large corpus (:data:`PARALLEL_MIN_CHARS` of text or more) is split in two
    halves segmented in two processes (this machine has two cores); each half is a
    ``segment_articles`` partition, as on Dask.

    Args:
        articles: The ``articles`` frame of the documents loaded from files.
        progress: Show a progress bar (of the first half, when there are two).
        role_limits: The limits of the role rules (:class:`RoleLimits`).
        speaker_limits: The limits of the speaker rules (:class:`SpeakerLimits`).

    Returns:
        ``{"articles", "blocks", "sentences", "quotes", "pairs"}``, as one pass gives them.
    """
    limits = {"role_limits": role_limits, "speaker_limits": speaker_limits}
    length = articles["text"].str.len().cumsum().to_numpy()
    size = int(length[-1]) if len(length) else 0
    if process_count(size, PARALLEL_MIN_CHARS) == 1 or len(articles) < 2:
        frames = segment_articles(articles, progress=progress, **limits)
    else:
        officials = dict(zip(articles["article_id"], articles["text"], strict=True))
        # Halves of the text, not of the rows: time goes with the words, and a
        # corpus's official documents are shorter than its news.
        length = articles["text"].str.len().cumsum().to_numpy()
        half = min(max(int(length.searchsorted(length[-1] / 2)), 1), len(articles) - 1)
        parts = [articles.iloc[:half], articles.iloc[half:]]
        # The forked worker inherits the articles: only its frames come back pickled.
        # The limits go in as arguments, so the worker reads the caller's values.
        work = functools.partial(_segment_part, parts, officials, progress, **limits)
        done = fork_map(work, len(parts))
        frames = {name: pd.concat([d[name] for d in done], ignore_index=True) for name in FRAMES}
        del done
        # Derived documents and their rows come after those of the files, as in one pass.
        arts = frames["articles"]
        derived = set(arts.loc[arts["derived_from"] != "", "article_id"])
        for name in DOCUMENT_FRAMES:
            frame = frames[name]
            last = frame["article_id"].isin(derived)
            frames[name] = pd.concat([frame[~last], frame[last]], ignore_index=True)
    if size >= PARALLEL_MIN_CHARS:  # a full collection costs ~0.1 s
        _release_free_memory()
    return frames


def _segment_part(
    parts: list[pd.DataFrame],
    officials: dict[str, str],
    progress: bool,
    k: int,
    *,
    role_limits: RoleLimits | None,
    speaker_limits: SpeakerLimits | None,
) -> dict[str, pd.DataFrame]:
    """Part ``k`` of :func:`segment_all`'s split, in whichever process runs it."""
    return segment_articles(
        parts[k],
        officials,
        progress and k == 0,
        role_limits=role_limits,
        speaker_limits=speaker_limits,
    )


def _release_free_memory() -> None:
    """Hand freed heap pages back to the system (glibc only; elsewhere nothing happens).

    Segmenting creates and frees millions of small objects; glibc keeps their pages
    after they are freed, and the analyses that follow would count them in their
    peak memory (about 0.4 GB on the 10,000-article benchmark). A pool of Arrow's
    own, where the user chose one (``ARROW_DEFAULT_MEMORY_POOL``), keeps the buffers
    of the frames built and joined meanwhile (about 0.13 GB more with mimalloc).
    """
    import ctypes
    import ctypes.util
    import gc

    import pyarrow as pa

    gc.collect()  # objects in reference cycles first, so their pages are free too
    with contextlib.suppress(OSError, AttributeError, TypeError):
        ctypes.CDLL(ctypes.util.find_library("c")).malloc_trim(0)
    pa.default_memory_pool().release_unused()


def segment_articles(
    articles: pd.DataFrame,
    officials: dict[str, str] | None = None,
    progress: bool = False,
    *,
    role_limits: RoleLimits | None = None,
    speaker_limits: SpeakerLimits | None = None,
) -> dict[str, pd.DataFrame]:
    """Segment documents, derive embedded official texts, find sentences and quotes.

    A function of its rows alone (plus the official texts they pair with), so it
    runs the same on a whole corpus or on each partition of a Dask DataFrame
    (see :mod:`analysis.scale`).

    Args:
        articles: Rows of the ``articles`` frame (documents loaded from files).
        officials: ``{official_id: text}`` for ``pairs_with`` ids not in ``articles``
            (another partition's documents); by default the texts in ``articles``.
        progress: Show a progress bar.
        role_limits: The limits of the role rules (:class:`RoleLimits`; the defaults if none).
        speaker_limits: The limits of the speaker rules (:class:`SpeakerLimits`; the
            defaults if none).

    Returns:
        ``{"articles", "blocks", "sentences", "quotes", "attributions", "pairs"}``: the rows of those
        frames for these documents, derived official documents included.
    """
    limits = {"role_limits": role_limits or RoleLimits(), "speaker_limits": speaker_limits}
    # Columns as lists: one conversion each, where itertuples converts cell by cell.
    columns = {name: articles[name].tolist() for name in articles.columns}
    texts = dict(zip(columns["article_id"], columns["text"], strict=True))
    texts.update(officials or {})
    out: tuple[list, ...] = ([], [], [], [], [])  # blocks, sentences, quotes, terms, attributions
    pair_rows, derived_rows = [], []
    paired_with = [[p for p in pairs.split(";") if p] for pairs in columns["pairs_with"]]
    # Official texts pair with many articles: the cache tokenises each once for this call.
    layouts = layout_each(
        columns["text"],
        [{p: texts[p] for p in paired} for paired in paired_with],
        ReuseCache(),
        role_limits=limits["role_limits"],
    )
    row_type = namedtuple("Article", columns, rename=True)  # as itertuples names them
    rows = zip(
        map(row_type._make, zip(*columns.values(), strict=True)),
        paired_with,
        layouts,
        strict=True,
    )
    for article, paired, layout in progress_bar(
        rows, total=len(articles), desc="segmenting", show=progress
    ):
        for p in paired:
            pair_rows.append({"news_id": article.article_id, "official_id": p, "link": "manifest"})
        blocks = _segment_one(
            article.article_id,
            article.text,
            article.kind,
            article.title,
            article.outlet,
            layout,
            out,
            **limits,
        )
        if article.kind != "news":
            continue
        for n, (lo, hi, source) in enumerate(official_runs(blocks), 1):
            derived_rows.append(_derived_row(article, n, lo, hi, source))
            pair_rows.append(
                {
                    "news_id": article.article_id,
                    "official_id": derived_rows[-1]["article_id"],
                    "link": "embedded",
                }
            )
    derived_texts = [row["text"] for row in derived_rows]
    derived_layouts = layout_each(derived_texts, role_limits=limits["role_limits"])
    for row, layout in zip(derived_rows, derived_layouts, strict=True):
        _segment_one(
            row["article_id"], row["text"], "official", "", row["outlet"], layout, out, **limits
        )
    if derived_rows:
        derived = pd.DataFrame(derived_rows)
        derived["published"] = pd.to_datetime(derived["published"], utc=True)
        articles = pd.concat([articles, derived], ignore_index=True)
    else:
        articles = articles.reset_index(drop=True)
    articles["derived_start"] = articles["derived_start"].astype("Int64")
    articles["derived_end"] = articles["derived_end"].astype("Int64")
    block_rows, sentence_rows, quote_rows, term_rows, attribution_rows = out
    return {
        "articles": articles,
        "blocks": _frame(block_rows, BLOCK_COLUMNS),
        "sentences": _frame(sentence_rows, SENTENCE_COLUMNS),
        "quotes": _frame(quote_rows, QUOTE_COLUMNS),
        "terms": _frame(term_rows, TERM_COLUMNS),
        "attributions": _frame(attribution_rows, ATTRIBUTION_COLUMNS),
        "pairs": _frame(pair_rows, ("news_id", "official_id", "link")),
    }


def _derived_row(article, n: int, lo: int, hi: int, source: str) -> dict:
    """The ``articles`` row of the ``n``-th official text embedded in a news article."""
    text = article.text[lo:hi]
    return {
        "article_id": f"{article.article_id}/official-{n}",
        "kind": "official",
        "outlet": source,
        "published": article.published,
        "url": article.url,
        "title": "",
        "path": article.path,
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "text": text,
        "pairs_with": "",
        "derived_from": article.article_id,
        "derived_start": lo,
        "derived_end": hi,
        "words": count_words(text),
        "notes": f"official text embedded in {article.article_id} at characters {lo}-{hi}",
    }


def _segment_one(
    article_id, text, kind, title, outlet, layout, out, *, role_limits, speaker_limits
):
    """Segment one document, appending its rows to the (blocks, sentences, quotes) lists.

    ``layout`` is the document's blocks, each block's sentences and what they
    reuse, from :func:`analysis.segment.layout_each`; quotes need the sentences,
    and so do the sentence roles.
    """
    block_rows, sentence_rows, quote_rows, term_rows, attribution_rows = out
    spans, per_block = layout.blocks, layout.sentences
    quoted = find_quotations(text, spans)
    # Titles and terms in quotation marks are nobody's words: no speaker, not quotes.
    found, terms = split_terms(text, quoted)
    sentences = [s for block in per_block for s in block]
    resolver = attribute_speakers(text, found, sentences, speaker_limits=speaker_limits)
    share = [0.0] * len(spans)
    cued = [False] * len(spans)
    voiced = [("", 0)] * len(spans)  # the speaker of each block's longest quotation
    visible: dict[int, int] = {}  # a block's visible characters, counted once per block
    for q in quoted:  # the role rules read every quoted stretch, titles and terms too
        if q.block_no not in visible:
            lo, hi = spans[q.block_no]
            visible[q.block_no] = len("".join(text[lo:hi].split())) or 1
        inside = len("".join(text[q.open_mark : (q.close_mark or q.end - 1) + 1].split()))
        share[q.block_no] += inside / visible[q.block_no]
        cued[q.block_no] = cued[q.block_no] or bool(q.cue)
        if inside > voiced[q.block_no][1]:
            voiced[q.block_no] = (q.speaker, inside)
    # A quotation of an institution or a document ("the White House said in a
    # statement") is official text, even when the document is not in the corpus.
    quoted_source = [speaker if official_source(speaker) else "" for speaker, _ in voiced]
    blocks = classify_blocks(
        text,
        spans,
        kind=kind,
        quote_share=share,
        quoted_with_cue=cued,
        quoted_source=quoted_source,
        reuse=layout.block_reuse,
        title=title,
        source=outlet if kind == "official" else "",
        role_limits=role_limits,
    )
    # Rows are tuples in the order of the *_COLUMNS: pandas builds a frame from
    # tuples faster than from dicts, and a tuple is cheaper to make.
    for block_no, block in enumerate(blocks):
        block_rows.append(
            (
                article_id,
                block_no,
                block.start,
                block.end,
                text[block.start : block.end],
                block.role,
                block.source,
                block.evidence,
            )
        )
    for sent_no, (block_no, lo, hi, role, source) in enumerate(
        sentence_roles(blocks, per_block, layout.sentence_reuse, role_limits=role_limits)
    ):
        sentence_rows.append((article_id, block_no, sent_no, lo, hi, text[lo:hi], role, source))
    # Attributions are read in the prose of the story (and a document's own text),
    # not in its furniture: a caption or a byline attributes nothing.
    prose = [
        (block_no, lo, hi)
        for block_no, block in enumerate(blocks)
        if block.role not in NOT_PROSE
        for lo, hi in per_block[block_no]
    ]
    attributions = find_attributions(text, resolver.masked, found, prose, resolver)
    # A word or two that nobody says, outside reported speech, is a term (split_unspoken).
    found, unspoken, attributions = split_unspoken(text, found, attributions)
    if unspoken:
        terms = sorted(terms + unspoken, key=lambda t: t.start)
    for n, a in enumerate(attributions):
        attribution_rows.append(
            (
                article_id,
                n,
                a.block_no,
                a.kind,
                a.start,
                a.end,
                text[a.start : a.end],
                a.source,
                a.source_as_written,
                a.source_start,
                a.source_end,
                a.cue,
                a.cue_start,
                a.cue_end,
                a.quote_no,
                a.evidence,
            )
        )
    _quote_and_term_rows(article_id, text, found, terms, quote_rows, term_rows)
    return blocks


def _quote_and_term_rows(article_id, text, found, terms, quote_rows, term_rows) -> None:
    """Append the rows of an article's quotations and of its quoted titles and terms."""
    for term_no, t in enumerate(terms):
        term_rows.append(
            (
                article_id,
                term_no,
                t.block_no,
                t.start,
                t.end,
                text[t.start : t.end],
                t.kind,
                t.evidence,
            )
        )
    for quote_no, q in enumerate(found):
        quote_rows.append(
            (
                article_id,
                quote_no,
                q.block_no,
                q.start,
                q.end,
                text[q.start : q.end],
                q.speaker,
                q.speaker_as_written,
                q.cue,
                q.speaker_evidence,
            )
        )


def _frame(rows: list[dict] | list[tuple], columns) -> pd.DataFrame:
    """A frame of rows given as dicts or as tuples in the order of ``columns``."""
    frame = pd.DataFrame(rows, columns=list(columns))
    for col in (
        "block_no",
        "sent_no",
        "quote_no",
        "term_no",
        "attribution_no",
        "start",
        "end",
        "source_start",
        "source_end",
        "cue_start",
        "cue_end",
    ):
        if col in frame:
            frame[col] = frame[col].astype("int64")
    return frame
