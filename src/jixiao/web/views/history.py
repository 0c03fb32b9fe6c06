"""The history of an evaluation: every revision, any two compared, one restored as a new revision."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ..diff import compare
from ..models import Revision
from ..permissions import evaluation_for, require_edit
from ..services import save_revision
from .editor import report_save


def _revision(evaluation, number) -> Revision:
    try:
        return evaluation.revisions.select_related("author").get(number=int(number))
    except (Revision.DoesNotExist, ValueError, TypeError):
        raise Http404("没有这个版本")


PAGE_SIZE = 50


def history(request, pk):
    """Newest first, a page at a time: a busy draft collects hundreds of revisions, and the page must stay fast."""
    evaluation = evaluation_for(request.user, pk)
    revisions = evaluation.revisions.select_related("author").defer("document", "findings")
    page = Paginator(revisions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "web/history.html", {"ev": evaluation, "page": page, "revisions": page.object_list})


def diff(request, pk):
    evaluation = evaluation_for(request.user, pk)
    a = _revision(evaluation, request.GET.get("a"))
    b = _revision(evaluation, request.GET.get("b"))
    return render(request, "web/diff.html", {"ev": evaluation, "a": a, "b": b, "changes": compare(a.document, b.document)})


def revision(request, pk, number):
    evaluation = evaluation_for(request.user, pk)
    rev = _revision(evaluation, number)
    text = json.dumps(rev.document, ensure_ascii=False, indent=2)
    return render(request, "web/revision.html", {"ev": evaluation, "rev": rev, "text": text})


@require_POST
def restore(request, pk, number):
    """Make an old (or conflicting) revision current again, as a new revision: nothing is rewritten."""
    evaluation = evaluation_for(request.user, pk)
    require_edit(request.user, evaluation)
    rev = _revision(evaluation, number)
    saved = save_revision(evaluation, rev.document, request.user, evaluation.version, f"恢复第{rev.number}版", request)
    if saved.conflict:
        report_save(request, saved, evaluation)
    else:
        messages.success(request, f"已将第{rev.number}版的内容恢复为第{saved.revision.number}版。")
    return redirect("edit", pk=pk)
