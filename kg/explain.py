"""explain: every relation of one entity in a built graph, with year, document and evidence, to check a fact at its source."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.errors import GraphError
from kg.export.rdf import read_graph
from kg.model import Entity, KnowledgeGraph, Predicate


@dataclass(frozen=True, slots=True)
class Fact:
    """One supporting statement of one relation of the explained entity."""

    subject: str                 # labels
    predicate: Predicate
    object: str
    year: int | None
    document: str                # source file name (the document id when unknown)
    evidence: str
    start: int
    end: int

    def line(self) -> str:
        year = str(self.year) if self.year is not None else "—"
        return f"{self.subject} {self.predicate.value} {self.object} [{year}] {self.document}:{self.start}-{self.end} «{self.evidence}»"


def find_entity(kg: KnowledgeGraph, name: str) -> Entity:
    """The entity whose label or alias is `name` (exactly, else ignoring spaces and quotes, else the one entity
    whose name contains it); GraphError if none, or listing the names when several contain it."""
    def norm(s: str) -> str:
        return "".join(ch for ch in s if not ch.isspace() and ch not in "“”\"'‘’《》「」")

    for test in (lambda e: name == e.label or name in e.aliases,
                 lambda e: norm(name) in {norm(e.label), *map(norm, e.aliases)}):
        hits = [e for e in kg.entities.values() if test(e)]
        if hits:
            return min(hits, key=lambda e: (e.label != name, e.id))
    part = norm(name)
    near = sorted({e.label for e in kg.entities.values()
                   if part and any(part in norm(n) for n in (e.label, *e.aliases))}, key=lambda n: (len(n), n))
    if len(near) == 1:
        return next(e for e in kg.entities.values() if e.label == near[0])
    if near:
        shown = "、".join(near[:8]) + ("…" if len(near) > 8 else "")
        raise GraphError(f"{name!r} is part of {len(near)} entity names; give one of them: {shown}")
    raise GraphError(f"no entity named {name!r} in the graph (match is by label or alias)")


def explain(kg: KnowledgeGraph, name: str) -> tuple[Entity, list[Fact]]:
    """The entity named `name` and one Fact per statement of every relation it takes part in, by year then predicate."""
    entity = find_entity(kg, name)
    files = {d.id: d.source_file for d in kg.documents}
    facts = []
    for rel in kg.relations:
        if entity.id not in (rel.subject, rel.object):
            continue
        s, o = kg.entities[rel.subject].label, kg.entities[rel.object].label
        for st in rel.statements:
            facts.append(Fact(s, rel.predicate, o, st.year, files.get(st.document_id, st.document_id),
                              st.evidence, st.start, st.end))
    facts.sort(key=lambda f: (f.year is None, f.year or 0, f.predicate.value, f.subject, f.object, f.document, f.start))
    return entity, facts


def explain_file(graph: Path, name: str) -> tuple[Entity, list[Fact]]:
    """`explain` over a graph file written by `kg build`."""
    return explain(read_graph(graph), name)
