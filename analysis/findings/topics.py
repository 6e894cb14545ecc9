"""Findings: the topic tables said in one sentence each, every number read from its table.

Coverage by role, the order and the gap between an article's own words and the
official text, attention across outlets or months, and the NMF topics' stability.
"""

from __future__ import annotations

import pandas as pd

from analysis.schema import JOURNALIST_ROLES, NO_OUTLET
from analysis.text import and_list as _and
from analysis.topics import NmfTopics

__all__ = ["attention_finding", "coverage_finding", "gap_finding", "nmf_finding", "order_finding"]


def coverage_finding(coverage_by_role: pd.DataFrame) -> str:
    """One sentence on which voice covers which topics, from :func:`coverage` by role."""
    used = coverage_by_role[coverage_by_role["mentions"] > 0]
    if used.empty:
        return "No topic of the lexicon is mentioned"
    per_role = used.groupby("role")["topic"].nunique()
    voices = [r for r in ("official", "journalist", "headline", "quote") if r in per_role]
    counts = _and(f"{_ROLE_TEXT[r]} {per_role[r]}" for r in voices)
    finding = f"Topics mentioned: {counts}"
    if "official" in per_role:
        own = set(used.loc[used["role"].isin(JOURNALIST_ROLES), "topic"])
        only = used[(used["role"] == "official") & ~used["topic"].isin(own)]
        if not only.empty:
            parts = [
                f"{row.label} ({row.per_1000_words:.0f} per 1,000 words)"
                for row in only.itertuples()
            ]
            finding += f"; only the official text mentions {_and(parts)}"
    else:
        finding += "; there is no official text to compare"
    return finding


_ROLE_TEXT = {
    "headline": "headline",
    "journalist": "the journalist's prose",
    "official": "official text",
    "quote": "quotation blocks",
}


def order_finding(table: pd.DataFrame) -> str:
    """The finding of :func:`compare_voices` in one sentence, with its numbers."""
    if table.empty:
        return (
            "Neither the article's own words nor the official text mention a topic of the lexicon"
        )
    headline = table[table["in_headline"]].sort_values("journalist_rank")
    journalist = table[table["journalist_mentions"] > 0].sort_values("journalist_rank")
    official = table[table["official_mentions"] > 0].sort_values("official_rank")
    if not headline.empty:
        lead = f"The headline leads with {_and(headline['label'])}"
    elif not journalist.empty:
        lead = f"The journalist's text opens with {journalist['label'].iloc[0]}"
    else:
        lead = "The journalist's own words mention no topic of the lexicon"
    if official.empty:
        return lead + "; there is no official text to compare"
    first = official.iloc[0]
    opens = (
        f"the official text opens with {first['label']} "
        f"({first['official_mentions']} mention{'' if first['official_mentions'] == 1 else 's'}: "
        f"{_quoted(first['official_words'])})"
    )
    if first["journalist_mentions"] == 0:
        opens += ", a topic the journalist's own words never mention"
    else:
        opens += f", which the journalist's words reach at rank {first['journalist_rank']}"
    return f"{lead}, while {opens}"


def gap_finding(table: pd.DataFrame) -> str:
    """What the article dropped from the official text and what it added, in one sentence."""
    if table.empty:
        return "Neither voice mentions a topic of the lexicon, so there is no gap to show"
    if (table["status"] == "no official text").all():
        return "No official text to compare the article's topics with"
    dropped = table.loc[table["status"] == "dropped", "label"]
    added = table.loc[table["status"] == "added", "label"]
    kept = int((table["status"] == "both").sum())
    parts = [
        f"The article kept {kept} of the official text's {kept + len(dropped)} topics",
        f"dropped {_and(dropped)}" if len(dropped) else "dropped none",
        f"and added {_and(added)}" if len(added) else "and added none",
    ]
    return ", ".join(parts)


def _quoted(words: str) -> str:
    return ", ".join(f"“{w}”" for w in words.split("; "))


def attention_finding(table: pd.DataFrame) -> str:
    """The finding of an :func:`attention` table, or why it cannot show one."""
    by = table.columns[0]
    groups = table[by].nunique()
    news = table.attrs.get("news_articles", 0)
    noun = {"outlet": "outlets", "month": "months"}[by]
    if groups < 2:
        if by == "month":
            have = f"{groups} month" if groups else "none of them dated"
        else:
            named = groups and table[by].iloc[0] != NO_OUTLET
            have = f"{groups} outlet" if named else "no outlet named"
        return (
            f"Attention by {by} needs news articles from two or more {noun}; this corpus has "
            f"{news} news article{'s' if news != 1 else ''}, {have}. On a larger corpus this "
            f"chart shows, for each {by}, the share of its articles that mention each topic"
        )
    spread = table.groupby("label", sort=False)["share"].agg(lambda s: s.max() - s.min())
    if not (table["share"] > 0).any():
        return f"None of the {news} news articles mentions a topic of the lexicon"
    if spread.max() == 0:
        return f"Attention does not vary by {by}: each topic is in the same share of every {by}'s articles"
    label = spread.idxmax()
    rows = table[table["label"] == label].sort_values("share", kind="stable")
    low, high = rows.iloc[0], rows.iloc[-1]
    return (
        f"Attention to {label} varies most by {by}: {high['share']:.0%} of articles in "
        f"{high[by]} against {low['share']:.0%} in {low[by]}"
    )


def nmf_finding(nmf: NmfTopics, stable: float = 0.9) -> str:
    """How many NMF topics are stable across seeds, or why NMF does not apply.

    Args:
        nmf: From :func:`analysis.topics.nmf_topics`.
        stable: A topic whose mean cosine similarity to its matches under the
            other seeds is this or more is counted as stable: found again with
            nearly the same term weights, not a seed's accident.
    """
    if not nmf.applies:
        return "NMF topics do not apply to this corpus: " + nmf.reason.split(";")[0]
    count = int((nmf.terms["stability"] >= stable).sum())
    return (
        f"{count} of {len(nmf.terms)} NMF topics are stable across {len(nmf.seeds)} seeds "
        f"(cosine similarity ≥ {stable})"
    )
