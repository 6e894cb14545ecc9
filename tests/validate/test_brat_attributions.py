"""Attribution labels in brat standoff, and the workbook measured against them.

The fixture (``tests/fixtures/brat``) is an article of our own words, labelled by
hand as PolNeAR labels news: every attribution's Source, Cue and Content.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from analysis import CorpusError, load_corpus
from analysis.validate import (
    attribution_agreement,
    brat_files,
    gold_attributions,
    read_brat,
    source_matches,
)

REPO = Path(__file__).parents[2]
BRAT = REPO / "tests" / "fixtures" / "brat"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(BRAT)


def test_the_first_annotators_file_is_read(tmp_path):
    assert brat_files(BRAT / "labels", ["harbour", "other"]) == {
        "harbour": BRAT / "labels" / "harbour_ann1.ann"
    }
    (tmp_path / "a.ann").write_text("")
    (tmp_path / "a_x.ann").write_text("")
    assert brat_files(tmp_path, ["a"]) == {"a": tmp_path / "a.ann"}  # its own file first
    with pytest.raises(CorpusError, match="holds no .ann file"):
        brat_files(REPO / "seeds", ["a"])


def test_every_span_is_read_against_the_text(corpus):
    gold = gold_attributions(corpus, BRAT / "labels")
    text = corpus.article("harbour")["text"]
    assert len(gold) == 5
    for row in gold.itertuples():
        assert text[row.content_start : row.content_end] == row.content_text
        assert text[row.source_start : row.source_end] == row.source_text
    assert list(gold["source_text"]) == [
        "Officials",
        "the mayor",
        "the council",
        "Dana Ruiz",
        "Ruiz",
    ]


def test_discontinuous_reversed_and_unlabelled_spans(tmp_path):
    text = "The mayor said the port, which is old, will stay open."
    ann = tmp_path / "a.ann"
    ann.write_text(
        "T1\tSource 0 9\tThe mayor\n"
        "T2\tCue 14 10\tsaid\n"  # written end first
        "T3\tContent 15 23;38 53\tthe port will stay open\n"
        "T4\tAttribution 10 14\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "E2\tAttribution-no-source:T4 Cue:T2\n"  # no Content: nothing to measure
        "T5\tDiscuss 0 3\ta note\n",
        encoding="utf-8",
    )
    gold = read_brat(ann, "a", text)
    assert (gold.loc[0, "content_start"], gold.loc[0, "content_end"]) == (15, 53)
    assert (gold.loc[0, "cue_start"], gold.loc[0, "cue_end"]) == (10, 14)
    assert len(gold) == 1 and gold.attrs["without_content"] == 1
    ann.write_text("T1\tContent 0 99\tx\nE1\tAttribution:T9 Content:T1\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="a.ann: line 1: span 0-99 lies outside the text"):
        read_brat(ann, "a", text)


def test_sources_match_by_a_shared_word_that_is_not_a_title():
    assert source_matches("Dana Ruiz", "Dana Ruiz, the harbour master")
    assert source_matches("the council", "The council")
    assert source_matches("she", "She")
    assert not source_matches("she", "he")
    assert not source_matches("Secretary", "Secretary of State")
    assert not source_matches("", "Officials")


def test_agreement_on_the_fixture(corpus):
    agreement = attribution_agreement(corpus, BRAT / "labels")
    figures = agreement.figures()
    assert (figures["quotes_gold"], figures["quotes_found"]) == (2, 2)  # '' and `` marks
    assert figures["quote_f1"] == 1.0 and figures["speaker_accuracy"] == 1.0
    # Found: the three reported, and "Ruiz called the plan ``a fair deal''" (the cue
    # model's "called"), which matches its Content though that one holds quotation marks.
    assert (figures["reported_gold"], figures["attributions_found"]) == (3, 4)
    assert figures["reported_recall"] == figures["reported_precision"] == 1.0
    assert figures["source_accuracy"] == 1.0
    assert agreement.disagreement_lines() == []
    assert agreement.summary_lines()[0].startswith("attributions (brat labels, 1 articles)")


def test_a_miss_and_a_wrong_source_are_listed(tmp_path):
    text = (
        "Head line here\n\nThe ferry ran late, and nobody knew why.\n\n"
        "The council said the road would close.\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")

    def at(phrase):
        return f"{text.index(phrase)} {text.index(phrase) + len(phrase)}\t{phrase}"

    labels = tmp_path / "labels"
    labels.mkdir()
    (labels / "a.ann").write_text(
        f"T1\tContent {at('The ferry ran late')}\n"
        "E1\tAttribution:T1 Content:T1\n"
        f"T2\tSource {at('The ferry')}\n"  # labelled wrongly on purpose
        f"T3\tContent {at('the road would close')}\n"
        "E2\tAttribution:T2 Content:T3 Source:T2\n",
        encoding="utf-8",
    )
    agreement = attribution_agreement(load_corpus(tmp_path), labels)
    lines = agreement.disagreement_lines()
    assert "reported speech missed: a 'The ferry ran late'" in lines
    assert "source wrong: a 'the road would close': 'The council', labelled 'The ferry'" in lines
    figures = agreement.figures()
    assert figures["reported_recall"] == 0.5 and figures["reported_precision"] == 1.0
    assert figures["source_accuracy"] == 0.0


def test_the_command_line_measures_brat_labels():
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "validate", "--corpus", str(BRAT)]
        + ["--attributions", str(BRAT / "labels")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-3:]
    assert last[0].startswith("attributions (brat labels, 1 articles): quotations precision 1.00")
    assert last[2].startswith("reported speech: precision 1.00, recall 1.00")
    none = subprocess.run(
        [sys.executable, "-m", "analysis", "validate", "--corpus", str(BRAT)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert none.returncode == 2 and "--attributions" in none.stderr


def test_a_labelled_content_is_matched_to_the_attribution_with_its_cue():
    """Two attributions cover a nested Content: the one with its cue is its own."""
    from collections import namedtuple

    from analysis.validate.attributions import _best_cover

    found = namedtuple("Found", "start end cue_start cue_end source_as_written")
    outer = found(15, 60, 10, 14, "The mayor")  # "The mayor said [the pilots believe …]"
    inner = found(35, 60, 27, 34, "the pilots")  # "the pilots believe [the channel …]"
    assert _best_cover([outer, inner], (35, 60), (27, 34)) is inner
    assert _best_cover([outer, inner], (35, 60), (-1, -1)) is inner  # no cue: the tightest
    assert _best_cover([outer], (15, 60), (10, 14)) is outer
    assert _best_cover([inner], (0, 30), (10, 14)) is None  # covers less than half
