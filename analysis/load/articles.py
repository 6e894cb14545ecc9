"""Documents to the ``articles`` frame: ids unique, kinds and dates checked, pairs known."""

from __future__ import annotations

import hashlib
import re

import pandas as pd

from analysis.errors import CorpusError
from analysis.load.dates import _DATE_FIX, parse_published
from analysis.load.records import Doc
from analysis.schema import ARTICLE_COLUMNS, KINDS, METADATA_FIELDS
from analysis.text import count_words_each

__all__ = ["articles_frame", "drop_duplicates"]


def drop_duplicates(docs: list[Doc], problem) -> list[Doc]:
    """The documents less those whose ``article_id`` came before (each passed to ``problem``)."""
    seen: dict[str, Doc] = {}
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


def articles_frame(docs: list[Doc], problem, dayfirst: bool | None = None) -> pd.DataFrame:
    """The ``articles`` frame of the documents, one row each, in the columns of the schema.

    A document of an unknown kind or with a date that is not one is passed to
    ``problem`` and left out; ``pairs_with`` ids not in the corpus are dropped
    (after ``problem``). ``dayfirst`` reads dd/mm dates (:func:`parse_published`).
    """
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
