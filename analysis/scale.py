"""Corpora beyond one machine: the per-partition functions on Dask.

Segmentation (blocks, roles, sentences, quotations, embedded official texts) is
a function of each article alone, :func:`analysis.corpus.analyse_articles`, so
a Dask DataFrame of articles is processed partition by partition, on as many
workers as the cluster has, and gives the same rows as the pandas run. The only
thing a partition needs from outside is the text of the official documents its
articles pair with; it is passed to every partition (official texts are few).

Typical use on a cluster (see the README)::

    from dask.distributed import Client
    client = Client("tcp://scheduler:8786")
    articles = dd.read_parquet("articles.parquet")       # the articles frame
    frames = scale.analyse(articles, officials)            # lazy Dask DataFrames
    frames["blocks"].to_parquet("blocks.parquet")
"""

from __future__ import annotations

import operator

import pandas as pd

from analysis.schema import ARTICLE_COLUMNS, FRAMES
from analysis.segment.articles import analyse_articles

__all__ = ["analyse", "officials_of"]


def officials_of(articles: pd.DataFrame) -> dict[str, str]:
    """``{article_id: text}`` of the official documents in an articles frame."""
    official = articles[articles["kind"] == "official"]
    return dict(zip(official["article_id"], official["text"], strict=True))


def analyse(articles, officials: dict[str, str]) -> dict:
    """Segment a Dask DataFrame of articles, partition by partition.

    Args:
        articles: A ``dask.dataframe.DataFrame`` with the columns of ``Corpus.articles``
            (documents loaded from files).
        officials: ``{official_id: text}`` of every official document that any
            article's ``pairs_with`` names (see :func:`officials_of`).

    Returns:
        ``{"articles", "blocks", "sentences", "quotes", "pairs"}`` as lazy Dask
        DataFrames; each partition is segmented once however many are computed.
    """
    import dask
    import dask.dataframe as dd

    empty = pd.DataFrame({column: pd.Series(dtype=dtype) for column, dtype in _dtypes(articles)})
    meta = analyse_articles(empty[list(ARTICLE_COLUMNS)], {})
    parts = [
        dask.delayed(analyse_articles)(part, officials, False) for part in articles.to_delayed()
    ]
    return {
        name: dd.from_delayed(
            [dask.delayed(operator.getitem)(part, name) for part in parts],
            meta=meta[name],
            verify_meta=False,
        )
        for name in FRAMES
    }


def _dtypes(articles) -> list[tuple[str, object]]:
    return [(column, articles.dtypes[column]) for column in ARTICLE_COLUMNS]
