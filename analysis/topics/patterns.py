"""The pattern language: a lexicon's phrase patterns as regular expressions, combined into one.

:func:`compile_pattern` turns one pattern (plain words, ``word*`` for any
ending, a lone ``*`` for any one word) into a regular expression;
:func:`_combine` joins all of a lexicon's patterns into one prefix tree of
characters, so at each word start the engine follows one path instead of
trying every pattern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["CompiledPattern", "compile_pattern"]

_HYPHENS = "-‐‑"
_WORD_CHARS = r"[^\W_]"
_TOKEN = re.compile(r"^[^\W_](?:[^\W_]|['’.&\-‐‑])*\*?$")
_BETWEEN = r"(?:\s+|\s*[" + _HYPHENS + r"]\s*)"
_ANY_WORD = r"[^\W_]+(?:['’][^\W_]+)?"
_PATTERN_HELP = (
    "write plain words; end a word with * for any ending (sanction*), use a lone * for "
    "any one word between two words (interfer* in * election*)"
)


@dataclass(frozen=True)
class CompiledPattern:
    """A pattern as a regular expression.

    Attributes:
        source: The regular expression, without the leading word boundary.
        case_sensitive: True when a word in capitals makes it match as written.
        key: The pattern folded for comparison (duplicates are refused).
        weight: Literal characters, to try longer patterns first.
        atoms: ``source`` cut into single characters and character classes, for
            the prefix tree that combines the lexicon's patterns.
    """

    source: str
    case_sensitive: bool
    key: str
    weight: int
    atoms: tuple[str, ...] = ()


def compile_pattern(pattern: str) -> CompiledPattern:
    r"""Turn a lexicon phrase pattern into a regular expression.

    Args:
        pattern: Words separated by spaces; ``word*`` matches any ending, a lone
            ``*`` any one word; a hyphen matches a hyphen, a space or nothing; a
            space matches spaces, line breaks or a hyphen; ``'`` matches ``’``.
            A word in capitals (two or more, no lower case) makes the pattern
            case-sensitive.

    Returns:
        The compiled form.

    Raises:
        ValueError: The pattern is empty or uses characters outside the syntax
            (the message says which and how to write it).

    >>> [bool(re.fullmatch(compile_pattern("build-up").source, w))
    ...  for w in ("build-up", "buildup", "build up", "builder")]
    [True, True, True, False]
    """
    if not isinstance(pattern, str):
        raise ValueError(f"a pattern must be a string, not {type(pattern).__name__}")
    tokens = pattern.split()
    if not tokens:
        raise ValueError("the pattern is empty")
    if tokens[0] == "*" or tokens[-1] == "*":
        raise ValueError(
            "a lone * may only stand between two words; it would make the match start or end anywhere"
        )
    case_sensitive = any(_in_capitals(token) for token in tokens)
    atoms: list[str] = []
    weight = 0
    for number, token in enumerate(tokens):
        if number:
            atoms.append(_BETWEEN)
        if token == "*":
            atoms.append(_ANY_WORD)
            continue
        weight += _word_atoms(token, case_sensitive, atoms)
    last = tokens[-1]
    if not last.endswith("*") and last[-1].isalnum():
        atoms.append(r"(?![^\W_])")  # whole words only: "war" is not "warm"
    key = " ".join(tokens) if case_sensitive else " ".join(tokens).lower().replace("’", "'")
    return CompiledPattern("".join(atoms), case_sensitive, key, weight, tuple(atoms))


def _in_capitals(token: str) -> bool:
    """A word of two or more capitals and no lower case (an acronym: matched as written)."""
    return sum(ch.isupper() for ch in token) >= 2 and not any(ch.islower() for ch in token)


def _word_atoms(token: str, case_sensitive: bool, atoms: list[str]) -> int:
    """Append the atoms of one word of a pattern to ``atoms``; return its literal characters.

    Raises:
        ValueError: The word uses characters outside the syntax.
    """
    if not _TOKEN.match(token):
        raise ValueError(f"{_word_problem(token)}; {_PATTERN_HELP}")
    weight = 0
    word = token.rstrip("*")
    for ch in word if case_sensitive else word.lower():
        if ch in "'’":
            atoms.append("['’]")
        elif ch in _HYPHENS:
            atoms.append(r"(?:[" + _HYPHENS + r"]|\s+)?")
        else:
            atoms.append(re.escape(ch))
            weight += 1
    if token.endswith("*"):
        atoms.append(_WORD_CHARS + "*")
    return weight


def _word_problem(token: str) -> str:
    """What is wrong with a word that is not a pattern word, in the writer's terms."""
    bad = next((ch for ch in token if not (ch.isalnum() or ch in "'’.&*" + _HYPHENS)), None)
    if bad is not None:
        return f"{bad!r} is not allowed in a pattern (patterns are not regular expressions)"
    if "*" in token[:-1]:
        return f"* may only end a word, not stand inside {token!r}"
    return f"the word {token!r} must start with a letter or digit"


def _combine(items, groups: dict, first: int):
    """One regex for all patterns: a prefix tree of their characters.

    Patterns sharing a beginning share its branch (``arms control`` and ``arms
    race`` test "arms " once), so at each word start the engine follows one
    path instead of trying every pattern. Each pattern ends in an empty named
    group ``g<n>`` (``groups[n]`` keeps its text and topics), which
    ``match.lastgroup`` reports. Where a pattern ends and a longer one goes on,
    the longer is tried first.
    """
    if not items:
        return None, None
    trie: dict = {}
    for n, (item, pattern, topic_ids) in enumerate(
        sorted(items, key=lambda v: (-v[0].weight, v[0].key)), start=first
    ):
        node = trie
        for atom in item.atoms:
            node = node.setdefault(atom, {})
        if None in node:  # the same regex from two spellings: one group, both topics
            groups[node[None]][1].extend(t for t in topic_ids if t not in groups[node[None]][1])
            continue
        node[None] = n
        groups[n] = (pattern, list(topic_ids))
    if items[0][0].case_sensitive:
        # Case-sensitive patterns start with a capital or a digit, which are rare: a
        # regex that opens with the first characters (the word-boundary test moved
        # after them) lets the engine skip ahead to them instead of testing every word.
        source = (
            "(?:"
            + "|".join(
                atom + r"(?<![^\W_].)" + _emit(trie[atom])
                for atom in sorted((a for a in trie if a is not None), key=_atom_order)
            )
            + ")"
        )
    else:
        source = r"\b" + _emit(trie)
    return re.compile(source), re.compile(source, re.IGNORECASE)


_COMMON = "tasowhibcmfdplnegruvyjkqxzETAOINSHRDLUCMFWYPVBGKJQXZ"


def _atom_order(atom: str) -> tuple[int, str]:
    """Try letters, then separators, then open endings, then the word's end: longest first."""
    if len(atom) <= 2:
        # Distinct letters exclude each other, so their order changes no match, only
        # speed: common letters first (English word-initial and letter frequency).
        return 0, f"{_COMMON.find(atom[-1]) % 64:02d}{atom}"
    elif atom == _WORD_CHARS + "*":
        rank = 3
    elif atom.startswith("(?!"):
        rank = 4
    elif atom == _ANY_WORD:
        rank = 2
    else:
        rank = 1
    return rank, atom


def _emit(node: dict) -> str:
    """The regex of a prefix-tree node: its branches, then its own end (if a pattern ends here)."""
    branches = []
    for atom in sorted((a for a in node if a is not None), key=_atom_order):
        branches.append(atom + _emit(node[atom]))
    if None in node:
        branches.append(f"(?P<g{node[None]}>)")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _leftmost_longest(found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Drop matches that overlap an earlier or longer one (from the two regexes)."""
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    kept: list[tuple[int, int, int]] = []
    for match in found:
        if kept and match[0] < kept[-1][1]:
            if match[1] - match[0] > kept[-1][1] - kept[-1][0] and match[0] == kept[-1][0]:
                kept[-1] = match
            continue
        kept.append(match)
    return kept
