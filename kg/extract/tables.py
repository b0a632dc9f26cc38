"""Markdown tables of signed or built projects (| 项目名称 | 投资方 | 投资额 |): the column a header names gives
each cell its type, and a row pairs its project with the firm that invests in it.

Pure text functions; the pipeline turns the cells into mentions and the pairs into developedBy relations.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from kg.extract import lexicon as lx
from kg.model import EntityType as T

_ROW = re.compile(r"^[ \t]*\|(.+)\|[ \t]*$", re.M)
_RULE = re.compile(r"^[\s|:\-－—]+$")
# header words, tested in order: a 项目 column names projects, an investor column names firms
_PROJECT_HEADER = re.compile(r"项目(?:名称)?$|^(?:项目|工程)名称|^名称$")
_INVESTOR_HEADER = re.compile(r"投资方|投资主体|投资企业|投资商|签约企业|签约方|签约主体|建设单位|实施主体|业主单位|项目业主"
                              r"|^企业(?:名称)?$|^投资单位$")
_NOT_NAME = re.compile(r"^[\d\s.,，%亿万元美欧日港币—\-－/()（）约超过以上]+$")


class Cell(NamedTuple):
    start: int
    end: int
    type: T
    text: str


class Row(NamedTuple):
    start: int
    end: int
    project: Cell | None
    investor: Cell | None


def _cells(text: str, line_start: int, inner_start: int, inner: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each cell of a table line, stripped of white space, in document offsets."""
    out, pos = [], inner_start
    for part in inner.split("|"):
        lead = len(part) - len(part.lstrip())
        body = part.strip()
        out.append((pos + lead, pos + lead + len(body), body))
        pos += len(part) + 1
    return out


def _role(header: str) -> T | None:
    h = header.strip().strip("*")
    if _INVESTOR_HEADER.search(h):
        return T.ENTERPRISE
    if _PROJECT_HEADER.search(h):
        return T.PROJECT
    return None


def _nameable(body: str) -> bool:
    return len(body) >= 2 and not _NOT_NAME.match(body) and body not in lx.NOT_NAMES and body not in lx.GENERIC_NAMES


def table_rows(text: str) -> list[Row]:
    """The data rows of every Markdown table whose header names a project or an investor column."""
    rows: list[Row] = []
    roles: list[T | None] | None = None
    prev_end = -2
    for m in _ROW.finditer(text):
        cells = _cells(text, m.start(), m.start(1), m.group(1))
        contiguous = text[prev_end:m.start()].strip() == "" and prev_end >= 0
        prev_end = m.end()
        if not contiguous:
            roles = [_role(body) for _, _, body in cells]  # a new table: its first line is the header
            continue
        if all(_RULE.match(body or "-") for _, _, body in cells):
            continue
        if roles is None or not any(roles):
            continue
        found: dict[T, Cell] = {}
        for (s, e, body), role in zip(cells, roles):
            if role is not None and role not in found and _nameable(body):
                found[role] = Cell(s, e, role, body)
        if found:
            rows.append(Row(m.start(), m.end(), found.get(T.PROJECT), found.get(T.ENTERPRISE)))
    return rows


def table_names(rows: list[Row]) -> dict[str, T]:
    """Every named cell of the rows, by its text."""
    return {c.text: c.type for r in rows for c in (r.project, r.investor) if c is not None}
