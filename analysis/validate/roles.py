"""Agreement on block roles: each gold paragraph placed in its text, and the role it got.

A gold paragraph is found by its first words, in order, and runs to the next
labelled paragraph; its predicted role is the role of the blocks that cover
most of its visible characters.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analysis.corpus import Corpus
from analysis.validate.labels import FIRST_WORDS

__all__ = ["role_agreement"]


def _words_pattern(words: str) -> re.Pattern | None:
    tokens = words.split()[:FIRST_WORDS]
    if not tokens:
        return None
    return re.compile(r"\s+".join(map(re.escape, tokens)) + r"(?=\s|$)")


def _paragraph_starts(text: str, rows: pd.DataFrame) -> list[int | None]:
    """Where each labelled paragraph starts (rows in text order), or ``None`` if not found.

    A paragraph is looked for at a line start first, then anywhere, always after
    the one before, so repeated openings ("The Prime Minister spoke to ...") find
    their own paragraphs.
    """
    starts: list[int | None] = []
    cursor = 0
    for words in rows["first_words"]:
        pattern = _words_pattern(words)
        found = None
        if pattern is not None:
            for match in pattern.finditer(text, cursor):
                before = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
                if not before.strip():
                    found = match
                    break
            if found is None:
                found = pattern.search(text, cursor)
        if found is None:
            starts.append(None)
            continue
        starts.append(found.start())
        cursor = found.end()
    return starts


def _visible_overlap(text: str, lo: int, hi: int, spans: np.ndarray) -> np.ndarray:
    """Visible characters of ``text[lo:hi]`` inside each ``(start, end)`` span."""
    out = np.zeros(len(spans), dtype=np.int64)
    for k, (s, e) in enumerate(spans):
        a, b = max(lo, s), min(hi, e)
        if b > a:
            out[k] = len("".join(text[a:b].split()))
    return out


def role_agreement(
    corpus: Corpus, gold: pd.DataFrame
) -> tuple[pd.DataFrame, dict[tuple[str, int], tuple[int, int]], list[tuple]]:
    """Each labelled paragraph's gold and predicted role.

    Returns:
        ``(rows, spans, problems)``: the role rows; ``(article_id, para_no) ->
        (start, end)`` of each placed paragraph in its text; problems as
        ``(file, article_id, row, problem)``.
    """
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    blocks = corpus.blocks
    rows, spans, problems = [], {}, []
    for article_id, group in gold.groupby("article_id", sort=False):
        group = group.sort_values("para_no", kind="stable")
        text = texts[article_id]
        mine = blocks[blocks["article_id"] == article_id]
        bounds = mine[["start", "end"]].to_numpy()
        starts = _paragraph_starts(text, group)
        placed = [s for s in starts if s is not None]
        for (_, row), start in zip(group.iterrows(), starts, strict=True):
            if start is None:
                problems.append(
                    (
                        row["_file"],
                        article_id,
                        row["_row"],
                        f"no paragraph starts {row['first_words']!r}",
                    )
                )
                continue
            later = [s for s in placed if s > start]
            end = min(later) if later else len(text)
            overlap = _visible_overlap(text, start, end, bounds)
            spans[(article_id, int(row["para_no"]))] = (start, end)
            if not overlap.any():
                predicted, evidence = "", "no block covers it"
            else:
                weight = pd.Series(overlap).groupby(mine["role"].to_numpy()).sum()
                predicted = str(weight.idxmax())
                best = int(np.argmax(np.where(mine["role"].to_numpy() == predicted, overlap, -1)))
                evidence = str(mine["evidence"].iloc[best])
            note = str(row.get("note", ""))
            rows.append(
                {
                    "article_id": article_id,
                    "para_no": int(row["para_no"]),
                    "gold": row["label"],
                    "predicted": predicted,
                    "agree": predicted == row["label"],
                    "mixed": note.strip().upper().startswith("MIXED"),
                    "evidence": evidence,
                    "text": " ".join(text[start:end].split()),
                }
            )
    columns = ["article_id", "para_no", "gold", "predicted", "agree", "mixed", "evidence", "text"]
    frame = pd.DataFrame(rows, columns=columns).astype({"agree": bool, "mixed": bool})
    return frame, spans, problems
