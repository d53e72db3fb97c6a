"""The Secretariat's campaign pages: the list, a new campaign, settings, publication, texts in the other
languages, poster and materials; refused input changes nothing."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import gettext

from educities.core.domain.translations_queries import translated_text
from educities.days.domain.campaigns import campaign_create
from educities.days.enums import ActivityStatus
from educities.days.models import Campaign, CampaignMaterial
from tests.days.factories import ActivityFactory, CampaignFactory
from tests.days.views.test_city_support import flash, png_file
from tests.factories import CityFactory, CountryFactory, StaffFactory, make_pdf_bytes

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def staff(client):
    user = StaffFactory()
    client.force_login(user)
    return user


def _campaign_url(year: int = 2025, anchor: str = "") -> str:
    url = reverse("days_staff:campaign", kwargs={"year": year})
    return f"{url}#{anchor}" if anchor else url


def _make_campaign(staff, **values) -> Campaign:
    defaults = {
        "year": 2025,
        "motto": "The city that listens",
        "manifesto": "We listen.",
        "guide": "Register.",
    }
    return campaign_create(actor=staff, **{**defaults, **values})


def _settings(campaign: Campaign, **overrides) -> dict:
    data = {
        "action": "settings",
        "settings-motto": campaign.motto,
        "settings-manifesto": campaign.manifesto,
        "settings-guide": campaign.guide,
        "settings-language": campaign.original_language,
        "settings-window_starts_on": campaign.window_starts_on.isoformat(),
        "settings-window_ends_on": campaign.window_ends_on.isoformat(),
        "settings-reminder_days_before": str(campaign.reminder_days_before),
    }
    data.update(overrides)
    return data


def _fields(campaign: Campaign) -> tuple:
    fresh = Campaign.objects.get(pk=campaign.pk)
    return tuple(
        getattr(fresh, field.attname) for field in Campaign._meta.concrete_fields if field.attname != "id"
    )


# --- The list -------------------------------------------------------------------------------------------


def test_campaigns_list_counts_published_activities_cities_and_countries(client, staff):
    campaign = CampaignFactory(year=2025, motto="Listen")
    CampaignFactory(year=2024, is_published=False)
    spain, france = CountryFactory(code="ES"), CountryFactory(code="FR")
    granollers, barcelona, lyon = (
        CityFactory(country=spain),
        CityFactory(country=spain),
        CityFactory(country=france),
    )
    ActivityFactory.create_batch(2, campaign=campaign, city=granollers)
    ActivityFactory(campaign=campaign, city=barcelona)
    ActivityFactory(campaign=campaign, city=lyon, status=ActivityStatus.HIDDEN)

    response = client.get(reverse("days_staff:campaigns"))

    rows = [
        (c.year, c.activity_count, c.city_count, c.country_count, c.is_published)
        for c in response.context["campaigns"]
    ]
    assert rows == [(2025, 3, 2, 1, True), (2024, 0, 0, 0, False)]
    assert reverse("days_staff:campaign_new") in response.content.decode()


# --- A new campaign -----------------------------------------------------------------------------------


def _new(**overrides) -> dict:
    data = {
        "year": "2026",
        "motto": "Cities that care",
        "manifesto": "A city educates.\r\nEvery day.",
        "guide": "",
        "language": "es",
        "window_starts_on": "2026-11-01",
        "window_ends_on": "2026-12-15",
        "reminder_days_before": "30",
    }
    data.update(overrides)
    return data


def test_campaign_new_form_proposes_the_default_window(client, staff, time_machine):
    time_machine.move_to(datetime.datetime(2025, 3, 1, tzinfo=datetime.UTC), tick=False)

    form = client.get(reverse("days_staff:campaign_new")).context["form"]

    assert form["year"].value() == 2025
    assert form["window_starts_on"].value() == datetime.date(2025, 11, 1)
    assert form["window_ends_on"].value() == datetime.date(2025, 12, 15)


def test_campaign_new_creates_the_campaign(client, staff):
    response = client.post(reverse("days_staff:campaign_new"), _new())

    campaign = Campaign.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _campaign_url(2026)
    assert (campaign.year, campaign.motto, campaign.original_language) == (2026, "Cities that care", "es")
    assert campaign.manifesto == "A city educates.\nEvery day."
    assert (campaign.window_starts_on, campaign.window_ends_on) == (
        datetime.date(2026, 11, 1),
        datetime.date(2026, 12, 15),
    )
    assert campaign.reminder_days_before == 30
    assert campaign.is_published is False


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"year": "2025"}, "year"),
        ({"year": "1999"}, "year"),
        ({"year": "twenty"}, "year"),
        ({"motto": ""}, "motto"),
        ({"motto": "Bell\x07"}, "motto"),
        ({"language": "de"}, "language"),
        ({"window_starts_on": "2026-12-01"}, "window_starts_on"),
        ({"window_ends_on": "2026-10-01"}, "window_ends_on"),
        ({"window_ends_on": "2026-02-30"}, "window_ends_on"),
        ({"reminder_days_before": "500"}, "reminder_days_before"),
        ({"reminder_days_before": "-1"}, "reminder_days_before"),
    ],
)
def test_campaign_new_hostile_value_creates_nothing(client, staff, overrides, field):
    CampaignFactory(year=2025)

    response = client.post(reverse("days_staff:campaign_new"), _new(**overrides))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert list(Campaign.objects.values_list("year", flat=True)) == [2025]


# --- Settings and publication -------------------------------------------------------------------------


def test_campaign_page_shows_the_forms(client, staff):
    campaign = _make_campaign(staff)

    response = client.get(_campaign_url())

    assert response.status_code == 200
    assert response.context["settings_form"]["motto"].value() == "The city that listens"
    assert [block["language"] for block in response.context["text_blocks"]] == ["fr", "es", "pt", "ca"]
    assert campaign.motto in response.content.decode()


def test_campaign_settings_saves_the_changed_values(client, staff):
    campaign = _make_campaign(staff)

    response = client.post(
        _campaign_url(),
        _settings(
            campaign, **{"settings-motto": "The city that learns", "settings-reminder_days_before": "14"}
        ),
    )

    campaign.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == _campaign_url(anchor="settings")
    assert (campaign.motto, campaign.reminder_days_before) == ("The city that learns", 14)
    assert translated_text(obj=campaign, field="motto", language="en").text == "The city that learns"


def test_campaign_settings_without_changes_says_so(client, staff):
    campaign = _make_campaign(staff)
    before = _fields(campaign)

    response = client.post(_campaign_url(), _settings(campaign))

    assert flash(response) == [gettext("Nothing was changed.")]
    assert _fields(campaign) == before


def test_campaign_settings_window_leaving_activities_outside_is_refused(client, staff):
    campaign = _make_campaign(staff)
    ActivityFactory(campaign=campaign, city=CityFactory(time_zone="Europe/Madrid"))
    ActivityFactory(campaign=campaign, city=CityFactory(time_zone="Europe/Madrid"))
    before = _fields(campaign)

    response = client.post(
        _campaign_url(),
        _settings(
            campaign, **{"settings-window_starts_on": "2025-11-01", "settings-window_ends_on": "2025-11-29"}
        ),
    )

    assert response.status_code == 200
    errors = response.context["settings_form"].errors
    assert list(errors) == ["window_ends_on"] or list(errors) == ["window_starts_on"]
    assert "2 published activities would fall outside these dates" in str(errors)
    assert _fields(campaign) == before


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"settings-window_starts_on": "2025-12-01"}, "window_starts_on"),
        ({"settings-window_ends_on": "2025-02-30"}, "window_ends_on"),
        ({"settings-motto": ""}, "motto"),
        ({"settings-language": "xx"}, "language"),
    ],
)
def test_campaign_settings_hostile_value_changes_nothing(client, staff, overrides, field):
    campaign = _make_campaign(staff)
    before = _fields(campaign)

    response = client.post(_campaign_url(), _settings(campaign, **overrides))

    assert response.status_code == 200
    assert field in response.context["settings_form"].errors
    assert _fields(campaign) == before


def test_campaign_publish_and_unpublish(client, staff):
    _make_campaign(staff)

    published = client.post(_campaign_url(), {"action": "publish"})
    is_published = Campaign.objects.get().is_published
    unpublished = client.post(_campaign_url(), {"action": "unpublish"})

    assert published.status_code == unpublished.status_code == 302
    assert is_published is True
    assert Campaign.objects.get().is_published is False


def test_campaign_unknown_action_changes_nothing(client, staff):
    campaign = _make_campaign(staff)
    before = _fields(campaign)

    response = client.post(_campaign_url(), {"action": "drop_table"})

    assert flash(response) == [gettext("Unknown action. Nothing was changed.")]
    assert _fields(campaign) == before


# --- Texts in the other languages ---------------------------------------------------------------------


def test_campaign_texts_saves_a_translation(client, staff):
    campaign = _make_campaign(staff)

    response = client.post(
        _campaign_url(),
        {
            "action": "texts",
            "language": "fr",
            "text-fr-motto": "La ville qui écoute",
            "text-fr-manifesto": "Nous écoutons.",
            "text-fr-guide": "",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == _campaign_url(anchor="texts-fr")
    assert translated_text(obj=campaign, field="motto", language="fr").text == "La ville qui écoute"
    assert translated_text(obj=campaign, field="manifesto", language="fr").text == "Nous écoutons."
    assert translated_text(obj=campaign, field="guide", language="fr").is_fallback is True
    page = client.get(_campaign_url())
    block = next(block for block in page.context["text_blocks"] if block["language"] == "fr")
    assert block["form"]["motto"].value() == "La ville qui écoute"


@pytest.mark.parametrize("language", ["en", "de", "", "fr'--"])
def test_campaign_texts_in_the_original_or_an_unknown_language_is_refused(client, staff, language):
    campaign = _make_campaign(staff)

    response = client.post(
        _campaign_url(), {"action": "texts", "language": language, f"text-{language}-motto": "Motto"}
    )

    assert response.status_code == 302
    assert translated_text(obj=campaign, field="motto", language="fr").is_fallback is True
    assert translated_text(obj=campaign, field="motto", language="de").text == "The city that listens"


def test_campaign_texts_empty_is_refused(client, staff):
    campaign = _make_campaign(staff)

    response = client.post(
        _campaign_url(),
        {
            "action": "texts",
            "language": "pt",
            "text-pt-motto": "",
            "text-pt-manifesto": "",
            "text-pt-guide": "",
        },
    )

    assert response.status_code == 200
    block = next(block for block in response.context["text_blocks"] if block["language"] == "pt")
    assert block["form"].non_field_errors() == [gettext("Write the translation before saving it.")]
    assert translated_text(obj=campaign, field="motto", language="pt").is_fallback is True


# --- Poster and materials -----------------------------------------------------------------------------


def test_campaign_poster_upload_with_its_description(client, staff):
    campaign = _make_campaign(staff)

    response = client.post(
        _campaign_url(),
        {"action": "poster", "poster-upload": png_file("poster.png"), "poster-alt_text": "A girl"},
    )

    campaign.refresh_from_db()
    assert response.status_code == 302
    assert campaign.poster.name.startswith("day/campaigns/")
    assert campaign.poster_alt == "A girl"
    assert 'alt="A girl"' in client.get(_campaign_url()).content.decode()


def test_campaign_poster_description_only(client, staff):
    campaign = _make_campaign(staff)
    client.post(
        _campaign_url(), {"action": "poster", "poster-upload": png_file(), "poster-alt_text": "A girl"}
    )
    campaign.refresh_from_db()
    name = campaign.poster.name

    response = client.post(_campaign_url(), {"action": "poster", "poster-alt_text": "A girl with a kite"})

    campaign.refresh_from_db()
    assert response.status_code == 302
    assert (campaign.poster.name, campaign.poster_alt) == (name, "A girl with a kite")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"poster-alt_text": "A poster"}, "upload"),
        ({"poster-upload": "pdf", "poster-alt_text": "A poster"}, "upload"),
        ({"poster-upload": "png", "poster-alt_text": ""}, "alt_text"),
    ],
)
def test_campaign_poster_hostile_upload_changes_nothing(client, staff, data, field):
    campaign = _make_campaign(staff)
    before = _fields(campaign)
    files = {"pdf": SimpleUploadedFile("poster.pdf", make_pdf_bytes()), "png": png_file()}
    payload = {"action": "poster", **{key: files.get(value, value) for key, value in data.items()}}

    response = client.post(_campaign_url(), payload)

    assert response.status_code == 200
    assert list(response.context["poster_form"].errors) == [field]
    assert _fields(campaign) == before


def test_campaign_material_add_and_remove(client, staff):
    campaign = _make_campaign(staff)

    added = client.post(
        _campaign_url(),
        {
            "action": "material_add",
            "material-title": "Guide (PDF)",
            "material-language": "es",
            "material-upload": SimpleUploadedFile(
                "guide.pdf", make_pdf_bytes(), content_type="application/pdf"
            ),
        },
    )
    material = CampaignMaterial.objects.get()
    removed = client.post(_campaign_url(), {"action": "material_remove", "material": str(material.pk)})

    assert added.status_code == removed.status_code == 302
    assert (material.campaign, material.title, material.language) == (campaign, "Guide (PDF)", "es")
    assert material.file.name.endswith(".pdf")
    assert CampaignMaterial.objects.count() == 0


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"material-title": "", "material-upload": "pdf"}, "title"),
        ({"material-title": "Logo", "material-upload": "svg"}, "upload"),
        ({"material-title": "Logo"}, "upload"),
        ({"material-title": "Logo", "material-upload": "pdf", "material-language": "xx"}, "language"),
    ],
)
def test_campaign_material_hostile_upload_adds_nothing(client, staff, data, field):
    _make_campaign(staff)
    files = {
        "pdf": SimpleUploadedFile("guide.pdf", make_pdf_bytes(), content_type="application/pdf"),
        "svg": SimpleUploadedFile("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>'),
    }
    payload = {"action": "material_add", **{key: files.get(value, value) for key, value in data.items()}}

    response = client.post(_campaign_url(), payload)

    assert response.status_code == 200
    assert list(response.context["material_form"].errors) == [field]
    assert CampaignMaterial.objects.count() == 0


@pytest.mark.parametrize("raw", ["other", "", "abc", "999999"])
def test_campaign_material_remove_of_another_campaign_changes_nothing(client, staff, raw):
    _make_campaign(staff)
    other_campaign = _make_campaign(staff, year=2024)
    client.post(
        reverse("days_staff:campaign", kwargs={"year": 2024}),
        {
            "action": "material_add",
            "material-title": "Old logo",
            "material-upload": png_file("logo.png"),
        },
    )
    other = CampaignMaterial.objects.get(campaign=other_campaign)

    response = client.post(
        _campaign_url(), {"action": "material_remove", "material": str(other.pk) if raw == "other" else raw}
    )

    assert response.status_code == 302
    assert list(CampaignMaterial.objects.values_list("pk", flat=True)) == [other.pk]
    assert flash(response)[-1] == gettext(
        "This file is not one of the %(year)d campaign’s materials. Nothing was changed."
    ) % {"year": 2025}


def test_campaign_texts_of_a_campaign_without_recorded_originals_are_missing(client, staff):
    CampaignFactory(year=2025)

    response = client.get(_campaign_url())

    states = {
        block["language"]: [state for _label, state in block["states"]]
        for block in response.context["text_blocks"]
    }
    assert states == {language: ["missing"] * 3 for language in ("fr", "es", "pt", "ca")}


def test_campaign_texts_state_after_a_translation_and_a_change_of_the_original(client, staff):
    campaign = _make_campaign(staff)
    client.post(
        _campaign_url(),
        {
            "action": "texts",
            "language": "es",
            "text-es-motto": "La ciudad que escucha",
            "text-es-manifesto": "",
            "text-es-guide": "",
        },
    )
    fresh = client.get(_campaign_url())
    client.post(_campaign_url(), _settings(campaign, **{"settings-motto": "The city that hears"}))
    changed = client.get(_campaign_url())

    def spanish(response):
        block = next(block for block in response.context["text_blocks"] if block["language"] == "es")
        return [state for _label, state in block["states"]]

    assert spanish(fresh) == ["translated", "missing", "missing"]
    assert spanish(changed) == ["stale", "missing", "missing"]
