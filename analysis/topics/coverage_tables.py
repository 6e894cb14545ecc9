"""Coverage: how much of each role's, article's or outlet's text is about each topic.

:func:`coverage` counts mentions per 1,000 words and the share of sentences
mentioning each topic, by role, article or outlet; :func:`role_topic_table`
spreads one of those measures as roles × topics.
"""

from __future__ import annotations

import pandas as pd

from analysis.corpus import Corpus
from analysis.schema import NO_OUTLET, ROLES
from analysis.text import count_words
from analysis.topics.documents import _file_documents
from analysis.topics.lexicon import Lexicon, _default_lexicon

__all__ = ["coverage", "role_topic_table"]


def coverage(
    corpus: Corpus,
    mentions: pd.DataFrame,
    by: str = "role",
    article_id: str | None = None,
    lexicon: Lexicon | None = None,
) -> pd.DataFrame:
    """How much of each group's text is about each topic.

    Counted over the sentences of documents loaded from files (an embedded
    official text is counted once, inside its article, with role ``official``).

    Args:
        corpus: The loaded corpus.
        mentions: From :func:`find_mentions`.
        by: ``"role"`` (sentence role), ``"article"`` or ``"outlet"``.
        article_id: Restrict to one document.
        lexicon: For topic labels and order; the default lexicon if ``None``.

    Returns:
        One row per group and topic: ``mentions``, ``sentences_with`` (sentences
        mentioning the topic), ``sentences`` and ``words`` of the group,
        ``per_1000_words`` and ``sentence_share``. Every topic of the lexicon
        appears for every group, with zeros where it is not mentioned.
    """
    lexicon = lexicon or _default_lexicon()
    if by not in ("role", "article", "outlet"):
        raise ValueError(f'by must be "role", "article" or "outlet", not {by!r}')
    docs = _file_documents(corpus)
    if article_id is not None:
        docs = docs[docs["article_id"] == article_id]
        if docs.empty:
            corpus.article(article_id)  # raises KeyError naming known ids
            docs = corpus.articles[corpus.articles["article_id"] == article_id]
    sentences = corpus.sentences[corpus.sentences["article_id"].isin(docs["article_id"])]
    outlet = dict(zip(docs["article_id"], docs["outlet"].replace("", NO_OUTLET), strict=True))
    key = {"role": "role", "article": "article_id", "outlet": "outlet"}[by]

    def group(frame: pd.DataFrame) -> pd.Series:
        if by == "outlet":
            return frame["article_id"].map(outlet)
        return frame[key]

    totals = (
        sentences.assign(group=group(sentences), words=sentences["text"].map(count_words))
        .groupby("group")
        .agg(sentences=("sent_no", "size"), words=("words", "sum"))
    )
    picked = mentions[mentions["article_id"].isin(docs["article_id"])]
    picked = picked.assign(group=group(picked))
    counts = pd.concat(
        {
            "mentions": picked.groupby(["group", "topic"]).size(),
            "sentences_with": picked.drop_duplicates(["group", "topic", "article_id", "sent_no"])
            .groupby(["group", "topic"])
            .size(),
        },
        axis=1,
    )
    groups = _group_order(totals.index, by)
    index = pd.MultiIndex.from_product([groups, list(lexicon.labels)], names=[by, "topic"])
    table = counts.reindex(index, fill_value=0).reset_index()
    table.insert(2, "label", table["topic"].map(lexicon.labels))
    table["sentences"] = table[by].map(totals["sentences"]).astype("int64")
    table["words"] = table[by].map(totals["words"]).astype("int64")
    table["per_1000_words"] = (
        (1000 * table["mentions"] / table["words"].where(table["words"] > 0)).fillna(0).round(1)
    )
    table["sentence_share"] = (
        (table["sentences_with"] / table["sentences"].where(table["sentences"] > 0))
        .fillna(0)
        .round(3)
    )
    return table


def _group_order(groups, by: str) -> list:
    if by == "role":
        return [role for role in ROLES if role in set(groups)]
    return sorted(groups)


def role_topic_table(coverage_by_role: pd.DataFrame, value: str = "per_1000_words") -> pd.DataFrame:
    """Roles × topics (labels) of one coverage measure; topics and roles with no mention left out.

    Args:
        coverage_by_role: From :func:`coverage` with ``by="role"``.
        value: The column to spread (``per_1000_words``, ``mentions`` or ``sentence_share``).

    Returns:
        One row per role, one column per topic mentioned anywhere, in lexicon order.
    """
    table = coverage_by_role.pivot(index="role", columns="label", values=value)
    mentioned = coverage_by_role.groupby("label", sort=False)["mentions"].sum()
    columns = [label for label in coverage_by_role["label"].unique() if mentioned[label] > 0]
    totals = coverage_by_role.groupby("role", sort=False)["mentions"].sum()
    roles = [role for role in dict.fromkeys(coverage_by_role["role"]) if totals[role] > 0]
    table = table.reindex(index=roles, columns=columns)
    table.columns.name = "topic"
    return table
