"""Entity mentions in one sentence: `recognize` runs the rules over tagged words and resolves overlaps.

Input is a sentence's words as `Word(text, tag, start)` (from the statistical tagger, or any segmenter
with LAC-style tags); output is a list of `Candidate`s with offsets relative to the sentence.

The rules live by entity kind: the shared base (words, candidates, chunks, `classify`, heads,
`resolve_overlaps`) in `names`, and `enterprises`, `awards`, `projects` and `places`; this module keeps
the word repairs, chunk typing, list members, quotes, issuers and by-lines, and re-exports the names
other code imports from it (`Word`, `Candidate`, `classify`, `resolve_overlaps`, `city_lead`, …).
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from kg.extract import lexicon as lx
from kg.extract.divisions import gazetteer
from kg.extract.names import (Word, Candidate, NAME_TAGS, _ASCII, _QUOTES, _GENERIC_START, _PROPER, _nameable, chunks,
                              _head_type, classify, _sector_only, _quoted_programme, _good_org_word, _trim, _SENT,
                              _REGION_TAILS, resolve_overlaps)
from kg.extract.places import _districts, _subcounty, _seat_districts, city_lead, _named_towns, _body_divisions
from kg.extract.enterprises import (_COOP_HEADS, _coops, _not_a_brand, _split_sector, _enterprise_prefix, _brand_trade,
                                    _firm_and_category, _list_firms, _quoted_brand, _firm_quoted_project,
                                    bracketed_firms, _around_firms, _institute_founders, _dot_partners, _project_firms,
                                    _trim_firm)
from kg.extract.awards import _award_list_firms, _awards, _list_awards, _award_in_context
from kg.extract.projects import (_place_led_parks, _item_park, _phased_park, _park_prefix, _headed_prefix,
                                 _verb_spanning, _led_projects, _descriptive_category, _counted_category,
                                 _framed_descriptive, _attribute_stem)
from kg.model import EntityType as T


_LIST_TAIL = re.compile(r"等[^，,。；;：:、！？!?“”\"（）()]{0,12}?(项目|企业|园区|产业园|基地|平台|单位|高校|名校|院校|院所|机构)")


_TAIL_TYPE = {"项目": T.PROJECT, "企业": T.ENTERPRISE, "园区": T.PARK, "产业园": T.PARK, "基地": T.PARK,
              "平台": T.PROJECT, "单位": T.ORGANIZATION, "高校": T.ORGANIZATION, "名校": T.ORGANIZATION,
              "院校": T.ORGANIZATION, "院所": T.ORGANIZATION,
              "机构": T.ORGANIZATION}


def _from_chunk(words: list[Word]) -> list[Candidate]:
    words = _trim(words)
    if not words:
        return []
    out: list[Candidate] = []
    start, end = words[0].start, words[-1].end
    name = "".join(w.text for w in words)
    t = classify(name, words)
    if t == T.ENTERPRISE and len(words) == 1 and _head_type(name) is None \
            and not _good_org_word(words[0], _SENT.get("s", "")):
        t = None
    if t is None:
        head_part = _headed_prefix(words)
        if head_part:
            words = head_part
            end, name = words[-1].end, "".join(w.text for w in head_part)
            t = classify(name, words)
    if t is not None:
        out.append(Candidate(start, end, t, name, "shape"))
    # named organisations and places inside a longer chunk: 华星光电 in 华星光电显示模组项目
    for i, w in enumerate(words):
        if w.tag in ("ORG", "LOC") and (len(words) > 1 or t is None):
            inner = classify(w.text, [w])
            if inner is None and w.tag == "ORG" and _good_org_word(w, _SENT.get("s", "")):
                inner = T.ENTERPRISE
            if inner == T.ENTERPRISE and not _good_org_word(w, _SENT.get("s", "")):
                inner = None
            if inner == T.ENTERPRISE and i + 1 < len(words) and words[i + 1].tag == "vn" \
                    and (len(w.text) <= 2 or t is not None and _not_a_brand(w.text, name, t)):
                inner = None  # 离岸创新中心, 联创国际加速器: the tagger cut a name's front, not a company
            if w.tag == "ORG" and i + 1 < len(words) and words[i + 1].tag == "ORG" and _ASCII.match(w.text):
                w = Word(w.text + words[i + 1].text, "ORG", w.start)  # SK + 海力士
                inner = T.ENTERPRISE
            if i > 0 and words[i - 1].tag == "ORG" and _ASCII.match(words[i - 1].text) and w.tag == "ORG":
                inner = None
            if inner is not None and not (w.start == start and w.end == end and t is not None):
                text = w.text
                if inner == T.ENTERPRISE:
                    text = next((text[: -len(r)] for r in _REGION_TAILS if text.endswith(r) and len(text) - len(r) >= 2),
                                text)
                out.append(Candidate(w.start, w.start + len(text), inner, text, "tagger"))
    if t in (T.PROJECT, T.PARK) and not any(c.type == T.ENTERPRISE for c in out):
        out.extend(_enterprise_prefix(words))
    if t == T.PROJECT:
        out.extend(_park_prefix(words))
    return out + _phased_park(words, t)


def _split_connector(words: list[Word]) -> list[Word]:
    """及稀散金属产业研究院 tagged whole as a conjunction: the connector, then the rest of a name with a head."""
    out: list[Word] = []
    for w in words:
        if w.tag == "c" and len(w.text) >= 5 and w.text[0] in "及与" and _head_type(w.text[1:]) is not None:
            out.extend([Word(w.text[0], "c", w.start), Word(w.text[1:], "n", w.start + 1)])
        else:
            out.append(w)
    return out


_OPENING_QUOTES = "“\"'‘《〈「『【"


def _inner_connector(words: Sequence[Word], j: int, run: Sequence[Word]) -> bool:
    """连城数控光伏及半导体: 及/与 inside a list member, between name words."""
    return words[j].text in ("及", "与") and bool(run) and j > 0 and _nameable(words[j - 1]) \
        and words[j - 1].text not in lx.TRIGGERS


def _list_members(sentence: str, words: Sequence[Word], found: list[Candidate]) -> list[Candidate]:
    """`A、B、C等项目`: untyped members of a list closed by 等+category take the category's type."""
    out: list[Candidate] = []
    for m in re.finditer(r"等", sentence):
        tail = _LIST_TAIL.match(sentence, m.start())
        if not tail:
            continue
        t = _TAIL_TYPE[tail.group(1)]
        # walk back over 、-separated items
        seg_end = m.start()
        left = max(sentence.rfind(c, 0, seg_end) for c in "，,。；;：:！？…")
        items, pos = [], left + 1
        for part in re.split(r"[、]", sentence[pos:seg_end]):
            items.append((pos, pos + len(part)))
            pos += len(part) + 1
        for s, e in items:
            text = sentence[s:e].strip(_QUOTES + " ")
            if len(text) < 2 or text in lx.NOT_NAMES or text in lx.GENERIC_NAMES:
                continue
            if any(c.start <= s and c.end >= e and c.type != T.ENTERPRISE for c in found):
                continue
            # keep only the trailing name-like part of the first item (drop the verb before it)
            first_words = [w for w in words if w.start >= s and w.end <= e]
            run: list[Word] = []
            for j in range(len(first_words) - 1, -1, -1):
                w = first_words[j]
                if _nameable(w) and w.text not in lx.TRIGGERS or w.text in _OPENING_QUOTES \
                        or _inner_connector(first_words, j, run):
                    run.insert(0, w)
                else:
                    break
            if len(run) == 1 and run[0].tag in ("n", "vn") and len(run[0].text) <= 2:
                continue  # 电力等企业: a sector, not a member
            if t in (T.PROJECT, T.PARK) and _sector_only("".join(w.text for w in run)):
                continue  # 人工智能、5G物联网等项目: sectors the projects are in
            if run:
                s2, e2 = run[0].start, run[-1].end
                text = sentence[s2:e2].strip(_QUOTES)
                if len(text) >= 2 and text not in lx.NOT_NAMES and text not in lx.GENERIC_NAMES:
                    out.append(Candidate(s2, e2, t, text, "list"))
    return out


def _quoted(sentence: str) -> list[Candidate]:
    """Names in quotes or 《》 typed by their head: “国家健康大数据产业园”."""
    out = []
    for m in re.finditer(r"[“《「]([^”》」]{2,40})[”》」]", sentence):
        text = m.group(1)
        if re.search(r"[，,、—+\s]", text):
            continue  # a slogan or a list, not one name
        t = _head_type(text)
        if t is not None and text not in lx.NOT_NAMES and not _quoted_programme(text, t):
            out.append(Candidate(m.start(1), m.end(1), t, text, "quote"))
    return out


def _issuers(words: Sequence[Word]) -> list[Candidate]:
    """生态环境部主办的…, 自然资源部公布…: common nouns closed by a government head (部, 委, 局…) right before a verb
    that issues, hosts or confers are a government body, though the tagger gives no name."""
    out: list[Candidate] = []
    for i, w in enumerate(words):
        if w.text not in lx.ISSUING_VERBS or i == 0:
            continue
        j = i
        while j > 0 and (words[j - 1].tag in ("n", "vn", "nz") and words[j - 1].text not in lx.TRIGGERS
                         or words[j - 1].text == "和" and j >= 2 and words[j - 2].tag == "n" and j < i):
            j -= 1
        body = list(words[j:i])
        name = "".join(x.text for x in body)
        short_head = len(body) >= 2 and len(body[-1].text) <= 2 or len(body) == 1 and len(name) >= 4
        if short_head and 3 <= len(name) <= 10 and name.endswith(lx.GOVERNMENT_HEADS) and name not in lx.GENERIC_NAMES and not name.startswith(_GENERIC_START):
            out.append(Candidate(body[0].start, body[-1].end, T.ORGANIZATION, name, "shape"))
    return out


_BYLINE = re.compile(r"^[\s　]*([\u4e00-\u9fff]{1,5}社)(?P<place>[\u4e00-\u9fff]{0,6}?)(?P<date>\d{1,2}月\d{1,2}日)?电")


def _news_agency(sentence: str) -> Candidate | None:
    """The news agency of a dateline that opens a report (新华社合肥3月18日电, 中新社电): an organization."""
    m = _BYLINE.match(sentence)
    place = m.group("place") if m else ""
    if m is None or place and not m.group("date") and not any(gazetteer().lookup(place + t) for t in ("", "市")):
        return None
    return Candidate(m.start(1), m.end(1), T.ORGANIZATION, m.group(1), "byline")


def _split_byline(w: Word) -> list[Word]:
    """厦门日报讯 → 厦门日报 + 讯: a by-line word the tagger keeps whole."""
    if w.tag == "ORG" and w.text.endswith("讯") and len(w.text) > 3:
        return [Word(w.text[:-1], w.tag, w.start), Word("讯", "n", w.end - 1)]
    if len(w.text) > 1 and w.text[0] in ")）" and w.text[1] not in ")）":
        return [Word(w.text[0], "w", w.start), Word(w.text[1:], "n", w.start + 1)]  # `)有限公司` glued by the tagger
    return [w]


def _rejoin_conjunction(words: list[Word]) -> list[Word]:
    """和林格尔数据中心: a county name opening with 和 that the tagger read as a conjunction (和 + 林格尔…)."""
    out: list[Word] = []
    i = 0
    while i < len(words):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else None
        if w.tag == "c" and len(w.text) == 1 and nxt is not None and nxt.tag in NAME_TAGS and any(
                gazetteer().lookup(w.text + nxt.text[:k] + tail)
                for k in range(2, min(len(nxt.text), 5) + 1) for tail in ("县", "旗")):
            out.append(Word(w.text + nxt.text, nxt.tag if nxt.tag in _PROPER else "LOC", w.start))
            i += 2
            continue
        out.append(w)
        i += 1
    return out


def _rejoin_split_body(words: list[Word]) -> list[Word]:
    """X省工业和 + 信息化厅: a body whose two-part name the tagger cut after its 和/与 is one ORG word again."""
    out: list[Word] = []
    for w in words:
        prev = out[-1] if out else None
        if prev is not None and prev.tag == "ORG" and len(prev.text) >= 3 and prev.text[-1] in "和与及" \
                and prev.start + len(prev.text) == w.start and 2 <= len(w.text) <= 8 and w.text.endswith(lx.GOVERNMENT_HEADS):
            out[-1] = Word(prev.text + w.text, "ORG", prev.start)
            continue
        out.append(w)
    return out


def recognize(sentence: str, words: Sequence[Word], user: Mapping[str, T] | None = None) -> list[Candidate]:
    """Every entity candidate of one sentence, possibly overlapping; `resolve_overlaps` picks among them."""
    found: list[Candidate] = []
    _SENT["s"] = sentence
    words = _split_connector(words)
    words = _split_sector(_rejoin_conjunction(_rejoin_split_body([part for w in words for part in _split_byline(w)])))
    for run in chunks(words):
        found.extend(_from_chunk(run))
        found.extend(_brand_trade(run))
    found.extend(_verb_spanning(words))
    found.extend(_place_led_parks(words))
    found.extend(_item_park(sentence))
    found.extend(_coops(words))
    found.extend(_framed_descriptive(sentence, words))
    found.extend(_issuers(words))
    found.extend(_awards(sentence))
    found.extend(_list_awards(sentence, words))
    found.extend(_list_firms(sentence, words))
    found.extend(_award_list_firms(sentence, words))
    found.extend(_quoted(sentence))
    found.extend(_quoted_brand(sentence, words))
    found.extend(_firm_quoted_project(sentence, words))
    found.extend(_districts(sentence, words))
    byline = _news_agency(sentence)
    if byline is not None:  # 新华社合肥3月18日电: the agency is a body, its dateline place no subject of the report
        dateline = _BYLINE.match(sentence)
        found = [c for c in found if c.end <= byline.start or dateline is None or c.start >= dateline.end()] + [byline]
    firms = bracketed_firms(sentence, words)
    found = _around_firms(found, firms) + firms
    subcounty = _subcounty(sentence, words)
    if subcounty:  # 甲街道乙社区 read whole as a project gives way to the two divisions
        spans = [(c.start, c.end) for c in subcounty]
        found = [c for c in found if c.type == T.PARK and _head_type(c.text) == T.PARK  # 甲镇工业小区 stays a park
                 or c.type == T.ENTERPRISE and c.text.endswith(_COOP_HEADS)   # 甲镇乙村…合作社 stays a cooperative
                 or not any(c.start <= s < e <= c.end for s, e in spans)] + subcounty
    # 清华、北航等名校: the list's category retypes a bare tagger name, never a company with a company head
    listed = [c for c in _list_members(sentence, words, found)
              if not (c.type == T.ORGANIZATION and _head_type(c.text) == T.ENTERPRISE)]
    bodies = {(c.start, c.end) for c in listed if c.type == T.ORGANIZATION}
    found = [c for c in found if not (c.type == T.ENTERPRISE and (c.start, c.end) in bodies)] + listed
    found.extend(_led_projects(words, found))
    found = [c for c in found if not _firm_and_category(c, found)]
    found = [c for c in found if not _descriptive_category(c, words, sentence) and not _counted_category(c, sentence)
             and not _attribute_stem(c, words)]
    for name, t in (user or {}).items():
        for m in re.finditer(re.escape(name), sentence):
            found.append(Candidate(m.start(), m.end(), t, name, "lexicon"))
    found = [c for c in found if _award_in_context(sentence, c)]
    found = [t for c in found for t in _trim_firm(c)]
    kept = resolve_overlaps(found)
    kept = _named_towns(_body_divisions(_institute_founders(_dot_partners(_project_firms(kept, words)))))
    return sorted(kept + _seat_districts(kept), key=lambda c: (c.start, c.end))
