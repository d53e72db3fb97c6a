import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from educities.core.models import AuditEntry
from educities.members.enums import FeeStatus, MembershipStatus
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


# --- Workflow data goes through the domain and the audit log ------------------------------------------


def test_admin_fee_record_payment_fields_are_read_only_on_change(admin_client):
    record = FeeRecordFactory(year=2026, amount=660)

    response = admin_client.get(reverse("admin:members_feerecord_change", args=[record.pk]))
    admin_client.post(
        reverse("admin:members_feerecord_change", args=[record.pk]),
        {
            "city": str(record.city_id),
            "year": "2026",
            "amount": "1",
            "status": "paid",
            "paid_on": "2026-01-01",
            "invoiced_on": "2026-01-01",
            "invoice_reference": "INV-1",
        },
    )

    assert {"status", "amount", "paid_on", "invoiced_on"} & set(
        response.context["adminform"].form.fields
    ) == set()
    record.refresh_from_db()
    assert (record.status, record.amount, record.paid_on, record.invoice_reference) == (
        FeeStatus.UNPAID,
        660,
        None,
        "INV-1",
    )


def test_admin_fee_record_mark_as_paid_action_goes_through_the_domain(admin_client):
    unpaid = FeeRecordFactory(year=2026, city=CityFactory(name="Lyon"))
    waived = FeeRecordFactory(year=2026, city=CityFactory(name="Vic"), status=FeeStatus.WAIVED)

    response = admin_client.post(
        reverse("admin:members_feerecord_changelist"),
        {"action": "mark_as_paid", "_selected_action": [str(unpaid.pk), str(waived.pk)]},
        follow=True,
    )

    unpaid.refresh_from_db()
    waived.refresh_from_db()
    assert (unpaid.status, unpaid.paid_on, waived.status) == (
        FeeStatus.PAID,
        timezone.localdate(),
        FeeStatus.WAIVED,
    )
    assert [str(m) for m in response.context["messages"]] == [
        "1 fee recorded as paid.",
        "Vic: The fee of 2026 is waived: there is no payment to record.",
    ]
    entry = AuditEntry.objects.get(action="fee_paid")
    assert (entry.object_id, entry.actor.is_superuser) == (str(unpaid.city_id), True)


def _city_add_data(country, **overrides):
    data = {
        "name": "Vic",
        "slug": "vic-es",
        "country": str(country.pk),
        "region": "",
        "latitude": "41.93",
        "longitude": "2.25",
        "population": "46000",
        "website": "",
        "description": "",
        "membership_status": "member",
        "member_since": "2010-11-30",
        "certificate_number": "",
        **{
            f"{prefix}-{key}": value
            for prefix in ("contacts", "network_memberships")
            for key, value in (
                ("TOTAL_FORMS", "0"),
                ("INITIAL_FORMS", "0"),
                ("MIN_NUM_FORMS", "0"),
                ("MAX_NUM_FORMS", "1000"),
            )
        },
        "_save": "Save",
    }
    data.update(overrides)
    return data


def test_admin_city_add_writes_an_audit_entry(admin_client):
    country = CountryFactory(code="ES")

    response = admin_client.post(reverse("admin:members_city_add"), _city_add_data(country))

    assert response.status_code == 302
    city = City.objects.get()
    entry = AuditEntry.objects.get(object_id=str(city.pk))
    assert (entry.action, entry.to_state, entry.actor.is_superuser) == ("admin_create", "member", True)


def test_admin_city_change_of_population_is_audited(admin_client):
    city = CityFactory(population=600_000)
    data = {
        "name": city.name,
        "slug": city.slug,
        "country": str(city.country_id),
        "region": city.region,
        "latitude": "41.38",
        "longitude": "2.17",
        "population": "40000",
        "website": "",
        "description": "",
        **{
            f"{prefix}-{key}": value
            for prefix in ("contacts", "network_memberships")
            for key, value in (
                ("TOTAL_FORMS", "0"),
                ("INITIAL_FORMS", "0"),
                ("MIN_NUM_FORMS", "0"),
                ("MAX_NUM_FORMS", "1000"),
            )
        },
        "_save": "Save",
    }

    response = admin_client.post(reverse("admin:members_city_change", args=[city.pk]), data)

    assert response.status_code == 302
    city.refresh_from_db()
    assert (city.population, city.membership_status) == (40_000, MembershipStatus.MEMBER)
    assert list(AuditEntry.objects.values_list("action", "comment")) == [("admin_change", "population")]


def _contact_data(city, **overrides):
    return {
        "city": str(city.pk),
        "full_name": "Carla Serra",
        "position": "",
        "department": "",
        "email": "Carla@Vic.example.org",
        "phone": "",
        "language": "ca",
        "is_primary": "on",
        "is_public": "",
        "_save": "Save",
        **overrides,
    }


def test_admin_contact_save_keeps_one_main_contact(admin_client):
    city = CityFactory()
    old_main = ContactFactory(city=city, is_primary=True, email="old@vic.example.org")

    response = admin_client.post(reverse("admin:members_contact_add"), _contact_data(city))

    assert response.status_code == 302
    assert list(city.contacts.order_by("email").values_list("email", "is_primary")) == [
        ("carla@vic.example.org", True),
        (old_main.email, False),
    ]
    assert AuditEntry.objects.filter(action="contact_save").count() == 1


def test_admin_contact_duplicate_email_in_other_case_is_a_form_error(admin_client):
    city = CityFactory()
    ContactFactory(city=city, email="carla@vic.example.org")

    response = admin_client.post(reverse("admin:members_contact_add"), _contact_data(city))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["__all__"] == [
        "Contact with this City and E-mail already exists."
    ]
    assert city.contacts.count() == 1


def test_admin_city_contact_inline_keeps_one_main_contact(admin_client):
    city = CityFactory(population=150_000)
    first = ContactFactory(city=city, is_primary=True, email="first@vic.example.org")
    data = {
        "name": city.name,
        "slug": city.slug,
        "country": str(city.country_id),
        "region": city.region,
        "latitude": "41.38",
        "longitude": "2.17",
        "population": "150000",
        "website": "",
        "description": "",
        "contacts-TOTAL_FORMS": "2",
        "contacts-INITIAL_FORMS": "1",
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "1000",
        "contacts-0-id": str(first.pk),
        "contacts-0-city": str(city.pk),
        "contacts-0-full_name": first.full_name,
        "contacts-0-email": first.email,
        "contacts-0-language": "en",
        "contacts-0-is_primary": "on",
        "contacts-1-city": str(city.pk),
        "contacts-1-full_name": "Second",
        "contacts-1-email": "Second@Vic.example.org",
        "contacts-1-language": "en",
        "contacts-1-is_primary": "on",
        "network_memberships-TOTAL_FORMS": "0",
        "network_memberships-INITIAL_FORMS": "0",
        "network_memberships-MIN_NUM_FORMS": "0",
        "network_memberships-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }

    response = admin_client.post(reverse("admin:members_city_change", args=[city.pk]), data)

    assert response.status_code == 302
    assert city.contacts.filter(is_primary=True).count() == 1
    assert set(city.contacts.values_list("email", flat=True)) == {
        "first@vic.example.org",
        "second@vic.example.org",
    }
