"""News-database exports: many stories in one plain-text file (LexisNexis, Factiva).

A LexisNexis (Nexis Uni) text export prints each story as a header (the title,
the outlet, the date, a copyright line, then labelled lines such as
"Length: 523 words", "Byline: ...", "Section: ..."), a line "Body", the story's
paragraphs, a footer ("Classification", "Load-Date: ...") and a line "End of
Document". A Factiva export prints the title, "By ..." and "523 words" lines,
the date, the outlet, the language code and copyright, the paragraphs, and
closes each story with a line "Document <id>".

:func:`split_export` cuts such a file into stories: each story's text is its
body alone (the header and footer lines become metadata, never prose) and keeps
where it stands in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["ExportStory", "export_kind", "split_export"]

_NEXIS_END = re.compile(r"^[ \t]*End of Document[ \t]*$", re.MULTILINE)
_FACTIVA_END = re.compile(r"^[ \t]*Document [A-Za-z0-9]{16,}[ \t]*$", re.MULTILINE)
_LABELLED = re.compile(
    r"^(?P<label>Length|Byline|Section|Dateline|Highlight|Load-Date|Language|Publication-Type"
    r"|Subject|Geographic|Graphic|Correction-Date|Journal-Code|Notes|Copyright|Edition)"
    r":[ \t]*(?P<value>.*)$"
)
_NEXIS_FOOTER = re.compile(r"^(?:Classification|Load-Date:|Graphic|Language:)", re.IGNORECASE)
_WEEKDAY_TAIL = re.compile(
    r"[ ,]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b.*$", re.IGNORECASE
)
_WORDS_LINE = re.compile(r"^[\d,]+ words$")
_BY_LINE = re.compile(r"^By\s+\S")


@dataclass
class ExportStory:
    """One story of an export: its body's place in the file and its metadata."""

    start: int
    end: int
    meta: dict = field(default_factory=dict)


def export_kind(text: str) -> str:
    """``"lexisnexis"``, ``"factiva"`` or ``""`` (an ordinary article)."""
    if _NEXIS_END.search(text):
        return "lexisnexis"
    if _FACTIVA_END.search(text):
        return "factiva"
    return ""


def split_export(text: str) -> list[ExportStory]:
    r"""The stories of a LexisNexis or Factiva text export, in order (none for other text).

    >>> export = "Talks end\nExample Times\nMay 3, 2024 Friday\nLength: 9 words\nBody\n"
    >>> export += "The talks ended.\nLoad-Date: May 4, 2024\nEnd of Document\n"
    >>> [(export[s.start : s.end], s.meta["title"]) for s in split_export(export)]
    [('The talks ended.', 'Talks end')]
    """
    kind = export_kind(text)
    if not kind:
        return []
    ends = list((_NEXIS_END if kind == "lexisnexis" else _FACTIVA_END).finditer(text))
    stories, cursor = [], 0
    for end in ends:
        story = _nexis_story if kind == "lexisnexis" else _factiva_story
        found = story(text, cursor, end.start())
        if found is not None:
            if kind == "factiva":
                found.meta["document"] = end.group().strip().removeprefix("Document ")
            stories.append(found)
        cursor = end.end()
    return stories


def _lines(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """``(start, end, stripped line)`` of the non-blank lines of ``text[lo:hi]``."""
    out = []
    for match in re.finditer(r"[^\r\n]*", text[lo:hi]):
        line = match.group().strip()
        if line:
            start = lo + match.start() + (len(match.group()) - len(match.group().lstrip()))
            out.append((start, start + len(line), line))
    return out


def _nexis_story(text: str, lo: int, hi: int) -> ExportStory | None:
    lines = _lines(text, lo, hi)
    body_at = next((k for k, (_, _, line) in enumerate(lines) if line == "Body"), None)
    if body_at is None or body_at + 1 >= len(lines):
        return None
    meta: dict = {}
    plain = []
    for _, _, line in lines[:body_at]:
        labelled = _LABELLED.match(line)
        if labelled:
            meta[labelled.group("label").lower()] = labelled.group("value").strip()
        else:
            plain.append(line)
    # The header's unlabelled lines: title, outlet, date, copyright (in that order).
    if plain:
        meta["title"] = plain[0]
    if len(plain) > 1:
        meta["outlet"] = plain[1]
    if len(plain) > 2:
        meta["published"] = _WEEKDAY_TAIL.sub("", plain[2])
    body = lines[body_at + 1 :]
    last = next((k for k, (_, _, line) in enumerate(body) if _NEXIS_FOOTER.match(line)), len(body))
    for _, _, line in body[last:]:
        labelled = _LABELLED.match(line)
        if labelled:
            meta[labelled.group("label").lower()] = labelled.group("value").strip()
    if not last:
        return None
    return ExportStory(body[0][0], body[last - 1][1], meta)


def _factiva_story(text: str, lo: int, hi: int) -> ExportStory | None:
    lines = _lines(text, lo, hi)
    if len(lines) < 2:
        return None
    meta: dict = {"title": lines[0][2]}
    k = 1
    # Header lines after the title: "By ...", "523 words", the date, the outlet,
    # a language code, "English", "Copyright ..."/"(c) ...".
    while k < len(lines) and k <= 8:
        line = lines[k][2]
        if _BY_LINE.match(line):
            meta["byline"] = line[3:].strip()
        elif _WORDS_LINE.match(line):
            meta["length"] = line
        elif re.match(r"^\d{1,2} \w+ \d{4}$", line) and "published" not in meta:
            meta["published"] = line
        elif re.match(r"^(?:Copyright|\(c\)|©)", line, re.IGNORECASE):
            meta["copyright"] = line
            k += 1
            break
        elif re.fullmatch(r"[A-Z]{2,6}|English|French|German|Spanish|Russian", line):
            meta.setdefault("language", line)
        elif "outlet" not in meta and "published" in meta:
            meta["outlet"] = line
        else:
            break
        k += 1
    if k >= len(lines):
        return None
    return ExportStory(lines[k][0], lines[-1][1], meta)
