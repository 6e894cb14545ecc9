"""The browser check: real headless Chromium catches broken images, missing alt text, console errors."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.report import browser_check

PIXEL_PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAE"
    "hQGAhKmMIQAAAABJRU5ErkJggg=="
)
REPO = Path(__file__).resolve().parents[2]

needs_chromium = pytest.mark.skipif(
    not Path(browser_check.DEFAULT_CHROMIUM).exists(),
    reason=f"{browser_check.DEFAULT_CHROMIUM} is absent (Debian: apt-get install chromium)",
)


def page(body: str) -> str:
    return f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>{body}</body></html>'


GOOD_IMAGE = f'<img src="data:image/png;base64,{PIXEL_PNG}" alt="A single red pixel">'


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """Tiny pages, checked in one browser run: good, broken image, no alt, console error, tall row."""
    folder = tmp_path_factory.mktemp("pages")
    pages = {
        "good": page(f"<p>Fine.</p>{GOOD_IMAGE}"),
        "broken": page('<img src="no_such_chart.png" alt="A chart that is not there">'),
        "no_alt": page(f'<img src="data:image/png;base64,{PIXEL_PNG}">{GOOD_IMAGE}'),
        "console": page(f'{GOOD_IMAGE}<script>console.error("boom: table missing")</script>'),
        # A table squeezed so that one row is a paragraph tall.
        "tall_row": page(
            '<table style="width:300px"><thead><tr><th>text</th></tr></thead><tbody><tr>'
            f"<td>{'many words in a narrow column ' * 30}</td></tr></tbody></table>"
        ),
    }
    paths = []
    for name, text in pages.items():
        path = folder / f"{name}.html"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    shots = folder / "shots"
    results = browser_check.check_pages(paths, out_dir=shots, base_dir=folder)
    return {Path(result.page).stem: result for result in results}


@needs_chromium
def test_good_page_passes_and_is_screenshotted(checked):
    result = checked["good"]
    assert result.problems == []
    assert result.images == 1
    png = result.screenshot.read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", png[16:24])
    assert width == browser_check.VIEWPORT_WIDTH and height > 0


@needs_chromium
def test_broken_image_is_caught(checked):
    problems = checked["broken"].problems
    assert any("image 1 (no_such_chart.png) did not load" in p for p in problems), problems


@needs_chromium
def test_image_without_alt_is_caught(checked):
    problems = checked["no_alt"].problems
    assert problems == [
        f"image 1 (data:image/png;base64,{PIXEL_PNG[:37]}…) has no alt attribute"
    ], problems


@needs_chromium
def test_console_error_is_caught(checked):
    assert checked["console"].problems == ["console error: boom: table missing"]


def test_image_problems_without_a_browser():
    images = [
        {"src": "a.png", "alt": "Chart", "naturalWidth": 10},
        {"src": "b.png", "alt": "  ", "naturalWidth": 0},
        {
            "src": "c.png",
            "alt": "No description has been provided for this image",
            "naturalWidth": 5,
        },
    ]
    problems = browser_check.image_problems(images)
    assert problems[:2] == [
        "image 2 (b.png) did not load (naturalWidth 0)",
        "image 2 (b.png) has an empty alt text",
    ]
    assert len(problems) == 3 and problems[2].startswith("image 3 (c.png) has only nbconvert's")


def test_event_problems_without_a_browser():
    events = [
        {"method": "Runtime.consoleAPICalled", "params": {"type": "log", "args": []}},
        {"method": "Runtime.exceptionThrown", "params": {"exceptionDetails": {"text": "Uncaught"}}},
        {
            "method": "Log.entryAdded",
            "params": {"entry": {"level": "error", "text": "Failed to load", "url": "file:///x"}},
        },
        {"method": "Network.requestWillBeSent", "params": {"request": {"url": "data:,"}}},
        {"method": "Network.requestWillBeSent", "params": {"request": {"url": "https://cdn.x/y"}}},
    ]
    assert browser_check.event_problems(events) == [
        "uncaught exception: Uncaught",
        "console error: Failed to load (file:///x)",
        "loads from the network: https://cdn.x/y",
    ]


def test_report_pages_lists_index_full_and_reviewer_pages(tmp_path):
    for name in ["index.html", "02_b.html", "01_a.html", "reviewer/01_a.html"]:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("<p>x</p>", encoding="utf-8")
    pages = browser_check.report_pages(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in pages] == [
        "index.html",
        "01_a.html",
        "02_b.html",
        "reviewer/01_a.html",
    ]


def test_cli_without_a_report_says_how_to_build_it(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "check-browser", "--report", str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("BrowserCheckError: ")
    assert "index.html: no such file" in result.stderr and "make report" in result.stderr


@needs_chromium
def test_cli_fails_naming_page_and_problem(tmp_path):
    report = tmp_path / "report"
    (report / "reviewer").mkdir(parents=True)
    (report / "index.html").write_text(page("<p>Index</p>"), encoding="utf-8")
    (report / "01_a.html").write_text(page(GOOD_IMAGE), encoding="utf-8")
    (report / "reviewer" / "01_a.html").write_text(
        page('<img src="gone.png" alt="Gone">'), encoding="utf-8"
    )
    out = tmp_path / "shots"
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "check-browser", "--report", str(report)]
        + ["--out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert f"{report}/reviewer/01_a.html: image 1 (gone.png) did not load" in result.stderr
    assert "1 of 3 pages have problems" in result.stderr
    assert sorted(p.name for p in out.glob("*.png")) == [
        "01_a.png",
        "index.png",
        "reviewer_01_a.png",
    ]


@needs_chromium
def test_a_table_row_many_lines_tall_is_caught(checked):
    (problem,) = checked["tall_row"].problems
    assert problem.startswith("table 1 (text, ...): a row ")
    assert "lines tall at 1280 px" in problem
    assert checked["good"].problems == []


def test_table_problems_without_a_browser():
    tables = [
        {"rows": 3, "tallest": 60, "line": 20, "head": "a, b"},
        {"rows": 3, "tallest": 140, "line": 20, "head": "text"},
        {"rows": 0, "tallest": 0, "line": 20, "head": ""},
    ]
    assert browser_check.table_problems(tables) == [
        "table 2 (text, ...): a row 7 lines tall at 1280 px; a long text column wraps "
        "(cut it, or narrow the table)"
    ]
    assert browser_check.table_problems(tables, max_lines=8) == []
