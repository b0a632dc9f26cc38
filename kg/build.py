"""build_graph: files → Documents → spaCy pipeline → DocExtractions → KnowledgeGraph."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from kg.ingest import find_files, read_document, sample_corpus
from kg.model import DocExtraction, KnowledgeGraph
from kg.pipeline import load_nlp
from kg.pipeline.annotations import to_extraction
from kg.resolve import resolve

Progress = Callable[[int, int, str], None]


def extract(paths: Iterable[Path | str], *, config_path: Path | None = None,
            overrides: Mapping[str, Any] | None = None, progress: Progress | None = None) -> list[DocExtraction]:
    """Read every document under `paths` and run the pipeline over it; `progress(done, total, name)` after each."""
    files = find_files([Path(p) for p in paths])  # str paths too
    nlp = load_nlp(config_path, overrides)
    out = []
    for n, path in enumerate(files, start=1):
        document = read_document(path)
        doc = nlp.make_doc(document.text)
        doc._.kg_document = document
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        out.append(to_extraction(doc))
        if progress:
            progress(n, len(files), path.name)
    return out


def build_graph(paths: Iterable[Path | str] | None = None, *, config_path: Path | None = None,
                overrides: Mapping[str, Any] | None = None, progress: Progress | None = None) -> KnowledgeGraph:
    """The knowledge graph of the documents under `paths` (the bundled sample corpus when None)."""
    paths = list(paths) if paths else [sample_corpus()]
    return resolve(extract(paths, config_path=config_path, overrides=overrides, progress=progress))
