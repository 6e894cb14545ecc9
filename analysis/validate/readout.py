"""A validation in words: its figures table, the lines the command prints, its findings.

Every number is formatted as the ``validate`` command prints it (two
decimals, ``n/a`` when there was nothing to measure), so the notebook, the
command and the findings say the same.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from analysis.validate.measure import Validation

__all__ = [
    "confusion_finding",
    "figures_table",
    "kappa_band",
    "no_labels_finding",
    "report_lines",
    "summary_lines",
    "validation_finding",
]


def _two(x: float) -> str:
    """A figure as the validate command prints it: two decimals, ``n/a`` when not measured."""
    return "n/a" if x != x else f"{x:.2f}"  # NaN is the only value not equal to itself


def kappa_band(kappa: float) -> str:
    """Landis & Koch's (1977) name for a kappa: slight, fair, moderate, substantial, ...

    >>> kappa_band(0.86)
    'almost perfect'
    """
    if kappa != kappa:
        return "not measured"
    for top, band in ((0.0, "poor"), (0.2, "slight"), (0.4, "fair"), (0.6, "moderate")):
        if kappa <= top:
            return band
    return "substantial" if kappa <= 0.8 else "almost perfect"


def figures_table(summary: dict) -> pd.DataFrame:
    """The headline figures of :attr:`Validation.summary`, with what each was measured on.

    Values are formatted as the ``validate`` command prints them (two decimals,
    ``n/a`` when there was nothing to measure); ``bears on`` names the results of
    the other notebooks that rest on the figure.
    """
    n, found, gold = summary["paragraphs"], summary["quotes_found"], summary["quotes_gold"]
    roles = "01's role shares, 02's journalist/official split, 03's voices, 04's prominence"
    quoted = "01's quotations, 02's quotation fidelity, 03's quotation voice"
    rows = [
        ("role accuracy", summary["role_accuracy"], _count(n, "paragraph"), roles),
        (
            "role kappa",
            summary["role_kappa"],
            _count(n, "paragraph"),
            f"agreement beyond chance: {kappa_band(summary['role_kappa'])} (Landis & Koch)",
        ),
        (
            "MIXED paragraphs right",
            summary["mixed_accuracy"],
            f"{_count(summary['mixed_paragraphs'], 'paragraph')}, scored apart",
            "paragraphs no one role fits; part of their words go to another voice",
        ),
        (
            "quotation precision",
            summary["quote_precision"],
            "the workbook's, in labelled paragraphs",
            quoted,
        ),
        (
            "quotation recall",
            summary["quote_recall"],
            f"{found} of {_count(gold, 'gold quotation')}",
            quoted,
        ),
        ("quotation F1", summary["quote_f1"], _count(gold, "gold quotation"), quoted),
        (
            "speaker accuracy",
            summary["speaker_accuracy"],
            _count(summary["speakers_scored"], "found quotation") + " with a labelled speaker",
            "who is quoted in 01's quotation table",
        ),
    ]
    if "usage_f1" in summary:
        sentences = _count(summary["usage_rows"], "official sentence")
        used = "02's used and omitted official sentences, 05's omission grid"
        verbatim = "02's verbatim label"
        rows += [
            ("usage precision", summary["usage_precision"], sentences, used),
            ("usage recall", summary["usage_recall"], sentences, used),
            ("usage F1", summary["usage_f1"], sentences, used),
            ("verbatim precision", summary["verbatim_precision"], sentences, verbatim),
            ("verbatim recall", summary["verbatim_recall"], sentences, verbatim),
            (
                "placement accuracy",
                summary["placement_accuracy"],
                f"{_count(summary['placement_rows'], 'sentence')} used by labels and workbook",
                "02's headline, lede and body places",
            ),
        ]
    else:
        why = "bodies only: no pairs" if summary["mode"] == "bodies only" else "no usage labels"
        rows.append(("usage", float("nan"), f"not measured ({why})", "02's usage, 05's grid"))
    table = pd.DataFrame(rows, columns=["figure", "value", "measured on", "bears on"])
    table["value"] = table["value"].map(_two)
    return table.set_index("figure")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _of(count: float, total: int) -> int:
    """How many of ``total`` a share stands for (shares here are counts over totals)."""
    return round(count * total)


def validation_finding(summary: dict) -> str:
    """The key finding of a validation, as Markdown, from :attr:`Validation.summary`.

    The first paragraph says how far the roles, quotations and speakers agree with
    the hand labels; the next ones give the MIXED paragraphs, the sample's size,
    unplaced label rows and the usage figures. Every number is one of
    :func:`figures_table`'s, formatted the same way.
    """
    n = summary["paragraphs"]
    if n:
        kappa = summary["role_kappa"]
        band = "" if kappa != kappa else f": {kappa_band(kappa)} agreement"
        first = (
            f"The workbook's roles agree with the hand labels on "
            f"{_of(summary['role_accuracy'], n)} of {_count(n, 'paragraph')} (accuracy "
            f"{_two(summary['role_accuracy'])}, kappa {_two(kappa)}{band})"
        )
    else:
        first = "No hand-labelled paragraph could be scored for its role"
    found, gold = summary["quotes_found"], summary["quotes_gold"]
    if gold:
        first += (
            f"; it finds {found} of {_count(gold, 'gold quotation')} (precision "
            f"{_two(summary['quote_precision'])}, recall {_two(summary['quote_recall'])}, "
            f"F1 {_two(summary['quote_f1'])})"
        )
        if summary["speakers_scored"]:
            first += (
                f" and names the right speaker for "
                f"{_of(summary['speaker_accuracy'], summary['speakers_scored'])} of "
                f"{summary['speakers_scored']} (speaker accuracy "
                f"{_two(summary['speaker_accuracy'])})"
            )
    else:
        first += "; no quotation is labelled, so quotations and speakers are not measured"
    paragraphs = [first + "."]
    more = []
    mixed = summary["mixed_paragraphs"]
    if mixed:
        more.append(
            f"{_of(summary['mixed_accuracy'], mixed)} of {_count(mixed, 'MIXED paragraph')}, "
            f"scored apart, get the role they are labelled with (accuracy "
            f"{_two(summary['mixed_accuracy'])})."
        )
    if 0 < n < 100:
        more.append(
            f"On {n} paragraphs one error more or less moves role accuracy by "
            f"{_two(1 / n)}: these figures describe the labelled articles; label more "
            "before citing them for a corpus."
        )
    if summary["unplaced_rows"]:
        more.append(
            f"{summary['unplaced_rows']} label rows could not be placed in the texts and "
            "are left out (see the table of problems)."
        )
    if more:
        paragraphs.append(" ".join(more))
    if "usage_f1" in summary:
        paragraphs.append(
            f"**Usage.** On {summary['usage_rows']} official sentences, used or omitted: "
            f"precision {_two(summary['usage_precision'])}, recall "
            f"{_two(summary['usage_recall'])}, F1 {_two(summary['usage_f1'])}; verbatim "
            f"precision {_two(summary['verbatim_precision'])}, recall "
            f"{_two(summary['verbatim_recall'])}; placement accuracy "
            f"{_two(summary['placement_accuracy'])} on the "
            f"{_count(summary['placement_rows'], 'sentence')} both the labels and the workbook "
            "count as used."
        )
    return "\n\n".join(paragraphs)


def no_labels_finding(folder: str | Path, sheet: str | Path | None = None) -> str:
    """The finding of a corpus with no hand labels: nothing is measured, and how to start.

    Args:
        folder: The corpus's ``labels/`` folder (:attr:`LabelFiles.folder`).
        sheet: Where a labelling sheet for the corpus was written, if it was.
    """
    written = f" (written to `{sheet}`)" if sheet is not None else ""
    return (
        "This corpus has no hand labels, so how far to trust its roles and speakers is "
        "not measured. No label file was given and there is no "
        f"`{Path(folder) / 'labels.csv'}`: fill in the labelling sheet below{written}, a "
        "role for each paragraph and the speaker of each quotation, save it as that file, "
        "and this notebook measures the workbook against it."
    )


def confusion_finding(table: pd.DataFrame) -> str:
    """One sentence on a confusion matrix (:meth:`Validation.confusion`): its commonest error."""
    values = table.to_numpy()
    total, right = int(values.sum()), int(np.trace(values))
    if not total:
        return "No labelled paragraph to compare"
    if right == total:
        return f"All {total} labelled paragraphs get their gold role"
    errors = values.copy()
    np.fill_diagonal(errors, 0)
    row, column = np.unravel_index(int(np.argmax(errors)), errors.shape)
    gold, predicted, count = table.index[row], table.columns[column], int(errors[row, column])
    return (
        f"{right} of {total} labelled paragraphs get their gold role; the commonest error: "
        f"{count} {gold} paragraph{'s' if count > 1 else ''} taken for {predicted or 'no role'}"
    )


def report_lines(result: Validation, width: int = 160) -> list[str]:
    """Every disagreement, the per-role scores and the confusion matrix, as lines of text."""

    def cut(text: str) -> str:
        return text if len(text) <= width else text[: width - 1] + "…"

    lines = [f"== label rows not placed: {len(result.problems)}"]
    for p in result.problems.itertuples():
        lines.append(f"  {p.file} row {p.row} ({p.article_id}): {p.problem}")
    wrong = result.disagreements()
    lines += ["", f"== role disagreements: {len(wrong)} of {len(result.roles)} paragraphs"]
    for r in wrong.itertuples():
        mixed = " (MIXED)" if r.mixed else ""
        lines.append(
            f"  {r.article_id} para {r.para_no}: gold {r.gold}{mixed}, workbook "
            f"{r.predicted or '(none)'}: {r.evidence}"
        )
        lines.append(f"      {cut(r.text)}")
    errors = result.speaker_errors()
    lines += ["", f"== quotation and speaker errors: {len(errors)} of {len(result.quotes)}"]
    for q in errors.itertuples():
        if q.status == "found":
            what = f"speaker {q.speaker or '(none)'!r}, gold {q.gold_speaker!r}"
            what += f" ({q.referent})" if q.referent else ""
            what += f": {q.speaker_evidence}"
        elif q.status == "missed":
            what = f"missed, gold speaker {q.gold_speaker!r}"
        else:
            what = f"extra: not a quotation in the labels (speaker {q.speaker!r})"
        lines.append(f"  {q.article_id} para {q.para_no} {cut(repr(q.quote))}: {what}")
    usage = result.usage
    if len(usage):
        off = usage[(usage["gold_used"] != usage["used"]) | (usage["gold_where"] != usage["where"])]
        lines += ["", f"== usage disagreements: {len(off)} of {len(usage)} official sentences"]
        for u in off.itertuples():
            lines.append(
                f"  {u.news_id} / {u.official_id} {u.official_first_words!r}: gold "
                f"{u.gold_used} {u.gold_where}, workbook {u.used} {u.where} {u.label}".rstrip()
            )
    lines += ["", "== per-role scores (paragraphs not MIXED)"]
    lines += [
        "  " + line for line in result.role_table().round(2).to_string(index=False).splitlines()
    ]
    lines += ["", "== confusion matrix (gold rows, workbook columns; paragraphs not MIXED)"]
    lines += ["  " + line for line in result.confusion().to_string().splitlines()]
    return [*lines, ""]


def summary_lines(numbers: dict) -> list[str]:
    """The headline figures as a few lines of text, the last lines the command prints."""
    f = _two
    lines = [
        f"validation ({numbers['mode']}): {numbers['paragraphs']} paragraphs, "
        f"{numbers['mixed_paragraphs']} MIXED apart, {numbers['unplaced_rows']} label rows not placed",
        f"roles: accuracy {f(numbers['role_accuracy'])}, kappa {f(numbers['role_kappa'])}; "
        f"MIXED paragraphs {f(numbers['mixed_accuracy'])}",
        f"quotations: precision {f(numbers['quote_precision'])}, recall "
        f"{f(numbers['quote_recall'])}, F1 {f(numbers['quote_f1'])} "
        f"({numbers['quotes_found']} of {numbers['quotes_gold']} found)",
        f"speakers: accuracy {f(numbers['speaker_accuracy'])} on "
        f"{numbers['speakers_scored']} found quotations with a labelled speaker",
    ]
    if "usage_f1" in numbers:
        lines.append(
            f"usage: used/omitted precision {f(numbers['usage_precision'])}, recall "
            f"{f(numbers['usage_recall'])}, F1 {f(numbers['usage_f1'])}; verbatim precision "
            f"{f(numbers['verbatim_precision'])}, recall {f(numbers['verbatim_recall'])}; "
            f"placement {f(numbers['placement_accuracy'])} ({numbers['placement_rows']} rows)"
        )
    else:
        why = "bodies only: no pairs" if numbers["mode"] == "bodies only" else "no usage labels"
        lines.append(f"usage: not measured ({why})")
    return lines
