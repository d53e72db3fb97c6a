import pytest
from django.core import mail

from educities.core.domain.errors import DomainError, PermissionRefused, TransitionNotAllowed
from educities.core.models import AuditEntry
from educities.members.domain.fees import fee_table_load_defaults
from educities.members.domain.membership import (
    membership_allowed_actions,
    membership_apply,
    membership_invoice,
    membership_ratify,
    membership_record_payment,
    membership_reinstate,
    membership_reject,
    membership_review_start,
    membership_suspend,
    membership_withdraw,
)
from educities.members.domain.queries import city_fees_paid_up
from educities.members.enums import FeeStatus, IncomeGroup, MembershipStatus, RoleKind
from educities.members.models import City
from tests.factories import (
    CityFactory,
    CountryFactory,
    FeeRecordFactory,
    GeneralAssemblyFactory,
    StaffFactory,
    UserFactory,
    pdf_upload,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _apply(user, name="Granollers", country=None):
    return membership_apply(
        actor=user,
        name=name,
        country=country or CountryFactory(code="ES", income_group=IncomeGroup.IV),
        population=62_000,
        latitude=41.6,
        longitude=2.29,
        mayor_form=pdf_upload("mayor.pdf"),
        plenary_approval=pdf_upload("plenary.pdf"),
    )


def test_membership_apply_creates_city_and_makes_applicant_editor(django_capture_on_commit_callbacks):
    user = UserFactory(email="tecnic@granollers.cat")

    with django_capture_on_commit_callbacks(execute=True):
        city = _apply(user)

    assert city.membership_status == MembershipStatus.APPLIED
    assert city.population_band == "2"
    assert list(user.role_grants.values_list("kind", "city_id")) == [(RoleKind.CITY_EDITOR, city.pk)]
    assert city.applications.count() == 1
    # One message per recipient: nobody sees the other recipients' addresses.
    assert sorted((message.to, message.subject) for message in mail.outbox) == [
        (["secretariat@educities.localhost"], "Granollers: Application received"),
        (["tecnic@granollers.cat"], "Granollers: Application received"),
    ]


def test_membership_full_journey_reaches_member_with_audit_trail(django_capture_on_commit_callbacks):
    fee_table_load_defaults()
    staff = StaffFactory()
    city = _apply(UserFactory(email="tecnic@granollers.cat"))
    assembly = GeneralAssemblyFactory()

    with django_capture_on_commit_callbacks(execute=True):
        membership_review_start(city=city, actor=staff)
        membership_invoice(city=city, actor=staff, year=2026)
        membership_record_payment(city=city, actor=staff)
        membership_ratify(city=city, actor=staff, assembly=assembly)

    city.refresh_from_db()
    assert city.membership_status == MembershipStatus.MEMBER
    assert city.member_since == assembly.date
    assert city.certificate_number == f"EC-{assembly.date.year}-{city.pk:05d}"
    fee = city.fees.get()
    assert (fee.year, fee.amount, fee.status) == (2026, 400, FeeStatus.PAID)
    transitions = list(
        AuditEntry.objects.filter(object_id=str(city.pk), to_state__gt="")
        .order_by("id")
        .values_list("action", "from_state", "to_state")
    )
    assert transitions == [
        ("apply", "", "applied"),
        ("review_start", "applied", "under_review"),
        ("invoice", "under_review", "invoiced"),
        ("pay", "invoiced", "paid"),
        ("ratify", "paid", "member"),
    ]
    # One message per recipient and step, to the editor and to the Secretariat.
    subjects = [
        "Granollers: Under review by the Secretariat",
        "Granollers: Fee invoiced",
        "Granollers: Fee paid, awaiting ratification",
        "Granollers: Member",
    ]
    assert [(message.to, message.subject) for message in mail.outbox] == [
        (to, subject)
        for subject in subjects
        for to in (["secretariat@educities.localhost"], ["tecnic@granollers.cat"])
    ]


def test_membership_transition_not_allowed_changes_nothing():
    staff = StaffFactory()
    city = _apply(UserFactory())

    with pytest.raises(TransitionNotAllowed) as error:
        membership_ratify(city=city, actor=staff, assembly=GeneralAssemblyFactory())

    city.refresh_from_db()
    assert city.membership_status == MembershipStatus.APPLIED
    assert city.member_since is None
    assert "cannot go from" in error.value.message
    assert AuditEntry.objects.filter(action="ratify").count() == 0


def test_membership_review_by_non_staff_is_refused():
    city = _apply(UserFactory())
    with pytest.raises(PermissionRefused):
        membership_review_start(city=city, actor=UserFactory())


def test_membership_apply_duplicate_city_is_refused():
    country = CountryFactory(code="ES")
    CityFactory(name="Granollers", country=country)

    with pytest.raises(DomainError):
        _apply(UserFactory(), name="granollers", country=country)

    assert City.objects.filter(name__iexact="granollers").count() == 1


def test_membership_reject_requires_a_reason():
    city = _apply(UserFactory())
    with pytest.raises(DomainError):
        membership_reject(city=city, actor=StaffFactory(), comment="  ")
    city.refresh_from_db()
    assert city.membership_status == MembershipStatus.APPLIED


def test_membership_suspend_only_with_unpaid_fees_and_reinstate_after_payment():
    staff = StaffFactory()
    city = CityFactory()
    with pytest.raises(TransitionNotAllowed):
        membership_suspend(city=city, actor=staff)

    fee = FeeRecordFactory(city=city, year=2025)
    membership_suspend(city=city, actor=staff)
    assert city.membership_status == MembershipStatus.SUSPENDED
    with pytest.raises(TransitionNotAllowed):
        membership_reinstate(city=city, actor=staff)

    fee.status = FeeStatus.PAID
    fee.save()
    membership_reinstate(city=city, actor=staff)
    assert city.membership_status == MembershipStatus.MEMBER
    assert city_fees_paid_up(city=city, year=2026) is True


def test_membership_withdraw_by_own_editor():
    user = UserFactory()
    city = _apply(user)
    membership_withdraw(city=city, actor=user, comment="Not now")
    city.refresh_from_db()
    assert city.membership_status == MembershipStatus.WITHDRAWN


def test_membership_ratify_refused_for_suspended_city():
    staff = StaffFactory()
    city = CityFactory(membership_status=MembershipStatus.SUSPENDED, certificate_number="EC-2010-00001")

    with pytest.raises(TransitionNotAllowed):
        membership_ratify(city=city, actor=staff, assembly=GeneralAssemblyFactory())

    city.refresh_from_db()
    assert (city.membership_status, city.certificate_number) == (MembershipStatus.SUSPENDED, "EC-2010-00001")


def test_membership_reinstate_refused_for_paid_applicant():
    city = CityFactory(membership_status=MembershipStatus.PAID)
    with pytest.raises(TransitionNotAllowed):
        membership_reinstate(city=city, actor=StaffFactory())
    city.refresh_from_db()
    assert city.membership_status == MembershipStatus.PAID


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (MembershipStatus.APPLIED, ["review_start", "reject", "withdraw"]),
        (MembershipStatus.UNDER_REVIEW, ["invoice", "reject", "withdraw"]),
        (MembershipStatus.INVOICED, ["record_payment", "reject", "withdraw"]),
        (MembershipStatus.PAID, ["ratify", "reject", "withdraw"]),
        (MembershipStatus.MEMBER, ["suspend", "withdraw"]),
        (MembershipStatus.SUSPENDED, ["reinstate", "withdraw"]),
        (MembershipStatus.REJECTED, []),
        (MembershipStatus.WITHDRAWN, []),
    ],
)
def test_membership_allowed_actions_follow_the_step_table(status, expected):
    assert membership_allowed_actions(city=CityFactory(membership_status=status)) == expected
