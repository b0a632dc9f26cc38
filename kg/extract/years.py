"""The year a sentence's facts belong to: explicit years, 今年/去年/明年, section years, or none for spans."""
from __future__ import annotations

import re

_EXPLICIT = re.compile(r"(?<![\d.自从])(?<!预计)(?<!将于)(?<!力争)(?<!计划)(?<!争取)(?<!有望)(?<!预计到)(?<!预计在)(?<!计划到)(?<!力争到)(19[89]\d|20[0-4]\d)\s*年(?!\s*(?:以来|来|前|之前|度|[至到—\-~－]))")
_PLAN_BEFORE = re.compile(r"(?:预计|计划|将|力争|争取|有望|拟)(?:于|在|到)?$")


def _explicit(sentence: str) -> re.Match | None:
    """The first year the sentence dates its facts by, not one a plan looks ahead to (预计于2018年开业)."""
    return next((m for m in _EXPLICIT.finditer(sentence) if not _PLAN_BEFORE.search(sentence[:m.start()])), None)


_RANGE = re.compile(r"(19[89]\d|20[0-4]\d)\s*(?:年)?\s*[至到—\-~－]\s*(19[89]\d|20[0-4]\d)")
_RELATIVE = {"今年": 0, "本年": 0, "近日": 0, "日前": 0, "去年": -1, "上年": -1,
             "前年": -2, "明年": 1, "来年": 1}
_RELATIVE_RE = re.compile(r"今年|本年|近日|日前|明年|来年|(?:去年|上年|前年)(?!以来|来)")
# words that point at the year under discussion (the paragraph's or the report's), not at the writing year
_CONTEXT_RE = re.compile(r"当年|年内|年底|年末|全年|(?:去年|上年|前年)以来")
_PLAN_TURN = re.compile(r"将|计划|拟|力争")
_OPENS_RELATIVE = re.compile(r"^\s*(?:在|从)?(今年|明年)")
_MANY = r"(?:[2-9]|\d{2}|[两二三四五六七八九十几多]|十[一二三四五六七八九])"
_NO_SINGLE_YEAR = re.compile(
    r"[自从](?:19[89]\d|20[0-4]\d)年[^。]*以来|"
    rf"过去\s*{_MANY}\s*年|(?<!\d){_MANY}\s*年间|近\s*{_MANY}\s*年|{_MANY}年来|近年来|近年|"
    r"(?:去年|上年|前年)以来|十[一二三四五]五[”’\"]?(?:时期|期间|以来|规划)|未来\s*[\d一二三四五六七八九十几]+\s*年|多年来|历年"
)
_OPENING_SPAN = re.compile(rf"^\s*(?:过去\s*{_MANY}\s*年|近\s*{_MANY}\s*年)[间来里中]?[，,]")
_SECTION = re.compile(r"^\s*(19[89]\d|20[0-4]\d)\s*年\s*[，,]")


def section_year(paragraph: str) -> int | None:
    """A paragraph opened with a year (`2022年，甘井子区计划…`) dates every sentence in it."""
    m = _SECTION.match(paragraph)
    return int(m.group(1)) if m else None


def sentence_year(sentence: str, *, report_year: int | None, publication_year: int | None = None,
                  section: int | None = None) -> int | None:
    """The year of the facts a sentence states.

    An explicit year wins (the first one that is not the start of a range or a `…以来`); then a
    relative word resolved against the year the document was written in; a span such as 过去4年 or
    十三五时期 gives no year; otherwise the paragraph's section year or the report year.
    """
    m = _explicit(sentence)
    if m and not _RANGE.search(sentence):
        return int(m.group(1))
    rel = _relative(sentence)
    written = publication_year or report_year
    if rel and written is not None:
        return written + _RELATIVE[rel.group(0)]
    if _spans_years(sentence):
        return None
    return section if section is not None else report_year


def _relative(sentence: str) -> re.Match | None:
    """The first word dating the sentence from the writing year (今年, 去年), unless a word pointing at the
    year under discussion comes first (朗圣药业当年投产…,预计明年…: 当年 rules)."""
    rel = _RELATIVE_RE.search(sentence)
    ctx = _CONTEXT_RE.search(sentence)
    if rel is None or (ctx is not None and ctx.start() <= rel.start()):
        return None
    return rel


def _spans_years(sentence: str) -> bool:
    """A span such as 过去4年 or 十三五时期 dates the sentence, unless the sentence turns from it to a plan
    (近几年…发展较快,…区将大力推进X: X is the report year's)."""
    if _RANGE.search(sentence):
        return True
    m = _NO_SINGLE_YEAR.search(sentence)
    return m is not None and not _PLAN_TURN.search(sentence, m.end())


_HEADING = re.compile(r"^(?:#|[一二三四五六七八九十\d]+\s*[、.．]|[（(][一二三四五六七八九十\d]+[）)])")


def is_heading(sentence: str) -> bool:
    """A section title: a `#` line, a numbered line, or a short line without clause punctuation."""
    s = sentence.strip()
    return bool(_HEADING.match(s)) or (len(s) <= 24 and not re.search(r"[，,。；;：:！!？?]", s))


class YearContext:
    """Dates a document's sentences in reading order.

    Beyond `sentence_year`, it remembers two things: the year a paragraph opened with or last named
    explicitly (later sentences of that paragraph share it), and whether the current section has
    turned to a span such as 过去4年 (its undated sentences then get no year, until the next heading or
    a paragraph opened with a year).
    """

    def __init__(self, report_year: int | None, publication_year: int | None = None) -> None:
        self.report_year = report_year
        self.publication_year = publication_year
        self.paragraph_year: int | None = None
        self.section: int | None = None   # set by a paragraph opened with 今年/明年, kept until the next heading
        self.undated = False
        self.level = 0                   # '#' depth of the last heading
        self.undated_level = 0           # '#' depth of the heading whose section turned to a span

    def _heading(self, sentence: str) -> None:
        """A new heading ends an undated section unless it is a sub-heading of it (## 发展足迹 … ### 经济)."""
        depth = len(sentence.strip()) - len(sentence.strip().lstrip("#"))
        self.level = depth
        if not (self.undated and depth > self.undated_level > 0):
            self.undated = False

    def year(self, sentence: str, *, paragraph_start: bool = False) -> int | None:
        parts = re.split(r"\u3000{2,}", sentence.strip())
        if len(parts) > 1 and is_heading(parts[0]):   # a title run into its paragraph (`标题　　正文`)
            paragraph_start, sentence = True, parts[-1]
            self._heading(parts[0])
        if paragraph_start:
            self.paragraph_year = None
            opened = section_year(sentence)
            if is_heading(sentence):
                self._heading(sentence)
                self.section = None
            if opened is not None:
                self.paragraph_year = opened
                self.undated = False
                self.section = None
            lead = _OPENS_RELATIVE.match(sentence)
            written = self.publication_year or self.report_year
            if lead and written is not None:
                self.section = written + _RELATIVE[lead.group(1)]
        m = _explicit(sentence)
        if m and not _RANGE.search(sentence):
            self.paragraph_year = int(m.group(1))
            return self.paragraph_year
        rel = _relative(sentence)
        written = self.publication_year or self.report_year
        if rel and written is not None:
            return written + _RELATIVE[rel.group(0)]
        if _spans_years(sentence):
            if _OPENING_SPAN.match(sentence) and not self.undated:
                self.undated, self.undated_level = True, self.level
            return None
        if self.paragraph_year is not None:
            return self.paragraph_year
        if self.section is not None:
            return self.section
        return None if self.undated else self.report_year
