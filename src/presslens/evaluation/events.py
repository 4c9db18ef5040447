"""Event evaluation against PLOVER-style gold (`{"id","text","events":[…]}`, e.g. the PLOVER GSR).

Predictions are written as `{"id", "events": [{"type", "trigger_start", "trigger_end",
"evidence_start", "evidence_end", "actor", "target"}]}`.  Scoring follows the rules of
shared/tools/score_events.py: a prediction detects a gold event when its trigger span (else its
evidence span) overlaps the gold trigger; typed matches also need the same type; the actor is
right, among typed matches, when it shares a word of three or more letters with the gold actor.
Gold that codes one event per record (the PLOVER GSR: one sentence, its main event) is scored
against each record's main events only (`main_events`: the trigger highest in the parse).
"""
from __future__ import annotations

import re

from ..model import Analysis

# PLOVER codes what the text reports as done or said; a negated, hypothetical or intended (purpose)
# event stays on presslens's record with its modality but is not a PLOVER event; nor is a referred one
# (`mention: "referred"`, an act named inside another event: PLOVER codes the governing act only).
SCORED_MODALITIES = frozenset({"asserted", "hedged"})


def to_prediction(article_id: str, analysis: Analysis) -> dict:
    events = []
    for e in analysis.events:
        if e.modality not in SCORED_MODALITIES or e.mention == "referred":
            continue  # a referred act (named inside another event) is not coded by PLOVER
        trig = e.trigger or e.evidence
        events.append({"type": e.type, "trigger_start": trig.start, "trigger_end": trig.end,
                       "evidence_start": e.evidence.start, "evidence_end": e.evidence.end,
                       "actor": e.actor, "target": e.target})
    return {"id": article_id, "events": events}


def main_events(events: list[dict], doc) -> list[dict]:
    """A record's main events, for gold that codes one event per record: those whose trigger starts
    highest in the parse of the record (`doc`, parsed as the pipeline parses).  The governing clause's
    act is above the acts told below it ("welcomed the statement as proof of a wish for a settlement
    in the talks" is the welcoming, "have disarmed since the peace accord" the disarming), and the
    reported act above the reporting's asides ("troops withdrew, the minister said during a visit
    to X"); a speech act triggered from its reporting verb ("said it would withdraw") starts there.
    Events of one trigger (coordinated actors) all stay."""
    if not events:
        return events
    depths = [_depth(doc, e["trigger_start"], e["trigger_end"]) for e in events]
    return [e for e, d in zip(events, depths) if d == min(depths)]


def _depth(doc, start: int, end: int) -> int:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return len(doc)
    d, tok = 0, span[0]
    while tok.head.i != tok.i:
        d, tok = d + 1, tok.head
    return d


PARSE_PIPES = ("tok2vec", "tagger", "presslens_paragraphs", "parser")  # what `main_events` needs of the pipeline


def _span(e: dict) -> tuple[int | None, int | None]:
    if e.get("trigger_start") is not None:
        return e["trigger_start"], e["trigger_end"]
    return e.get("evidence_start"), e.get("evidence_end")


def _words(x) -> set[str]:
    if isinstance(x, list):
        x = " ".join(str(i) for i in x)
    return {w for w in re.findall(r"\w+", (x or "").lower()) if len(w) >= 3}


def _hits(gold: dict, pred: dict, type_field: str | None) -> bool:
    s, e = _span(pred)
    if min(e, gold["trigger_end"]) <= max(s, gold["trigger_start"]):
        return False
    return type_field is None or pred.get("type") == gold.get(type_field)


def score(gold: dict[str, dict], pred: dict[str, dict], type_field: str = "type_plover_2021") -> dict:
    n_gold = n_pred = det_g = det_p = typ_g = typ_p = actor_n = actor_ok = 0
    for gid, g in gold.items():
        ge = g.get("events", [])
        pe = [e for e in pred.get(gid, {}).get("events", []) if _span(e)[0] is not None]
        n_gold += len(ge)
        n_pred += len(pe)
        for gev in ge:
            det_g += any(_hits(gev, p, None) for p in pe)
            typed = [p for p in pe if _hits(gev, p, type_field)]
            typ_g += bool(typed)
            if typed and gev.get("actor"):
                actor_n += 1
                actor_ok += any(_words(p.get("actor")) & _words(gev["actor"]) for p in typed)
        for p in pe:
            det_p += any(_hits(gev, p, None) for gev in ge)
            typ_p += any(_hits(gev, p, type_field) for gev in ge)
    out = {"gold": n_gold, "pred": n_pred, "actor_n": actor_n, "actor_ok": actor_ok,
           "actor_acc": actor_ok / actor_n if actor_n else 0.0}
    for name, tp_p, tp_g in (("detect", det_p, det_g), ("typed", typ_p, typ_g)):
        p = tp_p / n_pred if n_pred else 0.0
        r = tp_g / n_gold if n_gold else 0.0
        out[f"{name}_P"], out[f"{name}_R"] = p, r
        out[f"{name}_F1"] = 2 * p * r / (p + r) if p + r else 0.0
    return out


def halves(gold: dict[str, dict], pred: dict[str, dict], type_field: str = "type_plover_2021") -> dict[str, dict]:
    """Scores on the even- and odd-numbered records (0-based, file order) separately: tune on one
    half, report the other as held out."""
    ids = list(gold)
    return {name: score({i: gold[i] for i in ids[start::2]}, pred, type_field) for name, start in (("even", 0), ("odd", 1))}


def halves_table(parts: dict[str, dict]) -> str:
    rows = ["| records | typed P | typed R | typed F1 | actor right |", "|---|---|---|---|---|"]
    for name, s in parts.items():
        rows.append(f"| {name} ({s['gold']}) | {s['typed_P']:.3f} | {s['typed_R']:.3f} | {s['typed_F1']:.3f} | "
                    f"{s['actor_acc']:.3f} ({s['actor_ok']}/{s['actor_n']}) |")
    return "\n".join(rows)


def table(s: dict) -> str:
    return "\n".join([
        "| | P | R | F1 |", "|---|---|---|---|",
        f"| detection | {s['detect_P']:.3f} | {s['detect_R']:.3f} | {s['detect_F1']:.3f} |",
        f"| typed | {s['typed_P']:.3f} | {s['typed_R']:.3f} | {s['typed_F1']:.3f} |",
        "",
        f"gold={s['gold']} pred={s['pred']}; actor right {s['actor_acc']:.3f} ({s['actor_ok']}/{s['actor_n']})",
    ])
