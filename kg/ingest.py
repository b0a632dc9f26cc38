"""Corpus files → Document: find, decode and clean the texts, and infer each one's report year."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from charset_normalizer import from_bytes

from kg.errors import InputError
from kg.model import Document

SUFFIXES = (".txt", ".md")
# files that describe a corpus rather than belong to it; skipped inside folders, read when named
NOT_DOCUMENTS = re.compile(r"^(?:readme|sources?|license|licence|changelog|notice|index)(?:[._-].*)?$", re.I)

# --------------------------------------------------------------------- finding files


def sample_corpus() -> Path:
    """The folder of the bundled sample corpus (the five seed documents)."""
    return Path(str(resources.files("kg") / "data" / "corpus"))


def find_files(paths: Iterable[Path]) -> list[Path]:
    """Expand files and folders into a sorted list of .txt/.md files; raise InputError on bad input."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError(path, "no such file or directory")
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                            and not NOT_DOCUMENTS.match(p.stem) and not p.name.startswith("."))
            if not inside:
                raise InputError(path, "folder holds no .txt or .md documents")
            found.extend(inside)
        elif path.suffix.lower() in SUFFIXES:
            found.append(path)
        else:
            raise InputError(path, f"not a .txt or .md document (suffix {path.suffix or 'none'!r})")
    return found


def decode(path: Path, data: bytes) -> str:
    """UTF-8 first (with or without BOM); GB18030/GBK and others detected; InputError when nothing fits."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise InputError(path, "cannot decode: not UTF-8, GB18030 or any encoding detected")
    return str(best)


def read_document(path: Path) -> Document:
    """Read, decode and clean one file."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(path, f"cannot read: {e.strerror or e}") from e
    if not data.strip():
        raise InputError(path, "file is empty")
    raw = decode(path, data)
    text, offsets = clean(raw)
    if not text.strip():
        raise InputError(path, "no text left after cleaning")
    report, published = infer_years(text, filename_year(path.name))
    return Document(
        id=path.stem, source_file=path.name, text=text, report_year=report,
        publication_year=published, offsets=tuple(offsets),
    )


def read_corpus(paths: Iterable[Path]) -> Iterator[Document]:
    """Every document under `paths`, in a stable order."""
    for path in find_files(paths):
        yield read_document(path)


# --------------------------------------------------------------------- cleaning

_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
# keep the Chinese sentence and clause marks as they are: they read better and split the same
for _keep in "，。：；！？（）":
    _FULLWIDTH.pop(ord(_keep), None)

_MD_IMAGE = re.compile(r"\[?!\\?\[[^\]\n]*\\?\]\\?\([^)\n]*\\?\)[^\]\n]*(?:\]\([^)\n]*\))?")
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]*", re.M)
# a photo credit: the photographer's name and 摄 after the caption (the caption itself is text and names things),
# or a whole line of credit (本版图片由…摄)
_CAPTION = re.compile(
    r"(?:(?:^|[ \t　])[\u4e00-\u9fff]{2,4}(?:[ \t　、][\u4e00-\u9fff]{2,4})*[ \t　]*摄(?:影)?"
    r"|^[^\n]{0,120}?(?:由[\u4e00-\u9fff]{2,4}摄|图片[^\n]{0,20}摄))[ \t　]*$",
    re.M,
)
_PARA_BREAK = re.compile(r"[ \t]*\n[ \t\n]*\n[ \t\n]*|(?:[ \t]*\u3000\u3000+[ \t]*)")
_END_PUNCT = set("。！？!?；;：:…”」』）)】》")


class _Builder:
    """Accumulate cleaned characters together with the raw index each came from."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.origin: list[int] = []

    def add(self, text: str, origin: list[int]) -> None:
        self.chars.extend(text)
        self.origin.extend(origin)


def _strip(text: str, origin: list[int], pattern: re.Pattern[str], repl: str | None = None) -> tuple[str, list[int]]:
    """Apply a regex substitution while carrying the origin map along."""
    out, org, pos = [], [], 0
    for m in pattern.finditer(text):
        out.append(text[pos:m.start()])
        org.extend(origin[pos:m.start()])
        rep = m.expand(repl) if repl is not None else ""
        out.append(rep)
        org.extend([origin[m.start()] if m.start() < len(origin) else 0] * len(rep))
        pos = m.end()
    out.append(text[pos:])
    org.extend(origin[pos:])
    return "".join(out), org


def clean(raw: str) -> tuple[str, list[int]]:
    """Cleaned text and, for each of its characters, the index of the raw character it came from.

    Removes Markdown marks (headings, bold, image links, escapes) and photo captions, folds
    full-width ASCII to half-width, and rejoins sentences that the page layout broke across
    paragraphs mid-word (`问\\n\\n题`), even when other paragraphs stand between the halves.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    origin = list(range(len(text)))
    # \r\n → \n shortens the text: rebuild the origin by walking the raw string
    if len(text) != len(raw):
        origin, j = [], 0
        for i, ch in enumerate(raw):
            if ch == "\r" and i + 1 < len(raw) and raw[i + 1] == "\n":
                continue
            origin.append(i)
            j += 1
    text = text.translate(_FULLWIDTH)
    text, origin = _strip(text, origin, _MD_IMAGE)
    text, origin = _strip(text, origin, _MD_LINK, r"\1")
    text, origin = _strip(text, origin, re.compile(r"\\([\[\]()_*#`])"), r"\1")
    text, origin = _strip(text, origin, re.compile(r"\*\*|__"))
    text, origin = _strip(text, origin, _HEADING)
    text, origin = _strip(text, origin, _CAPTION)
    return _rejoin(text, origin)


def _paragraphs(text: str, origin: list[int]) -> list[tuple[str, list[int]]]:
    paras, pos = [], 0
    for m in _PARA_BREAK.finditer(text):
        paras.append((text[pos:m.start()], origin[pos:m.start()]))
        pos = m.end()
    paras.append((text[pos:], origin[pos:]))
    out = []
    for p, o in paras:
        lead = len(p) - len(p.lstrip())
        p2 = p.strip()
        if p2:
            out.append((p2, o[lead:lead + len(p2)]))
    return out


def _dangling(p: str) -> bool:
    """A body paragraph cut off mid-sentence: long, ends on a character that no sentence ends on."""
    return len(p) >= 25 and p[-1] not in _END_PUNCT and ("，" in p or "," in p or "。" in p)


def _continuation(p: str) -> bool:
    """A paragraph that starts mid-sentence: a 1–2 character first clause, or an unopened closing quote."""
    if re.match(r"[^，,。；;：:、“”\"\s]{1}[，,。；;、]", p):
        return True
    close, open_ = p.find("”"), p.find("“")
    return close != -1 and (open_ == -1 or close < open_) and close < 12


def _rejoin(text: str, origin: list[int]) -> tuple[str, list[int]]:
    paras = _paragraphs(text, origin)
    used: set[int] = set()
    order: list[list[int]] = []
    waiting: list[int] = []  # dangling paragraphs, oldest first
    for i, (p, _) in enumerate(paras):
        if i in used:
            continue
        if waiting and _continuation(p):
            # the paragraph just before, if it dangles; otherwise the oldest one still waiting
            host = waiting.pop(waiting.index(i - 1) if i - 1 in waiting else 0)
            for chain in order:
                if chain[-1] == host:
                    chain.append(i)
                    break
            used.add(i)
            if _dangling(p):
                waiting.insert(0, i)
            continue
        order.append([i])
        if _dangling(p):
            waiting.append(i)
    b = _Builder()
    for n, chain in enumerate(order):
        if n:
            b.add("\n\n", [b.origin[-1] + 1] * 2 if b.origin else [0, 0])
        for i in chain:
            b.add(*paras[i])
    return "".join(b.chars), b.origin


# --------------------------------------------------------------------- report year

_YEAR = re.compile(r"(?<![\d.])(19[89]\d|20[0-4]\d)\s*年")
_FUTURE = re.compile(r"[^。；;\n]{0,14}?(?:将|计划|预计|力争|目标|要|规划|展望|努力|争取|确保)")
_FIVE_YEAR = {"十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}
_PLAN_YEAR = re.compile(r"(十[二三四五]五)”?(开局之年|开局|起步之年|收官之年|收官|决胜之年)")
_LOOKBACK = re.compile(r"(?:回望|回顾|盘点|总结)\s*(20[0-4]\d)\s*年")


# a full date (`2020年1月8日在…会议上`) dates the writing more often than the year reported on
_DATELINE = re.compile(r"\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_FILE_YEAR = re.compile(r"(?:^|[^0-9])(19[89]\d|20[0-4]\d)(?:[^0-9]|$)")


_NEXT = re.compile(r"(?:拉开|开启|开局|新年)[^。\n]{0,6}(20[0-4]\d)年")


def filename_year(name: str) -> int | None:
    """A year written in a file name (`08_ganzhou_etdz_2023.txt`, `2021-review.md`), if any."""
    found = _FILE_YEAR.findall(Path(name).stem)
    return int(found[-1]) if found else None


def infer_years(text: str, dated: int | None = None) -> tuple[int | None, int | None]:
    """(report year, publication year) from the content, or from `dated` (a year in the file name).

    A year in the file name is taken as the report year.
    The report year is the year most often spoken of in the past tense, with strong cues
    (`回望2019年`, `十四五开局之年`) counting triple. The publication year is the following year
    when the text plans for it (`2022年，…将…`), otherwise the report year.
    """
    past: Counter[int] = Counter()
    future: Counter[int] = Counter()
    for m in _YEAR.finditer(text):
        year = int(m.group(1))
        (future if _FUTURE.match(text, m.end()) else past)[year] += 0.5 if _DATELINE.match(text, m.end()) else 1
    for m in _PLAN_YEAR.finditer(text):
        base = _FIVE_YEAR[m.group(1)]
        past[base if "开局" in m.group(2) or "起步" in m.group(2) else base + 4] += 3
    for m in _LOOKBACK.finditer(text):
        past[int(m.group(1))] += 3
    if dated is not None:
        ahead = future.get(dated + 1) or _names_ahead(text, dated + 1) or _written_in(text, dated + 1) or any(int(m.group(1)) == dated + 1 for m in _NEXT.finditer(text, 0, 300))
        return dated, dated + 1 if ahead else dated
    votes = past + Counter({y: 0.3 * n for y, n in future.items()})  # type: ignore[misc]
    if not votes:
        return None, None
    report = max(votes, key=lambda y: (votes[y], y))
    published = report + 1 if future.get(report + 1) or _names_ahead(text, report + 1) or _written_in(text, report + 1) \
        else report
    return report, published


# the coming year named as the year of a task (`2022年，既是实现规划目标的关键之年`)
_AHEAD = re.compile(r"(19[89]\d|20[0-4]\d)\s*年[，,]?\s*(?:既|将|仍|也)?是[^。]{0,40}?(?:关键之年|之年|关键期)")


# the date a report was written or delivered, under its title: `（2024年1月）`, `——2020年1月8日在…会议上`
_WRITTEN = re.compile(r"(?:[（(]|——)\s*(19[89]\d|20[0-4]\d)\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*(?:[）)]|在)")
_HEAD = 200


def _written_in(text: str, year: int) -> bool:
    """The heading dates the writing in `year` (the report reviews the year before it)."""
    return any(int(m.group(1)) == year for m in _WRITTEN.finditer(text, 0, _HEAD))


def _names_ahead(text: str, year: int) -> bool:
    return any(int(m.group(1)) == year for m in _AHEAD.finditer(text))
