"""Items in review: adding them (with automatic conflicts), taking them out, the staff's tie-break order."""

import pytest

from educities.core.domain.errors import DomainError, PermissionRefused
from educities.core.models import AuditEntry
from educities.reviews.domain.items import item_add, item_deactivate, item_reactivate, item_tie_break_set
from educities.reviews.enums import ConflictKind, ConflictSource, ReviewPhase
from educities.reviews.models import Conflict, ReviewItem
from tests.factories import (
    CityFactory,
    CountryFactory,
    NetworkMembershipFactory,
    StaffFactory,
    UserFactory,
)
from tests.reviews.factories import make_item, make_juror, make_process, set_phase

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _conflicts(item) -> set[tuple[str, str, str]]:
    return set(Conflict.objects.filter(item=item).values_list("reviewer__user__email", "kind", "source"))


def test_item_add_computes_automatic_conflicts_of_every_juror():
    spain, france, italy = CountryFactory(code="ES"), CountryFactory(code="FR"), CountryFactory(code="IT")
    granollers = CityFactory(name="Granollers", country=spain)
    barcelona = CityFactory(name="Barcelona", country=spain)
    lyon = CityFactory(name="Lyon", country=france)
    rome = CityFactory(name="Rome", country=italy)
    network = NetworkMembershipFactory(city=granollers).network
    NetworkMembershipFactory(network=network, city=lyon)
    process = make_process()
    make_juror(process, user=UserFactory(email="same.city@example.org"), city=granollers)
    make_juror(process, user=UserFactory(email="same.country@example.org"), city=barcelona)
    make_juror(process, user=UserFactory(email="country.only@example.org"), country=spain)
    make_juror(process, user=UserFactory(email="network@example.org"), city=lyon)
    make_juror(process, user=UserFactory(email="rome@example.org"), city=rome)
    # An explicit country wins over the city's: a Spanish juror living in Rome.
    make_juror(process, user=UserFactory(email="spaniard.in.rome@example.org"), city=rome, country=spain)
    make_juror(process, user=UserFactory(email="nowhere@example.org"))

    item = item_add(process=process, subject=UserFactory(), title="Granollers' experience", city=granollers)

    auto = ConflictSource.AUTOMATIC
    assert _conflicts(item) == {
        ("same.city@example.org", ConflictKind.SAME_CITY, auto),
        ("same.city@example.org", ConflictKind.SAME_COUNTRY, auto),
        ("same.city@example.org", ConflictKind.SAME_NETWORK, auto),
        ("same.country@example.org", ConflictKind.SAME_COUNTRY, auto),
        ("country.only@example.org", ConflictKind.SAME_COUNTRY, auto),
        ("network@example.org", ConflictKind.SAME_NETWORK, auto),
        ("spaniard.in.rome@example.org", ConflictKind.SAME_COUNTRY, auto),
    }


def test_item_add_is_idempotent_per_subject():
    process = make_process()
    city = CityFactory()
    make_juror(process, city=city)
    subject = UserFactory()

    first = item_add(process=process, subject=subject, title="First", city=city)
    again = item_add(process=process, subject=subject, title="Second title", city=None)

    assert again.pk == first.pk
    assert ReviewItem.objects.get().title == "First"
    assert Conflict.objects.count() == 2  # same city, same country; not twice
    assert AuditEntry.objects.filter(action="item_add").count() == 1


def test_item_add_without_a_city_has_no_conflicts():
    process = make_process()
    make_juror(process, city=CityFactory())

    item = item_add(process=process, subject=UserFactory(), title="Anonymous article")

    assert (item.city, Conflict.objects.count()) == (None, 0)


def test_item_add_same_subject_in_two_processes_makes_two_items():
    subject = UserFactory()

    first = item_add(process=make_process(), subject=subject, title="A")
    second = item_add(process=make_process(), subject=subject, title="A")

    assert first.pk != second.pk


@pytest.mark.parametrize(("title", "stored"), [("  Two   spaces\n", "Two spaces"), ("x" * 300, "x" * 255)])
def test_item_add_cleans_the_title(title, stored):
    item = item_add(process=make_process(), subject=UserFactory(), title=title)

    assert item.title == stored


def test_item_add_refuses_bad_input():
    process = make_process()

    with pytest.raises(DomainError, match="Give the item a title"):
        item_add(process=process, subject=UserFactory(), title="   ")
    with pytest.raises(DomainError, match="Save what is reviewed"):
        item_add(process=process, subject=UserFactory.build(), title="Unsaved")
    with pytest.raises(PermissionRefused):
        item_add(process=process, subject=UserFactory(), title="By a juror", actor=make_juror(process).user)

    assert ReviewItem.objects.count() == 0


@pytest.mark.parametrize("phase", [ReviewPhase.DECISION, ReviewPhase.CLOSED])
def test_item_add_refused_once_the_jury_decides(phase):
    process = set_phase(make_process(), phase)

    with pytest.raises(DomainError, match="no item can be added"):
        item_add(process=process, subject=UserFactory(), title="Late")

    assert ReviewItem.objects.count() == 0


def test_item_deactivate_and_reactivate_are_audited_once():
    staff = StaffFactory()
    item = make_item(make_process(phase=ReviewPhase.BLIND))

    item_deactivate(item=item, actor=staff, reason="Withdrawn by the city.")
    item_deactivate(item=item, actor=staff)
    assert ReviewItem.objects.get().is_active is False
    item_reactivate(item=item, actor=staff)

    assert ReviewItem.objects.get().is_active is True
    assert list(AuditEntry.objects.order_by("id").values_list("action", "comment"))[-2:] == [
        ("item_deactivate", "Withdrawn by the city."),
        ("item_reactivate", ""),
    ]


def test_item_deactivate_refused_to_a_juror_and_when_closed():
    process = make_process()
    item = make_item(process)
    juror = make_juror(process)

    with pytest.raises(PermissionRefused):
        item_deactivate(item=item, actor=juror.user)
    set_phase(process, ReviewPhase.CLOSED)
    item.process.phase = ReviewPhase.CLOSED
    with pytest.raises(DomainError, match="closed"):
        item_deactivate(item=item, actor=StaffFactory())

    assert ReviewItem.objects.get().is_active is True


def test_item_tie_break_set_records_rank_and_reason():
    staff = StaffFactory()
    item = make_item(make_process(phase=ReviewPhase.DELIBERATION))

    item_tie_break_set(item=item, rank=2, reason="The jury preferred its reach.", actor=staff)
    item_tie_break_set(item=item, rank=None, reason="Tie no longer relevant.", actor=staff)

    stored = ReviewItem.objects.get()
    assert (stored.tie_break_rank, stored.tie_break_reason) == (None, "Tie no longer relevant.")
    assert list(
        AuditEntry.objects.filter(action="item_tie_break")
        .order_by("id")
        .values_list("from_state", "to_state")
    ) == [("", "2"), ("2", "")]


@pytest.mark.parametrize(
    ("rank", "reason", "message"),
    [
        (1, "  ", "Say why"),
        (0, "Reason", "whole number from 1"),
        (-3, "Reason", "whole number from 1"),
        ("1", "Reason", "whole number from 1"),
        (1.5, "Reason", "whole number from 1"),
        (True, "Reason", "whole number from 1"),
        (100_001, "Reason", "whole number from 1"),
    ],
)
def test_item_tie_break_set_refuses_bad_input(rank, reason, message):
    item = make_item(make_process(phase=ReviewPhase.DELIBERATION))

    with pytest.raises(DomainError, match=message):
        item_tie_break_set(item=item, rank=rank, reason=reason, actor=StaffFactory())

    stored = ReviewItem.objects.get()
    assert (stored.tie_break_rank, stored.tie_break_reason) == (None, "")
    assert AuditEntry.objects.filter(action="item_tie_break").count() == 0
