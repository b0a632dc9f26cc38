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


def _spans(doc, names):
    from kg.model import EntityType
    out = []
    for name, label in names:
        i = doc.text.find(name)
        out.append(doc.char_span(i, i + len(name), label=label.value if isinstance(label, EntityType) else label))
    return out


@pytest.mark.parametrize(("text", "names", "expected"), [
    # a province left as home: the zone went unrecognized, so no home at all
    ("行走在内蒙古的土地上，内蒙古算力产业集聚。", [("内蒙古", "District")], None),
    # a city left as home with a zone named at the opening: the zone
    ("苏州工业园区项目开工。苏州经济发展。", [("苏州工业园区", "District"), ("苏州", "District")], "苏州工业园区"),
    # a county-level home stays
    ("松山区新签约项目59个。", [("松山区", "District")], "松山区"),
])
def test_home_district_is_never_a_province(nlp, text, names, expected):
    from kg.pipeline.factories import RelationFinder
    doc = nlp.make_doc(text)
    spans = _spans(doc, names)
    home = RelationFinder._home(spans, len(spans) - 1)
    assert (home.text if home is not None else None) == expected


@pytest.mark.parametrize(("text", "pos", "expected"), [
    ("第一段。\n第二段。", 5, True),
    ("技术突破。  深化园区改革。", 7, True),        # two spaces: the cleaned 　　 between paragraphs
    ("技术突破。　　深化园区改革。", 7, True),
    ("技术突破。 深化园区改革。", 6, False),
    ("技术突破。深化园区改革。", 5, False),
    ("开头。", 0, True),
])
def test_paragraph_start(text, pos, expected):
    from kg.pipeline.factories import paragraph_start
    assert paragraph_start(text, pos) is expected


@pytest.mark.parametrize(("text", "park", "expected"), [
    ("云杉产业园新增企业20家。", "云杉产业园", True),
    ("深化园区改革，云杉产业园装备产业不断聚集。", "云杉产业园", True),
    # the first of a list, or a place after a verb, is not what the paragraph is about
    ("成为首选地，云杉产业园、星海新工厂等项目签约入驻。", "云杉产业园", False),
    ("企业纷纷落户云杉产业园。", "云杉产业园", False),
])
def test_a_park_opening_a_clause_of_the_first_sentence_is_the_paragraphs(nlp, text, park, expected):
    from kg.pipeline.factories import RelationFinder
    doc = nlp.make_doc(text)
    span = _spans(doc, [(park, "Park")])[0]
    assert RelationFinder._opens_clause(doc, span, 0, 0) is expected


@pytest.mark.parametrize("text", [
    "他说“项目开工。”园区扩建！\n第二行",
    "  开头有空格。\n\n　　第二段 AI 平台上线；第三句…\n",
    "没有句末标点",
    "一。二。三。",
])
def test_sentence_bounds_kept_by_the_splitter_are_those_of_doc_sents(nlp, text):
    from kg.pipeline.annotations import doc_text, sentence_spans
    doc = nlp.get_pipe("kg_sentences")(nlp.make_doc(text))
    assert doc_text(doc) == text
    assert sentence_spans(doc) == [(s.start_char, s.end_char) for s in doc.sents]
    assert [text[s:e] for s, e in sentence_spans(doc)] == [s.text for s in doc.sents]
