"""The batch report: one self-contained HTML page over a dataset — grades, execution rates, the most common
findings, by province, department and year, and tables. Figures are counted by DuckDB from the stored rows;
nothing is rescored. Charts are inline SVG (charts.py): the page opens offline, with nothing to fetch."""

from __future__ import annotations

import typing
from datetime import datetime
from decimal import Decimal
from html import escape
from pathlib import Path

from .. import __version__
from ..model.catalogue import catalogue
from ..rules.ruleset import Grade
from .charts import PALETTE, bar_chart, hbar_chart
from .store import open_dataset

GRADES: tuple[str, ...] = typing.get_args(Grade.model_fields["grade"].annotation)  # the rule sets' own order
GRADE_COLORS = (PALETTE[1], PALETTE[0], PALETTE[2], PALETTE[3], PALETTE[4])
# execution-rate bands in percent, [low, high); the last is open
RATE_BANDS: tuple[tuple[float, float | None], ...] = ((0, 60), (60, 80), (80, 90), (90, 95), (95, 100), (100, None))
STATUS_ZH = {"ok": "成功", "failed": "失败", "timeout": "超时"}


def build_report(dataset: Path, top: int = 20) -> str:
    con = open_dataset(dataset)
    try:
        return _page(con, dataset, top)
    finally:
        con.close()


def _page(con, dataset: Path, top: int) -> str:
    q = lambda sql, *args: con.execute(sql, list(args)).fetchall()  # noqa: E731
    status = dict(q("SELECT status, count(*) FROM documents GROUP BY 1"))
    total = sum(status.values())
    ok = status.get("ok", 0)
    (scored, avg_score, avg_rate, budget, executed), = q(
        "SELECT count(total_score), avg(total_score), avg(execution_rate), sum(budget_yuan), sum(executed_yuan) "
        "FROM documents WHERE status = 'ok'")
    grades = dict(q("SELECT coalesce(grade, '未评分'), count(*) FROM documents WHERE status = 'ok' GROUP BY 1"))
    grade_bars = [(g, grades.get(g, 0)) for g in (*GRADES, "未评分") if g in grades or g in GRADES]
    rate_bars = []
    for low, high in RATE_BANDS:
        cond = "execution_rate >= ?" + (" AND execution_rate < ?" if high is not None else "")
        args = [low] + ([high] if high is not None else [])
        count = con.execute(f"SELECT count(*) FROM documents WHERE status = 'ok' AND {cond}", args).fetchone()[0]
        rate_bars.append((_band_label(low, high), count))
    specs = catalogue()
    findings = q("SELECT code, any_value(severity_label), count(*), count(DISTINCT sha256) FROM findings "
                 "GROUP BY code ORDER BY count(*) DESC, code LIMIT ?", top)
    by_province = q(_GROUPED.format(key="coalesce(province, '（未识别）')"))
    by_year = q(_GROUPED.format(key="CAST(year AS VARCHAR)") .replace("GROUP BY 1 ORDER BY 2 DESC, 1", "GROUP BY 1 ORDER BY 1"))
    by_department = q(_GROUPED.format(key="coalesce(department, '（未识别）')") + " LIMIT 50")
    lowest = q("SELECT department, year, kind_label, total_score, grade, execution_rate, source_path FROM documents "
               "WHERE status = 'ok' AND total_score IS NOT NULL ORDER BY total_score, source_path LIMIT 20")
    failed = q("SELECT d.source_path, d.status, string_agg(f.code || ' ' || f.message, '；' ORDER BY f.ordinal) "
               "FROM documents d LEFT JOIN findings f ON f.sha256 = d.sha256 AND f.severity = 'error' "
               "WHERE d.status <> 'ok' GROUP BY 1, 2 ORDER BY 1 LIMIT 100")
    runs = q("SELECT count(*), max(finished_at) FROM batch_runs")

    body = [
        "<h1>预算绩效自评报告批量分析</h1>",
        f'<p class="meta">数据集：{escape(str(dataset))}　生成：{datetime.now():%Y-%m-%d %H:%M}　jixiao {escape(__version__)}'
        f"　处理批次 {runs[0][0]} 次</p>",
        '<section class="cards">',
        _card("报告总数", f"{total} 份", f"成功 {ok} 份，失败 {status.get('failed', 0)} 份，超时 {status.get('timeout', 0)} 份"),
        _card("平均得分", _num(avg_score), f"已评分 {scored} 份"),
        _card("平均预算执行率", _num(avg_rate, "%"), "按报告平均"),
        _card("预算合计", _money(budget), f"执行合计 {_money(executed)}"),
        "</section>",
        "<h2>等级分布</h2>",
        bar_chart("等级分布（份）", grade_bars, " 份", GRADE_COLORS),
        "<h2>预算执行率分布</h2>",
        bar_chart("预算执行率分布（份）", rate_bars, " 份"),
        f"<h2>最常见的问题（前 {top} 项）</h2>",
        hbar_chart("最常见的问题（次）", [(f"{c} {specs[c].title if c in specs else ''}", n) for c, _, n, _ in findings], " 次"),
        _table(("代码", "问题", "级别", "出现次数", "涉及报告"),
               [(c, specs[c].title if c in specs else "", s, n, d) for c, s, n, d in findings]),
        "<h2>按省份</h2>",
        bar_chart("各省份平均得分", [(r[0], float(r[2] or 0)) for r in by_province[:16]], " 分", decimals=1),
        _grouped_table("省份", by_province),
        "<h2>按年度</h2>",
        bar_chart("各年度报告数（份）", [(r[0] or "（未识别）", r[1]) for r in by_year], " 份"),
        _grouped_table("年度", by_year),
        "<h2>按部门（报告数最多的 50 个）</h2>",
        hbar_chart("各部门报告数（前 20）", [(r[0], r[1]) for r in by_department[:20]], " 份", color=PALETTE[0]),
        _grouped_table("部门", by_department),
        "<h2>得分最低的报告</h2>",
        _table(("单位", "年度", "类型", "得分", "等级", "执行率", "文件"),
               [(d, y, k, _num(s), g, _num(r, "%"), p) for d, y, k, s, g, r, p in lowest]),
        "<h2>未能处理的文件</h2>",
        _table(("文件", "状态", "原因"), [(p, STATUS_ZH.get(s, s), why or "") for p, s, why in failed])
        if failed else "<p>全部文件均已处理。</p>",
    ]
    return _HTML.format(body="\n".join(body))


# documents, average score, average execution rate, then one count per grade
_GROUPED = ("SELECT {key} AS k, count(*), avg(total_score), avg(execution_rate), "
            + ", ".join(f"count(*) FILTER (WHERE grade = '{g}')" for g in GRADES)
            + " FROM documents WHERE status = 'ok' GROUP BY 1 ORDER BY 2 DESC, 1")


def _band_label(low: float, high: float | None) -> str:
    """A band holds its lower bound: 90%–95% is 90 up to 94.99."""
    if high is None:
        return f"{low:g}%及以上"
    return f"{high:g}%以下" if low == 0 else f"{low:g}%–{high:g}%"


def _grouped_table(name: str, rows: list[tuple]) -> str:
    return _table((name, "报告数", "平均得分", "平均执行率", *GRADES),
                  [(r[0] or "（未识别）", r[1], _num(r[2]), _num(r[3], "%"), *r[4:]) for r in rows])


def _table(headers: tuple[str, ...], rows: list[tuple]) -> str:
    if not rows:
        return '<p class="empty">无数据</p>'
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape('' if v is None else str(v))}</td>" for v in row) + "</tr>"
                   for row in rows)
    return f'<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _card(title: str, value: str, note: str) -> str:
    return f'<div class="card"><div class="t">{escape(title)}</div><div class="n">{escape(value)}</div>' \
           f'<div class="s">{escape(note)}</div></div>'


def _num(value, suffix: str = "") -> str:
    if value is None:
        return "—"
    return f"{Decimal(str(value)).quantize(Decimal('0.01'))}{suffix}"


def _money(yuan) -> str:
    if yuan is None:
        return "—"
    return f"{Decimal(yuan) / 10000:,.2f} 万元"


_HTML = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>预算绩效自评报告批量分析</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 2em auto;
       max-width: 1100px; padding: 0 1em; color: #222; }}
h1 {{ font-size: 1.6em; }} h2 {{ font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ddd; padding-bottom: .3em; }}
.meta {{ color: #666; font-size: .9em; }}
.cards {{ display: flex; gap: 1em; flex-wrap: wrap; }}
.card {{ border: 1px solid #ddd; border-radius: 6px; padding: .8em 1.2em; min-width: 200px; }}
.card .t {{ color: #666; font-size: .9em; }} .card .n {{ font-size: 1.6em; font-weight: bold; margin: .2em 0; }}
.card .s {{ color: #888; font-size: .8em; }}
table {{ border-collapse: collapse; width: 100%; font-size: .88em; margin: .8em 0; }}
th, td {{ border: 1px solid #ddd; padding: .3em .5em; text-align: left; }} th {{ background: #f4f6f8; }}
td {{ word-break: break-all; }}
svg.chart {{ max-width: 100%; height: auto; display: block; margin: .6em 0; }}
svg text {{ font-size: 12px; fill: #333; }} svg text.v {{ fill: #555; }} svg .axis {{ stroke: #999; }}
.empty {{ color: #888; }}
</style></head>
<body>
{body}
</body></html>
"""
