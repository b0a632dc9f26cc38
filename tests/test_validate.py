"""The SHACL shapes: the seed build conforms, a broken graph fails with one readable line per problem."""
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from typer.testing import CliRunner

from kg.build import build_graph
from kg.cli import app
from kg.errors import ValidationError
from kg.export.rdf import to_rdf
from kg.model import Document, Entity, EntityType, KnowledgeGraph, Predicate, Relation, Statement
from kg.resources import ontology_dir
from kg.validate import validate, validate_file
from kg.vocab import KG

DATA = Path(__file__).parent / "data"
runner = CliRunner()


def small_kg() -> KnowledgeGraph:
    doc = Document(id="d1", source_file="d1.txt", text="", report_year=2022)
    ents = {
        "e/1": Entity("e/1", EntityType.ENTERPRISE, "星海机床有限公司", frozenset({"星海机床"}), frozenset({"d1"})),
        "a/1": Entity("a/1", EntityType.AWARD, "省级专精特新企业", frozenset(), frozenset({"d1"})),
        "z/1": Entity("z/1", EntityType.DISTRICT, "海湾区", frozenset(), frozenset({"d1"})),
    }
    st = Statement("d1", "星海机床入选省级专精特新企业。", 2022, 0, 15)
    rels = (Relation("e/1", Predicate.RECEIVED_AWARD, "a/1", (st,)),
            Relation("e/1", Predicate.LOCATED_IN, "z/1", (Statement("d1", "海湾区的星海机床扩产。", None, 16, 27),)))
    return KnowledgeGraph(documents=(doc,), entities=ents, relations=rels)


def test_the_shapes_are_found_in_the_installation():
    assert (ontology_dir() / "shapes.ttl").is_file() and (ontology_dir() / "regiokg.ttl").is_file()


def test_a_graph_written_by_kg_conforms():
    assert validate(to_rdf(small_kg())) == []


@pytest.mark.slow
def test_the_seed_build_conforms():
    found = validate(to_rdf(build_graph(None)), "seed build")
    assert all(f.severity != "Violation" for f in found)


def test_a_broken_graph_fails_with_one_readable_line_per_problem():
    with pytest.raises(ValidationError) as info:
        validate_file(DATA / "broken.ttl")
    lines = info.value.violations
    assert len(lines) == 7
    assert all("\n" not in line and line.startswith("Violation: ") for line in lines)
    expected = [
        'kgr:a1 (省级专精特新企业) rdfs:label: an entity\'s rdfs:label must be a @zh string (got "省级专精特新企业"@en)',
        "rdfs:label: an entity must have exactly one rdfs:label",
        "kg:receivedAward kgr:e1 (星海机床有限公司) has no rdf:Statement node",
        "an entity must have exactly one type",
        'kgr:st1 kg:year: kg:year must be a single xsd:gYear (got "2021")',
        "kgr:st1 prov:wasDerivedFrom: a statement node must be prov:wasDerivedFrom exactly one kg:Document",
        "kgr:st2: the statement's triple kgr:e1 (星海机床有限公司) kg:locatedIn kgr:p1 (海湾新材料项目) is not asserted directly",
    ]
    for fragment in expected:
        assert any(fragment in line for line in lines), fragment
    assert str(info.value).startswith(f"{DATA / 'broken.ttl'}: 7 SHACL violation(s)")


def test_a_domain_or_range_break_is_a_warning_and_fails_when_strict():
    base = small_kg()
    # the district is now located in the enterprise: wrong subject type and wrong object type
    st = Statement("d1", "海湾区位于星海机床。", None, 0, 10)
    g = to_rdf(KnowledgeGraph(base.documents, base.entities,
                              base.relations + (Relation("z/1", Predicate.LOCATED_IN, "e/1", (st,)),)))
    warnings = [f.line() for f in validate(g)]
    assert all(line.startswith("Warning: ") for line in warnings) and len(warnings) == 2
    with pytest.raises(ValidationError) as info:
        validate(g, strict=True)
    text = "\n".join(info.value.violations)
    assert "the subject of kg:locatedIn must be an Enterprise, Project, Park or Organization (got kg:District)" in text
    assert "the object of kg:locatedIn must be a District or Park (got kg:Enterprise)" in text


def test_a_missing_report_year_is_only_a_warning():
    g = to_rdf(KnowledgeGraph(documents=(Document("d9", "d9.txt", "", None),), entities={}, relations=()))
    found = validate(g)
    assert [f.severity for f in found] == ["Warning"] and "kg:reportYear" in found[0].line()


def test_kg_validate_prints_each_violation_and_exits_1():
    result = runner.invoke(app, ["validate", str(DATA / "broken.ttl")])
    assert result.exit_code == 1
    assert len([line for line in result.stdout.splitlines() if line.startswith("Violation: ")]) == 7
    assert result.stderr.startswith("Error: ") and "7 violation(s)" in result.stderr


def test_kg_validate_accepts_a_good_graph(tmp_path: Path):
    path = tmp_path / "g.ttl"
    to_rdf(small_kg()).serialize(path, format="turtle")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0 and "conforms" in result.stdout


def test_kg_build_fails_loudly_when_its_output_breaks_the_contract(tiny_corpus: Path, tmp_path: Path, monkeypatch):
    import kg.cli

    def broken(kg: KnowledgeGraph) -> Graph:
        g = to_rdf(kg)
        for s in list(g.subjects(KG.year, None)):
            g.set((s, KG.year, Literal("去年")))
        return g

    monkeypatch.setattr(kg.cli, "to_rdf", broken)
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(tiny_corpus), "--out", str(out), "-q"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "kg:year must be a single xsd:gYear" in result.stderr
    assert not (out / "graph.ttl").exists()
