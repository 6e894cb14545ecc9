"""A picture's credit printed in capitals under its caption, as tabloids print it.

Read by the credit rule of :mod:`analysis.segment.furniture`: a caption with its
credit in one block ("Lund greets the crew at the quay¶PA") or the credit on a
line of its own after it ("…¶GETTY IMAGES").
"""

from __future__ import annotations

import re

from analysis.segment.view import BlockView, _words

__all__: list[str] = []  # read by the furniture rules only


# A picture's credit in capitals on a line of its own, as tabloids print it under the
# caption: "Lund greets the crew at the quay¶PA", "…,' the ministry said¶HARBOUR MINISTRY".
# No full stop at its end, no apostrophe: "WHAT’S BREWING." heads a newsletter's section.
_CAPS_CREDIT = re.compile(r"(?!BY\s)[A-Z][A-Z.&/ -]{0,33}[A-Z]")
_NOT_A_CREDIT = frozenset(
    """ADVERTISEMENT ADVERTISING SPONSORED WATCH LISTEN UPDATE UPDATED BREAKING EXCLUSIVE
    ANALYSIS OPINION VIDEO LIVE""".split()
)
_ENDS_A_SENTENCE = re.compile(r"[.!?:;…\]][”\"’']?$")


# One word in capitals is a credit only when it names a picture source: alone, "FLYERS"
# or "COMMENTS" is a section's label.
_ONE_WORD_CREDITS = frozenset(
    """PA AP AFP EPA REUTERS GETTY SHUTTERSTOCK ALAMY REX BLOOMBERG XINHUA TASS ANADOLU
    SPLASH HANDOUT POOL SUPPLIED FILE""".split()
)
# A caption is a description: a few words at least ("Editor's Picks" is a label).
_CAPTION_WORDS = 5
# An agency in capitals and its photographer: "THE HARBOUR PRESS/Sam Kilby".
_AGENCY_AND_PHOTOGRAPHER = re.compile(
    r"[A-Z][A-Z.&' -]{1,40}/[A-Z][a-z][\w.'’-]*(?:\s+[A-Z][\w.'’-]+){1,3}"
)


def _caps_credit(line: str) -> bool:
    line = line.strip()
    words = line.split()
    return (
        _CAPS_CREDIT.fullmatch(line) is not None
        and len(words) <= 4
        and (len(words) > 1 or line in _ONE_WORD_CREDITS)
        and line.rstrip(".") not in _NOT_A_CREDIT
        and sum(c.isalpha() for c in line) >= 2
    ) or _AGENCY_AND_PHOTOGRAPHER.fullmatch(line) is not None


def _credit_in_capitals(b: BlockView) -> bool:
    """A caption with its credit in capitals under it, in one block or as the next line.

    The caption is short and ends with no full stop; a line in capitals after a
    paragraph that does ("…, he said.¶REUTERS") is an agency's byline instead.
    """
    if b.n_words > 60:
        return False  # a caption and its credit are short, and so is a credit alone
    lines = b.body.strip().splitlines()
    if (
        len(lines) >= 2
        and _caps_credit(lines[-1])
        and not _caps_credit(lines[0])
        and not _ENDS_A_SENTENCE.search(lines[-2].strip())
    ):
        return b.decide("credit", f"a caption above its credit in capitals: {lines[-1]}")
    if len(lines) != 1 or b.i == 0 or not b.state.seen_prose or not _caps_credit(lines[0]):
        return False
    prev = b.blocks[b.i - 1]
    caption = b.body_of(b.i - 1).strip()
    n_words = len(_words(caption))
    if prev.role not in ("journalist", "quote") or not _CAPTION_WORDS <= n_words <= 40:
        return False
    if "\n" in caption:
        return False
    if _ENDS_A_SENTENCE.search(caption) and not (
        # A dated caption's credit names its source plainly: "ORLANDO MOURNS" under one
        # is the story's subheading.
        _dated_picture(caption)
        and (lines[0] in _ONE_WORD_CREDITS or _AGENCY_AND_PHOTOGRAPHER.fullmatch(lines[0]))
    ):
        return False
    b.decide("credit", f"a picture's credit in capitals under its caption: {lines[0]}")
    prev.role, prev.source = "credit", ""
    prev.evidence = "caption directly above a photo credit"
    return True


# The day a picture was taken, with its year, closing a one-sentence caption: "…
# at the quay on Tuesday, Nov. 29, 2030." (news prose seldom dates its own sentence so).
_PICTURE_DATE = re.compile(r"\b(?:19|20)\d\d\.$")


def _dated_picture(caption: str) -> bool:
    """Whether a caption ending in a full stop is one sentence dated to its year."""
    return _PICTURE_DATE.search(caption) is not None and not _NEXT_SENTENCE.search(caption)


_NEXT_SENTENCE = re.compile(r"[.!?]\s+[A-Z]")  # "Nov. 29" is no sentence's end
