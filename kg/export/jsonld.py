"""KnowledgeGraph → JSON-LD with a short, readable @context (label, locatedIn, year, evidence, …)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kg.atomic import write_text
from kg.export.rdf import to_rdf
from kg.model import EntityType, KnowledgeGraph, Predicate
from kg.vocab import PREFIXES


def context() -> dict[str, Any]:
    """The @context: prefixes, one short name per class and property, datatypes and @zh where they apply."""
    ctx: dict[str, Any] = {"@base": PREFIXES["kgr"], **PREFIXES}
    for t in EntityType:
        ctx[t.value] = f"kg:{t.value}"
    ctx["Document"] = "kg:Document"
    ctx["Statement"] = "rdf:Statement"
    ctx["label"] = {"@id": "rdfs:label", "@language": "zh"}
    ctx["altLabel"] = {"@id": "skos:altLabel", "@language": "zh"}
    for p in Predicate:
        ctx[p.value] = {"@id": f"kg:{p.value}", "@type": "@id", "@container": "@set"}
    ctx["mentionedIn"] = {"@id": "kg:mentionedIn", "@type": "@id", "@container": "@set"}
    ctx["subject"] = {"@id": "rdf:subject", "@type": "@id"}
    ctx["predicate"] = {"@id": "rdf:predicate", "@type": "@vocab"}
    ctx["object"] = {"@id": "rdf:object", "@type": "@id"}
    ctx["year"] = {"@id": "kg:year", "@type": "xsd:gYear"}
    ctx["derivedFrom"] = {"@id": "prov:wasDerivedFrom", "@type": "@id"}
    ctx["evidence"] = {"@id": "kg:evidence", "@language": "zh"}
    ctx["startOffset"] = {"@id": "kg:startOffset", "@type": "xsd:integer"}
    ctx["endOffset"] = {"@id": "kg:endOffset", "@type": "xsd:integer"}
    ctx["reportYear"] = {"@id": "kg:reportYear", "@type": "xsd:gYear"}
    ctx["publicationYear"] = {"@id": "kg:publicationYear", "@type": "xsd:gYear"}
    ctx["sourceFile"] = "kg:sourceFile"
    return ctx


_IRI_KEYS = frozenset({"@id", "subject", "object", "derivedFrom", "mentionedIn", *(p.value for p in Predicate)})


def _relative(value: Any) -> Any:
    """kgr: IRIs written relative to the context's @base ("enterprise/1f…" rather than the full IRI)."""
    if isinstance(value, list):
        return [_relative(v) for v in value]
    if isinstance(value, str) and value.startswith(PREFIXES["kgr"]):
        return value[len(PREFIXES["kgr"]):]
    return value


def to_jsonld(kg: KnowledgeGraph) -> str:
    """The graph as compacted JSON-LD: {"@context": …, "@graph": [one object per node]}."""
    data = json.loads(to_rdf(kg).serialize(
        format="json-ld", context={"@context": {k: v for k, v in context().items() if k != "@base"}},
        auto_compact=True))
    nodes = data.get("@graph", [data] if "@id" in data else [])
    nodes = [{k: _relative(v) if k in _IRI_KEYS else v for k, v in n.items() if k != "@context"} for n in nodes]
    return json.dumps({"@context": context(), "@graph": sorted(nodes, key=lambda n: n.get("@id", ""))},
                      ensure_ascii=False, indent=2) + "\n"


def write(kg: KnowledgeGraph, out: Path) -> None:
    """Write the JSON-LD file `out` atomically."""
    write_text(out, to_jsonld(kg))
