"""The benchmarks of the analyses, each timing one step on the loaded benchmark corpus."""

from __future__ import annotations

import sys
import time

import textstat

from analysis import framing, readability, topics
from analysis.corpus import Corpus
from analysis.readability.syllables import _lexicon
from analysis.readability.textstat_exact import _textstat_functions
from benchmarks.memory import peak_rss_mb

__all__ = ["framing_alignment", "readability_suite", "topic_mentions"]


def framing_alignment(corpus: Corpus) -> dict:
    """Time sentence alignment over every paired article of the benchmark corpus."""
    frame = framing.units(corpus)
    started = time.perf_counter()
    alignment, _sources, _usage_frame = framing.align(corpus, frame)
    seconds = time.perf_counter() - started
    return {
        "align_s": round(seconds, 3),
        "articles": int(alignment["news_id"].nunique()),
        "sentences": int(len(frame)),
        "peak_rss_mb": peak_rss_mb(),
    }


def _clear_textstat_caches() -> None:
    """Empty textstat's per-text and per-word LRU caches (not its loaded dictionaries).

    textstat 0.7.8 wraps every counter and metric in an ``lru_cache(128)``; a
    baseline must compute, not look up. The caches holding the CMU dictionary,
    the pyphen hyphenator and the easy-word list are kept: they are loaded once
    per process, as in the batched code.
    """
    keep = {"get_cmudict", "get_pyphen", "get_lang_easy_words"}
    for name, module in list(sys.modules.items()):
        if not name.startswith("textstat.backend"):
            continue
        for attribute in vars(module).values():
            if callable(getattr(attribute, "cache_clear", None)) and attribute.__name__ not in keep:
                attribute.cache_clear()


def readability_suite(corpus: Corpus) -> dict:
    """Time textstat and the batched suite on every document loaded from a file.

    The textstat baseline is ``Series.apply(<textstat metric>)`` for each metric
    of the suite in turn, with textstat's LRU caches cleared before each metric
    (so no value is served from a cache filled by an earlier metric); the
    batched time includes tokenising and the per-word facts from a cold start.
    The workbook's sentences (the default method) are timed after it, from a cold start too.

    Args:
        corpus: The benchmark corpus (see :mod:`benchmarks.corpus`).

    Returns:
        ``textstat_s``, ``batched_s``, ``speedup``, ``max_abs_diff`` (over every
        text and metric), ``workbook_s`` and ``workbook_speedup`` (the suite on
        the workbook's sentences, against the same textstat time), ``texts``,
        ``words`` (textstat's count), ``sentences_textstat`` and
        ``sentences_workbook`` (totals), ``peak_rss_mb``.
    """
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
    batched = readability.suite(texts)
    batched_seconds = time.perf_counter() - started
    difference = max(
        float((batched[metric] - reference[metric].astype(float)).abs().max())
        for metric in readability.METRICS
    )
    lexicon.ids.clear()
    lexicon.facts.clear()
    started = time.perf_counter()
    workbook = readability.suite(texts, method=readability.DEFAULT_METHOD)
    workbook_seconds = time.perf_counter() - started
    return {
        "textstat_s": round(textstat_seconds, 3),
        "batched_s": round(batched_seconds, 3),
        "speedup": round(textstat_seconds / batched_seconds, 1),
        "max_abs_diff": difference,
        "workbook_s": round(workbook_seconds, 3),
        "workbook_speedup": round(textstat_seconds / workbook_seconds, 1),
        "texts": int(len(texts)),
        "words": int(batched["words"].sum()),
        "sentences_textstat": int(batched["sentences"].sum()),
        "sentences_workbook": int(workbook["sentences"].sum()),
        "peak_rss_mb": peak_rss_mb(),
    }


def topic_mentions(corpus: Corpus) -> dict:
    """Time :func:`analysis.topics.find_mentions` over every document of a loaded corpus (for ``make bench``).

    The lexicon is compiled before the clock starts; the time covers the
    matching and the mentions frame (sentence, role and quotation lookups).

    Args:
        corpus: The loaded benchmark corpus.

    Returns:
        ``mentions_s`` (seconds), ``articles`` (documents searched), ``mentions``
        (rows found) and ``words`` (searched).
    """
    lexicon = topics.load_lexicon()
    started = time.perf_counter()
    mentions = topics.find_mentions(corpus, lexicon)
    seconds = time.perf_counter() - started
    return {
        "mentions_s": round(seconds, 3),
        "articles": int(len(corpus.articles)),
        "mentions": int(len(mentions)),
        "words": int(corpus.articles["words"].sum()),
    }
