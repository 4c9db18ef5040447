"""Scoring persuasion-technique spans with the SemEval-2020 partial-overlap metric.

For predicted spans S and gold spans T (character intervals, pooled over all articles):
precision = Σ|s∩t|/|s| / |S|, recall = Σ|s∩t|/|t| / |T|, counting only pairs whose
techniques agree in technique-aware (TC) mode.  Overlapping spans are merged first: all of
them for SI (techniques ignored), and within one technique for TC.  An article missing from
the predictions has no predicted spans.
"""
from __future__ import annotations

from collections import defaultdict

Spans = list[tuple[int, int, str]]


def merged(spans: Spans, by_technique: bool) -> Spans:
    """Merge spans sharing a character (touching spans stay apart), per technique or all together."""
    groups: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for start, end, technique in spans:
        groups[technique if by_technique else ""].append((start, end))
    out: Spans = []
    for technique, intervals in groups.items():
        current: list[list[int]] = []
        for start, end in sorted(intervals):
            if current and start < current[-1][1]:
                current[-1][1] = max(current[-1][1], end)
            else:
                current.append([start, end])
        out.extend((s, e, technique) for s, e in current)
    return out


def _prf(p_sum: float, n_pred: int, r_sum: float, n_gold: int) -> dict:
    p = p_sum / n_pred if n_pred else 0.0
    r = r_sum / n_gold if n_gold else 0.0
    if not n_pred and not n_gold:
        f = 1.0
    else:
        f = 2 * p * r / (p + r) if p and r else 0.0
    return {"precision": p, "recall": r, "f1": f, "n_pred": n_pred, "n_gold": n_gold}


def score(gold: dict[str, Spans], pred: dict[str, Spans], by_technique: bool) -> dict:
    """Micro P/R/F1 over all gold articles; with `by_technique`, also per technique."""
    totals = [0.0, 0, 0.0, 0]  # p_sum, n_pred, r_sum, n_gold
    per: dict[str, list] = defaultdict(lambda: [0.0, 0, 0.0, 0])
    for article_id, gold_spans in gold.items():
        g = merged(gold_spans, by_technique)
        p = merged(pred.get(article_id, []), by_technique)
        for rows, spans, slot in ((totals, p, 1), (totals, g, 3)):
            rows[slot] += len(spans)
        for _, _, t in p:
            per[t][1] += 1
        for _, _, t in g:
            per[t][3] += 1
        for ps, pe, pt in p:
            for gs, ge, gt in g:
                overlap = min(pe, ge) - max(ps, gs)
                if overlap <= 0 or (by_technique and pt != gt):
                    continue
                totals[0] += overlap / (pe - ps)
                totals[2] += overlap / (ge - gs)
                per[gt][0] += overlap / (pe - ps)
                per[gt][2] += overlap / (ge - gs)
    result = _prf(*totals)
    if by_technique:
        result["per_technique"] = {t: _prf(*v) for t, v in sorted(per.items())}
    return result


def spans_of(record: dict) -> Spans:
    return [(int(s["start"]), int(s["end"]), s.get("technique", "")) for s in record.get("spans", [])]


def table(si: dict, tc: dict) -> str:
    """Markdown table: SI and TC rows, then TC per technique."""
    lines = ["| mode | P | R | F1 | predicted | gold |", "|---|---|---|---|---|---|"]
    for name, r in (("SI (spans, technique ignored)", si), ("TC (technique-aware)", tc)):
        lines.append(f"| {name} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {r['n_pred']} | {r['n_gold']} |")
    lines += ["", "| technique (TC) | P | R | F1 | predicted | gold |", "|---|---|---|---|---|---|"]
    for t, r in tc["per_technique"].items():
        lines.append(f"| {t} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {r['n_pred']} | {r['n_gold']} |")
    return "\n".join(lines)
