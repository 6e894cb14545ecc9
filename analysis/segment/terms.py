"""Quoted words that nobody said: titles of works and terms held at arm's length.

Quotation marks also set off the title of a show, a book or a podcast (ABC's
“This Week”, the “Off Message” podcast) and a term the writer keeps at a
distance (the so-called “reset”, what he dubbed “the swamp”). Those are not
somebody's words: they leave ``quotes`` for ``terms`` and never get a speaker.

A table of named rules (:data:`TERM_RULES`), each reading the quoted words and
the few words either side of the marks; the first that fires names the kind
(``title`` or ``term``) and is the evidence. A quotation that none fires on
stays a quotation: when in doubt, speech.

A second, later look (:func:`split_unspoken`) needs the speakers and reported
speech: a word or two in quotation marks that nobody is said to have said, and
that no reported speech carries ("a “belt” of prosperity", "the “establishment”"),
is a term held at arm's length too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from analysis.segment.names import _PERSON_HEADS
from analysis.segment.quotes import Quotation
from analysis.segment.speakers import CARRIED_OVER as _CARRIED_OVER

__all__ = [
    "TERM_RULES",
    "UNSPOKEN_EVIDENCE",
    "UNSPOKEN_NAME_EVIDENCE",
    "Term",
    "split_terms",
    "split_unspoken",
]


@dataclass(frozen=True)
class Term:
    """Quoted words that are a title or a term, not speech; offsets index the article text."""

    block_no: int
    start: int
    end: int
    kind: str
    evidence: str


# Function words a title leaves in lower case ("The Art of the Deal").
_TITLE_SMALL = frozenset("a an and as at by for from in into of on or the to vs vs. with".split())
# Works a title names, before it ("the podcast “…”") or after it ("the “…” podcast").
_WORKS = (
    r"show|program|programme|series|podcast|book|memoir|novel|film|movie|documentary|column|"
    r"newsletter|song|album|play|musical|episode|segment|broadcast|documentary|magazine|"
    r"newspaper|op-ed|editorial|essay|article|headline|poem|painting|exhibition|report|"
    r"anthem|hit|tune|ballad|sitcom|blog|titled|entitled"
)
# "the movie, “…”", "author of “…”", "the star of “…”": the work named before its title.
_WORK_BEFORE = re.compile(
    rf"\b(?:(?:{_WORKS}),?|(?:author|star|host|creator|director|producer|writer|editor|"
    rf"co-author|co-host|anchor)s?\s+of)\s*$",
    re.IGNORECASE,
)
# The kind of work may have a word of its own before it: "the “…” TV show".
_WORK_AFTER = re.compile(rf"^[\s,]*(?:[\w-]+\s+)?(?:{_WORKS})\b", re.IGNORECASE)
# Named things a quoted name may stand before, as their modifier: the “Remain” campaign,
# their “Make America Great Again” hats, the “Three Amigos” summit. Never what is said
# aloud ("the “Lock her up” chants" are speech).
_NAMED_THINGS = re.compile(
    r"^[\s,]*(?:campaigns?|summits?|rall(?:y|ies)|hats?|caps?|signs?|placards?|banners?|"
    r"t-shirts?|shirts?|stickers?|buttons?|PACs?|super\s+PACs?|tours?|festivals?|"
    r"conferences?|caucus(?:es)?|coalitions?|movements?|committees?|funds?|foundations?|"
    r"programs?|programmes?|initiatives?|bills?|acts?|amendments?|doctrines?|brand|logo|"
    r"hashtags?|website|app|event|gala|party)\b"
)
# What stands before such a modifier: a determiner or a possessive ("their “…” hats").
_DETERMINER_BEFORE = re.compile(
    r"(?:^|\s)(?:the|a|an|his|her|their|its|our|this|that|these|those|[\w.&-]+[’']s)\s*$",
    re.IGNORECASE,
)
# An outlet's or an author's possessive just before the marks: "CNN's “New Day”".
# A title is in title case, so a common noun's possessive counts too: "television's “Scandal”".
_POSSESSIVE_BEFORE = re.compile(r"\b[\w.&-]+[’']s\s*$")
# Where a show is appeared on: "said on “Meet the Press”", "in “The Art of the Deal”",
# "in an interview with “Fox News Sunday”", "told “Fox and Friends”"; a work cited as a
# source: "according to “The Long Road”"; a book published: "is to publish “Lund”". An
# outlet may stand between: "on CBS’ “60 Minutes”" (its mark is read as the quotation's).
_ON_OR_IN_BEFORE = re.compile(
    r"\b(?:on|in|[Aa]ccording\s+to|interview\s+with|told|publish(?:es|ed|ing)?)"
    r"(?:\s+[A-Z][A-Z&]+)?\s*$"
)
# A term held at arm's length: "the so-called “reset”", "what he dubbed “the swamp”".
_TERM_BEFORE = re.compile(
    r"\b(?:so-called|dubbed|nicknamed|known\s+as|the\s+(?:term|word|words|phrase|label|"
    r"slogan|hashtag|moniker|nickname))\s*$",
    re.IGNORECASE,
)
# A thing named as it is introduced: "an account called “…”", "a group named “…”".
# The word before "a" is read too (see _rule_named_as_introduced).
_NAMED_AS_INTRODUCED = re.compile(
    r"(?:(?P<lead>\S+)\s+|^)(?:an?|An?)\s+(?P<gap>(?:[\w-]+\s+){1,3})"
    r"(?:called|named|titled|entitled)\s*$"
)
# Before "a", these make the name somebody's words: "what a spokesman called “…”".
_SOMEBODY_S_WORDS = frozenset("what which that whom who".split())
# In the words between, a pronoun ("a man he called “…”") or a person ("a spokesman
# called “…”") is who calls it so.
_A_CALLER = _PERSON_HEADS | frozenset(
    """i you he she we they it official officials aide aides adviser advisor critic critics
    lawmaker analyst expert source person man woman member officer lawyer""".split()
)
_MARKS = "“”\"'‘’`«» "
_REACH = 40  # characters read either side of the marks


def _words(inner: str) -> list[str]:
    return inner.strip(_MARKS).rstrip(",.;:!?").split()


def _title_case(words: list[str]) -> bool:
    """Whether every word is capitalised but the small ones a title leaves in lower case."""
    return (
        bool(words)
        and (words[0][:1].isupper() or words[0][:1].isdigit())  # "60 Minutes"
        and all(w[:1].isupper() or w.lower() in _TITLE_SMALL or not w[:1].isalpha() for w in words)
    )


def _rule_title(inner: str, before: str, after: str) -> str | None:
    """A title in title case, named as a work.

    After an owner's possessive, "on", "in" or a kind of work ("CNN's “New Day”",
    "on “Meet the Press”"), or before one ("the “Off Message” podcast").
    """
    words = _words(inner)
    if not _title_case(words) or len(words) > 12:
        return None
    if (
        _POSSESSIVE_BEFORE.search(before)
        or _WORK_BEFORE.search(before)
        or _ON_OR_IN_BEFORE.search(before)
        or _WORK_AFTER.match(after)
    ):
        return "title"
    return None


def _rule_term(inner: str, before: str, after: str) -> str | None:
    """A few words after "so-called", "dubbed", "the term", "the slogan": a term, not speech."""
    if 1 <= len(_words(inner)) <= 6 and _TERM_BEFORE.search(before):
        return "term"
    return None


def _rule_named_as_introduced(inner: str, before: str, after: str) -> str | None:
    """A name given as a thing is introduced: "a group called “Ferries First”"."""
    words = _words(inner)
    if not 1 <= len(words) <= 8 or not words[0][:1].isupper():
        return None  # a name ("“Ferries First”"), not a word said ("“baseless”")
    named = _NAMED_AS_INTRODUCED.search(before)
    if named is None or _SENTENCE_INSIDE.search(inner.strip(_MARKS)):
        return None
    lead = named.group("lead")
    if lead is None and len(before) >= _REACH - 1:
        return None  # the word before "a" is cut off: it may be "what"
    if (lead or "").lower() in _SOMEBODY_S_WORDS or _A_CALLER.intersection(
        named.group("gap").lower().split()
    ):
        return None
    return "title"


def _rule_modifier(inner: str, before: str, after: str) -> str | None:
    """A name before the thing it names: "the “Remain” campaign", "“Hispanics for Lund” signs".

    Up to eight words, with no sentence inside, followed by a named thing (a
    campaign, a summit, hats); in title case, or two words or more after a
    determiner or a possessive.
    """
    words = _words(inner)
    if not 1 <= len(words) <= 8 or _SENTENCE_INSIDE.search(inner.strip(_MARKS)):
        return None
    # One word in lower case is an adjective more often than a name: the “broken”
    # campaign finance system.
    named = _title_case(words) or (len(words) > 1 and _DETERMINER_BEFORE.search(before))
    if named and _NAMED_THINGS.match(after):
        return "title"
    return None


_OWN = "a quotation: "  # the evidence of a quotation's own attribution (attributions.py)
_SENTENCE_INSIDE = re.compile(r"[.!?;:,]\s")  # "We will win. Vote!": speech, not a name
# Prose around quotation marks, within the sentence: a word before, back to the
# sentence's start, or after, up to its end.
_WORDS_BEFORE = re.compile(r"\w[^.!?\n]*$")
_WORDS_AFTER = re.compile(r"^[^.!?\n]*?\w")


def _stands_alone(text: str, q: Quotation) -> bool:
    """Whether the quotation is its sentence: no word of prose before or after it there."""
    close = q.close_mark + 1 if q.close_mark is not None else q.end
    before = text[max(0, q.open_mark - _REACH) : q.open_mark]
    after = text[close : close + _REACH]
    return not _WORDS_BEFORE.search(before) and not _WORDS_AFTER.search(after)


# Each rule reads the quoted words (marks included), the words before the opening
# mark and those after the closing one; it returns the kind, or None.
TERM_RULES: tuple[tuple[str, Callable[[str, str, str], str | None]], ...] = (
    (
        "a title in title case, named as a work (an owner's possessive, 'on', a kind of work)",
        _rule_title,
    ),
    ("a term after 'so-called', 'dubbed', 'the term', 'the slogan'", _rule_term),
    ("a name before the thing it names ('the “Remain” campaign', their “…” hats)", _rule_modifier),
    ("a name given as a thing is introduced ('a group called “…”')", _rule_named_as_introduced),
)


def split_terms(text: str, quotes: list[Quotation]) -> tuple[list[Quotation], list[Term]]:
    """Set apart the quotations that are titles or terms.

    Args:
        text: The article text.
        quotes: Its quotations (:func:`analysis.segment.find_quotations`), in order.

    Returns:
        ``(speech, terms)``: the quotations that stay quotations, in order, and the
        titles and terms, each with the rule that decided.
    """
    speech, terms = [], []
    for q in quotes:
        close = q.close_mark + 1 if q.close_mark is not None else q.end
        inner = text[q.start : q.end]
        before = text[max(0, q.open_mark - _REACH) : q.open_mark].rstrip(_MARKS)
        after = text[close : close + _REACH]
        for name, rule in TERM_RULES:
            kind = rule(inner, before, after)
            if kind is not None:
                terms.append(Term(q.block_no, q.start, q.end, kind, name))
                break
        else:
            speech.append(q)
    return speech, terms


UNSPOKEN_EVIDENCE = (
    "a word or two in quotation marks that nobody is said to say, outside reported speech"
)
UNSPOKEN_NAME_EVIDENCE = (
    "a name in title case in quotation marks that nobody is said to say, outside reported "
    "speech (a show, a film, a slogan)"
)


def split_unspoken(
    text: str,
    quotes: list[Quotation],
    attributions: list,
    *,
    max_words: int = 2,
    max_name_words: int = 8,
):
    """Set apart the short quotations that nobody speaks: terms held at arm's length.

    A quotation of at most ``max_words`` words, with no speaker and inside no
    reported speech, is a term. Two words because a quoted fragment of speech
    that has no speaker is rare and a scare-quoted term is common at that length
    (on PolNeAR's 2015-16 months, 116 such spans were not labelled speech and 53
    were); from three words on, speech is the likelier reading. Longer, up to
    ``max_name_words``, in title case with no sentence inside ("The Harbour
    Years", "Good Morning Ostrava"), it is a name: of a show, a film, a slogan.

    Args:
        text: The article text.
        quotes: Its quotations (the speech of :func:`split_terms`), speakers attributed.
        attributions: Its attributions (:func:`analysis.segment.find_attributions`),
            whose ``quote_no`` index ``quotes``.
        max_words: The most words a speakerless quotation has to be a term.
        max_name_words: The most words a speakerless name in title case has: a
            title is short, and eight words hold "The Man Who Shot Liberty Valance".

    Returns:
        ``(speech, terms, attributions)``: the quotations that stay, the new
        terms, and the attributions with ``quote_no`` renumbered to match.
    """
    reported = [(a.start, a.end) for a in attributions if a.kind != "direct"]
    named = {a.quote_no for a in attributions}  # a quotation an attribution names is speech
    # Reported speech that holds a quotation makes it speech; the quotation's own
    # attribution, made from its speaker, does not by itself.
    by_reported = {a.quote_no for a in attributions if not a.evidence.startswith(_OWN)}
    others = [(a.start, a.end) for a in attributions if not a.evidence.startswith(_OWN)]
    speech, terms, renumber, dropped = [], [], {}, set()
    for quote_no, q in enumerate(quotes):
        inside = any(lo <= q.start and q.end <= hi for lo, hi in reported)
        unspoken = not q.speaker_as_written and quote_no not in named and not inside
        words = _words(text[q.start : q.end])
        # A word or two whose speaker is only carried over from an earlier sentence
        # ("The “autopsy” recommended …" after a quotation of Lund's) is nobody's here.
        carried = (
            q.speaker_evidence.endswith(_CARRIED_OVER)
            and quote_no not in by_reported
            and not any(lo <= q.start and q.end <= hi for lo, hi in others)
            and not _stands_alone(text, q)  # "“…,” Lund said. “Soon.”" goes on speaking
        )
        if (unspoken or carried) and len(words) <= max_words:
            terms.append(Term(q.block_no, q.start, q.end, "term", UNSPOKEN_EVIDENCE))
            dropped.add(quote_no)
            continue
        if (
            unspoken
            and len(words) <= max_name_words
            and _title_case(words)
            and not _SENTENCE_INSIDE.search(text, q.start, q.end)
        ):
            terms.append(Term(q.block_no, q.start, q.end, "title", UNSPOKEN_NAME_EVIDENCE))
            continue
        renumber[quote_no] = len(speech)
        speech.append(q)
    if not terms:
        return quotes, terms, attributions
    attributions = [
        replace(a, quote_no=renumber[a.quote_no]) if a.quote_no >= 0 else a
        for a in attributions
        if a.quote_no not in dropped  # the quotation's own attribution goes with it
    ]
    return speech, terms, attributions
