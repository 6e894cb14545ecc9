"""`make bench`: speed measurements written to ``build/bench.json``.

Each benchmark is a function ``(corpus) -> dict`` registered under its key in
``BENCHMARKS``; it times its own work with ``time.perf_counter`` and returns
the figures the issues ask for. The corpus they all share is the generated
benchmark corpus (see :mod:`analysis.benchdata`), loaded once. Results are
merged into an existing ``bench.json``, so ``--only`` updates some keys and
keeps the others.
"""

from __future__ import annotations

import importlib
import json
import platform
import resource
import time
from collections.abc import Callable
from pathlib import Path

from analysis.corpus import Corpus, load_corpus

__all__ = ["BENCHMARKS", "run", "peak_rss_mb"]


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB (Linux reports KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def peak_worker_rss_mb() -> float:
    """Peak resident memory of the largest finished worker process, in MiB.

    A forked worker shares its parent's pages until either writes to them, and
    its resident size counts the shared ones too: parent plus worker overstates
    what both held at once.
    """
    return round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)


class _MemorySampler:
    """Peak memory of this process and every process it started, sampled while it runs.

    Each sample sums the proportional set size (Linux ``/proc/PID/smaps_rollup``)
    of the process tree: a page shared by a forked worker and its parent counts
    once in all. Samples are 0.5 s apart (a read costs a few milliseconds per GB
    of the process), so a shorter spike can be missed.
    """

    def __init__(self, every: float = 0.5) -> None:
        import threading

        self.every = every
        self.peak_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> _MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak_mb(self) -> float | None:
        """The peak in MiB, or ``None`` where ``/proc`` cannot tell (not Linux)."""
        return round(self.peak_kib / 1024, 1) if self.peak_kib else None

    def _run(self) -> None:
        import os

        while not self._stop.is_set():
            total = sum(_pss_kib(pid) for pid in _process_tree(os.getpid()))
            self.peak_kib = max(self.peak_kib, total)
            self._stop.wait(self.every)


def _process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants (Linux ``/proc/PID/task/TID/children``)."""
    import os

    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as file:
                    todo.extend(int(child) for child in file.read().split())
        except OSError:  # gone meanwhile, or no /proc
            continue
    return found


def _pss_kib(pid: int) -> int:
    """Proportional set size of one process in KiB (0 if it is gone or unreadable)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as file:
            for line in file:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _loading(corpus_path: Path) -> dict:
    started = time.perf_counter()
    corpus = load_corpus(corpus_path)
    seconds = time.perf_counter() - started
    files = corpus.articles[corpus.articles["derived_from"] == ""]
    words = int(files["words"].sum())
    return {
        "articles": int(len(files)),
        "words": words,
        "seconds": round(seconds, 3),
        "words_per_s": round(words / seconds),
        "blocks": int(len(corpus.blocks)),
        "sentences": int(len(corpus.sentences)),
        "quotes": int(len(corpus.quotes)),
    }


def _pipeline(corpus_path: Path) -> dict:
    """The whole workbook end to end: load and segment, then :func:`analysis.pipeline.analyse`.

    ``peak_rss_mb`` is this process's peak; ``peak_worker_rss_mb`` that of the
    largest process it forked (segmentation, the analyses run beside alignment,
    and reuse each use one on a corpus this size); ``peak_total_mb`` that of all
    of them at once (see :class:`_MemorySampler`), the figure to hold to 2 GB.
    """
    from analysis import pipeline

    with _MemorySampler() as memory:
        started = time.perf_counter()
        corpus = load_corpus(corpus_path)
        pipeline.analyse(corpus)
        seconds = time.perf_counter() - started
    files = corpus.articles[corpus.articles["derived_from"] == ""]
    words = int(files["words"].sum())
    return {
        "words": words,
        "seconds": round(seconds, 3),
        "words_per_s": round(words / seconds),
        "peak_rss_mb": peak_rss_mb(),
        "peak_worker_rss_mb": peak_worker_rss_mb(),
        "peak_total_mb": memory.peak_mb,
    }


def _lazy(module: str, function: str) -> Callable[[Corpus], dict]:
    """A benchmark defined in another module, imported when it runs."""

    def bench(corpus: Corpus) -> dict:
        return getattr(importlib.import_module(module), function)(corpus)

    bench.__name__ = f"{module}.{function}"
    return bench


# key -> function of the loaded benchmark corpus. The analysis modules own their
# benchmarks (framing.benchmark, readability.benchmark, topics.benchmark).
BENCHMARKS: dict[str, Callable[[Corpus], dict]] = {
    "framing": _lazy("analysis.framing", "benchmark"),
    "readability": _lazy("analysis.readability", "benchmark"),
    "topics": _lazy("analysis.topics", "benchmark"),
}


def run(corpus_path: Path, out: Path, only: list[str] | None = None) -> dict:
    """Run the benchmarks and merge their figures into ``out``.

    Args:
        corpus_path: The benchmark corpus (generated by :mod:`analysis.benchdata`).
        out: The JSON file to write (``build/bench.json``).
        only: Keys to run (``loading``, ``pipeline`` and those of ``BENCHMARKS``);
            all if ``None``.

    Returns:
        The whole merged document.
    """
    wanted = only or ["loading", *BENCHMARKS, "pipeline"]
    own = ("loading", "pipeline")
    unknown = [key for key in wanted if key not in own and key not in BENCHMARKS]
    if unknown:
        raise ValueError(
            f"unknown benchmark {unknown}; known: loading, pipeline, {', '.join(BENCHMARKS)}"
        )
    results = json.loads(out.read_text("utf-8")) if out.exists() else {}
    results["machine"] = {"python": platform.python_version(), "cpus": _cpus()}
    if "loading" in wanted:
        results["loading"] = _loading(corpus_path)
        print(f"loading: {results['loading']}", flush=True)
    rest = [key for key in wanted if key not in own]
    if rest:
        corpus = load_corpus(corpus_path)
        for key in rest:
            results[key] = BENCHMARKS[key](corpus)
            print(f"{key}: {results[key]}", flush=True)
    if "pipeline" in wanted:
        # Last and in a fresh process, so its peak memory is its own.
        results["pipeline"] = _in_fresh_process(corpus_path)
        print(f"pipeline: {results['pipeline']}", flush=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results


def _in_fresh_process(corpus_path: Path) -> dict:
    """:func:`_pipeline` in a new interpreter (not a pool worker: it starts processes itself)."""
    import subprocess
    import sys

    code = (
        "import json, sys; from pathlib import Path; from analysis.bench import _pipeline; "
        "print(json.dumps(_pipeline(Path(sys.argv[1]))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(corpus_path)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
