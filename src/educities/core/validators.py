import unicodedata

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _


def validate_pdf_upload(upload) -> None:
    """Accept only real PDF files (sniffed from their bytes, not their name) under the size limit."""
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s). The maximum is %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(position)
    kind = filetype.guess(head)
    if kind is None or kind.mime != "application/pdf":
        raise ValidationError(_("The file must be a PDF document."), code="not_pdf")


# Characters that have no place in a one-line name: C0/C1 controls (NUL, BEL, TAB, CR, LF, ESC, DEL...)
# and the Unicode line and paragraph separators. A CR or LF in a city name would break e-mail subjects.
_FORBIDDEN_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})


def has_control_characters(value: str) -> bool:
    return any(unicodedata.category(ch) in _FORBIDDEN_CATEGORIES for ch in value)


def validate_no_control_characters(value) -> None:
    """Refuse control characters (line breaks, tabs, bells, escapes...) in a one-line text."""
    if isinstance(value, str) and has_control_characters(value):
        raise ValidationError(
            _("Remove the control characters (line breaks, tabs and the like) from this text."),
            code="control_characters",
        )


# More inhabitants than any city on Earth: a larger number is a typing mistake.
CITY_POPULATION_MAX = 40_000_000


def validate_city_population(value) -> None:
    """Refuse a population larger than any city's (CITY_POPULATION_MAX)."""
    if value is not None and value > CITY_POPULATION_MAX:
        raise ValidationError(
            _("A city cannot have more than %(limit)s inhabitants: check the number."),
            code="population_too_large",
            params={"limit": number_format(CITY_POPULATION_MAX, force_grouping=True)},
        )
