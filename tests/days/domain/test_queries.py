"""The read side of the International Day: the agenda, its filters, map points, figures, cities, countries."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from educities.days.domain.queries import (
    AgendaFilters,
    activities_visible,
    activity_public_detail,
    agenda_activities,
    agenda_countries,
    agenda_map_points,
    agenda_page,
    agenda_summary,
    campaign_current,
    campaign_figures,
    campaign_public,
    campaigns_public,
    city_activities,
    country_activities,
    day_figures_by_year,
    zone_of,
)
from educities.days.enums import ActivityFormat, ActivityKind, ActivityStatus
from tests.days.factories import ActivityFactory, CampaignFactory, OnlineActivityFactory, day_moment
from tests.factories import CityFactory, CountryFactory, NetworkFactory, NetworkMembershipFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _titles(activities) -> list[str]:
    return [activity.title for activity in activities]


@pytest.fixture
def campaign():
    return CampaignFactory(year=2025)


@pytest.fixture
def spain():
    return CountryFactory(code="ES")


@pytest.fixture
def colombia():
    return CountryFactory(code="CO")


def test_agenda_activities_are_the_visible_ones_of_the_campaign_by_start(campaign):
    ActivityFactory(campaign=campaign, title="Evening", starts_at=day_moment(2025, 19))
    ActivityFactory(campaign=campaign, title="Morning", starts_at=day_moment(2025, 10))
    ActivityFactory(campaign=campaign, title="Cancelled", status=ActivityStatus.CANCELLED)
    ActivityFactory(campaign=campaign, title="Hidden", status=ActivityStatus.HIDDEN)
    ActivityFactory(campaign=CampaignFactory(year=2024), title="Last year")

    activities = agenda_activities(campaign=campaign)

    assert _titles(activities) == ["Morning", "Cancelled", "Evening"]


def test_activities_visible_leave_out_unpublished_campaigns_and_hidden_activities(campaign):
    ActivityFactory(campaign=campaign, title="Shown")
    ActivityFactory(campaign=campaign, title="Hidden", status=ActivityStatus.HIDDEN)
    ActivityFactory(campaign=CampaignFactory(year=2026, is_published=False), title="Draft year")

    assert _titles(activities_visible()) == ["Shown"]


def test_agenda_filter_by_country_accepts_any_case(campaign, spain, colombia):
    ActivityFactory(campaign=campaign, title="Madrid", city=CityFactory(country=spain))
    ActivityFactory(campaign=campaign, title="Bogotá", city=CityFactory(country=colombia))

    assert _titles(agenda_activities(campaign=campaign, filters=AgendaFilters(country="co"))) == ["Bogotá"]
    assert _titles(agenda_activities(campaign=campaign, filters=AgendaFilters(country="ES"))) == ["Madrid"]


def test_agenda_filter_by_network_keeps_the_cities_of_the_network(campaign):
    network = NetworkFactory()
    member = CityFactory()
    NetworkMembershipFactory(network=network, city=member)
    ActivityFactory(campaign=campaign, title="In the network", city=member)
    ActivityFactory(campaign=campaign, title="Also in it", city=member)
    ActivityFactory(campaign=campaign, title="Outside")

    activities = agenda_activities(campaign=campaign, filters=AgendaFilters(network=network.pk))

    assert _titles(activities) == ["In the network", "Also in it"]


def test_agenda_filter_by_city_and_kind(campaign):
    city = CityFactory()
    ActivityFactory(campaign=campaign, title="Walk here", city=city, kind=ActivityKind.WALK)
    ActivityFactory(campaign=campaign, title="Debate here", city=city, kind=ActivityKind.DEBATE)
    ActivityFactory(campaign=campaign, title="Debate elsewhere", kind=ActivityKind.DEBATE)

    filters = AgendaFilters(city=city.pk, kind=ActivityKind.DEBATE)

    assert _titles(agenda_activities(campaign=campaign, filters=filters)) == ["Debate here"]


def test_agenda_filter_in_person_includes_hybrid_and_online_includes_hybrid(campaign):
    ActivityFactory(campaign=campaign, title="In person", starts_at=day_moment(2025, 9))
    ActivityFactory(
        campaign=campaign,
        title="Hybrid",
        format=ActivityFormat.HYBRID,
        online_url="https://meet.example.org/h",
        starts_at=day_moment(2025, 10),
    )
    OnlineActivityFactory(campaign=campaign, title="Online", starts_at=day_moment(2025, 11))

    in_person = agenda_activities(campaign=campaign, filters=AgendaFilters(format="in_person"))
    online = agenda_activities(campaign=campaign, filters=AgendaFilters(format="online"))

    assert _titles(in_person) == ["In person", "Hybrid"]
    assert _titles(online) == ["Hybrid", "Online"]


def test_agenda_filter_unknown_format_gives_nothing(campaign):
    ActivityFactory(campaign=campaign)

    assert _titles(agenda_activities(campaign=campaign, filters=AgendaFilters(format="teleport"))) == []


def test_agenda_filter_q_needs_every_word_in_the_title_whatever_the_case(campaign):
    ActivityFactory(campaign=campaign, title="Children's council in the square")
    ActivityFactory(campaign=campaign, title="Council of older people")
    ActivityFactory(campaign=campaign, title="Walk")

    activities = agenda_activities(campaign=campaign, filters=AgendaFilters(q="  COUNCIL   square "))

    assert _titles(activities) == ["Children's council in the square"]


def test_agenda_filter_date_is_each_activity_local_day(campaign):
    bogota = CityFactory(time_zone="America/Bogota")
    tokyo = CityFactory(time_zone="Asia/Tokyo")
    madrid = CityFactory(time_zone="Europe/Madrid")
    # 20:00 on 30 November in Bogotá is 1 December in UTC; 08:00 on 1 December in Tokyo is 30 November.
    ActivityFactory(
        campaign=campaign,
        city=bogota,
        title="Bogotá evening",
        starts_at=day_moment(2025, 20, zone="America/Bogota"),
    )
    ActivityFactory(
        campaign=campaign,
        city=tokyo,
        title="Tokyo morning",
        starts_at=day_moment(2025, 8, zone="Asia/Tokyo", day=1, month=12),
    )
    ActivityFactory(
        campaign=campaign,
        city=madrid,
        title="Madrid midnight",
        starts_at=day_moment(2025, 0, zone="Europe/Madrid", day=1, month=12),
    )

    on_30 = agenda_activities(campaign=campaign, filters=AgendaFilters(date=datetime.date(2025, 11, 30)))
    on_1 = agenda_activities(campaign=campaign, filters=AgendaFilters(date=datetime.date(2025, 12, 1)))

    assert _titles(on_30) == ["Bogotá evening"]
    assert _titles(on_1) == ["Tokyo morning", "Madrid midnight"]


@pytest.mark.parametrize(
    "day", [datetime.date.min, datetime.date.max, datetime.date(1, 1, 2), datetime.date(2, 1, 1)]
)
def test_agenda_filter_date_at_the_ends_of_the_calendar_gives_nothing(campaign, day):
    ActivityFactory(campaign=campaign)

    assert _titles(agenda_activities(campaign=campaign, filters=AgendaFilters(date=day))) == []


def test_agenda_filters_combine(campaign, spain, colombia):
    city = CityFactory(country=spain)
    ActivityFactory(campaign=campaign, city=city, title="Walk in Spain", kind=ActivityKind.WALK)
    ActivityFactory(campaign=campaign, city=city, title="Debate in Spain", kind=ActivityKind.DEBATE)
    ActivityFactory(
        campaign=campaign, title="Walk elsewhere", kind=ActivityKind.WALK, city=CityFactory(country=colombia)
    )

    filters = AgendaFilters(
        country="ES", kind="walk", date=datetime.date(2025, 11, 30), format="in_person", q="walk"
    )

    assert _titles(agenda_activities(campaign=campaign, filters=filters)) == ["Walk in Spain"]
    assert AgendaFilters().is_empty
    assert not filters.is_empty


def test_agenda_countries_are_those_with_visible_activities(campaign, spain, colombia):
    ActivityFactory(campaign=campaign, city=CityFactory(country=spain))
    ActivityFactory(campaign=campaign, city=CityFactory(country=colombia), status=ActivityStatus.HIDDEN)

    assert [str(country.code) for country in agenda_countries(campaign=campaign)] == ["ES"]


def test_agenda_map_points_are_compact_and_in_one_query(campaign, django_assert_num_queries):
    barcelona = CityFactory(name="Barcelona", latitude=41.387917, longitude=2.169919)
    bogota = CityFactory(name="Bogotá", latitude=4.60971, longitude=-74.08176, time_zone="America/Bogota")
    walk = ActivityFactory(campaign=campaign, city=barcelona, title="Walk", starts_at=day_moment(2025, 10))
    talk = ActivityFactory(
        campaign=campaign, city=bogota, title="Talk", starts_at=day_moment(2025, 18, zone="America/Bogota")
    )
    again = ActivityFactory(campaign=campaign, city=barcelona, title="Again", starts_at=day_moment(2025, 19))
    OnlineActivityFactory(campaign=campaign, title="Online only")

    with django_assert_num_queries(1):
        payload = agenda_map_points(activities=agenda_activities(campaign=campaign))

    assert payload == {
        "cities": ["Barcelona", "Bogotá"],
        "zones": ["Europe/Madrid", "America/Bogota"],
        "points": [
            [walk.pk, 41.3879, 2.1699, "Walk", 0, int(day_moment(2025, 10).timestamp()), 0],
            [again.pk, 41.3879, 2.1699, "Again", 0, int(day_moment(2025, 19).timestamp()), 0],
            [
                talk.pk,
                4.6097,
                -74.0818,
                "Talk",
                1,
                int(day_moment(2025, 18, zone="America/Bogota").timestamp()),
                1,
            ],
        ],
    }


def test_campaign_figures_count_published_activities_only(campaign, spain, colombia):
    madrid = CityFactory(country=spain)
    ActivityFactory(campaign=campaign, city=madrid, participants=120)
    ActivityFactory(campaign=campaign, city=madrid, participants=30)
    ActivityFactory(campaign=campaign, city=CityFactory(country=spain))
    ActivityFactory(campaign=campaign, city=CityFactory(country=colombia), status=ActivityStatus.CANCELLED)
    ActivityFactory(campaign=campaign, city=CityFactory(country=colombia), status=ActivityStatus.HIDDEN)

    figures = campaign_figures(campaign=campaign)

    assert (figures.activities, figures.cities, figures.countries) == (3, 2, 1)
    assert (figures.participants, figures.reported) == (150, 2)


def test_campaign_figures_of_an_empty_campaign_are_zero(campaign):
    figures = campaign_figures(campaign=campaign)

    assert (figures.activities, figures.cities, figures.countries, figures.participants) == (0, 0, 0, 0)


def test_day_figures_by_year_one_row_per_published_campaign_in_one_query(django_assert_num_queries, spain):
    for year, count in ((2023, 1), (2024, 3)):
        campaign = CampaignFactory(year=year)
        for _ in range(count):
            ActivityFactory(campaign=campaign, city=CityFactory(country=spain), participants=10)
    CampaignFactory(year=2025, is_published=False)

    with django_assert_num_queries(1):
        rows = day_figures_by_year()

    assert [
        (row.year, row.figures.activities, row.figures.cities, row.figures.participants) for row in rows
    ] == [
        (2023, 1, 1, 10),
        (2024, 3, 3, 30),
    ]


def test_campaigns_public_newest_first_with_figures():
    ActivityFactory(campaign=CampaignFactory(year=2023))
    CampaignFactory(year=2024)
    CampaignFactory(year=2025, is_published=False)

    campaigns = campaigns_public()

    assert [(campaign.year, campaign.figures.activities) for campaign in campaigns] == [(2024, 0), (2023, 1)]


def test_campaign_current_is_the_latest_published():
    CampaignFactory(year=2023)
    CampaignFactory(year=2024)
    CampaignFactory(year=2025, is_published=False)

    assert campaign_current().year == 2024


def test_campaign_current_is_none_without_a_published_campaign():
    CampaignFactory(year=2025, is_published=False)

    assert campaign_current() is None


def test_campaign_public_gives_a_published_campaign_with_figures():
    ActivityFactory(campaign=CampaignFactory(year=2024))
    CampaignFactory(year=2025, is_published=False)

    assert campaign_public(year=2024).figures.activities == 1
    assert campaign_public(year=2025) is None
    assert campaign_public(year=1999) is None


def test_city_activities_over_the_years_newest_campaign_first():
    city = CityFactory()
    ActivityFactory(city=city, campaign=CampaignFactory(year=2023), title="2023 walk")
    ActivityFactory(
        city=city, campaign=CampaignFactory(year=2024), title="2024 late", starts_at=day_moment(2024, 20)
    )
    ActivityFactory(
        city=city, campaign=CampaignFactory(year=2024), title="2024 early", starts_at=day_moment(2024, 9)
    )
    ActivityFactory(
        city=city, campaign=CampaignFactory(year=2024), title="Hidden", status=ActivityStatus.HIDDEN
    )
    ActivityFactory(city=city, campaign=CampaignFactory(year=2026, is_published=False), title="Not published")
    ActivityFactory(campaign=CampaignFactory(year=2024), title="Another city")

    assert _titles(city_activities(city=city)) == ["2024 early", "2024 late", "2023 walk"]


def test_country_activities_per_year_with_cities_by_name(spain, colombia):
    valencia = CityFactory(name="València", country=spain)
    bilbao = CityFactory(name="Bilbao", country=spain)
    for year in (2023, 2024):
        campaign = CampaignFactory(year=year)
        ActivityFactory(campaign=campaign, city=valencia)
    ActivityFactory(campaign=CampaignFactory(year=2024), city=bilbao)
    ActivityFactory(campaign=CampaignFactory(year=2024), city=bilbao)
    ActivityFactory(campaign=CampaignFactory(year=2024), city=bilbao, status=ActivityStatus.HIDDEN)
    ActivityFactory(campaign=CampaignFactory(year=2024), city=CityFactory(country=colombia))

    years = country_activities(country_code="es")

    assert [
        (year.campaign.year, year.activities, [(city.name, n) for city, n in year.cities]) for year in years
    ] == [
        (2024, 3, [("Bilbao", 2), ("València", 1)]),
        (2023, 1, [("València", 1)]),
    ]


def test_country_activities_of_a_country_without_activities_is_empty(spain):
    assert country_activities(country_code="ES") == []


def test_activity_public_detail_whatever_the_state_or_none():
    hidden = ActivityFactory(status=ActivityStatus.HIDDEN)

    assert activity_public_detail(pk=hidden.pk) == hidden
    assert activity_public_detail(pk=hidden.pk + 1) is None


def test_zone_of_an_unknown_name_is_utc():
    assert zone_of("Europe/Madrid") == ZoneInfo("Europe/Madrid")
    assert zone_of("Mars/Olympus_Mons") == ZoneInfo("UTC")
    assert zone_of("../../etc/passwd") == ZoneInfo("UTC")


def test_agenda_summary_gives_the_figures_and_countries_in_two_queries(
    campaign, spain, colombia, django_assert_num_queries
):
    madrid = CityFactory(country=spain)
    ActivityFactory(campaign=campaign, city=madrid, participants=120)
    ActivityFactory(campaign=campaign, city=madrid, participants=30)
    ActivityFactory(campaign=campaign, city=CityFactory(country=spain))
    ActivityFactory(campaign=campaign, city=CityFactory(country=colombia), status=ActivityStatus.CANCELLED)
    ActivityFactory(
        campaign=campaign, city=CityFactory(country=CountryFactory(code="PT")), status=ActivityStatus.HIDDEN
    )

    with django_assert_num_queries(2):
        summary = agenda_summary(campaign=campaign)

    assert summary.figures == campaign_figures(campaign=campaign)
    assert (summary.figures.activities, summary.figures.cities, summary.figures.countries) == (3, 2, 1)
    assert sorted(str(country.code) for country in summary.countries) == ["CO", "ES"]


def test_agenda_summary_of_an_empty_campaign_reads_one_query(campaign, django_assert_num_queries):
    with django_assert_num_queries(1):
        summary = agenda_summary(campaign=campaign)

    assert (summary.figures.activities, summary.countries) == (0, [])


def test_agenda_page_keeps_the_order_of_the_ids_in_one_query(campaign, django_assert_num_queries):
    first, second, third = (ActivityFactory(campaign=campaign) for _ in range(3))

    with django_assert_num_queries(1):
        activities = agenda_page(ids=[third.pk, first.pk, 999_999, second.pk])
        cities = [activity.city.country.code for activity in activities]

    assert activities == [third, first, second]
    assert len(cities) == 3
