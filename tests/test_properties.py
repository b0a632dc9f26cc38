"""Property-based tests (hypothesis): arbitrary Unicode and random Markdown through ingestion and extraction
never crash, keep valid offsets, and give a graph that serialises and parses back."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kg.build import extract_document
from kg.export.rdf import to_rdf, write_turtle
from kg.ingest import clean, read_or_skip
from kg.model import Document
from kg.resolve import resolve

FAST = settings(max_examples=60, deadline=None, database=None)
SLOW = settings(max_examples=40, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# pieces of the genre and of the debris real reports carry; hypothesis strings them together at random
PIECES = ["# ", "## ", "**", "__", "*", "- ", "1. ", "> ", "```\n", "`", "\n", "\n\n", "\r\n", "   ", "|", "---",
          "[", "](", ")", "![图](a.png)", "[链接](http://x/)", "\\*", "\\[", "<b>", "</b>", "<br/>",
          "<script>alert(1)</script>", "&lt;", "&amp;", "&#x4e2d;", "&nbsp;", "（图为", "摄）", "　", "ＡＢＣ１２３",
          "2021年", "2019年底", "，", "。", "、", "；", "“", "”", "《", "》",
          "某某区", "某某市", "新材料产业园", "高新技术产业开发区", "智能科技有限公司", "股份有限公司", "集团",
          "二期项目", "开工建设", "落户", "签约", "入选", "国家级专精特新“小巨人”企业", "与", "签署战略合作协议",
          "建成投产", "由", "投资建设", "位于", "总投资50亿元", "12个"]
markdown = st.lists(st.sampled_from(PIECES) | st.text(max_size=5), max_size=40).map("".join)
unicode_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=200)


def check_offsets(raw: str, text: str, offsets: list[int]) -> None:
    assert len(offsets) == len(text)
    assert all(0 <= o < len(raw) for o in offsets)
    for ch, o in zip(text, offsets):
        if unicodedata.category(ch) == "Lo" and ch.isidentifier():   # a letter (Chinese) is never rewritten
            assert raw[o] == ch or raw[o] == "&", (ch, raw[o])


@FAST
@given(unicode_text | markdown)
def test_clean_keeps_a_raw_index_for_every_character(raw: str):
    text, offsets = clean(raw)
    check_offsets(raw, text, offsets)
    assert "\x00" not in text


@FAST
@given(unicode_text | markdown)
def test_clean_offsets_keep_the_order_of_the_raw_text_inside_a_paragraph(raw: str):
    text, offsets = clean(raw)
    start = 0
    for paragraph in text.split("\n"):
        part = offsets[start:start + len(paragraph)]
        assert part == sorted(part)
        start += len(paragraph) + 1


@FAST
@given(st.binary(max_size=300) | markdown.map(lambda s: s.encode("utf-8")) | markdown.map(
    lambda s: s.encode("gb18030", "replace")))
def test_read_any_bytes_gives_a_document_or_a_skip(tmp_path_factory, data: bytes):
    f = tmp_path_factory.mktemp("h") / "2021_doc.txt"
    f.write_bytes(data)
    got = read_or_skip(f)
    if isinstance(got, Document):
        got.text.encode("utf-8")
        assert got.text.strip() and len(got.offsets) == len(got.text)


@SLOW
@given(unicode_text | markdown)
def test_extraction_of_any_text_gives_valid_offsets_and_a_graph_that_parses(nlp, tmp_path: Path, raw: str):
    text, offsets = clean(raw)
    document = Document(id="prop", source_file="prop.txt", text=text, report_year=2021, offsets=tuple(offsets))
    ex = extract_document(nlp, document)
    for m in ex.mentions:
        assert 0 <= m.start < m.end <= len(text)
    for r in ex.relations:
        assert 0 <= r.sent_start < r.sent_end <= len(text)
        for m in (r.subject, r.object):
            assert r.sent_start <= m.start < m.end <= r.sent_end or 0 <= m.start < m.end <= len(text)
    kg = resolve([ex])
    out = tmp_path / "graph.ttl"
    write_turtle(kg, out)
    parsed = Graph().parse(out, format="turtle")
    assert len(parsed) == len(to_rdf(kg)) == len(list(ox.parse(path=str(out), format=ox.RdfFormat.TURTLE)))
