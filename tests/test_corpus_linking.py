"""The corpus layer on invented articles: one strike told five ways, one statement carried three
times, people who share a surname, and linking that grows one batch at a time."""
from __future__ import annotations

import pytest

from presslens import analyze
from presslens.corpus import LinkInput, Linker, link
from presslens.corpus.identities import Identities
from presslens.corpus.similarity import names_swapped, numbers
from presslens.model import Analysis, Event, Quote, Span, Speaker

from linking_articles import STATEMENT, STRIKE


def _inputs(articles):
    return [LinkInput(a["id"], a["outlet"], a["published"],
                      analyze(a["text"], published=a["published"], outlet=a["outlet"])) for a in articles]


@pytest.fixture(scope="module")
def strike_inputs():
    return _inputs(STRIKE)


@pytest.fixture(scope="module")
def statement_inputs():
    return _inputs(STATEMENT)


def _strike_story(links):
    stories = [s for s in links.stories if "harbour-wire-1" in {r.doc_id for r in s.reports}]
    assert len(stories) == 1
    return stories[0]


def test_one_strike_five_outlets_is_one_story_with_asserters_denial_relay_and_number_conflict(strike_inputs):
    story = _strike_story(link(strike_inputs, embedder="lexical"))
    assert story.type == "ASSAULT"
    assert {r.doc_id for r in story.reports} == {a["id"] for a in STRIKE}
    assert set(story.asserted_by) == {"Harbour Wire", "Ukraine air force", "regional governor"}
    assert story.denied_by == ["Russian Defence Ministry"]
    assert story.relays == [{"doc_id": "daily-digest-1", "event_index": 0, "outlet": "Daily Digest",
                             "relays": "Harbour Wire"}]
    kinds = {c.kind: c for c in story.conflicts}
    assert set(kinds) == {"denial", "number"}
    denial = kinds["denial"]
    assert denial.b.doc_id == "moscow-herald-1" and "denied" in denial.b.evidence.text
    number = kinds["number"]
    assert {number.a.doc_id, number.b.doc_id} == {"harbour-wire-1", "coast-courier-1"}
    assert "5 civilian" in number.why and "12 civilian" in number.why
    for conflict in story.conflicts:  # both sides carry their evidence span in their own article
        for side, item in ((conflict.a, conflict.a.doc_id), (conflict.b, conflict.b.doc_id)):
            text = next(i.analysis.text for i in strike_inputs if i.doc_id == item)
            assert text[side.evidence.start:side.evidence.end] == side.evidence.text


def test_the_story_json_has_the_issue_shape(strike_inputs):
    data = _strike_story(link(strike_inputs, embedder="lexical")).to_dict()
    assert {"id", "type", "date", "place", "actors", "targets", "reports", "asserted_by", "denied_by", "relays",
            "conflicts"} <= set(data)
    assert {"doc_id", "outlet", "published", "evidence", "asserted_by", "modality"} <= set(data["reports"][0])
    assert {"kind", "a", "b", "why"} <= set(data["conflicts"][0])


def test_the_same_statement_in_three_articles_is_one_statement_first_seen_earliest(statement_inputs):
    links = link(statement_inputs, embedder="lexical")
    carried = [s for s in links.statements if len(s.appearances) > 1]
    assert len(carried) == 1
    statement = carried[0]
    assert [a.doc_id for a in statement.appearances] == ["s-2", "s-1", "s-3"]  # s-2 was published first
    assert statement.first_seen == "2025-06-01"
    assert statement.speaker == "Anna Kovalenko"
    assert [a.match for a in statement.appearances] == ["first", "identical", "identical"]
    assert statement.appearances[2].relayed_by is None  # "told the Coast Courier" in the Coast Courier itself


def test_an_ingest_attaches_new_articles_to_the_existing_story(strike_inputs):
    linker = Linker(embedder="lexical")
    first = linker.add(strike_inputs[:2])
    story_id = linker.reports[("harbour-wire-1", 0)]
    assert story_id in first.stories
    later = linker.add(strike_inputs[2:])
    assert linker.reports[("coast-courier-1", 0)] == story_id and story_id in later.stories
    whole = _strike_story(link(strike_inputs, embedder="lexical"))
    assert whole.id == story_id
    assert sorted(linker.story(story_id).asserted_by) == sorted(whole.asserted_by)


# --- identities -------------------------------------------------------------------------------

def test_putin_vladimir_putin_and_president_vladimir_putin_are_one_identity():
    ids = Identities()
    a = ids.resolve("Vladimir Putin", entity_type="PERSON")
    b = ids.resolve("President Vladimir Putin")
    c = ids.resolve("Putin")
    assert a == b == c
    assert ids.get(a).name == "Vladimir Putin"
    assert {"Vladimir Putin", "President Vladimir Putin", "Putin"} <= set(ids.get(a).aliases)


def test_a_surname_seen_alone_first_merges_into_the_full_name_later():
    ids = Identities()
    bare = ids.resolve("Peskov")
    full = ids.resolve("Dmitry Peskov")
    assert ids.find(bare) == full and ids.merged == {bare: full}


def test_two_people_sharing_a_surname_stay_apart_and_role_decides_a_bare_surname():
    ids = Identities()
    donald = ids.resolve("President Donald Trump")
    melania = ids.resolve("Melania Trump", role="first lady")
    assert donald != melania
    assert ids.resolve("Trump", role="president") == donald
    assert ids.resolve("Trump", role="lady") == melania
    unknown = ids.resolve("Trump")
    assert unknown not in (donald, melania)  # no role, no context: it stays a surname-only identity


def test_rip_donald_trump_is_not_donald_trump():
    ids = Identities()
    assert ids.resolve("Donald J. Trump") != ids.resolve("Rip Donald Trump")
    assert ids.resolve("Donald J. Trump") == ids.resolve("Donald Trump")


def test_bodies_merge_on_aliases_and_country_adjectives():
    ids = Identities()
    assert ids.resolve("the Russian Defense Ministry") == ids.resolve("Russian Defence Ministry") \
        == ids.resolve("Russia's Defence Ministry")
    assert ids.resolve("the power plant", entity_type="THING") not in {i.id for i in ids.all()}


# --- numbers and statements without the pipeline -----------------------------------------------

def test_numbers_read_counts_not_years_or_measures():
    assert numbers("Russia launched 134 drones, 52 of the drones were shot down in 2025") == [
        (134.0, "drone"), (52.0, "drone")]
    assert numbers("The strike killed five civilians 10 km from the city") == [(5.0, "civilian")]
    assert numbers("Shelling went on, killing 12") == [(12.0, "kill")]


def _quote_article(doc_id, published, text, speaker, kind="direct", start=0):
    content = Span(start, start + len(text), text)
    article = " " * start + text
    return LinkInput(doc_id, doc_id.split("-")[0], published, Analysis(
        text=article, published=published,
        quotes=[Quote(kind, content, None, Speaker(speaker, role="spokesman"))]))


def test_near_identical_and_reworded_statements_link_but_other_speakers_do_not():
    said = "The talks in Istanbul will go ahead next week as planned, and our delegation is ready"
    inputs = [
        _quote_article("a-1", "2025-03-02", said, "Dmitry Peskov"),
        _quote_article("b-1", "2025-03-01", said.replace("as planned, and", "as planned and") + " to work", "Peskov"),
        _quote_article("c-1", "2025-03-02", "Istanbul talks will go ahead next week as planned, our delegation ready",
                       "Dmitry Peskov", kind="indirect"),
        _quote_article("d-1", "2025-03-02", said, "Maria Zakharova"),
    ]
    statements = link(inputs, embedder="lexical").statements
    peskov = next(s for s in statements if s.speaker == "Dmitry Peskov")
    assert [a.doc_id for a in peskov.appearances][0] == "b-1" and peskov.first_seen == "2025-03-01"
    assert {a.doc_id: a.match for a in peskov.appearances} == {"b-1": "first", "a-1": "near", "c-1": "reworded"}
    assert any(s.speaker == "Maria Zakharova" and len(s.appearances) == 1 for s in statements)


def test_events_on_other_days_or_places_are_other_stories():
    def article(doc_id, day, place, text):
        event = Event("ASSAULT", "Russia", "Kharkiv", place, day, Span(0, len(text), text))
        return LinkInput(doc_id, "X", day, Analysis(text=text, published=day, events=[event]))

    links = link([article("a", "2025-05-01", "Kharkiv", "Russia shelled Kharkiv."),
                  article("b", "2025-05-02", "Kharkiv", "Russian shelling hit Kharkiv."),
                  article("c", "2025-05-09", "Kharkiv", "Russia shelled Kharkiv."),
                  article("d", "2025-05-01", "Sumy", "Russia shelled Sumy.")], embedder="lexical")
    groups = sorted(sorted(r.doc_id for r in s.reports) for s in links.stories)
    assert groups == [["a", "b"], ["c"], ["d"]]


def test_a_month_precise_date_blocks_with_every_day_of_its_month():
    def article(doc_id, day, text):
        event = Event("CONSULT", "BRICS", None, "Kazan", day, Span(0, len(text), text))
        return LinkInput(doc_id, doc_id, "2024-12-26", Analysis(text=text, published="2024-12-26", events=[event]))

    links = link([article("a", "2024-10-22", "The BRICS summit was held in Kazan."),
                  article("b", "2024-10", "Leaders went to Kazan for the BRICS summit in October."),
                  article("c", "2024-11", "Another BRICS meeting in Kazan in November.")], embedder="lexical")
    assert sorted(sorted(r.doc_id for r in s.reports) for s in links.stories) == [["a", "b"], ["c"]]


def test_actors_of_one_country_count_half_and_similar_evidence_completes_the_link():
    def article(doc_id, actor, text):
        event = Event("ASSAULT", actor, "state", None, "2022-02-24", Span(0, len(text), text), actor_code="RUSMIL")
        return LinkInput(doc_id, doc_id, "2022-02-24", Analysis(text=text, published="2022-02-24", events=[event]))

    links = link([article("a", "Russia", "Russia treacherously attacked our state this morning."),
                  article("b", "Russian troops", "Russian troops treacherously attacked our state this morning.")],
                 embedder="lexical")
    assert len(links.stories) == 1


def test_a_bare_title_is_the_articles_one_person_with_that_role_or_no_one():
    def article(doc_id, speakers):
        text = "x" * 200
        quotes = [Quote("direct", Span(i * 40, i * 40 + 30, text[i * 40:i * 40 + 30]), None, Speaker(name, role=role))
                  for i, (name, role) in enumerate(speakers)]
        return LinkInput(doc_id, doc_id, "2025-01-01", Analysis(text=text, published="2025-01-01", quotes=quotes))

    linker = Linker(embedder="lexical")
    linker.add([article("a", [("Anna Kovalenko", "President"), ("President", None)]),
                article("b", [("President", None)])])
    assert linker.speaker_ids[("a", 1)] == linker.speaker_ids[("a", 0)] == "person:anna-kovalenko"
    assert ("b", 0) not in linker.speaker_ids  # no one in b is named with that role: no speaker, never "President"


# --- the scoring rules of story links, on invented events -------------------------------------

def _event_article(doc_id, published, type_, text, *, actor=None, target=None, place=None, day=None,
                   entities=(), trigger=None):
    from presslens.model import Entity
    at = text.find(trigger) if trigger else -1
    event = Event(type_, actor, target, place, day, Span(0, len(text), text),
                  trigger=Span(at, at + len(trigger), trigger) if at >= 0 else None)
    ents = [Entity(f"e{i}", name, kind) for i, (name, kind) in enumerate(entities)]
    return LinkInput(doc_id, doc_id, published, Analysis(text=text, published=published, events=[event], entities=ents))


def _groups(links):
    return sorted(sorted(r.doc_id for r in s.reports) for s in links.stories)


def test_a_treaty_coded_agree_by_one_report_and_support_by_another_is_one_story():
    links = link([_event_article("a", "2025-02-21", "AGREE", "Putin and Pushilin signed a treaty of friendship in Moscow.",
                                 actor="Vladimir Putin", target="treaty of friendship", place="Moscow", trigger="signed"),
                  _event_article("b", "2025-02-21", "SUPPORT", "Putin signed the treaty of friendship in Moscow with Pushilin.",
                                 actor="Vladimir Putin", target="treaty of friendship", place="Moscow", trigger="signed")],
                 embedder="lexical")
    assert _groups(links) == [["a", "b"]]
    far = link([_event_article("a", "2025-02-21", "AGREE", "Putin signed a treaty in Moscow.", place="Moscow"),
                _event_article("b", "2025-02-21", "ASSAULT", "Putin signed a treaty in Moscow.", place="Moscow")],
               embedder="lexical")
    assert _groups(far) == [["a"], ["b"]]  # types that are not near are never one story


def test_the_second_and_third_rounds_of_talks_are_two_stories():
    links = link([_event_article("a", "2025-03-03", "CONSULT", "The second round of talks was held in Belarus.",
                                 place="Belarus", trigger="talks"),
                  _event_article("b", "2025-03-04", "CONSULT", "The third round of talks was held in Belarus.",
                                 place="Belarus", trigger="talks")], embedder="lexical")
    assert _groups(links) == [["a"], ["b"]]


def test_calls_with_two_different_leaders_on_one_day_are_two_stories():
    people = [("Anna Kovalenko", "PERSON"), ("Joe Biden", "PERSON"), ("Emmanuel Macron", "PERSON")]
    links = link([_event_article("a", "2025-03-03", "CONSULT", "Anna Kovalenko held a phone call with Joe Biden.",
                                 actor="Anna Kovalenko", trigger="call", entities=people),
                  _event_article("b", "2025-03-03", "CONSULT", "Anna Kovalenko held a phone call with Emmanuel Macron.",
                                 actor="Anna Kovalenko", trigger="call", entities=people)], embedder="lexical")
    assert _groups(links) == [["a"], ["b"]]


def test_meetings_two_days_apart_each_do_not_chain_into_one_story():
    def meeting(doc_id, day):
        return _event_article(doc_id, day, "CONSULT", "The council held a meeting in Kyiv.", place="Kyiv",
                              day=day, trigger="meeting")
    links = link([meeting("a", "2025-02-21"), meeting("b", "2025-02-23"), meeting("c", "2025-02-25")], embedder="lexical")
    assert ["c"] in _groups(links) or ["a"] in _groups(links)  # b joins one neighbour, never both
    assert len(links.stories) == 2


def test_an_undated_mention_recalls_the_event_of_its_city_months_before():
    links = link([_event_article("a", "2024-10-23", "CONSULT", "The BRICS summit opened in Kazan.", actor="BRICS",
                                 place="Kazan", day="2024-10-23", trigger="summit"),
                  _event_article("b", "2024-12-26", "CONSULT", "The BRICS summit in Kazan", actor="BRICS", place="Kazan",
                                 trigger="summit"),
                  _event_article("c", "2024-12-26", "CONSULT", "The BRICS summit in Kazan", actor="BRICS",
                                 place="Moscow", trigger="summit")], embedder="lexical")
    assert _groups(links) == [["a", "b"], ["c"]]


def test_talks_and_a_meeting_are_named_alike():
    def consult(doc_id, text, trigger):
        return _event_article(doc_id, "2025-03-03", "CONSULT", text, actor="Anna Kovalenko", target="Joe Biden",
                              trigger=trigger)
    links = link([consult("a", "Kovalenko held talks with Biden.", "talks"),
                  consult("b", "The meeting of Kovalenko and Biden ended at noon.", "meeting")], embedder="lexical")
    assert _groups(links) == [["a", "b"]]


def test_one_briefing_sentence_cut_and_rendered_differently_is_one_statement_a_template_is_not():
    said = ("Everyone who has served and can join the defence of the country must come to the nearest "
            "recruiting office of the ministry today")
    other = ("The future of our people depends on every citizen. Everyone who has served and can join the defence "
             "of the country must come to the appropriate offices. The ministry will call up veterans.")
    template_a = ("Our countries develop fruitful cooperation in trade, the economy, science and technology, culture "
                  "and sport, and I am sure our friendship with Armenia will grow")
    template_b = ("We value the fruitful cooperation in trade, the economy, science and technology, culture with "
                  "Azerbaijan, built on the good traditions of our peoples")
    inputs = [_quote_article("a-1", "2025-03-01", said, "Anna Kovalenko"),
              _quote_article("b-1", "2025-03-01", other, "Anna Kovalenko"),
              _quote_article("c-1", "2025-04-03", template_a, "Dmitry Peskov"),
              _quote_article("d-1", "2025-04-04", template_b, "Dmitry Peskov")]
    statements = link(inputs, embedder="lexical").statements
    kovalenko = next(s for s in statements if s.speaker == "Anna Kovalenko")
    assert {a.doc_id: a.match for a in kovalenko.appearances} == {"a-1": "first", "b-1": "near"}  # a 16-word run
    assert all(len(s.appearances) == 1 for s in statements if s.speaker == "Dmitry Peskov")


def test_one_template_filled_in_with_other_names_or_figures_is_two_statements():
    north = "The ministry will develop comprehensive cooperation with the Northern Province in energy and transport"
    south = "The ministry will develop comprehensive cooperation with the Southern Province in energy and transport"
    rendered = "The ministry will develop comprehensive cooperation with the Northern Province in transport and energy"
    inputs = [_quote_article("a-1", "2025-03-01", north, "Anna Kovalenko"),
              _quote_article("b-1", "2025-03-01", south, "Anna Kovalenko"),
              _quote_article("c-1", "2025-03-02", rendered, "Anna Kovalenko"),
              _quote_article("d-1", "2025-03-01", "Drones hit the port of Veltra overnight, killing 5 dock workers", "Ivan Sirko"),
              _quote_article("e-1", "2025-03-01", "Drones hit the port of Veltra overnight, killing 7 dock workers", "Ivan Sirko")]
    statements = link(inputs, embedder="lexical").statements
    by_doc = {a.doc_id: s.id for s in statements for a in s.appearances}
    assert by_doc["a-1"] == by_doc["c-1"]  # the same names, re-ordered: one statement
    assert by_doc["b-1"] != by_doc["a-1"] and by_doc["d-1"] != by_doc["e-1"]
    assert not names_swapped("the 35th brigade, said Ivan Sirko", "the 35th brigade, Ivan Sirko said")  # an ordinal is one figure


def test_a_short_stock_phrase_said_on_another_day_is_another_statement():
    inputs = [_quote_article("a-1", "2025-03-01", "to stay in contact", "Anna Kovalenko", kind="indirect"),
              _quote_article("b-1", "2025-03-01", "to stay in contact", "Anna Kovalenko", kind="indirect"),
              _quote_article("c-1", "2025-03-05", "to stay in contact", "Anna Kovalenko", kind="indirect")]
    statements = link(inputs, embedder="lexical").statements
    assert sorted(sorted(a.doc_id for a in s.appearances) for s in statements) == [["a-1", "b-1"], ["c-1"]]


def test_one_kremlin_call_told_by_the_readout_a_rewrite_and_the_other_side_is_one_story():
    people = [("Vladimir Putin", "PERSON"), ("Emmanuel Macron", "PERSON"), ("Olaf Scholz", "PERSON")]

    def call(doc_id, published, text, actor, target, trigger, day=None):
        return _event_article(doc_id, published, "CONSULT", text, actor=actor, target=target, trigger=trigger,
                              day=day, entities=[p for p in people if p[0].split()[-1] in text])
    links = link([
        call("kremlin-1", "2025-02-24", "Vladimir Putin had a telephone conversation with Emmanuel Macron.",
             "Vladimir Putin", "Emmanuel Macron", "telephone conversation"),
        call("tass-1", "2025-02-24", "Putin and Macron held phone talks on Monday, the Kremlin said.",
             "Putin", "Macron", "phone talks", day="2025-02-24"),
        call("kyiv-1", "2025-02-25", "Emmanuel Macron said his call with Vladimir Putin yesterday changed nothing.",
             "Emmanuel Macron", "Vladimir Putin", "call", day="2025-02-24"),
        call("kremlin-2", "2025-02-24", "Vladimir Putin had a telephone conversation with Olaf Scholz.",
             "Vladimir Putin", "Olaf Scholz", "telephone conversation")], embedder="lexical")
    assert _groups(links) == [["kremlin-1", "kyiv-1", "tass-1"], ["kremlin-2"]]


# --- trigger words, merged stories, referred acts (session 5) -------------------------------------

def _mention_triggers(links_linker):
    return {m.report.doc_id: m.trigger for s in links_linker.stories.states.values() for m in s.mentions}


def test_an_act_named_by_its_noun_or_its_verb_and_a_light_verb_trigger_name_one_kind_of_act():
    linker = Linker(embedder=None)
    linker.add([
        _event_article("a", "2025-02-24", "SANCTION", "Kovalenko announced the severance of relations.", trigger="severance"),
        _event_article("b", "2025-02-24", "SANCTION", "The country severed relations at noon.", trigger="severed"),
        _event_article("c", "2025-02-24", "ASSAULT", "The army carried out a treacherous attack on the port.",
                       trigger="carried"),
        _event_article("d", "2025-02-24", "ASSAULT", "The army attacked the port.", trigger="attacked"),
        _event_article("e", "2025-02-24", "ASSAULT", "The invasion began before dawn.", trigger="invasion"),
        _event_article("f", "2025-02-24", "ASSAULT", "Troops began an offensive.", trigger="offensive"),
        _event_article("g", "2025-02-24", "SUPPORT", "The ratification of the treaty.", trigger="ratification"),
        _event_article("h", "2025-02-24", "SUPPORT", "The council ratified the treaty.", trigger="ratified")])
    triggers = _mention_triggers(linker)
    assert triggers["a"] == triggers["b"] == "severance"  # one class of the lexicon: a noun and its verb
    assert triggers["g"] == triggers["h"] == "ratifi"  # in no class: the ending is cut
    assert triggers["c"] == triggers["d"] == "strike"  # "carried out": the next class word of the evidence names it
    assert triggers["e"] == triggers["f"] == "invasion"


def test_a_report_that_links_two_stories_strongly_joins_them():
    def strike(doc_id, text, *, actor=None, target=None, bodies=()):
        return _event_article(doc_id, "2025-03-01", "ASSAULT", text, actor=actor, target=target, place="Kharkiv",
                              trigger=text.split()[2], entities=[(b, "ORG") for b in bodies])
    linker = Linker(embedder=None)
    first = linker.add([strike("a", "Russian army shelled the city at dawn.", actor="Russian army",
                               bodies=["Regional Administration"]),
                        strike("b", "Overnight rockets hit residential areas.", target="residential areas",
                               bodies=["Emergency Service"])])
    assert _groups(linker.links()) == [["a"], ["b"]]  # one place and one kind of act: not enough alone
    later = linker.add([strike("c", "The army struck residential areas, the Regional Administration and the "
                                    "Emergency Service said.", actor="Russian army", target="residential areas",
                               bodies=["Regional Administration", "Emergency Service"])])
    assert _groups(linker.links()) == [["a", "b", "c"]]
    assert len(later.removed_stories) == 1 and later.removed_stories < first.stories  # the store deletes it
    assert later.stories == {linker.links().stories[0].id}


def test_a_referred_act_with_no_actor_target_or_place_joins_a_story_but_starts_none():
    def referred(doc_id, type_, text, trigger):
        item = _event_article(doc_id, "2025-02-24", type_, text, trigger=trigger)
        item.analysis.events[0].mention = "referred"
        return item
    linker = Linker(embedder=None)
    linker.add([referred("b", "ASSAULT", "the invasion of Ukraine by Russia", "invasion"),
                _event_article("a", "2025-02-24", "ASSAULT", "Russia launched an invasion of Ukraine.", actor="Russia",
                               target="Ukraine", trigger="invasion"),
                referred("c", "SANCTION", "for new sanctions", "sanctions")])
    assert _groups(linker.links()) == [["a", "b"]]  # b joins a (filed after it), c starts no story
    assert ("b", 0) in linker.reports and ("c", 0) not in linker.reports


def test_the_corpus_lexicon_is_checked_when_loaded():
    from presslens.corpus.lexicon import LexiconError, check_lexicon, lexicon
    good = lexicon()
    assert check_lexicon(good) is good
    for broken, why in (({k: v for k, v in good.items() if k != "denier_verbs"}, "denier_verbs"),
                        ({**good, "relay_cues": "according to"}, "relay_cues"),
                        ({**good, "weekdays": ["Monday"]}, "lower case"),
                        ({**good, "antecedent_classes": ["meeting", "meetings"]}, "trigger class")):
        with pytest.raises(LexiconError, match=why):
            check_lexicon(broken)


def test_relay_and_denial_wording_comes_from_the_lexicon():
    from presslens.corpus.corroboration import denier, relay_source
    from presslens.corpus.records import Report

    def report(text, asserted_by="Coast Courier"):
        return Report("d", 0, "Coast Courier", "2025-03-01", Span(0, len(text), text), asserted_by, "asserted")
    assert relay_source(report("Five drones were downed, according to the TASS agency."), set()) == "TASS"
    assert relay_source(report("Five drones were downed, Reuters reported."), set()) == "Reuters"
    assert denier(report("The Defence Ministry on Wednesday denied that it struck the port.")) == "Defence Ministry"
    assert denier(report("On Wednesday denied that it struck the port.")) == "Coast Courier"  # a time is no one


def test_our_state_in_a_release_of_a_country_s_presidency_is_that_country():
    def attack(doc_id, outlet, text, target):
        item = _event_article(doc_id, "2025-02-24", "ASSAULT", text, actor="Russia", target=target, trigger="attacked")
        return LinkInput(doc_id, outlet, item.published, item.analysis)
    linker = Linker(embedder=None)
    linker.add([attack("a", "President of Ukraine", "Russia attacked our state at dawn.", "state"),
                attack("b", "Harbour Wire", "Russia attacked Ukraine.", "Ukraine"),
                attack("c", "Harbour Wire", "Russia attacked the state border post.", "state")])
    targets = {m.report.doc_id: m.target_id for s in linker.stories.states.values() for m in s.mentions}
    assert targets["a"] == targets["b"] != targets["c"]  # "the state" with no "our", or no country in the outlet: itself


def test_a_trigger_in_no_class_is_named_by_the_act_its_evidence_names_next():
    linker = Linker(embedder=None)
    linker.add([_event_article("a", "2025-02-24", "ASSAULT", "Russia launched a new military operation.", trigger="launched"),
                _event_article("b", "2025-02-24", "ASSAULT", "Russia began the invasion.", trigger="invasion"),
                _event_article("c", "2025-02-24", "AGREE", "They signed a treaty.", trigger="signed")])
    triggers = _mention_triggers(linker)
    assert triggers["a"] == triggers["b"] == "invasion"
    assert triggers["c"] == "sign"  # no class word follows: the head word without its ending


def test_a_country_name_is_a_body_even_where_an_article_tags_it_a_person():
    identities = Identities()
    armed = identities.resolve("Armed Ukraine", entity_type="PERSON")  # an NER slip in one article
    ukraine = identities.resolve("Ukraine", entity_type="PERSON")  # and "Ukraine" tagged a person in another
    assert ukraine != armed and ukraine == identities.resolve("Ukraine", entity_type="GPE")
    assert identities.get(ukraine).kind == "body"


def test_a_country_is_not_the_short_form_of_a_body_named_after_it():
    text = "Russia attacked Ukraine, the Armed Forces of Ukraine and the Air Force said."
    item = _event_article("a", "2025-02-24", "ASSAULT", text, actor="Russia", target="Ukraine", trigger="attacked",
                          entities=[("Armed Forces of Ukraine", "ORG"), ("Ukraine Air Force", "ORG")])
    other = _event_article("b", "2025-02-24", "ASSAULT", "The Air Force downed a drone.", actor="Air Force",
                           trigger="downed", entities=[("Ukraine Air Force", "ORG")])
    linker = Linker(embedder=None)
    linker.add([item, other])
    ids = {m.report.doc_id: (m.actor_id, m.target_id) for s in linker.stories.states.values() for m in s.mentions}
    assert ids["a"][1] == linker.identities.resolve("Ukraine", entity_type="GPE")  # the country, not its armed forces
    assert ids["b"][0] == linker.identities.resolve("Ukraine Air Force", entity_type="ORG")  # a body's last words still do


# --- session 6: a light verb's act further on, bare titles, short evidence, article names, gists --------

def test_a_light_verb_trigger_is_named_by_the_class_word_past_its_article_and_adjectives():
    linker = Linker(embedder=None)
    linker.add([_event_article("a", "2025-02-24", "ASSAULT", "Russia decided to carry out a large new military operation.",
                               trigger="carry"),
                _event_article("b", "2025-02-24", "ASSAULT", "The invasion began before dawn.", trigger="invasion")])
    triggers = _mention_triggers(linker)
    assert triggers["a"] == triggers["b"] == "invasion"  # "out", "a" are no words of the act: "operation" is the 4th


def test_a_bare_title_is_no_actor_or_target_a_body_named_by_title_words_is():
    linker = Linker(embedder=None)
    linker.add([_event_article("a", "2025-03-03", "CONSULT", "The President had a phone call with the Prime Minister.",
                               actor="President", target="Prime Minister", trigger="call"),
                _event_article("b", "2025-03-03", "CONSULT", "The President met the Prime Minister in Oslo.",
                               actor="the President", target="Prime Minister", trigger="met"),
                _event_article("c", "2025-03-03", "CONSULT", "The Kremlin held talks with the State Duma.",
                               actor="Kremlin", target="State Duma", trigger="talks")])
    ids = {m.report.doc_id: (m.actor_id, m.target_id) for s in linker.stories.states.values() for m in s.mentions}
    assert ids["a"] == ids["b"] == (None, None)  # two articles' "President" are not one actor
    assert ids["c"] == (linker.identities.resolve("Kremlin", entity_type="ORG"),
                        linker.identities.resolve("State Duma", entity_type="ORG"))


def test_a_surname_actor_is_the_person_its_article_names_and_two_calls_with_other_people_stay_apart():
    people = [("Vladimir Putin", "PERSON"), ("Emmanuel Macron", "PERSON"), ("Olaf Scholz", "PERSON")]

    def call(doc_id, text, actor, target, trigger):
        return _event_article(doc_id, "2025-02-24", "CONSULT", text, actor=actor, target=target, trigger=trigger,
                              entities=[p for p in people if p[0].split()[-1] in text])
    linker = Linker(embedder="lexical")
    linker.add([call("a", "Vladimir Putin had a telephone conversation with Emmanuel Macron.", "Vladimir Putin",
                     "Emmanuel Macron", "telephone conversation"),
                call("b", "Putin and Macron held phone talks, the Kremlin said.", "Putin", "Macron", "phone talks"),
                call("c", "Vladimir Putin had a telephone conversation with Olaf Scholz.", "Vladimir Putin",
                     "Olaf Scholz", "telephone conversation")])
    ids = {m.report.doc_id: (m.actor_id, m.target_id, m.trigger) for s in linker.stories.states.values() for m in s.mentions}
    assert ids["a"] == ids["b"] == ("person:vladimir-putin", "person:emmanuel-macron", "conversation")
    assert _groups(linker.links()) == [["a", "b"], ["c"]]  # a call with Macron is not one with Scholz


def test_an_evidence_of_one_content_word_says_nothing_of_which_event():
    def meeting(doc_id, text):
        return _event_article(doc_id, "2025-03-03", "CONSULT", text, trigger="meeting")
    bare = link([meeting("a", "The meeting"), meeting("b", "The meeting")], embedder=None)
    assert _groups(bare) == [["a"], ["b"]]  # two releases' "the meeting" may be any two meetings
    told = link([meeting("a", "The meeting of the grain council"), meeting("b", "The meeting of the grain council")],
                embedder=None)
    assert _groups(told) == [["a", "b"]]


def test_the_names_two_articles_share_add_at_most_context_max():
    from presslens.corpus.stories import CONTEXT_MAX, WEIGHTS
    from presslens.model import Entity

    def article(doc_id, sentence, trigger):
        text = sentence + " Anna Kovalenko and Ivan Petrenko spoke to reporters."
        at = text.find(trigger)
        event = Event("CONSULT", None, None, None, None, Span(0, len(sentence), sentence),
                      trigger=Span(at, at + len(trigger), trigger))
        entities = [Entity("e0", "Anna Kovalenko", "PERSON"), Entity("e1", "Ivan Petrenko", "PERSON")]
        return LinkInput(doc_id, doc_id, "2025-03-03", Analysis(text=text, published="2025-03-03", events=[event],
                                                                entities=entities))
    links = link([article("a", "A phone call took place in the morning.", "call"),
                  article("b", "The delegations held talks at the border.", "talks")], embedder=None)
    assert CONTEXT_MAX < WEIGHTS["evidence"]
    assert _groups(links) == [["a"], ["b"]]  # the same two names in both releases: not yet one event


def test_the_embedder_compares_the_first_words_of_a_long_evidence():
    from presslens.corpus.stories import GIST_WORDS, gist
    act = "Russia decided to carry out a special military operation to protect the people of the eastern regions"
    tail_a = " and it cited at length the treaties of friendship, cooperation and mutual assistance signed earlier with the republics"
    tail_b = " while ministers gathered in the capital discussed grain exports, the budget, school reforms and a new airport"
    assert gist(act + tail_a).split() == (act + tail_a).split()[:GIST_WORDS]
    links = link([_event_article("a", "2025-02-24", "ASSAULT", act + tail_a, actor="Russia", trigger="carry"),
                  _event_article("b", "2025-02-24", "ASSAULT", act + tail_b, actor="Russia", trigger="carry")],
                 embedder="lexical")
    assert _groups(links) == [["a", "b"]]


def test_a_one_word_person_the_article_never_names_in_full_is_no_participant():
    text = "Anna Kovalenko met Kovalenko's deputies in Luhansk to discuss the talks."
    item = _event_article("a", "2025-03-03", "CONSULT", text, trigger="met",
                          entities=[("Anna Kovalenko", "PERSON"), ("Kovalenko", "PERSON"), ("Luhansk", "PERSON")])
    linker = Linker(embedder=None)
    linker.add([item])
    mention = next(m for s in linker.stories.states.values() for m in s.mentions)
    assert mention.people == {"person:kovalenko"}  # "Luhansk", a city NER read as a person, is no one


# --- the speaker's own text: a speech released as an article, quoted by news items ---------------

SPEECH = ("Address of the President to the nation.\n"
          "Dear compatriots. Today I signed the decree on the new energy fund. We will direct these funds to "
          "the reconstruction of every school and hospital in the eastern regions before the winter comes. "
          "Thank you, and glory to our defenders.")
PASSAGE = ("We will direct these funds to the reconstruction of every school and hospital in the eastern regions "
           "before the winter comes")


def _news(doc_id, published, lead, said, speaker, other_quotes=()):
    text = f"{lead} \u201c{said}\u201d, she said."
    start = text.index(said)
    quotes = [Quote("direct", Span(start, start + len(said), said), None, Speaker(speaker, role="president"))]
    return LinkInput(doc_id, "Daily Herald", published, Analysis(text=text, published=published, quotes=quotes))


def _release(doc_id, published, text, quotes=()):
    return LinkInput(doc_id, "Presidency", published, Analysis(text=text, published=published, quotes=list(quotes)))


def test_a_speech_release_quoted_by_two_news_items_is_one_statement_first_seen_in_the_release():
    inputs = [_news("news-1", "2025-05-02", "President Olena Marchuk addressed the nation.", PASSAGE, "Olena Marchuk"),
              _news("news-2", "2025-05-02", "Marchuk promised help to the east.", PASSAGE + " this year",
                    "Olena Marchuk"),
              _release("speech-1", "2025-05-01", SPEECH)]
    statements = [s for s in link(inputs, embedder="lexical").statements if len(s.appearances) > 1]
    assert len(statements) == 1
    statement = statements[0]
    assert [a.doc_id for a in statement.appearances] == ["speech-1", "news-1", "news-2"]
    first = statement.appearances[0]
    assert (first.kind, first.quote_index, first.match) == ("own_text", None, "first")
    assert first.content.text == PASSAGE and SPEECH[first.content.start:first.content.end] == PASSAGE
    assert statement.first_seen == "2025-05-01" and statement.speaker == "Olena Marchuk"
    assert statement.text == PASSAGE


def test_a_quotation_arriving_after_the_release_finds_it_in_a_later_batch():
    linker = Linker(embedder="lexical")
    linker.add([_release("speech-1", "2025-05-01", SPEECH)])
    change = linker.add([_news("news-1", "2025-05-01", "Marchuk spoke.", PASSAGE, "Olena Marchuk")])
    statement = linker.statement(next(iter(change.statements)))
    assert [(a.doc_id, a.kind) for a in statement.appearances] == [("speech-1", "own_text"), ("news-1", "direct")]
    late = Linker(embedder="lexical")  # and four days later the release is another occasion
    late.add([_release("speech-1", "2025-05-01", SPEECH)])
    change = late.add([_news("news-1", "2025-05-05", "Marchuk spoke.", PASSAGE, "Olena Marchuk")])
    assert [len(late.statement(s).appearances) for s in change.statements] == [1]


def test_words_the_release_attributes_to_another_speaker_are_not_the_quoted_speakers_own_text():
    guest = ("Our partners will direct these funds to the reconstruction of every school and hospital in the "
             "eastern regions before the winter comes")
    text = f"The President met the envoy. \u201c{guest}\u201d, envoy Tomas Varga said."
    start = text.index(guest)
    release = _release("meeting-1", "2025-05-01", text,
                       [Quote("direct", Span(start, start + len(guest), guest), None, Speaker("Tomas Varga"))])
    inputs = [release, _news("news-1", "2025-05-02", "Marchuk spoke.", guest, "Olena Marchuk")]
    statements = link(inputs, embedder="lexical").statements
    marchuk = next(s for s in statements if s.speaker == "Olena Marchuk")
    assert [a.doc_id for a in marchuk.appearances] == ["news-1"]


def test_a_short_shared_phrase_is_never_the_speakers_own_text():
    said = "the reconstruction of every school and hospital"  # 7 words: a phrase, not a passage
    inputs = [_release("speech-1", "2025-05-01", SPEECH),
              _news("news-1", "2025-05-01", "Marchuk spoke.", said, "Olena Marchuk"),
              _news("news-2", "2025-05-01", "Marchuk spoke.",
                    "Thank you, and glory to our defenders, and to every school in the eastern regions", "Olena Marchuk")]
    statements = link(inputs, embedder="lexical").statements
    assert all(len(s.appearances) == 1 for s in statements)


def test_a_passage_of_the_speech_the_analysis_read_as_its_speakers_quotation_joins_rather_than_doubles():
    start = SPEECH.index(PASSAGE)
    read = Quote("direct", Span(start, start + len(PASSAGE), PASSAGE), None, Speaker(None))  # no speaker found
    said = PASSAGE.replace(" in the eastern regions before the winter comes", " in the east, and we will also build new roads and bridges there")  # no near copy of it
    linker = Linker(embedder="lexical")
    linker.add([_release("speech-1", "2025-05-01", SPEECH, [read])])
    change = linker.add([_news("news-1", "2025-05-02", "Marchuk spoke.", said, "Olena Marchuk")])
    assert len(change.removed_statements) == 1 and len(change.statements) == 1
    statement = linker.statement(next(iter(change.statements)))
    assert [(a.doc_id, a.kind, a.quote_index) for a in statement.appearances] == [("speech-1", "own_text", 0),
                                                                                  ("news-1", "direct", 0)]
    assert len(linker.links().statements) == 1


def _unnamed_news(doc_id, published, said, kind="direct"):
    text = f"The head of state spoke at the forum. \u201c{said}\u201d, he said."
    start = text.index(said)
    quotes = [Quote(kind, Span(start, start + len(said), said), None, Speaker(None))]  # "he": no one named
    return LinkInput(doc_id, "Daily Herald", published, Analysis(text=text, published=published, quotes=quotes))


def test_a_long_direct_quotation_whose_speaker_the_analysis_left_unnamed_still_finds_the_speech():
    inputs = [_release("speech-1", "2025-05-01", SPEECH), _unnamed_news("news-1", "2025-05-01", PASSAGE)]
    statement = next(s for s in link(inputs, embedder="lexical").statements if len(s.appearances) > 1)
    assert [(a.doc_id, a.kind) for a in statement.appearances] == [("speech-1", "own_text"), ("news-1", "direct")]
    assert statement.appearances[0].content.text == PASSAGE
    assert statement.speaker is None  # no one to name: none rather than a guess


def test_a_shorter_or_indirect_unnamed_quotation_is_not_looked_for_in_other_texts():
    short = "We will direct these funds to the reconstruction of every school and hospital"  # 14 words
    for inputs in ([_release("speech-1", "2025-05-01", SPEECH), _unnamed_news("news-1", "2025-05-01", short)],
                   [_release("speech-1", "2025-05-01", SPEECH), _unnamed_news("news-1", "2025-05-01", PASSAGE, "indirect")]):
        assert all(len(s.appearances) == 1 for s in link(inputs, embedder="lexical").statements)


def test_an_own_text_passage_is_widened_to_the_whole_sentence_a_quotation_renders_otherwise():
    said = PASSAGE.replace("We will direct", "We shall direct")  # the first words rendered otherwise
    inputs = [_release("speech-1", "2025-05-01", SPEECH),
              _news("news-1", "2025-05-01", "Marchuk spoke.", said, "Olena Marchuk")]
    statement = next(s for s in link(inputs, embedder="lexical").statements if len(s.appearances) > 1)
    own = statement.appearances[0]
    assert (own.doc_id, own.kind, own.match) == ("speech-1", "own_text", "first")
    assert own.content.text == PASSAGE  # from "We will", not from "direct these funds"


def test_a_template_release_with_another_name_is_not_the_quoted_speakers_own_text():
    release = ("The agreement was signed on Monday. The agreement reaffirms the commitment of the Northern Union to "
               "develop comprehensive and lasting cooperation with the Republic of Aldovia in every field.")
    said = ("the commitment of the Northern Union to develop comprehensive and lasting cooperation with the "
            "Republic of Belmora in every field")
    inputs = [_release("release-1", "2025-05-01", release),
              _news("news-1", "2025-05-01", "Marchuk spoke.", said, "Olena Marchuk")]
    assert all(len(s.appearances) == 1 for s in link(inputs, embedder="lexical").statements)
    same = said.replace("Belmora", "Aldovia")  # the same words, the same name: its own text
    inputs[1] = _news("news-1", "2025-05-01", "Marchuk spoke.", same, "Olena Marchuk")
    statement = next(s for s in link(inputs, embedder="lexical").statements if len(s.appearances) > 1)
    assert [(a.doc_id, a.kind) for a in statement.appearances] == [("release-1", "own_text"), ("news-1", "direct")]


def test_a_quotation_nested_in_another_of_its_article_adds_no_second_passage_of_the_speech():
    start = SPEECH.index(PASSAGE)
    read = Quote("indirect", Span(start, start + len(PASSAGE), PASSAGE), None, Speaker(None))
    part = PASSAGE[:PASSAGE.index(" before the winter")]  # 18 words, inside the full quotation
    text = f"Marchuk spoke. \u201c{PASSAGE}\u201d, she said."
    begin = text.index(PASSAGE)
    news = LinkInput("news-1", "Daily Herald", "2025-05-01", Analysis(text=text, published="2025-05-01", quotes=[
        Quote("direct", Span(begin, begin + len(PASSAGE), PASSAGE), None, Speaker("Olena Marchuk", role="president")),
        Quote("direct", Span(begin, begin + len(part), part), None, Speaker("Olena Marchuk", role="president"))]))
    statements = link([_release("speech-1", "2025-05-01", SPEECH, [read]), news], embedder="lexical").statements
    in_speech = [s for s in statements if any(a.doc_id == "speech-1" for a in s.appearances)]
    assert len(in_speech) == 1  # the speech's passage is in one statement, with the full quotation
    assert {(a.doc_id, a.quote_index) for a in in_speech[0].appearances} == {("speech-1", 0), ("news-1", 0)}


def test_a_fragment_of_the_speech_read_as_a_quotation_gives_the_statement_the_whole_passage():
    fragment = "every school and hospital"
    start = SPEECH.index(fragment)
    read = Quote("indirect", Span(start, start + len(fragment), fragment), None, Speaker("hospital staff"))
    inputs = [_release("speech-1", "2025-05-01", SPEECH, [read]),
              _news("news-1", "2025-05-02", "Marchuk spoke.", PASSAGE, "Olena Marchuk")]
    statement = next(s for s in link(inputs, embedder="lexical").statements if len(s.appearances) > 1)
    assert [(a.doc_id, a.kind, a.quote_index) for a in statement.appearances] == [("speech-1", "own_text", 0),
                                                                                  ("news-1", "direct", 0)]
    assert statement.text == PASSAGE and statement.speaker == "Olena Marchuk"


# --- session 7: acts one actor does once, ... ----------------------------------------------------

def test_the_onset_of_a_war_named_many_ways_on_one_day_is_one_story():
    def assault(doc_id, text, trigger, *, day="2025-02-24", actor=None, target=None, place=None, code=None,
                modality="asserted"):
        item = _event_article(doc_id, day, "ASSAULT", text, actor=actor, target=target, place=place, trigger=trigger)
        item.analysis.events[0].actor_code = code
        item.analysis.events[0].modality = modality
        return item
    linker = Linker(embedder=None)
    linker.add([
        assault("a", "Russia launched a new military operation against Ukraine this morning.", "launched",
                actor="Russia", target="Ukraine", code="RUS"),
        assault("b", "the decision to start a special operation", "operation"),
        assault("c", "an unjustified, deceitful and cynical invasion", "invasion"),
        assault("d", "the war that Russia declared on Ukraine at dawn", "war", actor="Russia", target="Ukraine",
                code="RUS"),
        assault("e", "No one has cancelled the information war waged against us.", "war", modality="negated"),
        assault("f", "Troops began an offensive near Kharkiv.", "offensive", place="Kharkiv"),
        assault("g", "Armenia accused Azerbaijan of aggression.", "aggression", actor="Azerbaijan", code="AZE"),
        assault("h", "Russian troops attacked the port at dawn.", "attacked", actor="Russian troops",
                target="the port", code="RUS"),
        assault("i", "Russia launched a new military operation against Ukraine.", "launched", actor="Russia",
                target="Ukraine", code="RUS", day="2025-03-04"),
        _event_article("j", "2025-02-24", "AGREE", "to ensure the stable operation of hospitals", trigger="operation"),
        _event_article("k", "2025-02-24", "AGREE", "the operation of the new payment system", trigger="operation")])
    groups = _groups(linker.links())
    assert ["a", "b", "c", "d"] in groups  # one class of act one actor does once: one story of that day
    # not happening; one place; another side; a strike; a week later; "operation" of another type: no onset of war
    for alone in ("e", "f", "g", "h", "i", "j", "k"):
        assert [alone] in groups


def test_an_actor_code_of_a_sector_alone_names_no_country():
    def strike(doc_id, text, code):
        item = _event_article(doc_id, "2025-03-01", "ASSAULT", text, place="Kharkiv", trigger="struck")
        item.analysis.events[0].actor_code = code
        return item
    linker = Linker(embedder="lexical")
    linker.add([strike("a", "The army struck the Kharkiv power plant at dawn.", "MIL"),
                strike("b", "Russian troops struck the Kharkiv power plant at dawn.", "RUSMIL"),
                strike("c", "Ukrainian troops struck the Kharkiv power plant at dawn.", "UKRMIL")])
    countries = {m.report.doc_id: m.report.actor_country for s in linker.stories.states.values() for m in s.mentions}
    assert countries == {"a": None, "b": "RUS", "c": "UKR"}  # "MIL" is the armed forces of no country named
    story, = linker.links().stories
    assert [(c.a.doc_id, c.b.doc_id) for c in story.conflicts if c.kind == "actor"] == [("b", "c")]


def test_a_report_that_tells_one_act_of_two_stories_of_its_window_joins_them():
    def recognition(doc_id, text, country=None, code=None):
        trigger = next(w for w in text.split() if w.startswith("recogni"))
        item = _event_article(doc_id, "2025-02-21", "SUPPORT", text, trigger=trigger)
        event = item.analysis.events[0]
        event.actor_code = code
        if country:
            event.place = {"name": country, "country_code": country[:2].upper(), "feature": "country"}
        return item
    linker = Linker(embedder=None)
    first = linker.add([recognition("a", "Russia recognised the independence of the two republics.", "Russia", "RUS"),
                        recognition("b", "The Kremlin is recognising occupied districts of Ukraine.", "Ukraine")])
    assert _groups(linker.links()) == [["a"], ["b"]]  # two countries read as places: not enough alone
    later = linker.add([recognition("c", "the decision to recognize the so-called republics")])
    assert _groups(linker.links()) == [["a", "b", "c"]]  # one act one actor does once: one story
    assert len(later.removed_stories) == 1 and later.removed_stories < first.stories
    linker.add([recognition("d", "Belarus is recognising the two republics.", code="BLR")])
    assert ["d"] in _groups(linker.links())  # another side's act joins no story of Russia's


def test_a_one_act_whose_actor_is_the_other_report_s_target_is_another_act():
    def war(doc_id, text, trigger, actor=None, target=None, actor_code=None, target_code=None):
        item = _event_article(doc_id, "2025-02-24", "ASSAULT", text, actor=actor, target=target, trigger=trigger)
        item.analysis.events[0].actor_code, item.analysis.events[0].target_code = actor_code, target_code
        return item
    links = link([war("a", "the special operation Russia began at dawn", "operation", actor="Russia", actor_code="RUS"),
                  war("b", "an offensive aimed at Russia", "offensive", target="Russia", target_code="RUS"),
                  war("c", "a full-scale invasion", "invasion")], embedder=None)
    assert _groups(links) == [["a", "c"], ["b"]]  # Russia's operation is not one aimed at Russia


def test_an_undated_mention_recalls_the_event_its_own_article_dates_months_before():
    def summit(doc_id, sentences):
        text = " ".join(s for s, _, _ in sentences)
        events, at = [], 0
        for sentence, place, day in sentences:
            start = text.find(sentence, at)
            trigger = start + sentence.find("summit")
            events.append(Event("CONSULT", "BRICS", None, place, day, Span(start, start + len(sentence), sentence),
                                trigger=Span(trigger, trigger + 6, "summit"), date_source="clause" if day else None))
            at = start + len(sentence)
        return LinkInput(doc_id, doc_id, "2024-12-26", Analysis(text=text, published="2024-12-26", events=events))
    linker = Linker(embedder="lexical")
    linker.add([summit("a", [("The BRICS summit opened in Kazan in October.", "Kazan", "2024-10-22"),
                             ("Partner countries were named after the BRICS summit.", None, None)]),
                summit("b", [("Delegates left the hall when the summit ended.", None, None)])])
    stories = {m.report.doc_id + str(m.report.event_index): s.story.id
               for s in linker.stories.states.values() for m in s.mentions}
    assert stories["a0"] == stories["a1"]  # the article's own summit of October
    assert stories["b0"] != stories["a0"]  # another article's undated summit, with no city: of its own days


def test_a_name_tagged_as_a_law_or_work_is_no_person():
    from presslens.corpus.identities import name_key
    assert name_key("Article 1 Ratifying the Treaty Between", entity_type="LAW").kind == "thing"
    assert name_key("Anna Kovalenko", entity_type="PERSON").kind == "person"
    linker = Linker(embedder=None)
    linker.add([_event_article("a", "2025-02-21", "AGREE", "Kovalenko and Petrenko signed the treaty in Moscow.",
                               target="Treaty Between", place="Moscow", trigger="signed",
                               entities=[("Treaty Between", "LAW")])])
    mention, = [m for s in linker.stories.states.values() for m in s.mentions]
    assert mention.target_id.startswith("thing:") and not mention.people  # a treaty names no one to rule a link out


def test_a_passive_trigger_is_named_by_the_class_word_of_its_subject_and_martial_law_is_one_act():
    def decree(doc_id, text, trigger):
        return _event_article(doc_id, "2025-02-24", "COERCE", text, trigger=trigger)
    linker = Linker(embedder=None)
    linker.add([decree("a", "The president signed the decree on the imposition of martial law.", "martial law"),
                decree("b", "Martial law will be imposed across the country.", "law will be imposed"),
                decree("c", "As the decree says, martial law is imposed from dawn.", "imposed"),
                decree("d", "A curfew is imposed from dawn.", "imposed")])
    triggers = _mention_triggers(linker)
    assert triggers["a"] == triggers["b"] == triggers["c"] == "martial law"
    assert triggers["d"] == "impos"  # no class word before it: its own stem
    assert ["a", "b", "c"] in _groups(linker.links()) and ["d"] in _groups(linker.links())


def _article(doc_id, published, events, entities=()):
    """One invented article of several events: (type, sentence, trigger, actor, target, place[, mention kind])
    each, the sentences joined into its text in that order."""
    from presslens.model import Entity
    text, records = "", []
    for type_, sentence, trigger, actor, target, place, *kind in events:
        start = len(text)
        text += sentence + " "
        at = sentence.find(trigger)
        records.append(Event(type_, actor, target, place, None, Span(start, start + len(sentence), sentence),
                             trigger=Span(start + at, start + at + len(trigger), trigger),
                             mention=kind[0] if kind else None))
    ents = [Entity(f"e{i}", name, kind) for i, (name, kind) in enumerate(entities)]
    return LinkInput(doc_id, doc_id, published, Analysis(text=text.strip(), published=published, events=records,
                                                         entities=ents))


def test_a_report_is_scored_against_a_big_story_s_later_tellings_of_its_kind():
    from presslens.corpus.stories import COMPARED
    council = ("CONSULT", "The meeting of the grain council in Odesa.", "meeting", None, None, "Odesa")
    inputs = [_article(f"a{i}", "2025-03-01", [council]) for i in range(COMPARED)]
    inputs.append(_article("b", "2025-03-01", [("CONSULT", "The meeting of the grain council in Odesa with Anna Kovalenko.",
                                                "meeting", "Anna Kovalenko", None, "Odesa")]))
    inputs.append(_article("c", "2025-03-02", [("CONSULT", "Anna Kovalenko met the grain council.", "met",
                                                "Anna Kovalenko", None, None)]))
    groups = _groups(link(inputs, embedder=None))
    # c scores the link only against b, the story's seventh telling: compared because it names the act alike
    assert groups == [sorted([f"a{i}" for i in range(COMPARED)] + ["b", "c"])]


def test_a_bare_meeting_takes_the_participants_of_its_article_s_one_named_meeting():
    people = [("Anna Kovalenko", "PERSON"), ("Ivan Petrenko", "PERSON"), ("Joe Biden", "PERSON")]
    talks = ("CONSULT", "Anna Kovalenko held talks with Ivan Petrenko in Odesa.", "talks", "Anna Kovalenko",
             "Ivan Petrenko", "Odesa")
    our_meeting = ("CONSULT", "Our meeting was useful.", "meeting", None, None, None)
    other = _article("b", "2025-03-02", [("CONSULT", "Kovalenko and Petrenko met in Odesa to discuss grain.", "met",
                                          "Anna Kovalenko", "Ivan Petrenko", "Odesa")], people)
    links = link([_article("a", "2025-03-02", [talks, our_meeting], people), other], embedder=None)
    story = next(s for s in links.stories if "b" in {r.doc_id for r in s.reports})
    assert {(r.doc_id, r.event_index) for r in story.reports} == {("a", 0), ("a", 1), ("b", 0)}
    # two named meetings with other people in the article: "the meeting" could be either, and stays bare
    biden = ("CONSULT", "Anna Kovalenko held a meeting with Joe Biden in Kyiv.", "meeting", "Anna Kovalenko",
             "Joe Biden", "Kyiv")
    links = link([_article("a", "2025-03-02", [talks, biden, our_meeting], people), other], embedder=None)
    assert any({(r.doc_id, r.event_index) for r in s.reports} == {("a", 2)} for s in links.stories)
    # a meeting the article names in passing ("condemned the decision to convene …") is no antecedent
    convened = ("CONSULT", "Kovalenko condemned the decision to convene a meeting of the grain council in Kyiv.",
                "meeting", None, "grain council", "Kyiv", "referred")
    links = link([_article("a", "2025-03-02", [talks, convened, our_meeting], people), other], embedder=None)
    story = next(s for s in links.stories if "b" in {r.doc_id for r in s.reports})
    assert {(r.doc_id, r.event_index) for r in story.reports} == {("a", 0), ("a", 2), ("b", 0)}


def test_a_bare_strike_takes_nothing_from_its_article_s_other_strikes():
    from presslens.corpus.lexicon import antecedent_classes
    assert "strike" not in antecedent_classes()  # an article tells many strikes: "the strike" is not its one strike
    strike = ("ASSAULT", "Russian missiles struck the port of Odesa.", "struck", "Russia", "port", "Odesa")
    bare = ("ASSAULT", "The strike was the third this week.", "strike", None, None, None)
    other = _article("b", "2025-03-02", [("ASSAULT", "Missiles struck the port of Odesa.", "struck", "Russia",
                                          "port", "Odesa")])
    links = link([_article("a", "2025-03-02", [strike, bare]), other], embedder=None)
    assert any({(r.doc_id, r.event_index) for r in s.reports} == {("a", 1)} for s in links.stories)


def test_a_common_noun_read_as_actor_or_target_is_no_shared_identity():
    def discussed(doc_id, text, target):
        return _event_article(doc_id, "2025-03-02", "CONSULT", text, actor="leaders", target=target, trigger="discussed")
    links = link([discussed("a", "The leaders discussed the situation in the Balkans and trade in grain.", "situation"),
                  discussed("b", "The leaders discussed the situation around the harbour of Odesa after the storm.",
                            "situation")], embedder=None)
    assert _groups(links) == [["a"], ["b"]]  # two calls' "the leaders" and "the situation" are no one in common
    initiative = "Black Sea Grain Initiative"
    named = link([discussed("a", f"The leaders discussed the {initiative} and trade in grain.", initiative),
                  discussed("b", f"The leaders discussed the {initiative} after the storm in Odesa.", initiative)],
                 embedder=None)
    assert _groups(named) == [["a", "b"]]


def test_a_strike_placed_in_a_city_and_one_naming_that_city_the_same_day_are_one_strike():
    city = [("Kharkiv", "GPE")]

    def report(doc_id, day, text, trigger, *, place=None, type_="ASSAULT"):
        return _event_article(doc_id, day, type_, text, place=place, trigger=trigger, entities=city)
    struck = report("a", "2025-03-01", "Russian missiles struck Kharkiv.", "struck", place="Kharkiv")
    square = "The strike on Freedom Square in Kharkiv killed ten people."
    assert _groups(link([struck, report("b", "2025-03-01", square, "strike")], embedder=None)) == [["a", "b"]]
    # a day later, or an act of another kind, the city named is no place in common
    assert _groups(link([struck, report("b", "2025-03-02", square, "strike")], embedder=None)) == [["a"], ["b"]]
    talks = report("c", "2025-03-01", "The talks on grain in Kharkiv ended early.", "talks", type_="CONSULT")
    met = report("d", "2025-03-01", "The delegations met.", "met", place="Kharkiv", type_="CONSULT")
    assert _groups(link([talks, met], embedder=None)) == [["c"], ["d"]]


def test_a_strike_its_report_dates_to_one_day_is_not_a_report_of_the_next_day():
    def strike(doc_id, published, text, trigger, *, day=None, place=None, target=None):
        return _event_article(doc_id, published, "ASSAULT", text, actor="Russia", target=target, place=place,
                              day=day, trigger=trigger)
    dated = strike("a", "2025-03-15", "Russian missiles struck the centre of the city on March 14.", "struck",
                   day="2025-03-14")
    later = strike("b", "2025-03-15", "Russian missiles struck the centre of the city again.", "struck")
    assert _groups(link([dated, later], embedder=None)) == [["a"], ["b"]]  # the 14th's strike; the 15th's report
    same_day = strike("c", "2025-03-14", "Russian missiles struck the centre of the city again.", "struck")
    assert _groups(link([dated, same_day], embedder=None)) == [["a", "c"]]
    # one city named by both: still the 14th's strike and the 15th's (the day is the strike's identity)
    both = [strike("a", "2025-03-15", "Russian missiles struck the centre of the city on March 14.", "struck",
                   day="2025-03-14", place="Kyiv"),
            strike("b", "2025-03-15", "Russian missiles struck the centre of the city again.", "struck", place="Kyiv")]
    assert _groups(link(both, embedder=None)) == [["a"], ["b"]]


def test_one_numbered_occasion_links_across_a_week_another_number_or_none_does_not():
    def talks(doc_id, published, sentence):
        return _article(doc_id, published, [("CONSULT", sentence, "round", "Coastal Union", "Hill Republic", None)])
    opened = talks("a", "2025-03-03", "The third round of talks between the Coastal Union and the Hill Republic opened.")
    recalled = talks("b", "2025-03-10", "Envoys recalled the third round of talks of the Coastal Union and the Hill Republic.")
    assert _groups(link([opened, recalled], embedder=None)) == [["a", "b"]]  # the number says which round
    fourth = talks("b", "2025-03-10", "Envoys recalled the fourth round of talks of the Coastal Union and the Hill Republic.")
    assert _groups(link([opened, fourth], embedder=None)) == [["a"], ["b"]]
    unnumbered = talks("b", "2025-03-10", "Envoys recalled the round of talks of the Coastal Union and the Hill Republic.")
    assert _groups(link([opened, unnumbered], embedder=None)) == [["a"], ["b"]]  # a week apart, nothing says which
    # an ordinal that numbers no occasion ("for the first time") is no numbered occasion
    from presslens.corpus.stories import occasions_in
    assert occasions_in("imposed the 10th package of sanctions", "sanction", "SANCTION") == {10}
    assert not occasions_in("met for the first time", "meeting", "CONSULT")
    assert not occasions_in("discussed the sixth package of sanctions", "sanction", "CONSULT")  # no package itself


def test_an_undated_meeting_announced_then_held_or_recalled_days_later_is_one_meeting():
    people = [("Anna Kovalenko", "PERSON"), ("Boris Lind", "PERSON")]

    def meeting(doc_id, published, sentence, trigger):
        return _article(doc_id, published, [("CONSULT", sentence, trigger, "Anna Kovalenko", "Boris Lind", None)], people)
    announced = meeting("a", "2025-04-01", "Anna Kovalenko will meet Boris Lind to discuss the grain corridor.", "meet")
    held = meeting("b", "2025-04-05", "Anna Kovalenko met Boris Lind to discuss the grain corridor.", "met")
    assert _groups(link([announced, held], embedder=None)) == [["a", "b"]]
    # held, then held again four days later: two meetings; recalled ("after the meeting") four days later: one
    first = meeting("a", "2025-04-01", "Anna Kovalenko met Boris Lind to discuss the grain corridor.", "met")
    assert _groups(link([first, held], embedder=None)) == [["a"], ["b"]]
    after = meeting("b", "2025-04-05", "After the meeting of Anna Kovalenko with Boris Lind on the grain corridor, "
                                       "ships sailed.", "meeting")
    assert _groups(link([first, after], embedder=None)) == [["a", "b"]]
    # held, then a next meeting announced: the later one told as still to come is another meeting
    next_one = meeting("b", "2025-04-05", "Anna Kovalenko will meet Boris Lind again on the grain corridor.", "meet")
    assert _groups(link([first, next_one], embedder=None)) == [["a"], ["b"]]


def test_a_bare_meeting_does_not_chain_two_meetings_with_other_guests():
    people = [("Ivo Petran", "PERSON"), ("Anna Kovalenko", "PERSON"), ("Boris Lind", "PERSON")]
    guest = lambda doc_id, name: _article(doc_id, "2025-04-01", [  # noqa: E731
        ("CONSULT", f"Mayor Ivo Petran met {name} in Lakeport.", "met", "Ivo Petran", name, "Lakeport")], people)
    bare = _article("b", "2025-04-01", [("CONSULT", "The meeting in Lakeport was useful.", "meeting", None, None,
                                         "Lakeport")])
    groups = _groups(link([guest("a", "Anna Kovalenko"), bare, guest("c", "Boris Lind")], embedder=None))
    assert ["a", "b"] in groups and ["c"] in groups  # "the meeting" is one of them; the other guest's is another


def test_a_country_run_into_a_person_s_name_is_that_person_among_a_meeting_s_sides():
    def visit(doc_id, sentence, entity):
        return _article(doc_id, "2025-04-01", [("CONSULT", sentence, "met", "Ivo Petran", None, "Lakeport")],
                        [("Ivo Petran", "PERSON"), entity])
    norway = visit("a", "Ivo Petran met Prime Minister of Norway Lars Venn in Lakeport.", ("Norway Lars Venn", "ORG"))
    other = visit("b", "Ivo Petran met Anna Kovalenko in Lakeport.", ("Anna Kovalenko", "PERSON"))
    assert _groups(link([norway, other], embedder=None)) == [["a"], ["b"]]  # Venn, not a body "Norway Lars Venn"
    council = visit("b", "Ivo Petran met the Norway Grain Council in Lakeport.", ("Norway Grain Council", "ORG"))
    assert _groups(link([norway, council], embedder=None)) == [["a", "b"]]  # a body word: a body, no person
