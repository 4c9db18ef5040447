"""Events: PLOVER types with actor, target and who asserts them (invented sentences)."""
import json
import subprocess
import sys

import pytest

from conftest import ROOT, shared_path
from issue3_nlp import annotate
from presslens.events.lexicon import PLOVER_TYPES


def events(text):
    return annotate(text)._.events


TYPE_CASES = [
    ("Norland and Estavia agreed to a new trade pact.", "AGREE", "Norland", None),
    ("The foreign minister of Norland met the Estavian envoy.", "CONSULT", "minister", "envoy"),
    ("The Norland government praised the Estavian rescuers.", "SUPPORT", "government", "rescuers"),
    ("Estavia provided humanitarian assistance to Norland.", "AID", "Estavia", "Norland"),
    ("The rebels released the hostages.", "CONCEDE", "rebels", "hostages"),
    ("Estavian troops withdrew from the border town.", "RETREAT", "troops", None),
    ("The opposition demanded new elections.", "REQUEST", "opposition", "elections"),
    ("Norland accused Estavia of spying.", "ACCUSE", "Norland", "Estavia"),
    ("The parliament rejected the budget.", "REJECT", "parliament", "budget"),
    ("The militia threatened the villagers.", "THREATEN", "militia", "villagers"),
    ("Thousands of farmers demonstrated outside parliament.", "PROTEST", "Thousands", None),
    ("Norland imposed sanctions on Estavia.", "SANCTION", "Norland", "Estavia"),
    ("Estavia deployed troops along the border.", "MOBILIZE", "Estavia", None),
    ("Police arrested the protest leaders.", "COERCE", "Police", "leaders"),
    ("Gunmen killed three villagers.", "ASSAULT", "Gunmen", "villagers"),
    ("Norland's army shelled the Estavian positions.", "ASSAULT", "army", "positions"),
    ("Norland and Estavia agreed to share intelligence.", "AGREE", "Norland", None),
    ("Inspectors investigated the chemical plant.", "ACCUSE", "Inspectors", "plant"),
    ("Norland extradited the smuggler to Estavia.", "COOPERATE", "Norland", "smuggler"),
]


def test_cases_cover_the_16_plover_2021_types():
    assert {c[1] for c in TYPE_CASES} == set(PLOVER_TYPES)
    assert len(PLOVER_TYPES) == 16


@pytest.mark.parametrize("text,type_,actor,target", TYPE_CASES)
def test_each_type_with_actor_and_target(text, type_, actor, target):
    found = [e for e in events(text) if e.type == type_]
    assert found, [(e.type, e.trigger.text) for e in events(text)]
    e = found[0]
    assert actor.lower() in (e.actor or "").lower()
    if target:
        assert target.lower() in (e.target or "").lower()
    assert e.asserted_by == "author"


def test_compound_actor_gives_one_event_per_actor():
    actors = {e.actor for e in events("Norland and Estavia signed a ceasefire agreement.") if e.type == "AGREE"}
    assert actors == {"Norland", "Estavia"}


def test_event_inside_a_quote_is_asserted_by_the_speaker():
    doc = annotate("General Ivo Tanner said that his troops had captured the airport.")
    e = next(e for e in doc._.events if e.type == "ASSAULT")
    assert e.asserted_by == "Ivo Tanner"


def test_modality():
    assert events("Norland could send troops to the border.")[0].modality == "hypothetical"
    assert events("Estavia did not withdraw its troops.")[0].modality == "negated"
    assert events("The rebels reportedly killed two guards.")[0].modality == "hedged"


def test_date_from_the_sentence_else_publication():
    e = events("On Saturday the army shelled the port.")[0]
    assert (e.date, e.date_source) == ("2025-04-26", "text")
    e = events("The army shelled the port.")[0]
    assert (e.date, e.date_source) == ("2025-04-28", "published")


def test_reference_article_passes_the_time_and_events_check(tmp_path):
    article = shared_path("examples", "kursk-dprk.txt")
    expected = shared_path("examples", "kursk-dprk.expected.json")
    checker = shared_path("tools", "check_example.py")
    out = tmp_path / "analysis.json"
    run = subprocess.run([sys.executable, "-m", "presslens.cli", "analyze", str(article), "--published", "2025-04-28",
                          "--format", "json", "-o", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    assert json.loads(out.read_text())["events"]
    check = subprocess.run([sys.executable, str(checker), str(out), str(expected), "--strict", "--areas", "time,events"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
