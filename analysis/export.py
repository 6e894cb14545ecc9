"""Every result of the workbook out of it: one file per table, and a README of their columns.

``python -m analysis export --corpus DIR --out DIR [--format csv|parquet|xlsx]``
(or :func:`export`) loads a corpus, runs every analysis on it and writes each
frame: the loaded corpus (articles, blocks, sentences, quotes, pairs, skipped),
framing (units, alignment, sources, usage, reuse, verbs, quotation fidelity),
readability (the suite per document and per voice) and topics (mentions and
coverage by role). Every row keeps its ids and character offsets, so a table
opened in a spreadsheet still points at the words it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import readability, topics
from analysis.corpus import Corpus
from analysis.run import Workbook, run_workbook

__all__ = ["FORMATS", "TABLES", "columns_readme", "export", "result_tables", "write_tables"]

FORMATS = ("csv", "parquet", "xlsx")
EXCEL_MAX_CELL = 32_767  # characters a spreadsheet cell holds; longer text is cut there


@dataclass(frozen=True)
class Table:
    """One exported table: its file name and what a row is."""

    name: str
    row: str


TABLES = (
    Table("articles", "document (news or official, derived official texts included)"),
    Table("blocks", "paragraph, with its role, source and the rule's evidence"),
    Table("sentences", "sentence, with its role"),
    Table("quotes", "direct quotation, with its speaker, cue and the evidence"),
    Table("terms", "quoted words nobody said: a title of a work or a term held at arm's length"),
    Table("attributions", "attribution, quoted or reported: its content, source, cue and evidence"),
    Table("pairs", "news article and an official text it reports on, and how they were linked"),
    Table("skipped", "file or record not loaded, with the reason"),
    Table("framing_units", "sentence compared (journalist or official side)"),
    Table("framing_alignment", "journalist sentence, its closest official sentence and label"),
    Table("framing_sources", "journalist sentence and an official sentence it draws on"),
    Table("framing_usage", "official sentence and where a paired article used it"),
    Table("framing_reuse", "news article and an official text: containment, shared runs"),
    Table("framing_verbs", "aligned pair's verbs, their grades and the shift"),
    Table("framing_quotes", "quotation in a news article and its fidelity to the official text"),
    Table(
        "framing_attributions",
        "attribution in a news article: its source's kind, and whether it gives the "
        "source's account or narrates an act",
    ),
    Table("readability", "document loaded from a file and the readability suite"),
    Table(
        "readability_voices",
        "sentence method (workbook sentences, textstat) and voice (journalist, official, "
        "quotation), with its suite",
    ),
    Table("topic_mentions", "topic mention, with its offsets, sentence and role"),
    Table("topic_coverage", "role and a topic: mentions per 1,000 words, sentence share"),
)


def result_tables(corpus: Corpus, analyses: Workbook | None = None) -> dict[str, pd.DataFrame]:
    """Every table of the workbook on a corpus, by the names of :data:`TABLES`.

    Args:
        corpus: The loaded corpus.
        analyses: Its analyses, if already run (:func:`analysis.run.run_workbook`).
    """
    analyses = analyses or run_workbook(corpus)
    result = analyses.framing
    scores = analyses.readability.copy()  # indexed like corpus.articles
    if "article_id" not in scores:
        scores.insert(0, "article_id", corpus.articles.loc[scores.index, "article_id"])
    tables = {
        "articles": corpus.articles,
        "blocks": corpus.blocks,
        "sentences": corpus.sentences,
        "quotes": corpus.quotes,
        "terms": corpus.terms,
        "attributions": corpus.attributions,
        "pairs": corpus.pairs,
        "skipped": corpus.skipped,
        "framing_units": result.units,
        "framing_alignment": result.alignment,
        "framing_sources": result.sources,
        "framing_usage": result.usage,
        "framing_reuse": result.reuse,
        "framing_verbs": result.verbs,
        "framing_quotes": result.quotes,
        "framing_attributions": result.attributions,
        "readability": scores,
        # method and voice are the index: as columns, so the files keep them.
        "readability_voices": readability.voice_scores(corpus).reset_index(),
        "topic_mentions": analyses.mentions,
        "topic_coverage": topics.coverage(corpus, analyses.mentions, by="role"),
    }
    return {table.name: tables[table.name] for table in TABLES}


def export(corpus: Corpus, out: str | Path, fmt: str = "csv") -> list[Path]:
    """Write every table of :func:`result_tables` into ``out``, with a README of columns.

    Args:
        corpus: The loaded corpus.
        out: The folder to write (made if missing).
        fmt: ``csv`` (UTF-8, one file per table), ``parquet`` (one file per table) or
            ``xlsx`` (one workbook, a sheet per table; text longer than a cell
            holds is cut, and the README says so).

    Returns:
        The files written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    return write_tables(result_tables(corpus), out, fmt)


def write_tables(tables: dict[str, pd.DataFrame], out: str | Path, fmt: str = "csv") -> list[Path]:
    """Write tables already computed (by :func:`result_tables`) as :func:`export` does."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    if fmt == "xlsx":
        path = out / "results.xlsx"
        with pd.ExcelWriter(path) as writer:
            for name, frame in tables.items():
                _for_excel(frame).to_excel(writer, sheet_name=name[:31], index=False)
        written.append(path)
    else:
        for name, frame in tables.items():
            path = out / f"{name}.{fmt}"
            if fmt == "csv":
                frame.to_csv(path, index=False)
            else:
                _for_parquet(frame).to_parquet(path, index=False)
            written.append(path)
    readme = out / "README.md"
    readme.write_text(columns_readme(tables, fmt), encoding="utf-8")
    return [*written, readme]


def _for_excel(frame: pd.DataFrame) -> pd.DataFrame:
    """Time zones dropped (Excel has none; the values are UTC) and cells cut to fit."""
    frame = frame.copy()
    for column in frame.columns:
        values = frame[column]
        if isinstance(values.dtype, pd.DatetimeTZDtype):
            frame[column] = values.dt.tz_convert("UTC").dt.tz_localize(None)
        elif values.dtype == object or pd.api.types.is_string_dtype(values):
            frame[column] = values.map(lambda v: v[:EXCEL_MAX_CELL] if isinstance(v, str) else v)
    return frame


def _for_parquet(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns of mixed Python values stored as text, which Parquet's types require."""
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = frame[column].map(
                lambda v: v if v is None or isinstance(v, str) else str(v)
            )
    return frame


def columns_readme(tables: dict[str, pd.DataFrame], fmt: str = "csv") -> str:
    """A README for the exported tables: what a row is, how many, and the columns."""
    lines = [
        "# The workbook's results",
        "",
        "One table per file (`results.xlsx` holds them as sheets). Offsets (`start`, "
        "`end`) are character positions in the document's `text` in `articles`; ids "
        "(`article_id`, `news_id`, `official_id`, `block_no`, `sent_no`, `quote_no`) "
        "join the tables. Dates are UTC.",
        "",
    ]
    if fmt == "xlsx":
        lines += [
            f"In `results.xlsx`, text longer than {EXCEL_MAX_CELL:,} characters (a cell's "
            "limit) is cut: use the CSV or Parquet export for whole documents.",
            "",
        ]
    rows = {table.name: table.row for table in TABLES}
    for name, frame in tables.items():
        file = f"`{name}.{fmt}`" if fmt != "xlsx" else f"sheet `{name[:31]}`"
        lines += [f"## {file}", "", f"One row per {rows[name]}; {len(frame):,} rows.", ""]
        lines.append("| column | type |")
        lines.append("| --- | --- |")
        lines += [f"| `{column}` | {frame[column].dtype} |" for column in frame.columns]
        lines.append("")
    return "\n".join(lines)
