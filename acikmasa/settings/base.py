"""Settings shared by every environment; secrets and switches come from the environment."""

import os
from pathlib import Path

from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from .caches import cache_from_url
from .database import database_from_url
from .reactions import (  # noqa: F401 (settings)
    ACIKMASA_CASE_PRIORITY_RESOLVER,
    ACIKMASA_CASE_REACTIONS,
    ACIKMASA_CASE_STANDARD_RESOLVER,
    ACIKMASA_CASE_SUBJECT_RESOLVER,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PACKAGE_DIR = BASE_DIR / "acikmasa"


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in ("1", "true", "yes", "on")


SECRET_KEY = os.environ.get("ACIKMASA_SECRET_KEY", "")
DEBUG = env_bool("ACIKMASA_DEBUG")
ALLOWED_HOSTS = [h for h in os.environ.get("ACIKMASA_ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks_db",
    "acikmasa.common",
    "acikmasa.directory",
    "acikmasa.cases",
    "acikmasa.deadlines",
    "acikmasa.desk",
    "acikmasa.portal",
    "acikmasa.open311",
    "acikmasa.channels",
    "acikmasa.notify",
    "acikmasa.insights",
    "acikmasa.routing",
    "acikmasa.duplicates",
    "acikmasa.jurisdiction",
    "acikmasa.privacy",
    "acikmasa.security",
    # issue 20: the seeds' own units
    "acikmasa.units",
    "acikmasa.homevisits",
    "acikmasa.mobileoffice",
    "acikmasa.prioritycare",
    "acikmasa.disability",
    "acikmasa.careers",
    "acikmasa.socialaid",
    "acikmasa.muhtars",
    "acikmasa.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "acikmasa.security.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before CSRF: size, encoding and rate limits are checked first (a flood of bad tokens counts
    # too).
    "acikmasa.security.middleware.RequestGuardMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "acikmasa.security.middleware.StaffSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "acikmasa.common.dbrouting.ReplicaReadsMiddleware",  # last: it calls the analysis views itself
]

ROOT_URLCONF = "acikmasa.urls"
WSGI_APPLICATION = "acikmasa.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'acikmasa.sqlite3'}"),
        BASE_DIR,
    )
}
# A streaming replica for analysis reads (dashboard, scorecards, exports): docs/deployment.md.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = database_from_url(os.environ["DATABASE_REPLICA_URL"], BASE_DIR)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["acikmasa.common.dbrouting.ReplicaRouter"]
DATABASE_REPLICA_NAMESPACES = ["insights"]
DATABASE_REPLICA_PIN_SECONDS = int(os.environ.get("ACIKMASA_REPLICA_PIN_SECONDS", "30"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "desk:home"
LOGOUT_REDIRECT_URL = "login"

# Turkish first; English complete.
LANGUAGE_CODE = "tr"
LANGUAGES = [("tr", _("Türkçe")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Istanbul"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("ACIKMASA_MEDIA_ROOT", BASE_DIR / "var" / "media"))

# Background work through Django's tasks API; the database worker is the default backend so that
# scale-out is a configuration change (another backend, more `db_worker` processes).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("ACIKMASA_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the cookie-less hx-headers attribute
X_FRAME_OPTIONS = "DENY"

# Security (docs/security.md). One cache for every web process: the database, or Redis by URL.
CACHES = cache_from_url(os.environ.get("ACIKMASA_CACHE_URL", ""))
SESSION_COOKIE_AGE = (
    12 * 3600
)  # a working day; staff are also logged out after ACIKMASA_STAFF_IDLE_MINUTES idle
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "acikmasa.security.views.csrf_failure"
ACIKMASA_STAFF_IDLE_MINUTES = int(os.environ.get("ACIKMASA_STAFF_IDLE_MINUTES", "30"))
ACIKMASA_TRUSTED_PROXIES = int(os.environ.get("ACIKMASA_TRUSTED_PROXIES", "0"))
ACIKMASA_MAX_REQUEST_BYTES = int(os.environ.get("ACIKMASA_MAX_REQUEST_BYTES", 60 * 1024 * 1024))
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Scripts only from our static files (htmx, Leaflet and our own are vendored); the few inline blocks
# carry the request's nonce. Inline style attributes stay allowed: the charts use them, and CSS
# cannot run code. A map tile server's origin goes in ACIKMASA_CSP_IMG_ORIGINS (comma-separated).
_IMG_ORIGINS = [
    o.strip() for o in os.environ.get("ACIKMASA_CSP_IMG_ORIGINS", "").split(",") if o.strip()
]
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:", *_IMG_ORIGINS],
    "connect-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Every record is masked (T.C. Kimlik No, phones, e-mail) before any handler writes it.
    "filters": {"personal_data": {"()": "acikmasa.security.logfilter.PersonalDataFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["personal_data"]},
        "server": {"class": "logging.StreamHandler", "filters": ["personal_data"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("ACIKMASA_LOG_LEVEL", "INFO")},
    # runserver's request lines carry query strings: masked like everything else.
    "loggers": {"django.server": {"handlers": ["server"], "level": "INFO", "propagate": False}},
}

# Attachments: cap each upload; content type is sniffed, never trusted from the client.
ACIKMASA_MAX_ATTACHMENT_BYTES = int(
    os.environ.get("ACIKMASA_MAX_ATTACHMENT_BYTES", 10 * 1024 * 1024)
)

# Outgoing e-mail (Django 6.1 mailers). SMTP from the environment; local development prints mail.
MAILERS = {
    "default": {
        "BACKEND": os.environ.get(
            "ACIKMASA_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
        ),
        "OPTIONS": {
            key: value
            for key, value in {
                "host": os.environ.get("ACIKMASA_SMTP_HOST", "localhost"),
                "port": int(os.environ.get("ACIKMASA_SMTP_PORT", "25")),
                "username": os.environ.get("ACIKMASA_SMTP_USER"),
                "password": os.environ.get("ACIKMASA_SMTP_PASSWORD"),
                "use_tls": env_bool("ACIKMASA_SMTP_TLS"),
                "timeout": 20,
            }.items()
            if value is not None
        },
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("ACIKMASA_FROM_EMAIL", "acikmasa@localhost")

# The open-cases index carries INCLUDE columns so PostgreSQL counts open cases from the index alone;
# SQLite keeps the key columns and ignores the rest, which is what we want there.
SILENCED_SYSTEM_CHECKS = ["models.W040"]
