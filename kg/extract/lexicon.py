"""The closed word lists the recognizers use (name heads, trigger verbs, stop words) and user lexicons.

Nothing here names a particular enterprise, park or project: these are the *shapes* of names in
Chinese economic reporting. A user's own names come in through a lexicon file (see `load_user_lexicon`).
"""
from __future__ import annotations

import csv
from pathlib import Path

from kg.errors import ConfigError
from kg.model import EntityType

# Organisational and legal suffixes of companies.
LEGAL_HEADS = ("股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司", "株式会社", "控股", "股份")
# Industry words that end company names but also end ordinary phrases ("智能制造装备"): a name needs a proper stem.
WEAK_ENTERPRISE_HEADS = (
    "科技", "实业", "电子", "电气", "光电", "电器", "汽车", "能源", "新材", "新材料", "材料", "机械", "装备",
    "半导体", "数控", "软件", "信息", "通信", "物流", "化工", "食品", "生物", "智能", "动力", "精工", "精密",
    "工业", "资本", "基金", "投资", "航空", "船舶", "重型", "石化", "核电", "齿轮", "电池", "矿业", "医药",
)
ENTERPRISE_HEADS = (
    "股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司", "株式会社", "控股", "股份",
    "药业", "制药", "医药", "重工", "科技", "实业", "电子", "电气", "光电", "电器", "汽车", "银行", "证券",
    "能源", "新材", "新材料", "材料", "机械", "装备", "半导体", "数控", "软件", "信息", "通信", "物流",
    "置业", "地产", "化工", "钢铁", "钢材", "食品", "生物", "智能", "动力", "精工", "精密", "工业",
    "资本", "基金", "投资", "航空", "船舶", "重型", "石化", "核电", "齿轮", "电池", "矿业", "酒业",
)
# Words that end a brand name in a list of firms (有孚数据, 火山引擎, 虎牙直播), too common to end one elsewhere.
LIST_FIRM_HEADS = ("数据", "引擎", "直播", "网络", "云", "互联", "电商", "传媒", "文化", "证券", "保险", "激光", "环保",
                   "新能", "锂电", "永磁", "光学", "芯", "微电子")
# Heads of names that are places hosting enterprises.
PARK_HEADS = (
    "综合保税区", "保税港区", "保税区", "产业园区", "工业园区", "科技园区", "产业园", "工业园", "科技园",
    "创业园", "软件园", "教育园", "文化园", "创意园", "科创园", "物流园", "园区", "集聚区", "聚集区", "工业集中区", "工业小区", "孵化基地", "科学城", "团地", "孵化器", "众创空间", "创业空间", "创业中心", "科创中心",
    "加速器", "加速营", "商务区", "总部经济区", "商圈", "产业新城", "新园", "金融区", "总部基地", "产业基地", "创新港",
    "产业带", "新城", "湾", "数据中心集群", "试验区", "自贸区", "片区", "功能区", "经济区", "度假区",
)
# Heads of project and facility names.
PROJECT_HEADS = (
    "项目", "一期", "二期", "三期", "四期", "工程", "中心", "号线", "延伸线", "生产线", "产线", "线",
    "广场", "万象汇", "大厦", "大楼", "工厂", "新工厂", "总部", "基地", "电站", "小镇", "公园", "乐园",
    "医院", "体验馆", "博物馆", "码头", "机场", "大道", "路段", "通道", "数据中心", "城", "综合体",
    "产业化", "平台", "段", "交通枢纽", "枢纽节点", "港", "会员店", "出入口", "充电网", "污水处理厂", "水厂", "电厂", "枢纽", "社区", "学校", "酒店",
)
# Industries and technologies: a list member made only of these is a sector, not a project (人工智能、5G等项目).
SECTOR_WORDS = (
    "人工智能", "物联网", "工业互联网", "互联网", "区块链", "大数据", "云计算", "半导体", "集成电路", "生物医药",
    "新能源", "新材料", "高端装备", "智能制造", "数字经济", "新能源汽车", "5G", "AI", "信息技术", "光伏",
    "医疗器械", "软件", "电子信息", "装备制造", "现代物流", "金融", "文旅", "康养",
)
# Words that open a photo caption or a credit, never part of the name after them (航拍大连湾…).
CAPTION_WORDS = ("航拍", "图为", "俯瞰", "鸟瞰", "远眺", "摄影", "资料图")
# Heads of honours, titles, prizes and rankings.
AWARD_HEADS = (
    "示范企业", "单项冠军", "冠军产品", "百强区", "百强县", "百强榜", "百强", "示范基地", "示范区", "优秀案例",
    "奖", "先进集体", "示范单位", "实验区", "模范城", "文明城市", "小巨人企业", "小巨人", "瞪羚企业",
    "独角兽企业", "专精特新", "试点", "示范园区", "特色载体", "培育平台", "转型基地", "制造基地", "经济区",
    "排名", "品牌", "500强", "五百强", "标杆", "领军企业", "示范项目", "示范工程",
    "奖状", "著名商标", "驰名商标", "名牌产品", "百强企业", "单项冠军企业",
)
# Heads of other organisations: universities, institutes, government bodies, associations.
ORGANIZATION_HEADS = (
    "大学", "学院", "研究院", "研究所", "科学院", "工程院", "化物所", "管委会", "委员会", "人民政府", "政府",
    "部", "局", "厅", "署", "委", "院", "协会", "商会", "公会", "联合会", "联盟", "学会", "基金会", "交易所", "所",
    "法院", "检察院", "人民代表大会", "人大", "政协", "研究中心", "技术中心", "实验室", "交易中心", "服务中心", "医院",
    "文化馆", "图书馆", "博物馆", "联合体", "服务大厅", "日报", "晚报", "商报", "报社", "电视台", "新闻网", "广播电视台",
)
# Honour heads that count only right after an award cue (获评江西省五星级产业集群, 获得综合排名第一名).
AWARD_CUE_HEADS = ("产业集群", "制造业集群", "第一名", "第二名", "第三名", "前十", "通报表扬", "表彰", "荣誉", "称号", "示范",
                   "小巨人企业", "特区", "计划", "星级", "集聚区", "孵化器", "中心", "基地", "试点", "案例",
                   "专项资金", "成效明显区", "浴场", "文化馆")
# Words that open an honour with the level of the body conferring it (国家技术创新示范企业, 省级…).
AWARD_LEVELS = ("国家", "全国", "中国", "国务院", "省级", "省", "市级", "世界", "亚洲", "全球", "国际")
# Words that end a name on the right: titles of people and by-lines (管委会主任, 日报讯, 日报记者).
NAME_ENDERS = frozenset({
    "主任", "副主任", "书记", "副书记", "局长", "副局长", "记者", "讯", "党组", "党委", "主席", "董事长", "总经理",
    "市长", "区长", "县长", "省长", "院长", "校长", "部长", "厅长", "处长", "负责人", "专家", "院士", "栏目",
    "产值", "年均", "营收", "营业收入", "舞台", "氛围", "作用", "体系", "答卷", "要求",
})
# Nouns after a tagger name that make it a concept rather than a company (RCEP体系, 优商氛围, IDC企业).
CONCEPT_AFTER = ("体系", "氛围", "机遇", "政策", "工作", "模式", "理念", "战略", "精神", "机制", "效应", "企业",
                 "行业", "示范基地", "示范区", "幼儿园", "规则", "协定", "框架")
# Words that are names only literally; after 乘/借/趁 they are figures of speech (乘“东数西算”东风).
FIGURES_OF_SPEECH = frozenset({"东风", "春风", "快车", "快车道", "列车"})
# Heads of events the tagger sometimes marks as organisations (中国海创周, 数博会).
EVENT_HEADS = ("周", "节", "博览会", "博会", "交易会", "大会", "论坛", "峰会", "展会", "大赛", "年会", "洽谈会")
# Words after a brand that name a product generation, not part of the firm (浪潮新一代).
GENERATION_TAILS = ("新一代", "下一代", "新型")
# Verbs after a government body that issues, hosts or confers something (生态环境部主办的…, 科技部公布…).
ISSUING_VERBS = frozenset({"主办", "承办", "发布", "公布", "印发", "批复", "认定", "评定", "组织", "授予", "命名", "批准",
                           "联合", "公示", "表彰", "下达", "部署"})
# Heads of government bodies that a chunk of common nouns can end in (生态 环境 部).
GOVERNMENT_HEADS = ("部", "委", "局", "厅", "署", "办")
# Tails of a unit inside a company (X事业部): the unit is neither the firm nor an organisation of its own.
UNIT_TAILS = ("事业部", "事业群", "部门")
# Heads of sub-county divisions: a 街道, town or township (X街道 or X镇), and the 社区 inside one (X街道Y社区).
SUBCOUNTY_HEADS = ("街道", "镇", "乡")
# Words ending in a sub-county head that are no division (小镇 is a project, 城镇 and 乡镇 are kinds of places).
NOT_SUBCOUNTY = ("小镇", "城镇", "乡镇", "集镇", "村镇", "老乡", "家乡", "城乡", "返乡", "回乡", "下乡", "故乡", "特色镇",
                 "重镇", "名镇", "古镇", "示范镇", "中心镇", "重点镇", "卫星镇", "建制镇", "专业镇", "强镇", "明星镇",
                 "文明镇")
# Generic phrases a tagger sometimes marks as organisation names.
GENERIC_NAMES = frozenset({
    "新时代", "智慧城市", "新能源汽车", "新能源", "瞪羚企业", "独角兽企业", "世界500强企业", "世界500强",
    "海铁联运", "东北", "中游", "上游", "下游", "公办幼儿园", "民办幼儿园", "社区卫生服务站", "社区卫生服务中心",
    "高新技术企业", "科技型中小企业", "专精特新", "小巨人", "龙头企业", "规上企业", "规模以上企业",
    "社区养老服务中心", "工程技术研究中心", "科技企业孵化器", "综合保税区", "自贸试验区", "区委", "区政府",
    "市委", "市政府", "省委", "省政府", "党委", "政府", "管委会", "新区管委会",
})
# Zone heads, longest first, and their short forms for identity (经济技术开发区 = 经开区).
ZONE_SYNONYMS = (("高新技术产业开发区", "高新区"), ("高技术产业开发区", "高新区"), ("国家高新区", "高新区"),
                 ("经济技术开发区", "经开区"), ("经济开发区", "经开区"))
# District shapes not in the administrative-division list.
ZONE_HEADS = (
    "国家级新区", "新区", "高新技术产业开发区", "高新区", "经济技术开发区", "经济开发区", "经开区", "开发区",
    "自由贸易试验区", "自贸试验区", "工业园区", "保税区", "综合实验区",
)

# Verbs and function words a name never crosses on its left.
TRIGGERS = (
    "推进", "推动", "引进", "落户", "签约", "签订", "开工", "投产", "竣工", "建成", "建设", "实施", "荣获",
    "获评", "入选", "获批", "获得", "被评为", "评为", "授予", "名列", "跻身", "荣登", "成为", "打造", "加快",
    "启动", "完成", "实现", "围绕", "依托", "包括", "其中", "以及", "还有", "新建", "续建", "在建", "开建",
    "投资", "拟投资", "总投资", "引入", "招引", "入驻", "位于", "联合", "合作", "共建", "携手", "举办",
    "成立", "组建", "设立", "培育", "认定", "新增", "拥有", "支持", "服务", "对接", "参与", "加强", "深化",
    "开工建设", "集中开工", "布局", "启动", "签约引进", "落地", "开业", "运营", "揭牌", "获", "评", "获批", "作为",
)

NOT_NAMES = frozenset({
    "项目", "重点项目", "产业项目", "重大项目", "一批项目", "企业", "重点企业", "高新技术企业", "园区", "中心",
    "基地", "工程", "平台", "集团", "公司", "产业园", "示范区", "新区", "开发区", "高新区", "总部", "城区",
    "新城区", "新城", "郊区", "矿区", "市辖区", "县", "全区", "本区", "我区", "该区", "全市", "全省", "全国",
    "科技", "信息", "智能", "新材料", "医药", "生物", "能源", "装备", "工业", "实业", "数控", "汽车",
})


def load_user_lexicon(path: Path) -> dict[str, EntityType]:
    """A user's own names: a UTF-8 TSV/CSV file of `name<TAB>type` rows (type is one of the six types).

    Lines starting with `#` are comments. Raises ConfigError naming the file and line when a row is bad.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise ConfigError(f"{path}: cannot read lexicon: {e.strerror or e}") from e
    names: dict[str, EntityType] = {}
    delimiter = "\t" if "\t" in text else ","
    for n, row in enumerate(csv.reader(text.splitlines(), delimiter=delimiter), start=1):
        if not row or not row[0].strip() or row[0].lstrip().startswith("#"):
            continue
        if len(row) < 2:
            raise ConfigError(f"{path}: line {n}: expected `name<TAB>type`, found {row[0]!r}")
        name, type_ = row[0].strip(), row[1].strip()
        try:
            names[name] = EntityType(type_)
        except ValueError:
            allowed = ", ".join(t.value for t in EntityType)
            raise ConfigError(f"{path}: line {n}: unknown type {type_!r}; use one of {allowed}") from None
    return names
