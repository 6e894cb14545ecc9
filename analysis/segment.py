"""Blocks and their roles, each decision with its evidence.

A block is a paragraph: a run of non-blank lines. A line break inside a run
ends a block too, unless the run is hard-wrapped prose (lines of similar
width) or the break falls mid-sentence. Blocks never overlap and, with the
whitespace between them, cover the whole article.

Roles come from general rules, tried in a fixed order and recorded in
``evidence``: text reuse against a paired official document first, then site
furniture (boilerplate, embeds, credits, bylines), the headline, official
text (a document title, an attribution line such as "From The White House:",
a readout's opening formula, a readout inside quotation marks) and its
continuation, quotations, and finally the journalist's own prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from analysis.text import (
    DATE,
    DATELINE,
    OPEN_QUOTES,
    WEEKDAY,
    Normalised,
    normalise,
    normalised_words_each,
    sentence_bounds,
)
from analysis.textarrays import (
    chunks,
    code_points,
    owners,
    python_table,
    ranges,
    string_table,
)

__all__ = [
    "ROLES",
    "Block",
    "paragraph_spans",
    "paragraph_bounds",
    "layout_each",
    "classify_blocks",
    "Layout",
    "ReuseCache",
    "reused_shares",
]

ROLES = (
    "headline",
    "byline",
    "credit",
    "journalist",
    "official",
    "quote",
    "embed",
    "boilerplate",
)

_TERMINAL = r"""[.!?:;"”’)…]"""  # a line that ends with one of these ends like a sentence


@dataclass
class Block:
    """One paragraph of an article with its role; offsets are into the article text."""

    start: int
    end: int
    role: str = "journalist"
    source: str = ""
    evidence: str = ""
    quote_share: float = 0.0
    reused: bool = False  # official because it reproduces a paired document word for word


# --- paragraphs -----------------------------------------------------------------


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    r"""Split an article into blocks.

    Args:
        text: The article text, any line endings (``\n``, ``\r\n``, ``\r``).

    Returns:
        ``(start, end)`` of each block, trimmed of surrounding whitespace.

    >>> t = "Headline\n\nFirst para.\nSecond para.\n"
    >>> [t[s:e] for s, e in paragraph_spans(t)]
    ['Headline', 'First para.', 'Second para.']
    """
    points, starts = code_points([text])
    lo, hi, _ = paragraph_bounds(points, starts)
    return list(zip(lo.tolist(), hi.tolist(), strict=True))


def layout_each(
    texts: list[str],
    documents: list[dict[str, str]] | None = None,
    cache: ReuseCache | None = None,
) -> Iterator[Layout]:
    """The blocks of every text, the sentences of every block, and what they reuse.

    Everything is found over code points, a chunk of texts at a time.

    Args:
        texts: The texts.
        documents: For each text, the official documents it pairs with,
            ``{official_id: text}`` (none by default).
        cache: Shared by the calls of one corpus (see :class:`ReuseCache`).

    Yields:
        A :class:`Layout` for each text in turn, offsets into the text.
    """
    documents = documents or [{}] * len(texts)
    cache = cache if cache is not None else ReuseCache()
    for first, stop in chunks(texts):
        points, starts = code_points(texts[first:stop])
        space = np.take(python_table(r"\s"), points)  # for blocks and sentences alike
        lo, hi, owner = paragraph_bounds(points, starts, space)
        sentence_lo, sentence_hi, block = sentence_bounds(points, lo, hi, space)
        base = starts[owner]
        blocks = list(zip((lo - base).tolist(), (hi - base).tolist(), strict=True))
        sentences = list(
            zip(
                (sentence_lo - base[block]).tolist(),
                (sentence_hi - base[block]).tolist(),
                strict=True,
            )
        )
        paired = [k for k in range(first, stop) if documents[k]]
        if paired:
            hits, word_starts, names = _hits(texts, documents, paired, starts, first, cache)
            block_reuse = _named(*reused_shares(hits, word_starts, lo, hi), names)
            sentence_reuse = _named(
                *reused_shares(hits, word_starts, sentence_lo, sentence_hi), names
            )
        by_block = np.searchsorted(block, np.arange(len(lo) + 1)).tolist()
        by_text = np.searchsorted(owner, np.arange(stop - first + 1)).tolist()
        for k, (a, b) in enumerate(pairwise(by_text), first):
            per_block = [sentences[by_block[i] : by_block[i + 1]] for i in range(a, b)]
            layout = Layout(blocks[a:b], per_block)
            if documents[k]:
                layout.block_reuse = block_reuse[a:b]
                layout.sentence_reuse = sentence_reuse[by_block[a] : by_block[b]]
            yield layout


@dataclass
class Layout:
    """One text's blocks and sentences, and how much of each reproduces a paired document.

    Attributes:
        blocks: ``(start, end)`` of each block (:func:`paragraph_spans`).
        sentences: Each block's ``(start, end)`` of its sentences.
        block_reuse: ``(share, official_id)`` of each block (:func:`reused_shares`),
            or ``None`` if the text pairs with no document.
        sentence_reuse: The same for each sentence, in order.
    """

    blocks: list[tuple[int, int]]
    sentences: list[list[tuple[int, int]]]
    block_reuse: list[tuple[float, str]] | None = None
    sentence_reuse: list[tuple[float, str]] | None = None


def _hits(texts, documents, paired, starts, first, cache) -> tuple[np.ndarray, np.ndarray, list]:
    """The words of the paired texts of a chunk, and the document of the n-gram each starts."""
    names: dict[str | None, int] = {None: -1}
    hits, word_starts = [], []
    words_each = normalised_words_each([texts[k] for k in paired], cache.words)
    for k, (words, word_start) in zip(paired, words_each, strict=True):
        looked_up = map(cache.grams(documents[k]).get, _ngrams(words, REUSE_N))
        for name in documents[k]:
            names.setdefault(name, len(names) - 1)
        numbered = np.full(len(words), -1, dtype=np.int64)
        numbered[: max(len(words) - REUSE_N + 1, 0)] = list(map(names.__getitem__, looked_up))
        hits.append(numbered)
        word_starts.append(word_start + starts[k - first])
    return np.concatenate(hits), np.concatenate(word_starts), list(names)[1:]


def _named(share: np.ndarray, winner: np.ndarray, names: list[str]) -> list[tuple[float, str]]:
    """``(share, official_id)`` pairs, with ``""`` where no document is shared."""
    names = [*names, ""]  # -1 picks the last
    return list(zip(share.tolist(), map(names.__getitem__, winner.tolist()), strict=True))


def paragraph_bounds(
    points: np.ndarray, starts: np.ndarray, space: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""The blocks of many texts at once, as :func:`paragraph_spans` finds them.

    A block is a run of non-blank lines (lines end at ``\n``, ``\r\n`` or ``\r``).
    A line break inside a hard-wrapped run (lines of 40 to 100 characters) ends a
    block after a line that ends like a sentence and is short for the run; in
    other runs, unless the line goes on mid-sentence (no final punctuation, and
    the next line begins in lower case).

    Args:
        points: The texts' code points; text ``k`` is ``points[starts[k]:starts[k + 1]]``
            (see :func:`analysis.textarrays.code_points`).
        starts: Where each text starts, and where the last ends.
        space: Which code points are whitespace (``\s``), if the caller knows already.

    Returns:
        ``(lo, hi, owner)``: each block's bounds in ``points``, trimmed of
        whitespace, and its text, in order.
    """
    size = len(points)
    # Line breaks: every "\r" and "\n", but "\r\n" counts once (unless a text
    # ends between the two).
    text_start = np.zeros(size + 1, dtype=bool)
    text_start[starts] = True
    cr, lf = points == ord("\r"), points == ord("\n")
    crlf = np.zeros(size, dtype=bool)
    crlf[:-1] = cr[:-1] & lf[1:] & ~text_start[1:size]
    line_break = cr | lf
    line_break[1:] &= ~crlf[:-1]
    break_at = np.flatnonzero(line_break)
    break_end = break_at + 1 + crlf[break_at]
    # A line starts each non-empty text and after each break but one at a text's end.
    line_start = np.concatenate(
        [
            starts[:-1][np.diff(starts) > 0],
            break_end[break_end < starts[owners(break_at, starts) + 1]],
        ]
    )
    line_start.sort()
    line_owner = owners(line_start, starts)
    next_break = np.append(break_at, size)[np.searchsorted(break_at, line_start)]
    line_end = np.minimum(next_break, starts[line_owner + 1])
    # Each non-blank line's first and last visible character.
    space = np.take(python_table(r"\s"), points) if space is None else space
    visible = np.flatnonzero(~space)
    after_start, before_end = (
        np.searchsorted(visible, line_start),
        np.searchsorted(visible, line_end),
    )
    new_text = np.ones(len(line_start), dtype=bool)
    new_text[1:] = line_owner[1:] != line_owner[:-1]
    after_blank = np.ones(len(line_start), dtype=bool)
    after_blank[1:] = before_end[:-1] == after_start[:-1]
    line = np.flatnonzero(before_end > after_start)
    first, last = visible[after_start[line]], visible[before_end[line] - 1] + 1
    width = last - first
    # Runs of non-blank lines, and whether each is hard-wrapped.
    run_start = (new_text | after_blank)[line]
    run_first = np.flatnonzero(run_start)
    run = np.cumsum(run_start) - 1
    run_last = np.ones(len(line), dtype=bool)
    run_last[:-1] = run_start[1:]
    if len(line):
        fits = np.where(run_last, width <= 100, (width >= 40) & (width <= 100))
        misfits = np.add.reduceat((~fits).astype(np.int64), run_first)
        wrapped = (np.diff(np.append(run_first, len(line))) >= 2) & (misfits == 0)
        widest = np.maximum.reduceat(width, run_first)
    else:
        wrapped = widest = np.zeros(0, dtype=np.int64)
    ends_like_sentence = np.take(python_table(_TERMINAL), points[last - 1])
    next_lower = np.zeros(len(line), dtype=bool)
    next_lower[:-1] = np.take(string_table(str.islower), points[first[1:]])
    cut_after = np.where(
        wrapped[run],
        ends_like_sentence & (width < 0.6 * widest[run]),
        ends_like_sentence | ~next_lower,
    )
    opens = run_start.copy()
    opens[1:] |= cut_after[:-1] & ~run_last[:-1]
    block_first = np.flatnonzero(opens)
    block_last = np.append(block_first[1:] - 1, len(line) - 1)[: len(block_first)]
    return first[block_first], last[block_last], line_owner[line[block_first]]


# --- text reuse -----------------------------------------------------------------

REUSE_N = 5  # word n-gram length for "word for word"
REUSE_SHARE = 0.6  # share of a block's or sentence's words covered by shared n-grams


def reused_shares(
    hits: np.ndarray, word_starts: np.ndarray, lo: np.ndarray, hi: np.ndarray, n: int = REUSE_N
) -> tuple[np.ndarray, np.ndarray]:
    """How much of each region reproduces a paired official document word for word.

    Args:
        hits: For each word of the texts, end to end, the number of the document
            that shares the word n-gram starting there, or -1 (none does, or fewer
            than ``n`` words of its text are left).
        word_starts: Where each word starts, in the same positions as the regions.
        lo: Where each region begins, in order; regions do not overlap, and
            none cuts through a word or runs over a text's end (blocks, sentences).
        hi: Where each region ends.
        n: The n-gram length in words.

    Returns:
        ``(share, document)``: for each region, the share of its words inside an
        n-gram (all of it in the region) shared with a document; and the document
        most of those n-grams came from, the first in text order on a tie (-1
        where the share is 0).
    """
    first_word, end_word = np.searchsorted(word_starts, lo), np.searchsorted(word_starts, hi)
    n_words = end_word - first_word
    at = np.flatnonzero(hits >= 0)
    # Words covered: each shared n-gram adds its words up to the next one's start;
    # a region's last one adds all n.
    reach = np.minimum(np.diff(at, append=np.iinfo(np.int64).max), n)
    reached = np.concatenate([[0], np.cumsum(reach)])
    first_hit = np.searchsorted(at, first_word)
    end_hit = np.searchsorted(at, end_word - n, side="right")
    shared = np.flatnonzero((n_words >= n) & (end_hit > first_hit))
    share = np.zeros(len(lo))
    covered = reached[end_hit[shared] - 1] - reached[first_hit[shared]] + n
    share[shared] = covered / n_words[shared]
    # Votes: each region's n-grams by document, the most first, then the earliest.
    k, hit = ranges(first_hit[shared], end_hit[shared])
    region = shared[k]
    documents = int(hits.max()) + 1 if len(hits) else 1
    keys, earliest, votes = np.unique(
        region * documents + hits[at[hit]], return_index=True, return_counts=True
    )
    keys = keys[np.lexsort((earliest, -votes, keys // documents))]
    region = keys // documents
    first = np.ones(len(keys), dtype=bool)
    first[1:] = region[1:] != region[:-1]
    winner = np.full(len(lo), -1, dtype=np.int64)
    winner[region[first]] = keys[first] % documents
    return share, winner


def _ngrams(tokens: list[str], n: int) -> Iterator[tuple[str, ...]]:
    """The n-gram starting at each word, ``tuple(tokens[i : i + n])``, built in C."""
    return zip(*(tokens[k:] for k in range(n)), strict=False)


class ReuseCache:
    """The word n-grams of official documents, worked out once per corpus, not per article.

    Entries are keyed by the documents' ids and texts and ``n``, and normalised
    words by the word, so every entry is a pure function of its key and a cache
    can never carry one corpus's state into another; it lives as long as its
    owner (``analysis.corpus.analyse_articles`` keeps one per call).
    """

    def __init__(self) -> None:
        self.words = Normalised()
        self._grams: dict[tuple, dict[tuple[str, ...], str]] = {}

    def grams(self, documents: dict[str, str], n: int = REUSE_N) -> dict[tuple[str, ...], str]:
        """``{n_gram: official_id}`` for the n-grams of ``{official_id: text}`` (do not modify).

        An n-gram in several documents belongs to the first of them.
        """
        key = (tuple(documents.items()), n)
        if key not in self._grams:
            if len(documents) == 1:
                ((doc_id, text),) = documents.items()
                self._grams[key] = dict.fromkeys(_ngrams(self.words(text), n), doc_id)
            else:
                self._grams[key] = merged = {}
                for doc_id, text in reversed(documents.items()):
                    merged.update(self.grams({doc_id: text}, n))
        return self._grams[key]


# --- role rules -------------------------------------------------------------------

HEADLINE = "first short line without final punctuation"
STANDFIRST = "standfirst: a short sentence-case line without final punctuation under the headline"

# Alternatives not anchored at the start, kept apart so that _found can try the
# anchored ones once instead of at every character.
_BOILERPLATE_ANYWHERE_ALTERNATIVES = r"all\ rights\ reserved\.?$"
_BOILERPLATE = re.compile(
    r"""^(?:tags?|topics?|filed\ under|categories|keywords|related(?:\ articles?|\ stories|\ coverage)?
        |read\ more|more|see\ also|also\ read|recommended|trending|most\ read|watch|listen)\s*:
      |^(?:sign\ up|subscribe|share\ (?:this|on|the\ article)|follow\ (?:us|@)|click\ here
        |advertisement|sponsored|our\ standards|copyright|all\ rights\ reserved|skip\ to
        |listen\ to\ this\ article|image\ \d+\ of\ \d+|comments?\b|join\ the\ conversation
        |for\ immediate\ release|\#\#\#)
      |^(?:©|\(c\)\s*\d{4})
      |^(?:\(END\)|END|==\s*\w+|-{2,}|\*{3,}|\(\w{2,12}\))$
      |"""
    + _BOILERPLATE_ANYWHERE_ALTERNATIVES,
    re.IGNORECASE | re.VERBOSE,
)
_BOILERPLATE_ANYWHERE = re.compile(_BOILERPLATE_ANYWHERE_ALTERNATIVES, re.IGNORECASE | re.VERBOSE)
_BIO = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+(?:is|was|has been|covers|writes|reports)\s+"
    r"(?:a|an|the|on|for|about)\b"
)
_EMBED = re.compile(
    r"pic\.twitter\.com/|(?:twitter|x)\.com/\w+/status|[—–-]\s*[^()\n]{1,60}\(@\w{1,15}\)"
    r"|View this post on Instagram|instagram\.com/(?:p|reel)/|A post shared by"
    r"|facebook\.com/\S+/(?:posts|videos)|youtube\.com/watch|youtu\.be/|t\.me/\w+/\d+",
    re.IGNORECASE,
)
_TWEET_SIGNATURE = re.compile(rf"^[—–-]\s*[^()\n]{{1,60}}\(@\w{{1,15}}\)\s*(?:{DATE})?\s*$")
# Credits: agency and photographer marks anywhere (proper nouns, so case-sensitive),
# or a caption/credit label at the start of the block.
_CREDIT = re.compile(
    r"Getty\s+Images|\bAP\s+Photo\b|\(AP\)$|\bvia\s+AP\b|\bAFP\s+via\b|\bREUTERS/|\bEPA-EFE\b|"
    r"\w/(?:AP|AFP|Reuters|REUTERS|EPA|TASS|Sputnik|Kremlin|Bloomberg|Pool|dpa|ANI|Xinhua)\b|"
    r"\w-Pool/|\bPool/\w|Shutterstock|picture\s+alliance|"
    r"\([A-Z][\w.’' -]{1,40}/[A-Z][\w.’' -]{1,40}\)$|"
    r"Courtesy\s+of\b|\bvia\s+Getty\b|\bFile\s+Photo$"
)
_CREDIT_START = re.compile(
    r"(?:photo|photograph|image|picture|video|caption|credit|illustration)s?\s*(?:by\b|:)|"
    r"FILE\s+PHOTO\b|\(?Photo\b|In\s+this\s+(?:photo|image|file\s+photo|handout|pool\s+photo|video)\b",
    re.IGNORECASE,
)
# Every _CREDIT alternative contains one of these; a cheap test before the regex.
_CREDIT_HINTS = (
    "/",
    "Getty",
    "Shutterstock",
    "picture alliance",
    "Courtesy",
    "via ",
    "(AP)",
    "File Photo",
    "EPA-EFE",
)
_EMBED_HINTS = (
    "twitter.com",
    "x.com/",
    "(@",
    "instagram",
    "Instagram",
    "facebook.com",
    "youtu",
    "t.me/",
)
_CAPTION = re.compile(
    r"\b(?:center|centre|left|right|second\s+(?:from\s+)?(?:left|right)|foreground|background)\s*[,)]|"
    r"\((?:L|R|C)\)|\b(?:speaks|gestures|attends|arrives|listens|looks\s+on|waves|poses|"
    r"shakes\s+hands|is\s+seen|are\s+seen|walks|delivers)\b"
)
_BYLINE_ANYWHERE_ALTERNATIVES = (  # not anchored at the start (see _found)
    r"\breporting\ by\b.*\b(?:editing|writing)\ by\b"
    r"|\bcontributed\ (?:to\ )?(?:this\ )?(?:report|reporting|story)\b"
)
_BYLINE = re.compile(
    r"^(?:by|written\ by|words\ by|reporting\ by|report\ by)\s+[A-Z]"
    r"|^(?:published|updated|posted|last\ updated|first\ published|modified)\b"
    r"|^[a-z]{2,3}(?:/[a-z]{2,3})+\s*(?:\(|$)"
    r"|" + _BYLINE_ANYWHERE_ALTERNATIVES,
    re.IGNORECASE | re.VERBOSE,
)
_BYLINE_ANYWHERE = re.compile(_BYLINE_ANYWHERE_ALTERNATIVES, re.IGNORECASE | re.VERBOSE)
# A byline without "By", as broadsheets print it: "Lena Ortiz in Tokyo and Mark Hale
# in Washington". Only above the article's first paragraph, where no prose line is
# a run of capitalised names with places.
_NAME_WORDS = r"(?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'-]+"
_PLACE = r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)?"
_NAMED_IN_PLACE = re.compile(
    rf"^{_NAME_WORDS}(?:\s+in\s+{_PLACE})?(?:(?:,|\s+and)\s+{_NAME_WORDS}(?:\s+in\s+{_PLACE})?)*"
    rf"\s+in\s+{_PLACE}\s*$"
)
_DATE_ANY = re.compile(DATE, re.IGNORECASE)
_DATE_LINE_FILLER = re.compile(
    rf"{DATE}|{WEEKDAY}|\b(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\b"
    rf"|\b\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?|\b(?:[ap]\.?m\.?|ET|EST|EDT|GMT|"
    r"UTC|BST|CET|CEST|MSK|JST|IST|PT|PST|PDT|at|on|published|updated|posted|last|first|modified)\b"
    r"|[\s,.|•·:;()/–—-]+",
    re.IGNORECASE,
)
_OFFICIAL_TITLE = re.compile(
    r"^(?:Readout|Joint\s+Readout|Statement|Joint\s+Statement|Remarks|Press\s+Release|"
    r"Fact\s+Sheet|FACT\s+SHEET|Transcript|Communiqu[eé]|Joint\s+Communiqu[eé]|"
    r"(?:Joint\s+)?Declaration|Press\s+Statement|Background\s+Press\s+Call|"
    r"Telephone\s+(?:conversation|call)\s+with|Meeting\s+with|Call\s+with|"
    r"Secretary\s+\w+['’]s\s+(?:Call|Meeting)|Prime\s+Minister['’]s\s+(?:call|meeting))\b",
)
_SOURCE_WORDS = re.compile(
    r"\b(?:from|via|per|read|here\s+is|here['’]s|below|full\s+text|full\s+statement|"
    r"statement|readout|release|transcript|communiqu[eé]|declaration|said|says|reads|"
    r"White\s+House|Kremlin|Ministry|Department|Office|Government|Embassy|Downing\s+Street|"
    r"Élysée|Chancellery|Commission|Council)\b",
    re.IGNORECASE,
)
_INSTITUTION = re.compile(
    r"(?:the\s+)?(?:White\s+House|Kremlin|State\s+Department|Pentagon|Downing\s+Street|"
    r"Élysée(?:\s+Palace)?|[A-Z][\w’']+(?:\s+[A-Z][\w’']+)*\s+(?:Ministry|Department|Office|"
    r"Government|Embassy|Commission|Council)(?:\s+of\s+[A-Z][\w’']+(?:\s+[A-Z][\w’']+)*)?|"
    r"Ministry\s+of\s+[A-Z][\w’']+(?:\s+[A-Z][\w’']+)*|Prime\s+Minister['’]s\s+Office)",
)
_TITLE_OPENER = (
    r"(?:The\s+|U\.S\.\s+|US\s+)?(?:President|Vice\s+President|Prime\s+Minister|Secretary|"
    r"Chancellor|Minister|Foreign\s+Minister|Premier|Leaders?|two\s+leaders|Ministers|"
    r"His\s+Majesty|Her\s+Majesty|Crown\s+Prince|King|Queen|Emir|Sheikh|General\s+Secretary)"
)
_OPENING_FORMULA = re.compile(
    rf"^[“\"]?(?:(?:[A-Z][\w’'.-]+\s+){{0,2}}{_TITLE_OPENER}\b[^.]{{0,80}}?"
    r"|[A-Z][\w’'-]+\s+[A-Z][\w’'-]+\s+)"
    r"(?:spoke|met|talked|held\s+(?:talks|a\s+(?:telephone|phone|video)\s+(?:call|conversation))|"
    r"had\s+a\s+(?:telephone|phone|video)\s+(?:call|conversation)|hosted|received)\b"
    r"[^.]{0,120}?\bwith\b"
)
_ACTOR_OPENING = re.compile(
    rf"^[“\"]?(?:(?:[A-Z][\w’'.-]+\s+){{0,2}}{_TITLE_OPENER}\b|(?:They|Both|The\s+two|We|He|She|"
    r"The\s+leaders|The\s+ministers|The\s+sides|Both\s+sides|The\s+(?:President|Prime\s+Minister)))"
)
_TODAYISH = re.compile(r"\b(?:today|this\s+(?:morning|afternoon|evening)|earlier\s+today)\b")
_JOURNALIST_MARKERS = re.compile(
    rf"\b{WEEKDAY}\b|\blast\s+(?:week|month|year)\b|\baccording\s+to\b|\btold\s+(?:reporters|journalists|"
    rf"the\s+\w+|[A-Z]\w+)|\breported\b|\bnews\s+agency\b|\bthe\s+(?:readout|statement)\s+(?:said|says|added)\b|"
    rf"\b(?:he|she|they|officials|spokesman|spokeswoman|spokesperson)\s+said\b|"
    rf"\bsaid\s+(?:on|in\s+a|at\s+a|{WEEKDAY})\b|\b(?:Reuters|Associated\s+Press|CNN|AFP|Bloomberg|"
    rf"analysts?|critics|experts)\b|\b(?:readout|statement)\s+(?:of|from)\s+the\b"
)


def _found(pattern: re.Pattern, anywhere: re.Pattern, text: str) -> bool:
    """Whether ``pattern.search(text)`` finds something, found faster.

    ``anywhere`` holds the alternatives of ``pattern`` that are not anchored with
    ``^``; past the first character only they can match, so the many anchored
    ones are tried once instead of at every character.
    """
    return pattern.match(text) is not None or anywhere.search(text) is not None


_DIGIT = re.compile(r"\d")  # every date has one: a cheap test before the date pattern


def _date_line(text: str) -> bool:
    """A line that holds a date and nothing else but times, weekdays and separators."""
    return (
        len(text) <= 120
        and _DIGIT.search(text) is not None
        and bool(_DATE_ANY.search(text))
        and not _DATE_LINE_FILLER.sub("", text)
    )


def _words(text: str) -> list[str]:
    return text.split()


def _headline_like(text: str, n_words: int | None = None) -> bool:
    """Short, one line, not ending like a sentence: how headlines and titles look.

    ``n_words`` is ``len(text.split())``, if the caller has counted it already.
    """
    n_words = len(_words(text)) if n_words is None else n_words
    if not 2 <= n_words <= 30 or len(text) > 250 or text.count("\n") > 1:
        return False
    return not text.rstrip().endswith((".", ",", ";", ":", "”", '"'))


def _title_case_share(text: str) -> float:
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text) if len(w) > 3]
    if not words:
        return 0.0
    return sum(w[0].isupper() for w in words) / len(words)


def _institution(text: str) -> str:
    match = _INSTITUTION.search(text)
    if not match:
        return ""
    name = match.group().strip()
    return name[4:] if name.lower().startswith("the ") else name


def classify_blocks(
    text: str,
    spans: list[tuple[int, int]],
    *,
    kind: str = "news",
    quote_share: list[float] | None = None,
    quoted_with_cue: list[bool] | None = None,
    reuse: list[tuple[float, str]] | None = None,
    title: str = "",
    source: str = "",
) -> list[Block]:
    """Give every block a role, a source and the evidence for the decision.

    Args:
        text: The article text.
        spans: The blocks' ``(start, end)``, from :func:`paragraph_spans`.
        kind: ``news`` or ``official``; an official document's blocks are
            ``official`` unless they are site furniture.
        quote_share: For each block, the share of its characters inside quotation marks.
        quoted_with_cue: For each block, whether it holds a quotation with a speech cue.
        reuse: For each block, ``(share, official_id)`` of its words in n-grams
            shared with a paired official document (:func:`reused_shares`), if any.
        title: The article's title from its metadata, if any.
        source: Who speaks in an official document (its outlet), for ``source``.

    Returns:
        One :class:`Block` per span.
    """
    quote_share = quote_share or [0.0] * len(spans)
    quoted_with_cue = quoted_with_cue or [False] * len(spans)
    blocks = [Block(lo, hi, quote_share=quote_share[i]) for i, (lo, hi) in enumerate(spans)]
    seen_prose = False  # a journalist or official block has appeared
    official_run = ""  # the source of the official text being reproduced, if inside one
    after_attribution = False
    unintroduced = False  # the official run began with no attribution line or title
    last = len(blocks) - 1
    for i, block in enumerate(blocks):
        body = text[block.start : block.end]
        first_line = body.splitlines()[0] if body else ""
        n_words = len(_words(body))
        headline_like = _headline_like(body, n_words)  # asked up to four times below

        def decide(role: str, evidence: str, source: str = "", *, block: Block = block) -> None:
            block.role, block.evidence, block.source = role, evidence, source

        if reuse is not None:
            share, official_id = reuse[i]
            if share >= REUSE_SHARE:
                decide(
                    "official",
                    f"{share:.0%} of its words are in word {REUSE_N}-grams shared with "
                    f"official document {official_id}",
                    official_id,
                )
                block.reused, seen_prose = True, True
                continue
        if n_words <= 60 and _found(_BOILERPLATE, _BOILERPLATE_ANYWHERE, first_line):
            decide("boilerplate", f"site furniture: starts {_snippet(first_line)}")
            continue
        if kind == "news" and i >= last - 2 and n_words <= 60 and _BIO.match(body):
            decide("boilerplate", "author bio near the end ('<Name> is a ...')")
            continue
        if n_words <= 120 and any(h in body for h in _EMBED_HINTS) and _EMBED.search(body):
            decide("embed", f"social-media post: {_snippet(_EMBED.search(body).group())}")
            if (
                _TWEET_SIGNATURE.match(body)
                and i > 0
                and blocks[i - 1].role in ("journalist", "quote")
            ):
                prev = blocks[i - 1]
                if len(_words(text[prev.start : prev.end])) <= 60:
                    prev.role, prev.source = "embed", ""
                    prev.evidence = "tweet text directly above its signature line"
            continue
        credit = None
        if n_words <= 80:
            credit = _CREDIT_START.match(body) or (
                _CREDIT.search(body) if any(h in body for h in _CREDIT_HINTS) else None
            )
        if credit and (n_words <= 40 or (n_words <= 80 and _CAPTION.search(body))):
            decide("credit", f"photo/video credit or caption: {_snippet(credit.group())}")
            if i > 0 and _is_caption(text, blocks[i - 1]):
                prev = blocks[i - 1]
                prev.role, prev.source = "credit", ""
                prev.evidence = "caption directly above a photo credit"
            continue
        if n_words <= 25 and (_found(_BYLINE, _BYLINE_ANYWHERE, first_line) or _date_line(body)):
            decide("byline", "author or date line")
            continue
        if (
            n_words <= 20
            and " in " in body
            and _NAMED_IN_PLACE.match(body)
            and _above_the_story(blocks[:i])
        ):
            decide("byline", "names and places above the story ('<Name> in <Place>')")
            continue
        if (
            n_words <= 40
            and "reporting by" in body.lower()
            and _found(_BYLINE, _BYLINE_ANYWHERE, body)
        ):
            decide("byline", "wire credit line ('Reporting by ...')")
            continue
        if kind == "official":
            decide("official", "part of an official document (kind 'official')", source)
            seen_prose = True
            continue
        if not seen_prose and headline_like:
            if title and normalise(body) == normalise(title):
                decide("headline", "same as the title in the metadata")
            else:
                decide("headline", HEADLINE)
            seen_prose = True
            continue
        if (
            headline_like
            and i > 0
            and blocks[i - 1].role == "headline"
            and blocks[i - 1].evidence != STANDFIRST
            and not _OFFICIAL_TITLE.match(body)
            and _title_case_share(body) < 0.7
        ):
            # A sentence-case line under the headline is its standfirst (dek): display
            # copy like the headline, not the lede.
            decide("headline", STANDFIRST)
            continue
        if headline_like and _OFFICIAL_TITLE.match(body):
            official_run = _institution(body) or official_run or "official document"
            unintroduced = False
            decide("official", f"official document title: {_snippet(body)}", official_run)
            after_attribution, seen_prose = False, True
            continue
        attribution = _attribution(body)
        if attribution is not None:
            decide("journalist", "attribution line introducing official text", "")
            official_run, after_attribution = attribution or "official document", True
            unintroduced = False
            seen_prose = True
            continue
        if official_run:
            marker = _JOURNALIST_MARKERS.search(body)
            if after_attribution and headline_like:
                decide("official", "title right after an attribution line", official_run)
                after_attribution = False
                continue
            # A readout pasted in without an introduction ends where its paragraphs
            # stop opening on the actors (a title, "They", "The leaders").
            in_voice = not unintroduced or _ACTOR_OPENING.match(body) is not None
            if marker is None and not quoted_with_cue[i] and not headline_like and in_voice:
                decide("official", _continuation_evidence(after_attribution), official_run)
                after_attribution = False
                continue
            if marker is None and body.lstrip()[:1] in OPEN_QUOTES + '"':
                decide(
                    "official",
                    "continues a readout reproduced inside quotation marks",
                    official_run,
                )
                continue
            official_run, after_attribution, unintroduced = "", False, False
        formula = _OPENING_FORMULA.match(body)
        if (
            formula
            and not _JOURNALIST_MARKERS.search(body)
            and _TODAYISH.search(body)
            or (formula and body.lstrip()[:1] in OPEN_QUOTES + '"')
        ):
            official_run = _institution(body) or "official document"
            decide("official", f"readout opening formula: {_snippet(formula.group())}", "")
            seen_prose, unintroduced = True, True
            continue
        quoted_readout = _quoted_readout(body)
        if quoted_readout is not None:
            official_run = quoted_readout or "official document"
            decide("official", "official text reproduced inside quotation marks", quoted_readout)
            seen_prose = True
            continue
        if seen_prose and headline_like and _title_case_share(body) >= 0.7 and n_words >= 3:
            decide("boilerplate", "title-case headline inside the body (a related-article link)")
            continue
        opens_with_quote = body.lstrip()[:1] in OPEN_QUOTES + '"'
        if block.quote_share >= 0.7 or (opens_with_quote and block.quote_share >= 0.5):
            decide("quote", f"{block.quote_share:.0%} of its characters are inside quotation marks")
            seen_prose = True
            continue
        dateline = DATELINE.match(body)
        if dateline:
            decide("journalist", f"wire dateline: {_snippet(dateline.group())}")
        else:
            decide("journalist", "reporter's prose (no other rule applies)")
        seen_prose = True
    return blocks


def _above_the_story(blocks: list[Block]) -> bool:
    """Whether no block of the article's own text comes before: only display copy."""
    return all(b.role in ("headline", "byline", "credit", "boilerplate") for b in blocks)


def _is_caption(text: str, block: Block) -> bool:
    """A short present-tense picture description, the kind that sits above a credit."""
    body = text[block.start : block.end]
    return (
        block.role in ("journalist", "headline", "boilerplate")
        and block.evidence not in (HEADLINE, STANDFIRST)
        and len(_words(body)) <= 60
        and _CAPTION.search(body) is not None
    )


def _attribution(body: str) -> str | None:
    """The source named by a short line introducing official text, or ``None``.

    "From The White House:" gives "White House"; a line naming no institution gives "".
    """
    stripped = body.strip()
    if not stripped.endswith(":") or len(_words(stripped)) > 25:
        return None
    if not _SOURCE_WORDS.search(stripped):
        return None
    return _institution(stripped)


_QUOTED_INTRO = re.compile(
    r"^(?P<intro>[^“\"]{0,200}?(?:statement|readout|release|communiqu[eé]|said|says|reads|read)"
    r"[^“\"]{0,60}?:)\s*[“\"]"
)


def _quoted_readout(body: str) -> str | None:
    """The source of an official text quoted after an introduction, or ``None``.

    'The Kremlin said in a statement: "..."' gives "Kremlin".
    """
    if ":" not in body or ("“" not in body and '"' not in body):
        return None  # most blocks: the pattern needs a colon and then a quotation mark
    match = _QUOTED_INTRO.match(body)
    if not match:
        return None
    intro = match.group("intro")
    source = _institution(intro)
    rest = body[match.end() :]
    if not source and not re.search(r"statement|readout|communiqu|release", intro, re.IGNORECASE):
        return None
    if len(_words(rest)) < 12:
        return None
    return source


def _continuation_evidence(after_attribution: bool) -> str:
    if after_attribution:
        return "first paragraph after an attribution line"
    return "continues the official text (no reporting cue, weekday or outlet named)"


def _snippet(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def sentence_roles(
    blocks: list[Block],
    sentences: list[list[tuple[int, int]]],
    reuse: list[tuple[float, str]] | None = None,
) -> list[tuple[int, int, int, str, str]]:
    """Give each sentence of the blocks a role.

    A sentence takes its block's role, except that a sentence reproducing a
    paired official document word for word is ``official`` wherever it stands.

    Args:
        blocks: An article's blocks, from :func:`classify_blocks`.
        sentences: Each block's sentences, ``(start, end)`` (see :class:`Layout`).
        reuse: For each sentence in order, ``(share, official_id)`` of its words in
            n-grams shared with a paired official document (see :class:`Layout`), if any.

    Returns:
        ``(block_no, start, end, role, source)`` for every sentence.
    """
    shares = iter(reuse or ())
    rows = []
    for block_no, block in enumerate(blocks):
        for start, end in sentences[block_no]:
            role, source = block.role, block.source
            if reuse is not None:
                share, official_id = next(shares)
                if role != "official" and share >= REUSE_SHARE:
                    role, source = "official", official_id
            rows.append((block_no, start, end, role, source))
    return rows
