"""Aligned sentence pairs side by side as an HTML table, their word differences marked."""

from __future__ import annotations

import difflib
import html
import re

import pandas as pd

from analysis.text import normalise

__all__ = ["alignment_html"]


# Each sentence's column: wide enough that a long sentence (300 characters) takes
# four lines at 1280 px, not six; the table scrolls sideways where the page is narrower.
_TEXT_CELL = "min-width:28em;max-width:40em"


def alignment_html(alignment: pd.DataFrame, news_id: str | None = None) -> str:
    """HTML table of aligned pairs with word-level differences marked.

    Words only in the journalist's sentence are green and underlined; words only
    in the official sentence are red and struck through. Text is HTML-escaped.
    """
    rows = alignment if news_id is None else alignment[alignment["news_id"] == news_id]
    out = [
        '<table style="border-collapse:collapse;font-size:0.9em">',
        "<thead><tr><th>where</th><th>label</th><th>journalist</th><th>official</th></tr></thead><tbody>",
    ]
    for row in rows.itertuples():
        if row.label == "added":
            mine, theirs = html.escape(row.text), '<em style="color:#777">no official source</em>'
        else:
            mine, theirs = _diff_html(row.text, row.official_text)
        out.append(
            '<tr style="border-top:1px solid #ccc;vertical-align:top;text-align:left">'
            f"<td>{html.escape(row.location)} #{row.sent_no}</td><td>{html.escape(row.label)}</td>"
            f'<td style="{_TEXT_CELL}">{mine}</td><td style="{_TEXT_CELL}">{theirs}</td></tr>'
        )
    out.append("</tbody></table>")
    return "\n".join(out)


def _diff_html(mine: str, theirs: str) -> tuple[str, str]:
    a = re.findall(r"\S+", theirs)
    b = re.findall(r"\S+", mine)
    keys_a = [normalise(w).strip(".,;:“”\"'()") for w in a]
    keys_b = [normalise(w).strip(".,;:“”\"'()") for w in b]
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, keys_a, keys_b, autojunk=False
    ).get_opcodes():
        theirs_part = html.escape(" ".join(a[i1:i2]))
        mine_part = html.escape(" ".join(b[j1:j2]))
        if op == "equal":
            left.append(mine_part)
            right.append(theirs_part)
            continue
        if mine_part:
            left.append(
                f'<ins style="background:#d4efd4;text-decoration:underline">{mine_part}</ins>'
            )
        if theirs_part:
            right.append(f'<del style="background:#f7d4d4">{theirs_part}</del>')
    return " ".join(left), " ".join(right)
