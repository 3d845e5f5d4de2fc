import os
import shutil

import pytest
from django.core.servers.basehttp import WSGIServer
from django.db import connection
from django.test.testcases import LiveServerThread
from hypothesis import settings as hypothesis_settings

from acikmasa.common.testing import Town, make_town

# pytest-django's live_server with Playwright's sync API runs Django calls from an event loop
# thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# CI explores the same examples on every run, so that a red build is reproducible and never a dice
# roll; developers keep random exploration (HYPOTHESIS_PROFILE=ci locally reproduces CI).
hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
hypothesis_settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default")
)

CHROMIUM = os.environ.get("ACIKMASA_CHROMIUM", "/usr/bin/chromium")


class SerialLiveServer(WSGIServer):
    """The live server answering one request at a time, for SQLite only.

    On SQLite the live server shares the test's in-memory connection, which two threads must never
    use at once; the case page loads several htmx panels in parallel, and the threaded server broke
    that connection ("bad parameter or other API misuse") and with it the session. Responses say
    Connection: close, so the browser never holds the only thread with an idle keep-alive.
    """

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


if connection.vendor == "sqlite":
    LiveServerThread.server_class = SerialLiveServer


def pytest_runtest_setup(item: pytest.Item) -> None:
    from django.db import connection

    # Concurrent transactions and row locks only mean something on PostgreSQL.
    if item.get_closest_marker("postgres_only") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")


@pytest.fixture
def town(db) -> Town:
    return make_town()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Drive Debian's Chromium; never a downloaded browser."""
    if not shutil.which(CHROMIUM):
        pytest.skip(f"browser tests need Chromium at {CHROMIUM} (Debian: apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }
