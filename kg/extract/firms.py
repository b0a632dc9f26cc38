"""The firm a project is named after, read off the project's name (特康科技产业基地项目 → 特康科技).

Used by the recognizer (the firm becomes a mention of its own) and by the relation rules (the project is
developedBy that firm).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from kg.extract.divisions import gazetteer, is_division

TRADE_HEADS = ("科技|电子|光电|集团|公司|股份|控股|实业|药业|医药|制药|生物|能源|新材|材料|机械|电气|电器|汽车|"
               "钢铁|钢材|化工|数控|重工|通信|网络|软件|资本|半导体|微电子|精密|装备|动力|环保|食品|纺织|"
               "齿轮|电池|矿业|船舶|精工|石化|物流")
FIRM_HEAD = re.compile(f"(?:{TRADE_HEADS})$")
FIRM_PREFIX = re.compile(r"^((?:[A-Za-z]{2,5}|[\u4e00-\u9fff]){2,6}?(?:" + TRADE_HEADS + r")(?:科技|集团|公司|股份)?)"
                         r"(?!创业|创新创业|创新服务|创新中心|园|馆|城|小镇)")
REGION_LEAD = re.compile(r"^(?:中国|国家|全国|全球|国际|东北|华北|华东|华南|华中|西南|西北|东北亚|亚太|区|市|省|县|新区|高新)")
GENERIC_LEAD = re.compile(r"^(?:新|智能|绿色|高端|数字|大数据|人工智能|先进|现代|未来|智慧|低碳|光伏|集成|半导体|"
                          f"{TRADE_HEADS})")


def firm_prefix(name: str) -> str | None:
    """The firm a project is named after when its name opens with one that ends in a trade head and goes
    on with more than a bare head (特康科技产业基地项目 → 特康科技; 不是 东北亚科技创新中心, 科技馆)."""
    m = FIRM_PREFIX.match(name)
    if m is None or REGION_LEAD.match(m.group(1)) or len(name) - m.end(1) < 2:
        return None
    core = FIRM_HEAD.sub("", FIRM_HEAD.sub("", m.group(1)))
    if is_division(core, 3) or GENERIC_LEAD.match(m.group(1)) or _common_stem(core):
        return None  # 长沙科技创新中心: a place, not a firm
    firm = m.group(1)
    head = FIRM_HEAD.search(firm)
    if head and name[len(firm):].startswith(("研发", "研究")) and head.group(0) not in ("科技", "集团", "公司", "股份", "控股", "实业") \
            and head.start() >= 2:
        return firm[: head.start()]  # X软件研发中心: the software is the centre's, the firm is X
    return firm


_COMMON_FLAGS = frozenset({"n", "vn", "v", "f", "s"})


def _common_stem(core: str) -> bool:
    """A stem of common words, or a Chinese place then common words (氢燃料, 晋江两岸智能, 洋浦国际): a sector or
    a place, not a brand; a lone word (藤洋, 连城), a proper word after the place (长春鼎盛) or a country before
    the brand (日本…) is kept."""
    words = _jieba_words(core)
    place = words[0][1] == "ns" and not COUNTRY_CHARS.match(words[0][0][0])   # 日本|野村…: a foreign firm's country
    return len(words) >= 2 and (place or words[0][1] in _COMMON_FLAGS) \
        and all(flag in _COMMON_FLAGS for _, flag in words[1:])


PLACE_SUFFIX = re.compile(r"(?:街道|镇|乡|县|区|市|旗|新城|新区|高新区|开发区|经开区|工业园区)$")
_CORPORATE_HEAD = re.compile(r"(?:公司|集团|股份|控股|株式会社|商事|会社)$")


def place_stems(places: Iterable[str]) -> frozenset[str]:
    """The stems of the county-level and smaller places a document writes (溱东镇 → 溱东, 姜堰区 → 姜堰), not of
    provinces or prefectures, whose names open many real firms' names (大连重工)."""
    g, out = gazetteer(), set()
    for name in places:
        if any(d.level <= 2 for d in g.lookup(name)):
            continue
        stem = PLACE_SUFFIX.sub("", name)
        if 2 <= len(stem) < len(name):
            out.add(stem)
    return frozenset(out)


def place_and_trade(name: str, stems: frozenset[str]) -> bool:
    """A firm-like name that is only a place the document writes plus common words (溱东高分子 when 溱东镇 is
    written): a sector of that place, not a firm; a corporate head (…农业集团) or a proper word after the place
    (溱东瑞丰) keeps it."""
    if _CORPORATE_HEAD.search(name):
        return False
    stem = next((s for s in sorted(stems, key=len, reverse=True) if name.startswith(s) and len(name) > len(s)), None)
    if stem is None:
        return False
    return all(flag in _COMMON_FLAGS | {"a", "b"} for _, flag in _jieba_words(name[len(stem):]))


ROAD_AFTER = re.compile(r"^(?:路|街|大道|大街|道)")


def named_divisions(name: str) -> tuple[frozenset[str], ...]:
    """Codes of the provinces and prefectures named inside a name, in order (长隆珠海海洋公园 → 珠海市), a road
    named after a city (中山路) aside."""
    g, out, i = gazetteer(), [], 0
    while i < len(name):
        for size in range(min(8, len(name) - i), 1, -1):
            found = [d for d in g.lookup(name[i:i + size]) if d.level <= 2]
            if found and not ROAD_AFTER.match(name[i + size:]):
                out.append(frozenset(d.code for d in found))
                i += size
                break
        else:
            i += 1
    return tuple(out)


PLACE_GOES_ON = re.compile(r"^[湾港湖山河岛江段]")   # 大连湾…, 辽宁段: the city is part of a longer place name, or a section of a road
COUNTRY_CHARS = re.compile(r"^[中日韩德美法英俄意欧亚非澳新以瑞荷比丹芬挪泰越印巴沪港澳台]+$")


def placed_owner(name: str) -> str | None:
    """The owner of a facility named `owner + city/province + rest` (长隆珠海海洋公园, 天津大学四川创新研究院,
    华谊兄弟(长沙)电影文化城): a name put before the place it builds in; not a pair of country or city
    abbreviations (中德(沈阳)…, 沪连(大连)…), a region or generic word, or a place itself."""
    g = gazetteer()
    for size in range(2, 7):
        owner = name[:size]
        rest = name[size:].lstrip("（(")
        city = next((rest[:k] for k in range(min(8, len(rest)), 1, -1)
                     if any(d.level <= 2 for d in g.lookup(rest[:k]))), None)
        if city is None:
            continue
        bracketed = rest[len(city):len(city) + 1] in "）)" and name[size] in "（("
        tail = rest[len(city):].lstrip("）)")
        if len(tail) < 2 or ROAD_AFTER.match(tail) or PLACE_GOES_ON.match(tail) or (bracketed and size < 3) \
                or COUNTRY_CHARS.match(owner) or REGION_LEAD.match(owner) \
                or GENERIC_LEAD.match(owner) or named_divisions(owner) or is_division(owner):
            return None
        return owner
    return None


_BRAND_FLAGS = frozenset({"nz", "nt", "nr", "nrt", "nrfg"})   # jieba: proper nouns and organisation names
_FACILITY_HEADS = ("中心", "基地", "工厂", "项目", "生产线", "总部", "产业园")
_NOT_AFTER_BRAND = re.compile(r"^(?:新区|高新区|开发区|经开区|园区|片区|新城|市|区|县|镇|路|街|大道)")


@cache
def _jieba_words(text: str) -> tuple[tuple[str, str], ...]:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    return tuple((p.word, p.flag) for p in jieba.posseg.cut(text))


def brand_led(text: str) -> bool:
    """jieba's dictionary cut opens the text with a proper noun and leaves more after it (三仪|药品, 豪森|设备),
    not with a common word (技术创新, 管理|创新, 产品质量)."""
    words = _jieba_words(text)
    return len(words) >= 2 and words[0][1] in _BRAND_FLAGS and len(words[0][0]) >= 2


def brand_lead(org_word: str) -> str | None:
    """The brand that opens a facility the tagger read as one organisation word (华为超算中心 → 华为,
    腾讯数据中心 → 腾讯): the first word of jieba's dictionary cut when jieba knows it as a proper noun, it is
    not a place or a generic word, and a facility follows it (中心, 基地, 工厂, 生产线…, more than the bare
    head; not a mall's name such as 华润万象汇, not 金普新区…, 智慧城市…); a one-character word after it means
    the cut fell inside the name (泰和|泰…)."""
    words = _jieba_words(org_word)
    if len(words) < 2:
        return None
    brand, flag = words[0]
    rest = org_word[len(brand):]
    if flag not in _BRAND_FLAGS or not 2 <= len(brand) <= 4 or len(rest) < 3 or not rest.endswith(_FACILITY_HEADS) \
            or len(words[1][0]) < 2 or _NOT_AFTER_BRAND.match(rest) \
            or REGION_LEAD.match(brand) or GENERIC_LEAD.match(brand) or gazetteer().lookup(brand):
        return None
    return brand


_FOUNDER = re.compile(r"^([\u4e00-\u9fff]{2,8}?(?:大学|学院|科学院))")


def institute_founder(name: str) -> str | None:
    """The university or academy that set up an institute in a province or city, written before that place
    (星城大学江苏创新研究院 → 星城大学); a place in the founder's own name is no matter (大连理工大学…)."""
    m = _FOUNDER.match(name)
    if m is None:
        return None
    rest = name[m.end():]
    city = next((rest[:k] for k in range(min(8, len(rest)), 1, -1) if any(d.level <= 2 for d in gazetteer().lookup(rest[:k]))),
                None)
    if city is None or len(rest) - len(city) < 3 or PLACE_GOES_ON.match(rest[len(city):]) or ROAD_AFTER.match(rest[len(city):]):
        return None
    return m.group(1)
