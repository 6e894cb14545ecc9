"""How much the loader reads: file sizes, line lengths, binary data; and the bounded read.

A corpus folder is not always tidy: a database dump, a disk image, a symlink to
``/dev/zero`` or a named pipe may sit beside the articles. The loader opens only
regular files, refuses one over its size limit before holding it in memory, and
reads the rest in bounded chunks, so no input can hang it or exhaust memory.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from analysis.errors import CorpusError

__all__ = ["ReadLimits", "read_bytes", "special_kind"]

# Files whose every byte is one article; the others hold many records each.
ONE_ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx")
PAGE_SUFFIXES = (".html", ".htm")
_CHUNK = 1 << 20  # one read; a file is read in pieces of this size, never all at once


@dataclass(frozen=True)
class ReadLimits:
    """The limits the loader reads files and text with.

    Attributes:
        article_bytes: Largest file of one article (``.txt``, ``.md``), and the
            most text a Word file unpacks to: 10 MB. A long article is 100 KB, a
            long report or transcript a few MB, a LexisNexis or Factiva download
            (500 stories at most) about 3 MB; a larger file is a dump or a log
            left in the folder, and segmenting 10 MB takes half a minute, which a
            report spends once per notebook.
        page_bytes: Largest saved web page (``.html``): 5 MB. A news page is 0.2
            to 2 MB of markup; trafilatura reads it at about a megabyte a second
            here, and slower as pages grow (10 MB of paragraphs took a minute),
            so a larger page is refused rather than left running.
        records_bytes: Largest file of records (``.jsonl``, ``.csv``,
            ``.parquet``, and a manifest): 500 MB, about 100,000 articles. The
            loader holds a file's bytes and its text at once, about three times
            its size in memory; split a larger export into several files in one
            folder, which load as one corpus.
        max_line_chars: Longest line accepted; longer lines are usually not
            article text (minified HTML or JSON).
        binary_share: Text in which control characters (other than tab and line
            breaks) are more than this share of the characters (and more than
            one) is binary data, refused. Below it a stray one (an ESC left by a scraper) is kept
            and noted: prose has none, so 5% is far from any article and far
            below the quarter or so of control codes in binary data read as
            Latin-1.
    """

    article_bytes: int = 10_000_000
    page_bytes: int = 5_000_000
    records_bytes: int = 500_000_000
    max_line_chars: int = 100_000
    binary_share: float = 0.05

    def bytes_for(self, name: str) -> int:
        """The size limit of a file, by its name's extension."""
        if name.lower().endswith(PAGE_SUFFIXES):
            return self.page_bytes
        if name.lower().endswith(ONE_ARTICLE_SUFFIXES):
            return self.article_bytes
        return self.records_bytes

    @classmethod
    def of(cls, max_file_bytes: int | None, max_line_chars: int) -> ReadLimits:
        """The limits ``load_corpus`` reads with: one size for every file, if given."""
        if max_file_bytes is None:
            return cls(max_line_chars=max_line_chars)
        if isinstance(max_file_bytes, bool) or not isinstance(max_file_bytes, int):
            raise TypeError(f"max_file_bytes must be an int, not {max_file_bytes!r}")
        if max_file_bytes < 1:
            raise ValueError(f"max_file_bytes must be positive, not {max_file_bytes}")
        return cls(
            article_bytes=max_file_bytes,
            page_bytes=max_file_bytes,
            records_bytes=max_file_bytes,
            max_line_chars=max_line_chars,
        )


_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def special_kind(mode: int) -> str:
    """What a file of this ``st_mode`` is, if it is neither a regular file nor a folder."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return ""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_bytes(file: Path, rel: str, limit: int) -> bytes:
    """A regular file's bytes, read in bounded chunks, never more than ``limit``.

    The file is opened without blocking (a named pipe would wait for a writer for
    ever) and checked to be a regular file on the open descriptor, so a file
    swapped for a pipe after the folder was listed is refused too.

    Raises:
        CorpusError: The file cannot be opened, is not a regular file, or is
            larger than ``limit`` bytes (before or while it is read).
    """
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise CorpusError(
            rel,
            "",
            f"cannot be opened ({exc.strerror or exc})",
            "check that the file exists and that you may read it",
        ) from None
    with os.fdopen(fd, "rb", buffering=0) as handle:
        info = os.fstat(handle.fileno())
        kind = special_kind(info.st_mode)
        if kind or stat.S_ISDIR(info.st_mode):
            raise CorpusError(
                rel,
                "",
                f"{kind or 'a folder'}, not a regular file",
                "move it out of the corpus folder",
            )
        if info.st_size > limit:
            raise _too_large(rel, f"{info.st_size:,} bytes", limit)
        chunks, total = [], 0
        try:
            while chunk := handle.read(_CHUNK):
                total += len(chunk)
                if total > limit:
                    raise _too_large(rel, f"more than {limit:,} bytes (it grew while read)", limit)
                chunks.append(chunk)
        except OSError as exc:
            raise CorpusError(
                rel, f"byte {total}", f"cannot be read ({exc.strerror or exc})", "copy it again"
            ) from None
    return b"".join(chunks)


def _too_large(rel: str, size: str, limit: int) -> CorpusError:
    return CorpusError(
        rel,
        "",
        f"the file is {size}, over the limit of {limit:,} bytes for such a file "
        "(not read: it is rarely a corpus file)",
        "move it out of the corpus folder, split it, or raise the limit: "
        "load_corpus(path, max_file_bytes=N) (make report MAX_FILE_BYTES=N)",
    )
