"""Usage: whether and where each paired news article used each official sentence.

Measured from the official sentence's side, over all of the article's prose:
how much of it a news sentence holds, the longest run of its words copied in
order (inside a quotation too), and the news sentences reporting the call an
official text opens with. The thresholds are :class:`UsageRules`.
"""

from __future__ import annotations

import itertools
import os
import re
from collections import Counter
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import scipy.sparse as sp

from analysis._arrays import ranges
from analysis.corpus import Corpus
from analysis.framing.rules import UsageRules
from analysis.framing.vectors import _STOP, _run_stream, _RunStream, _Vectors
from analysis.schema import PLACES
from analysis.text import light_stem, normalise

__all__ = ["USAGE_COLUMNS"]

USAGE_COLUMNS = [
    "news_id", "official_id", "official_sent_no", "start", "end", "text", "used", "used_in",
    "news_sent_no", "closest_in", "closest_sent_no", "label", "copied_words", "quoted_words",
    "covered",
]  # fmt: skip
_PLACE_RANK = {place: rank for rank, place in enumerate(PLACES)}  # most prominent first
_FORM_RANK = {"verbatim": 0, "paraphrase": 1}
_WORD = re.compile(r"\w+")


def _usage(
    corpus: Corpus,
    frame: pd.DataFrame,
    evidence: pd.DataFrame,
    rules: UsageRules,
) -> pd.DataFrame:
    """Whether and where each paired article used each official sentence.

    ``evidence`` has one row per (news sentence, official sentence) candidate:
    ``covered``, ``copied_words``, the news sentence's own ``label`` against that
    official document and whether this sentence is its ``best`` match there.

    Returns:
        One row per (news article, official sentence): ``used`` (``verbatim``,
        ``paraphrase`` or ``omitted``: the strongest form anywhere), ``used_in``
        (the most prominent place its content reached, in any form: headline,
        lede, body, or omitted) and ``news_sent_no`` (the sentence there), the
        closest match (``closest_in``, ``closest_sent_no``, its ``label``:
        verbatim, or the alignment label of that sentence; for an omitted sentence,
        the nearest the article came, see :func:`_nearest`), ``copied_words`` (the
        longest run copied, across one small edit), ``quoted_words`` (the longest run
        inside a quotation that is the official wording) and ``covered`` (its share).
    """
    official = frame[frame["side"] == "official"].rename(
        columns={"doc_id": "official_id", "sent_no": "official_sent_no"}
    )
    grid = corpus.pairs[["news_id", "official_id"]].merge(official, on="official_id")
    ev = _with_call_rows(evidence, corpus, frame, rules)
    ev["official_words"] = ev["official_words"].fillna(0)
    ev = ev.astype({"a_row": "int64", "o_row": "int64", "best": bool, "call": bool})
    location = frame["location"].to_numpy(dtype=object)
    ev["location"] = location[ev["a_row"].to_numpy()]
    words = ev["official_words"].to_numpy()
    copied = ev["copied_words"].to_numpy()
    verbatim = (
        (copied >= rules.verbatim_run)
        | ((copied >= rules.min_run) & (copied >= rules.verbatim_share * words))
        | (ev["quoted_words"].to_numpy() >= rules.quoted_words)
    )
    covered, best = ev["covered"].to_numpy(), ev["best"].to_numpy()
    matched = ev["label"].to_numpy() != "added"
    own = ev["own"].to_numpy(float)
    sums_up = _sums_up_the_call(ev, frame, rules.paraphrase_cover)
    conveyed = (
        sums_up
        | (covered >= rules.strong_cover)
        | (matched & (covered >= rules.paraphrase_cover) & (best | (covered >= rules.own_cover)))
        | (matched & (own >= rules.own_share) & (ev["location"].to_numpy() == "headline"))
        | ev["call"].to_numpy(dtype=bool)
    )
    # An echo: the sentence's best match, too slight to convey it alone; it marks a
    # place the content reached when the sentence is used elsewhere.
    echo = matched & best
    # The nearest the article came to a sentence it did not use: a news sentence whose
    # best match it is, holding ``min_cover`` of it, or a headline that draws
    # ``own_share`` of its words from it (the closest match of an omitted row).
    headline = ev["location"].to_numpy() == "headline"
    near = best & ((covered >= rules.min_cover) | (headline & (own >= rules.own_share)))
    ev["form"] = np.select([verbatim, conveyed, echo], ["verbatim", "paraphrase", "echo"], "")
    ev["near"] = near
    ev["sums_up"] = sums_up
    ev = ev[(ev["form"] != "") | ev["near"]].reset_index(drop=True)
    # Ids only for the pairs that are a use (a few of the candidates): each column
    # of strings taken from the frame costs a conversion.
    doc_id = frame["doc_id"].to_numpy(dtype=object)
    sent_no = frame["sent_no"].to_numpy()
    a_row, o_row = ev["a_row"].to_numpy(), ev["o_row"].to_numpy()
    ev["news_id"], ev["news_sent_no"] = doc_id[a_row], sent_no[a_row]
    ev["official_id"], ev["official_sent_no"] = doc_id[o_row], sent_no[o_row]
    key = ["news_id", "official_id", "official_sent_no"]
    used_somewhere = ev[~ev["form"].isin(("echo", ""))][key].drop_duplicates()
    nearest = _nearest(ev, used_somewhere, key)
    ev = ev[ev["form"] != ""].merge(used_somewhere, on=key)
    # The closest match's label: verbatim by the copied run; a news sentence's own
    # label only where this official sentence is its best match; a further source
    # of it is at most a loose paraphrase of this one.
    ev["label"] = np.select(
        [ev["form"] == "verbatim", ev["best"] | ev["call"].astype(bool), ev["sums_up"]],
        ["verbatim", ev["label"], "sums up the call"],
        default="loose paraphrase",
    )
    ev["place"] = ev["location"].map(_PLACE_RANK)
    # The closest match: the strongest form, then the largest copy, then the most covered.
    closest = ev.assign(form_rank=ev["form"].map(_FORM_RANK).fillna(2)).sort_values(
        [*key, "form_rank", "copied_words", "quoted_words", "covered", "place", "news_sent_no"],
        ascending=[True, True, True, True, False, False, False, True, True],
        kind="stable",
    )
    closest = closest.drop_duplicates(key)[
        [
            *key,
            "form",
            "location",
            "news_sent_no",
            "label",
            "copied_words",
            "quoted_words",
            "covered",
        ]  # fmt: skip
    ]
    closest = pd.concat([closest, nearest], ignore_index=True).rename(
        columns={"form": "used", "location": "closest_in", "news_sent_no": "closest_sent_no"}
    )
    # The most prominent place its content reached, in any form.
    prominent = ev.sort_values([*key, "place", "news_sent_no"], kind="stable").drop_duplicates(key)
    prominent = prominent[[*key, "location", "news_sent_no"]].rename(
        columns={"location": "used_in"}
    )
    usage = grid.merge(closest, on=key, how="left").merge(prominent, on=key, how="left")
    usage["used"] = usage["used"].fillna("omitted")
    usage["used_in"] = usage["used_in"].fillna("omitted")
    usage["closest_in"] = usage["closest_in"].fillna("")
    usage["label"] = usage["label"].fillna("")
    for column, missing in [
        ("news_sent_no", -1), ("closest_sent_no", -1), ("copied_words", 0), ("quoted_words", 0)
    ]:  # fmt: skip
        usage[column] = usage[column].fillna(missing).astype("int64")
    usage["covered"] = usage["covered"].astype(float).fillna(0.0).round(3)
    return _repeated(usage[USAGE_COLUMNS].reset_index(drop=True), rules)


def _repeated(usage: pd.DataFrame, rules: UsageRules) -> pd.DataFrame:
    """An official sentence the text repeats takes the stronger use of the two.

    A page may print its summary line again as the first paragraph ("Prime
    Minister Ana Lund spoke to …", then "The Prime Minister spoke to …"): a news
    sentence that copies one copies the other's words as much, though the copy
    is measured against each alone. Of two sentences of one official text where
    ``rules.repeat_share`` of the shorter's content words (``rules.repeat_words`` or
    more) are the longer's (:func:`_repeats`), both among its first
    ``rules.repeat_within`` sentences, the one less used takes the other's use, place and
    closest match, labelled "repeats sentence N"; its ``used_in`` is the more
    prominent of the two.
    """
    opening = usage[usage["official_sent_no"] < rules.repeat_within]
    pairs = _repeats(opening, rules.repeat_share, rules.repeat_words) if len(opening) else []
    if not pairs:
        return usage
    usage = usage.copy()
    rows = usage.groupby(["official_id", "official_sent_no"], sort=False).indices
    rank = usage["used"].map(_FORM_RANK).fillna(2).to_numpy()
    place = usage["used_in"].map(_PLACE_RANK).fillna(len(PLACES)).to_numpy()
    news = usage["news_id"].to_numpy(dtype=object)
    taken = ["used", "news_sent_no", "closest_in", "closest_sent_no", "copied_words",
             "quoted_words", "covered"]  # fmt: skip
    for official_id, a, b in pairs:
        of_b = {news[j]: j for j in rows[(official_id, b)]}
        for i in rows[(official_id, a)]:
            j = of_b.get(news[i])
            if j is None or rank[i] == rank[j]:
                continue
            strong, weak = (i, j) if rank[i] < rank[j] else (j, i)
            usage.loc[weak, taken] = usage.loc[strong, taken].to_numpy()
            usage.loc[weak, "label"] = f"repeats sentence {usage.at[strong, 'official_sent_no']}"
            usage.loc[weak, "used_in"] = PLACES[int(min(place[i], place[j]))]
    return usage


def _repeats(usage: pd.DataFrame, share: float, min_words: int) -> list[tuple[str, int, int]]:
    """``(official_id, a, b)`` of each official sentence ``b`` whose words ``a`` repeats.

    ``b`` has ``min_words`` content words or more (stemmed, stop words aside),
    ``share`` of them in ``a``, and no more than ``a`` has.
    """
    sentences = usage.drop_duplicates(["official_id", "official_sent_no"])
    by_text: dict[str, dict[int, frozenset]] = {}
    for official_id, sent_no, text in zip(
        sentences["official_id"], sentences["official_sent_no"], sentences["text"], strict=True
    ):
        words = frozenset(_stems_in_order(text, every_word=True))
        if len(words) >= min_words:
            by_text.setdefault(official_id, {})[sent_no] = words
    pairs = []
    for official_id, stems in by_text.items():
        for x, y in itertools.combinations(stems, 2):
            a, b = (x, y) if len(stems[x]) >= len(stems[y]) else (y, x)
            if len(stems[a] & stems[b]) >= share * len(stems[b]):
                pairs.append((official_id, a, b))
    return pairs


def _sums_up_the_call(ev: pd.DataFrame, frame: pd.DataFrame, cover: float) -> np.ndarray:
    """Which candidates pair a sentence reporting the call with a sentence of its readout it sums up.

    "We spoke about A, B and C": the news sentence reports the call its official
    text opens with (see :func:`_call_reports`), says what it was about (a word of
    :data:`_TOPICS`: a sentence that only says they spoke, then tells of something
    else, sums up nothing) and holds ``cover`` of the official sentence, which is
    not about the call itself (no call word: "They agreed to speak soon" shares
    only that word with it).
    """
    call = ev["call"].to_numpy(dtype=bool)
    if not call.any():
        return np.zeros(len(ev), dtype=bool)
    a_row, o_row = ev["a_row"].to_numpy(), ev["o_row"].to_numpy()
    # A pair's key: its news sentence and its official document (as a code).
    doc = pd.factorize(frame["doc_id"])[0].astype(np.int64)
    key = a_row.astype(np.int64) * (int(doc.max()) + 1) + doc[o_row]
    held = (ev["covered"].to_numpy() >= cover) & ~call & np.isin(key, key[call])
    # The sentences of the pairs left, read for a call word (official) and for what the
    # call was about (news): a few, not all.
    text = frame["text"]
    about_the_call = {
        o: bool(_CALL_WORD.search(text.iat[o])) for o in np.unique(o_row[held]).tolist()
    }
    names_topics = {a: bool(_TOPICS.search(text.iat[a])) for a in np.unique(a_row[held]).tolist()}
    held[held] = [
        names_topics[a] and not about_the_call[o]
        for a, o in zip(a_row[held].tolist(), o_row[held].tolist(), strict=True)
    ]
    return held


# Words that say what a call was about: "spoke about", "discussed", "warned … over".
_TOPICS = re.compile(
    r"\b(?:about|discuss(?:ed|es|ing)?|discussions?|over|regarding|concerning|rais(?:e|ed|es|ing)|"
    r"focus(?:ed|ing)?\s+on|cover(?:ed|ing)|topics?)\b",
    re.IGNORECASE,
)


def _nearest(ev: pd.DataFrame, used: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    """Per official sentence used nowhere in an article, the news sentence that came nearest.

    Of its ``near`` candidates, the one holding the most of it (a news sentence
    whose best match it is, holding ``min_cover`` of it, or a headline drawing
    ``own_share`` of its words from it);
    its ``form`` is ``omitted``: too slight to convey it on its own
    (:func:`analysis.framing.accounts.relayed_usage` reads it with its attribution).
    """
    near = ev[ev["near"]]  # a used sentence's candidates drop out below
    near = near.merge(used.assign(_used=True), on=key, how="left")
    near = near[near["_used"].isna()].sort_values(
        [*key, "covered", "news_sent_no"], ascending=[True, True, True, False, True], kind="stable"
    )
    columns = [*key, "location", "news_sent_no", "label", "copied_words", "quoted_words", "covered"]
    return near.drop_duplicates(key)[columns].assign(form="omitted")


def _usage_evidence(
    vectors: _Vectors,
    cand: pd.DataFrame,
    candidates: pd.DataFrame,
    e_rows: np.ndarray,
    o_rows: np.ndarray,
    gram_totals: np.ndarray,
    frame: pd.DataFrame,
    quotes: pd.DataFrame,
    rules: UsageRules,
    max_sources: int,
) -> pd.DataFrame:
    """Per (expanded row, official sentence) that may be a use: how much, how copied, how own.

    The pairs are those holding ``min_cover`` of the official sentence
    (``candidates``) and the sources alignment found (``cand``). Each gets
    ``covered`` (the official sentence's share found in the news sentence),
    ``copied_words`` (the longest run of its words, in order, one small edit
    skipped: :func:`_joined_runs`), ``quoted_words``
    (the longest inside a quotation that is the official wording: ``quotes`` are
    the corpus's), ``official_words`` and ``own`` (the share of the news
    sentence's content, names aside, that this source matches and no
    better-ranked source of the same sentence does: what it contributes; a
    sentence has at most ``max_sources``, :attr:`AlignRules.max_sources`).
    """
    sources = cand.loc[cand["is_source"], ["e", "o", "coverage", "containment"]].copy()
    sources["rank"] = sources.groupby("e", sort=False).cumcount()
    both = candidates.merge(sources, on=["e", "o"], how="outer", suffixes=("", "_s"))
    both["containment"] = both["containment"].fillna(both["containment_s"])
    e, o = both["e"].to_numpy(np.int64), both["o"].to_numpy(np.int64)
    missing = both["covered"].isna().to_numpy()
    if missing.any():  # a source holding little of the official sentence: its share still
        both.loc[missing, "covered"] = _row_dots(
            vectors.present, vectors.weighted, e_rows[e[missing]], o_rows[o[missing]]
        )
    shared = np.rint(both["containment"].to_numpy(float) * gram_totals[e])
    # Runs only where the pair shares a 3-gram: the copies worth measuring.
    wanted = shared >= rules.min_run - 2
    a_rows, p_rows = e_rows[e], o_rows[o]
    stream = _run_stream(frame["text"], np.unique(np.r_[a_rows[wanted], p_rows[wanted]]))
    copies = _copies(stream, a_rows, p_rows, wanted, _quoted_tokens(frame, quotes, stream), rules)
    both["own"] = 0.0
    ranked = both["rank"].notna().to_numpy()
    if ranked.any():
        both.loc[ranked, "own"] = _own_contribution(
            vectors, both.loc[ranked, ["e", "o", "rank"]], e_rows, o_rows, max_sources
        )
    return pd.DataFrame(
        {
            "e": e,
            "o": o,
            "a_row": a_rows,
            "o_row": p_rows,
            "covered": both["covered"].to_numpy(float),
            "copied_words": copies.longest,
            "quoted_words": copies.quoted,
            "official_words": copies.official_words,
            "own": both["own"].to_numpy(float),
        }
    )


def _row_dots(left: sp.csr_matrix, right: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray):
    """``left[rows[k]] · right[cols[k]]`` for every k."""
    return np.asarray(left[rows].multiply(right[cols]).sum(axis=1)).ravel()


def _own_contribution(
    vectors: _Vectors,
    ranked: pd.DataFrame,
    e_rows: np.ndarray,
    o_rows: np.ndarray,
    max_sources: int,
) -> np.ndarray:
    """Each source's share of its news sentence's content (names aside) that no better source has.

    ``ranked`` holds each news sentence's sources in rank order (``rank`` 0 the
    best), at most ``max_sources`` of them, consecutive.
    """
    rank = ranked["rank"].to_numpy(np.int64)
    content = vectors.weighted[e_rows[ranked["e"].to_numpy(np.int64)]].copy()
    content.data = content.data * ~vectors.is_name[content.indices]
    present = vectors.present[o_rows[ranked["o"].to_numpy(np.int64)]]
    matched = sp.csr_matrix(content.multiply(present))
    own = np.asarray(matched.sum(axis=1)).ravel()
    # The features the better sources of the same sentence (the rows just above,
    # ``rank`` of them) hold are not this source's own.
    at = np.arange(len(rank))
    earlier = sp.csr_matrix(present.shape)
    for back in range(1, max_sources):
        above = present[np.maximum(at - back, 0)]
        earlier = earlier + sp.diags((rank >= back).astype(float)) @ above
    overlap = matched.multiply(earlier > 0)
    own -= np.asarray(overlap.sum(axis=1)).ravel()
    return np.maximum(own, 0.0)


class _Copies(NamedTuple):
    """Per pair of sentences, what the news one repeats of the official one word for word."""

    longest: np.ndarray  # the longest run of the same consecutive words
    quoted: np.ndarray  # the longest run inside one quotation, holding ``quoted_share`` of it
    official_words: np.ndarray  # the official sentence's words


def _copies(
    stream: _RunStream,
    a_rows: np.ndarray,
    o_rows: np.ndarray,
    wanted: np.ndarray,
    quote_of: np.ndarray,
    rules: UsageRules,
) -> _Copies:
    """Runs of the same consecutive words in each pair of sentences (0 where not wanted).

    Words are the run stream's (case folded, stop words kept, hyphenated words in
    their parts: :func:`_run_stream`). Every pair at once: each pair's matching word positions
    ``(i, j)`` are joined on the word, and a run is a stretch of one diagonal
    ``i - j`` with consecutive ``i`` (and, for ``quoted``, one quotation).

    Args:
        stream: The words of (at least) the wanted pairs' sentences.
        a_rows: Each pair's news sentence (a row of the frame).
        o_rows: Each pair's official sentence.
        wanted: The pairs to measure.
        quote_of: Per token of the run stream, the quotation it is in (-1: none).
        rules: Its ``quoted_share`` (:class:`UsageRules`).
    """
    zeros = np.zeros(len(a_rows), dtype=np.int64)
    out = _Copies(zeros, zeros.copy(), zeros.copy())
    pairs = np.flatnonzero(wanted)
    if not len(pairs):
        return out
    row, codes = stream.row, stream.codes
    first = np.searchsorted(row, np.arange(int(max(a_rows.max(), o_rows.max())) + 2))
    out.official_words[pairs] = np.diff(first)[o_rows[pairs]]
    a_first, o_first = first[a_rows[pairs]], first[o_rows[pairs]]
    a_pair, a_at = ranges(a_first, first[a_rows[pairs] + 1])
    o_pair, o_at = ranges(o_first, first[o_rows[pairs] + 1])
    left = pd.DataFrame({"p": a_pair, "w": codes[a_at], "i": a_at - a_first[a_pair], "t": a_at})
    right = pd.DataFrame({"p": o_pair, "w": codes[o_at], "j": o_at - o_first[o_pair]})
    hits = left.merge(right, on=["p", "w"])
    if hits.empty:
        return out
    p, i, t = (hits[c].to_numpy() for c in ("p", "i", "t"))
    diagonal = i - hits["j"].to_numpy()
    order = np.lexsort((i, diagonal, p))
    p, i, t, diagonal = p[order], i[order], t[order], diagonal[order]
    step = (p[1:] != p[:-1]) | (diagonal[1:] != diagonal[:-1]) | (i[1:] != i[:-1] + 1)
    run_id = np.cumsum(np.r_[True, step]) - 1
    lengths = np.bincount(run_id)
    longest = np.zeros(len(pairs), dtype=np.int64)
    heads = np.r_[True, step]
    np.maximum.at(longest, p[heads], lengths)
    tails = np.r_[step, True]
    words = _Words(stream, a_first, o_first)
    # A run that ends the official sentence may be short and still join ("… President
    # Volodymyr Zelensky this morning." for "… President Zelenskyy this morning.").
    final = i[tails] - diagonal[tails] == out.official_words[pairs][p[tails]] - 1
    joined = _joined_runs(
        p[heads], i[heads], i[tails], diagonal[heads], lengths, words, rules, final
    )
    np.maximum.at(longest, p[heads], joined)
    out.longest[pairs] = longest
    # Quoted: runs cut where the quotation changes, against that quotation's words here.
    quote = quote_of[t]
    quoted_step = step | (quote[1:] != quote[:-1])
    inside = quote >= 0
    quoted_id = np.cumsum(np.r_[True, quoted_step]) - 1
    quoted_lengths = np.bincount(quoted_id)[quoted_id]
    quote_words = _quote_words(quote_of, row)[t]
    holds = inside & (quoted_lengths >= rules.quoted_share * quote_words)
    quoted = np.zeros(len(pairs), dtype=np.int64)
    np.maximum.at(quoted, p[holds], quoted_lengths[holds])
    out.quoted[pairs] = quoted
    return out


class _Words(NamedTuple):
    """The words of each pair's sentences, for a look at the few an edit touches."""

    stream: _RunStream
    news_first: np.ndarray  # per pair: where its news sentence starts in the stream
    official_first: np.ndarray  # ...and its official sentence

    def respelt(self, pair: np.ndarray, news_at: np.ndarray, official_at: np.ndarray, gap):
        """Whether an official word reads, respelt, among the ``gap`` news words at ``news_at``.

        "Kyiv" for "Kiev", "Zelensky" for "Zelenskyy": the same first letter, and a
        shared start of four letters or three quarters of the letters of the longer.
        """
        forms, codes = self.stream.forms, self.stream.codes
        official = forms[codes[self.official_first[pair] + official_at]]
        out = np.zeros(len(pair), dtype=bool)
        for k in range(int(gap.max(initial=0))):
            inside = k < gap
            at = self.news_first[pair[inside]] + news_at[inside] + k
            news = forms[codes[at]]
            out[inside] |= [_alike(a, b) for a, b in zip(news, official[inside], strict=True)]
        return out


def _alike(a: str, b: str) -> bool:
    """Two spellings of one word: same first letter, a shared start or most letters shared."""
    if not a or not b or a[0] != b[0]:
        return False
    shared = len(os.path.commonprefix([a, b]))
    if shared >= 4:
        return True
    common = sum((Counter(a) & Counter(b)).values())
    return abs(len(a) - len(b)) <= 1 and common >= 0.75 * max(len(a), len(b))


def _joined_runs(
    pair: np.ndarray,
    first: np.ndarray,
    last: np.ndarray,
    diagonal: np.ndarray,
    lengths: np.ndarray,
    words: _Words,
    rules: UsageRules,
    final: np.ndarray,
) -> np.ndarray:
    """Per run, its words and the next run's, when a small edit is all that parts them.

    Runs of one pair, taken in the news sentence's order, join when the next
    starts after this one in both sentences and the gap between them is an
    edit (:attr:`UsageRules.edit_words`, :attr:`UsageRules.respelt_words`).
    One edit is skipped, not two.

    Args:
        pair: Each run's pair.
        first: Its first position in the news sentence.
        last: Its last position there.
        diagonal: Its news position less its official position.
        lengths: Its words.
        words: The pairs' words, to tell a respelt word from another.
        rules: The edit limits.
        final: Whether the run ends the official sentence: then two words join too,
            the copy running on to the sentence's end past the edit.
    """
    out = lengths.copy()
    # Stray shared words join nothing; a run to the official sentence's end is no stray.
    keep = np.flatnonzero((lengths >= rules.edit_run) | (final & (lengths >= 2)))
    order = keep[np.lexsort((first[keep], pair[keep]))]
    p, lo, hi = pair[order], first[order], last[order]
    d, n = diagonal[order], lengths[order]
    news_gap = lo[1:] - hi[:-1] - 1
    official_gap = (lo[1:] - d[1:]) - (hi[:-1] - d[:-1]) - 1
    same = (p[1:] == p[:-1]) & (news_gap >= 0)
    added = same & (official_gap == 0) & (news_gap >= 1) & (news_gap <= rules.edit_words)
    respelt = same & (official_gap == 1) & (news_gap >= 1) & (news_gap <= rules.respelt_words)
    if respelt.any():
        k = np.flatnonzero(respelt)
        respelt[k] = words.respelt(p[k], hi[k] + 1, hi[k] - d[k] + 1, news_gap[k])
    joins = added | respelt
    # One edit: a run joins the next one, not a chain of them (two edits make a
    # paraphrase: "spoke by telephone with … on Tuesday" for "spoke today with …").
    out[order] = np.where(np.r_[joins, False], n + np.r_[n[1:], 0], n)
    return out


def _quote_words(quote_of: np.ndarray, row: np.ndarray) -> np.ndarray:
    """Per token, how many words of its quotation its sentence holds (0 outside quotations)."""
    if not len(quote_of):
        return np.zeros(0, dtype=np.int64)
    step = np.r_[True, (quote_of[1:] != quote_of[:-1]) | (row[1:] != row[:-1])]
    segment = np.cumsum(step) - 1
    return np.where(quote_of >= 0, np.bincount(segment)[segment], 0)


def _quoted_tokens(frame: pd.DataFrame, quotes: pd.DataFrame, stream: _RunStream) -> np.ndarray:
    """Per word of the run stream, the quotation (a row of ``quotes``) it lies in, or -1.

    A token is in a quotation when its offset in the article (its sentence's
    ``start`` plus its offset in the sentence) falls within the quotation's span.
    """
    quote_of = np.full(len(stream.row), -1, dtype=np.int64)
    if quotes.empty or not len(quote_of):
        return quote_of
    docs = pd.Index(frame["doc_id"].unique())
    q_doc = docs.get_indexer(quotes["article_id"])
    keep = np.flatnonzero(q_doc >= 0)
    if not len(keep):
        return quote_of
    width = np.int64(max(int(quotes["end"].max()), int(frame["end"].max())) + 1)
    q_start = q_doc[keep] * width + quotes["start"].to_numpy(np.int64)[keep]
    q_end = q_doc[keep] * width + quotes["end"].to_numpy(np.int64)[keep]
    order = np.argsort(q_start, kind="stable")
    q_start, q_end, keep = q_start[order], q_end[order], keep[order]
    row = stream.row
    sentences, inverse = np.unique(row, return_inverse=True)
    t_doc = docs.get_indexer(frame["doc_id"].to_numpy()[sentences])[inverse].astype(np.int64)
    at = t_doc * width + frame["start"].to_numpy(np.int64)[row] + stream.start
    k = np.searchsorted(q_start, at, side="right") - 1
    inside = (k >= 0) & (at < q_end[np.maximum(k, 0)])
    quote_of[inside] = keep[k[inside]]
    return quote_of


# A readout opens with the fact of the call ("X spoke today with Y", "X had a
# telephone conversation with Y"); a news sentence reports that fact when it
# names a participant and says they spoke. Naming the leaders alone does not.
_CALL_WORDS = (
    r"\b(?:spoke|speak|speaks|spoken|talked|talks?|phoned|phone|telephone|telephonic|"
    r"conversation|dialled|dialed)\b|\b(?:a|the|their|his|her|phone|telephone)\s+call\b"
)


def _with_call_rows(
    evidence: pd.DataFrame, corpus: Corpus, frame: pd.DataFrame, rules: UsageRules
) -> pd.DataFrame:
    """The evidence, and rows of news sentences reporting the call and of the topics they name."""
    calls = _call_reports(corpus, frame)
    topics = _topics_named(frame, calls, rules.topic_share)
    return pd.concat([evidence.assign(call=False), calls, topics], ignore_index=True)


def _topics_named(frame: pd.DataFrame, calls: pd.DataFrame, share: float) -> pd.DataFrame:
    """Evidence rows: readout sentences a report of the call names as its topics.

    "Biden and Erdogan discussed the war in Gaza and Sweden's bid to join the NATO
    alliance in a phone call": each item of what the call was about (after a word
    of :data:`_TOPICS`, split at commas and "and") names a sentence of the readout
    that holds ``share`` of the item's content words, two or more (the
    call's own words, its participants and days aside). A long readout sentence
    ("They discussed the importance of strengthening the NATO Alliance, including
    … welcoming Sweden as an Ally …") shares too few of its words with the report
    for ``paraphrase_cover``, but the report names it.
    """
    if calls.empty:
        return calls
    text, doc_id = frame["text"], frame["doc_id"]
    # The official sentences of the documents reported: a few, not the whole frame.
    opened = doc_id.take(calls["o_row"].to_numpy())
    docs = frame[(frame["side"] == "official") & doc_id.isin(opened.unique())]
    groups = docs.groupby("doc_id", sort=False).indices
    official_rows = {d: docs.index[g].tolist() for d, g in groups.items()}
    doc_of = dict(zip(calls["o_row"].tolist(), opened, strict=True))
    rows, words = [], {}
    for a, o in zip(calls["a_row"].tolist(), calls["o_row"].tolist(), strict=True):
        opening = _content_stems(text.iat[o])  # the call's participants and offices
        items = _topic_items(text.iat[a], opening)
        for b in official_rows[doc_of[o]] if items else ():
            if b == o or b not in words and _CALL_WORD.search(text.iat[b]):
                continue
            held = words.setdefault(b, _content_stems(text.iat[b]))
            if any(_names(item, held, share) for item in items):
                rows.append((a, b))
    found = pd.DataFrame(rows, columns=["a_row", "o_row"])
    return found.assign(
        covered=0.0, copied_words=0, quoted_words=0, own=0.0, label="sums up the call",
        best=False, call=True,
    )[calls.columns]  # fmt: skip


_CALL_WORD = re.compile(_CALL_WORDS, re.IGNORECASE)
# Where a report says what the call was about: the verb of discussing, a call's
# "about", "raised", a rebuke's "over" ("warned Berg … over the incursions"). The call
# is told in the past or named: "results speak volumes about" is no call.
_TOPIC_OPENER = re.compile(
    r"\bdiscuss(?:ed|es|ing)?\b|\bdiscussions?\s+(?:on|of|about)\b|\brais(?:ed|ing)\b"
    r"|\bfocus(?:ed|ing)\s+on\b|\b(?:spoke|talked|talks|call|conversation|"
    r"phoned)\b[^,.;:]{0,60}?\b(?:about|regarding|concerning)\b"
    r"|\b(?:warned|clashed|sparred|argued|pressed|rebuked|critici[sz]ed)\b[^,.;:]{0,60}?\bover\b",
    re.IGNORECASE,
)
# What the call was about ends where another clause begins.
_TOPIC_END = re.compile(
    r"[.;:!?]|\b(?:who|whose|which|amid|after|while|because|but|when|before|since|although|"
    r"though|as(?!\s+well\s+as))\b",
    re.IGNORECASE,
)


class _Item(NamedTuple):
    """One item of what a call was about, as :func:`_names` reads it."""

    stems: frozenset[str]  # its content words, the readout's opening words aside
    last: str  # its last content word: what the item is ("the Lisbon climate protests")


def _topic_items(sentence: str, opening: frozenset[str]) -> list[_Item]:
    """The items of what a report of the call says it was about (none if it does not say)."""
    topic = _TOPIC_OPENER.search(sentence)
    if topic is None:
        return []
    end = _TOPIC_END.search(sentence, topic.end())
    items = []
    for piece in _ITEM_BREAK.split(sentence[topic.end() : end.start() if end else None]):
        stems = [stem for stem in _stems_in_order(piece) if stem not in opening]
        if len(stems) >= 2:
            items.append(_Item(frozenset(stems), stems[-1]))
    return items


def _names(item: _Item, held: frozenset[str], share: float) -> bool:
    """Whether a readout sentence's words ``held`` are what an item of the report names.

    It holds the item's last word, what the item is, and ``share`` of its words (all
    of an item of three words or fewer): "security cooperation with Japan" does not
    name a sentence on Baltic security cooperation, nor "the Lisbon climate
    protests" one on the preparations for the Lisbon climate conference.
    """
    needed = len(item.stems) if len(item.stems) <= 3 else max(2, share * len(item.stems))
    return item.last in held and len(item.stems & held) >= needed


_ITEM_BREAK = re.compile(r"[,;:]|\band\b|\bas well as\b")
_CALL_AND_TIME = re.compile(
    r"(?:spoke|speak|talk\w*|phone\w*|telephon\w*|call\w*|conversation|late|early|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|morning|"
    r"evening|night|weeks?|weekends?|hours?|minutes?|days?|months?|years?)$"
)


def _content_stems(text: str) -> frozenset[str]:
    """The stemmed content words of a text: stop words, call words and times aside."""
    return frozenset(_stems_in_order(text))


def _stems_in_order(text: str, every_word: bool = False) -> list[str]:
    """The stemmed content words of a text, in order (see :func:`_content_stems`).

    With ``every_word``, numbers, call words and times stay: a sentence's words as
    another sentence that repeats it would have them.
    """
    return [
        light_stem(w)
        for w in _WORD.findall(normalise(text))
        if w not in _STOP and (every_word or (not w.isdigit() and not _CALL_AND_TIME.match(w)))
    ]


def _mentions_call(texts: pd.Series) -> np.ndarray:
    """Which texts hold a call word (pyarrow's RE2 kernel: no Python loop over sentences)."""
    if texts.empty:
        return np.zeros(0, dtype=bool)
    # A pandas string column hands pyarrow its buffers (``__arrow_array__``), no copy.
    found = pc.match_substring_regex(pa.array(texts.array), _CALL_WORDS, ignore_case=True)
    return np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)


_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b")
# Capitalised words that name an office or a country's government, not a participant.
_OFFICE_WORDS = frozenset(
    """President Prime Minister Secretary State Foreign Affairs External Chancellor Premier
    Federal Republic United States Kingdom Government Office House White Kremlin Shri Mr Mrs
    Ms Dr His Her Excellency Majesty King Queen Crown Prince Vice Deputy Defence Defense
    Today Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April May June July August September October November December""".split()
)


def _participants(text: str) -> set[str]:
    """The capitalised words of a sentence that can name a person: not offices, not its first."""
    return {w for w in _CAPITALISED.findall(text) if w not in _OFFICE_WORDS}


def _call_reports(corpus: Corpus, frame: pd.DataFrame) -> pd.DataFrame:
    """Evidence rows: news sentences reporting the call that an official text opens with.

    The official text's first sentence must state the call (a call word) and name
    a participant; a news sentence of a paired article reports it when it says
    they spoke (a call word) and names one of the same participants.
    """
    columns = [
        "a_row", "o_row", "covered", "copied_words", "quoted_words", "own", "label", "best",
        "call",
    ]  # fmt: skip
    side = frame["side"].to_numpy()
    official = frame[side == "official"]
    if official.empty:
        return pd.DataFrame(columns=columns)
    opening = official.loc[official.groupby("doc_id", sort=False)["sent_no"].idxmin()]
    opening = opening[_mentions_call(opening["text"])]
    news = frame[(side != "official") & _mentions_call(frame["text"])]
    if opening.empty or news.empty:
        return pd.DataFrame(columns=columns)
    pairs = corpus.pairs[["news_id", "official_id"]]
    joined = (
        pd.DataFrame({"a_row": news.index, "news_id": news["doc_id"].to_numpy()})
        .merge(pairs, on="news_id")
        .merge(
            pd.DataFrame({"o_row": opening.index, "official_id": opening["doc_id"].to_numpy()}),
            on="official_id",
        )
    )
    text = frame["text"].to_numpy()
    names = {o: _participants(text[o]) for o in opening.index}
    within = frame["within"].to_numpy()
    keep = [
        bool(names[o] & _participants(text[a])) and within[a] != official_id
        for a, o, official_id in zip(
            joined["a_row"], joined["o_row"], joined["official_id"], strict=True
        )
    ]
    found = joined[keep]
    return pd.DataFrame(
        {
            "a_row": found["a_row"].to_numpy(),
            "o_row": found["o_row"].to_numpy(),
            "covered": 0.0,
            "copied_words": 0,
            "quoted_words": 0,
            "own": 0.0,
            "label": "reports the call",
            "best": False,
            "call": True,
        },
        columns=columns,
    )
