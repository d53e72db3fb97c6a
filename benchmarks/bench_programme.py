"""Benchmark of the public programme of a congress, served by gunicorn like in production.

    .venv/bin/python benchmarks/bench_programme.py                  # SQLite, 100 sessions, 3 × 200 requests
    .venv/bin/python benchmarks/bench_programme.py --postgres       # PostgreSQL (educities_bench_programme)
    .venv/bin/python benchmarks/bench_programme.py --sessions 300 --requests 500 --rounds 5

1. A fresh database (a SQLite file, or PostgreSQL with ``--postgres``; migrations) with one published
   congress: 4 rooms, ``--sessions`` sessions over 3 days (plenaries, workshops, communications, study
   visits without a room), 1–3 speakers each, meeting links (which must never reach the page).
2. In process (Django's WSGI handler, no network): queries per request with the page cached and after an
   edit of a session (the cache entry is rebuilt), the time of that request, and that the edit shows.
3. ``gunicorn educities.wsgi -w 1 -b 127.0.0.1:8772`` with production-like settings (``EDUCITIES_DEBUG=0``,
   a secret key, the default cache), twice: with persistent database connections
   (``EDUCITIES_DB_CONN_MAX_AGE=60``) and with a new connection per request (the default, 0).
4. Warm-up requests, then ``--rounds`` rounds of ``--requests`` sequential GETs of
   ``/en/events/<slug>/programme/`` by an anonymous visitor, each on a new ``http.client`` connection
   (connect, request, read the whole body, close): requests per second, p50, p95, the worker's CPU time per
   request, bytes, and a check that every session's title, room and speaker is in the HTML. The round
   with the median rate is reported (the machine may be shared).

The results replace this script's section of ``benchmarks/RESULTS.md`` and keep the rest.
"""

import argparse
import datetime
import http.client
import os
import random
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import time
from html import escape
from pathlib import Path
from zoneinfo import ZoneInfo

from results_file import (  # benchmarks/ is on sys.path when a script runs
    machine_describe,
    results_write_section,
)

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/educities_bench_programme"
SCRATCH = Path("/tmp/educities-bench-programme")  # noqa: S108 - a scratch directory is the point
HOST, PORT = "127.0.0.1", 8772
SLUG = "xviii-congress"
SEED = 20261126
TARGET_RPS, TARGET_P50_MS = 72, 12.0

ROOMS = ("Auditorium", "Room Barcelona", "Room Lisbon", "Room Rosario")
TOPICS = (
    "Schools open to the neighbourhood",
    "Children's councils and participation",
    "Libraries as learning hubs",
    "Safe routes to school",
    "Intergenerational gardens",
    "Culture for everyone",
    "Digital skills for older people",
    "Welcoming migrant families",
    "Green playgrounds and climate",
    "Evaluating educating policies",
    "Music in the public space",
    "Youth employment and training",
)
FIRST_NAMES = ("Ana", "Joan", "Marie", "Pedro", "Lucía", "Kwame", "Sofia", "Hiroshi", "Amina", "Luis")
LAST_NAMES = ("Silva", "Puig", "Dubois", "Santos", "García", "Mensah", "Rossi", "Tanaka", "Diallo", "Pérez")
ORGANISATIONS = ("City council", "University", "Education department", "Youth association", "Library network")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--days", type=int, default=3)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of --requests; the median is kept")
    parser.add_argument("--postgres", action="store_true", help=f"use {POSTGRES_URL}")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()

    env = configure(postgres=args.postgres)
    started = time.monotonic()
    print(f"Creating the database in {SCRATCH}…", flush=True)
    data = prepare(sessions=args.sessions, days=args.days)
    print(
        f"  {data['sessions']} sessions, {data['speakers']} speakers, {len(ROOMS)} rooms, {args.days} days",
        flush=True,
    )
    in_process = measure_in_process(data)
    runs = {}
    for conn_max_age in ("60", "0"):
        print(f"EDUCITIES_DB_CONN_MAX_AGE={conn_max_age}", flush=True)
        server = start_gunicorn({**env, "EDUCITIES_DB_CONN_MAX_AGE": conn_max_age})
        try:
            runs[conn_max_age] = measure_http(
                data, server=server, requests=args.requests, warmup=args.warmup, rounds=args.rounds
            )
        finally:
            stop(server)
    from django.db import connection

    section = markdown(
        machine=machine_describe(connection), data=data, runs=runs, in_process=in_process, args=args
    )
    results_write_section(
        args.output, section, script="bench_programme", key="postgres" if args.postgres else "sqlite"
    )
    print(section)
    print(f"Written to {args.output} in {time.monotonic() - started:.0f} s.")
    if not all(web["complete"] for web in runs.values()):
        sys.exit("The page misses sessions, rooms or speakers.")


def configure(*, postgres: bool) -> dict:
    """Production-like settings (the variables bin/serve and the deployment read), in this process and
    for gunicorn, and a fresh database."""
    SCRATCH.mkdir(parents=True, exist_ok=True)
    (SCRATCH / "static").mkdir(exist_ok=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        (SCRATCH / f"educities.sqlite3{suffix}").unlink(missing_ok=True)
    env = {
        "EDUCITIES_VAR_DIR": str(SCRATCH),
        "EDUCITIES_DEBUG": "0",
        "EDUCITIES_SECRET_KEY": secrets.token_urlsafe(50),
        "EDUCITIES_ALLOWED_HOSTS": f"{HOST},localhost,testserver",
        "EDUCITIES_LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "educities.settings",
    }
    os.environ.pop("DATABASE_URL", None)
    if postgres:
        recreate_postgres_database(POSTGRES_URL)
        env["DATABASE_URL"] = POSTGRES_URL
    os.environ.update(env)
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    return {
        **{key: value for key, value in os.environ.items() if not key.startswith("EDUCITIES_")},
        **env,
        "PYTHONPATH": str(ROOT / "src"),
    }


def recreate_postgres_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def prepare(*, sessions: int, days: int) -> dict:
    """Migrate, then one congress with its rooms, sessions and speakers (made directly: no e-mails)."""
    from django.core.management import call_command

    from educities.congresses.enums import EventFormat, EventKind, SessionKind
    from educities.congresses.models import Event, Room, Session, Speaker
    from educities.members.models import City, Country

    call_command("migrate", verbosity=0)
    rng = random.Random(SEED)
    country = Country.objects.create(code="PT", income_group="IV", region="europe")
    city = City.objects.create(
        name="Lisboa",
        slug="lisboa",
        country=country,
        latitude=38.72,
        longitude=-9.14,
        population=545_000,
        membership_status="member",
        time_zone="Europe/Lisbon",
    )
    zone = "Europe/Lisbon"
    starts_on = datetime.date.today() + datetime.timedelta(days=90)  # noqa: DTZ011 - a date far ahead
    event = Event.objects.create(
        kind=EventKind.INTERNATIONAL_CONGRESS,
        number=18,
        slug=SLUG,
        title="XVIII International Congress of Educating Cities",
        host_city=city,
        venue="Centro de Congressos de Lisboa",
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=days - 1),
        time_zone=zone,
        languages=["en", "fr", "es", "pt"],
        format=EventFormat.HYBRID,
        capacity=1200,
        is_published=True,
        programme_published=True,
    )
    rooms = [Room.objects.create(event=event, name=name, position=index) for index, name in enumerate(ROOMS)]
    # Slots of a day: 09:00, 10:45, 12:30, 15:00, 16:45, 18:30 (90 minutes each, breaks between).
    slots = [(9, 0), (10, 45), (12, 30), (15, 0), (16, 45), (18, 30)]
    places = [(day, slot, room) for day in range(days) for slot in slots for room in rooms]
    created = []
    for number in range(sessions):
        day, (hour, minute), room = places[number % len(places)]
        if number >= len(places):  # more sessions than places: they go without a room (study visits)
            room = None
        start = datetime.datetime.combine(
            starts_on + datetime.timedelta(days=day), datetime.time(hour, minute), tzinfo=ZoneInfo(zone)
        )
        kind = rng.choice(
            [SessionKind.WORKSHOP, SessionKind.COMMUNICATIONS, SessionKind.PLENARY, SessionKind.WORKSHOP]
        )
        created.append(
            Session(
                event=event,
                title=f"{rng.choice(TOPICS)} ({number + 1})",
                kind=kind if room is not None else SessionKind.STUDY_VISIT,
                room=room,
                starts_at=start,
                ends_at=start + datetime.timedelta(minutes=90),
                meeting_url=f"https://meet.example.org/secret-{number}",
                is_online=number % 3 == 0,
            )
        )
    Session.objects.bulk_create(created)
    speakers = []
    for session in Session.objects.filter(event=event).order_by("pk"):
        for position in range(rng.randint(1, 3)):
            speakers.append(
                Speaker(
                    session=session,
                    name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {len(speakers) + 1}",
                    role=rng.choice(["", "Moderator", "Speaker"]),
                    organisation=rng.choice(ORGANISATIONS),
                    position=position,
                )
            )
    Speaker.objects.bulk_create(speakers)
    from django.db import connection

    connection.close()
    return {
        "event_pk": event.pk,
        "sessions": len(created),
        "speakers": len(speakers),
        "titles": [session.title for session in created],
        "rooms": list(ROOMS),
        "speaker_names": [speaker.name for speaker in speakers],
    }


def _complete(html: str, data: dict) -> dict:
    missing = {
        "titles": [title for title in data["titles"] if escape(title) not in html],
        "rooms": [room for room in data["rooms"] if escape(room) not in html],
        "speakers": [name for name in data["speaker_names"] if escape(name) not in html],
        "meeting links": ["meet.example.org"] if "meet.example.org" in html else [],
    }
    return {key: value for key, value in missing.items() if value}


class _QueryCounter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def _wsgi_get(path: str) -> tuple[int, bytes, int, float]:
    """GET ``path`` through Django's WSGI handler in this process (the whole stack, no network): status,
    body, queries and milliseconds."""
    import io

    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": HOST,
        "SERVER_PORT": str(PORT),
        "HTTP_HOST": HOST,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
    }
    statuses = []
    counter = _QueryCounter()
    started = time.perf_counter()
    with connection.execute_wrapper(counter):
        result = WSGIHandler()(environ, lambda status, headers, exc_info=None: statuses.append(status))
        body = b"".join(result)
        result.close()
    return int(statuses[0].split()[0]), body, counter.count, (time.perf_counter() - started) * 1000


def measure_in_process(data: dict) -> dict:
    """Queries per request (cached, and just after an edit) and the time of the first request after it."""
    from django.core.cache import cache
    from django.db import connection

    from educities.congresses.models import Session

    path = f"/en/events/{SLUG}/programme/"
    _wsgi_get(path)  # the first request of a process loads the URLs and compiles the templates
    cache.clear()
    status, _body, uncached, _ms = _wsgi_get(path)
    _status, _body, cached, _ms = _wsgi_get(path)
    session = Session.objects.filter(event_id=data["event_pk"]).order_by("pk").first()
    session.title = session.title + " (edited)"
    session.save()
    _status, edited, _queries, edit_ms = _wsgi_get(path)
    shows_edit = escape(session.title) in edited.decode()
    session.title = session.title.removesuffix(" (edited)")
    session.save()
    connection.close()
    return {
        "status": status,
        "queries_uncached": uncached,
        "queries_cached": cached,
        "after_edit_ms": edit_ms,
        "shows_edit": shows_edit,
    }


def start_gunicorn(env: dict) -> subprocess.Popen:
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "educities.wsgi",
        "-w",
        "1",
        "-b",
        f"{HOST}:{PORT}",
        "--log-level",
        "warning",
    ]
    print("Starting:", " ".join(command[1:]), flush=True)
    server = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603 - our own command line
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("gunicorn stopped.")
        try:
            with socket.create_connection((HOST, PORT), timeout=0.5):
                return server
        except OSError:
            time.sleep(0.2)
    stop(server)
    sys.exit("gunicorn did not start.")


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _get(path: str, *, timeout: float = 10) -> tuple[int, bytes, float]:
    started = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
    connection.request("GET", path, headers={"Accept-Language": "en"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body, (time.perf_counter() - started) * 1000


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux ``/proc``), 0 when it cannot be read."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _worker_pid(server: subprocess.Popen) -> int | None:
    try:
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    except OSError:
        return None
    return int(children[0]) if children else None


def _round(data: dict, *, path: str, worker: int | None, requests: int) -> dict:
    """``requests`` sequential GETs, each on a new connection."""
    timings, sizes, statuses = [], [], set()
    body = b""
    load_before = os.getloadavg()[0]
    cpu_before = _cpu_seconds(worker) if worker else 0.0
    started = time.perf_counter()
    for _ in range(requests):
        status, body, elapsed = _get(path)
        timings.append(elapsed)
        sizes.append(len(body))
        statuses.add(status)
    total = time.perf_counter() - started
    cpu = (_cpu_seconds(worker) - cpu_before) if worker else 0.0
    missing = _complete(body.decode("utf-8"), data)
    timings.sort()
    return {
        "requests": requests,
        "seconds": total,
        "rps": requests / total,
        "p50": statistics.median(timings),
        "p95": timings[min(len(timings) - 1, int(len(timings) * 0.95))],
        "mean": statistics.fmean(timings),
        "max": timings[-1],
        "bytes": statistics.median(sizes),
        "statuses": sorted(statuses),
        "server_cpu_ms": cpu * 1000 / requests if worker else None,
        "load": load_before,
        "missing": missing,
        "complete": not missing and statuses == {200},
    }


def measure_http(data: dict, *, server: subprocess.Popen, requests: int, warmup: int, rounds: int) -> dict:
    """``rounds`` rounds of ``requests`` GETs after the warm-up: the round with the median rate, and the
    rate and p50 of every round (the machine is shared: one round can fall on a busy moment)."""
    path = f"/en/events/{SLUG}/programme/"
    _get(path, timeout=120)  # the worker may still be importing Django when the port opens
    for _ in range(warmup):
        _get(path)
    worker = _worker_pid(server)
    results = [_round(data, path=path, worker=worker, requests=requests) for _ in range(rounds)]
    median = sorted(results, key=lambda result: result["rps"])[len(results) // 2]
    return {
        **median,
        "rounds": [(result["rps"], result["p50"]) for result in results],
        "complete": all(result["complete"] for result in results),
        "missing": next((result["missing"] for result in results if result["missing"]), {}),
    }


def _row(label: str, values: list[str], target: str = "") -> str:
    return f"| {label} | {' | '.join(values)} | {target} |"


def markdown(*, machine: dict, data: dict, runs: dict, in_process: dict, args) -> str:
    main, plain = runs["60"], runs["0"]

    def met(web) -> str:
        return (
            "met"
            if web["rps"] >= TARGET_RPS and web["p50"] <= TARGET_P50_MS and web["complete"]
            else "NOT met"
        )

    def each(fmt) -> list[str]:
        return [fmt(web) for web in (main, plain)]

    lines = [
        f"## Public programme of a congress — gunicorn, {'PostgreSQL' if args.postgres else 'SQLite'}",
        "",
        (
            f"Measured {machine['date']} by `benchmarks/bench_programme.py` on {machine['cpus']} CPU(s), "
            f"{machine['memory_gb']:.0f} GB RAM ({machine['platform']}), Python {machine['python']}, "
            f"Django {machine['django']}, {machine['database']}. `gunicorn educities.wsgi -w 1` (sync "
            "worker), `EDUCITIES_DEBUG=0`, a secret key, the default cache (local memory); "
            f"{main['requests']} sequential GETs of `/en/events/{SLUG}/programme/` by an anonymous visitor, "
            f"each on a new TCP connection, after {args.warmup} warm-up requests; {args.rounds} such rounds, "
            "the round with the median rate is shown. The machine is shared with other work (load average "
            f"{main['load']:.1f} before that round of the first column)."
        ),
        "",
        (
            f"Data: one congress, {len(data['rooms'])} rooms, {data['sessions']} sessions over {args.days} "
            f"days, {data['speakers']} speakers."
        ),
        "",
        (
            "| measure | persistent database connection (`EDUCITIES_DB_CONN_MAX_AGE=60`) | "
            "a new connection per request (`=0`, the default) | target |"
        ),
        "|---|---:|---:|---:|",
        _row("requests per second", each(lambda web: f"{web['rps']:.1f}"), f"≥ {TARGET_RPS}"),
        _row("p50 (ms, connect → last byte)", each(lambda web: f"{web['p50']:.2f}"), f"≤ {TARGET_P50_MS:g}"),
        _row("p95 (ms)", each(lambda web: f"{web['p95']:.2f}")),
        _row(
            "every round: req/s (p50 ms)",
            each(lambda web: ", ".join(f"{rps:.0f} ({p50:.1f})" for rps, p50 in web["rounds"])),
        ),
        _row("mean / max (ms)", each(lambda web: f"{web['mean']:.2f} / {web['max']:.2f}")),
        _row(
            "gunicorn worker CPU per request (ms)",
            each(lambda web: "n/a" if web["server_cpu_ms"] is None else f"{web['server_cpu_ms']:.2f}"),
        ),
        _row("page size (KB)", each(lambda web: f"{web['bytes'] / 1024:.1f}")),
        _row("statuses", each(lambda web: ", ".join(str(s) for s in web["statuses"])), "200"),
        _row(
            "every session title, room and speaker in the HTML; no meeting link",
            each(lambda web: "yes" if web["complete"] else f"NO: {web['missing']}"),
            "yes",
        ),
        "",
        (
            f"In process: {in_process['queries_cached']} query per request with the page cached, "
            f"{in_process['queries_uncached']} when it is rendered again (after an edit: "
            f"{in_process['after_edit_ms']:.0f} ms for that request, through Django's WSGI handler in "
            "process); an edit of a session shows at once: "
            f"{'yes' if in_process['shows_edit'] else 'NO'}."
        ),
        "",
        (
            f"Targets {met(main)} with a persistent database connection, {met(plain)} with a new one per "
            "request. The timetable (every day, room, time, session and speaker) is rendered once per event, "
            "language and version of the programme and kept in Django's cache, and so is the whole page for "
            "anonymous visitors (their CSRF token is put in per request). A request reads the event with the "
            "programme's version in one statement (the sessions' count and latest change, the speakers' "
            "count and highest id, the rooms, the translations of the event's texts). "
            + (
                "Opening a PostgreSQL connection per request costs more than the rest of the request: "
                if args.postgres
                else "With a new SQLite connection per request, opening it and reading the schema (about 260 "
                "tables and indexes) cost more than the rest of the request: "
            )
            + "production should keep connections open (`EDUCITIES_DB_CONN_MAX_AGE`)."
        ),
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
