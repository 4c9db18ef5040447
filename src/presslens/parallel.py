"""Use every core of one machine: analyse a record stream in a pool of worker processes.

`analyze_parallel(records, workers)` cuts the stream into chunks, sends each chunk to a
process that loaded the pipeline once, and yields the `Analysis` records in input order.
At most `2 × workers` chunks are in flight, so memory stays flat however long the stream.
Each worker watches the process that started the pool and exits when it is gone, so a
`kill -9` of a command leaves no worker behind.
`analyze_chunk` never raises: a record that breaks the pipeline, or runs past its time limit
(`time_allowed`, scaled by its length), gets an error entry and the rest of its chunk goes on.
The limit uses SIGALRM, so it holds in worker processes and in a command's main thread; the
Dask runner (`presslens.distributed`), which reuses `analyze_chunk` per partition in worker
threads, runs without it.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from itertools import chain, islice
from typing import Any

from . import analyze_many
from .model import Analysis
from .validate import DEFAULT_MAX_BYTES, printable

DEFAULT_CHUNK_SIZE = 16
# A worker is replaced after this many chunks: spaCy's vocabulary grows with every new word it
# sees, so recycling (one model load, ~2 s, per few thousand articles) keeps memory flat forever.
CHUNKS_PER_WORKER = 256
# Time allowed per record: a base plus a share per character (the full pipeline reads ~30,000
# characters a second on one core, so this is ~20x slack; a 2 MB article gets ~3 minutes).
SECONDS_PER_RECORD = 10.0
SECONDS_PER_CHARACTER = 1 / 1_500
# How often a worker checks that the process that started it is alive (it exits when not).
PARENT_CHECK_SECONDS = 1.0


class TimeLimitExceeded(TimeoutError):
    """A record's analysis ran past its time limit (a `TimeoutError`: `analyze_many` lets it through)."""


def time_allowed(records: list[Any]) -> float:
    """Seconds allowed to analyse `records` together."""
    size = sum(len(r["text"]) if isinstance(r, dict) and isinstance(r.get("text"), str) else 0 for r in records)
    return SECONDS_PER_RECORD * len(records) + size * SECONDS_PER_CHARACTER


@contextmanager
def time_limit(seconds: float):
    """Raise `TimeLimitExceeded` in this thread after `seconds` — where SIGALRM can be used (the
    main thread of a POSIX process); elsewhere, no limit."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise TimeLimitExceeded(f"analysis took longer than {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def default_workers() -> int:
    """The cores this process may use (respects CPU affinity, e.g. under Slurm or taskset)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def failed_analysis(record: Any, reason: str) -> Analysis:
    record_id = record.get("id") if isinstance(record, dict) else None
    return Analysis(text="", id=None if record_id is None else printable(record_id), errors=[reason])


def analyze_chunk(records: list[dict[str, Any]], max_bytes: int = DEFAULT_MAX_BYTES) -> list[Analysis]:
    """Analyse a list of records in this process; one result per record, never an exception."""
    try:
        with time_limit(time_allowed(records)):
            return list(analyze_many(records, max_bytes=max_bytes))
    except Exception:  # one record broke or stalled the batch: redo it record by record to isolate it
        results = []
        for record in records:
            try:
                with time_limit(time_allowed([record])):
                    results.extend(analyze_many([record], max_bytes=max_bytes))
            except TimeLimitExceeded as exc:
                results.append(failed_analysis(record, str(exc)))
            except Exception as exc:
                results.append(failed_analysis(record, f"analysis failed: {type(exc).__name__}: {exc}"))
        return results


def _alive(pid: int) -> bool:
    """Whether process `pid` still runs (a zombie, dead but not yet reaped, counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True  # no /proc (not Linux): the signal test is all there is


def _exit_with(parent: int) -> None:
    """In a worker: end this process within a second of `parent` ending, even by kill -9.

    Pool workers are children of the forkserver, not of `parent`, and block reading a queue
    whose other end they hold themselves, so nothing else would ever stop them.
    """
    def watch():
        while _alive(parent):
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="presslens-parent-watch", daemon=True).start()


def _start_worker(parent: int) -> None:
    from .pipeline import get_pipeline

    _exit_with(parent)
    get_pipeline()


def analyze_parallel(records: Iterable[dict[str, Any]], workers: int | None = None, *,
                     chunk_size: int = DEFAULT_CHUNK_SIZE, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Analysis]:
    """Analyse `{"text", "id"?, "published"?, …}` records in `workers` processes, yielding in input order.

    `workers=None` uses every available core; `workers=1`, or input that fits in one chunk, runs
    in this process.
    """
    workers = default_workers() if workers is None else workers
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    chunks = iter(lambda it=iter(records): list(islice(it, chunk_size)), [])
    head = list(islice(chunks, 2))
    chunks = chain(head, chunks)
    if workers == 1 or len(head) < 2:  # one chunk of work: starting processes would only cost time
        for chunk in chunks:
            yield from analyze_chunk(chunk, max_bytes)
        return
    # spawn-like start: workers do not inherit the parent's threads or half-loaded state
    context = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
    in_flight: deque[Future] = deque()
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),),
                               max_tasks_per_child=CHUNKS_PER_WORKER)
    try:
        for chunk in chunks:
            in_flight.append(pool.submit(analyze_chunk, chunk, max_bytes))
            if len(in_flight) >= 2 * workers:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()
    finally:  # also when the caller stops early: drop queued chunks instead of finishing them
        pool.shutdown(wait=True, cancel_futures=True)
