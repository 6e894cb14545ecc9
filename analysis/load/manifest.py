"""A corpus folder's manifest (``manifest.csv`` or ``manifest.toml``): its rows, checked.

A manifest lists the folder's article files, one row each, with their metadata;
with one, exactly the files it lists are read.
"""

from __future__ import annotations

import csv
import io
import tomllib
from pathlib import Path

from analysis.errors import CorpusError
from analysis.load.decode import _decode
from analysis.load.limits import ReadLimits, read_bytes, special_kind
from analysis.load.records import _as_text
from analysis.schema import METADATA_FIELDS

__all__ = ["MANIFEST_NAMES"]

MANIFEST_NAMES = ("manifest.csv", "manifest.toml")


def _read_manifest(
    root: Path, encoding: str, limits: ReadLimits, problem
) -> tuple[str, list[tuple[str, dict]]]:
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
    text = _decode(read_bytes(file, file.name, limits.records_bytes), file.name, encoding)[0]
    if file.suffix == ".toml":
        return file.name, _toml_rows(file.name, text)
    return file.name, _csv_rows(file.name, text, problem)


def _toml_rows(name: str, text: str) -> list[tuple[str, dict]]:
    """The ``[[article]]`` tables of a manifest.toml, each with its place."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CorpusError(name, "", f"not valid TOML ({exc})", "fix the syntax") from None
    except RecursionError:
        raise CorpusError(
            name, "", "TOML nested too deeply to read", "write one flat [[article]] table per file"
        ) from None
    entries = data.get("article", [])
    if not isinstance(entries, list):
        raise CorpusError(
            name, "", "expected [[article]] tables", "write one [[article]] table per file"
        )
    return [
        (f"{name}: article {n}", {k: _as_text(v) for k, v in entry.items()})
        for n, entry in enumerate(entries, 1)
    ]


def _csv_rows(name: str, text: str, problem) -> list[tuple[str, dict]]:
    """The rows of a manifest.csv, each with its place; a row of the wrong width is a problem."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if not header or "path" not in [h.strip() for h in header]:
        raise CorpusError(
            name,
            "line 1",
            "the header has no 'path' column",
            f"use the columns {', '.join(('path',) + METADATA_FIELDS)}",
        )
    header = [h.strip() for h in header]
    rows: list[tuple[str, dict]] = []
    for values in reader:
        place = f"{name}: line {reader.line_num}"
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            problem(
                CorpusError(
                    name,
                    f"line {reader.line_num}",
                    f"{len(values)} fields where the header has {len(header)}",
                    "quote fields that contain commas",
                )
            )
            continue
        rows.append((place, {h: v.strip() for h, v in zip(header, values, strict=True)}))
    return rows


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
    if target.exists() and (kind := special_kind(target.stat().st_mode)):
        problem(
            CorpusError(
                manifest,
                place.split(": ")[-1],
                f"{rel!r} is {kind}, not a regular file",
                "list article files only",
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
