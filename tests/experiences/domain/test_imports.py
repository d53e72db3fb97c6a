import pytest

from educities.core.domain.translations_queries import translated_text
from educities.core.search import SearchQuery, search_run
from educities.experiences.domain.imports import experiences_bulk_import
from educities.experiences.domain.search import SEARCH_INDEX
from educities.experiences.enums import ExperienceStatus
from educities.experiences.models import Experience
from tests.experiences.factories import experience_values_complete
from tests.factories import CityFactory

pytestmark = pytest.mark.django_db


def _record(city, **values):
    return {
        "city": city.slug,
        "values": experience_values_complete(original_language="es", **values),
        "translations": {
            "fr": {"title": "Conseil des enfants", "summary": "Les enfants conseillent la ville."}
        },
        "provenance": "machine",
        "engine": "deepl",
        "published_at": "2021-03-04",
    }


def test_bulk_import_creates_published_experiences_with_texts_and_index():
    city = CityFactory()
    report = experiences_bulk_import(
        records=[_record(city, title="Consejo de la infancia"), _record(city, title="Huertos escolares")]
    )
    experience = Experience.objects.get(title="Consejo de la infancia")
    french = translated_text(obj=experience, field="title", language="fr")
    results = search_run(index=SEARCH_INDEX, query=SearchQuery(text="conseil", language="fr"))
    assert (report.created, report.errors) == (2, [])
    assert (experience.status, experience.published_at.date().isoformat()) == (
        ExperienceStatus.PUBLISHED,
        "2021-03-04",
    )
    assert (french.text, french.provenance, french.engine) == ("Conseil des enfants", "machine", "deepl")
    assert sorted(hit.object_id for hit in results.hits) == sorted(
        Experience.objects.values_list("pk", flat=True)
    )
    assert sorted(experience.tags.values_list("kind", "code")) == [
        ("department", "education"),
        ("department", "urban_planning"),
        ("sdg", "11"),
        ("sdg", "4"),
        ("target_group", "children"),
        ("theme", "children_participation"),
    ]


def test_bulk_import_is_all_or_nothing_and_reports_every_problem():
    city = CityFactory()
    records = [
        _record(city),
        {"city": "nowhere", "values": {}},
        _record(city, themes=["astrology"]),
        "not an object",
    ]
    report = experiences_bulk_import(records=records)
    assert report.created == 0
    assert report.errors == [
        (2, "city", "No city with this slug."),
        (3, "themes", "Unknown values: astrology."),
        (4, "", "A record must be an object."),
    ]
    assert Experience.objects.count() == 0
    assert search_run(index=SEARCH_INDEX, query=SearchQuery()).total == 0
