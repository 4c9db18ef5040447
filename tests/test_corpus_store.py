"""Corpus links in the store, on SQLite and PostgreSQL: identities in the speaker views and
queries, stories and statements kept up to date one ingest at a time, migration 2."""
from __future__ import annotations

import os

import pytest
from sqlalchemy import create_engine, func, inspect, select, text

from presslens import analyze
from presslens.model import Analysis, Event, Quote, Span, Speaker
from presslens.store import open_store
from presslens.store import corpus_queries as C
from presslens.store import queries as Q
from presslens.store.corpus_schema import quote_identities
from presslens.store.linking import link_articles, relink
from presslens.store.migrations import MIGRATIONS, migrate
from presslens.store.writer import write_analysis

from linking_articles import STATEMENT, STRIKE

PG_URL = os.environ.get("PRESSLENS_TEST_PG_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    if request.param == "sqlite":
        yield open_store(str(tmp_path / "corpus.db"))
        return
    if not PG_URL:
        pytest.skip("PRESSLENS_TEST_PG_URL is not set (.ci/run starts PostgreSQL and sets it)")
    url = PG_URL.replace("postgresql://", "postgresql+psycopg://", 1)
    with create_engine(url).begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    store = open_store(PG_URL)
    yield store
    store.dispose()


def said(doc_id: str, outlet: str, published: str, speaker: str, words: str, role: str | None = None) -> Analysis:
    body = f"\u201c{words}\u201d {speaker} said on {published}."
    return Analysis(text=body, outlet=outlet, published=published, id=doc_id, quotes=[
        Quote("direct", Span.of(body, 1, 1 + len(words)), None, Speaker(speaker, role=role))])


def store_and_link(engine, analyses) -> list[int]:
    ids = [write_analysis(engine, a, document_id=a.id) for a in analyses]
    link_articles(engine, ids, embedder="lexical")
    return ids


def test_donald_j_trump_trump_and_president_trump_are_found_by_any_of_their_names(engine):
    store_and_link(engine, [said("t1", "Harbour Wire", "2025-07-01", "Donald J. Trump", "Tariffs will come down soon")])
    store_and_link(engine, [said("t2", "Kyiv Ledger", "2025-07-02", "Trump", "We are very close to a deal"),
                            said("t3", "Coast Courier", "2025-07-03", "President Trump", "Nobody did more for peace"),
                            said("t4", "Daily Digest", "2025-07-03", "Rip Donald Trump", "I never met the president",
                                 role="plumber")])
    trump = {"Tariffs will come down soon", "We are very close to a deal", "Nobody did more for peace"}
    for name in ("Donald J. Trump", "Trump", "President Trump", "Donald Trump"):
        found = {q["content"] for q in Q.list_quotes(engine, speaker=name)}
        assert trump <= found, name
    assert {q["content"] for q in Q.list_quotes(engine, speaker="Donald Trump")} == trump
    assert {q["content"] for q in Q.list_quotes(engine, speaker="Rip Donald Trump")} == {"I never met the president"}
    counts = {row["identity_id"]: row["quotes"] for row in Q.list_speakers(engine)}
    assert counts == {"person:donald-trump": 3, "person:rip-trump": 1}
    assert [r["quotes"] for r in Q.list_speakers(engine, q="Donald Trump")] == [3]


def test_a_surname_linked_alone_moves_to_the_full_name_when_it_arrives(engine):
    first = store_and_link(engine, [said("p1", "A", "2025-02-01", "Peskov", "The talks will go ahead next week")])
    store_and_link(engine, [said("p2", "B", "2025-02-02", "Dmitry Peskov", "Nothing has changed in our position")])
    with engine.connect() as conn:
        ids = set(conn.scalars(select(quote_identities.c.identity_id)))
    assert ids == {"person:dmitry-peskov"}
    assert len(Q.list_quotes(engine, speaker="Dmitry Peskov")) == 2
    assert first


@pytest.fixture(scope="module")
def analysed():
    return {a["id"]: analyze(a["text"], published=a["published"], outlet=a["outlet"])
            for a in STRIKE + STATEMENT}


def test_stories_and_statements_grow_one_ingest_at_a_time(engine, analysed):
    def put(articles):
        analyses = []
        for a in articles:
            analysis = analysed[a["id"]]
            analysis.id = a["id"]
            analyses.append(analysis)
        return store_and_link(engine, analyses)

    put(STRIKE[:2] + STATEMENT[:1])
    story = C.list_stories(engine, min_reports=2)
    assert len(story) == 1 and {r["doc_id"] for r in story[0]["reports"]} == {"harbour-wire-1", "kyiv-ledger-1"}
    story_id = story[0]["id"]
    put(STRIKE[2:] + STATEMENT[1:])
    stories = C.list_stories(engine, min_reports=2)
    assert [s["id"] for s in stories if s["type"] == "ASSAULT"] == [story_id]  # the new reports joined the stored story
    # the statement articles tell one story too: Kovalenko's refusal, typed REJECT by the event extractor
    assert [({r["doc_id"] for r in s["reports"]}, s["asserted_by"]) for s in stories if s["id"] != story_id] == [
        ({a["id"] for a in STATEMENT}, ["Anna Kovalenko"])]
    story = C.get_story(engine, story_id)
    assert {r["doc_id"] for r in story["reports"]} == {a["id"] for a in STRIKE}
    assert set(story["asserted_by"]) == {"Harbour Wire", "Ukraine air force", "regional governor"}
    assert story["denied_by"] == ["Russian Defence Ministry"]
    assert {c["kind"] for c in story["conflicts"]} == {"denial", "number"}
    assert all(isinstance(r["article_id"], int) for r in story["reports"])
    assert C.list_stories(engine, outlet="Moscow Herald", min_reports=2)[0]["id"] == story_id
    assert C.list_stories(engine, speaker="Ukraine air force", min_reports=2)[0]["id"] == story_id
    # the strike story is dated by its day; undated mentions ("repeated attacks this spring") are
    # placed by the linker on their article's day and may follow it
    assert story_id not in [s["id"] for s in C.list_stories(engine, since="2025-05-04", type="ASSAULT")]
    statements = C.list_statements(engine, linked=True)
    assert len(statements) == 1
    assert [a["doc_id"] for a in statements[0]["appearances"]] == ["s-2", "s-1", "s-3"]
    assert statements[0]["first_seen"] == "2025-06-01"
    assert C.get_statement(engine, statements[0]["id"])["speaker"] == "Anna Kovalenko"
    quote_id = statements[0]["appearances"][1]["quote_id"]
    carried = C.carried_by(engine, [quote_id])[quote_id]
    assert {a["outlet"] for a in carried["others"]} == {"Kyiv Ledger", "Coast Courier"}
    # linking everything again from scratch gives the same story
    assert relink(engine, embedder="lexical") == len(STRIKE) + len(STATEMENT)
    again = C.list_stories(engine, min_reports=2)
    assert len(again) == 2 and [len(s["reports"]) for s in again if s["type"] == "ASSAULT"] == [len(STRIKE)]


def test_migrations_2_to_4_add_the_corpus_tables_to_a_version_1_store(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as conn:
        from presslens.store.schema import schema_version

        schema_version.create(conn)
        version, description, step = MIGRATIONS[0]
        step(conn)
        conn.execute(schema_version.insert().values(version=version, description=description))
    assert not inspect(engine).has_table("stories")
    assert migrate(engine) == 4
    assert {"stories", "statements", "corpus_identities", "link_keys", "embeddings",
            "statement_passages"} <= set(inspect(engine).get_table_names())


def test_migration_4_files_the_stored_statements_under_their_speakers_days(engine):
    """A version-3 store (speaker keys without a day) upgrades to the keys a new ingest writes, and a
    reworded quotation of a later ingest, found by its speaker's days only, still joins the stored statement."""
    from sqlalchemy import delete

    from presslens.store.corpus_schema import link_keys, statements
    from presslens.store.schema import schema_version

    store_and_link(engine, [said("q-1", "Coast Courier", "2025-06-01", "Anna Kovalenko",
                                 "repairs to the harbour cranes must finish before the autumn storms reach the coast")])
    with engine.begin() as conn:
        written = set(conn.execute(select(link_keys.c.key, link_keys.c.target_id)))
        assert {k for k, _ in written if k.startswith("speaker:")} == {
            "speaker:person:anna-kovalenko", "speaker:person:anna-kovalenko@2025-06-01"}
        conn.execute(delete(link_keys).where(link_keys.c.key.contains("@")))  # as version 3 kept them
        conn.execute(delete(schema_version).where(schema_version.c.version == 4))
    migrate(engine)
    with engine.connect() as conn:
        assert set(conn.execute(select(link_keys.c.key, link_keys.c.target_id))) == written
    store_and_link(engine, [said("q-2", "Daily Herald", "2025-06-03", "Anna Kovalenko",
                                 "before the autumn storms reach the coast, the harbour cranes repairs must finish")])
    (statement,) = C.list_statements(engine, linked=True)
    assert [(a["doc_id"], a["match"]) for a in statement["appearances"]] == [("q-1", "first"), ("q-2", "reworded")]
    store_and_link(engine, [said("q-3", "Daily Herald", "2025-06-09", "Anna Kovalenko",
                                 "the harbour cranes repairs must finish before the autumn storms, she said again")])
    with engine.connect() as conn:  # a week later: another statement
        assert conn.scalar(select(func.count()).select_from(statements)) == 2


def test_events_asserted_by_any_name_of_an_identity(engine):
    def told(doc_id, speaker, day):
        text = f"{speaker} said the strike hit the port of Quessa."
        event = Event("ASSAULT", None, "port", "Quessa", day, Span(len(speaker) + 10, len(text) - 1,
                                                                   text[len(speaker) + 10:-1]), asserted_by=speaker)
        quote = Quote("indirect", Span(len(speaker) + 10, len(text) - 1, text[len(speaker) + 10:-1]), None,
                      Speaker(speaker))
        return Analysis(text=text, outlet=doc_id, published=day, id=doc_id, quotes=[quote], events=[event])

    store_and_link(engine, [told("e1", "Vladimir Putin", "2025-03-01"), told("e2", "President Vladimir Putin", "2025-03-02")])
    assert len(Q.list_events(engine, asserted_by="Putin")) == 2
    assert len(Q.list_events(engine, asserted_by="President Vladimir Putin")) == 2


def test_a_linking_failure_keeps_the_ingest_and_is_logged(tmp_path, monkeypatch):
    from presslens.ingest import Document
    from presslens.store import loader

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(loader, "link_articles", broken)
    monkeypatch.setattr(loader, "analyze_parallel", lambda records, workers, max_bytes: (
        said(r["id"], "Herald", "2025-01-02", "Mara Velkin", "The bridge will reopen on Monday") for r in records))
    engine = open_store(str(tmp_path / "c.db"))
    stats = loader.load(engine, [Document(id="d1", text="Mara Velkin said the bridge would reopen on Monday.",
                                          published="2025-01-02")], embedder="lexical")
    assert stats.stored == 1 and stats.linked == 0
    assert any("not linked: RuntimeError: boom" in e["reason"] for e in Q.list_errors(engine))


def _strike(doc_id: str, text_: str, *, actor=None, target=None, bodies=()) -> Analysis:
    from presslens.model import Entity
    trigger = text_.split()[2]
    at = text_.find(trigger)
    event = Event("ASSAULT", actor, target, "Kharkiv", None, Span(0, len(text_), text_),
                  trigger=Span(at, at + len(trigger), trigger))
    return Analysis(text=text_, outlet=f"outlet {doc_id}", published="2025-03-01", id=doc_id, events=[event],
                    entities=[Entity(f"e{i}", b, "ORG") for i, b in enumerate(bodies)])


def test_a_story_merged_into_another_by_a_later_ingest_is_gone_from_the_store(engine):
    first = [write_analysis(engine, a, document_id=a.id) for a in (
        _strike("a", "Russian army shelled the city at dawn.", actor="Russian army", bodies=["Regional Administration"]),
        _strike("b", "Overnight rockets hit residential areas.", target="residential areas", bodies=["Emergency Service"]))]
    link_articles(engine, first, embedder=None)
    assert len(C.list_stories(engine)) == 2
    later = write_analysis(engine, _strike("c", "The army struck residential areas, the Regional Administration and the "
                                                "Emergency Service said.", actor="Russian army",
                                           target="residential areas",
                                           bodies=["Regional Administration", "Emergency Service"]), document_id="c")
    change = link_articles(engine, [later], embedder=None)
    assert len(change.removed_stories) == 1
    stories_now = C.list_stories(engine)
    assert len(stories_now) == 1 and len(stories_now[0]["reports"]) == 3


def test_a_speech_stored_first_is_the_first_appearance_of_a_quotation_ingested_later(engine):
    passage = ("We will direct these funds to the reconstruction of every school and hospital in the eastern "
               "regions before the winter comes")
    speech = f"Address of the President.\nDear compatriots. {passage}. Glory to our defenders."
    store_and_link(engine, [Analysis(text=speech, outlet="Presidency", published="2025-05-01", id="speech-1")])
    store_and_link(engine, [said("news-1", "Daily Herald", "2025-05-02", "Olena Marchuk", passage, role="president")])
    (statement,) = C.list_statements(engine, linked=True)
    assert statement["first_seen"] == "2025-05-01" and statement["speaker"] == "Olena Marchuk"
    first, quoted = statement["appearances"]
    assert (first["doc_id"], first["kind"], first["quote_id"], first["match"]) == ("speech-1", "own_text", None, "first")
    assert first["content"]["text"] == passage and speech[first["content"]["start"]:first["content"]["end"]] == passage
    assert (quoted["doc_id"], quoted["kind"], quoted["match"]) == ("news-1", "direct", "identical")
    assert relink(engine, embedder="lexical") == 2  # linked again from scratch: the same statement
    assert [a["kind"] for a in C.list_statements(engine, linked=True)[0]["appearances"]] == ["own_text", "direct"]


def test_a_speech_passage_read_as_a_quotation_and_stored_first_joins_the_quotation_ingested_later(engine):
    passage = ("We will direct these funds to the reconstruction of every school and hospital in the eastern "
               "regions before the winter comes")
    speech = f"Dear compatriots. {passage}. Glory to our defenders."
    start = speech.index(passage)
    read = Quote("direct", Span(start, start + len(passage), passage), None, Speaker(None))  # no speaker found
    quoted = passage.replace(" in the eastern regions before the winter comes", " in the east, and we will also build new roads and bridges there")  # no near copy of it
    store_and_link(engine, [Analysis(text=speech, outlet="Presidency", published="2025-05-01", id="speech-1",
                                     quotes=[read])])
    store_and_link(engine, [said("news-1", "Daily Herald", "2025-05-02", "Olena Marchuk", quoted)])
    assert len(C.list_statements(engine, linked=False)) == 1  # the speech's own statement joined, not doubled
    (statement,) = C.list_statements(engine, linked=True)
    assert [(a["doc_id"], a["kind"], a["quote_id"] is not None) for a in statement["appearances"]] == [
        ("speech-1", "own_text", True), ("news-1", "direct", True)]


def test_findings_read_back_in_chunks_keep_each_articles_own_quotes_in_the_order_asked(engine, monkeypatch):
    import gc

    from presslens.store import linking

    monkeypatch.setattr(linking, "_ARTICLES_AT_ONCE", 2)  # chunks of two: an article's rows never leak into another's
    analyses = [said(f"c{i}", "Harbour Wire", f"2025-08-0{i}", "Mira Olsen", f"The ferry line number {i} reopens")
                for i in range(1, 6)]
    ids = [write_analysis(engine, a, document_id=a.id) for a in analyses]
    asked = [ids[3], ids[0], 10 ** 6, ids[4], ids[2], ids[1]]  # one id not stored: skipped
    with engine.connect() as conn:
        read = list(linking.stored_analyses(conn, asked))
    assert [article_id for article_id, *_ in read] == [i for i in asked if i != 10 ** 6]
    for article_id, analysis, quote_ids, _ in read:
        number = ids.index(article_id) + 1
        assert [q.content.text for q in analysis.quotes] == [f"The ferry line number {number} reopens"]
        assert len(quote_ids) == 1
    gc.disable()  # a caller's choice is kept: linking pauses the collector and restores it as it found it
    try:
        link_articles(engine, ids[:3], embedder="lexical")
        assert not gc.isenabled()
    finally:
        gc.enable()
    link_articles(engine, ids[3:], embedder="lexical")
    assert gc.isenabled()
