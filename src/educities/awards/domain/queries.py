"""Reading the award: public editions with their figures and results, a city's applications, staff lists.

Every list is read in a constant number of queries whatever its length (tests guard it).
"""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from educities.awards.enums import CANDIDACY_STATES, RESULT_STATES, ApplicationStatus
from educities.awards.models import EDITION_TEXT_FIELDS, Answer, Application, Edition
from educities.core.domain.translations_queries import TranslatedValue, translations_prefetch
from educities.members.enums import RoleKind
from educities.members.models import RoleGrant


@dataclass(frozen=True)
class EditionFigures:
    candidacies: int
    cities: int
    countries: int
    # True when at least one figure is the recorded one (editions before the platform).
    recorded: bool = False


@dataclass(frozen=True)
class EditionFigurePoint:
    """One edition in the series of candidacies per edition (the chart and its table)."""

    year: int
    number: int
    figures: EditionFigures


_CANDIDACY = Q(applications__status__in=CANDIDACY_STATES)


def _with_counts(queryset: QuerySet[Edition]) -> QuerySet[Edition]:
    return queryset.annotate(
        counted_candidacies=Count("applications", filter=_CANDIDACY, distinct=True),
        counted_cities=Count("applications__city", filter=_CANDIDACY, distinct=True),
        counted_countries=Count("applications__city__country", filter=_CANDIDACY, distinct=True),
    )


def _figures(edition: Edition) -> EditionFigures:
    counted = (
        getattr(edition, "counted_candidacies", None),
        getattr(edition, "counted_cities", None),
        getattr(edition, "counted_countries", None),
    )
    if None in counted:
        candidacies = edition.applications.filter(status__in=CANDIDACY_STATES)
        counted = (
            candidacies.count(),
            candidacies.values("city").distinct().count(),
            candidacies.values("city__country").distinct().count(),
        )
    recorded = (edition.recorded_candidacies, edition.recorded_cities, edition.recorded_countries)
    values = [r if r is not None else c for r, c in zip(recorded, counted, strict=True)]
    return EditionFigures(
        candidacies=values[0],
        cities=values[1],
        countries=values[2],
        recorded=any(value is not None for value in recorded),
    )


def edition_figures(*, edition: Edition) -> EditionFigures:
    """Candidacies, cities and countries: the recorded figures when set, else counted from candidacies."""
    return _figures(edition)


def _results_prefetch(to_attr: str = "result_list") -> Prefetch:
    return Prefetch(
        "applications",
        queryset=Application.objects.filter(status__in=RESULT_STATES)
        .select_related("city__country", "experience")
        .order_by("city__name", "pk"),
        to_attr=to_attr,
    )


def _editions_with_figures(queryset: QuerySet[Edition]) -> list[Edition]:
    editions = list(
        _with_counts(queryset).select_related("next_congress_host").prefetch_related(_results_prefetch())
    )
    for edition in editions:
        edition.figures = _figures(edition)
        if edition.results_published_at is None:
            edition.result_list = []
    return editions


def editions_public() -> list[Edition]:
    """Announced editions, newest first, each with ``figures`` and ``result_list`` (published results:
    winners, special mentions, finalists with city, country and experience; empty before publication)."""
    return _editions_with_figures(Edition.objects.filter(is_published=True).order_by("-year"))


def edition_public(*, year: int) -> Edition | None:
    """The announced edition of ``year`` (with ``figures`` and ``result_list``), or None."""
    editions = _editions_with_figures(Edition.objects.filter(is_published=True, year=year))
    return editions[0] if editions else None


def editions_figures_series() -> list[EditionFigurePoint]:
    """Candidacies, cities and countries per announced edition, oldest first (for the chart)."""
    editions = _with_counts(Edition.objects.filter(is_published=True).order_by("year"))
    return [
        EditionFigurePoint(year=edition.year, number=edition.number, figures=_figures(edition))
        for edition in editions
    ]


def edition_results(*, edition: Edition, include_unpublished: bool = False) -> dict[str, list[Application]]:
    """``{status: [applications]}`` for winners, special mentions and finalists, in that order, with
    city, country and experience. Empty lists until the results are published, unless
    ``include_unpublished`` (the Secretariat's decision page)."""
    results: dict[str, list[Application]] = {status: [] for status in RESULT_STATES}
    if edition.results_published_at is None and not include_unpublished:
        return results
    applications = (
        Application.objects.filter(edition=edition, status__in=RESULT_STATES)
        .select_related("city__country", "experience")
        .order_by("city__name", "pk")
    )
    for application in applications:
        results[application.status].append(application)
    return results


def applications_of_user(*, user) -> QuerySet[Application]:
    """The applications of the cities ``user`` edits, newest edition first."""
    if not (user and user.is_authenticated):
        return Application.objects.none()
    cities = RoleGrant.objects.filter(user=user, kind=RoleKind.CITY_EDITOR, city__isnull=False).values(
        "city_id"
    )
    return (
        Application.objects.filter(city_id__in=cities)
        .select_related("edition", "city__country", "experience")
        .order_by("-edition__year", "city__name", "pk")
    )


def applications_for_staff(*, edition: Edition, status: str | None = None) -> QuerySet[Application]:
    """The applications of ``edition`` (all but drafts, or those in ``status``) for the Secretariat."""
    queryset = Application.objects.filter(edition=edition)
    if status:
        queryset = queryset.filter(status=status)
    else:
        queryset = queryset.exclude(status=ApplicationStatus.DRAFT)
    return (
        queryset.select_related("city__country", "experience", "review_item", "submitted_by")
        .annotate(answer_count=Count("answers"))
        .order_by("city__name", "pk")
    )


def application_detail(*, pk: int) -> Application | None:
    """One application with its edition, city, experience, answers (in question order) and review item."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return (
        Application.objects.filter(pk=pk)
        .select_related(
            "edition__review_process", "city__country", "experience", "review_item", "submitted_by"
        )
        .prefetch_related(
            Prefetch(
                "answers",
                queryset=Answer.objects.select_related("question").order_by("question__position"),
            ),
            "edition__questions",
        )
        .first()
    )


def edition_texts(*, edition: Edition, language: str, original: bool = False) -> dict[str, TranslatedValue]:
    """Theme, axes and rules in ``language`` (else the original, with provenance), in one query."""
    values = translations_prefetch(
        objects=[edition], fields=EDITION_TEXT_FIELDS, language=language, original=original
    )
    return {field: values[(edition.pk, field)] for field in EDITION_TEXT_FIELDS}
