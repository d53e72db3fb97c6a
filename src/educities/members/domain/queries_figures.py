"""Selectors for "The network in figures": member cities over time, by world region and by country.

Each selector is one aggregate query whose cost does not grow with the number of cities; only the
small grouped result (one row per year, region or country) is shaped in Python.
"""

from dataclasses import dataclass

from django.db.models import Count, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone

from educities.members.domain.queries_public import sort_key
from educities.members.enums import MembershipStatus, WorldRegion
from educities.members.models import City, Country


def _members():
    return City.objects.filter(membership_status=MembershipStatus.MEMBER).order_by()


@dataclass(frozen=True)
class YearFigure:
    year: int
    joined: int  # current member cities that joined that year
    total: int  # current member cities that had joined by the end of that year


@dataclass(frozen=True)
class MembersOverTime:
    years: list[YearFigure]
    undated: int  # current member cities with no joining date recorded

    @property
    def first(self) -> YearFigure | None:
        return self.years[0] if self.years else None

    @property
    def last(self) -> YearFigure | None:
        return self.years[-1] if self.years else None

    @property
    def peak(self) -> YearFigure | None:
        """The year in which the most of today's member cities joined (the earliest on a tie)."""
        return max(self.years, key=lambda row: (row.joined, -row.year)) if self.years else None


def members_over_time(*, until: int | None = None) -> MembersOverTime:
    """Today's member cities by the year they joined, every year from the first to ``until``.

    ``until`` defaults to the current year (a joining date after it still extends the range).
    """
    until = until or timezone.localdate().year
    rows = (
        _members()
        .annotate(year=ExtractYear("member_since"))
        .values("year")
        .annotate(joined=Count("pk"))
        .order_by()
    )
    joined_by_year: dict[int, int] = {}
    undated = 0
    for row in rows:
        if row["year"] is None:
            undated += row["joined"]
        else:
            joined_by_year[int(row["year"])] = row["joined"]
    years: list[YearFigure] = []
    if joined_by_year:
        total = 0
        for year in range(min(joined_by_year), max(until, max(joined_by_year)) + 1):
            joined = joined_by_year.get(year, 0)
            total += joined
            years.append(YearFigure(year=year, joined=joined, total=total))
    return MembersOverTime(years=years, undated=undated)


@dataclass(frozen=True)
class RegionFigure:
    region: str
    label: str
    cities: int
    inhabitants: int


def members_by_region() -> list[RegionFigure]:
    """Member cities and the inhabitants they cover per world region, most cities first."""
    rows = (
        _members()
        .values("country__region")
        .annotate(cities=Count("pk"), inhabitants=Sum("population"))
        .order_by()
    )
    figures = [
        RegionFigure(
            region=row["country__region"],
            label=str(WorldRegion(row["country__region"]).label),
            cities=row["cities"],
            inhabitants=row["inhabitants"] or 0,
        )
        for row in rows
    ]
    return sorted(figures, key=lambda figure: (-figure.cities, sort_key(figure.label)))


@dataclass(frozen=True)
class CountryFigure:
    code: str
    name: str
    cities: int
    inhabitants: int


@dataclass(frozen=True)
class CountriesRanking:
    countries: list[CountryFigure]  # the top ones, most member cities first
    country_count: int  # how many countries have member cities at all


def members_top_countries(*, limit: int = 15) -> CountriesRanking:
    """The ``limit`` countries with the most member cities, names in the reader's language.

    Ties are broken by the country's name as the reader sees it, so the cut is stable.
    """
    rows = (
        _members()
        .values("country__code")
        .annotate(cities=Count("pk"), inhabitants=Sum("population"))
        .order_by()
    )
    figures = [
        CountryFigure(
            code=str(row["country__code"]),
            name=Country(code=row["country__code"]).name,
            cities=row["cities"],
            inhabitants=row["inhabitants"] or 0,
        )
        for row in rows
    ]
    figures.sort(key=lambda figure: (-figure.cities, sort_key(figure.name)))
    return CountriesRanking(countries=figures[: max(limit, 0)], country_count=len(figures))
