"""build_graph: files → Documents → spaCy pipeline → DocExtractions → KnowledgeGraph.

Extraction is a pure map over documents (`extract_one`); `extract` runs it in this process or in
`workers` processes that each load the pipeline once, streaming (one spaCy Doc alive per process),
and reuses the per-document extraction cache when one is given. `resolve` is the reduce step.
A file that cannot be read or processed becomes a `Skip` that goes to `on_skip` (the CLI prints one
warning line) while the others are read on; without `on_skip` it raises InputError.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language

from kg.errors import InputError, KgError
from kg.fragments import ExtractionCache, lean, pipeline_fingerprint
from kg.ingest import MAX_BYTES, Skip, read_document, read_or_skip, sample_corpus, scan
from kg.model import DocExtraction, Document, KnowledgeGraph
from kg.pipeline import load_config, load_nlp
from kg.pipeline.annotations import to_extraction
from kg.resolve import resolve

Progress = Callable[[int, int, str], None]
CHUNK_FILES = 16         # documents extracted together (LAC batches their sentences of equal length)...
CHUNK_BYTES = 256_000    # ...up to this many bytes (~85,000 characters): beyond, batches gain little
OnSkip = Callable[[Skip], None]


def extract_document(nlp: Language, document: Document) -> DocExtraction:
    """Run the pipeline over one document; no state is kept."""
    return extract_documents(nlp, [document])[0]


def extract_documents(nlp: Language, documents: Sequence[Document]) -> list[DocExtraction]:
    """Run the pipeline over a few documents at once: a component with a `pipe` method (the tagger) gets them
    together, so LAC batches sentences of equal length across documents (the result is the same as one by one)."""
    docs = []
    for document in documents:
        doc = nlp.make_doc(document.text)
        doc._.kg_document = document
        docs.append(doc)
    for _, proc in nlp.pipeline:
        docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(doc) for doc in docs]
    return [lean(to_extraction(doc)) for doc in docs]


def extract_one(source: Path | Document, nlp: Language) -> DocExtraction:
    """Run the pipeline over one document (read from `source` when it is a path; InputError when it cannot be)."""
    document = read_document(source) if isinstance(source, Path) else source
    return extract_document(nlp, document)


def extract_or_skip(nlp: Language, path: Path, max_bytes: int = MAX_BYTES) -> DocExtraction | Skip:
    """The extraction of the file `path`, or a Skip when it cannot be read or the pipeline fails on it."""
    return extract_many_or_skip(nlp, [path], max_bytes)[0]


def extract_many_or_skip(nlp: Language, paths: Sequence[Path], max_bytes: int = MAX_BYTES) -> list[DocExtraction | Skip]:
    """The extraction of each file (a Skip for one that cannot be read or that the pipeline fails on): the files
    read go through the pipeline together, and when that fails, one by one, so a bug costs one document."""
    got: list[DocExtraction | Skip | Document] = [read_or_skip(path, max_bytes) for path in paths]
    read = [i for i, g in enumerate(got) if isinstance(g, Document)]
    if len(read) > 1:
        try:
            for i, ex in zip(read, extract_documents(nlp, [got[i] for i in read])):  # type: ignore[misc]
                got[i] = ex
            return got  # type: ignore[return-value]
        except Exception:
            pass  # one of them: find it by running each alone
    for i in read:
        got[i] = _one_or_skip(nlp, paths[i], got[i])  # type: ignore[arg-type]
    return got  # type: ignore[return-value]


def _one_or_skip(nlp: Language, path: Path, document: Document) -> DocExtraction | Skip:
    try:
        return extract_document(nlp, document)
    except Exception as e:  # a pipeline bug on odd text costs one document, not the build
        detail = " ".join(str(e).split())[:160]
        return Skip(path, f"extraction failed ({type(e).__name__}: {detail}); please report this as a bug")


def chunks(paths: Sequence[Path], files: int = CHUNK_FILES, size: int = CHUNK_BYTES) -> list[list[int]]:
    """Indexes of `paths` in consecutive groups of at most `files` files and (unless one file is bigger) `size`
    bytes: what one worker extracts at a time."""
    out: list[list[int]] = []
    held = 0
    for i, path in enumerate(paths):
        try:
            n = path.stat().st_size
        except OSError:
            n = 0
        if not out or len(out[-1]) >= files or (held + n > size and out[-1]):
            out.append([])
            held = 0
        out[-1].append(i)
        held += n
    return out


def _skipped(skip: Skip, on_skip: OnSkip | None) -> None:
    if on_skip is None:
        raise InputError(skip.path, skip.reason)
    on_skip(skip)


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
_WORKER_MAX = MAX_BYTES


def _pipeline(config_path: Path | None, overrides: Mapping[str, Any] | None, max_bytes: int) -> Language:
    nlp = load_nlp(config_path, overrides)
    nlp.max_length = max(nlp.max_length, max_bytes)
    return nlp


def _init_worker(config_path: Path | None, overrides: Mapping[str, Any] | None, max_bytes: int) -> None:
    global _WORKER_NLP, _WORKER_MAX
    from kg.extract import tagging

    tagging._lac.cache_clear()  # never share an ONNX session with the parent across fork
    _WORKER_NLP = _pipeline(config_path, overrides, max_bytes)
    _WORKER_MAX = max_bytes


def _work(paths: list[Path]) -> list[DocExtraction | Skip]:
    assert _WORKER_NLP is not None
    return extract_many_or_skip(_WORKER_NLP, paths, _WORKER_MAX)


def _context() -> Any:
    return multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")


def iter_extract(files: list[Path], *, config_path: Path | None = None, overrides: Mapping[str, Any] | None = None,
                 workers: int = 1, cache: ExtractionCache | None = None,
                 max_bytes: int = MAX_BYTES) -> Iterator[DocExtraction | Skip]:
    """The extraction of each file, in order (a Skip for a file that cannot be read or processed); cached ones
    from `cache`, the rest computed (and cached)."""
    keys: list[str | None] = [None] * len(files)
    cached: dict[int, DocExtraction] = {}
    if cache is not None:
        for i, f in enumerate(files):
            try:
                keys[i] = cache.key(f, f.read_bytes())
            except OSError:
                continue  # read_or_skip reports it
            hit = cache.get(keys[i])
            if hit is not None:
                cached[i] = hit
    todo = [i for i in range(len(files)) if i not in cached]
    computed = _map(files, todo, config_path, overrides, workers, max_bytes)
    for i in range(len(files)):
        if i in cached:
            yield cached.pop(i)
            continue
        ex = next(computed)
        key = keys[i]
        if cache is not None and key is not None and not isinstance(ex, Skip):
            cache.put(key, ex)
        yield ex


def _map(files: list[Path], todo: list[int], config_path: Path | None, overrides: Mapping[str, Any] | None,
         workers: int, max_bytes: int) -> Iterator[DocExtraction | Skip]:
    if not todo:
        return
    per_group = CHUNK_FILES if workers <= 1 else max(1, min(CHUNK_FILES, -(-len(todo) // (8 * workers))))
    groups = [[files[todo[j]] for j in group] for group in chunks([files[i] for i in todo], per_group)]
    if workers <= 1 or len(groups) == 1:
        nlp = _pipeline(config_path, overrides, max_bytes)
        for group in groups:
            yield from extract_many_or_skip(nlp, group, max_bytes)
        return
    # a process pool that notices a worker killed from outside (out of memory) and says so, where
    # multiprocessing.Pool would wait for its result for ever
    with ProcessPoolExecutor(min(workers, len(groups)), mp_context=_context(), initializer=_init_worker,
                             initargs=(config_path, overrides, max_bytes)) as pool:
        try:
            for got in pool.map(_work, groups):
                yield from got
        except BrokenProcessPool as e:
            raise KgError("a worker process died (killed, perhaps for lack of memory); "
                          "run again with fewer --workers") from e


def extract(paths: Iterable[Path | str], *, config_path: Path | None = None,
            overrides: Mapping[str, Any] | None = None, progress: Progress | None = None,
            workers: int = 1, cache: ExtractionCache | None = None,
            on_skip: OnSkip | None = None, max_bytes: int = MAX_BYTES) -> list[DocExtraction]:
    """Read every document under `paths` and run the pipeline over it; `progress(done, total, name)` after each.

    A file that cannot be read or processed goes to `on_skip` and the others are read on;
    without `on_skip` it raises InputError.
    """
    files, skips = scan([Path(p) for p in paths])  # str paths too
    for skip in skips:
        _skipped(skip, on_skip)
    out = []
    for n, got in enumerate(iter_extract(files, config_path=config_path, overrides=overrides, workers=workers,
                                         cache=cache, max_bytes=max_bytes), start=1):
        if isinstance(got, Skip):
            _skipped(got, on_skip)
        else:
            out.append(got)
        if progress:
            progress(n, len(files), files[n - 1].name)
    return out


def build_graph(paths: Iterable[Path | str] | None = None, *, config_path: Path | None = None,
                overrides: Mapping[str, Any] | None = None, progress: Progress | None = None,
                workers: int = 1, cache: ExtractionCache | None = None,
                on_skip: OnSkip | None = None, max_bytes: int = MAX_BYTES) -> KnowledgeGraph:
    """The knowledge graph of the documents under `paths` (the bundled sample corpus when None)."""
    paths = list(paths) if paths else [sample_corpus()]
    return resolve(extract(paths, config_path=config_path, overrides=overrides, progress=progress,
                           workers=workers, cache=cache, on_skip=on_skip, max_bytes=max_bytes))
