"""Media-framing workbook: how did the press rewrite what a government said?

The public API, re-exported from the modules that do each job.
"""

from analysis.corpus import Corpus, load_corpus
from analysis.errors import CorpusError
from analysis.schema import ROLES

__all__ = ["Corpus", "CorpusError", "ROLES", "load_corpus"]
__version__ = "0.1.0"
