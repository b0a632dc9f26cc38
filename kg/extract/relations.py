"""Relations in one sentence from cue words and frames, with the document's district as the implied place."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.extract.divisions import gazetteer
from kg.extract.entities import Candidate
from kg.model import EntityType as T
from kg.model import Predicate as P

LOCATED_CUES = re.compile(r"位于|落户|落地|入驻|坐落|扎根|在(?=[^，。；]{0,20}(?:建设|投资|设立|布局|打造|开工|举办))")
COOP_CUES = re.compile(r"(?:与|同|和)([^，。；]{1,40}?)(?:签订|签署|签约|合作|共建|联合|携手|战略合作|达成)")
DEVELOP_CUES = re.compile(r"投资|建设|打造|投建|建成|开工|运营|研发|实施|承建|新建|扩建|由")
SHORT_HOME = re.compile(r"^(?:高新区|新区|开发区|经开区|园区|全区|本区|我区|该区)$")
PLACE_TYPES = (T.DISTRICT, T.PARK)
LOCATABLE = (T.ENTERPRISE, T.PROJECT, T.PARK, T.ORGANIZATION)


@dataclass(frozen=True, slots=True)
class Found:
    subject: Candidate
    predicate: P
    object: Candidate


def _clause_of(sentence: str, pos: int) -> tuple[int, int]:
    left = max(sentence.rfind(c, 0, pos) for c in "，,；;：:") + 1
    ends = [i for i in (sentence.find(c, pos) for c in "，,；;") if i != -1]
    return left, min(ends) if ends else len(sentence)


def received_award(sentence: str, cands: Sequence[Candidate], home: Candidate | None) -> list[Found]:
    """Award ← nearest recipient before it in its clause, else one named after it (名列其中), else the home district."""
    out = []
    others = [c for c in cands if c.type != T.AWARD]
    for award in (c for c in cands if c.type == T.AWARD):
        left, _ = _clause_of(sentence, award.start)
        before = [c for c in others if c.end <= award.start and not (c.start >= award.start)]
        in_clause = [c for c in before if c.start >= left]
        after = [c for c in others if c.start >= award.end and re.search(r"名列其中|上榜|入选|入围|获此", sentence[c.end:c.end + 12])]
        if in_clause:
            recipient = in_clause[-1]
        elif after:
            recipient = after[0]
        elif before and not any(c.type == T.AWARD and c.end <= award.start for c in cands) and sentence.count("，") < 3:
            recipient = before[-1]
        else:
            recipient = home
        if recipient is not None and recipient.type != T.AWARD:
            out.append(Found(recipient, P.RECEIVED_AWARD, award))
    return out


def located_in(sentence: str, cands: Sequence[Candidate], home: Candidate | None) -> list[Found]:
    """Subjects in a place named with a cue (落户X, 位于X, 在X建设) or, by default, in the home district."""
    out = []
    places = [c for c in cands if c.type in PLACE_TYPES]
    for c in cands:
        if c.type not in LOCATABLE:
            continue
        place = None
        for p in places:
            if p is c or p.start <= c.start < p.end or c.start <= p.start < c.end:
                continue
            between = sentence[min(c.end, p.end):max(c.start, p.start)]
            if len(between) <= 20 and (LOCATED_CUES.search(between) or between in ("的", "")) and "，" not in between and "、" not in between:
                place = p
                break
        if place is None and c.type != T.ORGANIZATION:
            place = home
        if place is not None and place.text != c.text:
            out.append(Found(c, P.LOCATED_IN, place))
    return out


def developed_by(sentence: str, cands: Sequence[Candidate]) -> list[Found]:
    """A project named after an enterprise (the enterprise nested at its start), or built by the sole actor."""
    out = []
    enterprises = [c for c in cands if c.type == T.ENTERPRISE]
    for proj in (c for c in cands if c.type == T.PROJECT):
        nested = [e for e in enterprises if e.start == proj.start and e.end < proj.end]
        if nested:
            out.extend(Found(proj, P.DEVELOPED_BY, e) for e in nested)
            continue
        actors = [e for e in enterprises if e.end <= proj.start and DEVELOP_CUES.search(sentence[e.end:proj.start])
                  and len(sentence[e.end:proj.start]) <= 25 and "。" not in sentence[e.end:proj.start]]
        if len(actors) == 1:
            out.append(Found(proj, P.DEVELOPED_BY, actors[0]))
    return out


def cooperates_with(sentence: str, cands: Sequence[Candidate], home: Candidate | None) -> list[Found]:
    """`A与B签订/合作/共建…`: A is the nearest party before 与 (or the home district), B the parties inside."""
    out = []
    parties = [c for c in cands if c.type in (T.DISTRICT, T.ENTERPRISE, T.ORGANIZATION, T.PARK)]
    for m in COOP_CUES.finditer(sentence):
        inside = [c for c in parties if m.start(1) <= c.start and c.end <= m.end(1)]
        before = [c for c in parties if c.end <= m.start()]
        actor = before[-1] if before else home
        for b in inside:
            if actor is not None and actor.text != b.text and b.type != T.PARK:
                out.append(Found(actor, P.COOPERATES_WITH, b))
    return out


def part_of(districts: Sequence[Candidate]) -> list[Found]:
    """Administrative containment among the districts a document names, from the division list and
    from a zone's city prefix (大连高新区 partOf 大连市)."""
    g = gazetteer()
    out = []
    by_name = {d.text: d for d in districts}
    for d in districts:
        for div in g.lookup(d.text)[:1]:
            parent = g.parent(div)
            while parent is not None:
                for other in districts:
                    if other.text in (parent.name,) or (g.lookup(other.text) and g.lookup(other.text)[0].code == parent.code):
                        out.append(Found(d, P.PART_OF, other))
                parent = g.parent(parent)
        if not g.lookup(d.text):
            for other_name, other in by_name.items():
                if other is not d and d.text.startswith(other_name) and len(d.text) > len(other_name) + 1:
                    out.append(Found(d, P.PART_OF, other))
                full = g.lookup(other_name)
                if other is not d and full and d.text.startswith(other_name.removesuffix("市")) and full[0].level <= 2 \
                        and d.text != other_name and len(d.text) > len(other_name):
                    out.append(Found(d, P.PART_OF, other))
    return list({(f.subject.text, f.object.text): f for f in out}.values())


def relations(sentence: str, cands: Sequence[Candidate], home: Candidate | None) -> list[Found]:
    """All relations of one sentence."""
    found = received_award(sentence, cands, home)
    found += located_in(sentence, cands, home)
    found += developed_by(sentence, cands)
    found += cooperates_with(sentence, cands, home)
    return [f for f in found if f.subject.text != f.object.text]
