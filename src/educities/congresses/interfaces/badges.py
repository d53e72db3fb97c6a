"""The participant's badge as a PDF (fpdf2): name, organisation, city and country, registration type, the
event's title and dates, and a QR code of the registration code that the check-in desk scans.

Two sizes: A6 portrait (a badge holder, the default) and credit card (85.6 × 54 mm). The texts are in the
participant's language; the Unicode font of the project's certificates is reused (``_Certificate``), so
names in any Latin, Greek or Cyrillic script print as written.
"""

import qrcode
from django.utils import translation
from django.utils.translation import gettext as _
from fpdf.enums import Align, XPos, YPos
from qrcode.constants import ERROR_CORRECT_M

from educities.congresses.domain.common import event_dates_for_people, event_title, site_language
from educities.congresses.enums import HOLDING_STATES
from educities.congresses.models import Registration
from educities.core.domain.errors import DomainError
from educities.members.interfaces.certificate import _Certificate as CertificatePDF

# (orientation, (width, height) in mm): A6 and ISO/IEC 7810 ID-1 (a credit card).
BADGE_FORMATS = {"a6": ("portrait", (105, 148)), "card": ("landscape", (54, 85.6))}
# The association's blue (the certificates' frame) and the text colour.
BLUE = (11, 95, 138)
INK = (29, 36, 51)


def qr_image(text: str):
    """A QR code of ``text`` as a PIL image (error correction M: still read when a corner is creased)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=10, border=2)
    code.add_data(text)
    code.make(fit=True)
    return code.make_image(fill_color="black", back_color="white").get_image()


def _text(pdf: CertificatePDF, text: str, *, size: float, bold: bool = False, w: float = 0, align=Align.C):
    pdf.set_font(pdf.cert_family, style="B" if bold else "", size=size)
    pdf.multi_cell(
        w=w,
        h=size * 0.45,
        text=pdf.text_for(text),
        align=align,
        new_x=XPos.LEFT if w else XPos.LMARGIN,
        new_y=YPos.NEXT,
    )


def _fit(
    pdf: CertificatePDF, text: str, *, width: float, size: float, lines: int, bold: bool = False
) -> float:
    """The largest font size up to ``size`` at which ``text`` takes at most ``lines`` lines of ``width``."""
    text = pdf.text_for(text)
    while size > 6:
        pdf.set_font(pdf.cert_family, style="B" if bold else "", size=size)
        # A little room for the words that wrap early.
        if pdf.get_string_width(text) <= width * lines * 0.85:
            break
        size -= 1
    return size


def _where(registration: Registration) -> str:
    city = registration.city
    if city is None:
        return ""
    return f"{city.name} · {city.country.name}"


def badge_pdf(registration: Registration, *, size: str = "a6") -> bytes:
    """The badge of a registration that holds a place (pending or confirmed); ``size`` "a6" or "card"."""
    if registration.status not in HOLDING_STATES:
        raise DomainError(_("A badge is made only for registrations that hold a place."))
    if size not in BADGE_FORMATS:
        raise DomainError(_("Unknown badge size."))
    with translation.override(site_language(registration.language)):
        return _render(registration, size=size)


def _render(registration: Registration, *, size: str) -> bytes:
    event = registration.event
    title = event_title(event)
    orientation, page = BADGE_FORMATS[size]
    pdf = CertificatePDF()
    pdf.set_title(
        pdf.text_for(_("Badge: %(name)s · %(event)s") % {"name": registration.name, "event": title})
    )
    pdf.set_author(pdf.text_for(_("International Association of Educating Cities")))
    pdf.set_lang(translation.get_language())
    margin = 7 if size == "a6" else 4
    pdf.set_margins(margin, margin, margin)
    pdf.add_page(orientation=orientation, format=page)
    if size == "a6":
        _a6(pdf, registration, title=title)
    else:
        _card(pdf, registration, title=title)
    return bytes(pdf.output())


def _a6(pdf: CertificatePDF, registration: Registration, *, title: str) -> None:
    event = registration.event
    # The band with the event.
    pdf.set_fill_color(*BLUE)
    pdf.rect(0, 0, pdf.w, 30, style="F")
    pdf.set_text_color(255, 255, 255)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_y(6)
    _text(pdf, title, size=_fit(pdf, title, width=width, size=12, lines=2, bold=True), bold=True)
    pdf.ln(1)
    _text(pdf, f"{event_dates_for_people(event)} · {event.host_city.name}", size=8)
    # The person.
    pdf.set_text_color(*INK)
    pdf.set_y(38)
    name = registration.name
    _text(pdf, name, size=_fit(pdf, name, width=width, size=20, lines=2, bold=True), bold=True)
    pdf.ln(2)
    if registration.organisation:
        organisation = registration.organisation
        _text(pdf, organisation, size=_fit(pdf, organisation, width=width, size=11, lines=2))
        pdf.ln(1)
    where = _where(registration)
    if where:
        _text(pdf, where, size=10)
    # The type, then the code to scan.
    pdf.set_y(pdf.h - 56)
    pdf.set_fill_color(*BLUE)
    pdf.set_text_color(255, 255, 255)
    pdf.set_font(pdf.cert_family, style="B", size=11)
    pdf.cell(
        w=0,
        h=8,
        text=pdf.text_for(registration.type.name),
        align=Align.C,
        fill=True,
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.set_text_color(*INK)
    side = 34
    pdf.image(qr_image(registration.code), x=(pdf.w - side) / 2, y=pdf.h - 45, w=side, h=side)
    pdf.set_y(pdf.h - 10)
    _text(pdf, registration.code, size=9)


def _card(pdf: CertificatePDF, registration: Registration, *, title: str) -> None:
    event = registration.event
    pdf.set_fill_color(*BLUE)
    pdf.rect(0, 0, pdf.w, 11, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_y(2)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    _text(pdf, title, size=_fit(pdf, title, width=width, size=8, lines=1, bold=True), bold=True)
    _text(pdf, event_dates_for_people(event), size=6)
    side = 24
    text_width = pdf.w - 2 * pdf.l_margin - side - 3
    pdf.set_text_color(*INK)
    pdf.set_xy(pdf.l_margin, 15)
    name = registration.name
    size = _fit(pdf, name, width=text_width, size=12, lines=2, bold=True)
    _text(pdf, name, size=size, bold=True, w=text_width, align=Align.L)
    if registration.organisation:
        organisation = registration.organisation
        size = _fit(pdf, organisation, width=text_width, size=7, lines=2)
        _text(pdf, organisation, size=size, w=text_width, align=Align.L)
    where = _where(registration)
    if where:
        _text(pdf, where, size=7, w=text_width, align=Align.L)
    pdf.set_xy(pdf.l_margin, pdf.h - 10)
    pdf.set_fill_color(*BLUE)
    pdf.set_text_color(255, 255, 255)
    pdf.set_font(pdf.cert_family, style="B", size=7)
    pdf.cell(w=text_width, h=5, text=pdf.text_for(registration.type.name), align=Align.C, fill=True)
    pdf.set_text_color(*INK)
    pdf.image(qr_image(registration.code), x=pdf.w - pdf.r_margin - side, y=14, w=side, h=side)
    pdf.set_xy(pdf.w - pdf.r_margin - side, 14 + side)
    _text(pdf, registration.code, size=6, w=side)


__all__ = ["BADGE_FORMATS", "badge_pdf", "qr_image"]
