"""End-to-end tests in a real browser: Debian's chromium driven by Playwright against a
uvicorn server on 127.0.0.1.  Screenshots go to test-artifacts/.  Any request that leaves
the server's origin is blocked and fails the test (nothing may come from a CDN), and so does
any console error (a Content-Security-Policy violation is one)."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
SCRIPT_ARTICLE = ("The mayor said on Monday that the bridge would reopen. <script>alert(1)</script> "
                  "Officials said the repairs were finished and the council agreed with the plan.")

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                                                                "(apt-get install chromium; .ci/run installs it)")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from presslens.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(str(tmp_path_factory.mktemp("browser") / "corpus.db"), allowed_hosts=["127.0.0.1"])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    app.state.analysis_pool.start(wait=True)  # the model loaded before the browser's 30 s timeouts start
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
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
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.problems = problems
    ARTIFACTS.mkdir(exist_ok=True)
    yield page
    context.close()
    assert problems == []


def analyze(page, server, text: str, published: str = ""):
    page.goto(server + "/")
    page.fill("textarea[name=text]", text)
    if published:
        page.fill("input[name=published]", published)
    page.click("form.analyze button[type=submit]")
    page.wait_for_selector("#article")


@pytest.mark.shared
def test_reference_article_gerasimov_block_quote_and_speaker_page(page, server, reference_article):
    analyze(page, server, reference_article.read_text(encoding="utf-8"), "2025-04-28")
    block = page.locator('mark.q[data-speaker="Valery Gerasimov"]', has_text="I would like to separately note")
    block.first.wait_for()
    assert "Valery Gerasimov" in block.first.get_attribute("title")
    assert page.locator("aside .speaker", has_text="Valery Gerasimov").count() == 1
    page.screenshot(path=str(ARTIFACTS / "analyze.png"), full_page=False)

    page.click("#save")
    page.wait_for_selector(".saved")
    page.click('aside .speaker a:has-text("Valery Gerasimov")')
    page.wait_for_selector("#speaker-name")
    assert page.inner_text("#speaker-name") == "Valery Gerasimov"
    assert "I would like to separately note" in page.inner_text("#statements")
    page.wait_for_selector(".chart svg")  # Vega rendered under the CSP, from /static
    page.screenshot(path=str(ARTIFACTS / "speaker.png"), full_page=True)

    for corpus_page in ("/events", "/outlets"):
        page.goto(server + corpus_page)
        page.wait_for_selector(".chart svg")
    page.goto(server + "/docs")
    page.wait_for_selector(".swagger-ui .info")


def test_repo_example_analyze_save_and_speaker_page(page, server):
    """The screenshots in docs/img are copies of the two this test saves (from the repo's own example)."""
    analyze(page, server, (ROOT / "examples" / "harbour-dispute.txt").read_text(encoding="utf-8"), "2025-03-14")
    page.locator('mark.q[data-speaker="Piotr Halden"]', has_text="I want to thank the Valdorian engineers").first.wait_for()
    page.hover('aside .speaker:has-text("Piotr Halden")')
    page.screenshot(path=str(ARTIFACTS / "example-analyze.png"))
    page.click("#save")
    page.click('aside .speaker a:has-text("Piotr Halden")')
    page.wait_for_selector(".chart svg")
    assert "The channel is open" in page.inner_text("#statements")
    page.screenshot(path=str(ARTIFACTS / "example-speaker.png"))


def test_script_in_an_article_is_shown_escaped_and_never_runs(page, server):
    analyze(page, server, SCRIPT_ARTICLE)
    assert "<script>alert(1)</script>" in page.inner_text("#article")
    assert page.locator("#article script").count() == 0
    page.screenshot(path=str(ARTIFACTS / "escaped-script.png"))
    # the dialog handler of the `page` fixture turns any alert() into a failure
