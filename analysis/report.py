"""Execute the workbook's notebooks on a corpus and render them as offline HTML.

``python -m analysis report --corpus PATH --out DIR`` (or ``make report``)
validates the corpus, runs every ``notebooks/*.ipynb`` with papermill on it
(into ``DIR/notebooks/``; the committed notebooks are never touched), and
renders each executed notebook twice:

* ``DIR/<name>.html``: the full notebook, code included;
* ``DIR/reviewer/<name>.html``: narrative, tables and charts only, no code;

plus ``DIR/index.html`` linking them all. The pages load nothing from the
network: nbconvert's stock HTML template pulls require.js, MathJax and
mermaid.js from a CDN, and this module's template drops those scripts. The
stock template also ignores the alt text a notebook gives its images
(``output.metadata["image/png"]["alt"]``); this module's template puts it on
the ``<img>``.
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

# Extends nbconvert's "lab" template. Blocks emptied here are the ones that load
# scripts from a CDN; the image blocks add the notebook's alt text to the <img>.
_OFFLINE_TEMPLATE = """\
{%- extends 'index.html.j2' -%}
{% block html_head_js_requirejs %}{% endblock html_head_js_requirejs %}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
{% block html_head_js_mathjax %}{% endblock html_head_js_mathjax %}
{% block html_head_js_mermaidjs %}{% endblock html_head_js_mermaidjs %}
{% block data_png scoped %}
{%- set alt = output | get_metadata('alt', 'image/png') -%}
{%- if alt is not none -%}
{{ super() | replace('<img ', '<img alt="' ~ (alt | escape_html) ~ '" ', 1) }}
{%- else -%}
{{ super() }}
{%- endif -%}
{% endblock data_png %}
{% block data_jpg scoped %}
{%- set alt = output | get_metadata('alt', 'image/jpeg') -%}
{%- if alt is not none -%}
{{ super() | replace('<img ', '<img alt="' ~ (alt | escape_html) ~ '" ', 1) }}
{%- else -%}
{{ super() }}
{%- endif -%}
{% endblock data_jpg %}
"""

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
    """

    name: str
    title: str
    full: str
    reviewer: str
    notebook: str


def validate_corpus(corpus_path: Path) -> None:
    """Load the corpus once so a bad corpus fails before any notebook runs.

    Args:
        corpus_path: Directory or manifest of the corpus, as ``load_corpus`` takes it.

    Raises:
        analysis.corpus.CorpusError: The corpus cannot be loaded; the message
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


def execute_notebook(
    source: Path,
    destination: Path,
    corpus_path: Path,
    article_id: str | None = None,
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

    Raises:
        NotebookError: A cell raised; the message names the notebook and the cell.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    parameters: dict[str, Any] = {"corpus_path": str(corpus_path.resolve())}
    if article_id is not None:
        parameters["article_id"] = article_id
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
    remote = network_resources(body)
    if remote:
        raise ReportError(f"rendered HTML would load from the network: {', '.join(remote)}")
    return body


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
        How many images have a missing or empty ``alt`` attribute.
    """
    finder = _ResourceFinder()
    finder.feed(page)
    return sum(1 for image in finder.images if not (image.get("alt") or "").strip())


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


def index_page(pages: Sequence[Page], corpus_path: Path) -> str:
    """Write the report's front page: one entry per notebook.

    Args:
        pages: The notebooks' pages, in the order they are listed.
        corpus_path: The corpus the notebooks ran on, shown on the page.

    Returns:
        The HTML text of ``index.html``.
    """
    items = "\n".join(
        f'    <li><a href="{html.escape(page.full)}">{html.escape(page.title)}</a>'
        f' (<a href="{html.escape(page.reviewer)}">reviewer version, no code</a>;'
        f' <a href="{html.escape(page.notebook)}">executed notebook</a>)</li>'
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
         padding: 0 1rem; line-height: 1.5; }}
  li {{ margin: 0.4rem 0; }}
  code {{ font-size: 0.95em; }}
</style>
</head>
<body>
<main>
  <h1>Media-framing workbook report</h1>
  <p>Corpus: <code>{html.escape(str(corpus_path))}</code></p>
  <p>Each notebook has a full page (narrative, code and outputs) and a reviewer
     page (narrative, tables and charts without the code).</p>
  <ul>
{items}
  </ul>
</main>
</body>
</html>
"""


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
            )
        )
    return pages


def build_report(
    corpus_path: Path,
    out_dir: Path,
    notebooks_dir: Path = Path("notebooks"),
    article_id: str | None = None,
) -> Path:
    """Validate a corpus, run every notebook on it and write the HTML report.

    Args:
        corpus_path: The corpus to run the notebooks on.
        out_dir: The report directory; created if missing.
        notebooks_dir: Directory of the committed notebooks (read only).
        article_id: Article to focus on, passed to each notebook; by default
            each notebook keeps its own.

    Returns:
        The path of the report's ``index.html``.

    Raises:
        analysis.corpus.CorpusError: The corpus cannot be loaded.
        NotebookError: A notebook cell raised.
        ReportError: No notebooks, or an output directory that would overwrite them.
    """
    validate_corpus(corpus_path)
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
        execute_notebook(source, destination, corpus_path, article_id)
        executed.append(destination)
    pages = render_pages(executed, out_dir)
    index = out_dir / "index.html"
    index.write_text(index_page(pages, corpus_path.resolve()), encoding="utf-8")
    return index
