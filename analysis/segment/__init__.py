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

from analysis.segment.articles import NOT_PROSE, segment_all, segment_articles
from analysis.segment.attributions import REPORTED_RULES, Attribution, find_attributions
from analysis.segment.blocks import Block, Layout, layout_each, paragraph_bounds, paragraph_spans
from analysis.segment.cue_model import MODEL_PATH, CueModel, bare_form, cue_model, features, tokens
from analysis.segment.limits import RoleLimits, SpeakerLimits
from analysis.segment.names import TITLE_WORDS
from analysis.segment.official import official_source
from analysis.segment.quotes import Quotation, find_quotations, mask_quotes
from analysis.segment.reuse import ReuseCache, reused_shares
from analysis.segment.roles import ROLE_RULES, classify_blocks
from analysis.segment.speakers import attribute_speakers
from analysis.segment.terms import TERM_RULES, UNSPOKEN_EVIDENCE, Term, split_terms
from analysis.segment.view import BlockView, RoleState

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
