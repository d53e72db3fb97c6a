"""The membership workflow: application → review → invoiced → paid → ratified (member).

Every step is a function below; all of them go through ``_membership_transition``, which checks the
guard, saves, writes the audit log and sends the e-mails after commit.
"""

from datetime import date

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from educities.core.domain.audit import audit_record
from educities.core.domain.errors import DomainError, PermissionRefused, TransitionNotAllowed
from educities.core.domain.notifications import email_notify_on_commit
from educities.members.domain.cities import city_slug
from educities.members.domain.fees import fee_invoice, fee_mark_paid
from educities.members.domain.queries import city_fees_paid_up, city_unpaid_fees
from educities.members.domain.roles import role_grant_city_editor
from educities.members.enums import MEMBERSHIP_STEPS, FeeStatus, MembershipStatus, RoleKind
from educities.members.models import City, Country, GeneralAssembly, MembershipApplication


def _require(actor, permission: str, city: City | None) -> None:
    # ``actor=None`` is the system itself (demo loader, management commands).
    if actor is not None and not actor.has_perm(permission, city):
        raise PermissionRefused(_("You are not allowed to do this."))


def _notify(*, city: City, to_state: str, comment: str) -> None:
    editors = list(
        city.role_grants.filter(kind=RoleKind.CITY_EDITOR).values_list("user__email", "user__language")
    )
    primary = city.contacts.filter(is_primary=True).values_list("email", "language").first()
    recipients_by_language: dict[str, list[str]] = {}
    for email, language in [*editors, *([primary] if primary else [])]:
        recipients_by_language.setdefault(language or settings.LANGUAGE_CODE, []).append(email)
    recipients_by_language.setdefault(settings.LANGUAGE_CODE, []).append(settings.SECRETARIAT_EMAIL)
    for language, recipients in recipients_by_language.items():
        with translation.override(language):
            context = {
                "city": city,
                "status": MembershipStatus(to_state).label,
                "comment": comment,
            }
            subject = _("%(city)s: %(status)s") % {"city": city.name, "status": context["status"]}
            body = render_to_string("members/email/membership_changed.txt", context)
        email_notify_on_commit(recipients=recipients, subject=subject, body=body, language=language)


@transaction.atomic
def _membership_transition(*, city: City, action: str, actor, comment: str = "", extra_fields=()) -> City:
    from_states, to = MEMBERSHIP_STEPS[action]
    # Lock the row so two staff clicking at once cannot both move it.
    current = City.objects.select_for_update().only("membership_status").get(pk=city.pk).membership_status
    if current not in from_states:
        raise TransitionNotAllowed(
            _("%(city)s cannot go from “%(from)s” to “%(to)s”.")
            % {
                "city": city.name,
                "from": MembershipStatus(current).label,
                "to": MembershipStatus(to).label,
            }
        )
    city.membership_status = to
    city.save(update_fields=["membership_status", "updated_at", *extra_fields])
    audit_record(subject=city, action=action, actor=actor, from_state=current, to_state=to, comment=comment)
    _notify(city=city, to_state=to, comment=comment)
    return city


def _lock(city: City) -> str:
    """Lock the city's row for the rest of the transaction and return its status as stored there."""
    city.membership_status = (
        City.objects.select_for_update().only("membership_status").get(pk=city.pk).membership_status
    )
    return city.membership_status


def _already_registered() -> DomainError:
    # Neutral on purpose: any signed-in user may apply, so this says nothing of the other city's status.
    return DomainError(
        _(
            "A city with this name is already registered in this country. "
            "If you need access to it, contact the Secretariat."
        )
    )


def membership_apply(
    *,
    actor,
    name: str,
    country: Country,
    population: int,
    latitude: float,
    longitude: float,
    mayor_form: UploadedFile,
    plenary_approval: UploadedFile,
    region: str = "",
    website: str = "",
    motivation: str = "",
) -> City:
    """A city applies to join. The applicant becomes the city's editor.

    A city that was rejected or has withdrawn applies again (step "reapply") with the new documents; the
    returned city's ``reapplied_from`` is then its former status (else ""). Any other city of the same
    name and country is refused.
    """
    _require(actor, "members.apply_membership", None)
    name = name.strip()
    existing = City.objects.filter(country=country, name__iexact=name).first()
    if existing is not None:
        return _membership_reapply(
            city=existing,
            actor=actor,
            population=population,
            latitude=latitude,
            longitude=longitude,
            mayor_form=mayor_form,
            plenary_approval=plenary_approval,
            region=region,
            website=website,
            motivation=motivation,
        )
    try:
        with transaction.atomic():
            city = City.objects.create(
                name=name,
                slug=city_slug(name=name, country_code=str(country.code)),
                country=country,
                region=region,
                population=population,
                latitude=latitude,
                longitude=longitude,
                website=website,
                membership_status=MembershipStatus.APPLIED,
            )
            _application_record(
                city=city,
                actor=actor,
                mayor_form=mayor_form,
                plenary_approval=plenary_approval,
                motivation=motivation,
            )
            audit_record(subject=city, action="apply", actor=actor, to_state=MembershipStatus.APPLIED)
            _notify(city=city, to_state=MembershipStatus.APPLIED, comment=motivation)
    except IntegrityError as error:  # a concurrent application for the same city
        raise _already_registered() from error
    city.reapplied_from = ""
    return city


def _application_record(
    *, city: City, actor, mayor_form: UploadedFile, plenary_approval: UploadedFile, motivation: str
) -> MembershipApplication:
    """The documents of one application; whoever sends them becomes the city's editor."""
    application = MembershipApplication.objects.create(
        city=city,
        submitted_by=actor,
        mayor_form=mayor_form,
        plenary_approval=plenary_approval,
        motivation=motivation,
    )
    if actor is not None:
        role_grant_city_editor(user=actor, city=city)
    return application


@transaction.atomic
def _membership_reapply(
    *,
    city: City,
    actor,
    population: int,
    latitude: float,
    longitude: float,
    mayor_form: UploadedFile,
    plenary_approval: UploadedFile,
    region: str,
    website: str,
    motivation: str,
) -> City:
    from_states, _to = MEMBERSHIP_STEPS["reapply"]
    previous = _lock(city)
    if previous not in from_states:
        raise _already_registered()
    city.population, city.latitude, city.longitude = population, latitude, longitude
    changed = ["population", "latitude", "longitude"]
    # Optional fields left empty keep what the city had.
    for field, value in (("region", region), ("website", website)):
        if value:
            setattr(city, field, value)
            changed.append(field)
    _application_record(
        city=city,
        actor=actor,
        mayor_form=mayor_form,
        plenary_approval=plenary_approval,
        motivation=motivation,
    )
    _membership_transition(city=city, actor=actor, comment=motivation, action="reapply", extra_fields=changed)
    city.refresh_from_db(fields=["population_band"])
    city.reapplied_from = previous
    return city


def membership_review_start(*, city: City, actor, comment: str = "") -> City:
    _require(actor, "members.review_membership", city)
    return _membership_transition(city=city, actor=actor, comment=comment, action="review_start")


@transaction.atomic
def membership_invoice(*, city: City, actor, year: int | None = None, comment: str = "") -> City:
    _require(actor, "members.review_membership", city)
    # Lock first: two "Invoice" clicks at once would otherwise both create the fee record.
    if _lock(city) != MembershipStatus.UNDER_REVIEW:
        # Let the transition produce its message before any fee record is created.
        return _membership_transition(city=city, actor=actor, comment=comment, action="invoice")
    record = fee_invoice(city=city, year=year or timezone.localdate().year, actor=actor)
    return _membership_transition(
        city=city,
        actor=actor,
        comment=comment or _("Fee of %(amount)s EUR invoiced.") % {"amount": record.amount},
        action="invoice",
    )


@transaction.atomic
def membership_record_payment(*, city: City, actor, paid_on: date | None = None, comment: str = "") -> City:
    _require(actor, "members.manage_fees", city)
    if _lock(city) != MembershipStatus.INVOICED:
        return _membership_transition(city=city, actor=actor, comment=comment, action="pay")
    for record in city.fees.filter(status=FeeStatus.UNPAID):
        fee_mark_paid(record=record, actor=actor, paid_on=paid_on)
    return _membership_transition(city=city, actor=actor, comment=comment, action="pay")


@transaction.atomic
def membership_ratify(*, city: City, actor, assembly: GeneralAssembly, comment: str = "") -> City:
    _require(actor, "members.review_membership", city)
    if city.membership_status == MembershipStatus.PAID:
        city.member_since = assembly.date
        city.ratified_at = assembly
        city.certificate_number = f"EC-{assembly.date.year}-{city.pk:05d}"
    return _membership_transition(
        city=city,
        actor=actor,
        comment=comment or _("Ratified by the General Assembly of %(assembly)s.") % {"assembly": assembly},
        action="ratify",
        extra_fields=("member_since", "ratified_at", "certificate_number"),
    )


def membership_reject(*, city: City, actor, comment: str) -> City:
    _require(actor, "members.review_membership", city)
    if not comment.strip():
        raise DomainError(_("Give the reason for the rejection: the city will receive it."))
    return _membership_transition(city=city, actor=actor, comment=comment, action="reject")


def membership_suspend(*, city: City, actor, comment: str = "") -> City:
    _require(actor, "members.review_membership", city)
    if not city_unpaid_fees(city=city):
        raise TransitionNotAllowed(
            _("%(city)s has no unpaid fee: it cannot be suspended for unpaid fees.") % {"city": city.name}
        )
    return _membership_transition(city=city, actor=actor, comment=comment, action="suspend")


def membership_reinstate(*, city: City, actor, comment: str = "") -> City:
    _require(actor, "members.review_membership", city)
    if city.membership_status == MembershipStatus.SUSPENDED and not city_fees_paid_up(city=city):
        raise TransitionNotAllowed(
            _("%(city)s still has unpaid fees: record the payment first.") % {"city": city.name}
        )
    return _membership_transition(city=city, actor=actor, comment=comment, action="reinstate")


def membership_withdraw(*, city: City, actor, comment: str = "") -> City:
    _require(actor, "members.withdraw_membership", city)
    return _membership_transition(city=city, actor=actor, comment=comment, action="withdraw")


# Steps the city takes itself, never offered as back office buttons.
CITY_STEPS = frozenset({"reapply"})


def membership_allowed_actions(*, city: City) -> list[str]:
    """The names of the steps the back office can take next, for its buttons."""
    # The back office calls the payment step by what staff do: record the payment.
    names = {"pay": "record_payment"}
    return [
        names.get(step, step)
        for step, (from_states, _to) in MEMBERSHIP_STEPS.items()
        if city.membership_status in from_states and step not in CITY_STEPS
    ]


def membership_can_withdraw(*, city: City) -> bool:
    """Whether the city's membership (or application) is still open, so that it can withdraw."""
    return city.membership_status in MEMBERSHIP_STEPS["withdraw"][0]


def membership_can_reapply(*, city: City) -> bool:
    """Whether the city was rejected or has withdrawn, so that it can apply again."""
    return city.membership_status in MEMBERSHIP_STEPS["reapply"][0]
