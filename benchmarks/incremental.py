"""What adding one document to a built corpus costs: `kg build` of N generated documents into a fresh output folder
(the extraction cache filled), the same build again (everything reused), and the build after one new document is added.

    PYTHONPATH=. .venv/bin/python benchmarks/incremental.py [--docs 1000] [--workers 2] [--keep DIR]

The corpus is made as benchmarks/scale.py makes its corpora (the sample's paragraphs shuffled, 5 % of the Han
characters replaced), so no document repeats another. Each build is the real command (`python -m kg build`) in
its own process, start-up included; the figures are wall-clock seconds.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import make_corpus  # noqa: E402


def kg_build(corpus: Path, out: Path, workers: int) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out),
                           "--workers", str(workers), "--no-html"], capture_output=True, text=True, check=True)
    cache_line = next((ln for ln in done.stderr.splitlines() + done.stdout.splitlines() if ln.startswith("cache:")), "")
    return time.perf_counter() - started, cache_line


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--keep", type=Path, help="generate the corpus here and keep it")
    args = ap.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="kgincr-"))
    try:
        pool = root / "pool"
        if not pool.exists():
            make_corpus((args.docs + 1) * 5200 * 3 / 1_000_000, pool)  # ~5,000 characters, 3 bytes each
        files = sorted(pool.glob("*.txt"))[:args.docs + 1]
        if len(files) < args.docs + 1:
            raise SystemExit(f"{pool}: only {len(files)} documents; remove it and run again")
        corpus = root / "corpus"
        shutil.rmtree(corpus, ignore_errors=True)
        corpus.mkdir()
        for f in files[:-1]:
            shutil.copy(f, corpus / f.name)
        out = root / "out"
        shutil.rmtree(out, ignore_errors=True)
        full, line = kg_build(corpus, out, args.workers)
        print(f"{args.docs} documents, --workers {args.workers}, fresh output folder: {full:8.2f} s   {line}")
        again, line = kg_build(corpus, out, args.workers)
        print(f"the same build again:                          {again:8.2f} s   {line}")
        shutil.copy(files[-1], corpus / files[-1].name)
        plus, line = kg_build(corpus, out, args.workers)
        print(f"after adding one document:                     {plus:8.2f} s   {line}")
        print(f"one document's share of the full build: {full / args.docs:.2f} s; "
              f"the added document cost {plus - again:+.2f} s over the no-change rebuild")
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
