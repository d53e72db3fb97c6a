"""Benchmark of the International Day's world agenda at 5,000 activities over ~500 cities.

    .venv/bin/python benchmarks/bench_agenda.py                          # SQLite, 5,000 activities
    .venv/bin/python benchmarks/bench_agenda.py --postgres               # PostgreSQL (educities_bench_agenda)
    .venv/bin/python benchmarks/bench_agenda.py --activities 500 --requests 10   # a quick run

The worker process builds a fresh database (SQLite under /tmp/educities-bench-agenda, or the PostgreSQL
database ``educities_bench_agenda``, dropped and created again), loads the member registry's demo data
(``demo_load``: 495 real member cities in their countries, networks) and adds one published campaign with
``--activities`` activities spread over the member cities (``bulk_create``): in each city's own time zone,
most on 30 November and the others in the campaign's window, 85 % in person, 10 % online, 5 % hybrid,
3 % cancelled and 2 % hidden, titles of 4 to 9 words. It then requests each page with
``django.test.Client`` (the whole Django stack in process, no network): 3 warm-up requests, then
``--requests`` timed ones (fewer for the downloads), and once more with ``CaptureQueriesContext`` to
count the queries. The map's payload is measured as sent (JSON) and gzipped (``Accept-Encoding: gzip``).

The results replace this script's section of ``benchmarks/RESULTS.md`` and keep the rest of the file.
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
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from results_file import (  # benchmarks/ is on sys.path when a script runs
    machine_describe,
    results_write_section,
)

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/educities_bench_agenda"
VAR_DIR = Path("/tmp/educities-bench-agenda")  # noqa: S108 - a scratch directory is the point
SEED = "educities-bench-agenda"
YEAR = 2026
DOWNLOAD_REQUESTS = 3  # the whole agenda as iCal or CSV: a few timed requests are enough

WORDS = (
    "walk",
    "children",
    "council",
    "square",
    "school",
    "library",
    "garden",
    "neighbourhood",
    "families",
    "route",
    "river",
    "festival",
    "music",
    "debate",
    "education",
    "city",
    "listening",
    "voices",
    "future",
    "play",
    "museum",
    "reading",
    "street",
    "market",
    "workshop",
    "citizens",
    "heritage",
    "mural",
    "park",
    "memory",
    "youth",
    "elders",
    "bicycle",
    "theatre",
    "cinema",
    "map",
    "dialogue",
)


# --- parent process ------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--activities", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page")
    parser.add_argument("--postgres", action="store_true", help=f"use {POSTGRES_URL}")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--result-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        run_worker(
            activities=args.activities,
            requests=args.requests,
            postgres=args.postgres,
            result_file=args.result_file,
        )
        return

    started = time.monotonic()
    print(
        f"=== {args.activities:,} activities ({'PostgreSQL' if args.postgres else 'SQLite'}) ===", flush=True
    )
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        result_file = Path(handle.name)
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        "--activities",
        str(args.activities),
        "--requests",
        str(args.requests),
        "--result-file",
        str(result_file),
        *(["--postgres"] if args.postgres else []),
    ]
    subprocess.run(command, check=True, cwd=ROOT)  # noqa: S603 - our own script, fixed arguments
    run = json.loads(result_file.read_text())
    result_file.unlink()
    section = markdown(run, requests=args.requests, postgres=args.postgres)
    results_write_section(
        args.output, section, script="bench_agenda", key="postgres" if args.postgres else "sqlite"
    )
    print(section)
    print(f"Written to {args.output} in {time.monotonic() - started:.0f} s.")


def markdown(run: dict, *, requests: int, postgres: bool) -> str:
    machine = run["machine"]
    payload = run["map_payload"]
    lines = [
        f"## International Day agenda — {'PostgreSQL' if postgres else 'SQLite'}",
        "",
        (
            f"Measured {machine['date']} by `benchmarks/bench_agenda.py` on {machine['cpus']} CPU(s) "
            f"({machine['platform']}), Python {machine['python']}, Django {machine['django']}, "
            f"{machine['database']}{' (persistent connections)' if postgres else ''}. "
            "Server time is the whole Django stack in process (`django.test.Client`, no network), "
            f"{requests} requests per page "
            f"({DOWNLOAD_REQUESTS} for the downloads) after 3 warm-up requests; queries counted on one more "
            "request. CPU p50 is this process's CPU time per request (less disturbed than the wall clock "
            "when other work shares the machine). Load average (1 min) at the end of the run: "
            f"{run['load']:.1f}."
        ),
        "",
        "| page | status | p50 ms | p95 ms | mean ms | CPU p50 ms | queries/request | KB | activities |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines.extend(
        f"| {row['label']} (`{row['path']}`) | {row['status']} | {row['p50']:.1f} | {row['p95']:.1f} | "
        f"{row['mean']:.1f} | {row['cpu']:.1f} | {row['queries']} | {row['kb']:.0f} | {row['count']} |"
        for row in run["rows"]
    )
    lines.append("")
    lines.append(
        f"Map payload (`map.json`, every activity with a place): {payload['points']:,} points, "
        f"**{payload['raw_kb']:.0f} KB** as JSON, **{payload['gzip_kb']:.0f} KB** gzipped "
        f"({payload['raw_bytes_per_point']:.0f} bytes per point before compression): each point is "
        "`[id, lat, lng, title, city index, start (Unix s), zone index]`, city names and time zones are "
        "listed once, coordinates rounded to 4 decimals, no spaces."
    )
    lines.append(
        f"Data: {run['activities']:,} activities ({run['visible']:,} visible) of {run['cities']:,} cities in "
        f"{run['countries']:,} countries and {run['zones']:,} time zones, one campaign ({YEAR}); built in "
        f"{run['build_seconds']:.0f} s (demo registry {run['demo_seconds']:.0f} s, activities "
        f"{run['activities_seconds']:.1f} s with `bulk_create`)."
    )
    return "\n".join(lines) + "\n"


# --- worker process: one fresh database -----------------------------------------------------


def configure(*, postgres: bool) -> None:
    shutil.rmtree(VAR_DIR, ignore_errors=True)
    (VAR_DIR / "static").mkdir(parents=True)  # whitenoise warns when STATIC_ROOT is missing
    os.environ["EDUCITIES_VAR_DIR"] = str(VAR_DIR)
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


def recreate_postgres_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    print(f"PostgreSQL database {name} created.", flush=True)


def run_worker(*, activities: int, requests: int, postgres: bool, result_file: Path) -> None:
    configure(postgres=postgres)
    from django.core.management import call_command
    from django.db import connection

    from educities.members.demo.loader import demo_load

    started = time.monotonic()
    print("Migrating and loading the member registry's demo data…", flush=True)
    call_command("migrate", verbosity=0)
    demo_load(log=lambda line: None)
    demo_seconds = time.monotonic() - started
    created_at = time.monotonic()
    campaign = add_campaign(activities)
    activities_seconds = time.monotonic() - created_at
    build_seconds = time.monotonic() - started

    from django.db.models import Count

    from educities.days.models import Activity

    rows = Activity.objects.filter(campaign=campaign)
    visible = rows.exclude(status="hidden")
    country = (
        visible.values_list("city__country__code", flat=True).annotate(n=Count("pk")).order_by("-n").first()
    )
    result = {
        "activities": rows.count(),
        "visible": visible.count(),
        "cities": rows.values("city").distinct().count(),
        "countries": rows.values("city__country").distinct().count(),
        "zones": rows.values("time_zone").distinct().count(),
        "build_seconds": build_seconds,
        "demo_seconds": demo_seconds,
        "activities_seconds": activities_seconds,
        "machine": machine_describe(connection),
    }
    result["rows"], result["map_payload"] = measure(requests=requests, country=str(country))
    result["load"] = os.getloadavg()[0]
    result_file.write_text(json.dumps(result))


def add_campaign(count: int):
    """A published campaign with ``count`` activities over the member cities, by ``bulk_create``."""
    from zoneinfo import ZoneInfo

    from educities.days.domain.common import city_time_zone
    from educities.days.enums import ActivityAudience, ActivityFormat, ActivityKind, ActivityStatus
    from educities.days.models import Activity, Campaign
    from educities.members.models import City

    rng = random.Random(SEED)
    campaign = Campaign.objects.create(
        year=YEAR,
        motto="Cities that listen, cities that learn",
        manifesto="Every 30 November, educating cities open their streets, schools and squares.",
        guide="Organise an activity open to everyone and register it on the platform.",
        window_starts_on=date(YEAR, 11, 1),
        window_ends_on=date(YEAR, 12, 15),
        is_published=True,
    )
    cities = list(City.objects.filter(membership_status="member").select_related("country").order_by("pk"))
    zones = {city.pk: city_time_zone(city) for city in cities}
    # Big cities hold more activities: weights from the population, softened.
    weights = [max(city.population, 10_000) ** 0.35 for city in cities]
    kinds = ActivityKind.values
    audiences = ActivityAudience.values
    now = datetime.now(tz=UTC)
    print(f"Adding {count:,} activities over {len(cities)} member cities…", flush=True)
    rows = []
    for number in range(count):
        city = rng.choices(cities, weights=weights)[0]
        zone = zones[city.pk]
        if rng.random() < 0.7:
            day = date(YEAR, 11, 30)
        else:
            day = date(YEAR, 11, 1) + timedelta(days=rng.randrange(45))
        starts_at = datetime(
            day.year, day.month, day.day, rng.randint(9, 20), rng.choice((0, 30)), tzinfo=ZoneInfo(zone)
        )
        fmt = rng.choices(
            (ActivityFormat.IN_PERSON, ActivityFormat.ONLINE, ActivityFormat.HYBRID), weights=(85, 10, 5)
        )[0]
        has_place = fmt != ActivityFormat.ONLINE
        status = rng.choices(
            (ActivityStatus.PUBLISHED, ActivityStatus.CANCELLED, ActivityStatus.HIDDEN), weights=(95, 3, 2)
        )[0]
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 9))).capitalize()
        rows.append(
            Activity(
                campaign=campaign,
                city=city,
                language=rng.choice(("en", "es", "fr", "pt", "ca")),
                title=f"{title} {number + 1}",
                description=" ".join(rng.choice(WORDS) for _ in range(60)).capitalize() + ".",
                kind=rng.choice(kinds),
                format=fmt,
                starts_at=starts_at,
                ends_at=starts_at + timedelta(minutes=rng.choice((60, 90, 120, 180))),
                time_zone=zone,
                place_name="Town hall square" if has_place else "",
                latitude=round(city.latitude + rng.uniform(-0.03, 0.03), 6) if has_place else None,
                longitude=round(city.longitude + rng.uniform(-0.03, 0.03), 6) if has_place else None,
                online_url="https://meet.example.org/day" if fmt != ActivityFormat.IN_PERSON else "",
                audiences=rng.sample(audiences, rng.randint(1, 3)),
                organiser="Department of Education",
                languages=["en"],
                status=status,
                status_reason="A duplicate." if status == ActivityStatus.HIDDEN else "",
                created_at=now,
                updated_at=now,
            )
        )
    Activity.objects.bulk_create(rows, batch_size=500)
    return campaign


def _timed(client, path: str, runs: int, **headers) -> tuple[list[float], list[float], object]:
    """Wall-clock and CPU milliseconds of ``runs`` requests (the CPU time of this process is less
    disturbed than the wall clock when other work shares the machine)."""
    timings, cpu = [], []
    response = None
    for _ in range(runs):
        begin, begin_cpu = time.perf_counter(), time.process_time()
        response = client.get(path, headers=headers)
        timings.append((time.perf_counter() - begin) * 1000)
        cpu.append((time.process_time() - begin_cpu) * 1000)
    return timings, cpu, response


def measure(*, requests: int, country: str) -> tuple[list[dict], dict]:
    import gzip

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    base = f"/en/day/{YEAR}/"
    scenarios = [
        ("Agenda, first page", base, requests),
        (f"Agenda, one country ({country})", f"{base}?country={country}", requests),
        ("Agenda, 30 November in person", f"{base}?date={YEAR}-11-30&format=in_person", requests),
        ("Agenda, page 20", f"{base}?page=20", requests),
        ("Map points (JSON), whole agenda", f"{base}map.json", requests),
        (f"Map points (JSON), one country ({country})", f"{base}map.json?country={country}", requests),
        ("API activities, first page", f"/api/v1/day/activities/?year={YEAR}", requests),
        ("iCal of the whole agenda", f"{base}agenda.ics", DOWNLOAD_REQUESTS),
        ("CSV of the whole agenda", f"{base}agenda.csv", DOWNLOAD_REQUESTS),
        # The same machine's speed at the same moment, on a page measured by bench_members.py.
        ("(reference) Member directory, first page", "/en/cities/", requests),
    ]
    rows = []
    for label, path, runs in scenarios:
        _timed(client, path, 3 if runs == requests else 1)
        timings, cpu, response = _timed(client, path, runs)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        timings.sort()
        row = {
            "label": label,
            "path": path,
            "status": response.status_code,
            "p50": statistics.median(timings),
            "p95": timings[max(0, round(0.95 * len(timings)) - 1)],
            "mean": statistics.fmean(timings),
            "cpu": statistics.median(cpu),
            "queries": len(queries.captured_queries),
            "kb": len(response.content) / 1024,
            "count": _count(response, path),
        }
        rows.append(row)
        print(
            f"  {label:<40} HTTP {row['status']}  p50 {row['p50']:7.1f} ms  p95 {row['p95']:7.1f} ms  "
            f"CPU {row['cpu']:7.1f} ms  "
            f"{row['queries']:2d} queries  {row['kb']:7.1f} KB  {row['count']}",
            flush=True,
        )
    raw = client.get(f"{base}map.json")
    zipped = client.get(f"{base}map.json", headers={"accept-encoding": "gzip"})
    points = len(json.loads(raw.content)["points"])
    if (
        zipped.get("Content-Encoding") != "gzip"
        or len(json.loads(gzip.decompress(zipped.content))["points"]) != points
    ):
        raise SystemExit("map.json was not gzipped, or its gzipped payload differs")
    payload = {
        "points": points,
        "raw_kb": len(raw.content) / 1024,
        "gzip_kb": len(zipped.content) / 1024,
        "raw_bytes_per_point": len(raw.content) / max(points, 1),
    }
    print(
        f"  map payload: {points:,} points, {payload['raw_kb']:.0f} KB, {payload['gzip_kb']:.0f} KB gzipped",
        flush=True,
    )
    return rows, payload


def _count(response, path: str) -> str:
    """How many activities the response holds (points, rows, events or the page's total)."""
    import re

    content = response.content
    if path.endswith("map.json") or "map.json?" in path:
        return f"{len(json.loads(content)['points']):,}"
    if ".ics" in path:
        return f"{content.count(b'BEGIN:VEVENT'):,}"
    if ".csv" in path:
        return f"{content.count(b'/en/day/activities/'):,}"
    if path == "/en/cities/":
        return ""
    if path.startswith("/api/"):
        return f"{json.loads(content)['count']:,}"
    found = re.search(rb"([\d,]+) activit(?:y|ies) found", content)
    return found.group(1).decode() if found else ""


if __name__ == "__main__":
    main()
