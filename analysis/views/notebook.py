"""What a notebook cell shows: one set of display options, Markdown, HTML and figures.

:func:`show` attaches alt text to a chart's PNG and closes the figure, so a
notebook cell emits exactly one image and no ``<Figure ...>`` or
``<Line2D ...>`` text.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pandas as pd

from analysis.views.charts import use_style

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["Html", "markdown", "setup_notebook", "show"]


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
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.max_colwidth", 80)
    pd.set_option("display.width", 120)
    pd.set_option("display.precision", 3)
    use_style()


def show(fig: Figure, alt: str):
    """Display a figure as a PNG with alt text, then close it.

    Args:
        fig: The figure to show.
        alt: What the chart shows, in words, for readers who cannot see it.

    Returns:
        An IPython image (the last expression of a cell displays it).
    """
    import matplotlib.pyplot as plt  # after analysis.views.charts, which chose the Agg backend
    from IPython.display import Image

    if not alt.strip():
        raise ValueError("every figure needs alt text")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return Image(data=buffer.getvalue(), format="png", alt=alt)
