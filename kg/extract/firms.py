"""The firm a project is named after, read off the project's name (特康科技产业基地项目 → 特康科技).

Used by the recognizer (the firm becomes a mention of its own) and by the relation rules (the project is
developedBy that firm).
"""
from __future__ import annotations

import re

from kg.extract.divisions import gazetteer

TRADE_HEADS = ("科技|电子|光电|集团|公司|股份|控股|实业|药业|医药|制药|生物|能源|新材|材料|机械|电气|电器|汽车|"
               "钢铁|钢材|化工|数控|重工|通信|网络|软件|资本|半导体|微电子|精密|装备|动力|环保|食品|纺织|"
               "齿轮|电池|矿业|船舶|精工|石化|物流")
FIRM_HEAD = re.compile(f"(?:{TRADE_HEADS})$")
FIRM_PREFIX = re.compile(r"^((?:[A-Za-z]{2,5}|[\u4e00-\u9fff]){2,6}?(?:" + TRADE_HEADS + r")(?:科技|集团|公司|股份)?)"
                         r"(?!创业|创新创业|创新服务|创新中心|园|馆|城|小镇)")
REGION_LEAD = re.compile(r"^(?:中国|国家|全国|全球|国际|东北|华北|华东|华南|华中|西南|西北|东北亚|亚太|区|市|省|县|新区|高新)")
GENERIC_LEAD = re.compile(r"^(?:新|智能|绿色|高端|数字|大数据|人工智能|先进|现代|未来|智慧|低碳|光伏|集成|半导体|"
                          f"{TRADE_HEADS})")


def _is_division(name: str, max_level: int = 3) -> bool:
    found = gazetteer().lookup(name)
    return bool(found) and found[0].level <= max_level


def firm_prefix(name: str) -> str | None:
    """The firm a project is named after when its name opens with one that ends in a trade head and goes
    on with more than a bare head (特康科技产业基地项目 → 特康科技; 不是 东北亚科技创新中心, 科技馆)."""
    m = FIRM_PREFIX.match(name)
    if m is None or REGION_LEAD.match(m.group(1)) or len(name) - m.end(1) < 2:
        return None
    core = FIRM_HEAD.sub("", FIRM_HEAD.sub("", m.group(1)))
    if _is_division(core, 3) or GENERIC_LEAD.match(m.group(1)):
        return None  # 长沙科技创新中心: a place, not a firm
    firm = m.group(1)
    head = FIRM_HEAD.search(firm)
    if head and name[len(firm):].startswith(("研发", "研究")) and head.group(0) not in ("科技", "集团", "公司", "股份", "控股", "实业") \
            and head.start() >= 2:
        return firm[: head.start()]  # X软件研发中心: the software is the centre's, the firm is X
    return firm
