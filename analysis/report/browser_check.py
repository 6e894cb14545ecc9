"""Open every page of the HTML report in headless Chromium and check what a reader sees.

``python -m analysis check-browser --report build/report --out build/check-browser``
(or ``make check-browser``) loads ``index.html``, each ``<notebook>.html`` and
each ``reviewer/<notebook>.html`` in a real browser and fails when a page has

* a broken image: an ``<img>`` that did not load (``naturalWidth`` 0);
* an image without alt text (``alt`` missing, blank, or only the placeholder
  nbconvert puts on an image the notebook gave none);
* a console error: ``console.error``, an uncaught exception, or an error the
  browser logs itself (a resource that failed to load, a blocked request);
* a request to the network (the report must work offline);

and saves a PNG screenshot of each page (the whole page, down to
:data:`MAX_SCREENSHOT_HEIGHT` pixels) into the output directory.

Chromium is driven through the Chrome DevTools Protocol over
``--remote-debugging-pipe`` (file descriptors 3 and 4, NUL-terminated JSON
messages), so no WebDriver and no websocket library are needed: the standard
library is enough. Chromium runs with a fresh profile and with its background
networking switched off, since the machine it runs on may have no network.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.report.render import NBCONVERT_PLACEHOLDER_ALT

__all__ = [
    "BrowserCheckError",
    "Chromium",
    "PageResult",
    "check_pages",
    "check_report",
    "event_problems",
    "find_chromium",
    "image_problems",
    "report_pages",
    "table_problems",
]

DEFAULT_CHROMIUM = "/usr/bin/chromium"
"""Debian's ``chromium`` package; ``$CHROMIUM`` or ``--chromium`` pick another."""

VIEWPORT_WIDTH = 1280
"""Width of the browser window the pages are laid out in, in CSS pixels."""

MAX_ROW_LINES = 5
"""A table row taller than this many lines of text at :data:`VIEWPORT_WIDTH` is a problem:
a reader scrolls past a paragraph to read one row."""

VIEWPORT_HEIGHT = 900
"""Height of the browser window, in CSS pixels."""

MAX_SCREENSHOT_HEIGHT = 12000
"""Screenshots stop this far down a long page, in CSS pixels."""

PAGE_TIMEOUT_SECONDS = 60.0
"""Longest one page may take to load before the check gives up on it."""

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",  # Chromium refuses to start as root with its sandbox on.
    "--disable-gpu",
    "--disable-dev-shm-usage",  # containers often have a small /dev/shm.
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    # Without these Chromium reaches out to Google's servers at start-up.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--metrics-recording-only",
    "--hide-scrollbars",
    "--mute-audio",
)

# Runs in the page once it has loaded: waits for any image still loading (lazy
# images are made eager first), then describes every <img>.
_IMAGES_SCRIPT = """
(async () => {
  const images = Array.from(document.images);
  await Promise.all(images.map((img) => {
    if (img.complete) return null;
    img.loading = "eager";
    return new Promise((done) => {
      img.addEventListener("load", done, {once: true});
      img.addEventListener("error", done, {once: true});
      setTimeout(done, 10000);
    });
  }));
  return images.map((img) => ({
    src: img.getAttribute("src") || "",
    alt: img.getAttribute("alt"),
    complete: img.complete,
    naturalWidth: img.naturalWidth,
  }));
})()
"""


# Describes every table as laid out: its tallest body row and its line height.
_TABLES_SCRIPT = """
(() => Array.from(document.querySelectorAll('table')).map((table) => {
  const rows = Array.from(table.querySelectorAll('tbody tr'));
  const cell = table.querySelector('td') || table;
  return {
    rows: rows.length,
    tallest: Math.max(0, ...rows.map((row) => row.getBoundingClientRect().height)),
    line: parseFloat(getComputedStyle(cell).lineHeight) || 20,
    head: Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent.trim())
      .filter((name) => name).slice(0, 4).join(', '),
  };
}))()
"""


class BrowserCheckError(Exception):
    """The check could not run (no Chromium, no report, a browser that does not answer)."""


@dataclass
class PageResult:
    """What the browser saw on one page.

    Attributes:
        page: The page's path, relative to the report directory (or as given).
        problems: One line per problem found; empty when the page is fine.
        images: How many ``<img>`` elements the page has.
        screenshot: Where the PNG screenshot was saved, if one was taken.
    """

    page: str
    problems: list[str] = field(default_factory=list)
    images: int = 0
    screenshot: Path | None = None


def find_chromium(chromium: str | os.PathLike[str] | None = None) -> str:
    """Find the Chromium executable to run.

    Args:
        chromium: An explicit path or command name; by default ``$CHROMIUM``,
            then :data:`DEFAULT_CHROMIUM`, then ``chromium`` or
            ``chromium-browser`` on ``PATH``.

    Returns:
        The path of the executable.

    Raises:
        BrowserCheckError: No Chromium was found; the message says how to install it.
    """
    candidates = (
        [str(chromium)]
        if chromium
        else [
            os.environ.get("CHROMIUM", ""),
            DEFAULT_CHROMIUM,
            "chromium",
            "chromium-browser",
        ]
    )
    for candidate in filter(None, candidates):
        found = shutil.which(candidate)
        if found:
            return found
    raise BrowserCheckError(
        f"no Chromium found (tried {', '.join(filter(None, candidates))}); install Debian's "
        "package with `apt-get install chromium`, or pass --chromium PATH"
    )


def report_pages(report_dir: Path) -> list[Path]:
    """List the pages of a report: ``index.html``, the full pages, the reviewer pages.

    Args:
        report_dir: The report directory written by ``python -m analysis report``.

    Returns:
        The page paths, index first, then ``*.html`` and ``reviewer/*.html`` by name.

    Raises:
        BrowserCheckError: The directory has no ``index.html``.
    """
    index = report_dir / "index.html"
    if not index.is_file():
        raise BrowserCheckError(f"{index}: no such file; build the report first with `make report`")
    others = sorted(p for p in report_dir.glob("*.html") if p.name != "index.html")
    return [index, *others, *sorted((report_dir / "reviewer").glob("*.html"))]


class Chromium:
    """A headless Chromium driven over the DevTools protocol through a pipe.

    Use it as a context manager; it starts the browser with a fresh, temporary
    profile and closes both on exit.

    Args:
        executable: Path of the Chromium executable (see :func:`find_chromium`).
        timeout: Longest to wait for any one answer from the browser, in seconds.
    """

    def __init__(self, executable: str, timeout: float = PAGE_TIMEOUT_SECONDS) -> None:
        self.executable = executable
        self.timeout = timeout
        self._next_id = 0
        self._buffer = b""
        self._events: list[dict[str, Any]] = []
        self._process: subprocess.Popen[bytes] | None = None
        self._profile: tempfile.TemporaryDirectory[str] | None = None

    def __enter__(self) -> Chromium:
        self._profile = tempfile.TemporaryDirectory(prefix="analysis-chromium-")
        # Chromium reads commands from fd 3 and writes answers to fd 4.
        commands_read, self._commands = os.pipe()
        self._answers, answers_write = os.pipe()

        def wire_pipes() -> None:  # runs in the child, between fork and exec
            high_read = fcntl.fcntl(commands_read, fcntl.F_DUPFD, 10)
            high_write = fcntl.fcntl(answers_write, fcntl.F_DUPFD, 10)
            os.dup2(high_read, 3)
            os.dup2(high_write, 4)

        arguments = [
            self.executable,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={self._profile.name}",
            f"--window-size={VIEWPORT_WIDTH},{VIEWPORT_HEIGHT}",
            "--remote-debugging-pipe",
            "about:blank",
        ]
        try:
            self._process = subprocess.Popen(
                arguments,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                preexec_fn=wire_pipes,  # safe: this process starts no threads of its own
                close_fds=False,
            )
        except OSError as error:
            self._close_pipes()
            self._profile.cleanup()
            raise BrowserCheckError(f"{self.executable}: could not start: {error}") from None
        finally:
            os.close(commands_read)
            os.close(answers_write)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Ask the browser to quit, stop it if it does not, and remove its profile."""
        process = self._process
        if process is not None:
            if process.poll() is None:
                with contextlib.suppress(BrowserCheckError, OSError):
                    self._send("Browser.close", wait=False)
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout=10)
            if process.stderr is not None:
                process.stderr.close()
            self._process = None
        self._close_pipes()
        if self._profile is not None:
            self._profile.cleanup()
            self._profile = None

    def _close_pipes(self) -> None:
        for name in ("_commands", "_answers"):
            descriptor = getattr(self, name, None)
            if descriptor is not None:
                with contextlib.suppress(OSError):
                    os.close(descriptor)
                setattr(self, name, None)

    def _send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        session: str | None = None,
        wait: bool = True,
    ) -> dict[str, Any]:
        """Send one DevTools command and return its result, keeping events for later."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        while data:
            data = data[os.write(self._commands, data) :]
        if not wait:
            return {}
        deadline = time.monotonic() + self.timeout
        while True:
            answer = self._read(deadline, f"an answer to {method}")
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise BrowserCheckError(f"Chromium: {method} failed: {answer['error']}")
                return answer.get("result", {})
            if "method" in answer:
                self._events.append(answer)

    def _read(self, deadline: float, waiting_for: str) -> dict[str, Any]:
        """Read the next message from the browser, waiting until ``deadline`` at most."""
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._answers], [], [], max(left, 0))
            if not ready:
                raise BrowserCheckError(f"Chromium sent no {waiting_for} within {self.timeout:g} s")
            chunk = os.read(self._answers, 1 << 20)
            if not chunk:
                raise BrowserCheckError(
                    f"Chromium exited while the check waited for {waiting_for}: "
                    + self._stderr_tail()
                )
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def _stderr_tail(self) -> str:
        process = self._process
        if process is None or process.stderr is None or process.poll() is None:
            return "(still running)"
        lines = process.stderr.read().decode(errors="replace").strip().splitlines()
        return " | ".join(lines[-5:]) or f"exit status {process.returncode}"

    def _wait_for_event(self, method: str, session: str) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while True:
            for event in self._events:
                if event["method"] == method and event.get("sessionId") == session:
                    return event
            self._events.append(self._read(deadline, method))

    def _drain(self, seconds: float) -> None:
        """Collect the events the browser sends over the next ``seconds``."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self._answers], [], [], deadline - time.monotonic())
            if not ready:
                break
            chunk = os.read(self._answers, 1 << 20)
            if not chunk:
                break
            self._buffer += chunk
            while b"\0" in self._buffer:
                message, self._buffer = self._buffer.split(b"\0", 1)
                self._events.append(json.loads(message))

    def check_page(self, page: Path, screenshot: Path | None = None, name: str = "") -> PageResult:
        """Open one HTML file in a new tab and check it.

        Args:
            page: The HTML file.
            screenshot: Where to save a PNG screenshot of the page; none if ``None``.
            name: How the page is named in problems (default: its path).

        Returns:
            What the browser saw; ``problems`` is empty for a good page.
        """
        result = PageResult(page=name or str(page))
        target = self._send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self._send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        try:
            for domain in ("Page", "Runtime", "Log", "Network"):
                self._send(f"{domain}.enable", session=session)
            self._send(
                "Emulation.setDeviceMetricsOverride",
                {
                    "width": VIEWPORT_WIDTH,
                    "height": VIEWPORT_HEIGHT,
                    "deviceScaleFactor": 1,
                    "mobile": False,
                },
                session=session,
            )
            self._events.clear()
            navigation = self._send(
                "Page.navigate", {"url": page.resolve().as_uri()}, session=session
            )
            if navigation.get("errorText"):
                result.problems.append(f"did not open: {navigation['errorText']}")
                return result
            self._wait_for_event("Page.loadEventFired", session)
            images = self._send(
                "Runtime.evaluate",
                {"expression": _IMAGES_SCRIPT, "awaitPromise": True, "returnByValue": True},
                session=session,
            )
            # Errors a script logs just after the load event still count.
            self._drain(0.2)
            described = images.get("result", {}).get("value") or []
            result.images = len(described)
            result.problems.extend(image_problems(described))
            tables = self._send(
                "Runtime.evaluate",
                {"expression": _TABLES_SCRIPT, "returnByValue": True},
                session=session,
            )
            result.problems.extend(table_problems(tables.get("result", {}).get("value") or []))
            result.problems.extend(
                event_problems(e for e in self._events if e.get("sessionId") == session)
            )
            if screenshot is not None:
                self._screenshot(session, screenshot)
                result.screenshot = screenshot
        finally:
            self._events.clear()
            self._send("Target.closeTarget", {"targetId": target})
        return result

    def _screenshot(self, session: str, path: Path) -> None:
        metrics = self._send("Page.getLayoutMetrics", session=session)
        content = metrics.get("cssContentSize") or metrics.get("contentSize") or {}
        height = min(max(int(content.get("height", VIEWPORT_HEIGHT)), 1), MAX_SCREENSHOT_HEIGHT)
        shot = self._send(
            "Page.captureScreenshot",
            {
                "format": "png",
                "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": VIEWPORT_WIDTH, "height": height, "scale": 1},
            },
            session=session,
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def image_problems(images: Iterable[dict[str, Any]]) -> list[str]:
    """Problems with a page's images, as the browser describes them.

    Args:
        images: One dict per ``<img>``, in page order, with ``src``, ``alt``
            (``None`` when the attribute is missing), ``complete`` and
            ``naturalWidth``.

    Returns:
        One line per broken image and per image without alt text.
    """
    problems = []
    for number, image in enumerate(images, start=1):
        where = f"image {number} ({_short(image.get('src', ''), 60)})"
        if not image.get("naturalWidth"):
            problems.append(f"{where} did not load (naturalWidth 0)")
        alt = image.get("alt")
        if alt is None:
            problems.append(f"{where} has no alt attribute")
        elif not alt.strip():
            problems.append(f"{where} has an empty alt text")
        elif alt.strip() == NBCONVERT_PLACEHOLDER_ALT:
            problems.append(
                f"{where} has only nbconvert's placeholder alt text; give the chart alt "
                'text in output.metadata["image/png"]["alt"] (plots.show(fig, alt=...))'
            )
    return problems


def table_problems(tables: Iterable[dict[str, Any]], max_lines: int = MAX_ROW_LINES) -> list[str]:
    """Tables with a row taller than ``max_lines`` lines, as the browser laid them out.

    Args:
        tables: ``{"rows", "tallest", "line", "head"}`` per table, in page order
            (the tallest body row and the line height in CSS pixels).
        max_lines: The most lines a row may take.

    Returns:
        One line per table with a row too tall.
    """
    problems = []
    for number, table in enumerate(tables, 1):
        lines = table.get("tallest", 0) / (table.get("line") or 20)
        if lines > max_lines:
            head = f" ({table['head']}, ...)" if table.get("head") else ""
            problems.append(
                f"table {number}{head}: a row {lines:.0f} lines tall at {VIEWPORT_WIDTH} px; "
                "a long text column wraps (cut it, or narrow the table)"
            )
    return problems


def event_problems(events: Iterable[dict[str, Any]]) -> list[str]:
    """Console errors, uncaught exceptions and network requests among DevTools events.

    Args:
        events: DevTools protocol events of one page (``Runtime.consoleAPICalled``,
            ``Runtime.exceptionThrown``, ``Log.entryAdded``,
            ``Network.requestWillBeSent``; others are ignored).

    Returns:
        One line per problem, in the order they happened.
    """
    problems = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            text = " ".join(
                str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", [])
            )
            problems.append(f"console error: {_short(text, 200)}")
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            text = details.get("exception", {}).get("description") or details.get("text", "")
            problems.append(f"uncaught exception: {_short(text, 200)}")
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            url = f" ({_short(entry['url'], 100)})" if entry.get("url") else ""
            problems.append(f"console error: {_short(entry.get('text', ''), 200)}{url}")
        elif method == "Network.requestWillBeSent":
            url = params.get("request", {}).get("url", "")
            if url.split(":", 1)[0].lower() in ("http", "https", "ws", "wss", "ftp"):
                problems.append(f"loads from the network: {_short(url, 120)}")
    return problems


def check_pages(
    pages: Sequence[Path],
    out_dir: Path | None = None,
    base_dir: Path | None = None,
    chromium: str | os.PathLike[str] | None = None,
) -> list[PageResult]:
    """Open each page in one headless Chromium and check it.

    Args:
        pages: HTML files to open.
        out_dir: Directory for the PNG screenshots, named after each page's
            path (``reviewer/01_corpus.html`` → ``reviewer_01_corpus.png``);
            no screenshots if ``None``.
        base_dir: Pages are named relative to this directory in the results.
        chromium: The Chromium executable; see :func:`find_chromium`.

    Returns:
        One result per page, in the order given.

    Raises:
        BrowserCheckError: Chromium is missing, fails to start or stops answering.
    """
    executable = find_chromium(chromium)
    results = []
    with Chromium(executable) as browser:
        for page in pages:
            relative = page.relative_to(base_dir) if base_dir else Path(page.name)
            name = relative.as_posix() if base_dir else str(page)
            screenshot = None
            if out_dir is not None:
                stem = relative.with_suffix("").as_posix().replace("/", "_")
                screenshot = out_dir / f"{stem}.png"
            results.append(browser.check_page(page, screenshot, name=name))
    return results


def check_report(
    report_dir: Path, out_dir: Path, chromium: str | os.PathLike[str] | None = None
) -> list[PageResult]:
    """Check every page of a report in headless Chromium and save a screenshot of each.

    Args:
        report_dir: The report directory (``index.html``, ``<notebook>.html``,
            ``reviewer/<notebook>.html``).
        out_dir: Directory for the PNG screenshots; created if missing.
        chromium: The Chromium executable; see :func:`find_chromium`.

    Returns:
        One result per page; the report passes when no result has problems.

    Raises:
        BrowserCheckError: No report, or Chromium is missing or fails.
    """
    pages = report_pages(report_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    return check_pages(pages, out_dir=out_dir, base_dir=report_dir, chromium=chromium)
