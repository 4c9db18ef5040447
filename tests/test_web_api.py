"""The web app over FastAPI's test client: REST API, pages, and the security guarantees."""
from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from presslens.web import create_app

SHORT = ("The harbour master said on Tuesday that the pier would reopen next month. "
         "\"We have repaired the cranes,\" she told reporters in the port.")
SCRIPT = "The minister said <script>alert(1)</script> was not a threat to the city council, officials said."


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with TestClient(create_app(str(tmp_path_factory.mktemp("web") / "corpus.db"))) as client:  # stops its workers
        yield client


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"[\w']+", (name or "").lower()) if len(w) >= 4}


@pytest.mark.shared
def test_analyze_api_finds_the_reference_must_quotes(client, reference_article, reference_expected):
    body = {"text": reference_article.read_text(encoding="utf-8"), "published": "2025-04-28"}
    result = client.post("/api/analyze", json=body).json()
    assert result["schema"] == "presslens.analysis/1"
    must = [q for q in json.loads(reference_expected.read_text(encoding="utf-8"))["quotes"] if q.get("must")]
    missed = []
    for gold in must:
        start, end = gold["content_span"]
        hits = [q for q in result["quotes"]
                if min(end, q["content"]["end"]) - max(start, q["content"]["start"]) >= (end - start) / 2]
        if not any(_words(q["speaker"]["name"]) & _words(gold["speaker"]) for q in hits):
            missed.append((gold["speaker"], gold["content"][:50]))
    assert len(must) >= 14 and not missed


def test_store_then_browse_the_corpus(client):
    stored = client.post("/api/analyze?store=true", json={"text": SHORT, "published": "2025-03-14", "title": "Pier"}).json()
    article_id = stored["article_id"]
    again = client.post("/api/analyze?store=true", json={"text": SHORT, "published": "2025-03-14"}).json()
    assert again["article_id"] == article_id  # a duplicate resolves to the stored copy
    article = client.get(f"/api/articles/{article_id}").json()
    assert article["title"] == "Pier" and article["quotes"]
    speaker = article["quotes"][0]["speaker"]
    quotes = client.get("/api/quotes", params={"speaker": speaker, "since": "2025", "until": "2025-12"}).json()
    assert quotes["items"] and all(q["article_id"] == article_id for q in quotes["items"])
    assert client.get("/api/articles", params={"q": "cranes"}).json()["items"][0]["id"] == article_id
    assert client.get("/api/articles", params={"q": "zeppelin"}).json()["items"] == []
    assert client.get("/api/articles", params={"q": "\x00\"*"}).status_code == 200
    assert client.get("/corpus", params={"q": "\x00"}).status_code == 200
    assert client.get("/api/speakers").json()["items"]
    assert client.get("/api/events", params={"type": "   "}).status_code == 200
    assert client.get("/api/outlets").json()["items"][0]["articles"] >= 1
    assert client.get("/api/articles/999999").status_code == 404
    for page in ("/corpus?q=cranes", f"/articles/{article_id}", f"/speakers/{speaker}", "/speakers", "/events", "/outlets"):
        assert client.get(page).status_code == 200, page
    assert 'class="vega-spec"' in client.get(f"/speakers/{speaker}").text


def test_stored_findings_render_on_article_events_and_outlets_pages(client):
    from presslens.model import Analysis, Claim, Event, Quote, Span, Speaker, Technique, TimeExpression
    from presslens.web import corpus

    text = "On Saturday the army shelled the heroic town of Dorn, officials said. Peace is near, the author writes."
    span = lambda s: Span.of(text, text.index(s), text.index(s) + len(s))  # noqa: E731
    analysis = Analysis(
        text=text, published="2025-04-28", outlet="Daily Test", title="Dorn",
        quotes=[Quote("indirect", span("the army shelled"), span("said"), Speaker("officials", vague=True))],
        time_expressions=[TimeExpression(3, 11, "Saturday", "2025-04-26")],
        events=[Event("ASSAULT", "army", "Dorn", "Dorn", "2025-04-26", span("the army shelled the heroic town"))],
        framing=[Technique("Loaded_Language", text.index("heroic"), text.index("heroic") + 6, "heroic", 0.9, "emotive word")],
        claims=[Claim(text.index("Peace"), text.index("Peace") + 14, "Peace is near,", "unattributed")],
    )
    article_id = corpus.save(client.app.state.engine, analysis)
    page = client.get(f"/articles/{article_id}").text
    assert 'class="framing" data-technique="Loaded_Language"' in page and 'title="= 2025-04-26"' in page
    events = client.get("/events", params={"type": "assault", "since": "2025-04"}).text
    assert "Dorn" in events and 'class="vega-spec"' in events
    assert client.get("/api/events", params={"place": "dorn"}).json()["items"][0]["date"] == "2025-04-26"
    daily = next(o for o in client.get("/api/outlets").json()["items"] if o["outlet"] == "Daily Test")
    assert daily["vague_share"] == 1.0 and daily["unattributed_share"] == 1.0
    assert "Daily Test" in client.get("/outlets").text


def test_pagination(client):
    first = client.get("/api/quotes", params={"limit": 1}).json()
    assert first["limit"] == 1 and len(first["items"]) == 1 and first["next_offset"] == 1
    second = client.get("/api/quotes", params={"limit": 1, "offset": 1}).json()
    assert second["items"] != first["items"]
    assert client.get("/api/quotes", params={"limit": 0}).status_code == 422
    assert client.get("/api/quotes", params={"since": "last week"}).status_code == 422


def test_analyze_page_highlights_and_escapes(client):
    page = client.post("/analyze", data={"text": SHORT, "published": "2025-03-14"})
    assert page.status_code == 200 and '<mark class="q"' in page.text and 'name="store"' in page.text
    page = client.post("/analyze", data={"text": SCRIPT})
    assert "<script>alert(1)" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_refused_input_is_a_readable_422(client):
    assert client.post("/api/analyze", json={"text": "   "}).json()["detail"] == "input is empty"
    assert client.post("/api/analyze", json={"text": SHORT, "published": "yesterday"}).status_code == 422
    page = client.post("/analyze", data={"text": "\x00\x01\x02\x03 binary"})
    assert page.status_code == 422 and 'role="alert"' in page.text


def test_security_headers_and_no_cors(client):
    response = client.get("/", headers={"Origin": "https://evil.example"})
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-eval" not in csp and "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert not any(h.startswith("access-control-") for h in response.headers)


def test_cross_site_posts_are_refused(client):
    for origin in ("https://evil.example", "http://testserver:3000", "null"):
        response = client.post("/analyze", data={"text": SHORT, "store": "true"}, headers={"Origin": origin})
        assert response.status_code == 403, origin
    assert client.post("/analyze", data={"text": "   "}, headers={"Origin": "http://testserver"}).status_code == 422
    assert client.get("/speakers/AC/DC").status_code == 200


def test_request_size_limit(tmp_path):
    small = TestClient(create_app(str(tmp_path / "small.db"), max_text_bytes=1000))
    assert small.post("/api/analyze", json={"text": "word " * 20000}).status_code == 413
    response = small.post("/api/analyze", json={"text": "The mayor said the bridge is safe and will stay open. " * 30})
    assert response.status_code == 422 and "limit" in response.json()["detail"]


def test_no_filesystem_paths_from_requests(client):
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2f..%2fpyproject.toml", "/static//etc/passwd"):
        response = client.get(path)
        assert response.status_code == 404 and "create_app" not in response.text, path
    assert client.get("/static/app.js").status_code == 200


def test_host_allow_list(tmp_path):
    guarded = TestClient(create_app(str(tmp_path / "g.db"), allowed_hosts=["127.0.0.1", "localhost"]), base_url="http://localhost")
    assert guarded.get("/").status_code == 200
    assert guarded.get("/", headers={"Host": "attacker.example"}).status_code == 400


def test_url_fetching_is_off_by_default_and_never_reaches_private_addresses(client, tmp_path):
    from presslens.web.fetch import FetchRefused, check_url

    response = client.post("/api/analyze", json={"url": "https://example.org/news", "fetch": True})
    assert response.status_code == 403 and "--allow-fetch" in response.json()["detail"]
    fetching = TestClient(create_app(str(tmp_path / "f.db"), allow_fetch=True))
    for url in ("http://127.0.0.1/admin", "http://localhost/", "http://[::1]/", "http://10.1.2.3/", "http://169.254.169.254/latest"):
        response = fetching.post("/api/analyze", json={"url": url, "fetch": True})
        assert response.status_code == 403 and "non-public" in response.json()["detail"], url
    for url in ("file:///etc/passwd", "ftp://example.org/x", "http://example.org:8080/"):
        with pytest.raises(FetchRefused):
            check_url(url)
    assert client.post("/api/analyze", json={"title": "no text"}).status_code == 422


def test_docs_and_openapi_are_served_locally(client):
    docs = client.get("/docs").text
    assert "/static/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/analyze", "/api/articles", "/api/articles/{article_id}", "/api/quotes", "/api/speakers",
            "/api/events"} <= set(paths)


def test_serve_command_is_registered():
    from typer.testing import CliRunner

    from presslens.cli import app

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0 and "--allow-fetch" in result.output and "127.0.0.1" in result.output
