"""The store on SQLite and on PostgreSQL (PRESSLENS_TEST_PG_URL): writing, dedup, queries, export."""
from __future__ import annotations

import json
import os

import pyarrow.parquet as pq
import pytest
from sqlalchemy import create_engine, text

from presslens.model import Analysis, Claim, Entity, Event, Quote, Span, Speaker, Technique, TimeExpression
from presslens.store import open_store
from presslens.store import queries as Q
from presslens.store.export import export
from presslens.store.migrations import CURRENT_VERSION, migrate
from presslens.store.writer import record_error, text_hash, write_analysis

PG_URL = os.environ.get("PRESSLENS_TEST_PG_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    if request.param == "sqlite":
        yield open_store(str(tmp_path / "corpus.db"))
        return
    if not PG_URL:
        pytest.skip("PRESSLENS_TEST_PG_URL is not set (.ci/run starts PostgreSQL and sets it)")
    url = PG_URL.replace("postgresql://", "postgresql+psycopg://", 1)
    with create_engine(url).begin() as conn:  # a clean database for every test
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    store = open_store(PG_URL)
    yield store
    store.dispose()


def article(n: int, speaker: str, said: str, *, outlet="Quessa Herald", published="2025-03-10", url=None):
    body = f"Harbour Minister {speaker} said on Monday that {said}. Officials said the port was busy. Story {n}."
    start = body.index(said)
    analysis = Analysis(text=body, title=f"Story {n}", url=url, outlet=outlet, published=published, id=f"a{n}")
    analysis.entities = [Entity(id="e1", name=speaker, type="PERSON", role="Harbour Minister",
                                mentions=[Span.of(body, 17, 17 + len(speaker)), Span(0, 6, "Minister")])]
    analysis.quotes = [
        Quote("indirect", Span.of(body, start, start + len(said)), Span.of(body, 18 + len(speaker), 22 + len(speaker)),
              Speaker(speaker, role="Harbour Minister", entity_id="e1"), confidence=0.8),
        Quote("indirect", Span.of(body, 0, 5), None, Speaker("Officials", vague=True)),
    ]
    analysis.events = [Event("Announce", speaker, None, "Port Quessa", published, Span.of(body, 0, 10),
                             asserted_by="author")]
    analysis.framing = [Technique("Loaded_Language", 0, 7, body[:7], 0.6, "test")]
    analysis.hedges = [Span.of(body, 0, 3)]
    analysis.time_expressions = [TimeExpression(0, 3, body[:3], published)]
    analysis.claims = [Claim(0, 7, body[:7], "unattributed")]
    return analysis


def fill(engine):
    ids = [write_analysis(engine, article(1, "Mara Velkin", "the terminal opens in April", published="2025-03-01",
                                          url="https://herald.example/1"), source="t"),
           write_analysis(engine, article(2, "Mara Velkin", "the dredging starts in summer", published="2025-04-02",
                                          outlet="Lindmark Courier"), source="t"),
           write_analysis(engine, article(3, "Tobias Rendt", "the strike is over", published="2025-04-20"), source="t")]
    assert all(ids)
    return ids


def test_migrations_are_recorded_and_idempotent(engine):
    assert migrate(engine) == CURRENT_VERSION
    assert migrate(engine) == CURRENT_VERSION
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM schema_version")) == CURRENT_VERSION


def test_write_everything_and_dedup_by_text_and_url(engine):
    first, *_ = fill(engine)
    counts = Q.table_counts(engine)
    assert counts == {"articles": 3, "entities": 3, "mentions": 6, "quotes": 6, "events": 3, "framing": 6,
                      "time_expressions": 3, "claims": 3, "errors": 0}
    again = article(1, "Mara Velkin", "the terminal opens in April", published="2025-03-01")
    again.text = "  " + again.text.upper() + "\n"  # same normalised text
    assert write_analysis(engine, again) is None
    same_url = article(9, "X Y", "something else entirely", url="https://herald.example/1")
    assert write_analysis(engine, same_url) is None
    assert Q.table_counts(engine) == counts
    stored = Q.get_article(engine, first)
    assert stored["text_hash"] == text_hash(again.text)
    assert [q["speaker"] for q in stored["quotes"]] == ["Officials", "Mara Velkin"]
    assert stored["quotes"][1]["entity_id"] == stored["entities"][0]["id"]
    assert stored["quotes"][1]["details"]["speaker"]["role"] == "Harbour Minister"
    assert {f["technique"] for f in stored["framing"]} == {"Loaded_Language", "Hedge"}
    assert Q.get_article(engine, 10_000) is None


def test_quotes_filters_and_aliases(engine):
    fill(engine)
    velkin = Q.list_quotes(engine, speaker="velkin")
    assert [q["content"] for q in velkin] == ["the terminal opens in April", "the dredging starts in summer"]
    assert Q.list_quotes(engine, speaker="Minister")[0]["speaker"] == "Mara Velkin"  # alias via a mention
    assert [q["published"] for q in Q.list_quotes(engine, speaker="Velkin", since="2025-04")] == ["2025-04-02"]
    assert len(Q.list_quotes(engine, speaker="Velkin", until="2025-03")) == 1
    assert len(Q.list_quotes(engine, outlet="courier")) == 2
    assert [q["content"] for q in Q.list_quotes(engine, q="strike")] == ["the strike is over"]
    assert len(Q.list_quotes(engine, limit=2, offset=5)) == 1
    assert Q.list_quotes(engine, speaker="100%_") == []


def test_speakers_events_articles_outlets_errors(engine):
    fill(engine)
    speakers = Q.list_speakers(engine)
    assert speakers[0]["speaker"] == "Officials" and speakers[0]["quotes"] == 3 and speakers[0]["vague"]
    velkin = next(s for s in speakers if s["speaker"] == "Mara Velkin")
    assert velkin["articles"] == 2 and "Lindmark Courier" in velkin["outlets"] and velkin["roles"] == "Harbour Minister"
    assert [e["date"] for e in Q.list_events(engine, place="quessa", since="2025-04")] == ["2025-04-02", "2025-04-20"]
    assert len(Q.list_events(engine, type="announce", asserted_by="author", until="2025-03-31")) == 1
    assert [a["title"] for a in Q.list_articles(engine)] == ["Story 3", "Story 2", "Story 1"]
    assert [a["title"] for a in Q.list_articles(engine, q="dredging summer")] == ["Story 2"]
    assert Q.list_articles(engine, q='"unbalanced (quote') == []
    assert [a["title"] for a in Q.list_articles(engine, q="dredging\x00summer\x1b")] == ["Story 2"]
    assert Q.count_articles(engine, outlet="herald") == 2
    herald = next(o for o in Q.outlet_stats(engine) if o["outlet"] == "Quessa Herald")
    assert herald["articles"] == 2 and herald["quotes"] == 4 and herald["vague_share"] == 0.5
    record_error(engine, "feed.rss", "entry 3", "no text")
    record_error(engine, "feed.rss", "entry 3", "no text")
    assert [(e["item"], e["reason"]) for e in Q.list_errors(engine)] == [("entry 3", "no text")]


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_one_file_per_table(engine, tmp_path, fmt):
    fill(engine)
    written = export(engine, fmt, tmp_path / "out")
    assert set(written) >= {"articles", "quotes", "events", "errors"}
    quotes = written["quotes"]
    if fmt == "parquet":
        table = pq.read_table(quotes)
        assert table.num_rows == 6 and json.loads(table.column("details")[0].as_py())["kind"] == "indirect"
        assert pq.read_table(written["errors"]).num_rows == 0
    elif fmt == "csv":
        assert quotes.read_text().count("\n") == 7
    else:
        rows = [json.loads(line) for line in quotes.read_text().splitlines()]
        assert len(rows) == 6 and rows[0]["speaker_vague"] in (False, 0)


def test_export_that_fails_half_way_leaves_the_previous_file_whole(engine, tmp_path, monkeypatch):
    from presslens.store import export as export_module

    fill(engine)
    out = tmp_path / "out"
    before = export(engine, "jsonl", out)["quotes"].read_text()

    def chunks_then_failure(engine_, table):
        yield from real_chunks(engine_, table)
        raise RuntimeError("the database went away")

    real_chunks = export_module._chunks
    monkeypatch.setattr(export_module, "_chunks", chunks_then_failure)
    with pytest.raises(RuntimeError, match="went away"):
        export(engine, "jsonl", out)
    assert (out / "quotes.jsonl").read_text() == before
    assert not [p.name for p in out.iterdir() if p.name.endswith(".part")]
