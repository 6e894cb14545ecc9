"""Execute the workbook's notebooks on a corpus and render them as offline HTML.

``python -m analysis report --corpus PATH --out DIR`` (or ``make report``)
validates the corpus, runs every ``notebooks/*.ipynb`` with papermill on it
(into ``DIR/notebooks/``; the committed notebooks are never touched), and
renders each executed notebook twice:

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
output is Markdown (e.g. ``display.markdown(framing.findings(...))``), HTML or
plain text; the index shows the first sentence or two of that output, taken
from the executed notebook, under the notebook's link.
"""

from __future__ import annotations

import html
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

KERNEL_NAME = "python3"
"""Jupyter kernel the notebooks run in: ipykernel's kernel for this environment."""

CELL_TIMEOUT_SECONDS = 600
"""Longest a single notebook cell may run before the report fails."""

_OFFLINE_TEMPLATE_NAME = "analysis_offline.html.j2"

FINDINGS_TAG = "findings"
"""Cell tag of the code cell whose output states a notebook's key findings."""

FINDINGS_CHARS = 400
"""The index quotes a notebook's findings up to about this many characters."""

# Added after JupyterLab's styles. Those right-align every table cell (a wall of
# right-aligned text) and lay tables out fixed (equal columns); here text reads
# left-aligned, numbers (cells marked by _mark_numeric_cells) right-aligned, and
# long text wraps in a column of bounded width. A wide table scrolls on its own.
_REPORT_CSS = """\
.jp-OutputArea-output.jp-RenderedHTMLCommon { overflow-x: auto; }
.jp-Notebook .jp-RenderedHTMLCommon table { table-layout: auto; }
.jp-Notebook .jp-RenderedHTMLCommon td,
.jp-Notebook .jp-RenderedHTMLCommon th {
  text-align: left;
  vertical-align: top;
  max-width: 36em;
  overflow-wrap: break-word;
}
.jp-Notebook .jp-RenderedHTMLCommon thead th { vertical-align: bottom; }
.jp-Notebook .jp-RenderedHTMLCommon td.analysis-number {
  text-align: right;
  font-variant-numeric: tabular-nums;
  white-space: nowrap;
}
figure.analysis-figure { margin: 0 0 1em 0; }
figure.analysis-figure figcaption {
  max-width: 48em;
  margin-top: 0.4em;
  font-family: var(--jp-content-font-family, system-ui, sans-serif);
  font-size: var(--jp-content-font-size1, 14px);
  line-height: 1.45;
  color: #3a3a3a;
}
"""

# The image blocks wrap the stock <img> in a <figure>, with the alt text on the
# <img> and again, visible, as the <figcaption>.
_FIGURE = """\
{%- set alt = output | get_metadata('alt', 'MIME') -%}
{%- if alt is not none -%}
{{ super()
   | replace('<img ', '<figure class="analysis-figure"><img alt="' ~ (alt | escape_html) ~ '" ', 1)
   | replace('</div>', '<figcaption>' ~ (alt | escape_html) ~ '</figcaption></figure></div>', 1) }}
{%- else -%}
{{ super() }}
{%- endif -%}
"""

# Extends nbconvert's "lab" template. Blocks emptied here are the ones that load
# scripts from a CDN; html_head_css adds the report's styles; the image blocks
# give each figure its alt text and caption.
_OFFLINE_TEMPLATE = (
    """\
{%- extends 'index.html.j2' -%}
{% block html_head_js_requirejs %}{% endblock html_head_js_requirejs %}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
{% block html_head_js_mathjax %}{% endblock html_head_js_mathjax %}
{% block html_head_js_mermaidjs %}{% endblock html_head_js_mermaidjs %}
{% block html_head_css %}
<style type="text/css">
"""
    + _REPORT_CSS
    + """\
</style>
{% endblock html_head_css %}
{% block data_png scoped %}
"""
    + _FIGURE.replace("MIME", "image/png")
    + """\
{% endblock data_png %}
{% block data_jpg scoped %}
"""
    + _FIGURE.replace("MIME", "image/jpeg")
    + """\
{% endblock data_jpg %}
"""
)

# A table cell holding one number as pandas prints it: 12, -0.5, 1,234, 4%, 1e-05.
_NUMERIC_CELL = re.compile(r"<td>(\s*[-+−]?(?=\.?\d)\d*(?:[.,]\d+)*(?:e[-+]?\d+)?%?\s*)</td>")

NBCONVERT_PLACEHOLDER_ALT = "No description has been provided for this image"
"""The alt text nbconvert puts on an image the notebook gave none; it counts as missing."""

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<title>.+?)\s*#*\s*$")


class ReportError(Exception):
    """The report could not be built; the message names the file and the fix."""


class NotebookError(ReportError):
    """A notebook cell raised while the report ran it on the corpus."""


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


def validate_corpus(corpus_path: Path) -> None:
    """Load the corpus once so a bad corpus fails before any notebook runs.

    Args:
        corpus_path: Directory or manifest of the corpus, as ``load_corpus`` takes it.

    Raises:
        analysis.errors.CorpusError: The corpus cannot be loaded; the message
            says which file is wrong and how to fix it.
    """
    # Imported on use: importing the report module (and its tests) needs no corpus layer.
    from analysis.corpus import load_corpus

    load_corpus(corpus_path)


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
) -> dict[str, Any]:
    """The papermill parameters one notebook runs with in the report.

    Every notebook gets ``corpus_path`` (absolute) and, if given, ``article_id``.
    Label files go only to a notebook whose ``parameters`` cell declares them, so
    the others run without papermill's warnings about unknown parameters.

    Args:
        source: The notebook.
        corpus_path: The corpus.
        article_id: The article to focus on, or ``None`` for each notebook's own.
        labels: Parameter name (``labels_path``, ``quotes_path``, ``usage_path``) ->
            file, for the files given; those not given keep the notebook's default.
        sheet: Where a notebook that declares ``sheet_path`` writes a labelling sheet.

    Returns:
        Parameter name -> value; paths absolute, as strings.
    """
    parameters: dict[str, Any] = {"corpus_path": str(corpus_path.resolve())}
    if article_id is not None:
        parameters["article_id"] = article_id
    declared = declared_parameters(source) if labels or sheet else set()
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
) -> None:
    """Run one notebook on a corpus with papermill, writing the executed copy.

    The kernel starts in the notebook's own directory, as it does in Jupyter
    and under nbval, so relative paths in the notebook mean the same thing.

    Args:
        source: The committed notebook; it is read, never written.
        destination: Where the executed notebook is written.
        corpus_path: Corpus to run on; injected as the ``corpus_path`` parameter.
        article_id: If given, injected as the ``article_id`` parameter;
            otherwise the notebook's own default stays.
        parameters: All the parameters to inject, as :func:`notebook_parameters`
            gives them; if given, ``corpus_path`` and ``article_id`` are not read.

    Raises:
        NotebookError: A cell raised; the message names the notebook and the cell.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    if parameters is None:
        parameters = notebook_parameters(source, corpus_path, article_id)
    destination.parent.mkdir(parents=True, exist_ok=True)
    try:
        papermill.execute_notebook(
            str(source),
            str(destination),
            parameters=parameters,
            kernel_name=KERNEL_NAME,
            cwd=str(source.parent.resolve()),
            progress_bar=False,
            execution_timeout=CELL_TIMEOUT_SECONDS,
        )
    except PapermillExecutionError as error:
        raise NotebookError(
            f"{source}: cell {error.exec_count} raised {error.ename}: {error.evalue}; "
            f"the executed notebook with the traceback is {destination}"
        ) from None


def _exporter(reviewer: bool) -> Any:
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="lab",
        template_file=_OFFLINE_TEMPLATE_NAME,
        extra_loaders=[DictLoader({_OFFLINE_TEMPLATE_NAME: _OFFLINE_TEMPLATE})],
        exclude_input=reviewer,
        exclude_input_prompt=reviewer,
        exclude_output_prompt=reviewer,
    )


def render_html(notebook: dict[str, Any], reviewer: bool = False) -> str:
    """Render an executed notebook as one self-contained, offline HTML page.

    Args:
        notebook: The notebook (an ``nbformat.NotebookNode`` or plain dict).
        reviewer: If true, leave out code cells' input and the In/Out prompts,
            keeping narrative, tables and charts.

    Returns:
        The HTML text. Images are inlined and carry the notebook's alt text.

    Raises:
        ReportError: The page would still load something from the network.
    """
    import nbformat

    node = nbformat.from_dict(notebook)
    body, _ = _exporter(reviewer).from_notebook_node(node)
    body = _mark_numeric_cells(body)
    remote = network_resources(body)
    if remote:
        raise ReportError(f"rendered HTML would load from the network: {', '.join(remote)}")
    return body


def _mark_numeric_cells(page: str) -> str:
    """Give table cells that hold a single number the class the style sheet right-aligns."""
    return _NUMERIC_CELL.sub(r'<td class="analysis-number">\1</td>', page)


class _ResourceFinder(HTMLParser):
    """Collects the URLs a page loads (scripts, styles, images, frames)."""

    _LOADING = {
        "script": "src",
        "link": "href",
        "img": "src",
        "iframe": "src",
        "source": "src",
        "embed": "src",
        "audio": "src",
        "video": "src",
    }

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.images: list[dict[str, str | None]] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        url = attributes.get(self._LOADING.get(tag, ""))
        if url:
            self.urls.append(url)
        if tag == "img":
            self.images.append(attributes)
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            # Module scripts can load code with import("https://...").
            self.urls.extend(re.findall(r"""import\(\s*["']([^"']+)["']""", data))


def _is_remote(url: str) -> bool:
    return bool(re.match(r"(?i)^(https?:)?//", url.strip()))


def network_resources(page: str) -> list[str]:
    """List the URLs an HTML page would fetch from the network when opened.

    Links a reader may follow (``<a href>``) do not count; scripts, style
    sheets, images, frames and module imports do.

    Args:
        page: HTML text.

    Returns:
        The remote URLs, in page order; empty for a page that works offline.
    """
    finder = _ResourceFinder()
    finder.feed(page)
    return [url for url in finder.urls if _is_remote(url)]


def images_without_alt(page: str) -> int:
    """Count the ``<img>`` tags of an HTML page that have no alt text.

    Args:
        page: HTML text.

    Returns:
        How many images have a missing or empty ``alt`` attribute, or only
        nbconvert's placeholder (:data:`NBCONVERT_PLACEHOLDER_ALT`).
    """
    finder = _ResourceFinder()
    finder.feed(page)
    return sum(
        1
        for image in finder.images
        if (image.get("alt") or "").strip() in ("", NBCONVERT_PLACEHOLDER_ALT)
    )


def notebook_title(notebook: dict[str, Any], default: str) -> str:
    """Find a notebook's title: the text of its first markdown heading.

    Args:
        notebook: The notebook (an ``nbformat.NotebookNode`` or plain dict).
        default: Returned when no markdown cell has a heading.

    Returns:
        The heading text, without the ``#`` marks.
    """
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        source = cell.get("source", "")
        text = "".join(source) if isinstance(source, list) else source
        for line in text.splitlines():
            match = _HEADING.match(line)
            if match:
                return match.group("title")
    return default


class _TextExtractor(HTMLParser):
    """The text of an HTML fragment, a blank line between blocks, scripts and styles left out."""

    _BLOCKS = {"p", "div", "li", "tr", "br", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(self._skip - 1, 0)
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")


def _plain_as_markdown(text: str) -> str:
    """Plain text as Markdown that renders back to the same text."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _output_text(output: dict[str, Any]) -> str:
    """One output's text as Markdown: Markdown as it is, HTML and plain text converted."""
    data = output.get("data", {})

    def joined(value: Any) -> str:
        return "".join(value) if isinstance(value, list) else str(value)

    if "text/markdown" in data:
        return joined(data["text/markdown"])
    if "text/html" in data:
        extractor = _TextExtractor()
        extractor.feed(joined(data["text/html"]))
        extractor.close()
        text = re.sub(r"[ \t]*\n\s*\n\s*", "\n\n", "".join(extractor.parts))
        return _plain_as_markdown(html.unescape(text).strip())
    if "text/plain" in data:
        return _plain_as_markdown(joined(data["text/plain"]))
    if output.get("output_type") == "stream" and output.get("name") == "stdout":
        return _plain_as_markdown(joined(output.get("text", "")))
    return ""


def notebook_findings(notebook: dict[str, Any]) -> str | None:
    r"""The key findings an executed notebook states in its ``findings`` cell.

    The cell is the first code cell tagged ``findings`` in its metadata. Its
    outputs are read in order, each as Markdown (``text/markdown``), else as
    the text of its HTML (``text/html``), else as plain text (``text/plain`` or
    printed output), and joined by blank lines.

    Args:
        notebook: The executed notebook (an ``nbformat.NotebookNode`` or plain dict).

    Returns:
        The findings as Markdown (plain and HTML text escaped so it renders as
        it reads); an empty string if the cell has no output; ``None`` if no
        cell is tagged ``findings``.

    Examples:
        >>> cell = {"cell_type": "code", "metadata": {"tags": ["findings"]}, "outputs": [
        ...     {"output_type": "stream", "name": "stdout", "text": "Most words are *quoted*.\n"}]}
        >>> notebook_findings({"cells": [cell]})
        'Most words are \\*quoted\\*.'
        >>> notebook_findings({"cells": []}) is None
        True
    """
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        if FINDINGS_TAG not in cell.get("metadata", {}).get("tags", []):
            continue
        texts = (_output_text(output).strip() for output in cell.get("outputs", []))
        return "\n\n".join(text for text in texts if text)
    return None


# A sentence: up to a full stop, question or exclamation mark (and any closing
# quotes, brackets or emphasis marks) followed by a space or the end.
_SENTENCE = re.compile(r".+?(?:[.!?][*_\"”’)\]]*(?=\s|$)|$)", re.DOTALL)


def short_findings(findings: str, limit: int = FINDINGS_CHARS) -> str:
    r"""The first sentence or two of a notebook's findings, for the index.

    Takes the first paragraph, then as many of its sentences as fit in
    ``limit`` characters (always the first one, cut at a word with "…" if
    it alone is longer).

    Args:
        findings: Markdown, as :func:`notebook_findings` returns it.
        limit: Roughly the most characters to keep.

    Returns:
        The short version, Markdown, on one line.

    Examples:
        >>> short_findings("Official text is the largest voice.\n\nMore detail.")
        'Official text is the largest voice.'
        >>> short_findings("One. Two. Three.", limit=9)
        'One. Two.'
    """
    paragraphs = [p for p in re.split(r"\n\s*\n", findings.strip()) if p.strip()]
    if not paragraphs:
        return ""
    paragraph = " ".join(paragraphs[0].split())
    kept = ""
    for match in _SENTENCE.finditer(paragraph):
        sentence = match.group().strip()
        candidate = f"{kept} {sentence}".strip()
        if kept and len(candidate) > limit:
            break
        kept = candidate
    if len(kept) > limit * 1.5:
        kept = kept[:limit].rsplit(" ", 1)[0] + "…"
    return kept


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.DOTALL)
_EMPHASIS = re.compile(r"\*(?=\S)(.+?)(?<=\S)\*", re.DOTALL)
_LINK = re.compile(r"\[([^\]]+)\]\([^)\s]*\)")


def markdown_inline_html(text: str) -> str:
    """Render the inline Markdown of a findings line as safe HTML.

    Supports what findings use: ``**strong**``, ``*emphasis*``, ```code```,
    backslash escapes; a link keeps its text only. Everything else is text:
    HTML in the input is escaped, never passed through.

    Args:
        text: One line of Markdown.

    Returns:
        An HTML fragment.

    Examples:
        >>> markdown_inline_html("**Reuse.** Shares 4% with `official-1` <script>")
        '<strong>Reuse.</strong> Shares 4% with <code>official-1</code> &lt;script&gt;'
    """
    held: list[str] = []

    def hold(match: re.Match[str]) -> str:
        held.append(match.group(1))
        return f"\x00{len(held) - 1}\x00"

    def restore(fragment: str, escape: bool) -> str:
        def put(match: re.Match[str]) -> str:
            character = held[int(match.group(1))]
            return html.escape(character) if escape else "\\" + character

        return re.sub(r"\x00(\d+)\x00", put, fragment)

    text = _ESCAPED.sub(hold, text.replace("\x00", ""))
    parts = []
    position = 0
    for match in _CODE_SPAN.finditer(text):
        parts.append(_inline_text(text[position : match.start()]))
        code = restore(match.group(2).strip(), escape=False)
        parts.append(f"<code>{html.escape(code)}</code>")
        position = match.end()
    parts.append(_inline_text(text[position:]))
    return restore("".join(parts), escape=True)


def _inline_text(text: str) -> str:
    text = html.escape(_LINK.sub(r"\1", text))
    text = _STRONG.sub(r"<strong>\1</strong>", text)
    return _EMPHASIS.sub(r"<em>\1</em>", text)


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
) -> str:
    """Write the report's front page: one entry per notebook, then the result tables.

    Args:
        pages: The notebooks' pages, in the order they are listed.
        corpus_path: The corpus the notebooks ran on, shown on the page.
        tables: The result tables written beside the pages (CSV files and their README).
        out_dir: The report directory the table paths are relative to.

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
</main>
</body>
</html>
"""


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
) -> Path:
    """Validate a corpus, run every notebook on it and write the HTML report.

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

    Returns:
        The path of the report's ``index.html``.

    Raises:
        analysis.errors.CorpusError: The corpus cannot be loaded.
        NotebookError: A notebook cell raised.
        ReportError: No notebooks, a label file that does not exist, or an output
            directory that would overwrite the notebooks.
    """
    validate_corpus(corpus_path)
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
    executed = []
    for source in notebooks:
        destination = executed_dir / source.name
        print(f"running {source} -> {destination}", file=sys.stderr)
        parameters = notebook_parameters(
            source, corpus_path, article_id, label_files, sheet=out_dir / "labelling_sheet.csv"
        )
        execute_notebook(source, destination, corpus_path, article_id, parameters)
        executed.append(destination)
    pages = render_pages(executed, out_dir)
    tables = write_tables(corpus_path, out_dir / TABLES_DIR)
    index = out_dir / "index.html"
    index.write_text(index_page(pages, corpus_path.resolve(), tables, out_dir), encoding="utf-8")
    return index


TABLES_DIR = "tables"
"""Where the report writes every result table as CSV (``python -m analysis export``)."""


TABLES_PAGE = "tables.html"
"""The report's page of every table, sortable and searchable (:mod:`analysis.browse`)."""


def write_tables(corpus_path: Path, folder: Path) -> list[Path]:
    """Every table of the workbook on the corpus: CSV files with their README, and a page.

    The page (``TABLES_PAGE``, beside ``folder``) shows every table's rows,
    sortable and searchable, each linked to its CSV.

    Returns:
        The files written, the page last.
    """
    from analysis.browse import tables_page
    from analysis.corpus import load_corpus
    from analysis.export import TABLES, result_tables
    from analysis.export import write_tables as write_files

    tables = result_tables(load_corpus(corpus_path))
    written = write_files(tables, folder, "csv")
    page = folder.parent / TABLES_PAGE
    links = {name: f"{folder.name}/{name}.csv" for name in tables}
    rows = {table.name: table.row for table in TABLES}
    page.write_text(tables_page(tables, rows, links), encoding="utf-8")
    return [*written, page]
