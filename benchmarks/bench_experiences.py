"""Benchmark of the bank of experiences at 100,000 experiences × 4 language versions.

    .venv/bin/python benchmarks/bench_experiences.py                      # SQLite, 100,000
    .venv/bin/python benchmarks/bench_experiences.py --postgres           # PostgreSQL (educities_bench)
    .venv/bin/python benchmarks/bench_experiences.py --objects 2000 --requests 10   # a quick run

Four processes, each with a fresh start:
1. prepare: a fresh database (migrate, the demo data: 495 member cities, networks, Charter);
2. generate (skipped when the file exists): writes the experiences as JSON Lines (the format of
   ``manage.py experiences_import``) to a scratch file — multilingual texts (~450 words per language
   version, Zipf-distributed vocabulary where the word for "education" appears in almost every
   experience), vocabularies, dates, over the demo's member cities;
3. import: ``experiences_bulk_import`` reading that file — timed, with its peak memory;
4. web: a new process that only serves the search page (``django.test.Client``, the whole Django stack
   in process, no network) for a fixed set of queries — one word (common and rare), two words, a phrase,
   a prefix, each without and with 3 facet filters — reporting p50/p95 server time per page (facet
   counts included), queries per request, and the process's peak memory (RSS).

The results replace this script's section of ``benchmarks/RESULTS.md`` and keep the rest.
"""

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
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
SQLITE_DIR = Path("/tmp/educities-bench-experiences")  # noqa: S108 - a scratch directory is the point
SEED = 20261125
LANGUAGES = ("en", "fr", "es", "pt")
FIELDS = ("context", "objectives", "actions", "results", "lessons")

# Realistic words per language; the long tail is completed with generated words (see _vocabulary).
WORDS = {
    "en": (
        "education city children young people school learning community participation public space "
        "families neighbourhood council teachers culture library citizens inclusion project programme "
        "municipal services training workshop activities evaluation results network social health "
        "environment sustainable mobility garden playground volunteers older intergenerational women "
        "migrants equality rights democracy dialogue heritage museum music sport employment digital "
        "skills literacy reading street walk route safe green climate energy food dignity listening "
        "partnership university association local government department budget plan strategy mayor "
        "voice decision meeting assembly proposal vote group project evaluation impact indicators"
    ),
    "fr": (
        "éducation ville enfants jeunes école apprentissage communauté participation espace public "
        "familles quartier conseil enseignants culture bibliothèque citoyens inclusion projet programme "
        "municipal services formation atelier activités évaluation résultats réseau social santé "
        "environnement durable mobilité jardin cour volontaires aînés intergénérationnel femmes "
        "migrants égalité droits démocratie dialogue patrimoine musée musique sport emploi numérique "
        "compétences alphabétisation lecture rue marche parcours sûr vert climat énergie alimentation "
        "dignité écoute partenariat université association collectivité département budget plan "
        "stratégie maire voix décision réunion assemblée proposition vote groupe impact indicateurs"
    ),
    "es": (
        "educación ciudad niños niñas jóvenes escuela aprendizaje comunidad participación espacio público "
        "familias barrio consejo docentes cultura biblioteca ciudadanía inclusión proyecto programa "
        "municipal servicios formación taller actividades evaluación resultados red social salud "
        "medio ambiente sostenible movilidad huerto patio voluntariado mayores intergeneracional mujeres "
        "migrantes igualdad derechos democracia diálogo patrimonio museo música deporte empleo digital "
        "competencias alfabetización lectura calle camino ruta seguro verde clima energía alimentación "
        "dignidad escucha colaboración universidad asociación ayuntamiento concejalía presupuesto plan "
        "estrategia alcaldesa voz decisión reunión asamblea propuesta voto grupo impacto indicadores"
    ),
    "pt": (
        "educação cidade crianças jovens escola aprendizagem comunidade participação espaço público "
        "famílias bairro conselho professores cultura biblioteca cidadãos inclusão projeto programa "
        "municipal serviços formação oficina atividades avaliação resultados rede social saúde "
        "ambiente sustentável mobilidade horta recreio voluntários idosos intergeracional mulheres "
        "migrantes igualdade direitos democracia diálogo património museu música desporto emprego digital "
        "competências alfabetização leitura rua caminho percurso seguro verde clima energia alimentação "
        "dignidade escuta parceria universidade associação câmara departamento orçamento plano "
        "estratégia presidente voz decisão reunião assembleia proposta voto grupo impacto indicadores"
    ),
}
COMMON = {"en": "education", "fr": "éducation", "es": "educación", "pt": "educação"}
PHRASES = {
    "en": "municipal council of children",
    "fr": "conseil municipal des enfants",
    "es": "consejo municipal de la infancia",
    "pt": "conselho municipal das crianças",
}
# (label, query string); facets are the same three in every "+ 3 facets" line.
FACETS = "&country=ES&theme=participation&sdg=4"
QUERIES = [
    ("one common word", "q=%C3%A9ducation"),  # éducation, encoded as a browser sends it
    ("one rare word", "q=RAREWORD"),
    ("two words", "q=participation+enfants"),
    ("a phrase", "q=%22conseil+municipal%22"),
    ("a prefix", "q=particip*"),
    ("browse (no text)", ""),
]


# --- parent process ------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--objects", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=30, help="timed requests per query")
    parser.add_argument("--postgres", action="store_true", help=f"use {POSTGRES_URL}")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--stage", choices=["prepare", "generate", "import", "web"], help=argparse.SUPPRESS)
    parser.add_argument("--result-file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--web-only",
        action="store_true",
        help="measure the search page again on the database of the last run (its import figures are kept)",
    )
    args = parser.parse_args()
    data_file = SQLITE_DIR / f"experiences-{args.objects}.jsonl"
    if args.stage:
        configure(postgres=args.postgres, fresh=args.stage == "prepare")
        stages = {
            "prepare": stage_prepare,
            "generate": stage_generate,
            "import": stage_import,
            "web": stage_web,
        }
        outcome = stages[args.stage](objects=args.objects, requests=args.requests, data_file=data_file)
        outcome["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        args.result_file.write_text(json.dumps(outcome))
        return
    started = time.monotonic()
    results = {}
    for stage in ("prepare", "generate", "import", "web"):
        result_file = SQLITE_DIR / f"result-{'postgres' if args.postgres else 'sqlite'}-{stage}.json"
        if args.web_only and stage != "web":
            if stage == "import":
                results[stage] = json.loads(result_file.read_text())
            continue
        if stage == "generate" and data_file.exists():
            print(f"Reusing {data_file}", flush=True)
            continue
        print(
            f"=== {stage} ({'PostgreSQL' if args.postgres else 'SQLite'}, {args.objects:,}) ===", flush=True
        )
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--stage",
            stage,
            "--objects",
            str(args.objects),
            "--requests",
            str(args.requests),
            "--result-file",
            str(result_file),
            *(["--postgres"] if args.postgres else []),
        ]
        subprocess.run(command, check=True, cwd=ROOT)  # noqa: S603 - our own script, fixed arguments
        results[stage] = json.loads(result_file.read_text())
    section = markdown(results, objects=args.objects, requests=args.requests, postgres=args.postgres)
    results_write_section(
        args.output, section, script="bench_experiences", key="postgres" if args.postgres else "sqlite"
    )
    print(section)
    print(f"Written to {args.output} in {time.monotonic() - started:.0f} s.")


def configure(*, postgres: bool, fresh: bool) -> None:
    SQLITE_DIR.mkdir(parents=True, exist_ok=True)
    (SQLITE_DIR / "static").mkdir(exist_ok=True)
    os.environ["EDUCITIES_VAR_DIR"] = str(SQLITE_DIR)
    os.environ["EDUCITIES_DEBUG"] = "0"
    os.environ.setdefault("EDUCITIES_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
    if postgres:
        os.environ["DATABASE_URL"] = POSTGRES_URL
        os.environ.setdefault("EDUCITIES_DB_CONN_MAX_AGE", "60")
        if fresh:
            recreate_postgres_database(POSTGRES_URL)
    else:
        os.environ.pop("DATABASE_URL", None)
        if fresh:
            for suffix in ("", "-wal", "-shm", "-journal"):
                (SQLITE_DIR / f"educities.sqlite3{suffix}").unlink(missing_ok=True)
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


# --- stage 1: generate ---------------------------------------------------------------------


def _vocabulary(language: str, rng: random.Random, size: int = 20_000) -> tuple[list[str], list[float]]:
    """Real words first (the frequent ones), then generated words; Zipf weights (1/rank)."""
    words = WORDS[language].split()
    syllables = [
        "ba",
        "co",
        "di",
        "fe",
        "gu",
        "la",
        "me",
        "ni",
        "po",
        "ra",
        "se",
        "ti",
        "vu",
        "zo",
        "an",
        "er",
    ]
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(3, 5)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    weights = [1 / (rank + 1) for rank in range(len(words))]
    return words, weights


def _text(rng: random.Random, vocab, count: int) -> str:
    words, cumulative = vocab
    return " ".join(rng.choices(words, cum_weights=cumulative, k=count))


def stage_generate(*, objects: int, requests: int, data_file: Path) -> dict:
    from itertools import accumulate

    from educities.experiences.enums import Department, SustainableDevelopmentGoal, TargetGroup, Theme

    rng = random.Random(SEED)
    vocabularies = {}
    for language in LANGUAGES:
        words, weights = _vocabulary(language, rng)
        vocabularies[language] = (words, list(accumulate(weights)))
    from educities.members.models import City

    cities = list(
        City.objects.filter(membership_status="member").order_by("pk").values_list("slug", flat=True)
    )
    started = time.monotonic()
    with data_file.open("w", encoding="utf-8") as out:
        for number in range(objects):
            original = rng.choices(LANGUAGES, weights=(3, 3, 4, 3))[0]
            texts = {
                language: _version(rng, vocabularies[language], language, number) for language in LANGUAGES
            }
            record = {
                "city": rng.choice(cities),
                "values": {
                    "original_language": original,
                    **texts[original],
                    "start_date": (date(2005, 1, 1) + timedelta(days=rng.randrange(7300))).isoformat(),
                    "is_ongoing": rng.random() < 0.3,
                    "themes": rng.sample(Theme.values, rng.randint(1, 3)),
                    "target_groups": rng.sample(TargetGroup.values, rng.randint(1, 3)),
                    "sdgs": rng.sample(SustainableDevelopmentGoal.values, rng.randint(1, 3)),
                    "departments": rng.sample(Department.values, rng.randint(1, 3)),
                    "principles": rng.sample(range(1, 21), rng.randint(1, 4)),
                    "budget_range": rng.choice(["none", "lt10k", "10k-50k", "50k-200k", "200k-1m"]),
                },
                "translations": {language: texts[language] for language in LANGUAGES if language != original},
                "provenance": rng.choice(["human", "machine"]),
                "engine": "deepl",
                "published_at": (date(2010, 1, 1) + timedelta(days=rng.randrange(5800))).isoformat(),
                "award_winning": rng.random() < 0.02,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            if (number + 1) % 10_000 == 0:
                print(f"  generated {number + 1:,}", flush=True)
    return {"seconds": time.monotonic() - started, "bytes": data_file.stat().st_size}


def _version(rng: random.Random, vocab, language: str, number: int) -> dict[str, str]:
    title = _text(rng, vocab, 7)
    summary = (
        f"{_text(rng, vocab, 18)} {COMMON[language] if rng.random() < 0.97 else ''} {_text(rng, vocab, 20)}"
    )
    body = {}
    for field in FIELDS:
        words = _text(rng, vocab, 80)
        if field == "actions" and rng.random() < 0.05:
            words += " " + PHRASES[language]
        if field == "results" and number % 5000 == 0:
            words += " rareword"  # about 20 experiences in 100,000 share one rare word
        body[field] = f"<p>{words}</p>"
    return {"title": title.capitalize(), "summary": summary.strip(), **body}


# --- stage 2: import -----------------------------------------------------------------------


def stage_prepare(*, objects: int, requests: int, data_file: Path) -> dict:
    from django.core.management import call_command

    from educities.members.demo.loader import demo_load

    print("Migrating and loading the demo data…", flush=True)
    call_command("migrate", verbosity=0)
    demo_load(log=lambda line: None)
    return {}


def stage_import(*, objects: int, requests: int, data_file: Path) -> dict:
    from django.db import connection

    from educities.experiences.domain.imports import experiences_bulk_import

    def records():
        with data_file.open(encoding="utf-8") as lines:
            for line in lines:
                yield json.loads(line)

    def progress(stage: str, done: int) -> None:
        if done % 10_000 == 0:
            print(f"  {stage}: {done:,} ({time.monotonic() - started:.0f} s)", flush=True)

    started = time.monotonic()
    report = experiences_bulk_import(records=records(), progress=progress)
    seconds = time.monotonic() - started
    if not report.ok:
        raise SystemExit(f"Import refused: {report.errors[:5]}")
    print(f"  imported {report.created:,} in {seconds:.1f} s", flush=True)
    return {
        "seconds": seconds,
        "created": report.created,
        "machine": machine_describe(connection),
        "load": os.getloadavg()[0],
    }


# --- stage 3: web --------------------------------------------------------------------------


def stage_web(*, objects: int, requests: int, data_file: Path) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    client = Client()
    base = reverse("experiences:search")
    rows = []
    for label, query in QUERIES:
        for with_facets in (False, True):
            path = f"{base}?{query}{FACETS if with_facets else ''}".replace("?&", "?")
            cold_begin = time.perf_counter()
            response = client.get(path)
            cold = (time.perf_counter() - cold_begin) * 1000
            timings = []
            for _ in range(requests):
                begin = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - begin) * 1000)
            with CaptureQueriesContext(connection) as queries:
                client.get(path)
            timings.sort()
            row = {
                "label": label + (" + 3 facets" if with_facets else ""),
                "path": path,
                "status": response.status_code,
                "cold": cold,
                "p50": statistics.median(timings),
                "p95": timings[max(0, round(0.95 * len(timings)) - 1)],
                "queries": len(queries.captured_queries),
                "total": _total(response),
            }
            rows.append(row)
            print(
                f"  {row['label']:<32} HTTP {row['status']} cold {cold:7.1f} ms  p50 {row['p50']:6.1f} ms  "
                f"p95 {row['p95']:6.1f} ms  {row['queries']:2d} queries  {row['total']} results",
                flush=True,
            )
    # A publication elsewhere changes the index: the first request of each query after it pays for
    # bringing this process's snapshot up to date (the other process's write, re-indexing one
    # experience, is done here in between; it is not timed).
    from educities.experiences.domain.search import experience_index
    from educities.experiences.models import Experience

    published = list(Experience.objects.order_by("?").values_list("pk", flat=True)[: len(QUERIES) * 2])
    after_write = []
    for (label, query), pk in zip(
        [(label, query) for label, query in QUERIES for _ in (0, 1)], published, strict=False
    ):
        with_facets = len(after_write) % 2 == 1
        path = f"{base}?{query}{FACETS if with_facets else ''}".replace("?&", "?")
        experience_index(experience=Experience.objects.get(pk=pk))
        begin = time.perf_counter()
        client.get(path)
        after_write.append(
            {
                "label": label + (" + 3 facets" if with_facets else ""),
                "ms": (time.perf_counter() - begin) * 1000,
            }
        )
        print(
            f"  after a publication: {after_write[-1]['label']:<32} {after_write[-1]['ms']:7.1f} ms",
            flush=True,
        )
    return {"rows": rows, "after_write": after_write, "load": os.getloadavg()[0]}


def _total(response) -> str:
    """How many experiences the page found (asked of the search service, outside the timings)."""
    from django.http import QueryDict

    from educities.core.search import search_run
    from educities.experiences.domain.search import SEARCH_INDEX
    from educities.experiences.interfaces.search_params import search_params_parse

    query = QueryDict(response.request["QUERY_STRING"])
    return f"{search_run(index=SEARCH_INDEX, query=search_params_parse(query).query(language='en')).total:,}"


# --- report --------------------------------------------------------------------------------


def markdown(results: dict, *, objects: int, requests: int, postgres: bool) -> str:
    machine = results["import"]["machine"]
    rows = results["web"]["rows"]
    overall = max(row["p95"] for row in rows)
    lines = [
        f"## Bank of experiences — {'PostgreSQL' if postgres else 'SQLite'}",
        "",
        (
            f"Measured {machine['date']} by `benchmarks/bench_experiences.py` on {machine['cpus']} CPU(s) "
            f"({machine['platform']}, {machine['memory_gb']:.0f} GB), Python {machine['python']}, "
            f"Django {machine['django']}, {machine['database']}. Data: {objects:,} published experiences × "
            f"4 language versions (~450 words each), {results['import'].get('created', objects):,} imported."
        ),
        "",
        (
            f"- Bulk import (`experiences_bulk_import` from JSON Lines: checks, rows, texts with provenance, "
            f"search index): **{results['import']['seconds']:.0f} s** (target ≤ 120 s); peak memory of the "
            f"import process {results['import']['peak_rss_mb']:.0f} MB."
        ),
        (
            f"- Search page (`/en/experiences/`, whole Django stack in process, all facet counts): "
            f"worst p95 **{overall:.1f} ms** (target ≤ 50 ms); peak memory of the web process "
            f"**{results['web']['peak_rss_mb']:.0f} MB** (target ≤ 300 MB)."
        ),
        "",
        "| query | status | first request ms | p50 ms | p95 ms | queries/request | results |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    lines.extend(
        f"| {row['label']} (`{row['path']}`) | {row['status']} | {row['cold']:.1f} | {row['p50']:.1f} | "
        f"{row['p95']:.1f} | {row['queries']} | {row['total']} |"
        for row in rows
    )
    lines.append("")
    lines.append(
        f"{requests} timed requests per query after one first (cold) request; the first request of this "
        "web process also loads its snapshot of the index."
    )
    loads = [
        f"{what}: {results[stage]['load']:.1f}"
        for stage, what in (("import", "at the end of the import"), ("web", "of the web stage"))
        if "load" in results[stage]
    ]
    if loads:
        lines.append(f"Load average (1 min, 2 cores) {', '.join(loads)}.")
    after = results["web"].get("after_write") or []
    if after:
        timings = sorted(row["ms"] for row in after)
        lines.append("")
        lines.append(
            "First request of each query right after one experience is published again (another "
            f"write bumps the index's version; {len(after)} queries, each after its own publication): "
            f"median {statistics.median(timings):.1f} ms, worst {timings[-1]:.1f} ms "
            "(" + ", ".join(f"{row['label']} {row['ms']:.0f}" for row in after) + ")."
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
