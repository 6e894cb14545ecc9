"""Framing: how the journalist rewrote the official text.

For every news article and each official text it reports on (found embedded in
the article, or loaded from its own file and named in ``pairs_with``), this
package measures:

* **reuse** (:mod:`~analysis.framing.textreuse`): word 3-gram containment in
  both directions (as in the METER project, Clough et al. 2002), coverage by
  shared character runs of 15 or more (as Churnalism did), the longest shared
  runs, and a derivation class;
* **alignment** (:mod:`~analysis.framing.alignment`, on the vectors of
  :mod:`~analysis.framing.vectors`): each journalist sentence against its best
  official sentence(s), labelled verbatim, close paraphrase, loose paraphrase or
  added; and each official sentence by where the article used it
  (:mod:`~analysis.framing.usage`): headline, lede, body, or omitted;
* **verbs** (:mod:`~analysis.framing.verbs`): the reporting verbs of each aligned
  pair, graded by the lexicon in ``data/verbs.toml``, and the shift from the
  official verb to the journalist's;
* **quote fidelity** (:mod:`~analysis.framing.fidelity`): each quotation checked
  against the official texts;
* **distinctive words** (:mod:`~analysis.framing.words`): log-odds ratios with an
  informative Dirichlet prior (Monroe, Colaresi & Quinn 2008) taken from a
  background English frequency list.

:func:`framing_of` (:mod:`~analysis.framing.combined`) runs them all into a
:class:`Framing`; :mod:`~analysis.framing.outlets` tables it across outlets (the prose is in
:mod:`analysis.findings`) and
:mod:`~analysis.views.diffs` shows aligned pairs side by side.

"Journalist text" is the article's headline and journalist blocks, plus any
sentence it copies word for word from a paired document without attribution
(:mod:`~analysis.framing.sentences`); "official text" is the official document's
sentences. Every row keeps ids and character offsets into ``articles.text``.

Thresholds are ours, chosen on the hand-made pairs in ``tests/fixtures/framing``,
and are the fields of frozen dataclasses in :mod:`~analysis.framing.rules`, each
with its reason, so that an analyst can change them: the 3-level derivation
scheme is METER's (wholly, partially, non-derived; Clough, Gaizauskas, Piao &
Wilks 2002, "METER: MEasuring TExt Reuse", ACL), which learned its cut-offs from
its annotated corpus and does not publish one pair of values. An article is
*wholly derived* when at least ``ReuseRules.wholly_derived`` (0.6) of its
journalist-text 3-grams occur in the official text, *partially derived* from
``ReuseRules.partially_derived`` (0.15), otherwise *non-derived*. Sentence labels
use ``AlignRules.verbatim``, ``close_cosine``, ``close_containment`` and
``loose_union``; usage, :class:`UsageRules`; quote fidelity,
``FidelityRules.altered_share``.
"""

from __future__ import annotations

from analysis.framing.accounts import attributed_units, relayed_usage
from analysis.framing.alignment import align
from analysis.framing.attributed import (
    ATTRIBUTED_COLUMNS,
    RELAYS,
    SOURCE_KINDS,
    AttributedRules,
    SourceLexicon,
    SourceLexiconError,
    load_sources,
    source_kinds,
)
from analysis.framing.combined import framing_of, read_through
from analysis.framing.fidelity import quote_fidelity
from analysis.framing.outlets import omission_matrix, outlet_summary, usage_by_article
from analysis.framing.result import Framing
from analysis.framing.rules import AlignRules, FidelityRules, ReuseRules, UsageRules
from analysis.framing.sentences import USAGE_ROLES, official_units, units
from analysis.framing.textreuse import REUSE_COLUMNS, derivation_class, reuse
from analysis.framing.usage import USAGE_COLUMNS
from analysis.framing.vectors import UnitStatistics, unit_statistics
from analysis.framing.verbs import VerbLexicon, load_verbs, verb_pairs
from analysis.framing.voices import VOICES, sources_table, top_sources, voice_shares
from analysis.framing.words import distinctive_words, unmentioned_words

__all__ = [
    "ATTRIBUTED_COLUMNS",
    "RELAYS",
    "REUSE_COLUMNS",
    "SOURCE_KINDS",
    "VOICES",
    "USAGE_COLUMNS",
    "USAGE_ROLES",
    "AlignRules",
    "AttributedRules",
    "FidelityRules",
    "Framing",
    "ReuseRules",
    "SourceLexicon",
    "SourceLexiconError",
    "UnitStatistics",
    "UsageRules",
    "VerbLexicon",
    "align",
    "attributed_units",
    "derivation_class",
    "distinctive_words",
    "framing_of",
    "load_sources",
    "load_verbs",
    "official_units",
    "omission_matrix",
    "outlet_summary",
    "quote_fidelity",
    "read_through",
    "relayed_usage",
    "reuse",
    "source_kinds",
    "sources_table",
    "top_sources",
    "unit_statistics",
    "units",
    "unmentioned_words",
    "usage_by_article",
    "verb_pairs",
    "voice_shares",
]
