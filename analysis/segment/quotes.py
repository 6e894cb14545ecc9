"""Direct quotations: where they are in a text, one row per paragraph.

A quotation is the text between a pair of double quotation marks (curly
“…”, guillemets «…», straight "…", or typed as two apostrophes ''…'' or
``…'' as news archives and ASCII exports carry them). Its ``start``/``end`` offsets cover
the words inside the marks. A quotation that runs over several paragraphs
(each paragraph opens with a mark, only the last one closes) gives one row
per paragraph, so no quotation crosses a block. Single quotation marks are
read as quotations only in a text with no double marks at all (some outlets
print 'like this'), and then only in pairs that cannot be apostrophes; elsewhere
they mostly mark headlines, nested quotes and apostrophes. Who speaks them is
:mod:`analysis.segment.speakers`' job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.text import CLOSE_QUOTES, OPEN_QUOTES

__all__ = ["Quotation", "find_quotations", "mask_quotes"]


@dataclass
class Quotation:
    """One direct quotation; offsets are into the article text."""

    start: int
    end: int
    block_no: int
    open_mark: int
    close_mark: int | None
    speaker: str = ""
    cue: str = ""
    speaker_evidence: str = ""
    # The speaker in the words of the text, when a pronoun or description was resolved
    # ("the Russian President" for "Vladimir Putin"); else the same as ``speaker``.
    speaker_as_written: str = ""


def find_quotations(text: str, blocks: list[tuple[int, int]]) -> list[Quotation]:
    """Find every direct quotation, block by block.

    Args:
        text: The article text.
        blocks: ``(start, end)`` of each block, in order.

    Returns:
        Quotations in text order, each inside one block.
    """
    if not _QUOTE_MARK.search(text):
        return _single_quotations(text, blocks)
    found: list[Quotation] = []
    for block_no in range(len(blocks)):
        found += _block_quotations(text, blocks, block_no)
    return [q for q in found if text[q.start : q.end].strip()]


def _block_quotations(text: str, blocks: list[tuple[int, int]], block_no: int) -> list[Quotation]:
    """The double-marked quotations of one block (one pass over its marks)."""
    lo, hi = blocks[block_no]
    found: list[Quotation] = []
    opened: int | None = None
    opened_straight, width = False, 1
    nested = False  # inside a straight pair nested in a curly quotation
    for mark in _QUOTE_MARK.finditer(text, lo, hi):
        pos, ch = mark.start(), mark.group()
        inside_curly = ch == '"' and opened is not None and not opened_straight
        if inside_curly and (nested or _nests(text, pos, lo, hi)):
            nested = not nested  # “a "bold" step”: the pair is inside the quotation
            continue
        if (ch in OPEN_QUOTES or ch == "``") and not (
            opened is not None and _CLOSES_AS_PRINTED.match(text, pos - 1)
        ):
            opened, opened_straight, width = pos, False, len(ch)
        elif opened is None and ch in CLOSE_QUOTES and _opens_as_printed(text, pos, lo):
            # ”After taking office, …”: a closing mark printed where an opening one
            # belongs, before a word and after a space or the paragraph's start.
            opened, opened_straight, width = pos, False, len(ch)
        elif ch in CLOSE_QUOTES or opened is not None:
            if opened is not None:
                # A two-character mark ('') closes at its second character.
                close = pos + len(ch) - 1
                found.append(Quotation(opened + width, pos, block_no, opened, close))
                opened = None
        elif _opens(text, pos, lo):
            opened, opened_straight, width = pos, True, len(ch)
    if opened is not None and (
        not opened_straight
        or _continues(text, blocks, block_no)
        or (width == 1 and _opens_the_paragraph(text, opened, lo))
    ):
        # Multi-paragraph convention, or an unclosed curly mark: quote to block end.
        found.append(Quotation(opened + width, hi, block_no, opened, None))
    return found


def _opens_the_paragraph(text: str, pos: int, block_start: int) -> bool:
    """Whether a straight mark opens its paragraph, or the words after its colon.

    Such a mark, left open, is the multi-paragraph convention even where a caption or
    a "More on …" line stands before the next paragraph of the quotation: "…¶ PA ¶ "….
    Not two apostrophes: "''Tis time," in old verse, is an elision.
    """
    before = text[block_start:pos]
    return not before.strip() or before.rstrip().endswith(":")


def _continues(text: str, blocks: list[tuple[int, int]], block_no: int) -> bool:
    """Whether the next block opens with a quotation mark (a quotation runs on into it)."""
    if block_no + 1 >= len(blocks):
        return False
    nxt = blocks[block_no + 1][0]
    return text[nxt] in OPEN_QUOTES + '"' or text.startswith(("''", "``"), nxt)


# Double marks as printed, and as typed on a typewriter keyboard: two apostrophes ('')
# for a straight double mark and two backquotes (``) opening one, as news archives
# and ASCII exports carry them (''I'm a big fan,'' said ...).
_QUOTE_MARK = re.compile(f"''|``|[{OPEN_QUOTES}{CLOSE_QUOTES}\"]")
# An opening mark printed where a closing one belongs: after the quotation's last
# word and before a space or the end ("Apparently not,“ he said."). While a
# quotation is open, such a mark closes it: an opening mark comes before a word.
_CLOSES_AS_PRINTED = re.compile(f"\\S[{OPEN_QUOTES}](?:\\s|$)")
_STRAIGHT = ('"', "''")
# In a text with no double marks at all, single marks are its quotation marks (some
# outlets print 'like this'). One opens after a space, a bracket or a dash, before a
# letter or digit, but not an elision ('90s, 'em, 'til); one closes after a visible
# character, before a space or punctuation, so "don't" and "Rubio's" are apostrophes.
_SINGLE_OPEN = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[—–:-]))['‘](?=[A-Za-z0-9])(?!\d0s\b|em\b|til\b|n\b)", re.M
)
_SINGLE_CLOSE = re.compile(r"(?<=\S)['’](?=$|[\s,.;:!?)\]—–-])", re.M)
# Inside a quotation a straight or right mark is an apostrophe when a lowercase letter
# follows ("don't", "Rubio’s"); a line break, a left mark or any other mark ends the
# reach of the opening mark before it, with no quotation.
_SINGLE_EVENT = re.compile(r"[\n'‘’]")


def _single_quotations(text: str, blocks: list[tuple[int, int]]) -> list[Quotation]:
    """Paired single marks, block by block (for texts without double marks).

    One pass over the marks of each block, so time is linear in its length (a
    pattern that tried every opening mark against every later one took time in
    the square of a paragraph's length, and a transcript full of apostrophes
    never finished). An opening mark is paired with the first closing mark after
    it, over apostrophes; anything else in between leaves it unpaired.
    """
    found = []
    for block_no, (lo, hi) in enumerate(blocks):
        opened: int | None = None
        for event in _SINGLE_EVENT.finditer(text, lo, hi):
            at, mark = event.start(), event.group()
            if opened is not None:
                if mark in "'’" and _SINGLE_CLOSE.match(text, at, hi):
                    if text[opened + 1 : at].strip():
                        found.append(Quotation(opened + 1, at, block_no, opened, at))
                    opened = None
                    continue  # a closing mark opens nothing
                if mark in "'’" and at + 1 < hi and "a" <= text[at + 1] <= "z":
                    continue  # an apostrophe inside the quotation
                opened = None  # the opening mark had no closing one
            if mark in "'‘" and _SINGLE_OPEN.match(text, at, hi):
                opened = at
    return found


_CURLY_MARK = re.compile(f"[{OPEN_QUOTES}{CLOSE_QUOTES}]")


def _nests(text: str, pos: int, block_start: int, hi: int) -> bool:
    """Whether a straight mark inside a curly quotation opens a pair nested in it.

    “a "bold" step for the port.”: it opens (after a space, before a word), and
    another straight mark follows before the curly closing mark. “Fine," she
    said. "We sail.”: the first straight mark follows the quotation's last word
    and closes it, as printed.
    """
    if not (_opens(text, pos, block_start) and pos + 1 < hi and text[pos + 1].isalnum()):
        return False
    after = _CURLY_MARK.search(text, pos + 1, hi)
    end = after.start() if after is not None and after.group() in CLOSE_QUOTES else -1
    return end > 0 and text.find('"', pos + 1, end) > 0


def _opens_as_printed(text: str, pos: int, block_start: int) -> bool:
    """Whether a closing mark stands where a quotation opens: before a word, after a space."""
    return (
        pos + 1 < len(text)
        and (text[pos + 1].isalnum())
        and (pos == block_start or text[pos - 1].isspace() or text[pos - 1] in "([—–-:")
    )


def _opens(text: str, pos: int, block_start: int) -> bool:
    """A straight mark opens a quotation when it follows a space or opening punctuation."""
    return pos == block_start or text[pos - 1].isspace() or text[pos - 1] in "([{—–-:"


def mask_quotes(text: str, quotes) -> str:
    """Blank out quoted words (keep length) so cue patterns never match inside a quotation."""
    pieces, cursor = [], 0
    for q in quotes:
        pieces.append(text[cursor : q.start])
        pieces.append(_VISIBLE.sub("x", text[q.start : q.end]))
        cursor = q.end
    pieces.append(text[cursor:])
    return "".join(pieces)


_VISIBLE = re.compile(r"\S")
