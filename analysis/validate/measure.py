"""Measure a corpus against its hand labels: :func:`validate` and the :class:`Validation`.

:func:`validate` reads the label files, asks each agreement (roles, quotations,
usage) of the corpus, and sums them up in :func:`figures`; with
``bodies_only`` the corpus is first loaded again from its texts alone
(:func:`load_bodies`).
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.corpus import Corpus, load_corpus
from analysis.validate.labels import (
    QUOTE_COLUMNS,
    USAGE_COLUMNS,
    _check_ids,
    _check_usage,
    _read,
    read_labels,
)
from analysis.validate.quotes import quote_agreement
from analysis.validate.roles import role_agreement
from analysis.validate.scores import _prf, cohen_kappa, confusion_matrix, per_role_scores
from analysis.validate.usage import _empty_usage, usage_agreement

__all__ = ["Validation", "figures", "load_bodies", "validate"]


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
        corpus: The corpus measured (loaded again from its bodies with ``bodies_only``).
    """

    roles: pd.DataFrame
    quotes: pd.DataFrame
    usage: pd.DataFrame
    problems: pd.DataFrame
    mode: str = "manifest"
    summary: dict = field(default_factory=dict)
    corpus: Corpus | None = field(default=None, repr=False)

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
        corpus=loaded,
    )
    result.summary = figures(result, usage_given=gold_usage is not None)
    return result


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
