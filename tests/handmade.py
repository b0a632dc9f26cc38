"""A small hand-made KnowledgeGraph (invented names) for the view, HTML and browser tests."""
from __future__ import annotations

from kg.model import Document, Entity, EntityType, KnowledgeGraph, Predicate, Relation, Statement

T = EntityType
P = Predicate


def _st(doc: str, year: int | None, text: str) -> Statement:
    return Statement(document_id=doc, evidence=text, year=year, start=0, end=len(text))


def sample_graph() -> KnowledgeGraph:
    """Two districts; a park chain (enterprise → park → district); an award; one isolated organisation."""
    docs = (Document(id="r2019", source_file="金石区2019年报告.txt", text="", report_year=2019),
            Document(id="r2022", source_file="云海区2022年报告.txt", text="", report_year=2022))
    ents = [
        Entity("d/jinshi", T.DISTRICT, "金石区", frozenset({"金石"}), frozenset({"r2019"})),
        Entity("d/yunhai", T.DISTRICT, "云海区", frozenset(), frozenset({"r2022"})),
        Entity("e/beichen", T.ENTERPRISE, "北辰智能装备有限公司", frozenset({"北辰智能"}), frozenset({"r2019"})),
        Entity("e/haiyue", T.ENTERPRISE, "海岳生物科技股份有限公司", frozenset({"海岳生物"}), frozenset({"r2022"})),
        Entity("e/lanfan", T.ENTERPRISE, "蓝帆数据服务有限公司", frozenset(), frozenset({"r2022"})),
        Entity("p/erqi", T.PROJECT, "北辰智能二期项目", frozenset(), frozenset({"r2019"})),
        Entity("k/ruanjian", T.PARK, "云海软件园", frozenset({"软件园"}), frozenset({"r2022"})),
        Entity("a/zhuanjing", T.AWARD, "省级专精特新企业", frozenset(), frozenset({"r2022"})),
        Entity("o/gongxin", T.ORGANIZATION, "市工业和信息化局", frozenset({"市工信局"}), frozenset({"r2022"})),
    ]
    rels = (
        Relation("e/beichen", P.LOCATED_IN, "d/jinshi", (_st("r2019", 2019, "北辰智能装备有限公司落户金石区。"),)),
        Relation("p/erqi", P.DEVELOPED_BY, "e/beichen", (_st("r2019", 2019, "北辰智能二期项目由北辰智能建设。"),)),
        Relation("p/erqi", P.LOCATED_IN, "d/jinshi", (_st("r2019", 2019, "北辰智能二期项目在金石区开工。"),)),
        Relation("e/haiyue", P.LOCATED_IN, "k/ruanjian", (_st("r2022", 2022, "海岳生物科技股份有限公司入驻云海软件园。"),)),
        Relation("k/ruanjian", P.PART_OF, "d/yunhai", (_st("r2022", None, "云海软件园是云海区的重点园区。"),)),
        Relation("e/lanfan", P.LOCATED_IN, "k/ruanjian", (_st("r2022", 2022, "蓝帆数据服务有限公司在云海软件园设立总部。"),)),
        Relation("e/haiyue", P.RECEIVED_AWARD, "a/zhuanjing",
                 (_st("r2022", 2021, "2021年，海岳生物获评省级专精特新企业。"),
                  _st("r2022", 2022, "2022年海岳生物再次获评省级专精特新企业。"))),
        Relation("e/haiyue", P.COOPERATES_WITH, "e/beichen", (_st("r2022", 2022, "海岳生物与北辰智能签署合作协议。"),)),
    )
    return KnowledgeGraph(documents=docs, entities={e.id: e for e in ents}, relations=rels)
