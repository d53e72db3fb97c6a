import pytest

from educities.members.domain.queries import fee_status_summary
from educities.members.enums import FeeStatus, MembershipStatus
from tests.factories import CityFactory, FeeRecordFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _world():
    FeeRecordFactory(city=CityFactory(name="Paid"), year=2026, status=FeeStatus.PAID, amount=400)
    FeeRecordFactory(city=CityFactory(name="Unpaid"), year=2026, amount=660)
    FeeRecordFactory(city=CityFactory(name="Waived"), year=2026, status=FeeStatus.WAIVED, amount=70)
    owes = CityFactory(name="Owes earlier", membership_status=MembershipStatus.SUSPENDED)
    FeeRecordFactory(city=owes, year=2025, amount=220)
    CityFactory(name="Applicant", membership_status=MembershipStatus.APPLIED)


def test_fee_status_summary_rows_and_totals():
    _world()

    summary = fee_status_summary(year=2026)

    assert [
        (r["city"].name, r["record"].status if r["record"] else None, r["owes"]) for r in summary.rows
    ] == [
        ("Owes earlier", None, True),
        ("Paid", FeeStatus.PAID, False),
        ("Unpaid", FeeStatus.UNPAID, True),
        ("Waived", FeeStatus.WAIVED, False),
    ]
    assert summary.totals == {"cities": 4, "invoiced": 1130, "paid": 400, "unpaid": 660, "owing": 2}


def test_fee_status_summary_unpaid_only_filters_rows_not_totals():
    _world()

    summary = fee_status_summary(year=2026, unpaid_only=True)

    assert [r["city"].name for r in summary.rows] == ["Owes earlier", "Unpaid"]
    assert summary.totals["cities"] == 4
