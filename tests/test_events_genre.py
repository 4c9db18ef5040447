"""Events: patterns of war and state-media news (session 6) — war declared and waged, ground
operations, martial law, titled decrees, hosted visits, embargoes, relative-clause acts — each case
checked for type, actor, target, asserted_by, modality and date (invented sentences and names;
published 2025-04-28, a Monday)."""
import pytest
from issue3_nlp import annotate


def ordinary(text):
    return [e for e in annotate(text)._.events if e.mention is None]


def find(text, type_, mention=None):
    found = [e for e in annotate(text)._.events if e.type == type_ and e.mention == mention]
    assert found, [(e.type, e.trigger.text, e.mention) for e in annotate(text)._.events]
    return found[0]


# text, type, trigger (part), actor (part or None), target (part or None), asserted_by, modality, date (prefix or None)
CASES = [
    # light verb + "war" (the noun alone is background, never an event)
    ("On Friday Estavia declared war against Norland.", "ASSAULT", "declared war", "Estavia", "Norland", "author", "asserted", "2025-04-25"),
    ("The junta has waged war on its neighbours since March.", "ASSAULT", "waged war", "junta", "neighbours", "author", "asserted", "2025-03"),
    # control taken by force
    ("The rebels took control of the capital on Sunday.", "ASSAULT", "took control", "rebels", None, "author", "asserted", "2025-04-27"),
    # military operations named by a modifier or by the state that conducts them
    ("On Thursday ground operations of the Estavian army began.", "ASSAULT", "operations", None, None, "author", "asserted", "2025-04-24"),
    ("Since the start of France's operation in the Marsh region, the front has moved.", "ASSAULT", "operation", "France", None, "author", "asserted", None),
    # martial law: a light verb typed by its passive subject
    ("Martial law was imposed in Norland on Tuesday.", "COERCE", "law", None, None, "author", "asserted", "2025-04-22"),
    # enacting a document whose title names an act is that act, done to the title's object
    ("President Ivo Tanner signed the Executive Order On the Recognition of the Marsh Republic.", "SUPPORT", "signed the Executive Order", "Ivo Tanner", "Marsh Republic", "author", "asserted", None),
    ('President Ivo Tanner signed Decree No 12 "On the imposition of martial law in Norland" on Monday.', "COERCE", "signed", "Ivo Tanner", None, "author", "asserted", "2025-04-28"),
    # a hosted visit: the visitor is the verb's own object or passive subject
    ("The head of the Estavian delegation was received by President Ivo Tanner on Wednesday.", "CONSULT", "received", "Ivo Tanner", "head", "author", "asserted", "2025-04-23"),
    # a briefing between parties
    ("President Ivo Tanner informed the Estavian leaders of the outcomes of the council.", "CONSULT", "informed", "Ivo Tanner", "leaders", "author", "asserted", None),
    # contact
    ("Norland has engaged directly with the rebel movement.", "CONSULT", "engaged", "Norland", "movement", "author", "asserted", None),
    # an invitation and a proposal are offers (as the nouns are)
    ("Norland has invited the Estavian minister to further talks.", "AGREE", "invited", "Norland", "minister", "author", "asserted", None),
    # goods given "with": money or aid
    ("Norland has provided Estavia with $2 billion in budget aid.", "AID", "provided", "Norland", "Estavia", "author", "asserted", None),
    # an embargo in reported speech is the speaker's, hypothetical
    # an embargo stated as what a state would do, in reported speech: the speaker's report of a threat
    ("Minister Lena Varga said that Norland would end imports of Estavian gas.", "THREATEN", "end imports", "Norland", None, "Lena Varga", "asserted", None),
    # called off: a de-escalation
    ("General Ivo Tanner called off the assault on the plant on Saturday.", "CONCEDE", "called off", "Ivo Tanner", "assault", "author", "asserted", "2025-04-26"),
    # "called for X to …": the parse makes "for" a mark, the clause's subject is who is asked
    ("Several critics have called for Minister Lena Varga to resign.", "REQUEST", "called for", "critics", "Lena Varga", "author", "asserted", None),
    # a nominalised verb + object reads as the pair: an announced ceasefire is a concession
    ("The talks ended with the announcement of a cease-fire in the Marsh region.", "CONCEDE", "announcement of a cease-fire", None, None, "author", "asserted", None),
    # a joint statement signed (participle on its noun)
    ("In a joint statement signed after the talks, the leaders stressed their unity.", "AGREE", "signed", None, None, "author", "asserted", None),
    # a meeting that ends a name is a meeting, not a body
    ("He spoke at the Normandy Summit in Paris.", "CONSULT", "Summit", None, None, "author", "asserted", None),
    # stance: complicit (the subject is the one accused)
    ("Minister Lena Varga said the bankers were complicit in war crimes.", "ACCUSE", "complicit", None, "bankers", "Lena Varga", "asserted", None),
    # the transfer of arms
    ("President Ivo Tanner stressed that the provision of weapons to volunteers has begun.", "AID", "provision", None, "volunteers", "Ivo Tanner", "asserted", None),
]


@pytest.mark.parametrize("text,type_,trigger,actor,target,asserted_by,modality,date", CASES)
def test_genre_patterns(text, type_, trigger, actor, target, asserted_by, modality, date):
    e = find(text, type_)
    assert trigger.lower() in e.trigger.text.lower()
    assert (e.actor is None) if actor is None else actor.lower() in (e.actor or "").lower()
    assert (e.target is None) if target is None else target.lower() in (e.target or "").lower()
    assert e.asserted_by == asserted_by
    assert e.modality == modality
    assert (e.date is None) if date is None else (e.date or "").startswith(date)


def test_no_event_without_the_pattern():
    # the noun "war", an award "for the President", opportunities "with", a transfer of power,
    # a bare "operation", a body named with an event word
    for text in ("The war has changed the region.",
                 "Ambassador Oksana Dale received the Freedom Award for President Ivo Tanner.",
                 "The transfer of power was peaceful.",
                 "The operation of the plant resumed."):
        assert [e.type for e in ordinary(text)] == [], text
    assert "AID" not in [e.type for e in ordinary("The treaty provides Norland with great opportunities.")]


def test_acts_an_argument_does_in_a_relative_clause_are_referred():
    found = annotate("Norland severed diplomatic relations with Estavia, which attacked it on Thursday.")._.events
    assert [(e.type, e.mention) for e in found] == [("SANCTION", None), ("ASSAULT", "referred")]
    attack = found[1]
    assert attack.actor == "Estavia" and attack.trigger.text == "attacked" and attack.modality == "asserted"
    assert found[attack.governed_by].type == "SANCTION" and attack.date.startswith("2025-04-24")
    # a relative clause that only sets a scene is no argument's act
    found = annotate("Troops lifted the curfew in the town where rioters were killed.")._.events
    assert not any(e.type == "ASSAULT" for e in found)


def test_a_treaty_signed_under_a_ratification_is_referred_and_asserted():
    found = annotate("The council adopted the law ratifying the Treaty of Friendship between Norland and the Republic, signed in Dornfeld on February 21.")._.events
    signed = [e for e in found if e.mention == "referred" and e.trigger.text == "signed"]
    assert signed and signed[0].type == "AGREE" and signed[0].modality == "asserted"
    assert "Treaty" in (signed[0].target or "") and signed[0].actor is None
    ratify = [e for e in found if e.mention is None and e.type == "AGREE"]
    assert ratify and ratify[0].actor is None  # a law never acts


def test_who_faces_sanctions_is_their_target():
    e = find("The ship owners would face personal sanctions.", "SANCTION")
    assert e.actor is None and "ship owners" in e.target.lower() and e.modality == "hypothetical"
    assert not [x for x in ordinary("The ship owners would face personal sanctions.") if x.type == "CONSULT"]


def test_an_aside_on_a_name_in_indirect_speech_is_the_writers():
    text = "Minister Lena Varga said the talks would go on with the Marsh Front, which has taken control of the capital."
    e = next(x for x in annotate(text)._.events if x.type == "ASSAULT")
    assert e.trigger.text == "taken control" and e.asserted_by == "author"
    # not a restrictive clause, and not in a direct quotation
    e = next(x for x in annotate('"We talk with the Marsh Front, which has taken control of the capital," Lena Varga said.')._.events if x.type == "ASSAULT")
    assert e.asserted_by == "Lena Varga"


def test_a_name_inside_reported_words_does_not_speak_the_next_quote():
    text = ('President Ivo Tanner stressed that Norland had called on Estavia to resolve the dispute. '
            '"We are ready to talk on any platform," he said.')
    offer = find(text, "AGREE")
    assert offer.asserted_by == "Ivo Tanner"


def test_crimes_committed_are_assaults_not_commitments():
    e = find("The bankers are complicit in war crimes committed by Estavian soldiers.", "ASSAULT")
    assert e.trigger.text == "committed" and "soldiers" in e.actor and e.asserted_by == "author"
    assert not [x for x in ordinary("The bankers are complicit in war crimes committed by Estavian soldiers.") if x.type == "AGREE"]


def test_an_invitation_to_act_is_no_offer_to_meet():
    found = ordinary('"I invite Norland to join our customers," Ivo Tanner said.')
    assert "AGREE" not in [e.type for e in found]


def test_a_title_names_an_act_only_by_the_hand_table():
    # "On awarding our heroes": the CAMEO reading of "award" (aid) is no act the decree enacts
    found = ordinary("I signed a new decree today on awarding our heroes.")
    assert "AID" not in [e.type for e in found]
    e = find("The council adopted the Federal Law On Ratifying the Treaty of Friendship.", "AGREE")
    assert e.trigger.text.startswith("adopted the Federal Law") and e.actor == "council" and e.modality == "asserted"


def test_a_noun_acted_on_in_its_relative_clause_is_not_the_actor():
    found = annotate("Estavia shelled the city, which was captured on Monday.")._.events
    captured = next(e for e in found if e.trigger.text == "captured")
    assert captured.actor is None and captured.target == "city" and captured.mention == "referred"


def test_a_call_with_a_party_is_a_consultation_of_its_own():
    text = "President Ivo Tanner agreed on Sunday on a call with President Lena Varga to reopen the border crossings."
    call = [e for e in ordinary(text) if e.type == "CONSULT" and e.trigger.text == "call"]
    assert call, [(e.type, e.trigger.text) for e in ordinary(text)]
    assert (call[0].asserted_by, call[0].modality) == ("author", "asserted")
    assert (call[0].date, call[0].date_source) == ("2025-04-27", "sentence")
    e = find("The minister held a video call with the mayors of the border towns on Friday.", "CONSULT")
    assert (e.trigger.text, e.asserted_by, e.date, e.date_source) == ("held a video call", "author", "2025-04-25", "clause")
    for text in ("The calls for a ceasefire grew louder on Friday.",):
        assert "CONSULT" not in [e.type for e in ordinary(text)], text
