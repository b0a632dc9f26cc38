"""DocExtractions → KnowledgeGraph: one entity per real-world thing, with a canonical label, aliases and a stable id.

Mentions are merged when they are the same name once quotes, trailing 等/等项目 and (for projects)
a trailing 项目 are removed; when one is the official full form of the other (大连 → 大连市); when
one is the other with a place prefix (大连金普新区 / 金普新区); and when a short form is the head of
an enterprise's registered name (豪森设备 / 大连豪森设备制造股份有限公司). Two different names that only
share a prefix are never merged.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from kg.extract.divisions import gazetteer
from kg.extract.lexicon import PARK_HEADS, ZONE_HEADS, ZONE_SYNONYMS
from kg.model import DocExtraction, Entity, EntityType, KnowledgeGraph, Mention, Predicate, Relation, Statement

QUOTES = "“”\"'‘’《》〈〉「」『』【】"
LEGAL = re.compile(r"(股份有限公司|有限责任公司|有限公司|集团有限公司|集团股份有限公司|集团公司|公司|集团|股份)$")
_NO_QUOTES = str.maketrans("", "", QUOTES)
_TYPE_RANK = {EntityType.DISTRICT: 0, EntityType.AWARD: 1, EntityType.ORGANIZATION: 2, EntityType.PARK: 3,
              EntityType.PROJECT: 4, EntityType.ENTERPRISE: 5}


def normalize(name: str) -> str:
    """The surface form without quotes, spaces and a trailing 等/等项目."""
    s = "".join(name.translate(_NO_QUOTES).split())  # str.split() cuts at exactly the str.isspace() characters
    for tail in ("等项目", "等"):
        if s.endswith(tail) and len(s) > len(tail) + 1:
            s = s[: -len(tail)]
    return s


def _place_prefixes() -> list[str]:
    g = gazetteer()
    names = {n for n, divs in g.by_name.items() if divs[0].level <= 2}
    return sorted(names, key=len, reverse=True)


def strip_place(name: str) -> str:
    """金普新区 from 大连金普新区; the name itself when no province or city prefix leads it (the longest prefix
    that leaves a name: looked up by length in a set, not by scanning every place)."""
    _load_places()
    for n in _PLACE_LENGTHS:
        # 大连湾, 大连港 are places of their own, not 大连 + a name
        if len(name) - n >= 2 and name[:n] in _PLACE_SET and name[n] not in "湾港路街山河湖岛江海桥口":
            return name[n:]
    return name


def _load_places() -> None:
    if not _PLACES:
        _PLACES.extend(_place_prefixes())
        _PLACE_SET.update(_PLACES)
        _PLACE_LENGTHS.extend(sorted({len(p) for p in _PLACES}, reverse=True))


_PLACES: list[str] = []
_PLACE_SET: set[str] = set()
_PLACE_LENGTHS: list[int] = []


_BARE_ZONES = frozenset(ZONE_HEADS) | {short for _, short in ZONE_SYNONYMS}


def zone_key(name: str) -> str:
    """A development zone's identity: zone head in its short form, place prefixes stripped while a name remains
    (江西赣州经济技术开发区 → 赣州经开区; 贵阳国家高新区 → 贵阳高新区)."""
    for full, short in ZONE_SYNONYMS:
        if name.endswith(full):
            name = name[: -len(full)] + short
            break
    while True:
        rest = strip_place(name)
        if rest == name or rest in _BARE_ZONES or len(rest) < 4 and not gazetteer().lookup(rest[:2]):
            return name
        name = rest


def key_of(name: str, type_: EntityType) -> str:
    """The identity key of a name of a given type: what two mentions must share to be one entity."""
    n = normalize(name)
    if type_ == EntityType.DISTRICT:
        divs = gazetteer().lookup(n)
        if divs:
            return divs[0].name
        return _county_of_city(n) or zone_key(n)
    if type_ == EntityType.PROJECT and n.endswith("项目") and len(n) > 4:
        n = n[:-2]
    if type_ == EntityType.ORGANIZATION and n.endswith(_SCHOOL_HEADS):
        return n  # 大连理工大学 and 北京理工大学 are two universities, not one 理工大学
    if type_ == EntityType.ORGANIZATION and n.startswith("中共") and len(n) > 6:
        n = strip_place(n[2:])  # 中共大连市甘井子区委宣传部 = 大连甘井子区委宣传部: the party's organ by its own name
    if type_ in (EntityType.ENTERPRISE, EntityType.ORGANIZATION):
        core = LEGAL.sub("", strip_place(n))
        return core if len(core) >= 2 else n
    if type_ == EntityType.PARK:
        rest = strip_place(n)
        # strip a place prefix only when a real name is left, never a bare head (苏州工业园区 stays)
        generic = rest in _BARE_ZONES or any(rest == h or rest == "国家" + h for h in PARK_HEADS)
        return rest if len(rest) >= 4 and not generic else n
    return n


def _county_of_city(name: str) -> str | None:
    """汉中市汉台区 → 汉台区, 江苏省昆山市 → 昆山市: a county written after the city or province it belongs to is that
    county."""
    g = gazetteer()
    rest = strip_place(name)
    if rest == name:
        return None
    parents = {d.code for d in g.lookup(name[: len(name) - len(rest)])}
    divs = g.lookup(rest)
    if len(divs) != 1:  # 鼓楼区 of 南京市 and of 福州市 are two districts: the written city keeps them apart
        return None
    return divs[0].name if divs[0].level >= 3 and _above(divs[0]) & parents else None


def _above(division) -> set[str]:
    """The codes of a division's city and province."""
    g, out, d = gazetteer(), set(), division
    while d is not None and d.parent:
        out.add(d.parent)
        d = g.parent(d)
    return out


def entity_id(type_: EntityType, key: str) -> str:
    """Stable local name under kgr:, e.g. `enterprise/5d41402abc4b`; the same key gives the same id in every build."""
    digest = hashlib.sha1(f"{type_.value}|{key}".encode()).hexdigest()[:12]
    return f"{type_.value.lower()}/{digest}"


def _type_of(mentions: list[Mention]) -> EntityType:
    votes = Counter(m.type for m in mentions)
    return max(votes, key=lambda t: (votes[t], -_TYPE_RANK[t]))


def _short_enterprise_links(keys: dict[str, set[str]]) -> dict[str, str]:
    """Enterprise short forms that begin the core of exactly one longer registered name: 豪森设备 → 豪森设备制造."""
    links: dict[str, str] = {}
    cores = sorted(keys, key=len)
    registered = {k for k in cores if any(LEGAL.search(n) for n in keys[k])}
    by_prefix: dict[str, list[str]] = defaultdict(list)  # each proper prefix → the registered cores it begins
    for k in cores:
        if k in registered:
            for i in range(2, len(k)):
                by_prefix[k[:i]].append(k)
    for short in cores:
        if short in registered:
            continue  # a registered name of its own: 宁波恒远电子有限公司 is not 恒远电子科技股份有限公司
        longer = by_prefix.get(short, [])
        if len(longer) == 1:
            links[short] = longer[0]
    return links


_SCHOOL_HEADS = ("大学", "学院", "研究院", "研究所", "科学院")


def _short_organization_links(names: dict[str, set[str]]) -> dict[str, str]:
    """An organisation's short form without its school head joins the one full name it begins
    (大连理工 → 大连理工大学), keyed by name: key → key of the full form."""
    links: dict[str, str] = {}
    all_names = {n: k for k, ns in names.items() for n in ns}
    for k, ns in names.items():
        for short in ns:
            fuller = {all_names[short + h] for h in _SCHOOL_HEADS if short + h in all_names and len(short) >= 3}
            if len(fuller) == 1 and k not in fuller:
                links[k] = fuller.pop()
    return links


_PHASE_MARK = re.compile(r"[一二三四五六七八九十\d]+[期号]|首期|[A-Za-z\d]+")


def _cut_middle(short: str, long: str, lead: int = 2, tail: int = 4) -> bool:
    """林德工程中国区总部 in 林德工程全球装备制造中国区总部: the long form with one stretch cut from its middle, keeping
    the leading name (`lead` characters or more) and more than the bare head at the end (`tail` or more), with the
    same phases and numbers. 华为中心 is not cut from 华为云计算中心 (the head alone is left), nor X园项目 from
    X园二期项目."""
    if len(short) < lead + tail or len(short) >= len(long) \
            or _PHASE_MARK.findall(short) != _PHASE_MARK.findall(long):
        return False
    for k in range(lead, len(short) - tail + 1):
        if long.startswith(short[:k]) and long.endswith(short[k:]):
            cut = long[k: len(long) - len(short) + k]
            if not re.search(r"[、，,及和与]", cut):
                return True
    return False


def _short_project_links(key_names: dict[tuple[EntityType, str], set[str]],
                         docs_of: dict[str, set[str]]) -> dict[str, str]:
    """Project short forms cut from exactly one longer form: in the same document, or with a longer name and head
    kept (three and five characters) across documents."""
    keys = [k for t, k in key_names if t == EntityType.PROJECT]
    key_docs = {k: {d for n in key_names[(EntityType.PROJECT, k)] for d in docs_of[n]} for k in keys}
    # a cut keeps at least the first two and the last four characters: only keys sharing both can be the long form
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    for k in keys:
        by_ends[(k[:2], k[-4:])].append(k)
    links: dict[str, str] = {}
    for short in keys:
        longer = [k for k in by_ends.get((short[:2], short[-4:]), ()) if k != short and (
            _cut_middle(short, k) if key_docs[k] & key_docs[short] else _cut_middle(short, k, 3, 5))]
        if len(longer) == 1:
            links[short] = longer[0]
    return links


def _link_bare_zones(extractions: list[DocExtraction], by_name: dict[str, list[tuple[Mention, str]]],
                     name_type: dict[str, EntityType]) -> dict[tuple[str, str], str]:
    """高新区 alone in a 大连 document is that document's 大连高新区: rename bare zone mentions to the one
    longer District of the same head in their document; drop them when there is none or several.
    Returns (document id, bare name) → the name it was given."""
    renamed: dict[tuple[str, str], str] = {}
    districts_of: dict[str, list[str]] = defaultdict(list)  # document id → its District mentions, normalised
    for ex in extractions:
        districts_of[ex.document.id].extend(normalize(x.text) for x in ex.mentions if x.type == EntityType.DISTRICT)
    for name in [n for n in by_name if n in _BARE_ZONES]:
        for m, doc in by_name.pop(name):
            short = zone_key(name)
            fuller = {n for n in districts_of[doc]
                      if n != name and zone_key(n).endswith(short) and n not in _BARE_ZONES}
            keys = {zone_key(n) for n in fuller}
            if len(keys) == 1:
                target = max(fuller, key=len)
                by_name[target].append((m, doc))
                renamed[(doc, name)] = target
    name_type.update({n: _type_of([m for m, _ in ms]) for n, ms in by_name.items() if n not in name_type})
    for n in list(name_type):
        if n not in by_name:
            del name_type[n]
    return renamed


def resolve(extractions: Iterable[DocExtraction]) -> KnowledgeGraph:
    """Merge the mentions of all documents into entities and their relation mentions into relations."""
    _load_places()
    extractions = list(extractions)
    # 1. group mentions by name-level key (type decided by vote afterwards)
    by_name: dict[str, list[tuple[Mention, str]]] = defaultdict(list)
    for ex in extractions:
        for m in ex.mentions:
            if len(normalize(m.text)) >= 2:
                by_name[normalize(m.text)].append((m, ex.document.id))
    name_type = {n: _type_of([m for m, _ in ms]) for n, ms in by_name.items()}
    renamed = _link_bare_zones(extractions, by_name, name_type)
    # 2. names → identity keys, then merge short enterprise forms into their full names
    key_names: dict[tuple[EntityType, str], set[str]] = defaultdict(set)
    for n, t in name_type.items():
        key_names[(t, key_of(n, t))].add(n)
    ent_keys = {k: names for (t, k), names in key_names.items() if t == EntityType.ENTERPRISE}
    links = _short_enterprise_links(ent_keys)
    for short, full in links.items():
        key_names[(EntityType.ENTERPRISE, full)] |= key_names.pop((EntityType.ENTERPRISE, short), set())
    org_keys = {k: names for (t, k), names in key_names.items() if t == EntityType.ORGANIZATION}
    for short, full in _short_organization_links(org_keys).items():
        key_names[(EntityType.ORGANIZATION, full)] |= key_names.pop((EntityType.ORGANIZATION, short), set())
    docs_of = {n: {d for _, d in ms} for n, ms in by_name.items()}
    for short, full in _short_project_links(key_names, docs_of).items():
        key_names[(EntityType.PROJECT, full)] |= key_names.pop((EntityType.PROJECT, short), set())
    # 3. entities
    entities: dict[str, Entity] = {}
    name_to_id: dict[str, str] = {}
    for (t, k), names in sorted(key_names.items()):
        label = max(names, key=lambda n: (len(n), n))
        if t == EntityType.DISTRICT and gazetteer().lookup(k):
            label = gazetteer().lookup(k)[0].name  # the official full name: 呼和浩特 → 呼和浩特市
            names = names | {label}
        eid = entity_id(t, k)
        docs = frozenset(d for n in names for _, d in by_name[n])
        entities[eid] = Entity(id=eid, type=t, label=label, aliases=frozenset(names - {label}), documents=docs)
        for n in names:
            name_to_id[n] = eid
    # 4. relations with one statement per (document, sentence, year)
    stmts: dict[tuple[str, Predicate, str], dict[tuple, Statement]] = defaultdict(dict)
    for ex in extractions:
        for r in ex.relations:
            doc = ex.document.id
            sn, on = normalize(r.subject.text), normalize(r.object.text)
            s, o = name_to_id.get(renamed.get((doc, sn), sn)), name_to_id.get(renamed.get((doc, on), on))
            if s is None or o is None or s == o:
                continue
            st = Statement(document_id=ex.document.id, evidence=r.evidence, year=r.year,
                           start=r.sent_start, end=r.sent_end)
            stmts[(s, r.predicate, o)][(st.document_id, st.start, st.end, st.year)] = st
    relations = tuple(
        Relation(subject=s, predicate=p, object=o, statements=tuple(v[k] for k in sorted(v, key=str)))
        for (s, p, o), v in sorted(stmts.items(), key=lambda kv: (kv[0][0], kv[0][1].value, kv[0][2]))
    )
    documents = tuple(sorted((ex.document for ex in extractions), key=lambda d: d.id))
    return KnowledgeGraph(documents=documents, entities=dict(sorted(entities.items())), relations=relations)
