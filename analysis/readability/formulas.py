"""The formulas: every metric of the suite from the scan's counts, as textstat computes them.

Each formula is elementwise float64 arithmetic in the order textstat writes it,
so every value is the one textstat's Python floats give; the per-word facts
(syllables, difficulty) come from :mod:`analysis.readability.syllables`, once per
distinct word.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from analysis.readability.scan import LINSEAR_WORDS, _Scanned
from analysis.readability.syllables import _Lexicon

__all__ = ["METRICS"]

METRICS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
    "linsear_write_formula",
    "text_standard",
    "words_per_sentence",
    "syllables_per_word",
)


def _numbers(array) -> np.ndarray:
    return np.asarray(array.to_numpy(zero_copy_only=False), dtype=np.int64)


def _scores(scanned: _Scanned, lexicon: _Lexicon) -> pd.DataFrame:
    """Every metric of every text from its counts, as textstat computes them."""
    encoded = pc.dictionary_encode(scanned.word_forms)
    forms = encoded.dictionary.to_pylist()
    rows = np.fromiter(map(lexicon.ids.__getitem__, forms), np.int64, len(forms))
    # Each form's facts in one number, so each word's are gathered in one pass.
    facts = np.asarray(lexicon.facts, dtype=np.int64).reshape(-1, 4)[rows]
    packed = (
        (facts[:, 0] << 4)
        | (facts[:, 1] << _POLYSYLLABLE)
        | (facts[:, 2] << _NOT_EASY)
        | (facts[:, 3] << _FOG_DIFFICULT)
        | ((facts[:, 0] > 0) << _SOUNDED)
    )
    per_word = packed[_numbers(encoded.indices)]
    owner, n = scanned.word_owner, scanned.texts
    bounds = np.searchsorted(owner, np.arange(n + 1))  # each text's words (owner is sorted)
    # Linsear Write's sample: each text's first 100 words.
    size = len(owner) + 1
    edges = np.bincount(bounds[:-1], minlength=size) - np.bincount(
        np.minimum(bounds[:-1] + LINSEAR_WORDS, bounds[1:]), minlength=size
    )
    sample = np.cumsum(edges[:-1]).astype(bool)

    def per_text(values) -> np.ndarray:
        running = np.zeros(len(values) + 1, dtype=np.int64)
        np.cumsum(values, out=running[1:])
        return running[bounds[1:]] - running[bounds[:-1]]

    def bit(k: int) -> np.ndarray:
        return (per_word >> k) & 1

    polysyllable = bit(_POLYSYLLABLE)
    sentences, linsear_sentences = scanned.workbook or (
        scanned.sentences,
        scanned.linsear_sentences,
    )
    counts = {
        "words": scanned.words,
        "sentences": sentences,
        "textstat_sentences": scanned.sentences,
        "syllables": per_text(per_word >> 4),
        "polysyllables": per_text(polysyllable),
        "difficult_words": per_text(bit(_NOT_EASY)),
        "fog_difficult_words": per_text(bit(_FOG_DIFFICULT)),
        # textstat's letters are the word characters: the words less their apostrophes.
        "letters": per_text(scanned.word_length) - scanned.apostrophes,
        "characters": scanned.characters,
        "tokens": scanned.tokens,
        # Linsear Write: easy words have one or two syllables, hard ones three or more.
        "linsear_easy": per_text(sample & (bit(_SOUNDED) - polysyllable).astype(bool)),
        "linsear_difficult": per_text(sample & polysyllable.astype(bool)),
        "linsear_sentences": linsear_sentences,
    }
    scores = _formulas(counts)
    table = pd.DataFrame(scores | counts)
    both = ["textstat_sentences"] if scanned.workbook is not None else []
    return table[[*METRICS, "words", "sentences", *both, "syllables", "polysyllables",
                  "difficult_words", "letters", "characters"]]  # fmt: skip


# Bits of a word's packed facts (its syllables are the bits from 4 up).
_POLYSYLLABLE, _NOT_EASY, _FOG_DIFFICULT, _SOUNDED = 0, 1, 2, 3


def _ratio(top: np.ndarray, bottom: np.ndarray) -> np.ndarray:
    """``top / bottom``, 0.0 where ``bottom`` is 0 (textstat's guard)."""
    out = np.zeros(len(top), dtype=np.float64)
    np.divide(top, bottom, out=out, where=bottom != 0)
    return out


def _formulas(counts: dict) -> dict:
    """Every metric from the counts, with textstat's operations in textstat's order.

    Each line is elementwise float64 arithmetic in the order textstat writes it,
    so every value is the one textstat's Python floats give.
    """
    words, sentences = counts["words"], counts["sentences"]
    flesch = flesch_scores(words, sentences, counts["syllables"])
    words_per_sentence = flesch["words_per_sentence"]
    letters_per_word = _ratio(counts["letters"], words)
    sentences_per_word = _ratio(sentences, words)
    chars_per_word = _ratio(counts["characters"], counts["tokens"])
    zero = np.zeros(len(words))

    fog = np.where(
        words != 0,
        0.4 * (words_per_sentence + _ratio(100 * counts["fog_difficult_words"], words)),
        zero,
    )
    percent_difficult = _ratio(100 * counts["difficult_words"], words)
    dale_chall = (0.1579 * percent_difficult) + (0.0496 * words_per_sentence)
    dale_chall = np.where(percent_difficult > 5, dale_chall + 3.6365, dale_chall)
    dale_chall = np.where(words != 0, dale_chall, zero)
    # Python's ``** 0.5`` per value: NumPy's vectorised power may round differently.
    root = np.array([value**0.5 for value in (30 * _ratio(counts["polysyllables"], sentences))])
    smog = np.where(sentences != 0, (1.043 * root) + 3.1291, zero)
    letters_100, sentences_100 = letters_per_word * 100, sentences_per_word * 100
    coleman_liau = np.where(
        (letters_100 == 0) | (sentences_100 == 0),
        zero,
        (0.058 * letters_100) - (0.296 * sentences_100) - 15.8,
    )
    ari = np.where(
        (chars_per_word == 0) | (words_per_sentence == 0),
        zero,
        (4.71 * chars_per_word) + (0.5 * words_per_sentence) - 21.43,
    )
    linsear = _ratio(counts["linsear_easy"] * 1 + counts["linsear_difficult"] * 3,
                     counts["linsear_sentences"])  # fmt: skip
    linsear = np.where(linsear <= 20, linsear - 2, linsear) / 2
    linsear = np.where(counts["linsear_sentences"] != 0, linsear, zero)
    scores = {
        "flesch_reading_ease": flesch["flesch_reading_ease"],
        "flesch_kincaid_grade": flesch["flesch_kincaid_grade"],
        "gunning_fog": fog,
        "smog_index": smog,
        "coleman_liau_index": coleman_liau,
        "automated_readability_index": ari,
        "dale_chall_readability_score": dale_chall,
        "linsear_write_formula": linsear,
        "words_per_sentence": words_per_sentence,
        "syllables_per_word": flesch["syllables_per_word"],
    }
    scores["text_standard"] = _text_standard(scores)
    return scores


FLESCH_METRICS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "words_per_sentence",
    "syllables_per_word",
)
"""The metrics of words, sentences and syllables alone: their counts add up over texts."""


def flesch_scores(words, sentences, syllables) -> dict[str, np.ndarray]:
    """The :data:`FLESCH_METRICS` from the counts, in textstat's order of operations."""
    words, sentences, syllables = (np.asarray(a) for a in (words, sentences, syllables))
    words_per_sentence = _ratio(words, sentences)
    syllables_per_word = _ratio(syllables, words)
    zero = np.zeros(len(words))
    flat = (words_per_sentence == 0) | (syllables_per_word == 0)
    return {
        "flesch_reading_ease": np.where(
            flat, zero, 206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word
        ),
        "flesch_kincaid_grade": np.where(
            flat, zero, (0.39 * words_per_sentence) + (11.8 * syllables_per_word) - 15.59
        ),
        "words_per_sentence": words_per_sentence,
        "syllables_per_word": syllables_per_word,
    }


def _text_standard(scores: dict) -> np.ndarray:
    """Textstat's consensus grade: the most common of the formulas' grades.

    Per text, the grades in textstat's order: floor, ceiling and rounding of the
    Flesch–Kincaid grade, the one or two grades of the reading-ease band, then
    floor, ceiling and rounding of six more formulas. The most common wins; a tie
    goes to the grade seen first (``Counter.most_common``).
    """

    def near(metric: str) -> list[np.ndarray]:
        score = scores[metric]
        return [np.floor(score), np.ceil(score), np.round(score)]  # round: half to even

    ease = scores["flesch_reading_ease"]
    # Bands of ten from 30 to 100; anything else (100 and over too) is grade 13.
    band = np.select(
        [(ease >= floor) & (ease < floor + 10) for floor in (90, 80, 70, 60, 50, 40, 30)],
        [5, 6, 7, 8, 10, 11, 12],
        13,
    ).astype(np.float64)
    second = np.where((ease >= 60) & (ease < 70), 9.0, np.nan)  # NaN equals nothing
    grades = np.column_stack(
        near("flesch_kincaid_grade")
        + [band, second]
        + [
            column
            for metric in (
                "smog_index",
                "coleman_liau_index",
                "automated_readability_index",
                "dale_chall_readability_score",
                "linsear_write_formula",
                "gunning_fog",
            )
            for column in near(metric)
        ]
    )
    # How often each text's grade in each column occurs among that text's grades.
    seen = (grades[:, :, None] == grades[:, None, :]).sum(axis=2)
    first_most = np.argmax(seen == seen.max(axis=1, keepdims=True), axis=1)
    return grades[np.arange(len(grades)), first_most] + 0.0  # -0.0 (a ceiling) as 0.0
