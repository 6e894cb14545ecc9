"""The data files shipped with the package, in ``analysis/data/`` (TOML lexicons)."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

__all__ = ["DATA", "shipped_data", "shipped_path"]

# The folder itself: an editable or a wheel install both keep it beside the modules.
DATA = Path(str(resources.files("analysis").joinpath("data")))


def shipped_path(name: str) -> Path:
    """The path of a shipped data file, e.g. ``shipped_path("topics.toml")``."""
    return DATA / name


@functools.cache
def shipped_data(name: str) -> str:
    """The text of a data file shipped with the package (``analysis/data/<name>``)."""
    return shipped_path(name).read_text("utf-8")
