"""Every kg_* spaCy component, registered in one place. Settings come from default.cfg, nothing hidden."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from kg.extract import entities, relations, tables, tagging, years
from kg.extract.divisions import division_level, gazetteer
from kg.extract.entities import Candidate, Word
from kg.extract.firms import place_and_trade, place_stems
from kg.extract.lexicon import load_user_lexicon
from kg.model import EntityType
from kg.pipeline.annotations import doc_text, register_extensions, sentence_spans, table_rows

register_extensions()


def sentence_bounds(text: str, enders: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: split after an ender (and a closing quote after it) or a line break."""
    bounds, start, i, n = [], 0, 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n" or ch in enders:
            j = i + 1
            while j < n and text[j] in "”’」』)）" and ch != "\n":
                j += 1
            if text[start:j].strip():
                bounds.append((start, j))
            start, i = j, j
            continue
        i += 1
    if text[start:].strip():
        bounds.append((start, n))
    # trim surrounding white space
    out = []
    for s, e in bounds:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
    return out


@Language.factory("kg_sentences", default_config={"enders": "。！？!?；;…"})
def make_sentences(nlp: Language, name: str, *, enders: str) -> "SentenceSplitter":
    return SentenceSplitter(enders)


class SentenceSplitter:
    def __init__(self, enders: str) -> None:
        self.enders = enders

    def __call__(self, doc: Doc) -> Doc:
        """Sentence starts in one from_array call, from token arrays (no Token object is made); the bounds of
        doc.sents are kept in doc._.kg_sents for the later components."""
        if not len(doc):
            doc._.kg_sents = []
            return doc
        idx, length, space = doc.to_array([IDX, LENGTH, SPACY]).astype("int64").T
        text = doc._.kg_text = _text_of(doc, int(idx[-1] + length[-1] + space[-1]))
        starts = numpy.array(sorted({s for s, _ in sentence_bounds(text, self.enders)}), dtype="int64")
        first = numpy.isin(idx, starts)
        first[0] = True
        doc.from_array([SENT_START], numpy.where(first, 1, -1).astype("int64").astype("uint64"))
        opens = numpy.flatnonzero(first)
        last = numpy.append(opens[1:], len(doc)) - 1
        doc._.kg_sents = list(zip(idx[opens].tolist(), (idx[last] + length[last]).tolist()))
        return doc


def _text_of(doc: Doc, length: int) -> str:
    """doc.text: the kg Document's text the Doc was made from when it has the Doc's length (spaCy keeps the text
    whole), else rebuilt from the tokens."""
    document = doc._.kg_document
    text = getattr(document, "text", None)
    return text if isinstance(text, str) and len(text) == length else doc.text


@Language.factory("kg_tagger", default_config={"model": "lac"})
def make_tagger(nlp: Language, name: str, *, model: str) -> "Tagger":
    if model not in ("lac", "jieba"):
        raise ValueError(f"kg_tagger.model must be 'lac' or 'jieba', not {model!r}")
    return Tagger(model)


class Tagger:
    def __init__(self, model: str) -> None:
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, stream: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        """Tag the sentences of `batch_size` documents in one call (LAC batches sentences of equal length, and
        more documents give fuller batches; each sentence's tags are the same as alone)."""
        for batch in minibatch(stream, batch_size):
            sents = []
            for d, doc in enumerate(batch):
                text = doc_text(doc)
                sents.extend((d, s, text[s:e]) for s, e in sentence_spans(doc))
            words: list[list[list[Word]]] = [[] for _ in batch]
            for (d, _, _), tagged in zip(sents, tagging.tag_many([t for _, _, t in sents], self.model)):
                words[d].append(tagged)
            for doc, got in zip(batch, words):
                doc._.kg_words = got
                yield doc


@Language.factory("kg_entities", default_config={"lexicon": ""})
def make_entities(nlp: Language, name: str, *, lexicon: str) -> "EntityRecognizer":
    return EntityRecognizer(load_user_lexicon(Path(lexicon)) if lexicon else {})


class EntityRecognizer:
    def __init__(self, user: dict[str, EntityType]) -> None:
        self.user = user

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        spans: list[Span] = []
        named = tables.table_names(table_rows(doc))
        user = {**named, **self.user} if named else self.user
        sents = sentence_spans(doc)
        for (start, end), local in zip(sents, doc._.kg_words or [[]] * len(sents)):
            for c in entities.recognize(text[start:end], local, user):
                span = doc.char_span(start + c.start, start + c.end, label=c.type.value)
                if span is not None:
                    spans.append(span)
        spans = self._bare_honours(doc, self._drop_place_trades(self._inside_table_names(spans, named)))
        spans = self._lead_cities(doc, spans)
        doc.spans["kg"] = spans
        doc._.kg_home = home_district(span_views(spans, text), len(text))
        return doc


    @staticmethod
    def _lead_cities(doc: Doc, spans: list[Span]) -> list[Span]:
        """The city or province a title or lead writes before its county (曲靖市陆良县, 安徽省芜湖市) is the place the
        report sits in, a mention of its own; a partner written so further down (与X市Y区签订…) is not."""
        have = {(s.start_char, s.end_char) for s in spans if s.label_ == EntityType.DISTRICT.value}
        out = list(spans)
        for s in spans:
            if s.label_ != EntityType.DISTRICT.value or s.start_char >= _LEAD_CHARS:
                continue
            n = entities.city_lead(s.text)
            if n and (s.start_char, s.start_char + n) not in have:
                city = doc.char_span(s.start_char, s.start_char + n, label=EntityType.DISTRICT.value)
                if city is not None:
                    out.append(city)
        return sorted(out, key=lambda s: (s.start_char, s.end_char))

    @staticmethod
    def _inside_table_names(spans: list[Span], named: dict[str, EntityType]) -> list[Span]:
        """A name a table cell gives whole (高性能钕铁硼永磁材料项目) keeps no pieces of itself: the row's
        investor column names the firm, not the project's opening words."""
        if not named:
            return spans
        outer = [s for s in spans if s.text in named and s.label_ == named[s.text].value]
        return [s for s in spans if not any(
            o.start_char <= s.start_char and s.end_char <= o.end_char and (o.start_char, o.end_char) != (s.start_char, s.end_char)
            for o in outer)]

    @staticmethod
    def _bare_honours(doc: Doc, spans: list[Span]) -> list[Span]:
        """An honour the document also names without its leading 全国 (全国X beside X) is the one honour X."""
        award = EntityType.AWARD.value
        bare = {s.text for s in spans if s.label_ == award}
        out = []
        for s in spans:
            if s.label_ == award and s.text.startswith("全国") and s.text[2:] in bare:
                s = doc.char_span(s.start_char + 2, s.end_char, label=award) or s
            out.append(s)
        return out

    @staticmethod
    def _drop_place_trades(spans: list[Span]) -> list[Span]:
        """Enterprises that are only a place the document writes plus common words (溱东高分子 beside 溱东镇)."""
        stems = place_stems({s.text for s in spans if s.label_ == EntityType.DISTRICT.value})
        if not stems:
            return spans
        return [s for s in spans if not (s.label_ == EntityType.ENTERPRISE.value and place_and_trade(s.text, stems))]


_LEAD_CHARS = 200


class SpanView(NamedTuple):
    """A Span's offsets, label and text as plain values (Span.text makes a Token object per character)."""
    start_char: int
    end_char: int
    label_: str
    text: str


SpanLike = Span | SpanView


def span_views(spans: list[Span], text: str) -> list[SpanView]:
    return [SpanView(s.start_char, s.end_char, s.label_, text[s.start_char:s.end_char]) for s in spans]


_SUBCOUNTY = re.compile(r"(?:街道|镇|乡|社区)$")


_TIED_PLACES = 3


def home_district(spans: list[SpanLike], length: int) -> int | None:
    """The district the document reports on: the most mentioned county-level place or zone, title counting triple."""
    score: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    first: dict[str, int] = {}
    g = gazetteer()
    for i, s in enumerate(spans):
        if s.label_ != EntityType.DISTRICT.value:
            continue
        divs = g.lookup(s.text)
        weight = 1.0 if not divs or divs[0].level >= 3 else 0.4
        if not divs and _SUBCOUNTY.search(s.text):
            weight = 0.3  # a 街道 or 镇 is reported on within its county, seldom for itself
        if s.start_char < 200:
            weight *= 3
        score[s.text] += weight
        mentions[s.text] += 1
        first.setdefault(s.text, i)
    if not score:
        return None
    best = max(score, key=lambda n: (score[n], len(n)))
    if mentions[best] == 1 and sum(1 for n, v in score.items() if v == score[best] and mentions[n] == 1) >= _TIED_PLACES:
        return None  # a list of places each named once (a provincial notice): no one of them is reported on
    return first[best]


_TITLE_MAX = 40
_TITLE_AREA = re.compile(r"(?:新城|新区)$")


def title_district(spans: list[Span], text: str) -> Span | None:
    """The district a short title line opens with, also as its government (溱东镇2016年工作总结, X区人民政府工作报告):
    the report is about that place, even when a zone or the county above it is named more often below.
    None when the first line is long (a sentence, not a title) or opens with anything but a district."""
    lead = len(text) - len(text.lstrip())
    end = text.find("\n", lead)
    if end == -1 or end - lead > _TITLE_MAX:
        return None
    at_start = [s for s in spans if s.start_char == lead and s.end_char <= end]
    first = max(at_start, key=lambda s: len(s.text), default=None)
    if first is not None and first.label_ == EntityType.PARK.value and _TITLE_AREA.search(first.text):
        return first   # 某某新城：十年蝶变: a new town the report is about, read as a park, is the area reported on
    if first is None or first.label_ not in (EntityType.DISTRICT.value, EntityType.ORGANIZATION.value):
        return None  # a title about a park, project or firm
    return max((s for s in at_start if s.label_ == EntityType.DISTRICT.value), key=lambda s: len(s.text), default=None)


def paragraph_start(text: str, pos: int) -> bool:
    """A sentence opens a paragraph after a line break or a run of two or more spaces (`。　　`, `。  `)."""
    gap = text[max(0, pos - 6):pos]
    ws = gap[len(gap.rstrip()):]
    return pos == 0 or "\n" in ws or len(ws) >= 2


@Language.factory("kg_relations", default_config={"home_district": True})
def make_relations(nlp: Language, name: str, *, home_district: bool) -> "RelationFinder":
    return RelationFinder(home_district)


_PROSE_BEFORE_LIST = 4   # sentences of a notice between its honour and the list of holders
ZONE = re.compile(r"(?:新区|高新区|开发区|经开区|工业园区|保税区|自贸区|试验区|示范区|合作区)$")


class RelationFinder:
    """Runs kg.extract.relations sentence by sentence, with the document context the rules need: the home
    district, the park a paragraph is about, the document's enterprises, and the year context."""

    def __init__(self, home_district: bool) -> None:
        self.use_home = home_district

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        spans = span_views(list(doc.spans.get("kg", [])), text)
        sents = sentence_spans(doc)
        by_sent = self._by_sentence(spans, sents)
        index = {(s.start_char, s.end_char, s.label_): i for i, s in enumerate(spans)}
        document = doc._.kg_document
        dating = years.YearContext(document.report_year if document else None,
                                   document.publication_year if document else None)
        home_span = (title_district(spans, text) or self._home(spans, doc._.kg_home)) if self.use_home else None
        if home_span is not None and division_level(home_span.text) == 1:
            home_span = None   # a province's title (X省…厅关于…): what its notice lists is not simply in the province
        developers = [s for s in spans if s.label_ in (EntityType.ENTERPRISE.value, EntityType.ORGANIZATION.value)
                      and not any(o.start_char <= s.start_char and s.end_char <= o.end_char and len(o.text) > len(s.text)
                                  for o in spans)]
        out = []
        park: SpanLike | None = None
        county: SpanLike | None = None
        sent_years: dict[int, int | None] = {}
        for k, (base, sent_end) in enumerate(sents):
            sent_text = text[base:sent_end]
            para_start = paragraph_start(text, base)
            year = sent_years[base] = dating.year(sent_text, paragraph_start=para_start)
            local = by_sent[k]
            if para_start:
                lead = len(sent_text) - len(sent_text.lstrip(" \u3000\t*“\""))
                park = next((s for s in local if s.label_ == EntityType.PARK.value and self._opens_clause(text, s, base, lead)),
                            None)
                county = self._paragraph_county(sent_text, local, base, home_span)
            cands = [self._cand(s, base) for s in local]
            home = self._cand(home_span, base) if home_span is not None else None
            if county is not None:
                home = self._cand(county, base)
            known = [self._cand(s, base) for s in developers]
            ctx = self._cand(park, base) if park is not None else None
            for f in relations.relations(sent_text, cands, home, park=ctx, known=known):
                si = self._index(index, f.subject, base)
                oi = self._index(index, f.object, base)
                if si is None or oi is None:
                    continue
                out.append((si, f.predicate.value, oi, self._fact_year(sent_text, f, year) if f.dated else None,
                            base, sent_end))
        out = self._table_rows(text, table_rows(doc), index, out, sent_years)
        out += self._notice_lists(text, sents, by_sent, index, sent_years)
        districts = [s for s in spans if s.label_ == EntityType.DISTRICT.value]
        home0 = self._cand(home_span, 0) if home_span is not None else None
        placed = [self._cand(s, 0) for s in districts]
        for f in relations.home_part_of(placed, home0) + relations.subcounty_part_of(placed, home0):
            if (f.object.start, f.object.end, "District") not in index or (f.subject.start, f.subject.end, "District") not in index:
                continue
            si = index[(f.subject.start, f.subject.end, "District")]
            oi = index[(f.object.start, f.object.end, "District")]
            ss = max(text.rfind(c, 0, f.subject.start) for c in "。\n") + 1
            se = min([i for i in (text.find(c, f.subject.end) for c in "。\n") if i != -1] or [len(text)])
            out.append((si, "partOf", oi, None, ss, se))
        doc._.kg_relations = out
        return doc

    @staticmethod
    def _fact_year(sentence: str, f: relations.Found, year: int | None) -> int | None:
        """An honour dated in its own clause (…，其中X公司2023年获评Y) takes that year, not the sentence's first one."""
        if f.predicate.value != "receivedAward" or year is None:
            return year
        left = max(sentence.rfind(c, 0, f.object.start) for c in "，,；;。") + 1
        own = years.clause_year(sentence[left:f.object.start])
        return own if own is not None else year

    @staticmethod
    def _paragraph_county(sentence: str, local: list[SpanView], base: int, home: SpanLike | None) -> SpanLike | None:
        """A city's round-up of its counties (X县则…。 / 在X县，… / X市方面，…): a paragraph that opens with a
        county-level division inside the home city or province is that county's, and what it lists is in it."""
        if home is None:
            return None
        own = gazetteer().lookup(home.text)
        if not own or own[0].level > 2:
            return None
        lead = len(sentence) - len(sentence.lstrip(" \u3000\t"))
        first = next((s for s in local if s.label_ == EntityType.DISTRICT.value), None)
        if first is None or first.start_char - base not in (lead, lead + 1) or not sentence[lead:first.start_char - base] in ("", "在"):
            return None
        divs = gazetteer().lookup(first.text)
        inside = divs and divs[0].level == 3 and any(d.code == own[0].code for d in relations.chain(first.text))
        return first if inside else None

    def _notice_lists(self, text: str, sents: list[tuple[int, int]], by_sent: list[list[SpanView]], index: dict,
                      sent_years: dict[int, int | None]) -> list:
        """A notice's honour (确定A等12家园区为X，现予公布 / 以下企业被认定为X：) goes to each holder its numbered list
        names in the lines after it, with the notice sentence's year; a few sentences of prose may come between, and
        the list ends at the first line of prose after it."""
        out = []
        for k, (base, _) in enumerate(sents):
            sent_text = text[base:sents[k][1]]
            for award in (self._cand(s, base) for s in by_sent[k] if s.label_ == EntityType.AWARD.value):
                if not relations.notice_award(sent_text, award):
                    continue
                ai = self._index(index, award, base)
                started = False
                for j in range(k + 1, len(sents)):
                    start, end = sents[j]
                    line = text[start:end]
                    holders = relations.list_item_holders(line, [self._cand(s, start) for s in by_sent[j]])
                    if holders is None and (started or j - k > _PROSE_BEFORE_LIST):
                        break
                    started = started or holders is not None
                    holders = holders or []
                    for h in holders:
                        hi = self._index(index, h, start)
                        if hi is not None and ai is not None:
                            out.append((hi, "receivedAward", ai, sent_years.get(base), start, end))
        return out

    @staticmethod
    def _table_rows(text: str, rows: list[tables.Row], index: dict, out: list, sent_years: dict[int, int | None]) -> list:
        """A table row's project is developedBy the row's investor; the investor, a firm from elsewhere that
        puts money in, is not thereby in the home district."""
        for row in rows:
            p, f = row.project, row.investor
            pi = index.get((p.start, p.end, EntityType.PROJECT.value)) if p is not None else None
            fi = index.get((f.start, f.end, EntityType.ENTERPRISE.value)) if f is not None else None
            if fi is not None:
                out = [r for r in out if not (r[0] == fi and r[1] == "locatedIn")]
            if pi is not None and fi is not None:
                line = text[row.start:row.end]
                start = row.start + len(line) - len(line.lstrip())
                out.append((pi, "developedBy", fi, sent_years.get(start), start, row.end))
        return out

    @staticmethod
    def _by_sentence(spans: list[SpanView], sents: list[tuple[int, int]]) -> list[list[SpanView]]:
        """The spans inside each sentence, in their order (sentences do not overlap)."""
        out: list[list[SpanView]] = [[] for _ in sents]
        bases = [b for b, _ in sents]
        for s in spans:
            k = bisect_right(bases, s.start_char) - 1
            if k >= 0 and s.end_char <= sents[k][1]:
                out[k].append(s)
        return out

    @staticmethod
    def _opens_clause(doc: Doc | str, s: SpanLike, base: int, lead: int) -> bool:
        """A park that opens the paragraph, or a clause of its first sentence (深化园区改革，X产业园…): the
        paragraph is about it; not the first of a list (，A园、B工厂等项目入驻). `doc` may be its text."""
        text = doc if isinstance(doc, str) else doc.text
        listed = text[s.end_char:s.end_char + 1] in ("、", "和", "及", "与")
        return not listed and (s.start_char - base <= lead + 1 or text[s.start_char - 1] in "，,")

    @staticmethod
    def _home(spans: list[SpanLike], home_i: int | None) -> SpanLike | None:
        """The recognizer's home district, unless that is a province or city while the text is about a
        zone inside it (苏州 → 苏州工业园区): then the zone named most, counting the opening triple; no home
        when that leaves a province."""
        home = spans[home_i] if home_i is not None else None
        divs = gazetteer().lookup(home.text) if home is not None else []
        if home is not None and not (divs and divs[0].level <= 2):
            return home
        score: Counter[str] = Counter()
        first: dict[str, SpanLike] = {}
        for s in spans:
            if s.label_ in (EntityType.DISTRICT.value, EntityType.PARK.value) and ZONE.search(s.text) \
                    and not (gazetteer().lookup(s.text) and gazetteer().lookup(s.text)[0].level <= 2):
                score[s.text] += 3 if s.start_char < 200 else 1
                first.setdefault(s.text, s)
        best = max(score, key=lambda n: (score[n], len(n)), default=None)
        if best is not None and score[best] >= 3:
            return first[best]
        # a province is no home district: the zone the text is about went unrecognized, and what it lists
        # is not simply in the province
        return None if divs and divs[0].level == 1 else home

    @staticmethod
    def _cand(s: SpanLike, offset: int) -> Candidate:
        return Candidate(s.start_char - offset, s.end_char - offset, EntityType(s.label_), s.text, "span")

    @staticmethod
    def _index(index: dict, c: Candidate, offset: int) -> int | None:
        return index.get((c.start + offset, c.end + offset, c.type.value))
