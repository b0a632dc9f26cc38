"""Print how fast `build_graph` runs: documents, characters, seconds and chars/s for a corpus (default: the sample).

    .venv/bin/python benchmarks/build_speed.py [INPUT ...] [--repeat N]
"""
from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from kg.build import build_graph
from kg.export.rdf import to_rdf
from kg.ingest import find_files, read_document, sample_corpus


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("inputs", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    paths = args.inputs or [sample_corpus()]
    chars = sum(len(read_document(p).text) for p in find_files(paths))
    t0 = time.perf_counter()
    build_graph(paths)
    first = time.perf_counter() - t0
    runs = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        kg = build_graph(paths)
        runs.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    triples = len(to_rdf(kg))
    rdf_s = time.perf_counter() - t0
    best = min(runs)
    print(f"documents {len(kg.documents)}  characters {chars}")
    print(f"first build (with model load) {first:.2f} s; best of {args.repeat} {best:.2f} s = {chars / best:,.0f} chars/s")
    print(f"entities {len(kg.entities)}  relations {len(kg.relations)}  triples {triples} (to_rdf {rdf_s:.2f} s)")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
