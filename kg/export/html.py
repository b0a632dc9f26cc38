"""KnowledgeGraph → one self-contained interactive HTML page (pyvis, vis-network inlined, no CDN)."""
from __future__ import annotations

import html
import json
import math
import re
from collections import defaultdict
from pathlib import Path

from pyvis.network import Network

from kg.atomic import write_text
from kg.errors import OutputError
from kg.export.layout import cluster_layout
from kg.model import EntityType, KnowledgeGraph
from kg.view import districts_of

COLORS = {"District": "#e4572e", "Enterprise": "#2e86ab", "Project": "#f3a712", "Park": "#6a994e",
          "Award": "#a23b72", "Organization": "#7d5ba6"}
SHAPES = {"District": "diamond", "Enterprise": "dot", "Project": "square", "Park": "triangle",
          "Award": "star", "Organization": "hexagon"}
SYMBOLS = {"diamond": "◆", "dot": "●", "square": "■", "triangle": "▲", "star": "★", "hexagon": "⬢"}
TYPE_ZH = {"District": "区县", "Enterprise": "企业", "Project": "项目", "Park": "园区", "Award": "奖项",
           "Organization": "机构"}
PREDICATE_ZH = {"locatedIn": "位于", "receivedAward": "获得", "partOf": "隶属", "developedBy": "建设方",
                "cooperatesWith": "合作"}
FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'
PHYSICS_MAX_NODES = 600      # above this the page uses the precomputed layout with physics off
COMFORTABLE_NODES = 2000     # above this a page gets slow to pan and zoom; `kg build` suggests `kg view`
_ASSETS = Path(__file__).with_name("assets")
_EXTERNAL = re.compile(r'<(?:link|script)\b[^>]*\b(?:href|src)\s*=\s*["\']?(?:https?:)?//[^>]*>(?:\s*</script>)?', re.I)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>")
_DEAD_COMMENT = re.compile(r"<!--(?:(?!-->).)*node_modules.*?-->", re.S)
_DRAW_CALL = re.compile(r"drawGraph\(\);\s*</script>")


def _years(years: set[int | None]) -> list[int]:
    return sorted(y for y in years if y is not None)


def _edge_label(predicate: str, years: list[int]) -> str:
    if not years:
        return PREDICATE_ZH[predicate]
    shown = ",".join(map(str, years)) if len(years) <= 3 else f"{years[0]}–{years[-1]}"
    return f"{PREDICATE_ZH[predicate]} {shown}"


def page_data(kg: KnowledgeGraph) -> tuple[list[dict], list[dict], dict]:
    """vis-network node and edge records (with kg* fields for the page's controls) and the page's metadata."""
    source = {d.id: d.source_file or d.id for d in kg.documents}
    districts = districts_of(kg)
    adjacency: dict[str, set[str]] = defaultdict(set)
    degree: dict[str, int] = defaultdict(int)
    edges = []
    for i, rel in enumerate(kg.relations):
        years = _years({st.year for st in rel.statements})
        facts = [[st.year, source.get(st.document_id, st.document_id), st.evidence] for st in rel.statements]
        edges.append({"id": i, "from": rel.subject, "to": rel.object, "label": _edge_label(rel.predicate.value, years),
                      "title": f"{PREDICATE_ZH[rel.predicate.value]} ({rel.predicate.value}) "
                               f"{', '.join(map(str, years)) or '年份不详'}",
                      "kgPred": rel.predicate.value, "kgYears": years, "kgFacts": facts})
        adjacency[rel.subject].add(rel.object)
        adjacency[rel.object].add(rel.subject)
        degree[rel.subject] += 1
        degree[rel.object] += 1
    order = {t.value: i for i, t in enumerate(EntityType)}
    ids = list(kg.entities)
    positions = cluster_layout(ids, adjacency, districts,
                               {n: (order[kg.entities[n].type.value], -degree[n]) for n in ids})
    nodes = []
    for eid, ent in kg.entities.items():
        t = ent.type.value
        aliases = sorted(ent.aliases - {ent.label})
        title = f"{ent.label}\n{TYPE_ZH[t]} {t}" + (f"\n别名: {'、'.join(aliases[:6])}" if aliases else "")
        x, y = positions[eid]
        nodes.append({"id": eid, "label": ent.label, "group": t, "color": COLORS[t], "shape": SHAPES[t],
                      "size": round(9 + 5 * math.sqrt(degree[eid]), 1), "x": x, "y": y, "title": title,
                      "kgType": t, "kgNames": [ent.label, *aliases], "kgDistricts": list(districts[eid]),
                      "kgDocs": sorted(source.get(d, d) for d in ent.documents), "kgDegree": degree[eid]})
    all_years = [y for e in edges for y in e["kgYears"]]
    meta = {
        "types": [{"type": t, "zh": TYPE_ZH[t], "color": COLORS[t], "symbol": SYMBOLS[SHAPES[t]],
                   "count": sum(1 for n in nodes if n["kgType"] == t)} for t in COLORS],
        "districts": sorted(([d.id, d.label] for d in kg.entities.values() if d.type is EntityType.DISTRICT),
                            key=lambda p: p[1]),
        "yearMin": min(all_years, default=None), "yearMax": max(all_years, default=None),
        "physics": len(nodes) <= PHYSICS_MAX_NODES, "predicates": PREDICATE_ZH, "typeZh": TYPE_ZH,
    }
    return nodes, edges, meta


def _options(physics: bool, big: bool) -> dict:
    return {
        "nodes": {"font": {"size": 15, "face": FONT, "strokeWidth": 3, "strokeColor": "#ffffff"}, "borderWidth": 1},
        "edges": {"smooth": False, "width": 1, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "color": {"color": "#a0aab4", "highlight": "#222222", "hover": "#444444"},
                  "font": {"size": 10, "face": FONT, "color": "#555555", "strokeWidth": 3, "align": "middle"}},
        "physics": {"enabled": physics, "solver": "barnesHut", "minVelocity": 1,
                    "barnesHut": {"gravitationalConstant": -9000, "springLength": 160, "springConstant": 0.03,
                                  "avoidOverlap": 0.6},
                    "stabilization": {"enabled": True, "iterations": 200, "updateInterval": 20, "fit": True}},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 200, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
    }


def _separators_escaped(text: str) -> str:
    """U+2028/U+2029 as escapes: they end a string literal in JavaScript before ES2019."""
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _script_json(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return _separators_escaped(text)


def _template_json(value: object, **kwargs: object) -> str:
    return _separators_escaped(json.dumps(value, **kwargs))


def _controls(meta: dict) -> str:
    esc = html.escape
    types = "".join(
        f'<label class="kg-type" title="{esc(t["type"])}"><input type="checkbox" id="kg-type-{esc(t["type"])}" '
        f'data-type="{esc(t["type"])}" checked><span class="kg-swatch" style="color:{t["color"]}">{t["symbol"]}</span>'
        f'{esc(t["zh"])} <small>{esc(t["type"])} ({t["count"]})</small></label>' for t in meta["types"])
    districts = "".join(f'<option value="{esc(i)}">{esc(label)}</option>' for i, label in meta["districts"])
    y0, y1 = meta["yearMin"] or "", meta["yearMax"] or ""
    return f"""<div id="kg-bar">
<div class="kg-row" id="kg-legend">{types}</div>
<div class="kg-row">
<label>区县 <select id="kg-district"><option value="">全部</option>{districts}</select></label>
<label>年份 <input id="kg-year-from" type="number" value="{y0}" min="{y0}" max="{y1}" placeholder="起">–<input id="kg-year-to" type="number" value="{y1}" min="{y0}" max="{y1}" placeholder="止"></label>
<label title="0 = 全部显示; 1 = 隐藏孤立节点">最小度数 <input id="kg-min-degree" type="number" min="0" value="0"></label>
<span class="kg-search"><input id="kg-search" type="search" list="kg-names" placeholder="搜索名称或别名…"><button id="kg-search-go" type="button">定位</button></span>
<datalist id="kg-names"></datalist>
<button id="kg-reset" type="button">重置</button>
<span id="kg-count"></span><span id="kg-message"></span>
</div></div>
<div id="kg-details"><p class="kg-hint">将鼠标移到节点上或点击节点，查看类型、别名、所属区县及每条关系的年份、文档和证据句。</p></div>
<script id="kg-meta" type="application/json">{_script_json(meta)}</script>
"""


def render(kg: KnowledgeGraph) -> str:
    """The HTML text of the graph page: one file, everything inline, no outside reference."""
    nodes, edges, meta = page_data(kg)
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    # Filling the lists directly: add_node/add_edge are O(n·e) in pyvis (PERFORMANCE.md §3.2).
    net.nodes, net.edges = nodes, edges
    net.node_ids = [n["id"] for n in nodes]
    net.node_map = {n["id"]: n for n in nodes}
    net.templateEnv.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    net.templateEnv.policies["json.dumps_function"] = _template_json
    net.options = _options(meta["physics"], len(nodes) > COMFORTABLE_NODES // 2)
    page = net.generate_html()
    page = _EXTERNAL.sub("", page)
    page = _EMPTY_HEADING.sub("", _DEAD_COMMENT.sub("", page))
    css = (_ASSETS / "graph.css").read_text(encoding="utf-8").replace("FONT", FONT)
    js = (_ASSETS / "graph.js").read_text(encoding="utf-8")
    page = page.replace("</head>", f"<title>regiokg graph</title>\n<style>{css}</style>\n</head>", 1)
    page = page.replace("<body>", "<body>\n" + _controls(meta), 1)
    page, count = _DRAW_CALL.subn(lambda _: "drawGraph();\n" + js + "\n</script>", page, count=1)
    if count != 1:
        raise OutputError("graph.html", "the pyvis template changed: no drawGraph() call to attach the controls to")
    return page


def write(kg: KnowledgeGraph, out: Path) -> None:
    write_text(out, render(kg))


def size_note(kg: KnowledgeGraph, graph_file: Path) -> str | None:
    """A one-line note suggesting `kg view` when `kg` is bigger than one page draws well; None when it is not."""
    if len(kg.entities) <= COMFORTABLE_NODES:
        return None
    example = next((e.label for e in kg.entities.values() if e.type is EntityType.DISTRICT), "NAME")
    return (f"note: {len(kg.entities):,} entities is more than graph.html draws comfortably ({COMFORTABLE_NODES:,}); "
            f"for one district's neighbourhood run: kg view {graph_file} --district {example} --out district.html")
