"""Benchmark of the search service at 100,000 objects x 4 language versions.

    .venv/bin/python benchmarks/bench_search.py                          # SQLite, 100,000 objects
    .venv/bin/python benchmarks/bench_search.py --postgres               # PostgreSQL (educities_bench)
    .venv/bin/python benchmarks/bench_search.py --objects 2000           # quick, for development

Phase 1 (one process) builds a fresh database (SQLite file under /tmp, or the PostgreSQL database
``educities_bench``, dropped and created again), runs the migrations and bulk-indexes the synthetic
objects of ``generate_entries`` with ``search_index_bulk``; the time spent generating the texts is
not counted. Phase 2 runs in a fresh process, as a web process would: it times ``search_run`` (with
5 facet counts) for a fixed set of queries, each with and without 3 facet filters: the first run of
each query (cold: the process has not seen its words since the index last changed) and ``--runs``
more (warm). It reports p50/p95 per query, the overall p95 and each phase's peak RSS. The figures
replace this script's section (per backend) of ``benchmarks/RESULTS.md`` and keep the rest.
"""

import argparse
import datetime
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from results_file import results_write_section  # benchmarks/ is on sys.path when a script runs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/educities_bench"
SQLITE_PATH = Path("/tmp/search_bench.sqlite3")  # noqa: S108 - a throwaway database is the point
INDEX = "bench"
FACETS = ("country", "theme", "sdg", "year", "language")
FILTERS = {"country": ["ES", "FR", "BR"], "theme": ["inclusion", "culture"], "year": ["2019", "2020", "2021"]}

# --- the synthetic bank -------------------------------------------------------------------------

LANGUAGES = ("en", "fr", "es", "pt")
FUNCTION_WORDS = {
    "en": [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "for",
        "with",
        "on",
        "is",
        "that",
        "by",
        "as",
        "are",
        "from",
        "this",
        "at",
        "its",
        "their",
    ],
    "fr": [
        "le",
        "la",
        "les",
        "de",
        "des",
        "et",
        "à",
        "en",
        "un",
        "une",
        "pour",
        "avec",
        "sur",
        "est",
        "que",
        "par",
        "dans",
        "du",
        "au",
    ],
    "es": [
        "el",
        "la",
        "los",
        "de",
        "las",
        "y",
        "a",
        "en",
        "un",
        "una",
        "para",
        "con",
        "por",
        "que",
        "del",
        "se",
        "su",
        "al",
        "lo",
    ],
    "pt": [
        "o",
        "a",
        "os",
        "de",
        "das",
        "e",
        "em",
        "um",
        "uma",
        "para",
        "com",
        "por",
        "que",
        "do",
        "da",
        "no",
        "na",
        "ao",
        "se",
    ],
}
# Domain concepts with their translations, most frequent first (after the function words).
CONCEPTS = [
    ("education", "éducation", "educación", "educação"),
    ("city", "ville", "ciudad", "cidade"),
    ("educating city", "ville éducatrice", "ciudad educadora", "cidade educadora"),
    ("participation", "participation", "participación", "participação"),
    ("children", "enfants", "niños", "crianças"),
    ("young people", "jeunes", "jóvenes", "jovens"),
    ("school", "école", "escuela", "escola"),
    ("culture", "culture", "cultura", "cultura"),
    ("inclusion", "inclusion", "inclusión", "inclusão"),
    ("community", "communauté", "comunidad", "comunidade"),
    ("municipality", "municipalité", "municipio", "município"),
    ("neighbourhood", "quartier", "barrio", "bairro"),
    ("families", "familles", "familias", "famílias"),
    ("citizens", "citoyens", "ciudadanos", "cidadãos"),
    ("public space", "espace public", "espacio público", "espaço público"),
    ("sustainability", "durabilité", "sostenibilidad", "sustentabilidade"),
    ("elderly people", "personnes âgées", "personas mayores", "pessoas idosas"),
    ("libraries", "bibliothèques", "bibliotecas", "bibliotecas"),
    ("participatory budget", "budget participatif", "presupuesto participativo", "orçamento participativo"),
    ("coexistence", "vivre ensemble", "convivencia", "convivência"),
    ("health", "santé", "salud", "saúde"),
    ("environment", "environnement", "medio ambiente", "meio ambiente"),
    ("mobility", "mobilité", "movilidad", "mobilidade"),
    ("equality", "égalité", "igualdad", "igualdade"),
    ("teachers", "enseignants", "docentes", "professores"),
    ("training", "formation", "formación", "formação"),
    ("volunteers", "bénévoles", "voluntarios", "voluntários"),
    ("heritage", "patrimoine", "patrimonio", "património"),
    ("democracy", "démocratie", "democracia", "democracia"),
    ("evaluation", "évaluation", "evaluación", "avaliação"),
]
SYNTHETIC_CONCEPTS = 12000
SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "bu",
    "ca",
    "ce",
    "ci",
    "co",
    "cu",
    "da",
    "de",
    "di",
    "do",
    "du",
    "fa",
    "fe",
    "fi",
    "fo",
    "fu",
    "ga",
    "ge",
    "gi",
    "go",
    "gu",
    "la",
    "le",
    "li",
    "lo",
    "lu",
    "ma",
    "me",
    "mi",
    "mo",
    "mu",
    "na",
    "ne",
    "ni",
    "no",
    "nu",
    "pa",
    "pe",
    "pi",
    "po",
    "pu",
    "ra",
    "re",
    "ri",
    "ro",
    "ru",
    "sa",
    "se",
    "si",
    "so",
    "su",
    "ta",
    "te",
    "ti",
    "to",
    "tu",
    "va",
    "ve",
    "vi",
    "vo",
    "vu",
    "za",
    "zo",
]
ENDINGS = {
    "en": ("", "ment", "ity"),
    "fr": ("é", "ement", "ité"),
    "es": ("o", "miento", "idad"),
    "pt": ("ão", "mento", "idade"),
}
COUNTRIES = [
    "ES",
    "FR",
    "BR",
    "PT",
    "IT",
    "MX",
    "AR",
    "CO",
    "CL",
    "UY",
    "KR",
    "IL",
    "DE",
    "BE",
    "GR",
    "TN",
    "MA",
    "SN",
    "CV",
    "MZ",
    "AO",
    "CH",
    "SE",
    "FI",
    "NL",
    "DK",
    "PL",
    "CZ",
    "HU",
    "RO",
    "BG",
    "TR",
    "PE",
    "EC",
    "BO",
    "CR",
]
THEMES = [
    "inclusion",
    "culture",
    "participation",
    "environment",
    "health",
    "mobility",
    "heritage",
    "sport",
    "housing",
    "employment",
    "youth",
    "ageing",
    "gender",
    "migration",
    "digital",
    "safety",
    "food",
    "arts",
    "science",
    "citizenship",
]
NETWORKS = [
    "rece",
    "portuguese",
    "latin-america",
    "mexican",
    "argentine",
    "brazilian",
    "italian",
    "asia-pacific",
    "northern-europe",
]
RARE_RANK = 9000  # the rare word of the query set: a synthetic concept of this frequency rank


def _lexicons(rng: np.random.Generator) -> tuple[dict[str, np.ndarray], list[str]]:
    """One word list per language: function words, then concepts (same concept id in every language)."""
    stems = set()
    while len(stems) < SYNTHETIC_CONCEPTS:
        stems.add("".join(rng.choice(SYLLABLES, size=int(rng.integers(2, 5)))))
    stems_list = sorted(stems)
    rng.shuffle(stems_list)
    lexicons = {}
    for index, language in enumerate(LANGUAGES):
        words = list(FUNCTION_WORDS[language]) + [concept[index] for concept in CONCEPTS]
        words += [stem + ENDINGS[language][i % 3] for i, stem in enumerate(stems_list)]
        lexicons[language] = np.array(words, dtype=object)
    return lexicons, stems_list


def _words_cdf() -> tuple[np.ndarray, int]:
    functions = len(FUNCTION_WORDS["en"])
    concepts = len(CONCEPTS) + SYNTHETIC_CONCEPTS
    weights = np.concatenate(
        [
            np.full(functions, 0.40 / functions),
            0.60 * (1.0 / (np.arange(concepts) + 8.0)) / np.sum(1.0 / (np.arange(concepts) + 8.0)),
        ]
    )
    return np.cumsum(weights / weights.sum()), functions


def rare_word(seed: int = 7) -> str:
    _lexicons_by_language, stems = _lexicons(np.random.default_rng(seed))
    return stems[RARE_RANK] + ENDINGS["en"][RARE_RANK % 3]


def generate_entries(objects: int, languages: int = 4, seed: int = 7) -> Iterator:
    """Yields ``SearchEntryData`` for a synthetic bank (swap it for real experiences later).

    Each object has ``languages`` versions (translations: the same concepts in each language's words)
    of 300-450 words: title, summary, body; "education" and "city" in nearly every object, domain words
    often, a long Zipf tail of synthetic words; nine facets like the bank of experiences' ones.
    """
    from educities.core.search import SearchDocument, SearchEntryData

    rng = np.random.default_rng(seed)
    lexicons, _stems = _lexicons(rng)
    cdf, functions = _words_cdf()
    education, city = functions, functions + 1
    langs = LANGUAGES[:languages]
    country_weights = 1.0 / (np.arange(len(COUNTRIES)) + 2.0)
    country_weights /= country_weights.sum()
    start = datetime.date(2005, 1, 1)
    for object_id in range(1, objects + 1):
        size = int(rng.integers(300, 451))
        ids = np.minimum(np.searchsorted(cdf, rng.random(size)), len(cdf) - 1)
        title_size, summary_size = int(rng.integers(6, 11)), int(rng.integers(25, 41))
        if rng.random() < 0.97:
            ids[title_size + int(rng.integers(0, summary_size))] = education
        if rng.random() < 0.25:
            ids[int(rng.integers(0, title_size))] = education
        if rng.random() < 0.9:
            ids[title_size + summary_size + int(rng.integers(0, 50))] = city
        documents = []
        for language in langs:
            words = lexicons[language][ids]
            title = " ".join(words[:title_size])
            documents.append(
                SearchDocument(
                    language=language,
                    title=title[:1].upper() + title[1:],
                    summary=" ".join(words[title_size : title_size + summary_size]) + ".",
                    body=" ".join(words[title_size + summary_size :]) + ".",
                )
            )
        day = start + datetime.timedelta(days=int(rng.integers(0, 7300)))
        facets = {
            "country": [COUNTRIES[int(rng.choice(len(COUNTRIES), p=country_weights))]],
            "network": sorted(set(rng.choice(NETWORKS, size=int(rng.integers(0, 3))).tolist())),
            "theme": sorted(set(rng.choice(THEMES, size=int(rng.integers(1, 4))).tolist())),
            "principle": sorted({str(p) for p in rng.integers(1, 21, size=int(rng.integers(1, 5)))}),
            "sdg": sorted({str(p) for p in rng.integers(1, 18, size=int(rng.integers(1, 4)))}),
            "target_group": sorted({f"group-{p}" for p in rng.integers(1, 11, size=int(rng.integers(1, 3)))}),
            "year": [str(day.year)],
            "language": [langs[int(rng.integers(0, len(langs)))]],
            "award": ["yes"] if rng.random() < 0.03 else [],
        }
        point = (float(rng.uniform(-40, 60)), float(rng.uniform(-120, 140)))
        yield SearchEntryData(
            object_id=object_id, documents=documents, facets=facets, sort_date=day, point=point
        )


def query_set() -> list[tuple[str, str, dict]]:
    texts = [
        ("one common word", "education"),
        ("one rare word", rare_word()),
        ("two words", "city participation"),
        ("a phrase", '"ville éducatrice"'),
        ("a prefix", "particip*"),
    ]
    return [(label, text, {}) for label, text in texts] + [
        (f"{label} + 3 filters", text, FILTERS) for label, text in texts
    ]


# --- processes ----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--objects", type=int, default=100_000)
    parser.add_argument("--languages", type=int, default=4, choices=range(1, 5))
    parser.add_argument("--runs", type=int, default=30, help="warm runs per query")
    parser.add_argument("--postgres", action="store_true", help=f"use {POSTGRES_URL}")
    parser.add_argument("--reuse", action="store_true", help="skip phase 1: query the existing database")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--phase", choices=("index", "query"), help=argparse.SUPPRESS)
    parser.add_argument("--result-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        _setup_django(args.postgres)
        result = run_index(args) if args.phase == "index" else run_queries(args)
        args.result_file.write_text(json.dumps(result))
        return

    results = {}
    for phase in ("index", "query"):
        saved = Path(f"/tmp/search_bench_index_{'postgres' if args.postgres else 'sqlite'}.json")  # noqa: S108
        if phase == "index" and args.reuse:
            results["index"] = json.loads(saved.read_text()) if saved.exists() else None
            continue
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
            result_file = Path(handle.name)
        command = [
            sys.executable, str(Path(__file__).resolve()), "--phase", phase,
            "--result-file", str(result_file),
            "--objects", str(args.objects), "--languages", str(args.languages), "--runs", str(args.runs),
            *(["--postgres"] if args.postgres else []),
        ]  # fmt: skip
        subprocess.run(command, check=True, cwd=ROOT)  # noqa: S603 - our own script, fixed arguments
        results[phase] = json.loads(result_file.read_text())
        if phase == "index":
            saved.write_text(result_file.read_text())  # --reuse reports these figures again
        result_file.unlink()
    section = markdown(results, args)
    if results["index"]:
        results_write_section(
            args.output, section, script="bench_search", key="postgres" if args.postgres else "sqlite"
        )
        print(f"Written to {args.output}.")
    print(section)


def _setup_django(postgres: bool) -> None:
    os.environ["DATABASE_URL"] = POSTGRES_URL if postgres else f"sqlite:///{SQLITE_PATH}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "educities.settings")
    os.environ["EDUCITIES_DEBUG"] = "0"
    import django

    django.setup()


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _fresh_database(postgres: bool) -> None:
    from django.core.management import call_command
    from django.db import connection

    if postgres:
        import psycopg

        with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as admin:
            admin.execute("DROP DATABASE IF EXISTS educities_bench")
            admin.execute("CREATE DATABASE educities_bench")
    else:
        connection.close()
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
    call_command("migrate", verbosity=0)


def run_index(args) -> dict:
    from educities.core.search import search_index_bulk

    print(f"Fresh {'PostgreSQL' if args.postgres else 'SQLite'} database, migrations…", flush=True)
    _fresh_database(args.postgres)
    generating = 0.0
    started = time.perf_counter()

    def timed_entries():
        nonlocal generating
        entries = generate_entries(args.objects, args.languages)
        while True:
            before = time.perf_counter()
            try:
                entry = next(entries)
            except StopIteration:
                return
            finally:
                generating += time.perf_counter() - before
            yield entry

    def progress(done: int) -> None:
        if done % 10_000 == 0 or done == args.objects:
            elapsed = time.perf_counter() - started
            print(
                f"  indexed {done:,}/{args.objects:,} in {elapsed - generating:.0f} s "
                f"(+{generating:.0f} s generating the texts), RSS {_peak_rss_mb():.0f} MB",
                flush=True,
            )

    count = search_index_bulk(index=INDEX, entries=timed_entries(), progress=progress)
    total = time.perf_counter() - started
    return {
        "objects": count,
        "index_seconds": total - generating,
        "generate_seconds": generating,
        "peak_rss_mb": _peak_rss_mb(),
        "db_mb": _database_mb(args.postgres),
        "texts": _count("core_searchtext"),
        "words": _words(args),
    }


def _count(table: str) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 - fixed table names
        return cursor.fetchone()[0]


def _words(args) -> int:
    """Average words per language version, from a sample."""
    sample = generate_entries(min(200, args.objects), args.languages)
    counts = [
        len((d.title + " " + d.summary + " " + d.body).split()) for entry in sample for d in entry.documents
    ]
    return round(statistics.mean(counts))


def _database_mb(postgres: bool) -> float:
    from django.db import connection

    if not postgres:
        return SQLITE_PATH.stat().st_size / 2**20
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        return cursor.fetchone()[0] / 2**20


def _versions() -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0]}"
        else:
            cursor.execute("SELECT sqlite_version()")
            database = f"SQLite {cursor.fetchone()[0]}"
    import django

    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "?"
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 2**20:.0f} GB"
    except (OSError, ValueError, IndexError):
        pass
    return {
        "date": datetime.datetime.now(tz=datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": f"{os.cpu_count()} × {cpu}",
        "ram": memory,
        "platform": f"{platform.system()} {platform.machine()}",
        "python": platform.python_version(),
        "django": django.get_version(),
        "database": database,
        "numpy": np.__version__,
    }


def run_queries(args) -> dict:
    from educities.core.search import SearchQuery, search_run

    def timed(text, filters, facets=FACETS):
        before = time.perf_counter()
        results = search_run(
            index=INDEX, query=SearchQuery(text=text, filters=filters, facets=facets, language="fr")
        )
        return (time.perf_counter() - before) * 1000, results

    load_ms, results = timed("", {}, ())  # the process's first search loads the index snapshot
    print(f"Snapshot of {results.total:,} objects loaded in {load_ms:.0f} ms", flush=True)
    rows = []
    for label, text, filters in query_set():
        cold_ms, results = timed(text, filters)
        warm = [timed(text, filters)[0] for _ in range(args.runs)]
        no_facets = [timed(text, filters, ())[0] for _ in range(args.runs)]
        row = {
            "label": label,
            "text": text,
            "filters": bool(filters),
            "total": results.total,
            "cold": cold_ms,
            "p50": statistics.median(warm),
            "p95": _p95(warm),
            "p50_nofacets": statistics.median(no_facets),
            "p95_nofacets": _p95(no_facets),
            "warm": warm,
        }
        rows.append(row)
        print(
            f"  {label:<28} {results.total:>7,} hits  cold {cold_ms:6.1f} ms  "
            f"p50 {row['p50']:5.1f}  p95 {row['p95']:5.1f} ms  (no facets p95 {row['p95_nofacets']:5.1f})",
            flush=True,
        )
    everything = [ms for row in rows for ms in row["warm"]]
    colds = [row["cold"] for row in rows]
    return {
        "machine": _versions(),
        "load_ms": load_ms,
        "rows": rows,
        "p95_all": _p95(everything),
        "cold_p95": _p95(colds),
        "cold_max": max(colds),
        "peak_rss_mb": _peak_rss_mb(),
        "objects": results.total if not rows else _count("core_searchentry"),
    }


def _p95(values: list[float]) -> float:
    return float(np.percentile(values, 95))


def markdown(results: dict, args) -> str:
    query = results["query"]
    index = results["index"]
    machine = query["machine"]
    backend = "PostgreSQL" if args.postgres else "SQLite FTS5"
    lines = [
        f"## Search — {backend}",
        "",
        (
            f"Measured {machine['date']} by `benchmarks/bench_search.py --objects {args.objects} "
            f"--languages {args.languages}{' --postgres' if args.postgres else ''}` on {machine['cpu']}, "
            f"{machine['ram']} RAM ({machine['platform']}), Python {machine['python']}, Django "
            f"{machine['django']}, {machine['database']}, numpy {machine['numpy']}."
        ),
        "",
    ]
    if index:
        lines += [
            (
                f"- Data: {index['objects']:,} objects × {args.languages} languages = {index['texts']:,} "
                f"texts of ~{index['words']} words (synthetic, `generate_entries`); database "
                f"{index['db_mb']:,.0f} MB."
            ),
            (
                f"- Bulk index (`search_index_bulk`, generating the texts not counted): "
                f"**{index['index_seconds']:.0f} s** (target ≤ 120 s); peak RSS of that process "
                f"{index['peak_rss_mb']:.0f} MB."
            ),
        ]
    lines += [
        (
            f"- Query process (a fresh process, like a web worker): first search loads the snapshot in "
            f"{query['load_ms']:.0f} ms; peak RSS **{query['peak_rss_mb']:.0f} MB** (target ≤ 300 MB)."
        ),
        (
            f"- `search_run` with 5 facet counts ({', '.join(FACETS)}), reader language fr, page 1 of 20; "
            f"{args.runs} warm runs per query. Filters: "
            + ", ".join(f"{k} ∈ {{{', '.join(v)}}}" for k, v in FILTERS.items())
            + "."
        ),
        "",
        "| query | text | hits | cold ms | p50 ms | p95 ms | p50 ms, no facets | p95 ms, no facets |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [
        (
            f"| {row['label']} | `{row['text']}` | {row['total']:,} | {row['cold']:.1f} | {row['p50']:.1f} | "
            f"{row['p95']:.1f} | {row['p50_nofacets']:.1f} | {row['p95_nofacets']:.1f} |"
        )
        for row in query["rows"]
    ]
    lines += [
        "",
        (
            f"Overall p95 (warm, with facets): **{query['p95_all']:.1f} ms** (target ≤ 50 ms). "
            f"Cold first runs: p95 {query['cold_p95']:.0f} ms, worst {query['cold_max']:.0f} ms — a word "
            "the process has not met since the index last changed costs three database round trips "
            "(anywhere, in a title, in a summary) that return every matching object."
        ),
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
