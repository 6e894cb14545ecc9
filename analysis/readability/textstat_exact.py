"""The reference: textstat itself, one call per metric, that the batch suite is tested against.

Named so as not to shadow the ``textstat`` library it imports.
"""

from __future__ import annotations

__all__ = ["textstat_suite"]


def textstat_suite(text: str) -> dict[str, float]:
    """The suite computed by textstat itself, one call per metric (the reference)."""
    import textstat

    return {metric: function(text) for metric, function in _textstat_functions(textstat).items()}


def _textstat_functions(textstat) -> dict:
    return {
        "flesch_reading_ease": textstat.flesch_reading_ease,
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
        "gunning_fog": textstat.gunning_fog,
        "smog_index": textstat.smog_index,
        "coleman_liau_index": textstat.coleman_liau_index,
        "automated_readability_index": textstat.automated_readability_index,
        "dale_chall_readability_score": textstat.dale_chall_readability_score,
        "linsear_write_formula": textstat.linsear_write_formula,
        "text_standard": lambda text: textstat.text_standard(text, float_output=True),
        "words_per_sentence": textstat.words_per_sentence,
        "syllables_per_word": textstat.avg_syllables_per_word,
    }
