"""The lexicon: topics and their phrase patterns, read from TOML and compiled once.

:func:`load_lexicon` reads and checks a lexicon file (``analysis/data/topics.toml``
is the default and the example to copy), naming the topic and the pattern at
fault and the fix; :class:`Lexicon` compiles its patterns into two regular
expressions (case-insensitive and case-sensitive) and finds mentions in a text.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.errors import LexiconError
from analysis.resources import shipped_path
from analysis.topics.patterns import (
    _PATTERN_HELP,
    CompiledPattern,
    _combine,
    _leftmost_longest,
    compile_pattern,
)

__all__ = ["DEFAULT_LEXICON", "Lexicon", "Topic", "load_lexicon"]

DEFAULT_LEXICON = shipped_path("topics.toml")


@dataclass(frozen=True)
class Topic:
    """One topic of a lexicon.

    Attributes:
        id: A short identifier (``arms_control``).
        label: The name shown in tables and charts.
        patterns: Its phrase patterns (see :func:`compile_pattern`).
        source: Where the topic area comes from (CAP, Lexicoder, ...).
        notes: What it covers and what it leaves to other topics.
    """

    id: str
    label: str
    patterns: tuple[str, ...]
    source: str = ""
    notes: str = ""


@dataclass
class Lexicon:
    """Topics and their patterns, compiled once into two regular expressions.

    Build one with :func:`load_lexicon`; :meth:`find` finds mentions in a text
    and :func:`find_mentions` in a whole corpus.

    Attributes:
        name: The lexicon's name (``[lexicon] name`` in the file).
        path: The file it was read from.
        topics: The topics, in the file's order.
    """

    name: str
    path: str
    topics: tuple[Topic, ...]
    _groups: dict = field(default_factory=dict, repr=False)
    _regex: dict = field(default_factory=dict, repr=False)
    _pattern_of_group: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        compiled: dict[str, tuple[CompiledPattern, str, list[str]]] = {}
        for topic in self.topics:
            seen: set[str] = set()
            for pattern in topic.patterns:
                try:
                    item = compile_pattern(pattern)
                except ValueError as exc:
                    problem, _, fix = str(exc).partition("; ")
                    raise LexiconError(
                        self.path, topic.id, str(pattern), problem, fix or _PATTERN_HELP
                    ) from None
                if item.key in seen:
                    raise LexiconError(
                        self.path,
                        topic.id,
                        pattern,
                        "the pattern is listed twice in this topic",
                        "remove one of them",
                    )
                seen.add(item.key)
                if item.key in compiled:
                    # The same pattern in two topics: one match, counted for both.
                    compiled[item.key][2].append(topic.id)
                else:
                    compiled[item.key] = (item, pattern, [topic.id])
        for case_sensitive in (False, True):
            items = [v for v in compiled.values() if v[0].case_sensitive == case_sensitive]
            regex = _combine(items, self._groups, len(self._groups))
            self._regex[case_sensitive] = regex
            # Group number -> pattern number, so a match needs no name lookup.
            self._pattern_of_group[case_sensitive] = (
                {index: int(name[1:]) for name, index in regex[0].groupindex.items()}
                if regex[0] is not None
                else {}
            )

    @property
    def labels(self) -> dict[str, str]:
        """Label of each topic id, in the lexicon's order."""
        return {topic.id: topic.label for topic in self.topics}

    def table(self) -> pd.DataFrame:
        """One row per topic: id, label, number of patterns, examples, source, notes."""
        return pd.DataFrame(
            [
                {
                    "topic": t.id,
                    "label": t.label,
                    "patterns": len(t.patterns),
                    "examples": ", ".join(t.patterns[:5]),
                    "source": t.source,
                }
                for t in self.topics
            ]
        ).set_index("topic")

    def find(self, text: str) -> list[tuple[int, int, str, tuple[str, ...]]]:
        """Mentions in one text: ``(start, end, pattern, topic ids)``, in order, not overlapping.

        >>> lex = load_lexicon()
        >>> [(text[s:e], ids) for text in ["Talks on arms-control and sanctions."]
        ...  for s, e, _, ids in lex.find(text)]
        [('Talks', ('diplomacy',)), ('arms-control', ('arms_control',)), ('sanctions', ('sanctions',))]
        """
        starts, ends, groups = self._scan(text)
        return [
            (int(s), int(e), self._groups[g][0], tuple(self._groups[g][1]))
            for s, e, g in zip(starts, ends, groups, strict=True)
        ]

    def _scan(self, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Starts, ends and group numbers of every mention in ``text``, leftmost-longest."""
        found: list[tuple[int, int, int]] = []
        lowered = text.lower()
        if len(lowered) == len(text):
            haystack, regex = lowered, self._regex[False][0]
        else:
            # Rare letters (e.g. "İ") lengthen when lower-cased; match the original instead.
            haystack, regex = text, self._regex[False][1]
        if regex is not None:
            number = self._pattern_of_group[False]
            found.extend((*m.span(), number[m.lastindex]) for m in regex.finditer(haystack))
        sensitive = self._regex[True][0]
        if sensitive is not None:
            number = self._pattern_of_group[True]
            extra = [(*m.span(), number[m.lastindex]) for m in sensitive.finditer(text)]
            if extra:
                found = _leftmost_longest(found + extra)
        if not found:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        array = np.asarray(found, dtype=np.int64)
        return array[:, 0], array[:, 1], array[:, 2]


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read and compile a topic lexicon from TOML.

    The file has an optional ``[lexicon]`` table (``name``) and one
    ``[[topic]]`` table per topic with ``id``, ``label``, ``patterns`` (a list
    of phrase patterns, see :func:`compile_pattern`), and optionally ``source``
    and ``notes``. ``analysis/data/topics.toml`` is the default and the
    example to copy.

    Args:
        path: The TOML file; ``None`` for the lexicon shipped with the package.

    Returns:
        The compiled lexicon.

    Raises:
        LexiconError: On a missing or malformed file, naming the topic and the
            pattern at fault and the fix.
    """
    file = Path(path) if path is not None else DEFAULT_LEXICON
    name = str(file)
    data = _read_toml(file)
    entries = data.get("topic")
    if not isinstance(entries, list) or not entries:
        raise LexiconError(name, "", "", "no [[topic]] tables", "add one [[topic]] table per topic")
    topics: list[Topic] = []
    ids: set[str] = set()
    for number, entry in enumerate(entries, 1):
        topics.append(_topic(name, number, entry, ids))
        ids.add(topics[-1].id)
    meta = data.get("lexicon", {})
    return Lexicon(
        name=str(meta.get("name", file.stem)) if isinstance(meta, dict) else file.stem,
        path=name,
        topics=tuple(topics),
    )


def _read_toml(file: Path) -> dict:
    """The file's TOML, or a :class:`~analysis.errors.LexiconError` saying why it cannot be read."""
    name = str(file)
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LexiconError(name, "", "", "no such file", "check the path") from None
    except UnicodeDecodeError as exc:
        raise LexiconError(
            name, "", "", f"not UTF-8 (byte {exc.start})", "re-save the file as UTF-8"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(name, "", "", f"not valid TOML ({exc})", "fix the syntax") from None


def _topic(name: str, number: int, entry: dict, ids: set[str]) -> Topic:
    """The ``number``-th ``[[topic]]`` table as a :class:`Topic`, checked; ``ids``: those before it."""
    topic_id = entry.get("id")
    where = str(topic_id) if isinstance(topic_id, str) and topic_id else f"number {number}"
    if not isinstance(topic_id, str) or not re.fullmatch(r"[A-Za-z][\w-]*", topic_id):
        raise LexiconError(
            name,
            where,
            "",
            f"id is {topic_id!r}",
            "give each topic an id of letters, digits and underscores, e.g. id = 'trade'",
        )
    if topic_id in ids:
        raise LexiconError(
            name, where, "", "the id is used by an earlier topic", "give every topic its own id"
        )
    label = entry.get("label")
    if not isinstance(label, str) or not label.strip():
        raise LexiconError(
            name, where, "", "the topic has no label", "add label = 'Name shown in charts'"
        )
    patterns = entry.get("patterns")
    if not isinstance(patterns, list) or not patterns:
        raise LexiconError(
            name,
            where,
            "",
            "the topic has no patterns",
            "add patterns = ['phrase', 'word*', ...]",
        )
    for pattern in patterns:
        if not isinstance(pattern, str):
            raise LexiconError(name, where, str(pattern), "a pattern must be a string", "quote it")
    return Topic(
        id=topic_id,
        label=label.strip(),
        patterns=tuple(patterns),
        source=str(entry.get("source", "")),
        notes=str(entry.get("notes", "")),
    )


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    return load_lexicon()
