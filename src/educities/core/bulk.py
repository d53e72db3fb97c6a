"""Inserting many rows fast: PostgreSQL's COPY, or one prepared statement executed many times.

Django's ``bulk_create`` builds the SQL of every row in Python, which costs more than the database
itself at hundreds of thousands of rows (a bulk import of experiences writes millions). Rows here are
tuples already in the database's terms (``model_bulk_values`` converts dates and times); nothing is
returned, so use ``bulk_create`` where the new primary keys are needed.
"""

from collections.abc import Iterable, Sequence

from django.db import connection, models


def model_bulk_values(model: type[models.Model], fields: Sequence[str]):
    """A function turning a tuple of Python values into the database's values for those fields."""
    # Text, numbers, booleans and keys go as they are; only dates, times and JSON need the field's help.
    special = [
        (index, model._meta.get_field(name).get_db_prep_save)
        for index, name in enumerate(fields)
        if isinstance(model._meta.get_field(name), models.DateField | models.TimeField | models.JSONField)
    ]
    if not special:
        return tuple

    # A bulk insert repeats the same timestamp on thousands of rows: convert each distinct value once.
    cache: dict = {}

    def convert(row: Sequence) -> tuple:
        values = list(row)
        for index, prep in special:
            value = values[index]
            key = (index, value) if value.__hash__ is not None else None
            if key is not None and key in cache:
                values[index] = cache[key]
                continue
            values[index] = prepared = prep(value, connection)
            if key is not None and len(cache) < 10_000:
                cache[key] = prepared
        return tuple(values)

    return convert


def model_bulk_insert(*, model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence]) -> int:
    """Insert ``rows`` (tuples of the ``fields`` in order, Python values) into ``model``'s table."""
    meta = model._meta
    quote = connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in fields)
    convert = model_bulk_values(model, fields)
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(convert(row))
                    count += 1
            return count
        placeholders = ", ".join(["%s"] * len(fields))
        batch: list[tuple] = []
        sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608 - names quoted
        for row in rows:
            batch.append(convert(row))
            if len(batch) == 5000:
                cursor.executemany(sql, batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count
