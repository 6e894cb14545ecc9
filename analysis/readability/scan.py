"""The scan: what textstat counts in each text, over all the texts' code points at once.

Nothing loops over words in Python: the code points are classified with tables
built from Python's own ``re`` (see :mod:`analysis._arrays`), and tokens, words,
textstat's sentences and the workbook's sentences are runs and counts over
NumPy arrays; the words themselves come out as one Arrow array, for
:mod:`analysis.readability.formulas` to look up once per distinct word.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import numpy as np
import pyarrow as pa

from analysis._arrays import owners, python_table, runs, substrings
from analysis.text import sentence_bounds

__all__: list[str] = []  # the counts are read by formulas.py and batch.py only

LINSEAR_WORDS = 100  # Linsear Write scores the first 100 words

# Character classes, by code point, as textstat's regular expressions see them.
_WORD = 1  # \w
_SPACE = 2  # \s (what str.split() splits on)
_MARK = 4  # . ! ? (sentence marks)


@functools.cache
def _classes() -> np.ndarray:
    """The class bits of every code point."""
    table = python_table(r"\w").astype(np.uint8) * _WORD
    table |= python_table(r"\s").astype(np.uint8) * _SPACE
    table[[ord("."), ord("!"), ord("?")]] |= _MARK
    return table


class _Scanned(NamedTuple):
    """What the scan found in some texts: per text, and per word (stripped, in order)."""

    texts: int
    words: np.ndarray  # per text: textstat's word count
    sentences: np.ndarray  # textstat's sentence count
    characters: np.ndarray  # characters other than whitespace
    tokens: np.ndarray  # whitespace-separated tokens
    apostrophes: np.ndarray  # apostrophes kept in the words
    linsear_sentences: np.ndarray  # sentences of the first 100 words' tokens
    workbook: tuple[np.ndarray, np.ndarray] | None  # the splitter's: all, Linsear's
    word_owner: np.ndarray  # per word: its text
    word_length: np.ndarray  # its length in characters
    word_forms: pa.Array  # the word itself


def _per_text(positions: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """How many of the (sorted) ``positions`` fall in each text."""
    return np.diff(np.searchsorted(positions, starts))


def _scan(points: np.ndarray, starts: np.ndarray, parts: list[np.ndarray] | None) -> _Scanned:
    """Count what textstat counts in each text, over all code points at once.

    With ``parts`` (per text, where its parts begin), the workbook's sentences too.
    """
    n = len(starts) - 1
    size = len(points)
    classes = _classes()[points]
    word_char = (classes & _WORD).astype(bool)
    space = (classes & _SPACE).astype(bool)
    text_start = np.zeros(size, dtype=bool)
    text_start[starts[:-1][starts[:-1] < size]] = True

    def owner(positions: np.ndarray) -> np.ndarray:
        return owners(positions, starts)

    # Tokens: runs of non-space (str.split()).
    token_starts, token_ends = runs(~space, starts)
    tokens = _per_text(token_starts, starts)

    # Words: each token's characters left by remove_punctuation (word characters,
    # and an apostrophe that starts a contraction ending: 't 's 'd 've 'll 're);
    # a token with none left is no word.
    apostrophes = np.flatnonzero(points == ord("'"))
    kept_apostrophes = apostrophes[_starts_contraction(points, starts, apostrophes)]
    kept = word_char.copy()
    kept[kept_apostrophes] = True
    # What follows a token up to the next one is space, which is never kept.
    kept_per_token = (
        np.add.reduceat(kept.view(np.uint8), token_starts, dtype=np.int64)
        if len(token_starts)
        else np.zeros(0, np.int64)
    )
    is_word = kept_per_token > 0
    word_at = token_starts[is_word]
    forms = substrings(points, word_at, token_ends[is_word], kept)
    word_length = kept_per_token[is_word]
    word_owner = owner(word_at)
    words = np.bincount(word_owner, minlength=n)

    # Sentences: textstat's pieces are the runs between sentence marks that hold a
    # word character; one counts if it holds three words, i.e. three segments (runs
    # of neither space nor mark) that hold a word character.
    mark = (classes & _MARK).astype(bool)
    segment_starts, _ = runs(~(space | mark), starts)
    # What follows a segment up to the next one is space or marks, which hold no
    # word character: OR over each span is the segment's.
    segment_has_word = (
        np.logical_or.reduceat(word_char, segment_starts) if len(segment_starts) else word_char[:0]
    )
    wordy = segment_starts[segment_has_word]
    run_of = np.cumsum(mark | text_start, dtype=np.int32)[wordy]  # a text's start begins a run too

    def sentences(segments: np.ndarray, non_empty: np.ndarray) -> np.ndarray:
        runs = run_of[segments]  # in order: a run's segments are consecutive
        first = np.flatnonzero(np.append(True, runs[1:] != runs[:-1]))
        count = np.diff(np.append(first, len(runs)))
        # A run lies in one text: the text of its first segment.
        counted = np.bincount(owner(wordy[segments][first[count >= 3]]), minlength=n)
        return np.where(non_empty, np.maximum(counted, 1), 0)

    # Linsear Write counts the sentences of the tokens up to the 100th word: the
    # segments before the token of a text's 101st word (the tokens between hold no
    # word character, so no segment that counts).
    first_word = np.searchsorted(word_owner, np.arange(n))
    has_101 = first_word + LINSEAR_WORDS < np.append(first_word[1:], len(word_at))
    beyond = word_at[first_word[has_101] + LINSEAR_WORDS]  # where a 101st word's token starts
    limit = np.full(n, np.iinfo(np.int64).max)
    limit[owner(beyond)] = beyond
    in_sample = np.flatnonzero(wordy < limit[owner(wordy)])
    workbook = None
    if parts is not None:
        workbook = _workbook_sentences(points, starts, parts, space, word_at, first_word)
    return _Scanned(
        texts=n,
        words=words,
        sentences=sentences(np.arange(len(wordy)), starts[1:] > starts[:-1]),
        characters=np.diff(starts) - _per_text(np.flatnonzero(space), starts),
        tokens=tokens,
        apostrophes=_per_text(kept_apostrophes, starts),
        linsear_sentences=sentences(in_sample, tokens > 0),
        workbook=workbook,
        word_owner=word_owner,
        word_length=word_length,
        word_forms=forms,
    )


def _workbook_sentences(
    points: np.ndarray,
    starts: np.ndarray,
    parts: list[np.ndarray],
    space: np.ndarray,
    word_at: np.ndarray,
    first_word: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Per text, the workbook's sentences that hold a word, and those that hold one of its first 100.

    Each part of a text is split on its own by :func:`analysis.text.sentence_bounds`.
    A sentence holds the words whose tokens start in it (sentences end where
    whitespace follows, so no token crosses from one into the next).
    """
    n = len(starts) - 1
    text_of_part = np.repeat(np.arange(n), np.fromiter(map(len, parts), np.int64, n))
    lo = starts[text_of_part] + (np.concatenate(parts) if n else np.zeros(0, np.int64))
    hi = starts[text_of_part + 1]
    same_text = text_of_part[1:] == text_of_part[:-1]
    hi[:-1][same_text] = lo[1:][same_text]
    begin, end, region = sentence_bounds(points, lo, hi, space)
    first, last = np.searchsorted(word_at, begin), np.searchsorted(word_at, end)
    text = text_of_part[region]
    holds = last > first
    in_sample = holds & (first - first_word[text] < LINSEAR_WORDS)
    return np.bincount(text[holds], minlength=n), np.bincount(text[in_sample], minlength=n)


def _starts_contraction(points: np.ndarray, starts: np.ndarray, at: np.ndarray) -> np.ndarray:
    """Whether the apostrophe at each of ``at`` is followed, in its text, by t, s, d, ve, ll or re."""
    end = starts[np.searchsorted(starts, at, side="right")]  # where each one's text ends
    padded = np.append(points, [0, 0])

    def following(k: int) -> np.ndarray:
        return np.where(at + k < end, padded[np.minimum(at + k, len(points))], 0)

    one, two = following(1), following(2)
    return (
        (one == ord("t"))
        | (one == ord("s"))
        | (one == ord("d"))
        | ((one == ord("v")) & (two == ord("e")))
        | ((one == ord("l")) & (two == ord("l")))
        | ((one == ord("r")) & (two == ord("e")))
    )
