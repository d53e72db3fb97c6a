"""The files of an experience: PDF documents and images (with their alternative text).

Before its first publication files attach to the experience directly. Once it is published they belong to
the open revision (created when needed): a new file waits in the revision and a live file the city removes
is listed in the revision's ``attachments_removed``; both take effect when the Secretariat publishes it.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from educities.core.domain.audit import audit_record
from educities.core.domain.errors import DomainError
from educities.core.validators import ATTACHMENT_KINDS, has_control_characters, validate_attachment
from educities.experiences.domain.common import require
from educities.experiences.domain.drafts import experience_draft_save, experience_open_revision
from educities.experiences.enums import (
    EXPERIENCE_EDITABLE_STATES,
    EXPERIENCE_PUBLIC_STATES,
    REVISION_EDITABLE_STATES,
    AttachmentKind,
)
from educities.experiences.models import Experience, ExperienceAttachment, ExperienceRevision

# The file types of each kind of attachment (keys of core.validators.ATTACHMENT_KINDS).
ATTACHMENT_FILE_TYPES: dict[str, set[str]] = {
    AttachmentKind.DOCUMENT: {"pdf"},
    AttachmentKind.IMAGE: {"png", "jpeg", "webp"},
}
# How many files of each kind an experience may have (counting a pending change's files).
ATTACHMENTS_MAX: dict[str, int] = {AttachmentKind.DOCUMENT: 10, AttachmentKind.IMAGE: 12}
ATTACHMENT_TITLE_MAX_LENGTH = 200
ATTACHMENT_ALT_TEXT_MAX_LENGTH = 300


def _check_line(value, *, max_length: int, name: str) -> str:
    text = "" if value is None else str(value).strip()
    if len(text) > max_length:
        raise DomainError(
            _("The %(name)s is too long (at most %(max)s characters).") % {"name": name, "max": max_length}
        )
    if has_control_characters(text):
        raise DomainError(_("Remove the control characters from the %(name)s.") % {"name": name})
    return text


def _writable_revision(
    *, actor, experience: Experience, create: bool
) -> tuple[str, ExperienceRevision | None]:
    """Lock the experience and say where the city's file changes go: (status, open revision or None).

    Refuses while the experience or its pending change is being reviewed.
    """
    status = Experience.objects.select_for_update().values_list("status", flat=True).get(pk=experience.pk)
    experience.status = status
    if status in EXPERIENCE_EDITABLE_STATES:
        return status, None
    if status not in EXPERIENCE_PUBLIC_STATES:
        raise DomainError(_("This experience is being reviewed: withdraw it from review before changing it."))
    revision = experience_open_revision(experience=experience)
    if revision is not None and revision.status not in REVISION_EDITABLE_STATES:
        raise DomainError(
            _("Your changes are being reviewed: withdraw them from review before changing them again.")
        )
    if revision is None and create:
        revision = experience_draft_save(actor=actor, experience=experience, values={})
    return status, revision


def experience_attachments_working(
    *, experience: Experience, revision: ExperienceRevision | None = None
) -> list[ExperienceAttachment]:
    """The files the city is working with: the live ones (minus those the pending change removes) and
    the pending change's new ones; before the first publication, simply the experience's files."""
    if revision is None:
        return list(experience.attachments.filter(revision__isnull=True))
    removed = set(revision.data.get("attachments_removed") or [])
    live = experience.attachments.filter(revision__isnull=True).exclude(pk__in=removed)
    return [*live, *revision.new_attachments.all()]


@transaction.atomic
def experience_attachment_add(
    *, actor, experience: Experience, upload, kind: str, title: str, alt_text: str = ""
) -> ExperienceAttachment:
    """Attach a PDF document or an image (with its alternative text); nothing is saved if it is refused."""
    require(actor, "experiences.change_experience", experience)
    if kind not in ATTACHMENT_FILE_TYPES:
        raise DomainError(_("Choose whether the file is a PDF document or an image."))
    title = _check_line(title, max_length=ATTACHMENT_TITLE_MAX_LENGTH, name=_("title"))
    if not title:
        raise DomainError(_("Give the file a title."))
    alt_text = _check_line(alt_text, max_length=ATTACHMENT_ALT_TEXT_MAX_LENGTH, name=_("alternative text"))
    if kind == AttachmentKind.IMAGE and not alt_text:
        raise DomainError(
            _("Describe what the image shows (alternative text), for people who cannot see it.")
        )
    if upload is None:
        raise DomainError(_("Choose a file to upload."))
    try:
        found = validate_attachment(upload, allowed=ATTACHMENT_FILE_TYPES[kind])
    except ValidationError as error:
        raise DomainError(" ".join(error.messages)) from error

    _status, revision = _writable_revision(actor=actor, experience=experience, create=True)
    working = experience_attachments_working(experience=experience, revision=revision)
    if sum(1 for attachment in working if attachment.kind == kind) >= ATTACHMENTS_MAX[kind]:
        message = (
            _("An experience has at most %(max)s PDF documents: remove one first.")
            if kind == AttachmentKind.DOCUMENT
            else _("An experience has at most %(max)s images: remove one first.")
        )
        raise DomainError(message % {"max": ATTACHMENTS_MAX[kind]})

    attachment = ExperienceAttachment(
        experience=experience,
        revision=revision,
        kind=kind,
        title=title,
        alt_text=alt_text if kind == AttachmentKind.IMAGE else "",
        content_type=ATTACHMENT_KINDS[found]["mime"],
        size=upload.size,
        position=max((attachment.position for attachment in working), default=-1) + 1,
    )
    upload.seek(0)
    # The stored name is random (models._attachment_path): the uploaded name never reaches the disk.
    attachment.file.save(upload.name, upload, save=False)
    try:
        attachment.save()
    except Exception:
        attachment.file.storage.delete(attachment.file.name)
        raise
    audit_record(subject=experience, action="attachment_add", actor=actor, comment=attachment.title)
    return attachment


@transaction.atomic
def experience_attachment_remove(*, actor, experience: Experience, attachment: ExperienceAttachment) -> None:
    """Remove a file: at once before the first publication (or a pending change's own new file); a live
    file of a published experience is marked for removal in the open revision."""
    require(actor, "experiences.change_experience", experience)
    if attachment.experience_id != experience.pk:
        raise DomainError(_("This file does not belong to this experience."))
    _status, revision = _writable_revision(actor=actor, experience=experience, create=False)
    audit_record(subject=experience, action="attachment_remove", actor=actor, comment=attachment.title)
    if _status in EXPERIENCE_EDITABLE_STATES or attachment.revision_id is not None:
        if attachment.revision_id is not None and (revision is None or attachment.revision_id != revision.pk):
            raise DomainError(_("This file is not part of your pending changes."))
        _delete(attachment)
        return
    removed = set((revision.data.get("attachments_removed") or []) if revision is not None else [])
    experience_draft_save(
        actor=actor,
        experience=experience,
        values={"attachments_removed": sorted(removed | {attachment.pk})},
    )


def _delete(attachment: ExperienceAttachment) -> None:
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    # The file goes only once the row is gone for good.
    transaction.on_commit(lambda: storage.delete(name) if name else None)
