"""Topics: which topics each voice covers, how prominently, and across a corpus.

A *lexicon* (TOML, :func:`load_lexicon`) lists topics, each with phrase
patterns. :func:`find_mentions` finds every pattern in every document and
returns one row per mention with its character offsets, sentence and role, so
each count traces back to its words. From the mentions:

* :func:`coverage`: mentions per 1,000 words and share of sentences, by role,
  article or outlet;
* :func:`compare_voices`: for one news article, the topics of the journalist's
  words (headline and own prose) against those of the official text it
  reports on: order, first position, headline and lede presence, a
  position-weighted score, and whether the article kept, added or dropped each
  topic;
* :func:`attention`: over a corpus, the share of news articles per outlet or
  month that mention each topic;
* :func:`nmf_topics`: data-driven topics (NMF over TF-IDF) with their
  stability across random seeds, for corpora of a few dozen articles or more.

Prominence score: a topic's score in a voice is the sum, over its mentions,
of ``0.5 ** (w / half_life)``, where ``w`` is the number of words of that
voice before the mention (the headline comes first, so a headline mention has
``w`` near 0 and weighs about 1) and ``half_life`` is 100 words by default: a
mention 100 words in counts half as much as one at the top, in line with the
inverted pyramid of news writing. The score grows with repetition and with
nearness to the top.

Matching is one compiled regular expression per lexicon (two: patterns that
are case-sensitive and those that are not) run over all documents at once, so
finding mentions costs one pass over the text, not a topic-by-sentence loop.

The modules, each one job, in the order they build on one another:
:mod:`~analysis.topics.patterns` (the pattern language),
:mod:`~analysis.topics.lexicon` (:func:`load_lexicon`, :class:`Lexicon`),
:mod:`~analysis.topics.documents` (the documents counted),
:mod:`~analysis.topics.mentions` (:func:`find_mentions`),
:mod:`~analysis.topics.coverage_tables` (:func:`coverage`),
:mod:`~analysis.topics.prominence` (:func:`compare_voices`),
:mod:`~analysis.topics.attention_tables` (:func:`attention`),
:mod:`~analysis.topics.nmf` (:func:`nmf_topics`) and
its findings in prose are in :mod:`analysis.findings`.
"""

from analysis.errors import LexiconError
from analysis.topics.attention_tables import attention, attention_matrix
from analysis.topics.coverage_tables import coverage, role_topic_table
from analysis.topics.lexicon import DEFAULT_LEXICON, Lexicon, Topic, load_lexicon
from analysis.topics.mentions import MENTION_COLUMNS, find_mentions
from analysis.topics.nmf import NmfRules, NmfTopics, nmf_topics
from analysis.topics.patterns import compile_pattern
from analysis.topics.prominence import compare_voices

__all__ = [
    "DEFAULT_LEXICON",
    "MENTION_COLUMNS",
    "Lexicon",
    "LexiconError",
    "NmfRules",
    "NmfTopics",
    "Topic",
    "attention",
    "attention_matrix",
    "compare_voices",
    "compile_pattern",
    "coverage",
    "find_mentions",
    "load_lexicon",
    "nmf_topics",
    "role_topic_table",
]
