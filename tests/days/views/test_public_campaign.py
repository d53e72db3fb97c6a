"""The campaign's page and /day/: texts in the reader's language, poster, materials, figures, the agenda."""

import re

import pytest
from django.core.files.base import ContentFile
from django.utils import translation
from django.utils.translation import gettext

from educities.core.domain.translations import translation_save_human, translation_set_original
from educities.days.enums import ActivityStatus
from educities.days.models import CampaignMaterial
from tests.days.factories import ActivityFactory, CampaignFactory, OnlineActivityFactory, day_moment
from tests.factories import CityFactory, CountryFactory, StaffFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _titles(html: str) -> list[str]:
    return re.findall(
        r'<h4 class="day-item-title"><a href="/en/day/activities/\d+/" lang="\w+">([^<]+)</a>', html
    )


def _dates(html: str) -> list[str]:
    return re.findall(r'<h3 class="day-date" id="date-([0-9-]+)">', html)


def test_campaign_page_shows_motto_manifesto_guide_and_figures(client):
    campaign = CampaignFactory(
        year=2025,
        motto="The city that listens",
        manifesto="First paragraph.\n\nSecond.",
        guide="Register it.",
    )
    ActivityFactory(campaign=campaign, city=CityFactory(country=CountryFactory(code="ES")), participants=40)
    ActivityFactory(campaign=campaign, city=CityFactory(country=CountryFactory(code="FR")))

    response = client.get("/en/day/2025/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>The city that listens</h1>" in html
    assert "<p>First paragraph.</p>\n\n<p>Second.</p>" in html
    assert "<p>Register it.</p>" in html
    figures = re.findall(
        r'<span class="figure-value">([\d,]+)</span> <span class="figure-label">(\w+)</span>', html
    )
    assert figures == [("2", "activities"), ("2", "cities"), ("2", "countries"), ("40", "participants")]
    assert 'href="/en/day/2025/activities/new/"' in html


def test_campaign_page_shows_the_texts_in_the_reader_language_with_a_notice(client):
    campaign = CampaignFactory(year=2025, motto="La ciutat que escolta", manifesto="Manifest.", guide="Guia.")
    for field, text in (("motto", "La ciutat que escolta"), ("manifesto", "Manifest."), ("guide", "Guia.")):
        translation_set_original(obj=campaign, field=field, language="ca", text=text)
    translation_save_human(obj=campaign, field="motto", language="fr", text="La ville qui écoute", actor=None)

    html = client.get("/fr/day/2025/").content.decode()
    with translation.override("fr"):
        translated_notice = gettext("Translated by a person (original language: %(language)s).") % {
            "language": "Catalan"
        }
        fallback = gettext(
            "Not yet translated into your language: shown in its original language (%(language)s)."
        )

    assert "<h1>La ville qui écoute</h1>" in html
    assert translated_notice.split("(")[0] in html
    assert '<div class="day-long-text" lang="ca"><p>Manifest.</p></div>' in html
    assert fallback.split("(")[0] in html


def test_campaign_page_original_on_request(client):
    campaign = CampaignFactory(year=2025, motto="The city that listens")
    translation_set_original(obj=campaign, field="motto", language="en", text="The city that listens")
    translation_save_human(obj=campaign, field="motto", language="fr", text="La ville qui écoute", actor=None)

    html = client.get("/fr/day/2025/?original=1").content.decode()

    assert '<h1 lang="en">The city that listens</h1>' in html


def test_campaign_page_shows_poster_with_its_alt_text_and_materials(client):
    campaign = CampaignFactory(year=2025)
    campaign.poster.save("poster.png", ContentFile(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32), save=False)
    campaign.poster_alt = "Children holding a banner that says: the city that listens"
    campaign.save()
    material = CampaignMaterial(campaign=campaign, title="Guide for cities", language="fr")
    material.file.save("guide.pdf", ContentFile(b"%PDF-1.4\n"), save=True)

    html = client.get("/en/day/2025/").content.decode()

    assert (
        f'<img src="{campaign.poster.url}" alt="Children holding a banner that says: the city that listens"'
        in html
    )
    assert f'<a href="{material.file.url}" download>Guide for cities</a>' in html
    assert "(French, PDF)" in html


def test_campaign_page_lists_visible_activities_grouped_by_local_day(client):
    campaign = CampaignFactory(year=2025)
    madrid = CityFactory(name="Madrid", country=CountryFactory(code="ES"))
    bogota = CityFactory(name="Bogotá", country=CountryFactory(code="CO"), time_zone="America/Bogota")
    auckland = CityFactory(name="Auckland", country=CountryFactory(code="NZ"), time_zone="Pacific/Auckland")
    ActivityFactory(campaign=campaign, city=madrid, title="Madrid morning", starts_at=day_moment(2025, 10))
    # 09:00 on 1 December in Auckland is 20:00 on 30 November in UTC: before the Bogotá evening.
    ActivityFactory(
        campaign=campaign,
        city=auckland,
        title="Auckland morning",
        starts_at=day_moment(2025, 9, zone="Pacific/Auckland", day=1, month=12),
    )
    ActivityFactory(
        campaign=campaign,
        city=bogota,
        title="Bogotá evening",
        starts_at=day_moment(2025, 20, zone="America/Bogota"),
    )
    ActivityFactory(campaign=campaign, city=madrid, title="Cancelled walk", status=ActivityStatus.CANCELLED)
    ActivityFactory(campaign=campaign, city=madrid, title="Hidden walk", status=ActivityStatus.HIDDEN)

    html = client.get("/en/day/2025/").content.decode()

    assert _dates(html) == ["2025-11-30", "2025-12-01"]
    assert _titles(html) == ["Madrid morning", "Cancelled walk", "Bogotá evening", "Auckland morning"]
    assert "Hidden walk" not in html
    assert "4 activities found" in html


def test_agenda_row_shows_local_time_zone_abbreviation_and_instant(client):
    campaign = CampaignFactory(year=2025)
    city = CityFactory(
        name="Bogotá", slug="bogota", country=CountryFactory(code="CO"), time_zone="America/Bogota"
    )
    ActivityFactory(campaign=campaign, city=city, starts_at=day_moment(2025, 18, zone="America/Bogota"))

    html = client.get("/en/day/2025/").content.decode()

    assert (
        '<time class="day-time" datetime="2025-11-30T18:00:00-05:00" data-zone="America/Bogota">6 p.m.</time>'
        '–<time datetime="2025-11-30T20:00:00-05:00">8 p.m.</time> '
        '<abbr title="Local time (America/Bogota)">-05</abbr>'
    ) in html
    assert '<a href="/en/day/cities/bogota/">Bogotá</a>, Colombia' in html
    assert 'data-reader-time="your time"' in html


def test_cancelled_activity_is_marked_in_the_list(client):
    campaign = CampaignFactory(year=2025)
    ActivityFactory(campaign=campaign, title="Rained out", status=ActivityStatus.CANCELLED)

    html = client.get("/en/day/2025/").content.decode()

    assert '<li class="day-item day-item-cancelled">' in html
    assert 'Rained out</a> <span class="badge badge-error">Cancelled</span>' in html


def test_agenda_filters_narrow_the_list_and_carry_to_map_and_downloads(client):
    campaign = CampaignFactory(year=2025)
    ActivityFactory(
        campaign=campaign, title="Walk in Spain", city=CityFactory(country=CountryFactory(code="ES"))
    )
    ActivityFactory(
        campaign=campaign, title="Walk in France", city=CityFactory(country=CountryFactory(code="FR"))
    )

    html = client.get("/en/day/2025/?country=ES&page=1&original=1").content.decode()

    assert _titles(html) == ["Walk in Spain"]
    assert "1 activity found" in html
    assert 'data-points-url="/en/day/2025/map.json?country=ES"' in html
    assert 'href="/en/day/2025/agenda.ics?country=ES"' in html
    assert 'href="/en/day/2025/agenda.csv?country=ES"' in html
    assert '<option value="ES" selected>Spain</option>' in html


def test_agenda_country_choices_are_the_countries_with_activities(client):
    campaign = CampaignFactory(year=2025)
    ActivityFactory(campaign=campaign, city=CityFactory(country=CountryFactory(code="FR")))
    ActivityFactory(campaign=campaign, city=CityFactory(country=CountryFactory(code="CO")))
    CountryFactory(code="PT")

    html = client.get("/en/day/2025/").content.decode()

    assert re.findall(r'<option value="([A-Z]{2})">', html) == ["CO", "FR"]


def test_agenda_city_filter_says_which_city_and_links_to_every_city(client):
    campaign = CampaignFactory(year=2025)
    city = CityFactory(name="Rosario", slug="rosario")
    ActivityFactory(campaign=campaign, city=city, title="In Rosario")
    ActivityFactory(campaign=campaign, title="Elsewhere")

    html = client.get("/en/day/2025/?city=rosario").content.decode()

    assert _titles(html) == ["In Rosario"]
    assert "Showing the activities of Rosario only." in html
    assert '<input type="hidden" name="city" value="rosario" id="id_city">' in html


def test_agenda_without_matching_activity_says_so(client):
    CampaignFactory(year=2025)

    assert "No activity is on the agenda yet." in client.get("/en/day/2025/").content.decode()
    assert "No activity matches these filters." in client.get("/en/day/2025/?kind=walk").content.decode()


def test_agenda_online_activities_are_in_the_list(client):
    campaign = CampaignFactory(year=2025)
    OnlineActivityFactory(campaign=campaign, title="Webinar")

    html = client.get("/en/day/2025/?format=online").content.decode()

    assert _titles(html) == ["Webinar"]
    assert '<span class="day-format day-format-online">Online</span>' in html


def test_agenda_is_paginated_by_fifty(client):
    campaign = CampaignFactory(year=2025)
    city = CityFactory()
    for hour in range(51):
        ActivityFactory(
            campaign=campaign,
            city=city,
            starts_at=day_moment(2025, 0) + hour * (day_moment(2025, 1) - day_moment(2025, 0)),
        )

    first = client.get("/en/day/2025/").content.decode()
    second = client.get("/en/day/2025/?page=2").content.decode()

    assert len(_titles(first)) == 50
    assert len(_titles(second)) == 1
    assert "Page 2 of 2" in second


def test_unpublished_campaign_is_not_found_for_the_public(client):
    CampaignFactory(year=2026, is_published=False)

    assert client.get("/en/day/2026/").status_code == 404
    client.force_login(UserFactory())
    assert client.get("/en/day/2026/").status_code == 404


def test_unpublished_campaign_is_a_preview_for_the_secretariat(client):
    CampaignFactory(year=2026, is_published=False, motto="Not yet")
    client.force_login(StaffFactory())

    response = client.get("/en/day/2026/")

    assert response.status_code == 200
    assert "only the Secretariat sees this page" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_unknown_year_is_not_found(client):
    assert client.get("/en/day/2019/").status_code == 404


def test_index_shows_the_latest_published_campaign_and_the_past_ones(client):
    CampaignFactory(year=2023, motto="Motto of the past")
    campaign = CampaignFactory(year=2024, motto="Current motto")
    CampaignFactory(year=2025, motto="Not published yet", is_published=False)
    ActivityFactory(campaign=campaign, title="Current walk")

    html = client.get("/en/day/").content.decode()

    assert "<h1>Current motto</h1>" in html
    assert _titles(html) == ["Current walk"]
    assert '<link rel="canonical" href="/en/day/2024/">' in html
    past = html.split('id="past-heading"', 1)[1]
    assert '<a href="/en/day/2023/">International Day 2023</a>' in past
    assert "Motto of the past" in past
    assert "Not published yet" not in html
    assert '<form method="get" action="/en/day/#agenda-heading"' in html


def test_index_without_a_published_campaign_is_a_landing_page(client):
    CampaignFactory(year=2025, is_published=False, motto="Secret")

    response = client.get("/en/day/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>International Day of the Educating City</h1>" in html
    assert "The next campaign has not been published yet." in _text(html)
    assert "Secret" not in html
