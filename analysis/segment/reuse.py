"""Text reuse: how much of a region reproduces a paired official document word for word.

A region's words are covered when they lie in a word n-gram that an official
document the text pairs with holds too (``RoleLimits.reuse_n`` words, normalised).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from analysis._arrays import ranges
from analysis.segment.limits import RoleLimits
from analysis.text import Normalised

__all__ = ["ReuseCache", "reused_shares"]

_N = RoleLimits().reuse_n  # the default n-gram length, for callers that give none


def reused_shares(
    hits: np.ndarray, word_starts: np.ndarray, lo: np.ndarray, hi: np.ndarray, n: int = _N
) -> tuple[np.ndarray, np.ndarray]:
    """How much of each region reproduces a paired official document word for word.

    Args:
        hits: For each word of the texts, end to end, the number of the document
            that shares the word n-gram starting there, or -1 (none does, or fewer
            than ``n`` words of its text are left).
        word_starts: Where each word starts, in the same positions as the regions.
        lo: Where each region begins, in order; regions do not overlap, and
            none cuts through a word or runs over a text's end (blocks, sentences).
        hi: Where each region ends.
        n: The n-gram length in words.

    Returns:
        ``(share, document)``: for each region, the share of its words inside an
        n-gram (all of it in the region) shared with a document; and the document
        most of those n-grams came from, the first in text order on a tie (-1
        where the share is 0).
    """
    first_word, end_word = np.searchsorted(word_starts, lo), np.searchsorted(word_starts, hi)
    n_words = end_word - first_word
    at = np.flatnonzero(hits >= 0)
    # Words covered: each shared n-gram adds its words up to the next one's start;
    # a region's last one adds all n.
    reach = np.minimum(np.diff(at, append=np.iinfo(np.int64).max), n)
    reached = np.concatenate([[0], np.cumsum(reach)])
    first_hit = np.searchsorted(at, first_word)
    end_hit = np.searchsorted(at, end_word - n, side="right")
    shared = np.flatnonzero((n_words >= n) & (end_hit > first_hit))
    share = np.zeros(len(lo))
    covered = reached[end_hit[shared] - 1] - reached[first_hit[shared]] + n
    share[shared] = covered / n_words[shared]
    # Votes: each region's n-grams by document, the most first, then the earliest.
    k, hit = ranges(first_hit[shared], end_hit[shared])
    region = shared[k]
    documents = int(hits.max()) + 1 if len(hits) else 1
    keys, earliest, votes = np.unique(
        region * documents + hits[at[hit]], return_index=True, return_counts=True
    )
    keys = keys[np.lexsort((earliest, -votes, keys // documents))]
    region = keys // documents
    first = np.ones(len(keys), dtype=bool)
    first[1:] = region[1:] != region[:-1]
    winner = np.full(len(lo), -1, dtype=np.int64)
    winner[region[first]] = keys[first] % documents
    return share, winner


def _ngrams(tokens: list[str], n: int) -> Iterator[tuple[str, ...]]:
    """The n-gram starting at each word, ``tuple(tokens[i : i + n])``, built in C."""
    return zip(*(tokens[k:] for k in range(n)), strict=False)


class ReuseCache:
    """The word n-grams of official documents, worked out once per corpus, not per article.

    Entries are keyed by the documents' ids and texts and ``n``, and normalised
    words by the word, so every entry is a pure function of its key and a cache
    can never carry one corpus's state into another; it lives as long as its
    owner (:func:`analysis.segment.articles.segment_articles` keeps one per call).
    """

    def __init__(self) -> None:
        self.words = Normalised()
        self._grams: dict[tuple, dict[tuple[str, ...], str]] = {}

    def grams(self, documents: dict[str, str], n: int = _N) -> dict[tuple[str, ...], str]:
        """``{n_gram: official_id}`` for the n-grams of ``{official_id: text}`` (do not modify).

        An n-gram in several documents belongs to the first of them.
        """
        key = (tuple(documents.items()), n)
        if key not in self._grams:
            if len(documents) == 1:
                ((doc_id, text),) = documents.items()
                self._grams[key] = dict.fromkeys(_ngrams(self.words(text), n), doc_id)
            else:
                self._grams[key] = merged = {}
                for doc_id, text in reversed(documents.items()):
                    merged.update(self.grams({doc_id: text}, n))
        return self._grams[key]
