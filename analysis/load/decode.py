"""A file's bytes to checked text: decoding, the checks on text, front matter.

Text is never altered: a UTF-8 byte-order mark and a front-matter block are
taken off (and noted), nothing else, so offsets downstream index the text as
decoded.
"""

from __future__ import annotations

import codecs
import re

from analysis.errors import CorpusError
from analysis.load.limits import ReadLimits

__all__ = ["MAX_LINE_CHARS"]

MAX_LINE_CHARS = ReadLimits.max_line_chars


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


# Control characters prose never holds: C0 but tab and line breaks, DEL, and C1.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _check_text(text: str, rel: str, place: str, limits: ReadLimits) -> list[str]:
    """Refuse empty text, binary data and absurdly long lines; note stray control characters.

    A control character in otherwise good text (an ESC a scraper left) is kept, so
    offsets stay exact, and noted; text with more than ``limits.binary_share`` of
    them is binary data and refused.

    Returns:
        The notes for ``articles.notes`` (empty for clean text).
    """
    where = f"{place}: " if place else ""
    if not text.strip():
        raise CorpusError(
            rel,
            place,
            "the article text is empty or whitespace only",
            "add the text or remove the file",
        )
    notes = []
    bad = _CONTROL.search(text)
    if bad:
        count = len(_CONTROL.findall(text))
        line = text.count("\n", 0, bad.start()) + 1
        if count > 1 and count > limits.binary_share * len(text):
            raise CorpusError(
                rel,
                f"{where}line {line}".strip(": "),
                f"{count:,} control characters in {len(text):,} (U+{ord(bad.group()):04X} "
                "first): binary data, not text",
                "export the article again as plain text",
            )
        kinds = ", ".join(sorted({f"U+{ord(c):04X}" for c in _CONTROL.findall(text)}))
        notes.append(
            f"{count} control character{'s' if count > 1 else ''} ({kinds}) kept in the text, "
            f"the first on line {line}: a stray from the source, not prose"
        )
    max_line = limits.max_line_chars
    if len(text) <= max_line:
        return notes  # no line can be longer than the whole text
    longest = max((len(line) for line in text.splitlines()), default=0)
    if longest > max_line:
        number = next(i for i, line in enumerate(text.splitlines(), 1) if len(line) == longest)
        raise CorpusError(
            rel,
            f"{where}line {number}".strip(": "),
            f"a line of {longest:,} characters (the limit is {max_line:,}); this is rarely article text",
            "convert it to plain text with paragraph breaks, or pass max_line_chars=",
        )
    return notes


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
