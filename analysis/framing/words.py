"""Words: those that set the journalist's text apart from the official text, and those it never uses."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analysis.corpus import Corpus
from analysis.framing.result import Framing
from analysis.framing.sentences import units
from analysis.framing.vectors import _STOP
from analysis.text import light_stem, normalise

__all__ = ["distinctive_words", "unmentioned_words"]


def distinctive_words(
    corpus: Corpus,
    news_id: str | None = None,
    prior_weight: float = 1000.0,
    frame: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Words that set the journalist's text apart from the official text, and back.

    The log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi &
    Quinn 2008, "Fightin' Words", Political Analysis 16(4)), the prior taken from
    a background English frequency list (the wordfreq package) scaled to
    ``prior_weight`` pseudo-words, so the two short texts alone do not set it.

    Args:
        corpus: The loaded corpus.
        news_id: One article and its official texts, or ``None`` for all pairs.
        prior_weight: Total pseudo-counts of the prior (alpha_0).
        frame: The sentences from :func:`units` (computed if not given).

    Returns:
        One row per word: counts in each voice, ``log_odds`` (positive: the
        journalist's), its ``z`` score, ``reliable`` (False where |z| < 1.96:
        shown, not hidden), and ``sentences`` (doc#sent_no where the word occurs).
    """
    from wordfreq import word_frequency

    frame = units(corpus) if frame is None else frame
    frame = frame[frame["side"] != "article"]  # the two voices compared: journalist, official
    if news_id is not None:
        officials = corpus.pairs.loc[corpus.pairs["news_id"] == news_id, "official_id"]
        frame = frame[(frame["doc_id"] == news_id) | frame["doc_id"].isin(officials)]
    tokens = []
    for unit in frame.itertuples():
        for word in re.findall(r"[a-z][a-z'’-]*", unit.text.lower()):
            tokens.append((normalise(word).strip("'-"), unit.side, f"{unit.doc_id}#{unit.sent_no}"))
    if not tokens:
        return pd.DataFrame(
            columns=["word", "journalist", "official", "log_odds", "z", "reliable", "sentences"]
        )
    table = pd.DataFrame(tokens, columns=["word", "side", "ref"])
    counts = table.pivot_table(
        index="word", columns="side", values="ref", aggfunc="size", fill_value=0
    )
    for side in ("journalist", "official"):
        if side not in counts:
            counts[side] = 0
    refs = table.groupby("word")["ref"].agg(lambda r: ";".join(dict.fromkeys(r)))
    background = np.array([max(word_frequency(w, "en"), 1e-8) for w in counts.index])
    alpha = prior_weight * background / background.sum()
    y_j, y_o = counts["journalist"].to_numpy(float), counts["official"].to_numpy(float)
    n_j, n_o = y_j.sum(), y_o.sum()
    a0 = alpha.sum()
    delta = np.log((y_j + alpha) / (n_j + a0 - y_j - alpha)) - np.log(
        (y_o + alpha) / (n_o + a0 - y_o - alpha)
    )
    variance = 1.0 / (y_j + alpha) + 1.0 / (y_o + alpha)
    z = delta / np.sqrt(variance)
    result = pd.DataFrame(
        {
            "word": counts.index,
            "journalist": y_j.astype(int),
            "official": y_o.astype(int),
            "log_odds": np.round(delta, 3),
            "z": np.round(z, 2),
        }
    )
    result["reliable"] = result["z"].abs() >= 1.96
    result["sentences"] = refs.reindex(result["word"]).to_numpy()
    return result.sort_values(["z", "word"], ascending=[False, True]).reset_index(drop=True)


def unmentioned_words(result: Framing, news_id: str, official_id: str) -> list[str]:
    """Content words of the official sentences an article omitted that its journalist text never uses.

    Words are compared by their light stem and shown as first written, those of the
    omitted sentence with the most such words first.
    """
    usage = result.usage[
        (result.usage["news_id"] == news_id) & (result.usage["official_id"] == official_id)
    ]
    omitted = usage.loc[usage["used_in"] == "omitted", "text"]
    journalist = result.units[
        (result.units["side"] == "journalist") & (result.units["doc_id"] == news_id)
    ]
    used = {
        light_stem(normalise(w)) for w in re.findall(r"[^\W\d_]+", " ".join(journalist["text"]))
    }
    per_sentence = [_new_words(text, used) for text in omitted]
    words: dict[str, str] = {}
    # The omitted sentence with the most new words first: the substance, not the title.
    for found in sorted(per_sentence, key=len, reverse=True):
        for key, word in found.items():
            words.setdefault(key, word)
    return list(words.values())


def _new_words(text: str, used: set[str]) -> dict[str, str]:
    """Content words of ``text`` (stem -> word as written) whose stem is not in ``used``."""
    found: dict[str, str] = {}
    for word in re.findall(r"[^\W\d_]+", text):
        key = light_stem(normalise(word))
        if len(word) >= 4 and normalise(word) not in _STOP and key not in used:
            found.setdefault(key, word)
    return found
