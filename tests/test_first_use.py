"""Issue 14, first use: the text report once (file, pipe, terminal), files 0644, ingest progress and
hints, empty query results, `presslens run` naming its failed records, the README's test notes."""
from __future__ import annotations

import csv
import json
import os
import pty
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from invented_articles import article, write_jsonl
from presslens.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-dispute.txt"
HEADING = "statements from"  # the report's second line, once per report


def presslens(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "presslens.cli", *args], capture_output=True, timeout=600, **kw)


def test_text_report_prints_once_and_output_files_are_0644(tmp_path):
    piped = presslens("analyze", str(EXAMPLE), "--published", "2025-03-14")
    assert piped.returncode == 0, piped.stderr.decode()
    report = piped.stdout.decode()
    assert report.count(HEADING) == 1 and "\x1b[" not in report  # plain text when not a terminal
    assert piped.stderr.decode() == ""  # no warning on first use either

    out = tmp_path / "r.txt"
    written = presslens("analyze", str(EXAMPLE), "--published", "2025-03-14", "-o", str(out),
                        preexec_fn=lambda: os.umask(0o022))
    assert written.returncode == 0 and written.stdout == b""  # -o writes the file only
    assert out.read_text(encoding="utf-8") == report
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    for leftover in tmp_path.iterdir():
        assert not leftover.name.endswith(".part")


def test_text_report_on_a_terminal_has_colour_and_the_terminal_width():
    parent, child = pty.openpty()
    import fcntl
    import struct
    import termios

    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 132, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "LINES", "TERM")}
    env["TERM"] = "xterm-256color"
    process = subprocess.Popen([sys.executable, "-m", "presslens.cli", "analyze", str(EXAMPLE)], stdout=child,
                               stderr=subprocess.PIPE, env=env)
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(parent, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    process.wait(600)
    os.close(parent)
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert process.returncode == 0, process.stderr.read().decode()
    assert screen.count(HEADING) == 1
    assert "\x1b[1m" in screen or "\x1b[" in screen  # bold names: colour codes on a terminal
    plain = re.sub(r"\x1b\[[0-9;]*m", "", screen)
    assert max(len(line) for line in plain.splitlines()) > 100  # the terminal's 132 columns, not a fixed 100


def test_ingest_titles_text_files_by_name_and_counts_finished_articles(tmp_path):
    from presslens.ingest import read_sources
    from presslens.store import open_store
    from presslens.store.loader import load

    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "harbour-report.txt").write_text(article(1)["text"], encoding="utf-8")
    [document] = read_sources([str(folder)])
    assert document.title == "harbour-report.txt" and document.id == str(folder / "harbour-report.txt")

    source = write_jsonl(tmp_path / "in.jsonl", 20, bad_lines=True)
    from presslens.ingest import Fields

    engine = open_store(str(tmp_path / "c.db"))
    seen_at_callback = []
    stats = load(engine, read_sources([str(source)], fields=Fields()), progress=lambda s: seen_at_callback.append(
        (s.finished, s.stored + s.skipped + s.failed)))
    finished = [f for f, _ in seen_at_callback]
    assert all(f == done for f, done in seen_at_callback)
    assert finished == sorted(finished) and finished[-1] == stats.seen == 22
    assert stats.finished == 22


def test_ingest_progress_bar_shows_finished_of_total_and_an_eta(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", 6)
    env = {**os.environ, "FORCE_COLOR": "1", "COLUMNS": "200"}
    env.pop("NO_COLOR", None)
    proc = presslens("ingest", str(source), "--db", str(tmp_path / "c.db"), env=env)
    assert proc.returncode == 0, proc.stderr.decode()
    err = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", proc.stderr.decode())
    assert "ETA" in err and "6/6" in err


def test_ingest_hints_the_field_mapping_for_unrecognised_columns(tmp_path):
    rows = [{"uid": f"r{i}", "body": article(i)["text"], "headline": f"Report {i}", "pub_date": "2025-03-01",
             "site": "Quessa Herald"} for i in range(2)]
    jsonl = tmp_path / "feed.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    table = tmp_path / "sheet.csv"
    with table.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, ["text", "when"])
        writer.writeheader()
        writer.writerow({"text": article(5)["text"], "when": "2025-03-02"})

    result = CliRunner().invoke(app, ["ingest", str(jsonl), str(table), "--db", str(tmp_path / "c.db"), "--no-progress"])
    hints = [line for line in result.output.splitlines() if line.startswith("hint:")]
    assert len(hints) == 2
    assert "feed.jsonl" in hints[0] and ("--field text=body --field published=pub_date --field outlet=site "
                                         "--field title=headline") in hints[0]
    assert "sheet.csv" in hints[1] and "--field published=COLUMN" in hints[1] and "when" in hints[1]

    from presslens.ingest.hints import field_hint

    fine = tmp_path / "fine.jsonl"
    write_jsonl(fine, 2)
    assert field_hint(fine) is None  # id, text, title, published, outlet: nothing to map


def test_an_empty_query_result_says_so(tmp_path):
    from presslens.store import open_store

    db = str(tmp_path / "empty.db")
    open_store(db, create=True).dispose()
    runner = CliRunner()
    for command in (["quotes", "--speaker", "Nobody"], ["speakers"], ["events"], ["search", "zeppelin"], ["articles"],
                    ["outlets"], ["errors"]):
        result = runner.invoke(app, [*command, "--db", db])
        assert result.exit_code == 0, result.output
        assert re.search(r"no \w+ found", result.output), (command, result.output)
    as_json = runner.invoke(app, ["quotes", "--db", db, "--format", "json"])
    assert "no quotes found (empty json output)" in as_json.output


def test_readme_says_which_tests_need_postgresql_and_chromium():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for needed in ("PRESSLENS_TEST_PG_URL", "PostgreSQL", "Chromium", "/usr/bin/chromium", ".ci/run", "skip"):
        assert needed in readme, needed
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "start-postgres" in ci and "apt-get install" in ci and "chromium" in ci


def test_pandas_is_pinned_in_the_parquet_extra_the_scaling_guide_names():
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert [d for d in extras["parquet"] if d.startswith("pandas")] == [d for d in extras["parquet"] if "==" in d]
    assert any(re.fullmatch(r"pandas==\d+\.\d+\.\d+", d) for d in extras["parquet"])
    assert ".[parquet]" in (ROOT / "docs" / "scaling.md").read_text(encoding="utf-8")
