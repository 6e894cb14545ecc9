"""The tables a notebook shows of a corpus: its documents, and the words of each voice.

Every table keeps the ids that trace a number back to its words; dates read
as dates (:func:`readable_dates`). :func:`role_finding` states the split of
:func:`words_by_role` in a sentence; :func:`focus_article` picks the article a
notebook tells in detail, and says why.
"""

from __future__ import annotations

import pandas as pd

from analysis.corpus import Corpus
from analysis.framing import usage_by_article
from analysis.schema import ROLES
from analysis.text import count_words

__all__ = ["default_article_id", "focus_article", "overview", "readable_dates", "words_by_role"]


def readable_dates(frame: pd.DataFrame) -> pd.DataFrame:
    """Date-time columns as text a reader takes for a date: ``2021-04-13``.

    A column whose values all fall at midnight UTC (a date with no time, as most
    article metadata gives) shows the day; otherwise the minute, in UTC.

    >>> frame = pd.DataFrame({"published": pd.to_datetime(["2021-04-13"], utc=True)})
    >>> readable_dates(frame)["published"].tolist()
    ['2021-04-13']
    """
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if not pd.api.types.is_datetime64_any_dtype(values):
            continue
        if isinstance(values.dtype, pd.DatetimeTZDtype):
            values = values.dt.tz_convert("UTC")
        dated = values.dropna()
        midnight = bool((dated == dated.dt.normalize()).all())
        shown = values.dt.strftime("%Y-%m-%d" if midnight else "%Y-%m-%d %H:%M UTC")
        out[column] = shown.astype(object).where(values.notna(), "")
    return out


def default_article_id(corpus: Corpus) -> str:
    """The first news article loaded from a file (not a derived document)."""
    news = corpus.articles[
        (corpus.articles["kind"] == "news") & (corpus.articles["derived_from"] == "")
    ]
    if news.empty:
        return corpus.articles["article_id"].iloc[0]
    return news["article_id"].iloc[0]


def focus_article(
    corpus: Corpus, usage: pd.DataFrame | None = None, article_id: str | None = None
) -> tuple[str, str]:
    """The article a notebook tells in detail, and why that one.

    Args:
        corpus: The loaded corpus.
        usage: The framing ``usage`` frame, when there is one: the article that
            uses the most of its official text is the one to tell.
        article_id: The article a parameter names; it wins.

    Returns:
        ``(article_id, reason)``: the reason is a phrase for the notebook to print.
    """
    if article_id:
        corpus.article(article_id)  # a KeyError naming known ids if it is not there
        return article_id, "the article named by the `article_id` parameter"
    news = corpus.articles[
        (corpus.articles["kind"] == "news") & (corpus.articles["derived_from"] == "")
    ]
    if len(news) == 1:
        return news["article_id"].iloc[0], "the corpus's only news article"
    if usage is not None and not usage.empty:
        table = usage_by_article(usage)
        best = table.iloc[0]
        if best["used"] > 0:
            return str(table.index[0]), (
                f"the news article that uses the most sentences of its official text "
                f"({int(best['used'])} of {int(best['official_sentences'])})"
            )
    if news.empty:
        return corpus.articles["article_id"].iloc[0], "the first document (there is no news)"
    longest = news.sort_values("words", ascending=False, kind="stable").iloc[0]
    return longest["article_id"], f"the longest news article ({int(longest['words']):,} words)"


def overview(corpus: Corpus) -> pd.DataFrame:
    """One row per document: kind, outlet, date, words, blocks, sentences and quotations.

    ``published`` reads as a date (``2021-04-13``, or the minute in UTC when the
    metadata gives a time); ``corpus.articles`` keeps the timestamps.
    """
    counts = {
        name: frame.groupby("article_id").size()
        for name, frame in (
            ("blocks", corpus.blocks),
            ("sentences", corpus.sentences),
            ("quotes", corpus.quotes),
        )
    }
    table = corpus.articles[
        ["article_id", "kind", "outlet", "published", "words", "derived_from"]
    ].set_index("article_id")
    for name, series in counts.items():
        table[name] = series.reindex(table.index).fillna(0).astype("int64")
    return readable_dates(table)


def words_by_role(corpus: Corpus, article_id: str | None = None) -> pd.DataFrame:
    """Blocks and words per role, over news articles loaded from files (or one article).

    Derived official documents are left out: their words are already counted,
    as ``official``, in the article they were found in.

    Args:
        corpus: The loaded corpus.
        article_id: One article to count, or ``None`` for every news article.

    Returns:
        One row per role in the vocabulary's order, with ``blocks``, ``words``
        and ``share`` (of all words counted).
    """
    articles = corpus.articles
    if article_id is None:
        wanted = articles.loc[
            (articles["kind"] == "news") & (articles["derived_from"] == ""), "article_id"
        ]
    else:
        wanted = pd.Series([article_id])
    blocks = corpus.blocks[corpus.blocks["article_id"].isin(wanted)]
    words = blocks["text"].map(count_words).astype("int64")  # int even with no blocks
    table = (
        blocks.assign(words=words)
        .groupby("role")
        .agg(blocks=("block_no", "size"), words=("words", "sum"))
        .reindex(ROLES, fill_value=0)
    )
    total = table["words"].sum()
    table["share"] = (table["words"] / total).round(3) if total else 0.0
    table.index.name = "role"
    return table
