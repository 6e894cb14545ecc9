"""A folder, a file or a DataFrame to documents: which files are read, and how.

Every file of a folder (hidden ones, the manifest and the hand labels aside) is
an article file: ``.txt``/``.md`` (one article, or a news-database export's
stories), ``.html``/``.docx`` (:mod:`analysis.load.pages`), or ``.jsonl``,
``.csv`` and ``.parquet`` records (:mod:`analysis.load.records`).
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from analysis.errors import CorpusError
from analysis.load.decode import _check_text, _decode, _front_matter, _merge_meta
from analysis.load.exports import export_kind, split_export
from analysis.load.limits import ReadLimits, read_bytes, special_kind
from analysis.load.manifest import MANIFEST_NAMES, _inside, _read_manifest
from analysis.load.pages import HTML_EXTENSIONS, PageError, read_docx, read_html
from analysis.load.records import (
    FRAME_NAME,
    Doc,
    _csv_records,
    _frame_documents,
    _jsonl_records,
    _mapped,
    _parquet_frame,
)

__all__ = ["LABELS_FOLDER", "read_documents"]

ARTICLE_EXTENSIONS = (".txt", ".md")
# Pages and Word files: their text is extracted (analysis.load.pages), not decoded.
PAGE_EXTENSIONS = (*HTML_EXTENSIONS, ".docx")
RECORD_EXTENSIONS = (".jsonl", ".csv", ".parquet")
# A corpus's hand labels live beside it (seeds/labels/); analysis.validate reads them.
LABELS_FOLDER = "labels"


def read_documents(
    path: str | Path | pd.DataFrame,
    *,
    encoding: str,
    limits: ReadLimits,
    columns: dict[str, str],
    problem,
    unlisted,
) -> list[Doc]:
    """Every document of a folder, a file or a DataFrame, in a stable order.

    Args:
        path: A folder, one file, or a DataFrame of one article per row.
        encoding: The text encoding of the files.
        limits: The sizes and shares the files and texts are read with.
        columns: For a DataFrame, which of its columns holds each field.
        problem: Called with each :class:`CorpusError` (it may raise it).
        unlisted: Called with ``(path, reason)`` of each file left out on purpose.

    Returns:
        The documents, before duplicates are looked for.
    """
    if isinstance(path, pd.DataFrame):
        frame = _mapped(path, columns)
        return list(_frame_documents(frame, FRAME_NAME, "row", limits, problem))
    return list(_read_documents(Path(path), encoding, limits, problem, unlisted))


def _read_documents(
    root: Path, encoding: str, limits: ReadLimits, problem, unlisted
) -> Iterator[Doc]:
    """Yield every document under ``root`` in a stable order.

    Without a manifest every file in the folder (hidden ones aside) must be an
    article file. With one, exactly the files it lists are read; the others are
    passed to ``unlisted`` with the reason, to be shown in ``Corpus.skipped``.
    Special files (named pipes, devices, sockets, and links to them) are never
    opened: they are passed to ``unlisted`` too.
    """
    if not root.is_dir():
        yield from _read_file(root, root.name, {}, encoding, limits, problem)
        return
    manifest_name, listed = _listed(root, encoding, limits, problem)
    for file in sorted(root.rglob("*")):
        if any(part.startswith(".") for part in file.relative_to(root).parts):
            continue  # hidden files and folders (.git, .ipynb_checkpoints) are not articles
        rel = file.relative_to(root).as_posix()
        try:
            mode = file.stat().st_mode  # follows a symbolic link to what it names
        except OSError as exc:
            problem(_unreadable(file, rel, exc))
            continue
        if stat.S_ISDIR(mode):
            if file.is_symlink():  # not walked into: it may lead back up, for ever
                unlisted(rel, "a symbolic link to a folder: not followed (copy the folder in)")
            continue
        if kind := special_kind(mode):
            link = " (through a symbolic link)" if file.is_symlink() else ""
            unlisted(rel, f"{kind}{link}, not a regular file: never opened")
            continue
        if file.name in MANIFEST_NAMES:
            continue
        meta = _meta_of(file, rel, root, manifest_name, listed, unlisted)
        if meta is not None:
            yield from _read_file(file, rel, meta, encoding, limits, problem)


def _unreadable(file: Path, rel: str, exc: OSError) -> CorpusError:
    """The error of a file that cannot even be looked at (a broken link, no permission)."""
    if file.is_symlink():
        return CorpusError(
            rel,
            "",
            "a symbolic link to a file that does not exist",
            "remove the link or restore the file it points to",
        )
    return CorpusError(
        rel, "", f"cannot be read ({exc.strerror or exc})", "check that you may read it"
    )


def _listed(
    root: Path, encoding: str, limits: ReadLimits, problem
) -> tuple[str, dict[Path, tuple[str, dict, str]]]:
    """The manifest's name, and ``{file: (path as listed, metadata, place)}`` of its rows."""
    manifest_name, manifest = _read_manifest(root, encoding, limits, problem)
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
    return manifest_name, listed


def _meta_of(file: Path, rel: str, root: Path, manifest_name: str, listed, unlisted) -> dict | None:
    """A file's metadata from the manifest, or ``None`` (and why, to ``unlisted``) if not read."""
    if file.relative_to(root).parts[0] == LABELS_FOLDER and file.resolve() not in listed:
        unlisted(rel, f"hand labels ({LABELS_FOLDER}/, read by validate), not an article")
        return None
    if manifest_name:
        # The manifest lists the corpus; other files are reported, not read.
        if file.resolve() not in listed:
            unlisted(rel, f"not listed in {manifest_name}")
            return None
        return listed[file.resolve()][1]
    if file.name.lower() in ("readme.md", "readme.txt", "license", "license.txt"):
        unlisted(rel, "a README or LICENSE, not an article")
        return None
    return {}


def _read_file(
    file: Path, rel: str, meta: dict, encoding: str, limits: ReadLimits, problem
) -> Iterator[Doc]:
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
    if suffix == ".parquet" and meta:
        problem(
            CorpusError(
                rel, "", "the manifest describes a .parquet file", "remove the manifest row"
            )
        )
        return
    try:
        raw = read_bytes(file, rel, limits.bytes_for(file.name))
        if suffix == ".parquet":
            frame = _parquet_frame(raw, rel, problem)
            yield from _frame_documents(frame, rel, file.stem, limits, problem)
            return
        if suffix in PAGE_EXTENSIONS:
            yield from _page_documents(raw, rel, file.stem, suffix, meta, limits, problem)
            return
        text, notes = _decode(raw, rel, encoding)
        del raw  # a large file's bytes are not held beside its text
        if suffix in ARTICLE_EXTENSIONS:
            yield from _text_documents(text, rel, file.stem, meta, notes, limits, problem)
            return
    except CorpusError as exc:
        problem(exc)
        return
    yield from _record_documents(text, rel, file.stem, suffix, meta, notes, limits, problem)


def _text_documents(
    text: str, rel: str, stem: str, meta: dict, notes: list[str], limits: ReadLimits, problem
) -> Iterator[Doc]:
    """A .txt/.md file's article, or a news-database export's stories.

    Raises:
        CorpusError: A bad front-matter block or text (the caller reports it).
    """
    if export_kind(text):
        yield from _export_documents(text, rel, stem, meta, notes, limits, problem)
        return
    front, text, front_notes = _front_matter(text, rel)
    merged = _merge_meta(front, meta, rel)
    merged.setdefault("article_id", stem)
    checked = _check_text(text, rel, "", limits)
    yield Doc(merged, text, rel, "", notes + front_notes + checked)


def _record_documents(
    text: str,
    rel: str,
    stem: str,
    suffix: str,
    meta: dict,
    notes: list[str],
    limits: ReadLimits,
    problem,
) -> Iterator[Doc]:
    """The records of a .jsonl or .csv file, each a document, each checked on its own."""
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
            record.setdefault("article_id", f"{stem}-{place.split()[-1]}")
            checked = _check_text(body, rel, place, limits)
            yield Doc(record, body, rel, place, [*notes, *checked])
        except CorpusError as exc:
            problem(exc)


def _page_documents(
    raw: bytes, rel: str, stem: str, suffix: str, meta: dict, limits: ReadLimits, problem
) -> Iterator[Doc]:
    """A saved web page's article, or a Word file's text (one article, or an export's stories)."""
    try:
        page = read_docx(raw, limits.article_bytes) if suffix == ".docx" else read_html(raw)
    except PageError as exc:
        problem(CorpusError(rel, "", exc.problem, exc.fix))
        return
    if suffix == ".docx" and export_kind(page.text):
        yield from _export_documents(page.text, rel, stem, meta, page.notes, limits, problem)
        return
    # The page's own metadata first; the manifest's values win where both give one.
    merged = {**page.meta, **{k: v for k, v in meta.items() if v != ""}}
    merged.setdefault("article_id", stem)
    try:
        checked = _check_text(page.text, rel, "", limits)
    except CorpusError as exc:
        problem(exc)
        return
    yield Doc(merged, page.text, rel, "", [*page.notes, *checked])


def _export_documents(
    text: str, rel: str, stem: str, meta: dict, notes: list[str], limits: ReadLimits, problem
) -> Iterator[Doc]:
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
            checked = _check_text(body, rel, place, limits)
        except CorpusError as exc:
            problem(exc)
            continue
        yield Doc(record, body, rel, place, [*notes, note, *checked])
