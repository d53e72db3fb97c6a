import pytest

from educities.core.domain.errors import DomainError, PermissionRefused
from educities.core.models import AuditEntry
from educities.members.domain.fees import fee_mark_paid
from educities.members.enums import FeeStatus
from educities.members.models import FeeRecord
from tests.factories import FeeRecordFactory, StaffFactory, make_city_editor, make_executive

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_fee_mark_paid_refuses_a_waived_fee():
    record = FeeRecordFactory(status=FeeStatus.WAIVED, year=2025)

    with pytest.raises(DomainError) as error:
        fee_mark_paid(record=record, actor=StaffFactory())

    assert error.value.message == "The fee of 2025 is waived: there is no payment to record."
    record.refresh_from_db()
    assert (record.status, record.paid_on) == (FeeStatus.WAIVED, None)
    assert AuditEntry.objects.count() == 0


@pytest.mark.parametrize("role", ["editor_of_city", "executive"])
def test_fee_mark_paid_refuses_an_actor_without_manage_fees(role):
    record = FeeRecordFactory(year=2026)
    actor = make_city_editor(record.city) if role == "editor_of_city" else make_executive()

    with pytest.raises(PermissionRefused):
        fee_mark_paid(record=record, actor=actor)

    assert FeeRecord.objects.get().status == FeeStatus.UNPAID
    assert AuditEntry.objects.count() == 0


def test_fee_mark_paid_by_staff_and_by_the_system():
    first, second = FeeRecordFactory(year=2025), FeeRecordFactory(year=2026)

    fee_mark_paid(record=first, actor=StaffFactory())
    fee_mark_paid(record=second)

    assert list(FeeRecord.objects.order_by("year").values_list("status", flat=True)) == ["paid", "paid"]
    assert AuditEntry.objects.filter(action="fee_paid").count() == 2


def test_fee_mark_paid_with_a_stale_record_refuses_the_second_payment():
    record = FeeRecordFactory(year=2026)
    stale = FeeRecord.objects.get(pk=record.pk)
    fee_mark_paid(record=record, actor=StaffFactory())

    with pytest.raises(DomainError) as error:
        fee_mark_paid(record=stale, actor=StaffFactory())

    assert error.value.message == "The fee of 2026 is already paid."
    assert AuditEntry.objects.filter(action="fee_paid").count() == 1
