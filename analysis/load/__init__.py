"""Loading: files, records and DataFrames to documents and the ``articles`` frame.

No segmentation happens here (that is :mod:`analysis.segment`):
:mod:`~analysis.load.files` decides which files are read and how,
:mod:`~analysis.load.limits` reads files within their size limits,
:mod:`~analysis.load.decode` turns bytes into checked text,
:mod:`~analysis.load.records` reads JSON lines, CSV, Parquet and DataFrame rows,
:mod:`~analysis.load.manifest` a folder's manifest, :mod:`~analysis.load.pages`
saved web pages and Word files, :mod:`~analysis.load.exports` LexisNexis and
Factiva exports, :mod:`~analysis.load.dates` publication dates, and
:mod:`~analysis.load.articles` builds the ``articles`` frame.
"""

from analysis.load.articles import articles_frame, drop_duplicates
from analysis.load.dates import parse_published
from analysis.load.decode import MAX_LINE_CHARS
from analysis.load.exports import ExportStory, export_kind, split_export
from analysis.load.files import LABELS_FOLDER, read_documents
from analysis.load.limits import ReadLimits
from analysis.load.manifest import MANIFEST_NAMES
from analysis.load.pages import HTML_EXTENSIONS, PageText, read_docx, read_html
from analysis.load.records import COLUMN_ALIASES, FRAME_NAME, Doc

__all__ = [
    "COLUMN_ALIASES",
    "Doc",
    "ExportStory",
    "FRAME_NAME",
    "HTML_EXTENSIONS",
    "LABELS_FOLDER",
    "MANIFEST_NAMES",
    "MAX_LINE_CHARS",
    "PageText",
    "ReadLimits",
    "articles_frame",
    "drop_duplicates",
    "export_kind",
    "parse_published",
    "read_docx",
    "read_documents",
    "read_html",
    "split_export",
]
