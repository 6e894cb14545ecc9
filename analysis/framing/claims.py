"""Where the claim an attribution relays begins, in its sentence.

An attribution's content is what the rules read as said. For a quotation whose
source and cue follow it in the same sentence, the claim is the sentence's from
its first word, up to the quotation: "The alliance “remains an anchor,” the
White House said" is the White House's account from "The alliance". The claim
stops short of another attribution's words and of a clause break before the
quotation. :func:`analysis.framing.source_kinds` gives it as ``claim_start``.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analysis.corpus import Corpus

__all__ = ["claim_starts"]


def claim_starts(corpus: Corpus, frame: pd.DataFrame, texts: dict[str, str]) -> np.ndarray:
    """Where each attribution's claim begins: its content's start, or its sentence's.

    A quotation its source and cue follow in the same sentence is the sentence's
    claim from its first word: in "The alliance “remains an anchor,” the White House
    said", the quotation is the content, and "The alliance" is the White House's
    account too.
    """
    claim = frame["start"].to_numpy(np.int64).copy()
    # Reported speech starts where the rules read its content (after a lead-in or a
    # dateline); a quotation's content is its marks alone.
    after = np.flatnonzero(
        (frame["source_start"].to_numpy() >= frame["end"].to_numpy())
        & (frame["source_start"].to_numpy() >= 0)
        & frame["kind"].isin(("direct", "mixed")).to_numpy()
    )
    if not len(after):
        return claim
    # Every sentence start, keyed by (article, offset): two binary searches find the
    # sentence holding each content's start and the start of the one after it.
    sentences = corpus.sentences
    # Articles numbered by an index lookup: mapping strings through a dict costs 10x.
    documents = pd.Index(pd.unique(sentences["article_id"]))
    shift = np.int64(1) << 40  # beyond any text's length
    keys = np.sort(
        documents.get_indexer(sentences["article_id"]).astype(np.int64) * shift
        + sentences["start"].to_numpy(np.int64)
    )
    code = documents.get_indexer(frame["article_id"].iloc[after])
    known = code >= 0  # -1: an article with no sentence
    after, base = after[known], code[known].astype(np.int64) * shift
    at = np.searchsorted(keys, base + claim[after], side="right") - 1
    following = np.append(keys, np.iinfo(np.int64).max)[at + 1]
    # In the same article, and the source closes that sentence, not the next one's opening.
    same = (at >= 0) & (keys[np.maximum(at, 0)] >= base)
    closes = same & (base + frame["source_start"].to_numpy(np.int64)[after] < following)
    opening = keys[at[closes]] - base[closes]
    rows = after[closes]
    claim[rows] = np.maximum(
        np.minimum(claim[rows], opening), _no_earlier_than(frame, texts, rows, opening)
    )
    return claim


# Where one clause of a sentence ends and the next begins: "…; and “…,” X said".
_CLAUSE_BREAK = re.compile(r"(?:;|,\s+(?:and|but|while|whereas)\b|[—–])\s*")


def _no_earlier_than(
    frame: pd.DataFrame, texts: dict[str, str], rows: np.ndarray, opening: np.ndarray
) -> np.ndarray:
    """Where a claim pulled back to its sentence's opening must stop short of it.

    Not before another attribution of the sentence ends ("Ivo Marsh said the deal was
    dead, and “we will try again,” Lund said" is Lund's from "we"), nor before a
    clause break (a semicolon, ", and", a dash).
    """
    ends = np.maximum.reduce(
        [frame[c].to_numpy(np.int64) for c in ("end", "source_end", "cue_end")]
    )
    by_article: dict[str, np.ndarray] = {}
    for article_id, group in frame.groupby("article_id").indices.items():
        by_article[article_id] = np.sort(ends[group])
    articles = frame["article_id"].to_numpy(dtype=object)
    starts = frame["start"].to_numpy(np.int64)
    stop = opening.copy()
    for n, (row, lo) in enumerate(zip(rows, opening, strict=True)):
        text, start = texts[articles[row]], starts[row]
        bounds = by_article[articles[row]]
        last = bounds[np.searchsorted(bounds, start, side="right") - 1] if len(bounds) else -1
        if lo < last <= start:
            stop[n] = last
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, int(stop[n]), int(start))]
        if breaks:
            stop[n] = breaks[-1]
    return stop
