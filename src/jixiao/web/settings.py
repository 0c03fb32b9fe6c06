"""Django settings. Everything that differs between a laptop and production comes from the environment.

JIXIAO_DATA_DIR       where the SQLite file and the secret key live (default ./var)
JIXIAO_DATABASE_URL   e.g. postgresql://user@host:5432/jixiao; default is SQLite in the data dir
JIXIAO_SECRET_KEY     default: generated once and kept in the data dir
JIXIAO_DEBUG          1 shows Django's debug pages (never in production)
JIXIAO_ALLOWED_HOSTS  comma-separated host names (default: all, for a bureau's intranet behind a proxy)
JIXIAO_LOGIN_FAILURES / JIXIAO_LOCKOUT_MINUTES   login throttling (django-axes): failures per account and
                      address before a lock, and how long the lock lasts (default 5 and 15)
JIXIAO_CLIENT_IP_HEADER   behind a reverse proxy: the header that carries the client's address (e.g. X-Real-IP)
JIXIAO_HTTPS          1: the site is served over HTTPS — Secure cookies, HSTS, redirect to https (docs/deploy.md)
JIXIAO_RULESETS_DIR   rule sets an administrator installed, as <name>.yaml (read by jixiao.rules)
JIXIAO_SMTP_HOST / _PORT / _USER / _PASSWORD / _TLS, JIXIAO_MAIL_FROM   催报 also by e-mail (optional)
JIXIAO_ATTACHMENTS_DIR  佐证材料 files (default <data dir>/attachments); shared by every instance
JIXIAO_RESULT_USE     the bureau's own 结果应用 rules (a YAML file like jixiao/rules/result_use.yaml)
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("JIXIAO_DATA_DIR", "var")).resolve()


def _secret_key() -> str:
    if os.environ.get("JIXIAO_SECRET_KEY"):
        return os.environ["JIXIAO_SECRET_KEY"]
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        key_file.chmod(0o600)
    return key_file.read_text(encoding="utf-8").strip()


def _database() -> dict:
    url = os.environ.get("JIXIAO_DATABASE_URL")
    if url:
        return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(DATA_DIR / "jixiao.sqlite3"),
        # IMMEDIATE: a writing transaction takes the lock at BEGIN, so concurrent saves queue instead of failing.
        "OPTIONS": {"timeout": 30, "transaction_mode": "IMMEDIATE"},
    }


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("JIXIAO_DEBUG") == "1"
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("JIXIAO_ALLOWED_HOSTS", "*").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("JIXIAO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "jixiao.web.apps.WebConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "jixiao.web.middleware.LoginRequiredMiddleware",
    "jixiao.web.middleware.ContentSecurityPolicyMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into the Chinese lockout page
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked account+address before the password is checked
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "jixiao.web.urls"
WSGI_APPLICATION = "jixiao.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "jixiao.web.permissions.role_context",
            ],
        },
    },
]

DATABASES = {"default": _database()}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns when it is missing
WHITENOISE_USE_FINDERS = True  # serve the app's own static files without collectstatic
WHITENOISE_AUTOREFRESH = DEBUG

LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/login/"
SESSION_COOKIE_AGE = 8 * 3600  # a working day; Django's default is two weeks
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # the editor script reads no cookie; the form carries the token
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

# 佐证材料 files (web/attachments.py), under generated names; instances behind one proxy must share this folder.
ATTACHMENTS_DIR = Path(os.environ.get("JIXIAO_ATTACHMENTS_DIR", "") or DATA_DIR / "attachments").resolve()
RESULT_USE_FILE = os.environ.get("JIXIAO_RESULT_USE", "")  # set by the administrator; empty: the shipped rules

# 催报 by e-mail as well, when an SMTP server is set (JIXIAO_SMTP_HOST); otherwise reminders are in the app only.
EMAIL_HOST = os.environ.get("JIXIAO_SMTP_HOST", "").strip()
EMAIL_PORT = int(os.environ.get("JIXIAO_SMTP_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("JIXIAO_SMTP_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("JIXIAO_SMTP_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("JIXIAO_SMTP_TLS") == "1"  # STARTTLS
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("JIXIAO_MAIL_FROM", "jixiao@localhost")
EMAIL_BACKEND = ("django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST
                 else "django.core.mail.backends.dummy.EmailBackend")
JIXIAO_MAIL_REMINDERS = bool(EMAIL_HOST)

# Uploads: the app reads at most this much of a request body and of one file (see views/upload.py).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The editor posts every field: about 11 per indicator and 10 per task, so the largest document web/limits.py
# accepts (100 tasks, 1000 indicators) posts some 12,000 fields; a post above this is refused by Django.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20000

# Messages ride in a signed cookie (falling back to the session when long): no session write per save.
MESSAGE_STORAGE = "django.contrib.messages.storage.fallback.FallbackStorage"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR"},
        # waitress warns "Task queue depth is N" for every request that waits for a thread: under load that is
        # one line per request and buries real errors; a busy server shows in response times instead.
        "waitress.queue": {"level": "ERROR"},
    },
}
CSRF_FAILURE_VIEW = "jixiao.web.views.errors.csrf_failure"

# Login throttling (django-axes): a lock per account *and* address, so that someone guessing one account's
# password neither gets through nor locks its owner out from another machine. Every lock is in the audit log.
AXES_FAILURE_LIMIT = int(os.environ.get("JIXIAO_LOGIN_FAILURES", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("JIXIAO_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "jixiao.web.views.auth.locked_out"
AXES_CLIENT_IP_CALLABLE = "jixiao.web.audit.client_ip"
AXES_VERBOSE = False
JIXIAO_CLIENT_IP_HEADER = os.environ.get("JIXIAO_CLIENT_IP_HEADER", "").strip()

# HTTPS deployments (JIXIAO_HTTPS=1, behind a proxy that terminates TLS and sets X-Forwarded-Proto).
HTTPS = os.environ.get("JIXIAO_HTTPS") == "1"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("JIXIAO_HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = False  # a bureau's other intranet hosts may still be plain HTTP
SECURE_SSL_REDIRECT = HTTPS and os.environ.get("JIXIAO_SSL_REDIRECT", "1") == "1"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_REFERRER_POLICY = "same-origin"
# Every asset is served by the app itself (no CDN, no inline script or style): the policy allows nothing else.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                           "form-action 'self'; frame-ancestors 'none'")
