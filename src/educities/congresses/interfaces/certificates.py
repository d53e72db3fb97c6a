"""The certificate of attendance of an event, a PDF in the participant's language (fpdf2).

Only for participants who were checked in at the event: the check-in is the proof of attendance.
"""

from django.utils import formats, translation
from django.utils.translation import gettext as _

from educities.congresses.domain.common import event_dates_for_people, event_local, event_title, site_language
from educities.congresses.models import Registration
from educities.core.domain.errors import DomainError
from educities.members.interfaces.certificate import _Certificate as CertificatePDF


def attendance_certificate_pdf(registration: Registration) -> bytes:
    """The certificate of attendance of ``registration``; ``DomainError`` unless it was checked in."""
    if registration.checked_in_at is None:
        raise DomainError(_("A certificate of attendance is given to participants who were checked in."))
    with translation.override(site_language(registration.language)):
        return _render(registration)


def _render(registration: Registration) -> bytes:
    event = registration.event
    title = event_title(event)
    association = _("International Association of Educating Cities")
    pdf = CertificatePDF()
    pdf.set_title(
        pdf.text_for(
            _("Certificate of attendance: %(name)s · %(event)s") % {"name": registration.name, "event": title}
        )
    )
    pdf.set_author(pdf.text_for(association))
    pdf.set_lang(translation.get_language())
    pdf.add_page()
    pdf.set_draw_color(11, 95, 138)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
    pdf.set_y(26)
    pdf.set_text_color(8, 71, 102)
    pdf.line_of_text(association, size=16, bold=True, gap=8)
    pdf.set_text_color(29, 36, 51)
    pdf.line_of_text(_("Certificate of attendance"), size=28, bold=True, gap=8)
    pdf.line_of_text(_("This certifies that"), size=14)
    pdf.line_of_text(registration.name, size=26, bold=True, gap=2)
    affiliation = [registration.organisation]
    if registration.city_id:
        affiliation.append(f"{registration.city.name} ({registration.city.country.name})")
    affiliation = [part for part in affiliation if part]
    if affiliation:
        pdf.line_of_text(", ".join(affiliation), size=14, gap=6)
    else:
        pdf.ln(4)
    pdf.line_of_text(_("attended"), size=13)
    pdf.line_of_text(title, size=18, bold=True, gap=4)
    place = ", ".join(
        part for part in (event.venue, event.host_city.name, event.host_city.country.name) if part
    )
    pdf.line_of_text(
        _("held in %(place)s: %(dates)s") % {"place": place, "dates": event_dates_for_people(event)}, size=13
    )
    pdf.set_y(pdf.h - 36)
    pdf.line_of_text(
        _("Registration %(code)s · checked in on %(date)s")
        % {
            "code": registration.code,
            "date": formats.date_format(event_local(event, registration.checked_in_at).date(), "DATE_FORMAT"),
        },
        size=10,
        gap=0,
    )
    return bytes(pdf.output())


__all__ = ["attendance_certificate_pdf"]
