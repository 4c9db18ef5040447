"""Readers: every source type on small invented fixtures, each with a bad record that is reported, not raised."""
from __future__ import annotations

import http.server
import threading
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from presslens.ingest import Fields, count_documents, read_sources
from presslens.ingest.web import USER_AGENT

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def read(*sources, **options):
    docs = list(read_sources([str(s) for s in sources], online=False, **options))
    return [d for d in docs if not d.error], [d for d in docs if d.error]


def test_html_page_drops_boilerplate_and_keeps_metadata():
    (doc,), errors = read(FIXTURES / "page.html")
    assert not errors
    assert doc.text.startswith("Harbour Minister Mara Velkin said on Friday")
    assert "“We found problems with the foundations" in doc.text
    for boilerplate in ("Cookie policy", "Advertisement", "Log in"):
        assert boilerplate not in doc.text
    assert doc.text.count("\n\n") == 2  # one paragraph per <p>
    assert doc.title == "Ferry terminal opens a month late"
    assert doc.outlet == "Quessa Herald"
    assert doc.published == "2025-03-14"
    assert doc.url == "https://herald.example/ferry-terminal"


def test_html_page_without_article_text_is_an_error():
    docs, (error,) = read(FIXTURES / "empty.html")
    assert not docs and "no article text" in error.error


def test_rss_feed_entries_and_a_link_only_entry_offline():
    docs, (error,) = read(FIXTURES / "feed.rss")
    assert [d.title for d in docs] == ["Rail strike ends after talks", "Power restored in Brannock"]
    assert docs[0].outlet == "Lindmark Courier" and docs[0].published == "2025-03-11"
    assert docs[0].url == "https://courier.example/rail-strike-ends"
    assert "union spokesman Tobias Rendt" in docs[0].text
    assert error.id == "courier-link-only-3" and "no full content" in error.error


def test_atom_feed():
    docs, (error,) = read(FIXTURES / "feed.atom")
    assert [d.id for d in docs] == ["urn:example:gazette:quota", "urn:example:gazette:dam"]
    assert docs[0].published == "2025-03-19" and docs[1].published == "2025-03-20"
    assert docs[0].outlet == "Cape Senna Gazette"
    assert "Aniela Storm" in docs[0].text
    assert error.id == "urn:example:gazette:empty"


def _warc(path: Path) -> Path:
    html = (FIXTURES / "page.html").read_bytes()
    second = html.replace(b"Port Quessa", b"Lindmark").replace(b"ferry-terminal", b"ferry-lindmark")
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, body, ctype in [("https://herald.example/a", html, "text/html; charset=utf-8"),
                                 ("https://herald.example/logo.png", b"\x89PNG\r\n", "image/png"),
                                 ("https://herald.example/b", second, "text/html")]:
            writer.write_record(writer.create_warc_record(url, "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers))
    return path


def test_warc_html_responses(tmp_path):
    docs, (error,) = read(_warc(tmp_path / "crawl.warc.gz"))
    assert len(docs) == 2
    assert "Port Quessa" in docs[0].text and "Lindmark" in docs[1].text
    assert docs[0].id == "https://herald.example/a"  # the canonical link wins as url, the record URI is the id
    assert error.id == "https://herald.example/logo.png" and "image/png" in error.error


def test_damaged_warc_is_one_error(tmp_path):
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(_warc(tmp_path / "ok.warc.gz").read_bytes() + b"this is not a WARC record\r\n" * 20)
    docs, errors = read(bad)
    assert len(docs) == 2 and "damaged" in errors[-1].error


JSONL_FIELDS = Fields.parse(["id=uid", "text=body", "title=headline", "url=link", "published=meta.date",
                             "outlet=paper"])


def test_jsonl_with_other_field_names():
    docs, errors = read(FIXTURES / "articles.jsonl", fields=JSONL_FIELDS)
    assert [(d.id, d.title, d.url, d.published, d.outlet) for d in docs] == [
        ("q-1", "Bridge to reopen", "https://herald.example/bridge", "2025-03-10", "Quessa Herald"),
        ("q-2", "New school for Lindmark", "https://herald.example/school", "2025-03-11", "Quessa Herald")]
    assert [(e.id, e.error.split(" (")[0]) for e in errors] == [
        ("articles.jsonl:3", "line 3 is not valid JSON"), ("articles.jsonl:4", "no text in field 'body'")]


def test_csv_with_other_field_names():
    fields = Fields.parse(["id=key", "text=content", "title=heading", "url=address", "published=day",
                           "outlet=newspaper"])
    docs, (error,) = read(FIXTURES / "articles.csv", fields=fields)
    assert [d.id for d in docs] == ["c-1", "c-3"]
    assert docs[0].outlet == "Lindmark Courier" and docs[0].published == "2025-03-09"
    assert error.id == "articles.csv:3"


def test_bad_field_mapping_is_a_clear_error():
    with pytest.raises(ValueError, match="NAME=COLUMN"):
        Fields.parse(["body"])


def test_directory_glob_text_and_missing_file(tmp_path):
    docs, errors = read(FIXTURES, fields=JSONL_FIELDS)
    assert {Path(d.source).name for d in docs} == {"page.html", "feed.rss", "feed.atom", "articles.jsonl", "note.txt"}
    assert any(Path(e.source).name == "articles.csv" for e in errors)  # the JSONL field names are not its columns
    note = next(d for d in docs if d.source.endswith("note.txt"))
    assert note.id == note.source and note.text.startswith("Harbour Minister")
    globbed, _ = read(FIXTURES / "*.atom")
    assert len(globbed) == 2
    _, (missing,) = read(tmp_path / "nope.txt")
    assert missing.error == "no such file"
    assert count_documents([str(FIXTURES / "note.txt"), str(FIXTURES / "articles.jsonl")]) == 5
    assert count_documents([str(FIXTURES / "feed.rss")]) is None


class _Handler(http.server.BaseHTTPRequestHandler):
    agents: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's naming)
        self.agents.append(self.headers.get("User-Agent"))
        routes = {"/page": ("text/html", (FIXTURES / "page.html").read_bytes()),
                  "/feed": ("application/rss+xml", (FIXTURES / "feed.rss").read_bytes()),
                  "/big": ("text/html", b"<html><body><p>" + b"word " * 50_000 + b"</p></body></html>")}
        if self.path not in routes:
            self.send_error(404)
            return
        ctype, body = routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_urls_on_loopback(server):
    docs = list(read_sources([f"{server}/page", f"{server}/feed", f"{server}/missing", f"{server}/big"],
                             max_bytes=100_000, allow_private=True))
    good = [d for d in docs if not d.error]
    errors = {d.id.rsplit("/", 1)[-1]: d.error for d in docs if d.error}
    assert good[0].title == "Ferry terminal opens a month late" and "Mara Velkin" in good[0].text
    assert [d.title for d in good[1:]] == ["Rail strike ends after talks", "Power restored in Brannock"]
    assert errors["missing"].startswith("HTTP 404")
    assert "over the limit" in errors["big"]
    assert "no link" in errors["courier-link-only-3"] or "no full content" in errors["courier-link-only-3"]
    assert set(_Handler.agents) == {USER_AGENT} and USER_AGENT.startswith("presslens/")


def test_urls_offline_are_errors():
    (doc,) = list(read_sources(["https://herald.example/a"], online=False))
    assert "offline" in doc.error
