"""Agreement on source kinds: whose voice a quotation or an attribution carries.

The kinds are :func:`analysis.framing.source_kinds`'s (``official_text``,
``other_official``, ``named_other``, ``unnamed``, ``document``; ``unresolved`` is
the workbook's own, for a pronoun it did not resolve, and is never right). A kind
label file comes in one of two forms, with no text of the article in either:

* **By quotation** (with ``quotes.csv``): ``article_id, para_no, nth, source_kind``.
  ``nth`` counts the quotation rows of one labelled paragraph from 0, in the
  order the label files give them (a labelling sheet's rows, then ``quotes.csv``'s). The workbook's kind for a gold quotation is the kind of
  the innermost attribution whose content holds the quotation it found.
* **By source span** (with brat attribution labels): ``article_id, start, end,
  source_kind``, the offsets of a labelled Source. The workbook's kind is that of
  the attribution whose source overlaps the span most.

A row with an empty ``source_kind`` is not scored.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from analysis.corpus import Corpus
from analysis.errors import CorpusError

__all__ = ["KIND_FORMS", "kind_agreement", "kind_confusion", "kind_figures", "read_kind_labels"]

KIND_FORMS = {
    "quotation": ("article_id", "para_no", "nth", "source_kind"),
    "span": ("article_id", "start", "end", "source_kind"),
}
"""The two forms of a kind label file, by their columns."""

_GOLD_KINDS = ("official_text", "other_official", "named_other", "unnamed", "document", "")


def read_kind_labels(path: str | Path) -> tuple[str, pd.DataFrame]:
    """Read a kind label file.

    Args:
        path: A CSV in one of :data:`KIND_FORMS`.

    Returns:
        Its form (``quotation`` or ``span``) and its rows, those columns only, the
        two positions as integers.

    Raises:
        CorpusError: The file is missing, unreadable as UTF-8 CSV, has neither form's
            columns, or names an unknown kind or a position that is no whole number
            (the place names the line).
    """
    path = Path(path)
    if not path.is_file():
        raise CorpusError(str(path), "", "no such file", "give the path of a kind label CSV")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (pd.errors.EmptyDataError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise CorpusError(
            str(path), "", f"is no readable CSV ({exc})", "save it as a UTF-8 CSV with a header"
        ) from exc
    form = next((f for f, c in KIND_FORMS.items() if set(c) <= set(frame.columns)), None)
    if form is None:
        forms = "; or ".join(", ".join(c) for c in KIND_FORMS.values())
        raise CorpusError(
            str(path), "the header", "has neither form's columns", f"give the columns {forms}"
        )
    columns = KIND_FORMS[form]
    frame = frame[list(columns)].copy()
    for n, row in enumerate(frame.itertuples(index=False), 2):
        if row.source_kind not in _GOLD_KINDS:
            raise CorpusError(
                str(path),
                f"line {n}",
                f"names the kind {row.source_kind!r}",
                f"use one of {', '.join(k for k in _GOLD_KINDS if k)}, or leave it empty",
            )
        if not all(_WHOLE.fullmatch(str(getattr(row, c))) for c in columns[1:3]):
            raise CorpusError(
                str(path),
                f"line {n}",
                f"{columns[1]} and {columns[2]} must be whole numbers",
                "write each as digits, counted from 0",
            )
    for c in columns[1:3]:
        frame[c] = frame[c].astype("int64")
    return form, frame


_WHOLE = re.compile(r"[0-9]+")


def _innermost(article: pd.DataFrame, start: int, end: int) -> pd.Series | None:
    """Of one article's attributions, the shortest content that holds [start, end), or None."""
    rows = article[(article["start"] <= start) & (article["end"] >= end)]
    if not len(rows):
        return None
    return rows.loc[(rows["end"] - rows["start"]).idxmin()]


def _widest_overlap(article: pd.DataFrame, start: int, end: int) -> pd.Series | None:
    """Of one article's attributions, the one whose source overlaps [start, end) most."""
    rows = article[(article["source_start"] < end) & (article["source_end"] > start)]
    if not len(rows):
        return None
    overlap = rows["source_end"].clip(upper=end) - rows["source_start"].clip(lower=start)
    return rows.loc[overlap.idxmax()]


def kind_agreement(
    corpus: Corpus,
    attributed: pd.DataFrame,
    form: str,
    labels: pd.DataFrame,
    quotes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Each labelled kind beside the workbook's.

    Args:
        corpus: The loaded corpus.
        attributed: :func:`analysis.framing.source_kinds` of it.
        form: ``quotation`` or ``span`` (:func:`read_kind_labels`).
        labels: The kind labels.
        quotes: For the quotation form, :func:`~analysis.validate.quote_agreement`'s
            rows (with ``nth`` and ``quote_no``).

    Returns:
        One row per scored label: where it is, ``gold_kind``, ``status``
        (``matched``, or ``no attribution`` when the workbook has none there),
        the workbook's ``source`` and ``source_kind`` with its ``kind_evidence``,
        and ``right``.
    """
    unknown = sorted(set(labels["article_id"]) - set(corpus.articles["article_id"]))
    if unknown:
        raise CorpusError(
            "the source kind labels",
            f"article_id {unknown[0]!r}"
            + (f" and {len(unknown) - 1} more" if len(unknown) > 1 else ""),
            "names no article of the corpus",
            "give the labels of this corpus, or load the corpus they were made for",
        )
    labels = labels[labels["source_kind"] != ""]
    if form == "quotation" and quotes is None:
        raise CorpusError(
            "the source kind labels",
            "",
            "are by quotation, and no quotation was labelled",
            "give quotes.csv (--quotes), or a filled-in labelling sheet (--labels)",
        )
    # Each labelled article's attributions, selected once (not once per label).
    labelled = attributed[attributed["article_id"].isin(set(labels["article_id"]))]
    by_article = dict(tuple(labelled.groupby("article_id")))
    none = attributed.iloc[:0]
    rows = []
    if form == "quotation":
        found = quotes[quotes["status"] == "found"].set_index(["article_id", "para_no", "nth"])
        spans = corpus.quotes.set_index(["article_id", "quote_no"])[["start", "end"]]
    for label in labels.itertuples(index=False):
        match = None
        if form == "quotation":
            key = (label.article_id, label.para_no, label.nth)
            if key in found.index:
                quote_no = int(found.loc[key, "quote_no"])
                start, end = spans.loc[(label.article_id, quote_no)]
                article = by_article.get(label.article_id, none)
                match = _innermost(article, int(start), int(end))
            where = f"paragraph {label.para_no}, quotation {label.nth}"
        else:
            article = by_article.get(label.article_id, none)
            match = _widest_overlap(article, label.start, label.end)
            where = f"{label.start}-{label.end}"
        kind = "" if match is None else str(match["source_kind"])
        rows.append(
            {
                "article_id": label.article_id,
                "where": where,
                "gold_kind": label.source_kind,
                "status": "no attribution" if match is None else "matched",
                "source": "" if match is None else str(match["source_as_written"]),
                "source_kind": kind,
                "kind_evidence": "" if match is None else str(match["kind_evidence"]),
                "right": kind == label.source_kind,
            }
        )
    columns = [
        "article_id",
        "where",
        "gold_kind",
        "status",
        "source",
        "source_kind",
        "kind_evidence",
        "right",
    ]
    return pd.DataFrame(rows, columns=columns).astype({"right": bool})


def kind_figures(agreement: pd.DataFrame) -> dict[str, float | int]:
    """Accuracy of the kinds, over every scored label and over those matched."""
    matched = agreement[agreement["status"] == "matched"]
    return {
        "kind_labels": len(agreement),
        "kind_matched": len(matched),
        "kind_accuracy": agreement["right"].mean() if len(agreement) else float("nan"),
        "kind_accuracy_matched": matched["right"].mean() if len(matched) else float("nan"),
    }


def kind_confusion(agreement: pd.DataFrame) -> pd.DataFrame:
    """Gold kinds (rows) against the workbook's (columns), on matched labels."""
    matched = agreement[agreement["status"] == "matched"]
    return pd.crosstab(matched["gold_kind"], matched["source_kind"])
