"""The whole workbook on a corpus: pandas on one machine, Dask beyond it.

:func:`run_workbook` runs framing, readability and topics on a loaded corpus in
one process (or two: see below). :func:`run_on_dask` runs the same steps,
segmentation included, on a Dask DataFrame of articles, partition by
partition, and gives the same rows.

On one machine the analyses are scheduled over the two cores: alignment, verbs
and quotation fidelity in this process while a forked worker finds topic
mentions, scores readability and classes the attributions' sources; then reuse,
split over both processes itself, and framing read through the attributions.

On Dask every step is a function of a news article and the official texts it
pairs with, but for two figures of alignment that count over the whole corpus:
how many sentences hold each word (the IDF of the TF-IDF vectors) and how often
each word is capitalised (which words are names). Those are counted per
partition, summed, and handed to every partition's alignment
(:func:`analysis.framing.unit_statistics`), so a partition's scores are the
whole corpus's. Official documents are few: they are segmented, scored and
searched once, in a partition of their own, and each news partition receives
the frames of the ones its articles pair with.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

from analysis import framing, readability, segment, topics
from analysis.corpus import Corpus
from analysis.parallel import both_at_once, process_count
from analysis.schema import ARTICLE_COLUMNS, DOCUMENT_FRAMES, FRAMES

__all__ = [
    "DASK_FRAMES",
    "PARALLEL_MIN_DOCUMENTS",
    "Rules",
    "Workbook",
    "officials_of",
    "run_on_dask",
    "run_workbook",
]

PARALLEL_MIN_DOCUMENTS = 2_000  # below this, one process does it all sooner


@dataclass(frozen=True)
class Rules:
    """Every threshold of the workbook's analyses, in one value that reaches every worker.

    Attributes:
        align: Which sentences are compared and how they are labelled.
        usage: When an official sentence counts as used.
        reuse: The n-gram size, run length and derivation cut-offs.
        fidelity: When a changed quotation is still of an official sentence.
        attributed: When a sentence is somebody's account (:mod:`analysis.framing.attributed`).
    """

    align: framing.AlignRules = framing.AlignRules()
    usage: framing.UsageRules = framing.UsageRules()
    reuse: framing.ReuseRules = framing.ReuseRules()
    fidelity: framing.FidelityRules = framing.FidelityRules()
    attributed: framing.AttributedRules = framing.AttributedRules()


@dataclass
class Workbook:
    """Every analysis of a corpus.

    Attributes:
        framing: :func:`analysis.framing.framing_of`.
        readability: :func:`analysis.readability.suite` of every document loaded
            from a file (derived official texts are parts of those), indexed
            like ``corpus.articles``.
        mentions: :func:`analysis.topics.find_mentions` with the default lexicon.
    """

    framing: framing.Framing
    readability: pd.DataFrame
    mentions: pd.DataFrame


def run_workbook(corpus: Corpus, *, rules: Rules | None = None) -> Workbook:
    """Run framing, readability and topics on a loaded corpus.

    Args:
        corpus: From :func:`analysis.corpus.load_corpus`.
        rules: The thresholds of framing (:class:`Rules`); today's by default.

    Returns:
        The three analyses, equal to running each module's own function.
    """
    rules = rules or Rules()
    files = corpus.articles.loc[corpus.articles["derived_from"] == "", "text"]

    def alignment_side() -> tuple:
        units = framing.units(corpus, rules=rules.align)
        alignment, sources, usage = framing.align(
            corpus, units, rules=rules.align, usage_rules=rules.usage
        )
        return units, alignment, sources, usage, framing.verb_pairs(alignment)

    def other_side() -> tuple:
        # The lightest in memory last: alignment, beside it, peaks near its end.
        # Quotation fidelity is on this side so the two take about as long.
        quotes = framing.quote_fidelity(corpus, rules=rules.fidelity)
        mentions = topics.find_mentions(corpus)
        scores = readability.suite(files)
        return scores, mentions, framing.source_kinds(corpus, rules=rules.attributed), quotes

    two = process_count(len(corpus.articles), PARALLEL_MIN_DOCUMENTS) > 1
    (units, alignment, sources, usage, verbs), (scores, mentions, said, quotes) = both_at_once(
        alignment_side, other_side, two
    )
    result = framing.Framing(
        units=units,
        alignment=alignment,
        sources=sources,
        usage=usage,
        reuse=framing.reuse(corpus, units, rules=rules.reuse),
        verbs=verbs,
        quotes=quotes,
        attributions=said,
    )
    result = framing.read_through(result, rules.attributed)
    return Workbook(framing=result, readability=scores, mentions=mentions)


# --- on Dask ---------------------------------------------------------------------------

# The frames run_on_dask gives: the corpus's, then each analysis's.
_FRAMING_FRAMES = tuple(f"framing_{field.name}" for field in fields(framing.Framing))
DASK_FRAMES = (*FRAMES, *_FRAMING_FRAMES, "readability", "mentions")


def officials_of(articles: pd.DataFrame) -> pd.DataFrame:
    """The official documents of an articles frame (those loaded from files)."""
    return articles[(articles["kind"] == "official") & (articles["derived_from"] == "")]


def run_on_dask(articles, officials: pd.DataFrame | None = None, *, rules: Rules | None = None):
    """Run the whole workbook on a Dask DataFrame of articles, partition by partition.

    Each partition's news articles are segmented with the official texts they
    pair with, then aligned, scored and searched as a corpus of their own, with
    alignment's corpus-wide counts summed over every partition first. Compute
    the frames you want in one call (``dask.compute(*frames.values())``): each
    partition is then segmented and aligned once, however many are asked for.

    Args:
        articles: A ``dask.dataframe.DataFrame`` (or a pandas one) with the
            columns of ``Corpus.articles``: documents loaded from files (rows
            with an empty ``derived_from``), e.g. written to Parquet in batches
            by :func:`analysis.load_corpus`.
        officials: The official documents (rows of the same frame); by default
            selected from ``articles``, which computes that selection once.
            They are expected to fit one partition (a readout is a page).
        rules: The thresholds of framing (:class:`Rules`); the same value
            reaches every worker.

    Returns:
        ``{name: dask DataFrame}`` for every name of :data:`DASK_FRAMES`: the
        corpus's frames, framing's (``framing_units``, ``framing_alignment``,
        ...), ``readability`` (one row per document loaded from a file, with
        its ``article_id``) and ``mentions``. Rows equal the pandas run's;
        they come partition by partition (sort by the id columns to compare).
    """
    import dask
    import dask.dataframe as dd

    rules = rules or Rules()
    if isinstance(articles, pd.DataFrame):
        articles = dd.from_pandas(articles, npartitions=1)
    if officials is None:
        officials = officials_of(articles).compute()
    officials = officials[list(ARTICLE_COLUMNS)].reset_index(drop=True)
    news = articles[articles["kind"] != "official"]
    # Which official documents any article pairs with: their sentences are counted once.
    paired = news["pairs_with"].map(_paired_ids, meta=("pairs_with", object))
    wanted = dask.delayed(_union)(paired.to_delayed())
    official = dask.delayed(_official_partition)(officials, wanted, rules)
    segmented = [dask.delayed(_segment_news)(part, official, rules) for part in news.to_delayed()]
    totals = dask.delayed(framing.UnitStatistics.total)(
        [dask.delayed(_statistics)(part) for part in [official, *segmented]]
    )
    results = [dask.delayed(_frames)(part, totals, rules) for part in [official, *segmented]]
    empty = _official_partition(officials.iloc[:0], set(), rules)
    meta = _frames(empty, framing.unit_statistics(empty.units), rules)
    return {
        name: dd.from_delayed(
            [dask.delayed(operator.getitem)(result, name) for result in results],
            meta=meta[name],
            verify_meta=False,
        )
        for name in DASK_FRAMES
    }


_PARTITION = Path("<Dask partition>")  # the root a partition's corpus names


@dataclass
class _Partition:
    """A partition's corpus, the documents whose rows it owns, and its sentence units."""

    corpus: Corpus
    owned: set[str]
    units: pd.DataFrame
    official: bool = False  # the partition of the official documents


def _paired_ids(pairs_with: str) -> list[str]:
    return [p for p in pairs_with.split(";") if p]


def _union(parts: list[pd.Series]) -> set[str]:
    return {p for part in parts for ids in part for p in ids}


def _official_partition(officials: pd.DataFrame, paired: set[str], rules: Rules) -> _Partition:
    """The official documents, segmented once; their units those some article pairs with."""
    corpus = Corpus.of_frames(
        segment.segment_articles(officials.reset_index(drop=True)), _PARTITION
    )
    units = framing.official_units(corpus, sorted(paired), rules=rules.align)
    return _Partition(corpus, set(corpus.articles["article_id"]), units, official=True)


def _segment_news(part: pd.DataFrame, official: _Partition, rules: Rules) -> _Partition:
    """One partition's news articles segmented, joined by the official documents they pair with."""
    part = part[list(ARTICLE_COLUMNS)].reset_index(drop=True)
    paired = {p for pairs in part["pairs_with"] for p in _paired_ids(pairs)}
    documents = official.corpus.articles
    documents = documents[documents["article_id"].isin(paired)]
    texts = dict(zip(documents["article_id"], documents["text"], strict=True))
    frames = segment.segment_articles(part, texts)
    owned = set(frames["articles"]["article_id"])
    for name in DOCUMENT_FRAMES:
        theirs = getattr(official.corpus, name)
        theirs = theirs[theirs["article_id"].isin(paired)]
        frames[name] = pd.concat([frames[name], theirs], ignore_index=True)
    corpus = Corpus.of_frames(frames, _PARTITION)
    return _Partition(corpus, owned, framing.units(corpus, rules=rules.align))


def _statistics(part: _Partition) -> framing.UnitStatistics:
    """Alignment's counts over the units this partition owns (each unit is owned once)."""
    units = part.units
    return framing.unit_statistics(
        units if part.official else units[units["doc_id"].isin(part.owned)]
    )


def _frames(
    part: _Partition, totals: framing.UnitStatistics, rules: Rules
) -> dict[str, pd.DataFrame]:
    """Every frame of one partition: the rows of the documents it owns."""
    corpus, owned = part.corpus, part.owned
    result = {name: _owned(getattr(corpus, name), owned) for name in FRAMES if name != "pairs"}
    result["pairs"] = corpus.pairs.reset_index(drop=True)
    found = framing.framing_of(
        corpus,
        align_rules=rules.align,
        usage_rules=rules.usage,
        reuse_rules=rules.reuse,
        fidelity_rules=rules.fidelity,
        attributed_rules=rules.attributed,
        frame=part.units,
        statistics=totals,
    )
    for field in fields(framing.Framing):
        frame = getattr(found, field.name)
        if field.name == "units":
            frame = frame if part.official else frame[frame["doc_id"].isin(owned)]
        elif field.name == "attributions":
            frame = frame[frame["article_id"].isin(owned)]
        else:
            frame = frame[frame["news_id"].isin(owned)]
        result[f"framing_{field.name}"] = frame.reset_index(drop=True)
    articles = result["articles"]
    files = articles[articles["derived_from"] == ""]
    scores = readability.suite(files["text"]).reset_index(drop=True)
    scores.insert(0, "article_id", files["article_id"].to_numpy())
    result["readability"] = scores
    result["mentions"] = _owned(topics.find_mentions(corpus), owned)
    return result


def _owned(frame: pd.DataFrame, owned: set[str]) -> pd.DataFrame:
    return frame[frame["article_id"].isin(owned)].reset_index(drop=True)
