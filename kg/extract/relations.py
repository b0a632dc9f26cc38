"""Relations in one sentence from cue words and frames, with the document's district as the implied place."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from kg.extract.divisions import Division, county_by_stem, division_level, gazetteer, is_division
from kg.extract import lexicon as lx
from kg.extract.entities import Candidate
from kg.extract.firms import (FIRM_HEAD, GENERIC_LEAD, REGION_LEAD, TRADE_HEADS, firm_prefix, institute_founder,
                             named_divisions, placed_owner)
from kg.model import EntityType as T
from kg.model import Predicate as P

# subject … cue … place:  A、B等项目落户P / A位于P / A签约入驻P
LOCATED_AFTER = re.compile(r"位于|落户|落地|入驻|进驻|入园|坐落|扎根|落子|选址|定址|布局|搬迁至|迁入")
# place before subject: 在P建设A / 落户P内的A / P已入驻A / P将引进A / P的A
PLACE_LEAD = re.compile(r"(?:在|于|落户|落地|入驻|进驻|扎根|布局|选址)$")
BUILD_VERBS = re.compile(r"建设|投资|设立|布局|打造|开工|兴建|新建|扩建|建成|落成|实施|推进|组建|成立|投用|运营|启动")
HOSTS = re.compile(r"^(?:已|将|还|正|又|新|先后|陆续|共|累计|成功|相继|目前)*(?:入驻|引进|引入|聚集|集聚|吸引|落户|招引|签约|汇聚)")
NEAR_OF = re.compile(r"^(?:区?内|园区内|里|中)?的?$")
COOP_CUES = re.compile(r"(?:与|同|和|跟)([^，。；]{1,60}?)(?:等\d*[家个所]?[^，。；]{0,12}?)?(?:签订|签署|签约|合作|共建|联合|携手|战略合作|达成|对接|共同)")
COOP_LEAD = re.compile(r"(?:联合|携手|牵手)$")
DEVELOP_CUES = re.compile(r"投资|建设|打造|投建|建成|开工|运营|研发|实施|承建|新建|扩建|兴建|布局|设立|落地|推进")
LOCATIVE_BEFORE = re.compile(r"(?:在|于|赴|到|来自|位于)$")
GOV_BODY = re.compile(r"(?:政府|管委会|管理委员会|委员会|人民代表大会|人大|政协|[局厅委部办处署]|办公室|法院|检察院|党工委)$")
HOME_PREFIX = re.compile(r"^(?:区|本区|全区|新区|园区|高新区|开发区|经开区)(?=[\u4e00-\u9fff]{2})")
FIRM_GOES_ON = re.compile(f"^(?:{TRADE_HEADS}|工程|工业|国际|软件|钢材)")   # 林德|工程…: the firm's name is longer
# …先进单位 held by a zone or county named as the subject (甲开发区被评为“全省招商引资先进单位”)
DISTRICT_TITLE = re.compile(r"先进单位$")
FIRM_TITLE = re.compile(r"(?:企业|产品|单位|孵化器|工作站|研究中心|技术中心|人才|专家)$")
# an organization that is set up and hosted somewhere (研究院, 化物所, 交易中心, 医院), not a ministry, school or exchange
HOSTED_ORG = re.compile(r"(?:院|研究所|物所|中心|工作站|联合体|实验室|空间|加速器|孵化器)$")
NATIONAL_ORG = re.compile(r"^(?:中国|国家|全国)|部|国务院|总署|交易所|大学$|学校$")
ALSO_LISTED = re.compile(r"^[”’\"]?(?:名单|榜单|称号)?(?:的?(?:还有|有|包括|分别是|分别为)[：:]?|(?:如下)?[：:])$")
# a clause that opens with the cue, perhaps after its own date, its subject left in the clause before
# (…脱颖而出，入选… / X2022年获评A，2023年又入选B)
BARE_CUE = re.compile(r"^\s*(?:(?:19[89]\d|20[0-4]\d)\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?[，,]?\s*|同年|次年)?"
                      r"(?:也|还|并|又|再次|成功|同时|先后|均|相继|连续\S{0,4})?"
                      r"(?:入选|入围|荣获|获评|获批|获得|获|被评为|被认定为|被授予|跻身|名列|荣膺|荣登)")
COUNTED = re.compile(r"(?<![第\d一二三四五六七八九十百几多两])(?:\d+|[一二三四五六七八九十百几多两]+)[个家项批]$")
NEW_AREA = re.compile(r"(?<!高)新区$")
PREFIX = "prefix"        # Candidate.source of a firm read off a project's name (kg_entities makes it a mention)
PLACE_TYPES = (T.DISTRICT, T.PARK)
LOCATABLE = (T.ENTERPRISE, T.PROJECT, T.PARK, T.ORGANIZATION)
DEVELOPERS = (T.ENTERPRISE, T.ORGANIZATION)


@dataclass(frozen=True, slots=True)
class Found:
    subject: Candidate
    predicate: P
    object: Candidate
    dated: bool = True       # False for standing facts that carry no year (a government body in its district)


def _clause_of(sentence: str, pos: int) -> tuple[int, int]:
    left = max(sentence.rfind(c, 0, pos) for c in "，,；;：:") + 1
    ends = [i for i in (sentence.find(c, pos) for c in "，,；;") if i != -1]
    return left, min(ends) if ends else len(sentence)


def _nested(c: Candidate, cands: Sequence[Candidate]) -> bool:
    """True when `c` lies inside a longer candidate (海尔 inside 海尔物联生态基地项目)."""
    return any(o is not c and o.start <= c.start and c.end <= o.end and (o.end - o.start) > (c.end - c.start)
               for o in cands)


# ------------------------------------------------------------------ places
@cache
def _chain(name: str) -> tuple[Division, ...]:
    """The divisions that contain the place, innermost first: the place itself when it is one, else
    the divisions its name starts with (大连高新区 → 大连市, 辽宁省)."""
    g = gazetteer()
    found = g.lookup(name)
    if found:
        out, d = [], found[0]
        while d is not None:
            out.append(d)
            d = g.parent(d)
        return tuple(out)
    for cut in range(len(name) - 1, 1, -1):
        if g.lookup(name[:cut]):
            inner = _chain(name[cut:]) if len(name) - cut >= 2 else ()
            return inner if inner and inner[-1].code == _chain(name[:cut])[-1].code else _chain(name[:cut])
    for cut in range(len(name) - 2, 2, -1):   # a zone named after its county without 县/区/旗 (和林格尔新区), not a
        # two-character stem that many names share (东湖高新区 is no zone of 东湖区)
        county = county_by_stem(name[:cut])
        if county is not None:
            return _chain(county)[1:]
    return ()


def chain(name: str) -> tuple[Division, ...]:
    """The divisions that contain the place, innermost first (see `_chain`)."""
    return _chain(name)


def _ancestor_of_home(place: Candidate, home: Candidate | None) -> bool:
    """大连市 when the document is about 大连高新区 or 甘井子区."""
    if home is None or place.type != T.DISTRICT or not is_division(place.text, 2):
        return False
    own = gazetteer().lookup(place.text)[0]
    return any(d.code == own.code for d in _chain(home.text)) and place.text != home.text


def _within_home(place: Candidate, home: Candidate | None) -> bool:
    """A park, or a zone or county that does not lie outside the home district's city."""
    if home is None or place.text == home.text:
        return False
    if place.type == T.PARK:
        return True
    if is_division(place.text, 2):
        return False
    mine, theirs = _chain(place.text), _chain(home.text)
    if mine and theirs:
        cities = {d.code for d in mine if d.level <= 2}
        return bool(cities & {d.code for d in theirs if d.level <= 2})
    return True


@cache
def _elsewhere(c: Candidate, home: Candidate | None) -> bool:
    """The name places its holder in a province or city that does not hold the home district (青岛灵山湾 or
    北京马威科技有限公司 in a report on a 大连 district)."""
    if home is None:
        return False
    named = named_divisions(c.text)
    line = _chain(home.text)
    ours = {d.code for d in line}
    if line and line[0].level == 1:   # a zone known only by its province: any city of that province is its own
        ours |= {d.code for d in gazetteer().by_code.values() if d.level == 2 and d.parent == line[0].code}
    return bool(named) and bool(ours) and not named[-1] & ours


def _bracketed_seat(sentence: str, between: str, p: Candidate) -> bool:
    """X产业园（Y县）, X项目(Y镇): a division alone in brackets right after a name is where that thing is."""
    return between in ("（", "(") and p.type == T.DISTRICT and sentence[p.end:p.end + 1] in ("）", ")")


AT_PLACE = re.compile(r"^(?:已|将|正式|率先|顺利|成功|相继)*在$")
OPENED = re.compile(r"^(?:正式|顺利|成功|率先)?(?:开园|开业|开工|投产|竣工|落成|建成|揭牌|开馆|试运营|奠基)")


def _opened_at(sentence: str, between: str, p: Candidate) -> bool:
    """X项目在Y镇开园, X在Y区正式投产: the place where a thing is opened, started or finished."""
    return p.type in PLACE_TYPES and AT_PLACE.match(between) is not None and OPENED.match(sentence[p.end:]) is not None


def _cue_place(sentence: str, c: Candidate, places: Sequence[Candidate]) -> Candidate | None:
    """The place a cue puts `c` in, nearest first."""
    best: tuple[int, Candidate] | None = None
    for p in places:
        if p is c or p.start < c.end and c.start < p.end:
            continue
        if p.start >= c.end:
            between = sentence[c.end:p.start]
            ok = len(between) <= 30 and not re.search(r"[，,。；;：:]", between) and LOCATED_AFTER.search(between) \
                or _bracketed_seat(sentence, between, p) or _opened_at(sentence, between, p)
        else:
            between = sentence[p.end:c.start]
            lead = sentence[max(0, p.start - 3):p.start]
            ok = len(between) <= 30 and not re.search(r"[，,。；;：:]", between) and bool(
                NEAR_OF.match(between) or HOSTS.match(between)
                or (PLACE_LEAD.search(lead) and (BUILD_VERBS.search(between) or NEAR_OF.match(between.lstrip("内")))))
        if ok:
            dist = len(between)
            if best is None or dist < best[0]:
                best = (dist, p)
    return best[1] if best else None


def located_in(sentence: str, cands: Sequence[Candidate], home: Candidate | None,
               park: Candidate | None = None, unplaced: frozenset[str] = frozenset()) -> list[Found]:
    """Subjects in a place named with a cue (落户X, 位于X, 在X建设, X的Y) and, when that place lies within
    the home district or none is named, in the home district; `park` is the park whose paragraph this is;
    `unplaced` names (developers, partners) get no implied place."""
    out = []
    places = [c for c in cands if c.type in PLACE_TYPES]
    for c in cands:
        if c.type not in LOCATABLE or _nested(c, cands):
            continue
        out.extend(Found(c, P.LOCATED_IN, t) for t in _towns_in_name(c, places))
        if c.type == T.ORGANIZATION and not _hosted_org(c.text):
            out.extend(_organization_place(c, cands, home))
            continue
        place = _cue_place(sentence, c, places) or _clause_place(sentence, c, places)
        if place is not None and _ancestor_of_home(place, home):
            place = home
        targets = []
        if place is not None:
            targets.append(place)
            if place.type == T.PARK and home is not None and place.text != home.text:
                out.append(Found(place, P.LOCATED_IN, home))
        if place is None and _elsewhere(c, home):
            continue
        if place is None and park is not None and c.type in (T.ENTERPRISE, T.PROJECT) and c.text != park.text \
                and not _home_insider(sentence, c):
            targets.append(park)
        if home is not None and (place is None or _within_home(place, home)) and not _below_city_home(place, home):
            if not (c.text in unplaced and place is None):
                targets.append(home)
        out.extend(Found(c, P.LOCATED_IN, t) for t in targets if t.text != c.text)
    return out


def _below_city_home(place: Candidate | None, home: Candidate) -> bool:
    """A zone or county named as the place (在X经开区，Y项目…) in a report on a whole city or province: the thing
    is in that district, and the city above it is no second place."""
    return place is not None and place.type == T.DISTRICT and is_division(home.text, 2)


def _towns_in_name(c: Candidate, places: Sequence[Candidate]) -> list[Candidate]:
    """X县Y镇…合作社: a town written inside a firm's or body's name is where it is."""
    if c.type not in (T.ENTERPRISE, T.ORGANIZATION):
        return []
    return [p for p in places if p.type == T.DISTRICT and c.start < p.start and p.end < c.end
            and SUBCOUNTY_HEAD.search(p.text)]


# 在P，X项目开工: a clause that is only a place sets the place of what the next clause names
PLACE_CLAUSE = re.compile(r"(?:^|[，,；;。：:])\s*(?:在|于)$")
# P入驻企业突破300家，A、B等平台企业…: a park written as host, the firms listed after it are its own
HOST_AFTER = re.compile(r"^(?:内|里|中)?(?:已|共|累计|目前|先后|陆续|新)*(?:入驻|引进|引入|集聚|聚集|吸引|招引)了?(?:企业|项目)?")


def _clause_place(sentence: str, c: Candidate, places: Sequence[Candidate]) -> Candidate | None:
    """The place a sentence sets before `c` without a cue right at it: the nearest place clause
    (在泾河新城，X项目…) or host park (P已引进A、B等企业 / P入驻企业…，A、B等企业…) before it, with no
    other place named in between."""
    before = [p for p in places if p.end <= c.start and not _nested(p, places)]
    if not before:
        return None
    p = before[-1]
    if re.match(r"\s*[，,]", sentence[p.end:]) and PLACE_CLAUSE.search(sentence[:p.start]):
        return p
    if p.type == T.PARK and HOST_AFTER.match(sentence[p.end:]) and not re.search(r"[。；;]", sentence[p.end:c.start]) \
            and _listed_firm(sentence, c):
        return p
    if p.type == T.PARK and c.type in (T.ENTERPRISE, T.ORGANIZATION, T.PROJECT) and _hosted_list(sentence[p.end:c.start]):
        return p
    return None


# P，2023年入驻企业增至68家，其中A、B… / P已入驻企业320余家，其中A、B、C…: the firms listed after 其中 are the park's
HOSTED_THEN_LISTED = re.compile(r"^[^。；;]{0,20}?(?:入驻|引进|引入|集聚|聚集)[^。；;]{0,16}?(?:企业|项目|机构)[^。；;，,]{0,12}[，,]\s*其中"
                                r"[^。；;，,]{0,60}$")


def _hosted_list(between: str) -> bool:
    return HOSTED_THEN_LISTED.match(between) is not None


def _listed_firm(sentence: str, c: Candidate) -> bool:
    """An enterprise in a list that ends with 等…企业 (A、B等27家企业, A、B等平台企业)."""
    return c.type == T.ENTERPRISE and re.match(r"^(?:[、和及与][^，,；;。]{1,40}?)?等[^，,；;。]{0,8}?企业", sentence[c.end:]) is not None


# 区内企业X / 镇内的项目X: X is the reported district's, not the park's the paragraph is about (园区内 is the park's)
HOME_INSIDER = re.compile(r"(?<![园])(?:区|镇|县|市|乡|街道)内的?(?:企业|项目)$")


def _home_insider(sentence: str, c: Candidate) -> bool:
    return bool(HOME_INSIDER.search(sentence[max(0, c.start - 8):c.start]))


def zones_in_home(cands: Sequence[Candidate], home: Candidate | None) -> list[Found]:
    """Zones inside a new area the document is about: one named after the city or province (大连经开区)
    is part of it; any other (宁乡高新区, 滨江新城) is located in it."""
    if home is None or not NEW_AREA.search(home.text) or gazetteer().lookup(home.text):
        return []
    line = {d.code for d in _chain(home.text) if d.level <= 2}
    out = []
    for c in cands:
        if c.type != T.DISTRICT or c.text == home.text or NEW_AREA.search(c.text) or gazetteer().lookup(c.text) \
                or _elsewhere(c, home) or not _within_home(c, home):
            continue
        named = named_divisions(c.text)
        if named and c.text.startswith(_leading_division(c.text)) and named[0] & line:
            out.append(Found(c, P.PART_OF, home, dated=False))
        else:
            out.append(Found(c, P.LOCATED_IN, home))
    return out


def _leading_division(name: str) -> str:
    return next((name[:n] for n in range(min(8, len(name)), 1, -1) if gazetteer().lookup(name[:n])), "\0")


def _hosted_org(name: str) -> bool:
    """An institute, centre or lab a district hosts (干细胞研究院, 大连化物所, 技术交易中心), not a ministry,
    a university or an exchange."""
    return bool(HOSTED_ORG.search(name)) and not NATIONAL_ORG.search(name) and not GOV_BODY.search(name)


def _organization_place(org: Candidate, cands: Sequence[Candidate], home: Candidate | None) -> list[Found]:
    """A government body sits in the district its name starts with (呼和浩特市大数据管理局); a 区-prefixed
    body or facility (区文化馆) in the home district."""
    if GOV_BODY.search(org.text):
        districts = [d for d in cands if d.type == T.DISTRICT and org.text.startswith(d.text) and d.text != org.text]
        if home is not None and (org.text.startswith(home.text) or any(_chain(home.text)) and _gov_prefix(org.text, home)):
            return [Found(org, P.LOCATED_IN, home, dated=False)]
        if districts:
            return [Found(org, P.LOCATED_IN, max(districts, key=lambda d: len(d.text)), dated=False)]
    if home is not None and HOME_PREFIX.match(org.text):
        return [Found(org, P.LOCATED_IN, home)]
    return []


def _gov_prefix(name: str, home: Candidate) -> bool:
    """The name starts with the home district behind its city: 大连甘井子区委 / 中共大连市甘井子区委."""
    core = home.text
    return core in name[:len(core) + 6] and name.index(core) <= 5


# ------------------------------------------------------------------ awards
def received_award(sentence: str, cands: Sequence[Candidate], home: Candidate | None) -> list[Found]:
    """Award ← nearest recipient (and the recipients listed with it) before it in its clause, else one
    named after it (名列其中), else the home district."""
    out = []
    others = [c for c in cands if c.type not in (T.AWARD,) and not _nested(c, cands)]
    others = [c for c in others if not _issuer(sentence, c)]
    awards = [c for c in cands if c.type == T.AWARD]
    for award in awards:
        left, _ = _clause_of(sentence, award.start)
        before = [c for c in others if c.end <= award.start]
        in_clause = [c for c in before if c.start >= left and not _names_the_issuer(sentence, c, award)]
        after = [c for c in others if c.start >= award.end and re.search(r"名列其中|上榜|入选|入围|获此", sentence[c.end:c.end + 12])]
        listed = [c for c in others if c.start >= award.end and ALSO_LISTED.match(sentence[award.end:c.start])]
        subject = _clause_subject(sentence, before, left)
        if in_clause and _possessed(sentence[in_clause[-1].end:award.start]):
            recipients = []   # 甲区的乙园入选…: the honour is 乙园's, a name not read, never 甲区's
        elif in_clause:
            recipients = _list_ending_at(sentence, in_clause)
        elif listed:
            recipients = _list_starting_at(sentence, listed[0], others)
        elif after:
            recipients = [after[0]]
        elif before and not any(a.end <= award.start for a in awards) and sentence.count("，") < 3:
            recipients = [before[-1]]
        elif subject is not None and BARE_CUE.match(sentence[left:award.start]):
            recipients = [subject]
        elif COUNTED.search(sentence[:award.start]) and not _one_of_cued(sentence, award):
            recipients = []   # 此次入选的8个美丽海湾优秀案例: the title as a count noun, no recipient
        elif (short := _unread_subject(sentence[left:award.start])) is not None \
                and (short.startswith("其") or any(f.type == T.ENTERPRISE and _short_of(short, f.text) for f in before)):
            # 江苏甲阀门股份有限公司…，甲阀门同时获评…: the firm named before by its short form; 其研发的乙入选…: an
            # unread holder, never the home
            recipients = [f for f in before if f.type == T.ENTERPRISE and _short_of(short, f.text)][-1:]
        elif (short := _unread_subject(sentence[left:award.start])) is not None and UNREAD_HOLDER.search(short):
            recipients = []   # …，新能源装备产业园2022年获评Y: a park or firm the recogniser did not read, not the home
        elif _LIST_FOLLOWS.match(sentence[award.end:].rstrip("。")):
            recipients = []   # 以下企业被认定为X：…: the holders are the lines that follow, not the home
        elif any(_issuer(sentence, c) for c in cands if c.end <= award.start):
            recipients = []   # X厅关于公布…名单的通知: the body lists holders named elsewhere, the home is none of them
        else:
            recipients = [home] if home is not None else []
        for r in recipients:
            if r.type == T.DISTRICT and home is not None and r.text != home.text and _ancestor_of_home(r, home):
                r = home
            if r.type == T.DISTRICT and FIRM_TITLE.search(award.text) and not (in_clause and DISTRICT_TITLE.search(award.text)):
                continue  # 全区入选省瞪羚企业12家: the firms hold the title, not the district
            if r.type in (T.DISTRICT, T.ENTERPRISE, T.PARK, T.PROJECT, T.ORGANIZATION):
                out.append(Found(r, P.RECEIVED_AWARD, award))
    return out


# the honour of a notice whose holders are listed after it: 确定A等12家园区为X / 以下企业被认定为X： / X名单如下：
_COUNTED_AS = re.compile(r"等(?:\d+|[一二两三四五六七八九十百]+)(?:家|个|所|项)[\u4e00-\u9fff]{1,6}?为"
                         r"(?:20\d\d年度?|第[一二三四五六七八九十\d]+批|首批)*[“\"]?$")
_LIST_FOLLOWS = re.compile(r"^[”\"]?(?:称号|名单)?(?:如下|的(?:名单|是)如下)?[：:]\s*$")
# 1.X（Y县）, （3）X, 12、X: an item of a numbered list; 一、太原市（2家）: a heading that groups items
_ITEM = re.compile(r"^[\s　]*(?:\d+[.．、]|[（(]\d+[)）]|\d+\s)[\s　]*")
_BARE_ITEM_END = re.compile(r"(?:[（(][^（）()]{1,12}[)）])?[；;，,。、]?\s*")
_GROUP_HEADING = re.compile(r"^[\s　]*[一二三四五六七八九十]+、[^，,。；;：:]{1,20}$")


def notice_award(sentence: str, award: Candidate) -> bool:
    """The award of a notice that names its holders in a list after the sentence: the list is counted in front
    of the honour (确定A等12家园区为X) or opened by a colon after it (…被认定为X：)."""
    return award.type == T.AWARD and (_COUNTED_AS.search(sentence[:award.start]) is not None
                                      or _LIST_FOLLOWS.match(sentence[award.end:].rstrip("。")) is not None)


def list_item_holders(line: str, cands: Sequence[Candidate]) -> list[Candidate] | None:
    """What a line of a notice's list names as holders: the park, firm, project or body opening a numbered item;
    [] for a heading that groups items; None when the line is prose and the list has ended."""
    if _GROUP_HEADING.match(line):
        return []
    item = _ITEM.match(line)
    start = item.end() if item else len(line) - len(line.lstrip(" \u3000\t"))
    first = [c for c in cands if c.start == start and c.type in (T.PARK, T.ENTERPRISE, T.PROJECT, T.ORGANIZATION)]
    if item is None and not (first and _BARE_ITEM_END.fullmatch(line[first[0].end:])):
        return None   # an unnumbered line is an item only when the name is all of it
    return sorted(first, key=lambda c: c.start - c.end)[:1]   # the whole name, not a firm it opens with


_ISSUING = re.compile(r"^(?:" + "|".join(sorted(lx.ISSUING_VERBS, key=len, reverse=True)) + ")")


_CUE_TAIL = re.compile(r"(?:也|还|并|又|均|已|再次|成功|同时|先后|相继|分别|今年|去年|\d+年|[“\"‘'])*"
                       r"(?:入选|入围|荣获|获评|获批|获得|获|被评为|评为|被认定为|认定为|被授予|授予|跻身|名列|位列|荣膺|荣登|列入)"
                       r"(?:了|为)?(?:[“\"‘']|20\d\d年度?|第[一二三四五六七八九十\d]+批|首批)*$")
# who a report speaks for when it names no holder: the district itself (我区, 全市), its zone, or its people
_HOME_WORDS = re.compile(r"^(?:[我全本该][区市县镇省州旗]|我们|开发区|新区|高新区|经开区|园区|该地|当地|辖区|区内|市内|县内)")


# the head of a park's, firm's or project's name: an unread holder that names something, never the home district
UNREAD_HOLDER = re.compile(r"[\u4e00-\u9fff]{2,}(?:产业园|工业园|科技园|园区|基地|公司|集团|项目|中心)$")


def _unread_subject(before: str) -> str | None:
    """The words before the cue that name the honour's holder when the recogniser read no name there (金盾阀门同时获评,
    其研发的焊接机器人入选): None when there are none, or they are the home's own words or a sector of it."""
    cue = _CUE_TAIL.search(before)
    if cue is None:
        return None
    head = re.sub(r"^[\s　，,；;：:●★■▲◆\-—【】\[\]（）()0-9一二三四五六七八九十、.]*", "", before[:cue.start()])
    head = re.sub(r"^(?:其中|此外|另外|同时|今年|去年|近年来|目前)[，,]?", "", head)
    if re.fullmatch(r"[\u4e00-\u9fffA-Za-z]{2,8}", head) or re.fullmatch(r"其[\u4e00-\u9fff]{0,8}的[\u4e00-\u9fff]{2,8}", head):
        return head
    return None


def _short_of(short: str, full: str) -> bool:
    """金盾阀门 of 江苏金盾阀门股份有限公司: the short form written inside the full name."""
    return len(short) >= 3 and short in full and short != full


def _possessed(between: str) -> bool:
    """甲区的乙园 before the cue: what follows 的 is the holder (two or more Han characters up to the cue)."""
    cue = _CUE_TAIL.search(between)
    return cue is not None and re.fullmatch(r"的[\u4e00-\u9fff]{2,12}", between[:cue.start()]) is not None


def _issuer(sentence: str, c: Candidate) -> bool:
    """工信部公布…名单, 原国家海洋局评定的…, X厅关于公布…名单的通知: the body that confers or lists an honour does not
    receive it."""
    return c.type == T.ORGANIZATION and (_ISSUING.match(sentence[c.end:].removeprefix("关于")) is not None
                                         or sentence[:c.start].endswith("被") and _BY_BODY.match(sentence[c.end:]) is not None)


# 被县政府评为, 被省商务厅认定为: the body between 被 and the cue confers the honour
_BY_BODY = re.compile(r"(?:评为|授予|认定为|命名为|表彰为|列为)")


CUE_BEFORE_BODY = re.compile(r"(?:入选|入围|荣获|获评|获批|被评为|被认定为|被授予|列入|纳入)$")
BATCH_GAP = re.compile(r"^(?:20\d\d年度?|第[一二三四五六七八九十\d]+批|首批|认定的|评定的|公布的|的)*[“\"]?$")
ONE_OF = re.compile(r"^[”\"]?(?:称号)?之一")


CUED_COUNT = re.compile(r"(?:被评为|评为|入选|获评|列入|被认定为|认定为|获批)(?:全国|全省|全市)?(?:\d+|[一二三四五六七八九十百]+)[个家项处所]$")


def _one_of_cued(sentence: str, award: Candidate) -> bool:
    """被评为全国12家…示范基地之一: a cue before the count and 之一 after the honour make the subject one of its holders."""
    return ONE_OF.match(sentence[award.end:]) is not None and CUED_COUNT.search(sentence[:award.start]) is not None


def _names_the_issuer(sentence: str, c: Candidate, award: Candidate) -> bool:
    """获评工信部第六批专精特新“小巨人”企业: a body written between the cue and the honour is who confers it."""
    return c.type == T.ORGANIZATION and CUE_BEFORE_BODY.search(sentence[:c.start]) is not None \
        and BATCH_GAP.match(sentence[c.end:award.start]) is not None


def _clause_subject(sentence: str, before: Sequence[Candidate], left: int) -> Candidate | None:
    """The nearest candidate before the award's clause that opens a clause of its own (大连金石滩湾在…中
    脱颖而出，入选…): the subject the cue verb goes back to."""
    for c in reversed(before):
        if c.end <= left and (c.start == 0 or sentence[c.start - 1] in "，,；;：:　 "):
            return c
    return None


def _list_starting_at(sentence: str, first: Candidate, cands: Sequence[Candidate]) -> list[Candidate]:
    """The candidate and those joined after it by 、/和/及 (还有青岛灵山湾、汕头青澳湾…)."""
    out = [first]
    for c in cands:
        if c.start >= out[-1].end and re.fullmatch(r"[”’\"]?\s*(?:、|和|及|以及|与)\s*[“‘\"]?", sentence[out[-1].end:c.start]):
            out.append(c)
    return out


def _list_ending_at(sentence: str, cands: Sequence[Candidate]) -> list[Candidate]:
    """The last candidate and those joined to it by 、/和/及 (豪森设备、三仪药品被认定为…)."""
    out = [cands[-1]]
    for c in reversed(cands[:-1]):
        gap = sentence[c.end:out[-1].start]
        if re.fullmatch(r"[”’\"]?\s*(?:、|和|及|以及|与)\s*[“‘\"]?", gap):
            out.append(c)
        else:
            break
    return out[::-1]


# ------------------------------------------------------------ developedBy
def developed_by(sentence: str, cands: Sequence[Candidate], known: Sequence[Candidate] = ()) -> list[Found]:
    """A project named after an enterprise (the enterprise's name at its start, or each part of a
    `A·B·C广场` name), or built by the sole actor named before it with a building verb."""
    out = []
    actors = [c for c in cands if c.type in DEVELOPERS]
    free = [c for c in actors if not _nested(c, cands)]
    names = sorted({c.text for c in list(known) + free if c.type in DEVELOPERS and len(c.text) >= 2},
                   key=len, reverse=True)
    by_text = {c.text: c for c in list(known) + actors if c.type in DEVELOPERS}
    inner = [c for c in actors if _nested(c, cands) and c.text not in names and _owner_like(c, cands)]
    names = sorted(set(names) | {c.text for c in inner}, key=len, reverse=True)
    by_text.update({c.text: c for c in inner})
    for proj in (c for c in cands if c.type in (T.PROJECT, T.PARK) and not _nested(c, cands)):
        owners = _name_owners(proj.text, names)
        if owners:
            out.extend(Found(proj, P.DEVELOPED_BY, by_text[o]) for o in owners)
            continue
        prefix = firm_prefix(proj.text) if proj.type == T.PROJECT else None
        if prefix is None:
            prefix = placed_owner(proj.text)
        if prefix is not None:
            out.append(Found(proj, P.DEVELOPED_BY, Candidate(proj.start, proj.start + len(prefix), T.ENTERPRISE, prefix, PREFIX)))
            continue
        if proj.type != T.PROJECT:
            continue
        cands_before = [e for e in actors if e.end <= proj.start and not _nested(e, cands)
                        and not LOCATIVE_BEFORE.search(sentence[max(0, e.start - 2):e.start])]
        if not cands_before:
            continue
        e = _acting_subject(sentence, cands_before)
        gap = sentence[e.end:proj.start]
        last = re.split(r"[，,；;]", gap)[-1]
        if len(last) < len(gap) and sentence[_clause_of(sentence, e.start)[0]:e.start].strip("由 ") != "":
            continue  # across a comma only the clause's subject acts (X拟投资…,在P建设Y), not a listed name
        if len(gap) <= 30 and "。" not in gap and DEVELOP_CUES.search(last) and not LOCATIVE_BEFORE.search(sentence[max(0, e.start - 2):e.start]):
            others = [o for o in cands if e.end <= o.start and o.end <= proj.start and o.type in (T.PROJECT,)]
            if not others:
                out.append(Found(proj, P.DEVELOPED_BY, e))
    return out + _founded_institutes(cands)


PARTNER_LINK = re.compile(r"^(?:与|同|和|跟)$")
CLAUSE_OPENING = re.compile(r"[\s\d.．、()（）由]*")   # 2. X与Y…, 由X与Y…: only a list number or 由 before the subject


def _acting_subject(sentence: str, before: Sequence[Candidate]) -> Candidate:
    """The actor that builds: the last one before the project, or, when that one is only the partner of
    the clause's subject (X与Y签订投资协议，将投资…建设Z), the subject X."""
    e = before[-1]
    for s in before[-2::-1]:
        if not PARTNER_LINK.match(sentence[s.end:e.start]):
            break
        if CLAUSE_OPENING.fullmatch(sentence[_clause_of(sentence, s.start)[0]:s.start]):
            return s
    return e


def _founded_institutes(cands: Sequence[Candidate]) -> list[Found]:
    """An institute named after the university or institute that set it up in a province or city (X大学Y省创新研究院):
    the founder, found at the start of its name, develops it."""
    out = []
    for inst in (c for c in cands if c.type == T.ORGANIZATION and not _nested(c, cands)):
        owner = institute_founder(inst.text)
        founder = next((c for c in cands if c.type == T.ORGANIZATION and c.start == inst.start and c.text == owner
                        and c.end < inst.end), None)
        if founder is not None:
            out.append(Found(inst, P.DEVELOPED_BY, founder))
    return out


def _owner_like(c: Candidate, cands: Sequence[Candidate]) -> bool:
    """A name met only inside a longer one owns it when it reads as a firm (特康科技, 韩国美科电子) or a place
    follows it (海尔无锡物联生态基地), not when it is a generic word (跨境电商, 双创, 区科技)."""
    if HOME_PREFIX.match(c.text) or c.text.startswith("区"):
        return False
    if FIRM_HEAD.search(c.text) and len(c.text) >= 4:
        return True
    if _heads_a_project(c, cands) or _dot_part(c, cands):
        return True
    rest = next((o for o in cands if o.start == c.end and o.type in PLACE_TYPES), None)
    return rest is not None and is_division(rest.text)


def _dot_part(c: Candidate, cands: Sequence[Candidate]) -> bool:
    """甲商事·乙丙·丁广场: an enterprise that is a whole ·-joined part of a project's name is one of its owners."""
    return c.type == T.ENTERPRISE and any(
        o.type == T.PROJECT and o.start <= c.start and c.end < o.end
        and (c.start == o.start or re.match(r"[·•・]", o.text[c.start - o.start - 1]))
        and re.match(r"[·•・]", o.text[c.end - o.start]) for o in cands)


def _heads_a_project(c: Candidate, cands: Sequence[Candidate]) -> bool:
    """An enterprise the recognizer found at the very start of a project's name, with more than a bare head
    after it (京东方 in 京东方（东北）创新中心), unless it is a generic or place word."""
    if c.type != T.ENTERPRISE or len(c.text) < 2 or GENERIC_LEAD.match(c.text) or REGION_LEAD.match(c.text) \
            or is_division(c.text) or named_divisions(c.text):
        return False
    return any(o.type in (T.PROJECT, T.PARK) and o.start == c.start and o.end - c.end >= 3
               and not FIRM_GOES_ON.match(o.text[len(c.text):]) for o in cands)


def _name_owners(name: str, names: Sequence[str]) -> list[str]:
    parts = [p for p in re.split(r"[·•・]", name) if p] if re.search(r"[·•・]", name) else [name]
    owners = []
    for part in parts:
        part = _after_city(part, names)
        for n in names:
            if n != name and part.startswith(n) and (len(part) > len(n) or len(parts) > 1):
                owners.append(n)
                break
    return owners


def _after_city(part: str, names: Sequence[str]) -> str:
    """长沙星海欢乐世界 → 星海欢乐世界: a city or province written before a known owner's name is where it builds,
    so the owner is read after it (unless the whole name is a known one: 长沙银行)."""
    if any(part.startswith(n) for n in names):
        return part
    g = gazetteer()
    for k in range(min(8, len(part) - 2), 1, -1):
        if any(d.level <= 2 for d in g.lookup(part[:k])):
            return part[k:]
    return part


# ---------------------------------------------------------- cooperatesWith
def cooperates_with(sentence: str, cands: Sequence[Candidate], home: Candidate | None) -> list[Found]:
    """`A与B、C签订/合作/共建…` and `A联合B…`: A is the nearest party before the cue that is not a place
    of the event (在北京), else the home district; B, C the parties inside."""
    out = []
    parties = [c for c in cands if c.type in (T.DISTRICT, T.ENTERPRISE, T.ORGANIZATION, T.PARK) and not _nested(c, cands)]
    spans = [(m.start(), m.start(1), m.end(1)) for m in _coop_cues(sentence, cands)]
    for c in parties:
        lead = sentence[max(0, c.start - 2):c.start]
        if COOP_LEAD.search(lead):
            spans.append((c.start - len(COOP_LEAD.search(lead).group(0)), c.start, _list_end(sentence, c, parties)))
    for cue, lo, hi in spans:
        inside = [c for c in parties if lo <= c.start and c.end <= hi]
        clause_left, _ = _clause_of(sentence, cue)
        before = [c for c in parties if c.end <= cue and not LOCATIVE_BEFORE.search(sentence[max(0, c.start - 2):c.start])
                  and c.type != T.PARK]
        actor = before[-1] if before else home
        if actor is not None and actor.type == T.DISTRICT and home is not None and _ancestor_of_home(actor, home):
            actor = home
        for b in inside:
            if actor is not None and actor.text != b.text and b.type != T.PARK:
                out.append(Found(actor, P.COOPERATES_WITH, b))
    return out


def _coop_cues(sentence: str, cands: Sequence[Candidate]) -> list[re.Match]:
    """Cue matches whose 与/和 is a conjunction, not a character inside a name (呼和浩特, 和林格尔新区,
    中加物联网与区块链研究院). Matching goes on after a cue inside a name, so a real cue further on is found."""
    out, pos = [], 0
    while (m := COOP_CUES.search(sentence, pos)) is not None:
        if _inside_name(sentence, m.start(), cands):
            pos = m.start() + 1
            continue
        out.append(m)
        pos = m.end()
    return out


def _inside_name(sentence: str, i: int, cands: Sequence[Candidate]) -> bool:
    """The character at `i` lies inside a recognized name or a division name (with or without its 县/区/市)."""
    if any(c.start <= i < c.end for c in cands):
        return True
    g = gazetteer()
    for a in range(max(0, i - 6), i + 1):
        for b in range(i + 2, min(len(sentence), a + 9) + 1):
            w = sentence[a:b]
            if g.lookup(w) or len(w) >= 3 and any(g.lookup(w + s) and g.lookup(w + s)[0].level == 3 for s in "县区旗"):
                return True
    return False


def _list_end(sentence: str, first: Candidate, parties: Sequence[Candidate]) -> int:
    end = first.end
    for c in parties:
        if c.start >= end and re.fullmatch(r"[”’\"]?\s*(?:、|和|及|以及)\s*[“‘\"]?", sentence[end:c.start]):
            end = c.end
    return end


# ------------------------------------------------------------------ partOf
def part_of(districts: Sequence[Candidate]) -> list[Found]:
    """Administrative containment among the districts a document names: each district to the nearest
    containing division the document also names (甘井子区 partOf 大连市, 大连市 partOf 辽宁省); a zone
    to the city its name starts with (大连高新区 partOf 大连市)."""
    out = []
    by_code: dict[str, Candidate] = {}
    for d in districts:
        found = gazetteer().lookup(d.text)
        if found:
            by_code.setdefault(found[0].code, d)
    seen = set()
    for d in districts:
        if d.text in seen:
            continue
        seen.add(d.text)
        if _bare_zone(d.text):
            continue
        chain = _chain(d.text)
        own = gazetteer().lookup(d.text)
        # a zone lies in a city: its name's province holds it only through that city (湘潭高新区 is no partOf 湖南省)
        ancestors = chain[1:] if own else [a for a in chain if a.level >= 2]
        county = None if own or (chain and chain[0].level == 3) else _named_county_stem(d, by_code)
        if county is not None:
            out.append(Found(d, P.PART_OF, county, dated=False))
            continue
        for a in ancestors:
            other = by_code.get(a.code)
            if other is not None and other.text != d.text:
                out.append(Found(d, P.PART_OF, other, dated=False))
                break
    return list({(f.subject.text, f.object.text): f for f in out}.values())


BARE_ZONE = re.compile(r"(?:各类|各级)?(?:开发区|高新区|园区|工业园区|产业园区)$")


def _bare_zone(name: str) -> bool:
    """A province and a bare zone word (湖南省开发区: the province's zones): no one zone, no containment."""
    lead = _leading_division(name)
    return is_division(lead, 1) and BARE_ZONE.fullmatch(name[len(lead):]) is not None


def _holders(f: Found, division: bool) -> tuple[Division, ...]:
    """The divisions that hold a partOf's subject: above it for a division, else (a zone) those its name gives
    or, failing that, the object's own line."""
    if division:
        return _chain(f.subject.text)[1:]
    return _chain(f.subject.text) or _chain(f.object.text)


def _named_county_stem(zone: Candidate, by_code: dict[str, Candidate]) -> Candidate | None:
    """A zone named after a county the document also names, by the county's two-character stem (鸠江经济开发区
    beside 鸠江区, 凯里经济开发区 beside 凯里市): that county, the zone's name having no division in it."""
    g = gazetteer()
    for code, c in by_code.items():
        div = g.by_code[code]
        stem = div.name[:-1]
        if div.level == 3 and len(stem) >= 2 and div.name[-1] in "区县市旗" and zone.text.startswith(stem) \
                and ZONE_TAIL.search(zone.text) and len(zone.text) > len(div.name):
            return c
    return None


ZONE_TAIL = re.compile(r"(?:高新区|开发区|经开区|工业园区|新区|新城|园区|产业园|示范区|试验区|保税区)$")


def home_part_of(districts: Sequence[Candidate], home: Candidate | None) -> list[Found]:
    """Containment along the home district's line only (home → its city → its province), plus what lies
    inside the home district; a zone with no city in its name goes to the city of its province the
    document names most (湖南湘江新区 → 长沙市). Other places named in passing get no partOf."""
    found = part_of(districts)
    if home is None:
        return found
    line = {d.code for d in _chain(home.text)}
    if not line and home.type == T.PARK:
        return found   # a new town the report is about, named after no division: the divisions it names hold it
    own = gazetteer().lookup(home.text)
    inside = own[0].code if own else None
    keep = []
    for f in found:
        mine = gazetteer().lookup(f.subject.text)
        if f.subject.text == home.text or (mine and mine[0].code in line) \
                or (inside and any(d.code == inside for d in _holders(f, bool(mine)))):
            keep.append(f)
    city = _named_city(districts, home)
    if city is not None:
        keep = [f for f in keep if f.subject.text not in (home.text, city.text)] + [Found(home, P.PART_OF, city, dated=False)]
        keep += [f for f in found if f.subject.text == city.text]   # the city joins the home's line (→ its province)
    return keep


SUBCOUNTY_HEAD = re.compile(r"(?:街道|镇|乡)$")
COMMUNITY_HEAD = re.compile(r"社区$")
FREE_TRADE_AREA = re.compile(r"(?:自贸试验区|自由贸易试验区|自贸区)[\u4e00-\u9fff]{2,6}片区$")


def subcounty_part_of(districts: Sequence[Candidate], home: Candidate | None) -> list[Found]:
    """X街道Y社区: the 社区 is part of the 街道 written right before it; a 街道, town or township is part of the home
    district when that is a county-level division and the text writes no other division right before it.
    `districts` carry offsets in one text."""
    out = []
    county = home is not None and _written_county(home.text)
    for d in districts:
        if gazetteer().lookup(d.text):
            continue
        before = next((o for o in districts if o.end == d.start and o is not d), None)
        if COMMUNITY_HEAD.search(d.text):
            if before is not None and SUBCOUNTY_HEAD.search(before.text):
                out.append(Found(d, P.PART_OF, before, dated=False))
        elif SUBCOUNTY_HEAD.search(d.text) and county and (before is None or before.text == home.text):
            out.append(Found(d, P.PART_OF, before or home, dated=False))
        elif SUBCOUNTY_HEAD.search(d.text) and before is not None and home is not None and d.text == home.text \
                and division_level(before.text) == 3:
            out.append(Found(d, P.PART_OF, before, dated=False))   # 江宁区湖熟街道 in 湖熟街道's report: its county
    out.extend(_home_town_county(districts, home, out))
    return list({(f.subject.text, f.object.text): f for f in out}.values())


def _written_county(name: str) -> bool:
    """A county-level division, alone or after its city or province (增城区, 广州市增城区)."""
    chain = _chain(name)
    return bool(chain) and chain[0].level == 3 and name.endswith(chain[0].name)


def _home_town_county(districts: Sequence[Candidate], home: Candidate | None, found: Sequence[Found]) -> list[Found]:
    """A town's own report (湖熟街道2016年工作总结, …在X区委领导下): the town is part of the first county-level division
    it names, unless the text already wrote the county right before it."""
    if home is None or gazetteer().lookup(home.text) or not SUBCOUNTY_HEAD.search(home.text) \
            or any(f.subject.text == home.text for f in found):
        return []
    county = next((d for d in districts if division_level(d.text) == 3), None)
    home_at = next((d for d in districts if d.text == home.text), home)
    return [Found(home_at, P.PART_OF, county, dated=False)] if county is not None else []


def free_trade_area(cands: Sequence[Candidate], home: Candidate | None) -> list[Found]:
    """A free-trade zone's area named after the home new area's city (X自贸试验区Y片区) is part of the new area."""
    if home is None or not NEW_AREA.search(home.text) or gazetteer().lookup(home.text):
        return []
    line = {d.code for d in _chain(home.text) if d.level == 2}
    out = []
    for c in cands:
        named = named_divisions(c.text)
        if c.type in PLACE_TYPES and FREE_TRADE_AREA.search(c.text) and named and named[-1] & line:
            out.append(Found(c, P.PART_OF, home, dated=False))
    return out


def _named_city(districts: Sequence[Candidate], home: Candidate) -> Candidate | None:
    """For a home zone whose line reaches only its province: the city in that province named most."""
    chain = _chain(home.text)
    if gazetteer().lookup(home.text) or not chain or chain[0].level != 1:
        return None
    cities = [d for d in districts if is_division(d.text, 2) and gazetteer().lookup(d.text)[0].level == 2
              and gazetteer().lookup(d.text)[0].parent == chain[0].code]
    counts = Counter(d.text for d in cities)
    return next((d for d in cities if d.text == counts.most_common(1)[0][0]), None) if cities else None


def relations(sentence: str, cands: Sequence[Candidate], home: Candidate | None, *,
              park: Candidate | None = None, known: Sequence[Candidate] = ()) -> list[Found]:
    """All relations of one sentence; `known` are the document's enterprises and organizations named on
    their own somewhere (not only inside a longer name)."""
    developed = developed_by(sentence, cands, known)
    partners = cooperates_with(sentence, cands, home)
    unplaced = frozenset(f.object.text for f in developed) | frozenset(f.object.text for f in partners)
    found = received_award(sentence, cands, home)
    found += located_in(sentence, cands, home, park, unplaced)
    found += zones_in_home(cands, home)
    areas = free_trade_area(cands, home)
    found = [f for f in found if not any(f.subject is a.subject and f.object is a.object for a in areas)] + areas
    found += developed
    found += partners
    return [f for f in found if f.subject.text != f.object.text and not _names_the_place(f)]


def _names_the_place(f: Found) -> bool:
    """洋浦 located in 海南洋浦经济开发区: a name written inside the place's own name is that place by a short
    form, not something in it."""
    return f.predicate == P.LOCATED_IN and f.object.type == T.DISTRICT and len(f.subject.text) < len(f.object.text) \
        and f.subject.text in f.object.text
