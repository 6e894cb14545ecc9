"""Quote fidelity: each quotation of a paired news article checked against its official texts."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from itertools import chain

import pandas as pd

from analysis.corpus import Corpus
from analysis.framing.rules import FidelityRules
from analysis.text import normalise

__all__ = ["quote_fidelity"]

_ELLIPSIS = re.compile(r"\s*(?:…|\.\s?\.\s?\.|\[\s*…?\s*\])\s*")
_QUOTE_MARKS = re.compile(r"[“”\"«»]")
_PLAIN_WORD = re.compile(r"[\w'.-]+|…")


def _plain(text: str) -> str:
    folded = _QUOTE_MARKS.sub("", normalise(text))
    return " ".join(_PLAIN_WORD.findall(folded)).strip(" .,;:")


def quote_fidelity(
    corpus: Corpus,
    *,
    rules: FidelityRules = FidelityRules(),  # noqa: B008 - frozen, so one shared default is safe
) -> pd.DataFrame:
    """Check every quotation of a paired news article against its official texts.

    Args:
        corpus: The loaded corpus.
        rules: When a changed quotation is still of an official sentence
            (:class:`~analysis.framing.rules.FidelityRules`).

    Returns:
        One row per quotation: ``fidelity`` is ``exact`` (a whole official
        sentence or more, word for word), ``trimmed`` (a word-for-word fragment,
        or fragments joined by an ellipsis, in order), ``altered`` (close to an
        official passage but changed; ``diff`` shows how), or ``not in official
        text``; with the official document and sentence it matched.
    """
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    officials: dict[str, list[str]] = {}
    pairs = corpus.pairs
    for news_id, official_id in zip(
        pairs["news_id"].tolist(), pairs["official_id"].tolist(), strict=True
    ):
        officials.setdefault(news_id, []).append(official_id)
    wanted = {o for ids in officials.values() for o in ids}
    sentences = corpus.sentences[corpus.sentences["article_id"].isin(wanted)]
    # Each official document prepared once, in plain Python: quotations are many.
    grouped: dict[str, list[tuple[int, str]]] = {doc: [] for doc in wanted}
    for doc, sent_no, text in zip(
        sentences["article_id"].tolist(),
        sentences["sent_no"].tolist(),
        sentences["text"].tolist(),
        strict=True,
    ):
        grouped[doc].append((sent_no, text))
    documents = {doc: _OfficialText.of(texts[doc], rows) for doc, rows in grouped.items()}
    quotes = corpus.quotes[corpus.quotes["article_id"].isin(officials)]
    columns = [
        "news_id", "quote_no", "start", "end", "speaker", "text", "fidelity", "official_id",
        "official_sent_no", "official_text", "diff",
    ]  # fmt: skip
    records = []
    fields = ["article_id", "quote_no", "start", "end", "speaker", "text"]
    for row in zip(*(quotes[field].tolist() for field in fields), strict=True):
        result = ("not in official text", "", -1, "", "")
        for official_id in officials[row[0]]:
            found = _match_quote(row[5], documents[official_id], rules.altered_share)
            if found and (
                result[0] == "not in official text" or _rank(found[0]) < _rank(result[0])
            ):
                result = (found[0], official_id, found[1], found[2], found[3])
        records.append((*row, *result))
    return pd.DataFrame(records, columns=columns)


def _rank(fidelity: str) -> int:
    return ("exact", "trimmed", "altered", "not in official text").index(fidelity)


@dataclass
class _OfficialText:
    """An official document as quotations are matched against it.

    Its plain text, its sentences, and for each word the sentences holding it.
    """

    plain: str
    sentences: list[tuple[str, int, str]]  # (plain text, sent_no, text)
    holding: dict[str, list[int]]

    @classmethod
    def of(cls, text: str, sentences: list[tuple[int, str]]) -> _OfficialText:
        plain = [(_plain(t), n, t) for n, t in sentences]
        holding: dict[str, list[int]] = {}
        for i, (p, _, _) in enumerate(plain):
            for word in set(p.split()):
                holding.setdefault(word, []).append(i)
        return cls(_plain(text), plain, holding)


def _match_quote(quote: str, official: _OfficialText, altered_share: float):
    """``(fidelity, sent_no, sentence text, diff)`` or ``None``.

    An altered quotation has ``altered_share`` of its words, in order, in one
    official sentence (:attr:`FidelityRules.altered_share`).
    """
    fragments = [plain for plain in map(_plain, _ELLIPSIS.split(quote)) if plain]
    if not fragments:
        return None
    plain_quote = " ".join(fragments)
    sentence_plain = official.sentences
    if len(fragments) == 1 and plain_quote in official.plain:
        holder = next((s for s in sentence_plain if plain_quote in s[0]), None)
        if holder is None or holder[0] == plain_quote:
            # A whole sentence, or a passage running over sentences: word for word.
            return ("exact", holder[1] if holder else -1, holder[2] if holder else "", "")
        return ("trimmed", holder[1], holder[2], "")
    if len(fragments) > 1:
        cursor = 0
        for fragment in fragments:
            at = official.plain.find(fragment, cursor)
            if at < 0:
                break
            cursor = at + len(fragment)
        else:
            holder = next(((n, t) for p, n, t in sentence_plain if fragments[0] in p), (-1, ""))
            return ("trimmed", holder[0], holder[1], "")
    words = plain_quote.split()
    # An altered quotation keeps at least altered_share of its words: sentences that
    # share fewer distinct words cannot qualify, and need no alignment.
    needed = altered_share * len(set(words))
    holding = official.holding
    shared = Counter(chain.from_iterable([holding.get(word, ()) for word in set(words)]))
    close = [sentence_plain[i] for i in sorted(i for i, k in shared.items() if k >= needed)]
    best = max(
        (
            (difflib.SequenceMatcher(None, words, p.split(), autojunk=False), n, t, p)
            for p, n, t in close
        ),
        key=lambda item: _containment_ratio(item[0], len(words)),
        default=None,
    )
    if best and _containment_ratio(best[0], len(words)) >= altered_share:
        return ("altered", best[1], best[2], _word_diff_text(plain_quote, best[3]))
    return None


def _containment_ratio(matcher: difflib.SequenceMatcher, quote_words: int) -> float:
    """Share of the quotation's words matched, in order, in the official sentence."""
    return sum(block.size for block in matcher.get_matching_blocks()) / max(1, quote_words)


def _word_diff_text(mine: str, theirs: str) -> str:
    """A compact word diff: ``[-official-]`` dropped, ``{+quotation+}`` added."""
    a, b = theirs.split(), mine.split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if i2 > i1:
            out.append("[-" + " ".join(a[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(out)
