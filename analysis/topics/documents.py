"""Which documents the corpus-wide counts use, and how a document without an outlet is grouped."""

from __future__ import annotations

import pandas as pd

from analysis.corpus import Corpus

__all__ = []


def _file_documents(corpus: Corpus, kinds: tuple[str, ...] = ("news", "official")) -> pd.DataFrame:
    """Documents loaded from files (derived official texts are part of their article)."""
    articles = corpus.articles
    return articles[(articles["derived_from"] == "") & articles["kind"].isin(kinds)]
