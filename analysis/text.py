"""Sentence splitting, word tokenizing and normalising: the one place for each.

Every function returns character offsets into the text it was given, so a
caller that passes a slice can add the slice's start and stay traceable to
the original article.

The sentence splitter is a few rules over character classes and a lookup of
the word before each period, not a statistical model: it is right on titles
("Mr."), initials ("Joseph R. Biden"), dotted abbreviations ("U.S. interests")
and quotation marks that close a sentence. It works over the code points of
many texts at once, so a 10,000-article corpus splits in about two seconds
(pysbd manages about 30k words/s on this machine).
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterator
from itertools import pairwise

import numpy as np

from analysis._arrays import chunks, code_points, number, owners, python_table, runs, tokens
from analysis.resources import shipped_data

__all__ = [
    "and_list",
    "DATE",
    "DATELINE",
    "WEEKDAY",
    "OPEN_QUOTES",
    "CLOSE_QUOTES",
    "Normalised",
    "count_words",
    "count_words_each",
    "english_share",
    "normalised_words_each",
    "is_blank",
    "american_spelling",
    "light_stem",
    "normalise",
    "plural",
    "sentence_spans",
    "word_spans",
    "words",
]

OPEN_QUOTES = "“«„‟"
CLOSE_QUOTES = "”»"

# Dates and wire datelines ("WASHINGTON, April 13 (Reuters) - "): block roles and
# quotation speakers both read them.
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# A US state after its town, as the press prints places ("Ames, Iowa,", "Reno, Nev."):
# the names, and the AP's abbreviations.
US_STATE = (
    r"(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|"
    r"Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|"
    r"Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|"
    r"New\s+Hampshire|New\s+Jersey|New\s+Mexico|New\s+York|North\s+Carolina|North\s+Dakota|"
    r"Ohio|Oklahoma|Oregon|Pennsylvania|Rhode\s+Island|South\s+Carolina|South\s+Dakota|"
    r"Tennessee|Texas|Utah|Vermont|Virginia|Washington|West\s+Virginia|Wisconsin|Wyoming|"
    r"Ala\.|Ariz\.|Ark\.|Calif\.|Colo\.|Conn\.|Del\.|Fla\.|Ga\.|Ill\.|Ind\.|Kan\.|Ky\.|La\.|"
    r"Md\.|Mass\.|Mich\.|Minn\.|Miss\.|Mo\.|Mont\.|Neb\.|Nev\.|N\.H\.|N\.J\.|N\.M\.|"
    r"N\.Y\.|N\.C\.|N\.D\.|Okla\.|Ore\.|Pa\.|R\.I\.|S\.C\.|S\.D\.|Tenn\.|Vt\.|Va\.|"
    r"Wash\.|W\.Va\.|Wis\.|Wyo\.|D\.C\.)"
)
# Dashes between the parts, as some offices print it: "May - 04– 2031".
DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|{_MONTH}\s*[-–]\s*\d{{1,2}}\s*[-–]\s*\d{{4}}"
    # An agency's "4th May, 2031" and a day-first number: "04-05-2031", "4/5/2031".
    rf"|\d{{1,2}}(?:st|nd|rd|th)\s+{_MONTH},?(?:\s+\d{{4}})?|(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)\d\d)"
)
_AGENCY = r"(?:Reuters|AP|AFP|Xinhua|TASS|Kyodo|Yonhap|Bloomberg|dpa|ANI|PTI|IANS|UPI|EFE|Interfax|RIA|CNN|Al Jazeera|NHK)"
DATELINE = re.compile(
    rf"^[A-Z][A-Z .'’-]{{1,40}}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?(?:,\s*{DATE})?\s*"
    rf"(?:\((?:{_AGENCY}|[A-Z][\w ]{{1,30}})\))?\s*[-–—]+\s"
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
# The characters of a candidate boundary: terminal marks, then closing quotes or
# brackets, then whitespace, then an opening quote or bracket and a capital or digit.
_MARK = r"[.!?…]"
_CLOSER = r"""["'”’»)\]]"""
_OPENER = r"""["'“‘«(\[]"""
_CAPITAL = r"[A-Z0-9À-ÖØ-Þ]"
_WORD_BEFORE = r"[\w.’'-]"  # the word a period follows: "U.S", "Jr", "e.g"
_NEXT_WORD = re.compile(r"[\w’'-]+")
_LONGEST_RULED = 6  # no word in the lists above is longer, nor is a dotted abbreviation

# Possessive quantifiers: a word never gives characters back (nothing follows
# it in the pattern), so the matches are those of the plain greedy pattern, and
# the engine keeps no backtracking state (about 12% faster).
_WORD = re.compile(r"[^\W_]++(?:[’'.\-][^\W_]++)*+", re.UNICODE)


def is_blank(line: str) -> bool:
    """True if a line has no visible characters.

    Python's ``str.isspace`` covers the no-break space (U+00A0) and the other
    Unicode spaces that scraped pages leave on "empty" lines.
    """
    return not line.strip()


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences.

    A sentence ends at a terminal mark (with any closing quotes or brackets) that
    whitespace and a capital or digit follow, unless the mark is the period of a
    title, an initial or an abbreviation. :func:`sentence_bounds` splits many
    regions at once.

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
    points, _ = code_points([text])
    begin, stop, _ = sentence_bounds(points, np.array([start]), np.array([end]))
    return list(zip(begin.tolist(), stop.tolist(), strict=True))


def sentence_bounds(
    points: np.ndarray, lo: np.ndarray, hi: np.ndarray, space: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""The sentences of many regions of code points at once.

    Each region ``points[lo[k]:hi[k]]`` is split as if it were a text of its own
    (as :func:`sentence_spans` splits ``text[start:end]``).

    Args:
        points: Code points (see :func:`analysis._arrays.code_points`).
        lo: Where each region begins, in order; regions do not overlap.
        hi: Where each ends (exclusive).
        space: Which code points are whitespace (``\s``), if the caller knows already.

    Returns:
        ``(begin, end, region)``: each sentence's bounds in ``points``, trimmed of
        whitespace, and the region it belongs to, in order.
    """
    lo, hi = np.asarray(lo, dtype=np.int64), np.asarray(hi, dtype=np.int64)
    edges = np.column_stack([lo, hi]).ravel()  # runs of a kind of character stop at every edge

    def kind(pattern: str) -> np.ndarray:
        return np.take(python_table(pattern), points)

    mark_begin, mark_end = runs(kind(_MARK), edges)
    closer_begin, closer_end = runs(kind(_CLOSER), edges)
    space = kind(r"\s") if space is None else space
    space_begin, space_end = runs(space, edges)
    region = np.searchsorted(lo, mark_begin, side="right") - 1
    keep = region >= 0
    keep[keep] = mark_begin[keep] < hi[region[keep]]
    mark_begin, mark_end, region = mark_begin[keep], mark_end[keep], region[keep]
    cut = _run_end(closer_begin, closer_end, mark_end)
    resume = _run_end(space_begin, space_end, cut)  # where the next sentence would begin
    capital = python_table(_CAPITAL)
    opener = python_table(_OPENER)
    quoted = (
        opener[_at(points, resume)] & capital[_at(points, resume + 1)] & (resume + 1 < hi[region])
    )
    # Two opening marks: a double mark typed as two apostrophes (''We …), or a
    # quotation in brackets.
    doubled = (
        opener[_at(points, resume)]
        & opener[_at(points, resume + 1)]
        & capital[_at(points, resume + 2)]
        & (resume + 2 < hi[region])
    )
    boundary = (
        (resume > cut) & (resume < hi[region]) & (capital[_at(points, resume)] | quoted | doubled)
    )
    mark, cut, resume, region = (a[boundary] for a in (mark_begin, cut, resume, region))
    capital_at = np.where(
        quoted[boundary], resume + 1, np.where(doubled[boundary], resume + 2, resume)
    )
    ends = _ends_sentence(points, mark, cut, capital_at, lo[region], hi[region], kind)
    cut, resume, region = cut[ends], resume[ends], region[ends]
    # A region's sentences run from its first visible character, or from the word
    # after each cut, to the cut, or to its last visible character.
    first = _run_end(space_begin, space_end, lo)
    last = hi.copy()
    k = np.minimum(np.searchsorted(space_end, hi), max(len(space_end) - 1, 0))
    trailing = (space_end[k] == hi) if len(space_end) else np.zeros(len(hi), dtype=bool)
    last[trailing] = space_begin[k[trailing]]
    visible = np.flatnonzero(first < hi)
    begin = np.concatenate([first[visible], resume])
    end = np.concatenate([cut, last[visible]])
    begin_order = np.argsort(np.concatenate([visible, region]), kind="stable")
    end_order = np.argsort(np.concatenate([region, visible]), kind="stable")
    owner = np.concatenate([visible, region])[begin_order]
    return begin[begin_order], end[end_order], owner


def _at(points: np.ndarray, where: np.ndarray) -> np.ndarray:
    """The code point at each of ``where``; past the end, the last one (callers mask those)."""
    return (
        points[np.minimum(where, len(points) - 1)] if len(points) else np.zeros(len(where), "<u4")
    )


def _run_end(begin: np.ndarray, end: np.ndarray, where: np.ndarray) -> np.ndarray:
    """The end of the run that begins at each of ``where``, or ``where`` if none does."""
    k = np.searchsorted(begin, where)
    found = k < len(begin)
    found[found] = begin[k[found]] == where[found]
    out = where.copy()
    out[found] = end[k[found]]
    return out


def _ends_sentence(points, mark, cut, capital_at, lo, hi, kind) -> np.ndarray:
    """Which candidate boundaries end a sentence, by the mark and the word before it.

    "!", "?", "…" and an ellipsis always do; a period as :func:`_period_ends_sentence`
    says. Short ASCII words are looked up over arrays; Python decides the rest.
    """
    ends = np.ones(len(mark), dtype=bool)
    ellipsis = (mark + 1 < cut) & (_at(points, mark + 1) == ord("."))
    check = np.flatnonzero((points[mark] == ord(".")) & ~ellipsis)
    q, next_at, region_end = mark[check], capital_at[check], hi[check]
    # The word before the period: the run of word characters ending there, at
    # most 40 back and not before the region.
    breaks = np.flatnonzero(~kind(_WORD_BEFORE))
    k = np.searchsorted(breaks, q)
    start = np.where(k > 0, breaks[np.maximum(k - 1, 0)] + 1, 0)
    start = np.maximum(np.maximum(start, q - 40), lo[check])
    length = q - start
    chars = [_at(points, start + i) for i in range(_LONGEST_RULED)]
    stripped = np.isin(chars[0], [ord("'"), ord("’"), ord("-")])  # may be short once stripped
    short = (length > 0) & (length <= _LONGEST_RULED) & ~stripped
    key = _packed(chars, length)
    dotted = np.zeros(len(q), dtype=bool)
    for i, ch in enumerate(chars):
        short &= (i >= length) | (ch < 128)  # ASCII: lower-cased by _packed
        dotted |= (i < length) & (ch == ord("."))
    letter = ((chars[0] | 32) >= ord("a")) & ((chars[0] | 32) <= ord("z"))
    never = ((length == 1) & letter) | np.isin(key, _ruled_keys(_NEVER_FINAL))
    before_number = ~never & np.isin(key, _ruled_keys(_BEFORE_NUMBER))
    sometimes = ~never & ~before_number & (np.isin(key, _ruled_keys(_SOMETIMES_FINAL)) | dotted)
    digit = (points[next_at] >= ord("0")) & (points[next_at] <= ord("9"))
    ends[check[short & never]] = False
    ends[check[short & before_number]] = ~digit[short & before_number]
    # Python decides what needs the next word, and words that are not short ASCII
    # but may be once stripped of leading quotes and hyphens; a longer word is no
    # title or abbreviation, so its period ends the sentence.
    slow = (short & sometimes) | (~short & (length > 0) & (stripped | (length <= _LONGEST_RULED)))
    for j, a, b, c, d in zip(
        *(x[slow].tolist() for x in (check, start, q, next_at, region_end)), strict=True
    ):
        next_word = _NEXT_WORD.match(_decode(points, c, min(c + 20, d))).group()
        ends[j] = _period_ends_sentence(_decode(points, a, b), next_word)
    return ends


def _decode(points: np.ndarray, start: int, end: int) -> str:
    return points[start:end].tobytes().decode("utf-32-le")


def _period_ends_sentence(before: str, next_word: str) -> bool:
    """Whether a period after the word ``before`` ends a sentence, with ``next_word`` after it.

    Not after an initial ("Joseph R. Biden") or a title ("Mr."); after "No." or
    "Vol." only if no number follows; after an abbreviation that may end a
    sentence ("U.S.", "Inc.") only if a common sentence opener follows.
    ``next_word`` need only be the first 20 characters of it: no opener is longer.
    """
    token = before.lstrip("'’-").lower()
    if len(token) == 1 and token.isalpha():
        return False
    if token in _NEVER_FINAL:
        return False
    if token in _BEFORE_NUMBER:
        return not next_word[:1].isdigit()
    if token in _SOMETIMES_FINAL or ("." in token and len(token) <= _LONGEST_RULED):
        return next_word.lower() in _SENTENCE_OPENERS
    return True


def _packed(chars: list[np.ndarray], length: np.ndarray) -> np.ndarray:
    """Words of at most six ASCII characters as one integer each, lower-cased, with their length.

    Args:
        chars: The words' first, second, ... character (past a word's end, anything).
        length: Each word's length.
    """
    key = length.astype(np.uint64) << np.uint64(56)
    for i, ch in enumerate(chars):
        lower = np.where((ch >= ord("A")) & (ch <= ord("Z")), ch + 32, ch).astype(np.uint64)
        key |= np.where(i < length, lower, 0).astype(np.uint64) << np.uint64(8 * i)
    return key


@functools.cache
def _ruled_keys(words: frozenset[str]) -> np.ndarray:
    """The words packed as :func:`_ends_sentence` packs the word before a period, sorted."""
    points, starts = code_points(sorted(words))
    chars = [_at(points, starts[:-1] + i) for i in range(_LONGEST_RULED)]
    return np.sort(_packed(chars, np.diff(starts)))


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


# The most frequent English function words: in English news prose they are a third
# or more of the words; in other languages' prose (German, French, Spanish, Russian
# in any script) a few percent, from the odd shared form ("in", "a", "was").
ENGLISH_FUNCTION_WORDS = frozenset(
    """the of and to a in is that for on with as was it by at from he she his her they
    be are has have had said will not an this which or were but been its their who
    would we i you there about after also than more into over could can""".split()
)


def english_share(texts: list[str]) -> np.ndarray:
    """Share of each text's words that are English function words (0.0 with no words).

    A cheap language check, good enough to say that a text is not English prose
    (a score below 0.15) and no English readability formula applies to it.

    >>> english_share(["The minister said that it was over.", "Die Ministerin sagte das."]).tolist()
    [0.8571428571428571, 0.0]
    """
    shares = np.zeros(len(texts))
    for k, text in enumerate(texts):
        found = _WORD.findall(text.lower())
        if found:
            shares[k] = sum(word in ENGLISH_FUNCTION_WORDS for word in found) / len(found)
    return shares


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
) -> Iterator[tuple[list[str], np.ndarray]]:
    """The normalised words of every text in turn, and where each starts, found over code points.

    The words are those of :func:`word_spans`, normalised; the texts are taken a
    chunk at a time, so a corpus's words are never all in memory at once.

    Args:
        texts: The texts.
        memo: The memo of normalised words to use (by default a new one).

    Yields:
        ``(words, starts)`` of each text: its normalised word tokens, and where
        each starts (an array).
    """
    memo = Normalised() if memo is None else memo
    for first, stop in chunks(texts):
        row, start, _, forms = tokens(
            texts[first:stop], r"[^\W_]", joins=_inner_joiners, keep_joins=True
        )
        codes, distinct = number(forms.chunks)
        words = np.array([memo[form] for form in distinct], dtype=object)[codes].tolist()
        bounds = np.searchsorted(row, np.arange(stop - first + 1)).tolist()
        for lo, hi in pairwise(bounds):
            yield words[lo:hi], start[lo:hi]


# Typographic variants, and the letters with no decomposition to strip ("Tayyıp", "Łódź").
_FOLD = str.maketrans(
    {"’": "'", "‘": "'", "‐": "-", "‑": "-", "–": "-", "—": "-", "ı": "i", "ł": "l", "ø": "o"}
)


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
    job (``analysis.segment.segment_articles`` keeps one per call), so the memo
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


_SUFFIXES = (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


# Each spelling class of data/spelling.toml: the base's ending, then each British
# ending and its American replacement (see that file).
_SPELLING_CLASSES = {
    "ise": ("ise", [("ise", "ize"), ("ised", "ized"), ("ises", "izes"), ("ising", "izing"),
                    ("isation", "ization"), ("isations", "izations"), ("iser", "izer"),
                    ("isers", "izers")]),
    "our": ("our", [("our", "or"), ("ours", "ors"), ("oured", "ored"), ("ouring", "oring"),
                    ("ourer", "orer"), ("ourers", "orers"), ("ourable", "orable"),
                    ("ourite", "orite"), ("ourites", "orites"), ("ourful", "orful"),
                    ("ourhood", "orhood"), ("ourhoods", "orhoods")]),
    "re": ("re", [("re", "er"), ("res", "ers"), ("red", "ered"), ("ring", "ering")]),
    "ence": ("ence", [("ence", "ense"), ("ences", "enses")]),
    "ll": ("", [("led", "ed"), ("ling", "ing"), ("ler", "er"), ("lers", "ers"),
                ("lor", "or"), ("lors", "ors")]),
}  # fmt: skip


@functools.cache
def _american_forms() -> dict[str, str]:
    """Every British form of data/spelling.toml and its American one."""
    data = tomllib.loads(shipped_data("spelling.toml"))
    forms = dict(data.get("words", {}))
    for name, (ending, endings) in _SPELLING_CLASSES.items():
        for base in data.get(name, []):
            stem = base[: len(base) - len(ending)]
            # A doubled l: "travel" + "led" is "travelled", and "traveled" in American.
            forms.update((stem + british, stem + american) for british, american in endings)
    return forms


def american_spelling(word: str) -> str:
    """The American spelling of a lower-case British one listed in data/spelling.toml.

    Other words come back unchanged, so "hour" stays "hour".

    >>> [american_spelling(w) for w in ["defence", "criticised", "travelled", "hour"]]
    ['defense', 'criticized', 'traveled', 'hour']
    """
    return _american_forms().get(word, word)


def light_stem(word: str) -> str:
    """Strip a common inflection so that "discussed" and "discusses" compare equal.

    Deliberately light: an ending goes only when four letters remain, and a final
    "e" goes too, so "issue"/"issues" and "propose"/"proposed" meet. A British
    spelling becomes American first (:func:`american_spelling`), so "defence" and
    "defense" meet too.

    >>> [light_stem(w) for w in ["discussed", "issues", "issue", "proposed", "talks"]]
    ['discuss', 'issu', 'issu', 'propos', 'talk']
    >>> light_stem("criticised") == light_stem("criticized")
    True
    """
    word = american_spelling(word.replace("'", "").replace("’", ""))
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                break
            word = word[: len(word) - len(suffix)] + replacement
            break
    if word.endswith("e") and len(word) >= 5:
        word = word[:-1]
    return word


def and_list(items) -> str:
    """Items joined as prose: ``a``, ``a and b``, ``a, b and c`` ("" for none).

    >>> and_list(["cyber", "trade", "energy"])
    'cyber, trade and energy'
    """
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def plural(n: int, noun: str) -> str:
    """A count and its noun, plural unless one: ``1 paragraph``, ``3 paragraphs``.

    >>> plural(3, "gold quotation")
    '3 gold quotations'
    """
    return f"{n} {noun}{'' if n == 1 else 's'}"
