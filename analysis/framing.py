"""Framing: how the journalist rewrote the official text.

For every news article and each official text it reports on (found embedded in
the article, or loaded from its own file and named in ``pairs_with``), this
module measures:

* **reuse**: word 3-gram containment in both directions (as in the METER
  project, Clough et al. 2002), coverage by shared character runs of 15 or more
  (as Churnalism did), the longest shared runs, and a derivation class;
* **alignment**: each journalist sentence against its best official
  sentence(s), labelled verbatim, close paraphrase, loose paraphrase or added;
  and each official sentence by where the article used it: headline, lede,
  body, or omitted;
* **verbs**: the reporting verbs of each aligned pair, graded by the lexicon in
  ``data/verbs.toml``, and the shift from the official verb to the journalist's;
* **quote fidelity**: each quotation checked against the official texts;
* **distinctive words**: log-odds ratios with an informative Dirichlet prior
  (Monroe, Colaresi & Quinn 2008) taken from a background English frequency list.

"Journalist text" is the article's headline and journalist blocks, plus any
sentence it copies word for word from a paired document without attribution;
"official text" is the official document's sentences. Every row keeps ids and character
offsets into ``articles.text``.

Thresholds: the 3-level derivation scheme is METER's (wholly, partially,
non-derived; Clough, Gaizauskas, Piao & Wilks 2002, "METER: MEasuring TExt
Reuse", ACL). METER learned its cut-offs from its annotated corpus and does not
publish one pair of values, so the values below are ours, chosen on the
hand-made pairs in ``tests/fixtures/framing`` and stated here so that an analyst
can change them: an article is *wholly derived* when at least
``WHOLLY_DERIVED`` (0.6) of its journalist-text 3-grams occur in the official
text, *partially derived* from ``PARTIALLY_DERIVED`` (0.15), otherwise
*non-derived*. Sentence labels use ``VERBATIM``, ``CLOSE_COSINE``,
``CLOSE_CONTAINMENT`` and ``LOOSE_UNION`` below.
"""

from __future__ import annotations

import difflib
import html
import math
import re
import textwrap
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import partial
from itertools import chain
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from analysis._arrays import (
    count_runs,
    number,
    owners,
    python_table,
    ranges,
    strings,
    tokens,
)
from analysis.corpus import Corpus
from analysis.errors import VerbLexiconError
from analysis.parallel import balanced_parts, fork_map, process_count
from analysis.resources import shipped_data
from analysis.schema import JOURNALIST_ROLES
from analysis.text import Normalised, light_stem, normalise

__all__ = [
    "Framing",
    "VerbLexicon",
    "analyse",
    "align",
    "distinctive_words",
    "load_verbs",
    "quote_fidelity",
    "reuse",
    "side_by_side",
]

NGRAM = 3
MIN_RUN_CHARS = 15
REUSE_BATCH_SENTENCES = 50_000  # journalist sentences per batch of reuse(): bounds its memory
PARALLEL_MIN_SENTENCES = 100_000  # from here, reuse() shares its batches between two processes
WHOLLY_DERIVED = 0.6
PARTIALLY_DERIVED = 0.15
# Sentence labels (thresholds ours, calibrated on the seed and tests/fixtures; see the
# module docstring): verbatim when this share of the sentence's word 3-grams are in
# one official sentence; close paraphrase at this TF-IDF cosine or 3-gram share;
# loose paraphrase when the official sentences it draws on (each covering at least
# SOURCE_MIN of its weighted content words) together cover LOOSE_UNION; else added.
VERBATIM = 0.75
CLOSE_COSINE = 0.5
CLOSE_CONTAINMENT = 0.35
LOOSE_UNION = 0.2
SOURCE_MIN = 0.06
MAX_SOURCES = 3  # official sentences kept per journalist sentence
RANK_COSINE = 1e-7  # cosine's weight in ranking candidates: decides ties of the best score
MIN_UNIT_WORDS = 3  # sentences with fewer words are not compared
GRAM_MIN = 0.15  # 3-gram containment is computed where cosine or coverage reaches this
NAME_SHARE = 0.8  # a word capitalised in this share of its non-initial uses is a name
NAME_WEIGHT = 0.3  # names' weight in the TF-IDF vectors
# A news article's other prose, where it may use an official sentence (usage only).
USAGE_ROLES = ("quote", "official", "embed")
_FOLD = str.maketrans({"’": "'", "‘": "'"})
_STOP = frozenset(ENGLISH_STOP_WORDS) | {"s", "t", "jr", "mr", "mrs", "ms"}


@dataclass
class Framing:
    """The framing analysis of a corpus; every frame keeps ids and offsets.

    Attributes:
        units: Journalist and official sentences compared, one row each.
        alignment: One row per journalist sentence: its best official sentence and label.
        sources: One row per (journalist sentence, official sentence it draws on).
        usage: One row per (news article, official sentence): where the article used it.
        reuse: One row per (news article, official document): containment, runs, class.
        verbs: One row per aligned pair: official and journalist verbs, grades, shift.
        quotes: One row per quotation in a news article: fidelity to the official texts.
    """

    units: pd.DataFrame
    alignment: pd.DataFrame
    sources: pd.DataFrame
    usage: pd.DataFrame
    reuse: pd.DataFrame
    verbs: pd.DataFrame
    quotes: pd.DataFrame

    def verb_shift(self) -> pd.DataFrame:
        """Mean verb shift per news article, over aligned pairs where both sides have a verb."""
        scored = self.verbs.dropna(subset=["shift"])
        return (
            scored.groupby("news_id")
            .agg(pairs=("shift", "size"), mean_shift=("shift", "mean"), max_shift=("shift", "max"))
            .reset_index()
        )

    def sources_followed(self) -> pd.DataFrame:
        """Per news article and official document: how many journalist sentences follow it."""
        followed = self.alignment[self.alignment["label"] != "added"]
        table = (
            followed.groupby(["news_id", "official_id"]).size().rename("sentences").reset_index()
        )
        table["share"] = table["sentences"] / table.groupby("news_id")["sentences"].transform("sum")
        return table


# --- units --------------------------------------------------------------------------


def units(corpus: Corpus) -> pd.DataFrame:
    """The sentences to compare: journalist text of paired news articles, official sentences.

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
    official = sentences[
        sentences["article_id"].isin(official_ids) & (sentences["role"] == "official")
    ].copy()
    official["location"] = ""
    official["side"] = "official"
    official["within"] = ""
    columns = [
        "side", "article_id", "sent_no", "block_no", "start", "end", "text", "location", "within"
    ]  # fmt: skip
    frame = pd.concat([news[columns], official[columns]], ignore_index=True)
    # Fragments such as a paragraph number ("1.") or a bare dateline carry nothing to compare.
    # Words of two letters or more (re's [^\W\d_]{2,}).
    words = count_runs(frame["text"].tolist(), r"[^\W\d_]", min_length=2)
    frame = frame[words >= MIN_UNIT_WORDS].reset_index(drop=True)
    return frame.rename(columns={"article_id": "doc_id"})


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


# --- vectors ------------------------------------------------------------------------


# Word tokens are ``re``'s ``\w+``; a hyphen before a letter (``[^\W\d_]``) joins
# words, so "build-up" and "buildup" are one word.
_HYPHENS = (ord("-"), 0x2010, 0x2011)  # hyphen-minus, hyphen, non-breaking hyphen


def _joining_hyphens(points: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Hyphens followed, in the same text, by a letter: they join two words into one."""
    letter = python_table(r"[^\W\d_]")
    hyphen = np.flatnonzero(
        (points == _HYPHENS[0]) | (points == _HYPHENS[1]) | (points == _HYPHENS[2])
    )
    after = np.minimum(hyphen + 1, max(len(points) - 1, 0))
    text_end = starts[owners(hyphen, starts) + 1]
    joining = np.zeros(len(points), dtype=bool)
    joining[hyphen[(hyphen + 1 < text_end) & letter[points[after]]]] = True
    return joining


class _Tokens(NamedTuple):
    """The tokens of every text, as the vectors see them (see :func:`_tokenize`)."""

    row: np.ndarray  # the text each token is in
    codes: np.ndarray  # its word, lower-cased, hyphens left out ("build-up": "buildup")
    vocabulary: np.ndarray  # each code's word
    name_share: np.ndarray  # per word: share of its non-initial uses that are capitalised


def _tokenize(texts: pd.Series) -> _Tokens:
    """Tokens of every text, with each word's share of capitalised uses."""
    row, _, _, forms = tokens(texts.tolist(), r"\w", joins=_joining_hyphens)
    cased_codes, cased = number(forms.chunks)
    # Fold case on the (few) distinct forms, not on every token.
    codes_of_cased, vocabulary = pd.factorize(pd.Index(cased, dtype=object).str.lower())
    codes = codes_of_cased[cased_codes]
    capital = np.array([w[:1].isupper() for w in cased], dtype=float)[cased_codes]
    initial = np.r_[True, row[1:] != row[:-1]] if len(row) else np.zeros(0, dtype=bool)
    seen = np.bincount(codes[~initial], minlength=len(vocabulary)).astype(float)
    capitalised = np.bincount(codes[~initial], weights=capital[~initial], minlength=len(vocabulary))
    name_share = np.divide(capitalised, seen, out=np.zeros(len(vocabulary)), where=seen > 0)
    return _Tokens(row, codes, np.asarray(vocabulary, dtype=object), name_share)


class _RunStream(NamedTuple):
    """The words of some sentences as copied runs see them (see :func:`_run_stream`)."""

    row: np.ndarray  # the sentence (a row of the frame) each word is in, ascending
    codes: np.ndarray  # the word, lower-cased
    start: np.ndarray  # its offset in its sentence


def _run_stream(texts: pd.Series, rows: np.ndarray) -> _RunStream:
    r"""The words (``re``'s ``\w+``, lower-cased) of the sentences ``rows`` (ascending).

    Unlike the vectors' tokens, a hyphen always separates words: a copy that
    writes "India-US" for "India – US" repeats both words. Only the sentences of
    pairs that share 3-grams are tokenized again, a small part of a corpus.
    """
    local, start, _, forms = tokens(texts.iloc[rows].tolist(), r"\w")
    form_codes, distinct = number(forms.chunks)
    codes_of_form, _ = pd.factorize(pd.Index(distinct, dtype=object).str.lower())
    return _RunStream(rows[local], codes_of_form[form_codes].astype(np.int64), start)


@dataclass
class _Vectors:
    """Sentence vectors and the token stream they came from.

    TF-IDF (unit rows), IDF-weighted coverage rows, binary features, and each
    token's row and word code (for 3-grams, built only where needed).
    """

    tfidf: sp.csr_matrix
    weighted: sp.csr_matrix
    present: sp.csr_matrix
    row: np.ndarray
    codes: np.ndarray
    words: int
    is_name: np.ndarray  # per feature: a name or title (weighs NAME_WEIGHT)


def _matrices(texts: pd.Series) -> _Vectors:
    """Vectors of every text: features are stemmed content words and content-word bigrams."""
    n = len(texts)
    row, codes, vocabulary, name_share = _tokenize(texts)
    # Content words, stemmed: vocabulary entries that share a stem become one feature.
    keep = np.array([w not in _STOP and not w.isdigit() for w in vocabulary], dtype=bool)
    stems, stem_codes = np.unique([light_stem(w) for w in vocabulary], return_inverse=True)
    # Names and titles recur in every sentence about an event; they say who, not what.
    is_name = np.zeros(len(stems), dtype=bool)
    is_name[stem_codes[name_share >= NAME_SHARE]] = True
    content = keep[codes]
    c_rows, c_stems = row[content], stem_codes[codes[content]].astype(np.int64)
    # Bigrams of consecutive content words in the same text ("election interference").
    same = c_rows[1:] == c_rows[:-1]
    pair_keys = c_stems[:-1][same] * len(stems) + c_stems[1:][same]
    pair_codes, pair_uniques = pd.factorize(pair_keys)  # hashing: faster than sorting
    feature_rows = np.concatenate([c_rows, c_rows[1:][same]])
    features = np.concatenate([c_stems, len(stems) + pair_codes])
    width = len(stems) + (int(pair_codes.max()) + 1 if len(pair_codes) else 0)
    counts = sp.csr_matrix((np.ones(len(features)), (feature_rows, features)), shape=(n, width))
    counts.sum_duplicates()
    # The three matrices share one index structure; only their values differ.
    present = sp.csr_matrix(
        (np.ones(len(counts.data)), counts.indices, counts.indptr), shape=counts.shape
    )
    df = np.bincount(present.indices, minlength=width)
    idf = np.log((1 + n) / (1 + df)) + 1.0
    pair_first, pair_second = np.divmod(pair_uniques, len(stems)) if len(pair_keys) else ([], [])
    feature_is_name = np.concatenate([is_name, is_name[pair_first] & is_name[pair_second]])
    idf = np.where(feature_is_name, NAME_WEIGHT * idf, idf)
    counts.data = 1.0 + np.log(counts.data)  # sublinear term frequency
    tfidf = _weighted_rows(counts, idf, squared=True)
    del counts  # its values, not its index structure, which tfidf shares
    weighted = _weighted_rows(present, idf, squared=False)
    return _Vectors(
        sp.csr_matrix(tfidf),
        sp.csr_matrix(weighted),
        sp.csr_matrix(present),
        row,
        codes,
        len(vocabulary),
        feature_is_name,
    )


def _grams(vectors: _Vectors, n: int, wanted: np.ndarray) -> sp.csr_matrix:
    """Binary word 3-grams (stop words kept) of the texts where ``wanted`` is true.

    Other rows stay empty: 3-gram containment is only needed for sentences that
    share content with an official sentence, a small part of a large corpus.
    """
    row, codes = vectors.row, vectors.codes
    same = (row[2:] == row[:-2]) & wanted[row[2:]]
    v = np.int64(vectors.words + 1)
    first, middle, last = codes[:-2][same], codes[1:-1][same], codes[2:][same]
    keys = (first.astype(np.int64) * v + middle) * v + last
    gram_codes, _ = pd.factorize(keys)
    grams = sp.csr_matrix(
        (np.ones(len(keys)), (row[2:][same], gram_codes)),
        shape=(n, int(gram_codes.max()) + 1 if len(gram_codes) else 0),
    )
    grams.data[:] = 1.0  # a 3-gram repeated in a sentence counts once
    return grams


def _weighted_rows(matrix: sp.csr_matrix, weights: np.ndarray, squared: bool) -> sp.csr_matrix:
    """Columns multiplied by ``weights``, then rows scaled to unit length (``squared``) or sum one.

    Works on the CSR arrays directly: a product with a diagonal matrix and a row-sum
    would each copy the matrix.
    """
    data = matrix.data * weights[matrix.indices]
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    norms = np.bincount(rows, weights=data * data if squared else data, minlength=matrix.shape[0])
    norms = np.sqrt(norms) if squared else norms
    norms[norms == 0] = 1.0
    scale = norms[rows]
    del rows  # one array the size of the matrix's values at a time, besides them
    data /= scale
    return sp.csr_matrix((data, matrix.indices, matrix.indptr), shape=matrix.shape)


# --- alignment ----------------------------------------------------------------------


@dataclass(frozen=True)
class UsageRules:
    """When a news article used an official sentence, word for word or in other words.

    Usage is measured from the official sentence's side: how much of *it* a news
    sentence holds (``covered``: the IDF-weighted share of its content words, names
    weighing ``NAME_WEIGHT``), and the longest run of its words that a news
    sentence repeats in order (``copied_words``). Any of the article's prose
    counts (headline, reporter's text, quotations, the official text it carries,
    embedded posts), not boilerplate or captions.

    Attributes:
        verbatim_run: A run of this many words copied in order is a clause copied
            word for word: shorter shared runs are names, titles and set phrases
            ("the two leaders agreed to"), which any report of the event repeats.
        verbatim_share: A run covering this share of a short official sentence is
            the whole sentence copied ("They agreed to speak soon.").
        min_run: Runs shorter than this are not measured (a 3-gram is the shortest
            copy the 3-gram index finds).
        quoted_words: Quotation marks are the journalist saying "these are the
            source's words": a run of this many words inside one quotation, found in
            order in the official sentence, is a verbatim use of it, well short of
            ``verbatim_run``. Six words make a clause; five or fewer are often a set
            phrase or a place's name, which any report repeats in quotation marks.
        quoted_share: ...when the run holds this share of the quotation's words in
            that sentence: the quotation is the official wording, not a remark of
            another speaker that shares a phrase with it.
        paraphrase_cover: A news sentence that matches the official one best (of
            that document's sentences), and is a match by the alignment labels (not
            "added"), conveys it in other words when it holds this share of it.
        own_cover: A news sentence whose best match is another official sentence
            conveys this one too only when it holds this share of it: a sentence
            pulled in by a paraphrase's union coverage contributes little of its own.
        strong_cover: A news sentence holding this share of the official one conveys
            it whatever else it says (a long sentence that merges several).
        own_share: A headline sums a story up in a few words, a word or two from
            each official sentence it draws on: it conveys each of its sources
            that contributes this share of its content, names aside, that no
            better source of it matches. (In prose, a source that contributes so
            little is one pulled in by the names and set phrases it shares.)
        min_cover: Pairs below this share are not considered at all (speed); at or
            above it, a news sentence whose best match is this official sentence
            marks where its content reached, once the sentence is used somewhere.
    """

    verbatim_run: int = 12
    verbatim_share: float = 0.75
    min_run: int = 3
    quoted_words: int = 6
    quoted_share: float = 0.8
    paraphrase_cover: float = 0.15
    own_cover: float = 0.3
    strong_cover: float = 0.4
    own_share: float = 0.05
    min_cover: float = 0.1


class _WithinDocuments:
    """Products of news rows with official rows, only within the same official document.

    Each feature is tagged with its row's document, ``(group, feature)``, and the
    tags are numbered over those the official rows hold, so a product has the
    width of the official side's non-zeros, not groups x features. The tagging is
    done once for matrices sharing one index structure (the TF-IDF, weighted and
    binary vectors): each product then only takes its values.

    Args:
        structure: A matrix with the index structure of those to multiply.
        e_rows: The news rows (rows of ``structure``), one per (sentence, document).
        e_group: The official document each is compared within.
        o_rows: The official rows.
        o_group: Each one's document.
    """

    def __init__(self, structure: sp.csr_matrix, e_rows, e_group, o_rows, o_group) -> None:
        structure = sp.csr_matrix(structure)
        width = np.int64(structure.shape[1])
        # Positions into the matrices' values stand in for the values.
        at = sp.csr_matrix(
            (np.arange(structure.nnz, dtype=np.float64), structure.indices, structure.indptr),
            shape=structure.shape,
        )
        off = at[o_rows]
        off_keys = np.repeat(o_group.astype(np.int64), np.diff(off.indptr)) * width + off.indices
        off_ids, vocabulary = pd.factorize(off_keys)
        jour = at[e_rows]
        jour_rows = np.repeat(np.arange(len(e_rows)), np.diff(jour.indptr))
        # Most news features occur in no official sentence: drop them with a mask
        # before the (slower) lookup of (document, feature) tags.
        in_official = np.zeros(structure.shape[1], dtype=bool)
        in_official[off.indices] = True
        useful = np.flatnonzero(in_official[jour.indices])
        jour_keys = e_group.astype(np.int64)[jour_rows[useful]] * width + jour.indices[useful]
        tag = pd.Index(vocabulary).get_indexer(jour_keys)
        known = useful[tag >= 0]
        self.left = sp.csr_matrix(
            (jour.data[known], (jour_rows[known], tag[tag >= 0])),
            shape=(len(e_rows), len(vocabulary)),
        )
        off_rows_of = np.repeat(np.arange(len(o_rows)), np.diff(off.indptr))
        self.right = sp.csc_matrix(
            (off.data, (off_ids, off_rows_of)), shape=(len(vocabulary), len(o_rows))
        )
        # Where each stored value of the two sides comes from in a matrix's values.
        self.left_from = self.left.data.astype(np.int64)
        self.right_from = self.right.data.astype(np.int64)

    def __call__(self, news_values: np.ndarray, official_values: np.ndarray) -> sp.csr_matrix:
        """The product of two matrices of this structure, given by their values (``.data``)."""
        left = sp.csr_matrix(
            (news_values[self.left_from], self.left.indices, self.left.indptr),
            shape=self.left.shape,
        )
        right = sp.csc_matrix(
            (official_values[self.right_from], self.right.indices, self.right.indptr),
            shape=self.right.shape,
        )
        return sp.csr_matrix(left @ right)


def align(
    corpus: Corpus,
    frame: pd.DataFrame | None = None,
    usage_rules: UsageRules = UsageRules(),  # noqa: B008 - frozen, so one shared default is safe
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
        frame: The sentences from :func:`units` (computed if not given).
        usage_rules: When an official sentence counts as used (:class:`UsageRules`).

    Returns:
        ``(alignment, sources, usage)``: one row per journalist sentence with its
        best official sentence and label; one row per (journalist sentence,
        official sentence it draws on); one row per (news article, official
        sentence) saying where the article used it.
    """
    frame = units(corpus) if frame is None else frame
    vectors = _matrices(frame["text"])
    side = frame["side"].to_numpy()
    journalist = np.flatnonzero(side == "journalist")
    official = np.flatnonzero(side == "official")
    # The article's other prose is compared too, for usage: a readout quoted word for
    # word is a use of it. Alignment reports the journalist's sentences only.
    compared = np.flatnonzero(side != "official")
    # One row per (news sentence, official document its article pairs with); a
    # sentence inside an official text embedded in its article is that text itself.
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
    e_rows = expanded["j_row"].to_numpy()
    e_group = groups.get_indexer(expanded["official_id"])
    o_rows = off["o_row"].to_numpy()
    o_group = groups.get_indexer(off["official_id"])

    products = _WithinDocuments(vectors.present, e_rows, e_group, o_rows, o_group)

    # Each matrix below is dropped once it has served: on a large corpus they are
    # hundreds of MB each, and alignment's peak sets the pipeline's.
    cosine = products(vectors.tfidf.data, vectors.tfidf.data)
    coverage = products(vectors.weighted.data, vectors.present.data)
    # The other way round: the share of the official sentence's content in the news one.
    official_cover = products(vectors.present.data, vectors.weighted.data)
    # 3-grams only where a pair shares content: containment needs shared words.
    near = cosine.maximum(coverage).maximum(official_cover).tocoo()
    wanted = np.zeros(len(frame), dtype=bool)
    wanted[o_rows] = True
    wanted[e_rows[near.row[near.data >= GRAM_MIN]]] = True
    del near
    # Usage candidates: pairs where the news sentence holds some of the official one.
    u_e, u_o, u_cover = _at_least(official_cover, usage_rules.min_cover)
    del official_cover
    grams = _grams(vectors, len(frame), wanted)
    shared = _WithinDocuments(grams, e_rows, e_group, o_rows, o_group)(grams.data, grams.data)
    gram_totals = np.asarray(grams.sum(axis=1)).ravel()[e_rows]
    del grams
    contain = sp.csr_matrix(sp.diags(1.0 / np.maximum(gram_totals, 1)) @ shared)
    del shared

    # The best MAX_SOURCES official sentences of each expanded row, by their best
    # score. Scores equal to 6 decimals are ties (float rounding must not decide), and
    # a tie goes to the higher cosine: a short sentence such as "My lord, I will not."
    # is fully covered by every sentence naming a lord, but copied from one of them.
    rank = cosine.maximum(coverage).maximum(contain)
    rank.data = np.round(rank.data, 6)
    rank = rank + RANK_COSINE * cosine
    rows, cols, values = _top_per_row(rank, MAX_SOURCES)
    del rank
    cand = pd.DataFrame({"e": rows, "o": cols, "score": values})
    e_idx, o_idx = cand["e"].to_numpy(), cand["o"].to_numpy()
    cand["cosine"] = _entries(cosine, e_idx, o_idx)
    cand["coverage"] = _entries(coverage, e_idx, o_idx)
    cand["containment"] = _entries(contain, e_idx, o_idx)
    u_contain = _entries(contain, u_e, u_o)
    del cosine, coverage, contain
    cand["is_source"] = (cand["coverage"] >= SOURCE_MIN) | (cand["containment"] >= SOURCE_MIN)
    # Union coverage: the share of the sentence's weighted content found in any source.
    chosen = cand[cand["is_source"]]
    pick = sp.csr_matrix(
        (np.ones(len(chosen)), (chosen["e"], chosen["o"])), shape=(len(e_rows), len(o_rows))
    )
    union = _union_coverage(pick, vectors, e_rows, o_rows)
    cand["j_row"] = e_rows[e_idx]
    cand["o_row"] = o_rows[o_idx]
    # Each expanded row's own label against that official document (usage reads it).
    # ``cand`` is ordered by row, then score (ties: the lower column): a row's first is its best.
    e_best = cand.drop_duplicates("e").set_index("e").reindex(np.arange(len(e_rows)))
    e_label = _labels(
        e_best["containment"].fillna(0.0).to_numpy(float),
        e_best["cosine"].fillna(0.0).to_numpy(float),
        union,
    )
    e_best_o = e_best["o"].fillna(-1).astype(np.int64).to_numpy()
    candidates = pd.DataFrame({"e": u_e, "o": u_o, "covered": u_cover, "containment": u_contain})
    evidence = _usage_evidence(
        vectors, cand, candidates, e_rows, o_rows, gram_totals, frame, corpus.quotes, usage_rules
    )
    evidence["label"] = e_label[evidence["e"].to_numpy()]
    evidence["best"] = e_best_o[evidence["e"].to_numpy()] == evidence["o"].to_numpy()
    vectors.row = vectors.codes = None  # the token stream: needed for 3-grams only

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
    label = _labels(contain_best, cos_best, union_share)
    best_o = best["o_row"].fillna(-1).astype(int).to_numpy()
    matched = (label != "added") & (best_o >= 0)
    # Columns are taken from the frame's own arrays, so strings are never converted.
    official_row = np.where(matched, best_o, -1)

    def column(name: str, at: np.ndarray, fill=None):
        if fill is None:
            return frame[name].array.take(at)
        return frame[name].array.take(at, allow_fill=True).fillna(fill)

    alignment = pd.DataFrame(
        {
            "news_id": column("doc_id", journalist),
            "sent_no": column("sent_no", journalist),
            "location": column("location", journalist),
            "start": column("start", journalist),
            "end": column("end", journalist),
            "text": column("text", journalist),
            "label": label,
            "cosine": np.round(cos_best, 3),
            "containment": np.round(contain_best, 3),
            "covered": np.round(union_share, 3),
            "official_id": column("doc_id", official_row, ""),
            "official_sent_no": np.where(
                matched, frame["sent_no"].to_numpy()[np.maximum(official_row, 0)], -1
            ),
            "official_text": column("text", official_row, ""),
        }
    )

    # Sources: the official sentences a matched journalist sentence draws on.
    chosen = cand[cand["is_source"] & cand["j_row"].isin(journalist[matched])]
    j_at, o_at = chosen["j_row"].to_numpy(), chosen["o_row"].to_numpy()
    sources = pd.DataFrame(
        {
            "news_id": column("doc_id", j_at),
            "sent_no": column("sent_no", j_at),
            "location": column("location", j_at),
            "official_id": column("doc_id", o_at),
            "official_sent_no": column("sent_no", o_at),
            "cosine": np.round(chosen["cosine"].to_numpy(float), 3),
            "coverage": np.round(chosen["coverage"].to_numpy(float), 3),
            "containment": np.round(chosen["containment"].to_numpy(float), 3),
        }
    )
    return alignment, sources, _usage(corpus, frame, evidence, usage_rules)


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
) -> pd.DataFrame:
    """Per (expanded row, official sentence) that may be a use: how much, how copied, how own.

    The pairs are those holding ``min_cover`` of the official sentence
    (``candidates``) and the sources alignment found (``cand``). Each gets
    ``covered`` (the official sentence's share found in the news sentence),
    ``copied_words`` (the longest run of its words, in order), ``quoted_words``
    (the longest inside a quotation that is the official wording: ``quotes`` are
    the corpus's), ``official_words`` and ``own`` (the share of the news
    sentence's content, names aside, that this source matches and no
    better-ranked source of the same sentence does: what it contributes).
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
            vectors, both.loc[ranked, ["e", "o", "rank"]], e_rows, o_rows
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
    vectors: _Vectors, ranked: pd.DataFrame, e_rows: np.ndarray, o_rows: np.ndarray
) -> np.ndarray:
    """Each source's share of its news sentence's content (names aside) that no better source has.

    ``ranked`` holds each news sentence's sources in rank order (``rank`` 0 the
    best), at most ``MAX_SOURCES`` of them, consecutive.
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
    for back in range(1, MAX_SOURCES):
        above = present[np.maximum(at - back, 0)]
        earlier = earlier + sp.diags((rank >= back).astype(float)) @ above
    overlap = matched.multiply(earlier > 0)
    own -= np.asarray(overlap.sum(axis=1)).ravel()
    return np.maximum(own, 0.0)


def _labels(containment: np.ndarray, cosine: np.ndarray, union: np.ndarray) -> np.ndarray:
    """Sentence labels from the best match's containment and cosine, and union coverage."""
    return np.select(
        [
            containment >= VERBATIM,
            (cosine >= CLOSE_COSINE) | (containment >= CLOSE_CONTAINMENT),
            union >= LOOSE_UNION,
        ],
        ["verbatim", "close paraphrase", "loose paraphrase"],
        default="added",
    ).astype(object)


def _at_least(matrix: sp.spmatrix, floor: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(rows, cols, values)`` of the entries of a sparse matrix at or above ``floor``."""
    coo = sp.coo_matrix(matrix)
    keep = coo.data >= floor
    return coo.row[keep].astype(np.int64), coo.col[keep].astype(np.int64), coo.data[keep]


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
    np.maximum.at(longest, p[np.r_[True, step]], lengths)
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


UNION_BATCH_ROWS = 100_000  # expanded rows per batch of _union_coverage: bounds its memory


def _entries(matrix: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """``matrix[rows, cols]`` as a flat array; empty, not a sparse matrix, for no entries.

    (scipy gives a 1 x 0 sparse matrix for empty index arrays: a corpus with no
    pairs has no candidates at all.)
    """
    if not len(rows):
        return np.zeros(0)
    return np.asarray(matrix[rows, cols]).ravel()


def _union_coverage(
    pick: sp.csr_matrix, vectors: _Vectors, e_rows: np.ndarray, o_rows: np.ndarray
) -> np.ndarray:
    """Per expanded row, the weighted share of its content found in any official sentence picked.

    ``pick`` marks, per expanded row, the official sentences it draws on. Taken a
    batch of rows at a time: the product's features and a copy of the weighted
    rows, for every row at once, were alignment's largest allocation.
    """
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


# A readout opens with the fact of the call ("X spoke today with Y", "X had a
# telephone conversation with Y"); a news sentence reports that fact when it
# names a participant and says they spoke. Naming the leaders alone does not.
_CALL_WORDS = (
    r"\b(?:spoke|speak|speaks|spoken|talked|talks?|phoned|phone|telephone|telephonic|"
    r"conversation|dialled|dialed)\b|\b(?:a|the|their|his|her|phone|telephone)\s+call\b"
)


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


USAGE_COLUMNS = [
    "news_id", "official_id", "official_sent_no", "start", "end", "text", "used", "used_in",
    "news_sent_no", "closest_in", "closest_sent_no", "label", "copied_words", "quoted_words",
    "covered",
]  # fmt: skip
_PLACE_RANK = {"headline": 0, "lede": 1, "body": 2}
_FORM_RANK = {"verbatim": 0, "paraphrase": 1}


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
        verbatim, or the alignment label of that sentence), ``copied_words`` (the
        longest run copied), ``quoted_words`` (the longest run inside a
        quotation that is the official wording) and
        ``covered`` (its share of the official sentence).
    """
    official = frame[frame["side"] == "official"].rename(
        columns={"doc_id": "official_id", "sent_no": "official_sent_no"}
    )
    grid = corpus.pairs[["news_id", "official_id"]].merge(official, on="official_id")
    ev = pd.concat([evidence.assign(call=False), _call_reports(corpus, frame)], ignore_index=True)
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
    conveyed = (
        (covered >= rules.strong_cover)
        | (matched & (covered >= rules.paraphrase_cover) & (best | (covered >= rules.own_cover)))
        | (matched & (own >= rules.own_share) & (ev["location"].to_numpy() == "headline"))
        | ev["call"].to_numpy(dtype=bool)
    )
    # An echo: the sentence's best match, too slight to convey it alone; it marks a
    # place the content reached when the sentence is used elsewhere.
    echo = matched & best
    ev["form"] = np.select([verbatim, conveyed, echo], ["verbatim", "paraphrase", "echo"], "")
    ev = ev[ev["form"] != ""].reset_index(drop=True)
    # Ids only for the pairs that are a use (a few of the candidates): each column
    # of strings taken from the frame costs a conversion.
    doc_id = frame["doc_id"].to_numpy(dtype=object)
    sent_no = frame["sent_no"].to_numpy()
    a_row, o_row = ev["a_row"].to_numpy(), ev["o_row"].to_numpy()
    ev["news_id"], ev["news_sent_no"] = doc_id[a_row], sent_no[a_row]
    ev["official_id"], ev["official_sent_no"] = doc_id[o_row], sent_no[o_row]
    used_somewhere = ev[ev["form"] != "echo"][["news_id", "official_id", "official_sent_no"]]
    ev = ev.merge(
        used_somewhere.drop_duplicates(), on=["news_id", "official_id", "official_sent_no"]
    )
    # The closest match's label: verbatim by the copied run; a news sentence's own
    # label only where this official sentence is its best match; a further source
    # of it is at most a loose paraphrase of this one.
    ev["label"] = np.select(
        [ev["form"] == "verbatim", ev["best"] | ev["call"].astype(bool)],
        ["verbatim", ev["label"]],
        default="loose paraphrase",
    )
    ev["place"] = ev["location"].map(_PLACE_RANK)
    key = ["news_id", "official_id", "official_sent_no"]
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
    ].rename(columns={"form": "used", "location": "closest_in", "news_sent_no": "closest_sent_no"})
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
    usage["covered"] = usage["covered"].fillna(0.0).round(3)
    return usage[USAGE_COLUMNS].reset_index(drop=True)


# --- reuse ----------------------------------------------------------------------------


def _word_tokens(
    texts: pd.Series, memo: Normalised | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    r"""Word tokens (``re``'s ``\w+``) of every text, with offsets, normalised.

    ``memo`` normalises each distinct word once for all of reuse's batches.

    Returns:
        ``(row, start, end, codes)``: the text each token is in, its offsets within
        that text, and the code of its :func:`~analysis.text.normalise` form.
    """
    row, start, end, forms = tokens(texts.tolist(), r"\w")
    form_codes, distinct = number(forms.chunks)
    memo = Normalised() if memo is None else memo
    codes_of_form, _ = pd.factorize(np.asarray([memo[f] for f in distinct], dtype=object))
    return row, start, end, codes_of_form[form_codes].astype(np.int64)


def _split_counts(texts: pd.Series) -> np.ndarray:
    """``len(text.split())`` of every text: runs of non-space, counted over code points."""
    return count_runs(texts.tolist(), r"\S")


def _run_lengths(
    codes: np.ndarray,
    news_at: np.ndarray,
    against: np.ndarray,
    token_row: np.ndarray,
    official_at: np.ndarray,
    stream: np.ndarray,
) -> np.ndarray:
    """For each news position, the longest run of words from it found in an official stream.

    A run stays within its news sentence but may cross the official document's
    sentences, as in the joined official text. Runs grow a word per round: the
    n words from every position still matching get exact ids, shared by both
    sides, by numbering (id of the first n - 1 words, next word) pairs. The rounds
    last as long as the longest run; each handles only positions still matching.

    Args:
        codes: Word codes of the whole token stream.
        news_at: The token each news position starts at (a token compared with two
            official documents appears twice).
        against: The official stream each news position is compared with.
        token_row: Each token's sentence.
        official_at: The tokens of the official streams.
        stream: Each token's stream.

    Returns:
        The run length in words at each news position (0: its word is not there).
    """
    length = np.zeros(len(news_at), dtype=np.int64)
    v = np.int64(codes.max() + 1 if len(codes) else 1)
    alive = np.arange(len(news_at))
    news_key = against * v + codes[news_at]
    official_key = stream[official_at] * v + codes[official_at]
    k = 0
    while len(alive):
        ids = _numbered(np.concatenate([news_key, official_key]))
        news_ids, official_ids = ids[: len(news_key)], ids[len(news_key) :]
        distinct = int(ids.max()) + 1 if len(ids) else 0
        in_official = np.zeros(distinct, dtype=bool)
        in_official[official_ids] = True
        matched = in_official[news_ids]
        alive, news_ids = alive[matched], news_ids[matched]
        if not len(alive):
            break
        k += 1
        length[alive] = k
        in_news = np.zeros(distinct, dtype=bool)
        in_news[news_ids] = True
        kept = in_news[official_ids]
        official_at, official_ids = official_at[kept], official_ids[kept]
        # The next word: within the news sentence, within the official document.
        nxt = news_at[alive] + k
        ok = nxt < len(codes)
        ok[ok] = token_row[nxt[ok]] == token_row[news_at[alive[ok]]]
        alive, news_key = alive[ok], news_ids[ok] * v + codes[nxt[ok]]
        nxt = official_at + k
        ok = nxt < len(codes)
        ok[ok] = stream[nxt[ok]] == stream[official_at[ok]]
        official_at, official_key = official_at[ok], official_ids[ok] * v + codes[nxt[ok]]
    return length


def _greedy_starts(run: np.ndarray, segment_start: np.ndarray) -> np.ndarray:
    """Positions a left-to-right walk visits, jumping over each run it takes.

    Every segment (a news sentence within a pair) is walked at once, from its
    first position: the walk moves ``max(run, 1)`` positions at a time.

    Returns:
        A mask of the positions visited.
    """
    if not len(run):
        return np.zeros(0, dtype=bool)
    firsts = np.flatnonzero(segment_start)
    segment_end = np.repeat(np.r_[firsts[1:], len(run)], np.diff(np.r_[firsts, len(run)]))
    visited = np.zeros(len(run), dtype=bool)
    current = firsts
    while len(current):
        visited[current] = True
        nxt = current + np.maximum(run[current], 1)
        current = nxt[nxt < segment_end[current]]
    return visited


def reuse(corpus: Corpus, frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """Text reuse per (news article, official document) pair.

    Each side's text is its document's ``units`` sentences, in order. All pairs are
    measured together on one token stream, with no loop over pairs or words: 3-gram
    sets are compared by exact ids, and shared runs grow a word per round for every
    position still matching (:func:`_run_lengths`). Runs are taken greedily, as
    Churnalism did: at each word, the longest run found in the official text, and
    the search goes on after it.

    Returns:
        One row per pair: ``containment_news`` (share of the journalist text's
        3-grams found in the official text), ``containment_official`` (the
        reverse), ``run_coverage`` (share of the journalist text's characters in
        shared runs of 15+ characters), ``official_run_coverage`` (share of the
        official text's characters found in the article's runs),
        ``longest_run`` (its text) with ``longest_start``/``longest_end``
        offsets into the article, ``runs`` (how many), and ``derivation``.
    """
    frame = units(corpus) if frame is None else frame
    pairs = corpus.pairs.reset_index(drop=True)
    article_text = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    # Pairs in batches of about REUSE_BATCH_SENTENCES journalist sentences: memory
    # then grows with the batch, not the corpus. Pairs are independent of each other.
    rows_of = frame.groupby(["side", "doc_id"], sort=False).indices
    none = np.zeros(0, dtype=np.int64)
    news_rows = [rows_of.get(("journalist", news_id), none) for news_id in pairs["news_id"]]
    sizes = np.fromiter(map(len, news_rows), np.int64, len(news_rows))
    batch = (np.cumsum(sizes) - sizes) // REUSE_BATCH_SENTENCES
    batches = list(zip(*_runs_of(batch), strict=True))

    def run(part: tuple[int, int]) -> list[dict]:
        records: list[dict] = []
        memo = Normalised()
        for lo, hi in batches[part[0] : part[1]]:
            chunk = pairs.iloc[lo:hi]
            officials = chunk["official_id"].unique()
            official_rows = [rows_of.get(("official", o), none) for o in officials]
            wanted = _sorted_unique(np.concatenate([none, *news_rows[lo:hi], *official_rows]))
            records.extend(_reuse_records(chunk, frame.iloc[wanted], article_text, memo))
        return records

    # Batches are independent: a large corpus's are shared between two processes.
    weights = np.array([sizes[lo:hi].sum() for lo, hi in batches], dtype=np.int64)
    parts = balanced_parts(weights, process_count(int(sizes.sum()), PARALLEL_MIN_SENTENCES))
    done = fork_map(lambda k: run(parts[k]), len(parts))
    return pd.DataFrame([row for part in done for row in part], columns=REUSE_COLUMNS)


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique`` by sorting: NumPy 2.4's own is ~80x slower on millions of int64."""
    values = np.sort(values)
    return values[np.r_[True, values[1:] != values[:-1]]] if len(values) else values


def _numbered(values: np.ndarray) -> np.ndarray:
    """Number equal values alike, 0 to distinct - 1, in order of value.

    Like ``pd.factorize`` but in order of value, and about 4x faster on the millions
    of keys :func:`_run_lengths` numbers each round: each value is packed with its
    position into one int64, so one sort (NumPy's vectorised sort of plain numbers)
    gives both the order and the values; an argsort would take 10x as long.
    """
    size = len(values)
    if not size:
        return np.zeros(0, dtype=np.int64)
    low = values.min()
    shift = max(size - 1, 1).bit_length()
    if (int(values.max()) - int(low)).bit_length() + shift > 63:  # no room for the position
        codes, distinct = pd.factorize(values)
        rank = np.empty(len(distinct), dtype=np.int64)
        rank[np.argsort(distinct)] = np.arange(len(distinct))
        return rank[codes]
    packed = ((values - low) << shift) | np.arange(size, dtype=np.int64)
    packed.sort()
    value = packed >> shift
    first = np.empty(size, dtype=bool)
    first[0] = True
    np.not_equal(value[1:], value[:-1], out=first[1:])
    numbered = np.empty(size, dtype=np.int64)
    numbered[packed & ((1 << shift) - 1)] = np.cumsum(first) - 1
    return numbered


def _runs_of(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and stop of each run of equal consecutive values."""
    if not len(values):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    return starts, np.r_[starts[1:], len(values)]


def _reuse_records(
    pairs: pd.DataFrame, frame: pd.DataFrame, article_text: dict[str, str], memo: Normalised
) -> list[dict]:
    """:func:`reuse`'s rows for some pairs, from the ``units`` rows of their documents."""
    pairs = pairs.reset_index(drop=True)
    docs = pd.Index(pd.unique(frame["doc_id"]))
    # A stream per (side, document): news 0..d-1, official d..2d-1; 2d is empty, for
    # a document with no sentences on that side.
    d = len(docs)
    row_stream = docs.get_indexer(frame["doc_id"]) + np.where(frame["side"] == "official", d, 0)
    order = np.argsort(row_stream, kind="stable")  # streams together, sentences in order
    rows = frame.iloc[order].reset_index(drop=True)
    row_stream = row_stream[order]
    token_row, start, end, codes = _word_tokens(rows["text"], memo)
    stream = row_stream[token_row]
    token_lo = np.searchsorted(stream, np.arange(2 * d + 2))
    news_of = docs.get_indexer(pairs["news_id"])
    news_of = np.where(news_of >= 0, news_of, 2 * d)
    official_of = docs.get_indexer(pairs["official_id"])
    official_of = np.where(official_of >= 0, d + official_of, 2 * d)

    # 3-gram containment, from each stream's set of exact 3-gram ids.
    position = np.arange(max(len(codes) - NGRAM + 1, 0))
    position = position[stream[position] == stream[position + NGRAM - 1]]
    gram, v = codes[position], np.int64(codes.max() + 1 if len(codes) else 1)
    for k in range(1, NGRAM):
        gram = _numbered(gram * v + codes[position + k])
    width = np.int64(gram.max() + 1 if len(gram) else 1)
    keys = _sorted_unique(stream[position] * width + gram)  # by stream, then 3-gram
    key_lo = np.searchsorted(keys, np.arange(2 * d + 2) * width)
    grams_in = np.diff(key_lo)
    key_pair, key_at = ranges(key_lo[news_of], key_lo[news_of + 1])
    wanted = official_of[key_pair] * width + keys[key_at] % width
    found = np.minimum(np.searchsorted(keys, wanted), max(len(keys) - 1, 0))
    shared = np.bincount(
        key_pair[keys[found] == wanted] if len(keys) else key_pair, minlength=len(pairs)
    )

    # The longest run at every news word of every pair, then the greedy walk.
    word_pair, news_at = ranges(token_lo[news_of], token_lo[news_of + 1])
    official_at = np.arange(token_lo[d], token_lo[2 * d])
    run = _run_lengths(codes, news_at, official_of[word_pair], token_row, official_at, stream)
    sentence = token_row[news_at]
    segment_start = np.r_[True, (word_pair[1:] != word_pair[:-1]) | (sentence[1:] != sentence[:-1])]
    taken = np.flatnonzero(_greedy_starts(run, segment_start[: len(run)]) & (run > 0))
    first, last = news_at[taken], news_at[taken] + run[taken] - 1
    base = rows["start"].to_numpy()[token_row[first]]
    run_start, run_end = base + start[first], base + end[last]
    long_enough = run_end - run_start >= MIN_RUN_CHARS
    run_pair = word_pair[taken][long_enough]
    run_start, run_end = run_start[long_enough], run_end[long_enough]
    run_length = run_end - run_start
    covered = np.bincount(run_pair, weights=run_length, minlength=len(pairs)).astype(np.int64)
    runs = np.bincount(run_pair, minlength=len(pairs))
    # The longest run of each pair; of equal ones, the first.
    by_length = np.lexsort((np.arange(len(run_pair)), -run_length, run_pair))
    firsts = (
        by_length[np.r_[True, run_pair[by_length][1:] != run_pair[by_length][:-1]]]
        if len(run_pair)
        else by_length
    )
    longest_start = np.zeros(len(pairs), dtype=np.int64)
    longest_end = np.zeros(len(pairs), dtype=np.int64)
    longest_start[run_pair[firsts]] = run_start[firsts]
    longest_end[run_pair[firsts]] = run_end[firsts]

    # Per stream: characters, characters of the joined text, whitespace words.
    texts = rows["text"]
    spans = np.bincount(
        row_stream, weights=(rows["end"] - rows["start"]).to_numpy(), minlength=2 * d + 1
    )
    sentences = np.bincount(row_stream, minlength=2 * d + 1)
    joined = np.bincount(row_stream, weights=texts.str.len().to_numpy(), minlength=2 * d + 1)
    joined = joined + np.maximum(sentences - 1, 0)
    split_words = np.bincount(row_stream, weights=_split_counts(texts), minlength=2 * d + 1)

    # Python numbers from here: round() of a NumPy float is not Python's exact rounding.
    shared, grams_in, covered, runs = (
        shared.tolist(),
        grams_in.tolist(),
        covered.tolist(),
        runs.tolist(),
    )
    spans, joined, split_words = spans.tolist(), joined.tolist(), split_words.tolist()
    longest_start, longest_end = longest_start.tolist(), longest_end.tolist()
    records = []
    for p, pair in enumerate(pairs.itertuples()):
        n, o = int(news_of[p]), int(official_of[p])
        containment = shared[p] / grams_in[n] if grams_in[n] else 0.0
        records.append(
            {
                "news_id": pair.news_id,
                "official_id": pair.official_id,
                "link": pair.link,
                "news_words": int(split_words[n]),
                "official_words": int(split_words[o]),
                "containment_news": round(containment, 3),
                "containment_official": round(shared[p] / grams_in[o], 3) if grams_in[o] else 0.0,
                "run_coverage": round(covered[p] / (spans[n] or 1), 3),
                "official_run_coverage": round(min(1.0, covered[p] / max(1, joined[o])), 3),
                "runs": int(runs[p]),
                "longest_run": article_text[pair.news_id][longest_start[p] : longest_end[p]],
                "longest_start": int(longest_start[p]),
                "longest_end": int(longest_end[p]),
                "derivation": derivation_class(containment),
            }
        )
    return records


REUSE_COLUMNS = [
    "news_id", "official_id", "link", "news_words", "official_words", "containment_news",
    "containment_official", "run_coverage", "official_run_coverage", "runs", "longest_run",
    "longest_start", "longest_end", "derivation",
]  # fmt: skip


def derivation_class(containment: float) -> str:
    """METER's three classes from the journalist text's 3-gram containment (thresholds above)."""
    if containment >= WHOLLY_DERIVED:
        return "wholly derived"
    if containment >= PARTIALLY_DERIVED:
        return "partially derived"
    return "non-derived"


# --- verbs ------------------------------------------------------------------------------


@dataclass(frozen=True)
class VerbLexicon:
    """Graded reporting verbs: every surface form mapped to its lemma, grade and score."""

    forms: dict[str, tuple[str, str, int]]
    grades: pd.DataFrame
    pattern: re.Pattern

    def find(self, text: str) -> list[tuple[str, str, int, int]]:
        """Verbs in ``text``: ``(lemma, grade, score, offset)`` in order."""
        folded = text.lower().translate(_FOLD)
        return [(*self.forms[m.group(1)], m.start(1)) for m in self.pattern.finditer(folded)]

    def may_hold(self, texts: list[str]) -> np.ndarray:
        r"""Which texts may hold a verb: a superset of those :meth:`find` finds one in.

        One pass of Arrow's RE2 kernel over all the folded texts, so that :meth:`find`
        runs only where it can match: RE2's ``\b`` is an ASCII word boundary, which
        holds wherever ``re``'s Unicode one does.
        """
        folded = strings([text.lower().translate(_FOLD) for text in texts])
        matched = pc.match_substring_regex(folded, self.pattern.pattern)
        return matched.to_numpy(zero_copy_only=False)


def _inflect(lemma: str) -> list[str]:
    """Regular forms of a verb: base, -s, -ed, -ing."""
    if " " in lemma:
        return [lemma]
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return [lemma, lemma + "es", lemma + "ed", lemma + "ing"]
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    return [lemma, lemma + "s", lemma + "ed", lemma + "ing"]


def load_verbs(path: str | Path | None = None) -> VerbLexicon:
    """Read a graded verb lexicon (TOML); the shipped one by default.

    Raises:
        VerbLexiconError: naming the file, the grade and the entry, for a malformed lexicon.
    """
    name = str(path) if path else "analysis/data/verbs.toml"
    raw = Path(path).read_text("utf-8") if path else shipped_data("verbs.toml")
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise VerbLexiconError(name, "", f"not valid TOML ({exc})", "fix the syntax") from None
    forms: dict[str, tuple[str, str, int]] = {}
    rows = []
    for n, grade in enumerate(data.get("grade", []), 1):
        gname = grade.get("name")
        score = grade.get("score")
        if not gname or not isinstance(score, int) or not grade.get("verbs"):
            raise VerbLexiconError(
                name, f"grade {n}", "needs name, an integer score and verbs", "add them"
            )
        for entry in grade["verbs"]:
            lemma, _, extra = entry.partition(":")
            lemma = lemma.strip().lower()
            if not lemma:
                raise VerbLexiconError(
                    name, f"grade {gname!r}", f"empty verb entry {entry!r}", "remove it"
                )
            listed = [f.strip().lower() for f in extra.split(",") if f.strip()]
            variants = listed or _inflect(lemma)
            for form in variants:
                if form in forms and forms[form] != (lemma, gname, score):
                    raise VerbLexiconError(
                        name,
                        f"grade {gname!r}",
                        f"{form!r} is already a form of {forms[form][0]!r} in grade "
                        f"{forms[form][1]!r}",
                        "keep each form in one entry",
                    )
                forms[form] = (lemma, gname, score)
            rows.append(
                {"grade": gname, "score": score, "lemma": lemma, "source": grade.get("source", "")}
            )
    if not forms:
        raise VerbLexiconError(name, "", "no [[grade]] tables", "add at least one")
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    pattern = re.compile(rf"\b({alternatives})\b")
    return VerbLexicon(forms, pd.DataFrame(rows), pattern)


def verb_pairs(alignment: pd.DataFrame, lexicon: VerbLexicon | None = None) -> pd.DataFrame:
    """The reporting verbs of each aligned pair and the shift between them.

    The shift is the journalist sentence's strongest grade minus the official
    sentence's strongest grade (the scale of ``data/verbs.toml``); it is empty
    when either side has no graded verb.
    """
    lexicon = lexicon or load_verbs()
    aligned = alignment[alignment["label"] != "added"]
    columns = [
        "news_id", "sent_no", "location", "official_id", "official_sent_no", "official_verbs",
        "journalist_verbs", "official_grade", "journalist_grade", "shift",
    ]  # fmt: skip
    records = []
    # An official sentence is aligned with many journalist sentences: find the
    # verbs of each distinct text once.
    mine_texts, theirs_texts = aligned["text"].tolist(), aligned["official_text"].tolist()
    distinct = list(dict.fromkeys(mine_texts + theirs_texts))
    verbs = {
        text: lexicon.find(text) if may else []
        for text, may in zip(distinct, lexicon.may_hold(distinct), strict=True)
    }
    for row in zip(
        *(aligned[c].tolist() for c in columns[:5]), mine_texts, theirs_texts, strict=True
    ):
        mine, theirs = verbs[row[5]], verbs[row[6]]
        shift = max(v[2] for v in mine) - max(v[2] for v in theirs) if mine and theirs else math.nan
        records.append(
            (
                *row[:5],
                ", ".join(dict.fromkeys(v[0] for v in theirs)),
                ", ".join(dict.fromkeys(v[0] for v in mine)),
                max((v[2] for v in theirs), default=math.nan),
                max((v[2] for v in mine), default=math.nan),
                shift,
            )
        )
    return pd.DataFrame(records, columns=columns)


# --- quotations ---------------------------------------------------------------------------

ALTERED_SHARE = 0.6  # share of a quotation's words, in order, in an official sentence
_ELLIPSIS = re.compile(r"\s*(?:…|\.\s?\.\s?\.|\[\s*…?\s*\])\s*")


_QUOTE_MARKS = re.compile(r"[“”\"«»]")
_PLAIN_WORD = re.compile(r"[\w'.-]+|…")


def _plain(text: str) -> str:
    folded = _QUOTE_MARKS.sub("", normalise(text))
    return " ".join(_PLAIN_WORD.findall(folded)).strip(" .,;:")


def quote_fidelity(corpus: Corpus) -> pd.DataFrame:
    """Check every quotation of a paired news article against its official texts.

    Returns:
        One row per quotation: ``fidelity`` is ``exact`` (a whole official
        sentence or more, word for word), ``trimmed`` (a word-for-word fragment,
        or fragments joined by an ellipsis, in order), ``altered`` (close to an
        official passage but changed; ``diff`` shows how), or ``not in official
        text``; with the official document and sentence it matched.
    """
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    officials: dict[str, list[str]] = {}
    pairs = corpus.pairs
    for news_id, official_id in zip(
        pairs["news_id"].tolist(), pairs["official_id"].tolist(), strict=True
    ):
        officials.setdefault(news_id, []).append(official_id)
    wanted = {o for ids in officials.values() for o in ids}
    sentences = corpus.sentences[corpus.sentences["article_id"].isin(wanted)]
    # Each official document prepared once, in plain Python: quotations are many.
    grouped: dict[str, list[tuple[int, str]]] = {doc: [] for doc in wanted}
    for doc, sent_no, text in zip(
        sentences["article_id"].tolist(),
        sentences["sent_no"].tolist(),
        sentences["text"].tolist(),
        strict=True,
    ):
        grouped[doc].append((sent_no, text))
    documents = {doc: _OfficialText.of(texts[doc], rows) for doc, rows in grouped.items()}
    quotes = corpus.quotes[corpus.quotes["article_id"].isin(officials)]
    columns = [
        "news_id", "quote_no", "start", "end", "speaker", "text", "fidelity", "official_id",
        "official_sent_no", "official_text", "diff",
    ]  # fmt: skip
    records = []
    fields = ["article_id", "quote_no", "start", "end", "speaker", "text"]
    for row in zip(*(quotes[field].tolist() for field in fields), strict=True):
        result = ("not in official text", "", -1, "", "")
        for official_id in officials[row[0]]:
            found = _match_quote(row[5], documents[official_id])
            if found and (
                result[0] == "not in official text" or _rank(found[0]) < _rank(result[0])
            ):
                result = (found[0], official_id, found[1], found[2], found[3])
        records.append((*row, *result))
    return pd.DataFrame(records, columns=columns)


def _rank(fidelity: str) -> int:
    return ("exact", "trimmed", "altered", "not in official text").index(fidelity)


@dataclass
class _OfficialText:
    """An official document as quotations are matched against it.

    Its plain text, its sentences, and for each word the sentences holding it.
    """

    plain: str
    sentences: list[tuple[str, int, str]]  # (plain text, sent_no, text)
    holding: dict[str, list[int]]

    @classmethod
    def of(cls, text: str, sentences: list[tuple[int, str]]) -> _OfficialText:
        plain = [(_plain(t), n, t) for n, t in sentences]
        holding: dict[str, list[int]] = {}
        for i, (p, _, _) in enumerate(plain):
            for word in set(p.split()):
                holding.setdefault(word, []).append(i)
        return cls(_plain(text), plain, holding)


def _match_quote(quote: str, official: _OfficialText):
    """``(fidelity, sent_no, sentence text, diff)`` or ``None``."""
    fragments = [plain for plain in map(_plain, _ELLIPSIS.split(quote)) if plain]
    if not fragments:
        return None
    plain_quote = " ".join(fragments)
    sentence_plain = official.sentences
    if len(fragments) == 1 and plain_quote in official.plain:
        holder = next((s for s in sentence_plain if plain_quote in s[0]), None)
        if holder is None or holder[0] == plain_quote:
            # A whole sentence, or a passage running over sentences: word for word.
            return ("exact", holder[1] if holder else -1, holder[2] if holder else "", "")
        return ("trimmed", holder[1], holder[2], "")
    if len(fragments) > 1:
        cursor = 0
        for fragment in fragments:
            at = official.plain.find(fragment, cursor)
            if at < 0:
                break
            cursor = at + len(fragment)
        else:
            holder = next(((n, t) for p, n, t in sentence_plain if fragments[0] in p), (-1, ""))
            return ("trimmed", holder[0], holder[1], "")
    words = plain_quote.split()
    # An altered quotation keeps at least ALTERED_SHARE of its words: sentences that
    # share fewer distinct words cannot qualify, and need no alignment.
    needed = ALTERED_SHARE * len(set(words))
    holding = official.holding
    shared = Counter(chain.from_iterable([holding.get(word, ()) for word in set(words)]))
    close = [sentence_plain[i] for i in sorted(i for i, k in shared.items() if k >= needed)]
    best = max(
        (
            (difflib.SequenceMatcher(None, words, p.split(), autojunk=False), n, t, p)
            for p, n, t in close
        ),
        key=lambda item: _containment_ratio(item[0], len(words)),
        default=None,
    )
    if best and _containment_ratio(best[0], len(words)) >= ALTERED_SHARE:
        return ("altered", best[1], best[2], _word_diff_text(plain_quote, best[3]))
    return None


def _containment_ratio(matcher: difflib.SequenceMatcher, quote_words: int) -> float:
    """Share of the quotation's words matched, in order, in the official sentence."""
    return sum(block.size for block in matcher.get_matching_blocks()) / max(1, quote_words)


def _word_diff_text(mine: str, theirs: str) -> str:
    """A compact word diff: ``[-official-]`` dropped, ``{+quotation+}`` added."""
    a, b = theirs.split(), mine.split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if i2 > i1:
            out.append("[-" + " ".join(a[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(out)


# --- distinctive words ---------------------------------------------------------------------


def distinctive_words(
    corpus: Corpus,
    news_id: str | None = None,
    prior_weight: float = 1000.0,
    frame: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Words that set the journalist's text apart from the official text, and back.

    The log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi &
    Quinn 2008, "Fightin' Words", Political Analysis 16(4)), the prior taken from
    a background English frequency list (the wordfreq package) scaled to
    ``prior_weight`` pseudo-words, so the two short texts alone do not set it.

    Args:
        corpus: The loaded corpus.
        news_id: One article and its official texts, or ``None`` for all pairs.
        prior_weight: Total pseudo-counts of the prior (alpha_0).
        frame: The sentences from :func:`units` (computed if not given).

    Returns:
        One row per word: counts in each voice, ``log_odds`` (positive: the
        journalist's), its ``z`` score, ``reliable`` (False where |z| < 1.96:
        shown, not hidden), and ``sentences`` (doc#sent_no where the word occurs).
    """
    from wordfreq import word_frequency

    frame = units(corpus) if frame is None else frame
    frame = frame[frame["side"] != "article"]  # the two voices compared: journalist, official
    if news_id is not None:
        officials = corpus.pairs.loc[corpus.pairs["news_id"] == news_id, "official_id"]
        frame = frame[(frame["doc_id"] == news_id) | frame["doc_id"].isin(officials)]
    tokens = []
    for unit in frame.itertuples():
        for word in re.findall(r"[a-z][a-z'’-]*", unit.text.lower()):
            tokens.append((normalise(word).strip("'-"), unit.side, f"{unit.doc_id}#{unit.sent_no}"))
    if not tokens:
        return pd.DataFrame(
            columns=["word", "journalist", "official", "log_odds", "z", "reliable", "sentences"]
        )
    table = pd.DataFrame(tokens, columns=["word", "side", "ref"])
    counts = table.pivot_table(
        index="word", columns="side", values="ref", aggfunc="size", fill_value=0
    )
    for side in ("journalist", "official"):
        if side not in counts:
            counts[side] = 0
    refs = table.groupby("word")["ref"].agg(lambda r: ";".join(dict.fromkeys(r)))
    background = np.array([max(word_frequency(w, "en"), 1e-8) for w in counts.index])
    alpha = prior_weight * background / background.sum()
    y_j, y_o = counts["journalist"].to_numpy(float), counts["official"].to_numpy(float)
    n_j, n_o = y_j.sum(), y_o.sum()
    a0 = alpha.sum()
    delta = np.log((y_j + alpha) / (n_j + a0 - y_j - alpha)) - np.log(
        (y_o + alpha) / (n_o + a0 - y_o - alpha)
    )
    variance = 1.0 / (y_j + alpha) + 1.0 / (y_o + alpha)
    z = delta / np.sqrt(variance)
    result = pd.DataFrame(
        {
            "word": counts.index,
            "journalist": y_j.astype(int),
            "official": y_o.astype(int),
            "log_odds": np.round(delta, 3),
            "z": np.round(z, 2),
        }
    )
    result["reliable"] = result["z"].abs() >= 1.96
    result["sentences"] = refs.reindex(result["word"]).to_numpy()
    return result.sort_values(["z", "word"], ascending=[False, True]).reset_index(drop=True)


# --- views ---------------------------------------------------------------------------------


def side_by_side(alignment: pd.DataFrame, news_id: str | None = None) -> str:
    """HTML table of aligned pairs with word-level differences marked.

    Words only in the journalist's sentence are green and underlined; words only
    in the official sentence are red and struck through. Text is HTML-escaped.
    """
    rows = alignment if news_id is None else alignment[alignment["news_id"] == news_id]
    out = [
        '<table style="border-collapse:collapse;font-size:0.9em">',
        "<thead><tr><th>where</th><th>label</th><th>journalist</th><th>official</th></tr></thead><tbody>",
    ]
    for row in rows.itertuples():
        if row.label == "added":
            mine, theirs = html.escape(row.text), '<em style="color:#777">no official source</em>'
        else:
            mine, theirs = _diff_html(row.text, row.official_text)
        out.append(
            '<tr style="border-top:1px solid #ccc;vertical-align:top;text-align:left">'
            f"<td>{html.escape(row.location)} #{row.sent_no}</td><td>{html.escape(row.label)}</td>"
            f'<td style="max-width:30em">{mine}</td><td style="max-width:30em">{theirs}</td></tr>'
        )
    out.append("</tbody></table>")
    return "\n".join(out)


def _diff_html(mine: str, theirs: str) -> tuple[str, str]:
    a = re.findall(r"\S+", theirs)
    b = re.findall(r"\S+", mine)
    keys_a = [normalise(w).strip(".,;:“”\"'()") for w in a]
    keys_b = [normalise(w).strip(".,;:“”\"'()") for w in b]
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, keys_a, keys_b, autojunk=False
    ).get_opcodes():
        theirs_part = html.escape(" ".join(a[i1:i2]))
        mine_part = html.escape(" ".join(b[j1:j2]))
        if op == "equal":
            left.append(mine_part)
            right.append(theirs_part)
            continue
        if mine_part:
            left.append(
                f'<ins style="background:#d4efd4;text-decoration:underline">{mine_part}</ins>'
            )
        if theirs_part:
            right.append(f'<del style="background:#f7d4d4">{theirs_part}</del>')
    return " ".join(left), " ".join(right)


# --- everything ------------------------------------------------------------------------------


def analyse(corpus: Corpus) -> Framing:
    """Run the whole framing analysis on every paired article of a corpus."""
    frame = units(corpus)
    alignment, sources, usage = align(corpus, frame)
    return Framing(
        units=frame,
        alignment=alignment,
        sources=sources,
        usage=usage,
        reuse=reuse(corpus, frame),
        verbs=verb_pairs(alignment),
        quotes=quote_fidelity(corpus),
    )


# --- findings --------------------------------------------------------------------------------


def unmentioned_words(result: Framing, news_id: str, official_id: str) -> list[str]:
    """Content words of the official sentences an article omitted that its journalist text never uses.

    Words are compared by their light stem and shown as first written, those of the
    omitted sentence with the most such words first.
    """
    usage = result.usage[
        (result.usage["news_id"] == news_id) & (result.usage["official_id"] == official_id)
    ]
    omitted = usage.loc[usage["used_in"] == "omitted", "text"]
    journalist = result.units[
        (result.units["side"] == "journalist") & (result.units["doc_id"] == news_id)
    ]
    used = {
        light_stem(normalise(w)) for w in re.findall(r"[^\W\d_]+", " ".join(journalist["text"]))
    }
    per_sentence = [_new_words(text, used) for text in omitted]
    words: dict[str, str] = {}
    # The omitted sentence with the most new words first: the substance, not the title.
    for found in sorted(per_sentence, key=len, reverse=True):
        for key, word in found.items():
            words.setdefault(key, word)
    return list(words.values())


def _count_in(words: list[str], text: str) -> int:
    """How many of ``words`` occur in ``text``."""
    return sum(word in text for word in words)


def _new_words(text: str, used: set[str]) -> dict[str, str]:
    """Content words of ``text`` (stem -> word as written) whose stem is not in ``used``."""
    found: dict[str, str] = {}
    for word in re.findall(r"[^\W\d_]+", text):
        key = light_stem(normalise(word))
        if len(word) >= 4 and normalise(word) not in _STOP and key not in used:
            found.setdefault(key, word)
    return found


def findings(corpus: Corpus, result: Framing, news_id: str) -> str:
    """The framing of one article in a few sentences with numbers, as Markdown.

    Every number comes from the frames of ``result``; nothing is written for the seed.
    """
    pairs = corpus.pairs[corpus.pairs["news_id"] == news_id]
    kind = corpus.articles.loc[corpus.articles["article_id"] == news_id, "kind"]
    if pairs.empty and len(kind) and kind.iloc[0] == "official":
        reporting = corpus.pairs.loc[corpus.pairs["official_id"] == news_id, "news_id"].tolist()
        told = (
            f"pass one of the news articles that report on it ({', '.join(reporting[:3])})"
            if reporting
            else "no news article in this corpus is paired with it"
        )
        return (
            f"`{news_id}` is an official document, not a news article: framing compares news "
            f"articles with the official texts they report on; {told}."
        )
    if pairs.empty:
        return (
            f"Article `{news_id}` is paired with no official text (no embedded readout was found "
            "and the manifest names none in `pairs_with`), so there is nothing to compare."
        )
    lines, reuse_lines = [], []  # the story first; the reuse figures close it
    alignment = result.alignment[result.alignment["news_id"] == news_id]
    for pair in pairs.itertuples():
        reuse_row = result.reuse[
            (result.reuse["news_id"] == news_id) & (result.reuse["official_id"] == pair.official_id)
        ].iloc[0]
        how = "embedded in the article" if pair.link == "embedded" else "named in the manifest"
        reuse_lines.append(
            f"**Reuse.** Compared with `{pair.official_id}` ({how}), the journalist's own text "
            f"shares {reuse_row.containment_news:.0%} of its word 3-grams with the official text "
            f"and {reuse_row.run_coverage:.0%} of its characters lie in shared runs of "
            f"{MIN_RUN_CHARS}+ characters: **{reuse_row.derivation}** (METER's classes). The longest "
            f"shared run is “{reuse_row.longest_run}”."
        )
        usage = result.usage[
            (result.usage["news_id"] == news_id) & (result.usage["official_id"] == pair.official_id)
        ]
        # With more than one official text, each finding names the one it is about.
        whose = f"`{pair.official_id}`'s" if len(pairs) > 1 else "the official text's"
        front = usage[usage["used_in"].isin(["headline", "lede"])]
        if len(front):
            listed = "; ".join(
                f"#{row.official_sent_no} in the {row.used_in} (closest match: {row.label} in the "
                f"{row.closest_in}; “{textwrap.shorten(row.text, 90, placeholder='…')}”)"
                for row in front.itertuples()
            )
            lines.append(f"**Up front.** The headline and lede draw on {whose} sentences {listed}.")
        omitted = usage[usage["used_in"] == "omitted"]
        if len(omitted):
            words = unmentioned_words(result, news_id, pair.official_id)
            # Name the omitted sentence that carries the most of those words.
            carried = omitted["text"].map(partial(_count_in, words))
            first = omitted.loc[carried.idxmax()]
            lines.append(
                f"**Omitted.** {len(omitted)} of {whose} {len(usage)} sentences "
                f"have no counterpart anywhere in the article, among them "
                f"#{first.official_sent_no} (“{textwrap.shorten(first.text, 110, placeholder='…')}”)"
                ". Words of the omitted sentences that the journalist's text never uses: "
                f"{', '.join(words[:25]) or 'none'}."
            )
    counts = alignment["label"].value_counts()
    summary = ", ".join(
        f"{counts.get(label, 0)} {label}"
        for label in ("verbatim", "close paraphrase", "loose paraphrase", "added")
    )
    lines.append(f"**Sentences.** Of the {len(alignment)} journalist sentences: {summary}.")
    added = alignment[alignment["label"] == "added"]
    if len(added):
        longest = added.loc[added["text"].str.len().idxmax()]
        lines.append(
            f"**Added.** The longest sentence with no official source is #{longest.sent_no} "
            f"({longest.location}): “{longest.text}”"
        )
    verbs = result.verbs[(result.verbs["news_id"] == news_id)].dropna(subset=["shift"])
    if len(verbs):
        stronger = verbs[verbs["shift"] > 0]
        examples = "; ".join(
            f"“{row.official_verbs}” → “{row.journalist_verbs}” ({row.shift:+.0f}, {row.location})"
            for row in stronger.itertuples()
        )
        lines.append(
            f"**Verbs.** In {len(stronger)} of {len(verbs)} aligned pairs with a graded verb on both "
            f"sides the journalist's verb is stronger than the official one"
            + (f": {examples}." if examples else ".")
            + f" Mean shift {verbs['shift'].mean():+.2f} on the lexicon's scale."
        )
    quotes = result.quotes[result.quotes["news_id"] == news_id]
    if len(quotes):
        fidelity = quotes["fidelity"].value_counts()
        speakers = ", ".join(sorted({s for s in quotes["speaker"] if s})) or "unknown speakers"
        lines.append(
            f"**Quotations.** {len(quotes)} quotation(s) ({speakers}): "
            + ", ".join(f"{n} {kind}" for kind, n in fidelity.items())
            + "."
        )
    return "\n\n".join(lines + reuse_lines)


def label_finding(labels: pd.Series) -> str:
    """A chart title from label counts: how much of the journalist's text has an official source."""
    total = int(labels.sum())
    if not total:
        return "No journalist sentences to align"
    sourced = total - int(labels.get("added", 0))
    return (
        f"{sourced} of {total} journalist sentences draw on the official text; "
        f"{int(labels.get('added', 0))} have no official source"
    )


def usage_finding(usage: pd.DataFrame) -> str:
    """A chart title from usage rows: how many official sentences were used, and where."""
    if usage.empty:
        return "No official sentences to place"
    used = usage[usage["used_in"] != "omitted"]
    front = used["used_in"].isin(["headline", "lede"]).sum()
    return (
        f"The article used {len(used)} of {len(usage)} official sentences, {front} of them in the "
        f"headline or lede; {len(usage) - len(used)} were omitted"
    )


def verb_finding(verbs: pd.DataFrame) -> str:
    """A chart title from verb pairs: how often the journalist's verb was stronger."""
    scored = verbs.dropna(subset=["shift"])
    if scored.empty:
        return "No aligned pair has a graded verb on both sides"
    stronger = int((scored["shift"] > 0).sum())
    return (
        f"The journalist's verb is stronger in {stronger} of {len(scored)} aligned pairs "
        f"(mean shift {scored['shift'].mean():+.2f} grades)"
    )


def words_finding(words: pd.DataFrame) -> str:
    """A chart title from distinctive words: each voice's most distinctive word, and reliability."""
    if words.empty:
        return "No words to compare"
    top, bottom = words.iloc[0], words.iloc[-1]
    reliable = int(words["reliable"].sum())
    return (
        f"Most distinctive: “{top['word']}” for the journalist (z={top['z']:+.2f}), "
        f"“{bottom['word']}” for the official text (z={bottom['z']:+.2f}); "
        f"{reliable} of {len(words)} words reach |z| ≥ 1.96"
    )


# --- across a corpus -----------------------------------------------------------------------


def outlet_summary(corpus: Corpus, result: Framing) -> pd.DataFrame:
    """Per outlet: how its articles reused, framed and quoted the official texts.

    Returns:
        One row per outlet (news articles paired with an official text): ``articles``,
        mean ``containment`` and ``run_coverage`` (best official text per article),
        the count of each derivation class, ``added_share`` (journalist sentences
        with no official source), ``mean_verb_shift`` and ``quotes_not_official``.
    """
    outlets = corpus.articles.set_index("article_id")["outlet"].replace("", "(no outlet)")
    reuse_rows = result.reuse.sort_values("containment_news", ascending=False).drop_duplicates(
        "news_id"
    )
    reuse_rows = reuse_rows.assign(outlet=reuse_rows["news_id"].map(outlets))
    table = reuse_rows.groupby("outlet").agg(
        articles=("news_id", "nunique"),
        containment=("containment_news", "mean"),
        run_coverage=("run_coverage", "mean"),
    )
    classes = pd.crosstab(reuse_rows["outlet"], reuse_rows["derivation"]).reindex(
        columns=["wholly derived", "partially derived", "non-derived"], fill_value=0
    )
    alignment = result.alignment.assign(outlet=result.alignment["news_id"].map(outlets))
    added = alignment.groupby("outlet")["label"].agg(lambda labels: (labels == "added").mean())
    verbs = result.verbs.dropna(subset=["shift"])
    shift = verbs.assign(outlet=verbs["news_id"].map(outlets)).groupby("outlet")["shift"].mean()
    quotes = result.quotes.assign(outlet=result.quotes["news_id"].map(outlets))
    not_official = quotes.groupby("outlet")["fidelity"].agg(
        lambda f: int((f == "not in official text").sum())
    )
    table = table.join(classes).assign(
        added_share=added, mean_verb_shift=shift, quotes_not_official=not_official
    )
    table["quotes_not_official"] = table["quotes_not_official"].fillna(0).astype("int64")
    return table.round(3).reset_index()


def outlet_finding(table: pd.DataFrame) -> str:
    """A title for the outlet summary: who leaned most on the official text, or why none."""
    if len(table) < 2:
        return (
            f"Comparing outlets needs paired articles from two or more outlets; this corpus has "
            f"{int(table['articles'].sum()) if len(table) else 0} from {len(table)}. On a larger "
            "corpus this shows, per outlet, how much of its articles' text comes from the "
            "official text and how its verbs shift"
        )
    most = table.loc[table["containment"].idxmax()]
    least = table.loc[table["containment"].idxmin()]
    return (
        f"{most['outlet']} reuses the official text most ({most['containment']:.0%} of its "
        f"3-grams on average), {least['outlet']} least ({least['containment']:.0%})"
    )


def omission_matrix(result: Framing, official_id: str | None = None) -> pd.DataFrame:
    """Official sentences × articles: where each article used each sentence.

    Args:
        result: From :func:`analyse`.
        official_id: The official document; by default the one paired with most articles.

    Returns:
        Rows ``#n: text`` in the document's order, one column per news article,
        values ``headline``/``lede``/``body``/``omitted``.
    """
    usage = result.usage
    if usage.empty:
        return pd.DataFrame()
    if official_id is None:
        counts = usage.groupby("official_id")["news_id"].nunique()
        official_id = counts.sort_values(ascending=False, kind="stable").index[0]
    rows = usage[usage["official_id"] == official_id].copy()
    rows["sentence"] = [
        f"#{n}: {textwrap.shorten(t, 50, placeholder='…')}"
        for n, t in zip(rows["official_sent_no"], rows["text"], strict=True)
    ]
    matrix = rows.pivot(index=["official_sent_no", "sentence"], columns="news_id", values="used_in")
    matrix = matrix.droplevel("official_sent_no")
    matrix.columns.name = official_id
    return matrix


def omission_finding(matrix: pd.DataFrame) -> str:
    """A title for the omission matrix: the most and least used official sentences."""
    if matrix.empty:
        return "No official text is paired with any article"
    used = (matrix != "omitted").sum(axis=1)
    articles = matrix.shape[1]
    if articles < 2:
        return (
            f"Only one article reports on {matrix.columns.name}: with more, this grid shows which "
            "official sentences every outlet picked up and which none did"
        )
    top, bottom = used.idxmax(), used.idxmin()
    return (
        f"Of {articles} articles, {used[top]} used {top.split(':')[0]} and {used[bottom]} used "
        f"{bottom.split(':')[0]} of {matrix.columns.name}"
    )
