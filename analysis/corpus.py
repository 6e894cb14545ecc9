"""Load a corpus of articles into tidy frames: articles, blocks, sentences, quotes.

A corpus is a folder (or one file) of:

* ``.txt`` / ``.md`` files, one article each, with metadata from a manifest
  (``manifest.csv`` or ``manifest.toml`` in the folder) or from a front-matter
  block at the top of the file (``---`` lines around ``key: value`` lines);
* ``.jsonl`` files, one article per line: a JSON object with a ``text`` field
  and any metadata fields;
* ``.csv`` files, one article per row: a ``text`` column and metadata columns;
* ``.parquet`` files and pandas DataFrames, one article per row, like CSV;
* ``.html``/``.htm`` saved web pages, the article text and metadata extracted
  by trafilatura, and ``.docx`` Word files (:mod:`analysis.pages`);
* LexisNexis and Factiva text exports (``.txt`` or ``.docx``), one article per
  story (:mod:`analysis.exports`).

Bad input raises :class:`CorpusError` naming the file, the place and the fix.
With ``errors="collect"`` the loader keeps what it can and lists every
skipped file or record, with its reason, in ``Corpus.skipped``.

Text is never altered: offsets in every frame index ``articles.text``, which
is the file's text as decoded (less a UTF-8 byte-order mark and a front-matter
block, both noted in ``articles.notes``), or for a page, a Word file or an
export's story, the text extracted from it (``articles.notes`` says how).
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime
import email.utils
import hashlib
import io
import json
import re
import tomllib
from collections import namedtuple
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import quotes as quotes_mod
from analysis.errors import CorpusError
from analysis.exports import export_kind, split_export
from analysis.pages import HTML_EXTENSIONS, PageError, read_docx, read_html
from analysis.parallel import fork_map, process_count
from analysis.schema import (
    ARTICLE_COLUMNS,
    BLOCK_COLUMNS,
    FRAMES,
    KINDS,
    METADATA_FIELDS,
    QUOTE_COLUMNS,
    SENTENCE_COLUMNS,
)
from analysis.segment import (
    ReuseCache,
    classify_blocks,
    layout_each,
    official_source,
    sentence_roles,
)
from analysis.text import count_words, count_words_each

__all__ = ["Corpus", "analyse_articles", "load_corpus"]

ARTICLE_EXTENSIONS = (".txt", ".md")
# Pages and Word files: their text is extracted (analysis.pages), not decoded.
PAGE_EXTENSIONS = (*HTML_EXTENSIONS, ".docx")
RECORD_EXTENSIONS = (".jsonl", ".csv", ".parquet")
# Columns of common exports that mean one of the metadata fields (Media Cloud,
# trafilatura's JSON, GDELT, news APIs); the first present fills the field when
# the record has no field of that name, and the original column is kept too.
COLUMN_ALIASES = {
    "article_id": ("stories_id", "story_id", "GKGRECORDID", "uuid"),
    "outlet": (
        "media_name",
        "source-hostname",
        "sitename",
        "hostname",
        "domain",
        "SourceCommonName",
        "source",
    ),
    "published": ("publish_date", "publication_date", "pubdate", "date", "seendate", "DATE"),
    "url": ("link", "source_url", "DocumentIdentifier", "source"),
    "title": ("headline",),
}
_URL_START = ("http://", "https://")
MANIFEST_NAMES = ("manifest.csv", "manifest.toml")
MAX_LINE_CHARS = 100_000
PROGRESS_MIN_DOCUMENTS = 1_000


def progress_bar(items, total: int, desc: str, show: bool):
    """Wrap ``items`` in a tqdm progress bar when ``show``; plain text in any front end.

    The text bar is used in notebooks too: the widget bar needs ipywidgets, which the
    workbook does not install, and text renders the same in the HTML report.
    """
    if not show:
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc=desc, unit="doc", mininterval=1.0)


@dataclass
class Corpus:
    """The frames of a loaded corpus.

    Attributes:
        articles: One row per document (news or official), derived official texts included.
        blocks: One row per paragraph-level block, with its role and evidence.
        sentences: One row per sentence, with its role.
        quotes: One row per direct quotation, with speaker and cue.
        pairs: One row per (news article, official document) pair and how it was linked.
        skipped: Files or records not loaded (``errors="collect"``), with the reason.
        root: The folder or file the corpus was loaded from.
    """

    articles: pd.DataFrame
    blocks: pd.DataFrame
    sentences: pd.DataFrame
    quotes: pd.DataFrame
    pairs: pd.DataFrame
    skipped: pd.DataFrame
    root: Path

    def article(self, article_id: str) -> pd.Series:
        """The ``articles`` row of one document."""
        matches = self.articles.loc[self.articles["article_id"] == article_id]
        if matches.empty:
            known = ", ".join(self.articles["article_id"].head(10))
            raise KeyError(f"no article {article_id!r} in the corpus; known ids include: {known}")
        return matches.iloc[0]

    def __repr__(self) -> str:
        kinds = self.articles["kind"].value_counts().to_dict() if len(self.articles) else {}
        return (
            f"Corpus({str(self.root)!r}: {len(self.articles)} documents {kinds}, "
            f"{len(self.blocks)} blocks, {len(self.sentences)} sentences, "
            f"{len(self.quotes)} quotes, {len(self.skipped)} skipped)"
        )


# --- reading ----------------------------------------------------------------------


@dataclass
class _Doc:
    meta: dict
    text: str
    path: str
    place: str  # where the record is, for messages: "" for whole files, "line 3", "row 4"
    notes: list[str]


def load_corpus(
    path: str | Path | pd.DataFrame,
    *,
    encoding: str = "utf-8",
    errors: str = "raise",
    max_line_chars: int = MAX_LINE_CHARS,
    progress: bool | None = None,
    dayfirst: bool | None = None,
    **columns: str,
) -> Corpus:
    """Load a folder, a file or a DataFrame of articles into a :class:`Corpus`.

    Args:
        path: A folder (with an optional ``manifest.csv``/``manifest.toml``), one
            ``.txt``, ``.md``, ``.html``, ``.docx``, ``.jsonl``, ``.csv`` or ``.parquet``
            file, or a pandas
            DataFrame with one article per row (checked like a CSV file's rows, each
            error naming its row).
        columns: For a DataFrame, which of its columns holds each field, e.g.
            ``load_corpus(frame, text="body", outlet="media_name")``; the fields
            are ``text`` and the metadata fields (``article_id``, ``kind``,
            ``outlet``, ``published``, ``url``, ``title``, ``pairs_with``).
        encoding: The text encoding of the files (``"utf-8"`` unless you know better,
            e.g. ``"cp1252"`` for old Windows exports).
        errors: ``"raise"`` stops at the first bad file; ``"collect"`` loads what it
            can and lists the rest in ``Corpus.skipped``.
        max_line_chars: Longest line accepted; longer lines are usually not article
            text (minified HTML or JSON).
        dayfirst: How to read a ``published`` date such as ``04/05/2021``: True for
            4 May, False for 5 April; by default such a date is refused as
            ambiguous (see :func:`parse_published`).
        progress: Show a progress bar while segmenting; by default only for corpora
            of ``PROGRESS_MIN_DOCUMENTS`` documents or more, so small corpora, tests
            and notebook checks stay quiet.

    Returns:
        The corpus, with every frame filled.

    Raises:
        CorpusError: On bad input when ``errors="raise"``, and always when the
            path itself is unusable.
    """
    if errors not in ("raise", "collect"):
        raise ValueError(f'errors must be "raise" or "collect", not {errors!r}')
    unknown = sorted(set(columns) - {"text", *METADATA_FIELDS})
    if unknown:
        raise TypeError(f"load_corpus() got unexpected keyword argument(s) {', '.join(unknown)}")
    if columns and not isinstance(path, pd.DataFrame):
        raise TypeError("column names (text=, outlet=, ...) are for a DataFrame only")
    frame = path if isinstance(path, pd.DataFrame) else None
    root = Path(FRAME_NAME if frame is not None else path)
    if frame is None and not root.exists():
        raise CorpusError(str(path), "", "no such file or folder", "check the path")
    skipped: list[dict] = []

    def problem(exc: CorpusError) -> None:
        if errors == "raise":
            raise exc
        skipped.append(
            {"path": exc.path, "place": exc.place, "reason": f"{exc.problem}; {exc.fix}"}
        )

    def unlisted(rel: str, reason: str) -> None:
        skipped.append({"path": rel, "place": "", "reason": reason})

    if frame is not None:
        frame = _mapped(frame, columns)
        docs = list(_frame_documents(frame, FRAME_NAME, "row", max_line_chars, problem))
    else:
        docs = list(_read_documents(root, encoding, max_line_chars, problem, unlisted))
    docs = _drop_duplicates(docs, problem)
    if not docs:
        raise CorpusError(
            str(path),
            "",
            "no articles found",
            "add .txt, .md, .html, .docx, .jsonl, .csv or .parquet files to the folder",
        )
    articles = _articles_frame(docs, problem, dayfirst)
    del docs  # the texts live on in `articles`; the memory they held is released below
    show = len(articles) >= PROGRESS_MIN_DOCUMENTS if progress is None else progress
    corpus = _analyse(articles, root, show)
    corpus.skipped = pd.DataFrame(skipped, columns=["path", "place", "reason"])
    return corpus


FRAME_NAME = "<DataFrame>"  # the "file" a DataFrame's errors name


def _mapped(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """The frame with each field's column copied to the field's name (originals kept)."""
    missing = {f: c for f, c in columns.items() if c not in frame.columns}
    if missing:
        field, column = next(iter(missing.items()))
        raise CorpusError(
            FRAME_NAME,
            "columns",
            f"no column {column!r} (given for {field})",
            f"name one of {', '.join(map(repr, map(str, frame.columns[:12])))}",
        )
    out = frame.copy()
    for field, column in columns.items():
        out[field] = frame[column]
    return out


# A corpus's hand labels live beside it (seeds/labels/); analysis.validate reads them.
LABELS_FOLDER = "labels"


def _read_documents(root: Path, encoding: str, max_line: int, problem, unlisted) -> Iterator[_Doc]:
    """Yield every document under ``root`` in a stable order.

    Without a manifest every file in the folder (hidden ones aside) must be an
    article file. With one, exactly the files it lists are read; the others are
    passed to ``unlisted`` with the reason, to be shown in ``Corpus.skipped``.
    """
    if root.is_file():
        yield from _read_file(root, root.name, {}, encoding, max_line, problem)
        return
    manifest_name, manifest = _read_manifest(root, encoding, problem)
    listed = {}
    for row_place, row in manifest:
        rel = row.pop("path", "") or ""
        target = _inside(root, rel, row_place, problem)
        if target is None:
            continue
        if target.resolve() in listed:
            problem(
                CorpusError(
                    row_place.split(": ")[0],
                    row_place.split(": ")[-1],
                    f"{rel!r} is listed again (first at {listed[target.resolve()][2]})",
                    "list each file once: one file is one document",
                )
            )
            continue
        listed[target.resolve()] = (rel, row, row_place.split(": ")[-1])
    for file in sorted(root.rglob("*")):
        if file.is_dir() or any(part.startswith(".") for part in file.relative_to(root).parts):
            continue  # hidden files and folders (.git, .ipynb_checkpoints) are not articles
        rel = file.relative_to(root).as_posix()
        if file.name in MANIFEST_NAMES:
            continue
        if file.relative_to(root).parts[0] == LABELS_FOLDER and file.resolve() not in listed:
            unlisted(rel, f"hand labels ({LABELS_FOLDER}/, read by validate), not an article")
            continue
        if manifest_name:
            # The manifest lists the corpus; other files are reported, not read.
            if file.resolve() not in listed:
                unlisted(rel, f"not listed in {manifest_name}")
                continue
            meta = listed[file.resolve()][1]
        elif file.name.lower() in ("readme.md", "readme.txt", "license", "license.txt"):
            unlisted(rel, "a README or LICENSE, not an article")
            continue
        else:
            meta = {}
        yield from _read_file(file, rel, meta, encoding, max_line, problem)


def _inside(root: Path, rel: str, place: str, problem) -> Path | None:
    """Resolve a manifest path; it must exist and stay inside the corpus folder."""
    manifest = place.split(":")[0]
    if not rel:
        problem(
            CorpusError(
                manifest, place.split(": ")[-1], "the row has no path", "fill the path column"
            )
        )
        return None
    target = (root / rel).resolve()
    if not target.is_relative_to(root.resolve()) or Path(rel).is_absolute():
        problem(
            CorpusError(
                manifest,
                place.split(": ")[-1],
                f"path {rel!r} leaves the corpus folder",
                "copy the file into the corpus folder and give its path relative to it",
            )
        )
        return None
    if not target.is_file():
        problem(
            CorpusError(
                manifest,
                place.split(": ")[-1],
                f"file {rel!r} does not exist",
                "fix the path or remove the row",
            )
        )
        return None
    return target


def _read_manifest(root: Path, encoding: str, problem) -> tuple[str, list[tuple[str, dict]]]:
    """The manifest's name and rows, each row with its place ("manifest.csv: line 3")."""
    found = [root / name for name in MANIFEST_NAMES if (root / name).is_file()]
    if not found:
        return "", []
    if len(found) > 1:
        raise CorpusError(
            str(root),
            "",
            "both manifest.csv and manifest.toml exist",
            "keep one manifest per folder",
        )
    file = found[0]
    text = _decode(file.read_bytes(), file.name, encoding)[0]
    rows: list[tuple[str, dict]] = []
    if file.suffix == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise CorpusError(file.name, "", f"not valid TOML ({exc})", "fix the syntax") from None
        entries = data.get("article", [])
        if not isinstance(entries, list):
            raise CorpusError(
                file.name, "", "expected [[article]] tables", "write one [[article]] table per file"
            )
        for n, entry in enumerate(entries, 1):
            rows.append((f"{file.name}: article {n}", {k: _as_text(v) for k, v in entry.items()}))
        return file.name, rows
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if not header or "path" not in [h.strip() for h in header]:
        raise CorpusError(
            file.name,
            "line 1",
            "the header has no 'path' column",
            f"use the columns {', '.join(('path',) + METADATA_FIELDS)}",
        )
    header = [h.strip() for h in header]
    for values in reader:
        place = f"{file.name}: line {reader.line_num}"
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            problem(
                CorpusError(
                    file.name,
                    f"line {reader.line_num}",
                    f"{len(values)} fields where the header has {len(header)}",
                    "quote fields that contain commas",
                )
            )
            continue
        rows.append((place, {h: v.strip() for h, v in zip(header, values, strict=True)}))
    return file.name, rows


def _as_text(value) -> str:
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return "" if value is None else str(value)


def _read_file(
    file: Path, rel: str, meta: dict, encoding: str, max_line: int, problem
) -> Iterator[_Doc]:
    """Yield the documents of one file (one for .txt/.md, one per record otherwise)."""
    suffix = file.suffix.lower()
    if suffix not in ARTICLE_EXTENSIONS + PAGE_EXTENSIONS + RECORD_EXTENSIONS:
        problem(
            CorpusError(
                rel,
                "",
                f"unknown extension {file.suffix or '(none)'!r}",
                "save articles as .txt, .md, .html, .docx, .jsonl, .csv or .parquet, or move the file out of the corpus folder",
            )
        )
        return
    if suffix == ".parquet":
        if meta:
            problem(
                CorpusError(
                    rel, "", "the manifest describes a .parquet file", "remove the manifest row"
                )
            )
            return
        yield from _frame_documents(
            _parquet_frame(file, rel, problem), rel, file.stem, max_line, problem
        )
        return
    try:
        raw = file.read_bytes()
        if suffix in PAGE_EXTENSIONS:
            yield from _page_documents(raw, rel, file.stem, suffix, meta, max_line, problem)
            return
        text, notes = _decode(raw, rel, encoding)
        if suffix in ARTICLE_EXTENSIONS and export_kind(text):
            yield from _export_documents(text, rel, file.stem, meta, notes, max_line, problem)
            return
        if suffix in ARTICLE_EXTENSIONS:
            front, text, front_notes = _front_matter(text, rel)
            merged = _merge_meta(front, meta, rel)
            merged.setdefault("article_id", file.stem)
            _check_text(text, rel, "", max_line)
            yield _Doc(merged, text, rel, "", notes + front_notes)
            return
    except CorpusError as exc:
        problem(exc)
        return
    if meta:
        problem(
            CorpusError(
                rel,
                "",
                "the manifest describes a .jsonl/.csv file",
                "put metadata in the records' own fields and remove the manifest row",
            )
        )
        return
    records = _jsonl_records(text, rel) if suffix == ".jsonl" else _csv_records(text, rel)
    for place, record in records:
        try:
            if isinstance(record, CorpusError):
                raise record
            body = record.pop("text")
            record.setdefault("article_id", f"{file.stem}-{place.split()[-1]}")
            _check_text(body, rel, place, max_line)
            yield _Doc(record, body, rel, place, list(notes))
        except CorpusError as exc:
            problem(exc)


def _page_documents(
    raw: bytes, rel: str, stem: str, suffix: str, meta: dict, max_line: int, problem
) -> Iterator[_Doc]:
    """A saved web page's article, or a Word file's text (one article, or an export's stories)."""
    try:
        page = read_docx(raw) if suffix == ".docx" else read_html(raw)
    except PageError as exc:
        problem(CorpusError(rel, "", exc.problem, exc.fix))
        return
    if suffix == ".docx" and export_kind(page.text):
        yield from _export_documents(page.text, rel, stem, meta, page.notes, max_line, problem)
        return
    # The page's own metadata first; the manifest's values win where both give one.
    merged = {**page.meta, **{k: v for k, v in meta.items() if v != ""}}
    merged.setdefault("article_id", stem)
    try:
        _check_text(page.text, rel, "", max_line)
    except CorpusError as exc:
        problem(exc)
        return
    yield _Doc(merged, page.text, rel, "", page.notes)


def _export_documents(
    text: str, rel: str, stem: str, meta: dict, notes: list[str], max_line: int, problem
) -> Iterator[_Doc]:
    """The stories of a LexisNexis or Factiva export: each body a document of its own."""
    kind = export_kind(text)
    stories = split_export(text)
    if not stories:
        problem(
            CorpusError(
                rel,
                "",
                f"a {kind} export with no story body found",
                "export the stories with their full text",
            )
        )
        return
    for n, story in enumerate(stories, 1):
        place = f"story {n}"
        record = {**story.meta, **{k: v for k, v in meta.items() if k != "article_id"}}
        record["article_id"] = f"{meta.get('article_id', stem)}-{n}"
        body = text[story.start : story.end]
        line = text.count("\n", 0, story.start) + 1
        note = (
            f"story {n} of a {kind} export, from line {line} (characters {story.start}-{story.end})"
        )
        title = story.meta.get("title", "")
        if title and not body.startswith(title):
            # The export prints the headline in the story's header; set above the body
            # it is the story's headline block, as on the page, and framing can place
            # what the headline draws on.
            body = f"{title}\n\n{body}"
            note = (
                f"story {n} of a {kind} export: its header's title above its body; the body "
                f"is from line {line} (characters {story.start}-{story.end}) and starts at "
                f"offset {len(title) + 2} of the text"
            )
        try:
            _check_text(body, rel, place, max_line)
        except CorpusError as exc:
            problem(exc)
            continue
        yield _Doc(record, body, rel, place, [*notes, note])


def _parquet_frame(file: Path, rel: str, problem) -> pd.DataFrame:
    """A Parquet file's rows (one article each), or an empty frame after a CorpusError."""
    try:
        return pd.read_parquet(file)
    except (OSError, ValueError, TypeError, ImportError) as exc:
        problem(CorpusError(rel, "", f"not a readable Parquet file ({exc})", "re-export it"))
    except Exception as exc:  # pyarrow's own errors (ArrowInvalid, ...) are not ValueErrors
        problem(CorpusError(rel, "", f"not a readable Parquet file ({exc})", "re-export it"))
    return pd.DataFrame()


def _frame_documents(
    frame: pd.DataFrame, rel: str, stem: str, max_line: int, problem
) -> Iterator[_Doc]:
    """The documents of a frame's rows (a Parquet file, a DataFrame), checked as records."""
    if len(frame.columns) and "text" not in frame.columns:
        problem(
            CorpusError(
                rel,
                "columns",
                "there is no 'text' column",
                "name the column of article text 'text'",
            )
        )
        return
    columns = [str(c) for c in frame.columns]
    for n, values in enumerate(frame.itertuples(index=False, name=None), 1):
        place = f"row {n}"
        record = {c: (None if _missing(v) else v) for c, v in zip(columns, values, strict=True)}
        record = _check_record(record, rel, place)
        try:
            if isinstance(record, CorpusError):
                raise record
            body = record.pop("text")
            record.setdefault("article_id", f"{stem}-{n}")
            _check_text(body, rel, place, 10**9 if max_line is None else max_line)
            yield _Doc(record, body, rel, place, [])
        except CorpusError as exc:
            problem(exc)


def _missing(value) -> bool:
    """A frame's empty cell (None, NaN, NaT, pd.NA); lists and arrays are values."""
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _decode(raw: bytes, rel: str, encoding: str) -> tuple[str, list[str]]:
    """Decode bytes, refusing binary data and naming the first undecodable byte."""
    notes: list[str] = []
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and encoding.lower() == "utf-8":
        raise CorpusError(
            rel,
            "byte 0",
            "the file is UTF-16 (it starts with a UTF-16 byte-order mark)",
            're-save as UTF-8 or pass encoding="utf-16"',
        )
    if b"\x00" in raw[:8192]:
        at = raw.index(b"\x00")
        raise CorpusError(
            rel,
            f"byte {at}",
            "binary data (a NUL byte), not text",
            "export the article as plain text",
        )
    if raw.startswith(codecs.BOM_UTF8) and encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        raw = raw[len(codecs.BOM_UTF8) :]
        notes.append("UTF-8 byte-order mark removed; offsets count from the character after it")
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = raw[exc.start]
        line = raw.count(b"\n", 0, exc.start) + 1
        guess = "cp1252" if 0x80 <= bad <= 0x9F else "latin-1"
        raise CorpusError(
            rel,
            f"byte {exc.start} (line {line})",
            f"byte 0x{bad:02x} is not {encoding.upper()}",
            f're-save as UTF-8 or pass encoding="{guess}"',
        ) from None
    except LookupError:
        raise CorpusError(
            rel, "", f"unknown encoding {encoding!r}", 'pass an encoding Python knows, e.g. "utf-8"'
        ) from None
    if "\r\n" in text:
        notes.append("CRLF line endings kept; offsets count both characters")
    if re.search(r"\r(?!\n)", text):
        notes.append("lone-CR line endings kept; they end lines like LF")
    return text, notes


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _check_text(text: str, rel: str, place: str, max_line: int) -> None:
    """Refuse empty text, control characters and absurdly long lines."""
    where = f"{place}: " if place else ""
    if not text.strip():
        raise CorpusError(
            rel,
            place,
            "the article text is empty or whitespace only",
            "add the text or remove the file",
        )
    bad = _CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise CorpusError(
            rel,
            f"{where}line {line}".strip(": "),
            f"control character U+{ord(bad.group()):04X} in the text (binary data or a broken export)",
            "export the article again as plain text",
        )
    if len(text) <= max_line:
        return  # no line can be longer than the whole text
    longest = max((len(line) for line in text.splitlines()), default=0)
    if longest > max_line:
        number = next(i for i, line in enumerate(text.splitlines(), 1) if len(line) == longest)
        raise CorpusError(
            rel,
            f"{where}line {number}".strip(": "),
            f"a line of {longest:,} characters (the limit is {max_line:,}); this is rarely article text",
            "convert it to plain text with paragraph breaks, or pass max_line_chars=",
        )


_FRONT = re.compile(
    r"\A---[ \t]*\r?\n(?P<body>.*?)^---[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE
)


_FRONT_OPENS = re.compile(r"\A---[ \t]*\r?\n")


def _front_matter(text: str, rel: str) -> tuple[dict, str, list[str]]:
    """Split an optional ``---`` front-matter block of ``key: value`` lines off the text."""
    match = _FRONT.match(text)
    if not match:
        if _FRONT_OPENS.match(text):
            raise CorpusError(
                rel,
                "line 1",
                "a front-matter block opens with '---' but is never closed",
                "end it with a line of '---', or remove the opening '---'",
            )
        return {}, text, []
    meta = {}
    for n, line in enumerate(match.group("body").splitlines(), 2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep or not key.strip():
            raise CorpusError(
                rel,
                f"line {n}",
                f"front-matter line {line!r} is not 'key: value'",
                "write one key: value per line",
            )
        meta[key.strip()] = value.strip().strip('"').strip("'")
    lines = match.group().count("\n")
    return (
        meta,
        text[match.end() :],
        [f"front matter (lines 1-{lines}) read as metadata and removed from the text"],
    )


def _merge_meta(front: dict, manifest: dict, rel: str) -> dict:
    merged = {k: v for k, v in front.items() if v != ""}
    for key, value in manifest.items():
        if value == "":
            continue
        if key in merged and merged[key] != value:
            raise CorpusError(
                rel,
                "front matter",
                f"{key} is {merged[key]!r} here but {value!r} in the manifest",
                "make them agree or leave one empty",
            )
        merged[key] = value
    return merged


def _jsonl_records(text: str, rel: str) -> Iterator[tuple[str, dict | CorpusError]]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        place = f"line {n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield (
                place,
                CorpusError(
                    rel,
                    f"line {n}, column {exc.colno}",
                    f"not valid JSON ({exc.msg})",
                    "fix the record or remove the line",
                ),
            )
            continue
        yield place, _check_record(record, rel, place)


def _csv_records(text: str, rel: str) -> Iterator[tuple[str, dict | CorpusError]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error) as exc:
        yield (
            "line 1",
            CorpusError(rel, "line 1", f"no header row ({exc})", "add a header with a text column"),
        )
        return
    if "text" not in header:
        yield (
            "line 1",
            CorpusError(
                rel,
                "line 1",
                "the header has no 'text' column",
                "name the column holding the article text 'text'",
            ),
        )
        return
    row_no = 0
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield (
                f"line {reader.line_num}",
                CorpusError(
                    rel,
                    f"line {reader.line_num}",
                    f"malformed CSV ({exc})",
                    "check the quoting of that row",
                ),
            )
            return
        row_no += 1
        place = f"row {row_no}"
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            yield (
                place,
                CorpusError(
                    rel,
                    f"{place} (line {reader.line_num})",
                    f"{len(values)} fields where the header has {len(header)}",
                    "quote fields that contain commas or line breaks",
                ),
            )
            continue
        yield place, _check_record(dict(zip(header, values, strict=True)), rel, place)


def _check_record(record, rel: str, place: str) -> dict | CorpusError:
    if not isinstance(record, dict):
        return CorpusError(
            rel,
            place,
            f"a record must be an object, not {type(record).__name__}",
            'write {"text": ..., ...}',
        )
    if "text" not in record:
        return CorpusError(
            rel, place, "the record has no 'text' field", "add the article text as 'text'"
        )
    if not isinstance(record["text"], str):
        return CorpusError(
            rel,
            place,
            f"'text' is {type(record['text']).__name__}, not a string",
            "store the text as a string",
        )
    out = {}
    for key, value in record.items():
        if key == "id":
            key = "article_id"
        out[key] = value if key == "text" else _as_text(value)
    for field, aliases in COLUMN_ALIASES.items():
        if out.get(field, "") == "":
            # "source" is a URL in trafilatura's JSON and an outlet's name in others:
            # a URL fills only `url`, and only a URL does.
            filled = next(
                (
                    out[a]
                    for a in aliases
                    if out.get(a, "") != "" and out[a].startswith(_URL_START) == (field == "url")
                ),
                "",
            )
            if filled:
                out[field] = filled
    return {k: v for k, v in out.items() if v != "" or k == "text"}


def _drop_duplicates(docs: list[_Doc], problem) -> list[_Doc]:
    seen: dict[str, _Doc] = {}
    kept = []
    for doc in docs:
        doc_id = doc.meta["article_id"]
        if doc_id in seen:
            first = seen[doc_id]
            where = f"{first.path} {first.place}".strip()
            problem(
                CorpusError(
                    doc.path,
                    doc.place,
                    f"duplicate article_id {doc_id!r} (also in {where})",
                    "give every article its own id",
                )
            )
            continue
        seen[doc_id] = doc
        kept.append(doc)
    return kept


_DATE_FIX = (
    "write it as YYYY-MM-DD (or ISO 8601 with a time and zone, an RFC 2822 date such as "
    "'Tue, 13 Apr 2021 18:00:00 GMT', or 'April 13, 2021'), or pass dayfirst= for dd/mm/yyyy"
)
_NUMERIC_DAY_MONTH = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_WRITTEN_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y")
# GDELT's compact stamps: seendate "20210413T180000Z", the GKG's DATE "20210413180000".
_COMPACT_STAMPS = {15: "%Y%m%dT%H%M%S", 16: "%Y%m%dT%H%M%SZ", 14: "%Y%m%d%H%M%S"}


def parse_published(value: str, *, dayfirst: bool | None = None) -> str:
    """A publication date as the ISO 8601 string the ``published`` column is read from.

    Accepted: ISO 8601 dates and timestamps (with or without a zone), RFC 2822/822
    dates (RSS, e-mail), "April 13, 2021", "Apr 13 2021", "13 April 2021", and
    dd/mm/yyyy or mm/dd/yyyy when the order is plain (a part over 12) or given.

    Args:
        value: The date as written.
        dayfirst: How to read ``04/05/2021``: True for 4 May, False for 5 April;
            None refuses such a date as ambiguous.

    Raises:
        ValueError: Not a date, or an ambiguous day and month; the message says which.

    >>> parse_published("Tue, 13 Apr 2021 18:00:00 GMT")
    '2021-04-13T18:00:00+00:00'
    >>> parse_published("13/04/2021"), parse_published("April 13, 2021")
    ('2021-04-13', '2021-04-13')
    """
    text = " ".join(str(value).split())
    numeric = _NUMERIC_DAY_MONTH.match(text)
    if numeric:
        first, second, year = (int(g) for g in numeric.groups())
        if first > 12 or second > 12:
            day, month = (first, second) if first > 12 else (second, first)
        elif first == second:
            day = month = first
        elif dayfirst is None:
            raise ValueError(
                f"published {value!r} could be {first} {_MONTHS[second - 1]} or "
                f"{second} {_MONTHS[first - 1]}"
            )
        else:
            day, month = (first, second) if dayfirst else (second, first)
        return _checked_date(value, year, month, day)
    if re.match(r"^\d{4}-\d{2}-\d{2}", text):
        try:
            stamp = pd.Timestamp(text)
        except (ValueError, TypeError, OverflowError):
            raise ValueError(f"published {value!r} is not a date") from None
        if stamp is pd.NaT:
            raise ValueError(f"published {value!r} is not a date")
        return text if len(text) == 10 else stamp.isoformat()
    if text[:8].isdigit() and len(text) in _COMPACT_STAMPS:
        with contextlib.suppress(ValueError):
            stamp = datetime.datetime.strptime(text, _COMPACT_STAMPS[len(text)])
            return stamp.isoformat() + "+00:00"
    with contextlib.suppress(TypeError, ValueError, IndexError, OverflowError):
        stamp = email.utils.parsedate_to_datetime(text)
        return stamp.isoformat() if stamp.tzinfo else stamp.isoformat() + "+00:00"
    for pattern in _WRITTEN_DATE_FORMATS:
        with contextlib.suppress(ValueError):
            return datetime.datetime.strptime(text, pattern).date().isoformat()
    raise ValueError(f"published {value!r} is not a date the loader reads")


_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def _checked_date(value: str, year: int, month: int, day: int) -> str:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        raise ValueError(f"published {value!r} is not a date (no such day)") from None


def _articles_frame(docs: list[_Doc], problem, dayfirst: bool | None = None) -> pd.DataFrame:
    rows = []
    for doc in docs:
        meta = dict(doc.meta)
        kind = meta.get("kind", "news") or "news"
        if kind not in KINDS:
            problem(
                CorpusError(
                    doc.path,
                    doc.place,
                    f"kind {kind!r} is not news or official",
                    "set kind to news or official",
                )
            )
            continue
        published = meta.get("published", "")
        if published:
            try:
                meta["published"] = parse_published(published, dayfirst=dayfirst)
            except ValueError as exc:
                problem(CorpusError(doc.path, doc.place, str(exc), _DATE_FIX))
                continue
        row = {key: meta.pop(key, "") for key in METADATA_FIELDS}
        row["kind"] = kind
        row["pairs_with"] = ";".join(
            p.strip() for p in re.split(r"[;,]", row["pairs_with"]) if p.strip()
        )
        row.update(
            path=doc.path,
            sha256=hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
            text=doc.text,
            derived_from="",
            derived_start=pd.NA,
            derived_end=pd.NA,
            words=0,  # counted below, for all documents at once
            notes="; ".join(doc.notes),
            _place=doc.place,
        )
        row.update({f"meta_{k}" if k in ARTICLE_COLUMNS else k: v for k, v in meta.items()})
        rows.append(row)
    ids = {row["article_id"] for row in rows}
    for row in rows:
        missing = [p for p in row["pairs_with"].split(";") if p and p not in ids]
        if missing:
            problem(
                CorpusError(
                    row["path"],
                    row["_place"],
                    f"pairs_with names {', '.join(map(repr, missing))}, which is not in the corpus",
                    "add that document or correct the id",
                )
            )
            row["pairs_with"] = ";".join(p for p in row["pairs_with"].split(";") if p in ids)
    frame = pd.DataFrame(rows)
    if rows:
        frame["words"] = count_words_each(frame["text"].tolist())
    if frame.empty:
        frame = pd.DataFrame(columns=list(ARTICLE_COLUMNS))
    frame = frame.drop(columns=["_place"], errors="ignore")
    frame["published"] = pd.to_datetime(
        frame["published"].replace("", None), format="ISO8601", utc=True
    )
    extra = [c for c in frame.columns if c not in ARTICLE_COLUMNS]
    return frame[list(ARTICLE_COLUMNS) + extra].reset_index(drop=True)


# --- analysis ---------------------------------------------------------------------


PARALLEL_MIN_DOCUMENTS = 2_000  # below this, starting a second process costs more than it saves


def _analyse(articles: pd.DataFrame, root: Path, progress: bool = False) -> Corpus:
    """Segment every document of a loaded corpus into a :class:`Corpus`.

    A large corpus is split in two halves segmented in two processes (this machine
    has two cores); each half is an ``analyse_articles`` partition, as on Dask.
    """
    if process_count(len(articles), PARALLEL_MIN_DOCUMENTS) == 1:
        frames = analyse_articles(articles, progress=progress)
    else:
        officials = dict(zip(articles["article_id"], articles["text"], strict=True))
        # Halves of the text, not of the rows: time goes with the words, and a
        # corpus's official documents are shorter than its news.
        length = articles["text"].str.len().cumsum().to_numpy()
        half = min(max(int(length.searchsorted(length[-1] / 2)), 1), len(articles) - 1)
        parts = [articles.iloc[:half], articles.iloc[half:]]
        # The forked worker inherits the articles: only its frames come back pickled.
        done = fork_map(
            lambda k: analyse_articles(parts[k], officials, progress and k == 0), len(parts)
        )
        frames = {name: pd.concat([d[name] for d in done], ignore_index=True) for name in FRAMES}
        del done
        # Derived documents and their rows come after those of the files, as in one pass.
        arts = frames["articles"]
        derived = set(arts.loc[arts["derived_from"] != "", "article_id"])
        for name in ("articles", "blocks", "sentences", "quotes"):
            frame = frames[name]
            last = frame["article_id"].isin(derived)
            frames[name] = pd.concat([frame[~last], frame[last]], ignore_index=True)
    if len(articles) >= PARALLEL_MIN_DOCUMENTS:  # a full collection costs ~0.1 s
        _release_free_memory()
    return Corpus(**frames, skipped=pd.DataFrame(columns=["path", "place", "reason"]), root=root)


def _release_free_memory() -> None:
    """Hand freed heap pages back to the system (glibc only; elsewhere nothing happens).

    Segmenting creates and frees millions of small objects; glibc keeps their pages
    after they are freed, and the analyses that follow would count them in their
    peak memory (about 0.4 GB on the 10,000-article benchmark).
    """
    import ctypes
    import ctypes.util
    import gc

    gc.collect()  # objects in reference cycles first, so their pages are free too
    with contextlib.suppress(OSError, AttributeError, TypeError):
        ctypes.CDLL(ctypes.util.find_library("c")).malloc_trim(0)


def analyse_articles(
    articles: pd.DataFrame,
    officials: dict[str, str] | None = None,
    progress: bool = False,
) -> dict[str, pd.DataFrame]:
    """Segment documents, derive embedded official texts, find sentences and quotes.

    A function of its rows alone (plus the official texts they pair with), so it
    runs the same on a whole corpus or on each partition of a Dask DataFrame
    (see :mod:`analysis.scale`).

    Args:
        articles: Rows of the ``articles`` frame (documents loaded from files).
        officials: ``{official_id: text}`` for ``pairs_with`` ids not in ``articles``
            (another partition's documents); by default the texts in ``articles``.
        progress: Show a progress bar.

    Returns:
        ``{"articles", "blocks", "sentences", "quotes", "pairs"}``: the rows of those
        frames for these documents, derived official documents included.
    """
    # Columns as lists: one conversion each, where itertuples converts cell by cell.
    columns = {name: articles[name].tolist() for name in articles.columns}
    texts = dict(zip(columns["article_id"], columns["text"], strict=True))
    texts.update(officials or {})
    block_rows, sentence_rows, quote_rows, pair_rows, derived_rows = [], [], [], [], []
    paired_with = [[p for p in pairs.split(";") if p] for pairs in columns["pairs_with"]]
    # Official texts pair with many articles: the cache tokenises each once for this call.
    layouts = layout_each(
        columns["text"],
        [{p: texts[p] for p in paired} for paired in paired_with],
        ReuseCache(),
    )
    row_type = namedtuple("Article", columns, rename=True)  # as itertuples names them
    rows = zip(
        map(row_type._make, zip(*columns.values(), strict=True)),
        paired_with,
        layouts,
        strict=True,
    )
    for article, paired, layout in progress_bar(
        rows, total=len(articles), desc="segmenting", show=progress
    ):
        for p in paired:
            pair_rows.append({"news_id": article.article_id, "official_id": p, "link": "manifest"})
        blocks = _segment_one(
            article.article_id,
            article.text,
            article.kind,
            article.title,
            article.outlet,
            layout,
            (block_rows, sentence_rows, quote_rows),
        )
        if article.kind != "news":
            continue
        for n, (lo, hi, source) in enumerate(_official_runs(blocks), 1):
            derived_id = f"{article.article_id}/official-{n}"
            derived_rows.append(
                {
                    "article_id": derived_id,
                    "kind": "official",
                    "outlet": source,
                    "published": article.published,
                    "url": article.url,
                    "title": "",
                    "path": article.path,
                    "sha256": hashlib.sha256(article.text[lo:hi].encode("utf-8")).hexdigest(),
                    "text": article.text[lo:hi],
                    "pairs_with": "",
                    "derived_from": article.article_id,
                    "derived_start": lo,
                    "derived_end": hi,
                    "words": count_words(article.text[lo:hi]),
                    "notes": f"official text embedded in {article.article_id} at characters {lo}-{hi}",
                }
            )
            pair_rows.append(
                {"news_id": article.article_id, "official_id": derived_id, "link": "embedded"}
            )
    derived_layouts = layout_each([row["text"] for row in derived_rows])
    for row, layout in zip(derived_rows, derived_layouts, strict=True):
        _segment_one(
            row["article_id"],
            row["text"],
            "official",
            "",
            row["outlet"],
            layout,
            (block_rows, sentence_rows, quote_rows),
        )
    if derived_rows:
        derived = pd.DataFrame(derived_rows)
        derived["published"] = pd.to_datetime(derived["published"], utc=True)
        articles = pd.concat([articles, derived], ignore_index=True)
    else:
        articles = articles.reset_index(drop=True)
    articles["derived_start"] = articles["derived_start"].astype("Int64")
    articles["derived_end"] = articles["derived_end"].astype("Int64")
    return {
        "articles": articles,
        "blocks": _frame(block_rows, BLOCK_COLUMNS),
        "sentences": _frame(sentence_rows, SENTENCE_COLUMNS),
        "quotes": _frame(quote_rows, QUOTE_COLUMNS),
        "pairs": _frame(pair_rows, ("news_id", "official_id", "link")),
    }


def _segment_one(article_id, text, kind, title, outlet, layout, out):
    """Segment one document, appending its rows to the (blocks, sentences, quotes) lists.

    ``layout`` is the document's blocks, each block's sentences and what they
    reuse, from :func:`analysis.segment.layout_each`; quotes need the sentences,
    and so do the sentence roles.
    """
    block_rows, sentence_rows, quote_rows = out
    spans, per_block = layout.blocks, layout.sentences
    found = quotes_mod.find_quotations(text, spans)
    quotes_mod.attribute_speakers(text, found, [s for block in per_block for s in block])
    share = [0.0] * len(spans)
    cued = [False] * len(spans)
    voiced = [("", 0)] * len(spans)  # the speaker of each block's longest quotation
    for q in found:
        lo, hi = spans[q.block_no]
        visible = len("".join(text[lo:hi].split())) or 1
        inside = len("".join(text[q.open_mark : (q.close_mark or q.end - 1) + 1].split()))
        share[q.block_no] += inside / visible
        cued[q.block_no] = cued[q.block_no] or bool(q.cue)
        if inside > voiced[q.block_no][1]:
            voiced[q.block_no] = (q.speaker, inside)
    # A quotation of an institution or a document ("the White House said in a
    # statement") is official text, even when the document is not in the corpus.
    quoted_source = [speaker if official_source(speaker) else "" for speaker, _ in voiced]
    blocks = classify_blocks(
        text,
        spans,
        kind=kind,
        quote_share=share,
        quoted_with_cue=cued,
        quoted_source=quoted_source,
        reuse=layout.block_reuse,
        title=title,
        source=outlet if kind == "official" else "",
    )
    # Rows are tuples in the order of the *_COLUMNS: pandas builds a frame from
    # tuples faster than from dicts, and a tuple is cheaper to make.
    for block_no, block in enumerate(blocks):
        block_rows.append(
            (
                article_id,
                block_no,
                block.start,
                block.end,
                text[block.start : block.end],
                block.role,
                block.source,
                block.evidence,
            )
        )
    for sent_no, (block_no, lo, hi, role, source) in enumerate(
        sentence_roles(blocks, per_block, layout.sentence_reuse)
    ):
        sentence_rows.append((article_id, block_no, sent_no, lo, hi, text[lo:hi], role, source))
    for quote_no, q in enumerate(found):
        quote_rows.append(
            (
                article_id,
                quote_no,
                q.block_no,
                q.start,
                q.end,
                text[q.start : q.end],
                q.speaker,
                q.speaker_as_written,
                q.cue,
                q.speaker_evidence,
            )
        )
    return blocks


def _official_runs(blocks) -> list[tuple[int, int, str]]:
    """Runs of official blocks found by layout (not by reuse).

    Site furniture inside a run (an "Advertisement" slot, a photo credit) does not
    end it, so a readout interrupted by an ad stays one document; it is not part
    of the run's ends.
    """
    runs: list[tuple[int, int, str]] = []
    current: list = []
    for block in [*blocks, None]:
        if block is not None and block.role == "official" and not block.reused:
            current.append(block)
            continue
        if block is not None and current and block.role in ("boilerplate", "credit", "embed"):
            continue  # furniture inside a run: look at the next block
        if current:
            source = next(
                (b.source for b in current if b.source and b.source != "official document"), ""
            )
            runs.append((current[0].start, current[-1].end, source))
        current = []
    return runs


def _frame(rows: list[dict] | list[tuple], columns) -> pd.DataFrame:
    """A frame of rows given as dicts or as tuples in the order of ``columns``."""
    frame = pd.DataFrame(rows, columns=list(columns))
    for col in ("block_no", "sent_no", "quote_no", "start", "end"):
        if col in frame:
            frame[col] = frame[col].astype("int64")
    return frame
