"""Helpers of the editor view tests: files, sign-in, messages, the state of an experience."""

import io

from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from educities.experiences.domain.values import experience_values
from educities.experiences.models import Experience
from tests.factories import make_pdf_bytes


def make_png_bytes(size: tuple[int, int] = (4, 3)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def make_jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (20, 130, 30)).save(buffer, format="JPEG")
    return buffer.getvalue()


def pdf_file(name: str = "report.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, make_pdf_bytes("Evaluation report"), content_type="application/pdf")


def png_file(name: str = "council.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, make_png_bytes(), content_type="image/png")


def login(client, user) -> None:
    if user is not None and user.is_authenticated:
        client.force_login(user)


def flash(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def state(experience: Experience) -> dict:
    """Everything the city can change, read fresh from the database."""
    fresh = Experience.objects.get(pk=experience.pk)
    revisions = list(fresh.revisions.order_by("number").values_list("number", "status", "data"))
    files = list(fresh.attachments.order_by("pk").values_list("pk", "revision_id", "title", "file"))
    return {
        "status": fresh.status,
        "updated_at": fresh.updated_at,
        "values": experience_values(fresh),
        "revisions": revisions,
        "files": files,
    }
