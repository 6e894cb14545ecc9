"""Agreement with attribution labels (brat standoff): quotations, speakers, reported speech.

The measures, as PolNeAR's labels allow them (:mod:`analysis.validate.brat`):

* **Quotations.** A gold quotation is the text between a pair of double
  quotation marks, within one paragraph (an unclosed mark runs to the
  paragraph's end), that overlaps a labelled Content; quoted text that
  overlaps no Content (a title, a slogan, a scare-quoted term) is not a
  quotation. A found quotation matches a gold one when they overlap by at
  least half the shorter. Precision, recall and F1.
* **Speakers**, on matched quotations whose Content has a labelled Source: right
  when the workbook's ``speaker_as_written`` shares a word with the gold Source
  (titles and function words aside), or is the same pronoun.
* **Reported speech.** A found attribution matches a gold Content when it covers
  at least half of it. Content precision (of the indirect and mixed attributions
  found: reported speech, not a quotation standing alone) and recall (of the gold
  Contents with no quotation mark), and source accuracy by the rule for
  speakers, on matched ones with a labelled Source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from analysis.corpus import Corpus
from analysis.segment import TITLE_WORDS
from analysis.validate.brat import ATTRIBUTION_LABEL_COLUMNS, brat_files, read_brat

__all__ = ["AttributionAgreement", "attribution_agreement", "gold_attributions", "source_matches"]

_DOUBLE_OPEN = "“«„"
_DOUBLE_CLOSE = "”»"
# Double marks, typed ones too: '' for a straight mark, `` opening one.
_MARKS = re.compile(r"''|``|[“”«»„\"]")
_FUNCTION_WORDS = frozenset(
    """the a an of and or to in on at for by with from as mr mrs ms dr 's""".split()
)
_PRONOUNS = frozenset("he she it they we i you him her them us his its their our".split())
_TOKEN = re.compile(r"[\w’'-]+")


@dataclass
class AttributionAgreement:
    """The attribution measures and every row behind them.

    Attributes:
        quotes: One row per gold or found quotation: ``status`` (``found``,
            ``missed``, ``extra``), its text, the gold Source and the workbook's
            speaker, and ``speaker_right`` (True, False, or None when not scored).
        reported: One row per gold reported-speech Content (``status`` ``found`` or
            ``missed``, with the attribution that covers it and ``source_right``) and
            one per attribution found (``right`` when it covers half of a gold
            Content, else ``extra``).
        articles: How many articles had labels.
    """

    quotes: pd.DataFrame
    reported: pd.DataFrame
    articles: int

    def figures(self) -> dict[str, float | int]:
        """Precision, recall, F1 and accuracies, with their counts."""
        q, r = self.quotes, self.reported
        found, missed, extra = (int((q["status"] == s).sum()) for s in ("found", "missed", "extra"))
        scored = q["speaker_right"].dropna()
        rfound = int((r["status"] == "found").sum())
        rmissed = int((r["status"] == "missed").sum())
        # Reported speech found: attributions whose content is not a quotation's words.
        claims = r[r["status"].isin(["right", "extra"]) & r["is_quotation"].ne(True)]
        rmatched, rfound_all = int((claims["status"] == "right").sum()), len(claims)
        sources = r.loc[r["status"] == "found", "source_right"].dropna()
        precision = found / (found + extra) if found + extra else float("nan")
        recall = found / (found + missed) if found + missed else float("nan")
        return {
            "articles": self.articles,
            "quote_precision": precision,
            "quote_recall": recall,
            "quote_f1": 2 * precision * recall / (precision + recall)
            if precision + recall
            else float("nan"),
            "quotes_gold": found + missed,
            "quotes_found": found + extra,
            "speaker_accuracy": float(scored.mean()) if len(scored) else float("nan"),
            "speakers_scored": int(len(scored)),
            "reported_precision": rmatched / rfound_all if rfound_all else float("nan"),
            "reported_recall": rfound / (rfound + rmissed) if rfound + rmissed else float("nan"),
            "reported_gold": rfound + rmissed,
            "attributions_found": rfound_all,
            "source_accuracy": float(sources.mean()) if len(sources) else float("nan"),
            "sources_scored": int(len(sources)),
        }

    def disagreement_lines(self, width: int = 160) -> list[str]:
        """One line per disagreement, each cut to ``width`` characters.

        Missed and extra quotations, wrong speakers and sources, missed reported
        speech, and attributions that match no label.
        """

        def cut(text: str) -> str:
            text = " ".join(str(text).split())
            return text if len(text) <= 70 else text[:69] + "…"

        lines = []
        for row in self.quotes.itertuples(index=False):
            if row.status != "found":
                lines.append(f"quotation {row.status}: {row.article_id} {cut(row.text)!r}")
            elif row.speaker_right is False:
                lines.append(
                    f"speaker wrong: {row.article_id} {cut(row.text)!r}: "
                    f"{row.speaker_as_written!r}, labelled {cut(row.gold_source)!r}"
                )
        for row in self.reported.itertuples(index=False):
            if row.status == "missed":
                lines.append(f"reported speech missed: {row.article_id} {cut(row.gold_text)!r}")
            elif row.status == "extra" and not row.is_quotation:
                lines.append(f"attribution extra: {row.article_id} {cut(row.found_text)!r}")
            elif row.status == "found" and row.source_right is False:
                lines.append(
                    f"source wrong: {row.article_id} {cut(row.gold_text)!r}: "
                    f"{row.source_as_written!r}, labelled {cut(row.gold_source)!r}"
                )
        return [line[:width] for line in lines]

    def summary_lines(self) -> list[str]:
        """The figures in three lines, last in the command's output."""
        f = self.figures()

        def x(value: float) -> str:
            return "n/a" if value != value else f"{value:.2f}"

        return [
            f"attributions (brat labels, {f['articles']} articles): quotations precision "
            f"{x(f['quote_precision'])}, recall {x(f['quote_recall'])}, F1 {x(f['quote_f1'])} "
            f"({f['quotes_gold']:,} labelled, {f['quotes_found']:,} found)",
            f"speakers: accuracy {x(f['speaker_accuracy'])} on {f['speakers_scored']:,} found "
            "quotations with a labelled source",
            f"reported speech: precision {x(f['reported_precision'])}, recall "
            f"{x(f['reported_recall'])} ({f['reported_gold']:,} labelled contents without "
            f"quotation marks, {f['attributions_found']:,} found); source accuracy "
            f"{x(f['source_accuracy'])} on {f['sources_scored']:,}",
        ]


def gold_attributions(corpus: Corpus, folder) -> pd.DataFrame:
    """Every labelled attribution of the corpus's articles that have a label file."""
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    files = brat_files(folder, list(texts))
    frames = [read_brat(path, article_id, texts[article_id]) for article_id, path in files.items()]
    if not frames:
        return pd.DataFrame(columns=list(ATTRIBUTION_LABEL_COLUMNS))
    return pd.concat(frames, ignore_index=True)


def source_matches(found: str, gold: str) -> bool:
    """Whether a found source names the gold one.

    They share a word (titles and function words aside), or are the same pronoun.

    >>> source_matches("Jen Psaki", "White House Press Secretary Jen Psaki")
    True
    >>> source_matches("he", "He")
    True
    >>> source_matches("the minister", "the ministry")
    False
    """
    mine, theirs = _words(found), _words(gold)
    if mine and mine == theirs:
        return True  # the same words: "the council" and "The council", "he" and "He"
    named = {w for w in mine & theirs if w not in TITLE_WORDS and w not in _PRONOUNS}
    return bool(named)


def _words(text: str) -> set[str]:
    words = {w.lower().removesuffix("’s").removesuffix("'s") for w in _TOKEN.findall(text)}
    return {w for w in words if w and w not in _FUNCTION_WORDS}


def attribution_agreement(corpus: Corpus, folder) -> AttributionAgreement:
    """Measure the corpus's quotations, speakers and attributions against brat labels.

    Only the articles with a label file are measured.
    """
    gold = gold_attributions(corpus, folder)
    labelled = set(gold["article_id"]) | set(
        brat_files(folder, list(corpus.articles["article_id"]))
    )
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    blocks = corpus.blocks[corpus.blocks["article_id"].isin(labelled)]
    quotes = corpus.quotes[corpus.quotes["article_id"].isin(labelled)]
    found = corpus.attributions[corpus.attributions["article_id"].isin(labelled)]
    quote_rows, reported_rows = [], []
    for article_id in sorted(labelled):
        text = texts[article_id]
        mine = gold[gold["article_id"] == article_id]
        spans = blocks.loc[blocks["article_id"] == article_id, ["start", "end"]]
        quoted = _double_quoted(text, list(spans.itertuples(index=False, name=None)))
        golden = _gold_quotations(text, quoted, mine)
        quote_rows += _quote_rows(
            article_id, text, golden, quotes[quotes["article_id"] == article_id]
        )
        theirs = quotes[quotes["article_id"] == article_id]
        reported_rows += _reported_rows(
            article_id,
            text,
            mine,
            found[found["article_id"] == article_id],
            quoted,
            set(zip(theirs["start"], theirs["end"], strict=True)),
        )
    return AttributionAgreement(
        pd.DataFrame(quote_rows, columns=_QUOTE_ROW),
        pd.DataFrame(reported_rows, columns=_REPORTED_ROW),
        len(labelled),
    )


def _gold_quotations(text: str, quoted, gold: pd.DataFrame) -> list[tuple[int, int, str]]:
    """``(start, end, gold source)`` of each double-quoted span that overlaps a Content."""
    found = []
    contents = list(gold.itertuples(index=False))
    for start, end in quoted:
        if not text[start:end].strip():
            continue
        best, overlap = None, 0
        for row in contents:
            shared = min(end, row.content_end) - max(start, row.content_start)
            if shared > overlap:
                best, overlap = row, shared
        if best is not None:
            found.append((start, end, best.source_text))
    return found


def _double_quoted(text: str, blocks) -> list[tuple[int, int]]:
    """The spans between double quotation marks, paragraph by paragraph.

    An opening mark opens (a straight one when none is open), a closing mark
    closes; one left open runs to the paragraph's end.
    """
    spans = []
    for lo, hi in blocks:
        opened = None
        for mark in _MARKS.finditer(text, lo, hi):
            at, symbol = mark.start(), mark.group()
            straight = symbol in ('"', "''")
            if opened is not None and (symbol in _DOUBLE_CLOSE or straight):
                spans.append((opened, at))
                opened = None
            elif symbol in _DOUBLE_OPEN or symbol == "``" or straight:
                opened = mark.end()  # a new opening mark: one left open was a stray
        if opened is not None:
            spans.append((opened, hi))
    return spans


def _best_cover(attributions: list, span: tuple[int, int], cue: tuple[int, int]):
    """The attribution found that covers half of a gold Content, the likeliest one first.

    Where several do ("X said Y believes Z": X's covers Y's content too), the one
    with the gold cue is that Content's, else the tightest.
    """
    covering = [a for a in attributions if _covers((a.start, a.end), span)]
    if not covering:
        return None
    if cue[0] >= 0:
        with_cue = [a for a in covering if a.cue_start < cue[1] and cue[0] < a.cue_end]
        if with_cue:
            return with_cue[0]
    return min(covering, key=lambda a: a.end - a.start)


def _covers(found: tuple[int, int], gold: tuple[int, int]) -> bool:
    """A found attribution covers at least half of a gold Content (the reported-speech match)."""
    return min(found[1], gold[1]) - max(found[0], gold[0]) >= 0.5 * (gold[1] - gold[0])


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """At least half the shorter span is shared."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= 0.5 * min(a[1] - a[0], b[1] - b[0])


_QUOTE_ROW = (
    "article_id",
    "status",
    "start",
    "end",
    "text",
    "gold_source",
    "speaker_as_written",
    "speaker",
    "speaker_right",
)


def _quote_rows(article_id, text, golden, quotes) -> list[tuple]:
    rows, used = [], set()
    found = list(quotes.itertuples(index=False))
    for start, end, source in golden:
        match = next(
            (
                n
                for n, q in enumerate(found)
                if n not in used and _overlaps((start, end), (q.start, q.end))
            ),
            None,
        )
        if match is None:
            rows.append((article_id, "missed", start, end, text[start:end], source, "", "", None))
            continue
        used.add(match)
        q = found[match]
        right = source_matches(q.speaker_as_written, source) if source.strip() else None
        rows.append(
            (article_id, "found", start, end, text[start:end], source,
             q.speaker_as_written, q.speaker, right)
        )  # fmt: skip
    for n, q in enumerate(found):
        if n not in used:
            rows.append(
                (article_id, "extra", q.start, q.end, q.text, "", q.speaker_as_written, q.speaker,
                 None)
            )  # fmt: skip
    return rows


_REPORTED_ROW = (
    "article_id",
    "status",
    "gold_start",
    "gold_end",
    "gold_text",
    "gold_source",
    "found_start",
    "found_end",
    "found_text",
    "kind",
    "source_as_written",
    "source",
    "source_right",
    "matches_gold",
    "is_quotation",
)


def _reported_rows(article_id, text, gold, found, quoted, quotations) -> list[tuple]:
    """Gold reported-speech Contents (no quotation mark) against the attributions found.

    ``quoted`` are the double-quoted spans: a Content inside one is a quotation.
    ``quotations`` are the ``(start, end)`` of the workbook's quotations: an
    attribution of exactly those words is a quotation's, not reported speech.
    """
    rows = []
    attributions = list(found.itertuples(index=False))
    contents = list(gold.itertuples(index=False))
    for row in contents:
        if _MARKS.search(text, row.content_start, row.content_end) or any(
            _overlaps((row.content_start, row.content_end), q) for q in quoted
        ):
            continue  # a quotation: measured with the quotations
        span = (row.content_start, row.content_end)
        hit = _best_cover(attributions, span, (row.cue_start, row.cue_end))
        if hit is None:
            rows.append(
                (article_id, "missed", *span, row.content_text, row.source_text,
                 -1, -1, "", "", "", "", None, None, None)
            )  # fmt: skip
            continue
        right = (
            source_matches(hit.source_as_written, row.source_text)
            if row.source_text.strip()
            else None
        )
        rows.append(
            (article_id, "found", *span, row.content_text, row.source_text, hit.start, hit.end,
             hit.text, hit.kind, hit.source_as_written, hit.source, right, True, None)
        )  # fmt: skip
    for a in attributions:
        # A found attribution is right when it covers half of some gold Content.
        matched = any(_covers((a.start, a.end), (c.content_start, c.content_end)) for c in contents)
        rows.append(
            (article_id, "right" if matched else "extra", -1, -1, "", "", a.start,
             a.end, a.text, a.kind, a.source_as_written, a.source, None, matched,
             (a.start, a.end) in quotations)
        )  # fmt: skip
    return rows
