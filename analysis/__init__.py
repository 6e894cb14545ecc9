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

import os as _os

import pyarrow as _pa

# Arrow's default pool (mimalloc) keeps the buffers freed by each step of the
# workbook, which builds and drops large frames one after another: with the system
# allocator they go back at once (the benchmark's peak, over all processes, 2.06 GB
# with mimalloc, 1.81-1.87 GB with the system's, at the same speed). A pool the user chose stays.
if "ARROW_DEFAULT_MEMORY_POOL" not in _os.environ:
    _pa.set_memory_pool(_pa.system_memory_pool())

from analysis.cache import Loaded, load_workbook  # noqa: E402 - after the pool is set
from analysis.corpus import Corpus, load_corpus  # noqa: E402
from analysis.errors import CorpusError  # noqa: E402
from analysis.schema import ROLES  # noqa: E402

__all__ = ["Corpus", "CorpusError", "Loaded", "ROLES", "load_corpus", "load_workbook"]
__version__ = "0.1.0"
