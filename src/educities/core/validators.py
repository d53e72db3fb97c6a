import re

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
# The same characters as one class (Cc is exactly U+0000–U+001F and U+007F–U+009F): a regular
# expression scans a long text far faster than a category lookup per character.
_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def has_control_characters(value: str) -> bool:
    return _FORBIDDEN.search(value) is not None


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


# Attachments: the kinds a member may upload, sniffed from the bytes. The name must agree with the bytes,
# because the name decides how the file opens once downloaded.
ATTACHMENT_KINDS = {
    "pdf": {"mime": "application/pdf", "label": "PDF", "extensions": (".pdf",)},
    "png": {"mime": "image/png", "label": "PNG", "extensions": (".png",)},
    "jpeg": {"mime": "image/jpeg", "label": "JPEG", "extensions": (".jpg", ".jpeg")},
    "webp": {"mime": "image/webp", "label": "WebP", "extensions": (".webp",)},
}
_KIND_BY_MIME = {spec["mime"]: kind for kind, spec in ATTACHMENT_KINDS.items()}
_SNIFF_BYTES = 8192
_SVG_EXTENSIONS = (".svg", ".svgz")


def _looks_like_svg(head: bytes) -> bool:
    """An SVG is XML text: it cannot be recognised by magic bytes, so look for the root element."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return b"<svg" in text and (text.startswith((b"<?xml", b"<svg", b"<!doctype", b"<!--")))


def validate_attachment(upload, *, allowed: set[str]) -> str:
    """Accept an upload only if its bytes are one of the ``allowed`` kinds and its name says the same.

    ``allowed`` holds keys of ``ATTACHMENT_KINDS`` ("pdf", "png", "jpeg", "webp"). Refuses empty files,
    files over ``settings.UPLOAD_MAX_BYTES``, SVG (it can carry scripts), any other type and a name whose
    extension disagrees with the content. Returns the kind found.
    """
    unknown = set(allowed) - ATTACHMENT_KINDS.keys()
    if unknown or not allowed:
        raise ValueError(f"Unsupported attachment kinds: {sorted(unknown) or 'none given'}")
    accepted = ", ".join(ATTACHMENT_KINDS[kind]["label"] for kind in ATTACHMENT_KINDS if kind in allowed)

    size = upload.size or 0
    if size == 0:
        raise ValidationError(_("The file is empty."), code="file_empty")
    limit = settings.UPLOAD_MAX_BYTES
    if size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s). The maximum is %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
        )

    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(_SNIFF_BYTES)
    upload.seek(position)

    name = (getattr(upload, "name", "") or "").lower()
    if name.endswith(_SVG_EXTENSIONS) or _looks_like_svg(head):
        raise ValidationError(
            _("SVG images are not accepted because they can contain scripts. Accepted types: %(accepted)s."),
            code="file_svg",
            params={"accepted": accepted},
        )

    sniffed = filetype.guess(head)
    kind = _KIND_BY_MIME.get(sniffed.mime) if sniffed else None
    if kind not in allowed:
        raise ValidationError(
            _("This type of file is not accepted. Accepted types: %(accepted)s."),
            code="file_type",
            params={"accepted": accepted},
        )

    spec = ATTACHMENT_KINDS[kind]
    if not name.endswith(spec["extensions"]):
        raise ValidationError(
            _(
                "The file is a %(kind)s but its name does not end in %(extensions)s. "
                "Rename it or choose the right file."
            ),
            code="file_extension_mismatch",
            params={"kind": spec["label"], "extensions": " / ".join(spec["extensions"])},
        )
    return kind
