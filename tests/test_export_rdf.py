from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal
from rdflib.compare import isomorphic, graph_diff

from kg.export.rdf import document_iri, entity_iri, to_rdf
from kg.model import Document, Entity, EntityType, KnowledgeGraph, Predicate, Relation, Statement
from kg.vocab import KG, PROV


def tiny_kg() -> KnowledgeGraph:
    doc = Document(id="d1", source_file="d1.txt", text="豪森设备荣获国家技术创新示范企业。", report_year=2021)
    ents = {
        "enterprise/1": Entity("enterprise/1", EntityType.ENTERPRISE, "大连豪森设备制造股份有限公司",
                               frozenset({"豪森设备"}), frozenset({"d1"})),
        "award/1": Entity("award/1", EntityType.AWARD, "国家技术创新示范企业", frozenset(), frozenset({"d1"})),
    }
    st = Statement(document_id="d1", evidence="豪森设备荣获国家技术创新示范企业。", year=2021, start=0, end=17)
    rels = (Relation("enterprise/1", Predicate.RECEIVED_AWARD, "award/1", (st,)),)
    return KnowledgeGraph(documents=(doc,), entities=ents, relations=rels)


def test_the_contract_terms_are_written():
    g = to_rdf(tiny_kg())
    e, a, d = entity_iri("enterprise/1"), entity_iri("award/1"), document_iri("d1")
    assert (e, RDF.type, KG.Enterprise) in g
    assert (e, RDFS.label, Literal("大连豪森设备制造股份有限公司", lang="zh")) in g
    assert (e, SKOS.altLabel, Literal("豪森设备", lang="zh")) in g
    assert (e, KG.receivedAward, a) in g
    st = g.value(predicate=RDF.subject, object=e)
    assert g.value(st, RDF.predicate) == KG.receivedAward and g.value(st, RDF.object) == a
    assert g.value(st, KG.year) == Literal("2021", datatype=XSD.gYear)
    assert g.value(st, PROV.wasDerivedFrom) == d
    assert g.value(st, KG.evidence) == Literal("豪森设备荣获国家技术创新示范企业。", lang="zh")
    assert g.value(d, KG.reportYear) == Literal("2021", datatype=XSD.gYear)
    assert g.value(d, KG.sourceFile) == Literal("d1.txt")


def test_the_same_graph_gives_the_same_triples():
    a, b = to_rdf(tiny_kg()), to_rdf(tiny_kg())
    assert isomorphic(a, b), graph_diff(a, b)
    assert sorted(a) == sorted(b)  # no blank nodes: IRIs are deterministic


def test_a_written_graph_reads_back_to_the_same_graph():
    from kg.export.rdf import from_rdf

    g = to_rdf(tiny_kg())
    again = to_rdf(from_rdf(g))
    assert isomorphic(g, again), graph_diff(g, again)
