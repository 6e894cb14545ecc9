"""Reading and checking the hand-label files, and finding a corpus's own.

Each file is read as strings, its required columns checked, and every row
keeps its file and line (``_file``, ``_row``) so that a message names them.
The formats are those of :mod:`analysis.validate`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.corpus import Corpus
from analysis.errors import CorpusError
from analysis.schema import PLACES, ROLES

__all__ = ["LabelFiles", "find_label_files", "read_labels"]


FIRST_WORDS = 5  # words that name a paragraph, quotation or official sentence


USED = ("verbatim", "paraphrase", "omitted")  # the values of usage.csv's `used`


WHERE = (*PLACES, "")  # the values of its `where` ("" when omitted)


LABEL_COLUMNS = ("article_id", "para_no", "first_words", "label")


QUOTE_COLUMNS = ("article_id", "para_no", "quote_start_words", "speaker")


USAGE_COLUMNS = ("news_id", "official_id", "official_first_words", "used", "where")


SHEET_COLUMNS = (
    "unit",
    "article_id",
    "para_no",
    "first_words",
    "text",
    "workbook_role",
    "workbook_speaker",
    "evidence",
    "label",
    "speaker",
    "referent",
    "note",
)


_EDGE = re.compile(r"^\W+|\W+$")


def _read(source: str | Path | pd.DataFrame, required: tuple[str, ...]) -> pd.DataFrame:
    """A label file as a frame of strings, its required columns checked.

    Every row keeps where it came from, ``_file`` and ``_row`` (its line in the file,
    the header being line 1), so each message can name them.
    """
    if isinstance(source, pd.DataFrame):
        frame, name = source.copy(), source.attrs.get("file", "<frame>")
    else:
        path = Path(source)
        if not path.is_file():
            raise CorpusError(str(path), "", "no such label file", "check the path")
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
            raise CorpusError(
                str(path), "", f"not a readable CSV file ({exc})", "save it as UTF-8 CSV"
            ) from None
        name = str(path)
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise CorpusError(
            name,
            "header",
            f"missing column(s) {', '.join(missing)}",
            f"the columns are {', '.join(required)} (see analysis.validate)",
        )
    if "_row" not in frame:
        frame["_file"], frame["_row"] = name, np.arange(len(frame)) + 2
    text = [c for c in frame.columns if c != "_row"]
    frame[text] = frame[text].astype(str).fillna("")
    frame.attrs["file"] = name
    if "para_no" in frame:
        bad = ~frame["para_no"].str.fullmatch(r"\s*\d+\s*")
        if bad.any():
            raise CorpusError(
                *_place(frame, bad),
                f"para_no {frame.loc[bad, 'para_no'].iloc[0]!r} is not a whole number",
                "number the paragraphs 0, 1, 2, ... in text order",
            )
        frame["para_no"] = frame["para_no"].astype(np.int64)
    return frame


def _place(frame: pd.DataFrame, bad: pd.Series) -> tuple[str, str]:
    """``(file, "row N")`` of the first row where ``bad`` holds."""
    first = frame.loc[bad].iloc[0]
    return str(first["_file"]), f"row {int(first['_row'])}"


def read_labels(source: str | Path | pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Paragraph labels and quotation labels from ``labels.csv`` or a labelling sheet.

    A sheet's rows with an empty ``label`` have not been labelled and are left out;
    a quotation row labelled ``no`` is a span the workbook took for a quotation
    that is not one.

    Returns:
        ``(roles, quotes)``: rows in the ``labels.csv`` and ``quotes.csv`` columns.
    """
    first = source if isinstance(source, pd.DataFrame) else None
    if first is None:
        first = _read(source, ("article_id",))
    if "unit" not in first.columns:
        roles = _read(first, LABEL_COLUMNS)
        roles["label"] = roles["label"].str.strip()
        _check_roles(roles)
        return roles, _read(pd.DataFrame(columns=list(QUOTE_COLUMNS)), QUOTE_COLUMNS)
    sheet = _read(first, SHEET_COLUMNS)
    sheet.attrs["file"] = first.attrs.get("file", "<sheet>")
    labelled = sheet[sheet["label"].str.strip() != ""]
    blocks = labelled[labelled["unit"] == "block"]
    roles = blocks[["article_id", "para_no", "first_words", "note", "_file", "_row"]].copy()
    roles["label"] = blocks["label"].str.strip()
    roles.attrs["file"] = sheet.attrs["file"]
    _check_roles(roles)
    quoted = labelled[(labelled["unit"] == "quote") & (labelled["label"].str.strip() != "no")]
    quotes = pd.DataFrame(
        {
            "article_id": quoted["article_id"],
            "para_no": quoted["para_no"],
            "quote_start_words": quoted["first_words"],
            "speaker": quoted["speaker"],
            "cue": "",
            "referent": quoted["referent"],
            "_file": quoted["_file"],
            "_row": quoted["_row"],
        }
    )
    return roles, quotes


def _check_roles(roles: pd.DataFrame) -> None:
    unknown = ~roles["label"].isin(ROLES)
    if unknown.any():
        raise CorpusError(
            *_place(roles, unknown),
            f"label {roles.loc[unknown, 'label'].iloc[0]!r} is not a role",
            f"use one of {', '.join(ROLES)}",
        )


def _check_ids(corpus: Corpus, frame: pd.DataFrame, column: str) -> None:
    unknown = ~frame[column].isin(set(corpus.articles["article_id"]))
    if unknown.any():
        raise CorpusError(
            *_place(frame, unknown),
            f"{column} {frame.loc[unknown, column].iloc[0]!r} is not in the corpus",
            "label articles of this corpus, with the ids its manifest or file names give",
        )


def _check_usage(usage: pd.DataFrame) -> None:
    for column, allowed in (("used", USED), ("where", WHERE)):
        usage[column] = usage[column].str.strip()
        bad = ~usage[column].isin(allowed)
        if bad.any():
            raise CorpusError(
                *_place(usage, bad),
                f"{column} {usage.loc[bad, column].iloc[0]!r} is not one of the values",
                f"write one of {', '.join(repr(v) for v in allowed)}",
            )


def _token_key(words: str, n: int = FIRST_WORDS) -> tuple[str, ...]:
    tokens = [_EDGE.sub("", t).lower() for t in words.split()[:n]]
    return tuple(t for t in tokens if t)


@dataclass(frozen=True)
class LabelFiles:
    """The hand-label files a corpus is measured with, as :func:`find_label_files` chose them.

    Attributes:
        labels: ``labels.csv`` or a filled-in labelling sheet; ``None`` when there is none.
        quotes: ``quotes.csv``, or ``None``.
        usage: ``usage.csv``, or ``None``.
        folder: The corpus's own ``labels/`` folder, where files not given were looked for.
    """

    labels: Path | None
    quotes: Path | None
    usage: Path | None
    folder: Path

    def table(self) -> pd.DataFrame:
        """One row per kind of label file: the file used, or that there is none."""
        files = {kind: getattr(self, kind) for kind in ("labels", "quotes", "usage")}
        return pd.DataFrame(
            {
                "file": [
                    str(path) if path is not None else f"none (no {kind}.csv given or in labels/)"
                    for kind, path in files.items()
                ]
            },
            index=pd.Index(list(files), name="labels"),
        )


def find_label_files(
    corpus_path: str | Path,
    labels: str | Path | None = "",
    quotes: str | Path | None = "",
    usage: str | Path | None = "",
) -> LabelFiles:
    """The label files to measure a corpus with: those given, else its ``labels/`` folder.

    A file given is used as it is. With ``labels`` empty, ``labels.csv``, and
    ``quotes.csv`` and ``usage.csv`` where none is given, come from the corpus's
    ``labels/`` folder (beside the file, for a one-file corpus) when they are there.
    With ``labels`` given, only the ``quotes`` and ``usage`` given with it are used.

    Args:
        corpus_path: The corpus folder (or file).
        labels: ``labels.csv`` or a filled-in sheet; empty or ``None`` to look in ``labels/``.
        quotes: ``quotes.csv``; empty or ``None`` for none, or ``labels/``'s as above.
        usage: ``usage.csv``; as ``quotes``.

    Returns:
        The :class:`LabelFiles`; its ``labels`` is ``None`` when the corpus has no labels.
    """
    from analysis.load import LABELS_FOLDER

    root = Path(corpus_path)
    folder = (root.parent if root.is_file() else root) / LABELS_FOLDER
    given = {
        kind: Path(value) if value else None
        for kind, value in (("labels", labels), ("quotes", quotes), ("usage", usage))
    }
    if given["labels"] is None:
        for kind, path in given.items():
            if path is None and (folder / f"{kind}.csv").is_file():
                given[kind] = folder / f"{kind}.csv"
    if given["labels"] is None:
        given["quotes"] = given["usage"] = None  # no paragraphs to place them in
    return LabelFiles(folder=folder, **given)
