"""The whole workbook in one call equals each module's own analysis."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis import framing, parallel, pipeline, readability, topics

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


@pytest.mark.parametrize("side_by_side", [False, True])
def test_analyse_equals_the_modules_one_by_one(side_by_side, monkeypatch):
    corpus = analysis.load_corpus(CORPUS)
    files = corpus.articles.loc[corpus.articles["derived_from"] == "", "text"]
    expected = framing.analyse(corpus)
    scores = readability.suite(files)
    mentions = topics.find_mentions(corpus)
    if side_by_side:  # the fixture is small: make it take the two-process path
        monkeypatch.setattr(pipeline, "PARALLEL_MIN_DOCUMENTS", 1)
        monkeypatch.setattr(parallel, "usable_cpus", lambda: 2)
    got = pipeline.analyse(corpus)
    for name in ("units", "alignment", "sources", "usage", "reuse", "verbs", "quotes"):
        pd.testing.assert_frame_equal(getattr(got.framing, name), getattr(expected, name))
    pd.testing.assert_frame_equal(got.readability, scores)
    pd.testing.assert_frame_equal(got.mentions, mentions)
    assert len(got.framing.alignment) and len(got.mentions) and len(got.readability)
