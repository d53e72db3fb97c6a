"""Benchmark of the jury pages: one review process with 200 items × 7 jurors × 6 criteria, fully scored.

    .venv/bin/python benchmarks/bench_ranking.py                 # SQLite
    .venv/bin/python benchmarks/bench_ranking.py --postgres      # PostgreSQL (educities_bench_ranking)
    .venv/bin/python benchmarks/bench_ranking.py --items 50 --requests 10   # a quick run
    .venv/bin/python benchmarks/bench_ranking.py --bulk-scores   # scores written with bulk_create

A worker process builds a fresh database (SQLite under /tmp, or the PostgreSQL database
``educities_bench_ranking``, dropped and created again) and the jury through the domain functions:
``process_create`` (6 weighted criteria), 200 proposing cities in 12 countries (bulk-created: the member
registry is not what is measured), ``item_add`` for each (its subject is the city), ``reviewer_add`` for 7
jurors (3 from a city, so they are conflicted with the items of their city and country, 4 independent
experts), ``assignments_bulk`` (every juror on every item they are not conflicted with), ``review_save``
for every assignment (or, with ``--bulk-scores``, reviews and scores bulk-created with the totals the
domain computes), then ``process_phase_change`` to the deliberation.

It then requests each page with ``django.test.Client`` (the whole Django stack in process, no network;
staff MFA off, as on a demo): 3 warm-up requests, then ``--requests`` timed ones, and once more with
``CaptureQueriesContext`` to count queries. The results replace this script's section of
``benchmarks/RESULTS.md`` and keep the rest of the file.
"""

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from results_file import (  # benchmarks/ is on sys.path when a script runs
    machine_describe,
    results_write_section,
)

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/educities_bench_ranking"
SQLITE_DIR = Path("/tmp/educities-bench-ranking")  # noqa: S108 - a scratch directory is the point
SEED = 20261125
COUNTRIES = ["ES", "FR", "PT", "BR", "AR", "MX", "IT", "KR", "CO", "BE", "DE", "FI"]
CRITERIA = [
    ("Relevance", "1"),
    ("Impact", "1.5"),
    ("Scope", "1"),
    ("Local government involvement", "1"),
    ("Participation of civil society", "1"),
    ("Innovation and transferability", "2"),
]

# (label, path, who, requests option): "{process}" is the process id; who is "staff" or "juror" (one with
# conflicts of interest); the management page has its own (smaller) number of requests.
SCENARIOS = [
    ("Ranking, Secretariat", "/en/jury/{process}/ranking/", "staff", "requests"),
    ("Ranking, juror with conflicts", "/en/jury/{process}/ranking/", "juror", "requests"),
    ("Juror dashboard", "/en/jury/{process}/", "juror", "requests"),
    ("Management page, Secretariat", "/en/jury/{process}/manage/", "staff", "manage_requests"),
]


# --- parent process ------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--jurors", type=int, default=7)
    parser.add_argument("--requests", type=int, default=50, help="timed requests per page")
    parser.add_argument(
        "--manage-requests", type=int, default=5, help="timed requests of the management page"
    )
    parser.add_argument("--postgres", action="store_true", help=f"use {POSTGRES_URL}")
    parser.add_argument("--bulk-scores", action="store_true", help="bulk_create the scores (faster set-up)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--result-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        run_worker(args)
        return

    started = time.monotonic()
    print(
        f"=== {args.items} items × {args.jurors} jurors × {len(CRITERIA)} criteria "
        f"({'PostgreSQL' if args.postgres else 'SQLite'}) ===",
        flush=True,
    )
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        result_file = Path(handle.name)
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        "--items",
        str(args.items),
        "--jurors",
        str(args.jurors),
        "--requests",
        str(args.requests),
        "--manage-requests",
        str(args.manage_requests),
        "--result-file",
        str(result_file),
        *(["--postgres"] if args.postgres else []),
        *(["--bulk-scores"] if args.bulk_scores else []),
    ]
    subprocess.run(command, check=True, cwd=ROOT)  # noqa: S603 - our own script, fixed arguments
    run = json.loads(result_file.read_text())
    result_file.unlink()
    section = markdown(run, requests=args.requests, postgres=args.postgres)
    results_write_section(
        args.output, section, script="bench_ranking", key="postgres" if args.postgres else "sqlite"
    )
    print(section)
    print(f"Written to {args.output} in {time.monotonic() - started:.0f} s.")


def markdown(run: dict, *, requests: int, postgres: bool) -> str:
    machine = run["machine"]
    data = run["data"]
    lines = [
        f"## Jury pages (review engine) — {'PostgreSQL' if postgres else 'SQLite'}",
        "",
        (
            f"Measured {machine['date']} by `benchmarks/bench_ranking.py` on {machine['cpus']} CPU(s) "
            f"({machine['platform']}), Python {machine['python']}, Django {machine['django']}, "
            f"{machine['database']}{' (persistent connections)' if postgres else ''}. "
            f"One process in deliberation: {data['items']} items × {data['jurors']} jurors × "
            f"{data['criteria']} criteria, {data['reviews']:,} reviews and {data['scores']:,} scores "
            f"({data['conflicts']} conflicts of interest, so {data['assignments']:,} assignments). "
            f"Server time is the whole Django stack in process (`django.test.Client`, no network), "
            f"{requests} requests per page after 3 warm-up requests ({run['manage_requests']} after 1 for "
            f"the management page); queries counted on one more request. Load average when the requests "
            f"started: {run['load']} (other work shared the machine)."
        ),
        "",
        "| page | status | rows | p50 ms | p95 ms | mean ms | queries/request | KB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines.extend(
        f"| {row['label']} (`{row['path']}`) | {row['status']} | {row['rows']} | {row['p50']:.1f} | "
        f"{row['p95']:.1f} | {row['mean']:.1f} | {row['queries']} | {row['kb']:.0f} |"
        for row in run["rows"]
    )
    lines.append("")
    build = data["build_seconds"]
    lines.append(
        "Set-up through the domain functions: "
        + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in build.items())
        + (
            " (scores bulk-created with the totals `review_total` computes, `--bulk-scores`)."
            if data["bulk_scores"]
            else f" (`review_save` for each of the {data['reviews']:,} reviews)."
        )
    )
    return "\n".join(lines) + "\n"


# --- worker process: one fresh database ----------------------------------------------------


def configure(*, postgres: bool) -> None:
    shutil.rmtree(SQLITE_DIR, ignore_errors=True)
    (SQLITE_DIR / "static").mkdir(parents=True)  # whitenoise warns when STATIC_ROOT is missing
    os.environ["EDUCITIES_VAR_DIR"] = str(SQLITE_DIR)
    os.environ["EDUCITIES_DEBUG"] = "0"
    os.environ.setdefault("EDUCITIES_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
    os.environ["EDUCITIES_STAFF_MFA_REQUIRED"] = "0"
    os.environ["EDUCITIES_EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    if postgres:
        os.environ["DATABASE_URL"] = POSTGRES_URL
        # Persistent connections, as production runs PostgreSQL; otherwise each request pays a connect.
        os.environ.setdefault("EDUCITIES_DB_CONN_MAX_AGE", "60")
        recreate_postgres_database(POSTGRES_URL)
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "educities.settings"
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()


def recreate_postgres_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    print(f"PostgreSQL database {name} created.", flush=True)


def run_worker(args) -> None:
    configure(postgres=args.postgres)
    from django.core.management import call_command
    from django.db import connection

    timings: dict[str, float] = {}
    started = time.monotonic()
    print("Migrating…", flush=True)
    call_command("migrate", verbosity=0)
    timings["migrate"] = time.monotonic() - started
    world = build(items=args.items, jurors=args.jurors, bulk_scores=args.bulk_scores, timings=timings)
    result = {
        "machine": machine_describe(connection),
        "data": {**world["data"], "build_seconds": timings, "bulk_scores": args.bulk_scores},
        "load": " / ".join(f"{value:.1f}" for value in os.getloadavg()),
        "manage_requests": args.manage_requests,
        "rows": measure(world, requests={"requests": args.requests, "manage_requests": args.manage_requests}),
    }
    args.result_file.write_text(json.dumps(result))


def _step(timings: dict, name: str, started: float) -> float:
    now = time.monotonic()
    timings[name] = now - started
    print(f"  {name}: {timings[name]:.1f} s", flush=True)
    return now


def build(*, items: int, jurors: int, bulk_scores: bool, timings: dict) -> dict:
    from educities.accounts.models import User
    from educities.members.enums import IncomeGroup, MembershipStatus, WorldRegion
    from educities.members.models import City, Country
    from educities.reviews.domain.items import item_add
    from educities.reviews.domain.jury import assignments_bulk, reviewer_add
    from educities.reviews.domain.processes import CriterionSpec, process_create, process_phase_change
    from educities.reviews.models import Assignment, Conflict, Review, Score

    rng = random.Random(SEED)
    started = time.monotonic()
    staff = User.objects.create_user("bench-staff@example.org", "bench", is_staff=True)
    process = process_create(
        name="Educating City Award — benchmark",
        criteria=[CriterionSpec(name=name, description="", weight=Decimal(w)) for name, w in CRITERIA],
        reviewers_per_item=3,
        actor=staff,
    )
    countries = [
        Country.objects.create(code=code, income_group=IncomeGroup.IV, region=WorldRegion.EUROPE)
        for code in COUNTRIES
    ]
    City.objects.bulk_create(
        [
            City(
                name=f"Bench city {n:03d}",
                slug=f"bench-city-{n:03d}",
                country=countries[n % len(countries)],
                region="Benchmark",
                latitude=0,
                longitude=0,
                population=100_000 + n,
                membership_status=MembershipStatus.MEMBER,
            )
            for n in range(items)
        ]
    )
    cities = list(City.objects.filter(region="Benchmark").order_by("slug"))
    started = _step(timings, "process and cities", started)
    item_list = [
        item_add(
            process=process, subject=city, title=f"Application {n:03d}: {city.name}", city=city, actor=staff
        )
        for n, city in enumerate(cities)
    ]
    started = _step(timings, f"{items} × item_add", started)
    reviewers = []
    for n in range(jurors):
        user = User.objects.create_user(f"bench-juror-{n}@example.org", "bench", first_name=f"Juror {n}")
        city = cities[n * 7] if n < 3 else None  # three jurors from a city, four independent experts
        reviewers.append(
            reviewer_add(process=process, user=user, city=city, organisation=f"Org {n}", actor=staff)
        )
    started = _step(timings, f"{jurors} × reviewer_add", started)
    assignments_bulk(process=process, reviewers=reviewers, items=item_list, actor=staff)
    started = _step(timings, "assignments_bulk", started)
    process = process_phase_change(process=process, step="open_scoring", actor=staff)
    criteria = list(process.criteria.order_by("position"))
    pairs = list(
        Assignment.objects.filter(item__process=process)
        .select_related("reviewer__user", "item")
        .order_by("pk")
    )
    values = {
        (a.reviewer_id, a.item_id): {
            c.pk: Decimal(rng.randint(process.scale_min, process.scale_max)) for c in criteria
        }
        for a in pairs
    }
    if bulk_scores:
        _scores_bulk(process=process, pairs=pairs, values=values, criteria=criteria)
    else:
        from educities.reviews.domain.scoring import ScoreInput, review_save

        for n, assignment in enumerate(pairs, start=1):
            scores = {
                cid: ScoreInput(value=value)
                for cid, value in values[(assignment.reviewer_id, assignment.item_id)].items()
            }
            assignment.item.process = process
            review_save(
                item=assignment.item,
                actor=assignment.reviewer.user,
                scores=scores,
                comment="",
                version=0,
                complete=True,
            )
            if n % 200 == 0:
                print(f"    … {n:,} of {len(pairs):,} reviews", flush=True)
    started = _step(
        timings, f"{len(pairs):,} reviews" + (" (bulk)" if bulk_scores else " × review_save"), started
    )
    process = process_phase_change(process=process, step="deliberate", actor=staff)
    _step(timings, "deliberate", started)
    conflicted = Conflict.objects.filter(reviewer=reviewers[0]).values("item").distinct().count()
    return {
        "process": process,
        "staff": staff,
        "juror": reviewers[0].user,
        "juror_conflicts": conflicted,
        "data": {
            "items": items,
            "jurors": jurors,
            "criteria": len(criteria),
            "assignments": len(pairs),
            "reviews": Review.objects.filter(item__process=process).count(),
            "scores": Score.objects.filter(review__item__process=process).count(),
            "conflicts": Conflict.objects.filter(item__process=process)
            .values("reviewer", "item")
            .distinct()
            .count(),
        },
    }


def _scores_bulk(*, process, pairs, values, criteria) -> None:
    from django.utils import timezone

    from educities.reviews.domain.queries import review_total
    from educities.reviews.models import Review, Score

    weights = {c.pk: c.weight for c in criteria}
    now = timezone.now()
    reviews = [
        Review(
            reviewer_id=a.reviewer_id,
            item_id=a.item_id,
            version=1,
            total=review_total(scores=values[(a.reviewer_id, a.item_id)], weights=weights),
            submitted_at=now,
        )
        for a in pairs
    ]
    Review.objects.bulk_create(reviews, batch_size=500)
    reviews = Review.objects.filter(item__process=process)
    Score.objects.bulk_create(
        [
            Score(review=review, criterion_id=cid, value=value)
            for review in reviews
            for cid, value in values[(review.reviewer_id, review.item_id)].items()
        ],
        batch_size=1000,
    )


def measure(world: dict, *, requests: dict[str, int]) -> list[dict]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    clients = {"staff": Client(), "juror": Client()}
    clients["staff"].force_login(world["staff"])
    clients["juror"].force_login(world["juror"])
    process_id = world["process"].pk
    rows = []
    for label, template, who, count in SCENARIOS:
        path = template.format(process=process_id)
        client = clients[who]
        for _ in range(3 if count == "requests" else 1):
            client.get(path)
        timings = []
        status = None
        size = 0
        for _ in range(requests[count]):
            begin = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - begin) * 1000)
            status = response.status_code if status in (None, 200) else status
            size = len(response.content)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        html = response.content.decode()
        timings.sort()
        row = {
            "label": label,
            "path": template.replace("{process}", "<id>"),
            "status": status,
            # Table rows with an item link: the ranking's and the dashboard's rows, the matrix's none.
            "rows": html.count('<th scope="row"><a href="/en/jury/items/'),
            "p50": statistics.median(timings),
            "p95": timings[max(0, round(0.95 * len(timings)) - 1)],
            "mean": statistics.fmean(timings),
            "queries": len(queries.captured_queries),
            "kb": size / 1024,
        }
        rows.append(row)
        print(
            f"  {label:<34} HTTP {status}  rows {row['rows']:4d}  p50 {row['p50']:7.1f} ms  "
            f"p95 {row['p95']:7.1f} ms  {row['queries']:3d} queries  {row['kb']:.0f} KB",
            flush=True,
        )
    return rows


if __name__ == "__main__":
    main()
