"""Project and park mentions in one sentence: phases, place-led parks, numbered park items, verb-spanning and
led projects, descriptive categories (重点项目, 一批…中心) and building frames (建设…平台)."""
from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract import lexicon as lx
from kg.extract.divisions import county_stem, gazetteer
from kg.extract.names import (Word, Candidate, NAME_TAGS, _SLOGAN, _QUOTES, _GENERIC_START, _head_type, _zone_head,
                              _division_led, classify, _PHASE, _sector_only, _good_org_word)
from kg.model import EntityType as T


_PARK_WORDS = frozenset({"产业园", "工业园", "科技园", "产业园区", "工业园区", "科技园区", "物流园", "产业基地"})


_PARK_FILL_TAGS = frozenset({"n", "a", "an", "vn", "nz", "TIME", "ORG"})


# words that make a place's park a category (省级重点产业园区, 全省特色产业园), not a name
_CATEGORY_WORDS = frozenset({"重点", "特色", "主要", "骨干", "现有", "各类", "专业", "优势", "大型", "省级", "市级", "国家级",
                             "首批", "新型", "一批", "周边", "相关", "配套"})


def _led_by_place(text: str) -> bool:
    """天镇新能源 tagged a name: the word opens with a division's name or a county's stem (天镇 of 天镇县)."""
    g = gazetteer()
    return any(g.lookup(text[:k]) or county_stem(text[:k]) for k in range(2, min(len(text) - 1, 4) + 1))


def _place_led_parks(words: Sequence[Word]) -> list[Candidate]:
    """清徐 精细 化工 产业园, 安化县 黑茶 现代 农业 产业园: a place (tagged so, or a division's name or stem leading
    the word) followed by a few common words up to a park head names that place's park, though the tagger cuts it
    at a word (精细/a, 现代/TIME) no chunk goes through."""
    out: list[Candidate] = []
    for i, w in enumerate(words):
        if not (w.tag == "LOC" or w.tag == "ORG" and _led_by_place(w.text)):
            continue
        for j in range(i + 1, min(i + 6, len(words))):
            x = words[j]
            if x.text in _PARK_WORDS:
                after = [v.text for v in words[j + 1:j + 3]]
                after = after[1:] if after and _PHASE.match(after[0]) else after
                built = bool(after) and after[0] in ("项目", "工程")  # 某产业园(二期)项目: the park being built
                if (j - i >= 2 or w.tag == "ORG") and not built:
                    name = "".join(v.text for v in words[i:j + 1])
                    out.append(Candidate(w.start, x.end, T.PARK, name, "shape"))
                break
            if x.tag not in _PARK_FILL_TAGS or x.text in lx.TRIGGERS or x.text in lx.NAME_ENDERS or x.text in _CATEGORY_WORDS \
                    or x.tag == "ORG" and j > i + 1:
                break
    return out


_ITEM_PARK = re.compile(r"^[\s　]*(?:\d+[.．、]|[（(]\d+[)）])[\s　]*(?P<name>[\u4e00-\u9fff]{2,16}?(?:%s))(?=[（(，,。；;]|\s*$)"
                        % "|".join(sorted(_PARK_WORDS, key=len, reverse=True)))


def _item_park(sentence: str) -> list[Candidate]:
    """7.X电机产业园（X市）: a numbered item that is a whole park name led by a place (a division or a county's stem)
    is that park, however the tagger cut the words of its trade."""
    m = _ITEM_PARK.match(sentence)
    if m is None or not _led_by_place(m.group("name")):
        return []
    return [Candidate(m.start("name"), m.end("name"), T.PARK, m.group("name"), "shape")]


_PHASED_HEADS = ("产业园", "工业园", "科技园", "物流园", "园区", "产业基地", "孵化基地")


def _phased_park(words: list[Word], t: T | None) -> list[Candidate]:
    """稀土永磁电机产业园二期: a phase of a park names the park too, even when only common words lead its name (a
    category has no phases); the phase itself is a project."""
    if len(words) < 3 or not _PHASE.match(words[-1].text):
        return []
    park = words[:-1]
    name = "".join(w.text for w in park)
    head = next((h for h in _PHASED_HEADS if name.endswith(h)), None)
    if head is None or len(name) - len(head) < 4 or classify(name, park) not in (None, T.PARK) \
            or name.startswith(_GENERIC_START) or _sector_only(name[: -len(head)]) and len(name) - len(head) < 4:
        return []
    out = [Candidate(park[0].start, park[-1].end, T.PARK, name, "prefix")]
    if t is None:
        out.append(Candidate(park[0].start, words[-1].end, T.PROJECT, name + words[-1].text, "shape"))
    return out


def _park_prefix(words: list[Word]) -> list[Candidate]:
    """辛寨子智能产业园 in 辛寨子智能产业园基础设施项目: the park a project's name opens with, when the project is
    a work in it (not 某产业园项目 or 某产业园二期项目, which is the park itself being built)."""
    for k in range(len(words) - 1, 1, -1):
        rest = [w for w in words[k:] if w.text not in ("项目", "工程") and not _PHASE.match(w.text)]
        if not rest:
            continue
        name = "".join(w.text for w in words[:k])
        if _head_type(name) == T.PARK and classify(name, words[:k]) == T.PARK:
            return [Candidate(words[0].start, words[k - 1].end, T.PARK, name, "prefix")]
    return []


def _headed_prefix(words: list[Word]) -> list[Word] | None:
    """中华路商圈人气旺: a park, project or zone name followed by common nouns the chunk swept up; the longest
    prefix that ends on a park or project head, has a proper word and leaves only common words behind."""
    for k in range(len(words) - 1, 1, -1):
        head, rest = words[:k], words[k:]
        name = "".join(w.text for w in head)
        if any(w.tag not in ("n", "vn", "an", "a", "v") for w in rest):
            continue
        if _head_type(name) in (T.PARK, T.PROJECT) and classify(name, head) in (T.PARK, T.PROJECT):
            return head
        zone = _zone_head(name)
        if zone and classify(name, head) == T.DISTRICT and _division_led(name[: -len(zone)]):
            return head  # 汨罗高新技术产业开发区综合排名前三: a place's zone followed by a common word
    return None


_SPAN_HEADS = ("项目", "线", "中心", "基地", "工厂", "产业园")


_SPAN_STOP_TAGS = frozenset({"w", "u", "p", "c", "d", "r", "TIME", "xc", "f", "q"})


def _verb_spanning(words: Sequence[Word]) -> list[Candidate]:
    """华星光电显示模组项目, 武汉精立电子平板显示测试设备产业基地项目, 马威集团电机、电驱系统产业项目: a name led by
    a company or place and closed by a project head that the tagger cut at a verb inside it (显示, 制造, 收购).
    Runs left from the head over name words and verbs (no trigger, no function word) to a proper name; may cross
    one 、 between a common noun and a right part without any name of its own."""
    out: list[Candidate] = []
    for i, w in enumerate(words):
        if not (w.tag in ("n", "vn") and w.text.endswith(_SPAN_HEADS)):
            continue
        j, verbs, crossed = i, 0, False
        while j > 0:
            p = words[j - 1]
            if p.text == "、" and not crossed and j >= 2 and words[j - 2].tag == "n" and w.text.endswith("项目") \
                    and _head_type(words[j - 2].text) is None and all(x.tag in ("n", "vn") for x in words[j:i]):
                crossed = True
            elif p.tag in _SPAN_STOP_TAGS or p.text in lx.TRIGGERS or p.text in lx.NAME_ENDERS \
                    or p.tag not in NAME_TAGS and p.tag not in ("v", "a", "m"):
                break
            elif p.tag == "v":
                verbs += 1
            j -= 1
        span = list(words[j:i + 1])
        while span and span[0].tag not in ("ORG", "PER", "LOC"):
            span = span[1:]
        if len(span) < 3 or not (crossed or any(x.tag == "v" for x in span)) or verbs > 1 \
                or span[0].text in lx.GENERIC_NAMES or crossed and span[1].text == "、":
            continue
        if span[0].tag != "ORG" and span[1].tag == "v":
            continue  # 高新区建立…, 王奶奶到…: a place or person and its predicate
        text = "".join(x.text for x in span)
        if len(text) <= 25:
            out.append(Candidate(span[0].start, span[-1].end, T.PROJECT, text, "shape"))
    return out


_LED_STOP_TAGS = frozenset({"w", "u", "p", "c", "r", "f", "TIME", "xc", "v"})


_OUTPUT_VERB = re.compile(r"^年(?:产|处理|加工|回收|生产|出栏|吞吐)$")


def _led_projects(words: Sequence[Word], found: Sequence[Candidate]) -> list[Candidate]:
    """苏州X机械制造有限公司精密齿轮项目, 四川X半导体有限公司8英寸晶圆制造项目, X动力大功率发动机再制造项目,
    年产5000台换热器项目: a project head after a run of common words, numbers and adjectives that a firm already
    found opens (or 年产 and a quantity), with no verb, particle or pause in between, is one project name."""
    firms = {c.start: c for c in found if c.type == T.ENTERPRISE}
    out: list[Candidate] = []
    for i, w in enumerate(words):
        if w.text != "项目" or i == 0:
            continue
        j = i
        while j > 0:
            p = words[j - 1]
            output = p.tag == "v" and _OUTPUT_VERB.match(p.text) and j < i and words[j].tag == "m"
            if not output and (p.tag in _LED_STOP_TAGS or p.text in lx.TRIGGERS or p.text in lx.NAME_ENDERS):
                break
            j -= 1
            if p.start in firms or output:
                start = p.start
                lead = firms.get(start)
                body = words[j + (1 if lead is None else 0):i]
                if lead is not None:
                    body = [x for x in body if x.start >= lead.end]
                if len(body) >= 1 and sum(len(x.text) for x in body) >= 2 and words[i - 1].tag != "m" \
                        and all(x.tag not in ("ORG",) or x.start < (lead.end if lead else start) for x in body):
                    text = "".join(x.text for x in words[j:i + 1])
                    generic = "".join(x.text for x in body) + "项目" in lx.NOT_NAMES
                    if len(text) <= 40 and not generic and (lead is None or words[j].start == lead.start):
                        out.append(Candidate(start, w.end, T.PROJECT, text, "shape"))
    return out


# ---- descriptive category names: an activity word before a category head, nothing proper in front ----------

_CATEGORY_HEADS = ("中心", "平台", "项目", "工程", "基地")


_BUILD_FRAME = re.compile(r"(?:建设|打造|新建|建成|开工|签约|引进|落户|启动|完成)了?[区市县省]?$")


_COUNTED = re.compile(r"\s*[\d一二三四五六七八九十两]+\s*[个家座项处]")


_PROJECT_LIST_CLOSE = re.compile(r"[^，,。；;：:！!？?]*?等[^，,。；;：:、！!？?]{0,12}?项目")


_FEATURES = "河湖山湾岛路街江桥国"


def _strong_proper(words: Sequence[Word], i: int, sentence: str) -> bool:
    """A word that makes a descriptive phrase a name: a company or person the tagger finds (not a two-character
    word the tagger cut off an activity word: 离岸 + 创新), a Latin brand or a number; places do not count
    (甘井子区创新平台 is the district's platforms, 大连…创投中心 a role the city plays)."""
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else None
    if w.tag in ("eng", "x") or re.search(r"[A-Za-z]", w.text) or w.tag == "m" and re.search(r"[\d一二三四五六七八九十]", w.text):
        return True
    if w.tag == "LOC" and len(w.text) >= 2 and w.text[-1] in _FEATURES:
        return True  # 龙王塘河, 滨海路, 美国: a river, road or country, not a division's own platforms
    if w.tag in ("ORG", "PER") and not gazetteer().lookup(w.text):
        if len(w.text) <= 2 and nxt is not None and nxt.tag in ("vn", "v"):
            return False
        return w.tag == "PER" or _good_org_word(w, sentence)
    return False


def _descriptive_category(c: Candidate, words: Sequence[Word], sentence: str) -> bool:
    """异地研发中心, 大宗贸易平台, 惠民利民项目, 智慧城市运行管理中心: a category head right after an activity word
    (研发, 贸易, 管理), with no company, brand or number in front, names a kind of facility, not one. It still names
    one when a construction verb introduces it (在X区建设储能技术研发制造中心) or a list closed by 等项目 holds it."""
    if c.type not in (T.PROJECT, T.PARK) or c.source not in ("shape", "list"):
        return False
    inner = [w for w in words if c.start <= w.start and w.end <= c.end]
    if len(inner) < 2 or not inner[-1].text.endswith(_CATEGORY_HEADS) or inner[-2].tag not in ("vn", "v"):
        return False
    if any(_strong_proper(inner, i, sentence) for i in range(len(inner))):
        return False
    if inner[0].text in lx.ZONE_HEADS:
        return False  # 高新区创业中心: the zone's own centre
    before = sentence[: c.start].rstrip(_QUOTES)
    if _BUILD_FRAME.search(before) or _PROJECT_LIST_CLOSE.match(sentence, c.end):
        return False
    return True


def _counted_category(c: Candidate, sentence: str) -> bool:
    """交付海工改装项目14个, 离岸创新中心6家: a project or park name followed by a count is a kind being counted."""
    return c.type in (T.PROJECT, T.PARK) and c.source in ("shape", "list") and bool(_COUNTED.match(sentence, c.end))


# ---- descriptive names a building verb introduces: 在X区建设储能技术研发制造中心 ----------------------------------

_FRAME_VERBS = frozenset({"建设", "打造", "新建", "建成", "开工建设"})


_FRAME_WORD_TAGS = frozenset({"n", "vn", "a", "nz", "LOC", "ORG"})


_FRAME_END = frozenset({"；", ";", "、", "，", ",", "。", "和", "及", "…"})


def _framed_descriptive(sentence: str, words: Sequence[Word]) -> list[Candidate]:
    """建设储能技术与创新科技研发制造中心; 打造全球智慧健康医学中心: after a building verb, a run of common nouns and
    activity words (与 between them) ending in a project head and closed by a pause or a conjunction is a facility
    being built, even with nothing proper in it; it needs two nouns before the head (not 协同创新基地) and no adjective
    right before it (not 对外开放新平台)."""
    out: list[Candidate] = []
    for i, w in enumerate(words):
        if w.text not in _FRAME_VERBS or w.tag not in ("v", "vn"):
            continue
        j = i + 1
        while j < len(words) and (words[j].tag in _FRAME_WORD_TAGS or words[j].text == "与" and j > i + 1):
            j += 1
        if j >= len(words) and j > i + 1 or j < len(words) and words[j].text in _FRAME_END:
            run = list(words[i + 1:j])
            while run and run[-1].tag != "n":
                run = run[:-1]
            text = "".join(x.text for x in run)
            nouns = sum(x.tag in ("n", "nz", "LOC", "ORG") for x in run[:-1])
            if len(run) >= 3 and len(text) >= 5 and _head_type(text) == T.PROJECT and words[i + 1].text != "与" \
                    and nouns >= 2 and run[-2].tag != "a" \
                    and not _SLOGAN.search(text) and not text.startswith(_GENERIC_START) and run[-1].end == (
                    words[j].start if j < len(words) else len(sentence)):
                out.append(Candidate(run[0].start, run[-1].end, T.PROJECT, text, "shape"))
    return out


def _attribute_stem(c: Candidate, words: Sequence[Word]) -> bool:
    """综合性海洋公园, 示范性物流园: a word ending in 性 before the head gives the kind an attribute, it names nothing."""
    if c.type not in (T.PROJECT, T.PARK) or c.source not in ("shape", "list", "tagger"):
        return False
    inner = [w for w in words if c.start <= w.start and w.end <= c.end]
    before = [w for w in words if w.end == c.start]  # 综合性 + 海洋公园/LOC: the attribute outside a tagger word
    return any(len(w.text) >= 3 and w.text.endswith("性") for w in inner[:-1] + before)
