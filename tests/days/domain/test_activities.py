import datetime
import math
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from educities.core.domain.errors import DomainError, PermissionRefused, TransitionNotAllowed
from educities.core.models import AuditEntry
from educities.days.domain.activities import (
    PHOTOS_MAX,
    activity_mark_reviewed,
    activity_register,
    activity_report_save,
    activity_transition,
    activity_update,
    photo_add,
    photo_remove,
)
from educities.days.domain.common import ActivityRefused, moment_for_people
from educities.days.enums import ActivityStatus
from educities.days.models import Activity, ActivityPhoto
from educities.members.enums import MembershipStatus
from tests.days.factories import (
    ActivityFactory,
    ActivityPhotoFactory,
    CampaignFactory,
    day_moment,
    image_upload,
)
from tests.factories import (
    CityFactory,
    CountryFactory,
    StaffFactory,
    UserFactory,
    make_city_editor,
    pdf_upload,
)

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
MADRID = ZoneInfo("Europe/Madrid")
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.fixture
def campaign():
    return CampaignFactory(year=2025, is_published=True)


@pytest.fixture
def city():
    return CityFactory(name="Granollers", country=CountryFactory(code="ES"), time_zone="Europe/Madrid")


@pytest.fixture
def editor(city):
    return make_city_editor(city, email="editor@granollers.example.org", language="es")


@pytest.fixture
def staff():
    return StaffFactory(email="staff@example.org")


def _values(**overrides) -> dict:
    starts = datetime.datetime(2025, 11, 30, 17, 0, tzinfo=MADRID)
    return {
        "title": "Walk with the children's council",
        "description": "A walk through the old town.\n\nEveryone is welcome.",
        "kind": "walk",
        "format": "in_person",
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=2),
        "time_zone": "Europe/Madrid",
        "place_name": "Plaça de la Porxada",
        "address": "Plaça de la Porxada, 1",
        "latitude": 41.6079,
        "longitude": 2.2876,
        "audiences": ["families", "children"],
        "organiser": "Department of Education",
        "languages": ["ca", "es"],
        "language": "ca",
        "contact_email": "day@granollers.example.org",
        **overrides,
    }


def _register(campaign, city, actor, **overrides) -> Activity:
    return activity_register(campaign=campaign, city=city, actor=actor, **_values(**overrides))


def _audits(obj, action=None):
    entries = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).order_by("created_at", "pk")
    return list(entries.filter(action=action)) if action else list(entries)


def _snapshot(activity: Activity) -> dict:
    fresh = Activity.objects.get(pk=activity.pk)
    return {field.attname: getattr(fresh, field.attname) for field in Activity._meta.concrete_fields}


# --- Registering ----------------------------------------------------------------------------------------


def test_activity_register_saves_a_published_activity(campaign, city, editor):
    activity = _register(campaign, city, editor)

    stored = Activity.objects.get(pk=activity.pk)
    assert (stored.status, stored.campaign, stored.city, stored.created_by) == (
        ActivityStatus.PUBLISHED,
        campaign,
        city,
        editor,
    )
    assert stored.starts_at == datetime.datetime(2025, 11, 30, 16, 0, tzinfo=UTC)
    assert stored.ends_at == datetime.datetime(2025, 11, 30, 18, 0, tzinfo=UTC)
    assert (stored.latitude, stored.longitude, stored.time_zone) == (41.6079, 2.2876, "Europe/Madrid")
    assert stored.description == "A walk through the old town.\n\nEveryone is welcome."
    assert stored.reviewed_at is None


def test_activity_register_orders_audiences_and_normalises_languages(campaign, city, editor):
    activity = _register(
        campaign,
        city,
        editor,
        audiences=("children", "everyone", "children"),
        languages=["ES", "pt_BR", "es", "ca"],
    )

    assert activity.audiences == ["everyone", "children"]
    assert activity.languages == ["es", "pt-br", "ca"]


def test_activity_register_is_audited(campaign, city, editor):
    activity = _register(campaign, city, editor)

    [entry] = _audits(activity)
    assert (entry.action, entry.actor, entry.to_state) == ("register", editor, ActivityStatus.PUBLISHED)


def test_activity_register_defaults_to_the_time_zone_of_the_city(campaign, editor, city):
    city.time_zone = "Atlantic/Canary"
    city.save()
    values = _values(starts_at=datetime.datetime(2025, 11, 30, 17, 0, tzinfo=ZoneInfo("Atlantic/Canary")))
    del values["time_zone"]

    activity = activity_register(campaign=campaign, city=city, actor=editor, **values)

    assert activity.time_zone == "Atlantic/Canary"


def test_activity_register_defaults_to_the_zone_of_the_country_without_a_city_zone(campaign):
    city = CityFactory(country=CountryFactory(code="BR"), time_zone="")
    editor = make_city_editor(city)
    values = _values(ends_at=None)
    del values["time_zone"]

    activity = activity_register(campaign=campaign, city=city, actor=editor, **values)

    assert activity.time_zone == "America/Sao_Paulo"


def test_activity_register_online_needs_no_coordinates(campaign, city, editor):
    activity = _register(
        campaign,
        city,
        editor,
        format="online",
        latitude=None,
        longitude=None,
        online_url="https://meet.example.org/x",
    )

    assert (activity.format, activity.latitude, activity.online_url) == (
        "online",
        None,
        "https://meet.example.org/x",
    )


def test_activity_register_hybrid_has_a_place_and_a_link(campaign, city, editor):
    activity = _register(campaign, city, editor, format="hybrid", online_url="http://stream.example.org")

    assert (activity.has_place, activity.online_url) == (True, "http://stream.example.org")


def test_activity_register_without_an_end(campaign, city, editor):
    activity = _register(campaign, city, editor, ends_at=None)

    assert activity.ends_at is None


def test_activity_register_by_staff_for_any_city_even_before_publication(staff):
    campaign = CampaignFactory(year=2025, is_published=False)
    city = CityFactory(membership_status=MembershipStatus.APPLIED, time_zone="Europe/Madrid")

    activity = _register(campaign, city, staff)

    assert (activity.city, activity.created_by) == (city, staff)


def test_activity_register_by_a_suspended_members_editor(campaign):
    city = CityFactory(membership_status=MembershipStatus.SUSPENDED, time_zone="Europe/Madrid")

    activity = _register(campaign, city, make_city_editor(city))

    assert activity.pk is not None


@pytest.mark.parametrize(
    ("starts", "zone"),
    [
        # The first minutes of 1 November in Madrid are still 31 October in UTC: inside the window.
        (datetime.datetime(2025, 11, 1, 0, 30, tzinfo=MADRID), "Europe/Madrid"),
        # The last evening of 15 December in Madrid.
        (datetime.datetime(2025, 12, 15, 23, 30, tzinfo=MADRID), "Europe/Madrid"),
        # 15 December at 20:00 in Los Angeles is 16 December in UTC: inside (local date).
        (
            datetime.datetime(2025, 12, 15, 20, 0, tzinfo=ZoneInfo("America/Los_Angeles")),
            "America/Los_Angeles",
        ),
    ],
)
def test_activity_register_compares_the_local_date_with_the_window(campaign, city, editor, starts, zone):
    activity = _register(campaign, city, editor, starts_at=starts, ends_at=None, time_zone=zone)

    assert activity.starts_at == starts


# --- Registering: every refusal leaves nothing behind -----------------------------------------------------


def _assert_nothing_saved():
    assert Activity.objects.count() == 0
    assert AuditEntry.objects.count() == 0


NOON = datetime.datetime(2025, 11, 30, 12, 0, tzinfo=MADRID)

REFUSED_VALUES = [
    # Type, format, audiences, languages
    pytest.param({"kind": "party"}, "kind", id="unknown-kind"),
    pytest.param({"kind": None}, "kind", id="no-kind"),
    pytest.param({"kind": ["walk"]}, "kind", id="kind-list"),
    pytest.param({"format": "virtual"}, "format", id="unknown-format"),
    pytest.param({"format": ""}, "format", id="blank-format"),
    pytest.param({"audiences": ["everyone", "robots"]}, "audiences", id="unknown-audience"),
    pytest.param({"audiences": "everyone"}, "audiences", id="audiences-string"),
    pytest.param({"audiences": [1]}, "audiences", id="audience-number"),
    pytest.param({"audiences": {"everyone": True}}, "audiences", id="audiences-dict"),
    pytest.param({"languages": ["es", "klingon"]}, "languages", id="unknown-language"),
    pytest.param({"languages": "es"}, "languages", id="languages-string"),
    pytest.param({"languages": [None]}, "languages", id="language-none"),
    pytest.param({"languages": 12}, "languages", id="languages-number"),
    pytest.param({"language": "de"}, "language", id="language-not-of-the-site"),
    pytest.param({"language": ""}, "language", id="language-blank"),
    # Place and link
    pytest.param({"latitude": None}, "latitude", id="in-person-without-latitude"),
    pytest.param({"longitude": None}, "longitude", id="in-person-without-longitude"),
    pytest.param({"latitude": None, "longitude": None}, "latitude", id="in-person-without-place"),
    pytest.param(
        {"format": "hybrid", "longitude": None, "online_url": "https://x.example.org"},
        "longitude",
        id="hybrid-without-longitude",
    ),
    pytest.param({"latitude": 90.0001}, "latitude", id="latitude-over-90"),
    pytest.param({"latitude": -91}, "latitude", id="latitude-under-minus-90"),
    pytest.param({"longitude": 180.5}, "longitude", id="longitude-over-180"),
    pytest.param({"longitude": -181}, "longitude", id="longitude-under-minus-180"),
    pytest.param({"latitude": "41.6"}, "latitude", id="latitude-text"),
    pytest.param({"latitude": True}, "latitude", id="latitude-boolean"),
    pytest.param({"latitude": math.nan}, "latitude", id="latitude-nan"),
    pytest.param({"longitude": math.inf}, "longitude", id="longitude-infinite"),
    pytest.param(
        {"format": "online", "latitude": 41.6, "longitude": None, "online_url": "https://x.example.org"},
        "longitude",
        id="online-with-half-a-place",
    ),
    pytest.param(
        {"format": "online", "latitude": None, "longitude": None}, "online_url", id="online-without-link"
    ),
    pytest.param({"format": "hybrid"}, "online_url", id="hybrid-without-link"),
    pytest.param(
        {"format": "online", "online_url": "javascript:alert(1)"}, "online_url", id="link-javascript"
    ),
    pytest.param({"online_url": "ftp://files.example.org/"}, "online_url", id="link-ftp"),
    pytest.param({"format": "hybrid", "online_url": "//meet.example.org"}, "online_url", id="link-relative"),
    pytest.param(
        {"format": "hybrid", "online_url": "meet.example.org"}, "online_url", id="link-without-scheme"
    ),
    pytest.param(
        {"format": "hybrid", "online_url": "https://meet.example.org/\nSet-Cookie"},
        "online_url",
        id="link-newline",
    ),
    pytest.param(
        {"format": "hybrid", "online_url": "https://example.org/" + "a" * 500},
        "online_url",
        id="link-too-long",
    ),
    pytest.param({"format": "hybrid", "online_url": 42}, "online_url", id="link-number"),
    # Times
    pytest.param(
        {"ends_at": datetime.datetime(2025, 11, 30, 17, 0, tzinfo=MADRID)}, "ends_at", id="end-equals-start"
    ),
    pytest.param(
        {"ends_at": datetime.datetime(2025, 11, 30, 9, 0, tzinfo=MADRID)}, "ends_at", id="end-before-start"
    ),
    pytest.param(
        {"starts_at": datetime.datetime(2025, 11, 30, 17, 0)},  # noqa: DTZ001 - the naive time is the test
        "starts_at",
        id="start-naive",
    ),
    pytest.param({"starts_at": "2025-11-30T17:00:00+01:00"}, "starts_at", id="start-text"),
    pytest.param({"starts_at": None}, "starts_at", id="start-missing"),
    pytest.param({"starts_at": datetime.date(2025, 11, 30)}, "starts_at", id="start-date"),
    pytest.param(
        {"ends_at": datetime.datetime(2025, 11, 30, 19, 0)},  # noqa: DTZ001 - the naive time is the test
        "ends_at",
        id="end-naive",
    ),
    pytest.param(
        {"starts_at": datetime.datetime(2025, 10, 31, 23, 30, tzinfo=MADRID), "ends_at": None},
        "starts_at",
        id="start-before-window",
    ),
    pytest.param(
        {"starts_at": datetime.datetime(2025, 12, 16, 0, 30, tzinfo=MADRID), "ends_at": None},
        "starts_at",
        id="start-after-window",
    ),
    pytest.param(
        # 16 December at 08:00 in Auckland is still 15 December in UTC: outside the window all the same.
        {
            "starts_at": datetime.datetime(2025, 12, 16, 8, 0, tzinfo=ZoneInfo("Pacific/Auckland")),
            "ends_at": None,
            "time_zone": "Pacific/Auckland",
        },
        "starts_at",
        id="start-after-window-in-local-date",
    ),
    pytest.param(
        {"starts_at": datetime.datetime(2026, 11, 30, 17, 0, tzinfo=MADRID), "ends_at": None},
        "starts_at",
        id="start-next-year",
    ),
    pytest.param({"time_zone": "Mars/Olympus_Mons"}, "time_zone", id="unknown-zone"),
    pytest.param({"time_zone": 1}, "time_zone", id="zone-number"),
    # Texts
    pytest.param({"title": ""}, "title", id="title-blank"),
    pytest.param({"title": "   "}, "title", id="title-spaces"),
    pytest.param({"title": "Two\nlines"}, "title", id="title-newline"),
    pytest.param({"title": "Null\x00"}, "title", id="title-nul"),
    pytest.param({"title": "x" * 201}, "title", id="title-too-long"),
    pytest.param({"title": None}, "title", id="title-none"),
    pytest.param({"description": ""}, "description", id="description-blank"),
    pytest.param({"description": "Escape \x1b[31m"}, "description", id="description-escape"),
    pytest.param({"description": "x" * 10_001}, "description", id="description-too-long"),
    pytest.param({"organiser": ""}, "organiser", id="organiser-blank"),
    pytest.param({"organiser": "Line\u2028separator"}, "organiser", id="organiser-line-separator"),
    pytest.param({"place_name": "x" * 201}, "place_name", id="place-too-long"),
    pytest.param({"address": "Tab\there"}, "address", id="address-tab"),
    pytest.param({"contact_email": "not-an-address"}, "contact_email", id="email-invalid"),
    pytest.param(
        {"contact_email": "a@b.example.org\nBcc: x@y.org"}, "contact_email", id="email-header-injection"
    ),
]


@pytest.mark.parametrize(("overrides", "field"), REFUSED_VALUES)
def test_activity_register_refuses_bad_values_and_saves_nothing(campaign, city, editor, overrides, field):
    with pytest.raises(ActivityRefused) as refused:
        _register(campaign, city, editor, **overrides)

    assert field in refused.value.errors
    _assert_nothing_saved()


def test_activity_register_reports_every_refused_value_at_once(campaign, city, editor):
    with pytest.raises(ActivityRefused) as refused:
        _register(campaign, city, editor, title="", kind="party", latitude=None, languages=["xx"])

    assert sorted(refused.value.errors) == ["kind", "languages", "latitude", "title"]


def test_activity_register_window_message_names_the_dates(campaign, city, editor):
    with pytest.raises(ActivityRefused) as refused:
        _register(
            campaign,
            city,
            editor,
            starts_at=datetime.datetime(2025, 10, 20, 17, 0, tzinfo=MADRID),
            ends_at=None,
        )

    from django.utils import formats

    assert refused.value.errors == {
        "starts_at": [
            _(
                "The activity starts on %(date)s (%(zone)s), outside the dates of the %(year)d campaign: "
                "from %(first)s to %(last)s."
            )
            % {
                "date": formats.date_format(datetime.date(2025, 10, 20), "DATE_FORMAT"),
                "zone": "Europe/Madrid",
                "year": 2025,
                "first": formats.date_format(datetime.date(2025, 11, 1), "DATE_FORMAT"),
                "last": formats.date_format(datetime.date(2025, 12, 15), "DATE_FORMAT"),
            }
        ]
    }


def test_activity_register_refuses_an_unpublished_campaign_to_a_city(city, editor):
    campaign = CampaignFactory(year=2025, is_published=False)

    with pytest.raises(ActivityRefused) as refused:
        _register(campaign, city, editor)

    assert refused.value.message == _(
        "The campaign of %(year)d is not open yet: activities cannot be registered."
    ) % {"year": 2025}
    _assert_nothing_saved()


@pytest.mark.parametrize(
    "who",
    ["anonymous", "plain_user", "editor_of_another_city", "translator", "executive"],
)
def test_activity_register_is_refused_to_whoever_may_not_register_for_the_city(campaign, city, who):
    from tests.experiences.factories import make_translator
    from tests.factories import make_executive

    actors = {
        "anonymous": AnonymousUser,
        "plain_user": UserFactory,
        "editor_of_another_city": lambda: make_city_editor(CityFactory()),
        "translator": make_translator,
        "executive": make_executive,
    }

    with pytest.raises(PermissionRefused):
        _register(campaign, city, actors[who]())

    _assert_nothing_saved()


@pytest.mark.parametrize(
    "status",
    [
        MembershipStatus.APPLIED,
        MembershipStatus.UNDER_REVIEW,
        MembershipStatus.REJECTED,
        MembershipStatus.WITHDRAWN,
    ],
)
def test_activity_register_is_refused_to_the_editor_of_a_city_that_is_not_a_member(campaign, status):
    city = CityFactory(membership_status=status, time_zone="Europe/Madrid")

    with pytest.raises(PermissionRefused):
        _register(campaign, city, make_city_editor(city))

    _assert_nothing_saved()


@pytest.mark.parametrize("bad", [None, "granollers", 3])
def test_activity_register_refuses_what_is_not_a_city(campaign, editor, bad):
    with pytest.raises(ActivityRefused):
        activity_register(campaign=campaign, city=bad, actor=editor, **_values())

    _assert_nothing_saved()


# --- Changing ---------------------------------------------------------------------------------------------


@pytest.fixture
def activity(campaign, city, editor):
    return _register(campaign, city, editor)


def test_activity_update_changes_only_the_given_values(activity, editor):
    activity_update(activity=activity, actor=editor, title="Walk and picnic", audiences=["everyone"])

    stored = Activity.objects.get(pk=activity.pk)
    assert (stored.title, stored.audiences, stored.organiser) == (
        "Walk and picnic",
        ["everyone"],
        "Department of Education",
    )
    [entry] = _audits(activity, "update")
    assert (entry.actor, entry.comment) == (editor, "title, audiences")


def test_activity_update_moves_the_activity_to_another_time(activity, editor):
    starts = datetime.datetime(2025, 11, 29, 10, 0, tzinfo=MADRID)

    activity_update(
        activity=activity, actor=editor, starts_at=starts, ends_at=starts + datetime.timedelta(hours=1)
    )

    stored = Activity.objects.get(pk=activity.pk)
    assert (stored.starts_at, stored.ends_at) == (
        datetime.datetime(2025, 11, 29, 9, 0, tzinfo=UTC),
        datetime.datetime(2025, 11, 29, 10, 0, tzinfo=UTC),
    )


def test_activity_update_to_online_keeps_the_place_when_it_has_both_coordinates(activity, editor):
    activity_update(
        activity=activity, actor=editor, format="online", online_url="https://meet.example.org/day"
    )

    stored = Activity.objects.get(pk=activity.pk)
    assert (stored.format, stored.online_url, stored.has_place) == (
        "online",
        "https://meet.example.org/day",
        True,
    )


def test_activity_update_with_the_same_values_changes_nothing(activity, editor):
    before = _snapshot(activity)

    activity_update(activity=activity, actor=editor, title=activity.title, kind="walk")

    assert _snapshot(activity) == before
    assert _audits(activity, "update") == []


def test_activity_update_by_staff(activity, staff):
    activity_update(activity=activity, actor=staff, organiser="The Secretariat")

    assert Activity.objects.get(pk=activity.pk).organiser == "The Secretariat"


@pytest.mark.parametrize(("overrides", "field"), REFUSED_VALUES)
def test_activity_update_refuses_bad_values_and_changes_nothing(activity, editor, overrides, field):
    before = _snapshot(activity)
    audits = AuditEntry.objects.count()

    with pytest.raises(ActivityRefused) as refused:
        activity_update(activity=activity, actor=editor, **overrides)

    assert field in refused.value.errors
    assert _snapshot(activity) == before
    assert AuditEntry.objects.count() == audits


def test_activity_update_refuses_fields_that_are_not_values(activity, editor):
    before = _snapshot(activity)

    with pytest.raises(ActivityRefused) as refused:
        activity_update(
            activity=activity, actor=editor, status="hidden", city=CityFactory(), reviewed_at=None
        )

    assert sorted(refused.value.errors) == ["city", "reviewed_at", "status"]
    assert _snapshot(activity) == before


def test_activity_update_checks_the_window_only_when_the_start_changes(activity, editor, campaign):
    # The Secretariat narrowed the window afterwards (outside the services): other changes still work.
    campaign.window_starts_on = datetime.date(2025, 12, 1)
    campaign.save()

    activity_update(activity=activity, actor=editor, title="Renamed")
    with pytest.raises(ActivityRefused) as refused:
        activity_update(
            activity=activity, actor=editor, starts_at=datetime.datetime(2025, 11, 30, 18, 0, tzinfo=MADRID)
        )

    assert list(refused.value.errors) == ["starts_at"]
    assert Activity.objects.get(pk=activity.pk).title == "Renamed"


@pytest.mark.parametrize("who", ["anonymous", "plain_user", "editor_of_another_city"])
def test_activity_update_is_refused_to_whoever_may_not_change_it(activity, who):
    actors = {
        "anonymous": AnonymousUser,
        "plain_user": UserFactory,
        "editor_of_another_city": lambda: make_city_editor(CityFactory()),
    }
    before = _snapshot(activity)

    with pytest.raises(PermissionRefused):
        activity_update(activity=activity, actor=actors[who](), title="Mine now")

    assert _snapshot(activity) == before


# --- The report ---------------------------------------------------------------------------------------


AFTER = datetime.datetime(2025, 12, 1, 9, 0, tzinfo=UTC)
BEFORE = datetime.datetime(2025, 11, 30, 15, 59, tzinfo=UTC)


def test_activity_report_save_after_the_start(activity, editor):
    with time_machine.travel(AFTER, tick=False):
        activity_report_save(
            activity=activity,
            actor=editor,
            participants=120,
            report="  Forty families walked.\r\nThe council spoke.  ",
            video_url="https://video.example.org/walk",
        )

    stored = Activity.objects.get(pk=activity.pk)
    assert (stored.participants, stored.report, stored.video_url) == (
        120,
        "Forty families walked.\nThe council spoke.",
        "https://video.example.org/walk",
    )
    [entry] = _audits(activity, "report_save")
    assert entry.comment == "participants, report, video_url"


def test_activity_report_save_at_the_start_time(activity, editor):
    with time_machine.travel(datetime.datetime(2025, 11, 30, 16, 0, tzinfo=UTC), tick=False):
        activity_report_save(activity=activity, actor=editor, participants=0, report="", video_url="")

    assert Activity.objects.get(pk=activity.pk).participants == 0


def test_activity_report_save_is_refused_before_the_start(activity, editor):
    before = _snapshot(activity)

    with time_machine.travel(BEFORE, tick=False), pytest.raises(ActivityRefused) as refused:
        activity_report_save(activity=activity, actor=editor, participants=10, report="Early", video_url="")

    assert refused.value.message == _(
        "The report can be written once the activity has started (%(moment)s)."
    ) % {"moment": moment_for_people(activity.starts_at, zone="Europe/Madrid")}
    assert "5 p.m." in refused.value.message
    assert _snapshot(activity) == before


def test_activity_report_save_is_refused_for_a_cancelled_activity(activity, editor):
    activity_transition(activity=activity, step="cancel", actor=editor)
    before = _snapshot(activity)

    with time_machine.travel(AFTER, tick=False), pytest.raises(ActivityRefused):
        activity_report_save(activity=activity, actor=editor, participants=10, report="x", video_url="")

    assert _snapshot(activity) == before


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"participants": -1}, "participants"),
        ({"participants": "12"}, "participants"),
        ({"participants": True}, "participants"),
        ({"participants": 12.5}, "participants"),
        ({"participants": 10**9}, "participants"),
        ({"report": "Null\x00"}, "report"),
        ({"report": "x" * 10_001}, "report"),
        ({"report": ["a list"]}, "report"),
        ({"video_url": "javascript:alert(1)"}, "video_url"),
        ({"video_url": "data:text/html,<script>alert(1)</script>"}, "video_url"),
        ({"video_url": "ftp://video.example.org"}, "video_url"),
    ],
)
def test_activity_report_save_refuses_bad_values_and_changes_nothing(activity, editor, values, field):
    before = _snapshot(activity)
    arguments = {"participants": 10, "report": "Fine", "video_url": "", **values}

    with time_machine.travel(AFTER, tick=False), pytest.raises(ActivityRefused) as refused:
        activity_report_save(activity=activity, actor=editor, **arguments)

    assert list(refused.value.errors) == [field]
    assert _snapshot(activity) == before


def test_activity_report_save_is_refused_to_the_editor_of_another_city(activity):
    with time_machine.travel(AFTER, tick=False), pytest.raises(PermissionRefused):
        activity_report_save(
            activity=activity, actor=make_city_editor(CityFactory()), participants=1, report="", video_url=""
        )


# --- Photos -------------------------------------------------------------------------------------------


def test_photo_add_stores_the_photo_with_its_description(activity, editor):
    first = photo_add(
        activity=activity, upload=image_upload("a.png"), alt_text="Children drawing", actor=editor
    )
    second = photo_add(
        activity=activity,
        upload=image_upload("b.jpg", "JPEG"),
        alt_text="The council",
        credit="Ajuntament",
        actor=editor,
    )

    assert [(p.alt_text, p.credit, p.position) for p in activity.photos.all()] == [
        ("Children drawing", "", 1),
        ("The council", "Ajuntament", 2),
    ]
    assert first.image.name.startswith("day/photos/")
    assert first.image.name.endswith(".png")
    assert second.image.name.endswith(".jpg")
    assert [e.comment for e in _audits(activity, "photo_add")] == ["Children drawing", "The council"]


def test_photo_add_refuses_a_thirteenth_photo(activity, editor):
    ActivityPhotoFactory.create_batch(PHOTOS_MAX, activity=activity)

    with pytest.raises(ActivityRefused) as refused:
        photo_add(activity=activity, upload=image_upload(), alt_text="One more", actor=editor)

    assert refused.value.errors == {
        "upload": [_("An activity has at most %(max)d photos: remove one first.") % {"max": 12}]
    }
    assert activity.photos.count() == 12


@pytest.mark.parametrize(
    ("upload", "alt_text", "credit", "field"),
    [
        (lambda: image_upload(), "", "", "alt_text"),
        (lambda: image_upload(), "   ", "", "alt_text"),
        (lambda: image_upload(), None, "", "alt_text"),
        (lambda: image_upload(), "Line\nbreak", "", "alt_text"),
        (lambda: image_upload(), "x" * 301, "", "alt_text"),
        (lambda: image_upload(), "Fine", "Tab\tcredit", "credit"),
        (lambda: image_upload(), "Fine", "x" * 201, "credit"),
        (lambda: pdf_upload("photo.pdf"), "Fine", "", "upload"),
        (lambda: SimpleUploadedFile("photo.svg", SVG), "Fine", "", "upload"),
        (lambda: SimpleUploadedFile("photo.png", SVG), "Fine", "", "upload"),
        (lambda: SimpleUploadedFile("photo.png", b""), "Fine", "", "upload"),
        (lambda: SimpleUploadedFile("photo.gif", b"GIF89a" + b"\x00" * 40), "Fine", "", "upload"),
        (lambda: image_upload("photo.jpg"), "Fine", "", "upload"),
        (lambda: None, "Fine", "", "upload"),
    ],
)
def test_photo_add_refuses_bad_photos_and_saves_nothing(activity, editor, upload, alt_text, credit, field):
    audits = AuditEntry.objects.count()

    with pytest.raises(ActivityRefused) as refused:
        photo_add(activity=activity, upload=upload(), alt_text=alt_text, credit=credit, actor=editor)

    assert field in refused.value.errors
    assert ActivityPhoto.objects.count() == 0
    assert AuditEntry.objects.count() == audits


def test_photo_add_without_alt_text_says_why(activity, editor):
    with pytest.raises(ActivityRefused) as refused:
        photo_add(activity=activity, upload=image_upload(), alt_text="", actor=editor)

    assert refused.value.errors == {
        "alt_text": [_("Describe what the photo shows, for people who cannot see it.")]
    }


def test_photo_add_is_refused_to_the_editor_of_another_city(activity):
    with pytest.raises(PermissionRefused):
        photo_add(
            activity=activity, upload=image_upload(), alt_text="Mine", actor=make_city_editor(CityFactory())
        )

    assert ActivityPhoto.objects.count() == 0


def test_photo_remove_deletes_the_photo_and_its_file_after_commit(
    activity, editor, django_capture_on_commit_callbacks
):
    photo = photo_add(activity=activity, upload=image_upload(), alt_text="Children drawing", actor=editor)
    path = Path(photo.image.path)

    with django_capture_on_commit_callbacks(execute=True):
        photo_remove(photo=photo, actor=editor)

    assert (ActivityPhoto.objects.count(), path.exists()) == (0, False)
    assert [e.comment for e in _audits(activity, "photo_remove")] == ["Children drawing"]


def test_photo_remove_is_refused_to_the_editor_of_another_city(activity, editor):
    photo = photo_add(activity=activity, upload=image_upload(), alt_text="Children drawing", actor=editor)

    with pytest.raises(PermissionRefused):
        photo_remove(photo=photo, actor=make_city_editor(CityFactory()))

    assert ActivityPhoto.objects.count() == 1


# --- The workflow ---------------------------------------------------------------------------------------


def test_hide_by_staff_with_a_reason(activity, staff):
    with time_machine.travel(AFTER, tick=False):
        activity_transition(
            activity=activity, step="hide", actor=staff, reason="  Not an educational activity.  "
        )

    stored = Activity.objects.get(pk=activity.pk)
    assert (stored.status, stored.status_reason, stored.reviewed_at) == (
        ActivityStatus.HIDDEN,
        "Not an educational activity.",
        AFTER,
    )
    [entry] = _audits(activity, "hide")
    assert (entry.actor, entry.from_state, entry.to_state, entry.comment) == (
        staff,
        ActivityStatus.PUBLISHED,
        ActivityStatus.HIDDEN,
        "Not an educational activity.",
    )


def test_hide_emails_each_editor_of_the_city_in_their_language_after_commit(
    activity, staff, city, editor, django_capture_on_commit_callbacks
):
    english = make_city_editor(city, email="second@granollers.example.org", language="en")
    make_city_editor(city, email="gone@granollers.example.org", language="en", is_active=False)
    make_city_editor(CityFactory(), email="other@elsewhere.example.org")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        activity_transition(activity=activity, step="hide", actor=staff, reason="Duplicate")

    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == [editor.email, english.email]
    for address, language in ((editor.email, "es"), (english.email, "en")):
        with translation.override(language):
            subject = _("International Day %(year)d: your activity “%(title)s” was hidden") % {
                "year": 2025,
                "title": activity.title,
            }
            assert by_address[address].subject == subject
            assert _("Reason:") in by_address[address].body
    assert "Duplicate" in by_address[editor.email].body
    assert activity.title in by_address[editor.email].body


def test_hide_email_body_is_rendered_from_the_template(
    activity, staff, editor, django_capture_on_commit_callbacks
):
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        activity_transition(activity=activity, step="hide", actor=staff, reason="Duplicate")

    with translation.override("es"):
        from educities.awards.domain.common import site_link

        expected = render_to_string(
            "days/email/activity_hidden.txt",
            {
                "activity": activity,
                "campaign": activity.campaign,
                "reason": "Duplicate",
                "site_url": "",
                "language": "es",
                "link": site_link("days:activity_edit", pk=activity.pk),
            },
        )
    [message] = mail.outbox
    assert message.body == expected


def test_no_email_when_the_transaction_does_not_commit(activity, staff, django_capture_on_commit_callbacks):
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        activity_transition(activity=activity, step="hide", actor=staff, reason="Duplicate")

    assert (len(callbacks), mail.outbox) == (1, [])


def test_show_by_staff_clears_the_reason_and_emails_the_editors(
    activity, staff, editor, django_capture_on_commit_callbacks
):
    activity_transition(activity=activity, step="hide", actor=staff, reason="Duplicate")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        activity_transition(activity=activity, step="show", actor=staff)

    stored = Activity.objects.get(pk=activity.pk)
    assert (stored.status, stored.status_reason) == (ActivityStatus.PUBLISHED, "")
    [message] = mail.outbox
    with translation.override("es"):
        assert message.subject == _(
            "International Day %(year)d: your activity “%(title)s” is shown again"
        ) % {
            "year": 2025,
            "title": activity.title,
        }


def test_cancel_and_restore_by_the_citys_editor_email_nobody(
    activity, editor, django_capture_on_commit_callbacks
):
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        activity_transition(activity=activity, step="cancel", actor=editor, reason="Storm warning")
        cancelled = _snapshot(activity)
        activity_transition(activity=activity, step="restore", actor=editor)

    assert (cancelled["status"], cancelled["status_reason"], cancelled["reviewed_at"]) == (
        ActivityStatus.CANCELLED,
        "Storm warning",
        None,
    )
    stored = Activity.objects.get(pk=activity.pk)
    assert (stored.status, stored.status_reason) == (ActivityStatus.PUBLISHED, "")
    assert mail.outbox == []
    assert [
        (e.action, e.from_state, e.to_state) for e in _audits(activity) if e.action in {"cancel", "restore"}
    ] == [
        ("cancel", ActivityStatus.PUBLISHED, ActivityStatus.CANCELLED),
        ("restore", ActivityStatus.CANCELLED, ActivityStatus.PUBLISHED),
    ]


def test_cancel_by_staff(activity, staff):
    activity_transition(activity=activity, step="cancel", actor=staff)

    assert Activity.objects.get(pk=activity.pk).status == ActivityStatus.CANCELLED


def test_hide_a_cancelled_activity(activity, editor, staff):
    activity_transition(activity=activity, step="cancel", actor=editor)

    activity_transition(activity=activity, step="hide", actor=staff, reason="Spam")

    assert Activity.objects.get(pk=activity.pk).status == ActivityStatus.HIDDEN


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_hide_without_a_reason_is_refused_and_changes_nothing(activity, staff, reason):
    before = _snapshot(activity)

    with pytest.raises(ActivityRefused) as refused:
        activity_transition(activity=activity, step="hide", actor=staff, reason=reason)

    assert refused.value.errors == {"reason": [_("Write the reason, for the city.")]}
    assert _snapshot(activity) == before


@pytest.mark.parametrize("step", ["hide", "show"])
def test_hide_and_show_are_refused_to_the_citys_editor(activity, editor, staff, step):
    if step == "show":
        activity_transition(activity=activity, step="hide", actor=staff, reason="Duplicate")
    before = _snapshot(activity)

    with pytest.raises(PermissionRefused):
        activity_transition(activity=activity, step=step, actor=editor, reason="Because")

    assert _snapshot(activity) == before


@pytest.mark.parametrize(
    "who", ["anonymous", "plain_user", "editor_of_another_city", "translator", "executive"]
)
def test_cancel_is_refused_to_whoever_may_not_change_the_activity(activity, who):
    from tests.experiences.factories import make_translator
    from tests.factories import make_executive

    actors = {
        "anonymous": AnonymousUser,
        "plain_user": UserFactory,
        "editor_of_another_city": lambda: make_city_editor(CityFactory()),
        "translator": make_translator,
        "executive": make_executive,
    }
    before = _snapshot(activity)

    with pytest.raises(PermissionRefused):
        activity_transition(activity=activity, step="cancel", actor=actors[who]())

    assert _snapshot(activity) == before


@pytest.mark.parametrize(
    ("status", "step"),
    [
        (ActivityStatus.PUBLISHED, "show"),
        (ActivityStatus.PUBLISHED, "restore"),
        (ActivityStatus.HIDDEN, "hide"),
        (ActivityStatus.HIDDEN, "cancel"),
        (ActivityStatus.HIDDEN, "restore"),
        (ActivityStatus.CANCELLED, "cancel"),
        (ActivityStatus.CANCELLED, "show"),
    ],
)
def test_steps_the_table_does_not_allow_are_refused(campaign, city, staff, status, step):
    activity = ActivityFactory(campaign=campaign, city=city, status=status)
    before = _snapshot(activity)

    with pytest.raises(TransitionNotAllowed) as refused:
        activity_transition(activity=activity, step=step, actor=staff, reason="Because")

    assert refused.value.message == _("This activity is “%(from)s”: it cannot become “%(to)s”.") % {
        "from": ActivityStatus(status).label,
        "to": {
            "show": ActivityStatus.PUBLISHED,
            "restore": ActivityStatus.PUBLISHED,
            "hide": ActivityStatus.HIDDEN,
            "cancel": ActivityStatus.CANCELLED,
        }[step].label,
    }
    assert _snapshot(activity) == before


@pytest.mark.parametrize("step", ["delete", "", None, "publish"])
def test_unknown_steps_are_refused(activity, staff, step):
    before = _snapshot(activity)

    with pytest.raises(DomainError):
        activity_transition(activity=activity, step=step, actor=staff, reason="x")

    assert _snapshot(activity) == before


def test_transition_reads_the_current_status_from_the_database(activity, staff):
    stale = Activity.objects.get(pk=activity.pk)
    activity_transition(activity=activity, step="hide", actor=staff, reason="Duplicate")

    with pytest.raises(TransitionNotAllowed):
        activity_transition(activity=stale, step="hide", actor=staff, reason="Again")

    assert stale.status == ActivityStatus.HIDDEN


def test_transition_refuses_a_very_long_reason(activity, staff):
    with pytest.raises(ActivityRefused):
        activity_transition(activity=activity, step="hide", actor=staff, reason="x" * 2001)

    assert Activity.objects.get(pk=activity.pk).status == ActivityStatus.PUBLISHED


# --- Review -------------------------------------------------------------------------------------------


def test_activity_mark_reviewed_stamps_the_activities_not_reviewed_yet(campaign, staff):
    earlier = datetime.datetime(2025, 11, 20, 9, 0, tzinfo=UTC)
    reviewed = ActivityFactory(campaign=campaign, reviewed_at=earlier)
    first, second = ActivityFactory.create_batch(2, campaign=campaign)
    untouched = ActivityFactory(campaign=campaign)

    with time_machine.travel(AFTER, tick=False):
        count = activity_mark_reviewed(activities=[reviewed, first, second], actor=staff)

    assert count == 2
    assert {a.pk: a.reviewed_at for a in Activity.objects.all()} == {
        reviewed.pk: earlier,
        first.pk: AFTER,
        second.pk: AFTER,
        untouched.pk: None,
    }
    assert (first.reviewed_at, len(_audits(first, "mark_reviewed")), _audits(reviewed, "mark_reviewed")) == (
        AFTER,
        1,
        [],
    )


def test_activity_mark_reviewed_takes_a_queryset(campaign, staff):
    ActivityFactory.create_batch(3, campaign=campaign)

    count = activity_mark_reviewed(activities=Activity.objects.all(), actor=staff)

    assert count == 3
    assert Activity.objects.filter(reviewed_at__isnull=True).count() == 0


def test_activity_mark_reviewed_of_nothing_is_zero(staff):
    assert activity_mark_reviewed(activities=[], actor=staff) == 0


def test_activity_mark_reviewed_is_refused_to_the_citys_editor(activity, editor):
    with pytest.raises(PermissionRefused):
        activity_mark_reviewed(activities=[activity], actor=editor)

    assert Activity.objects.get(pk=activity.pk).reviewed_at is None


@pytest.mark.parametrize("bad", [[1, 2], ["x"], [None]])
def test_activity_mark_reviewed_refuses_what_is_not_an_activity(staff, bad):
    with pytest.raises(DomainError):
        activity_mark_reviewed(activities=bad, actor=staff)


def test_activity_mark_reviewed_refuses_a_queryset_of_another_model(staff):
    from educities.members.models import City

    with pytest.raises(DomainError):
        activity_mark_reviewed(activities=City.objects.all(), actor=staff)


def test_mark_reviewed_does_not_touch_updated_at(activity, staff):
    before = Activity.objects.get(pk=activity.pk).updated_at

    with time_machine.travel(AFTER, tick=False):
        activity_mark_reviewed(activities=[activity], actor=staff)

    assert Activity.objects.get(pk=activity.pk).updated_at == before


def test_register_then_hide_keeps_the_moment_in_utc(campaign, city, editor, staff):
    activity = _register(campaign, city, editor, starts_at=day_moment(2025, 10), ends_at=None)

    activity_transition(activity=activity, step="hide", actor=staff, reason="Check")

    assert Activity.objects.get(pk=activity.pk).starts_at == datetime.datetime(2025, 11, 30, 9, 0, tzinfo=UTC)
    assert timezone.is_aware(activity.starts_at)
