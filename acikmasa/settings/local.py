"""Development defaults used by `make run`: SQLite, debug on, a fixed insecure key."""

from .base import *  # noqa: F403
from .base import SECRET_KEY as _SECRET_KEY
from .base import env_bool

DEBUG = env_bool("ACIKMASA_DEBUG", True)
SECRET_KEY = _SECRET_KEY or "local-development-only-not-secret"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

# The embedded SQLite database and uploads live in ./var (created on first use).
(BASE_DIR / "var").mkdir(exist_ok=True)  # noqa: F405

# Mail written by the demo (escalations, notices) lands in files instead of flooding the terminal.
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": str(BASE_DIR / "var" / "mail")},  # noqa: F405
    }
}
