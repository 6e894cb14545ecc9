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

* Source kinds (``--source-kinds``): :mod:`~analysis.validate.kinds` reads a
  kind per quotation of ``quotes.csv`` or per Source span of brat labels, and
  measures :func:`analysis.framing.source_kinds` against it.
* A folder of attribution labels in brat standoff (PolNeAR, PARC 3.0, brat,
  INCEpTION): :mod:`~analysis.validate.brat` reads it and
  :mod:`~analysis.validate.attributions` measures quotations, speakers and
  reported speech against it (``validate --attributions``).

The modules, one job each: :mod:`~analysis.validate.labels` reads and checks
the label files; :mod:`~analysis.validate.roles`, :mod:`~analysis.validate.quotes`
and :mod:`~analysis.validate.usage` measure each agreement, with the scores of
:mod:`~analysis.validate.scores`; :mod:`~analysis.validate.measure` runs them
(:func:`validate`); :mod:`~analysis.validate.readout` puts the figures in
words; :mod:`~analysis.validate.sheet` makes the labelling sheet.
"""

from analysis.validate.attributions import (
    AttributionAgreement,
    attribution_agreement,
    gold_attributions,
    source_matches,
)
from analysis.validate.brat import brat_files, read_brat
from analysis.validate.kinds import (
    kind_agreement,
    kind_confusion,
    kind_figures,
    read_kind_labels,
)
from analysis.validate.labels import LabelFiles, find_label_files, read_labels
from analysis.validate.measure import Validation, figures, load_bodies, validate
from analysis.validate.quotes import quote_agreement, speaker_matches
from analysis.validate.readout import (
    figure,
    figures_table,
    kappa_band,
    report_lines,
    share_count,
    summary_lines,
)
from analysis.validate.roles import role_agreement
from analysis.validate.scores import cohen_kappa, confusion_matrix, per_role_scores
from analysis.validate.sheet import labelling_commands, labelling_sheet, write_labelling_sheet
from analysis.validate.usage import usage_agreement

__all__ = [
    "AttributionAgreement",
    "attribution_agreement",
    "brat_files",
    "gold_attributions",
    "read_brat",
    "articles_through",
    "train_cue_model",
    "source_matches",
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
    "labelling_commands",
    "report_lines",
    "summary_lines",
    "figures",
    "per_role_scores",
    "confusion_matrix",
    "figure",
    "share_count",
    "kind_agreement",
    "kind_confusion",
    "kind_figures",
    "read_kind_labels",
]


def __getattr__(name: str):
    # The cue model's training reads the segmentation's rule tables, whose patterns
    # take a third of a second to compile: imported when first asked for (PEP 562),
    # not by every notebook that reads a figure.
    if name in ("articles_through", "train_cue_model"):
        from analysis.validate import cue_training

        return getattr(cue_training, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
