"""Check an RDF graph against the SHACL shapes of the extraction contract; one readable line per problem."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDFS, Graph, Literal, Node, URIRef
from rdflib.namespace import SH

from kg.errors import GraphError, ValidationError
from kg.resources import ontology_file
from kg.vocab import PREFIXES

_IRI = re.compile(r"https?://[^\s<>\"{}]+")


@dataclass(frozen=True, slots=True)
class Finding:
    """One SHACL result: where, what, and how bad."""

    severity: str          # "Violation", "Warning" or "Info"
    focus: str             # the node that breaks the rule, shortened (kgr:…) with its label if any
    path: str              # the property, shortened; "" for node-level rules
    value: str             # the offending value, shortened; "" when the problem is a missing value
    message: str

    def line(self) -> str:
        where = self.focus + (f" {self.path}" if self.path else "")
        got = f" (got {self.value})" if self.value and self.value != self.focus else ""
        return f"{self.severity}: {where}: {self.message}{got}"


def load_shapes() -> Graph:
    """The shapes shipped with kg (ontology/shapes.ttl)."""
    path = ontology_file("shapes.ttl")
    return Graph().parse(path)


def _short(node: Node | None, data: Graph) -> str:
    if node is None:
        return ""
    if isinstance(node, Literal):
        text = str(node)
        text = text if len(text) <= 40 else text[:39] + "…"
        if node.language:
            return f'"{text}"@{node.language}'
        if node.datatype:
            return f'"{text}"^^{_short(node.datatype, data)}'
        return f'"{text}"'
    if isinstance(node, URIRef):
        iri = str(node)
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if iri.startswith(ns):
                iri = f"{prefix}:{iri[len(ns):]}"
                break
        else:
            iri = f"<{iri}>"
        label = data.value(node, RDFS.label)
        return f"{iri} ({label})" if label is not None else iri
    return f"_:{node}"


def _path(node: Node | None, shapes: Graph, data: Graph) -> str:
    if node is None:
        return ""
    if isinstance(node, URIRef):
        return _short(node, Graph())
    items = list(shapes.items(node)) or list(data.items(node))
    return "/".join(_short(i, Graph()) for i in items) if items else ""


def findings(data: Graph, shapes: Graph | None = None) -> list[Finding]:
    """Every SHACL result for `data`, violations first, in a stable order."""
    import pyshacl

    shapes = shapes if shapes is not None else load_shapes()
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, advanced=True, allow_warnings=True)
    out = []
    for r in report.subjects(SH.resultSeverity, None):
        severity = str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1]
        path = report.value(r, SH.resultPath)
        out.append(Finding(
            severity=severity,
            focus=_short(report.value(r, SH.focusNode), data),
            path=_path(path, report, data),
            value=_short(report.value(r, SH.value), data),
            message=_IRI.sub(lambda m: _short(URIRef(m.group(0)), data),
                             str(report.value(r, SH.resultMessage) or "breaks a shape")),
        ))
    rank = {"Violation": 0, "Warning": 1, "Info": 2}
    return sorted(set(out), key=lambda f: (rank.get(f.severity, 3), f.focus, f.path, f.value, f.message))


def validate(data: Graph, source: str = "graph", shapes: Graph | None = None, strict: bool = False) -> list[Finding]:
    """The findings of `data`; ValidationError (one line each) if any is a Violation (or any at all, if strict)."""
    found = findings(data, shapes)
    violations = [f.line() for f in found if strict or f.severity == "Violation"]
    if violations:
        shown = "\n".join(violations[:20]) + (f"\n… and {len(violations) - 20} more" if len(violations) > 20 else "")
        raise ValidationError(f"{source}: {len(violations)} SHACL {'finding' if strict else 'violation'}(s) of the regiokg shapes:\n{shown}",
                              violations)
    return found


def validate_file(path: Path, strict: bool = False) -> list[Finding]:
    """Parse an RDF file and validate it (GraphError when it does not parse)."""
    if not path.exists():
        raise GraphError(f"{path}: no such file")
    try:
        data = Graph().parse(path)
    except Exception as e:  # rdflib raises many kinds of parse errors
        detail = " ".join(str(e).split())[:200] or type(e).__name__
        raise GraphError(f"{path}: cannot parse RDF: {detail}") from e
    return validate(data, str(path), strict=strict)
