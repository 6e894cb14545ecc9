"""Segmentation: blocks and their roles, sentences, quotations and their speakers.

Each decision comes with its evidence. The modules, in the order the work runs:
:mod:`~analysis.segment.blocks` (paragraphs and sentences, over arrays),
:mod:`~analysis.segment.reuse` (word n-grams shared with a paired official text),
:mod:`~analysis.segment.quotes` (quotations; :mod:`~analysis.segment.terms` sets
titles and terms apart) and :mod:`~analysis.segment.speakers` (who said them, by
the rule table of :mod:`~analysis.segment.speaker_rules`;
:mod:`~analysis.segment.names` turns phrases into names),
:mod:`~analysis.segment.attributions` (every attribution, reported speech included,
by the rule table of :mod:`~analysis.segment.reported_rules` and
:mod:`~analysis.segment.cue_model`, the trained cue model, whose cues
:mod:`~analysis.segment.learned_rules` reads),
:mod:`~analysis.segment.roles` (the table of role rules, with the rules of
:mod:`~analysis.segment.furniture` and :mod:`~analysis.segment.official`, over
:mod:`~analysis.segment.view`), and :mod:`~analysis.segment.articles`, the
per-article driver. :mod:`~analysis.segment.limits` holds the tunable limits.
"""

import importlib

# A submodule and a function share this name: bound here, first, the function stays
# the package's attribute when the submodule is imported later (it is cheap).
from analysis.segment.cue_model import cue_model

# Each public name and the module that defines it. They are imported when first
# asked for (PEP 562): a notebook that reads a cached corpus needs RoleLimits and
# SpeakerLimits, not the rule tables, whose patterns take a third of a second to
# compile.
_MODULES = {
    "NOT_PROSE": "articles",
    "segment_all": "articles",
    "segment_articles": "articles",
    "REPORTED_RULES": "attributions",
    "Attribution": "attributions",
    "find_attributions": "attributions",
    "Block": "blocks",
    "Layout": "blocks",
    "layout_each": "blocks",
    "paragraph_bounds": "blocks",
    "paragraph_spans": "blocks",
    "MODEL_PATH": "cue_model",
    "CueModel": "cue_model",
    "bare_form": "cue_model",
    "features": "cue_model",
    "tokens": "cue_model",
    "RoleLimits": "limits",
    "SpeakerLimits": "limits",
    "TITLE_WORDS": "names",
    "official_source": "official",
    "Quotation": "quotes",
    "find_quotations": "quotes",
    "mask_quotes": "quotes",
    "ReuseCache": "reuse",
    "reused_shares": "reuse",
    "ROLE_RULES": "roles",
    "classify_blocks": "roles",
    "attribute_speakers": "speakers",
    "TERM_RULES": "terms",
    "UNSPOKEN_EVIDENCE": "terms",
    "UNSPOKEN_NAME_EVIDENCE": "terms",
    "Term": "terms",
    "split_terms": "terms",
    "BlockView": "view",
    "RoleState": "view",
}


def __getattr__(name: str):
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "Block",
    "paragraph_spans",
    "paragraph_bounds",
    "layout_each",
    "classify_blocks",
    "official_source",
    "ROLE_RULES",
    "RoleState",
    "BlockView",
    "Layout",
    "ReuseCache",
    "reused_shares",
    # from the former analysis.quotes
    "Quotation",
    "find_quotations",
    "attribute_speakers",
    "mask_quotes",
    # quoted words nobody said
    "TERM_RULES",
    "Term",
    "split_terms",
    "UNSPOKEN_EVIDENCE",
    "UNSPOKEN_NAME_EVIDENCE",
    # who said what, quoted or reported
    "Attribution",
    "REPORTED_RULES",
    "find_attributions",
    "CueModel",
    "cue_model",
    "MODEL_PATH",
    "NOT_PROSE",
    "bare_form",
    "features",
    "tokens",
    "TITLE_WORDS",
    # the tunable limits
    "RoleLimits",
    "SpeakerLimits",
    "segment_all",
    "segment_articles",
]
