"""Everything a notebook shows: tables, the annotated article, charts, Markdown and figures.

A notebook writes ``from analysis import views`` and then, for example,
``views.show(views.words_by_role_chart(...), alt)`` or ``views.markdown(...)``.

* :mod:`analysis.views.notebook`: display options, Markdown, HTML, :func:`show`.
* :mod:`analysis.views.tables`: the corpus's documents and each voice's words.
* :mod:`analysis.views.article`: one article in HTML, coloured by role.
* :mod:`analysis.views.charts`: every chart, in one style.
"""

from analysis.views.article import ROLE_COLOURS, annotated_article
from analysis.views.charts import (
    attention_chart,
    confusion_heatmap,
    distinctive_words_chart,
    label_chart,
    message_figure,
    nmf_stability_chart,
    omission_heatmap,
    outlet_bars,
    readability_interval_chart,
    sentence_lengths_chart,
    source_kind_chart,
    topic_gap_chart,
    topic_heatmap,
    topic_slope_chart,
    usage_chart,
    use_style,
    verb_shift_chart,
    voice_share_chart,
    words_by_role_chart,
)
from analysis.views.diffs import alignment_html
from analysis.views.notebook import Html, markdown, setup_notebook, show
from analysis.views.tables import (
    default_article_id,
    focus_article,
    overview,
    readable_dates,
    words_by_role,
)

__all__ = [
    "alignment_html",
    # tables and HTML (formerly analysis.display)
    "ROLE_COLOURS",
    "Html",
    "annotated_article",
    "default_article_id",
    "focus_article",
    "markdown",
    "overview",
    "readable_dates",
    "setup_notebook",
    "words_by_role",
    # charts (formerly analysis.plots)
    "attention_chart",
    "confusion_heatmap",
    "distinctive_words_chart",
    "label_chart",
    "message_figure",
    "nmf_stability_chart",
    "omission_heatmap",
    "outlet_bars",
    "source_kind_chart",
    "voice_share_chart",
    "readability_interval_chart",
    "sentence_lengths_chart",
    "show",
    "topic_gap_chart",
    "topic_heatmap",
    "topic_slope_chart",
    "usage_chart",
    "use_style",
    "verb_shift_chart",
    "words_by_role_chart",
]
