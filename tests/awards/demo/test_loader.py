"""The award's demo data: loaded once for the module (members and experiences first, as ``manage.py
demo_load`` does), inside a transaction rolled back at the end, so the other tests never see it."""

from collections import Counter
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from educities.accounts.models import User
from educities.awards.demo.data import JURORS, OPEN_STATE_COUNTS, OUTLIER_COMMENT
from educities.awards.demo.loader import _AwardsLoader, awards_demo_load
from educities.awards.domain.editions import edition_phase
from educities.awards.domain.queries import EditionFigures, edition_figures
from educities.awards.enums import ApplicationStatus, EditionPhase
from educities.awards.models import Application, Edition
from educities.core.enums import Provenance
from educities.core.models import AuditEntry, TextTranslation
from educities.experiences.demo.loader import experiences_demo_load
from educities.experiences.models import Experience
from educities.members.demo.loader import DEMO_PASSWORD, demo_load
from educities.reviews.domain.queries import process_aggregates
from educities.reviews.enums import ConflictKind, ConflictSource, ReviewPhase
from educities.reviews.models import Assignment, Conflict, Review, Reviewer, ReviewItem, Score

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

S = ApplicationStatus
README_JUROR = "juror@educities.localhost"


def _quiet(_line: str) -> None:
    pass


@pytest.fixture(scope="module")
def demo_root(tmp_path_factory):
    """Where the demo's files (the mayors' letters) are stored for the module."""
    return tmp_path_factory.mktemp("demo")


@pytest.fixture(scope="module")
def award(django_db_setup, django_db_blocker, demo_root):
    """The members', the experiences' and the award's demo data, loaded once; the award's first counts."""
    root = demo_root
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=root / "media",
            PRIVATE_MEDIA_ROOT=root / "private",
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            demo_load(log=_quiet)
            experiences_demo_load(log=_quiet)
            counts = awards_demo_load(log=_quiet)
            yield counts
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _states(year: int) -> dict[str, int]:
    return dict(Counter(Application.objects.filter(edition__year=year).values_list("status", flat=True)))


def test_demo_award_has_six_editions_five_with_results(award):
    assert list(Edition.objects.order_by("number").values_list("number", "year")) == [
        (1, 2016),
        (2, 2018),
        (3, 2020),
        (4, 2022),
        (5, 2024),
        (6, 2026),
    ]
    assert set(Edition.objects.filter(results_published_at__isnull=False).values_list("year", flat=True)) == {
        2016,
        2018,
        2020,
        2022,
        2024,
    }
    assert Edition.objects.filter(is_published=True).count() == 6
    assert Edition.objects.filter(is_void=True).count() == 0
    assert award["award editions"] == 6
    assert award["editions with results"] == 5


def test_demo_editions_have_the_designed_applications_per_state(award):
    assert {year: _states(year) for year in (2016, 2018, 2020, 2022, 2024)} == {
        2016: {S.WINNER: 3, S.SPECIAL_MENTION: 1, S.FINALIST: 4},
        2018: {S.WINNER: 3, S.FINALIST: 5},
        2020: {S.WINNER: 3, S.FINALIST: 7},
        2022: {S.WINNER: 3, S.SPECIAL_MENTION: 1, S.FINALIST: 5},
        2024: {S.WINNER: 3, S.SPECIAL_MENTION: 1, S.FINALIST: 5},
    }
    assert _states(2026) == {
        S.DRAFT: 3,
        S.SUBMITTED: 2,
        S.ELIGIBLE: 1,
        S.INELIGIBLE: 3,
        S.WITHDRAWN: 2,
        S.IN_REVIEW: 14,
    }
    assert _states(2026) == OPEN_STATE_COUNTS
    assert award["applications"] == Application.objects.count() == 69


def test_demo_2020_winners_are_medellin_santos_and_torres_vedras(award):
    winners = Application.objects.filter(edition__year=2020, status=S.WINNER).select_related("city__country")

    assert sorted((a.city.name, str(a.city.country.code)) for a in winners) == [
        ("Medellín", "CO"),
        ("Santos", "BR"),
        ("Torres Vedras", "PT"),
    ]
    assert all(application.statement for application in winners)
    assert Application.objects.filter(edition__year=2020, status=S.FINALIST).count() == 7


def test_demo_past_figures_are_the_recorded_ones(award):
    assert edition_figures(edition=Edition.objects.get(year=2018)) == EditionFigures(
        candidacies=62, cities=49, countries=12, recorded=True
    )
    assert edition_figures(edition=Edition.objects.get(year=2020)).candidacies == 58
    # The open edition counts its candidacies: submitted or further, not withdrawn, not drafts.
    assert edition_figures(edition=Edition.objects.get(year=2026)).candidacies == 20


def test_demo_every_winner_experience_is_award_winning(award):
    winners = Application.objects.filter(status=S.WINNER).select_related("experience")

    assert winners.count() == 15
    assert all(application.experience.is_award_winning for application in winners)
    assert all(application.experience.status == "published" for application in winners)
    assert not Application.objects.filter(status__in=[S.WINNER, S.FINALIST], certificate_number="").exists()


def test_demo_past_applications_link_experiences_of_their_city_started_before_the_cutoff(award):
    past = Application.objects.filter(edition__year__lt=2026).select_related("edition", "experience")

    assert all(a.experience.city_id == a.city_id for a in past)
    assert all(a.submitted_at < a.edition.deadline for a in past)
    assert not past.filter(eligibility_overridden=True, eligibility_note="").exists()
    torres_vedras = past.get(edition__year=2020, city__name="Torres Vedras").experience
    assert torres_vedras.title == "Artes em todas as freguesias de Torres Vedras"
    assert torres_vedras.start_date < Edition.objects.get(year=2020).initiative_cutoff


def test_demo_edition_texts_are_translated_by_people(award):
    for edition in Edition.objects.all():
        rows = TextTranslation.objects.filter(
            content_type__model="edition", object_id=str(edition.pk), provenance=Provenance.HUMAN
        )
        languages = {"en", "fr", "es", "pt", "ca"} - {edition.original_language}
        assert {(row.field, row.language) for row in rows} == {
            (field, language) for field in ("theme", "axes", "rules") for language in languages
        }, edition.year
    assert Edition.objects.get(year=2016).theme == "Convivir en la ciudad"
    assert Edition.objects.get(year=2026).theme == "Education as a source of inclusion and social cohesion"


def test_demo_open_edition_is_in_its_jury_phase_and_blind_scoring(award):
    edition = Edition.objects.select_related("review_process").get(year=2026)
    now = timezone.now()

    assert edition_phase(edition=edition) == EditionPhase.JURY
    assert edition.review_process.phase == ReviewPhase.BLIND
    assert edition.call_opens_at < edition.deadline < now
    assert edition.decision_on > timezone.localdate()
    assert edition.ceremony_on > edition.decision_on
    assert edition.review_process.criteria.count() == 6
    assert edition.questions.count() == 3
    assert edition.next_congress_host.name == "Granollers"


def test_demo_open_edition_applications_are_explained(award, demo_root, settings):
    applications = Application.objects.filter(edition__year=2026)

    ineligible = applications.filter(status=S.INELIGIBLE)
    assert ineligible.count() == 3
    assert not ineligible.filter(eligibility_note="").exists()
    eligible = applications.get(status=S.ELIGIBLE)
    assert eligible.eligibility_overridden is True
    assert eligible.eligibility_note
    submitted = applications.exclude(status=S.DRAFT)
    assert all(application.mayor_letter for application in submitted)
    letter = submitted.first().mayor_letter
    settings.PRIVATE_MEDIA_ROOT = demo_root / "private"
    with letter.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert not applications.filter(status=S.DRAFT).exclude(submitted_at=None).exists()
    assert applications.filter(status=S.WITHDRAWN, review_item__isnull=False).count() == 1


def test_demo_jury_has_jurors_conflicts_and_assignments(award):
    edition = Edition.objects.get(year=2026)
    process = edition.review_process
    conflicts = Conflict.objects.filter(item__process=process)

    assert Reviewer.objects.filter(process=process).count() == len(JURORS) == 7
    assert conflicts.filter(source=ConflictSource.AUTOMATIC, kind=ConflictKind.SAME_COUNTRY).exists()
    assert conflicts.filter(source=ConflictSource.AUTOMATIC, kind=ConflictKind.SAME_NETWORK).exists()
    declared = conflicts.get(source=ConflictSource.DECLARED)
    assert declared.reviewer.user.email == README_JUROR
    staff = conflicts.get(source=ConflictSource.STAFF)
    assert staff.is_pinned is True
    conflicted = set(conflicts.values_list("reviewer_id", "item_id"))
    assignments = Assignment.objects.filter(item__process=process)
    assert not {pair for pair in assignments.values_list("reviewer_id", "item_id") if pair in conflicted}
    active = ReviewItem.objects.filter(process=process, is_active=True)
    assert active.count() == 14
    per_item = Counter(assignments.filter(item__is_active=True).values_list("item_id", flat=True))
    assert set(per_item.values()) == {3}
    assert len(per_item) == 14


def test_demo_jury_has_partial_scores_and_one_outlier(award):
    process = Edition.objects.get(year=2026).review_process
    reviews = Review.objects.filter(item__process=process)

    assert reviews.filter(submitted_at__isnull=False).count() >= 10
    assert reviews.filter(submitted_at__isnull=True).count() >= 3
    assert Assignment.objects.filter(item__process=process).count() > reviews.count()
    assert Score.objects.filter(review__item__process=process, not_applicable=True).count() == 1
    outlier = reviews.get(comment__in=OUTLIER_COMMENT.values())
    aggregate = process_aggregates(process=process)[outlier.item_id]
    assert outlier.pk in aggregate.outlier_review_ids
    assert aggregate.is_divergent is True


def test_demo_readme_juror_logs_in_and_has_work_to_do(award):
    user = User.objects.get(email=README_JUROR)
    reviewer = Reviewer.objects.get(user=user, process__award_edition__year=2026)
    reviews = Review.objects.filter(reviewer=reviewer)

    assert user.check_password(DEMO_PASSWORD)
    assert EmailAddress.objects.filter(user=user, verified=True, primary=True).exists()
    assert reviewer.city.name == "Lisbon"
    assert reviews.filter(submitted_at__isnull=False).count() == 1
    assert reviews.filter(submitted_at__isnull=True).count() == 1
    assert Assignment.objects.filter(reviewer=reviewer).count() > 2
    for juror in JURORS:
        assert User.objects.get(email=juror.email).check_password(DEMO_PASSWORD)


def test_demo_award_loads_twice_and_changes_nothing(award):
    audit = AuditEntry.objects.count()
    translations = TextTranslation.objects.count()
    experiences = Experience.objects.count()
    users = User.objects.count()

    counts = awards_demo_load(log=_quiet)

    assert counts == award
    assert AuditEntry.objects.count() == audit
    assert TextTranslation.objects.count() == translations
    assert Experience.objects.count() == experiences
    assert User.objects.count() == users


def test_demo_open_pool_makes_a_late_initiative_when_the_bank_has_none(award):
    edition = Edition.objects.get(year=2026)
    Experience.objects.filter(start_date__gte=edition.initiative_cutoff).update(
        start_date=edition.initiative_cutoff.replace(year=2010)
    )

    pool, late = _AwardsLoader(log=_quiet).open_pool(edition)

    assert late is not None
    assert late not in pool
    assert Experience.objects.get(pk=late.pk).start_date == edition.initiative_cutoff + timedelta(days=120)
