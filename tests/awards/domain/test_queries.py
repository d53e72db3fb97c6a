import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from educities.awards.domain.applications import application_decide
from educities.awards.domain.editions import edition_results_publish, edition_text_translate, edition_update
from educities.awards.domain.queries import (
    EditionFigures,
    application_detail,
    applications_for_staff,
    applications_of_user,
    edition_figures,
    edition_public,
    edition_results,
    edition_texts,
    editions_figures_series,
    editions_public,
)
from educities.awards.enums import ApplicationStatus, EditionPhase
from tests.awards.factories import jury_to_decision, make_application, make_edition
from tests.factories import CityFactory, CountryFactory, make_city_editor

pytestmark = pytest.mark.django_db


def _queries(function) -> int:
    with CaptureQueriesContext(connection) as context:
        function()
    return len(context.captured_queries)


def test_editions_public_lists_announced_editions_newest_first_with_figures():
    make_edition(phase=EditionPhase.DRAFT, year=2030, number=7)
    older = make_edition(phase=EditionPhase.JURY, year=2024, number=5)
    newer = make_edition(phase=EditionPhase.OPEN, year=2026, number=6)
    make_application(edition=newer, status=ApplicationStatus.SUBMITTED)
    make_application(edition=newer, status=ApplicationStatus.DRAFT)
    edition_update(
        edition=older, actor=None, recorded_candidacies=58, recorded_cities=49, recorded_countries=12
    )

    editions = editions_public()

    assert [edition.year for edition in editions] == [2026, 2024]
    assert editions[0].figures == EditionFigures(candidacies=1, cities=1, countries=1, recorded=False)
    assert editions[1].figures == EditionFigures(candidacies=58, cities=49, countries=12, recorded=True)
    assert editions[0].result_list == []


def test_editions_public_reads_a_constant_number_of_queries():
    for _ in range(2):
        make_edition(phase=EditionPhase.RESULTS)
    few = _queries(editions_public)
    for _ in range(18):
        make_edition(phase=EditionPhase.RESULTS)

    many = _queries(editions_public)

    assert len(editions_public()) == 20
    assert few == many == 2


def _results_edition(count: int):
    edition = make_edition(phase=EditionPhase.OPEN)
    applications = [
        make_application(edition=edition, status=ApplicationStatus.IN_REVIEW) for _ in range(count)
    ]
    jury_to_decision(process=edition.review_process)
    results = [ApplicationStatus.WINNER, ApplicationStatus.SPECIAL_MENTION, ApplicationStatus.FINALIST]
    for index, application in enumerate(applications):
        application_decide(application=application, result=results[index % 3], actor=None)
    return edition_results_publish(edition=edition, actor=None), applications


def test_edition_results_groups_winners_mentions_and_finalists():
    edition, applications = _results_edition(3)

    results = edition_results(edition=edition)

    assert list(results) == [
        ApplicationStatus.WINNER,
        ApplicationStatus.SPECIAL_MENTION,
        ApplicationStatus.FINALIST,
    ]
    assert [results[status][0].pk for status in results] == [application.pk for application in applications]


def test_edition_results_are_empty_before_publication():
    application = make_application(status=ApplicationStatus.WINNER)

    hidden = edition_results(edition=application.edition)
    staff_view = edition_results(edition=application.edition, include_unpublished=True)

    assert all(not applications for applications in hidden.values())
    assert staff_view[ApplicationStatus.WINNER] == [application]


@pytest.mark.parametrize("function", ["edition_results", "edition_public"])
def test_edition_results_read_a_constant_number_of_queries(function):
    few_edition, _ = _results_edition(2)
    many_edition, _ = _results_edition(20)

    def read(edition) -> list[str]:
        if function == "edition_results":
            applications = [a for group in edition_results(edition=edition).values() for a in group]
        else:
            applications = edition_public(year=edition.year).result_list
        return [f"{a.city.name} {a.city.country.code} {a.experience.title}" for a in applications]

    assert _queries(lambda: read(few_edition)) == _queries(lambda: read(many_edition))


def test_edition_public_is_none_for_an_unannounced_edition():
    edition = make_edition(phase=EditionPhase.DRAFT)

    assert edition_public(year=edition.year) is None
    assert edition_public(year=1800) is None


def test_edition_figures_count_candidacies_cities_and_countries():
    edition = make_edition(phase=EditionPhase.OPEN)
    spain, france = CountryFactory(code="ES"), CountryFactory(code="FR")
    madrid, lyon = CityFactory(country=spain), CityFactory(country=france)
    make_application(edition=edition, city=madrid, status=ApplicationStatus.SUBMITTED)
    make_application(edition=edition, city=madrid, status=ApplicationStatus.INELIGIBLE)
    make_application(edition=edition, city=lyon, status=ApplicationStatus.ELIGIBLE)
    make_application(edition=edition, status=ApplicationStatus.WITHDRAWN)
    make_application(edition=edition, status=ApplicationStatus.DRAFT)

    assert edition_figures(edition=edition) == EditionFigures(candidacies=3, cities=2, countries=2)


def test_editions_figures_series_is_oldest_first():
    make_edition(phase=EditionPhase.JURY, year=2020, number=3)
    make_edition(phase=EditionPhase.JURY, year=2018, number=2)
    make_edition(phase=EditionPhase.DRAFT, year=2022, number=4)

    assert [(point.year, point.number) for point in editions_figures_series()] == [(2018, 2), (2020, 3)]


def test_applications_of_user_are_those_of_the_cities_they_edit():
    mine = make_application()
    make_application()
    editor = make_city_editor(mine.city)

    assert list(applications_of_user(user=editor)) == [mine]
    assert list(applications_of_user(user=make_city_editor(CityFactory()))) == []


def test_applications_for_staff_leave_out_drafts():
    edition = make_edition(phase=EditionPhase.OPEN)
    draft = make_application(edition=edition)
    submitted = make_application(edition=edition, status=ApplicationStatus.SUBMITTED)

    assert list(applications_for_staff(edition=edition)) == [submitted]
    assert list(applications_for_staff(edition=edition, status=ApplicationStatus.DRAFT)) == [draft]


@pytest.mark.parametrize("pk", [0, -1, "abc", None, "1 OR 1=1"])
def test_application_detail_is_none_for_nonsense(pk):
    make_application()

    assert application_detail(pk=pk) is None


def test_application_detail_brings_the_answers():
    application = make_application()

    detail = application_detail(pk=str(application.pk))

    assert [answer.text for answer in detail.answers.all()] == ["The council listened to children."]


def test_edition_texts_in_the_readers_language_else_the_original():
    edition = make_edition(phase=EditionPhase.OPEN, theme="Care in the city")
    edition_text_translate(edition=edition, field="theme", language="fr", text="Prendre soin", actor=None)

    french = edition_texts(edition=edition, language="fr")
    spanish = edition_texts(edition=edition, language="es")

    assert (french["theme"].text, french["theme"].is_fallback) == ("Prendre soin", False)
    assert (spanish["theme"].text, spanish["theme"].is_fallback) == ("Care in the city", True)
    assert set(french) == {"theme", "axes", "rules"}
