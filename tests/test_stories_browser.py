"""The Stories page in a real browser (Debian's chromium via Playwright, server on 127.0.0.1):
the list, one story's reports side by side by outlet, asserts / denies / relays, and a report's
link opening its article's highlighted view.  Nothing may leave the server's origin and no
console error may occur (as in test_web_browser.py)."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from linking_articles import STRIKE, build_store

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                                                                "(apt-get install chromium; .ci/run installs it)")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from presslens.web import create_app

    db = build_store(tmp_path_factory.mktemp("stories-browser") / "corpus.db")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db, allowed_hosts=["127.0.0.1"]), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 1500, "height": 1000})
        problems: list[str] = []

        def only_our_server(route):
            if route.request.url.startswith((server + "/", "blob:", "data:")):
                return route.continue_()
            problems.append(f"request left the app: {route.request.url}")
            return route.abort()

        context.route("**/*", only_our_server)
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        ARTIFACTS.mkdir(exist_ok=True)
        yield page
        context.close()
        browser.close()
        assert problems == []


def test_stories_page_shows_one_story_side_by_side_and_links_to_the_article(page, server):
    page.goto(server + "/")
    page.click("nav a:has-text('Stories')")
    page.wait_for_selector("#stories")
    assert "Russian Defence Ministry" in page.inner_text("#stories")
    page.click("#stories a")
    page.wait_for_selector("#story-title")
    assert page.inner_text("#story-title").startswith("ASSAULT")
    columns = page.locator(".story-column h3").all_inner_texts()
    assert set(columns) == {a["outlet"] for a in STRIKE}
    assert columns[0] in ("Harbour Wire", "Kyiv Ledger")  # first to report, first column
    assert "Russian Defence Ministry" in page.inner_text("#denied-by")
    assert "Ukraine air force" in page.inner_text("#asserted-by")
    assert "Daily Digest relays Harbour Wire" in page.inner_text("#relays")
    assert "number" in page.inner_text("#conflicts") and "12" in page.inner_text("#conflicts")
    assert page.locator(".report.denies").count() == 1
    # the columns sit side by side, not stacked
    boxes = [page.locator(".story-column").nth(i).bounding_box() for i in range(2)]
    assert boxes[0]["y"] == boxes[1]["y"] and boxes[1]["x"] > boxes[0]["x"]
    page.screenshot(path=str(ARTIFACTS / "story.png"), full_page=True)
    page.locator(".report.denies a.evidence-link").click()
    page.wait_for_selector("#article")
    assert "denied that Russian forces struck" in page.inner_text("#article")
