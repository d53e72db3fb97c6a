import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image  # fpdf2 depends on Pillow, so it is always there

from educities.core.validators import validate_attachment
from tests.factories import make_pdf_bytes

pytestmark = [pytest.mark.unit]

IMAGES_AND_PDF = {"pdf", "png", "jpeg", "webp"}


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def make_png_bytes(width: int = 2, height: int = 2) -> bytes:
    """A valid RGB PNG written by hand: signature, IHDR, one IDAT of black pixels, IEND."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x00\x00\x00" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(rows))
        + _png_chunk(b"IEND", b"")
    )


def make_image_bytes(image_format: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(buffer, format=image_format)
    return buffer.getvalue()


SVG_WITH_SCRIPT = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)
SVG_MESSAGE = "SVG images are not accepted because they can contain scripts. Accepted types: {}."
TYPE_MESSAGE = "This type of file is not accepted. Accepted types: {}."


def _refusal(upload, allowed) -> tuple[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        validate_attachment(upload, allowed=allowed)
    return error.value.code, error.value.messages


def test_png_writer_makes_a_decodable_image():
    image = Image.open(io.BytesIO(make_png_bytes(3, 2)))

    assert (image.format, image.size) == ("PNG", (3, 2))


@pytest.mark.parametrize(
    ("name", "make_content", "kind"),
    [
        ("report.pdf", make_pdf_bytes, "pdf"),
        ("REPORT.PDF", make_pdf_bytes, "pdf"),
        ("photo.png", make_png_bytes, "png"),
        ("photo.jpg", lambda: make_image_bytes("JPEG"), "jpeg"),
        ("photo.JPEG", lambda: make_image_bytes("JPEG"), "jpeg"),
        ("photo.webp", lambda: make_image_bytes("WEBP"), "webp"),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_validate_attachment_accepts_real_files(name, make_content, kind):
    # The bytes are made inside the test: a PDF carries its creation time, and pytest-xdist needs
    # every worker to collect the same test ids.
    upload = SimpleUploadedFile(name, make_content())

    assert validate_attachment(upload, allowed=IMAGES_AND_PDF) == kind


def test_validate_attachment_leaves_the_file_position_unchanged():
    upload = SimpleUploadedFile("photo.png", make_png_bytes())
    upload.seek(5)

    validate_attachment(upload, allowed={"png"})

    assert upload.tell() == 5


def test_validate_attachment_refuses_png_named_pdf():
    upload = SimpleUploadedFile("mayor.pdf", make_png_bytes(), content_type="application/pdf")

    assert _refusal(upload, IMAGES_AND_PDF) == (
        "file_extension_mismatch",
        ["The file is a PNG but its name does not end in .png. Rename it or choose the right file."],
    )


def test_validate_attachment_refuses_pdf_named_jpg():
    upload = SimpleUploadedFile("photo.jpg", make_pdf_bytes(), content_type="image/jpeg")

    assert _refusal(upload, IMAGES_AND_PDF) == (
        "file_extension_mismatch",
        ["The file is a PDF but its name does not end in .pdf. Rename it or choose the right file."],
    )


def test_validate_attachment_refuses_jpeg_named_png():
    upload = SimpleUploadedFile("photo.png", make_image_bytes("JPEG"))

    assert _refusal(upload, IMAGES_AND_PDF) == (
        "file_extension_mismatch",
        ["The file is a JPEG but its name does not end in .jpg / .jpeg. Rename it or choose the right file."],
    )


def test_validate_attachment_refuses_a_name_without_extension():
    upload = SimpleUploadedFile("photo", make_png_bytes())

    assert _refusal(upload, {"png"})[0] == "file_extension_mismatch"


def test_validate_attachment_refuses_a_png_where_only_pdf_is_allowed():
    upload = SimpleUploadedFile("mayor.pdf", make_png_bytes())

    assert _refusal(upload, {"pdf"}) == ("file_type", [TYPE_MESSAGE.format("PDF")])


def test_validate_attachment_refuses_a_kind_not_allowed_even_with_the_right_name():
    upload = SimpleUploadedFile("photo.webp", make_image_bytes("WEBP"))

    assert _refusal(upload, {"pdf", "png", "jpeg"}) == ("file_type", [TYPE_MESSAGE.format("PDF, PNG, JPEG")])


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("logo.svg", SVG_WITH_SCRIPT),
        ("logo.SVG", make_png_bytes()),
        ("logo.svgz", zlib.compress(SVG_WITH_SCRIPT)),
        ("logo.png", SVG_WITH_SCRIPT),
        ("logo.pdf", b"\xef\xbb\xbf  <svg onload='alert(1)' xmlns='http://www.w3.org/2000/svg'/>"),
        ("logo.png", b"<!DOCTYPE svg><svg xmlns='http://www.w3.org/2000/svg'><script>x()</script></svg>"),
    ],
    ids=lambda value: value if isinstance(value, str) else "bytes",
)
def test_validate_attachment_refuses_svg(name, content):
    upload = SimpleUploadedFile(name, content, content_type="image/png")

    assert _refusal(upload, {"png", "jpeg"}) == ("file_svg", [SVG_MESSAGE.format("PNG, JPEG")])


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.pdf", b"<html><script>alert(1)</script></html>"),
        ("notes.pdf", b"just some text that claims to be a PDF"),
        ("archive.pdf", b"PK\x03\x04" + b"\x00" * 40),
        ("program.pdf", b"MZ\x90\x00" + b"\x00" * 60),
        ("image.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
    ],
    ids=lambda value: value if isinstance(value, str) else "bytes",
)
def test_validate_attachment_refuses_other_types(name, content):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")

    assert _refusal(upload, IMAGES_AND_PDF) == ("file_type", [TYPE_MESSAGE.format("PDF, PNG, JPEG, WebP")])


def test_validate_attachment_refuses_an_oversized_file(settings):
    settings.UPLOAD_MAX_BYTES = 100
    content = make_png_bytes()
    content += b"\x00" * (150 - len(content))

    assert _refusal(SimpleUploadedFile("big.png", content), {"png"}) == (
        "file_too_large",
        ["The file is too large (150\xa0bytes). The maximum is 100\xa0bytes."],
    )


def test_validate_attachment_accepts_a_file_at_the_size_limit(settings):
    content = make_png_bytes()
    settings.UPLOAD_MAX_BYTES = len(content)

    assert validate_attachment(SimpleUploadedFile("exact.png", content), allowed={"png"}) == "png"


def test_validate_attachment_refuses_an_empty_file():
    assert _refusal(SimpleUploadedFile("empty.pdf", b""), {"pdf"}) == ("file_empty", ["The file is empty."])


@pytest.mark.parametrize("allowed", [set(), {"svg"}, {"pdf", "exe"}])
def test_validate_attachment_rejects_unsupported_allowed_kinds(allowed):
    with pytest.raises(ValueError, match="Unsupported attachment kinds"):
        validate_attachment(SimpleUploadedFile("a.pdf", make_pdf_bytes()), allowed=allowed)
