"""A process's snapshot is brought up to date incrementally after writes, and stays exact.

These tests run outside a transaction (``transaction=True``): a snapshot read inside one is never
refreshed incrementally, so the usual transactional tests always load it whole.
"""

import pytest
from django.db import transaction

from educities.core.models import SearchEntry
from educities.core.search import (
    SearchEntryData,
    SearchQuery,
    clear_snapshots,
    search_index_bulk,
    search_index_remove,
    search_run,
)
from educities.core.search import snapshot as snapshot_module
from tests.core.search.conftest import INDEX, doc, put

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

FACETS = ("colour", "size")


def run(text="", **kwargs):
    return search_run(index=INDEX, query=SearchQuery(text=text, facets=FACETS, per_page=50, **kwargs))


def picture(text="", **kwargs):
    results = run(text, **kwargs)
    return (
        results.total,
        [(hit.object_id, hit.score, hit.title_html) for hit in results.hits],
        results.facets,
    )


@pytest.fixture
def loads(monkeypatch):
    calls = []
    original = snapshot_module._load

    def counting(*args, **kwargs):
        calls.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(snapshot_module, "_load", counting)
    return calls


def test_snapshot_refresh_after_writes_equals_a_full_load(loads):
    put(1, doc("en", "Apple garden", "green apples"), facets={"colour": ["green"], "size": ["s"]}, day=1)
    put(2, doc("fr", "Jardin de pommes", "apple"), facets={"colour": ["red"]}, day=2)
    put(3, doc("en", "Pear orchard", "", "apple pie"), facets={"colour": ["green"], "size": ["l"]}, day=3)
    queries = [("apple",), ("pear*",), ('"apple garden"',), ("",), ("apple", {"colour": ["green"]})]
    for query in queries:
        run(*query[:1], filters=query[1] if len(query) > 1 else {})  # cache these words
    assert loads == [INDEX]

    put(2, doc("en", "Apple tree", "no fruit"), facets={"colour": ["blue"], "size": ["m"]}, day=5)
    put(4, doc("en", "Pear garden", "apple"), facets={"colour": ["red"], "shape": ["round"]}, day=4)
    search_index_remove(index=INDEX, object_id=3)
    refreshed = [picture(q[0], filters=q[1] if len(q) > 1 else {}) for q in queries]
    assert loads == [INDEX]  # brought up to date, not loaded again

    clear_snapshots()
    assert refreshed == [picture(q[0], filters=q[1] if len(q) > 1 else {}) for q in queries]
    assert loads == [INDEX, INDEX]
    assert run("apple").total == 3
    assert {h.object_id for h in run("apple").hits[:2]} == {1, 2}  # title matches first, the new one too


def test_snapshot_refresh_finds_a_new_entry_for_a_cached_word_only_once_checked(loads):
    put(1, doc("en", "Lantern"))
    assert run("lantern").total == 1

    put(2, doc("en", "Paper lantern"))
    put(3, doc("en", "Candle", "a lantern"))

    assert sorted(h.object_id for h in run("lantern").hits) == [1, 2, 3]
    assert loads == [INDEX]


def test_snapshot_refresh_loads_everything_after_a_bulk(loads):
    put(1, doc("en", "Lantern"))
    run("lantern")
    search_index_bulk(
        index=INDEX,
        entries=[
            SearchEntryData(object_id=i, documents=[doc("en", f"Lantern {i}")], facets={})
            for i in range(2, 400)
        ],
    )
    assert run("lantern").total == 399
    assert loads == [INDEX, INDEX]


def test_search_entry_ids_are_never_given_again():
    put(1, doc("en", "One"))
    put(2, doc("en", "Two"))
    highest = SearchEntry.objects.get(object_id=2).id
    search_index_remove(index=INDEX, object_id=2)
    put(3, doc("en", "Three"))
    search_index_bulk(
        index=INDEX, entries=[SearchEntryData(object_id=4, documents=[doc("en", "Four")], facets={})]
    )

    assert SearchEntry.objects.get(object_id=3).id > highest
    assert SearchEntry.objects.get(object_id=4).id > SearchEntry.objects.get(object_id=3).id


def test_snapshot_read_in_a_transaction_is_loaded_again_after_it(loads):
    put(1, doc("en", "Lantern"))
    with transaction.atomic():
        put(2, doc("en", "Lantern two"))
        assert run("lantern").total == 2  # this transaction's own write
        transaction.set_rollback(True)
    put(3, doc("en", "Lantern three"))

    assert sorted(h.object_id for h in run("lantern").hits) == [1, 3]
    assert loads == [INDEX, INDEX]
