"""Claims: checkable sentences, who asserts them, and the stance of the author's own."""
from __future__ import annotations

import json

import pytest

from presslens.pipeline import get_pipeline


@pytest.fixture(scope="module")
def claims():
    text = ("The harbour authority closed the eastern pier on Tuesday.\n"
            "\"We will not reopen it until the cracks are repaired,\" said port director Alma Reyes.\n"
            "Industry experts say the damage is worse than reported.\n"
            "The new pier will probably cost twice as much.\n"
            "The council should have acted years ago.\n"
            "Who pays for it?\n")
    doc = get_pipeline()(text)
    return {c.text.split()[1]: c for c in doc._.claims}


def test_author_fact_is_unattributed(claims):
    c = claims["harbour"]
    assert c.attribution == "unattributed" and c.stance == "fact" and c.speaker is None


def test_quoted_statement_has_speaker(claims):
    c = claims["will"]
    assert c.attribution == "quoted" and "Reyes" in c.speaker


def test_vague_source(claims):
    assert claims["experts"].attribution == "vague"


def test_author_prediction_and_opinion(claims):
    assert (claims["new"].attribution, claims["new"].stance) == ("unattributed", "prediction")
    assert (claims["council"].attribution, claims["council"].stance) == ("unattributed", "opinion")


def test_questions_are_not_claims(claims):
    assert "pays" not in claims


@pytest.mark.shared
def test_reference_article_claims(reference_article, reference_expected):
    expected = json.loads(reference_expected.read_text(encoding="utf-8"))
    doc = get_pipeline()(reference_article.read_text(encoding="utf-8"))
    by_start = {c.start: c for c in doc._.claims}
    for item in expected["unattributed_claims"]:
        claim = by_start.get(item["span"][0])
        assert claim is not None and claim.attribution == "unattributed", item["text"][:60]
    for q in expected["quotes"]:
        s, e = q["content_span"]
        inside = [c for c in doc._.claims if c.start >= s and c.end <= e]
        assert all(c.attribution == "quoted" for c in inside), q["content"][:60]
