"""Review processes: creation with translated criteria, settings, criteria, and the one phase transition."""

from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.utils import translation

from educities.core.domain.errors import DomainError, PermissionRefused, TransitionNotAllowed
from educities.core.models import AuditEntry, TextTranslation
from educities.reviews.domain.processes import (
    CriterionSpec,
    criterion_add,
    criterion_delete,
    criterion_translate,
    criterion_update,
    process_create,
    process_phase_change,
    process_update,
)
from educities.reviews.enums import ReviewPhase
from educities.reviews.models import Criterion, Review, ReviewProcess
from tests.factories import CityFactory, StaffFactory, UserFactory
from tests.reviews.factories import assign, make_item, make_juror, make_process, make_review, set_phase

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _texts(criterion: Criterion) -> list[tuple[str, str, str, str]]:
    rows = TextTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(Criterion), object_id=str(criterion.pk)
    ).order_by("field", "language")
    return list(rows.values_list("field", "language", "provenance", "text"))


def test_process_create_makes_criteria_in_order_with_originals_and_translations():
    staff = StaffFactory()

    process = process_create(
        name="Award 2026 jury",
        criteria=[
            CriterionSpec(
                name="Innovation",
                description="Something new.",
                weight=Decimal("2"),
                translations={"fr": ("Innovation", "Quelque chose de nouveau."), "es": ("Innovación", "")},
            ),
            CriterionSpec(name="Impact", description="", weight=Decimal("1.5")),
        ],
        actor=staff,
    )

    assert (process.phase, process.scale_min, process.scale_max, process.reviewers_per_item) == (
        ReviewPhase.SETUP,
        0,
        10,
        3,
    )
    criteria = list(process.criteria.order_by("position"))
    assert [(c.position, c.name, c.weight, c.original_language) for c in criteria] == [
        (1, "Innovation", Decimal("2.00"), "en"),
        (2, "Impact", Decimal("1.50"), "en"),
    ]
    assert _texts(criteria[0]) == [
        ("description", "en", "original", "Something new."),
        ("description", "fr", "human", "Quelque chose de nouveau."),
        ("name", "en", "original", "Innovation"),
        ("name", "es", "human", "Innovación"),
        ("name", "fr", "human", "Innovation"),
    ]
    assert _texts(criteria[1]) == [
        ("description", "en", "original", ""),
        ("name", "en", "original", "Impact"),
    ]
    assert AuditEntry.objects.filter(action="process_create", object_id=str(process.pk)).count() == 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "  "}, "Give the review a name."),
        ({"scale_min": 10, "scale_max": 10}, "The lowest score must be at least 0"),
        ({"scale_min": -1}, "The lowest score must be at least 0"),
        ({"scale_max": "ten"}, "The scale runs between two whole numbers."),
        ({"scale_max": 1001}, "The lowest score must be at least 0"),
        ({"reviewers_per_item": 0}, "Each item needs between 1 and 50 jurors."),
        ({"language": "xx"}, "“xx” is not one of the site’s languages"),
        (
            {"criteria": [CriterionSpec(name="", description="", weight=Decimal(1))]},
            "Give the criterion a name.",
        ),
        ({"criteria": [CriterionSpec(name="A", description="", weight=Decimal(0))]}, "greater than 0"),
        ({"criteria": [CriterionSpec(name="A", description="", weight=Decimal("NaN"))]}, "greater than 0"),
        ({"criteria": [CriterionSpec(name="A", description="", weight="heavy")]}, "A weight is a number"),
        ({"criteria": [CriterionSpec(name="A", description="", weight=Decimal("1.005"))]}, "two decimals"),
        (
            {"criteria": [CriterionSpec(name="A", description="", weight=1, translations={"en": ("A", "")})]},
            "was written in this language",
        ),
        (
            {"criteria": [CriterionSpec(name="A", description="", weight=1, translations={"fr": ("", "d")})]},
            "Give the criterion a name.",
        ),
    ],
)
def test_process_create_refuses_bad_input_and_creates_nothing(kwargs, message):
    arguments = {"name": "Jury", "criteria": [CriterionSpec(name="A", description="", weight=Decimal(1))]}
    arguments.update(kwargs)

    with pytest.raises(DomainError) as error:
        process_create(**arguments)

    assert message in error.value.message
    assert ReviewProcess.objects.count() == 0
    assert Criterion.objects.count() == 0
    assert TextTranslation.objects.count() == 0


def test_process_create_refused_to_a_juror():
    with pytest.raises(PermissionRefused):
        process_create(name="Jury", criteria=[], actor=UserFactory())

    assert ReviewProcess.objects.count() == 0


def test_process_update_changes_settings_and_audits():
    process = make_process()

    process_update(
        process=process, actor=StaffFactory(), scale_max=5, reviewers_per_item=2, outlier_percent=40
    )

    process.refresh_from_db()
    assert (process.scale_min, process.scale_max, process.reviewers_per_item, process.outlier_percent) == (
        0,
        5,
        2,
        40,
    )
    assert AuditEntry.objects.get(action="process_update").comment == (
        "scale_min, scale_max, reviewers_per_item, outlier_percent"
    )


def test_process_update_refuses_the_scale_once_scored():
    process = make_process(phase=ReviewPhase.BLIND)
    make_review(make_item(process), make_juror(process), values=[5, 5, 5])

    with pytest.raises(DomainError, match="The scale cannot change once jurors have scored"):
        process_update(process=process, actor=StaffFactory(), scale_max=20, outlier_percent=30)

    process.refresh_from_db()
    assert (process.scale_max, process.outlier_percent) == (10, 25)


@pytest.mark.parametrize("value", [0, 101, "50%", True])
def test_process_update_refuses_an_outlier_threshold_out_of_range(value):
    process = make_process()

    with pytest.raises(DomainError, match="between 1 and 100"):
        process_update(process=process, actor=StaffFactory(), outlier_percent=value)

    process.refresh_from_db()
    assert process.outlier_percent == 25


def test_criterion_add_puts_it_last_with_its_original_text():
    process = make_process(criteria=2)

    criterion = criterion_add(
        process=process, name="Sustainability", description="Lasts.", weight="0.5", actor=StaffFactory()
    )

    assert (criterion.position, criterion.weight) == (3, Decimal("0.50"))
    assert _texts(criterion) == [
        ("description", "en", "original", "Lasts."),
        ("name", "en", "original", "Sustainability"),
    ]


def test_criterion_add_refused_once_scored():
    process = make_process(phase=ReviewPhase.BLIND, criteria=2)
    make_review(make_item(process), make_juror(process), values=[5, None], complete=False)

    with pytest.raises(DomainError, match="cannot be added once jurors have scored"):
        criterion_add(process=process, name="Late", weight=1, actor=StaffFactory())

    assert process.criteria.count() == 2


def test_criterion_update_reweighs_and_recomputes_totals():
    process = make_process(phase=ReviewPhase.BLIND, criteria=2)
    review = make_review(make_item(process), make_juror(process), values=[4, 8])
    first = process.criteria.get(position=1)
    assert review.total == Decimal("6.000")

    criterion_update(criterion=first, name="First", description="", weight=3, actor=StaffFactory())

    review.refresh_from_db()
    assert review.total == Decimal("5.000")  # (4*3 + 8*1) / 4
    assert _texts(first) == [("description", "en", "original", ""), ("name", "en", "original", "First")]


def test_criterion_update_makes_translations_stale():
    process = process_create(
        name="Jury",
        criteria=[
            CriterionSpec(name="Impact", description="", weight=1, translations={"fr": ("Impact", "")})
        ],
    )
    criterion = process.criteria.get()

    criterion_update(
        criterion=criterion, name="Lasting impact", description="", weight=1, actor=StaffFactory()
    )

    rows = {
        row.language: row.source_digest
        for row in TextTranslation.objects.filter(object_id=str(criterion.pk), field="name")
    }
    assert rows["en"] != rows["fr"]


def test_criterion_delete_refused_once_scored_and_allowed_before():
    process = make_process(phase=ReviewPhase.BLIND, criteria=3)
    first, _second, third = process.criteria.order_by("position")
    make_review(make_item(process), make_juror(process), values={first.pk: 5}, complete=False)

    with pytest.raises(DomainError, match="has scores"):
        criterion_delete(criterion=first, actor=StaffFactory())
    criterion_delete(criterion=third, actor=StaffFactory())

    assert list(process.criteria.values_list("position", flat=True)) == [1, 2]
    assert (
        TextTranslation.objects.filter(object_id=str(third.pk), content_type__model="criterion").count() == 0
    )


def test_criterion_translate_saves_a_human_translation():
    process = make_process(criteria=1)
    criterion = process.criteria.get()

    criterion_translate(
        criterion=criterion, language="ca", name="Criteri 1", description="Què mira.", actor=StaffFactory()
    )

    assert [t for t in _texts(criterion) if t[1] == "ca"] == [
        ("description", "ca", "human", "Què mira."),
        ("name", "ca", "human", "Criteri 1"),
    ]


def test_criterion_translate_refused_to_a_juror():
    process = make_process(criteria=1)
    juror = make_juror(process)

    with pytest.raises(PermissionRefused):
        criterion_translate(
            criterion=process.criteria.get(), language="fr", name="x", description="", actor=juror.user
        )


@pytest.mark.parametrize(
    ("start", "step", "end"),
    [
        (ReviewPhase.SETUP, "open_scoring", ReviewPhase.BLIND),
        (ReviewPhase.BLIND, "deliberate", ReviewPhase.DELIBERATION),
        (ReviewPhase.DELIBERATION, "reopen_scoring", ReviewPhase.BLIND),
        (ReviewPhase.DELIBERATION, "decide", ReviewPhase.DECISION),
        (ReviewPhase.DECISION, "close", ReviewPhase.CLOSED),
    ],
)
def test_process_phase_change_follows_the_steps(start, step, end):
    staff = StaffFactory()
    process = set_phase(make_process(), start)

    process_phase_change(process=process, step=step, actor=staff, comment="Go.")

    assert ReviewProcess.objects.get(pk=process.pk).phase == end
    entry = AuditEntry.objects.get(action=step)
    assert (entry.from_state, entry.to_state, entry.comment, entry.actor) == (start, end, "Go.", staff)


@pytest.mark.parametrize(
    ("start", "step"),
    [
        (ReviewPhase.SETUP, "deliberate"),
        (ReviewPhase.BLIND, "decide"),
        (ReviewPhase.BLIND, "open_scoring"),
        (ReviewPhase.DECISION, "reopen_scoring"),
        (ReviewPhase.CLOSED, "open_scoring"),
    ],
)
def test_process_phase_change_refuses_a_step_from_the_wrong_phase(start, step):
    process = set_phase(make_process(), start)

    with pytest.raises(TransitionNotAllowed):
        process_phase_change(process=process, step=step, actor=StaffFactory())

    assert ReviewProcess.objects.get(pk=process.pk).phase == start
    assert AuditEntry.objects.filter(action=step).count() == 0


def test_process_phase_change_reads_the_phase_from_the_database():
    process = make_process()
    stale = ReviewProcess.objects.get(pk=process.pk)
    process_phase_change(process=process, step="open_scoring", actor=None)

    with pytest.raises(TransitionNotAllowed):
        process_phase_change(process=stale, step="open_scoring", actor=None)

    assert AuditEntry.objects.filter(action="open_scoring").count() == 1


def test_process_phase_change_refuses_an_unknown_step_and_a_juror():
    process = make_process()
    juror = make_juror(process)

    with pytest.raises(DomainError, match="Unknown step"):
        process_phase_change(process=process, step="publish", actor=StaffFactory())
    with pytest.raises(PermissionRefused):
        process_phase_change(process=process, step="open_scoring", actor=juror.user)

    assert ReviewProcess.objects.get(pk=process.pk).phase == ReviewPhase.SETUP


def test_process_phase_change_needs_a_criterion_to_open_scoring():
    process = process_create(name="Empty", criteria=[])

    with pytest.raises(DomainError, match="at least one criterion"):
        process_phase_change(process=process, step="open_scoring", actor=None)

    assert ReviewProcess.objects.get(pk=process.pk).phase == ReviewPhase.SETUP


def test_process_phase_change_emails_each_juror_in_their_language(django_capture_on_commit_callbacks):
    process = make_process(name="Award 2026")
    make_juror(process, user=UserFactory(email="ana@example.org", language="ca"))
    make_juror(process, user=UserFactory(email="bob@example.org", language="en"))
    make_juror(process, user=UserFactory(email="odd@example.org", language="xx"))

    with django_capture_on_commit_callbacks(execute=True):
        process_phase_change(process=process, step="open_scoring", actor=StaffFactory(), comment="Welcome.")

    sent = sorted((m.to[0], m.subject) for m in mail.outbox)
    with translation.override("ca"):
        catalan = str(ReviewPhase.BLIND.label)
    assert catalan != "Blind scoring"
    assert sent == [
        ("ana@example.org", f"Award 2026: {catalan}"),
        ("bob@example.org", "Award 2026: Blind scoring"),
        ("odd@example.org", "Award 2026: Blind scoring"),
    ]
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert f"/ca/jury/{process.pk}/" in bodies["ana@example.org"]
    assert f"/en/jury/{process.pk}/" in bodies["bob@example.org"]
    assert f"/en/jury/{process.pk}/" in bodies["odd@example.org"]
    assert "Welcome." in bodies["bob@example.org"]
    assert "score them" in bodies["bob@example.org"]


def test_process_phase_change_rolls_back_sends_nothing_on_failure(django_capture_on_commit_callbacks):
    process = make_process(phase=ReviewPhase.BLIND)
    make_juror(process)

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(TransitionNotAllowed):
        process_phase_change(process=process, step="close", actor=None)

    assert mail.outbox == []


def test_reviews_survive_a_phase_round_trip():
    process = make_process(phase=ReviewPhase.BLIND)
    item = make_item(process, city=CityFactory())
    juror = make_juror(process)
    assign(juror, item)
    make_review(item, juror, values=[1, 2, 3])

    process_phase_change(process=process, step="deliberate", actor=None)
    process_phase_change(process=process, step="reopen_scoring", actor=None)

    assert Review.objects.get().total == Decimal("2.000")
