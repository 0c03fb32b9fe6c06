"""The reviewer's 复核评分: one score and reason per row (预算执行率 and each indicator), beside the unit's 分值 and 得分.

The rows come from the loaded evaluation (jixiao.model) and the rule set's score card (jixiao.review), so the
分值 a reviewer scores against is the unit's, or the rule set's where the unit gave none.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction

from . import audit
from ..review import Review
from .analysis import analyse
from .models import Evaluation, ReviewScore, Status

EDITABLE_IN = {Status.SUBMITTED}  # a reviewer scores what was submitted; accepted is settled
MAX_REASON = 2000


@dataclass
class ScoreRow:
    path: str  # tasks[0].indicators[2]
    task: str
    level1: str
    level2: str
    name: str
    weight: Decimal | None  # 分值: the unit's, else the rule set's
    unit_score: Decimal | None  # 得分 as the unit declared it
    rule_score: Decimal | None  # what jixiao's rule set gives
    review: ReviewScore | None = None


class ScoreError(Exception):
    """A posted score that cannot be kept; the message says which row and why."""


def score_rows(evaluation: Evaluation, reviewed: Review | None = None) -> list[ScoreRow]:
    """Every indicator row of the current revision, with the reviewer's scores of that revision. `reviewed`: the
    current revision already reviewed by the caller (jixiao.review), so it is not reviewed a second time."""
    rev = evaluation.current
    if rev is None:
        return []
    reviewed = reviewed if reviewed is not None else analyse(rev.document)
    ev, card = reviewed.evaluation, reviewed.scorecard
    if ev is None:
        return []
    stored = {s.path: s for s in ReviewScore.objects.filter(evaluation=evaluation, revision_number=rev.number)
              .select_related("user")}
    rows = []
    # the 预算执行率 row: scored on `finance`, or on the tasks' amounts when the unit gave no finance figures
    execution = (card.item("finance") or card.item("tasks")) if card is not None else None
    if ev.finance is not None or execution is not None:
        f = ev.finance
        declared = f.execution_weight if f is not None else None
        rows.append(ScoreRow(
            path="finance", task="（整体）", level1="", level2="", name="预算执行率",
            weight=declared if declared is not None else (execution.weight if execution else None),
            unit_score=f.execution_score if f is not None else None,
            rule_score=execution.score if execution else None, review=stored.get("finance")))
    for ti, task in enumerate(ev.tasks):
        for ii, ind in enumerate(task.indicators):
            path = f"tasks[{ti}].indicators[{ii}]"
            item = card.item(path) if card is not None else None
            level1 = ind.resolved_level1
            rows.append(ScoreRow(
                path=path, task=task.name, level1=level1.value if level1 is not None else "", level2=ind.level2 or "",
                name=ind.name, weight=ind.weight if ind.weight is not None else (item.weight if item else None),
                unit_score=ind.score, rule_score=item.score if item else None, review=stored.get(path)))
    return rows


def for_render(evaluation: Evaluation, reviewed: Review | None = None) -> dict:
    """The reviewer's scores of the current revision as plain data for the 自评表 (render.ReviewerScore by path),
    each with the 分值 it was scored against. Empty when no row was scored. `reviewed`: as for score_rows."""
    from ..render import ReviewerScore

    rev = evaluation.current
    if rev is None or not ReviewScore.objects.filter(evaluation=evaluation, revision_number=rev.number).exists():
        return {}
    return {r.path: ReviewerScore(r.review.score, r.review.reason, r.weight)
            for r in score_rows(evaluation, reviewed) if r.review}


def totals(rows: list[ScoreRow]) -> dict[str, Decimal | None]:
    """Sums of the rows that have a figure; None when no row has one."""
    def total(values):
        given = [v for v in values if v is not None]
        return sum(given, Decimal(0)) if given else None

    return {"weight": total(r.weight for r in rows), "unit": total(r.unit_score for r in rows),
            "rule": total(r.rule_score for r in rows), "review": total(r.review.score if r.review else None for r in rows)}


def _parse(row: ScoreRow, raw: str, reason: str, number: int) -> Decimal:
    where = f"第{number}行“{row.name or row.path}”"
    try:
        value = Decimal(raw.strip().replace("，", "").replace(",", ""))
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        raise ScoreError(f"{where}：复核评分“{raw[:20]}”不是数字。")
    if value < 0:
        raise ScoreError(f"{where}：复核评分不能为负数。")
    if value != value.quantize(Decimal("0.01")):
        raise ScoreError(f"{where}：复核评分最多保留两位小数。")
    if row.weight is not None and value > row.weight:
        raise ScoreError(f"{where}：复核评分 {value} 超过该指标的分值 {row.weight}。")
    if value >= Decimal("10000"):
        raise ScoreError(f"{where}：复核评分 {value} 过大。")
    if not reason:
        raise ScoreError(f"{where}：请填写复核评分的理由。")
    if len(reason) > MAX_REASON:
        raise ScoreError(f"{where}：理由过长（上限 {MAX_REASON} 字）。")
    return value


def save_scores(evaluation: Evaluation, user, post, request=None) -> int:
    """Keep the posted scores of the current revision (an empty score removes the row's); returns rows changed.

    Everything is checked before anything is written: one bad row keeps none."""
    if evaluation.status not in EDITABLE_IN:
        raise ScoreError(f"这份自评当前为“{evaluation.get_status_display()}”，只有已提交待审核的自评可以复核评分。")
    try:
        posted_version = int(post.get("revision", "-1"))
    except ValueError:
        posted_version = -1
    if posted_version != evaluation.version:
        raise ScoreError("这份自评已有新版本，复核评分未保存：请刷新页面后对当前版本评分。")
    rows = score_rows(evaluation)
    wanted: dict[str, tuple[Decimal, str] | None] = {}
    for number, row in enumerate(rows, 1):
        raw = post.get(f"score.{row.path}")
        if raw is None:
            continue  # not on the form: left as it is
        reason = post.get(f"reason.{row.path}", "").strip()
        wanted[row.path] = _parse(row, raw, reason, number) if raw.strip() else None
        if wanted[row.path] is not None:
            wanted[row.path] = (wanted[row.path], reason)
    changed = []
    by_path = {r.path: r for r in rows}
    with transaction.atomic():
        ev = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
        if ev.status not in EDITABLE_IN or ev.version != evaluation.version:
            raise ScoreError("保存时这份自评的状态或版本已改变，复核评分未保存：请刷新页面。")
        for path, value in wanted.items():
            old = by_path[path].review
            if value is None:
                if old is not None:
                    old.delete()
                    changed.append(f"{path} 清除")
                continue
            score, reason = value
            if old is not None and old.score == score and old.reason == reason:
                continue
            ReviewScore.objects.update_or_create(
                evaluation=ev, revision_number=ev.version, path=path,
                defaults={"score": score, "reason": reason, "user": user})
            changed.append(f"{path} {score}分：{reason}")
    if changed:
        audit.record(request, "review_score", evaluation, f"第{evaluation.version}版：" + "；".join(changed), user=user)
    return len(changed)
