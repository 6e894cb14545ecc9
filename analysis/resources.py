"""The data files shipped with the package, in ``analysis/data/`` (TOML lexicons)."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from pathlib import Path

__all__ = ["DATA", "read_lexicon", "shipped_data", "shipped_path"]

# The folder itself: an editable or a wheel install both keep it beside the modules.
DATA = Path(str(resources.files("analysis").joinpath("data")))


def shipped_path(name: str) -> Path:
    """The path of a shipped data file, e.g. ``shipped_path("topics.toml")``."""
    return DATA / name


@functools.cache
def shipped_data(name: str) -> str:
    """The text of a data file shipped with the package (``analysis/data/<name>``)."""
    return shipped_path(name).read_text("utf-8")


def read_lexicon(path: str | Path | None, shipped: str, error: type[Exception]) -> tuple[str, dict]:
    """A TOML lexicon: the file at ``path``, else the shipped ``analysis/data/<shipped>``.

    Returns:
        ``(name, data)``: how errors name the file, and the parsed tables.

    Raises:
        error: ``error(name, "", problem, fix)`` where the file is not valid TOML.
    """
    name = str(path) if path else f"analysis/data/{shipped}"
    raw = Path(path).read_text("utf-8") if path else shipped_data(shipped)
    try:
        return name, tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise error(name, "", f"not valid TOML ({exc})", "fix the syntax") from None
