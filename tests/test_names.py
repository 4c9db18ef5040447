"""`presslens.names`: vocabularies as checked data, descriptions and their resolution, the person
registry (titles before names, honorifics, near-miss spellings), and speakers end to end."""
from __future__ import annotations

import pytest

from presslens import analyze
from presslens.attribution import lexicon
from presslens.names import vocabulary
from presslens.names.descriptions import Description, affiliation_fit, describe_office, document_principal, refers_to, role_fits
from presslens.names.registry import Person, near_miss


def test_vocabularies_load_and_are_checked(monkeypatch):
    assert "president" in vocabulary.ROLE_EQUIVALENCES["head of state"]
    assert "say" in lexicon.SPEECH_VERBS and "according" == lexicon.MARKERS["according"]
    bad = {"language": "xx", "title_words": ["Mr"], "courtesy_titles": [], "portfolios": [], "role_nouns": [],
           "honorifics": [], "collective_nouns": [], "role_function_words": [], "title_connectors": [],
           "principal_roles": [], "headline_verbs": [], "address_words": [], "body_nouns": [], "group_nouns": [], "leading_collectives": [], "name_particles": [],
           "role_equivalences": {}, "collective_quantifiers": {}}
    monkeypatch.setattr(vocabulary, "_read", lambda *parts: dict(bad))
    vocabulary.vocabulary.cache_clear()
    try:
        with pytest.raises(ValueError, match="lower-case"):
            vocabulary.vocabulary("xx")
    finally:
        vocabulary.vocabulary.cache_clear()


def person(name, role=None, affiliation=None, first=0, mentions=None):
    return Person(name, role, affiliation, first, mentions or [(first, first + len(name))])


def test_role_equivalence_and_affiliation():
    head_of_state = Description("head of state", "head of state", vocabulary.ROLE_EQUIVALENCES["head of state"])
    assert role_fits(head_of_state, person("Maria Lopez", "President"))
    assert not role_fits(head_of_state, person("Maria Lopez", "Foreign Minister"))
    top_diplomat = Description("Norland's top diplomat", "top diplomat", vocabulary.ROLE_EQUIVALENCES["top diplomat"], "Norland")
    assert role_fits(top_diplomat, person("Ivo Lind", "Foreign Minister", "Norland"))
    assert affiliation_fit(top_diplomat, person("Ivo Lind", "Foreign Minister", "Norland")) == 2
    assert affiliation_fit(top_diplomat, person("Ivo Lind", "Foreign Minister", "Southland")) == 0
    assert affiliation_fit(Description("x", "president", ("president",), "Russia"), person("A B", "President", "US")) == 0


def test_refers_to_prefers_the_same_affiliation_then_the_principal():
    people = [person("Maria Lopez", "President", "Norland", 0), person("Thomas Weber", "President", "Southland", 50)]
    russian = Description("Norland president", "president", ("president",), "Norland")
    assert refers_to(russian, people, 100, None).name == "Maria Lopez"
    bare = Description("President", "president", ("president",))
    assert refers_to(bare, people, 100, people[0]).name == "Maria Lopez"  # the document's principal
    assert refers_to(bare, people, 100, None).name == "Thomas Weber"  # else the one named last
    assert refers_to(bare, people, 100, None, excluded={"Thomas Weber"}).name == "Maria Lopez"


def test_office_outlet_gives_the_principal():
    office = describe_office("President of Norland")
    assert office.role == "president" and office.affiliation == "Norland"
    people = [person("Thomas Weber", "President", "European Council", 0, [(0, 9)] * 3),
              person("Maria Lopez", "President", None, 20, [(20, 28)])]
    assert document_principal(people, office).name == "Maria Lopez"
    assert document_principal(people, None).name == "Thomas Weber"


def test_near_miss_spellings():
    assert near_miss("Koronolli", "Koronelli")
    assert not near_miss("Smith", "Smyth")  # too short to tell apart from another name
    assert not near_miss("Petrov", "Ivanov")


def speakers(text: str, **meta) -> list[tuple[str | None, bool, list[str]]]:
    return [(q.speaker.name, q.speaker.resolved, q.speaker.co_speakers) for q in analyze(text, **meta).quotes]


def test_descriptions_resolve_to_the_named_person():
    text = ("President of Norland Maria Lopez met Southland's Foreign Minister Ivo Lind on Monday.\n"
            "The head of state noted that trade had doubled since 2020.\n"
            "Southland's top diplomat stressed that the border would stay open.")
    got = speakers(text)
    assert ("Maria Lopez", True, []) in got
    assert ("Ivo Lind", True, []) in got


def test_an_unresolved_description_is_kept_whole_and_marked():
    got = speakers("A spokesman for the group said the convoy had been attacked at dawn.")
    assert got == [("spokesman for the group", False, [])]


def test_collective_speakers():
    text = ("Maria Lopez had a telephone conversation with Thomas Weber, the President of Southland.\n"
            "Maria Lopez described the flooding in the north. Thomas Weber offered help.\n"
            "The parties expressed hope that the rail link would reopen soon.")
    got = speakers(text)
    assert ("Maria Lopez", True, ["Thomas Weber"]) in got


def test_first_person_is_never_a_name():
    text = "Dear friends! I am sure that we will rebuild every school in the region."
    for name, _, _ in speakers(text):
        assert name not in ("I", "We", "we")


def test_first_person_goes_to_the_principal_of_an_address():
    text = ("Address by President Maria Lopez to the nation.\n"
            "I am convinced that we will rebuild every school in the region.")
    assert ("Maria Lopez", True, []) in speakers(text)


def test_misspelt_surname_merges_with_the_full_name():
    text = ("Norland's ambassador Viktor Koronelli said the talks would resume in May.\n"
            "“We expect a good result,” Koronolli said.")
    assert {name for name, _, _ in speakers(text)} == {"Viktor Koronelli"}


def test_honorifics_are_no_roles():
    analysis = analyze("Mr. Dario Fenwick said the bridge would reopen on Friday.")
    assert analysis.quotes[0].speaker.name == "Dario Fenwick"
    assert analysis.quotes[0].speaker.role is None


def test_speaker_entity_id_points_at_the_entity():
    analysis = analyze("Harbour chief Dario Fenwick said the bridge would reopen on Friday.")
    quote = analysis.quotes[0]
    entity = next(e for e in analysis.entities if e.id == quote.speaker.entity_id)
    assert entity.name == "Dario Fenwick"


def test_readout_passive_goes_to_the_outlet_principal():
    text = ("Maria Lopez had a telephone conversation with Thomas Weber.\n"
            "It was emphasised that the grain corridor must stay open.")
    got = speakers(text, outlet="President of Norland")
    assert ("Maria Lopez", True, []) in got


def test_a_title_before_a_surname_does_not_hide_the_person():
    text = ("Thomas Weber, the prime minister, said the budget would be balanced.\n"
            "Later, Prime Minister Weber told reporters that taxes would not rise.")
    assert {name for name, _, _ in speakers(text)} == {"Thomas Weber"}


def test_a_person_named_inside_a_statement_is_not_the_next_speaker():
    text = ("Maria Lopez met Thomas Weber in the capital.\n"
            "Maria Lopez noted that Thomas Weber had visited the flooded villages. "
            "“We will rebuild every bridge,” she said.")
    got = speakers(text)
    assert got[-1][0] == "Maria Lopez"


def test_a_title_tagged_as_a_name_stays_a_description():
    text = "“The talks will go on while the negotiations are underway,” said the Adviser to the Head of the Office."
    for name, resolved, _ in speakers(text):
        assert name is None or not resolved or name.split()[0] not in ("Adviser", "of")


def test_a_title_of_office_before_a_name_is_no_part_of_it():
    """"Minister of Transport Anna Berg", "Prime Minister of Norway Erik Dalberg" (the parser runs
    the place into the name), "leader of the Green faction Ida Brun": the person is the name alone,
    in speakers and in event actors."""
    text = ("Minister of Transport Anna Berg thanked the President for the new roads. "
            "According to Prime Minister of Norway Erik Dalberg, the bridge will open in spring. "
            "Leader of the Green faction Ida Brun said that the vote would be held soon. "
            "President of Finland Petra Kallio met with President of the European Council Maria Holm.")
    result = analyze(text, published="2026-03-02")
    names = {q.speaker.name for q in result.quotes}
    assert {"Anna Berg", "Erik Dalberg", "Ida Brun"} <= names
    assert not any(n and n.split()[0] in ("Transport", "Norway", "the", "Green") for n in names)
    met = next(e for e in result.events if e.trigger and e.trigger.text == "met")
    assert (met.actor, met.target) == ("Petra Kallio", "Maria Holm")
    thanked = next(e for e in result.events if e.trigger and e.trigger.text == "thanked")
    assert thanked.actor == "Anna Berg"


def test_a_place_the_parser_ran_into_a_person_name_stays_in_the_title():
    """"President of Kazakhstan [Anna-Maria Toivonen's]", "Russian Ambassador to Havana [Ivo Lind]"
    (the parser tags the place as part of the PERSON): the name alone, the place in the role."""
    text = ("The leaders supported President of Kazakhstan Anna-Maria Toivonen's proposal to hold a summit soon. "
            "Trade will grow next year, Russian Ambassador to Havana Ivo Lind said. "
            "\u201cWe will open a new office,\u201d the ambassador noted.")
    result = analyze(text, published="2026-03-02")
    names = [q.speaker.name for q in result.quotes]
    assert "Anna-Maria Toivonen" in names and names[-2:] == ["Ivo Lind", "Ivo Lind"]
    lind = next(e for e in result.entities if e.name == "Ivo Lind")
    assert (lind.role, lind.affiliation) == ("Ambassador to Havana", "Russia")
