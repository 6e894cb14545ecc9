"""The speaker rules: a table of named surface rules, and the patterns they are made of.

Each rule reads a quotation's sentence, masked (quoted words blanked): the
words ``before`` its opening mark and ``after`` its closing one, and returns
the raw speaker phrase and the cue, or None. :func:`_match_speaker` tries them
in order (:data:`_RULES`); the first that names someone wins, and its name is
the quotation's ``speaker_evidence``. :mod:`analysis.segment.speakers` resolves
the phrase to a person ("he", "the minister", a surname) and keeps the article's
sources; the subjects of the cues are read by :mod:`analysis.segment.cue_subjects`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from analysis.segment.cue_model import literal_words, word_trie
from analysis.segment.limits import SpeakerLimits
from analysis.segment.names import (
    _CAP,
    _CUE_VERBS,
    _DESCRIPTION,
    _DOCUMENT,
    _NAME,
    _PRONOUN,
    _ROLE_NOUNS,
    TITLE_WORDS,
    _is_person,
    clean_speaker,
)
from analysis.text import DATE, DATELINE, WEEKDAY

# The rules are the package's own: speakers.py and attributions.py read them.
__all__: list[str] = []

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


# A US politician's party tag may follow the name: "Sen. Ana Lund (R-Maine) said", and
# a comma after the tag closes no apposition ("Gov. Ann Lund (R-Ohio), said").
_PARTY_TAG_TEXT = r"\([DRI](?:-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\)"
_PARTY = rf"(?:\s+{_PARTY_TAG_TEXT},?)?"
_SPEAKER = rf"(?P<speaker>{_DOCUMENT}|(?:[Tt]he\s+)?{_NAME}|{_DESCRIPTION}|{_PRONOUN}){_PARTY}"
# Between speaker and cue: an adverb, the day in wire style ("Harlan on Friday
# said"), a perfect ("has reported").
_ADVERB = (
    r"(?:\s+(?:also|later|then|further|again|previously|separately|earlier|often|once|"
    r"still|recently|repeatedly|(?!only\b|family\b)[a-z]+ly))?"
    rf"(?:\s+on\s+{WEEKDAY})?(?:\s+(?:has|have|had))?"
)

# As a tree of prefixes (word_trie): the index of an article's cues scans all its text.
_CUE_WORD = re.compile(rf"\b(?:{word_trie(literal_words(_CUE_VERBS))}|according\s+to)\b")
# What may stand between a closing mark and the words after it: punctuation, and
# the single mark closing a quotation inside the quotation (“… the word ‘old-school.’”).
_AFTER_MARK = r"^[\s,.!?—–’'-]*"
# A lower-case description may stand before the name: "…,” said master of ceremonies Jo Reyes.
_LOWER_DESCRIPTION = (
    r"(?:(?:(?!(?:that|in|on|at|to|for|with|by|about|during|after|before|when|while|as|"
    r"and|but|or|if|a|an|the|his|her|their|its|one|another|until|unless|because|since|"
    r"although|though|where|whether|so|then|than|once|even|only|just|also|now|later|not|"
    r"who|which)\b)[a-z][\w-]*\s+){1,3}(?=[A-Z]))?"
)
_AFTER_CUE_FIRST = re.compile(rf"{_AFTER_MARK}{_CUE}\s+{_LOWER_DESCRIPTION}{_SPEAKER}")
# "…,” Jeff Weaver, the campaign's manager, said": an apposition may follow the name,
# in two parts at most ("Reyes, now 81 and retired in Bangor, Maine, said").
# A name may follow its description: "…,” the economist Jo Hart, a former aide, wrote."
_DESCRIBED_NAME = r"(?:(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z][\w-]*\s+){1,3}(?=[A-Z]))?"
# The name may carry its body: "…,” Jeff Lund of the Harbour Institute wrote.
_AFFILIATION = (
    rf"(?:\s+(?:of|at|from)\s+(?:the\s+)?{_CAP}(?:\s+(?:(?:of|for|and|on|&)\s+)?{_CAP}){{0,7}})?"
)
# Two may write together: "…,” experts Ann Lee and Bo Park of the Harbour Institute
# wrote." The first named speaks for both.
_CO_SPEAKER = rf"(?:\s+and\s+{_CAP}(?:\s+{_CAP}){{0,3}})?"
_AFTER_SPEAKER_FIRST = re.compile(
    rf"{_AFTER_MARK}(?:{_DESCRIBED_NAME}|{_LOWER_DESCRIPTION}){_SPEAKER}{_CO_SPEAKER}{_AFFILIATION}"
    rf"(?:(?:,\s+[^,\"“”«»]{{1,80}}){{1,2}},|,)?{_ADVERB}\s+{_CUE}\b"
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
# inside it. The clause opens with who/whose, a participle ("asked about …"), an
# age, a preposition ("Ruiz, in Kentucky, said") or an aside ("Ruiz, meanwhile,");
# it runs to the first comma followed by a cue, and holds no quotation mark.
_CLAUSE = (
    r",\s+(?:who|whose|which|[a-z]+ing|asked|pressed|questioned|\d{1,3}|in|at|on|during|after|"
    r"meanwhile|however|too|though|instead|for\s+(?:his|her|their|its)\s+part)\b"
)
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
    r"drew|ran|chose|stood|found|got|had|was|is|are|were|"
    r"threw|fought|built|bought|sold|lost|meant|heard|broke|rose|fell|drove|grew|knew|shot|"
    r"fled|withdrew|upheld|overcame|swore|sat|shook|spread|laid|dealt|sank|stole|wore|forgot"
)
# "this", "his", "thus" end in -s and are no verbs ("To this end, he …").
_VERB = rf"(?:[a-z]+ly\s+)?(?:[a-z]+ed|(?!(?:this|his|its|thus|as|us)\b)[a-z]+s|{_IRREGULAR})\b"
# An initialism may lead the subject: "U.S. President Daniel Harlan on Thursday praised";
# an apposition may follow it: "Priya Nair, the opposition leader, welcomed".
_SUBJECT = re.compile(
    rf"\s*(?:(?:[A-Z]\.){{2,}}\s+)?{_SPEAKER}(?:,\s+[^,\"“”«»]{{1,60}},)?{_ADVERB}\s+{_VERB}"
)
# What may open a sentence before its subject: an agency tag "(MENAFN)", a dateline
# without a dash "New Delhi, June 5 (IANS)", a live-blog time "7.32 am:", an opening
# phrase "On Saturday," / "In a telegram sent to the king,", a conjunction "And".
_LEAD_IN = re.compile(
    # A conjunction may open a phrase of its own: "But back home, Lund returned …".
    r"\s*(?:\([A-Z]{2,10}\)\s*|(?:And|But|So|Yet|Still|Then|Now|Also)"
    r"(?:\s+[a-z][\w’'-]*(?:\s+[\w’'-]+){0,5},)?\s+"
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
    r"warning|pledge|promise|post|message|tweet|description|insistence|view|chants?|"
    r"vow|quip|retort|boast|plea|accusation|response|reply|answer"
)
# Said over and over, and named as such: "Lund's campaign slogan is “…”" (read before
# the other speech nouns, so "is" may follow them).
_REPEATED_NOUNS = r"slogans?|catch\s?phrases?|refrain|mantra|motto|battle\s+cry|rallying\s+cry"
# The owner: a name's possessive, or a possessive pronoun ("her remark that “…”").
_OWNER = (
    r"(?:(?P<name>(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)[’']s|(?P<pronoun>[Hh]is|[Hh]er|[Tt]heir))"
)
_POSSESSIVE_CUE = re.compile(
    rf"(?<![\w’'-]){_OWNER}\s+"
    rf"(?P<cue>(?:(?:[a-z]+|{WEEKDAY})\s+){{0,2}}(?:(?P<repeated>{_REPEATED_NOUNS})|{_SPEECH_NOUNS}))"
    r"(?P<copula>\s+(?:is|was|has\s+been|had\s+been))?"
    r"(?:\s+that\b[^\"“”«»]*|\s+of|\s*:)?\s*$"
)
# "with Okafor calling the plan a “…”", "Okafor, repeating “…”": a named person
# and a participle of their action, last before the quotation.
_NAME_PARTICIPLE = re.compile(rf"(?P<speaker>{_CAP}(?:\s+{_CAP}){{0,3}}),?\s+(?P<cue>{_ING})")
# A headline's "'…': X verb" names the speaker after the colon.
_AFTER_COLON = re.compile(rf"^\s*:\s*{_SPEAKER}\s+{_VERB}")
# "… does not surprise pollster Tom Reyes: “…”": a person named just before the colon
# that opens the quotation, after other words of the sentence (a line that opens
# "Watch: “…”" or "Related: “…”" names no one).
# When it was said may stand between: "Here's Lund in March 2011: “…”".
_NAME_COLON = re.compile(
    rf"(?<=[\w,]\s)(?P<speaker>{_NAME})(?:\s+(?:in|on|at|during|last)\s+[^:,“”\"«»]{{1,40}}?)?"
    r"\s*:\s*$"
)


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


# An auxiliary between a speaker and the cue is neither's: "the president will say".
_AUXILIARY = r"(?:\s+(?:will|would|can|could|may|might|must|should|has|have|had|did|does))?"
# "…,” the businessman replied.", "…” the suit reads.": right after the quotation, a
# phrase led by a determiner and a cue verb names the speaker, whatever its noun.
_DETERMINER = r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ne|[Aa]nother|[Ss]ome|[Mm]any)"
_AFTER_DESCRIBED = re.compile(
    rf"{_AFTER_MARK}(?P<speaker>{_DETERMINER}(?:,?\s+[\w’'&-]+){{1,8}}?){_AUXILIARY}{_ADVERB}\s+{_CUE}\b"
)
# "…,” said an Iowa Democrat.", "…,” added his campaign manager Jeff Weaver, …": the
# cue first, the phrase running to the end of the clause.
_AFTER_CUE_DESCRIBED = re.compile(
    rf"{_AFTER_MARK}{_CUE}\s+(?P<speaker>{_DETERMINER}(?:\s+[\w’'.&-]+){{1,6}}?)"
    r"(?=\s*(?:[,.;:!?—–]|$)|\s+(?:who|which|after|before|during|in|on|at|to|as|about|when|while)\b)"
)


def _rule_after_described(before: str, after: str) -> tuple[str, str] | None:
    """A described speaker and a cue after the quotation ("…,” the businessman replied).

    The cue may come first: "…,” said an Iowa Democrat.", "…,” added his aide Jo Ruiz."
    The cue first only after a quotation that opens its sentence: inside one, a verb
    and a phrase after the marks are the sentence's own ("Lund, who starred in
    “Harbour Nights,” posted the clip on Monday").
    """
    match = _AFTER_DESCRIBED.match(after)
    if match is None and not before.strip(_BEFORE_AN_OPENING):
        match = _AFTER_CUE_DESCRIBED.match(after)
    return (match.group("speaker"), match.group("cue")) if match else None


_BEFORE_AN_OPENING = " \t\n\"“‘'(—–-"  # what may stand before a quotation opening its sentence


# Any verb closing its clause (a stop, a comma, a time, place or manner after it) reports
# a quotation its own comma leaves open ("…,” Lund fumed on Tuesday.", "…,” exhorted the
# host, Ida Berg."): the sentence goes on to say who spoke, in whatever verb.
_JOINED = r"^[’']?,?\s+"
# A past tense: "-s" reads plural nouns as verbs ("…,” the old TV series.").
_ANY_VERB = (
    rf"(?P<cue>(?!(?:was|is|are|were|had|got)\b)(?:[a-z]{{2,}}ed|{_IRREGULAR})"
    r"(?:\s+(?:back|out|up))?)"
)
_CLOSES_CLAUSE = (
    r"(?=\s*(?:[.,;:!?—–]|$)|\s+(?:on|in|at|to|as|during|while|from|after|before|about|of|"
    r"with|when|into|over|[a-z]+ly|matter-of-factly)\b)"
)
_VERB_AFTER = re.compile(
    rf"{_JOINED}(?:{_DESCRIBED_NAME}|{_LOWER_DESCRIPTION}){_SPEAKER}{_AFFILIATION}"
    rf"(?:,\s+[^,\"“”«»]{{1,80}},)?{_ADVERB}\s+{_ANY_VERB}{_CLOSES_CLAUSE}"
)
# A described speaker: no relative clause ("…,” a show that first aired in 1990).
_DESCRIBED_VERB_AFTER = re.compile(
    rf"{_JOINED}(?P<speaker>(?:{_DETERMINER}|[Tt]his|[Tt]hese)"
    r"(?:\s+(?!(?:that|which|who|whose|whom)\b)[\w’'&-]+){1,6}?)"
    rf"{_ADVERB}\s+{_ANY_VERB}{_CLOSES_CLAUSE}"
)
_VERB_FIRST_AFTER = re.compile(
    rf"{_JOINED}(?P<cue>[a-z]{{2,}}ed(?:\s+(?:back|out|up))?)\s+{_LOWER_DESCRIPTION}"
    rf"(?:{_SPEAKER}|(?P<described>{_DETERMINER}(?:\s+[\w’'.&-]+){{1,6}}?))"
    rf"(?:,\s+(?P<named>{_CAP}(?:\s+{_CAP}){{0,3}}))?"
    r"(?=\s*(?:[,.;:!?—–]|$))"
)


def _rule_verb_after(before: str, after: str) -> tuple[str, str] | None:
    """Any verb, with its speaker, after a quotation left open ("…,” Lund fumed.").

    Tried only on a quotation left open (:func:`_match_speaker`): after one that ends
    its sentence a verb says nothing of who spoke ("…” Lund left the room.").
    """
    if match := _VERB_AFTER.match(after) or _DESCRIBED_VERB_AFTER.match(after):
        return match.group("speaker"), match.group("cue")
    if match := _VERB_FIRST_AFTER.match(after):
        named = match.group("named") or match.group("speaker") or match.group("described")
        return named, match.group("cue")
    return None


# Words named by someone, in the passive, their namer after "by": "has been called
# “a giant leap” by Jo Reyes", "the inquiry, often labelled a “hoax” by its critics".
# A form of "be" or a comma before the verb: "what she called “…” by Russia" is hers.
_NAMED_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being)|,)\s+(?:[a-z]+ly\s+)?"
    r"(?P<verb>called|labell?ed|dubbed|termed|branded|nicknamed|described\s+as|derided\s+as|"
    r"hailed\s+as|denounced\s+as|decried\s+as|praised\s+as)\s+(?:(?:an?|the)\s+)?$"
)
_BY_AFTER = re.compile(rf"{_AFTER_MARK}by\s+{_SPEAKER}")


def _rule_named_by(before: str, after: str) -> tuple[str, str] | None:
    """A passive naming verb before the quotation, its namer after "by" (“…” by Jo Reyes)."""
    named = _NAMED_BEFORE.search(before)
    match = named and _BY_AFTER.match(after)
    return (match.group("speaker"), named.group("verb").split()[0]) if match else None


def _as_written(phrase: str) -> str:
    """A description kept as the text words it, its determiner lower-cased: "the suit"."""
    first, _, rest = " ".join(phrase.split()).partition(" ")
    return f"{first.lower()} {rest}"


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
    candidates = [
        m
        for m in _BEFORE_AT_WORD.finditer(before)
        if clean_speaker(m.group("speaker")) and not _after_a_preposition(before, m.start())
    ]
    apposed = _apposition(before)
    if apposed and (
        not candidates
        or apposed.start("cue") > candidates[-1].start("cue")
        or not _titled(before, candidates[-1])
    ):
        # "Reyes, speaking in Bangor, Maine, said": the name before the clause, not
        # "Maine"; but "…, after the vote, Gov. Ann Lund said" names its own speaker.
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
_PARTY_TAG = re.compile(_PARTY_TAG_TEXT)


def _titled(before: str, candidate: re.Match) -> bool:
    """Whether a speaker opens its clause with a title or a party tag: ", Gov. Ann Lund said".

    A place in the clause before the cue ("in Bangor, Maine, said") has neither.
    """
    speaker = candidate.group("speaker")
    first = speaker.split(maxsplit=1)[0].lower()
    return before[: candidate.start()].rstrip().endswith(",") and (
        first in TITLE_WORDS or _PARTY_TAG.search(speaker) is not None
    )


def _rule_possessive_cue(before: str, after: str) -> tuple[str, str] | None:
    """A speech noun owned by the speaker: "Trump's earlier suggestion that troops had “…”"."""
    if "’s" not in before and "'s" not in before:
        return None  # most quotations: no possessive before them, and this is quick
    match = _possessive_cue(before)
    if match is None or match.group("name") is None:
        return None
    return match.group("name"), match.group("cue")


def _rule_owning_pronoun(before: str, after: str) -> tuple[str, str] | None:
    """A speech noun a pronoun owns: "over her remark that “…”", "their chants of “…”".

    After the sentence's subject: "Lund pushed his promise of “…”" is Lund's by name.
    The quotation follows the noun at once ("that", "of" or a colon between).
    """
    if not _OWNING_PRONOUN.search(before, max(0, len(before) - 60)):
        return None  # the noun stands just before the marks: only its last words are read
    match = _possessive_cue(before)
    if match is None or match.group("pronoun") is None or len(before) - match.end("cue") > 6:
        return None  # "his claim that … “…”": a fragment further on may be anyone's words
    return match.group("pronoun").lower(), match.group("cue")


def _possessive_cue(before: str) -> re.Match | None:
    """The owned speech noun just before a quotation; "is" after it only for a slogan's kind."""
    match = _POSSESSIVE_CUE.search(before)
    if (
        match is not None
        and match.group("copula")
        and not match.group("repeated")
        and not before.rstrip().endswith(":")
    ):
        return None  # "Cruz's description was “…”" may be anyone's verdict; "… was: “…”" is his
    return match


_OWNING_PRONOUN = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s")


def _rule_name_participle(before: str, after: str) -> tuple[str, str] | None:
    """A name and a participle: "with Starmer calling it an “…”", "Starmer, reiterating “…”".

    The name opens the sentence or follows "with", "as" or "while": elsewhere it is
    mostly an object ("Trump went after Bush, calling him “…”"), and the words are
    the subject's (the participle-subject rule, later). After "with", a comma
    closes the phrase: in "no call planned with Lund, adding: “…”" the sentence's
    subject adds it.
    """
    found = None
    for match in _NAME_PARTICIPLE.finditer(before):
        lead = before[: match.start()]
        opening = lead.strip() == ""
        if (opening or (_PARTICIPLE_LEAD.search(lead) and "," not in match.group())) and _is_person(
            match.group("speaker")
        ):
            found = match
    return (found.group("speaker"), found.group("cue")) if found else None


_PARTICIPLE_LEAD = re.compile(r"\b(?:with|as|while)\s+$")


def _rule_later(before: str, after: str) -> tuple[str, str] | None:
    """A speaker and a cue later in the sentence, after the quotation's clause.

    The speaker first ("…” on the deal, the senator said"), else the cue first
    after a comma ("…” about the decision, said Reyes").
    """
    if not _CUE_WORD.search(after):
        return None
    match = _LATER_ROLE_OF.search(after)
    if match is None:
        found = (
            m for m in _BEFORE_AT_WORD.finditer(after) if not _after_a_preposition(after, m.start())
        )
        match = next(found, None) or _LATER_CUE_FIRST.search(after)
    return (match.group("speaker"), match.group("cue")) if match else None


def _after_a_preposition(text: str, at: int) -> bool:
    """Whether a preposition stands just before ``at``: "reporting from Moscow said" names no Moscow.

    A noun phrase after a preposition is its object, not the subject of a cue
    ("…” if the war on the Strip continues").
    """
    return _PREPOSITION_END.search(text, max(0, at - 10), at) is not None


_PREPOSITION_END = re.compile(r"\b(?:on|in|at|of|for|with|from|to|by|about|into|against)\s+$")
# "…,” Wang Li, director of the office of the party's committee said": a name, then
# its office with no comma closing it, then the cue. The name speaks, not the office.
_LATER_ROLE_OF = re.compile(
    rf"(?<![\w’'-])(?P<speaker>{_NAME}),\s+(?:the\s+)?(?:[a-z]+\s+){{0,2}}"
    rf"(?:{_ROLE_NOUNS}|head|member|chairman|chairwoman|chair)\s+(?:of|at|for)\s+"
    rf"[^,\"“”«»]{{1,160}}?{_ADVERB}\s+{_CUE}\b"
)


def _rule_name_colon(before: str, after: str) -> tuple[str, str] | None:
    """A person named just before the colon opening the quotation: "… pollster Tom Reyes: “…”"."""
    if not before.rstrip().endswith(":"):
        return None
    match = _NAME_COLON.search(before)
    return (
        (match.group("speaker"), "(a colon)")
        if match
        and _is_person(match.group("speaker"))
        and not _PREPOSITION_END.search(before, 0, match.start())  # "spoke in Dunmore:"
        else None
    )


def _rule_colon_subject(before: str, after: str) -> tuple[str, str] | None:
    """The subject of the clause a colon closes just before the quotation, of any kind.

    "NBC News has the footage: “…”", "A footnote in the report makes it plain:
    “…”", "From the report: “…”": the colon hands the clause's subject the words
    that follow, be it a person, a body or a document.
    """
    if not before.rstrip().endswith(":"):
        return None
    source = _FROM_COLON.search(before) or _DOCUMENT_LABEL.search(before)
    if source:
        return source.group("speaker"), "(a colon)"
    subject = _subject(before)
    return (subject.group("speaker"), "(a colon)") if subject else None


# "From Reyes's post: “…”", "More from the report: “…”": the source, then the colon.
_FROM_COLON = re.compile(
    r"(?:^|[.!?:]\s+|\s[-–—]\s+)\s*(?:More\s+)?[Ff]rom\s+(?P<speaker>[^:,;.!?“”\"«»]{2,80}?)\s*:\s*$"
)
# A line naming the document that follows: "Partial transcript as follows:", "The
# statement reads:", "Full text:".
_DOCUMENT_LABEL = re.compile(
    r"(?:^|[.!?]\s+)\s*(?P<speaker>(?:(?:[Pp]artial|[Ff]ull|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+)?"
    r"(?:[Tt]ranscript|[Tt]ext|[Ss]tatement|[Ll]etter|[Rr]emarks|[Rr]eadout|[Mm]emo|[Rr]elease))"
    r"(?:\s+(?:as\s+follows|below|in\s+full|reads|read|follows))?\s*:\s*$"
)
# "As Tom Reyes, a former harbour master, put it: “…”": the source of what follows.
_AS_PUT_IT = re.compile(
    # An apposition may hold a title in marks: "As Lund, author of ''The Harbour,'' put it".
    rf"\b[Aa]s\s+{_LOWER_DESCRIPTION}{_SPEAKER}(?:,\s+[^\n]{{1,150}}?,(?:''|[”\"])?)?\s+(?:[a-z]+ly\s+)?"
    # After "put it," the clause runs on to the quotation: "As Marcus puts it, Lund wants “…”".
    rf"(?P<cue>puts?\s+it|{_CUE_VERBS}|sang|sings)\b"
    r"(?:[^\"“”«»]{0,60}[,:]|(?<=it),\s+[^\"“”«»]{0,150})\s*$"
)
# The cue, then its speaker, just before the quotation: "…, explained Rosenberg, “…”".
# Not "told": its object is whom it was told to ("…, told POLITICO, “…”").
_CUE_SPEAKER_BEFORE = re.compile(
    rf"(?:^|,\s+)(?!told\b|tells\b|asked\b|asks\b)(?P<cue>{_CUE_VERBS})\s+{_SPEAKER}\s*[,:]\s*$"
)


# Someone described, not named, and the cue, just before the quotation: "Lund said as
# the heckler yelled: “…”", "When someone in the audience shouted, “…”". The words are
# theirs, not those of a speaker named earlier in the sentence.
_DESCRIBED_CUE_BEFORE = re.compile(
    r"(?:^|[,;:]\s+|\b(?:as|when|while|and|but|then)\s+)"
    r"(?P<speaker>(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Ss]omeone|[Ss]omebody)"
    r"(?:\s+(?!(?:that|which|who|whom|whose)\b)[a-z][\w-]*){0,2}"
    r"(?:\s+(?:in|from|at|of)\s+the\s+[a-z][\w-]*)?)"
    rf"\s+(?:[a-z]+ly\s+)?(?P<cue>{_CUE_VERBS})\s*[:,]\s*$"
)


def _rule_described_cue_before(before: str, after: str) -> tuple[str, str] | None:
    """Someone described and a cue closing just before the quotation: "as the heckler yelled: “…”"."""
    match = _DESCRIBED_CUE_BEFORE.search(before, max(0, len(before) - 120))
    return (match.group("speaker"), match.group("cue")) if match else None


def _rule_cue_speaker_before(before: str, after: str) -> tuple[str, str] | None:
    """The cue then its speaker before the quotation: "Because …, explained Rosenberg, “…”".

    Or opening the sentence: "Said Ida Berg, who grew up by the pier, “…”".
    """
    if before.rstrip()[-1:] not in ",:":
        return None
    match = _CUE_SPEAKER_BEFORE.search(before) or _OPENING_CUE.match(before)
    return (match.group("speaker"), match.group("cue")) if match else None


_OPENING_CUE = re.compile(
    rf"\s*(?P<cue>Said|Says|Added|Adds|Wrote|Writes)\s+{_SPEAKER}(?:,\s+[^,\"“”«»]{{1,120}})?"
    r"\s*[,:]\s*$"
)


def _rule_as_put_it(before: str, after: str) -> tuple[str, str] | None:
    """X's words after "As X put it:", "Or, as X put it, “…”", "As the band sang, “…”"."""
    match = _AS_PUT_IT.search(before)
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


def _rule_later_subject(before: str, after: str) -> tuple[str, str] | None:
    """A later clause's subject, a person, with no speech cue: "Cole spoke, but Lund called it “…”".

    The clause nearest the quotation wins. A pronoun there mostly stands for the
    sentence's subject ("Hart said …, though he contended …"), which names them:
    only a named subject counts.
    """
    subject = _subject(before)
    if subject is None:
        return None
    for opener in reversed(list(_CLAUSE_OPENER.finditer(before, subject.end()))):
        later = _SUBJECT.match(before, opener.end())
        if later and _is_person(later.group("speaker")):
            return later.group("speaker"), ""
    return None


# Where a clause with its own subject opens inside a sentence.
_CLAUSE_OPENER = re.compile(
    r"(?:,|;|\b(?:though|although|while|when|whereas|because|since|after|but))\s+"
    r"(?:(?:though|although|while|when|whereas|because|since|after|but|and)\s+)?"
)


# Names of two rules the reported speech around a quotation may overrule (attributions.py).
_LATER_IN_THE_SENTENCE = "speaker and cue later in the sentence"
_SUBJECT_WITHOUT_A_CUE = "the sentence's subject, a person, with no speech cue"
_ANY_VERB_AFTER = "speaker and a verb after a quotation its comma leaves open"

_RULES: tuple[tuple[str, Callable[[str, str], tuple[str, str] | None]], ...] = (
    ("'quoted as saying'", _rule_quoted_as),
    ("cue then speaker after the quotation", _rule_after_cue_first),
    ("speaker then cue after the quotation", _rule_after_speaker_first),
    ("a described speaker then cue after the quotation", _rule_after_described),
    (_ANY_VERB_AFTER, _rule_verb_after),
    ("'according to' in the same sentence", _rule_according),
    ("a passive naming cue before the quotation, its speaker after 'by'", _rule_named_by),
    ("the message of a named source just before the quotation", _rule_message_from),
    ("'as X put it' before the quotation", _rule_as_put_it),
    ("the cue then its speaker just before the quotation", _rule_cue_speaker_before),
    ("someone described and a cue just before the quotation", _rule_described_cue_before),
    ("speaker and cue before the quotation in the same sentence", _rule_before),
    ("a speech noun owned by the speaker before the quotation", _rule_possessive_cue),
    ("a named person and a participle before the quotation", _rule_name_participle),
    (_LATER_IN_THE_SENTENCE, _rule_later),
    ("a person named just before the colon opening the quotation", _rule_name_colon),
    ("the subject of the clause a colon closes before the quotation", _rule_colon_subject),
    ("the speaker after a colon (headline form)", _rule_after_colon),
    ("the sentence's subject, with a participle cue", _rule_participle_subject),
    ("a later clause's subject, a person, with no speech cue", _rule_later_subject),
    (_SUBJECT_WITHOUT_A_CUE, _rule_subject),
    ("a speech noun a pronoun owns before the quotation", _rule_owning_pronoun),
)


_OWNING_PRONOUNS = frozenset({"his", "her", "their"})
# Rules whose speaker may be described, not named: it stands as the text words it.
_DESCRIBED_RULES = (
    _rule_after_described,
    _rule_verb_after,
    _rule_described_cue_before,
    _rule_colon_subject,
)


def _match_speaker(before: str, after: str, left_open: bool = False) -> tuple[str, str, str]:
    """Try the rules of :data:`_RULES` in order; the first that names someone wins.

    ``left_open``: the quotation's own comma, question or exclamation leaves its
    sentence open, so any verb after it may report it (:func:`_rule_verb_after`).
    """
    for name, rule in _RULES:
        if rule is _rule_verb_after and not left_open:
            continue
        found = rule(before, after)
        if not found:
            continue
        speaker = clean_speaker(found[0])
        if found[0] in _OWNING_PRONOUNS:
            speaker = found[0]  # "her remark that “…”": resolved as "she" is
        if not speaker and rule in _DESCRIBED_RULES:
            speaker = _as_written(found[0])  # no name or title in it: as the text words it
        if speaker:
            return speaker, _clean_cue(found[1]), name
    return "", "", ""


def _subject(sentence: str) -> re.Match | None:
    """The subject opening a sentence, before its verb (past any lead-in)."""
    dateline = DATELINE.match(sentence)
    at = dateline.end() if dateline else 0
    for _ in range(3):  # a lead-in may follow another: "(IANS) On Monday, …"
        match = _SUBJECT.match(sentence, at)
        if (
            match
            and clean_speaker(match.group("speaker"))
            and match.group("speaker").lower() not in _OPENING_PREPOSITIONS
        ):
            return match
        lead = _LEAD_IN.match(sentence, at)
        if not lead or lead.end() == at:
            return None
        at = lead.end()
    return None


# A capitalised preposition opening a sentence is no subject: "Within minutes, he …".
_OPENING_PREPOSITIONS = frozenset(
    """within to in on at for from with after before during under over despite since until
    among amid beyond behind without through across against upon""".split()
)


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


def _clean_cue(raw: str) -> str:
    return " ".join(raw.split())
