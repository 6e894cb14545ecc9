"""Reported speech at the cues of the trained model: the long tail no rule names.

"asked whether", "polls show", "endorsed", "declined to": :func:`_learned_cue`
reads a cue the model (:mod:`analysis.segment.cue_model`) takes for one and
finds its source and content in the sentence, with the forms of the rules in
:mod:`analysis.segment.reported_rules` (what follows a cue, a tail) and the
subjects of :mod:`analysis.segment.subjects`: a participle's clause, a passive's
agent, the feeler of a verb of feeling, a subject said of, not by.
"""

from __future__ import annotations

import re

from analysis.segment.reported_rules import (
    _ADDRESSED,
    _ANY_CUE,
    _CUE_PUNCT,
    _NAME_AFTER,
    _QUOTATION_THEN_WORDS,
    _REPORTING_CUE,
    _TAIL_AFTER_TOLD,
    _WORD_CHAR,
    _after_cue,
    _closes_the_sentence,
    _content_end,
    _Found,
)
from analysis.segment.subjects import (
    _BEFORE_A_VERB,
    _CLAUSE_REACH,
    _DETERMINERS,
    _PREPOSITIONS,
    _RELATIVE_BEFORE,
    _SOURCE_NOUNS,
    _WHO_BEFORE,
    _antecedent,
    _apposed_subject,
    _clause_start,
    _clause_subject,
    _nearest_clause_subject,
    _subject_before,
    _to_before,
    _words,
)

__all__: list[str] = []  # read by the attributions only


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
    participle = _PROGRESSIVE.match(sentence, lo, hi) is not None
    subject = (
        _apposed_subject(sentence, start, lo)
        or _participle_subject(sentence, start, lo, hi, participle)
        or _not_a_prepositions_object(
            sentence, _subject_before(sentence, lo, skip=_BEFORE_A_VERB, adverbs=True), lo
        )
        or _headline_subject(sentence, start, lo)  # "Lund Presses X, Proposes Y"
    )
    owner = _OWNER_BEFORE.search(sentence, max(start, lo - 8), lo)
    if owner is not None:
        subject = owner.span("owner")  # "his promise to build …": a noun's owner says it
    relative = _relative_before(sentence, max(start, lo - 60), lo)
    if _said_of_the_subject(sentence, start, lo, hi):
        # "The channel is said to be shallow", "Pigs are considered unclean by some",
        # "The plan seemed doomed": said or thought of the subject, not by it, so the
        # subject is part of what is attributed. The source, where named, follows "by".
        # An adjective ("Some voters are hopeful") or "is saying" is the subject's own.
        # Someone who seems to do or think something is a source, though.
        return _someone_seeming(sentence, start, lo, cue, note) or _of_the_subject(
            sentence, start, lo, cue, note
        )
    found = (
        _as_by_agent(sentence, start, lo, cue, note)
        or _hanging_passive(sentence, start, lo, cue, note)
        or _stirred(sentence, start, lo, cue, note, subject)
    )
    if found is not None:
        return found
    if subject is None and participle and _OPENING_PARTICIPLE.fullmatch(sentence, start, lo):
        opening = _opening_participle(sentence, cue, note)
        if opening is not None:
            return opening
    subject, antecedent = _relative_subject(sentence, start, relative, subject)
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
    if antecedent is not None and sentence[antecedent[1] : subject[0]].startswith(","):
        end = _aside_end(sentence, clo, end)
    words_after = end - clo >= _LEARNED_CONTENT_CHARS and _WORD_CHAR.search(sentence, clo, end)
    if words_after and not _no_content_after(sentence, cue):
        return _Found(subject, cue, (clo, end), note, antecedent)
    return _learned_tail(sentence, start, cue, subject, note)


def _relative_before(sentence: str, lo: int, hi: int) -> re.Match | None:
    """A relative pronoun in ``sentence[lo:hi]`` whose clause's verb is the cue at ``hi``."""
    relative = _RELATIVE_BEFORE.search(sentence, lo, hi)
    if relative is None and "who" in sentence[lo:hi].lower():  # read only where it can match
        relative = _WHO_BEFORE.search(sentence, lo, hi)
        if relative is not None and not _after_a_noun(relative.group("before")):
            relative = None
    return relative


def _after_a_noun(word: str) -> bool:
    """Whether "who" after ``word`` opens a relative clause, not a question.

    After a noun or a name it does ("someone who", "Lund, who", "Duke (who"); after
    "unclear", "know" or "asked" it asks who ("It is unclear who first reported it").
    """
    return word.strip(",.;:()—–-").lower() not in _ASKING


# Words after which "who" asks a question: "unclear who", "know who", "asked who".
_ASKING = frozenset(
    """unclear clear know knows knew known asked ask asks asking wonder wonders wondered
    wondering decide decides decided determine determined matter matters about sure unsure
    certain uncertain see saw seen tell told explain explained question questions on
    and or""".split()
)


def _relative_subject(sentence: str, start: int, relative, subject):
    """``(subject, antecedent)`` of a cue that is a relative clause's verb, else ``(subject, None)``.

    "critics who warned …", "a tweet that blasts …", "Lund, who formally endorsed": the
    relative pronoun is the source as written; the noun phrase before it is whom it
    stands for. A subject read back past the pronoun is that noun phrase.
    """
    if not relative:
        return subject, None
    at = relative.start("relative")
    at -= sentence[at - 1 : at] == "("  # "Duke (who …": before the bracket
    if subject is not None and subject[1] > at:
        return subject, None
    if subject is not None and _JUST_BEFORE_RELATIVE.fullmatch(sentence, subject[1], at):
        return relative.span("relative"), subject
    person = relative.group("relative").lower() == "who"
    return relative.span("relative"), _antecedent(sentence, start, at, person=person)


def _aside_end(sentence: str, clo: int, end: int) -> int:
    """Where a content said in an aside ends: "Lund, who called it a waste, voted for it".

    The aside's last comma before the main clause's verb closes what the relative
    clause says; a list of adjectives goes on ("late, overcrowded and unsafe").
    """
    closings = [m.start() for m in _ASIDE_CLOSES.finditer(sentence, clo, end)]
    return closings[-1] if closings else end


_ASIDE_CLOSES = re.compile(
    r",\s+(?=(?:has|have|had|is|are|was|were|will|would|did)\s|"
    r"[a-z]+ed\s+(?!(?:and|or|nor)\b)[a-z])"
)
_JUST_BEFORE_RELATIVE = re.compile(r",?\s*(?:[—–-]\s*)?")  # "Lund, who", "Lund - who"

_PREPOSITION_ENDING = re.compile(
    r"\b(?:in|on|at|from|by|into|onto|over|under|beyond|through|near|inside|outside)\s+$",
    re.IGNORECASE,
)


_JUST_BEFORE_CUE = re.compile(r"\s*(?:to\s+)?(?:[a-z]+ly\s+)?")


def _not_a_prepositions_object(
    sentence: str, subject: tuple[int, int] | None, lo: int
) -> tuple[int, int] | None:
    """The subject read back, unless the cue is an infinitive and it a preposition's object.

    "Lund descended the escalator in New York to declare …", "Lund went on the
    show to talk …": the noun phrase after "in" or "on" is no subject of the
    infinitive, a purpose of the clause's subject, who says it (``None``: read by
    the rule after). A participle is left alone: after a noun it is often that
    noun's ("groups backing Lund", "a rally lamenting …").
    """
    if subject is None or not _to_before(sentence, lo):
        return subject
    # Right before the cue ("… in New York to declare"), not the subject of a verb
    # between ("economists at the Institute had this to say"). After "with" or "about"
    # the noun phrase says it ("with Lund calling it …", "about Lund calling it …").
    if _JUST_BEFORE_CUE.fullmatch(sentence, subject[1], lo) and _PREPOSITION_ENDING.search(
        sentence, max(0, subject[0] - 12), subject[0]
    ):
        return None
    return subject


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


# "As" or "when" before a reporting participle and its agent: "As reported by the
# Gazette, …". Not "once signed by", "as expected by": the agent of a deed or a
# guess is no source of the clause after it.
_AS_BEFORE = re.compile(r"(?<![\w’'-])(?P<as>[Aa]s|[Ww]hen)\s+$")
_REPORTED_AS = frozenset(
    """reported noted described stated announced confirmed explained revealed disclosed
    outlined detailed cited quoted predicted argued claimed suggested indicated
    mentioned recounted recalled highlighted documented asked questioned pressed
    quizzed""".split()
)
_ASKED = frozenset("asked questioned pressed quizzed".split())
# What was asked, after the agent: "When asked by Lund about the fares, …".
_QUESTION = re.compile(r"\s*(?:on\s+\w+\s+)?(?:about|whether|if|why|what|how|to)\b")
# Only a conjunction may open the sentence before "as": "But as reported by …".
_CONJUNCTION = re.compile(r"\s*(?:(?:But|And|So|Yet|Still|Also|Now|Indeed|Meanwhile),?\s+)?$")
# The agent after "by" runs to a comma, or to a word that opens what was asked or
# when: "When asked by Lund on Thursday about the fares, …".
_AS_BY_AGENT = re.compile(
    r"\s+by\s+(?P<agent>(?:[\w.’'&-]+\s+){0,6}?[\w.’'&-]+)"
    r"(?=\s*[,;:.!?()—–]|\s+(?:about|on|in|at|during|after|before|for|over|to|whether|if|"
    r"last|this|earlier|who|which|that)\s)"
)


def _as_by_agent(
    sentence: str, start: int, lo: int, cue: tuple[int, int], note: str
) -> _Found | None:
    """A reporting participle after "as" or "when", and its agent: the agent speaks.

    "As reported by the Gazette, the port capped fares": the Gazette's, the clause
    after the comma (past any words of time or place after the agent). "When asked
    by Lund about the fares, …": Lund's question, the words after the agent; with
    no question there ("When asked by reporters, the mayor said …") the clause is
    the answer, not the asker's. "The plan, as described by the minister, would
    halve fares": the minister's, the sentence around the aside. ``None`` for
    any other cue.
    """
    word = sentence[lo : cue[1]].lower()
    opener = _AS_BEFORE.search(sentence, max(start, lo - 8), lo)
    if not (word in _REPORTED_AS and opener and _JUST_BY.match(sentence, cue[1])):
        return None
    agent = _AS_BY_AGENT.match(sentence, cue[1])
    if agent is None or _NO_AGENT.match(agent.group("agent")):
        return None
    source, end = agent.span("agent"), _content_end(sentence, cue[1])
    comma = sentence.find(",", source[1], end)
    if not _CONJUNCTION.fullmatch(sentence, start, opener.start()):
        content = (_clause_start(sentence, start, lo), end)  # an aside in the clause
    elif comma < 0:
        return None
    elif word in _ASKED:
        if not _QUESTION.match(sentence, source[1], comma):
            return None  # "When asked by reporters, the mayor said …": the answer's
        content = (source[1] + 1, comma)
    else:
        content = (_after_cue(sentence, comma + 1, ""), end)
    if content[1] - content[0] < _LEARNED_CONTENT_CHARS:
        return None
    return _Found(source, cue, content, note)


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


# "seemed to recognize", "appears to want": a verb of saying, thinking or taking a
# side after the raising verb ("to be", "to sway", "to enjoy" say how the subject is
# or what it does, not what it holds).
_TO_A_DEED = re.compile(
    r"\s+(?P<to>to)\s+(?:suggest|imply|indicate|acknowledge|accept|admit|concede|confirm|deny"
    r"|reject|agree|disagree|support|back|endorse|favou?r|oppose|want|prefer|believe|think|know"
    r"|understand|recogni[sz]e|reali[sz]e|expect|hope|fear|doubt|question|challenge|blame"
    r"|critici[sz]e|mock|dismiss|welcome|praise|signal|hint|say|insist|care|trust|distrust"
    r"|regret|embrace|contradict|echo|warn|threaten|promise|defend|argue|claim|endorse|rule\s+out"
    r"|side\s+with|take\s+\w+\s+seriously)\b"
)
# Words that open a subject with a capital only because they open the sentence.
_OPENERS = _DETERMINERS | frozenset("whichever whatever such each every no any some".split())


def _someone_seeming(
    sentence: str, start: int, lo: int, cue: tuple[int, int], note: str
) -> _Found | None:
    """A person or group who "seems to" think or do something: theirs, the rest the content.

    "She appeared to imply that …", "Voters seem to care more about …": what the
    subject seems to think is the subject's, as a reporting verb's content is its
    subject's. A thing that seems ("The plan seemed doomed", "The day seemed to
    show …") is said of it, by nobody named (:func:`_of_the_subject`).
    """
    deed = _TO_A_DEED.match(sentence, cue[1]) if _RAISING.match(sentence, *cue) else None
    subject = _clause_subject(sentence, start, lo) if deed else None
    if subject is None or not _animate(sentence[subject[0] : subject[1]].split()):
        return None
    content = (deed.start("to"), _content_end(sentence, deed.start("to")))
    if content[1] - content[0] < _LEARNED_CONTENT_CHARS:
        return None
    return _Found(subject, cue, content, note)


def _animate(words: list[str]) -> bool:
    """Whether a subject's head names someone: a personal pronoun, a name, a people noun.

    The head is the last word before a preposition, past a reflexive ("Obama
    himself"): "Enthusiasm for Reyes" and "Reyes's plan" name no one who seems.
    """
    bare = [w.strip(".,’'").lower() for w in words]
    cut = next((n for n, w in enumerate(bare) if w in _PREPOSITIONS), len(bare))
    while cut > 1 and bare[cut - 1] in _REFLEXIVES:
        cut -= 1
    if cut == 0:
        return False
    head, word = bare[cut - 1], words[cut - 1]
    if head in _PERSONAL or _SOURCE_NOUNS.match(head):
        return True
    possessive = word.endswith(("’s", "'s", "’", "'"))
    # A lone first word has its capital from the sentence: "Support for Reyes" is no
    # name, and a lone name before "of" or "for" is rare in a subject.
    lone = cut == 1 and (head in _OPENERS or cut < len(bare))
    return word[:1].isupper() and not possessive and not lone


_PERSONAL = frozenset("he she they i we you".split())
_REFLEXIVES = frozenset("himself herself themselves itself myself ourselves".split())


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


# A headline in title case: its subject, then its first verb ("Presses", "Says").
_HEADLINE = re.compile(
    r"\s*(?:[A-Z][A-Z ]+:\s+)?(?P<subject>[A-Z][\w.’'-]*(?:\s+(?![A-Z][a-z]+s\b)[A-Z][\w.’'-]*){0,3})"
    r"\s+[A-Z][a-z]+s\b[^,;:]*,\s+$"
)


def _headline_subject(sentence: str, start: int, lo: int) -> tuple[int, int] | None:
    """The subject of a headline's second verb: "Lund Presses Reyes on X, Proposes Y" gives Lund.

    Only in title case, where each verb has a capital: the words before the first
    verb in -s, the comma before the cue closing the first clause.
    """
    if not sentence[lo : lo + 1].isupper():
        return None
    match = _HEADLINE.match(sentence, start, lo)
    return match.span("subject") if match else None
