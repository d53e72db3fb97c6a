"""The two database backends: SQLite FTS5 and PostgreSQL full-text search.

Each backend writes the index rows, fetches the objects one atom matches (anywhere, or in the title or
summary), and ranks a short list of candidates with the database's own ranking (FTS5 ``bm25`` with
column weights title 10, summary 4, body 1; PostgreSQL ``ts_rank`` with weights A 1.0, B 0.4, C 0.2).
Atoms are compiled from folded words made only of letters and digits, and always quoted.
"""

import json
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.db import connection

from educities.core.search.text import Atom, Clause

FTS_TABLE = "core_search_fts"
FTS_CONTENT_VIEW = "core_search_fts_content"
BM25_WEIGHTS = (10.0, 4.0, 1.0)
SQLITE_RANK_MAX_MATCHES = 2000
PG_CONFIGS = ("educities_english", "educities_french", "educities_spanish", "educities_portuguese")
PG_SIMPLE = "educities_simple"
# ts_rank weights in PostgreSQL's order: D, C (body), B (summary), A (title).
PG_RANK_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"

# A text row, as written: (entry id, language, title, summary, body).
TextRow = tuple[int, str, str, str, str]


class Backend:
    vendor = ""

    # --- writing -----------------------------------------------------------------------------
    def before_texts_change(self, entry_ids: Sequence[int]) -> None:
        """Called before the texts of these entries change or go."""

    def after_texts_change(self, entry_ids: Sequence[int]) -> None:
        """Called once the texts of these entries are written."""

    def clear_all(self, index: str) -> bool:
        """Drops the whole text index at once when only ``index`` uses it; says whether it did."""
        return False

    def days_sql(self) -> str:
        raise NotImplementedError

    def facets_sql(self) -> str:
        return "facets"

    def new_entry_ids(self, count: int) -> list[int]:
        """Ids for new entries, never used before (snapshots tell new entries by their ids)."""
        raise NotImplementedError

    def insert_rows(self, entries: list[tuple], texts: list[TextRow]) -> None:
        raise NotImplementedError

    # --- reading -----------------------------------------------------------------------------
    def atom_entry_ids(
        self, index: str, atom: Atom, *, column: str | None, entry_ids: Sequence[int] | None = None
    ) -> list[int]:
        """The entries the atom matches, anywhere or in one column ("title" or "summary"); among
        ``entry_ids`` only when given."""
        raise NotImplementedError

    def rank(self, clauses: list[Clause], entry_ids: Sequence[int], *, matches: int) -> dict[int, float]:
        """The database's relevance of these entries (higher is better); {} when it would cost too much.

        ``matches`` is the number of objects the text matches before filters."""
        raise NotImplementedError


def _fts_atom(atom: Atom) -> str:
    # Words are letters and digits only; the quotes make FTS5 read them as strings, never as syntax.
    quoted = '"' + " ".join(w.replace('"', '""') for w in atom.words) + '"'
    return quoted + " *" if atom.kind == "prefix" else quoted


class SqliteBackend(Backend):
    vendor = "sqlite"

    def before_texts_change(self, entry_ids):
        # FTS5's external content is the view over core_searchtext: remove the old tokens while the
        # view still shows the old texts.
        with connection.cursor() as cursor:
            for chunk in _chunks(entry_ids, 500):
                marks = ",".join("%s" for _ in chunk)
                cursor.execute(
                    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, summary, body) "  # noqa: S608
                    f"SELECT 'delete', id, title, summary, body FROM {FTS_CONTENT_VIEW} "
                    f"WHERE id IN ({marks}) AND id IN (SELECT entry_id FROM core_searchtext)",
                    list(chunk),
                )

    def after_texts_change(self, entry_ids):
        with connection.cursor() as cursor:
            for chunk in _chunks(entry_ids, 500):
                marks = ",".join("%s" for _ in chunk)
                cursor.execute(
                    f"INSERT INTO {FTS_TABLE}(rowid, title, summary, body) "  # noqa: S608
                    f"SELECT id, title, summary, body FROM {FTS_CONTENT_VIEW} "
                    f"WHERE id IN ({marks}) AND id IN (SELECT entry_id FROM core_searchtext)",
                    list(chunk),
                )

    def clear_all(self, index):
        with connection.cursor() as cursor:
            cursor.execute('SELECT 1 FROM core_searchentry WHERE "index" <> %s LIMIT 1', [index])
            if cursor.fetchone():
                return False
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all')")  # noqa: S608
        return True

    def days_sql(self):
        return "CAST(julianday(sort_date) - 2440587.5 AS INTEGER)"  # days since 1970-01-01

    def new_entry_ids(self, count):
        # AUTOINCREMENT's counter too: the highest id may have been deleted, and is never given again.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT MAX(COALESCE((SELECT MAX(id) FROM core_searchentry), 0), "
                "COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'core_searchentry'), 0))"
            )
            first = cursor.fetchone()[0] + 1
        return list(range(first, first + count))

    def insert_rows(self, entries, texts):
        with connection.cursor() as cursor:
            cursor.executemany(
                'INSERT INTO core_searchentry (id, "index", object_id, sort_date, lat, lon, facets) '
                "VALUES (%s, %s, %s, %s, %s, %s, %s)",
                entries,
            )
            cursor.executemany(
                "INSERT INTO core_searchtext (entry_id, language, title, summary, body) "
                "VALUES (%s, %s, %s, %s, %s)",
                texts,
            )
            # What the content view gives for these rows (fields joined in language order), without
            # reading the texts back.
            joined: dict[int, list[list[str]]] = {}
            for entry_id, _language, title, summary, body in sorted(texts, key=lambda row: row[:2]):
                fields = joined.setdefault(entry_id, [[], [], []])
                fields[0].append(title)
                fields[1].append(summary)
                fields[2].append(body)
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE}(rowid, title, summary, body) VALUES (%s, %s, %s, %s)",  # noqa: S608
                [(entry_id, *(" ".join(f) for f in fields)) for entry_id, fields in joined.items()],
            )

    def atom_entry_ids(self, index, atom, *, column, entry_ids=None):
        expression = _fts_atom(atom)
        if column:
            expression = "{" + column + "} : " + expression
        sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"  # noqa: S608
        with connection.cursor() as cursor:
            if entry_ids is None or atom.kind == "prefix":
                # "rowid IN (…)" makes FTS5 merge every term of a prefix again per rowid: slower than
                # one pass over all the matches.
                cursor.execute(sql, [expression])
                found = [row[0] for row in cursor.fetchall()]
                if entry_ids is None:
                    return found
                wanted = set(entry_ids)
                return [rowid for rowid in found if rowid in wanted]
            found = []
            for chunk in _chunks(list(entry_ids), 500):
                cursor.execute(sql + f" AND rowid IN ({','.join('%s' for _ in chunk)})", [expression, *chunk])
                found += [row[0] for row in cursor.fetchall()]
            return found

    def rank(self, clauses, entry_ids, *, matches):
        # FTS5 evaluates the whole expression again for each rowid of "rowid IN (...)" (a prefix
        # merges every matching term's list each time), so it ranks in one pass over all the matches,
        # and only when they are few; otherwise the coarse order stands.
        if not entry_ids or not clauses or matches > SQLITE_RANK_MAX_MATCHES:
            return {}
        expression = " AND ".join(
            "(" + " OR ".join(_fts_atom(a) for a in clause.atoms) + ")" for clause in clauses
        )
        weights = ", ".join(str(w) for w in BM25_WEIGHTS)
        wanted = set(entry_ids)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, bm25({FTS_TABLE}, {weights}) FROM {FTS_TABLE} "  # noqa: S608
                f"WHERE {FTS_TABLE} MATCH %s",
                [expression],
            )
            # bm25 is lower for better matches: turn it round so higher is better on both backends
            return {rowid: -score for rowid, score in cursor.fetchall() if rowid in wanted}


def _tsquery_text(atom: Atom, *, column: str | None) -> str:
    """PostgreSQL to_tsquery syntax for one atom (words are letters and digits only, quoted)."""
    weights = {"title": "A", "summary": "B"}.get(column or "", "")
    if atom.kind == "prefix":
        return f"'{atom.words[0]}':*{weights}"
    suffix = f":{weights}" if weights else ""
    return " <-> ".join(f"'{w}'{suffix}" for w in atom.words)


def _pg_atom_sql(atom: Atom, *, column: str | None = None) -> tuple[str, list[str]]:
    """The atom compiled for each language configuration and for the simple one, OR-ed."""
    text = _tsquery_text(atom, column=column)
    configs = (*PG_CONFIGS, PG_SIMPLE)
    sql = "(" + " || ".join("to_tsquery(%s::regconfig, %s)" for _ in configs) + ")"
    params: list[str] = []
    for config in configs:
        params += [config, text]
    return sql, params


class PostgresBackend(Backend):
    vendor = "postgresql"

    def after_texts_change(self, entry_ids):
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE core_searchentry SET document = educities_search_document(id) WHERE id = ANY(%s)",
                [list(entry_ids)],
            )

    def days_sql(self):
        return "(sort_date - DATE '1970-01-01')"

    def facets_sql(self):
        return "facets::text"

    def new_entry_ids(self, count):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence('core_searchentry', 'id')) "
                "FROM generate_series(1, %s)",
                [count],
            )
            return [row[0] for row in cursor.fetchall()]

    def insert_rows(self, entries, texts):
        # Each row is written once, with its document: the texts first (the foreign key is checked at
        # commit), the entries through a scratch table and one INSERT … SELECT that computes the
        # document. (COPY then UPDATE … SET document wrote every entry and its GIN keys twice.)
        if not entries:
            return
        with connection.cursor() as cursor:
            with cursor.cursor.copy(
                "COPY core_searchtext (entry_id, language, title, summary, body) FROM STDIN"
            ) as copy:
                for row in texts:
                    copy.write_row(row)
            cursor.execute(
                "CREATE TEMPORARY TABLE IF NOT EXISTS educities_search_staging "
                "(id bigint, index varchar(64), object_id bigint, sort_date date, lat double precision, "
                "lon double precision, facets jsonb) ON COMMIT DROP"
            )
            with cursor.cursor.copy(
                "COPY educities_search_staging (id, index, object_id, sort_date, lat, lon, facets) FROM STDIN"
            ) as copy:
                for row in entries:
                    copy.write_row(row)
            cursor.execute(
                'INSERT INTO core_searchentry (id, "index", object_id, sort_date, lat, lon, facets, '
                "document) SELECT id, index, object_id, sort_date, lat, lon, facets, "
                "educities_search_document(id) FROM educities_search_staging"
            )
            cursor.execute("TRUNCATE educities_search_staging")

    def atom_entry_ids(self, index, atom, *, column, entry_ids=None):
        sql, params = _pg_atom_sql(atom, column=column)
        where = ""
        if entry_ids is not None:
            where, params = " AND id = ANY(%s)", [*params, list(entry_ids)]
        with connection.cursor() as cursor:
            cursor.execute(
                f'SELECT id FROM core_searchentry WHERE "index" = %s AND document @@ {sql}{where}',  # noqa: S608
                [index, *params],
            )
            return [row[0] for row in cursor.fetchall()]

    def rank(self, clauses, entry_ids, *, matches):
        if not entry_ids or not clauses:
            return {}
        parts = []
        params: list[str] = []
        for clause in clauses:
            atom_parts = []
            for atom in clause.atoms:
                sql, atom_params = _pg_atom_sql(atom)
                atom_parts.append(sql)
                params += atom_params
            parts.append("(" + " || ".join(atom_parts) + ")")
        query = " && ".join(parts)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, ts_rank('{PG_RANK_WEIGHTS}', document, {query}, 1) "  # noqa: S608
                "FROM core_searchentry WHERE id = ANY(%s)",
                [*params, list(entry_ids)],
            )
            return {row[0]: float(row[1]) for row in cursor.fetchall()}


def _chunks(values: Sequence[int], size: int) -> Iterable[Sequence[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def dumps_facets(facets) -> str:
    return json.dumps({k: [str(v) for v in values] for k, values in facets.items()}, ensure_ascii=False)


def get_backend() -> Backend:
    choice = getattr(settings, "SEARCH_BACKEND", "") or connection.vendor
    if choice in ("postgresql", "postgres"):
        return PostgresBackend()
    return SqliteBackend()
