"""The membership certificate as a PDF, in the reader's language (fpdf2)."""

import unicodedata
from pathlib import Path

from django.utils import formats
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from educities.members.models import City

# A Unicode TrueType font, if the system has it; otherwise the PDF core font (latin-1 only).
FONT_PATH = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
BOLD_FONT_PATH = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

# Letters that have no Unicode decomposition but an obvious Latin spelling.
_TRANSLITERATIONS = {
    "Ł": "L",
    "ł": "l",
    "Đ": "D",
    "đ": "d",
    "Ħ": "H",
    "ħ": "h",
    "ı": "i",
    "Œ": "OE",
    "œ": "oe",
    "ŋ": "ng",
    "ſ": "s",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "–": "-",
    "—": "-",
    "…": "...",
    "€": "EUR",
}


def latin1_transliterate(text: str) -> str:
    """Keep latin-1 characters, spell the others with Latin letters (Łódź → Lódz), else ``?``."""
    out = []
    for char in text:
        if ord(char) < 256:
            out.append(char)
        elif char in _TRANSLITERATIONS:
            out.append(_TRANSLITERATIONS[char])
        else:
            decomposed = unicodedata.normalize("NFKD", char)
            kept = "".join(c for c in decomposed if ord(c) < 256 and not unicodedata.combining(c))
            out.append(kept or "?")
    return "".join(out)


class _Certificate(FPDF):
    def __init__(self) -> None:
        super().__init__(orientation="landscape", format="A4")
        self.set_auto_page_break(auto=False)
        if FONT_PATH.is_file():
            self.add_font("certificate", style="", fname=str(FONT_PATH))
            bold = BOLD_FONT_PATH if BOLD_FONT_PATH.is_file() else FONT_PATH
            self.add_font("certificate", style="B", fname=str(bold))
            self.cert_family = "certificate"
            self.cert_unicode = True
        else:
            self.cert_family = "helvetica"
            self.cert_unicode = False

    def text_for(self, text: str) -> str:
        return text if self.cert_unicode else latin1_transliterate(text)

    def line_of_text(self, text: str, *, size: float, bold: bool = False, gap: float = 4) -> None:
        self.set_font(self.cert_family, style="B" if bold else "", size=size)
        self.multi_cell(
            w=0, h=size * 0.5, text=self.text_for(text), align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        self.ln(gap)


def membership_certificate_pdf(city: City) -> bytes:
    """The certificate of a member city: association, city, country, member since, Assembly, number."""
    association = _("International Association of Educating Cities")
    pdf = _Certificate()
    pdf.set_title(pdf.text_for(_("Certificate of membership: %(city)s") % {"city": city.name}))
    pdf.set_author(pdf.text_for(association))
    pdf.add_page()
    pdf.set_draw_color(11, 95, 138)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
    pdf.set_y(30)
    pdf.set_text_color(8, 71, 102)
    pdf.line_of_text(association, size=18, bold=True, gap=10)
    pdf.set_text_color(29, 36, 51)
    pdf.line_of_text(_("Certificate of membership"), size=28, bold=True, gap=10)
    pdf.line_of_text(_("This certifies that the city of"), size=14)
    pdf.line_of_text(city.name, size=26, bold=True, gap=2)
    pdf.line_of_text(city.country.name, size=16, gap=8)
    pdf.line_of_text(
        _(
            "is a member of the International Association of Educating Cities "
            "and shares the Charter of Educating Cities."
        ),
        size=13,
        gap=8,
    )
    if city.member_since:
        pdf.line_of_text(
            _("Member since %(date)s") % {"date": formats.date_format(city.member_since, "DATE_FORMAT")},
            size=13,
        )
    if city.ratified_at_id:
        assembly = city.ratified_at
        pdf.line_of_text(
            _("Ratified by the General Assembly held in %(place)s on %(date)s")
            % {"place": assembly.place, "date": formats.date_format(assembly.date, "DATE_FORMAT")},
            size=13,
        )
    pdf.set_y(pdf.h - 40)
    pdf.line_of_text(
        _("Certificate number: %(number)s") % {"number": city.certificate_number or "—"}, size=11, gap=0
    )
    return bytes(pdf.output())
