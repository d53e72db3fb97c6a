import io
from datetime import date
from pathlib import Path

import pytest
from django.utils import translation
from pypdf import PdfReader

from educities.members.interfaces import certificate
from educities.members.interfaces.certificate import latin1_transliterate, membership_certificate_pdf
from tests.factories import CityFactory, CountryFactory, GeneralAssemblyFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _city():
    assembly = GeneralAssemblyFactory(date=date(2024, 11, 21), place="Curitiba")
    return CityFactory(
        name="Łódź",
        country=CountryFactory(code="PL"),
        member_since=assembly.date,
        ratified_at=assembly,
        certificate_number="EC-2024-00042",
    )


def test_certificate_pdf_contains_city_country_dates_and_number():
    pdf = membership_certificate_pdf(_city())

    text = _text(pdf)
    assert pdf.startswith(b"%PDF-")
    assert "International Association of Educating Cities" in text
    assert "Łódź" in text
    assert "Poland" in text
    assert "Member since Nov. 21, 2024" in text
    assert "Ratified by the General Assembly held in Curitiba on Nov. 21, 2024" in text
    assert "Certificate number: EC-2024-00042" in text


def test_certificate_pdf_is_in_the_reader_language():
    with translation.override("fr"):
        text = _text(membership_certificate_pdf(_city()))

    assert "Pologne" in text


def test_certificate_pdf_without_unicode_font_transliterates(monkeypatch):
    monkeypatch.setattr(certificate, "FONT_PATH", Path("/nonexistent/font.ttf"))

    text = _text(membership_certificate_pdf(_city()))

    assert "Lódz" in text
    assert "Certificate number: EC-2024-00042" in text


@pytest.mark.unit
@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("Łódź", "Lódz"),
        ("Kraków", "Kraków"),
        ("Đà Nẵng", "Dà Nang"),
        ("東京", "??"),
        ("“Œuvre” – ok", '"OEuvre" - ok'),
    ],
)
def test_latin1_transliterate_keeps_latin1_and_spells_the_rest(original, expected):
    assert latin1_transliterate(original) == expected
