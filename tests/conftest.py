"""Shared fixtures: the default pipeline (blank zh, no trained model) and tiny hand-made corpora."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.pipeline import load_nlp

TINY = {
    "2021_ganjingzi.txt": (
        "# 甘井子区2021年发展综述\n\n"
        "2021年，大连市甘井子区实施亿元以上项目136个。华润万象汇、大连广泽中心主体封顶，"
        "连城数控光伏及半导体、桃李食品二期等项目实现年内开工。\n\n"
        "11月1日，工信部公布2021年国家技术创新示范企业名单，大连豪森设备制造股份有限公司名列其中。"
        "豪森设备是一家从甘井子区成长壮大的企业。\n"
    ),
}


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


@pytest.fixture()
def tiny_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in TINY.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
