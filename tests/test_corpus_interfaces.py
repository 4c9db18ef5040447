"""`presslens stories`, `presslens statements --linked`, `presslens link`, the REST endpoints and the
Speaker page's "also carried by", over a store of invented articles (the browser test is in
test_stories_browser.py)."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from presslens.cli import app
from presslens.web import create_app

from linking_articles import STATEMENT, STRIKE, build_store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("linked") / "corpus.db")


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db))


def _strike(stories: list[dict]) -> list[dict]:
    """The stories the strike articles tell (the statement articles tell one too: Kovalenko's refusal,
    "we will never surrender our land for a ceasefire", which the event extractor types REJECT)."""
    strike = {a["id"] for a in STRIKE}
    return [s for s in stories if {r["doc_id"] for r in s["reports"]} & strike]


def test_stories_json_has_the_issue_shape_and_filters(db):
    result = runner.invoke(app, ["stories", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    stories = json.loads(result.stdout)
    assert len(_strike(stories)) == 1 and len(stories) == 2
    story = _strike(stories)[0]
    refusal = next(s for s in stories if s is not story)
    assert refusal["type"] == "REJECT" and refusal["asserted_by"] == ["Anna Kovalenko"]
    assert {r["doc_id"] for r in refusal["reports"]} == {a["id"] for a in STATEMENT}
    assert story["type"] == "ASSAULT" and story["date"] == "2025-05-03"
    assert {"id", "type", "date", "place", "actors", "targets", "reports", "asserted_by", "denied_by", "relays",
            "conflicts"} <= set(story)
    assert {r["doc_id"] for r in story["reports"]} == {a["id"] for a in STRIKE}
    assert {"doc_id", "outlet", "published", "evidence", "asserted_by", "modality"} <= set(story["reports"][0])
    assert {c["kind"] for c in story["conflicts"]} == {"denial", "number"}
    for args, expected in ((["--outlet", "Coast Courier"], 2), (["--outlet", "Moscow Herald"], 1),
                           (["--outlet", "Nowhere"], 0), (["--type", "ASSAULT"], 1), (["--type", "REJECT"], 1),
                           (["--since", "2025-05-04", "--until", "2025-05-31"], 0), (["--until", "2025-05-03"], 1),
                           (["--speaker", "Russian Defense Ministry"], 1)):
        found = json.loads(runner.invoke(app, ["stories", "--db", db, "-f", "json", *args]).stdout)
        assert len(found) == expected, args


def test_stories_text_names_asserters_deniers_relays_and_conflicts(db):
    result = runner.invoke(app, ["stories", "--db", db])
    assert result.exit_code == 0
    for words in ("asserted by", "Russian Defence Ministry", "Daily Digest ← Harbour Wire", "conflict (number)"):
        assert words in result.stdout


def test_statements_linked_json_and_text(db):
    statements = json.loads(runner.invoke(app, ["statements", "--db", db, "--linked", "-f", "json"]).stdout)
    assert len(statements) == 1
    statement = statements[0]
    assert {"id", "speaker", "text", "first_seen", "appearances"} <= set(statement)
    assert {"doc_id", "outlet", "published", "kind", "relayed_by"} <= set(statement["appearances"][0])
    assert [a["doc_id"] for a in statement["appearances"]] == ["s-2", "s-1", "s-3"]
    only = json.loads(runner.invoke(app, ["statements", "--db", db, "--linked", "--speaker", "Kovalenko", "-f", "json"]).stdout)
    assert [s["id"] for s in only] == [statement["id"]]
    text = runner.invoke(app, ["statements", "--db", db, "--linked"]).stdout
    assert "Anna Kovalenko" in text and "first seen 2025-06-01" in text


def test_link_relinks_the_store_and_refuses_an_unknown_embedder(tmp_path, db):
    import shutil

    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    result = runner.invoke(app, ["link", "--db", str(copy), "--embedder", "lexical"])
    assert result.exit_code == 0 and f"linked {len(STRIKE) + len(STATEMENT)} articles" in result.output
    again = json.loads(runner.invoke(app, ["stories", "--db", str(copy), "-f", "json"]).stdout)
    assert len(_strike(again)) == 1 and len(_strike(again)[0]["reports"]) == len(STRIKE) and len(again) == 2
    bad = runner.invoke(app, ["link", "--db", str(copy), "--embedder", "glove"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output


def test_rest_stories_and_statements_paginated_and_in_openapi(client):
    page = client.get("/api/stories", params={"limit": 1}).json()
    assert set(page) == {"items", "total", "limit", "offset", "next_offset"} and len(page["items"]) == 1
    story_id = page["items"][0]["id"]
    story = client.get(f"/api/stories/{story_id}").json()
    assert story["denied_by"] == ["Russian Defence Ministry"]
    assert client.get("/api/stories/story-000000000000").status_code == 404
    assert client.get("/api/stories/not-an-id").status_code == 422
    statements = client.get("/api/statements").json()["items"]
    statement = client.get(f"/api/statements/{statements[0]['id']}").json()
    assert len(statement["appearances"]) == 3
    assert client.get("/api/statements/stmt-000000000000").status_code == 404
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/stories", "/api/stories/{story_id}", "/api/statements", "/api/statements/{statement_id}"} <= set(paths)


def test_story_page_and_speaker_page_also_carried_by(client):
    story_id = client.get("/api/stories").json()["items"][0]["id"]
    html = client.get(f"/stories/{story_id}").text
    for words in ("Moscow Herald", "denies", "Daily Digest relays Harbour Wire", "#:~:text="):
        assert words in html
    assert "Russian Defence Ministry" in client.get("/stories").text
    speaker = client.get("/speakers/Anna Kovalenko").text
    assert "also carried by" in speaker and "Kyiv Ledger" in speaker and "(first)" in speaker
