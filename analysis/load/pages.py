"""Documents that are not plain text: saved web pages (``.html``) and Word files (``.docx``).

A saved page is mostly navigation, adverts and links; trafilatura (a maintained
extractor, used by the Common Crawl and news-archive communities) finds the
article in it and its metadata (title, date, author, site, canonical URL). The
extracted text becomes the document's text, so every offset downstream counts
in that text; the raw page's sha256 is kept beside it (``page_sha256``) so the
page can be traced.

A Word file's paragraphs (python-docx) are joined by blank lines, one block per
paragraph; a LexisNexis export saved as ``.docx`` is then split into its stories
like the plain-text export (:mod:`analysis.load.exports`).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import io
import logging
import warnings
import zipfile

__all__ = ["HTML_EXTENSIONS", "PageText", "read_docx", "read_html"]

HTML_EXTENSIONS = (".html", ".htm")

# trafilatura's metadata names -> the workbook's fields (others keep their names).
_HTML_FIELDS = {"title": "title", "date": "published", "url": "url", "author": "author"}


class PageError(ValueError):
    """A page or file that holds no readable article; the loader turns it into a CorpusError."""

    def __init__(self, problem: str, fix: str):
        super().__init__(problem)
        self.problem, self.fix = problem, fix


class PageText:
    """The text found in a page or file, its metadata and how it was found."""

    def __init__(self, text: str, meta: dict, notes: list[str]):
        self.text, self.meta, self.notes = text, meta, notes


def read_html(raw: bytes) -> PageText:
    """The article of a saved web page, extracted by trafilatura.

    Args:
        raw: The page's bytes, as saved (trafilatura detects the encoding).

    Returns:
        The extracted text (one paragraph per line), the metadata found
        (``title``, ``published``, ``url``, ``author``, ``outlet`` from the site
        name or host, ``page_sha256``) and a note saying how it was extracted.

    Raises:
        PageError: When the page holds no article text.
    """
    trafilatura = _extractor("trafilatura")

    sha = hashlib.sha256(raw).hexdigest()
    try:
        with warnings.catch_warnings(), _quiet("trafilatura", "htmldate", "courlan"):
            warnings.simplefilter("ignore")  # lxml's FutureWarnings on element truth tests
            found = trafilatura.bare_extraction(
                raw,
                with_metadata=True,
                include_comments=False,
                include_tables=False,
                # The date the page states for the article, never one guessed from a
                # copyright line or a link ("Copyright 2024" is not a publication date).
                date_extraction_params={"extensive_search": False, "original_date": True},
            )
    except Exception as exc:  # lxml and the extractor raise many kinds on broken markup
        raise PageError(
            f"the page could not be parsed as HTML ({type(exc).__name__}: {exc})",
            "save the page again (complete HTML), or save the article as .txt",
        ) from None
    text = (getattr(found, "text", None) or "").strip("\n") if found is not None else ""
    if not text.strip():
        raise PageError(
            "no article text found in the page (only navigation, scripts or markup)",
            "save the article's own page, or copy its text into a .txt file",
        )
    meta = {
        field: str(getattr(found, name))
        for name, field in _HTML_FIELDS.items()
        if getattr(found, name, None)
    }
    outlet = getattr(found, "sitename", None) or getattr(found, "hostname", None)
    if outlet:
        meta["outlet"] = str(outlet)
    meta["page_sha256"] = sha
    version = getattr(trafilatura, "__version__", "?")
    notes = [
        f"article text extracted from the HTML page by trafilatura {version}; offsets "
        f"count in the extracted text; page_sha256 is the saved page's hash"
    ]
    return PageText(text, meta, notes)


def _extractor(name: str):
    """Import an extractor when the first page needs it (trafilatura takes 0.3 s to import)."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:  # e.g. lxml without its html_clean part
        raise PageError(
            f"the {name} package, which reads these files, cannot be imported ({exc})",
            "run `make install` (requirements.lock pins it and what it needs)",
        ) from None


@contextlib.contextmanager
def _quiet(*names: str):
    """Hold the extractor's log warnings ("discarding data"): the loader reports instead."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def read_docx(raw: bytes, max_bytes: int) -> PageText:
    """The paragraphs of a Word (``.docx``) file, joined by blank lines.

    Args:
        raw: The file's bytes.
        max_bytes: The most its parts may hold once unpacked: a Word file is a zip
            archive, and a small one can unpack to gigabytes (a "zip bomb").

    Raises:
        PageError: When the file is not a readable Word document, unpacks to more
            than ``max_bytes``, or holds no text.
    """
    docx = _extractor("docx")

    _check_unpacked_size(raw, max_bytes)
    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # zip, XML and python-docx's own errors have no common base
        raise PageError(
            f"not a readable Word document ({type(exc).__name__}: {exc})",
            "save it again from Word as .docx, or export the text as .txt",
        ) from None
    paragraphs = [p.text.strip() for p in document.paragraphs]
    text = "\n\n".join(p for p in paragraphs if p)
    if not text:
        raise PageError("the Word document has no paragraph text", "add the text or remove it")
    notes = ["text read from a Word document: its paragraphs joined by blank lines"]
    return PageText(text, {}, notes)


def _check_unpacked_size(raw: bytes, max_bytes: int) -> None:
    """Refuse a Word file whose text unpacks to more than ``max_bytes`` (a "zip bomb").

    Its text is its XML parts; pictures and fonts may take ten times as much, not
    more. The sizes are the archive's own record of each part; :mod:`zipfile`
    stops reading a part at its recorded size, so a part cannot unpack to more.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return  # python-docx names what is wrong with a file that is no archive
    text = sum(info.file_size for info in parts if info.filename.endswith((".xml", ".rels")))
    unpacked = sum(info.file_size for info in parts)
    if text > max_bytes or unpacked > 10 * max_bytes:
        raise PageError(
            f"the Word file unpacks to {unpacked:,} bytes ({text:,} of text), over the limit "
            f"of {max_bytes:,} bytes of text and ten times that in all",
            "save the text as .txt, or raise the limit: load_corpus(path, max_file_bytes=N)",
        )
