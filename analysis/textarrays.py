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

import numpy as np
import pyarrow as pa

__all__ = ["code_points", "python_table", "strings"]


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


# Every code point a Python string can hold in valid UTF-8 (no surrogates).
_VALID = (0, 0xD800), (0xE000, 0x110000)


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
    for first, stop in _VALID:
        every = np.arange(first, stop, dtype="<u4").tobytes().decode("utf-32-le")
        for match in runs.finditer(every):
            table[first + match.start() : first + match.end()] = True
    table.flags.writeable = False
    return table
