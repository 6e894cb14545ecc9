"""Training the cue model (:mod:`analysis.segment.cue_model`) on brat-labelled news.

``python -m analysis train-attribution FOLDER`` runs :func:`train_cue_model` on a
folder in PolNeAR's layout (``texts/<id>.txt``, ``attributions/<id>_<annotator>.ann``)
and writes the weights the package ships. It loads the texts with the workbook
itself, so the model is trained on the sentences, with quotations blanked, that
the attribution rules read.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pandas as pd

from analysis.corpus import load_corpus
from analysis.errors import CorpusError
from analysis.segment import (
    NOT_PROSE,
    UNSPOKEN_EVIDENCE,
    UNSPOKEN_NAME_EVIDENCE,
    CueModel,
    bare_form,
    features,
    mask_quotes,
    tokens,
)
from analysis.validate.attributions import gold_attributions

__all__ = ["articles_through", "cue_head", "train_cue_model", "training_rows"]

# Words that may stand before a cue's own verb in a labelled cue ("has said",
# "is expected", "also noted"): the cue's head is the first word after them.
_AUXILIARIES = frozenset(
    """has have had is are was were be been being also not will would could did does do
    'd 's n't never already later just even still repeatedly publicly previously to""".split()
)

# Reasons for the training settings, which the test that retrains the model repeats:
# a form must open a labelled cue this often to be a candidate (rarer ones are noise),
# or its family must, over all its forms (:func:`_stem`: "supporter" once, "support"
# and "supports" often), and a feature must be seen this often to get a weight (keeps
# the file small).
MIN_CUE_COUNT = 2
MIN_FEATURE_COUNT = 2
# and a form must be a cue at least this share of the times it stands in prose.
MIN_CUE_SHARE = 0.2
# Chosen on months held out of training (see the README): the probability from which
# the found attributions stay at least 0.8 precise, with a margin for months not
# measured (June-September 2016: 0.45 gave 0.83 / 0.68, 0.38 gives 0.82 / 0.71, 0.35
# gives 0.81 / 0.72, 0.30 falls to 0.79 / 0.75).
THRESHOLD = 0.38
# A form taken in by its family is a cue from this probability: on the held-out months
# they added 0.7 points of reported speech found at the same precision, where the
# common threshold added 1.2 but took literal senses ("painted the boats blue").
FAMILY_THRESHOLD = 0.6


def cue_head(cue_text: str) -> str:
    """The first word of a labelled cue past its auxiliaries: "has also said" → "said"."""
    for token in cue_text.split():
        bare = bare_form(token)
        if bare and bare not in _AUXILIARIES and bare != "<q>":
            return bare
    return ""


_SUFFIX = re.compile(r"(?:ments?|ions?|ers?|ings?|ed|es|s)$")


def _stem(word: str) -> str:
    """A cue word's family: the word less a common suffix ("supporters" → "support")."""
    return _SUFFIX.sub("", word) if len(word) > 5 else word


def training_rows(corpus, gold) -> tuple[list[list[str]], list[int], Counter]:
    """Every candidate word of the corpus's prose sentences: its features and whether it is a cue.

    Args:
        corpus: The loaded corpus (its sentences and quotations are read).
        gold: Its labelled attributions (:func:`analysis.validate.gold_attributions`).

    Returns:
        ``(features, labels, vocabulary counts)``; a word is a cue when it lies in a
        labelled Cue span. The candidates are the forms that head a labelled cue
        ``MIN_CUE_COUNT`` times or more, or whose family (:func:`_stem`) does; the
        counts say which (a family's form has a count under ``MIN_CUE_COUNT``).
    """
    heads = Counter(cue_head(c) for c in gold["cue_text"] if c.strip())
    heads.pop("", None)
    families = Counter()
    for word, n in heads.items():
        families[_stem(word)] += n
    vocabulary = {
        w for w, n in heads.items() if n >= MIN_CUE_COUNT or families[_stem(w)] >= MIN_CUE_COUNT
    }
    cue_spans: dict[str, list[tuple[int, int]]] = {}
    for row in gold.itertuples(index=False):
        if row.cue_start >= 0:
            cue_spans.setdefault(row.article_id, []).append((row.cue_start, row.cue_end))
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    # Blanked as the speaker rules blank them: every quotation, the speakerless
    # words that split_unspoken later calls terms too. Those terms depend on the
    # cue model; leaving them blank keeps the training rows from depending on it.
    unspoken = corpus.terms[
        corpus.terms["evidence"].isin([UNSPOKEN_EVIDENCE, UNSPOKEN_NAME_EVIDENCE])
    ]
    blanked = pd.concat(
        [corpus.quotes[["article_id", "start", "end"]], unspoken[["article_id", "start", "end"]]]
    )
    quotes = blanked.sort_values(["article_id", "start"], kind="stable").groupby("article_id")
    prose = corpus.blocks[~corpus.blocks["role"].isin(NOT_PROSE)][["article_id", "block_no"]]
    sentences = corpus.sentences.merge(prose, on=["article_id", "block_no"])
    labelled = set(gold["article_id"])
    rows, labels = [], []
    for article_id, group in sentences.groupby("article_id", sort=True):
        if article_id not in labelled:
            continue
        text = texts[article_id]
        mine = quotes.get_group(article_id) if article_id in quotes.groups else None
        masked = mask_quotes(text, list(mine.itertuples()) if mine is not None else [])
        spans = cue_spans.get(article_id, [])
        for lo, hi in zip(group["start"], group["end"], strict=True):
            sentence = masked[lo:hi]
            for a, b, form in tokens(sentence):
                if form not in vocabulary:
                    continue
                rows.append(features(sentence, a, b))
                labels.append(int(any(s < lo + b and lo + a < e for s, e in spans)))
    # A form that is seldom a cue where it stands ("the" in "the statement said",
    # "in" in "in an interview") is left out: the model would reject it nearly
    # always, and scoring it everywhere would cost more than it finds.
    seen, cued = Counter(), Counter()
    for row, label in zip(rows, labels, strict=True):
        seen[row[0]] += 1
        cued[row[0]] += label
    kept = {f for f in seen if cued[f] >= MIN_CUE_SHARE * seen[f]}
    keep = [n for n, row in enumerate(rows) if row[0] in kept]
    vocabulary = {f[2:] for f in kept}
    return (
        [rows[n] for n in keep],
        [labels[n] for n in keep],
        Counter({w: heads[w] for w in vocabulary}),
    )


def articles_through(folder: Path, month: str) -> set[str]:
    """The ids of the articles ``folder/metadata.tsv`` dates to ``month`` (YYYY-MM) or before.

    Raises:
        CorpusError: No metadata.tsv, or one without ``filename`` and ``publication_date``.
    """
    path = Path(folder) / "metadata.tsv"
    if not path.is_file():
        raise CorpusError(
            str(path), "", "no such file", "--through needs the folder's metadata.tsv"
        )
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    if rows and not {"filename", "publication_date"} <= set(rows[0]):
        raise CorpusError(
            str(path),
            "line 1",
            "no filename and publication_date columns",
            "use PolNeAR's metadata",
        )
    return {r["filename"] for r in rows if r["publication_date"][:7] <= month}


def train_cue_model(folder: Path, articles: set[str] | None = None) -> CueModel:
    """Train the cue model on a PolNeAR-style folder (``texts/`` and ``attributions/``).

    Deterministic: the same folder gives the same weights (liblinear, a fixed seed),
    to their fourth decimal; rarely the last one flips, where the solver's floating
    point differs in its last bits with the memory layout of its arrays.

    Args:
        folder: Holds ``texts/<id>.txt`` and ``attributions/<id>_<annotator>.ann``.
        articles: Train on these article ids only (to hold some out); all by default.
    """
    from sklearn.feature_extraction import DictVectorizer  # only to train: imported late
    from sklearn.linear_model import LogisticRegression

    folder = Path(folder)
    corpus = load_corpus(folder / "texts", errors="collect")
    gold = gold_attributions(corpus, folder / "attributions")
    if articles is not None:
        gold = gold[gold["article_id"].isin(articles)]
    rows, labels, vocabulary = training_rows(corpus, gold)
    seen = Counter(f for row in rows for f in row)
    kept = [{f: 1 for f in row if seen[f] >= MIN_FEATURE_COUNT} for row in rows]
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(kept).tocsr()
    # liblinear takes 32-bit indices only; DictVectorizer may hand over 64-bit ones.
    x.indices, x.indptr = x.indices.astype("int32"), x.indptr.astype("int32")
    # liblinear shuffles its coordinates; without a fixed seed it takes one from
    # numpy's global generator, and the weights move in their fourth decimal.
    model = LogisticRegression(solver="liblinear", C=1.0, max_iter=1000, random_state=0)
    model.fit(x, labels)
    names = vectorizer.get_feature_names_out()
    weights = {
        str(name): round(float(w), 4)
        for name, w in zip(names, model.coef_[0], strict=True)
        if abs(w) >= 1e-4
    }
    return CueModel(
        frozenset(vocabulary),
        weights,
        round(float(model.intercept_[0]), 4),
        THRESHOLD,
        {
            "what": "logistic regression: is this word a reporting cue? (analysis/segment/cue_model.py)",
            "trained_on": f"{folder.name}: {gold['article_id'].nunique()} labelled articles, "
            f"{len(rows):,} candidate words, {sum(labels):,} of them cues",
            "train": "python -m analysis train-attribution FOLDER",
            "min_cue_count": MIN_CUE_COUNT,
            "min_feature_count": MIN_FEATURE_COUNT,
            "min_cue_share": MIN_CUE_SHARE,
            "threshold_reason": "found attributions stay >= 0.8 precise on held-out months",
            "family_threshold_reason": "a form seen once as a cue, taken in by its family",
        },
        frozenset(w for w, n in vocabulary.items() if n < MIN_CUE_COUNT),
        FAMILY_THRESHOLD,
    )
