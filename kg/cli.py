"""The `kg` command: a thin Typer shell over the library functions of the same names."""
from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.atomic import ensure_dir
from kg.build import build_graph, open_cache
from kg.ingest import MAX_BYTES, Skip, shown
from kg.errors import KgError, ValidationError
from kg.export import EXPORTERS, FOLDER_FORMATS, export
from kg.export.html import size_note
from kg.export.rdf import read_graph, to_rdf
from kg.model import KnowledgeGraph
from kg.view import district_view, find_district
from kg.validate import validate, validate_file

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="regiokg: build knowledge graphs of enterprises, projects, parks, awards and districts "
    "from Chinese regional economic reports.",
)


@app.callback()
def _root() -> None:
    """regiokg: knowledge graphs from Chinese regional economic reports."""


def fail(error: KgError) -> None:
    typer.echo(f"Error: {error}", err=True)
    raise typer.Exit(1)


def parse_overrides(items: list[str]) -> dict[str, str | int | float | bool]:
    """`section.key=value` pairs → config overrides (values parsed as JSON where possible)."""
    import json

    out: dict[str, str | int | float | bool] = {}
    for item in items:
        if "=" not in item:
            raise KgError(f"--set {item!r}: expected SECTION.KEY=VALUE, e.g. components.kg_tagger.model=jieba")
        key, value = item.split("=", 1)
        try:
            out[key.strip()] = json.loads(value)
        except json.JSONDecodeError:
            out[key.strip()] = value
    return out


def summary(kg: KnowledgeGraph, seconds: float, skipped: int = 0) -> str:
    types = Counter(e.type.value for e in kg.entities.values())
    preds = Counter(r.predicate.value for r in kg.relations)
    stmts = sum(len(r.statements) for r in kg.relations)
    lines = [f"documents read: {len(kg.documents)}",
             f"files skipped: {skipped}" + (" (see the warnings above)" if skipped else ""),
             f"entities: {len(kg.entities)} (" + ", ".join(f"{t} {n}" for t, n in sorted(types.items())) + ")",
             f"relations: {len(kg.relations)} with {stmts} statements (" +
             ", ".join(f"{p} {n}" for p, n in sorted(preds.items())) + ")",
             f"time: {seconds:.1f} s"]
    return "\n".join(lines)


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """While inside, `kill` (SIGTERM) stops like Ctrl-C does, so a temporary output file is removed on the way out."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    owner = os.getpid()

    def stop(signum: int, frame: object) -> None:
        if os.getpid() != owner:  # a forked worker inherited the handler: end quietly, the parent cleans up
            os._exit(128 + signum)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@app.command()
def build(
    inputs: Annotated[Optional[list[Path]], typer.Argument(
        help="Files and folders of .txt/.md documents (UTF-8, GB18030/GBK). None: the bundled sample corpus.",
        show_default=False)] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder for graph.ttl and graph.html.")] = Path("out"),
    config: Annotated[Optional[Path], typer.Option(help="A pipeline config to use instead of the default.")] = None,
    set_: Annotated[Optional[list[str]], typer.Option(
        "--set", help="Override a config value: SECTION.KEY=VALUE (repeatable).")] = None,
    html: Annotated[bool, typer.Option(help="Also write graph.html.")] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary (warnings still).")] = False,
    strict: Annotated[bool, typer.Option(
        help="Fail (exit code 1, no output written) when any input file is skipped.")] = False,
    max_mb: Annotated[float, typer.Option(
        "--max-mb", help="Skip single documents larger than this many megabytes.")] = MAX_BYTES / 1e6,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help=(
        "Processes that extract documents in parallel, each loading the pipeline once."))] = 1,
    cache: Annotated[bool, typer.Option("--cache/--no-cache", help=(
        "Reuse per-document extractions of earlier builds (keyed by file content, pipeline code and config); "
        "--no-cache extracts everything again."))] = True,
    cache_dir: Annotated[Optional[Path], typer.Option(help="Where the extraction cache lives (default: OUT/.cache).")] = None,
) -> None:
    """Build the knowledge graph of INPUTS into OUT/graph.ttl and OUT/graph.html.

    A file that cannot be read (empty, binary, undecodable, too large, unreadable, gone) is skipped with one
    warning line and the build goes on; --strict turns skips into a failure. Outputs are written to a
    temporary file and renamed, so an interrupted build leaves the previous ones intact.

    Example: kg build reports/ --out out --workers 2
    """
    started = time.perf_counter()
    skips: list[Skip] = []
    line_open = False

    def progress(done: int, total: int, name: str) -> None:
        nonlocal line_open
        if quiet:
            return
        width = 30
        filled = int(width * done / total)
        sys.stderr.write(f"\rreading [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {shown(name)[:40]:<40}")
        line_open = done != total
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    def on_skip(skip: Skip) -> None:
        nonlocal line_open
        skips.append(skip)
        if line_open:
            sys.stderr.write("\n")
            line_open = False
        typer.echo(skip.line(), err=True)

    try:
        with sigterm_as_interrupt():
            ensure_dir(out)
            overrides = parse_overrides(set_ or [])
            store = open_cache(cache_dir or out / ".cache", config, overrides) if cache else None
            kg = build_graph(inputs or None, config_path=config, overrides=overrides, progress=progress,
                             workers=workers, cache=store, on_skip=on_skip, max_bytes=int(max_mb * 1e6))
            if not kg.documents:
                raise KgError(f"no document could be read ({len(skips)} file(s) skipped); nothing written")
            if strict and skips:
                raise KgError(f"{len(skips)} input file(s) skipped and --strict is set; nothing written")
            write_outputs(kg, out, html, "kg build")
    except KgError as e:
        fail(e)
    if not quiet:
        typer.echo(summary(kg, time.perf_counter() - started, len(skips)))
        if store is not None:
            typer.echo(f"cache: {store.hits} document(s) reused, {store.misses} extracted ({store.folder})")
        typer.echo(f"wrote {out / 'graph.ttl'}" + (f" and {out / 'graph.html'}" if html else ""))
    note = size_note(kg, out / "graph.ttl") if html else None
    if note:
        typer.echo(note, err=True)


def progress(done: int, total: int, name: str) -> None:
    width = 30
    filled = int(width * done / total)
    sys.stderr.write(f"\rreading [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:40]:<40}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


VALIDATE_LIMIT = 20_000  # statements; SHACL (pyshacl) needs ~0.5 ms a triple, minutes for a big corpus


def validate_graph(kg: KnowledgeGraph, source: str) -> None:
    """Check the graph against the contract's SHACL shapes; a big graph is left to `kg validate` (with a note)."""
    size = sum(len(r.statements) for r in kg.relations)
    if size > VALIDATE_LIMIT:
        typer.echo(f"note: {size} statements: the SHACL check is skipped (slow at this size); "
                   f"run kg validate on the graph to do it", err=True)
        return
    validate(to_rdf(kg), source=source)


def write_outputs(kg: KnowledgeGraph, out: Path, html: bool, made_by: str) -> None:
    """Validate `kg` against the shapes, then write OUT/graph.ttl (and OUT/graph.html)."""
    validate_graph(kg, f"{out / 'graph.ttl'} (the graph {made_by} made)")
    export(kg, "ttl", out / "graph.ttl")
    if html:
        export(kg, "html", out / "graph.html")


@app.command("extract")
def extract_cmd(
    inputs: Annotated[list[Path], typer.Argument(help="Files and folders of .txt/.md documents.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for one fragment file per document.")] = Path("fragments"),
    config: Annotated[Optional[Path], typer.Option(help="A pipeline config to use instead of the default.")] = None,
    set_: Annotated[Optional[list[str]], typer.Option(
        "--set", help="Override a config value: SECTION.KEY=VALUE (repeatable).")] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes extracting in parallel.")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """The map step alone: write OUT/<document>.kgx.json, the extraction of each document, for kg merge.

    Run it on parts of a corpus on different machines, then merge all fragments. Example:
    kg extract reports/2023 --out frags; kg extract reports/2024 --out frags; kg merge frags --out out
    """
    from kg.build import extract
    from kg.fragments import write_fragment

    try:
        ensure_dir(out)
        found = extract(inputs, config_path=config, overrides=parse_overrides(set_ or []),
                        progress=None if quiet else progress, workers=workers,
                        on_skip=lambda skip: typer.echo(skip.line(), err=True))
        for ex in found:
            write_fragment(ex, out)
    except KgError as e:
        fail(e)
    if not quiet:
        typer.echo(f"wrote {len(found)} fragment(s) to {out}")


@app.command("merge")
def merge_cmd(
    fragments: Annotated[list[Path], typer.Argument(help="Fragment files (*.kgx.json) or folders of them, from kg extract.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder for graph.ttl and graph.html.")] = Path("out"),
    html: Annotated[bool, typer.Option(help="Also write graph.html.")] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """The reduce step: resolve the fragments of kg extract into one graph, OUT/graph.ttl (and graph.html).

    Example: kg merge frags --out out
    """
    from kg.fragments import read_fragments
    from kg.resolve import resolve

    started = time.perf_counter()
    try:
        ensure_dir(out)
        kg = resolve(read_fragments(fragments))
        write_outputs(kg, out, html, "kg merge")
    except KgError as e:
        fail(e)
    if not quiet:
        typer.echo(summary(kg, time.perf_counter() - started))
        typer.echo(f"wrote {out / 'graph.ttl'}" + (f" and {out / 'graph.html'}" if html else ""))


@app.command("export")
def export_cmd(
    graph: Annotated[Path, typer.Argument(help="A graph file written by `kg build` (graph.ttl).")],
    format: Annotated[str, typer.Option("--format", "-f", help="Output format: " + ", ".join(sorted(EXPORTERS)))] = "ttl",
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help=(
        "Output file; a folder for " + ", ".join(sorted(FOLDER_FORMATS)) +
        ". Default: beside GRAPH (out/graph.nt, out/neo4j/)."))] = None,
) -> None:
    """Convert a built graph to another format.

    Examples: kg export out/graph.ttl --format nt --out out/graph.nt;
    kg export out/graph.ttl --format neo4j --out out/neo4j (CSV + Cypher + README);
    kg export out/graph.ttl --format graphdb --out out/graphdb (Turtle, TriG, config.ttl, curl commands).
    """
    try:
        kg = read_graph(graph)
        target = out or (graph.parent / format if format in FOLDER_FORMATS else graph.with_suffix("." + format))
        export(kg, format, target)
    except KgError as e:
        fail(e)
    typer.echo(f"wrote {target}")


@app.command("validate")
def validate_cmd(
    graph: Annotated[Path, typer.Argument(help="An RDF graph file (graph.ttl from kg build, or N-Triples).")],
    strict: Annotated[bool, typer.Option(help="Fail on warnings too (relation domains and ranges).")] = False,
) -> None:
    """Check GRAPH against the SHACL shapes of the extraction contract; one line per violation.

    Example: kg validate out/graph.ttl
    """
    try:
        found = validate_file(graph, strict=strict)
    except ValidationError as e:
        for line in e.violations:
            typer.echo(line)
        fail(KgError(f"{graph}: {len(e.violations)} violation(s) of the regiokg shapes"))
    except KgError as e:
        fail(e)
    for f in found:
        typer.echo(f.line())
    typer.echo(f"{graph}: conforms to the regiokg shapes" + (f" ({len(found)} warning(s))" if found else ""))


@app.command("view")
def view_cmd(
    graph: Annotated[Path, typer.Argument(help="A graph file written by `kg build` (graph.ttl).")],
    district: Annotated[str, typer.Option("--district", "-d", help="The district's name or alias, e.g. 甘井子区.")],
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Output page (default: graph-DISTRICT.html beside GRAPH).")] = None,
) -> None:
    """Write an interactive page of one district: the district, what lies in it, and their direct neighbours.

    Example: kg view out/graph.ttl --district 甘井子区 --out out/ganjingzi.html
    """
    try:
        kg = read_graph(graph)
        district_id = find_district(kg, district)
        view = district_view(kg, district_id)
        target = out or graph.with_name(f"graph-{kg.entities[district_id].label}.html")
        export(view, "html", target)
    except KgError as e:
        fail(e)
    typer.echo(f"wrote {target}: {kg.entities[district_id].label}, {len(view.entities)} entities, "
               f"{len(view.relations)} relations")


@app.command("explain")
def explain_cmd(
    entity: Annotated[str, typer.Argument(help="The entity's label or alias, e.g. 甘井子区.")],
    graph: Annotated[Path, typer.Argument(help="A graph file written by `kg build` (graph.ttl).")],
) -> None:
    """Print every relation of ENTITY in GRAPH, one line per supporting statement: year, document, offsets, evidence.

    Example: kg explain 甘井子区 out/graph.ttl
    """
    from kg.explain import explain_file

    try:
        found, facts = explain_file(graph, entity)
    except KgError as e:
        fail(e)
    typer.echo(f"{found.label} ({found.type.value}): {len(facts)} statement(s)")
    for f in facts:
        typer.echo(f.line())


@app.command("query")
def query_cmd(
    graph: Annotated[Optional[Path], typer.Argument(
        help="An RDF file: graph.ttl from kg build, or .nt, .trig, .jsonld.", show_default=False)] = None,
    query: Annotated[Optional[str], typer.Argument(
        help="SPARQL text, a .rq file, or the name of a shipped query (see --list).", show_default=False)] = None,
    param: Annotated[Optional[list[str]], typer.Option(
        "--param", "-p", help="Fill a {{name}} placeholder: NAME=VALUE (repeatable).")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="Output: table, csv or json.")] = "table",
    list_: Annotated[bool, typer.Option("--list", help="List the shipped queries and exit.")] = False,
) -> None:
    """Run a SPARQL query on GRAPH (loaded into pyoxigraph) and print the result.

    Examples: kg query out/graph.ttl district-enterprises --param district=甘井子区;
    kg query out/graph.ttl my.rq --format csv; kg query --list
    """
    from kg.query import listing, query_file, render

    try:
        if list_:
            typer.echo(listing(), nl=False)
            return
        if graph is None or query is None:
            raise KgError("give GRAPH and QUERY, e.g. kg query out/graph.ttl awards-per-district-year (or --list)")
        params = {}
        for item in param or []:
            if "=" not in item:
                raise KgError(f"--param {item!r}: expected NAME=VALUE, e.g. district=甘井子区")
            key, value = item.split("=", 1)
            params[key.strip()] = value
        typer.echo(render(query_file(graph, query, params), format), nl=False)
    except KgError as e:
        fail(e)


@app.command("serve")
def serve_cmd(
    graph: Annotated[Path, typer.Argument(help="An RDF file: graph.ttl from kg build, or .nt, .trig, .jsonld.")],
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 7878,
    host: Annotated[str, typer.Option("--host", help=(
        "Address to bind: loopback only by default; 0.0.0.0 opens the endpoint to the network."))] = "127.0.0.1",
) -> None:
    """Serve GRAPH as a read-only SPARQL 1.1 Protocol endpoint on --host (127.0.0.1 by default; the Oxigraph server); Ctrl-C stops it.

    Example: kg serve out/graph.ttl --port 7878, then
    curl -G http://127.0.0.1:7878/query --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5'
    """
    from kg.serve import defer_sigterm, serve_forever, start

    defer_sigterm()
    try:
        server = start(graph, port, host)
    except KgError as e:
        fail(e)
    typer.echo(f"SPARQL endpoint: {server.url} (GET or POST; JSON, CSV, TSV, XML results)", err=True)
    typer.echo(f"query page: {server.ui}; Ctrl-C stops the server", err=True)
    code = serve_forever(server)
    if code not in (0, -15):
        fail(KgError(f"the oxigraph server exited with code {code}"))


@app.command("stats")
def stats_cmd(
    graph: Annotated[Path, typer.Argument(help="A graph file written by `kg build` (graph.ttl), or .nt, .trig, .jsonld.")],
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many entities in each ranking.")] = 10,
    format: Annotated[str, typer.Option("--format", "-f", help="Output: text or json.")] = "text",
) -> None:
    """Print what GRAPH holds: entities by type, relations by predicate and year, documents by report year,
    the most connected entities, those mentioned in the most documents, and likely unresolved duplicates.

    Example: kg stats out/graph.ttl --top 5
    """
    from kg.api import load_graph
    from kg.stats import graph_stats, render_text

    try:
        if format not in ("text", "json"):
            raise KgError(f"unknown output format {format!r}; use text or json")
        stats = graph_stats(load_graph(graph), top=top)
    except KgError as e:
        fail(e)
    typer.echo(stats.to_json() if format == "json" else render_text(stats), nl=False)


def main() -> None:  # pragma: no cover
    app(prog_name="kg")
