"""Mentions: every topic pattern found in every document, traced back to its words.

:func:`find_mentions` gives one row per mention with its character offsets,
sentence, role and whether it is inside a quotation. Documents loaded from files
are searched in one pass over their joined text (two processes for a large
corpus); a derived official document takes its article's mentions inside it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.corpus import Corpus
from analysis.parallel import balanced_parts, fork_map, process_count
from analysis.topics.lexicon import Lexicon, _default_lexicon

__all__ = ["MENTION_COLUMNS", "find_mentions"]

MENTION_COLUMNS = (
    "article_id",
    "block_no",
    "sent_no",
    "role",
    "start",
    "end",
    "text",
    "topic",
    "label",
    "pattern",
    "in_quote",
)

# Between documents in the joined text: no pattern crosses a NUL.
_SEPARATOR = "\n\x00\n"


def find_mentions(corpus: Corpus, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Every topic mention in every document of the corpus.

    Args:
        corpus: The loaded corpus (derived official documents included).
        lexicon: The topics; the package's default lexicon if ``None``.

    Returns:
        One row per mention and topic (a span whose pattern is listed under two
        topics gives two rows), columns :data:`MENTION_COLUMNS`: the document,
        block, sentence and its role, ``start``/``end`` offsets into
        ``articles.text`` (``text`` is that slice), the topic id and label, the
        pattern that matched, and ``in_quote`` (inside a direct quotation).
    """
    lexicon = lexicon or _default_lexicon()
    articles = corpus.articles
    texts = articles["text"].tolist()
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    # Every document laid end to end, one character apart: offsets for the lookups below.
    bases = np.concatenate([[0], np.cumsum(lengths + 1)[:-1]]).astype(np.int64)
    doc, local_start, local_end, groups = _scan_documents(articles, texts, lexicon)
    starts = bases[doc] + local_start

    # Sentence of each mention: the last sentence starting at or before it.
    position = pd.Index(articles["article_id"])
    sentences = corpus.sentences
    sent_doc = position.get_indexer(sentences["article_id"]).astype(np.int64)
    sent_start = bases[sent_doc] + sentences["start"].to_numpy(dtype=np.int64)
    sort = np.argsort(sent_start, kind="stable")
    sent_start = sent_start[sort]
    which = np.searchsorted(sent_start, starts, side="right") - 1
    found = which >= 0
    rows = sort[np.where(found, which, 0)]
    role = sentences["role"].to_numpy(dtype=object)[rows]
    block_no = sentences["block_no"].to_numpy(dtype=np.int64)[rows]
    sent_no = sentences["sent_no"].to_numpy(dtype=np.int64)[rows]
    same_doc = found & (sent_doc[rows] == doc)
    role = np.where(same_doc, role, "")
    block_no = np.where(same_doc, block_no, -1)
    sent_no = np.where(same_doc, sent_no, -1)

    in_quote = _inside(corpus.quotes, position, bases, starts)

    pattern_of = {n: lexicon._groups[n][0] for n in lexicon._groups}
    topics_of = {n: lexicon._groups[n][1] for n in lexicon._groups}
    # Patterns listed under several topics: one row per topic.
    repeat = np.fromiter(
        (len(topics_of[g]) for g in groups.tolist()), dtype=np.int64, count=len(groups)
    )
    topic_ids = [t for g in groups.tolist() for t in topics_of[g]]
    labels = lexicon.labels
    frame = pd.DataFrame(
        {
            "article_id": articles["article_id"].to_numpy()[doc].repeat(repeat),
            "block_no": block_no.repeat(repeat),
            "sent_no": sent_no.repeat(repeat),
            "role": role.repeat(repeat),
            "start": local_start.repeat(repeat),
            "end": local_end.repeat(repeat),
            "text": np.asarray(
                [
                    texts[d][s:e]
                    for d, s, e in zip(
                        doc.tolist(), local_start.tolist(), local_end.tolist(), strict=True
                    )
                ],
                dtype=object,
            ).repeat(repeat),
            "topic": topic_ids,
            "label": [labels[t] for t in topic_ids],
            "pattern": np.asarray([pattern_of[g] for g in groups.tolist()], dtype=object).repeat(
                repeat
            ),
            "in_quote": in_quote.repeat(repeat),
        },
        columns=list(MENTION_COLUMNS),
    )
    for column in ("article_id", "role", "text", "topic", "label", "pattern"):
        frame[column] = frame[column].astype("str")
    return frame


# Below this many characters one process is quicker than starting a second.
PARALLEL_MIN_CHARS = 4_000_000


def _scan_documents(articles: pd.DataFrame, texts: list[str], lexicon: Lexicon):
    """Document number, start, end and pattern number of every mention, in order.

    Documents loaded from files are searched in one pass over their joined
    text (two passes in two processes for a large corpus on a machine with two
    or more cores: the regex engine holds the interpreter lock). A derived
    official document is a slice of its article, so its mentions are those of
    the article inside the slice, shifted, not searched again.
    """
    derived_from = articles["derived_from"].to_numpy(dtype=object)
    files = np.flatnonzero(derived_from == "")
    lengths = np.fromiter((len(texts[i]) for i in files), dtype=np.int64, count=len(files))
    chunks = balanced_parts(lengths, process_count(int(lengths.sum()), PARALLEL_MIN_CHARS))
    jobs = [[texts[i] for i in files[lo:hi]] for lo, hi in chunks]
    # Forked workers inherit the texts and the compiled lexicon: nothing large is pickled.
    results = fork_map(lambda k: lexicon._scan(_SEPARATOR.join(jobs[k])), len(jobs))
    parts = []
    for (lo, hi), (starts, ends, groups) in zip(chunks, results, strict=True):
        bases = np.concatenate([[0], np.cumsum(lengths[lo:hi] + len(_SEPARATOR))[:-1]])
        which = np.searchsorted(bases, starts, side="right") - 1
        offset = bases[which].astype(np.int64)
        parts.append((files[lo:hi][which], starts - offset, ends - offset, groups))
    doc, local_start, local_end, groups = (
        np.concatenate(p).astype(np.int64) for p in zip(*parts, strict=True)
    )

    derived = np.flatnonzero(derived_from != "")
    if len(derived) and len(doc):
        position = pd.Index(articles["article_id"]).get_indexer(derived_from[derived])
        lo = articles["derived_start"].to_numpy()[derived].astype(np.int64)
        hi = articles["derived_end"].to_numpy()[derived].astype(np.int64)
        # Mentions are in (document, start) order: one sorted key finds each slice.
        key = (doc << 32) | local_start
        first = np.searchsorted(key, (position << 32) | lo, side="left")
        last = np.searchsorted(key, (position << 32) | hi, side="left")
        owner = np.repeat(np.arange(len(derived)), last - first)
        picked = np.concatenate(
            [np.arange(a, b, dtype=np.int64) for a, b in zip(first, last, strict=True)]
        )
        keep = local_end[picked] <= hi[owner]
        picked, owner = picked[keep], owner[keep]
        doc = np.concatenate([doc, derived[owner]])
        local_start = np.concatenate([local_start, local_start[picked] - lo[owner]])
        local_end = np.concatenate([local_end, local_end[picked] - lo[owner]])
        groups = np.concatenate([groups, groups[picked]])
        order = np.lexsort((local_start, doc))
        doc, local_start, local_end, groups = (
            doc[order],
            local_start[order],
            local_end[order],
            groups[order],
        )
    return doc, local_start, local_end, groups


def _inside(
    quotes: pd.DataFrame, position: pd.Index, bases: np.ndarray, starts: np.ndarray
) -> np.ndarray:
    """Whether each (joined-text) offset falls inside a direct quotation."""
    if quotes.empty or not len(starts):
        return np.zeros(len(starts), dtype=bool)
    qdoc = position.get_indexer(quotes["article_id"]).astype(np.int64)
    qstart = bases[qdoc] + quotes["start"].to_numpy(dtype=np.int64)
    qend = bases[qdoc] + quotes["end"].to_numpy(dtype=np.int64)
    sort = np.argsort(qstart, kind="stable")
    qstart, qend = qstart[sort], qend[sort]
    which = np.searchsorted(qstart, starts, side="right") - 1
    return (which >= 0) & (starts < qend[np.maximum(which, 0)])
