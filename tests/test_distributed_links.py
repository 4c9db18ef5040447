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


# --- the speaker's own text: the Dask path finds what `presslens.corpus.link` finds ----------------

SPEECH = ("Address of the President to the nation.\n"
          "Dear compatriots. Today I signed the decree on the new energy fund. We will direct these funds to the "
          "reconstruction of every school and hospital in the eastern regions before the winter comes. And we must "
          "admit that without new bridges we will not be able to bring the harvest of the south to the ports in "
          "time, as all our external partners have recognised. Thank you, and glory to our defenders.")
FUNDS = ("We will direct these funds to the reconstruction of every school and hospital in the eastern regions "
         "before the winter comes")
BRIDGES = ("And we must admit that without new bridges we will not be able to bring the harvest of the south to the "
           "ports in time")
TEMPLATE = ("The agreement reaffirms the commitment of the Northern Union to develop comprehensive and lasting "
            "cooperation with the Republic of {} in every field.")


def _analysis(doc_id, published, text, quotes):
    """An invented analysis: `quotes` are (kind, quoted words, speaker name)."""
    from presslens.model import Analysis, Quote, Span, Speaker
    found = []
    for kind, said, speaker in quotes:
        start = text.index(said)
        found.append(Quote(kind, Span(start, start + len(said), said), None, Speaker(speaker)))
    return Analysis(text=text, id=doc_id, outlet="Presidency" if doc_id.startswith("r") else "Daily Herald",
                    published=published, quotes=found)


def _own_text_articles():
    said = lambda words, who: f"{who} spoke on Friday. \u201c{words}\u201d, {who} said."  # noqa: E731
    return [
        _analysis("r-speech", "2025-05-01", SPEECH, [("indirect", BRIDGES + ", as all our external partners",
                                                      "external partners")]),  # the speech's words read as reported
        _analysis("n-funds", "2025-05-02", said(FUNDS.replace("We will", "We shall"), "Olena Marchuk"),
                  [("direct", FUNDS.replace("We will", "We shall"), "Olena Marchuk")]),
        _analysis("n-bridges", "2025-05-02", said(BRIDGES, "Olena Marchuk"), [("direct", BRIDGES, "Olena Marchuk")]),
        _analysis("n-late", "2025-05-09", said(FUNDS, "Tomas Varga"), [("direct", FUNDS, "Tomas Varga")]),  # days later
        _analysis("r-aldovia", "2025-05-01", "The agreement was signed on Monday. " + TEMPLATE.format("Aldovia"), []),
        _analysis("n-belmora", "2025-05-01", said(TEMPLATE.format("Belmora")[:-1], "Tomas Varga"),
                  [("direct", TEMPLATE.format("Belmora")[:-1], "Tomas Varga")]),
        _analysis("n-aldovia", "2025-05-02", said(TEMPLATE.format("Aldovia")[:-1], "Tomas Varga"),
                  [("direct", TEMPLATE.format("Aldovia")[:-1], "Tomas Varga")]),
    ]


def _write_run(out, analyses):
    """The Parquet `presslens run` writes for these analyses, in two shards."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from presslens.distributed import TABLES, schema, table_rows
    for shard, part in (("one", analyses[::2]), ("two", analyses[1::2])):
        rows = {table: [] for table in TABLES}
        for analysis in part:
            for table, table_rows_ in table_rows(analysis, analysis.id).items():
                rows[table] += table_rows_
        for table in TABLES:
            directory = out / table / f"shard={shard}"
            directory.mkdir(parents=True)
            pq.write_table(pa.Table.from_pylist(rows[table], schema=schema(table)), directory / "part-00000.parquet")


def _as_set(statements):
    return {(s[0], s[1], frozenset(s[2])) for s in statements}


def test_the_dask_path_finds_the_speakers_own_text_as_corpus_link_does(tmp_path, client):
    from presslens.corpus import LinkInput, link
    analyses = _own_text_articles()
    out = tmp_path / "out"
    _write_run(out, analyses)
    summary = link_parquet(str(out), client=client, embedder="lexical")
    appearances = read(out, "statement_appearances")
    dask = _as_set((s["id"], s["first_seen"], [(a["article_id"], a["position"], a["kind"], a["content_start"])
                                              for a in appearances if a["statement_id"] == s["id"]])
                   for s in read(out, "statements"))
    ordered = sorted(analyses, key=lambda a: (a.published, a.id))
    links = link([LinkInput(a.id, a.outlet, a.published, a) for a in ordered], embedder="lexical")
    local = _as_set((s.id, s.first_seen, [(a.doc_id, a.quote_index, a.kind, a.content.start if a.content else None)
                                          for a in s.appearances]) for s in links.statements)
    assert dask == local
    linked = {frozenset(a[0] for a in apps) for _, _, apps in dask if len(apps) > 1}
    assert linked == {frozenset({"r-speech", "n-funds"}), frozenset({"r-speech", "n-bridges"}),
                      frozenset({"r-aldovia", "n-aldovia"})}  # not the late one, nor the other republic's
    assert summary.linked_statements == 3 and summary.statements == len(dask)
    bridges = next(apps for _, _, apps in dask if {a[0] for a in apps} == {"r-speech", "n-bridges"})
    assert ("r-speech", 0, "own_text", SPEECH.index(BRIDGES)) in bridges  # the speech's quotation joined, once
    assert sum(1 for _, _, apps in dask for a in apps if a[0] == "r-speech" and a[1] == 0) == 1
