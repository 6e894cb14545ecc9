"""Topics: which topics each voice covers, how prominently, and across a corpus.

A *lexicon* (TOML, :func:`load_lexicon`) lists topics, each with phrase
patterns. :func:`find_mentions` finds every pattern in every document and
returns one row per mention with its character offsets, sentence and role, so
each count traces back to its words. From the mentions:

* :func:`coverage`: mentions per 1,000 words and share of sentences, by role,
  article or outlet;
* :func:`compare_voices`: for one news article, the topics of the journalist's
  words (headline and own prose) against those of the official text it
  reports on: order, first position, headline and lede presence, a
  position-weighted score, and whether the article kept, added or dropped each
  topic;
* :func:`attention`: over a corpus, the share of news articles per outlet or
  month that mention each topic;
* :func:`nmf_topics`: data-driven topics (NMF over TF-IDF) with their
  stability across random seeds, for corpora of a few dozen articles or more.

Prominence score: a topic's score in a voice is the sum, over its mentions,
of ``0.5 ** (w / half_life)``, where ``w`` is the number of words of that
voice before the mention (the headline comes first, so a headline mention has
``w`` near 0 and weighs about 1) and ``half_life`` is 100 words by default: a
mention 100 words in counts half as much as one at the top, in line with the
inverted pyramid of news writing. The score grows with repetition and with
nearness to the top.

Matching is one compiled regular expression per lexicon (two: patterns that
are case-sensitive and those that are not) run over all documents at once, so
finding mentions costs one pass over the text, not a topic-by-sentence loop.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.corpus import Corpus
from analysis.errors import LexiconError
from analysis.parallel import balanced_parts, fork_map, process_count
from analysis.resources import shipped_path
from analysis.schema import JOURNALIST_ROLES, ROLES
from analysis.text import and_list as _and
from analysis.text import count_words

__all__ = [
    "DEFAULT_LEXICON",
    "MENTION_COLUMNS",
    "Lexicon",
    "LexiconError",
    "NmfTopics",
    "Topic",
    "attention",
    "attention_finding",
    "attention_matrix",
    "compare_voices",
    "compile_pattern",
    "coverage",
    "coverage_finding",
    "find_mentions",
    "gap_finding",
    "load_lexicon",
    "nmf_finding",
    "nmf_topics",
    "order_finding",
    "role_topic_table",
]

DEFAULT_LEXICON = shipped_path("topics.toml")
MENTION_COLUMNS = (
    "article_id",
    "block_no",
    "sent_no",
    "role",
    "start",
    "end",
    "text",
    "topic",
    "label",
    "pattern",
    "in_quote",
)
HALF_LIFE = 100
# Voices compared by compare_voices: the article's own words against the official text.
_NO_OUTLET = "(no outlet)"


# --- patterns ----------------------------------------------------------------------

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
    case_sensitive = any(
        sum(ch.isupper() for ch in token) >= 2 and not any(ch.islower() for ch in token)
        for token in tokens
    )
    atoms: list[str] = []
    weight = 0
    for number, token in enumerate(tokens):
        if number:
            atoms.append(_BETWEEN)
        if token == "*":
            atoms.append(_ANY_WORD)
            continue
        if not _TOKEN.match(token):
            bad = next((ch for ch in token if not (ch.isalnum() or ch in "'’.&*" + _HYPHENS)), None)
            if bad is not None:
                problem = (
                    f"{bad!r} is not allowed in a pattern (patterns are not regular expressions)"
                )
            elif "*" in token[:-1]:
                problem = f"* may only end a word, not stand inside {token!r}"
            else:
                problem = f"the word {token!r} must start with a letter or digit"
            raise ValueError(f"{problem}; {_PATTERN_HELP}")
        wildcard = token.endswith("*")
        word = token.rstrip("*")
        for ch in word if case_sensitive else word.lower():
            if ch in "'’":
                atoms.append("['’]")
            elif ch in _HYPHENS:
                atoms.append(r"(?:[" + _HYPHENS + r"]|\s+)?")
            else:
                atoms.append(re.escape(ch))
                weight += 1
        if wildcard:
            atoms.append(_WORD_CHARS + "*")
    last = tokens[-1]
    if not last.endswith("*") and last[-1].isalnum():
        atoms.append(r"(?![^\W_])")  # whole words only: "war" is not "warm"
    key = " ".join(tokens) if case_sensitive else " ".join(tokens).lower().replace("’", "'")
    return CompiledPattern("".join(atoms), case_sensitive, key, weight, tuple(atoms))


# --- lexicon -----------------------------------------------------------------------


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
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LexiconError(name, "", "", "no such file", "check the path") from None
    except UnicodeDecodeError as exc:
        raise LexiconError(
            name, "", "", f"not UTF-8 (byte {exc.start})", "re-save the file as UTF-8"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(name, "", "", f"not valid TOML ({exc})", "fix the syntax") from None
    entries = data.get("topic")
    if not isinstance(entries, list) or not entries:
        raise LexiconError(name, "", "", "no [[topic]] tables", "add one [[topic]] table per topic")
    topics, ids = [], set()
    for number, entry in enumerate(entries, 1):
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
        ids.add(topic_id)
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
                raise LexiconError(
                    name, where, str(pattern), "a pattern must be a string", "quote it"
                )
        topics.append(
            Topic(
                id=topic_id,
                label=label.strip(),
                patterns=tuple(patterns),
                source=str(entry.get("source", "")),
                notes=str(entry.get("notes", "")),
            )
        )
    meta = data.get("lexicon", {})
    return Lexicon(
        name=str(meta.get("name", file.stem)) if isinstance(meta, dict) else file.stem,
        path=name,
        topics=tuple(topics),
    )


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    return load_lexicon()


# --- mentions ----------------------------------------------------------------------

# Between documents in the joined text: no pattern crosses a NUL.
_SEPARATOR = "\n\x00\n"


def find_mentions(corpus: Corpus, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Every topic mention in every document of the corpus.

    Args:
        corpus: The loaded corpus (derived official documents included).
        lexicon: The topics; the package's default lexicon if ``None``.

    Returns:
        One row per mention and topic (a span whose pattern is listed under two
        topics gives two rows), columns :data:`MENTION_COLUMNS`: the document,
        block, sentence and its role, ``start``/``end`` offsets into
        ``articles.text`` (``text`` is that slice), the topic id and label, the
        pattern that matched, and ``in_quote`` (inside a direct quotation).
    """
    lexicon = lexicon or _default_lexicon()
    articles = corpus.articles
    texts = articles["text"].tolist()
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    # Every document laid end to end, one character apart: offsets for the lookups below.
    bases = np.concatenate([[0], np.cumsum(lengths + 1)[:-1]]).astype(np.int64)
    doc, local_start, local_end, groups = _scan_documents(articles, texts, lexicon)
    starts = bases[doc] + local_start

    # Sentence of each mention: the last sentence starting at or before it.
    position = pd.Index(articles["article_id"])
    sentences = corpus.sentences
    sent_doc = position.get_indexer(sentences["article_id"]).astype(np.int64)
    sent_start = bases[sent_doc] + sentences["start"].to_numpy(dtype=np.int64)
    sort = np.argsort(sent_start, kind="stable")
    sent_start = sent_start[sort]
    which = np.searchsorted(sent_start, starts, side="right") - 1
    found = which >= 0
    rows = sort[np.where(found, which, 0)]
    role = sentences["role"].to_numpy(dtype=object)[rows]
    block_no = sentences["block_no"].to_numpy(dtype=np.int64)[rows]
    sent_no = sentences["sent_no"].to_numpy(dtype=np.int64)[rows]
    same_doc = found & (sent_doc[rows] == doc)
    role = np.where(same_doc, role, "")
    block_no = np.where(same_doc, block_no, -1)
    sent_no = np.where(same_doc, sent_no, -1)

    in_quote = _inside(corpus.quotes, position, bases, starts)

    pattern_of = {n: lexicon._groups[n][0] for n in lexicon._groups}
    topics_of = {n: lexicon._groups[n][1] for n in lexicon._groups}
    # Patterns listed under several topics: one row per topic.
    repeat = np.fromiter(
        (len(topics_of[g]) for g in groups.tolist()), dtype=np.int64, count=len(groups)
    )
    topic_ids = [t for g in groups.tolist() for t in topics_of[g]]
    labels = lexicon.labels
    frame = pd.DataFrame(
        {
            "article_id": articles["article_id"].to_numpy()[doc].repeat(repeat),
            "block_no": block_no.repeat(repeat),
            "sent_no": sent_no.repeat(repeat),
            "role": role.repeat(repeat),
            "start": local_start.repeat(repeat),
            "end": local_end.repeat(repeat),
            "text": np.asarray(
                [
                    texts[d][s:e]
                    for d, s, e in zip(
                        doc.tolist(), local_start.tolist(), local_end.tolist(), strict=True
                    )
                ],
                dtype=object,
            ).repeat(repeat),
            "topic": topic_ids,
            "label": [labels[t] for t in topic_ids],
            "pattern": np.asarray([pattern_of[g] for g in groups.tolist()], dtype=object).repeat(
                repeat
            ),
            "in_quote": in_quote.repeat(repeat),
        },
        columns=list(MENTION_COLUMNS),
    )
    for column in ("article_id", "role", "text", "topic", "label", "pattern"):
        frame[column] = frame[column].astype("str")
    return frame


# Below this many characters one process is quicker than starting a second.
PARALLEL_MIN_CHARS = 4_000_000


def _scan_documents(articles: pd.DataFrame, texts: list[str], lexicon: Lexicon):
    """Document number, start, end and pattern number of every mention, in order.

    Documents loaded from files are searched in one pass over their joined
    text (two passes in two processes for a large corpus on a machine with two
    or more cores: the regex engine holds the interpreter lock). A derived
    official document is a slice of its article, so its mentions are those of
    the article inside the slice, shifted, not searched again.
    """
    derived_from = articles["derived_from"].to_numpy(dtype=object)
    files = np.flatnonzero(derived_from == "")
    lengths = np.fromiter((len(texts[i]) for i in files), dtype=np.int64, count=len(files))
    chunks = balanced_parts(lengths, process_count(int(lengths.sum()), PARALLEL_MIN_CHARS))
    jobs = [[texts[i] for i in files[lo:hi]] for lo, hi in chunks]
    # Forked workers inherit the texts and the compiled lexicon: nothing large is pickled.
    results = fork_map(lambda k: lexicon._scan(_SEPARATOR.join(jobs[k])), len(jobs))
    parts = []
    for (lo, hi), (starts, ends, groups) in zip(chunks, results, strict=True):
        bases = np.concatenate([[0], np.cumsum(lengths[lo:hi] + len(_SEPARATOR))[:-1]])
        which = np.searchsorted(bases, starts, side="right") - 1
        offset = bases[which].astype(np.int64)
        parts.append((files[lo:hi][which], starts - offset, ends - offset, groups))
    doc, local_start, local_end, groups = (
        np.concatenate(p).astype(np.int64) for p in zip(*parts, strict=True)
    )

    derived = np.flatnonzero(derived_from != "")
    if len(derived) and len(doc):
        position = pd.Index(articles["article_id"]).get_indexer(derived_from[derived])
        lo = articles["derived_start"].to_numpy()[derived].astype(np.int64)
        hi = articles["derived_end"].to_numpy()[derived].astype(np.int64)
        # Mentions are in (document, start) order: one sorted key finds each slice.
        key = (doc << 32) | local_start
        first = np.searchsorted(key, (position << 32) | lo, side="left")
        last = np.searchsorted(key, (position << 32) | hi, side="left")
        owner = np.repeat(np.arange(len(derived)), last - first)
        picked = np.concatenate(
            [np.arange(a, b, dtype=np.int64) for a, b in zip(first, last, strict=True)]
        )
        keep = local_end[picked] <= hi[owner]
        picked, owner = picked[keep], owner[keep]
        doc = np.concatenate([doc, derived[owner]])
        local_start = np.concatenate([local_start, local_start[picked] - lo[owner]])
        local_end = np.concatenate([local_end, local_end[picked] - lo[owner]])
        groups = np.concatenate([groups, groups[picked]])
        order = np.lexsort((local_start, doc))
        doc, local_start, local_end, groups = (
            doc[order],
            local_start[order],
            local_end[order],
            groups[order],
        )
    return doc, local_start, local_end, groups


def _inside(
    quotes: pd.DataFrame, position: pd.Index, bases: np.ndarray, starts: np.ndarray
) -> np.ndarray:
    """Whether each (joined-text) offset falls inside a direct quotation."""
    if quotes.empty or not len(starts):
        return np.zeros(len(starts), dtype=bool)
    qdoc = position.get_indexer(quotes["article_id"]).astype(np.int64)
    qstart = bases[qdoc] + quotes["start"].to_numpy(dtype=np.int64)
    qend = bases[qdoc] + quotes["end"].to_numpy(dtype=np.int64)
    sort = np.argsort(qstart, kind="stable")
    qstart, qend = qstart[sort], qend[sort]
    which = np.searchsorted(qstart, starts, side="right") - 1
    return (which >= 0) & (starts < qend[np.maximum(which, 0)])


# --- coverage ----------------------------------------------------------------------


def _file_documents(corpus: Corpus, kinds: tuple[str, ...] = ("news", "official")) -> pd.DataFrame:
    """Documents loaded from files (derived official texts are part of their article)."""
    articles = corpus.articles
    return articles[(articles["derived_from"] == "") & articles["kind"].isin(kinds)]


def coverage(
    corpus: Corpus,
    mentions: pd.DataFrame,
    by: str = "role",
    article_id: str | None = None,
    lexicon: Lexicon | None = None,
) -> pd.DataFrame:
    """How much of each group's text is about each topic.

    Counted over the sentences of documents loaded from files (an embedded
    official text is counted once, inside its article, with role ``official``).

    Args:
        corpus: The loaded corpus.
        mentions: From :func:`find_mentions`.
        by: ``"role"`` (sentence role), ``"article"`` or ``"outlet"``.
        article_id: Restrict to one document.
        lexicon: For topic labels and order; the default lexicon if ``None``.

    Returns:
        One row per group and topic: ``mentions``, ``sentences_with`` (sentences
        mentioning the topic), ``sentences`` and ``words`` of the group,
        ``per_1000_words`` and ``sentence_share``. Every topic of the lexicon
        appears for every group, with zeros where it is not mentioned.
    """
    lexicon = lexicon or _default_lexicon()
    if by not in ("role", "article", "outlet"):
        raise ValueError(f'by must be "role", "article" or "outlet", not {by!r}')
    docs = _file_documents(corpus)
    if article_id is not None:
        docs = docs[docs["article_id"] == article_id]
        if docs.empty:
            corpus.article(article_id)  # raises KeyError naming known ids
            docs = corpus.articles[corpus.articles["article_id"] == article_id]
    sentences = corpus.sentences[corpus.sentences["article_id"].isin(docs["article_id"])]
    outlet = dict(zip(docs["article_id"], docs["outlet"].replace("", _NO_OUTLET), strict=True))
    key = {"role": "role", "article": "article_id", "outlet": "outlet"}[by]

    def group(frame: pd.DataFrame) -> pd.Series:
        if by == "outlet":
            return frame["article_id"].map(outlet)
        return frame[key]

    totals = (
        sentences.assign(group=group(sentences), words=sentences["text"].map(count_words))
        .groupby("group")
        .agg(sentences=("sent_no", "size"), words=("words", "sum"))
    )
    picked = mentions[mentions["article_id"].isin(docs["article_id"])]
    picked = picked.assign(group=group(picked))
    counts = pd.concat(
        {
            "mentions": picked.groupby(["group", "topic"]).size(),
            "sentences_with": picked.drop_duplicates(["group", "topic", "article_id", "sent_no"])
            .groupby(["group", "topic"])
            .size(),
        },
        axis=1,
    )
    groups = _group_order(totals.index, by)
    index = pd.MultiIndex.from_product([groups, list(lexicon.labels)], names=[by, "topic"])
    table = counts.reindex(index, fill_value=0).reset_index()
    table.insert(2, "label", table["topic"].map(lexicon.labels))
    table["sentences"] = table[by].map(totals["sentences"]).astype("int64")
    table["words"] = table[by].map(totals["words"]).astype("int64")
    table["per_1000_words"] = (
        (1000 * table["mentions"] / table["words"].where(table["words"] > 0)).fillna(0).round(1)
    )
    table["sentence_share"] = (
        (table["sentences_with"] / table["sentences"].where(table["sentences"] > 0))
        .fillna(0)
        .round(3)
    )
    return table


def _group_order(groups, by: str) -> list:
    if by == "role":
        return [role for role in ROLES if role in set(groups)]
    return sorted(groups)


def role_topic_table(coverage_by_role: pd.DataFrame, value: str = "per_1000_words") -> pd.DataFrame:
    """Roles × topics (labels) of one coverage measure; topics and roles with no mention left out.

    Args:
        coverage_by_role: From :func:`coverage` with ``by="role"``.
        value: The column to spread (``per_1000_words``, ``mentions`` or ``sentence_share``).

    Returns:
        One row per role, one column per topic mentioned anywhere, in lexicon order.
    """
    table = coverage_by_role.pivot(index="role", columns="label", values=value)
    mentioned = coverage_by_role.groupby("label", sort=False)["mentions"].sum()
    columns = [label for label in coverage_by_role["label"].unique() if mentioned[label] > 0]
    totals = coverage_by_role.groupby("role", sort=False)["mentions"].sum()
    roles = [role for role in dict.fromkeys(coverage_by_role["role"]) if totals[role] > 0]
    table = table.reindex(index=roles, columns=columns)
    table.columns.name = "topic"
    return table


def coverage_finding(coverage_by_role: pd.DataFrame) -> str:
    """One sentence on which voice covers which topics, from :func:`coverage` by role."""
    used = coverage_by_role[coverage_by_role["mentions"] > 0]
    if used.empty:
        return "No topic of the lexicon is mentioned"
    per_role = used.groupby("role")["topic"].nunique()
    voices = [r for r in ("official", "journalist", "headline", "quote") if r in per_role]
    counts = _and(f"{_ROLE_TEXT[r]} {per_role[r]}" for r in voices)
    finding = f"Topics mentioned: {counts}"
    if "official" in per_role:
        own = set(used.loc[used["role"].isin(JOURNALIST_ROLES), "topic"])
        only = used[(used["role"] == "official") & ~used["topic"].isin(own)]
        if not only.empty:
            parts = [
                f"{row.label} ({row.per_1000_words:.0f} per 1,000 words)"
                for row in only.itertuples()
            ]
            finding += f"; only the official text mentions {_and(parts)}"
    return finding


_ROLE_TEXT = {
    "headline": "headline",
    "journalist": "the journalist's prose",
    "official": "official text",
    "quote": "quotation blocks",
}


# --- prominence: the journalist's words against the official text ----------------------


def compare_voices(
    corpus: Corpus,
    mentions: pd.DataFrame,
    article_id: str,
    half_life: float = HALF_LIFE,
    lexicon: Lexicon | None = None,
) -> pd.DataFrame:
    """Topics of one news article's own words against the official text it reports.

    The *journalist* voice is the article's headline and journalist sentences,
    in reading order (quotation and official blocks are not the article's own
    words). The *official* voice is the official documents paired with the
    article (``corpus.pairs``: an embedded readout or one loaded from its own
    file), or, without a pair, the article's official sentences.

    Args:
        corpus: The loaded corpus.
        mentions: From :func:`find_mentions`.
        article_id: The news article.
        half_life: Words after which a mention's weight halves in the score
            (see the module docstring).
        lexicon: For topic labels and order; the default lexicon if ``None``.

    Returns:
        One row per topic mentioned by either voice (index ``topic``):
        ``label``; for each voice (``journalist_``, ``official_`` prefix)
        ``mentions``, ``first_word`` (words of that voice before the first
        mention), ``first_share`` (that as a share of the voice's words),
        ``rank`` (1 = mentioned first), ``score`` and ``words`` (the matched
        words, in order); ``in_headline``, ``in_lede`` (the lede is the first
        journalist block); and ``status``: ``both``, ``added`` (only the
        journalist's words) or ``dropped`` (only the official text). Sorted by
        official rank, then journalist rank.
    """
    lexicon = lexicon or _default_lexicon()
    corpus.article(article_id)  # raises KeyError naming known ids
    sentences = corpus.sentences
    own = sentences[
        (sentences["article_id"] == article_id) & sentences["role"].isin(JOURNALIST_ROLES)
    ]
    official_ids = corpus.pairs.loc[corpus.pairs["news_id"] == article_id, "official_id"].tolist()
    if official_ids:
        official = sentences[sentences["article_id"].isin(official_ids)].copy()
        official["_doc"] = official["article_id"].map({a: n for n, a in enumerate(official_ids)})
        official = official.sort_values(["_doc", "start"]).drop(columns="_doc")
    else:
        official = sentences[
            (sentences["article_id"] == article_id) & (sentences["role"] == "official")
        ]
    voices = {"journalist": own, "official": official}
    lede_block = own.loc[own["role"] == "journalist", "block_no"].min()

    columns = {}
    for voice, voice_sentences in voices.items():
        positioned = _positions(corpus, mentions, voice_sentences)
        total = sum(map(count_words, voice_sentences["text"]))  # 0 for no sentences
        grouped = positioned.groupby("topic", sort=False)
        stats = pd.DataFrame(
            {
                "mentions": grouped.size(),
                "first_word": grouped["word"].min(),
                "score": grouped["word"].agg(lambda w: float((0.5 ** (w / half_life)).sum())),
                "words": grouped["text"].agg(lambda t: "; ".join(dict.fromkeys(t))),
            }
        )
        stats["first_share"] = (stats["first_word"] / total).round(3) if total else np.nan
        stats["rank"] = stats["first_word"].rank(method="min").astype("int64")
        stats["score"] = stats["score"].round(2)
        columns[voice] = stats
        if voice == "journalist":
            in_headline = set(positioned.loc[positioned["role"] == "headline", "topic"])
            in_lede = set(positioned.loc[positioned["block_no"] == lede_block, "topic"])

    order = list(lexicon.labels)
    topics = [
        t for t in order if t in columns["journalist"].index or t in columns["official"].index
    ]
    table = pd.DataFrame(index=pd.Index(topics, name="topic"))
    table["label"] = [lexicon.labels[t] for t in topics]
    for voice in voices:
        stats = columns[voice].reindex(topics)
        for column in ("mentions", "first_word", "first_share", "rank", "score", "words"):
            values = stats[column]
            if column in ("mentions",):
                values = values.fillna(0).astype("int64")
            elif column == "score":
                values = values.fillna(0.0)
            elif column in ("first_word", "rank"):
                values = values.astype("Int64")
            elif column == "words":
                values = values.fillna("").astype("str")
            table[f"{voice}_{column}"] = values
    table["in_headline"] = [t in in_headline for t in topics]
    table["in_lede"] = [t in in_lede for t in topics]
    has_official = not official.empty
    table["status"] = [
        _status(j > 0, o > 0, has_official)
        for j, o in zip(table["journalist_mentions"], table["official_mentions"], strict=True)
    ]
    return table.sort_values(
        ["official_rank", "journalist_rank"], na_position="last", kind="stable"
    )


def _status(journalist: bool, official: bool, has_official: bool) -> str:
    if not has_official:
        return "no official text"
    if journalist and official:
        return "both"
    return "added" if journalist else "dropped"


def _positions(
    corpus: Corpus, mentions: pd.DataFrame, voice_sentences: pd.DataFrame
) -> pd.DataFrame:
    """Mentions in the given sentences, each with ``word``: words of the voice before it."""
    if voice_sentences.empty:
        return mentions.iloc[0:0].assign(word=pd.Series(dtype="float64"))
    words = voice_sentences["text"].map(count_words).to_numpy()
    before = pd.Series(
        np.concatenate([[0], np.cumsum(words)[:-1]]),
        index=pd.MultiIndex.from_frame(voice_sentences[["article_id", "sent_no"]]),
    )
    keys = pd.MultiIndex.from_frame(mentions[["article_id", "sent_no"]])
    inside = keys.isin(before.index)
    picked = mentions[inside]
    if picked.empty:
        return picked.assign(word=pd.Series(dtype="float64"))
    starts = dict(
        zip(
            zip(voice_sentences["article_id"], voice_sentences["sent_no"], strict=True),
            voice_sentences["start"],
            strict=True,
        )
    )
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    offset = [
        before[(a, s)] + count_words(texts[a][starts[(a, s)] : m])
        for a, s, m in zip(picked["article_id"], picked["sent_no"], picked["start"], strict=True)
    ]
    return picked.assign(word=np.asarray(offset, dtype="float64"))


def order_finding(table: pd.DataFrame) -> str:
    """The finding of :func:`compare_voices` in one sentence, with its numbers."""
    if table.empty:
        return (
            "Neither the article's own words nor the official text mention a topic of the lexicon"
        )
    headline = table[table["in_headline"]].sort_values("journalist_rank")
    journalist = table[table["journalist_mentions"] > 0].sort_values("journalist_rank")
    official = table[table["official_mentions"] > 0].sort_values("official_rank")
    if not headline.empty:
        lead = f"The headline leads with {_and(headline['label'])}"
    elif not journalist.empty:
        lead = f"The journalist's text opens with {journalist['label'].iloc[0]}"
    else:
        lead = "The journalist's own words mention no topic of the lexicon"
    if official.empty:
        return lead + "; there is no official text to compare"
    first = official.iloc[0]
    opens = (
        f"the official text opens with {first['label']} "
        f"({first['official_mentions']} mention{'' if first['official_mentions'] == 1 else 's'}: "
        f"{_quoted(first['official_words'])})"
    )
    if first["journalist_mentions"] == 0:
        opens += ", a topic the journalist's own words never mention"
    else:
        opens += f", which the journalist's words reach at rank {first['journalist_rank']}"
    return f"{lead}, while {opens}"


def gap_finding(table: pd.DataFrame) -> str:
    """What the article dropped from the official text and what it added, in one sentence."""
    if table.empty:
        return "Neither voice mentions a topic of the lexicon, so there is no gap to show"
    if (table["status"] == "no official text").all():
        return "No official text to compare the article's topics with"
    dropped = table.loc[table["status"] == "dropped", "label"]
    added = table.loc[table["status"] == "added", "label"]
    kept = int((table["status"] == "both").sum())
    parts = [
        f"The article kept {kept} of the official text's {kept + len(dropped)} topics",
        f"dropped {_and(dropped)}" if len(dropped) else "dropped none",
        f"and added {_and(added)}" if len(added) else "and added none",
    ]
    return ", ".join(parts)


def _quoted(words: str) -> str:
    return ", ".join(f"“{w}”" for w in words.split("; "))


# --- attention over a corpus ---------------------------------------------------------


def attention(
    corpus: Corpus,
    mentions: pd.DataFrame,
    by: str = "outlet",
    lexicon: Lexicon | None = None,
) -> pd.DataFrame:
    """Share of news articles in each outlet or month that mention each topic.

    Counted over news articles loaded from files; an article mentions a topic
    if any of its words do (headline, prose, quotations or embedded official
    text). Articles without an outlet are grouped as "(no outlet)"; articles
    without a date are left out of ``by="month"``.

    Args:
        corpus: The loaded corpus.
        mentions: From :func:`find_mentions`.
        by: ``"outlet"`` or ``"month"`` (of ``published``, as ``YYYY-MM``).
        lexicon: For topic labels and order; the default lexicon if ``None``.

    Returns:
        One row per group and topic: ``articles_with``, ``articles`` and ``share``.
    """
    lexicon = lexicon or _default_lexicon()
    if by not in ("outlet", "month"):
        raise ValueError(f'by must be "outlet" or "month", not {by!r}')
    news = _file_documents(corpus, ("news",))
    if by == "outlet":
        group = news["outlet"].replace("", _NO_OUTLET)
    else:
        group = pd.to_datetime(news["published"], utc=True, errors="coerce").dt.strftime("%Y-%m")
    groups = pd.Series(group.to_numpy(), index=news["article_id"].to_numpy()).dropna()
    sizes = groups.value_counts()
    hits = mentions.loc[mentions["article_id"].isin(groups.index), ["article_id", "topic"]]
    hits = hits.drop_duplicates().assign(group=lambda f: f["article_id"].map(groups))
    counts = hits.groupby(["group", "topic"]).size()
    index = pd.MultiIndex.from_product(
        [sorted(sizes.index), list(lexicon.labels)], names=[by, "topic"]
    )
    table = counts.reindex(index, fill_value=0).rename("articles_with").reset_index()
    table.insert(2, "label", table["topic"].map(lexicon.labels))
    table["articles"] = table[by].map(sizes).astype("int64")
    table["share"] = (table["articles_with"] / table["articles"]).round(3)
    table.attrs["news_articles"] = len(news)
    return table


def attention_matrix(table: pd.DataFrame) -> pd.DataFrame:
    """An :func:`attention` table as groups × topic labels of ``share``, unmentioned topics left out."""
    by = table.columns[0]
    matrix = table.pivot(index=by, columns="label", values="share")
    used = table.groupby("label", sort=False)["articles_with"].sum()
    matrix = matrix.reindex(columns=[label for label in used.index if used[label] > 0])
    matrix.columns.name = "topic"
    return matrix


def attention_finding(table: pd.DataFrame) -> str:
    """The finding of an :func:`attention` table, or why it cannot show one."""
    by = table.columns[0]
    groups = table[by].nunique()
    news = table.attrs.get("news_articles", 0)
    noun = {"outlet": "outlets", "month": "months"}[by]
    if groups < 2:
        if by == "month":
            have = f"{groups} month" if groups else "none of them dated"
        else:
            named = groups and table[by].iloc[0] != _NO_OUTLET
            have = f"{groups} outlet" if named else "no outlet named"
        return (
            f"Attention by {by} needs news articles from two or more {noun}; this corpus has "
            f"{news} news article{'s' if news != 1 else ''}, {have}. On a larger corpus this "
            f"chart shows, for each {by}, the share of its articles that mention each topic"
        )
    spread = table.groupby("label", sort=False)["share"].agg(lambda s: s.max() - s.min())
    if not (table["share"] > 0).any():
        return f"None of the {news} news articles mentions a topic of the lexicon"
    if spread.max() == 0:
        return f"Attention does not vary by {by}: each topic is in the same share of every {by}'s articles"
    label = spread.idxmax()
    rows = table[table["label"] == label].sort_values("share", kind="stable")
    low, high = rows.iloc[0], rows.iloc[-1]
    return (
        f"Attention to {label} varies most by {by}: {high['share']:.0%} of articles in "
        f"{high[by]} against {low['share']:.0%} in {low[by]}"
    )


# --- data-driven topics --------------------------------------------------------------

MIN_NMF_ARTICLES = 40


@dataclass
class NmfTopics:
    """Data-driven topics from :func:`nmf_topics`.

    Attributes:
        applies: False when the corpus is too small; ``reason`` says why.
        reason: Why NMF was not run, or how it was run.
        terms: One row per NMF topic: ``top_terms``, ``stability`` (mean cosine
            similarity of the topic's term weights to its best match under the
            other seeds, 1 = identical), ``term_overlap`` (mean share of top
            terms shared with the match) and ``articles`` (documents for which
            it is the strongest topic).
        weights: Document × topic weights of the reference seed.
        seeds: The random seeds compared; the first is the reference.
    """

    applies: bool
    reason: str
    terms: pd.DataFrame
    weights: pd.DataFrame
    seeds: tuple[int, ...] = ()

    def __repr__(self) -> str:
        if not self.applies:
            return f"NMF topics not computed. {self.reason}"
        return f"{self.reason}\n{self.terms.to_string()}"

    def _repr_html_(self) -> str:
        import html

        if not self.applies:
            return f"<p><b>NMF topics not computed.</b> {html.escape(self.reason)}</p>"
        return f"<p>{html.escape(self.reason)}</p>" + self.terms.to_html()


def nmf_topics(
    corpus: Corpus,
    n_topics: int = 8,
    seeds: tuple[int, ...] = (0, 1, 2, 3, 4),
    min_articles: int = MIN_NMF_ARTICLES,
    top_terms: int = 8,
) -> NmfTopics:
    """Topics found in the data: NMF over TF-IDF, with their stability across seeds.

    NMF factorises the document × term TF-IDF matrix into ``n_topics`` topics
    (weighted term lists). It is seeded, so it is reproducible, but a different
    seed can give different topics; each topic's ``stability`` says how well it
    is found again under the other seeds. With fewer than ``min_articles``
    documents the factorisation fits noise, so it is not run and ``reason``
    says so.

    Args:
        corpus: The loaded corpus (documents loaded from files are used).
        n_topics: Topics to find.
        seeds: Random seeds; the first gives the topics reported.
        min_articles: Fewest documents to run on.
        top_terms: Terms listed per topic.

    Returns:
        The topics, or ``applies=False`` with the reason.
    """
    docs = _file_documents(corpus)
    empty = NmfTopics(False, "", pd.DataFrame(columns=["top_terms", "stability"]), pd.DataFrame())
    if len(docs) < min_articles:
        empty.reason = (
            f"The corpus has {len(docs)} document{'s' if len(docs) != 1 else ''} loaded from "
            f"files; NMF needs at least {min_articles}, because with fewer it "
            "splits one article's own vocabulary into 'topics' that are noise. The lexicon "
            "topics above apply to any corpus."
        )
        return empty
    from scipy.optimize import linear_sum_assignment
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(
        stop_words="english",
        min_df=2,
        max_df=0.8,
        sublinear_tf=True,
        token_pattern=r"(?u)\b[^\W\d_][^\W\d_]+\b",
    )
    matrix = vectorizer.fit_transform(docs["text"].tolist())
    vocabulary = vectorizer.get_feature_names_out()
    n_topics = min(n_topics, matrix.shape[1], len(docs) - 1)
    fits = []
    for seed in seeds:
        model = NMF(n_components=n_topics, init="random", random_state=seed, max_iter=600)
        doc_weights = model.fit_transform(matrix)
        fits.append((doc_weights, model.components_))
    reference = fits[0][1]
    unit = reference / np.maximum(np.linalg.norm(reference, axis=1, keepdims=True), 1e-12)
    tops = [set(np.argsort(-row)[:top_terms]) for row in reference]
    similarity = np.zeros((len(seeds) - 1, n_topics))
    overlap = np.zeros((len(seeds) - 1, n_topics))
    for n, (_, other) in enumerate(fits[1:]):
        other_unit = other / np.maximum(np.linalg.norm(other, axis=1, keepdims=True), 1e-12)
        cosine = unit @ other_unit.T
        rows, cols = linear_sum_assignment(-cosine)
        similarity[n, rows] = cosine[rows, cols]
        for r, c in zip(rows, cols, strict=True):
            overlap[n, r] = len(tops[r] & set(np.argsort(-other[c])[:top_terms])) / top_terms
    weights = pd.DataFrame(
        fits[0][0],
        index=pd.Index(docs["article_id"], name="article_id"),
        columns=[f"nmf_{k + 1}" for k in range(n_topics)],
    )
    dominant = weights.idxmax(axis=1).value_counts()
    terms = pd.DataFrame(
        {
            "top_terms": [
                ", ".join(vocabulary[i] for i in np.argsort(-row)[:top_terms]) for row in reference
            ],
            "stability": similarity.mean(axis=0).round(2) if len(seeds) > 1 else np.nan,
            "term_overlap": overlap.mean(axis=0).round(2) if len(seeds) > 1 else np.nan,
        },
        index=pd.Index(weights.columns, name="nmf_topic"),
    )
    terms["articles"] = dominant.reindex(terms.index, fill_value=0).astype("int64")
    reason = (
        f"NMF over TF-IDF of {len(docs)} documents ({matrix.shape[1]} terms), {n_topics} topics, "
        f"seed {seeds[0]}; stability compares with seeds {', '.join(map(str, seeds[1:]))}."
    )
    return NmfTopics(True, reason, terms, weights, tuple(seeds))


def nmf_finding(nmf: NmfTopics, stable: float = 0.9) -> str:
    """How many NMF topics are stable across seeds, or why NMF does not apply."""
    if not nmf.applies:
        return "NMF topics do not apply to this corpus: " + nmf.reason.split(";")[0]
    count = int((nmf.terms["stability"] >= stable).sum())
    return (
        f"{count} of {len(nmf.terms)} NMF topics are stable across {len(nmf.seeds)} seeds "
        f"(cosine similarity ≥ {stable})"
    )


# --- benchmark -----------------------------------------------------------------------
