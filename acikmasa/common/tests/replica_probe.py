"""Run by test_replica.py in a process of its own, configured like production from the environment:
DATABASE_URL is a throwaway primary, DATABASE_REPLICA_URL its streaming replica. Prints one JSON
line with what each step saw; the test asserts on it.
"""

import json
import os
import time

import django


def _lsn_caught_up(primary, replica) -> bool:
    with primary.cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()")
        target = cursor.fetchone()[0]
    with replica.cursor() as cursor:
        cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [target])
        return bool(cursor.fetchone()[0])


def _wait_replayed(primary, replica, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not _lsn_caught_up(primary, replica):
        if time.monotonic() > deadline:
            raise TimeoutError("the replica did not catch up")
        time.sleep(0.05)


def _csv_rows(client) -> tuple[int, int, int]:
    """Rows of the open-data export, and how many statements each database ran for it."""
    from django.db import connections
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    with (
        CaptureQueriesContext(connections["default"]) as on_primary,
        CaptureQueriesContext(connections["replica"]) as on_replica,
    ):
        response = client.get(reverse("insights:export_csv"))
        body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200, response.status_code
    rows = [line for line in body.decode("utf-8-sig").splitlines()[1:] if line.strip()]
    return len(rows), len(on_primary), len(on_replica)


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "acikmasa.settings.test")
    django.setup()
    from django.db import connections
    from django.test import Client
    from django.urls import reverse

    from acikmasa.cases.tests.helpers import submit
    from acikmasa.common.dbrouting import PIN_COOKIE
    from acikmasa.common.testing import make_town

    primary, replica = connections["default"], connections["replica"]
    town = make_town()
    submit(town, description="Birinci çukur")
    submit(town, description="İkinci çukur")
    _wait_replayed(primary, replica)
    with replica.cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_pause()")  # from here the replica lags on purpose
    late = submit(town, description="Üçüncü çukur, replikada henüz yok")

    client = Client()
    client.force_login(town.users["pr"])
    seen = {}
    seen["insights_on_replica"] = _csv_rows(client)
    desk = client.get(reverse("desk:case", args=[late.pk]))
    seen["desk_case_status"] = desk.status_code
    client.post(
        reverse("insights:dashboard")
    )  # any write-method request pins the user to the primary
    seen["pinned"] = PIN_COOKIE in client.cookies
    seen["insights_pinned"] = _csv_rows(client)
    client.cookies.pop(PIN_COOKIE, None)
    with replica.cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_resume()")
    _wait_replayed(primary, replica)
    seen["insights_caught_up"] = _csv_rows(client)
    with replica.cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery()")
        seen["replica_in_recovery"] = cursor.fetchone()[0]
    print("PROBE " + json.dumps(seen))


if __name__ == "__main__":
    main()
