"""Relations in one sentence from cue words and frames, with the document's district as the implied place."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from kg.extract.divisions import Division, gazetteer
from kg.extract.entities import Candidate
from kg.extract.firms import FIRM_HEAD, firm_prefix
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
FIRM_TITLE = re.compile(r"(?:企业|产品|单位|孵化器|工作站|研究中心|技术中心|人才|专家)$")
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
    return ()


def _is_division(name: str, max_level: int = 3) -> bool:
    found = gazetteer().lookup(name)
    return bool(found) and found[0].level <= max_level


def _ancestor_of_home(place: Candidate, home: Candidate | None) -> bool:
    """大连市 when the document is about 大连高新区 or 甘井子区."""
    if home is None or place.type != T.DISTRICT or not _is_division(place.text, 2):
        return False
    own = gazetteer().lookup(place.text)[0]
    return any(d.code == own.code for d in _chain(home.text)) and place.text != home.text


def _within_home(place: Candidate, home: Candidate | None) -> bool:
    """A park, or a zone or county that does not lie outside the home district's city."""
    if home is None or place.text == home.text:
        return False
    if place.type == T.PARK:
        return True
    if _is_division(place.text, 2):
        return False
    mine, theirs = _chain(place.text), _chain(home.text)
    if mine and theirs:
        cities = {d.code for d in mine if d.level <= 2}
        return bool(cities & {d.code for d in theirs if d.level <= 2})
    return True


def _cue_place(sentence: str, c: Candidate, places: Sequence[Candidate]) -> Candidate | None:
    """The place a cue puts `c` in, nearest first."""
    best: tuple[int, Candidate] | None = None
    for p in places:
        if p is c or p.start < c.end and c.start < p.end:
            continue
        if p.start >= c.end:
            between = sentence[c.end:p.start]
            ok = len(between) <= 30 and not re.search(r"[，,。；;：:]", between) and LOCATED_AFTER.search(between)
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
        if c.type == T.ORGANIZATION:
            out.extend(_organization_place(c, cands, home))
            continue
        place = _cue_place(sentence, c, places)
        if place is not None and _ancestor_of_home(place, home):
            place = home
        targets = []
        if place is not None:
            targets.append(place)
            if place.type == T.PARK and home is not None and place.text != home.text:
                out.append(Found(place, P.LOCATED_IN, home))
        if place is None and park is not None and c.type in (T.ENTERPRISE, T.PROJECT) and c.text != park.text:
            targets.append(park)
        if home is not None and (place is None or _within_home(place, home)):
            if not (c.text in unplaced and place is None):
                targets.append(home)
        out.extend(Found(c, P.LOCATED_IN, t) for t in targets if t.text != c.text)
    return out


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
    awards = [c for c in cands if c.type == T.AWARD]
    for award in awards:
        left, _ = _clause_of(sentence, award.start)
        before = [c for c in others if c.end <= award.start]
        in_clause = [c for c in before if c.start >= left]
        after = [c for c in others if c.start >= award.end and re.search(r"名列其中|上榜|入选|入围|获此", sentence[c.end:c.end + 12])]
        if in_clause:
            recipients = _list_ending_at(sentence, in_clause)
        elif after:
            recipients = [after[0]]
        elif before and not any(a.end <= award.start for a in awards) and sentence.count("，") < 3:
            recipients = [before[-1]]
        else:
            recipients = [home] if home is not None else []
        for r in recipients:
            if r.type == T.DISTRICT and home is not None and r.text != home.text and _ancestor_of_home(r, home):
                r = home
            if r.type == T.DISTRICT and FIRM_TITLE.search(award.text):
                continue  # 全区入选省瞪羚企业12家: the firms hold the title, not the district
            if r.type in (T.DISTRICT, T.ENTERPRISE, T.PARK, T.PROJECT, T.ORGANIZATION):
                out.append(Found(r, P.RECEIVED_AWARD, award))
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
        if prefix is not None:
            out.append(Found(proj, P.DEVELOPED_BY, Candidate(proj.start, proj.start + len(prefix), T.ENTERPRISE, prefix, PREFIX)))
            continue
        if proj.type != T.PROJECT:
            continue
        cands_before = [e for e in actors if e.end <= proj.start and not _nested(e, cands)]
        if not cands_before:
            continue
        e = cands_before[-1]
        gap = sentence[e.end:proj.start]
        last = re.split(r"[，,；;]", gap)[-1]
        if len(last) < len(gap) and sentence[_clause_of(sentence, e.start)[0]:e.start].strip("由 ") != "":
            continue  # across a comma only the clause's subject acts (X拟投资…,在P建设Y), not a listed name
        if len(gap) <= 30 and "。" not in gap and DEVELOP_CUES.search(last) and not LOCATIVE_BEFORE.search(sentence[max(0, e.start - 2):e.start]):
            others = [o for o in cands if e.end <= o.start and o.end <= proj.start and o.type in (T.PROJECT,)]
            if not others:
                out.append(Found(proj, P.DEVELOPED_BY, e))
    return out


def _owner_like(c: Candidate, cands: Sequence[Candidate]) -> bool:
    """A name met only inside a longer one owns it when it reads as a firm (特康科技, 韩国美科电子) or a place
    follows it (海尔无锡物联生态基地), not when it is a generic word (跨境电商, 双创, 区科技)."""
    if HOME_PREFIX.match(c.text) or c.text.startswith("区"):
        return False
    if FIRM_HEAD.search(c.text) and len(c.text) >= 4:
        return True
    rest = next((o for o in cands if o.start == c.end and o.type in PLACE_TYPES), None)
    return rest is not None and _is_division(rest.text)


def _name_owners(name: str, names: Sequence[str]) -> list[str]:
    parts = [p for p in re.split(r"[·•・]", name) if p] if re.search(r"[·•・]", name) else [name]
    owners = []
    for part in parts:
        for n in names:
            if n != name and part.startswith(n) and len(part) > len(n):
                owners.append(n)
                break
    return owners


# ---------------------------------------------------------- cooperatesWith
def cooperates_with(sentence: str, cands: Sequence[Candidate], home: Candidate | None) -> list[Found]:
    """`A与B、C签订/合作/共建…` and `A联合B…`: A is the nearest party before the cue that is not a place
    of the event (在北京), else the home district; B, C the parties inside."""
    out = []
    parties = [c for c in cands if c.type in (T.DISTRICT, T.ENTERPRISE, T.ORGANIZATION, T.PARK) and not _nested(c, cands)]
    spans = [(m.start(), m.start(1), m.end(1)) for m in COOP_CUES.finditer(sentence)]
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
        chain = _chain(d.text)
        own = gazetteer().lookup(d.text)
        ancestors = chain[1:] if own else chain
        for a in ancestors:
            other = by_code.get(a.code)
            if other is not None and other.text != d.text:
                out.append(Found(d, P.PART_OF, other, dated=False))
                break
    return list({(f.subject.text, f.object.text): f for f in out}.values())


def relations(sentence: str, cands: Sequence[Candidate], home: Candidate | None, *,
              park: Candidate | None = None, known: Sequence[Candidate] = ()) -> list[Found]:
    """All relations of one sentence; `known` are the document's enterprises and organizations named on
    their own somewhere (not only inside a longer name)."""
    developed = developed_by(sentence, cands, known)
    partners = cooperates_with(sentence, cands, home)
    unplaced = frozenset(f.object.text for f in developed) | frozenset(f.object.text for f in partners)
    found = received_award(sentence, cands, home)
    found += located_in(sentence, cands, home, park, unplaced)
    found += developed
    found += partners
    return [f for f in found if f.subject.text != f.object.text]
