"""Hostile text in names, evidence and file names: every export stays valid and inert.

Each RDF output parses in rdflib and pyoxigraph with the same triple count and gives back every name exactly;
no CSV cell starts with a formula character; graph.html embeds none of the markup from the data."""
from __future__ import annotations

import csv
import re
import warnings
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDFS, Dataset, Graph

from kg.export import EXPORTERS, export
from kg.export.neo4j import FORMULA_START
from kg.export.rdf import to_rdf
from kg.ingest import read_document
from kg.model import Document, Entity, EntityType, KnowledgeGraph, Predicate, Relation, Statement
from kg.resolve import entity_id

CONTROLS = "".join(chr(c) for c in range(0x20) if c != 0) + "\x7f"
HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="window.pwned=1">',
    "</script><script>window.pwned=2</script>",
    "\"'`“”‘’「」『』«»",
    "back\\slash\\\\ and \\u0041 \\n",
    '"""triple""" \'\'\'single\'\'\'',
    "line\nbreak\r\nand\ttab",
    "controls:" + CONTROLS,
    "nul\x00byte",
    "separators\u2028and\u2029\u0085",
    "bidi\u202eevil\u200b\ufeff",
    "=cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "+1-1",
    "-2+3",
    "＝全角公式",
    "{{ template }} ${x} %s %(x)s",
    "<!-- comment --> ]]> &amp; &lt;",
    "_:blank <http://evil/> . } GRAPH",
    "长" * 5000,
]
TYPES = list(EntityType)


def hostile_kg() -> KnowledgeGraph:
    """One entity per hostile string (label and alias), chained by relations whose evidence is hostile too,
    mentioned in documents whose ids and file names are hostile."""
    docs = tuple(Document(id=f"{i}_{s[:40]}", source_file=f"{s[:60]}.txt", text=s, report_year=2000 + i)
                 for i, s in enumerate(HOSTILE[:5]))
    doc_ids = [d.id for d in docs]
    ents = {}
    for i, s in enumerate(HOSTILE):
        t = TYPES[i % len(TYPES)]
        eid = entity_id(t, s)
        ents[eid] = Entity(eid, t, s + "科技有限公司", frozenset({s, s + "'别名"}),
                           frozenset({doc_ids[i % len(doc_ids)]}))
    ids = list(ents)
    rels = tuple(Relation(ids[i], list(Predicate)[i % len(Predicate)], ids[i + 1],
                          (Statement(doc_ids[i % len(doc_ids)], HOSTILE[i] + "。" + HOSTILE[-i - 1], 2021, 0, 5),))
                 for i in range(len(ids) - 1))
    return KnowledgeGraph(documents=docs, entities=dict(sorted(ents.items())), relations=rels)


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("hostile")
    kg = hostile_kg()
    for fmt in EXPORTERS:
        export(kg, fmt, out / f"graph.{fmt}")
    return out


def rdflib_count(path: Path) -> int:
    with warnings.catch_warnings():  # rdflib's TriG and JSON-LD parsers use its own deprecated API
        warnings.simplefilter("ignore", DeprecationWarning)
        if path.suffix == ".trig":
            ds = Dataset()
            ds.parse(path, format="trig")
            return len(list(ds.quads()))
        fmt = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}[path.suffix]
        return len(Graph().parse(path, format=fmt))


def oxigraph_count(path: Path) -> int:
    fmt = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD,
           ".trig": ox.RdfFormat.TRIG}[path.suffix]
    return len({(q.subject, q.predicate, q.object, q.graph_name) for q in ox.parse(path=str(path), format=fmt)})


def rdf_outputs(out: Path) -> list[Path]:
    return [out / "graph.ttl", out / "graph.nt", out / "graph.jsonld", out / "graph.trig",
            out / "graph.graphdb" / "graph.ttl", out / "graph.graphdb" / "graph.trig"]


def test_every_rdf_output_parses_in_rdflib_and_pyoxigraph_with_the_same_count(exported: Path):
    expected = len(to_rdf(hostile_kg()))
    for path in rdf_outputs(exported):
        assert path.exists(), path
        n = rdflib_count(path)
        assert n == oxigraph_count(path), path
        if path.suffix != ".trig":
            assert n == expected, path
        else:
            assert n >= expected, path   # one named graph per document: a shared triple is in each


@pytest.mark.parametrize("name", ["graph.ttl", "graph.nt", "graph.jsonld"])
def test_every_name_comes_back_exactly(exported: Path, name: str):
    fmt = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}[Path(name).suffix]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        g = Graph().parse(exported / name, format=fmt)
    labels = {str(o) for o in g.objects(None, RDFS.label)}
    assert labels == {e.label for e in hostile_kg().entities.values()}


def test_no_csv_cell_can_run_as_a_formula(exported: Path):
    files = sorted((exported / "graph.neo4j").glob("*.csv"))
    assert files
    cells = 0
    for f in files:
        with f.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        for row in rows[1:]:
            for cell in row:
                cells += 1
                assert not cell.startswith(FORMULA_START) or re.fullmatch(r"-?\d+", cell), (f.name, cell)
    assert cells > len(HOSTILE)
    text = "".join(f.read_text(encoding="utf-8") for f in files)
    assert "'=cmd|" in text and "'@SUM(1+1)" in text   # kept, but quoted


def test_the_html_page_embeds_no_markup_from_the_data(exported: Path):
    page = (exported / "graph.html").read_text(encoding="utf-8")
    for payload in ("<script>alert(1)", "<img src=x", "</script><script>window.pwned", "<!-- comment -->"):
        assert payload not in page
    # the only script tags are the page's own: as many as in a page of a graph without any hostile text
    benign = KnowledgeGraph(documents=(), entities={}, relations=())
    other = exported / "benign.html"
    export(benign, "html", other)
    count = lambda s: len(re.findall(r"<\s*/?\s*script", s, re.I))  # noqa: E731
    assert count(page) == count(other.read_text(encoding="utf-8"))
    assert "\u2028" not in page and "\u2029" not in page   # JavaScript before ES2019 ends a string there


def test_a_file_name_that_is_not_utf8_gives_no_lone_surrogate(tmp_path: Path):
    raw = bytes(tmp_path) + b"/2021_\xff\xfe_'q'.txt"
    with open(raw, "wb") as fh:
        fh.write("2021年，某某区新签约项目12个。".encode())
    doc = read_document(Path(raw.decode("utf-8", "surrogateescape")))
    doc.id.encode("utf-8")
    doc.source_file.encode("utf-8")
    assert "\ufffd" in doc.id
    out = tmp_path / "graph.ttl"
    export(KnowledgeGraph(documents=(doc,), entities={}, relations=()), "ttl", out)
    assert len(Graph().parse(out, format="turtle")) == oxigraph_count(out) > 0
