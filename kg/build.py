"""build_graph: files → Documents → spaCy pipeline → DocExtractions → KnowledgeGraph.

Extraction is a pure map over documents (`extract_one`); `extract` runs it in this process or in
`workers` processes that each load the pipeline once, streaming (one spaCy Doc alive per process),
and reuses the per-document extraction cache when one is given. `resolve` is the reduce step.
"""
from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from spacy.language import Language

from kg.fragments import ExtractionCache, lean, pipeline_fingerprint
from kg.ingest import find_files, read_document, sample_corpus
from kg.model import DocExtraction, Document, KnowledgeGraph
from kg.pipeline import load_config, load_nlp
from kg.pipeline.annotations import to_extraction
from kg.resolve import resolve

Progress = Callable[[int, int, str], None]


def extract_one(source: Path | Document, nlp: Language) -> DocExtraction:
    """Run the pipeline over one document (read from `source` when it is a path); no state is kept."""
    document = read_document(source) if isinstance(source, Path) else source
    doc = nlp.make_doc(document.text)
    doc._.kg_document = document
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return lean(to_extraction(doc))


def config_text(config_path: Path | None = None, overrides: Mapping[str, Any] | None = None) -> str:
    """The resolved pipeline config as text (what the cache key takes from the config), plus a user lexicon's content."""
    config = load_config(config_path, overrides)
    text = config.to_str()
    lexicon = config.get("components", {}).get("kg_entities", {}).get("lexicon", "")
    if lexicon and Path(lexicon).is_file():
        text += "\n#lexicon\n" + Path(lexicon).read_text(encoding="utf-8", errors="replace")
    return text


def open_cache(folder: Path, config_path: Path | None = None,
               overrides: Mapping[str, Any] | None = None) -> ExtractionCache:
    """The extraction cache in `folder` for this pipeline code and config."""
    return ExtractionCache(folder, pipeline_fingerprint(config_text(config_path, overrides)))


# --------------------------------------------------------------------- worker processes

_WORKER_NLP: Language | None = None


def _init_worker(config_path: Path | None, overrides: Mapping[str, Any] | None) -> None:
    global _WORKER_NLP
    from kg.extract import tagging

    tagging._lac.cache_clear()  # never share an ONNX session with the parent across fork
    _WORKER_NLP = load_nlp(config_path, overrides)


def _work(path: Path) -> DocExtraction:
    assert _WORKER_NLP is not None
    return extract_one(path, _WORKER_NLP)


def _context() -> Any:
    return multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")


def iter_extract(files: list[Path], *, config_path: Path | None = None, overrides: Mapping[str, Any] | None = None,
                 workers: int = 1, cache: ExtractionCache | None = None) -> Iterator[DocExtraction]:
    """The extraction of each file, in order; cached ones from `cache`, the rest computed (and cached)."""
    keys: list[str | None] = [None] * len(files)
    cached: dict[int, DocExtraction] = {}
    if cache is not None:
        for i, f in enumerate(files):
            try:
                keys[i] = cache.key(f, f.read_bytes())
            except OSError:
                continue  # read_document reports it
            hit = cache.get(keys[i])
            if hit is not None:
                cached[i] = hit
    todo = [i for i in range(len(files)) if i not in cached]
    computed = _map(files, todo, config_path, overrides, workers)
    for i in range(len(files)):
        if i in cached:
            yield cached.pop(i)
            continue
        ex = next(computed)
        key = keys[i]
        if cache is not None and key is not None:
            cache.put(key, ex)
        yield ex


def _map(files: list[Path], todo: list[int], config_path: Path | None, overrides: Mapping[str, Any] | None,
         workers: int) -> Iterator[DocExtraction]:
    if not todo:
        return
    if workers <= 1 or len(todo) == 1:
        nlp = load_nlp(config_path, overrides)
        for i in todo:
            yield extract_one(files[i], nlp)
        return
    with _context().Pool(min(workers, len(todo)), initializer=_init_worker, initargs=(config_path, overrides)) as pool:
        yield from pool.imap(_work, [files[i] for i in todo], chunksize=1)


def extract(paths: Iterable[Path | str], *, config_path: Path | None = None,
            overrides: Mapping[str, Any] | None = None, progress: Progress | None = None,
            workers: int = 1, cache: ExtractionCache | None = None) -> list[DocExtraction]:
    """Read every document under `paths` and run the pipeline over it; `progress(done, total, name)` after each."""
    files = find_files([Path(p) for p in paths])  # str paths too
    out = []
    for n, ex in enumerate(iter_extract(files, config_path=config_path, overrides=overrides, workers=workers,
                                        cache=cache), start=1):
        out.append(ex)
        if progress:
            progress(n, len(files), files[n - 1].name)
    return out


def build_graph(paths: Iterable[Path | str] | None = None, *, config_path: Path | None = None,
                overrides: Mapping[str, Any] | None = None, progress: Progress | None = None,
                workers: int = 1, cache: ExtractionCache | None = None) -> KnowledgeGraph:
    """The knowledge graph of the documents under `paths` (the bundled sample corpus when None)."""
    paths = list(paths) if paths else [sample_corpus()]
    return resolve(extract(paths, config_path=config_path, overrides=overrides, progress=progress,
                           workers=workers, cache=cache))
