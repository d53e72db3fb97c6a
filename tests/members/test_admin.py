import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from educities.core.models import AuditEntry
from educities.members.enums import MembershipStatus
from educities.members.interfaces.importers import CITY_COLUMNS as COLUMNS
from educities.members.models import City, FeeRate
from tests.accounts.helpers import totp_activate
from tests.factories import (
    ApplicationFactory,
    CityFactory,
    ContactFactory,
    CountryFactory,
    FeeRecordFactory,
    StaffFactory,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

MODELS = [
    "members_country",
    "members_city",
    "members_contact",
    "members_feerate",
    "members_feerecord",
    "members_network",
    "members_generalassembly",
    "members_executivecommitteeseat",
    "members_rolegrant",
    "members_membershipapplication",
    "core_auditentry",
]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def admin_client(client):
    user = StaffFactory(is_superuser=True)
    totp_activate(user)
    client.force_login(user)
    return client


@pytest.mark.parametrize("model", MODELS)
def test_admin_changelist_renders(admin_client, model):
    ContactFactory()
    FeeRecordFactory()
    ApplicationFactory()

    response = admin_client.get(reverse(f"admin:{model}_changelist"), {"q": "a"})

    assert response.status_code == 200


def test_admin_city_workflow_fields_are_read_only_on_change(admin_client):
    city = CityFactory()

    response = admin_client.get(reverse("admin:members_city_change", args=[city.pk]))

    form_fields = set(response.context["adminform"].form.fields)
    assert {"membership_status", "member_since", "ratified_at", "certificate_number"} & form_fields == set()
    assert reverse("backoffice:application_detail", kwargs={"slug": city.slug}) in response.content.decode()


def test_admin_application_links_to_protected_document_view(admin_client):
    application = ApplicationFactory()

    response = admin_client.get(reverse("admin:members_membershipapplication_change", args=[application.pk]))

    url = reverse(
        "backoffice:application_document",
        kwargs={"slug": application.city.slug, "pk": application.pk, "kind": "mayor_form"},
    )
    assert url in response.content.decode()
    assert "/media/" not in response.content.decode()


def test_admin_audit_log_is_read_only(admin_client):
    city = CityFactory()
    AuditEntry.objects.create(content_type_id=1, object_id=str(city.pk), action="test")
    entry = AuditEntry.objects.get()
    assert admin_client.get(reverse("admin:core_auditentry_change", args=[entry.pk])).status_code == 200

    assert admin_client.get(reverse("admin:core_auditentry_add")).status_code == 403
    assert (
        admin_client.post(
            reverse("admin:core_auditentry_delete", args=[entry.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    assert AuditEntry.objects.count() == 1


def test_admin_fee_table_is_editable_and_refuses_negative(admin_client):
    rate = FeeRate.objects.create(population_band="1", income_group="I", amount=70)
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": str(rate.pk),
        "form-0-amount": "-1",
        "_save": "Save",
    }

    response = admin_client.post(reverse("admin:members_feerate_changelist"), data)
    rate.refresh_from_db()
    assert (response.status_code, rate.amount) == (200, 70)

    admin_client.post(reverse("admin:members_feerate_changelist"), {**data, "form-0-amount": "75"})
    rate.refresh_from_db()
    assert rate.amount == 75


def test_admin_city_import_refuses_bad_rows(admin_client):
    CountryFactory(code="ES")
    upload = SimpleUploadedFile(
        "cities.csv", b"name,country,population,latitude,longitude\nVic,ES,46000,41.9,2.25\nBad,ZZ,1,1,1\n"
    )

    response = admin_client.post(
        reverse("admin:members_city_import"), {"import_file": upload, "format": "0", "resource": "0"}
    )

    assert response.status_code == 200
    assert "Unknown country code" in response.content.decode()
    assert City.objects.count() == 0


def test_admin_city_export_uses_iso_codes(admin_client):
    CityFactory(name="Vic", country=CountryFactory(code="ES"), membership_status=MembershipStatus.MEMBER)

    response = admin_client.post(
        reverse("admin:members_city_export"),
        {"format": "0", "resource": "0", "export_items": [], **{f"cityresource_{f}": "on" for f in COLUMNS}},
    )

    assert response.status_code == 200
    assert response.content.decode().splitlines() == [
        ",".join(COLUMNS),
        "Vic,ES,Region,150000,41.38,2.17,,member,2010-11-30",
    ]


def test_admin_city_import_confirmed_creates_cities_with_audit(admin_client):
    CountryFactory(code="ES")
    upload = SimpleUploadedFile(
        "cities.csv", b"name,country,population,latitude,longitude\nVic,ES,46000,41.9,2.25\n"
    )
    response = admin_client.post(
        reverse("admin:members_city_import"), {"import_file": upload, "format": "0", "resource": "0"}
    )
    confirm = response.context["confirm_form"]
    assert City.objects.count() == 0

    admin_client.post(reverse("admin:members_city_process_import"), confirm.initial)

    city = City.objects.get()
    assert (city.name, city.slug, city.membership_status) == ("Vic", "vic-es", MembershipStatus.MEMBER)
    assert AuditEntry.objects.filter(action="import").count() == 1
