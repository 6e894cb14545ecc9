"""`make bench` plumbing on a tiny corpus (the figures themselves are measured by make bench)."""

import json
import re
from pathlib import Path

import pytest

import analysis
import benchmarks as bench
from benchmarks import analyses
from benchmarks.memory import MemorySampler

FIXTURE = Path(__file__).parents[1] / "fixtures" / "corpus"
SEED = Path(__file__).parents[2] / "seeds"


def test_run_merges_keys_into_bench_json(tmp_path):
    out = tmp_path / "bench.json"
    out.write_text(json.dumps({"topics": {"mentions_s": 1.0}}))
    results = bench.run(FIXTURE, out, ["loading", "framing"])
    written = json.loads(out.read_text())
    assert written == results
    assert written["topics"] == {"mentions_s": 1.0}  # kept
    assert written["loading"]["articles"] == 9
    assert set(written["framing"]) == {"align_s", "articles", "sentences", "peak_rss_mb"}
    assert written["machine"]["cpus"] >= 1


def test_real_news_runs_beside_the_synthetic_corpus_when_its_folder_exists(tmp_path):
    written = bench.run(FIXTURE, tmp_path / "b.json", ["real_news"], real=SEED)["real_news"]
    assert written["corpus"] == str(SEED)
    assert written["loading"]["articles"] == 1 and written["loading"]["attributions"] > 0
    assert written["pipeline"]["words"] == written["loading"]["words"]
    missing = bench.run(FIXTURE, tmp_path / "c.json", ["real_news"], real=tmp_path / "none")
    assert missing["real_news"] == {"skipped": f"no folder {tmp_path / 'none'}: pass --real DIR"}


def test_unknown_key(tmp_path):
    with pytest.raises(ValueError, match="unknown benchmark"):
        bench.run(FIXTURE, tmp_path / "b.json", ["speed"])


def test_pipeline_runs_in_a_fresh_process_and_reports_memory(tmp_path):
    written = bench.run(FIXTURE, tmp_path / "bench.json", ["pipeline"])["pipeline"]
    assert set(written) == {
        "words",
        "seconds",
        "words_per_s",
        "peak_rss_mb",
        "peak_worker_rss_mb",
        "peak_total_mb",
    }
    assert written["words"] > 0
    # A whole number, from the unrounded seconds: within one of the rounded figures' ratio.
    assert abs(written["words_per_s"] - written["words"] / written["seconds"]) <= 1
    assert written["peak_rss_mb"] > 50  # an interpreter with pandas loaded
    # All processes together hold at least what the main one does, less its pages
    # that are shared with others (counted in proportion).
    assert written["peak_total_mb"] > 50


def test_memory_sampler_counts_a_forked_worker():
    import os
    import time

    import numpy as np

    with MemorySampler(every=0.02) as alone:
        time.sleep(0.2)
    with MemorySampler(every=0.02) as both:
        pid = os.fork()
        if pid == 0:  # the worker: 200 MiB of its own, held for a while
            block = np.ones(200 * 2**20, dtype=np.uint8)
            time.sleep(0.5)
            os._exit(int(block[0]) - 1)
        os.waitpid(pid, 0)
    assert both.peak_mb - alone.peak_mb > 150


def test_topic_mentions_reports_its_figures(seed_corpus):
    result = analyses.topic_mentions(seed_corpus)
    assert set(result) >= {"mentions_s", "articles", "mentions"}
    assert result["articles"] == 2 and result["mentions"] == 42


def test_nothing_in_the_package_imports_the_benchmarks():
    package = Path(analysis.__file__).parent
    importing = re.compile(
        r"^\s*(?:from|import)\s+benchmarks\b|import_module\(\s*[\"']benchmarks", re.M
    )
    for path in package.rglob("*.py"):
        assert not importing.search(path.read_text("utf-8")), path
