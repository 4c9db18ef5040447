"""Attribution evaluation against PolNeAR-format gold (`{"id","text","quotes":[…]}`).

Predictions are written in the gold format (content_start/end, content_spans, speaker with its
mention offsets, cue, kind).  Scoring follows the rules of shared/tools/score_attribution.py:
one-to-one greedy matching per article by content overlap ≥ half the gold content; with a
kind filter, predictions of other kinds are dropped and unmatched predictions that would match
a gold quote of another kind are ignored; speaker and cue are right when their character
spans overlap (word overlap when a side has no offsets).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Analysis
from .common import prf

KINDS = ("direct", "mixed", "indirect")


def to_gold_format(article_id: str, analysis: Analysis) -> dict:
    quotes = []
    for q in analysis.quotes:
        pieces = q.pieces or [q.content]
        m = q.speaker.mention
        quotes.append({
            "content_start": q.content.start,
            "content_end": q.content.end,
            "content_spans": [[p.start, p.end] for p in pieces],
            "speaker": q.speaker.name if m is None else m.text,
            "speaker_canonical": q.speaker.name,
            "speaker_start": m.start if m else None,
            "speaker_end": m.end if m else None,
            "cue": q.cue.text if q.cue else None,
            "cue_start": q.cue.start if q.cue else None,
            "cue_end": q.cue.end if q.cue else None,
            "kind": q.kind,
        })
    return {"id": article_id, "quotes": quotes}


def _chars(q: dict, part: str) -> set[int]:
    spans = q.get(part + "_spans")
    if not spans:
        s, e = q.get(part + "_start"), q.get(part + "_end")
        spans = [] if s is None or e is None else [[s, e]]
    return {c for s, e in spans for c in range(s, e)}


def _words(s: str | None) -> set[str]:
    return set(re.findall(r"\w+", (s or "").lower()))


def _part_right(gold: dict, pred: dict, part: str) -> bool | None:
    if gold.get(part) is None:
        return None
    g, p = _chars(gold, part), _chars(pred, part)
    if g and p:
        return bool(g & p)
    return bool(_words(gold.get(part)) & _words(pred.get(part)))


def score(gold: dict[str, dict], pred: dict[str, dict], kinds: Iterable[str], min_overlap: float = 0.5) -> dict:
    kinds = set(kinds)
    n_gold = n_pred = tp = ignored = 0
    spk_n = spk_ok = cue_n = cue_ok = joint = 0
    for aid, g_article in gold.items():
        gq_all = g_article.get("quotes", [])
        gq = [q for q in gq_all if q.get("kind", "direct") in kinds]
        other = [q for q in gq_all if q.get("kind", "direct") not in kinds]
        pq = [q for q in pred.get(aid, {}).get("quotes", []) if q.get("kind") is None or q.get("kind") in kinds]
        g_chars = [_chars(q, "content") for q in gq]
        p_chars = [_chars(q, "content") for q in pq]
        pairs = []
        for gi, gc in enumerate(g_chars):
            for pi, pc in enumerate(p_chars):
                ov = len(gc & pc)
                if gc and ov >= min_overlap * len(gc):
                    pairs.append((ov, gi, pi))
        pairs.sort(reverse=True)
        used_g, used_p = set(), set()
        for ov, gi, pi in pairs:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            tp += 1
            s = _part_right(gq[gi], pq[pi], "speaker")
            if s is not None:
                spk_n += 1
                spk_ok += s
            c = _part_right(gq[gi], pq[pi], "cue")
            if c is not None:
                cue_n += 1
                cue_ok += c
            joint += bool(s) if s is not None else 1
        other_chars = [_chars(q, "content") for q in other]
        for pi, pc in enumerate(p_chars):
            if pi in used_p:
                continue
            if any(oc and len(oc & pc) >= min_overlap * len(oc) for oc in other_chars):
                ignored += 1
        n_gold += len(gq)
        n_pred += len(pq)
    n_pred_counted = n_pred - ignored
    p, r, f = prf(tp, n_pred_counted, n_gold)
    jp, jr, jf = prf(joint, n_pred_counted, n_gold)
    return {
        "kinds": ",".join(sorted(kinds)), "gold": n_gold, "pred": n_pred_counted, "tp": tp,
        "precision": p, "recall": r, "f1": f,
        "speaker_accuracy": spk_ok / spk_n if spk_n else 0.0,
        "cue_accuracy": cue_ok / cue_n if cue_n else 0.0,
        "joint_f1": jf,
    }


def score_all(gold: dict[str, dict], pred: dict[str, dict]) -> list[dict]:
    rows = [score(gold, pred, [k]) for k in KINDS]
    rows.append(score(gold, pred, KINDS))
    rows[-1]["kinds"] = "all"
    return rows


def table(rows: list[dict]) -> str:
    lines = ["| kinds | gold | pred | P | R | F1 | speaker acc. | cue acc. | joint F1 |", "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['kinds']} | {r['gold']} | {r['pred']} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | "
                     f"{r['speaker_accuracy']:.3f} | {r['cue_accuracy']:.3f} | {r['joint_f1']:.3f} |")
    return "\n".join(lines)
