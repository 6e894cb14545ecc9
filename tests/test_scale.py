"""The Dask path gives exactly the pandas rows, on a distributed LocalCluster."""

from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis import scale

dd = pytest.importorskip("dask.dataframe", reason="dask is in requirements.lock; install it")
distributed = pytest.importorskip("distributed")

FIXTURES = [Path(__file__).parent / "fixtures" / name for name in ("corpus", "layouts")]
KEYS = {
    "articles": ["article_id"],
    "blocks": ["article_id", "block_no"],
    "sentences": ["article_id", "sent_no"],
    "quotes": ["article_id", "quote_no"],
    "pairs": ["news_id", "official_id"],
}


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    )
    with distributed.Client(cluster) as connected:
        yield connected
    cluster.close()


@pytest.mark.parametrize("folder", FIXTURES, ids=[f.name for f in FIXTURES])
def test_dask_results_equal_pandas_results(client, folder):
    corpus = analysis.load_corpus(folder)
    files = corpus.articles[corpus.articles["derived_from"] == ""]
    articles = dd.from_pandas(files, npartitions=3)
    frames = scale.analyse(articles, scale.officials_of(files))
    computed = dict(zip(frames, client.compute(list(frames.values()), sync=True), strict=True))
    for name, keys in KEYS.items():
        expected = getattr(corpus, name).sort_values(keys).reset_index(drop=True)
        got = computed[name].sort_values(keys).reset_index(drop=True)
        pd.testing.assert_frame_equal(got[expected.columns], expected, check_dtype=False)
    assert articles.npartitions == 3
