"""Sentence splitting, word tokenizing and normalising: the one place for each.

Every function returns character offsets into the text it was given, so a
caller that passes a slice can add the slice's start and stay traceable to
the original article.

The sentence splitter is a compiled regular expression plus a few lookups per
candidate boundary, not a statistical model: it is right on titles ("Mr."),
initials ("Joseph R. Biden"), dotted abbreviations ("U.S. interests") and
quotation marks that close a sentence, and it runs at millions of words per
second, so a 10,000-article corpus splits in seconds (pysbd manages about
30k words/s on this machine).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from itertools import accumulate, pairwise

import numpy as np

from analysis.textarrays import chunks, code_points, number, owners, python_table, runs, tokens

__all__ = [
    "OPEN_QUOTES",
    "CLOSE_QUOTES",
    "Normalised",
    "count_words",
    "count_words_each",
    "normalised_words_each",
    "is_blank",
    "light_stem",
    "normalise",
    "sentence_spans",
    "word_spans",
    "words",
]

OPEN_QUOTES = "“«„‟"
CLOSE_QUOTES = "”»"

# Candidate end of a sentence: terminal punctuation, then any closing quote or
# bracket, then whitespace, then something that can open a sentence.
_BOUNDARY = re.compile(
    r"""(?P<end>[.!?…]+[\"'”’»)\]]*)   # terminal mark, closing quote/bracket
        (?=\s+[\"'“‘«(\[]?[A-Z0-9À-ÖØ-Þ])  # whitespace, then a capital or digit
    """,
    re.VERBOSE,
)

# Titles and abbreviations after which a period almost never ends a sentence.
_NEVER_FINAL = frozenset(
    """mr mrs ms dr prof gen sen rep gov lt col capt sgt cmdr adm maj brig
    st mt ft rev hon pres supt insp det cpl pvt fr sr jr messrs mmes
    jan feb mar apr jun jul aug sep sept oct nov dec
    est approx dept univ assn bros
    vs v etc e.g i.e cf al""".split()
)
# Abbreviations that stand before a number ("No. 5", "Vol. 2").
_BEFORE_NUMBER = frozenset("no nos vol pp fig art sec ch".split())
# Abbreviations that may end a sentence: they end one only when a common
# sentence opener follows ("... in the U.S. The talks ...").
_SOMETIMES_FINAL = frozenset("inc ltd co corp plc llc jr sr a.m p.m u.s u.k u.n e.u d.c".split())
_SENTENCE_OPENERS = frozenset(
    """the a an he she it they we i you this that these those there his her
    its their our but and so yet or if in on at for as after before when while
    although though however meanwhile earlier later also still then both
    neither either no not one some many most mr mrs ms""".split()
)
_WORD_BEFORE = re.compile(r"([\w.’'-]+)$")
_NEXT_WORD = re.compile(r"\s+[\"'“‘«(\[]?([\w’'-]+)")

# Possessive quantifiers: a word never gives characters back (nothing follows
# it in the pattern), so the matches are those of the plain greedy pattern, and
# the engine keeps no backtracking state (about 12% faster).
_WORD = re.compile(r"[^\W_]++(?:[’'.\-][^\W_]++)*+", re.UNICODE)
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")  # split keeps the words, between the gaps


def is_blank(line: str) -> bool:
    """True if a line has no visible characters.

    Python's ``str.isspace`` covers the no-break space (U+00A0) and the other
    Unicode spaces that scraped pages leave on "empty" lines.
    """
    return not line.strip()


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences.

    Args:
        text: The full text; offsets refer to it.
        start: Where the region to split begins.
        end: Where it ends (default: the end of ``text``).

    Returns:
        ``(start, end)`` pairs, trimmed of surrounding whitespace, in order,
        non-overlapping; together they cover every visible character.

    >>> t = "President Joseph R. Biden, Jr. spoke today. They met."
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['President Joseph R. Biden, Jr. spoke today.', 'They met.']
    """
    end = len(text) if end is None else end
    region = text[start:end]
    spans: list[tuple[int, int]] = []
    cursor = 0
    for match in _BOUNDARY.finditer(region):
        cut = match.end("end")
        if _is_sentence_end(region, match.start("end"), cut):
            _append_trimmed(spans, region, cursor, cut, start)
            cursor = cut
    _append_trimmed(spans, region, cursor, len(region), start)
    return spans


def _is_sentence_end(region: str, mark: int, cut: int) -> bool:
    """Decide whether the terminal mark at ``region[mark]`` ends a sentence."""
    if region[mark] != ".":
        return True  # "!", "?" and "…" end sentences whatever precedes them
    if region[mark:cut].startswith(".."):
        return True  # an ellipsis followed by a capital
    before = _WORD_BEFORE.search(region, max(0, mark - 40), mark)
    if before is None:
        return True
    token = before.group(1).lstrip("'’-").lower()
    if len(token) == 1 and token.isalpha():
        # A lone capital letter is an initial ("Joseph R. Biden").
        return False
    if token in _NEVER_FINAL:
        return False
    if token in _BEFORE_NUMBER:
        nxt = _NEXT_WORD.match(region, cut)
        return not (nxt and nxt.group(1)[:1].isdigit())
    if token in _SOMETIMES_FINAL or ("." in token and len(token) <= 6):
        nxt = _NEXT_WORD.match(region, cut)
        return bool(nxt) and nxt.group(1).lower() in _SENTENCE_OPENERS
    return True


def _append_trimmed(spans: list[tuple[int, int]], region: str, lo: int, hi: int, base: int) -> None:
    """Append ``region[lo:hi]`` without surrounding whitespace, if not empty."""
    piece = region[lo:hi]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    spans.append((base + lo + lead, base + lo + lead + len(stripped)))


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Find word tokens (letters and digits, with inner apostrophes, hyphens, dots).

    Args:
        text: The full text; offsets refer to it.
        start: Where the region begins.
        end: Where it ends (default: the end of ``text``).

    Returns:
        ``(start, end)`` pairs of each word.

    >>> t = "Ukraine’s build-up, U.S. interests"
    >>> [t[s:e] for s, e in word_spans(t)]
    ['Ukraine’s', 'build-up', 'U.S', 'interests']
    """
    end = len(text) if end is None else end
    return [m.span() for m in _WORD.finditer(text, start, end)]


def words(text: str) -> list[str]:
    """The word tokens of ``text``, normalised with :func:`normalise`."""
    return [normalise(m.group()) for m in _WORD.finditer(text)]


def count_words(text: str) -> int:
    """Count word tokens the way every frame in the package does."""
    return len(_WORD.findall(text))


_JOINERS = tuple(map(ord, "’'.-"))  # join two runs of letters and digits into one word


def count_words_each(texts: list[str]) -> np.ndarray:
    """:func:`count_words` of every text, counted over code points (no Python loop).

    A word is a run of letters and digits, and of the joiners ``’'.-`` between two
    of them (:func:`_inner_joiners`), so each such run starts one word.
    """
    alnum = python_table(r"[^\W_]")
    counts = []
    for first, stop in chunks(texts):
        points, starts = code_points(texts[first:stop])
        begins, _ = runs(alnum[points] | _inner_joiners(points, starts), starts)
        counts.append(np.diff(np.searchsorted(begins, starts)))
    return np.concatenate(counts)


def _inner_joiners(points: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Joiners (``’'.-``) between two letters or digits of one text: inside a word."""
    alnum = python_table(r"[^\W_]")
    joiner = np.flatnonzero(
        (points == _JOINERS[0])
        | (points == _JOINERS[1])
        | (points == _JOINERS[2])
        | (points == _JOINERS[3])
    )
    owner = owners(joiner, starts)
    inner = joiner[(joiner > starts[owner]) & (joiner + 1 < starts[owner + 1])]
    inner = inner[alnum[points[inner - 1]] & alnum[points[inner + 1]]]
    inside = np.zeros(len(points), dtype=bool)
    inside[inner] = True
    return inside


def normalised_words_each(
    texts: list[str], memo: Normalised | None = None
) -> Iterator[tuple[list[str], list[int], list[int]]]:
    """``memo.spans(text)`` for every text in turn, found over code points.

    The words and offsets are those of :func:`word_spans`; the texts are taken a
    chunk at a time, so a corpus's words are never all in memory at once.

    Args:
        texts: The texts.
        memo: The memo of normalised words to use (by default a new one).

    Yields:
        ``(words, starts, ends)`` of each text: its normalised word tokens, and
        where each starts and ends.
    """
    memo = Normalised() if memo is None else memo
    for first, stop in chunks(texts):
        row, start, end, forms = tokens(
            texts[first:stop], r"[^\W_]", joins=_inner_joiners, keep_joins=True
        )
        codes, distinct = number(forms.chunks)
        words = np.array([memo[form] for form in distinct], dtype=object)[codes].tolist()
        start, end = start.tolist(), end.tolist()
        bounds = np.searchsorted(row, np.arange(stop - first + 1)).tolist()
        for lo, hi in pairwise(bounds):
            yield words[lo:hi], start[lo:hi], end[lo:hi]


_FOLD = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})


def normalise(token: str) -> str:
    """Lower-case a token and fold typographic variants (curly apostrophes, dashes, accents).

    >>> normalise("Ukraine’s")
    "ukraine's"
    """
    folded = token.translate(_FOLD).lower()
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class Normalised(dict):
    """:func:`normalise` with a memo: ``memo[token]`` is ``normalise(token)``.

    A corpus uses a few ten thousand distinct words a million times over, and
    normalising is pure, so each distinct word is normalised once. Keep one per
    job (``analysis.corpus.analyse_articles`` keeps one per call), so the memo
    goes away with it.

    >>> memo = Normalised()
    >>> memo("Ukraine’s build-up, U.S. interests", 0, 19)
    ["ukraine's", 'build-up']
    """

    def __missing__(self, token: str) -> str:
        folded = self[token] = normalise(token)
        return folded

    def __call__(self, text: str, start: int = 0, end: int | None = None) -> list[str]:
        """The normalised word tokens of ``text[start:end]``, as :func:`word_spans` finds them."""
        end = len(text) if end is None else end
        # findall and map loop in C; the memo's lookups are dictionary hits.
        return list(map(self.__getitem__, _WORD.findall(text, start, end)))

    def spans(self, text: str) -> tuple[list[str], list[int], list[int]]:
        """The normalised word tokens of ``text``, with where each starts and ends.

        The same words and offsets as :func:`word_spans`, from one split whose
        pieces alternate between gaps and words, with offsets summed in C.

        >>> Normalised().spans("Ukraine’s build-up")
        (["ukraine's", 'build-up'], [0, 10], [9, 18])
        """
        pieces = _WORD_SPLIT.split(text)  # gap, word, gap, word, ..., gap
        offsets = list(accumulate(map(len, pieces), initial=0))
        tokens = list(map(self.__getitem__, pieces[1::2]))
        return tokens, offsets[1::2][: len(tokens)], offsets[2::2][: len(tokens)]


_SUFFIXES = (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


def light_stem(word: str) -> str:
    """Strip a common inflection so that "discussed" and "discusses" compare equal.

    Deliberately light: an ending goes only when four letters remain, and a final
    "e" goes too, so "issue"/"issues" and "propose"/"proposed" meet.

    >>> [light_stem(w) for w in ["discussed", "issues", "issue", "proposed", "talks"]]
    ['discuss', 'issu', 'issu', 'propos', 'talk']
    """
    word = word.replace("'", "").replace("’", "")
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                break
            word = word[: len(word) - len(suffix)] + replacement
            break
    if word.endswith("e") and len(word) >= 5:
        word = word[:-1]
    return word
