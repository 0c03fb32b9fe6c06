"""docs/input-format.md, generated from the field table so the two cannot drift apart.

Run `python -m jixiao.load.docs > docs/input-format.md`; tests/test_docs_input.py keeps them in sync.
"""

from __future__ import annotations

import json

from .fields import ROOT, Field, walk
from .fieldtypes import ENUM, LIST

INTRO = """# 输入格式（版本 1）

自评数据用 YAML 或 JSON 书写（也可以用 Excel 模板填写，见 [excel-template.md](excel-template.md)）。
每个字段都有英文键名，也可以用中文名书写：`budget` 与 `全年预算数` 含义相同。
未知字段会被报告（并提示最接近的字段名），不会被静默丢弃。`jixiao schema` 输出 JSON Schema，
可配置到编辑器（如 VS Code 的 YAML 插件）中获得补全与校验。

约定：

- **金额**：数字，单位由顶层 `unit` 决定（默认万元）；也可以在值里写明单位，如 `6883400元`。
  金额按十进制精确保存，不经过浮点数：`91.20` 就是 91.20。
- **百分数**（执行率）：写 `100`、`100%` 或 `95.8%`，都按百分数理解。
- **指标值**（实施周期指标值、年度指标值、实际完成值）：照报告的写法填写即可，例如
  `≥98%`、`98%以上`、`不低于98%`、`≤5天`、`5天以内`、`100%`、`1次`、`1.5万人次`、`三十余场`、
  `达成年度指标`、`部分达成年度指标并具有一定效果`、`是`/`否`、`完成`。
  无法识别的值原样保留，并给出警告 JX-L008。
- **文字或文字列表**：一段文字，或每项一段的列表。
- **是/否**：`是`/`否`、`true`/`false`、`完成`/`未完成`。

## 完整示例

下面是 `examples/liwan-fulian-2023.yaml`（荔湾区妇联 2023 年部门整体支出自评）的结构，节选：

```yaml
jixiao: 1
kind: department          # department（部门整体）| project（项目支出）
year: 2023
unit: 万元
department:
  name: 广州市荔湾区妇女联合会
  functions:
    - 组织引导全区妇女……
finance:
  budget: 688.34          # 全年预算数
  executed: 688.34        # 执行数
  execution_rate: 100%
  by_source: {general_budget: 688.34, government_fund: 0.00, state_capital: 0.00, other: 0.00}
  by_nature: {basic: 581.73, project: 106.61}
  carryover: 0.00
goals:
  - 深化“巾帼心向党”品牌……
tasks:
  - name: 妇联活动及组织建设阵地建设专项经费项目
    budget: 91.20
    executed: 91.20
    execution_rate: 100%
    indicators:
      - {level1: 效益指标, level2: 社会效益指标, name: 案件办结率,
         period_target: 98%以上, target: 100%, actual: 100%, met: 是}
conclusion: [部门整体支出如期实现预期整体目标。]
problems: [绩效指标设定不够精准……]
measures: [加强财务人员的绩效管理培训……]
```

项目支出自评（`kind: project`）结构相同，`tasks` 中只有一项，即项目本身；
完整例子见 `examples/community-library-2024.yaml`。

## 字段
"""


def _example(f: Field) -> str:
    if f.example is None:
        return ""
    value = f.example
    if isinstance(value, bool):
        value = "是" if value else "否"
    return f"`{value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)}`"


def _row(path: str, f: Field) -> str:
    names = "、".join(f"`{z}`" for z in f.zh)
    kind = f.type.zh
    if f.type is ENUM:
        kind += "：" + " / ".join(f.choices)
    required = "必填" if f.required else ""
    return f"| `{path}` | {names} | {kind} | {required} | {f.doc} | {_example(f)} |"


def input_format_markdown() -> str:
    lines = [INTRO]
    # The top-level table lists only top-level keys; each block gets its own table with its nested keys.
    tables = [("顶层", "", [(c.key, c) for c in ROOT.children])]
    for block in (c for c in ROOT.children if c.children):
        prefix = block.key + ("[]" if block.type is LIST else "")
        tables.append((block.label, block.key, list(walk(block, prefix))))
    for title, key, rows in tables:
        lines.append(f"### {title}" + (f"（`{key}`）" if key else "") + "\n")
        lines.append("| 键 | 中文名 | 类型 | 必填 | 说明 | 示例 |")
        lines.append("|---|---|---|---|---|---|")
        lines.extend(_row(path, f) for path, f in rows)
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(input_format_markdown(), end="")
