"""N+1 guard: "My award applications" reads the same number of queries with 2 and with 12 applications."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from educities.awards.enums import ApplicationStatus, EditionPhase
from educities.awards.models import Application
from educities.members.domain.roles import role_grant_city_editor
from tests.awards.factories import make_application, make_edition
from tests.factories import CityFactory, UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

STATUSES = (ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED, ApplicationStatus.WITHDRAWN)


def _editor_with(count: int, *, edition, winner: Application):
    """A user who edits the winner's city and enough cities for ``count`` applications in all."""
    user = UserFactory()
    role_grant_city_editor(user=user, city=winner.city)
    made, city = 1, None
    while made < count:
        if city is None or made % 2 == 1:
            city = CityFactory()
            role_grant_city_editor(user=user, city=city)
        make_application(edition=edition, city=city, status=STATUSES[made % len(STATUSES)])
        made += 1
    return user


def _queries(client, user) -> tuple[int, int]:
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("awards:mine"))
    assert response.status_code == 200
    return len(queries), len(response.context["rows"])


def test_my_applications_page_reads_a_constant_number_of_queries(client):
    past = make_edition(phase=EditionPhase.RESULTS)
    winner = Application.objects.get(edition=past)
    edition = make_edition(phase=EditionPhase.OPEN)
    few = _editor_with(2, edition=edition, winner=winner)
    many = _editor_with(12, edition=edition, winner=winner)

    few_queries, few_rows = _queries(client, few)
    many_queries, many_rows = _queries(client, many)

    assert (few_rows, many_rows) == (2, 12)
    assert many_queries == few_queries
    page = client.get(reverse("awards:mine")).content.decode()
    assert page.count(">Download the certificate<") == 1
    assert page.count(f'href="{reverse("awards:apply", kwargs={"year": edition.year})}"') == 1
