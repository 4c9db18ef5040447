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
    ("The Estavian army launched 40 drones at Norland's ports.", "ASSAULT", "army", "ports"),
    ("Norland air defence shot down 40 of the drones overnight.", "ASSAULT", "air defence", "drones"),
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


def test_date_from_the_clause_never_the_publication_date():
    e = events("On Saturday the army shelled the port.")[0]
    assert (e.date, e.date_source) == ("2025-04-26", "clause")
    e = events("The army shelled the port.")[0]
    assert e.date is None and e.date_source.startswith("undated")


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


@pytest.mark.parametrize("text,type_,trigger,actor,target", [
    ("The Estavian attack on the Norland border posts lasted an hour.", "ASSAULT", "attack", "Estavian", "posts"),
    ("Norland's sanctions against Estavia hurt exports.", "SANCTION", "sanctions", "Norland", "Estavia"),
    ("Talks with Estavia resumed in the capital.", "CONSULT", "Talks", None, "Estavia"),
])
def test_event_nouns_with_an_actor_or_target_are_events(text, type_, trigger, actor, target):
    e = next(e for e in events(text) if e.type == type_)
    assert e.trigger.text == trigger
    assert (e.actor is None) if actor is None else actor in e.actor
    assert target in e.target


def test_event_words_below_another_event_belong_to_it():
    assert [e.type for e in events("Norland condemned the Estavian attack on the port.") if e.mention is None] == ["ACCUSE"]
    assert [e.type for e in events("Norland demanded an admission that Estavian guards murdered the prisoners.") if e.mention is None] == ["REQUEST"]
    assert [e.type for e in events("The mayor lifted the curfew in the town where rioters were killed.") if e.mention is None] == ["CONCEDE"]


def test_coordinated_event_verbs_stay_separate_events():
    assert [e.type for e in events("The rebels attacked the port and killed two guards.")] == ["ASSAULT", "ASSAULT"]


@pytest.mark.parametrize("text,type_,trigger,target", [
    ("The dock workers began a hunger strike.", "PROTEST", "began a hunger strike", None),
    ("Norland held talks with Estavia.", "CONSULT", "held talks", "Estavia"),
    ("Norland provided 5,000 tons of aid to Estavia.", "AID", "provided", "Estavia"),
    ("The farmers staged rallies outside parliament.", "PROTEST", "staged rallies", None),  # lemmatised 'stag'
])
def test_light_verb_takes_the_type_of_its_event_noun(text, type_, trigger, target):
    e = events(text)[0]
    assert (e.type, e.trigger.text) == (type_, trigger)
    assert target is None or e.target == target


def test_stated_intentions_are_offers_or_threats():
    offer = events("Estavia says it is willing to withdraw its troops from the border.")[0]
    assert (offer.type, offer.actor, offer.modality) == ("AGREE", "Estavia", "asserted")
    assert offer.trigger.text.startswith("says")
    threat = events("The militia said it would attack the convoy.")[0]
    assert (threat.type, threat.target) == ("THREATEN", "convoy")
    plan = events("Norland plans to impose sanctions on Estavia.")[0]
    assert (plan.type, plan.trigger.text) == ("THREATEN", "plans to impose sanctions")
    refused = events("Estavia said it would not withdraw its troops.")[0]
    assert (refused.type, refused.modality) == ("REJECT", "asserted")  # a refusal is made (CAMEO 1246)


def test_scoring_uses_the_plover_2021_field_and_splits_halves():
    from presslens.evaluation.events import halves, score

    def gold(i, old, new):
        return {"id": f"g{i}", "text": "x", "events": [{"type": old, "type_plover_2021": new, "trigger_start": 0,
                                                       "trigger_end": 5, "actor": ["Norland"]}]}
    golds = {g["id"]: g for g in (gold(0, "FIGHT", "ASSAULT"), gold(1, "DEMAND", "REQUEST"))}
    pred = {"g0": {"id": "g0", "events": [{"type": "ASSAULT", "trigger_start": 1, "trigger_end": 3, "actor": "Norland"}]},
            "g1": {"id": "g1", "events": [{"type": "DEMAND", "trigger_start": 1, "trigger_end": 3, "actor": "Norland"}]}}
    s = score(golds, pred)
    assert (s["typed_P"], s["typed_R"], s["actor_acc"]) == (0.5, 0.5, 1.0)
    assert score(golds, pred, "type")["typed_R"] == 0.5  # the older names match only DEMAND
    parts = halves(golds, pred)
    assert (parts["even"]["typed_F1"], parts["odd"]["typed_F1"]) == (1.0, 0.0)


def _main(text):
    from presslens.convert import analysis_from_doc
    from presslens.evaluation.events import main_events, to_prediction

    doc = annotate(text)
    pred = to_prediction("x", analysis_from_doc(doc))
    return pred["events"], main_events(pred["events"], doc)


@pytest.mark.parametrize("text, kept, actor", [
    # the governing clause's act is the record's main one; acts told below it, and the reporting's asides, are not
    ("Rebel units in Estavia have disarmed since the March peace accord between the two militias, a commander said.",
     "RETREAT", "Rebel units"),
    ("An Estavian trader is suing Norland for damage to his warehouse that was caused by a rocket attack.",
     "ACCUSE", "Estavian trader"),
    ("Norland troops withdrew from the town, the minister said during a visit to Port Vell.", "RETREAT", "Norland troops"),
    ("Norland troops withdrew from the town, the minister told parliament, which was debating the budget.",
     "RETREAT", "Norland troops"),
])
def test_one_event_gold_scores_the_main_event(text, kept, actor):
    events, main = _main(text)
    assert len(events) > 1  # the sentence names more than one act
    assert [(e["type"], e["actor"]) for e in main] == [(kept, actor)]


def test_main_events_keep_every_event_of_the_main_trigger():
    events, main = _main("Norland and Estavia signed a trade pact in Port Vell.")
    assert [(e["type"], e["actor"]) for e in main] == [("AGREE", "Norland"), ("AGREE", "Estavia")]
    speech, main = _main("The minister said Norland would withdraw its troops after the talks with Estavia.")
    assert [(e["type"], e["actor"], e["target"]) for e in main] == [("AGREE", "Norland", "troops")]


def test_eval_events_scores_main_events_and_shows_every_event_for_comparison(tmp_path):
    """A gold of one event per record is scored on main events; the every-event figure is printed beside it."""
    import json

    from typer.testing import CliRunner

    from presslens.cli import app

    text = "The harbour union accused Velkin of lying, and soldiers attacked the pier."
    start = text.index("accused")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "r1", "text": text, "events": [{
        "type_plover_2021": "ACCUSE", "actor": ["harbour union"], "trigger_start": start, "trigger_end": start + 7}]}) + "\n",
        encoding="utf-8")
    results = tmp_path / "RESULTS.md"
    result = CliRunner().invoke(app, ["eval", "events", str(gold), "--halves", "--results", str(results)])
    assert result.exit_code == 0, result.output
    assert "Every event of each record scored (the protocol before session 7)" in result.output
    assert "| typed | 1.000 | 1.000 | 1.000 |" in result.output  # the main event only: the accusation
    assert "typed P 0.500 R 1.000 F1 0.667" in result.output  # every event: the attack counts against it
    assert "main event" in results.read_text(encoding="utf-8")


def test_a_bare_count_is_no_target():
    shootings = [e for e in events("Estavian troops killed 12 in the village.") if e.type == "ASSAULT"]
    assert shootings and all(e.target != "12" for e in shootings)


def test_a_time_expression_is_no_argument():
    attacks = [e for e in events("Estavian units attacked March, the army said.") if e.type == "ASSAULT"]
    assert attacks and all(e.target != "March" for e in attacks)


def test_a_speech_act_in_quotation_marks_does_not_run_to_its_cue():
    """An offer or a refusal reported in indirect speech runs from the reporting verb ("said that
    Norland would not accept …"); the same act in the speaker's own quoted words keeps its own
    word — the trigger never crosses the closing mark to ""…," said X"."""
    from presslens import analyze

    text = ('"He offered us exactly this: to postpone the vote by ten years," Ivo Tanner told reporters. '
            'Lena Varga said that Norland would not accept the plan.')
    got = {e.type: e.trigger.text for e in analyze(text, published="2026-03-02").events if e.trigger}
    assert got["AGREE"] == "offered"
    assert got["REJECT"].startswith("said")


def test_a_pronoun_in_quoted_words_is_not_the_speaker():
    """"X confirmed that it had sent troops" → X; but ""They are fighting," X said" — a third-person
    pronoun inside the speaker's own quoted words is someone else, never the speaker."""
    from presslens import analyze

    text = ('"Our soldiers cross rivers at night. They are fighting for their country," Ivo Tanner remarked. '
            'The Norland ministry confirmed that it had sent troops to the border.')
    got = {e.trigger.text: e.actor for e in analyze(text, published="2026-03-02").events if e.trigger}
    assert got["fighting"] is None
    assert got["sent troops"] == "Norland ministry"


def test_a_description_of_a_named_person_is_that_person_as_actor_and_target():
    """"The President of Norway informed the Prime Minister of Finland …": descriptions the person
    registry resolves give the people as actor and target, never the bare titles."""
    from presslens import analyze

    text = ("President of Norway Olav Lind met Prime Minister of Finland Petra Kallio in Oslo. "
            "The President of Norway also informed the Prime Minister of Finland about the reconstruction plans.")
    informed = next(e for e in analyze(text, published="2026-03-02").events if e.trigger and e.trigger.text == "informed")
    assert (informed.actor, informed.target) == ("Olav Lind", "Petra Kallio")


def test_a_generic_lower_case_description_stays_a_description():
    """"the leader of each country should help" names anyone, not the article's principal."""
    from presslens import analyze

    text = ("President of Norway Olav Lind spoke at the forum. "
            "According to Olav Lind, the leader of each country should help Estavia in the fight.")
    got = [e for e in analyze(text, published="2026-03-02", outlet="President of Norway").events if e.type == "REQUEST"]
    assert all(e.target != "Olav Lind" for e in got)


def test_a_topic_heading_names_no_act():
    """A statements list's topic heading ("On negotiations", alone on its line) is no CONSULT event;
    the talks the next line reports are."""
    from presslens import analyze

    text = ("On negotiations\n"
            "President of Norland Olav Lind said the talks with Estavia would continue.\n"
            "On sanctions:\n"
            "Olav Lind said the sanctions had failed.")
    got = [e.trigger.text for e in analyze(text, published="2026-03-02").events if e.trigger]
    assert "negotiations" not in got and "talks" in got
