"""On a fixed sample of the genre corpus (../shared/data/genre/corpus.jsonl, unannotated), the
share of non-vague quotes whose speaker name is no person or body — a pronoun ("I", "We"), a
fragment opening with a preposition ("of state"), a headline ("Obama Says"), or a bare title or
role ("President", "Russian leader") not marked `resolved: false` — stays under 2 %.

The word lists here are the test's own, independent of the package's vocabularies.
"""
from __future__ import annotations

import json

import pytest

from presslens import analyze_many

from conftest import shared_path

SAMPLE_EVERY = 40  # articles 0, 40, 80, … of corpus.jsonl: a fixed sample across all four sources
LIMIT = 0.02

PRONOUNS = set("i we you he she it they me us him her them my our this that these those who".split())
PREPOSITIONS = set("of for to from in on at by with about against into over under".split())
HEADLINE_VERBS = set("says said tells told warns claims urges slams vows insists denies admits".split())
ROLE_WORDS = set("""
president vice prime minister foreign defence defense finance deputy head state government leader chief
ambassador diplomat top envoy spokesman spokeswoman spokesperson secretary chancellor premier adviser
advisor aide official governor mayor commander general king queen chairman chair director office
russian ukrainian american chinese european british french german israeli the of his her its their
""".split())


def bad_name(name: str) -> str | None:
    """Why a speaker name is no person or body, or None when it is acceptable."""
    words = name.replace("’", "'").split()
    if not words:
        return None
    lowered = [w.lower().strip(".,:;'\"") for w in words]
    if len(words) == 1 and lowered[0] in PRONOUNS:
        return "pronoun"
    if lowered[0] in PREPOSITIONS:
        return "fragment"
    if len(words) > 1 and lowered[-1] in HEADLINE_VERBS and words[-1][:1].isupper():
        return "headline"
    if all(w in ROLE_WORDS for w in lowered):
        return "bare title"
    return None


def test_bad_name_rules():
    assert bad_name("I") == "pronoun"
    assert bad_name("of state") == "fragment"
    assert bad_name("Obama Says") == "headline"
    assert bad_name("Russian leader") == "bare title"
    assert bad_name("Vladimir Putin") is None
    assert bad_name("Russian Foreign Ministry") is None


@pytest.mark.slow
def test_corpus_speaker_names_are_people_or_bodies():
    path = shared_path("data", "genre", "corpus.jsonl")
    with path.open(encoding="utf-8") as f:
        records = [json.loads(line) for i, line in enumerate(f) if i % SAMPLE_EVERY == 0]
    counted, bad = 0, []
    for analysis in analyze_many(records):
        for q in analysis.quotes:
            s = q.speaker
            if s.vague or not s.name:
                continue
            counted += 1
            why = bad_name(s.name)
            if why and s.resolved:
                bad.append(f"{why}: {s.name!r} ({analysis.id})")
    share = len(bad) / counted if counted else 0.0
    print(f"\ncorpus sample: {len(records)} articles, {counted} non-vague quotes, "
          f"{len(bad)} with a speaker name that is no person or body ({share:.1%})")
    for line in bad[:30]:
        print("  ", line)
    assert counted > 100
    assert share < LIMIT
