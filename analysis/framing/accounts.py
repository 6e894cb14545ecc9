"""Framing read through the attributions: whose account each sentence gives, and each used official sentence.

:func:`attributed_units` gives each of framing's sentences the attribution that
speaks for it (:func:`analysis.framing.source_kinds`: its claim covers half the
sentence or more); :func:`relayed_usage` says, for each official sentence an
article used, whether the news sentence that used it gives the official side's
account, another source's, or states it in the journalist's own voice.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.framing.attributed import AttributedRules

__all__ = ["attributed_units", "relayed_usage"]


def attributed_units(
    units: pd.DataFrame,
    attributions: pd.DataFrame,
    *,
    rules: AttributedRules = AttributedRules(),  # noqa: B008 - frozen, so one shared default is safe
) -> pd.DataFrame:
    """Framing's sentences, each with whose account it gives.

    Args:
        units: :func:`analysis.framing.units`.
        attributions: :func:`source_kinds`.
        rules: How much of a sentence an attribution's content must cover (``min_share``).

    Returns:
        ``units`` with ``attributed_to`` (the source, or ``""``), ``attribution_kind``
        (``direct``, ``mixed`` or ``indirect`` for an account; ``narrated`` for a
        speech act the journalist narrates; ``""`` for none), ``source_kind`` and
        ``attribution_no`` (-1 for none). Of several, an account before an act,
        a named source before none, then the one covering most of the sentence. Official sentences get none.
    """
    out = units.copy()
    out["attributed_to"] = ""
    out["attribution_kind"] = ""
    out["source_kind"] = ""
    out["attribution_no"] = np.int64(-1)
    # The columns read, not every column: selecting the text of every sentence costs.
    news = units.loc[units["side"] != "official", ["doc_id", "start", "end"]]
    if news.empty or attributions.empty:
        return out
    pairs = _overlapping(news, attributions)
    # A source and cue closing the sentence ("…, according to a statement from the
    # ministry") are the account's too: the sentence is theirs, not the journalist's.
    closing = (pairs["source_start"] >= pairs["end_a"]) & (pairs["source_start"] < pairs["end"])
    end_a = pairs["end_a"].where(~closing, np.maximum(pairs["end_a"], pairs["source_end"]))
    overlap = np.minimum(pairs["end"], end_a) - np.maximum(pairs["start"], pairs["start_a"])
    length = (pairs["end"] - pairs["start"]).clip(lower=1)
    pairs = pairs.assign(covered=overlap)[overlap >= rules.min_share * length]
    # An account before an act, a named source before none, then the most covered.
    best = pairs.sort_values(
        ["index", "account", "named", "covered", "attribution_no"],
        ascending=[True, False, False, False, True],
    ).drop_duplicates("index")
    if best.empty:
        return out
    at = best["index"].to_numpy()
    chosen = attributions.iloc[best["row"].to_numpy()]
    out.loc[at, "attributed_to"] = chosen["source"].to_numpy()
    out.loc[at, "attribution_kind"] = np.where(
        best["account"].to_numpy(), chosen["kind"].to_numpy(), "narrated"
    )
    out.loc[at, "source_kind"] = chosen["source_kind"].to_numpy()
    out.loc[at, "attribution_no"] = chosen["attribution_no"].to_numpy()
    return out


def _overlapping(news: pd.DataFrame, attributions: pd.DataFrame) -> pd.DataFrame:
    """Each (sentence, attribution) of one article whose spans overlap: numbers only.

    A document's sentences are disjoint, so in (document, start) order their ends are
    in order too, and the sentences an attribution overlaps are one run found by two
    binary searches: no product of every sentence with every attribution of its article.

    Returns:
        ``index`` (the sentence's label in ``news``), its ``start``/``end``, the
        attribution's ``row`` (position in ``attributions``), ``start_a``/``end_a``,
        ``attribution_no``, ``account`` (it relays an account) and ``named`` (its
        source is named).
    """
    # Documents numbered by an index lookup: mapping strings through a dict costs 10x.
    documents = pd.Index(pd.unique(news["doc_id"]))
    doc = documents.get_indexer(news["doc_id"]).astype(np.int64)
    starts, ends = news["start"].to_numpy(np.int64), news["end"].to_numpy(np.int64)
    order = np.lexsort((starts, doc))
    doc, starts, ends, labels = doc[order], starts[order], ends[order], news.index[order]
    shift = np.int64(1) << 40  # beyond any text's length: keys sort by document, then offset
    of = documents.get_indexer(attributions["article_id"])  # -1: no sentence of its document
    rows = np.flatnonzero(of >= 0)
    key = of[rows].astype(np.int64) * shift
    a_start = attributions["claim_start"].to_numpy(np.int64)[rows]
    a_end = attributions["end"].to_numpy(np.int64)[rows]
    first = np.searchsorted(doc * shift + ends, key + a_start, side="right")
    last = np.searchsorted(doc * shift + starts, key + a_end, side="left")
    counts = np.maximum(last - first, 0)
    which = np.repeat(np.arange(len(rows)), counts)
    unit = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    unit += np.repeat(first, counts)
    row = rows[which]
    return pd.DataFrame(
        {
            "index": labels[unit],
            "start": starts[unit],
            "end": ends[unit],
            "row": row,
            "start_a": a_start[which],
            "end_a": a_end[which],
            "source_start": attributions["source_start"].to_numpy(np.int64)[row],
            "source_end": attributions["source_end"].to_numpy(np.int64)[row],
            "attribution_no": attributions["attribution_no"].to_numpy()[row],
            "account": (attributions["relays"] == "account").to_numpy()[row],
            "named": (attributions["source"] != "").to_numpy()[row],
        }
    )


def relayed_usage(usage: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """Usage, each used official sentence with how the article relayed it.

    An omitted sentence whose nearest match gives the account of an official
    becomes a use in other words first (:func:`_told_by_an_official`).

    Args:
        usage: :func:`analysis.framing.align`'s usage.
        units: :func:`attributed_units`.

    Returns:
        ``usage`` with ``relayed``, read at the use ``news_sent_no`` names (the most
        prominent: a headline that states what the body attributes is the
        journalist's own voice): for a used sentence, ``attributed_to_official``
        (the news sentence that used it gives the account of the official text's
        side, or is part of the official text the article carries), ``attributed_to_other`` (another source's) or ``own_voice`` (stated by
        the journalist, or a speech act they narrate); ``""`` for one omitted.
    """
    out = usage.copy()
    read = ["doc_id", "sent_no", "attribution_kind", "source_kind", "within"]
    news = units.loc[units["side"] != "official", read].drop_duplicates(["doc_id", "sent_no"])
    keyed = news.set_index(["doc_id", "sent_no"])
    _told_by_an_official(out, keyed)
    index = pd.MultiIndex.from_arrays([out["news_id"], out["news_sent_no"]])
    kind = keyed["attribution_kind"].reindex(index).fillna("").to_numpy()
    source = keyed["source_kind"].reindex(index).fillna("").to_numpy()
    # The official text the article carries is introduced as such ("From The White House:").
    carried = keyed["within"].reindex(index).fillna("").to_numpy() != ""
    attributed = np.isin(kind, ("direct", "mixed", "indirect"))
    relayed = np.where(
        carried | (attributed & (source == "official_text")),
        "attributed_to_official",
        np.where(attributed, "attributed_to_other", "own_voice"),
    )
    out["relayed"] = np.where(out["news_sent_no"].to_numpy() >= 0, relayed, "")
    return out


# Who may have said an official sentence: the side that issued it, or the other
# government in the talks (a readout records what both sides said).
_OFFICIAL_SOURCES = ("official_text", "other_official")


def _told_by_an_official(usage: pd.DataFrame, keyed: pd.DataFrame) -> None:
    """Count as used, in other words, an omitted sentence whose nearest match an official says.

    The nearest match (``closest_sent_no`` of an omitted row: a news sentence whose
    best match it is, holding ``UsageRules.min_cover`` of it, or a headline drawing
    ``UsageRules.own_share`` of its words from it) shares too few words to convey it
    on its own. When that sentence attributes its content to the official text's side
    or another government's official ("Putin accused Kyiv of stalling the talks, the
    Kremlin said"), or narrates their speech act ("Lund, Berg discuss ferry fares"),
    the attribution is the evidence the words lacked: the journalist relays what an
    official said, and of that document's sentences this is the closest.

    In place: ``used`` becomes ``paraphrase``, ``used_in`` and ``news_sent_no`` the
    nearest match's; ``relayed`` then says whose account it is.
    """
    near = (usage["used"] == "omitted").to_numpy() & (usage["closest_sent_no"].to_numpy() >= 0)
    if not near.any():
        return
    index = pd.MultiIndex.from_arrays(
        [usage["news_id"].to_numpy()[near], usage["closest_sent_no"].to_numpy()[near]]
    )
    kind = keyed["attribution_kind"].reindex(index).fillna("").to_numpy()
    source = keyed["source_kind"].reindex(index).fillna("").to_numpy()
    # A speech act the journalist narrates ("Lund and Berg discuss the ferry") is the
    # officials' too: what the readout says they discussed.
    told = np.isin(kind, ("direct", "mixed", "indirect", "narrated")) & np.isin(
        source, _OFFICIAL_SOURCES
    )
    rows = np.flatnonzero(near)[told]
    usage.loc[usage.index[rows], "used"] = "paraphrase"
    usage.loc[usage.index[rows], "used_in"] = usage["closest_in"].to_numpy()[rows]
    usage.loc[usage.index[rows], "news_sent_no"] = usage["closest_sent_no"].to_numpy()[rows]
