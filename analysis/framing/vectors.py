"""Sentence vectors: tokens, TF-IDF and coverage rows, word 3-grams, products within documents.

Alignment and usage score sentence pairs on these: TF-IDF vectors of stemmed
content words and bigrams (names weighing :attr:`AlignRules.name_weight`),
IDF-weighted coverage rows, binary features and word 3-grams, multiplied only
within each official document (:class:`_WithinDocuments`). Copied runs read
their own word stream (:func:`_run_stream`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp

from analysis._arrays import number, owners, python_table, tokens
from analysis.framing.rules import AlignRules
from analysis.resources import shipped_data
from analysis.text import light_stem, normalise

__all__ = ["UnitStatistics", "unit_statistics"]

# scikit-learn's English stop words, shipped as a file: importing scikit-learn for
# them cost every process 0.6 s (a kernel of the report, a command).
_STOP = frozenset(
    word
    for line in shipped_data("stop_words.txt").splitlines()
    if not line.startswith("#")
    for word in line.split()
) | {"s", "t", "jr", "mr", "mrs", "ms"}


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
    seen: np.ndarray  # per word: its non-initial uses
    capitalised: np.ndarray  # per word: those of them capitalised


def _tokenize(texts: pd.Series) -> _Tokens:
    """Tokens of every text, with each word's share of capitalised uses."""
    row, _, _, forms = tokens(texts.tolist(), r"\w", joins=_joining_hyphens)
    cased_codes, cased = number(forms.chunks)
    # Fold case and accents on the (few) distinct forms, not on every token: a
    # readout's "Erdoğan" is the news's "Erdogan".
    codes_of_cased, vocabulary = pd.factorize(pd.Index([normalise(w) for w in cased], dtype=object))
    codes = codes_of_cased[cased_codes]
    capital = np.array([w[:1].isupper() for w in cased], dtype=float)[cased_codes]
    initial = np.r_[True, row[1:] != row[:-1]] if len(row) else np.zeros(0, dtype=bool)
    seen = np.bincount(codes[~initial], minlength=len(vocabulary)).astype(float)
    capitalised = np.bincount(codes[~initial], weights=capital[~initial], minlength=len(vocabulary))
    name_share = np.divide(capitalised, seen, out=np.zeros(len(vocabulary)), where=seen > 0)
    return _Tokens(row, codes, np.asarray(vocabulary, dtype=object), name_share, seen, capitalised)


class _RunStream(NamedTuple):
    """The words of some sentences as copied runs see them (see :func:`_run_stream`)."""

    row: np.ndarray  # the sentence (a row of the frame) each word is in, ascending
    codes: np.ndarray  # the word, lower-cased
    start: np.ndarray  # its offset in its sentence
    forms: np.ndarray  # the lower-cased word of each code


def _run_stream(texts: pd.Series, rows: np.ndarray) -> _RunStream:
    r"""The words (``re``'s ``\w+``, lower-cased) of the sentences ``rows`` (ascending).

    Unlike the vectors' tokens, a hyphen always separates words: a copy that
    writes "India-US" for "India – US" repeats both words. Only the sentences of
    pairs that share 3-grams are tokenized again, a small part of a corpus.
    """
    local, start, _, forms = tokens(texts.iloc[rows].tolist(), r"\w")
    form_codes, distinct = number(forms.chunks)
    codes_of_form, lowered = pd.factorize(pd.Index([normalise(w) for w in distinct], dtype=object))
    return _RunStream(
        rows[local], codes_of_form[form_codes].astype(np.int64), start, np.asarray(lowered)
    )


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
    is_name: np.ndarray  # per feature: a name or title (weighs AlignRules.name_weight)


class _Features(NamedTuple):
    """Each text's features: stemmed content words, then bigrams of consecutive ones."""

    stems: np.ndarray  # the distinct stems; feature i < len(stems) is stems[i]
    stem_codes: np.ndarray  # per vocabulary word: its stem
    rows: np.ndarray  # per occurrence: its text
    features: np.ndarray  # per occurrence: its feature
    pair_uniques: np.ndarray  # per bigram feature: first stem * len(stems) + second stem
    width: int

    def keys(self) -> pd.Index:
        """Each feature as text, the same in every corpus: "stem" or "stem stem"."""
        first, second = np.divmod(self.pair_uniques.astype(np.int64), len(self.stems))
        pairs = [f"{a} {b}" for a, b in zip(self.stems[first], self.stems[second], strict=True)]
        return pd.Index([*self.stems.tolist(), *pairs], dtype=object)


def _features(tokens: _Tokens) -> _Features:
    row, codes, vocabulary = tokens.row, tokens.codes, tokens.vocabulary
    # Content words, stemmed: vocabulary entries that share a stem become one feature.
    keep = np.array([w not in _STOP and not w.isdigit() for w in vocabulary], dtype=bool)
    stems, stem_codes = np.unique([light_stem(w) for w in vocabulary], return_inverse=True)
    content = keep[codes]
    c_rows, c_stems = row[content], stem_codes[codes[content]].astype(np.int64)
    # Bigrams of consecutive content words in the same text ("election interference").
    same = c_rows[1:] == c_rows[:-1]
    pair_keys = c_stems[:-1][same] * len(stems) + c_stems[1:][same]
    pair_codes, pair_uniques = pd.factorize(pair_keys)  # hashing: faster than sorting
    feature_rows = np.concatenate([c_rows, c_rows[1:][same]])
    features = np.concatenate([c_stems, len(stems) + pair_codes])
    width = len(stems) + (int(pair_codes.max()) + 1 if len(pair_codes) else 0)
    return _Features(
        np.asarray(stems, dtype=object),
        stem_codes,
        feature_rows,
        features,
        np.asarray(pair_uniques, dtype=np.int64),
        width,
    )


@dataclass(frozen=True)
class UnitStatistics:
    """What alignment counts over the whole corpus, summed over parts of it.

    The vectors of a sentence depend on the corpus in two ways: a feature's IDF
    (how many sentences hold it) and which words are names (how often a word is
    capitalised where it does not open its sentence). A corpus aligned in parts
    (partitions of a Dask DataFrame) gives the whole corpus's scores when each
    part counts its own sentences, the counts are summed (:meth:`total`), and
    every part aligns with the sum (``align(..., statistics=...)``).

    Attributes:
        texts: Sentences counted.
        features: Per feature ("stem" or "stem stem"): the sentences holding it.
        words: Per word (lower-cased): its non-initial uses (``seen``) and those
            capitalised (``capitalised``).
    """

    texts: int
    features: pd.Series
    words: pd.DataFrame

    @staticmethod
    def total(parts: list[UnitStatistics]) -> UnitStatistics:
        """The counts of several disjoint sets of sentences, summed."""
        features = pd.concat([part.features for part in parts])
        words = pd.concat([part.words for part in parts])
        return UnitStatistics(
            texts=sum(part.texts for part in parts),
            features=features.groupby(level=0, sort=True).sum(),
            words=words.groupby(level=0, sort=True).sum(),
        )

    def name_stems(self, rules: AlignRules) -> set[str]:
        """The stems of the words capitalised in at least ``rules.name_share`` of their uses."""
        seen, capitalised = self.words["seen"], self.words["capitalised"]
        share = np.divide(capitalised, seen, out=np.zeros(len(seen)), where=seen.to_numpy() > 0)
        return {light_stem(word) for word in self.words.index[share >= rules.name_share]}


def _counts(found: _Features, texts: int) -> sp.csr_matrix:
    """Each text's count of each feature (one stored value per feature a text holds)."""
    counts = sp.csr_matrix(
        (np.ones(len(found.features)), (found.rows, found.features)), shape=(texts, found.width)
    )
    counts.sum_duplicates()
    return counts


def unit_statistics(units: pd.DataFrame) -> UnitStatistics:
    """Alignment's corpus-wide counts over some sentences (rows of :func:`units`).

    Args:
        units: The sentences to count; each sentence of the corpus in one part only.

    Returns:
        Their counts, to sum with the other parts' (:meth:`UnitStatistics.total`).
    """
    texts = units["text"]
    tokens = _tokenize(texts)
    found = _features(tokens)
    # A feature counts once per sentence, as the IDF of one corpus counts it.
    per_feature = np.bincount(_counts(found, len(texts)).indices, minlength=found.width)
    return UnitStatistics(
        texts=len(texts),
        features=pd.Series(per_feature, index=found.keys(), dtype=np.int64),
        words=pd.DataFrame(
            {"seen": tokens.seen, "capitalised": tokens.capitalised},
            index=pd.Index(tokens.vocabulary, dtype=object),
        ),
    )


def _matrices(
    texts: pd.Series, *, rules: AlignRules, statistics: UnitStatistics | None = None
) -> _Vectors:
    """Vectors of every text: features are stemmed content words and content-word bigrams.

    ``rules`` give which words are names (``name_share``) and their weight
    (``name_weight``). IDF and names are counted over ``texts``, or taken from
    ``statistics`` (the whole corpus's, when ``texts`` are a part of it).
    """
    n = len(texts)
    tokens = _tokenize(texts)
    found = _features(tokens)
    width, stems = found.width, found.stems
    counts = _counts(found, n)
    # The three matrices share one index structure; only their values differ.
    present = sp.csr_matrix(
        (np.ones(len(counts.data)), counts.indices, counts.indptr), shape=counts.shape
    )
    # Names and titles recur in every sentence about an event; they say who, not what.
    if statistics is None:
        df = np.bincount(present.indices, minlength=width)
        is_name = np.zeros(len(stems), dtype=bool)
        is_name[found.stem_codes[tokens.name_share >= rules.name_share]] = True
    else:
        n = statistics.texts
        df = statistics.features.reindex(found.keys(), fill_value=0).to_numpy()
        is_name = pd.Index(stems).isin(statistics.name_stems(rules))
    idf = np.log((1 + n) / (1 + df)) + 1.0
    first, second = (
        np.divmod(found.pair_uniques, len(stems)) if len(found.pair_uniques) else ([], [])
    )
    feature_is_name = np.concatenate([is_name, is_name[first] & is_name[second]])
    idf = np.where(feature_is_name, rules.name_weight * idf, idf)
    counts.data = 1.0 + np.log(counts.data)  # sublinear term frequency
    tfidf = _weighted_rows(counts, idf, squared=True)
    del counts  # its values, not its index structure, which tfidf shares
    weighted = _weighted_rows(present, idf, squared=False)
    return _Vectors(
        sp.csr_matrix(tfidf),
        sp.csr_matrix(weighted),
        sp.csr_matrix(present),
        tokens.row,
        tokens.codes,
        len(tokens.vocabulary),
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
