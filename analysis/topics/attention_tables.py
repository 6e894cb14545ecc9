"""Attention: over a corpus, the share of news articles per outlet or month that mention each topic."""

from __future__ import annotations

import pandas as pd

from analysis.corpus import Corpus
from analysis.schema import NO_OUTLET
from analysis.topics.documents import _file_documents
from analysis.topics.lexicon import Lexicon, _default_lexicon

__all__ = ["attention", "attention_matrix"]


def attention(
    corpus: Corpus,
    mentions: pd.DataFrame,
    by: str = "outlet",
    lexicon: Lexicon | None = None,
) -> pd.DataFrame:
    """Share of news articles in each outlet or month that mention each topic.

    Counted over news articles loaded from files; an article mentions a topic
    if any of its words do (headline, prose, quotations or embedded official
    text). Articles without an outlet are grouped as "(no outlet)"; articles
    without a date are left out of ``by="month"``.

    Args:
        corpus: The loaded corpus.
        mentions: From :func:`find_mentions`.
        by: ``"outlet"`` or ``"month"`` (of ``published``, as ``YYYY-MM``).
        lexicon: For topic labels and order; the default lexicon if ``None``.

    Returns:
        One row per group and topic: ``articles_with``, ``articles`` and ``share``.
    """
    lexicon = lexicon or _default_lexicon()
    if by not in ("outlet", "month"):
        raise ValueError(f'by must be "outlet" or "month", not {by!r}')
    news = _file_documents(corpus, ("news",))
    if by == "outlet":
        group = news["outlet"].replace("", NO_OUTLET)
    else:
        group = pd.to_datetime(news["published"], utc=True, errors="coerce").dt.strftime("%Y-%m")
    groups = pd.Series(group.to_numpy(), index=news["article_id"].to_numpy()).dropna()
    sizes = groups.value_counts()
    hits = mentions.loc[mentions["article_id"].isin(groups.index), ["article_id", "topic"]]
    hits = hits.drop_duplicates().assign(group=lambda f: f["article_id"].map(groups))
    counts = hits.groupby(["group", "topic"]).size()
    index = pd.MultiIndex.from_product(
        [sorted(sizes.index), list(lexicon.labels)], names=[by, "topic"]
    )
    table = counts.reindex(index, fill_value=0).rename("articles_with").reset_index()
    table.insert(2, "label", table["topic"].map(lexicon.labels))
    table["articles"] = table[by].map(sizes).astype("int64")
    table["share"] = (table["articles_with"] / table["articles"]).round(3)
    table.attrs["news_articles"] = len(news)
    return table


def attention_matrix(table: pd.DataFrame) -> pd.DataFrame:
    """An :func:`attention` table as groups × topic labels of ``share``, unmentioned topics left out."""
    by = table.columns[0]
    matrix = table.pivot(index=by, columns="label", values="share")
    used = table.groupby("label", sort=False)["articles_with"].sum()
    matrix = matrix.reindex(columns=[label for label in used.index if used[label] > 0])
    matrix.columns.name = "topic"
    return matrix
