"""The files step over HTTP: uploads (type-sniffed, size-limited), removals, and files of a pending change."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from educities.experiences.domain.attachments import experience_attachment_add
from educities.experiences.domain.drafts import experience_open_revision
from educities.experiences.enums import ExperienceStatus
from educities.experiences.models import ExperienceAttachment
from tests.experiences.factories import make_experience
from tests.experiences.views.helpers import flash, login, make_png_bytes, pdf_file, png_file
from tests.factories import make_city_editor, make_pdf_bytes

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _files(experience):
    return reverse("experiences:edit", kwargs={"slug": experience.slug, "step": "files"})


def _add_url(experience):
    return reverse("experiences:attachment_add", kwargs={"slug": experience.slug})


def _remove_url(experience, attachment):
    return reverse("experiences:attachment_remove", kwargs={"slug": experience.slug, "pk": attachment.pk})


def _stored(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()]


@pytest.fixture
def draft(client):
    experience = make_experience()
    login(client, make_city_editor(experience.city))
    return experience


def test_add_a_pdf_and_an_image_then_see_them_listed(client, draft):
    document = client.post(_add_url(draft), {"kind": "document", "title": "Evaluation", "file": pdf_file()})
    image = client.post(
        _add_url(draft),
        {"kind": "image", "title": "Council", "alt_text": "Children voting", "file": png_file()},
    )
    page = client.get(_files(draft))

    assert (document.status_code, document.url) == (302, _files(draft))
    assert (image.status_code, image.url) == (302, _files(draft))
    assert flash(image)[-1] == "The file “Council” is added."
    assert [a.title for a in page.context["documents"]] == ["Evaluation"]
    assert [a.title for a in page.context["images"]] == ["Council"]
    html = page.content.decode()
    picture = ExperienceAttachment.objects.get(kind="image")
    assert f'<img src="{picture.file.url}" alt="Children voting" class="thumb" loading="lazy">' in html
    assert f'action="{_remove_url(draft, picture)}"' in html
    assert "(1 / 10)" in html
    assert "(1 / 12)" in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"kind": "document", "title": "Setup", "file": ("setup.pdf", b"MZ\x90\x00" + b"\x00" * 100)},
            "This type of file is not accepted. Accepted types: PDF.",
        ),
        (
            {
                "kind": "image",
                "title": "Logo",
                "alt_text": "Logo",
                "file": (
                    "logo.svg",
                    b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
                ),
            },
            "SVG images are not accepted because they can contain scripts.",
        ),
        (
            {
                "kind": "image",
                "title": "Logo",
                "alt_text": "Logo",
                "file": ("logo.png", b'<svg onload="alert(1)"/>'),
            },
            "SVG images are not accepted because they can contain scripts.",
        ),
        (
            {"kind": "image", "title": "Photo", "alt_text": "", "file": ("photo.png", make_png_bytes())},
            "This field is required.",
        ),
        (
            {"kind": "image", "title": "Photo", "alt_text": "Photo", "file": ("photo.exe", make_png_bytes())},
            "its name does not end in .png",
        ),
        ({"kind": "document", "title": "", "file": ("a.pdf", make_pdf_bytes())}, "This field is required."),
        (
            {"kind": "document", "title": "Bad\x1b[31m", "file": ("a.pdf", make_pdf_bytes())},
            "Remove the control characters from the title.",
        ),
        (
            {"kind": "document", "title": "t" * 100_000, "file": ("a.pdf", make_pdf_bytes())},
            "The title is too long (at most 200 characters).",
        ),
        ({"kind": "document", "title": "No file"}, "This field is required."),
    ],
)
def test_add_refuses_hostile_files_with_a_message_and_saves_nothing(client, draft, settings, data, message):
    if "file" in data:
        name, content = data["file"]
        data = {**data, "file": SimpleUploadedFile(name, content)}

    response = client.post(_add_url(draft), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "The file was not added." in html
    assert message in html.replace("&quot;", '"').replace("&#x27;", "'")
    assert ExperienceAttachment.objects.count() == 0
    assert _stored(settings) == []


def test_add_refuses_an_oversized_file(client, draft, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    big = SimpleUploadedFile("big.pdf", make_pdf_bytes() + b"%" * 2048)

    response = client.post(_add_url(draft), {"kind": "document", "title": "Big", "file": big})

    assert response.status_code == 200
    assert "The file is too large (" in response.content.decode()
    assert ExperienceAttachment.objects.count() == 0
    assert _stored(settings) == []


@pytest.mark.parametrize("kind", ["", "video", "document'; DROP TABLE x;--"])
def test_add_with_an_unknown_kind_says_so(client, draft, kind):
    response = client.post(_add_url(draft), {"kind": kind, "title": "x", "file": pdf_file()})

    assert (response.status_code, response.url) == (302, _files(draft))
    assert flash(response) == ["Choose whether the file is a PDF document or an image."]
    assert ExperienceAttachment.objects.count() == 0


def test_remove_a_file_of_a_draft(client, draft, settings, django_capture_on_commit_callbacks):
    attachment = experience_attachment_add(
        actor=None, experience=draft, upload=pdf_file(), kind="document", title="Old"
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_remove_url(draft, attachment))

    assert (response.status_code, response.url) == (302, _files(draft))
    assert flash(response) == ["The file “Old” is removed."]
    assert ExperienceAttachment.objects.count() == 0
    assert _stored(settings) == []


def test_remove_a_file_of_another_experience_is_404(client, draft):
    other = make_experience()
    attachment = experience_attachment_add(
        actor=None, experience=other, upload=pdf_file(), kind="document", title="Theirs"
    )

    response = client.post(_remove_url(draft, attachment))

    assert response.status_code == 404
    assert ExperienceAttachment.objects.filter(pk=attachment.pk).exists()


def test_files_of_a_published_experience_wait_in_the_revision(client, settings):
    experience = make_experience(status=ExperienceStatus.PUBLISHED)
    live = ExperienceAttachment.objects.create(
        experience=experience,
        kind="document",
        file="experiences/live.pdf",
        title="Live",
        content_type="application/pdf",
        size=10,
    )
    login(client, make_city_editor(experience.city))

    added = client.post(_add_url(experience), {"kind": "document", "title": "New", "file": pdf_file()})
    removed = client.post(_remove_url(experience, live))
    page = client.get(_files(experience))

    assert added.status_code == 302
    assert (
        flash(removed)[-1] == "The file “Live” will be removed when the Secretariat publishes your changes."
    )
    revision = experience_open_revision(experience=experience)
    assert revision.data["attachments_removed"] == [live.pk]
    assert list(ExperienceAttachment.objects.filter(revision=revision).values_list("title", flat=True)) == [
        "New"
    ]
    assert ExperienceAttachment.objects.filter(pk=live.pk, revision__isnull=True).exists()
    assert [a.title for a in page.context["documents"]] == ["New"]
    assert [a.title for a in page.context["removed_attachments"]] == ["Live"]
    html = page.content.decode()
    assert "new in your changes" in html
    assert "Removed when your changes are published" in html
    assert "New files and removals take effect when the Secretariat publishes your changes." in html


def test_add_while_submitted_goes_to_the_manage_page(client, settings):
    experience = make_experience(status=ExperienceStatus.SUBMITTED)
    login(client, make_city_editor(experience.city))

    response = client.post(_add_url(experience), {"kind": "document", "title": "New", "file": pdf_file()})

    assert response.url == reverse("experiences:manage", kwargs={"slug": experience.slug})
    assert ExperienceAttachment.objects.count() == 0
    assert _stored(settings) == []
