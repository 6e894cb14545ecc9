"""One article as a reader sees it, in HTML: each block coloured by its role, quotations marked.

The view escapes the article's text, so a document containing ``<script>``
shows as text, and each block keeps the offsets that trace it to its words.
"""

from __future__ import annotations

import html

import pandas as pd

from analysis.corpus import Corpus
from analysis.views.notebook import Html

__all__ = ["ROLE_COLOURS", "annotated_article"]


# Okabe-Ito hues, lightened for a text background; distinct for colour-blind readers.
ROLE_COLOURS = {
    "headline": "#f4d7a1",
    "byline": "#dcdcdc",
    "credit": "#e8e0f0",
    "journalist": "#cfe6f7",
    "official": "#f7d3c1",
    "quote": "#d4efe4",
    "embed": "#f6f0b5",
    "boilerplate": "#eeeeee",
}


def annotated_article(corpus: Corpus, article_id: str) -> Html:
    """The article as a reader sees it, each block coloured by role, quotations marked.

    Each block carries its role, number and character offsets; each quotation is
    underlined and followed by its speaker and cue. Hovering a block shows the
    evidence for its role.

    Args:
        corpus: The loaded corpus.
        article_id: The article to show.

    Returns:
        An HTML view (escaped text, inline styles, no scripts).
    """
    blocks = corpus.blocks[corpus.blocks["article_id"] == article_id]
    quotes = corpus.quotes[corpus.quotes["article_id"] == article_id]
    if blocks.empty:
        raise KeyError(f"no blocks for article {article_id!r}")
    text = corpus.article(article_id)["text"]
    parts = [_legend(), '<div style="max-width:52em;font-family:Georgia,serif;line-height:1.45">']
    for block in blocks.itertuples():
        inner = _mark_quotes(
            text, block.start, block.end, quotes[quotes["block_no"] == block.block_no]
        )
        label = f"{block.role} · block {block.block_no} · {block.start}–{block.end}"
        parts.append(
            f'<div style="background:{ROLE_COLOURS[block.role]};margin:0.35em 0;padding:0.3em 0.6em;'
            f'border-left:6px solid {_darker(ROLE_COLOURS[block.role])};white-space:pre-wrap" '
            f'title="{html.escape(block.evidence)}">'
            f'<span style="font:0.7em sans-serif;color:#444;display:block">{html.escape(label)}</span>'
            f"{inner}</div>"
        )
    parts.append("</div>")
    return Html("\n".join(parts))


def _mark_quotes(text: str, lo: int, hi: int, quotes: pd.DataFrame) -> str:
    out, cursor = [], lo
    for quote in quotes.sort_values("start").itertuples():
        out.append(html.escape(text[cursor : quote.start]))
        who = quote.speaker or "speaker unknown"
        cue = f", {quote.cue}" if quote.cue else ""
        out.append(
            f'<span style="text-decoration:underline 2px #1b7a4a" title="{html.escape(quote.speaker_evidence)}">'
            f"{html.escape(text[quote.start : quote.end])}</span>"
            f'<sup style="font:0.7em sans-serif;color:#1b7a4a"> [{html.escape(who + cue)}]</sup>'
        )
        cursor = quote.end
    out.append(html.escape(text[cursor:hi]))
    return "".join(out)


def _legend() -> str:
    chips = " ".join(
        f'<span style="background:{colour};border-left:6px solid {_darker(colour)};'
        f'padding:0.1em 0.5em;margin-right:0.3em">{role}</span>'
        for role, colour in ROLE_COLOURS.items()
    )
    return (
        f'<p style="font:0.85em sans-serif">Roles: {chips} '
        '<span style="text-decoration:underline 2px #1b7a4a">quotation</span> '
        '<sup style="color:#1b7a4a">[speaker, cue]</sup></p>'
    )


def _darker(colour: str) -> str:
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{int(c * 0.6):02x}" for c in rgb)
