import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.utils import timezone

from educities.awards.domain.editions import (
    DEFAULT_CRITERIA,
    EditionInvalid,
    default_criteria,
    edition_announce,
    edition_create,
    edition_declare_void,
    edition_phase,
    edition_question_add,
    edition_question_delete,
    edition_question_translate,
    edition_question_update,
    edition_results_publish,
    edition_text_translate,
    edition_update,
)
from educities.awards.enums import ApplicationStatus, EditionPhase
from educities.awards.models import Edition, EditionQuestion
from educities.core.domain.errors import DomainError, PermissionRefused, TransitionNotAllowed
from educities.core.domain.translations_queries import translated_text
from educities.core.models import AuditEntry, TextTranslation
from educities.core.search import SearchQuery, clear_snapshots, search_run
from educities.experiences.domain.search import SEARCH_INDEX
from educities.reviews.domain.processes import CriterionSpec
from educities.reviews.enums import ReviewPhase
from educities.reviews.models import Criterion, ReviewProcess
from tests.awards.factories import jury_to_decision, make_application, make_edition
from tests.factories import CityFactory, StaffFactory, make_city_editor

pytestmark = pytest.mark.django_db

MADRID = ZoneInfo("Europe/Madrid")


def _values(**overrides) -> dict:
    values = {
        "number": 6,
        "year": 2026,
        "theme": "Education as a source of inclusion and social cohesion",
        "call_opens_at": datetime.datetime(2025, 10, 1, 9, 0, tzinfo=MADRID),
        "deadline": datetime.datetime(2026, 3, 31, 23, 59, tzinfo=MADRID),
    }
    values.update(overrides)
    return values


def _texts(obj):
    return TextTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    )


@pytest.fixture
def staff():
    return StaffFactory()


@pytest.fixture
def fresh_search():
    clear_snapshots()
    yield
    clear_snapshots()


# --- Creation --------------------------------------------------------------------------------------


def test_default_criteria_are_the_six_of_the_award_with_equal_weights():
    specs = default_criteria()

    assert [spec.name for spec in specs] == [
        "Relevance",
        "Impact",
        "Scope",
        "Local-government involvement and work across departments",
        "Participation of civil society and business",
        "Innovation, consolidation and transferability",
    ]
    assert all(spec.weight == 1 and spec.description.endswith(".") for spec in specs)
    assert all(set(spec.translations) == {"fr", "es", "pt", "ca"} for spec in specs)
    assert len(DEFAULT_CRITERIA) == 6


def test_edition_create_makes_its_jury_with_the_default_criteria(staff):
    edition = edition_create(actor=staff, jurors_per_application=4, scale_max=20, **_values())

    process = edition.review_process
    criteria = list(process.criteria.order_by("position"))
    assert process.phase == ReviewPhase.SETUP
    assert (process.scale_min, process.scale_max, process.reviewers_per_item) == (0, 20, 4)
    assert [c.name for c in criteria] == [spec.name for spec in default_criteria()]
    assert {c.weight for c in criteria} == {Decimal("1.00")}
    languages = set(_texts(criteria[0]).filter(field="name").values_list("language", flat=True))
    assert languages == {"en", "fr", "es", "pt", "ca"}
    assert edition.is_published is False
    assert edition_phase(edition=edition) == EditionPhase.DRAFT
    assert AuditEntry.objects.filter(action="edition_create", object_id=str(edition.pk)).count() == 1


def test_edition_create_takes_given_criteria(staff):
    criteria = [CriterionSpec(name="Quality", description="", weight=Decimal("2"))]

    edition = edition_create(actor=staff, criteria=criteria, **_values())

    assert list(edition.review_process.criteria.values_list("name", "weight")) == [
        ("Quality", Decimal("2.00"))
    ]


def test_edition_create_records_the_theme_as_the_original(staff):
    edition = edition_create(actor=staff, original_language="es", **_values(theme="La ciudad que cuida"))

    value = translated_text(obj=edition, field="theme", language="fr")
    assert value.text == "La ciudad que cuida"
    assert value.is_fallback is True
    assert value.original_language == "es"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"deadline": datetime.datetime(2026, 3, 31, 23, 59)}, "deadline"),  # noqa: DTZ001 - the point
        ({"deadline": datetime.datetime(2025, 9, 1, tzinfo=MADRID)}, "deadline"),
        ({"time_zone": "Mars/Olympus_Mons"}, "time_zone"),
        ({"time_zone": ["Europe/Madrid"]}, "time_zone"),
        ({"theme": "Line\nbreak"}, "theme"),
        ({"theme": "   "}, "theme"),
        ({"original_language": "de"}, "original_language"),
        ({"max_applications_per_city": 0}, "max_applications_per_city"),
        ({"number": "six"}, "number"),
        ({"year": 1066}, "year"),
        ({"initiative_cutoff": "2024-01-01"}, "initiative_cutoff"),
    ],
)
def test_edition_create_refuses_bad_values_and_creates_nothing(staff, overrides, field):
    with pytest.raises(EditionInvalid) as caught:
        edition_create(actor=staff, **_values(**overrides))

    assert field in caught.value.errors
    assert Edition.objects.count() == 0
    assert ReviewProcess.objects.count() == 0


def test_edition_create_refuses_a_number_or_year_taken(staff):
    edition_create(actor=staff, **_values())

    with pytest.raises(EditionInvalid) as caught:
        edition_create(actor=staff, **_values(year=2028))

    assert list(caught.value.errors) == ["number"]
    assert Edition.objects.count() == 1
    assert ReviewProcess.objects.count() == 1


def test_edition_create_refuses_a_city_editor():
    editor = make_city_editor(CityFactory())

    with pytest.raises(PermissionRefused):
        edition_create(actor=editor, **_values())

    assert Edition.objects.count() == 0


# --- Changes, texts, questions ------------------------------------------------------------------------


def test_edition_update_changes_the_theme_and_makes_its_translation_stale(staff):
    edition = make_edition(phase=EditionPhase.DRAFT)
    edition_text_translate(edition=edition, field="theme", language="fr", text="Le thème", actor=staff)

    edition_update(edition=edition, actor=staff, theme="A new theme", max_applications_per_city=3)

    edition.refresh_from_db()
    assert (edition.theme, edition.max_applications_per_city) == ("A new theme", 3)
    french = translated_text(obj=edition, field="theme", language="fr")
    assert french.text == "Le thème"
    assert french.is_stale is True


def test_edition_update_refuses_unknown_fields_and_changes_nothing(staff):
    edition = make_edition(phase=EditionPhase.DRAFT)

    with pytest.raises(EditionInvalid) as caught:
        edition_update(edition=edition, actor=staff, theme="Changed", review_process=None, is_void=True)

    assert set(caught.value.errors) == {"review_process", "is_void"}
    edition.refresh_from_db()
    assert edition.theme != "Changed"


def test_edition_update_refuses_a_deadline_before_the_opening(staff):
    edition = make_edition(phase=EditionPhase.OPEN)
    before = edition.deadline

    with pytest.raises(EditionInvalid) as caught:
        edition_update(
            edition=edition, actor=staff, deadline=edition.call_opens_at - datetime.timedelta(days=1)
        )

    assert caught.value.errors == {"deadline": ["The deadline must be after the opening of the call."]}
    edition.refresh_from_db()
    assert edition.deadline == before


def test_edition_update_after_the_results_changes_only_the_statement_and_figures(staff):
    edition = make_edition(phase=EditionPhase.RESULTS)

    edition_update(edition=edition, actor=staff, jury_statement="A fine edition.", recorded_candidacies=58)
    with pytest.raises(DomainError):
        edition_update(edition=edition, actor=staff, theme="Another")

    edition.refresh_from_db()
    assert (edition.jury_statement, edition.recorded_candidacies) == ("A fine edition.", 58)


def test_edition_text_translate_refuses_other_fields(staff):
    edition = make_edition(phase=EditionPhase.DRAFT)

    with pytest.raises(DomainError):
        edition_text_translate(edition=edition, field="ceremony_place", language="fr", text="x", actor=staff)
    with pytest.raises(DomainError):
        edition_text_translate(edition=edition, field="theme", language="en", text="Same", actor=staff)

    assert not _texts(edition).filter(language="fr").exists()


def test_edition_questions_are_added_in_order_changed_translated_and_deleted(staff):
    edition = make_edition(phase=EditionPhase.DRAFT, questions=0)

    first = edition_question_add(edition=edition, text="Who took part?", actor=staff)
    second = edition_question_add(
        edition=edition, text="What changed?", help_text="Figures.", is_required=False, actor=staff
    )
    edition_question_update(
        question=first, text="Who took part, and how?", is_required=True, max_chars=500, actor=staff
    )
    edition_question_translate(question=first, language="fr", text="Qui a participé ?", actor=staff)
    edition_question_delete(question=second, actor=staff)

    assert list(edition.questions.values_list("position", "text", "max_chars")) == [
        (1, "Who took part, and how?", 500)
    ]
    assert translated_text(obj=first, field="text", language="fr").text == "Qui a participé ?"


@pytest.mark.parametrize(
    ("text", "max_chars"), [("", 100), ("Two\nlines", 100), ("x" * 501, 100), ("Fine", 0), ("Fine", "10")]
)
def test_edition_question_add_refuses_bad_values(staff, text, max_chars):
    edition = make_edition(phase=EditionPhase.DRAFT, questions=0)

    with pytest.raises(DomainError):
        edition_question_add(edition=edition, text=text, max_chars=max_chars, actor=staff)

    assert EditionQuestion.objects.count() == 0


def test_edition_questions_cannot_change_once_a_city_submitted(staff):
    application = make_application(status=ApplicationStatus.SUBMITTED)
    question = application.edition.questions.get()

    with pytest.raises(DomainError):
        edition_question_add(edition=application.edition, text="Late question", actor=staff)
    with pytest.raises(DomainError):
        edition_question_delete(question=question, actor=staff)

    assert application.edition.questions.count() == 1
    assert application.answers.count() == 1


# --- Phase and announcement ----------------------------------------------------------------------------


def test_edition_phase_follows_the_dates():
    edition = make_edition(phase=EditionPhase.OPEN)
    second = datetime.timedelta(seconds=1)

    assert edition_phase(edition=edition, now=edition.call_opens_at - second) == EditionPhase.ANNOUNCED
    assert edition_phase(edition=edition, now=edition.call_opens_at) == EditionPhase.OPEN
    assert edition_phase(edition=edition, now=edition.deadline) == EditionPhase.OPEN
    assert edition_phase(edition=edition, now=edition.deadline + second) == EditionPhase.JURY


@pytest.mark.parametrize("phase", list(EditionPhase.values))
def test_make_edition_gives_each_phase(phase):
    assert edition_phase(edition=make_edition(phase=phase)) == phase


def test_edition_announce_needs_the_call_dates(staff):
    edition = edition_create(actor=staff, **_values(call_opens_at=None, deadline=None))

    with pytest.raises(DomainError):
        edition_announce(edition=edition, actor=staff)
    edition.refresh_from_db()
    assert edition.is_published is False

    edition_update(
        edition=edition,
        actor=staff,
        call_opens_at=timezone.now(),
        deadline=timezone.now() + datetime.timedelta(1),
    )
    edition_announce(edition=edition, actor=staff)
    edition.refresh_from_db()
    assert edition.is_published is True


# --- Results ---------------------------------------------------------------------------------------


def _decided_edition():
    edition = make_edition(phase=EditionPhase.OPEN)
    statuses = [
        ApplicationStatus.WINNER,
        ApplicationStatus.SPECIAL_MENTION,
        ApplicationStatus.FINALIST,
        ApplicationStatus.NOT_SELECTED,
    ]
    applications = {
        status: make_application(edition=edition, status=ApplicationStatus.IN_REVIEW) for status in statuses
    }
    for status, application in applications.items():
        make_city_editor(application.city, language="fr" if status == ApplicationStatus.WINNER else "en")
    jury_to_decision(process=edition.review_process)
    from educities.awards.domain.applications import application_decide

    for status, application in applications.items():
        application_decide(application=application, result=status, actor=None)
    return edition, applications


def test_edition_results_publish_makes_winners_award_winning_and_numbers_certificates(
    staff, django_capture_on_commit_callbacks, fresh_search
):
    edition, applications = _decided_edition()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        edition_results_publish(edition=edition, actor=staff)

    edition.refresh_from_db()
    assert edition.results_published_at is not None
    assert edition_phase(edition=edition) == EditionPhase.RESULTS
    numbers = {}
    for status, application in applications.items():
        application.refresh_from_db()
        application.experience.refresh_from_db()
        numbers[status] = application.certificate_number
        assert application.experience.is_award_winning is (status == ApplicationStatus.WINNER)
    assert numbers == {
        ApplicationStatus.WINNER: f"ECA-{edition.year}-001",
        ApplicationStatus.SPECIAL_MENTION: f"ECA-{edition.year}-002",
        ApplicationStatus.FINALIST: f"ECA-{edition.year}-003",
        ApplicationStatus.NOT_SELECTED: "",
    }
    assert ReviewProcess.objects.get(pk=edition.review_process_id).phase == ReviewPhase.CLOSED
    assert len(mail.outbox) == 4
    # Each city's editors get the subject in their language; the year is in every one.
    assert all(str(edition.year) in message.subject for message in mail.outbox)
    results = search_run(index=SEARCH_INDEX, query=SearchQuery(filters={"award": ["yes"]}, facets=["award"]))
    assert [hit.object_id for hit in results.hits] == [applications[ApplicationStatus.WINNER].experience_id]


def test_edition_results_publish_is_refused_before_the_decision(staff):
    application = make_application(status=ApplicationStatus.IN_REVIEW)
    edition = application.edition

    with pytest.raises(DomainError) as caught:
        edition_results_publish(edition=edition, actor=staff)

    assert caught.value.message == "The results can be published once the jury has reached its decision."
    edition.refresh_from_db()
    assert edition.results_published_at is None


def test_edition_results_publish_is_refused_while_an_application_waits(staff):
    edition = make_edition(phase=EditionPhase.OPEN)
    make_application(edition=edition, status=ApplicationStatus.IN_REVIEW)
    winner = make_application(edition=edition, status=ApplicationStatus.WINNER)

    with pytest.raises(DomainError) as caught:
        edition_results_publish(edition=edition, actor=staff)

    assert "1 still in review" in caught.value.message
    winner.experience.refresh_from_db()
    assert winner.experience.is_award_winning is False


def test_edition_results_publish_is_refused_without_a_winner(staff):
    application = make_application(status=ApplicationStatus.FINALIST)

    with pytest.raises(DomainError) as caught:
        edition_results_publish(edition=application.edition, actor=staff)

    assert "declare the award void" in caught.value.message


def test_edition_results_publish_twice_is_refused(staff):
    edition = make_edition(phase=EditionPhase.RESULTS)

    with pytest.raises(TransitionNotAllowed):
        edition_results_publish(edition=edition, actor=staff)


def test_edition_results_publish_is_refused_to_a_city_editor():
    application = make_application(status=ApplicationStatus.WINNER)
    editor = make_city_editor(application.city)

    with pytest.raises(PermissionRefused):
        edition_results_publish(edition=application.edition, actor=editor)


def test_edition_declare_void_needs_a_statement(staff):
    edition = make_edition(phase=EditionPhase.JURY)
    jury_to_decision(process=edition.review_process)

    with pytest.raises(DomainError):
        edition_declare_void(edition=edition, statement="  ", actor=staff)

    edition.refresh_from_db()
    assert edition.is_void is False


def test_edition_declare_void_leaves_no_winner_and_tells_the_cities(
    staff, django_capture_on_commit_callbacks
):
    edition = make_edition(phase=EditionPhase.OPEN)
    waiting = make_application(edition=edition, status=ApplicationStatus.IN_REVIEW)
    mention = make_application(edition=edition, status=ApplicationStatus.SPECIAL_MENTION)
    make_city_editor(waiting.city)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        edition_declare_void(
            edition=edition, statement="No experience met the theme well enough.", actor=staff
        )

    edition.refresh_from_db()
    waiting.refresh_from_db()
    mention.refresh_from_db()
    assert edition_phase(edition=edition) == EditionPhase.VOID
    assert edition.jury_statement == "No experience met the theme well enough."
    assert waiting.status == ApplicationStatus.NOT_SELECTED
    assert mention.certificate_number == f"ECA-{edition.year}-001"
    assert len(mail.outbox) == 1
    assert "declared the award void" in mail.outbox[0].body


def test_edition_declare_void_is_refused_with_a_winner(staff):
    application = make_application(status=ApplicationStatus.WINNER)

    with pytest.raises(DomainError):
        edition_declare_void(edition=application.edition, statement="Void.", actor=staff)

    application.edition.refresh_from_db()
    assert application.edition.is_void is False


def test_edition_declare_void_is_refused_before_the_decision(staff):
    application = make_application(status=ApplicationStatus.IN_REVIEW)

    with pytest.raises(DomainError):
        edition_declare_void(edition=application.edition, statement="Void.", actor=staff)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_REVIEW


def test_criteria_keep_their_order(staff):
    edition = make_edition(phase=EditionPhase.DRAFT)

    assert list(
        Criterion.objects.filter(process=edition.review_process).values_list("position", flat=True)
    ) == [
        1,
        2,
        3,
        4,
        5,
        6,
    ]
