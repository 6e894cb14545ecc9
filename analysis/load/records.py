"""Records to documents: JSON lines, CSV rows, Parquet and DataFrame rows, checked.

Each record is an object with a ``text`` field and metadata fields; the columns
of common exports fill the metadata fields a record lacks (:data:`COLUMN_ALIASES`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from analysis.errors import CorpusError
from analysis.load.decode import _check_text
from analysis.load.limits import ReadLimits

__all__ = ["COLUMN_ALIASES", "FRAME_NAME", "Doc"]


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


@dataclass
class Doc:
    """One document as read, before the ``articles`` frame.

    Attributes:
        meta: Its metadata fields, as text.
        text: Its text (offsets downstream index it).
        path: The file it came from, relative to the corpus folder.
        place: Where in the file, for messages: "" for a whole file, "line 3", "row 4".
        notes: What the loader did to read it (a byte-order mark removed, ...).
    """

    meta: dict
    text: str
    path: str
    place: str
    notes: list[str]


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


def _as_text(value) -> str:
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return "" if value is None else str(value)


def _parquet_frame(raw: bytes, rel: str, problem) -> pd.DataFrame:
    """A Parquet file's rows (one article each), or an empty frame after a CorpusError."""
    try:
        return pd.read_parquet(io.BytesIO(raw))
    except (OSError, ValueError, TypeError, ImportError) as exc:
        problem(CorpusError(rel, "", f"not a readable Parquet file ({exc})", "re-export it"))
    except Exception as exc:  # pyarrow's own errors (ArrowInvalid, ...) are not ValueErrors
        problem(CorpusError(rel, "", f"not a readable Parquet file ({exc})", "re-export it"))
    return pd.DataFrame()


def _frame_documents(
    frame: pd.DataFrame, rel: str, stem: str, limits: ReadLimits, problem
) -> Iterator[Doc]:
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
            yield Doc(record, body, rel, place, _check_text(body, rel, place, limits))
        except CorpusError as exc:
            problem(exc)


def _missing(value) -> bool:
    """A frame's empty cell (None, NaN, NaT, pd.NA); lists and arrays are values."""
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _jsonl_records(text: str, rel: str) -> Iterator[tuple[str, dict | CorpusError]]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        place = f"line {n}"
        try:
            record = json.loads(line)
        except RecursionError:
            yield (
                place,
                CorpusError(
                    rel,
                    place,
                    "JSON nested too deeply to read (thousands of brackets)",
                    "write each article as a flat object with a 'text' field",
                ),
            )
            continue
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
