"""Every finding in prose, each derived from the table shown beside it.

A finding is a sentence a notebook prints under a table: each number in it is
read from that table (``tests/findings/test_findings.py`` reads them back), so the prose
cannot say what the table does not show. One module per analysis:
:mod:`~analysis.findings.corpus` (roles), :mod:`~analysis.findings.framing`,
:mod:`~analysis.findings.readability`, :mod:`~analysis.findings.sources`,
:mod:`~analysis.findings.topics` and
:mod:`~analysis.findings.validation`.

    >>> from analysis import findings
    >>> findings.confusion_finding.__module__
    'analysis.findings.validation'
"""

from analysis.findings.corpus import (
    corpus_coverage_finding,
    corpus_interval_finding,
    corpus_usage_finding,
    role_finding,
)
from analysis.findings.framing import (
    framing_findings,
    label_finding,
    omission_finding,
    outlet_finding,
    relay_finding,
    usage_finding,
    verb_finding,
    words_finding,
)
from analysis.findings.readability import (
    METRIC_NAMES,
    interval_finding,
    language_finding,
    method_finding,
    sentence_summary,
)
from analysis.findings.sources import source_kind_finding, voice_finding
from analysis.findings.topics import (
    attention_finding,
    coverage_finding,
    gap_finding,
    nmf_finding,
    order_finding,
)
from analysis.findings.validation import confusion_finding, no_labels_finding, validation_finding

__all__ = [
    "METRIC_NAMES",
    "attention_finding",
    "confusion_finding",
    "corpus_coverage_finding",
    "corpus_interval_finding",
    "corpus_usage_finding",
    "coverage_finding",
    "framing_findings",
    "gap_finding",
    "interval_finding",
    "label_finding",
    "language_finding",
    "method_finding",
    "nmf_finding",
    "no_labels_finding",
    "omission_finding",
    "order_finding",
    "outlet_finding",
    "relay_finding",
    "source_kind_finding",
    "role_finding",
    "sentence_summary",
    "usage_finding",
    "validation_finding",
    "voice_finding",
    "verb_finding",
    "words_finding",
]
