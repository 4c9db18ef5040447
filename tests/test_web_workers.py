"""Issue 14 point 6: one long article no longer blocks the web app.

Against a real `presslens serve` on loopback (uvicorn, two analysis worker processes): short
requests are answered while a 100 KB article is still being analysed, and a full waiting line
is answered 503 with Retry-After.  The pool's time limit is checked on real worker processes.
No wall-clock thresholds: the checks are about order (who is answered before whom).
"""
from __future__ import annotations

import threading
import time

import httpx
import pytest

from invented_articles import article, long_article
from live_server import live_server

pytestmark = pytest.mark.timeout(900)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with live_server(str(tmp_path_factory.mktemp("load") / "corpus.db"), "--max-waiting", "1") as base:
        yield base


def post_in_background(base: str, text: str) -> dict:
    outcome: dict = {}

    def work():
        response = httpx.post(base + "/api/analyze", json={"text": text}, timeout=600)
        outcome.update(status=response.status_code, body=response.json(), done=time.monotonic())

    outcome["thread"] = threading.Thread(target=work, daemon=True)
    outcome["thread"].start()
    return outcome


def wait_until_admitted(base: str, long: int, short: int = 0) -> None:
    """Until the pool holds this many requests of each kind (a loaded machine can take seconds to deliver them)."""
    deadline = time.monotonic() + 120
    while True:
        load = httpx.get(base + "/api/health", timeout=30).json()["pool"]
        if load["admitted"] == {"long": long, "short": short}:
            return
        assert time.monotonic() < deadline, f"the pool never held {long} long and {short} short requests: {load}"
        time.sleep(0.05)


def test_health_reports_the_pool_and_its_limits(server):
    health = httpx.get(server + "/api/health", timeout=30).json()
    assert health["status"] == "ok"
    assert health["pool"]["workers"] == 2
    assert health["pool"]["max_admitted"] == {"long": 2, "short": 3}  # --max-waiting 1


def test_short_requests_are_answered_while_a_long_article_is_analysed(server):
    big = post_in_background(server, long_article(100_000))
    wait_until_admitted(server, long=1)  # the long article is in the pool before the short ones come
    answered_during = 0
    for i in range(12):
        response = httpx.post(server + "/api/analyze", json={"text": article(i)["text"]}, timeout=600)
        assert response.status_code == 200, response.text
        assert response.json()["quotes"]
        if "done" not in big:
            answered_during += 1
    big["thread"].join(600)
    assert big["status"] == 200 and len(big["body"]["quotes"]) > 100, big.get("body")
    # behind a global lock every short request would have waited for the long one: none answered during it
    assert answered_during >= 3, f"only {answered_during} short requests were answered while the long article ran"


def test_a_full_waiting_line_is_answered_503_with_retry_after(server):
    # two workers and one waiting place per kind: one long article runs, a second waits for the
    # long-article lane, a third finds that line full; short articles still get the free worker
    long_ones = [post_in_background(server, long_article(60_000, start=100 * s)) for s in (1, 2)]
    wait_until_admitted(server, long=2)
    refused = httpx.post(server + "/api/analyze", json={"text": long_article(60_000, start=300)}, timeout=600)
    assert refused.status_code == 503, refused.text
    assert int(refused.headers["retry-after"]) >= 1 and "busy" in refused.json()["detail"]
    page = httpx.post(server + "/analyze", data={"text": long_article(60_000, start=400)}, headers={"origin": server},
                      timeout=600)
    assert page.status_code == 503 and int(page.headers["retry-after"]) >= 1
    assert httpx.post(server + "/api/analyze", json={"text": article(97)["text"]}, timeout=600).status_code == 200
    # one worker serves short articles and two may wait: of six at once, some are refused
    shorts = [post_in_background(server, article(i)["text"]) for i in range(200, 206)]
    for outcome in shorts:
        outcome["thread"].join(600)
    statuses = sorted(outcome["status"] for outcome in shorts)
    assert 200 in statuses and 503 in statuses and set(statuses) <= {200, 503}, statuses
    for outcome in long_ones:
        outcome["thread"].join(600)
        assert outcome["status"] == 200


def test_an_analysis_past_its_time_limit_fails_alone_and_its_worker_is_replaced():
    from presslens.web.workers import AnalysisPool, AnalysisTimeout

    pool = AnalysisPool(2, time_limit=lambda text: 0.5 if len(text) > 50_000 else 600)
    try:
        assert pool.analyze(article(1)["text"]).quotes  # both workers start; the first is ready
        with pytest.raises(AnalysisTimeout, match="longer than"):
            pool.analyze(long_article(200_000))
        for i in range(3):  # the other worker, then the replacement, go on serving
            assert pool.analyze(article(i)["text"]).quotes
    finally:
        pool.close()


def test_time_limit_grows_with_length_and_the_pool_needs_two_workers():
    from presslens.web.workers import AnalysisPool

    pool = AnalysisPool(2)
    assert pool.time_limit("x" * 300_000) > pool.time_limit("x" * 1_000) > 0
    with pytest.raises(ValueError, match="at least 2"):
        AnalysisPool(1)
