"""Corpus files → Document: find, decode and clean the texts, and infer each one's report year."""
from __future__ import annotations

import errno
import html
import os
import re
import stat
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from charset_normalizer import from_bytes

from kg.errors import InputError
from kg.model import Document

SUFFIXES = (".txt", ".md")
MAX_BYTES = 5_000_000  # a larger single document is skipped (`kg build --max-mb`): split it into chapters
# files that describe a corpus rather than belong to it; skipped inside folders, read when named
NOT_DOCUMENTS = re.compile(r"^(?:readme|sources?|license|licence|changelog|notice|index)(?:[._-].*)?$", re.I)

# --------------------------------------------------------------------- finding files


def sample_corpus() -> Path:
    """The folder of the bundled sample corpus (the five seed documents)."""
    return Path(str(resources.files("kg") / "data" / "corpus"))


@dataclass(frozen=True, slots=True)
class Skip:
    """An input file the build leaves out, and why; `line()` is the one warning line the CLI prints."""

    path: Path
    reason: str

    def line(self) -> str:
        return f"warning: skipped {shown(self.path)}: {self.reason}"


def shown(path: Path | str) -> str:
    """A path as printable text: bytes of a file name that are not UTF-8 appear as \\xNN escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _candidate(p: Path) -> bool:
    return p.suffix.lower() in SUFFIXES and not NOT_DOCUMENTS.match(p.stem) and not p.name.startswith(".")


def _problem(p: Path) -> str | None:
    """Why a directory entry named like a document cannot be one (a broken or looping link, a pipe), or None."""
    try:
        mode = p.stat().st_mode
    except OSError as e:
        if e.errno == errno.ELOOP:
            return "symbolic link loop"
        if p.is_symlink():
            return "broken symbolic link"
        return f"cannot read: {e.strerror or e}"
    return None if stat.S_ISREG(mode) or stat.S_ISDIR(mode) else "not a regular file"


def scan(paths: Iterable[Path]) -> tuple[list[Path], list[Skip]]:
    """The .txt/.md files under `paths` in a stable order, and the entries named like documents that are not
    readable files. Folders are walked without following symbolic links to folders, so a link loop cannot trap
    the walk. InputError for an argument that does not exist, a folder with no documents, or another suffix."""
    found: list[Path] = []
    skips: list[Skip] = []
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise InputError(path, "no such file or directory")
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if _candidate(p) and not p.is_dir())
            if not inside:
                raise InputError(path, "folder holds no .txt or .md documents")
            for p in inside:
                problem = _problem(p)
                (skips.append(Skip(p, problem)) if problem else found.append(p))
        elif path.suffix.lower() in SUFFIXES:
            problem = _problem(path)
            (skips.append(Skip(path, problem)) if problem else found.append(path))
        else:
            raise InputError(path, f"not a .txt or .md document (suffix {path.suffix or 'none'!r})")
    return found, skips


def find_files(paths: Iterable[Path]) -> list[Path]:
    """Expand files and folders into a sorted list of .txt/.md files; raise InputError on bad input."""
    return scan(paths)[0]


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark: NUL bytes mostly on one side of each pair (ASCII or CJK-light)."""
    if len(data) % 2 or len(data) < 4:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for encoding, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros > len(data) // 8 and other == 0:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _binary(text: str) -> bool:
    """Decoded bytes that are not prose: more than 1 in 20 characters a control character (NUL included)."""
    controls = sum(1 for c in text if (ord(c) < 32 and c not in "\t\n\r\f") or 0x7F <= ord(c) < 0xA0)
    return controls * 20 > len(text)


def decode(path: Path, data: bytes) -> str:
    """UTF-8/UTF-16 by byte-order mark, then UTF-8, UTF-16 (by its NUL bytes), GB18030/GBK and others detected.

    InputError when nothing fits or the bytes are binary rather than text."""
    text = _decode(data)
    if text is None and b"\x00" in data:
        raise InputError(path, "binary file, not text")
    if text is None:
        raise InputError(path, "cannot decode: not UTF-8, UTF-16, GB18030 or any encoding detected")
    if _binary(text):
        raise InputError(path, "binary file, not text")
    return text


def _decode(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    best = from_bytes(data).best()
    return None if best is None else str(best)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; InputError when it is not a regular file, too large, gone or unreadable."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, "not a regular file")
        if info.st_size > max_bytes:
            raise InputError(path, f"too large: {info.st_size / 1e6:.1f} MB, more than {max_bytes / 1e6:g} MB "
                                   "(split it, or raise the limit with --max-mb)")
        return path.read_bytes()
    except FileNotFoundError as e:
        raise InputError(path, "vanished before it could be read" if not path.is_symlink()
                         else "broken symbolic link") from e
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise InputError(path, "symbolic link loop") from e
        raise InputError(path, f"cannot read: {e.strerror or e}") from e


def _name(path: Path) -> tuple[str, str]:
    """(document id, source file name) of `path`, with file-name bytes that are not UTF-8 replaced by U+FFFD."""
    def text(s: str) -> str:
        return os.fsencode(s).decode("utf-8", "replace")
    return text(path.stem), text(path.name)


def read_document(path: Path, max_bytes: int = MAX_BYTES) -> Document:
    """Read, decode and clean one file; InputError naming the file and the problem."""
    data = _read_bytes(path, max_bytes)
    if not data.strip():
        raise InputError(path, "file is empty")
    raw = decode(path, data)
    text, offsets = clean(raw)
    if not text.strip():
        raise InputError(path, "no text left after cleaning")
    report, published = infer_years(text, filename_year(path.name))
    doc_id, source = _name(path)
    return Document(
        id=doc_id, source_file=source, text=text, report_year=report,
        publication_year=published, offsets=tuple(offsets),
    )


def read_or_skip(path: Path, max_bytes: int = MAX_BYTES) -> Document | Skip:
    """The document of `path`, or a Skip saying why it cannot be read (never raises for a bad file)."""
    try:
        return read_document(path, max_bytes)
    except InputError as e:
        return Skip(path, e.problem)


def read_corpus(paths: Iterable[Path], on_skip: Callable[[Skip], None] | None = None) -> Iterator[Document]:
    """Every readable document under `paths`, in a stable order; each file left out goes to `on_skip`."""
    files, skips = scan(paths)
    for skip in skips:
        if on_skip:
            on_skip(skip)
    for path in files:
        got = read_or_skip(path)
        if isinstance(got, Document):
            yield got
        elif on_skip:
            on_skip(got)


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
# HTML left in a page saved as text: tags, comments, script/style bodies and character references
_HTML_BLOCK = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_HTML_BREAK = re.compile(r"<(?:br|/p|/div|/li|/h[1-6]|/tr)\b[^<>]*>", re.I)
_HTML_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# control characters (but tab and newline), the BOM inside text, and the Unicode noncharacters
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")
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


def _strip(text: str, origin: list[int], pattern: re.Pattern[str],
           repl: str | Callable[[re.Match[str]], str] | None = None) -> tuple[str, list[int]]:
    """Apply a regex substitution while carrying the origin map along; a replacement that is one group
    (`\\1`) keeps the origins of that group's characters."""
    group = re.fullmatch(r"\\(\d)", repl) if isinstance(repl, str) else None
    out, org, pos = [], [], 0
    for m in pattern.finditer(text):
        out.append(text[pos:m.start()])
        org.extend(origin[pos:m.start()])
        rep = "" if repl is None else repl(m) if callable(repl) else m.expand(repl)
        out.append(rep)
        if group and m.start(int(group[1])) >= 0:
            org.extend(origin[m.start(int(group[1])):m.end(int(group[1]))])
        else:
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
    text, origin = _strip_html(text, origin)
    text, origin = _strip(text, origin, _CONTROL)
    text = text.translate(_FULLWIDTH)
    text, origin = _strip(text, origin, _MD_IMAGE)
    text, origin = _strip(text, origin, _MD_LINK, r"\1")
    text, origin = _strip(text, origin, re.compile(r"\\([\[\]()_*#`])"), r"\1")
    text, origin = _strip(text, origin, re.compile(r"\*\*|__"))
    text, origin = _strip(text, origin, _HEADING)
    text, origin = _strip(text, origin, _CAPTION)
    return _rejoin(text, origin)


def _entity(m: re.Match[str]) -> str:
    """A character reference as its character; one that names no (printable) character stays as written."""
    ch = html.unescape(m.group())
    if ch == m.group() or _CONTROL.search(ch) or any(0xD800 <= ord(c) <= 0xDFFF for c in ch):
        return m.group()
    return ch


def _strip_html(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Remove HTML debris, only from text that has some (a `<tag>` or an `&entity;`)."""
    if "<" not in text and "&" not in text:
        return text, origin
    text, origin = _strip(text, origin, _HTML_BLOCK)
    text, origin = _strip(text, origin, _HTML_BREAK, "\n\n")
    text, origin = _strip(text, origin, _HTML_TAG)
    return _strip(text, origin, _HTML_ENTITY, _entity)


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
