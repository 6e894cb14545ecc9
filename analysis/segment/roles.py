"""Every block's role, by a table of named rules tried in order, with its evidence.

Roles come from general rules, tried in a fixed order and recorded in
``evidence``: text reuse against a paired official document first, then site
furniture (boilerplate, embeds, credits, bylines; :mod:`analysis.segment.furniture`),
the headline, official text (a document title, an attribution line such as
"From The White House:", a readout's opening formula, a readout inside quotation
marks; :mod:`analysis.segment.official`) and its continuation, quotations, and
finally the journalist's own prose.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from analysis.segment.blocks import Block
from analysis.segment.bylines import _BYLINE, _NUMERIC_DATE, _byline
from analysis.segment.furniture import (
    ROLE_LINE,
    _author_box,
    _bio,
    _credit,
    _embed,
    _furniture,
    _no_words,
    _related_list,
)
from analysis.segment.limits import RoleLimits
from analysis.segment.official import (
    _OFFICIAL_TITLE,
    _attribution_line,
    _briefing_question,
    _document_title,
    _official_document,
    _official_run,
    _official_title,
    _opening_formula,
    _quoted_official,
    reads_as_readout,
)
from analysis.segment.view import (
    HEADLINE,
    STANDFIRST,
    BlockView,
    RoleState,
    _content_words,
    _date_line,
    _headline_like,
    _restated_share,
    _snippet,
    _title_case_share,
    restated_evidence,
)
from analysis.text import DATELINE, OPEN_QUOTES, normalise

__all__ = ["ROLE_RULES", "classify_blocks"]


# A news template's labels ("Source: ...", "Details: ..."): the reporter's attribution, not a title.
_TEMPLATE_LABEL = re.compile(r"^(?:Sources?|Via|Details|Background|Context|Quote)\s*:", re.I)
_LABEL_START = re.compile(r"^[A-Z][\w’']*(?:\s+[\w’']+)?\s*:\s")  # "Source: ...", "Details: ..."


def _reused(b: BlockView) -> bool:
    if b.reuse is None or b.reuse[0] < b.limits.reuse_share:
        return False
    if _standfirst_like(b) or _restated_share(b) is not None:
        return False  # display copy: a standfirst is placed where it is printed
    share, official_id = b.reuse
    b.block.reused = True
    return b.prose(
        "official",
        f"{share:.0%} of its words are in word {b.limits.reuse_n}-grams shared with "
        f"official document {official_id}",
        official_id,
    )


def _short_first_line(b: BlockView) -> bool:
    """A one-sentence first line that ends with a period, with bylines or dates under it."""
    if b.n_words > 25 or "\n" in b.body or b.body.count(". ") > 0:
        return False
    below = b.body_of(b.i + 1).strip()
    return (
        bool(below)
        and len(below.split()) <= 6
        and (_date_line(below) or bool(_NUMERIC_DATE.match(below)) or bool(_BYLINE.match(below)))
    )


def _headline(b: BlockView) -> bool:
    if b.state.seen_prose:
        return False
    if not (b.headline_like or _short_first_line(b)) or _TEMPLATE_LABEL.match(b.body):
        return False
    if b.kind == "news" and _document_title(b.body):
        # A readout or statement in a file of its own, its kind not given.
        b.state.official_document = True
        return b.decide("headline", f"title of an official document: {_snippet(b.body)}")
    if b.title and normalise(b.body) == normalise(b.title):
        evidence = "same as the title in the metadata"
    elif b.headline_like:
        evidence = HEADLINE
    else:
        evidence = "first short line, above the story's bylines and dates"
    b.state.seen_prose = True
    return b.decide("headline", evidence)


def _standfirst_like(b: BlockView) -> bool:
    """Whether a block is a sentence-case line under the headline, with no story above it."""
    if not b.headline_like or b.i == 0:
        return False
    if b.state.standfirst and not _bullet_after_bullet(b):
        return False  # one standfirst, or a list of bullets under the headline
    # Above it: a headline, and nothing but headlines and furniture.
    if not b.headlines_above or not b.above_the_story():
        return False
    return not (
        _OFFICIAL_TITLE.match(b.body)
        or _title_case_share(b.body) >= b.limits.title_case_share
        or ROLE_LINE.match(b.body.strip())  # "Diplomatic correspondent", under a byline
    )


_BULLETS = "•·▪►"


def _bullet_after_bullet(b: BlockView) -> bool:
    """Whether a block and the block above it both open with a bullet ("• …")."""
    above = b.blocks[b.i - 1]
    return (
        b.body.lstrip()[:1] in _BULLETS
        and above.role == "headline"
        and b.text[above.start : above.end].lstrip()[:1] in _BULLETS
    )


def _standfirst(b: BlockView) -> bool:
    """A sentence-case line under the headline is its standfirst (dek): display copy."""
    if not _standfirst_like(b):
        return False
    b.state.standfirst = True
    return b.decide("headline", STANDFIRST)


def _restated_standfirst(b: BlockView) -> bool:
    """A one-sentence summary under the headline that the lede below restates: the standfirst.

    Ended with a full stop or not ("The minister tells the envoy the port will
    reopen." above "The minister told the envoy on Monday that the port …").
    """
    share = None if b.state.official_document else _restated_share(b)
    if share is None:
        return False  # an official document's own: its rule decides (with this test)
    b.state.standfirst = True
    return b.decide("headline", restated_evidence(share))


def _repeated_headline(b: BlockView) -> bool:
    """A page that prints its headline twice (above and below a date line)."""
    if not b.headline_like or b.n_words < 3:
        return False
    if b.starts_a_headline_above(normalise(b.body)):
        return b.decide("headline", "the headline, printed again")
    return False


# A speaker's label in capitals opening a transcript's turn: "TOM HOLM, HOST: …",
# "VARGA: …", "ANA VARGA, FOREIGN MINISTER OF RURITANIA: …".
_TURN = re.compile(
    r"(?P<name>[A-Z][A-Z.’'-]+(?:\s+[A-Z][A-Z.’'-]+){0,3})"
    r"(?:,\s*(?P<role>[A-Z][A-Z0-9 ,.’'&()-]{1,80}?))?:\s+\S"
)
# Labels in capitals that name no speaker.
_NOT_SPEAKERS = frozenset(
    "UPDATE NOTE CORRECTION CLARIFICATION WATCH READ RELATED BREAKING ALSO PHOTOS VIDEO "
    "SOURCE QUOTE DETAILS BACKGROUND EXCLUSIVE ANALYSIS OPINION LIVE Q A".split()
) | {"EDITOR'S NOTE", "EDITOR’S NOTE", "READ MORE", "JUST IN", "WATCH LIVE"}
_HOST_ROLE = re.compile(r"\b(?:HOST|ANCHOR|CO-HOST|CORRESPONDENT|REPORTER|MODERATOR|INTERVIEWER)\b")


def _transcript_turns(b: BlockView) -> dict[str, bool]:
    """Each speaker of a transcript (its surname in capitals) and whether they host it.

    Empty unless three turns or more open on a label in capitals, and someone
    introduced by a full name or a role ("TOM HOLM, HOST:", "JO REED:") speaks again:
    a live blog's "UPDATE: …", a match report's "GOAL: …" or a review's "PROS: …"
    make no transcript.
    """
    if b.state.transcript is None:
        turns = [_TURN.match(b.body_of(k)) for k in range(len(b.blocks))]
        turns = [t for t in turns if t is not None and t.group("name") not in _NOT_SPEAKERS]
        surnames = Counter(t.group("name").split()[-1] for t in turns)
        introduced = {
            t.group("name").split()[-1]
            for t in turns
            if len(t.group("name").split()) > 1 or t.group("role")
        }
        speakers: dict[str, bool] = {}
        if len(turns) >= 3 and any(surnames[n] > 1 for n in introduced):
            for turn in turns:
                surname = turn.group("name").split()[-1]
                host = bool(turn.group("role") and _HOST_ROLE.search(turn.group("role")))
                speakers[surname] = speakers.get(surname, False) or host
        b.state.transcript = speakers
    return b.state.transcript


def _transcript_turn(b: BlockView) -> bool:
    """A turn in a broadcast's transcript: the host's words the journalist's, a guest's quoted."""
    turn = _TURN.match(b.body) if b.body[:1].isupper() else None
    speakers = _transcript_turns(b) if turn is not None else {}
    surname = turn.group("name").split()[-1] if turn is not None else ""
    if surname not in speakers:
        return False
    if speakers[surname]:
        return b.prose("journalist", f"the host's turn in a transcript ({_snippet(surname)})")
    name = " ".join(w.capitalize() for w in turn.group("name").split())
    return b.prose("quote", f"a guest's turn in a transcript ({_snippet(surname)})", name)


def _subhead(b: BlockView) -> bool:
    """A short heading between paragraphs of the story, on the story's own subject.

    "Sanctions and grain" above a paragraph about sanctions and grain: every
    content word of it is in the paragraph below or in the headline. A related
    article's headline names another story, and is longer.
    """
    if not (b.state.seen_prose and b.headline_like and b.n_words <= b.limits.subhead_max_words):
        return False
    if b.state.related_list or _LABEL_START.match(b.body):
        return False
    words = _content_words(b.body)
    below = b.body_of(b.i + 1)
    if not words or len(below.split()) < 15 or _headline_like(below, limits=b.limits):
        return False
    around = _content_words(below) | _content_words(" ".join(b.headlines_above))
    if not words <= around:
        return False
    return b.decide(
        "headline", "a subheading: its words are the paragraph's below or the headline's"
    )


def _related_link(b: BlockView) -> bool:
    if not (b.state.seen_prose and b.headline_like and b.n_words >= 3):
        return False
    if _title_case_share(b.body) < b.limits.title_case_share or _LABEL_START.match(b.body):
        return False
    return b.decide("boilerplate", "title-case headline inside the body (a related-article link)")


def _quote(b: BlockView) -> bool:
    share = b.block.quote_share
    opens_with_quote = b.body.lstrip()[:1] in OPEN_QUOTES + '"'
    limits = b.limits
    if share >= limits.quote_share or (opens_with_quote and share >= limits.quote_share_opening):
        if b.quoted_source:
            return b.prose(
                "official",
                f"{share:.0%} of it is quoted, from an institution or a document: "
                f"{_snippet(b.quoted_source)}",
                b.quoted_source,
            )
        return b.prose("quote", f"{share:.0%} of its characters are inside quotation marks")
    return False


def _journalist(b: BlockView) -> bool:
    dateline = DATELINE.match(b.body)
    if dateline:
        return b.prose("journalist", f"wire dateline: {_snippet(dateline.group())}")
    return b.prose("journalist", "reporter's prose (no other rule applies)")


ROLE_RULES: tuple[tuple[str, Callable[[BlockView], bool]], ...] = (
    ("reused from a paired document", _reused),
    ("site furniture", _furniture),
    ("author box", _author_box),
    ("author bio", _bio),
    ("social-media embed", _embed),
    ("photo credit or caption", _credit),
    ("byline", _byline),
    ("no words", _no_words),
    ("related-links list", _related_list),
    ("standfirst restated by the lede", _restated_standfirst),
    ("question at a briefing", _briefing_question),
    ("official document", _official_document),
    ("headline", _headline),
    ("standfirst", _standfirst),
    ("headline repeated", _repeated_headline),
    ("official document title", _official_title),
    ("attribution line", _attribution_line),
    ("continues official text", _official_run),
    ("readout opening formula", _opening_formula),
    ("official text in quotation marks", _quoted_official),
    ("turn in a transcript", _transcript_turn),
    ("subheading", _subhead),
    ("related-article link", _related_link),
    ("quotation block", _quote),
    ("journalist", _journalist),
)
"""The role rules in the order they are tried: the first that decides a block wins.

Each takes a :class:`BlockView`, and when it applies, sets the block's role,
evidence and source (and what the rules after it need to remember, in the
view's :class:`RoleState`) and returns True. To add a rule, write one such
function and put it in its place here.
"""


def classify_blocks(
    text: str,
    spans: list[tuple[int, int]],
    *,
    kind: str = "news",
    quote_share: list[float] | None = None,
    quoted_with_cue: list[bool] | None = None,
    reuse: list[tuple[float, str]] | None = None,
    title: str = "",
    source: str = "",
    quoted_source: list[str] | None = None,
    rules: tuple[tuple[str, Callable[[BlockView], bool]], ...] = ROLE_RULES,
    role_limits: RoleLimits | None = None,
) -> list[Block]:
    """Give every block a role, a source and the evidence for the decision.

    Args:
        text: The article text.
        spans: The blocks' ``(start, end)``, from :func:`paragraph_spans`.
        kind: ``news`` or ``official``; an official document's title and
            highlights are ``headline``, its body ``official``, its furniture
            (date and author lines, sign-up prompts, end marks) byline or boilerplate.
        quote_share: For each block, the share of its characters inside quotation marks.
        quoted_with_cue: For each block, whether it holds a quotation with a speech cue.
        reuse: For each block, ``(share, official_id)`` of its words in n-grams
            shared with a paired official document (:func:`reused_shares`), if any.
        title: The article's title from its metadata, if any.
        source: Who speaks in an official document (its outlet), for ``source``.
        quoted_source: For each block, the institution or document its longest
            quotation is attributed to ("" for a person, or none).
        rules: The rule table (:data:`ROLE_RULES`).
        role_limits: The limits the rules read (:class:`RoleLimits`; the defaults if none).

    Returns:
        One :class:`Block` per span; its ``rule`` names the rule that decided it.
    """
    quote_share = quote_share or [0.0] * len(spans)
    quoted_with_cue = quoted_with_cue or [False] * len(spans)
    blocks = [Block(lo, hi, quote_share=quote_share[i]) for i, (lo, hi) in enumerate(spans)]
    readout = reads_as_readout(text, spans) if kind == "news" else ""
    state = RoleState(official_document=kind == "official" or bool(readout), readout_text=readout)
    # One view, moved from block to block: the rules see the block it points at.
    limits = role_limits or RoleLimits()
    view = BlockView(
        text, blocks, 0, "", "", 0, False, kind, title, source, False, None, state, limits=limits
    )
    for i, block in enumerate(blocks):
        body = text[block.start : block.end]
        n_words = len(body.split())
        view.i, view.body, view.n_words = i, body, n_words
        view.first_line = body.splitlines()[0] if body else ""
        view.headline_like = _headline_like(body, n_words, limits=limits)
        view.quoted_with_cue = quoted_with_cue[i]
        view.reuse = reuse[i] if reuse is not None else None
        view.quoted_source = quoted_source[i] if quoted_source is not None else ""
        for name, rule in rules:
            if rule(view):
                block.rule = name
                break
        view.passed()
    return blocks
