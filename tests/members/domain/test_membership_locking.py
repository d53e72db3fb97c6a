"""Invoicing and recording a payment lock the city's row first and read its status there.

Two "Invoice" clicks at once used to create the fee record twice (IntegrityError on PostgreSQL, a 500);
a stale city object could move a city on without its fee record or without marking its fees paid.
"""

import threading
import time
from unittest import mock

import pytest
from django.db import connection

from educities.core.domain.errors import TransitionNotAllowed
from educities.core.models import AuditEntry
from educities.members.domain import fees
from educities.members.domain.fees import fee_table_load_defaults
from educities.members.domain.membership import membership_invoice, membership_record_payment
from educities.members.enums import FeeStatus, MembershipStatus
from educities.members.models import City, FeeRecord
from tests.factories import CityFactory, FeeRecordFactory, StaffFactory

pytestmark = [pytest.mark.integration]


def _run_at_once(*calls):
    """Run each call in its own thread (so its own database connection), all starting together."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[object] = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            outcomes[index] = call()
        except Exception as error:  # the test looks at what each thread got
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def _slow_fee_amount(original):
    # Widen the window between "is there a fee record?" and creating it, as a slow request would.
    def slow(**kwargs):
        time.sleep(0.3)
        return original(**kwargs)

    return slow


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite has no row locks (select_for_update is a no-op) and serialises writers anyway",
)
@pytest.mark.django_db(transaction=True)
def test_membership_invoice_two_clicks_at_once_create_one_fee_record():
    fee_table_load_defaults()
    staff = StaffFactory()
    city = CityFactory(membership_status=MembershipStatus.UNDER_REVIEW)
    copies = [City.objects.get(pk=city.pk), City.objects.get(pk=city.pk)]

    with mock.patch.object(fees, "fee_amount_for_city", _slow_fee_amount(fees.fee_amount_for_city)):
        outcomes = _run_at_once(
            *(lambda copy=copy: membership_invoice(city=copy, actor=staff, year=2026) for copy in copies)
        )

    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["City", "TransitionNotAllowed"]
    assert list(FeeRecord.objects.values_list("city_id", "year")) == [(city.pk, 2026)]
    assert AuditEntry.objects.filter(action="invoice").count() == 1
    assert AuditEntry.objects.filter(action="fee_invoice").count() == 1
    city.refresh_from_db()
    assert city.membership_status == MembershipStatus.INVOICED


@pytest.mark.django_db
def test_membership_invoice_twice_in_a_row_refuses_the_second():
    fee_table_load_defaults()
    staff = StaffFactory()
    city = CityFactory(membership_status=MembershipStatus.UNDER_REVIEW)

    membership_invoice(city=city, actor=staff, year=2026)
    with pytest.raises(TransitionNotAllowed):
        membership_invoice(city=City.objects.get(pk=city.pk), actor=staff, year=2027)

    assert list(FeeRecord.objects.values_list("year", flat=True)) == [2026]
    assert AuditEntry.objects.filter(action="invoice").count() == 1


@pytest.mark.django_db
def test_membership_invoice_with_stale_city_object_still_creates_the_fee_record():
    # The object was read while the city was "applied"; the review has started since.
    fee_table_load_defaults()
    staff = StaffFactory()
    city = CityFactory(membership_status=MembershipStatus.APPLIED)
    City.objects.filter(pk=city.pk).update(membership_status=MembershipStatus.UNDER_REVIEW)

    membership_invoice(city=city, actor=staff, year=2026)

    assert city.membership_status == MembershipStatus.INVOICED
    assert list(city.fees.values_list("year", "status")) == [(2026, FeeStatus.UNPAID)]


@pytest.mark.django_db
def test_membership_record_payment_with_stale_city_object_still_marks_the_fees_paid():
    staff = StaffFactory()
    city = CityFactory(membership_status=MembershipStatus.UNDER_REVIEW)
    FeeRecordFactory(city=city, year=2026)
    City.objects.filter(pk=city.pk).update(membership_status=MembershipStatus.INVOICED)

    membership_record_payment(city=city, actor=staff)

    assert city.membership_status == MembershipStatus.PAID
    assert list(city.fees.values_list("year", "status")) == [(2026, FeeStatus.PAID)]


@pytest.mark.django_db
def test_membership_record_payment_twice_in_a_row_refuses_the_second():
    staff = StaffFactory()
    city = CityFactory(membership_status=MembershipStatus.INVOICED)
    FeeRecordFactory(city=city, year=2026)

    membership_record_payment(city=city, actor=staff)
    with pytest.raises(TransitionNotAllowed):
        membership_record_payment(city=City.objects.get(pk=city.pk), actor=staff)

    assert AuditEntry.objects.filter(action="pay").count() == 1
    assert AuditEntry.objects.filter(action="fee_paid").count() == 1
