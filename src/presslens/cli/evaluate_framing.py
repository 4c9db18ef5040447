"""`presslens eval framing`: persuasion-technique spans against PTC-style gold, SI and
technique-aware partial-overlap P/R/F1, optionally cross-validated (folds by article)."""
from __future__ import annotations

import json
from pathlib import Path

import typer

from ..files import write_jsonl
from .app import command_line, eval_app, fail


@eval_app.command("framing")
def eval_framing(
    gold: Path = typer.Argument(..., help="Gold JSONL in the format of shared/data/ptc (SemEval-2020 technique names)."),
    predictions_out: Path = typer.Option(None, help="Write predictions here: {id, spans: [{start, end, technique}]}, gold naming."),
    folds: int = typer.Option(0, help="K-fold cross-validation by article: train K models with configs/framing.toml (0: score the shipped model)."),
    results: Path = typer.Option(None, help="Also record the tables in this Markdown file (e.g. eval/RESULTS.md)."),
) -> None:
    """Learned technique tagger: SI and technique-aware P/R/F1 (SemEval-2020 partial overlap)."""
    from ..evaluation.common import read_jsonl, update_results
    from ..evaluation.framing import score, spans_of, table
    from ..framing.corpus import parse_articles
    from ..framing.tagger import TechniqueTagger, shipped_tagger
    from ..framing.techniques import to_2020

    if not gold.exists():
        fail(f"no such gold file: {gold}")
    articles = list(read_jsonl(gold))
    docs = dict(zip((str(a["id"]) for a in articles), parse_articles(articles, n_process=2)))
    predicted: dict[str, list] = {}

    def predict(tagger: TechniqueTagger, batch: list[dict]) -> None:
        for a in batch:
            predicted[str(a["id"])] = [(s, e, to_2020(t)) for s, e, t, _ in tagger.predict(docs[str(a["id"])])]

    if folds > 1:
        from ..framing.training import Example, train_model

        order = sorted(articles, key=lambda a: str(a["id"]))
        for k in range(folds):
            held_out = order[k::folds]
            rest = [Example(a, docs[str(a["id"])]) for i, a in enumerate(order) if i % folds != k]
            typer.echo(f"fold {k + 1}/{folds}: training on {len(rest)} articles", err=True)
            tagger = train_model(rest)
            typer.echo(f"fold {k + 1}/{folds}: thresholds {tagger.thresholds}", err=True)
            predict(tagger, held_out)
    else:
        predict(shipped_tagger(), articles)

    if predictions_out:
        write_jsonl(predictions_out, (json.dumps({"id": article_id, "spans": [{"start": s, "end": e, "technique": t} for s, e, t in spans]},
                                                 ensure_ascii=False) for article_id, spans in predicted.items()))
    gold_spans = {str(a["id"]): spans_of(a) for a in articles}
    out = table(score(gold_spans, predicted, False), score(gold_spans, predicted, True))
    typer.echo(out)
    if results:
        how = f"{folds}-fold cross-validation by article" if folds > 1 else "the shipped model"
        command = command_line()
        body = f"Command: `{command}` — {how}, {len(articles)} articles of `{gold.name}`.\n\n{out}\n"
        update_results(results, f"Framing — {gold.name}" + (f" ({folds}-fold CV)" if folds > 1 else ""), body)
