"""KnowledgeGraph → a GraphDB folder: Turtle and TriG data, the ontology and shapes, config.ttl and curl commands."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

from kg.atomic import ensure_dir, write_text, write_with
from kg.export.rdf import to_rdf
from kg.export.trig import rdf_quads
from kg.model import KnowledgeGraph
from kg.resources import ontology_dir
from kg.vocab import PREFIXES

REPOSITORY = "regiokg"
DATA_GRAPH = "https://w3id.org/regiokg/graph/main"
ONTOLOGY_GRAPH = "https://w3id.org/regiokg/ontology"
SHAPES_GRAPH = "https://w3id.org/regiokg/shapes"
SERVER = "http://localhost:7200"

CONFIG = f"""# GraphDB 10/11 repository configuration for regiokg (Workbench: Setup > Repositories > Import from file).
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix rep: <http://www.openrdf.org/config/repository#> .
@prefix sr: <http://www.openrdf.org/config/repository/sail#> .
@prefix sail: <http://www.openrdf.org/config/sail#> .
@prefix graphdb: <http://www.ontotext.com/config/graphdb#> .

[] a rep:Repository ;
    rep:repositoryID "{REPOSITORY}" ;
    rdfs:label "regiokg: enterprises, projects, parks, awards and districts from Chinese regional reports" ;
    rep:repositoryImpl [
        rep:repositoryType "graphdb:SailRepository" ;
        sr:sailImpl [
            sail:sailType "graphdb:Sail" ;
            graphdb:ruleset "rdfsplus-optimized" ;
            graphdb:disable-sameAs "true" ;
            graphdb:check-for-inconsistencies "false" ;
            graphdb:base-URL "https://w3id.org/regiokg/id/" ;
            graphdb:entity-id-size "32" ;
            graphdb:entity-index-size "10000000" ;
            graphdb:enable-context-index "true" ;
            graphdb:enablePredicateList "true" ;
            graphdb:enable-literal-index "true" ;
            graphdb:in-memory-literal-properties "true" ;
            graphdb:enable-fts-index "false" ;
            graphdb:repository-type "file-repository" ;
            graphdb:storage-folder "storage" ;
            graphdb:query-timeout "0" ;
            graphdb:query-limit-results "0" ;
            graphdb:throw-QueryEvaluationException-on-timeout "false" ;
            graphdb:read-only "false" ;
            graphdb:isShacl "false"
        ]
    ] .
"""

COUNT_QUERY = f"""PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?triples ?statements WHERE {{
  {{ SELECT (COUNT(*) AS ?triples) WHERE {{ GRAPH <{DATA_GRAPH}> {{ ?s ?p ?o }} }} }}
  {{ SELECT (COUNT(*) AS ?statements) WHERE {{ GRAPH <{DATA_GRAPH}> {{ ?st a rdf:Statement }} }} }}
}}"""

FACTS_QUERY = """PREFIX kg: <https://w3id.org/regiokg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?subject ?relation ?object ?year ?evidence ?file WHERE {
  ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?relation ; rdf:object ?o ;
      kg:evidence ?evidence ; prov:wasDerivedFrom ?doc .
  ?s rdfs:label ?subject . ?o rdfs:label ?object . ?doc kg:sourceFile ?file .
  OPTIONAL { ?st kg:year ?year }
} ORDER BY ?year LIMIT 20"""


def schema_files() -> list[Path]:
    """Every Turtle file of the ontology folder (ontology, alignments, shapes)."""
    return sorted(ontology_dir().glob("*.ttl"))


def graph_of(name: str) -> str:
    """The named graph a schema file is loaded into: shapes apart from the ontology."""
    return SHAPES_GRAPH if "shape" in name else ONTOLOGY_GRAPH


def to_trig(kg: KnowledgeGraph) -> bytes:
    """The graph as TriG, all triples in the named graph DATA_GRAPH (pyoxigraph: rdflib 7.6's TriG writer warns)."""
    quads = sorted(rdf_quads(to_rdf(kg), ox.NamedNode(DATA_GRAPH)), key=str)
    return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes={p: str(ns) for p, ns in PREFIXES.items()})


def context(iri: str) -> str:
    """RDF4J's `context` parameter: the graph IRI in angle brackets, URL-encoded."""
    return quote(f"<{iri}>", safe="")


def curl_commands(schema: list[str]) -> str:
    """The shell commands that create the repository and load every file over the REST API."""
    lines = [
        f"GDB={SERVER}",
        "# 1. create the repository from config.ttl (GraphDB REST API)",
        'curl -sSf -X POST "$GDB/rest/repositories" -H "Content-Type: multipart/form-data" -F "config=@config.ttl"',
        f"# 2. load the data: graph.trig holds it in the named graph <{DATA_GRAPH}> (RDF4J protocol)",
        f'curl -sSf -X POST "$GDB/repositories/{REPOSITORY}/statements" -H "Content-Type: application/x-trig" '
        "--data-binary @graph.trig",
        "# 3. load the ontology, alignments and shapes into their own named graphs",
    ]
    lines += [f'curl -sSf -X POST "$GDB/repositories/{REPOSITORY}/statements?context={context(graph_of(name))}" '
              f'-H "Content-Type: text/turtle" --data-binary @ontology/{name}' for name in schema]
    lines += ["# 4. check: triples and rdf:Statement nodes in the data graph",
              f'curl -sSf -G "$GDB/repositories/{REPOSITORY}" -H "Accept: text/csv" '
              f"--data-urlencode 'query={' '.join(COUNT_QUERY.split())}'"]
    return "\n".join(lines)


def readme(kg: KnowledgeGraph, triples: int, schema: list[str]) -> str:
    statements = sum(len(r.statements) for r in kg.relations)
    files = "\n".join(f"- `ontology/{name}`: loaded into `<{graph_of(name)}>`" for name in schema)
    return f"""# regiokg graph for Ontotext GraphDB

- `graph.ttl`: the graph in Turtle ({triples} triples: {len(kg.entities)} entities, {len(kg.documents)} documents,
  {len(kg.relations)} relations with {statements} `rdf:Statement` nodes carrying `kg:year`, `kg:evidence` and
  `prov:wasDerivedFrom`).
- `graph.trig`: the same triples in the named graph `<{DATA_GRAPH}>` (`kg export GRAPH --format trig`
  writes one named graph per document instead, for replacing one report's facts).
{files}
- `config.ttl`: a GraphDB repository `{REPOSITORY}` (ruleset `rdfsplus-optimized`, so the alignments to
  schema.org, W3C ORG and PROV-O are inferred; inferred triples never enter the named graphs).

## Load (GraphDB 10 or later running on {SERVER})

Run from this folder:

```bash
{curl_commands(schema)}
```

The last command prints `triples,statements` = `{triples},{statements}`, the counts of `graph.ttl`.
To load `graph.ttl` into the default graph instead of step 2:
`curl -sSf -X POST "$GDB/repositories/{REPOSITORY}/statements" -H "Content-Type: text/turtle" --data-binary @graph.ttl`.
To start again: `curl -sSf -X DELETE "$GDB/rest/repositories/{REPOSITORY}"`.

Workbench instead of curl: *Setup > Repositories > Create new repository > Import repository config file*
(`config.ttl`), then *Import > Upload RDF files* (`graph.trig`, then the ontology files with
*Target graphs: named graph* as listed above).

To have GraphDB enforce the shapes on every write, set `graphdb:isShacl "true"` in `config.ttl` before
step 1 and load `ontology/shapes.ttl` into the graph `<http://rdf4j.org/schema/rdf4j#SHACLShapeGraph>`
before step 2 (`?context={context('http://rdf4j.org/schema/rdf4j#SHACLShapeGraph')}`).

## Query (who received what, when, says which sentence)

```sparql
{FACTS_QUERY}
```
"""


def write(kg: KnowledgeGraph, out: Path) -> None:
    """Write the GraphDB folder `out`: graph.ttl, graph.trig, ontology/*.ttl, config.ttl and README.md."""
    ensure_dir(out)
    graph = to_rdf(kg)
    write_with(out / "graph.ttl", lambda f: graph.serialize(destination=f, format="turtle", encoding="utf-8"))
    trig = to_trig(kg)
    write_with(out / "graph.trig", lambda f: f.write(trig))
    schema = schema_files()
    for path in schema:
        data = path.read_bytes()
        write_with(out / "ontology" / path.name, lambda f, data=data: f.write(data))
    write_text(out / "config.ttl", CONFIG)
    write_text(out / "README.md", readme(kg, len(graph), [p.name for p in schema]))
