"""The whole framing analysis of a corpus, each measure given its rules."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from analysis.corpus import Corpus
from analysis.framing.accounts import attributed_units, relayed_usage
from analysis.framing.alignment import align
from analysis.framing.attributed import AttributedRules, source_kinds
from analysis.framing.fidelity import quote_fidelity
from analysis.framing.result import Framing
from analysis.framing.rules import AlignRules, FidelityRules, ReuseRules, UsageRules
from analysis.framing.sentences import units
from analysis.framing.textreuse import reuse
from analysis.framing.vectors import UnitStatistics
from analysis.framing.verbs import verb_pairs

__all__ = ["framing_of", "read_through"]


def framing_of(
    corpus: Corpus,
    *,
    align_rules: AlignRules = AlignRules(),  # noqa: B008 - frozen, so one shared default is safe
    usage_rules: UsageRules = UsageRules(),  # noqa: B008 - frozen, so one shared default is safe
    reuse_rules: ReuseRules = ReuseRules(),  # noqa: B008 - frozen, so one shared default is safe
    fidelity_rules: FidelityRules = FidelityRules(),  # noqa: B008 - frozen, so one shared default is safe
    attributed_rules: AttributedRules = AttributedRules(),  # noqa: B008 - frozen, so one shared default is safe
    frame: pd.DataFrame | None = None,
    statistics: UnitStatistics | None = None,
) -> Framing:
    """Run the whole framing analysis on every paired article of a corpus.

    Args:
        corpus: The loaded corpus.
        align_rules: Which sentences are compared, and how they are labelled.
        usage_rules: When an official sentence counts as used.
        reuse_rules: The n-gram size, run length and derivation cut-offs.
        fidelity_rules: When a changed quotation is still of an official sentence.
        attributed_rules: When a sentence is somebody's account.
        frame: The sentences from :func:`units` (computed with ``align_rules`` if not given).
        statistics: The whole corpus's counts when ``corpus`` is a part of it (see
            :func:`~analysis.framing.align`).
    """
    frame = units(corpus, rules=align_rules) if frame is None else frame
    alignment, sources, usage = align(
        corpus, frame, rules=align_rules, usage_rules=usage_rules, statistics=statistics
    )
    attributions = source_kinds(corpus, rules=attributed_rules)
    return read_through(
        Framing(
            units=frame,
            alignment=alignment,
            sources=sources,
            usage=usage,
            reuse=reuse(corpus, frame, rules=reuse_rules),
            verbs=verb_pairs(alignment),
            quotes=quote_fidelity(corpus, rules=fidelity_rules),
            attributions=attributions,
        ),
        attributed_rules,
    )


def read_through(result: Framing, rules: AttributedRules) -> Framing:
    """Framing's sentences and usage read through its attributions (whose account each is)."""
    units = attributed_units(result.units, result.attributions, rules=rules)
    return replace(result, units=units, usage=relayed_usage(result.usage, units))
