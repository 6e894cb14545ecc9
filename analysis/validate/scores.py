"""The agreement scores: precision, recall and F1, a confusion matrix, Cohen's kappa."""

from __future__ import annotations

import pandas as pd

from analysis.schema import ROLES

__all__ = ["cohen_kappa", "confusion_matrix", "per_role_scores"]


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
