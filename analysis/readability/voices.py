"""The voices: score groups of text units, and the journalist's, official and quoted words.

:func:`voice_units` cuts a corpus into the units of each voice (journalist and
official sentences, quotation passages); :func:`score_groups` scores groups of
units as one text each, with the flags; :func:`voice_scores` gives every voice
by both methods, :func:`sentence_table` every unit, and :func:`compare_methods`
the notebook's table of both methods beside the flag.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.readability.batch import DEFAULT_METHOD, METHODS, _starts, suite
from analysis.readability.formulas import METRICS
from analysis.readability.guards import Guards, flag
from analysis.text import english_share

__all__ = [
    "VOICES",
    "compare_methods",
    "score_groups",
    "sentence_table",
    "voice_scores",
    "voice_units",
]

VOICES = ("journalist", "official", "quotation")


def score_groups(
    units: pd.DataFrame,
    by: str | Sequence[str],
    text: str = "text",
    sep: str = " ",
    *,
    method: str = DEFAULT_METHOD,
    guards: Guards | None = None,
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
        guards: The flags' thresholds (:class:`~analysis.readability.guards.Guards`).

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
    return _blank_empty(flag(scores, guards=guards))


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
    # Each article's quotations, (start, end) in order, found once: filtering the
    # whole quotes frame per sentence took half a minute on 840 news stories.
    spans: dict[str, list[tuple[int, int]]] = {}
    for row in quotes.sort_values(["article_id", "start"], kind="stable").itertuples():
        spans.setdefault(row.article_id, []).append((row.start, row.end))
    parts.append(
        pd.DataFrame(
            {
                "voice": "journalist",
                "article_id": journalist["article_id"],
                "text": [
                    _without_quotes(row, spans.get(row.article_id, []))
                    for row in journalist.itertuples()
                ],
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


def _without_quotes(sentence, spans: list[tuple[int, int]]) -> str:
    """A sentence's text with its quotations (and their marks) cut out.

    ``spans`` are the ``(start, end)`` of the article's quotations, in order.
    """
    n = bisect.bisect_left(spans, (sentence.start,))
    if n and spans[n - 1][1] > sentence.start:
        n -= 1  # a quotation opened before the sentence and runs into it
    inside = []
    while n < len(spans) and spans[n][0] < sentence.end:
        if spans[n][1] > sentence.start:
            inside.append(spans[n])
        n += 1
    if not inside:
        return sentence.text
    pieces, cursor = [], sentence.start
    for start, end in inside:
        lo, hi = max(start, sentence.start), min(end, sentence.end)
        pieces.append(sentence.text[cursor - sentence.start : lo - sentence.start])
        cursor = hi
    pieces.append(sentence.text[cursor - sentence.start :])
    joined = "".join(pieces)
    # Drop the quotation marks left behind, then tidy the spaces.
    joined = re.sub(r"[“”\"]", "", joined)
    return " ".join(joined.split())


def voice_scores(
    corpus, article_id: str | None = None, *, guards: Guards | None = None
) -> pd.DataFrame:
    """The suite per voice (journalist, official, quotation), by both methods.

    Args:
        corpus: The loaded corpus.
        article_id: One article, or ``None`` for the whole corpus.
        guards: The flags' thresholds (:class:`~analysis.readability.guards.Guards`).

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
    tables = {
        method: _per_voice(score_groups(units, "voice", method=method, guards=guards))
        for method in METHODS
    }
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


def compare_methods(scores: pd.DataFrame) -> pd.DataFrame:
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
