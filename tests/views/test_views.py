import base64

import pytest

import analysis
from analysis import findings, views


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "evil.txt").write_text(
        "Head <script>alert(1)</script>\n\n"
        "The minister said “a <b>bold</b> step,” and left & returned.\n\n"
        "Tags: x\n",
        encoding="utf-8",
    )
    return analysis.load_corpus(folder)


def test_annotated_article_escapes_text_and_marks_quotes(corpus):
    view = views.annotated_article(corpus, "evil")
    assert "<script>" not in view and "&lt;script&gt;" in view
    assert "&lt;b&gt;bold&lt;/b&gt;" in view and "&amp; returned" in view
    assert "[the minister, said]" in view
    for role in analysis.ROLES:
        assert role in view  # the legend names every role
    assert repr(view).startswith("<HTML view")


def test_words_by_role_counts_every_word_once(corpus):
    table = views.words_by_role(corpus)
    assert list(table.index) == list(analysis.ROLES)
    assert table["words"].sum() == corpus.article("evil")["words"]
    assert table["share"].sum() == pytest.approx(1.0, abs=0.01)


def test_seed_words_by_role_excludes_derived_documents(seed_corpus):
    seed = seed_corpus
    table = views.words_by_role(seed)
    assert (
        table.loc["official", "words"] == seed.articles.query("kind == 'official'")["words"].sum()
    )
    assert table["words"].sum() == seed.article("000_aeb9b40009e01b77")["words"]
    assert findings.role_finding(table).startswith("Official text is the largest voice")


def test_show_attaches_alt_text_and_refuses_none():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.plot([1, 2])
    image = views.show(fig, alt="A rising line.")
    data, metadata = image._repr_png_()
    assert base64.b64decode(data).startswith(b"\x89PNG") and metadata["alt"] == "A rising line."
    assert not plt.get_fignums()  # closed
    fig, _ = plt.subplots()
    with pytest.raises(ValueError, match="alt text"):
        views.show(fig, alt=" ")


def test_confusion_heatmap_labels_every_count_and_says_when_there_is_none():
    import matplotlib.pyplot as plt
    import pandas as pd

    roles = ["headline", "journalist", ""]
    table = pd.DataFrame(
        [[2, 1, 0], [0, 3, 1], [0, 0, 0]],
        index=pd.Index(roles, name="gold"),
        columns=pd.Index(roles, name="predicted"),
    )
    fig = views.confusion_heatmap(table, "5 of 7 labelled paragraphs get their gold role")
    ax = fig.axes[0]
    assert sorted(t.get_text() for t in ax.texts) == ["1", "1", "2", "3"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["headline", "journalist", "(no block)"]
    assert ax.get_ylabel() == "gold role (hand label)"
    assert "5 of 7" in ax.get_title(loc="left")
    image = views.show(fig, alt="Heatmap of roles. 5 of 7 labelled paragraphs get their gold role.")
    assert image._repr_png_()[1]["alt"].startswith("Heatmap of roles")
    assert fig.number not in plt.get_fignums()  # show() closed it
    empty = views.confusion_heatmap(None, "No hand labels, so no confusion matrix")
    assert "No hand labels" in empty.axes[0].get_title(loc="left")
    assert "hand-labelled paragraphs" in empty.axes[0].texts[0].get_text()
    plt.close(empty)


def test_views_holds_every_view_in_one_namespace():
    # Tables and HTML (role_finding went to analysis.findings with the other prose).
    display = {
        "ROLE_COLOURS",
        "Html",
        "alignment_html",
        "annotated_article",
        "default_article_id",
        "focus_article",
        "markdown",
        "overview",
        "setup_notebook",
        "words_by_role",
    }
    plots = {
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
        "show",
        "source_kind_chart",
        "topic_gap_chart",
        "topic_heatmap",
        "topic_slope_chart",
        "usage_chart",
        "use_style",
        "verb_shift_chart",
        "voice_share_chart",
        "words_by_role_chart",
    }
    assert not display & plots  # one namespace, no name lost to a clash
    assert set(views.__all__) == display | plots | {"readable_dates"}
    assert all(hasattr(views, name) for name in views.__all__)


def _shares(n: int):
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(0)
    parts = rng.dirichlet(np.ones(4), size=n) * 100
    frame = pd.DataFrame(parts, columns=list(views.charts.VOICE_COLOURS))
    frame.insert(0, "words", 100.0)
    frame.insert(0, "outlet", [f"outlet-{k % 3}" for k in range(n)])
    frame.insert(0, "article_id", [f"a{k:04d}" for k in range(n)])
    return frame


def test_voice_shares_of_a_few_articles_are_a_bar_each():
    fig = views.voice_share_chart(_shares(12), "Twelve articles")
    (ax,) = fig.axes
    assert len(ax.patches) == 12 * 4  # a bar per article and voice
    assert not ax.collections


def test_voice_shares_of_many_articles_are_stacked_areas_of_the_usual_size():
    fig = views.voice_share_chart(_shares(900), "Nine hundred articles", max_bars=40)
    (ax,) = fig.axes
    assert not ax.patches and len(ax.collections) == 4  # an area per voice
    assert fig.get_size_inches()[1] < 5  # not a bar each, 300 inches tall
    assert "900 articles, ranked" in ax.get_xlabel()
