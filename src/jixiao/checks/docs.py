"""Generate docs/findings.md from the catalogue, with worked examples run on the bundled examples.

    python -m jixiao.checks.docs --write      (from the repository root)

It writes the page in place: the hand-written tail (after HAND_WRITTEN) is read first and kept. A shell
redirect (`> docs/findings.md`) would empty the file before the tail is read, so the page is not printed.

A test regenerates the page and compares, so the page always says what the catalogue and checks do.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..model.catalogue import CodeSpec, catalogue
from ..review import review_file

PAGE = "docs/findings.md"
# Everything from this line on is written by hand (measurements on real reports) and kept when regenerating.
HAND_WRITTEN = "<!-- 以下为手写部分，重新生成时原样保留 -->"
SEED_EXAMPLE = "examples/liwan-fulian-2023.yaml"
CLEAN_EXAMPLE = "examples/clean-department-2024.yaml"
_SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}

# What the seed report's own section 三 admits, and the codes that find it in the data.
_ADMITTED = (
    ("绩效指标设定不够精", ("JX-I003", "JX-I005", "JX-I006")),
    ("绩效指标目标值太低", ("JX-I002", "JX-I003")),
    ("通用绩效指标过多", ("JX-I004",)),
)

_INTRO = """\
# 审核发现目录

> 本页由 `python -m jixiao.checks.docs --write` 从 `src/jixiao/model/catalogue.yaml` 生成，
> 请勿手工编辑；测试会重新生成并比对。

每条审核发现（finding）有一个稳定的代码（从不复用）、级别、中文说明和位置（`文件:行` 或 `工作表!单元格`）。
`jixiao check 文件` 每行输出一条：`文件:行: 级别 代码 说明`，按类别分组；`--json` 输出
`{"findings": [{"code", "severity", "message", "path", "location"}], "score": {"ruleset", "total", "grade"}}`
（评分与 `jixiao score` 相同；规则集无法使用时没有 `score`）；`--draft` 根据发现起草报告的
“三、存在的主要问题”和“四、下一步改进措施”。退出码：0 没有错误，1 有错误，2 用法错误。

级别：**错误**表示数据不成立，应改正后再生成报告；**警告**是审核人员会指出的问题，会写进起草的“存在的主要问题”；
**提示**只给审核人员参考。

审核用的一切参数都来自所用的规则集。阈值和词表是规则集的 `checks:` 部分（有类型，未写的取默认值；写了未知的键是
JX-R003 审核发现），见 `jixiao.rules.thresholds.CheckThresholds`：
`overachieve_threshold`（默认 0.30）、`exec_explain_threshold`（0.90）、`generic_ratio_max`（0.5）、
`rate_tolerance_pp`（0.01 个百分点）、`amount_tolerance`（0.01）、`score_tolerance`（0.1）、`min_reason_len`（10 字）、
`duplicate_min_len`（50 字）、`check_block_weights`、`required_blocks`、`generic_indicators`、`by_definition_terms`、
`activity_verbs`、`activity_nouns`、`vague_words` 等。各指标分值之和、各一级指标应有的分值（含空缺一级指标的分值转入）
和定性指标的档位区间不另设参数：审核直接读取规则集的评分参数 `weights`、`empty_block_to`、`qualitative`，与评分完全一致。

审核代码（预算、指标、评分、文字）的示例是 YAML 片段：覆盖到一份干净完整的示例数据
（`src/jixiao/checks/example_base.yaml`）的同名字段上，`indicator:` 替换同一一级指标下的第一项指标，
`indicators:` 替换第一项任务的全部指标。测试逐条运行这些示例：失败示例必须报出该代码，通过示例不得报出。

整改代码（JX-Z001–Z004）对照财政部门记录的以前年度未完成的整改事项（网页“整改”）审核本年度自评，示例是文字说明：
事项由调用方以普通数据传入（`jixiao.review(文档, open_items=[OpenItem(...)])`，`OpenItem` 见 `jixiao.checks`），
命令行和批量处理没有整改记录，不报这些代码。事项的状态是财政部门的记录，所以只有警告和提示，没有错误。

文字检查（JX-T002 段落重复、JX-T003 重复字、JX-T004 括号引号）也可以直接用于报告的纯文本（例如从已公开的 PDF
提取的文字）：`jixiao.checks.text.check_report_text(text, file)` 每行作为一段，发现定位到行。在荔湾区妇联
2023 年公开报告的原文上，它找出“第二十十届”这一多打的字，以及自评结论、任务完成情况和主要工作成效之间
多处 50 字以上的复制段落，而不会把叠词当成错字。`jixiao check 报告.pdf` 先提取数据（包括自评结论、主要成效、
存在问题、改进措施和各任务的完成情况），按段检查这些文字，再逐行检查其余文字；参数 `checked_lines`
让已按段检查过的行不再按行重复报告。

**已公开的报告。** 从 PDF、网页读回的数值可能是提取时推断的（表格错行、推算的合计），公开网页的存档也常只保存
开头一部分。所以在已公开的报告上：每个代码声明它依据哪些数值（目录中的“已公开报告”一行）；这些数值不是从文字中
有把握地读出时，错误降为警告，并注明“所依据的数值是从报告文字推断的”；文字在句子或表格中间中断时（JX-E007，只说
一次），“未填写”“合计不符”“未说明原因”一类依赖全文的审核不运行；与规则集比较的代码（JX-I008 分值配置、JX-I009
计算得分）不运行，改由只看单位自己所填分值和得分的 JX-S002–S007 判断。正文中的说法（JX-T006–T011）在报告的全部
文字上逐行读取。这些审核在真实报告上的准确度见本页末尾。

**绩效目标表。** 预算编制时申报的绩效目标表（`stage: target`）还没有实际完成值、执行数和得分，所以不评分，
只运行目录中注明“绩效目标表：同样审核”的代码：指标要素（只要求名称和年度指标值）、指标设计（通用指标、以工作内容
代替指标、定性表述模糊、指标体系不完整、重复指标、不当的年度指标值、占位符、日期）、预算分项合计和报告文字。
批复后，年终自评以它为起点：每个年度指标值记为批复指标值，之后改动的目标显示为“调整”，没有调整原因时报 JX-I021。

Python 接口：`jixiao.review(文档, ruleset=None)`（或 `jixiao.review_file(路径)`、已公开报告用
`jixiao.review_report(路径)`）一步完成读取、评分、审核和起草，返回 `Review(evaluation, ruleset, scorecard,
findings, drafts)`；命令行和网页都经由它。只做审核时：`jixiao.checks.check(evaluation, ruleset=None,
scorecard=None)` 返回发现列表（顺序固定），`jixiao.checks.draft_sections(evaluation, findings)` 返回
`Drafts(problems, measures)`。
"""


def _table(specs: list[CodeSpec]) -> list[str]:
    lines = ["| 代码 | 类别 | 级别 | 标题 |", "|---|---|---|---|"]
    lines += [f"| [{s.code}](#{s.code.lower()}) | {s.group} | {_SEVERITY[s.severity.value]} | {s.title} |" for s in specs]
    return lines


def _entry(s: CodeSpec) -> list[str]:
    return [
        f"### {s.code}", "", f"**{s.title}**（{s.group}，{_SEVERITY[s.severity.value]}）", "", s.description, "",
        f"说明模板：`{s.message}`", "", *_published(s), *_on_targets(s),
        "不通过的示例：", "", "```yaml", s.example_fail, "```", "",
        "通过的示例：", "", "```yaml", s.example_pass, "```", "",
    ]


def _published(s: CodeSpec) -> list[str]:
    if s.not_on_reports:
        return ["已公开报告：不运行。", ""]
    said = []
    if s.needs:
        fields = "、".join("该项本身" if n == "." else f"`{n}`" for n in s.needs)
        said.append(f"依据的 {fields} 须是从文字中读出的，否则降为警告")
    if s.whole_text:
        said.append("报告文字不完整（JX-E007）时不运行")
    return [f"已公开报告：{'；'.join(said)}。", ""] if said else []


def _on_targets(s: CodeSpec) -> list[str]:
    return ["绩效目标表：同样审核。", ""] if s.on_targets and not s.code.startswith(("JX-L", "JX-R")) else []


def _hand_written(page: str) -> str:
    path = Path(page)
    if not path.exists():
        return ""
    text = path.read_text(encoding="utf-8")
    at = text.find(HAND_WRITTEN)
    return text[at:] if at >= 0 else ""


def _worked_seed(path: str) -> list[str]:
    result = review_file(path)  # as `jixiao check` reviews it
    if result.evaluation is None:
        return [f"（无法读取 {path}）"]
    findings = result.findings
    found = {f.code for f in findings}
    lines = [
        "## 实例：荔湾区妇联 2023 年部门整体支出", "",
        f"`{path}` 是该单位公开的自评报告整理成的数据。报告的“三、存在的主要问题”自己承认了三个问题；"
        "审核在数据上独立找到了它们：", "",
        "| 报告自认的问题 | 发现它的代码 | 本例报出 |", "|---|---|---|",
    ]
    for admitted, codes in _ADMITTED:
        hits = [c for c in codes if c in found]
        lines.append(f"| {admitted} | {'、'.join(codes)} | {'、'.join(hits) if hits else '—'} |")
    lines += ["", f"全部审核发现（`jixiao check {path}` 输出同样的内容，按类别分组）：", "", "```"]
    lines += [f.as_line(path) for f in findings]
    lines += ["```", "", f"`jixiao check {path} --draft` 起草的段落：", "", "```", result.drafts.as_text(), "```", ""]
    return lines


def _worked_clean(path: str) -> list[str]:
    shown = "\n".join(f.as_line(path) for f in review_file(path).findings) or "（没有发现）"
    return ["## 实例：一份规范的自评", "",
            f"`{path}`（虚构的区图书馆）收支一致、指标具体、完成值齐全、偏差有说明。审核结果：", "",
            "```", shown, "```", ""]


def render(seed: str = SEED_EXAMPLE, clean: str = CLEAN_EXAMPLE) -> str:
    specs = sorted(catalogue().values(), key=lambda s: s.code)
    lines = [_INTRO, "## 代码一览", "", *_table(specs), ""]
    lines += ["## 各代码说明", ""]
    for s in specs:
        lines += _entry(s)
    if Path(seed).exists():
        lines += _worked_seed(seed)
    if Path(clean).exists():
        lines += _worked_clean(clean)
    page = "\n".join(lines).rstrip() + "\n"
    tail = _hand_written(PAGE)
    return page + "\n" + tail if tail else page


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python -m jixiao.checks.docs --write   (writes docs/findings.md, keeping its hand-written tail)")
    page = render()
    Path(PAGE).write_text(page, encoding="utf-8")
