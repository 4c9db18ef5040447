"""Parallel analysis on one machine: same results in the same order, whatever the worker count."""
from __future__ import annotations

import itertools
import json
import signal
import threading
import time

from typer.testing import CliRunner

from invented_articles import article, write_jsonl
from presslens import parallel
from presslens.cli import app
from presslens.parallel import analyze_chunk, analyze_parallel


def test_two_workers_give_the_same_analyses_in_order():
    records = [article(i) for i in range(24)]
    one = [a.to_dict() for a in analyze_parallel(records, 1)]
    two = [a.to_dict() for a in analyze_parallel(records, 2, chunk_size=4)]
    assert [a["id"] for a in two] == [r["id"] for r in records]
    assert two == one
    assert sum(len(a["quotes"]) for a in one) >= 24


def test_cli_workers_2_matches_workers_1_with_bad_lines_in_place(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", 24, bad_lines=True)
    runner = CliRunner()
    outputs = {}
    for workers in (1, 2):
        out = tmp_path / f"w{workers}.jsonl"
        result = runner.invoke(app, ["analyze", str(source), "--input-format", "jsonl", "--workers", str(workers),
                                     "--output", str(out)])
        assert result.exit_code == 1, result.output  # the two bad records are reported, the rest is written
        outputs[workers] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert outputs[2] == outputs[1]
    ids = [a["id"] for a in outputs[2]]
    assert len(ids) == 26 and ids[3] == "line-4" and ids[7] == "empty"
    assert "not valid JSON" in outputs[2][3]["errors"][0] and outputs[2][7]["errors"] == ["input is empty"]
    assert all(not a["errors"] for i, a in enumerate(outputs[2]) if i not in (3, 7))


def test_a_record_that_breaks_the_pipeline_only_fails_itself(monkeypatch):
    real = parallel.analyze_many

    def fragile(records, **kwargs):
        records = list(records)
        if any(r["text"].startswith("BOOM") for r in records):
            raise RuntimeError("annotator crashed")
        return real(records, **kwargs)

    monkeypatch.setattr(parallel, "analyze_many", fragile)
    records = [article(0), {"id": "bad", "text": "BOOM the minister said it failed."}, article(1)]
    results = analyze_chunk(records)
    assert [a.id for a in results] == ["inv-000", "bad", "inv-001"]
    assert results[1].errors == ["analysis failed: RuntimeError: annotator crashed"]
    assert results[0].quotes and results[2].quotes and not results[0].errors


def test_a_record_that_hangs_fails_alone_after_its_time_limit(monkeypatch):
    real = parallel.analyze_many

    def stalling(records, **kwargs):
        records = list(records)
        while any(r["text"].startswith("HANG") for r in records):
            time.sleep(0.01)  # stands for an annotator stuck in a loop
        return real(records, **kwargs)

    monkeypatch.setattr(parallel, "analyze_many", stalling)
    monkeypatch.setattr(parallel, "SECONDS_PER_RECORD", 1.0)
    monkeypatch.setattr(parallel, "SECONDS_PER_CHARACTER", 0.0)
    records = [article(0), {"id": "stuck", "text": "HANG the minister said it failed."}, article(1)]
    started = time.monotonic()
    results = analyze_chunk(records)
    assert time.monotonic() - started < 30
    assert [a.id for a in results] == ["inv-000", "stuck", "inv-001"]
    assert results[1].errors == ["analysis took longer than 1 s"]
    assert results[0].quotes and results[2].quotes and not results[0].errors and not results[2].errors
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_time_limit_is_off_outside_the_main_thread():
    outcome = []

    def run():
        with parallel.time_limit(0.05):
            time.sleep(0.2)
        outcome.append("finished")

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    assert outcome == ["finished"]


def test_the_stream_is_consumed_lazily():
    consumed = 0

    def endless():
        nonlocal consumed
        for i in itertools.count():
            consumed += 1
            yield article(i % 24) | {"id": str(i)}

    stream = analyze_parallel(endless(), 2, chunk_size=4)
    first = list(itertools.islice(stream, 10))
    stream.close()
    assert [a.id for a in first] == [str(i) for i in range(10)]
    assert consumed <= 10 + 2 * 2 * 4 + 4  # results taken + chunks in flight + the chunk being cut


def test_input_of_one_chunk_runs_in_this_process(monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for one chunk of work")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    records = [article(i) for i in range(3)]
    assert [a.id for a in analyze_parallel(records, 4)] == ["inv-000", "inv-001", "inv-002"]
    assert list(analyze_parallel([], 4)) == []
