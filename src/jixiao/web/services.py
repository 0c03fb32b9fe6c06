"""What changes the database: saving a revision (with optimistic locking), workflow steps, comments.

Views call these; these check nothing about the user beyond what the caller passed (see permissions.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from . import audit
from ..review import Review
from ..load import to_document
from .analysis import analyse, load_document, plain
from .models import ACCEPTED_STATUSES, Comment, Evaluation, Kind, Revision, Stage, Transition
from .permissions import EDITABLE, NEEDS_REASON, NOT_FOR_TARGETS, TRANSITIONS, taken_up


@dataclass
class SaveResult:
    revision: Revision
    analysis: Review
    conflict: bool
    # the evaluation left 草稿/退回修改 before the save got the lock (submitted meanwhile): kept, not current
    read_only: str = ""


def _same_name(a: str, b: str) -> bool:
    return "".join(str(a).split()) == "".join(str(b).split())


def identity_problems(doc: dict, evaluation: Evaluation, year_from_record: bool = False) -> list[str]:
    """Where a posted or uploaded document names another department, year or kind than its record.

    The record decides (a 填报人 must not produce another department's report); a differing value is refused,
    an absent one is filled in by fix_identity. `year_from_record`: a published report of an earlier year, used
    as the starting point of this year's draft, may carry its own year."""
    problems = []
    name = (doc.get("department") or {}).get("name") if isinstance(doc.get("department"), dict) else None
    if name and not _same_name(name, evaluation.department.name):
        problems.append(f"文件中的单位名称是“{str(name)[:100]}”，与本自评的单位“{evaluation.department.name}”不同")
    year = doc.get("year")
    if year not in (None, "") and str(year).strip() != str(evaluation.year.year) and not year_from_record:
        problems.append(f"文件的评价年度是 {str(year)[:20]}，本自评是 {evaluation.year.year} 年度")
    kind = doc.get("kind")
    if kind not in (None, "") and str(kind) != evaluation.kind:
        problems.append(f"文件的评价类型是“{Kind(kind).label if kind in Kind.values else str(kind)[:40]}”，"
                        f"本自评是“{evaluation.get_kind_display()}”")
    return problems


def fix_identity(doc: dict, evaluation: Evaluation) -> dict:
    """The department name, kind and year of a document are those of its evaluation row."""
    fixed = dict(doc)
    fixed["jixiao"] = fixed.get("jixiao") or 1
    fixed["kind"] = evaluation.kind
    fixed["year"] = evaluation.year.year
    if evaluation.is_targets:
        fixed["stage"] = Stage.TARGET.value
    else:  # a self-evaluation's document names no stage (the default), as it did before stages existed
        fixed.pop("stage", None)
    dept = dict(fixed.get("department") or {}) if isinstance(fixed.get("department"), dict) else {}
    dept["name"] = evaluation.department.name
    fixed["department"] = dept
    return fixed


def save_revision(evaluation: Evaluation, doc: dict, user, base_number: int, source: str = "网页编辑", request=None) -> SaveResult:
    """Store a new immutable revision. Saved on a stale base, it is kept as a conflict revision, not made current.

    Status and version are read under the same row lock as the write: a save that raced a 提交审核 (or any step
    that made the evaluation read-only) is kept as a conflict revision and never becomes the current version."""
    doc = fix_identity(doc, evaluation)
    result = analyse(doc)  # outside the transaction: scoring must not hold the row lock
    with transaction.atomic():
        ev = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
        read_only = "" if ev.status in EDITABLE else ev.get_status_display()
        conflict = base_number != ev.version or bool(read_only)
        number = ev.revision_count + 1
        rev = Revision.objects.create(
            evaluation=ev, number=number, base_number=base_number, conflict=conflict, document=doc,
            author=user, source=source[:200], score=result.total, grade=result.grade,
            execution_rate=result.execution_rate, errors=result.errors, warnings=result.warnings,
            findings=result.findings_json(),
        )
        fields = {"revision_count": number, "updated_at": timezone.now()}  # update() skips auto_now
        if not conflict:
            fields.update(version=number, current=rev)
        Evaluation.objects.filter(pk=ev.pk).update(**fields)
    audit.record(request, "conflict" if conflict else "save", ev,
                 f"第{number}版（{source}）" + (f"：保存时已是“{read_only}”，未成为当前版本" if read_only else ""), user=user)
    evaluation.refresh_from_db()
    return SaveResult(rev, result, conflict, read_only)


def approved_targets(evaluation: Evaluation) -> Evaluation | None:
    """The approved (批复) 绩效目标表 a self-evaluation starts from: same department, year and kind."""
    if evaluation.is_targets:
        return None
    return (Evaluation.objects.filter(department_id=evaluation.department_id, year_id=evaluation.year_id,
                                      kind=evaluation.kind, stage=Stage.TARGET,
                                      status__in=ACCEPTED_STATUSES, current__isnull=False)
            .select_related("current").first())


def started_from(targets_document: dict) -> dict | None:
    """A 绩效目标表's document as the start of its self-evaluation; None when it does not load."""
    loaded = load_document(targets_document)
    if loaded.evaluation is None:
        return None
    return plain(to_document(loaded.evaluation.started_from_targets()))


def start_from_targets(evaluation: Evaluation, user, request=None) -> SaveResult | None:
    """The first revision of a new self-evaluation: the approved 绩效目标表, each 年度指标值 recorded as 批复指标值
    (jixiao.model Evaluation.started_from_targets). None when there is no approved table, or it does not load."""
    targets = approved_targets(evaluation)
    if targets is None:
        return None
    started = started_from(targets.current.document)
    if started is None:
        return None
    return save_revision(evaluation, started, user, evaluation.version,
                         source=f"批复的绩效目标表（第{targets.version}版）", request=request)


class WorkflowError(Exception):
    """A step that is not possible from the current status; the message is for the user."""


def apply_transition(evaluation: Evaluation, action: str, user, comment: str = "", request=None) -> Transition:
    sources, target, _roles = TRANSITIONS[action]
    if action == "return" and not comment.strip():
        raise WorkflowError("退回修改时请填写退回意见。")
    if action in NEEDS_REASON and not comment.strip():
        raise WorkflowError("撤回时请填写原因，原因会记入流程记录。")
    with transaction.atomic():
        ev = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
        if ev.status not in sources:
            raise WorkflowError(f"当前状态为“{ev.get_status_display()}”，不能执行此操作。")
        if action == "submit" and ev.current_id is None:
            raise WorkflowError("还没有保存任何内容，不能提交。")
        if action in NOT_FOR_TARGETS and ev.is_targets:
            raise WorkflowError("绩效目标表经批复即可，不在信息公开中发布；公开的是年终的绩效自评。")
        if action == "withdraw" and taken_up(ev):
            raise WorkflowError("审核人已开始审核（已写意见），不能撤回提交；如需修改，请联系审核人退回。")
        step = Transition.objects.create(
            evaluation=ev, from_status=ev.status, to_status=target, revision_number=ev.version,
            user=user, comment=comment.strip(),
        )
        Evaluation.objects.filter(pk=ev.pk).update(status=target, updated_at=timezone.now())
    audit.record(request, action, ev, comment.strip(), user=user)
    evaluation.refresh_from_db()
    return step


def add_comment(evaluation: Evaluation, user, path: str, text: str, request=None) -> Comment:
    c = Comment.objects.create(evaluation=evaluation, path=path.strip()[:200], text=text.strip(),
                               revision_number=evaluation.version, user=user)
    audit.record(request, "comment", evaluation, f"{path}: {text}"[:500], user=user)
    return c
