"""The division list: short forms of autonomous prefectures and counties as texts write them."""
import pytest

from kg.extract.divisions import autonomous_short, full_name

SHORTS = [
    ("黔西南布依族苗族自治州", "黔西南州"),
    ("延边朝鲜族自治州", "延边州"),
    ("恩施土家族苗族自治州", "恩施州"),
    ("博尔塔拉蒙古自治州", "博尔塔拉州"),
    ("大理白族自治州", "大理州"),        # 白 is a nationality only after the place
    ("长阳土家族自治县", "长阳县"),
    ("三都水族自治县", "三都县"),
    ("龙胜各族自治县", "龙胜县"),
    # no place before the nationality, or not autonomous: no short form
    ("东乡族自治县", None),
    ("鄂伦春自治旗", None),
    ("广西壮族自治区", None),
    ("甘井子区", None),
    ("凉山", None),
]


@pytest.mark.parametrize("name,short", SHORTS)
def test_autonomous_short(name: str, short: str | None) -> None:
    assert autonomous_short(name) == short


LOOKUPS = [
    ("凉山州", "凉山彝族自治州"),
    ("湘西州", "湘西土家族苗族自治州"),
    ("峨边县", "峨边彝族自治县"),
    # short forms that are not written this way, or words, name no division
    ("东乡县", None),
    ("州", None),
    ("自治州", None),
]


@pytest.mark.parametrize("name,full", LOOKUPS)
def test_short_forms_resolve_to_the_division(name: str, full: str | None) -> None:
    assert full_name(name) == full
