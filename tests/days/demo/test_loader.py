"""The International Day's demo data: loaded once for the module (members, experiences and the award first,
as ``manage.py demo_load`` does), inside a transaction rolled back at the end, so other tests never see it."""

import datetime
from collections import Counter
from zoneinfo import ZoneInfo

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test.utils import override_settings

from educities.awards.demo.loader import awards_demo_load
from educities.core.enums import Provenance
from educities.core.models import AuditEntry, TextTranslation
from educities.days.demo import data
from educities.days.demo.loader import days_demo_counts, days_demo_load
from educities.days.enums import ActivityFormat, ActivityKind, ActivityStatus
from educities.days.models import Activity, Campaign, CampaignMaterial
from educities.experiences.demo.loader import experiences_demo_load
from educities.members.demo.loader import demo_load
from educities.members.models import Contact

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

S = ActivityStatus
F = ActivityFormat
# Activities per campaign (with the duplicates the Secretariat hid in 2019 and 2025).
DESIGNED = {
    2016: 12,
    2017: 16,
    2018: 20,
    2019: 152,
    2020: 24,
    2021: 30,
    2022: 34,
    2023: 38,
    2024: 44,
    2025: 152,
    2026: 40,
}


def _quiet(_line: str) -> None:
    pass


@pytest.fixture(scope="module")
def day(django_db_setup, django_db_blocker, tmp_path_factory):
    """The members', experiences', award's and the Day's demo data, loaded once; the Day's counts."""
    root = tmp_path_factory.mktemp("demo")
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
            awards_demo_load(log=_quiet)
            lines: list[str] = []
            counts = days_demo_load(log=lines.append)
            yield {"counts": counts, "lines": lines}
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _local(activity: Activity) -> datetime.datetime:
    return activity.starts_at.astimezone(ZoneInfo(activity.time_zone))


def test_demo_day_has_eleven_published_campaigns_with_the_brief_s_mottos(day):
    campaigns = {campaign.year: campaign for campaign in Campaign.objects.all()}

    assert sorted(campaigns) == list(range(2016, 2027))
    assert all(campaign.is_published for campaign in campaigns.values())
    assert campaigns[2019].motto == "Mejorar la ciudad escuchando"
    assert campaigns[2019].original_language == "es"
    assert campaigns[2021].motto == "The educating city leaves no one behind"
    assert campaigns[2025].motto == "Children's participation"
    assert all(
        (campaign.window_starts_on, campaign.window_ends_on)
        == (datetime.date(year, 11, 1), datetime.date(year, 12, 15))
        for year, campaign in campaigns.items()
    )


def test_demo_day_campaign_texts_are_translated_by_people_into_every_language(day):
    content_type = ContentType.objects.get_for_model(Campaign)
    rows = TextTranslation.objects.filter(content_type=content_type)
    for campaign in Campaign.objects.all():
        mine = rows.filter(object_id=str(campaign.pk))
        fields = ("motto", "manifesto", "guide") if campaign.year in (2019, 2025, 2026) else ("motto",)
        for field in fields:
            languages = dict(mine.filter(field=field).values_list("language", "provenance"))
            assert sorted(languages) == ["ca", "en", "es", "fr", "pt"], (campaign.year, field)
            assert languages[campaign.original_language] == Provenance.ORIGINAL
            assert Counter(languages.values())[Provenance.HUMAN] == 4
    motto_2019_en = rows.get(object_id=str(Campaign.objects.get(year=2019).pk), field="motto", language="en")
    assert motto_2019_en.text == "Improving the city by listening"
    assert day["counts"]["day campaign translations"] == 11 * 4 + 3 * 2 * 4


def test_demo_day_campaigns_have_the_designed_activities_and_states(day):
    per_year = Counter(Activity.objects.values_list("campaign__year", flat=True))
    states = {
        year: dict(Counter(Activity.objects.filter(campaign__year=year).values_list("status", flat=True)))
        for year in (2019, 2025, 2026)
    }

    assert dict(per_year) == DESIGNED
    assert states == {
        2019: {S.PUBLISHED: 149, S.CANCELLED: 2, S.HIDDEN: 1},
        2025: {S.PUBLISHED: 147, S.CANCELLED: 3, S.HIDDEN: 2},
        2026: {S.PUBLISHED: 39, S.CANCELLED: 1},
    }
    assert day["counts"]["day activities"] == sum(DESIGNED.values()) == 562
    assert day["counts"]["day campaigns"] == 11


def test_demo_day_2019_and_2025_span_twenty_countries(day):
    for year, activities in ((2019, data._ACTIVITIES_2019), (2025, data._ACTIVITIES_2025)):
        countries = Counter(
            Activity.objects.filter(campaign__year=year)
            .exclude(status=S.HIDDEN)
            .values_list("city__country__code", flat=True)
        )
        assert {str(code): count for code, count in countries.items()} == activities
        assert len(countries) == 20


def test_demo_day_activities_keep_their_city_s_time_zone_and_start_in_the_window(day):
    activities = list(Activity.objects.select_related("city", "campaign"))
    zones = {activity.time_zone for activity in activities}

    assert all(activity.time_zone == activity.city.time_zone for activity in activities)
    assert {"Europe/Madrid", "America/Sao_Paulo", "Asia/Seoul", "Europe/Lisbon"} <= zones
    for activity in activities:
        local = _local(activity)
        campaign = activity.campaign
        assert campaign.window_starts_on <= local.date() <= campaign.window_ends_on
        assert abs((local.date() - datetime.date(campaign.year, 11, 30)).days) <= 7
        assert 10 <= local.hour <= 20, (activity.title, local)
        assert activity.ends_at > activity.starts_at


def test_demo_day_most_activities_are_on_30_november(day):
    activities = list(Activity.objects.filter(campaign__year__in=(2019, 2025)))
    on_the_day = [a for a in activities if _local(a).date() == datetime.date(a.campaign.year, 11, 30)]

    assert 0.55 < len(on_the_day) / len(activities) < 0.8


def test_demo_day_activities_are_written_in_their_city_s_language(day):
    catalan = set(Contact.objects.filter(language="ca").values_list("city_id", flat=True))
    for activity in Activity.objects.select_related("city__country"):
        country = str(activity.city.country.code)
        if activity.city_id in catalan:
            expected = "ca"
        else:
            expected = data.LANGUAGE_BY_COUNTRY.get(country, "en")
        assert activity.language == expected, (activity.city.name, activity.language)
    languages = set(Activity.objects.filter(campaign__year=2025).values_list("language", flat=True))
    assert languages == {"ca", "en", "es", "fr", "pt"}


def test_demo_day_about_a_tenth_of_activities_are_online_or_hybrid_with_links(day):
    formats = Counter(Activity.objects.values_list("format", flat=True))
    share = (formats[F.ONLINE] + formats[F.HYBRID]) / sum(formats.values())

    assert 0.07 < share < 0.14
    for activity in Activity.objects.exclude(format=F.IN_PERSON):
        assert activity.online_url.startswith("https://meet.example.org/")
    for activity in Activity.objects.filter(format=F.ONLINE):
        assert (activity.latitude, activity.longitude, activity.place_name) == (None, None, "")
    online_2020 = Activity.objects.filter(campaign__year=2020).exclude(format=F.IN_PERSON).count()
    assert online_2020 > Activity.objects.filter(campaign__year=2020).count() / 2


def test_demo_day_places_are_near_their_city(day):
    for activity in Activity.objects.exclude(format=F.ONLINE).select_related("city"):
        assert activity.place_name
        assert activity.address.endswith(activity.city.name)
        assert abs(activity.latitude - activity.city.latitude) <= 0.02
        assert abs(activity.longitude - activity.city.longitude) <= 0.03
    kinds = set(Activity.objects.values_list("kind", flat=True))
    assert len(kinds) >= 9
    assert ActivityKind.CHILDREN_COUNCIL in kinds


def test_demo_day_past_activities_have_reports_and_some_videos(day):
    past = Activity.objects.filter(campaign__year__lt=2026, status=S.PUBLISHED)
    with_report = past.exclude(report="")
    videos = Activity.objects.exclude(video_url="")

    assert 0.75 < with_report.count() / past.count() < 0.95
    assert all(activity.participants is not None for activity in with_report)
    assert set(videos.values_list("campaign__year", flat=True)) == {2019, 2025}
    assert all(
        url.startswith("https://video.example.org/") for url in videos.values_list("video_url", flat=True)
    )
    assert Activity.objects.filter(campaign__year=2026).exclude(report="").count() == 0
    assert Activity.objects.filter(status__in=(S.CANCELLED, S.HIDDEN)).exclude(report="").count() == 0
    assert day["counts"]["day activities with a report"] == with_report.count()


def test_demo_day_hidden_activities_are_duplicates_with_a_reason(day):
    for hidden in Activity.objects.filter(status=S.HIDDEN):
        twin = Activity.objects.filter(
            campaign=hidden.campaign, city=hidden.city, title=hidden.title, status=S.PUBLISHED
        )
        assert twin.exists()
        assert hidden.status_reason == data.HIDE_REASONS[hidden.language]
    for cancelled in Activity.objects.filter(status=S.CANCELLED):
        assert cancelled.status_reason == data.CANCEL_REASONS[cancelled.language]


def test_demo_day_activities_were_registered_before_they_started(day):
    for activity in Activity.objects.select_related("campaign"):
        assert activity.created_at.year == activity.campaign.year
        assert activity.created_at < activity.starts_at
        entry = AuditEntry.objects.get(
            content_type=ContentType.objects.get_for_model(Activity),
            object_id=str(activity.pk),
            action="register",
        )
        assert entry.created_at == activity.created_at


def test_demo_day_2026_is_published_four_days_ahead_without_reminder(day):
    campaign = Campaign.objects.get(year=2026)
    activities = Activity.objects.filter(campaign=campaign)
    loaded = datetime.datetime(2026, 11, 26, 8, 0, tzinfo=datetime.UTC)

    assert campaign.is_published
    assert campaign.reminder_sent_at is None
    assert activities.count() == 40
    assert all(activity.created_at <= loaded for activity in activities)
    assert activities.filter(reviewed_at__isnull=True).exists()
    assert activities.filter(reviewed_at__isnull=False).exists()
    assert set(Campaign.objects.filter(reminder_sent_at__isnull=False).values_list("year", flat=True)) == {
        2019,
        2025,
    }


def test_demo_day_barcelona_s_editor_registered_activities_and_wrote_reports(day):
    editor_activities = Activity.objects.filter(created_by__email=data.EDITOR_EMAIL)

    assert dict(Counter(editor_activities.values_list("campaign__year", flat=True))) == {
        2019: 2,
        2025: 2,
        2026: 2,
    }
    assert set(editor_activities.values_list("city__name", flat=True)) == {"Barcelona"}
    assert set(editor_activities.values_list("language", flat=True)) == {"ca"}
    reports = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Activity),
        object_id__in=[str(pk) for pk in editor_activities.values_list("pk", flat=True)],
        action="report_save",
    )
    assert reports.count() == 4
    assert set(reports.values_list("actor__email", flat=True)) == {data.EDITOR_EMAIL}


def test_demo_day_campaigns_with_a_guide_have_a_poster_and_the_guide_in_every_language(day):
    for year in (2019, 2025, 2026):
        campaign = Campaign.objects.get(year=year)
        assert campaign.poster.name.endswith(".png")
        assert campaign.poster_alt.startswith(f"Poster of the International Day of the Educating City {year}")
        assert sorted(campaign.materials.values_list("language", flat=True)) == sorted(data.LANGUAGES)
    assert CampaignMaterial.objects.count() == 15


def test_demo_day_loads_twice_and_changes_nothing(day):
    audit = AuditEntry.objects.count()
    translations = TextTranslation.objects.count()
    snapshot = sorted(Activity.objects.values_list("pk", "status", "updated_at", "reviewed_at"))

    counts = days_demo_load(log=_quiet)

    assert counts == day["counts"] == days_demo_counts()
    assert AuditEntry.objects.count() == audit
    assert TextTranslation.objects.count() == translations
    assert sorted(Activity.objects.values_list("pk", "status", "updated_at", "reviewed_at")) == snapshot


def test_demo_day_logs_its_progress_and_a_summary(day):
    lines = day["lines"]

    assert lines[0] == "[1/11] International Day 2016"
    assert any(line.startswith("International Day done in ") for line in lines)
    assert any("Improving the city by listening: 152 activities in 20 countries" in line for line in lines)
    assert any(line.split() == ["day", "activities", "562"] for line in lines)
