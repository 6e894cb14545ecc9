"""Every notebook runs on corpora of odd shapes and says plainly what it cannot show.

Each corpus in ``tests/fixtures/edge/`` goes through the report builder (papermill
runs every notebook on it); the index's findings are read back. nbval does not
hold these outputs: the check is that nothing raises and the findings say why a
figure is missing.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from analysis.report import build_report

REPO = Path(__file__).parents[2]
EDGE = Path(__file__).parents[1] / "fixtures" / "edge"

# For each corpus, words its findings must hold: the plain reason a figure is missing.
EXPECTED = {
    "news_only": ["paired with no official text", "no official text to compare"],
    "official_only": ["no news article", "is an official document, not a news article"],
    "one_article": ["paired with no official text"],
    "no_quotes": ["official sentences"],
    "disjoint_pair": ["omitted"],
    "tiny": ["too few sentences"],
    "non_english": ["paired with no official text", "not english"],
}


def _findings(index: Path) -> list[str]:
    page = index.read_text(encoding="utf-8")
    found = re.findall(r'<p class="findings[^"]*">(.*?)</p>', page, re.S)
    return [unescape(re.sub(r"<[^>]+>", "", f)) for f in found]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_notebook_runs_on_an_edge_corpus(name, tmp_path):
    index = build_report(
        corpus_path=EDGE / name, out_dir=tmp_path / "report", notebooks_dir=REPO / "notebooks"
    )
    findings = _findings(index)
    assert (index.parent / "tables" / "README.md").is_file()  # every result as a table
    assert 'href="tables/blocks.csv"' in index.read_text(encoding="utf-8")
    assert 'href="tables.html"' in index.read_text(encoding="utf-8")  # browsable tables
    notebooks = sorted((REPO / "notebooks").glob("*.ipynb"))
    assert len(findings) == len(notebooks)  # every notebook ran and stated its findings
    assert not any("no findings" in f for f in findings)
    text = " ".join(findings).lower()
    for words in EXPECTED[name]:
        assert words.lower() in text, f"{name}: {words!r} not in the findings"
