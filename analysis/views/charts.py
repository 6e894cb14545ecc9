"""Every chart, drawn in one style; :func:`analysis.views.show` shows each as a PNG with alt text.

Charts are drawn with matplotlib's object API and returned as figures; a
notebook passes each to :func:`analysis.views.show`, which attaches alt text
to the image and closes the figure.
"""

from __future__ import annotations

import textwrap

import matplotlib

matplotlib.use("Agg")  # no display here; notebooks get PNGs through show()

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

__all__ = [
    "VOICE_COLOURS",
    "source_kind_chart",
    "voice_share_chart",
    "attention_chart",
    "confusion_heatmap",
    "distinctive_words_chart",
    "label_chart",
    "message_figure",
    "nmf_stability_chart",
    "omission_heatmap",
    "outlet_bars",
    "readability_interval_chart",
    "sentence_lengths_chart",
    "topic_gap_chart",
    "topic_heatmap",
    "topic_slope_chart",
    "usage_chart",
    "use_style",
    "verb_shift_chart",
    "words_by_role_chart",
]


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


def readability_interval_chart(
    intervals: pd.DataFrame, metric: str, title: str, flags: dict[str, str] | None = None
) -> plt.Figure:
    """Each voice's score with its bootstrap interval, and the journalist-minus-official difference.

    Args:
        intervals: From :func:`analysis.readability.bootstrap`.
        metric: The metric to draw.
        title: A title that states the finding.
        flags: Voice -> flag text (from :func:`analysis.readability.flag`); a
            flagged voice is labelled "(flagged)" and drawn in orange.

    Returns:
        The figure; a voice without an interval is drawn as its point alone and
        labelled "no interval".
    """
    rows = intervals[intervals["metric"] == metric].reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(7.5, 0.55 * len(rows) + 1.4))
    for y, row in rows.iloc[::-1].reset_index(drop=True).iterrows():
        flagged = bool((flags or {}).get(row["voice"]))
        colour = "#555555" if "−" in row["voice"] else ("#e69f00" if flagged else "#1f6fb2")
        if pd.notna(row["low"]):
            ax.plot([row["low"], row["high"]], [y, y], color=colour, lw=3, solid_capstyle="butt")
        if pd.notna(row["estimate"]):
            ax.plot(row["estimate"], y, "o", color="black", zorder=3)
        label = "no interval" if pd.isna(row["low"]) else f"{row['low']:.1f} to {row['high']:.1f}"
        ax.annotate(
            f" {label}", (1.0, y), xycoords=("axes fraction", "data"), va="center", fontsize=8
        )
    labels = [v + (" (flagged)" if (flags or {}).get(v) else "") for v in rows["voice"]]
    ax.set_yticks(range(len(rows)), labels[::-1])
    ax.axvline(0, color="#999999", lw=0.8, ls=":")
    ax.set_xlabel(metric.replace("_", " ") + " (dot: estimate; bar: 95% bootstrap interval)")
    ax.set_title(textwrap.fill(title, 80), loc="left")
    return fig


def sentence_lengths_chart(table: pd.DataFrame, title: str, voices: tuple[str, ...]) -> plt.Figure:
    """Words per sentence and syllables per word of every sentence, by voice.

    Args:
        table: From :func:`analysis.readability.sentence_table`.
        title: A title that states the finding.
        voices: The voices, in order, one row each.

    Returns:
        The figure: two panels of dots, one per sentence; hollow dots are the
        sentences textstat's sentence rule ignores (two words or fewer).
    """
    import numpy as np

    fig, axes = plt.subplots(1, 2, figsize=(8.5, 0.6 * len(voices) + 1.6), sharey=True)
    for ax, column, label in (
        (axes[0], "words", "words per sentence"),
        (axes[1], "syllables_per_word", "syllables per word"),
    ):
        for y, voice in enumerate(voices):
            rows = table[table["voice"] == voice]
            # A small fixed jitter keeps equal values visible and the PNG deterministic.
            ys = y + ((np.arange(len(rows)) % 5) - 2) * 0.06
            counted = rows["counted"].to_numpy(dtype=bool)
            values = rows[column].to_numpy(dtype=float)
            ax.scatter(values[counted], ys[counted], s=22, color="#1f6fb2", alpha=0.8)
            ax.scatter(
                values[~counted], ys[~counted], s=22, facecolors="none", edgecolors="#c0392b"
            )
            if rows.empty:
                ax.annotate(" no text", (0, y), xycoords=("axes fraction", "data"), va="center")
        ax.set_xlabel(label)
    axes[0].set_yticks(range(len(voices)), voices)
    fig.suptitle(textwrap.fill(title, 90), x=0.02, ha="left", fontweight="bold", fontsize=11)
    fig.tight_layout()
    return fig


def words_by_role_chart(table: pd.DataFrame, title: str, colours: dict[str, str]) -> plt.Figure:
    """Horizontal bars of words per role, from :func:`analysis.views.words_by_role`.

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


# --- topics (analysis.topics) ----------------------------------------------------------


TOPIC_STATUS_COLOURS = {
    "both": "#0072B2",
    "added": "#E69F00",
    "dropped": "#D55E00",
    "no official text": "#777777",
}


def message_figure(title: str, message: str) -> plt.Figure:
    """A small figure that says in words what a chart would show, when the data cannot.

    Args:
        title: The chart's title (its finding, or why there is none).
        message: What the chart shows on a corpus that has the data.

    Returns:
        The figure.
    """
    fig, ax = plt.subplots(figsize=(7.5, 1.4))
    ax.axis("off")
    ax.text(0, 0.5, textwrap.fill(message, 95), va="center", fontsize=9.5, color="#333")
    ax.set_title(textwrap.fill(title, 80), loc="left")
    return fig


def topic_heatmap(table: pd.DataFrame, title: str, value_label: str) -> plt.Figure:
    """Heatmap of rows (roles, outlets, months) × topics, each cell labelled with its value.

    Args:
        table: Rows × topic labels, numbers (from :func:`analysis.topics.role_topic_table`
            or a pivoted :func:`analysis.topics.attention` table).
        title: A title that states the finding.
        value_label: What the numbers are, for the colour bar.

    Returns:
        The figure.
    """
    import numpy as np

    values = table.to_numpy(dtype=float)
    fig, ax = plt.subplots(
        figsize=(max(5.0, 0.75 * table.shape[1] + 2.8), 0.5 * table.shape[0] + 2.2)
    )
    image = ax.imshow(values, cmap="Blues", aspect="auto", vmin=0)
    top = np.nanmax(values) if values.size else 0
    for (row, col), value in np.ndenumerate(values):
        if value > 0:
            text = f"{value:.0%}" if "share" in value_label else f"{value:.3g}"
            colour = "white" if value > 0.6 * top else "#222"
            ax.text(col, row, text, ha="center", va="center", fontsize=8, color=colour)
    ax.set_xticks(range(table.shape[1]), [textwrap.fill(str(c), 18) for c in table.columns])
    ax.set_yticks(range(table.shape[0]), [str(r) for r in table.index])
    plt.setp(ax.get_xticklabels(), rotation=40, ha="right", rotation_mode="anchor", fontsize=8)
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    fig.colorbar(image, ax=ax, shrink=0.8, label=value_label)
    ax.set_title(textwrap.fill(title, 80), loc="left")
    return fig


def topic_slope_chart(table: pd.DataFrame, title: str) -> plt.Figure:
    """Slope chart: each topic's order in the journalist's words against the official text.

    Args:
        table: From :func:`analysis.topics.compare_voices` (``journalist_rank``,
            ``official_rank``, ``label``, ``status``).
        title: A title that states the finding.

    Returns:
        The figure: rank 1 at the top; topics one voice never mentions sit on
        a "not mentioned" row below, with hollow markers.
    """
    ranks = table[["journalist_rank", "official_rank"]].astype("Float64")
    bottom = float(ranks.max().max() if ranks.notna().any().any() else 0) + 1.5
    fig, ax = plt.subplots(figsize=(7.5, 0.38 * bottom + 1.6))
    for topic, row in table.iterrows():
        left = ranks.loc[topic, "journalist_rank"]
        right = ranks.loc[topic, "official_rank"]
        y = [bottom if pd.isna(left) else float(left), bottom if pd.isna(right) else float(right)]
        colour = TOPIC_STATUS_COLOURS.get(row["status"], "#777777")
        dashed = pd.isna(left) or pd.isna(right)
        ax.plot([0, 1], y, color=colour, lw=2, ls="--" if dashed else "-")
        for x, v, missing in ((0, y[0], pd.isna(left)), (1, y[1], pd.isna(right))):
            ax.scatter(
                [x], [v], s=40, zorder=3, color="white" if missing else colour, edgecolor=colour
            )
        if not pd.isna(left):
            ax.text(
                -0.04, y[0], f"{int(left)}. {row['label']}", ha="right", va="center", fontsize=8.5
            )
        if not pd.isna(right):
            ax.text(
                1.04, y[1], f"{int(right)}. {row['label']}", ha="left", va="center", fontsize=8.5
            )
    ax.axhline(bottom - 0.6, color="#bbb", lw=0.8)
    ax.text(0.5, bottom, "not mentioned", ha="center", va="center", fontsize=8, color="#555")
    ax.set_xlim(-0.9, 1.9)
    ax.set_ylim(bottom + 0.7, 0.3)
    ax.set_xticks([0, 1], ["journalist's words\n(headline + prose)", "official text"])
    ax.set_yticks([])
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=0)
    ax.set_title(textwrap.fill(title, 80), loc="left")
    return fig


def topic_gap_chart(table: pd.DataFrame, title: str) -> plt.Figure:
    """Diverging bars: each topic's mentions in the official text (left) and the article (right).

    Args:
        table: From :func:`analysis.topics.compare_voices`.
        title: A title that states the finding.

    Returns:
        The figure, bars coloured by status (kept, added, dropped).
    """
    data = table.iloc[::-1]
    fig, ax = plt.subplots(figsize=(7.5, 0.4 * len(data) + 1.6))
    colours = [TOPIC_STATUS_COLOURS.get(s, "#777777") for s in data["status"]]
    y = range(len(data))
    ax.barh(y, -data["official_mentions"], color=colours, alpha=0.55, edgecolor="#555")
    ax.barh(y, data["journalist_mentions"], color=colours, edgecolor="#555")
    for n, (official, journalist) in enumerate(
        zip(data["official_mentions"], data["journalist_mentions"], strict=True)
    ):
        if official:
            ax.text(-official, n, f"{official} ", ha="right", va="center", fontsize=8)
        if journalist:
            ax.text(journalist, n, f" {journalist}", ha="left", va="center", fontsize=8)
    ax.set_yticks(
        list(y),
        [
            f"{label} ({status})"
            for label, status in zip(data["label"], data["status"], strict=True)
        ],
    )
    ax.axvline(0, color="#333", lw=0.8)
    ax.set_xlabel("← mentions in the official text  |  mentions in the journalist's words →")
    limit = max(
        1, int(data[["official_mentions", "journalist_mentions"]].to_numpy().max(initial=0))
    )
    ax.set_xlim(-limit * 1.25, limit * 1.25)
    from matplotlib.ticker import FuncFormatter

    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{abs(v):g}"))
    ax.set_title(textwrap.fill(title, 80), loc="left")
    return fig


def attention_chart(matrix: pd.DataFrame, title: str) -> plt.Figure:
    """Heatmap of the share of articles per outlet or month mentioning each topic.

    Args:
        matrix: From :func:`analysis.topics.attention_matrix` (groups × topics).
        title: A title that states the finding (or why there is none).

    Returns:
        The figure; with fewer than two groups, a figure that says what the chart
        would show.
    """
    if len(matrix.index) < 2 or matrix.empty:
        by = matrix.index.name or "group"
        return message_figure(
            f"Attention by {by}: not enough {by}s in this corpus",
            title,
        )
    return topic_heatmap(matrix, title, "share of articles")


def nmf_stability_chart(terms: pd.DataFrame, title: str) -> plt.Figure:
    """Bars of each NMF topic's stability across seeds, labelled with its top terms.

    Args:
        terms: ``NmfTopics.terms`` from :func:`analysis.topics.nmf_topics`.
        title: A title that states the finding.

    Returns:
        The figure.
    """
    if terms.empty:
        return message_figure(
            title,
            "On a corpus of a few dozen articles or more, this chart shows each data-driven "
            "(NMF) topic with its top terms and how stable it is across random seeds.",
        )
    data = terms.iloc[::-1]
    fig, ax = plt.subplots(figsize=(7.5, 0.42 * len(data) + 1.4))
    ax.barh(range(len(data)), data["stability"], color="#0072B2", edgecolor="#555")
    labels = [
        f"{name}: {textwrap.shorten(top, 55)}"
        for name, top in zip(data.index, data["top_terms"], strict=True)
    ]
    ax.set_yticks(range(len(data)), labels, fontsize=8)
    for n, value in enumerate(data["stability"]):
        ax.text(value, n, f" {value:.2f}", va="center", fontsize=8)
    ax.set_xlim(0, 1.12)
    ax.set_xlabel(
        "stability: cosine similarity to the same topic under other seeds (1 = identical)"
    )
    ax.set_title(textwrap.fill(title, 80), loc="left")
    return fig


# --- framing ----------------------------------------------------------------------------


USAGE_COLOURS = {"headline": "#d55e00", "lede": "#e69f00", "body": "#56b4e9", "omitted": "#dddddd"}


LABEL_COLOURS = {
    "verbatim": "#d55e00",
    "close paraphrase": "#e69f00",
    "loose paraphrase": "#f0e442",
    "added": "#56b4e9",
}


def usage_chart(usage: pd.DataFrame, title: str) -> plt.Figure:
    """One row per official sentence, coloured by where the article used it.

    Args:
        usage: Rows of :attr:`analysis.framing.Framing.usage` for one article and document.
        title: A title that states the finding.

    Returns:
        The figure.
    """
    rows = usage.sort_values("official_sent_no", ascending=False)
    fig, ax = plt.subplots(figsize=(8, 0.42 * len(rows) + 1.4))
    labels = [
        f"#{n}: {textwrap.shorten(t, 60, placeholder='…')}"
        for n, t in zip(rows["official_sent_no"], rows["text"], strict=True)
    ]
    ax.barh(labels, 1, color=[USAGE_COLOURS[u] for u in rows["used_in"]], edgecolor="#555")
    for y, used in enumerate(rows["used_in"]):
        ax.text(0.5, y, used, ha="center", va="center", fontsize=9)
    ax.set_xticks([])
    ax.set_xlim(0, 1)
    ax.set_title(textwrap.fill(title, 80), loc="left")
    return fig


def label_chart(counts: pd.Series, title: str) -> plt.Figure:
    """Journalist sentences per alignment label (verbatim … added)."""
    data = counts.reindex(list(LABEL_COLOURS), fill_value=0).iloc[::-1]
    fig, ax = plt.subplots(figsize=(7.5, 2.6))
    ax.barh(
        data.index, data.to_numpy(), color=[LABEL_COLOURS[k] for k in data.index], edgecolor="#555"
    )
    for y, value in enumerate(data.to_numpy()):
        ax.text(value, y, f" {value}", va="center", fontsize=9)
    ax.set_xlabel("journalist sentences")
    ax.set_title(textwrap.fill(title, 80), loc="left")
    ax.margins(x=0.12)
    return fig


def verb_shift_chart(verbs: pd.DataFrame, title: str) -> plt.Figure:
    """Arrows from the official verb's grade to the journalist's, one row per aligned pair."""
    rows = verbs.dropna(subset=["shift"]).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(8, 0.5 * max(1, len(rows)) + 1.4))
    for y, row in rows.iterrows():
        ax.annotate(
            "",
            xy=(row["journalist_grade"], y),
            xytext=(row["official_grade"], y),
            arrowprops={
                "arrowstyle": "->",
                "color": "#d55e00" if row["shift"] > 0 else "#0072b2",
                "lw": 2,
            },
        )
        ax.plot([row["official_grade"]], [y], "o", color="#777")
        ax.text(
            3.6, y, f"{row['official_verbs']} → {row['journalist_verbs']}", va="center", fontsize=9
        )
    ax.set_yticks(
        range(len(rows)),
        [f"{loc} #{n}" for loc, n in zip(rows["location"], rows["sent_no"], strict=True)],
    )
    ax.set_xticks([-1, 0, 1, 2, 3], ["tentative", "neutral", "emphatic", "assertive", "hostile"])
    ax.set_xlim(-1.5, 7)
    ax.invert_yaxis()
    ax.set_title(textwrap.fill(title, 80), loc="left")
    return fig


def distinctive_words_chart(words: pd.DataFrame, title: str, top: int = 12) -> plt.Figure:
    """z-scores of the most distinctive words of each voice; pale bars are |z| < 1.96."""
    ranked = words.sort_values("z")
    data = pd.concat([ranked.head(top), ranked.tail(top)]).drop_duplicates("word")
    fig, ax = plt.subplots(figsize=(7.5, 0.28 * len(data) + 1.4))
    colours = ["#0072b2" if z < 0 else "#d55e00" for z in data["z"]]
    alphas = [1.0 if reliable else 0.35 for reliable in data["reliable"]]
    for y, (z, colour, alpha) in enumerate(zip(data["z"], colours, alphas, strict=True)):
        ax.barh(y, z, color=colour, alpha=alpha, edgecolor="#555")
    ax.set_yticks(range(len(data)), data["word"])
    ax.axvline(0, color="#333", lw=0.8)
    for edge in (-1.96, 1.96):
        ax.axvline(edge, color="#999", lw=0.8, ls="--")
    ax.set_xlabel("z-score (left: official text, right: journalist; pale: |z| < 1.96)")
    ax.set_title(textwrap.fill(title, 80), loc="left")
    return fig


def omission_heatmap(matrix: pd.DataFrame, title: str) -> plt.Figure:
    """Official sentences × articles, each cell coloured by where the article used the sentence."""
    from matplotlib.colors import ListedColormap

    places = list(USAGE_COLOURS)
    codes = matrix.apply(lambda column: column.map(places.index)).to_numpy(dtype=float)
    fig, ax = plt.subplots(
        figsize=(max(6, 0.7 * matrix.shape[1] + 4), 0.45 * matrix.shape[0] + 1.8)
    )
    ax.imshow(
        codes, cmap=ListedColormap(list(USAGE_COLOURS.values())), vmin=0, vmax=3, aspect="auto"
    )
    for (y, x), value in np.ndenumerate(matrix.to_numpy()):
        ax.text(x, y, value, ha="center", va="center", fontsize=7)
    ax.set_xticks(range(matrix.shape[1]), matrix.columns, rotation=30, ha="right")
    ax.set_yticks(range(matrix.shape[0]), matrix.index)
    ax.set_title(textwrap.fill(title, 90), loc="left")
    return fig


def outlet_bars(table: pd.DataFrame, column: str, title: str, xlabel: str) -> plt.Figure:
    """One bar per outlet for a column of :func:`analysis.framing.outlet_summary`."""
    if len(table) < 2:
        return message_figure("Outlets: not enough outlets in this corpus", title)
    data = table.sort_values(column)
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * len(data) + 1.4))
    ax.barh(data["outlet"], data[column], color="#0072b2", edgecolor="#555")
    for y, value in enumerate(data[column]):
        ax.text(value, y, f" {value:.2f}", va="center", fontsize=9)
    ax.set_xlabel(xlabel)
    ax.margins(x=0.15)
    ax.set_title(textwrap.fill(title, 80), loc="left")
    return fig


# --- validation (analysis.validate) --------------------------------------------------------


def confusion_heatmap(table: pd.DataFrame | None, title: str) -> plt.Figure:
    """Heatmap of gold roles (rows) by the workbook's roles (columns), each cell its count.

    Args:
        table: From :meth:`analysis.validate.Validation.confusion`; ``None`` when
            there are no labels.
        title: A title that states the finding.

    Returns:
        The figure: agreements on the diagonal in blue, disagreements in orange
        (darker for more paragraphs), empty cells blank; with no paragraph, a
        figure that says what the chart would show.
    """
    values = np.zeros((0, 0)) if table is None else table.to_numpy(dtype=float)
    if not values.size or not values.sum():
        return message_figure(
            title,
            "With hand-labelled paragraphs, this grid shows each gold role against the role "
            "the workbook gave the paragraph: agreements on the diagonal, confusions off it.",
        )
    from matplotlib.colors import to_rgb

    top = values.max()
    colours = np.ones((*values.shape, 3))
    for (row, col), value in np.ndenumerate(values):
        if value > 0:
            hue = np.array(to_rgb("#0072b2" if row == col else "#d55e00"))
            strength = 0.35 + 0.65 * value / top
            colours[row, col] = 1 - strength * (1 - hue)
    fig, ax = plt.subplots(
        figsize=(max(4.5, 0.8 * table.shape[1] + 2.6), 0.5 * table.shape[0] + 2.0)
    )
    ax.imshow(colours, aspect="auto")
    for (row, col), value in np.ndenumerate(values):
        if value > 0:
            colour = "white" if value > 0.5 * top else "#222222"
            ax.text(col, row, f"{value:.0f}", ha="center", va="center", fontsize=9, color=colour)
    ax.set_xticks(range(table.shape[1]), [str(c) or "(no block)" for c in table.columns])
    ax.set_yticks(range(table.shape[0]), [str(r) for r in table.index])
    plt.setp(ax.get_xticklabels(), rotation=30, ha="right", rotation_mode="anchor")
    ax.set_xticks(np.arange(-0.5, table.shape[1]), minor=True)
    ax.set_yticks(np.arange(-0.5, table.shape[0]), minor=True)
    ax.grid(which="minor", color="#dddddd", lw=0.8)
    ax.tick_params(which="both", length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel("the workbook's role")
    ax.set_ylabel("gold role (hand label)")
    ax.set_title(textwrap.fill(title, 70), loc="left")
    return fig


# --- sources (analysis.framing.attributed) -----------------------------------------------

VOICE_COLOURS = {
    "own_voice": "#0072B2",
    "attributed_to_official": "#D55E00",
    "attributed_to_others": "#E69F00",
    "quoted": "#009E73",
}


def voice_share_chart(
    shares: pd.DataFrame, title: str, by: str = "article_id", max_bars: int = 40
) -> plt.Figure:
    """Stacked bars: the share of each article's (or outlet's) prose in each voice.

    Args:
        shares: :func:`analysis.framing.voice_shares`, one row per article; with
            ``by="outlet"`` summed per outlet first.
        title: A title that states the finding.
        by: ``article_id`` or ``outlet``.
        max_bars: The most bars drawn one by one: 40 still read at 1280 px. With
            more, the shares are stacked areas over the articles ranked by their
            own voice, so a thousand articles make one figure of the usual size
            (a bar each made one 300 inches tall, and took seconds to draw).

    Returns:
        The figure.
    """
    voices = list(VOICE_COLOURS)
    data = shares.groupby(by)[["words", *voices]].sum()
    data = data[data["words"] > 0]
    if data.empty:
        return message_figure(title, "Each bar would split an article's prose between voices.")
    share = data[voices].div(data["words"], axis=0).sort_values("own_voice")
    if len(share) > max_bars:
        return _voice_share_areas(share, title, "articles" if by == "article_id" else f"{by}s")
    fig, ax = plt.subplots(figsize=(7.5, 0.35 * len(share) + 1.6))
    left = np.zeros(len(share))
    for voice in voices:
        ax.barh(
            share.index.astype(str),
            share[voice],
            left=left,
            color=VOICE_COLOURS[voice],
            label=voice.replace("_", " "),
            edgecolor="white",
        )
        left += share[voice].to_numpy()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the prose's words")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=4, fontsize=8, frameon=False)
    ax.set_title(textwrap.fill(title, 80), loc="left")
    fig.tight_layout()
    return fig


def _voice_share_areas(share: pd.DataFrame, title: str, things: str) -> plt.Figure:
    """Stacked areas of each voice's share, over the rows of ``share`` ranked by their own voice."""
    fig, ax = plt.subplots(figsize=(7.5, 3.6))
    x = np.arange(1, len(share) + 1)
    ax.stackplot(
        x,
        *(share[voice].to_numpy() for voice in VOICE_COLOURS),
        colors=list(VOICE_COLOURS.values()),
        labels=[voice.replace("_", " ") for voice in VOICE_COLOURS],
    )
    ax.set_xlim(1, len(share))
    ax.set_ylim(0, 1)
    ax.set_xlabel(f"the {len(share):,} {things}, ranked by the journalist's own voice")
    ax.set_ylabel("share of the prose's words")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=4, fontsize=8, frameon=False)
    ax.set_title(textwrap.fill(title, 80), loc="left")
    fig.tight_layout()
    return fig


def source_kind_chart(table: pd.DataFrame, title: str) -> plt.Figure:
    """Bars of the words each kind of source is given, quoted and reported apart.

    Args:
        table: :func:`analysis.framing.sources_table` (any ``by``).
        title: A title that states the finding.

    Returns:
        The figure.
    """
    said = table[table["speech"] != "narrated"]
    if said.empty:
        return message_figure(title, "Bars would show the words each kind of source is given.")
    words = said.pivot_table(
        index="source_kind", columns="speech", values="words", aggfunc="sum", fill_value=0
    ).reindex(columns=["direct", "reported"], fill_value=0)
    words = words.loc[words.sum(axis=1).sort_values().index]
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * len(words) + 1.4))
    ax.barh(words.index, words["direct"], color="#009E73", label="quoted", edgecolor="#555")
    ax.barh(
        words.index,
        words["reported"],
        left=words["direct"],
        color="#E69F00",
        label="reported",
        edgecolor="#555",
    )
    for y, total in enumerate(words.sum(axis=1)):
        ax.text(total, y, f" {int(total):,}", va="center", fontsize=9)
    ax.set_xlabel("words quoted or reported")
    ax.margins(x=0.15)
    ax.legend(fontsize=8, frameon=False)
    ax.set_title(textwrap.fill(title, 80), loc="left")
    return fig
