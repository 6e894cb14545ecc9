"""The benchmark corpus: seeded, shaped like the workbook's input, real English."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import analysis
from analysis.text import _WORD as WORD
from benchmarks import corpus as benchdata


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return benchdata.write_benchmark_corpus(tmp_path_factory.mktemp("bench"), articles=300, seed=1)


def test_shape_and_fields(small: Path) -> None:
    news, official = read(small / "news.jsonl"), read(small / "official.jsonl")
    assert len(news) == 300 and len(official) == 30
    official_ids = {record["id"] for record in official}
    assert {record["kind"] for record in news} == {"news"}
    assert {record["kind"] for record in official} == {"official"}
    assert all(record["outlet"].startswith("bench-") for record in news + official)
    assert all(record["published"].startswith("2021-") for record in news + official)
    paired = [record["pairs_with"].split(";") for record in news]
    assert all(set(ids) <= official_ids for ids in paired)
    assert 0.03 < sum(len(ids) == 2 for ids in paired) / len(paired) < 0.2
    for record in official:
        assert 250 <= len(record["text"].split()) <= 420
    for record in news:
        headline, blank, *_ = record["text"].split("\n")
        assert headline and blank == "" and len(headline.split()) <= benchdata.HEADLINE_MAX_WORDS
        assert 600 <= len(record["text"].split()) <= 900


def test_news_reuses_its_official_sentences(small: Path) -> None:
    official = {record["id"]: record["text"] for record in read(small / "official.jsonl")}
    quoted = 0
    pool = benchdata.benchmark_sentences()
    # The pool sentences each official document is made of (looked up once per document).
    made_of = {i: [s for s in pool if s in text] for i, text in official.items()}
    for record in read(small / "news.jsonl"):
        body = " ".join(record["text"].split("\n\n")[1:])
        reused = [s for i in record["pairs_with"].split(";") for s in made_of[i] if s in body]
        assert len(reused) >= 2  # reproduced verbatim
        quoted += "” " in record["text"] and " said." in record["text"]
    assert quoted > 200  # most articles carry at least one direct quotation


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    first = benchdata.write_benchmark_corpus(tmp_path / "a", articles=40, seed=5)
    second = benchdata.write_benchmark_corpus(tmp_path / "b", articles=40, seed=5)
    other = benchdata.write_benchmark_corpus(tmp_path / "c", articles=40, seed=6)
    for name in ("news.jsonl", "official.jsonl"):
        assert (first / name).read_bytes() == (second / name).read_bytes()
        assert (first / name).read_bytes() != (other / name).read_bytes()


def test_loads_as_a_corpus(small: Path) -> None:
    corpus = analysis.load_corpus(small)
    assert (corpus.articles["kind"] == "news").sum() >= 300
    assert len(corpus.pairs) >= 300
    assert len(corpus.quotes) > 0


def test_full_size_corpus_is_distinct_and_varied(tmp_path: Path) -> None:
    out = benchdata.write_benchmark_corpus(tmp_path)
    texts = [record["text"] for record in read(out / "news.jsonl")]
    assert len(set(texts)) == 10_000
    mean_words = sum(len(t.split()) for t in texts) / len(texts)
    assert 650 <= mean_words <= 800
    # Word types as the workbook's tokenizer finds them, case folded (one
    # regex pass over the whole corpus: normalising 7 million words one by one is slow).
    everything = "\n".join(texts + [r["text"] for r in read(out / "official.jsonl")])
    types = set(WORD.findall(everything.lower()))
    assert len(types) >= 20_000


def test_bad_size_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        benchdata.write_benchmark_corpus(tmp_path, articles=0)
