"""The participant's badge: a PDF read back with pypdf (size, texts, the QR code of the registration code)."""

import datetime
import io
from pathlib import Path

import pytest
from django.utils import formats, translation
from django.utils.translation import gettext as _
from pypdf import PdfReader

from educities.congresses.enums import RegistrationStatus
from educities.congresses.interfaces.badges import badge_pdf, qr_image
from educities.core.domain.errors import DomainError
from educities.core.domain.translations import translation_save_human, translation_set_original
from educities.members.interfaces import certificate as certificate_module
from tests.congresses.factories import EventFactory, RegistrationFactory, RegistrationTypeFactory
from tests.factories import CityFactory, CountryFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

MM = 72 / 25.4


@pytest.fixture
def registration():
    event = EventFactory(
        title="Congress of Educating Cities",
        starts_on=datetime.date(2030, 11, 4),
        ends_on=datetime.date(2030, 11, 6),
        host_city=CityFactory(name="Granollers", country=CountryFactory(code="ES")),
    )
    return RegistrationFactory(
        event=event,
        type=RegistrationTypeFactory(event=event, name="Delegate of a member city"),
        name="Łucja Wiśniewska",
        organisation="Urząd Miasta Łodzi",
        city=CityFactory(name="Łódź", country=CountryFactory(code="FR")),
        code="K7M2QX9P",
    )


def _read(content: bytes):
    return PdfReader(io.BytesIO(content)).pages[0]


def _lines(content: bytes) -> list[str]:
    return _read(content).extract_text().splitlines()


def test_badge_pdf_is_a6_portrait(registration):
    page = _read(badge_pdf(registration))

    assert (round(float(page.mediabox.width) / MM), round(float(page.mediabox.height) / MM)) == (105, 148)


def test_badge_pdf_card_is_a_credit_card(registration):
    page = _read(badge_pdf(registration, size="card"))

    assert (round(float(page.mediabox.width) / MM, 1), round(float(page.mediabox.height) / MM, 1)) == (
        85.6,
        54.0,
    )


@pytest.mark.parametrize("size", ["a6", "card"])
def test_badge_pdf_shows_the_person_the_type_and_the_event(registration, size):
    lines = _lines(badge_pdf(registration, size=size))

    dates = _("%(first)s to %(last)s") % {
        "first": formats.date_format(datetime.date(2030, 11, 4), "DATE_FORMAT"),
        "last": formats.date_format(datetime.date(2030, 11, 6), "DATE_FORMAT"),
    }
    for expected in (
        "Congress of Educating Cities",
        "Łucja Wiśniewska",
        "Urząd Miasta Łodzi",
        "Łódź · France",
        "Delegate of a member city",
        "K7M2QX9P",
    ):
        assert expected in lines
    assert any(line.startswith(dates) for line in lines)


@pytest.mark.parametrize("size", ["a6", "card"])
def test_badge_pdf_qr_code_holds_the_registration_code(registration, size):
    [image] = _read(badge_pdf(registration, size=size)).images

    expected = qr_image("K7M2QX9P").convert("1")
    found = image.image.convert("1").resize(expected.size)
    assert found.tobytes() == expected.tobytes()


def test_badge_pdf_without_a_city_or_organisation(registration):
    registration.city = None
    registration.organisation = ""

    lines = _lines(badge_pdf(registration))

    assert "Łucja Wiśniewska" in lines
    assert not any("·" in line and "France" in line for line in lines)


def test_badge_pdf_is_in_the_participants_language(registration):
    event = registration.event
    translation_set_original(obj=event, field="title", language="en", text="Congress of Educating Cities")
    translation_save_human(
        obj=event, field="title", language="fr", text="Congrès des villes éducatrices", actor=None
    )
    registration.language = "fr"

    lines = _lines(badge_pdf(registration))

    with translation.override("fr"):
        first = formats.date_format(datetime.date(2030, 11, 4), "DATE_FORMAT")
    assert "Congrès des villes éducatrices" in lines
    assert any(first in line for line in lines)
    assert translation.get_language() == "en"


def test_badge_pdf_for_a_pending_registration(registration):
    registration.status = RegistrationStatus.PENDING

    assert badge_pdf(registration).startswith(b"%PDF-")


@pytest.mark.parametrize("status", [RegistrationStatus.WAITLISTED, RegistrationStatus.CANCELLED])
def test_badge_pdf_is_refused_without_a_place(registration, status):
    registration.status = status

    with pytest.raises(DomainError) as caught:
        badge_pdf(registration)

    assert caught.value.message == _("A badge is made only for registrations that hold a place.")


def test_badge_pdf_refuses_an_unknown_size(registration):
    with pytest.raises(DomainError):
        badge_pdf(registration, size="poster")


def test_badge_pdf_without_the_unicode_font_spells_names_in_latin_letters(registration, monkeypatch):
    monkeypatch.setattr(certificate_module, "FONT_PATH", Path("/nonexistent/font.ttf"))

    lines = _lines(badge_pdf(registration))

    assert "Lucja Wisniewska" in lines


@pytest.mark.parametrize("size", ["a6", "card"])
def test_badge_pdf_long_names_shrink_to_stay_above_the_type(registration, size):
    registration.name = "Maria " + "de la Concepción " * 6 + "Fernández"
    registration.organisation = "Ajuntament " * 12
    reader = PdfReader(io.BytesIO(badge_pdf(registration, size=size)))
    heights: dict[str, list[float]] = {}

    def visit(text, _cm, matrix, _font, _size):
        if text.strip():
            heights.setdefault(text.strip(), []).append(matrix[5])

    reader.pages[0].extract_text(visitor_text=visit)

    lowest_person = min(
        y for text, ys in heights.items() for y in ys if text.startswith(("Maria", "de la", "Ajunt"))
    )
    assert len(reader.pages) == 1
    assert lowest_person > max(heights["Delegate of a member city"])
