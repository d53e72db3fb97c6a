import datetime

import pytest

from educities.core.search import (
    FacetCount,
    SearchEntryData,
    SearchQuery,
    clear_snapshots,
    search_index_bulk,
    search_index_clear,
    search_index_remove,
    search_matching_ids,
    search_points,
    search_run,
    search_similar,
)
from educities.core.search import snapshot as snapshot_module
from tests.core.search.conftest import INDEX, doc, put

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def run(text="", **kwargs):
    return search_run(index=INDEX, query=SearchQuery(text=text, **kwargs))


def ids(results):
    return [hit.object_id for hit in results.hits]


def test_search_is_accent_and_case_insensitive():
    put(1, doc("es", "Educación en la ciudad"))
    put(2, doc("fr", "Une école ouverte"))
    put(3, doc("en", "Gardens"))

    assert ids(run("educacion")) == [1]
    assert ids(run("EDUCACIÓN")) == [1]
    assert ids(run("ÉCOLE")) == [2]
    assert ids(run("ecole")) == [2]


def test_search_phrase_needs_the_words_in_order():
    put(1, doc("en", "City garden for all"))
    put(2, doc("en", "A garden city"))

    assert ids(run('"city garden"')) == [1]
    assert sorted(ids(run("city garden"))) == [1, 2]


def test_search_prefix_finds_longer_words():
    put(1, doc("en", "Community gardens"))
    put(2, doc("en", "Garbage collection"))
    put(3, doc("en", "Libraries"))

    assert ids(run("garde*")) == [1]
    assert sorted(ids(run("gar*"))) == [1, 2]


def test_search_words_must_all_match():
    put(1, doc("en", "Gardens", body="children and elders"))
    put(2, doc("en", "Gardens", body="children only"))

    assert ids(run("children elders")) == [1]


def test_search_or_and_exclusion():
    put(1, doc("en", "School gardens"), day=1)
    put(2, doc("es", "Escuela abierta"), day=2)
    put(3, doc("en", "School libraries"), day=3)

    assert sorted(ids(run("gardens OR abierta"))) == [1, 2]
    assert ids(run("school -libraries")) == [1]
    assert ids(run("-school")) == [2]


def test_search_title_match_ranks_above_summary_and_body_match():
    put(1, doc("en", "Other things", body="a word about gardens"), day=30)
    put(2, doc("en", "Gardens of the city", body="nothing else"), day=1)
    put(3, doc("en", "Other things", summary="gardens in summary"), day=20)

    results = run("gardens")

    assert ids(results) == [2, 3, 1]
    assert results.hits[0].score > results.hits[1].score > results.hits[2].score


def test_search_counts_an_object_once_whatever_its_languages():
    put(1, doc("en", "Education in the city"), doc("fr", "Éducation dans la ville"), doc("es", "Educación"))

    results = run("education OR educacion")

    assert results.total == 1
    assert ids(results) == [1]


def test_search_hit_is_in_the_readers_language_when_that_version_matches():
    put(1, doc("en", "Education in the city", "English summary"), doc("fr", "Éducation dans la ville"))

    assert run("education", language="fr").hits[0].language == "fr"
    assert run("education", language="en").hits[0].language == "en"


def test_search_hit_falls_back_to_the_best_matching_version():
    put(1, doc("en", "Gardens for children"), doc("fr", "Jardins pour les enfants"))

    hit = run("gardens", language="fr").hits[0]

    assert hit.language == "en"
    assert hit.title_html == "<mark>Gardens</mark> for children"


def test_search_without_text_browses_everything_newest_first():
    put(1, doc("en", "One"), day=1)
    put(2, doc("en", "Two"), day=3)
    put(3, doc("en", "Three"), day=2)

    results = run("")

    assert ids(results) == [2, 3, 1]
    assert results.total == 3
    assert results.error == ""


def test_search_sort_by_date_is_newest_first_ties_by_id():
    put(1, doc("en", "Gardens"), day=5)
    put(2, doc("en", "Gardens gardens"), day=9)
    put(3, doc("en", "Gardens"), day=9)
    put(4, doc("en", "Gardens"), day=None if False else 0)

    assert ids(run("gardens", sort="date")) == [3, 2, 1, 4]


def test_search_paginates():
    for i in range(1, 8):
        put(i, doc("en", f"Garden {i}"), day=i)

    first = run("garden", sort="date", per_page=3)
    last = run("garden", sort="date", per_page=3, page=3)
    beyond = run("garden", sort="date", per_page=3, page=99)

    assert (first.total, first.num_pages, ids(first)) == (7, 3, [7, 6, 5])
    assert (last.page, ids(last)) == (3, [1])
    assert (beyond.page, ids(beyond)) == (3, [1])


def _facet_world():
    put(1, doc("en", "Gardens"), facets={"country": ["ES"], "theme": ["green", "kids"]})
    put(2, doc("en", "Gardens"), facets={"country": ["ES"], "theme": ["green"]})
    put(3, doc("en", "Gardens"), facets={"country": ["FR"], "theme": ["kids"]})
    put(4, doc("en", "Gardens"), facets={"country": ["PT"], "theme": ["art"]})
    put(5, doc("en", "Libraries"), facets={"country": ["ES"], "theme": ["kids"]})


def test_search_facets_count_distinct_objects_matching_the_text():
    _facet_world()

    results = run("gardens", facets=["country", "theme"])

    assert results.facets == {
        "country": [FacetCount("ES", 2, False), FacetCount("FR", 1, False), FacetCount("PT", 1, False)],
        "theme": [FacetCount("green", 2, False), FacetCount("kids", 2, False), FacetCount("art", 1, False)],
    }


def test_search_filters_or_within_a_facet_and_across_facets():
    _facet_world()

    assert sorted(ids(run("gardens", filters={"country": ["ES", "FR"]}))) == [1, 2, 3]
    assert sorted(ids(run("gardens", filters={"country": ["ES", "FR"], "theme": ["kids"]}))) == [1, 3]
    assert ids(run("gardens", filters={"country": ["PT"], "theme": ["kids"]})) == []


def test_search_facet_counts_ignore_their_own_filter_only():
    _facet_world()

    results = run("gardens", filters={"country": ["ES"], "theme": ["kids"]}, facets=["country", "theme"])

    assert results.total == 1
    # country counts: text + theme=kids (objects 1, 3); theme counts: text + country=ES (objects 1, 2)
    assert results.facets == {
        "country": [FacetCount("ES", 1, True), FacetCount("FR", 1, False)],
        "theme": [FacetCount("green", 2, False), FacetCount("kids", 1, True)],
    }


def test_search_selected_value_without_matches_is_listed_with_zero():
    _facet_world()

    results = run("gardens", filters={"country": ["XX"], "unknown": ["1"]}, facets=["country", "unknown"])

    assert results.total == 0
    assert FacetCount("XX", 0, True) in results.facets["country"]
    assert results.facets["unknown"] == [FacetCount("1", 0, True)]


def test_search_snippet_marks_matches_and_escapes_everything_else():
    put(1, doc("en", "<b>Gardens</b> & more", "Intro", "A <script>alert(1)</script> about gardens & kids"))

    hit = run("gardens").hits[0]

    assert hit.title_html == "&lt;b&gt;<mark>Gardens</mark>&lt;/b&gt; &amp; more"
    assert hit.snippet_html == (
        "A &lt;script&gt;alert(1)&lt;/script&gt; about <mark>gardens</mark> &amp; kids"
    )


def test_search_snippet_is_a_window_of_about_thirty_words():
    words = [f"w{i}" for i in range(100)]
    words[60] = "gardens"
    put(1, doc("en", "Title", "", " ".join(words)))

    snippet = str(run("gardens").hits[0].snippet_html)

    assert snippet.startswith("… w53 ")
    assert snippet.endswith(" w82 …")
    assert "<mark>gardens</mark>" in snippet


def test_search_replace_and_remove_update_results_and_counts():
    put(1, doc("en", "Gardens"), facets={"country": ["ES"]})
    put(2, doc("en", "Gardens"), facets={"country": ["FR"]})
    assert run("gardens", facets=["country"]).total == 2

    put(1, doc("en", "Libraries"), facets={"country": ["FR"]})
    search_index_remove(index=INDEX, object_id=2)

    assert run("gardens").total == 0
    results = run("libraries", facets=["country"])
    assert ids(results) == [1]
    assert results.facets == {"country": [FacetCount("FR", 1, False)]}


def test_search_process_sees_writes_of_another_process():
    put(1, doc("en", "Gardens"), facets={"country": ["ES"]})
    assert run("gardens", facets=["country"]).total == 1  # this "process" caches the snapshot
    this_process = dict(snapshot_module._snapshots)

    clear_snapshots()  # another process writes, with its own cache
    put(2, doc("en", "Gardens"), facets={"country": ["FR"]})
    search_index_remove(index=INDEX, object_id=1)

    snapshot_module._snapshots.update(this_process)  # back to the first process and its old cache
    results = run("gardens", facets=["country"])
    assert ids(results) == [2]
    assert results.facets == {"country": [FacetCount("FR", 1, False)]}


def test_search_similar_shares_words_and_facets_never_itself():
    put(1, doc("en", "Urban gardens with children", "Kids grow vegetables"), facets={"theme": ["green"]})
    put(2, doc("en", "Children gardens in schools", "Vegetables"), facets={"theme": ["green"]})
    put(3, doc("en", "Libraries at night"), facets={"theme": ["culture"]})
    put(4, doc("en", "Sports for elders"), facets={"theme": ["green"]})

    similar = search_similar(index=INDEX, object_id=1)

    assert similar == [2, 4]
    assert search_similar(index=INDEX, object_id=99) == []


def test_search_matching_ids_and_points_follow_text_and_filters():
    put(1, doc("en", "Gardens"), facets={"country": ["ES"]}, point=(41.4, 2.2), day=1)
    put(2, doc("en", "Gardens"), facets={"country": ["ES"]}, day=2)
    put(3, doc("en", "Gardens"), facets={"country": ["FR"]}, point=(48.9, 2.3), day=3)
    put(4, doc("en", "Libraries"), facets={"country": ["ES"]}, point=(40.4, -3.7), day=4)

    assert search_matching_ids(index=INDEX, text="gardens", filters={"country": ["ES"]}) == [2, 1]
    assert search_points(index=INDEX, text="gardens", filters={}) == [(3, 48.9, 2.3), (1, 41.4, 2.2)]
    assert search_matching_ids(index=INDEX, text="*", filters={}) == []


def test_search_bulk_indexes_replaces_and_reports_progress():
    put(1, doc("en", "Old title"))
    seen = []
    entries = (
        SearchEntryData(
            object_id=i,
            documents=[doc("en", f"Garden number {i}"), doc("fr", f"Jardin numéro {i}")],
            facets={"parity": ["even" if i % 2 == 0 else "odd"]},
            sort_date=datetime.date(2020, 1, i),
            point=None,
        )
        for i in range(1, 6)
    )

    count = search_index_bulk(index=INDEX, entries=entries, progress=seen.append, batch_size=2)

    assert count == 5
    assert seen == [2, 4, 5]
    assert run("old").total == 0
    results = run("jardin", facets=["parity"], language="fr")
    assert ids(results) == [5, 4, 3, 2, 1]
    assert results.hits[0].language == "fr"
    assert results.facets == {"parity": [FacetCount("odd", 3, False), FacetCount("even", 2, False)]}


def test_search_clear_empties_one_index_only():
    put(1, doc("en", "Gardens"))
    put(1, doc("en", "Gardens"), index="other")

    search_index_clear(index=INDEX)

    assert run("gardens").total == 0
    assert search_run(index="other", query=SearchQuery(text="gardens")).total == 1
    put(2, doc("en", "Gardens again"))
    assert ids(run("gardens")) == [2]


def test_search_stores_text_with_control_characters_safely():
    put(1, doc("en", "Gar\x00dens\x07", "sum\u200bmary", "bo\x00dy"))

    assert run("dens").total == 1
    assert run("gar").total == 1


@pytest.mark.parametrize("size", [3, 30])
def test_search_run_query_count_does_not_grow_with_data(size, django_assert_num_queries):
    for i in range(size):
        put(i + 1, doc("en", f"Gardens {i}", "summary"), doc("fr", "Jardins"), facets={"country": ["ES"]})
    query = SearchQuery(text="gardens jardins", facets=["country"], filters={"country": ["ES"]})
    clear_snapshots()

    # cold: version, snapshot, 3 per word (anywhere, title, summary), rank, texts of the page
    with django_assert_num_queries(1 + 1 + 6 + 1 + 1):
        search_run(index=INDEX, query=query)
    # warm: version, rank, texts of the page
    with django_assert_num_queries(3):
        search_run(index=INDEX, query=query)
