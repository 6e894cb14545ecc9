"""Framing's findings in prose: one article's, and the titles of the charts across outlets.

Every number a finding states is read from the frames of a
:class:`~analysis.framing.Framing`, or from the tables across a corpus
(:func:`~analysis.framing.outlet_summary`, :func:`~analysis.framing.omission_matrix`)
shown beside it.
"""

from __future__ import annotations

import textwrap
from functools import partial

import pandas as pd

from analysis.corpus import Corpus
from analysis.framing import Framing, ReuseRules, unmentioned_words

__all__ = [
    "framing_findings",
    "label_finding",
    "omission_finding",
    "outlet_finding",
    "relay_finding",
    "usage_finding",
    "verb_finding",
    "words_finding",
]


def framing_findings(
    corpus: Corpus,
    result: Framing,
    news_id: str,
    *,
    reuse_rules: ReuseRules = ReuseRules(),  # noqa: B008 - frozen, so one shared default is safe
) -> str:
    """The framing of one article in a few sentences with numbers, as Markdown.

    Every number comes from the frames of ``result``; nothing is written for the seed.

    Args:
        corpus: The loaded corpus.
        result: From :func:`~analysis.framing.framing_of`.
        news_id: The news article.
        reuse_rules: Those ``result.reuse`` was measured with: its n-gram size and
            run length are stated.
    """
    pairs = corpus.pairs[corpus.pairs["news_id"] == news_id]
    kind = corpus.articles.loc[corpus.articles["article_id"] == news_id, "kind"]
    if pairs.empty and len(kind) and kind.iloc[0] == "official":
        reporting = corpus.pairs.loc[corpus.pairs["official_id"] == news_id, "news_id"].tolist()
        told = (
            f"pass one of the news articles that report on it ({', '.join(reporting[:3])})"
            if reporting
            else "no news article in this corpus is paired with it"
        )
        return (
            f"`{news_id}` is an official document, not a news article: framing compares news "
            f"articles with the official texts they report on; {told}."
        )
    if pairs.empty:
        return (
            f"Article `{news_id}` is paired with no official text (no embedded readout was found "
            "and the manifest names none in `pairs_with`), so there is nothing to compare."
        )
    lines, reuse_lines = [], []  # the story first; the reuse figures close it
    alignment = result.alignment[result.alignment["news_id"] == news_id]
    for pair in pairs.itertuples():
        reuse_row = result.reuse[
            (result.reuse["news_id"] == news_id) & (result.reuse["official_id"] == pair.official_id)
        ].iloc[0]
        how = "embedded in the article" if pair.link == "embedded" else "named in the manifest"
        reuse_lines.append(
            f"**Reuse.** Compared with `{pair.official_id}` ({how}), the journalist's own text "
            f"shares {reuse_row.containment_news:.0%} of its word {reuse_rules.ngram}-grams with "
            f"the official text and {reuse_row.run_coverage:.0%} of its characters lie in shared "
            f"runs of {reuse_rules.min_run_chars}+ characters: **{reuse_row.derivation}** "
            f"(METER's classes). The longest shared run is “{reuse_row.longest_run}”."
        )
        usage = result.usage[
            (result.usage["news_id"] == news_id) & (result.usage["official_id"] == pair.official_id)
        ]
        # With more than one official text, each finding names the one it is about.
        whose = f"`{pair.official_id}`'s" if len(pairs) > 1 else "the official text's"
        front = usage[usage["used_in"].isin(["headline", "lede"])]
        if len(front):
            listed = "; ".join(
                f"#{row.official_sent_no} in the {row.used_in} (closest match: {row.label} in the "
                f"{row.closest_in}; “{textwrap.shorten(row.text, 90, placeholder='…')}”)"
                for row in front.itertuples()
            )
            lines.append(f"**Up front.** The headline and lede draw on {whose} sentences {listed}.")
        relayed = relay_finding(usage, f" of `{pair.official_id}`" if len(pairs) > 1 else "")
        if relayed:
            lines.append(f"**Relayed.** {relayed}")
        omitted = usage[usage["used_in"] == "omitted"]
        if len(omitted):
            words = unmentioned_words(result, news_id, pair.official_id)
            # Name the omitted sentence that carries the most of those words.
            carried = omitted["text"].map(partial(_count_in, words))
            first = omitted.loc[carried.idxmax()]
            lines.append(
                f"**Omitted.** {len(omitted)} of {whose} {len(usage)} sentences "
                f"have no counterpart anywhere in the article, among them "
                f"#{first.official_sent_no} (“{textwrap.shorten(first.text, 110, placeholder='…')}”)"
                ". Words of the omitted sentences that the journalist's text never uses: "
                f"{', '.join(words[:25]) or 'none'}."
            )
    counts = alignment["label"].value_counts()
    summary = ", ".join(
        f"{counts.get(label, 0)} {label}"
        for label in ("verbatim", "close paraphrase", "loose paraphrase", "added")
    )
    lines.append(f"**Sentences.** Of the {len(alignment)} journalist sentences: {summary}.")
    added = alignment[alignment["label"] == "added"]
    if len(added):
        longest = added.loc[added["text"].str.len().idxmax()]
        lines.append(
            f"**Added.** The longest sentence with no official source is #{longest.sent_no} "
            f"({longest.location}): “{longest.text}”"
        )
    verbs = result.verbs[(result.verbs["news_id"] == news_id)].dropna(subset=["shift"])
    if len(verbs):
        stronger = verbs[verbs["shift"] > 0]
        examples = "; ".join(
            f"“{row.official_verbs}” → “{row.journalist_verbs}” ({row.shift:+.0f}, {row.location})"
            for row in stronger.itertuples()
        )
        lines.append(
            f"**Verbs.** In {len(stronger)} of {len(verbs)} aligned pairs with a graded verb on both "
            f"sides the journalist's verb is stronger than the official one"
            + (f": {examples}." if examples else ".")
            + f" Mean shift {verbs['shift'].mean():+.2f} on the lexicon's scale."
        )
    quotes = result.quotes[result.quotes["news_id"] == news_id]
    if len(quotes):
        fidelity = quotes["fidelity"].value_counts()
        speakers = ", ".join(sorted({s for s in quotes["speaker"] if s})) or "unknown speakers"
        lines.append(
            f"**Quotations.** {len(quotes)} quotation(s) ({speakers}): "
            + ", ".join(f"{n} {kind}" for kind, n in fidelity.items())
            + "."
        )
    return "\n\n".join(lines + reuse_lines)


def relay_finding(usage: pd.DataFrame, whose: str = "") -> str:
    """How an article relayed the official sentences it used, from ``usage.relayed``.

    Args:
        usage: One article's rows of :func:`~analysis.framing.relayed_usage` (one
            official text's).
        whose: Names the official text when an article has several (" of `x`").

    Returns:
        A sentence or two; ``""`` when the article used none of them.
    """
    used = usage[usage["relayed"] != ""]
    if used.empty:
        return ""
    counts = used["relayed"].value_counts()
    own = int(counts.get("own_voice", 0))
    official = int(counts.get("attributed_to_official", 0))
    other = int(counts.get("attributed_to_other", 0))
    sentence = (
        f"Of the {len(used)} official sentences{whose} the article used, {own} "
        f"{'is' if own == 1 else 'are'} stated in the journalist's own voice, without "
        f"attribution, and {official} attributed to the official side"
        + (f" ({other} to another source)" if other else "")
        + "."
    )
    headline = used.loc[used["used_in"] == "headline", "relayed"]
    if len(headline):
        told = {
            "own_voice": "attributed to nobody",
            "attributed_to_official": "attributed to the official side",
            "attributed_to_other": "attributed to another source",
        }
        ways = headline.map(told).drop_duplicates().tolist()
        sentence += f" The headline's claim is {' or '.join(ways)}."
    return sentence


def label_finding(labels: pd.Series) -> str:
    """A chart title from label counts: how much of the journalist's text has an official source."""
    total = int(labels.sum())
    if not total:
        return "No journalist sentences to align"
    sourced = total - int(labels.get("added", 0))
    return (
        f"{sourced} of {total} journalist sentences draw on the official text; "
        f"{int(labels.get('added', 0))} have no official source"
    )


def usage_finding(usage: pd.DataFrame) -> str:
    """A chart title from usage rows: how many official sentences were used, and where."""
    if usage.empty:
        return "No official sentences to place"
    used = usage[usage["used_in"] != "omitted"]
    front = used["used_in"].isin(["headline", "lede"]).sum()
    return (
        f"The article used {len(used)} of {len(usage)} official sentences, {front} of them in the "
        f"headline or lede; {len(usage) - len(used)} were omitted"
    )


def verb_finding(verbs: pd.DataFrame) -> str:
    """A chart title from verb pairs: how often the journalist's verb was stronger."""
    scored = verbs.dropna(subset=["shift"])
    if scored.empty:
        return "No aligned pair has a graded verb on both sides"
    stronger = int((scored["shift"] > 0).sum())
    return (
        f"The journalist's verb is stronger in {stronger} of {len(scored)} aligned pairs "
        f"(mean shift {scored['shift'].mean():+.2f} grades)"
    )


def words_finding(words: pd.DataFrame) -> str:
    """A chart title from distinctive words: each voice's most distinctive word, and reliability."""
    if words.empty:
        return "No words to compare"
    top, bottom = words.iloc[0], words.iloc[-1]
    reliable = int(words["reliable"].sum())
    return (
        f"Most distinctive: “{top['word']}” for the journalist (z={top['z']:+.2f}), "
        f"“{bottom['word']}” for the official text (z={bottom['z']:+.2f}); "
        f"{reliable} of {len(words)} words reach |z| ≥ 1.96"
    )


# --- across a corpus -----------------------------------------------------------------------


def outlet_finding(table: pd.DataFrame) -> str:
    """A title for the outlet summary: who leaned most on the official text, or why none."""
    if len(table) < 2:
        return (
            f"Comparing outlets needs paired articles from two or more outlets; this corpus has "
            f"{int(table['articles'].sum()) if len(table) else 0} from {len(table)}. On a larger "
            "corpus this shows, per outlet, how much of its articles' text comes from the "
            "official text and how its verbs shift"
        )
    most = table.loc[table["containment"].idxmax()]
    least = table.loc[table["containment"].idxmin()]
    return (
        f"{most['outlet']} reuses the official text most ({most['containment']:.0%} of its "
        f"3-grams on average), {least['outlet']} least ({least['containment']:.0%})"
    )


def omission_finding(matrix: pd.DataFrame) -> str:
    """A title for the omission matrix: the most and least used official sentences."""
    if matrix.empty:
        return "No official text is paired with any article"
    used = (matrix != "omitted").sum(axis=1)
    articles = matrix.shape[1]
    if articles < 2:
        return (
            f"Only one article reports on {matrix.columns.name}: with more, this grid shows which "
            "official sentences every outlet picked up and which none did"
        )
    top, bottom = used.idxmax(), used.idxmin()
    return (
        f"Of {articles} articles, {used[top]} used {top.split(':')[0]} and {used[bottom]} used "
        f"{bottom.split(':')[0]} of {matrix.columns.name}"
    )


def _count_in(words: list[str], text: str) -> int:
    """How many of ``words`` occur in ``text``."""
    return sum(word in text for word in words)
