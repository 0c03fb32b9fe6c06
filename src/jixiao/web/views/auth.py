"""Login and logout (Django's auth; the audit log records both through signals)."""

from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST


class LoginView(auth_views.LoginView):
    template_name = "web/login.html"
    redirect_authenticated_user = True


@require_POST
def logout_view(request):
    logout(request)
    return redirect("login")


def session_status(request):
    """For the editor's script before it saves: is the login still valid, and the current CSRF token.

    A save posted after the session expired would be redirected to the login page and the typed form lost;
    the script asks first and, when the session is gone, keeps the page as it is and asks the user to log in
    again in another tab. Login rotates the CSRF token, so the script takes the new one from here."""
    if not request.user.is_authenticated:
        return JsonResponse({"ok": False}, status=401)
    return JsonResponse({"ok": True, "csrf": get_token(request)})


def relogged(request):
    """Where the extra login tab lands: tells the user to go back to the page with the unsaved form."""
    return render(request, "web/relogged.html")


def locked_out(request, response=None, credentials=None, *args, **kwargs):
    """django-axes' lockout response: a Chinese page saying how long, status 429."""
    from django.conf import settings

    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "web/locked.html", {"minutes": minutes, "limit": settings.AXES_FAILURE_LIMIT}, status=429)
