"""Wire-report shapes on invented reports: a dateline is never part of a statement, a speaker the
parser strands in apposition to the reported clause's last noun is the speaker (and the noun stays
in the content), and "the city of X" names a place that is the target and the location."""
from __future__ import annotations

import pytest

from presslens import analyze
from presslens.datelines import datelines

REPORT = ("LVIV, May 2 (Reuters) - Drones struck a fuel depot in the west overnight, wounding at least four "
          "workers, regional governor Marta Kovalchuk said on Tuesday.\n\n"
          "Artillery units shelled the city of Kharkiv overnight, the army said.")


@pytest.fixture(scope="module")
def report():
    return analyze(REPORT, published="2023-05-02")


@pytest.mark.parametrize("text, opening, date", [
    ("LVIV, May 2 (Reuters) - Drones struck", "LVIV, May 2 (Reuters) - ", "May 2"),
    ("MINSK, December 26. /TASS/. The ministry", "MINSK, December 26. /TASS/. ", "December 26"),
    ("WASHINGTON — The senator", "WASHINGTON — ", None),
    ("LONDON (AP) - Police", "LONDON (AP) - ", None),
])
def test_datelines_are_read_with_their_date(text, opening, date):
    [match] = datelines(text)
    assert match.group(0) == opening and match.group("date") == date


def test_prose_is_no_dateline():
    assert datelines("Mr. Smith said the US - Russia talks would go on.") == []


def test_dateline_is_not_part_of_the_statement(report):
    first = report.quotes[0]
    assert not first.content.text.startswith("LVIV")
    assert first.content.text.startswith("Drones struck a fuel depot")


def test_speaker_stranded_in_apposition_is_the_speaker(report):
    first = report.quotes[0]
    assert first.speaker.name == "Marta Kovalchuk"
    assert first.speaker.role == "regional governor"
    assert first.speaker.affiliation is None
    assert first.content.text.endswith("wounding at least four workers")


def test_the_town_of_x_is_a_place_target_and_location(report):
    shelling = next(e for e in report.events if e.trigger.text == "shelled")
    assert shelling.type == "ASSAULT"
    assert shelling.target == "Kharkiv" and shelling.location == "Kharkiv"
    place = next(e for e in report.entities if e.name == "Kharkiv")  # the parser tags nothing there
    assert place.type == "GPE" and place.place["country_code"] == "UA"
