"""KnowledgeGraph → TriG with one named graph per source document, so one document's facts can be dropped or replaced."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, SKOS, Graph, URIRef

from kg.atomic import write_with
from kg.export.rdf import document_iri, to_rdf
from kg.model import KnowledgeGraph
from kg.vocab import KG, PREFIXES, PROV


def document_graphs(kg: KnowledgeGraph) -> tuple[dict[URIRef, Graph], Graph]:
    """The triples of each document's named graph (named by the document IRI), and those of no document.

    A document's graph holds its kg:Document node, every statement node derived from it with the direct
    triple it reifies, its kg:mentionedIn links, and the type and labels of every entity it names.
    Triples shared by documents appear in each of their graphs; the union of all graphs is the whole graph.
    """
    whole = to_rdf(kg)
    graphs: dict[URIRef, Graph] = {}
    for document in kg.documents:
        d = document_iri(document.id)
        g = Graph()
        entities: set[URIRef] = set()
        for t in whole.triples((d, None, None)):
            g.add(t)
        for st in whole.subjects(PROV.wasDerivedFrom, d):
            for t in whole.triples((st, None, None)):
                g.add(t)
            s, p, o = whole.value(st, RDF.subject), whole.value(st, RDF.predicate), whole.value(st, RDF.object)
            if (s, p, o) in whole:
                g.add((s, p, o))
            entities.update(x for x in (s, o) if isinstance(x, URIRef))
        for e in whole.subjects(KG.mentionedIn, d):
            g.add((e, KG.mentionedIn, d))
            entities.add(e)
        for e in entities:
            for p in (RDF.type, RDFS.label, SKOS.altLabel):
                for t in whole.triples((e, p, None)):
                    g.add(t)
        graphs[d] = g
    rest = Graph()
    placed = set().union(*(set(g) for g in graphs.values())) if graphs else set()
    for t in whole:
        if t not in placed:
            rest.add(t)
    return graphs, rest


def rdf_quads(graph: Graph, name: ox.NamedNode | ox.DefaultGraph) -> list[ox.Quad]:
    """The triples of an rdflib graph as pyoxigraph quads in the graph `name`."""
    nt = graph.serialize(format="nt", encoding="utf-8")
    return [ox.Quad(t.subject, t.predicate, t.object, name) for t in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)]


def to_trig(kg: KnowledgeGraph) -> bytes:
    """The dataset as TriG (written with pyoxigraph: rdflib's TriG writer warns), sorted for stable output."""
    graphs, rest = document_graphs(kg)
    quads = rdf_quads(rest, ox.DefaultGraph())
    for name, g in graphs.items():
        quads += rdf_quads(g, ox.NamedNode(str(name)))
    quads.sort(key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=dict(PREFIXES))


def write(kg: KnowledgeGraph, out: Path) -> None:
    """Write the TriG file `out` atomically."""
    data = to_trig(kg)
    write_with(out, lambda f: f.write(data))
