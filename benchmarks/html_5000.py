"""graph.html at 5,000 nodes: generation time, file size, and time to interactive in headless Chromium.

Usage: .venv/bin/python benchmarks/html_5000.py [--nodes 5000] [--runs 3] [--screenshot FILE]

Needs Debian's chromium and chromium-driver and the selenium package (as .ci/run installs them).
"Interactive" = the page's `kg.ready` flag: the graph is drawn, physics is off and every control is wired;
measured from navigation start. After it: how long a trivial script waits for the main thread, one redraw,
a type filter and a search with focus.
"""
from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.export.html import page_data, render  # noqa: E402
from kg.model import Document, Entity, EntityType, KnowledgeGraph, Predicate, Relation, Statement  # noqa: E402

SYLLABLES = "华泰恒瑞鑫博联创达远信安宏科盛源丰嘉锦润合星海光明新金德隆正通天成云卓越智汇晨辉"
SUFFIX = {EntityType.ENTERPRISE: "有限公司", EntityType.PROJECT: "项目", EntityType.PARK: "产业园",
          EntityType.AWARD: "示范企业", EntityType.ORGANIZATION: "研究院", EntityType.DISTRICT: "区"}


def synthetic(n: int, seed: int = 7) -> KnowledgeGraph:
    """About n entities in the proportions of a regional report corpus, ~2 relations each, years 2015–2023."""
    rng = random.Random(seed)
    shares = [(EntityType.DISTRICT, 0.005), (EntityType.PARK, 0.05), (EntityType.ENTERPRISE, 0.6),
              (EntityType.PROJECT, 0.2), (EntityType.AWARD, 0.03), (EntityType.ORGANIZATION, 0.115)]
    entities: dict[str, Entity] = {}
    by_type: dict[EntityType, list[str]] = {}
    used: set[str] = set()
    for t, share in shares:
        ids = []
        for i in range(max(1, round(n * share))):
            while True:
                name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) + SUFFIX[t]
                if name not in used:
                    used.add(name)
                    break
            eid = f"{t.value.lower()}/{i}"
            aliases = frozenset({name[:4]}) if rng.random() < 0.4 and name[:4] not in used else frozenset()
            used |= aliases
            entities[eid] = Entity(eid, t, name, aliases, frozenset({f"doc{i % 40}"}))
            ids.append(eid)
        by_type[t] = ids
    docs = tuple(Document(id=f"doc{i}", source_file=f"report_{i}.txt", text="", report_year=2015 + i % 9)
                 for i in range(40))
    rels: dict[tuple[str, Predicate, str], list[Statement]] = {}

    def add(s: str, p: Predicate, o: str) -> None:
        year = rng.choice([None, *range(2015, 2024)])
        text = f"{entities[s].label}与{entities[o].label}相关的一句证据，记录于{year or '某'}年的报告中。"
        rels.setdefault((s, p, o), []).append(Statement(f"doc{rng.randrange(40)}", text, year, 0, len(text)))

    hubs = lambda ids: ids[int(len(ids) * rng.random() ** 2)]  # noqa: E731  (power-law-ish: early ids are hubs)
    for park in by_type[EntityType.PARK]:
        add(park, Predicate.LOCATED_IN, rng.choice(by_type[EntityType.DISTRICT]))
    for ent in by_type[EntityType.ENTERPRISE]:
        target = hubs(by_type[EntityType.PARK]) if rng.random() < 0.5 else rng.choice(by_type[EntityType.DISTRICT])
        add(ent, Predicate.LOCATED_IN, target)
        if rng.random() < 0.2:
            add(ent, Predicate.RECEIVED_AWARD, hubs(by_type[EntityType.AWARD]))
        if rng.random() < 0.3:
            add(ent, Predicate.COOPERATES_WITH, hubs(by_type[EntityType.ENTERPRISE]))
    for proj in by_type[EntityType.PROJECT]:
        add(proj, Predicate.LOCATED_IN, rng.choice(by_type[EntityType.DISTRICT] + by_type[EntityType.PARK]))
        add(proj, Predicate.DEVELOPED_BY, hubs(by_type[EntityType.ENTERPRISE]))
    for org in by_type[EntityType.ORGANIZATION]:
        if rng.random() < 0.8:
            add(org, Predicate.COOPERATES_WITH, hubs(by_type[EntityType.ENTERPRISE]))
    relations = tuple(Relation(s, p, o, tuple(sts)) for (s, p, o), sts in rels.items() if s != o)
    return KnowledgeGraph(documents=docs, entities=entities, relations=relations)


def chrome():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,900"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                              options=options)
    driver.set_script_timeout(120)
    return driver


TIMED_REDRAW = """
var done = arguments[arguments.length - 1], t0 = performance.now();
network.once("afterDrawing", function () { done(performance.now() - t0); });
network.redraw();"""
TIMED_FILTER = """
var done = arguments[arguments.length - 1], t0 = performance.now();
document.getElementById("kg-type-Enterprise").click();
network.once("afterDrawing", function () { done([performance.now() - t0, kg.visibleNodes]); });
network.redraw();"""
TIMED_SEARCH = """
var done = arguments[arguments.length - 1], t0 = performance.now();
var id = kg.search(arguments[0]);
network.once("afterDrawing", function () { done([performance.now() - t0, id]); });"""


def measure(driver, page: Path, search_for: str) -> dict[str, float]:
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get("about:blank")
    driver.get_log("browser")
    driver.get(page.as_uri())
    WebDriverWait(driver, 120, poll_frequency=0.05).until(lambda d: d.execute_script("return !!(window.kg && kg.ready)"))
    t = time.perf_counter()
    driver.execute_script("return 1")
    block = time.perf_counter() - t
    nav = driver.execute_script("var e = performance.getEntriesByType('navigation')[0];"
                                "return [e.domContentLoadedEventEnd, e.loadEventEnd, kg.readyAt]")
    redraw = driver.execute_async_script(TIMED_REDRAW)
    filter_ms, shown = driver.execute_async_script(TIMED_FILTER)
    search_ms, found = driver.execute_async_script(TIMED_SEARCH, search_for)
    errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    return {"domcontentloaded_s": nav[0] / 1000, "load_s": nav[1] / 1000, "interactive_s": nav[2] / 1000,
            "script_roundtrip_s": block, "redraw_ms": redraw, "type_filter_ms": filter_ms,
            "search_focus_ms": search_ms, "visible_after_filter": shown, "found": found, "console_errors": len(errors)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--screenshot", type=Path, default=None)
    args = ap.parse_args()

    t = time.perf_counter()
    kg = synthetic(args.nodes)
    gen = time.perf_counter() - t
    t = time.perf_counter()
    page_data(kg)
    data_s = time.perf_counter() - t
    t = time.perf_counter()
    text = render(kg)
    render_s = time.perf_counter() - t
    folder = Path(tempfile.mkdtemp(prefix="kg-html-bench-"))
    page = folder / "graph.html"
    page.write_text(text, encoding="utf-8")
    print(f"graph: {len(kg.entities):,} nodes, {len(kg.relations):,} edges, "
          f"{sum(len(r.statements) for r in kg.relations):,} statements (synthetic, {gen:.2f} s)")
    print(f"python: page_data {data_s:.2f} s, render (incl. page_data) {render_s:.2f} s, "
          f"file {page.stat().st_size / 1e6:.2f} MB")
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        print("browser: skipped (needs Debian's chromium and chromium-driver)")
        return
    target = next(e.label for e in kg.entities.values() if e.type is EntityType.ENTERPRISE)
    driver = chrome()
    try:
        runs = [measure(driver, page, target) for _ in range(args.runs)]
        if args.screenshot:
            driver.get(page.as_uri())
            from selenium.webdriver.support.ui import WebDriverWait

            WebDriverWait(driver, 120).until(lambda d: d.execute_script("return !!(window.kg && kg.ready)"))
            driver.save_screenshot(str(args.screenshot))
    finally:
        driver.quit()
    print(f"browser: headless chromium, {args.runs} runs (median, min–max):")
    for key in runs[0]:
        values = [r[key] for r in runs]
        if isinstance(values[0], (int, float)) and not isinstance(values[0], bool) and key != "found":
            unit = "" if key.endswith(("_filter", "errors")) else ""
            print(f"  {key:22} {statistics.median(values):8.3f}  ({min(values):.3f}–{max(values):.3f}){unit}")
        else:
            print(f"  {key:22} {values[0]}")
    verdict = statistics.median(r["interactive_s"] for r in runs)
    print(f"time to interactive: {verdict:.2f} s (target ≤ 5 s) -> {'OK' if verdict <= 5 else 'TOO SLOW'}")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
