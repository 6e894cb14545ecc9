"""Who is the subject of a cue: the noun phrase before it, or the one opening its clause.

The attribution rules (:mod:`analysis.segment.attributions`) read a source where
a sentence names it: backwards from the cue over adverbs and an apposition
("Officials also said", "Mr. Khan, a lawyer, said"), forwards from the clause's
start to its verb ("The nurse later sued, claiming …"), or the noun phrase a
relative pronoun stands for ("critics who warned …"). Each returns offsets in
the sentence, or ``None`` where the words there are no subject.
"""

from __future__ import annotations

import bisect
import re

from analysis.segment.names import _NEVER_ALONE as _NAMES_NO_ONE
from analysis.segment.names import _SENTENCE_ADVERBS, TITLE_WORDS
from analysis.segment.speaker_rules import (
    _CLAUSE,
    _CLAUSE_OPENS,
    _IRREGULAR,
    _PARTY_TAG_TEXT,
    _SPEAKER,
)
from analysis.text import DATE, US_STATE

__all__: list[str] = []  # read by the attribution rules only

# Words that may stand between a subject and its cue: "Officials also said", "She has
# repeatedly said", "Trump on Monday said".
_BETWEEN_WORDS = frozenset(
    """also even later then further again previously separately earlier has have had recently
    repeatedly reportedly once often still never always publicly privately frequently
    already now monday tuesday wednesday thursday friday saturday sunday today yesterday
    tonight on last this past week weekend month year night morning afternoon evening""".split()
)
# Words that end a subject going backwards: a clause or a verb phrase begins there.
_BOUNDARY = frozenset(
    """and but or nor that which who whom whose because while when if as after before since
    although though so than where whether then said says told is was are were be been
    being do does did not also what how why""".split()
)
# Subjects without a capital: pronouns and the plural or collective nouns of sources.
_PRONOUN_SOURCES = frozenset("he she they we i you it".split())
_DETERMINERS = frozenset("the a an his her their its this that these those one another".split())
_ARTICLES = frozenset("the a an".split())
_CONJUNCTIONS = frozenset("and or but nor".split())
_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Dr|Miss)\.?")
_PREPOSITIONS = frozenset("in on at for from with by about to into during under over".split())
_SOURCE_NOUNS = re.compile(
    r"(?:those|each|either|neither|everyone|everybody|someone|somebody|officials?|aides?|"
    r"sources?|analysts?|experts?|critics?|supporters?|voters?|people|"
    r"advisers?|advisors?|spokes(?:man|woman|person|people)|lawmakers?|leaders?|members?|"
    r"democrats?|republicans?|conservatives?|liberals?|activists?|observers?|residents?|"
    r"economists?|strategists?|operatives?|staffers?|allies|opponents?|rivals?|many|some|"
    r"others|most|few|both|all|polls?|surveys?|studies|study|reports?|data|statements?|"
    r"campaign|government|administration|ministry|department|agency|police|officers?|"
    r"prosecutors?|lawyers?|attorneys?|investigators?|researchers?|scientists?|workers?|"
    r"employees?|executives?|candidates?|delegates?|donors?|respondents?|americans|"
    r"insiders?|diplomats?|senators?|governors?|congressmen|congresswoman|congressman|"
    r"friends?|families|family|parents?|students?|teachers?|doctors?|groups?|organizers?|"
    r"authorit(?:y|ies)|regulators?|commentators?|pundits?|pollsters?|protesters?|"
    r"demonstrators?|witnesses|organi[sz]ations?)$"
)
_TOKEN = re.compile(r"\S+")
# The tokens of the sentence read last: its rules and cues read backwards from many
# places in it, so it is split once (a list, so a forked worker keeps its own).
_SPLIT: list = [None, [], [], []]


def _words(sentence: str, lo: int, at: int) -> list[tuple[int, int]]:
    """The spans of the whitespace-separated words of ``sentence[lo:at]``, cut at both ends.

    As ``_TOKEN.finditer(sentence, lo, at)`` gives them, from one split of the sentence.
    """
    if _SPLIT[0] is not sentence:
        spans = [m.span() for m in _TOKEN.finditer(sentence)]
        _SPLIT[:] = [sentence, spans, [a for a, _ in spans], [b for _, b in spans]]
    spans, starts, ends = _SPLIT[1], _SPLIT[2], _SPLIT[3]
    words = spans[bisect.bisect_right(ends, lo) : bisect.bisect_left(starts, at)]
    if words and words[0][0] < lo:
        words[0] = (lo, words[0][1])
    if words and words[-1][1] > at:
        words[-1] = (words[-1][0], at)
    return words


_DASHES = frozenset("- – — --".split())
_AGE = re.compile(r"\d{1,3},$")
# Verbs and auxiliaries inside the words before a cue: a clause, not its subject
# ("Rand Paul have all attacked", "She didn't really care about").
_CLAUSE_VERBS = frozenset(
    """is are was were will would could can may might should must be been do does did am
    has have had shall says tells said told wrote spoke made gave took sent saw went came
    began brought thought felt sought became chose stood got seems seemed held met led won
    drew ran spent paid kept struck knew grew threw wouldn't won't
    didn't doesn't don't hasn't haven't hadn't isn't aren't wasn't weren't can't couldn't
    shouldn't""".split()
)
# Prepositions and conjunctions that open a phrase before a subject, never a subject.
_OPENERS = frozenset(
    """despite beyond across against among amid around behind below beside between near
    through toward towards upon via within without unlike except being""".split()
)
_ADVERB = re.compile(r"[a-z]{3,}ly")
_LY_NOUNS = frozenset("family ally assembly rally supply monopoly daily weekly italy".split())
_SUFFIXES = frozenset("jr sr ii iii iv".split())  # of a name, after its comma
_SUBJECT_WORDS = 10  # a subject is a short noun phrase: longer runs are a clause


def _subject_before(
    sentence: str,
    at: int,
    skip: frozenset[str] = _BETWEEN_WORDS,
    *,
    adverbs: bool = False,
    past_a_verb: bool = True,
) -> tuple[int, int] | None:
    """The noun phrase that ends just before ``at`` (a cue), skipping adverbs and an apposition.

    Read backwards over at most the 200 characters before the cue, word by word:
    "Several Democratic operatives said", "Officials also said", "Mr. Khan, a lawyer
    who lost a son, said". A verb among those words ends a clause whose subject
    stands before it: "Cruz made an unprompted plea" reads "Cruz" (``past_a_verb``,
    once). With ``adverbs``, any -ly adverb next to the cue is skipped too ("Clinton
    has increasingly"). ``None`` when the words before the cue are no subject.
    """
    lo = max(0, at - 200)
    words = _words(sentence, lo, at)
    n = _past_party_tag(sentence, words, _past_skipped(sentence, words, skip, adverbs))
    appositive = None
    if n and sentence[words[n - 1][1] - 1] == ",":
        # An apposition closing with a comma: the subject is before its opening comma.
        opening = _apposition_opening(sentence, words, n)
        if opening is None:
            return None
        appositive = (words[opening + 1][0], words[n - 1][1] - 1)
        n = opening + 1
        last = words[opening]
        words[opening] = (last[0], last[1] - 1)  # the subject's last word, less its comma
        n = _past_party_tag(sentence, words, n)  # "Sen. Lamar Hale (R-Tenn.), an architect, …"
    end = n
    while n and end - n < _SUBJECT_WORDS:
        word = _bare(sentence, words[n - 1])
        text = sentence[words[n - 1][0] : words[n - 1][1]]
        if _ends_subject(sentence, words, n, end, word, text):
            break
        if _a_clause_verb(sentence, words, n, end, word, text, at):
            # "Sanders took the stage", "Clinton has increasingly": the clause's subject;
            # but "The victory led Priebus to declare": the object says it.
            if (
                past_a_verb
                and text[0].islower()
                and not (n < end and word in _OBJECT_CONTROL and _to_before(sentence, at))
            ):
                return _subject_before(
                    sentence, words[n - 1][0], skip, adverbs=adverbs, past_a_verb=False
                )
            break  # "She didn't really care about": a clause
        if text[0] in "-–—" or (text[0] == "(" and ")" not in text):
            words[n - 1] = (words[n - 1][0] + 1, words[n - 1][1])
            n -= 1
            break  # "-Mrs. Clinton", "(Lund, who …, said": a dash or a bracket opens it
        n -= 1
    if n == end:
        return None
    # "debate in Brooklyn Mrs. Lund said": an honorific opens the name, so a capitalised
    # word before it ends another phrase ("Advisers to Mr. Rubio" stays whole).
    n = max(
        [
            k
            for k in range(n + 1, end)
            if _HONORIFIC.fullmatch(sentence, *words[k])
            and sentence[words[k - 1][0]].isupper()
            and sentence[words[k - 1][1] - 1].isalpha()
            and _bare(sentence, words[k - 1]) not in TITLE_WORDS  # "State Senator Dr. Ward"
        ]
        or [n]
    )
    n = _past_sentence_adverbs(sentence, words, n, end)
    named = _named_before_description(sentence, words, n, end)
    if named is not None:
        return named
    return _the_subject(sentence, words[n:end], appositive)


# A US politician's party tag after the name: "Sen. Ana Lund (R-Maine) said", "(D-New York),",
# or the state alone: "Sens. Ann Lee (Ky.) and Bo Park (Fla.) debated".
_PARTY_TAG = re.compile(rf"(?:{_PARTY_TAG_TEXT}|\([A-Z][\w.]*(?:\s[A-Z][\w.]*)?\)),?")


def _past_party_tag(sentence: str, words: list[tuple[int, int]], n: int) -> int:
    """How many of ``words[:n]`` stand before a party tag ending them (``n`` if none does).

    The tag is no part of the name, and a comma after it closes no apposition:
    "Gov. Ann Lund (R-Ohio), said" reads "Gov. Ann Lund".
    """
    for k in (1, 2):  # "(R-Ohio)" or "(D-New York)"
        if n > k and _PARTY_TAG.fullmatch(sentence, words[n - k][0], words[n - 1][1]):
            return n - k
    return n


def _named_before_description(
    sentence: str, words: list[tuple[int, int]], n: int, end: int
) -> tuple[int, int] | None:
    """The name a description is apposed to: "Pia Rossi, a lawyer, a mother of three, said".

    When the subject read back (``words[n:end]``) is a description ("a lawyer",
    "the editor of the paper") and a name of two capitalised words or more ends
    with a comma just before it, the description is a second apposition and the
    name is who speaks, not the description nor a name apposed to it.
    """
    if not (0 < n < end) or _bare(sentence, words[n]) not in _DETERMINERS:
        return None
    if any(sentence[a].isupper() for a, _ in words[n + 1 : end]):
        return None  # "the Harbour Gazette": a name itself
    if sentence[words[n - 1][1] - 1] != ",":
        return None
    k = n
    while k and n - k < 4 and sentence[words[k - 1][0]].isupper():
        if _bare(sentence, words[k - 1]) in _NOT_IN_A_NAME:
            return None  # "In Paris,", "After Lund,": a lead-in, not a name
        k -= 1
        if k and _closes_clause(sentence, words, k):
            break  # "Speaking at the rally, Pia Rossi,": the name opens after the comma
    if n - k < 2 or (k and not _closes_clause(sentence, words, k)):
        return None  # "In Paris,", "Meanwhile,": no name at a clause's start
    return words[k][0], words[n - 1][1] - 1


_NOT_IN_A_NAME = _PREPOSITIONS | _OPENERS | _BOUNDARY | _SENTENCE_ADVERBS


def _the_subject(
    sentence: str, words: list[tuple[int, int]], appositive: tuple[int, int] | None
) -> tuple[int, int] | None:
    """The span of a subject read backwards (its ``words``), or of the name apposed to it."""
    phrase = [sentence[a:b] for a, b in words]
    if not _names_a_source(phrase) or phrase[-1].lower() in _ARTICLES:
        return None  # "Take a [look]", "The [hope]": a noun phrase the cue heads, no subject
    if appositive is not None and _described_then_named(phrase, sentence[slice(*appositive)]):
        return appositive  # "His spokesman, Jo Reyes, said": the name says who
    return words[0][0], words[-1][1]


def _described_then_named(phrase: list[str], appositive: str) -> bool:
    """Whether a description ("His spokesman", "a third") has a name in apposition ("Jo Reyes")."""
    named = appositive.split()
    return (
        phrase[0].lower() in _DETERMINERS
        and not any(w[:1].isupper() for w in phrase[1:])
        and 2 <= len(named) <= 4
        and all(w[:1].isupper() for w in named)
    )


def _past_sentence_adverbs(sentence: str, words: list[tuple[int, int]], n: int, end: int) -> int:
    """The first of ``words[n:end]`` after the sentence adverbs opening them ("Thus the board")."""
    while end - n > 1 and _bare(sentence, words[n]) in _SENTENCE_ADVERBS:
        n += 1
    return n


def _dash_opening(sentence: str, words: list[tuple[int, int]], n: int) -> int:
    """Where the aside that the dash at word ``n - 1`` closes opens (0: none opens it)."""
    dashes = (k for k in range(n - 2, 0, -1) if sentence[words[k][0] : words[k][1]] in _DASHES)
    return next(dashes, 0)


def _a_clause_verb(
    sentence: str,
    words: list[tuple[int, int]],
    n: int,
    end: int,
    word: str,
    text: str,
    at: int,
) -> bool:
    """Whether word ``n - 1``, read back from a cue, is a verb of the clause before it.

    An auxiliary or a past tense; a past tense with its object ("released a
    [statement]"); right before "to" and the cue, a verb whose subject says the
    infinitive ("Lund wants to say").
    """
    if word in _CLAUSE_VERBS or (n == end and word in _CONTROL_VERBS and _to_before(sentence, at)):
        return True
    return _a_verb_and_its_object(sentence, words, n, end, word, text)


def _a_verb_and_its_object(
    sentence: str, words: list[tuple[int, int]], n: int, end: int, word: str, text: str
) -> bool:
    """Whether word ``n - 1`` is a past tense with its object after it: "released a [statement]".

    "The town released a statement", "Bush pinned his hopes": a verb in -ed with a
    determiner after it; its subject stands before it. "Elected officials" has none.
    """
    return (
        text[:1].islower()
        and word.endswith("ed")
        and n < end
        and _bare(sentence, words[n]) in _DETERMINERS
    )


_BLANKED = re.compile(r"x{3,}")  # a quotation's words as the masked sentence blanks them


def _ends_subject(
    sentence: str, words: list[tuple[int, int]], n: int, end: int, word: str, text: str
) -> bool:
    """Whether word ``n - 1``, read backwards towards a subject's start, is not part of it."""
    if word in _BOUNDARY or not word or not text.strip("x"):
        return True  # a blanked quotation's words end it too: "“…,” Axelrod tweeted"
    if _BLANKED.fullmatch(word) and n < end and sentence[words[n][0]].isupper():
        return True  # "“Judge,” Brafman said"; but "the “Avatar” star" is one phrase
    if n < end and _closes_clause(sentence, words, n):
        return True
    if word in _PREPOSITIONS:
        # "debate in Brooklyn Mrs. Clinton": a phrase, not the subject ("Six in 10");
        # but "Officials in Brooklyn" is a source where it stands.
        return not (
            (n < end and _bare(sentence, words[n])[:1].isdigit())
            or (n >= 2 and _SOURCE_NOUNS.match(_bare(sentence, words[n - 2])))
        )
    return word in _OPENERS  # "Despite his …": a phrase


# Phrases of circumstance a subject and its cue may enclose (as words, lower case),
# by their last word: a subject read back checks only the phrases its last word ends.
_PHRASES_BETWEEN: dict[str, list[tuple[str, ...]]] = {}
for _phrase in (
    "at the time", "at that time", "at the moment", "at one point", "at first",
    "at times", "in the past", "in turn", "in response", "in a statement",
    "in an interview", "in a speech", "in a tweet", "in a letter",
):  # fmt: skip
    _PHRASES_BETWEEN.setdefault(_phrase.split()[-1], []).append(tuple(_phrase.split()))


def _past_skipped(
    sentence: str, words: list[tuple[int, int]], skip: frozenset[str], adverbs: bool
) -> int:
    """How many of ``words`` stand before those skipped back from the cue.

    "Officials also said"; with ``adverbs``, any -ly adverb too ("Clinton has
    increasingly").
    """
    n = len(words)
    while n and (
        (bare := _bare(sentence, words[n - 1])) in skip
        or (
            adverbs
            and _ADVERB.fullmatch(bare)
            and bare not in _LY_NOUNS
            and not sentence[words[n - 1][0]].isupper()  # "Ms. Kelly criticized": a name
        )
    ):
        n -= 1
    for phrase in _PHRASES_BETWEEN.get(_bare(sentence, words[n - 1]), ()) if n else ():
        k = len(phrase)
        if n > k and tuple(_bare(sentence, w) for w in words[n - k : n]) == phrase:
            # "Lund at the time said", "Reyes in a statement warned": a circumstance
            # between the subject and the cue, not the subject.
            return _past_skipped(sentence, words[: n - k], skip, adverbs)
    if n and _bare(sentence, words[n - 1]) == "ago":
        # "The ministry less than two weeks ago said": a span of time, back to its quantity.
        k = n - 1
        while k and n - k <= 5 and _bare(sentence, words[k - 1]) in _SPAN_OF_TIME:
            k -= 1
        if k < n - 2:  # at least a unit and a quantity
            return _past_skipped(sentence, words[:k], skip, adverbs)
    if n and sentence[words[n - 1][0] : words[n - 1][1]] in _DASHES:
        # "The three pilots - Lund, Ward and Hart - agreed": an aside between dashes.
        return _dash_opening(sentence, words, n)
    return n


# The words of a span of time before "ago": "less than two weeks", "a few days".
_SPAN_OF_TIME = frozenset(
    """a an one two three four five six seven eight nine ten few several many some less more
    than about nearly almost just only over under day days week weeks month months year years
    hour hours minute minutes decade decades""".split()
) | frozenset(str(n) for n in range(1, 100))


def _apposition_opening(sentence: str, words: list[tuple[int, int]], n: int) -> int | None:
    """The word whose comma opens the apposition that word ``n - 1``'s comma closes.

    An age opens it too: "Lance Reyes, 49, a retired pilot, said" gives "Reyes,".
    """
    commas = (k for k in range(n - 2, -1, -1) if sentence[words[k][1] - 1] == ",")
    opening = next(commas, None)
    if opening is not None and opening > 0 and _AGE.match(sentence, *words[opening]):
        opening = next(commas, None)
    return opening


def _names_a_source(phrase: list[str]) -> bool:
    """Whether the words of a phrase name a source: a name, a described or plural noun, a pronoun.

    "Officials", "the mayor", "fundraising documents", "he"; not "then the".
    """
    # The cheap tests first: this is asked of every subject read.
    if len(phrase) == 1 and phrase[0].lower() in _PRONOUN_SOURCES:
        return True
    if len(phrase) == 1 and phrase[0].lower().strip(".,") in _NOT_A_SUBJECT | _NEVER_ALONE:
        return False  # "Thus said …", "His was …", "Why …": capitalised, but no one's name
    if len(phrase) > 1 and phrase[0].lower() in _DETERMINERS:  # "the mayor"
        return True
    head = phrase[-1].lower().strip(".,’'")  # a plural noun: "documents show", "many voters say"
    if len(head) > 3 and head.endswith("s") and not head.endswith(("ss", "us")):
        return True
    if any(w[:1].isupper() for w in phrase):  # a name
        return True
    if any(_SOURCE_NOUNS.match(w.lower().strip(".,’'")) for w in phrase):
        return True
    if phrase[-1].lower().strip(".,") in ("percent", "cent") and phrase[0][:1].isdigit():
        return True  # a poll's "74 percent said", "41 per cent say"
    return any(_SHARE.fullmatch(w.strip(".,")) for w in phrase)  # a poll's "41% say"


_SHARE = re.compile(r"\d+(?:\.\d+)?%")


_INFINITIVE_BEFORE = re.compile(r"\bto\s+(?:[a-z]+ly\s+)?$")


def _to_before(sentence: str, at: int) -> bool:
    """Whether "to" stands just before ``at``: the cue is an infinitive ("led Priebus to declare").

    Read only where a verb that takes one was met, not for every subject read.
    """
    return _INFINITIVE_BEFORE.search(sentence, max(0, at - 24), at) is not None


# Verbs whose object says the infinitive after it: "led Priebus to declare". Not "used
# his speech to call" nor "visited the court to view": a purpose, the subject's.
_OBJECT_CONTROL = frozenset(
    """led lead leads prompted prompt prompts caused cause causes forced force forces pushed
    urged urge urges asked ask asks told tell tells invited encouraged allowed convinced
    persuaded required inspired pressed pressured""".split()
)
# Verbs whose subject says the infinitive after them: "Lund wants to say", "vowed to".
_CONTROL_VERBS = frozenset(
    """want wants wanted need needs needed plan plans planned hope hopes hoped try tries
    tried seek seeks expect expects expected refuse refuses refused decline declines
    declined agree agrees agreed vow vows vowed promise promises promised threaten
    threatens threatened intend intends intended appear appears appeared seem seems
    continue continues continued begin begins began""".split()
)
_DAY_THEN_YEAR = re.compile(r"\d{1,2}, (?:1[89]|20)\d\d")


def _closes_clause(sentence: str, words: list[tuple[int, int]], n: int) -> bool:
    """Whether word ``n - 1`` ends a clause (a comma, a colon), not a name ("Joseph Biden, Jr.")."""
    # A comma may stand inside a closing mark: "on ABC's “This Week,” Carson said".
    word = sentence[words[n - 1][0] : words[n - 1][1]].rstrip('”"’')
    last = word[-1:]
    if last == "," and _DAY_THEN_YEAR.fullmatch(word + " " + _bare(sentence, words[n])):
        return False  # "A Sept. 15, 2011 email shows": a date's comma
    return last in ",;:(" and not (last == "," and _bare(sentence, words[n]) in _SUFFIXES)


def _bare(sentence: str, span: tuple[int, int]) -> str:
    # A curly apostrophe is the straight one: "isn’t" is "isn't", a verb of the clause.
    return sentence[span[0] : span[1]].strip("“”\"'’‘()[],.;:").lower().replace("’", "'")


# What may stand between a subject and a learned cue besides _BETWEEN_WORDS: the
# auxiliaries and negations of a verb phrase ("has not endorsed", "wouldn't say").
_BEFORE_A_VERB = _BETWEEN_WORDS | frozenset(
    """is are was were will would could can may might should must not never been being be
    do does did to going wouldn't won't didn't doesn't don't hasn't haven't hadn't isn't aren't wasn't
    weren't can't couldn't shouldn't""".split()
)
# A relative pronoun just before the cue (auxiliaries and adverbs between):
# "those who might oppose", "a report that shows".
# An adverb in -ly, not a noun that ends so ("That rally showed …", "which family").
_LY_ADVERB = (
    r"(?-i:(?!(?:rally|family|ally|supply|reply|apply|assembly|anomaly|monopoly|belly|bully|"
    r"jelly|folly|holly|lily|tally|ugly|italy|july|butterfly)\b)[a-z]{2,}ly)"
)
_RELATIVE_BEFORE = re.compile(
    rf"\b(?P<relative>who|which|that)\s+(?:(?:{'|'.join(sorted(_BEFORE_A_VERB))}|{_LY_ADVERB})\s+)*$",
    re.IGNORECASE,
)
# "who" with an adverb or a phrase of time before its verb: "Lund, who formally endorsed",
# "who has in the past described", "who just a week ago surprised". Only "who": "which"
# and "that" are often the object ("the plan, which critics called …"). The word before
# is read too (_after_a_noun): "It is unclear who first reported it" asks a question.
_WHO_GAP = _BEFORE_A_VERB | frozenset("in the at a an one point ago just long first time".split())
_WHO_BEFORE = re.compile(
    rf"(?P<before>\S+)\s+\(?(?P<relative>who)(?:[’']d|[’']s|[’']ve)?\s+"
    rf"(?:(?:{'|'.join(sorted(_WHO_GAP))}|(?-i:[a-z]+ly))\s+){{0,6}}$",
    re.IGNORECASE,
)


def _clause_subject(sentence: str, start: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase opening the clause of the cue at ``lo``: its words up to the first verb.

    Past a conjunction and up to three lead-ins closed by a comma ("But on Monday, …"), the
    words up to an auxiliary, a past tense or an adverb: "The nurse later sued, …",
    "Some voters are hopeful", "Advocates within the party cite". An apposition is
    left out ("Jo Reed, 53, a guard, is backing" gives "Jo Reed"); a contraction
    gives its pronoun ("they're also looking" gives "they"). ``None`` where no such
    phrase stands before the cue.
    """
    words = _words(sentence, _past_lead_ins(sentence, start, lo), lo)
    words = _past_a_quotation(sentence, words)
    phrase = []
    for a, b in words[: _SUBJECT_WORDS + 1]:
        word = sentence[a:b]
        bare = word.strip("“”\"'’‘()[],.;:").lower()
        contraction = _CONTRACTION.match(bare)
        if contraction and phrase == []:
            return a, a + len(contraction.group("word"))  # "they're", "he's"
        if not phrase and bare in _INVERTED_CUES:
            continue  # "“…,” said Jo Reed, who …": the cue before its speaker
        if phrase and _is_verb(word, bare):
            break
        phrase.append((a, b))
        if word.endswith(","):
            break  # a name, then its apposition: the name
    if not phrase or len(phrase) > _SUBJECT_WORDS:
        return None  # a run of words with no verb in it is a clause, not a subject
    while phrase and (
        _bare(sentence, phrase[0]) in _NOT_A_SUBJECT or not _LETTER.search(sentence, *phrase[0])
    ):
        phrase.pop(0)  # "When he …": the subordinate clause's subject, less its conjunction
    if not phrase or _no_subject_ends(sentence, phrase):
        return None  # "After …", "giving an …", "he laid off staff and": a phrase, not a subject
    if any(sentence[a] in "—–-" for a, _ in phrase[1:]):
        return None  # "Mount Pleasant — …": a dateline or an aside, not a subject
    end = phrase[-1][1] - sentence[phrase[-1][0] : phrase[-1][1]].endswith(",")
    return phrase[0][0], end


def _no_subject_ends(sentence: str, phrase: list[tuple[int, int]]) -> bool:
    """Whether a clause's opening words end where no subject ends, or name no one alone."""
    if _bare(sentence, phrase[-1]) in _NOT_A_SUBJECT | _DETERMINERS | _CONJUNCTIONS:
        return True
    return len(phrase) == 1 and _bare(sentence, phrase[0]) in _NEVER_ALONE  # "Those were …"


# A dateline with an agency's tag: "New Delhi, June 5 (IANS) Putin on Wednesday held …".
_AGENCY_DATELINE = re.compile(
    rf"\s*[A-Z][\w .’'-]{{1,30}},\s+{DATE}\s*\([A-Za-z ]{{2,20}}\)\s*[-–—:]?\s*"
)


def _past_lead_ins(sentence: str, start: int, lo: int) -> int:
    """Where a clause's words start past its conjunction and lead-ins: "On Thursday, after the vote, …"."""
    dateline = _AGENCY_DATELINE.match(sentence, start, lo)
    at = dateline.end() if dateline else start
    for _ in range(3):  # a lead-in may follow another
        lead = _CLAUSE_LEAD.match(sentence, at, lo)
        if not lead or lead.end() == at:
            break
        at = lead.end()
        if _TOWN_CLOSES.search(lead.group()):
            state = _STATE_AFTER.match(sentence, at, lo)  # "At a rally in Ames, Iowa, …"
            at = state.end() if state else at
    return at


_TOWN_CLOSES = re.compile(r"\b[A-Z][\w.’'-]*,\s+$")
_STATE_AFTER = re.compile(rf"{US_STATE},\s+")


def _past_a_quotation(sentence: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The words after a (blanked) quotation opening them: "“…,” he said, insisting …"."""
    n = 0
    while n < len(words) and not sentence[words[n][0] : words[n][1]].strip("x,.;:!?“”\"'’‘"):
        n += 1
    return words[n:]


def _antecedent(
    sentence: str, start: int, at: int, *, person: bool = False
) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun at ``at`` stands for: "the mouth of [Donald Trump] who".

    Read backwards over at most six words, to a verb, a preposition, a clause's
    punctuation or a determiner (which it keeps): "critics", "a former aide".
    ``person`` ("who"): a phrase with no capital after a preposition names no
    person, so the phrase before the preposition is read too: "[one pilot familiar
    with the talks], who".
    """
    words = _words(sentence, max(start, at - 120), at)
    if words and sentence[words[-1][1] - 1] == ",":
        words[-1] = (words[-1][0], words[-1][1] - 1)  # "Lund, who": the name less its comma
    n = _read_back(sentence, words, len(words))
    if (
        person
        and 1 < n < len(words)
        and _of_a_phrase(sentence, words, n - 1)
        and not any(sentence[a].isupper() for a, _ in words[n:])
    ):
        before = _read_back(sentence, words, n - 1)
        n = before if before < n - 1 else n  # a noun phrase stands before the preposition
    return (words[n][0], words[-1][1]) if n < len(words) else None


def _of_a_phrase(sentence: str, words: list[tuple[int, int]], k: int) -> bool:
    """Whether ``words[k]`` ties a noun phrase to the one before: "half of", "familiar with".

    Not "from", "with" or "in" at large: "support from those", "doing best with voters".
    """
    bare = _bare(sentence, words[k])
    return bare == "of" or (
        bare == "with" and k > 0 and _bare(sentence, words[k - 1]) == "familiar"
    )


def _read_back(sentence: str, words: list[tuple[int, int]], n: int) -> int:
    """Where a noun phrase ending at ``words[n - 1]`` starts: at most six words back."""
    end = n
    while n and end - n < 6:
        word, bare = sentence[words[n - 1][0] : words[n - 1][1]], _bare(sentence, words[n - 1])
        if (
            not bare
            or word[-1] in ",;:)"
            or word in _DASHES
            or bare in _NOT_A_SUBJECT
            or _is_verb(word, bare)
        ):
            break
        n -= 1
        if bare in _DETERMINERS:
            break
    return n


def _is_verb(word: str, bare: str) -> bool:
    """Whether a word read in a clause is (likely) its verb: lower case, an auxiliary or "-ed"."""
    bare = bare.replace("’", "'")  # "didn’t" as "didn't"
    return word[:1].islower() and (bare in _VERB_WORDS or _VERB_FORM.match(bare) is not None)


# Cues printed before their speaker, after a quotation: "“…,” said Jo Reed".
_INVERTED_CUES = frozenset("said says added asked wrote noted explained".split())


# What may open a clause before its subject: a conjunction, a lead-in closed by a
# comma ("On Monday,", "After the vote,", "While he agreed,").
_CLAUSE_LEAD = re.compile(
    # The conjunction may take a comma of its own: "And, like the mayor, they …".
    r"(?:(?:but|and|yet|so|still|now|then|even),?\s+)?"
    r"(?:(?:on|in|at|after|before|while|when|since|though|although|as|despite|during|for|"
    r"with|without|if|unlike|like|by|from|amid|earlier|later|meanwhile|instead|however|"
    r"outside|inside|near|across|throughout|along|beyond|within|following|"
    r"still|indeed|now|yesterday|today|there|here|again|also|too|overall|besides|thus)\b"
    # Closed by a comma, or by an aside between dashes: "For example — a state she is
    # likely to win — Lund has …".
    r"(?:[^,;:“”\"]{0,120},\s+|[^,;:“”\"—–]{0,60}\s[—–]\s[^;:“”\"—–]{1,120}\s[—–]\s+)"
    # A sentence adverb alone ("Recently,", "Separately,"): a suffix after three letters
    # or more, which short names ("Sally,", "Wally,") do not have.
    r"|[a-z]{3,}(?:ent|al|ar|ate|ous|ive|ed|ing|ful|less|ant|ib|ab)ly,\s+"
    # and the common ones without such a suffix, or after a word of degree ("More recently,").
    r"|(?:mostly|mainly|largely|partly|really|truly|surely|lately|simply|certainly|frankly|"
    r"likewise|otherwise|(?:more|most|very|so|quite|only|just)\s+[a-z]{3,}ly),\s+)?",
    re.IGNORECASE,
)
# Words that open or close no subject: prepositions and the conjunctions of a clause.
_NOT_A_SUBJECT = (
    _PREPOSITIONS
    | frozenset(
        """when after before as if while since because although though despite during until
    unless once whether reached asked like than of so there here""".split()
    )
    | _SENTENCE_ADVERBS
)
# Words that name no one on their own as a subject: "Those …", "His …", "Why …".
_NEVER_ALONE = _NAMES_NO_ONE | frozenset({"why", "how"})
_LETTER = re.compile(r"[^\W\d_]")
_CONTRACTION = re.compile(r"(?P<word>he|she|they|we|i|you|it)[’'](?:s|re|ve|d|ll|m)$")
# Words that end a subject read forwards: auxiliaries, adverbs, verbs of the clause.
_VERB_WORDS = (
    _BEFORE_A_VERB
    | frozenset("""am has have had shall says tells instead who which that whose""".split())
    | frozenset(_IRREGULAR.split("|"))
)
_VERB_FORM = re.compile(r"[a-z]{2,}(?:ed|ly)$")


# A new clause with a subject of its own: "…; critics said", "…, but aides argued".
_A_NEW_CLAUSE = re.compile(r"(?:;|,\s*(?:and|but|while|whereas|though|although))\s+")
# With no comma, a pronoun or a group as its subject: "… and she accused", "… but others
# have said" (read by the attribution rules where a cue stands inside a content).
_CLAUSE_SUBJECTS = (
    r"he|she|they|we|I|others|critics|officials|aides|supporters|opponents|experts|analysts"
)
_A_BARE_NEW_CLAUSE = re.compile(rf"\s(?:and|but|while|whereas)\s+(?=(?:{_CLAUSE_SUBJECTS})\b)")


# A subordinate clause opening, its subject next: "…, when protesters interrupted her,
# shouting", "…so subdued that Lund was prompted to say". Not "after", "before" or
# "since", which open a phrase as often ("after the vote, calling …").
_SUBORDINATOR = re.compile(r"\b(?:when|that|because|while|if|although|though|whereas)\s+")
# Punctuation that closes the subordinate clause before the cue: the cue is the main
# clause's then ("debt that the island owes - and says …", "when they were young, hoping").
_CLAUSE_CLOSES = re.compile(r"[,;:—–]|\s-\s")


def _nearest_clause_subject(sentence: str, start: int, lo: int) -> tuple[int, int] | None:
    """The subject of the innermost clause holding ``lo``, else of the one from ``start``.

    A verb's subject stands in its own clause: in "The debate was so calm that Lund
    was prompted to say …", Lund says it, not the debate. The subordinate clause
    must run to the cue unbroken by a comma or a dash.
    """
    opened = list(_SUBORDINATOR.finditer(sentence, max(start, lo - _CLAUSE_REACH), lo))
    if opened and _opens_with_a_subject(sentence, opened[-1], lo):
        inner = _clause_subject(sentence, opened[-1].end(), lo)
        if inner is not None:
            return inner
    return _clause_subject(sentence, start, lo)


_NO_SUBJECT_ADVERBS = frozenset(
    "also still then even only just again once never always often not".split()
)


def _opens_with_a_subject(sentence: str, opener: re.Match, lo: int) -> bool:
    """Whether a subordinate clause runs unbroken to ``lo`` and opens with a subject.

    Not "while raising …" nor "while simply …" (no subject of its own), nor a
    relative "that" before its verb ("an election that scrambles …"): after "that",
    only a pronoun, a determiner or a name opens a clause.
    """
    if _CLAUSE_CLOSES.search(sentence, opener.end(), lo):
        return False
    first = _TOKEN.match(sentence, opener.end())
    if first is None:
        return False
    word, bare = first.group(), _bare(sentence, first.span())
    if word[:1].islower() and (
        bare.endswith("ing") or _ADVERB.fullmatch(bare) or bare in _NO_SUBJECT_ADVERBS
    ):
        return False  # "while raising …", "while simply …", "while also saying …"
    if opener.group().lower().startswith("that"):
        return word[:1].isupper() or bare in _PRONOUN_SOURCES or bare in _DETERMINERS
    return True


def _clause_start(sentence: str, start: int, lo: int) -> int:
    """Where the last clause before ``lo`` opens: after "; " or ", and|but|while …", else ``start``."""
    ends = [m.end() for m in _A_NEW_CLAUSE.finditer(sentence, start, lo)]
    return ends[-1] if ends else start


# A subject, then a clause set off by commas, then the cue's verb (its auxiliaries
# and adverbs before it): "Reyes, speaking at a rally in Bangor, Maine, did not mention".
_APPOSED = re.compile(
    # The subject may carry a short phrase of its own: "Executives for Harbour Foods,
    # which …, say".
    rf"\s*(?P<subject>{_SPEAKER}(?:\s+(?:of|for|at|from|in|with)\s+[^,\"“”«»]{{1,40}}?)?)"
    rf"{_CLAUSE}[^\"“”«»]*?,\s+"
    r"(?:(?:[a-z]+ly|also|not|never|then|did|does|do|has|have|had|will|would|could|can|may|"
    r"might|should|must|is|are|was|were|been)\s+){0,3}$"
)


_OPENING_PREPOSITION = re.compile(
    r"(?:On|In|At|For|From|With|After|Before|During|Under|Over|Since|Until|By|Despite)\b"
)


_CLAUSE_REACH = 250  # a subject and the clause after it, before the cue


def _apposed_subject(sentence: str, start: int, lo: int) -> tuple[int, int] | None:
    """The subject before a clause set off by commas, where the cue's verb follows it.

    Read from the sentence's or the cue's clause's start: the words inside the
    clause ("Charleston", "Iowa") are not who speaks.
    """
    # Read within reach of the cue only: a run-on sentence of a thousand cues then
    # costs its length, not its square.
    window = max(start, lo - _CLAUSE_REACH)
    if not _CLAUSE_OPENS.search(sentence, window, lo):
        return None  # most sentences: no such clause
    for at in {start, _clause_start(sentence, window, lo)}:
        if at < window:
            continue
        match = _APPOSED.match(sentence, at, lo)
        if match is not None and not _OPENING_PREPOSITION.match(match.group("subject")):
            return match.span("subject")  # not "On Tuesday, however, …"
    return None
