"""The report's tables page: every result table, sortable and searchable, working offline.

The notebooks show a table's first rows; a reviewer of a real corpus wants all
of them, sorted by any column and searched. :func:`tables_page` writes one
HTML page holding every table of :func:`analysis.export.result_tables` as an
interactive DataTable (itables), with the DataTables library inlined in the
page, so it opens from a file, with no network. Dates read as dates, long
texts are cut for the page (the CSV beside it holds them whole) and a table too
long for a page shows its first rows and says so.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from analysis.views import readable_dates

__all__ = ["LONG_TEXT_CHARS", "MAX_CELL_CHARS", "MAX_ROWS", "tables_page"]


MAX_ROWS = 5_000
"""Rows of one table on the page: a browser keeps a DataTable of a few thousand rows
responsive, and the page (about 200 bytes a row) stays under a few megabytes a table."""


MAX_CELL_CHARS = 160
"""Characters of a text cell on the page, about three lines of its column: a row stays a
row at 1280 pixels (``make check-browser``). Whole documents belong in the CSV."""

LONG_TEXT_CHARS = 60
"""A column with a text this long is given a readable width; the table scrolls sideways."""


def _for_page(frame: pd.DataFrame, max_rows: int, max_chars: int) -> tuple[pd.DataFrame, bool]:
    """The rows the page shows, dates readable and long texts cut with a mark; and if any was."""
    shown = readable_dates(frame.head(max_rows)).reset_index(drop=True)
    cut = False
    for column in shown.columns:
        if shown[column].dtype == object or pd.api.types.is_string_dtype(shown[column]):
            long = shown[column].map(lambda v: isinstance(v, str) and len(v) > max_chars)
            if long.any():
                cut = True
                shown[column] = shown[column].where(
                    ~long, shown[column].map(lambda v: str(v)[:max_chars] + "…")
                )
        elif isinstance(shown[column].dtype, pd.CategoricalDtype):
            shown[column] = shown[column].astype(object)
    return shown, cut


def _column_class(column: pd.Series) -> str:
    """The layout of a column on the page: its class, or ``""`` for the table's own.

    * ``long-text``: a text longer than :data:`LONG_TEXT_CHARS` keeps a readable width,
      so its rows stay a few lines tall; a table wider than the page then scrolls
      sideways, not squeezed.
    * ``one-token``: ids, files and URLs (one token each, some of 16 characters or
      more) stay on one line: wrapped at their hyphens, a long id made rows five
      lines tall.
    * ``mid-text``: a few words (a speaker, an evidence phrase; some text of 20
      characters or more) keep a width of their own: squeezed beside the long
      columns, they wrapped a word a line.
    """
    is_text = column.map(lambda v: isinstance(v, str))
    text = column[is_text]
    if text.empty:
        return ""
    longest = int(text.str.len().max())
    if longest > LONG_TEXT_CHARS:
        return "long-text"
    # An empty cell is no id, nor text; any other value that is not text is no id.
    others = column[~is_text].dropna()
    if longest >= 16 and not (others != "").any() and not text.str.contains(r"\s").any():
        return "one-token"
    if longest >= 20 and text.str.contains(" ").any():
        return "mid-text"
    return ""


def tables_page(
    tables: Mapping[str, pd.DataFrame],
    rows: Mapping[str, str],
    links: Mapping[str, str] | None = None,
    *,
    max_rows: int = MAX_ROWS,
    max_chars: int = MAX_CELL_CHARS,
) -> str:
    """One offline HTML page with every table as a sortable, searchable DataTable.

    Args:
        tables: The tables by name, in page order.
        rows: What one row of each table is ("sentence, with its role").
        links: The file holding each whole table (a CSV), relative to the page.
        max_rows: Rows shown per table (:data:`MAX_ROWS`, and why).
        max_chars: Characters shown per text cell (:data:`MAX_CELL_CHARS`).

    Returns:
        The page's HTML.
    """
    from itables import javascript

    links = links or {}
    sections = []
    for n, (name, frame) in enumerate(tables.items()):
        shown, cut = _for_page(frame, max_rows, max_chars)
        link = (
            f' <a href="{html.escape(links[name])}">{html.escape(Path(links[name]).name)}</a>'
            if name in links
            else ""
        )
        count = f"{len(frame):,} rows"
        if len(frame) > len(shown):
            count += f"; the first {len(shown):,} are shown here, the CSV holds all"
        if cut:
            count += f"; texts longer than {max_chars} characters are cut (…)"
        classes = [_column_class(shown[column]) for column in shown.columns]
        defs = [
            {"targets": [i for i, c in enumerate(classes) if c == kind], "className": kind}
            for kind in ("long-text", "one-token", "mid-text")
            if kind in classes
        ]
        body = (
            javascript.to_html_datatable(
                shown,
                table_id=f"table-{n}",
                connected=False,
                maxBytes=0,  # every row given, never itables' downsampling
                showIndex=False,
                display_logo_when_loading=False,
                lengthMenu=[10, 25, 100, 1000],
                classes="display compact",
                scrollX=True,
                columnDefs=defs,
            )
            if len(shown.columns)
            else "<p>(no columns)</p>"
        )
        sections.append(
            f'<section id="{html.escape(name)}"><h2>{html.escape(name)}</h2>'
            f"<p>One row per {html.escape(rows.get(name, 'row'))}; {count}.{link}</p>"
            f"{body}</section>"
        )
    contents = " · ".join(
        f'<a href="#{html.escape(name)}">{html.escape(name)}</a>' for name in tables
    )
    bundle = javascript.generate_init_offline_itables_html(javascript.opt.dt_bundle)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Every result table</title>
<style>
body {{ font-family: sans-serif; margin: 1.5em; }}
section {{ margin-bottom: 2.5em; }}
td {{ max-width: 36em; vertical-align: top; overflow-wrap: break-word; }}
td.long-text {{ min-width: 30em; }}
td.one-token {{ white-space: nowrap; overflow-wrap: normal; max-width: none; }}
td.mid-text {{ min-width: 12em; }}
</style>
</head>
<body>
<h1>Every result table</h1>
<p>Each table behind the notebooks: sort by a column's header, search any text, page
through every row. Offsets (<code>start</code>, <code>end</code>) count characters in the
document's text in <code>articles</code>; dates are UTC. <a href="index.html">Back to the
report</a>.</p>
<p>{contents}</p>
{bundle}
{"".join(sections)}
</body>
</html>
"""
