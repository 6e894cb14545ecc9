"""Data-driven topics: NMF over TF-IDF, with each topic's stability across random seeds.

For corpora of a few dozen documents or more (:class:`NmfRules` says how many,
and how the factorisation is set up); on fewer, :func:`nmf_topics` says why it
does not run instead of fitting noise.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.corpus import Corpus
from analysis.topics.documents import _file_documents

__all__ = ["NmfRules", "NmfTopics", "nmf_topics"]


@dataclass(frozen=True)
class NmfRules:
    """How :func:`nmf_topics` finds topics, and on how many documents it may.

    Attributes:
        n_topics: Topics to find (fewer when the corpus has fewer terms, or fewer
            documents less one, since NMF cannot find more).
        seeds: Random seeds; the first gives the topics reported, the others
            how stable each is.
        min_articles: Fewest documents to run on: with fewer the factorisation
            splits one article's own vocabulary into "topics" that are noise.
        top_terms: Terms listed per topic, and compared between seeds for
            ``term_overlap``.
        min_df: A term in fewer documents than this is left out: a word of one
            article cannot make a topic shared by several.
        max_df: A term in more than this share of documents is left out: a word
            every article uses tells no topic from another.
        max_iter: The cap on NMF's iterations per seed: three times
            scikit-learn's default of 200, room for a fit to converge before it
            is stopped.
    """

    n_topics: int = 8
    seeds: tuple[int, ...] = (0, 1, 2, 3, 4)
    min_articles: int = 40
    top_terms: int = 8
    min_df: int = 2
    max_df: float = 0.8
    max_iter: int = 600


@dataclass
class NmfTopics:
    """Data-driven topics from :func:`nmf_topics`.

    Attributes:
        applies: False when the corpus is too small; ``reason`` says why.
        reason: Why NMF was not run, or how it was run.
        terms: One row per NMF topic: ``top_terms``, ``stability`` (mean cosine
            similarity of the topic's term weights to its best match under the
            other seeds, 1 = identical), ``term_overlap`` (mean share of top
            terms shared with the match) and ``articles`` (documents for which
            it is the strongest topic).
        weights: Document × topic weights of the reference seed.
        seeds: The random seeds compared; the first is the reference.
    """

    applies: bool
    reason: str
    terms: pd.DataFrame
    weights: pd.DataFrame
    seeds: tuple[int, ...] = ()

    def __repr__(self) -> str:
        if not self.applies:
            return f"NMF topics not computed. {self.reason}"
        return f"{self.reason}\n{self.terms.to_string()}"

    def _repr_html_(self) -> str:
        import html

        if not self.applies:
            return f"<p><b>NMF topics not computed.</b> {html.escape(self.reason)}</p>"
        return f"<p>{html.escape(self.reason)}</p>" + self.terms.to_html()


def nmf_topics(
    corpus: Corpus,
    n_topics: int | None = None,
    seeds: tuple[int, ...] | None = None,
    min_articles: int | None = None,
    top_terms: int | None = None,
    *,
    rules: NmfRules | None = None,
) -> NmfTopics:
    """Topics found in the data: NMF over TF-IDF, with their stability across seeds.

    NMF factorises the document × term TF-IDF matrix into ``n_topics`` topics
    (weighted term lists). It is seeded, so it is reproducible, but a different
    seed can give different topics; each topic's ``stability`` says how well it
    is found again under the other seeds. With fewer than ``min_articles``
    documents the factorisation fits noise, so it is not run and ``reason``
    says so.

    Args:
        corpus: The loaded corpus (documents loaded from files are used).
        n_topics: Topics to find (default: ``rules.n_topics``).
        seeds: Random seeds; the first gives the topics reported (default:
            ``rules.seeds``).
        min_articles: Fewest documents to run on (default: ``rules.min_articles``).
        top_terms: Terms listed per topic (default: ``rules.top_terms``).
        rules: The settings (:class:`NmfRules`); the four arguments above, when
            given, stand in for its fields of those names.

    Returns:
        The topics, or ``applies=False`` with the reason.
    """
    given = {"n_topics": n_topics, "seeds": seeds, "min_articles": min_articles,
             "top_terms": top_terms}  # fmt: skip
    rules = dataclasses.replace(
        NmfRules() if rules is None else rules,
        **{name: value for name, value in given.items() if value is not None},
    )
    seeds, top_terms = tuple(rules.seeds), rules.top_terms
    docs = _file_documents(corpus)
    empty = NmfTopics(False, "", pd.DataFrame(columns=["top_terms", "stability"]), pd.DataFrame())
    if len(docs) < rules.min_articles:
        empty.reason = (
            f"The corpus has {len(docs)} document{'s' if len(docs) != 1 else ''} loaded from "
            f"files; NMF needs at least {rules.min_articles}, because with fewer it "
            "splits one article's own vocabulary into 'topics' that are noise. The lexicon "
            "topics above apply to any corpus."
        )
        return empty
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(
        stop_words="english",
        min_df=rules.min_df,
        max_df=rules.max_df,
        sublinear_tf=True,
        token_pattern=r"(?u)\b[^\W\d_][^\W\d_]+\b",
    )
    matrix = vectorizer.fit_transform(docs["text"].tolist())
    vocabulary = vectorizer.get_feature_names_out()
    n_topics = min(rules.n_topics, matrix.shape[1], len(docs) - 1)
    fits = []
    for seed in seeds:
        model = NMF(
            n_components=n_topics, init="random", random_state=seed, max_iter=rules.max_iter
        )
        doc_weights = model.fit_transform(matrix)
        fits.append((doc_weights, model.components_))
    reference = fits[0][1]
    similarity, overlap = _stability(reference, [other for _, other in fits[1:]], top_terms)
    weights = pd.DataFrame(
        fits[0][0],
        index=pd.Index(docs["article_id"], name="article_id"),
        columns=[f"nmf_{k + 1}" for k in range(n_topics)],
    )
    dominant = weights.idxmax(axis=1).value_counts()
    terms = pd.DataFrame(
        {
            "top_terms": [
                ", ".join(vocabulary[i] for i in np.argsort(-row)[:top_terms]) for row in reference
            ],
            "stability": similarity.mean(axis=0).round(2) if len(seeds) > 1 else np.nan,
            "term_overlap": overlap.mean(axis=0).round(2) if len(seeds) > 1 else np.nan,
        },
        index=pd.Index(weights.columns, name="nmf_topic"),
    )
    terms["articles"] = dominant.reindex(terms.index, fill_value=0).astype("int64")
    reason = (
        f"NMF over TF-IDF of {len(docs)} documents ({matrix.shape[1]} terms), {n_topics} topics, "
        f"seed {seeds[0]}; stability compares with seeds {', '.join(map(str, seeds[1:]))}."
    )
    return NmfTopics(True, reason, terms, weights, tuple(seeds))


def _stability(
    reference: np.ndarray, others: list[np.ndarray], top_terms: int
) -> tuple[np.ndarray, np.ndarray]:
    """Per other seed and reference topic: cosine similarity to its match, and top terms shared.

    Each reference topic is matched to one topic of each other fit (the
    assignment that maximises the total cosine similarity of their term weights).
    """
    from scipy.optimize import linear_sum_assignment

    n_topics = len(reference)
    unit = reference / np.maximum(np.linalg.norm(reference, axis=1, keepdims=True), 1e-12)
    tops = [set(np.argsort(-row)[:top_terms]) for row in reference]
    similarity = np.zeros((len(others), n_topics))
    overlap = np.zeros((len(others), n_topics))
    for n, other in enumerate(others):
        other_unit = other / np.maximum(np.linalg.norm(other, axis=1, keepdims=True), 1e-12)
        cosine = unit @ other_unit.T
        rows, cols = linear_sum_assignment(-cosine)
        similarity[n, rows] = cosine[rows, cols]
        for r, c in zip(rows, cols, strict=True):
            overlap[n, r] = len(tops[r] & set(np.argsort(-other[c])[:top_terms])) / top_terms
    return similarity, overlap
