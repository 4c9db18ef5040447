"""Entities: merging of names and acronyms, actor codes, offline geocoding (invented sentences)."""
from issue3_nlp import annotate


def by_name(text):
    return {e.name: e for e in annotate(text)._.entities}


def test_dprk_north_korea_and_full_name_are_one_entity():
    ents = by_name("The DPRK sent a delegation. North Korea later denied it, and the Democratic People's Republic of Korea closed its border.")
    nk = ents["North Korea"]
    assert {m.text for m in nk.mentions} >= {"DPRK", "North Korea", "Democratic People's Republic of Korea"}
    assert nk.country == "PRK"


def test_acronym_defined_in_text_merges_with_long_form():
    ents = by_name("The Coastal Defence Brigade (CDB) moved north. Later the CDB denied any losses.")
    owner = next(e for e in ents.values() if any(m.text == "CDB" for m in e.mentions))
    assert sum(m.text == "CDB" for m in owner.mentions) == 2
    assert "Coastal Defence Brigade" in owner.name


def test_acronym_is_matched_as_a_whole_word_only():
    ents = by_name("The Coastal Defence Brigade (CDB) moved north. The CDB's ships and the CDBX unit stayed.")
    owner = next(e for e in ents.values() if any(m.text == "CDB" for m in e.mentions))
    assert sum(m.text == "CDB" for m in owner.mentions) == 2
    assert not any("CDBX" in m.text for m in owner.mentions)


def test_alias_table_gives_actor_codes():
    ents = by_name("The Korean People's Army (KPA) and the Armed Forces of Ukraine met near the front; KCNA reported it.")
    assert (ents["Korean People's Army"].country, ents["Korean People's Army"].sector) == ("PRK", "MIL")
    assert ents["Armed Forces of Ukraine"].sector == "MIL"
    assert ents["KCNA"].sector == "MED"


def test_person_name_variants_role_and_affiliation():
    ents = by_name("Ukrainian Defence Minister Olena Varga visited the troops. Varga said morale was high.")
    p = ents["Olena Varga"]
    assert len(p.mentions) >= 2 and p.type == "PERSON"
    assert p.country == "UKR"


def test_region_is_geocoded_to_admin1():
    place = by_name("Heavy fighting was reported in the Kursk region on Sunday.")["Kursk region"].place
    assert place["resolved"] and place["country_code"] == "RU" and place["admin1"] == "Kursk Oblast"
    assert 51 < place["lat"] < 52


def test_ambiguous_city_uses_the_article_context():
    place = by_name("Voters in Canada went to the polls; in London, Ontario, turnout was high.")["London"].place
    assert place["country_code"] == "CA"


def test_unknown_place_says_so():
    place = by_name("Refugees reached Zorvania Flats on Sunday, officials in Greece said.").get("Zorvania Flats")
    assert place is None or place.place is None or place.place["resolved"] is False
