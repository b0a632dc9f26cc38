"""KnowledgeGraph → rdflib.Graph per the RDF contract (types, labels, direct triples, rdf:Statement nodes)."""
from __future__ import annotations

import hashlib
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef

from kg.atomic import write_with
from kg.model import Document, KnowledgeGraph, Relation, Statement
from kg.vocab import KG, KGR, PREFIXES, PROV


def entity_iri(entity_id: str) -> URIRef:
    return KGR[entity_id]


def document_iri(document_id: str) -> URIRef:
    return KGR[f"doc/{document_id}"]


def statement_iri(rel: Relation, st: Statement) -> URIRef:
    key = f"{rel.subject}|{rel.predicate.value}|{rel.object}|{st.document_id}|{st.start}|{st.end}|{st.year}"
    return KGR[f"stmt/{hashlib.sha1(key.encode()).hexdigest()[:16]}"]


def year_literal(year: int) -> Literal:
    return Literal(f"{year:04d}", datatype=XSD.gYear)


def _document(graph: Graph, document: Document) -> None:
    d = document_iri(document.id)
    graph.add((d, RDF.type, KG.Document))
    graph.add((d, KG.sourceFile, Literal(document.source_file)))
    if document.report_year is not None:
        graph.add((d, KG.reportYear, year_literal(document.report_year)))
    if document.publication_year is not None and document.publication_year != document.report_year:
        graph.add((d, KG.publicationYear, year_literal(document.publication_year)))


def to_rdf(kg: KnowledgeGraph) -> Graph:
    """The graph the contract describes; every IRI is deterministic."""
    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    for document in kg.documents:
        _document(graph, document)
    for ent in kg.entities.values():
        e = entity_iri(ent.id)
        graph.add((e, RDF.type, KG[ent.type.value]))
        graph.add((e, RDFS.label, Literal(ent.label, lang="zh")))
        for alias in sorted(ent.aliases):
            graph.add((e, SKOS.altLabel, Literal(alias, lang="zh")))
        for doc_id in sorted(ent.documents):
            graph.add((e, KG.mentionedIn, document_iri(doc_id)))
    for rel in kg.relations:
        s, p, o = entity_iri(rel.subject), KG[rel.predicate.value], entity_iri(rel.object)
        graph.add((s, p, o))
        for st in rel.statements:
            n = statement_iri(rel, st)
            graph.add((n, RDF.type, RDF.Statement))
            graph.add((n, RDF.subject, s))
            graph.add((n, RDF.predicate, p))
            graph.add((n, RDF.object, o))
            if st.year is not None:
                graph.add((n, KG.year, year_literal(st.year)))
            graph.add((n, PROV.wasDerivedFrom, document_iri(st.document_id)))
            graph.add((n, KG.evidence, Literal(st.evidence, lang="zh")))
            graph.add((n, KG.startOffset, Literal(st.start)))
            graph.add((n, KG.endOffset, Literal(st.end)))
    return graph


def write(kg: KnowledgeGraph, out: Path, fmt: str = "turtle") -> None:
    """Serialise to `out` atomically."""
    graph = to_rdf(kg)
    write_with(out, lambda f: graph.serialize(destination=f, format=fmt, encoding="utf-8"))


def write_turtle(kg: KnowledgeGraph, out: Path) -> None:
    write(kg, out, "turtle")


def write_ntriples(kg: KnowledgeGraph, out: Path) -> None:
    write(kg, out, "nt")
