"""A juror's scores: totals, completion, optimistic locking, hostile input; and the deliberation notes."""

from decimal import Decimal

import pytest

from educities.core.domain.errors import DomainError, PermissionRefused
from educities.core.models import AuditEntry
from educities.reviews.domain.items import item_deactivate
from educities.reviews.domain.jury import conflict_add
from educities.reviews.domain.scoring import ScoreInput, ScoresInvalid, StaleReview, note_add, review_save
from educities.reviews.enums import ConflictKind, ReviewPhase
from educities.reviews.models import Note, Review, Score
from tests.factories import StaffFactory, UserFactory
from tests.reviews.factories import assign, make_item, make_juror, make_process, make_review, set_phase

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def jury():
    """A process in blind scoring (criteria weighted 2, 1, 1), one item, one assigned juror."""
    process = make_process(phase=ReviewPhase.BLIND, weights=[2, 1, 1])
    item = make_item(process)
    juror = make_juror(process)
    assign(juror, item)
    criteria = list(process.criteria.order_by("position").values_list("pk", flat=True))
    return process, item, juror, criteria


def _snapshot():
    """Everything a refused save must leave as it was."""
    return (
        list(Review.objects.order_by("pk").values_list("pk", "version", "total", "comment", "submitted_at")),
        list(
            Score.objects.order_by("pk").values_list(
                "review_id", "criterion_id", "value", "not_applicable", "comment"
            )
        ),
        AuditEntry.objects.count(),
    )


def _save(item, user, criteria, values, *, version=0, complete=False, comment=""):
    scores = {
        cid: ScoreInput(value=None, not_applicable=True) if v == "n/a" else ScoreInput(value=v)
        for cid, v in zip(criteria, values, strict=False)
    }
    return review_save(
        item=item, actor=user, scores=scores, version=version, complete=complete, comment=comment
    )


def test_review_save_creates_the_review_with_its_weighted_total(jury):
    _process, item, juror, criteria = jury

    review = _save(item, juror.user, criteria, [Decimal("8"), Decimal("5.5"), "n/a"], comment="Solid.")

    assert (review.version, review.total, review.comment, review.submitted_at) == (
        1,
        Decimal("7.167"),  # (8×2 + 5.5×1) / 3: n/a is left out, never counted as zero
        "Solid.",
        None,
    )
    assert list(review.scores.order_by("criterion__position").values_list("value", "not_applicable")) == [
        (Decimal("8.00"), False),
        (Decimal("5.50"), False),
        (None, True),
    ]
    entry = AuditEntry.objects.get(action="review_save")
    assert (entry.from_state, entry.to_state, entry.actor) == ("0", "1", juror.user)


def test_review_save_keeps_criteria_left_out_and_recomputes_the_total(jury):
    _process, item, juror, criteria = jury
    _save(item, juror.user, criteria, [Decimal(2), Decimal(4), Decimal(6)])

    review = review_save(
        item=item, actor=juror.user, scores={criteria[0]: ScoreInput(value=Decimal(10))}, version=1
    )

    assert (review.version, review.total) == (2, Decimal("7.500"))  # (10×2 + 4 + 6) / 4
    assert Score.objects.count() == 3


def test_review_save_all_not_applicable_has_no_total(jury):
    _process, item, juror, criteria = jury

    review = _save(item, juror.user, criteria, ["n/a", "n/a", "n/a"], complete=True)

    assert review.total is None
    assert review.submitted_at is not None


def test_review_save_complete_needs_every_criterion(jury):
    _process, item, juror, criteria = jury
    _save(item, juror.user, criteria, [Decimal(5)])
    before = _snapshot()

    with pytest.raises(ScoresInvalid) as error:
        review_save(
            item=item,
            actor=juror.user,
            scores={criteria[1]: ScoreInput(value=None)},
            version=1,
            complete=True,
        )

    message = "Score this criterion or mark it as not applicable before completing."
    assert error.value.errors == {criteria[1]: message, criteria[2]: message}
    assert _snapshot() == before


def test_review_save_complete_then_back_to_draft(jury):
    _process, item, juror, criteria = jury
    complete = _save(item, juror.user, criteria, [Decimal(5), Decimal(6), Decimal(7)], complete=True)
    marked = complete.submitted_at

    again = _save(item, juror.user, criteria, [Decimal(5), Decimal(6), Decimal(8)], version=1, complete=True)
    draft = _save(item, juror.user, criteria, [Decimal(5)], version=2)

    assert again.submitted_at == marked  # still the time it was first marked complete
    assert (draft.version, draft.submitted_at) == (3, None)
    assert AuditEntry.objects.filter(action="review_complete").count() == 2


# Optimistic locking


def test_review_save_from_a_second_tab_with_an_old_version_is_stale(jury):
    _process, item, juror, criteria = jury
    _save(item, juror.user, criteria, [Decimal(5), Decimal(5), Decimal(5)])
    # Both tabs loaded version 1; the first saves.
    _save(item, juror.user, criteria, [Decimal(9), Decimal(9), Decimal(9)], version=1)
    before = _snapshot()

    with pytest.raises(StaleReview) as error:
        _save(item, juror.user, criteria, [Decimal(1), Decimal(1), Decimal(1)], version=1)

    assert error.value.review.version == 2
    assert error.value.review.total == Decimal("9.000")
    assert "changed elsewhere" in error.value.message
    assert _snapshot() == before
    assert list(Score.objects.values_list("value", flat=True).distinct()) == [Decimal("9.00")]


def test_review_save_first_save_from_two_tabs_is_stale_the_second_time(jury):
    _process, item, juror, criteria = jury
    _save(item, juror.user, criteria, [Decimal(5)])
    before = _snapshot()

    with pytest.raises(StaleReview) as error:
        _save(item, juror.user, criteria, [Decimal(7)], version=0)

    assert error.value.review.version == 1
    assert _snapshot() == before


def test_review_save_with_a_version_but_no_review_is_stale(jury):
    _process, item, juror, criteria = jury

    with pytest.raises(StaleReview) as error:
        _save(item, juror.user, criteria, [Decimal(7)], version=3)

    assert error.value.review is None
    assert Review.objects.count() == 0


def test_review_save_two_jurors_of_the_same_item_both_succeed(jury):
    process, item, first, criteria = jury
    second = make_juror(process)
    assign(second, item)

    mine = _save(item, first.user, criteria, [Decimal(4), Decimal(4), Decimal(4)], version=0)
    theirs = _save(item, second.user, criteria, [Decimal(8), Decimal(8), Decimal(8)], version=0)

    assert (mine.version, mine.total, theirs.version, theirs.total) == (
        1,
        Decimal("4.000"),
        1,
        Decimal("8.000"),
    )


@pytest.mark.parametrize("version", [-1, "1", None, True, 1.0])
def test_review_save_refuses_a_version_that_is_not_a_count(jury, version):
    _process, item, juror, criteria = jury

    with pytest.raises(DomainError, match="Reload the page"):
        _save(item, juror.user, criteria, [Decimal(7)], version=version)

    assert Review.objects.count() == 0


# Hostile input: a clear error per criterion, nothing changed


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (Decimal("10.01"), "A score is between 0 and 10."),
        (Decimal("-1"), "A score is between 0 and 10."),
        (11, "A score is between 0 and 10."),
        ("seven", "A score is a number, such as 7 or 7.5."),
        ("7,5", "A score is a number, such as 7 or 7.5."),
        (Decimal("NaN"), "A score is a number, such as 7 or 7.5."),
        (Decimal("sNaN"), "A score is a number, such as 7 or 7.5."),
        (Decimal("Infinity"), "A score is a number, such as 7 or 7.5."),
        (Decimal("-Infinity"), "A score is a number, such as 7 or 7.5."),
        (7.5, "A score is a number, such as 7 or 7.5."),
        (True, "A score is a number, such as 7 or 7.5."),
        ([7], "A score is a number, such as 7 or 7.5."),
        (Decimal("7.555"), "A score has at most two decimals."),
        (Decimal("1E+1000"), "A score is between 0 and 10."),
    ],
)
def test_review_save_refuses_a_bad_value_and_changes_nothing(jury, value, message):
    _process, item, juror, criteria = jury
    _save(item, juror.user, criteria, [Decimal(5), Decimal(5), Decimal(5)])
    before = _snapshot()

    with pytest.raises(ScoresInvalid) as error:
        review_save(
            item=item,
            actor=juror.user,
            scores={criteria[0]: ScoreInput(value=Decimal(6)), criteria[1]: ScoreInput(value=value)},
            version=1,
        )

    assert error.value.errors == {criteria[1]: message}
    assert error.value.message == "Some scores need correcting: nothing was saved."
    assert _snapshot() == before


def test_review_save_accepts_decimal_text_and_whole_numbers(jury):
    _process, item, juror, criteria = jury

    review = review_save(
        item=item,
        actor=juror.user,
        scores={
            criteria[0]: ScoreInput(value=" 7.25 "),
            criteria[1]: ScoreInput(value=10),
            criteria[2]: ScoreInput(value="0"),
        },
        version=0,
    )

    assert list(review.scores.order_by("criterion__position").values_list("value", flat=True)) == [
        Decimal("7.25"),
        Decimal("10.00"),
        Decimal("0.00"),
    ]


def test_review_save_refuses_unknown_and_foreign_criteria(jury):
    _process, item, juror, criteria = jury
    foreign = make_process(criteria=1).criteria.get().pk
    before = _snapshot()

    with pytest.raises(ScoresInvalid) as error:
        review_save(
            item=item,
            actor=juror.user,
            scores={
                criteria[0]: ScoreInput(value=Decimal(5)),
                999_999: ScoreInput(value=Decimal(5)),
                foreign: ScoreInput(value=Decimal(5)),
                str(criteria[1]): ScoreInput(value=Decimal(5)),
                criteria[2]: {"value": 5},
            },
            version=0,
        )

    unknown = "This criterion is not one of this review’s."
    assert error.value.errors == {
        999_999: unknown,
        foreign: unknown,
        str(criteria[1]): unknown,
        criteria[2]: "This input is not a score.",
    }
    assert _snapshot() == before


def test_review_save_refuses_a_value_with_not_applicable(jury):
    _process, item, juror, criteria = jury

    with pytest.raises(ScoresInvalid) as error:
        review_save(
            item=item,
            actor=juror.user,
            scores={criteria[0]: ScoreInput(value=Decimal(5), not_applicable=True)},
            version=0,
        )

    assert error.value.errors == {
        criteria[0]: "Either give a score or mark the criterion as not applicable, not both."
    }
    assert Review.objects.count() == 0


@pytest.mark.parametrize(
    ("comment", "message"),
    [("Bad\x00byte", "control characters"), ("x" * 10_001, "at most 10000 characters")],
)
def test_review_save_refuses_a_hostile_comment(jury, comment, message):
    _process, item, juror, criteria = jury

    with pytest.raises(DomainError, match=message):
        _save(item, juror.user, criteria, [Decimal(5)], comment=comment)
    with pytest.raises(ScoresInvalid) as error:
        review_save(
            item=item, actor=juror.user, scores={criteria[0]: ScoreInput(value=1, comment=comment)}, version=0
        )

    assert message in error.value.errors[criteria[0]]
    assert Review.objects.count() == 0


def test_review_save_keeps_line_breaks_in_comments(jury):
    _process, item, juror, criteria = jury

    review = _save(item, juror.user, criteria, [Decimal(5)], comment="Line one\r\n\tLine two")

    assert review.comment == "Line one\r\n\tLine two"


def test_review_save_refuses_a_juror_not_assigned(jury):
    process, item, _juror, criteria = jury
    other = make_juror(process)

    with pytest.raises(PermissionRefused, match="not assigned to you"):
        _save(item, other.user, criteria, [Decimal(5)])

    assert Review.objects.count() == 0


def test_review_save_refuses_a_conflicted_juror_even_with_a_review_already(jury):
    _process, item, juror, criteria = jury
    _save(item, juror.user, criteria, [Decimal(5)])
    conflict_add(reviewer=juror, item=item, kind=ConflictKind.PERSONAL, actor=StaffFactory())
    before = _snapshot()

    with pytest.raises(PermissionRefused, match="conflict of interest"):
        _save(item, juror.user, criteria, [Decimal(9)], version=1)

    assert _snapshot() == before


@pytest.mark.parametrize("phase", [ReviewPhase.SETUP, ReviewPhase.DECISION, ReviewPhase.CLOSED])
def test_review_save_refused_outside_the_scoring_phases(jury, phase):
    process, item, juror, criteria = jury
    _save(item, juror.user, criteria, [Decimal(5)])
    set_phase(process, phase)
    before = _snapshot()

    with pytest.raises(DomainError, match="only while scoring is open"):
        _save(item, juror.user, criteria, [Decimal(9)], version=1)

    assert _snapshot() == before


def test_review_save_allowed_in_deliberation(jury):
    process, item, juror, criteria = jury
    set_phase(process, ReviewPhase.DELIBERATION)

    assert _save(item, juror.user, criteria, [Decimal(9)]).version == 1


def test_review_save_reads_the_phase_from_the_database_not_the_object(jury):
    process, item, juror, criteria = jury
    set_phase(make_process(), ReviewPhase.DECISION)
    type(process).objects.filter(pk=process.pk).update(phase=ReviewPhase.DECISION)  # item.process says blind

    with pytest.raises(DomainError, match="only while scoring is open"):
        _save(item, juror.user, criteria, [Decimal(9)])

    assert Review.objects.count() == 0


def test_review_save_refused_on_a_withdrawn_item(jury):
    _process, item, juror, criteria = jury
    item_deactivate(item=item, actor=None)

    with pytest.raises(DomainError, match="withdrawn"):
        _save(item, juror.user, criteria, [Decimal(9)])

    assert Review.objects.count() == 0


@pytest.mark.parametrize("who", ["anonymous", "stranger", "staff"])
def test_review_save_refused_to_anyone_but_a_juror(jury, who):
    from django.contrib.auth.models import AnonymousUser

    _process, item, _juror, criteria = jury
    actor = {"anonymous": AnonymousUser(), "stranger": UserFactory(), "staff": StaffFactory()}[who]

    with pytest.raises(PermissionRefused):
        _save(item, actor, criteria, [Decimal(9)])

    assert Review.objects.count() == 0


# Notes


@pytest.fixture
def deliberation(jury):
    process, item, juror, _criteria = jury
    make_review(item, juror, values=[5, 5, 5])
    set_phase(process, ReviewPhase.DELIBERATION)
    return process, item, juror


def test_note_add_threads_a_reply(deliberation):
    _process, item, juror = deliberation
    staff = StaffFactory()

    note = note_add(item=item, actor=juror.user, body="  Strong on participation.  ")
    reply = note_add(item=item, actor=staff, body="Agreed.", parent=note)

    assert (note.body, note.author, reply.parent) == ("Strong on participation.", juror.user, note)
    assert AuditEntry.objects.filter(action="note_add").count() == 2


def test_note_add_refuses_a_parent_of_another_item(deliberation):
    process, item, juror = deliberation
    other = make_item(process)
    elsewhere = note_add(item=other, actor=StaffFactory(), body="About the other one.")

    with pytest.raises(DomainError, match="same item"):
        note_add(item=item, actor=juror.user, body="Reply", parent=elsewhere)

    assert Note.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "message"),
    [("", "Write your message"), (" \n\t ", "Write your message"), ("a\x1bb", "control characters")],
)
def test_note_add_refuses_an_empty_or_hostile_body(deliberation, body, message):
    _process, item, juror = deliberation

    with pytest.raises(DomainError, match=message):
        note_add(item=item, actor=juror.user, body=body)

    assert Note.objects.count() == 0


def test_note_add_refused_to_a_conflicted_juror_and_in_blind_phase(deliberation):
    process, item, juror = deliberation
    conflicted = make_juror(process)
    conflict_add(reviewer=conflicted, item=item, kind=ConflictKind.PERSONAL, actor=None)

    with pytest.raises(PermissionRefused):
        note_add(item=item, actor=conflicted.user, body="Let me weigh in.")
    set_phase(process, ReviewPhase.BLIND)
    with pytest.raises(PermissionRefused):
        note_add(item=item, actor=juror.user, body="Too early.")

    assert Note.objects.count() == 0
