"""Moderation: draft → submitted → in review → published, or changes requested, or rejected;
published ↔ archived; and the same review for a proposed change (a revision) of a published experience.

``experience_transition`` and ``revision_transition`` are the only functions that change a state: they
lock the row, check the step is allowed from the current state, save, write the audit log and e-mail
the city after commit. The named functions below are what views, API, admin and demo call.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from educities.core.domain.audit import audit_record
from educities.core.domain.errors import DomainError, TransitionNotAllowed
from educities.core.domain.translations import translation_set_original, translations_request_machine
from educities.experiences.domain.common import notify_city, require
from educities.experiences.domain.search import experience_index
from educities.experiences.domain.values import (
    ValuesInvalid,
    experience_values,
    experience_values_apply,
    experience_values_clean,
)
from educities.experiences.enums import (
    EXPERIENCE_STEPS,
    EXPERIENCE_STEPS_NEEDING_COMMENT,
    REVISION_STEPS,
    RICH_FIELDS,
    TEXT_FIELDS,
    ExperienceStatus,
    RevisionStatus,
)
from educities.experiences.models import Experience, ExperienceRevision

_STEP_PERMISSION = {
    "submit": "experiences.submit_experience",
    "withdraw": "experiences.submit_experience",
    "revise": "experiences.submit_experience",
    "discard": "experiences.submit_experience",
    "archive": "experiences.archive_experience",
}
MODERATE = "experiences.moderate_experience"


def _revision_state_label(state: str) -> str:
    return _("changes %(state)s") % {"state": RevisionStatus(state).label}


# Evaluated by ``notify_city`` in each recipient's language, not in the language of whoever acts.
_revision_state_label_lazy = lazy(_revision_state_label, str)


def experience_missing_for_submission(*, values) -> list[str]:
    """What a city must still write before submitting (translated field names), in form order."""
    labels = {
        "title": _("title"),
        "summary": _("summary"),
        "actions": _("actions and methodology"),
        "themes": _("at least one theme"),
        "start_date": _("start date"),
    }
    return [str(label) for key, label in labels.items() if not values.get(key)]


def _check_comment(action: str, comment: str) -> str:
    comment = (comment or "").strip()
    if action in EXPERIENCE_STEPS_NEEDING_COMMENT and not comment:
        raise DomainError(_("Tell the city why: a comment is required for this step."))
    return comment


def _published(*, experience: Experience, actor, changed_fields) -> None:
    """After a publication: the originals of changed texts (their translations become stale), the
    search index, and machine translation of what is missing or stale (when a provider is set)."""
    for field in TEXT_FIELDS:
        translation_set_original(
            obj=experience,
            field=field,
            language=experience.original_language,
            text=getattr(experience, field) or "",
            actor=actor,
        )
    experience_index(experience=experience)
    if changed_fields:
        translations_request_machine(obj=experience, fields=TEXT_FIELDS, rich_fields=RICH_FIELDS)


@transaction.atomic
def experience_transition(*, experience: Experience, action: str, actor, comment: str = "") -> Experience:
    if action not in EXPERIENCE_STEPS:
        raise DomainError(_("Unknown step."))
    require(actor, _STEP_PERMISSION.get(action, MODERATE), experience)
    comment = _check_comment(action, comment)
    from_states, to = EXPERIENCE_STEPS[action]
    current = Experience.objects.select_for_update().values_list("status", flat=True).get(pk=experience.pk)
    if current not in from_states:
        raise TransitionNotAllowed(
            _("“%(title)s” cannot go from “%(from)s” to “%(to)s”.")
            % {
                "title": experience.title,
                "from": ExperienceStatus(current).label,
                "to": ExperienceStatus(to).label,
            }
        )
    if action == "submit":
        missing = experience_missing_for_submission(values=experience_values(experience))
        if missing:
            raise DomainError(_("Before submitting, complete: %(fields)s.") % {"fields": ", ".join(missing)})
    now = timezone.now()
    fields = ["status", "updated_at"]
    experience.status = to
    if action == "submit":
        experience.submitted_at = now
        fields.append("submitted_at")
    if action in {"publish", "restore"}:
        experience.published_at = experience.published_at or now
        experience.last_published_at = now
        fields += ["published_at", "last_published_at"]
    if action == "archive" and experience.is_featured:
        experience.is_featured = False
        experience.featured_at = None
        fields += ["is_featured", "featured_at"]
    experience.save(update_fields=fields)
    audit_record(
        subject=experience, action=action, actor=actor, from_state=current, to_state=to, comment=comment
    )
    if action == "publish":
        _published(experience=experience, actor=actor, changed_fields=TEXT_FIELDS)
    elif action in {"archive", "restore"}:
        experience_index(experience=experience)
    if action not in {"review_start", "withdraw", "revise"}:
        notify_city(
            experience=experience,
            event=action,
            comment=comment,
            state_label=ExperienceStatus(to).label,
            to_secretariat=action == "submit",
        )
    return experience


def experience_submit(*, experience: Experience, actor) -> Experience:
    return experience_transition(experience=experience, action="submit", actor=actor)


def experience_withdraw(*, experience: Experience, actor) -> Experience:
    return experience_transition(experience=experience, action="withdraw", actor=actor)


def experience_review_start(*, experience: Experience, actor) -> Experience:
    return experience_transition(experience=experience, action="review_start", actor=actor)


def experience_request_changes(*, experience: Experience, actor, comment: str) -> Experience:
    return experience_transition(
        experience=experience, action="request_changes", actor=actor, comment=comment
    )


def experience_publish(*, experience: Experience, actor, comment: str = "") -> Experience:
    return experience_transition(experience=experience, action="publish", actor=actor, comment=comment)


def experience_reject(*, experience: Experience, actor, comment: str) -> Experience:
    return experience_transition(experience=experience, action="reject", actor=actor, comment=comment)


def experience_revise(*, experience: Experience, actor) -> Experience:
    return experience_transition(experience=experience, action="revise", actor=actor)


def experience_archive(*, experience: Experience, actor, comment: str = "") -> Experience:
    return experience_transition(experience=experience, action="archive", actor=actor, comment=comment)


def experience_restore(*, experience: Experience, actor, comment: str = "") -> Experience:
    return experience_transition(experience=experience, action="restore", actor=actor, comment=comment)


@transaction.atomic
def experience_feature(*, experience: Experience, actor, featured: bool) -> Experience:
    """Make a published experience a focus experience (shown in turn on the home page), or stop."""
    require(actor, "experiences.feature_experience", experience)
    locked = Experience.objects.select_for_update().get(pk=experience.pk)
    if featured and locked.status != ExperienceStatus.PUBLISHED:
        raise DomainError(_("Only a published experience can be a focus experience."))
    if locked.is_featured == featured:
        return experience
    experience.is_featured = featured
    experience.featured_at = timezone.now() if featured else None
    experience.save(update_fields=["is_featured", "featured_at", "updated_at"])
    audit_record(subject=experience, action="feature" if featured else "unfeature", actor=actor)
    if featured:
        notify_city(experience=experience, event="feature", state_label=gettext_lazy("focus experience"))
    return experience


@transaction.atomic
def revision_transition(
    *, revision: ExperienceRevision, action: str, actor, comment: str = ""
) -> ExperienceRevision:
    if action not in REVISION_STEPS:
        raise DomainError(_("Unknown step."))
    experience = revision.experience
    require(actor, _STEP_PERMISSION.get(action, MODERATE), experience)
    comment = _check_comment(action, comment)
    from_states, to = REVISION_STEPS[action]
    current = (
        ExperienceRevision.objects.select_for_update().values_list("status", flat=True).get(pk=revision.pk)
    )
    if current not in from_states:
        raise TransitionNotAllowed(
            _("These changes cannot go from “%(from)s” to “%(to)s”.")
            % {"from": RevisionStatus(current).label, "to": RevisionStatus(to).label}
        )
    now = timezone.now()
    fields = ["status", "updated_at"]
    if action == "submit":
        missing = experience_missing_for_submission(values=revision.data)
        if missing:
            raise DomainError(_("Before submitting, complete: %(fields)s.") % {"fields": ", ".join(missing)})
        revision.submitted_at = now
        fields.append("submitted_at")
    if action in {"publish", "reject", "discard"}:
        revision.decided_at = now
        fields.append("decided_at")
    revision.status = to
    revision.save(update_fields=fields)
    if action == "publish":
        _revision_apply(revision=revision, actor=actor)
    elif action in {"reject", "discard"}:
        # Files uploaded for the proposal go with it.
        _attachments_delete(revision.new_attachments.all())
    audit_record(
        subject=experience,
        action=f"revision_{action}",
        actor=actor,
        from_state=current,
        to_state=to,
        comment=comment or f"#{revision.number}",
    )
    if action in {"submit", "request_changes", "publish", "reject"}:
        notify_city(
            experience=revision.experience,  # after a publication: with its new values
            event=f"revision_{action}",
            comment=comment,
            state_label=_revision_state_label_lazy(to),
            to_secretariat=action == "submit",
        )
    return revision


def _attachments_delete(attachments) -> None:
    """Delete the rows now and their files once the transaction commits (a rollback keeps both)."""
    for attachment in list(attachments):
        storage, name = attachment.file.storage, attachment.file.name
        attachment.delete()
        if name:
            transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))


def _revision_apply(*, revision: ExperienceRevision, actor) -> None:
    experience = Experience.objects.select_for_update().get(pk=revision.experience_id)
    data = dict(revision.data)
    removed = data.pop("attachments_removed", [])
    try:
        cleaned = experience_values_clean(data, city_id=experience.city_id)
    except ValuesInvalid as error:
        # The proposal was valid when written, but something it names changed since (a contact who is
        # no longer public, a principle removed...): refuse, so that nothing changes.
        problems = " ".join(message for messages in error.errors.values() for message in messages)
        raise DomainError(
            _("These changes can no longer be published as they are: %(problems)s") % {"problems": problems}
        ) from error
    changed = experience_values_apply(experience=experience, values=cleaned)
    _attachments_delete(experience.attachments.filter(pk__in=removed, revision__isnull=True))
    revision.new_attachments.update(revision=None)
    experience.last_published_at = timezone.now()
    experience.save(update_fields=["last_published_at", "updated_at"])
    revision.experience = experience
    _published(
        experience=experience,
        actor=actor,
        changed_fields=[field for field in changed if field in TEXT_FIELDS],
    )


def revision_submit(*, revision: ExperienceRevision, actor) -> ExperienceRevision:
    return revision_transition(revision=revision, action="submit", actor=actor)


def revision_withdraw(*, revision: ExperienceRevision, actor) -> ExperienceRevision:
    return revision_transition(revision=revision, action="withdraw", actor=actor)


def revision_review_start(*, revision: ExperienceRevision, actor) -> ExperienceRevision:
    return revision_transition(revision=revision, action="review_start", actor=actor)


def revision_request_changes(*, revision: ExperienceRevision, actor, comment: str) -> ExperienceRevision:
    return revision_transition(revision=revision, action="request_changes", actor=actor, comment=comment)


def revision_publish(*, revision: ExperienceRevision, actor, comment: str = "") -> ExperienceRevision:
    return revision_transition(revision=revision, action="publish", actor=actor, comment=comment)


def revision_reject(*, revision: ExperienceRevision, actor, comment: str) -> ExperienceRevision:
    return revision_transition(revision=revision, action="reject", actor=actor, comment=comment)


def revision_discard(*, revision: ExperienceRevision, actor) -> ExperienceRevision:
    return revision_transition(revision=revision, action="discard", actor=actor)
