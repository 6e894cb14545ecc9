"""Tables across a corpus: each outlet's reuse and labels, each article's use of its official text, and which sentences each article omitted."""

from __future__ import annotations

import textwrap

import pandas as pd

from analysis.corpus import Corpus
from analysis.framing.result import Framing
from analysis.schema import NO_OUTLET

__all__ = ["omission_matrix", "outlet_summary", "usage_by_article"]


def outlet_summary(corpus: Corpus, result: Framing) -> pd.DataFrame:
    """Per outlet: how its articles reused, framed and quoted the official texts.

    Returns:
        One row per outlet (news articles paired with an official text): ``articles``,
        mean ``containment`` and ``run_coverage`` (best official text per article),
        the count of each derivation class, ``added_share`` (journalist sentences
        with no official source), ``own_voice_share`` (of the official sentences
        its articles used, the share stated in the journalist's own voice, without
        attribution: ``usage.relayed``; empty where none was used),
        ``mean_verb_shift`` and ``quotes_not_official``.
    """
    outlets = corpus.articles.set_index("article_id")["outlet"].replace("", NO_OUTLET)
    reuse_rows = result.reuse.sort_values("containment_news", ascending=False).drop_duplicates(
        "news_id"
    )
    reuse_rows = reuse_rows.assign(outlet=reuse_rows["news_id"].map(outlets))
    table = reuse_rows.groupby("outlet").agg(
        articles=("news_id", "nunique"),
        containment=("containment_news", "mean"),
        run_coverage=("run_coverage", "mean"),
    )
    classes = pd.crosstab(reuse_rows["outlet"], reuse_rows["derivation"]).reindex(
        columns=["wholly derived", "partially derived", "non-derived"], fill_value=0
    )
    alignment = result.alignment.assign(outlet=result.alignment["news_id"].map(outlets))
    added = alignment.groupby("outlet")["label"].agg(lambda labels: (labels == "added").mean())
    verbs = result.verbs.dropna(subset=["shift"])
    shift = verbs.assign(outlet=verbs["news_id"].map(outlets)).groupby("outlet")["shift"].mean()
    quotes = result.quotes.assign(outlet=result.quotes["news_id"].map(outlets))
    not_official = quotes.groupby("outlet")["fidelity"].agg(
        lambda f: int((f == "not in official text").sum())
    )
    # Of the official sentences each outlet used, the share stated in its own voice.
    used = result.usage[result.usage["relayed"] != ""]
    own = (
        used.assign(outlet=used["news_id"].map(outlets))
        .groupby("outlet")["relayed"]
        .agg(lambda relayed: (relayed == "own_voice").mean())
    )
    table = table.join(classes).assign(
        added_share=added,
        own_voice_share=own,
        mean_verb_shift=shift,
        quotes_not_official=not_official,
    )
    table["quotes_not_official"] = table["quotes_not_official"].fillna(0).astype("int64")
    return table.round(3).reset_index()


def omission_matrix(result: Framing, official_id: str | None = None) -> pd.DataFrame:
    """Official sentences × articles: where each article used each sentence.

    Args:
        result: From :func:`analyse`.
        official_id: The official document; by default the one paired with most articles.

    Returns:
        Rows ``#n: text`` in the document's order, one column per news article,
        values ``headline``/``lede``/``body``/``omitted``.
    """
    usage = result.usage
    if usage.empty:
        return pd.DataFrame()
    if official_id is None:
        counts = usage.groupby("official_id")["news_id"].nunique()
        official_id = counts.sort_values(ascending=False, kind="stable").index[0]
    rows = usage[usage["official_id"] == official_id].copy()
    rows["sentence"] = [
        f"#{n}: {textwrap.shorten(t, 50, placeholder='…')}"
        for n, t in zip(rows["official_sent_no"], rows["text"], strict=True)
    ]
    matrix = rows.pivot(index=["official_sent_no", "sentence"], columns="news_id", values="used_in")
    matrix = matrix.droplevel("official_sent_no")
    matrix.columns.name = official_id
    return matrix


def usage_by_article(usage: pd.DataFrame) -> pd.DataFrame:
    """Per news article paired with an official text: how much of it the article used, and where.

    Args:
        usage: The ``usage`` frame of :class:`~analysis.framing.Framing`.

    Returns:
        One row per news article (index ``news_id``), most used first:
        ``official_sentences`` it could draw on, ``used``, ``verbatim``,
        ``paraphrase``, ``used_share`` and ``in_headline`` (an official sentence
        used in its headline).
    """
    columns = ["official_sentences", "used", "verbatim", "paraphrase", "used_share", "in_headline"]
    if usage.empty:
        return pd.DataFrame(columns=columns, index=pd.Index([], name="news_id"))
    kind = usage["used"]
    table = pd.DataFrame(
        {
            "official_sentences": usage.groupby("news_id").size(),
            "used": (kind != "omitted").groupby(usage["news_id"]).sum(),
            "verbatim": (kind == "verbatim").groupby(usage["news_id"]).sum(),
            "paraphrase": (kind == "paraphrase").groupby(usage["news_id"]).sum(),
            "in_headline": (usage["used_in"] == "headline").groupby(usage["news_id"]).any(),
        }
    )
    table["used_share"] = (table["used"] / table["official_sentences"]).round(3)
    table = table.sort_values(
        ["used", "official_sentences"], ascending=[False, True], kind="stable"
    )
    return table[columns]
