"""Screenshot a graph.html in headless chromium (for the README): optional filters, search and zoom first.

Usage: .venv/bin/python scripts/graph_screenshot.py out/graph.html docs/graph.png \
           [--min-degree 1] [--district 甘井子区] [--search 甘井子区] [--scale 0.8] [--size 1400x900]
Needs Debian's chromium and chromium-driver and the selenium package.
"""
from __future__ import annotations

import argparse
import shutil
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("page", type=Path)
    ap.add_argument("png", type=Path)
    ap.add_argument("--min-degree", type=int, default=0)
    ap.add_argument("--district", default="")
    ap.add_argument("--search", default="")
    ap.add_argument("--scale", type=float, default=0.0, help="zoom level after the search (0: keep)")
    ap.add_argument("--size", default="1400x900")
    args = ap.parse_args()

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                 f"--window-size={args.size.replace('x', ',')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                              options=options)
    try:
        driver.get(args.page.resolve().as_uri())
        WebDriverWait(driver, 120).until(lambda d: d.execute_script("return !!(window.kg && kg.ready)"))
        driver.execute_script("""
            var minDeg = arguments[0], district = arguments[1];
            document.getElementById("kg-min-degree").value = minDeg;
            var sel = document.getElementById("kg-district");
            for (var i = 0; i < sel.options.length; i++) { if (sel.options[i].text === district) { sel.value = sel.options[i].value; } }
            kg.apply();
            network.fit();""", args.min_degree, args.district)
        if args.search:
            found = driver.execute_script("return kg.search(arguments[0])", args.search)
            if found and args.scale:
                driver.execute_async_script("var done = arguments[0]; setTimeout(done, 600);")
                driver.execute_script("var id = arguments[0]; network.moveTo({position: network.getPositions([id])[id],"
                                      " scale: arguments[1]})", found, args.scale)
        driver.execute_async_script("var done = arguments[0]; setTimeout(done, 800);")
        args.png.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(args.png))
    finally:
        driver.quit()
    print(f"wrote {args.png}")


if __name__ == "__main__":
    main()
