"""SPARQL over a built graph with pyoxigraph: ready-made queries with {{param}} placeholders, and result tables."""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import GraphError
from kg.resources import queries_dir
from kg.vocab import PREFIXES

FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS, ".jsonld": ox.RdfFormat.JSON_LD, ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML, ".xml": ox.RdfFormat.RDF_XML, ".n3": ox.RdfFormat.N3,
}
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
_PARAM = re.compile(r"^#\s*param:\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*(?:\((int|string)\))?\s*$")


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    default: str
    kind: str = "string"     # "string" → a SPARQL string literal; "int" → an integer


@dataclass(frozen=True, slots=True)
class ShippedQuery:
    """A ready-made query of kg/queries: its name (file stem), header comments and text."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str


@dataclass(frozen=True, slots=True)
class Result:
    """A query result as plain values: column names, and rows of strings (None where unbound)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]


def parse_query_file(path: Path) -> ShippedQuery:
    """Read a .rq file and its `# title:`, `# description:` and `# param: name = default (int)` header lines."""
    text = path.read_text(encoding="utf-8")
    title = description = ""
    params = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if m := _PARAM.match(line):
            params.append(Param(m.group(1), m.group(2), m.group(3) or "string"))
        elif line.startswith("# title:"):
            title = line.split(":", 1)[1].strip()
        elif line.startswith("# description:"):
            description = line.split(":", 1)[1].strip()
    return ShippedQuery(path.stem, title, description, tuple(params), text)


def shipped_queries() -> dict[str, ShippedQuery]:
    """The ready-made queries by name (the .rq files shipped in kg/queries)."""
    return {p.stem: parse_query_file(p) for p in sorted(queries_dir().glob("*.rq"))}


def literal(value: str, kind: str = "string") -> str:
    """A parameter value as SPARQL text: an escaped string literal, or a checked integer."""
    if kind == "int":
        if not re.fullmatch(r"[+-]?\d+", value.strip()):
            raise GraphError(f"parameter value {value!r} is not an integer")
        return str(int(value))
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def fill(text: str, params: dict[str, str], declared: tuple[Param, ...] = ()) -> str:
    """Replace each {{name}} placeholder by its value (given, else the declared default); GraphError if one is missing."""
    kinds = {p.name: p.kind for p in declared}
    values = {p.name: p.default for p in declared} | params
    unknown = sorted(set(params) - set(_PLACEHOLDER.findall(text)))
    if unknown:
        raise GraphError(f"unknown parameter(s) {', '.join(unknown)}; the query has: "
                         f"{', '.join(sorted(set(_PLACEHOLDER.findall(text)))) or 'none'}")

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in values:
            raise GraphError(f"the query needs --param {name}=VALUE")
        return literal(values[name], kinds.get(name, "string"))

    return _PLACEHOLDER.sub(sub, text)


def resolve(query: str, params: dict[str, str] | None = None) -> str:
    """SPARQL text from QUERY: the name of a shipped query, a .rq file, or SPARQL itself; placeholders filled."""
    params = params or {}
    shipped = shipped_queries()
    if query in shipped:
        return fill(shipped[query].text, params, shipped[query].params)
    path = Path(query)
    if query.endswith(".rq") or (len(query) < 4096 and "\n" not in query and path.is_file()):
        if not path.is_file():
            raise GraphError(f"{path}: no such query file")
        q = parse_query_file(path)
        return fill(q.text, params, q.params)
    return fill(query, params)


def load_store(path: Path) -> ox.Store:
    """An in-memory pyoxigraph store holding the RDF file at `path` (format from its extension)."""
    if not path.is_file():
        raise GraphError(f"{path}: no such file")
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise GraphError(f"{path}: unknown RDF file extension; use one of {', '.join(sorted(FORMATS))}")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as e:
        raise GraphError(f"{path}: cannot parse RDF: {e}") from e
    return store


def _value(term: object) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value  # type: ignore[attr-defined]


def _rows(answer: ox.QuerySolutions) -> tuple[tuple[str | None, ...], ...]:
    """Each solution's values in the order of the variables: iterating a solution yields its terms in that
    order, which is ~3x faster than looking each one up by name (70,000 rows x 6 columns: 0.57 -> 0.2 s)."""
    return tuple(tuple(map(_value, solution)) for solution in answer)


def run(store: ox.Store, sparql: str) -> Result:
    """Run a SELECT, ASK or CONSTRUCT/DESCRIBE query over the union of the store's graphs."""
    try:
        answer = store.query(sparql, use_default_graph_as_union=True,
                             prefixes={p: str(ns) for p, ns in PREFIXES.items()})
    except SyntaxError as e:
        detail = " ".join(str(e).split())
        raise GraphError(f"SPARQL syntax error: {detail[:150]}{'…' if len(detail) > 150 else ''}") from e
    except (OSError, ValueError, RuntimeError) as e:
        raise GraphError(f"the query failed: {e}") from e
    if isinstance(answer, ox.QuerySolutions):
        columns = tuple(v.value for v in answer.variables)
        return Result(columns, _rows(answer))
    if isinstance(answer, ox.QueryBoolean):
        return Result(("ask",), ((str(bool(answer)).lower(),),))
    return Result(("subject", "predicate", "object"),
                  tuple((_value(t.subject), _value(t.predicate), _value(t.object)) for t in answer))


def query_file(graph: Path, query: str, params: dict[str, str] | None = None) -> Result:
    """Load GRAPH and run QUERY (a shipped query's name, a .rq file or SPARQL text) on it."""
    return run(load_store(graph), resolve(query, params))


# ------------------------------------------------------------------ rendering

def shorten(value: str | None) -> str:
    """An IRI with a known prefix as prefix:local; other values unchanged; None as ''."""
    if value is None:
        return ""
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if value.startswith(ns):
            return f"{prefix}:{value[len(ns):]}"
    return value


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def to_table(result: Result, max_width: int = 60) -> str:
    """An aligned text table (Chinese characters count double), long cells cut with …."""
    def cell(v: str | None) -> str:
        s = " ".join(shorten(v).split())
        while _width(s) > max_width:
            s = s[:-2] + "…"
        return s

    rows = [[cell(v) for v in row] for row in result.rows]
    widths = [max([_width(c)] + [_width(r[i]) for r in rows]) for i, c in enumerate(result.columns)]
    lines = [" | ".join(_pad(c, w) for c, w in zip(result.columns, widths)).rstrip(),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def to_csv(result: Result) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([["" if v is None else v for v in row] for row in result.rows])
    return out.getvalue()


def to_json(result: Result) -> str:
    """A JSON list of row objects (unbound columns left out)."""
    rows = [{c: v for c, v in zip(result.columns, row) if v is not None} for row in result.rows]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"table": to_table, "csv": to_csv, "json": to_json}


def render(result: Result, fmt: str) -> str:
    try:
        return RENDERERS[fmt](result)
    except KeyError:
        raise GraphError(f"unknown output format {fmt!r}; use one of {', '.join(RENDERERS)}") from None


def listing() -> str:
    """The shipped queries, one paragraph each: name, title, parameters, description."""
    parts = []
    for q in shipped_queries().values():
        params = " ".join(f"--param {p.name}={p.default}" for p in q.params)
        parts.append(f"{q.name}: {q.title}\n    {q.description}\n    kg query GRAPH {q.name}" + (f" {params}" if params else ""))
    return "\n".join(parts) + "\n"
