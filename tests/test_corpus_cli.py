"""`presslens ingest` end to end: the done-when corpus, idempotent re-runs, kill -9 resume, query and export commands."""
from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import shared_path
from invented_articles import write_jsonl
from presslens.cli import app

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
TABLES = ("articles", "entities", "mentions", "quotes", "events", "framing", "time_expressions", "claims")
runner = CliRunner()


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def cli(*args: str):
    return runner.invoke(app, [*args, "--no-progress"] if args[0] == "ingest" else list(args))


@pytest.mark.shared
@pytest.mark.slow
def test_done_when_example_and_polnear_then_peskov(tmp_path):
    example = shared_path("examples", "kursk-dprk.txt")
    dev40 = tmp_path / "dev40.jsonl"
    with shared_path("data", "polnear", "dev.jsonl").open(encoding="utf-8") as fh:
        dev40.write_text("".join(line for _, line in zip(range(40), fh)), encoding="utf-8")
    db = tmp_path / "corpus.db"
    args = ["ingest", str(example), str(dev40), "--db", str(db), "--published", "2025-04-28",
            "--field", "published=meta.publication_date", "--field", "outlet=meta.publisher",
            "--field", "title=meta.title"]
    first = cli(*args)
    assert first.exit_code == 0, first.output
    before = counts(db)
    assert before["articles"] == 41 and before["quotes"] > 100
    again = cli(*args)
    assert again.exit_code == 0 and "0 stored, 41 already stored" in again.output
    assert counts(db) == before
    result = cli("quotes", "--db", str(db), "--speaker", "Peskov", "--format", "json")
    quotes = json.loads(result.stdout)
    assert quotes and all(q["speaker"] == "Dmitry Peskov" for q in quotes)
    assert all(q["published"] == "2025-04-28" for q in quotes)
    assert any("treaty" in q["content"] for q in quotes)


def test_fixture_directory_records_errors_and_exits_1(tmp_path):
    db = tmp_path / "corpus.db"
    result = cli("ingest", str(FIXTURES), "--db", str(db), "--offline", "--field", "text=body",
                 "--field", "id=uid")
    assert result.exit_code == 1
    with sqlite3.connect(db) as conn:
        reasons = conn.execute("SELECT source, item, reason FROM errors").fetchall()
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert stored == 8  # page, 2 RSS, 2 Atom, 2 JSONL, note
    assert any(item == "courier-link-only-3" for _, item, _ in reasons)
    assert any("not valid JSON" in reason for _, _, reason in reasons)
    assert cli("ingest", str(FIXTURES), "--db", str(db), "--offline", "--field", "text=body",
               "--field", "id=uid").exit_code == 1
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM errors").fetchone()[0] == len(reasons)
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == stored
    for command in (["articles"], ["speakers"], ["search", "ferry terminal"], ["events"], ["outlets"], ["errors"]):
        for fmt in ("table", "json", "csv"):
            result = cli(*command, "--db", str(db), "--format", fmt)
            assert result.exit_code == 0, (command, fmt, result.output)
    found = json.loads(cli("search", "ferry terminal", "--db", str(db), "--format", "json").stdout)
    assert [a["title"] for a in found] == ["Ferry terminal opens a month late"]
    speakers = cli("speakers", "--db", str(db), "--format", "csv").stdout.splitlines()
    assert speakers[0].startswith("speaker,quotes,articles")
    out = tmp_path / "export"
    assert cli("export", "--db", str(db), "--format", "parquet", "--out", str(out)).exit_code == 0
    assert (out / "quotes.parquet").exists() and (out / "articles.parquet").exists()


def test_bad_arguments_are_one_line_errors(tmp_path):
    missing = cli("quotes", "--db", str(tmp_path / "none.db"))
    assert missing.exit_code == 2 and "no store at" in missing.output and "Traceback" not in missing.output
    assert not (tmp_path / "none.db").exists()
    bad_field = cli("ingest", str(FIXTURES / "note.txt"), "--db", str(tmp_path / "x.db"), "--field", "body")
    assert bad_field.exit_code == 2 and "NAME=COLUMN" in bad_field.output
    bad_date = cli("ingest", str(FIXTURES / "note.txt"), "--db", str(tmp_path / "x.db"), "--published", "soon")
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in bad_date.output
    bad_db = cli("articles", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert bad_db.exit_code == 2 and "cannot open the store" in bad_db.output


@pytest.mark.slow
def test_kill_9_mid_run_then_resume(tmp_path):
    source = write_jsonl(tmp_path / "articles.jsonl", 80)
    expected = [json.loads(line) for line in source.read_text().splitlines()]
    db = tmp_path / "corpus.db"
    presslens = str(Path(sys.executable).with_name("presslens"))
    command = [presslens, "ingest", str(source), "--db", str(db), "--no-progress"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as conn:
                    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:  # tables not created yet
                continue
            if stored >= 3:
                break
    assert process.poll() is None, "ingest finished before it could be killed; use more articles"
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial = counts(db)
    assert 3 <= partial["articles"] < 80
    # every article committed so far is complete: each has its quotes
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS "
                            "(SELECT 1 FROM quotes q WHERE q.article_id = a.id)").fetchone()[0] == 0
    resumed = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{80 - partial['articles']} stored, {partial['articles']} already stored" in resumed.stderr
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT document_id, text, published, outlet FROM articles ORDER BY document_id").fetchall()
        quotes_per_article = conn.execute("SELECT count(*) FROM quotes GROUP BY article_id").fetchall()
    assert rows == [(a["id"], a["text"], a["published"], a["outlet"]) for a in expected]
    assert len(quotes_per_article) == 80
    # the same quotes as a run that was never interrupted
    fresh = tmp_path / "fresh.db"
    assert subprocess.run([presslens, "ingest", str(source), "--db", str(fresh), "--no-progress"],
                          capture_output=True, timeout=300).returncode == 0
    assert counts(fresh) == counts(db)
