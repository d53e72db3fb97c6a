from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from educities.core.domain.audit import audit_record
from educities.core.domain.errors import DomainError, PermissionRefused
from educities.members.enums import FeeStatus, IncomeGroup, PopulationBand, population_band_for
from educities.members.models import City, FeeRate, FeeRecord


def fee_amount_for(*, population: int, income_group: str) -> Decimal:
    band = population_band_for(population)
    rate = FeeRate.objects.filter(population_band=band, income_group=income_group).first()
    if rate is None:
        raise DomainError(
            _("The fee table has no rate for %(band)s in %(group)s.")
            % {"band": PopulationBand(band).label, "group": IncomeGroup(income_group).label}
        )
    return rate.amount


def fee_amount_for_city(*, city: City) -> Decimal:
    return fee_amount_for(population=city.population, income_group=city.country.income_group)


@transaction.atomic
def fee_invoice(*, city: City, year: int, actor=None, reference: str = "") -> FeeRecord:
    """Create (or return the existing) fee record of a year, with the amount from the fee table."""
    existing = FeeRecord.objects.filter(city=city, year=year).first()
    if existing is not None:
        return existing
    record = FeeRecord.objects.create(
        city=city,
        year=year,
        amount=fee_amount_for_city(city=city),
        status=FeeStatus.UNPAID,
        invoice_reference=reference or f"{year}-{city.pk:05d}",
        invoiced_on=timezone.localdate(),
    )
    audit_record(subject=city, action="fee_invoice", actor=actor, comment=f"{year}: {record.amount} EUR")
    return record


@transaction.atomic
def fee_mark_paid(*, record: FeeRecord, actor=None, paid_on: date | None = None) -> FeeRecord:
    """Record the payment of an unpaid fee. ``actor=None`` is the system itself (demo loader, commands)."""
    if actor is not None and not actor.has_perm("members.manage_fees", record.city):
        raise PermissionRefused(_("You are not allowed to do this."))
    # Lock the row and read its status there, so two clicks at once record one payment.
    record.status = FeeRecord.objects.select_for_update().only("status").get(pk=record.pk).status
    if record.status == FeeStatus.PAID:
        raise DomainError(_("The fee of %(year)s is already paid.") % {"year": record.year})
    if record.status == FeeStatus.WAIVED:
        raise DomainError(
            _("The fee of %(year)s is waived: there is no payment to record.") % {"year": record.year}
        )
    record.status = FeeStatus.PAID
    record.paid_on = paid_on or timezone.localdate()
    record.save(update_fields=["status", "paid_on", "updated_at"])
    audit_record(
        subject=record.city, action="fee_paid", actor=actor, comment=f"{record.year}: {record.amount} EUR"
    )
    return record


@transaction.atomic
def fee_rate_set(*, population_band: str, income_group: str, amount: Decimal) -> FeeRate:
    if amount < 0:
        raise DomainError(_("A fee cannot be negative."))
    rate, _created = FeeRate.objects.update_or_create(
        population_band=population_band, income_group=income_group, defaults={"amount": amount}
    )
    return rate


# The association's 2020 table in EUR (BRIEF §2): 8 population bands × 4 income groups,
# from 70 to 1,000 in group I and from 220 to 3,300 in group IV.
DEFAULT_FEE_TABLE: dict[str, list[int]] = {
    IncomeGroup.I: [70, 120, 200, 300, 450, 600, 800, 1000],
    IncomeGroup.II: [110, 200, 330, 500, 750, 1000, 1300, 1650],
    IncomeGroup.III: [160, 300, 500, 750, 1100, 1500, 2000, 2500],
    IncomeGroup.IV: [220, 400, 660, 1000, 1500, 2000, 2650, 3300],
}


def fee_table_load_defaults() -> int:
    count = 0
    for group, amounts in DEFAULT_FEE_TABLE.items():
        for band, amount in zip(PopulationBand.values, amounts, strict=True):
            fee_rate_set(population_band=band, income_group=group, amount=Decimal(amount))
            count += 1
    return count
