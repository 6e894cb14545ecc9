"""Blocks (paragraphs) and sentences of many texts at once, with what each reuses.

A block is a paragraph: a run of non-blank lines. A line break inside a run
ends a block too, unless the run is hard-wrapped prose (lines of similar
width) or the break falls mid-sentence. Blocks never overlap and, with the
whitespace between them, cover the whole article.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from analysis._arrays import chunks, code_points, owners, python_table, string_table
from analysis.segment.limits import RoleLimits
from analysis.segment.reuse import ReuseCache, _ngrams, reused_shares
from analysis.text import normalised_words_each, sentence_bounds

__all__ = ["Block", "Layout", "layout_each", "paragraph_bounds", "paragraph_spans"]

_TERMINAL = r"""[.!?:;"”’)…]"""  # a line that ends with one of these ends like a sentence


@dataclass
class Block:
    """One paragraph of an article with its role; offsets are into the article text."""

    start: int
    end: int
    role: str = "journalist"
    source: str = ""
    evidence: str = ""
    quote_share: float = 0.0
    reused: bool = False  # official because it reproduces a paired document word for word
    rule: str = ""  # the name of the rule in ROLE_RULES that decided the role


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    r"""Split an article into blocks.

    Args:
        text: The article text, any line endings (``\n``, ``\r\n``, ``\r``).

    Returns:
        ``(start, end)`` of each block, trimmed of surrounding whitespace.

    >>> t = "Headline\n\nFirst para.\nSecond para.\n"
    >>> [t[s:e] for s, e in paragraph_spans(t)]
    ['Headline', 'First para.', 'Second para.']
    """
    points, starts = code_points([text])
    lo, hi, _ = paragraph_bounds(points, starts)
    return list(zip(lo.tolist(), hi.tolist(), strict=True))


def layout_each(
    texts: list[str],
    documents: list[dict[str, str]] | None = None,
    cache: ReuseCache | None = None,
    *,
    role_limits: RoleLimits | None = None,
) -> Iterator[Layout]:
    """The blocks of every text, the sentences of every block, and what they reuse.

    Everything is found over code points, a chunk of texts at a time.

    Args:
        texts: The texts.
        documents: For each text, the official documents it pairs with,
            ``{official_id: text}`` (none by default).
        cache: Shared by the calls of one corpus (see :class:`ReuseCache`).
        role_limits: The n-gram length of reuse (:class:`RoleLimits`; the defaults if none).

    Yields:
        A :class:`Layout` for each text in turn, offsets into the text.
    """
    documents = documents or [{}] * len(texts)
    cache = cache if cache is not None else ReuseCache()
    n = (role_limits or RoleLimits()).reuse_n
    for first, stop in chunks(texts):
        points, starts = code_points(texts[first:stop])
        space = np.take(python_table(r"\s"), points)  # for blocks and sentences alike
        lo, hi, owner = paragraph_bounds(points, starts, space)
        sentence_lo, sentence_hi, block = sentence_bounds(points, lo, hi, space)
        base = starts[owner]
        blocks = list(zip((lo - base).tolist(), (hi - base).tolist(), strict=True))
        sentences = list(
            zip(
                (sentence_lo - base[block]).tolist(),
                (sentence_hi - base[block]).tolist(),
                strict=True,
            )
        )
        paired = [k for k in range(first, stop) if documents[k]]
        if paired:
            hits, word_starts, names = _hits(texts, documents, paired, starts, first, cache, n)
            block_reuse = _named(*reused_shares(hits, word_starts, lo, hi, n), names)
            sentence_reuse = _named(
                *reused_shares(hits, word_starts, sentence_lo, sentence_hi, n), names
            )
        by_block = np.searchsorted(block, np.arange(len(lo) + 1)).tolist()
        by_text = np.searchsorted(owner, np.arange(stop - first + 1)).tolist()
        for k, (a, b) in enumerate(pairwise(by_text), first):
            per_block = [sentences[by_block[i] : by_block[i + 1]] for i in range(a, b)]
            layout = Layout(blocks[a:b], per_block)
            if documents[k]:
                layout.block_reuse = block_reuse[a:b]
                layout.sentence_reuse = sentence_reuse[by_block[a] : by_block[b]]
            yield layout


@dataclass
class Layout:
    """One text's blocks and sentences, and how much of each reproduces a paired document.

    Attributes:
        blocks: ``(start, end)`` of each block (:func:`paragraph_spans`).
        sentences: Each block's ``(start, end)`` of its sentences.
        block_reuse: ``(share, official_id)`` of each block (:func:`reused_shares`),
            or ``None`` if the text pairs with no document.
        sentence_reuse: The same for each sentence, in order.
    """

    blocks: list[tuple[int, int]]
    sentences: list[list[tuple[int, int]]]
    block_reuse: list[tuple[float, str]] | None = None
    sentence_reuse: list[tuple[float, str]] | None = None


def _hits(
    texts, documents, paired, starts, first, cache, n: int
) -> tuple[np.ndarray, np.ndarray, list]:
    """The words of the paired texts of a chunk, and the document of the ``n``-gram each starts."""
    names: dict[str | None, int] = {None: -1}
    hits, word_starts = [], []
    words_each = normalised_words_each([texts[k] for k in paired], cache.words)
    for k, (words, word_start) in zip(paired, words_each, strict=True):
        looked_up = map(cache.grams(documents[k], n).get, _ngrams(words, n))
        for name in documents[k]:
            names.setdefault(name, len(names) - 1)
        numbered = np.full(len(words), -1, dtype=np.int64)
        numbered[: max(len(words) - n + 1, 0)] = list(map(names.__getitem__, looked_up))
        hits.append(numbered)
        word_starts.append(word_start + starts[k - first])
    return np.concatenate(hits), np.concatenate(word_starts), list(names)[1:]


def _named(share: np.ndarray, winner: np.ndarray, names: list[str]) -> list[tuple[float, str]]:
    """``(share, official_id)`` pairs, with ``""`` where no document is shared."""
    names = [*names, ""]  # -1 picks the last
    return list(zip(share.tolist(), map(names.__getitem__, winner.tolist()), strict=True))


def paragraph_bounds(
    points: np.ndarray, starts: np.ndarray, space: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""The blocks of many texts at once, as :func:`paragraph_spans` finds them.

    A block is a run of non-blank lines (lines end at ``\n``, ``\r\n`` or ``\r``).
    A line break inside a hard-wrapped run (lines of 40 to 100 characters) ends a
    block after a line that ends like a sentence and is short for the run; in
    other runs, unless the line goes on mid-sentence (no final punctuation, and
    the next line begins in lower case).

    Args:
        points: The texts' code points; text ``k`` is ``points[starts[k]:starts[k + 1]]``
            (see :func:`analysis._arrays.code_points`).
        starts: Where each text starts, and where the last ends.
        space: Which code points are whitespace (``\s``), if the caller knows already.

    Returns:
        ``(lo, hi, owner)``: each block's bounds in ``points``, trimmed of
        whitespace, and its text, in order.
    """
    size = len(points)
    # Line breaks: every "\r" and "\n", but "\r\n" counts once (unless a text
    # ends between the two).
    text_start = np.zeros(size + 1, dtype=bool)
    text_start[starts] = True
    cr, lf = points == ord("\r"), points == ord("\n")
    crlf = np.zeros(size, dtype=bool)
    crlf[:-1] = cr[:-1] & lf[1:] & ~text_start[1:size]
    line_break = cr | lf
    line_break[1:] &= ~crlf[:-1]
    break_at = np.flatnonzero(line_break)
    break_end = break_at + 1 + crlf[break_at]
    # A line starts each non-empty text and after each break but one at a text's end.
    line_start = np.concatenate(
        [
            starts[:-1][np.diff(starts) > 0],
            break_end[break_end < starts[owners(break_at, starts) + 1]],
        ]
    )
    line_start.sort()
    line_owner = owners(line_start, starts)
    next_break = np.append(break_at, size)[np.searchsorted(break_at, line_start)]
    line_end = np.minimum(next_break, starts[line_owner + 1])
    # Each non-blank line's first and last visible character.
    space = np.take(python_table(r"\s"), points) if space is None else space
    visible = np.flatnonzero(~space)
    after_start, before_end = (
        np.searchsorted(visible, line_start),
        np.searchsorted(visible, line_end),
    )
    new_text = np.ones(len(line_start), dtype=bool)
    new_text[1:] = line_owner[1:] != line_owner[:-1]
    after_blank = np.ones(len(line_start), dtype=bool)
    after_blank[1:] = before_end[:-1] == after_start[:-1]
    line = np.flatnonzero(before_end > after_start)
    first, last = visible[after_start[line]], visible[before_end[line] - 1] + 1
    width = last - first
    # Runs of non-blank lines, and whether each is hard-wrapped.
    run_start = (new_text | after_blank)[line]
    run_first = np.flatnonzero(run_start)
    run = np.cumsum(run_start) - 1
    run_last = np.ones(len(line), dtype=bool)
    run_last[:-1] = run_start[1:]
    if len(line):
        fits = np.where(run_last, width <= 100, (width >= 40) & (width <= 100))
        misfits = np.add.reduceat((~fits).astype(np.int64), run_first)
        wrapped = (np.diff(np.append(run_first, len(line))) >= 2) & (misfits == 0)
        widest = np.maximum.reduceat(width, run_first)
    else:
        wrapped = widest = np.zeros(0, dtype=np.int64)
    ends_like_sentence = np.take(python_table(_TERMINAL), points[last - 1])
    next_lower = np.zeros(len(line), dtype=bool)
    next_lower[:-1] = np.take(string_table(str.islower), points[first[1:]])
    cut_after = np.where(
        wrapped[run],
        ends_like_sentence & (width < 0.6 * widest[run]),
        ends_like_sentence | ~next_lower,
    )
    opens = run_start.copy()
    opens[1:] |= cut_after[:-1] & ~run_last[:-1]
    block_first = np.flatnonzero(opens)
    block_last = np.append(block_first[1:] - 1, len(line) - 1)[: len(block_first)]
    return first[block_first], last[block_last], line_owner[line[block_first]]
