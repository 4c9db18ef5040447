"""Issue 14 point 15, the web app for a new user: hedges with a legend, speaker colours that do not
repeat, role and affiliation on the speaker page, article titles on the events page, totals on
every paginated API response (`/api/outlets` too), one consistent size limit, a favicon."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from presslens.model import Analysis, Event, Quote, Span, Speaker
from presslens.web import create_app, corpus


def stored(text: str, **fields) -> Analysis:
    return Analysis(text=text, **fields)


def span(text: str, part: str) -> Span:
    return Span.of(text, text.index(part), text.index(part) + len(part))


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    app = create_app(str(tmp_path_factory.mktemp("ux") / "corpus.db"))
    engine = app.state.engine
    ids = []
    for n, outlet in enumerate(["Quessa Herald", "Valdor Post", "Quessa Herald"]):
        text = (f"Harbour Minister Mara Velkin said on Monday that the pier would probably reopen. Story {n}. "
                f"The navy shelled the port of Dorn, officials said.")
        ids.append(corpus.save(engine, stored(
            text, title=f"Pier story {n}", outlet=outlet, published=f"2025-03-1{n}",
            quotes=[Quote("indirect", span(text, "the pier would probably reopen"), span(text, "said"),
                          Speaker("Mara Velkin", role="Harbour Minister", affiliation="the Coastal Authority"))],
            events=[Event("ASSAULT", "navy", "Dorn", "Dorn", None, span(text, "The navy shelled the port of Dorn"))],
            hedges=[span(text, "probably")])))
    client = TestClient(app)
    client.ids = ids
    return client


def test_hedges_are_shown_with_a_legend(client):
    page = client.get(f"/articles/{client.ids[0]}").text
    assert re.search(r'<span class="hedge"[^>]*>probably</span>', page)
    legend = re.search(r'<p class="legend" id="legend">(.*?)</p>', page, re.S).group(1)
    for kind in ("statement", "persuasion technique", "time expression", "hedge"):
        assert kind in legend


def test_speaker_colours_do_not_repeat_after_ten_speakers():
    from presslens.report.speakers import group_by_speaker

    text = " ".join(f"Speaker{i} said it was fine." for i in range(25))
    quotes = [Quote("indirect", span(text, f"Speaker{i} said it was fine"), None, Speaker(f"Speaker{i}")) for i in range(25)]
    colours = [g.colour for g in group_by_speaker(Analysis(text=text, quotes=quotes))]
    assert len(colours) == 25 and len(set(colours)) == 25


def test_speaker_page_shows_role_and_affiliation(client):
    page = client.get("/speakers/Mara Velkin").text
    role = re.search(r'<p class="speaker-role" id="speaker-role">(.*?)</p>', page, re.S).group(1)
    assert "Harbour Minister" in role and "the Coastal Authority" in role


def test_events_page_links_each_event_by_its_article_title(client):
    page = client.get("/events").text
    links = re.findall(r'<a href="/articles/(\d+)">([^<]*)</a>', page)
    assert {title for _, title in links} == {"Pier story 0", "Pier story 1", "Pier story 2"}


def test_paginated_api_responses_carry_a_total(client):
    for path in ("/api/articles", "/api/quotes", "/api/events", "/api/speakers", "/api/outlets"):
        first = client.get(path, params={"limit": 1}).json()
        assert first["total"] == {"/api/speakers": 1, "/api/outlets": 2}.get(path, 3), path
        assert len(first["items"]) == 1 and first["limit"] == 1 and first["offset"] == 0
        assert first["next_offset"] == (1 if first["total"] > 1 else None), path
        last = client.get(path, params={"limit": 1, "offset": first["total"] - 1}).json()
        assert last["next_offset"] is None and len(last["items"]) == 1
    outlets = client.get("/api/outlets", params={"limit": 5}).json()["items"]
    assert [o["outlet"] for o in outlets] == ["Quessa Herald", "Valdor Post"] and outlets[0]["articles"] == 2
    filtered = client.get("/api/quotes", params={"outlet": "Valdor"}).json()
    assert filtered["total"] == 1 and filtered["next_offset"] is None


def test_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response.headers["content-type"].startswith("image/")


def test_one_size_limit_in_form_and_api_and_a_message_that_is_true_for_serve(tmp_path):
    small = TestClient(create_app(str(tmp_path / "s.db"), max_text_bytes=5_000))
    text = "The minister said the harbour would reopen in the spring. " * 100  # 5,900 bytes
    for response in (small.post("/api/analyze", json={"text": text}), small.post("/analyze", data={"text": text})):
        assert response.status_code == 422
        assert "5,000 bytes" in response.text and "limit" in response.text
    too_big = small.post("/api/analyze", content=b'{"text": "' + b"a" * 80_000 + b'"}',
                         headers={"content-type": "application/json"})
    assert too_big.status_code == 413 and "5,000 bytes" in too_big.json()["detail"]
    assert "--max-bytes" in CliRunner().invoke(__import__("presslens.cli", fromlist=["app"]).app, ["serve", "--help"]).output

    # the documented 2 MB holds for the form too: a 1.4 MB field is read (and judged), not cut at 1024 KB
    default = TestClient(create_app(str(tmp_path / "d.db")))
    cyrillic = "Министр сказал, что порт откроется весной. " * 17_000  # ~1.4 MB in UTF-8, not English
    page = default.post("/analyze", data={"text": cyrillic})
    assert page.status_code == 422 and "does not look like English" in page.text
