from kg.pipeline import load_nlp
from kg.pipeline.factories import sentence_bounds

import pytest

from kg.errors import ConfigError


def test_default_pipeline_is_blank_zh_with_kg_components(nlp):
    assert nlp.lang == "zh"
    assert nlp.pipe_names == ["kg_sentences", "kg_tagger", "kg_entities", "kg_relations"]
    doc = nlp.make_doc("甘井子区")
    assert [t.text for t in doc] == list("甘井子区")  # character tokens: names never cut inside a token


def test_sentences_split_after_enders_and_closing_quotes():
    text = "他说“项目开工。”园区扩建！\n第二行"
    spans = [text[s:e] for s, e in sentence_bounds(text, "。！？")]
    assert spans == ["他说“项目开工。”", "园区扩建！", "第二行"]


def test_bad_override_is_a_config_error():
    with pytest.raises(ConfigError):
        load_nlp(overrides={"components.kg_tagger.model": "nonsense"})
