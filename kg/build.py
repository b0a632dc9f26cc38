"""build_graph: files → Documents → spaCy pipeline → DocExtractions → KnowledgeGraph."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from spacy.language import Language

from kg.errors import InputError
from kg.ingest import MAX_BYTES, Skip, read_or_skip, sample_corpus, scan
from kg.model import DocExtraction, Document, KnowledgeGraph
from kg.pipeline import load_nlp
from kg.pipeline.annotations import to_extraction
from kg.resolve import resolve

Progress = Callable[[int, int, str], None]
OnSkip = Callable[[Skip], None]


def extract_document(nlp: Language, document: Document) -> DocExtraction:
    """Run the pipeline over one document."""
    doc = nlp.make_doc(document.text)
    doc._.kg_document = document
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return to_extraction(doc)


def extract_or_skip(nlp: Language, path: Path, max_bytes: int = MAX_BYTES) -> DocExtraction | Skip:
    """The extraction of the file `path`, or a Skip when it cannot be read or the pipeline fails on it."""
    document = read_or_skip(path, max_bytes)
    if isinstance(document, Skip):
        return document
    try:
        return extract_document(nlp, document)
    except Exception as e:  # a pipeline bug on odd text costs one document, not the build
        detail = " ".join(str(e).split())[:160]
        return Skip(path, f"extraction failed ({type(e).__name__}: {detail}); please report this as a bug")


def _skipped(skip: Skip, on_skip: OnSkip | None) -> None:
    if on_skip is None:
        raise InputError(skip.path, skip.reason)
    on_skip(skip)


def extract(paths: Iterable[Path], *, config_path: Path | None = None,
            overrides: Mapping[str, Any] | None = None, progress: Progress | None = None,
            on_skip: OnSkip | None = None, max_bytes: int = MAX_BYTES) -> list[DocExtraction]:
    """Read every document under `paths` and run the pipeline over it; `progress(done, total, name)` after each.

    A file that cannot be read or processed goes to `on_skip` and the others are read on;
    without `on_skip` it raises InputError.
    """
    files, skips = scan(list(paths))
    for skip in skips:
        _skipped(skip, on_skip)
    nlp = load_nlp(config_path, overrides)
    nlp.max_length = max(nlp.max_length, max_bytes)
    out = []
    for n, path in enumerate(files, start=1):
        got = extract_or_skip(nlp, path, max_bytes)
        if isinstance(got, Skip):
            _skipped(got, on_skip)
        else:
            out.append(got)
        if progress:
            progress(n, len(files), path.name)
    return out


def build_graph(paths: Iterable[Path] | None = None, *, config_path: Path | None = None,
                overrides: Mapping[str, Any] | None = None, progress: Progress | None = None,
                on_skip: OnSkip | None = None, max_bytes: int = MAX_BYTES) -> KnowledgeGraph:
    """The knowledge graph of the documents under `paths` (the bundled sample corpus when None)."""
    paths = list(paths) if paths else [sample_corpus()]
    return resolve(extract(paths, config_path=config_path, overrides=overrides, progress=progress,
                           on_skip=on_skip, max_bytes=max_bytes))
