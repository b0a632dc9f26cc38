"""KnowledgeGraph → one self-contained interactive HTML page (pyvis, vis-network inlined, no CDN)."""
from __future__ import annotations

import html
import re
from pathlib import Path

from pyvis.network import Network

from kg.atomic import write_text
from kg.export.propgraph import to_networkx
from kg.model import KnowledgeGraph

COLORS = {"District": "#e4572e", "Enterprise": "#2e86ab", "Project": "#f3a712", "Park": "#6a994e",
          "Award": "#a23b72", "Organization": "#7d5ba6"}
SHAPES = {"District": "diamond", "Enterprise": "dot", "Project": "square", "Park": "triangle",
          "Award": "star", "Organization": "hexagon"}
PREDICATE_ZH = {"locatedIn": "位于", "receivedAward": "获得", "partOf": "隶属", "developedBy": "建设方",
                "cooperatesWith": "合作"}
_CDN = re.compile(r'<(?:link|script)[^>]+(?:cdn\.jsdelivr\.net|cdnjs\.cloudflare\.com)[^>]*>(?:\s*</script>)?')


def _tooltip(data: dict, facts: list[str]) -> str:
    lines = [f"{data['label']} [{data['type']}]"]
    if data["aliases"]:
        lines.append("别名: " + "、".join(data["aliases"]))
    lines.extend(facts[:12])
    if len(facts) > 12:
        lines.append(f"… {len(facts) - 12} more")
    return "\n".join(lines)


def render(kg: KnowledgeGraph) -> str:
    """The HTML text of the graph page."""
    nx_graph = to_networkx(kg)
    net = Network(height="90vh", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    facts: dict[str, list[str]] = {n: [] for n in nx_graph.nodes}
    for s, o, d in nx_graph.edges(data=True):
        year = f" ({d['year']})" if d["year"] else ""
        facts[s].append(f"{d['predicate']} → {nx_graph.nodes[o]['label']}{year}: {d['evidence'][:60]}")
    degree = dict(nx_graph.degree())
    for n, data in nx_graph.nodes(data=True):
        net.add_node(n, label=data["label"], title=_tooltip(data, facts[n]), group=data["type"],
                     color=COLORS[data["type"]], shape=SHAPES[data["type"]], size=10 + min(degree[n], 30))
    seen = set()
    for s, o, d in nx_graph.edges(data=True):
        key = (s, o, d["predicate"], d["year"])
        if key in seen:
            continue
        seen.add(key)
        label = PREDICATE_ZH[d["predicate"]] + (f" {d['year']}" if d["year"] else "")
        net.add_edge(s, o, label=label, title=d["evidence"], arrows="to")
    net.set_options("""{"physics": {"stabilization": {"iterations": 200}, "barnesHut": {"springLength": 120}},
      "edges": {"smooth": false, "font": {"size": 10}}, "nodes": {"font": {"size": 14}},
      "interaction": {"hover": true, "navigationButtons": false}}""")
    page = net.generate_html()
    page = _CDN.sub("", page)
    legend = "".join(f'<span style="margin-right:1em"><b style="color:{c}">●</b> {html.escape(t)}</span>'
                     for t, c in COLORS.items())
    page = page.replace("<body>", f'<body>\n<div id="kg-legend" style="font-family:sans-serif;padding:4px">{legend}</div>', 1)
    return page


def write(kg: KnowledgeGraph, out: Path) -> None:
    write_text(out, render(kg))
