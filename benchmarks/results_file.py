"""What the benchmark scripts share: their section of RESULTS.md and a description of the machine."""

import os
import platform
from datetime import UTC, datetime
from pathlib import Path


def results_write_section(path: Path, section: str, *, script: str, key: str) -> None:
    """Replace ``script``'s section ``key`` of the results file (or add it), keeping everything else."""
    start, end = f"<!-- {script}:{key}:start -->", f"<!-- {script}:{key}:end -->"
    text = path.read_text() if path.exists() else "# Benchmark results\n\n"
    block = f"{start}\n{section}{end}\n"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        _old, after = rest.split(end, 1)
        text = before + block + after.lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + block
    path.write_text(text)


def machine_describe(connection) -> dict:
    """Date, CPUs, memory, platform, Python, Django and database versions (``connection``: Django's)."""
    import sqlite3

    import django

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0]}"
    else:
        database = f"SQLite {sqlite3.sqlite_version}"
    return {
        "date": datetime.now(tz=UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        "memory_gb": os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3,
        "platform": f"{platform.system()} {platform.machine()}",
        "python": platform.python_version(),
        "django": django.get_version(),
        "database": database,
    }
