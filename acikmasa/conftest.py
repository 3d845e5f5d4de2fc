import os
import shutil

import pytest
from django.core.servers.basehttp import WSGIServer
from django.db import connection
from django.test.testcases import LiveServerThread
from hypothesis import settings as hypothesis_settings
from hypothesis.internal.conjecture import engine as hypothesis_engine

from acikmasa.common.testing import Town, make_town

# pytest-django's live_server with Playwright's sync API runs Django calls from an event loop
# thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# CI explores the same examples on every run, so that a red build is reproducible and never a dice
# roll; developers keep random exploration (HYPOTHESIS_PROFILE=ci locally reproduces CI).
hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default")
hypothesis_settings.load_profile(PROFILE)
# A failing property on CI shrinks for at most a minute, not Hypothesis' five: the stateful case
# machine replays whole database histories while shrinking, and a build that sits silent for many
# minutes per failure helps nobody. Shrinking stays on (a smaller counterexample is worth having)
# and the example printed is the smallest found in that minute. Hypothesis documents this constant
# as the one to monkeypatch; should it go away, the default cap applies and nothing breaks.
if PROFILE == "ci" and hasattr(hypothesis_engine, "MAX_SHRINKING_SECONDS"):
    hypothesis_engine.MAX_SHRINKING_SECONDS = 60

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


def _postgres_only_elsewhere(item: pytest.Item) -> bool:
    # Concurrent transactions and row locks only mean something on PostgreSQL.
    return bool(item.get_closest_marker("postgres_only")) and connection.vendor != "postgresql"


def pytest_runtest_setup(item: pytest.Item) -> None:
    if _postgres_only_elsewhere(item):
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")


# Where these are set (.ci/run), a skipped test with the marker fails instead: a machine without
# Chromium or with Redis stopped must not turn the build green by quietly running less.
REQUIRED = {"browser": "ACIKMASA_REQUIRE_BROWSER", "redis": "ACIKMASA_REQUIRE_REDIS"}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    if not report.skipped or hasattr(report, "wasxfail") or _postgres_only_elsewhere(item):
        return report
    for marker, variable in REQUIRED.items():
        if item.get_closest_marker(marker) and os.environ.get(variable) == "1":
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
            reason = str(reason).removeprefix("Skipped: ")
            report.outcome = "failed"
            report.longrepr = f"{variable}=1, so this {marker} test must run; it skipped: {reason}"
            break
    return report


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
