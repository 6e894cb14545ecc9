"""``python -m benchmarks``: the command ``make bench`` runs.

Generates the benchmark corpus if it is missing (seeded, reproducible), runs
the benchmarks and merges their figures into ``--out``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmarks import run
from benchmarks.corpus import write_benchmark_corpus


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and run the benchmarks; the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Time the workbook on the generated benchmark corpus; write a JSON file.",
    )
    parser.add_argument("--corpus", type=Path, default=Path("build/bench/corpus"))
    parser.add_argument("--out", type=Path, default=Path("build/bench.json"))
    parser.add_argument("--only", default=None, help="comma-separated keys to run (default: all)")
    parser.add_argument(
        "--real",
        type=Path,
        default=Path("../shared/polnear/texts"),
        help="a folder of real news for the real_news key (skipped when it does not exist)",
    )
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"generating the benchmark corpus in {args.corpus} ...", flush=True)
        write_benchmark_corpus(args.corpus)
    only = [key.strip() for key in args.only.split(",")] if args.only else None
    run(args.corpus, args.out, only, real=args.real)
    print(f"benchmarks written: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
