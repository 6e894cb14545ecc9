"""Agreement on quotations and their speakers.

A quotation is found when a workbook quotation starts in its gold paragraph
with the same first words (case and edge punctuation aside). A speaker is
right when it names the gold speaker or its ``referent``.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.corpus import Corpus
from analysis.segment import TITLE_WORDS
from analysis.validate.labels import _EDGE, FIRST_WORDS, _token_key

__all__ = ["quote_agreement", "speaker_matches"]


_PRONOUNS = frozenset("he she it they him her them his its their".split())


def _name_tokens(name: str) -> set[str]:
    name = re.sub(r"\(.*?\)", " ", name)
    tokens = {_EDGE.sub("", t).lower().removesuffix("’s").removesuffix("'s") for t in name.split()}
    return {t for t in tokens if t and t not in {"the", "a", "an", "of", "mr", "mrs", "ms", "dr"}}


def speaker_matches(predicted: str, gold: str, referent: str = "") -> bool:
    """Whether a predicted speaker names the gold speaker or its referent.

    They share a word that is not a title, and one holds all the other's words;
    a pronoun names no one.

    >>> speaker_matches("Jen Psaki", "Psaki")
    True
    >>> speaker_matches("Downing Street", "A Downing Street spokesperson", "Downing Street (No 10)")
    True
    >>> speaker_matches("he", "he", "Keir Starmer")
    False
    """
    mine = _name_tokens(predicted)
    if not mine or mine <= _PRONOUNS:
        return False
    for other in (gold, referent):
        theirs = _name_tokens(other)
        if not theirs or theirs <= _PRONOUNS:
            continue
        shared = mine & theirs
        if any(t not in TITLE_WORDS for t in shared) and (mine <= theirs or theirs <= mine):
            return True
        if mine == theirs:
            return True
    return False


def quote_agreement(
    corpus: Corpus,
    gold: pd.DataFrame,
    spans: dict[tuple[str, int], tuple[int, int]],
    problems: list[tuple],
) -> pd.DataFrame:
    """Gold quotations matched to the workbook's, with speakers compared.

    Predicted quotations count as extra only in articles that have gold quotation
    rows or are news articles with labelled paragraphs.
    """
    quotes = corpus.quotes
    rows = []
    used: set[int] = set()
    nth: dict[tuple[str, int], int] = {}  # the gold rows of each paragraph, counted from 0
    for _, row in gold.iterrows():
        article_id, para = row["article_id"], int(row["para_no"])
        row = row.copy()
        row["nth"] = nth[article_id, para] = nth.get((article_id, para), -1) + 1
        span = spans.get((article_id, para))
        if span is None:
            problems.append(
                (
                    row["_file"],
                    article_id,
                    row["_row"],
                    f"paragraph {para} of its quotation is not placed",
                )
            )
            continue
        key = _token_key(row["quote_start_words"])
        candidates = quotes[
            (quotes["article_id"] == article_id)
            & (quotes["start"] >= span[0] - 1)
            & (quotes["start"] < span[1])
        ]
        match = None
        for q_index, q in candidates.iterrows():
            if q_index in used:
                continue
            # As many whitespace-separated words as the label names (at most five).
            theirs = _token_key(q["text"], len(row["quote_start_words"].split()) or FIRST_WORDS)
            if theirs == key:
                match = (q_index, q)
                break
        gold_speaker, referent = row["speaker"], row.get("referent", "")
        if match is None:
            rows.append(_quote_row(article_id, para, row, "missed", None, gold_speaker, referent))
            continue
        used.add(match[0])
        rows.append(_quote_row(article_id, para, row, "found", match[1], gold_speaker, referent))
    news = corpus.articles.loc[corpus.articles["kind"] == "news", "article_id"]
    scored = set(gold["article_id"]) | (set(news) & {a for a, _ in spans})
    for q_index, q in quotes[quotes["article_id"].isin(scored)].iterrows():
        if q_index in used:
            continue
        para = _para_of(spans, q["article_id"], int(q["start"]))
        if para is None:
            continue  # outside every labelled paragraph (e.g. an unlabelled derived document)
        rows.append(_quote_row(q["article_id"], para, None, "extra", q, "", ""))
    columns = [
        "article_id",
        "para_no",
        "status",
        "quote",
        "gold_speaker",
        "referent",
        "speaker",
        "speaker_scored",
        "speaker_ok",
        "speaker_evidence",
        "nth",
        "quote_no",
    ]
    return pd.DataFrame(rows, columns=columns).astype({"speaker_scored": bool, "speaker_ok": bool})


def _para_of(spans, article_id: str, at: int) -> int | None:
    for (a, para), (lo, hi) in spans.items():
        if a == article_id and lo <= at < hi:
            return para
    return None


def _quote_row(article_id, para, gold_row, status, found, gold_speaker, referent) -> dict:
    speaker = "" if found is None else str(found["speaker"])
    return {
        "article_id": article_id,
        "para_no": para,
        "status": status,
        "quote": str(gold_row["quote_start_words"]) if gold_row is not None else found["text"][:60],
        "gold_speaker": gold_speaker,
        "referent": referent,
        "speaker": speaker,
        # A quotation labelled without a speaker (or referent) is not scored for one.
        "speaker_scored": status == "found" and bool(f"{gold_speaker}{referent}".strip()),
        "speaker_ok": status == "found" and speaker_matches(speaker, gold_speaker, referent),
        "speaker_evidence": "" if found is None else str(found["speaker_evidence"]),
        "nth": -1 if gold_row is None else int(gold_row["nth"]),
        # The workbook quotation's number (-1 for a missed one), to join its attribution.
        "quote_no": -1 if found is None else int(found["quote_no"]),
    }
