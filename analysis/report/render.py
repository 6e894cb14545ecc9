"""An executed notebook as one offline HTML page, and the checks that it is one.

nbconvert's stock HTML template pulls require.js, MathJax and mermaid.js from
a CDN; this module's template drops those scripts. The stock template also
ignores the alt text a notebook gives its images
(``output.metadata["image/png"]["alt"]``); this template puts it on the
``<img>`` and shows it as the figure's caption underneath, and its style sheet
makes tables readable (text left-aligned, numbers right-aligned, long text
wrapped in a column of bounded width).
"""

from __future__ import annotations

import html
import re
import threading
from html.parser import HTMLParser
from typing import Any

from analysis.report.browse import LONG_TEXT_CHARS, MAX_CELL_CHARS
from analysis.report.errors import ReportError

__all__ = ["NBCONVERT_PLACEHOLDER_ALT", "images_without_alt", "network_resources", "render_html"]


_OFFLINE_TEMPLATE_NAME = "analysis_offline.html.j2"


# Added after JupyterLab's styles. Those right-align every table cell (a wall of
# right-aligned text) and lay tables out fixed (equal columns); here text reads
# left-aligned, numbers (cells marked by _mark_numeric_cells) right-aligned, an id
# stays on one line, and long text wraps in a column of bounded width. A wide
# table scrolls on its own.
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
.jp-Notebook .jp-RenderedHTMLCommon td.analysis-long { min-width: 24em; }
.jp-Notebook .jp-RenderedHTMLCommon td.analysis-phrase { min-width: 12em; }
.jp-Notebook .jp-RenderedHTMLCommon td.analysis-token,
.jp-Notebook .jp-RenderedHTMLCommon th.analysis-token {
  white-space: nowrap;
  overflow-wrap: normal;
  max-width: none;
}
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


# One exporter per view, made once: each new one compiles its templates again (a
# third of a page's rendering). The lock lets the report's notebook threads share them.
_EXPORTERS: dict[bool, Any] = {}
_EXPORTING = threading.Lock()


def _exporter(reviewer: bool) -> Any:
    """The exporter of one view (reviewer or full); call it holding ``_EXPORTING``."""
    if reviewer not in _EXPORTERS:
        _EXPORTERS[reviewer] = _new_exporter(reviewer)
    return _EXPORTERS[reviewer]


def _new_exporter(reviewer: bool) -> Any:
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
    with _EXPORTING:
        body, _ = _exporter(reviewer).from_notebook_node(node)
    body = _shorten_long_cells(_mark_numeric_cells(body))
    remote = network_resources(body)
    if remote:
        raise ReportError(f"rendered HTML would load from the network: {', '.join(remote)}")
    return body


def _mark_numeric_cells(page: str) -> str:
    """Give table cells that hold a single number the class the style sheet right-aligns."""
    return _NUMERIC_CELL.sub(r'<td class="analysis-number">\1</td>', page)


# A notebook page cuts a text cell as the tables page does (browse.MAX_CELL_CHARS),
# and gives a cell longer than browse.LONG_TEXT_CHARS a readable column width (the
# style sheet's td.analysis-long): a wide table scrolls rather than squeeze it.
CELL_CHARS = MAX_CELL_CHARS

# A table cell of plain text (no markup inside), as pandas writes it.
_TEXT_CELL = re.compile(r"<td>([^<]+)</td>")
_PHRASE_CHARS = 20
# One token of more than a short word, and short enough to stand on one line.
_ONE_TOKEN = re.compile(r"\S{16,100}")


def _shorten_long_cells(page: str, limit: int = CELL_CHARS) -> str:
    """Cut a long text cell at a word near ``limit`` characters, its whole text in ``title``.

    A table of sentences (usage, alignment, a labelling sheet) otherwise has rows
    many lines tall at 1280 pixels: the text column wraps in its bounded width.
    """

    def cut(match: re.Match) -> str:
        text = html.unescape(match.group(1))
        if _ONE_TOKEN.fullmatch(text):
            # An id, a file or a URL ("breitbart_2015-11-11_the-ninth-circle_d473") kept on
            # one line: wrapped at its hyphens it made rows five lines tall.
            return f'<td class="analysis-token">{match.group(1)}</td>'
        if len(text) <= LONG_TEXT_CHARS:
            if len(text) >= _PHRASE_CHARS and " " in text:
                # A few words (a speaker, an evidence phrase): a width of their own, or
                # squeezed beside long columns they wrapped a word a line.
                return f'<td class="analysis-phrase">{match.group(1)}</td>'
            return match.group(0)
        if len(text) <= limit:  # kept whole, in a column wide enough to read it
            return f'<td class="analysis-long">{match.group(1)}</td>'
        short = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
        return (
            f'<td class="analysis-long" title="{html.escape(text)}">'
            f"{html.escape(short, quote=False)}</td>"
        )

    return _ID_HEADER.sub(r'<th class="analysis-token">\1</th>', _TEXT_CELL.sub(cut, page))


# A row's header cell (pandas prints the index as <th>) holding an id: one line too.
_ID_HEADER = re.compile(r"<th>([^\s<]{16,100})</th>")


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
