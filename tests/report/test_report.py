"""The report: offline HTML pages, reviewer pages without code, the index, and its CLI."""

from __future__ import annotations

import html
import re
import subprocess
import sys
import types
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from analysis import report
from analysis.report import build

# A 1x1 PNG, enough for nbconvert to render an <img>.
PIXEL_PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAE"
    "hQGAhKmMIQAAAABJRU5ErkJggg=="
)
ALT = "Bar chart: the readout's sentences are \"harder\" to read than the reporter's"
REPO = Path(__file__).resolve().parents[2]
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


def test_pages_rendered_side_by_side_with_the_shared_exporters_are_each_view_s_own():
    # The exporters are made once per view and shared by the report's threads: a
    # page rendered in any order or thread is the page a new exporter renders.
    from concurrent.futures import ThreadPoolExecutor

    from analysis.report import render

    notebook = executed_notebook()
    expected = {
        view: render._new_exporter(view).from_notebook_node(notebook)[0] for view in (False, True)
    }
    views = [True, False] * 4
    with ThreadPoolExecutor(3) as pool:
        pages = list(pool.map(lambda view: report.render_html(notebook, reviewer=view), views))
    for view, page in zip(views, pages, strict=True):
        assert page == render._shorten_long_cells(render._mark_numeric_cells(expected[view]))
    assert pages[0] != pages[1]


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


FINDINGS = (
    "**Reuse.** The journalist copies *little*: 4% of 3-grams <b>shared</b>. "
    "The longest shared run is “President Vladimir Putin”. A third sentence.\n\n"
    "**Omitted.** 4 of 7 official sentences."
)
FINDINGS_HTML = (
    "<strong>Reuse.</strong> The journalist copies <em>little</em>: 4% of 3-grams "
    "&lt;b&gt;shared&lt;/b&gt;. The longest shared run is “President Vladimir Putin”. "
    "A third sentence."
)


def findings_cell(source: str, outputs: list | None = None, count: int | None = None):
    cell = new_code_cell(source, outputs=outputs or [], execution_count=count)
    cell.metadata["tags"] = ["findings"]
    return cell


def tiny_notebook_source() -> nbformat.NotebookNode:
    parameters = new_code_cell(f'corpus_path = "unset"\narticle_id = None\nFINDINGS = {FINDINGS!r}')
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
            findings_cell("from IPython.display import Markdown\nMarkdown(FINDINGS)"),
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
    fake_cache = types.ModuleType("analysis.cache")

    def load_workbook(path, **options):
        loaded.append((path, options))
        return None, None, False, None

    fake_cache.load_workbook = load_workbook
    monkeypatch.setitem(sys.modules, "analysis.cache", fake_cache)
    # Tables need a real corpus.
    monkeypatch.setattr(build, "write_tables", lambda corpus, folder, workbook: [])

    index = report.build_report(corpus, tmp_path / "out", notebooks_dir, cache_dir=None)

    assert loaded == [(corpus, {"cache_dir": None, "errors": "collect", "max_file_bytes": None})]
    assert committed.read_bytes() == committed_bytes
    executed = nbformat.read(tmp_path / "out" / "notebooks" / "01_tiny.ipynb", as_version=4)
    printed = "".join(o.get("text", "") for c in executed.cells for o in c.get("outputs", []))
    assert "cwd my_notebooks" in printed
    assert f"corpus {corpus.resolve()}" in printed
    page = (tmp_path / "out" / "reviewer" / "01_tiny.html").read_text(encoding="utf-8")
    assert 'alt="A single red pixel"' in page
    assert "print(" not in page
    index_html = index.read_text(encoding="utf-8")
    assert '<a href="01_tiny.html">Tiny check</a>' in index_html
    assert f'<p class="findings">{FINDINGS_HTML}</p>' in index_html
    assert "Omitted" not in index_html


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
    from analysis.errors import CorpusError

    def refuse(path, **options):
        raise CorpusError(f"{path}/manifest.csv", "line 3", "no 'path' given", "add the file name")

    monkeypatch.setattr("analysis.cache.read_articles", refuse)

    status = cli.main(["report", "--corpus", "seeds", "--out", str(tmp_path / "out")])

    assert status == 2
    err = capsys.readouterr().err
    assert err == "CorpusError: seeds/manifest.csv: line 3: no 'path' given; add the file name\n"
    assert not (tmp_path / "out").exists()


def test_build_report_refuses_to_write_over_the_notebooks(tmp_path, monkeypatch):
    notebooks_dir = tmp_path / "notebooks"
    notebooks_dir.mkdir()
    nbformat.write(tiny_notebook_source(), notebooks_dir / "01_tiny.ipynb")
    fake_cache = types.ModuleType("analysis.cache")
    fake_cache.load_workbook = lambda path, **options: (None, None, False, None)
    monkeypatch.setitem(sys.modules, "analysis.cache", fake_cache)
    # Tables need a real corpus.
    monkeypatch.setattr(build, "write_tables", lambda corpus, folder, workbook: [])

    with pytest.raises(report.ReportError, match="would write executed notebooks over"):
        report.build_report(tmp_path, tmp_path, notebooks_dir)


# --- findings on the index, captions, readable tables ---------------------------------


def notebook_with_findings(title: str, findings: list | None) -> nbformat.NotebookNode:
    """An executed notebook whose `findings` cell has the given outputs (no cell if None)."""
    notebook = executed_notebook(title)
    if findings is not None:
        notebook.cells.insert(2, findings_cell("display.markdown(findings(...))", findings, 2))
        notebook.cells[3].execution_count = 3
    return notebook


def test_index_carries_findings_and_pages_caption_each_figure(tmp_path):
    executed_dir = tmp_path / "notebooks"
    executed_dir.mkdir()
    markdown = new_output(
        "execute_result",
        data={"text/markdown": FINDINGS, "text/plain": "<IPython.core.display.Markdown object>"},
        execution_count=2,
    )
    notebooks = {
        "01_with": notebook_with_findings("With findings", [markdown]),
        "02_without": notebook_with_findings("Without findings", None),
        "03_empty": notebook_with_findings("Empty findings", []),
    }
    paths = []
    for name, notebook in notebooks.items():
        paths.append(executed_dir / f"{name}.ipynb")
        nbformat.write(notebook, paths[-1])

    pages = report.render_pages(paths, tmp_path)
    index = report.index_page(pages, tmp_path / "seeds")

    sections = index.split("<section>")[1:]
    assert len(sections) == 3
    assert '<a href="01_with.html">With findings</a>' in sections[0]
    assert f'<p class="findings">{FINDINGS_HTML}</p>' in sections[0]
    assert "(no findings cell)" in sections[1]
    assert "(the findings cell has no output)" in sections[2]
    assert report.network_resources(index) == []

    for page in [tmp_path / "01_with.html", tmp_path / "reviewer" / "01_with.html"]:
        text = page.read_text(encoding="utf-8")
        figure = re.search(r"<figure\b.*?</figure>", text, re.DOTALL)
        assert figure is not None
        image = re.search(r"<img\b[^>]*>", figure.group())
        caption = re.search(r"<figcaption>(.*?)</figcaption>", figure.group(), re.DOTALL)
        assert image is not None and caption is not None
        assert figure.group().index("<img") < figure.group().index("<figcaption>")
        alt = re.search(r"""\balt=(["'])(.*?)\1""", image.group())
        assert html.unescape(alt.group(2)) == ALT
        assert html.unescape(caption.group(1)) == ALT


def test_caption_escapes_markup_in_alt_text():
    notebook = executed_notebook()
    hostile = 'Chart <script>alert("x")</script> & "quotes"'
    notebook.cells[2].outputs[0].metadata["image/png"]["alt"] = hostile
    page = report.render_html(notebook, reviewer=True)

    assert "<script>alert" not in page
    caption = re.search(r"<figcaption>(.*?)</figcaption>", page, re.DOTALL).group(1)
    assert html.unescape(caption) == hostile
    assert report.images_without_alt(page) == 0


def test_image_without_alt_gets_no_empty_caption():
    notebook = executed_notebook()
    notebook.cells[2].outputs[0].metadata = {}
    page = report.render_html(notebook)
    assert "<figcaption>" not in page
    assert report.images_without_alt(page) == 1


def test_tables_left_align_text_and_right_align_numbers():
    table = new_output(
        "execute_result",
        data={
            "text/html": "<table><tr><th>0</th><td>loose paraphrase</td><td>0.107</td>"
            "<td>1,833</td><td>-1</td><td>4%</td><td>12 words</td></tr></table>",
            "text/plain": "table",
        },
        execution_count=3,
    )
    notebook = executed_notebook()
    notebook.cells.append(new_code_cell("alignment", execution_count=3, outputs=[table]))
    page = report.render_html(notebook, reviewer=True)

    numbers = re.findall(r'<td class="analysis-number">([^<]*)</td>', page)
    assert numbers == ["0.107", "1,833", "-1", "4%"]
    assert "<td>loose paraphrase</td>" in page and "<td>12 words</td>" in page
    assert "text-align: left" in page and "table-layout: auto" in page


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        (
            new_output("stream", name="stdout", text="Most words are *official*.\n"),
            "Most words are \\*official\\*.",
        ),
        (
            new_output(
                "execute_result",
                data={"text/html": "<p>Official <b>58%</b></p><script>x()</script><p>Next</p>"},
                execution_count=1,
            ),
            "Official 58%\n\nNext",
        ),
        (
            new_output("execute_result", data={"text/plain": "'a_b' <x>"}, execution_count=1),
            "'a\\_b' <x>",
        ),
    ],
)
def test_notebook_findings_reads_markdown_html_and_plain_outputs(output, expected):
    notebook = new_notebook(cells=[findings_cell("x", [output], 1)])
    assert report.notebook_findings(notebook) == expected


def test_plain_findings_render_as_they_read():
    text = report.notebook_findings(
        new_notebook(
            cells=[
                findings_cell(
                    "print(x)",
                    [new_output("stream", name="stdout", text="a_b *c* `d` <e> [f](g)\n")],
                    1,
                )
            ]
        )
    )
    assert report.markdown_inline_html(text) == "a_b *c* `d` &lt;e&gt; [f](g)"


@pytest.mark.parametrize(
    ("findings", "expected"),
    [
        ("One sentence only.", "One sentence only."),
        (
            "First. Second (+3.3; 95% interval -1.6 to +18.4). Third.",
            "First. Second (+3.3; 95% interval -1.6 to +18.4). Third.",
        ),
        ("Para one.\n\nPara two.", "Para one."),
        ("x" * 10 + ". " + "y" * 500 + ".", "x" * 10 + "."),
    ],
)
def test_short_findings(findings, expected):
    assert report.short_findings(findings) == expected


def test_short_findings_cuts_one_long_sentence_at_a_word():
    short = report.short_findings("word " * 300)
    assert short.endswith("word…") and len(short) <= 2 * report.FINDINGS_CHARS + 1


NOTEBOOK_PATHS = sorted((REPO / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=[path.name for path in NOTEBOOK_PATHS])
def test_every_notebook_states_its_findings(path):
    findings = report.notebook_findings(nbformat.read(path, as_version=4))
    assert findings is not None, (
        f"{path.name}: no code cell tagged `findings`; add a cell whose output is the key "
        "findings (e.g. display.markdown(module.some_finding(...))) and tag it `findings`"
    )
    assert report.short_findings(findings), f"{path.name}: the `findings` cell has no output"


# --- hand labels for the validation notebook ------------------------------------------------


def notebook_declaring(path: Path, source: str) -> Path:
    parameters = new_code_cell(source)
    parameters.metadata["tags"] = ["parameters"]
    nbformat.write(new_notebook(cells=[new_markdown_cell("# N"), parameters]), path)
    return path


def test_labels_reach_the_validation_notebooks_parameters(tmp_path):
    labels, quotes = tmp_path / "labels.csv", tmp_path / "quotes.csv"
    given = {"labels_path": labels, "quotes_path": quotes}
    sheet = tmp_path / "out" / "labelling_sheet.csv"
    validation = REPO / "notebooks" / "06_validation.ipynb"

    parameters = report.notebook_parameters(validation, REPO / "seeds", None, given, sheet)

    assert parameters == {
        "corpus_path": str((REPO / "seeds").resolve()),
        "labels_path": str(labels.resolve()),
        "quotes_path": str(quotes.resolve()),
        "sheet_path": str(sheet.resolve()),
    }
    assert report.declared_parameters(validation) >= {
        "corpus_path",
        "labels_path",
        "quotes_path",
        "usage_path",
        "sheet_path",
    }
    # A notebook that does not declare them gets the corpus and article as before.
    corpus_notebook = REPO / "notebooks" / "01_corpus.ipynb"
    assert report.notebook_parameters(corpus_notebook, REPO / "seeds", "a1", given, sheet) == {
        "corpus_path": str((REPO / "seeds").resolve()),
        "article_id": "a1",
    }
    relative = notebook_declaring(tmp_path / "x.ipynb", 'labels_path: str = ""\nusage_path = ""')
    assert report.notebook_parameters(
        relative, Path("seeds"), labels={"usage_path": Path("u.csv")}
    ) == {"corpus_path": str(Path("seeds").resolve()), "usage_path": str(Path("u.csv").resolve())}
    with pytest.raises(ValueError, match="not one of"):
        report.notebook_parameters(relative, Path("seeds"), labels={"label": labels})


def test_build_report_passes_labels_to_each_notebook(tmp_path, monkeypatch):
    notebooks_dir = tmp_path / "notebooks"
    notebooks_dir.mkdir()
    notebook_declaring(notebooks_dir / "01_plain.ipynb", 'corpus_path = ""')
    notebook_declaring(
        notebooks_dir / "06_validation.ipynb",
        'corpus_path = ""\nlabels_path = ""\nquotes_path = ""\nusage_path = ""\nsheet_path = ""',
    )
    labels = tmp_path / "labels.csv"
    labels.write_text("article_id,para_no,first_words,label\n", encoding="utf-8")
    fake_cache = types.ModuleType("analysis.cache")
    fake_cache.load_workbook = lambda path, **options: (None, None, False, None)
    monkeypatch.setitem(sys.modules, "analysis.cache", fake_cache)
    # Tables need a real corpus.
    monkeypatch.setattr(build, "write_tables", lambda corpus, folder, workbook: [])
    ran = {}
    monkeypatch.setattr(
        build,
        "execute_notebook",
        lambda source, destination, corpus, article, parameters, **_: ran.update(
            {source.name: parameters}
        ),
    )
    monkeypatch.setattr(
        build,
        "render_pages",
        lambda executed, out_dir: [
            report.Page(path.stem, path.stem, "", "", "", None) for path in executed
        ],
    )
    out = tmp_path / "out"
    out.mkdir()  # render_pages, which would make it, is stubbed

    report.build_report(tmp_path, out, notebooks_dir, labels=labels)

    assert ran["01_plain.ipynb"] == {"corpus_path": str(tmp_path.resolve())}
    assert ran["06_validation.ipynb"] == {
        "corpus_path": str(tmp_path.resolve()),
        "labels_path": str(labels.resolve()),
        "sheet_path": str((out / "labelling_sheet.csv").resolve()),
    }
    with pytest.raises(report.ReportError, match="--usage .*nope.csv: no such label file"):
        report.build_report(tmp_path, out, notebooks_dir, usage=tmp_path / "nope.csv")


def test_cli_passes_label_options_to_build_report(tmp_path, monkeypatch, capsys):
    from analysis import __main__ as cli

    seen = {}
    monkeypatch.setattr(
        "analysis.report.build_report", lambda **kwargs: seen.update(kwargs) or Path("index.html")
    )
    status = cli.main(
        ["report", "--corpus", "c", "--out", "o", "--labels", "l.csv", "--usage", "u.csv"]
    )
    assert status == 0
    assert (seen["labels"], seen["quotes"], seen["usage"]) == (Path("l.csv"), None, Path("u.csv"))
    monkeypatch.undo()
    missing = cli.main(
        ["report", "--corpus", "seeds", "--out", str(tmp_path), "--labels", "no.csv"]
    )
    assert missing == 2
    assert "ReportError: --labels no.csv: no such label file" in capsys.readouterr().err


def test_make_report_passes_labels_and_help_lists_them():
    dry = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "-n",
            "report",
            "LABELS=l.csv",
            "QUOTES=q.csv",
            "USAGE=u.csv",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert dry.returncode == 0, dry.stderr
    command = " ".join(dry.stdout.replace("\\\n", " ").split())
    assert "--labels l.csv --quotes q.csv --usage u.csv" in command
    plain = subprocess.run(
        ["make", "--no-print-directory", "-n", "report"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "--labels" not in plain.stdout
    usage = subprocess.run(
        ["make", "--no-print-directory", "help"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "LABELS=" in usage.stdout.splitlines()[0]


def test_the_report_package_names_every_public_name_of_its_modules():
    from analysis.report import browse, browser_check, render

    assert all(hasattr(report, name) for name in report.__all__)
    # The page of tables is a function here, not shadowed by a module of the same name.
    assert report.tables_page is browse.tables_page
    assert report.check_report is browser_check.check_report
    assert report.network_resources is render.network_resources
    assert report.build_report is build.build_report


# --- a corpus with files that cannot be read ------------------------------------------------


def test_load_options_reach_the_notebooks_that_declare_them(tmp_path):
    options = {"errors": "collect", "max_file_bytes": 1_000}
    corpus_notebook = REPO / "notebooks" / "01_corpus.ipynb"
    assert report.notebook_parameters(corpus_notebook, REPO / "seeds", load_options=options) == {
        "corpus_path": str((REPO / "seeds").resolve()),
        "load_errors": "collect",
        "max_file_bytes": 1_000,
    }
    for notebook in sorted((REPO / "notebooks").glob("*.ipynb")):
        assert report.declared_parameters(notebook) >= set(report.LOAD_PARAMETERS), notebook
    plain = notebook_declaring(tmp_path / "x.ipynb", 'corpus_path = ""')
    assert report.notebook_parameters(plain, Path("seeds"), load_options=options) == {
        "corpus_path": str(Path("seeds").resolve())
    }
    with pytest.raises(ValueError, match="not a load option"):
        report.notebook_parameters(plain, Path("seeds"), load_options={"encoding": "utf-8"})


def test_index_lists_what_the_corpus_did_not_read(tmp_path):
    skipped = pd.DataFrame(
        {
            "path": ["pipe.txt", "dump.txt"],
            "place": ["", ""],
            "reason": ["a named pipe (FIFO), not a regular file", "over the limit <of> bytes"],
        }
    )
    index = report.index_page([], tmp_path / "c", skipped=skipped)
    assert "<h2>Not in the corpus</h2>" in index
    assert "2 files or records of the corpus" in index
    assert "<td><code>pipe.txt</code></td>" in index
    assert "over the limit &lt;of&gt; bytes" in index  # escaped
    assert "Not in the corpus" not in report.index_page([], tmp_path / "c", skipped=skipped[:0])


def test_cli_and_make_pass_the_load_options(monkeypatch):
    from analysis import __main__ as cli

    seen = {}
    monkeypatch.setattr(
        "analysis.report.build_report", lambda **kwargs: seen.update(kwargs) or Path("index.html")
    )
    assert cli.main(["report", "--corpus", "c", "--out", "o"]) == 0
    assert (seen["errors"], seen["max_file_bytes"]) == ("collect", None)
    argv = ["report", "--corpus", "c", "--out", "o", "--errors", "raise", "--max-file-bytes", "9"]
    assert cli.main(argv) == 0
    assert (seen["errors"], seen["max_file_bytes"]) == ("raise", 9)
    dry = subprocess.run(
        ["make", "--no-print-directory", "-n", "report", "ERRORS=raise", "MAX_FILE_BYTES=9"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    command = " ".join(dry.stdout.replace("\\\n", " ").split())
    assert "--errors raise --max-file-bytes 9" in command, command
    default = subprocess.run(
        ["make", "--no-print-directory", "-n", "report"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "--errors collect" in default.stdout and "--max-file-bytes" not in default.stdout


def test_the_report_cache_reaches_every_notebook(tmp_path):
    framing_notebook = REPO / "notebooks" / "02_framing.ipynb"
    parameters = report.notebook_parameters(
        framing_notebook, REPO / "seeds", cache_dir=tmp_path / "cache"
    )
    assert parameters[report.CACHE_PARAMETER] == str((tmp_path / "cache").resolve())
    for notebook in sorted((REPO / "notebooks").glob("*.ipynb")):
        assert report.CACHE_PARAMETER in report.declared_parameters(notebook), notebook
    plain = notebook_declaring(tmp_path / "x.ipynb", 'corpus_path = ""')
    assert report.CACHE_PARAMETER not in report.notebook_parameters(
        plain, Path("seeds"), cache_dir=tmp_path / "cache"
    )


@pytest.mark.parametrize(
    ("findings", "expected"),
    [
        # A lead label stays with the sentence after it.
        ("**Up front.** The lede copies #3. More.", "**Up front.** The lede copies #3. More."),
        # A period inside parentheses ends no sentence.
        (
            "Scores differ (it ends a sentence at every period, “Jr.” too). " + "z" * 500 + ".",
            "Scores differ (it ends a sentence at every period, “Jr.” too).",
        ),
    ],
)
def test_short_findings_keep_whole_sentences(findings, expected):
    assert report.short_findings(findings) == expected


def test_a_long_first_sentence_is_cut_at_a_clause():
    sentence = "; ".join(f"clause {n} " + "w " * 40 for n in range(10)) + "."
    short = report.short_findings(sentence)
    assert short.endswith("…") and len(short) <= 2 * report.FINDINGS_CHARS + 1
    assert short[:-1].rstrip().endswith("w")  # the end of a clause, not the middle of one


WHOLE = re.compile(r".*[.!?][*_”’\")\]]*(?:…)?$")


@pytest.mark.parametrize(
    "path",
    [*NOTEBOOK_PATHS, *sorted((REPO / "tests" / "notebooks").glob("*.ipynb"))],
    ids=lambda path: path.name,
)
def test_every_index_finding_is_a_whole_sentence(path):
    short = report.short_findings(report.notebook_findings(nbformat.read(path, as_version=4)))
    assert WHOLE.fullmatch(short), short
    assert short.count("(") == short.count(")"), short
    assert len(re.sub(r"\*\*[^*]+\*\*", "", short).split()) >= 5, short


def test_long_text_cells_are_cut_with_their_whole_text_in_a_tooltip():
    from analysis.report import render

    words = "word & more " * 30  # 360 characters
    page = f"<td>short</td><td>{html.escape(words)}</td><td>{'w ' * 40}</td>"
    out = render._shorten_long_cells(page)
    assert "<td>short</td>" in out
    cut = re.search(r'<td class="analysis-long" title="([^"]*)">([^<]*)</td>', out)
    assert html.unescape(cut.group(1)) == words  # whole in the tooltip
    shown = html.unescape(cut.group(2))
    assert shown.endswith("…") and len(shown) <= render.CELL_CHARS + 1
    assert f'<td class="analysis-long">{"w " * 40}</td>' in out  # long, not cut: a wide column


def test_an_id_cell_stays_on_one_line():
    from analysis.report import render

    long_id = "harbour-gazette_2016-07-12_the-pilots-strike-ends-after-ten-days_d473"
    page = f"<td>{long_id}</td><td>short-id</td><td>the pilots' strike ends</td>"
    out = render._shorten_long_cells(page)
    assert f'<td class="analysis-token">{long_id}</td>' in out
    assert "<td>short-id</td>" in out  # short: it does not wrap anyway
    # A few words wrap between them, in a column of a width of its own.
    assert '<td class="analysis-phrase">the pilots\' strike ends</td>' in out
    assert "<td>on strike</td>" in render._shorten_long_cells("<td>on strike</td>")  # short
    assert "td.analysis-token" in render._REPORT_CSS and "nowrap" in render._REPORT_CSS
    # A row's header (pandas prints the index as <th>) holding an id too, and no more
    # than the one cell: "<th>where</th><th>label</th>" stays as it is.
    header = render._shorten_long_cells(f"<th>{long_id}</th><th>where</th><th>label</th>")
    assert header == f'<th class="analysis-token">{long_id}</th><th>where</th><th>label</th>'


@pytest.mark.parametrize(
    ("cpus", "notebooks", "expected"), [(2, 6, 3), (1, 6, 2), (8, 6, 6), (2, 1, 1)]
)
def test_one_kernel_more_than_the_cores_runs_at_once(monkeypatch, cpus, notebooks, expected):
    """The extra kernel fills the gaps while the others start or wait between cells."""
    import analysis.parallel

    monkeypatch.setattr(analysis.parallel, "usable_cpus", lambda: cpus)
    assert build.kernels_at_once(notebooks) == expected


def test_papermill_is_imported_before_the_notebook_threads_start():
    # Imported from several threads at once, requests' own filter for urllib3's
    # SOCKS warning could be dropped by another thread's saved filters, and the
    # report printed a warning nobody can act on. A fresh process, so that no
    # earlier test has imported papermill already.
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from analysis.report import build\n"
        "class Pool:\n"
        "    def __init__(self, workers):\n"
        "        print('papermill' in sys.modules)\n"
        "        raise SystemExit(0)\n"
        "build.ThreadPoolExecutor = Pool\n"
        "build._run_notebooks([], Path('.'), Path('.'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "True"
    assert "DependencyWarning" not in done.stderr
