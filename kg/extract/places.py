"""Place and division mentions in one sentence: districts, sub-county towns and communities, seats of government
and the divisions of bodies, towns inside names and the length of a city lead (`city_lead`)."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from kg.extract import lexicon as lx
from kg.extract.divisions import gazetteer
from kg.extract.names import Word, Candidate, is_district, classify
from kg.model import EntityType as T


def _districts(sentence: str, words: Sequence[Word]) -> list[Candidate]:
    """Division names from the official list that align with word boundaries, joined when adjacent."""
    out: list[Candidate] = []
    n = len(sentence)
    ends = sorted({w.end for w in words} | {n})
    by_name = gazetteer().by_name
    i = 0
    for start in sorted({w.start for w in words}):
        if start < i or start >= n:
            continue  # inside the division found last
        # the longest name of 2–12 characters from this word start to a word end
        lo, hi = bisect_left(ends, start + 2), bisect_right(ends, start + 12)
        end = next((e for e in reversed(ends[lo:hi]) if sentence[start:e] in by_name), None)
        if end is None:
            continue
        # join adjacent divisions (上海市 + 黄浦区)
        if out and out[-1].end == start:
            prev = out.pop()
            out.append(Candidate(prev.start, end, T.DISTRICT, sentence[prev.start:end], "gazetteer"))
        else:
            out.append(Candidate(start, end, T.DISTRICT, sentence[start:end], "gazetteer"))
        i = end
    return out


_SUBCOUNTY = re.compile(r"(?P<a>[\u4e00-\u9fff]{2,4}?(?:街道|镇|乡))(?P<b>[\u4e00-\u9fff]{2,4}?社区)?")


_SUBCOUNTY_STEM_TAGS = frozenset({"LOC", "ORG", "PER", "nz", "ns", "n"})


_NAME_THEN_TOWN = ("城镇", "村镇", "集镇", "乡镇")


def _common_town_word(a: str, w: Word) -> bool:
    """X镇 that is a common word (特色小镇, 新型城镇, 示范镇), not a town. A common noun stem (n) counts only as the
    whole word (团山铺镇), never as a word leading on (城镇居民); a place word the tagger reads whole keeps its
    name even when it ends like a common word (龙城镇 is 龙城 + 镇, not … + 城镇)."""
    whole = w.text == a
    if w.tag == "n" and not whole:
        return True
    if whole and w.tag in ("LOC", "ns") and a.endswith(_NAME_THEN_TOWN) and len(a) >= 3:
        return False
    return a.endswith(lx.NOT_SUBCOUNTY)


def _subcounty(sentence: str, words: Sequence[Word]) -> list[Candidate]:
    """Sub-county divisions: X街道, X镇, X乡 led by a place name, and the 社区 named right after one (X街道Y社区 is two
    districts). The division ends on a word boundary, or runs on into the 社区 the tagger glued to it; a bare 社区
    (和谐社区, 天府国际社区) is no division."""
    out: list[Candidate] = []
    ends = {w.end for w in words}
    for w in words:
        if w.tag not in _SUBCOUNTY_STEM_TAGS:
            continue
        m = _SUBCOUNTY.match(sentence, w.start)
        if m is None:
            continue
        a, b = m.group("a"), m.group("b")
        stem = a[:-2] if a.endswith("街道") else a[:-1]
        if _common_town_word(a, w) or re.search(r"[省市县区旗]", stem) or gazetteer().lookup(stem) \
                and gazetteer().lookup(stem)[0].level <= 2:
            continue
        if b and m.end("b") in ends:
            out.append(Candidate(m.start("a"), m.end("a"), T.DISTRICT, a, "gazetteer"))
            out.append(Candidate(m.start("b"), m.end("b"), T.DISTRICT, b, "gazetteer"))
        elif m.end("a") in ends:
            out.append(Candidate(m.start("a"), m.end("a"), T.DISTRICT, a, "gazetteer"))
    return out


_SEAT = re.compile(r"(?:人民政府|政府|管委会|管理委员会|人民代表大会|人大常委会|政协)")


def _seat_districts(kept: Sequence[Candidate]) -> list[Candidate]:
    """The district an organ of government belongs to (璧山区 of 璧山区人民政府, 长兴县 of 长兴县第十七届人民代表大会),
    a mention of its own when no district span covers it already: a report's title often names its district
    only through the body that gives it."""
    out: list[Candidate] = []
    for c in kept:
        if c.type != T.ORGANIZATION:
            continue
        m = _SEAT.search(c.text)
        stem = c.text[:m.start()] if m else ""
        stem = re.sub(r"第[一二三四五六七八九十百]+届$", "", stem)
        if len(stem) < 2 or not (gazetteer().lookup(stem) or is_district(stem) and classify(stem, ()) == T.DISTRICT):
            continue
        if any(d.type == T.DISTRICT and d.start == c.start for d in kept):
            continue
        out.append(Candidate(c.start, c.start + len(stem), T.DISTRICT, stem, "gazetteer"))
    return out


_BODY_HEAD = re.compile(r"(?:政府|管委会|委员会|[局厅委办署])$")


_FULL_DIVISION = re.compile(r"(?:省|市|自治区|自治州|区|县|旗|盟)$")


def city_lead(name: str) -> int:
    """Length of the province or city written in full before a county of its own (曲靖市 of 曲靖市陆良县, 安徽省 of
    安徽省芜湖市); 0 when the name is no such pair."""
    g = gazetteer()
    if g.lookup(name):
        return 0
    for n in range(min(8, len(name) - 2), 1, -1):
        lead, rest = name[:n], name[n:]
        parents = {d.code for d in g.lookup(lead) if d.level <= 2 and d.name == lead}
        if parents and any(d.parent in parents for d in g.lookup(rest)):
            return n
    return 0


_TOWN_IN_NAME = re.compile(r"(?P<town>[\u4e00-\u9fff]{2,4}?(?:镇|乡|街道))[\u4e00-\u9fff]{2,}")


def _named_towns(kept: list[Candidate]) -> list[Candidate]:
    """桃江县灰山港镇竹海种植专业合作社: the town a firm or body registers under, written after its county in full, is a
    mention of its own inside the name (the county is the firm's by the report's own account)."""
    out = list(kept)
    g = gazetteer()
    for c in kept:
        if c.type not in (T.ENTERPRISE, T.ORGANIZATION):
            continue
        cut = next((n for n in range(min(8, len(c.text) - 3), 1, -1)
                    if g.lookup(c.text[:n]) and g.lookup(c.text[:n])[0].level == 3 and g.lookup(c.text[:n])[0].name == c.text[:n]), 0)
        m = _TOWN_IN_NAME.match(c.text, cut) if cut else None
        if m is None or m.group("town").endswith(lx.NOT_SUBCOUNTY) or re.search(r"[省市县区旗]", m.group("town")):
            continue
        s, e = c.start + m.start("town"), c.start + m.end("town")
        if not any(k.type == T.DISTRICT and k.start == s and k.end == e for k in kept):
            out.append(Candidate(s, e, T.DISTRICT, m.group("town"), "gazetteer"))
    return sorted(out, key=lambda c: (c.start, c.end))


def _body_divisions(kept: list[Candidate]) -> list[Candidate]:
    """The division a government body is named after, written in full (X省商务厅 → X省, Y市大数据管理局 → Y市),
    is a mention of its own inside the body; a short form (Y高新区管委会) or a body of the party (中共…) gives none."""
    out = list(kept)
    for c in kept:
        if c.type != T.ORGANIZATION or not _BODY_HEAD.search(c.text):
            continue
        g = gazetteer()
        cut = next((n for n in range(min(10, len(c.text) - 1), 1, -1)
                    if g.lookup(c.text[:n]) and g.lookup(c.text[:n])[0].name == c.text[:n]
                    and _FULL_DIVISION.search(c.text[:n])), 0)
        if cut and not any(k.type == T.DISTRICT and k.start == c.start and k.end == c.start + cut for k in kept):
            out.append(Candidate(c.start, c.start + cut, T.DISTRICT, c.text[:cut], "gazetteer"))
    return sorted(out, key=lambda c: (c.start, c.end))
