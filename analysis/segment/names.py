"""Speaker phrases to names: the words of attribution, and titles dropped.

The pieces the speaker patterns are built of (names with their titles,
descriptions such as "a Kremlin spokesman", documents and their issuers,
pronouns, cue verbs), the word lists that tell a title from a name, and
:func:`clean_speaker`, which turns a matched phrase into the speaker's name
("White House Press Secretary Jen Psaki" → "Jen Psaki"), with :func:`_kind`
telling a person from an institution, a document or a pronoun.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["TITLE_WORDS", "clean_speaker"]


_CUE_VERBS = (
    r"said|says|say|told|tells|added|adds|stated|states|noted|notes|explained|warned|argued|"
    r"wrote|writes|write|tweeted|posted|asked|replied|responded|insisted|declared|announced|"
    r"claimed|continued|stressed|emphasi[sz]ed|urged|acknowledged|remarked|recalled|"
    r"suggested|cautioned|complained|conceded|observed|pointed out|went on|reiterated|"
    r"reads|read|concluded|predicted|promised|vowed|admitted|described|reported|"
    # Their present forms, and other verbs that report words as spoken.
    r"argues?|warns?|claims?|insists?|explains?|asks?|replies|reply|responds?|declares?|"
    r"announces?|stresses|urges?|acknowledges?|recalls?|suggests?|predicts?|promises?|"
    r"vows?|admits?|describes?|tweets?|concludes?|observes?|complains?|concedes?|"
    r"answered|answers?|exclaimed|shouted|yelled|quipped|joked|recounted|interjected|"
    r"demanded|wondered|mused|shot back|fired back|countered|retorted|chanted|"
    r"pressed|recommended|recommends|boasted|boasts|lamented|laments|scoffed|snapped|"
    r"pleaded|gushed|marveled|marvelled|protested|objected|continues|quips|jokes|mocked|mocks|"
    r"points out|echoed|echoes|elaborated|elaborates|reasoned|opined|cracked|teased|sighed|"
    r"commented|agreed|agrees|disagreed|disagrees|concurred|issued a statement|released a statement"
)


_ROLE_NOUNS = (
    r"spokesman|spokeswoman|spokesperson|secretary|minister|adviser|advisor|aide|official|"
    r"envoy|ambassador|chief|director|president|chancellor|leader|senator|lawmaker|"
    r"correspondent|analyst|professor|researcher|commander|general|diplomat"
)
# A capitalised word of a name; an abbreviated title keeps its period ("Mr. Rhodes",
# "Sen. Isakson"), or the name would stop at it.
_CAP = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Hon|Adm|Amb|Supt)\.(?=\s)"
    r"|[A-Z]\.|Jr\.|Sr\.|[A-Z][\w’'-]*)"
)
# A name may carry its title, lower-case role nouns included:
# "National Security Council spokesman Adrian Watts", "presidential aide Pavel Saburov".
_NAME = (
    rf"(?:(?:[a-z]+\s+){{0,2}}(?:{_ROLE_NOUNS})\s+)?"
    rf"{_CAP}(?:\s+(?:(?:of|de|von|van|al-|bin)\s+|(?:{_ROLE_NOUNS})\s+)?{_CAP}){{0,7}}"
)
# Words that end an issuer's name: "a statement from the PMO on Saturday said".
_ISSUER_ENDS = r"on|in|at|during|after|before|which|that|who|and|but|as|to|for|when|while|was"
_DOCUMENT_NOUNS = r"statement|readout|release|communiqu[eé]|report|post|telegram|message|letter"
# An article or a possessive leads a description: "a Kremlin spokesman", "The
# ministry" (opening a sentence), "China's foreign ministry".
_DESCRIPTION = (
    # The owner may be titled or named in full: "Mr Lund's office", "Ana Lund's aide".
    r"(?:(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother|(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w-]*[’']s)\s+"
    r"(?:[\w’'-]+\s+){0,3}"
    r"(?:spokesman|spokeswoman|spokesperson|official|officials|statement|readout|"
    r"ministry|ministers?|source|sources|aides?|diplomat|diplomats|advisers?|advisors?|service|"
    # Heads beyond government, for the people and bodies other stories quote; in the
    # plural too ("the two leaders agreed on “…”").
    r"presidents?|chancellors?|premiers?|leaders?|mayors?|governors?|senators?|lawmakers?|"
    r"politicians?|ambassadors?|envoys?|sides|"
    r"chairman|chairwoman|chair|chief|judges?|court|prosecutors?|lawyers?|attorney|police|"
    r"economists?|analysts?|experts?|executives?|company|firm|group|agency|government|"
    r"department|office|embassy|commission|council|committee|report|campaign|party|union|"
    r"authority|authorities|regulator|military|army|navy|spokespeople|"
    # People of campaigns and of the press, whom political stories quote.
    r"candidate|nominee|strategist|manager|pollster|consultant|operative|activist|founder|"
    r"host|anchor|author|writer|reporter|editor|columnist|organizer|director|"
    # People in the street.
    r"supporters?|voters?|residents?|protesters?|students?|workers?|members?|critics?|"
    r"neighbou?rs?|fans?|friends?)\b)"
)
# A document and who issued it: "a statement from the ministry", "a release issued
# by the Chancellor's Office (CO)", "a note posted by the cabinet's press office".
# The issuer runs to the cue, or to the end.
_DOCUMENT = (
    rf"(?:[Aa]n?|[Tt]he|[Ii]ts)\s+(?:[\w-]+\s+){{0,2}}(?:{_DOCUMENT_NOUNS})\s+"
    r"(?:from|issued\s+by|released\s+by|by|of|on\s+the\s+website\s+of)\s+"
    rf"(?:the\s+)?[\w’'.-]+(?:\s+(?!(?:{_CUE_VERBS}|{_ISSUER_ENDS})\b)[\w’'.-]+){{0,7}}"
    r"(?:\s*\([A-Z]{2,8}\))?"
)
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t)"


TITLE_WORDS = frozenset(
    """white house press secretary president vice prime minister foreign deputy national
    security adviser advisor spokesman spokeswoman spokesperson kremlin state department
    defense defence chief of staff senator sen. rep. gov. governor gen. general ambassador
    chancellor u.s. us u.k. uk mr. mrs. ms. dr. director commissioner leader king queen
    former acting senior top envoy special representative ministry office affairs external
    aide presidential official lawmaker correspondent analyst professor commander diplomat
    council committee shadow sir dame lord pm fm premier""".split()
)
_HONORIFICS = frozenset("sir dame lord".split())
# A description names a person by one of these heads: "the Russian President", "the FM".
_PERSON_HEADS = frozenset(
    """president minister secretary chancellor premier pm fm leader envoy ambassador king
    queen diplomat spokesman spokeswoman spokesperson senator governor""".split()
)
# The head words of institutions (the single words of data/sources.toml's [bodies] and
# a few more): "the Turkish Presidency", "the Pentagon", "the Senate".
_INSTITUTION_HINTS = frozenset(
    """house kremlin department ministry office government embassy commission council party
    presidency pentagon administration agency court police army military navy senate
    congress parliament cabinet consulate treasury nato fbi cia secretariat palace""".split()
)
_DAY_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    january february march april may june july august september october november
    december""".split()
)


_NOT_NAMES = frozenset(
    """but and so as when while if this that it there in on at one two three four five six
    seven eight nine ten eleven twelve thirteen fourteen fifteen twenty thirty forty fifty
    hundred dozens several""".split()
)  # a number opening a sentence ("Eight years ago, he …") is no one's name
# A word that names no one standing alone, capitalised as a sentence's first: "Those
# …", "His …", "Such …" (a phrase with more words may still be a source: "Those close").
_NEVER_ALONE = frozenset("those these his her its their our my your such".split())
# A pronoun's contraction: "They’re", "He's" are the pronoun as a speaker.
_CONTRACTED = re.compile(
    r"^(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Yy]ou|[Ii]t)[’'](?:re|s|ve|d|ll|m)$"
)
# Adverbs that open a sentence and are no part of its subject: "Thus the board agreed".
_SENTENCE_ADVERBS = frozenset(
    """thus hence moreover furthermore nonetheless nevertheless therefore accordingly
    consequently likewise""".split()
)
# Words that open a sentence, capitalised there, and are no part of a name after them.
_OPENING_WORDS = (
    frozenset(
        """for given unless then after before although though because since yet still however
    meanwhile instead indeed also with without despite during once until where why how
    whether even now here today yesterday tonight only just""".split()
    )
    | _SENTENCE_ADVERBS
)


# Compiled once: the speaker helpers run per quotation.
_DOCUMENT_NOUN = re.compile(rf"\b(?:{_DOCUMENT_NOUNS})\b")
_THE_DOCUMENT = re.compile(rf"the\s+(?:{_DOCUMENT_NOUNS})")
_PRONOUN_RE = re.compile(_PRONOUN)
_DOCUMENT_RE = re.compile(_DOCUMENT)
_DESCRIPTION_RE = re.compile(_DESCRIPTION)
_POSSESSIVE = re.compile(r"[’']s$")


# Cached: a pure function of the words, and the same few sources recur in every article.
@lru_cache(maxsize=1 << 16)
def clean_speaker(raw: str) -> str:  # noqa: C901 - a flat chain of phrase forms, each returning
    """Drop titles from a speaker phrase; keep an institution's name.

    >>> clean_speaker("White House Press Secretary Jen Psaki")
    'Jen Psaki'
    >>> clean_speaker("the Kremlin")
    'Kremlin'
    """
    raw = " ".join(raw.strip(" ,.;:").split())
    raw = _CONTRACTED.sub(r"\g<pronoun>", raw)  # "They’re less hostile": "They"
    if _PRONOUN_RE.fullmatch(raw):
        return raw.lower()
    if _is_description(raw):
        # "The ministry" opening a sentence is the ministry named anywhere else.
        first, _, rest = raw.partition(" ")
        return f"{first.lower()} {rest}" if first in ("The", "A", "An", "One", "Another") else raw
    if _DOCUMENT_RE.fullmatch(raw):
        return raw  # "a statement from the PMO": the document, as the text names it
    tokens = raw.split()
    article = bool(tokens) and tokens[0].lower() == "the"
    if article:
        tokens = tokens[1:]
    while tokens and tokens[0].lower() in _OPENING_WORDS:
        tokens = tokens[1:]  # "Then Brafman", "Given": a sentence's first word, not a name
    if not tokens or tokens[0].lower() in _NOT_NAMES:
        return ""
    if len(tokens) == 1 and tokens[0].lower() in _NEVER_ALONE:
        return ""
    if any(t.lower() in _DAY_WORDS for t in tokens):
        return ""  # "… said on Saturday": a day is never a speaker
    of = _institution_of(tokens)
    tokens = _less_affiliation(tokens) if not of else tokens
    named = [t for t in tokens[of + 1 :] if _bare(t) not in TITLE_WORDS and t[0] != "("]
    if of and len(named) <= 1:
        # An institution leads: "Ministry of Fisheries (MOF)", "Russian Ministry of
        # Defence"; not "Department of State Jane Roe", whose name follows.
        return " ".join(tokens)
    if not article and _surname_like_a_title(tokens):
        # "Mr. King", "Rep. Steve King": the title word is the surname.
        named = tokens[-1:] if tokens[-2].lower() in _HONORIFIC_ABBREVIATIONS else tokens[-2:]
        return " ".join(named)
    # Lower-case words are titles ("former aide Jo Reyes"), but not the particles of a
    # name ("Ursula von der Leyen") nor the "of" of a body's name ("Bank of America").
    titles = [
        n
        for n, t in enumerate(tokens)
        if t not in _NAME_PARTICLES and (_bare(t) in TITLE_WORDS or t.islower())
    ]
    if titles and titles[-1] < len(tokens) - 1:
        # The name is what follows the last title word and the place or body it is of:
        # "Prime Minister of Japan Ana Ruiz", "President of the Commission Ana Ruiz".
        start = _past_title_of(tokens, titles[-1] + 1)
        name = tokens[start:] if start < len(tokens) else tokens
        if any(t[:1].isupper() for t in name):
            return " ".join(name)
        # No name after the titles ("the actor held a … and"): every lower-case word
        # is a title then, as the checks below expect.
        titles = [n for n, t in enumerate(tokens) if _bare(t) in TITLE_WORDS or t.islower()]
    if any(t.lower() in _INSTITUTION_HINTS for t in tokens):
        return " ".join(tokens)  # an institution: "White House", "Chinese Foreign Ministry"
    if titles and article and _bare(tokens[-1]) in _PERSON_HEADS:
        return "the " + " ".join(tokens)  # "the Russian President": resolved later
    if titles:
        return ""  # a bare title with no name
    return " ".join(tokens)


# Title words that are also common surnames ("Angus King", "Mr. Lord").
_SURNAME_TITLES = frozenset({"king", "lord"})
_HONORIFIC_ABBREVIATIONS = frozenset({"mr.", "mrs.", "ms.", "dr.", "miss"})


def _surname_like_a_title(tokens: list[str]) -> bool:
    """Whether the last word is a surname that is also a title: after an honorific or a given name."""
    if len(tokens) < 2 or _bare(tokens[-1]) not in _SURNAME_TITLES or not tokens[-1][:1].isupper():
        return False
    before = tokens[-2]
    return before.lower() in _HONORIFIC_ABBREVIATIONS or (
        before[:1].isupper() and _bare(before) not in TITLE_WORDS and before.isalpha()
    )


# Lower-case words inside a name: a name's particles, and the "of" and "the" of a
# body's ("Bank of America", "Daughters of the Revolution").
_NAME_PARTICLES = frozenset(
    "of the von van der den de du da di del della la le bin ibn al ter dos das".split()
)


def _past_title_of(tokens: list[str], at: int) -> int:
    """Past "of" and the place or body a title is of, from ``at``: where a name may start.

    "[Prime Minister] of Japan Fumio Kishida" gives "Fumio"; "of the European
    Commission Ana Ruiz" gives "Ana" (through the body's word); with no "of", ``at``.
    """
    if at >= len(tokens) or tokens[at] != "of":
        return at
    n = at + 1 + (at + 1 < len(tokens) and tokens[at + 1] == "the")
    body = next(
        (k for k in range(n, min(n + 3, len(tokens))) if tokens[k].lower() in _INSTITUTION_HINTS),
        None,
    )
    return body + 1 if body is not None else n + 1


def _less_affiliation(tokens: list[str]) -> list[str]:
    """A name less the place or body after it: "Senator Ted Cruz of Texas" → "Senator Ted Cruz".

    Only after a name ("Cruz of"), never after a title ("Secretary of State John
    Kerry", "Prime Minister of Japan") or an institution ("Bank of America").
    """
    for n in range(2, len(tokens) - 1):
        if tokens[n] == "of":
            before = tokens[n - 1]
            named = before[:1].isupper() and _bare(before) not in TITLE_WORDS
            return tokens[:n] if named and before.lower() not in _INSTITUTION_HINTS else tokens
    return tokens


def _institution_of(tokens: list[str]) -> int:
    """Where the "of" after an institution's word is among the first three ("Ministry of"), or 0."""
    lowered = [t.lower() for t in tokens]
    return next(
        (
            n + 1
            for n in range(min(2, len(tokens) - 1))
            if lowered[n] in _INSTITUTION_HINTS and lowered[n + 1] == "of"
        ),
        0,
    )


def _bare(token: str) -> str:
    """A token lower-cased, without a possessive "'s"."""
    return _POSSESSIVE.sub("", token.lower())


@lru_cache(maxsize=1 << 16)
def _is_description(raw: str) -> bool:
    return _DESCRIPTION_RE.fullmatch(raw.strip()) is not None


@lru_cache(maxsize=1 << 16)
def _kind(speaker: str) -> str:
    """'pronoun', 'document', 'institution' or 'person' (a description of one included)."""
    low = speaker.lower()
    if low in {"he", "she", "they", "it"}:
        return "pronoun"
    words = low.replace("’s", "").replace("'s", "").split()
    if _DOCUMENT_NOUN.search(low):
        return "document"
    if any(w in _INSTITUTION_HINTS or w in {"ministry", "service"} for w in words) or (
        len(words) == 1 and speaker.isupper()
    ):
        return "institution"
    return "person"


def _is_person(raw: str) -> bool:
    speaker = clean_speaker(raw)
    return bool(speaker) and _kind(speaker) == "person"


def _full_name(text: str, surname: str, before: int) -> str:
    """Expand a surname to the first full name ending with it before ``before``."""
    candidates = _full_name_candidates(text, surname)
    return next((full for end, full in candidates if end <= before), surname)


def _full_name_candidates(text: str, surname: str) -> list[tuple[int, str]]:
    """Where the first full names ending with ``surname`` end, and the names, best first.

    A speaker named by surname alone ("Psaki said") is the person named in full
    earlier ("Jen Psaki"): the first name words before a mention of the surname,
    else a family name first ("Park Jae-won"). A caller takes the first candidate
    that ends before the surname's use; an article's are found once.

    Only the stretch before each mention of the surname is read (a full name ends
    at one). Reading the whole text instead cost a quarter of the loading time.
    """
    mentions = []
    at = text.find(surname)
    while at >= 0:
        mentions.append(at)
        at = text.find(surname, at + 1)
    if not mentions:
        return []  # most calls: no mention, so neither pattern can match
    found = []
    end = len(surname)
    done = 0  # where the last name read ended: names do not overlap
    for at in mentions:
        if at + end <= done or not _BOUNDARY.match(text, at + end):
            continue  # inside the last name read, or inside a longer word
        # A full name is name words and spaces up to the surname, read backwards over
        # a bounded stretch: the first place in it where one to six name words run
        # up to the surname. One pattern serves every surname, so none is compiled
        # per name.
        first = _name_words_before(text, at, max(0, at - _NAME_REACH, done))
        if first >= 0:
            done = _last_reached(text, mentions, end, first, at) + end
            full = clean_speaker(text[first:done])
            if full.endswith(surname) and " " in full:
                found.append((done, full))
                break
    # Family name first, as in Korean names: "Park Jae-won".
    for at in mentions:
        given = _GIVEN_AFTER.match(text, at + len(surname))
        if given and _BOUNDARY.match(text, at):
            found.append((given.end(), text[at : given.end()]))
            break
    return found


def _name_words_before(text: str, at: int, lo: int) -> int:
    """The first place from ``lo`` where one to six name words run up to ``at``; -1 if none.

    Only name characters are read: the run of them before ``at``, back to ``lo``.
    """
    run = _NAME_RUN.match(text[at - 1 : lo - 1 if lo else None : -1]).end() if at > lo else 0
    for first in _NAME_WORD_START.finditer(text, at - run, at):
        if _NAME_WORDS_BEFORE.fullmatch(text, first.start(), at):
            return first.start()
    return -1


def _last_reached(text: str, mentions: list[int], length: int, first: int, at: int) -> int:
    """The last mention (of ``length`` characters) the name words from ``first`` run up to.

    As a greedy pattern reads "Jen Jen Jen": the name takes in every mention its
    one to six words reach, not only the first, ``at``.
    """
    last = at
    for later in mentions:
        if later - first > 2 * _NAME_REACH:
            break  # six words never run that far: the mentions after are out of reach
        if later > at and _NAME_WORDS_BEFORE.fullmatch(text, first, later):
            last = later if _BOUNDARY.match(text, later + length) else last
    return last


# One to six name words ("J.", "Jen"), each followed by spaces: what comes before a
# surname in a full name; and where such a word may start.
# A possessive ends a phrase, not a name word: "Here’s Lund", "Dunmore’s Lund".
# The spaces of one line: a name does not run over a line's end ("Ferry Talks
# Collapse\n\nLund said" names Lund).
_NAME_WORDS_BEFORE = re.compile(r"(?:(?:[A-Z]\.|[A-Z][\w’'-]*(?<![’']s))[^\S\n]+){1,6}")
_NAME_WORD_START = re.compile(r"[A-Z]")
_GIVEN_AFTER = re.compile(r"\s+[A-Z][a-z]+-[a-z]+\b")
_BOUNDARY = re.compile(r"\b")


# Every character a full name may hold before the surname (see _full_name_candidates), and
# how far back it is read: six name words, with room to spare.
_NAME_RUN = re.compile(r"[\w\s’'.\-]*")
_NAME_REACH = 200


def _honorific_name(masked: str, name: str) -> tuple[int, str] | None:
    """Where the first "Sir/Dame/Lord <name> <Surname>" of the text is, and the surname.

    One pattern for every name: the honorifics are found, then the name after them.
    """
    if not any(f"{honorific} {name}" in masked for honorific in ("Sir", "Dame", "Lord")):
        return None  # most names never follow an honorific
    for honorific in _HONORIFIC.finditer(masked):
        if masked.startswith(name, honorific.end()):
            surname = _SURNAME_AFTER.match(masked, honorific.end() + len(name))
            if surname:
                return honorific.start(), surname.group(1)
    return None


_HONORIFIC = re.compile(r"\b(?:Sir|Dame|Lord)\s+")
_SURNAME_AFTER = re.compile(r"\s+([A-Z][\w’'-]+)")


def lowered(text: str) -> str:
    """``text`` lower-cased character for character, so its offsets hold ("İ" stays)."""
    lower = text.lower()
    if len(lower) != len(text):  # "İ" lower-cases to two characters
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lower


def titled_names(text: str, lower: str, title: str) -> list[tuple[int, str]]:
    """(where, name) of each "<title> <Name>" of ``text``: "Prime Minister Keir Starmer".

    The title's words are found in ``lower`` (:func:`lowered`), in any case and with
    any spaces between them, and the name after them by one pattern for every
    title: none is compiled per title.
    """
    words = title.lower().split()
    found, at = [], lower.find(words[0]) if words else -1
    while at >= 0:
        after = _after_words(lower, text, words, at)
        match = _TITLED_NAME.match(text, after) if after >= 0 else None
        if match:
            name = clean_speaker(match.group("name"))
            if name and _kind(name) == "person":
                found.append((at, name))
        at = lower.find(words[0], match.end() if match else at + 1)
    return found


def _after_words(lower: str, text: str, words: list[str], at: int) -> int:
    """Where ``words`` (lower case) starting at ``at`` end, spaces between; -1 if they do not."""
    if not _BOUNDARY.match(text, at):
        return -1  # inside a longer word
    end = at + len(words[0])
    for word in words[1:]:
        space = _SPACES.match(text, end)
        if not space or not lower.startswith(word, space.end()):
            return -1
        end = space.end() + len(word)
    return end


# A name after a title: "[Prime Minister] Keir Starmer".
_TITLED_NAME = re.compile(rf"\s+(?P<name>{_CAP}(?:\s+{_CAP}){{0,3}})")
_SPACES = re.compile(r"\s+")
