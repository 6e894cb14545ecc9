"""Build the report: check the corpus and label files, run every notebook, write the pages.

:func:`build_report` runs every ``notebooks/*.ipynb`` with papermill on the
corpus (into ``OUT/notebooks/``; the committed notebooks are never touched),
renders each executed notebook (:mod:`analysis.report.pages`) and writes
every result table beside the pages (:func:`write_tables`).
"""

from __future__ import annotations

import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from analysis.report.browse import tables_page
from analysis.report.errors import NotebookError, ReportError
from analysis.report.kernels import (
    KEPT_ENGINE,
    KernelPool,
    local_kernel_manager,
    register_engine,
)
from analysis.report.pages import TABLES_DIR, TABLES_PAGE, Page, index_page, render_pages

__all__ = [
    "CACHE_PARAMETER",
    "CELL_TIMEOUT_SECONDS",
    "KERNEL_NAME",
    "LABEL_PARAMETERS",
    "LOAD_PARAMETERS",
    "SHEET_PARAMETER",
    "build_report",
    "check_label_files",
    "declared_parameters",
    "execute_notebook",
    "find_notebooks",
    "kernels_at_once",
    "notebook_parameters",
    "validate_corpus",
    "write_tables",
]


KERNEL_NAME = "python3"
"""Jupyter kernel the notebooks run in: ipykernel's kernel for this environment."""


CELL_TIMEOUT_SECONDS = 600
"""Longest a single notebook cell may run before the report fails."""


LOAD_PARAMETERS = ("load_errors", "max_file_bytes")
"""Parameters that take the loader's options, from ``--errors`` and ``--max-file-bytes``."""


CACHE_PARAMETER = "cache_dir"
"""Parameter naming the cache folder the report filled (:mod:`analysis.cache`), from ``--cache``."""


def validate_corpus(corpus_path: Path, cache_dir: Path | None = None, **load_options: Any):
    """Load and analyse the corpus once, so a bad corpus fails before any notebook runs.

    With a cache folder the corpus and its analyses are kept there
    (:func:`analysis.load_workbook`), and every notebook reads them instead of
    loading and analysing the corpus again.

    Args:
        corpus_path: Directory or manifest of the corpus, as ``load_corpus`` takes it.
        cache_dir: The cache folder; ``None`` keeps nothing.
        load_options: ``errors`` and ``max_file_bytes``, as ``load_corpus`` takes them.

    Returns:
        ``(corpus, workbook, from_cache, path)``: the result tables and the files
        skipped go in the report.

    Raises:
        analysis.errors.CorpusError: The corpus cannot be loaded; the message
            says which file is wrong and how to fix it.
    """
    # Imported on use: importing the report module (and its tests) needs no corpus layer.
    from analysis.cache import load_workbook

    return load_workbook(corpus_path, cache_dir=cache_dir, **load_options)


def find_notebooks(notebooks_dir: Path) -> list[Path]:
    """List the notebooks the report runs, in file-name order.

    Args:
        notebooks_dir: Directory holding the committed ``*.ipynb`` files.

    Returns:
        The notebook paths, sorted by name.

    Raises:
        ReportError: The directory is missing or holds no notebook.
    """
    if not notebooks_dir.is_dir():
        raise ReportError(f"{notebooks_dir}: no such directory; pass --notebooks DIR")
    notebooks = sorted(notebooks_dir.glob("*.ipynb"))
    if not notebooks:
        raise ReportError(f"{notebooks_dir}: holds no *.ipynb notebook to run")
    return notebooks


LABEL_PARAMETERS = ("labels_path", "quotes_path", "usage_path")
"""Parameters that take hand-label files (notebook 06), from ``--labels/--quotes/--usage``."""


SHEET_PARAMETER = "sheet_path"
"""Parameter naming where a notebook writes a labelling sheet; the report puts it in OUT."""


def declared_parameters(source: Path) -> set[str]:
    """The names a notebook's ``parameters`` cell assigns.

    Args:
        source: The notebook.

    Returns:
        The assigned names; empty if no cell is tagged ``parameters``.
    """
    import ast

    _import_papermill()  # and nbformat with it, without its slowest import
    import nbformat

    for cell in nbformat.read(source, as_version=4).cells:
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            names = set()
            for node in ast.walk(ast.parse(cell.source)):
                targets = node.targets if isinstance(node, ast.Assign) else []
                if isinstance(node, ast.AnnAssign):
                    targets = [node.target]
                names.update(t.id for t in targets if isinstance(t, ast.Name))
            return names
    return set()


def notebook_parameters(
    source: Path,
    corpus_path: Path,
    article_id: str | None = None,
    labels: dict[str, Path] | None = None,
    sheet: Path | None = None,
    load_options: dict[str, Any] | None = None,
    cache_dir: Path | None = None,
) -> dict[str, Any]:
    """The papermill parameters one notebook runs with in the report.

    Every notebook gets ``corpus_path`` (absolute) and, if given, ``article_id``.
    Label files and the loader's options go only to a notebook whose
    ``parameters`` cell declares them, so the others run without papermill's
    warnings about unknown parameters.

    Args:
        source: The notebook.
        corpus_path: The corpus.
        article_id: The article to focus on, or ``None`` for each notebook's own.
        labels: Parameter name (``labels_path``, ``quotes_path``, ``usage_path``) ->
            file, for the files given; those not given keep the notebook's default.
        sheet: Where a notebook that declares ``sheet_path`` writes a labelling sheet.
        load_options: ``{"errors": ..., "max_file_bytes": ...}`` for ``load_corpus``,
            passed as ``load_errors`` and ``max_file_bytes``.
        cache_dir: The cache folder, passed as ``cache_dir``; ``None`` keeps each
            notebook's own.

    Returns:
        Parameter name -> value; paths absolute, as strings.
    """
    parameters: dict[str, Any] = {"corpus_path": str(corpus_path.resolve())}
    if article_id is not None:
        parameters["article_id"] = article_id
    wanted = labels or sheet or load_options or cache_dir
    declared = declared_parameters(source) if wanted else set()
    if cache_dir is not None and CACHE_PARAMETER in declared:
        parameters[CACHE_PARAMETER] = str(cache_dir.resolve())
    for name, value in (load_options or {}).items():
        parameter = "load_errors" if name == "errors" else name
        if parameter not in LOAD_PARAMETERS:
            raise ValueError(f"{name!r} is not a load option (errors, max_file_bytes)")
        if parameter in declared:
            parameters[parameter] = value
    for name, path in (labels or {}).items():
        if name not in LABEL_PARAMETERS:
            raise ValueError(f"{name!r} is not one of {', '.join(LABEL_PARAMETERS)}")
        if name in declared:
            parameters[name] = str(path.resolve())
    if sheet is not None and SHEET_PARAMETER in declared:
        parameters[SHEET_PARAMETER] = str(sheet.resolve())
    return parameters


def execute_notebook(
    source: Path,
    destination: Path,
    corpus_path: Path,
    article_id: str | None = None,
    parameters: dict[str, Any] | None = None,
    cwd: Path | None = None,
    kernels: KernelPool | None = None,
) -> None:
    """Run one notebook on a corpus with papermill, writing the executed copy.

    The kernel starts in the notebook's own directory, as it does in Jupyter
    and under nbval, so relative paths in the notebook mean the same thing.
    It talks to this process over local sockets (no warning about TCP).

    Args:
        source: The committed notebook; it is read, never written.
        destination: Where the executed notebook is written.
        corpus_path: Corpus to run on; injected as the ``corpus_path`` parameter.
        article_id: If given, injected as the ``article_id`` parameter;
            otherwise the notebook's own default stays.
        parameters: All the parameters to inject, as :func:`notebook_parameters`
            gives them; if given, ``corpus_path`` and ``article_id`` are not read.
        cwd: The kernel's folder instead (``make notebooks`` runs a copy that
            nbval checks from ``tests/notebooks``).
        kernels: Run on this thread's kernel of the pool, kept for its next
            notebook (:class:`~analysis.report.kernels.KernelPool`); by default
            a new kernel is started and stopped.

    Raises:
        NotebookError: A cell raised, ran past its time or lost its kernel; the
            message names the notebook (and the cell).
    """
    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    if parameters is None:
        parameters = notebook_parameters(source, corpus_path, article_id)
    destination.parent.mkdir(parents=True, exist_ok=True)
    common = {
        "parameters": parameters,
        "kernel_name": KERNEL_NAME,
        "progress_bar": False,
        "execution_timeout": CELL_TIMEOUT_SECONDS,
    }
    try:
        if kernels is not None:
            register_engine()
            papermill.execute_notebook(
                str(source),
                str(destination),
                engine_name=KEPT_ENGINE,
                km=kernels.kernel(),
                **common,
            )
            return
        with tempfile.TemporaryDirectory(prefix="analysis-kernel-") as sockets:
            # The kernel starts in the notebook's folder by nbclient's ``resources``,
            # not papermill's ``cwd``, which changes the whole process's directory:
            # two notebooks run at once, on two threads.
            papermill.execute_notebook(
                str(source),
                str(destination),
                resources={"metadata": {"path": str((cwd or source.parent).resolve())}},
                kernel_manager_class=local_kernel_manager(Path(sockets) / "kernel"),
                # Every output is in by then: a graceful stop waited 0.4 s a notebook
                # for the kernel to save its history and exit.
                shutdown_kernel="immediate",
                **common,
            )
    except PapermillExecutionError as error:
        raise NotebookError(
            f"{source}: cell {error.exec_count} raised {error.ename}: {error.evalue}; "
            f"the executed notebook with the traceback is {destination}"
        ) from None
    except (CellTimeoutError, DeadKernelError) as error:
        if kernels is not None:
            kernels.drop()  # busy with the cell still, or gone: no next notebook's
        raise NotebookError(
            f"{source}: {type(error).__name__}: {error}; the notebook as far as it ran "
            f"is {destination}"
        ) from None


def _run_notebooks(jobs: list, corpus_path: Path, out_dir: Path, meanwhile=None) -> tuple:
    """Execute and render every notebook of ``jobs`` (source, destination, parameters).

    The notebooks run one more at a time than there are usable cores
    (:func:`kernels_at_once`), each thread on a kernel (a process) it keeps for
    its next notebook, made as fresh as a new one (:mod:`analysis.report.kernels`):
    on PolNeAR's 840 articles that took the report from 24.1 s to 18.3 s (with
    papermill's import cut, :func:`_import_papermill`). Threads, not forked
    workers, wait on them: a process that has run a kernel holds an event loop
    thread that a fork would leave dead. Each thread renders its notebook's pages as soon as it ends, and
    the calling thread runs ``meanwhile`` (the tables), so neither waits for the
    last notebook: near the end one core would otherwise be idle.

    Returns:
        ``(pages, result)``: one ``Page`` per notebook in the order of ``jobs``,
        and what ``meanwhile`` returned (``None`` without it).

    Raises:
        NotebookError: A notebook cell raised (the first such notebook, in order).
    """

    def run(source: Path, destination: Path, parameters: dict) -> Page:
        execute_notebook(source, destination, corpus_path, None, parameters, kernels=kernels)
        return render_pages([destination], out_dir)[0]

    for source, destination, _ in jobs:
        print(f"running {source} -> {destination}", file=sys.stderr)
    _import_papermill()
    register_engine()  # here, before the threads: papermill's table of engines is shared
    # The notebooks come from one folder (find_notebooks), the kernels' working folder.
    folder = jobs[0][0].parent.resolve() if jobs else Path(".")
    with tempfile.TemporaryDirectory(prefix="analysis-kernels-") as sockets:
        kernels = KernelPool(folder, Path(sockets), KERNEL_NAME)
        try:
            with ThreadPoolExecutor(kernels_at_once(len(jobs))) as pool:
                runs = [pool.submit(run, *job) for job in jobs]
                try:
                    result = meanwhile() if meanwhile is not None else None
                finally:
                    pages = [run.result() for run in runs]
        finally:
            kernels.close()
    return pages, result


def _import_papermill() -> None:
    """Import papermill here, in one thread, before the notebooks' threads run.

    Through requests it imports urllib3's SOCKS support, which warns that PySocks is
    missing; requests silences that warning just before. Imported from three
    threads at once, another thread's warning filters, saved and restored around
    it, could drop requests' filter in between, and the report printed a warning
    nobody can act on (the report uses no proxy).

    Through nbformat it imports jsonschema, which imports ``rfc3987_syntax`` when
    installed (an extra Jupyter's packages pull in) for its IRI check: that
    package builds a parser at import, 1.0 s of the report before any notebook
    starts (python-jsonschema issue 1392). Nothing here checks IRIs, so while
    papermill is imported the module reads as missing, which jsonschema allows
    for; afterwards it can be imported as before.
    """
    skip = "jsonschema" not in sys.modules and "rfc3987_syntax" not in sys.modules
    if skip:
        sys.modules["rfc3987_syntax"] = None  # importing it raises ImportError
    try:
        import papermill  # noqa: F401
    finally:
        if skip and sys.modules.get("rfc3987_syntax", 0) is None:
            del sys.modules["rfc3987_syntax"]


def kernels_at_once(notebooks: int) -> int:
    """How many notebooks run at a time: one more than the usable cores, at most all.

    A kernel leaves its core idle while it starts and between cells (each cell's
    outputs go to this process before the next cell is sent), and the extra kernel
    fills those gaps. On PolNeAR's 840 articles with two cores, three at a time
    took the report from 25.5 s to 23.3 s, at the same peak memory.
    """
    from analysis.parallel import usable_cpus

    return max(1, min(notebooks, usable_cpus() + 1))


def check_label_files(labels: dict[str, Path | None]) -> dict[str, Path]:
    """The label files given for the report, each checked to exist.

    Args:
        labels: Parameter name (``labels_path``, ...) -> file, or ``None`` when not given.

    Returns:
        The given files only.

    Raises:
        ReportError: A given file does not exist.
    """
    option = {"labels_path": "--labels", "quotes_path": "--quotes", "usage_path": "--usage"}
    given = {name: path for name, path in labels.items() if path is not None}
    for name, path in given.items():
        if not path.is_file():
            raise ReportError(f"{option[name]} {path}: no such label file; check the path")
    return given


def build_report(
    corpus_path: Path,
    out_dir: Path,
    notebooks_dir: Path = Path("notebooks"),
    article_id: str | None = None,
    labels: Path | None = None,
    quotes: Path | None = None,
    usage: Path | None = None,
    errors: str = "collect",
    max_file_bytes: int | None = None,
    cache_dir: Path | None = Path("build/cache"),
) -> Path:
    """Validate a corpus, run every notebook on it and write the HTML report.

    The corpus is loaded and analysed once, into ``cache_dir``; the notebooks
    read it from there (:mod:`analysis.cache`).

    Args:
        corpus_path: The corpus to run the notebooks on.
        out_dir: The report directory; created if missing.
        notebooks_dir: Directory of the committed notebooks (read only).
        article_id: Article to focus on, passed to each notebook; by default
            each notebook keeps its own.
        labels: Hand labels (``labels.csv`` or a filled-in labelling sheet) for the
            validation notebook; by default it reads the corpus's ``labels/`` folder.
        quotes: Quotation labels (``quotes.csv``) to go with ``labels``.
        usage: Usage labels (``usage.csv``) to go with ``labels``.
        errors: ``"collect"`` (the default) reads every file it can and lists the
            others, with the reason, on the index; ``"raise"`` stops at the first
            bad file, as ``load_corpus`` does by default. A report is read by people
            who did not run it: one stray file in a folder of thousands should not
            leave them with nothing, and the index says what was left out.
        max_file_bytes: Largest file read (``load_corpus``'s limit; by default
            10 MB for an article, 5 MB for a saved page, 500 MB for a file of records).
        cache_dir: The cache folder (``build/cache`` by default, where the
            notebooks look in JupyterLab too); ``None``: each notebook loads the
            corpus itself.

    Returns:
        The path of the report's ``index.html``.

    Raises:
        analysis.errors.CorpusError: The corpus cannot be loaded.
        NotebookError: A notebook cell raised.
        ReportError: No notebooks, a label file that does not exist, or an output
            directory that would overwrite the notebooks.
    """
    load_options = {"errors": errors, "max_file_bytes": max_file_bytes}
    corpus, workbook, _, _ = validate_corpus(corpus_path, cache_dir, **load_options)
    label_files = check_label_files(
        {"labels_path": labels, "quotes_path": quotes, "usage_path": usage}
    )
    notebooks = find_notebooks(notebooks_dir)
    executed_dir = out_dir / "notebooks"
    if executed_dir.resolve() == notebooks_dir.resolve():
        raise ReportError(
            f"--out {out_dir} would write executed notebooks over {notebooks_dir}; "
            "choose another output directory, e.g. build/report"
        )
    jobs = []
    for source in notebooks:
        parameters = notebook_parameters(
            source,
            corpus_path,
            article_id,
            label_files,
            sheet=out_dir / "labelling_sheet.csv",
            load_options=load_options,
            cache_dir=cache_dir,
        )
        jobs.append((source, executed_dir / source.name, parameters))
    # The notebooks read the cache and not each other: they run side by side
    # (kernels_at_once), while this thread writes the tables.
    pages, tables = _run_notebooks(
        jobs,
        corpus_path,
        out_dir,
        meanwhile=lambda: write_tables(corpus, out_dir / TABLES_DIR, workbook),
    )
    index = out_dir / "index.html"
    skipped = getattr(corpus, "skipped", None)
    page = index_page(pages, corpus_path.resolve(), tables, out_dir, skipped=skipped)
    index.write_text(page, encoding="utf-8")
    return index


def write_tables(corpus, folder: Path, workbook=None) -> list[Path]:
    """Every table of the workbook on the corpus: CSV files with their README, and a page.

    Args:
        corpus: The loaded corpus (:class:`analysis.corpus.Corpus`).
        folder: Where the CSV files go; the page goes beside it.
        workbook: Its analyses (:func:`analysis.run.run_workbook`), if already run.

    The page (``TABLES_PAGE``, beside ``folder``) shows every table's rows,
    sortable and searchable, each linked to its CSV.

    Returns:
        The files written, the page last.
    """
    from analysis.export import TABLES, result_tables
    from analysis.export import write_tables as write_files

    tables = result_tables(corpus, workbook)
    written = write_files(tables, folder, "csv")
    page = folder.parent / TABLES_PAGE
    links = {name: f"{folder.name}/{name}.csv" for name in tables}
    rows = {table.name: table.row for table in TABLES}
    page.write_text(tables_page(tables, rows, links), encoding="utf-8")
    return [*written, page]
