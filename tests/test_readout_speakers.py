"""Speakers and names in invented readouts: a role with its own of-phrase is the role ("spokeswoman
of the Borovian leader"), "the presidents" are never the spokeswoman who reports them, a dateline's
capitals do not name an entity, and an event reported by a description no one in the article fits
is not given to the last person quoted."""
from __future__ import annotations

import pytest

from presslens import analyze

READOUT = ("Presidents of Borovia and Norland Ivan Petrenko and Karl Vossberg discussed regional security on "
           "Wednesday, said Olga Marchenko, spokeswoman of the Borovian leader.\n\n"
           "\"The presidents are always in touch,\" Olga Marchenko said. Marchenko added that the presidents "
           "spoke about trade.")

CALL = ("Ivan Petrenko had a telephone conversation with President of the Estavian Republic Paul Durand.\n\n"
        "Paul Durand expressed concern over the situation in the region. The Norlandic foreign minister stressed "
        "that the rebels had shelled the border villages.")

WIRE = ("MOSCOW, April 3. /TASS/. The Kremlin said Moscow was ready to continue the consultations.\n\n"
        "Officials in Moscow declined to comment further.")


@pytest.fixture(scope="module")
def readout():
    return analyze(READOUT, published="2024-12-26")


def test_a_role_with_its_own_of_phrase_is_the_role(readout):
    speaker = readout.quotes[0].speaker
    assert speaker.name == "Olga Marchenko"
    assert speaker.role == "spokeswoman"


def test_the_presidents_are_not_the_spokeswoman(readout):
    spoke = next(q for q in readout.quotes if "trade" in q.content.text)
    assert spoke.speaker.name == "Olga Marchenko"  # she reports it: "Marchenko added that …"
    assert all(q.speaker.name != "Olga Marchenko" or not q.speaker.co_speakers for q in readout.quotes)


def test_an_unfitting_description_is_not_the_last_person_quoted():
    analysis = analyze(CALL, published="2024-12-26")
    stressed = next(q for q in analysis.quotes if "shelled" in q.content.text)
    assert stressed.speaker.resolved is False  # no one named is the Norlandic foreign minister
    shelling = next(e for e in analysis.events if e.type == "ASSAULT")
    assert shelling.asserted_by != "Paul Durand"


def test_dateline_capitals_do_not_name_the_entity():
    names = {e.name for e in analyze(WIRE, published="2022-04-03").entities}
    assert "Moscow" in names and "MOSCOW" not in names


def test_a_cut_title_runs_on_into_the_name_it_belongs_to():
    """The parser may swallow the name into an ORG ("… of the Occupied Territories Olena Hrytsenko"):
    the title still runs on into the name the article gives elsewhere."""
    from spacy.tokens import Span as SpacySpan

    from presslens.attribution.speakers import SpeakerResolver
    from presslens.pipeline import get_pipeline

    nlp = get_pipeline()
    text = ("This was announced by Deputy Prime Minister - Minister for Reconstruction of the Occupied Territories "
            "Olena Hrytsenko. Olena Hrytsenko spoke to reporters. President Ivan Petrenko held a meeting. "
            "Ivan Petrenko thanked the rescuers, and Ivan Petrenko left.")
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "presslens_attribution":
            break
        doc = proc(doc)
    territories = next(t.i for t in doc if t.text == "the")
    doc.ents = [e for e in doc.ents if e.start >= doc[territories:].sent.end]  # later names only
    doc.ents = list(doc.ents) + [SpacySpan(doc, territories, territories + 6, label="ORG")]  # "the … Hrytsenko"
    title = doc[4:11]
    assert title.text == "Deputy Prime Minister - Minister for Reconstruction"
    speaker = SpeakerResolver(doc).resolve(title)
    assert speaker.name == "Olena Hrytsenko"


def test_a_statements_list_continues_its_speaker_across_headings():
    text = ("MINSK, November 12. /TASS/. Foreign Minister Anton Drozd said on Tuesday that the talks would go on.\n\n"
            "TASS has compiled the key statements made by the minister.\n\n"
            "On negotiations\n\n"
            "\"We have never refused talks.\"\n\n"
            "On arms supplies\n\n"
            "\"Every new delivery of weapons only prolongs the suffering.\"\n\n"
            "Meanwhile, the weather in the capital turned cold.\n\n"
            "\"Winter is here.\"")
    quotes = {q.content.text: q.speaker.name for q in analyze(text, published="2024-11-12").quotes}
    assert quotes["\"We have never refused talks.\""] == "Anton Drozd"
    assert quotes["\"Every new delivery of weapons only prolongs the suffering.\""] == "Anton Drozd"
    assert quotes.get("\"Winter is here.\"") != "Anton Drozd"  # an author's paragraph is no heading


def test_an_office_release_takes_an_untitled_principal_only_from_its_lead():
    """A speech on an office's site that never names its speaker has no principal — not a name it
    mentions in passing ("Freedom Square" tagged PERSON); a readout naming the holder untitled in
    its lead ("Ivan Petrenko had a telephone conversation …") has."""
    from presslens.names.descriptions import describe_office, document_principal
    from presslens.names.registry import Person

    office = describe_office("President of Norland")
    square = Person("Liberty Square", first=2276, mentions=[(2276, 2290)])
    assert document_principal([square], office, lead_end=1000) is None
    petrenko = Person("Ivan Petrenko", first=0, mentions=[(0, 13), (400, 413)])
    assert document_principal([square, petrenko], office, lead_end=1000) is petrenko


@pytest.mark.parametrize("joiner", ["\n\n", " "])
def test_transcript_turns_with_or_without_line_breaks(joiner):
    """A Kremlin-style transcript: "President of Norland Anton Drozd: … I want …" — each label opens
    a turn that runs to the next label, also when the line breaks were lost; first person inside a
    turn is the turn's speaker, never the lead's first-named person."""
    text = joiner.join([
        "The meeting was attended by Deputy Prime Minister Ivan Sorokin and Governor Pavel Lebed.",
        "President of Norland Anton Drozd: Good afternoon, colleagues. I want to thank you all for coming.",
        "Ivan Sorokin: Mr President, I would like to report that the roads are open.",
        "Anton Drozd: Thank you. I believe we can finish by May."])
    quotes = analyze(text, published="2022-03-16", outlet="President of Norland").quotes
    by_start = {q.content.text[:20]: q.speaker.name for q in quotes}
    assert by_start["Good afternoon, coll"] == "Anton Drozd"
    assert by_start["Mr President, I woul"] == "Ivan Sorokin"
    assert by_start["Thank you. I believe"] == "Anton Drozd"
    first_person = [q for q in quotes if q.speaker.mention and q.speaker.mention.text == "I"]
    assert first_person and all(q.speaker.name in ("Anton Drozd", "Ivan Sorokin") for q in first_person)
    assert next(q for q in quotes if q.content.text == "the roads are open").speaker.name == "Ivan Sorokin"


def test_she_after_an_unresolved_description_is_that_description():
    text = ("The harbour master said on Tuesday that the lamp would be repaired. "
            "\"We have ordered the parts,\" she told reporters.")
    quotes = analyze(text, published="2025-03-14").quotes
    assert [q.speaker.name for q in quotes] == ["harbour master", "harbour master"]
    assert all(q.speaker.resolved is False for q in quotes)
