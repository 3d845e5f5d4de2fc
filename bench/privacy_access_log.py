"""What the KVKK access log costs the desk's case page: the same pages with and without its INSERT.

    .venv/bin/python bench/privacy_access_log.py --database bench_privacy --make 20000 --requests
    300

Uses desk_pages.py's database preparation. The case page of random cases of the busiest directorate
is requested as its staff, alternating blocks of 25 requests with the access log on and switched off
(the view's `access_record` replaced by a no-op), so load changes on the shared machine hit both
sides alike. Prints p50/p95 for each and the rows the log gained.
"""

import argparse
import os
import random

from desk_pages import prepare, report, setup_django, timed


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", default="bench_privacy")
    parser.add_argument("--make", type=int, default=0)
    parser.add_argument("--requests", type=int, default=300, help="requests per side")
    args = parser.parse_args()
    setup_django(prepare(args.database, args.make))

    from django.db.models import Count
    from django.test import Client

    import acikmasa.desk.views.case as case_view
    from acikmasa.cases.lifecycle import OPEN_STATUSES
    from acikmasa.cases.models import Case
    from acikmasa.directory.models import Role, StaffProfile
    from acikmasa.privacy.models import AccessLog

    busiest = (
        Case.objects.filter(status__in=OPEN_STATUSES)
        .values("directorate_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    staff = (
        StaffProfile.objects.filter(
            directorates=busiest["directorate_id"], role=Role.DIRECTORATE_STAFF
        )
        .select_related("user")
        .first()
    )
    client = Client()
    client.force_login(staff.user)
    ids = list(
        Case.objects.filter(directorate_id=busiest["directorate_id"])
        .exclude(citizen=None)
        .values_list("id", flat=True)
        .order_by("?")[: args.requests]
    )
    random.Random(1).shuffle(ids)
    urls = [f"/cases/{i}/" for i in ids]
    logging_on, original = case_view.access_record, case_view.access_record
    on, off, before = [], [], AccessLog.objects.count()
    for block in range(0, args.requests, 25):
        chunk = urls[block % len(urls) : block % len(urls) + 25] or urls[:25]
        case_view.access_record = logging_on
        on += timed(client, chunk, len(chunk))
        case_view.access_record = lambda **kwargs: None
        off += timed(client, chunk, len(chunk))
    case_view.access_record = original
    print(
        f"Case page on {args.database}: {Case.objects.count():,} "
        f"cases, {AccessLog.objects.count():,} access-log rows"
    )
    report("case page, staff, access log ON", on)
    report("case page, staff, access log OFF", off)
    print(
        "  access-log rows written by the measured ON "
        f"requests: {AccessLog.objects.count() - before}"
    )
    insert_times(staff.user, ids)
    print(
        f"  load average during the run: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
        f"on {os.cpu_count()} CPUs"
    )


def insert_times(user, case_ids: list[int], n: int = 1000) -> None:
    """The write alone, as the case page does it: one INSERT in autocommit (one round trip)."""
    import time

    from acikmasa.cases.models import Case
    from acikmasa.privacy.models import AccessAction
    from acikmasa.privacy.services.access import access_record

    rows = list(
        Case.objects.filter(pk__in=case_ids).values_list("pk", "citizen_id", "municipality_id")
    )
    times = []
    for i in range(n):
        case_id, citizen_id, municipality_id = rows[i % len(rows)]
        started = time.perf_counter()
        access_record(
            user=user,
            municipality_id=municipality_id,
            action=AccessAction.CASE_VIEWED,
            citizen_id=citizen_id,
            case_id=case_id,
        )
        times.append((time.perf_counter() - started) * 1000)
    report("access_record alone (one INSERT, autocommit)", times)


if __name__ == "__main__":
    main()
