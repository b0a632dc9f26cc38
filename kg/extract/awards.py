"""Honours and awards in one sentence: award cues and the parts of an award span, quoted honours, award lists,
firms named on award lists and whether a candidate is an award in its context."""
from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract import lexicon as lx
from kg.extract.divisions import gazetteer
from kg.extract.firms import brand_led
from kg.extract.names import Word, Candidate, _QUOTES, _LEVELS, _head_type, _zone_head
from kg.extract.enterprises import _list_items, _graded
from kg.model import EntityType as T


# 认定A、B等12家企业为…, 确定X等5家园区为…: a notice naming a counted list of holders as the honour
_NAMED_AS = r"(?:确定|认定|评定|命名|遴选|评选|批准|同意)[^，,。；;：:]{2,60}?等(?:\d+|[一二两三四五六七八九十百]+)(?:家|个|所|项)[\u4e00-\u9fff]{1,6}?为"


AWARD_CUES = re.compile(
    r"(?:荣获|获评|获得|获批|入选|被评为|评为|被授予|授予|被认定为|认定为|荣登|跻身|成功创建|创建成为|上榜|获|列入|晋级"
    r"|荣膺|摘得|斩获|纳入|名列|位列|唯一的|" + _NAMED_AS + ")"
)


_AWARD_STOP = re.compile(r"[，,。；;！!？?：:\n]|[（(](?![^）)]{1,3}[）)][\u4e00-\u9fff])|并|同时|以及|成为|的(?:还有|还包括|包括|分别是|分别为)")


# Cues that confer by themselves: what follows them, led by the level of the body conferring it, is the honour
# even with no honour-shaped head (入选全国乡村治理示范乡镇名单, 获评某省森林乡镇, 入选某省首台（套）重大技术装备).
_CONFERRING = re.compile(r"(?:入选|获评|被评为|评为|被认定为|认定为|荣获|被授予|名列|位列|" + _NAMED_AS + ")$")


_HONOUR_CUE = re.compile(r"(?:被认定为|被评为|被授予|获评|获批|入选|荣获|获得|获)")


def _award_list_firms(sentence: str, words: Sequence[Word]) -> list[Candidate]:
    """A、B被认定为…, A、B获…支持: a clause that is only a list of bare names before an honour cue lists its holders;
    they are firms once one member reads as a firm, or all open with a proper noun (jieba) and run on (三仪药品)
    before an honour the cue confers, and none reads as anything else."""
    out: list[Candidate] = []
    for m in _HONOUR_CUE.finditer(sentence):
        left = max(sentence.rfind(c, 0, m.start()) for c in "，,。；;：:！？…“”")
        seg = sentence[left + 1:m.start()]
        if "、" not in seg:
            continue
        graded = _graded(sentence, words, _list_items(seg, left + 1))
        honoured = any(a.start - m.end() <= 2 for a in _awards(sentence) if a.start >= m.end())
        firmish = any(g == 2 for _, _, g in graded) or honoured and all(e - s >= 4 and brand_led(sentence[s:e]) for s, e, _ in graded)
        if all(g >= 1 for _, _, g in graded) and firmish:
            out.extend(Candidate(s, e, T.ENTERPRISE, sentence[s:e], "list-firm") for s, e, _ in graded)
    return out


_AWARD_LEAD = re.compile(r"^(?:了|为|成为|到|得|的|首批|全国(?=首批|第|\d|[一二三四五六七八九十]+个)|第[一二三四五六七八九十\d]+批|20\d\d年度?|\d+家|\d+个|[一二三四五六七八九十]+个"
                         r"|[\u4e00-\u9fff]{1,6}?(?:部|委|局|厅)(?=第[一二三四五六七八九十\d]+批|首批))+")


_AWARD_TAIL = re.compile(r"(?:称号|名单|荣誉|等|之一|支持|资助|第[\d一二三四五六七八九十]+位)+$")


def _award_parts(span: str) -> list[tuple[int, int]]:
    """(start, end) of the honours in the text after a cue: split at 、, and at 和/及 only between two honours
    (not inside 全国文化和旅游系统先进集体)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for part in span.split("、"):
        cuts = [0]
        for m in re.finditer(r"[和及]", part):
            left = part[cuts[-1]:m.start()].strip(_QUOTES)
            if _award_shaped(left):
                cuts.append(m.end())
        bounds = cuts + [len(part) + 1]
        out.extend((pos + bounds[i], pos + bounds[i + 1] - 1) for i in range(len(bounds) - 1))
        pos += len(part) + 1
    return out


def _award_shaped(text: str) -> bool:
    return _head_type(text) == T.AWARD or any(text.endswith(h) for h in lx.AWARD_CUE_HEADS) \
        or _level_led(text) and _zone_head(text) is not None


def _level_led(text: str) -> bool:
    """Led by the level of the body that confers it: 国家…, 全国…, 省级…, 辽宁省…."""
    g = gazetteer()
    return text.startswith(lx.AWARD_LEVELS) or any(g.lookup(text[:k]) for k in range(2, min(len(text), 4) + 1))


def _unquote(sentence: str, s: int, e: int) -> tuple[int, int]:
    """An honour in quotes after its level (国家级“建材外贸转型基地”, 市“倍增计划”) is the quoted part; quotes inside
    a name (专精特新“小巨人”企业) stay, and resolution drops them."""
    text = sentence[s:e]
    if text.endswith(("”", "》")) and ("“" in text or "《" in text):
        open_ = max(text.rfind("“"), text.rfind("《"))
        return s + open_ + 1, e - 1
    return s, e


def _drop_inner_quotes(text: str) -> str:
    """专精特新“小巨人”企业, 自治区级"专精特新"示范企业, “国家级专精特新'小巨人'企业”: one pair of quotes inside an
    honour's name (curly, straight or single) is emphasis, not a second name."""
    for open_, close in (("“", "”"), ('"', '"'), ("'", "'"), ("‘", "’")):
        i = text.find(open_)
        j = text.find(close, i + 1) if i >= 0 else -1
        if j > i + 1:
            text = text[:i] + text[i + 1:j] + text[j + 1:]
    return text


def _awards(sentence: str) -> list[Candidate]:
    """Honours after award cues: 荣获国家级制造业单项冠军示范企业称号, 获评专精特新“小巨人”企业, 授予“中国云谷”称号."""
    out: list[Candidate] = []
    for m in AWARD_CUES.finditer(sentence):
        stop = _AWARD_STOP.search(sentence, m.end())
        span_end = stop.start() if stop else len(sentence)
        for ps, pe in _award_parts(sentence[m.end():span_end]):
            s, e = m.end() + ps, m.end() + pe
            lead = _AWARD_LEAD.match(sentence[s:e])
            if lead:
                s += lead.end()
            tail = _AWARD_TAIL.search(sentence[s:e])
            if tail:
                e = s + tail.start()
            while s < e and sentence[s] == " ":
                s += 1
            while e > s and sentence[e - 1] == " ":
                e -= 1
            if _COUNT_END.search(sentence[s:e]):
                continue  # 入选省瞪羚企业2家: a tally, no honour of a named holder
            titled = bool(tail) and "称号" in tail.group(0) and sentence[e - 1:e] in _QUOTES  # “中国云谷”称号
            quoted = _whole_quote(sentence[s:e]) and bool(_CONFERRING.search(sentence[:m.end()]))
            s, e = _unquote(sentence, s, e)
            while s < e and sentence[s] in _QUOTES and sentence[e - 1] in _QUOTES:
                s, e = s + 1, e - 1
            text = sentence[s:e]
            plain = _drop_inner_quotes(text)
            if re.search(r"[“”《》\"]", plain) or plain in lx.GENERIC_NAMES:
                continue
            cue_head = any(plain.endswith(h) for h in lx.AWARD_CUE_HEADS) and len(plain) <= 20
            level = plain.startswith(lx.AWARD_LEVELS) and 5 <= len(plain) <= 20 and _head_type(plain) is not None \
                or _conferred(sentence[:m.end()], plain, bool(tail and "名单" in tail.group(0)))
            if len(plain) >= 4 and (_head_type(plain) == T.AWARD or cue_head or level) or len(plain) == 3 and cue_head \
                    or titled and 2 <= len(plain) <= 12 or quoted and _quoted_honour(plain):
                out.append(Candidate(s, e, T.AWARD, text, "award-cue"))
    return out


_NOT_HONOUR = ("库", "项目", "资金", "规划", "工程", "资助")


def _whole_quote(text: str) -> bool:
    """“2019年度全省十强园区”: one quoted phrase with no quote inside."""
    return len(text) >= 4 and text[0] in "“\"" and text[-1] in "”\"" and not re.search(r"[“”\"]", text[1:-1])


def _quoted_honour(plain: str) -> bool:
    """What a conferring cue puts in quotes is the honour, whatever its head (被评为“先进工业小区”, 荣获“2017年度
    X省对外开放先进单位”称号), unless it names a project or a firm."""
    return 4 <= len(plain) <= 24 and re.fullmatch(r"[\u4e00-\u9fff\d（）()]+", plain) is not None \
        and not plain.endswith(_NOT_HONOUR) and _head_type(plain) not in (T.PROJECT, T.ENTERPRISE)


def _conferred(before: str, plain: str, listed: bool) -> bool:
    """After a conferring cue, a level-led name (入选全国…乡镇, 获评某省森林乡镇) or any name of a list (入选X名单)."""
    if not _CONFERRING.search(before) or not 5 <= len(plain) <= 20 or not re.fullmatch(r"[\u4e00-\u9fff（）()]+", plain):
        return False
    return not plain.endswith(_NOT_HONOUR) and (listed or _level_led(plain))


_NUM = r"(?:\d+|[一二两三四五六七八九十百]+)"


# 公布2021年X名单 / X名单公布 / 评定的16个X之一 / 等5个X: the honour a list or a count of holders is of
_LIST_FRAMES = (
    re.compile(r"(?:公布|发布|公示|揭晓|印发)了?(?P<x>[^，,。；;：:、]{4,32}?)(?:名单|榜单)"),
    re.compile(r"(?:^|[，,。；;：:])(?P<x>[^，,。；;：:、]{4,32}?)(?:名单|榜单)(?:正式)?(?:公布|出炉|揭晓|发布)"),
    re.compile(r"(?:评定|评选|评出|命名|认定|授予|公布)的" + _NUM + r"[个家处项所](?P<x>[^，,。；;：:、]{2,24}?)之一"),
    re.compile(r"等" + _NUM + r"[个家处项所](?P<x>(?:国家级|省级|市级|国家|全国|省)[^，,。；;：:、]{2,24})"),
)


_LIST_LEAD_WORDS = re.compile(r"^(?:20\d\d年度?|第[一二三四五六七八九十\d]+批|首批|[\u4e00-\u9fff]{1,6}?(?:部|委|局|厅)(?=20\d\d|第|首批))+")


def _list_awards(sentence: str, words: Sequence[Word]) -> list[Candidate]:
    """Honours named by the list or count of their holders: 工信部公布2021年国家技术创新示范企业名单，A名列其中;
    X名单公布; 原国家海洋局评定的16个“健康型”浴场之一; A、B等5个国家级海洋牧场示范区 (the longest award-headed
    prefix that ends on a word boundary)."""
    out: list[Candidate] = []
    ends = {w.end for w in words} | {len(sentence)}
    for n, frame in enumerate(_LIST_FRAMES):
        for m in frame.finditer(sentence):
            s, e = m.span("x")
            lead = _LIST_LEAD_WORDS.match(sentence[s:e])
            if lead:
                s += lead.end()
            text = sentence[s:e]
            if n == 3:  # a count: the longest award-headed prefix
                e = next((s + k for k in range(len(text), 3, -1)
                          if s + k in ends and _head_type(text[:k]) == T.AWARD), s)
                text = sentence[s:e]
            plain = text.replace("“", "").replace("”", "")
            level = n < 2 and plain.startswith(lx.AWARD_LEVELS) and 5 <= len(plain) <= 20 and _head_type(plain) is not None
            shaped = _head_type(plain) == T.AWARD or level or n == 2 and len(plain) <= 10 and "“" in text
            if len(plain) >= 4 and shaped and not _COUNT_END.search(plain) and plain not in lx.GENERIC_NAMES:
                out.append(Candidate(s, e, T.AWARD, text, "award-cue"))
    return out


_ASPIRATION = re.compile(r"(?<!成功)(?:创建|争创|申创|申报|争取|冲刺|对标)$")


_DESIGNATION = re.compile(r"(?:作为|成为|是|获批|获评|评为|认定为|升级为|晋升为|批准为|入选|荣获|荣膺)[^，,。；;]{0,8}$")


_COUNT = r"(?:\d+|[一二两三四五六七八九十百]+)[家个项所]"


_COUNT_END = re.compile(_COUNT + "$")


_COUNT_AFTER = re.compile("^" + _COUNT)


def _award_in_context(sentence: str, c: Candidate) -> bool:
    """An honour read off its shape alone must be conferred: not aimed at (创建国家自主创新示范区), not counted
    (入选省瞪羚企业2家), not a zone's kind (国家级开发区24家, 全国高新区中) unless the text designates it, and,
    with no level before it (互联互通试点), only in a clause with an award cue."""
    if c.type != T.AWARD or c.source != "shape":
        return True
    before = sentence[:c.start]
    clause = re.split(r"[，,。；;！？!?]", before)[-1]
    if _ASPIRATION.search(before) or _COUNT_AFTER.match(sentence[c.end:]):
        return False
    zone = _zone_head(c.text)
    if zone and c.text[: -len(zone)].rstrip("的") in _LEVELS:
        return _DESIGNATION.search(before) is not None
    return _level_led(c.text) or AWARD_CUES.search(clause) is not None or _DESIGNATION.search(before) is not None
