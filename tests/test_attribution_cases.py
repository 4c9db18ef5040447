"""Attribution cases of our own: each pattern the attribution component covers, with invented
speakers, outlets and phrasings.  Every case asserts speaker, cue, kind and content span."""
from __future__ import annotations

import pytest

from presslens import analyze

# (id, article text, expected speaker name, cue text or None, kind, content text)
CASES = [
    # direct quotes, curly / straight / doubled apostrophes, cue after or before
    ("direct-curly-after", "“The levee will hold through the winter,” engineer Paula Moreno said on Tuesday.",
     "Paula Moreno", "said", "direct", "“The levee will hold through the winter,”"),
    ("direct-straight-after", '"We expect the ferry to resume service next week," transport official Dara Quinn said.',
     "Dara Quinn", "said", "direct", '"We expect the ferry to resume service next week,"'),
    ("direct-doubled-apostrophes", "``Nobody was hurt in the blast,'' fire chief Omar Haddad told reporters.",
     "Omar Haddad", "told", "direct", "``Nobody was hurt in the blast,''"),
    ("direct-cue-before-colon", "Mayor Ines Kovac said: “The budget is balanced for the first time in a decade.”",
     "Ines Kovac", "said", "direct", "“The budget is balanced for the first time in a decade.”"),
    ("direct-inverted-said", "“The harvest is the worst in twenty years,” said farmer Rui Alves, who grows olives near Evora.",
     "Rui Alves", "said", "direct", "“The harvest is the worst in twenty years,”"),
    ("direct-added", "Coach Marta Lindqvist praised the defence. “We will play the same way on Sunday,” she added.",
     "Marta Lindqvist", "added", "direct", "“We will play the same way on Sunday,”"),
    ("direct-told-outlet", "“Our reserves are enough for three weeks,” central bank governor Yusuf Demir told the Harbor Times.",
     "Yusuf Demir", "told", "direct", "“Our reserves are enough for three weeks,”"),
    # interrupted quotes are one quote with pieces
    ("interrupted", "“The water is safe to drink,” health minister Anya Petrova said, “but boil it for the elderly.”",
     "Anya Petrova", "said", "direct", "“The water is safe to drink,” health minister Anya Petrova said, “but boil it for the elderly.”"),
    ("interrupted-told", "“Prices will fall,” trader Kofi Mensah told the radio station, “once the port reopens.”",
     "Kofi Mensah", "told", "direct", "“Prices will fall,” trader Kofi Mensah told the radio station, “once the port reopens.”"),
    # multi-paragraph quote: each paragraph re-opens, only the last closes
    ("multi-paragraph", "Senator Hugo Brandt spoke at length.\nHe said: “First, we will audit every contract.\n“Then we will publish all of them.”",
     "Hugo Brandt", "said", "direct", "“First, we will audit every contract.\n“Then we will publish all of them.”"),
    # indirect speech with many cues
    ("indirect-said-that", "Interior minister Lars Egede said that the border crossing would reopen on Friday.",
     "Lars Egede", "said", "indirect", "the border crossing would reopen on Friday"),
    ("indirect-said-no-that", "Police chief Amara Okafor said the suspect had left the city before dawn.",
     "Amara Okafor", "said", "indirect", "the suspect had left the city before dawn"),
    ("indirect-trailing-cue", "The vaccine supply will last until March, hospital director Sven Aalto said.",
     "Sven Aalto", "said", "indirect", "The vaccine supply will last until March"),
    ("indirect-stressed", "Defence spokeswoman Leila Farouk stressed that no civilians had been in the building.",
     "Leila Farouk", "stressed", "indirect", "no civilians had been in the building"),
    ("indirect-warned", "Economist Petra Novak warned that inflation could double by summer.",
     "Petra Novak", "warned", "indirect", "inflation could double by summer"),
    ("indirect-claimed", "The rebel commander Idris Kamara claimed that his fighters controlled the airport.",
     "Idris Kamara", "claimed", "indirect", "his fighters controlled the airport"),
    ("indirect-denied", "Trade minister Chen Wei denied that the tariffs targeted any single country.",
     "Chen Wei", "denied", "indirect", "the tariffs targeted any single country"),
    ("indirect-confirmed", "The airline confirmed that two flights had been cancelled because of the storm.",
     "airline", "confirmed", "indirect", "two flights had been cancelled because of the storm"),
    ("indirect-noted", "Analyst Grace Mbeki noted that exports had risen for the third month in a row.",
     "Grace Mbeki", "noted", "indirect", "exports had risen for the third month in a row"),
    ("indirect-told-reporters", "Governor Elena Ruiz told reporters that the evacuation order would stay in place.",
     "Elena Ruiz", "told", "indirect", "the evacuation order would stay in place"),
    ("indirect-according-to", "According to coast guard captain Niels Berg, the tanker lost power near the reef.",
     "Niels Berg", "According to", "indirect", "the tanker lost power near the reef"),
    ("indirect-according-to-trailing", "The mine will close by the end of the year, according to union leader Bram Visser.",
     "Bram Visser", "according to", "indirect", "The mine will close by the end of the year"),
    ("indirect-remarks-that", "Prime Minister Aiko Tanaka's remarks that the deal was final angered the opposition.",
     "Aiko Tanaka", "remarks", "indirect", "the deal was final"),
    ("indirect-praised", "President Joao Mendes praised the rescue teams who worked through the night.",
     "Joao Mendes", "praised", "indirect", "the rescue teams who worked through the night"),
    ("indirect-voiced-confidence", "Finance minister Karin Holm voiced confidence that the bond sale would succeed.",
     "Karin Holm", "voiced confidence", "indirect", "the bond sale would succeed"),
    ("indirect-expressed-gratitude", "Foreign minister Tomas Varga expressed gratitude to the volunteers.",
     "Tomas Varga", "expressed gratitude", "indirect", "gratitude to the volunteers"),
    ("indirect-in-a-statement", "In a statement, the health ministry said that three new cases had been found.",
     "health ministry", "said", "indirect", "three new cases had been found"),
    ("indirect-stressed-object", "President Arlen Voss stressed the importance of keeping the grain corridor open.",
     "Arlen Voss", "stressed", "indirect", "the importance of keeping the grain corridor open"),
    ("indirect-thanked-for", "Prime Minister Dana Kiro thanked Norland for its humanitarian assistance.",
     "Dana Kiro", "thanked", "indirect", "Norland for its humanitarian assistance"),
    ("indirect-accused-of", "Defence Minister Oskar Brenn accused the rebels of shelling civilian areas.",
     "Oskar Brenn", "accused", "indirect", "the rebels of shelling civilian areas"),
    ("nested-readout", "Voss stressed the importance of dialogue, the presidential press service said.",
     "press service", "said", "indirect", "Voss stressed the importance of dialogue"),
    ("pro-form-said-so", "Most residents expected the plant to close, and the mayor Ana Dias said so on Friday.",
     "Ana Dias", "said", "indirect", "so"),
    ("says-comma-lost-clause", "Candidate Omar Reyes says, win or lose on Sunday, he is staying in the race.",
     "Omar Reyes", "says", "indirect", "win or lose on Sunday, he is staying in the race"),
    ("after-saying", "After saying the vote was rigged, opposition leader Farid Nasser left the hall.",
     "Farid Nasser", "saying", "indirect", "the vote was rigged"),
    # relayed speech: speaker is the quoted party, the channel the relaying medium
    ("relayed-quoted-as-saying", "The state news agency Nortel quoted the defence council as saying the drills would continue.",
     "defence council", "quoted the defence council as saying", "indirect", "the drills would continue"),
    ("passive-quoted-as-saying", "Opposition leader Farid Nasser was quoted as saying the election had been rigged.",
     "Farid Nasser", "quoted as saying", "indirect", "the election had been rigged"),
    # mixed quotes: reported speech carrying quoted fragments
    ("mixed", "Judge Miriam Osei said the ruling was “final and binding” for both companies.",
     "Miriam Osei", "said", "mixed", "the ruling was “final and binding” for both companies"),
    ("mixed-called", "Opposition lawmaker Clara Weiss called the reform “a quiet surrender.”",
     "Clara Weiss", "called", "mixed", "the reform “a quiet surrender.”"),
    # pronoun and description speakers, canonical name is the fullest form
    ("pronoun-he", "Railway chief Anton Keller visited the depot. He said the new trains would arrive in May.",
     "Anton Keller", "said", "indirect", "the new trains would arrive in May"),
    ("pronoun-she", "Nurse Hana Sato has worked in the ward for ten years. She warned that staff were exhausted.",
     "Hana Sato", "warned", "indirect", "staff were exhausted"),
    ("surname-to-full-name", "Water board director Ruth Abebe opened the plant. Abebe said the town would have clean water by June.",
     "Ruth Abebe", "said", "indirect", "the town would have clean water by June"),
    ("description-to-person", "Valdorian President Lena Ostrova arrived in Tarsk. The Valdorian president said the talks had been useful.",
     "Lena Ostrova", "said", "indirect", "the talks had been useful"),
    # vague sources
    ("vague-officials", "Officials said the dam had been inspected last week.",
     "Officials", "said", "indirect", "the dam had been inspected last week"),
    ("vague-a-source", "The merger talks have stalled, a source said.",
     "source", "said", "indirect", "The merger talks have stalled"),
    ("vague-experts-note", "The river is rising faster than last year, hydrology experts note.",
     "hydrology experts", "note", "indirect", "The river is rising faster than last year"),
    # speaker labels (transcripts)
    ("speaker-label", "HOST: Welcome back to the programme tonight.\nMORALES: Thank you for having me here.",
     "MORALES", ":", "indirect", "Thank you for having me here"),
    # block quote without marks after a paragraph that introduces the speaker
    ("block-first-person", "Port director Ivo Marin said on Monday that the strike had ended.\nWe have reached an agreement with the dockers, and the cranes will run again from tomorrow.",
     "Ivo Marin", None, "direct", "We have reached an agreement with the dockers, and the cranes will run again from tomorrow."),
    ("block-after-praise", "Union leader Tomas Reiner also praised the divers who cleared the wrecks.\nThey worked without rest and deserve the thanks of the whole country.",
     "Tomas Reiner", None, "direct", "They worked without rest and deserve the thanks of the whole country."),
    # a second cue of the same speaker ends the first content
    ("second-cue-adding", "Mayor Ana Lind said the bridge would reopen in May, adding that repairs had cost more than planned.",
     "Ana Lind", "said", "indirect", "the bridge would reopen in May"),
    ("second-cue-adding-own", "Mayor Ana Lind said the bridge would reopen in May, adding that repairs had cost more than planned.",
     "Ana Lind", "adding", "indirect", "repairs had cost more than planned"),
    ("second-cue-and-said", "Port director Ivo Marin said the cranes had been repaired and said that the strike was over.",
     "Ivo Marin", "said", "indirect", "the strike was over"),
    # a cue set off by commas inside the sentence it reports: two pieces around it
    ("parenthetical-cue", "The new bridge, engineer Paula Moreno said, will open in June.",
     "Paula Moreno", "said", "indirect", "The new bridge, engineer Paula Moreno said, will open in June"),
    ("parenthetical-cue-with-time", "The port will stay closed, harbour master Jonas Falk said on Monday, until the wreck is removed.",
     "Jonas Falk", "said", "indirect", "The port will stay closed, harbour master Jonas Falk said on Monday, until the wreck is removed"),
    # a cue inside a relative clause: the relative word and the words after the cue
    ("relative-said", "The council approved the reform, which minister Karl Olsen said would save millions.",
     "Karl Olsen", "said", "indirect", "which minister Karl Olsen said would save millions"),
    ("relative-described-as", "Voters rejected the reform, which Olsen described as overdue.",
     "Olsen", "described", "indirect", "which Olsen described as overdue"),
    # quotations: "continued" next to a quotation, a quotation resumed after its cue's sentence
    ("direct-continued", "“The dam is holding,” engineer Tomas Berg continued. “But the rain will not stop before Friday.”",
     "Tomas Berg", "continued", "direct", "“The dam is holding,” engineer Tomas Berg continued. “But the rain will not stop before Friday.”"),
    ("direct-resumed-after-cue-sentence", "“The harbour is calm now,” harbour master Jonas Falk said as the ferry docked. “We expect no more delays this week.”",
     "Jonas Falk", "said", "direct", "“The harbour is calm now,” harbour master Jonas Falk said as the ferry docked. “We expect no more delays this week.”"),
    # headline label whose one word the tagger takes for a common noun, named in the article
    ("headline-label-named-later", "Varga: Tariffs will hurt our farmers\nFarm minister Ilona Varga said on Monday that the new tariffs were a mistake.",
     "Varga", ":", "indirect", "Tariffs will hurt our farmers"),
    # verbs of talking with their topic, speech acts with their object
    ("topic-spoke-about", "Senator Mira Holt spoke about the drought in the northern provinces.",
     "Mira Holt", "spoke about", "indirect", "the drought in the northern provinces"),
    ("object-discussed", "Opposition leader Farid Nasser discussed the new budget.",
     "Farid Nasser", "discussed", "indirect", "the new budget"),
    ("object-defended", "Economist Petra Novak defended the rate rise.",
     "Petra Novak", "defended", "indirect", "the rate rise"),
    ("object-congratulated-for", "Mayor Ana Dias congratulated the rowing team for its victory.",
     "Ana Dias", "congratulated", "indirect", "the rowing team for its victory"),
    ("object-endorsed", "Union leader Tomas Reiner endorsed Clara Weiss for governor.",
     "Tomas Reiner", "endorsed", "indirect", "Clara Weiss for governor"),
    ("pronoun-object-called", "Economist Petra Novak called it “a reckless gamble.”",
     "Petra Novak", "called", "mixed", "it “a reckless gamble.”"),
    ("prep-pointed-to", "Finance minister Oskar Brenn pointed to the falling unemployment rate.",
     "Oskar Brenn", "pointed to", "indirect", "the falling unemployment rate"),
    ("quote-continuation-paragraph", "“We found the wreck at dawn,” diver Lukas Brenner said.\n“It lay on its side in forty metres of water, broken in two places.”",
     "Lukas Brenner", None, "direct", "“It lay on its side in forty metres of water, broken in two places.”"),
]


def find_quote(analysis, content: str):
    for q in analysis.quotes:
        if q.content.text == content:
            return q
    got = [q.content.text for q in analysis.quotes]
    raise AssertionError(f"no quote with content {content!r}; got {got!r}")


@pytest.mark.parametrize("case_id,text,speaker,cue,kind,content", CASES, ids=[c[0] for c in CASES])
def test_attribution_case(case_id, text, speaker, cue, kind, content):
    analysis = analyze(text, published="2025-03-14")
    quote = find_quote(analysis, content)
    assert quote.speaker.name is not None and speaker.lower() in quote.speaker.name.lower(), quote.speaker
    assert (quote.cue.text if quote.cue else None) == cue
    assert quote.kind == kind
    assert text[quote.content.start:quote.content.end] == content


def test_enough_cases():
    assert len(CASES) >= 40


def test_role_and_affiliation_from_premodifiers():
    a = analyze("Mirenian Foreign Ministry spokeswoman Ilse Dorn stressed that the talks would go on.")
    speaker = a.quotes[0].speaker
    assert (speaker.name, speaker.role, speaker.affiliation) == ("Ilse Dorn", "spokeswoman", "Mirenian Foreign Ministry")


def test_role_from_appositive():
    a = analyze("Government spokesman, Marek Lind, said that the accord allows patrols in the strait.")
    assert a.quotes[0].speaker.name == "Marek Lind"
    assert a.quotes[0].speaker.role == "spokesman"


def test_channel_of_statement_published_on_website():
    a = analyze("In a statement published on the ministry's official website, Defence Minister Ugo Bassi said that the drills were over.")
    assert a.quotes[0].speaker.name == "Ugo Bassi"
    assert a.quotes[0].channel == "the ministry's official website"


def test_relayed_speech_channel():
    a = analyze("The state news agency Nortel quoted the defence council as saying the drills would continue.")
    assert a.quotes[0].channel == "The state news agency Nortel"


def test_vague_flag():
    a = analyze("Officials said the dam had been inspected. Mayor Ana Dias said the dam was safe.")
    flags = {q.speaker.name: q.speaker.vague for q in a.quotes}
    assert flags == {"Officials": True, "Ana Dias": False}


def test_interrupted_quote_has_pieces():
    text = "“The water is safe,” minister Anya Petrova said, “but boil it for the elderly.”"
    q = analyze(text).quotes[0]
    assert [p.text for p in q.pieces] == ["“The water is safe,”", "“but boil it for the elderly.”"]


def test_parenthetical_cue_pieces():
    q = find_quote(analyze("The new bridge, engineer Paula Moreno said, will open in June."),
                   "The new bridge, engineer Paula Moreno said, will open in June")
    assert [p.text for p in q.pieces] == ["The new bridge", "will open in June"]


def test_relative_cue_pieces():
    q = find_quote(analyze("Voters rejected the reform, which Olsen described as overdue."), "which Olsen described as overdue")
    assert [p.text for p in q.pieces] == ["which", "as overdue"]


def test_programme_titles_are_not_quotes():
    a = analyze("Speaking on KNTV’s “Morning Report,” Governor Elena Ruiz said the roads were open again.")
    assert [q.content.text for q in a.quotes] == ["the roads were open again"]


def test_scare_quotes_are_not_quotes():
    a = analyze("The so-called “reform” of the tax office was delayed again this spring by the council.")
    assert a.quotes == []


def test_name_the_ner_missed_after_a_role_noun():
    text = "“The provocations will not go unanswered,” ministry spokesperson Irena Vask told the state news agency NTA. Vask added that talks would go on."
    a = analyze(text)
    assert {q.speaker.name for q in a.quotes} == {"Irena Vask"}
    assert a.quotes[0].channel == "the state news agency NTA"


def test_possessive_body_name_and_portfolio_role():
    a = analyze("Norland’s Foreign Ministry said that it rejects the accusations. Defence Minister Gen. Oskar Brenn said the front was quiet.")
    first, last = a.quotes[0], a.quotes[-1]
    assert (first.speaker.name, first.content.text) == ("Norland Foreign Ministry", "it rejects the accusations")
    assert (last.speaker.name, last.speaker.role) == ("Oskar Brenn", "Defence Minister")


def test_coordinated_speakers_keep_the_whole_phrase():
    a = analyze("Valdoria and Mirenian officials confirmed the arrival of engineers. Norland and Estavia said the talks had failed.")
    assert [(q.speaker.name, q.speaker.vague) for q in a.quotes] == [
        ("Valdoria and Mirenian officials", True), ("Norland and Estavia", False)]


def speakers_of(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker.name, q.content.text) for q in analyze(text).quotes]


def test_according_to_closing_a_sentence_attributes_all_of_it():
    got = speakers_of("Kessler won 41 percent, Ahn had 38 percent and Varga took 12 percent, according to the count.")
    assert got == [(None, "Kessler won 41 percent, Ahn had 38 percent and Varga took 12 percent")]  # evidence, no speaker


def test_object_content_runs_on_through_its_as_phrase():
    got = speakers_of("Governor Ilse Brandt defended the levy as a fair price for clean water.")
    assert got == [("Ilse Brandt", "the levy as a fair price for clean water")]


def test_support_is_a_stated_stance():
    got = speakers_of("Minister Anna Kowal supported the proposal to hold the summit in Riga next spring.")
    assert got and got[0][0] == "Anna Kowal" and "hold the summit in Riga" in got[0][1]


def test_name_before_in_a_statement():
    got = speakers_of("The Lion Front in a statement called the raid a “grave provocation” by the army.")
    assert got and got[0][0] == "Lion Front" and got[0][1].startswith("the raid a “grave provocation”")


def test_inverted_cue_opening_a_sentence():
    got = speakers_of("The plan would make the code longer. Said Moreau: “The tax plan is dead on arrival.”")
    assert ("Moreau", "“The tax plan is dead on arrival.”") in got


def test_a_time_is_never_the_speaker():
    got = speakers_of("A port official said Wednesday, “The cranes will be back in service next month.”")
    assert got and all(name and "Wednesday" not in name for name, _ in got)


def test_they_refers_to_the_group_named_as_subject():
    text = ("The Tamil Growers Union has blocked the coast road since Monday. "
            "They said the protest would go on until the tariff is withdrawn.")
    got = speakers_of(text)
    assert got and "Union" in (got[-1][0] or "")


def test_a_closed_quotation_opening_a_paragraph_is_no_transcript_label():
    a = analyze("“Kato: you lied to the voters about the bridge” tweeted the activist Lena Berg on Friday.")
    assert all(q.speaker.name != "Kato" for q in a.quotes)


def test_cue_in_the_sentence_after_a_quotation_ending_its_paragraph():
    text = ("“Every time you say that,” Senator Ola Berg said, “you help the people who want to close the mill.”\n\n"
            "“Why is this not proof that the mill is too big to fail?” Senator Ivo Marsh demanded.\n\n"
            "The hearing went on until noon.")
    got = speakers_of(text)
    assert ("Ivo Marsh", "“Why is this not proof that the mill is too big to fail?”") in got


def test_a_turn_of_a_quoted_transcript_runs_over_its_paragraphs():
    text = ("Part of the exchange follows:\n\n\"MORROW: Will the ferry run on Sunday?\n\n"
            "\"OKAFOR: The ferry will run on Sunday.\n\n\"And it will run on every day after it, whatever the weather.\n\n"
            "\"MORROW: Thank you, minister.")
    quotes = {q.speaker.name: q for q in analyze(text).quotes}
    assert set(quotes) == {"MORROW", "OKAFOR"}
    assert [p.text for p in quotes["OKAFOR"].pieces] == ["The ferry will run on Sunday", "And it will run on every day after it, whatever the weather"]
