"""The sentences framing compares: journalist text of paired news articles, official sentences."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis._arrays import count_runs
from analysis.corpus import Corpus
from analysis.framing.rules import AlignRules
from analysis.schema import JOURNALIST_ROLES

__all__ = ["USAGE_ROLES", "official_units", "units"]

# A news article's other prose, where it may use an official sentence (usage only).
USAGE_ROLES = ("quote", "official", "embed")


def units(
    corpus: Corpus,
    *,
    rules: AlignRules = AlignRules(),  # noqa: B008 - frozen, so one shared default is safe
) -> pd.DataFrame:
    """The sentences to compare: journalist text of paired news articles, official sentences.

    Args:
        corpus: The loaded corpus.
        rules: Its ``min_unit_words``: shorter sentences are left out (:class:`AlignRules`).

    Returns:
        One row per sentence with ``side`` (``journalist``; ``article``, the rest of
        a news article's prose: its quotations, the official text it carries, its
        embedded posts; ``official``), ``doc_id``, ``sent_no``, ``block_no``,
        ``start``, ``end``, ``text``, ``location`` (headline/lede/body for a news
        article's sentences) and ``within`` (for an ``article`` sentence inside an
        official text embedded in its article, that derived document's id: it is
        the official text itself, not a use of it).
    """
    pairs = corpus.pairs
    sentences = corpus.sentences
    news_ids = pairs["news_id"].unique()
    official_ids = pairs["official_id"].unique()
    # Sentences an article copies from a paired document without attribution are the
    # journalist's choices too (marked official by reuse, with that document as source).
    copied_from = set(pairs.loc[pairs["link"] == "manifest", "official_id"])
    voiced = sentences["role"].isin(JOURNALIST_ROLES) | (
        (sentences["role"] == "official") & sentences["source"].isin(copied_from)
    )
    # The article's other prose (quotations, official text it carries, embedded
    # posts) is not the journalist's voice, but it is where an article often uses
    # an official sentence word for word: usage compares it too, alignment does not.
    in_news = sentences["article_id"].isin(news_ids)
    news = sentences[in_news & (voiced | sentences["role"].isin(USAGE_ROLES))].copy()
    blocks = corpus.blocks[corpus.blocks["article_id"].isin(news_ids)]
    lede = (
        blocks[blocks["role"] == "journalist"]
        .groupby("article_id")["block_no"]
        .min()
        .rename("lede_block")
    )
    news = news.join(lede, on="article_id")
    news = news.join(
        blocks.set_index(["article_id", "block_no"])["role"].rename("block_role"),
        on=["article_id", "block_no"],
    )
    news["location"] = np.where(
        news["block_role"] == "headline",
        "headline",
        np.where(news["block_no"] == news["lede_block"], "lede", "body"),
    )
    journalist = voiced[news.index].to_numpy()
    news["side"] = np.where(journalist, "journalist", "article")
    news["within"] = ""
    news.loc[~journalist, "within"] = _derived_within(corpus, news[~journalist])
    news = _comparable(news[_COLUMNS], rules).rename(columns={"article_id": "doc_id"})
    return pd.concat([news, official_units(corpus, official_ids, rules=rules)], ignore_index=True)


_COLUMNS = [
    "side",
    "article_id",
    "sent_no",
    "block_no",
    "start",
    "end",
    "text",
    "location",
    "within",
]


def official_units(
    corpus: Corpus,
    official_ids,
    *,
    rules: AlignRules = AlignRules(),  # noqa: B008 - frozen, so one shared default is safe
) -> pd.DataFrame:
    """The official side of :func:`units`: the official sentences of some documents.

    Those of its ``official`` blocks, and of its standfirst: a summary line under
    its title is display copy in the layout but the issuer's own words (its title
    is a label, and left out).

    Args:
        corpus: The loaded corpus (or a part of it that holds those documents).
        official_ids: The documents, e.g. those some news article pairs with.
        rules: Its ``min_unit_words`` (:class:`AlignRules`).

    Returns:
        Rows of :func:`units` with ``side`` ``official``.
    """
    sentences = corpus.sentences
    blocks = corpus.blocks
    # A document's standfirst is its own words too (its title is a label).
    standfirst = blocks.loc[
        blocks["article_id"].isin(official_ids) & blocks["evidence"].str.startswith("standfirst"),
        ["article_id", "block_no"],
    ]
    in_standfirst = pd.MultiIndex.from_frame(sentences[["article_id", "block_no"]]).isin(
        pd.MultiIndex.from_frame(standfirst)
    )
    official = sentences[
        sentences["article_id"].isin(official_ids)
        & ((sentences["role"] == "official") | in_standfirst)
    ].copy()
    official["location"] = ""
    official["side"] = "official"
    official["within"] = ""
    return _comparable(official[_COLUMNS], rules).rename(columns={"article_id": "doc_id"})


def _comparable(frame: pd.DataFrame, rules: AlignRules) -> pd.DataFrame:
    """Sentences long enough to compare: a paragraph number ("1.") or a bare dateline is not."""
    # Words of two letters or more (re's [^\W\d_]{2,}).
    words = count_runs(frame["text"].tolist(), r"[^\W\d_]", min_length=2)
    return frame[words >= rules.min_unit_words].reset_index(drop=True)


def _derived_within(corpus: Corpus, sentences: pd.DataFrame) -> np.ndarray:
    """The derived official document each news sentence lies inside, or ""."""
    derived = corpus.articles.loc[
        corpus.articles["derived_from"] != "",
        ["article_id", "derived_from", "derived_start", "derived_end"],
    ]
    within = np.full(len(sentences), "", dtype=object)
    if derived.empty or sentences.empty:
        return within
    spans = (
        pd.DataFrame(
            {
                "at": np.arange(len(sentences)),
                "derived_from": sentences["article_id"].to_numpy(),
                "start": sentences["start"].to_numpy(),
            }
        )
        .merge(derived, on="derived_from")
        .astype({"derived_start": "int64", "derived_end": "int64"})
    )
    inside = spans[
        (spans["start"] >= spans["derived_start"]) & (spans["start"] < spans["derived_end"])
    ]
    within[inside["at"].to_numpy()] = inside["article_id"].to_numpy(dtype=object)
    return within
