"""A real `presslens serve` process on 127.0.0.1 for tests and `benchmarks/load.py`.

`live_server(db, "--workers", "2")` starts the command on a free loopback port, waits until it
answers, warms every analysis worker (each loads the model once), yields the base URL, and stops
the server (and so its workers) afterwards.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import httpx

WARM_TEXT = "The harbour master said on Tuesday that the pier would reopen next month."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def live_server(db: str, *options: str, workers: int = 2, start_timeout: float = 600.0):
    port = free_port()
    command = [sys.executable, "-m", "presslens.cli", "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port),
               "--workers", str(workers), *options]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            assert process.poll() is None, f"presslens serve exited: {process.stdout.read().decode(errors='replace')}"
            try:
                httpx.get(base + "/api/articles", timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "presslens serve did not start"
                time.sleep(0.2)
        # one request per worker at once, so every worker has loaded the model before the clock starts
        with ThreadPoolExecutor(workers) as pool:
            warm = list(pool.map(lambda _: httpx.post(base + "/api/analyze", json={"text": WARM_TEXT},
                                                      timeout=start_timeout), range(workers)))
        assert all(r.status_code == 200 for r in warm), [r.text for r in warm]
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)
