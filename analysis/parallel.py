"""Work split over two processes on a large corpus.

The machines this workbook targets have few cores, and its hot loops are Python:
a second process is the one way to use the second core. Workers are forked, so
they inherit the texts and compiled tables already in memory; only each part's
result is pickled back.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

import numpy as np

__all__ = ["balanced_parts", "fork_map", "process_count", "both_at_once", "usable_cpus"]

T = TypeVar("T")
U = TypeVar("U")

_FORKED: list[Callable] = []  # the function a forked worker runs, set only during fork_map
_BOTH_AT_ONCE: list[bool] = []  # set while both_at_once runs two jobs, one per core


def _call(part: int):
    return _FORKED[0](part)


def fork_map(function: Callable[[int], T], parts: int) -> list[T]:
    """``[function(0), ..., function(parts - 1)]``, part 0 here and the others in forked workers.

    Args:
        function: Computes one part from state it closes over (a closure is fine:
            the workers are forked, so it is never pickled).
        parts: How many parts; 1 runs everything in this process.

    Returns:
        The parts' results, in order.
    """
    if parts <= 1:
        return [function(0)]
    _FORKED[:] = [function]
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(parts - 1, mp_context=context) as pool:
            others = [pool.submit(_call, part) for part in range(1, parts)]
            first = function(0)
            return [first, *(future.result() for future in others)]
    finally:
        _FORKED.clear()


def balanced_parts(lengths: np.ndarray, parts: int) -> list[tuple[int, int]]:
    """Split items into ``parts`` runs of about equal total length, in order.

    Returns:
        ``(start, stop)`` of each non-empty run.
    """
    lengths = np.asarray(lengths, dtype=np.int64)
    if parts <= 1 or len(lengths) < parts:
        return [(0, len(lengths))]
    cuts = np.searchsorted(np.cumsum(lengths), lengths.sum() * np.arange(1, parts) / parts)
    edges = [0, *[int(c) + 1 for c in cuts], len(lengths)]
    return [(a, b) for a, b in zip(edges[:-1], edges[1:], strict=True) if b > a]


def usable_cpus() -> int:
    """CPUs this process may run on."""
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def process_count(size: int, minimum: int) -> int:
    """Two processes for work of at least ``minimum`` (same unit as ``size``), else one.

    One where ``fork`` is missing (Windows, macOS defaults aside) or only one CPU
    is usable: a second process would then cost more than it saves; and one
    while :func:`both_at_once` already runs two jobs.
    """
    if _BOTH_AT_ONCE or size < minimum or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(2, usable_cpus())


def both_at_once(first: Callable[[], T], second: Callable[[], U], two: bool) -> tuple[T, U]:
    """``(first(), second())``; with ``two``, ``second`` runs in a forked worker meanwhile.

    For independent jobs that each run in one process: while both run, neither
    splits its own work (``process_count`` gives 1), so two processes share the
    two cores. ``two`` is usually ``process_count(size, minimum) > 1``.
    """
    if not two:
        return first(), second()
    _BOTH_AT_ONCE.append(True)
    try:
        one, other = fork_map(lambda part: second() if part else first(), 2)
    finally:
        _BOTH_AT_ONCE.pop()
    return one, other
