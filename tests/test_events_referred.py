"""Referred events: acts named inside another event become records of their own, flagged so that
PLOVER-style consumers leave them out (invented sentences, one family each)."""
import pytest
from issue3_nlp import annotate

from presslens.evaluation.events import to_prediction
from presslens.model import Analysis, Event, Span
from presslens.report.timeline import events_csv, ordered, timeline_html


def events(text):
    return annotate(text)._.events


def referred(text):
    found = events(text)
    return found, [e for e in found if e.mention == "referred"]


def governor(found, e):
    assert e.governed_by is not None
    return found[e.governed_by]


def test_decision_to_act_under_a_condemnation():
    found, [rec] = referred("The Norland parliament condemned Estavia's decision to recognise the Marsh Republic.")
    assert [e.type for e in found if e.mention is None] == ["ACCUSE"]
    assert rec.trigger.text == "recognise" and rec.actor == "Estavia" and "Marsh Republic" in rec.target
    assert rec.modality == "asserted" and governor(found, rec).type == "ACCUSE"
    assert "Estavia's decision to recognise" in rec.evidence.text


def test_an_opening_by_its_decision_to_act_is_the_clause_subjects_act():
    """The parse hangs "By its decision" on the infinitive: still the frame "decision to", its owner
    the subject of the clause the opening belongs to."""
    found, [rec] = referred("By its decision to recognise the independence of the Marsh Republic, Estavia is violating the sovereignty of Norland.")
    assert rec.type == "SUPPORT" and rec.trigger.text.startswith("recognise") and rec.actor == "Estavia"
    assert governor(found, rec).type == "REJECT"  # (its modality is the REJECT rule's: what a refusal is about)


def test_a_scene_the_clause_has_another_event_for_is_an_act_of_its_own():
    """"During talks in Marsh, we managed to agree on corridors": extract leaves the talks out as the
    scene of the agreement; they are still a consultation that took place, named by that event."""
    found, [rec] = referred("Yesterday, during talks in Marsh, the two delegations managed to agree on humanitarian corridors.")
    assert [e.type for e in found if e.mention is None] == ["AGREE"]
    assert rec.type == "CONSULT" and rec.trigger.text == "talks" and rec.modality == "asserted"
    assert governor(found, rec).type == "AGREE"


def test_the_content_of_a_denied_report_is_a_negated_act():
    found, [rec] = referred("The adviser denied the report that the border in the northern direction had been breached.")
    assert [e.type for e in found if e.mention is None] == ["REJECT"]
    assert rec.type == "ASSAULT" and rec.trigger.text == "breached" and rec.target == "border"
    assert rec.modality == "negated" and governor(found, rec).type == "REJECT"


def test_act_of_target_by_actor():
    found, [rec] = referred("The Norland foreign minister condemned the shelling of Dornfeld by Estavian forces.")
    assert rec.type == "ASSAULT" and rec.trigger.text == "shelling"
    assert "Dornfeld" in rec.target and "forces" in rec.actor
    assert rec.modality == "asserted" and governor(found, rec).type == "ACCUSE"


def test_a_time_that_owns_the_act_is_its_date_never_its_actor():
    found, [rec] = referred("The Norland foreign minister condemned Saturday's strikes on the port of Velda.")
    assert rec.type == "ASSAULT" and rec.actor is None and rec.target == "Velda"  # "the port of Velda" names Velda
    plain = [e for e in events("Monday's strikes on the depot of Velda destroyed two trucks.") if e.type == "ASSAULT"]
    assert plain and all(e.actor != "Monday" for e in plain)


def test_due_to_an_act_names_its_cause():
    found, refs = referred("Power was cut in three districts due to the military aggression of Estavia.")
    rec = next(e for e in refs if e.trigger.text == "aggression")
    assert rec.type == "ASSAULT" and rec.actor == "Estavia" and rec.modality == "asserted"


def test_thanked_for_a_decision_resolves_the_possessive_to_the_thanked():
    found, refs = referred("The Norland president thanked Estavia for its decision to transfer weapons to Norland.")
    rec = next(e for e in refs if e.trigger.text == "transfer weapons")  # the verb and the object it is typed by
    assert rec.type == "AID" and rec.actor == "Estavia" and rec.target == "Norland" and rec.modality == "asserted"


def test_decisions_to_act_misattached_to_the_main_verb_still_refer():
    found, refs = referred("Norland welcomes the decisions of the Estavian parliament to impose new sanctions against Sylvania.")
    rec = next(e for e in refs if e.type == "SANCTION")
    assert rec.trigger.text.startswith("impose") and rec.target == "Sylvania" and "parliament" in (rec.actor or "")
    assert rec.modality == "asserted"


def test_the_launch_of_an_operation_and_a_cause_stated_as_fact():
    found, refs = referred("Due to the start of the aggression against Norland by Estavia, the talks were cancelled.")
    rec = next(e for e in refs if e.type == "ASSAULT")
    assert rec.trigger.text.startswith("start") and rec.target == "Norland" and rec.actor == "Estavia"
    _, refs = referred("Norland called for firm steps in response to this act of aggression by Estavia.")
    assert any(e.type == "ASSAULT" and e.modality == "asserted" for e in refs)


def test_condemned_attack_is_referred_and_the_condemnation_governs():
    found, [rec] = referred("Norland condemned the Estavian attack on the port.")
    assert rec.type == "ASSAULT" and rec.target == "port" and rec.actor == "Estavian"
    assert governor(found, rec).type == "ACCUSE" and rec.asserted_by == "Norland"  # the condemner asserts it


def test_demanded_refused_and_alleged_acts_keep_the_modality_their_context_implies():
    _, [called] = referred("The opposition called for sanctions against Estavia.")
    assert called.type == "SANCTION" and called.modality == "hypothetical"
    _, refs = referred("Estavia refused to withdraw its troops from the border.")
    assert [e.modality for e in refs] == ["negated"]
    _, refs = referred("Norland accused Estavia of shelling the port.")
    assert [(e.type, e.modality) for e in refs] == [("ASSAULT", "hedged")]


def test_the_one_asked_acts_the_asked_act():
    _, refs = referred("The governor called on the Estavian army to withdraw its troops from Dornfeld.")
    rec = next(e for e in refs if e.type == "RETREAT")
    assert "army" in rec.actor and rec.modality == "hypothetical"


def test_never_a_pronoun_as_actor():
    _, refs = referred("They condemned its decision to recognise the Marsh Republic.")
    assert refs and all(e.actor is None for e in refs)


def test_plover_predictions_leave_referred_events_out():
    analysis = annotate("Norland condemned the Estavian attack on the port.")
    from presslens.convert import analysis_from_doc
    pred = to_prediction("x", analysis_from_doc(analysis))
    assert [e["type"] for e in pred["events"]] == ["ACCUSE"]


def _event(type_, start, **kw):
    return Event(type=type_, actor=None, target=None, location=None, date=None, evidence=Span(start, start + 1, "x"), **kw)


def test_reports_list_a_referred_event_under_the_event_that_names_it():
    analysis = Analysis(text="x" * 40, events=[
        _event("ACCUSE", 0), _event("CONSULT", 20), _event("ASSAULT", 5, mention="referred", governed_by=0)])
    assert [e.type for e in ordered(analysis.events)] == ["ACCUSE", "ASSAULT", "CONSULT"]
    assert "↳ ASSAULT (referred)" in timeline_html(analysis)
    rows = events_csv(analysis).splitlines()
    assert rows[0].endswith(",mention") and rows[2].endswith(",referred")


@pytest.mark.parametrize("text", ["Norland imposed sanctions on Estavia.", "Gunmen killed three villagers."])
def test_ordinary_events_are_not_marked(text):
    assert all(e.mention is None and e.governed_by is None for e in events(text))


def test_the_store_and_the_events_page_mark_referred_events(tmp_path):
    from fastapi.testclient import TestClient

    from presslens.store import open_store
    from presslens.store import queries as Q
    from presslens.store.writer import write_analysis
    from presslens.web.app import create_app

    db = str(tmp_path / "corpus.db")
    engine = open_store(db)
    write_analysis(engine, Analysis(text="x" * 40, events=[
        _event("ACCUSE", 0), _event("ASSAULT", 5, mention="referred", governed_by=0)]))
    assert sorted((e["type"], e["mention"]) for e in Q.list_events(engine)) == [("ACCUSE", None), ("ASSAULT", "referred")]
    page = TestClient(create_app(db)).get("/events").text
    assert page.count("(referred)") == 1


def test_pieces_of_a_long_text_keep_each_referred_event_on_its_governor():
    from presslens.pieces import merge

    part = lambda: Analysis(text="x" * 40, events=[_event("ACCUSE", 0), _event("ASSAULT", 5, mention="referred", governed_by=0)])  # noqa: E731
    merged = merge("x" * 80, [(0, part()), (40, part())], Analysis(text=""))
    assert [e.governed_by for e in merged.events] == [None, 0, None, 2]
