"""Who gets to speak: attributions by source kind, the top sources, and whose words the prose is.

The tables of ``notebooks/07_sources.ipynb``, read from
:func:`~analysis.framing.attributed.source_kinds` (``result.attributions`` in the
workbook).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analysis.corpus import Corpus
from analysis.framing.attributed import SOURCE_KINDS

__all__ = ["VOICES", "sources_table", "top_sources", "voice_shares"]

VOICES = ("own_voice", "attributed_to_official", "attributed_to_others", "quoted")
"""Whose words a news article's prose is, in :func:`voice_shares` (quoted words first)."""

_PROSE_ROLES = ("headline", "journalist", "quote", "official")
_WORDS = re.compile(r"\w+")


def _speech(frame: pd.DataFrame) -> pd.Series:
    """``direct`` (a quotation, whole or mixed), ``reported`` (an account) or ``narrated``."""
    return pd.Series(
        np.where(
            frame["kind"].isin(("direct", "mixed")),
            "direct",
            np.where(frame["relays"] == "account", "reported", "narrated"),
        ),
        index=frame.index,
    )


def sources_table(attributions: pd.DataFrame, articles: pd.DataFrame, by: str = "article_id"):
    """Attributions and their words by source kind and speech, per article or per outlet.

    Args:
        attributions: :func:`source_kinds`.
        articles: ``corpus.articles`` (for the outlet).
        by: ``article_id`` or ``outlet``.

    Returns:
        One row per (``by``, ``source_kind``, ``speech``): ``attributions`` and
        ``words`` (of their content). ``speech`` is ``direct`` (quoted),
        ``reported`` (an account in the journalist's words) or ``narrated`` (a
        speech act the journalist narrates).
    """
    frame = attributions.assign(speech=_speech(attributions))
    if by == "outlet":
        outlets = articles.set_index("article_id")["outlet"].replace("", "(no outlet)")
        frame = frame.assign(outlet=frame["article_id"].map(outlets))
    table = (
        frame.groupby([by, "source_kind", "speech"], observed=True)
        .agg(attributions=("attribution_no", "size"), words=("words", "sum"))
        .reset_index()
    )
    order = {kind: n for n, kind in enumerate(SOURCE_KINDS)}
    return table.sort_values(
        [by, "source_kind", "speech"], key=lambda c: c.map(order) if c.name == "source_kind" else c
    ).reset_index(drop=True)


_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Dr|Sir|Dame)\.?\s+(?P<surname>[A-Z][\w’'-]+)")


def _one_name_each(who: pd.Series) -> pd.Series:
    """Sources as one name each: "Mr Putin" is "Vladimir Putin" where the corpus names one.

    An honorific and a surname (each article resolves it to the full name only where
    that article gives one) become the full name when exactly one source of the
    corpus is a longer name ending in that surname; two ("Jeb Bush", "George W.
    Bush") leave it as written.
    """
    names = pd.unique(who)
    full: dict[str, list[str]] = {}
    for name in names:
        words = name.split()
        if len(words) >= 2 and words[0][:1].isupper() and not _HONORIFIC.fullmatch(name):
            full.setdefault(words[-1], []).append(name)
    mapping = {}
    for name in names:
        titled = _HONORIFIC.fullmatch(name)
        if titled and len(full.get(titled.group("surname"), [])) == 1:
            mapping[name] = full[titled.group("surname")][0]
    return who.replace(mapping) if mapping else who


def top_sources(attributions: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The sources given the most words, quoted or reported (narrated acts aside).

    Args:
        attributions: :func:`source_kinds`.
        n: How many.

    Returns:
        One row per source (as resolved; as written where unresolved; "Mr Lund" as
        the one full name the corpus gives Lund) with its
        ``source_kind`` (the most frequent), ``attributions``, ``words``,
        ``direct_words`` and ``articles``; the most words first.
    """
    said = attributions[_speech(attributions) != "narrated"]
    said = said.assign(
        who=said["source"].where(said["source"] != "", said["source_as_written"]),
        direct_words=np.where(said["kind"] == "indirect", 0, said["words"]),
    )
    said = said[said["who"].str.strip() != ""]
    said = said.assign(who=_one_name_each(said["who"]))
    if said.empty:
        return pd.DataFrame(
            columns=["source", "source_kind", "attributions", "words", "direct_words", "articles"]
        )
    table = said.groupby("who").agg(
        attributions=("attribution_no", "size"),
        words=("words", "sum"),
        direct_words=("direct_words", "sum"),
        articles=("article_id", "nunique"),
    )
    table = table.sort_values(["words", "attributions"], ascending=False).head(n)
    # The most frequent kind, read for the ``n`` sources listed only: a count per
    # group over every source of a large corpus took most of the time.
    kinds = said.loc[said["who"].isin(table.index), ["who", "source_kind"]]
    most = kinds.groupby("who")["source_kind"].agg(lambda found: found.value_counts().index[0])
    table.insert(0, "source_kind", most.reindex(table.index))
    return table.rename_axis("source").reset_index()


def voice_shares(corpus: Corpus, attributions: pd.DataFrame) -> pd.DataFrame:
    """Each news article's prose, word by word: whose words it is.

    A word inside a quotation is ``quoted``; else, inside the claim of an account
    (:func:`source_kinds`, ``relays == "account"``, from ``claim_start`` to its
    content's end) of the official text's side, or in
    the official text the article carries, ``attributed_to_official``; inside another
    account, ``attributed_to_others``; else the journalist's ``own_voice``. Prose is
    the headline, the journalist's blocks, quotation blocks and carried official text
    (not bylines, captions, embeds or boilerplate).

    Args:
        corpus: The loaded corpus.
        attributions: :func:`source_kinds` of it.

    Returns:
        One row per news article: ``article_id``, ``outlet``, ``words`` and, for
        each of :data:`VOICES`, its words and its ``<voice>_share``.
    """
    articles = corpus.articles
    news = articles[(articles["kind"] == "news") & (articles["derived_from"] == "")]
    blocks = corpus.blocks[corpus.blocks["article_id"].isin(news["article_id"])]
    prose = blocks[blocks["role"].isin(_PROSE_ROLES)]
    by_article = {a: f for a, f in prose.groupby("article_id")}
    quotes = {a: f for a, f in corpus.quotes.groupby("article_id")}
    accounts = attributions[attributions["relays"] == "account"]
    said = {a: f for a, f in accounts.groupby("article_id")}
    rows = []
    for article_id, outlet, text in zip(
        news["article_id"], news["outlet"], news["text"], strict=False
    ):
        counts = dict.fromkeys(VOICES, 0)
        found = by_article.get(article_id)
        if found is not None:
            voice = np.full(len(text), -1, dtype=np.int8)  # -1: not prose
            for start, end, role in zip(found["start"], found["end"], found["role"], strict=False):
                voice[start:end] = 1 if role == "official" else 0
            told = said.get(article_id)
            if told is not None:
                for start, end, kind in zip(
                    told["claim_start"], told["end"], told["source_kind"], strict=False
                ):
                    part = voice[start:end]
                    part[part == 0] = 1 if kind == "official_text" else 2
            quoted = quotes.get(article_id)
            if quoted is not None:
                for start, end in zip(quoted["start"], quoted["end"], strict=False):
                    part = voice[start:end]
                    part[part >= 0] = 3
            starts = np.fromiter((m.start() for m in _WORDS.finditer(text)), dtype=np.int64)
            of_word = voice[starts] if len(starts) else np.array([], dtype=np.int8)
            for n, name in enumerate(VOICES):
                counts[name] = int((of_word == n).sum())
        total = sum(counts.values())
        row = {"article_id": article_id, "outlet": outlet, "words": total, **counts}
        for name in VOICES:
            row[f"{name}_share"] = counts[name] / total if total else 0.0
        rows.append(row)
    columns = ["article_id", "outlet", "words", *VOICES, *(f"{v}_share" for v in VOICES)]
    return pd.DataFrame(rows, columns=columns)
