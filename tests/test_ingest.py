from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import clean, filename_year, find_files, infer_years, read_document, sample_corpus


def test_markdown_marks_and_images_are_removed():
    text, _ = clean("## 1 转型升级\n\n**核心提示** 在大连市。\n\n[!\\[\\]\\(abc\\_img.jpg\\) 链接 LIANJIE](#)\n")
    assert "#" not in text and "**" not in text and "LIANJIE" not in text and "img" not in text
    assert "核心提示 在大连市。" in text


def test_photo_captions_are_removed():
    text, _ = clean("园区企业正在调试设备。 蒋德毅 摄\n\n正文第一段，内容很长很长很长很长很长很长。\n")
    assert "摄" not in text and "正文第一段" in text


@pytest.mark.parametrize("raw, joined", [
    ("困难和问\n\n题,潜心解决制约发展和企业群众反映强烈的历史遗留问题。", "困难和问题,潜心解决"),
    ("过去4年，甘井子区坚持“精品化建设、精\n\n另一段完整的话。\n\n细化管理”理念，建管并重。", "精品化建设、精细化管理”理念"),
])
def test_sentences_broken_across_paragraphs_are_rejoined(raw, joined):
    # make the first paragraph long enough to be a body paragraph
    raw = "这是一个足够长的正文段落开头，用来说明情况，" + raw
    text, _ = clean(raw)
    assert joined in text


def test_offsets_point_back_to_the_raw_text():
    raw = "# 标题\n\n**华润万象汇**主体封顶。"
    text, origin = clean(raw)
    i = text.index("华润万象汇")
    assert raw[origin[i]:origin[i] + 5] == "华润万象汇"
    assert len(origin) == len(text)


def test_fullwidth_ascii_is_folded():
    text, _ = clean("ＳＫ海力士投资１０亿元。")
    assert "SK海力士" in text and "10亿元" in text


@pytest.mark.parametrize("text, expected", [
    ("甘井子区“十四五”开局之年的发展答卷。2022年，甘井子区计划开工项目。", (2021, 2022)),
    ("回望2019年的大连高新区，2019年，新建众创空间。", (2019, 2019)),
    ("2020年一季度实际使用外资。2020年，甘井子区将坚定不移优化营商环境。", (2020, 2020)),
    ("没有任何年份。", (None, None)),
    # the coming year named as a task's year: written in it
    ("2021年，松山区新增企业66家。2021年，松山区实现增长。2022年，既是实现规划目标关键之年。", (2021, 2022)),
    ("2021年是“十四五”开局之年。2021年，松山区新增企业66家。", (2021, 2021)),
])
def test_report_year(text, expected):
    assert infer_years(text) == expected


def test_a_year_in_the_file_name_dates_the_document():
    assert filename_year("08_ganzhou_etdz_2023.txt") == 2023
    assert filename_year("000_4508c2bf8efd8fda.txt") is None
    assert infer_years("新年伊始，拉开2024年高质量发展大幕。", 2023) == (2023, 2024)


def test_gb18030_is_decoded(tmp_path: Path):
    f = tmp_path / "gbk.txt"
    f.write_bytes("甘井子区签约项目59个。".encode("gb18030"))
    assert "甘井子区" in read_document(f).text


@pytest.mark.parametrize("setup, problem", [
    (lambda p: None, "no such file or directory"),
    (lambda p: p.write_bytes(b""), "file is empty"),
    (lambda p: p.write_bytes(b"  \n\n "), "file is empty"),
])
def test_bad_input_names_the_file(tmp_path: Path, setup, problem):
    f = tmp_path / "doc.txt"
    setup(f)
    with pytest.raises(InputError) as err:
        list(map(read_document, find_files([f])))
    assert str(err.value) == f"{f}: {problem}"


def test_folder_without_documents(tmp_path: Path):
    with pytest.raises(InputError, match="folder holds no .txt or .md documents"):
        find_files([tmp_path])


def test_the_sample_corpus_ships_with_the_package():
    assert len(find_files([sample_corpus()])) == 5


def test_corpus_notes_in_a_folder_are_not_documents(tmp_path: Path):
    (tmp_path / "01_report_2021.txt").write_text("甘井子区签约项目59个。", encoding="utf-8")
    (tmp_path / "SOURCES.md").write_text("| file | url |", encoding="utf-8")
    (tmp_path / "README.md").write_text("notes", encoding="utf-8")
    assert [p.name for p in find_files([tmp_path])] == ["01_report_2021.txt"]
    assert [p.name for p in find_files([tmp_path / "SOURCES.md"])] == ["SOURCES.md"]  # named explicitly: read


@pytest.mark.parametrize("text, dated, expected", [
    # a report dated under its title in the year after the one it reviews was written in that year
    ("松岭区人民政府工作报告（2024年1月）\n过去一年，2023年全区新签约项目59个。2023年地区生产总值增长。", None, (2023, 2024)),
    ("云溪县政府工作报告\n——2020年1月8日在云溪县第十届人民代表大会第五次会议上\n2019年项目开工。2019年产值增长。", None, (2019, 2020)),
    ("松岭区人民政府工作报告（2024年1月）\n过去一年项目开工。", 2023, (2023, 2024)),
    # a date in the same year, or a date far below the heading, moves nothing
    ("松岭区工作总结（2023年12月）\n2023年新签约项目59个。", None, (2023, 2023)),
    ("2023年新签约项目59个，2023年产值增长。" + "产业发展。" * 60 + "（2024年1月）", None, (2023, 2023)),
])
def test_a_dated_heading_gives_the_publication_year(text, dated, expected):
    assert infer_years(text, dated) == expected
