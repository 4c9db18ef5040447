"""Scoring against the hand-annotated genre gold (war and state-media news, `shared/data/genre`).

One gold article holds statements, PLOVER events and time expressions; only `must` items count
(the others are debatable: neither rewarded nor punished).  The matching rules are those of
`shared/tools/score_genre.py`, so both give the same figures on the same predictions:

- a statement is found when a predicted quote's content overlaps at least half of the gold
  content span; its speaker is right when a found quote's speaker name equals the gold name or
  shares a word of four or more letters with it ("Putin" ~ "Vladimir Putin");
- an event is found when a predicted event's evidence or trigger overlaps the gold trigger (or
  an alternative trigger); typed when the PLOVER type is equal too; asserted_by is right, among
  typed matches, when both say "author" or the names share a long word; its date is right when a
  typed match's date starts with the gold date;
- a time expression is right when an overlapping prediction's value starts with the gold value.

Predictions are `Analysis.to_dict()` records (what `presslens analyze --format jsonl` writes).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

COUNTS = ("articles", "missing_articles", "statements", "statements_found", "speaker_right",
          "events", "events_found", "events_typed", "asserted_right", "dated", "date_right",
          "times", "time_right")


@dataclass
class GenreScore:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    errors: list[str] = field(default_factory=list)

    def share(self, part: str, whole: str) -> float | None:
        return round(self.counts[part] / self.counts[whole], 3) if self.counts[whole] else None

    def summary(self) -> dict:
        out = dict(self.counts)
        out["speaker_right_share"] = self.share("speaker_right", "statements")
        out["events_typed_share"] = self.share("events_typed", "events")
        out["asserted_right_share"] = self.share("asserted_right", "events_typed")
        out["date_right_share"] = self.share("date_right", "dated")
        out["time_right_share"] = self.share("time_right", "times")
        return out


def _long_words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[\w']+", (text or "").lower()) if len(w) >= 4}


def same_name(predicted: str | None, gold: str | None) -> bool:
    """Equal, or sharing a word of four letters or more; "author" only matches "author"."""
    p, g = (predicted or "").strip().lower(), (gold or "").strip().lower()
    if "author" in (p, g):
        return p == g
    return bool(p) and (p == g or bool(_long_words(p) & _long_words(g)))


def _span(record: dict, key: str) -> tuple[int | None, int | None]:
    value = record.get(key)
    if isinstance(value, dict):
        return value.get("start"), value.get("end")
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return value[0], value[1]
    return record.get(f"{key}_start"), record.get(f"{key}_end")


def _overlap(a: tuple, b: tuple) -> int:
    if a[0] is None or b[0] is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _context(text: str, start: int, end: int) -> str:
    return (text[max(0, start - 90):start] + "[[" + text[start:end][:160] + "]]").replace("\n", " / ")


def _score_statements(gold: dict, predicted: dict, score: GenreScore) -> None:
    quotes = predicted.get("quotes", [])
    for q in gold.get("quotes", []):
        if not q.get("must"):
            continue
        span = tuple(q["content_span"])
        found = [p for p in quotes if _overlap(_span(p, "content"), span) > 0
                 and _overlap(_span(p, "content"), span) >= (span[1] - span[0]) / 2]
        right = any(same_name((p.get("speaker") or {}).get("name"), q["speaker"]) for p in found)
        score.counts["statements"] += 1
        score.counts["statements_found"] += bool(found)
        score.counts["speaker_right"] += right
        if not right:
            got = "missed" if not found else "speaker " + " | ".join(
                repr((p.get("speaker") or {}).get("name")) for p in found)
            score.errors.append(f"[{gold['id']}] statement {got}; gold {q['speaker']!r} ({q['kind']}): "
                                f"{_context(gold['text'], *span)}")


def _score_events(gold: dict, predicted: dict, score: GenreScore) -> None:
    events = predicted.get("events", [])
    for g in gold.get("events", []):
        if not g.get("must"):
            continue
        spans = [tuple(g["trigger_span"])] + [tuple(s) for s in g.get("alt_trigger_spans") or []]
        found = [p for p in events if any(_overlap(_span(p, "evidence"), s) or _overlap(_span(p, "trigger"), s)
                                          for s in spans)]
        typed = [p for p in found if p.get("type") == g["type"]]
        asserted = any(same_name(p.get("asserted_by"), g.get("asserted_by")) for p in typed)
        score.counts["events"] += 1
        score.counts["events_found"] += bool(found)
        score.counts["events_typed"] += bool(typed)
        score.counts["asserted_right"] += asserted
        if g.get("date"):
            score.counts["dated"] += 1
            score.counts["date_right"] += any(str(p.get("date") or "").startswith(g["date"]) for p in typed)
        if not typed or not asserted:
            if not found:
                got = "missed"
            elif not typed:
                got = "typed " + ",".join(sorted({str(p.get("type")) for p in found}))
            else:
                got = "asserted_by " + " | ".join(repr(p.get("asserted_by")) for p in typed)
            score.errors.append(f"[{gold['id']}] event {got}; gold {g['type']} asserted by {g.get('asserted_by')!r}: "
                                f"{_context(gold['text'], *spans[0])}")


def _score_times(gold: dict, predicted: dict, score: GenreScore) -> None:
    times = predicted.get("time_expressions", [])
    for g in gold.get("time_expressions", []):
        if not g.get("must", True):
            continue
        span = tuple(g["span"])
        overlapping = [p for p in times if _overlap((p.get("start"), p.get("end")), span)]
        right = any(str(p.get("value") or "").startswith(g["value"]) for p in overlapping)
        score.counts["times"] += 1
        score.counts["time_right"] += right
        if not right:
            score.errors.append(f"[{gold['id']}] time {g['text']!r} gold {g['value']} got "
                                f"{[p.get('value') for p in overlapping]} (published {gold.get('published')})")


def score(gold: list[dict], predictions: dict[str, dict]) -> GenreScore:
    """Score predictions (by article id) against gold articles."""
    result = GenreScore()
    for article in gold:
        predicted = predictions.get(article["id"])
        result.counts["articles"] += 1
        if predicted is None:
            result.counts["missing_articles"] += 1
            predicted = {}
        _score_statements(article, predicted, result)
        _score_events(article, predicted, result)
        _score_times(article, predicted, result)
    return result


def table(result: GenreScore) -> str:
    s = result.summary()

    def row(name: str, right: str, whole: str, share: float | None, found: str | None = None) -> str:
        found_cell = f"{s[found]}/{s[whole]}" if found else "—"
        return f"| {name} | {found_cell} | {s[right]}/{s[whole]} | {share if share is not None else '—'} |"

    return "\n".join([
        "| must-items | found | right | share right |", "|---|---|---|---|",
        row("statements (speaker right)", "speaker_right", "statements", s["speaker_right_share"], "statements_found"),
        row("events (typed)", "events_typed", "events", s["events_typed_share"], "events_found"),
        row("event asserted_by (of typed)", "asserted_right", "events_typed", s["asserted_right_share"]),
        row("event dates (of dated gold)", "date_right", "dated", s["date_right_share"]),
        row("time expressions", "time_right", "times", s["time_right_share"]),
        "",
        f"articles {s['articles']} (missing predictions for {s['missing_articles']})",
    ])
