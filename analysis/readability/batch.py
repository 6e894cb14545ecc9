"""The suite for many texts at once: textstat's metrics, by either sentence count.

:func:`suite` returns, for every text, what calling textstat on that text
returns (``method="textstat"``, tested to within 1e-9), or the same formulas
on the workbook's own sentences (``method="workbook sentences"``). The texts
are scanned (:mod:`analysis.readability.scan`) and scored
(:mod:`analysis.readability.formulas`) a chunk at a time, over two processes
for many texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from importlib import metadata

import numpy as np
import pandas as pd

from analysis._arrays import chunks, code_points
from analysis.parallel import balanced_parts, fork_map, process_count
from analysis.readability.formulas import _scores
from analysis.readability.scan import _scan
from analysis.readability.syllables import _Lexicon, _lexicon

__all__ = ["DEFAULT_METHOD", "METHODS", "suite"]

# How a voice's sentences are counted: the workbook's splitter (the default, first),
# or textstat's own rule (its exact figures, kept beside them).
METHODS = ("workbook sentences", "textstat")
DEFAULT_METHOD = METHODS[0]

TEXTSTAT_VERSION = metadata.version("textstat")
PARALLEL_MIN_TEXTS = 2_000  # from here, suite() runs in two processes
_SURROGATE = re.compile("[\ud800-\udfff]")


def suite(
    texts: Iterable[str] | pd.Series,
    *,
    method: str = "textstat",
    parts: Sequence[Sequence[int]] | None = None,
) -> pd.DataFrame:
    """Textstat's readability suite for every text, computed in one batch.

    Args:
        texts: The texts (a Series keeps its index; anything else gets 0..n-1).
        method: ``"textstat"``: textstat's own values. ``"workbook sentences"``:
            the same formulas and counts, but with the sentences of the
            workbook's splitter (:func:`analysis.text.sentence_bounds`) in place
            of textstat's sentence count wherever a formula uses one.
        parts: With ``"workbook sentences"``: per text, the offsets where its
            parts begin (increasing, the first 0), each part split on its own,
            as segmentation splits each block; e.g. the start of every sentence
            of a voice joined into one text. Default: each text is one part.

    Returns:
        One row per text: each of :data:`METRICS` (with ``"textstat"``, equal to
        textstat's own value; ``text_standard`` as its number,
        ``syllables_per_word`` as ``avg_syllables_per_word``), then the counts
        behind them: ``words``, ``sentences`` (the count the formulas used),
        with ``"workbook sentences"`` also ``textstat_sentences``,
        ``syllables``, ``polysyllables``, ``difficult_words`` (Dale–Chall),
        ``letters``, ``characters``.

    Raises:
        TypeError: If a text is not a string (e.g. a missing value).
        ValueError: On an unknown method, parts that do not fit their texts, or
            a text holding a lone surrogate (text decoded with
            ``errors="surrogateescape"``), which no UTF-8 kernel can read.
    """
    series = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype=object)
    values = series.tolist()
    for position, text in enumerate(values):
        if not isinstance(text, str):
            raise TypeError(
                f"text at position {position} (index {series.index[position]!r}) is "
                f"{type(text).__name__}, not str; fill or drop missing texts first"
            )
    offsets = _checked_parts(values, method, parts)
    lexicon = _lexicon()  # loaded before any fork, so a worker inherits it
    shares = balanced_parts(
        np.fromiter(map(len, values), np.int64, len(values)),
        process_count(len(values), PARALLEL_MIN_TEXTS),
    )

    def share(k: int) -> pd.DataFrame:
        taken = slice(*shares[k])
        return _suite(values[taken], lexicon, None if offsets is None else offsets[taken])

    try:
        tables = fork_map(share, len(shares))
    except UnicodeEncodeError:
        position = next(k for k, text in enumerate(values) if _SURROGATE.search(text))
        at = _SURROGATE.search(values[position]).start()
        raise ValueError(
            f"text at position {position} (index {series.index[position]!r}) holds a lone "
            f"surrogate at character {at}; decode its file strictly, or replace the "
            f"character, before scoring"
        ) from None
    table = pd.concat(tables, ignore_index=True) if len(tables) > 1 else tables[0]
    table.index = series.index
    return table


def _checked_parts(
    values: list[str], method: str, parts: Sequence[Sequence[int]] | None
) -> list[np.ndarray] | None:
    """Per text, the offsets of its parts for the workbook's splitter; None for textstat's rule."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose from {METHODS}")
    if method == "textstat":
        if parts is not None:
            raise ValueError('parts apply to method="workbook sentences" only')
        return None
    if parts is None:
        return [_WHOLE] * len(values)
    if len(parts) != len(values):
        raise ValueError(f"{len(parts)} lists of parts for {len(values)} texts; give one per text")
    offsets = [np.asarray(part, dtype=np.int64) for part in parts]
    for position, (text, part) in enumerate(zip(values, offsets, strict=True)):
        if len(part) and (part[0] != 0 or (np.diff(part) < 0).any() or part[-1] > len(text)):
            raise ValueError(
                f"parts of text at position {position} are {part.tolist()}: they must "
                f"increase from 0 and stay within its {len(text)} characters"
            )
    return offsets


_WHOLE = np.zeros(1, dtype=np.int64)  # one part: the whole text


def _suite(values: list[str], lexicon: _Lexicon, parts: list[np.ndarray] | None) -> pd.DataFrame:
    """:func:`suite` of some texts, in this process, a chunk of texts at a time.

    Each chunk is scored before the next is scanned, so the per-character and
    per-word arrays of only one chunk are held at a time.
    """
    tables = []
    for chunk in chunks(values):
        taken = slice(*chunk)
        scanned = _scan(*code_points(values[taken]), None if parts is None else parts[taken])
        tables.append(_scores(scanned, lexicon))
    return pd.concat(tables, ignore_index=True) if len(tables) > 1 else tables[0]


def _starts(texts: Sequence[str], sep: str = " ") -> np.ndarray:
    """Where each of ``texts`` begins in ``sep.join(texts)``."""
    lengths = np.fromiter(map(len, texts), np.int64, len(texts)) + len(sep)
    return np.cumsum(lengths) - lengths
