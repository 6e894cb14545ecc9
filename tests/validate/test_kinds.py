"""Source kinds against hand labels: analysis.validate.kinds and ``validate --source-kinds``."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import load_corpus
from analysis.__main__ import main
from analysis.errors import CorpusError
from analysis.framing import source_kinds
from analysis.validate import (
    kind_agreement,
    kind_confusion,
    kind_figures,
    read_kind_labels,
    validate,
)

FIXTURES = Path(__file__).parents[1] / "fixtures"
VALIDATION = FIXTURES / "validation"
BRAT = FIXTURES / "brat"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_kinds_by_quotation(tmp_path):
    # Ilves, President of Estonia, is the other party of the readout: another official.
    # The second row is labelled wrong on purpose, so one of two is right.
    labels = _write(
        tmp_path / "kinds.csv",
        "article_id,para_no,nth,source_kind\nreport,3,0,other_official\nreport,4,0,named_other\n",
    )
    form, frame = read_kind_labels(labels)
    assert form == "quotation" and frame["nth"].dtype == "int64"
    result = validate(VALIDATION, VALIDATION / "labels.csv", VALIDATION / "quotes.csv")
    agreement = kind_agreement(
        result.corpus, source_kinds(result.corpus), form, frame, result.quotes
    )
    assert agreement["status"].eq("matched").all()
    assert agreement["source_kind"].tolist() == ["other_official", "other_official"]
    assert agreement["right"].tolist() == [True, False]
    assert agreement["kind_evidence"].str.contains("president").all()
    figures = kind_figures(agreement)
    assert (figures["kind_labels"], figures["kind_accuracy"]) == (2, 0.5)
    assert kind_confusion(agreement).loc["named_other", "other_official"] == 1


def test_kinds_by_source_span(tmp_path):
    corpus = load_corpus(BRAT)
    labels = _write(
        tmp_path / "kinds.csv",
        "article_id,start,end,source_kind,note\n"
        "harbour,25,34,unnamed,officials\n"
        "harbour,144,153,other_official,the mayor\n"
        "harbour,174,185,other_official,the council\n"
        "harbour,248,257,named_other,\n"
        "harbour,0,5,document,no attribution here\n"
        "harbour,280,284,,left unscored\n",
    )
    form, frame = read_kind_labels(labels)
    assert form == "span" and list(frame.columns) == ["article_id", "start", "end", "source_kind"]
    agreement = kind_agreement(corpus, source_kinds(corpus), form, frame)
    assert len(agreement) == 5
    assert agreement["status"].tolist() == ["matched"] * 4 + ["no attribution"]
    assert agreement["right"].tolist() == [True, True, True, True, False]
    figures = kind_figures(agreement)
    assert figures["kind_accuracy"] == 0.8 and figures["kind_accuracy_matched"] == 1.0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("article_id,para,source_kind\nreport,3,other_official\n", "neither form's columns"),
        ("article_id,para_no,nth,source_kind\nreport,3,0,minister\n", "line 2"),
        ("article_id,start,end,source_kind\nreport,3,x,unnamed\n", "whole numbers"),
    ],
)
def test_bad_kind_labels_name_the_place(tmp_path, content, message):
    with pytest.raises(CorpusError, match=message):
        read_kind_labels(_write(tmp_path / "kinds.csv", content))
    with pytest.raises(CorpusError, match="no such file"):
        read_kind_labels(tmp_path / "none.csv")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "no readable CSV"),
        (b'article_id,para_no,nth,source_kind\nreport,3,"0,unnamed\n', "no readable CSV"),
        ("article_id,para_no,nth,source_kind\nr\u00e9port,3,0,unnamed\n".encode("latin-1"),
         "no readable CSV"),
        ("article_id,para_no,nth,source_kind\nreport,3,\u00b2,unnamed\n".encode(), "whole numbers"),
    ],
)  # fmt: skip
def test_unreadable_kind_labels_are_corpus_errors(tmp_path, content, message):
    path = tmp_path / "kinds.csv"
    path.write_bytes(content)
    with pytest.raises(CorpusError, match=message):
        read_kind_labels(path)


def test_labels_of_another_corpus_are_refused(tmp_path):
    corpus = load_corpus(BRAT)
    form, frame = read_kind_labels(
        _write(tmp_path / "k.csv", "article_id,start,end,source_kind\nelsewhere,0,4,unnamed\n")
    )
    with pytest.raises(CorpusError, match="'elsewhere'.*names no article"):
        kind_agreement(corpus, source_kinds(corpus), form, frame)


def test_the_command_line_prints_the_kinds(tmp_path, capsys):
    labels = _write(
        tmp_path / "kinds.csv",
        "article_id,para_no,nth,source_kind\nreport,3,0,other_official\nreport,4,0,named_other\n",
    )
    status = main(
        ["validate", "--corpus", str(VALIDATION), "--labels", str(VALIDATION / "labels.csv")]
        + ["--quotes", str(VALIDATION / "quotes.csv"), "--source-kinds", str(labels)]
        + ["--out", str(tmp_path / "tables")]
    )
    out = capsys.readouterr().out
    assert status == 0
    assert "source kinds: 0.500 right of 2 labels; 0.500 of the 2 the workbook attributes" in out
    assert "KIND report paragraph 4, quotation 0: named_other, the workbook other_official" in out
    assert (tmp_path / "tables" / "source_kinds.csv").is_file()
    status = main(
        ["validate", "--corpus", str(VALIDATION), "--labels", str(VALIDATION / "labels.csv")]
        + ["--source-kinds", str(tmp_path / "none.csv")]
    )
    assert status == 2 and "no such file" in capsys.readouterr().err


def test_the_command_line_reads_span_labels_with_brat(tmp_path, capsys):
    labels = _write(
        tmp_path / "kinds.csv", "article_id,start,end,source_kind\nharbour,144,153,named_other\n"
    )
    status = main(
        ["validate", "--corpus", str(BRAT), "--attributions", str(BRAT / "labels")]
        + ["--source-kinds", str(labels)]
    )
    out = capsys.readouterr().out.strip().splitlines()
    assert status == 0
    assert (
        out[-1] == "source kinds: 0.000 right of 1 labels; 0.000 of the 1 the workbook attributes"
    )
    assert any(line.startswith("KIND harbour 144-153: named_other") for line in out)


def test_the_shipped_kind_labels_read_and_hold_no_text():
    folder = Path(__file__).parents[2] / "benchmarks" / "labels"
    files = sorted(folder.glob("*.csv"))
    assert [f.name for f in files] == [
        "devset2_source_kinds.csv",
        "devset_source_kinds.csv",
        "polnear_source_kinds.csv",
        "polnear_source_kinds_heldout.csv",
    ]
    for path in files:
        form, frame = read_kind_labels(path)
        assert form == ("quotation" if path.name.startswith("devset") else "span")
        # Ids, positions and kinds: nothing of the articles' words.
        header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
        assert set(header) <= {*frame.columns, "is_pronoun"}
        assert len(frame) > 50


def test_the_command_line_refuses_labels_it_cannot_measure(tmp_path, capsys):
    by_quotation = _write(
        tmp_path / "q.csv", "article_id,para_no,nth,source_kind\nreport,3,0,other_official\n"
    )
    by_span = _write(tmp_path / "s.csv", "article_id,start,end,source_kind\nharbour,0,5,unnamed\n")
    labels = ["--labels", str(VALIDATION / "labels.csv")]
    cases = [
        # Kinds by quotation need the quotation labels, kinds by span the brat labels.
        (["--corpus", str(BRAT), "--attributions", str(BRAT / "labels")], by_quotation, "--labels"),
        (["--corpus", str(VALIDATION), *labels], by_span, "--attributions"),
        (["--corpus", str(VALIDATION), *labels], by_quotation, "no quotation is labelled"),
    ]
    for options, kinds, message in cases:
        status = main(["validate", *options, "--source-kinds", str(kinds)])
        assert (status, message in capsys.readouterr().err) == (2, True), options
    with pytest.raises(CorpusError, match="no quotation was labelled"):
        corpus = load_corpus(VALIDATION)
        kind_agreement(corpus, source_kinds(corpus), *read_kind_labels(by_quotation))
