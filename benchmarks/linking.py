"""Linking cost against analysis cost on the genre corpus, and memory while linking.

    .venv/bin/python benchmarks/linking.py [--limit N] [--embedders use,lexical]

1. Analyses the genre corpus (`../shared/data/genre/corpus.jsonl`, 1,887 articles) with 2
   workers into a SQLite store under `benchmarks/.cache/` (kept: a rerun skips this step and
   reuses the wall-clock time it recorded).  The workers' CPU time is not visible from here
   (forkserver processes are not our children), so the analysis CPU baseline is measured in this
   process on the first `--sample` articles (`analyze_many`, CPU time) and scaled by words.
2. For each embedder, clears the links and links every stored article the way `presslens ingest`
   does — `presslens.store.linking.link_articles` in batches of 200, oldest first, a fresh
   `Linker` per batch that reads back only the stories and statements the batch may join — timing
   CPU and wall clock and sampling this process's RSS after every batch.
3. Writes the "Linking" section of benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import json
import platform
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from results import write_section  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "genre" / "corpus.jsonl"
CACHE = ROOT / "benchmarks" / ".cache"


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def analyse(db: Path, limit: int | None) -> dict:
    from presslens.parallel import analyze_parallel
    from presslens.store import open_store
    from presslens.store.writer import write_analysis

    records = [json.loads(line) for line in CORPUS.open(encoding="utf-8")][:limit]
    engine = open_store(str(db))
    analyses, started_cpu, started = [], cpu_seconds(), time.perf_counter()
    for analysis in analyze_parallel(({k: r.get(k) for k in ("id", "text", "title", "outlet", "published", "url")}
                                      for r in records), 2):
        analyses.append(analysis)
    meta = {"articles": len(records), "analysis_wall_s": time.perf_counter() - started,
            "analysis_cpu_s": cpu_seconds() - started_cpu, "errors": sum(bool(a.errors) for a in analyses),
            "words": sum(len(r["text"].split()) for r in records), "date": time.strftime("%Y-%m-%d")}
    for record, analysis in zip(records, analyses):
        if not analysis.errors:
            write_analysis(engine, analysis, document_id=record["id"])
    meta["events"], meta["quotes"] = (sum(len(a.events) for a in analyses), sum(len(a.quotes) for a in analyses))
    engine.dispose()
    return meta


def analysis_cpu_per_word(sample: int) -> tuple[float, int, int]:
    """CPU seconds per word of `analyze_many` in this process over the first `sample` articles."""
    from presslens import analyze_many

    records = [json.loads(line) for _, line in zip(range(sample), CORPUS.open(encoding="utf-8"))]
    list(analyze_many(records[:2]))  # load the model outside the timing
    started = time.process_time()
    for _ in analyze_many({k: r.get(k) for k in ("id", "text", "title", "outlet", "published")} for r in records):
        pass
    words = sum(len(r["text"].split()) for r in records)
    return (time.process_time() - started) / words, len(records), words


def link_all(db: Path, embedder: str, batch: int) -> dict:
    from sqlalchemy import func, select

    from presslens.store import open_store
    from presslens.store.corpus_schema import embeddings, statements, stories
    from presslens.store.linking import link_articles
    from presslens.store.schema import articles

    copy = db.with_name(f"{db.stem}-{embedder}.db")
    for stale in (Path(f"{copy}-wal"), Path(f"{copy}-shm")):  # a run stopped midway leaves them: not this copy's
        stale.unlink(missing_ok=True)
    shutil.copy(db, copy)
    engine = open_store(str(copy))
    with engine.connect() as conn:
        ids = list(conn.scalars(select(articles.c.id).order_by(articles.c.published.nulls_last(), articles.c.id)))
    samples, started_cpu, started = [], time.process_time(), time.perf_counter()
    for i in range(0, len(ids), batch):
        link_articles(engine, ids[i:i + batch], embedder=embedder)
        samples.append((min(i + batch, len(ids)), rss_mib(), time.process_time() - started_cpu))
    result = {"embedder": embedder, "cpu_s": time.process_time() - started_cpu, "wall_s": time.perf_counter() - started,
              "rss": samples}
    with engine.connect() as conn:
        result["stories"] = conn.scalar(select(func.count()).select_from(stories))
        result["multi"] = conn.scalar(select(func.count()).select_from(stories).where(stories.c.reports > 1))
        result["statements"] = conn.scalar(select(func.count()).select_from(statements))
        result["linked_statements"] = conn.scalar(select(func.count()).select_from(statements)
                                                  .where(statements.c.appearances > 1))
        result["embedded"] = conn.scalar(select(func.count()).select_from(embeddings))
    engine.dispose()
    copy.unlink()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="Only the first N articles of the corpus.")
    parser.add_argument("--embedders", default="use,lexical")
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--sample", type=int, default=150, help="Articles analysed in-process for the CPU baseline.")
    parser.add_argument("--reuse-links", action="store_true", help="Report the link runs saved by an earlier run.")
    args = parser.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    name = f"genre-{args.limit or 'all'}"
    db, meta_path = CACHE / f"{name}.db", CACHE / f"{name}.json"
    if not db.exists() or not meta_path.exists():
        db.unlink(missing_ok=True)
        meta_path.write_text(json.dumps(analyse(db, args.limit)), encoding="utf-8")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    print(json.dumps(meta), flush=True)
    if "cpu_per_word" not in meta:
        meta["cpu_per_word"], meta["sample_articles"], meta["sample_words"] = analysis_cpu_per_word(args.sample)
        meta_path.write_text(json.dumps(meta), encoding="utf-8")
    meta["analysis_cpu_s"] = meta["cpu_per_word"] * meta["words"]
    runs = []
    for embedder in args.embedders.split(","):
        saved = CACHE / f"{name}-link-{embedder}.json"
        if not (args.reuse_links and saved.exists()):
            saved.write_text(json.dumps(link_all(db, embedder, args.batch)), encoding="utf-8")
        runs.append(json.loads(saved.read_text(encoding="utf-8")))
        print(json.dumps(runs[-1]), flush=True)
    if args.no_write:
        return
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    rows = []
    for run in runs:
        first, last = run["rss"][0][1], run["rss"][-1][1]
        peak = max(s[1] for s in run["rss"])
        rows.append(f"| {run['embedder']} | {run['cpu_s']:.1f} | {run['wall_s']:.1f} | "
                    f"**{run['cpu_s'] / meta['analysis_cpu_s']:.3f}** | {run['wall_s'] / meta['analysis_wall_s']:.3f} | "
                    f"{first:.0f} → {last:.0f} (peak {peak:.0f}) | {run['embedded']:,} | {run['stories']:,} ({run['multi']:,}) | "
                    f"{run['statements']:,} ({run['linked_statements']:,}) |")
    body = f"""Command: `.venv/bin/python benchmarks/linking.py{' --limit ' + str(args.limit) if args.limit else ''} --embedders {args.embedders}`
— {meta['articles']:,} articles of `../shared/data/genre/corpus.jsonl` ({meta['words']:,} words; {meta['events']:,} events,
{meta['quotes']:,} quotes), commit {commit}, {platform.python_version()}, {platform.machine()}, 2 cores shared with other
developers' jobs (load average {Path('/proc/loadavg').read_text().split()[0]} at the end).

Analysis (2 workers, run {meta['date']}; cached in `benchmarks/.cache/` and reused): {meta['analysis_wall_s']:.0f} s wall clock,
{meta['errors']} errors; CPU **{meta['analysis_cpu_s']:.0f} s** = {1e3 * meta['cpu_per_word']:.2f} ms per word measured in-process
on the first {meta['sample_articles']} articles ({meta['sample_words']:,} words) × {meta['words']:,} words (the workers' own CPU
time cannot be read from the parent). Linking: every stored article linked the way
`presslens ingest` links it, in batches of {args.batch} (a fresh `Linker` per batch reads back only the stories and
statements the batch may join), CPU and wall clock of this process, RSS after each batch.

| embedder | link CPU s | link wall s | CPU link / analysis | wall link / analysis | RSS MiB first → last batch | texts embedded | stories (told by 2+) | statements (carried 2+) |
|---|---:|---:|---:|---:|---|---:|---:|---:|
{chr(10).join(rows)}

Target: link / analysis ≤ 0.2 with memory flat."""
    write_section("Linking: cost against analysis, memory", body)


if __name__ == "__main__":
    main()
