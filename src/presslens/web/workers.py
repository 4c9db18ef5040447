"""The web app's analysis workers: a bounded pool of processes, so one long article blocks nobody.

Each worker is a process that loads the pipeline once and analyses one article at a time;
the web process itself never loads the model.  `AnalysisPool.analyze()` is called from the
request threads and

- runs at most `workers - 1` long articles (`long_characters` or more) at once, so one worker
  is always left for short ones: a 300 KB article never makes a 50-word request wait for it;
- lets at most `max_waiting` requests of each kind (long, short) wait beyond what can run at
  once; one more is refused at once with `PoolBusy` (the app answers 503 with Retry-After), and
  so is one that found no worker within `max_wait` seconds.  Long articles waiting never take
  a short one's place in the line;
- gives each analysis a time limit scaled by its length (`presslens.parallel.time_allowed`, the
  batch rule), counted in the worker's CPU time where /proc shows it (so a busy machine does not
  fail articles that are merely waiting for a core) and, as a backstop, `WALL_SLACK` times that
  in wall-clock time; a worker past it is killed and replaced, and the request gets `AnalysisTimeout`.

Workers are spawned (they inherit no threads of the server), started by `start()` (the app does
so at startup) or on first use, replaced when they die, and exit when the server process goes:
their end of the pipe closes.
"""
from __future__ import annotations

import math
import multiprocessing
import os
import queue
import threading
import time
import weakref
from typing import Any

from ..model import Analysis
from ..parallel import time_allowed
from ..validate import DEFAULT_MAX_BYTES, InputError

DEFAULT_WORKERS = 2
DEFAULT_MAX_WAITING = 16
DEFAULT_MAX_WAIT = 60.0  # seconds a request may wait for a free worker
LONG_CHARACTERS = 20_000  # about 3,000 words: longer articles share the long-article lane
START_TIMEOUT = 300.0  # seconds a new worker may take to load the model on a busy machine
JOBS_PER_WORKER = 500  # a worker is replaced after this many articles: spaCy's vocabulary only grows
WALL_SLACK = 10  # wall-clock backstop: this many times the CPU-time limit
POLL_SECONDS = 0.25


class PoolBusy(Exception):
    """Every worker is busy and the waiting line is full (or did not move in time)."""

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


class AnalysisTimeout(Exception):
    """An article's analysis ran past its time limit; its worker was replaced."""


class AnalysisFailed(Exception):
    """The pipeline failed on an article, or its worker died."""


def worker_main(conn) -> None:
    """A worker: load the pipeline, say so, then analyse each job sent until the pipe closes."""
    from .. import analyze
    from ..pipeline import get_pipeline

    get_pipeline()
    try:
        conn.send(("ready", None))
    except (BrokenPipeError, OSError):  # the server went while the model loaded
        return
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):  # the server is gone
            return
        try:
            reply = ("ok", analyze(**job))
        except InputError as exc:
            reply = ("refused", str(exc))
        except Exception as exc:  # the reason goes back to the request; the worker goes on
            reply = ("failed", f"{type(exc).__name__}: {exc}")
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return


class Worker:
    """One worker process and the server's end of its pipe."""

    def __init__(self, context):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=worker_main, args=(child,), daemon=True, name="presslens-analysis")
        self.process.start()
        child.close()
        self.ready = False
        self.jobs = 0
        self._ready_lock = threading.Lock()

    def wait_ready(self) -> None:
        """Block until the worker has loaded the model."""
        with self._ready_lock:
            if not self.ready:
                if not self.conn.poll(START_TIMEOUT):
                    raise AnalysisFailed(f"the analysis worker did not start within {START_TIMEOUT:.0f} s")
                self.conn.recv()
                self.ready = True

    def analyze(self, job: dict[str, Any], seconds: float) -> Analysis:
        self.wait_ready()
        self.jobs += 1
        cpu_at_start, started = cpu_seconds(self.process.pid), time.monotonic()
        self.conn.send(job)
        while not self.conn.poll(POLL_SECONDS):
            cpu = cpu_seconds(self.process.pid)
            used = cpu - cpu_at_start if cpu is not None and cpu_at_start is not None else time.monotonic() - started
            if used > seconds or time.monotonic() - started > WALL_SLACK * seconds:
                raise AnalysisTimeout(f"analysis took longer than the {seconds:.0f} s allowed for an article of this length")
        status, value = self.conn.recv()
        if status == "refused":
            raise InputError(value)
        if status == "failed":
            raise AnalysisFailed(f"analysis failed: {value}")
        return value

    def stop(self) -> None:
        stop_process(self.process, self.conn)


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) process `pid` has used, from /proc; None where that cannot be read."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def stop_process(process, conn) -> None:
    conn.close()
    if process.is_alive():
        process.terminate()
    process.join(5)
    if process.is_alive():
        process.kill()
        process.join(5)


class AnalysisPool:
    """Analyse articles in `workers` processes with a long-article lane and a bounded waiting line."""

    def __init__(self, workers: int = DEFAULT_WORKERS, *, max_waiting: int = DEFAULT_MAX_WAITING,
                 max_wait: float = DEFAULT_MAX_WAIT, long_characters: int = LONG_CHARACTERS,
                 time_limit=lambda text: time_allowed([{"text": text}])):
        if workers < 2:
            raise ValueError(f"the web app needs at least 2 analysis workers (one stays free for short articles), got {workers}")
        if max_waiting < 0:
            raise ValueError(f"max_waiting must be 0 or more, got {max_waiting}")
        self.workers, self.max_waiting, self.max_wait = workers, max_waiting, max_wait
        self.long_characters, self.time_limit = long_characters, time_limit
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._all: list[Worker] = []
        self._long_lane = threading.BoundedSemaphore(workers - 1)
        # requests in analysis or waiting, per kind
        self._admitted = {True: threading.BoundedSemaphore(workers - 1 + max_waiting),
                          False: threading.BoundedSemaphore(workers + max_waiting)}
        self._counts_lock = threading.Lock()
        self._in_pool = {True: 0, False: 0}  # admitted requests (analysing or waiting), per kind
        self._start_lock = threading.Lock()
        self._started = False
        self._mean_seconds = 2.0  # running mean of one analysis, for Retry-After
        weakref.finalize(self, _stop_all, self._all)

    def start(self, wait: bool = False) -> None:
        """Start the workers (they load the model in the background); with `wait`, until every one is ready."""
        with self._start_lock:
            if not self._started:
                for _ in range(self.workers):
                    self._add_worker()
                self._started = True
        if wait:
            for worker in list(self._all):
                worker.wait_ready()

    def _add_worker(self) -> None:
        worker = Worker(self._context)
        self._all.append(worker)
        self._idle.put(worker)

    def _replace(self, worker: Worker) -> None:
        worker.stop()
        self._all.remove(worker)
        self._add_worker()

    def retry_after(self) -> int:
        """Seconds after which a refused request may expect a free worker."""
        return max(1, math.ceil(self._mean_seconds * (1 + self.max_waiting / self.workers)))

    def load(self) -> dict[str, Any]:
        """What the pool is doing now: workers, and admitted requests (analysing or waiting) per kind."""
        with self._counts_lock:
            admitted = {"long": self._in_pool[True], "short": self._in_pool[False]}
        return {"workers": self.workers, "ready": self._started, "admitted": admitted,
                "max_admitted": {"long": self.workers - 1 + self.max_waiting, "short": self.workers + self.max_waiting}}

    def _count(self, long: bool, change: int) -> None:
        with self._counts_lock:
            self._in_pool[long] += change

    def busy(self, why: str) -> PoolBusy:
        retry = self.retry_after()
        return PoolBusy(f"the server is busy ({why}); retry in {retry} s", retry)

    def analyze(self, text: str, *, max_bytes: int = DEFAULT_MAX_BYTES, **metadata) -> Analysis:
        """Analyse one article in a worker; `InputError`, `PoolBusy`, `AnalysisTimeout` or `AnalysisFailed` say why not."""
        long = len(text) >= self.long_characters
        if not self._admitted[long].acquire(blocking=False):
            raise self.busy(f"every worker for {'long' if long else 'short'} articles is in use and "
                            f"{self.max_waiting} more are waiting")
        self._count(long, +1)
        try:
            self.start()
            deadline = time.monotonic() + self.max_wait
            if long and not self._long_lane.acquire(timeout=self.max_wait):
                raise self.busy("long articles are being analysed")
            try:
                try:
                    worker = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
                except queue.Empty:
                    raise self.busy(f"no worker free within {self.max_wait:.0f} s") from None
                return self._run(worker, {"text": text, "max_bytes": max_bytes, **metadata}, self.time_limit(text))
            finally:
                if long:
                    self._long_lane.release()
        finally:
            self._count(long, -1)
            self._admitted[long].release()

    def _run(self, worker: Worker, job: dict[str, Any], seconds: float) -> Analysis:
        started = time.monotonic()
        try:
            result = worker.analyze(job, seconds)
        except (AnalysisTimeout, EOFError, OSError) as exc:  # stuck or dead: a fresh worker takes its place
            self._replace(worker)
            worker = None
            if isinstance(exc, AnalysisTimeout):
                raise
            raise AnalysisFailed("the analysis worker stopped unexpectedly") from None
        finally:
            if worker is not None:
                if worker.jobs >= JOBS_PER_WORKER:
                    self._replace(worker)
                else:
                    self._idle.put(worker)
        self._mean_seconds = 0.8 * self._mean_seconds + 0.2 * (time.monotonic() - started)
        return result

    def close(self) -> None:
        """Stop every worker; the pool starts new ones if used again."""
        with self._start_lock:
            _stop_all(self._all)
            while not self._idle.empty():
                self._idle.get_nowait()
            self._started = False


def _stop_all(workers: list[Worker]) -> None:
    for worker in list(workers):
        worker.stop()
    workers.clear()
