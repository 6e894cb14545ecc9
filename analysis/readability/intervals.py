"""Intervals: seeded percentile bootstrap over a voice's sentences, and of one voice minus another."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.readability.batch import DEFAULT_METHOD, _starts, suite
from analysis.readability.formulas import FLESCH_METRICS, METRICS, flesch_scores
from analysis.readability.voices import VOICES

__all__ = ["bootstrap"]


def bootstrap(
    units: pd.DataFrame,
    metrics: Sequence[str] = (
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "words_per_sentence",
        "syllables_per_word",
    ),
    resamples: int = 1000,
    seed: int = 0,
    level: float = 0.95,
    difference: tuple[str, str] = ("journalist", "official"),
    *,
    method: str = DEFAULT_METHOD,
) -> pd.DataFrame:
    """Percentile bootstrap intervals per voice and for one voice minus another.

    Each resample draws a voice's units (sentences) with replacement, as many
    as it has, joins them and scores the result as one text with
    :func:`analysis.readability.suite` (by ``method``: with the workbook's
    sentences each unit is split on its own). The difference resamples both
    voices independently, in the same draw.

    Args:
        units: From :func:`analysis.readability.voice_units`.
        metrics: The metrics to give intervals for.
        resamples: Number of bootstrap resamples.
        seed: Seed of the random generator (same seed, same intervals).
        level: Coverage of the interval.
        difference: ``(a, b)``: also give an interval for ``a`` minus ``b``.
        method: As in :func:`analysis.readability.suite`.

    Returns:
        One row per (voice, metric), then per metric for the difference (voice
        ``"journalist − official"``): ``estimate`` (the score of the voice's own
        text, as in :func:`analysis.readability.voice_scores`), ``low``,
        ``high``, ``units``, ``resamples``, ``excludes_zero``, ``method``. A
        voice with no units, or fewer than two, gets NaN bounds, not a missing row.

    Raises:
        ValueError: On an unknown metric or a level outside (0, 1).
    """
    unknown = [m for m in metrics if m not in METRICS]
    if unknown:
        raise ValueError(f"unknown metric {unknown}; choose from {METRICS}")
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, not {level}")
    texts = {voice: units.loc[units["voice"] == voice, "text"].tolist() for voice in VOICES}
    counts: dict[str, np.ndarray] = {}
    draws = _draws(texts, resamples, np.random.default_rng(seed), method, tuple(metrics), counts)
    # A voice's own text scores as the sum of its units' counts (see _draws): the
    # units were scored already, so the whole text is not scored a second time.
    estimates = {
        voice: _summed(counts[voice])
        if voice in counts
        else _joined_suite([texts[voice]], method).iloc[0]
        for voice in VOICES
    }
    alpha = (1 - level) / 2

    def bounds(values) -> tuple[float, float]:
        if values is None:
            return (np.nan, np.nan)
        low, high = np.quantile(np.asarray(values, dtype=float), [alpha, 1 - alpha])
        return float(low), float(high)

    rows = []
    for voice in VOICES:
        for metric in metrics:
            draw = draws[voice]
            estimate = estimates[voice][metric] if texts[voice] else np.nan
            if estimates[voice]["words"] == 0:
                estimate = np.nan
            low, high = bounds(None if draw is None else draw[metric])
            rows.append((voice, metric, estimate, low, high, len(texts[voice])))
    a, b = difference
    for metric in metrics:
        both = draws[a] is not None and draws[b] is not None
        estimate = (
            estimates[a][metric] - estimates[b][metric]
            if estimates[a]["words"] and estimates[b]["words"]
            else np.nan
        )
        low, high = bounds(
            draws[a][metric].to_numpy() - draws[b][metric].to_numpy() if both else None
        )
        rows.append((f"{a} − {b}", metric, estimate, low, high, len(texts[a]) + len(texts[b])))
    table = pd.DataFrame(rows, columns=["voice", "metric", "estimate", "low", "high", "units"])
    table["resamples"] = resamples
    table["excludes_zero"] = (table["low"] > 0) | (table["high"] < 0)
    table.loc[~table["voice"].str.contains("−"), "excludes_zero"] = False
    table["method"] = method
    return table


def _draws(
    texts: dict[str, list[str]],
    resamples: int,
    rng: np.random.Generator,
    method: str,
    metrics: tuple[str, ...] = FLESCH_METRICS,
    counts: dict[str, np.ndarray] | None = None,
) -> dict[str, pd.DataFrame | None]:
    """Per voice, the scores of each resample; None for a voice of fewer than two units.

    The voices draw from ``rng`` in turn, in the order of :data:`VOICES`, so a
    seed gives the same resamples whichever voices are asked about. With the
    workbook's sentences (each unit split on its own) the words, sentences and
    syllables of a resample are the sums of its units' counts, so each unit is
    scored once and each resample is a sum: the same scores as scoring every
    joined resample, in a second where that took minutes on a large corpus.
    Those units' counts (words, sentences, syllables) go into ``counts``, by voice.
    """
    additive = method != "textstat" and set(metrics) <= set(FLESCH_METRICS)
    draws: dict[str, pd.DataFrame | None] = {}
    for voice in VOICES:
        pool = texts[voice]
        if len(pool) < 2:
            draws[voice] = None
            continue
        if additive:
            units = _joined_suite([[text] for text in pool], method)
            unit_counts = units[["words", "sentences", "syllables"]].to_numpy(dtype=np.int64)
            if counts is not None:
                counts[voice] = unit_counts
            columns = [np.ascontiguousarray(unit_counts[:, k]) for k in range(3)]
            sums = np.empty((resamples, 3), dtype=np.int64)
            # 64 resamples drawn at a time (the generator gives the same numbers as in
            # one draw): memory stays bounded on a corpus of a million sentences, and
            # one count column gathered at a time is several times faster than rows.
            for lo in range(0, resamples, 64):
                picks = rng.integers(0, len(pool), size=(min(64, resamples - lo), len(pool)))
                for k, column in enumerate(columns):
                    sums[lo : lo + len(picks), k] = column[picks].sum(axis=1)
            draws[voice] = pd.DataFrame(flesch_scores(sums[:, 0], sums[:, 1], sums[:, 2]))
        else:
            picks = rng.integers(0, len(pool), size=(resamples, len(pool)))
            draws[voice] = _joined_suite([[pool[i] for i in row] for row in picks], method)
    return draws


def _summed(unit_counts: np.ndarray) -> pd.Series:
    """The Flesch scores (and words) of units joined, from the sum of their counts."""
    words, sentences, syllables = (np.array([n]) for n in unit_counts.sum(axis=0))
    scores = {
        name: float(value[0]) for name, value in flesch_scores(words, sentences, syllables).items()
    }
    return pd.Series({**scores, "words": int(words[0])})


def _joined_suite(groups: list[list[str]], method: str) -> pd.DataFrame:
    """The suite of each group of units joined by a space, each unit split on its own."""
    texts = [" ".join(group) for group in groups]
    if method == "textstat":
        return suite(texts)
    return suite(texts, method=method, parts=[_starts(group) for group in groups])
