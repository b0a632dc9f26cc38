"""The shared base of entity recognition: words and candidates, chunking over tagged words, typing a name by
its shape and head (`classify`, `_head_type`), the common word tests and `resolve_overlaps`.

The rule modules (`enterprises`, `awards`, `projects`, `places`) and `entities.recognize` build on it.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple
from functools import lru_cache

from kg.extract import lexicon as lx
from kg.extract.divisions import county_stem, gazetteer
from kg.model import EntityType as T


class Word(NamedTuple):
    """A tagged word: its text, LAC-style tag and start offset (a tuple: made ~140,000 times per MB of text)."""

    text: str
    tag: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    type: T
    text: str
    source: str


NAME_TAGS = frozenset({"n", "nz", "nw", "ORG", "LOC", "PER", "vn", "an", "s", "j", "eng", "x"})


_NUMBERISH = re.compile(r"^(?:\d+号|[一二三四五六七八九十\d]+期|第[一二三四五六七八九十\d]+[批届代]|\d+[A-Za-z]*)$")


# 一轴两带, 四大工程, 一号项目, 双百工程: numbered slogans, not names of places or projects
_SLOGAN = re.compile(r"^[一二两三四五六七八九十双百千万][个大号轴极核带城区]|[一二两三四五六七八九十双].{1,2}[一二两三四五六七八九十双]"
                     r"|^[双百千万][百千万]")


_ASCII = re.compile(r"^[A-Za-z0-9&+\-·.]+$")


_QUOTES = "“”\"'‘’《》〈〉「」『』【】"


_GENERIC_START = ("一批", "一个", "多个", "各类", "各种", "全区", "全市", "全省", "全国各", "相关", "其他", "部分", "这些", "该")


_ORG_ABBREV = re.compile(r"^(?:..?[工理农医师科交]大|.理工|.视)$")


_PROPER = frozenset({"ORG", "LOC", "PER", "nz", "nw", "eng", "x"})


_LEVELS = ("国家级", "省级", "市级", "国家", "全国", "省", "市", "区级")


def _nameable(word: Word) -> bool:
    if word.text in lx.NAME_ENDERS:
        return False
    if word.tag in NAME_TAGS:
        return True
    if word.tag in ("m", "a", "q", "TIME") and (_NUMBERISH.match(word.text) or word.text in ("国家级", "省级", "市级", "首批")):
        return True
    return word.tag == "v" and len(word.text) == 1 and word.text in "造创联"  # 智造, 双创 split by the tagger


def chunks(words: Sequence[Word]) -> list[list[Word]]:
    """Maximal runs of words that can be part of a name."""
    runs: list[list[Word]] = []
    cur: list[Word] = []
    skip = 0
    for i, w in enumerate(words):
        if skip:
            skip -= 1
            continue
        if w.text == " " and cur and i + 1 < len(words) and _nameable(words[i + 1]):
            cur.append(w)  # 人民中科 AI 数字媒体平台: spaces around Latin words
        elif cur and w.text in "(（" and _paren_inner(words, i):
            inner = _paren_inner(words, i)
            cur.extend(words[i:i + inner])  # 微软(中国)有限公司, 比亚迪汽车模具(三期)
            skip = inner - 1
        elif _nameable(w) and (w.text not in lx.TRIGGERS or w.tag in ("LOC", "ORG", "PER") and i > 0
                               and words[i - 1].text == "·"):
            cur.append(w)
        elif _glue_word(words, i, cur):
            cur.append(w)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return _join_connected(runs, words)


_COMPASS = ("东部", "西部", "南部", "北部", "中部")


def _glue_word(words: Sequence[Word], i: int, cur: Sequence[Word]) -> bool:
    """A word the tagger does not mark as a name word but that sits inside one: a one-character adjective between
    name words (大商所主数据中心, 中海西南总部主塔项目), or before a place (新日本工业团地), and a compass word after a
    place (旅顺中部通道)."""
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else None
    if w.tag == "vn" and cur and nxt is not None and w.text + nxt.text in lx.ORGANIZATION_HEADS:
        return True  # 行政审批服务大厅: a verbal noun that opens the name's head (服务 + 大厅)
    if w.tag == "a" and len(w.text) == 1 and nxt is not None and _nameable(nxt) and nxt.text not in lx.TRIGGERS:
        if _bare_head(nxt.text) and not (cur and cur[-1].tag in _PROPER):
            return False  # 中欧班列新通道: "a new X" after common nouns describes, it does not name
        return bool(cur) and cur[-1].tag in NAME_TAGS or nxt.tag in ("LOC", "ORG")
    return w.tag == "f" and w.text in _COMPASS and bool(cur) and cur[-1].tag == "LOC" and nxt is not None \
        and _nameable(nxt) or _region_after_brand(w, cur, nxt)


def _region_after_brand(w: Word, cur: Sequence[Word], nxt: Word | None) -> bool:
    """云鹊直播 西南 中心: a region word (tagged a direction) between a brand and a project head is inside the name."""
    return w.tag == "f" and w.text in _REGION_TAILS and len(cur) == 1 and cur[-1].tag in ("ORG", "PER", "nz") \
        and nxt is not None and nxt.tag == "n" and _head_type(w.text + nxt.text) == T.PROJECT


def _bare_head(text: str) -> bool:
    """通道, 工厂, 大通道, 新工厂: a project or park head alone, or after one adjective character."""
    heads = lx.PROJECT_HEADS + lx.PARK_HEADS
    return text in heads or len(text) >= 3 and text[0] in _ADJ_PREFIX and text[1:] in heads


_ADJ_PREFIX = "大新主老"


_CONNECTORS = ("·", "及", "与")


def _join_connected(runs: list[list[Word]], words: Sequence[Word]) -> list[list[Word]]:
    """`A·B·C广场`, `X及Y研究院`, `X与Y基地`: one name across a connector when the part before it names nothing
    by itself (a bare stem) and the part after ends with a name head; a middle dot always joins."""
    by_start = {w.start: w for w in words}
    out: list[list[Word]] = []
    for run in runs:
        if out:
            prev = out[-1]
            conn = by_start.get(prev[-1].end)
            if conn is not None and conn.text in _CONNECTORS and conn.end == run[0].start:
                left = "".join(w.text for w in prev)
                right = "".join(w.text for w in run)
                right_head = _head_type(right) in (T.PROJECT, T.PARK, T.ORGANIZATION)
                bare_left = _head_type(left) is None and not gazetteer().lookup(left) and not _zone_head(left)
                common_right = not any(w.tag in _PROPER for w in run)  # 新产线及研发中心: no name of its own
                if conn.text == "·" or (right_head and (bare_left or common_right and not _zone_head(left))):
                    out[-1] = prev + [conn] + run
                    continue
        out.append(run)
    return out


def _paren_inner(words: Sequence[Word], i: int) -> int:
    """Length of `(X)` starting at words[i] when X is one or two name words (a place, a phase, a Latin
    abbreviation) and a name word or the end of the name follows; 0 otherwise."""
    for k in (2, 3):
        j = i + k
        if j < len(words) and words[j].text in ")）":
            inside = words[i + 1:j]
            if all(w.tag in ("LOC", "ORG", "eng", "nz", "m") or _NUMBERISH.match(w.text) for w in inside) \
                    and sum(len(w.text) for w in inside) <= 6:
                return k + 1
    return 0


@lru_cache(maxsize=1 << 16)
def _head_type(name: str) -> T | None:
    """Type from the name's last characters; the longest matching head wins, ties by the order in _head_table
    (cached: the lexicon's head tuples are constants)."""
    table, lengths = _head_table()
    for n in lengths:
        if n < len(name):
            t = table.get(name[-n:])
            if t is not None:
                return t
    return None


@lru_cache(maxsize=1)
def _head_table() -> tuple[dict[str, T], tuple[int, ...]]:
    """Each name head with its type (the first list that has it wins), and the heads' lengths, longest first."""
    table: dict[str, T] = {}
    for heads, t in ((lx.AWARD_HEADS, T.AWARD), (lx.ORGANIZATION_HEADS, T.ORGANIZATION), (lx.PARK_HEADS, T.PARK),
                     (lx.PROJECT_HEADS, T.PROJECT), (lx.ENTERPRISE_HEADS, T.ENTERPRISE)):
        for h in heads:
            table.setdefault(h, t)
    return table, tuple(sorted({len(h) for h in table}, reverse=True))


def is_district(name: str) -> bool:
    if gazetteer().lookup(name):
        return True
    return any(name.endswith(h) and len(name) >= len(h) + 2 for h in lx.ZONE_HEADS)


def _zone_head(name: str) -> str | None:
    return next((h for h in sorted(lx.ZONE_HEADS, key=len, reverse=True) if name.endswith(h)), None)


def _stem_words(name: str, words: Sequence[Word], head: str) -> list[Word]:
    """The words wholly before the head of `name`."""
    cut = words[0].start + len(name) - len(head) if words else 0
    return [w for w in words if w.end <= cut]


def _proper(words: Sequence[Word]) -> bool:
    return any(w.tag in _PROPER or gazetteer().lookup(w.text) for w in words)


def _division_led(stem: str) -> bool:
    """汨罗, 大连金普: a stem that opens with a division's name (not 新时代, 全国)."""
    g = gazetteer()
    return any(g.lookup(stem[:k]) for k in range(2, min(len(stem), 8) + 1)) or county_stem(stem)


def _place_stem(stem: str, words: Sequence[Word]) -> bool:
    """A zone's stem names a place: tagged as a place or name, or led by a division name (大连金普, 贵阳)."""
    return _proper(words) or _division_led(stem)


def classify(name: str, words: Sequence[Word]) -> T | None:
    """The type of a chunk from its shape, or None when it names nothing in particular."""
    if name in lx.NOT_NAMES or name in lx.GENERIC_NAMES or len(name) < 2 or name.startswith(_GENERIC_START) \
            or _bare_head(name):
        return None
    if gazetteer().lookup(name):
        return T.DISTRICT
    if name.endswith(lx.UNIT_TAILS) or _head_inside_verb(name, words):
        return None
    zone = _zone_head(name)
    if zone and len(name) >= len(zone) + 2 and zone not in ("工业园区", "保税区"):
        stem = name[: -len(zone)]
        if stem in _LEVELS or stem.rstrip("的") in _LEVELS:
            return T.AWARD  # 国家级高新技术产业开发区 as a designation
        stem_words = _stem_words(name, words, zone)
        if _place_stem(stem, stem_words) and not stem.startswith(("全国", "全省", "全市", "全方位", "亚洲")):
            return T.DISTRICT
        return None
    head = _head_type(name) or _bracket_phase(name)
    if head in (T.PROJECT, T.PARK) and (_SLOGAN.search(name) or _phase_category(words) or _too_short(name)):
        return None
    # a head word the tagger marks as a place (大通道/LOC) lends the name nothing proper
    tags = {w.tag for w in (words[:-1] if len(words) > 1 and _bare_head(words[-1].text) else words)}
    if len(words) == 1 and words[0].tag == "ORG":
        if head == T.ENTERPRISE:
            return head if _good_enterprise(name, words) else None
        if head is None and _ORG_ABBREV.search(name):
            return T.ORGANIZATION  # 北工大, 省台, 央视: a university or a broadcaster's short name
        return head if head in (T.ORGANIZATION, T.PARK, T.PROJECT, T.AWARD) else T.ENTERPRISE
    if head is not None:
        if head in (T.ORGANIZATION, T.PARK) and (_place_inside(name, words) or _zone_led(words)):
            return head  # 人工智能大连研究院, 高新区创业中心: a place inside or a zone before common words
        # a head alone with only common nouns before it is a category, not a name
        if not tags & {"ORG", "LOC", "PER", "nz", "nw", "eng", "x", "m"} and len(words) < 3 and head != T.AWARD:
            return None
        if head == T.ENTERPRISE and not _good_enterprise(name, words):
            return None
        if head in (T.PROJECT, T.PARK, T.ORGANIZATION) and not tags & (_PROPER | {"m"}):
            return None  # 用工需求信息平台, 惠民利民项目: only common nouns
        return head
    return None


def _place_inside(name: str, words: Sequence[Word]) -> bool:
    """人工智能大连研究院: one word the tagger did not split, with a province or city name inside (not at its start,
    where the tagger finds places itself)."""
    if len(words) != 1 or len(name) < 7:
        return False
    g = gazetteer()
    return any(g.lookup(name[i:i + k]) and g.lookup(name[i:i + k])[0].level <= 2
               for k in (2, 3) for i in range(2, len(name) - k - 1))


_BARE_ZONES = frozenset({"高新区", "开发区", "经开区", "新区", "保税区", "自贸区", "园区"})


def _zone_led(words: Sequence[Word]) -> bool:
    """高新区创业中心: a bare zone word leading common words is the document's zone naming its own centre."""
    return len(words) >= 3 and words[0].text in _BARE_ZONES


def _head_inside_verb(name: str, words: Sequence[Word]) -> bool:
    """决策部署, 工作部署: an organisation head (署, 部) that is only the tail of a closing verb or verbal noun."""
    if not words or words[-1].tag not in ("v", "vn") or len(words[-1].text) < 2:
        return False
    heads = [h for h in lx.ORGANIZATION_HEADS if name.endswith(h)]
    return bool(heads) and max(len(h) for h in heads) < len(words[-1].text)


# ---- projects and parks: categories, sectors, quoted programmes -------------------------------------------

_PHASE = re.compile(r"^(?:[一二三四五六七八九十\d]+期|首期)$")


_BRACKET_PHASE = re.compile(r"[(（](?:[一二三四五六七八九十\d]+期|首期)[)）]$")


def _bracket_phase(name: str) -> T | None:
    """比亚迪新能源汽车模具(三期): a phase in brackets closing a name makes it a project."""
    return T.PROJECT if _BRACKET_PHASE.search(name) and len(name) > 6 else None


# heads that make a name only with a place or a proper stem of some length: 大连湾 is a bay, 和谐社区 a slogan
_MIN_LENGTH = (("湾", 4), ("社区", 6))


def _too_short(name: str) -> bool:
    return any(name.endswith(h) and len(name) < n for h, n in _MIN_LENGTH)


def _phase_category(words: Sequence[Word]) -> bool:
    """一期项目主体工程, 二期工程: a phase word followed only by common nouns names no particular project."""
    return len(words) >= 2 and bool(_PHASE.match(words[0].text)) \
        and all(w.tag in ("n", "vn", "a", "an") for w in words[1:])


def _sector_only(text: str) -> bool:
    """人工智能, 5G物联网, 光伏及半导体: a run of industry words, a sector rather than a project."""
    rest = text
    for word in sorted(lx.SECTOR_WORDS, key=len, reverse=True):
        rest = rest.replace(word, "")
    return rest.strip("、与和及+ ") == "" and rest != text


def _quoted_programme(text: str, t: T) -> bool:
    """“四大工程”, “海创工程”, “首贷中心”: a quoted short word or numbered slogan is a programme, not a facility."""
    if t not in (T.PROJECT, T.PARK):
        return False
    return bool(_SLOGAN.search(text)) or (t == T.PROJECT and len(text) <= 4)


def _good_enterprise(name: str, words: Sequence[Word]) -> bool:
    """A company name: a legal suffix after a real stem, or an industry word after a proper name (not a place)."""
    legal = next((h for h in lx.LEGAL_HEADS if name.endswith(h)), None)
    if legal:
        stem_words = _stem_words(name, words, legal)
        if stem_words and all(w.tag in ("n", "vn", "v", "a", "ad", "d") for w in stem_words) and len(words) > 1:
            return False  # 产业创投公司, 项目公司: a kind of company, not one company
        return len(name) > len(legal) + 1
    weak = next((h for h in sorted(lx.WEAK_ENTERPRISE_HEADS, key=len, reverse=True) if name.endswith(h)), None)
    if weak is None:
        return True  # 药业, 重工, 银行…: heads that only companies carry
    stem = name[: -len(weak)]
    stem_words = _stem_words(name, words, weak)
    if len(stem) < 2 or gazetteer().lookup(stem) or stem in lx.GENERIC_NAMES:
        return False
    return any(w.tag in ("ORG", "PER", "nz", "nw", "eng") for w in stem_words) or (
        len(words) == 1 and words[0].tag == "ORG")


def _good_org_word(w: Word, sentence: str) -> bool:
    """An ORG word from the tagger that can stand alone as a name (not 区文 from 区文化馆, not 一网 from 一网通办)."""
    t = w.text
    if len(t) < 2 or t in lx.GENERIC_NAMES or t in lx.NOT_NAMES or t[0] in "区市省县镇乡一全本该我各" \
            or t.endswith(lx.UNIT_TAILS):
        return False
    if gazetteer().lookup(t) or t.endswith("国") and len(t) <= 3 or _concept_use(w, sentence):
        return False
    # a slogan in quotes: “一网通办” split by the tagger, or a whole quoted word with no name head (“云帮办”)
    left = sentence.rfind("“", 0, w.start)
    if left != -1 and sentence.find("”", left) > w.start:
        close = sentence.find("”", left)
        if (left + 1, close) != (w.start, w.end) or _head_type(t) is None:
            return False
    return True


def _concept_use(w: Word, sentence: str) -> bool:
    """A tagger name used as a concept, not a company: one followed by an abstract noun (RCEP体系, 优商氛围,
    IDC企业 as a kind of firm) or a figure of speech (乘…东风)."""
    after = sentence[w.end:].lstrip(" ”\"")
    if after.startswith(lx.CONCEPT_AFTER):
        return True
    clause = re.split(r"[，,。；;！？!?]", sentence[:w.start])[-1]
    return w.text in lx.FIGURES_OF_SPEECH and re.search(r"[乘借趁]", clause) is not None


def _trim(words: list[Word]) -> list[Word]:
    """Drop leading words that are generic (一批, 全区) or category nouns before a real name, and edge spaces."""
    while words and (words[0].text in ("等", "及", "和", " ") or words[0].text.startswith(_GENERIC_START)
                     or words[0].text in lx.CAPTION_WORDS or re.fullmatch(r"第[一二三四五六七八九十\d]+批", words[0].text)):
        words = words[1:]
    while words and (words[-1].text in (" ", "称号", "首批") or re.fullmatch(r"第[一二三四五六七八九十\d]+批", words[-1].text)):
        words = words[:-1]  # 研究院首批…: a batch word opens what follows, not part of the name
    return words


_SENT: dict[str, str] = {}


_REGION_TAILS = ("西南", "华南", "华东", "华北", "华中", "西北", "东北", "全球", "中国", "亚太")


_PRIORITY = {"lexicon": 6, "byline": 5, "award-cue": 5, "quote": 4, "gazetteer": 3, "shape": 3, "list": 2, "list-firm": 2.5, "tagger": 1, "prefix": 1, "brand": 1}


def _developer_prefix(inner: Candidate, outer: Candidate) -> bool:
    """大商所 in 大商所主数据中心: an organisation opening a project's name is the project's developer."""
    return inner.type in (T.ORGANIZATION, T.PARK) and outer.type == T.PROJECT and inner.start == outer.start \
        and inner.end < outer.end


def resolve_overlaps(found: list[Candidate]) -> list[Candidate]:
    """Keep the longest, most trusted of crossing candidates; nested ones survive only as an
    Enterprise or District inside a Project/Park/Award/Organization (the enterprise a project is named after)."""
    ordered = sorted(set(found), key=lambda c: (-(c.end - c.start), -_PRIORITY.get(c.source, 0), c.start))
    kept: list[Candidate] = []
    for c in ordered:
        clash = False
        for k in kept:
            if c.start < k.end and k.start < c.end:
                nested = k.start <= c.start and c.end <= k.end
                if not (nested and (c.type == T.ENTERPRISE and k.type != c.type or _developer_prefix(c, k))):
                    clash = True
                    break
        if not clash:
            kept.append(c)
    return sorted(kept, key=lambda c: (c.start, c.end))
