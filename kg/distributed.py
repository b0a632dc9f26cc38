"""Run the map step (per-document extraction) on a Dask cluster, then merge here: an example of moving
kg's extraction onto an existing engine. Needs the `dask` extra (`pip install "regiokg[dask]"`).

    from dask.distributed import Client, LocalCluster
    from kg.distributed import build_on_dask
    with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster) as client:
        kg = build_on_dask([Path("reports")], client)

Each Dask worker process loads the pipeline once (the first task it runs) and keeps it; tasks get file
paths, so the files must be readable by the workers (a shared folder), or pass `kg.model.Document`s.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.build import extract_one
from kg.ingest import find_files
from kg.model import DocExtraction, Document, KnowledgeGraph
from kg.resolve import resolve


@lru_cache(maxsize=2)
def _pipeline(config_path: str | None, overrides_json: str) -> Any:
    from kg.pipeline import load_nlp

    return load_nlp(Path(config_path) if config_path else None, json.loads(overrides_json))


def extract_task(source: Path | Document, config_path: str | None = None, overrides_json: str = "{}") -> DocExtraction:
    """One map task: the extraction of one document, with this worker's (cached) pipeline."""
    return extract_one(source, _pipeline(config_path, overrides_json))


def extract_on_dask(sources: list[Path | Document], client: Any, *, config_path: Path | None = None,
                    overrides: Mapping[str, Any] | None = None) -> list[DocExtraction]:
    """The extractions of `sources`, computed as one Dask task each, in order."""
    futures = client.map(extract_task, sources, config_path=str(config_path) if config_path else None,
                         overrides_json=json.dumps(dict(overrides or {}), sort_keys=True), pure=False)
    return client.gather(futures)


def build_on_dask(paths: Iterable[Path], client: Any, *, config_path: Path | None = None,
                  overrides: Mapping[str, Any] | None = None) -> KnowledgeGraph:
    """kg build with the map step on Dask and the reduce step (resolve) here."""
    files: list[Path | Document] = list(find_files(list(paths)))
    return resolve(extract_on_dask(files, client, config_path=config_path, overrides=overrides))
