"""kg query and the shipped queries, each against a small hand-made graph with exact expected rows."""
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import GraphError
from kg.export import export
from kg.model import Document, Entity, EntityType, KnowledgeGraph, Predicate, Relation, Statement
from kg.query import fill, query_file, render, resolve, shipped_queries

runner = CliRunner()
D, E, PJ, PK, A = EntityType.DISTRICT, EntityType.ENTERPRISE, EntityType.PROJECT, EntityType.PARK, EntityType.AWARD


def ent(eid: str, t: EntityType, label: str, docs: str, aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(eid, t, label, frozenset(aliases), frozenset(docs.split()))


def rel(s: str, p: Predicate, o: str, *sts: tuple[str, int | None, str]) -> Relation:
    return Relation(s, p, o, tuple(Statement(doc, ev, year, 0, len(ev)) for doc, year, ev in sts))


def city_kg() -> KnowledgeGraph:
    docs = (Document("r1", "r1.txt", "", 2021), Document("r2", "r2.txt", "", 2022))
    ents = {e.id: e for e in (
        ent("d/city", D, "滨江市", "r1 r2"),
        ent("d/bay", D, "海湾区", "r1 r2", ("滨江市海湾区",)),
        ent("d/north", D, "北岭区", "r2"),
        ent("k/bay", PK, "海湾智能产业园", "r1"),
        ent("e/star", E, "星海机床有限公司", "r1 r2", ("星海机床",)),
        ent("e/blue", E, "蓝港科技", "r1"),
        ent("e/heavy", E, "北岭重工", "r2"),
        ent("p/mat", PJ, "海湾新材料项目", "r1"),
        ent("p/port", PJ, "北岭港口项目", "r2"),
        ent("p/log", PJ, "海湾物流中心", "r1"),
        ent("a/sp", A, "省级专精特新企业", "r2"),
        ent("a/ht", A, "国家高新技术企业", "r1"),
        ent("a/top", A, "全国创新百强区", "r2"),
    )}
    L, R, P = Predicate.LOCATED_IN, Predicate.RECEIVED_AWARD, Predicate.PART_OF
    rels = (
        rel("d/bay", P, "d/city", ("r1", None, "滨江市海湾区经济稳步增长。")),
        rel("d/north", P, "d/city", ("r2", None, "滨江市北岭区加快港口建设。")),
        rel("k/bay", L, "d/bay", ("r1", 2021, "海湾智能产业园位于海湾区。")),
        rel("e/star", L, "k/bay", ("r1", 2021, "星海机床入驻海湾智能产业园。")),
        rel("e/blue", L, "d/bay", ("r1", 2021, "蓝港科技落户海湾区。")),
        rel("e/heavy", L, "d/north", ("r2", 2022, "北岭重工扎根北岭区。")),
        rel("e/star", R, "a/sp", ("r2", 2022, "星海机床入选省级专精特新企业。")),
        rel("e/blue", R, "a/ht", ("r1", 2021, "蓝港科技获评国家高新技术企业。")),
        rel("d/bay", R, "a/top", ("r2", 2022, "海湾区入选全国创新百强区。")),
        rel("p/mat", L, "d/bay", ("r1", 2021, "海湾新材料项目在海湾区开工。")),
        rel("p/port", L, "d/north", ("r2", 2022, "北岭港口项目在北岭区签约。")),
        rel("p/log", L, "k/bay", ("r1", None, "海湾物流中心建在海湾智能产业园。")),
    )
    return KnowledgeGraph(documents=docs, entities=ents, relations=rels)


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("q") / "graph.ttl"
    export(city_kg(), "ttl", path)
    return path


def rows(graph: Path, name: str, **params: str) -> list[tuple]:
    return [tuple(r) for r in query_file(graph, name, params).rows]


def test_every_shipped_query_is_listed_with_a_title():
    qs = shipped_queries()
    assert set(qs) == {"district-enterprises", "awards-per-district-year", "projects-per-district-year",
                       "entity-facts", "multi-document-entities", "district-enterprise-awards"}
    assert all(q.title and q.description for q in qs.values())


def test_awarded_enterprises_in_their_innermost_district(graph: Path):
    # 星海机床 lies in a park of 海湾区, which is part of 滨江市: the row names 海湾区 only; a district's own award is no row
    assert rows(graph, "district-enterprise-awards") == [
        ("海湾区", "蓝港科技", "国家高新技术企业", "2021"),
        ("海湾区", "星海机床有限公司", "省级专精特新企业", "2022"),
    ]


def test_enterprises_of_a_district_with_awards_and_years(graph: Path):
    assert rows(graph, "district-enterprises", district="海湾区") == [
        ("星海机床有限公司", "省级专精特新企业", "2022"),
        ("蓝港科技", "国家高新技术企业", "2021"),
    ]
    # by alias, and rolled up from sub-districts; an enterprise without awards has an empty award
    assert rows(graph, "district-enterprises", district="滨江市") == [
        ("北岭重工", None, None),
        ("星海机床有限公司", "省级专精特新企业", "2022"),
        ("蓝港科技", "国家高新技术企业", "2021"),
    ]
    assert rows(graph, "district-enterprises", district="滨江市海湾区") == rows(graph, "district-enterprises",
                                                                               district="海湾区")


def test_awards_per_district_per_year(graph: Path):
    assert rows(graph, "awards-per-district-year") == [
        ("海湾区", "2021", "1"), ("海湾区", "2022", "2"),
        ("滨江市", "2021", "1"), ("滨江市", "2022", "2"),
    ]


def test_projects_per_district_per_year(graph: Path):
    assert rows(graph, "projects-per-district-year") == [
        ("北岭区", "2022", "1"),
        ("海湾区", None, "1"), ("海湾区", "2021", "1"),
        ("滨江市", None, "1"), ("滨江市", "2021", "1"), ("滨江市", "2022", "1"),
    ]


def test_every_fact_about_one_entity_with_its_evidence(graph: Path):
    assert rows(graph, "entity-facts", entity="星海机床") == [
        ("星海机床有限公司", "locatedIn", "海湾智能产业园", "2021", "r1.txt", "星海机床入驻海湾智能产业园。"),
        ("星海机床有限公司", "receivedAward", "省级专精特新企业", "2022", "r2.txt", "星海机床入选省级专精特新企业。"),
    ]


def test_every_fact_about_an_entity_as_subject_and_as_object(graph: Path):
    # 海湾区 is the object of three statements and the subject of two; a name no entity has gives no row
    assert rows(graph, "entity-facts", entity="海湾区") == [
        ("海湾区", "partOf", "滨江市", None, "r1.txt", "滨江市海湾区经济稳步增长。"),
        ("海湾新材料项目", "locatedIn", "海湾区", "2021", "r1.txt", "海湾新材料项目在海湾区开工。"),
        ("海湾智能产业园", "locatedIn", "海湾区", "2021", "r1.txt", "海湾智能产业园位于海湾区。"),
        ("蓝港科技", "locatedIn", "海湾区", "2021", "r1.txt", "蓝港科技落户海湾区。"),
        ("海湾区", "receivedAward", "全国创新百强区", "2022", "r2.txt", "海湾区入选全国创新百强区。"),
    ]
    assert rows(graph, "entity-facts", entity="海湾") == []


def test_entity_facts_finds_a_name_written_with_or_without_a_language_tag(tmp_path: Path):
    ttl = tmp_path / "plain.ttl"
    ttl.write_text("""@prefix kg: <https://w3id.org/regiokg/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:e> rdfs:label "云帆物流" . <urn:d> rdfs:label "东港区"@zh .
<urn:e> kg:locatedIn <urn:d> .
<urn:s> a rdf:Statement ; rdf:subject <urn:e> ; rdf:predicate kg:locatedIn ; rdf:object <urn:d> ;
    kg:evidence "云帆物流落户东港区。"@zh .
""", encoding="utf-8")
    expected = [("云帆物流", "locatedIn", "东港区", None, None, "云帆物流落户东港区。")]
    assert rows(ttl, "entity-facts", entity="云帆物流") == expected
    assert rows(ttl, "entity-facts", entity="东港区") == expected


@pytest.mark.parametrize("sparql, expected", [
    # columns in the order the query selects them, whatever the order of the patterns
    ("SELECT ?o ?s WHERE { ?s kg:partOf ?o } ORDER BY ?s", [("d/city", "d/bay"), ("d/city", "d/north")]),
    # an unbound column is None; a language-tagged or typed literal gives its lexical form
    ("SELECT DISTINCT ?l ?y ?none WHERE { ?s rdfs:label ?l ; kg:locatedIn ?x . ?st rdf:subject ?s ; kg:year ?y "
     "OPTIONAL { ?s kg:missing ?none } FILTER (?l = '蓝港科技'@zh) }", [("蓝港科技", "2021", None)]),
    # a triple term is its N-Triples text
    ("SELECT ?t WHERE { BIND (<<( <urn:a> <urn:b> 'c' )>> AS ?t) }", [('<urn:a> <urn:b> "c"',)]),
])
def test_result_rows_are_plain_values_in_column_order(graph: Path, sparql: str, expected: list[tuple]):
    got = [tuple(v.removeprefix("https://w3id.org/regiokg/id/") if v else v for v in r)
           for r in rows(graph, sparql)]
    assert got == expected


def test_entities_mentioned_in_several_documents(graph: Path):
    assert rows(graph, "multi-document-entities") == [
        ("海湾区", "District", "2"), ("滨江市", "District", "2"), ("星海机床有限公司", "Enterprise", "2"),
    ]
    assert rows(graph, "multi-document-entities", min="3") == []


def test_placeholders_are_filled_as_escaped_literals():
    assert fill('FILTER (?n = {{name}})', {"name": '海"湾\\区'}) == 'FILTER (?n = "海\\"湾\\\\区")'
    with pytest.raises(GraphError, match="needs --param name=VALUE"):
        fill("FILTER (?n = {{name}})", {})
    with pytest.raises(GraphError, match="unknown parameter"):
        resolve("entity-facts", {"district": "海湾区"})


def test_query_text_and_rq_files(graph: Path, tmp_path: Path):
    text = "SELECT ?l WHERE { ?d a kg:District ; rdfs:label ?l } ORDER BY ?l"
    assert rows(graph, text) == [("北岭区",), ("海湾区",), ("滨江市",)]
    rq = tmp_path / "parks.rq"
    rq.write_text("# param: t = Park\nSELECT ?l WHERE { ?x a ?c ; rdfs:label ?l FILTER(STRENDS(STR(?c), {{t}})) }",
                  encoding="utf-8")
    assert rows(graph, str(rq)) == [("海湾智能产业园",)]
    assert query_file(graph, "ASK { ?s kg:partOf ?o }").rows == (("true",),)


def test_a_bad_query_is_a_graph_error(graph: Path):
    with pytest.raises(GraphError, match="SPARQL syntax error"):
        query_file(graph, "SELECT ?x WHERE { ?x")


def test_the_cli_prints_a_table_csv_and_json(graph: Path):
    result = runner.invoke(app, ["query", str(graph), "entity-facts", "--param", "entity=蓝港科技"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split(" | ")[0].strip() == "subject" and lines[-1] == "(2 rows)"
    result = runner.invoke(app, ["query", str(graph), "awards-per-district-year", "--format", "csv"])
    assert result.stdout.splitlines() == ["district,year,awards", "海湾区,2021,1", "海湾区,2022,2",
                                          "滨江市,2021,1", "滨江市,2022,2"]
    result = runner.invoke(app, ["query", str(graph), "projects-per-district-year", "-f", "json"])
    assert json.loads(result.stdout)[1] == {"district": "海湾区", "projects": "1"}


def test_the_cli_lists_the_shipped_queries_and_reports_errors(graph: Path):
    result = runner.invoke(app, ["query", "--list"])
    assert result.exit_code == 0 and "kg query GRAPH district-enterprises --param district=" in result.stdout
    result = runner.invoke(app, ["query", str(graph), "SELECT ?x WHERE {"])
    assert result.exit_code == 1 and result.stderr.startswith("Error: SPARQL syntax error")
    result = runner.invoke(app, ["query", str(graph.parent / "missing.ttl"), "entity-facts"])
    assert result.exit_code == 1 and "no such file" in result.stderr


def test_render_table_aligns_chinese_text():
    from kg.query import Result

    table = render(Result(("名称", "n"), (("海湾区", "1"), ("x", None))), "table").splitlines()
    assert table[0] == "名称   | n" and table[2] == "海湾区 | 1" and table[3] == "x      |"
