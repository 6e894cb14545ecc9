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

from analysis.errors import CorpusError
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
        corpus_path=EDGE / name,
        out_dir=tmp_path / "report",
        notebooks_dir=REPO / "notebooks",
        cache_dir=tmp_path / "cache",  # not the repository's build/cache
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


def _hostile_corpus(folder: Path) -> dict[str, str]:
    """A corpus folder holding what a shared folder or a scraper leaves, and why each is left out."""
    import os

    folder.mkdir()
    seed = (REPO / "seeds" / "000_aeb9b40009e01b77.txt").read_text(encoding="utf-8")
    (folder / "seed.txt").write_text(seed, encoding="utf-8")
    (folder / "stray.txt").write_text(
        "Talks to resume\n\nThe minister\x1b said on Monday that the talks would resume.\n",
        encoding="utf-8",
    )
    speech = "it's the people's 'view' and the nation's 'hope' of "
    (folder / "transcript.txt").write_text(
        "A transcript of the speech\n\n" + speech * 1_800 + "\n", encoding="utf-8"
    )
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    with open(folder / "dump.txt", "wb") as dump:
        dump.truncate(60_000_000)
    (folder / "blob.txt").write_bytes(bytes(range(1, 9)) * 500)
    (folder / "deep.jsonl").write_text("[" * 100_000 + "\n", encoding="utf-8")
    return {
        "pipe.txt": "a named pipe",
        "zero.txt": "a character device",
        "gone.txt": "a symbolic link to a file that does not exist",
        "dump.txt": "over the limit of 10,000,000 bytes",
        "blob.txt": "binary data",
        "deep.jsonl": "nested too deeply",
    }


@pytest.mark.slow
def test_the_report_collects_what_it_cannot_read_and_lists_it(tmp_path):
    corpus = tmp_path / "corpus"
    left_out = _hostile_corpus(corpus)
    index = build_report(
        corpus_path=corpus,
        out_dir=tmp_path / "report",
        notebooks_dir=REPO / "notebooks",
        cache_dir=tmp_path / "cache",
    )
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 1  # loaded and analysed once
    page = unescape(index.read_text(encoding="utf-8"))
    listed = page.split("<h2>Not in the corpus</h2>")[1]
    for name, reason in left_out.items():
        row = re.search(rf"<tr><td><code>{re.escape(name)}</code></td>.*?</tr>", listed)
        assert row and reason in row.group(), name
    assert f"{len(left_out)} files or records" in listed
    findings = _findings(index)
    assert len(findings) == len(list((REPO / "notebooks").glob("*.ipynb")))
    assert not any("no findings" in f for f in findings)
    with pytest.raises(CorpusError):
        build_report(
            corpus_path=corpus,
            out_dir=tmp_path / "raise",
            notebooks_dir=REPO / "notebooks",
            errors="raise",
            cache_dir=tmp_path / "cache",
        )
