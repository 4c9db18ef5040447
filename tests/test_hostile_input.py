"""Hostile and broken input (issue 14): every bad record gets its reason, every good one is kept.

The bad inputs run through `analyze` (one file and a JSONL batch), `ingest` (SQLite, and
PostgreSQL through PRESSLENS_TEST_PG_URL) and the REST API: never a traceback, exit 2 for a
refused article, an error record (or an `errors` row) for a bad record in a batch.  Each
numbered point of the issue has its regression test below.  All articles are invented.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, func, select, text
from typer.testing import CliRunner

from presslens import InputError, analyze, analyze_many
from presslens.cli import app
from presslens.ingest.document import Document
from presslens.model import Analysis, Span
from presslens.store import open_store
from presslens.store.migrations import MIGRATIONS
from presslens.store.schema import articles, errors
from presslens.validate import DEFAULT_MAX_BYTES, decode, is_english

ROOT = Path(__file__).resolve().parents[1]
PG_URL = os.environ.get("PRESSLENS_TEST_PG_URL")

ARTICLE = ("Harbour Minister Mara Velkin said on Monday that the ferry terminal would reopen in April.\n\n"
           "\"We have repaired the north pier and the cranes are back,\" Velkin told reporters in Port Quessa.\n\n"
           "The union said the strike was over after talks with the port authority.")


def story(n: int) -> str:
    return ARTICLE.replace("April", f"April, the {n}th of many such reports,")


def run(*args: str, input: bytes | None = None):
    result = CliRunner().invoke(app, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def stored(engine) -> tuple[int, list[tuple[str, str]]]:
    with engine.connect() as conn:
        count = conn.scalar(select(func.count()).select_from(articles))
        rows = [(r.item, r.reason) for r in conn.execute(select(errors.c.item, errors.c.reason))]
    return count, rows


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    """A store location on SQLite, or on a clean PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    if not PG_URL:
        pytest.skip("PRESSLENS_TEST_PG_URL is not set (.ci/run starts PostgreSQL and sets it)")
    with create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1)).begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    return PG_URL


def pg_engine():
    if not PG_URL:
        pytest.skip("PRESSLENS_TEST_PG_URL is not set (.ci/run starts PostgreSQL and sets it)")
    with create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1)).begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    return open_store(PG_URL)


def consistent(result: Analysis) -> None:
    """Every offset points at its text in the analysis's own `text`."""
    spans = [q.content for q in result.quotes] + [q.cue for q in result.quotes if q.cue]
    spans += [m for e in result.entities for m in e.mentions] + [e.evidence for e in result.events]
    spans += [Span(t.start, t.end, t.text) for t in result.framing + result.time_expressions + result.claims]
    for span in spans:
        assert result.text[span.start:span.end] == span.text, span


# --- 1: NUL and control characters; any database error on one record ------------------------

def test_1_control_characters_are_removed_from_the_whole_text_not_only_the_first_8_kb():
    padding = "The port authority said the harbour was busy on Monday. " * 200  # ~11 KB
    result = analyze(padding + ARTICLE.replace("reopen", "re\x00open\x01").replace("union", "un\x7fion\x85"))
    assert not any(ord(c) < 32 and c not in "\n\t" or 0x7f <= ord(c) <= 0x9f for c in result.text)
    assert "reopen" in result.text and "union" in result.text
    assert any(q.speaker.name == "Mara Velkin" for q in result.quotes)
    consistent(result)


def test_1_binary_data_is_refused_wherever_the_nuls_are():
    with pytest.raises(InputError, match="binary"):
        analyze("The minister said the port would reopen. " * 300 + "\x00" * 500)


def test_1_a_database_error_on_one_record_is_an_error_row_and_the_rest_goes_on(monkeypatch):
    engine = pg_engine()
    from presslens.store import loader
    from presslens.store.writer import RecordRejected, write_analysis

    with pytest.raises(RecordRejected, match="database refused"):  # what PostgreSQL does with a NUL
        write_analysis(engine, Analysis(text="a\x00b", id="raw"), source="t")

    def analyses(records, workers, max_bytes):  # the pipeline's output, with one NUL let through
        for record in records:
            text_ = record["text"] + ("\x00" if record["id"] == "b" else "")
            yield Analysis(text=text_, id=record["id"], title=record["title"])

    monkeypatch.setattr(loader, "analyze_parallel", analyses)
    docs = [Document(id=i, text=story(n), source="s.jsonl", title=f"T{i}") for n, i in enumerate("abc")]
    stats = loader.load(engine, docs)
    assert (stats.stored, stats.failed) == (2, 1)
    count, rows = stored(engine)
    assert count == 2 and rows[0][0] == "b" and "refused" in rows[0][1]
    assert loader.load(engine, docs).stored == 0  # a re-run gets past the record too (nothing new)


def test_1_ingest_of_nul_records_stores_them_cleaned(db, tmp_path):
    lines = [{"id": "nul-text", "text": story(1).replace("ferry", "fer\u0000ry")},
             {"id": "nul\u0000id", "text": story(2), "title": "Ferry\u0000 terminal", "url": "https://h.example/\u00001"},
             {"id": "good", "text": story(3)}]
    source = tmp_path / "nul.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    result = run("ingest", str(source), "--db", db, "--no-progress")
    assert result.exit_code == 0, result.output
    engine = open_store(db)
    with engine.connect() as conn:
        texts = conn.scalars(select(articles.c.text)).all()
        titles = conn.scalars(select(articles.c.title)).all()
    assert len(texts) == 3 and not any("\x00" in t for t in texts) and "Ferry terminal" in titles


def test_1_api_store_true_with_a_nul_is_not_a_500(tmp_path):
    from presslens.web import create_app

    targets = [str(tmp_path / "w.db")] + ([PG_URL] if PG_URL else [])
    for target in targets:
        if target == PG_URL:
            pg_engine().dispose()
        client = TestClient(create_app(target))
        response = client.post("/api/analyze?store=true", json={"text": ARTICLE.replace("ferry", "fer\u0000ry"),
                                                                "title": "Ferry\u0000"})
        assert response.status_code == 200, response.text
        article = client.get(f"/api/articles/{response.json()['article_id']}").json()
        assert "\x00" not in article["text"] and article["title"] == "Ferry"


# --- 2: texts longer than spaCy's max_length -------------------------------------------------

def test_2_piece_boundaries_are_paragraph_aligned_and_cover_the_text():
    from presslens.pieces import PIECE_CHARS, boundaries
    from presslens.pipeline import get_pipeline

    assert PIECE_CHARS * 4 <= get_pipeline().max_length  # a piece is always well under spaCy's limit
    long_text = "\n\n".join(story(n) for n in range(6000))  # ~1.5 MB
    pieces = boundaries(long_text)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(long_text) and len(pieces) > 10
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
    assert all(e - s <= PIECE_CHARS for s, e in pieces)
    assert all(long_text[e - 2:e] == "\n\n" for _, e in pieces[:-1])
    hard = "x" * 250 + " " + "y" * 250
    assert boundaries(hard, 300) == [(0, 251), (251, 501)]


@pytest.fixture
def small_limits(monkeypatch):
    """spaCy's limit and the piece size scaled down, so a text over the limit stays quick to analyse."""
    from presslens import pieces
    from presslens.pipeline import get_pipeline

    nlp = get_pipeline()
    monkeypatch.setattr(nlp, "max_length", 6_000)
    monkeypatch.setattr(pieces, "PIECE_CHARS", 1_500)
    return "\n\n".join(story(n) for n in range(40))  # ~12,000 characters: twice the limit


def test_2_a_text_over_the_limit_is_analysed_in_pieces_with_offsets_into_the_whole(small_limits):
    result = analyze(small_limits)
    assert not result.errors and result.text == small_limits
    consistent(result)
    velkin = [q for q in result.quotes if q.speaker.name == "Mara Velkin"]
    assert len(velkin) >= 40 and max(q.content.start for q in velkin) > 10_000  # found in the last pieces too
    names = [e.name for e in result.entities]
    assert len(names) == len(set((e.name, e.type) for e in result.entities)), "one entity per name across pieces"
    ids = {e.id for e in result.entities}
    assert all(q.speaker.entity_id in ids for q in result.quotes if q.speaker.entity_id)


def test_2_long_texts_in_the_cli_batch_and_api_give_no_traceback(small_limits, tmp_path):
    from presslens.web import create_app

    article = tmp_path / "long.txt"
    article.write_text(small_limits, encoding="utf-8")
    result = run("analyze", str(article), "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["quotes"]
    batch = tmp_path / "long.jsonl"
    batch.write_text(json.dumps({"id": "long", "text": small_limits}) + "\n" + json.dumps({"id": "s", "text": ARTICLE})
                     + "\n", encoding="utf-8")
    result = run("analyze", str(batch), "--input-format", "jsonl", "--format", "jsonl", "--workers", "1")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 0 and [r["errors"] for r in records] == [[], []]
    response = TestClient(create_app(str(tmp_path / "w.db"))).post("/api/analyze", json={"text": small_limits})
    assert response.status_code == 200 and response.json()["quotes"]


# --- 3: two processes creating a new SQLite store --------------------------------------------

def test_4_processes_creating_a_new_sqlite_store_at_once_do_not_race(tmp_path):
    script = textwrap.dedent("""
        import sys, time
        from presslens.store import open_store
        from presslens.store.writer import record_error
        start = float(sys.argv[2])
        while time.time() < start:
            pass
        engine = open_store(sys.argv[1])
        record_error(engine, "race", sys.argv[3], "stored")
    """)
    for trial in range(4):
        db = tmp_path / f"race{trial}.db"
        start = time.time() + 2.5
        procs = [subprocess.Popen([sys.executable, "-c", script, str(db), str(start), str(n)],
                                  stderr=subprocess.PIPE) for n in range(4)]
        failures = [p.stderr.read().decode() for p in procs if p.wait(timeout=120) != 0]
        assert not failures, failures[0]
        count, rows = stored(open_store(str(db)))
        assert len(rows) == 4
        with open_store(str(db)).connect() as conn:
            # each migration applied exactly once, however many processes raced to apply it
            assert conn.scalar(text("SELECT count(*) FROM schema_version")) == len(MIGRATIONS)


# --- 4: damaged WARC archives -----------------------------------------------------------------

def warc_bytes(n: int) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for i in range(n):
        body = f"<html><body><article><p>{story(i)}</p></article></body></html>".encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://herald.example/{i}", "response",
                                                      payload=io.BytesIO(body), http_headers=http))
    return buffer.getvalue()


def test_4_a_truncated_warc_gz_and_a_stub_are_reported(tmp_path):
    from presslens.ingest.warc import read_warc

    whole = warc_bytes(3)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[:-150])
    docs = list(read_warc(cut, max_bytes=DEFAULT_MAX_BYTES))
    assert [d.error is None for d in docs] == [True, True, False] and "cut short" in docs[-1].error
    stub = tmp_path / "stub.warc.gz"
    stub.write_bytes(whole[:100])
    (doc,) = read_warc(stub, max_bytes=DEFAULT_MAX_BYTES)
    assert "damaged" in doc.error
    plain = tmp_path / "cut.warc"
    plain.write_bytes(gzip.decompress(whole)[:-200])
    assert "cut short" in list(read_warc(plain, max_bytes=DEFAULT_MAX_BYTES))[-1].error
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    (doc,) = read_warc(empty, max_bytes=DEFAULT_MAX_BYTES)
    assert "no response records" in doc.error


def test_4_ingest_of_a_truncated_warc_keeps_the_whole_records_and_logs_the_cut(tmp_path):
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(warc_bytes(3)[:-150])
    stub = tmp_path / "stub.warc.gz"
    stub.write_bytes(warc_bytes(1)[:100])
    db = str(tmp_path / "c.db")
    result = run("ingest", str(cut), str(stub), "--db", db, "--no-progress")
    assert result.exit_code == 1 and "2 stored" in result.output and "2 failed" in result.output
    count, rows = stored(open_store(db))
    assert count == 2 and len(rows) == 2 and all("cut short" in r or "damaged" in r for _, r in rows)


# --- 5: a CSV with a broken quote ------------------------------------------------------------

def cell(value: str) -> str:
    """A CSV field quoted correctly."""
    return '"' + value.replace('"', '""') + '"'


def test_5_a_broken_quote_is_one_bad_row_with_its_lines_and_no_fragments(tmp_path):
    from presslens.ingest.tabular import Fields, read_csv

    paragraphs = "\n\n".join(f"Paragraph {n} of the broken story, the minister said." for n in range(12))
    source = tmp_path / "broken.csv"
    source.write_text(
        "id,text,published\n"
        f'good1,{cell(story(1))},2025-03-01\n'
        f'broken,"He said "no deal" today.\n\n{paragraphs}",2025-03-02\n'
        f'good2,{cell(story(2))},2025-03-03\n'
        'short,only two\n'
        f'good3,{cell(story(3))},2025-03-04\n', encoding="utf-8")
    docs = list(read_csv(source, Fields()))
    assert [d.id for d in docs if not d.error] == ["good1", "good2", "good3"]
    bad = [d for d in docs if d.error]
    assert len(bad) == 2 and "malformed CSV row at lines 7-31" in bad[0].error  # its first line to the last fragment
    assert "2 fields, the header has 3" in bad[1].error
    assert not any("Paragraph" in d.text for d in docs)


# --- 7: kill -9 of `ingest --workers N` -------------------------------------------------------

def _descendants(pid: int) -> set[int]:
    children = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, set()).add(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), ()):
            found.add(child)
            todo.append(child)
    return found


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process tree from /proc (Linux)")
def test_7_kill_9_of_ingest_with_workers_leaves_no_process_behind(tmp_path):
    source = tmp_path / "many.jsonl"
    source.write_text("".join(json.dumps({"id": n, "text": story(n)}) + "\n" for n in range(400)), encoding="utf-8")
    ingest = subprocess.Popen([sys.executable, "-m", "presslens.cli", "ingest", str(source), "--db",
                               str(tmp_path / "k.db"), "--workers", "2", "--no-progress"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 240
        workers: set[int] = set()
        while time.time() < deadline and len(workers) < 3:  # forkserver + 2 workers (+ resource tracker)
            time.sleep(0.5)
            workers = _descendants(ingest.pid)
        assert len(workers) >= 3, "the pool did not start"
        time.sleep(2)
        workers = _descendants(ingest.pid)
        ingest.send_signal(signal.SIGKILL)
        ingest.wait(timeout=30)
        deadline = time.time() + 20
        while time.time() < deadline and any(_running(p) for p in workers):
            time.sleep(0.5)
        left = [p for p in workers if _running(p)]
    finally:
        for pid in _descendants(ingest.pid) | workers:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    assert not left, f"{len(left)} of {len(workers)} pool processes outlived their parent"


# --- 8: ingest follows feed links only to public addresses ----------------------------------

def test_8_feed_links_to_loopback_and_odd_ports_are_refused_unless_allowed(tmp_path):
    import http.server
    import threading

    hits = []

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            body = f"<html><body><article><p>{ARTICLE}</p></article></body></html>".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        link = f"http://127.0.0.1:{server.server_address[1]}/internal"
        feed = tmp_path / "feed.rss"
        feed.write_text(f"<rss version='2.0'><channel><title>Herald</title><item><title>Linked</title>"
                        f"<link>{link}</link></item><item><title>Metadata</title>"
                        f"<link>http://169.254.169.254/latest/meta-data</link></item></channel></rss>",
                        encoding="utf-8")
        db = str(tmp_path / "f.db")
        result = run("ingest", str(feed), "--db", db, "--no-progress")
        assert result.exit_code == 1 and hits == []
        count, rows = stored(open_store(db))
        assert count == 0 and len(rows) == 2 and all("refused" in reason for _, reason in rows)
        result = run("ingest", str(feed), "--db", str(tmp_path / "g.db"), "--no-progress", "--allow-private-urls")
        assert hits == ["/internal"] and "1 stored" in result.output
    finally:
        server.shutdown()
        server.server_close()


# --- 9: two more 500s -------------------------------------------------------------------------

def test_9_a_lone_surrogate_and_a_huge_article_id_are_4xx(tmp_path):
    from presslens.web import create_app

    client = TestClient(create_app(str(tmp_path / "w.db")), raise_server_exceptions=False)
    for body in ('{"text": "The minister said \\ud800 the port would reopen."}',
                 '{"text": "%s", "title": "\\udc00"}' % ARTICLE.replace("\n", "\\n").replace('"', '\\"')):
        response = client.post("/api/analyze?store=true", content=body, headers={"Content-Type": "application/json"})
        assert response.status_code == 422 and response.json()["detail"], response.text
    for path in ("/articles/99999999999999999999999", "/api/articles/99999999999999999999999"):
        assert 400 <= client.get(path).status_code < 500, path


# --- 10: validation gaps ----------------------------------------------------------------------

def test_10_random_letters_are_not_english():
    import random

    rng = random.Random(14)
    letters = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(200_000))
    assert not is_english(letters)
    assert not is_english(" ".join(letters[i:i + 7] for i in range(0, 20_000, 7)))
    assert is_english("The minister said the bridge would reopen.") and is_english("Ceasefire holds")


def test_10_non_string_text_bad_published_utf16_and_the_real_size(tmp_path):
    records = [{"id": "int", "text": 12345}, {"id": "date", "text": ARTICLE, "published": "yesterday"},
               {"id": "ok", "text": ARTICLE, "published": "2025-03-14T08:00:00Z"}]
    results = {r.id: r for r in analyze_many(records)}
    assert results["int"].errors == ["text must be a string, got int"]
    assert "published must be a date" in results["date"].errors[0]
    assert not results["ok"].errors and results["ok"].published == "2025-03-14"
    from presslens.parallel import analyze_chunk

    assert [r.errors[:1] for r in analyze_chunk(records)][0] == ["text must be a string, got int"]
    for codec in ("utf-16", "utf-16-be", "utf-32"):
        raw = (b"\xfe\xff" + ARTICLE.encode(codec)) if codec == "utf-16-be" else ARTICLE.encode(codec)
        assert decode(raw) == ARTICLE, codec
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 1_000_000)  # 5,000,000 bytes
    result = run("analyze", str(big))
    assert result.exit_code == 2 and "5,000,000 bytes" in result.output
    result = run("analyze", "-", input=b"word " * 600_000)
    assert result.exit_code == 2 and "3,000,000 bytes" in result.output


def test_10_utf16_file_is_analysed_by_the_cli(tmp_path):
    article = tmp_path / "utf16.txt"
    article.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-16"))
    result = run("analyze", str(article), "--format", "json")
    assert result.exit_code == 0, result.output
    assert any(q["speaker"]["name"] == "Mara Velkin" for q in json.loads(result.stdout)["quotes"])


# --- 11: the lock file ------------------------------------------------------------------------

def _requirements(path: Path) -> dict[str, str]:
    pins, current = {}, None
    for line in path.read_text().splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith(("#", "--hash")):
            current = stripped.split(" ")[0].rstrip("\\")
            name, _, version = current.partition("==")
            assert version, f"{path.name}: {current} is not pinned exactly"
            pins[name.lower().replace("_", "-")] = version
        elif stripped.startswith("--hash=sha256:"):
            pins.setdefault("_hashed", "")
    return pins


def test_11_every_dependency_is_locked_with_hashes_and_installed_from_the_lock():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for lock, wanted in (("requirements.lock", project["dependencies"]),
                         ("requirements-test.lock", project["dependencies"] + project["optional-dependencies"]["test"])):
        path = ROOT / lock
        text_ = path.read_text()
        blocks = [b for b in text_.split("\n") if b and not b.startswith((" ", "#"))]
        assert blocks and all("--hash=sha256:" in b or b.rstrip().endswith("\\") for b in blocks), lock
        pins = _requirements(path)
        for requirement in wanted:
            name, _, version = requirement.partition("==")
            name = name.split("[")[0].lower().replace("_", "-")
            assert pins.get(name) == version, f"{lock}: {name} is not locked at {version}"
    makefile = (ROOT / "Makefile").read_text()
    assert "--require-hashes" in makefile and "requirements.lock" in makefile and "\nlock:" in makefile
    assert not (ROOT / "requirements-model.txt").exists(), "the model is pinned in pyproject.toml and the lock only"


# --- 13: line endings ------------------------------------------------------------------------

def test_13_crlf_cr_and_lf_give_the_same_result_with_offsets_into_the_returned_text():
    article = ("PORT QUESSA, March 3\nThe Drelian Foreign Ministry said on Monday the talks had failed.\n\n"
               "\"There is nothing more to discuss,\" said Ilse Dorn, a spokeswoman for the ministry.\n\n"
               "Officials in Lindmark said they would answer on Tuesday.")
    results = [analyze(article.replace("\n", ending), published="2025-03-03") for ending in ("\n", "\r\n", "\r")]
    for result in results:
        consistent(result)
        assert "\r" not in result.text
    as_dicts = [r.to_dict() for r in results]
    assert as_dicts[0] == as_dicts[1] == as_dicts[2]


# --- the matrix: every bad input through every entry point ----------------------------------

BAD_RECORDS = {
    "empty": {"text": "   "},
    "int": {"text": 12345},
    "binary": {"text": "\x00\x01\x02\x03" * 50},
    "surrogate": {"text": "The minister said \ud800 the port would reopen."},
    "not-english": {"text": "Der Minister sagte am Montag, dass die Fähre im April wieder fahren werde, "
                            "und die Gewerkschaft erklärte den Streik für beendet."},
    "letters": {"text": "qwxz" * 5_000},
    "bad-date": {"text": ARTICLE, "published": "31/02/2025"},
}


def jsonl_with_bad_lines(path: Path) -> Path:
    lines = [json.dumps({"id": "good-1", "text": story(1)})]
    lines += [json.dumps({"id": name, **record}) for name, record in BAD_RECORDS.items()]
    lines += ["{not json", "[1, 2]", json.dumps({"id": "good-2", "text": story(2).replace("\n", "\r\n")})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_matrix_analyze_file_refuses_each_bad_input_with_exit_2(tmp_path):
    inputs = {"empty": b"", "binary": b"\x00\x01\x02" * 100, "latin-1": "Caf\xe9 said".encode("latin-1"),
              "german": BAD_RECORDS["not-english"]["text"].encode(), "letters": b"qwxz" * 5000,
              "nul-late": ("The minister said the port would reopen. " * 300).encode() + b"\x00" * 300}
    for name, raw in inputs.items():
        path = tmp_path / f"{name}.txt"
        path.write_bytes(raw)
        result = run("analyze", str(path))
        assert result.exit_code == 2 and result.output.startswith("error:"), (name, result.output)
        assert len(result.output.strip().splitlines()) == 1, name


def test_matrix_analyze_batch_keeps_every_good_record_in_order(tmp_path):
    batch = jsonl_with_bad_lines(tmp_path / "batch.jsonl")
    result = run("analyze", str(batch), "--input-format", "jsonl", "--format", "jsonl", "--workers", "1")
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r.get("id") for r in records] == ["good-1", *BAD_RECORDS, "line-9", "line-10", "good-2"]
    assert [bool(r["errors"]) for r in records] == [False] + [True] * (len(BAD_RECORDS) + 2) + [False]
    assert all(r["quotes"] for r in records if not r["errors"])


def test_matrix_ingest_logs_every_bad_record_and_stores_the_good_ones(db, tmp_path):
    batch = jsonl_with_bad_lines(tmp_path / "batch.jsonl")
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(warc_bytes(2)[:-150])
    csv_file = tmp_path / "broken.csv"
    csv_file.write_text(f'id,text\ncsv-good,{cell(story(7))}\ncsv-bad,"a "broken" quote\n\nmore",\n', encoding="utf-8")
    result = run("ingest", str(batch), str(cut), str(csv_file), "--db", db, "--no-progress")
    assert result.exit_code == 1, result.output
    count, rows = stored(open_store(db))
    assert count == 4  # good-1, good-2, the whole WARC record, csv-good
    reasons = " | ".join(reason for _, reason in rows)
    assert len(rows) == len(BAD_RECORDS) + 2 + 1 + 1, reasons
    for needle in ("text must be a string", "binary", "surrogate", "English", "published must be a date",
                   "not valid JSON", "not a JSON object", "cut short", "malformed CSV row"):
        assert needle in reasons, needle


def test_matrix_api_answers_4xx_with_a_reason_for_each_bad_body(tmp_path):
    from presslens.web import create_app

    client = TestClient(create_app(str(tmp_path / "w.db")), raise_server_exceptions=False)
    bodies = [json.dumps({k: v for k, v in record.items()}) for record in BAD_RECORDS.values()]
    bodies[3] = '{"text": "The minister said \\ud800 the port would reopen."}'
    bodies += ["{not json", '{"text": null}', '{"text": "' + "a" * 10 + '", "published": "2025-02-30"}']
    for body in bodies:
        response = client.post("/api/analyze?store=true", content=body, headers={"Content-Type": "application/json"})
        assert 400 <= response.status_code < 500 and response.json()["detail"], (body[:60], response.text)
    response = client.post("/api/analyze?store=true", json={"text": ARTICLE.replace("\n", "\r\n")})
    assert response.status_code == 200 and response.json()["article_id"]


def test_an_annotator_that_breaks_on_one_record_fails_that_record_only(monkeypatch, tmp_path):
    """A bug in one annotator on one text is that record's error, not the batch's traceback."""
    import presslens.convert

    real = presslens.convert.analysis_from_doc

    def fragile(doc):
        if "Quessa" in doc.text:
            raise IndexError("an invented annotator bug")
        return real(doc)

    monkeypatch.setattr(presslens.convert, "analysis_from_doc", fragile)
    records = [{"id": "before", "text": "The union said the strike was over."}, {"id": "bad", "text": ARTICLE},
               {"id": "after", "text": "The mayor said the bridge would reopen."}]
    results = list(analyze_many(records))
    assert [r.id for r in results] == ["before", "bad", "after"]
    assert results[1].errors == ["analysis failed: IndexError: an invented annotator bug"]
    assert not results[0].errors and results[0].quotes and not results[2].errors and results[2].quotes
    with pytest.raises(IndexError):
        analyze(ARTICLE)
    article = tmp_path / "bad.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("analyze", str(article))
    assert result.exit_code == 2 and "analysis failed: IndexError" in result.output
    assert "Traceback" not in result.output


def test_a_demand_whose_subject_comes_long_before_its_modal_keeps_its_trigger_in_order():
    """'talks on this topic should be started': the trigger runs from its first word to its last."""
    result = analyze("We suggest that substantive talks on this border topic should be started.", published="2025-03-14")
    for event in result.events:
        assert event.trigger.start <= event.trigger.end
        assert result.text[event.trigger.start:event.trigger.end] == event.trigger.text
