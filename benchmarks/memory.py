"""Peak memory of a benchmark: this process, its workers, and all of them at once."""

from __future__ import annotations

import resource

__all__ = ["MemorySampler", "peak_rss_mb", "peak_worker_rss_mb"]


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB (Linux reports KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def peak_worker_rss_mb() -> float:
    """Peak resident memory of the largest finished worker process, in MiB.

    A forked worker shares its parent's pages until either writes to them, and
    its resident size counts the shared ones too: parent plus worker overstates
    what both held at once.
    """
    return round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)


class MemorySampler:
    """Peak memory of this process and every process it started, sampled while it runs.

    Each sample sums the proportional set size (Linux ``/proc/PID/smaps_rollup``)
    of the process tree: a page shared by a forked worker and its parent counts
    once in all. Samples are 0.5 s apart (a read costs a few milliseconds per GB
    of the process), so a shorter spike can be missed.
    """

    def __init__(self, every: float = 0.5) -> None:
        import threading

        self.every = every
        self.peak_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak_mb(self) -> float | None:
        """The peak in MiB, or ``None`` where ``/proc`` cannot tell (not Linux)."""
        return round(self.peak_kib / 1024, 1) if self.peak_kib else None

    def _run(self) -> None:
        import os

        while not self._stop.is_set():
            total = sum(_pss_kib(pid) for pid in _process_tree(os.getpid()))
            self.peak_kib = max(self.peak_kib, total)
            self._stop.wait(self.every)


def _process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants (Linux ``/proc/PID/task/TID/children``)."""
    import os

    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as file:
                    todo.extend(int(child) for child in file.read().split())
        except OSError:  # gone meanwhile, or no /proc
            continue
    return found


def _pss_kib(pid: int) -> int:
    """Proportional set size of one process in KiB (0 if it is gone or unreadable)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as file:
            for line in file:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0
