"""Who asserts an event (events/asserters.py): unquoted readout continuations, the innermost quote,
speech acts the author reports, and speakers named by a body — each case checked for type, actor,
target, asserted_by, modality and date (invented texts; published 2025-04-28, a Monday)."""
import pytest
from issue3_nlp import annotate


def events(text, type_):
    found = [e for e in annotate(text)._.events if e.type == type_]
    assert found, [(e.type, e.trigger.text) for e in annotate(text)._.events]
    return found


def find(text, type_, trigger):
    hits = [e for e in events(text, type_) if trigger in e.trigger.text]
    assert hits, [(e.type, e.trigger.text) for e in events(text, type_)]
    return hits[0]


READOUT = ("President Ivo Tanner held a telephone conversation with Chancellor Mara Lind on Friday. "
           "Ivo Tanner noted that the Estavian authorities are openly relying on force. "
           "Thus, Estavian units are shelling the villages of the border district with heavy artillery. "
           "The leaders discussed trade and agreed to stay in touch.")

# text, type, trigger (part), actor (part or None), target (part or None), asserted_by, modality, date (prefix or None)
CASES = [
    # a present-tense sentence after reported speech continues it: the speaker asserts its events
    # (undated: the call's Friday is not taken over by sentences that name no time of their own)
    (READOUT, "ASSAULT", "shelling", "Estavian units", "villages", "Ivo Tanner", "asserted", None),
    # the simple past ends the continuation: narration is the author's
    (READOUT, "CONSULT", "discussed", "Ivo Tanner", "trade", "author", "asserted", None),
    # a backshifted "would" continues reported speech too
    ("Minister Lena Varga said Norland expects new talks. The talks would be held in Rome next month.",
     "CONSULT", "held", None, None, "Lena Varga", "hypothetical", "2025-05"),
    # an additive opener continues reported speech whatever its tense
    ("Minister Lena Varga noted that the union had sent medicines to Norland. "
     "In addition, member states provided assistance to the hospitals on Sunday.",
     "AID", "provided", "member states", "hospitals", "Lena Varga", "asserted", "2025-04-27"),
    # a verb that names the act, with the act as its object, is the author's report of the speech act
    ("The presidents reaffirmed their striving to expand cooperation.", "AGREE", "striving", None, None, "author",
     "asserted", None),
]


@pytest.mark.parametrize("text,type_,trigger,actor,target,asserted_by,modality,date", CASES)
def test_asserter_families(text, type_, trigger, actor, target, asserted_by, modality, date):
    e = find(text, type_, trigger)
    assert (e.actor is None) if actor is None else actor.lower() in (e.actor or "").lower()
    assert (e.target is None) if target is None else target.lower() in (e.target or "").lower()
    assert e.asserted_by == asserted_by
    assert e.modality == modality
    assert (e.date is None) if date is None else (e.date or "").startswith(date)


def test_a_new_paragraph_ends_the_continuation():
    text = ("Minister Lena Varga noted that Estavia is preparing an offensive.\n"
            "Estavian units are shelling the villages of the border district.")
    e = find(text, "ASSAULT", "shelling")
    assert e.asserted_by == "author"


def test_a_comment_in_the_present_after_a_direct_quote_is_the_authors():
    text = ('"We will not retreat," Minister Lena Varga said. Estavian units are shelling the border villages.')
    e = find(text, "ASSAULT", "shelling")
    assert e.asserted_by == "author"


def test_the_innermost_quote_asserts():
    text = ("Minister Lena Varga announced that she had received a request from the Norland parliament. "
            "The Head of State said this at a briefing.")
    e = find(text, "REQUEST", "request")
    assert e.asserted_by == "Lena Varga"


def test_a_body_named_with_the_is_not_the_last_person_quoted():
    text = ('"We are ready," said Minister Lena Varga. The Estavian military said it struck two launchers.')
    e = find(text, "ASSAULT", "struck")
    assert e.asserted_by != "Lena Varga"
    assert "military" in e.asserted_by.lower()
