"""Output files are written whole or not at all (presslens.files)."""
from __future__ import annotations

import os
import stat

import pytest

from presslens.files import replacing, write_atomically, write_jsonl


def test_a_failing_writer_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("old complete output\n")

    def lines():
        yield "first\n"
        raise ValueError("record 2 is bad")

    with pytest.raises(ValueError, match="record 2"):
        write_atomically(target, lines())
    assert target.read_text() == "old complete output\n"
    assert os.listdir(tmp_path) == ["out.jsonl"]


def test_a_new_file_appears_only_when_whole_with_the_usual_mode(tmp_path):
    target = tmp_path / "deep" / "predictions.jsonl"
    write_jsonl(target, ['{"id": 1}', '{"id": 2}'])
    assert target.read_text() == '{"id": 1}\n{"id": 2}\n'
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_replacing_hands_out_a_path_beside_the_target(tmp_path):
    target = tmp_path / "table.parquet"
    with replacing(target) as tmp:
        assert tmp.parent == tmp_path and tmp != target and not target.exists()
        tmp.write_bytes(b"PAR1")
    assert target.read_bytes() == b"PAR1" and not tmp.exists()
