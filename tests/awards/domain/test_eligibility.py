import datetime

import pytest

from educities.awards.domain.editions import edition_update
from educities.awards.domain.eligibility import eligibility_check, eligibility_failed
from educities.awards.enums import ApplicationStatus, EditionPhase, EligibilityRule
from educities.experiences.enums import ExperienceStatus
from educities.members.enums import FeeStatus, MembershipStatus
from tests.awards.factories import make_application, make_edition, make_juror
from tests.experiences.factories import make_experience
from tests.factories import CityFactory, FeeRecordFactory

pytestmark = pytest.mark.django_db


def _check(checks, rule):
    return next(check for check in checks if check.rule == rule)


@pytest.fixture
def edition():
    return make_edition(phase=EditionPhase.OPEN, initiative_cutoff=datetime.date(2024, 1, 1))


@pytest.fixture
def city():
    return CityFactory(membership_status=MembershipStatus.MEMBER, name="Granollers")


def test_eligibility_check_passes_every_rule_for_a_member_city(edition, city):
    experience = make_experience(city=city, status=ExperienceStatus.PUBLISHED, start_date="2019-09-01")

    checks = eligibility_check(edition=edition, city=city, experience=experience)

    assert [check.rule for check in checks] == [
        EligibilityRule.FEES,
        EligibilityRule.JURY_CITY,
        EligibilityRule.CONGRESS_HOST,
        EligibilityRule.PREVIOUS_WINNER,
        EligibilityRule.CUTOFF,
        EligibilityRule.MAX_APPLICATIONS,
    ]
    assert eligibility_failed(checks) == []
    assert _check(checks, EligibilityRule.FEES).reason == (
        f"Granollers is a member with its fees paid up to {edition.year}."
    )


def test_eligibility_check_without_experience_leaves_out_the_cutoff(edition, city):
    checks = eligibility_check(edition=edition, city=city)

    assert EligibilityRule.CUTOFF not in [check.rule for check in checks]
    assert EligibilityRule.MAYOR_LETTER not in [check.rule for check in checks]


@pytest.mark.parametrize(
    "status", [MembershipStatus.SUSPENDED, MembershipStatus.APPLIED, MembershipStatus.WITHDRAWN]
)
def test_eligibility_fees_fail_for_a_city_that_is_not_a_member(edition, status):
    city = CityFactory(membership_status=status, name="Elsewhere")

    check = _check(eligibility_check(edition=edition, city=city), EligibilityRule.FEES)

    assert check.passed is False
    assert check.reason == "Only member cities may apply, and Elsewhere is not a member."


def test_eligibility_fees_fail_with_an_unpaid_fee_of_an_earlier_year(edition, city):
    FeeRecordFactory(city=city, year=edition.year - 1, status=FeeStatus.UNPAID)

    check = _check(eligibility_check(edition=edition, city=city), EligibilityRule.FEES)

    assert check.passed is False
    assert check.reason == f"Granollers has fees to pay for {edition.year} or earlier years."


def test_eligibility_fees_pass_with_paid_fees_and_a_later_unpaid_one(edition, city):
    FeeRecordFactory(city=city, year=edition.year, status=FeeStatus.PAID)
    FeeRecordFactory(city=city, year=edition.year + 1, status=FeeStatus.UNPAID)

    assert _check(eligibility_check(edition=edition, city=city), EligibilityRule.FEES).passed is True


def test_eligibility_jury_city_fails_for_a_city_with_a_juror(edition, city):
    make_juror(edition=edition, city=city)

    check = _check(eligibility_check(edition=edition, city=city), EligibilityRule.JURY_CITY)

    assert check.passed is False
    assert check.reason == "Granollers has a seat on the jury of this edition."


def test_eligibility_jury_city_passes_when_the_juror_sits_on_another_edition(edition, city):
    make_juror(edition=make_edition(phase=EditionPhase.DRAFT), city=city)
    make_juror(edition=edition, city=CityFactory())

    assert _check(eligibility_check(edition=edition, city=city), EligibilityRule.JURY_CITY).passed is True


def test_eligibility_congress_host_fails_for_the_next_host(city):
    edition = make_edition(phase=EditionPhase.OPEN, next_congress_host=city)

    check = _check(eligibility_check(edition=edition, city=city), EligibilityRule.CONGRESS_HOST)
    other = _check(eligibility_check(edition=edition, city=CityFactory()), EligibilityRule.CONGRESS_HOST)

    assert (check.passed, other.passed) == (False, True)
    assert check.reason == "Granollers hosts the next congress."


def test_eligibility_previous_winner_fails_for_the_winner_of_the_edition_before(city):
    previous = make_edition(phase=EditionPhase.OPEN, number=5, year=2024)
    make_application(edition=previous, city=city, status=ApplicationStatus.WINNER)
    edition = make_edition(phase=EditionPhase.OPEN, number=6, year=2026)

    check = _check(eligibility_check(edition=edition, city=city), EligibilityRule.PREVIOUS_WINNER)

    assert check.passed is False
    assert check.reason == "Granollers won the previous edition (edition 5)."


@pytest.mark.parametrize(
    ("number", "status"), [(4, ApplicationStatus.WINNER), (5, ApplicationStatus.FINALIST)]
)
def test_eligibility_previous_winner_passes_for_older_wins_and_finalists(city, number, status):
    older = make_edition(phase=EditionPhase.OPEN, number=number, year=2000 + number)
    make_application(edition=older, city=city, status=status)
    edition = make_edition(phase=EditionPhase.OPEN, number=6, year=2026)

    check = _check(eligibility_check(edition=edition, city=city), EligibilityRule.PREVIOUS_WINNER)

    assert check.passed is True


@pytest.mark.parametrize(
    ("start", "passed"),
    [("2023-12-31", True), ("2024-01-01", False), ("2024-06-01", False), (None, False)],
)
def test_eligibility_cutoff_needs_a_start_before_the_cutoff(edition, city, start, passed):
    experience = make_experience(city=city, start_date=start)

    check = _check(
        eligibility_check(edition=edition, city=city, experience=experience), EligibilityRule.CUTOFF
    )

    assert check.passed is passed


def test_eligibility_cutoff_passes_without_a_cutoff_date(city):
    edition = make_edition(phase=EditionPhase.OPEN, initiative_cutoff=None)
    experience = make_experience(city=city, start_date=None)

    check = _check(
        eligibility_check(edition=edition, city=city, experience=experience), EligibilityRule.CUTOFF
    )

    assert check.passed is True


def test_eligibility_maximum_counts_the_other_applications(edition, city):
    first = make_application(edition=edition, city=city, status=ApplicationStatus.SUBMITTED)

    own = _check(
        eligibility_check(edition=edition, city=city, application=first), EligibilityRule.MAX_APPLICATIONS
    )
    make_application(edition=edition, city=city, status=ApplicationStatus.DRAFT)
    new = _check(eligibility_check(edition=edition, city=city), EligibilityRule.MAX_APPLICATIONS)

    assert own.passed is True
    assert new.passed is False
    assert new.reason == "Granollers already has 2 other applications; the maximum is 2."


def test_eligibility_maximum_ignores_withdrawn_and_ineligible_applications(edition, city):
    make_application(edition=edition, city=city, status=ApplicationStatus.WITHDRAWN)
    make_application(edition=edition, city=city, status=ApplicationStatus.INELIGIBLE)
    edition_update(edition=edition, actor=None, max_applications_per_city=1)

    check = _check(eligibility_check(edition=edition, city=city), EligibilityRule.MAX_APPLICATIONS)

    assert check.passed is True


@pytest.mark.parametrize(("letter", "passed"), [(True, True), (False, False)])
def test_eligibility_letter_is_checked_on_an_application(edition, city, letter, passed):
    application = make_application(edition=edition, city=city, letter=letter)

    check = _check(
        eligibility_check(edition=edition, city=city, application=application), EligibilityRule.MAYOR_LETTER
    )

    assert check.passed is passed
