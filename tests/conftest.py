"""Corpora shared by the whole suite, each loaded once per session.

The loaded frames are shared between tests: a test that changes one works on
a copy (``corpus.articles.copy()``), never on the fixture itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import analysis

TESTS = Path(__file__).parent
SEEDS = TESTS.parent / "seeds"
FIXTURES = TESTS / "fixtures"


@pytest.fixture(scope="session")
def seed_corpus() -> analysis.Corpus:
    """The seed article and its embedded readout (``seeds/``)."""
    return analysis.load_corpus(SEEDS)


@pytest.fixture(scope="session")
def fixture_corpus() -> analysis.Corpus:
    """Nine articles and readouts written for the tests (``tests/fixtures/corpus``)."""
    return analysis.load_corpus(FIXTURES / "corpus")


@pytest.fixture(scope="session")
def layouts_corpus() -> analysis.Corpus:
    """Articles in the layouts of real sites, in our own words (``tests/fixtures/layouts``)."""
    return analysis.load_corpus(FIXTURES / "layouts")
