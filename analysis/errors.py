"""The workbook's errors: each names the file, the place in it, the problem and the fix.

Every error an analyst can cause with their input (a corpus file, a manifest, a
topic lexicon, a verb lexicon) is a :class:`WorkbookError`, so a notebook or a
script catches them all with one ``except`` and reads the same four attributes.
"""

from __future__ import annotations

__all__ = ["CorpusError", "LexiconError", "VerbLexiconError", "WorkbookError"]


class WorkbookError(ValueError):
    """Bad input: the message names the file, the place and the fix.

    Attributes:
        path: The file (relative to the corpus folder where possible).
        place: Where in the file ("byte 412", "line 3", "topic t: pattern 'x'"), or ``""``.
        problem: What is wrong.
        fix: What to do about it.
    """

    def __init__(self, path: str, place: str, problem: str, fix: str):
        self.path, self.place, self.problem, self.fix = path, place, problem, fix
        where = f"{path}: {place}: " if place else f"{path}: "
        super().__init__(f"{where}{problem}; {fix}")

    def _render_traceback_(self) -> list[str]:
        # IPython shows this instead of a deep traceback through the loader.
        return [f"{type(self).__name__}: {self}"]


class CorpusError(WorkbookError):
    """A corpus file, record or manifest the loader cannot read as it stands."""


class LexiconError(WorkbookError):
    """A malformed topic lexicon: the place names the topic and the pattern.

    Attributes:
        topic: The topic's id (or its number when it has no id), or ``""``.
        pattern: The offending pattern, or ``""``.
    """

    def __init__(self, path: str, topic: str, pattern: str, problem: str, fix: str):
        self.topic, self.pattern = topic, pattern
        parts = [f"topic {topic}"] if topic else []
        if pattern:
            parts.append(f"pattern {pattern!r}")
        super().__init__(path, ": ".join(parts), problem, fix)


class VerbLexiconError(WorkbookError):
    """A malformed reporting-verb lexicon: the place names the grade and the entry."""
