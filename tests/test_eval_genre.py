"""`presslens eval genre`: its scorer counts what score_genre.py counts, on the same predictions."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import shared_path
from presslens.evaluation.genre import same_name, score, table

TEXT = ("MOSCOW, May 2. The Kremlin spokesman Dmitry Peskov said talks would resume on Monday. "
        "\"We are ready,\" he said. Drones struck a depot in Belgorod on Friday.")


def span(fragment: str) -> list[int]:
    start = TEXT.index(fragment)
    return [start, start + len(fragment)]


GOLD = [{
    "id": "a1", "published": "2025-05-02", "text": TEXT,
    "quotes": [
        {"kind": "indirect", "speaker": "Dmitry Peskov", "content_span": span("talks would resume on Monday"), "must": True},
        {"kind": "direct", "speaker": "Dmitry Peskov", "content_span": span("We are ready,"), "must": True},
        {"kind": "direct", "speaker": "Somebody", "content_span": span("MOSCOW"), "must": False},
    ],
    "events": [
        {"type": "CONSULT", "trigger_span": span("talks"), "asserted_by": "Dmitry Peskov", "date": "2025-05-05", "must": True},
        {"type": "ASSAULT", "trigger_span": span("struck"), "alt_trigger_spans": [span("Drones")],
         "asserted_by": "author", "date": "2025-05-02", "must": True},
    ],
    "time_expressions": [
        {"span": span("on Monday"), "text": "on Monday", "value": "2025-05-05", "must": True},
        {"span": span("on Friday"), "text": "on Friday", "value": "2025-05-02", "must": True},
    ],
}, {"id": "a2", "published": None, "text": "Nothing here.", "quotes": [
    {"kind": "direct", "speaker": "X Y", "content_span": [0, 7], "must": True}], "events": [], "time_expressions": []}]


def content(fragment: str) -> dict:
    s, e = span(fragment)
    return {"start": s, "end": e, "text": TEXT[s:e]}


PREDICTIONS = {"a1": {
    "id": "a1",
    "quotes": [
        # covers the whole gold content: found, speaker shares "Peskov"
        {"content": content("talks would resume on Monday"), "speaker": {"name": "Peskov"}},
        # under half of the gold span: not found
        {"content": content("We"), "speaker": {"name": "Dmitry Peskov"}},
    ],
    "events": [
        {"type": "CONSULT", "trigger": content("talks"), "evidence": content("talks would resume"),
         "asserted_by": "Peskov", "date": "2025-05-05"},
        # matched through the alternative trigger, right type, wrong asserter
        {"type": "ASSAULT", "trigger": content("Drones"), "evidence": content("Drones struck a depot"),
         "asserted_by": "Dmitry Peskov", "date": "2025-05-02"},
    ],
    "time_expressions": [
        {"start": span("on Monday")[0], "end": span("on Monday")[1], "value": "2025-05-05"},
        {"start": span("on Friday")[0], "end": span("on Friday")[1], "value": "2025-05-09"},
    ],
}}


def test_counts_follow_the_matching_rules():
    result = score(GOLD, PREDICTIONS)
    c = result.counts
    assert (c["articles"], c["missing_articles"]) == (2, 1)
    assert (c["statements"], c["statements_found"], c["speaker_right"]) == (3, 1, 1)
    assert (c["events"], c["events_found"], c["events_typed"], c["asserted_right"]) == (2, 2, 2, 1)
    assert (c["dated"], c["date_right"]) == (2, 2)
    assert (c["times"], c["time_right"]) == (2, 1)
    assert len(result.errors) == 4  # two statements, one asserter, one time expression
    assert "| statements (speaker right) | 1/3 | 1/3 | 0.333 |" in table(result)


def test_names_match_on_a_long_shared_word_only():
    assert same_name("Putin", "Vladimir Putin")
    assert not same_name("the Russian president", "Vladimir Putin")
    assert not same_name("Peskov", "author") and same_name("author", "author")
    assert not same_name(None, "Vladimir Putin")


def run_shared_scorer(gold_path, pred_path) -> dict:
    scorer = shared_path("tools", "score_genre.py")
    done = subprocess.run([sys.executable, str(scorer), str(gold_path), str(pred_path), "--json"],
                          capture_output=True, text=True, check=True, timeout=120)
    return json.loads(done.stdout)


def test_agrees_with_score_genre_on_invented_predictions(tmp_path):
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_path.write_text("".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8")
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in PREDICTIONS.values()), encoding="utf-8")
    assert score(GOLD, PREDICTIONS).summary() == run_shared_scorer(gold_path, pred_path)


@pytest.mark.slow
@pytest.mark.shared
def test_agrees_with_score_genre_on_the_dev_set(tmp_path):
    gold_path = shared_path("data", "genre", "dev.jsonl")
    pred_path = tmp_path / "pred.jsonl"
    done = subprocess.run([sys.executable, "-m", "presslens.cli", "eval", "genre", str(gold_path),
                           "--predictions-out", str(pred_path)], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    predictions = {p["id"]: p for p in map(json.loads, pred_path.read_text(encoding="utf-8").splitlines())}
    ours = score(gold, predictions)
    assert ours.summary() == run_shared_scorer(gold_path, pred_path)
    assert f"{ours.counts['speaker_right']}/{ours.counts['statements']}" in done.stdout
