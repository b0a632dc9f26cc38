"""kg serve: a real Oxigraph SPARQL endpoint on a free loopback port, queried over HTTP with GET and POST."""
import csv
import io
import json
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kg.errors import GraphError
from kg.export import export
from kg.serve import port_is_free, running
from tests.test_query import city_kg

QUERY = ("PREFIX kg: <https://w3id.org/regiokg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
         "SELECT ?district WHERE { ?d a kg:District ; rdfs:label ?district } ORDER BY ?district")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(request: urllib.request.Request) -> tuple[str, str]:
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers.get("Content-Type", ""), response.read().decode("utf-8")


def get(url: str, query: str, accept: str) -> tuple[str, str]:
    return http(urllib.request.Request(f"{url}?{urllib.parse.urlencode({'query': query})}", headers={"Accept": accept}))


def post(url: str, query: str, accept: str, form: bool = False) -> tuple[str, str]:
    if form:
        body, kind = urllib.parse.urlencode({"query": query}).encode(), "application/x-www-form-urlencoded"
    else:
        body, kind = query.encode("utf-8"), "application/sparql-query"
    return http(urllib.request.Request(url, data=body, method="POST", headers={"Accept": accept, "Content-Type": kind}))


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "graph.ttl"
    export(city_kg(), "ttl", path)
    return path


def wait_for(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while port_is_free("127.0.0.1", port):
        assert process.poll() is None, process.stderr.read().decode()
        assert time.monotonic() < deadline, "kg serve did not start listening"
        time.sleep(0.1)


def stop(process: subprocess.Popen) -> str:
    """SIGTERM the `kg serve` process, wait for it and return what it wrote to stderr."""
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)
    process.stdout.close()
    err = process.stderr.read().decode()
    process.stderr.close()
    return err


def test_kg_serve_answers_sparql_over_http_and_stops(graph: Path):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(graph), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        wait_for(port, process)
        url = f"http://127.0.0.1:{port}/query"
        kind, body = get(url, QUERY, "application/sparql-results+json")
        assert kind.startswith("application/sparql-results+json")
        assert [b["district"]["value"] for b in json.loads(body)["results"]["bindings"]] == ["北岭区", "海湾区", "滨江市"]
        kind, body = post(url, QUERY, "text/csv")
        assert kind.startswith("text/csv")
        assert list(csv.reader(io.StringIO(body))) == [["district"], ["北岭区"], ["海湾区"], ["滨江市"]]
        _, body = post(url, "ASK { ?s <https://w3id.org/regiokg/ontology#partOf> ?o }",
                       "application/sparql-results+json", form=True)
        assert json.loads(body)["boolean"] is True
    finally:
        err = stop(process)
    assert process.returncode == 0, err
    assert f"http://127.0.0.1:{port}/query" in err
    assert port_is_free("127.0.0.1", port)


def test_a_trig_file_is_served_as_the_union_of_its_graphs(tmp_path: Path):
    trig = tmp_path / "graph.trig"
    export(city_kg(), "trig", trig)
    port = free_port()
    with running(trig, port) as server:
        # a triple stated in two documents' graphs is in the union twice: DISTINCT
        _, body = get(server.url, QUERY.replace("SELECT", "SELECT DISTINCT"), "text/csv")
        assert body.split() == ["district", "北岭区", "海湾区", "滨江市"]
    assert port_is_free("127.0.0.1", port) and not server.store.exists()


def test_a_busy_port_or_missing_file_is_a_graph_error(graph: Path, tmp_path: Path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        with pytest.raises(GraphError, match="already in use"):
            with running(graph, s.getsockname()[1]):
                pass
    with pytest.raises(GraphError, match="no such file"):
        with running(tmp_path / "missing.ttl", free_port()):
            pass


def outward_address() -> str | None:
    """This machine's address on its default route (no packet is sent), or None without a network."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: routing only
        except OSError:
            return None
        address = s.getsockname()[0]
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def test_the_cli_binds_loopback_unless_told_otherwise():
    import inspect

    from kg.cli import serve_cmd
    assert inspect.signature(serve_cmd).parameters["host"].default == "127.0.0.1"


def test_the_endpoint_listens_on_loopback_only_by_default(graph: Path):
    port = free_port()
    with running(graph, port) as server:
        assert server.host == "127.0.0.1"
        assert f"127.0.0.1:{port}" in server.process.args
        assert not port_is_free("127.0.0.1", port)
        outward = outward_address()
        if outward is not None:  # not reachable from the network, only from this machine
            assert port_is_free(outward, port)


def test_host_option_is_passed_to_the_server(graph: Path):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(graph), "--port", str(port),
                                "--host", "0.0.0.0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        wait_for(port, process)
    finally:
        err = stop(process)
    assert process.returncode == 0, err
    assert f"http://0.0.0.0:{port}/query" in err
