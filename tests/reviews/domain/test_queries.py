"""What the jury reads: totals, aggregates, the ranking with its tie-breaks, dashboards and visibility."""

from decimal import Decimal

import pytest

from educities.reviews.domain.items import item_deactivate, item_tie_break_set
from educities.reviews.domain.jury import conflict_add
from educities.reviews.domain.queries import (
    item_notes,
    item_reviews_visible,
    jury_items_for,
    process_aggregates,
    process_overview,
    process_ranking,
    review_total,
)
from educities.reviews.domain.scoring import note_add
from educities.reviews.enums import ConflictKind, ReviewPhase, TieBreak
from educities.reviews.rules import jury_seat_forget
from tests.factories import StaffFactory, UserFactory
from tests.reviews.factories import assign, make_item, make_juror, make_process, make_review, set_phase

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

D = Decimal


# review_total (pure)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("scores", "weights", "expected"),
    [
        ({1: D(8), 2: D(4)}, {1: D(1), 2: D(1)}, D("6.000")),
        ({1: D(8), 2: D(4)}, {1: D(3), 2: D(1)}, D("7.000")),
        ({1: D(8), 2: None}, {1: D(1), 2: D(5)}, D("8.000")),  # n/a is left out, not zero
        ({1: None, 2: None}, {1: D(1), 2: D(1)}, None),
        ({}, {1: D(1)}, None),
        ({1: D(10), 2: D(0), 3: D(0)}, {1: D(1), 2: D(1), 3: D(1)}, D("3.333")),
        ({1: D(10), 2: D(10), 3: D(0)}, {1: D(1), 2: D(1), 3: D(1)}, D("6.667")),
        ({1: D("7.5"), 9: D(0)}, {1: D("0.5")}, D("7.500")),  # a criterion without weight is ignored
    ],
)
def test_review_total_is_the_weighted_mean_of_scored_criteria(scores, weights, expected):
    assert review_total(scores=scores, weights=weights) == expected


# Aggregates


def _scored(process, item, totals):
    """One juror per value; with one criterion a review's total is its value."""
    reviews = []
    for value in totals:
        juror = make_juror(process)
        reviews.append(make_review(item, juror, values=[value] * process.criteria.count()))
    return reviews


def test_process_aggregates_of_one_item():
    process = make_process(phase=ReviewPhase.BLIND, criteria=1)
    item = make_item(process)
    low, middle, high = _scored(process, item, [4, 6, 9])

    aggregate = process_aggregates(process=process)[item.pk]

    assert (aggregate.reviews, aggregate.mean, aggregate.median, aggregate.stdev, aggregate.spread) == (
        3,
        D("6.333"),
        D("6.000"),
        D("2.055"),  # population standard deviation
        D("5.000"),
    )
    # Threshold: 25 % of the 0-10 scale = 2.5; 9 is 3 from the median 6, 4 only 2.
    assert aggregate.outlier_review_ids == {high.pk}
    assert aggregate.is_divergent is True
    assert aggregate.totals == {low.pk: D("4.000"), middle.pk: D("6.000"), high.pk: D("9.000")}


def test_process_aggregates_criterion_means_leave_not_applicable_out():
    process = make_process(phase=ReviewPhase.BLIND, criteria=3)
    item = make_item(process)
    make_review(item, make_juror(process), values=[8, None, 2])
    make_review(item, make_juror(process), values=[6, None, 3])
    first, second, third = process.criteria.order_by("position").values_list("pk", flat=True)

    aggregate = process_aggregates(process=process)[item.pk]

    assert aggregate.criterion_means == {first: D("7.000"), second: None, third: D("2.500")}
    assert (aggregate.mean, aggregate.is_divergent, aggregate.outlier_review_ids) == (
        D("4.750"),
        False,
        set(),
    )


def test_process_aggregates_exclude_conflicted_jurors_inactive_items_and_reviews_without_total():
    process = make_process(phase=ReviewPhase.BLIND, criteria=1)
    item, gone, empty = make_item(process), make_item(process), make_item(process)
    counted = _scored(process, item, [5])[0]
    conflicted = make_juror(process)
    make_review(item, conflicted, values=[10])
    conflict_add(reviewer=conflicted, item=item, kind=ConflictKind.PROFESSIONAL, actor=None)
    make_review(item, make_juror(process), values=[None])  # only n/a: no total
    make_review(item, make_juror(process), values=[7], complete=False)  # a draft with a total counts
    _scored(process, gone, [3])
    item_deactivate(item=gone, actor=None)

    aggregates = process_aggregates(process=process)

    assert set(aggregates) == {item.pk, empty.pk}
    assert (aggregates[item.pk].reviews, aggregates[item.pk].mean) == (2, D("6.000"))
    assert counted.pk in aggregates[item.pk].totals
    assert (aggregates[empty.pk].reviews, aggregates[empty.pk].mean, aggregates[empty.pk].is_divergent) == (
        0,
        None,
        False,
    )


def test_process_aggregates_single_review_has_zero_spread():
    process = make_process(phase=ReviewPhase.BLIND, criteria=1)
    item = make_item(process)
    _scored(process, item, [7])

    aggregate = process_aggregates(process=process)[item.pk]

    assert (aggregate.stdev, aggregate.spread, aggregate.outlier_review_ids, aggregate.is_divergent) == (
        D("0.000"),
        D("0.000"),
        set(),
        False,
    )


def _process_with(items: int):
    process = make_process(phase=ReviewPhase.BLIND, criteria=2)
    jurors = [make_juror(process) for _ in range(3)]
    for n in range(items):
        item = make_item(process)
        for juror in jurors:
            make_review(item, juror, values=[n % 10, (n * 3) % 10])
    return process


@pytest.mark.parametrize("items", [2, 20])
def test_process_aggregates_and_ranking_read_a_constant_number_of_queries(items, django_assert_num_queries):
    process = _process_with(items)

    with django_assert_num_queries(3):
        assert len(process_aggregates(process=process)) == items
    with django_assert_num_queries(5):
        assert len(process_ranking(process=process)) == items


# Ranking


def _ranking_rows(process):
    return [(row.rank, row.item.title, row.tie_break) for row in process_ranking(process=process)]


def test_process_ranking_by_mean_with_unscored_items_last():
    process = make_process(phase=ReviewPhase.BLIND, criteria=1)
    low, high = make_item(process, title="Low"), make_item(process, title="High")
    make_item(process, title="Unscored")
    _scored(process, low, [3, 4])
    _scored(process, high, [8, 9])

    assert _ranking_rows(process) == [
        (1, "High", TieBreak.NONE),
        (2, "Low", TieBreak.NONE),
        (3, "Unscored", TieBreak.NONE),
    ]


def test_process_ranking_tie_broken_by_median():
    process = make_process(phase=ReviewPhase.BLIND, criteria=1)
    skewed, steady = make_item(process, title="Skewed"), make_item(process, title="Steady")
    _scored(process, skewed, [5, 5, 8])  # mean 6, median 5
    _scored(process, steady, [6, 6, 6])  # mean 6, median 6

    assert _ranking_rows(process) == [(1, "Steady", TieBreak.NONE), (2, "Skewed", TieBreak.MEDIAN)]


def test_process_ranking_tie_broken_by_criteria_in_their_order():
    process = make_process(phase=ReviewPhase.BLIND, criteria=2)
    second_strong, first_strong = make_item(process, title="B"), make_item(process, title="A")
    juror = make_juror(process)
    make_review(second_strong, juror, values=[4, 8])
    make_review(first_strong, juror, values=[8, 4])

    assert _ranking_rows(process) == [(1, "A", TieBreak.NONE), (2, "B", TieBreak.CRITERIA)]


def test_process_ranking_tie_broken_by_the_staff_order():
    process = make_process(phase=ReviewPhase.BLIND, criteria=1)
    first, second, third = (make_item(process, title=t) for t in ("First", "Second", "Third"))
    juror = make_juror(process)
    for item in (first, second, third):
        make_review(item, juror, values=[5])
    set_phase(process, ReviewPhase.DELIBERATION)
    item_tie_break_set(item=third, rank=1, reason="Wider reach.", actor=StaffFactory())
    item_tie_break_set(item=first, rank=2, reason="Wider reach.", actor=StaffFactory())

    assert _ranking_rows(process) == [
        (1, "Third", TieBreak.NONE),
        (2, "First", TieBreak.STAFF),
        (3, "Second", TieBreak.STAFF),  # no staff order: after those with one
    ]


def test_process_ranking_unbroken_tie_shares_the_rank():
    process = make_process(phase=ReviewPhase.BLIND, criteria=2)
    top, twin_a, twin_b, last = (make_item(process, title=t) for t in ("Top", "Twin A", "Twin B", "Last"))
    juror = make_juror(process)
    make_review(top, juror, values=[9, 9])
    make_review(twin_a, juror, values=[6, 4])
    make_review(twin_b, juror, values=[6, 4])
    make_review(last, juror, values=[1, 1])

    assert _ranking_rows(process) == [
        (1, "Top", TieBreak.NONE),
        (2, "Twin A", TieBreak.NONE),
        (2, "Twin B", TieBreak.UNBROKEN),
        (4, "Last", TieBreak.NONE),
    ]


def test_process_ranking_leaves_out_inactive_items():
    process = make_process(phase=ReviewPhase.BLIND, criteria=1)
    kept, gone = make_item(process, title="Kept"), make_item(process, title="Gone")
    _scored(process, kept, [5])
    _scored(process, gone, [9])
    item_deactivate(item=gone, actor=None)

    assert _ranking_rows(process) == [(1, "Kept", TieBreak.NONE)]


# A juror's dashboard and what each one may read


@pytest.fixture
def panel():
    """Blind scoring; juror ``ana`` assigned to A and B, conflicted with C; ``ben`` assigned to A and C."""
    process = make_process(phase=ReviewPhase.BLIND, criteria=1)
    a, b, c = (make_item(process, title=t) for t in ("A", "B", "C"))
    d = make_item(process, title="D (withdrawn)")
    ana, ben = make_juror(process), make_juror(process)
    assign(ana, a, b, d)
    assign(ben, a, c)
    conflict_add(reviewer=ana, item=c, kind=ConflictKind.PERSONAL, actor=None)
    make_review(a, ana, values=[7])
    make_review(b, ana, values=[6], complete=False)
    make_review(a, ben, values=[3])
    make_review(c, ben, values=[4])
    item_deactivate(item=d, actor=None)
    for juror in (ana, ben):
        jury_seat_forget(juror.user)
    return process, (a, b, c), ana, ben


def test_jury_items_for_in_blind_phase_lists_assigned_items_with_own_state(panel):
    process, (_a, _b, _c), ana, _ben = panel

    rows = jury_items_for(process=process, user=ana.user)

    assert [(r.item.title, r.is_assigned, r.state, r.review.total) for r in rows] == [
        ("A", True, "complete", D("7.000")),
        ("B", True, "draft", D("6.000")),
    ]


def test_jury_items_for_from_deliberation_lists_every_item_but_conflicted(panel):
    process, _items, ana, ben = panel
    set_phase(process, ReviewPhase.DELIBERATION)
    newcomer = make_juror(process)

    assert [
        (r.item.title, r.is_assigned, r.state) for r in jury_items_for(process=process, user=ana.user)
    ] == [
        ("A", True, "complete"),
        ("B", True, "draft"),
    ]
    assert [(r.item.title, r.state) for r in jury_items_for(process=process, user=ben.user)] == [
        ("A", "complete"),
        ("B", "not_started"),
        ("C", "complete"),
    ]
    assert [r.item.title for r in jury_items_for(process=process, user=newcomer.user)] == ["A", "B", "C"]


def test_jury_items_for_anyone_else_is_empty(panel):
    process, _items, _ana, _ben = panel

    assert jury_items_for(process=process, user=UserFactory()) == []
    assert jury_items_for(process=process, user=StaffFactory()) == []


@pytest.mark.parametrize("items", [2, 20])
def test_jury_items_for_reads_a_constant_number_of_queries(items, django_assert_num_queries):
    process = make_process(phase=ReviewPhase.DELIBERATION, criteria=1)
    juror = make_juror(process)
    for _ in range(items):
        make_item(process)
    user = type(juror.user).objects.get(pk=juror.user.pk)

    with django_assert_num_queries(5):  # the seat (3), the items, the own reviews
        assert len(jury_items_for(process=process, user=user)) == items


def test_item_reviews_visible_in_blind_phase_own_only(panel):
    _process, (a, _b, c), ana, ben = panel

    assert [r.reviewer_id for r in item_reviews_visible(item=a, user=ana.user)] == [ana.pk]
    assert [r.reviewer_id for r in item_reviews_visible(item=c, user=ben.user)] == [ben.pk]
    assert item_reviews_visible(item=c, user=ana.user) == []
    assert item_reviews_visible(item=a, user=UserFactory()) == []


def test_item_reviews_visible_from_deliberation_all_but_conflicted_jurors(panel):
    process, (a, _b, c), ana, ben = panel
    make_review(c, make_juror(process), values=[8])  # a third juror, conflicted below
    third = c.reviews.order_by("-pk").first().reviewer
    conflict_add(reviewer=third, item=c, kind=ConflictKind.PROFESSIONAL, actor=None)
    set_phase(process, ReviewPhase.DELIBERATION)

    assert {r.reviewer_id for r in item_reviews_visible(item=a, user=ben.user)} == {ana.pk, ben.pk}
    assert {r.reviewer_id for r in item_reviews_visible(item=c, user=ben.user)} == {ben.pk}
    assert item_reviews_visible(item=c, user=ana.user) == []
    assert {r.reviewer_id for r in item_reviews_visible(item=c, user=StaffFactory())} == {ben.pk, third.pk}


def test_item_notes_in_threaded_order_with_depth():
    process = make_process(phase=ReviewPhase.DELIBERATION)
    item = make_item(process)
    staff = StaffFactory()
    first = note_add(item=item, actor=staff, body="1")
    second = note_add(item=item, actor=staff, body="2")
    reply = note_add(item=item, actor=staff, body="1.1", parent=first)
    note_add(item=item, actor=staff, body="2.1", parent=second)
    note_add(item=item, actor=staff, body="1.1.1", parent=reply)
    note_add(item=item, actor=staff, body="1.2", parent=first)

    assert [(n.body, n.depth) for n in item_notes(item=item)] == [
        ("1", 0),
        ("1.1", 1),
        ("1.1.1", 2),
        ("1.2", 1),
        ("2", 0),
        ("2.1", 1),
    ]


def test_process_overview_counts_loads_and_conflicts(panel):
    process, (_a, _b, c), ana, ben = panel

    overview = process_overview(process=process)

    # Ana: A and B (D is withdrawn), both reviewed, B still a draft, conflicted with C.
    assert {j.reviewer.pk: (j.assigned, j.reviewed, j.completed, j.conflicts) for j in overview.jurors} == {
        ana.pk: (2, 2, 1, 1),
        ben.pk: (2, 2, 2, 0),
    }
    assert [(i.item.title, i.assigned, i.reviews, i.conflicts) for i in overview.items] == [
        ("A", 2, 2, 0),
        ("B", 1, 1, 0),
        ("C", 1, 1, 1),
        ("D (withdrawn)", 1, 0, 0),
    ]
    assert [(x.reviewer_id, x.item_id, x.kind) for x in overview.conflicts] == [
        (ana.pk, c.pk, ConflictKind.PERSONAL)
    ]
