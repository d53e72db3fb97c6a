"""The jury: jurors, conflicts of interest (automatic, declared, staff) and assignments."""

from collections import Counter

import pytest
from django.core import mail

from educities.core.domain.errors import DomainError, PermissionRefused
from educities.core.models import AuditEntry
from educities.reviews.domain.jury import (
    assignment_remove,
    assignments_auto,
    assignments_bulk,
    conflict_add,
    conflict_declare,
    conflict_pin,
    conflict_remove,
    conflicts_refresh,
    reviewer_add,
    reviewer_remove,
    reviewer_update,
)
from educities.reviews.enums import ConflictKind, ConflictSource, ReviewPhase
from educities.reviews.models import Assignment, Conflict, ConflictWaiver, Review, Reviewer
from educities.reviews.rules import jury_seat
from tests.factories import CityFactory, CountryFactory, NetworkMembershipFactory, StaffFactory, UserFactory
from tests.reviews.factories import assign, make_item, make_juror, make_process, make_review, set_phase

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _pairs(queryset) -> set[tuple[int, int]]:
    return set(queryset.values_list("reviewer_id", "item_id"))


# Jurors


def test_reviewer_add_defaults_the_country_to_the_city_and_finds_conflicts():
    spain = CountryFactory(code="ES")
    granollers = CityFactory(country=spain)
    process = make_process()
    item = make_item(process, city=granollers)
    staff = StaffFactory()

    juror = reviewer_add(
        process=process, user=UserFactory(), city=granollers, organisation=" Diputació ", actor=staff
    )

    assert (juror.country, juror.organisation) == (spain, "Diputació")
    assert set(Conflict.objects.filter(reviewer=juror, item=item).values_list("kind", flat=True)) == {
        ConflictKind.SAME_CITY,
        ConflictKind.SAME_COUNTRY,
    }
    assert AuditEntry.objects.filter(action="reviewer_add").count() == 1


def test_reviewer_add_refuses_a_second_seat_an_inactive_user_and_a_juror_actor():
    process = make_process()
    juror = make_juror(process)

    with pytest.raises(DomainError, match="already a juror"):
        reviewer_add(process=process, user=juror.user, actor=StaffFactory())
    with pytest.raises(DomainError, match="active user account"):
        reviewer_add(process=process, user=UserFactory(is_active=False), actor=StaffFactory())
    with pytest.raises(PermissionRefused):
        reviewer_add(process=process, user=UserFactory(), actor=juror.user)

    assert Reviewer.objects.count() == 1


def test_reviewer_add_refused_while_deciding():
    process = set_phase(make_process(), ReviewPhase.DECISION)

    with pytest.raises(DomainError, match="frozen"):
        reviewer_add(process=process, user=UserFactory(), actor=StaffFactory())

    assert Reviewer.objects.count() == 0


def test_reviewer_update_moves_the_automatic_conflicts_and_keeps_the_others():
    spain, france = CountryFactory(code="ES"), CountryFactory(code="FR")
    granollers, lyon = CityFactory(country=spain), CityFactory(country=france)
    process = make_process()
    spanish_item, french_item = make_item(process, city=granollers), make_item(process, city=lyon)
    juror = make_juror(process, city=granollers)
    conflict_add(
        reviewer=juror, item=spanish_item, kind=ConflictKind.PERSONAL, note="Friend", actor=StaffFactory()
    )

    reviewer_update(reviewer=juror, city=lyon, country=None, organisation="", actor=StaffFactory())

    assert set(Conflict.objects.values_list("item_id", "kind", "source")) == {
        (spanish_item.pk, ConflictKind.PERSONAL, ConflictSource.STAFF),
        (french_item.pk, ConflictKind.SAME_CITY, ConflictSource.AUTOMATIC),
        (french_item.pk, ConflictKind.SAME_COUNTRY, ConflictSource.AUTOMATIC),
    }


def test_reviewer_remove_refused_once_they_reviewed():
    process = make_process(phase=ReviewPhase.BLIND)
    item = make_item(process)
    busy, idle = make_juror(process), make_juror(process)
    assign(idle, item)
    make_review(item, busy, values=[5, 5, 5])

    with pytest.raises(DomainError, match="already reviewed"):
        reviewer_remove(reviewer=busy, actor=StaffFactory())
    reviewer_remove(reviewer=idle, actor=StaffFactory())

    assert list(Reviewer.objects.values_list("pk", flat=True)) == [busy.pk]
    assert _pairs(Assignment.objects.all()) == {(busy.pk, item.pk)}


# Conflicts


def test_conflicts_refresh_adds_new_removes_stale_automatic_and_keeps_pinned_declared_staff():
    spain, france = CountryFactory(code="ES"), CountryFactory(code="FR")
    granollers, lyon = CityFactory(country=spain), CityFactory(country=france)
    process = make_process(phase=ReviewPhase.BLIND)
    item = make_item(process, city=granollers)
    mover = make_juror(process, city=granollers)
    pinned = make_juror(process, city=granollers)
    declarer = make_juror(process, city=lyon)
    newcomer = make_juror(process, city=lyon)
    conflict_pin(
        conflict=Conflict.objects.get(reviewer=pinned, kind=ConflictKind.SAME_CITY), pinned=True, actor=None
    )
    assign(declarer, item)
    conflict_declare(item=item, actor=declarer.user, kind=ConflictKind.PROFESSIONAL, note="I advised them.")
    conflict_add(
        reviewer=newcomer, item=item, kind=ConflictKind.PERSONAL, note="Sister", actor=StaffFactory()
    )
    # The cities moved since (edited in the registry): the automatic conflicts must follow.
    Reviewer.objects.filter(pk__in=[mover.pk, pinned.pk]).update(city=lyon, country=france)
    Reviewer.objects.filter(pk=newcomer.pk).update(city=granollers, country=spain)

    changed = conflicts_refresh(process=process, actor=StaffFactory())

    assert changed == 5  # 3 removed (mover ×2, pinned's country), 2 added (newcomer's city and country)
    assert set(Conflict.objects.values_list("reviewer_id", "kind", "source", "is_pinned")) == {
        (pinned.pk, ConflictKind.SAME_CITY, ConflictSource.AUTOMATIC, True),
        (declarer.pk, ConflictKind.PROFESSIONAL, ConflictSource.DECLARED, False),
        (newcomer.pk, ConflictKind.PERSONAL, ConflictSource.STAFF, True),
        (newcomer.pk, ConflictKind.SAME_CITY, ConflictSource.AUTOMATIC, False),
        (newcomer.pk, ConflictKind.SAME_COUNTRY, ConflictSource.AUTOMATIC, False),
    }


def test_conflicts_refresh_finds_a_network_joined_later_and_unassigns_only_unscored():
    granollers, lyon, rome = CityFactory(), CityFactory(), CityFactory()
    process = make_process(phase=ReviewPhase.BLIND)
    first, second = make_item(process, city=granollers), make_item(process, city=granollers)
    scored_juror, idle_juror = make_juror(process, city=lyon), make_juror(process, city=rome)
    assign(scored_juror, first, second)
    assign(idle_juror, first)
    make_review(first, scored_juror, values=[5, 5, 5])
    network = NetworkMembershipFactory(city=granollers).network
    NetworkMembershipFactory(network=network, city=lyon)
    NetworkMembershipFactory(network=network, city=rome)

    assert conflicts_refresh(process=process) == 4

    assert set(Conflict.objects.values_list("kind", flat=True)) == {ConflictKind.SAME_NETWORK}
    # The review stays; the scored assignment stays (its review is excluded from the figures).
    assert _pairs(Assignment.objects.all()) == {(scored_juror.pk, first.pk)}
    assert Review.objects.count() == 1


def test_conflicts_refresh_twice_changes_nothing_the_second_time():
    city = CityFactory()
    process = make_process()
    make_item(process, city=city)
    make_juror(process, city=city)

    assert conflicts_refresh(process=process) == 0
    assert Conflict.objects.count() == 2


def test_conflict_declare_by_the_juror_unassigns_and_tells_the_secretariat(
    django_capture_on_commit_callbacks,
):
    process = make_process(phase=ReviewPhase.BLIND)
    item = make_item(process, title="Children's council")
    juror = make_juror(process, user=UserFactory(first_name="Ana", last_name="Puig"))
    assign(juror, item)
    make_review(item, juror, values=[5, None, None], complete=False)
    assert jury_seat(juror.user, process.pk).assigned == frozenset({item.pk})

    with django_capture_on_commit_callbacks(execute=True):
        conflict = conflict_declare(
            item=item, actor=juror.user, kind=ConflictKind.PERSONAL, note="My cousin."
        )

    assert (conflict.source, conflict.is_pinned, conflict.created_by, conflict.note) == (
        ConflictSource.DECLARED,
        False,
        juror.user,
        "My cousin.",
    )
    assert Assignment.objects.count() == 0
    assert Review.objects.count() == 1
    assert jury_seat(juror.user, process.pk).conflicted == frozenset({item.pk})
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["secretariat@educities.localhost"], "Conflict of interest declared: Children's council")
    ]
    assert "Ana Puig" in mail.outbox[0].body


def test_conflict_declare_twice_returns_the_same_conflict():
    process = make_process(phase=ReviewPhase.BLIND)
    item = make_item(process)
    juror = make_juror(process)
    assign(juror, item)

    first = conflict_declare(item=item, actor=juror.user, kind=ConflictKind.PERSONAL)
    second = conflict_declare(item=item, actor=juror.user, kind=ConflictKind.PERSONAL)

    assert first.pk == second.pk
    assert AuditEntry.objects.filter(action="conflict_declare").count() == 1


@pytest.mark.parametrize("kind", [ConflictKind.SAME_CITY, "bribery", ""])
def test_conflict_declare_refuses_a_kind_a_juror_cannot_declare(kind):
    process = make_process(phase=ReviewPhase.BLIND)
    item = make_item(process)
    juror = make_juror(process)

    with pytest.raises(DomainError, match="personal or professional"):
        conflict_declare(item=item, actor=juror.user, kind=kind)

    assert Conflict.objects.count() == 0


def test_conflict_declare_refused_to_a_non_juror_and_from_deliberation_on():
    process = make_process(phase=ReviewPhase.DELIBERATION)
    item = make_item(process)
    juror = make_juror(process)

    with pytest.raises(PermissionRefused):
        conflict_declare(item=item, actor=juror.user, kind=ConflictKind.PERSONAL)
    with pytest.raises(PermissionRefused):
        conflict_declare(item=item, actor=UserFactory(), kind=ConflictKind.PERSONAL)
    with pytest.raises(PermissionRefused):
        conflict_declare(item=item, actor=None, kind=ConflictKind.PERSONAL)

    assert Conflict.objects.count() == 0


def test_conflict_add_pins_an_existing_automatic_conflict():
    city = CityFactory()
    process = make_process()
    item = make_item(process, city=city)
    juror = make_juror(process, city=city)

    conflict = conflict_add(
        reviewer=juror, item=item, kind=ConflictKind.SAME_CITY, note="Checked.", actor=StaffFactory()
    )

    assert (conflict.source, conflict.is_pinned, conflict.note) == (
        ConflictSource.AUTOMATIC,
        True,
        "Checked.",
    )
    assert Conflict.objects.count() == 2


def test_conflict_add_refuses_a_juror_of_another_process_and_an_unknown_kind():
    process = make_process()
    item = make_item(process)
    stranger = make_juror(make_process())
    juror = make_juror(process)

    with pytest.raises(DomainError, match="not on the jury of this item"):
        conflict_add(reviewer=stranger, item=item, kind=ConflictKind.PERSONAL, actor=StaffFactory())
    with pytest.raises(DomainError, match="Choose a kind"):
        conflict_add(reviewer=juror, item=item, kind="grudge", actor=StaffFactory())
    with pytest.raises(PermissionRefused):
        conflict_add(reviewer=juror, item=item, kind=ConflictKind.PERSONAL, actor=juror.user)

    assert Conflict.objects.count() == 0


def test_conflict_remove_needs_a_reason_and_an_unpinned_conflict():
    process = make_process()
    item = make_item(process)
    juror = make_juror(process)
    staff = StaffFactory()
    conflict = conflict_add(reviewer=juror, item=item, kind=ConflictKind.PROFESSIONAL, actor=staff)

    with pytest.raises(DomainError, match="Say why"):
        conflict_remove(conflict=conflict, reason=" ", actor=staff)
    with pytest.raises(DomainError, match="unpin it"):
        conflict_remove(conflict=conflict, reason="Former colleague, long ago.", actor=staff)
    assert Conflict.objects.count() == 1
    conflict_pin(conflict=conflict, pinned=False, actor=staff)
    conflict_remove(conflict=conflict, reason="Former colleague, long ago.", actor=staff)

    assert Conflict.objects.count() == 0
    assert AuditEntry.objects.get(action="conflict_remove").comment == (
        f"{juror.user.email}: Former colleague, long ago."
    )


def test_conflict_remove_of_an_automatic_conflict_is_waived_and_stays_removed():
    spain = CountryFactory(code="ES")
    process = make_process()
    item = make_item(process, city=CityFactory(country=spain))
    juror = make_juror(process, city=CityFactory(country=spain))
    staff = StaffFactory()
    conflict = Conflict.objects.get(reviewer=juror, item=item, kind=ConflictKind.SAME_COUNTRY)

    conflict_remove(conflict=conflict, reason="Spain is large: different regions.", actor=staff)
    conflicts_refresh(process=process)
    make_item(process, city=CityFactory(country=spain))

    assert not Conflict.objects.filter(reviewer=juror, item=item).exists()
    waiver = ConflictWaiver.objects.get()
    assert (waiver.kind, waiver.reason, waiver.created_by) == (
        ConflictKind.SAME_COUNTRY,
        "Spain is large: different regions.",
        staff,
    )
    assert Conflict.objects.filter(reviewer=juror).count() == 1  # the new Spanish item's conflict

    conflict_add(reviewer=juror, item=item, kind=ConflictKind.SAME_COUNTRY, note="Reconsidered", actor=staff)

    assert ConflictWaiver.objects.count() == 0
    assert Conflict.objects.get(reviewer=juror, item=item).is_pinned is True


# Assignments


def test_assignments_bulk_reports_created_already_and_conflicted():
    city = CityFactory()
    process = make_process()
    home, away = make_item(process, city=city), make_item(process, city=CityFactory())
    local, visitor = make_juror(process, city=city), make_juror(process, city=CityFactory())
    assign(visitor, away)

    report = assignments_bulk(
        process=process, reviewers=[local, visitor], items=[home, away], actor=StaffFactory()
    )

    assert (report.created, report.already, report.short) == (2, 1, [])
    assert report.skipped_conflicted == [(local, home)]
    assert _pairs(Assignment.objects.all()) == {
        (local.pk, away.pk),
        (visitor.pk, home.pk),
        (visitor.pk, away.pk),
    }


def test_assignments_bulk_refuses_foreign_and_inactive_items():
    from educities.reviews.domain.items import item_deactivate

    process = make_process()
    item, gone = make_item(process), make_item(process, title="Withdrawn one")
    item_deactivate(item=gone, actor=None)
    foreign = make_item(make_process())
    juror = make_juror(process)

    with pytest.raises(DomainError, match="this review only"):
        assignments_bulk(process=process, reviewers=[juror], items=[item, foreign], actor=None)
    with pytest.raises(DomainError, match="Withdrawn one"):
        assignments_bulk(process=process, reviewers=[juror], items=[item, gone], actor=None)

    assert Assignment.objects.count() == 0


def _loads(process) -> list[int]:
    counts = Counter(Assignment.objects.filter(item__process=process).values_list("reviewer_id", flat=True))
    return [counts.get(pk, 0) for pk in process.reviewers.order_by("pk").values_list("pk", flat=True)]


def _award_shape():
    """20 items from 10 countries, 7 jurors from 5 of them (so some conflicts), 3 jurors per item."""
    countries = [
        CountryFactory(code=code) for code in ["ES", "FR", "PT", "BR", "AR", "MX", "IT", "KR", "CO", "BE"]
    ]
    process = make_process(reviewers_per_item=3)
    items = [make_item(process, city=CityFactory(country=countries[n % 10])) for n in range(20)]
    jurors = [make_juror(process, country=countries[n % 5]) for n in range(7)]
    return process, items, jurors


def test_assignments_auto_gives_every_item_three_jurors_balanced_and_never_conflicted():
    process, _items, _jurors = _award_shape()

    report = assignments_auto(process=process, actor=StaffFactory())

    assert (report.created, report.already, report.short) == (60, 0, [])
    per_item = Counter(Assignment.objects.values_list("item_id", flat=True))
    assert set(per_item.values()) == {3}
    assert _pairs(Assignment.objects.all()) & _pairs(Conflict.objects.all()) == set()
    loads = _loads(process)
    assert sum(loads) == 60
    assert max(loads) - min(loads) <= 1


def test_assignments_auto_is_deterministic():
    process, _items, _jurors = _award_shape()

    assignments_auto(process=process, actor=None)
    first = _pairs(Assignment.objects.all())
    Assignment.objects.all().delete()
    assignments_auto(process=process, actor=None)

    assert _pairs(Assignment.objects.all()) == first


def test_assignments_auto_keeps_existing_assignments_and_tops_up():
    process, items, jurors = _award_shape()
    free_juror = jurors[6]
    target = next(item for item in items if item.city.country_id != free_juror.country_id)
    assign(free_juror, target)

    report = assignments_auto(process=process, actor=None)

    assert (report.created, report.already) == (59, 1)
    assert (free_juror.pk, target.pk) in _pairs(Assignment.objects.all())
    assert set(Counter(Assignment.objects.values_list("item_id", flat=True)).values()) == {3}


def test_assignments_auto_reports_items_short_of_jurors():
    spain, france = CountryFactory(code="ES"), CountryFactory(code="FR")
    process = make_process(reviewers_per_item=2)
    spanish = make_item(process, city=CityFactory(country=spain))
    french = make_item(process, city=CityFactory(country=france))
    make_juror(process, country=spain)
    make_juror(process, country=spain)
    make_juror(process, country=france)

    report = assignments_auto(process=process, actor=None)

    assert report.short == [(spanish, 1)]
    assert Assignment.objects.filter(item=french).count() == 2
    assert Assignment.objects.filter(item=spanish).count() == 1


def test_assignments_auto_per_item_overrides_and_ignores_inactive_items():
    from educities.reviews.domain.items import item_deactivate

    process = make_process(reviewers_per_item=3)
    items = [make_item(process) for _ in range(4)]
    item_deactivate(item=items[3], actor=None)
    for _ in range(4):
        make_juror(process)

    report = assignments_auto(process=process, actor=None, per_item=1)

    assert (report.created, report.short) == (3, [])
    assert Assignment.objects.filter(item=items[3]).count() == 0
    assert sorted(_loads(process)) == [0, 1, 1, 1]


@pytest.mark.parametrize("per_item", [0, 51, "2", True])
def test_assignments_auto_refuses_a_bad_number(per_item):
    process = make_process()
    make_item(process)

    with pytest.raises(DomainError, match="between 1 and 50"):
        assignments_auto(process=process, actor=None, per_item=per_item)


def test_assignments_auto_with_no_jurors_reports_every_item_short():
    process = make_process(reviewers_per_item=2)
    item = make_item(process)

    report = assignments_auto(process=process, actor=None)

    assert (report.created, report.short) == (0, [(item, 0)])


def test_assignment_remove_refused_once_scored():
    process = make_process(phase=ReviewPhase.BLIND)
    item = make_item(process)
    scored, idle = make_juror(process), make_juror(process)
    assign(idle, item)
    make_review(item, scored, values=[None, None, None], complete=True)

    with pytest.raises(DomainError, match="already scored"):
        assignment_remove(assignment=Assignment.objects.get(reviewer=scored), actor=StaffFactory())
    assignment_remove(assignment=Assignment.objects.get(reviewer=idle), actor=StaffFactory())

    assert _pairs(Assignment.objects.all()) == {(scored.pk, item.pk)}
