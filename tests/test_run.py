"""The whole workbook in one call, in pandas and on Dask, equals each module's own analysis."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis import framing, parallel, readability, run, topics

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = Path(__file__).parents[1] / "seeds"

dd = pytest.importorskip("dask.dataframe", reason="dask is in requirements.lock; install it")
distributed = pytest.importorskip("distributed")


@pytest.mark.parametrize("two_processes", [False, True])
def test_run_workbook_equals_the_modules_one_by_one(two_processes, monkeypatch, fixture_corpus):
    corpus = fixture_corpus
    files = corpus.articles.loc[corpus.articles["derived_from"] == "", "text"]
    expected = framing.framing_of(corpus)
    scores = readability.suite(files)
    mentions = topics.find_mentions(corpus)
    if two_processes:  # the fixture is small: make it take the two-process path
        monkeypatch.setattr(run, "PARALLEL_MIN_DOCUMENTS", 1)
        monkeypatch.setattr(parallel, "usable_cpus", lambda: 2)
    got = run.run_workbook(corpus)
    for name in (field.name for field in fields(framing.Framing)):
        pd.testing.assert_frame_equal(getattr(got.framing, name), getattr(expected, name))
    pd.testing.assert_frame_equal(got.readability, scores)
    pd.testing.assert_frame_equal(got.mentions, mentions)
    assert len(got.framing.alignment) and len(got.mentions) and len(got.readability)


def test_run_workbook_passes_its_rules_on(fixture_corpus):
    strict = run.Rules(align=framing.AlignRules(verbatim=0.99, close_cosine=0.95))
    default = run.run_workbook(fixture_corpus).framing.alignment["label"].value_counts()
    got = run.run_workbook(fixture_corpus, rules=strict).framing.alignment["label"]
    assert (got == "verbatim").sum() < default.get("verbatim", 0)


# --- on Dask ---------------------------------------------------------------------------

# The columns that identify a row of each frame, to compare rows whatever their order.
KEYS = {
    "articles": ["article_id"],
    "blocks": ["article_id", "block_no"],
    "sentences": ["article_id", "sent_no"],
    "quotes": ["article_id", "quote_no"],
    "terms": ["article_id", "term_no"],
    "attributions": ["article_id", "attribution_no"],
    "pairs": ["news_id", "official_id"],
    "framing_units": ["side", "doc_id", "sent_no"],
    "framing_alignment": ["news_id", "sent_no"],
    "framing_sources": ["news_id", "sent_no", "official_id", "official_sent_no"],
    "framing_usage": ["news_id", "official_id", "official_sent_no"],
    "framing_reuse": ["news_id", "official_id"],
    "framing_verbs": ["news_id", "sent_no", "official_id", "official_sent_no"],
    "framing_quotes": ["news_id", "quote_no"],
    "framing_attributions": ["article_id", "attribution_no"],
    "readability": ["article_id"],
    "mentions": ["article_id", "start", "topic"],
}


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    )
    with distributed.Client(cluster) as connected:
        yield connected
    cluster.close()


def _pandas_frames(corpus: analysis.Corpus, rules: run.Rules | None = None) -> dict:
    workbook = run.run_workbook(corpus, rules=rules)
    frames = {name: getattr(corpus, name) for name in KEYS if hasattr(corpus, name)}
    for name in (field.name for field in fields(framing.Framing)):
        frames[f"framing_{name}"] = getattr(workbook.framing, name)
    scores = workbook.readability.copy()
    scores.insert(0, "article_id", corpus.articles.loc[scores.index, "article_id"].to_numpy())
    frames["readability"] = scores.reset_index(drop=True)
    frames["mentions"] = workbook.mentions
    return frames


def _assert_same_rows(got: dict, expected: dict) -> None:
    assert set(got) == set(run.DASK_FRAMES) == set(KEYS)
    for name, keys in KEYS.items():
        want = expected[name].sort_values(keys).reset_index(drop=True)
        have = got[name].sort_values(keys).reset_index(drop=True)
        assert list(have.columns) == list(want.columns), name
        pd.testing.assert_frame_equal(have, want, check_dtype=False, obj=name)


@pytest.mark.slow
@pytest.mark.parametrize("folder", ["corpus", "layouts", "seeds"])
def test_dask_frames_equal_the_pandas_frames(client, folder):
    corpus = analysis.load_corpus(SEEDS if folder == "seeds" else FIXTURES / folder)
    files = corpus.articles[corpus.articles["derived_from"] == ""]
    articles = dd.from_pandas(files, npartitions=3)
    frames = run.run_on_dask(articles)
    computed = dict(zip(frames, client.compute(list(frames.values()), sync=True), strict=True))
    expected = _pandas_frames(corpus)
    _assert_same_rows(computed, expected)
    # The official documents are segmented once: no row of theirs comes twice.
    assert not computed["sentences"].duplicated(["article_id", "sent_no"]).any()
    assert len(computed["framing_alignment"]) == len(expected["framing_alignment"]) > 0


@pytest.mark.slow
def test_dask_frames_take_the_rules_on_every_worker(client, fixture_corpus):
    strict = run.Rules(align=framing.AlignRules(verbatim=0.99, close_cosine=0.95))
    files = fixture_corpus.articles[fixture_corpus.articles["derived_from"] == ""]
    frames = run.run_on_dask(dd.from_pandas(files, npartitions=2), rules=strict)
    alignment = client.compute(frames["framing_alignment"], sync=True)
    want = _pandas_frames(fixture_corpus, strict)["framing_alignment"]
    keys = KEYS["framing_alignment"]
    pd.testing.assert_frame_equal(
        alignment.sort_values(keys).reset_index(drop=True),
        want.sort_values(keys).reset_index(drop=True),
        check_dtype=False,
    )


def test_counts_summed_over_parts_give_the_whole_corpus_alignment(fixture_corpus):
    units = framing.units(fixture_corpus)
    half = len(units) // 2
    parts = [framing.unit_statistics(units.iloc[:half]), framing.unit_statistics(units.iloc[half:])]
    summed = framing.UnitStatistics.total(parts)
    whole = framing.unit_statistics(units)
    assert summed.texts == whole.texts == len(units)
    pd.testing.assert_series_equal(
        summed.features, whole.features.sort_index(), check_index_type=False
    )
    alone = framing.align(fixture_corpus, units)
    counted = framing.align(fixture_corpus, units, statistics=summed)
    for left, right in zip(alone, counted, strict=True):
        pd.testing.assert_frame_equal(left, right)
    # Counted over a part alone, the IDF differs: the sums are what make parts agree.
    partial = framing.align(fixture_corpus, units, statistics=parts[0])
    assert not partial[0]["cosine"].equals(alone[0]["cosine"])
