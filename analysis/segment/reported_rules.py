"""The rules of reported speech: each reads one sentence and finds a source, a cue and content.

"Officials said the talks would resume", "…, the mayor said.", "According to
X, …", "Lund: Talks Will Resume", "…, saying …": :data:`REPORTED_RULES` is a
table of named rules, each over one sentence with its quotations masked, each
returning where the source, the cue and the content are (:class:`_Found`,
offsets in the sentence). :mod:`analysis.segment.learned_rules` reads the cues of
the trained model (:mod:`analysis.segment.cue_model`): the long tail no rule names. How a
found attribution is resolved and placed in the article is
:mod:`analysis.segment.attributions`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from analysis.segment.cue_model import literal_words, word_trie
from analysis.segment.names import clean_speaker
from analysis.segment.speaker_rules import _SPEAKER, _subject
from analysis.segment.subjects import (
    _DASHES,
    _apposed_subject,
    _is_verb,
    _subject_before,
)
from analysis.text import DATELINE, WEEKDAY

__all__ = ["CUE_WORDS", "REPORTED_RULES"]


# Verbs that report speech, writing or a stated view, as they introduce what was
# said: "X said (that) …", "X warned that …", "…, X told reporters."
_REPORTING_VERBS = (
    r"said|says|say|told|tells|added|adds|stated|noted|notes|explained|explains|warned|"
    r"warns|argued|argues|wrote|writes|tweeted|posted|replied|responded|insisted|insists|"
    r"declared|announced|announces|claimed|claims|stressed|emphasi[sz]ed|urged|"
    r"acknowledged|acknowledges|remarked|recalled|suggested|suggests|cautioned|"
    r"complained|conceded|observed|reiterated|concluded|predicted|promised|vowed|"
    r"admitted|admits|reported|reports|denied|denies|believes|believed|thinks|thought|"
    r"maintained|maintains|contended|contends|charged|alleged|alleges|confirmed|"
    r"confirms|disclosed|revealed|reveals|estimated|estimates|testified|assured|"
    r"indicated|indicates|signaled|signalled|boasted|lamented|countered|agreed|agrees|"
    r"pointed\s+out|went\s+on\s+to\s+say|has\s+said|have\s+said|had\s+said"
)
# As a tree of prefixes (word_trie): the same matches, found several times faster.
_REPORTING_WORDS = word_trie(literal_words(_REPORTING_VERBS), space=r"\s+")
_REPORTING_CUE = re.compile(rf"\b(?P<cue>{_REPORTING_WORDS})\b")
# After the cue and before the content: its object ("told reporters"), when and
# where it was said ("on Tuesday", "in a statement", "on Twitter"), and "that".
# The object is skipped only after a verb of telling (see ``_ADDRESSED``): after
# "endorsed", "praised" or "sued" the object is what is attributed.
_ADDRESSEE = (
    rf"(?:\s+(?:reporters|journalists|supporters|the\s+crowd|an?\s+\w+|the\s+\w+|[A-Z][\w.]*"
    rf"(?:\s+[A-Z][\w.]*)*)(?=\s+(?:that|on|in|at|during|last|this|{WEEKDAY})\b|\s*[,:]))?"
)
_WHEN_WHERE = (
    rf"(?:\s*,?\s+(?:on\s+)?(?:{WEEKDAY}|today|yesterday|tonight|last\s+\w+|this\s+\w+|"
    r"earlier|later|again|also|(?:in|during|at|on|with|to)\s+(?:a|an|his|her|their|its|the)"
    r"\s+(?:[\w’'-]+\s+){0,3}?(?:statement|interview|speech|letter|post|tweet|memo|email|"
    r"op-ed|report|rally|event|conference|call|appearance|debate|hearing|release|broadcast|"
    r"show|program|meeting)(?:\s+(?:with|on|to)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)?"
    r"|on\s+(?:Twitter|Facebook|Instagram|television|TV|CNN|Fox\s+News|MSNBC|NBC|CBS|ABC))\b)*"
    r"(?:\s*,?\s+that\b|\s*:|\s*,)?\s*"
)
_AFTER_CUE = re.compile(_ADDRESSEE + _WHEN_WHERE)
_AFTER_CUE_OBJECT = re.compile(_WHEN_WHERE)  # the object is the content ("endorsed Sanders")
# Verbs whose object is whom they address, not what they say: "told reporters that …".
_ADDRESSED = frozenset(
    """told tells tell telling asked asks ask asking assured assures informed informs
    reminded reminds warned warns warning urged urges urging promised promises convinced
    persuaded notified briefed advised advises cautioned pressed begged wrote writes
    tweeted posted""".split()
)


def _after_cue(sentence: str, cue_end: int, cue_word: str) -> int:
    """Where the content after a cue starts: past its addressee, when and where, "that"."""
    pattern = _AFTER_CUE if cue_word.lower() in _ADDRESSED else _AFTER_CUE_OBJECT
    return pattern.match(sentence, cue_end).end()


@dataclass(frozen=True)
class _Found:
    """What a reported-speech rule found, offsets relative to the sentence."""

    source: tuple[int, int] | None  # None: the sentence names no source
    cue: tuple[int, int]
    content: tuple[int, int]
    note: str = ""  # what the rule adds to its name as evidence
    # Whom a relative pronoun source ("who") stands for: the noun phrase before it.
    antecedent: tuple[int, int] | None = None


def _rule_source_then_cue(sentence: str, start: int) -> _Found | None:
    """A subject and a reporting verb, then the content to the sentence's end.

    "Officials said the talks would resume", "Mr. Khan, a lawyer, told reporters
    that …". The subject must open its clause: the sentence's start, or after a
    comma, a colon or a conjunction.
    """
    opening: list = []  # the sentence's subject, found once if asked for
    for cue in _REPORTING_CUE.finditer(sentence, start):
        at = cue.start()
        subject = _apposed_subject(sentence, start, at) or _subject_before(
            sentence,
            at,
            adverbs=True,  # "Lund jokingly said"
        )
        if subject is None and _SHARED_SUBJECT.search(sentence, max(start, at - 20), at):
            # "Obama met survivors … and said …": the sentence's subject said it.
            if not opening:
                found = _subject(sentence[start : start + 400])
                opening.append(
                    (start + found.start("speaker"), start + found.end("speaker"))
                    if found
                    else None
                )
            subject = opening[0]
        elif subject is not None and not _opens_clause(sentence, start, subject[0]):
            continue
        if subject is None:
            continue
        lo = _after_cue(sentence, cue.end(), cue.group("cue"))
        lo, before = _past_when_said(sentence, start, cue, subject, lo)
        if before is not None:
            return before
        end = _content_end(sentence, lo)
        if end - lo < 12 or not _WORD_CHAR.search(sentence, lo, end):
            continue  # "…, officials said." is the tail form
        if (
            _set_off(sentence, cue.end(), lo)
            and _AFTER_A_COMMA.search(sentence, max(start, subject[0] - 3), subject[0])
            and not _LEAD_IN_ONLY.fullmatch(sentence, start, sentence.rfind(",", start, subject[0]))
        ):
            # "If the law conflicts, Rubio said, Christians must …", "…, Lund said on
            # Monday, and it …": the source and cue are an aside, and the content is
            # the sentence around them.
            return _Found(
                subject, cue.span("cue"), (start, end), "the source and cue set off by commas"
            )
        return _Found(subject, cue.span("cue"), (lo, end))
    return None


def _past_when_said(
    sentence: str, start: int, cue: re.Match, subject: tuple[int, int], lo: int
) -> tuple[int, _Found | None]:
    """Where the content after a cue starts, past when it was said; or the content before it.

    "Lund said after the vote that …": after "that". "Victory is vital, he said
    after meeting aides, because …": what follows the cue is when it was said, and
    the content is before the comma that the source follows.
    """
    when = _WHEN_THEN_THAT.match(sentence, lo)
    if when is not None:
        return when.end(), None
    if (
        not sentence[cue.end() : lo].strip()
        and _CIRCUMSTANCE.match(sentence, lo)
        and _AFTER_A_COMMA.search(sentence, max(start, subject[0] - 3), subject[0])
    ):
        comma = sentence.rfind(",", start, subject[0])
        if comma - start >= 12:
            return lo, _Found(subject, cue.span("cue"), (start, comma))
    return lo, None


_WORD_CHAR = re.compile(r"\w")
# When or where it was said, then "that": "said after the vote that …".
# "that" opens the content only before its subject: "in August that compared …" is a
# relative clause of what was posted.
_WHEN_THEN_THAT = re.compile(
    r"(?:after|before|during|following|at|in|on|while)\s+[^,.;:“”\"]{1,60}?\s+that\s+"
    r"(?=[A-Z]|(?:he|she|they|it|we|i|you|the|a|an|his|her|their|its|this|these|those|if|"
    r"when|while|although|though|because|unless|once)\b)"
)
# What follows a cue straight after it and is no content: when it was said.
_CIRCUMSTANCE = re.compile(r"(?:after|before|during|following)\b")
_PARENTHETICAL = re.compile(r",\s+(?!that\b)")  # a comma straight after the cue


def _set_off(sentence: str, cue_end: int, lo: int) -> bool:
    """Whether a comma closes the cue's aside: straight after it, or after when it was said.

    ``sentence[cue_end:lo]`` is what :func:`_after_cue` passed over ("on Monday,").
    """
    if _PARENTHETICAL.match(sentence, cue_end):
        return True
    between = sentence[cue_end:lo].rstrip()
    return between.endswith(",") and not between.lstrip().startswith("that")


_AFTER_A_COMMA = re.compile(r",\s+$")
_SHARED_SUBJECT = re.compile(r"\s(?:and|but)\s+(?:(?:also|then|later)\s+)?$")
_CLAUSE_OPENER = re.compile(
    # A comma may stand inside a closing mark: "Speaking on “This Week,” Carson said".
    r"(?:[,;:—–(][”\"’]?\s*|\s-\s+|\b(?:and|but|while|as|because|when|since|though|although|after|before|"
    r"if|so)\s+)$"
)


def _opens_clause(sentence: str, start: int, at: int) -> bool:
    """Whether a subject at ``at`` opens a clause (a lead-in "On Monday," included).

    Only the few characters before it are read: an opener is a comma or a word.
    """
    if at <= start:  # nothing before it (``start`` is the sentence's first visible character)
        return True
    return _CLAUSE_OPENER.search(sentence, max(start, at - 20), at) is not None


# The cue closing a sentence, its subject before it or after it: "…, officials said."
# "…, said Senator Jeff Sessions, Republican of Alabama."
_TAIL_CUE = re.compile(rf"\b(?P<cue>{_REPORTING_WORDS}|according\s+to)\b")
# When and where it was said, in phrases ("…, officials said in Geneva on Monday.").
_TAIL_WHEN = (
    # Never across "that": "…, she said on Tuesday that she would run" is no tail.
    r"(?:\s+(?:{}|in|on|at|during|last|this)\b(?:(?!\bthat\b)[^,.;:!?“”\"]){{0,80}}"
    r"|\s+[A-Z][a-z]+day\b)*"
)
# What may follow and is no content of the cue: an aside after a dash, or when
# ("…, the Gazette declared on Thursday, two days after the vote.").
_TAIL_END = (
    r"(?:\s+[—–]\s[^“”\"]*|,\s+(?:[\w-]+\s+){0,2}(?:days?|weeks?|hours?|months?|years?)\s+"
    r"(?:after|before|since|ago)\b[^“”\"]*)?"
    # A semicolon ends the clause too: "…, engineers say; in 2019, a storm …".
    r"\s*(?:;|[.!?]?[\"”’]?\s*$)"
)
_TAIL_AFTER = re.compile(_TAIL_WHEN.format("of|about|to|with|after|before") + _TAIL_END)
# After a verb of telling, whom it was told to ("…, a port official told the Harbour
# Times."); after that, "to" opens what was told ("urged the council to …").
_TAIL_AFTER_TOLD = re.compile(
    r"(?:\s+(?:reporters|journalists|(?:the\s+)?[A-Z][\w.’'&-]*(?:\s+(?:of\s+)?[A-Z][\w.’'&-]*)*"
    # or an audience after a determiner: "…, the minister told a Senate panel Wednesday."
    # (not any object: "…, it is unlikely to tell the full story." tells the story)
    r"|(?:a|an|the|his|her|their)\s+(?:[\w’'&-]+\s+){0,3}?(?:[A-Z][\w’'&-]*|"
    r"panel|committee|audience|crowd|gathering|reporters|journalists|interviewer|"
    r"newspaper|station|network|magazine|website|podcast|lawmakers|supporters|voters)))?"
    + _TAIL_WHEN.format("after|before")
    + _TAIL_END
)


_CUE_PUNCT = ",;:.!?“”\"'’‘()"


def _closes_the_sentence(sentence: str, cue_end: int, cue_word: str) -> bool:
    """Whether nothing after a cue is its content: "…, officials said on Monday."."""
    told = cue_word.strip(_CUE_PUNCT).lower() in _ADDRESSED
    return (_TAIL_AFTER_TOLD if told else _TAIL_AFTER).match(sentence, cue_end) is not None


def _rule_tail(sentence: str, start: int) -> _Found | None:
    """Content, then the source and cue closing the sentence: "…, officials said.".

    The source may come first or second, and an apposition may follow it: the
    last three commas are tried, so "…, said Rita Reyes, the group's head, who …"
    is read whole.
    """
    commas, end = [], len(sentence)
    while len(commas) < 3:
        comma = max(
            sentence.rfind(", ", start, end),
            sentence.rfind(",” ", start, end),
            sentence.rfind('," ', start, end),
        )
        if comma <= start:
            break
        commas.append(comma)
        end = comma
    if not commas or _TAIL_CUE.search(sentence, commas[-1] + 1) is None:
        return None  # no cue after the earliest comma tried (most sentences)
    for comma in commas:
        found = _tail_at(sentence, start, comma)
        if found is not None:
            return found
    return None


# A quotation opening the sentence, then a short noun phrase: "“…,” another friend,
# Mira Lee told CNN." (mixed speech runs on with a verb: "“…” would be …").
_QUOTATION_THEN_WORDS = re.compile(
    r"\s*(?:[“\"]|'')[^“”\"]*(?:[”\"]|'')[,.!?]?\s+"
    r"(?:[A-Z]|(?:a|an|the|another|one|his|her|their|its)\s)[\w.’'-]*(?:\s+[\w.’'-]+){0,4}"
)


# A short phrase of place or time opening the sentence: a lead-in, never a tail's content.
_LEAD_IN_ONLY = re.compile(
    r"\s*(?:In|On|At|During|After|Before|From|For|With|Under|Over|Since|By|Inside|Outside)"
    r"\s+[^\s,]+(?:\s+[^\s,]+){0,3}\s*"
)


def _tail_at(sentence: str, start: int, comma: int) -> _Found | None:
    """The tail attribution whose content ends at ``comma``, if the rest is its source and cue."""
    tail_lo = comma + 1
    cue = _TAIL_CUE.search(sentence, tail_lo)
    if cue is None or cue.group("cue").lower().startswith("according"):
        return None
    if _QUOTATION_THEN_WORDS.fullmatch(sentence, start, comma):
        return None  # "“…,” a friend, Mira Lee told CNN.": the quotation's own speaker and cue
    if _LEAD_IN_ONLY.fullmatch(sentence, start, comma):
        return None  # "In Geneva, Lund said during the talks …": a lead-in, not content
    subject = _subject_before(sentence, cue.start())
    if subject is not None and subject[0] >= tail_lo:
        if _closes_the_sentence(sentence, cue.end(), cue.group("cue")):
            return _Found(subject, cue.span("cue"), (start, comma))
        return None
    # The cue first: ", said Senator Jeff Sessions, …", ", said a Democratic strategist".
    if sentence[tail_lo : cue.start()].strip():
        return None
    name = _NAME_AFTER.match(sentence, cue.end()) or _DESCRIBED_AFTER.match(sentence, cue.end())
    if name is None or any(
        _is_verb(word, word.lower()) for word in sentence[slice(*name.span("name"))].split()
    ):
        return None
    return _Found(name.span("name"), cue.span("cue"), (start, comma))


# The source after its cue, then nothing but an apposition to the sentence's end.
_NAME_AFTER = re.compile(
    rf"\s+(?P<name>{_SPEAKER})(?:\s*\([^)]{{1,20}}\))?(?:,\s+[^\"“”«»]{{1,200}})?\s*[.!?]?\s*$"
)


# A described source after its cue: "…, said a Democratic strategist", "…, wrote the
# group's director, who …", "…, said an official who spoke anonymously". At most
# eight words, none of them a verb; a relative clause after them is no part of it.
_DESCRIBED_AFTER = re.compile(
    r"\s+(?P<name>(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ne|[Aa]nother|[A-Z][\w.’'-]*)"
    r"(?:\s+(?!(?:who|whose)\b)[\w.’'&-]+){0,7})(?:\s*\([^)]{1,20}\))?"
    r"(?:,\s+[^\"“”«»]{1,200}|\s+(?:who|whose)\s+[^\"“”«»]{1,200})?\s*[.!?]?\s*$"
)


# "According to X, …" opening a sentence; "…, according to X." closing one. X is
# what follows up to a comma or the sentence's end: a name, "exit polls", "a
# Washington Post analysis", "members who spoke with reporters".
# The source may hold a quoted title: "according to “The Long Road” by Jo Lund, …";
# printed with the comma inside its marks, the title ends the source there
# ("according to “The Harbour Ledger,” the port lost money").
_SOURCE_PART = r"(?:[^,;:“”\"()]|[“\"][^“”\",]{1,120},?[”\"])"  # a character, or a title
# At a comma, a parenthesis, a dash or the sentence's end.
_SOURCE_ENDS = r"(?=\s*(?:[,;:()]|[-—–]{1,2}\s|[.!?]?[\"”’]?\s*$))"
_ACCORDING = re.compile(
    rf"\b(?P<cue>[Aa]ccording\s+to)\s+(?P<speaker>{_SOURCE_PART}{{1,150}}?)"
    rf"(?:{_SOURCE_ENDS}|(?<=,[”\"]))"
)
# Opening its sentence, the source runs on to the comma after its marks: "According to
# “Harbour Days,” a history of the port, the berths …".
_ACCORDING_OPENING = re.compile(
    rf"(?P<cue>[Aa]ccording\s+to)\s+(?P<speaker>{_SOURCE_PART}{{2,150}}?){_SOURCE_ENDS}"
)
# A lead-in of time or place before an "according to" aside: "One Sunday in 2001, …".
_LEAD_IN = re.compile(
    r"(?:in|on|at|during|after|before|since|by|from|until|within|last|this|one|early|late|"
    r"earlier|later|back)\b[^,;:]{0,60}",
    re.IGNORECASE,
)


# Conjunctions that carry a sentence on past an aside: the claim goes on.
_GOES_ON = frozenset("although though while whereas but and because since as even".split())


def _rule_according(sentence: str, start: int) -> _Found | None:
    """Opening "According to X, …", or "…, according to X" after the content."""
    match = _ACCORDING.search(sentence, start)
    if match is None:
        return None
    if match.start() == start:
        match = _ACCORDING_OPENING.match(sentence, start) or match
    source, cue = match.span("speaker"), match.span("cue")
    if match.start() == start:
        lo = (
            match.end() + len(sentence[match.end() :]) - len(sentence[match.end() :].lstrip(" ,;:"))
        )
        end = _content_end(sentence, lo)
        return _Found(source, cue, (lo, end)) if end - lo >= 3 else None
    end = len(sentence[: match.start()].rstrip(" ,;:—–-"))
    rest = _content_end(sentence, match.end())
    after = sentence[match.end() : rest].split()
    inside = sentence[match.end() - 2 : match.end()] in (",”", ',"')  # the comma in the marks
    if inside:
        after = [",", *after]
    if (
        len(after) > 3
        and after[0] == ","
        and (after[1][:1].isupper() or after[1] in _OPENS_A_SUBJECT)
        and _a_lead_in(sentence, start, end)
    ):
        # "One Sunday in 2001, according to X, Lund sat …": the content is the clause
        # after, with its own subject ("At the heart of it, according to X, was …" is whole).
        lo = (
            match.end()
            + len(sentence[match.end() : rest])
            - len(sentence[match.end() : rest].lstrip(" ,"))
        )
        return _Found(source, cue, (lo, rest), "the source set off by commas, after a lead-in")
    if (
        len(after) > 1
        and after[0] == ","
        and (
            _is_verb(after[1], after[1].lower())
            or after[1].lower() in _GOES_ON
            or "," in sentence[match.end() + (not inside) : rest]
        )
    ):
        # "At the heart of it, according to X, was a decision …", "Lund leads, according
        # to X, although Berg is close": the source is an aside, and the content the
        # sentence around it.
        return _Found(source, cue, (start, rest), "the source set off by commas")
    if after and after[0] in _DASHES and _DASH_BEFORE.search(sentence, start, match.start()):
        # "Most voters - 63 percent, according to X - back it": an aside between dashes.
        return _Found(source, cue, (start, rest), "the source set off by dashes")
    opened = sentence.rfind("(", start, match.start())
    if opened >= 0 and ")" not in sentence[opened : match.start()]:
        start = opened + 1  # "(93 percent voted, according to X)": what the brackets hold
    return _Found(source, cue, (start, end)) if end - start >= 3 else None


_DASH_BEFORE = re.compile(r"\s(?:-{1,2}|[—–])\s")


_OPENS_A_SUBJECT = frozenset("the a an his her their its our he she they we it i".split())


def _a_lead_in(sentence: str, start: int, end: int) -> bool:
    """Whether ``sentence[start:end]`` is a lead-in of time or place: a few words, no verb.

    Not a subject that opens on a word of time: "Last year's harvest, according to X, …".
    """
    lead = sentence[start:end]
    return (
        _LEAD_IN.fullmatch(lead) is not None
        and "’s" not in lead
        and "'s" not in lead
        and _A_VERB_IN_A_LEAD_IN.search(lead) is None
    )


_A_VERB_IN_A_LEAD_IN = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|[a-z]{2,}ed)\b")


# A speaker's name and a colon opening a sentence: a headline ("Lund: Talks Will
# Resume"), a line of transcript ("LUND: We will resume."), a quotation introduced
# ("- Ida Lund: “…”"). Labels of the page's own furniture name no speaker.
_LABEL = re.compile(
    rf"(?:[-–—•]\s*)?(?P<name>{_SPEAKER})(?:\s+on\s+[^:\n]{{1,80}}?)?\s*(?P<cue>:)\s*(?=\S)"
)
_NOT_A_LABEL = frozenset(
    """note update updated photo photos video videos related source sources editor editors
    correction read watch listen advertisement breaking analysis opinion caption credit
    image images pictured subscribe follow share transcript disclaimer warning more see
    also q a click sign tags topics filed published posted the latest contributing paid
    remember name stat boom exclusive live episode part chapter day quote fact facts
    bottom why how what when where verdict summary background context reporting""".split()
)
# Words of a series' or a page's name, not a speaker's: "AP-GfK Poll:", "The Daily Report:".
_LABEL_WORDS = frozenset("report news daily notice week weekly series".split())


def _rule_label(sentence: str, start: int) -> _Found | None:
    """A name and a colon opening the sentence, then what they said: "Lund: Talks Will Resume"."""
    match = _LABEL.match(sentence, start)
    if match is None or len(match.group("name").split()) > 6:
        return None
    words = [
        w.strip("“”\"'’‘.").lower().removesuffix("’s").removesuffix("'s")
        for w in match.group("name").split()
    ]
    if words[0] in _NOT_A_LABEL or _LABEL_WORDS.intersection(words):
        return None
    if not clean_speaker(match.group("name")):
        return None
    end = _content_end(sentence, match.end())
    if end - match.end() < 12 or not _WORD_CHAR.search(sentence, match.end(), end):
        return None
    return _Found(match.span("name"), match.span("cue"), (match.end(), end))


# "Trump attacked the plan, saying it would cost jobs": a participle reports what the
# sentence's subject said.
_PARTICIPLES = (
    r"saying|adding|arguing|noting|insisting|warning|claiming|declaring|explaining|"
    r"suggesting|stressing|acknowledging|predicting|complaining"
)
_PARTICIPLE = re.compile(rf",\s+(?P<cue>{_PARTICIPLES})(?:\s+that)?\s+")


def _rule_participle(sentence: str, start: int) -> _Found | None:
    """A participle after a comma, its source the sentence's subject: "…, saying it would …"."""
    match = _PARTICIPLE.search(sentence, start)
    if match is None:
        return None
    subject = _subject(sentence[start : start + 400])
    if subject is None or subject.start("speaker") + start >= match.start():
        return None
    end = _content_end(sentence, match.end())
    if end - match.end() < 12:
        return None
    source = (start + subject.start("speaker"), start + subject.end("speaker"))
    return _Found(source, match.span("cue"), (match.end(), end))


# Each rule reads one sentence (quotations masked) and where its own words start
# (past a dateline); it returns where the source, the cue and the content are.
REPORTED_RULES: tuple[tuple[str, Callable[[str, int], _Found | None]], ...] = (
    ("a name and a colon opening the sentence", _rule_label),
    ("'according to' the source", _rule_according),
    ("content, then the source and cue closing the sentence", _rule_tail),
    ("the source and a reporting verb, then the content", _rule_source_then_cue),
    ("a participle ('…, saying …') of the sentence's subject", _rule_participle),
)


def _content_start(sentence: str) -> int:
    """Where the sentence's own words start: past its dateline and lead-ins."""
    dateline = DATELINE.match(sentence)
    at = dateline.end() if dateline else 0
    at += len(sentence[at:]) - len(sentence[at:].lstrip())
    return at


_TRAILING = frozenset('.!?;:,"”’»)')


def _content_end(sentence: str, lo: int) -> int:
    """The end of the content that starts at ``lo``: the sentence's end, less its punctuation.

    Read backwards from the end over the closing run only, so each call costs the
    length of that run, not of the sentence.
    """
    end = len(sentence)
    while end > lo and (sentence[end - 1] in _TRAILING or sentence[end - 1].isspace()):
        end -= 1
    return end


def _cue_words() -> list[str]:
    """Every word that may open a cue, in lower and title case.

    The reporting verbs (a verb phrase's first word), "according" and the participles.
    """
    words = set()
    for alternative in f"{_REPORTING_VERBS}|according|{_PARTICIPLES}".split("|"):
        first = re.split(r"\\s", alternative)[0]  # "pointed\s+out" opens with "pointed"
        if first in ("has", "have", "had", "went"):
            continue  # "has said", "went on to say": the cue's own verb follows
        variants = [first]
        if "[sz]" in first:
            variants = [first.replace("[sz]", "s"), first.replace("[sz]", "z")]
        for variant in variants:
            words.update({variant, variant.capitalize()})
    return sorted(words)


# Any word a cue opens with: every rule needs one, so a sentence without is passed over.
CUE_WORDS = frozenset(_cue_words())  # also found by the cue model's scan of a whole text
_ANY_CUE = re.compile(rf"\b{word_trie(sorted(CUE_WORDS))}\b")
