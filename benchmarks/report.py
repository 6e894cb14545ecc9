"""The report's time on a corpus, beside the workbook's own time and the kernels' fixed cost.

The goal (issue "The report on a thousand real articles"): ``make report`` on a
corpus within twice the workbook's own time (loading and ``run_workbook``) plus
the fixed cost of starting the notebooks' kernels. That cost is measured, not
assumed: one notebook that holds only the notebooks' import cell, executed as
the report executes its notebooks, times the number of notebooks each core runs.
"""

from __future__ import annotations

import math
import tempfile
import time
from pathlib import Path

import nbformat

from analysis.cache import load_workbook
from analysis.parallel import process_count
from analysis.report import build_report, execute_notebook, find_notebooks

__all__ = ["NOTEBOOKS", "report_timing"]

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

# The first code cell of every notebook: the imports and the display setup.
_IMPORTS = (
    "import analysis\n"
    "from analysis import findings, framing, readability, topics, validate, views\n\n"
    "views.setup_notebook()"
)


def report_timing(corpus_path: Path, notebooks_dir: Path = NOTEBOOKS) -> dict:
    """Time the report on a corpus, and what the goal allows it.

    Args:
        corpus_path: The corpus (a folder of real news, say).
        notebooks_dir: The notebooks the report runs.

    Returns:
        ``seconds`` (the whole report, its cache empty at the start),
        ``workbook_seconds`` (``load_workbook`` with no cache: loading and every
        analysis), ``kernel_seconds`` (one kernel started and the imports run),
        ``notebooks``, ``goal_seconds`` (twice the workbook's time plus the
        kernels' cost) and ``within_goal``.
    """
    notebooks = len(find_notebooks(notebooks_dir))
    with tempfile.TemporaryDirectory(prefix="bench-report-") as folder:
        tmp = Path(folder)
        started = time.perf_counter()
        load_workbook(corpus_path, errors="collect")
        workbook = time.perf_counter() - started

        empty = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(_IMPORTS)])
        source = tmp / "imports.ipynb"
        nbformat.write(empty, source)
        started = time.perf_counter()
        execute_notebook(source, tmp / "imports-run.ipynb", corpus_path, parameters={})
        kernel = time.perf_counter() - started

        started = time.perf_counter()
        build_report(corpus_path, tmp / "report", notebooks_dir, cache_dir=tmp / "cache")
        seconds = time.perf_counter() - started
    rounds = math.ceil(notebooks / process_count(notebooks, 2))
    goal = 2 * workbook + kernel * rounds
    return {
        "seconds": round(seconds, 1),
        "workbook_seconds": round(workbook, 1),
        "kernel_seconds": round(kernel, 1),
        "notebooks": notebooks,
        "goal_seconds": round(goal, 1),
        "within_goal": seconds <= goal,
    }
