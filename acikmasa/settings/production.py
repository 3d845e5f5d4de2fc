"""Production: everything from the environment; refuse to start half-configured."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, DATABASES, SECRET_KEY, env_bool

if not SECRET_KEY:
    raise ImproperlyConfigured("ACIKMASA_SECRET_KEY must be set in production.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ACIKMASA_ALLOWED_HOSTS must list the site's host names.")
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    raise ImproperlyConfigured("Production runs on PostgreSQL: set DATABASE_URL=postgres://...")

DEBUG = False
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("ACIKMASA_HSTS_SUBDOMAINS")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("ACIKMASA_SSL_REDIRECT", True)
# __Host- cookies: sent only over HTTPS, only to this exact host, never to a sibling subdomain.
SESSION_COOKIE_NAME = "__Host-acikmasa_session"
CSRF_COOKIE_NAME = "__Host-csrftoken"
