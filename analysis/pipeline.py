"""The whole workbook on a loaded corpus: framing, readability and topics.

The analyses are independent of one another but for framing's reuse, which
needs the sentence units. On a large corpus they are scheduled over the two
cores: alignment and verbs in this process while a forked worker scores
readability, finds topic mentions and checks quotations; then reuse, split
over both processes itself. Each result is the one its module gives alone.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis import framing, readability, topics
from analysis.corpus import Corpus
from analysis.parallel import process_count, side_by_side

__all__ = ["Analyses", "PARALLEL_MIN_DOCUMENTS", "analyse"]

PARALLEL_MIN_DOCUMENTS = 2_000  # below this, one process does it all sooner


@dataclass
class Analyses:
    """Every analysis of a corpus.

    Attributes:
        framing: :func:`analysis.framing.analyse`.
        readability: :func:`analysis.readability.suite` of every document loaded
            from a file (derived official texts are parts of those), indexed
            like ``corpus.articles``.
        mentions: :func:`analysis.topics.find_mentions` with the default lexicon.
    """

    framing: framing.Framing
    readability: pd.DataFrame
    mentions: pd.DataFrame


def analyse(corpus: Corpus) -> Analyses:
    """Run framing, readability and topics on a loaded corpus.

    Args:
        corpus: From :func:`analysis.corpus.load_corpus`.

    Returns:
        The three analyses, equal to running each module's own function.
    """
    files = corpus.articles.loc[corpus.articles["derived_from"] == "", "text"]

    def alignment_side() -> tuple:
        units = framing.units(corpus)
        alignment, sources, usage = framing.align(corpus, units)
        return units, alignment, sources, usage, framing.verb_pairs(alignment)

    def other_side() -> tuple:
        # The lightest in memory last: alignment, beside it, peaks near its end.
        mentions = topics.find_mentions(corpus)
        scores = readability.suite(files)
        return framing.quote_fidelity(corpus), scores, mentions

    two = process_count(len(corpus.articles), PARALLEL_MIN_DOCUMENTS) > 1
    (units, alignment, sources, usage, verbs), (quotes, scores, mentions) = side_by_side(
        alignment_side, other_side, two
    )
    result = framing.Framing(
        units=units,
        alignment=alignment,
        sources=sources,
        usage=usage,
        reuse=framing.reuse(corpus, units),
        verbs=verbs,
        quotes=quotes,
    )
    return Analyses(framing=result, readability=scores, mentions=mentions)
