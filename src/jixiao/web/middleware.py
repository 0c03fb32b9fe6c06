"""Authentication on every page except the login page and static files; the Content-Security-Policy header."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.views import redirect_to_login

# /session/ answers 401 itself; /public/ is 信息公开 (published evaluations only, views/public.py)
OPEN_PREFIXES = ("/login/", "/static/", "/healthz", "/session/", "/public/")


class LoginRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.user.is_authenticated and not request.path.startswith(OPEN_PREFIXES):
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        return self.get_response(request)


class ContentSecurityPolicyMiddleware:
    """Send settings.CONTENT_SECURITY_POLICY on every response (all assets are local, none inline)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = getattr(settings, "CONTENT_SECURITY_POLICY", "")

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.setdefault("Content-Security-Policy", self.policy)
        return response
