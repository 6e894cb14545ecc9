r"""Many texts as arrays, for counting without a Python loop over words.

Two shapes: an Arrow array of strings (for Arrow's C++ kernels), and the code
points of the texts end to end in one NumPy array, with where each text starts.
Code points are classified with tables built from Python's own ``re``, so a
vectorised count agrees with what ``re`` would find character for character
(Arrow's RE2 has ASCII ``\w`` and ``\s``, and Unicode tables newer than this
Python's).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from analysis.parallel import balanced_parts

__all__ = [
    "CHUNK_CHARACTERS",
    "chunks",
    "code_points",
    "count_runs",
    "number",
    "owners",
    "python_table",
    "ranges",
    "runs",
    "string_table",
    "strings",
    "substrings",
    "tokens",
]

CHUNK_CHARACTERS = 4_000_000  # texts are taken in chunks of about this many characters


def strings(texts) -> pa.Array:
    """Texts as one Arrow array of strings (a Series backed by Arrow may be in chunks)."""
    values = pa.array(texts, type=pa.large_string())
    return values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values


def code_points(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The texts' code points end to end, and where each text starts.

    Returns:
        ``(points, starts)``: ``points`` as ``uint32``; text ``k`` is
        ``points[starts[k]:starts[k + 1]]`` (``starts`` has one entry more than
        ``texts``).

    Raises:
        UnicodeEncodeError: If a text holds a lone surrogate.
    """
    starts = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, texts), np.int64, len(texts)), out=starts[1:])
    points = np.frombuffer("".join(texts).encode("utf-32-le"), dtype="<u4")
    return points, starts


def _every_code_point() -> Iterator[tuple[int, str]]:
    """Every code point a Python string can hold in valid UTF-8 (no surrogates).

    Yields:
        ``(first, text)`` runs: ``text[i]`` is code point ``first + i``.
    """
    for first, stop in ((0, 0xD800), (0xE000, 0x110000)):
        yield first, np.arange(first, stop, dtype="<u4").tobytes().decode("utf-32-le")


@functools.cache
def python_table(pattern: str) -> np.ndarray:
    r"""Which code points ``re`` matches with the one-character ``pattern``.

    Args:
        pattern: A pattern matching one character, e.g. ``r"\w"`` or ``r"\s"``.

    Returns:
        A read-only ``bool`` array indexed by code point (0 to 0x10FFFF).

    >>> table = python_table(r"\w")
    >>> bool(table[ord("é")]), bool(table[ord("-")])
    (True, False)
    """
    runs = re.compile(f"(?:{pattern})+")
    table = np.zeros(0x110000, dtype=bool)
    for first, every in _every_code_point():
        for match in runs.finditer(every):
            table[first + match.start() : first + match.end()] = True
    table.flags.writeable = False
    return table


@functools.cache
def string_table(test: Callable[[str], bool]) -> np.ndarray:
    """Which code points a test of one character holds for, such as ``str.islower``.

    Returns:
        A read-only ``bool`` array indexed by code point (0 to 0x10FFFF).
    """
    table = np.zeros(0x110000, dtype=bool)
    for first, every in _every_code_point():
        table[first : first + len(every)] = np.fromiter(map(test, every), bool, len(every))
    table.flags.writeable = False
    return table


def chunks(texts: list[str], size: int | None = None) -> list[tuple[int, int]]:
    """``(start, stop)`` runs of texts of about ``size`` characters each, in order.

    Working a chunk at a time bounds the memory of the per-character arrays.
    """
    size = size or CHUNK_CHARACTERS
    lengths = np.fromiter(map(len, texts), np.int64, len(texts))
    parts = -(-int(lengths.sum()) // size)
    return balanced_parts(lengths, max(parts, 1)) if texts else [(0, 0)]


def owners(positions: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """The text each of ``positions`` (into the joined code points) belongs to."""
    return np.searchsorted(starts, positions, side="right") - 1


def ranges(lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every ``i`` in every ``range(lo[k], hi[k])``, with its ``k``.

    >>> ranges(np.array([2, 7]), np.array([4, 8]))
    (array([0, 0, 1]), array([2, 3, 7]))
    """
    lengths = np.maximum(hi - lo, 0)
    owner = np.repeat(np.arange(len(lo)), lengths)
    offsets = np.cumsum(lengths) - lengths
    return owner, np.arange(int(lengths.sum())) - np.repeat(offsets - lo, lengths)


def runs(inside: np.ndarray, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each maximal run of true positions begins and ends; a text's start cuts one.

    Returns:
        ``(begin, end)``: positions into the joined code points, ``end`` exclusive.
    """
    size = len(inside)
    if not size:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    text_start = np.zeros(size, dtype=bool)
    text_start[starts[starts < size]] = True
    before = np.zeros(size, dtype=bool)  # the previous position is in the same run
    before[1:] = inside[:-1]
    before &= ~text_start
    after = np.zeros(size, dtype=bool)  # the next position is in the same run
    after[:-1] = before[1:] & inside[1:]
    return np.flatnonzero(inside & ~before), np.flatnonzero(inside & ~after) + 1


def substrings(
    points: np.ndarray, begin: np.ndarray, end: np.ndarray, taken: np.ndarray
) -> pa.Array:
    """The code points from each ``begin`` to ``end`` as an Arrow array of strings.

    The spans must be in order, non-empty and not overlapping. The strings are built on one
    UTF-8 buffer, with no Python string per span.

    Args:
        points: Code points (see :func:`code_points`).
        begin: Where each span begins.
        end: Where each ends (exclusive).
        taken: Which positions go into the strings: every position of the spans,
            or some of them to leave characters out (a joining hyphen); none
            outside the spans.
    """
    if len(begin):
        # Positions taken from each span's start to the next one's: its own, as no
        # position between spans is taken.
        kept_per_span = np.add.reduceat(taken.view(np.uint8), begin, dtype=np.int64)
    else:
        kept_per_span = np.zeros(0, dtype=np.int64)
    kept = points[taken]
    # Each span's first and last character among those kept, then in bytes: one
    # byte per character, and one to three more for each character past ASCII.
    kept_bounds = np.zeros(len(begin) + 1, dtype=np.int64)
    np.cumsum(kept_per_span, out=kept_bounds[1:])
    wide = np.flatnonzero(kept >= 0x80)  # few in English text
    if len(wide):
        data = kept.tobytes().decode("utf-32-le").encode("utf-8")
        extra = np.zeros(len(wide) + 1, dtype=np.int64)
        np.cumsum(1 + (kept[wide] >= 0x800) + (kept[wide] >= 0x10000), out=extra[1:])
        offsets = kept_bounds + extra[np.searchsorted(wide, kept_bounds)]
    else:
        data = kept.astype(np.uint8).tobytes()
        offsets = kept_bounds
    return pa.LargeStringArray.from_buffers(len(begin), pa.py_buffer(offsets), pa.py_buffer(data))


def tokens(
    texts: list[str],
    pattern: str,
    joins: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None,
    keep_joins: bool = False,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, pa.ChunkedArray]:
    r"""The runs of ``pattern``'s characters in every text, as ``re.finditer(pattern + "+")``.

    Args:
        texts: The texts.
        pattern: A one-character pattern, e.g. ``r"\w"``.
        joins: Given a chunk's ``(points, starts)``, a mask of characters that
            belong to a run without being one of ``pattern``'s and are left out
            of its text (a hyphen joining "build-up" into "buildup").
        keep_joins: Keep the joining characters in the runs' text ("build-up").

    Returns:
        ``(row, start, end, forms)``: each run's text, its offsets within that
        text, and the runs as written (an Arrow array of strings).
    """
    table = python_table(pattern)
    rows, starts_in_text, ends_in_text, forms = [], [], [], []
    for first, stop in chunks(texts):
        points, starts = code_points(texts[first:stop])
        taken = table[points]
        inside = taken if joins is None else taken | joins(points, starts)
        begin, end = runs(inside, starts)
        owner = owners(begin, starts)
        rows.append(owner + first)
        starts_in_text.append(begin - starts[owner])
        ends_in_text.append(end - starts[owner])
        forms.append(substrings(points, begin, end, inside if keep_joins else taken))
    return (
        np.concatenate(rows),
        np.concatenate(starts_in_text),
        np.concatenate(ends_in_text),
        pa.chunked_array(forms, pa.large_string()),
    )


def number(arrays: list[pa.Array]) -> tuple[np.ndarray, list[str]]:
    """Number the strings of several arrays together.

    Returns:
        ``(codes, forms)``: each string's position among ``forms``, the distinct
        strings in order of first appearance.
    """
    encoded = pc.dictionary_encode(pa.chunked_array(arrays, pa.large_string()))
    if not encoded.num_chunks:
        return np.zeros(0, np.int64), []
    # Chunks encoded in one call share one dictionary.
    codes = [chunk.indices.to_numpy(zero_copy_only=False) for chunk in encoded.chunks]
    return np.concatenate(codes).astype(np.int64), encoded.chunk(0).dictionary.to_pylist()


def count_runs(texts: list[str], pattern: str, min_length: int = 1) -> np.ndarray:
    r"""How many runs of ``pattern``'s characters of ``min_length`` or more each text holds.

    ``count_runs(texts, r"\S")`` is ``len(text.split())`` of each text, and
    ``count_runs(texts, r"\w")`` is ``len(re.findall(r"\w+", text))``.
    """
    table = python_table(pattern)
    counts = []
    for first, stop in chunks(texts):
        points, starts = code_points(texts[first:stop])
        begin, end = runs(table[points], starts)
        begin = begin[end - begin >= min_length]
        counts.append(np.diff(np.searchsorted(begin, starts)))
    return np.concatenate(counts)
