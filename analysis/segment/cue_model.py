"""A trained scorer of reporting cues: is this word, here, the verb of an attribution?

Most attributions in news are reported speech, and their cues are a long tail:
"said" and "according to", but also "asked", "polls show", "seemed to
suggest", "declined to", "endorsed", "believes", "wants". A list of reporting
verbs misses most of them, and a broad one fires on every "called" and
"show". So the cue words are learnt, with their context, from labelled news.

The model is a logistic regression over a few features of each candidate
word (the word, its neighbours, what stands before and after it in its
sentence), trained on PolNeAR's hand labels (Newell, Margolin & Ruths, LREC
2018) by :func:`train_cue_model` (``python -m analysis train-attribution
FOLDER``). Its weights ship in ``analysis/data/cue_model.json``; nothing is
downloaded. A candidate is a word whose form opened a labelled cue at least
``min_cue_count`` times in training: other words are never cues.

The sentences it reads are the attribution rules' (quoted words blanked), so
a quotation counts as one token, ``<q>``, and the model sees what the rules see.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path

__all__ = [
    "MODEL_PATH",
    "CueModel",
    "cue_model",
    "bare_form",
    "features",
    "literal_words",
    "tokens",
    "word_trie",
]

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "cue_model.json"

_TOKEN = re.compile(r"\S+")
_STRIP = "“”\"'’‘()[],.;:!?—–-"
_PRONOUNS = frozenset("he she they we i you it".split())


def _bucket(n: int) -> str:
    """A count as a coarse bucket: 0, 1, 2, 3-5, 6-10, 11+."""
    if n <= 2:
        return str(n)
    return "3-5" if n <= 5 else "6-10" if n <= 10 else "11+"


@lru_cache(maxsize=1 << 16)
def bare_form(token: str) -> str:
    """A token less its punctuation, in lower case; a blanked quotation is ``<q>``.

    Cached: every candidate reads five tokens, and most are the same few words.
    """
    bare = token.strip(_STRIP).lower()
    if bare and len(bare) > 2 and not bare.strip("x"):
        return "<q>"  # a blanked quotation (see the module's docstring)
    return bare or token[:1]


def tokens(sentence: str) -> list[tuple[int, int, str]]:
    """``(start, end, bare form)`` of each whitespace-separated word of a sentence."""
    return [(m.start(), m.end(), bare_form(m.group())) for m in _TOKEN.finditer(sentence)]


# How far either side of a candidate its features read: its two neighbours each side,
# and how many words stand there (up to "11 or more"), without reading a long sentence whole.
_REACH = 80


def _context(sentence: str, lo: int, hi: int) -> tuple:
    """What the features of the word at ``sentence[lo:hi]`` are made of (see :func:`features`)."""
    before = sentence[max(0, lo - _REACH) : lo].split()
    after = sentence[hi : hi + _REACH].split()
    raw = sentence[lo:hi]
    p1 = bare_form(before[-1]) if before else "<s>"
    p2 = bare_form(before[-2]) if len(before) > 1 else "<s>"
    flags = []
    if before:
        previous = before[-1]
        if previous[:1].isupper():
            flags.append("p1cap" if len(before) > 1 else "p1cap-first")
        if previous[-1:] in ",;:":
            flags.append("comma-before")
        if p1 in _PRONOUNS or p2 in _PRONOUNS:
            flags.append("pronoun-before")
    if raw[-1:] in ",:":
        flags.append(f"punct-after={raw[-1]}")
    if raw[:1].isupper():
        flags.append("capitalised")
    return (
        bare_form(raw),
        p1,
        p2,
        bare_form(after[0]) if after else "</s>",
        bare_form(after[1]) if len(after) > 1 else "</s>",
        _bucket(len(before)),
        _bucket(len(after)),
        flags,
    )


def features(sentence: str, lo: int, hi: int) -> list[str]:
    """The features of the word at ``sentence[lo:hi]`` as a cue: itself, its neighbours, its place.

    The word, the two words either side, the number of words before and after it
    (within ``_REACH`` characters, so a long run-on sentence costs its length, not
    its square), the word with its first neighbours and with what follows it, and
    a few flags: a capitalised or pronoun subject before it, a comma either side.

    Args:
        sentence: The sentence, quoted words blanked.
        lo: Where the word starts (a whitespace-separated token).
        hi: Where it ends.
    """
    w, p1, p2, n1, n2, pos, rest, flags = _context(sentence, lo, hi)
    return [
        f"w={w}",
        f"p1={p1}",
        f"p2={p2}",
        f"n1={n1}",
        f"n2={n2}",
        f"w,p1={w},{p1}",
        f"w,n1={w},{n1}",
        f"pos={pos}",
        f"rest={rest}",
        f"w,rest={w},{rest}",
        *flags,
    ]


_SINGLE = ("w", "p1", "p2", "n1", "n2", "pos", "rest")
_PAIRED = ("w,p1", "w,n1", "w,rest")


def _tables(weights: dict[str, float], vocabulary: frozenset[str]) -> tuple[dict, dict, dict]:
    """The weights by template, so scoring looks words up instead of building feature names.

    Returns ``(single, paired, flags)``: ``single[template][value]``,
    ``paired[template][(word, value)]`` and ``flags[name]``.
    """
    single: dict = {t: {} for t in _SINGLE}
    paired: dict = {t: {} for t in _PAIRED}
    flags: dict = {}
    for name, weight in weights.items():
        template, eq, value = name.partition("=")
        if template in single and eq:
            single[template][value] = weight
        elif template in paired and eq:
            # The word is a vocabulary form; the value after it may hold a comma itself.
            cut = next(i for i in range(len(value)) if value[i] == "," and value[:i] in vocabulary)
            paired[template][(value[:cut], value[cut + 1 :])] = weight
        else:
            flags[name] = weight
    return single, paired, flags


@dataclass(frozen=True)
class CueModel:
    """A trained cue scorer: its candidate words, feature weights and threshold.

    Attributes:
        vocabulary: The words that may be cues (lower case).
        weights: The weight of each feature (those absent weigh nothing).
        bias: The intercept.
        threshold: The probability from which a candidate is a cue.
        meta: How it was trained and measured (read by people, not by the code).
        family: The candidates that headed a labelled cue once only, taken in
            because their family did more often ("supporter" beside "support").
        family_threshold: The probability from which one of those is a cue: seen
            once, the model knows little of them, and a literal sense ("painted the
            boats blue") scores near the common threshold.
    """

    vocabulary: frozenset[str]
    weights: dict[str, float]
    bias: float
    threshold: float
    meta: dict = field(default_factory=dict, compare=False)
    family: frozenset[str] = frozenset()
    family_threshold: float = 1.0

    @classmethod
    def read(cls, path: Path = MODEL_PATH) -> CueModel:
        """The model saved at ``path`` (by default the one the package ships)."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(
            frozenset(data["vocabulary"]),
            data["weights"],
            data["bias"],
            data["threshold"],
            data.get("meta", {}),
            frozenset(data.get("family", ())),
            data.get("family_threshold", 1.0),
        )

    def to_json(self) -> str:
        """The model as the JSON :meth:`read` reads: sorted, so a retrained one diffs cleanly."""
        data = {
            "meta": self.meta,
            "threshold": self.threshold,
            "family_threshold": self.family_threshold,
            "bias": self.bias,
            "vocabulary": sorted(self.vocabulary),
            "family": sorted(self.family),
            "weights": dict(sorted(self.weights.items())),
        }
        return json.dumps(data, indent=0, ensure_ascii=False, sort_keys=False) + "\n"

    def probability(self, sentence: str, lo: int, hi: int) -> float:
        """The probability that the word at ``sentence[lo:hi]`` is a cue.

        The sum of the weights of its :func:`features`, looked up by template
        (``tests/segment/test_cue_model.py`` checks it equals that sum).
        """
        single, paired, flag_weights = self._tables
        w, p1, p2, n1, n2, pos, rest, flags = _context(sentence, lo, hi)
        z = (
            self.bias
            + single["w"].get(w, 0.0)
            + single["p1"].get(p1, 0.0)
            + single["p2"].get(p2, 0.0)
            + single["n1"].get(n1, 0.0)
            + single["n2"].get(n2, 0.0)
            + single["pos"].get(pos, 0.0)
            + single["rest"].get(rest, 0.0)
            + paired["w,p1"].get((w, p1), 0.0)
            + paired["w,n1"].get((w, n1), 0.0)
            + paired["w,rest"].get((w, rest), 0.0)
        )
        for flag in flags:
            z += flag_weights.get(flag, 0.0)
        return 1.0 / (1.0 + math.exp(-z))

    @cached_property
    def _tables(self) -> tuple[dict, dict, dict]:
        return _tables(self.weights, self.vocabulary)

    def candidates(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of each word of ``text`` whose form may be a cue, in order.

        A word is a whitespace-separated token; its form is the token less its
        punctuation, in lower case (:func:`tokens`). One scan of the whole text
        finds the few tokens worth reading.
        """
        return self.scan(text)[0]

    def scan(
        self, text: str, marks: frozenset[str] = frozenset()
    ) -> tuple[list[tuple[int, int]], list[int]]:
        r""":meth:`candidates`, and where each of ``marks`` stands in ``text``, in one scan.

        Args:
            text: The text.
            marks: Words looked for as written, whole (``re``'s ``\b``): the
                rules' cue words. None may stand inside a word of the vocabulary
                ("said" in "well-said"), where the scan, on that longer word, would
                pass it over (``tests/segment/test_cue_model.py`` checks).

        Returns:
            ``(candidates, starts)``: the candidates' ``(start, end)`` and the start
            of each mark, both in order.
        """
        lowered = text.lower()
        if len(lowered) != len(text):  # a letter whose lower case is longer ("İ")
            lowered, pattern = text, _scan_pattern(self.vocabulary, marks, re.IGNORECASE)
        else:
            pattern = _scan_pattern(self.vocabulary, marks)
        found, starts, token_end = [], [], -1
        for match in pattern.finditer(lowered):
            at = match.start()
            if marks and text[at : match.end()] in marks:
                starts.append(at)
            if at < token_end:
                continue  # another match in the token just read
            lo = _token_start(text, at)
            token_end = _token_end(text, match.end())
            if bare_form(text[lo:token_end]) in self.vocabulary:
                found.append((lo, token_end))
        return found, starts

    def cues(
        self, sentence: str, start: int = 0, candidates: list[tuple[int, int]] | None = None
    ) -> list[tuple[float, int, int]]:
        """``(probability, start, end)`` of each word from ``start`` the model takes for a cue.

        Args:
            sentence: The sentence, quoted words blanked.
            start: Where its own words start.
            candidates: Its :meth:`candidates`, if already found (offsets in the sentence).
        """
        found = []
        if candidates is None:
            candidates = self.candidates(sentence)
        for lo, hi in candidates:
            form = bare_form(sentence[lo:hi])
            if lo < start or form not in self.vocabulary:
                continue
            p = self.probability(sentence, lo, hi)
            if p >= (self.family_threshold if form in self.family else self.threshold):
                found.append((p, lo, hi))
        return found


_SPACE = re.compile(r"\s")


def _token_start(sentence: str, at: int) -> int:
    """Where the token holding ``at`` starts (after the last whitespace before it).

    Walks back over the token only: the tokens walked never overlap, so a scan's
    walks cost the sentence's length at most.
    """
    lo = at
    while lo > 0 and not sentence[lo - 1].isspace():
        lo -= 1
    return lo


def _token_end(sentence: str, at: int) -> int:
    found = _SPACE.search(sentence, at)
    return found.start() if found else len(sentence)


@cache
def _scan_pattern(vocabulary: frozenset[str], marks: frozenset[str], flags: int = 0) -> re.Pattern:
    """The pattern of :meth:`CueModel.scan`: the vocabulary's forms and the marks in lower case."""
    return _vocabulary_pattern(vocabulary | {mark.lower() for mark in marks}, flags)


@cache
def _vocabulary_pattern(vocabulary: frozenset[str], flags: int = 0) -> re.Pattern:
    """One pattern for every form, as a tree of shared prefixes, on word boundaries.

    The forms are in lower case, and so is the text it scans (``flags`` may ask
    for any case instead, which is slower).
    """
    return re.compile(rf"\b{word_trie(sorted(vocabulary))}\b", flags)


@cache
def cue_model() -> CueModel:
    """The cue model the package ships (read once)."""
    return CueModel.read()


def word_trie(words: list[str], space: str = r"\ ") -> str:
    r"""A regular expression matching exactly ``words``, as a tree of shared prefixes.

    ``said|says|say`` becomes ``sa(?:id|ys|y)``: each position tries one branch
    per letter instead of every word, which made the scan for cues five times faster.
    A space inside a word stands for ``space`` (``r"\s+"`` for any run of whitespace).
    """
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [
            (space if ch == " " else re.escape(ch)) + pattern(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if "" in node:
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return pattern(tree)


def literal_words(alternation: str) -> list[str]:
    r"""The words an alternation of plain words matches, for :func:`word_trie`.

    Each alternative is letters and spaces, with at most a last optional letter
    ("argues?") and one class of two letters ("emphasi[sz]ed"); ``\s+`` between
    words becomes a space (see ``word_trie``'s ``space``).
    """
    words = []
    for alternative in alternation.replace(r"\s+", " ").split("|"):
        forms = [alternative]
        if alternative.endswith("?"):
            forms = [alternative[:-2], alternative[:-1]]
        for form in forms:
            klass = re.search(r"\[(\w)(\w)\]", form)
            if klass:
                words += [form.replace(klass.group(), c) for c in klass.groups()]
            else:
                words.append(form)
    if any(not re.fullmatch(r"[\w’' -]+", w) for w in words):
        raise ValueError(f"not an alternation of plain words: {alternation!r}")
    return words
