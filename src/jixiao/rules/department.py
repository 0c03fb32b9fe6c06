"""部门整体 reference method: the department's execution, plus each 重点工作任务 scored by the project method
on its own indicators, weighted by its share of the task budgets (or equally). The official Guangzhou
department framework is not confirmed (rules-spec §3.2), so these scores are 参考分."""

from __future__ import annotations

from decimal import Decimal

from ..model import ZERO, Evaluation, Kind, Task
from .execution import execution_item
from .indicators import apportion, score_table
from .policies import overachieve_deductions
from .project import finish
from .ruleset import RuleSet
from .scorecard import ScoreCard, ScoreItem, num, round2


def task_weights(tasks: tuple[Task, ...], rs: RuleSet, notes: list[str]) -> tuple[list[Decimal], str]:
    total = rs.department.tasks_weight
    budgets = [t.budget.yuan() if t.budget is not None else None for t in tasks]
    if rs.department.task_weighting == "budget" and all(b is not None and b > 0 for b in budgets):
        return apportion(total, budgets), "按任务预算占比"
    if rs.department.task_weighting == "budget":
        notes.append("有任务未填预算数（或为 0），各任务改为平分任务分值")
    return apportion(total, [Decimal(1)] * len(tasks)), "各任务平分"


def score_department(ev: Evaluation, rs: RuleSet) -> ScoreCard:
    path, budget, executed, location = ev.funds()
    exe = execution_item(path, budget, executed, rs.weights.execution, rs, location, "部门整体预算执行率")
    items, summands, notes = [exe], [exe], []
    if not ev.tasks:
        notes.append(f"没有重点工作任务，任务部分 {num(rs.department.tasks_weight)} 分不得分")
    else:
        weights, how = task_weights(ev.tasks, rs, notes)
        notes.append("各指标行为任务内得分（按项目支出方法，满分为各一级指标分值之和），"
                     "按任务分值折合后计入总分；总分 = 部门预算执行率得分 + 各任务折合得分")
        for ti, (task, weight) in enumerate(zip(ev.tasks, weights)):
            detail, task_item = _score_task(ti, task, weight, how, rs, notes)
            items += detail + [task_item]
            summands.append(task_item)
    return finish(ev, rs, items, notes, ev.execution_rate(), summands)


def _score_task(ti: int, task: Task, weight: Decimal, how: str, rs: RuleSet,
                notes: list[str]) -> tuple[list[ScoreItem], ScoreItem]:
    indicators = [(f"tasks[{ti}].indicators[{ii}]", ind) for ii, ind in enumerate(task.indicators)]
    table = score_table(indicators, rs)
    detail = table.items + overachieve_deductions(indicators, {i.path: i.score for i in table.items}, rs)
    notes += [f"任务“{task.name}”：{n}" for n in table.notes]
    points = sum((i.score for i in detail), ZERO)
    full = table.full - table.na_weight
    inputs = {"任务分值": num(weight), "任务内得分": num(points), "任务内满分": num(full)}
    prefix = "参考分：" if rs.reference else ""
    if full <= 0:
        explain = f"{prefix}该任务没有可评分的绩效指标，得 0 分（任务分值 {num(weight)}，{how}）"
        return detail, ScoreItem.make(f"tasks[{ti}]", "department.task", task.name, weight, inputs, explain, ZERO, task.location)
    score = min(round2(weight * max(points, ZERO) / full), weight)
    explain = (f"{prefix}本任务 {len(indicators)} 项指标按项目支出方法得 {num(points)} 分（满分 {num(full)}）；"
               f"任务分值 {num(weight)}（{how}，任务部分共 {num(rs.department.tasks_weight)} 分）；"
               f"折合得分 = {num(weight)} × {num(points)} ÷ {num(full)} = {num(score)}")
    return detail, ScoreItem.make(f"tasks[{ti}]", "department.task", task.name, weight, inputs, explain, score, task.location)


def task_forms(ev: Evaluation, rs: RuleSet, card: ScoreCard) -> dict[int, ScoreCard]:
    """The 复核 figures of each task's own 项目支出绩效自评表 in a department, by task index.

    A task's form scores the task alone by the project method with the rule set's parameters: its budget
    execution and its indicators (paths kept as the department's: tasks[i], tasks[i].indicators[j]). Its
    `tasks[i]` item is the task's line on the 部门整体 form: the task's weighted share where the rule set weights
    tasks (the reference method), else the points its indicators carry in the department's one table.
    """
    from .project import score_project  # the project method, applied to one task

    project_rs = rs.model_copy(update={"method": "project", "kind": "project", "note": "", "reference": False})
    forms = {}
    for i, task in enumerate(ev.tasks):
        alone = ev.model_copy(update={"kind": Kind.PROJECT, "finance": None, "tasks": (task,)})
        own = score_project(alone, project_rs)
        items = [_task_line(card, i, task)] + [_moved(item, i) for item in own.items if item.path != "total"]
        forms[i] = ScoreCard.model_construct(**{**dict(own), "items": tuple(items)})
    return forms


def _moved(item: ScoreItem, index: int) -> ScoreItem:
    """An item of a task scored alone, at the task's place in the department (tasks → tasks[i])."""
    path = f"tasks[{index}].execution" if item.path in ("tasks", "finance") else item.path.replace("tasks[0]", f"tasks[{index}]", 1)
    return item.at(path)


def _task_line(card: ScoreCard, index: int, task: Task) -> ScoreItem:
    own = card.item(f"tasks[{index}]")
    if own is not None:
        return own
    mine = [item for item in card.items if item.path.startswith(f"tasks[{index}].indicators[")]
    first_per_path = {item.path: item for item in reversed(mine)}
    weight = sum((item.weight for item in first_per_path.values() if item.weight is not None), ZERO)
    points = sum((item.score for item in mine), ZERO)
    return ScoreItem.make(f"tasks[{index}]", "department.task_subtotal", task.name, weight,
                          {"指标分值合计": num(weight), "指标得分合计": num(points)},
                          f"本任务各指标在部门指标表中的分值合计 {num(weight)}、得分合计 {num(points)}", points,
                          task.location)
