"""What a role rule sees: one block, its neighbours and the facts the rules remember.

Also the tests of how a line looks that rules of every kind share (headline-like,
a date line, title case) and the two evidence strings other modules look for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis.segment.blocks import Block
from analysis.segment.limits import RoleLimits
from analysis.text import DATE, WEEKDAY, normalise

__all__ = ["HEADLINE", "STANDFIRST", "BlockView", "RoleState"]

HEADLINE = "first short line without final punctuation"
STANDFIRST = "standfirst: a short sentence-case line without final punctuation under the headline"
_DEFAULT = RoleLimits()

_DATE_ANY = re.compile(DATE, re.IGNORECASE)
_DATE_LINE_FILLER = re.compile(
    rf"{DATE}|{WEEKDAY}|\b(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\b"
    rf"|\b\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?|\b(?:[ap]\.?m\.?|ET|EST|EDT|GMT|"
    r"UTC|BST|CET|CEST|MSK|JST|IST|PT|PST|PDT|at|on|published|updated|posted|last|first|modified"
    r"|source)\b"
    # A time zone's offset: "4:12 AM GMT+1", "UTC+05:30".
    r"|(?<=GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?\b"
    # "/ in 5 years", "/ 2 hours ago": how old the page is, printed beside its date.
    r"|\bin\s+\d+\s+(?:years?|months?|days?|hours?)\b"
    r"|\b\d+\s+(?:years?|months?|days?|hours?|mins?|minutes?)\s+ago\b"
    r"|[\s,.|•·:;()/–—-]+",
    re.IGNORECASE,
)


def _found(pattern: re.Pattern, anywhere: re.Pattern, text: str) -> bool:
    """Whether ``pattern.search(text)`` finds something, found faster.

    ``anywhere`` holds the alternatives of ``pattern`` that are not anchored with
    ``^``; past the first character only they can match, so the many anchored
    ones are tried once instead of at every character.
    """
    return pattern.match(text) is not None or anywhere.search(text) is not None


_DIGIT = re.compile(r"\d")  # every date has one: a cheap test before the date pattern


def _date_line(text: str) -> bool:
    """A line that holds a date and nothing else but times, weekdays and separators."""
    return (
        len(text) <= 120
        and _DIGIT.search(text) is not None
        and bool(_DATE_ANY.search(text))
        and not _DATE_LINE_FILLER.sub("", text)
    )


def _words(text: str) -> list[str]:
    return text.split()


def _headline_like(text: str, n_words: int | None = None, *, limits: RoleLimits = _DEFAULT) -> bool:
    """Short, one line, not ending like a sentence: how headlines and titles look.

    ``n_words`` is ``len(text.split())``, if the caller has counted it already;
    ``limits`` gives the word and character limits.
    """
    n_words = len(_words(text)) if n_words is None else n_words
    if not limits.headline_min_words <= n_words <= limits.headline_max_words:
        return False
    if len(text) > limits.headline_max_chars or text.count("\n") > 1:
        return False
    return not text.rstrip().endswith((".", ",", ";", ":", "”", '"'))


def _title_case_share(text: str) -> float:
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text) if len(w) > 3]
    if not words:
        return 0.0
    return sum(w[0].isupper() for w in words) / len(words)


def _snippet(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


# Roles of display copy and furniture, which may stand above the story itself.
_DISPLAY_ROLES = ("headline", "byline", "credit", "boilerplate")


@dataclass
class RoleState:
    """What the role rules remember from one block to the next.

    Attributes:
        seen_prose: The story itself (a journalist or official block) has begun.
        official_run: The source of the official text being reproduced, if inside one.
        after_attribution: The block before introduced official text ("From The White House:").
        unintroduced: The official run began with no attribution line or title.
        quoted_run: The official run, introduced, is held in quotation marks that close.
        official_document: The document is an official text: its kind says so, its
            title is an official document's ("Readout of ...", "Telephone
            conversation with ..."), or its text reads as a readout (``readout_text``).
        readout_text: Why a document of no given kind reads as a readout, if it does.
        standfirst: A standfirst has been found (a story has one at most).
        related_list: Inside a list of related links under a label ("Read also").
        author_box: Inside an author box after the story ("Author: ...", a bio).
        prompt_run: Inside a prompt to the reader (a donation appeal over paragraphs).
        comments: Past the header of the readers' comments under the story.
        site_name_open: The site's name goes on into the next line.
        answering: The labels that open a briefing's answers ("Ida Lund: …").
        transcript: The speakers of a transcript's turns and whether each hosts it
            (read once, when a block first opens on a label in capitals).
    """

    seen_prose: bool = False
    official_run: str = ""
    after_attribution: bool = False
    unintroduced: bool = False
    quoted_run: bool = False
    official_document: bool = False
    readout_text: str = ""
    standfirst: bool = False
    related_list: bool = False
    author_box: bool = False
    prompt_run: bool = False
    comments: bool = False
    site_name_open: bool = False
    answering: set[str] | None = None
    transcript: dict[str, bool] | None = None


@dataclass
class BlockView:
    """One block as the role rules see it: its words, its neighbours, the article's facts."""

    text: str
    blocks: list[Block]
    i: int
    body: str
    first_line: str
    n_words: int
    headline_like: bool
    kind: str
    title: str
    source: str
    quoted_with_cue: bool
    reuse: tuple[float, str] | None
    state: RoleState
    quoted_source: str = ""  # the institution or document its main quotation is from
    limits: RoleLimits = _DEFAULT  # the limits the rules read
    # What the blocks above hold, counted as each is decided (see ``passed``), so a
    # rule asks it in constant time: rescanning them took time in the square of the
    # number of blocks, which a page of thousands of short lines made minutes.
    story_above: int = 0  # blocks of the story itself (any role but display copy)
    headlines_above: list[str] = field(default_factory=list)
    _prefixes: set[str] = field(default_factory=set)  # of headlines_above[:_indexed]
    _long: list[str] = field(default_factory=list)
    _indexed: int = 0

    def above_the_story(self) -> bool:
        """Whether no block of the article's own text comes before: only display copy."""
        return self.story_above == 0

    def passed(self) -> None:
        """Count the decided block into what the blocks above hold."""
        role = self.block.role
        if role not in _DISPLAY_ROLES:
            self.story_above += 1
        elif role == "headline":
            self.headlines_above.append(self.body)

    def starts_a_headline_above(self, line: str) -> bool:
        """Whether a headline above, normalised, starts with ``line`` (normalised).

        Every prefix of each headline, up to the longest a headline-like line has,
        goes into a set when first asked for, so each question is a set lookup; a
        longer headline (a document's title) is kept whole, for a line that long.
        """
        for body in self.headlines_above[self._indexed :]:
            headline = normalise(body)
            cap = min(len(headline), self.limits.headline_max_chars)
            self._prefixes.update(headline[:n] for n in range(cap + 1))
            if len(headline) > cap:
                self._long.append(headline)
        self._indexed = len(self.headlines_above)
        if len(line) <= self.limits.headline_max_chars:
            return line in self._prefixes
        return any(headline.startswith(line) for headline in self._long)

    @property
    def block(self) -> Block:
        """The block being decided."""
        return self.blocks[self.i]

    @property
    def last(self) -> int:
        """The number of the article's last block."""
        return len(self.blocks) - 1

    def body_of(self, k: int) -> str:
        """The text of block ``k``, or "" past either end."""
        if not 0 <= k < len(self.blocks):
            return ""
        return self.text[self.blocks[k].start : self.blocks[k].end]

    def decide(self, role: str, evidence: str, source: str = "") -> bool:
        """Set the block's role, evidence and source; True, so a rule can return it."""
        block = self.block
        block.role, block.evidence, block.source = role, evidence, source
        return True

    def prose(self, role: str, evidence: str, source: str = "") -> bool:
        """Decide a block of the story itself: the story has begun."""
        self.state.seen_prose = True
        self.state.related_list = self.state.prompt_run = False
        return self.decide(role, evidence, source)


_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")
_SENTENCE_BREAK = re.compile(r"[.!?][”\"’']?\s+[“\"‘']?[A-Z]")


def _content_words(text: str) -> set[str]:
    """The words of four letters or more, in lower case, a plural's "s" dropped."""
    return {w.lower().removesuffix("s") for w in _CONTENT_WORD.findall(text)}


def _restated_share(b: BlockView) -> float | None:
    """The share of a one-sentence block's words that a block just below restates.

    ``None`` unless the block stands under a headline with no story above it, is
    one sentence of at most ``standfirst_max_words`` words, and a block within
    ``standfirst_reach`` below holds ``standfirst_restated`` of its content words.
    """
    limits = b.limits
    if b.state.standfirst or b.i == 0 or not b.headlines_above or not b.above_the_story():
        return None
    if not 6 <= b.n_words <= limits.standfirst_max_words or _SENTENCE_BREAK.search(b.body):
        return None
    words = _content_words(b.body)
    if len(words) < 4:
        return None
    for k in range(b.i + 1, min(b.i + 1 + limits.standfirst_reach, len(b.blocks))):
        share = len(words & _content_words(b.body_of(k))) / len(words)
        if share >= limits.standfirst_restated:
            return share
    return None


def restated_evidence(share: float) -> str:
    """The evidence of a standfirst that the lede restates."""
    return f"standfirst: a summary under the headline that the lede restates ({share:.0%} of its words)"
