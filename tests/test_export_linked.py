"""JSON-LD and TriG exports: they parse back to the same graph; TriG has one named graph per document."""
import json
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.compare import graph_diff, isomorphic
from typer.testing import CliRunner

from kg.cli import app
from kg.export import export
from kg.export.jsonld import to_jsonld
from kg.export.rdf import document_iri, entity_iri, to_rdf
from kg.export.trig import document_graphs, to_trig
from kg.model import Document, Entity, EntityType, KnowledgeGraph, Predicate, Relation, Statement
from kg.vocab import KG

runner = CliRunner()


def parse(data: bytes, fmt: ox.RdfFormat) -> Graph:
    """Every triple of an RDF file (all graphs merged), parsed by pyoxigraph (rdflib's JSON-LD/TriG parsers warn)."""
    quads = ox.parse(data, format=fmt)
    nt = ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads], format=ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=nt.decode("utf-8"), format="nt")


def two_documents() -> KnowledgeGraph:
    d1 = Document(id="d1", source_file="d1.txt", text="", report_year=2021)
    d2 = Document(id="d2", source_file="d2.txt", text="", report_year=2022)
    ents = {
        "e/1": Entity("e/1", EntityType.ENTERPRISE, "星海机床有限公司", frozenset({"星海机床"}), frozenset({"d1", "d2"})),
        "a/1": Entity("a/1", EntityType.AWARD, "省级专精特新企业", frozenset(), frozenset({"d1"})),
        "z/1": Entity("z/1", EntityType.DISTRICT, "海湾区", frozenset(), frozenset({"d2"})),
    }
    rels = (
        Relation("e/1", Predicate.RECEIVED_AWARD, "a/1", (Statement("d1", "星海机床入选省级专精特新企业。", 2021, 0, 15),)),
        Relation("e/1", Predicate.LOCATED_IN, "z/1", (Statement("d1", "海湾区的星海机床扩产。", 2021, 16, 27),
                                                      Statement("d2", "星海机床落户海湾区。", None, 0, 10))),
    )
    return KnowledgeGraph(documents=(d1, d2), entities=ents, relations=rels)


def test_jsonld_parses_back_to_the_same_graph():
    kg = two_documents()
    back = parse(to_jsonld(kg).encode("utf-8"), ox.RdfFormat.JSON_LD)
    assert isomorphic(back, to_rdf(kg)), graph_diff(back, to_rdf(kg))


def test_jsonld_uses_short_readable_names():
    doc = json.loads(to_jsonld(two_documents()))
    assert doc["@context"]["label"] == {"@id": "rdfs:label", "@language": "zh"}
    nodes = {n["@id"]: n for n in doc["@graph"]}
    e = nodes["e/1"]
    assert e["@type"] == "Enterprise" and e["label"] == "星海机床有限公司" and e["altLabel"] == "星海机床"
    assert e["receivedAward"] == ["a/1"] and e["locatedIn"] == ["z/1"]
    st = next(n for n in nodes.values() if n["@type"] == "Statement" and n.get("year") == "2021"
              and n["object"] == "a/1")
    assert st["subject"] == "e/1" and st["derivedFrom"] == "doc/d1" and st["evidence"] == "星海机床入选省级专精特新企业。"


def test_trig_has_one_named_graph_per_document_whose_union_is_the_graph():
    kg = two_documents()
    store = ox.Store()
    store.load(to_trig(kg), format=ox.RdfFormat.TRIG)
    names = sorted(str(g.value) for g in store.named_graphs())
    assert names == [str(document_iri("d1")), str(document_iri("d2"))]
    union = parse(to_trig(kg), ox.RdfFormat.TRIG)
    assert isomorphic(union, to_rdf(kg)), graph_diff(union, to_rdf(kg))


def test_a_documents_graph_holds_its_statements_and_facts_only():
    graphs, rest = document_graphs(two_documents())
    d1, d2 = graphs[document_iri("d1")], graphs[document_iri("d2")]
    e, a, z = entity_iri("e/1"), entity_iri("a/1"), entity_iri("z/1")
    assert (e, KG.receivedAward, a) in d1 and (e, KG.receivedAward, a) not in d2
    assert (e, KG.locatedIn, z) in d1 and (e, KG.locatedIn, z) in d2   # stated by both documents
    assert len(list(d1.subjects(KG.evidence, None))) == 2 and len(list(d2.subjects(KG.evidence, None))) == 1
    assert (a, KG.mentionedIn, document_iri("d2")) not in d2 and (z, KG.mentionedIn, document_iri("d2")) in d2
    assert len(rest) == 0


def test_dropping_one_documents_graph_leaves_the_other_documents_facts():
    store = ox.Store()
    store.load(to_trig(two_documents()), format=ox.RdfFormat.TRIG)
    store.update(f"DROP GRAPH <{document_iri('d1')}>")
    ask = "ASK {{ GRAPH ?g {{ <{s}> <{p}> <{o}> }} }}"
    e, a, z = entity_iri("e/1"), entity_iri("a/1"), entity_iri("z/1")
    assert not store.query(ask.format(s=e, p=KG.receivedAward, o=a))
    assert store.query(ask.format(s=e, p=KG.locatedIn, o=z))


def test_kg_export_writes_jsonld_and_trig(tmp_path: Path):
    graph = tmp_path / "graph.ttl"
    export(two_documents(), "ttl", graph)
    for fmt, parser in (("jsonld", ox.RdfFormat.JSON_LD), ("trig", ox.RdfFormat.TRIG)):
        result = runner.invoke(app, ["export", str(graph), "--format", fmt])
        assert result.exit_code == 0, result.output
        target = tmp_path / f"graph.{fmt}"
        data = parse(target.read_bytes(), parser)
        assert (URIRef(entity_iri("e/1")), KG.locatedIn, URIRef(entity_iri("z/1"))) in data
