"""A city applies and the Secretariat takes it through every step until it is a member.

Two browser contexts: the applicant (who becomes the city's editor) and a Secretariat staff member.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from educities.core.models import AuditEntry
from educities.members.domain.fees import fee_table_load_defaults
from educities.members.enums import MembershipStatus
from educities.members.models import City
from tests.e2e.helpers import sign_in, verified_user
from tests.factories import CountryFactory, GeneralAssemblyFactory, make_pdf_bytes

pytestmark = [pytest.mark.django_db(transaction=True)]


def test_city_applies_and_is_taken_through_every_step_to_member(
    live_server, page_factory, settings, tmp_path
):
    settings.STAFF_MFA_REQUIRED = False
    settings.SECRETARIAT_EMAIL = "secretariat@example.org"
    fee_table_load_defaults()
    CountryFactory(code="ES")
    CountryFactory(code="FR")
    assembly = GeneralAssemblyFactory(place="Granollers")
    applicant = verified_user(email="mayor.office@granollers.example.org")
    staff = verified_user(staff=True, email="secretariat.staff@example.org")
    mayor_form = tmp_path / "mayor-form.pdf"
    mayor_form.write_bytes(make_pdf_bytes("Membership form signed by the mayor"))
    plenary = tmp_path / "plenary-approval.pdf"
    plenary.write_bytes(make_pdf_bytes("Approval by the municipal plenary"))
    base = live_server.url

    # --- The applicant signs in and sends the application with its two PDFs. ---
    editor_page = page_factory()
    sign_in(editor_page, base, applicant)
    editor_page.goto(f"{base}/en/join/")
    form = editor_page.locator("main form[enctype='multipart/form-data']")
    form.get_by_label("Name of the city").fill("Granollers")
    form.get_by_label("Country").select_option(label="Spain")
    form.get_by_label("Region or province").fill("Catalonia")
    form.get_by_label("Population").fill("62000")
    form.get_by_label("Latitude").fill("41.6080")
    form.get_by_label("Longitude").fill("2.2874")
    form.get_by_label("Website of the city council").fill("https://www.granollers.cat")
    form.get_by_label("Why does your city want to join?").fill("Education in every street.")
    form.get_by_label("Membership form signed by the mayor (PDF)").set_input_files(mayor_form)
    form.get_by_label("Approval by the municipal plenary (PDF)").set_input_files(plenary)
    form.get_by_role("button", name="Send the application").click()

    expect(editor_page).to_have_url(f"{base}/en/my-cities/")
    expect(editor_page.locator(".messages")).to_contain_text("the application of Granollers has been sent")
    city_card = editor_page.get_by_role("region", name="Granollers (Spain)")
    city_status = city_card.locator("h3 + p .badge")
    expect(city_status).to_have_text("Application received")
    city = City.objects.get(name="Granollers")
    assert (city.slug, city.membership_status) == ("granollers-es", MembershipStatus.APPLIED)
    # Not public yet.
    assert editor_page.request.get(f"{base}/en/cities/{city.slug}/").status == 404

    # --- The Secretariat opens the queue and the application, and takes every step. ---
    staff_page = page_factory()
    sign_in(staff_page, base, staff, next_url="/en/backoffice/")
    expect(staff_page).to_have_url(f"{base}/en/backoffice/")
    queue_row = staff_page.locator("table.queue tbody tr", has_text="Granollers")
    expect(queue_row.locator(".badge")).to_have_text("Application received")
    queue_row.get_by_role("link", name="Granollers", exact=True).click()
    expect(staff_page).to_have_url(f"{base}/en/backoffice/applications/{city.slug}/")
    expect(staff_page.get_by_role("heading", level=1)).to_contain_text("Granollers")
    # The two uploaded PDFs reach the Secretariat unchanged.
    for link_name, upload in [
        ("membership form signed by the mayor", mayor_form),
        ("approval by the municipal plenary", plenary),
    ]:
        href = staff_page.get_by_role("link", name=link_name).get_attribute("href")
        document = staff_page.request.get(base + href)
        assert (document.status, document.body()) == (200, upload.read_bytes())
    status = staff_page.locator("dl.definition .badge")
    expect(status).to_have_text("Application received")

    steps = [
        ("review_start", "Start the review", "Under review by the Secretariat"),
        ("invoice", "Invoice the fee", "Fee invoiced"),
        ("record_payment", "Record the payment", "Fee paid, awaiting ratification"),
    ]
    for action, label, expected_status in steps:
        staff_page.locator(f"form#action-{action}").get_by_role("button", name=label).click()
        expect(status).to_have_text(expected_status)
        expect(staff_page.locator(".messages")).to_contain_text(f"Granollers: {expected_status}.")
        if action == "invoice":
            fee_row = staff_page.locator("table", has=staff_page.get_by_text("Fee records")).locator(
                "tbody tr"
            )
            expect(fee_row).to_contain_text("400")
            expect(fee_row).to_contain_text("Unpaid")

    ratify = staff_page.locator("form#action-ratify")
    ratify.get_by_label("General Assembly").select_option(label=str(assembly))
    ratify.get_by_role("button", name="Ratify (General Assembly)").click()
    expect(status).to_have_text("Member")
    expect(staff_page.locator("dl.definition")).to_contain_text(f"EC-{assembly.date.year}-{city.pk:05d}")

    # The audit trail lists every step, oldest first.
    history = staff_page.locator("table", has=staff_page.get_by_text("Audit trail")).locator("tbody tr")
    expected_actions = ["apply", "review_start", "fee_invoice", "invoice", "fee_paid", "pay", "ratify"]
    recorded = list(AuditEntry.objects.order_by("created_at", "pk").values_list("action", flat=True))
    assert recorded == expected_actions
    expect(history).to_have_count(len(expected_actions))
    for action in expected_actions:
        expect(history.locator("td:nth-child(3)", has_text=re.compile(rf"^{action}$"))).to_have_count(1)

    # --- The city is a member: its public page, and its editor's certificate. ---
    city.refresh_from_db()
    assert city.membership_status == MembershipStatus.MEMBER
    editor_page.goto(f"{base}/en/cities/{city.slug}/")
    expect(editor_page.get_by_role("heading", level=1)).to_have_text("Granollers")
    expect(editor_page.locator("main dl")).to_contain_text("Spain")

    editor_page.goto(f"{base}/en/my-cities/")
    expect(city_status).to_have_text("Member")
    fee = city_card.locator("table tbody tr")
    expect(fee).to_have_count(1)
    expect(fee).to_contain_text("400.00")
    expect(fee).to_contain_text("Paid")
    with editor_page.expect_download() as download_info:
        city_card.get_by_role("link", name="Membership certificate (PDF) of Granollers").click()
    download = download_info.value
    assert download.suggested_filename == "certificate-granollers.pdf"
    with open(download.path(), "rb") as certificate:
        assert certificate.read(5) == b"%PDF-"
    response = editor_page.request.get(f"{base}/en/my-cities/{city.slug}/certificate.pdf")
    assert (response.status, response.headers["content-type"]) == (200, "application/pdf")
    assert response.body()[:5] == b"%PDF-"

    # One e-mail at each step to the editor and one to the Secretariat, each seeing only its own address
    # (the live server shares this process).
    assert [(message.subject, message.to) for message in mail.outbox] == [
        (subject, to)
        for subject in (
            "Granollers: Application received",
            "Granollers: Under review by the Secretariat",
            "Granollers: Fee invoiced",
            "Granollers: Fee paid, awaiting ratification",
            "Granollers: Member",
        )
        for to in (["mayor.office@granollers.example.org"], ["secretariat@example.org"])
    ]
