"""CPU time of each pipeline component, spaCy's and presslens's, over one input set.

    python benchmarks/components.py [--input ../shared/data/polnear/dev.jsonl]

Without `--input`, the fixed set of `same_output.py` (genre dev, the reference article, every 19th
genre corpus article).  Every Doc goes through the components one by one, each timed by this
process's CPU time, then through `convert`.  Far steadier than wall-clock throughput on a shared
machine: it says which annotator costs what against the statistical parse.  Prints only.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from presslens.convert import analysis_from_doc
from presslens.pipeline import get_pipeline, load_base_model
from presslens.doccache import remember_text
from presslens.validate import check_published, check_text
from same_output import fixed_records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path)
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.input.open(encoding="utf-8")] if args.input else fixed_records()
    records = [(check_text(r["text"]), check_published(r.get("published"))) for r in rows]
    records = [r for r in records if len(r[0]) <= 100_000]  # longer texts go in pieces
    nlp = get_pipeline()

    def make_doc(record):
        text, published = record
        doc = nlp.make_doc(text)
        remember_text(doc, text)
        doc._.published = published
        return doc
    statistical = set(load_base_model().pipe_names)
    for doc in nlp.pipe([make_doc(r) for r in records[:4]]):  # warm: first calls load tables
        analysis_from_doc(doc)
    totals: dict[str, float] = {}
    for record in records:
        doc = make_doc(record)
        for name, proc in nlp.pipeline:
            start = time.process_time()
            doc = proc(doc)
            totals[name] = totals.get(name, 0.0) + time.process_time() - start
        start = time.process_time()
        analysis_from_doc(doc)
        totals["convert"] = totals.get("convert", 0.0) + time.process_time() - start
    for name, seconds in totals.items():
        print(f"{name:24s} {seconds:7.2f} s")
    spacy_s = sum(v for k, v in totals.items() if k in statistical)
    ours = sum(v for k, v in totals.items() if k not in statistical)
    print(f"{len(records)} articles: spaCy {spacy_s:.2f} s, presslens {ours:.2f} s, "
          f"spaCy / (spaCy + presslens) = {spacy_s / (spacy_s + ours):.3f}")


if __name__ == "__main__":
    main()
