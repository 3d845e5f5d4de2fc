"""Desk text search on a big PostgreSQL database: p50 / p95 per kind of query, and the plan used.

    .venv/bin/python bench/desk_search.py --database bench_10m
    .venv/bin/python bench/desk_search.py --database bench_demo --requests 100

Pending migrations are applied first (desk 0002 builds the trigram indexes; their build time
shows in that step) and the database is ANALYZEd. Then, in-process through Django's test Client
(middleware, view, query, template), the search page `/search/?q=...` as the public-relations
manager (the whole municipality) and as directorate staff (one directorate), for words picked
from the data: a rare surname, a common first name, description words that are common, middling
and rare, two words together, the same word in Turkish capitals ("IŞIK") and folded ("isik"),
a word that matches nothing, and a two-letter word (too short for trigrams: a scan).
Also prints each query kind's EXPLAIN (ANALYZE) summary: which index answered.
"""

import argparse
import collections
import re

from desk_pages import prepare, report, setup_django, timed


def pick_words(sample_size: int = 20_000) -> dict[str, str]:
    """Words of known frequency, from a sample of descriptions and the citizens' names."""
    from django.db.models import Count

    from acikmasa.cases.models import Case, Citizen
    from acikmasa.common.turkish import fold

    counts: collections.Counter[str] = collections.Counter()
    for text in Case.objects.order_by("-id").values_list("description", flat=True)[:sample_size]:
        counts.update({w for w in fold(text).split() if len(w) >= 4 and w.isalpha()})
    ranked = counts.most_common()
    share = lambda n: n / sample_size  # noqa: E731
    common = ranked[0][0]
    middling = next((w for w, n in ranked if share(n) <= 0.01), ranked[len(ranked) // 2][0])
    rare = next((w for w, n in reversed(ranked) if n == 1), ranked[-1][0])
    names = (
        Citizen.objects.exclude(last_name="")
        .values("last_name")
        .annotate(n=Count("id"))
        .order_by("n", "last_name")
    )
    rare_surname = names.first()["last_name"]
    first = (
        Citizen.objects.exclude(first_name="")
        .values("first_name")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()["first_name"]
    )
    return {
        "common description word": common,
        "middling description word (≤1 %)": middling,
        "rare description word": rare,
        "least common surname": rare_surname,
        "common first name": first,
        "first name + common word": f"{first} {common}",
        "Turkish capitals": "IŞIK",
        "same, folded": "isik",
        "no match": "zqxwvj",
        "two letters": "ab",
    }


def explain(user, query: str) -> str:
    """Which indexes the search's SQL used and its execution time (EXPLAIN ANALYZE)."""
    from django.db import connection

    from acikmasa.desk import selectors

    captured = []
    with connection.execute_wrapper(
        lambda execute, sql, params, many, context: (
            captured.append((sql, params)) or execute(sql, params, many, context)
        )
    ):
        selectors.case_search(user=user, query=query)
    sql, params = captured[-1]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, COSTS OFF) " + sql, params)
        plan = [row[0] for row in cursor.fetchall()]
    indexes = sorted(
        set(
            re.findall(
                r"(?:Index|Bitmap Index) Scan (?:Backward )?(?:using|on) (\w+)", "\n".join(plan)
            )
        )
    )
    took = next((line for line in plan if line.startswith("Execution Time")), "")
    return f"{', '.join(indexes) or 'no index'}; {took}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", default="bench_demo")
    parser.add_argument(
        "--make", type=int, default=0, help="create the database with N demo cases if missing"
    )
    parser.add_argument("--requests", type=int, default=40, help="requests per query kind and role")
    args = parser.parse_args()
    setup_django(prepare(args.database, args.make))

    from django.db.models import Count
    from django.test import Client

    from acikmasa.cases.models import Case
    from acikmasa.directory.models import Role, StaffProfile

    total = Case.objects.count()
    biggest = (
        Case.objects.values("directorate_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()["directorate_id"]
    )
    staff = (
        StaffProfile.objects.filter(directorates=biggest, role=Role.DIRECTORATE_STAFF)
        .select_related("user")
        .first()
    )
    pr = StaffProfile.objects.filter(role=Role.PR_MANAGER).select_related("user").first()
    words = pick_words()
    print(f"Desk search on {args.database}: {total:,} cases")
    results = []
    for label, profile in (("PR manager", pr), ("directorate staff", staff)):
        client = Client()
        client.force_login(profile.user)
        if (
            profile is pr
        ):  # a floor for this machine right now (as in desk_pages.py): a page that reads no case
            results.append(
                (
                    "calibration: guidance page (no case read), PR manager",
                    timed(client, ["/guidance/"], args.requests),
                )
            )
        for kind, query in words.items():
            from urllib.parse import urlencode

            url = "/search/?" + urlencode({"q": query})
            times = timed(client, [url], args.requests)
            results.append((f"{label}: {kind} ({query})", times))
            print(f"    plan, {label}, {kind}: {explain(profile.user, query)}")
    print()
    for label, times in results:
        report(label, times)
    everything = sorted(t for _, times in results for t in times)
    print(
        f"  all search requests: n={len(everything)}, "
        f"p95 {everything[int(len(everything) * 0.95) - 1]:.1f} ms"
    )


if __name__ == "__main__":
    main()
