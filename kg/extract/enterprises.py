"""Enterprise mentions in one sentence: firm prefixes and brands, firms in lists and brackets, quoted brands,
cooperatives, institute founders and partner firms, and trimming descriptors off a firm name."""
from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract import lexicon as lx
from kg.extract.divisions import gazetteer
from kg.extract.firms import (GENERIC_LEAD, REGION_LEAD, TRADE_HEADS, brand_lead, firm_prefix, institute_founder,
                              named_divisions, placed_owner)
from kg.extract.names import (Word, Candidate, NAME_TAGS, _ASCII, _GENERIC_START, _PROPER, _head_type, _good_enterprise,
                              _good_org_word, _trim, _SENT, _REGION_TAILS)
from kg.extract.places import _SUBCOUNTY
from kg.model import EntityType as T


_COOP_HEADS = ("合作社", "联合社")


_COOP_FILL_TAGS = frozenset({"n", "v", "vn", "nz", "a"})


def _coops(words: Sequence[Word]) -> list[Candidate]:
    """桃江县 修山镇 花园村 种养 专业 合作社: a cooperative registers under its places (county, town, village) and its
    trade, which the tagger cuts into words no chunk joins; the places must lead (农民专业合作社 is a kind)."""
    out: list[Candidate] = []
    for i, w in enumerate(words):
        if w.tag != "LOC" or not (gazetteer().lookup(w.text) or _SUBCOUNTY.fullmatch(w.text)) \
                or i > 0 and words[i - 1].tag == "LOC":
            continue
        j = i
        while j + 1 < len(words) and words[j + 1].tag == "LOC":
            j += 1
        for k in range(j + 1, min(j + 6, len(words))):
            x = words[k]
            if x.text.endswith(_COOP_HEADS):
                if k > j + 1 or len(x.text) > 3:
                    out.append(Candidate(w.start, x.end, T.ENTERPRISE, "".join(v.text for v in words[i:k + 1]), "shape"))
                break
            if x.tag not in _COOP_FILL_TAGS or x.text in lx.TRIGGERS:
                break
    return out


def _not_a_brand(text: str, outer: str, t: T) -> bool:
    """A tagger name before a verbal noun inside a longer name is the front of that name (智城信 创业空间, 离岸 创新中心),
    except a brand before its production line or plant (东风日产 自动化生产线) that is no region word."""
    line = t == T.PROJECT and outer.endswith(("生产线", "产线", "工厂"))
    return not line or REGION_LEAD.match(text) is not None


def _split_sector(words: list[Word]) -> list[Word]:
    """华为工业 + 互联网中心 → 华为 + 工业互联网中心: a tagger name whose last characters open a sector word
    (工业互联网) with the words after it gives those characters back."""
    out: list[Word] = []
    for i, w in enumerate(words):
        nxt = words[i + 1].text if i + 1 < len(words) else ""
        cut = next((k for k in (2, 3) if w.tag == "ORG" and len(w.text) - k >= 2 and nxt
                    and any(sw.startswith(w.text[-k:] + nxt) or (w.text[-k:] + nxt).startswith(sw) and len(sw) > k
                            for sw in lx.SECTOR_WORDS if len(sw) > k)), 0)
        if cut:
            out.extend([Word(w.text[:-cut], w.tag, w.start), Word(w.text[-cut:], "n", w.end - cut)])
        else:
            out.append(w)
    return out


def _enterprise_prefix(words: list[Word]) -> list[Candidate]:
    """The enterprise a project is named after: its leading words up to an enterprise head (连城数控…),
    or a leading brand the tagger marks as a name (华为 in 华为鲲鹏生态基地)."""
    acc = ""
    for i, w in enumerate(words[:-1]):
        acc += w.text
        if i >= 1 and any(acc.endswith(h) for h in lx.ENTERPRISE_HEADS) and acc not in lx.NOT_NAMES and len(acc) >= 4 \
                and _good_enterprise(acc, words[: i + 1]):
            return [Candidate(words[0].start, w.end, T.ENTERPRISE, acc, "prefix")]
    first = words[0]
    if len(words) >= 2 and first.tag in ("ORG", "PER") and len(first.text) >= 2 and words[1].tag != "vn" \
            and not gazetteer().lookup(first.text) and first.text not in lx.GENERIC_NAMES \
            and _head_type(first.text) in (None, T.ENTERPRISE) and not _ASCII.match(first.text) \
            and _good_org_word(first, _SENT.get("s", "")):
        text = first.text
        for tail in _REGION_TAILS:
            if text.endswith(tail) and len(text) - len(tail) >= 2:
                text = text[: -len(tail)]
        return [Candidate(first.start, first.start + len(text), T.ENTERPRISE, text, "prefix")]
    return _brand_before_marker(words)


_GENERATION = re.compile(r"^第[\d.一二三四五六七八九十]+代$")


def _brand_before_marker(words: Sequence[Word]) -> list[Candidate]:
    """A brand opening a project's name right before a product generation or a region word (天河 第8.5代…生产线,
    云鹊直播 西南 中心): the brand is the firm, whatever tag the tagger gave it, unless it is a place or generic word."""
    if len(words) < 3:
        return []
    first, marker = words[0], words[1]
    regional = marker.text in _REGION_TAILS and first.tag in ("ORG", "PER", "nz")
    if not (_GENERATION.match(marker.text) or regional) or first.tag not in ("n", "nz", "ORG", "PER") \
            or not re.fullmatch(r"[\u4e00-\u9fff]{2,6}", first.text) or gazetteer().lookup(first.text) \
            or first.text in lx.GENERIC_NAMES or first.text in lx.NOT_NAMES \
            or REGION_LEAD.match(first.text) or GENERIC_LEAD.match(first.text) or _head_type(first.text) is not None:
        return []
    return [Candidate(first.start, first.end, T.ENTERPRISE, first.text, "prefix")]


TRADE_WORDS = frozenset(TRADE_HEADS.split("|"))


def _brand_trade(run: Sequence[Word]) -> list[Candidate]:
    """A short name the tagger does not know as a place, then a trade word, then more of a product or project
    name: the first two words are a firm (连城 数控 光伏… → 连城数控)."""
    run = _trim(list(run))
    if len(run) < 3:
        return []
    brand, trade = run[0], run[1]
    if brand.tag not in ("LOC", "ORG", "PER", "nz") or not 2 <= len(brand.text) <= 3 or gazetteer().lookup(brand.text) \
            or brand.text in lx.GENERIC_NAMES or brand.text in lx.NOT_NAMES or _ASCII.match(brand.text) \
            or REGION_LEAD.match(brand.text):
        return []  # 东北亚 汽车 零部件产业园: a region names the park, not a firm
    if trade.tag != "n" or trade.text not in TRADE_WORDS or trade.end != run[2].start:
        return []
    return [Candidate(brand.start, trade.end, T.ENTERPRISE, brand.text + trade.text, "brand")]


def _firm_and_category(c: Candidate, found: Sequence[Candidate]) -> bool:
    """X有限公司重点项目, X集团产业项目: a firm found at a project's start followed only by a category word
    (重点项目, 重大项目) speaks of the firm's projects, it names none."""
    if c.type != T.PROJECT:
        return False
    return any(f.type == T.ENTERPRISE and f.start == c.start and f.end < c.end
               and c.text[f.end - c.start:] in lx.NOT_NAMES for f in found)


_LIST_CATEGORY = re.compile(r"等(?:(?P<firm_n>(?:\d+|[一二三四五六七八九十几多数]+)家)|[^，,。；;：:、！？!?（）()]{0,20}?"
                            r"(?:(?P<firm>企业|翘楚|集群|公司|集团|厂商|巨头|名企)|(?P<project>项目)"
                            r"|园区|产业园|高校|名校|院校|院所|大学|机构|单位|领域|产业|行业|方面|城市|地区|国家))")


_LIST_LEAD = re.compile(r"(?:引进|引入|入驻|进驻|签约|落户|招引|集聚|聚集|吸引|包括|已有|拥有|投用|建成|开工建设|推进|推动|发挥|汇聚|培育|涌现)[了有的]?")


_CONFUSED = frozenset({"v", "u", "p", "d", "a", "ad", "q", "m", "c", "r", "vd", "f"})


def _list_firms(sentence: str, words: Sequence[Word]) -> list[Candidate]:
    """`引进A、B、C等企业`, `A、B等N家…`: members with no name head of their own are firms once one member reads
    as a firm (a company head after a stem, a tagger name, an unknown brand the tagger cuts into verbs and
    particles); in `A、B等…项目` only the members that read as firms are."""
    out: list[Candidate] = []
    for m in re.finditer(r"等", sentence):
        cat = _LIST_CATEGORY.match(sentence, m.start())
        if cat is None or not (cat.group("firm_n") or cat.group("firm") or cat.group("project")):
            continue  # 等领域, 等高校: a list of sectors or schools
        firm_tail = not cat.group("project")
        left = max(sentence.rfind(c, 0, m.start()) for c in "，,。；;：:！？…“”和等")
        seg = sentence[left + 1:m.start()]
        if "、" not in seg:
            continue
        items = _list_items(seg, left + 1)
        lead = list(_LIST_LEAD.finditer(sentence, items[0][0], items[0][1]))
        if lead:
            items[0] = (lead[-1].end(), items[0][1])
        graded = _graded(sentence, words, items)
        if not any(g == 2 for _, _, g in graded):
            continue
        least = 1 if firm_tail else 2
        out.extend(Candidate(s, e, T.ENTERPRISE, sentence[s:e], "list-firm") for s, e, g in graded if g >= least)
    return out


def _list_items(segment: str, offset: int) -> list[tuple[int, int]]:
    """The offsets of the members of a 、-list `segment` that starts at `offset` in its sentence."""
    items, pos = [], offset
    for part in segment.split("、"):
        items.append((pos, pos + len(part)))
        pos += len(part) + 1
    return items


def _graded(sentence: str, words: Sequence[Word], items: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Each list member with its `_firm_grade`."""
    return [(s, e, _firm_grade(sentence[s:e], [w for w in words if w.end > s and w.start < e])) for s, e in items]


def _firm_grade(text: str, words: Sequence[Word]) -> int:
    """2: reads as a firm (company head after a stem, a lone tagger name, an unknown word the tagger cuts into
    verbs and particles); 1: a head-less name that a firm list makes a firm; 0: not a firm."""
    if not 2 <= len(text) <= 8 or re.search(r"[\d\s“”\"（）()·]", text) or text in lx.NOT_NAMES \
            or text in lx.GENERIC_NAMES or text.startswith(_GENERIC_START) or gazetteer().lookup(text):
        return 0
    head = _head_type(text)
    if head not in (None, T.ENTERPRISE) or not words:
        return 0
    if any(text.endswith(h) and len(text) - len(h) < 2 for h in lx.ENTERPRISE_HEADS + lx.LIST_FIRM_HEADS):
        return 0  # 大数据, 新材料: a trade word, not a brand
    starts = {w.start - words[0].start for w in words}
    if any(text.endswith(h) and len(text) - len(h) >= 2 and len(text) - len(h) in starts
           for h in lx.ENTERPRISE_HEADS + lx.LIST_FIRM_HEADS):
        return 2  # the head is a word of its own: 精立/电子, 有孚/数据, not 人工智能
    if len(words) == 1 and words[0].tag in ("ORG", "PER") and words[0].text == text:
        return 2
    if len(text) <= 4 and any(w.tag in _CONFUSED for w in words):
        return 2
    return 1


def _quoted_brand(sentence: str, words: Sequence[Word]) -> list[Candidate]:
    """共建“X”食品创新发展研究院: a short quoted brand and the common words after it up to an organisation or park
    head are one name (the quotes go in resolution)."""
    out: list[Candidate] = []
    for m in re.finditer(r"“([^”]{2,6})”", sentence):
        if _head_type(m.group(1)) is not None or re.search(r"[，,、\s]", m.group(1)):
            continue
        after = [w for w in words if w.start >= m.end()]
        run: list[Word] = []
        for w in after:
            if w.tag not in ("n", "vn", "nz", "ORG") or w.text in lx.TRIGGERS or (run and w.start != run[-1].end) \
                    or not run and w.start != m.end():
                break
            run.append(w)
        for k in range(len(run), 0, -1):
            tail = "".join(w.text for w in run[:k])
            if _head_type(m.group(1) + tail) in (T.ORGANIZATION, T.PARK) and _head_type(tail) in (T.ORGANIZATION, T.PARK) \
                    and (k >= 2 or run[0].tag == "ORG"):
                out.append(Candidate(m.start(), run[k - 1].end, _head_type(tail), sentence[m.start():run[k - 1].end],
                                     "quote"))
                break
    return out


def _firm_quoted_project(sentence: str, words: Sequence[Word]) -> list[Candidate]:
    """星河锂电“新型储能电池生产线项目”: a firm the tagger names right before a quoted project names it with the
    firm in front (the quotes go in resolution)."""
    out: list[Candidate] = []
    for m in re.finditer(r"“([^”]{2,30})”", sentence):
        inner = m.group(1)
        firm = next((w for w in words if w.end == m.start() and w.tag == "ORG"), None)
        if firm is None or _head_type(inner) != T.PROJECT or re.search(r"[，,、\s]", inner) \
                or len(firm.text) < 2 or gazetteer().lookup(firm.text) or _head_type(firm.text) not in (None, T.ENTERPRISE) \
                or not _good_org_word(firm, sentence):
            continue
        out.append(Candidate(firm.start, m.end(), T.PROJECT, sentence[firm.start:m.end()], "quote"))
    return out


_BRACKET_FIRM = re.compile(r"[（(]([\u4e00-\u9fff]{2,6})[)）](?:股份有限公司|有限责任公司|有限公司|株式会社)")


_BRACKET_WHOLE = ("中国", "集团", "控股", "亚洲", "亚太", "国际")


_FIRM_RUN_TAGS = NAME_TAGS | {"a", "b", "nt", "nr"}


_FIRM_RUN_STOP = ("企业", "领域", "方面", "行业", "外资", "台资", "港资", "日资", "韩资", "美资")


def _bracket_inner(inner: str) -> bool:
    """（郑州）, （河南）, （中国）, （集团）: the place or group word a company writes in brackets inside its name."""
    g = gazetteer()
    return inner in _BRACKET_WHOLE or any(g.lookup(inner + tail) for tail in ("", "市", "县", "区", "省"))


def bracketed_firms(sentence: str, words: Sequence[Word]) -> list[Candidate]:
    """华锐精密科技（郑州）有限公司, 顺丰速运（河南）有限公司: the words before a bracketed place or group word that a
    legal head follows are one company name with it, back to the first verb, pause or category word."""
    out: list[Candidate] = []
    for m in _BRACKET_FIRM.finditer(sentence):
        if not _bracket_inner(m.group(1)):
            continue
        before = [w for w in words if w.end <= m.start()]
        j = len(before)
        while j > 0:
            w = before[j - 1]
            nxt_start = before[j].start if j < len(before) else m.start()
            if w.end != nxt_start or w.tag not in _FIRM_RUN_TAGS or w.text in lx.TRIGGERS \
                    or w.text.endswith(_FIRM_RUN_STOP):
                break
            j -= 1
        if j == len(before) or m.start() - before[j].start < 2:
            continue
        start = before[j].start
        out.append(Candidate(start, m.end(), T.ENTERPRISE, sentence[start:m.end()], "shape"))
    return out


def _around_firms(found: list[Candidate], firms: Sequence[Candidate]) -> list[Candidate]:
    """Candidates crossing a bracketed company name give way to it; a project or park that ran on from inside
    the company's name (有限公司中部航空转运中心) keeps the part after it."""
    out: list[Candidate] = []
    for c in found:
        f = next((f for f in firms if c.start < f.end and f.start < c.end and not (f.start <= c.start and c.end <= f.end)
                  and not (c.start <= f.start and f.end <= c.end)), None)
        if f is None:
            out.append(c)
        elif f.start < c.start < f.end < c.end and c.type in (T.PROJECT, T.PARK) and c.end - f.end >= 3 \
                and _head_type(c.text[f.end - c.start:]) == c.type:
            out.append(Candidate(f.end, c.end, c.type, c.text[f.end - c.start:], c.source))
    return out


def _institute_founders(kept: list[Candidate]) -> list[Candidate]:
    """星城大学江苏创新研究院: the university or institute written before the province or city an institute is set
    up in founded it, and is a mention of its own."""
    out = list(kept)
    for c in kept:
        owner = institute_founder(c.text) if c.type == T.ORGANIZATION else None
        if owner is None or any(k.start == c.start and k.text == owner for k in kept):
            continue
        out.append(Candidate(c.start, c.start + len(owner), T.ORGANIZATION, owner, "prefix"))
    return sorted(out, key=lambda c: (c.start, c.end))


_DOTS = re.compile(r"[·•・]")


def _dot_partners(kept: list[Candidate]) -> list[Candidate]:
    """甲商事·乙丙·丁广场: each part before the last of a ·-joined project name is a partner firm of its own (a short
    name that is no place and has no head), beside the one the tagger may have found."""
    out = list(kept)
    for p in kept:
        if p.type != T.PROJECT or not _DOTS.search(p.text):
            continue
        pos = p.start
        for part in _DOTS.split(p.text)[:-1]:
            if re.fullmatch(r"[\u4e00-\u9fffA-Za-z]{2,6}", part) and not gazetteer().lookup(part) \
                    and not named_divisions(part) and not REGION_LEAD.match(part) and not GENERIC_LEAD.match(part) \
                    and _head_type(part) in (None, T.ENTERPRISE) and not any(c.start == pos and c.text == part for c in out):
                out.append(Candidate(pos, pos + len(part), T.ENTERPRISE, part, "prefix"))
            pos += len(part) + 1
    return sorted(out, key=lambda c: (c.start, c.end))


def _project_firms(kept: list[Candidate], words: Sequence[Word] = ()) -> list[Candidate]:
    """The firm a project is named after (特康科技 of 特康科技产业基地项目), or the owner written before the city
    a project or park is built in (长隆 of 长隆珠海海洋公园), becomes a mention of its own when no
    enterprise was found inside the project, or replaces a shorter one at its start (藤洋 → 藤洋钢材)."""
    out = list(kept)
    for p in kept:
        if p.type not in (T.PROJECT, T.PARK):
            continue
        firm = (firm_prefix(p.text) if p.type == T.PROJECT else None) or placed_owner(p.text)
        if firm is None and p.type == T.PROJECT:
            lead = next((w for w in words if w.start == p.start and w.tag == "ORG" and w.end <= p.end), None)
            firm = brand_lead(lead.text) if lead is not None else None
        inner = [c for c in kept if c.type == T.ENTERPRISE and p.start <= c.start and c.end <= p.end]
        if firm is None or any(not _firm_beats(firm, c, p) for c in inner):
            continue
        region = _REGION_INSIDE.search(firm)
        if region and not firm.endswith(lx.LEGAL_HEADS):
            firm = firm[:region.start()]  # 林德工程全球装备制造…: the firm ends before the region word
        cut = p.start + len(firm)
        if any(p.start < w.start < cut < w.end < p.end and w.tag in _PROPER for w in words):
            continue  # 齿轮新|能源汽车: the cut falls inside a name the tagger found
        out = [c for c in out if c not in inner]
        out.append(Candidate(p.start, p.start + len(firm), T.ENTERPRISE, firm, "prefix"))
    return sorted(out, key=lambda c: (c.start, c.end))


_REGION_INSIDE = re.compile(r"(?<=..)(?:全球|中国区?|亚太|华东|华南|华北|华中|西南|西北|东北)")


# 区内企业X有限公司: a category of the zone's firms written before the firm's own name
_CATEGORY_LEAD = re.compile(r"(?:区内|园区内?|园内|辖区内?|县内|市内|镇内|街道内?|乡内|本地|当地|入驻|落户)企业(?=.{4})")


_DESCRIPTOR = re.compile(r"(?:跨国|龙头|骨干|领军|重点|头部|知名|外资|合资|民营|国有|上市)企业")


def _trim_firm(c: Candidate) -> list[Candidate]:
    """An enterprise candidate cut to the firm: 林德工程全球装备 → 林德工程 (a region word before a trade word),
    浪潮新一代 → 浪潮; none when it is a description (意大利跨国企业…主体公司) or an event (中国海创周)."""
    if c.type != T.ENTERPRISE or c.source == "lexicon":
        return [c]
    text = c.text
    lead = _CATEGORY_LEAD.match(text)
    if lead and any(text.endswith(h) for h in lx.LEGAL_HEADS):
        return _trim_firm(Candidate(c.start + lead.end(), c.end, c.type, text[lead.end():], c.source))
    if _DESCRIPTOR.search(text) or text.endswith(lx.EVENT_HEADS):
        return []
    legal = any(text.endswith(h) for h in lx.LEGAL_HEADS)
    region = _REGION_INSIDE.search(text)
    if region and not legal and any(text.endswith(h) for h in lx.WEAK_ENTERPRISE_HEADS) \
            and _head_type(text[region.end():]) in (None, T.ENTERPRISE):
        text = text[:region.start()]
    for tail in lx.GENERATION_TAILS:
        if text.endswith(tail) and len(text) - len(tail) >= 2:
            text = text[: -len(tail)]
    return [Candidate(c.start, c.start + len(text), c.type, text, c.source)] if text != c.text else [c]


def _firm_beats(firm: str, inner: Candidate, project: Candidate) -> bool:
    """The firm read off a project's name replaces an enterprise found at the project's start when that one is
    shorter (藤洋 → 藤洋钢材) or runs past the firm into words no company name ends in (宏瑞电子产业)."""
    if inner.start != project.start:
        return False
    if len(inner.text) < len(firm):
        return True
    return inner.text.startswith(firm) and len(inner.text) > len(firm) and _head_type(inner.text) != T.ENTERPRISE
