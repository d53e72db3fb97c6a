import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from educities.awards.domain.applications import (
    AnswersInvalid,
    application_confirm_eligible,
    application_create,
    application_decide,
    application_declare_ineligible,
    application_letter_attach,
    application_save,
    application_submit,
    application_transition,
    application_withdraw,
    applications_send_to_jury,
)
from educities.awards.domain.common import moment_for_people
from educities.awards.domain.editions import edition_update
from educities.awards.enums import ApplicationStatus, EditionPhase
from educities.awards.models import Application
from educities.core.domain.errors import DomainError, PermissionRefused, TransitionNotAllowed
from educities.core.models import AuditEntry
from educities.experiences.enums import ExperienceStatus
from educities.experiences.models import Experience
from educities.members.enums import FeeStatus
from educities.reviews.enums import ConflictKind, ReviewPhase
from educities.reviews.models import Conflict, ReviewItem
from tests.awards.factories import jury_to_decision, make_application, make_edition, make_juror
from tests.experiences.factories import make_experience
from tests.factories import CityFactory, FeeRecordFactory, StaffFactory, make_city_editor, make_pdf_bytes

pytestmark = pytest.mark.django_db

SECOND = datetime.timedelta(seconds=1)


@pytest.fixture
def staff():
    return StaffFactory()


@pytest.fixture
def edition():
    return make_edition(phase=EditionPhase.OPEN)


@pytest.fixture
def city():
    return CityFactory(name="Santos")


@pytest.fixture
def editor(city):
    return make_city_editor(city, language="pt")


def _audits(application, action):
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Application),
        object_id=str(application.pk),
        action=action,
    ).count()


# --- Creation ---------------------------------------------------------------------------------------


def test_application_create_links_an_experience_of_the_city(edition, city, editor):
    experience = make_experience(city=city, status=ExperienceStatus.PUBLISHED)

    application = application_create(
        edition=edition, city=city, actor=editor, language="pt", experience=experience
    )

    assert (application.status, application.language, application.experience) == (
        ApplicationStatus.DRAFT,
        "pt",
        experience,
    )
    assert application.created_by == editor
    assert _audits(application, "create") == 1


def test_application_create_with_a_new_title_creates_a_draft_experience(edition, city, editor):
    application = application_create(
        edition=edition, city=city, actor=editor, language="fr", new_experience_title="  Écoles   ouvertes "
    )

    experience = application.experience
    assert (experience.title, experience.status, experience.original_language, experience.city) == (
        "Écoles ouvertes",
        ExperienceStatus.DRAFT,
        "fr",
        city,
    )


@pytest.mark.parametrize(
    "status", [ExperienceStatus.DRAFT, ExperienceStatus.SUBMITTED, ExperienceStatus.ARCHIVED]
)
def test_application_create_accepts_an_experience_in_any_state_but_rejected(edition, city, editor, status):
    experience = make_experience(city=city, status=status)

    application = application_create(
        edition=edition, city=city, actor=editor, language="en", experience=experience
    )

    assert application.experience == experience


def _refused(edition, city, actor, **kwargs):
    applications, experiences = Application.objects.count(), Experience.objects.count()
    with pytest.raises(DomainError) as caught:
        application_create(edition=edition, city=city, actor=actor, **kwargs)
    assert Application.objects.count() == applications
    assert Experience.objects.count() == experiences
    return caught.value


def test_application_create_refuses_hostile_choices_and_changes_nothing(edition, city, editor):
    own = make_experience(city=city)
    foreign = make_experience(city=CityFactory())
    rejected = make_experience(city=city, status=ExperienceStatus.REJECTED)

    assert _refused(edition, city, editor, language="en").message == (
        "Choose one of your city’s experiences or give the title of a new one."
    )
    assert (
        "not both"
        in _refused(edition, city, editor, language="en", experience=own, new_experience_title="X").message
    )
    assert _refused(edition, city, editor, language="en", experience=foreign).message == (
        "Choose one of your city’s experiences."
    )
    assert "rejected" in _refused(edition, city, editor, language="en", experience=rejected).message
    assert "official languages" in _refused(edition, city, editor, language="ca", experience=own).message
    assert (
        "official languages" in _refused(edition, city, editor, language="<script>", experience=own).message
    )
    assert _refused(edition, city, editor, language="en", new_experience_title="x" * 300).message


def test_application_create_refuses_the_same_experience_twice(edition, city, editor):
    application = make_application(edition=edition, city=city, status=ApplicationStatus.WITHDRAWN)

    error = _refused(edition, city, editor, language="en", experience=application.experience)

    assert error.message == (
        "This experience is already proposed to this edition (withdrawn applications included)."
    )


def test_application_create_refuses_the_third_application_of_a_city(edition, city, editor):
    make_application(edition=edition, city=city, status=ApplicationStatus.SUBMITTED)
    make_application(edition=edition, city=city, status=ApplicationStatus.DRAFT)

    error = _refused(edition, city, editor, language="en", new_experience_title="A third one")

    assert error.message == (
        "Santos already has 2 applications to this edition and may send 2 at most: withdraw one first."
    )


def test_application_create_refuses_the_editor_of_another_city(edition, city):
    intruder = make_city_editor(CityFactory())

    with pytest.raises(PermissionRefused):
        application_create(
            edition=edition, city=city, actor=intruder, language="en", new_experience_title="Mine"
        )

    assert Application.objects.count() == 0


def test_application_create_is_refused_before_the_call_opens(city, editor):
    edition = make_edition(phase=EditionPhase.ANNOUNCED)

    error = _refused(edition, city, editor, language="en", new_experience_title="Early")

    assert error.message == (
        "The call for applications opens on "
        f"{moment_for_people(edition.call_opens_at, time_zone=edition.time_zone)}."
    )


def test_application_create_is_refused_after_the_deadline(city, editor):
    edition = make_edition(phase=EditionPhase.JURY)

    error = _refused(edition, city, editor, language="en", new_experience_title="Late")

    assert error.message.startswith("The deadline for applications was ")


# --- Writing ----------------------------------------------------------------------------------------


def test_application_save_writes_updates_and_clears_answers(edition, city, editor):
    application = make_application(edition=edition, city=city, answers=False)
    question = edition.questions.get()

    application_save(application=application, actor=editor, answers={question.pk: "  First.\r\nSecond.  "})
    assert list(application.answers.values_list("text", flat=True)) == ["First.\nSecond."]
    application_save(
        application=application, actor=editor, answers={str(question.pk): "Changed."}, language="es"
    )
    assert list(application.answers.values_list("text", flat=True)) == ["Changed."]
    application_save(application=application, actor=editor, answers={question.pk: "   "})

    application.refresh_from_db()
    assert application.answers.count() == 0
    assert application.language == "es"


@pytest.mark.parametrize(
    "text",
    ["x" * 2001, "Bell\x07", "NUL\x00", "Escape\x1b[31m", "Line\u2028separator", 42],
)
def test_application_save_refuses_bad_answers_and_saves_nothing(edition, city, editor, text):
    application = make_application(edition=edition, city=city)
    question = edition.questions.get()
    before = application.answers.get().text

    with pytest.raises(AnswersInvalid) as caught:
        application_save(application=application, actor=editor, answers={question.pk: text}, language="fr")

    assert list(caught.value.errors) == [question.pk]
    application.refresh_from_db()
    assert (application.answers.get().text, application.language) == (before, "en")


@pytest.mark.parametrize("key", [999_999, "abc", None, "1; DROP TABLE"])
def test_application_save_refuses_answers_to_unknown_questions(edition, city, editor, key):
    application = make_application(edition=edition, city=city, answers=False)

    with pytest.raises(DomainError) as caught:
        application_save(application=application, actor=editor, answers={key: "Hello"})

    assert caught.value.message == "An answer was sent for a question that does not exist."
    assert application.answers.count() == 0


@pytest.mark.parametrize("answers", [["Hello"], "Hello", 42])
def test_application_save_refuses_answers_that_are_not_a_mapping(edition, city, editor, answers):
    application = make_application(edition=edition, city=city, answers=False)

    with pytest.raises(DomainError):
        application_save(application=application, actor=editor, answers=answers)

    assert application.answers.count() == 0


def test_application_save_refuses_a_question_of_another_edition(edition, city, editor):
    application = make_application(edition=edition, city=city, answers=False)
    other = make_edition(phase=EditionPhase.DRAFT).questions.get()

    with pytest.raises(DomainError):
        application_save(application=application, actor=editor, answers={other.pk: "Hello"})

    assert application.answers.count() == 0


def test_application_save_is_refused_once_submitted(edition, city, editor):
    application = make_application(edition=edition, city=city, status=ApplicationStatus.SUBMITTED)

    with pytest.raises(PermissionRefused):
        application_save(application=application, actor=editor, language="fr")
    with pytest.raises(DomainError):
        application_save(application=application, actor=None, language="fr")

    application.refresh_from_db()
    assert application.language == "en"


def test_application_letter_attach_keeps_a_pdf(edition, city, editor):
    application = make_application(edition=edition, city=city, letter=False)

    application_letter_attach(
        application=application,
        upload=SimpleUploadedFile("Carta do prefeito.PDF", make_pdf_bytes()),
        actor=editor,
    )

    application.refresh_from_db()
    assert application.mayor_letter.name.startswith("awards/letters/")
    assert application.mayor_letter.name.endswith(".pdf")
    with application.mayor_letter.open("rb") as stored:
        assert stored.read(5) == b"%PDF-"


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param(
            "letter.pdf",
            b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100,
            "This type of file is not accepted.",
            id="exe-renamed-pdf",
        ),
        pytest.param("letter.png", PNG, "This type of file is not accepted.", id="png"),
        pytest.param("letter.pdf", PNG, "This type of file is not accepted.", id="png-renamed-pdf"),
        pytest.param("letter.pdf", b"", "The file is empty.", id="empty"),
        pytest.param(
            "letter.svg",
            b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
            "SVG",
            id="svg",
        ),
        pytest.param("letter.exe", "pdf", "its name does not end in .pdf", id="pdf-named-exe"),
    ],
)
def test_application_letter_attach_refuses_what_is_not_a_pdf(edition, city, editor, name, content, message):
    application = make_application(edition=edition, city=city, letter=False)
    content = make_pdf_bytes() if content == "pdf" else content

    with pytest.raises(DomainError) as caught:
        application_letter_attach(
            application=application, upload=SimpleUploadedFile(name, content), actor=editor
        )

    assert message in caught.value.message
    application.refresh_from_db()
    assert not application.mayor_letter


def test_application_letter_attach_refuses_an_oversized_file_and_keeps_the_previous_one(
    edition, city, editor, settings
):
    application = make_application(edition=edition, city=city)
    previous = application.mayor_letter.name
    settings.UPLOAD_MAX_BYTES = 1024

    with pytest.raises(DomainError) as caught:
        application_letter_attach(
            application=application,
            upload=SimpleUploadedFile("letter.pdf", make_pdf_bytes() + b"%" * 2048),
            actor=editor,
        )

    assert caught.value.message.startswith("The file is too large")
    application.refresh_from_db()
    assert application.mayor_letter.name == previous


# --- Submission ---------------------------------------------------------------------------------------


def test_application_submit_sends_a_confirmation_to_each_editor(
    edition, city, editor, django_capture_on_commit_callbacks
):
    other_editor = make_city_editor(city, language="en")
    make_city_editor(CityFactory())
    application = make_application(edition=edition, city=city)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        application_submit(application=application, actor=editor)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.submitted_by == editor
    assert application.submitted_at is not None
    assert sorted(message.to[0] for message in mail.outbox) == sorted([editor.email, other_editor.email])
    links = {message.to[0]: message.body for message in mail.outbox}
    assert f"/pt/award/applications/{application.pk}/" in links[editor.email]
    assert f"/en/award/applications/{application.pk}/" in links[other_editor.email]
    assert _audits(application, "submit") == 1


def test_application_submit_one_second_before_the_deadline_is_accepted(city, editor):
    edition = make_edition(phase=EditionPhase.OPEN)
    application = make_application(edition=edition, city=city)

    with time_machine.travel(edition.deadline - SECOND, tick=False):
        application_submit(application=application, actor=editor)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.submitted_at == edition.deadline - SECOND


def test_application_submit_one_second_after_the_deadline_is_refused(city, editor):
    deadline = datetime.datetime(2031, 3, 31, 23, 59, tzinfo=ZoneInfo("America/Sao_Paulo"))
    edition = make_edition(
        phase=EditionPhase.OPEN, time_zone="America/Sao_Paulo", deadline=deadline, year=2031, number=999
    )
    application = make_application(edition=edition, city=city)

    with time_machine.travel(deadline + SECOND, tick=False), pytest.raises(DomainError) as caught:
        application_submit(application=application, actor=editor)

    assert caught.value.message == (
        "The deadline for applications was March 31, 2031, 11:59 p.m. (America/Sao_Paulo time): "
        "applications can no longer be submitted."
    )
    application.refresh_from_db()
    assert (application.status, application.submitted_at) == (ApplicationStatus.DRAFT, None)
    assert _audits(application, "submit") == 0


def test_application_submit_deadline_is_shown_in_the_readers_language(city, editor):
    deadline = datetime.datetime(2031, 3, 31, 23, 59, tzinfo=ZoneInfo("Europe/Madrid"))
    edition = make_edition(phase=EditionPhase.OPEN, deadline=deadline, year=2031, number=998)
    application = make_application(edition=edition, city=city)

    with (
        time_machine.travel(deadline + SECOND, tick=False),
        timezone.override("UTC"),
        pytest.raises(DomainError) as caught,
    ):
        application_submit(application=application, actor=editor)

    # The edition's time zone, not the server's (UTC would say 21:59).
    assert "11:59 p.m. (Europe/Madrid time)" in caught.value.message


def test_application_submit_needs_the_answers_and_the_letter(edition, city, editor):
    application = make_application(edition=edition, city=city, answers=False, letter=False)
    question = edition.questions.get()

    with pytest.raises(DomainError) as caught:
        application_submit(application=application, actor=editor)

    assert caught.value.message == (
        f"Answer the question “{question.text}”. Attach the letter from the mayor (a PDF document)."
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT


def test_application_submit_is_refused_above_the_maximum_when_drafts_raced(edition, city, editor):
    edition_update(edition=edition, actor=None, max_applications_per_city=3)
    first = make_application(edition=edition, city=city, status=ApplicationStatus.SUBMITTED)
    second = make_application(edition=edition, city=city)
    third = make_application(edition=edition, city=city)
    # Both drafts were started while three were allowed (as two requests racing would).
    edition_update(edition=edition, actor=None, max_applications_per_city=2)

    application_submit(application=second, actor=editor)
    with pytest.raises(DomainError) as caught:
        application_submit(application=third, actor=editor)

    assert caught.value.message == (
        "Santos already has 2 applications to this edition and may send 2 at most: withdraw one first."
    )
    third.refresh_from_db()
    assert (third.status, third.submitted_at) == (ApplicationStatus.DRAFT, None)
    assert first.pk != second.pk


def test_application_submit_with_a_failing_rule_is_accepted(edition, city, editor):
    FeeRecordFactory(city=city, year=edition.year - 1, status=FeeStatus.UNPAID)
    application = make_application(edition=edition, city=city)

    application_submit(application=application, actor=editor)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_application_submit_twice_is_refused(edition, city, editor):
    application = make_application(edition=edition, city=city, status=ApplicationStatus.SUBMITTED)

    with pytest.raises(TransitionNotAllowed) as caught:
        application_submit(application=application, actor=editor)

    assert caught.value.message == "This application is “Submitted”: it cannot become “Submitted”."


def test_application_submit_is_refused_to_the_editor_of_another_city(edition, city):
    application = make_application(edition=edition, city=city)

    with pytest.raises(PermissionRefused):
        application_submit(application=application, actor=make_city_editor(CityFactory()))

    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT


def test_application_transition_refuses_an_unknown_step(edition, city, staff):
    application = make_application(edition=edition, city=city)

    with pytest.raises(DomainError):
        application_transition(application=application, step="publish", actor=staff)


# --- Eligibility --------------------------------------------------------------------------------------


def test_application_confirm_eligible_when_every_rule_passes(
    edition, city, editor, staff, django_capture_on_commit_callbacks
):
    application = make_application(edition=edition, city=city, status=ApplicationStatus.SUBMITTED)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        application_confirm_eligible(application=application, actor=staff)

    application.refresh_from_db()
    assert (application.status, application.eligibility_overridden) == (ApplicationStatus.ELIGIBLE, False)
    assert [message.to for message in mail.outbox] == [[editor.email]]


def test_application_confirm_eligible_with_a_failing_rule_needs_a_reason(edition, city, staff):
    FeeRecordFactory(city=city, year=edition.year, status=FeeStatus.UNPAID)
    application = make_application(edition=edition, city=city, status=ApplicationStatus.SUBMITTED)

    with pytest.raises(DomainError) as caught:
        application_confirm_eligible(application=application, actor=staff, override_reason="   ")

    assert caught.value.message == (
        "Some rules are not met (Member city with fees paid up): "
        "write why the application is eligible all the same."
    )
    application.refresh_from_db()
    assert (application.status, application.eligibility_overridden) == (ApplicationStatus.SUBMITTED, False)


def test_application_confirm_eligible_override_is_recorded_and_audited(edition, city, staff):
    FeeRecordFactory(city=city, year=edition.year, status=FeeStatus.UNPAID)
    application = make_application(edition=edition, city=city, status=ApplicationStatus.SUBMITTED)

    application_confirm_eligible(
        application=application, actor=staff, override_reason="Paid at the bank today."
    )

    application.refresh_from_db()
    assert application.status == ApplicationStatus.ELIGIBLE
    assert application.eligibility_overridden is True
    assert application.eligibility_note == "Paid at the bank today."
    entry = AuditEntry.objects.get(
        content_type=ContentType.objects.get_for_model(Application),
        object_id=str(application.pk),
        action="confirm_eligible",
    )
    assert entry.actor == staff
    assert entry.comment == "Paid at the bank today. (rules not met: fees)"


def test_application_declare_ineligible_needs_a_reason_and_tells_the_city(
    edition, city, editor, staff, django_capture_on_commit_callbacks
):
    application = make_application(edition=edition, city=city, status=ApplicationStatus.SUBMITTED)
    with pytest.raises(DomainError):
        application_declare_ineligible(application=application, actor=staff, reason="")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        application_declare_ineligible(
            application=application, actor=staff, reason="The city hosts the congress."
        )

    application.refresh_from_db()
    assert application.status == ApplicationStatus.INELIGIBLE
    assert application.eligibility_note == "The city hosts the congress."
    assert len(mail.outbox) == 1
    assert "The city hosts the congress." in mail.outbox[0].body


def test_application_eligibility_is_refused_to_a_city_editor(edition, city, editor):
    application = make_application(edition=edition, city=city, status=ApplicationStatus.SUBMITTED)

    with pytest.raises(PermissionRefused):
        application_confirm_eligible(application=application, actor=editor)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


# --- Jury ---------------------------------------------------------------------------------------------


def test_applications_send_to_jury_creates_items_with_automatic_conflicts(edition, city, staff):
    neighbour = CityFactory(country=city.country)
    juror = make_juror(edition=edition, city=neighbour)
    eligible = make_application(edition=edition, city=city, status=ApplicationStatus.ELIGIBLE)
    submitted = make_application(edition=edition, status=ApplicationStatus.SUBMITTED)

    assert applications_send_to_jury(edition=edition, actor=staff) == 1

    eligible.refresh_from_db()
    submitted.refresh_from_db()
    item = eligible.review_item
    assert (eligible.status, submitted.status) == (ApplicationStatus.IN_REVIEW, ApplicationStatus.SUBMITTED)
    assert (item.process_id, item.city, item.title, item.subject) == (
        edition.review_process_id,
        city,
        eligible.experience.title,
        eligible,
    )
    assert set(Conflict.objects.filter(reviewer=juror, item=item).values_list("kind", flat=True)) == {
        ConflictKind.SAME_COUNTRY
    }
    assert applications_send_to_jury(edition=edition, actor=staff) == 0


def test_applications_send_to_jury_is_refused_once_the_jury_decides(edition, staff):
    make_application(edition=edition, status=ApplicationStatus.IN_REVIEW)
    late = make_application(edition=edition, status=ApplicationStatus.ELIGIBLE)
    jury_to_decision(process=edition.review_process)

    with pytest.raises(DomainError):
        applications_send_to_jury(edition=edition, actor=staff)

    late.refresh_from_db()
    assert (late.status, late.review_item_id) == (ApplicationStatus.ELIGIBLE, None)


def test_application_decide_is_refused_before_the_decision_phase(edition, staff):
    application = make_application(edition=edition, status=ApplicationStatus.IN_REVIEW)

    with pytest.raises(DomainError) as caught:
        application_decide(application=application, result=ApplicationStatus.WINNER, actor=staff)

    assert caught.value.message == "The jury decides once its work has reached the decision phase."
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_REVIEW


def test_application_decide_records_the_result_and_statement_without_telling_the_city(
    edition, city, editor, staff, django_capture_on_commit_callbacks
):
    application = make_application(edition=edition, city=city, status=ApplicationStatus.IN_REVIEW)
    jury_to_decision(process=edition.review_process)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        application_decide(
            application=application,
            result=ApplicationStatus.SPECIAL_MENTION,
            statement="Brave work.",
            actor=staff,
        )

    application.refresh_from_db()
    assert (application.status, application.statement) == (ApplicationStatus.SPECIAL_MENTION, "Brave work.")
    assert mail.outbox == []


@pytest.mark.parametrize("result", [ApplicationStatus.WITHDRAWN, ApplicationStatus.ELIGIBLE, "winner!"])
def test_application_decide_refuses_other_results(edition, staff, result):
    application = make_application(edition=edition, status=ApplicationStatus.IN_REVIEW)
    jury_to_decision(process=edition.review_process)

    with pytest.raises(DomainError):
        application_decide(application=application, result=result, actor=staff)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_REVIEW


def test_application_withdraw_in_review_takes_the_item_out_of_the_ranking(edition, city, editor):
    application = make_application(edition=edition, city=city, status=ApplicationStatus.IN_REVIEW)

    application_withdraw(application=application, actor=editor)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    assert ReviewItem.objects.get(pk=application.review_item_id).is_active is False
    assert edition.review_process.phase == ReviewPhase.SETUP


def test_application_withdraw_after_a_decision_is_refused(edition, city, editor):
    application = make_application(edition=edition, city=city, status=ApplicationStatus.FINALIST)

    with pytest.raises(TransitionNotAllowed):
        application_withdraw(application=application, actor=editor)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.FINALIST
