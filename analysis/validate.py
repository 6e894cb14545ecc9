"""Agreement with hand labels: block roles, quotations and speakers, official-sentence usage.

Content analysts report how far an automatic coder agrees with human coders
before they trust its figures. This module measures the workbook the same way,
on any corpus an analyst labels by hand.

Label files (the formats of the shared development set):

* ``labels.csv``: ``article_id, para_no, first_words, label, note``, one row per
  paragraph. A row names its paragraph by its first five whitespace-separated
  words, so labels survive a change in how the workbook splits blocks; ``para_no``
  only orders the rows. A ``note`` starting with ``MIXED`` marks a paragraph that
  no single role covers: it is scored apart.
* ``quotes.csv``: ``article_id, para_no, quote_start_words, speaker, cue, referent``,
  one row per quotation; ``para_no`` is the ``labels.csv`` paragraph it is in.
* ``usage.csv``: ``news_id, official_id, official_first_words, used, where, note``,
  one row per official sentence per paired news article; ``used`` is
  ``verbatim``, ``paraphrase`` or ``omitted``, ``where`` is ``headline``,
  ``lede`` or ``body``.
* A labelling sheet from :func:`labelling_sheet`, filled in by hand, holds the
  first two in one file.

Each gold paragraph is found in the article's text by its first words, in
order, and runs to the next labelled paragraph; its predicted role is the role
of the blocks that cover most of its visible characters. A quotation is found
when a workbook quotation starts in that paragraph with the same first words
(case and edge punctuation aside). A speaker is right when it names the gold
speaker or its ``referent``: they share a word that is not a title, and one
holds all the other's words; a pronoun names no one.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.corpus import Corpus, load_corpus
from analysis.errors import CorpusError
from analysis.schema import ROLES
from analysis.segment import TITLE_WORDS

__all__ = [
    "Validation",
    "validate",
    "read_labels",
    "role_agreement",
    "quote_agreement",
    "usage_agreement",
    "labelling_sheet",
    "load_bodies",
    "speaker_matches",
    "cohen_kappa",
    "LabelFiles",
    "find_label_files",
    "write_labelling_sheet",
    "kappa_band",
    "figures_table",
    "validation_finding",
    "no_labels_finding",
    "labelling_commands",
    "confusion_finding",
]

FIRST_WORDS = 5  # words that name a paragraph, quotation or official sentence
USED = ("verbatim", "paraphrase", "omitted")  # the values of usage.csv's `used`
PLACES = ("headline", "lede", "body", "")  # and of its `where` ("" when omitted)
LABEL_COLUMNS = ("article_id", "para_no", "first_words", "label")
QUOTE_COLUMNS = ("article_id", "para_no", "quote_start_words", "speaker")
USAGE_COLUMNS = ("news_id", "official_id", "official_first_words", "used", "where")
SHEET_COLUMNS = (
    "unit",
    "article_id",
    "para_no",
    "first_words",
    "text",
    "workbook_role",
    "workbook_speaker",
    "evidence",
    "label",
    "speaker",
    "referent",
    "note",
)
_PRONOUNS = frozenset("he she it they him her them his its their".split())
_EDGE = re.compile(r"^\W+|\W+$")


@dataclass
class Validation:
    """Agreement of the workbook with hand labels on one corpus.

    Attributes:
        roles: One row per labelled paragraph: gold and predicted role, whether
            they agree, ``mixed``, the paragraph's text and the deciding block's evidence.
        quotes: One row per gold or predicted quotation: ``status`` (``found``,
            ``missed``, ``extra``), gold and predicted speaker, ``speaker_ok``.
        usage: One row per gold official sentence per news article: gold and
            predicted ``used`` and ``where``.
        problems: Label rows that could not be placed in the texts, with the reason.
        mode: ``manifest`` (metadata loaded) or ``bodies only``.
        summary: The headline figures, as :meth:`figures` gives them.
    """

    roles: pd.DataFrame
    quotes: pd.DataFrame
    usage: pd.DataFrame
    problems: pd.DataFrame
    mode: str = "manifest"
    summary: dict = field(default_factory=dict)

    def role_table(self) -> pd.DataFrame:
        """Per-role precision, recall, F1 and support over the paragraphs not MIXED."""
        return per_role_scores(self.roles[~self.roles["mixed"]])

    def confusion(self) -> pd.DataFrame:
        """Gold roles (rows) against predicted roles (columns), paragraphs not MIXED."""
        return confusion_matrix(self.roles[~self.roles["mixed"]])

    def disagreements(self) -> pd.DataFrame:
        """Every paragraph whose predicted role differs from its gold label."""
        wrong = self.roles[~self.roles["agree"]]
        return wrong[["article_id", "para_no", "gold", "predicted", "mixed", "evidence", "text"]]

    def speaker_errors(self) -> pd.DataFrame:
        """Found quotations whose speaker is wrong, and missed or extra quotations."""
        q = self.quotes
        bad = q[(q["status"] != "found") | (q["speaker_scored"] & ~q["speaker_ok"])]
        return bad.reset_index(drop=True)

    def figures(self) -> dict:
        """The headline figures: roles, quotations, speakers and usage."""
        return figures(self)


def validate(
    corpus: str | Path | Corpus,
    labels: str | Path | pd.DataFrame,
    quotes: str | Path | pd.DataFrame | None = None,
    usage: str | Path | pd.DataFrame | None = None,
    *,
    bodies_only: bool = False,
) -> Validation:
    """Measure the workbook's roles, quotations, speakers and usage against hand labels.

    Args:
        corpus: The corpus folder or file (or a loaded :class:`Corpus`).
        labels: ``labels.csv``, or a filled-in labelling sheet (which may hold the
            quotation rows too), or its frame.
        quotes: ``quotes.csv`` or its frame, if any.
        usage: ``usage.csv`` or its frame, if any.
        bodies_only: Load only the texts, without kinds, pairs or any other
            metadata (how the workbook does on bare article bodies).

    Returns:
        The :class:`Validation`.

    Raises:
        CorpusError: A label file is missing a column, or names an unknown article or role.
    """
    if isinstance(corpus, Corpus):
        loaded = load_bodies(corpus) if bodies_only else corpus
    else:
        loaded = load_corpus(corpus)
        if bodies_only:
            loaded = load_bodies(loaded)
    gold_roles, gold_quotes = read_labels(labels)
    if quotes is not None:
        gold_quotes = pd.concat([gold_quotes, _read(quotes, QUOTE_COLUMNS)], ignore_index=True)
    # Bodies alone carry no pairs, so which official sentences an article used is
    # not asked of them.
    gold_usage = _read(usage, USAGE_COLUMNS) if usage is not None and not bodies_only else None
    _check_ids(loaded, gold_roles, "article_id")
    _check_ids(loaded, gold_quotes, "article_id")
    if gold_usage is not None:
        _check_usage(gold_usage)
    roles, spans, problems = role_agreement(loaded, gold_roles)
    quote_rows = quote_agreement(loaded, gold_quotes, spans, problems)
    usage_rows = usage_agreement(loaded, gold_usage, problems) if gold_usage is not None else None
    result = Validation(
        roles=roles,
        quotes=quote_rows,
        usage=usage_rows if usage_rows is not None else _empty_usage(),
        problems=pd.DataFrame(problems, columns=["file", "article_id", "row", "problem"]),
        mode="bodies only" if bodies_only else "manifest",
    )
    result.summary = figures(result, usage_given=gold_usage is not None)
    return result


# --- reading labels -------------------------------------------------------------------


def _read(source: str | Path | pd.DataFrame, required: tuple[str, ...]) -> pd.DataFrame:
    """A label file as a frame of strings, its required columns checked.

    Every row keeps where it came from, ``_file`` and ``_row`` (its line in the file,
    the header being line 1), so each message can name them.
    """
    if isinstance(source, pd.DataFrame):
        frame, name = source.copy(), source.attrs.get("file", "<frame>")
    else:
        path = Path(source)
        if not path.is_file():
            raise CorpusError(str(path), "", "no such label file", "check the path")
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
            raise CorpusError(
                str(path), "", f"not a readable CSV file ({exc})", "save it as UTF-8 CSV"
            ) from None
        name = str(path)
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise CorpusError(
            name,
            "header",
            f"missing column(s) {', '.join(missing)}",
            f"the columns are {', '.join(required)} (see analysis.validate)",
        )
    if "_row" not in frame:
        frame["_file"], frame["_row"] = name, np.arange(len(frame)) + 2
    text = [c for c in frame.columns if c != "_row"]
    frame[text] = frame[text].astype(str).fillna("")
    frame.attrs["file"] = name
    if "para_no" in frame:
        bad = ~frame["para_no"].str.fullmatch(r"\s*\d+\s*")
        if bad.any():
            raise CorpusError(
                *_place(frame, bad),
                f"para_no {frame.loc[bad, 'para_no'].iloc[0]!r} is not a whole number",
                "number the paragraphs 0, 1, 2, ... in text order",
            )
        frame["para_no"] = frame["para_no"].astype(np.int64)
    return frame


def _place(frame: pd.DataFrame, bad: pd.Series) -> tuple[str, str]:
    """``(file, "row N")`` of the first row where ``bad`` holds."""
    first = frame.loc[bad].iloc[0]
    return str(first["_file"]), f"row {int(first['_row'])}"


def read_labels(source: str | Path | pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Paragraph labels and quotation labels from ``labels.csv`` or a labelling sheet.

    A sheet's rows with an empty ``label`` have not been labelled and are left out;
    a quotation row labelled ``no`` is a span the workbook took for a quotation
    that is not one.

    Returns:
        ``(roles, quotes)``: rows in the ``labels.csv`` and ``quotes.csv`` columns.
    """
    first = source if isinstance(source, pd.DataFrame) else None
    if first is None:
        first = _read(source, ("article_id",))
    if "unit" not in first.columns:
        roles = _read(first, LABEL_COLUMNS)
        roles["label"] = roles["label"].str.strip()
        _check_roles(roles)
        return roles, _read(pd.DataFrame(columns=list(QUOTE_COLUMNS)), QUOTE_COLUMNS)
    sheet = _read(first, SHEET_COLUMNS)
    sheet.attrs["file"] = first.attrs.get("file", "<sheet>")
    labelled = sheet[sheet["label"].str.strip() != ""]
    blocks = labelled[labelled["unit"] == "block"]
    roles = blocks[["article_id", "para_no", "first_words", "note", "_file", "_row"]].copy()
    roles["label"] = blocks["label"].str.strip()
    roles.attrs["file"] = sheet.attrs["file"]
    _check_roles(roles)
    quoted = labelled[(labelled["unit"] == "quote") & (labelled["label"].str.strip() != "no")]
    quotes = pd.DataFrame(
        {
            "article_id": quoted["article_id"],
            "para_no": quoted["para_no"],
            "quote_start_words": quoted["first_words"],
            "speaker": quoted["speaker"],
            "cue": "",
            "referent": quoted["referent"],
            "_file": quoted["_file"],
            "_row": quoted["_row"],
        }
    )
    return roles, quotes


def _check_roles(roles: pd.DataFrame) -> None:
    unknown = ~roles["label"].isin(ROLES)
    if unknown.any():
        raise CorpusError(
            *_place(roles, unknown),
            f"label {roles.loc[unknown, 'label'].iloc[0]!r} is not a role",
            f"use one of {', '.join(ROLES)}",
        )


def _check_ids(corpus: Corpus, frame: pd.DataFrame, column: str) -> None:
    unknown = ~frame[column].isin(set(corpus.articles["article_id"]))
    if unknown.any():
        raise CorpusError(
            *_place(frame, unknown),
            f"{column} {frame.loc[unknown, column].iloc[0]!r} is not in the corpus",
            "label articles of this corpus, with the ids its manifest or file names give",
        )


def _check_usage(usage: pd.DataFrame) -> None:
    for column, allowed in (("used", USED), ("where", PLACES)):
        usage[column] = usage[column].str.strip()
        bad = ~usage[column].isin(allowed)
        if bad.any():
            raise CorpusError(
                *_place(usage, bad),
                f"{column} {usage.loc[bad, column].iloc[0]!r} is not one of the values",
                f"write one of {', '.join(repr(v) for v in allowed)}",
            )


# --- placing gold paragraphs in the text --------------------------------------------------


def _words_pattern(words: str) -> re.Pattern | None:
    tokens = words.split()[:FIRST_WORDS]
    if not tokens:
        return None
    return re.compile(r"\s+".join(map(re.escape, tokens)) + r"(?=\s|$)")


def _paragraph_starts(text: str, rows: pd.DataFrame) -> list[int | None]:
    """Where each labelled paragraph starts (rows in text order), or ``None`` if not found.

    A paragraph is looked for at a line start first, then anywhere, always after
    the one before, so repeated openings ("The Prime Minister spoke to ...") find
    their own paragraphs.
    """
    starts: list[int | None] = []
    cursor = 0
    for words in rows["first_words"]:
        pattern = _words_pattern(words)
        found = None
        if pattern is not None:
            for match in pattern.finditer(text, cursor):
                before = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
                if not before.strip():
                    found = match
                    break
            if found is None:
                found = pattern.search(text, cursor)
        if found is None:
            starts.append(None)
            continue
        starts.append(found.start())
        cursor = found.end()
    return starts


def _visible_overlap(text: str, lo: int, hi: int, spans: np.ndarray) -> np.ndarray:
    """Visible characters of ``text[lo:hi]`` inside each ``(start, end)`` span."""
    out = np.zeros(len(spans), dtype=np.int64)
    for k, (s, e) in enumerate(spans):
        a, b = max(lo, s), min(hi, e)
        if b > a:
            out[k] = len("".join(text[a:b].split()))
    return out


def role_agreement(
    corpus: Corpus, gold: pd.DataFrame
) -> tuple[pd.DataFrame, dict[tuple[str, int], tuple[int, int]], list[tuple]]:
    """Each labelled paragraph's gold and predicted role.

    Returns:
        ``(rows, spans, problems)``: the role rows; ``(article_id, para_no) ->
        (start, end)`` of each placed paragraph in its text; problems as
        ``(file, article_id, row, problem)``.
    """
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    blocks = corpus.blocks
    rows, spans, problems = [], {}, []
    for article_id, group in gold.groupby("article_id", sort=False):
        group = group.sort_values("para_no", kind="stable")
        text = texts[article_id]
        mine = blocks[blocks["article_id"] == article_id]
        bounds = mine[["start", "end"]].to_numpy()
        starts = _paragraph_starts(text, group)
        placed = [s for s in starts if s is not None]
        for (_, row), start in zip(group.iterrows(), starts, strict=True):
            if start is None:
                problems.append(
                    (
                        row["_file"],
                        article_id,
                        row["_row"],
                        f"no paragraph starts {row['first_words']!r}",
                    )
                )
                continue
            later = [s for s in placed if s > start]
            end = min(later) if later else len(text)
            overlap = _visible_overlap(text, start, end, bounds)
            spans[(article_id, int(row["para_no"]))] = (start, end)
            if not overlap.any():
                predicted, evidence = "", "no block covers it"
            else:
                weight = pd.Series(overlap).groupby(mine["role"].to_numpy()).sum()
                predicted = str(weight.idxmax())
                best = int(np.argmax(np.where(mine["role"].to_numpy() == predicted, overlap, -1)))
                evidence = str(mine["evidence"].iloc[best])
            note = str(row.get("note", ""))
            rows.append(
                {
                    "article_id": article_id,
                    "para_no": int(row["para_no"]),
                    "gold": row["label"],
                    "predicted": predicted,
                    "agree": predicted == row["label"],
                    "mixed": note.strip().upper().startswith("MIXED"),
                    "evidence": evidence,
                    "text": " ".join(text[start:end].split()),
                }
            )
    columns = ["article_id", "para_no", "gold", "predicted", "agree", "mixed", "evidence", "text"]
    frame = pd.DataFrame(rows, columns=columns).astype({"agree": bool, "mixed": bool})
    return frame, spans, problems


# --- quotations and speakers -------------------------------------------------------------


def _token_key(words: str, n: int = FIRST_WORDS) -> tuple[str, ...]:
    tokens = [_EDGE.sub("", t).lower() for t in words.split()[:n]]
    return tuple(t for t in tokens if t)


def _name_tokens(name: str) -> set[str]:
    name = re.sub(r"\(.*?\)", " ", name)
    tokens = {_EDGE.sub("", t).lower().removesuffix("’s").removesuffix("'s") for t in name.split()}
    return {t for t in tokens if t and t not in {"the", "a", "an", "of", "mr", "mrs", "ms", "dr"}}


def speaker_matches(predicted: str, gold: str, referent: str = "") -> bool:
    """Whether a predicted speaker names the gold speaker or its referent.

    They share a word that is not a title, and one holds all the other's words;
    a pronoun names no one.

    >>> speaker_matches("Jen Psaki", "Psaki")
    True
    >>> speaker_matches("Downing Street", "A Downing Street spokesperson", "Downing Street (No 10)")
    True
    >>> speaker_matches("he", "he", "Keir Starmer")
    False
    """
    mine = _name_tokens(predicted)
    if not mine or mine <= _PRONOUNS:
        return False
    for other in (gold, referent):
        theirs = _name_tokens(other)
        if not theirs or theirs <= _PRONOUNS:
            continue
        shared = mine & theirs
        if any(t not in TITLE_WORDS for t in shared) and (mine <= theirs or theirs <= mine):
            return True
        if mine == theirs:
            return True
    return False


def quote_agreement(
    corpus: Corpus,
    gold: pd.DataFrame,
    spans: dict[tuple[str, int], tuple[int, int]],
    problems: list[tuple],
) -> pd.DataFrame:
    """Gold quotations matched to the workbook's, with speakers compared.

    Predicted quotations count as extra only in articles that have gold quotation
    rows or are news articles with labelled paragraphs.
    """
    quotes = corpus.quotes
    rows = []
    used: set[int] = set()
    for _, row in gold.iterrows():
        article_id, para = row["article_id"], int(row["para_no"])
        span = spans.get((article_id, para))
        if span is None:
            problems.append(
                (
                    row["_file"],
                    article_id,
                    row["_row"],
                    f"paragraph {para} of its quotation is not placed",
                )
            )
            continue
        key = _token_key(row["quote_start_words"])
        candidates = quotes[
            (quotes["article_id"] == article_id)
            & (quotes["start"] >= span[0] - 1)
            & (quotes["start"] < span[1])
        ]
        match = None
        for q_index, q in candidates.iterrows():
            if q_index in used:
                continue
            # As many whitespace-separated words as the label names (at most five).
            theirs = _token_key(q["text"], len(row["quote_start_words"].split()) or FIRST_WORDS)
            if theirs == key:
                match = (q_index, q)
                break
        gold_speaker, referent = row["speaker"], row.get("referent", "")
        if match is None:
            rows.append(_quote_row(article_id, para, row, "missed", None, gold_speaker, referent))
            continue
        used.add(match[0])
        rows.append(_quote_row(article_id, para, row, "found", match[1], gold_speaker, referent))
    news = corpus.articles.loc[corpus.articles["kind"] == "news", "article_id"]
    scored = set(gold["article_id"]) | (set(news) & {a for a, _ in spans})
    for q_index, q in quotes[quotes["article_id"].isin(scored)].iterrows():
        if q_index in used:
            continue
        para = _para_of(spans, q["article_id"], int(q["start"]))
        if para is None:
            continue  # outside every labelled paragraph (e.g. an unlabelled derived document)
        rows.append(_quote_row(q["article_id"], para, None, "extra", q, "", ""))
    columns = [
        "article_id",
        "para_no",
        "status",
        "quote",
        "gold_speaker",
        "referent",
        "speaker",
        "speaker_scored",
        "speaker_ok",
        "speaker_evidence",
    ]
    return pd.DataFrame(rows, columns=columns).astype({"speaker_scored": bool, "speaker_ok": bool})


def _para_of(spans, article_id: str, at: int) -> int | None:
    for (a, para), (lo, hi) in spans.items():
        if a == article_id and lo <= at < hi:
            return para
    return None


def _quote_row(article_id, para, gold_row, status, found, gold_speaker, referent) -> dict:
    speaker = "" if found is None else str(found["speaker"])
    return {
        "article_id": article_id,
        "para_no": para,
        "status": status,
        "quote": str(gold_row["quote_start_words"]) if gold_row is not None else found["text"][:60],
        "gold_speaker": gold_speaker,
        "referent": referent,
        "speaker": speaker,
        # A quotation labelled without a speaker (or referent) is not scored for one.
        "speaker_scored": status == "found" and bool(f"{gold_speaker}{referent}".strip()),
        "speaker_ok": status == "found" and speaker_matches(speaker, gold_speaker, referent),
        "speaker_evidence": "" if found is None else str(found["speaker_evidence"]),
    }


# --- usage of official sentences ------------------------------------------------------------


def _empty_usage() -> pd.DataFrame:
    return pd.DataFrame(
        columns=[
            "news_id",
            "official_id",
            "official_first_words",
            "gold_used",
            "gold_where",
            "used",
            "where",
            "label",
        ]
    )


def usage_agreement(corpus: Corpus, gold: pd.DataFrame, problems: list[tuple]) -> pd.DataFrame:
    """Gold usage rows against the framing analysis's usage table.

    The workbook's ``used`` and ``where`` are framing's usage ``used`` (the
    strongest form anywhere in the article) and ``used_in`` (the most prominent
    place its content reached), as the labels define them.
    """
    from analysis import framing

    usage = framing.analyse(corpus).usage if len(corpus.pairs) else None
    rows = []
    for _, row in gold.iterrows():
        used, where, label = "omitted", "", ""
        if usage is not None:
            mine = usage[
                (usage["news_id"] == row["news_id"]) & (usage["official_id"] == row["official_id"])
            ]
            key = _token_key(row["official_first_words"])
            hit = mine[[_token_key(t, len(key)) == key for t in mine["text"]]]
            if mine.empty:
                problems.append(
                    (
                        row["_file"],
                        row["news_id"],
                        row["_row"],
                        f"not paired with {row['official_id']}",
                    )
                )
            elif hit.empty:
                problems.append(
                    (
                        row["_file"],
                        row["news_id"],
                        row["_row"],
                        f"no official sentence starts {row['official_first_words']!r}",
                    )
                )
            else:
                first = hit.iloc[0]
                if first["used"] != "omitted":
                    where, label = str(first["used_in"]), str(first["label"])
                    used = str(first["used"])
        rows.append(
            {
                "news_id": row["news_id"],
                "official_id": row["official_id"],
                "official_first_words": row["official_first_words"],
                "gold_used": row["used"].strip(),
                "gold_where": row["where"].strip(),
                "used": used,
                "where": where,
                "label": label,
            }
        )
    return pd.DataFrame(rows, columns=list(_empty_usage().columns))


# --- scores ------------------------------------------------------------------------------------


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    f1 = (
        2 * precision * recall / (precision + recall)
        if tp and precision + recall
        else (0.0 if tp + fp + fn else float("nan"))
    )
    return precision, recall, f1


def per_role_scores(rows: pd.DataFrame) -> pd.DataFrame:
    """Precision, recall, F1 and support of each role that is gold or predicted."""
    out = []
    for role in ROLES:
        gold, predicted = rows["gold"] == role, rows["predicted"] == role
        if not gold.any() and not predicted.any():
            continue
        tp = int((gold & predicted).sum())
        p, r, f = _prf(tp, int((predicted & ~gold).sum()), int((gold & ~predicted).sum()))
        out.append({"role": role, "precision": p, "recall": r, "f1": f, "support": int(gold.sum())})
    return pd.DataFrame(out, columns=["role", "precision", "recall", "f1", "support"])


def confusion_matrix(rows: pd.DataFrame) -> pd.DataFrame:
    """Counts of gold role (rows) by predicted role (columns), in the order of ``ROLES``."""
    present = [r for r in ROLES if r in set(rows["gold"]) | set(rows["predicted"])]
    extra = sorted(set(rows["predicted"]) - set(ROLES))  # "" when no block covers a paragraph
    order = present + extra
    table = pd.crosstab(
        pd.Categorical(rows["gold"], categories=order),
        pd.Categorical(rows["predicted"], categories=order),
        dropna=False,
    )
    table.index.name, table.columns.name = "gold", "predicted"
    return table


def cohen_kappa(gold: pd.Series, predicted: pd.Series) -> float:
    """Cohen's kappa: agreement beyond what the two label distributions give by chance.

    >>> round(cohen_kappa(pd.Series(list("aabb")), pd.Series(list("abbb"))), 2)
    0.5
    """
    n = len(gold)
    if not n:
        return float("nan")
    observed = float((gold.to_numpy() == predicted.to_numpy()).mean())
    g, p = gold.value_counts(normalize=True), predicted.value_counts(normalize=True)
    expected = float(sum(g.get(k, 0.0) * p.get(k, 0.0) for k in set(g.index) | set(p.index)))
    return (observed - expected) / (1 - expected) if expected < 1 else float("nan")


def figures(result: Validation, usage_given: bool = True) -> dict:
    """The headline figures of a :class:`Validation`, as a flat dict."""
    roles = result.roles
    plain, mixed = roles[~roles["mixed"]], roles[roles["mixed"]]
    out = {
        "mode": result.mode,
        "paragraphs": len(plain),
        "role_accuracy": float(plain["agree"].mean()) if len(plain) else float("nan"),
        "role_kappa": cohen_kappa(plain["gold"], plain["predicted"]),
        "mixed_paragraphs": len(mixed),
        "mixed_accuracy": float(mixed["agree"].mean()) if len(mixed) else float("nan"),
        "unplaced_rows": len(result.problems),
    }
    q = result.quotes
    found = q[q["status"] == "found"]
    tp, fp, fn = (
        len(found),
        int((q["status"] == "extra").sum()),
        int((q["status"] == "missed").sum()),
    )
    p, r, f = _prf(tp, fp, fn)
    out.update(
        {
            "quotes_gold": tp + fn,
            "quotes_found": tp,
            "quote_precision": p,
            "quote_recall": r,
            "quote_f1": f,
            "speakers_scored": int(found["speaker_scored"].sum()),
            "speaker_accuracy": float(found.loc[found["speaker_scored"], "speaker_ok"].mean())
            if found["speaker_scored"].any()
            else float("nan"),
        }
    )
    u = result.usage
    if usage_given and len(u):
        gold_used, used = u["gold_used"] != "omitted", u["used"] != "omitted"
        up, ur, uf = _prf(
            int((gold_used & used).sum()),
            int((used & ~gold_used).sum()),
            int((gold_used & ~used).sum()),
        )
        gold_v, v = u["gold_used"] == "verbatim", u["used"] == "verbatim"
        vp, vr, _ = _prf(
            int((gold_v & v).sum()), int((v & ~gold_v).sum()), int((gold_v & ~v).sum())
        )
        both = u[gold_used & used]
        out.update(
            {
                "usage_rows": len(u),
                "usage_precision": up,
                "usage_recall": ur,
                "usage_f1": uf,
                "verbatim_precision": vp,
                "verbatim_recall": vr,
                "placement_accuracy": float((both["gold_where"] == both["where"]).mean())
                if len(both)
                else float("nan"),
                "placement_rows": len(both),
            }
        )
    return out


def report_lines(result: Validation, width: int = 160) -> list[str]:
    """Every disagreement, the per-role scores and the confusion matrix, as lines of text."""

    def cut(text: str) -> str:
        return text if len(text) <= width else text[: width - 1] + "…"

    lines = [f"== label rows not placed: {len(result.problems)}"]
    for p in result.problems.itertuples():
        lines.append(f"  {p.file} row {p.row} ({p.article_id}): {p.problem}")
    wrong = result.disagreements()
    lines += ["", f"== role disagreements: {len(wrong)} of {len(result.roles)} paragraphs"]
    for r in wrong.itertuples():
        mixed = " (MIXED)" if r.mixed else ""
        lines.append(
            f"  {r.article_id} para {r.para_no}: gold {r.gold}{mixed}, workbook "
            f"{r.predicted or '(none)'}: {r.evidence}"
        )
        lines.append(f"      {cut(r.text)}")
    errors = result.speaker_errors()
    lines += ["", f"== quotation and speaker errors: {len(errors)} of {len(result.quotes)}"]
    for q in errors.itertuples():
        if q.status == "found":
            what = f"speaker {q.speaker or '(none)'!r}, gold {q.gold_speaker!r}"
            what += f" ({q.referent})" if q.referent else ""
            what += f": {q.speaker_evidence}"
        elif q.status == "missed":
            what = f"missed, gold speaker {q.gold_speaker!r}"
        else:
            what = f"extra: not a quotation in the labels (speaker {q.speaker!r})"
        lines.append(f"  {q.article_id} para {q.para_no} {cut(repr(q.quote))}: {what}")
    usage = result.usage
    if len(usage):
        off = usage[(usage["gold_used"] != usage["used"]) | (usage["gold_where"] != usage["where"])]
        lines += ["", f"== usage disagreements: {len(off)} of {len(usage)} official sentences"]
        for u in off.itertuples():
            lines.append(
                f"  {u.news_id} / {u.official_id} {u.official_first_words!r}: gold "
                f"{u.gold_used} {u.gold_where}, workbook {u.used} {u.where} {u.label}".rstrip()
            )
    lines += ["", "== per-role scores (paragraphs not MIXED)"]
    lines += [
        "  " + line for line in result.role_table().round(2).to_string(index=False).splitlines()
    ]
    lines += ["", "== confusion matrix (gold rows, workbook columns; paragraphs not MIXED)"]
    lines += ["  " + line for line in result.confusion().to_string().splitlines()]
    return [*lines, ""]


def summary_lines(numbers: dict) -> list[str]:
    """The headline figures as a few lines of text, the last lines the command prints."""
    f = _two
    lines = [
        f"validation ({numbers['mode']}): {numbers['paragraphs']} paragraphs, "
        f"{numbers['mixed_paragraphs']} MIXED apart, {numbers['unplaced_rows']} label rows not placed",
        f"roles: accuracy {f(numbers['role_accuracy'])}, kappa {f(numbers['role_kappa'])}; "
        f"MIXED paragraphs {f(numbers['mixed_accuracy'])}",
        f"quotations: precision {f(numbers['quote_precision'])}, recall "
        f"{f(numbers['quote_recall'])}, F1 {f(numbers['quote_f1'])} "
        f"({numbers['quotes_found']} of {numbers['quotes_gold']} found)",
        f"speakers: accuracy {f(numbers['speaker_accuracy'])} on "
        f"{numbers['speakers_scored']} found quotations with a labelled speaker",
    ]
    if "usage_f1" in numbers:
        lines.append(
            f"usage: used/omitted precision {f(numbers['usage_precision'])}, recall "
            f"{f(numbers['usage_recall'])}, F1 {f(numbers['usage_f1'])}; verbatim precision "
            f"{f(numbers['verbatim_precision'])}, recall {f(numbers['verbatim_recall'])}; "
            f"placement {f(numbers['placement_accuracy'])} ({numbers['placement_rows']} rows)"
        )
    else:
        why = "bodies only: no pairs" if numbers["mode"] == "bodies only" else "no usage labels"
        lines.append(f"usage: not measured ({why})")
    return lines


# --- bodies only ------------------------------------------------------------------------------


def load_bodies(corpus: Corpus) -> Corpus:
    """The corpus loaded again from its texts alone: no kinds, pairs, titles or dates.

    Each document loaded from a file (not one derived from another) is written
    as a plain text file with only its id in a manifest, and loaded anew.
    """
    articles = corpus.articles[corpus.articles["derived_from"].fillna("") == ""]
    with tempfile.TemporaryDirectory(prefix="bodies-") as folder:
        root = Path(folder)
        lines = ["article_id,path"]
        for n, (article_id, text) in enumerate(
            zip(articles["article_id"], articles["text"], strict=True)
        ):
            name = f"{n:06d}.txt"
            (root / name).write_text(text, encoding="utf-8", newline="")
            lines.append(f"{_csv_cell(article_id)},{name}")
        (root / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        loaded = load_corpus(root)
    loaded.root = corpus.root
    return loaded


def _csv_cell(value: str) -> str:
    return '"' + value.replace('"', '""') + '"' if re.search(r'[",\n\r]', value) else value


# --- the labelling sheet ----------------------------------------------------------------------


def labelling_sheet(corpus: Corpus) -> pd.DataFrame:
    """Every block and quotation of the corpus's loaded documents, ready to label by hand.

    Fill in ``label`` (a role for a block; ``quote`` or ``no`` for a quotation),
    and for quotations ``speaker`` and ``referent``; leave ``label`` empty for
    rows you do not label. :func:`validate` reads the filled-in sheet back.
    """
    own = set(corpus.articles.loc[corpus.articles["derived_from"].fillna("") == "", "article_id"])
    blocks = corpus.blocks[corpus.blocks["article_id"].isin(own)]
    rows = []
    for article_id, group in blocks.groupby("article_id", sort=False):
        quotes = corpus.quotes[corpus.quotes["article_id"] == article_id]
        for block in group.itertuples():
            rows.append(
                {
                    "unit": "block",
                    "article_id": article_id,
                    "para_no": block.block_no,
                    "first_words": " ".join(block.text.split()[:FIRST_WORDS]),
                    "text": block.text,
                    "workbook_role": block.role,
                    "workbook_speaker": "",
                    "evidence": block.evidence,
                }
            )
            for q in quotes[quotes["block_no"] == block.block_no].itertuples():
                rows.append(
                    {
                        "unit": "quote",
                        "article_id": article_id,
                        "para_no": block.block_no,
                        "first_words": " ".join(q.text.split()[:FIRST_WORDS]),
                        "text": q.text,
                        "workbook_role": "",
                        "workbook_speaker": q.speaker,
                        "evidence": q.speaker_evidence,
                    }
                )
    sheet = pd.DataFrame(rows, columns=list(SHEET_COLUMNS))
    for column in ("label", "speaker", "referent", "note"):
        sheet[column] = ""
    return sheet


# --- the notebook's view (06_validation) --------------------------------------------------------


@dataclass(frozen=True)
class LabelFiles:
    """The hand-label files a corpus is measured with, as :func:`find_label_files` chose them.

    Attributes:
        labels: ``labels.csv`` or a filled-in labelling sheet; ``None`` when there is none.
        quotes: ``quotes.csv``, or ``None``.
        usage: ``usage.csv``, or ``None``.
        folder: The corpus's own ``labels/`` folder, where files not given were looked for.
    """

    labels: Path | None
    quotes: Path | None
    usage: Path | None
    folder: Path

    def table(self) -> pd.DataFrame:
        """One row per kind of label file: the file used, or that there is none."""
        files = {kind: getattr(self, kind) for kind in ("labels", "quotes", "usage")}
        return pd.DataFrame(
            {
                "file": [
                    str(path) if path is not None else f"none (no {kind}.csv given or in labels/)"
                    for kind, path in files.items()
                ]
            },
            index=pd.Index(list(files), name="labels"),
        )


def find_label_files(
    corpus_path: str | Path,
    labels: str | Path | None = "",
    quotes: str | Path | None = "",
    usage: str | Path | None = "",
) -> LabelFiles:
    """The label files to measure a corpus with: those given, else its ``labels/`` folder.

    A file given is used as it is. With ``labels`` empty, ``labels.csv``, and
    ``quotes.csv`` and ``usage.csv`` where none is given, come from the corpus's
    ``labels/`` folder (beside the file, for a one-file corpus) when they are there.
    With ``labels`` given, only the ``quotes`` and ``usage`` given with it are used.

    Args:
        corpus_path: The corpus folder (or file).
        labels: ``labels.csv`` or a filled-in sheet; empty or ``None`` to look in ``labels/``.
        quotes: ``quotes.csv``; empty or ``None`` for none, or ``labels/``'s as above.
        usage: ``usage.csv``; as ``quotes``.

    Returns:
        The :class:`LabelFiles`; its ``labels`` is ``None`` when the corpus has no labels.
    """
    from analysis.load import LABELS_FOLDER

    root = Path(corpus_path)
    folder = (root.parent if root.is_file() else root) / LABELS_FOLDER
    given = {
        kind: Path(value) if value else None
        for kind, value in (("labels", labels), ("quotes", quotes), ("usage", usage))
    }
    if given["labels"] is None:
        for kind, path in given.items():
            if path is None and (folder / f"{kind}.csv").is_file():
                given[kind] = folder / f"{kind}.csv"
    if given["labels"] is None:
        given["quotes"] = given["usage"] = None  # no paragraphs to place them in
    return LabelFiles(folder=folder, **given)


def write_labelling_sheet(corpus: Corpus, path: str | Path) -> pd.DataFrame:
    """Write :func:`labelling_sheet` to a CSV file, its folder made if missing, and return it."""
    sheet = labelling_sheet(corpus)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    sheet.to_csv(path, index=False)
    return sheet


def _two(x: float) -> str:
    """A figure as the validate command prints it: two decimals, ``n/a`` when not measured."""
    return "n/a" if x != x else f"{x:.2f}"  # NaN is the only value not equal to itself


def kappa_band(kappa: float) -> str:
    """Landis & Koch's (1977) name for a kappa: slight, fair, moderate, substantial, ...

    >>> kappa_band(0.86)
    'almost perfect'
    """
    if kappa != kappa:
        return "not measured"
    for top, band in ((0.0, "poor"), (0.2, "slight"), (0.4, "fair"), (0.6, "moderate")):
        if kappa <= top:
            return band
    return "substantial" if kappa <= 0.8 else "almost perfect"


def figures_table(summary: dict) -> pd.DataFrame:
    """The headline figures of :attr:`Validation.summary`, with what each was measured on.

    Values are formatted as the ``validate`` command prints them (two decimals,
    ``n/a`` when there was nothing to measure); ``bears on`` names the results of
    the other notebooks that rest on the figure.
    """
    n, found, gold = summary["paragraphs"], summary["quotes_found"], summary["quotes_gold"]
    roles = "01's role shares, 02's journalist/official split, 03's voices, 04's prominence"
    quoted = "01's quotations, 02's quotation fidelity, 03's quotation voice"
    rows = [
        ("role accuracy", summary["role_accuracy"], _count(n, "paragraph"), roles),
        (
            "role kappa",
            summary["role_kappa"],
            _count(n, "paragraph"),
            f"agreement beyond chance: {kappa_band(summary['role_kappa'])} (Landis & Koch)",
        ),
        (
            "MIXED paragraphs right",
            summary["mixed_accuracy"],
            f"{_count(summary['mixed_paragraphs'], 'paragraph')}, scored apart",
            "paragraphs no one role fits; part of their words go to another voice",
        ),
        (
            "quotation precision",
            summary["quote_precision"],
            "the workbook's, in labelled paragraphs",
            quoted,
        ),
        (
            "quotation recall",
            summary["quote_recall"],
            f"{found} of {_count(gold, 'gold quotation')}",
            quoted,
        ),
        ("quotation F1", summary["quote_f1"], _count(gold, "gold quotation"), quoted),
        (
            "speaker accuracy",
            summary["speaker_accuracy"],
            _count(summary["speakers_scored"], "found quotation") + " with a labelled speaker",
            "who is quoted in 01's quotation table",
        ),
    ]
    if "usage_f1" in summary:
        sentences = _count(summary["usage_rows"], "official sentence")
        used = "02's used and omitted official sentences, 05's omission grid"
        verbatim = "02's verbatim label"
        rows += [
            ("usage precision", summary["usage_precision"], sentences, used),
            ("usage recall", summary["usage_recall"], sentences, used),
            ("usage F1", summary["usage_f1"], sentences, used),
            ("verbatim precision", summary["verbatim_precision"], sentences, verbatim),
            ("verbatim recall", summary["verbatim_recall"], sentences, verbatim),
            (
                "placement accuracy",
                summary["placement_accuracy"],
                f"{_count(summary['placement_rows'], 'sentence')} used by labels and workbook",
                "02's headline, lede and body places",
            ),
        ]
    else:
        why = "bodies only: no pairs" if summary["mode"] == "bodies only" else "no usage labels"
        rows.append(("usage", float("nan"), f"not measured ({why})", "02's usage, 05's grid"))
    table = pd.DataFrame(rows, columns=["figure", "value", "measured on", "bears on"])
    table["value"] = table["value"].map(_two)
    return table.set_index("figure")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _of(count: float, total: int) -> int:
    """How many of ``total`` a share stands for (shares here are counts over totals)."""
    return round(count * total)


def validation_finding(summary: dict) -> str:
    """The key finding of a validation, as Markdown, from :attr:`Validation.summary`.

    The first paragraph says how far the roles, quotations and speakers agree with
    the hand labels; the next ones give the MIXED paragraphs, the sample's size,
    unplaced label rows and the usage figures. Every number is one of
    :func:`figures_table`'s, formatted the same way.
    """
    n = summary["paragraphs"]
    if n:
        kappa = summary["role_kappa"]
        band = "" if kappa != kappa else f": {kappa_band(kappa)} agreement"
        first = (
            f"The workbook's roles agree with the hand labels on "
            f"{_of(summary['role_accuracy'], n)} of {_count(n, 'paragraph')} (accuracy "
            f"{_two(summary['role_accuracy'])}, kappa {_two(kappa)}{band})"
        )
    else:
        first = "No hand-labelled paragraph could be scored for its role"
    found, gold = summary["quotes_found"], summary["quotes_gold"]
    if gold:
        first += (
            f"; it finds {found} of {_count(gold, 'gold quotation')} (precision "
            f"{_two(summary['quote_precision'])}, recall {_two(summary['quote_recall'])}, "
            f"F1 {_two(summary['quote_f1'])})"
        )
        if summary["speakers_scored"]:
            first += (
                f" and names the right speaker for "
                f"{_of(summary['speaker_accuracy'], summary['speakers_scored'])} of "
                f"{summary['speakers_scored']} (speaker accuracy "
                f"{_two(summary['speaker_accuracy'])})"
            )
    else:
        first += "; no quotation is labelled, so quotations and speakers are not measured"
    paragraphs = [first + "."]
    more = []
    mixed = summary["mixed_paragraphs"]
    if mixed:
        more.append(
            f"{_of(summary['mixed_accuracy'], mixed)} of {_count(mixed, 'MIXED paragraph')}, "
            f"scored apart, get the role they are labelled with (accuracy "
            f"{_two(summary['mixed_accuracy'])})."
        )
    if 0 < n < 100:
        more.append(
            f"On {n} paragraphs one error more or less moves role accuracy by "
            f"{_two(1 / n)}: these figures describe the labelled articles; label more "
            "before citing them for a corpus."
        )
    if summary["unplaced_rows"]:
        more.append(
            f"{summary['unplaced_rows']} label rows could not be placed in the texts and "
            "are left out (see the table of problems)."
        )
    if more:
        paragraphs.append(" ".join(more))
    if "usage_f1" in summary:
        paragraphs.append(
            f"**Usage.** On {summary['usage_rows']} official sentences, used or omitted: "
            f"precision {_two(summary['usage_precision'])}, recall "
            f"{_two(summary['usage_recall'])}, F1 {_two(summary['usage_f1'])}; verbatim "
            f"precision {_two(summary['verbatim_precision'])}, recall "
            f"{_two(summary['verbatim_recall'])}; placement accuracy "
            f"{_two(summary['placement_accuracy'])} on the "
            f"{_count(summary['placement_rows'], 'sentence')} both the labels and the workbook "
            "count as used."
        )
    return "\n\n".join(paragraphs)


def no_labels_finding(folder: str | Path, sheet: str | Path | None = None) -> str:
    """The finding of a corpus with no hand labels: nothing is measured, and how to start.

    Args:
        folder: The corpus's ``labels/`` folder (:attr:`LabelFiles.folder`).
        sheet: Where a labelling sheet for the corpus was written, if it was.
    """
    written = f" (written to `{sheet}`)" if sheet is not None else ""
    return (
        "This corpus has no hand labels, so how far to trust its roles and speakers is "
        "not measured. No label file was given and there is no "
        f"`{Path(folder) / 'labels.csv'}`: fill in the labelling sheet below{written}, a "
        "role for each paragraph and the speaker of each quotation, save it as that file, "
        "and this notebook measures the workbook against it."
    )


def labelling_commands(corpus_path: str | Path | None = None) -> str:
    """The command lines that make, check and use hand labels for a corpus, as Markdown.

    Args:
        corpus_path: The corpus, shown as an absolute path; ``None`` shows ``CORPUS``.
    """
    corpus = "CORPUS" if corpus_path is None else str(Path(corpus_path).resolve())
    labels = f"{corpus}/labels/labels.csv"
    return (
        "From the repository's folder:\n\n"
        "```sh\n"
        f"# 1. every block and quotation with the workbook's role and speaker\n"
        f".venv/bin/python -m analysis labelling-sheet --corpus {corpus} --out {labels}\n"
        "# 2. fill in `label` (a role for a block; quote or no for a quotation),\n"
        "#    and `speaker` and `referent` for each quotation; leave rows unlabelled if you wish\n"
        f".venv/bin/python -m analysis validate --corpus {corpus} --labels {labels}\n"
        "# 3. the report, with this notebook measuring against the labels\n"
        f"make report CORPUS={corpus}  # finds labels/labels.csv by itself\n"
        f"make report CORPUS={corpus} LABELS=elsewhere/labels.csv QUOTES=... USAGE=...\n"
        "```"
    )


def confusion_finding(table: pd.DataFrame) -> str:
    """One sentence on a confusion matrix (:meth:`Validation.confusion`): its commonest error."""
    values = table.to_numpy()
    total, right = int(values.sum()), int(np.trace(values))
    if not total:
        return "No labelled paragraph to compare"
    if right == total:
        return f"All {total} labelled paragraphs get their gold role"
    errors = values.copy()
    np.fill_diagonal(errors, 0)
    row, column = np.unravel_index(int(np.argmax(errors)), errors.shape)
    gold, predicted, count = table.index[row], table.columns[column], int(errors[row, column])
    return (
        f"{right} of {total} labelled paragraphs get their gold role; the commonest error: "
        f"{count} {gold} paragraph{'s' if count > 1 else ''} taken for {predicted or 'no role'}"
    )
