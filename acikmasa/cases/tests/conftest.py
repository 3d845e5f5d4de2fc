import pytest
from django.db import connection


def pytest_runtest_setup(item: pytest.Item) -> None:
    # Row locks and concurrent transactions only mean something on PostgreSQL.
    if item.get_closest_marker("postgres_only") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")
