import os

import numpy as np
import pytest

from analysis import parallel


def test_fork_map_returns_every_part_in_order_from_other_processes():
    here = os.getpid()
    results = parallel.fork_map(lambda k: (k * k, os.getpid()), 3)
    assert [value for value, _ in results] == [0, 1, 4]
    assert results[0][1] == here
    assert all(pid != here for _, pid in results[1:])


def test_fork_map_reraises_a_workers_error():
    def part(k):
        if k == 1:
            raise ValueError("part 1 failed")
        return k

    with pytest.raises(ValueError, match="part 1 failed"):
        parallel.fork_map(part, 2)


@pytest.mark.parametrize(
    ("lengths", "parts", "expected"),
    [
        ([5, 5, 5, 5], 2, [(0, 2), (2, 4)]),
        ([1, 1, 1, 100], 2, [(0, 4)]),
        ([100, 1, 1, 1], 2, [(0, 1), (1, 4)]),
        ([3], 2, [(0, 1)]),
        ([], 2, [(0, 0)]),
        ([1, 2, 3], 1, [(0, 3)]),
    ],
)
def test_balanced_parts_cover_every_item_once_in_order(lengths, parts, expected):
    got = parallel.balanced_parts(np.array(lengths), parts)
    assert got == expected


def test_one_process_below_the_minimum_or_on_one_cpu(monkeypatch):
    assert parallel.process_count(10, 100) == 1
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 1)
    assert parallel.process_count(1_000, 100) == 1
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 8)
    assert parallel.process_count(1_000, 100) == 2


def test_both_at_once_runs_the_second_job_elsewhere_and_keeps_each_to_one_process():
    here = os.getpid()

    def job():
        return os.getpid(), parallel.process_count(10**9, 1)

    (first_pid, first_count), (second_pid, second_count) = parallel.both_at_once(job, job, True)
    assert first_pid == here and second_pid != here
    assert first_count == second_count == 1  # neither splits its own work meanwhile
    assert parallel.process_count(10**9, 1) == min(2, parallel.usable_cpus())  # and after
    assert parallel.both_at_once(lambda: 1, lambda: 2, False) == (1, 2)


@pytest.mark.parametrize(
    ("environment", "backend"), [({}, "system"), ({"ARROW_DEFAULT_MEMORY_POOL": "jemalloc"}, None)]
)
def test_arrow_frees_to_the_system_unless_the_user_chose_a_pool(environment, backend):
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    env.update(environment)
    code = "import analysis, pyarrow as pa; print(pa.default_memory_pool().backend_name)"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    # A pool the user named stays theirs (jemalloc where the wheel has it, else Arrow's fallback).
    assert (out.stdout.strip() == backend) if backend else out.stdout.strip() != "system"
