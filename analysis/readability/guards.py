"""Guards: flag (never clip or drop) the readability values the formulas cannot support.

The thresholds are :class:`Guards`, passed down to every function that flags
(:func:`flag`, :func:`analysis.readability.score_groups`,
:func:`analysis.readability.voice_scores`, the language finding), so a changed
value is the one every table and sentence uses.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.readability.formulas import METRICS

__all__ = ["GRADE_METRICS", "Guards", "flag"]

# Metrics whose value is a school grade: negative values are outside their range.
GRADE_METRICS = (
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "linsear_write_formula",
    "text_standard",
)


@dataclass(frozen=True)
class Guards:
    """When a readability value rests on too little text, or on text that is not English.

    Attributes:
        min_words: Fewer words than this flag every formula. The formulas were
            fitted on, and their authors prescribe, samples of at least 100 words:
            Flesch (1948) and Kincaid et al. (1975) 100-word samples; Dale & Chall
            (1948) 100-word samples; Gunning (1952) passages of about 100 words;
            Coleman & Liau (1975) letters and sentences per 100 words; Linsear
            Write scores a 100-word sample. Below it one sentence more or less
            moves the grade.
        min_sentences_smog: Fewer sentences than this flag SMOG: McLaughlin
            (1969) defined it on 30 sentences (10 each from start, middle, end).
        min_english_words: Fewer words than this cannot be judged English or not:
            a headline of ten words may hold no function word at all.
        min_english_share: Below this share of English function words
            (:func:`analysis.text.english_share`) a text is not English prose: the
            formulas were fitted on English, and syllables are counted with an
            English dictionary, so their values say nothing about it. English news
            prose scores 0.3-0.5, other languages a few hundredths.
    """

    min_words: int = 100
    min_sentences_smog: int = 30
    min_english_words: int = 20
    min_english_share: float = 0.15

    @staticmethod
    def given(guards: Guards | None, min_english_share: float | None = None) -> Guards:
        """``guards`` (default: today's), with ``min_english_share`` when one is given."""
        guards = Guards() if guards is None else guards
        if min_english_share is None:
            return guards
        return dataclasses.replace(guards, min_english_share=min_english_share)


def flag(
    scores: pd.DataFrame,
    *,
    guards: Guards | None = None,
    min_english_share: float | None = None,
) -> pd.DataFrame:
    """Add a ``<metric>_flag`` column per metric: why a value is unreliable, or "".

    Values are kept as they are; a flag says when a value rests on too little
    text (fewer than ``guards.min_words`` words; SMOG: fewer than
    ``guards.min_sentences_smog`` sentences), when there is no text at all (the
    value is NaN), when it is outside the formula's usual range (reading ease
    above 100 or below 0, a negative grade), or when the text does not read as
    English (an ``english_share`` column below ``guards.min_english_share``).

    Args:
        scores: A table from :func:`analysis.readability.suite` (or
            :func:`analysis.readability.score_groups`, which adds ``english_share``).
        guards: The thresholds (:class:`Guards`; default: its defaults).
        min_english_share: In place of ``guards.min_english_share`` (the
            keyword from before :class:`Guards`).

    Returns:
        A copy with the flag columns after the metrics.
    """
    guards = Guards.given(guards, min_english_share)
    out = scores.copy()
    words, sentences = out["words"], out["sentences"]
    foreign = pd.Series(False, index=out.index)
    if "english_share" in out:
        foreign = (words >= guards.min_english_words) & (
            out["english_share"] < guards.min_english_share
        )
    for metric in METRICS:
        value = out[metric]
        reasons = pd.Series("", index=out.index, dtype=object)

        def add(mask: pd.Series, reason: pd.Series | str, reasons=reasons) -> None:
            reasons[mask] = np.where(reasons[mask] == "", "", reasons[mask] + "; ") + (
                reason[mask] if isinstance(reason, pd.Series) else reason
            )

        add(words == 0, "no words")
        short = (words > 0) & (words < guards.min_words)
        add(short, "only " + words.astype(str) + f" words (< {guards.min_words})")
        if metric == "smog_index":
            few = (words > 0) & (sentences < guards.min_sentences_smog)
            add(
                few,
                "only " + sentences.astype(str) + f" sentences (< {guards.min_sentences_smog})",
            )
        if metric == "flesch_reading_ease":
            add(value > 100, "above 100 (outside 0–100)")
            add(value < 0, "below 0 (outside 0–100)")
        if metric in GRADE_METRICS:
            add(value < 0, "negative grade")
        if foreign.any():
            share = (100 * out["english_share"]).round().astype("int64").astype(str)
            add(foreign, "not English: " + share + "% English function words")
        out[f"{metric}_flag"] = reasons.astype("str")
    return out
