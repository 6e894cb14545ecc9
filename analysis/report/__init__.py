"""Execute the workbook's notebooks on a corpus and render them as offline HTML.

``python -m analysis report --corpus PATH --out DIR`` (or ``make report``)
loads and analyses the corpus once into a cache (``--cache``, ``build/cache``
by default: :mod:`analysis.cache`), runs every ``notebooks/*.ipynb`` with
papermill on it, each reading that cache (into ``DIR/notebooks/``; the
committed notebooks are never touched), and renders each executed notebook
twice:

* ``DIR/<name>.html``: the full notebook, code included;
* ``DIR/reviewer/<name>.html``: narrative, tables and charts only, no code;

plus ``DIR/index.html`` linking them all. ``--labels``, ``--quotes`` and
``--usage`` give the validation notebook (06) hand labels, as the
``labels_path``, ``quotes_path`` and ``usage_path`` parameters; without them it
reads the corpus's own ``labels/`` folder, and on a corpus without labels
writes a labelling sheet to ``DIR/labelling_sheet.csv``. The pages load nothing from the
network: nbconvert's stock HTML template pulls require.js, MathJax and
mermaid.js from a CDN, and this module's template drops those scripts. The
stock template also ignores the alt text a notebook gives its images
(``output.metadata["image/png"]["alt"]``); this module's template puts it on
the ``<img>`` and shows it as the figure's caption underneath, and its style
sheet makes tables readable (text left-aligned, numbers right-aligned, long
text wrapped in a column of bounded width).

The index opens with each notebook's key findings. By convention a notebook
states them in one code cell tagged ``findings`` (cell metadata tags) whose
output is Markdown (e.g. ``views.markdown(findings.framing_findings(...))``), HTML or
plain text; the index shows the first sentence or two of that output, taken
from the executed notebook, under the notebook's link.

``python -m analysis check-browser`` opens every page in headless Chromium
and checks what a reader sees (:mod:`analysis.report.browser_check`).

The modules, one job each: :mod:`~analysis.report.build` runs the notebooks
and writes the report; :mod:`~analysis.report.render` turns a notebook into an
offline HTML page; :mod:`~analysis.report.notebook_text` reads a notebook's
title and findings; :mod:`~analysis.report.pages` writes the notebooks' pages
and the index; :mod:`~analysis.report.browse` the page of every table;
:mod:`~analysis.report.browser_check` the check in a browser;
:mod:`~analysis.report.errors` the report's exceptions.
"""

from analysis.report.browse import MAX_CELL_CHARS, MAX_ROWS, tables_page
from analysis.report.browser_check import (
    BrowserCheckError,
    Chromium,
    PageResult,
    check_pages,
    check_report,
    event_problems,
    find_chromium,
    image_problems,
    report_pages,
    table_problems,
)
from analysis.report.build import (
    CACHE_PARAMETER,
    CELL_TIMEOUT_SECONDS,
    KERNEL_NAME,
    LABEL_PARAMETERS,
    LOAD_PARAMETERS,
    SHEET_PARAMETER,
    build_report,
    check_label_files,
    declared_parameters,
    execute_notebook,
    find_notebooks,
    notebook_parameters,
    validate_corpus,
    write_tables,
)
from analysis.report.errors import NotebookError, ReportError
from analysis.report.notebook_text import (
    FINDINGS_CHARS,
    FINDINGS_TAG,
    markdown_inline_html,
    notebook_findings,
    notebook_title,
    short_findings,
)
from analysis.report.pages import TABLES_DIR, TABLES_PAGE, Page, index_page, render_pages
from analysis.report.render import (
    NBCONVERT_PLACEHOLDER_ALT,
    images_without_alt,
    network_resources,
    render_html,
)

__all__ = [
    "MAX_CELL_CHARS",
    "MAX_ROWS",
    # formerly analysis.report (which had no __all__: every public name)
    "CACHE_PARAMETER",
    "CELL_TIMEOUT_SECONDS",
    "FINDINGS_CHARS",
    "FINDINGS_TAG",
    "KERNEL_NAME",
    "LABEL_PARAMETERS",
    "LOAD_PARAMETERS",
    "NBCONVERT_PLACEHOLDER_ALT",
    "SHEET_PARAMETER",
    "TABLES_DIR",
    "TABLES_PAGE",
    "NotebookError",
    "Page",
    "ReportError",
    "build_report",
    "check_label_files",
    "declared_parameters",
    "execute_notebook",
    "find_notebooks",
    "images_without_alt",
    "index_page",
    "markdown_inline_html",
    "network_resources",
    "notebook_findings",
    "notebook_parameters",
    "notebook_title",
    "render_html",
    "render_pages",
    "short_findings",
    "table_problems",
    "validate_corpus",
    "write_tables",
    # formerly analysis.browse (its readable_dates is analysis.views.readable_dates)
    "tables_page",
    # formerly analysis.browser_check (its constants stay in analysis.report.browser_check)
    "BrowserCheckError",
    "Chromium",
    "PageResult",
    "check_pages",
    "check_report",
    "event_problems",
    "find_chromium",
    "image_problems",
    "report_pages",
]
