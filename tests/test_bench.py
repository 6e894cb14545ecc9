"""`make bench` plumbing on a tiny corpus (the figures themselves are measured by make bench)."""

import json
from pathlib import Path

import pytest

from analysis import bench

FIXTURE = Path(__file__).parent / "fixtures" / "corpus"


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


def test_unknown_key(tmp_path):
    with pytest.raises(ValueError, match="unknown benchmark"):
        bench.run(FIXTURE, tmp_path / "b.json", ["speed"])
