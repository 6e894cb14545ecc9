"""Agreement with hand labels: analysis.validate and its command line."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.__main__ import main
from analysis.errors import CorpusError
from analysis.findings import confusion_finding, no_labels_finding, validation_finding
from analysis.validate import (
    cohen_kappa,
    figures_table,
    find_label_files,
    kappa_band,
    labelling_commands,
    labelling_sheet,
    read_labels,
    speaker_matches,
    summary_lines,
    validate,
    write_labelling_sheet,
)

FIXTURE = Path(__file__).parents[1] / "fixtures" / "validation"
SEEDS = Path(__file__).parents[2] / "seeds"


def _fixture(**kwargs):
    return validate(
        FIXTURE,
        FIXTURE / "labels.csv",
        FIXTURE / "quotes.csv",
        FIXTURE / "usage.csv",
        **kwargs,
    )


def test_seed_labels_agree_with_the_workbook():
    labels = SEEDS / "labels"
    result = validate(SEEDS, labels / "labels.csv", labels / "quotes.csv", labels / "usage.csv")
    assert result.summary["paragraphs"] == 9
    assert result.summary["role_accuracy"] == 1.0
    assert result.summary["quote_f1"] == 1.0
    assert result.summary["speaker_accuracy"] == 1.0
    assert result.problems.empty


def test_roles_mixed_rows_and_disagreements():
    result = _fixture()
    roles = result.roles
    assert len(roles) == 10 and roles["mixed"].sum() == 1
    # The fixture's readout title is a headline by its labels; the disagreement
    # (if any) is listed with the block's evidence and text.
    wrong = result.disagreements()
    assert set(wrong.columns) >= {"gold", "predicted", "evidence", "text"}
    expected = (~roles.loc[~roles["mixed"], "agree"]).sum()
    assert result.summary["role_accuracy"] == pytest.approx(1 - expected / 9)
    table = result.role_table().set_index("role")
    assert table.loc["byline", "f1"] == 1.0 and table.loc["quote", "support"] == 1
    confusion = result.confusion()
    assert confusion.to_numpy().sum() == 9
    assert confusion.loc["byline", "byline"] == 1


def test_quotations_and_speakers_a_pronoun_names_no_one():
    result = _fixture()
    found = result.quotes[result.quotes["status"] == "found"]
    assert len(found) == 2
    she = found[found["gold_speaker"] == "she"].iloc[0]
    # The workbook resolves "she" to the last named speaker; right only through the referent.
    assert she["speaker_ok"] == speaker_matches(she["speaker"], "she", "Marta Ilves")
    assert result.summary["quote_f1"] == 1.0


@pytest.mark.parametrize(
    ("predicted", "gold", "referent", "right"),
    [
        ("Jen Psaki", "White House Press Secretary Jen Psaki", "", True),
        ("Psaki", "Jen Psaki", "", True),
        ("Downing Street", "A Downing Street spokesperson", "Downing Street (No 10 readout)", True),
        ("Kremlin", "it", "Kremlin", True),
        ("he", "He", "Starmer", False),
        ("", "Trump", "", False),
        ("Minister", "Foreign Minister Sergey Lavrov", "", False),
        ("Sergey Lavrov", "Marco Rubio", "", False),
        ("the statement", "the statement", "Downing Street (No 10 readout)", True),
    ],
)
def test_speaker_matches(predicted, gold, referent, right):
    assert speaker_matches(predicted, gold, referent) is right


def test_usage_rows_are_scored():
    result = _fixture()
    assert len(result.usage) == 4
    summary = result.summary
    assert 0 <= summary["usage_f1"] <= 1
    assert summary["usage_rows"] == 4


def test_bodies_only_drops_kinds_and_pairs():
    result = _fixture(bodies_only=True)
    assert result.mode == "bodies only"
    assert "usage_f1" not in result.summary  # no pairs without the metadata
    assert len(result.roles) == 10


def test_kappa():
    gold = pd.Series(["a", "a", "b", "b"])
    assert cohen_kappa(gold, gold) == 1.0
    assert cohen_kappa(gold, pd.Series(["b", "b", "a", "a"])) == -1.0


def test_repeated_openings_find_their_own_paragraphs(tmp_path):
    (tmp_path / "doc.txt").write_text(
        "Call with the Premier\n\nThe Premier spoke to the King.\n\nThe Premier spoke to the King.\n",
        encoding="utf-8",
    )
    labels = pd.DataFrame(
        {
            "article_id": ["doc"] * 3,
            "para_no": ["0", "1", "2"],
            "first_words": ["Call with the Premier", "The Premier spoke to the"] * 1
            + ["The Premier spoke to the"],
            "label": ["headline", "headline", "journalist"],
            "note": ["", "", ""],
        }
    )
    result = validate(tmp_path, labels)
    starts = result.roles["text"].tolist()
    assert starts == ["Call with the Premier", *["The Premier spoke to the King."] * 2]
    assert result.problems.empty


def test_unplaced_rows_are_reported_not_dropped(tmp_path):
    (tmp_path / "doc.txt").write_text("A short headline\n\nSome prose here.\n", encoding="utf-8")
    labels = pd.DataFrame(
        {
            "article_id": ["doc", "doc"],
            "para_no": ["0", "1"],
            "first_words": ["A short headline", "Words that are nowhere"],
            "label": ["headline", "journalist"],
        }
    )
    result = validate(tmp_path, labels)
    assert len(result.problems) == 1
    assert "Words that are nowhere" in result.problems["problem"].iloc[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("article_id,para_no,label\nx,0,headline\n", "missing column(s) first_words"),
        (
            "article_id,para_no,first_words,label\n000_aeb9b40009e01b77,0,JUST IN:,headlines\n",
            "label 'headlines' is not a role",
        ),
        ("article_id,para_no,first_words,label\nnope,0,JUST IN:,headline\n", "'nope' is not"),
        (
            "article_id,para_no,first_words,label\n000_aeb9b40009e01b77,x,JUST,headline\n",
            "para_no 'x' is not a whole number",
        ),
    ],
)
def test_bad_label_files_name_file_row_and_fix(tmp_path, content, message):
    path = tmp_path / "labels.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError) as error:
        validate(SEEDS, path)
    assert message in str(error.value)
    assert str(path) in str(error.value)


def test_labelling_sheet_round_trip(tmp_path, seed_corpus):
    corpus = seed_corpus
    sheet = labelling_sheet(corpus)
    assert set(sheet["unit"]) == {"block", "quote"}
    assert (sheet["label"] == "").all()
    # Unlabelled rows are not scored.
    assert read_labels(sheet)[0].empty
    filled = sheet.copy()
    filled["label"] = filled["workbook_role"].where(filled["unit"] == "block", "quote")
    filled["speaker"] = filled["workbook_speaker"]
    result = validate(corpus, filled)
    assert result.summary["role_accuracy"] == 1.0
    assert result.summary["speaker_accuracy"] == 1.0
    # One changed label is one disagreement, listed.
    lede = filled.index[(filled["unit"] == "block") & (filled["workbook_role"] == "journalist")][0]
    filled.loc[lede, "label"] = "quote"
    path = tmp_path / "sheet.csv"
    filled.to_csv(path, index=False)
    again = validate(SEEDS, path)
    assert len(again.disagreements()) == 1
    assert again.disagreements()["gold"].iloc[0] == "quote"


def test_command_line(tmp_path, capsys):
    labels = SEEDS / "labels"
    status = main(
        [
            "validate",
            "--corpus",
            str(SEEDS),
            "--labels",
            str(labels / "labels.csv"),
            "--quotes",
            str(labels / "quotes.csv"),
            "--out",
            str(tmp_path / "tables"),
        ]
    )
    out = capsys.readouterr().out.splitlines()
    assert status == 0
    assert out[-4].startswith("roles: accuracy 1.00")
    assert (tmp_path / "tables" / "confusion.csv").is_file()
    status = main(["labelling-sheet", "--corpus", str(SEEDS), "--out", str(tmp_path / "s.csv")])
    assert status == 0
    assert pd.read_csv(tmp_path / "s.csv")["unit"].tolist().count("block") == 9
    status = main(["validate", "--corpus", str(SEEDS), "--labels", str(tmp_path / "none.csv")])
    assert status == 2
    assert "no such label file" in capsys.readouterr().err


# --- the notebook's view: label files, figures and findings ----------------------------------


def _figure(text: str, pattern: str) -> str:
    match = re.search(pattern, text)
    assert match, f"{pattern!r} not in {text!r}"
    return match.group(1)


def _two(x: float) -> str:
    return "n/a" if x != x else f"{x:.2f}"


@pytest.mark.parametrize("corpus", ["seed", "fixture", "bodies"])
def test_validation_finding_states_the_summary_figures(corpus):
    if corpus == "seed":
        labels = SEEDS / "labels"
        summary = validate(
            SEEDS, labels / "labels.csv", labels / "quotes.csv", labels / "usage.csv"
        ).summary
    else:
        summary = _fixture(bodies_only=corpus == "bodies").summary
    text = validation_finding(summary)
    n = summary["paragraphs"]
    assert _figure(text, r"on (\d+) of \d+ paragraphs") == str(round(summary["role_accuracy"] * n))
    assert _figure(text, r"of (\d+) paragraphs") == str(n)
    assert _figure(text, r"\(accuracy (\S+),") == _two(summary["role_accuracy"])
    assert _figure(text, r"kappa ([\d.]+|n/a)") == _two(summary["role_kappa"])
    found, gold = summary["quotes_found"], summary["quotes_gold"]
    assert _figure(text, r"finds (\d+) of") == str(found)
    assert _figure(text, r"of (\d+) gold quotation") == str(gold)
    quoted = _figure(text, r"gold quotations? \((precision .*?)\)")
    assert quoted == (
        f"precision {_two(summary['quote_precision'])}, recall {_two(summary['quote_recall'])}, "
        f"F1 {_two(summary['quote_f1'])}"
    )
    assert _figure(text, r"speaker accuracy (\S+)\)") == _two(summary["speaker_accuracy"])
    if summary["mixed_paragraphs"]:
        mixed = summary["mixed_paragraphs"]
        assert _figure(text, r"(\d+) of \d+ MIXED") == str(round(summary["mixed_accuracy"] * mixed))
        assert _figure(text, r"of (\d+) MIXED paragraph") == str(mixed)
    assert _figure(text, r"moves role accuracy by (\S+):") == _two(1 / n)
    if "usage_f1" in summary:
        usage = text.split("**Usage.**")[1]
        assert _figure(usage, r"On (\d+) official") == str(summary["usage_rows"])
        for label, key in (
            ("precision", "usage_precision"),
            ("recall", "usage_recall"),
            ("F1", "usage_f1"),
            ("verbatim precision", "verbatim_precision"),
            ("placement accuracy", "placement_accuracy"),
        ):
            assert _figure(usage, rf"(?<![a-z]){label} (\S+?)[,;]? ") == _two(summary[key]), label
        assert _figure(usage, r"verbatim precision \S+, recall (\S+);") == _two(
            summary["verbatim_recall"]
        )
        assert _figure(usage, r"on the (\d+) sentence") == str(summary["placement_rows"])
    else:
        assert "**Usage.**" not in text


def test_validation_finding_says_what_was_not_measured():
    summary = {
        **_fixture().summary,
        "quotes_gold": 0,
        "quotes_found": 0,
        "role_kappa": float("nan"),
        "unplaced_rows": 3,
    }
    text = validation_finding(summary)
    assert "no quotation is labelled, so quotations and speakers are not measured" in text
    assert "kappa n/a)" in text and "agreement)" not in text
    assert "3 label rows could not be placed" in text
    none = validation_finding({**summary, "paragraphs": 0, "mixed_paragraphs": 0})
    assert none.startswith("No hand-labelled paragraph could be scored")


def test_figures_table_formats_as_the_command_prints():
    summary = _fixture().summary
    table = figures_table(summary)
    printed = "\n".join(summary_lines(summary))
    assert table.loc["role accuracy", "value"] == _two(summary["role_accuracy"])
    assert f"accuracy {table.loc['role accuracy', 'value']}" in printed
    assert f"kappa {table.loc['role kappa', 'value']}" in printed
    assert f"F1 {table.loc['quotation F1', 'value']}" in printed
    assert table.loc["usage F1", "value"] == _two(summary["usage_f1"])
    assert table.loc["verbatim precision", "value"] == _two(summary["verbatim_precision"])
    assert table.loc["role accuracy", "measured on"] == f"{summary['paragraphs']} paragraphs"
    bodies = figures_table(_fixture(bodies_only=True).summary)
    assert bodies.loc["usage", "measured on"] == "not measured (bodies only: no pairs)"


def test_find_label_files_falls_back_to_the_corpus_labels_folder(tmp_path):
    files = find_label_files(SEEDS)
    assert files.labels == SEEDS / "labels" / "labels.csv"
    assert files.quotes == SEEDS / "labels" / "quotes.csv"
    assert files.usage == SEEDS / "labels" / "usage.csv"
    # A one-file corpus: labels/ beside the file.
    assert find_label_files(SEEDS / "000_aeb9b40009e01b77.txt").labels == files.labels
    # Labels given: only the files given with them.
    given = find_label_files(SEEDS, FIXTURE / "labels.csv", "", FIXTURE / "usage.csv")
    assert (given.labels, given.quotes, given.usage) == (
        FIXTURE / "labels.csv",
        None,
        FIXTURE / "usage.csv",
    )
    # No labels anywhere: nothing, whatever quotes.csv the folder may hold.
    (tmp_path / "labels").mkdir()
    (tmp_path / "labels" / "quotes.csv").write_text("article_id\n", encoding="utf-8")
    none = find_label_files(tmp_path)
    assert (none.labels, none.quotes, none.usage) == (None, None, None)
    assert none.folder == tmp_path / "labels"
    assert none.table()["file"].str.startswith("none").all()


def test_no_labels_finding_and_commands_show_where_labels_go(tmp_path):
    text = no_labels_finding(tmp_path / "labels", tmp_path / "sheet.csv")
    assert text.startswith("This corpus has no hand labels")
    assert f"`{tmp_path / 'labels' / 'labels.csv'}`" in text and "sheet.csv" in text
    commands = labelling_commands(tmp_path)
    assert f"labelling-sheet --corpus {tmp_path.resolve()} --out" in commands
    assert f"make report CORPUS={tmp_path.resolve()}" in commands
    assert "--corpus CORPUS" in labelling_commands()


def test_write_labelling_sheet(tmp_path, seed_corpus):
    path = tmp_path / "new" / "sheet.csv"
    sheet = write_labelling_sheet(seed_corpus, path)
    assert pd.read_csv(path, keep_default_na=False).shape == sheet.shape


def test_confusion_finding_names_the_commonest_error():
    roles = ["headline", "journalist", "official"]
    table = pd.DataFrame(
        [[2, 1, 0], [0, 3, 0], [0, 2, 1]],
        index=pd.Index(roles, name="gold"),
        columns=pd.Index(roles, name="predicted"),
    )
    assert confusion_finding(table) == (
        "6 of 9 labelled paragraphs get their gold role; the commonest error: "
        "2 official paragraphs taken for journalist"
    )
    diagonal = pd.DataFrame([[2, 0], [0, 1]], index=roles[:2], columns=roles[:2])
    assert confusion_finding(diagonal) == "All 3 labelled paragraphs get their gold role"
    assert kappa_band(0.7) == "substantial" and kappa_band(-0.1) == "poor"


def test_a_sheet_round_trip_keeps_quotations_with_ellipses_and_no_speaker(tmp_path):
    (tmp_path / "doc.txt").write_text(
        "Leaders talk\n\nThe ministry said the reports \u201cwere unfounded \u2026 called for "
        "calm.\u201d The talks, it added, were \u201cuseful.\u201d\n",
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path)
    sheet = labelling_sheet(corpus)
    sheet["label"] = sheet["workbook_role"].where(sheet["unit"] == "block", "quote")
    sheet.loc[sheet["unit"] == "quote", "speaker"] = ""  # the analyst names no speaker
    result = validate(corpus, sheet)
    assert result.summary["quote_f1"] == 1.0  # "…" is no word, on either side
    assert result.summary["speakers_scored"] == 0  # quotations without a labelled speaker
    assert result.speaker_errors().empty


def test_errors_name_the_line_of_the_file_they_come_from(tmp_path, seed_corpus):
    sheet = labelling_sheet(seed_corpus)
    sheet["label"] = sheet["workbook_role"].where(sheet["unit"] == "block", "quote")
    sheet.loc[5, "label"] = "lede"  # line 7 of the file
    path = tmp_path / "sheet.csv"
    sheet.to_csv(path, index=False)
    with pytest.raises(CorpusError, match=r"sheet.csv: row 7: label 'lede' is not a role"):
        validate(SEEDS, path)


def test_bad_usage_values_are_refused(tmp_path):
    usage = pd.read_csv(SEEDS / "labels" / "usage.csv", dtype=str, keep_default_na=False)
    usage.loc[1, "used"] = "Copied"
    path = tmp_path / "usage.csv"
    usage.to_csv(path, index=False)
    with pytest.raises(CorpusError, match=r"usage.csv: row 3: used 'Copied'"):
        validate(SEEDS, SEEDS / "labels" / "labels.csv", usage=path)


def test_no_placed_paragraph_gives_figures_not_an_exception(tmp_path):
    (tmp_path / "doc.txt").write_text("A short headline\n\nSome prose here.\n", encoding="utf-8")
    labels = pd.DataFrame(
        {"article_id": ["doc"], "para_no": ["0"], "first_words": ["Nowhere"], "label": ["headline"]}
    )
    result = validate(tmp_path, labels)
    assert result.summary["paragraphs"] == 0
    assert result.summary["role_accuracy"] != result.summary["role_accuracy"]  # NaN
    assert len(result.problems) == 1
