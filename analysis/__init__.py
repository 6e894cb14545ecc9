"""Media-framing workbook: how did the press rewrite what a government said?

``load_corpus`` reads news articles and official texts into a :class:`Corpus`
of tidy frames (``load_workbook`` also runs the whole workbook on it, once:
:mod:`analysis.cache` keeps both on disk); the subpackages analyse it, one job each, in layers that
import downward only (the README's "Layout" draws them):

- :mod:`analysis.load`, :mod:`analysis.segment`: files into documents, documents
  into blocks with roles, sentences, quotations and speakers;
- :mod:`analysis.framing`, :mod:`analysis.readability`, :mod:`analysis.topics`:
  the analyses; :mod:`analysis.validate`: agreement with hand labels;
- :mod:`analysis.findings` (prose read from tables), :mod:`analysis.views`
  (tables, HTML, charts), :mod:`analysis.run` (the whole workbook, in pandas
  or on Dask), :mod:`analysis.report` (the offline HTML report).
"""

from analysis.cache import Loaded, load_workbook
from analysis.corpus import Corpus, load_corpus
from analysis.errors import CorpusError
from analysis.schema import ROLES

__all__ = ["Corpus", "CorpusError", "Loaded", "ROLES", "load_corpus", "load_workbook"]
__version__ = "0.1.0"
