"""The linking evaluation: its scoring maths on tiny invented clusterings (numbers computed by
hand), the mapping of predicted mentions onto gold ones, and the gold file against the corpus."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from presslens.cli import app
from presslens.evaluation.linking import (
    GoldError,
    GoldMention,
    bcubed,
    check_gold,
    errors_in_part,
    evaluate,
    match_spans,
    normalise_quotation,
    pairwise,
    predicted_clusters,
    read_gold,
    read_records,
    score_events,
    scores_by_part,
    table,
)
from presslens.model import Analysis, Event, Quote, Span, Speaker

from conftest import ROOT, shared_path

GOLD = ROOT / "eval" / "linking" / "gold.jsonl"
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

# gold: {a b c} {d e} {f}; predicted: {a b} {c d} {e f}
GOLD_CLUSTERS = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2, "f": 3}
PREDICTED = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "z", "f": "z"}


def test_pairwise_by_hand():
    # gold pairs ab ac bc de (4); predicted ab cd ef (3); shared ab (1)
    s = pairwise(GOLD_CLUSTERS, PREDICTED)
    assert (s.correct, s.predicted, s.gold) == (1, 3, 4)
    assert s.precision == pytest.approx(1 / 3)
    assert s.recall == pytest.approx(1 / 4)
    assert s.f1 == pytest.approx(2 / 7)


def test_pairwise_cross_document_only():
    # a and b are in one article: the pair ab drops out of both sides
    doc = {"a": 1, "b": 1, "c": 2, "d": 3, "e": 4, "f": 5}
    s = pairwise(GOLD_CLUSTERS, PREDICTED, keep=lambda x, y: doc[x] != doc[y])
    assert (s.correct, s.predicted, s.gold) == (0, 2, 3)
    assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)


def test_bcubed_by_hand():
    # per item (P, R): a (1, 2/3) b (1, 2/3) c (1/2, 1/3) d (1/2, 1/2) e (1/2, 1/2) f (1/2, 1)
    s = bcubed(GOLD_CLUSTERS, PREDICTED)
    assert s.precision == pytest.approx(2 / 3)
    assert s.recall == pytest.approx(11 / 18)
    assert s.f1 == pytest.approx(44 / 69)
    assert s.gold == 6


def test_all_singletons_predicted():
    alone = {k: k for k in GOLD_CLUSTERS}
    s = pairwise(GOLD_CLUSTERS, alone)
    assert s.precision is None and s.recall == 0.0 and s.f1 is None
    b = bcubed(GOLD_CLUSTERS, alone)
    assert b.precision == 1.0
    assert b.recall == pytest.approx((1 / 3 * 3 + 1 / 2 * 2 + 1) / 6)


def test_perfect_clustering():
    renamed = {k: f"p{v}" for k, v in GOLD_CLUSTERS.items()}
    assert pairwise(GOLD_CLUSTERS, renamed).f1 == 1.0
    assert bcubed(GOLD_CLUSTERS, renamed).f1 == pytest.approx(1.0)


def test_match_spans_is_one_to_one_by_overlap():
    gold = [(0, 10), (12, 20)]
    predicted = [(8, 14), (13, 15), None, (30, 40)]
    # (8,14) overlaps gold 0 by 2 and gold 1 by 2; (13,15) overlaps gold 1 by 2 — one each
    matched = match_spans(gold, predicted)
    assert sorted(matched) == [0, 1]
    assert len(set(matched.values())) == 2
    assert match_spans([(0, 5)], [(5, 9)]) == {}  # touching is not overlapping
    # a quote read as one by the system may hold two gold appearances
    assert match_spans([(0, 10), (12, 20)], [(0, 20)], one_to_one=False) == {0: 0, 1: 0}
    assert len(match_spans([(0, 10), (12, 20)], [(0, 20)])) == 1
    # equal overlaps: the tighter of two nested predictions, whatever their order
    assert match_spans([(30, 40)], [(0, 41), (28, 41)], one_to_one=False) == {0: 1}
    assert match_spans([(30, 40)], [(28, 41), (0, 41)]) == {0: 0}


def test_missed_and_unlinked_gold_are_singletons():
    gold = [GoldMention("event", "d1", 0, 5, "strike", "s1", "ASSAULT"),
            GoldMention("event", "d2", 10, 16, "attack", "s1", "ASSAULT"),
            GoldMention("event", "d3", 0, 4, "raid", "s1", "ASSAULT")]
    spans = {"d1": [(0, 6), (20, 30)], "d2": [(11, 14)], "d3": [(50, 60)]}
    clusters = [[("d1", 0), ("d2", 0), ("d1", 1)]]  # (d1, 1) has no gold
    labels, found, linked, unmatched = predicted_clusters(gold, spans, clusters)
    assert labels[0] == labels[1] == 0
    assert labels[2] == ("missed", 2)
    assert (found, linked, unmatched) == (2, 2, 1)
    scores = score_events(gold, labels)
    # all pairs of the one story are gold; only d1~d2 is predicted, and it is the only pair of found mentions
    assert (scores["pairwise, all pairs"].correct, scores["pairwise, all pairs"].gold) == (1, 3)
    found_only = scores["pairwise, cross-document pairs of found mentions"]
    assert (found_only.precision, found_only.recall) == (1.0, 1.0)


def test_normalise_quotation_ignores_marks_and_spacing():
    assert normalise_quotation("“We  stand firm” — he") == normalise_quotation('"we stand firm" - he.')


# --- evaluate() on invented articles and a stand-in for the linker's output ---------------------

@dataclass
class _Report:
    doc_id: str
    event_index: int


@dataclass
class _Story:
    reports: list


@dataclass
class _Appearance:
    doc_id: str
    quote_index: int


@dataclass
class _Statement:
    appearances: list


@dataclass
class _Links:
    stories: list
    statements: list


TEXTS = {
    "a": 'Drones struck the port of Veltra on Monday. "The port will reopen soon," the mayor said.',
    "b": 'The port of Veltra was hit by drones. "The port will reopen soon," the mayor told reporters.',
    "c": "Officials denied that the port of Veltra was struck. Talks with Orvan resumed.",
}


def _event(text, word, type_="ASSAULT"):
    s = text.index(word)
    span = Span.of(text, s, s + len(word))
    return Event(type=type_, actor=None, target=None, location=None, date=None, evidence=span, trigger=span)


def _quote(text, words):
    s = text.index(words)
    return Quote(kind="direct", content=Span.of(text, s, s + len(words)), cue=None, speaker=Speaker("the mayor"))


def _gold_rows():
    def ev(doc, word, story, type_="ASSAULT"):
        s = TEXTS[doc].index(word)
        return GoldMention("event", doc, s, s + len(word), word, story, type_)

    def st(doc, words, statement):
        s = TEXTS[doc].index(words)
        return GoldMention("statement", doc, s, s + len(words), words, statement, form="direct")

    return [ev("a", "struck", "veltra"), ev("b", "hit", "veltra"), ev("c", "struck", "veltra"),
            ev("c", "Talks", "orvan-talks", "CONSULT"),
            st("a", "The port will reopen soon", "mayor"), st("b", "The port will reopen soon", "mayor")]


def test_evaluate_end_to_end_on_invented_links():
    analyses = {
        "a": Analysis(text=TEXTS["a"], events=[_event(TEXTS["a"], "struck")], quotes=[_quote(TEXTS["a"], "The port will reopen soon")]),
        "b": Analysis(text=TEXTS["b"], events=[_event(TEXTS["b"], "hit")], quotes=[_quote(TEXTS["b"], "The port will reopen soon")]),
        # c: the linker gets the denial's event but puts the talks into the strike story too
        "c": Analysis(text=TEXTS["c"], events=[_event(TEXTS["c"], "struck"), _event(TEXTS["c"], "Talks", "CONSULT")]),
    }
    links = _Links(stories=[_Story([_Report("a", 0), _Report("b", 0), _Report("c", 0), _Report("c", 1)])],
                   statements=[_Statement([_Appearance("a", 0), _Appearance("b", 0)])])
    records = {k: {"id": k, "text": t} for k, t in TEXTS.items()}
    result = evaluate(_gold_rows(), records, analyses, links)

    cross = result.events.scores["pairwise, cross-document pairs"]
    # gold cross pairs: ab ac bc (3); predicted: ab ac bc a-talks b-talks (5; c-struck ~ c-talks is same-document)
    assert (cross.correct, cross.predicted, cross.gold) == (3, 5, 3)
    everything = result.events.scores["pairwise, all pairs"]
    assert (everything.correct, everything.predicted, everything.gold) == (3, 6, 3)
    assert result.events.found == 4 and result.events.unmatched_predicted == 0
    quoted = result.statements.scores["identical quotations"]
    assert (quoted.correct, quoted.predicted, quoted.gold) == (1, 1, 1)
    assert result.gold_counts["stories"] == 2 and result.gold_counts["statements in two or more articles"] == 1
    assert result.events.scores["pairwise, cross-document pairs of found mentions"] == cross  # all four were found
    assert result.events.errors[0] == "2 wrong links, 0 missed links between found mentions, 0 gold links with a side the analysis did not find"
    assert any("≠ orvan-talks" in e for e in result.events.errors)
    assert "| pairwise, cross-document pairs | 0.600 | 1.000 | 0.750 | 3 | 5 | 3 |" in table(result)
    assert "found by the analysis, by type: ASSAULT 3/3, CONSULT 1/1." in table(result)


SPEECH = {
    "s": "Friends of Veltra! The port will reopen soon. We will rebuild every pier.",  # the mayor's own speech
    "n": 'The mayor spoke at the harbour. "The port will reopen soon," he said. He promised to rebuild the piers.',
    "m": 'The mayor said the port would reopen. "We will rebuild every pier," he said.',
}


def test_statement_rows_tell_quotations_from_the_speakers_own_text(tmp_path):
    """A speech released as the speaker's own text is an appearance (`own_text`), scored in its own row;
    `of found mentions` keeps only the appearances the analysis found as quotes."""
    rows = [("s", "The port will reopen soon", "reopen", True), ("n", "The port will reopen soon", "reopen", False),
            ("s", "We will rebuild every pier", "rebuild", True), ("m", "We will rebuild every pier", "rebuild", False),
            ("n", "He promised to rebuild the piers", "rebuild", False)]
    path = tmp_path / "gold.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for doc, words, statement, own in rows:
            start = SPEECH[doc].index(words)
            row = {"kind": "statement", "id": doc, "span": [start, start + len(words)], "trigger": words.split()[0],
                   "form": "indirect" if words.startswith("He") else "direct", "statement": statement, "part": "dev"}
            fh.write(json.dumps(row | ({"own_text": True} if own else {})) + "\n")
    gold = read_gold(path)
    assert [m.own_text for m in gold] == [True, False, True, False, False]
    analyses = {d: Analysis(text=t, quotes=[]) for d, t in SPEECH.items()}
    analyses["n"].quotes = [_quote(SPEECH["n"], "The port will reopen soon")]
    analyses["m"].quotes = [_quote(SPEECH["m"], "We will rebuild every pier")]
    # the linker joins the two news quotations (wrongly: different statements); the speech has no quote
    links = _Links(stories=[], statements=[_Statement([_Appearance("n", 0), _Appearance("m", 0)])])
    result = evaluate(gold, {d: {"id": d, "text": t} for d, t in SPEECH.items()}, analyses, links)
    scores = result.statements.scores
    own = scores["direct, one side the speaker's own text"]
    assert (own.correct, own.predicted, own.gold) == (0, 0, 2)  # speech ~ n, speech ~ m: the speech side not found
    both = scores["direct, both sides quotations"]
    assert (both.correct, both.predicted, both.gold) == (0, 1, 0)  # n ~ m is a wrong link
    found = scores["direct quotations of found mentions"]
    assert (found.correct, found.predicted, found.gold) == (0, 1, 0)
    assert (scores["reworded (one side indirect)"].gold, scores["all cross-document pairs"].gold) == (2, 4)
    assert "| dev | 0.000 / 0.000 (2) | 0.000 / – (0) |" in table(result)


def test_read_gold_rejects_bad_lines(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"kind": "statement", "id": "x", "span": [0, 4], "trigger": "abcd", "statement": "s"}) + "\n")
    with pytest.raises(GoldError, match=r"gold.jsonl:1: a statement needs form"):
        read_gold(path)
    path.write_text(json.dumps({"kind": "event", "id": "x", "span": [5, 2], "trigger": "a", "story": "s"}) + "\n")
    with pytest.raises(GoldError, match="not a \\[start, end\\) range"):
        read_gold(path)


def test_check_gold_reports_offsets_and_triggers():
    mentions = [GoldMention("event", "a", 0, 6, "Drones", "s"), GoldMention("event", "a", 0, 6, "Ships", "s"),
                GoldMention("event", "a", 80, 999, "x", "s"), GoldMention("event", "zz", 0, 1, "x", "s")]
    problems = check_gold(mentions, {"a": TEXTS["a"]})
    assert len(problems) == 3
    assert "not 'Ships'" in problems[0] and "beyond the end" in problems[1] and "no such record" in problems[2]


def test_cli_names_a_missing_gold_file(tmp_path):
    result = CliRunner().invoke(app, ["eval", "linking", str(tmp_path / "nope.jsonl"), "--corpus", str(tmp_path)])
    assert result.exit_code == 2
    assert "no such gold file" in result.output


# --- the shipped gold against the genre corpus ------------------------------------------------------

def test_shipped_gold_fits_the_corpus():
    corpus = shared_path("data", "genre", "corpus.jsonl")
    mentions = read_gold(GOLD)
    records = read_records(corpus, {m.doc_id for m in mentions})
    assert check_gold(mentions, {k: r["text"] for k, r in records.items()}) == []


def test_shipped_gold_is_the_promised_size_and_shape():
    mentions = read_gold(GOLD)
    events = [m for m in mentions if m.kind == "event"]
    assert len(events) >= 150
    assert len({m.doc_id for m in events}) >= 40
    assert {m.type for m in events} <= PLOVER_TYPES
    assert all(1 <= len(m.trigger.split()) <= 8 for m in mentions)  # identifies a mention, never copies the text
    spans = [(m.kind, m.doc_id, m.start, m.end) for m in mentions]
    assert len(spans) == len(set(spans))
    assert Path(GOLD.parent / "GUIDE.md").exists()
    parts = {}
    for m in mentions:
        parts.setdefault((m.kind, m.cluster), set()).add(m.part)
    assert all(len(p) == 1 for p in parts.values())  # no story or statement crosses two parts
    dev2 = [m for m in events if m.part == "dev2"]  # the part of new windows (GUIDE.md)
    assert len(dev2) >= 150 and len({m.doc_id for m in dev2}) >= 40
    test2 = [m for m in events if m.part == "test2"]  # a second held-out part, new windows (GUIDE.md)
    assert len(test2) >= 150 and len({m.doc_id for m in test2}) >= 40
    story_docs = {}
    for m in test2:
        story_docs.setdefault(m.cluster, set()).add(m.doc_id)
    assert sum(len(d) >= 2 for d in story_docs.values()) >= 25


def test_cli_end_to_end_writes_the_results_section(tmp_path, monkeypatch):
    """The command on an invented corpus, with a stand-in linker that joins events of one type."""
    import sys
    import types

    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for doc_id, text in TEXTS.items():
            fh.write(json.dumps({"id": doc_id, "outlet": "Invented Wire", "published": "2031-05-05", "text": text}) + "\n")
    gold = tmp_path / "gold.jsonl"
    with gold.open("w", encoding="utf-8") as fh:
        for m in _gold_rows():
            row = {"kind": m.kind, "id": m.doc_id, "span": [m.start, m.end], "trigger": m.trigger}
            row.update({"type": m.type, "story": m.cluster} if m.kind == "event" else {"form": m.form, "statement": m.cluster})
            fh.write(json.dumps(row) + "\n")

    @dataclass(frozen=True)
    class LinkInput:
        doc_id: str
        outlet: str | None
        published: str | None
        analysis: Analysis

    def link(inputs, *, embedder="default"):
        by_type = {}
        for item in inputs:
            for n, event in enumerate(item.analysis.events):
                by_type.setdefault(event.type, []).append(_Report(item.doc_id, n))
        return _Links(stories=[_Story(reports) for reports in by_type.values()], statements=[])

    monkeypatch.setitem(sys.modules, "presslens.corpus", types.SimpleNamespace(LinkInput=LinkInput, link=link))
    results = tmp_path / "RESULTS.md"
    outcome = CliRunner().invoke(app, ["eval", "linking", str(gold), "--corpus", str(corpus), "--results", str(results), "--errors", "5"])
    assert outcome.exit_code == 0, outcome.output
    assert "pairwise, cross-document pairs" in outcome.output
    written = results.read_text(encoding="utf-8")
    assert "## Linking — stories and statements across articles" in written
    assert "B³, all mentions" in written and "identical quotations" in written


def test_cli_refuses_gold_that_does_not_fit_the_corpus(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": TEXTS["a"]}) + "\n")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"kind": "event", "id": "a", "span": [0, 6], "trigger": "Ships", "story": "s"}) + "\n")
    outcome = CliRunner().invoke(app, ["eval", "linking", str(gold), "--corpus", str(corpus)])
    assert outcome.exit_code == 2
    assert "does not fit" in outcome.output


def test_scores_by_part_keep_the_parts_apart():
    gold = [GoldMention("event", "d1", 0, 4, "raid", "s1", "ASSAULT", part="dev"),
            GoldMention("event", "d2", 0, 4, "raid", "s1", "ASSAULT", part="dev"),
            GoldMention("event", "d3", 0, 4, "talk", "s2", "CONSULT", part="test"),
            GoldMention("event", "d4", 0, 4, "talk", "s2", "CONSULT", part="test")]
    labels = {0: "x", 1: "x", 2: "x", 3: ("missed", 3)}  # the predicted cluster spans both parts
    parts = scores_by_part(gold, labels)
    assert parts["dev"]["pairwise, cross-document pairs"].f1 == 1.0
    assert parts["test"]["pairwise, cross-document pairs"].recall == 0.0
    assert parts["test"]["B³, all mentions"].gold == 2


def test_a_third_part_has_its_own_scores_and_errors():
    gold = [GoldMention("event", "d1", 0, 4, "raid", "s1", "ASSAULT", part="dev"),
            GoldMention("event", "d2", 0, 4, "raid", "s1", "ASSAULT", part="dev"),
            GoldMention("event", "d5", 0, 4, "call", "s3", "CONSULT", part="dev2"),
            GoldMention("event", "d6", 0, 4, "call", "s3", "CONSULT", part="dev2"),
            GoldMention("event", "d3", 0, 4, "talk", "s2", "CONSULT", part="test")]
    labels = {0: "x", 1: "x", 2: "y", 3: ("missed", 3), 4: "z"}
    parts = scores_by_part(gold, labels)
    assert sorted(parts) == ["dev", "dev2", "test"]
    assert parts["dev2"]["pairwise, cross-document pairs"].recall == 0.0
    assert parts["dev2"]["B³, all mentions"].gold == 2
    errors = errors_in_part(gold, labels, "dev2")
    assert errors and all("d1" not in e and "d2" not in e for e in errors)
    assert any("d6" in e for e in errors)
