"""The certificate of a winner, special mention or finalist of the award: a PDF in the reader's language."""

from django.utils import formats, translation
from django.utils.translation import gettext as _

from educities.awards.enums import CERTIFICATE_STATES, ApplicationStatus
from educities.awards.models import Application
from educities.core.domain.errors import DomainError
from educities.core.domain.translations_queries import translated_text
from educities.members.interfaces.certificate import _Certificate as CertificatePDF

_TITLES = {
    ApplicationStatus.WINNER: lambda: _("Winner of the Educating City Award"),
    ApplicationStatus.SPECIAL_MENTION: lambda: _("Special mention of the Educating City Award"),
    ApplicationStatus.FINALIST: lambda: _("Finalist of the Educating City Award"),
}


def award_certificate_pdf(*, application: Application, language: str) -> bytes:
    """The certificate of ``application`` (a winner, special mention or finalist of an edition whose
    results are published) in ``language``; ``DomainError`` for any other application."""
    edition = application.edition
    if application.status not in CERTIFICATE_STATES or edition.results_published_at is None:
        raise DomainError(_("Only finalists, special mentions and winners get a certificate."))
    with translation.override(language):
        return _render(application=application, language=language)


def _render(*, application: Application, language: str) -> bytes:
    edition = application.edition
    city = application.city
    association = _("International Association of Educating Cities")
    theme = str(translated_text(obj=edition, field="theme", language=language))
    pdf = CertificatePDF()
    pdf.set_title(
        pdf.text_for(_("Educating City Award %(year)s: %(city)s") % {"year": edition.year, "city": city.name})
    )
    pdf.set_author(pdf.text_for(association))
    pdf.set_lang(language)
    pdf.add_page()
    pdf.set_draw_color(11, 95, 138)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
    pdf.set_y(24)
    pdf.set_text_color(8, 71, 102)
    pdf.line_of_text(association, size=16, bold=True, gap=8)
    pdf.set_text_color(29, 36, 51)
    pdf.line_of_text(_TITLES[application.status](), size=24, bold=True, gap=4)
    pdf.line_of_text(
        _("Edition %(number)s · %(year)s") % {"number": edition.number, "year": edition.year}, size=14, gap=2
    )
    pdf.line_of_text(f"“{theme}”", size=13, gap=8)
    pdf.line_of_text(_("awarded to the city of"), size=13)
    pdf.line_of_text(city.name, size=26, bold=True, gap=2)
    pdf.line_of_text(city.country.name, size=15, gap=6)
    pdf.line_of_text(_("for the experience"), size=13)
    pdf.line_of_text(f"“{application.experience.title}”", size=15, bold=True, gap=8)
    if edition.ceremony_on and edition.ceremony_place:
        pdf.line_of_text(
            _("Presented in %(place)s on %(date)s")
            % {
                "place": edition.ceremony_place,
                "date": formats.date_format(edition.ceremony_on, "DATE_FORMAT"),
            },
            size=12,
        )
    pdf.set_y(pdf.h - 36)
    pdf.line_of_text(
        _("Certificate number: %(number)s") % {"number": application.certificate_number or "—"},
        size=11,
        gap=0,
    )
    return bytes(pdf.output())
