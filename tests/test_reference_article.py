"""The reference article of ../shared: every must-quote found with the right speaker."""
from __future__ import annotations

import subprocess
import sys

from conftest import shared_path


def test_reference_article_quotes(tmp_path, reference_article, reference_expected):
    checker = shared_path("tools", "check_example.py")
    out = tmp_path / "kursk.json"
    proc = subprocess.run([sys.executable, "-m", "presslens.cli", "analyze", str(reference_article),
                           "--published", "2025-04-28", "--format", "json", "--output", str(out)],
                          capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    check = subprocess.run([sys.executable, str(checker), str(out), str(reference_expected), "--strict", "--areas", "quotes"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
