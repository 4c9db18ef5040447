"""Each attribution pattern family on its own: `find(doc, context)` over invented sentences, and the
assembly stage that picks one reading per trigger."""
from __future__ import annotations

import pytest

from presslens.attribution import assembly
from presslens.attribution.context import Context
from presslens.attribution.patterns import (
    PATTERNS,
    according_to,
    cue_verbs,
    nominal_cues,
    parenthetical,
    quoted_as_saying,
    readout_passives,
    relative,
    signatures,
    speaker_labels,
    stance_adjectives,
    stated_by,
    statement_nouns,
)
from presslens.attribution.quotemarks import find_marked_quotes
from presslens.pipeline import get_pipeline


@pytest.fixture(scope="module")
def parse():
    nlp = get_pipeline()
    names = [name for name, _ in nlp.pipeline]
    upto = names.index("presslens_attribution")

    def run(text: str):
        doc = nlp.make_doc(text)
        for _, proc in nlp.pipeline[:upto]:
            doc = proc(doc)
        return doc, Context(doc, find_marked_quotes(doc.text))

    return run


def found(family, parse, text: str) -> list[tuple[str, str | None, str]]:
    doc, ctx = parse(text)
    return [(doc.text[a.start:a.end], a.speaker.text if a.speaker is not None else None, a.pattern)
            for a in family.find(doc, ctx)]


def test_every_family_declares_name_and_confidence():
    for family in PATTERNS:
        assert isinstance(family.NAME, str) and family.NAME
        assert 0 < family.CONFIDENCE <= 1
        assert callable(family.find)


def test_according_to(parse):
    got = found(according_to, parse, "According to port director Ilse Brandt, the pier will reopen in May.")
    assert got == [("the pier will reopen in May", "port director Ilse Brandt", "according-to")]


def test_statement_noun(parse):
    got = found(statement_nouns, parse, "Prime Minister Aiko Tanaka's remarks that the deal was final angered the opposition.")
    assert got == [("the deal was final", "Prime Minister Aiko Tanaka", "statement-noun")]


def test_quoted_as_saying(parse):
    got = found(quoted_as_saying, parse, "The agency Nortel quoted the fisheries board as saying that quotas would be cut.")
    assert len(got) == 1
    content, speaker, name = got[0]
    assert "quotas would be cut" in content and "fisheries board" in speaker and name == "quoted-as-saying"


def test_parenthetical(parse):
    got = found(parenthetical, parse, "The new ferry, the mayor said, will carry four hundred passengers.")
    assert got and got[0][1] == "the mayor" and got[0][2] == "parenthetical"


def test_relative(parse):
    got = found(relative, parse, "Officials praised a plan which the minister said would halve waiting times.")
    assert got and got[0][1] == "the minister" and "halve waiting times" in got[0][0]


def test_cue_verb_light_verb_and_cue_noun(parse):
    got = found(cue_verbs, parse, "The envoy Marta Silvano expressed readiness to help rebuild the bridge.")
    assert got and got[0][1] == "The envoy Marta Silvano" and got[0][0].startswith("readiness to help")


def test_cue_verb_stance_object_of_note(parse):
    got = found(cue_verbs, parse, "The premier noted the importance of keeping the port open.")
    assert got and got[0][0].startswith("the importance of keeping the port open")


def test_cue_verb_clause_before_the_cue(parse):
    got = found(cue_verbs, parse, "Since the start of the flood last week, the town has lost two bridges, the regional council reported.")
    assert got and got[0][1] == "the regional council" and "the town has lost two bridges" in got[0][0]


def test_readout_passive(parse):
    doc, ctx = parse("The two leaders spoke by telephone. It was emphasised that the talks would continue in June.")
    got = list(readout_passives.find(doc, ctx))
    assert len(got) == 1
    assert doc.text[got[0].start:got[0].end] == "the talks would continue in June"
    assert got[0].speaker is None and got[0].principal


def test_readout_passive_with_a_cue_noun(parse):
    doc, ctx = parse("The hope was expressed that the corridor would stay open.")
    got = list(readout_passives.find(doc, ctx))
    assert got and got[0].principal and "corridor would stay open" in doc.text[got[0].start:got[0].end]


def test_stance_adjective(parse):
    got = found(stance_adjectives, parse, "Trade adviser Nils Okafor is confident that exports will recover next year.")
    assert got == [("exports will recover next year", "Trade adviser Nils Okafor", "stance-adjective")]


def test_stated_by(parse):
    text = "Norland must double its grain exports to the south. This was stated by Minister Anna Kowal during a visit to the port."
    got = found(stated_by, parse, text)
    assert got and got[0][0] == "Norland must double its grain exports to the south" and "Anna Kowal" in got[0][1]


def test_speaker_label(parse):
    got = found(speaker_labels, parse, "HARTLEY: We will not sign this agreement before the vote.")
    assert got == [("We will not sign this agreement before the vote", "HARTLEY", "speaker-label")]


def test_speaker_labels_of_a_quoted_transcript(parse):
    """A transcript the article quotes re-opens its quotation at every label."""
    text = ("Part of the exchange follows:\n\n\"MORROW: Will the ferry run on Sunday?\n\n"
            "\"OKAFOR: The ferry will run on Sunday, and on every day after it.")
    got = found(speaker_labels, parse, text)
    assert [(speaker, content) for content, speaker, _ in got] == [
        ("MORROW", "Will the ferry run on Sunday?"), ("OKAFOR", "The ferry will run on Sunday, and on every day after it")]


def test_signature_after_a_quotation(parse):
    text = ("Readers wrote to us after the vote.\n\n"
            "“The bridge should have been finished years ago.” ― Lena Vasquez\n"
            "“We waited long enough for this road.” — Piet van Dorp, 61, a farmer near Ostend\n"
            "“Nobody asked the fishermen.”\n— Aino Korhonen.")
    got = found(signatures, parse, text)
    assert [(speaker, content) for content, speaker, _ in got] == [
        ("Lena Vasquez", "“The bridge should have been finished years ago.”"),
        ("Piet van Dorp", "“We waited long enough for this road.”"),
        ("Aino Korhonen", "“Nobody asked the fishermen.”")]


def test_a_dash_before_a_clause_is_no_signature(parse):
    got = found(signatures, parse, "“The count is not over,” the clerk said — and the hall fell silent.")
    assert got == []


def test_interrupted_quote_read_from_its_second_half(parse):
    """“A,” he said, “B.”: the cue verb may read B as its content; A joins it as the first piece."""
    doc, ctx = parse("Kato spoke at length. “If the levee holds,” he said, “the farms will be dry by spring.”")
    merged = assembly.find_attributions(doc, ctx)
    assert len(merged) == 1
    assert [doc.text[s:e] for s, e in merged[0].content] == ["“If the levee holds,”", "“the farms will be dry by spring.”"]


def test_mixed_quotation_marks_close_each_other():
    text = "\"The port is open,” Kato said. “It will stay open.\""
    assert [text[q.start:q.end] for q in find_marked_quotes(text)] == ["\"The port is open,”", "“It will stay open.\""]


def test_one_reading_per_trigger(parse):
    """A cue set off by commas is read as a parenthetical, not also as a plain cue verb."""
    doc, ctx = parse("The new ferry, the mayor said, will carry four hundred passengers.")
    cands = assembly.candidates(doc, ctx)
    triggers = [a.trigger for a in cands if a.trigger >= 0]
    assert len(triggers) == len(set(triggers))
    assert [a.pattern for a in cands] == ["parenthetical"]


def test_stages_do_not_edit_their_input(parse):
    doc, ctx = parse("“The levee will hold,” engineer Paula Moreno said, “even in March.”")
    first = assembly.candidates(doc, ctx)
    before = [(a.content, dict(a.extra)) for a in first]
    assembly.quotations.merge_interrupted(ctx, assembly.quotations.widen_to_quotations(ctx, first))
    assert [(a.content, dict(a.extra)) for a in first] == before


def test_cue_inside_a_quotation_is_not_a_pattern(parse):
    """Quoted text is not speaker context: a cue inside someone's quotation is part of their words."""
    got = found(cue_verbs, parse, "“Our neighbours said the dam would break,” the farmer Ola Berg told reporters.")
    assert all(speaker != "Our neighbours" for _, speaker, _ in got)


def test_call_for_read_as_a_clause(parse):
    """"called for X to do Y" is sometimes parsed with "for" as the mark of a clause: X to do Y is
    still the content."""
    got = found(cue_verbs, parse, "Some critics have called for Prime Minister Han to also face impeachment.")
    assert got and got[0][1] == "Some critics" and got[0][0] == "Prime Minister Han to also face impeachment"


def beliefs(parse, text: str) -> list[tuple[str, bool, float]]:
    doc, ctx = parse(text)
    return [(doc.text[a.start:a.end], a.belief, a.confidence) for a in cue_verbs.find(doc, ctx)]


def test_cue_verb_subordinate_content_runs_to_the_verbs_last_word(parse):
    """A cue that is not the main verb keeps what the parser hung on it after the clause."""
    got = found(cue_verbs, parse, "The council met on Monday, and the mayor threatened to close the market, should the vendors refuse to move.")
    assert ("to close the market, should the vendors refuse to move", "the mayor", "cue-verb") in got


def test_cue_verb_participle_with_its_own_object(parse):
    got = found(cue_verbs, parse, "The mayor attacked the plan, calling it “reckless.”")
    assert got == [("it “reckless.”", "The mayor", "cue-verb")]


def test_cue_verb_indirect_question(parse):
    got = found(cue_verbs, parse, "The governor asked the farmers if they would attend the meeting.")
    assert got == [("if they would attend the meeting", "The governor", "cue-verb")]


def test_cue_verb_what_a_document_shows(parse):
    assert found(cue_verbs, parse, "Court records show the company paid no taxes in 2015.") == [
        ("the company paid no taxes in 2015", "Court records", "cue-verb")]
    assert found(cue_verbs, parse, "A new poll shows the mayor leading the challenger by five points.") == [
        ("the mayor leading the challenger by five points", "A new poll", "cue-verb")]
    # a person who finds something reports nothing
    assert found(cue_verbs, parse, "The detective found the keys under the mat.") == []


def test_cue_verb_subordinate_clause_before_a_cue_with_an_object_is_adverbial(parse):
    got = found(cue_verbs, parse, "As the race turned south, the mayor decried the new rules.")
    assert got == [("the new rules", "the mayor", "cue-verb")]


def test_cue_verb_opinions_with_a_clause_and_intentions_are_reported(parse):
    """"X believes S" is a claim and "X plans to …" a position: reported by default, at belief
    confidence; "X considers …" stays a belief, reported only on request."""
    (content, belief, confidence), = beliefs(parse, "The minister believes the bridge will reopen in May.")
    assert (content, belief) == ("the bridge will reopen in May", False) and confidence == cue_verbs.BELIEF_CONFIDENCE
    (content, belief, _), = beliefs(parse, "The mayor plans to rebuild the pier next year.")
    assert (content, belief) == ("to rebuild the pier next year", False)
    assert all(belief for _, belief, _ in beliefs(parse, "The board considers the offer too low."))


def test_cue_verb_refusals_are_statements(parse):
    assert found(cue_verbs, parse, "The ministry refused to rule out new strikes.") == [
        ("to rule out new strikes", "The ministry", "cue-verb")]
    assert found(cue_verbs, parse, "The minister declined to comment on the report.") == [
        ("to comment on the report", "The minister", "cue-verb")]


def test_cue_verb_trailing_participle_is_a_statement_of_the_same_speaker(parse):
    got = found(cue_verbs, parse, "The governor said the state would recover, urging residents to stay calm.")
    assert got == [("the state would recover", "The governor", "cue-verb"), ("to stay calm", "The governor", "cue-verb")]


def test_cue_verb_content_runs_on_after_an_announcing_colon(parse):
    text = "The analyst notes that three things are happening at once: Home values are rising. Rates are low.\nThe rest is news."
    got = found(cue_verbs, parse, text)
    assert got == [("three things are happening at once: Home values are rising. Rates are low", "The analyst", "cue-verb")]


def test_quotation_inside_a_cue_complement_takes_the_whole_complement(parse):
    doc, ctx = parse("Viewers noted the change from the old show slogan, “Keep It Real.”")
    (a,) = assembly.find_attributions(doc, ctx)
    assert doc.text[a.start:a.end] == "the change from the old show slogan, “Keep It Real.”"
    doc, ctx = parse("The mayor told reporters “we will rebuild the bridge.”")
    (a,) = assembly.find_attributions(doc, ctx)
    assert doc.text[a.start:a.end] == "“we will rebuild the bridge.”"  # the audience is not content


def test_quotation_after_a_name_and_a_colon(parse):
    doc, ctx = parse("More from Jane Smith: “The partisanship of the state is a starting point for any forecast.”")
    (a,) = assembly.find_attributions(doc, ctx)
    assert a.speaker.text == "Jane Smith" and doc.text[a.start:a.end].startswith("“The partisanship")
    doc, ctx = parse("The rule is simple: “Never give up on the people you love.”")
    assert assembly.find_attributions(doc, ctx) == []


def test_cue_verb_that_clause_parsed_under_the_noun_before_it(parse):
    got = found(cue_verbs, parse, "The donor John Reed said earlier on Friday during a news conference that he may wait until the spring to decide.")
    assert got and got[0][0] == "he may wait until the spring to decide"
    assert found(cue_verbs, parse, "The mayor spoke at a rally that the party organized.") == []


def test_statement_noun_with_its_source_after_by(parse):
    got = found(statement_nouns, parse, "The report follows earlier claims by Russian officials that they had regained the village.")
    assert got == [("they had regained the village", "Russian officials", "statement-noun")]


def test_statement_noun_possessor_is_named_without_its_s(parse):
    got = found(statement_nouns, parse, "The police chief's claim that the suspect had fled was false.")
    assert got and got[0][1] == "The police chief"


def test_editors_note_is_no_speaker_label(parse):
    assert found(speaker_labels, parse, "Editor’s Note: The following is part 3 of 3 excerpts from a new book.") == []


def test_nobody_is_a_speaker(parse):
    """"the words no citizen ever wanted to hear": a negated subject names no one."""
    assert found(relative, parse, "These are the words no citizen of the town ever wanted to hear.") == []
    assert found(cue_verbs, parse, "Nobody said the bridge would fall.") == []


# ---------------------------------------------------------------- session 6: PolNeAR's long tail


def test_cue_verb_content_ends_before_a_coordinated_cue(parse):
    """"X said A and criticized Y for B", "X said A, and she added B": B is a statement of its own."""
    got = found(cue_verbs, parse, "The senator said the bill was flawed and criticized the governor for signing it.")
    assert ("the bill was flawed", "The senator", "cue-verb") in got
    got = found(cue_verbs, parse, "The mayor said the bridge would close, and she added that repairs would take a year.")
    assert got[0] == ("the bridge would close", "The mayor", "cue-verb")
    assert ("repairs would take a year", "she", "cue-verb") in got


def test_cue_verb_cue_noun_as_plain_object(parse):
    """"denounced the governor's remarks": a cue noun with no clause of its own is the object reported."""
    assert found(cue_verbs, parse, "The senator denounced the governor's remarks.") == [
        ("the governor's remarks", "The senator", "cue-verb")]
    assert found(cue_verbs, parse, "The senator voiced concern.") == []


def test_cue_verb_prepositional_cues(parse):
    """A verb that reports the object of its preposition is a cue only with that preposition."""
    assert found(cue_verbs, parse, "The union argued for a shorter working week.") == [
        ("a shorter working week", "The union", "cue-verb")]
    assert found(cue_verbs, parse, "The bishop cautioned against drawing hasty conclusions.") == [
        ("drawing hasty conclusions", "The bishop", "cue-verb")]
    assert found(cue_verbs, parse, "The governor pushed for a new bridge.") == [("a new bridge", "The governor", "cue-verb")]
    assert found(cue_verbs, parse, "The crowd pushed into the square.") == []


def test_cue_verb_object_only_cues(parse):
    """Verbs that report their object without being speech verbs: blame, echo, estimate, paint … as."""
    assert found(cue_verbs, parse, "The minister blamed the storm for the delays.") == [
        ("the storm for the delays", "The minister", "cue-verb")]
    assert found(cue_verbs, parse, "The mayor painted her rival as a spendthrift.") == [
        ("her rival as a spendthrift", "The mayor", "cue-verb")]
    assert found(cue_verbs, parse, "The mayor painted the fence last summer.") == []


def test_cue_verb_proposals_take_their_infinitive_or_gerund(parse):
    assert found(cue_verbs, parse, "The senator proposed to cut the ferry fares.") == [
        ("to cut the ferry fares", "The senator", "cue-verb")]
    assert found(cue_verbs, parse, "The senator suggested lowering the ferry fares.") == [
        ("lowering the ferry fares", "The senator", "cue-verb")]


def test_cue_verb_subject_of_a_copular_adjective(parse):
    """"X was quick to deny …", "X is likely to stress …": the copula's subject speaks."""
    assert found(cue_verbs, parse, "The governor was quick to deny the report.") == [("the report", "The governor", "cue-verb")]


def test_cue_verb_relative_which_names_its_antecedent_body(parse):
    """"Norland Airways, which declined to comment, …": a body or document the relative stands for
    speaks; "the plan, which says …" names nobody."""
    got = found(cue_verbs, parse, "The survey, which found that most residents want a park, was published on Monday.")
    assert got[0] == ("most residents want a park", "The survey", "cue-verb")
    assert found(cue_verbs, parse, "The bridge, which says a lot about the city, was finished in May.") == []


def test_parenthetical_subject_phrase_and_opening_condition(parse):
    got = found(parenthetical, parse, "The ferry will not run again, officials in both towns insist, because the pier is unsafe.")
    assert got and got[0][1] == "officials" and got[0][0].startswith("The ferry") and got[0][0].endswith("unsafe")
    got = found(parenthetical, parse, "If the talks fail, the union warned, the drivers will strike in May.")
    assert got and got[0][1] == "the union" and got[0][0].startswith("If the talks fail")


def test_nominal_cue_with_a_possessor(parse):
    """"the mayor's plan to rebuild the pier", "his criticism of the ruling": the possessor stands
    for the complement; without a possessor the noun names no one."""
    assert found(nominal_cues, parse, "The mayor's plan to rebuild the pier was approved.") == [
        ("to rebuild the pier", "The mayor", "nominal-cue")]
    assert found(nominal_cues, parse, "Senator Ruiz repeated her criticism of the ruling.") == [
        ("the ruling", "her", "nominal-cue")]
    assert found(nominal_cues, parse, "Criticism of the ruling grew on Monday.") == []


def test_cue_verb_content_ends_at_a_semicolon(parse):
    got = found(cue_verbs, parse, "The ministry says the city has more parks; the council counts twelve.")
    assert got == [("the city has more parks", "The ministry", "cue-verb")]


def test_cue_verb_document_participle_names_its_issuer(parse):
    """"a lawsuit alleging …" is the document's; "Kim's letter urging …", "the ministry issued a
    statement saying …" are the issuer's."""
    assert found(cue_verbs, parse, "A lawsuit filed in May alleging that the permits were forged was dismissed.")[0][1] == "A lawsuit"
    assert found(cue_verbs, parse, "Mr. Kim's letter urging calm was read out on Monday.") == [("calm", "Mr. Kim", "cue-verb")]
    assert found(cue_verbs, parse, "The ministry issued a statement saying the bridge would reopen.") == [
        ("the bridge would reopen", "The ministry", "cue-verb")]


def test_cue_verb_infinitive_of_purpose_reports_its_own_object(parse):
    """"went on television to defend his record": the record is what he defended, not the clause above."""
    assert found(cue_verbs, parse, "The senator went on television to defend her record.") == [
        ("her record", "The senator", "cue-verb")]
