"""Time expressions normalised against the publication date (invented sentences)."""
import pytest

from issue3_nlp import annotate


def values(text, published="2025-04-28"):
    return {t.text: (t.value, t.relative) for t in annotate(text, published)._.time_expressions}


@pytest.mark.parametrize("text,expr,value", [
    ("The envoy arrived on Saturday.", "on Saturday", "2025-04-26"),        # 2025-04-28 is a Monday
    ("The envoy arrived on Monday.", "on Monday", "2025-04-28"),            # same day counts
    ("The envoy will arrive on Friday.", "on Friday", "2025-05-02"),        # future tense looks ahead
    ("The bridge was built in 2019.", "in 2019", "2019"),
    ("Talks collapsed last week.", "last week", "2025-W17"),
    ("Prices rose earlier this month.", "earlier this month", "2025-04"),
    ("The mayor resigned on 3 March.", "on 3 March", "2025-03-03"),
    ("The mayor resigned on March 3, 2021.", "on March 3, 2021", "2021-03-03"),
    ("Fighting eased in late March.", "in late March", "2025-03"),
    ("Shelling continued overnight.", "overnight", "2025-04-28"),
    ("Officials met yesterday.", "yesterday", "2025-04-27"),
    ("Drones hit the depot last night.", "last night", "2025-04-27"),
    ("Sirens sounded this morning.", "this morning", "2025-04-28"),
    ("Troops left three days ago.", "three days ago", "2025-04-25"),
])
def test_patterns(text, expr, value):
    assert values(text)[expr] == (value, False)


def test_year_boundaries():
    got = values("The port closed on 30 December and in December trade fell; last week it reopened.", "2025-01-02")
    assert got["on 30 December"][0] == "2024-12-30"
    assert got["in December"][0] == "2024-12"
    assert got["last week"][0] == "2024-W52"


def test_two_days_later_counts_from_the_previous_date():
    got = values("The strike began on 10 April. Two days later the ministry gave in.")
    assert got["Two days later"][0] == "2025-04-12"


def test_without_publication_date_values_stay_relative():
    got = values("The council met on Tuesday and again last week; the plan dates from 2020.", None)
    assert got["on Tuesday"] == ("XXXX-WXX-2", True)
    assert got["last week"] == ("REF-1W", True)
    assert got["from 2020"] == ("2020", False)


def test_lowercase_month_words_are_not_dates():
    assert values("The soldiers sing during the march, and it may rain.") == {}


@pytest.mark.parametrize("text,published,expr,value", [
    # a plan in the present passive lies ahead: the next Friday, not the last one
    ("The talks are scheduled for Friday.", "2025-04-30", "Friday", "2025-05-02"),
    # what is announced (a range on the announced noun) takes the nearer reading, not the past tense
    ("Putin announced a ceasefire from May 8 to May 11.", "2025-04-28", "May 8", "2025-05-08"),
    # … while a past act on a date keeps the past reading
    ("Norland shelled the port on May 8.", "2025-04-28", "on May 8", "2024-05-08"),
    ("Russia and the United States will hold talks on January 9–10.", "2021-12-31", "on January 9", "2022-01-09"),
])
def test_plans_and_announced_arrangements(text, published, expr, value):
    assert values(text, published)[expr] == (value, False)


@pytest.mark.parametrize("text,expr,value", [
    ("On Friday the shelling began at 4 am.", "at 4 am", "2025-04-25"),  # the day its paragraph gives
    ("Talks began at 10:30 a.m. local time on Friday.", "at 10:30 a.m. local time", "2025-04-25"),  # its own day
    ("The corridor is open from 9 am to 9 pm.", "from 9 am to 9 pm", "2025-04-28"),  # else the publication day
])
def test_clock_times_take_a_day(text, expr, value):
    assert values(text)[expr] == (value, False)


def test_a_hyphenated_name_is_no_month():
    found = values("Bezos plans a visit to Mar-a-Lago; the talks were held in Mar. 2024.")
    assert found == {"in Mar. 2024": ("2024-03", False)}


def test_years_later_count_from_the_expression_before():
    found = values("Eight years ago the war began. Tomorrow is a day of mourning. Eight years later, the front is quiet.",
                   "2022-02-19")
    assert found["Eight years ago"] == ("2014", False) and found["Eight years later"] == ("2022", False)


def _with_outlet(text, published, outlet):
    from issue3_nlp import nlp
    doc = nlp().make_doc(text)
    doc._.published, doc._.outlet = published, outlet
    return {t.text: t.value for t in nlp()(doc)._.time_expressions}


def test_the_first_days_of_a_known_war_are_the_month_it_began():
    text = "In the first days of the war the city council opened shelters."
    assert _with_outlet(text, "2022-05-10", "President of Ukraine") == {"In the first days of the war": "2022-02"}
    # a war the report does not name (another outlet, no qualifier), or a report from before it began
    assert _with_outlet(text, "2025-05-10", "pure.news") == {}
    assert _with_outlet(text, "2021-05-10", "President of Ukraine") == {}
    qualified = "Since the first days of the full-scale invasion, the volunteers have delivered food."
    assert _with_outlet(qualified, "2025-05-10", "pure.news") == {"Since the first days of the full-scale invasion": "2022-02"}


@pytest.mark.parametrize("text,expr,value", [
    # the phase verb carries the tense of the act it begins: the past May, not the coming one
    ("Norland began sending troops to Vel in May, officials said.", "in May", "2024-05"),
    ("The offensive, launched in May, has stalled.", "in May", "2024-05"),    # a participle tells what was done
    ("The summit, planned for June, was cancelled.", "June", "2025-06"),       # … not a plan (the nearer reading)
    ("Norland will start sending troops in May.", "in May", "2025-05"),
])
def test_a_month_under_a_phase_verb_or_a_participle_takes_its_tense(text, expr, value):
    assert values(text)[expr] == (value, False)
