"""`presslens eval …`: score extractors against gold JSONL and record the numbers."""
from __future__ import annotations

import json
from pathlib import Path

import typer

from .app import command_line, eval_app, fail

@eval_app.command("attribution")
def eval_attribution(
    gold: Path = typer.Argument(..., help="Gold JSONL in the PolNeAR format of shared/data/polnear."),
    predictions_out: Path = typer.Option(None, help="Write predictions here, in the gold format."),
    results: Path = typer.Option(None, help="Also record the table in this Markdown file (e.g. eval/RESULTS.md)."),
    limit: int = typer.Option(0, help="Only the first N articles (0: all)."),
    include_beliefs: bool = typer.Option(False, help="Also report attributed beliefs and intentions (think, want, support …), as PolNeAR annotates them."),
) -> None:
    """Quotes: P/R/F1 for direct, mixed, indirect and all kinds, speaker and cue accuracy."""
    from .. import analyze_many
    from ..evaluation.attribution import score_all, table, to_gold_format
    from ..evaluation.common import read_jsonl

    if not gold.exists():
        fail(f"no such gold file: {gold}")
    if include_beliefs:
        from ..pipeline import get_pipeline

        get_pipeline().get_pipe("presslens_attribution").include_beliefs = True
    articles = list(read_jsonl(gold))
    if limit:
        articles = articles[:limit]
    records = [{"id": a["id"], "text": a["text"], "published": (a.get("meta") or {}).get("publication_date")} for a in articles]
    predictions = {}
    for article, analysis in zip(articles, analyze_many(records, max_bytes=10_000_000)):
        predictions[article["id"]] = to_gold_format(article["id"], analysis)
    if predictions_out:
        predictions_out.parent.mkdir(parents=True, exist_ok=True)
        with predictions_out.open("w", encoding="utf-8") as fh:
            for p in predictions.values():
                fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    rows = score_all({a["id"]: a for a in articles}, predictions)
    out = table(rows)
    typer.echo(out)
    if results:
        from ..evaluation.common import update_results

        body = f"Command: `{command_line()}` on {len(articles)} articles of `{gold.name}`.\n\n{out}\n"
        update_results(results, f"Attribution — {gold.name}", body)


@eval_app.command("events")
def eval_events(
    gold: Path = typer.Argument(..., help="Gold JSONL in the PLOVER format of shared/data/plover/gsr.jsonl."),
    predictions_out: Path = typer.Option(None, help="Write predictions here ({id, events: [{type, trigger_*, evidence_*, actor, target}]})."),
    results: Path = typer.Option(None, help="Also record the table in this Markdown file (e.g. eval/RESULTS.md)."),
    type_field: str = typer.Option("type_plover_2021", help="Gold field holding the event type: type_plover_2021 (the 16 current PLOVER types, which presslens emits) or type (the older names)."),
    split_halves: bool = typer.Option(False, "--halves", help="Also score even- and odd-numbered records apart (the even half is where the rules were tuned)."),
) -> None:
    """Events: detection and typed P/R/F1 and actor accuracy, by the rules of score_events.py."""
    from .. import analyze_many
    from ..evaluation.common import read_jsonl, update_results
    from ..evaluation.events import halves, halves_table, score, table, to_prediction

    if not gold.exists():
        fail(f"no such gold file: {gold}")
    records = list(read_jsonl(gold))
    inputs = [{"id": r["id"], "text": r["text"], "published": r.get("published")} for r in records]
    predictions = {r["id"]: to_prediction(r["id"], a) for r, a in zip(records, analyze_many(inputs))}
    if predictions_out:
        predictions_out.parent.mkdir(parents=True, exist_ok=True)
        with predictions_out.open("w", encoding="utf-8") as fh:
            for p in predictions.values():
                fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    by_id = {r["id"]: r for r in records}
    out = table(score(by_id, predictions, type_field))
    if split_halves:
        out += "\n\n" + halves_table(halves(by_id, predictions, type_field))
    typer.echo(out)
    if results:
        body = (f"Command: `{command_line()}` on {len(records)} records of `{gold.name}`, typed against `{type_field}`.\n\n"
                "Nothing is trained on this file: the trigger lexicon and rules are hand-written from the PLOVER codebook. "
                "But rules were chosen by looking at errors on it. The first version adopted one rule (fold a governed event "
                "verb into its governing event) after scoring on the whole file. The later rules — event nouns (\"the attack "
                "on X\"), light verbs typed by their event-noun object, stated intentions as AGREE/THREATEN with the reporting "
                "verb as trigger, the fix for past forms the lemmatizer gets wrong, folding any event word below another "
                "event's trigger — were chosen from errors read on the even-numbered records only (odd-half totals were printed "
                "after each change, its errors never read), so the odd-numbered half is the fairer figure.\n\n"
                f"{out}\n")
        update_results(results, f"Events — {gold.name}", body)


@eval_app.command("genre")
def eval_genre(
    gold: Path = typer.Argument(..., help="Gold JSONL in the format of shared/data/genre/dev.jsonl."),
    predictions_out: Path = typer.Option(None, help="Write the analyses here, one JSON record a line (what score_genre.py reads)."),
    results: Path = typer.Option(None, help="Also record the table in this Markdown file (e.g. eval/RESULTS.md)."),
    errors: bool = typer.Option(False, "--errors", help="Print every must-item missed or wrong, with its context, on stderr."),
) -> None:
    """War and state-media news: statements and speakers, events, asserted_by, dates, time expressions."""
    from .. import META_FIELDS, analyze_many
    from ..evaluation.common import read_jsonl, update_results
    from ..evaluation.genre import score, table

    if not gold.exists():
        fail(f"no such gold file: {gold}")
    articles = list(read_jsonl(gold))
    records = [{"id": a["id"], "text": a["text"], **{k: a.get(k) for k in META_FIELDS}} for a in articles]
    predictions = {a["id"]: analysis.to_dict() for a, analysis in zip(articles, analyze_many(records))}
    if predictions_out:
        predictions_out.parent.mkdir(parents=True, exist_ok=True)
        with predictions_out.open("w", encoding="utf-8") as fh:
            for p in predictions.values():
                fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    result = score(articles, predictions)
    if errors:
        typer.echo("\n".join(result.errors), err=True)
    out = table(result)
    typer.echo(out)
    if results:
        body = (f"Command: `{command_line()}` on {len(articles)} hand-annotated articles of `{gold.name}`; "
                "only must-items count, matched by the rules of `shared/tools/score_genre.py`.\n\n"
                f"{out}\n")
        update_results(results, f"Genre — {gold.name}", body)
