"""Identical input gives byte-identical outputs: two builds of the bundled corpus in separate processes, with
different hash seeds, with and without the cache, on one and two workers, and every export of each."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kg.export import EXPORTERS, FOLDER_FORMATS

ROOT = Path(__file__).resolve().parent.parent

DRIVER = """
import sys
from kg.cli import app
out, formats, extra = sys.argv[1], sys.argv[2].split(","), sys.argv[3:]
app(["build", "--out", out, "-q", *extra], standalone_mode=False)
for fmt in formats:
    app(["export", out + "/graph.ttl", "-f", fmt, "--out", out + "/export/graph." + fmt], standalone_mode=False)
"""


def start(out: Path, hash_seed: str, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", DRIVER, str(out), ",".join(sorted(EXPORTERS)), *extra],
                            env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def outputs(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and ".cache" not in p.relative_to(out).parts}


def test_two_builds_in_separate_processes_give_the_same_bytes(tmp_path: Path):
    first = start(tmp_path / "a", "1")
    second = start(tmp_path / "b", "2", "--no-cache", "--workers", "2")
    for process in (first, second):
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    a, b = outputs(tmp_path / "a"), outputs(tmp_path / "b")
    expected = {"graph.ttl", "graph.html"} | {f"export/graph.{f}" for f in EXPORTERS if f not in FOLDER_FORMATS}
    assert expected <= set(a)
    assert any(name.startswith("export/graph.neo4j/") for name in a)
    assert any(name.startswith("export/graph.graphdb/") for name in a)
    assert sorted(a) == sorted(b)
    differing = [name for name in a if a[name] != b[name]]
    assert differing == []


def test_a_rebuild_from_the_cache_gives_the_same_bytes(tmp_path: Path):
    out = tmp_path / "a"
    for seed in ("3", "4"):
        process = start(out, seed)
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        if seed == "3":
            first = outputs(out)
    assert outputs(out) == first
