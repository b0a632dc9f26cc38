"""graph.html in a real browser: headless Debian chromium driven by Selenium through chromium-driver."""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from handmade import sample_graph
from kg.build import build_graph
from kg.export import export
from kg.model import EntityType, KnowledgeGraph
from kg.view import district_view

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason="headless browser test needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)")


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver", reason="browser test needs selenium (pip install selenium)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,900"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_script_timeout(30)
    yield driver
    driver.quit()


def open_page(driver, page: Path) -> list[dict]:
    """Load `page`, wait until the graph is drawn and interactive; the browser console's messages so far."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get_log("browser")  # drop messages of earlier pages
    driver.get(page.as_uri())
    WebDriverWait(driver, 60).until(lambda d: d.execute_script("return !!(window.kg && window.kg.ready)"))
    return driver.get_log("browser")


def visible(driver) -> int:
    """Nodes not hidden, counted from vis-network's own DataSet, and checked against the count the page shows."""
    shown = driver.execute_script("return nodes.get({filter: function (n) { return !n.hidden; }}).length")
    label = int(driver.find_element("id", "kg-count").get_attribute("data-nodes"))
    assert shown == label
    return shown


def set_input(driver, element_id: str, value: str) -> None:
    from selenium.webdriver.common.keys import Keys

    box = driver.find_element("id", element_id)
    box.clear()
    box.send_keys(value)
    box.send_keys(Keys.TAB)  # commits the value: fires `change`


def no_errors(log: list[dict]) -> None:
    errors = [entry["message"] for entry in log if entry["level"] == "SEVERE"]
    assert errors == []


def no_outside_requests(driver) -> None:
    urls = driver.execute_script("return performance.getEntriesByType('resource').map(function (r) { return r.name; })")
    assert [u for u in urls if not u.startswith(("file:", "data:", "blob:"))] == []


def test_handmade_graph_filters_search_and_details(browser, tmp_path: Path):
    kg = sample_graph()
    page = tmp_path / "graph.html"
    export(kg, "html", page)
    no_errors(open_page(browser, page))
    no_outside_requests(browser)
    total = len(kg.entities)
    assert visible(browser) == total

    # type filter: untick Enterprise
    browser.find_element("id", "kg-type-Enterprise").click()
    assert visible(browser) == total - 3
    # search by an alias of a hidden enterprise: filters reset, the node is selected and described
    set_input(browser, "kg-search", "海岳生物")
    browser.find_element("id", "kg-search-go").click()
    assert browser.execute_script("return network.getSelectedNodes()") == ["e/haiyue"]
    assert visible(browser) == total
    details = browser.find_element("id", "kg-details").text
    assert "海岳生物科技股份有限公司" in details and "企业" in details and "云海区" in details
    assert "2021" in details and "云海区2022年报告.txt" in details and "获评省级专精特新企业" in details

    # district filter: the same neighbourhood `kg view` keeps
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("id", "kg-district")).select_by_visible_text("云海区")
    assert visible(browser) == len(district_view(kg, "d/yunhai").entities)
    browser.find_element("id", "kg-reset").click()
    assert visible(browser) == total

    # year range: 2022 only keeps nodes with a relation dated 2022 (or undated), plus the isolated one
    set_input(browser, "kg-year-from", "2022")
    assert visible(browser) == 7  # not the project and 金石区, whose relations are all 2019
    browser.find_element("id", "kg-reset").click()
    # minimum degree 1 hides the isolated organisation
    set_input(browser, "kg-min-degree", "1")
    assert visible(browser) == total - 1
    no_errors(browser.get_log("browser"))


def test_tiny_corpus_build_page(browser, nlp, tiny_corpus: Path, tmp_path: Path):
    kg: KnowledgeGraph = build_graph([tiny_corpus])
    page = tmp_path / "graph.html"
    export(kg, "html", page)
    no_errors(open_page(browser, page))
    no_outside_requests(browser)
    total = len(kg.entities)
    assert total > 0 and visible(browser) == total
    present = {e.type for e in kg.entities.values()}
    kind = next(t for t in (EntityType.ENTERPRISE, EntityType.PROJECT, EntityType.DISTRICT) if t in present)
    browser.find_element("id", f"kg-type-{kind.value}").click()
    assert visible(browser) == total - sum(1 for e in kg.entities.values() if e.type is kind)
    browser.find_element("id", f"kg-type-{kind.value}").click()
    assert visible(browser) == total
    some = next(e for e in kg.entities.values() if e.type is kind)
    set_input(browser, "kg-search", some.label)
    browser.find_element("id", "kg-search-go").click()
    assert browser.execute_script("return network.getSelectedNodes()") == [some.id]
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "graph-tiny-corpus.png"))
    assert (ARTIFACTS / "graph-tiny-corpus.png").stat().st_size > 10_000
    no_errors(browser.get_log("browser"))


# ----------------------------------------------------------------------------- hostile text is shown, never run

PAYLOADS = ('<script>window.pwned = "script"</script>', '<img src=x onerror="window.pwned = \'img\'">')
HOSTILE_DOCUMENT = (
    "# 某某区2021年发展综述\n\n"
    "2021年，青禾智能科技有限公司入选国家技术创新示范企业名单"
    "（&lt;script&gt;window.pwned = 1&lt;/script&gt;&lt;img src=x onerror=\"window.pwned = 2\"&gt;）。\n"
)


def hostile_handmade() -> KnowledgeGraph:
    kg = sample_graph()
    name = PAYLOADS[0] + "海岳生物" + PAYLOADS[1]
    haiyue = replace(kg.entities["e/haiyue"], label=name, aliases=frozenset({"海岳生物", PAYLOADS[1]}))
    rels = tuple(replace(r, statements=tuple(replace(s, evidence=s.evidence + PAYLOADS[1] + PAYLOADS[0])
                                             for s in r.statements)) if r.subject == "e/haiyue" else r
                 for r in kg.relations)
    return replace(kg, entities={**kg.entities, "e/haiyue": haiyue}, relations=rels)


def inert(driver) -> None:
    """No payload ran and none became an element of the page."""
    assert driver.execute_script("return typeof window.pwned") == "undefined"
    assert driver.execute_script("return document.querySelectorAll('img[src=\"x\"], img[onerror]').length") == 0
    scripts = driver.execute_script("return Array.from(document.scripts).map(function (s) { return s.text; })")
    assert not any("<script>window.pwned" in s or "<img src=x" in s for s in scripts)


def search(driver, text: str) -> str:
    set_input(driver, "kg-search", text)
    driver.find_element("id", "kg-search-go").click()
    return driver.find_element("id", "kg-details").text


def hover(driver, node_id: str) -> None:
    """Move the mouse onto the node: vis-network shows its tooltip (the node's `title`)."""
    from selenium.webdriver.common.action_chains import ActionChains

    x, y = driver.execute_script(
        "var p = network.canvasToDOM(network.getPositions([arguments[0]])[arguments[0]]); return [p.x, p.y];", node_id)
    canvas = driver.find_element("css selector", "#mynetwork canvas")
    r = canvas.rect
    ActionChains(driver).move_to_element_with_offset(canvas, int(x - r["width"] / 2), int(y - r["height"] / 2)).perform()


def test_script_and_img_in_names_and_evidence_stay_text(browser, tmp_path: Path):
    page = tmp_path / "graph.html"
    export(hostile_handmade(), "html", page)
    no_errors(open_page(browser, page))
    inert(browser)
    details = search(browser, "海岳生物")
    assert browser.execute_script("return network.getSelectedNodes()") == ["e/haiyue"]
    assert PAYLOADS[0] + "海岳生物" + PAYLOADS[1] in details   # the name, literally
    assert "获评省级专精特新企业。" + PAYLOADS[1] + PAYLOADS[0] in details   # the evidence, literally
    hover(browser, "e/haiyue")
    inert(browser)
    no_errors(browser.get_log("browser"))


def test_a_document_with_script_gives_an_inert_page(browser, nlp, tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2021_某某区.txt").write_text(HOSTILE_DOCUMENT, encoding="utf-8")
    kg = build_graph([corpus])
    evidence = [s.evidence for r in kg.relations for s in r.statements]
    assert any("<script>" in e and "<img src=x" in e for e in evidence)   # the markup reached the graph
    page = tmp_path / "graph.html"
    export(kg, "html", page)
    no_errors(open_page(browser, page))
    inert(browser)
    details = search(browser, "青禾智能科技有限公司")
    assert '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">' in details
    inert(browser)
    no_errors(browser.get_log("browser"))
