import io
from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import Workbook

from educities.core.models import AuditEntry
from educities.members.domain.fees import fee_table_load_defaults
from educities.members.enums import FeeStatus, MembershipStatus, NetworkKind, NetworkRole
from educities.members.models import City, FeeRecord, MembershipApplication, Network
from tests.accounts.helpers import totp_activate
from tests.factories import (
    ApplicationFactory,
    CityFactory,
    CountryFactory,
    FeeRecordFactory,
    GeneralAssemblyFactory,
    StaffFactory,
    UserFactory,
    make_city_editor,
    make_executive,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

THIS_YEAR = timezone.localdate().year


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _staff(**kwargs):
    # Staff must have an authenticator app to use the back office (accounts.middleware.StaffMFAMiddleware).
    user = StaffFactory(**kwargs)
    totp_activate(user)
    return user


@pytest.fixture
def staff_client(client):
    client.force_login(_staff(email="secretariat@example.org"))
    return client


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def _act(client, city, action, **data):
    return client.post(
        reverse("backoffice:application_act", kwargs={"slug": city.slug, "action": action}), data
    )


def _transitions(city):
    return list(
        AuditEntry.objects.filter(object_id=str(city.pk), to_state__gt="")
        .order_by("id")
        .values_list("action", "from_state", "to_state", "actor__email")
    )


# --- Access ---------------------------------------------------------------------------------------


def _every_url(application):
    city = application.city
    fee = FeeRecordFactory(city=city)
    return [
        ("get", reverse("backoffice:applications")),
        ("get", reverse("backoffice:application_detail", kwargs={"slug": city.slug})),
        ("post", reverse("backoffice:application_act", kwargs={"slug": city.slug, "action": "review_start"})),
        (
            "get",
            reverse(
                "backoffice:application_document",
                kwargs={"slug": city.slug, "pk": application.pk, "kind": "mayor_form"},
            ),
        ),
        ("get", reverse("backoffice:fees")),
        ("post", reverse("backoffice:fee_mark_paid", kwargs={"pk": fee.pk})),
        ("get", reverse("backoffice:import")),
        ("get", reverse("backoffice:network_create")),
    ]


@pytest.mark.parametrize("role", ["user", "editor_of_city", "editor_of_other", "executive"])
def test_backoffice_every_url_refused_to_non_staff(client, role):
    application = ApplicationFactory()
    user = {
        "user": UserFactory,
        "editor_of_city": lambda: make_city_editor(application.city),
        "editor_of_other": lambda: make_city_editor(CityFactory()),
        "executive": make_executive,
    }[role]()
    urls = _every_url(application)
    client.force_login(user)

    statuses = [getattr(client, method)(url).status_code for method, url in urls]

    # Executive Committee members may read the fee status page (members.view_fee_status), nothing else.
    fee_page = urls.index(("get", reverse("backoffice:fees")))
    expected = [200 if role == "executive" and index == fee_page else 403 for index in range(len(urls))]
    assert statuses == expected
    application.city.refresh_from_db()
    assert application.city.membership_status == MembershipStatus.APPLIED
    assert FeeRecord.objects.get().status == FeeStatus.UNPAID


def test_backoffice_every_url_sends_anonymous_to_sign_in(client):
    urls = _every_url(ApplicationFactory())

    responses = [getattr(client, method)(url) for method, url in urls]

    assert [r.status_code for r in responses] == [302] * len(urls)
    assert all(r["Location"].startswith(reverse("account_login") + "?next=") for r in responses)


def test_backoffice_act_and_mark_paid_refuse_get(staff_client):
    application = ApplicationFactory()
    fee = FeeRecordFactory(city=application.city)

    act = reverse(
        "backoffice:application_act", kwargs={"slug": application.city.slug, "action": "review_start"}
    )
    assert staff_client.get(act).status_code == 405
    assert staff_client.get(reverse("backoffice:fee_mark_paid", kwargs={"pk": fee.pk})).status_code == 405


# --- Queue and detail -----------------------------------------------------------------------------


def test_queue_lists_pending_applications_with_documents_and_actions(staff_client):
    application = ApplicationFactory(city__name="Granollers")
    MembershipApplication.objects.filter(pk=application.pk).update(
        created_at=timezone.now() - timedelta(days=12)
    )
    CityFactory(name="Member city")
    CityFactory(name="Rejected city", membership_status=MembershipStatus.REJECTED)
    CityFactory(name="Paid city", membership_status=MembershipStatus.PAID)

    response = staff_client.get(reverse("backoffice:applications"))

    rows = response.context["rows"]
    assert [(r["city"].name, r["days_waiting"], [a.name for a in r["actions"]]) for r in rows] == [
        ("Granollers", 12, ["review_start", "reject", "withdraw"]),
        ("Paid city", 0, ["ratify", "reject", "withdraw"]),
    ]
    html = response.content.decode()
    document_url = reverse(
        "backoffice:application_document",
        kwargs={"slug": application.city.slug, "pk": application.pk, "kind": "plenary_approval"},
    )
    assert f'href="{document_url}"' in html
    act_url = reverse(
        "backoffice:application_act", kwargs={"slug": application.city.slug, "action": "review_start"}
    )
    assert f'action="{act_url}"' in html


def test_detail_shows_documents_fees_audit_trail_and_forms(staff_client):
    staff = _staff()
    fee_table_load_defaults()
    application = ApplicationFactory(city__name="Granollers")
    city = application.city
    staff_client.force_login(staff)
    _act(staff_client, city, "review_start", comment="Documents look fine")
    _act(staff_client, city, "invoice")

    response = staff_client.get(reverse("backoffice:application_detail", kwargs={"slug": city.slug}))

    assert response.status_code == 200
    assert [item["action"].name for item in response.context["actions"]] == [
        "record_payment",
        "reject",
        "withdraw",
    ]
    assert [
        (i["entry"].action, i["from_label"], i["to_label"]) for i in response.context["audit_entries"]
    ] == [
        ("review_start", "Application received", "Under review by the Secretariat"),
        ("fee_invoice", "", ""),
        ("invoice", "Under review by the Secretariat", "Fee invoiced"),
    ]
    assert [(f.year, f.amount) for f in response.context["fees"]] == [(THIS_YEAR, 660)]
    html = response.content.decode()
    assert "Documents look fine" in html
    assert 'id="id_reject_comment"' in html


def test_detail_of_unknown_city_is_not_found(staff_client):
    assert (
        staff_client.get(reverse("backoffice:application_detail", kwargs={"slug": "atlantis"})).status_code
        == 404
    )


# --- Every step through HTTP ----------------------------------------------------------------------


def test_every_step_takes_the_city_one_step_with_audit_and_mail(
    staff_client, django_capture_on_commit_callbacks
):
    fee_table_load_defaults()
    city = ApplicationFactory(city__name="Granollers").city
    make_city_editor(city, email="tecnic@granollers.cat", language="en")
    assembly = GeneralAssemblyFactory()
    queue = reverse("backoffice:applications")

    statuses = []
    with django_capture_on_commit_callbacks(execute=True):
        for action, data in [
            ("review_start", {"comment": "ok", "next": queue}),
            ("invoice", {}),
            ("record_payment", {}),
            ("ratify", {"assembly": str(assembly.pk)}),
        ]:
            response = _act(staff_client, city, action, **data)
            city.refresh_from_db()
            statuses.append((response.status_code, city.membership_status))

    assert statuses == [
        (302, MembershipStatus.UNDER_REVIEW),
        (302, MembershipStatus.INVOICED),
        (302, MembershipStatus.PAID),
        (302, MembershipStatus.MEMBER),
    ]
    assert (city.member_since, city.ratified_at, city.certificate_number) == (
        assembly.date,
        assembly,
        f"EC-{assembly.date.year}-{city.pk:05d}",
    )
    assert _transitions(city) == [
        ("review_start", "applied", "under_review", "secretariat@example.org"),
        ("invoice", "under_review", "invoiced", "secretariat@example.org"),
        ("pay", "invoiced", "paid", "secretariat@example.org"),
        ("ratify", "paid", "member", "secretariat@example.org"),
    ]
    # One message per recipient and step: the editor never sees the Secretariat's address, nor the reverse.
    assert [(message.to, message.subject) for message in mail.outbox] == [
        (to, subject)
        for subject in (
            "Granollers: Under review by the Secretariat",
            "Granollers: Fee invoiced",
            "Granollers: Fee paid, awaiting ratification",
            "Granollers: Member",
        )
        for to in (["secretariat@educities.localhost"], ["tecnic@granollers.cat"])
    ]
    assert _messages(response)[-1] == "Granollers: Member."


def test_first_step_from_queue_returns_to_queue(staff_client):
    city = ApplicationFactory().city
    queue = reverse("backoffice:applications")

    response = _act(staff_client, city, "review_start", next=queue)

    assert response["Location"] == queue


def test_unsafe_next_is_ignored(staff_client):
    city = ApplicationFactory().city

    response = _act(staff_client, city, "review_start", next="https://evil.example.org/")

    assert response["Location"] == reverse("backoffice:application_detail", kwargs={"slug": city.slug})


def test_suspend_and_reinstate_via_http(staff_client):
    city = CityFactory(name="Lyon")
    fee = FeeRecordFactory(city=city, year=THIS_YEAR - 1)

    _act(staff_client, city, "suspend", comment="Two reminders sent")
    city.refresh_from_db()
    assert city.membership_status == MembershipStatus.SUSPENDED

    response = _act(staff_client, city, "reinstate")
    city.refresh_from_db()
    assert city.membership_status == MembershipStatus.SUSPENDED
    assert _messages(response) == [
        "Lyon: Suspended for unpaid fees.",  # the previous step's message, not yet shown
        "Lyon still has unpaid fees: record the payment first.",
    ]

    staff_client.post(reverse("backoffice:fee_mark_paid", kwargs={"pk": fee.pk}))
    _act(staff_client, city, "reinstate")
    city.refresh_from_db()
    assert city.membership_status == MembershipStatus.MEMBER


def test_reject_needs_a_reason(staff_client):
    city = ApplicationFactory(city__name="Granollers").city

    response = _act(staff_client, city, "reject", comment="  ")
    city.refresh_from_db()
    assert city.membership_status == MembershipStatus.APPLIED
    assert _messages(response) == ["Give the reason for the rejection: the city will receive it."]

    _act(staff_client, city, "reject", comment="Not a local government")
    city.refresh_from_db()
    assert city.membership_status == MembershipStatus.REJECTED


def test_withdraw_via_backoffice(staff_client):
    city = ApplicationFactory().city

    _act(staff_client, city, "withdraw", comment="Asked by the mayor")

    city.refresh_from_db()
    assert city.membership_status == MembershipStatus.WITHDRAWN


def test_action_not_allowed_gives_message_and_changes_nothing(staff_client):
    city = ApplicationFactory(city__name="Granollers", city__member_since=None).city
    assembly = GeneralAssemblyFactory()

    response = _act(staff_client, city, "ratify", assembly=str(assembly.pk))

    assert response.status_code == 302
    assert _messages(response) == [
        (
            "“Ratify (General Assembly)” is not possible for Granollers now: "
            "its status is “Application received”. Nothing was changed."
        )
    ]
    city.refresh_from_db()
    assert (city.membership_status, city.member_since, city.certificate_number) == (
        MembershipStatus.APPLIED,
        None,
        "",
    )
    assert AuditEntry.objects.count() == 0


def test_ratify_of_suspended_city_is_refused(staff_client):
    city = CityFactory(membership_status=MembershipStatus.SUSPENDED)

    _act(staff_client, city, "ratify", assembly=str(GeneralAssemblyFactory().pk))

    city.refresh_from_db()
    assert city.membership_status == MembershipStatus.SUSPENDED


def test_ratify_without_assembly_changes_nothing(staff_client):
    city = CityFactory(membership_status=MembershipStatus.PAID)

    response = _act(staff_client, city, "ratify", assembly="")

    assert _messages(response) == ["Ratify (General Assembly): This field is required. Nothing was changed."]
    city.refresh_from_db()
    assert city.membership_status == MembershipStatus.PAID


def test_unknown_action_is_not_found(staff_client):
    city = ApplicationFactory().city

    assert _act(staff_client, city, "delete_everything").status_code == 404


# --- Documents --------------------------------------------------------------------------------------


def _document_url(application, kind="mayor_form", slug=None):
    return reverse(
        "backoffice:application_document",
        kwargs={"slug": slug or application.city.slug, "pk": application.pk, "kind": kind},
    )


def test_document_served_to_staff(staff_client):
    application = ApplicationFactory()

    response = staff_client.get(_document_url(application, "plenary_approval"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_document_not_served_to_editor_of_another_city(client):
    application = ApplicationFactory()
    client.force_login(make_city_editor(CityFactory()))

    assert client.get(_document_url(application)).status_code == 403


@pytest.mark.parametrize("case", ["bad_kind", "other_city_slug", "missing_file"])
def test_document_bad_requests_are_not_found(staff_client, case):
    application = ApplicationFactory()
    other = CityFactory()
    if case == "missing_file":
        application.mayor_form.storage.delete(application.mayor_form.name)
    url = {
        "bad_kind": _document_url(application, "motivation"),
        "other_city_slug": _document_url(application, slug=other.slug),
        "missing_file": _document_url(application),
    }[case]

    assert staff_client.get(url).status_code == 404


# --- Fees ---------------------------------------------------------------------------------------


def _fee_world():
    paid = CityFactory(name="Paid")
    FeeRecordFactory(city=paid, year=THIS_YEAR, status=FeeStatus.PAID, amount=400)
    unpaid = CityFactory(name="Unpaid")
    FeeRecordFactory(city=unpaid, year=THIS_YEAR, amount=660)
    owes = CityFactory(name="Owes earlier", membership_status=MembershipStatus.SUSPENDED)
    FeeRecordFactory(city=owes, year=THIS_YEAR - 1, amount=220)
    CityFactory(name="Not invoiced")
    CityFactory(name="Applicant", membership_status=MembershipStatus.APPLIED)
    return paid, unpaid, owes


def test_fee_status_lists_every_member_with_fee_of_the_year(staff_client):
    _fee_world()

    response = staff_client.get(reverse("backoffice:fees"))

    rows = response.context["rows"]
    assert [
        (r["city"].name, r["record"].status if r["record"] else None, r["city"].owes_earlier_years, r["owes"])
        for r in rows
    ] == [
        ("Not invoiced", None, False, False),
        ("Owes earlier", None, True, True),
        ("Paid", FeeStatus.PAID, False, False),
        ("Unpaid", FeeStatus.UNPAID, False, True),
    ]
    assert response.context["totals"] == {
        "cities": 4,
        "invoiced": 1060,
        "paid": 400,
        "unpaid": 660,
        "owing": 2,
    }
    assert response.context["year"] == THIS_YEAR


def test_fee_status_unpaid_filter(staff_client):
    _fee_world()

    response = staff_client.get(reverse("backoffice:fees"), {"year": THIS_YEAR, "unpaid": "on"})

    assert [r["city"].name for r in response.context["rows"]] == ["Owes earlier", "Unpaid"]
    assert '<input type="checkbox" name="unpaid" id="id_unpaid" checked>' in response.content.decode()


def test_fee_status_of_earlier_year(staff_client):
    _fee_world()

    response = staff_client.get(reverse("backoffice:fees"), {"year": THIS_YEAR - 1})

    assert [
        (r["city"].name, r["record"].amount if r["record"] else None) for r in response.context["rows"]
    ] == [
        ("Not invoiced", None),
        ("Owes earlier", 220),
        ("Paid", None),
        ("Unpaid", None),
    ]


@pytest.mark.parametrize("year", ["abc", "1200", "99999999999999999999", "-1"])
def test_fee_status_invalid_year_falls_back_to_current_year(staff_client, year):
    _fee_world()

    response = staff_client.get(reverse("backoffice:fees"), {"year": year, "unpaid": "on"})

    assert response.status_code == 200
    assert response.context["year"] == THIS_YEAR
    assert response.context["unpaid_only"] is True
    assert _messages(response) == [f"“{year}” is not a valid year: showing {THIS_YEAR}."]


def test_fee_mark_paid_records_payment_and_returns(staff_client):
    _paid, unpaid, _owes = _fee_world()
    record = unpaid.fees.get()
    back = reverse("backoffice:fees") + "?unpaid=on"

    response = staff_client.post(
        reverse("backoffice:fee_mark_paid", kwargs={"pk": record.pk}), {"next": back}
    )

    assert response["Location"] == back
    record.refresh_from_db()
    assert (record.status, record.paid_on) == (FeeStatus.PAID, timezone.localdate())
    assert _messages(response) == [f"The fee of {THIS_YEAR} of Unpaid is recorded as paid."]
    assert AuditEntry.objects.filter(action="fee_paid").count() == 1


def test_fee_mark_paid_twice_gives_message(staff_client):
    record = FeeRecordFactory(status=FeeStatus.PAID, year=2025)

    response = staff_client.post(reverse("backoffice:fee_mark_paid", kwargs={"pk": record.pk}))

    assert _messages(response) == ["The fee of 2025 is already paid."]
    assert response["Location"] == reverse("backoffice:fees") + "?year=2025"


def test_fee_mark_paid_unknown_record_is_not_found(staff_client):
    assert staff_client.post(reverse("backoffice:fee_mark_paid", kwargs={"pk": 999999})).status_code == 404


# --- Import -----------------------------------------------------------------------------------------


def test_import_view_good_csv_imports_and_redirects(staff_client):
    CountryFactory(code="ES")
    upload = SimpleUploadedFile(
        "cities.csv", b"name,country,population,latitude,longitude\nGranollers,ES,62000,41.6,2.29\n"
    )

    response = staff_client.post(reverse("backoffice:import"), {"kind": "city", "file": upload})

    assert response.status_code == 302
    assert _messages(response) == ["1 cities imported from cities.csv."]
    assert City.objects.get().name == "Granollers"


def test_import_view_bad_rows_show_errors_and_import_nothing(staff_client):
    CountryFactory(code="ES")
    upload = SimpleUploadedFile(
        "cities.csv",
        b"name,country,population,latitude,longitude\n"
        b"Granollers,ES,62000,41.6,2.29\nBad,ZZ,1,1,1\nVic,ES,46000,41.9,2.25\nWorse,ES,-3,1,1\n",
    )

    response = staff_client.post(reverse("backoffice:import"), {"kind": "city", "file": upload})

    assert response.status_code == 200
    assert response.context["outcome"].errors == [
        (
            3,
            "country",
            "Unknown country code “ZZ”: use the two-letter ISO code of a country of the registry.",
        ),
        (5, "population", "“-3” is not a whole number."),
    ]
    assert "Nothing was imported: 2 problems" in response.content.decode()
    assert City.objects.count() == 0


def test_import_view_xlsx_contacts(staff_client):
    CityFactory(name="Vic", slug="vic-es", country=CountryFactory(code="ES"))
    workbook = Workbook()
    workbook.active.append(["city", "full_name", "email"])
    workbook.active.append(["vic-es", "Marta", "marta@vic.cat"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("contacts.xlsx", buffer.getvalue())

    response = staff_client.post(reverse("backoffice:import"), {"kind": "contact", "file": upload})

    assert _messages(response) == ["1 contacts imported from contacts.xlsx."]


def test_import_view_png_is_refused(staff_client):
    upload = SimpleUploadedFile("cities.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

    response = staff_client.post(reverse("backoffice:import"), {"kind": "city", "file": upload})

    assert response.context["outcome"].errors == [
        (None, "", "The file is not a CSV text file or an Excel workbook (.xlsx).")
    ]


def test_import_view_without_file_is_a_form_error(staff_client):
    response = staff_client.post(reverse("backoffice:import"), {"kind": "planet"})

    assert response.context["form"].errors == {
        "kind": ["Select a valid choice. planet is not one of the available choices."],
        "file": ["This field is required."],
    }


# --- Networks -------------------------------------------------------------------------------------


def _members(count, countries):
    return [
        CityFactory(name=f"Member {i}", country=CountryFactory(code=countries[i % len(countries)]))
        for i in range(count)
    ]


def test_network_create_with_four_cities_shows_the_guard_and_creates_nothing(staff_client):
    cities = _members(4, ["ES", "FR", "PT"])

    response = staff_client.post(
        reverse("backoffice:network_create"),
        {
            "name": "Cities and care",
            "kind": NetworkKind.THEMATIC,
            "cities": [str(cities[0].pk)],
            "coordinator": str(cities[1].pk),
            "co_coordinators": [str(cities[2].pk), str(cities[3].pk)],
        },
    )

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "The network cannot be created: a thematic network needs at least 5 cities (it has 4)."
    ]
    assert Network.objects.count() == 0


def test_network_create_thematic_with_five_cities_three_countries(staff_client):
    cities = _members(5, ["ES", "FR", "PT"])

    response = staff_client.post(
        reverse("backoffice:network_create"),
        {
            "name": "Cities and care",
            "kind": NetworkKind.THEMATIC,
            "acronym": "CC",
            "cities": [str(cities[0].pk), str(cities[1].pk)],
            "coordinator": str(cities[2].pk),
            "co_coordinators": [str(cities[3].pk), str(cities[4].pk)],
        },
    )

    network = Network.objects.get()
    assert response["Location"] == network.get_absolute_url()
    assert sorted(network.memberships.values_list("city__name", "role")) == [
        ("Member 0", NetworkRole.MEMBER),
        ("Member 1", NetworkRole.MEMBER),
        ("Member 2", NetworkRole.COORDINATOR),
        ("Member 3", NetworkRole.CO_COORDINATOR),
        ("Member 4", NetworkRole.CO_COORDINATOR),
    ]


def test_network_create_refuses_non_member_city_choice(staff_client):
    applicant = CityFactory(membership_status=MembershipStatus.APPLIED)

    response = staff_client.post(
        reverse("backoffice:network_create"),
        {"name": "X", "kind": NetworkKind.TERRITORIAL, "cities": [str(applicant.pk)]},
    )

    assert list(response.context["form"].errors) == ["cities"]
    assert Network.objects.count() == 0


# --- N+1 guards -------------------------------------------------------------------------------------


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("page", ["applications", "fees"])
def test_backoffice_pages_query_count_does_not_grow(staff_client, page):
    def add(n):
        for _ in range(n):
            if page == "applications":
                ApplicationFactory()
            else:
                FeeRecordFactory(year=THIS_YEAR)

    url = reverse(f"backoffice:{page}")
    add(3)
    few = _count_queries(staff_client, url)
    add(12)
    many = _count_queries(staff_client, url)

    assert len(staff_client.get(url).context["rows"]) == 15
    assert few == many
