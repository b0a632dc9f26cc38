"""KnowledgeGraph → a Neo4j import folder: neo4j-admin CSV files, a LOAD CSV script and a README."""
from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from kg.atomic import ensure_dir, write_text
from kg.export.rdf import document_iri, entity_iri, statement_iri
from kg.model import EntityType, KnowledgeGraph, Predicate, Relation

ARRAY_DELIMITER = ";"
ENTITY_SPACE = "Entity"
DOCUMENT_SPACE = "Document"
MENTIONED_IN = "MENTIONED_IN"

ENTITY_HEADER = (f"id:ID({ENTITY_SPACE})", "iri", "name", "aliases:string[]", ":LABEL")
DOCUMENT_HEADER = (f"id:ID({DOCUMENT_SPACE})", "iri", "sourceFile", "reportYear:int", "publicationYear:int", ":LABEL")
STATEMENT_HEADER = (f":START_ID({ENTITY_SPACE})", f":END_ID({ENTITY_SPACE})", ":TYPE", "statement", "year:int",
                    "document", "evidence", "start:int", "end:int")
MENTION_HEADER = (f":START_ID({ENTITY_SPACE})", f":END_ID({DOCUMENT_SPACE})", ":TYPE")


@dataclass(frozen=True, slots=True)
class CsvFile:
    """One neo4j-admin input file: its name, whether it holds nodes or relationships, header and rows."""

    name: str
    kind: str                               # "nodes" or "relationships"
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def rel_type(predicate: Predicate) -> str:
    """locatedIn → LOCATED_IN (Neo4j's naming convention for relationship types)."""
    return "".join(f"_{c}" if c.isupper() else c.upper() for c in predicate.value)


def one_line(text: str) -> str:
    """Evidence without line breaks: neo4j-admin reads multi-line fields only with a slow option."""
    return " ".join(text.split())


def array(values: list[str]) -> str:
    """An array field; a `;` inside a value becomes the full-width `；` so it cannot split the value."""
    return ARRAY_DELIMITER.join(one_line(v).replace(ARRAY_DELIMITER, "；") for v in values)


def opt_int(value: int | None) -> str:
    return "" if value is None else str(value)


def relation_key(rel: Relation) -> str:
    """The `statement` key of a relation that has no rdf:Statement: its triple's own hash."""
    key = f"{rel.subject}|{rel.predicate.value}|{rel.object}"
    return f"{rel_type(rel.predicate).lower()}/{hashlib.sha1(key.encode()).hexdigest()[:16]}"


def node_files(kg: KnowledgeGraph) -> list[CsvFile]:
    """document.csv and one file per entity type that occurs, labelled `Entity;<Type>`."""
    files = [CsvFile("document.csv", "nodes", DOCUMENT_HEADER, tuple(
        (d.id, str(document_iri(d.id)), d.source_file, opt_int(d.report_year), opt_int(d.publication_year),
         DOCUMENT_SPACE) for d in sorted(kg.documents, key=lambda d: d.id)))]
    for t in EntityType:
        ents = sorted((e for e in kg.entities.values() if e.type is t), key=lambda e: e.id)
        if ents:
            files.append(CsvFile(f"{t.value.lower()}.csv", "nodes", ENTITY_HEADER, tuple(
                (e.id, str(entity_iri(e.id)), one_line(e.label), array(sorted(e.aliases)),
                 f"{ENTITY_SPACE}{ARRAY_DELIMITER}{t.value}") for e in ents)))
    return files


def relationship_files(kg: KnowledgeGraph) -> list[CsvFile]:
    """One file per relationship type, one row per statement; mentioned_in.csv links entities to documents."""
    files = []
    for p in Predicate:
        rows = []
        for rel in sorted((r for r in kg.relations if r.predicate is p), key=lambda r: (r.subject, r.object)):
            t = rel_type(p)
            if not rel.statements:
                rows.append((rel.subject, rel.object, t, relation_key(rel), "", "", "", "", ""))
            for st in rel.statements:
                rows.append((rel.subject, rel.object, t, str(statement_iri(rel, st)), opt_int(st.year),
                             st.document_id, one_line(st.evidence), str(st.start), str(st.end)))
        if rows:
            files.append(CsvFile(f"{rel_type(p).lower()}.csv", "relationships", STATEMENT_HEADER, tuple(rows)))
    known = {d.id for d in kg.documents}
    mentions = tuple((e.id, d, MENTIONED_IN) for e in sorted(kg.entities.values(), key=lambda e: e.id)
                     for d in sorted(e.documents) if d in known)
    if mentions:
        files.append(CsvFile(f"{MENTIONED_IN.lower()}.csv", "relationships", MENTION_HEADER, mentions))
    return files


def own_csv_names() -> set[str]:
    """Every CSV file name this exporter can write."""
    return ({"document.csv", f"{MENTIONED_IN.lower()}.csv"} | {f"{t.value.lower()}.csv" for t in EntityType}
            | {f"{rel_type(p).lower()}.csv" for p in Predicate})


# a cell a spreadsheet would run as a formula starts with one of these (full-width forms too, for CJK spreadsheets)
FORMULA_START = tuple("=+-@\t\r\n＝＋－＠")


def inert(value: str) -> str:
    """A text cell that cannot run as a formula when the CSV is opened in a spreadsheet: a leading `'` is added
    to a value that starts like one (OWASP's advice); LOAD CSV and neo4j-admin read the `'` as part of the text."""
    return "'" + value if value.startswith(FORMULA_START) else value


def render_csv(f: CsvFile) -> str:
    """The CSV text of `f`; text columns are made inert (numbers in `:int` columns are left as they are)."""
    text = [not h.endswith(":int") for h in f.header]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(f.header)
    writer.writerows(tuple(inert(v) if t else v for v, t in zip(row, text)) for row in f.rows)
    return buf.getvalue()


def col(name: str) -> str:
    """A CSV column as LOAD CSV sees it: row.`year:int`."""
    return f"row.`{name}`"


def load_statement(f: CsvFile) -> str:
    """LOAD CSV + MERGE for one file: portable openCypher (runs on Neo4j 4/5, FalkorDB, Memgraph)."""
    head = f"LOAD CSV WITH HEADERS FROM 'file:///{f.name}' AS row\n"
    if f.header == DOCUMENT_HEADER:
        return head + (
            f"MERGE (n:{DOCUMENT_SPACE} {{id: {col(DOCUMENT_HEADER[0])}}})\n"
            f"SET n.iri = row.iri, n.sourceFile = row.sourceFile,\n"
            f"    n.reportYear = toInteger({col('reportYear:int')}),"
            f" n.publicationYear = toInteger({col('publicationYear:int')});")
    if f.header == ENTITY_HEADER:
        label = f.rows[0][-1].split(ARRAY_DELIMITER)[1]
        aliases = col("aliases:string[]")
        return head + (
            f"MERGE (n:{ENTITY_SPACE}:{label} {{id: {col(ENTITY_HEADER[0])}}})\n"
            f"SET n.iri = row.iri, n.name = row.name,\n"
            f"    n.aliases = CASE WHEN coalesce({aliases}, '') = '' THEN null"
            f" ELSE split({aliases}, '{ARRAY_DELIMITER}') END;")
    start, end, t = f.header[0], f.header[1], f.rows[0][2]
    if f.header == MENTION_HEADER:
        return head + (
            f"MATCH (s:{ENTITY_SPACE} {{id: {col(start)}}}), (d:{DOCUMENT_SPACE} {{id: {col(end)}}})\n"
            f"MERGE (s)-[:{t}]->(d);")
    return head + (
        f"MATCH (s:{ENTITY_SPACE} {{id: {col(start)}}}), (o:{ENTITY_SPACE} {{id: {col(end)}}})\n"
        f"MERGE (s)-[r:{t} {{statement: row.statement}}]->(o)\n"
        f"SET r.year = toInteger({col('year:int')}), r.document = row.document, r.evidence = row.evidence,\n"
        f"    r.start = toInteger({col('start:int')}), r.end = toInteger({col('end:int')});")


SCHEMA = (
    f"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:{ENTITY_SPACE}) REQUIRE n.id IS UNIQUE;\n"
    f"CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:{DOCUMENT_SPACE}) REQUIRE n.id IS UNIQUE;\n")
SCHEMA_MARK = "// ---- part 1: schema (Neo4j 5 only) ----"
LOAD_MARK = "// ---- part 2: data (portable openCypher: LOAD CSV + MERGE; the same as load.cypher) ----"


def load_script(files: list[CsvFile]) -> str:
    """Every file's LOAD CSV statement, nodes before relationships; running it twice changes nothing."""
    return "\n\n".join(load_statement(f) for f in files if f.rows) + "\n"


def import_script(files: list[CsvFile]) -> str:
    """The script for a Neo4j 5 server: constraints first, then the portable loading part."""
    return (f"// regiokg import for Neo4j 5: cypher-shell -f import.cypher (CSV files in the server's import folder)\n"
            f"{SCHEMA_MARK}\n{SCHEMA}\n{LOAD_MARK}\n{load_script(files)}")


def admin_command(files: list[CsvFile]) -> str:
    """The neo4j-admin command that imports every file (run from $NEO4J_HOME with the files in import/)."""
    args = [f"  --{f.kind}=import/{f.name}" for f in files if f.rows]
    return " \\\n".join(["bin/neo4j-admin database import full --overwrite-destination --id-type=string "
                         f"--array-delimiter='{ARRAY_DELIMITER}'", *args, "  neo4j"])


def readme(files: list[CsvFile]) -> str:
    counts = "\n".join(f"- `{f.name}`: {len(f.rows)} {f.kind[:-1] if len(f.rows) == 1 else f.kind}"
                       for f in files if f.rows)
    return f"""# regiokg graph for Neo4j 5

Nodes: `:Entity` plus one type label (`:District`, `:Enterprise`, `:Project`, `:Park`, `:Award`,
`:Organization`) with `id`, `iri`, `name`, `aliases`; `:Document` with `id`, `iri`, `sourceFile`,
`reportYear`, `publicationYear`. Relationships: one per supporting sentence (rdf:Statement), so
`(:Entity)-[:LOCATED_IN {{statement, year, document, evidence, start, end}}]->(:Entity)` and likewise
`RECEIVED_AWARD`, `PART_OF`, `DEVELOPED_BY`, `COOPERATES_WITH`; `(:Entity)-[:MENTIONED_IN]->(:Document)`.

{counts}

## A. Offline bulk import (empty database, fastest)

Stop the server, copy the CSV files into `$NEO4J_HOME/import/`, then from `$NEO4J_HOME`:

```bash
bin/neo4j stop
cp /path/to/this/folder/*.csv import/
{admin_command(files)}
bin/neo4j start
```

This replaces the database `neo4j`. Afterwards run the constraints in `schema.cypher` once:
`bin/cypher-shell -u neo4j -p PASSWORD -f /path/to/this/folder/schema.cypher`.

## B. Into a running server (LOAD CSV, idempotent)

Copy the CSV files into the server's import folder (`$NEO4J_HOME/import/`, or `/var/lib/neo4j/import/`
for the Debian package, or `/import` in the Docker image), then:

```bash
cp /path/to/this/folder/*.csv $NEO4J_HOME/import/
bin/cypher-shell -u neo4j -p PASSWORD -f /path/to/this/folder/import.cypher
```

`import.cypher` creates the uniqueness constraints (Neo4j 5 syntax) and then MERGEs every node and
relationship, so running it again changes nothing. `load.cypher` is the same without the constraints:
portable openCypher that also runs on FalkorDB and Memgraph (FalkorDB: start the server with
`--loadmodule falkordb.so IMPORT_FOLDER /path/to/this/folder/`).

## Queries

```cypher
MATCH (e:Enterprise)-[r:RECEIVED_AWARD]->(a:Award)
RETURN e.name, a.name, r.year, r.evidence ORDER BY r.year;
```
"""


def write(kg: KnowledgeGraph, out: Path) -> None:
    """Write the Neo4j import folder `out`: one CSV per label and type, schema/load/import scripts, README."""
    ensure_dir(out)
    files = node_files(kg) + relationship_files(kg)
    for f in files:
        write_text(out / f.name, render_csv(f))
    for stale in own_csv_names() - {f.name for f in files}:  # from an earlier export of another graph
        (out / stale).unlink(missing_ok=True)
    write_text(out / "schema.cypher", SCHEMA)
    write_text(out / "load.cypher", load_script(files))
    write_text(out / "import.cypher", import_script(files))
    write_text(out / "README.md", readme(files))
