"""Whether a city (and its application) meets the rules of an edition, with reasons for the city.

``eligibility_check`` explains; it never blocks: a city may submit with a failing rule and the
Secretariat decides (``application_confirm_eligible`` then needs a written reason to override).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _

from educities.awards.enums import COUNTED_STATES, ApplicationStatus, EligibilityRule
from educities.awards.models import Application, Edition
from educities.members.domain.queries import cities_with_fees_paid_up, city_fees_paid_up
from educities.members.enums import MembershipStatus
from educities.members.models import City
from educities.reviews.models import Reviewer


@dataclass(frozen=True)
class RuleCheck:
    rule: EligibilityRule
    passed: bool
    reason: str

    @property
    def label(self) -> str:
        return str(self.rule.label)


@dataclass(frozen=True)
class _Facts:
    """What the rules need to know about many cities of one edition, read at once (``eligibility_checks``)."""

    paid_up: frozenset[int]
    jury_cities: frozenset[int]
    previous_winners: frozenset[int]
    counted: dict[int, frozenset[int]]  # city id -> ids of its applications that count


def _facts(edition: Edition, city_ids: set[int]) -> _Facts:
    counted: dict[int, set[int]] = {}
    for city_id, pk in Application.objects.filter(
        edition=edition, city_id__in=city_ids, status__in=COUNTED_STATES
    ).values_list("city_id", "pk"):
        counted.setdefault(city_id, set()).add(pk)
    return _Facts(
        paid_up=frozenset(
            cities_with_fees_paid_up(year=edition.year).filter(pk__in=city_ids).values_list("pk", flat=True)
        ),
        jury_cities=frozenset(
            Reviewer.objects.filter(process_id=edition.review_process_id, city_id__in=city_ids).values_list(
                "city_id", flat=True
            )
        ),
        previous_winners=frozenset(
            Application.objects.filter(
                edition__number=edition.number - 1, city_id__in=city_ids, status=ApplicationStatus.WINNER
            ).values_list("city_id", flat=True)
        ),
        counted={city_id: frozenset(pks) for city_id, pks in counted.items()},
    )


def _date(value) -> str:
    return formats.date_format(value, "DATE_FORMAT")


def _fees(edition: Edition, city: City, facts: _Facts | None = None) -> RuleCheck:
    rule = EligibilityRule.FEES
    if city.membership_status != MembershipStatus.MEMBER:
        return RuleCheck(
            rule,
            False,
            _("Only member cities may apply, and %(city)s is not a member.") % {"city": city.name},
        )
    paid_up = city_fees_paid_up(city=city, year=edition.year) if facts is None else city.pk in facts.paid_up
    if not paid_up:
        return RuleCheck(
            rule,
            False,
            _("%(city)s has fees to pay for %(year)s or earlier years.")
            % {"city": city.name, "year": edition.year},
        )
    return RuleCheck(
        rule,
        True,
        _("%(city)s is a member with its fees paid up to %(year)s.")
        % {"city": city.name, "year": edition.year},
    )


def _jury_city(edition: Edition, city: City, facts: _Facts | None = None) -> RuleCheck:
    rule = EligibilityRule.JURY_CITY
    if facts is None:
        seated = Reviewer.objects.filter(process_id=edition.review_process_id, city=city).exists()
    else:
        seated = city.pk in facts.jury_cities
    if seated:
        return RuleCheck(
            rule, False, _("%(city)s has a seat on the jury of this edition.") % {"city": city.name}
        )
    return RuleCheck(rule, True, _("%(city)s is not on the jury.") % {"city": city.name})


def _congress_host(edition: Edition, city: City) -> RuleCheck:
    rule = EligibilityRule.CONGRESS_HOST
    if edition.next_congress_host_id is not None and edition.next_congress_host_id == city.pk:
        return RuleCheck(rule, False, _("%(city)s hosts the next congress.") % {"city": city.name})
    return RuleCheck(rule, True, _("%(city)s does not host the next congress.") % {"city": city.name})


def _previous_winner(edition: Edition, city: City, facts: _Facts | None = None) -> RuleCheck:
    rule = EligibilityRule.PREVIOUS_WINNER
    previous = edition.number - 1
    if facts is None:
        won = Application.objects.filter(
            edition__number=previous, city=city, status=ApplicationStatus.WINNER
        ).exists()
    else:
        won = city.pk in facts.previous_winners
    if won:
        return RuleCheck(
            rule,
            False,
            _("%(city)s won the previous edition (edition %(number)s).")
            % {"city": city.name, "number": previous},
        )
    return RuleCheck(rule, True, _("%(city)s did not win the previous edition.") % {"city": city.name})


def _cutoff(edition: Edition, experience) -> RuleCheck:
    rule = EligibilityRule.CUTOFF
    cutoff = edition.initiative_cutoff
    if cutoff is None:
        return RuleCheck(rule, True, _("This edition has no cut-off date."))
    start = experience.start_date
    if start is None:
        return RuleCheck(
            rule,
            False,
            _("The experience has no start date: add it; it must be before %(cutoff)s.")
            % {"cutoff": _date(cutoff)},
        )
    if start >= cutoff:
        return RuleCheck(
            rule,
            False,
            _("The experience started on %(start)s, not before the cut-off date (%(cutoff)s).")
            % {"start": _date(start), "cutoff": _date(cutoff)},
        )
    return RuleCheck(
        rule,
        True,
        _("The experience started on %(start)s, before the cut-off date (%(cutoff)s).")
        % {"start": _date(start), "cutoff": _date(cutoff)},
    )


def applications_counted(
    *, edition: Edition, city: City, exclude_pk: int | None = None, drafts: bool = False
):
    """The city's applications to ``edition`` that count towards the maximum (drafts too if asked)."""
    states = set(COUNTED_STATES) | ({ApplicationStatus.DRAFT} if drafts else set())
    queryset = Application.objects.filter(edition=edition, city=city, status__in=states)
    if exclude_pk is not None:
        queryset = queryset.exclude(pk=exclude_pk)
    return queryset


def _max_applications(
    edition: Edition, city: City, application: Application | None, facts: _Facts | None = None
) -> RuleCheck:
    rule = EligibilityRule.MAX_APPLICATIONS
    limit = edition.max_applications_per_city
    if facts is not None and application is not None:
        others = len(facts.counted.get(city.pk, frozenset()) - {application.pk})
    elif application is None:
        # A new application: the drafts the city already started count as well.
        others = applications_counted(edition=edition, city=city, drafts=True).count()
    else:
        others = applications_counted(edition=edition, city=city, exclude_pk=application.pk).count()
    values = {"city": city.name, "count": others, "limit": limit}
    if others >= limit:
        return RuleCheck(
            rule,
            False,
            _("%(city)s already has %(count)s other applications; the maximum is %(limit)s.") % values,
        )
    return RuleCheck(
        rule, True, _("%(city)s has %(count)s other applications; the maximum is %(limit)s.") % values
    )


def _mayor_letter(application: Application) -> RuleCheck:
    rule = EligibilityRule.MAYOR_LETTER
    if application.mayor_letter:
        return RuleCheck(rule, True, _("The letter from the mayor is attached."))
    return RuleCheck(rule, False, _("Attach the letter from the mayor (a PDF document)."))


def eligibility_check(
    *, edition: Edition, city: City, experience=None, application: Application | None = None
) -> list[RuleCheck]:
    """Every rule of ``edition`` for ``city``, passed or not, with a reason written for the city.

    The cut-off rule is checked only when the experience is known (``experience``, else the
    application's); the letter only when ``application`` is given. ``application`` is left out of the
    count of the city's applications; without it, the city's drafts count too (a new application).
    """
    return _checks(edition, city, experience, application)


def _checks(edition, city, experience, application, facts: _Facts | None = None) -> list[RuleCheck]:
    if application is not None and experience is None:
        experience = application.experience
    checks = [
        _fees(edition, city, facts),
        _jury_city(edition, city, facts),
        _congress_host(edition, city),
        _previous_winner(edition, city, facts),
    ]
    if experience is not None:
        checks.append(_cutoff(edition, experience))
    checks.append(_max_applications(edition, city, application, facts))
    if application is not None:
        checks.append(_mayor_letter(application))
    return checks


def eligibility_checks(
    *, edition: Edition, applications: Iterable[Application]
) -> dict[int, list[RuleCheck]]:
    """``eligibility_check`` of many applications of ``edition`` (with their city and experience loaded),
    as ``{application id: checks}``, in a constant number of queries (lists of applications use it)."""
    applications = list(applications)
    facts = _facts(edition, {application.city_id for application in applications})
    return {
        application.pk: _checks(edition, application.city, application.experience, application, facts)
        for application in applications
    }


def eligibility_failed(checks: list[RuleCheck]) -> list[RuleCheck]:
    return [check for check in checks if not check.passed]
