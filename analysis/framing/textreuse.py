"""Text reuse per (news article, official document): n-gram containment, copied runs, class.

Word 3-gram containment in both directions (as in the METER project, Clough et
al. 2002), coverage by shared character runs of 15 or more (as Churnalism did),
the longest shared runs, and METER's derivation class: *wholly derived* from a
containment of 0.6, *partially derived* from 0.15, else *non-derived*. These
numbers are the defaults of :class:`~analysis.framing.rules.ReuseRules`
(``ngram``, ``min_run_chars``, ``wholly_derived``, ``partially_derived``).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from analysis._arrays import count_runs, number, ranges, tokens
from analysis.corpus import Corpus
from analysis.framing.rules import ReuseRules
from analysis.framing.sentences import units
from analysis.parallel import balanced_parts, fork_map, process_count
from analysis.text import Normalised

__all__ = ["REUSE_COLUMNS", "derivation_class", "reuse"]

REUSE_BATCH_SENTENCES = 50_000  # journalist sentences per batch of reuse(): bounds its memory
PARALLEL_MIN_SENTENCES = 100_000  # from here, reuse() shares its batches between two processes
REUSE_COLUMNS = [
    "news_id", "official_id", "link", "news_words", "official_words", "containment_news",
    "containment_official", "run_coverage", "official_run_coverage", "runs", "longest_run",
    "longest_start", "longest_end", "derivation",
]  # fmt: skip


def _word_tokens(
    texts: pd.Series, memo: Normalised | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    r"""Word tokens (``re``'s ``\w+``) of every text, with offsets, normalised.

    ``memo`` normalises each distinct word once for all of reuse's batches.

    Returns:
        ``(row, start, end, codes)``: the text each token is in, its offsets within
        that text, and the code of its :func:`~analysis.text.normalise` form.
    """
    row, start, end, forms = tokens(texts.tolist(), r"\w")
    form_codes, distinct = number(forms.chunks)
    memo = Normalised() if memo is None else memo
    codes_of_form, _ = pd.factorize(np.asarray([memo[f] for f in distinct], dtype=object))
    return row, start, end, codes_of_form[form_codes].astype(np.int64)


def _split_counts(texts: pd.Series) -> np.ndarray:
    """``len(text.split())`` of every text: runs of non-space, counted over code points."""
    return count_runs(texts.tolist(), r"\S")


def _run_lengths(
    codes: np.ndarray,
    news_at: np.ndarray,
    against: np.ndarray,
    token_row: np.ndarray,
    official_at: np.ndarray,
    stream: np.ndarray,
) -> np.ndarray:
    """For each news position, the longest run of words from it found in an official stream.

    A run stays within its news sentence but may cross the official document's
    sentences, as in the joined official text. Runs grow a word per round: the
    n words from every position still matching get exact ids, shared by both
    sides, by numbering (id of the first n - 1 words, next word) pairs. The rounds
    last as long as the longest run; each handles only positions still matching.

    Args:
        codes: Word codes of the whole token stream.
        news_at: The token each news position starts at (a token compared with two
            official documents appears twice).
        against: The official stream each news position is compared with.
        token_row: Each token's sentence.
        official_at: The tokens of the official streams.
        stream: Each token's stream.

    Returns:
        The run length in words at each news position (0: its word is not there).
    """
    length = np.zeros(len(news_at), dtype=np.int64)
    v = np.int64(codes.max() + 1 if len(codes) else 1)
    alive = np.arange(len(news_at))
    news_key = against * v + codes[news_at]
    official_key = stream[official_at] * v + codes[official_at]
    k = 0
    while len(alive):
        ids = _numbered(np.concatenate([news_key, official_key]))
        news_ids, official_ids = ids[: len(news_key)], ids[len(news_key) :]
        distinct = int(ids.max()) + 1 if len(ids) else 0
        in_official = np.zeros(distinct, dtype=bool)
        in_official[official_ids] = True
        matched = in_official[news_ids]
        alive, news_ids = alive[matched], news_ids[matched]
        if not len(alive):
            break
        k += 1
        length[alive] = k
        in_news = np.zeros(distinct, dtype=bool)
        in_news[news_ids] = True
        kept = in_news[official_ids]
        official_at, official_ids = official_at[kept], official_ids[kept]
        # The next word: within the news sentence, within the official document.
        nxt = news_at[alive] + k
        ok = nxt < len(codes)
        ok[ok] = token_row[nxt[ok]] == token_row[news_at[alive[ok]]]
        alive, news_key = alive[ok], news_ids[ok] * v + codes[nxt[ok]]
        nxt = official_at + k
        ok = nxt < len(codes)
        ok[ok] = stream[nxt[ok]] == stream[official_at[ok]]
        official_at, official_key = official_at[ok], official_ids[ok] * v + codes[nxt[ok]]
    return length


def _greedy_starts(run: np.ndarray, segment_start: np.ndarray) -> np.ndarray:
    """Positions a left-to-right walk visits, jumping over each run it takes.

    Every segment (a news sentence within a pair) is walked at once, from its
    first position: the walk moves ``max(run, 1)`` positions at a time.

    Returns:
        A mask of the positions visited.
    """
    if not len(run):
        return np.zeros(0, dtype=bool)
    firsts = np.flatnonzero(segment_start)
    segment_end = np.repeat(np.r_[firsts[1:], len(run)], np.diff(np.r_[firsts, len(run)]))
    visited = np.zeros(len(run), dtype=bool)
    current = firsts
    while len(current):
        visited[current] = True
        nxt = current + np.maximum(run[current], 1)
        current = nxt[nxt < segment_end[current]]
    return visited


def reuse(
    corpus: Corpus,
    frame: pd.DataFrame | None = None,
    *,
    rules: ReuseRules = ReuseRules(),  # noqa: B008 - frozen, so one shared default is safe
) -> pd.DataFrame:
    """Text reuse per (news article, official document) pair.

    Each side's text is its document's ``units`` sentences, in order. All pairs are
    measured together on one token stream, with no loop over pairs or words: n-gram
    sets are compared by exact ids, and shared runs grow a word per round for every
    position still matching (:func:`_run_lengths`). Runs are taken greedily, as
    Churnalism did: at each word, the longest run found in the official text, and
    the search goes on after it.

    Args:
        corpus: The loaded corpus.
        frame: The sentences from :func:`~analysis.framing.units` (computed if not given).
        rules: The n-gram size, run length and class cut-offs (:class:`ReuseRules`).

    Returns:
        One row per pair: ``containment_news`` (share of the journalist text's
        n-grams found in the official text), ``containment_official`` (the
        reverse), ``run_coverage`` (share of the journalist text's characters in
        shared runs of ``min_run_chars``+ characters), ``official_run_coverage``
        (share of the official text's characters found in the article's runs),
        ``longest_run`` (its text) with ``longest_start``/``longest_end``
        offsets into the article, ``runs`` (how many), and ``derivation``.
    """
    frame = units(corpus) if frame is None else frame
    pairs = corpus.pairs.reset_index(drop=True)
    article_text = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    # Pairs in batches of about REUSE_BATCH_SENTENCES journalist sentences: memory
    # then grows with the batch, not the corpus. Pairs are independent of each other.
    rows_of = frame.groupby(["side", "doc_id"], sort=False).indices
    none = np.zeros(0, dtype=np.int64)
    news_rows = [rows_of.get(("journalist", news_id), none) for news_id in pairs["news_id"]]
    sizes = np.fromiter(map(len, news_rows), np.int64, len(news_rows))
    batch = (np.cumsum(sizes) - sizes) // REUSE_BATCH_SENTENCES
    batches = list(zip(*_runs_of(batch), strict=True))
    # Batches are independent: a large corpus's are shared between two processes.
    weights = np.array([sizes[lo:hi].sum() for lo, hi in batches], dtype=np.int64)
    parts = balanced_parts(weights, process_count(int(sizes.sum()), PARALLEL_MIN_SENTENCES))
    inputs = _ReuseInputs(pairs, frame, rows_of, news_rows, article_text)
    # The rules go to each worker as an argument: what a worker measures is what it is given.
    done = fork_map(lambda k: _reuse_batches(inputs, batches[slice(*parts[k])], rules), len(parts))
    return pd.DataFrame([row for part in done for row in part], columns=REUSE_COLUMNS)


class _ReuseInputs(NamedTuple):
    """What every batch of :func:`reuse` reads: the pairs, the sentences, and where they are."""

    pairs: pd.DataFrame  # the corpus's pairs, numbered from 0
    frame: pd.DataFrame  # the ``units`` sentences
    rows_of: dict  # (side, doc_id) -> its rows of ``frame``
    news_rows: list[np.ndarray]  # per pair, its news article's journalist rows
    article_text: dict[str, str]


def _reuse_batches(
    inputs: _ReuseInputs, batches: list[tuple[int, int]], rules: ReuseRules
) -> list[dict]:
    """:func:`reuse`'s rows for some batches of pairs (``(start, stop)`` of each)."""
    none = np.zeros(0, dtype=np.int64)
    records: list[dict] = []
    memo = Normalised()
    for lo, hi in batches:
        chunk = inputs.pairs.iloc[lo:hi]
        officials = chunk["official_id"].unique()
        official_rows = [inputs.rows_of.get(("official", o), none) for o in officials]
        wanted = _sorted_unique(np.concatenate([none, *inputs.news_rows[lo:hi], *official_rows]))
        records.extend(
            _reuse_records(chunk, inputs.frame.iloc[wanted], inputs.article_text, memo, rules)
        )
    return records


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique`` by sorting: NumPy 2.4's own is ~80x slower on millions of int64."""
    values = np.sort(values)
    return values[np.r_[True, values[1:] != values[:-1]]] if len(values) else values


def _numbered(values: np.ndarray) -> np.ndarray:
    """Number equal values alike, 0 to distinct - 1, in order of value.

    Like ``pd.factorize`` but in order of value, and about 4x faster on the millions
    of keys :func:`_run_lengths` numbers each round: each value is packed with its
    position into one int64, so one sort (NumPy's vectorised sort of plain numbers)
    gives both the order and the values; an argsort would take 10x as long.
    """
    size = len(values)
    if not size:
        return np.zeros(0, dtype=np.int64)
    low = values.min()
    shift = max(size - 1, 1).bit_length()
    if (int(values.max()) - int(low)).bit_length() + shift > 63:  # no room for the position
        codes, distinct = pd.factorize(values)
        rank = np.empty(len(distinct), dtype=np.int64)
        rank[np.argsort(distinct)] = np.arange(len(distinct))
        return rank[codes]
    packed = ((values - low) << shift) | np.arange(size, dtype=np.int64)
    packed.sort()
    value = packed >> shift
    first = np.empty(size, dtype=bool)
    first[0] = True
    np.not_equal(value[1:], value[:-1], out=first[1:])
    numbered = np.empty(size, dtype=np.int64)
    numbered[packed & ((1 << shift) - 1)] = np.cumsum(first) - 1
    return numbered


def _runs_of(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and stop of each run of equal consecutive values."""
    if not len(values):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    return starts, np.r_[starts[1:], len(values)]


def _reuse_records(
    pairs: pd.DataFrame,
    frame: pd.DataFrame,
    article_text: dict[str, str],
    memo: Normalised,
    rules: ReuseRules,
) -> list[dict]:
    """:func:`reuse`'s rows for some pairs, from the ``units`` rows of their documents."""
    pairs = pairs.reset_index(drop=True)
    docs = pd.Index(pd.unique(frame["doc_id"]))
    # A stream per (side, document): news 0..d-1, official d..2d-1; 2d is empty, for
    # a document with no sentences on that side.
    d = len(docs)
    row_stream = docs.get_indexer(frame["doc_id"]) + np.where(frame["side"] == "official", d, 0)
    order = np.argsort(row_stream, kind="stable")  # streams together, sentences in order
    rows = frame.iloc[order].reset_index(drop=True)
    row_stream = row_stream[order]
    token_row, start, end, codes = _word_tokens(rows["text"], memo)
    stream = row_stream[token_row]
    token_lo = np.searchsorted(stream, np.arange(2 * d + 2))
    news_of = docs.get_indexer(pairs["news_id"])
    news_of = np.where(news_of >= 0, news_of, 2 * d)
    official_of = docs.get_indexer(pairs["official_id"])
    official_of = np.where(official_of >= 0, d + official_of, 2 * d)

    # n-gram containment, from each stream's set of exact n-gram ids.
    ngram = rules.ngram
    position = np.arange(max(len(codes) - ngram + 1, 0))
    position = position[stream[position] == stream[position + ngram - 1]]
    gram, v = codes[position], np.int64(codes.max() + 1 if len(codes) else 1)
    for k in range(1, ngram):
        gram = _numbered(gram * v + codes[position + k])
    width = np.int64(gram.max() + 1 if len(gram) else 1)
    keys = _sorted_unique(stream[position] * width + gram)  # by stream, then n-gram
    key_lo = np.searchsorted(keys, np.arange(2 * d + 2) * width)
    grams_in = np.diff(key_lo)
    key_pair, key_at = ranges(key_lo[news_of], key_lo[news_of + 1])
    wanted = official_of[key_pair] * width + keys[key_at] % width
    found = np.minimum(np.searchsorted(keys, wanted), max(len(keys) - 1, 0))
    shared = np.bincount(
        key_pair[keys[found] == wanted] if len(keys) else key_pair, minlength=len(pairs)
    )

    # The longest run at every news word of every pair, then the greedy walk.
    word_pair, news_at = ranges(token_lo[news_of], token_lo[news_of + 1])
    official_at = np.arange(token_lo[d], token_lo[2 * d])
    run = _run_lengths(codes, news_at, official_of[word_pair], token_row, official_at, stream)
    sentence = token_row[news_at]
    segment_start = np.r_[True, (word_pair[1:] != word_pair[:-1]) | (sentence[1:] != sentence[:-1])]
    taken = np.flatnonzero(_greedy_starts(run, segment_start[: len(run)]) & (run > 0))
    first, last = news_at[taken], news_at[taken] + run[taken] - 1
    base = rows["start"].to_numpy()[token_row[first]]
    run_start, run_end = base + start[first], base + end[last]
    long_enough = run_end - run_start >= rules.min_run_chars
    run_pair = word_pair[taken][long_enough]
    run_start, run_end = run_start[long_enough], run_end[long_enough]
    run_length = run_end - run_start
    covered = np.bincount(run_pair, weights=run_length, minlength=len(pairs)).astype(np.int64)
    runs = np.bincount(run_pair, minlength=len(pairs))
    # The longest run of each pair; of equal ones, the first.
    by_length = np.lexsort((np.arange(len(run_pair)), -run_length, run_pair))
    firsts = (
        by_length[np.r_[True, run_pair[by_length][1:] != run_pair[by_length][:-1]]]
        if len(run_pair)
        else by_length
    )
    longest_start = np.zeros(len(pairs), dtype=np.int64)
    longest_end = np.zeros(len(pairs), dtype=np.int64)
    longest_start[run_pair[firsts]] = run_start[firsts]
    longest_end[run_pair[firsts]] = run_end[firsts]

    # Per stream: characters, characters of the joined text, whitespace words.
    texts = rows["text"]
    spans = np.bincount(
        row_stream, weights=(rows["end"] - rows["start"]).to_numpy(), minlength=2 * d + 1
    )
    sentences = np.bincount(row_stream, minlength=2 * d + 1)
    joined = np.bincount(row_stream, weights=texts.str.len().to_numpy(), minlength=2 * d + 1)
    joined = joined + np.maximum(sentences - 1, 0)
    split_words = np.bincount(row_stream, weights=_split_counts(texts), minlength=2 * d + 1)

    # Python numbers from here: round() of a NumPy float is not Python's exact rounding.
    shared, grams_in, covered, runs = (
        shared.tolist(),
        grams_in.tolist(),
        covered.tolist(),
        runs.tolist(),
    )
    spans, joined, split_words = spans.tolist(), joined.tolist(), split_words.tolist()
    longest_start, longest_end = longest_start.tolist(), longest_end.tolist()
    records = []
    for p, pair in enumerate(pairs.itertuples()):
        n, o = int(news_of[p]), int(official_of[p])
        containment = shared[p] / grams_in[n] if grams_in[n] else 0.0
        records.append(
            {
                "news_id": pair.news_id,
                "official_id": pair.official_id,
                "link": pair.link,
                "news_words": int(split_words[n]),
                "official_words": int(split_words[o]),
                "containment_news": round(containment, 3),
                "containment_official": round(shared[p] / grams_in[o], 3) if grams_in[o] else 0.0,
                "run_coverage": round(covered[p] / (spans[n] or 1), 3),
                "official_run_coverage": round(min(1.0, covered[p] / max(1, joined[o])), 3),
                "runs": int(runs[p]),
                "longest_run": article_text[pair.news_id][longest_start[p] : longest_end[p]],
                "longest_start": int(longest_start[p]),
                "longest_end": int(longest_end[p]),
                "derivation": derivation_class(containment, rules=rules),
            }
        )
    return records


def derivation_class(
    containment: float,
    *,
    rules: ReuseRules = ReuseRules(),  # noqa: B008 - frozen, so one shared default is safe
) -> str:
    """METER's three classes from the journalist text's n-gram containment.

    The cut-offs are ``rules.wholly_derived`` and ``rules.partially_derived``
    (:class:`ReuseRules`).
    """
    if containment >= rules.wholly_derived:
        return "wholly derived"
    if containment >= rules.partially_derived:
        return "partially derived"
    return "non-derived"
