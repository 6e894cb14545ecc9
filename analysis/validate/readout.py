"""A validation in words: its figures table, the lines the command prints, its findings.

Every number is formatted as the ``validate`` command prints it (two
decimals, ``n/a`` when there was nothing to measure), so the notebook, the
command and the findings say the same.
"""

from __future__ import annotations

import pandas as pd

from analysis.text import plural
from analysis.validate.measure import Validation

__all__ = [
    "figure",
    "share_count",
    "figures_table",
    "kappa_band",
    "report_lines",
    "summary_lines",
]


def figure(x: float) -> str:
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
        ("role accuracy", summary["role_accuracy"], plural(n, "paragraph"), roles),
        (
            "role kappa",
            summary["role_kappa"],
            plural(n, "paragraph"),
            f"agreement beyond chance: {kappa_band(summary['role_kappa'])} (Landis & Koch)",
        ),
        (
            "MIXED paragraphs right",
            summary["mixed_accuracy"],
            f"{plural(summary['mixed_paragraphs'], 'paragraph')}, scored apart",
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
            f"{found} of {plural(gold, 'gold quotation')}",
            quoted,
        ),
        ("quotation F1", summary["quote_f1"], plural(gold, "gold quotation"), quoted),
        (
            "speaker accuracy",
            summary["speaker_accuracy"],
            plural(summary["speakers_scored"], "found quotation") + " with a labelled speaker",
            "who is quoted in 01's quotation table",
        ),
    ]
    if "usage_f1" in summary:
        sentences = plural(summary["usage_rows"], "official sentence")
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
                f"{plural(summary['placement_rows'], 'sentence')} used by labels and workbook",
                "02's headline, lede and body places",
            ),
        ]
    else:
        why = "bodies only: no pairs" if summary["mode"] == "bodies only" else "no usage labels"
        rows.append(("usage", float("nan"), f"not measured ({why})", "02's usage, 05's grid"))
    table = pd.DataFrame(rows, columns=["figure", "value", "measured on", "bears on"])
    table["value"] = table["value"].map(figure)
    return table.set_index("figure")


def share_count(count: float, total: int) -> int:
    """How many of ``total`` a share stands for (shares here are counts over totals)."""
    return round(count * total)


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
    f = figure
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
