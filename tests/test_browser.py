"""graph.html in a real browser: headless Debian chromium driven by Selenium through chromium-driver."""
from __future__ import annotations

import shutil
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
