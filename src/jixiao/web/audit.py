"""The audit log: one function to record an event, and the login/logout signal handlers."""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .models import AuditLog


def client_ip(request) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def record(request, action: str, evaluation=None, detail: str = "", user=None) -> None:
    user = user or (request.user if request is not None and request.user.is_authenticated else None)
    AuditLog.objects.create(
        user=user, username=user.get_username() if user else "", action=action,
        evaluation=evaluation, detail=detail[:2000], ip=client_ip(request),
    )


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    record(request, "login", user=user)


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        record(request, "logout", user=user)


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs):
    AuditLog.objects.create(action="login_failed", username=str(credentials.get("username", ""))[:150], ip=client_ip(request))
