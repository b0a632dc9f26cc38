"""EXPORTERS: every output format by name, and export(kg, fmt, out), the only format dispatch."""
from __future__ import annotations

from pathlib import Path
from typing import Protocol

from kg.errors import OutputError
from kg.export import graphdb, html, jsonld, neo4j, rdf, trig
from kg.model import KnowledgeGraph


class Exporter(Protocol):
    def __call__(self, kg: KnowledgeGraph, out: Path) -> None: ...


EXPORTERS: dict[str, Exporter] = {
    "ttl": rdf.write_turtle,
    "nt": rdf.write_ntriples,
    "jsonld": jsonld.write,  # JSON-LD with a readable @context
    "trig": trig.write,  # one named graph per source document
    "html": html.write,
    "neo4j": neo4j.write,  # a folder
    "graphdb": graphdb.write,  # a folder
}
FOLDER_FORMATS = frozenset({"neo4j", "graphdb"})  # formats whose `out` is a folder of files


def export(kg: KnowledgeGraph, fmt: str, out: Path) -> None:
    """Write `kg` to `out` in format `fmt` (one of EXPORTERS)."""
    try:
        exporter = EXPORTERS[fmt]
    except KeyError:
        raise OutputError(out, f"unknown format {fmt!r}; use one of {', '.join(sorted(EXPORTERS))}") from None
    exporter(kg, out)
