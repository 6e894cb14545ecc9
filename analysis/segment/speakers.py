"""Who said each quotation, and the cue that says so.

Speakers are found by a table of named surface rules, tried in order on the
quotation's sentence (:data:`_RULES`: "…,” Psaki said.", "Psaki told reporters
that “…”", "Blinken, speaking in Brussels, said: “…”", "Lavrov accused the West
of “…,” saying …", "Trump's suggestion that troops “…”", "with Starmer calling
it an “…”", the sentence's subject), titles dropped ("White House Press
Secretary Jen Psaki" → "Jen Psaki"). A quotation whose sentence has no cue and
names no one continues the previous quotation. "He" or "she" resolves to the
previous sentence's subject or the last person named as a source; "it" and
"the statement" to the institution or document last named; "the Russian
President" to the person named with that title. The words of the text are kept
in ``speaker_as_written``; the rule that fired, in ``speaker_evidence``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from analysis.segment.limits import SpeakerLimits
from analysis.segment.names import (
    _CAP,
    _CUE_VERBS,
    _DAY_WORDS,
    _DESCRIPTION,
    _DOCUMENT,
    _NAME,
    _PERSON_HEADS,
    _PRONOUN,
    _THE_DOCUMENT,
    _full_name_candidates,
    _honorific_name,
    _is_description,
    _is_person,
    _kind,
    clean_speaker,
    lowered,
    titled_names,
)
from analysis.segment.quotes import Quotation, mask_quotes
from analysis.text import DATE, DATELINE, WEEKDAY

__all__ = ["SpeakerResolver", "attribute_speakers"]

_DEFAULT = SpeakerLimits()


# The cue keeps a statement ("said in a statement"); other circumstances are dropped.
_CUE_TAIL = (
    r"(?:\s+in\s+(?:a|an|its|his|her|their)\s+(?:joint\s+|written\s+)?(?:statement|readout))?"
)
# "told" takes its object into the cue: "told reporters", "told CNN".
_CUE = (
    rf"(?P<cue>(?:told|tells)\s+(?:the\s+)?(?:[a-z]+|[A-Z][\w.]*)(?:\s+(?:news\s+)?agency)?"
    rf"|according\s+to|(?:{_CUE_VERBS}){_CUE_TAIL})"
)


_SPEAKER = rf"(?P<speaker>{_DOCUMENT}|(?:[Tt]he\s+)?{_NAME}|{_DESCRIPTION}|{_PRONOUN})"
# Between speaker and cue: an adverb, the day in wire style ("Harlan on Friday
# said"), a perfect ("has reported").
_ADVERB = (
    r"(?:\s+(?:also|later|then|further|again|previously|separately|earlier))?"
    rf"(?:\s+on\s+{WEEKDAY})?(?:\s+(?:has|have|had))?"
)

_CUE_WORD = re.compile(rf"\b(?:{_CUE_VERBS}|according\s+to)\b")
_AFTER_CUE_FIRST = re.compile(rf"^[\s,.!?—–-]*{_CUE}\s+{_SPEAKER}")
# "…,” Jeff Weaver, the campaign's manager, said": an apposition may follow the name.
_AFTER_SPEAKER_FIRST = re.compile(
    rf"^[\s,.!?—–-]*{_SPEAKER}(?:,\s+[^,\"“”«»]{{1,80}},|,)?{_ADVERB}\s+{_CUE}\b"
)
# "“…” about the decision, said RoseAnn Reyes": the cue first, later in the sentence.
_LATER_CUE_FIRST = re.compile(rf",\s+{_CUE}\s+{_SPEAKER}")
# A speaker and its cue: "Psaki told reporters", "Harlan on Friday said". It starts
# only where a word starts: the pattern is tried across windows of text, and trying
# it inside every word costs most (and finds "he" in "the").
_BEFORE_AT_WORD = re.compile(rf"(?<![\w’'-]){_SPEAKER},?{_ADVERB}\s+{_CUE}\b")
_ACCORDING = re.compile(rf"(?P<cue>[Aa]ccording\s+to)\s+{_SPEAKER}")
# A clause between the speaker and the cue: "Kishida, who is on a tour ahead of the
# summit he will host in Hiroshima, said", "Blinken, speaking in Brussels, said",
# "Scholz, 64, said". The subject is the name before the clause, not the last name
# inside it. The clause opens with who/whose, a participle or an age, runs to the
# first comma followed by a cue, and holds no quotation mark.
_CLAUSE = r",\s+(?:who|whose|[a-z]+ing|\d{1,3})\b"
_APPOSITION = re.compile(rf"(?<![\w’'-]){_SPEAKER}{_CLAUSE}[^\"“”«»]*?,{_ADVERB}\s+(?={_CUE}\b)")
_CLAUSE_OPENS = re.compile(_CLAUSE)
# Room after a cue's first character for the cue word the lookahead reads.
_CUE_SPAN = 40
# Words ending in -ing that are not participles of a speaker's action.
# Participles that report or characterise words: a cue ("…, saying", "calling it
# a “…”"). Other -ing words ("killing three") are actions, and name no speaker.
_ING = (
    r"(?:saying|adding|insisting|warning|noting|telling|calling|describing|stressing|"
    r"arguing|claiming|urging|reiterating|repeating|declaring|explaining|writing|tweeting|"
    r"posting|praising|dubbing|labell?ing|branding|hailing|terming|recalling|"
    r"emphasi[sz]ing|underscoring|underlining|highlighting|welcoming|vowing|promising|"
    r"pledging|asking|demanding|accusing|condemning|denouncing|lamenting|acknowledging|"
    r"conceding|suggesting|expressing|referring|characteri[sz]ing|thanking|"
    r"congratulating|announcing|confirming|denying|rejecting|dismissing|critici[sz]ing|"
    r"replying|responding|answering|voicing)\b"
)
# "Lavrov accused the West of “hysteria,” saying Moscow had no plans": the cue is a
# participle, and the speaker is the subject that opens the sentence, before its verb.
_PARTICIPLE = re.compile(rf"(?:,|^|\band)\s+(?P<cue>{_ING})")
# Irregular past tenses a sentence's subject often takes.
_IRREGULAR = (
    r"said|told|wrote|spoke|held|made|met|gave|took|sent|led|won|saw|went|came|began|"
    r"brought|thought|felt|kept|left|put|set|struck|sought|became|spent|paid|read|hit|"
    r"drew|ran|chose|stood|found|got|had|was|is"
)
_VERB = rf"(?:[a-z]+ly\s+)?(?:[a-z]+ed|[a-z]+s|{_IRREGULAR})\b"
# An initialism may lead the subject: "U.S. President Daniel Harlan on Thursday praised";
# an apposition may follow it: "Priya Nair, the opposition leader, welcomed".
_SUBJECT = re.compile(
    rf"\s*(?:(?:[A-Z]\.){{2,}}\s+)?{_SPEAKER}(?:,\s+[^,\"“”«»]{{1,60}},)?{_ADVERB}\s+{_VERB}"
)
# What may open a sentence before its subject: an agency tag "(MENAFN)", a dateline
# without a dash "New Delhi, June 5 (IANS)", a live-blog time "7.32 am:", an opening
# phrase "On Saturday," / "In a telegram sent to the king,".
_LEAD_IN = re.compile(
    r"\s*(?:\([A-Z]{2,10}\)\s*"
    rf"|[A-Z][\w .’'-]{{1,30}},\s+{DATE}\s*(?:\([A-Za-z ]{{2,20}}\))?\s*[-–—:]?\s*"
    r"|\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?\s*:\s*"
    r"|(?:[A-Z][\w’'-]*(?:\s+[\w’'“”\"«»-]+){0,8})[,”\"»]{1,2}\s+)"
)
# "the palace quoted the king as saying", "Okafor was quoted as saying", "was cited as saying".
_QUOTED_AS = re.compile(
    rf"(?P<source>\b(?:[Tt]he\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,3}})?\s*"
    rf"\b(?:quoted|cited)\s+{_SPEAKER}\s+as\s+(?P<cue>saying|telling|writing)\b"
)
_QUOTED_AS_PASSIVE = re.compile(
    rf"{_SPEAKER}\s+(?:was|were|is|has\s+been|had\s+been)\s+(?:quoted|cited)\s+"
    r"(?:by\s+[^,\"“”«»]{1,60}?\s+)?as\s+(?P<cue>saying|telling|writing)\b"
)
# A quotation right after "the message from X:" is X's.
_MESSAGE_FROM = re.compile(
    rf"\b(?P<cue>(?:message|words|letter|telegram|statement|post)\s+(?:from|of|by))\s+"
    rf"{_SPEAKER}\s*:?\s*$"
)
# A speech noun owned by a speaker, then the quotation in its clause: "Trump's earlier
# suggestion that troops had “…”", "Harlan's Thursday remarks that “…”", "Lenz's
# words: “…”". A "describing X's remarks as “…”" is not X's: "as" does not qualify.
_SPEECH_NOUNS = (
    r"suggestion|suggestions|remarks?|comments?|claims?|words|assertion|statement|"
    r"warning|pledge|promise|post|message|tweet|description|insistence|view"
)
_POSSESSIVE_CUE = re.compile(
    rf"(?P<speaker>(?:[A-Z][\w-]*\s+){{0,3}}[A-Z][\w-]*)[’']s\s+"
    rf"(?P<cue>(?:(?:[a-z]+|{WEEKDAY})\s+){{0,2}}(?:{_SPEECH_NOUNS}))"
    r"(?:\s+that\b[^\"“”«»]*|\s+of|\s*:)?\s*$"
)
# "with Okafor calling the plan a “…”", "Okafor, repeating “…”": a named person
# and a participle of their action, last before the quotation.
_NAME_PARTICIPLE = re.compile(rf"(?P<speaker>{_CAP}(?:\s+{_CAP}){{0,3}}),?\s+(?P<cue>{_ING})")
# A headline's "'…': X verb" names the speaker after the colon.
_AFTER_COLON = re.compile(rf"^\s*:\s*{_SPEAKER}\s+{_VERB}")


# A capitalised word that may name someone (the sentence's first word aside).
_CAPITALISED = re.compile(r"(?<=\s)[A-Z][a-z][\w’'-]*")


# Each rule reads the quotation's sentence, masked: ``before`` the opening mark and
# ``after`` the closing one. It returns the raw speaker phrase and the cue, or None.
# The first rule that names someone wins; its name goes into ``speaker_evidence``.


def _rule_quoted_as(before: str, after: str) -> tuple[str, str] | None:
    """Quoted as saying: "…,” the palace quoted the king as saying", "X was cited as saying"."""
    if "quoted" not in before + after and "cited" not in before + after:
        return None
    for part in (after, before):
        match = _QUOTED_AS.search(part) or _QUOTED_AS_PASSIVE.search(part)
        if match:
            return match.group("speaker"), f"quoted as {match.group('cue')}"
    return None


def _rule_after_cue_first(before: str, after: str) -> tuple[str, str] | None:
    """Cue, then speaker, after the quotation: "…,” said Blinken."""
    match = _AFTER_CUE_FIRST.match(after)
    return (match.group("speaker"), match.group("cue")) if match else None


def _rule_after_speaker_first(before: str, after: str) -> tuple[str, str] | None:
    """Speaker, then cue, after the quotation: "…,” Psaki said."""
    match = _AFTER_SPEAKER_FIRST.match(after)
    return (match.group("speaker"), match.group("cue")) if match else None


def _rule_according(before: str, after: str) -> tuple[str, str] | None:
    """According to X, anywhere in the sentence."""
    match = _ACCORDING.search(after) or _ACCORDING.search(before)
    return (match.group("speaker"), "according to") if match else None


def _rule_message_from(before: str, after: str) -> tuple[str, str] | None:
    """A message of a source just before it: "the message from the President: “…”"."""
    match = _MESSAGE_FROM.search(before) if "from" in before or "of" in before else None
    return (match.group("speaker"), match.group("cue")) if match else None


def _rule_before(before: str, after: str) -> tuple[str, str] | None:
    """Speaker and cue before it: "Psaki told reporters that “…”".

    In "X said Y described Z as “…”" the words are X's, the outer source.
    """
    if not _CUE_WORD.search(before):
        return None  # every form holds a cue word: most sentences have none, and this is quick
    candidates = [m for m in _BEFORE_AT_WORD.finditer(before) if clean_speaker(m.group("speaker"))]
    apposed = _apposition(before)
    if apposed and (not candidates or apposed.start("cue") >= candidates[-1].start("cue")):
        return apposed.group("speaker"), apposed.group("cue")
    if not candidates:
        return None
    n = len(candidates) - 1
    # "The ministry then said Okafor had called the deal “…”": reported speech
    # inside reported speech; the words are the outer source's.
    while n and _REPORTED.fullmatch(before, candidates[n - 1].end(), candidates[n].start()):
        n -= 1
    return candidates[n].group("speaker"), candidates[n].group("cue")


_REPORTED = re.compile(r"\s+(?:that\s+)?")


def _rule_possessive_cue(before: str, after: str) -> tuple[str, str] | None:
    """A speech noun owned by the speaker: "Trump's earlier suggestion that troops had “…”"."""
    if "’s" not in before and "'s" not in before:
        return None
    match = _POSSESSIVE_CUE.search(before)
    return (match.group("speaker"), match.group("cue")) if match else None


def _rule_name_participle(before: str, after: str) -> tuple[str, str] | None:
    """A name and a participle: "with Starmer calling it an “…”", "Starmer, reiterating “…”"."""
    found = None
    for match in _NAME_PARTICIPLE.finditer(before):
        if clean_speaker(match.group("speaker")) and _is_person(match.group("speaker")):
            found = match
    return (found.group("speaker"), found.group("cue")) if found else None


def _rule_later(before: str, after: str) -> tuple[str, str] | None:
    """A speaker and a cue later in the sentence, after the quotation's clause.

    The speaker first ("…” on the deal, the senator said"), else the cue first
    after a comma ("…” about the decision, said Reyes").
    """
    if not _CUE_WORD.search(after):
        return None
    match = _BEFORE_AT_WORD.search(after) or _LATER_CUE_FIRST.search(after)
    return (match.group("speaker"), match.group("cue")) if match else None


def _rule_after_colon(before: str, after: str) -> tuple[str, str] | None:
    """A headline's "'…': Rubio conveyed a message"."""
    match = _AFTER_COLON.match(after)
    return (match.group("speaker"), "(after a colon)") if match else None


def _rule_participle_subject(before: str, after: str) -> tuple[str, str] | None:
    """A participle cue: "Lavrov accused the West of “hysteria,” saying …" is the subject's.

    A participle may open the sentence, its subject after the clause: "Describing
    the remarks as “…,” the minister said …".
    """
    opening = _OPENING_PARTICIPLE.match(before)
    if opening:
        # The quotation may close the clause with its own comma: "as “…,” the minister".
        subject = _SUBJECT.match(after, len(after) - len(after.lstrip(" ,")))
        if subject and clean_speaker(subject.group("speaker")):
            return subject.group("speaker"), opening.group("cue")
    participle = _PARTICIPLE.search(before) or _PARTICIPLE.search(after)
    subject = _subject(before) if participle else None
    return (subject.group("speaker"), participle.group("cue")) if subject else None


_OPENING_PARTICIPLE = re.compile(rf"\s*(?P<cue>[A-Z][a-z]+ing)\b(?!\s+(?:{_CUE_VERBS})\b)")


def _rule_subject(before: str, after: str) -> tuple[str, str] | None:
    """The sentence's subject, a person, with no speech cue: "Modi praised Ito's “…”".

    A subject followed by the quotation itself ("The top diplomat “acknowledged …”")
    is what the quotation reports, not who speaks, so it does not count.
    """
    subject = _subject(before)
    if subject and (
        _is_person(subject.group("speaker"))
        or clean_speaker(subject.group("speaker")) in {"he", "she"}
    ):
        return subject.group("speaker"), ""
    return None


_RULES: tuple[tuple[str, Callable[[str, str], tuple[str, str] | None]], ...] = (
    ("'quoted as saying'", _rule_quoted_as),
    ("cue then speaker after the quotation", _rule_after_cue_first),
    ("speaker then cue after the quotation", _rule_after_speaker_first),
    ("'according to' in the same sentence", _rule_according),
    ("the message of a named source just before the quotation", _rule_message_from),
    ("speaker and cue before the quotation in the same sentence", _rule_before),
    ("a speech noun owned by the speaker before the quotation", _rule_possessive_cue),
    ("a named person and a participle before the quotation", _rule_name_participle),
    ("speaker and cue later in the sentence", _rule_later),
    ("the speaker after a colon (headline form)", _rule_after_colon),
    ("the sentence's subject, with a participle cue", _rule_participle_subject),
    ("the sentence's subject, a person, with no speech cue", _rule_subject),
)


def _match_speaker(before: str, after: str) -> tuple[str, str, str]:
    """Try the rules of :data:`_RULES` in order; the first that names someone wins."""
    for name, rule in _RULES:
        found = rule(before, after)
        if found and (speaker := clean_speaker(found[0])):
            return speaker, _clean_cue(found[1]), name
    return "", "", ""


def _subject(sentence: str) -> re.Match | None:
    """The subject opening a sentence, before its verb (past any lead-in)."""
    dateline = DATELINE.match(sentence)
    at = dateline.end() if dateline else 0
    for _ in range(3):  # a lead-in may follow another: "(IANS) On Monday, …"
        match = _SUBJECT.match(sentence, at)
        if match and clean_speaker(match.group("speaker")):
            return match
        lead = _LEAD_IN.match(sentence, at)
        if not lead or lead.end() == at:
            return None
        at = lead.end()
    return None


class _Ordered:
    """Sources ``(where, speaker, kind)`` in text order, searched by bisection."""

    def __init__(self):
        self.at: list[int] = []
        self.items: list[tuple[int, str, str]] = []

    def add(self, source: tuple[int, str, str], first: bool = False) -> None:
        # After any source named at the same place, as a stable sort would put it
        # (before them with ``first``).
        n = (bisect.bisect_left if first else bisect.bisect_right)(self.at, source[0])
        self.at.insert(n, source[0])
        self.items.insert(n, source)

    def between(self, lo: int, hi: int) -> list[tuple[int, str, str]]:
        return self.items[bisect.bisect_left(self.at, lo) : bisect.bisect_left(self.at, hi)]

    def last_before(self, at: int) -> tuple[int, str, str] | None:
        n = bisect.bisect_left(self.at, at)
        return self.items[n - 1] if n else None


# A person named by name, not described ("the minister"): what "he" may stand for.
_NAMED_PERSON = "named person"


class _Article:
    """What speaker rules read once per article, computed when first needed.

    Every question a quotation asks of the article (the sentence around a place,
    the last source of a kind before it, a surname's full name) is answered by
    bisection or from a cache, never by a scan of the whole article, so the time
    for a paragraph of thousands of quotations stays linear in its length.
    """

    def __init__(
        self, text: str, masked: str, sentences: list[tuple[int, int]], limits: SpeakerLimits
    ):
        self.text, self.masked, self.sentences = text, masked, sentences
        self.limits = limits
        self.sentence_starts = [s for s, _ in sentences]
        self.sentence_ends = [e for _, e in sentences]
        self._all: _Ordered | None = None
        self._indexed = 0  # the cues starting before this are in _all
        self._by_key: dict[str, _Ordered] = {}
        self._added: list[tuple[int, str, str]] = []
        self._added_by_key: dict[str, _Ordered] = {}
        self.named_only = False  # see last_source
        self._between: dict[tuple[int, int], list[tuple[int, str, str]]] = {}
        self._titled: dict[str, list[tuple[int, str]]] = {}
        self._subjects: dict[int, re.Match | None] = {}
        self._full: dict[str, list[tuple[int, str]]] = {}
        self._given: dict[str, tuple[int, str] | None] = {}
        self._lowered: str | None = None

    def _index(self, at: int) -> _Ordered:
        """Every source named before ``at``: subjects of speech cues and quotations' speakers.

        The cues are read once each, in text order and only as far as asked: a
        subject starts at most ``subject_reach`` before its cue, so the cues up to
        that far past ``at`` name every subject before it. A quotation's pronoun
        asks only about what came before it.
        """
        if self._all is None:
            self._all, self._indexed = _Ordered(), 0
            for source in sorted(self._added, key=lambda s: s[0]):
                self._index_add(source)
        hi = min(len(self.masked), at + self.limits.subject_reach)
        if hi > self._indexed:
            reach, lo = self.limits.subject_reach, self._indexed
            starts = self.sentence_starts
            for source in _cue_subjects_at(self.masked, lo, hi, lo, hi, reach, starts):
                self._index_add(source, first=True)
            self._indexed = hi
        return self._all

    def _index_add(
        self, source: tuple[int, str, str], into: dict | None = None, first: bool = False
    ) -> None:
        """Add a source to the index (or to ``into``); ``first``: before any at its place.

        A cue's subject goes before an attribution's source named at the same place,
        whichever was found first, as when the whole article was read at once.
        """
        if into is None:
            self._all.add(source, first)
            into = self._by_key
        keys = [source[2]]
        if source[2] == "person" and not _is_description(source[1]):
            keys.append(_NAMED_PERSON)
        for key in keys:
            into.setdefault(key, _Ordered()).add(source, first)

    def last_source(self, at: int, kinds: tuple[str, ...]) -> tuple[int, str, str] | None:
        """The last source of one of ``kinds`` (or ``"named person"``) named before ``at``.

        With ``named_only`` set and the subjects of the article's cues not yet found,
        only the sources attributions named so far are read: reported speech names
        its sources itself, and finding every cue's subject costs more than the rest
        of the article.
        """
        index = self._added_by_key
        if not (self.named_only and self._all is None):
            self._index(at)
            index = self._by_key
        found = [index[kind].last_before(at) for kind in kinds if kind in index]
        found = [f for f in found if f is not None]
        return max(found, key=lambda s: s[0]) if found else None

    def sources_between(self, lo: int, hi: int) -> list[tuple[int, str, str]]:
        """The sources named in ``[lo, hi)``, found there alone if the article's are not known."""
        if self._all is not None:
            return self._index(hi).between(lo, hi)
        if (lo, hi) not in self._between:
            self._between[lo, hi] = _cue_subjects(
                self.masked, lo, hi, reach=self.limits.subject_reach
            )
        added = [s for s in self._added if lo <= s[0] < hi]
        return sorted(self._between[lo, hi] + added, key=lambda s: s[0])

    def add_source(self, at: int, speaker: str) -> None:
        """Record a source named by an attribution (a quotation's or reported speech's)."""
        source = (at, speaker, _kind(speaker))
        if self._all is not None:
            self._index_add(source)
        else:
            self._added.append(source)
            self._index_add(source, self._added_by_key)

    def previous_sentence(self, lo: int) -> tuple[int, int] | None:
        """The sentence ending at or before ``lo``."""
        n = bisect.bisect_right(self.sentence_ends, lo) - 1
        return self.sentences[n] if n >= 0 else None

    def sentence_around(self, lo: int, hi: int) -> tuple[int, int]:
        """The span of the sentence(s) holding ``lo``..``hi`` (a quote may start a sentence)."""
        start, end = lo, hi
        n = bisect.bisect_right(self.sentence_starts, lo) - 1
        if n >= 0 and lo < self.sentence_ends[n]:
            start = min(start, self.sentence_starts[n])
            end = max(end, self.sentence_ends[n])
        n = bisect.bisect_right(self.sentence_starts, hi) - 1
        if n >= 0 and hi < self.sentence_ends[n]:
            start = min(start, self.sentence_starts[n])
            end = max(end, self.sentence_ends[n])
        return start, end

    def introducing_sentence(self, lo: int) -> str:
        """The sentence just before ``lo`` if it ends with a colon ("The Kremlin said:")."""
        previous = self.previous_sentence(lo)
        if previous is None:
            return ""
        start = max(previous[0], previous[1] - self.limits.sentence_chars)
        sentence = self.masked[start : previous[1]]
        return sentence if sentence.rstrip().endswith(":") else ""

    def subject_of(self, sentence: tuple[int, int]) -> re.Match | None:
        """The subject opening a sentence (:func:`_subject`), found once per sentence."""
        if sentence[0] not in self._subjects:
            hi = min(sentence[1], sentence[0] + self.limits.sentence_chars)
            self._subjects[sentence[0]] = _subject(self.masked[sentence[0] : hi])
        return self._subjects[sentence[0]]

    def full_name(self, surname: str, before: int) -> str:
        """A surname's full name used before ``before`` (as :func:`_full_name`), found once."""
        if surname not in self._full:
            self._full[surname] = _full_name_candidates(self.text, surname)
        return next((full for end, full in self._full[surname] if end <= before), surname)

    def given_name(self, name: str, before: int) -> str:
        """A given name after an honorific, expanded ("Sir Alan" → "Alan Reeve"), found once."""
        if name not in self._given:
            self._given[name] = _honorific_name(self.masked, name)
        found = self._given[name]
        return f"{name} {found[1]}" if found and found[0] < before else name

    def titled(self, title: str) -> list[tuple[int, str]]:
        """(where, name) of each "<title> <Name>" in the text: "Prime Minister Keir Starmer"."""
        if title not in self._titled:
            if self._lowered is None:
                self._lowered = lowered(self.masked)
            self._titled[title] = titled_names(self.masked, self._lowered, title)
        return self._titled[title]


class SpeakerResolver:
    """Resolves a source phrase of one article as a quotation's speaker is resolved.

    What :func:`attribute_speakers` learnt of the article (who was named, where) is
    kept, so reported speech (:mod:`analysis.segment.attributions`) resolves "he"
    or "the minister" to the same person a quotation's speaker would be.
    """

    def __init__(self, article: _Article):
        self._article = article

    @property
    def masked(self) -> str:
        """The article text with quoted words blanked (same length)."""
        return self._article.masked

    def resolve(self, written: str, lo: int, at: int, how: str) -> tuple[str, str]:
        """The source ``written`` names at ``at`` (its sentence starts at ``lo``), and why."""
        self._article.named_only = True
        speaker, how = _resolve(self._article, written, lo, at, how)
        if speaker and _kind(speaker) != "pronoun":
            self._article.add_source(at, speaker)  # "he" in a later sentence may be them
        return speaker, how


def attribute_speakers(
    text: str,
    quotes: list[Quotation],
    sentences: list[tuple[int, int]],
    *,
    speaker_limits: SpeakerLimits | None = None,
) -> SpeakerResolver:
    """Fill ``speaker``, ``speaker_as_written``, ``cue`` and ``speaker_evidence`` in place.

    The rules of :data:`_RULES` read the quotation's own sentence; failing them, the
    line introducing it ("X said:"); failing that, a quotation whose sentence names
    nobody continues the previous one. A pronoun resolves to the person it stands
    for, a description ("the Russian President") to the person the text names with
    that title, "it" to the last institution or document named as a source.

    Args:
        text: The article text.
        quotes: Quotations of that text, in order.
        sentences: ``(start, end)`` of every sentence of the text, in order.
        speaker_limits: The limits the rules read (:class:`SpeakerLimits`; the
            defaults if none).

    Returns:
        The resolver of this article's sources, for its reported speech.
    """
    masked = mask_quotes(text, quotes)
    article = _Article(text, masked, sentences, speaker_limits or SpeakerLimits())
    limits = article.limits
    for i, quote in enumerate(quotes):
        close = quote.close_mark + 1 if quote.close_mark is not None else quote.end
        lo, hi = article.sentence_around(quote.open_mark, close - 1)
        # The rules read all of any sentence of prose, but only the clause around the
        # quotation in a run-on paragraph of thousands of quotations, so the time for
        # such a paragraph grows with its length, not with its square.
        reach = limits.sentence_chars if hi - lo <= limits.sentence_chars else limits.clause_chars
        after = masked[close : max(min(hi, close + reach), close)]
        before = masked[max(lo, quote.open_mark - reach) : quote.open_mark]
        speaker, cue, how = _match_speaker(before, after)
        written = speaker
        if not speaker:
            intro = article.introducing_sentence(lo)
            if intro:
                speaker, cue, how = _match_speaker(intro, "")
                written = speaker
                how = f"from the line introducing it ('...:'): {how}" if speaker else ""
        if not speaker:
            speaker, written, cue, how = _without_cue(article, quotes, i, lo, before + after)
        if speaker:
            speaker, how = _resolve(article, speaker, lo, quote.open_mark, how)
        pronoun = speaker in {"he", "she", "they", "it"}
        if pronoun:
            speaker = ""  # a pronoun is never the final speaker; the evidence says why
        quote.speaker, quote.cue = speaker, cue
        # The words as written stay, a pronoun that stands for no one named included.
        quote.speaker_as_written = written if speaker or pronoun else ""
        quote.speaker_evidence = how or "no speaker found"
        if speaker and cue:
            article.add_source(quote.open_mark, speaker)
    return SpeakerResolver(article)


def _without_cue(article: _Article, quotes: list[Quotation], i: int, lo: int, outside: str):
    """Speaker of a quotation whose sentence has no cue: (speaker, as written, cue, how)."""
    quote = quotes[i]
    # The previous quotation's speaker, or its pronoun that stands for no one named:
    # "“…,” he said. “…”" continues "he" either way.
    prev = quotes[i - 1] if i else None
    said_by = (prev.speaker or prev.speaker_as_written) if prev else ""
    if said_by and prev.open_mark >= lo:
        # Two quotations in one sentence, one cue: "X “…” and “…”".
        how = "no cue of its own: continues the quotation before it in the same sentence"
        return said_by, prev.speaker_as_written, "", how
    previous = article.previous_sentence(lo)
    # "The ministry said earlier that …. The top diplomat “acknowledged …”": the source
    # of the sentence before, when it is nearer than the previous quotation.
    prev_at = prev.open_mark if prev else -1
    if previous and previous[0] > prev_at:
        for _at, source, _ in article.sources_between(*previous):
            if _kind(source) != "pronoun":
                how = "no cue in its sentence: the source named in the sentence before"
                return source, source, "", how
    if _names_someone(outside):
        return "", "", "", "no cue in its sentence, which names someone: not continued"
    gap = article.limits.continue_blocks
    if said_by and prev.block_no >= quote.block_no - gap:
        how = "no cue in its sentence, which names no one: continues the previous quotation"
        return said_by, prev.speaker_as_written, "", how
    return "", "", "", ""


def _names_someone(outside: str) -> bool:
    """Whether the words outside the quotation hold a capitalised word (not a day)."""
    return any(m.group().lower() not in _DAY_WORDS for m in _CAPITALISED.finditer(outside))


def _resolve(article: _Article, speaker: str, lo: int, at: int, how: str) -> tuple[str, str]:
    """Resolve a pronoun, a description or a surname to whom it names."""
    low = speaker.lower()
    if low in {"he", "she"}:
        person, where = _resolve_person_pronoun(article, lo, at)
        if person:
            return person, f"pronoun '{speaker}' resolved to {where}; {how}"
        return speaker, f"pronoun '{speaker}' with no person named before it; {how}"
    if low == "it" or _is_document_reference(speaker):
        last = article.last_source(at, _IT_KINDS[low == "it"])
        if last:
            return last[1], f"'{speaker}' resolved to the last {last[2]} named: {how}"
        return speaker, f"'{speaker}' with no institution named before it; {how}"
    if _kind(speaker) == "document":
        issuer = _issuer(speaker)
        return speaker, f"a document (issued by {issuer}): {how}" if issuer else how
    if low.startswith("the ") and low.split()[-1] in _PERSON_HEADS:
        return _resolve_title(article, speaker, at, how)
    tokens = speaker.split()
    if len(tokens) == 1 and speaker.lower() != "they":
        full = article.full_name(speaker, at)
        if full == speaker:
            full = article.given_name(speaker, at)
        if full != speaker:
            return full, f"name resolved to the full name used earlier; {how}"
    return speaker, how


def _resolve_title(article: _Article, speaker: str, at: int, how: str) -> tuple[str, str]:
    """A description ("the Russian President") to the person named with that title before ``at``."""
    title = speaker[4:]
    found = [(w, n) for w, n in article.titled(title) if w < at] or [
        (w, n) for w, n in article.titled(title.split()[-1]) if w < at
    ]
    if found:
        return found[-1][1], f"'{speaker}' resolved to the person named with that title; {how}"
    return speaker, how


# "it" stands for an institution or a document; "the statement" for an institution.
_IT_KINDS = {True: ("institution", "document"), False: ("institution",)}


def _is_document_reference(speaker: str) -> bool:
    """Whether ``speaker`` is "the statement", "the readout": a document named before."""
    return _THE_DOCUMENT.fullmatch(speaker.lower()) is not None


def _issuer(document: str) -> str:
    """Who issued a document phrase: "a statement from the PMO" → "PMO"."""
    match = re.search(
        r"\b(?:from|issued\s+by|released\s+by|by|of|website\s+of)\s+(?:the\s+)?(.+)$", document
    )
    return clean_speaker(match.group(1)) if match else ""


def _resolve_person_pronoun(article: _Article, lo: int, at: int) -> tuple[str, str]:
    """The person "he"/"she" stands for, and why.

    The previous sentence's subject, else the last person named as a source (of a
    cue or a quotation) before it.
    """
    previous = article.previous_sentence(lo)
    if previous:
        subject = article.subject_of(previous)
        if subject and _is_person(subject.group("speaker")):
            name = clean_speaker(subject.group("speaker"))
            return _expand(article, name, previous[0]), "the subject of the sentence before"
    person = article.last_source(at, (_NAMED_PERSON,))
    if person:
        where, name, _ = person
        return _expand(article, name, where), "the last person named as a source"
    return "", ""


def _expand(article: _Article, name: str, at: int) -> str:
    if " " in name:
        return name
    full = article.full_name(name, at)
    return full if full != name else article.given_name(name, at)


def _apposition(text: str, lo: int = 0, cue_at: int | None = None) -> re.Match | None:
    """The last :data:`_APPOSITION` match in ``text`` from ``lo`` (with its cue at ``cue_at``)."""
    if not _CLAUSE_OPENS.search(text, lo, len(text) if cue_at is None else cue_at):
        return None  # most sentences: no such clause, and the full pattern is slower
    found = None
    # The pattern ends at its cue (a lookahead): with a cue to find, nothing after
    # it need be read, and reading on would make each cue scan the rest of the text.
    end = len(text) if cue_at is None else min(len(text), cue_at + _CUE_SPAN)
    for match in _APPOSITION.finditer(text, lo, end):
        if cue_at is None or match.start("cue") == cue_at:
            found = match
        if cue_at is not None and match.start("cue") >= cue_at:
            break
    return found


def _cue_subjects(
    masked: str, lo: int, hi: int, *, reach: int = _DEFAULT.subject_reach
) -> list[tuple[int, str, str]]:
    """The subjects of the speech cues of ``[lo, hi)`` (a sentence), where each cue is, its kind.

    Cue verbs are rare, so the speaker pattern runs only in a window before each one.
    ``reach`` is how far before its cue a subject may start (:attr:`SpeakerLimits.subject_reach`).
    A subject named in [lo, hi) has its cue there too (a cue does not stand in the
    next sentence), and so has a "quoted as" word within 70 characters.
    """
    found = _cue_subjects_at(masked, lo, hi, max(0, lo - 70), hi + 60, reach)
    return [s for s in found if lo <= s[0] < hi]


def _cue_subjects_at(
    masked: str,
    cue_lo: int,
    cue_hi: int,
    word_lo: int,
    word_hi: int,
    reach: int,
    starts: list[int] | None = None,
) -> list[tuple[int, str, str]]:
    """Subjects of the cues starting in ``[cue_lo, cue_hi)``, and of the "quoted as" words.

    A subject starts at most ``reach`` characters before its cue, and not before the
    start of the cue's sentence (of ``starts``, where given): the window read before it.
    """
    subjects = []
    for cue in _CUE_WORD.finditer(masked, cue_lo, min(cue_hi, len(masked))):
        window = max(0, cue.start() - reach)
        if starts:
            # A subject stands in its cue's sentence: the window starts there at most.
            n = bisect.bisect_right(starts, cue.start()) - 1
            window = max(window, starts[n]) if n >= 0 else window
        for match in _BEFORE_AT_WORD.finditer(masked, window, cue.end() + 40):
            if match.start("cue") != cue.start():
                continue
            apposed = _apposition(masked, window, cue.start())
            speaker = clean_speaker((apposed or match).group("speaker"))
            if speaker:
                subjects.append((match.start(), speaker, _kind(speaker)))
            break
    # "the palace quoted the king as saying": the palace is a source too.
    for word in _QUOTING_WORD.finditer(masked, word_lo, min(word_hi, len(masked))):
        match = _QUOTED_AS.search(masked, max(0, word.start() - 60), word.end() + 60)
        if match and match.group("source") and (source := clean_speaker(match.group("source"))):
            subjects.append((match.start(), source, _kind(source)))
    subjects.sort(key=lambda s: s[0])
    return subjects


_QUOTING_WORD = re.compile(r"\b(?:quoted|cited)\b")


def _clean_cue(raw: str) -> str:
    return " ".join(raw.split())
