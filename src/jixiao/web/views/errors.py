"""Friendly Chinese error pages; no stack trace ever reaches a user."""

from django.shortcuts import render


def _page(request, status: int, title: str, text: str):
    return render(request, "web/error.html", {"title": title, "text": text}, status=status)


def bad_request(request, exception=None):
    return _page(request, 400, "请求无效", "提交的内容无法处理，请返回上一页重试。")


def forbidden(request, exception=None):
    reason = str(exception) if exception and str(exception) else "您没有执行此操作的权限。"
    return _page(request, 403, "无权操作", reason)


def not_found(request, exception=None):
    return _page(request, 404, "页面不存在", "没有找到该页面或这份自评，或您无权查看。")


def server_error(request):
    return render(request, "web/error.html", {"title": "系统错误", "text": "系统处理时出错，已记录日志。请稍后重试或联系管理员。"}, status=500)


def csrf_failure(request, reason=""):
    return _page(request, 403, "页面已过期", "表单已过期或来源无效（CSRF 校验失败）。请刷新页面后重新提交。")
