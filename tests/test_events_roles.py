"""events/roles.py: the parse primitives ordinary and referred events share (invented sentences)."""
from issue3_nlp import annotate

from presslens.events.roles import clause_offsets, own_subject, pobj_of, prep_object


def by_text(doc):
    return {t.text: t for t in doc}


def test_own_subject_is_the_subject_else_the_by_agent():
    doc = annotate("Estavian gunmen ambushed the patrol.")
    assert own_subject(by_text(doc)["ambushed"]).text == "gunmen"
    doc = annotate("The patrol was ambushed by Estavian gunmen.")
    assert own_subject(by_text(doc)["ambushed"]).text == "gunmen"
    doc = annotate("The patrol was ambushed.")
    assert own_subject(by_text(doc)["ambushed"]) is None


def test_prep_object_skips_dates_the_actor_and_other_prepositions():
    doc = annotate("Norland sent troops to Estavia on Tuesday.")
    words = by_text(doc)
    sent = words["sent"]
    assert prep_object(sent.children, {"to"}, -1, ("NOUN", "PROPN")).text == "Estavia"
    assert prep_object(sent.children, {"on"}, -1, ("NOUN", "PROPN")) is None  # a date is no target
    assert prep_object(sent.children, {"to"}, words["Estavia"].i, ("NOUN", "PROPN")) is None
    assert pobj_of(words["to"]).text == "Estavia"


def test_clause_offsets_stay_in_the_sentence_and_drop_trailing_punctuation():
    text = "Norland protested. Estavia left."
    doc = annotate(text)
    first = list(doc.sents)[0]
    start, end = clause_offsets(doc, first, 0, len(doc) - 1)
    assert text[start:end] == "Norland protested"


def test_a_city_before_talks_or_an_agreement_is_their_venue_not_their_actor():
    from presslens import analyze

    text = ("The ministers discussed the implementation of the Geneva agreements. "
            "The Istanbul talks ended without a result. Then Norland's talks with Estavia ended.")
    events = analyze(text, published="2026-03-02").events
    talks = [e for e in events if e.trigger and e.trigger.text == "talks"]
    assert [e.actor for e in events if e.trigger and e.trigger.text == "agreements"] == [None]
    assert [e.actor for e in talks] == [None, "Norland"]  # a possessor still acts
