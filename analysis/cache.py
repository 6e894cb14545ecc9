"""A corpus loaded and analysed once: its frames and analyses kept on disk.

:func:`load_workbook` is :func:`analysis.load_corpus` followed by
:func:`analysis.run.run_workbook`, with the result written to a cache folder
and read back the next time the same files are loaded by the same rules. The
report (``make report``) fills the cache once and every notebook reads it; an
analyst reopening a notebook in JupyterLab reads it too.

A cache entry is never stale. Its name is a hash of:

- the documents as read (every column of the ``articles`` frame before
  segmentation: ids, texts and metadata, so a changed or added file, or a
  changed manifest, makes a new entry);
- the rules: every file of the ``analysis`` package (code and ``data/``), the
  role and speaker limits and the workbook's :class:`~analysis.run.Rules`;
- the Python and pandas versions (a pickle is read by the versions that wrote it).

The files are read each time (that is quick); only segmentation and the
analyses are skipped. One entry is kept per corpus path: writing a new one
removes that path's older entries. An entry that cannot be read (cut short,
from another version) is ignored and written again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from analysis.corpus import Corpus, read_articles, segmented
from analysis.run import Rules, Workbook, run_workbook
from analysis.segment import RoleLimits, SpeakerLimits

__all__ = ["CACHE_SUFFIX", "Loaded", "cache_key", "load_workbook", "rules_fingerprint"]

CACHE_SUFFIX = ".pickle"
_PACKAGE = Path(__file__).resolve().parent


class Loaded(NamedTuple):
    """A corpus and its analyses, as :func:`load_workbook` gives them.

    Attributes:
        corpus: The loaded corpus (:class:`analysis.Corpus`).
        workbook: Its analyses (:class:`analysis.run.Workbook`).
        from_cache: Whether they were read from the cache.
        path: The cache entry read or written (``None`` without a cache folder).
    """

    corpus: Corpus
    workbook: Workbook
    from_cache: bool
    path: Path | None


@lru_cache(maxsize=1)
def rules_fingerprint() -> str:
    """A hash of every file of the ``analysis`` package: its code and its data.

    A change to any rule, lexicon or model changes it, and with it every cache key.
    """
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(
    articles: pd.DataFrame, role_limits: RoleLimits, speaker_limits: SpeakerLimits, rules: Rules
) -> str:
    """The name of the cache entry of these documents, analysed by these rules.

    Args:
        articles: The documents as read, before segmentation (every column counts).
        role_limits: The role rules' limits.
        speaker_limits: The speaker rules' limits.
        rules: The workbook's thresholds.
    """
    digest = hashlib.sha256()
    for part in (
        rules_fingerprint(),
        repr(role_limits),
        repr(speaker_limits),
        repr(rules),
        sys.version,
        pd.__version__,
        ",".join(articles.columns),
    ):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(pd.util.hash_pandas_object(articles, index=True).to_numpy().tobytes())
    return digest.hexdigest()[:32]


def load_workbook(
    path: str | Path | pd.DataFrame,
    *,
    cache_dir: str | Path | None = None,
    rules: Rules | None = None,
    role_limits: RoleLimits = RoleLimits(),  # noqa: B008 - frozen, so one shared default is safe
    speaker_limits: SpeakerLimits = SpeakerLimits(),  # noqa: B008 - frozen, as above
    **load_options,
) -> Loaded:
    """Load a corpus and run the workbook on it, reading both from a cache when it can.

    Args:
        path: A folder, a file or a DataFrame, as :func:`analysis.load_corpus` takes.
        cache_dir: The cache folder (created when missing); ``None`` caches nothing.
        rules: The workbook's thresholds (:class:`~analysis.run.Rules`); today's by default.
        role_limits: The limits of the role rules.
        speaker_limits: The limits of the speaker rules.
        load_options: Passed to :func:`analysis.load_corpus` (``errors``,
            ``max_file_bytes``, ``encoding``, ``dayfirst``, column names, ...).

    Returns:
        ``(corpus, workbook, from_cache, path)``: equal, frame for frame, to
        ``load_corpus`` and ``run_workbook`` run now.

    Raises:
        CorpusError: As :func:`analysis.load_corpus`.
    """
    rules = rules or Rules()
    progress = load_options.pop("progress", None)
    articles, skipped, root = read_articles(path, **load_options)
    entry = None
    if cache_dir is not None:
        key = cache_key(articles, role_limits, speaker_limits, rules)
        entry = Path(cache_dir) / f"{_root_tag(root)}-{key}{CACHE_SUFFIX}"
        found = _read_entry(entry)
        if found is not None:
            corpus, workbook = found
            corpus.root, corpus.skipped = root, skipped
            return Loaded(corpus, workbook, True, entry)
    corpus = segmented(
        articles,
        root,
        progress,
        skipped=skipped,
        role_limits=role_limits,
        speaker_limits=speaker_limits,
    )
    workbook = run_workbook(corpus, rules=rules)
    if entry is not None:
        _write_entry(entry, corpus, workbook)
    return Loaded(corpus, workbook, False, entry)


def _root_tag(root: Path) -> str:
    """A short hash of the corpus path: the entries of one corpus share it."""
    name = str(root) if str(root).startswith("<") else str(root.resolve())
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]


def _read_entry(entry: Path) -> tuple[Corpus, Workbook] | None:
    """The corpus and workbook of a cache entry, or ``None`` if missing or unreadable."""
    if not entry.is_file():
        return None
    try:
        with entry.open("rb") as handle:
            corpus, workbook = pickle.load(handle)  # noqa: S301 - our own cache, written below
    except Exception:  # noqa: BLE001 - a bad entry is a cache miss: computed and written again
        return None
    if not isinstance(corpus, Corpus) or not isinstance(workbook, Workbook):
        return None
    return corpus, workbook


def _write_entry(entry: Path, corpus: Corpus, workbook: Workbook) -> None:
    """Write an entry atomically, then remove the older entries of the same corpus path.

    A cache that cannot be written (a read-only folder, a full disk) is no error:
    the corpus was analysed, and the next run analyses it again.
    """
    with contextlib.suppress(OSError):
        entry.parent.mkdir(parents=True, exist_ok=True)
        # The root and the skipped files are the caller's, set on every read.
        kept = Corpus(**{**corpus.__dict__, "root": Path(), "skipped": corpus.skipped.iloc[:0]})
        partial = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump((kept, workbook), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, entry)
        tag = entry.name.split("-", 1)[0]
        for old in entry.parent.glob(f"{tag}-*{CACHE_SUFFIX}"):
            if old != entry:
                old.unlink(missing_ok=True)
