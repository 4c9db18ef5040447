"""Event dates (events/dates.py): an expression dates the event it is attached to in the parse —
the trigger's own before the reporting clause's — and an expression inside a relative clause dates
that clause, not the event (invented texts; published 2025-04-28, a Monday)."""
from issue3_nlp import annotate


def event(text, type_, trigger):
    found = [e for e in annotate(text)._.events if e.type == type_ and trigger in e.trigger.text]
    assert found, [(e.type, e.trigger.text) for e in annotate(text)._.events]
    return found[0]


def test_the_expression_attached_to_the_event_beats_the_reporting_clause():
    e = event("Minister Lena Varga said on Monday that Estavian troops had attacked the depot on Saturday.",
              "ASSAULT", "attacked")
    assert (e.actor, e.target, e.asserted_by, e.modality) == ("Estavian troops", "depot", "Lena Varga", "asserted")
    assert e.date == "2025-04-26" and e.date_source == "clause"


def test_the_future_of_a_statement_is_dated_forward():
    e = event("Estavian troops will withdraw from the border on Friday, Minister Lena Varga said on Monday.",
              "AGREE", "withdraw")
    assert (e.actor, e.asserted_by, e.modality) == ("Estavian troops", "Lena Varga", "asserted")
    assert e.date == "2025-05-02"


def test_a_relative_clause_dates_its_own_verb_not_the_event():
    e = event("Norland troops shelled the town of Vel, which Estavia captured in January.", "ASSAULT", "shelled")
    assert (e.actor, e.target, e.asserted_by, e.modality) == ("Norland troops", "town", "author", "asserted")
    assert e.date is None and e.date_source.startswith("undated")


def test_a_definite_event_noun_takes_the_date_of_its_antecedent():
    text = ("Officials said Saturday's strikes on the Estavian depots were a warning.\n"
            "Analysts doubt the depots can be rebuilt soon.\n"
            "The latest airstrikes hit Estavian missile launchers near the coast.")
    e = event(text, "ASSAULT", "hit")
    assert (e.asserted_by, e.modality) == ("author", "asserted")
    assert e.actor is None and "launchers" in (e.target or "")
    assert e.date == "2025-04-26" and e.date_source == "antecedent"
