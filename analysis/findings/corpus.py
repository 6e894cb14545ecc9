"""The corpus's findings in prose: how its words divide among the roles."""

from __future__ import annotations

import pandas as pd

__all__ = ["role_finding"]


def role_finding(table: pd.DataFrame) -> str:
    """One sentence stating how the words split between the voices, from :func:`words_by_role`."""
    total = int(table["words"].sum())
    if not total:
        # words_by_role counts news articles: a corpus of official texts alone has none.
        return "No words to count: the voices are counted in news articles, and there are none"
    share = (table["words"] / total).to_dict()
    named = {
        "journalist": "the journalist's own prose",
        "official": "official text",
        "quote": "quotation blocks",
    }
    parts = [f"{named[role]} {share[role]:.0%}" for role in named if share.get(role, 0) > 0]
    top = max(named, key=lambda role: share.get(role, 0))
    return (
        f"{named[top].capitalize()} is the largest voice: "
        + ", ".join(parts)
        + f" of {total:,} words"
    )
