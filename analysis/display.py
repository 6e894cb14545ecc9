"""Tables and HTML views for notebooks and the report.

Every view escapes article text, so a document containing ``<script>`` shows
as text, and every table keeps the ids and offsets that trace a number back
to its words.
"""

from __future__ import annotations

import html

import pandas as pd

from analysis.browse import readable_dates
from analysis.corpus import Corpus
from analysis.schema import ROLES
from analysis.text import count_words

__all__ = [
    "ROLE_COLOURS",
    "Html",
    "annotated_article",
    "default_article_id",
    "markdown",
    "overview",
    "role_finding",
    "setup_notebook",
    "words_by_role",
]

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


class Html(str):
    """A string of HTML that Jupyter renders, with a short, stable plain-text form."""

    def _repr_html_(self) -> str:
        return str(self)

    def __repr__(self) -> str:
        return f"<HTML view, {len(self):,} characters>"


def markdown(text: str):
    """Render Markdown computed by the package (findings with their numbers)."""
    from IPython.display import Markdown

    return Markdown(text)


def setup_notebook() -> None:
    """Set pandas and matplotlib display options once, the same in every notebook."""
    from analysis import plots

    pd.set_option("display.max_columns", 20)
    pd.set_option("display.max_colwidth", 80)
    pd.set_option("display.width", 120)
    pd.set_option("display.precision", 3)
    plots.use_style()


def default_article_id(corpus: Corpus) -> str:
    """The first news article loaded from a file (not a derived document)."""
    news = corpus.articles[
        (corpus.articles["kind"] == "news") & (corpus.articles["derived_from"] == "")
    ]
    if news.empty:
        return corpus.articles["article_id"].iloc[0]
    return news["article_id"].iloc[0]


def overview(corpus: Corpus) -> pd.DataFrame:
    """One row per document: kind, outlet, date, words, blocks, sentences and quotations.

    ``published`` reads as a date (``2021-04-13``, or the minute in UTC when the
    metadata gives a time); ``corpus.articles`` keeps the timestamps.
    """
    counts = {
        name: frame.groupby("article_id").size()
        for name, frame in (
            ("blocks", corpus.blocks),
            ("sentences", corpus.sentences),
            ("quotes", corpus.quotes),
        )
    }
    table = corpus.articles[
        ["article_id", "kind", "outlet", "published", "words", "derived_from"]
    ].set_index("article_id")
    for name, series in counts.items():
        table[name] = series.reindex(table.index).fillna(0).astype("int64")
    return readable_dates(table)


def words_by_role(corpus: Corpus, article_id: str | None = None) -> pd.DataFrame:
    """Blocks and words per role, over news articles loaded from files (or one article).

    Derived official documents are left out: their words are already counted,
    as ``official``, in the article they were found in.

    Args:
        corpus: The loaded corpus.
        article_id: One article to count, or ``None`` for every news article.

    Returns:
        One row per role in the vocabulary's order, with ``blocks``, ``words``
        and ``share`` (of all words counted).
    """
    articles = corpus.articles
    if article_id is None:
        wanted = articles.loc[
            (articles["kind"] == "news") & (articles["derived_from"] == ""), "article_id"
        ]
    else:
        wanted = pd.Series([article_id])
    blocks = corpus.blocks[corpus.blocks["article_id"].isin(wanted)]
    words = blocks["text"].map(count_words).astype("int64")  # int even with no blocks
    table = (
        blocks.assign(words=words)
        .groupby("role")
        .agg(blocks=("block_no", "size"), words=("words", "sum"))
        .reindex(ROLES, fill_value=0)
    )
    total = table["words"].sum()
    table["share"] = (table["words"] / total).round(3) if total else 0.0
    table.index.name = "role"
    return table


def role_finding(table: pd.DataFrame) -> str:
    """One sentence stating how the words split between the voices, from :func:`words_by_role`."""
    total = int(table["words"].sum())
    if not total:
        # words_by_role counts news articles: a corpus of official texts alone has none.
        return "No words to count: the voices are counted in news articles, and there are none"
    share = (table["words"] / total).to_dict()
    named = {
        "journalist": "the journalist's own prose",
        "official": "official text",
        "quote": "quotation blocks",
    }
    parts = [f"{named[role]} {share[role]:.0%}" for role in named if share.get(role, 0) > 0]
    top = max(named, key=lambda role: share.get(role, 0))
    return (
        f"{named[top].capitalize()} is the largest voice: "
        + ", ".join(parts)
        + f" of {total:,} words"
    )


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
