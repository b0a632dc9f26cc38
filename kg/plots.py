"""Charts of query results for notebooks and reports (matplotlib, pandas)."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas
    from matplotlib.figure import Figure

# fonts with Chinese glyphs, best first; matplotlib's default has none
CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
             "Noto Serif CJK SC", "PingFang SC", "Microsoft YaHei", "SimHei", "Arial Unicode MS")
NO_YEAR = "no year"


def cjk_font() -> str | None:
    """The first installed font of CJK_FONTS, or None (labels then show as boxes)."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def per_district_year(frame: pandas.DataFrame, value: str, top: int = 6) -> pandas.DataFrame:
    """A (district × year) table of `value` from a query result with columns district, year and `value`,
    for the `top` districts by total; a missing year becomes the column "no year"."""
    table = (frame.assign(year=frame["year"].astype("string").fillna(NO_YEAR))
             .pivot_table(index="district", columns="year", values=value, aggfunc="sum", fill_value=0))
    table = table.loc[table.sum(axis=1).sort_values(ascending=False).index[:top]]
    years = sorted(c for c in table.columns if c != NO_YEAR) + [c for c in table.columns if c == NO_YEAR]
    return table[years].astype(int)


def _value_column(frame: pandas.DataFrame) -> str:
    return next(c for c in frame.columns if c not in ("district", "year"))


def per_district_year_figure(frames: dict[str, pandas.DataFrame], top: int = 6) -> Figure:
    """One bar chart per query result (title → frame with district, year and a count column):
    the count per district, one bar per year."""
    import matplotlib.pyplot as plt
    from matplotlib.text import Text

    tables = {title: per_district_year(frame, _value_column(frame), top) for title, frame in frames.items()}
    years = sorted({y for t in tables.values() for y in t.columns if y != NO_YEAR})
    years += [NO_YEAR] if any(NO_YEAR in t.columns for t in tables.values()) else []
    fig, axes = plt.subplots(1, len(frames), figsize=(6 * len(frames), 4.5), squeeze=False)
    for ax, (title, table) in zip(axes[0], tables.items()):
        value = _value_column(frames[title])
        table.reindex(columns=years, fill_value=0).plot.bar(ax=ax, rot=25, width=0.8)  # same colour per year
        ax.tick_params(axis="x", labelsize="small")
        ax.set_title(title)
        ax.set_xlabel("")
        ax.set_ylabel(value)
        ax.legend(title="year", fontsize="small")
    font = cjk_font()
    if font:  # on the texts themselves, so the figure keeps its font wherever it is drawn later
        for text in fig.findobj(Text):
            text.set_fontfamily([font, "DejaVu Sans"])
    fig.tight_layout()
    plt.close(fig)  # shown by returning it; not drawn twice by the inline backend
    return fig
