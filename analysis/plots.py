"""Every chart, one style; each shown as a PNG with alt text.

Charts are drawn with matplotlib's object API and shown through
:func:`show`, which attaches alt text to the image and closes the figure, so
a notebook cell emits exactly one image and no ``<Figure ...>`` or
``<Line2D ...>`` text.
"""

from __future__ import annotations

import io
import textwrap

import matplotlib

matplotlib.use("Agg")  # no display here; notebooks get PNGs through show()

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

__all__ = ["use_style", "show", "words_by_role_chart"]

STYLE = {
    "figure.figsize": (7.5, 3.6),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "analysis",
}


def use_style() -> None:
    """Apply the workbook's matplotlib style."""
    plt.rcParams.update(STYLE)


def show(fig: plt.Figure, alt: str):
    """Display a figure as a PNG with alt text, then close it.

    Args:
        fig: The figure to show.
        alt: What the chart shows, in words, for readers who cannot see it.

    Returns:
        An IPython image (the last expression of a cell displays it).
    """
    from IPython.display import Image

    if not alt.strip():
        raise ValueError("every figure needs alt text")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return Image(data=buffer.getvalue(), format="png", alt=alt)


def words_by_role_chart(table: pd.DataFrame, title: str, colours: dict[str, str]) -> plt.Figure:
    """Horizontal bars of words per role, from :func:`analysis.display.words_by_role`.

    Args:
        table: Indexed by role, with a ``words`` column.
        title: A title that states the finding.
        colours: Colour per role.

    Returns:
        The figure.
    """
    data = table[table["words"] > 0].iloc[::-1]
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * len(data) + 1.2))
    ax.barh(data.index, data["words"], color=[colours[r] for r in data.index], edgecolor="#555")
    for y, words in enumerate(data["words"]):
        ax.text(words, y, f" {words:,}", va="center", fontsize=9)
    ax.set_xlabel("words")
    ax.set_title(textwrap.fill(title, 80), loc="left")
    ax.margins(x=0.12)
    return fig
