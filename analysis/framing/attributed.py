"""Whose account a sentence gives: each attribution's source kind, and whether it relays a claim.

A news sentence either gives somebody's account ("the White House said …",
"according to the readout, …", a quotation) or states it in the journalist's
own voice. This module classes every attribution of a news article
(``corpus.attributions``) by the kind of its source, and says whether it relays
the source's claim, and from where (``claim_start``);
:mod:`analysis.framing.accounts` reads framing's sentences and each used
official sentence through it.

**Source kinds** (:data:`SOURCE_KINDS`), a table of named rules
(:data:`KIND_RULES`, first match wins, each writing its evidence):

- ``official_text``: the institution that issued the article's paired official
  text, a person that text names as its principal or spokesperson, or the text
  itself ("the readout");
- ``document``: any other statement, report, poll or filing;
- ``unnamed``: the text names no one ("officials said", "a person familiar");
- ``other_official``: governments, ministries, militaries, international bodies
  and their officers;
- ``named_other``: named people and organisations outside government;
- ``unresolved``: a pronoun ("he said") the workbook did not resolve to a name.

The words that mark an office, an institution, an unnamed source or a document
are the lexicon ``data/sources.toml`` (:func:`load_sources`), each list with its
sources; an analyst extends it or passes their own.

**An account, or an act.** An attribution *relays an account* when its content
is the source's claim: a quotation, a cue of telling ("said", "according to",
:attr:`SourceLexicon.telling`), a "that" clause, or a source and cue after the
content ("…, officials said"). Otherwise it narrates a speech act ("Biden pressed
Putin on election interference"): the act is the journalist's claim, told in
their own voice, which is the point of the question "is the official account
passed on as fact?".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from analysis._arrays import count_runs
from analysis.corpus import Corpus
from analysis.errors import WorkbookError
from analysis.framing.claims import claim_starts
from analysis.resources import read_lexicon
from analysis.schema import ATTRIBUTION_COLUMNS

__all__ = [
    "ATTRIBUTED_COLUMNS",
    "KIND_RULES",
    "RELAYS",
    "SOURCE_KINDS",
    "AttributedRules",
    "SourceLexicon",
    "SourceLexiconError",
    "load_sources",
    "source_kinds",
]

SOURCE_KINDS = (
    "official_text",
    "other_official",
    "named_other",
    "unnamed",
    "document",
    "unresolved",
)
"""The kinds of source, in the order tables show them."""

RELAYS = ("attributed_to_official", "attributed_to_other", "own_voice")
"""How an article relayed an official sentence it used (``usage.relayed``)."""

# The attribution's own columns (analysis.schema.ATTRIBUTION_COLUMNS, less where its cue
# stands and how it was found), its words, then how it relays and whose it is.
_OWN = [c for c in ATTRIBUTION_COLUMNS if c not in ("cue_start", "cue_end", "evidence")]
ATTRIBUTED_COLUMNS = (
    *_OWN[: _OWN.index("text") + 1],
    "words",
    *_OWN[_OWN.index("text") + 1 :],
    "claim_start",
    "relays",
    "source_kind",
    "official_id",
    "kind_evidence",
)
"""Columns of :func:`source_kinds`."""


class SourceLexiconError(WorkbookError):
    """A malformed source lexicon: the place names the table."""


@dataclass(frozen=True)
class AttributedRules:
    """When a sentence is somebody's account.

    Attributes:
        min_share: An attribution speaks for a sentence when its content covers this
            share of the sentence's characters: "The White House said the talks were
            useful" is the White House's account though its source and cue are the
            journalist's words; a short reported clause inside a long sentence of
            the journalist's ("…, which Moscow denies") is not the sentence's account.
        context_chars: How far before a person's first mention, and after it, the
            words that say who they are are read ("Russian President Vladimir
            Putin", "Jen Psaki, the White House press secretary,"): about one title
            phrase or apposition.
    """

    min_share: float = 0.5
    context_chars: int = 60


@dataclass(frozen=True)
class SourceLexicon:
    """The word lists of ``data/sources.toml``, each matched whole and in lower case.

    Attributes:
        titles: Offices whose holders are official sources ("president", "senator").
        bodies: Institutions of state and international bodies ("ministry", "NATO").
        unnamed: Heads of a source that names no one ("officials", "a source").
        documents: Heads of a source that is a text ("statement", "report").
        telling: Cues that attribute a claim, not narrate an act ("said", "according to").
        institutions: Each issuer's names (``name``, its aliases): an official text's
            issuer is the first whose alias its outlet, title or opening names.
        states: Countries and capitals, as a whole source a government ("Moscow
            said"); the table is optional in an analyst's own file.
    """

    titles: frozenset[str]
    bodies: frozenset[str]
    unnamed: frozenset[str]
    documents: frozenset[str]
    telling: frozenset[str]
    institutions: tuple[tuple[str, tuple[str, ...]], ...]
    states: frozenset[str] = frozenset()

    def pattern(self, words) -> re.Pattern:
        """One pattern finding any of ``words`` whole (longest first), compiled once."""
        return _phrase_pattern(frozenset(words))

    @functools.cached_property
    def no_names(self) -> frozenset[str]:
        """Words that name no one by themselves: titles, institutions, unnamed heads."""
        return self.titles | self.bodies | self.unnamed

    @functools.cached_property
    def phrase_openers(self) -> frozenset[str]:
        """The first words of the no-names of several words ("white" of "white house")."""
        return frozenset(w.split()[0] for w in self.no_names if " " in w)


_TABLES = ("titles", "bodies", "unnamed", "documents", "telling")


def load_sources(path: str | Path | None = None) -> SourceLexicon:
    """Read a source lexicon (TOML); the shipped ``data/sources.toml`` by default.

    Raises:
        SourceLexiconError: naming the file and the table, for a malformed lexicon.
    """
    name, data = read_lexicon(path, "sources.toml", SourceLexiconError)
    lists = {}
    for table in _TABLES:
        words = data.get(table, {}).get("words")
        if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
            raise SourceLexiconError(
                name,
                f"[{table}]",
                "has no list of words",
                f'give it words = ["...", ...] (see the shipped file); tables: {", ".join(_TABLES)}',
            )
        lists[table] = frozenset(w.strip().lower() for w in words if w.strip())
    institutions = []
    for n, entry in enumerate(data.get("institution", []), 1):
        aliases = entry.get("aliases")
        if not entry.get("name") or not isinstance(aliases, list) or not aliases:
            raise SourceLexiconError(
                name,
                f"[[institution]] {n}",
                "needs a name and a list of aliases",
                'write name = "White House" and aliases = ["white house", ...]',
            )
        institutions.append((entry["name"], tuple(a.lower() for a in aliases)))
    states = data.get("states", {}).get("words", [])
    if not isinstance(states, list) or not all(isinstance(w, str) for w in states):
        raise SourceLexiconError(
            name, "[states]", "has no list of words", 'give it words = ["russia", "moscow", ...]'
        )
    return SourceLexicon(
        **lists,
        institutions=tuple(institutions),
        states=frozenset(w.strip().lower() for w in states if w.strip()),
    )


@functools.cache
def _phrase_pattern(words: frozenset[str]) -> re.Pattern:
    """Compiled once per word list (lexicons are few), not per source."""
    body = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(rf"(?<![\w.])(?:{body})(?![\w])")


# --- the official side of each news article --------------------------------------------

_PRONOUNS = frozenset(
    "i me my we us our you he him his she her they them their it its one this that".split()
)
_HONORIFICS = frozenset(("mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "sir", "dame"))
_NAME = re.compile(r"[A-Z][\w'’\-.]*")
# An official text's opening up to its first lower-case word: its subject ("President X").
_SUBJECT_END = re.compile(r"\s(?=[a-z])(?!of\b|de\b|al\b|bin\b)")
_NAMED_BEFORE_VERB = re.compile(
    r"([A-Z][\w'’-]+\s+[A-Z][\w'’.-]+)\s+(?:had|held|has|spoke|met|talked|received|hosted)\b"
)
_SPOKESPERSON = re.compile(r"(?:attributable to|[Ss]pokesperson|[Ss]pokes(?:wo)?man)\s+")
_THE_DOCUMENT = re.compile(r"(?:the|this|that|its)\s+\w+")  # "the readout", whole
_FIRST_NOUN = re.compile(r"(?:(?:the|a|an|its|their|his|her|this|that)\s+)?([\w-]+)")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_WORD = re.compile(r"[\w'’.\-]+")


class _Official(NamedTuple):
    """Who an official text speaks for: its issuer's aliases and its principals."""

    official_id: str
    aliases: tuple[str, ...]
    surnames: frozenset[str]
    titles: tuple[str, ...]


def _surname(name: str) -> str:
    """The last word of a name, less "Jr." and its commas ("Biden" of "Joseph R. Biden, Jr.")."""
    words = [w.strip(",.") for w in name.split()]
    words = [w for w in words if w and w.lower() not in ("jr", "sr", "ii", "iii")]
    return words[-1].lower() if words else ""


def _principals(text: str, lexicon: SourceLexicon) -> tuple[set[str], list[str]]:
    """The people an official text speaks for: the subject of its opening, its spokesperson.

    ``text`` is its first official sentence (its title often names the other party
    first: "PM call with President Zelenskyy"). The opening's first name ("President Joseph R. Biden, Jr. spoke with …": Biden), or,
    where the subject is a title alone ("The Prime Minister spoke to …"), that title.
    A name after "attributable to" or "Spokesperson" is the text's voice too.
    """
    surnames, titles = set(), []
    opening = text[:300]
    subject = _SUBJECT_END.split(opening, maxsplit=1)[0]
    # The subject less its titles ("Secretary of State", "The Prime Minister") and
    # its determiners: what is left, capitalised, is a name.
    untitled = lexicon.pattern(lexicon.titles | {"the", "a", "an"}).sub(" ", subject.lower())
    kept = {w.strip(",.") for w in untitled.split()}
    names = [w for w in _NAME.findall(subject) if w.lower().strip(",.") in kept]
    if names:
        # Every word of the name: "Wang Yi" is Wang first, "Joseph R. Biden" Biden last.
        surnames.update(w.lower().strip(",.") for w in names[:4] if len(w.strip(",.")) > 2)
        surnames.discard("jr")
    else:
        titles.extend(lexicon.pattern(lexicon.titles).findall(subject.lower()))
    if not surnames and not titles:
        # A time or a long title first ("On the evening of May 3, …, Director of the
        # Office … Lund Ma had a phone call"): the two names just before its verb.
        named = _NAMED_BEFORE_VERB.search(opening)
        words = [w.lower() for w in named.group(1).split()] if named else []
        others = lexicon.no_names | lexicon.documents | lexicon.states
        if words and not any(w in others for w in words):
            surnames.update(words)  # both words: "Wang Yi" is read by either
    for spoke in _SPOKESPERSON.finditer(text):
        follow = _NAME.findall(text[spoke.end() : spoke.end() + 40])
        if len(follow) >= 2:
            surnames.add(_surname(" ".join(follow[:2])))
    return {s for s in surnames if s}, titles


_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _official_sides(corpus: Corpus, lexicon: SourceLexicon) -> dict[str, list[_Official]]:
    """Per news article, the official texts it pairs with: each one's issuer and principals."""
    articles = corpus.articles.set_index("article_id")
    ids = corpus.pairs["official_id"].unique()
    sentences = corpus.sentences
    said = sentences[(sentences["role"] == "official") & sentences["article_id"].isin(ids)]
    # Sentences in text order: each official text's are read from its first.
    by_text = said.groupby("article_id", sort=False).indices
    said_texts = said["text"].to_numpy()
    officials: dict[str, _Official] = {}
    for official_id in ids:
        row = articles.loc[official_id]
        # Its first sentence of four words or more: a date or time line names no one.
        text = next(
            (
                str(said_texts[n])
                for n in by_text.get(official_id, ())
                if len(_LETTER_RUN.findall(said_texts[n])) >= 4
            ),
            str(row["text"]),
        )
        head = " ".join((str(row["outlet"]), str(row["title"]), str(row["text"])[:300])).lower()
        aliases: list[str] = []
        for _, names in lexicon.institutions:
            if lexicon.pattern(names).search(head):  # any of its names
                aliases.extend(names)
        surnames, titles = _principals(text, lexicon)
        officials[official_id] = _Official(
            official_id, tuple(aliases), frozenset(surnames), tuple(titles)
        )
    sides: dict[str, list[_Official]] = {}
    for news_id, official_id in zip(
        corpus.pairs["news_id"], corpus.pairs["official_id"], strict=False
    ):
        sides.setdefault(news_id, []).append(officials[official_id])
    return sides


# --- the rules --------------------------------------------------------------------------


class _Source:
    """What the rules read of one attribution's source.

    Attributes:
        written: As written, lower case.
        resolved: The resolved source.
        head: The last word as written, lower case, less a possessive.
        named: It names a person or an organisation by name.
        officials: The article's official sides (:class:`_Official`).
        context: The words around its mentions, lower case (:class:`_Contexts`): read
            only by a rule that needs it, as most sources are decided without.
    """

    def __init__(self, written, resolved, head, named, officials, context_of) -> None:
        self.written, self.resolved, self.head = written, resolved, head
        self.named, self.officials, self._context_of = named, officials, context_of

    @functools.cached_property
    def context(self) -> str:
        return self._context_of()

    def search(self, pattern: re.Pattern) -> re.Match | None:
        """The first match as written, else in its context (as if "written | context")."""
        return pattern.search(self.written) or pattern.search(self.context)


def _name_words(text: str, lexicon: SourceLexicon) -> list[str]:
    """The words of a source that could name someone.

    Less its titles, institutions and unnamed heads, each matched as a whole phrase
    ("White House aides", "a State Department spokesman"), and less an owner before
    what it owns ("Clinton's allies" are not Clinton).
    """
    low = text.lower()
    # A phrase of several words is blanked whole; lower() keeps offsets for all but a few letters.
    if " " in text and len(low) == len(text) and not lexicon.phrase_openers.isdisjoint(low.split()):
        chars = list(text)
        for found in lexicon.pattern(lexicon.no_names).finditer(low):
            chars[found.start() : found.end()] = " " * (found.end() - found.start())
        text = "".join(chars)
    words = text.split()
    return [
        w
        for n, w in enumerate(words)
        if not (n < len(words) - 1 and _POSSESSIVE.search(w.strip(",.")))
        and _POSSESSIVE.sub("", w.lower().strip(",.")) not in lexicon.no_names
    ]


def _is_named(written: str, resolved: str, lexicon: SourceLexicon) -> bool:
    """A name: two capitalised words in a row, an honorific and a name, or a capitalised head.

    Titles and institutions are no names ("Russian officials", "White House aides").
    """
    for text in (resolved, written):
        words = text.split()
        kept = _name_words(text, lexicon)
        capital = [bool(_NAME.fullmatch(w.strip(",’'"))) for w in kept]
        if any(a and b for a, b in zip(capital, capital[1:], strict=False)):
            return True
        if any(w.lower() in _HONORIFICS for w in words[:-1]):
            return True
        # A capitalised head ("Trump", "the Pentagon"), not a modifier of one that names
        # no one ("Party leaders", "Clinton aides").
        head = bool(words) and kept[-1:] == words[-1:]
        if head and capital[-1] and kept[-1].lower() not in _PRONOUNS and len(kept) <= 2:
            first = kept[0].lower() in ("the", "a", "an", "some", "many", "two", "three")
            if not first or len(kept) == 2:
                return True
    return False


# The short forms news gives a principal's title ("the PM's office").
_SHORT_TITLES = {"prime minister": ("pm",), "foreign minister": ("fm",)}
# The genres of an official text ("the readout said" is the text itself), and what
# else a principal issues ("a congratulatory telegram sent by President Lund").
_OFFICIAL_DOCUMENTS = ("readout", "statement", "release", "communique", "communiqué")
_PRINCIPALS_DOCUMENTS = ("telegram", "letter", "message", "tweet", "post")


def _speaks_for(side: _Official, source: _Source, lexicon: SourceLexicon) -> str:
    """Evidence that a source speaks for one official text (its issuer, principal or itself)."""
    for alias in side.aliases:
        if source.search(lexicon.pattern((alias,))):
            return f"names the official text's issuer ('{alias}')"
    surname = _surname(source.resolved or source.written)
    if surname and surname in side.surnames:
        return f"the official text's own principal or spokesperson ('{surname}')"
    titles = side.titles + tuple(short for t in side.titles for short in _SHORT_TITLES.get(t, ()))
    for title in titles:  # a principal known by title alone ("The Prime Minister …")
        if source.search(lexicon.pattern((title,))):
            return f"the official text's principal, by title ('{title}')"
    document = _document_word(source, lexicon)
    if document not in _OFFICIAL_DOCUMENTS + _PRINCIPALS_DOCUMENTS:
        return ""
    if document in _OFFICIAL_DOCUMENTS and _THE_DOCUMENT.fullmatch(source.written):
        return f"the official text itself ('{source.written}')"
    for title in titles + tuple(sorted(side.surnames)):  # sorted: the same evidence every run
        if lexicon.pattern((title,)).search(source.written):
            return f"a {document} of the official text's principal ('{title}')"
    return ""


def _official_text(source: _Source, lexicon: SourceLexicon) -> str:
    for side in source.officials:
        evidence = _speaks_for(side, source, lexicon)
        if evidence:
            return evidence
    return ""


# Where a noun phrase's head has been passed: a preposition, a participle or a relative
# ("a Register poll released Sunday", "an analysis of filings by the Post").
_PHRASE_END = re.compile(
    r"\s(?:of|by|from|on|in|for|about|with|at|released|published|issued|conducted|"
    r"commissioned|sent|that|which|who)\b"
)


def _document_word(source: _Source, lexicon: SourceLexicon) -> str:
    """The document a source is: its head, or its first noun ("a statement from …").

    The head is the last word, or the last before a preposition or a participle
    ("a Register poll released on Sunday").
    """
    if source.head in lexicon.documents:
        return source.head
    if " " not in source.written:
        return ""  # one word, its own head
    end = _PHRASE_END.search(source.written)
    if end:
        last = source.written[: end.start()].split()
        head = _POSSESSIVE.sub("", last[-1]).strip(",.:;") if last else ""
        if head in lexicon.documents:
            return head
    first = _FIRST_NOUN.match(source.written)
    if first and first.group(1) in lexicon.documents:
        return first.group(1)
    return ""


def _document(source: _Source, lexicon: SourceLexicon) -> str:
    word = _document_word(source, lexicon)
    return f"a document ('{word}')" if word else ""


def _unresolved(source: _Source, lexicon: SourceLexicon) -> str:
    if source.written in _PRONOUNS and source.resolved.lower() in ("", source.written):
        return f"a pronoun ('{source.written}') not resolved to a name"
    return ""


def _unnamed(source: _Source, lexicon: SourceLexicon) -> str:
    if not source.written and not source.resolved:
        return "the text names no source"
    if not source.named and source.head in lexicon.unnamed:
        if _A_CHAMBERS_MEMBERS.search(source.written):
            return ""  # "House Republicans": a chamber's members, its officers
        return f"names no one ('{source.head}')"
    return ""


_A_CHAMBERS_MEMBERS = re.compile(
    r"\b(?:senate|house|congressional|assembly|parliamentary)\s+(?:republicans|democrats)\b"
)


# An office held no longer: "former Gov. Lund", "ex-minister", "a onetime State
# Department official" (up to two words between).
_FORMER = re.compile(
    r"\b(?:former|ex|onetime|one-time|erstwhile|retired)[\s-]+(?:[\w.’'&-]+\s+){0,2}$"
)


def _current(pattern: re.Pattern, text: str) -> re.Match | None:
    """The first match in ``text`` not of a former office."""
    found = pattern.search(text)
    if found is None or not _FORMER.search(text, max(0, found.start() - 40), found.start()):
        return found  # the common case, without a loop
    for later in pattern.finditer(text, found.end()):
        if not _FORMER.search(text, max(0, later.start() - 40), later.start()):
            return later
    return None


# A body word that a name of its own makes a private body's: "the Atlantic Council"
# is a think tank, "the council" the town's.
_GENERIC_BODIES = frozenset(("council",))


def _other_official(source: _Source, lexicon: SourceLexicon) -> str:
    for words, what in ((lexicon.titles, "an office"), (lexicon.bodies, "an institution")):
        pattern = lexicon.pattern(words)
        found = _current(pattern, source.written) or _current(pattern, source.context)
        if found and not (found.group(0) in _GENERIC_BODIES and source.named):
            return f"{what} ('{found.group(0)}')"
    state = source.written.removeprefix("the ").strip()
    # "Jordan" resolved to "Michael Jordan" is a person, not the state.
    if state in lexicon.states and len(source.resolved.split()) <= len(state.split()):
        return f"a state, by its name or its capital ('{state}')"
    return ""


# A definite or owned description of one ("the businessman", "her campaign", "the
# paper's editorial board"): someone the article has named, or will.
_DESCRIBED = re.compile(
    r"(?:the|this|his|her|their|its|[\w.’'-]+['’]s)\s+(?:[\w’'-]+\s+){0,3}([\w-]+)"
)


_ANYONE = frozenset(
    """man woman boy girl child person crowd audience family couple public mob caller reader
    viewer listener questioner protester demonstrator voter resident witness passer-by
    stranger neighbour neighbor""".split()
)


def _named_other(source: _Source, lexicon: SourceLexicon) -> str:
    if source.named:
        return "a name, with no office or institution of state"
    described = _DESCRIBED.fullmatch(source.written)
    if described:
        head = described.group(1)
        # One of them, not many: "the critics" and "his aides" name no one; nor does a
        # passer-by the article need not name ("the man", "the crowd").
        plural = head.endswith("s") and not head.endswith("ss")
        if head not in lexicon.unnamed and head not in _ANYONE and not plural:
            return f"a description of one the article names ('{source.written}')"
    return ""


KIND_RULES = (
    ("official_text", _official_text),
    ("document", _document),
    ("unresolved", _unresolved),
    ("unnamed", _unnamed),
    ("other_official", _other_official),
    ("named_other", _named_other),
)
"""The rules in order: (kind, rule). A rule returns its evidence, or ``""`` to pass."""


def _kind(source: _Source, lexicon: SourceLexicon) -> tuple[str, str]:
    for kind, rule in KIND_RULES:
        evidence = rule(source, lexicon)
        if evidence:
            return kind, evidence
    return "unnamed", "no name, office or institution: a description of someone unnamed"


# A word of a title run, as in "the Secretary of State", "Moscow's". No "and" in a
# run: "the Prime Minister and President Lund" gives Lund no "prime minister".
_TITLE_WORD = re.compile(r"[A-Z][\w'’.\-]*|of|the|for|de|[a-z]+['’]s")


def _title_run(before: str) -> str:
    r"""The run of title words, each followed by whitespace, that ends ``before``, or "".

    As ``re.search(r"(?:(?:WORD)\s+)+$", before)`` gives it, where a search would try
    every character of ``before``: the words are read back from its end, and the
    first that is no title word may still end in one ("bathe Senator": "the Senator").
    """
    if not before[-1:].isspace():
        return ""
    stripped = before.rstrip()
    start, at = -1, len(stripped)
    for word in reversed(stripped.split()):
        at = stripped.rfind(word, 0, at)
        if _TITLE_WORD.fullmatch(word):
            start = at
            continue
        for i in range(1, len(word)):
            if _TITLE_WORD.fullmatch(word, i):
                start = at + i
                break
        break
    return before[start:] if start >= 0 else ""


# An apposition: a noun phrase after the comma, up to a preposition that brings in
# someone else ("an aide to Senate Majority Leader Reed" is no leader). A relative
# clause ("who met Senator Reed") is none.
_APPOSITION = re.compile(
    r",\s*+(?!(?:whom|whose|which|that|when|where)\b|who\b(?!\s+(?:is|was)\b))"
    r"(?:(?:the|a|an|who is|who was)\s+)?"
    r"((?:(?!\b(?:to|under|with|at|by|against|from|on|in|told|said)\b)[^,.;\n])*)"
)


class _Contexts:
    """The titles of each source: the capitalised run before each mention, and its apposition.

    Up to three mentions of the source's surname (or the source as written), each
    read for the run of capitalised words right before it ("Russian President",
    "White House Press Secretary") and an apposition after it (", the British prime
    minister,"), within ``width`` characters. A surname's mentions and each mention's
    words are read once per article, however many attributions name it.
    """

    def __init__(self, texts: dict[str, str], width: int) -> None:
        self.texts, self.width = texts, width
        self._mentions: dict[tuple[str, str], list[str]] = {}
        self._parts: dict[tuple[str, int, int], str] = {}
        self._surnames: dict[str, str] = {}

    def __call__(self, article_id: str, resolved: str, start: int, end: int) -> str:
        if start < 0:
            return ""
        if resolved not in self._surnames:
            words = [w.strip(",.") for w in resolved.split()]
            self._surnames[resolved] = next(
                (w for w in reversed(words) if w.lower() not in _SUFFIXES), ""
            )
        key = (article_id, self._surnames[resolved])
        if key not in self._mentions:
            self._mentions[key] = [self._part(article_id, at, to) for at, to in self._spans(key)]
        return " | ".join([self._part(article_id, start, end), *self._mentions[key]]).lower()

    def _spans(self, key: tuple[str, str]) -> list[tuple[int, int]]:
        """The first three whole-word mentions of a surname of three letters or more."""
        text, surname = self.texts[key[0]], key[1]
        spans: list[tuple[int, int]] = []
        at = text.find(surname) if len(surname) > 2 else -1
        while at >= 0 and len(spans) < 3:  # str.find: a regex per source would cost seconds
            to = at + len(surname)
            if not (at and text[at - 1].isalnum()) and not (to < len(text) and text[to].isalnum()):
                spans.append((at, to))
            at = text.find(surname, to)
        return spans

    def _part(self, article_id: str, at: int, to: int) -> str:
        key = (article_id, at, to)
        if key not in self._parts:
            text, width = self.texts[article_id], self.width
            run = _chamber_speaker(_title_run(text[max(0, at - width) : at]))
            after = _APPOSITION.match(text[to : to + width])
            self._parts[key] = run + " " + (after.group(1) if after else "")
        return self._parts[key]


_SUFFIXES = ("jr", "sr", "ii", "iii")  # of a name: not its surname


# "Speaker" with a capital before a name is a chamber's ("Speaker Ryan"); a speaker at
# a conference is none. The lexicon is matched in lower case, so the title is spelled out.
_SPEAKER_TITLE = re.compile(r"(?<![\w.])Speaker(?=\s+[A-Z])")


def _chamber_speaker(text: str) -> str:
    return _SPEAKER_TITLE.sub("House Speaker", text) if "Speaker" in text else text


# A clause after the cue, or after one word of it ("made clear that", "was sure whether").
_CLAUSE = re.compile(r"\s*(?:[\w’']+\s+)?(?:that|if|whether)\b", re.IGNORECASE)


_THAT_ENDS = re.compile(r"\b(?:that|if|whether)\s*$", re.IGNORECASE)
# A clause's first word: a pronoun, a determiner, a number, a name, or the
# subordinator or preposition of a phrase before its subject ("that as a nation, …").
_OPENS_A_CLAUSE = re.compile(
    r"(?:i|he|she|it|we|you|they|there|this|these|those|the|a|an|his|her|its|our|their|"
    r"some|many|most|all|both|no|each|every|any|\d+|as|while|if|when|despite|in|on|at|"
    r"after|before|given|although|though|because|since|unless|until|for|with|without|by|"
    r"under|amid|during|once)\b|[A-Z]",
)


def _relays(
    kind: str, cue: str, content: str, cue_start: int, start: int, telling, text: str, cue_end: int
) -> bool:
    """Whether the attribution gives the source's claim (not narrates an act).

    ``text[cue_end:start]`` is read only when the rest decides nothing: "emphasized
    that he …" gives a claim though the content starts after "that".
    """
    if kind != "indirect":
        return True
    if cue_start >= start:  # "…, officials said": the cue follows its content
        return True
    if _CLAUSE.match(content) or telling.search(cue.lower()):
        return True
    # "emphasized that he …": "that" ends the words before the content, and the content
    # opens as a clause does; "rejected that claim" is a demonstrative, an act.
    before = text[cue_end:start] if 0 <= cue_end <= start else ""
    return bool(_THAT_ENDS.search(before) and _OPENS_A_CLAUSE.match(content))


def source_kinds(
    corpus: Corpus,
    lexicon: SourceLexicon | None = None,
    *,
    rules: AttributedRules = AttributedRules(),  # noqa: B008 - frozen, so one shared default is safe
) -> pd.DataFrame:
    """Every attribution of a news article, its source classed and its claim told apart.

    Args:
        corpus: The loaded corpus.
        lexicon: The words of offices, institutions, unnamed sources and documents
            (:func:`load_sources`; the shipped one by default).
        rules: How far around a source its titles are read (:class:`AttributedRules`).

    Returns:
        One row per attribution (:data:`ATTRIBUTED_COLUMNS`): the attribution's own
        columns, ``words`` (of its content), ``claim_start`` (where the claim it
        relays begins: its content's start, or its sentence's first word when the
        source follows a quotation in that sentence), ``relays`` (``account`` or ``act``,
        see the module), ``source_kind`` (:data:`SOURCE_KINDS`), ``official_id``
        (the paired official text it speaks for, for ``official_text``) and
        ``kind_evidence`` (the rule that decided, and the word it read).
    """
    lexicon = lexicon or load_sources()
    articles = corpus.articles
    news = articles.loc[
        (articles["kind"] == "news") & (articles["derived_from"] == ""), "article_id"
    ]
    frame = corpus.attributions[corpus.attributions["article_id"].isin(news)].reset_index(drop=True)
    texts = dict(zip(articles["article_id"], articles["text"], strict=False))
    sides = _official_sides(corpus, lexicon) if len(frame) else {}
    telling = lexicon.pattern(lexicon.telling)
    contexts = _Contexts(texts, rules.context_chars)
    kinds, evidence, official = [], [], []
    seen: dict[tuple, tuple[str, str, str]] = {}
    # What does not depend on the article, once per source as written and resolved.
    alike: dict[tuple[str, str], tuple[str, str, bool]] = {}
    columns = ("article_id", "source_as_written", "source", "source_start", "source_end")
    for article_id, as_written, resolved, start, end in zip(
        *(frame[c].to_numpy() for c in columns), strict=True
    ):
        written = as_written.strip()
        key = (article_id, written, resolved)
        if key not in seen:
            if (written, resolved) not in alike:
                lowered = _chamber_speaker(written).lower()
                if lowered in _PRONOUNS and resolved:
                    # A pronoun resolved is read as what it stands for: "he" for
                    # "the Turkish President" is of that one's kind.
                    lowered = _chamber_speaker(resolved.strip()).lower()
                head = lowered.split()[-1] if lowered else ""
                head = _POSSESSIVE.sub("", head).strip(",.:;")
                alike[written, resolved] = (lowered, head, _is_named(written, resolved, lexicon))
            lowered, head, named = alike[written, resolved]
            context = functools.partial(contexts, article_id, resolved, start, end)
            source = _Source(lowered, resolved, head, named, sides.get(article_id, []), context)
            kind, why = _kind(source, lexicon)
            side = ""
            if kind == "official_text":
                side = source.officials[0].official_id if len(source.officials) == 1 else ""
            seen[key] = (kind, why, side)
        kind, why, side = seen[key]
        kinds.append(kind)
        evidence.append(why)
        official.append(side)
    columns = ("kind", "cue", "text", "cue_start", "start", "article_id", "cue_end")
    relays = [
        "account" if _relays(kind, cue, content, cue_start, start, telling, texts[a], lo) else "act"
        for kind, cue, content, cue_start, start, a, lo in zip(
            *(frame[c].to_numpy() for c in columns), strict=True
        )
    ]
    frame["words"] = count_runs(frame["text"].tolist(), r"\w").astype("int64")
    frame["claim_start"] = claim_starts(corpus, frame, texts)
    frame["relays"] = relays
    frame["source_kind"] = kinds
    frame["official_id"] = official
    frame["kind_evidence"] = evidence
    return frame[list(ATTRIBUTED_COLUMNS)]
