"""Official text inside a document: the rules that find it, and sentences that reuse it.

An official text shows itself by a document's title ("Readout of ..."), an
attribution line introducing it ("From The White House:"), a readout's opening
formula ("... spoke today with ..."), quotation marks around a readout, or a
quotation of an institution or a document; a run of it goes on until a block
reads like reporting. :func:`official_runs` gives the runs a news article
embeds, each a derived official document.
"""

from __future__ import annotations

import re

from analysis.segment.blocks import Block
from analysis.segment.limits import RoleLimits
from analysis.segment.view import BlockView, _restated_share, _snippet, _words, restated_evidence
from analysis.text import DATE, OPEN_QUOTES, WEEKDAY, normalise

__all__ = ["official_runs", "official_source", "sentence_roles"]


# A briefing's transcript: "Press Briefing by Press Secretary …", "Foreign Ministry
# Spokesperson Ida Lund's Regular Press Conference on May 4, 2031".
# Dated, to the end of the line: not "Mayor Berg's Press Conference on Fees Ends in Uproar".
_BRIEFING_TITLE = (
    rf"(?:(?:Daily\s+)?Press\s+Briefing\s+by\s+(?:the\s+)?[A-Z][^\n]{{1,80}}?,\s*{DATE}"
    r"|(?:[A-Z][\w’'.-]*\s+){1,6}?[A-Z][\w.-]*['’]s\s+(?:Regular\s+)?Press\s+(?:Conference|Briefing)"
    rf"\s+on\s+{DATE})\s*$"
)
_OFFICIAL_TITLE = re.compile(
    r"^(?:Readout|Joint\s+Readout|Statement|Joint\s+Statement|Remarks|Press\s+Release|"
    r"Fact\s+Sheet|FACT\s+SHEET|Transcript|Communiqu[eé]|Joint\s+Communiqu[eé]|"
    r"(?:Joint\s+)?Declaration|Press\s+Statement|Background\s+Press\s+Call|"
    r"Telephone\s+(?:conversation|call)\s+with|Meeting\s+with|Call\s+with|"
    r"Secretary\s+\w+['’]s\s+(?:Call|Meeting)|Prime\s+Minister['’]s\s+(?:call|meeting)|"
    rf"{_BRIEFING_TITLE})\b",
)
_SOURCE_WORDS = re.compile(
    r"\b(?:from|via|per|read|here\s+is|here['’]s|below|full\s+text|full\s+statement|"
    r"statement|readout|release|transcript|communiqu[eé]|declaration|said|says|reads|"
    r"White\s+House|Kremlin|Ministry|Department|Office|Government|Embassy|Downing\s+Street|"
    r"Élysée|Chancellery|Commission|Council)\b",
    re.IGNORECASE,
)
_INSTITUTION = re.compile(
    r"(?:the\s+)?(?:White\s+House|Kremlin|State\s+Department|Pentagon|Downing\s+Street|"
    r"Élysée(?:\s+Palace)?|[A-Z][\w’']+(?:\s+[A-Z][\w’']+)*\s+(?:Ministry|Department|Office|"
    r"Government|Embassy|Commission|Council)(?:\s+of\s+[A-Z][\w’']+(?:\s+[A-Z][\w’']+)*)?|"
    r"Ministry\s+of\s+[A-Z][\w’']+(?:\s+[A-Z][\w’']+)*|Prime\s+Minister['’]s\s+Office)",
)
_TITLE_OPENER = (
    r"(?:The\s+|U\.S\.\s+|US\s+)?(?:President|Vice\s+President|Prime\s+Minister|Secretary|"
    r"Chancellor|Minister|Foreign\s+Minister|Premier|Leaders?|two\s+leaders|Ministers|"
    r"His\s+Majesty|Her\s+Majesty|Crown\s+Prince|King|Queen|Emir|Sheikh|General\s+Secretary|"
    r"State\s+Council(?:l)?or|Member|Director)"
)
# A name may hold the periods of initials and suffixes ("Joseph R. Biden, Jr.").
_NO_SENTENCE_END = r"(?:[^.]|(?<=\b[A-Z])\.|(?<=\bJr)\.|(?<=\bSr)\.)"
# A readout may open on when or at whose initiative the call was held: "On the evening
# of 3 February, …", "On their joint initiative, …", "At the request of …, …".
_FORMULA_LEAD = r"(?:(?:On|At|In|Upon)\s+[^,.“\"]{3,60},\s+)?"
_OPENING_FORMULA = re.compile(
    rf"^[“\"]?{_FORMULA_LEAD}(?:(?:the\s+)?(?:[A-Z][\w’'.-]+\s+){{0,2}}{_TITLE_OPENER}\b"
    rf"{_NO_SENTENCE_END}{{0,160}}?|[A-Z][\w’'-]+\s+[A-Z][\w’'-]+\s+)"
    r"(?:spoke|met|talked|held\s+(?:talks|a\s+(?:telephone\s+|phone\s+|video\s+)?(?:call|conversation))|"
    r"had\s+a\s+(?:telephone\s+|phone\s+|video\s+)?(?:call|conversation)|hosted|received)\b"
    r"[^.]{0,120}?\bwith\b"
)
_ACTOR_OPENING = re.compile(
    rf"^[“\"]?(?:(?:[A-Z][\w’'.-]+\s+){{0,2}}{_TITLE_OPENER}\b|(?:They|Both|The\s+two|We|He|She|"
    r"The\s+leaders|The\s+ministers|The\s+sides|Both\s+sides|The\s+(?:President|Prime\s+Minister)))"
)
# When a readout says the call was: "today", "this morning", "on the evening of 3 February".
_TODAYISH = re.compile(
    r"\b(?:today|this\s+(?:morning|afternoon|evening)|earlier\s+today|"
    r"on\s+the\s+(?:morning|afternoon|evening|night)\s+of)\b"
    # A readout dating its call at its start: "On May 4, President … held a telephone
    # conversation with …" (a ministry's or a presidency's formula).
    rf"|^[“\"]?On\s+{DATE},\s",
    re.IGNORECASE,
)
_JOURNALIST_MARKERS = re.compile(
    rf"\b{WEEKDAY}\b(?!,?\s+\d)|\blast\s+(?:week|month|year)\b|\baccording\s+to\b|\btold\s+(?:reporters|journalists|"
    rf"the\s+\w+|[A-Z]\w+)|\breported\b|\bnews\s+agency\b|\bthe\s+(?:readout|statement)\s+(?:said|says|added)\b|"
    rf"\b(?:he|she|they|officials|spokesman|spokeswoman|spokesperson)\s+said\b|"
    rf"\bsaid\s+(?:on|in\s+a|at\s+a|{WEEKDAY})\b|\b(?:Reuters|Associated\s+Press|CNN|AFP|Bloomberg|"
    rf"analysts?|critics|experts)\b|\b(?:readout|statement)\s+(?:of|from)\s+the\b"
)


# Titles an official document gives itself (not a news headline's wording).
# Titles an official document gives itself, in the issuer's wording and case ("Phone
# call between Biden and Xi 'candid', White House says" is a news headline).
_DOCUMENT_TITLE = re.compile(
    r"^(?:Readout\s+of|READOUT\s+OF|Joint\s+Readout|(?:Joint\s+)?Statement\s+(?:by|from|of)\s+"
    r"(?:the\s+)?[A-Z]|Statement\s+on\s+(?:the\s+)?(?:PM|Prime\s+Minister)['’]s\s+(?:call|meeting)"
    r"|[Tt]elephone\s+(?:[Cc]onversation|[Cc]all|[Tt]alks|[Cc]onference)\s+(?:with|between)\b"
    r"|(?:PM|Prime\s+Minister)['’]?s?\s+(?:phone\s+)?(?:call|conversation|meeting)\s+with\b"
    r"|Secretary\s+\w+['’]s\s+(?:Phone\s+)?(?:Call|Meeting)\s+[Ww]ith|Press\s+Release\b"
    r"|Remarks\s+by\s+(?:the\s+)?(?:President|Prime\s+Minister|Vice\s+President|Secretary)"
    rf"|{_BRIEFING_TITLE}"
    # A foreign ministry's title case, its small words small: "Wang Yi Has a Phone Call
    # with …", "Ana Varga Holds Phone Talks with …", "Japan-Norland Summit Telephone Talk".
    r"|(?:[A-Z][\w’'.-]*\s+){1,4}(?:Ha(?:s|d)\s+an?\s+(?:Tele)?[Pp]hone\s+(?:Call|Conversation)"
    r"|Holds?\s+(?:Tele)?[Pp]hone\s+Talks|Talks\s+by\s+(?:Tele)?[Pp]hone)\s+with\s+[A-Z]"
    r"|[A-Z][\w’'.-]*-[A-Z][\w’'.-]*\s+(?:Summit|Foreign\s+Ministers['’]?|Leaders['’]?)\s+"
    r"(?:Telephone\s+Talk|Meeting|Video\s+Conference)\b"
    # A ministry's dated title, an office and a name, possessive: "Minister for Foreign
    # Affairs Dr Ana Varga's Telephone Call with …, 18 March 2031" (a news headline on
    # a call goes on after the name: "…'s Phone Call With Berg Sparks a Row").
    rf"|(?:(?:[A-Z][\w’'.-]*|for|of|and|the)\s+){{0,10}}?[A-Z][\w.-]*['’]s\s+"
    r"(?:(?:Tele)?[Pp]hone\s+(?:Call|Conversation|Talks?)|Video\s+(?:Call|Conference)|Meeting)"
    rf"\s+[Ww]ith\s+[^,\n]{{3,120}},\s*{DATE}\s*$)"
)
# A headline that reports: a quotation or a speech verb ("..., White House says").
_REPORTING_TITLE = re.compile(r"[“”\"]|(?:^|\s)[‘'](?=\w)|\b(?i:says|said|tells|told|claims)\b")


# The government bodies and documents whose quoted words are official text; news
# agencies, outlets, parties and people are not ("AP", "Washington Post", "House
# Speaker ...").
_OFFICIAL_SPEAKER = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:[\w’'.-]+\s+){0,4}(?:statement|readout|release|communiqu[eé]"
    r"|declaration|press\s+release)\b"
    r"|^(?:the\s+)?(?:White\s+House|Kremlin|Downing\s+Street|Élysée(?:\s+Palace)?|Pentagon"
    r"|State\s+Department)$"
    r"|^(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){0,4}(?:Ministry|Department|Office|Government|Embassy"
    r"|Presidency|Cabinet|Secretariat|Press\s+Service|Commission)(?:\s+of\s+[A-Z][\w’' ]+)?$"
    r"|^(?:the\s+)?(?:Ministry|Department|Office)\s+of\s+[A-Z][\w’' ]+$",
    re.IGNORECASE,
)


def official_source(speaker: str) -> bool:
    """Whether a quotation's speaker is a government body or an official document.

    >>> official_source("Kremlin"), official_source("the statement"), official_source("AP")
    (True, True, False)
    >>> official_source("Washington Post"), official_source("Foreign Ministry of India")
    (False, True)
    """
    return bool(speaker) and _OFFICIAL_SPEAKER.match(speaker) is not None


def _institution(text: str) -> str:
    match = _INSTITUTION.search(text)
    if not match:
        return ""
    name = match.group().strip()
    return name[4:] if name.lower().startswith("the ") else name


def _document_title(text: str) -> bool:
    """An official document's own title: its wording, and no quotation or speech verb."""
    return _DOCUMENT_TITLE.match(text) is not None and not _REPORTING_TITLE.search(text)


# How a readout ends: "The two presidents agreed to maintain contacts", "They agreed
# to stay in close touch", "… agreed to speak again soon".
_READOUT_CLOSE = re.compile(
    r"\bagreed\s+to\s+(?:(?:maintain|keep|stay|remain)\s+(?:in\s+)?(?:close\s+)?(?:contacts?|touch)"
    r"|(?:speak|talk)\s+(?:again|soon)|continue\s+(?:their\s+)?contacts"
    # "… agreed to keep a direct line open", "… to keep lines of communication open".
    # Not "keep the line open" (a ferry line): the line is one between them.
    # "… lines of communication open", "… a direct line open between them" (not to the
    # coastguard, and not bare "channels": a strike's sides keep those open too).
    r"|(?:maintain|keep)\s+(?:an?\s+|the\s+)?(?:(?:lines?|channels?)\s+of\s+communication\s+open"
    r"|direct\s+(?:lines?|channels?)\s+open\s+between\s+(?:them|the\s+(?:two|leaders))))\b"
)
# What a news story has and a readout has not: quotation marks, a reporting verb.
_NEWS_MARKS = re.compile(r"[“”\"«»]|\b(?:said|says|told|tells|according\s+to|reported)\b")


def reads_as_readout(text: str, spans: list[tuple[int, int]], min_paragraphs: int = 3) -> str:
    """Why a text of no given kind reads as an official readout, or ``""``.

    A readout copied without its title ("Vladimir Putin congratulated …") tells
    its own: no quotation, no reporting verb, and a last paragraph in the
    readout's closing formula. A news story of the same call quotes or says who
    said so.

    Args:
        text: The document's text.
        spans: Its blocks.
        min_paragraphs: Fewest paragraphs of prose (ten words or more) it needs.
    """
    if _NEWS_MARKS.search(text):  # first: almost every news story stops here, cheaply
        return ""
    prose = [(lo, hi) for lo, hi in spans if len(text[lo:hi].split()) >= 10]
    if len(prose) < min_paragraphs:
        return ""
    lo, hi = prose[-1]
    if not _READOUT_CLOSE.search(text, lo, hi):
        return ""
    return "its text reads as a readout: no quotation or reporting verb, and its closing formula"


def _only_short_lines_follow(b: BlockView, words: int = 6) -> bool:
    """Whether every block after this one is a line of at most ``words`` words."""
    return all(len(_words(b.body_of(k))) <= words for k in range(b.i + 1, b.last + 1))


def _repeated_by_next(b: BlockView) -> bool:
    below = b.body_of(b.i + 1)
    return bool(below) and normalise(below).startswith(normalise(b.body))


def _attribution(body: str) -> str | None:
    """The source named by a short line introducing official text, or ``None``.

    "From The White House:" gives "White House"; a line naming no institution gives "".
    """
    stripped = body.strip()
    if not stripped.endswith(":") or len(_words(stripped)) > 25:
        return None
    if not _SOURCE_WORDS.search(stripped):
        return None
    return _institution(stripped)


_QUOTED_INTRO = re.compile(
    r"^(?P<intro>[^“\"]{0,200}?(?:statement|readout|release|communiqu[eé]|said|says|reads|read)"
    r"[^“\"]{0,60}?:)\s*[“\"]"
)


def _quoted_readout(body: str) -> str | None:
    """The source of an official text quoted after an introduction, or ``None``.

    'The Kremlin said in a statement: "..."' gives "Kremlin".
    """
    if ":" not in body or ("“" not in body and '"' not in body):
        return None  # most blocks: the pattern needs a colon and then a quotation mark
    match = _QUOTED_INTRO.match(body)
    if not match:
        return None
    intro = match.group("intro")
    source = _institution(intro)
    rest = body[match.end() :]
    if not source and not re.search(r"statement|readout|communiqu|release", intro, re.IGNORECASE):
        return None
    if len(_words(rest)) < 12:
        return None
    return source


def _continuation_evidence(after_attribution: bool) -> str:
    if after_attribution:
        return "first paragraph after an attribution line"
    return "continues the official text (no reporting cue, weekday or outlet named)"


def _official_document(b: BlockView) -> bool:
    """An official document's own text: its title and highlights, then its body."""
    if not b.state.official_document:
        return False
    if not b.state.seen_prose:
        if b.headline_like:
            return b.decide("headline", "title or highlight of an official document")
        if _repeated_by_next(b):
            return b.decide("headline", "summary repeated as the document's first paragraph")
        share = _restated_share(b)
        if share is not None:  # restated in other words: "The Prime Minister spoke to …"
            b.state.standfirst = True
            return b.decide("headline", restated_evidence(share))
    unpunctuated = not b.body.rstrip().endswith((".", "!", "?", '"', "”", ":"))
    if b.n_words <= 6 and unpunctuated and _only_short_lines_follow(b):
        return b.decide("boilerplate", "short lines after the document's body (site furniture)")
    evidence = "part of an official document"
    if b.kind == "official":
        evidence += " (kind 'official')"
    else:
        evidence += f" ({b.state.readout_text or 'its title says so'})"
    return b.prose("official", evidence, b.source)


# A question put at a briefing, in its transcript: "Q: …", "Q    Thank you, …" (a
# tab or spaces after the Q), "Question: …"; or a questioner named with a colon before
# a question ("Harbour Daily: … What is the ministry's comment?").
_QUESTION_LABEL = re.compile(r"\s*(?:Q(?:uestion)?\s*[:.]\s|Q(?:\t|\s{2,})|Q\s(?=[A-Z“\"]))")
_NAMED_LABEL = re.compile(r"\s*(?P<label>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,5}):\s+\S")
# A transcript's title: an FAQ's "Q: Who can apply?" is the government's own words.
_TRANSCRIPT_TITLE = re.compile(
    r"\b(?:briefing|press\s+conference|news\s+conference|transcript|media\s+availability"
    r"|gaggle|interview|remarks)\b",
    re.IGNORECASE,
)


def _briefing_question(b: BlockView) -> bool:
    """A journalist's question in an official document's transcript: their words, not its own.

    Only under a transcript's title ("Press Briefing by …", "… Regular Press
    Conference …"). The answers ("A: …", "Ida Lund: …") stay the document's; a
    questioner named before a question is one whose label never opens an answer.
    A questioner's words are a quotation of them, so a reuse or readability measure
    of the government's words leaves them out.
    """
    if not b.state.official_document or b.n_words < 3:
        return False
    # The cheap tests first: most blocks open on no label.
    asked = _QUESTION_LABEL.match(b.body) is not None
    # A questioner named, in capitals each word, once the document's text has begun.
    named = None
    if not asked and b.state.seen_prose and b.body.rstrip().endswith("?"):
        named = _NAMED_LABEL.match(b.first_line)
    if not (asked or named) or not _under_a_transcript_title(b):
        return False
    if asked:
        return b.prose("quote", "a question put at a briefing ('Q:' in the transcript)")
    label = named.group("label")
    if label.upper() in {"A", "ANSWER"} or label in _answering(b):
        return False
    return b.prose("quote", f"a question put at a briefing by {_snippet(label)}", label)


def _under_a_transcript_title(b: BlockView) -> bool:
    """Whether the document's first headline names a transcript ("Press Briefing by …")."""
    title = next((blk for blk in b.blocks[: b.i] if blk.role == "headline"), None)
    return title is not None and bool(_TRANSCRIPT_TITLE.search(b.text[title.start : title.end]))


def _answering(b: BlockView) -> set[str]:
    """The labels that open a block asking no question: the answers' (read once)."""
    if b.state.answering is None:
        labels = ((_NAMED_LABEL.match(b.body_of(k)), b.body_of(k)) for k in range(len(b.blocks)))
        b.state.answering = {
            m.group("label") for m, body in labels if m and not body.rstrip().endswith("?")
        }
    return b.state.answering


def _official_title(b: BlockView) -> bool:
    if not (b.headline_like and _OFFICIAL_TITLE.match(b.body)):
        return False
    if b.kind == "news" and _document_title(b.body) and b.above_the_story():
        # Under a kicker or an issuing office, with no story above: a document of its own.
        b.state.official_document = True
        return b.decide("headline", f"title of an official document: {_snippet(b.body)}")
    state = b.state
    state.official_run = _institution(b.body) or state.official_run or "official document"
    state.unintroduced = state.after_attribution = state.quoted_run = False
    return b.prose("official", f"official document title: {_snippet(b.body)}", state.official_run)


# A label over the official text a story reproduces: "THE READOUT", "Full text of the
# statement", "The statement in full".
_DOCUMENT_LABEL = re.compile(
    r"\s*(?:(?:the\s+)?full\s+(?:text|readout|statement|transcript)(?:\s+of\s+the\s+\w+)?"
    r"|the\s+(?:official\s+)?(?:readout|statement|transcript|communiqu[eé]|press\s+release)"
    r"\s+in\s+full"
    # In capitals, a label; "The statement" in title case may be a story's subheading.
    r"|THE\s+(?:OFFICIAL\s+)?(?:READOUT|STATEMENT|TRANSCRIPT|COMMUNIQU[EÉ]|PRESS\s+RELEASE))\s*",
    re.IGNORECASE,
)


def _attribution_line(b: BlockView) -> bool:
    state = b.state
    label = _DOCUMENT_LABEL.fullmatch(b.body) if b.n_words <= 8 else None
    if state.seen_prose and label and (b.body.isupper() or "full" in b.body.lower()):
        state.official_run, state.after_attribution = "official document", True
        state.unintroduced = state.quoted_run = False
        return b.decide("boilerplate", f"a label over the official text: {_snippet(b.body)}")
    attribution = _attribution(b.body)
    if attribution is None:
        return False
    state.official_run, state.after_attribution = attribution or "official document", True
    state.unintroduced = state.quoted_run = False
    return b.prose("journalist", "attribution line introducing official text")


def _official_run(b: BlockView) -> bool:
    """Inside official text reproduced in the article: does this block go on with it?"""
    state = b.state
    if not state.official_run:
        return False
    marker = _JOURNALIST_MARKERS.search(b.body)
    if state.after_attribution and b.headline_like:
        state.after_attribution = False
        return b.decide("official", "title right after an attribution line", state.official_run)
    # A readout pasted in without an introduction ends where its paragraphs
    # stop opening on the actors (a title, "They", "The leaders").
    in_voice = not state.unintroduced or _ACTOR_OPENING.match(b.body) is not None
    opens_quoted = b.body.lstrip()[:1] in OPEN_QUOTES + '"'
    # Introduced and held in quotation marks closed at the paragraph's end, the text
    # ends with its marks: an unquoted paragraph after it is the reporter's again.
    goes_on = not (state.quoted_run and not opens_quoted)
    if goes_on and marker is None and not b.quoted_with_cue and not b.headline_like and in_voice:
        closed = opens_quoted and b.body.rstrip().rstrip(".")[-1:] in '”"»’'
        state.quoted_run = state.quoted_run or (state.after_attribution and closed)
        evidence = _continuation_evidence(state.after_attribution)
        state.after_attribution = False
        return b.decide("official", evidence, state.official_run)
    if marker is None and b.body.lstrip()[:1] in OPEN_QUOTES + '"':
        return b.decide(
            "official", "continues a readout reproduced inside quotation marks", state.official_run
        )
    state.official_run, state.after_attribution, state.unintroduced = "", False, False
    state.quoted_run = False
    return False


def _opening_formula(b: BlockView) -> bool:
    body = b.body
    formula = _OPENING_FORMULA.match(body)
    if not formula:
        return False
    quoted = body.lstrip()[:1] in OPEN_QUOTES + '"'
    if not quoted and (_JOURNALIST_MARKERS.search(body) or not _TODAYISH.search(body)):
        return False
    b.state.official_run = _institution(body) or "official document"
    b.state.unintroduced, b.state.quoted_run = True, False
    if b.above_the_story() and b.kind == "news":
        # The document opens on the formula, with no headline: a readout in its own file.
        b.state.official_document = True
    return b.prose("official", f"readout opening formula: {_snippet(formula.group())}")


def _quoted_official(b: BlockView) -> bool:
    quoted_readout = _quoted_readout(b.body)
    if quoted_readout is None:
        return False
    b.state.official_run = quoted_readout or "official document"
    b.state.quoted_run = False
    return b.prose("official", "official text reproduced inside quotation marks", quoted_readout)


def sentence_roles(
    blocks: list[Block],
    sentences: list[list[tuple[int, int]]],
    reuse: list[tuple[float, str]] | None = None,
    *,
    role_limits: RoleLimits | None = None,
) -> list[tuple[int, int, int, str, str]]:
    """Give each sentence of the blocks a role.

    A sentence takes its block's role, except that a sentence reproducing a
    paired official document word for word is ``official`` wherever it stands.

    Args:
        blocks: An article's blocks, from :func:`classify_blocks`.
        sentences: Each block's sentences, ``(start, end)`` (see :class:`Layout`).
        reuse: For each sentence in order, ``(share, official_id)`` of its words in
            n-grams shared with a paired official document (see :class:`Layout`), if any.
        role_limits: The share of reuse that makes a sentence official
            (:class:`RoleLimits`; the defaults if none).

    Returns:
        ``(block_no, start, end, role, source)`` for every sentence.
    """
    reuse_share = (role_limits or RoleLimits()).reuse_share
    shares = iter(reuse or ())
    rows = []
    for block_no, block in enumerate(blocks):
        for start, end in sentences[block_no]:
            role, source = block.role, block.source
            if reuse is not None:
                share, official_id = next(shares)
                if role != "official" and share >= reuse_share:
                    role, source = "official", official_id
            rows.append((block_no, start, end, role, source))
    return rows


def official_runs(blocks: list[Block]) -> list[tuple[int, int, str]]:
    """Runs of official blocks found by layout (not by reuse): the embedded official texts.

    Site furniture inside a run (an "Advertisement" slot, a photo credit) does not
    end it, so a readout interrupted by an ad stays one document; it is not part
    of the run's ends.

    Returns:
        ``(start, end, source)`` of each run.
    """
    runs: list[tuple[int, int, str]] = []
    current: list = []
    for block in [*blocks, None]:
        if block is not None and block.role == "official" and not block.reused:
            current.append(block)
            continue
        if block is not None and current and block.role in ("boilerplate", "credit", "embed"):
            continue  # furniture inside a run: look at the next block
        if current:
            source = next(
                (b.source for b in current if b.source and b.source != "official document"), ""
            )
            runs.append((current[0].start, current[-1].end, source))
        current = []
    return runs
