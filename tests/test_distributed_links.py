"""`presslens run --dask … --link`: the Parquet the run wrote is linked on the cluster (a groupby on
blocking keys) into stories and statements, and re-linking replaces the earlier result."""
from __future__ import annotations

import json

import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from linking_articles import STATEMENT, STRIKE
from presslens.cli import app
from presslens.distributed import dask_client
from presslens.distributed_links import link_parquet


@pytest.fixture(scope="module")
def client():
    with dask_client("local", workers=2) as client:
        yield client


def read(output, table):
    return ds.dataset(output / table, format="parquet").to_table().to_pylist()


def test_run_link_writes_the_strike_story_and_the_carried_statement(tmp_path, client):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in STRIKE + STATEMENT), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(source), "--dask", client.scheduler.address, "--output", str(out),
                                      "--link", "--embedder", "lexical"])
    assert result.exit_code == 0, result.output
    assert "linked in" in result.output
    stories = read(out, "stories")
    reports = read(out, "story_reports")
    strike = [s for s in stories if s["reports"] >= 4]
    assert len(strike) == 1
    told = {r["article_id"] for r in reports if r["story_id"] == strike[0]["id"]}
    assert {"harbour-wire-1", "kyiv-ledger-1", "coast-courier-1", "daily-digest-1"} <= told
    assert "number" in {c["kind"] for c in json.loads(strike[0]["conflicts"])}
    statements = [s for s in read(out, "statements") if s["appearances"] == 3]
    assert len(statements) == 1 and statements[0]["first_seen"] == "2025-06-01"
    appearances = [a for a in read(out, "statement_appearances") if a["statement_id"] == statements[0]["id"]]
    assert sorted(a["article_id"] for a in appearances) == ["s-1", "s-2", "s-3"]
    again = link_parquet(str(out), client=client, embedder="lexical")
    assert again.linked_statements == 1 and len(read(out, "statements")) == again.statements
