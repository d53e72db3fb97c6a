"""The certificate of attendance: only for checked-in participants, in their language (read with pypdf)."""

import datetime
import io

import pytest
from django.utils import formats, translation
from django.utils.translation import gettext as _
from pypdf import PdfReader

from educities.congresses.interfaces.certificates import attendance_certificate_pdf
from educities.core.domain.errors import DomainError
from tests.congresses.factories import EventFactory, RegistrationFactory
from tests.factories import CityFactory, CountryFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def registration():
    event = EventFactory(
        title="Congress of Educating Cities",
        venue="Roca Umbert",
        starts_on=datetime.date(2030, 11, 4),
        ends_on=datetime.date(2030, 11, 6),
        time_zone="Europe/Madrid",
        host_city=CityFactory(name="Granollers", country=CountryFactory(code="ES")),
    )
    return RegistrationFactory(
        event=event,
        name="Joana Ferré",
        organisation="Ajuntament de Lleida",
        city=CityFactory(name="Lleida", country=CountryFactory(code="ES")),
        code="K7M2QX9P",
        # 23:30 UTC on 4 November is already 5 November in Madrid.
        checked_in_at=datetime.datetime(2030, 11, 4, 23, 30, tzinfo=datetime.UTC),
    )


def _text(content: bytes) -> str:
    return PdfReader(io.BytesIO(content)).pages[0].extract_text()


def test_attendance_certificate_names_the_person_and_the_event(registration):
    reader = PdfReader(io.BytesIO(attendance_certificate_pdf(registration)))

    lines = reader.pages[0].extract_text().splitlines()
    dates = _("%(first)s to %(last)s") % {
        "first": formats.date_format(datetime.date(2030, 11, 4), "DATE_FORMAT"),
        "last": formats.date_format(datetime.date(2030, 11, 6), "DATE_FORMAT"),
    }
    assert lines == [
        _("International Association of Educating Cities"),
        _("Certificate of attendance"),
        _("This certifies that"),
        "Joana Ferré",
        "Ajuntament de Lleida, Lleida (Spain)",
        _("attended"),
        "Congress of Educating Cities",
        _("held in %(place)s: %(dates)s") % {"place": "Roca Umbert, Granollers, Spain", "dates": dates},
        _("Registration %(code)s · checked in on %(date)s")
        % {"code": "K7M2QX9P", "date": formats.date_format(datetime.date(2030, 11, 5), "DATE_FORMAT")},
    ]
    assert len(reader.pages) == 1
    assert reader.metadata.title == "Certificate of attendance: Joana Ferré · Congress of Educating Cities"


def test_attendance_certificate_is_landscape_a4(registration):
    page = PdfReader(io.BytesIO(attendance_certificate_pdf(registration))).pages[0]

    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)


def test_attendance_certificate_is_in_the_participants_language(registration):
    registration.language = "es"

    text = _text(attendance_certificate_pdf(registration))

    with translation.override("es"):
        title = _("Certificate of attendance")
    assert title in text.splitlines()
    assert translation.get_language() == "en"


def test_attendance_certificate_without_organisation_or_city(registration):
    registration.organisation = ""
    registration.city = None

    lines = _text(attendance_certificate_pdf(registration)).splitlines()

    assert lines[3:5] == ["Joana Ferré", _("attended")]


def test_attendance_certificate_is_refused_before_check_in(registration):
    registration.checked_in_at = None

    with pytest.raises(DomainError) as caught:
        attendance_certificate_pdf(registration)

    assert caught.value.message == _(
        "A certificate of attendance is given to participants who were checked in."
    )
