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
  by trafilatura, and ``.docx`` Word files (:mod:`analysis.load.pages`);
* LexisNexis and Factiva text exports (``.txt`` or ``.docx``), one article per
  story (:mod:`analysis.load.exports`).

Bad input raises :class:`CorpusError` naming the file, the place and the fix.
With ``errors="collect"`` the loader keeps what it can and lists every
skipped file or record, with its reason, in ``Corpus.skipped``.

Text is never altered: offsets in every frame index ``articles.text``, which
is the file's text as decoded (less a UTF-8 byte-order mark and a front-matter
block, both noted in ``articles.notes``), or for a page, a Word file or an
export's story, the text extracted from it (``articles.notes`` says how).

Loading is :mod:`analysis.load` (files to documents and the ``articles``
frame), then :mod:`analysis.segment` (blocks, roles, sentences, quotations);
this module holds the :class:`Corpus` of their frames and the entry point.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import segment
from analysis.errors import CorpusError
from analysis.load import (
    FRAME_NAME,
    MAX_LINE_CHARS,
    ReadLimits,
    articles_frame,
    drop_duplicates,
    read_documents,
)
from analysis.schema import METADATA_FIELDS
from analysis.segment import RoleLimits, SpeakerLimits

__all__ = ["Corpus", "load_corpus", "read_articles", "segmented"]

PROGRESS_MIN_DOCUMENTS = 1_000


@dataclass
class Corpus:
    """The frames of a loaded corpus.

    Attributes:
        articles: One row per document (news or official), derived official texts included.
        blocks: One row per paragraph-level block, with its role and evidence.
        sentences: One row per sentence, with its role.
        quotes: One row per direct quotation, with speaker and cue.
        terms: Quoted words nobody said: titles of works and terms held at arm's
            length (:mod:`analysis.segment.terms`); never in ``quotes``.
        attributions: One row per attribution, quoted or reported: its content,
            source and cue (:mod:`analysis.segment.attributions`).
        pairs: One row per (news article, official document) pair and how it was linked.
        skipped: Files or records not loaded (``errors="collect"``), with the reason.
        root: The folder or file the corpus was loaded from.
    """

    articles: pd.DataFrame
    blocks: pd.DataFrame
    sentences: pd.DataFrame
    quotes: pd.DataFrame
    terms: pd.DataFrame
    attributions: pd.DataFrame
    pairs: pd.DataFrame
    skipped: pd.DataFrame
    root: Path

    @classmethod
    def of_frames(cls, frames: dict[str, pd.DataFrame], root: Path) -> Corpus:
        """A corpus of segmented frames (:func:`analysis.segment.segment_articles`), none skipped."""
        return cls(**frames, skipped=pd.DataFrame(columns=["path", "place", "reason"]), root=root)

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
            f"{len(self.quotes)} quotes, {len(self.terms)} quoted titles or terms, "
            f"{len(self.attributions)} attributions, "
            f"{len(self.skipped)} skipped)"
        )


def load_corpus(
    path: str | Path | pd.DataFrame,
    *,
    encoding: str = "utf-8",
    errors: str = "raise",
    max_line_chars: int = MAX_LINE_CHARS,
    max_file_bytes: int | None = None,
    progress: bool | None = None,
    dayfirst: bool | None = None,
    role_limits: RoleLimits = RoleLimits(),  # noqa: B008 - frozen, so one shared default is safe
    speaker_limits: SpeakerLimits = SpeakerLimits(),  # noqa: B008 - frozen, as above
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
        max_file_bytes: Largest file read, in bytes; a larger one is refused unread.
            By default 10 MB for a file of one article, 5 MB for a saved web page
            and 500 MB for a file of records (:class:`~analysis.load.ReadLimits`
            gives the reasons); a number sets one limit for every file. Named
            pipes, devices and sockets are never opened: they are listed in
            ``Corpus.skipped``.
        dayfirst: How to read a ``published`` date such as ``04/05/2021``: True for
            4 May, False for 5 April; by default such a date is refused as
            ambiguous (see :func:`analysis.load.parse_published`).
        progress: Show a progress bar while segmenting; by default only for corpora
            of ``PROGRESS_MIN_DOCUMENTS`` documents or more, so small corpora, tests
            and notebook checks stay quiet.
        role_limits: The limits the role rules read (:class:`~analysis.segment.RoleLimits`).
        speaker_limits: The limits the speaker rules read
            (:class:`~analysis.segment.SpeakerLimits`).

    Returns:
        The corpus, with every frame filled.

    Raises:
        CorpusError: On bad input when ``errors="raise"``, and always when the
            path itself is unusable.
    """
    articles, skipped, root = read_articles(
        path,
        encoding=encoding,
        errors=errors,
        max_line_chars=max_line_chars,
        max_file_bytes=max_file_bytes,
        dayfirst=dayfirst,
        **columns,
    )
    return segmented(
        articles,
        root,
        progress,
        skipped=skipped,
        role_limits=role_limits,
        speaker_limits=speaker_limits,
    )


def read_articles(
    path: str | Path | pd.DataFrame,
    *,
    encoding: str = "utf-8",
    errors: str = "raise",
    max_line_chars: int = MAX_LINE_CHARS,
    max_file_bytes: int | None = None,
    dayfirst: bool | None = None,
    **columns: str,
) -> tuple[pd.DataFrame, pd.DataFrame, Path]:
    """The first half of :func:`load_corpus`: the documents read, not yet segmented.

    Takes the same arguments as :func:`load_corpus` (less the limits and progress).

    Returns:
        ``(articles, skipped, root)``: the ``articles`` frame of the documents
        read, the ``skipped`` frame and the path they were read from.

    Raises:
        CorpusError: As :func:`load_corpus`.
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

    docs = read_documents(
        path if frame is not None else root,
        encoding=encoding,
        limits=ReadLimits.of(max_file_bytes, max_line_chars),
        columns=columns,
        problem=problem,
        unlisted=unlisted,
    )
    docs = drop_duplicates(docs, problem)
    if not docs:
        raise CorpusError(
            str(path),
            "",
            "no articles found",
            "add .txt, .md, .html, .docx, .jsonl, .csv or .parquet files to the folder",
        )
    articles = articles_frame(docs, problem, dayfirst)
    del docs  # the texts live on in `articles`; the memory they held is released later
    return articles, pd.DataFrame(skipped, columns=["path", "place", "reason"]), root


def segmented(
    articles: pd.DataFrame,
    root: Path,
    progress: bool | None = False,
    *,
    skipped: pd.DataFrame | None = None,
    role_limits: RoleLimits | None = None,
    speaker_limits: SpeakerLimits | None = None,
) -> Corpus:
    """Segment every document of a loaded ``articles`` frame into a :class:`Corpus`.

    ``progress`` ``None`` shows a bar from ``PROGRESS_MIN_DOCUMENTS`` documents;
    ``skipped`` is what :func:`read_articles` left out (none by default).
    """
    show = len(articles) >= PROGRESS_MIN_DOCUMENTS if progress is None else progress
    frames = segment.segment_all(
        articles, progress=show, role_limits=role_limits, speaker_limits=speaker_limits
    )
    corpus = Corpus.of_frames(frames, root)
    if skipped is not None:
        corpus.skipped = skipped
    return corpus
