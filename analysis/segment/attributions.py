"""Who said what: every attribution, quoted or reported, with its source, cue and content.

An attribution is a source, a cue and the content attributed ("Officials said
the talks would resume": source "Officials", cue "said", content "the talks
would resume"). Three kinds:

* ``direct``: a quotation that is a whole statement (“We will resume,” she said);
* ``mixed``: a quotation inside the journalist's own clause (he called the talks
  “productive”), or reported speech that quotes some words;
* ``indirect``: reported speech with no quotation mark.

Direct and mixed ones are the quotations (:mod:`analysis.segment.quotes`) with
the speaker the speaker rules found (:mod:`analysis.segment.speakers`), so a
quotation's speaker and its attribution's source are one decision. Reported
speech is found by a table of named rules (:data:`REPORTED_RULES`), each over one
sentence with its quotations masked, each returning where the source, the cue
and the content are; the first that fires names the attribution. A source is
resolved as a quotation's speaker is (a pronoun to the person it stands for, a
description to the person named with that title, a surname to the full name).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from analysis.segment.cue_model import cue_model, word_trie
from analysis.segment.names import _CAP, clean_speaker
from analysis.segment.quotes import Quotation
from analysis.segment.speaker_rules import _SPEAKER, _subject
from analysis.segment.speakers import SpeakerResolver
from analysis.segment.subjects import (
    _BEFORE_A_VERB,
    _RELATIVE_BEFORE,
    _antecedent,
    _clause_subject,
    _is_verb,
    _subject_before,
)
from analysis.text import DATELINE, WEEKDAY

__all__ = ["Attribution", "REPORTED_RULES", "find_attributions"]


@dataclass
class Attribution:
    """One attribution; offsets index the article text, ``-1`` where there is none."""

    block_no: int
    kind: str
    start: int
    end: int
    source: str
    source_as_written: str
    source_start: int
    source_end: int
    cue: str
    cue_start: int
    cue_end: int
    quote_no: int
    evidence: str


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
_REPORTING_CUE = re.compile(rf"\b(?P<cue>{_REPORTING_VERBS})\b")
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
    r"|on\s+(?:Twitter|Facebook|Instagram|television|TV|CNN|Fox\s+News|MSNBC|NBC|CBS|ABC)))*"
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
        subject = _subject_before(sentence, at)
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
    r"(?:[,;:—–(]\s*|\s-\s+|\b(?:and|but|while|as|because|when|since|though|although|after|before|"
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
_TAIL_CUE = re.compile(rf"\b(?P<cue>{_REPORTING_VERBS}|according\s+to)\b")
_TAIL_AFTER = re.compile(
    r"(?:\s+(?:of|about|in|on|at|during|to|with|after|before|last|this)\b[^,.;:!?“”\"]{0,80}"
    r"|\s+[A-Z][a-z]+day\b)*\s*[.!?]?[\"”’]?\s*$"
)


def _rule_tail(sentence: str, start: int) -> _Found | None:
    """Content, then the source and cue closing the sentence: "…, officials said.".

    The source may come first or second, and an apposition may follow it: the
    last three commas are tried, so "…, said Rita Reyes, the group's head, who …"
    is read whole.
    """
    end = len(sentence)
    for _ in range(3):
        comma = max(
            sentence.rfind(", ", start, end),
            sentence.rfind(",” ", start, end),
            sentence.rfind('," ', start, end),
        )
        if comma <= start:
            return None
        found = _tail_at(sentence, start, comma)
        if found is not None:
            return found
        end = comma
    return None


def _tail_at(sentence: str, start: int, comma: int) -> _Found | None:
    """The tail attribution whose content ends at ``comma``, if the rest is its source and cue."""
    tail_lo = comma + 1
    cue = _TAIL_CUE.search(sentence, tail_lo)
    if cue is None or cue.group("cue").lower().startswith("according"):
        return None
    subject = _subject_before(sentence, cue.start())
    if subject is not None and subject[0] >= tail_lo:
        if _TAIL_AFTER.match(sentence, cue.end()):
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
    subject = _subject_before(sentence, lo, skip=_BEFORE_A_VERB)
    antecedent = None
    participle = _PROGRESSIVE.match(sentence, lo, hi) is not None
    relative = _RELATIVE_BEFORE.search(sentence, max(start, lo - 60), lo)
    if _said_of_the_subject(sentence, start, lo, hi):
        # "The channel is said to be shallow", "Pigs are considered unclean by some",
        # "The plan seemed doomed": said or thought of the subject, not by it, so the
        # subject is part of what is attributed. The source, where named, follows "by".
        # An adjective ("Some voters are hopeful") or "is saying" is the subject's own.
        return _of_the_subject(sentence, start, lo, cue, note)
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
        subject = _clause_subject(sentence, start, lo)
    clo = _after_cue(sentence, cue[1], sentence[cue[0] : cue[1]])
    end = _content_end(sentence, clo)
    if end - clo >= _LEARNED_CONTENT_CHARS and _WORD_CHAR.search(sentence, clo, end):
        return _Found(subject, cue, (clo, end), note, antecedent)
    comma = max(sentence.rfind(", ", start, lo), sentence.rfind(",” ", start, lo))
    if comma > start and _TAIL_AFTER.match(sentence, cue[1]):
        if subject is not None and subject[0] > comma:
            return _Found(subject, cue, (start, comma), note)
        name = _NAME_AFTER.match(sentence, cue[1])
        return _Found(name.span("name") if name else None, cue, (start, comma), note)
    return None


_CUE_PUNCT = ",;:.!?“”\"'’‘()"
# The shortest content of a learned cue: "supported [the idea]", "I think [it's strong]".
_LEARNED_CONTENT_CHARS = 6
# A blanked quotation (and its comma) just before a cue.
_AFTER_QUOTATION = re.compile(r"(?:[”\"]|'')[,.!?]?\s+(?:[\w.’'-]+,?\s+){0,5}$")
# A form of "be" just before the cue (an adverb may stand between): a passive, unless
# the cue is a participle in -ing ("has been saying").
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being|[’']re)\s+(?:\w+ly\s+)?$")
_PROGRESSIVE = re.compile(r"\w+ing\b")
_PAST_PARTICIPLE = re.compile(
    r"(?:\w+(?:ed|en)|said|told|known|seen|shown|thought|heard|made|found|sent|held|"
    r"brought|sold|left|kept|paid|read|led|met|quoted|cited)\b",
    re.IGNORECASE,
)
_TAIL_CUE_BEFORE = re.compile(r"[,;:]\s*$")  # "…, said X": the source follows the cue
# What may stand before a participle opening its sentence: "Noting", "After arguing".
_OPENING_PARTICIPLE = re.compile(r"\s*(?:(?:After|Before|While|By|When|Since|In)\s+)?")
# Participles after "be" that say what the subject feels or holds: it is the source.
_FEELINGS = frozenset(
    """concerned worried convinced shocked startled surprised pleased disappointed
    frustrated alarmed troubled encouraged excited relieved upset angered satisfied
    determined committed interested dismayed outraged annoyed puzzled disturbed
    heartened horrified amazed impressed opposed inclined persuaded resigned prepared
    torn divided split unconvinced undecided confused offended delighted""".split()
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
    agent = _BY_AGENT.match(sentence, cue[1])
    if agent is not None and agent.end() <= end:
        source = agent.span("agent")
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


def find_attributions(
    text: str,
    masked: str,
    quotes: list[Quotation],
    sentences: list[tuple[int, int, int]],
    resolver: SpeakerResolver,
) -> list[Attribution]:
    """Every attribution of one article, in text order.

    Args:
        text: The article text.
        masked: The text with quoted words blanked (the speaker rules' view).
        quotes: Its quotations, their speakers attributed.
        sentences: ``(block_no, start, end)`` of every sentence the rules read.
        resolver: Resolves a source phrase as a quotation's speaker is resolved.

    Returns:
        Reported speech found by :data:`REPORTED_RULES`, and each quotation with a
        speaker; a quotation inside reported speech makes it ``mixed`` and gets no
        row of its own.
    """
    found: list[Attribution] = []
    covered: set[int] = set()  # quotations inside reported speech
    starts = [lo for _, lo, _ in sentences]
    opens = [q.open_mark for q in quotes]
    # Every rule needs a cue: the sentences without one (most) are passed over.
    cues = [m.start() for m in _ANY_CUE.finditer(masked)]
    learnable = cue_model().candidates(masked)
    learnable_at = [lo for lo, _ in learnable]
    for block_no, lo, hi in sentences:
        first = bisect.bisect_left(cues, lo)
        # A label's colon is a cue too ("Lund: …"): looked for in the sentence alone,
        # as a pattern with it would try every character of the text.
        ruled = (first < len(cues) and cues[first] < hi) or masked.find(":", lo, hi) >= 0
        here = learnable[
            bisect.bisect_left(learnable_at, lo) : bisect.bisect_left(learnable_at, hi)
        ]
        if not ruled and not here:
            continue
        sentence = masked[lo:hi]
        spans = tuple((a - lo, min(b, hi) - lo) for a, b in here)
        hits = _sentence_hits(sentence, ruled, spans)
        for how, hit in hits:
            attribution = _reported(text, lo, block_no, hit, how, quotes, opens, resolver)
            found.append(attribution)
            if attribution.quote_no >= 0:
                inside = _inside(quotes, opens, attribution.start, attribution.end)
                covered.update(inside)
                _speak_for(quotes, inside, attribution)
    for quote in quotes:
        if not quote.speaker_as_written:
            _speak_by_cue_model(masked, quote, sentences, starts, resolver)
    resolver.continue_quotations(quotes)
    for quote_no, quote in enumerate(quotes):
        if quote_no in covered or not quote.speaker_as_written:
            continue
        found.append(_quoted(text, quote_no, quote, sentences, starts))
    found.sort(key=lambda a: (a.start, a.end))
    return found


def _sentence_hits(sentence: str, ruled: bool, spans) -> list[tuple[str, _Found]]:
    """The attributions of one sentence: the first rule's, then the trained model's.

    Args:
        sentence: The sentence, quoted words blanked.
        ruled: Whether it holds a word a rule's cue opens with.
        spans: ``(start, end)`` of its words the model may take for cues.

    Returns:
        ``(evidence, found)`` of each: the first of :data:`REPORTED_RULES` that
        fires, then each cue of the model outside what was found before it ("X
        said A, while Y argued B"), the long tail of cues no rule names.
    """
    start = _content_start(sentence)
    hits: list[tuple[str, _Found]] = []
    for name, rule in REPORTED_RULES if ruled else ():
        hit = rule(sentence, start)
        if hit is not None:
            hits.append((name, hit))
            break
    # The model's cues, best scored first, outside what was found before them.
    for p, lo, hi in (
        sorted(cue_model().cues(sentence, start, spans), reverse=True) if spans else ()
    ):
        around = [h for _, h in hits if _span(h)[0] <= lo < _span(h)[1]]
        # A clause of its own opens within reach of its subject (read backwards over
        # at most 200 characters): the stretch read is bounded, so a run-on sentence
        # of a thousand cues costs its length, not its square.
        reach = max(0, lo - _CLAUSE_REACH)
        if around and not any(
            _A_NEW_CLAUSE.search(sentence, max(h.content[0], reach), lo) for h in around
        ):
            continue  # inside one found, with no clause of its own: nested ("said Y believes")
        more = _learned_cue(sentence, start, p, lo, hi)
        if more is None:
            continue
        if around and more.source is not None:
            _split_at_a_new_clause(sentence, hits, more)
        if any(_span(h)[0] <= lo < _span(h)[1] for _, h in hits):
            continue
        hits.append((_LEARNED, more))
    return hits


def _span(found: _Found) -> tuple[int, int]:
    """From the first to the last character of an attribution's cue and content."""
    return min(found.cue[0], found.content[0]), max(found.cue[1], found.content[1])


# A new clause with a subject of its own: "…, while critics argued", "…; but aides said".
_CLAUSE_REACH = 250  # the subject's reach (200) and the opener before it
_A_NEW_CLAUSE = re.compile(r"(?:;|,\s*(?:and|but|while|whereas|though|although))\s")
_NEW_CLAUSE = re.compile(
    r"\s*(?:;|,\s*(?:and|but|while|whereas|though|although))\s+$"
)  # a bare comma may close a lead-in instead ("According to X, on Tuesday, the pair …")


def _split_at_a_new_clause(sentence: str, hits: list[tuple[str, _Found]], more: _Found) -> None:
    """End a content where a clause with its own source and cue begins inside it.

    "The mayor said the budget was balanced, while critics argued that …": the
    mayor's content ends at "balanced"; the critics' is theirs. A source after
    "that" or with no comma before it ("said Y believes Z") is nested speech, and
    stays inside.
    """
    for n, (name, hit) in enumerate(hits):
        lo, hi = hit.content
        if not lo < more.source[0] < hi:
            continue
        opener = _NEW_CLAUSE.search(sentence, max(lo, more.source[0] - 20), more.source[0])
        if opener is not None and opener.start() - lo >= 3:
            hits[n] = (name, replace(hit, content=(lo, opener.start())))


# Beside a quotation: a cue then its speaker ("“…,” mused the host"), or the speaker
# then the cue ("“…” he wondered aloud"), or both before it ("The host mused: “…”").
# A speaker here may be any short noun phrase: the cue beside the quotation marks it.
_BESIDE_SPEAKER = (
    rf"(?:(?P<phrase>(?:[a-z][\w’'-]*\s+){{1,2}}{_CAP}(?:\s+{_CAP}){{0,3}})|{_SPEAKER}"
    rf"|(?P<common>(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){{0,2}}))"
)
_CUE_THEN_SPEAKER = re.compile(
    rf"^[\s,.!?—–-]*(?P<cue>[a-z][a-z’'-]+)\s+{_BESIDE_SPEAKER}(?=[\s,.!?;:]|$)"
)
_SPEAKER_THEN_CUE = re.compile(
    rf"^[\s,.!?—–-]*{_BESIDE_SPEAKER}(?:\s+[a-z]+ly)?\s+(?P<cue>[a-z][a-z’'-]+)\b"
)
_SPEAKER_CUE_BEFORE = re.compile(
    rf"(?:^|[.!?;]\s+|,\s+){_BESIDE_SPEAKER}(?:\s+[a-z]+ly)?\s+(?P<cue>[a-z][a-z’'-]+)[,:]?\s*$"
)


def _speak_by_cue_model(masked: str, quote: Quotation, sentences, starts, resolver) -> None:
    """Name the speaker of a quotation the speaker rules left without one, by a cue beside it.

    The cue is a word the trained cue model takes for one just there ("mused",
    "wondered", "quipped": verbs no list holds), and the speaker the noun phrase
    next to it. Only the words touching the quotation marks are read.
    """
    lo, hi = _sentence_of(quote.open_mark, sentences, starts)
    close = (quote.close_mark + 1) if quote.close_mark is not None else quote.end
    after_hi = min(hi, close + 120) if hi > close else min(len(masked), close + 120)
    after = masked[close:after_hi]
    window = [
        (after, close, _CUE_THEN_SPEAKER),
        (after, close, _SPEAKER_THEN_CUE),
        (masked[max(lo, quote.open_mark - 120) : quote.open_mark], None, _SPEAKER_CUE_BEFORE),
    ]
    model = cue_model()
    for stretch, at, pattern in window:
        match = pattern.search(stretch)
        if match is None:
            continue
        base = at if at is not None else max(lo, quote.open_mark - 120)
        cue_lo, cue_hi = base + match.start("cue"), base + match.end("cue")
        if match.group("cue") not in model.vocabulary:
            continue
        # The cue is scored in its sentence (the quotation blanked, as the model learnt).
        inside = lo <= cue_lo and cue_hi <= hi
        s_lo, s_hi = (lo, hi) if inside else (max(0, cue_lo - 200), min(len(masked), cue_hi + 200))
        p = model.probability(masked[s_lo:s_hi], cue_lo - s_lo, cue_hi - s_lo)
        if p < model.threshold:
            continue
        group = next(g for g in ("phrase", "speaker", "common") if match.group(g))
        written, where = match.group(group), base + match.start(group)
        how = f"a cue the trained cue model recognises beside the quotation ('{match.group('cue')}' scored {p:.2f})"
        speaker, how = resolver.resolve(clean_speaker(written) or written, s_lo, where, how)
        if speaker.lower() in {"he", "she", "they", "it"}:
            speaker = ""
        quote.speaker, quote.speaker_as_written = speaker, written
        quote.cue, quote.speaker_evidence = match.group("cue"), how
        return


def _speak_for(quotes: list[Quotation], inside: range, attribution: Attribution) -> None:
    """Give the quotations inside reported speech its source.

    "Most said they were “very worried”": the quotation's words are the source's,
    though no cue stands beside the quotation itself.
    """
    if not attribution.source:
        return
    for n in inside:
        quote = quotes[n]
        if not quote.speaker:  # the speaker rules' own finding stands (dev sets: better)
            quote.speaker, quote.cue = attribution.source, attribution.cue
            quote.speaker_as_written = attribution.source_as_written
            quote.speaker_evidence = f"inside reported speech: {attribution.evidence}"


def _inside(quotes: list[Quotation], opens: list[int], start: int, end: int) -> range:
    """The numbers of the quotations that overlap ``[start, end)`` (found by bisection)."""
    first = bisect.bisect_left(opens, start)
    while first > 0 and quotes[first - 1].end > start:
        first -= 1  # a quotation opening before the content and running into it
    return range(first, bisect.bisect_left(opens, end))


# A source phrase headed by a document: "the official White House readout of …",
# "a new report from the council", "the latest poll".
_A_DOCUMENT = re.compile(
    r"(?:the|a|an|its|his|her|their|this|that)\s+(?:[\w’'-]+\s+){0,4}?(?:statement|readout|"
    r"release|report|letter|memo|communiqu[eé]|transcript|poll|survey|study|analysis|filing|"
    r"indictment|complaint|ruling|editorial)s?\b(?!\s+(?:spokes\w+|officials?|aides?)\b)",
    re.IGNORECASE,
)


def _reported(text, lo, block_no, hit, name, quotes, opens, resolver) -> Attribution:
    """A reported-speech rule's finding as an attribution, its source resolved."""
    start = lo + hit.content[0]
    # The content ends before the sentence's closing punctuation in the text itself
    # (the masked view blanks a closing quotation's words, full stop included).
    end = lo + _content_end(text[lo : lo + hit.content[1]], hit.content[0])
    if hit.source is None:
        written, source, how, source_span = "", "", name, (-1, -1)
    else:
        source_span = (lo + hit.source[0], lo + hit.source[1])
        written = text[source_span[0] : source_span[1]]
        if _A_DOCUMENT.match(written):
            # "the official readout of the call with Putin": the document, in its own
            # words; a name inside it ("Putin") is what it is about, not who speaks.
            source, how = " ".join(written.split()), f"a document, as the text names it; {name}"
        elif hit.antecedent is not None:
            # "critics who warned": "who" as written, the critics as the source.
            ante = text[lo + hit.antecedent[0] : lo + hit.antecedent[1]]
            named = clean_speaker(ante) or " ".join(ante.split())
            source, how = resolver.resolve(named, lo, lo + hit.antecedent[0], name)
            how = f"'{written}' stands for '{' '.join(ante.split())}'; {how}"
        else:
            named = clean_speaker(written) or " ".join(written.split())
            source, how = resolver.resolve(named, lo, source_span[0], name)
    if source in {"he", "she", "they", "it"}:
        source = ""
    if hit.note:
        how = f"{how} ({hit.note})"
    inside = _inside(quotes, opens, start, end)
    kind = "indirect"
    if inside:
        # Reported speech that quotes some words is mixed; one that is all quotation
        # ("Officials said: “We will resume.”") is direct.
        outside = text[start : quotes[inside[0]].open_mark] + text[quotes[inside[-1]].end : end]
        kind = "direct" if len(inside) == 1 and not _WORD_CHAR.search(outside) else "mixed"
    return Attribution(
        block_no=block_no,
        kind=kind,
        start=start,
        end=end,
        source=source,
        source_as_written=written,
        source_start=source_span[0],
        source_end=source_span[1],
        cue=" ".join(text[lo + hit.cue[0] : lo + hit.cue[1]].split()),
        cue_start=lo + hit.cue[0],
        cue_end=lo + hit.cue[1],
        quote_no=inside[0] if inside else -1,
        evidence=how,
    )


def _quoted(text: str, quote_no: int, quote: Quotation, sentences, starts) -> Attribution:
    """A quotation's attribution: direct when it stands as a statement, mixed inside a clause."""
    sentence = _sentence_of(quote.open_mark, sentences, starts)
    # What ends just before the opening mark decides (read over a few words only).
    clause = text[max(sentence[0], quote.open_mark - 40) : quote.open_mark]
    opens_sentence = sentence[0] >= quote.open_mark - len(clause) and not clause.strip()
    kind = "direct" if opens_sentence or _STATEMENT_OPENS.search(clause) else "mixed"
    written = quote.speaker_as_written
    at = _nearest(text, written, quote.open_mark, sentence) if written else -1
    cue_at = _nearest(text, quote.cue, quote.open_mark, sentence) if quote.cue else -1
    return Attribution(
        block_no=quote.block_no,
        kind=kind,
        start=quote.start,
        end=quote.end,
        source=quote.speaker,
        source_as_written=written,
        source_start=at,
        source_end=at + len(written) if at >= 0 else -1,
        cue=quote.cue,
        cue_start=cue_at,
        cue_end=cue_at + len(quote.cue) if cue_at >= 0 else -1,
        quote_no=quote_no,
        evidence=f"a quotation: {quote.speaker_evidence}",
    )


# A quotation stands as a statement when it opens its sentence or follows a cue's
# colon or comma ("She said: “…”", "Officials said, “…”").
_STATEMENT_OPENS = re.compile(r"(?:^|[:,]|\b(?:said|says|added|wrote|told\s+\S+))\s*$")


def _sentence_of(at: int, sentences, starts: list[int]) -> tuple[int, int]:
    """The ``(start, end)`` of the sentence holding ``at``, or ``(at, at)``."""
    n = bisect.bisect_right(starts, at) - 1
    if n >= 0 and at < sentences[n][2]:
        return sentences[n][1], sentences[n][2]
    return at, at


def _nearest(text: str, words: str, at: int, sentence: tuple[int, int]) -> int:
    """Where ``words`` stand nearest ``at`` within its sentence (and 2,000 characters), or -1."""
    lo, hi = max(sentence[0], at - 2_000), min(sentence[1], at + 2_000)
    before = text.rfind(words, lo, at)
    after = text.find(words, at, hi)
    if before < 0 or (after >= 0 and after - at < at - before):
        return after
    return before
