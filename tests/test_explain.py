"""kg explain: every relation of an entity with year, document and evidence; unknown names are errors."""
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import GraphError
from kg.explain import explain, explain_file
from kg.export.rdf import write_turtle
from kg.model import Document, Entity, EntityType, KnowledgeGraph, Predicate, Relation, Statement

runner = CliRunner()


def small_graph() -> KnowledgeGraph:
    doc = Document(id="d1", source_file="d1.txt", text="", report_year=2021)
    ents = {
        "district/a": Entity("district/a", EntityType.DISTRICT, "松山区", frozenset({"松山"})),
        "enterprise/b": Entity("enterprise/b", EntityType.ENTERPRISE, "星海电子股份有限公司", frozenset({"星海电子"})),
        "award/c": Entity("award/c", EntityType.AWARD, "省级企业技术中心", frozenset()),
    }
    rels = (
        Relation("enterprise/b", Predicate.LOCATED_IN, "district/a",
                 (Statement("d1", "星海电子扎根松山区。", 2021, 10, 20),)),
        Relation("enterprise/b", Predicate.RECEIVED_AWARD, "award/c",
                 (Statement("d1", "星海电子被认定为省级企业技术中心。", None, 30, 47),)),
    )
    return KnowledgeGraph(documents=(doc,), entities=ents, relations=rels)


def test_explain_by_alias_lists_every_relation():
    entity, facts = explain(small_graph(), "星海电子")
    assert entity.label == "星海电子股份有限公司"
    assert [(f.predicate.value, f.object, f.year) for f in facts] == [
        ("locatedIn", "松山区", 2021), ("receivedAward", "省级企业技术中心", None)]
    assert facts[0].document == "d1.txt" and "扎根" in facts[0].evidence


def test_explain_unknown_entity_is_an_error():
    with pytest.raises(GraphError):
        explain(small_graph(), "不存在的公司")


def test_explain_by_part_of_one_name():
    entity, _ = explain(small_graph(), "星海")
    assert entity.label == "星海电子股份有限公司"


def test_explain_by_part_of_several_names_lists_them():
    kg = small_graph()
    kg.entities["park/d"] = Entity("park/d", EntityType.PARK, "星海湾产业园", frozenset())
    with pytest.raises(GraphError, match="2 entity names; give one of them: 星海湾产业园、星海电子股份有限公司"):
        explain(kg, "星海")


def test_explain_reads_a_written_graph(tmp_path: Path):
    path = tmp_path / "graph.ttl"
    write_turtle(small_graph(), path)
    _, facts = explain_file(path, "松山区")
    assert len(facts) == 1 and facts[0].subject == "星海电子股份有限公司"


def test_cli_prints_one_line_per_statement(tmp_path: Path):
    path = tmp_path / "graph.ttl"
    write_turtle(small_graph(), path)
    result = runner.invoke(app, ["explain", "星海电子", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 3 and "[2021]" in lines[1] and "d1.txt" in lines[1] and "省级企业技术中心" in lines[2]


def test_cli_unknown_entity_exits_1(tmp_path: Path):
    path = tmp_path / "graph.ttl"
    write_turtle(small_graph(), path)
    result = runner.invoke(app, ["explain", "不存在的公司", str(path)])
    assert result.exit_code == 1 and result.stderr.startswith("Error: ")
