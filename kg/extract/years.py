"""The year a sentence's facts belong to: explicit years, 今年/去年/明年, section years, or none for spans."""
from __future__ import annotations

import re

_EXPLICIT = re.compile(r"(?<![\d.自从])(?<!预计)(?<!将于)(?<!力争)(?<!计划)(?<!争取)(?<!有望)(?<!预计到)(?<!预计在)(?<!计划到)(?<!力争到)(19[89]\d|20[0-4]\d)\s*年(?!\s*(?:以来|来|前|之前|度|[至到—\-~－]))")
_PLAN_BEFORE = re.compile(r"(?:预计|计划|将|力争|争取|有望|拟)(?:于|在|到)?$")


# a year that dates a figure, not the sentence's facts: …，2021年实现营业收入186亿元 / 与2022年相比 / 较2022年提高
_FIGURE_AFTER = re.compile(r"\s*年\s*(?:全年|共|累计)?(?:实现|完成)?(?:营业收入|营收|销售收入|主营业务收入|工业总产值|总产值|产值"
                           r"|增加值|利润|利税|税收|纳税|出口额|进出口额|同比)")
_COMPARED_BEFORE = re.compile(r"(?:较|比|与|同)$")


def _figure_year(sentence: str, m: re.Match) -> bool:
    """A year inside a clause that dates only a figure or a comparison: not at the opening of the sentence, where
    it sets the year of all that follows (2021年，全区实现营业收入…)."""
    if _COMPARED_BEFORE.search(sentence[:m.start()]):
        return True
    return m.start() > 0 and sentence[:m.start()].strip(" \u3000“\"") != "" \
        and _FIGURE_AFTER.match(sentence, m.end(1)) is not None


# a year inside an attributive phrase, dating only the thing it describes: 2022年签约的X项目 / 2021年建成的Y产业园
_MODIFIER_AFTER = re.compile(r"\s*年\s*(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?\s*(?:(?:签约|签订|建成|开工|投产|成立|落户|引进|获批"
                             r"|认定|设立|启动|竣工|开业|注册|入驻|获评|挂牌|开通|落地|建设|批复|批准|组建|创建)){1,2}的")


def _modifier_year(sentence: str, m: re.Match) -> bool:
    return _MODIFIER_AFTER.match(sentence, m.end(1)) is not None


def _explicit(sentence: str) -> re.Match | None:
    """The first year the sentence dates its facts by, not one a plan looks ahead to (预计于2018年开业), one that
    dates a figure or a comparison inside it (…，2021年实现营业收入186亿元; 较2022年提高), nor one that dates only the
    thing a phrase describes (2022年签约的X项目于2023年投产)."""
    return next((m for m in _EXPLICIT.finditer(sentence)
                 if not _PLAN_BEFORE.search(sentence[:m.start()]) and not _figure_year(sentence, m)
                 and not _modifier_year(sentence, m)), None)


def clause_year(clause: str) -> int | None:
    """The year a clause writes for its own fact (其中X公司2023年获评…): the last explicit year in it, or None."""
    found = [m for m in _EXPLICIT.finditer(clause) if not _PLAN_BEFORE.search(clause[:m.start()])
             and not _COMPARED_BEFORE.search(clause[:m.start()])]
    return int(found[-1].group(1)) if found else None


_RANGE = re.compile(r"(19[89]\d|20[0-4]\d)\s*(?:年)?\s*[至到—\-~－]\s*(19[89]\d|20[0-4]\d)")
_RELATIVE = {"今年": 0, "本年": 0, "近日": 0, "日前": 0, "去年": -1, "上年": -1,
             "前年": -2, "明年": 1, "来年": 1}
_RELATIVE_RE = re.compile(r"今年|本年|近日|日前|明年|来年|(?:去年|上年|前年)(?!以来|来)")
# words that point at the year under discussion (the paragraph's or the report's), not at the writing year
_CONTEXT_RE = re.compile(r"当年|年内|年底|年末|全年|(?:去年|上年|前年)以来")
# a turn to a plan: 将/拟/力争, or 计划 used as a verb (计划开工), not as a noun (三年倍增计划；)
_PLAN_TURN = re.compile(r"将|计划(?![，,。；;、”）)\s]|$)|拟|力争")
_OPENS_RELATIVE = re.compile(r"^\s*(?:在|从)?(今年|明年)")
_MANY = r"(?:[2-9]|\d{2}|[两二三四五六七八九十几多]|十[一二三四五六七八九])"
_NO_SINGLE_YEAR = re.compile(
    r"[自从](?:19[89]\d|20[0-4]\d)年[^。]*以来|"
    rf"过去\s*{_MANY}\s*年|(?<!\d){_MANY}\s*年间|近\s*{_MANY}\s*年|{_MANY}年来|近年来|近年|"
    r"(?:去年|上年|前年)以来|十[一二三四五]五[”’\"]?(?:时期|期间|以来|规划)|未来\s*[\d一二三四五六七八九十几]+\s*年|多年来|历年|(?:通过|经过|历经)(?:多|数|几|十余|十多|二十余)年"
)
_OPENING_SPAN = re.compile(
    rf"^\s*[“\"]?(?:过去\s*{_MANY}\s*年|近\s*{_MANY}\s*年|{_MANY}\s*年间|十[一二三四五]五[”’\"]?(?:时期|期间|以来))")
# a paragraph's lead-in title sentence (`社会事业硕果累累。`): the sentence after it opens the paragraph
_LEAD_IN = re.compile(r"^\s*[^，,；;：:。]{2,12}[。：:]\s*$")
# an honour box (`亮丽名片`, `所获荣誉`): a list of titles won over the years, undated unless a year is written
_HONOURS = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:名片|荣誉|殊荣)[榜墙录]?$")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十\d]+\s*[、.．\s]|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六七八九十\d]+[章节部篇])")
_YEAR_WORD = re.compile(r"(?:19[89]\d|20[0-4]\d)\s*年|今年|明年")
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


_RANKS = (re.compile(r"^第[一二三四五六七八九十\d]+[章节部篇]"), re.compile(r"^[一二三四五六七八九十]+\s*[、.．]"),
          re.compile(r"^[（(][一二三四五六七八九十]+[）)]"), re.compile(r"^\d+\s*[、.．\s]"), re.compile(r"^[（(]\d+[）)]"))


def heading_rank(title: str, depth: int = 0) -> int | None:
    """How high a heading stands: a '#' heading by its depth (below 10), a numbered one by its numbering
    (第一章 < 一、 < （一） < 1. < （1）); None for an unnumbered title."""
    if depth:
        return depth
    return next((10 + i for i, r in enumerate(_RANKS) if r.match(title)), None)


def _heading_named_year(title: str, written: int | None) -> int | None:
    """The one year a heading names: explicit (2022年工作回顾) or relative to the writing year (今年工作安排)."""
    if _RANGE.search(title) or _NO_SINGLE_YEAR.search(title):
        return None
    found = {int(m.group(1)) for m in _EXPLICIT.finditer(title)}
    if len(found) == 1:
        return found.pop()
    rel = _RELATIVE_RE.search(title)
    if not found and rel and rel.group(0) in ("今年", "本年", "去年", "上年", "明年") and written is not None:
        return written + _RELATIVE[rel.group(0)]
    return None


def is_heading(sentence: str) -> bool:
    """A section title: a `#` line, a numbered line, or a short line without clause punctuation."""
    s = sentence.strip()
    return bool(_HEADING.match(s)) or (len(s) <= 24 and not re.search(r"[，,。；;：:！!？?]", s))


class YearContext:
    """Dates a document's sentences in reading order.

    Beyond `sentence_year`, it remembers the year a paragraph opened with or last named explicitly (later
    sentences of that paragraph share it), and spans of several years: a paragraph opened with a span
    (过去4年, “十三五”时期) leaves its section undated — under unnumbered sub-headings too — until a numbered
    heading or a paragraph opened with a year; a span opening a later sentence leaves the rest of its
    paragraph undated, and the paragraphs after it that open with a lead-in title (`先进制造业提质增效。`); an honour box (亮丽名片) lists titles won over the years and is undated as well.
    """

    def __init__(self, report_year: int | None, publication_year: int | None = None) -> None:
        self.report_year = report_year
        self.publication_year = publication_year
        self.paragraph_year: int | None = None
        self.section: int | None = None   # set by a paragraph opened with 今年/明年, kept until the next heading
        self.undated = False             # the section turned to a span
        self.paragraph_undated = False   # the paragraph turned to a span in a later sentence
        self.level = 0                   # '#' depth of the last heading
        self.undated_level = 0           # '#' depth of the heading whose section turned to a span
        self.sentence_no = 0             # index of the sentence in its paragraph
        self.lead_in = False             # the paragraph opened with a short title sentence
        self.heading_year: int | None = None   # the year a numbered heading names (一、2022年工作回顾)
        self.heading_rank = 0                  # the rank of that heading: a heading of this rank or above ends it

    def _heading(self, sentence: str) -> None:
        """A heading ends an undated section unless it is one of its sub-headings: deeper by '#', or
        unnumbered and without a year (## 发展足迹 … 经济发展欣欣向荣). An honour box's heading starts one."""
        stripped = sentence.strip()
        title = stripped.lstrip("#").strip()
        depth = len(stripped) - len(stripped.lstrip("#"))
        self.level = depth
        self._heading_year(title, depth)
        if _HONOURS.match(title):
            self.undated, self.undated_level = True, depth
            return
        sub = depth > self.undated_level > 0 or (
            depth == 0 and not _NUMBERED.match(title) and not _YEAR_WORD.search(title))
        if not (self.undated and sub):
            self.undated = False

    def _heading_year(self, title: str, depth: int) -> None:
        """A numbered heading naming one year (一、2022年工作回顾 / 二、今年工作安排) dates its section, sub-headings
        included, until a heading of its rank or above; an unnumbered title (…2023年政府工作报告) dates nothing."""
        rank = heading_rank(title, depth)
        if rank is None:
            return
        if self.heading_year is not None and rank <= self.heading_rank:
            self.heading_year = None
        named = _heading_named_year(title, self.publication_year or self.report_year)
        if named is not None:
            self.heading_year, self.heading_rank = named, rank

    def _opens(self, sentence: str, paragraph_start: bool) -> bool:
        """Whether the sentence opens its paragraph: the first one, or the one after a lead-in title."""
        if paragraph_start:
            self.sentence_no = 0
            self.lead_in = bool(_LEAD_IN.match(sentence))
            # sub-topics of a span paragraph (`先进制造业提质增效。…`) stay undated with it
            self.paragraph_undated = self.paragraph_undated and self.lead_in
            return True
        self.sentence_no += 1
        return self.sentence_no == 1 and self.lead_in

    def year(self, sentence: str, *, paragraph_start: bool = False) -> int | None:
        parts = re.split(r"[\u3000\xa0 ]{2,}", sentence.strip())
        if len(parts) > 1 and is_heading(parts[0]):   # a title run into its paragraph (`标题　　正文`)
            paragraph_start, sentence = True, parts[-1]
            self._heading(parts[0])
            self.section = None
        opens = self._opens(sentence, paragraph_start)
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
            if _OPENING_SPAN.match(sentence):
                if opens and not self.undated:
                    self.undated, self.undated_level, self.section = True, self.level, None
                elif not opens:
                    self.paragraph_undated = True
            return None
        if self.paragraph_year is not None:
            return self.paragraph_year
        if self.section is not None:
            return self.section
        if (self.undated or self.paragraph_undated) and not _PLAN_TURN.search(sentence):
            return None
        return self.heading_year if self.heading_year is not None else self.report_year
