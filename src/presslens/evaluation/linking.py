"""Cross-article linking scored against the hand-built gold of `eval/linking/`.

The gold (format in `eval/linking/GUIDE.md`) names event mentions and statement appearances by
record id and character span; it holds no article text. Scoring reads the gold articles from the
genre corpus, analyses them, links them with `presslens.corpus.link`, maps each gold mention to
the predicted event (or quote) of its article whose span overlaps it most, and compares the
predicted clusters with the gold ones:

* event linking — pairwise P/R/F1 over cross-document mention pairs (the headline: linking is
  about *different* articles), pairwise over all pairs, and B³ P/R/F1 over all gold mentions;
  the same among the gold mentions the analysis found (the linker apart from event detection),
  and the headline figures for each part of the gold (dev, dev2, test, test2) apart;
* statement linking — pairwise P/R/F1 over cross-document appearance pairs, overall and for
  pairs of direct quotations (identical or near-identical wording) and for the identical ones.

A gold mention the system did not find, or found but left out of every story, is a singleton
on the predicted side. Predicted mentions without a gold counterpart are left out of the scores
(the gold does not say whether they are right) but are counted and reported.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from .common import read_jsonl

KINDS = ("event", "statement")
FORMS = ("direct", "indirect")
# the event scores shown for each part of the gold
HEADLINE = ("pairwise, cross-document pairs", "B³, all mentions", "pairwise, cross-document pairs of found mentions")
# the statement scores shown for each part of the gold (precision and recall)
STATEMENT_HEADLINE = ("direct quotations (identical or near-identical)", "direct, both sides quotations",
                      "reworded (one side indirect)", "direct quotations of found mentions")


class GoldError(ValueError):
    """The gold file is malformed or does not fit the corpus it names."""


@dataclass(frozen=True)
class GoldMention:
    kind: str  # event | statement
    doc_id: str
    start: int
    end: int
    trigger: str  # the first words of the span, to check the offsets against the corpus text
    cluster: str  # story id (events) or statement id (statements)
    type: str | None = None  # PLOVER type of an event
    form: str | None = None  # direct | indirect, for a statement appearance
    part: str | None = None  # dev, dev2 (rules may be tuned on them) | test, test2 (held out: totals only), by article window
    own_text: bool = False  # a statement appearance that is the speaker's own published text (a speech), not a quotation


def read_gold(path: str | Path) -> list[GoldMention]:
    """Gold mentions in file order; a malformed line raises `GoldError` naming the line."""
    mentions = []
    for n, row in enumerate(read_jsonl(path), 1):
        try:
            kind = row["kind"]
            if kind not in KINDS:
                raise GoldError(f"kind must be one of {KINDS}, not {kind!r}")
            start, end = (int(x) for x in row["span"])
            if not 0 <= start < end:
                raise GoldError(f"span {row['span']} is not a [start, end) range")
            form = row.get("form")
            if kind == "statement" and form not in FORMS:
                raise GoldError(f"a statement needs form in {FORMS}, not {form!r}")
            mentions.append(GoldMention(kind, str(row["id"]), start, end, row["trigger"],
                                        row["story"] if kind == "event" else row["statement"],
                                        row.get("type"), form, row.get("part"), bool(row.get("own_text", False))))
        except GoldError as exc:
            raise GoldError(f"{path}:{n}: {exc}") from None
        except (KeyError, TypeError, ValueError) as exc:
            raise GoldError(f"{path}:{n}: malformed gold line ({exc!r})") from None
    return mentions


def check_gold(mentions: Iterable[GoldMention], texts: Mapping[str, str]) -> list[str]:
    """Problems with the gold against the corpus texts: unknown ids, spans out of range,
    spans that do not start with their trigger string. Empty when the gold fits."""
    problems = []
    for m in mentions:
        text = texts.get(m.doc_id)
        where = f"{m.kind} {m.cluster!r} in {m.doc_id} [{m.start}, {m.end})"
        if text is None:
            problems.append(f"{where}: no such record in the corpus")
        elif m.end > len(text):
            problems.append(f"{where}: beyond the end of the text ({len(text)} characters)")
        elif not text[m.start:m.end].startswith(m.trigger):
            problems.append(f"{where}: the text reads {text[m.start:m.start + len(m.trigger)]!r}, not {m.trigger!r}")
    return problems


# --- the scoring maths: clusterings compared on one set of items --------------------------------

@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1, with the counts they come from (None where undefined)."""

    precision: float | None
    recall: float | None
    f1: float | None
    correct: int | None = None
    predicted: int | None = None
    gold: int | None = None

    @classmethod
    def of(cls, correct: float, predicted: float, gold: float) -> "PRF":
        p = correct / predicted if predicted else None
        r = correct / gold if gold else None
        f = 2 * p * r / (p + r) if p is not None and r is not None and p + r else (0.0 if p is not None and r is not None else None)
        return cls(p, r, f, correct, predicted, gold)


def linked_pairs(clusters: Mapping[Hashable, Hashable], items: Iterable[Hashable],
                 keep=lambda a, b: True) -> set[frozenset]:
    """The unordered item pairs that share a cluster, among `items`, kept by `keep(a, b)`."""
    by_cluster = defaultdict(list)
    for item in items:
        by_cluster[clusters[item]].append(item)
    return {frozenset(pair) for members in by_cluster.values() for pair in combinations(members, 2) if keep(*pair)}


def pairwise(gold: Mapping[Hashable, Hashable], predicted: Mapping[Hashable, Hashable],
             keep=lambda a, b: True) -> PRF:
    """Pairwise link P/R/F1 over the items of `gold`: a pair is linked when both items share
    a cluster; `predicted` must give every gold item a cluster (singletons included)."""
    items = list(gold)
    gold_pairs = linked_pairs(gold, items, keep)
    predicted_pairs = linked_pairs(predicted, items, keep)
    return PRF.of(len(gold_pairs & predicted_pairs), len(predicted_pairs), len(gold_pairs))


def bcubed(gold: Mapping[Hashable, Hashable], predicted: Mapping[Hashable, Hashable]) -> PRF:
    """B³ (Bagga & Baldwin 1998): per item, the share of its predicted cluster that is in its
    gold cluster (precision) and the share of its gold cluster that is in its predicted cluster
    (recall), averaged over the items of `gold`."""
    items = list(gold)
    if not items:
        return PRF(None, None, None)
    cell = Counter((gold[i], predicted[i]) for i in items)
    gold_size = Counter(gold[i] for i in items)
    predicted_size = Counter(predicted[i] for i in items)
    precision = sum(cell[gold[i], predicted[i]] / predicted_size[predicted[i]] for i in items) / len(items)
    recall = sum(cell[gold[i], predicted[i]] / gold_size[gold[i]] for i in items) / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(precision, recall, f1, gold=len(items))


# --- mapping predicted mentions onto gold ones ----------------------------------------------------

def match_spans(gold: list[tuple[int, int]], predicted: list[tuple[int, int] | None], one_to_one: bool = True) -> dict[int, int]:
    """Gold index → predicted index, the pairs with the largest overlap first and, overlaps equal, the
    tighter predicted span first (a quote nested in a wider one that also holds the gold span is the
    closer reading, whichever the analysis listed first). One-to-one for events; for quotations one
    predicted quote may hold several gold appearances (a system may read an indirect lead and the
    direct sentence after it as one quote)."""
    candidates = []
    for gi, (gs, ge) in enumerate(gold):
        for pi, span in enumerate(predicted):
            if span is not None:
                overlap = min(ge, span[1]) - max(gs, span[0])
                if overlap > 0:
                    candidates.append((-overlap, span[1] - span[0], gi, pi))
    matched, used = {}, set()
    for _, _, gi, pi in sorted(candidates):
        if gi not in matched and (pi not in used or not one_to_one):
            matched[gi] = pi
            used.add(pi)
    return matched


def event_span(event) -> tuple[int, int]:
    where = event.trigger or event.evidence
    return where.start, where.end


def quote_span(quote) -> tuple[int, int]:
    return quote.content.start, quote.content.end


def normalise_quotation(text: str) -> str:
    """Compare quotations the way a reader does: case, marks, dashes and spacing aside."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[\"'“”‘’«»„`]", "", text)
    text = re.sub(r"[‐‑‒–—―-]+", "-", text)
    return re.sub(r"\s+", " ", text).strip(" .,;:")


@dataclass
class KindScores:
    """What the evaluation measured for one kind of link (events or statements)."""

    gold_mentions: int
    found: int  # gold mentions the analysis found (a predicted span overlaps)
    linked: int  # of those, how many the linker put in a cluster of two or more
    unmatched_predicted: int  # predicted mentions in a cluster with no gold counterpart
    scores: dict[str, PRF] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # readable descriptions of wrong links
    found_by_type: dict[str, tuple[int, int]] = field(default_factory=dict)  # type → (found, gold), events only
    by_part: dict[str, dict[str, PRF]] = field(default_factory=dict)  # part → headline scores


def predicted_clusters(gold: list[GoldMention], spans_by_doc: Mapping[str, list[tuple[int, int] | None]],
                       clusters: Iterable[Iterable[tuple[str, int]]], one_to_one: bool = True) -> tuple[dict[int, Hashable], int, int, int]:
    """Give every gold mention (by index) a predicted cluster label.

    `spans_by_doc[doc]` are the spans of all predicted mentions of a document (events or quotes,
    in their analysis order); `clusters` are the linker's clusters of (doc, index) members.
    Returns (labels, found, linked, unmatched predicted members of clusters)."""
    owner: dict[tuple[str, int], int] = {}
    sizes = []
    for n, members in enumerate(clusters):
        members = list(members)
        sizes.append(len(members))
        for member in members:
            owner[member] = n
    by_doc = defaultdict(list)
    for gi, m in enumerate(gold):
        by_doc[m.doc_id].append(gi)
    labels: dict[int, Hashable] = {}
    matched_members = set()
    found = linked = 0
    for doc, indices in by_doc.items():
        matched = match_spans([(gold[i].start, gold[i].end) for i in indices], spans_by_doc.get(doc, []), one_to_one)
        for local, gi in enumerate(indices):
            pi = matched.get(local)
            if pi is None:
                labels[gi] = ("missed", gi)
                continue
            found += 1
            matched_members.add((doc, pi))
            if (doc, pi) in owner:
                labels[gi] = owner[doc, pi]
                linked += sizes[owner[doc, pi]] > 1
            else:
                labels[gi] = ("alone", gi)
    unmatched = sum(1 for member in owner if member not in matched_members)
    return labels, found, linked, unmatched


def was_found(label: Hashable) -> bool:
    """Whether a gold mention's predicted label comes from a predicted mention (not a miss)."""
    return not (isinstance(label, tuple) and label[0] == "missed")


def score_events(gold: list[GoldMention], labels: Mapping[int, Hashable]) -> dict[str, PRF]:
    gold_clusters = {i: m.cluster for i, m in enumerate(gold)}
    found = {i: c for i, c in gold_clusters.items() if was_found(labels[i])}
    cross_document = lambda a, b: gold[a].doc_id != gold[b].doc_id  # noqa: E731
    return {
        "pairwise, cross-document pairs": pairwise(gold_clusters, labels, cross_document),
        "pairwise, all pairs": pairwise(gold_clusters, labels),
        "B³, all mentions": bcubed(gold_clusters, labels),
        "pairwise, cross-document pairs of found mentions": pairwise(found, labels, cross_document),
        "B³, found mentions": bcubed(found, labels),
    }


def score_statements(gold: list[GoldMention], labels: Mapping[int, Hashable], texts: Mapping[str, str]) -> dict[str, PRF]:
    gold_clusters = {i: m.cluster for i, m in enumerate(gold)}
    quoted = [normalise_quotation(texts[m.doc_id][m.start:m.end]) for m in gold]

    def cross(a, b):
        return gold[a].doc_id != gold[b].doc_id

    def direct(a, b):
        return cross(a, b) and gold[a].form == gold[b].form == "direct"

    def identical(a, b):
        return direct(a, b) and quoted[a] == quoted[b]

    def reworded(a, b):
        return cross(a, b) and "indirect" in (gold[a].form, gold[b].form)

    def quoted_both(a, b):
        return direct(a, b) and not (gold[a].own_text or gold[b].own_text)

    def own_text(a, b):
        return direct(a, b) and (gold[a].own_text or gold[b].own_text)

    found = {i: c for i, c in gold_clusters.items() if was_found(labels[i])}
    return {
        "all cross-document pairs": pairwise(gold_clusters, labels, cross),
        "direct quotations (identical or near-identical)": pairwise(gold_clusters, labels, direct),
        "identical quotations": pairwise(gold_clusters, labels, identical),
        "direct, both sides quotations": pairwise(gold_clusters, labels, quoted_both),
        "direct, one side the speaker's own text": pairwise(gold_clusters, labels, own_text),
        "reworded (one side indirect)": pairwise(gold_clusters, labels, reworded),
        "direct quotations of found mentions": pairwise(found, labels, direct),
        "all cross-document pairs of found mentions": pairwise(found, labels, cross),
    }


def link_errors(gold: list[GoldMention], labels: Mapping[int, Hashable], keep) -> list[str]:
    """Readable link errors, the linker's own first: predicted pairs across gold clusters (wrong),
    gold pairs it split though the analysis found both sides (missed), then gold pairs lost
    because the analysis did not find a side (not found)."""
    gold_clusters = {i: m.cluster for i, m in enumerate(gold)}
    items = list(gold_clusters)
    gold_pairs = linked_pairs(gold_clusters, items, keep)
    predicted_pairs = linked_pairs(labels, items, keep)

    def name(i):
        m = gold[i]
        label = labels[i]
        where = {"missed": "not found", "alone": "found, in no cluster"}[label[0]] if isinstance(label, tuple) else f"cluster {label}"
        return f"{m.doc_id.rsplit('/', 1)[-1]} {m.trigger!r} ({m.type or m.form}; {where})"

    wrong = [f"wrong link [{gold[a].cluster} ≠ {gold[b].cluster}]: {name(a)} ~ {name(b)}"
             for a, b in sorted(sorted(p) for p in predicted_pairs - gold_pairs)]
    missed = sorted(sorted(p) for p in gold_pairs - predicted_pairs)
    unlinked = [f"missed link [{gold[a].cluster}]: {name(a)} ~ {name(b)}"
                for a, b in missed if was_found(labels[a]) and was_found(labels[b])]
    undetected = [f"not found [{gold[a].cluster}]: {name(a)} ~ {name(b)}"
                  for a, b in missed if not (was_found(labels[a]) and was_found(labels[b]))]
    summary = (f"{len(wrong)} wrong links, {len(unlinked)} missed links between found mentions, "
               f"{len(undetected)} gold links with a side the analysis did not find")
    return [summary] + wrong + unlinked + undetected


# --- the whole run --------------------------------------------------------------------------------

@dataclass
class LinkingEvaluation:
    articles: int
    events: KindScores
    statements: KindScores
    gold_counts: dict[str, int]


def scores_by_part(mentions: list[GoldMention], labels: Mapping[int, Hashable], score=score_events,
                   headline=HEADLINE) -> dict[str, dict[str, PRF]]:
    """The headline scores (of events, or of statements with `score_statements`) on each part of
    the gold (dev, dev2, test, test2) apart."""
    parts = sorted({m.part for m in mentions if m.part})
    out = {}
    for part in parts:
        keep = [i for i, m in enumerate(mentions) if m.part == part]
        scores = score([mentions[i] for i in keep], {n: labels[i] for n, i in enumerate(keep)})
        out[part] = {name: scores[name] for name in headline}
    return out


def gold_counts(gold: list[GoldMention]) -> dict[str, int]:
    events = [m for m in gold if m.kind == "event"]
    statements = [m for m in gold if m.kind == "statement"]
    story_sizes = Counter(m.cluster for m in events)
    statement_sizes = Counter(m.cluster for m in statements)
    return {
        "articles": len({m.doc_id for m in gold}),
        "articles with events": len({m.doc_id for m in events}),
        "event mentions": len(events),
        "stories": len(story_sizes),
        "stories in two or more articles": sum(1 for s in story_sizes if len({m.doc_id for m in events if m.cluster == s}) > 1),
        "statement appearances": len(statements),
        "statements": len(statement_sizes),
        "statements in two or more articles": sum(1 for s in statement_sizes if len({m.doc_id for m in statements if m.cluster == s}) > 1),
    }


def read_records(corpus: str | Path, ids: Iterable[str]) -> dict[str, dict]:
    """The corpus records the gold names, by id; `GoldError` when some are not in the corpus."""
    wanted = set(ids)
    records = {}
    try:
        for row in read_jsonl(corpus):
            doc_id = str(row.get("id"))
            if doc_id in wanted:
                records[doc_id] = row
    except (json.JSONDecodeError, UnicodeDecodeError, AttributeError) as exc:
        raise GoldError(f"{corpus} is not a JSONL file of records ({exc})") from None
    missing = sorted(wanted - set(records))
    if missing:
        raise GoldError(f"{len(missing)} gold record(s) are not in {corpus}, e.g. {missing[0]}")
    return records


def errors_in_part(gold: list[GoldMention], labels: Mapping[int, Hashable], part: str | None) -> list[str]:
    """`link_errors` among the mentions of one part of the gold (all of it for None)."""
    keep = [i for i, m in enumerate(gold) if part is None or m.part in (part, None)]  # a gold without parts is one part
    sub = [gold[i] for i in keep]
    return link_errors(sub, {n: labels[i] for n, i in enumerate(keep)}, lambda a, b: sub[a].doc_id != sub[b].doc_id)


def evaluate(gold: list[GoldMention], records: Mapping[str, dict], analyses: Mapping[str, object], links,
             error_part: str | None = "dev") -> LinkingEvaluation:
    """Score `links` (a `presslens.corpus.Links`) of `analyses` (by doc id) against `gold`;
    link errors are listed for the mentions of `error_part` only (None: all)."""
    texts = {doc_id: r["text"] for doc_id, r in records.items()}
    events = [m for m in gold if m.kind == "event"]
    statements = [m for m in gold if m.kind == "statement"]

    event_spans = {d: [event_span(e) for e in a.events] for d, a in analyses.items()}
    story_members = [[(r.doc_id, r.event_index) for r in story.reports] for story in links.stories]
    labels, found, linked, unmatched = predicted_clusters(events, event_spans, story_members)
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for i, m in enumerate(events):
        by_type[m.type or "untyped"][0] += was_found(labels[i])
        by_type[m.type or "untyped"][1] += 1
    event_scores = KindScores(len(events), found, linked, unmatched, score_events(events, labels),
                              errors_in_part(events, labels, error_part),
                              {t: (f, n) for t, (f, n) in sorted(by_type.items(), key=lambda item: -item[1][1])},
                              scores_by_part(events, labels))

    quote_spans = {d: [quote_span(q) for q in a.quotes] for d, a in analyses.items()}
    statement_members = [[(ap.doc_id, ap.quote_index if ap.quote_index is not None else _own_text_index(quote_spans, ap))
                          for ap in s.appearances] for s in links.statements]
    s_labels, s_found, s_linked, s_unmatched = predicted_clusters(statements, quote_spans, statement_members, one_to_one=False)
    score = lambda mentions, labels: score_statements(mentions, labels, texts)  # noqa: E731
    statement_scores = KindScores(len(statements), s_found, s_linked, s_unmatched,
                                  score(statements, s_labels),
                                  errors_in_part(statements, s_labels, error_part),
                                  by_part=scores_by_part(statements, s_labels, score, STATEMENT_HEADLINE))
    return LinkingEvaluation(len(analyses), event_scores, statement_scores, gold_counts(gold))


def _own_text_index(spans: dict[str, list], appearance) -> int:
    """An own-text appearance (no quotation: a passage of the speaker's text) as one more predicted
    mention of its article, after its quotations."""
    spans.setdefault(appearance.doc_id, []).append((appearance.content.start, appearance.content.end))
    return len(spans[appearance.doc_id]) - 1


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _count(value: int | None) -> str:
    return "–" if value is None else str(value)


def table(result: LinkingEvaluation) -> str:
    """The Markdown tables of `eval/RESULTS.md`'s linking section."""
    lines = ["Gold: " + ", ".join(f"{v} {k}" for k, v in result.gold_counts.items()) + ".", ""]
    for title, scores in (("Event linking (stories)", result.events), ("Statement linking", result.statements)):
        lines += [f"**{title}** — {scores.gold_mentions} gold mentions; found by the analysis {scores.found}; "
                  f"of those in a predicted cluster of two or more {scores.linked}; predicted cluster members "
                  f"with no gold counterpart (not scored) {scores.unmatched_predicted}.", "",
                  "| measure | P | R | F1 | correct | predicted | gold |", "|---|---|---|---|---|---|---|"]
        for name, prf in scores.scores.items():
            lines.append(f"| {name} | {_cell(prf.precision)} | {_cell(prf.recall)} | {_cell(prf.f1)} | "
                         f"{_count(prf.correct)} | {_count(prf.predicted)} | {_count(prf.gold)} |")
        if scores.by_part and scores is result.statements:  # precision / recall (gold pairs) per part
            lines += ["", "| part | " + " | ".join(f"{name} P / R (gold)" for name in STATEMENT_HEADLINE) + " |",
                      "|---|" + "---|" * len(STATEMENT_HEADLINE)]
            for part, part_scores in scores.by_part.items():
                lines.append(f"| {part} | " + " | ".join(
                    f"{_cell(part_scores[name].precision)} / {_cell(part_scores[name].recall)} ({_count(part_scores[name].gold)})"
                    for name in STATEMENT_HEADLINE) + " |")
        elif scores.by_part:
            lines += ["", "| part | " + " | ".join(f"{name} F1" for name in HEADLINE) + " | gold mentions |",
                      "|---|" + "---|" * (len(HEADLINE) + 1)]
            for part, part_scores in scores.by_part.items():
                lines.append(f"| {part} | " + " | ".join(_cell(part_scores[name].f1) for name in HEADLINE)
                             + f" | {part_scores['B³, all mentions'].gold} |")
        if scores.found_by_type:
            lines += ["", "Gold mentions found by the analysis, by type: "
                      + ", ".join(f"{t} {f}/{n}" for t, (f, n) in scores.found_by_type.items()) + "."]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
