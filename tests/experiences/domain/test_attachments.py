from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from educities.core.domain.errors import DomainError, PermissionRefused
from educities.experiences.domain.attachments import (
    ATTACHMENTS_MAX,
    experience_attachment_add,
    experience_attachment_remove,
    experience_attachments_working,
)
from educities.experiences.domain.drafts import experience_draft_save, experience_open_revision
from educities.experiences.domain.workflow import (
    revision_discard,
    revision_publish,
    revision_submit,
)
from educities.experiences.enums import AttachmentKind, ExperienceStatus
from educities.experiences.models import ExperienceAttachment
from tests.experiences.factories import make_experience
from tests.experiences.views.helpers import make_jpeg_bytes, make_png_bytes, pdf_file, png_file
from tests.factories import StaffFactory, make_city_editor, make_pdf_bytes

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(1)</script></svg>"
)


def _stored_files(settings) -> list[str]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def _add(experience, actor, upload, kind=AttachmentKind.DOCUMENT, title="Report", alt_text=""):
    return experience_attachment_add(
        actor=actor, experience=experience, upload=upload, kind=kind, title=title, alt_text=alt_text
    )


@pytest.fixture
def draft():
    return make_experience()


@pytest.fixture
def editor(draft):
    return make_city_editor(draft.city)


def test_attachment_add_pdf_to_draft_stores_it_under_a_random_name(draft, editor, settings):
    data = make_pdf_bytes("Evaluation report")
    upload = SimpleUploadedFile("../../etc/Évaluation finale.pdf", data)

    attachment = _add(draft, editor, upload, title="  Evaluation  ")

    attachment.refresh_from_db()
    assert (attachment.kind, attachment.title, attachment.alt_text) == ("document", "Evaluation", "")
    assert (attachment.content_type, attachment.revision_id) == ("application/pdf", None)
    assert attachment.size == len(data)
    assert attachment.file.name.startswith("experiences/")
    assert attachment.file.name.endswith(".pdf")
    assert len(Path(attachment.file.name).stem) == 32
    assert _stored_files(settings) == [attachment.file.name]
    assert Path(settings.MEDIA_ROOT, attachment.file.name).read_bytes() == data


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("council.png", make_png_bytes(), "image/png"),
        ("council.jpg", make_jpeg_bytes(), "image/jpeg"),
        ("council.JPEG", make_jpeg_bytes(), "image/jpeg"),
    ],
    ids=["png", "jpg", "JPEG"],
)
def test_attachment_add_image_with_alt_text(draft, editor, name, data, content_type):
    upload = SimpleUploadedFile(name, data, content_type="application/octet-stream")

    attachment = _add(draft, editor, upload, kind="image", title="Council", alt_text="Children voting")

    assert (attachment.kind, attachment.content_type, attachment.alt_text) == (
        "image",
        content_type,
        "Children voting",
    )
    assert list(draft.attachments.values_list("pk", flat=True)) == [attachment.pk]


@pytest.mark.parametrize(
    ("kind", "name", "data", "title", "alt_text", "message"),
    [
        ("image", "a.png", make_png_bytes(), "Council", "   ", "Describe what the image shows"),
        (
            "document",
            "setup.pdf",
            b"MZ\x90\x00\x03" + b"\x00" * 200,
            "Report",
            "",
            "This type of file is not accepted. Accepted types: PDF.",
        ),
        ("image", "logo.png", SVG_WITH_SCRIPT, "Logo", "Logo", "SVG images are not accepted"),
        ("image", "logo.svg", make_png_bytes(), "Logo", "Logo", "SVG images are not accepted"),
        ("image", "report.pdf", make_pdf_bytes(), "Report", "Report", "Accepted types: PNG, JPEG, WebP."),
        ("document", "photo.pdf", make_png_bytes(), "Photo", "", "Accepted types: PDF."),
        ("image", "photo.jpg", make_png_bytes(), "Photo", "Photo", "its name does not end in .png"),
        ("document", "empty.pdf", b"", "Empty", "", "The file is empty."),
        (
            "video",
            "report.pdf",
            make_pdf_bytes(),
            "Report",
            "",
            "Choose whether the file is a PDF document or an image.",
        ),
        ("document", "report.pdf", make_pdf_bytes(), "   ", "", "Give the file a title."),
        ("document", "report.pdf", make_pdf_bytes(), "Bad\x07title", "", "Remove the control characters"),
        ("document", "report.pdf", make_pdf_bytes(), "A\nB", "", "Remove the control characters"),
        ("document", "report.pdf", make_pdf_bytes(), "x" * 100_000, "", "too long (at most 200 characters)"),
        ("image", "a.png", make_png_bytes(), "Council", "y" * 301, "too long (at most 300 characters)"),
        ("image", "a.png", make_png_bytes(), "Council", "line\x00nul", "Remove the control characters"),
    ],
    # Explicit ids: a PDF's bytes carry its creation time, and parallel workers must agree on the ids.
    ids=lambda value: value if isinstance(value, str) and len(value) < 40 else "data",
)
def test_attachment_add_refuses_bad_input_and_saves_nothing(
    draft, editor, settings, kind, name, data, title, alt_text, message
):
    before = draft.updated_at
    upload = SimpleUploadedFile(name, data, content_type="application/pdf")

    with pytest.raises(DomainError) as caught:
        _add(draft, editor, upload, kind=kind, title=title, alt_text=alt_text)

    assert message in caught.value.message
    assert ExperienceAttachment.objects.count() == 0
    assert _stored_files(settings) == []
    draft.refresh_from_db()
    assert draft.updated_at == before


def test_attachment_add_refuses_file_over_the_size_limit(draft, editor, settings):
    data = make_pdf_bytes()
    settings.UPLOAD_MAX_BYTES = len(data) - 1

    with pytest.raises(DomainError) as caught:
        _add(draft, editor, SimpleUploadedFile("big.pdf", data))

    assert caught.value.message.startswith("The file is too large (")
    assert ExperienceAttachment.objects.count() == 0
    assert _stored_files(settings) == []


@pytest.mark.parametrize("kind", [AttachmentKind.DOCUMENT, AttachmentKind.IMAGE])
def test_attachment_add_refuses_more_than_the_limit_per_kind(draft, editor, kind):
    def upload():
        return pdf_file() if kind == AttachmentKind.DOCUMENT else png_file()

    for _number in range(ATTACHMENTS_MAX[kind]):
        _add(draft, editor, upload(), kind=kind, alt_text="A picture")
    other = AttachmentKind.IMAGE if kind == AttachmentKind.DOCUMENT else AttachmentKind.DOCUMENT
    _add(
        draft,
        editor,
        pdf_file() if other == AttachmentKind.DOCUMENT else png_file(),
        kind=other,
        alt_text="x",
    )

    with pytest.raises(DomainError) as caught:
        _add(draft, editor, upload(), kind=kind, alt_text="A picture")

    assert caught.value.message == (
        "An experience has at most 10 PDF documents: remove one first."
        if kind == AttachmentKind.DOCUMENT
        else "An experience has at most 12 images: remove one first."
    )
    assert draft.attachments.filter(kind=kind).count() == ATTACHMENTS_MAX[kind]
    assert list(draft.attachments.values_list("position", flat=True)) == list(
        range(ATTACHMENTS_MAX[kind] + 1)
    )


def test_attachment_add_refused_for_editor_of_another_city(draft, settings):
    other = make_city_editor(make_experience().city)

    with pytest.raises(PermissionRefused):
        _add(draft, other, pdf_file())

    assert draft.attachments.count() == 0
    assert _stored_files(settings) == []


@pytest.mark.parametrize("status", [ExperienceStatus.SUBMITTED, ExperienceStatus.IN_REVIEW])
def test_attachment_add_and_remove_refused_while_in_review(status, settings):
    experience = make_experience(status=status)
    editor = make_city_editor(experience.city)
    attachment = ExperienceAttachment.objects.create(
        experience=experience,
        kind="document",
        file="experiences/x.pdf",
        title="Old",
        content_type="application/pdf",
        size=3,
    )

    with pytest.raises(DomainError) as added:
        _add(experience, editor, pdf_file())
    with pytest.raises(DomainError) as removed:
        experience_attachment_remove(actor=editor, experience=experience, attachment=attachment)

    expected = "This experience is being reviewed: withdraw it from review before changing it."
    assert (added.value.message, removed.value.message) == (expected, expected)
    assert list(experience.attachments.values_list("pk", flat=True)) == [attachment.pk]
    assert _stored_files(settings) == []


def test_attachment_remove_on_draft_deletes_row_and_file_after_commit(
    draft, editor, settings, django_capture_on_commit_callbacks
):
    attachment = _add(draft, editor, pdf_file())

    with django_capture_on_commit_callbacks(execute=True):
        experience_attachment_remove(actor=editor, experience=draft, attachment=attachment)

    assert draft.attachments.count() == 0
    assert _stored_files(settings) == []


def test_attachment_remove_refuses_a_file_of_another_experience(draft, editor):
    other = make_experience()
    attachment = _add(other, None, pdf_file())

    with pytest.raises(DomainError) as caught:
        experience_attachment_remove(actor=editor, experience=draft, attachment=attachment)

    assert caught.value.message == "This file does not belong to this experience."
    assert ExperienceAttachment.objects.filter(pk=attachment.pk).exists()


# --- A published experience: files go through the open revision ----------------------------------------


@pytest.fixture
def published():
    experience = make_experience()
    live = _add(experience, None, pdf_file("live.pdf"), title="Live report")
    from educities.experiences.domain.workflow import experience_publish, experience_submit

    experience_submit(experience=experience, actor=None)
    experience_publish(experience=experience, actor=None)
    experience.live_attachment = live
    return experience


def test_attachment_add_to_published_waits_in_a_new_revision(published, settings):
    editor = make_city_editor(published.city)

    attachment = _add(published, editor, png_file(), kind="image", title="Photo", alt_text="A photo")

    revision = experience_open_revision(experience=published)
    assert revision is not None
    assert (revision.number, revision.status) == (1, "draft")
    assert attachment.revision_id == revision.pk
    assert list(published.attachments.filter(revision__isnull=True).values_list("title", flat=True)) == [
        "Live report"
    ]
    assert [a.title for a in experience_attachments_working(experience=published, revision=revision)] == [
        "Live report",
        "Photo",
    ]
    assert len(_stored_files(settings)) == 2


def test_revision_publish_makes_new_files_live_and_drops_removed_ones(
    published, settings, django_capture_on_commit_callbacks
):
    editor = make_city_editor(published.city)
    new = _add(published, editor, pdf_file("new.pdf"), title="New report")
    live = published.live_attachment
    live_name = live.file.name

    experience_attachment_remove(actor=editor, experience=published, attachment=live)

    revision = experience_open_revision(experience=published)
    assert revision.data["attachments_removed"] == [live.pk]
    assert ExperienceAttachment.objects.filter(pk=live.pk, revision__isnull=True).exists()
    assert live_name in _stored_files(settings)

    revision_submit(revision=revision, actor=editor)
    with django_capture_on_commit_callbacks(execute=True):
        revision_publish(revision=revision, actor=StaffFactory())

    assert list(published.attachments.values_list("pk", "revision_id")) == [(new.pk, None)]
    assert live_name not in _stored_files(settings)


def test_revision_discard_deletes_the_files_it_added_and_keeps_live_ones(
    published, settings, django_capture_on_commit_callbacks
):
    editor = make_city_editor(published.city)
    new = _add(published, editor, pdf_file("new.pdf"), title="New report")
    experience_attachment_remove(actor=editor, experience=published, attachment=published.live_attachment)
    revision = experience_open_revision(experience=published)

    with django_capture_on_commit_callbacks(execute=True):
        revision_discard(revision=revision, actor=editor)

    assert list(published.attachments.values_list("pk", flat=True)) == [published.live_attachment.pk]
    assert new.file.name not in _stored_files(settings)
    assert published.live_attachment.file.name in _stored_files(settings)


def test_attachment_remove_of_a_revision_file_deletes_it_at_once(
    published, settings, django_capture_on_commit_callbacks
):
    editor = make_city_editor(published.city)
    new = _add(published, editor, pdf_file("new.pdf"), title="New report")

    with django_capture_on_commit_callbacks(execute=True):
        experience_attachment_remove(actor=editor, experience=published, attachment=new)

    assert not ExperienceAttachment.objects.filter(pk=new.pk).exists()
    assert _stored_files(settings) == [published.live_attachment.file.name]
    revision = experience_open_revision(experience=published)
    assert revision.data.get("attachments_removed", []) == []


def test_attachment_remove_of_a_live_file_twice_lists_it_once(published):
    editor = make_city_editor(published.city)
    live = published.live_attachment

    experience_attachment_remove(actor=editor, experience=published, attachment=live)
    experience_attachment_remove(actor=editor, experience=published, attachment=live)

    revision = experience_open_revision(experience=published)
    assert revision.data["attachments_removed"] == [live.pk]
    assert experience_attachments_working(experience=published, revision=revision) == []


def test_attachment_limit_counts_pending_removals_and_additions(published):
    editor = make_city_editor(published.city)
    for _number in range(ATTACHMENTS_MAX["document"] - 1):
        _add(published, editor, pdf_file())
    with pytest.raises(DomainError):
        _add(published, editor, pdf_file())

    experience_attachment_remove(actor=editor, experience=published, attachment=published.live_attachment)
    _add(published, editor, pdf_file())

    revision = experience_open_revision(experience=published)
    working = experience_attachments_working(experience=published, revision=revision)
    assert len(working) == ATTACHMENTS_MAX["document"]


def test_attachment_add_refused_while_the_revision_is_reviewed(published, settings):
    editor = make_city_editor(published.city)
    revision = experience_draft_save(actor=editor, experience=published, values={"summary": "New summary."})
    revision_submit(revision=revision, actor=editor)
    before = _stored_files(settings)

    with pytest.raises(DomainError) as caught:
        _add(published, editor, pdf_file())
    with pytest.raises(DomainError):
        experience_attachment_remove(actor=editor, experience=published, attachment=published.live_attachment)

    assert caught.value.message == (
        "Your changes are being reviewed: withdraw them from review before changing them again."
    )
    assert _stored_files(settings) == before
    revision.refresh_from_db()
    assert "attachments_removed" not in revision.data
