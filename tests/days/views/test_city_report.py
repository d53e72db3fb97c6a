"""The report after the Day and its photos, on a city's pages: journeys and hostile input."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import gettext

from educities.days.enums import ActivityStatus
from educities.days.models import ActivityPhoto
from tests.days.factories import ActivityFactory, ActivityPhotoFactory
from tests.days.views.test_city_support import AFTER_THE_DAY, BEFORE_THE_DAY, cast, flash, png_file, state
from tests.factories import make_pdf_bytes

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def after_the_day(time_machine):
    time_machine.move_to(AFTER_THE_DAY, tick=False)


@pytest.fixture
def before_the_day(time_machine):
    time_machine.move_to(BEFORE_THE_DAY, tick=False)


def _url(activity) -> str:
    return reverse("days:activity_report", kwargs={"pk": activity.pk})


def _world():
    the_cast = cast()
    activity = ActivityFactory(campaign=the_cast.campaign, city=the_cast.city_a)
    return the_cast, activity


def _report(**overrides) -> dict:
    data = {
        "action": "report",
        "report-participants": "240",
        "report-report": "Three hundred drawings.\r\nThe mayor listened.",
        "report-video_url": "https://video.example.org/day-2025",
    }
    data.update(overrides)
    return data


def _photo(**overrides) -> dict:
    data = {"action": "photo_add", "photo-image": png_file(), "photo-alt_text": "Children drawing the square"}
    data.update(overrides)
    return data


# --- Before the activity ------------------------------------------------------------------------------


def test_report_page_before_the_activity_has_no_forms(client, before_the_day):
    the_cast, activity = _world()
    client.force_login(the_cast.users["editor_a"])

    response = client.get(_url(activity))

    assert response.status_code == 200
    assert response.context["started"] is False
    assert response.context["report_form"] is None
    assert response.context["photo_form"] is None


@pytest.mark.parametrize("data", [_report(), {"action": "photo_remove", "photo": "1"}])
def test_report_before_the_activity_changes_nothing(client, before_the_day, data):
    the_cast, activity = _world()
    before = state(activity)
    client.force_login(the_cast.users["editor_a"])

    response = client.post(_url(activity), data)

    assert response.status_code == 302
    assert state(activity) == before
    assert flash(response) == [
        gettext("The activity has not started yet: its report and photos come after it. Nothing was changed.")
    ]


# --- The report ---------------------------------------------------------------------------------------


def test_report_saves_participants_text_and_video(client, after_the_day):
    the_cast, activity = _world()
    client.force_login(the_cast.users["editor_a"])

    response = client.post(_url(activity), _report())

    activity.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == f"{_url(activity)}#report"
    assert activity.participants == 240
    assert activity.report == "Three hundred drawings.\nThe mayor listened."
    assert activity.video_url == "https://video.example.org/day-2025"
    assert flash(response) == [gettext("The report is saved. Thank you!")]


def test_report_page_shows_what_was_saved(client, after_the_day):
    the_cast, activity = _world()
    activity.participants, activity.report = 12, "Small but lively."
    activity.save()
    client.force_login(the_cast.users["editor_a"])

    form = client.get(_url(activity)).context["report_form"]

    assert form["participants"].value() == 12
    assert form["report"].value() == "Small but lively."


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"report-participants": "-3"}, "participants"),
        ({"report-participants": "lots"}, "participants"),
        ({"report-participants": "99999999999"}, "participants"),
        ({"report-video_url": "javascript:alert(1)"}, "video_url"),
        ({"report-video_url": "ftp://files.example.org/x"}, "video_url"),
        ({"report-report": "Escape \x1b[31m"}, "report"),
    ],
)
def test_report_hostile_value_changes_nothing(client, after_the_day, overrides, field):
    the_cast, activity = _world()
    before = state(activity)
    client.force_login(the_cast.users["editor_a"])

    response = client.post(_url(activity), _report(**overrides))

    assert response.status_code == 200
    assert list(response.context["report_form"].errors) == [field]
    assert state(activity) == before


def test_report_of_a_cancelled_activity_is_refused(client, after_the_day):
    the_cast, activity = _world()
    activity.status = ActivityStatus.CANCELLED
    activity.save()
    before = state(activity)
    client.force_login(the_cast.users["editor_a"])

    response = client.post(_url(activity), _report())

    assert response.status_code == 200
    assert response.context["report_form"].non_field_errors() == [
        gettext("This activity was cancelled: there is nothing to report.")
    ]
    assert state(activity) == before


def test_report_unknown_action_changes_nothing(client, after_the_day):
    the_cast, activity = _world()
    before = state(activity)
    client.force_login(the_cast.users["editor_a"])

    response = client.post(_url(activity), _report(action="delete_everything"))

    assert response.status_code == 302
    assert flash(response) == [gettext("Unknown action. Nothing was changed.")]
    assert state(activity) == before


# --- Photos -------------------------------------------------------------------------------------------


def test_photo_add_with_its_description_and_credit(client, after_the_day):
    the_cast, activity = _world()
    client.force_login(the_cast.users["editor_a"])

    response = client.post(_url(activity), _photo(**{"photo-credit": "Anna Puig"}))

    photo = ActivityPhoto.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{_url(activity)}#photos"
    assert (photo.activity, photo.alt_text, photo.credit) == (
        activity,
        "Children drawing the square",
        "Anna Puig",
    )
    assert photo.image.name.startswith("day/photos/")
    assert photo.image.name.endswith(".png")
    page = client.get(_url(activity)).content.decode()
    assert f'<img src="{photo.image.url}" alt="Children drawing the square"' in page


@pytest.mark.parametrize("alt_text", ["", "   "])
def test_photo_without_a_description_is_refused(client, after_the_day, alt_text):
    the_cast, activity = _world()
    client.force_login(the_cast.users["editor_a"])

    response = client.post(_url(activity), _photo(**{"photo-alt_text": alt_text}))

    assert response.status_code == 200
    assert list(response.context["photo_form"].errors) == ["alt_text"]
    assert ActivityPhoto.objects.count() == 0


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("report.pdf", make_pdf_bytes(), content_type="application/pdf"),
        SimpleUploadedFile("photo.png", b"not an image at all", content_type="image/png"),
        SimpleUploadedFile(
            "photo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', content_type="image/svg+xml"
        ),
        SimpleUploadedFile("photo.jpg", b"", content_type="image/jpeg"),
    ],
    ids=["pdf", "text-named-png", "svg", "empty"],
)
def test_photo_that_is_not_an_image_is_refused(client, after_the_day, upload):
    the_cast, activity = _world()
    client.force_login(the_cast.users["editor_a"])

    response = client.post(_url(activity), _photo(**{"photo-image": upload}))

    assert response.status_code == 200
    assert list(response.context["photo_form"].errors) == ["image"]
    assert ActivityPhoto.objects.count() == 0


def test_photo_without_a_file_is_refused(client, after_the_day):
    the_cast, activity = _world()
    client.force_login(the_cast.users["editor_a"])

    data = _photo()
    del data["photo-image"]
    response = client.post(_url(activity), data)

    assert response.status_code == 200
    assert list(response.context["photo_form"].errors) == ["image"]
    assert ActivityPhoto.objects.count() == 0


def test_photo_beyond_the_maximum_is_refused(client, after_the_day):
    the_cast, activity = _world()
    ActivityPhotoFactory.create_batch(12, activity=activity)
    client.force_login(the_cast.users["editor_a"])

    response = client.post(_url(activity), _photo())

    assert response.status_code == 200
    assert list(response.context["photo_form"].errors) == ["image"]
    assert ActivityPhoto.objects.count() == 12


def test_photo_remove(client, after_the_day):
    the_cast, activity = _world()
    photo = ActivityPhotoFactory(activity=activity)
    client.force_login(the_cast.users["editor_a"])

    response = client.post(_url(activity), {"action": "photo_remove", "photo": str(photo.pk)})

    assert response.status_code == 302
    assert ActivityPhoto.objects.count() == 0
    assert flash(response) == [gettext("The photo is removed.")]


@pytest.mark.parametrize("raw", ["other", "", "abc", "999999", "-1"])
def test_photo_remove_of_another_activity_photo_changes_nothing(client, after_the_day, raw):
    the_cast, activity = _world()
    other = ActivityPhotoFactory(activity=ActivityFactory(campaign=the_cast.campaign, city=the_cast.city_b))
    client.force_login(the_cast.users["editor_a"])

    value = str(other.pk) if raw == "other" else raw
    response = client.post(_url(activity), {"action": "photo_remove", "photo": value})

    assert response.status_code == 302
    assert list(ActivityPhoto.objects.values_list("pk", flat=True)) == [other.pk]
    assert flash(response) == [gettext("This photo is not one of this activity’s. Nothing was changed.")]


def test_report_of_an_activity_starting_later_on_the_day(client, time_machine):
    the_cast, activity = _world()
    # 30 November 2025 16:30 UTC is 17:30 in Madrid: the 17:00 activity has started.
    time_machine.move_to(datetime.datetime(2025, 11, 30, 16, 30, tzinfo=datetime.UTC), tick=False)
    client.force_login(the_cast.users["editor_a"])

    response = client.post(_url(activity), _report())

    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.participants == 240
