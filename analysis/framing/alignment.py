"""Alignment: each journalist sentence against the official sentences it may draw on.

Scores are the cosine of TF-IDF vectors (stemmed content words and bigrams),
the IDF-weighted share of the journalist sentence's content found in the
official one (coverage), and the share of its word 3-grams found there
(containment). A sentence is labelled verbatim, close paraphrase, loose
paraphrase or added by the thresholds of :class:`AlignRules`; the same scores
feed usage (:mod:`analysis.framing.usage`), each official sentence measured by
where the article used it.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp

from analysis.corpus import Corpus
from analysis.framing.rules import AlignRules, UsageRules
from analysis.framing.sentences import units
from analysis.framing.usage import _usage, _usage_evidence
from analysis.framing.vectors import (
    UnitStatistics,
    _grams,
    _matrices,
    _Vectors,
    _WithinDocuments,
)

__all__ = ["align"]

UNION_BATCH_ROWS = 100_000  # expanded rows per batch of _union_coverage: bounds its memory


def align(
    corpus: Corpus,
    frame: pd.DataFrame | None = None,
    *,
    rules: AlignRules = AlignRules(),  # noqa: B008 - frozen, so one shared default is safe
    usage_rules: UsageRules = UsageRules(),  # noqa: B008 - frozen, so one shared default is safe
    statistics: UnitStatistics | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Align journalist sentences with official sentences, for every paired article.

    Scores are the cosine of TF-IDF vectors (stemmed content words and bigrams),
    the IDF-weighted share of the journalist sentence's content found in the
    official one (coverage), and the share of its word 3-grams found there
    (containment). All pairs of the corpus are scored in one sparse product per
    measure: every feature is tagged with the official document it is compared
    within, so a journalist sentence meets only the sentences of the documents its
    article pairs with. No Python loop runs over documents or sentence pairs.

    Args:
        corpus: The loaded corpus.
        frame: The sentences from :func:`units` (computed with ``rules`` if not given).
        rules: How sentences are compared and labelled (:class:`AlignRules`).
        usage_rules: When an official sentence counts as used (:class:`UsageRules`).
        statistics: The whole corpus's counts (:func:`unit_statistics`, summed over
            parts) when ``corpus`` is a part of it; by default counted over ``frame``.

    Returns:
        ``(alignment, sources, usage)``: one row per journalist sentence with its
        best official sentence and label; one row per (journalist sentence,
        official sentence it draws on); one row per (news article, official
        sentence) saying where the article used it.
    """
    frame = units(corpus, rules=rules) if frame is None else frame
    vectors = _matrices(frame["text"], rules=rules, statistics=statistics)
    journalist = np.flatnonzero(frame["side"].to_numpy() == "journalist")
    pairs = _compared_pairs(corpus, frame)
    scored = _scores(vectors, pairs, len(frame), rules, usage_rules)
    cand = scored.cand
    union = _union_coverage(cand, vectors, pairs)
    cand["j_row"] = pairs.e_rows[cand["e"].to_numpy()]
    cand["o_row"] = pairs.o_rows[cand["o"].to_numpy()]
    # Each expanded row's own label against that official document (usage reads it).
    e_label, e_best_o = _row_labels(cand, union, rules)
    evidence = _usage_evidence(
        vectors,
        cand,
        scored.usage,
        pairs.e_rows,
        pairs.o_rows,
        scored.gram_totals,
        frame,
        corpus.quotes,
        usage_rules,
        rules.max_sources,
    )
    evidence["label"] = e_label[evidence["e"].to_numpy()]
    evidence["best"] = e_best_o[evidence["e"].to_numpy()] == evidence["o"].to_numpy()
    vectors.row = vectors.codes = None  # the token stream: needed for 3-grams only
    best = _best_per_sentence(cand, union, pairs.e_rows, journalist, rules)
    alignment = _alignment_table(frame, journalist, best)
    sources = _sources_table(frame, cand, journalist[best.matched])
    return alignment, sources, _usage(corpus, frame, evidence, usage_rules)


class _Pairs(NamedTuple):
    """What is compared: news rows, one per (sentence, official document), and official rows."""

    e_rows: np.ndarray  # the news sentence (a row of the frame) of each expanded row
    e_group: np.ndarray  # the official document it is compared within (a group number)
    o_rows: np.ndarray  # the official sentences (rows of the frame)
    o_group: np.ndarray  # each one's document (a group number)


def _compared_pairs(corpus: Corpus, frame: pd.DataFrame) -> _Pairs:
    """The expanded news rows and the official rows they are compared with.

    The article's other prose is compared too, for usage: a readout quoted word for
    word is a use of it (alignment reports the journalist's sentences only). A
    sentence inside an official text embedded in its article is that text itself,
    not compared with it; documents with no official sentence are left out.
    """
    side = frame["side"].to_numpy()
    official = np.flatnonzero(side == "official")
    compared = np.flatnonzero(side != "official")
    expanded = (
        pd.DataFrame(
            {
                "j_row": compared,
                "news_id": frame["doc_id"].to_numpy()[compared],
                "within": frame["within"].to_numpy()[compared],
            }
        )
        .merge(corpus.pairs[["news_id", "official_id"]], on="news_id")
        .sort_values(["j_row", "official_id"], kind="stable")
    )
    expanded = expanded[expanded["within"] != expanded["official_id"]]
    off = pd.DataFrame({"o_row": official, "official_id": frame["doc_id"].to_numpy()[official]})
    groups = pd.Index(off["official_id"].unique())
    expanded = expanded[expanded["official_id"].isin(groups)]
    return _Pairs(
        expanded["j_row"].to_numpy(),
        groups.get_indexer(expanded["official_id"]),
        off["o_row"].to_numpy(),
        groups.get_indexer(off["official_id"]),
    )


class _Scored(NamedTuple):
    """The scores alignment and usage read, once the large score matrices are dropped."""

    cand: pd.DataFrame  # each expanded row's best official sentences (:func:`_candidates`)
    usage: pd.DataFrame  # pairs holding usage's min_cover of the official sentence
    gram_totals: np.ndarray  # each expanded row's count of distinct 3-grams


def _scores(
    vectors: _Vectors, pairs: _Pairs, rows: int, rules: AlignRules, usage_rules: UsageRules
) -> _Scored:
    """Score every compared pair: cosine, coverage both ways, and 3-gram containment.

    Each matrix is dropped once it has served: on a large corpus they are
    hundreds of MB each, and alignment's peak sets the pipeline's.
    """
    products = _WithinDocuments(vectors.present, *pairs)
    cosine = products(vectors.tfidf.data, vectors.tfidf.data)
    coverage = products(vectors.weighted.data, vectors.present.data)
    # The other way round: the share of the official sentence's content in the news one.
    official_cover = products(vectors.present.data, vectors.weighted.data)
    # 3-grams only where a pair shares content: containment needs shared words.
    near = cosine.maximum(coverage).maximum(official_cover).tocoo()
    wanted = np.zeros(rows, dtype=bool)
    wanted[pairs.o_rows] = True
    wanted[pairs.e_rows[near.row[near.data >= rules.gram_min]]] = True
    del near
    # Usage candidates: pairs where the news sentence holds some of the official one.
    u_e, u_o, u_cover = _at_least(official_cover, usage_rules.min_cover)
    del official_cover
    contain, gram_totals = _containment(vectors, pairs, wanted)
    cand = _candidates(cosine, coverage, contain, rules)
    usage = pd.DataFrame(
        {"e": u_e, "o": u_o, "covered": u_cover, "containment": _entries(contain, u_e, u_o)}
    )
    return _Scored(cand, usage, gram_totals)


def _containment(
    vectors: _Vectors, pairs: _Pairs, wanted: np.ndarray
) -> tuple[sp.csr_matrix, np.ndarray]:
    """Per compared pair, the share of the news row's 3-grams in the official sentence.

    Returns:
        ``(containment, gram_totals)``: the matrix (expanded rows x official rows)
        and each expanded row's count of distinct 3-grams; 3-grams are taken only
        for the ``wanted`` rows of the frame.
    """
    grams = _grams(vectors, len(wanted), wanted)
    shared = _WithinDocuments(grams, *pairs)(grams.data, grams.data)
    gram_totals = np.asarray(grams.sum(axis=1)).ravel()[pairs.e_rows]
    del grams
    return sp.csr_matrix(sp.diags(1.0 / np.maximum(gram_totals, 1)) @ shared), gram_totals


def _candidates(
    cosine: sp.csr_matrix, coverage: sp.csr_matrix, contain: sp.csr_matrix, rules: AlignRules
) -> pd.DataFrame:
    """The best ``max_sources`` official sentences of each expanded row, by their best score.

    Scores equal to 6 decimals are ties (float rounding must not decide), and a
    tie goes to the higher cosine: a short sentence such as "My lord, I will not."
    is fully covered by every sentence naming a lord, but copied from one of them.

    Returns:
        One row per candidate, ordered by row, then score (ties: the lower column),
        so a row's first is its best: ``e``, ``o``, ``score``, ``cosine``,
        ``coverage``, ``containment`` and ``is_source`` (it holds ``source_min``).
    """
    rank = cosine.maximum(coverage).maximum(contain)
    rank.data = np.round(rank.data, 6)
    rank = rank + rules.rank_cosine * cosine
    rows, cols, values = _top_per_row(rank, rules.max_sources)
    del rank
    cand = pd.DataFrame({"e": rows, "o": cols, "score": values})
    e_idx, o_idx = cand["e"].to_numpy(), cand["o"].to_numpy()
    cand["cosine"] = _entries(cosine, e_idx, o_idx)
    cand["coverage"] = _entries(coverage, e_idx, o_idx)
    cand["containment"] = _entries(contain, e_idx, o_idx)
    cand["is_source"] = (cand["coverage"] >= rules.source_min) | (
        cand["containment"] >= rules.source_min
    )
    return cand


def _row_labels(
    cand: pd.DataFrame, union: np.ndarray, rules: AlignRules
) -> tuple[np.ndarray, np.ndarray]:
    """Each expanded row's label against its official document, and its best sentence there.

    Returns:
        ``(labels, best)``: per expanded row, its label and its best candidate's
        column (-1: none).
    """
    e_best = cand.drop_duplicates("e").set_index("e").reindex(np.arange(len(union)))
    labels = _labels(
        e_best["containment"].fillna(0.0).to_numpy(float),
        e_best["cosine"].fillna(0.0).to_numpy(float),
        union,
        rules,
    )
    return labels, e_best["o"].fillna(-1).astype(np.int64).to_numpy()


class _Best(NamedTuple):
    """Per journalist sentence, its best official sentence over all its documents."""

    label: np.ndarray
    cosine: np.ndarray
    containment: np.ndarray
    covered: np.ndarray  # the union coverage, its best over the documents
    official_row: np.ndarray  # the matched official sentence (a row of the frame), or -1
    matched: np.ndarray  # whether it has one: not added


def _best_per_sentence(
    cand: pd.DataFrame,
    union: np.ndarray,
    e_rows: np.ndarray,
    journalist: np.ndarray,
    rules: AlignRules,
) -> _Best:
    """Each journalist sentence's best candidate (ties: the lower official row), and its label."""
    best = (
        cand.sort_values(["j_row", "score", "o_row"], ascending=[True, False, True], kind="stable")
        .drop_duplicates("j_row")
        .set_index("j_row")
        .reindex(journalist)
    )
    union_share = (
        pd.Series(union).groupby(e_rows).max().reindex(journalist).fillna(0.0).to_numpy(float)
    )
    cos_best = best["cosine"].fillna(0.0).to_numpy(float)
    contain_best = best["containment"].fillna(0.0).to_numpy(float)
    label = _labels(contain_best, cos_best, union_share, rules)
    best_o = best["o_row"].fillna(-1).astype(int).to_numpy()
    matched = (label != "added") & (best_o >= 0)
    return _Best(label, cos_best, contain_best, union_share, np.where(matched, best_o, -1), matched)


def _column(frame: pd.DataFrame, name: str, at: np.ndarray, fill=None):
    """``frame[name]`` at rows ``at`` (-1: ``fill``), taken from the frame's own array.

    Strings are never converted: the column's array takes the rows.
    """
    if fill is None:
        return frame[name].array.take(at)
    return frame[name].array.take(at, allow_fill=True).fillna(fill)


def _alignment_table(frame: pd.DataFrame, journalist: np.ndarray, best: _Best) -> pd.DataFrame:
    """One row per journalist sentence: its place, its label, scores and best official sentence."""
    official_row = best.official_row
    return pd.DataFrame(
        {
            "news_id": _column(frame, "doc_id", journalist),
            "sent_no": _column(frame, "sent_no", journalist),
            "location": _column(frame, "location", journalist),
            "start": _column(frame, "start", journalist),
            "end": _column(frame, "end", journalist),
            "text": _column(frame, "text", journalist),
            "label": best.label,
            "cosine": np.round(best.cosine, 3),
            "containment": np.round(best.containment, 3),
            "covered": np.round(best.covered, 3),
            "official_id": _column(frame, "doc_id", official_row, ""),
            "official_sent_no": np.where(
                best.matched, frame["sent_no"].to_numpy()[np.maximum(official_row, 0)], -1
            ),
            "official_text": _column(frame, "text", official_row, ""),
        }
    )


def _sources_table(frame: pd.DataFrame, cand: pd.DataFrame, matched: np.ndarray) -> pd.DataFrame:
    """One row per (matched journalist sentence, official sentence it draws on), with scores."""
    chosen = cand[cand["is_source"] & cand["j_row"].isin(matched)]
    j_at, o_at = chosen["j_row"].to_numpy(), chosen["o_row"].to_numpy()
    return pd.DataFrame(
        {
            "news_id": _column(frame, "doc_id", j_at),
            "sent_no": _column(frame, "sent_no", j_at),
            "location": _column(frame, "location", j_at),
            "official_id": _column(frame, "doc_id", o_at),
            "official_sent_no": _column(frame, "sent_no", o_at),
            "cosine": np.round(chosen["cosine"].to_numpy(float), 3),
            "coverage": np.round(chosen["coverage"].to_numpy(float), 3),
            "containment": np.round(chosen["containment"].to_numpy(float), 3),
        }
    )


def _labels(
    containment: np.ndarray, cosine: np.ndarray, union: np.ndarray, rules: AlignRules
) -> np.ndarray:
    """Sentence labels from the best match's containment and cosine, and union coverage."""
    return np.select(
        [
            containment >= rules.verbatim,
            (cosine >= rules.close_cosine) | (containment >= rules.close_containment),
            union >= rules.loose_union,
        ],
        ["verbatim", "close paraphrase", "loose paraphrase"],
        default="added",
    ).astype(object)


def _at_least(matrix: sp.spmatrix, floor: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(rows, cols, values)`` of the entries of a sparse matrix at or above ``floor``."""
    coo = sp.coo_matrix(matrix)
    keep = coo.data >= floor
    return coo.row[keep].astype(np.int64), coo.col[keep].astype(np.int64), coo.data[keep]


def _entries(matrix: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """``matrix[rows, cols]`` as a flat array; empty, not a sparse matrix, for no entries.

    (scipy gives a 1 x 0 sparse matrix for empty index arrays: a corpus with no
    pairs has no candidates at all.)
    """
    if not len(rows):
        return np.zeros(0)
    return np.asarray(matrix[rows, cols]).ravel()


def _union_coverage(cand: pd.DataFrame, vectors: _Vectors, pairs: _Pairs) -> np.ndarray:
    """Per expanded row, the weighted share of its content found in any of its sources.

    The sources are the candidates marked ``is_source``. Taken a batch of rows at a
    time: the product's features and a copy of the weighted rows, for every row at
    once, were alignment's largest allocation.
    """
    e_rows, o_rows = pairs.e_rows, pairs.o_rows
    chosen = cand[cand["is_source"]]
    pick = sp.csr_matrix(
        (np.ones(len(chosen)), (chosen["e"], chosen["o"])), shape=(len(e_rows), len(o_rows))
    )
    official_present = vectors.present[o_rows]
    union = np.zeros(len(e_rows))
    for lo in range(0, len(e_rows), UNION_BATCH_ROWS):
        hi = min(lo + UNION_BATCH_ROWS, len(e_rows))
        found = (pick[lo:hi] @ official_present) > 0
        union[lo:hi] = np.asarray(
            vectors.weighted[e_rows[lo:hi]].multiply(found).sum(axis=1)
        ).ravel()
    return union


def _top_per_row(matrix: sp.spmatrix, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ``k`` largest positive entries of every row of a sparse matrix.

    Vectorised: each round takes every row's maximum with ``np.maximum.reduceat``
    over the CSR data and removes it; ties go to the lower column.

    Returns:
        ``(rows, cols, values)`` ordered by row, then by value (largest first).
    """
    matrix = sp.csr_matrix(matrix)
    matrix.sort_indices()
    data = matrix.data.astype(float)
    counts = np.diff(matrix.indptr)
    row_of = np.repeat(np.arange(matrix.shape[0]), counts)
    starts = matrix.indptr[:-1][counts > 0]
    found = []
    for rank in range(k):
        if not len(starts):
            break
        best = np.full(matrix.shape[0], -np.inf)
        best[counts > 0] = np.maximum.reduceat(data, starts)
        hits = np.flatnonzero((data == best[row_of]) & (data > 0))
        first = hits[np.r_[True, row_of[hits][1:] != row_of[hits][:-1]]] if len(hits) else hits
        found.append((row_of[first], matrix.indices[first], data[first], np.full(len(first), rank)))
        data[first] = -np.inf
    if not found:
        return np.zeros(0, int), np.zeros(0, int), np.zeros(0)
    rows, cols, values, ranks = (np.concatenate(parts) for parts in zip(*found, strict=True))
    order = np.lexsort((ranks, rows))
    return rows[order], cols[order], values[order]
