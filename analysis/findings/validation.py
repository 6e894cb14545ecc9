"""Validation's findings in prose: how far the roles, speakers and usage agree with hand labels."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from analysis.text import plural
from analysis.validate import figure, kappa_band, share_count

__all__ = ["confusion_finding", "no_labels_finding", "validation_finding"]


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
            f"{share_count(summary['role_accuracy'], n)} of {plural(n, 'paragraph')} (accuracy "
            f"{figure(summary['role_accuracy'])}, kappa {figure(kappa)}{band})"
        )
    else:
        first = "No hand-labelled paragraph could be scored for its role"
    found, gold = summary["quotes_found"], summary["quotes_gold"]
    if gold:
        first += (
            f"; it finds {found} of {plural(gold, 'gold quotation')} (precision "
            f"{figure(summary['quote_precision'])}, recall {figure(summary['quote_recall'])}, "
            f"F1 {figure(summary['quote_f1'])})"
        )
        if summary["speakers_scored"]:
            first += (
                f" and names the right speaker for "
                f"{share_count(summary['speaker_accuracy'], summary['speakers_scored'])} of "
                f"{summary['speakers_scored']} (speaker accuracy "
                f"{figure(summary['speaker_accuracy'])})"
            )
    else:
        first += "; no quotation is labelled, so quotations and speakers are not measured"
    paragraphs = [first + "."]
    more = []
    mixed = summary["mixed_paragraphs"]
    if mixed:
        more.append(
            f"{share_count(summary['mixed_accuracy'], mixed)} of {plural(mixed, 'MIXED paragraph')}, "
            f"scored apart, get the role they are labelled with (accuracy "
            f"{figure(summary['mixed_accuracy'])})."
        )
    if 0 < n < 100:
        more.append(
            f"On {n} paragraphs one error more or less moves role accuracy by "
            f"{figure(1 / n)}: these figures describe the labelled articles; label more "
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
            f"precision {figure(summary['usage_precision'])}, recall "
            f"{figure(summary['usage_recall'])}, F1 {figure(summary['usage_f1'])}; verbatim "
            f"precision {figure(summary['verbatim_precision'])}, recall "
            f"{figure(summary['verbatim_recall'])}; placement accuracy "
            f"{figure(summary['placement_accuracy'])} on the "
            f"{plural(summary['placement_rows'], 'sentence')} both the labels and the workbook "
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
