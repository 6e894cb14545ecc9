"""The corpus loaded and analysed once: a cache that is never stale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis import cache
from analysis.framing import UsageRules
from analysis.run import Rules, run_workbook
from analysis.segment import SpeakerLimits

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"


@pytest.fixture
def folder(tmp_path):
    """A copy of the fixture corpus, free to change."""
    return Path(shutil.copytree(FIXTURES, tmp_path / "corpus"))


def entries(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob(f"*{cache.CACHE_SUFFIX}"))


def test_the_second_load_reads_the_cache_and_gives_the_same_frames(folder, tmp_path):
    first = analysis.load_workbook(folder, cache_dir=tmp_path / "cache")
    second = analysis.load_workbook(folder, cache_dir=tmp_path / "cache")
    assert (first.from_cache, second.from_cache) == (False, True)
    assert first.path == second.path and entries(tmp_path / "cache") == [first.path]
    fresh = analysis.load_corpus(folder)
    for name in ("articles", "blocks", "sentences", "quotes", "terms", "attributions", "pairs"):
        pd.testing.assert_frame_equal(getattr(second.corpus, name), getattr(fresh, name))
    assert second.corpus.root == fresh.root
    work = run_workbook(fresh)
    pd.testing.assert_frame_equal(second.workbook.framing.usage, work.framing.usage)
    pd.testing.assert_frame_equal(second.workbook.readability, work.readability)
    pd.testing.assert_frame_equal(second.workbook.mentions, work.mentions)


def test_a_changed_file_makes_a_new_entry_and_the_old_one_goes(folder, tmp_path):
    first = analysis.load_workbook(folder, cache_dir=tmp_path / "cache")
    article = folder / "weekly.txt"
    article.write_text(article.read_text("utf-8") + "\nA sentence added later.\n", "utf-8")
    second = analysis.load_workbook(folder, cache_dir=tmp_path / "cache")
    assert not second.from_cache
    assert second.path != first.path
    assert entries(tmp_path / "cache") == [second.path]  # one entry per corpus path
    assert "A sentence added later." in "".join(second.corpus.articles["text"])


def test_changed_rules_make_a_new_entry(folder, tmp_path):
    first = analysis.load_workbook(folder, cache_dir=tmp_path / "cache")
    limits = analysis.load_workbook(
        folder, cache_dir=tmp_path / "cache", speaker_limits=SpeakerLimits(continue_blocks=0)
    )
    assert not limits.from_cache and limits.path != first.path
    stricter = Rules(usage=UsageRules(verbatim_run=Rules().usage.verbatim_run + 4))
    rules = analysis.load_workbook(folder, cache_dir=tmp_path / "cache", rules=stricter)
    assert not rules.from_cache and rules.path not in (first.path, limits.path)
    assert analysis.load_workbook(folder, cache_dir=tmp_path / "cache", rules=stricter).from_cache


def test_the_rules_fingerprint_reads_every_file_of_the_package(monkeypatch, tmp_path):
    package = tmp_path / "pkg"
    (package / "data").mkdir(parents=True)
    (package / "rules.py").write_text("X = 1\n")
    (package / "data" / "verbs.toml").write_text("said = 1\n")
    monkeypatch.setattr(cache, "_PACKAGE", package)
    cache.rules_fingerprint.cache_clear()
    try:
        before = cache.rules_fingerprint()
        cache.rules_fingerprint.cache_clear()
        (package / "data" / "verbs.toml").write_text("said = 2\n")
        assert cache.rules_fingerprint() != before
    finally:
        cache.rules_fingerprint.cache_clear()


def test_an_unreadable_entry_is_a_miss_and_is_written_again(folder, tmp_path):
    first = analysis.load_workbook(folder, cache_dir=tmp_path / "cache")
    first.path.write_bytes(b"cut short")
    again = analysis.load_workbook(folder, cache_dir=tmp_path / "cache")
    assert not again.from_cache
    assert analysis.load_workbook(folder, cache_dir=tmp_path / "cache").from_cache


def test_the_skipped_files_and_the_root_are_this_loads(folder, tmp_path):
    analysis.load_workbook(folder, cache_dir=tmp_path / "cache")
    (folder / "notes.bin").write_bytes(b"\x00\x01")  # not an article: listed, not read
    loaded = analysis.load_workbook(folder, cache_dir=tmp_path / "cache", errors="collect")
    assert loaded.from_cache  # the documents read are the same
    assert "notes.bin" in " ".join(loaded.corpus.skipped["path"])
    assert loaded.corpus.root == folder


def test_without_a_cache_folder_nothing_is_kept(folder):
    loaded = analysis.load_workbook(folder)
    assert (loaded.from_cache, loaded.path) == (False, None)


def test_a_cache_that_cannot_be_written_is_no_error(folder, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would go")
    loaded = analysis.load_workbook(folder, cache_dir=blocked / "cache")
    assert not loaded.from_cache
    assert len(loaded.corpus.articles) > 0
