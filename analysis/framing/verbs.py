"""Reporting verbs: the graded lexicon, and the verbs of each aligned pair with their shift."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from analysis._arrays import strings
from analysis.errors import VerbLexiconError
from analysis.resources import read_lexicon

__all__ = ["VerbLexicon", "load_verbs", "verb_pairs"]

_FOLD = str.maketrans({"’": "'", "‘": "'"})


@dataclass(frozen=True)
class VerbLexicon:
    """Graded reporting verbs: every surface form mapped to its lemma, grade and score."""

    forms: dict[str, tuple[str, str, int]]
    grades: pd.DataFrame
    pattern: re.Pattern

    def find(self, text: str) -> list[tuple[str, str, int, int]]:
        """Verbs in ``text``: ``(lemma, grade, score, offset)`` in order."""
        folded = text.lower().translate(_FOLD)
        return [(*self.forms[m.group(1)], m.start(1)) for m in self.pattern.finditer(folded)]

    def may_hold(self, texts: list[str]) -> np.ndarray:
        r"""Which texts may hold a verb: a superset of those :meth:`find` finds one in.

        One pass of Arrow's RE2 kernel over all the folded texts, so that :meth:`find`
        runs only where it can match: RE2's ``\b`` is an ASCII word boundary, which
        holds wherever ``re``'s Unicode one does.
        """
        folded = strings([text.lower().translate(_FOLD) for text in texts])
        matched = pc.match_substring_regex(folded, self.pattern.pattern)
        return matched.to_numpy(zero_copy_only=False)


def _inflect(lemma: str) -> list[str]:
    """Regular forms of a verb: base, -s, -ed, -ing."""
    if " " in lemma:
        return [lemma]
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    return [lemma, lemma + "s", lemma + "ed", lemma + "ing"]


def load_verbs(path: str | Path | None = None) -> VerbLexicon:
    """Read a graded verb lexicon (TOML); the shipped one by default.

    Raises:
        VerbLexiconError: naming the file, the grade and the entry, for a malformed lexicon.
    """
    name, data = read_lexicon(path, "verbs.toml", VerbLexiconError)
    forms: dict[str, tuple[str, str, int]] = {}
    rows = []
    for n, grade in enumerate(data.get("grade", []), 1):
        gname = grade.get("name")
        score = grade.get("score")
        if not gname or not isinstance(score, int) or not grade.get("verbs"):
            raise VerbLexiconError(
                name, f"grade {n}", "needs name, an integer score and verbs", "add them"
            )
        for entry in grade["verbs"]:
            lemma, _, extra = entry.partition(":")
            lemma = lemma.strip().lower()
            if not lemma:
                raise VerbLexiconError(
                    name, f"grade {gname!r}", f"empty verb entry {entry!r}", "remove it"
                )
            listed = [f.strip().lower() for f in extra.split(",") if f.strip()]
            variants = listed or _inflect(lemma)
            for form in variants:
                if form in forms and forms[form] != (lemma, gname, score):
                    raise VerbLexiconError(
                        name,
                        f"grade {gname!r}",
                        f"{form!r} is already a form of {forms[form][0]!r} in grade "
                        f"{forms[form][1]!r}",
                        "keep each form in one entry",
                    )
                forms[form] = (lemma, gname, score)
            rows.append(
                {"grade": gname, "score": score, "lemma": lemma, "source": grade.get("source", "")}
            )
    if not forms:
        raise VerbLexiconError(name, "", "no [[grade]] tables", "add at least one")
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    pattern = re.compile(rf"\b({alternatives})\b")
    return VerbLexicon(forms, pd.DataFrame(rows), pattern)


def verb_pairs(alignment: pd.DataFrame, lexicon: VerbLexicon | None = None) -> pd.DataFrame:
    """The reporting verbs of each aligned pair and the shift between them.

    The shift is the journalist sentence's strongest grade minus the official
    sentence's strongest grade (the scale of ``data/verbs.toml``); it is empty
    when either side has no graded verb.
    """
    lexicon = lexicon or load_verbs()
    aligned = alignment[alignment["label"] != "added"]
    columns = [
        "news_id", "sent_no", "location", "official_id", "official_sent_no", "official_verbs",
        "journalist_verbs", "official_grade", "journalist_grade", "shift",
    ]  # fmt: skip
    records = []
    # An official sentence is aligned with many journalist sentences: find the
    # verbs of each distinct text once.
    mine_texts, theirs_texts = aligned["text"].tolist(), aligned["official_text"].tolist()
    distinct = list(dict.fromkeys(mine_texts + theirs_texts))
    verbs = {
        text: lexicon.find(text) if may else []
        for text, may in zip(distinct, lexicon.may_hold(distinct), strict=True)
    }
    for row in zip(
        *(aligned[c].tolist() for c in columns[:5]), mine_texts, theirs_texts, strict=True
    ):
        mine, theirs = verbs[row[5]], verbs[row[6]]
        shift = max(v[2] for v in mine) - max(v[2] for v in theirs) if mine and theirs else math.nan
        records.append(
            (
                *row[:5],
                ", ".join(dict.fromkeys(v[0] for v in theirs)),
                ", ".join(dict.fromkeys(v[0] for v in mine)),
                max((v[2] for v in theirs), default=math.nan),
                max((v[2] for v in mine), default=math.nan),
                shift,
            )
        )
    return pd.DataFrame(records, columns=columns)
