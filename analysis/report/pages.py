"""The report's pages: each notebook's full and reviewer page, and the index linking them.

``OUT/<name>.html`` is the full notebook, code included;
``OUT/reviewer/<name>.html`` is narrative, tables and charts only, no code;
``OUT/index.html`` opens with each notebook's key findings and ends with the
result tables.
"""

from __future__ import annotations

import html
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from analysis.report.notebook_text import (
    FINDINGS_TAG,
    markdown_inline_html,
    notebook_findings,
    notebook_title,
    short_findings,
)
from analysis.report.render import images_without_alt, render_html

__all__ = ["TABLES_DIR", "TABLES_PAGE", "Page", "index_page", "render_pages"]


TABLES_DIR = "tables"
"""Where the report writes every result table as CSV (``python -m analysis export``)."""


TABLES_PAGE = "tables.html"
"""The report's page of every table, sortable and searchable (:mod:`analysis.report.browse`)."""


@dataclass(frozen=True)
class Page:
    """One notebook's pages in the report.

    Attributes:
        name: The notebook's file stem, e.g. ``01_corpus``.
        title: The notebook's first markdown heading.
        full: Path of the full HTML page, relative to the report directory.
        reviewer: Path of the reviewer page (no code), relative to the report directory.
        notebook: Path of the executed notebook, relative to the report directory.
        findings: The output of the notebook's ``findings`` cell, as Markdown
            (see :func:`notebook_findings`); ``None`` when it has no such cell.
    """

    name: str
    title: str
    full: str
    reviewer: str
    notebook: str
    findings: str | None = None


def _findings_html(findings: str | None) -> str:
    if findings is None:
        return '<p class="findings missing">(no findings cell)</p>'
    short = short_findings(findings)
    if not short:
        return '<p class="findings missing">(the findings cell has no output)</p>'
    return f'<p class="findings">{markdown_inline_html(short)}</p>'


def index_page(
    pages: Sequence[Page],
    corpus_path: Path,
    tables: Sequence[Path] = (),
    out_dir: Path | None = None,
    skipped=None,
) -> str:
    """Write the report's front page: one entry per notebook, then the result tables.

    Args:
        pages: The notebooks' pages, in the order they are listed.
        corpus_path: The corpus the notebooks ran on, shown on the page.
        tables: The result tables written beside the pages (CSV files and their README).
        out_dir: The report directory the table paths are relative to.
        skipped: The files and records the corpus did not read (``Corpus.skipped``:
            ``path``, ``place``, ``reason``), listed at the end; ``None`` or empty for none.

    Returns:
        The HTML text of ``index.html``: for each notebook its title linking to
        the full page, the first sentence or two of its findings (or "(no
        findings cell)"), and links to the reviewer page and executed notebook.
    """
    sections = "\n".join(
        f"""  <section>
    <h2><a href="{html.escape(page.full)}">{html.escape(page.title)}</a></h2>
    {_findings_html(page.findings)}
    <p class="links"><a href="{html.escape(page.reviewer)}">reviewer version, no code</a>
      · <a href="{html.escape(page.full)}">full page, with code</a>
      · <a href="{html.escape(page.notebook)}">executed notebook</a></p>
  </section>"""
        for page in pages
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Media-framing workbook report</title>
<style>
  body {{ font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto;
         padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }}
  h2 {{ font-size: 1.2rem; margin: 1.8rem 0 0.3rem; }}
  .findings {{ margin: 0.3rem 0; }}
  .findings.missing {{ color: #666; font-style: italic; }}
  .links {{ margin: 0.2rem 0; font-size: 0.9rem; }}
  code {{ font-size: 0.95em; background: #f2f2f2; padding: 0 0.2em; }}
  table.skipped {{ border-collapse: collapse; font-size: 0.9rem; }}
  table.skipped th, table.skipped td {{ text-align: left; vertical-align: top;
         padding: 0.2rem 0.5rem; border-bottom: 1px solid #ddd; }}
</style>
</head>
<body>
<main>
  <h1>Media-framing workbook report</h1>
  <p>Corpus: <code>{html.escape(str(corpus_path))}</code></p>
  <p>The key findings of each notebook, in its own words. Each notebook has a
     reviewer page (narrative, tables and charts without the code) and a full
     page (with the code).</p>
{sections}
{_tables_html(tables, out_dir)}
{_skipped_html(skipped)}
</main>
</body>
</html>
"""


def _skipped_html(skipped) -> str:
    """The files and records left out of the corpus, each with its reason."""
    if skipped is None or not len(skipped):
        return ""
    rows = "\n".join(
        f"      <tr><td><code>{html.escape(str(row.path))}</code></td>"
        f"<td>{html.escape(str(row.place))}</td><td>{html.escape(str(row.reason))}</td></tr>"
        for row in skipped.itertuples()
    )
    n = len(skipped)
    return f"""  <section>
    <h2>Not in the corpus</h2>
    <p>{n} file{"s" if n != 1 else ""} or record{"s" if n != 1 else ""} of the corpus
       folder {"were" if n != 1 else "was"} not read, and no notebook counts
       {"them" if n != 1 else "it"}; why, for each:</p>
    <table class="skipped">
      <tr><th>file</th><th>where</th><th>why</th></tr>
{rows}
    </table>
  </section>"""


def _tables_html(tables: Sequence[Path], out_dir: Path | None) -> str:
    if not tables or out_dir is None:
        return ""
    files = [path for path in tables if path.name != TABLES_PAGE]
    links = " · ".join(
        f'<a href="{html.escape(path.relative_to(out_dir).as_posix())}">'
        f"{html.escape(path.name)}</a>"
        for path in files
    )
    browse = (
        f'<p><a href="{TABLES_PAGE}">Browse every table</a>: all rows, sortable by any '
        "column, searchable, on one page that works offline.</p>"
        if any(path.name == TABLES_PAGE for path in tables)
        else ""
    )
    return f"""  <section>
    <h2>Every result as a table</h2>
    {browse}
    <p>Each table behind the notebooks, every row with its ids and character offsets
       (<code>python -m analysis export</code> writes the same, also as Parquet or Excel;
       the README lists their columns):</p>
    <p class="links">{links}</p>
  </section>"""


def render_pages(executed: Sequence[Path], out_dir: Path) -> list[Page]:
    """Render executed notebooks into full and reviewer HTML pages.

    Args:
        executed: Executed notebooks, in the order the index lists them.
        out_dir: The report directory; pages go to ``out_dir/<name>.html`` and
            ``out_dir/reviewer/<name>.html``.

    Returns:
        One ``Page`` per notebook, with paths relative to ``out_dir``.
    """
    import nbformat

    (out_dir / "reviewer").mkdir(parents=True, exist_ok=True)
    pages = []
    for path in executed:
        notebook = nbformat.read(path, as_version=4)
        name = path.stem
        full_html = render_html(notebook)
        missing_alt = images_without_alt(full_html)
        if missing_alt:
            print(
                f"warning: {path}: {missing_alt} image(s) without alt text; give each chart "
                'alt text in output.metadata["image/png"]["alt"]',
                file=sys.stderr,
            )
        findings = notebook_findings(notebook)
        if findings is None:
            print(
                f"warning: {path}: no code cell tagged `{FINDINGS_TAG}`; the index shows "
                "(no findings cell). Tag the cell whose output states the key findings.",
                file=sys.stderr,
            )
        (out_dir / f"{name}.html").write_text(full_html, encoding="utf-8")
        (out_dir / "reviewer" / f"{name}.html").write_text(
            render_html(notebook, reviewer=True), encoding="utf-8"
        )
        pages.append(
            Page(
                name=name,
                title=notebook_title(notebook, default=name),
                full=f"{name}.html",
                reviewer=f"reviewer/{name}.html",
                notebook=Path(os.path.relpath(path, out_dir)).as_posix(),
                findings=findings,
            )
        )
    return pages
