"""The framing analysis's result: its frames, and the summaries read straight off them."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

__all__ = ["Framing"]


@dataclass
class Framing:
    """The framing analysis of a corpus; every frame keeps ids and offsets.

    Attributes:
        units: Journalist and official sentences compared, one row each.
        alignment: One row per journalist sentence: its best official sentence and label.
        sources: One row per (journalist sentence, official sentence it draws on).
        usage: One row per (news article, official sentence): where the article used it.
        reuse: One row per (news article, official document): containment, runs, class.
        verbs: One row per aligned pair: official and journalist verbs, grades, shift.
        quotes: One row per quotation in a news article: fidelity to the official texts.
        attributions: One row per attribution in a news article: its source's kind and
            whether it gives the source's account (:mod:`~analysis.framing.attributed`).
    """

    units: pd.DataFrame
    alignment: pd.DataFrame
    sources: pd.DataFrame
    usage: pd.DataFrame
    reuse: pd.DataFrame
    verbs: pd.DataFrame
    quotes: pd.DataFrame
    attributions: pd.DataFrame

    def verb_shift(self) -> pd.DataFrame:
        """Mean verb shift per news article, over aligned pairs where both sides have a verb."""
        scored = self.verbs.dropna(subset=["shift"])
        return (
            scored.groupby("news_id")
            .agg(pairs=("shift", "size"), mean_shift=("shift", "mean"), max_shift=("shift", "max"))
            .reset_index()
        )

    def sources_followed(self) -> pd.DataFrame:
        """Per news article and official document: how many journalist sentences follow it."""
        followed = self.alignment[self.alignment["label"] != "added"]
        table = (
            followed.groupby(["news_id", "official_id"]).size().rename("sentences").reset_index()
        )
        table["share"] = table["sentences"] / table.groupby("news_id")["sentences"].transform("sum")
        return table
