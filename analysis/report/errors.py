"""The report's two failures: one it cannot build, and a notebook cell that raised."""

from __future__ import annotations

__all__ = ["NotebookError", "ReportError"]


class ReportError(Exception):
    """The report could not be built; the message names the file and the fix."""


class NotebookError(ReportError):
    """A notebook cell raised while the report ran it on the corpus."""
