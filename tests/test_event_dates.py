"""Event dates (events/dates.py): an expression dates the event it is attached to in the parse —
the trigger's own before the reporting clause's —; one attached to another clause, to an event noun
after a word of sequence, or to the reporting verb above a past act dates that, not the event;
reported speech takes the statement's time only for what holds at that time; nothing else (no
earlier date of the paragraph or article, never the publication date) dates an event, and
`date_source` says why (invented texts; published 2025-04-28, a Monday)."""
import pytest

from issue3_nlp import annotate


def event(text, type_, trigger):
    found = [e for e in annotate(text)._.events if e.type == type_ and trigger in e.trigger.text]
    assert found, [(e.type, e.trigger.text) for e in annotate(text)._.events]
    return found[0]


def undated(e) -> bool:
    return e.date is None and e.date_source.startswith("undated")


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


def test_an_earlier_date_of_the_paragraph_does_not_date_an_undated_event():
    e = event("Norland troops shelled the town of Vel on Friday.\nThe army also captured the bridge near the town.",
              "ASSAULT", "captured")
    assert (e.actor, e.target, e.asserted_by, e.modality) == ("army", "bridge", "author", "asserted")
    assert undated(e) and "clause or sentence" in e.date_source


def test_the_date_of_a_statement_only_bounds_an_act_it_reports_as_past():
    e = event("On Monday, Minister Lena Varga said that Estavian troops had shelled the depot.", "ASSAULT", "shelled")
    assert (e.actor, e.target, e.asserted_by, e.modality) == ("Estavian troops", "depot", "Lena Varga", "asserted")
    assert undated(e) and "2025-04-28" in e.date_source  # the statement's date is on the record as a bound


def test_a_demand_in_a_quote_takes_the_time_of_its_statement():
    e = event('"Norland must withdraw its troops from Vel," Minister Lena Varga said on Friday.', "REQUEST", "withdraw")
    assert (e.actor, e.target, e.asserted_by, e.modality) == ("Lena Varga", "Norland", "Lena Varga", "asserted")
    assert e.date == "2025-04-25"


def test_a_promise_announced_on_a_day_is_dated_by_the_announcement():
    e = event("Minister Lena Varga announced on Friday that Norland will send aid to Vel.", "AGREE", "send aid")
    assert (e.actor, e.target, e.asserted_by, e.modality) == ("Norland", "Vel", "Lena Varga", "asserted")
    assert (e.date, e.date_source) == ("2025-04-25", "clause")


@pytest.mark.parametrize("text", [
    '"We always discuss security with Norland," Minister Lena Varga said on Friday.',  # a habit
    '"The invitation extended to Norland shows our respect," Minister Lena Varga said on Friday.',  # a named act
])
def test_a_habit_or_a_named_act_in_a_quote_is_not_dated_by_the_statement(text):
    e = next(x for x in annotate(text)._.events if x.type in ("CONSULT", "AGREE"))
    assert e.asserted_by == "Lena Varga" and e.modality == "asserted"
    assert undated(e) and "2025-04-25" in e.date_source


def test_an_event_noun_after_a_word_of_sequence_keeps_its_date_to_itself():
    text = "The Estavian government expressed disappointment following a call between the two presidents on Tuesday."
    e = event(text, "ACCUSE", "disappointment")
    assert (e.actor, e.target, e.asserted_by, e.modality) == ("Estavian government", None, "author", "asserted")
    assert undated(e)
    call = event(text, "CONSULT", "call")
    assert (call.asserted_by, call.modality, call.date) == ("author", "asserted", "2025-04-22")


def test_talks_during_which_something_happened_date_it():
    e = event("Estavian and Norland ministers discussed trade during talks in Vienna on Monday.", "CONSULT", "discussed")
    assert (e.actor, e.target, e.asserted_by, e.modality) == ("Estavian ministers", "trade", "author", "asserted")
    assert (e.date, e.date_source) == ("2025-04-28", "clause")


def test_a_when_clause_dates_the_clause_it_hangs_on():
    e = event("When the ceasefire took effect two months ago, the rebels stopped their attacks on the port.",
              "ASSAULT", "attacks")
    assert (e.actor, e.target, e.asserted_by) == ("rebels", "port", "author")
    assert e.date == "2025-02"


def test_a_coordinated_clause_dates_only_itself():
    e = event("Norland's army seized the airport of Vel and cut electricity to the city a week ago.", "ASSAULT", "seized")
    assert (e.actor, e.target, e.asserted_by, e.modality) == ("army", "airport", "author", "asserted")
    assert undated(e)


def test_an_announced_ceasefire_range_is_dated_forward_by_its_first_day():
    e = event("Minister Lena Varga announced a ceasefire from May 8 to May 11.", "CONCEDE", "ceasefire")
    assert (e.actor, e.asserted_by, e.modality) == ("Lena Varga", "author", "asserted")
    assert e.date == "2025-05-08"


def test_an_act_named_as_the_object_keeps_its_date_to_itself():
    text = "The Norland foreign ministry condemned Saturday's strikes on the port of Vel."
    e = event(text, "ACCUSE", "condemned")
    assert (e.actor, e.asserted_by, e.modality) == ("Norland foreign ministry", "author", "asserted")
    assert undated(e)
    assert event(text, "ASSAULT", "strikes").date == "2025-04-26"  # the act condemned is dated


def test_a_statement_as_subject_is_the_occasion_of_its_act():
    e = event("The ministry's statement on Friday proposed new talks with Norland.", "AGREE", "proposed")
    assert (e.target, e.asserted_by, e.modality) == ("Norland", "author", "asserted")
    assert (e.date, e.date_source) == ("2025-04-25", "clause")


def test_a_clock_time_dates_by_the_day_its_paragraph_gives():
    text = ("Minister Lena Varga said the corridor to Vel would open today.\n"
            "It was agreed to start the ceasefire on the road to Vel at 9 am Estavian time, Varga said.")
    e = event(text, "AGREE", "agreed")
    assert (e.asserted_by, e.modality) == ("Lena Varga", "asserted")
    assert (e.date, e.date_source) == ("2025-04-28", "clause")


def test_an_after_clause_whose_period_holds_the_publication_day_dates_what_follows_it():
    e = event("After the border talks collapsed earlier this month, Norland said it had agreed to a truce with Estavia.",
              "AGREE", "agreed")
    assert (e.actor, e.asserted_by, e.modality) == ("Norland", "Norland", "asserted")
    assert (e.date, e.date_source) == ("2025-04", "after")


def test_an_after_clause_of_an_earlier_period_only_bounds_the_event():
    e = event("After the border talks collapsed in January, Norland said it had agreed to a truce with Estavia.",
              "AGREE", "agreed")
    assert (e.actor, e.asserted_by) == ("Norland", "Norland")
    assert undated(e)


def test_a_time_outside_a_describing_clause_does_not_date_the_act_inside_it():
    text = "Minister Lena Varga said that the corridor from Vel affected by the shelling had been opened as of today."
    e = event(text, "ASSAULT", "shelling")
    assert (e.asserted_by, e.modality) == ("Lena Varga", "asserted")
    assert undated(e)


def test_an_invitation_to_a_later_act_is_dated_by_that_act():
    # an invitation is an offer to meet (CAMEO 036, PLOVER AGREE), dated by the meeting it offers
    e = event("Norland has invited Minister Lena Varga to further discussions at a summit in Vel next month.",
              "AGREE", "invited")
    assert (e.actor, e.asserted_by, e.modality) == ("Norland", "author", "asserted")
    assert (e.date, e.date_source) == ("2025-05", "clause")


def test_the_same_act_named_again_shares_its_date():
    text = ("Norland troops attacked the port of Vel on Friday.\n"
            "Analysts in Dorn doubt the port can be rebuilt soon.\n"
            "Officials in Vel said the attack was a warning to Estavia.")
    e = next(x for x in annotate(text)._.events if x.trigger.text == "attack")
    assert (e.type, e.asserted_by, e.modality) == ("ASSAULT", "Officials", "asserted")
    assert (e.date, e.date_source) == ("2025-04-25", "coreference")


def test_mentions_with_other_dates_leave_a_definite_noun_undated():
    text = ("Norland troops attacked Vel on Friday.\nEstavian troops attacked Dorn on Sunday.\n"
            "Officials said the attacks were a warning.")
    e = next(x for x in annotate(text)._.events if x.trigger.text == "attacks")
    assert e.type == "ASSAULT" and e.modality == "asserted"
    assert undated(e)


def test_a_custom_is_not_dated_by_when_it_recurs():
    text = "Usually in May the Estavian army holds talks with Norland and signs agreements with Dorn."
    for type_, trigger, target in (("CONSULT", "talks", "Norland"), ("AGREE", "signs", "Dorn")):
        e = event(text, type_, trigger)
        assert (e.target, e.asserted_by, e.modality) == (target, "author", "asserted")
        assert e.date is None and e.date_source.startswith("undated: a custom")


def test_an_undated_nearer_mention_is_the_antecedent_so_nothing_dates_the_noun():
    text = ("Minister Lena Varga held talks with Norland on Friday.\n"
            "Varga stressed the importance of immediately starting talks with Dorn.\n"
            "The goal of the talks would be a lasting truce.")
    held = event(text, "CONSULT", "held talks")
    assert (held.target, held.date) == ("Norland", "2025-04-25")
    e = next(x for x in annotate(text)._.events if x.trigger.text == "talks")
    assert (e.type, e.asserted_by, e.modality) == ("CONSULT", "author", "asserted")
    assert undated(e)


def test_a_meeting_named_again_by_its_proper_name_takes_the_date_of_the_first_mention():
    text = ("The Norland Summit, which was the main event of the year, was held in Vel on March 4-6.\n"
            "The Estavian president could not come. He sent his deputy to the Norland Summit.")
    e = [e for e in annotate(text)._.events if e.type == "CONSULT" and e.trigger.start > text.index("sent")]
    assert e, [(x.type, x.trigger.text) for x in annotate(text)._.events]
    assert (e[0].trigger.text, e[0].asserted_by) == ("Summit", "author")
    assert (e[0].date, e[0].date_source) == ("2025-03-04", "coreference")


def test_the_onset_of_an_act_dates_the_act_not_the_report_of_its_toll():
    e = event("Since the start of Norland's offensive in the Vel region last year, Estavia has lost 900 tanks, "
              "the Norland army reported on Friday.", "ASSAULT", "offensive")
    assert (e.actor, e.asserted_by) == ("Norland", "Norland army")
    assert (e.date, e.date_source) == ("2024", "sentence")


def test_an_agreement_on_a_plan_for_later_that_day_is_dated_by_the_plan():
    e = event("It was agreed that at 10 am the first convoy should leave the city of Vel.", "AGREE", "agreed")
    assert (e.asserted_by, e.modality) == ("author", "asserted")
    assert (e.date, e.date_source) == ("2025-04-28", "clause")


def test_an_agreement_on_a_plan_for_a_day_before_the_report_stays_undated():
    e = event("Norland and Estavia agreed that the talks would resume on Friday.", "AGREE", "agreed")
    assert e.asserted_by == "author"
    assert undated(e)


def test_a_trailing_participle_describes_the_clause_before_its_comma():
    text = "Tanner's support fell after he gave a defiant speech on Thursday, denouncing the judges."
    e = event(text, "ACCUSE", "denouncing")
    assert (e.target, e.asserted_by, e.modality) == ("judges", "author", "asserted")
    assert (e.date, e.date_source) == ("2025-04-24", "clause")


def test_a_participle_with_its_own_subject_is_not_led_by_the_clause_before_it():
    text = "Tanner's support fell after he gave a speech on Thursday, his rivals denouncing the judges."
    found = [e for e in annotate(text)._.events if e.type == "ACCUSE"]
    assert all(e.date is None and undated(e) for e in found), [(e.trigger.text, e.date) for e in found]


def test_an_act_in_the_first_days_of_the_full_scale_invasion_is_dated_by_its_month():
    e = event("Minister Lena Varga noted that in the first days of the full-scale invasion the council adopted a decision "
              "to provide aid to Vel.", "AID", "provide aid")
    assert (e.target, e.asserted_by, e.modality) == ("Vel", "Lena Varga", "asserted")
    assert (e.date, e.date_source) == ("2022-02", "sentence")


def test_a_new_occasion_is_not_the_one_named_before():
    text = "Norland and Estavia held talks in Vel in January. The new talks will be harder."
    later = [e for e in annotate(text)._.events if e.type == "CONSULT" and e.trigger.text == "talks"]
    assert later and later[0].asserted_by == "author"
    assert undated(later[0])
    same = [e for e in annotate("Norland and Estavia held talks in Vel in January. The talks were productive.")._.events
            if e.type == "CONSULT" and e.trigger.text == "talks"]
    assert (same[0].date, same[0].date_source) == ("2025-01", "coreference")


def test_an_act_agreed_on_in_reported_speech_is_named_by_the_agreement():
    # the trigger of the agreement runs from "said"; the halt between the two is an act of its own
    text = "Lena Varga agreed yesterday on a call with Tom Reeves to halt strikes on the Estavian grid, Norland said."
    halt = [e for e in annotate(text)._.events if e.mention == "referred" and e.type == "CONCEDE"]
    assert halt, [(e.type, e.trigger.text, e.mention) for e in annotate(text)._.events]
    assert halt[0].trigger.text == "halt strikes" and halt[0].asserted_by == "Norland"
    assert (halt[0].date, halt[0].date_source) == ("2025-04-27", "sentence")


def test_a_promised_act_is_dated_by_its_own_clause_not_by_the_promise():
    text = "Lena Varga promised last week that Norland would end imports of Estavian gas by the end of the year."
    found = annotate(text)._.events
    promise = next(e for e in found if e.type == "AGREE" and e.trigger.text == "promised")
    assert (promise.date, promise.date_source) == ("2025-04-21", "clause")
    end = next(e for e in found if e.mention == "referred" and e.type == "SANCTION")
    assert end.trigger.text == "end imports" and end.modality == "hypothetical"
    assert (end.date, end.date_source) == ("2025", "clause")


def test_the_time_of_an_agreement_does_not_date_the_act_it_plans():
    text = "Norland and Estavia discussed the grid today and agreed that they will find a solution."
    found = annotate(text)._.events
    agreed = next(e for e in found if e.type == "AGREE" and e.trigger.text == "agreed")
    assert (agreed.date, agreed.date_source) == ("2025-04-28", "clause")
    solution = next(e for e in found if e.mention == "referred" and "solution" in e.trigger.text)
    assert solution.modality == "hypothetical" and undated(solution)
