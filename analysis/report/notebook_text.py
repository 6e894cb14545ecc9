"""What the index reads out of an executed notebook: its title, its key findings, as HTML.

By convention a notebook states its key findings in one code cell tagged
``findings`` (cell metadata tags) whose output is Markdown (e.g.
``views.markdown(findings.framing_findings(...))``), HTML or plain text; the index
shows the first sentence or two of that output (:func:`short_findings`),
its inline Markdown rendered as safe HTML (:func:`markdown_inline_html`).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

__all__ = [
    "FINDINGS_CHARS",
    "FINDINGS_TAG",
    "markdown_inline_html",
    "notebook_findings",
    "notebook_title",
    "short_findings",
]


FINDINGS_TAG = "findings"
"""Cell tag of the code cell whose output states a notebook's key findings."""


FINDINGS_CHARS = 400
"""The index quotes a notebook's findings up to about this many characters."""


_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<title>.+?)\s*#*\s*$")


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
    r"""The first sentence or two of a notebook's findings, for the index: whole sentences.

    Takes the first paragraph, then as many of its sentences as fit in
    ``limit`` characters, always the first whole. A lead label ("**Up front.**")
    is no sentence: it stays with the sentence after it. A period inside
    parentheses or quotation marks ends no sentence. Only a first sentence
    longer than twice ``limit`` is cut, at its last clause (";") that fits, else
    at a word, with "…".

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
        >>> short_findings("**Up front.** The lede copies #3. It adds one.", limit=20)
        '**Up front.** The lede copies #3.'
    """
    paragraphs = [p for p in re.split(r"\n\s*\n", findings.strip()) if p.strip()]
    if not paragraphs:
        return ""
    kept = ""
    for sentence in _sentences(" ".join(paragraphs[0].split())):
        candidate = f"{kept} {sentence}".strip()
        if kept and len(candidate) > limit:
            break
        kept = candidate
    if len(kept) > limit * 2:
        clause = kept[: limit * 2].rfind("; ")
        cut = kept[:clause] if clause > limit // 2 else kept[: limit * 2].rsplit(" ", 1)[0]
        kept = cut.rstrip(" ,;:") + "…"
    return kept


# A lead label that opens a finding: "**Up front.**", "*Omitted.*".
_LABEL = re.compile(r"[*_]{1,2}[^*_]{1,40}[*_]{1,2}")
_OPENERS, _CLOSERS = "(“[", ")”]"


def _sentences(paragraph: str) -> list[str]:
    """The sentences of a paragraph, a lead label joined to the sentence after it."""
    sentences: list[str] = []
    pending = ""
    for match in _SENTENCE.finditer(paragraph):
        pending = f"{pending} {match.group().strip()}".strip()
        depth = sum(pending.count(c) for c in _OPENERS) - sum(pending.count(c) for c in _CLOSERS)
        if depth > 0 or _LABEL.fullmatch(pending):
            continue  # inside parentheses or quotation marks, or a label alone: read on
        sentences.append(pending)
        pending = ""
    if pending:
        sentences.append(pending)
    return sentences


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
