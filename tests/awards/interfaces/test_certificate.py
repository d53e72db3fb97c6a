import io

import pytest
from pypdf import PdfReader

from educities.awards.domain.applications import application_decide
from educities.awards.domain.editions import edition_results_publish
from educities.awards.enums import ApplicationStatus, EditionPhase
from educities.awards.interfaces.certificate import award_certificate_pdf
from educities.core.domain.errors import DomainError
from tests.awards.factories import edition_close_call, jury_to_decision, make_application, make_edition
from tests.factories import CityFactory

pytestmark = pytest.mark.django_db


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _published(status: str, city_name: str = "Torres Vedras"):
    edition = make_edition(phase=EditionPhase.OPEN, number=3, year=2020)
    make_application(edition=edition, status=ApplicationStatus.IN_REVIEW)
    application = make_application(
        edition=edition, city=CityFactory(name=city_name), status=ApplicationStatus.IN_REVIEW
    )
    jury_to_decision(process=edition.review_process)
    application_decide(application=application, result=status, actor=None)
    others = edition.applications.exclude(pk=application.pk).get()
    application_decide(application=others, result=ApplicationStatus.WINNER, actor=None)
    edition_close_call(edition=edition)
    edition_results_publish(edition=edition, actor=None)
    application.refresh_from_db()
    return application


@pytest.mark.parametrize(
    ("status", "title"),
    [
        (ApplicationStatus.WINNER, "Winner of the Educating City Award"),
        (ApplicationStatus.SPECIAL_MENTION, "Special mention of the Educating City Award"),
        (ApplicationStatus.FINALIST, "Finalist of the Educating City Award"),
    ],
)
def test_award_certificate_pdf_names_the_city_the_edition_and_the_number(status, title):
    application = _published(status)

    text = _text(award_certificate_pdf(application=application, language="en"))

    assert title in text
    assert "Torres Vedras" in text
    assert "Edition 3 · 2020" in text
    assert application.experience.title in text
    assert f"Certificate number: {application.certificate_number}" in text
    assert application.certificate_number.startswith("ECA-2020-")


@pytest.mark.parametrize("language", ["fr", "es", "pt", "ca"])
def test_award_certificate_pdf_in_every_language_parses(language):
    application = _published(ApplicationStatus.WINNER, city_name="Łódź")

    pdf = award_certificate_pdf(application=application, language=language)

    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = _text(pdf)
    assert "2020" in text
    assert "Łódź" in text or "Lódz" in text


@pytest.mark.parametrize(
    "status", [ApplicationStatus.NOT_SELECTED, ApplicationStatus.IN_REVIEW, ApplicationStatus.SUBMITTED]
)
def test_award_certificate_pdf_is_refused_to_others(status):
    application = make_application(status=status)

    with pytest.raises(DomainError):
        award_certificate_pdf(application=application, language="en")


def test_award_certificate_pdf_is_refused_before_the_results():
    application = make_application(status=ApplicationStatus.WINNER)

    with pytest.raises(DomainError):
        award_certificate_pdf(application=application, language="en")
