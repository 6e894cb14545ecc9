"""The rules of reported speech: each reads one sentence and finds a source, a cue and content.

"Officials said the talks would resume", "…, the mayor said.", "According to
X, …", "Lund: Talks Will Resume", "…, saying …": :data:`REPORTED_RULES` is a
table of named rules, each over one sentence with its quotations masked, each
returning where the source, the cue and the content are (:class:`_Found`,
offsets in the sentence). :func:`_learned_cue` reads the cues of the trained
model (:mod:`analysis.segment.cue_model`): the long tail no rule names. How a
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
    _BEFORE_A_VERB,
    _CLAUSE_REACH,
    _RELATIVE_BEFORE,
    _antecedent,
    _apposed_subject,
    _clause_start,
    _clause_subject,
    _headline_subject,
    _is_verb,
    _nearest_clause_subject,
    _subject_before,
    _words,
)
from analysis.text import DATELINE, WEEKDAY

__all__ = ["REPORTED_RULES"]


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
        end = _content_end(sentence, lo)
        if end - lo < 12 or not _WORD_CHAR.search(sentence, lo, end):
            continue  # "…, officials said." is the tail form
        if _PARENTHETICAL.match(sentence, cue.end()) and _AFTER_A_COMMA.search(
            sentence, max(start, subject[0] - 3), subject[0]
        ):
            # "If the law conflicts, Rubio said, Christians must …": the source and cue
            # are an aside, and the content is the sentence around them.
            return _Found(
                subject, cue.span("cue"), (start, end), "the source and cue set off by commas"
            )
        return _Found(subject, cue.span("cue"), (lo, end))
    return None


_WORD_CHAR = re.compile(r"\w")
_PARENTHETICAL = re.compile(r",\s+(?!that\b)")  # a comma straight after the cue
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
    r"(?:\s+(?:{}|in|on|at|during|last|this)\b[^,.;:!?“”\"]{{0,80}}"
    r"|\s+[A-Z][a-z]+day\b)*"
)
# What may follow and is no content of the cue: an aside after a dash, or when
# ("…, the Gazette declared on Thursday, two days after the vote.").
_TAIL_END = (
    r"(?:\s+[—–]\s[^“”\"]*|,\s+(?:[\w-]+\s+){0,2}(?:days?|weeks?|hours?|months?|years?)\s+"
    r"(?:after|before|since|ago)\b[^“”\"]*)?"
    r"\s*[.!?]?[\"”’]?\s*$"
)
_TAIL_AFTER = re.compile(_TAIL_WHEN.format("of|about|to|with|after|before") + _TAIL_END)
# After a verb of telling, whom it was told to ("…, a port official told the Harbour
# Times."); after that, "to" opens what was told ("urged the council to …").
_TAIL_AFTER_TOLD = re.compile(
    r"(?:\s+(?:reporters|journalists|(?:the\s+)?[A-Z][\w.’'&-]*(?:\s+(?:of\s+)?[A-Z][\w.’'&-]*)*))?"
    + _TAIL_WHEN.format("after|before")
    + _TAIL_END
)


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


def _tail_at(sentence: str, start: int, comma: int) -> _Found | None:
    """The tail attribution whose content ends at ``comma``, if the rest is its source and cue."""
    tail_lo = comma + 1
    cue = _TAIL_CUE.search(sentence, tail_lo)
    if cue is None or cue.group("cue").lower().startswith("according"):
        return None
    if _QUOTATION_THEN_WORDS.fullmatch(sentence, start, comma):
        return None  # "“…,” a friend, Mira Lee told CNN.": the quotation's own speaker and cue
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
# group's director, who …". At most eight words, none of them a verb.
_DESCRIBED_AFTER = re.compile(
    r"\s+(?P<name>(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ne|[Aa]nother|[A-Z][\w.’'-]*)"
    r"(?:\s+[\w.’'&-]+){0,7})(?:\s*\([^)]{1,20}\))?(?:,\s+[^\"“”«»]{1,200})?\s*[.!?]?\s*$"
)


# "According to X, …" opening a sentence; "…, according to X." closing one. X is
# what follows up to a comma or the sentence's end: a name, "exit polls", "a
# Washington Post analysis", "members who spoke with reporters".
_ACCORDING = re.compile(
    r"\b(?P<cue>[Aa]ccording\s+to)\s+(?P<speaker>[^,;:“”\"()]{2,150}?)"
    r"(?=\s*(?:[,;:(]|[.!?]?[\"”’]?\s*$))"
)


def _rule_according(sentence: str, start: int) -> _Found | None:
    """Opening "According to X, …", or "…, according to X" after the content."""
    match = _ACCORDING.search(sentence, start)
    if match is None:
        return None
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
    if (
        len(after) > 1
        and after[0] == ","
        and (_is_verb(after[1], after[1].lower()) or "," in sentence[match.end() + 1 : rest])
    ):
        # "At the heart of it, according to X, was a decision …": the source is an
        # aside, and the content the sentence around it.
        return _Found(source, cue, (start, rest), "the source set off by commas")
    return _Found(source, cue, (start, end)) if end - start >= 3 else None


# A speaker's name and a colon opening a sentence: a headline ("Lund: Talks Will
# Resume"), a line of transcript ("LUND: We will resume."), a quotation introduced
# ("- Ida Lund: “…”"). Labels of the page's own furniture name no speaker.
_LABEL = re.compile(rf"(?:[-–—•]\s*)?(?P<name>{_SPEAKER})\s*(?P<cue>:)\s*(?=\S)")
_NOT_A_LABEL = frozenset(
    """note update updated photo photos video videos related source sources editor editors
    correction read watch listen advertisement breaking analysis opinion caption credit
    image images pictured subscribe follow share transcript disclaimer warning more see
    also q a click sign tags topics filed published posted the latest contributing paid
    remember name stat boom exclusive live episode part chapter day quote fact facts
    bottom why how what when where verdict summary background context reporting""".split()
)
# Words of a series' or a page's name, not a speaker's: "AP-GfK Poll:", "The Daily Report:".
_LABEL_WORDS = frozenset("poll polls report news daily notice week weekly series".split())


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


def _learned_cue(sentence: str, start: int, p: float, lo: int, hi: int) -> _Found | None:
    """The attribution of a cue the trained model recognises (:mod:`analysis.segment.cue_model`).

    The long tail of cues no rule names ("asked whether", "polls show", "endorsed",
    "declined to"). The content is what follows the cue to the sentence's end or,
    where the cue closes the sentence ("…, she argued."), what stands before it;
    the source is the subject before the cue, a name after it, or none. ``None``
    where the cue has no content, or is a quotation's own.

    Args:
        sentence: The sentence, quoted words blanked.
        start: Where its own words start.
        p: The model's probability that ``sentence[lo:hi]`` is a cue.
        lo: Where the cue's word starts.
        hi: Where it ends.
    """
    after = _AFTER_QUOTATION.search(sentence, max(start, lo - 80), lo)
    if after and not _ANY_CUE.search(sentence, after.start(), lo):
        # "“…,” said X", "“…,” Fallon said": the quotation's own cue, read already. A
        # cue after the quotation's own ("“…,” he said, insisting that …") is its own.
        return None
    note = f"'{sentence[lo:hi].strip(_CUE_PUNCT)}' scored {p:.2f}"
    cue = (lo, hi - len(sentence[lo:hi]) + len(sentence[lo:hi].rstrip(_CUE_PUNCT)))
    antecedent = None
    participle = _PROGRESSIVE.match(sentence, lo, hi) is not None
    subject = (
        _apposed_subject(sentence, start, lo)
        or _participle_subject(sentence, start, lo, hi, participle)
        or _subject_before(sentence, lo, skip=_BEFORE_A_VERB, adverbs=True)
        or _headline_subject(sentence, start, lo)  # "Lund Presses X, Proposes Y"
    )
    owner = _OWNER_BEFORE.search(sentence, max(start, lo - 8), lo)
    if owner is not None:
        subject = owner.span("owner")  # "his promise to build …": a noun's owner says it
    relative = _RELATIVE_BEFORE.search(sentence, max(start, lo - 60), lo)
    if _said_of_the_subject(sentence, start, lo, hi):
        # "The channel is said to be shallow", "Pigs are considered unclean by some",
        # "The plan seemed doomed": said or thought of the subject, not by it, so the
        # subject is part of what is attributed. The source, where named, follows "by".
        # An adjective ("Some voters are hopeful") or "is saying" is the subject's own.
        return _of_the_subject(sentence, start, lo, cue, note)
    found = _hanging_passive(sentence, start, lo, cue, note) or _stirred(
        sentence, start, lo, cue, note, subject
    )
    if found is not None:
        return found
    if subject is None and participle and _OPENING_PARTICIPLE.fullmatch(sentence, start, lo):
        opening = _opening_participle(sentence, cue, note)
        if opening is not None:
            return opening
    if subject is None and relative:
        # "critics who warned …", "a tweet that blasts …": the relative pronoun is the
        # source as written; the noun phrase before it is whom it stands for.
        subject = relative.span("relative")
        antecedent = _antecedent(sentence, start, relative.start())
    if (
        subject is None
        and not relative
        and (participle or not _TAIL_CUE_BEFORE.search(sentence, max(start, lo - 3), lo))
    ):
        # "X, a Republican, has not endorsed …", "X met the pilots and asked …",
        # "Activists marched, demanding …", "Some voters are hopeful …": the subject
        # opening the cue's clause (a comma before a participle does not close it).
        subject = _nearest_clause_subject(sentence, start, lo)
    clo = _after_cue(sentence, cue[1], sentence[cue[0] : cue[1]])
    end = _content_end(sentence, clo)
    words_after = end - clo >= _LEARNED_CONTENT_CHARS and _WORD_CHAR.search(sentence, clo, end)
    if words_after and not _no_content_after(sentence, cue):
        return _Found(subject, cue, (clo, end), note, antecedent)
    return _learned_tail(sentence, start, cue, subject, note)


def _no_content_after(sentence: str, cue: tuple[int, int]) -> bool:
    """Whether what follows a cue is no content of it, so the cue closes its clause.

    A dash straight after it opens an aside ("…, his allies believe — voters he
    needs."); after a verb of telling, whom it was told to may end the sentence
    ("…, an official told the Harbour Times.").
    """
    if _DASH_AFTER.match(sentence, cue[1]):
        return True
    word = sentence[cue[0] : cue[1]].lower()
    return word in _ADDRESSED and _TAIL_AFTER_TOLD.match(sentence, cue[1]) is not None


def _learned_tail(
    sentence: str, start: int, cue: tuple[int, int], subject, note: str
) -> _Found | None:
    """A learned cue closing its sentence: the content is what stands before the comma."""
    lo = cue[0]
    comma = max(sentence.rfind(", ", start, lo), sentence.rfind(",” ", start, lo))
    if comma <= start or (
        comma - start < _CLAUSE_REACH and _QUOTATION_THEN_WORDS.fullmatch(sentence, start, comma)
    ):
        return None  # "“…,” Tom Ward, an aide told CNN.": the quotation's own speaker and cue
    if not _closes_the_sentence(sentence, cue[1], sentence[cue[0] : cue[1]]):
        return None
    if subject is not None and subject[0] > comma:
        return _Found(subject, cue, (start, comma), note)
    name = _NAME_AFTER.match(sentence, cue[1])
    return _Found(name.span("name") if name else None, cue, (start, comma), note)


def _participle_subject(
    sentence: str, start: int, lo: int, hi: int, participle: bool
) -> tuple[int, int] | None:
    """The subject of a participle cue that hangs on its clause, or ``None`` where none does.

    "Dockers marched through the port on Monday, chanting …": after a comma, the
    clause's subject speaks, not the words just before the comma ("Monday"). So
    after a preposition or a phrase of time: "…, she can stop it by pushing for …",
    "…, at one point calling …". After a noun the participle has that noun ("an
    item suggesting"), and after "with" too ("with three in ten saying"): ``None``.
    """
    if not participle or sentence[lo:hi].strip(_CUE_PUNCT).lower() in _PREPOSITIONS_IN_ING:
        return None  # "according to", "including": no subject of their own
    if _OPENING_PARTICIPLE.fullmatch(sentence, start, lo):
        return None  # "Without naming a date, Reyes …": its subject follows (_opening_participle)
    if (
        _COMMA_ADVERB_BEFORE.search(sentence, max(start, lo - 20), lo)
        or _PREPOSITION_BEFORE.search(sentence, max(start, lo - 12), lo)
        or _AT_TIMES_BEFORE.search(sentence, max(start, lo - 40), lo)
    ):
        return _nearest_clause_subject(sentence, _clause_start(sentence, start, lo), lo)
    return None


_PREPOSITIONS_IN_ING = frozenset(
    "according including regarding concerning following excluding notwithstanding".split()
)
# A preposition, or a phrase of time, just before a participle: "by pushing", "at one
# point calling".
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:by|in|on|for|from|without|after|before|while|when|since|despite)\s+$", re.IGNORECASE
)
_AT_TIMES_BEFORE = re.compile(
    r"\b(?:at|on|in)\s+(?:one\s+point|times|the\s+time|the\s+same\s+time|once)\s+$", re.IGNORECASE
)
_CUE_PUNCT = ",;:.!?“”\"'’‘()"
# The shortest content of a learned cue: "supported [the idea]", "I think [it's strong]".
_LEARNED_CONTENT_CHARS = 6
# A blanked quotation (and its comma) just before a cue.
_AFTER_QUOTATION = re.compile(r"(?:[”\"]|'')[,.!?]?\s+(?:[\w.’'-]+,?\s+){0,5}$")
# A form of "be" just before the cue (an adverb may stand between): a passive, unless
# the cue is a participle in -ing ("has been saying").
_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|[’']re)\s+"
    r"(?:(?:\w+ly|first|also|not|never|still|often|long|already|even|once|now|then|later)\s+){0,2}$"
)  # "was first reported", "are not widely shared": up to two adverbs between
_PROGRESSIVE = re.compile(r"\w+ing\b")
_PAST_PARTICIPLE = re.compile(
    r"(?:\w+(?:ed|en)|said|told|known|seen|shown|thought|heard|made|found|sent|held|"
    r"brought|sold|left|kept|paid|read|led|met|quoted|cited)\b",
    re.IGNORECASE,
)
_TAIL_CUE_BEFORE = re.compile(r"[,;:]\s*$")  # "…, said X": the source follows the cue
_COMMA_ADVERB_BEFORE = re.compile(r"[,;:]\s*(?:[a-z]+ly\s+)?$")  # "…, warmly congratulating"
# What may stand before a participle opening its sentence: "Noting", "After arguing".
_OPENING_PARTICIPLE = re.compile(
    r"\s*(?:(?:After|Before|While|By|When|Since|In|On|Upon|Without|Despite)\s+)?"
)
# Participles after "be" that say what the subject feels or holds: it is the source.
_FEELINGS = frozenset(
    """concerned worried convinced shocked startled surprised pleased disappointed
    frustrated alarmed troubled encouraged excited relieved upset angered satisfied
    determined committed interested dismayed outraged annoyed puzzled disturbed
    heartened horrified amazed impressed opposed inclined persuaded resigned prepared
    torn divided split unconvinced undecided confused offended delighted scared
    frightened terrified""".split()
)
# Feelings whose "by" names their cause, not a source: "voters, angered by the fares".
_MOVED_BY = frozenset(
    """angered worried concerned shocked startled surprised pleased disappointed
    frustrated alarmed troubled upset outraged annoyed puzzled disturbed horrified
    amazed impressed delighted dismayed offended heartened excited relieved satisfied
    confused""".split()
)
# Verbs that say how a thing seems, to nobody named: the subject is the content's.
_RAISING = re.compile(r"(?:seem|seems|seemed|seeming|appear|appears|appeared)\b", re.IGNORECASE)
# The agent of a passive cue: "was echoed by former Gov. Jo Reed", "by some Democrats".
_BY_AGENT = re.compile(
    r"(?:\s+[\w’'-]+){0,4}?\s+(?P<by>by)\s+(?P<agent>(?:[\w.’'&-]+\s+){0,6}?[\w.’'&-]+)"
    r"(?=\s*(?:[,;:.!?()]|\s(?:who|which|that|and|but|in|on|at|during|after|before|for|as|"
    r"because|since|when|while)\s)|\s*$)"
)


def _said_of_the_subject(sentence: str, start: int, lo: int, hi: int) -> bool:
    """Whether the cue at ``sentence[lo:hi]`` is passive ("is said") or "seems".

    A feeling after "be" is not: "Some backers are concerned that …" is theirs.
    """
    if _RAISING.match(sentence, lo, hi):
        return True
    return bool(
        _PASSIVE.search(sentence, max(start, lo - 30), lo)
        and _PAST_PARTICIPLE.match(sentence, lo, hi)
        and sentence[lo:hi].strip(_CUE_PUNCT).lower() not in _FEELINGS
    )


_NO_AGENT = re.compile(r"\w+ing\b|(?:tele)?phone|e-?mail|text|video|mail|letter|fax")
_DASH_AFTER = re.compile(r"\s+[—–]\s")
_OWNER_BEFORE = re.compile(r"\b(?P<owner>[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y)\s+$")
_JUST_BY = re.compile(r"\s+by\s")
_COMMA_BEFORE = re.compile(r",\s+$")


# Verbs whose subject is what stirs a feeling and whose object feels it: "The fare
# cut cheered the fishermen" is the fishermen's view of the fare cut.
_STIRS = frozenset(
    """angered angers alarmed alarms worried worries cheered cheers pleased pleases rattled
    rattles heartened heartens delighted delights infuriated infuriates troubled troubles
    surprised surprises impressed impresses enraged enrages frustrated frustrates
    disappointed disappoints upset upsets outraged outrages scared scares frightened
    frightens stunned stuns shocked shocks unsettled unsettles irritated irritates annoyed
    annoys bothered bothers resonated resonates""".split()
)
# The one who feels it, after the verb (and "with", after "resonated").
_FEELER_AFTER = re.compile(
    r"\s+(?:with\s+|among\s+)?(?P<object>(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)"
    r"(?=\s*(?:[,.;:!?—–]|$)|\s+(?:who|which|that|and|but|in|on|at|by|for|as|because|when|"
    r"while|to|over|about|hoping|after|before)\b)"
)


def _stirred(
    sentence: str, start: int, lo: int, cue: tuple[int, int], note: str, before
) -> _Found | None:
    """A verb of feeling with the stimulus as its subject: the feeler is the source.

    "The fare cut cheered the fishermen", "That rattled Reyes", "His plan
    resonated with the left": the subject is what is attributed, the object whose
    view it is. ``None`` for any other cue, or with no subject or object.
    """
    word = sentence[cue[0] : cue[1]].lower()
    if word not in _STIRS or _PASSIVE.search(sentence, max(start, cue[0] - 30), cue[0]):
        return None  # "were worried", "is troubled": the subject's own feeling
    if _A_PREPOSITION.match(sentence, cue[1]) and not (
        word.startswith("resonate") and _WITH.match(sentence, cue[1])
    ):
        return None  # "worried about", "angered by": a feeling, and what caused it
    subject = _clause_subject(sentence, start, lo) or before  # "That rattled Reyes"
    feeler = _FEELER_AFTER.match(sentence, cue[1])
    if subject is None or feeler is None or _ARTICLE_ONLY.fullmatch(feeler.group("object")):
        return None
    lo_, hi_ = feeler.span("object")
    hi_ -= sentence[lo_:hi_].endswith(".")  # the sentence's full stop
    # What stirred it is the whole subject, up to the verb's auxiliaries and adverbs:
    # "His attacks on the banks, which …, instantly resonated".
    words = _words(sentence, subject[0], cue[0])
    while words and (
        sentence[slice(*words[-1])].lower() in _BEFORE_A_VERB or _LY.fullmatch(sentence, *words[-1])
    ):
        words.pop()
    if not words:
        return None
    return _Found((lo_, hi_), cue, (subject[0], words[-1][1]), note)


_LY = re.compile(r"[a-z]+ly")
# After the verb: a feeling and its cause ("worried about"), or another verb ("rattled off").
_A_PREPOSITION = re.compile(
    r"\s+(?:by|about|with|over|at|that|to|of|for|in|on|off|up|out|down|through)\b", re.IGNORECASE
)
_WITH = re.compile(r"\s+with\b")
_ARTICLE_ONLY = re.compile(r"(?:the|a|an|his|her|their|its)", re.IGNORECASE)


def _hanging_passive(
    sentence: str, start: int, lo: int, cue: tuple[int, int], note: str
) -> _Found | None:
    """A past participle and its agent set off by a comma, after what they are said of.

    "The ferry line lost money for years, criticised by residents": the clause
    before the comma is what the agent criticised; "The bridge bill, opposed by
    councillors, never became law": the noun phrase before it. The source is the
    agent after "by". ``None`` for any other cue.
    """
    word = sentence[cue[0] : cue[1]].lower()
    if not (
        _COMMA_BEFORE.search(sentence, max(start, lo - 4), lo)
        and _PAST_PARTICIPLE.fullmatch(sentence, lo, cue[1])
        and _JUST_BY.match(sentence, cue[1])
        # "Reyes, 81, said by telephone": a verb of its own; "angered by": a feeling.
        and not _REPORTING_CUE.fullmatch(word)
        and word not in _MOVED_BY
    ):
        return None
    agent = _BY_AGENT.match(sentence, cue[1])
    if agent is not None and _NO_AGENT.match(agent.group("agent")):
        return None  # "interjected by hitting …": how, not by whom
    comma = sentence.rfind(",", start, lo)
    clause = _clause_start(sentence, max(start, comma - _CLAUSE_REACH), comma)
    if agent is None or comma - clause < _LEARNED_CONTENT_CHARS:
        return None
    end = _content_end(sentence, cue[1])
    return _Found((agent.start("agent"), min(agent.end("agent"), end)), cue, (clause, comma), note)


def _opening_participle(sentence: str, cue: tuple[int, int], note: str) -> _Found | None:
    """A participle opening its sentence: its content to the comma, the main clause's subject.

    "Noting that the vote was close, Reyes said …" is Reyes's.
    """
    comma = sentence.find(", ", cue[1])
    main = _clause_subject(sentence, comma + 2, len(sentence)) if comma > 0 else None
    clo = _after_cue(sentence, cue[1], "")
    if main is None or comma - clo < _LEARNED_CONTENT_CHARS:
        return None
    return _Found(main, cue, (clo, comma), note)


def _of_the_subject(
    sentence: str, start: int, lo: int, cue: tuple[int, int], note: str
) -> _Found | None:
    """The attribution of a passive or "seems" cue: its clause's subject and what follows.

    "Minnesota and Colorado are seen as opportunities" is attributed as a whole (the
    subject is what is seen), to nobody; "Cruz was endorsed by Carly Fiorina" is
    attributed to the agent after "by", the content ending before it. Where the clause
    opens no subject, the words after the cue are the content.
    """
    subject = _clause_subject(sentence, start, lo)
    content_lo = subject[0] if subject is not None else _after_cue(sentence, cue[1], "")
    end = _content_end(sentence, cue[1])
    source = None
    # "known by" a name is no agent: "The group is also known by the acronym ISIL."
    known = sentence[cue[0] : cue[1]].lower() == "known"
    agent = None if known else _BY_AGENT.match(sentence, cue[1])
    if agent is not None and agent.start("agent") < end:
        # The agent ends where the content would: a closing period is the sentence's.
        source = (agent.start("agent"), min(agent.end("agent"), end))
        end = len(sentence[: agent.start("by")].rstrip(" ,"))
        if subject is None:
            return None  # "was endorsed by X" with no subject: nothing attributed
    if end - content_lo < _LEARNED_CONTENT_CHARS or not _WORD_CHAR.search(
        sentence, content_lo, end
    ):
        return None
    return _Found(source, cue, (content_lo, end), note)


_LEARNED = "a cue the trained cue model recognises"
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
_ANY_CUE = re.compile(rf"\b{word_trie(_cue_words())}\b")
