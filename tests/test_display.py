import base64

import pytest

import analysis
from analysis import display, plots


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
    view = display.annotated_article(corpus, "evil")
    assert "<script>" not in view and "&lt;script&gt;" in view
    assert "&lt;b&gt;bold&lt;/b&gt;" in view and "&amp; returned" in view
    assert "[the minister, said]" in view
    for role in analysis.ROLES:
        assert role in view  # the legend names every role
    assert repr(view).startswith("<HTML view")


def test_words_by_role_counts_every_word_once(corpus):
    table = display.words_by_role(corpus)
    assert list(table.index) == list(analysis.ROLES)
    assert table["words"].sum() == corpus.article("evil")["words"]
    assert table["share"].sum() == pytest.approx(1.0, abs=0.01)


def test_seed_words_by_role_excludes_derived_documents():
    seed = analysis.load_corpus("seeds")
    table = display.words_by_role(seed)
    assert (
        table.loc["official", "words"] == seed.articles.query("kind == 'official'")["words"].sum()
    )
    assert table["words"].sum() == seed.article("000_aeb9b40009e01b77")["words"]
    assert display.role_finding(table).startswith("Official text is the largest voice")


def test_show_attaches_alt_text_and_refuses_none():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.plot([1, 2])
    image = plots.show(fig, alt="A rising line.")
    data, metadata = image._repr_png_()
    assert base64.b64decode(data).startswith(b"\x89PNG") and metadata["alt"] == "A rising line."
    assert not plt.get_fignums()  # closed
    fig, _ = plt.subplots()
    with pytest.raises(ValueError, match="alt text"):
        plots.show(fig, alt=" ")
