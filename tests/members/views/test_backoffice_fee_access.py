"""Executive Committee members read the fee status page (members.view_fee_status), without its buttons."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from educities.members.enums import FeeStatus
from educities.members.models import FeeRecord
from tests.accounts.helpers import totp_activate
from tests.factories import CityFactory, FeeRecordFactory, StaffFactory, make_executive

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

THIS_YEAR = timezone.localdate().year
NAV_URLS = {
    "applications": reverse("backoffice:applications"),
    "fees": reverse("backoffice:fees"),
    "import": reverse("backoffice:import"),
    "network": reverse("backoffice:network_create"),
    "admin": reverse("admin:index"),
}


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _nav(html: str) -> list[str]:
    nav = html.split('<nav class="backoffice-nav"', 1)[1].split("</nav>", 1)[0]
    return [name for name, url in NAV_URLS.items() if f'href="{url}"' in nav]


def test_fee_status_executive_reads_the_page_without_buttons_or_application_links(client):
    city = CityFactory(name="Lyon", slug="lyon")
    FeeRecordFactory(city=city, year=THIS_YEAR, amount=660)
    client.force_login(make_executive())

    response = client.get(reverse("backoffice:fees"))

    assert response.status_code == 200
    assert [(r["city"].name, r["owes"]) for r in response.context["rows"]] == [("Lyon", True)]
    html = response.content.decode()
    assert "Mark as paid" not in html
    assert reverse("backoffice:application_detail", kwargs={"slug": "lyon"}) not in html
    assert _nav(html) == ["fees"]


def test_fee_status_staff_sees_buttons_and_every_nav_link(client):
    city = CityFactory(name="Lyon", slug="lyon")
    FeeRecordFactory(city=city, year=THIS_YEAR, amount=660)
    staff = StaffFactory()
    totp_activate(staff)
    client.force_login(staff)

    html = client.get(reverse("backoffice:fees")).content.decode()

    assert "Mark as paid" in html
    assert reverse("backoffice:application_detail", kwargs={"slug": "lyon"}) in html
    assert _nav(html) == ["applications", "fees", "import", "network", "admin"]


def test_fee_mark_paid_by_executive_is_refused(client):
    record = FeeRecordFactory(year=THIS_YEAR)
    client.force_login(make_executive())

    response = client.post(reverse("backoffice:fee_mark_paid", kwargs={"pk": record.pk}))

    assert response.status_code == 403
    assert FeeRecord.objects.get().status == FeeStatus.UNPAID


def test_my_cities_links_executives_to_the_fee_status(client):
    client.force_login(make_executive())

    html = client.get(reverse("members:my_cities")).content.decode()

    assert f'href="{reverse("backoffice:fees")}"' in html
    assert f'href="{reverse("backoffice:applications")}"' not in html
