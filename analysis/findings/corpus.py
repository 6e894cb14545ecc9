"""The corpus's findings in prose: how its words divide among the roles, and findings across its articles."""

from __future__ import annotations

import pandas as pd

__all__ = [
    "corpus_coverage_finding",
    "corpus_interval_finding",
    "corpus_usage_finding",
    "role_finding",
]


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


def corpus_usage_finding(table: pd.DataFrame) -> str:
    """Across the articles paired with an official text, from :func:`~analysis.framing.usage_by_article`.

    "" for fewer than two such articles: the article's own findings say it all.
    """
    articles = len(table)
    if articles < 2:
        return ""
    total, used = int(table["official_sentences"].sum()), int(table["used"].sum())
    verbatim, headline = int(table["verbatim"].sum()), int(table["in_headline"].sum())
    none = int((table["used"] == 0).sum())
    return (
        f"Across the {articles:,} articles paired with an official text, {used:,} of the "
        f"{total:,} official sentences they could draw on are used ({used / total:.0%}), "
        f"{verbatim:,} of them word for word; {headline:,} of the {articles:,} articles "
        f"{'carries' if headline == 1 else 'carry'} an official sentence in the headline, and "
        + (f"{none:,} {'uses' if none == 1 else 'use'} none" if none else "every one uses some")
    )


def corpus_interval_finding(finding: str, articles: int) -> str:
    """A readability finding over every article's units, said to be so.

    Args:
        finding: :func:`~analysis.findings.interval_finding` of the whole corpus's units.
        articles: How many documents the units come from.
    """
    if articles < 2 or not finding:
        return ""
    return f"Across all {articles:,} documents, {finding[0].lower()}{finding[1:]}"


def corpus_coverage_finding(finding: str, articles: int) -> str:
    """A coverage finding over every article, said to be so (:func:`coverage_finding`)."""
    if articles < 2 or not finding:
        return ""
    return f"Across the {articles:,} news articles, {finding[0].lower()}{finding[1:]}"
