"""How fast and how big: chars/s, docs/s and peak memory per stage of `kg build`, on generated corpora.

    PYTHONPATH=. .venv/bin/python benchmarks/scale.py --sizes 0 1 10 50 --workers 1 2
    PYTHONPATH=. .venv/bin/python benchmarks/scale.py --sizes 1 --tagger jieba      # the tagger switch
    PYTHONPATH=. .venv/bin/python benchmarks/scale.py --sizes 1 --graph-triples 1000000   # RDF + kg query at 1M

Size 0 is the bundled sample corpus. A generated corpus of N MB (UTF-8) is made from the sample's
paragraphs, shuffled, with 5 % of the Han characters replaced by random others of the corpus (so names
are new, and no cache or repetition flatters the figures), cut into documents of ~5,000 characters
with a year in the file name. Stages:

  ingest      read + decode + clean every file (kg.ingest.read_document)
  nlp         sentence splitter + tagger (LAC or jieba) — the statistical part
  extraction  entity recognition + relations + to_extraction
  resolution  kg.resolve (the reduce step)
  SHACL check kg build's validation of the graph (skipped by kg build above its statement limit)
  rdf         pyoxigraph store + Turtle file (kg export ttl), and each shipped `kg query` on that file
  html        graph.html

With --workers N > 1 the three extraction stages run in N processes and are timed together
("extract"). Peak memory is the process's (and its children's) maximum RSS; during extraction the RSS is
also sampled after every tenth of the documents to show it stays flat.
"""
from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from kg.build import chunks, iter_extract
from kg.cli import VALIDATE_LIMIT
from kg.export import export
from kg.export.rdf import to_rdf, write
from kg.ingest import find_files, read_document, sample_corpus
from kg.model import DocExtraction, Entity, KnowledgeGraph, Relation, Statement
from kg.pipeline import load_nlp
from kg.pipeline.annotations import to_extraction
from kg.query import load_store, run, shipped_queries, resolve as fill_query
from kg.resolve import resolve
from kg.validate import validate

HAN = re.compile(r"[\u4e00-\u9fff]")
DOC_CHARS = 5000


def make_corpus(megabytes: float, folder: Path, seed: int = 7) -> Path:
    """Write a shuffled, renamed corpus of about `megabytes` MB of UTF-8 text into `folder`."""
    rng = random.Random(seed)
    paragraphs = [p.strip() for f in find_files([sample_corpus()])
                  for p in read_document(f).text.split("\n") if len(p.strip()) > 20]
    alphabet = sorted({c for p in paragraphs for c in p if HAN.match(c)})
    folder.mkdir(parents=True, exist_ok=True)
    target, written, n = megabytes * 1_000_000, 0, 0
    while written < target:
        chunk, size = [], 0
        while size < DOC_CHARS:
            p = rng.choice(paragraphs)
            p = "".join(rng.choice(alphabet) if HAN.match(c) and rng.random() < 0.05 else c for c in p)
            chunk.append(p)
            size += len(p)
        text = "\n\n".join(chunk) + "\n"
        year = rng.randint(2015, 2024)
        (folder / f"gen_{n:05d}_{year}.txt").write_text(text, encoding="utf-8")
        written += len(text.encode("utf-8"))
        n += 1
    return folder


def rss_mib() -> float:
    """Current resident set size of this process."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def peak_mib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return max(own, kids)


class Table:
    def __init__(self, label: str, chars: int, docs: int) -> None:
        self.label, self.chars, self.docs = label, chars, docs
        print(f"\n== {label}: {docs} documents, {chars:,} characters")
        print(f"{'stage':<28}{'seconds':>9}{'chars/s':>12}{'docs/s':>9}{'peak MiB':>10}{'CPU s':>8}{'chars/CPU-s':>13}")
        self.cpu = self.started = cpu_seconds()

    def row(self, stage: str, seconds: float, per_char: bool = True, whole: bool = False) -> None:
        """One stage; CPU seconds (this process and finished children) since the previous row, or since the
        table began when `whole`."""
        now = cpu_seconds()
        cpu, self.cpu = now - (self.started if whole else self.cpu), now
        rate = f"{self.chars / seconds:>12,.0f}{self.docs / seconds:>9,.1f}" if per_char and seconds > 0 else " " * 21
        per_cpu = f"{self.chars / cpu:>13,.0f}" if per_char and cpu > 0 else ""
        print(f"{stage:<28}{seconds:>9.2f}{rate}{peak_mib():>10,.0f}{cpu:>8.1f}{per_cpu}", flush=True)


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def run_pipeline_stages(files: list[Path], overrides: dict[str, Any], table: Table) -> list[DocExtraction]:
    """One process: ingest, nlp and extraction timed apart, document by document (streaming)."""
    nlp = load_nlp(None, overrides)
    names = [n for n, _ in nlp.pipeline]
    front = [p for n, p in nlp.pipeline if n in ("kg_sentences", "kg_tagger")]
    back = [p for n, p in nlp.pipeline if n not in ("kg_sentences", "kg_tagger")]
    assert names[:2] == ["kg_sentences", "kg_tagger"], names
    t_in = t_nlp = t_ex = 0.0
    out, samples = [], []
    step = max(1, len(files) // 10)
    done = 0
    for group in chunks(files):  # as kg build does: 16 documents at a time through the tagger
        t0 = time.perf_counter()
        documents = [read_document(files[i]) for i in group]
        t1 = time.perf_counter()
        docs = []
        for document in documents:
            doc = nlp.make_doc(document.text)
            doc._.kg_document = document
            docs.append(doc)
        for proc in front:
            docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        t2 = time.perf_counter()
        for doc in docs:
            for proc in back:
                doc = proc(doc)
            out.append(to_extraction(doc))
        t3 = time.perf_counter()
        t_in, t_nlp, t_ex = t_in + t1 - t0, t_nlp + t2 - t1, t_ex + t3 - t2
        for _ in group:
            done += 1
            if done % step == 0:
                samples.append(rss_mib())
    print(f"{'ingest':<28}{t_in:>9.2f}{table.chars / t_in:>12,.0f}{table.docs / t_in:>9,.1f}")
    print(f"{'nlp (sentences + tagger)':<28}{t_nlp:>9.2f}{table.chars / t_nlp:>12,.0f}{table.docs / t_nlp:>9,.1f}")
    print(f"{'extraction (entities, rels)':<28}{t_ex:>9.2f}{table.chars / t_ex:>12,.0f}{table.docs / t_ex:>9,.1f}")
    table.row("extract total (1 worker)", t_in + t_nlp + t_ex)
    print(f"   RSS during extraction, each tenth of the documents: {', '.join(f'{s:.0f}' for s in samples)} MiB")
    return out


def run_workers(files: list[Path], overrides: dict[str, Any], workers: int, table: Table) -> list[DocExtraction]:
    samples: list[float] = []
    step = max(1, len(files) // 10)
    out = []

    def go() -> None:
        for i, ex in enumerate(iter_extract(files, overrides=overrides, workers=workers), start=1):
            out.append(ex)
            if i % step == 0:
                samples.append(rss_mib())

    _, seconds = timed(go)
    table.row(f"extract ({workers} workers)", seconds)
    print(f"   parent RSS during extraction, each tenth: {', '.join(f'{s:.0f}' for s in samples)} MiB")
    return out


def replicate(kg: KnowledgeGraph, triples: int) -> KnowledgeGraph:
    """Copies of `kg` with renamed entities and documents until it holds about `triples` triples."""
    per_copy = max(1, _count_triples(kg))
    copies = max(1, -(-triples // per_copy))
    docs, ents, rels = [], {}, []
    for c in range(copies):
        def rid(x: str) -> str:
            return f"{x}_c{c}"
        docs.extend(replace(d, id=rid(d.id)) for d in kg.documents)
        for e in kg.entities.values():
            ents[rid(e.id)] = replace(e, id=rid(e.id), label=f"{e.label}{c}", aliases=frozenset(),
                                      documents=frozenset(rid(d) for d in e.documents))
        rels.extend(Relation(rid(r.subject), r.predicate, rid(r.object),
                             tuple(Statement(rid(s.document_id), s.evidence, s.year, s.start, s.end)
                                   for s in r.statements)) for r in kg.relations)
    return KnowledgeGraph(tuple(docs), ents, tuple(rels))


def _count_triples(kg: KnowledgeGraph) -> int:
    from kg.export.rdf import triples

    return sum(1 for _ in triples(kg))


def rdf_and_queries(kg: KnowledgeGraph, out: Path, table: Table, label: str = "rdf") -> float:
    """Write and load the graph, run each shipped query; the seconds the queries took."""
    _, seconds = timed(lambda: write(kg, out / "graph.ttl", "turtle"))
    store, load_s = timed(lambda: load_store(out / "graph.ttl"))
    table.row(f"{label}: Turtle ({len(store):,} triples)", seconds, per_char=False)
    table.row(f"{label}: load for kg query", load_s, per_char=False)
    total = 0.0
    district = next((e.label for e in kg.entities.values() if e.type.value == "District"), "")
    entity = next((e.label for e in kg.entities.values() if e.type.value == "Enterprise"), "")
    for name, q in shipped_queries().items():
        params = {p.name: {"district": district, "entity": entity}.get(p.name, p.default) for p in q.params}
        result, s = timed(lambda: run(store, fill_query(name, params)))
        table.row(f"  query {name[:20]} ({len(result.rows)} rows)", s, per_char=False)
        total += s
    return total


def bench(files: list[Path], label: str, workers: list[int], overrides: dict[str, Any], html: bool,
          graph_triples: int) -> None:
    chars = sum(len(read_document(f).text) for f in files)
    for w in workers:
        table = Table(f"{label}, --workers {w}, tagger {overrides.get('components.kg_tagger.model', 'lac')}",
                      chars, len(files))
        started = time.perf_counter()
        exs = run_pipeline_stages(files, overrides, table) if w == 1 else run_workers(files, overrides, w, table)
        kg, s = timed(lambda: resolve(exs))
        table.row("resolution", s)
        del exs
        if sum(len(r.statements) for r in kg.relations) <= VALIDATE_LIMIT:  # kg build's SHACL check
            _, s = timed(lambda: validate(to_rdf(kg)))
            table.row("SHACL check", s)
        out = Path(tempfile.mkdtemp(prefix="kgbench-"))
        try:
            query_s = rdf_and_queries(kg, out, table)
            if html:
                _, s = timed(lambda: export(kg, "html", out / "graph.html"))
                table.row("html", s)
            table.row("whole build (w/o queries)", time.perf_counter() - started - query_s, whole=True)
            print(f"   entities {len(kg.entities):,}  relations {len(kg.relations):,}")
            if graph_triples:
                big, s = timed(lambda: replicate(kg, graph_triples))
                rdf_and_queries(big, out, table, label="replicated graph")
        finally:
            shutil.rmtree(out, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", nargs="+", type=float, default=[0, 1, 10, 50],
                    help="corpus sizes in MB; 0 = the bundled sample corpus")
    ap.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    ap.add_argument("--tagger", default="lac", choices=["lac", "jieba"])
    ap.add_argument("--no-html", action="store_true")
    ap.add_argument("--graph-triples", type=int, default=0, help="also write and query a graph this big (replicated)")
    ap.add_argument("--keep", type=Path, help="generate the corpora here and keep them")
    args = ap.parse_args()
    overrides = {"components.kg_tagger.model": args.tagger}
    root = args.keep or Path(tempfile.mkdtemp(prefix="kgcorpus-"))
    try:
        for size in args.sizes:
            if size == 0:
                files, label = find_files([sample_corpus()]), "sample corpus"
            else:
                folder = root / f"{size:g}MB"
                if not folder.exists():
                    make_corpus(size, folder)
                files, label = find_files([folder]), f"{size:g} MB generated"
            bench(files, label, args.workers, overrides, not args.no_html, args.graph_triples)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
