"""Reading multilingual content: the reader's language, the fallback, prefetching and coverage."""

import datetime as dt

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from educities.core.domain.translations import (
    translation_save_human,
    translation_save_machine,
    translation_set_original,
)
from educities.core.domain.translations_queries import (
    LanguageCoverage,
    TranslatedValue,
    translated_text,
    translation_coverage,
    translations_prefetch,
)
from educities.members.models import Network
from tests.factories import NetworkFactory, StaffFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

MARCH = dt.datetime(2026, 3, 3, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def translator():
    return StaffFactory()


@pytest.fixture
def network(translator):
    network = NetworkFactory(description="Ciudades educadoras")
    with time_machine.travel(MARCH, tick=False):
        translation_set_original(obj=network, field="description", language="es", text="Ciudades educadoras")
        translation_save_machine(
            obj=network, field="description", language="en", text="Educating cities", engine="deepl"
        )
        translation_save_human(
            obj=network, field="description", language="fr", text="Villes éducatrices", actor=translator
        )
    return network


def test_translated_text_reader_language_machine_translation(network):
    assert translated_text(obj=network, field="description", language="en") == TranslatedValue(
        text="Educating cities",
        language="en",
        provenance="machine",
        engine="deepl",
        is_original=False,
        is_fallback=False,
        is_stale=False,
        original_language="es",
        translated_at=MARCH,
        reviewed=False,
    )


def test_translated_text_reader_language_human_translation(network):
    value = translated_text(obj=network, field="description", language="fr")

    assert (value.text, value.provenance, value.engine, value.is_original, value.is_fallback) == (
        "Villes éducatrices",
        "human",
        "",
        False,
        False,
    )


def test_translated_text_missing_language_falls_back_to_the_original(network):
    assert translated_text(obj=network, field="description", language="ca") == TranslatedValue(
        text="Ciudades educadoras",
        language="es",
        provenance="original",
        engine="",
        is_original=True,
        is_fallback=True,
        is_stale=False,
        original_language="es",
        translated_at=MARCH,
    )


def test_translated_text_original_language_and_original_on_request(network):
    in_spanish = translated_text(obj=network, field="description", language="es")
    on_request = translated_text(obj=network, field="description", language="fr", original=True)

    assert in_spanish == on_request
    assert (in_spanish.text, in_spanish.is_original, in_spanish.is_fallback) == (
        "Ciudades educadoras",
        True,
        False,
    )
    assert in_spanish.original_language_name == "Spanish"


def test_translated_text_is_stale_after_the_original_changes_and_fresh_after_retranslation(network):
    translation_set_original(obj=network, field="description", language="es", text="Ciudades que educan")

    stale = translated_text(obj=network, field="description", language="en")
    assert (stale.text, stale.is_stale) == ("Educating cities", True)

    translation_save_machine(
        obj=network, field="description", language="en", text="Cities that educate", engine="deepl"
    )
    fresh = translated_text(obj=network, field="description", language="en")
    assert (fresh.text, fresh.is_stale) == ("Cities that educate", False)
    assert translated_text(obj=network, field="description", language="fr").is_stale is True


def test_translated_text_without_any_row_shows_the_object_attribute():
    network = NetworkFactory(description="Plain <b>text</b>")

    value = translated_text(obj=network, field="description", language="fr")

    assert (value.text, value.is_original, value.is_fallback, value.original_language) == (
        "Plain <b>text</b>",
        True,
        False,
        "",
    )


def test_translated_value_renders_escaped():
    value = TranslatedValue(
        text="<script>x</script>",
        language="en",
        provenance="original",
        engine="",
        is_original=True,
        is_fallback=False,
        is_stale=False,
        original_language="en",
    )

    assert (str(value), value.__html__()) == ("<script>x</script>", "&lt;script&gt;x&lt;/script&gt;")


def _make_networks(count, translator):
    networks = []
    for index in range(count):
        network = NetworkFactory()
        translation_set_original(obj=network, field="description", language="en", text=f"Text {index}")
        translation_set_original(obj=network, field="name", language="en", text=f"Name {index}")
        if index % 2:
            translation_save_human(
                obj=network, field="description", language="fr", text=f"Texte {index}", actor=translator
            )
        networks.append(network)
    return networks


def test_translations_prefetch_values_match_the_selector(translator):
    networks = _make_networks(3, translator)

    prefetched = translations_prefetch(objects=networks, fields=["description", "name"], language="fr")

    assert sorted(prefetched) == sorted((n.pk, f) for n in networks for f in ("description", "name"))
    for network in networks:
        for field in ("description", "name"):
            assert prefetched[(network.pk, field)] == translated_text(obj=network, field=field, language="fr")
    assert [prefetched[(n.pk, "description")].text for n in networks] == ["Text 0", "Texte 1", "Text 2"]
    assert [prefetched[(n.pk, "description")].is_fallback for n in networks] == [True, False, True]


def test_translations_prefetch_original_on_request(translator):
    networks = _make_networks(2, translator)

    prefetched = translations_prefetch(objects=networks, fields=["description"], language="fr", original=True)

    assert [prefetched[(n.pk, "description")].text for n in networks] == ["Text 0", "Text 1"]


def test_translations_prefetch_one_query_for_any_number_of_objects(translator):
    few = _make_networks(3, translator)
    many = _make_networks(30, translator)
    ContentType.objects.get_for_model(Network)  # the content-type cache is warm in a running site

    with CaptureQueriesContext(connection) as few_queries:
        translations_prefetch(objects=few, fields=["description", "name"], language="fr")
    with CaptureQueriesContext(connection) as many_queries:
        prefetched = translations_prefetch(objects=many, fields=["description", "name"], language="fr")

    assert (len(few_queries), len(many_queries), len(prefetched)) == (1, 1, 60)


def test_translations_prefetch_nothing_to_fetch_makes_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert translations_prefetch(objects=[], fields=["description"], language="fr") == {}


def test_translation_coverage_counts_each_language(translator):
    networks = _make_networks(4, translator)  # 8 originals in English; French descriptions for 1 and 3
    translation_save_machine(obj=networks[0], field="description", language="es", text="T0", engine="deepl")
    translation_save_machine(obj=networks[0], field="name", language="es", text="N0", engine="deepl")
    translation_save_machine(obj=networks[2], field="name", language="fr", text="N2", engine="deepl")
    translation_set_original(obj=networks[1], field="description", language="en", text="Changed")  # fr stale
    translation_set_original(obj=networks[3], field="name", language="ca", text="Nom 3")  # moved original
    ContentType.objects.get_for_model(Network)

    with CaptureQueriesContext(connection) as queries:
        coverage = translation_coverage(model=Network, fields=["description", "name"])

    assert len(queries) == 1
    assert coverage == {
        "en": LanguageCoverage(language="en", original=7, human=1, machine=0, stale=1, missing=0),
        "fr": LanguageCoverage(language="fr", original=0, human=2, machine=1, stale=1, missing=5),
        "es": LanguageCoverage(language="es", original=0, human=0, machine=2, stale=0, missing=6),
        "pt": LanguageCoverage(language="pt", original=0, human=0, machine=0, stale=0, missing=8),
        "ca": LanguageCoverage(language="ca", original=1, human=0, machine=0, stale=0, missing=7),
    }
    assert coverage["fr"].translated == 3


def test_translation_coverage_ignores_deleted_objects_and_other_fields(translator):
    networks = _make_networks(2, translator)
    networks[0].delete()

    coverage = translation_coverage(model=Network, fields=["description"])

    assert coverage["en"] == LanguageCoverage(
        language="en", original=1, human=0, machine=0, stale=0, missing=0
    )
    assert coverage["fr"] == LanguageCoverage(
        language="fr", original=0, human=1, machine=0, stale=0, missing=0
    )
