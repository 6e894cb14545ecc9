"""Direct quotations: where they are, who said them, and the cue that says so.

A quotation is the text between a pair of double quotation marks (curly
“…”, guillemets «…», or straight "…"). Its ``start``/``end`` offsets cover
the words inside the marks. A quotation that runs over several paragraphs
(each paragraph opens with a mark, only the last one closes) gives one row
per paragraph, so no quotation crosses a block. Single quotation marks are
not read as quotations: in English news copy they mostly mark headlines,
nested quotes and apostrophes.

Speakers are found by surface patterns around the quotation in its sentence
("…,” Psaki said.", "Psaki told reporters that “…”", "…,” said Psaki.",
"Blinken, speaking in Brussels, said: “…”", "Lavrov accused the West of
“…,” saying …"), titles dropped ("White House Press Secretary Jen Psaki" →
"Jen Psaki"); a quotation without a cue continues the previous quotation's
speaker, and "he" or "she" resolves to the last named speaker. Every decision
is stated in ``speaker_evidence``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.text import CLOSE_QUOTES, DATELINE, OPEN_QUOTES, WEEKDAY

__all__ = ["Quotation", "find_quotations", "attribute_speakers", "TITLE_WORDS"]


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


def find_quotations(text: str, blocks: list[tuple[int, int]]) -> list[Quotation]:
    """Find every direct quotation, block by block.

    Args:
        text: The article text.
        blocks: ``(start, end)`` of each block, in order.

    Returns:
        Quotations in text order, each inside one block.
    """
    found: list[Quotation] = []
    for block_no, (lo, hi) in enumerate(blocks):
        opened: int | None = None
        opened_straight = False
        for mark in _QUOTE_MARK.finditer(text, lo, hi):
            pos, ch = mark.start(), mark.group()
            if ch in OPEN_QUOTES:
                opened, opened_straight = pos, False
            elif ch in CLOSE_QUOTES or (ch == '"' and opened is not None):
                if opened is not None:
                    found.append(Quotation(opened + 1, pos, block_no, opened, pos))
                    opened = None
            elif _opens(text, pos, lo):
                opened, opened_straight = pos, True
        if opened is not None:
            nxt = blocks[block_no + 1][0] if block_no + 1 < len(blocks) else None
            continues = nxt is not None and text[nxt] in OPEN_QUOTES + '"'
            if continues or not opened_straight:
                # Multi-paragraph convention, or an unclosed curly mark: quote to block end.
                found.append(Quotation(opened + 1, hi, block_no, opened, None))
    return [q for q in found if text[q.start : q.end].strip()]


_QUOTE_MARK = re.compile(f'[{OPEN_QUOTES}{CLOSE_QUOTES}"]')


def _opens(text: str, pos: int, block_start: int) -> bool:
    """A straight mark opens a quotation when it follows a space or opening punctuation."""
    return pos == block_start or text[pos - 1].isspace() or text[pos - 1] in "([{—–-:"


# --- speakers -----------------------------------------------------------------

_CUE_VERBS = (
    r"said|says|say|told|tells|added|adds|stated|states|noted|notes|explained|warned|argued|"
    r"wrote|writes|tweeted|posted|asked|replied|responded|insisted|declared|announced|"
    r"claimed|continued|stressed|emphasi[sz]ed|urged|acknowledged|remarked|recalled|"
    r"suggested|cautioned|complained|conceded|observed|pointed out|went on|reiterated|"
    r"reads|concluded|predicted|promised|vowed|admitted|described"
)
# The cue keeps a statement ("said in a statement"); other circumstances are dropped.
_CUE_TAIL = (
    r"(?:\s+in\s+(?:a|an|its|his|her|their)\s+(?:joint\s+|written\s+)?(?:statement|readout))?"
)
# "told" takes its object into the cue: "told reporters", "told CNN".
_CUE = (
    rf"(?P<cue>(?:told|tells)\s+(?:the\s+)?(?:[a-z]+|[A-Z][\w.]*)(?:\s+(?:news\s+)?agency)?"
    rf"|according\s+to|(?:{_CUE_VERBS}){_CUE_TAIL})"
)
_ROLE_NOUNS = (
    r"spokesman|spokeswoman|spokesperson|secretary|minister|adviser|advisor|aide|official|"
    r"envoy|ambassador|chief|director|president|chancellor|leader|senator|lawmaker|"
    r"correspondent|analyst|professor|researcher|commander|general|diplomat"
)
_CAP = r"(?:[A-Z]\.|Jr\.|Sr\.|[A-Z][\w’'-]*)"
# A name may carry its title, lower-case role nouns included:
# "National Security Council spokesman Adrian Watts", "presidential aide Pavel Saburov".
_NAME = (
    rf"(?:(?:[a-z]+\s+){{0,2}}(?:{_ROLE_NOUNS})\s+)?"
    rf"{_CAP}(?:\s+(?:(?:of|de|von|van|al-|bin)\s+|(?:{_ROLE_NOUNS})\s+)?{_CAP}){{0,7}}"
)
# An article or a possessive leads a description: "a Kremlin spokesman", "The
# ministry" (opening a sentence), "China's foreign ministry".
_DESCRIPTION = (
    r"(?:(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother|[A-Z][\w-]*[’']s)\s+(?:[\w-]+\s+){0,3}"
    r"(?:spokesman|spokeswoman|spokesperson|official|officials|statement|readout|"
    r"ministry|minister|source|sources|aide|diplomat|diplomats|adviser|advisor))"
)
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey)"
_SPEAKER = rf"(?P<speaker>(?:[Tt]he\s+)?{_NAME}|{_DESCRIPTION}|{_PRONOUN})"
# Between speaker and cue: an adverb, or the day in wire style ("Harlan on Friday said").
_ADVERB = (
    r"(?:\s+(?:also|later|then|further|again|previously|separately))?"
    rf"(?:\s+on\s+{WEEKDAY})?"
)

_CUE_WORD = re.compile(rf"\b(?:{_CUE_VERBS}|according\s+to)\b")
_AFTER_CUE_FIRST = re.compile(rf"^[\s,.!?—–-]*{_CUE}\s+{_SPEAKER}")
_AFTER_SPEAKER_FIRST = re.compile(rf"^[\s,.!?—–-]*{_SPEAKER},?{_ADVERB}\s+{_CUE}")
_BEFORE = re.compile(rf"{_SPEAKER},?{_ADVERB}\s+{_CUE}\b")
_ACCORDING = re.compile(rf"(?P<cue>[Aa]ccording\s+to)\s+{_SPEAKER}")
# A clause between the speaker and the cue: "Kishida, who is on a tour ahead of the
# summit he will host in Hiroshima, said", "Blinken, speaking in Brussels, said",
# "Scholz, 64, said". The subject is the name before the clause, not the last name
# inside it. The clause opens with who/whose, a participle or an age, runs to the
# first comma followed by a cue, and holds no quotation mark.
_CLAUSE = r",\s+(?:who|whose|[a-z]+ing|\d{1,3})\b"
_APPOSITION = re.compile(rf"{_SPEAKER}{_CLAUSE}[^\"“”«»]*?,{_ADVERB}\s+(?={_CUE}\b)")
_CLAUSE_OPENS = re.compile(_CLAUSE)
# "Lavrov accused the West of “hysteria,” saying Moscow had no plans": the cue is a
# participle, and the speaker is the subject that opens the sentence, before its verb.
_PARTICIPLE = re.compile(r"(?:,|^)\s+(?P<cue>saying|adding|insisting|warning|noting|telling)\b")
# An initialism may lead the subject: "U.S. President Daniel Harlan on Thursday praised".
_SUBJECT = re.compile(
    rf"\s*(?:(?:[A-Z]\.){{2,}}\s+)?{_SPEAKER}{_ADVERB}\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|[a-z]+s)\b"
)

TITLE_WORDS = frozenset(
    """white house press secretary president vice prime minister foreign deputy national
    security adviser advisor spokesman spokeswoman spokesperson kremlin state department
    defense defence chief of staff senator sen. rep. gov. governor gen. general ambassador
    chancellor u.s. us u.k. uk mr. mrs. ms. dr. director commissioner leader king queen
    former acting senior top envoy special representative ministry office affairs external
    aide presidential official lawmaker correspondent analyst professor commander diplomat
    council committee shadow""".split()
)
_INSTITUTION_HINTS = frozenset(
    "house kremlin department ministry office government embassy commission council party".split()
)
_VISIBLE = re.compile(r"\S")
_NOT_NAMES = frozenset("but and so as when while if this that it there in on at".split())


def attribute_speakers(
    text: str, quotes: list[Quotation], sentences: list[tuple[int, int]]
) -> None:
    """Fill ``speaker``, ``cue`` and ``speaker_evidence`` of each quotation in place.

    Args:
        text: The article text.
        quotes: Quotations of that text, in order.
        sentences: ``(start, end)`` of every sentence of the text, in order.
    """
    masked = _mask_quotes(text, quotes)
    cue_subjects: list[tuple[int, str]] | None = None  # found once per article, when needed
    named_at, named = -1, ""  # the last named speaker of a quotation, and where
    for i, quote in enumerate(quotes):
        close = quote.close_mark + 1 if quote.close_mark is not None else quote.end
        lo, hi = _sentence_around(sentences, quote.open_mark, close - 1)
        after = masked[close : max(hi, close)]
        before = masked[lo : quote.open_mark]
        speaker, cue, how = _match_speaker(before, after)
        if not speaker:
            intro = _introducing_sentence(masked, sentences, lo)
            if intro:
                speaker, cue, how = _match_speaker(intro, "")
                how = f"from the line introducing it ('...:'): {how}" if speaker else ""
        if not speaker and i > 0 and quotes[i - 1].block_no >= quote.block_no - 1:
            prev = quotes[i - 1]
            speaker, cue = prev.speaker, ""
            how = "no cue in its sentence: continues the previous quotation" if speaker else ""
        if speaker.lower() in {"he", "she"}:
            if cue_subjects is None:
                cue_subjects = _cue_subjects(masked)
            cued_at, cued = _last_named(cue_subjects, masked, quote.open_mark)
            last = cued if cued_at > named_at else named
            if last:
                how = f"pronoun '{speaker}' resolved to the last named speaker; {how}"
                speaker = last
            else:
                how = f"pronoun '{speaker}' with no named speaker before it; {how}"
        elif speaker and " " not in speaker and speaker.lower() != "they":
            full = _full_name(text, speaker, quote.open_mark)
            if full != speaker:
                how = f"surname resolved to the full name used earlier; {how}"
                speaker = full
        quote.speaker, quote.cue, quote.speaker_evidence = speaker, cue, how or "no speaker found"
        if speaker and speaker != "they" and not _is_description(speaker):
            named_at, named = quote.open_mark, speaker


def _match_speaker(before: str, after: str) -> tuple[str, str, str]:
    """Try the attribution patterns in order of reliability."""
    for pattern, where in (
        (_AFTER_CUE_FIRST, "cue then speaker after the quotation"),
        (_AFTER_SPEAKER_FIRST, "speaker then cue after the quotation"),
    ):
        match = pattern.match(after)
        if match and (speaker := clean_speaker(match.group("speaker"))):
            return speaker, _clean_cue(match.group("cue")), where
    match = _ACCORDING.search(after) or _ACCORDING.search(before)
    if match and (speaker := clean_speaker(match.group("speaker"))):
        return speaker, "according to", "'according to' in the same sentence"
    candidates = [m for m in _BEFORE.finditer(before) if clean_speaker(m.group("speaker"))]
    apposed = _apposition(before)
    if apposed and (not candidates or apposed.start("cue") >= candidates[-1].start("cue")):
        return (
            clean_speaker(apposed.group("speaker")),
            _clean_cue(apposed.group("cue")),
            "speaker, a clause about them, then cue before the quotation in the same sentence",
        )
    if candidates:
        match = candidates[-1]
        return (
            clean_speaker(match.group("speaker")),
            _clean_cue(match.group("cue")),
            "speaker and cue before the quotation in the same sentence",
        )
    match = _BEFORE.search(after)
    if match and (speaker := clean_speaker(match.group("speaker"))):
        return speaker, _clean_cue(match.group("cue")), "speaker and cue later in the sentence"
    participle = _PARTICIPLE.search(before) or _PARTICIPLE.search(after)
    # The subject opens the sentence, after a wire dateline if there is one.
    dateline = DATELINE.match(before)
    subject = _SUBJECT.match(before, dateline.end() if dateline else 0) if participle else None
    if subject and (speaker := clean_speaker(subject.group("speaker"))):
        return speaker, participle.group("cue"), "the sentence's subject, with a participle cue"
    return "", "", ""


def _apposition(text: str, lo: int = 0, cue_at: int | None = None) -> re.Match | None:
    """The last :data:`_APPOSITION` match in ``text`` from ``lo`` (with its cue at ``cue_at``)."""
    if not _CLAUSE_OPENS.search(text, lo, len(text) if cue_at is None else cue_at):
        return None  # most sentences: no such clause, and the full pattern is slower
    found = None
    for match in _APPOSITION.finditer(text, lo):
        if cue_at is None or match.start("cue") == cue_at:
            found = match
        if cue_at is not None and match.start("cue") >= cue_at:
            break
    return found


def _introducing_sentence(masked: str, sentences: list[tuple[int, int]], lo: int) -> str:
    """The sentence just before ``lo`` if it ends with a colon ("The Kremlin said:")."""
    previous = [(s, e) for s, e in sentences if e <= lo]
    if previous and masked[previous[-1][0] : previous[-1][1]].rstrip().endswith(":"):
        return masked[previous[-1][0] : previous[-1][1]]
    return ""


def _cue_subjects(masked: str) -> list[tuple[int, str]]:
    """Every named person who is the subject of a speech cue, with where the cue is.

    Cue verbs are rare, so the speaker pattern runs only in a window before each one.
    """
    subjects = []
    for cue in _CUE_WORD.finditer(masked):
        window = max(0, cue.start() - 150)
        for match in _BEFORE.finditer(masked, window, cue.end() + 40):
            if match.start("cue") != cue.start():
                continue
            apposed = _apposition(masked, window, cue.start())
            speaker = clean_speaker((apposed or match).group("speaker"))
            if (
                speaker
                and speaker.lower() not in {"he", "she", "they"}
                and not _is_description(speaker)
            ):
                subjects.append((match.start(), speaker))
            break
    return subjects


def _last_named(subjects: list[tuple[int, str]], masked: str, before: int) -> tuple[int, str]:
    """Where and who: the last person named as the subject of a speech cue before ``before``."""
    earlier = [(at, speaker) for at, speaker in subjects if at < before]
    if not earlier:
        return -1, ""
    at, speaker = earlier[-1]
    return at, _full_name(masked, speaker, at)


def _full_name(text: str, surname: str, before: int) -> str:
    """Expand a surname to the first full name ending with it earlier in the text."""
    first = text.find(surname, 0, before)
    if first < 0:
        return surname  # most calls: no earlier mention, so neither pattern can match
    # A full name is name words and spaces up to the surname, so none starts before
    # the run of such characters leading up to its first mention: scan from there,
    # not from the top of the article.
    run = _NAME_RUN.match(text[first - 1 :: -1]).end() if first else 0
    pattern = re.compile(rf"(?:(?:[A-Z]\.|[A-Z][\w’'-]*)\s+){{1,6}}{re.escape(surname)}\b")
    for match in pattern.finditer(text, first - run, before):
        full = clean_speaker(match.group(0))
        if full.endswith(surname) and " " in full:
            return full
    # Family name first, as in Korean names: "Park Jae-won".
    match = re.search(rf"\b{re.escape(surname)}\s+[A-Z][a-z]+-[a-z]+\b", text[:before])
    return match.group(0) if match else surname


# Every character a full name may hold before the surname (see _full_name).
_NAME_RUN = re.compile(r"[\w\s’'.\-]*")


def clean_speaker(raw: str) -> str:
    """Drop titles from a speaker phrase; keep an institution's name.

    >>> clean_speaker("White House Press Secretary Jen Psaki")
    'Jen Psaki'
    >>> clean_speaker("the Kremlin")
    'Kremlin'
    """
    raw = " ".join(raw.strip(" ,.;:").split())
    if re.fullmatch(_PRONOUN, raw):
        return raw.lower()
    if _is_description(raw):
        # "The ministry" opening a sentence is the ministry named anywhere else.
        first, _, rest = raw.partition(" ")
        return f"{first.lower()} {rest}" if first in ("The", "A", "An", "One", "Another") else raw
    tokens = raw.split()
    if tokens and tokens[0].lower() == "the":
        tokens = tokens[1:]
    if not tokens or tokens[0].lower() in _NOT_NAMES:
        return ""
    titles = [n for n, t in enumerate(tokens) if _bare(t) in TITLE_WORDS or t.islower()]
    if titles and titles[-1] < len(tokens) - 1:
        # The name is what follows the last title word.
        return " ".join(tokens[titles[-1] + 1 :])
    if any(t.lower() in _INSTITUTION_HINTS for t in tokens):
        return " ".join(tokens)  # an institution: "White House", "Chinese Foreign Ministry"
    if titles:
        return ""  # a bare title with no name
    return " ".join(tokens)


def _bare(token: str) -> str:
    """A token lower-cased, without a possessive "'s"."""
    return re.sub(r"[’']s$", "", token.lower())


def _is_description(raw: str) -> bool:
    return re.fullmatch(_DESCRIPTION, raw.strip()) is not None


def _clean_cue(raw: str) -> str:
    return " ".join(raw.split())


def _mask_quotes(text: str, quotes: list[Quotation]) -> str:
    """Blank out quoted words (keep length) so cue patterns never match inside a quotation."""
    pieces, cursor = [], 0
    for q in quotes:
        pieces.append(text[cursor : q.start])
        pieces.append(_VISIBLE.sub("x", text[q.start : q.end]))
        cursor = q.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _sentence_around(sentences: list[tuple[int, int]], lo: int, hi: int) -> tuple[int, int]:
    """The span of the sentence(s) holding ``lo``..``hi`` (a quote may start a sentence)."""
    start, end = lo, hi
    for s, e in sentences:
        if s <= lo < e or s <= hi < e:
            start, end = min(start, s), max(end, e)
        elif s > hi:
            break
    return start, end
