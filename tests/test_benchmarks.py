"""Issue 14 point 17: the throughput benchmark calls its target met only when the whole spread allows it."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def throughput():
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location("throughput", BENCHMARKS / "throughput.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_target_is_met_only_when_every_pair_reaches_it(throughput):
    assert throughput.verdict([0.72, 0.75, 0.71, 0.80, 0.74]) == "met"
    assert throughput.verdict([0.64, 0.80, 0.71, 0.73, 0.70]) == "undecided"  # the median passes, the spread does not
    assert throughput.verdict([0.60, 0.62, 0.66, 0.69, 0.65]) == "missed"
    assert throughput.TARGET == 0.70 and throughput.MIN_RUNS >= 5


def test_fewer_than_five_runs_are_refused(throughput, monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["throughput.py", "--runs", "2", "--no-write"])
    with pytest.raises(SystemExit) as exit_:
        throughput.main()
    assert exit_.value.code == 2 and "at least 5" in capsys.readouterr().err
