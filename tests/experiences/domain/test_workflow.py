"""The moderation workflow (domain/workflow.py): every step of EXPERIENCE_STEPS and REVISION_STEPS from
every state, allowed or refused, with its audit entry and its e-mails; then what a published revision
does to the experience, its translations and its files."""

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from educities.core.domain.audit import audit_entries_for
from educities.core.domain.errors import DomainError, PermissionRefused, TransitionNotAllowed
from educities.core.domain.translations import translation_save_machine
from educities.core.domain.translations_queries import translated_text
from educities.core.enums import Provenance
from educities.core.models import AuditEntry, TextTranslation
from educities.experiences.domain.drafts import experience_draft_save
from educities.experiences.domain.translations import experience_translation_save
from educities.experiences.domain.values import experience_values
from educities.experiences.domain.workflow import (
    experience_archive,
    experience_feature,
    experience_publish,
    experience_request_changes,
    experience_submit,
    experience_transition,
    revision_discard,
    revision_publish,
    revision_reject,
    revision_submit,
    revision_transition,
)
from educities.experiences.enums import (
    EXPERIENCE_STEPS,
    REVISION_STEPS,
    ExperienceStatus,
    RevisionStatus,
)
from educities.experiences.models import Experience, ExperienceAttachment, ExperienceRevision
from educities.members.enums import MembershipStatus
from tests.experiences.factories import make_experience, make_translator
from tests.experiences.i18n_support import french_catalog
from tests.factories import (
    CityFactory,
    ContactFactory,
    StaffFactory,
    make_city_editor,
    make_pdf_bytes,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

EDITOR_EMAIL = "education@vila.example.org"
COMMENT = "Please add the budget and the evaluation."
SILENT_EXPERIENCE_STEPS = {"review_start", "withdraw", "revise"}
NOTIFYING_REVISION_STEPS = {"submit", "request_changes", "publish", "reject"}


@pytest.fixture
def city():
    city = CityFactory(name="Vila Nova", membership_status=MembershipStatus.MEMBER)
    make_city_editor(city, email=EDITOR_EMAIL, language="en")
    return city


@pytest.fixture
def staff():
    return StaffFactory(email="moderator@secretariat.example.org")


def _comment_for(step: str) -> str:
    return COMMENT if step in {"request_changes", "reject"} else ""


def _audit_count(experience) -> int:
    return audit_entries_for(subject=experience).count()


# --- Every step of an experience from every state -----------------------------------------------

EXPERIENCE_CASES = [
    pytest.param(step, state, state in EXPERIENCE_STEPS[step][0], id=f"{step}-from-{state}")
    for step in EXPERIENCE_STEPS
    for state in ExperienceStatus.values
]


@pytest.mark.parametrize(("step", "state", "allowed"), EXPERIENCE_CASES)
def test_experience_transition_each_step_from_each_state(
    city, staff, step, state, allowed, django_capture_on_commit_callbacks
):
    experience = make_experience(city=city, status=state, title="Walking to school together")
    audit_before = _audit_count(experience)

    if not allowed:
        with django_capture_on_commit_callbacks(execute=True), pytest.raises(TransitionNotAllowed) as error:
            experience_transition(experience=experience, action=step, actor=staff, comment=_comment_for(step))
        experience.refresh_from_db()
        assert experience.status == state
        assert _audit_count(experience) == audit_before
        assert mail.outbox == []
        assert error.value.message == (
            f"“Walking to school together” cannot go from “{ExperienceStatus(state).label}” "
            f"to “{ExperienceStatus(EXPERIENCE_STEPS[step][1]).label}”."
        )
        return

    with django_capture_on_commit_callbacks(execute=True):
        experience_transition(experience=experience, action=step, actor=staff, comment=_comment_for(step))

    target = EXPERIENCE_STEPS[step][1]
    experience.refresh_from_db()
    entry = audit_entries_for(subject=experience).last()
    assert experience.status == target
    assert _audit_count(experience) == audit_before + 1
    assert (entry.action, entry.from_state, entry.to_state, entry.comment, entry.actor) == (
        step,
        state,
        target,
        _comment_for(step),
        staff,
    )
    if step in SILENT_EXPERIENCE_STEPS:
        assert mail.outbox == []
    else:
        expected = [[EDITOR_EMAIL], [settings.SECRETARIAT_EMAIL]] if step == "submit" else [[EDITOR_EMAIL]]
        label = ExperienceStatus(target).label
        assert sorted(message.to for message in mail.outbox) == sorted(expected)
        assert {message.subject for message in mail.outbox} == {
            f"Experience “Walking to school together”: {label}"
        }
        assert f"The experience “Walking to school together” of Vila Nova is now: {label}." in (
            mail.outbox[0].body
        )
        if _comment_for(step):
            assert COMMENT in mail.outbox[0].body


def test_experience_transition_unknown_step_is_refused_and_changes_nothing(city, staff):
    experience = make_experience(city=city, status=ExperienceStatus.SUBMITTED)
    audit_before = _audit_count(experience)

    with pytest.raises(DomainError) as error:
        experience_transition(experience=experience, action="delete", actor=staff)

    experience.refresh_from_db()
    assert (error.value.message, experience.status, _audit_count(experience)) == (
        "Unknown step.",
        ExperienceStatus.SUBMITTED,
        audit_before,
    )


@pytest.mark.parametrize("step", ["request_changes", "reject"])
@pytest.mark.parametrize("comment", ["", "   \n "])
def test_experience_step_needing_a_comment_without_one_is_refused(city, staff, step, comment):
    experience = make_experience(city=city, status=ExperienceStatus.IN_REVIEW)
    audit_before = _audit_count(experience)

    with pytest.raises(DomainError) as error:
        experience_transition(experience=experience, action=step, actor=staff, comment=comment)

    experience.refresh_from_db()
    assert (error.value.message, experience.status, _audit_count(experience)) == (
        "Tell the city why: a comment is required for this step.",
        ExperienceStatus.IN_REVIEW,
        audit_before,
    )


@pytest.mark.parametrize("step", ["review_start", "request_changes", "publish", "reject"])
def test_experience_moderation_by_the_city_editor_is_refused(city, step):
    editor = make_city_editor(city)
    experience = make_experience(city=city, status=ExperienceStatus.SUBMITTED)

    with pytest.raises(PermissionRefused):
        experience_transition(experience=experience, action=step, actor=editor, comment=COMMENT)

    experience.refresh_from_db()
    assert experience.status == ExperienceStatus.SUBMITTED


def test_experience_submit_by_the_city_editor_records_the_date(city):
    editor = make_city_editor(city)
    experience = make_experience(city=city)

    experience_submit(experience=experience, actor=editor)

    experience.refresh_from_db()
    assert (experience.status, experience.submitted_at is not None) == (ExperienceStatus.SUBMITTED, True)


def test_experience_submit_by_a_translator_is_refused(city):
    experience = make_experience(city=city)

    with pytest.raises(PermissionRefused):
        experience_submit(experience=experience, actor=make_translator())


def test_experience_submit_incomplete_is_refused_with_the_missing_fields(city, staff):
    experience = make_experience(city=city, summary="", themes=[], start_date=None)

    with pytest.raises(DomainError) as error:
        experience_submit(experience=experience, actor=staff)

    experience.refresh_from_db()
    assert error.value.message == "Before submitting, complete: summary, at least one theme, start date."
    assert experience.status == ExperienceStatus.DRAFT


def test_experience_publish_records_dates_and_the_originals_of_every_text(city, staff):
    experience = make_experience(city=city, status=ExperienceStatus.IN_REVIEW, original_language="pt")

    experience_publish(experience=experience, actor=staff)

    experience.refresh_from_db()
    originals = TextTranslation.objects.filter(object_id=str(experience.pk), provenance=Provenance.ORIGINAL)
    assert experience.published_at == experience.last_published_at
    assert sorted(originals.values_list("field", "language")) == sorted(
        (field, "pt")
        for field in ("title", "summary", "context", "objectives", "actions", "results", "lessons")
    )


def test_experience_archive_of_a_focus_experience_stops_featuring_it(city, staff):
    experience = make_experience(city=city, status=ExperienceStatus.PUBLISHED)
    experience_feature(experience=experience, actor=staff, featured=True)

    experience_archive(experience=experience, actor=staff)

    experience.refresh_from_db()
    assert (experience.status, experience.is_featured, experience.featured_at) == (
        ExperienceStatus.ARCHIVED,
        False,
        None,
    )


def test_experience_restore_keeps_the_first_publication_date(city, staff):
    experience = make_experience(city=city, status=ExperienceStatus.ARCHIVED)
    first = experience.published_at

    experience_transition(experience=experience, action="restore", actor=staff)

    experience.refresh_from_db()
    assert (experience.status, experience.published_at) == (ExperienceStatus.PUBLISHED, first)
    assert experience.last_published_at > first


# --- Focus experiences ---------------------------------------------------------------------------


def test_experience_feature_and_unfeature_are_audited(city, staff):
    experience = make_experience(city=city, status=ExperienceStatus.PUBLISHED)

    experience_feature(experience=experience, actor=staff, featured=True)
    experience.refresh_from_db()
    featured = (experience.is_featured, experience.featured_at is not None)
    experience_feature(experience=experience, actor=staff, featured=False)
    experience.refresh_from_db()

    assert featured == (True, True)
    assert (experience.is_featured, experience.featured_at) == (False, None)
    assert [entry.action for entry in audit_entries_for(subject=experience)][-2:] == ["feature", "unfeature"]


def test_experience_feature_twice_records_once(city, staff):
    experience = make_experience(city=city, status=ExperienceStatus.PUBLISHED)

    experience_feature(experience=experience, actor=staff, featured=True)
    experience_feature(experience=experience, actor=staff, featured=True)

    actions = [entry.action for entry in audit_entries_for(subject=experience)]
    assert actions.count("feature") == 1


@pytest.mark.parametrize(
    "state",
    [s for s in ExperienceStatus.values if s != ExperienceStatus.PUBLISHED],
)
def test_experience_feature_when_not_published_is_refused(city, staff, state):
    experience = make_experience(city=city, status=state)

    with pytest.raises(DomainError) as error:
        experience_feature(experience=experience, actor=staff, featured=True)

    experience.refresh_from_db()
    assert (error.value.message, experience.is_featured) == (
        "Only a published experience can be a focus experience.",
        False,
    )


def test_experience_feature_by_the_city_editor_is_refused(city):
    experience = make_experience(city=city, status=ExperienceStatus.PUBLISHED)

    with pytest.raises(PermissionRefused):
        experience_feature(experience=experience, actor=make_city_editor(city), featured=True)


# --- Every step of a revision from every state -----------------------------------------------------


def _revision_in(experience: Experience, state: str) -> ExperienceRevision:
    """A proposed change (a new title) of a published ``experience``, brought to ``state``."""
    revision = experience_draft_save(
        actor=None, experience=experience, values={"title": "Walking to school, together"}
    )
    path = {
        RevisionStatus.DRAFT: [],
        RevisionStatus.SUBMITTED: ["submit"],
        RevisionStatus.IN_REVIEW: ["submit", "review_start"],
        RevisionStatus.CHANGES_REQUESTED: ["submit", "request_changes"],
        RevisionStatus.PUBLISHED: ["submit", "publish"],
        RevisionStatus.REJECTED: ["submit", "reject"],
        RevisionStatus.DISCARDED: ["discard"],
    }[state]
    for step in path:
        revision_transition(revision=revision, action=step, actor=None, comment=_comment_for(step))
    revision.refresh_from_db()
    return revision


REVISION_CASES = [
    pytest.param(step, state, state in REVISION_STEPS[step][0], id=f"{step}-from-{state}")
    for step in REVISION_STEPS
    for state in RevisionStatus.values
]


@pytest.mark.parametrize(("step", "state", "allowed"), REVISION_CASES)
def test_revision_transition_each_step_from_each_state(
    city, staff, step, state, allowed, django_capture_on_commit_callbacks
):
    experience = make_experience(city=city, status=ExperienceStatus.PUBLISHED, title="Walking to school")
    revision = _revision_in(experience, state)
    audit_before = _audit_count(experience)

    if not allowed:
        with django_capture_on_commit_callbacks(execute=True), pytest.raises(TransitionNotAllowed) as error:
            revision_transition(revision=revision, action=step, actor=staff, comment=_comment_for(step))
        revision.refresh_from_db()
        experience.refresh_from_db()
        live_title = (
            "Walking to school, together" if state == RevisionStatus.PUBLISHED else "Walking to school"
        )
        assert (revision.status, experience.title) == (state, live_title)
        assert _audit_count(experience) == audit_before
        assert mail.outbox == []
        assert error.value.message == (
            f"These changes cannot go from “{RevisionStatus(state).label}” "
            f"to “{RevisionStatus(REVISION_STEPS[step][1]).label}”."
        )
        return

    with django_capture_on_commit_callbacks(execute=True):
        revision_transition(revision=revision, action=step, actor=staff, comment=_comment_for(step))

    target = REVISION_STEPS[step][1]
    revision.refresh_from_db()
    experience.refresh_from_db()
    entry = audit_entries_for(subject=experience).last()
    assert revision.status == target
    assert (entry.action, entry.from_state, entry.to_state, entry.comment, entry.actor) == (
        f"revision_{step}",
        state,
        target,
        _comment_for(step) or f"#{revision.number}",
        staff,
    )
    assert experience.title == ("Walking to school, together" if step == "publish" else "Walking to school")
    assert (revision.decided_at is not None) == (step in {"publish", "reject", "discard"})
    if step in NOTIFYING_REVISION_STEPS:
        expected = [[EDITOR_EMAIL], [settings.SECRETARIAT_EMAIL]] if step == "submit" else [[EDITOR_EMAIL]]
        title = experience.title
        assert sorted(message.to for message in mail.outbox) == sorted(expected)
        assert {message.subject for message in mail.outbox} == {
            f"Experience “{title}”: changes {RevisionStatus(target).label}"
        }
        if _comment_for(step):
            assert COMMENT in mail.outbox[0].body
    else:
        assert mail.outbox == []


@pytest.mark.parametrize("step", ["request_changes", "reject"])
def test_revision_step_needing_a_comment_without_one_is_refused(city, staff, step):
    experience = make_experience(city=city, status=ExperienceStatus.PUBLISHED)
    revision = _revision_in(experience, RevisionStatus.SUBMITTED)

    with pytest.raises(DomainError) as error:
        revision_transition(revision=revision, action=step, actor=staff, comment="")

    revision.refresh_from_db()
    assert (error.value.message, revision.status) == (
        "Tell the city why: a comment is required for this step.",
        RevisionStatus.SUBMITTED,
    )


def test_revision_unknown_step_is_refused(city, staff):
    experience = make_experience(city=city, status=ExperienceStatus.PUBLISHED)
    revision = _revision_in(experience, RevisionStatus.SUBMITTED)

    with pytest.raises(DomainError) as error:
        revision_transition(revision=revision, action="delete", actor=staff)

    assert error.value.message == "Unknown step."


def test_revision_publish_by_the_city_editor_is_refused(city):
    experience = make_experience(city=city, status=ExperienceStatus.PUBLISHED)
    revision = _revision_in(experience, RevisionStatus.SUBMITTED)

    with pytest.raises(PermissionRefused):
        revision_publish(revision=revision, actor=make_city_editor(city))

    revision.refresh_from_db()
    assert revision.status == RevisionStatus.SUBMITTED


# --- What a published revision does ------------------------------------------------------------------


def test_revision_publish_applies_every_value(city, staff):
    contact = ContactFactory(city=city, full_name="Ana Sousa", is_public=True)
    experience = make_experience(city=city, status=ExperienceStatus.PUBLISHED, title="Walking to school")
    changes = {
        "title": "Walking to school together",
        "summary": "Parents and children walk to school in groups.",
        "themes": ["mobility", "children_participation"],
        "sdgs": ["3"],
        "budget_range": "lt10k",
        "is_ongoing": True,
        "contact": contact.pk,
        "partners": [{"name": "Parents' association", "kind": "civil_society"}],
        "links": [],
    }
    revision = experience_draft_save(actor=None, experience=experience, values=changes)
    revision_submit(revision=revision, actor=None)

    revision_publish(revision=revision, actor=staff)

    experience = Experience.objects.get(pk=experience.pk)
    revision.refresh_from_db()
    assert experience_values(experience) == revision.data
    assert {key: experience_values(experience)[key] for key in changes} == {
        **changes,
        "themes": ["children_participation", "mobility"],  # in the vocabulary's order
    }
    assert experience.last_published_at > experience.published_at


def test_revision_publish_makes_translations_of_changed_texts_stale_only(city, staff):
    experience = make_experience(
        city=city, status=ExperienceStatus.PUBLISHED, title="Walking to school", summary="Children walk."
    )
    translator = make_translator()
    experience_translation_save(
        experience=experience, field="title", language="fr", text="Aller à l'école à pied", actor=translator
    )
    translation_save_machine(
        obj=experience, field="summary", language="es", text="Los niños caminan.", engine="deepl"
    )
    revision = experience_draft_save(
        actor=None, experience=experience, values={"summary": "Children walk to school in groups."}
    )
    revision_submit(revision=revision, actor=None)

    revision_publish(revision=revision, actor=staff)

    experience.refresh_from_db()
    original_summary = TextTranslation.objects.get(
        object_id=str(experience.pk), field="summary", provenance=Provenance.ORIGINAL
    )
    spanish = TextTranslation.objects.get(object_id=str(experience.pk), field="summary", language="es")
    assert original_summary.text == "Children walk to school in groups."
    assert spanish.source_digest != original_summary.source_digest
    assert translated_text(obj=experience, field="summary", language="es").is_stale is True
    assert translated_text(obj=experience, field="title", language="fr").is_stale is False


def _attachment(
    experience: Experience, revision: ExperienceRevision | None, title: str
) -> ExperienceAttachment:
    attachment = ExperienceAttachment(
        experience=experience,
        revision=revision,
        kind="document",
        title=title,
        content_type="application/pdf",
        size=100,
    )
    attachment.file.save("report.pdf", ContentFile(make_pdf_bytes()), save=False)
    attachment.save()
    return attachment


@pytest.mark.parametrize("step", ["discard", "reject"])
def test_revision_discarded_or_rejected_deletes_its_new_files(
    city, staff, step, django_capture_on_commit_callbacks
):
    experience = make_experience(city=city, status=ExperienceStatus.PUBLISHED)
    live = _attachment(experience, None, "Evaluation 2023")
    revision = _revision_in(
        experience, RevisionStatus.DRAFT if step == "discard" else RevisionStatus.SUBMITTED
    )
    new = _attachment(experience, revision, "Evaluation 2024")
    new_name = new.file.name

    with django_capture_on_commit_callbacks(execute=True):
        if step == "discard":
            revision_discard(revision=revision, actor=None)
        else:
            revision_reject(revision=revision, actor=staff, comment=COMMENT)

    assert list(experience.attachments.values_list("title", flat=True)) == ["Evaluation 2023"]
    assert (default_storage.exists(new_name), default_storage.exists(live.file.name)) == (False, True)


def test_revision_publish_makes_new_files_live_and_deletes_removed_ones(
    city, staff, django_capture_on_commit_callbacks
):
    experience = make_experience(city=city, status=ExperienceStatus.PUBLISHED)
    old = _attachment(experience, None, "Evaluation 2023")
    revision = experience_draft_save(
        actor=None, experience=experience, values={"attachments_removed": [old.pk]}
    )
    new = _attachment(experience, revision, "Evaluation 2024")
    revision_submit(revision=revision, actor=None)

    with django_capture_on_commit_callbacks(execute=True):
        revision_publish(revision=revision, actor=staff)

    new.refresh_from_db()
    assert list(experience.attachments.values_list("title", flat=True)) == ["Evaluation 2024"]
    assert new.revision_id is None
    assert (default_storage.exists(old.file.name), default_storage.exists(new.file.name)) == (False, True)


def test_revision_publish_that_no_longer_validates_is_refused_and_changes_nothing(city, staff):
    contact = ContactFactory(city=city, is_public=True)
    experience = make_experience(city=city, status=ExperienceStatus.PUBLISHED, title="Walking to school")
    revision = experience_draft_save(
        actor=None, experience=experience, values={"contact": contact.pk, "title": "Walking together"}
    )
    revision_submit(revision=revision, actor=None)
    contact.is_public = False
    contact.save()
    audit_before = _audit_count(experience)

    with pytest.raises(DomainError) as error:
        revision_publish(revision=revision, actor=staff)

    revision.refresh_from_db()
    experience.refresh_from_db()
    assert error.value.message == (
        "These changes can no longer be published as they are: "
        "Choose one of the city’s contacts who agreed to be shown publicly."
    )
    assert (revision.status, experience.title, _audit_count(experience)) == (
        RevisionStatus.SUBMITTED,
        "Walking to school",
        audit_before,
    )


def test_request_changes_comment_reaches_the_city_in_its_language(
    city, staff, django_capture_on_commit_callbacks
):
    make_city_editor(city, email="educacio@vila.example.org", language="ca")
    experience = make_experience(city=city, status=ExperienceStatus.SUBMITTED, title="Camins escolars")

    with django_capture_on_commit_callbacks(execute=True):
        experience_request_changes(experience=experience, actor=staff, comment=COMMENT)

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_recipient) == ["educacio@vila.example.org", EDITOR_EMAIL]
    assert COMMENT in by_recipient["educacio@vila.example.org"].body
    assert by_recipient[EDITOR_EMAIL].subject == "Experience “Camins escolars”: changes requested"


def test_audit_entries_name_no_actor_for_the_system(city):
    experience = make_experience(city=city, status=ExperienceStatus.SUBMITTED)

    experience_transition(experience=experience, action="review_start", actor=None)

    assert AuditEntry.objects.filter(action="review_start").get().actor is None


def test_revision_notification_state_is_in_each_recipients_language(
    city, staff, settings, tmp_path, django_capture_on_commit_callbacks
):
    french_catalog(
        settings,
        tmp_path,
        {
            "Experience “%(title)s”: %(state)s": "Expérience « %(title)s » : %(state)s",
            "changes %(state)s": "modifications %(state)s",
            "revision state\x04published": "publiées",
        },
    )
    make_city_editor(city, email="education@ville.example.org", language="fr")
    experience = make_experience(city=city, status=ExperienceStatus.PUBLISHED, title="Walking to school")
    revision = _revision_in(experience, RevisionStatus.SUBMITTED)

    with django_capture_on_commit_callbacks(execute=True):
        revision_publish(revision=revision, actor=staff)

    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {
        EDITOR_EMAIL: "Experience “Walking to school, together”: changes published",
        "education@ville.example.org": "Expérience « Walking to school, together » : modifications publiées",
    }


def test_experience_feature_notifies_the_city_editors(django_capture_on_commit_callbacks):
    from django.core import mail

    from educities.experiences.domain.workflow import experience_feature
    from tests.factories import make_city_editor

    experience = make_experience(status=ExperienceStatus.PUBLISHED)
    editor = make_city_editor(experience.city)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        experience_feature(experience=experience, actor=None, featured=True)
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "focus experience" in mail.outbox[0].subject
