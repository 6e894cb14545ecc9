"""Findings: the readability tables said in one sentence each, every number read from its table.

Kept together (the method, language and interval findings, the per-voice
sentence summary, and how each metric is named in prose) for the workbook's
findings to gather later.
"""

from __future__ import annotations

import pandas as pd

from analysis.readability import DEFAULT_METHOD, VOICES, Guards
from analysis.text import and_list as _and

__all__ = [
    "METRIC_NAMES",
    "interval_finding",
    "language_finding",
    "method_finding",
    "sentence_summary",
]

# How the metrics are named in prose (their authors' names and capitals).
METRIC_NAMES = {
    "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "Flesch–Kincaid grade",
    "gunning_fog": "Gunning fog index",
    "smog_index": "SMOG index",
    "coleman_liau_index": "Coleman–Liau index",
    "automated_readability_index": "automated readability index",
    "dale_chall_readability_score": "Dale–Chall score",
    "linsear_write_formula": "Linsear Write score",
    "text_standard": "consensus grade (text_standard)",
    "words_per_sentence": "words per sentence",
    "syllables_per_word": "syllables per word",
}


def method_finding(table: pd.DataFrame, metric: str = "flesch_kincaid_grade") -> str:
    """A sentence on how the two sentence counts differ and what that does to ``metric``.

    Args:
        table: From :func:`analysis.readability.compare_methods` (its ``words``,
            ``sentences`` and ``metric`` rows).
        metric: The metric to quote by both methods.

    Returns:
        The sentence, every number read from ``table``; "" when no voice has words.
    """
    voices = [voice for voice in table.columns.get_level_values("voice").unique()
              if table.loc["words", (voice, DEFAULT_METHOD)] > 0]  # fmt: skip
    if not voices:
        return ""

    def listed(row: str, method: str, form: str) -> str:
        return _and([format(table.loc[row, (voice, method)], form) for voice in voices])

    ours, theirs = (
        listed("sentences", DEFAULT_METHOD, ".0f"),
        listed("sentences", "textstat", ".0f"),
    )
    if ours == theirs:
        return (
            f"The workbook's sentences and textstat's rule count the same sentences "
            f"({ours}) in the {_and(voices)} voices, so the two methods give the same scores"
        )
    name = METRIC_NAMES.get(metric, metric.replace("_", " "))
    return (
        f"Scores use the workbook's sentences: {ours} in the {_and(voices)} voices, where "
        f"textstat's rule counts {theirs} (it ends a sentence at every period, "
        f'"Jr." and initials included, and runs a unit without a final stop, such as a '
        f"heading, into the next); the {name} is "
        f"{listed(metric, DEFAULT_METHOD, '.1f')} on the workbook's sentences and "
        f"{listed(metric, 'textstat', '.1f')} on textstat's"
    )


def language_finding(
    scores: pd.DataFrame,
    *,
    guards: Guards | None = None,
    min_english_share: float | None = None,
) -> str:
    """A sentence naming the voices that do not read as English, or "" when all do.

    Args:
        scores: From :func:`analysis.readability.voice_scores` (its
            ``english_share`` and ``words``; the rows of :data:`DEFAULT_METHOD`)
            or :func:`analysis.readability.score_groups`.
        guards: As in :func:`analysis.readability.flag` (its ``min_english_words``
            and ``min_english_share``).
        min_english_share: As in :func:`analysis.readability.flag`.
    """
    guards = Guards.given(guards, min_english_share)
    if "method" in (scores.index.names or []):
        scores = scores.xs(DEFAULT_METHOD, level="method")
    judged = scores[scores["words"] >= guards.min_english_words]
    foreign = judged[judged["english_share"] < guards.min_english_share]
    if foreign.empty:
        return ""
    named = ", ".join(
        f"{voice} ({100 * share:.0f}% English function words)"
        for voice, share in foreign["english_share"].items()
    )
    return (
        f"Not English: {named}, where English prose has 30-50%; the formulas were fitted "
        "on English and count syllables with an English dictionary, so these voices' "
        "scores say nothing about how hard they are to read"
    )


def interval_finding(intervals: pd.DataFrame, metric: str = "flesch_kincaid_grade") -> str:
    """One sentence stating what the journalist-minus-official interval shows."""
    row = intervals[(intervals["metric"] == metric) & intervals["voice"].str.contains("−")]
    name = METRIC_NAMES.get(metric, metric.replace("_", " "))
    if row.empty or row["low"].isna().all():
        return f"Too few sentences to give an interval for the {name} difference"
    low, high, estimate = (float(row[c].iloc[0]) for c in ("low", "high", "estimate"))
    if low > 0 or high < 0:
        direction = "higher" if estimate > 0 else "lower"
        return (
            f"The journalist's {name} is {direction} than the official text's "
            f"({estimate:+.1f}; 95% interval {low:+.1f} to {high:+.1f})"
        )
    return (
        f"The journalist's and the official {name} cannot be told apart "
        f"({estimate:+.1f}; 95% interval {low:+.1f} to {high:+.1f} includes 0)"
    )


def sentence_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Per voice: units, and the median, minimum and maximum of words and syllables per word."""
    grouped = table.groupby("voice", sort=False)
    summary = grouped.agg(
        units=("text", "size"),
        median_words=("words", "median"),
        min_words=("words", "min"),
        max_words=("words", "max"),
        median_syllables_per_word=("syllables_per_word", "median"),
        ignored_by_sentence_rule=("counted", lambda counted: int((~counted).sum())),
    )
    return summary.reindex(list(VOICES)).round(2)
