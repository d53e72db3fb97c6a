"""Bids of member cities to host a future congress, decided by the Executive Committee.

A city prepares a draft bid (``bid_save``: one per city and congress year, withdrawn ones aside), attaches
PDF documents kept in private storage (``bid_document_add``) and submits it. The Executive Committee — or
the Secretariat on its behalf — accepts or declines it with a note (required) and the meeting that decided;
decided bids are public (``bids_decided``), their documents are not.

``bid_transition`` is the ONE writer of ``Bid.status`` (``BID_STEPS``): it locks the city and the bid (in
this order), checks the step's guard, saves, writes the audit log and e-mails the city's editors after
commit, each in their own language — and, on submission, the Secretariat.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from educities.congresses.domain.calls import (
    city_editors_by_language,
    language_or_refuse,
    multiline,
    notify,
    one_line,
)
from educities.congresses.domain.common import lock, require, user_or_none
from educities.congresses.enums import BID_STEPS, DECIDED_BID_STATES, BidStatus
from educities.congresses.models import Bid, BidDocument
from educities.core.domain.audit import audit_record
from educities.core.domain.errors import DomainError, PermissionRefused, TransitionNotAllowed
from educities.core.validators import validate_attachment
from educities.members.enums import MembershipStatus
from educities.members.models import City

DECIDE = "congresses.decide_bid"
STATEMENT_MAX = 20000
NOTE_MAX = 5000
DOCUMENTS_MAX = 10
YEAR_MIN, YEAR_MAX = 2000, 2100
STEPS_NEEDING_NOTE = frozenset({"accept", "decline"})
# Which permission each step needs (besides the guard of ``BID_STEPS``); submit and withdraw are checked
# on the bid's city (its editors or the Secretariat, whatever the bid's state).
STEP_PERMISSIONS = {
    "submit": "congresses.bid",
    "withdraw": "congresses.bid",
    "accept": DECIDE,
    "decline": DECIDE,
}


class BidInvalid(DomainError):
    """Some values of a bid are refused: ``errors`` maps each field to its translated message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(" ".join(errors.values()))
        self.errors = errors


def _year_or_refuse(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not YEAR_MIN <= value <= YEAR_MAX:
        raise DomainError(
            _("Give the year of the congress (%(min)d–%(max)d).") % {"min": YEAR_MIN, "max": YEAR_MAX}
        )
    if value < timezone.localdate().year:
        raise DomainError(
            _("The congress of %(year)d is in the past: choose a coming year.") % {"year": value}
        )
    return value


def _values_clean(*, congress_year, language, statement, proposed_theme, venue, proposed_dates) -> dict:
    checks = {
        "congress_year": lambda: _year_or_refuse(congress_year),
        "language": lambda: language_or_refuse(language),
        "statement": lambda: multiline(
            statement,
            max_length=STATEMENT_MAX,
            required_message=_("Say why your city should host the congress."),
        ),
        "proposed_theme": lambda: one_line(
            proposed_theme, label_message=_("Give the theme as text."), max_length=255, required=False
        ),
        "venue": lambda: one_line(
            venue, label_message=_("Give the venue as text."), max_length=200, required=False
        ),
        "proposed_dates": lambda: one_line(
            proposed_dates, label_message=_("Give the dates as text."), max_length=120, required=False
        ),
    }
    values, errors = {}, {}
    for field, check in checks.items():
        try:
            values[field] = check()
        except DomainError as error:
            errors[field] = error.message
    if errors:
        raise BidInvalid(errors)
    return values


def _member_or_refuse(city: City) -> None:
    if city.membership_status != MembershipStatus.MEMBER:
        raise DomainError(_("Only member cities may bid to host a congress."))


def _one_per_year_or_refuse(*, city: City, congress_year: int, bid: Bid | None) -> None:
    others = Bid.objects.filter(city=city, congress_year=congress_year).exclude(status=BidStatus.WITHDRAWN)
    if bid is not None:
        others = others.exclude(pk=bid.pk)
    if others.exists():
        raise BidInvalid(
            {
                "congress_year": _("%(city)s already has a bid for the congress of %(year)d.")
                % {"city": city.name, "year": congress_year}
            }
        )


@transaction.atomic
def bid_save(
    *,
    city: City,
    actor,
    bid: Bid | None = None,
    congress_year: int,
    language: str,
    statement: str,
    proposed_theme: str = "",
    venue: str = "",
    proposed_dates: str = "",
) -> Bid:
    """Create a draft bid of a member city, or save changes to the draft ``bid`` (one per city and year).

    Nothing is saved when a value is refused (``BidInvalid`` says which, and why).
    """
    if bid is None:
        require(actor, "congresses.bid", city)
    else:
        require(actor, "congresses.change_bid", bid)
        if bid.city_id != city.pk:
            raise DomainError(_("This bid belongs to another city."))
    values = _values_clean(
        congress_year=congress_year,
        language=language,
        statement=statement,
        proposed_theme=proposed_theme,
        venue=venue,
        proposed_dates=proposed_dates,
    )
    # The city's row is the lock of its bids: two requests cannot both pass the check below.
    city = City.objects.select_for_update().get(pk=city.pk)
    _member_or_refuse(city)
    if bid is not None:
        lock(bid)
        if bid.status != BidStatus.DRAFT:
            raise DomainError(_("This bid was submitted: it can no longer be changed."))
    _one_per_year_or_refuse(city=city, congress_year=values["congress_year"], bid=bid)
    if bid is None:
        try:
            with transaction.atomic():
                bid = Bid.objects.create(city=city, status=BidStatus.DRAFT, **values)
        except IntegrityError:
            raise BidInvalid(
                {
                    "congress_year": _("%(city)s already has a bid for the congress of %(year)d.")
                    % {"city": city.name, "year": values["congress_year"]}
                }
            ) from None
        audit_record(subject=bid, action="create", actor=actor, to_state=BidStatus.DRAFT)
        return bid
    changed = [field for field, value in values.items() if getattr(bid, field) != value]
    if not changed:
        return bid
    for field in changed:
        setattr(bid, field, values[field])
    bid.save(update_fields=[*changed, "updated_at"])
    audit_record(subject=bid, action="save", actor=actor, comment=", ".join(changed))
    return bid


@transaction.atomic
def bid_document_add(*, bid: Bid, title: str, upload, actor) -> BidDocument:
    """Attach a PDF (sniffed from its bytes) to a draft bid; kept in private storage."""
    require(actor, "congresses.change_bid", bid)
    title = one_line(title, label_message=_("Give the document a title."), max_length=200)
    if upload is None:
        raise DomainError(_("Choose a PDF document."))
    try:
        validate_attachment(upload, allowed={"pdf"})
    except ValidationError as error:
        raise DomainError(" ".join(error.messages)) from None
    lock(bid)
    if bid.status != BidStatus.DRAFT:
        raise DomainError(_("This bid was submitted: it can no longer be changed."))
    if bid.documents.count() >= DOCUMENTS_MAX:
        raise DomainError(
            _("A bid has at most %(max)d documents: remove one first.") % {"max": DOCUMENTS_MAX}
        )
    document = BidDocument(bid=bid, title=title)
    document.file.save(f"{slugify(title)[:60] or 'document'}.pdf", upload, save=False)
    document.save()
    audit_record(subject=bid, action="document_add", actor=actor, comment=title)
    return document


@transaction.atomic
def bid_document_remove(*, document: BidDocument, actor) -> None:
    """Remove a document of a draft bid (its file is deleted after commit)."""
    bid = document.bid
    require(actor, "congresses.change_bid", bid)
    lock(bid)
    if bid.status != BidStatus.DRAFT:
        raise DomainError(_("This bid was submitted: it can no longer be changed."))
    storage, name, title = document.file.storage, document.file.name, document.title
    document.delete()
    transaction.on_commit(lambda: storage.delete(name))
    audit_record(subject=bid, action="document_remove", actor=actor, comment=title)


def _status_label(status: str) -> str:
    return str(BidStatus(status).label)


def _notify(*, bid: Bid, template: str, note: str = "", secretariat: bool = False) -> None:
    recipients = city_editors_by_language(bid.city)
    if secretariat:
        recipients.setdefault(settings.LANGUAGE_CODE, []).append(settings.SECRETARIAT_EMAIL)
    notify(
        recipients_by_language=recipients,
        template=template,
        subject=lambda: (
            _("Bid of %(city)s to host the congress of %(year)d — %(status)s")
            % {"city": bid.city.name, "year": bid.congress_year, "status": _status_label(bid.status)}
        ),
        context={
            "bid": bid,
            "city": bid.city,
            "status": BidStatus(bid.status).label,
            "note": note,
            "meeting": bid.decision_meeting,
        },
        link=("events:bid", {"pk": bid.pk}),
    )


@transaction.atomic
def bid_transition(*, bid: Bid, step: str, actor, note: str = "", meeting: str = "") -> Bid:
    """Move a bid one step of ``BID_STEPS`` (the only writer of its status)."""
    if step not in BID_STEPS:
        raise DomainError(_("Unknown step."))
    permission = STEP_PERMISSIONS[step]
    if actor is not None and not actor.has_perm(
        permission, bid.city if permission == "congresses.bid" else bid
    ):
        raise PermissionRefused(_("You are not allowed to do this."))
    note = multiline(note, max_length=NOTE_MAX)
    meeting = one_line(meeting, label_message=_("Give the meeting as text."), max_length=200, required=False)
    if step in STEPS_NEEDING_NOTE and not note:
        raise DomainError(_("Write the decision of the Executive Committee: it is published with the bid."))
    City.objects.select_for_update().filter(pk=bid.city_id).exists()
    lock(bid)
    from_states, to = BID_STEPS[step]
    current = bid.status
    if current not in from_states:
        raise TransitionNotAllowed(
            _("This bid is “%(from)s”: it cannot become “%(to)s”.")
            % {"from": _status_label(current), "to": _status_label(to)}
        )
    changed = ["status"]
    if step == "submit":
        _member_or_refuse(bid.city)
        _year_or_refuse(bid.congress_year)
        bid.submitted_at = timezone.now()
        bid.submitted_by = user_or_none(actor)
        changed += ["submitted_at", "submitted_by"]
    elif step in STEPS_NEEDING_NOTE:
        if step == "accept":
            chosen = (
                Bid.objects.filter(congress_year=bid.congress_year, status=BidStatus.ACCEPTED)
                .exclude(pk=bid.pk)
                .select_related("city")
                .first()
            )
            if chosen is not None:
                raise DomainError(
                    _("The bid of %(city)s was already chosen for the congress of %(year)d.")
                    % {"city": chosen.city.name, "year": bid.congress_year}
                )
        bid.decision_note = note
        bid.decision_meeting = meeting
        bid.decided_at = timezone.now()
        bid.decided_by = user_or_none(actor)
        changed += ["decision_note", "decision_meeting", "decided_at", "decided_by"]
    bid.status = to
    bid.save(update_fields=[*changed, "updated_at"])
    audit_record(
        subject=bid,
        action=step,
        actor=actor,
        from_state=current,
        to_state=to,
        comment=" — ".join(part for part in (meeting, note) if part),
    )
    if step == "submit":
        _notify(bid=bid, template="congresses/email/bid_submitted.txt", secretariat=True)
    elif step in STEPS_NEEDING_NOTE:
        _notify(bid=bid, template="congresses/email/bid_decided.txt", note=note)
    return bid


def bid_submit(*, bid: Bid, actor) -> Bid:
    return bid_transition(bid=bid, step="submit", actor=actor)


def bid_withdraw(*, bid: Bid, actor) -> Bid:
    return bid_transition(bid=bid, step="withdraw", actor=actor)


def bid_decide(*, bid: Bid, accepted: bool, note: str, meeting: str = "", actor) -> Bid:
    return bid_transition(
        bid=bid, step="accept" if accepted else "decline", actor=actor, note=note, meeting=meeting
    )


# --- Reading ----------------------------------------------------------------------------------------------


def bids_decided() -> QuerySet:
    """Decided bids (public), newest congress first, chosen first within a year."""
    return (
        Bid.objects.filter(status__in=DECIDED_BID_STATES)
        .select_related("city__country")
        .order_by("-congress_year", "status", "city__name", "pk")
    )


def bids_decided_by_year() -> list[tuple[int, list[Bid]]]:
    """``[(year, [bids...]), ...]`` newest year first; the chosen bid first in each year."""
    grouped: dict[int, list[Bid]] = {}
    for bid in bids_decided():
        grouped.setdefault(bid.congress_year, []).append(bid)
    for bids in grouped.values():
        bids.sort(key=lambda bid: (bid.status != BidStatus.ACCEPTED, bid.city.name, bid.pk))
    return sorted(grouped.items(), key=lambda pair: -pair[0])


def bids_of_cities(*, city_ids) -> QuerySet:
    return (
        Bid.objects.filter(city_id__in=list(city_ids))
        .select_related("city")
        .order_by("-congress_year", "city__name", "-created_at", "pk")
    )


def bids_for_decision(*, status: str = "") -> QuerySet:
    """Every bid but the drafts (for the Executive Committee and the Secretariat), or those in ``status``."""
    bids = Bid.objects.exclude(status=BidStatus.DRAFT).select_related("city__country")
    if status:
        bids = bids.filter(status=status)
    return bids.order_by("-congress_year", "city__name", "pk")
