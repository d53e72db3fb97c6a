"""Reading the International Day: the world agenda, its filters and map points, figures, city and country
pages.

The public sees *visible* activities: published or cancelled (marked as such), never hidden, of a
published campaign. Every function reads a constant number of queries whatever the number of
activities (tests guard it): the agenda's page, its map points, its iCal and CSV exports and the API all
start from ``agenda_activities`` (or ``activities_visible``) filtered by ``agenda_filter``.

Dates of activities are local: "the activities of 30 November" are those that start on 30 November in
their own time zone (an activity at 20:00 in Bogotá on 30 November is on 1 December in UTC).
"""

import datetime
from dataclasses import dataclass, field
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import models
from django.db.models import Count, IntegerField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import get_language

from educities.days.enums import LINK_FORMATS, PLACE_FORMATS, ActivityStatus
from educities.days.models import Activity, Campaign
from educities.members.models import City, Country, NetworkMembership

# What the public sees of an activity; a hidden one exists only for its city and the Secretariat.
VISIBLE_ACTIVITY_STATES = (ActivityStatus.PUBLISHED, ActivityStatus.CANCELLED)
# The agenda's format filter: hybrid activities are both in person and online.
FORMAT_FILTERS: dict[str, frozenset[str]] = {"in_person": PLACE_FORMATS, "online": LINK_FORMATS}
# Map coordinates are rounded to 4 decimals (about 11 m): enough for a marker, and a smaller payload.
MAP_DECIMALS = 4
# Local days this far from the ends of the calendar cannot be turned into moments (and hold no Day).
_SAFE_DAYS = datetime.timedelta(days=2)


@dataclass(frozen=True)
class AgendaFilters:
    """What the reader chose on the agenda (all optional). ``country`` is an ISO code, ``network`` and
    ``city`` primary keys, ``date`` a local day, ``format`` "in_person" or "online", ``q`` words of the title.
    """

    country: str = ""
    network: int | None = None
    kind: str = ""
    date: datetime.date | None = None
    format: str = ""
    city: int | None = None
    q: str = ""

    @property
    def is_empty(self) -> bool:
        return self == AgendaFilters()


@dataclass(frozen=True)
class CampaignFigures:
    """A campaign in figures, counted from its published activities (cancelled ones are not counted)."""

    cities: int = 0
    countries: int = 0
    activities: int = 0
    # The sum of the participants cities reported after the Day (activities with no report count 0).
    participants: int = 0
    reported: int = 0  # activities whose participants were reported


@dataclass(frozen=True)
class YearFigures:
    year: int
    campaign: Campaign
    figures: CampaignFigures


@dataclass(frozen=True)
class CountryYear:
    """One campaign of a country: its activities there and, per city, how many."""

    campaign: Campaign
    activities: int
    cities: list[tuple[City, int]] = field(default_factory=list)


@lru_cache(maxsize=1024)
def zone_of(name: str) -> ZoneInfo:
    """The time zone called ``name``; UTC when the name is unknown (a row written outside the forms)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def choice_labels(choices: type[models.Choices]) -> dict[str, str]:
    """``{value: label}`` of ``choices`` in the active language.

    ``get_FOO_display()`` hashes every lazy label of the field (one catalogue look-up each) on every
    call: a list of 50 activities would pay it 100 times. The labels of a language never change while
    the process runs, so they are read once per language.
    """
    return _choice_labels(choices, get_language() or "")


@lru_cache(maxsize=64)
def _choice_labels(choices: type[models.Choices], language: str) -> dict[str, str]:
    return {str(value): str(label) for value, label in choices.choices}


# --- campaigns ---------------------------------------------------------------------------------


_PUBLISHED_ACTIVITY = Q(activities__status=ActivityStatus.PUBLISHED)


def _with_figures(campaigns: QuerySet[Campaign]) -> QuerySet[Campaign]:
    return campaigns.annotate(
        counted_activities=Count("activities", filter=_PUBLISHED_ACTIVITY, distinct=True),
        counted_cities=Count("activities__city", filter=_PUBLISHED_ACTIVITY, distinct=True),
        counted_countries=Count("activities__city__country", filter=_PUBLISHED_ACTIVITY, distinct=True),
        counted_participants=Coalesce(
            Sum("activities__participants", filter=_PUBLISHED_ACTIVITY), Value(0), output_field=IntegerField()
        ),
        counted_reported=Count(
            "activities",
            filter=_PUBLISHED_ACTIVITY & Q(activities__participants__isnull=False),
            distinct=True,
        ),
    )


def _figures_of(campaign: Campaign) -> CampaignFigures:
    return CampaignFigures(
        cities=campaign.counted_cities,
        countries=campaign.counted_countries,
        activities=campaign.counted_activities,
        participants=campaign.counted_participants,
        reported=campaign.counted_reported,
    )


def campaigns_public() -> list[Campaign]:
    """Published campaigns, newest first, each with ``figures`` (``CampaignFigures``), in one query."""
    campaigns = list(_with_figures(Campaign.objects.filter(is_published=True)).order_by("-year"))
    for campaign in campaigns:
        campaign.figures = _figures_of(campaign)
    return campaigns


def campaign_current() -> Campaign | None:
    """The latest published campaign (the one ``/day/`` shows), or None."""
    return Campaign.objects.filter(is_published=True).order_by("-year").first()


def campaign_public(*, year: int) -> Campaign | None:
    """The published campaign of ``year`` with ``figures`` and its materials, or None (two queries)."""
    campaign = (
        _with_figures(Campaign.objects.filter(is_published=True, year=year))
        .prefetch_related("materials")
        .first()
    )
    if campaign is not None:
        campaign.figures = _figures_of(campaign)
    return campaign


def campaign_figures(*, campaign: Campaign) -> CampaignFigures:
    """Cities, countries, activities and participants of ``campaign`` (published activities), one query."""
    counted = Activity.objects.filter(campaign=campaign, status=ActivityStatus.PUBLISHED).aggregate(
        counted_activities=Count("pk"),
        counted_cities=Count("city", distinct=True),
        counted_countries=Count("city__country", distinct=True),
        counted_participants=Coalesce(Sum("participants"), Value(0), output_field=IntegerField()),
        counted_reported=Count("pk", filter=Q(participants__isnull=False)),
    )
    return CampaignFigures(**{key.removeprefix("counted_"): value for key, value in counted.items()})


def day_figures_by_year() -> list[YearFigures]:
    """One row per published campaign, oldest first: cities, countries, activities, participants.

    One query.
    """
    campaigns = _with_figures(Campaign.objects.filter(is_published=True)).order_by("year")
    return [
        YearFigures(year=campaign.year, campaign=campaign, figures=_figures_of(campaign))
        for campaign in campaigns
    ]


# --- the agenda ------------------------------------------------------------------------------


def activities_visible() -> QuerySet[Activity]:
    """Every activity the public may see (published or cancelled, of a published campaign), by start."""
    return (
        Activity.objects.filter(status__in=VISIBLE_ACTIVITY_STATES, campaign__is_published=True)
        .select_related("campaign", "city__country")
        .order_by("starts_at", "pk")
    )


def agenda_activities(*, campaign: Campaign, filters: AgendaFilters | None = None) -> QuerySet[Activity]:
    """The visible activities of ``campaign`` (published or not: the view checks who may see it) that
    match ``filters``, with city and country, ordered by start."""
    activities = (
        Activity.objects.filter(campaign=campaign, status__in=VISIBLE_ACTIVITY_STATES)
        .select_related("city__country")
        .order_by("starts_at", "pk")
    )
    return agenda_filter(activities=activities, filters=filters or AgendaFilters())


def local_day_bounds(day: datetime.date, zone: str) -> tuple[datetime.datetime, datetime.datetime]:
    """The first moment of ``day`` and of the next day in ``zone`` (aware)."""
    tz = zone_of(zone)
    start = datetime.datetime.combine(day, datetime.time(0), tzinfo=tz)
    end = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(0), tzinfo=tz)
    return start, end


def _on_local_day(activities: QuerySet[Activity], day: datetime.date) -> QuerySet[Activity]:
    if not (datetime.date.min + _SAFE_DAYS <= day <= datetime.date.max - _SAFE_DAYS):
        return activities.none()
    # Every zone's day lies between 00:00 at UTC+14 and 24:00 at UTC-12: narrow to that first, then
    # ask which zones the candidates use (one query) and keep each zone's own day.
    widest_start = datetime.datetime.combine(day, datetime.time(0), tzinfo=datetime.UTC) - datetime.timedelta(
        hours=14
    )
    widest_end = datetime.datetime.combine(day, datetime.time(0), tzinfo=datetime.UTC) + datetime.timedelta(
        hours=36
    )
    candidates = activities.filter(starts_at__gte=widest_start, starts_at__lt=widest_end)
    zones = sorted(set(candidates.order_by().values_list("time_zone", flat=True).distinct()))
    if not zones:
        return activities.none()
    # Zones whose day starts and ends at the same moments (same offsets that day) share one condition.
    by_bounds: dict[tuple[datetime.datetime, datetime.datetime], list[str]] = {}
    for zone in zones:
        by_bounds.setdefault(local_day_bounds(day, zone), []).append(zone)
    on_day = Q()
    for (start, end), names in sorted(by_bounds.items()):
        on_day |= Q(starts_at__gte=start, starts_at__lt=end, time_zone__in=names)
    return candidates.filter(on_day)


def agenda_filter(*, activities: QuerySet[Activity], filters: AgendaFilters) -> QuerySet[Activity]:
    """``activities`` narrowed by every filter that is set (the order and the related rows are kept)."""
    if filters.country:
        # A subquery of the country's cities: the database checks each activity's city against a small
        # set instead of joining every activity to its city and country.
        cities = City.objects.filter(country__code=filters.country.upper()).values("pk")
        activities = activities.filter(city_id__in=cities)
    if filters.network is not None:
        activities = activities.filter(
            city_id__in=NetworkMembership.objects.filter(network_id=filters.network).values("city_id")
        )
    if filters.city is not None:
        activities = activities.filter(city_id=filters.city)
    if filters.kind:
        activities = activities.filter(kind=filters.kind)
    if filters.format:
        formats = FORMAT_FILTERS.get(filters.format)
        activities = activities.filter(format__in=formats) if formats else activities.none()
    if filters.q.strip():
        for word in filters.q.split()[:10]:
            activities = activities.filter(title__icontains=word)
    if filters.date is not None:
        activities = _on_local_day(activities, filters.date)
    return activities


def agenda_countries(*, campaign: Campaign) -> list[Country]:
    """The countries that have visible activities in ``campaign`` (for the agenda's country filter)."""
    return agenda_summary(campaign=campaign).countries


@dataclass(frozen=True)
class AgendaSummary:
    figures: CampaignFigures
    countries: list[Country]  # with visible activities (published or cancelled), by code


def agenda_summary(*, campaign: Campaign) -> AgendaSummary:
    """The campaign's figures and the countries of its agenda, from one pass over its activities.

    Two queries: the activities grouped by country and state (a city is in one country, so its cities
    add up across countries), then the countries themselves.
    """
    groups = (
        Activity.objects.filter(campaign=campaign, status__in=VISIBLE_ACTIVITY_STATES)
        .order_by()
        .values("city__country_id", "status")
        .annotate(
            counted_activities=Count("pk"),
            counted_cities=Count("city", distinct=True),
            counted_participants=Coalesce(Sum("participants"), Value(0), output_field=IntegerField()),
            counted_reported=Count("pk", filter=Q(participants__isnull=False)),
        )
    )
    totals = {"activities": 0, "cities": 0, "countries": 0, "participants": 0, "reported": 0}
    country_ids = set()
    for group in groups:
        country_ids.add(group["city__country_id"])
        if group["status"] != ActivityStatus.PUBLISHED:
            continue
        totals["countries"] += 1
        for key in ("activities", "cities", "participants", "reported"):
            totals[key] += group[f"counted_{key}"]
    countries = list(Country.objects.filter(pk__in=country_ids)) if country_ids else []
    return AgendaSummary(figures=CampaignFigures(**totals), countries=countries)


# What the agenda's list shows of an activity (``agenda_page``): reading only these halves the work of
# turning the page's rows into objects. Any other field read from them would cost a query each (the
# tests count them).
AGENDA_LIST_FIELDS = (
    "title",
    "language",
    "status",
    "kind",
    "format",
    "starts_at",
    "ends_at",
    "time_zone",
    "city__name",
    "city__slug",
    "city__country__code",
)


def agenda_page(*, ids: list[int]) -> list[Activity]:
    """The activities of ``ids`` in that order, with what the agenda's list shows of them and of their
    city and country (one query).

    The agenda pages through the ids alone (the index holds them: no join, no row read while sorting)
    and then reads the 50 activities of the page.
    """
    rows = Activity.objects.filter(pk__in=ids).select_related("city__country").only(*AGENDA_LIST_FIELDS)
    by_id = {activity.pk: activity for activity in rows.order_by()}
    return [by_id[pk] for pk in ids if pk in by_id]


def agenda_map_points(*, activities: QuerySet[Activity]) -> dict:
    """The compact payload of the agenda's map, in one query.

    ``{"cities": [name, ...], "zones": [IANA name, ...], "points": [[id, lat, lng, title, city index,
    start (Unix seconds), zone index], ...]}``: city names and time zones are listed once and pointed
    to by their index, coordinates are rounded (``MAP_DECIMALS``). Activities without a place (online)
    have no point; the list shows them.
    """
    rows = (
        activities.filter(latitude__isnull=False, longitude__isnull=False)
        .order_by()
        .values_list("pk", "latitude", "longitude", "title", "city__name", "starts_at", "time_zone")
    )
    cities: dict[str, int] = {}
    zones: dict[str, int] = {}
    points = []
    for pk, latitude, longitude, title, city, starts_at, zone in rows:
        points.append(
            [
                pk,
                round(latitude, MAP_DECIMALS),
                round(longitude, MAP_DECIMALS),
                title,
                cities.setdefault(city, len(cities)),
                int(starts_at.timestamp()),
                zones.setdefault(zone, len(zones)),
            ]
        )
    points.sort(key=lambda point: (point[5], point[0]))
    return {"cities": list(cities), "zones": list(zones), "points": points}


# --- one activity, a city, a country ----------------------------------------------------------


def activity_public_detail(*, pk: int) -> Activity | None:
    """One activity (whatever its state: the view checks who may see it) with its campaign, city,
    country and photos, or None."""
    return (
        Activity.objects.filter(pk=pk)
        .select_related("campaign", "city__country")
        .prefetch_related("photos")
        .first()
    )


def city_activities(*, city: City) -> QuerySet[Activity]:
    """The visible activities of ``city`` over the years: newest campaign first, then by start."""
    return activities_visible().filter(city=city).order_by("-campaign__year", "starts_at", "pk")


def country_activities(*, country_code: str) -> list[CountryYear]:
    """Per published campaign (newest first) with visible activities in the country: how many, and in
    which cities (by name, with their number of activities). Three queries."""
    code = country_code.upper()
    counts = (
        activities_visible()
        .filter(city__country__code=code)
        .order_by()
        .values("campaign_id", "city_id")
        .annotate(activities=Count("pk"))
    )
    by_campaign: dict[int, dict[int, int]] = {}
    for row in counts:
        by_campaign.setdefault(row["campaign_id"], {})[row["city_id"]] = row["activities"]
    if not by_campaign:
        return []
    city_ids = {city_id for cities in by_campaign.values() for city_id in cities}
    cities = {city.pk: city for city in City.objects.filter(pk__in=city_ids)}
    campaigns = Campaign.objects.filter(pk__in=list(by_campaign)).order_by("-year")
    years = []
    for campaign in campaigns:
        per_city = sorted(
            ((cities[city_id], number) for city_id, number in by_campaign[campaign.pk].items()),
            key=lambda pair: (pair[0].name.casefold(), pair[0].pk),
        )
        years.append(
            CountryYear(campaign=campaign, activities=sum(number for _, number in per_city), cities=per_city)
        )
    return years
