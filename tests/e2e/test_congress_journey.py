"""A congress whose only place is taken, in a real headless Chromium: the waiting list, a cancellation that
promotes the person waiting, the check-in desk and the certificate of attendance.

Marta (Lyon) holds the congress's only place. João (Porto) registers through the form and is told he is
on the waiting list at position 1. Marta cancels on her registration page; João is promoted at once: his
page says "Confirmed" and an e-mail tells him so. On the first morning the Secretariat types João's code
at the check-in desk and checks him in; his page shows the check-in and his certificate of attendance
downloads as a PDF.
"""

import re

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from educities.congresses.domain.registrations import registration_create
from educities.congresses.enums import FeeStatus, RegistrationStatus
from educities.congresses.models import Registration
from tests.congresses.factories import EventFactory, RegistrationTypeFactory
from tests.e2e.events_support import can_sign_in, submit, success
from tests.e2e.helpers import sign_in
from tests.factories import CityFactory, CountryFactory, StaffFactory, UserFactory

pytestmark = [pytest.mark.django_db(transaction=True)]

EVENT_TITLE = "Educating cities: the right to the city"


def _label(status: str) -> str:
    with translation.override("en"):
        return str(RegistrationStatus(status).label)


def test_delegate_waits_is_promoted_when_a_place_frees_up_and_is_checked_in(
    live_server, page_factory, settings
):
    settings.STAFF_MFA_REQUIRED = False
    base = live_server.url

    # --- The world: a congress with one place, already taken by Marta. ---
    host = CityFactory(name="Lublin", slug="lublin", country=CountryFactory(code="PL"))
    event = EventFactory(
        title=EVENT_TITLE, slug="congress-lublin", host_city=host, capacity=1, time_zone="Europe/Warsaw"
    )
    delegate_type = RegistrationTypeFactory(event=event, name="Delegate", fee=0)
    marta = can_sign_in(
        UserFactory(email="marta@lyon.example.org", first_name="Marta", last_name="Dupont", language="en")
    )
    joao = can_sign_in(
        UserFactory(email="joao@porto.example.org", first_name="João", last_name="Silva", language="en")
    )
    staff = can_sign_in(StaffFactory(email="secretariat@example.org", language="en"))
    first = registration_create(
        event=event, type=delegate_type, actor=marta, user=marta, name="Marta Dupont", email=marta.email
    )
    assert first.status == RegistrationStatus.CONFIRMED
    mail.outbox.clear()

    # --- João registers: the event is full, he joins the waiting list at position 1. ---
    joao_page = page_factory()
    sign_in(joao_page, base, joao)
    joao_page.locator("nav.main-nav a[href='/en/events/']").click()
    expect(joao_page).to_have_url(f"{base}/en/events/")
    joao_page.locator(f"main .event-card a[href='/en/events/{event.slug}/']").click()
    expect(joao_page).to_have_url(f"{base}/en/events/{event.slug}/")
    expect(joao_page.locator("main h1")).to_have_text(EVENT_TITLE)
    joao_page.locator(f"section.event-register a[href='/en/events/{event.slug}/register/']").click()
    expect(joao_page).to_have_url(f"{base}/en/events/{event.slug}/register/")
    form = joao_page.locator("main form.register-form")
    expect(form.locator(f"input[name=type][value='{delegate_type.pk}']")).to_be_checked()
    expect(form.locator("input[name=name]")).to_have_value("João Silva")
    expect(form.locator("input[name=email]")).to_have_value(joao.email)
    form.locator("input[name=organisation]").fill("Câmara Municipal do Porto")
    form.locator("input[name=position_title]").fill("Head of education")
    submit(joao_page, form.locator("button[type=submit]"))

    registration = Registration.objects.get(event=event, email=joao.email)
    expect(joao_page).to_have_url(f"{base}/en/events/registrations/{registration.code}/")
    with translation.override("en"):
        waiting_message = gettext(
            "The event is full: you are on the waiting list at position %(position)d."
        ) % {"position": 1}
    expect(joao_page.locator(".messages .message-info")).to_have_text(waiting_message)
    status = joao_page.locator("main .registration-status")
    expect(status).to_contain_text(_label(RegistrationStatus.WAITLISTED))
    expect(status).to_contain_text(re.compile(r"\bposition 1\b"))
    assert registration.status == RegistrationStatus.WAITLISTED
    assert registration.waitlist_position == 1
    assert registration.user_id == joao.pk
    assert registration.organisation == "Câmara Municipal do Porto"
    assert registration.fee_status == FeeStatus.NONE
    assert [(message.to, message.subject) for message in mail.outbox] == [
        ([joao.email], f"{EVENT_TITLE}: you are on the waiting list")
    ]
    # No badge or certificate while waiting.
    expect(
        joao_page.locator(f"a[href='/en/events/registrations/{registration.code}/badge.pdf']")
    ).to_have_count(0)
    mail.outbox.clear()

    # --- Marta cancels on her registration page. ---
    marta_page = page_factory()
    sign_in(marta_page, base, marta)
    marta_page.locator("nav.work-nav a[href='/en/events/registrations/']").click()
    expect(marta_page).to_have_url(f"{base}/en/events/registrations/")
    marta_page.locator(f"main a[href='/en/events/registrations/{first.code}/']").click()
    expect(marta_page).to_have_url(f"{base}/en/events/registrations/{first.code}/")
    expect(marta_page.locator("main .registration-status")).to_contain_text(
        _label(RegistrationStatus.CONFIRMED)
    )
    marta_page.locator(f"main a[href='/en/events/registrations/{first.code}/cancel/']").click()
    expect(marta_page).to_have_url(f"{base}/en/events/registrations/{first.code}/cancel/")
    cancel_form = marta_page.locator(f"main form[action='/en/events/registrations/{first.code}/cancel/']")
    cancel_form.locator("input[name=confirm]").check()
    submit(marta_page, cancel_form.locator("button[type=submit]"))
    expect(marta_page).to_have_url(f"{base}/en/events/registrations/{first.code}/")
    success(marta_page, "Your registration is cancelled. We sent a confirmation by e-mail.")
    expect(marta_page.locator("main .registration-status")).to_contain_text(
        _label(RegistrationStatus.CANCELLED)
    )
    first.refresh_from_db()
    assert first.status == RegistrationStatus.CANCELLED

    # --- João is promoted: his page says so, and so does an e-mail. ---
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.waitlist_position is None
    assert registration.confirmed_at is not None
    joao_page.reload()
    status = joao_page.locator("main .registration-status")
    expect(status).to_contain_text(_label(RegistrationStatus.CONFIRMED))
    expect(status).not_to_contain_text(_label(RegistrationStatus.WAITLISTED))
    expect(status).not_to_contain_text(re.compile(r"\bposition\b"))
    expect(
        joao_page.locator(f"a[href='/en/events/registrations/{registration.code}/badge.pdf']")
    ).to_be_visible()
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_recipient) == [joao.email, marta.email]
    assert len(mail.outbox) == 2
    assert by_recipient[marta.email].subject == f"{EVENT_TITLE}: your registration is cancelled"
    promotion = by_recipient[joao.email]
    assert promotion.subject == f"{EVENT_TITLE}: a place freed up, your registration is confirmed"
    assert f"/en/events/registrations/{registration.code}/" in promotion.body
    assert [attachment[0] for attachment in promotion.attachments] == ["event.ics"]

    # --- The check-in desk: the Secretariat types João's code. ---
    staff_page = page_factory()
    sign_in(staff_page, base, staff)
    staff_page.locator("nav.work-nav a[href='/en/backoffice/events/']").click()
    expect(staff_page).to_have_url(f"{base}/en/backoffice/events/")
    staff_page.locator(f"main th a[href='/en/backoffice/events/{event.slug}/']").click()
    expect(staff_page).to_have_url(f"{base}/en/backoffice/events/{event.slug}/")
    staff_page.locator(f"main a[href='/en/backoffice/events/{event.slug}/check-in/']").click()
    expect(staff_page).to_have_url(f"{base}/en/backoffice/events/{event.slug}/check-in/")
    code_form = staff_page.locator("main form[aria-labelledby=code-heading]")
    code_form.locator("input[name=code]").fill(registration.code)
    submit(staff_page, code_form.locator("button[type=submit]"))
    card = staff_page.locator("main section.check-in-card")
    expect(card.locator("h2")).to_have_text("João Silva")
    expect(card.locator("code")).to_have_text(registration.code)
    submit(staff_page, card.locator("form:has(input[name=action][value=check_in]) button[type=submit]"))
    success(staff_page, "João Silva is checked in. Welcome!")
    card = staff_page.locator("main section.check-in-card")
    expect(card).to_have_class("check-in-card card-done")
    expect(card.locator("button")).to_contain_text("Undo the check-in")
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    assert registration.checked_in_by_id == staff.pk
    expect(staff_page.locator("main .check-in-count .count-value")).to_have_text("1")

    # --- João's page: checked in, and his certificate of attendance. ---
    joao_page.reload()
    facts = joao_page.locator("main dl.facts")
    expect(facts.locator("dt").filter(has_text="Checked in")).to_have_count(1)
    expect(facts.locator("dt:has-text('Checked in') + dd time")).to_have_count(1)
    certificate = joao_page.locator(
        f"main a[href='/en/events/registrations/{registration.code}/certificate.pdf']"
    )
    expect(certificate).to_be_visible()
    # Checked in: the registration can no longer be cancelled.
    expect(
        joao_page.locator(f"main a[href='/en/events/registrations/{registration.code}/cancel/']")
    ).to_have_count(0)
    with joao_page.expect_download() as download_info:
        certificate.click()
    download = download_info.value
    assert download.suggested_filename == f"certificate-{registration.code}.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
