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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from analysis._arrays import (
    chunks,
    code_points,
    owners,
    python_table,
    ranges,
    string_table,
)
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

__all__ = [
    "Block",
    "paragraph_spans",
    "paragraph_bounds",
    "layout_each",
    "classify_blocks",
    "official_source",
    "ROLE_RULES",
    "RoleState",
    "BlockView",
    "Layout",
    "ReuseCache",
    "reused_shares",
]

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
    rule: str = ""  # the name of the rule in ROLE_RULES that decided the role


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
            (see :func:`analysis._arrays.code_points`).
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
        |read\ more|more|see\ also|also\ read|recommended|trending|most\ read|watch|listen
        |live(?:\ updates|\ blog)?)\s*:
      |^(?:sign\ up|subscribe|share\ (?:this|on|the\ article)|follow\ (?:us|@)|click\ here
        |advertisement|sponsored|our\ standards|copyright|all\ rights\ reserved|skip\ to
        |listen\ to\ this\ article|image\ \d+\ of\ \d+|comments?\b|join\ the\ conversation
        |for\ immediate\ release|\#\#\#|\#\ \#\ \#|opt\ in\ (?:to|here|now)\b|this\ was\ published\ under\b
        |page\ history$)
      |^(?:©|\(c\)\s*\d{4})
      |^(?:\(END\)|END|==\s*\w+|-{2,}|(?:\*\s*){3,}|\((?![A-Z]{2,4}\))\w{2,12}\))$
      |"""
    + _BOILERPLATE_ANYWHERE_ALTERNATIVES,
    re.IGNORECASE | re.VERBOSE,
)
_BOILERPLATE_ANYWHERE = re.compile(_BOILERPLATE_ANYWHERE_ALTERNATIVES, re.IGNORECASE | re.VERBOSE)
_BIO = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+(?:is|was|has been|covers|writes|reports)\s+"
    r"(?:a|an|the|on|for|about)\b"
    # or in the first person: "I was born and raised in ...", "I have covered ..."
    r"|^I\s+(?:was\s+born|grew\s+up|have\s+(?:been|covered|written|reported|worked)|am\s+an?\s"
    r"|cover\s|write\s|joined\s)"
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
    r"FILE\s+PHOTO\b|\(?Photo\b|(?:An?\s+|This\s+)?(?:file|handout|pool)\s+(?:photo|picture|image)\s+(?:shows|taken|of)\b|In\s+this\s+(?:photo|image|file\s+photo|handout|pool\s+photo|video)\b",
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
    r"|^(?:(?:story|article|page)\ )?(?:published|updated|posted|last\ updated|first\ published|modified)\b"
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
    rf"|\b\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?|\b(?:[ap]\.?m\.?|ET|EST|EDT|GMT|"
    r"UTC|BST|CET|CEST|MSK|JST|IST|PT|PST|PDT|at|on|published|updated|posted|last|first|modified"
    r"|source)\b"
    # "/ in 5 years", "/ 2 hours ago": how old the page is, printed beside its date.
    r"|\bin\s+\d+\s+(?:years?|months?|days?|hours?)\b"
    r"|\b\d+\s+(?:years?|months?|days?|hours?|mins?|minutes?)\s+ago\b"
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
# A name may hold the periods of initials and suffixes ("Joseph R. Biden, Jr.").
_NO_SENTENCE_END = r"(?:[^.]|(?<=\b[A-Z])\.|(?<=\bJr)\.|(?<=\bSr)\.)"
_OPENING_FORMULA = re.compile(
    rf"^[“\"]?(?:(?:[A-Z][\w’'.-]+\s+){{0,2}}{_TITLE_OPENER}\b{_NO_SENTENCE_END}{{0,80}}?"
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


# Whole-line furniture: reading times, view counters, section labels and kickers.
_FURNITURE_LINE = re.compile(
    r"""^\W{0,4}\d{1,3}\s*(?:min(?:ute)?s?|m)\.?\s+read\b.*$
      |^[\d\s,.]{1,9}(?:\s*(?:views?|reads?|comments?))?$
      |^(?:press\s+releases?|media\s+cent(?:er|re)|statements?\s*(?:&|and)\s*releases?|news
        |world(?:\s+news)?|politics|business|breaking(?:\s+news)?|exclusive|opinion|analysis
        |live|live\s+updates|live\s+blog|just\s+in|latest(?:\s+news)?|top\s+stories|video|photos
        |read\s+(?:also|more)|also\s+read|see\s+also|related(?:\s+(?:posts|articles|stories
        |news|content|coverage|links))?|more\s+(?:stories|news|on\s+this(?:\s+story)?)
        |recommended(?:\s+for\s+you)?|you\s+may\s+also\s+like|stay\s+connected
        |updates\s+to\s+this\s+page|share(?:\s+this)?|print|email|news\s+story|speech
        |policy\s+paper|guidance|filed\s+under|categories|tags|topics|keywords
        |you\s+might\s+also\s+like)\s*:?$""",
    re.IGNORECASE | re.VERBOSE,
)
# A label under which a list of related links follows.
_RELATED_LABEL = re.compile(
    r"^(?:read\s+(?:also|more)|also\s+read|see\s+also|related(?:\s+\w+)?|more\s+(?:stories|news)"
    r"|recommended(?:\s+for\s+you)?|you\s+may\s+also\s+like)\s*:?\s*$",
    re.IGNORECASE,
)
# "Background:" with nothing after it (not "BEIJING:", a dateline).
_LABEL_ALONE = re.compile(
    r"^(?=.*[a-z])(?!.*\b(?:said|says|added|told|wrote)\b)[A-Z][\w’' ]{0,30}:$"
)
# A news template's labels ("Source: ...", "Details: ..."): the reporter's attribution, not a title.
_TEMPLATE_LABEL = re.compile(r"^(?:Sources?|Via|Details|Background|Context|Quote)\s*:", re.I)
_LABEL_START = re.compile(r"^[A-Z][\w’']*(?:\s+[\w’']+)?\s*:\s")  # "Source: ...", "Details: ..."
# Prompts that speak to the reader: donations, newsletters, sign-ups.
_PROMPT = re.compile(
    r"\b(?:your\s+(?:support|donation|contribution|subscription)|donat(?:e|ion|ions|ing)"
    r"|sign\s+up|subscribe|newsletter|opt\s+in|we['’]ll\s+be\s+in\s+touch|paywalls?"
    r"|support\s+(?:us|our\s+\w+|independent\s+journalism)|become\s+a\s+(?:member|subscriber"
    r"|supporter|patron))\b",
    re.IGNORECASE,
)
# "us" in lower case only: "US" is the United States.
_READER = re.compile(r"\b(?i:you|your|we|our)\b|\bus\b")
_REPORTS = re.compile(rf"[{OPEN_QUOTES}\"]|\b(?:said|says|told|according\s+to)\b")
_OUTLET_VOICE = re.compile(r"\b(?i:we|our)\b|\bus\b")
_SERVICE_NOTICE = re.compile(r"\bhelpline\s+numbers?\b|\btoll[- ]free\s+(?:number|line)\b", re.I)
# A breadcrumb ("Home > News"), a menu of links set apart by wide gaps or bars,
# a menu label, or a link on its own.
_NAVIGATION = re.compile(
    r"^\s*Home\s*(?:>|›|»|/|\|)|(?:\S+\s*(?:>|›|»)\s*){2,}\S+\s*$"
    r"|^(?:[A-Z][\w&’'.-]*(?:\s[\w&’'.-]+){0,3}(?:\s{3,}|\s*\|\s*)){4,}"
    r"|^(?:(?:main|left|right|top|site)\s+)?menu$|^(?:https?://|www\.)\S+$",
    re.IGNORECASE,
)
_WORD3 = re.compile(r"[^\W\d_]{3,}")  # a word of three letters or more
_HASHTAG_LINE = re.compile(r"^#[^\W\d_][\w ]{0,40}$")  # "#World News": a section tag
_CITATION = re.compile(
    r"\bOnline\s+by\s+[A-Z][\w.'’ -]+,\s+(?:The\s+)?[A-Z][\w ]*(?:Project|Archive)"
)
_PHOTO_LABEL = re.compile(
    r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+(?:photo|photograph|image)$"
)
# The office that issues a document, on a line of its own above the title.
_ISSUER = re.compile(
    r"^(?:The\s+)?(?:White\s+House|Kremlin|Downing\s+Street|Élysée(?:\s+Palace)?"
    r"|Office\s+of\s+the\s+[A-Z][\w ]+|(?:[A-Z][\w’']+\s+){0,4}(?:Ministry|Department|Office"
    r"|Press\s+Service|Press\s+Office|Secretariat)(?:\s+of\s+[A-Z][\w’' ]+)?)$"
)
_SPOKESPERSON_SAID = re.compile(
    r"^(?:An?|The)\s+(?:[\w’'.-]+\s+){0,4}(?:spokes(?:man|woman|person)|official)"
    r"\s+(?:said|says)\s*:$"
)
_BULLET = re.compile(r"^\s*(?:[-–—•*·▪►]|\d{1,2}[.)])\s")
_AGENCIES = (
    r"(?:Reuters|REUTERS|AP|AFP|EPA(?:-EFE)?|Getty\s+Images|TASS|Sputnik|Xinhua|ANI|PTI|IANS"
    r"|UNIAN|Ukrinform|Kyodo|Yonhap|dpa|Anadolu(?:\s+Agency)?|Bloomberg|Shutterstock|Pool"
    r"|Kremlin(?:\.ru)?|RIA\s+Novosti|Interfax|AAP|Associated\s+Press|Agence\s+France-Presse)"
)
# A photographer and an agency: "Ana Ruiz | Reuters", "Ana Ruiz. TASS", "Ana Ruiz/AFP".
_NAME_AND_AGENCY = re.compile(
    rf"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{0,3}}\s*(?:\||/|\.|,|–|—)\s*{_AGENCIES}"
    rf"(?:\s*(?:/|via)\s*{_AGENCIES})?\.?$"
)
_AGENCY_LINE = re.compile(
    rf"^(?:[—–-]\s*)?\(?{_AGENCIES}\)?(?:\s+(?:[Ss]taff|[Rr]eporters?|[Cc]orrespondents?))?\.?$"
    r"|^\([A-Z]{2,4}(?:/[A-Z]{2,4})*\)$"
)
_DATELINE_ALONE = re.compile(r"^[A-Z][A-Z .’'-]{2,30}:$")  # "BEIJING:"
_NUMERIC_DATE = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$"
    r"|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?:,?\s+\d{1,2}[:.]\d{2})?$"
)
_TIME_LINE = re.compile(
    r"^\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,5}(?:\s*[+-]\s*\d{1,2}(?::\d{2})?)?)?$"
)
_ROLE_LABEL = re.compile(
    r"^(?:journalist|reporter|author|correspondent|editor|columnist|staff\s+writer|written\s+by)"
    r"\s*:?$",
    re.IGNORECASE,
)
_AUTHOR_LABEL = re.compile(r"^(?:author|written\s+by|about\s+the\s+author)\s*:", re.IGNORECASE)
_ATTRIBUTABLE = re.compile(r"^(?:The\s+)?(?:below|following)\s+(?:is|are)\s+attributable\s+to\b")
_PERSON = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}"
_BARE_NAME = re.compile(r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}$")
# "Ana Ruiz, Political Correspondent", "Ana Ruiz and Li Wei, Example Times".
_NAMES_WITH_ROLE = re.compile(
    rf"^{_PERSON}(?:\s*(?:,|and|&)\s*{_PERSON})*\s*,\s+(?:[A-Z][\w-]*\s+){{0,3}}"
    r"(?:Correspondent|Editor|Reporter|Writer|Journalist|Columnist|Producer|Contributor"
    r"|Bureau\s+Chief|Staff)s?\b[\w ,]*$"
    rf"|^{_PERSON}\s+and\s+{_PERSON},\s+(?:The\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){{0,3}}$"
)
# Titles an official document gives itself (not a news headline's wording).
# Titles an official document gives itself, in the issuer's wording and case ("Phone
# call between Biden and Xi 'candid', White House says" is a news headline).
_DOCUMENT_TITLE = re.compile(
    r"^(?:Readout\s+of|READOUT\s+OF|Joint\s+Readout|(?:Joint\s+)?Statement\s+(?:by|from|of)\s+"
    r"(?:the\s+)?[A-Z]|Statement\s+on\s+(?:the\s+)?(?:PM|Prime\s+Minister)['’]s\s+(?:call|meeting)"
    r"|[Tt]elephone\s+(?:[Cc]onversation|[Cc]all|[Tt]alks)\s+(?:with|between)\b"
    r"|(?:PM|Prime\s+Minister)['’]?s?\s+(?:phone\s+)?(?:call|conversation|meeting)\s+with\b"
    r"|Secretary\s+\w+['’]s\s+(?:Phone\s+)?(?:Call|Meeting)\s+[Ww]ith|Press\s+Release\b"
    r"|Remarks\s+by\s+(?:the\s+)?(?:President|Prime\s+Minister|Vice\s+President|Secretary))"
)
# A headline that reports: a quotation or a speech verb ("..., White House says").
_REPORTING_TITLE = re.compile(r"[“”\"]|(?:^|\s)[‘'](?=\w)|\b(?:says|said|tells|told|claims)\b")


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


# --- the role rules, a table --------------------------------------------------------


@dataclass
class RoleState:
    """What the role rules remember from one block to the next.

    Attributes:
        seen_prose: The story itself (a journalist or official block) has begun.
        official_run: The source of the official text being reproduced, if inside one.
        after_attribution: The block before introduced official text ("From The White House:").
        unintroduced: The official run began with no attribution line or title.
        official_document: The document is an official text: its kind says so, or
            its title is an official document's ("Readout of ...", "Telephone
            conversation with ...").
        standfirst: A standfirst has been found (a story has one at most).
        related_list: Inside a list of related links under a label ("Read also").
        author_box: Inside an author box after the story ("Author: ...", a bio).
        prompt_run: Inside a prompt to the reader (a donation appeal over paragraphs).
    """

    seen_prose: bool = False
    official_run: str = ""
    after_attribution: bool = False
    unintroduced: bool = False
    official_document: bool = False
    standfirst: bool = False
    related_list: bool = False
    author_box: bool = False
    prompt_run: bool = False


@dataclass
class BlockView:
    """One block as the role rules see it: its words, its neighbours, the article's facts."""

    text: str
    blocks: list[Block]
    i: int
    body: str
    first_line: str
    n_words: int
    headline_like: bool
    kind: str
    title: str
    source: str
    quoted_with_cue: bool
    reuse: tuple[float, str] | None
    state: RoleState
    quoted_source: str = ""  # the institution or document its main quotation is from

    @property
    def block(self) -> Block:
        """The block being decided."""
        return self.blocks[self.i]

    @property
    def last(self) -> int:
        """The number of the article's last block."""
        return len(self.blocks) - 1

    def body_of(self, k: int) -> str:
        """The text of block ``k``, or "" past either end."""
        if not 0 <= k < len(self.blocks):
            return ""
        return self.text[self.blocks[k].start : self.blocks[k].end]

    def decide(self, role: str, evidence: str, source: str = "") -> bool:
        """Set the block's role, evidence and source; True, so a rule can return it."""
        block = self.block
        block.role, block.evidence, block.source = role, evidence, source
        return True

    def prose(self, role: str, evidence: str, source: str = "") -> bool:
        """Decide a block of the story itself: the story has begun."""
        self.state.seen_prose = True
        self.state.related_list = self.state.prompt_run = False
        return self.decide(role, evidence, source)


def _reused(b: BlockView) -> bool:
    if b.reuse is None or b.reuse[0] < REUSE_SHARE:
        return False
    share, official_id = b.reuse
    b.block.reused = True
    return b.prose(
        "official",
        f"{share:.0%} of its words are in word {REUSE_N}-grams shared with "
        f"official document {official_id}",
        official_id,
    )


def _no_words(b: BlockView) -> bool:
    """Symbols and numbers that are not a date or time: page controls, counters."""
    if b.n_words <= 8 and not _WORD3.search(b.body):
        return b.decide("boilerplate", "no words, only symbols and numbers (page controls)")
    return False


def _furniture(b: BlockView) -> bool:
    body, n_words = b.body, b.n_words
    if n_words <= 60 and _found(_BOILERPLATE, _BOILERPLATE_ANYWHERE, b.first_line):
        b.state.related_list = _RELATED_LABEL.match(b.first_line) is not None
        return b.decide("boilerplate", f"site furniture: starts {_snippet(b.first_line)}")
    if n_words <= 6:
        line = body.strip()
        if _HASHTAG_LINE.match(line):
            return b.decide("boilerplate", f"section tag: {_snippet(body)}")
        if _FURNITURE_LINE.match(line):
            b.state.related_list = _RELATED_LABEL.match(line) is not None
            return b.decide("boilerplate", f"site furniture line: {_snippet(body)}")
        if n_words <= 3 and _LABEL_ALONE.match(line) and not _SOURCE_WORDS.search(body):
            return b.decide("boilerplate", f"a template label on its own: {_snippet(body)}")
    if n_words <= 40 and _may_navigate(body, n_words) and _NAVIGATION.search(body):
        return b.decide("boilerplate", "site navigation (a breadcrumb, a menu or a bare link)")
    if n_words <= 90 and (b.state.prompt_run or _may_prompt(body)):
        # A prompt speaks to the reader and reports nothing: no quotation, no speech cue.
        reports = _REPORTS.search(body) is not None
        prompt = None if reports else _PROMPT.search(body)
        if prompt and _READER.search(body):
            b.state.prompt_run = True
            return b.decide("boilerplate", f"a prompt to the reader: {_snippet(prompt.group())}")
        if b.state.prompt_run and not reports and _OUTLET_VOICE.search(body):
            return b.decide("boilerplate", "continues a prompt to the reader (the outlet as 'we')")
    b.state.prompt_run = False
    if n_words <= 80 and "Online" in body and _CITATION.search(body):
        return b.decide("boilerplate", "citation line of an archive ('... Online by ...')")
    if n_words <= 40 and ("elpline" in body or "oll" in body) and _SERVICE_NOTICE.search(body):
        return b.decide("boilerplate", "a service notice (helpline numbers)")
    return False


def _may_navigate(body: str, n_words: int) -> bool:
    """A cheap test before :data:`_NAVIGATION`: each of its forms needs one of these."""
    if "\n" in body.strip():
        return False
    return (
        n_words <= 3
        or any(mark in body for mark in (">", "›", "»", "|", "/", "   ", "\t"))
        or body.lstrip()[:4].lower() in ("http", "www.")
    )


# Every _PROMPT alternative holds one of these (lower-cased): a cheap test first.
_PROMPT_HINTS = (
    "support",
    "donat",
    "contribution",
    "subscri",
    "sign",
    "newsletter",
    "opt",
    "touch",
    "paywall",
    "become",
)


def _may_prompt(body: str) -> bool:
    low = body.lower()
    return any(hint in low for hint in _PROMPT_HINTS)


def _related_list(b: BlockView) -> bool:
    """Links listed under a "Read also" label: short lines, bulleted or headline-like."""
    if not b.state.related_list:
        return False
    if b.n_words <= 30 and (_BULLET.match(b.body) or b.headline_like):
        return b.decide("boilerplate", "a related link in the list under a 'Read also' label")
    b.state.related_list = False
    return False


def _author_box(b: BlockView) -> bool:
    """After the story, an author line opens a box of bio lines ("Graduated from ...")."""
    if not b.state.author_box:
        return False
    if b.n_words <= 60:
        return b.decide("boilerplate", "author box after the story (bio under an author line)")
    b.state.author_box = False
    return False


def _bio(b: BlockView) -> bool:
    if b.kind == "news" and b.i >= b.last - 2 and b.n_words <= 60 and _BIO.match(b.body):
        return b.decide(
            "boilerplate", "author bio near the end ('<Name> is a ...', 'I was born ...')"
        )
    return False


def _embed(b: BlockView) -> bool:
    if b.n_words > 120 or not any(h in b.body for h in _EMBED_HINTS):
        return False
    found = _EMBED.search(b.body)
    if not found:
        return False
    b.decide("embed", f"social-media post: {_snippet(found.group())}")
    if _TWEET_SIGNATURE.match(b.body) and b.i > 0:
        prev = b.blocks[b.i - 1]
        if prev.role in ("journalist", "quote") and len(_words(b.body_of(b.i - 1))) <= 60:
            prev.role, prev.source = "embed", ""
            prev.evidence = "tweet text directly above its signature line"
    return True


def _credit(b: BlockView) -> bool:
    if b.n_words > 80:
        return False
    body = b.body
    credit = _CREDIT_START.match(body) or (
        _CREDIT.search(body) if any(h in body for h in _CREDIT_HINTS) else None
    )
    if credit and (b.n_words <= 40 or _CAPTION.search(body)):
        b.decide("credit", f"photo/video credit or caption: {_snippet(credit.group())}")
        if b.i > 0 and _is_caption(b.text, b.blocks[b.i - 1]):
            prev = b.blocks[b.i - 1]
            prev.role, prev.source = "credit", ""
            prev.evidence = "caption directly above a photo credit"
        return True
    if (
        not b.state.seen_prose
        and b.n_words <= 60
        and body.rstrip().endswith(".")
        and _CAPTION.search(body)
        and _DATE_ANY.search(body)
        and _headline_like(b.body_of(b.i + 1))
    ):
        # A picture's caption printed above the headline: the headline is the next line.
        return b.decide("credit", "a picture caption above the headline")
    if b.n_words <= 6 and _PHOTO_LABEL.match(body.strip()):
        return b.decide("credit", f"a picture's label: {_snippet(body)}")
    if b.n_words <= 10 and _NAME_AND_AGENCY.match(body.strip()):
        return b.decide("credit", f"photographer and agency: {_snippet(body)}")
    return False


def _byline(b: BlockView) -> bool:
    body, first_line, n_words = b.body.strip(), b.first_line, b.n_words
    if n_words > 25:
        return False
    if _found(_BYLINE, _BYLINE_ANYWHERE, first_line) or _date_line(body):
        return _author_line(b, "author or date line")
    if n_words <= 8 and _AUTHOR_LABEL.match(body):
        return _author_line(b, "author line ('Author: ...')")
    if n_words <= 20 and _NAMES_WITH_ROLE.match(body):
        return _author_line(b, "author line: names with their role or outlet")
    if n_words <= 20 and _names_and_date(body):
        return _author_line(b, "author line: names and a date")
    if n_words <= 6 and (_NUMERIC_DATE.match(body) or _TIME_LINE.match(body)):
        return b.decide("byline", "date or time line")
    if n_words <= 4 and (_AGENCY_LINE.match(body) or _DATELINE_ALONE.match(body)):
        return b.decide("byline", "agency or dateline on a line of its own")
    if n_words <= 3 and _ROLE_LABEL.match(body):
        return b.decide("byline", f"author label: {_snippet(body)}")
    if n_words <= 25 and _ATTRIBUTABLE.match(body):
        return b.decide("byline", "names the spokesperson the statement is attributable to")
    if (
        n_words <= 4
        and _BARE_NAME.match(body)
        and b.i > 0
        and _above_the_story(b.blocks[: b.i])
        and b.blocks[b.i - 1].role in ("headline", "byline")
    ):
        return b.decide("byline", "a name alone above the story (the author)")
    if n_words <= 3 and _BARE_NAME.match(body) and _date_line(b.body_of(b.i + 1).strip()):
        return b.decide("byline", "place line above a date line")
    if n_words <= 8 and _ISSUER.match(body) and _above_the_story(b.blocks[: b.i]):
        following = (b.body_of(k) for k in range(b.i + 1, min(b.i + 3, b.last + 1)))
        if b.state.official_document or any(_DOCUMENT_TITLE.match(f) for f in following):
            return b.decide("byline", "the office that issued the document, above its title")
    if b.state.official_document and n_words <= 12 and _SPOKESPERSON_SAID.match(body):
        return b.decide("byline", "names the spokesperson the document is attributable to")
    if (
        n_words <= 20
        and " in " in body
        and _NAMED_IN_PLACE.match(body)
        and _above_the_story(b.blocks[: b.i])
    ):
        return b.decide("byline", "names and places above the story ('<Name> in <Place>')")
    if "reporting by" in body.lower() and _found(_BYLINE, _BYLINE_ANYWHERE, body):
        return b.decide("byline", "wire credit line ('Reporting by ...')")
    return False


def _author_line(b: BlockView, evidence: str) -> bool:
    """A byline; one after the story opens an author box ("Author: ..." then a bio)."""
    if b.state.seen_prose and _AUTHOR_LABEL.match(b.body):
        b.state.author_box = True
    return b.decide("byline", evidence)


def _official_document(b: BlockView) -> bool:
    """An official document's own text: its title and highlights, then its body."""
    if not b.state.official_document:
        return False
    if not b.state.seen_prose:
        if b.headline_like:
            return b.decide("headline", "title or highlight of an official document")
        if _repeated_by_next(b):
            return b.decide("headline", "summary repeated as the document's first paragraph")
    unpunctuated = not b.body.rstrip().endswith((".", "!", "?", '"', "”", ":"))
    if b.n_words <= 6 and unpunctuated and _only_short_lines_follow(b):
        return b.decide("boilerplate", "short lines after the document's body (site furniture)")
    evidence = "part of an official document"
    evidence += " (kind 'official')" if b.kind == "official" else " (its title says so)"
    return b.prose("official", evidence, b.source)


def _headline(b: BlockView) -> bool:
    if b.state.seen_prose:
        return False
    if not (b.headline_like or _short_first_line(b)) or _TEMPLATE_LABEL.match(b.body):
        return False
    if b.kind == "news" and _document_title(b.body):
        # A readout or statement in a file of its own, its kind not given.
        b.state.official_document = True
        return b.decide("headline", f"title of an official document: {_snippet(b.body)}")
    if b.title and normalise(b.body) == normalise(b.title):
        evidence = "same as the title in the metadata"
    elif b.headline_like:
        evidence = HEADLINE
    else:
        evidence = "first short line, above the story's bylines and dates"
    b.state.seen_prose = True
    return b.decide("headline", evidence)


def _standfirst(b: BlockView) -> bool:
    """A sentence-case line under the headline is its standfirst (dek): display copy."""
    if b.state.standfirst or not b.headline_like or b.i == 0:
        return False
    above = [k for k in range(b.i) if b.blocks[k].role not in ("byline", "credit", "boilerplate")]
    if not above or [b.blocks[k].role for k in above] != ["headline"] * len(above):
        return False
    if _OFFICIAL_TITLE.match(b.body) or _title_case_share(b.body) >= 0.7:
        return False
    b.state.standfirst = True
    return b.decide("headline", STANDFIRST)


def _repeated_headline(b: BlockView) -> bool:
    """A page that prints its headline twice (above and below a date line)."""
    if not b.headline_like or b.n_words < 3:
        return False
    mine = normalise(b.body)
    for k in range(b.i):
        if b.blocks[k].role == "headline" and normalise(b.body_of(k)).startswith(mine):
            return b.decide("headline", "the headline, printed again")
    return False


def _official_title(b: BlockView) -> bool:
    if not (b.headline_like and _OFFICIAL_TITLE.match(b.body)):
        return False
    if b.kind == "news" and _document_title(b.body) and _above_the_story(b.blocks[: b.i]):
        # Under a kicker or an issuing office, with no story above: a document of its own.
        b.state.official_document = True
        return b.decide("headline", f"title of an official document: {_snippet(b.body)}")
    state = b.state
    state.official_run = _institution(b.body) or state.official_run or "official document"
    state.unintroduced = state.after_attribution = False
    return b.prose("official", f"official document title: {_snippet(b.body)}", state.official_run)


def _attribution_line(b: BlockView) -> bool:
    attribution = _attribution(b.body)
    if attribution is None:
        return False
    state = b.state
    state.official_run, state.after_attribution = attribution or "official document", True
    state.unintroduced = False
    return b.prose("journalist", "attribution line introducing official text")


def _official_run(b: BlockView) -> bool:
    """Inside official text reproduced in the article: does this block go on with it?"""
    state = b.state
    if not state.official_run:
        return False
    marker = _JOURNALIST_MARKERS.search(b.body)
    if state.after_attribution and b.headline_like:
        state.after_attribution = False
        return b.decide("official", "title right after an attribution line", state.official_run)
    # A readout pasted in without an introduction ends where its paragraphs
    # stop opening on the actors (a title, "They", "The leaders").
    in_voice = not state.unintroduced or _ACTOR_OPENING.match(b.body) is not None
    if marker is None and not b.quoted_with_cue and not b.headline_like and in_voice:
        evidence = _continuation_evidence(state.after_attribution)
        state.after_attribution = False
        return b.decide("official", evidence, state.official_run)
    if marker is None and b.body.lstrip()[:1] in OPEN_QUOTES + '"':
        return b.decide(
            "official", "continues a readout reproduced inside quotation marks", state.official_run
        )
    state.official_run, state.after_attribution, state.unintroduced = "", False, False
    return False


def _opening_formula(b: BlockView) -> bool:
    body = b.body
    formula = _OPENING_FORMULA.match(body)
    if not formula:
        return False
    quoted = body.lstrip()[:1] in OPEN_QUOTES + '"'
    if not quoted and (_JOURNALIST_MARKERS.search(body) or not _TODAYISH.search(body)):
        return False
    b.state.official_run = _institution(body) or "official document"
    b.state.unintroduced = True
    if _above_the_story(b.blocks[: b.i]) and b.kind == "news":
        # The document opens on the formula, with no headline: a readout in its own file.
        b.state.official_document = True
    return b.prose("official", f"readout opening formula: {_snippet(formula.group())}")


def _quoted_official(b: BlockView) -> bool:
    quoted_readout = _quoted_readout(b.body)
    if quoted_readout is None:
        return False
    b.state.official_run = quoted_readout or "official document"
    return b.prose("official", "official text reproduced inside quotation marks", quoted_readout)


def _related_link(b: BlockView) -> bool:
    if not (b.state.seen_prose and b.headline_like and b.n_words >= 3):
        return False
    if _title_case_share(b.body) < 0.7 or _LABEL_START.match(b.body):
        return False
    return b.decide("boilerplate", "title-case headline inside the body (a related-article link)")


def _quote(b: BlockView) -> bool:
    share = b.block.quote_share
    opens_with_quote = b.body.lstrip()[:1] in OPEN_QUOTES + '"'
    if share >= 0.7 or (opens_with_quote and share >= 0.5):
        if b.quoted_source:
            return b.prose(
                "official",
                f"{share:.0%} of it is quoted, from an institution or a document: "
                f"{_snippet(b.quoted_source)}",
                b.quoted_source,
            )
        return b.prose("quote", f"{share:.0%} of its characters are inside quotation marks")
    return False


def _journalist(b: BlockView) -> bool:
    dateline = DATELINE.match(b.body)
    if dateline:
        return b.prose("journalist", f"wire dateline: {_snippet(dateline.group())}")
    return b.prose("journalist", "reporter's prose (no other rule applies)")


ROLE_RULES: tuple[tuple[str, Callable[[BlockView], bool]], ...] = (
    ("reused from a paired document", _reused),
    ("site furniture", _furniture),
    ("author box", _author_box),
    ("author bio", _bio),
    ("social-media embed", _embed),
    ("photo credit or caption", _credit),
    ("byline", _byline),
    ("no words", _no_words),
    ("related-links list", _related_list),
    ("official document", _official_document),
    ("headline", _headline),
    ("standfirst", _standfirst),
    ("headline repeated", _repeated_headline),
    ("official document title", _official_title),
    ("attribution line", _attribution_line),
    ("continues official text", _official_run),
    ("readout opening formula", _opening_formula),
    ("official text in quotation marks", _quoted_official),
    ("related-article link", _related_link),
    ("quotation block", _quote),
    ("journalist", _journalist),
)
"""The role rules in the order they are tried: the first that decides a block wins.

Each takes a :class:`BlockView`, and when it applies, sets the block's role,
evidence and source (and what the rules after it need to remember, in the
view's :class:`RoleState`) and returns True. To add a rule, write one such
function and put it in its place here.
"""


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
    quoted_source: list[str] | None = None,
    rules: tuple[tuple[str, Callable[[BlockView], bool]], ...] = ROLE_RULES,
) -> list[Block]:
    """Give every block a role, a source and the evidence for the decision.

    Args:
        text: The article text.
        spans: The blocks' ``(start, end)``, from :func:`paragraph_spans`.
        kind: ``news`` or ``official``; an official document's title and
            highlights are ``headline``, its body ``official``, its furniture
            (date and author lines, sign-up prompts, end marks) byline or boilerplate.
        quote_share: For each block, the share of its characters inside quotation marks.
        quoted_with_cue: For each block, whether it holds a quotation with a speech cue.
        reuse: For each block, ``(share, official_id)`` of its words in n-grams
            shared with a paired official document (:func:`reused_shares`), if any.
        title: The article's title from its metadata, if any.
        source: Who speaks in an official document (its outlet), for ``source``.
        quoted_source: For each block, the institution or document its longest
            quotation is attributed to ("" for a person, or none).
        rules: The rule table (:data:`ROLE_RULES`).

    Returns:
        One :class:`Block` per span; its ``rule`` names the rule that decided it.
    """
    quote_share = quote_share or [0.0] * len(spans)
    quoted_with_cue = quoted_with_cue or [False] * len(spans)
    blocks = [Block(lo, hi, quote_share=quote_share[i]) for i, (lo, hi) in enumerate(spans)]
    state = RoleState(official_document=kind == "official")
    # One view, moved from block to block: the rules see the block it points at.
    view = BlockView(text, blocks, 0, "", "", 0, False, kind, title, source, False, None, state)
    for i, block in enumerate(blocks):
        body = text[block.start : block.end]
        n_words = len(body.split())
        view.i, view.body, view.n_words = i, body, n_words
        view.first_line = body.splitlines()[0] if body else ""
        view.headline_like = _headline_like(body, n_words)
        view.quoted_with_cue = quoted_with_cue[i]
        view.reuse = reuse[i] if reuse is not None else None
        view.quoted_source = quoted_source[i] if quoted_source is not None else ""
        for name, rule in rules:
            if rule(view):
                block.rule = name
                break
    return blocks


def _short_first_line(b: BlockView) -> bool:
    """A one-sentence first line that ends with a period, with bylines or dates under it."""
    if b.n_words > 25 or "\n" in b.body or b.body.count(". ") > 0:
        return False
    below = b.body_of(b.i + 1).strip()
    return (
        bool(below)
        and len(below.split()) <= 6
        and (_date_line(below) or bool(_NUMERIC_DATE.match(below)) or bool(_BYLINE.match(below)))
    )


# The government bodies and documents whose quoted words are official text; news
# agencies, outlets, parties and people are not ("AP", "Washington Post", "House
# Speaker ...").
_OFFICIAL_SPEAKER = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:[\w’'.-]+\s+){0,4}(?:statement|readout|release|communiqu[eé]"
    r"|declaration|press\s+release)\b"
    r"|^(?:the\s+)?(?:White\s+House|Kremlin|Downing\s+Street|Élysée(?:\s+Palace)?|Pentagon"
    r"|State\s+Department)$"
    r"|^(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){0,4}(?:Ministry|Department|Office|Government|Embassy"
    r"|Presidency|Cabinet|Secretariat|Press\s+Service|Commission)(?:\s+of\s+[A-Z][\w’' ]+)?$"
    r"|^(?:the\s+)?(?:Ministry|Department|Office)\s+of\s+[A-Z][\w’' ]+$",
    re.IGNORECASE,
)


def official_source(speaker: str) -> bool:
    """Whether a quotation's speaker is a government body or an official document.

    >>> official_source("Kremlin"), official_source("the statement"), official_source("AP")
    (True, True, False)
    >>> official_source("Washington Post"), official_source("Foreign Ministry of India")
    (False, True)
    """
    return bool(speaker) and _OFFICIAL_SPEAKER.match(speaker) is not None


def _document_title(text: str) -> bool:
    """An official document's own title: its wording, and no quotation or speech verb."""
    return _DOCUMENT_TITLE.match(text) is not None and not _REPORTING_TITLE.search(text)


def _only_short_lines_follow(b: BlockView, words: int = 6) -> bool:
    """Whether every block after this one is a line of at most ``words`` words."""
    return all(len(_words(b.body_of(k))) <= words for k in range(b.i + 1, b.last + 1))


def _repeated_by_next(b: BlockView) -> bool:
    below = b.body_of(b.i + 1)
    return bool(below) and normalise(below).startswith(normalise(b.body))


def _names_and_date(text: str) -> bool:
    """Names and a date, nothing else: "Ana Ruiz, Li Wei • 31 December 2021 14:05"."""
    if not _DIGIT.search(text) or not _DATE_ANY.search(text):
        return False
    rest = _DATE_LINE_FILLER.sub(" ", text).split()
    return 0 < len(rest) <= 6 and all(w[:1].isupper() for w in rest)


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
