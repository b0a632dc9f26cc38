"""The GraphDB folder: parsed by RDF4J's own Rio parsers and loaded into an Oxigraph server over HTTP."""
from __future__ import annotations

import csv
import glob
import io
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import pyoxigraph as ox
from rdflib import Graph

from kg.export import export
from kg.export.graphdb import COUNT_QUERY, DATA_GRAPH, FACTS_QUERY, ONTOLOGY_GRAPH, REPOSITORY, graph_of
from kg.export.rdf import read_graph
from test_export_neo4j import EV_AWARD, sample_kg

RIO_CHECK = """
import java.io.FileInputStream;
import java.io.InputStream;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

public class RioCheck {
    public static void main(String[] args) throws Exception {
        for (String path : args) {
            RDFFormat format = Rio.getParserFormatForFileName(path).orElseThrow();
            try (InputStream in = new FileInputStream(path)) {
                Model model = Rio.parse(in, "", format);
                System.out.println(path + "\\t" + format.getName() + "\\t" + model.size() + "\\t" + model.contexts());
            }
        }
    }
}
"""


@pytest.fixture()
def built(tmp_path: Path) -> tuple[Path, Path]:
    """graph.ttl written and read back as `kg export` does, then exported to a graphdb folder."""
    ttl = tmp_path / "graph.ttl"
    export(sample_kg(), "ttl", ttl)
    out = tmp_path / "graphdb"
    export(read_graph(ttl), "graphdb", out)
    return ttl, out


def test_the_folder_holds_data_schema_config_and_commands(built):
    ttl, out = built
    reference = Graph().parse(ttl)
    assert len(Graph().parse(out / "graph.ttl")) == len(reference)
    quads = list(ox.parse(path=out / "graph.trig"))
    assert {q.graph_name.value for q in quads} == {DATA_GRAPH} and len(quads) == len(reference)
    assert (out / "ontology" / "regiokg.ttl").is_file()
    config = Graph().parse(out / "config.ttl")
    assert REPOSITORY in {str(o) for o in config.objects()}
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert '-F "config=@config.ttl"' in readme and "--data-binary @graph.trig" in readme
    for schema in (out / "ontology").glob("*.ttl"):
        assert f"--data-binary @ontology/{schema.name}" in readme
    assert f"`{len(reference)},5`" in readme  # the counts the check command prints


# ---- RDF4J Rio: the parser family GraphDB uses -------------------------------------------------

def rdf4j_classpath() -> str:
    if shutil.which("java") is None:
        pytest.skip("java is not installed (apt-get install default-jre-headless)")
    if not glob.glob("/usr/share/java/rdf4j-rio-api*.jar"):
        pytest.skip("RDF4J jars are missing (apt-get install librdf4j-java)")
    return "/usr/share/java/*"


def test_rdf4j_parses_every_file_with_the_same_counts(built, tmp_path):
    classpath = rdf4j_classpath()
    _, out = built
    (tmp_path / "RioCheck.java").write_text(RIO_CHECK, encoding="utf-8")
    files = [out / "graph.ttl", out / "graph.trig", out / "config.ttl", *sorted((out / "ontology").glob("*.ttl"))]
    result = subprocess.run(["java", "-cp", classpath, str(tmp_path / "RioCheck.java"), *map(str, files)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    parsed = {Path(p).name if Path(p).parent.name != "ontology" else f"ontology/{Path(p).name}": (fmt, int(n), ctx)
              for p, fmt, n, ctx in (line.split("\t") for line in result.stdout.splitlines())}
    assert parsed["graph.trig"] == ("TriG", len(Graph().parse(out / "graph.ttl")), f"[{DATA_GRAPH}]")
    for f in files:
        key = f"ontology/{f.name}" if f.parent.name == "ontology" else f.name
        if f.suffix == ".ttl":
            assert parsed[key][:2] == ("Turtle", len(Graph().parse(f))), key


# ---- Oxigraph server over HTTP -------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str:
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    return found


@pytest.fixture()
def oxigraph() -> Iterator[str]:
    """An in-memory Oxigraph server on 127.0.0.1; yields its base URL."""
    port = free_port()
    proc = subprocess.Popen([oxigraph_binary(), "serve", "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).close()
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None:
                    pytest.skip(f"oxigraph server exited with code {proc.returncode}")
                time.sleep(0.05)
        else:
            pytest.skip("oxigraph server did not answer within 5 s")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def post(url: str, path: Path, content_type: str) -> int:
    req = urllib.request.Request(url, data=path.read_bytes(), method="POST", headers={"Content-Type": content_type})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status


def select(base: str, query: str) -> list[dict[str, str]]:
    url = f"{base}/query?" + urllib.parse.urlencode({"query": query})
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "text/csv"}), timeout=30) as r:
        return list(csv.DictReader(io.StringIO(r.read().decode("utf-8"))))


def test_oxigraph_server_loads_the_folder_and_answers_sparql_over_http(built, oxigraph):
    ttl, out = built
    assert post(f"{oxigraph}/store", out / "graph.trig", "application/trig") in {200, 201, 204}
    for schema in sorted((out / "ontology").glob("*.ttl")):
        graph = urllib.parse.quote(graph_of(schema.name), safe="")
        assert post(f"{oxigraph}/store?graph={graph}", schema, "text/turtle") in {200, 201, 204}
    reference = Graph().parse(ttl)
    assert select(oxigraph, COUNT_QUERY) == [{"triples": str(len(reference)), "statements": "5"}]
    facts = select(oxigraph, FACTS_QUERY.replace("WHERE {", f"FROM <{DATA_GRAPH}> WHERE {{", 1))
    award = [f for f in facts if f["relation"].endswith("#receivedAward")]
    assert award == [{"subject": "星海智能装备有限公司", "relation": "https://w3id.org/regiokg/ontology#receivedAward",
                      "object": "省级专精特新企业", "year": "2022", "evidence": EV_AWARD, "file": "r2022.txt"}]
    n = select(oxigraph, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }}")
    assert int(n[0]["n"]) > 0
