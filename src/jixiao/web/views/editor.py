"""The editor: every field of the input format, the indicator table, findings and comments next to fields.

GET shows the current revision; POST saves a new revision based on the version the form was loaded from.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render

from .. import forms, rectification, tasks
from ...load.paths import describe
from ..limits import TooLarge, check_document
from ..models import Comment, Status
from ..attachments import ALLOWED as ATTACHMENT_TYPES
from ..permissions import (
    action_label, allowed_actions, can_delete_attachment, can_edit, evaluation_for, is_bureau, require_edit,
)
from ..review_scores import EDITABLE_IN as SCORABLE, score_rows, totals
from ..analysis import load_document
from ..services import approved_targets, identity_problems, save_revision


# the text box each step shows: a reason where the step needs one (the service refuses it empty)
REASONS = {"return": "退回意见（必填）", "accept": "审核意见（可选）", "withdraw": "撤回原因（可选）",
           "unaccept": "撤回审核通过的原因（必填）", "unpublish": "撤回公开的原因（必填）"}


def report_save(request, saved, evaluation, rectification_warnings: int = 0) -> None:
    """Tell the user what became of a save: the new current version, a conflict, or kept but not current.
    `rectification_warnings`: the 整改 warnings shown beside the revision's own (computed live, not stored)."""
    number = saved.revision.number
    if saved.read_only:
        messages.error(request, (
            f"保存时这份自评已是“{saved.read_only}”，只读：您的修改没有成为当前版本，已另存为第{number}版（未生效），"
            "可在“历史版本”中查看。"))
    elif saved.conflict:
        messages.error(request, (
            f"保存冲突：在您编辑期间，其他人已保存了第{evaluation.version}版。您的修改没有覆盖它，"
            f"已另存为第{number}版（冲突版本）。请在“历史版本”中比较两版后再合并。"))
    else:
        extra = f"（含整改 {rectification_warnings} 条）" if rectification_warnings else ""
        messages.success(request, f"已保存为第{number}版：错误 {saved.revision.errors} 条，"
                                  f"警告 {saved.revision.warnings + rectification_warnings} 条{extra}。")


def _attach_notes(all_widgets, findings: list[dict], comments) -> list:
    """Put each finding and comment next to the field its path names; return those that matched no field."""
    by_name = {w.name: w for w in all_widgets}
    unplaced = []
    for note in [dict(f, type="finding") for f in findings] + [{"type": "comment", "obj": c, "path": c.path} for c in comments]:
        path = note.get("path") or ""
        target = by_name.get(path) or next((w for n, w in by_name.items() if path.startswith(n + "[")), None)
        (target.notes if target else unplaced).append(note)
    return unplaced


def _open_items(evaluation) -> list:
    """The department's 整改 items of earlier years not done; a 绩效目标表 is declared before the year: none."""
    if evaluation.is_targets:
        return []
    return list(rectification.open_before(evaluation.department_id, evaluation.year.year))


def _warnings(findings: list[dict]) -> int:
    return sum(f.get("severity") == "warning" for f in findings)


def _rectification_warnings(evaluation, saved) -> int:
    """The 整改 warnings a just-saved document gets beside the stored ones, for the save's message (on the
    evaluation the save already loaded)."""
    items = _open_items(evaluation)
    return _warnings(rectification.findings_for(saved.analysis.evaluation, items)) if items else 0


def _mark_adjusted(blocks, loaded) -> None:
    """调整 on the rows whose target differs from the approved one, as the model decides it."""
    if loaded is None or len(loaded.tasks) != len(blocks):
        return
    for block, task in zip(blocks, loaded.tasks):
        if len(task.indicators) == len(block.indicators):
            for row, ind in zip(block.indicators, task.indicators):
                row.adjusted = ind.target_adjusted


def _context(request, evaluation, document: dict, findings: list[dict]):
    open_items = _open_items(evaluation)
    checked_items = open_items if evaluation.current else []  # an empty draft has nothing to check yet
    adjustments = forms.has_adjustments(document)
    # the document as the model, loaded once for what the page computes from it (only when something needs it)
    loaded = load_document(document).evaluation if checked_items or adjustments else None
    # the 整改 findings are computed now, not stored: an item marked done leaves them without a new save
    live = rectification.findings_for(loaded, checked_items)
    findings = [dict(f, where=describe(f.get("path") or "", document)) for f in [*findings, *live]]
    top = forms.widgets(forms.ROOT, document)
    blocks = forms.task_blocks(document)
    if adjustments:
        _mark_adjusted(blocks, loaded)
    every = top + [w for b in blocks for w in b.widgets + [x for r in b.indicators for x in r.widgets]]
    comments = Comment.objects.filter(evaluation=evaluation).select_related("user")
    transitions = list(evaluation.transitions.select_related("user"))
    unplaced = _attach_notes(every, findings, comments)
    scoring = is_bureau(request.user) and evaluation.status in SCORABLE
    # the card appears while reviewing, or once there are scores; building its rows scores the document, so only then
    scored = evaluation.review_scores.filter(revision_number=evaluation.version).exists()
    rows = score_rows(evaluation) if scoring or scored else []
    files = list(evaluation.attachments.select_related("uploaded_by"))
    return {
        "task": tasks.for_evaluation(evaluation),
        "targets": approved_targets(evaluation),
        "open_rectifications": open_items,
        "rectification_warnings": _warnings(live),
        "attachments": [(a, can_delete_attachment(request.user, evaluation, a)) for a in files],
        "attachment_types": ATTACHMENT_TYPES,
        "score_rows": rows,
        "score_totals": totals(rows) if rows else None,
        "scoring": scoring,
        "ev": evaluation,
        "rev": evaluation.current,
        "top": top,
        "tasks": blocks,
        "blank_task": forms.blank_task(),
        "blank_indicator": forms.blank_indicator(),
        "columns": forms.INDICATOR_COLUMNS,
        "adjustments": adjustments,
        "findings": findings,
        "unplaced": unplaced,
        "editable": can_edit(request.user, evaluation),
        "actions": [(a, action_label(evaluation, a), REASONS.get(a, "")) for a in allowed_actions(request.user, evaluation)],
        "transitions": transitions,
        "returned": next((t for t in reversed(transitions) if t.to_status == Status.RETURNED), None)
        if evaluation.status == Status.RETURNED else None,
        "field_paths": [(w.name, describe(w.name, document)) for w in every],
    }


def edit(request, pk):
    evaluation = evaluation_for(request.user, pk)
    if request.method == "POST":
        require_edit(request.user, evaluation)
        try:
            base = int(request.POST.get("base_version", "-1"))
        except ValueError:
            base = -1
        document = forms.document_from_post(request.POST)
        problems = identity_problems(document, evaluation)
        if problems:  # only a hand-made post: the form shows the name read-only
            messages.error(request, "未保存：" + "；".join(problems) + "。单位、年度和类型以系统中的记录为准。")
            return redirect("edit", pk=evaluation.pk)
        try:
            check_document(document)  # what is saved must stay editable and quick to score
        except TooLarge as exc:
            messages.error(request, f"未保存：{exc}")
            return redirect("edit", pk=evaluation.pk)
        saved = save_revision(evaluation, document, request.user, base, request=request)
        report_save(request, saved, evaluation, _rectification_warnings(evaluation, saved))
        return redirect("edit", pk=evaluation.pk)
    rev = evaluation.current
    document = rev.document if rev else {"department": {"name": evaluation.department.name}}
    return render(request, "web/editor.html", _context(request, evaluation, document, rev.findings if rev else []))
