"""Attribution labels in brat standoff: the format of PolNeAR and PARC 3.0, brat and INCEpTION.

Each article ``<id>.txt`` has its labels in ``<id>.ann`` (or, where several
annotators labelled it, ``<id>_<annotator>.ann``: the first in name order is
read). A label file holds text-bound spans and events tying them together::

    T1	Source 89 106	The New York Post
    T2	Cue 107 114	reports
    T3	Content 115 290	that Hillary Clinton's team avoided ...
    E1	Attribution:T4 Content:T3 Cue:T2 Source:T1

A span's offsets index the article's text (a discontinuous span lists several
``start end`` pairs separated by ``;``: it is read from its first start to its
last end). An event (``Attribution`` or ``Attribution-no-source``) is one
attribution: its ``Content`` always, its ``Cue`` and ``Source`` when labelled.
Other lines (annotators' notes, relations, comments) are not read; a span's
text may run over several lines of the file, so only lines that open with an
id and a tab start a label.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from analysis.errors import CorpusError

__all__ = ["ATTRIBUTION_LABEL_COLUMNS", "brat_files", "read_brat"]

ATTRIBUTION_LABEL_COLUMNS = (
    "article_id",
    "label_no",
    "content_start",
    "content_end",
    "source_start",
    "source_end",
    "cue_start",
    "cue_end",
    "source_text",
    "cue_text",
    "content_text",
)

_SPAN = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t?(.*)$")
_ATTRIBUTION_EVENTS = ("Attribution", "Attribution-no-source")


def brat_files(folder: Path, article_ids: list[str]) -> dict[str, Path]:
    """The label file of each article that has one: ``<id>.ann``, else the first ``<id>_*.ann``.

    Args:
        folder: The folder of ``.ann`` files.
        article_ids: The corpus's article ids.

    Raises:
        CorpusError: The folder does not exist or holds no ``.ann`` file.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusError(str(folder), "", "no such folder", "pass the folder of .ann files")
    names = sorted(p.name for p in folder.glob("*.ann"))
    if not names:
        raise CorpusError(str(folder), "", "holds no .ann file", "pass the folder of brat labels")
    found = {}
    for article_id in article_ids:
        if f"{article_id}.ann" in names:
            found[article_id] = folder / f"{article_id}.ann"
            continue
        prefix = f"{article_id}_"
        # Annotators' files sort after the article's own name: the first is the first labeller.
        own = [n for n in names if n.startswith(prefix) and "_" not in n[len(prefix) : -4]]
        if own:
            found[article_id] = folder / own[0]
    return found


def read_brat(path: Path, article_id: str, text: str) -> pd.DataFrame:
    """The attributions of one ``.ann`` file, one row each, their spans checked against the text.

    Args:
        path: The label file.
        article_id: The article it labels.
        text: The article's text (the offsets index it).

    Returns:
        One row per attribution event with a Content, in the columns of
        :data:`ATTRIBUTION_LABEL_COLUMNS`; ``-1`` and ``""`` where no Source or Cue
        is labelled. ``attrs["without_content"]`` counts the events without one.

    Raises:
        CorpusError: A malformed line, an event naming a span that is not there, or
            a span outside the text; the place is the line.
    """
    spans: dict[str, tuple[int, int]] = {}
    events: list[tuple[int, dict[str, str]]] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        if line.startswith("T") and "\t" in line:
            match = _SPAN.match(line)
            if not match:
                raise CorpusError(
                    path.name,
                    f"line {n}",
                    "not a brat text-bound span",
                    "write T<n>\\tType s e\\ttext",
                )
            pieces = [tuple(map(int, p.split())) for p in match.group(3).split(";")]
            # From the first start to the last end; a span written end first (an
            # annotation tool's slip) is read the right way round.
            start, end = sorted((pieces[0][0], pieces[-1][1]))
            if not 0 <= start <= end <= len(text):
                raise CorpusError(
                    path.name,
                    f"line {n}",
                    f"span {start}-{end} lies outside the text of {len(text)} characters",
                    "label the article's own text file, as saved",
                )
            spans[match.group(1)] = (start, end)
        elif line.startswith("E") and "\t" in line:
            name, _, args = line.partition("\t")
            roles = dict(a.split(":", 1) for a in args.split() if ":" in a)
            kind = next((k for k in _ATTRIBUTION_EVENTS if k in roles), None)
            if kind is not None:
                events.append((n, roles))
    rows, without_content = [], 0
    for n, roles in events:
        missing = [ref for ref in roles.values() if ref not in spans and ref.startswith("T")]
        if missing:
            raise CorpusError(
                path.name,
                f"line {n}",
                f"the attribution names spans that are not there ({', '.join(missing)})",
                "label each span the attribution names",
            )
        if "Content" not in roles:
            without_content += 1  # nothing to measure against; counted, not read
            continue
        content = spans[roles["Content"]]
        source = spans.get(roles.get("Source", ""), (-1, -1))
        cue = spans.get(roles.get("Cue", ""), (-1, -1))
        rows.append(
            (
                article_id,
                len(rows),
                *content,
                *source,
                *cue,
                text[source[0] : source[1]] if source[0] >= 0 else "",
                text[cue[0] : cue[1]] if cue[0] >= 0 else "",
                text[content[0] : content[1]],
            )
        )
    frame = pd.DataFrame(rows, columns=list(ATTRIBUTION_LABEL_COLUMNS))
    frame.attrs["without_content"] = without_content
    return frame
