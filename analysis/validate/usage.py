"""Agreement on how news articles used official sentences: used or omitted, and where."""

from __future__ import annotations

import pandas as pd

from analysis.corpus import Corpus
from analysis.validate.labels import _token_key

__all__ = ["usage_agreement"]


def _empty_usage() -> pd.DataFrame:
    return pd.DataFrame(
        columns=[
            "news_id",
            "official_id",
            "official_first_words",
            "gold_used",
            "gold_where",
            "used",
            "where",
            "label",
        ]
    )


def usage_agreement(corpus: Corpus, gold: pd.DataFrame, problems: list[tuple]) -> pd.DataFrame:
    """Gold usage rows against the framing analysis's usage table.

    The workbook's ``used`` and ``where`` are framing's usage ``used`` (the
    strongest form anywhere in the article) and ``used_in`` (the most prominent
    place its content reached), as the labels define them.
    """
    from analysis import framing

    usage = framing.framing_of(corpus).usage if len(corpus.pairs) else None
    rows = []
    for _, row in gold.iterrows():
        used, where, label = "omitted", "", ""
        if usage is not None:
            mine = usage[
                (usage["news_id"] == row["news_id"]) & (usage["official_id"] == row["official_id"])
            ]
            key = _token_key(row["official_first_words"])
            hit = mine[[_token_key(t, len(key)) == key for t in mine["text"]]]
            if mine.empty:
                problems.append(
                    (
                        row["_file"],
                        row["news_id"],
                        row["_row"],
                        f"not paired with {row['official_id']}",
                    )
                )
            elif hit.empty:
                problems.append(
                    (
                        row["_file"],
                        row["news_id"],
                        row["_row"],
                        f"no official sentence starts {row['official_first_words']!r}",
                    )
                )
            else:
                first = hit.iloc[0]
                if first["used"] != "omitted":
                    where, label = str(first["used_in"]), str(first["label"])
                    used = str(first["used"])
        rows.append(
            {
                "news_id": row["news_id"],
                "official_id": row["official_id"],
                "official_first_words": row["official_first_words"],
                "gold_used": row["used"].strip(),
                "gold_where": row["where"].strip(),
                "used": used,
                "where": where,
                "label": label,
            }
        )
    return pd.DataFrame(rows, columns=list(_empty_usage().columns))
