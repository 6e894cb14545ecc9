"""The report: offline HTML pages, reviewer pages without code, the index, and its CLI."""

from __future__ import annotations

import html
import re
import subprocess
import sys
import types
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from analysis import report

# A 1x1 PNG, enough for nbconvert to render an <img>.
PIXEL_PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAE"
    "hQGAhKmMIQAAAABJRU5ErkJggg=="
)
ALT = "Bar chart: the readout's sentences are \"harder\" to read than the reporter's"
REPO = Path(__file__).resolve().parents[1]
REMOTE_LOAD = re.compile(
    r"<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//",
    re.IGNORECASE,
)


def executed_notebook(title: str = "Readability by voice") -> nbformat.NotebookNode:
    """A small notebook as if already executed: a header, a parameters cell, a chart."""
    header = new_markdown_cell(f"# {title}\n\nWhich voice is harder to read?")
    parameters = new_code_cell('corpus_path = "seeds"\narticle_id = None', execution_count=1)
    parameters.metadata["tags"] = ["parameters"]
    chart = new_code_cell(
        "secret_code_marker = plot_readability(sentences)",
        execution_count=2,
        outputs=[
            new_output(
                "display_data",
                data={"image/png": PIXEL_PNG, "text/plain": "<Figure size 640x480 with 1 Axes>"},
                metadata={"image/png": {"alt": ALT}},
            ),
            new_output("stream", name="stdout", text="3 voices\n"),
        ],
    )
    math = new_markdown_cell("Flesch: $206.835 - 1.015 \\frac{w}{s}$")
    return new_notebook(cells=[header, parameters, chart, math])


def test_full_page_is_offline_and_keeps_alt_text():
    page = report.render_html(executed_notebook())

    assert REMOTE_LOAD.search(page) is None
    assert report.network_resources(page) == []
    assert "cdnjs" not in page and "unpkg" not in page
    assert "secret_code_marker" in page
    assert 'class="jp-InputPrompt' in page
    images = re.findall(r"<img\b[^>]*>", page)
    assert len(images) == 1
    alt = re.search(r'\balt="([^"]*)"', images[0])
    assert alt is not None
    assert html.unescape(alt.group(1)) == ALT
    assert report.images_without_alt(page) == 0


def test_reviewer_page_has_outputs_but_no_code():
    page = report.render_html(executed_notebook(), reviewer=True)

    assert "secret_code_marker" not in page
    assert "corpus_path" not in page
    assert 'class="jp-InputPrompt' not in page
    assert "In&nbsp;[" not in page
    assert "3 voices" in page
    assert report.images_without_alt(page) == 0
    assert report.network_resources(page) == []


def test_network_resources_finds_cdn_scripts_but_not_plain_links():
    page = (
        '<script src="https://cdn.example.org/require.js"></script>'
        '<link rel="stylesheet" href="//cdn.example.org/x.css">'
        '<script type="module">await import("https://cdn.example.org/m.mjs")</script>'
        '<a href="https://www.whitehouse.gov/">readout</a><img src="data:image/png;base64,AA">'
    )
    assert report.network_resources(page) == [
        "https://cdn.example.org/require.js",
        "//cdn.example.org/x.css",
        "https://cdn.example.org/m.mjs",
    ]
    assert report.images_without_alt(page) == 1


def test_stock_nbconvert_template_would_fail_the_offline_check():
    # Guards the reason the report has its own template: if nbconvert ever stops
    # loading CDN scripts, this fails and the override can be reconsidered.
    from nbconvert import HTMLExporter

    page, _ = HTMLExporter(template_name="lab").from_notebook_node(executed_notebook())
    assert report.network_resources(page)


@pytest.mark.parametrize(
    ("source", "title"),
    [
        ("# Corpus overview\n\ntext", "Corpus overview"),
        ("Intro line\n\n## Framing: what was copied ##", "Framing: what was copied"),
    ],
)
def test_notebook_title_is_first_markdown_heading(source, title):
    notebook = new_notebook(cells=[new_code_cell("x = 1"), new_markdown_cell(source)])
    assert report.notebook_title(notebook, default="fallback") == title


def test_notebook_title_falls_back_to_name():
    assert report.notebook_title(new_notebook(), default="03_readability") == "03_readability"


def test_render_pages_and_index_link_every_page(tmp_path):
    executed_dir = tmp_path / "notebooks"
    executed_dir.mkdir()
    paths = []
    for name, title in [("01_corpus", "Corpus overview"), ("02_framing", "Framing & reuse")]:
        path = executed_dir / f"{name}.ipynb"
        nbformat.write(executed_notebook(title), path)
        paths.append(path)

    pages = report.render_pages(paths, tmp_path)
    index = report.index_page(pages, tmp_path / "seeds")

    for name, title in [("01_corpus", "Corpus overview"), ("02_framing", "Framing &amp; reuse")]:
        assert (tmp_path / f"{name}.html").is_file()
        assert (tmp_path / "reviewer" / f"{name}.html").is_file()
        assert f'<a href="{name}.html">{title}</a>' in index
        assert f'<a href="reviewer/{name}.html">' in index
        assert f'<a href="notebooks/{name}.ipynb">' in index
    assert report.network_resources(index) == []


def tiny_notebook_source() -> nbformat.NotebookNode:
    parameters = new_code_cell('corpus_path = "unset"\narticle_id = None')
    parameters.metadata["tags"] = ["parameters"]
    return new_notebook(
        cells=[
            new_markdown_cell("# Tiny check\n\nRuns in the report."),
            parameters,
            new_code_cell(
                "import os\n"
                "from IPython.display import display\n"
                "print('cwd', os.path.basename(os.getcwd()))\n"
                "print('corpus', corpus_path)\n"
                f"display({{'image/png': '{PIXEL_PNG}'}}, raw=True,\n"
                "        metadata={'image/png': {'alt': 'A single red pixel'}})"
            ),
        ],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
    )


def test_build_report_runs_notebooks_without_touching_them(tmp_path, monkeypatch):
    notebooks_dir = tmp_path / "my_notebooks"
    notebooks_dir.mkdir()
    committed = notebooks_dir / "01_tiny.ipynb"
    nbformat.write(tiny_notebook_source(), committed)
    committed_bytes = committed.read_bytes()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    loaded = []
    fake_corpus = types.ModuleType("analysis.corpus")
    fake_corpus.load_corpus = loaded.append
    monkeypatch.setitem(sys.modules, "analysis.corpus", fake_corpus)

    index = report.build_report(corpus, tmp_path / "out", notebooks_dir)

    assert loaded == [corpus]
    assert committed.read_bytes() == committed_bytes
    executed = nbformat.read(tmp_path / "out" / "notebooks" / "01_tiny.ipynb", as_version=4)
    printed = "".join(o.get("text", "") for c in executed.cells for o in c.get("outputs", []))
    assert "cwd my_notebooks" in printed
    assert f"corpus {corpus.resolve()}" in printed
    page = (tmp_path / "out" / "reviewer" / "01_tiny.html").read_text(encoding="utf-8")
    assert 'alt="A single red pixel"' in page
    assert "print(" not in page
    assert '<a href="01_tiny.html">Tiny check</a>' in index.read_text(encoding="utf-8")


def test_cli_bad_corpus_exits_2_with_one_line_error(tmp_path):
    missing = tmp_path / "no_such_corpus"
    out = str(tmp_path / "out")
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "report", "--corpus", str(missing), "--out", out],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("CorpusError: ")
    assert "no_such_corpus" in lines[0]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_cli_reports_corpus_error_from_load_corpus(tmp_path, monkeypatch, capsys):
    from analysis import __main__ as cli
    from analysis.corpus import CorpusError

    def refuse(path):
        raise CorpusError(f"{path}/manifest.csv", "line 3", "no 'path' given", "add the file name")

    monkeypatch.setattr("analysis.corpus.load_corpus", refuse)

    status = cli.main(["report", "--corpus", "seeds", "--out", str(tmp_path / "out")])

    assert status == 2
    err = capsys.readouterr().err
    assert err == "CorpusError: seeds/manifest.csv: line 3: no 'path' given; add the file name\n"
    assert not (tmp_path / "out").exists()


def test_build_report_refuses_to_write_over_the_notebooks(tmp_path, monkeypatch):
    notebooks_dir = tmp_path / "notebooks"
    notebooks_dir.mkdir()
    nbformat.write(tiny_notebook_source(), notebooks_dir / "01_tiny.ipynb")
    fake_corpus = types.ModuleType("analysis.corpus")
    fake_corpus.load_corpus = lambda path: None
    monkeypatch.setitem(sys.modules, "analysis.corpus", fake_corpus)

    with pytest.raises(report.ReportError, match="would write executed notebooks over"):
        report.build_report(tmp_path, tmp_path, notebooks_dir)
