"""Prominence: one news article's own words against the official text it reports on.

:func:`compare_voices` gives, per topic, each voice's mentions, first position,
rank and a position-weighted score, headline and lede presence, and whether the
article kept, added or dropped the topic. A topic's score in a voice is the
sum, over its mentions, of ``0.5 ** (w / half_life)``, where ``w`` is the
number of words of that voice before the mention: it grows with repetition and
with nearness to the top.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.corpus import Corpus
from analysis.schema import JOURNALIST_ROLES
from analysis.text import count_words
from analysis.topics.lexicon import Lexicon, _default_lexicon

__all__ = ["compare_voices"]


def compare_voices(
    corpus: Corpus,
    mentions: pd.DataFrame,
    article_id: str,
    half_life: float = 100,
    lexicon: Lexicon | None = None,
) -> pd.DataFrame:
    """Topics of one news article's own words against the official text it reports.

    The *journalist* voice is the article's headline and journalist sentences,
    in reading order (quotation and official blocks are not the article's own
    words). The *official* voice is the official documents paired with the
    article (``corpus.pairs``: an embedded readout or one loaded from its own
    file), or, without a pair, the article's official sentences.

    Args:
        corpus: The loaded corpus.
        mentions: From :func:`find_mentions`.
        article_id: The news article.
        half_life: Words after which a mention's weight halves in the score
            (see the module docstring). 100: a mention 100 words in counts half
            as much as one at the top, in line with the inverted pyramid of news
            writing.
        lexicon: For topic labels and order; the default lexicon if ``None``.

    Returns:
        One row per topic mentioned by either voice (index ``topic``):
        ``label``; for each voice (``journalist_``, ``official_`` prefix)
        ``mentions``, ``first_word`` (words of that voice before the first
        mention), ``first_share`` (that as a share of the voice's words),
        ``rank`` (1 = mentioned first), ``score`` and ``words`` (the matched
        words, in order); ``in_headline``, ``in_lede`` (the lede is the first
        journalist block); and ``status``: ``both``, ``added`` (only the
        journalist's words) or ``dropped`` (only the official text). Sorted by
        official rank, then journalist rank.
    """
    lexicon = lexicon or _default_lexicon()
    corpus.article(article_id)  # raises KeyError naming known ids
    sentences = corpus.sentences
    own = sentences[
        (sentences["article_id"] == article_id) & sentences["role"].isin(JOURNALIST_ROLES)
    ]
    official_ids = corpus.pairs.loc[corpus.pairs["news_id"] == article_id, "official_id"].tolist()
    if official_ids:
        official = sentences[sentences["article_id"].isin(official_ids)].copy()
        official["_doc"] = official["article_id"].map({a: n for n, a in enumerate(official_ids)})
        official = official.sort_values(["_doc", "start"]).drop(columns="_doc")
    else:
        official = sentences[
            (sentences["article_id"] == article_id) & (sentences["role"] == "official")
        ]
    voices = {"journalist": own, "official": official}
    lede_block = own.loc[own["role"] == "journalist", "block_no"].min()

    columns = {}
    for voice, voice_sentences in voices.items():
        positioned = _positions(corpus, mentions, voice_sentences)
        total = sum(map(count_words, voice_sentences["text"]))  # 0 for no sentences
        grouped = positioned.groupby("topic", sort=False)
        stats = pd.DataFrame(
            {
                "mentions": grouped.size(),
                "first_word": grouped["word"].min(),
                "score": grouped["word"].agg(lambda w: float((0.5 ** (w / half_life)).sum())),
                "words": grouped["text"].agg(lambda t: "; ".join(dict.fromkeys(t))),
            }
        )
        stats["first_share"] = (stats["first_word"] / total).round(3) if total else np.nan
        stats["rank"] = stats["first_word"].rank(method="min").astype("int64")
        stats["score"] = stats["score"].round(2)
        columns[voice] = stats
        if voice == "journalist":
            in_headline = set(positioned.loc[positioned["role"] == "headline", "topic"])
            in_lede = set(positioned.loc[positioned["block_no"] == lede_block, "topic"])

    order = list(lexicon.labels)
    topics = [
        t for t in order if t in columns["journalist"].index or t in columns["official"].index
    ]
    table = pd.DataFrame(index=pd.Index(topics, name="topic"))
    table["label"] = [lexicon.labels[t] for t in topics]
    for voice in voices:
        stats = columns[voice].reindex(topics)
        for column in ("mentions", "first_word", "first_share", "rank", "score", "words"):
            values = stats[column]
            if column in ("mentions",):
                values = values.fillna(0).astype("int64")
            elif column == "score":
                values = values.fillna(0.0)
            elif column in ("first_word", "rank"):
                values = values.astype("Int64")
            elif column == "words":
                values = values.fillna("").astype("str")
            table[f"{voice}_{column}"] = values
    table["in_headline"] = [t in in_headline for t in topics]
    table["in_lede"] = [t in in_lede for t in topics]
    has_official = not official.empty
    table["status"] = [
        _status(j > 0, o > 0, has_official)
        for j, o in zip(table["journalist_mentions"], table["official_mentions"], strict=True)
    ]
    return table.sort_values(
        ["official_rank", "journalist_rank"], na_position="last", kind="stable"
    )


def _status(journalist: bool, official: bool, has_official: bool) -> str:
    if not has_official:
        return "no official text"
    if journalist and official:
        return "both"
    return "added" if journalist else "dropped"


def _positions(
    corpus: Corpus, mentions: pd.DataFrame, voice_sentences: pd.DataFrame
) -> pd.DataFrame:
    """Mentions in the given sentences, each with ``word``: words of the voice before it."""
    if voice_sentences.empty:
        return mentions.iloc[0:0].assign(word=pd.Series(dtype="float64"))
    words = voice_sentences["text"].map(count_words).to_numpy()
    before = pd.Series(
        np.concatenate([[0], np.cumsum(words)[:-1]]),
        index=pd.MultiIndex.from_frame(voice_sentences[["article_id", "sent_no"]]),
    )
    keys = pd.MultiIndex.from_frame(mentions[["article_id", "sent_no"]])
    inside = keys.isin(before.index)
    picked = mentions[inside]
    if picked.empty:
        return picked.assign(word=pd.Series(dtype="float64"))
    starts = dict(
        zip(
            zip(voice_sentences["article_id"], voice_sentences["sent_no"], strict=True),
            voice_sentences["start"],
            strict=True,
        )
    )
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    offset = [
        before[(a, s)] + count_words(texts[a][starts[(a, s)] : m])
        for a, s, m in zip(picked["article_id"], picked["sent_no"], picked["start"], strict=True)
    ]
    return picked.assign(word=np.asarray(offset, dtype="float64"))
