"""The report's kept kernels: one per thread, each notebook run as in a fresh kernel."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from analysis.report import NotebookError, build, execute_notebook
from analysis.report.build import KERNEL_NAME
from analysis.report.kernels import KernelPool

REPO = Path(__file__).resolve().parents[2]

HELPER = """\
import warnings


def warn():
    warnings.warn("shown once per place unless reset", UserWarning)
"""


def _notebook(path: Path, *sources: str) -> Path:
    nbformat.write(new_notebook(cells=[new_code_cell(s) for s in sources]), path)
    return path


def _outputs(path: Path) -> list[tuple[int, str]]:
    """(execution count, text printed) of each code cell."""
    cells = nbformat.read(path, as_version=4).cells
    return [
        (cell.execution_count, "".join(o.get("text", "") for o in cell.outputs)) for cell in cells
    ]


def test_a_kept_kernel_runs_the_next_notebook_as_a_new_kernel_would(tmp_path):
    (tmp_path / "helper.py").write_text(HELPER, encoding="utf-8")
    first = _notebook(
        tmp_path / "first.ipynb",
        "import os, helper\nleft_behind = 1\nprint(os.getpid())",
        "helper.warn()",
    )
    first = _notebook(
        tmp_path / "first.ipynb",
        "import os, helper\nleft_behind = 1\nprint(os.getpid())",
        "helper.warn()\nimport warnings, os\nwarnings.simplefilter('ignore')\n"
        "os.chdir('..'); os.environ['LEFT_BEHIND'] = '1'",
    )
    second = _notebook(
        tmp_path / "second.ipynb",
        "import os, helper\nprint(os.getpid(), 'left_behind' in globals(), "
        "'LEFT_BEHIND' in os.environ, os.path.exists('helper.py'))",
        "helper.warn()",
    )
    third = _notebook(tmp_path / "third.ipynb", "import os\nprint(os.getpid())")
    # A short folder for the sockets: a socket's path has a length limit.
    with tempfile.TemporaryDirectory(prefix="k-") as sockets:
        kernels = KernelPool(tmp_path, Path(sockets), KERNEL_NAME)
        try:
            for source in (first, second):
                execute_notebook(
                    source, tmp_path / f"{source.stem}-run.ipynb", tmp_path, parameters={},
                    kernels=kernels,
                )  # fmt: skip
            kernels.drop()  # as after a notebook that ran past its time
            execute_notebook(
                third, tmp_path / "third-run.ipynb", tmp_path, parameters={}, kernels=kernels
            )
        finally:
            kernels.close()
        stopped = [not manager.has_kernel for manager in kernels._started]

    (count_1, pid), (_, warned_1) = _outputs(tmp_path / "first-run.ipynb")
    (count_2, seen), (count_3, warned_2) = _outputs(tmp_path / "second-run.ipynb")
    [(_, third_pid)] = _outputs(tmp_path / "third-run.ipynb")
    # The same kernel, its names, environment, folder and warning filters as new.
    assert seen.split() == [pid.strip(), "False", "False", "True"]
    assert (count_1, count_2, count_3) == (1, 1, 2)  # counted from 1 again
    assert "shown once per place" in warned_1
    assert "shown once per place" in warned_2  # shown again, and not ignored
    assert third_pid.strip() != pid.strip()  # a dropped kernel is replaced
    assert stopped == [True, True]


def _run_in_thread(run, seconds: float):
    """Run ``run()`` in a thread; its error, or a failure if it has not ended in ``seconds``."""
    caught: list[BaseException] = []

    def target():
        try:
            run()
        except BaseException as error:  # noqa: BLE001 - handed to the test
            caught.append(error)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s"
    return caught[0] if caught else None


@pytest.mark.parametrize("kept", [True, False], ids=["kept kernel", "own kernel"])
@pytest.mark.parametrize(
    "code, says",
    [
        ("import time\ntime.sleep(120)", "CellTimeoutError"),
        ("import os\nos._exit(1)", "DeadKernelError"),
    ],
    ids=["past its time", "kernel dies"],
)
def test_a_cell_past_its_time_or_a_dead_kernel_ends_the_notebook(
    tmp_path, monkeypatch, kept, code, says
):
    # The limit is enforced and the death seen: nbclient waits on an asynchronous
    # client; a blocking one held its loop, and both went unnoticed.
    monkeypatch.setattr(build, "CELL_TIMEOUT_SECONDS", 3)
    source = _notebook(tmp_path / "stuck.ipynb", "x = 1", code)
    after = _notebook(tmp_path / "after.ipynb", "print('after')")
    with tempfile.TemporaryDirectory(prefix="k-") as sockets:
        kernels = KernelPool(tmp_path, Path(sockets), KERNEL_NAME) if kept else None
        try:
            error = _run_in_thread(
                lambda: execute_notebook(
                    source, tmp_path / "stuck-run.ipynb", tmp_path, parameters={}, kernels=kernels
                ),
                60,
            )
            assert isinstance(error, NotebookError)
            assert says in str(error) and "stuck.ipynb" in str(error)
            # The thread's next notebook runs, on a new kernel.
            execute_notebook(
                after, tmp_path / "after-run.ipynb", tmp_path, parameters={}, kernels=kernels
            )
        finally:
            if kernels is not None:
                kernels.close()
    assert _outputs(tmp_path / "after-run.ipynb") == [(1, "after\n")]


@pytest.mark.skipif(
    importlib.util.find_spec("rfc3987_syntax") is None, reason="jsonschema's IRI parser absent"
)
def test_the_report_imports_papermill_without_the_iri_parser():
    # jsonschema's optional IRI check builds a parser at import (1 s); the report
    # does without it while importing papermill, and takes its stand-in out after
    # (a None in sys.modules would stop any later import of it).
    code = (
        "import sys\n"
        "from analysis.report.build import _import_papermill\n"
        "_import_papermill()\n"
        "assert 'papermill' in sys.modules and 'jsonschema' in sys.modules\n"
        "assert 'rfc3987_syntax' not in sys.modules\n"
        "import rfc3987_syntax\n"  # and it can still be imported
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120, cwd=REPO)
