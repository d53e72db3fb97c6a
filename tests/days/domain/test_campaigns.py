import datetime
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from educities.core.domain.errors import PermissionRefused
from educities.core.enums import Provenance
from educities.core.models import AuditEntry, TextTranslation
from educities.days.domain.campaigns import (
    campaign_create,
    campaign_poster_remove,
    campaign_poster_set,
    campaign_publish,
    campaign_translate,
    campaign_unpublish,
    campaign_update,
    material_add,
    material_remove,
)
from educities.days.domain.common import CampaignRefused
from educities.days.enums import ActivityStatus
from educities.days.models import Campaign, CampaignMaterial
from tests.days.factories import ActivityFactory, CampaignFactory, day_moment, image_upload
from tests.factories import CityFactory, StaffFactory, UserFactory, make_city_editor, pdf_upload

pytestmark = pytest.mark.django_db

SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.fixture
def staff():
    return StaffFactory()


@pytest.fixture
def campaign(staff):
    return campaign_create(
        year=2025,
        motto="Cities that listen",
        manifesto="Educating cities listen to their people.",
        guide="Register your activity.",
        actor=staff,
    )


def _audits(obj, action=None):
    entries = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).order_by("created_at", "pk")
    return list(entries.filter(action=action)) if action else list(entries)


def _texts(campaign):
    rows = TextTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(Campaign), object_id=str(campaign.pk)
    )
    return {(row.field, row.language): (row.provenance, row.text) for row in rows}


def _nothing_changed():
    return (Campaign.objects.count(), TextTranslation.objects.count(), AuditEntry.objects.count())


# --- Creating -----------------------------------------------------------------------------------------


def test_campaign_create_uses_the_default_window_and_stays_unpublished(campaign):
    campaign.refresh_from_db()

    assert (campaign.year, campaign.motto, campaign.original_language) == (2025, "Cities that listen", "en")
    assert (campaign.window_starts_on, campaign.window_ends_on) == (
        datetime.date(2025, 11, 1),
        datetime.date(2025, 12, 15),
    )
    assert (campaign.reminder_days_before, campaign.is_published, campaign.reminder_sent_at) == (
        21,
        False,
        None,
    )


def test_campaign_create_records_the_texts_as_originals(campaign):
    assert _texts(campaign) == {
        ("motto", "en"): (Provenance.ORIGINAL, "Cities that listen"),
        ("manifesto", "en"): (Provenance.ORIGINAL, "Educating cities listen to their people."),
        ("guide", "en"): (Provenance.ORIGINAL, "Register your activity."),
    }


def test_campaign_create_is_audited_with_the_actor(campaign, staff):
    [entry] = _audits(campaign, "campaign_create")

    assert (entry.actor, entry.comment) == (staff, "2025")


def test_campaign_create_takes_a_window_language_and_reminder(staff):
    campaign = campaign_create(
        year=2026,
        motto="  La ciudad que educa  ",
        language="es",
        window_starts_on=datetime.date(2026, 10, 15),
        window_ends_on=datetime.date(2026, 11, 30),
        reminder_days_before=30,
        actor=staff,
    )

    assert (campaign.motto, campaign.original_language, campaign.reminder_days_before) == (
        "La ciudad que educa",
        "es",
        30,
    )
    assert (campaign.window_starts_on, campaign.window_ends_on) == (
        datetime.date(2026, 10, 15),
        datetime.date(2026, 11, 30),
    )
    assert _texts(campaign)[("motto", "es")] == (Provenance.ORIGINAL, "La ciudad que educa")


def test_campaign_create_refuses_a_second_campaign_for_a_year(campaign, staff):
    before = _nothing_changed()

    with pytest.raises(CampaignRefused) as refused:
        campaign_create(year=2025, motto="Another", actor=staff)

    assert refused.value.errors == {"year": [_("There is already a campaign for %(year)d.") % {"year": 2025}]}
    assert _nothing_changed() == before


@pytest.mark.parametrize("actor", ["anonymous", "user", "editor"])
def test_campaign_create_is_refused_to_whoever_is_not_the_secretariat(actor):
    from django.contrib.auth.models import AnonymousUser

    users = {
        "anonymous": AnonymousUser,
        "user": UserFactory,
        "editor": lambda: make_city_editor(CityFactory()),
    }

    with pytest.raises(PermissionRefused):
        campaign_create(year=2025, motto="Mine", actor=users[actor]())

    assert Campaign.objects.count() == 0


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"year": 2015}, "year"),
        ({"year": 2101}, "year"),
        ({"year": "2025"}, "year"),
        ({"year": True}, "year"),
        ({"year": None}, "year"),
        ({"motto": ""}, "motto"),
        ({"motto": "   "}, "motto"),
        ({"motto": None}, "motto"),
        ({"motto": "Two\nlines"}, "motto"),
        ({"motto": "Bell\x07"}, "motto"),
        ({"motto": "x" * 256}, "motto"),
        ({"motto": ["a list"]}, "motto"),
        ({"manifesto": "Null\x00byte"}, "manifesto"),
        ({"manifesto": "x" * 100_001}, "manifesto"),
        ({"guide": 42}, "guide"),
        ({"language": "de"}, "language"),
        ({"language": ""}, "language"),
        ({"language": None}, "language"),
        ({"window_starts_on": datetime.date(2025, 12, 1)}, "window_starts_on"),
        ({"window_ends_on": datetime.date(2025, 11, 29)}, "window_starts_on"),
        (
            {"window_starts_on": datetime.date(2025, 12, 10), "window_ends_on": datetime.date(2025, 12, 1)},
            "window_ends_on",
        ),
        ({"window_starts_on": datetime.datetime(2025, 11, 1, 0, 0)}, "window_starts_on"),  # noqa: DTZ001 - a datetime is not a date
        ({"window_ends_on": "2025-12-15"}, "window_ends_on"),
        ({"reminder_days_before": -1}, "reminder_days_before"),
        ({"reminder_days_before": 121}, "reminder_days_before"),
        ({"reminder_days_before": "21"}, "reminder_days_before"),
        ({"reminder_days_before": 2.5}, "reminder_days_before"),
    ],
)
def test_campaign_create_refuses_bad_values_and_saves_nothing(staff, overrides, field):
    values = {"year": 2025, "motto": "Cities that listen", **overrides}

    with pytest.raises(CampaignRefused) as refused:
        campaign_create(actor=staff, **values)

    assert field in refused.value.errors
    assert _nothing_changed() == (0, 0, 0)


def test_campaign_create_reports_every_refused_value_at_once(staff):
    with pytest.raises(CampaignRefused) as refused:
        campaign_create(year=1999, motto="", language="xx", reminder_days_before=500, actor=staff)

    assert sorted(refused.value.errors) == ["language", "motto", "reminder_days_before", "year"]


def test_campaign_create_window_must_include_the_day(staff):
    with pytest.raises(CampaignRefused) as refused:
        campaign_create(
            year=2025,
            motto="Early",
            window_starts_on=datetime.date(2025, 10, 1),
            window_ends_on=datetime.date(2025, 10, 31),
            actor=staff,
        )

    assert refused.value.errors == {
        "window_starts_on": [
            _("The window of dates must include the Day, 30 November %(year)d.") % {"year": 2025}
        ]
    }


# --- Changing -----------------------------------------------------------------------------------------


def test_campaign_update_changes_only_the_given_fields(campaign, staff):
    campaign_update(campaign=campaign, actor=staff, reminder_days_before=14)

    campaign.refresh_from_db()
    assert (campaign.reminder_days_before, campaign.motto, campaign.guide) == (
        14,
        "Cities that listen",
        "Register your activity.",
    )
    [entry] = _audits(campaign, "campaign_update")
    assert entry.comment == "reminder_days_before"


def test_campaign_update_makes_translations_of_a_changed_text_stale(campaign, staff):
    campaign_translate(campaign=campaign, language="fr", motto="Villes qui écoutent", actor=staff)
    fresh = TextTranslation.objects.get(field="motto", language="fr")
    original = TextTranslation.objects.get(field="motto", language="en")
    assert fresh.source_digest == original.source_digest

    campaign_update(campaign=campaign, actor=staff, motto="Cities that learn")

    fresh.refresh_from_db()
    original.refresh_from_db()
    assert original.text == "Cities that learn"
    assert fresh.source_digest != original.source_digest


def test_campaign_update_of_the_language_makes_the_former_original_a_translation(campaign, staff):
    campaign_update(campaign=campaign, actor=staff, language="es", motto="Ciudades que escuchan")

    campaign.refresh_from_db()
    texts = _texts(campaign)
    assert campaign.original_language == "es"
    assert texts[("motto", "es")] == (Provenance.ORIGINAL, "Ciudades que escuchan")
    assert texts[("motto", "en")] == (Provenance.HUMAN, "Cities that listen")


def test_campaign_update_with_unchanged_values_changes_nothing(campaign, staff):
    before = _nothing_changed()

    campaign_update(campaign=campaign, actor=staff, motto="Cities that listen", reminder_days_before=21)

    assert _nothing_changed() == before


def test_campaign_update_refuses_an_unknown_field(campaign, staff):
    with pytest.raises(CampaignRefused) as refused:
        campaign_update(campaign=campaign, actor=staff, is_published=True, reminder_sent_at=None)

    assert sorted(refused.value.errors) == ["is_published", "reminder_sent_at"]
    campaign.refresh_from_db()
    assert campaign.is_published is False


def test_campaign_update_refuses_bad_values_and_saves_nothing(campaign, staff):
    before = _nothing_changed()

    with pytest.raises(CampaignRefused) as refused:
        campaign_update(campaign=campaign, actor=staff, motto="New motto", reminder_days_before=-3)

    assert list(refused.value.errors) == ["reminder_days_before"]
    campaign.refresh_from_db()
    assert (campaign.motto, campaign.reminder_days_before) == ("Cities that listen", 21)
    assert _nothing_changed() == before


def test_campaign_update_is_refused_to_a_city_editor(campaign):
    editor = make_city_editor(CityFactory())

    with pytest.raises(PermissionRefused):
        campaign_update(campaign=campaign, actor=editor, motto="Mine")

    campaign.refresh_from_db()
    assert campaign.motto == "Cities that listen"


def _published_activity(campaign, *, day, hour=17, zone="Europe/Madrid", status=ActivityStatus.PUBLISHED):
    city = CityFactory(time_zone=zone)
    return ActivityFactory(
        campaign=campaign,
        city=city,
        time_zone=zone,
        status=status,
        starts_at=day_moment(campaign.year, hour, zone=zone, day=day.day, month=day.month),
    )


def test_campaign_update_refuses_a_window_that_leaves_a_published_activity_out(campaign, staff):
    _published_activity(campaign, day=datetime.date(2025, 11, 3))

    with pytest.raises(CampaignRefused) as refused:
        campaign_update(campaign=campaign, actor=staff, window_starts_on=datetime.date(2025, 11, 10))

    message = ngettext(
        "%(count)d published activity would fall outside these dates: keep them in the window.",
        "%(count)d published activities would fall outside these dates: keep them in the window.",
        1,
    ) % {"count": 1}
    assert refused.value.errors == {"window_starts_on": [message]}
    campaign.refresh_from_db()
    assert campaign.window_starts_on == datetime.date(2025, 11, 1)


def test_campaign_update_names_how_many_published_activities_would_fall_out(campaign, staff):
    _published_activity(campaign, day=datetime.date(2025, 12, 14))
    _published_activity(campaign, day=datetime.date(2025, 12, 12))
    _published_activity(campaign, day=datetime.date(2025, 12, 1))

    with pytest.raises(CampaignRefused) as refused:
        campaign_update(campaign=campaign, actor=staff, window_ends_on=datetime.date(2025, 12, 5))

    message = ngettext(
        "%(count)d published activity would fall outside these dates: keep them in the window.",
        "%(count)d published activities would fall outside these dates: keep them in the window.",
        2,
    ) % {"count": 2}
    assert refused.value.errors == {"window_ends_on": [message]}


def test_campaign_update_window_ignores_hidden_and_cancelled_activities(campaign, staff):
    _published_activity(campaign, day=datetime.date(2025, 11, 2), status=ActivityStatus.CANCELLED)
    _published_activity(campaign, day=datetime.date(2025, 11, 2), status=ActivityStatus.HIDDEN)

    campaign_update(campaign=campaign, actor=staff, window_starts_on=datetime.date(2025, 11, 20))

    campaign.refresh_from_db()
    assert campaign.window_starts_on == datetime.date(2025, 11, 20)


def test_campaign_update_window_compares_local_dates(campaign, staff):
    # 1 November at 00:30 in Madrid is still 31 October in UTC: it is inside a window from 1 November.
    _published_activity(campaign, day=datetime.date(2025, 11, 1), hour=0)
    # 1 December at 08:00 in Tokyo is 30 November in UTC: outside a window ending on 30 November.
    _published_activity(campaign, day=datetime.date(2025, 12, 1), hour=8, zone="Asia/Tokyo")

    with pytest.raises(CampaignRefused) as refused:
        campaign_update(campaign=campaign, actor=staff, window_ends_on=datetime.date(2025, 11, 30))
    campaign_update(campaign=campaign, actor=staff, window_ends_on=datetime.date(2025, 12, 1))

    assert refused.value.errors == {
        "window_ends_on": [
            ngettext(
                "%(count)d published activity would fall outside these dates: keep them in the window.",
                "%(count)d published activities would fall outside these dates: keep them in the window.",
                1,
            )
            % {"count": 1}
        ]
    }
    campaign.refresh_from_db()
    assert (campaign.window_starts_on, campaign.window_ends_on) == (
        datetime.date(2025, 11, 1),
        datetime.date(2025, 12, 1),
    )


def test_campaign_update_changes_the_year_while_there_is_no_activity(campaign, staff):
    campaign_update(
        campaign=campaign,
        actor=staff,
        year=2026,
        window_starts_on=datetime.date(2026, 11, 1),
        window_ends_on=datetime.date(2026, 12, 15),
    )

    campaign.refresh_from_db()
    assert campaign.year == 2026


def test_campaign_update_year_checks_the_window_against_the_new_day(campaign, staff):
    with pytest.raises(CampaignRefused) as refused:
        campaign_update(campaign=campaign, actor=staff, year=2026)

    assert list(refused.value.errors) == ["window_starts_on"]


def test_campaign_update_refuses_a_new_year_once_activities_exist(campaign, staff):
    _published_activity(campaign, day=datetime.date(2025, 11, 30))

    with pytest.raises(CampaignRefused) as refused:
        campaign_update(
            campaign=campaign,
            actor=staff,
            year=2026,
            window_starts_on=datetime.date(2026, 11, 1),
            window_ends_on=datetime.date(2026, 12, 15),
        )

    assert list(refused.value.errors) == ["year"]
    campaign.refresh_from_db()
    assert campaign.year == 2025


def test_campaign_update_refuses_a_year_that_has_a_campaign(campaign, staff):
    CampaignFactory(year=2026)

    with pytest.raises(CampaignRefused) as refused:
        campaign_update(
            campaign=campaign,
            actor=staff,
            year=2026,
            window_starts_on=datetime.date(2026, 11, 1),
            window_ends_on=datetime.date(2026, 12, 15),
        )

    assert refused.value.errors == {"year": [_("There is already a campaign for %(year)d.") % {"year": 2026}]}


# --- Translating ----------------------------------------------------------------------------------------


def test_campaign_translate_saves_human_translations_of_the_given_texts(campaign, staff):
    campaign_translate(
        campaign=campaign,
        language="fr",
        motto="Des villes qui écoutent",
        manifesto="Les villes éducatrices écoutent.",
        guide="",
        actor=staff,
    )

    texts = _texts(campaign)
    assert texts[("motto", "fr")] == (Provenance.HUMAN, "Des villes qui écoutent")
    assert texts[("manifesto", "fr")] == (Provenance.HUMAN, "Les villes éducatrices écoutent.")
    assert ("guide", "fr") not in texts
    assert len(_audits(campaign, "translation_save")) == 2


def test_campaign_translate_works_for_a_campaign_made_without_originals(staff):
    campaign = CampaignFactory(year=2024)

    campaign_translate(campaign=campaign, language="es", motto="Lema", actor=staff)

    texts = _texts(campaign)
    assert texts[("motto", "en")] == (Provenance.ORIGINAL, "Motto of 2024")
    assert texts[("motto", "es")] == (Provenance.HUMAN, "Lema")


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"language": "en", "motto": "Same language"}, "language"),
        ({"language": "de", "motto": "Städte"}, "language"),
        ({"language": "", "motto": "x"}, "language"),
        ({"language": "fr", "motto": ""}, "__all__"),
        ({"language": "fr", "motto": "Ligne\nbrisée"}, "motto"),
        ({"language": "fr", "motto": "Bien", "manifesto": "Nul\x00"}, "manifesto"),
        ({"language": "fr", "motto": "Bien", "guide": 7}, "guide"),
    ],
)
def test_campaign_translate_refuses_bad_values_and_saves_nothing(campaign, staff, values, field):
    before = _nothing_changed()

    with pytest.raises(CampaignRefused) as refused:
        campaign_translate(campaign=campaign, actor=staff, **values)

    assert field in refused.value.errors
    assert _nothing_changed() == before


def test_campaign_translate_refuses_to_translate_an_empty_original(staff):
    campaign = campaign_create(year=2026, motto="Motto", guide="", actor=staff)
    before = _nothing_changed()

    with pytest.raises(CampaignRefused) as refused:
        campaign_translate(campaign=campaign, language="ca", motto="Lema", guide="Guia", actor=staff)

    assert list(refused.value.errors) == ["guide"]
    assert _nothing_changed() == before


def test_campaign_translate_is_refused_to_a_translator(campaign):
    from tests.experiences.factories import make_translator

    with pytest.raises(PermissionRefused):
        campaign_translate(campaign=campaign, language="fr", motto="Villes", actor=make_translator())


# --- Publishing -----------------------------------------------------------------------------------------


def test_campaign_publish_and_unpublish_are_audited(campaign, staff):
    campaign_publish(campaign=campaign, actor=staff)
    campaign.refresh_from_db()
    published = campaign.is_published
    campaign_unpublish(campaign=campaign, actor=staff)
    campaign.refresh_from_db()

    assert (published, campaign.is_published) == (True, False)
    assert [
        (e.action, e.from_state, e.to_state) for e in _audits(campaign) if e.action.startswith("campaign_")
    ][1:] == [("campaign_publish", "draft", "published"), ("campaign_unpublish", "published", "draft")]


def test_campaign_publish_twice_changes_nothing_the_second_time(campaign, staff):
    campaign_publish(campaign=campaign, actor=staff)
    campaign_publish(campaign=campaign, actor=staff)

    assert len(_audits(campaign, "campaign_publish")) == 1


def test_campaign_unpublish_of_a_draft_changes_nothing(campaign, staff):
    campaign_unpublish(campaign=campaign, actor=staff)

    assert _audits(campaign, "campaign_unpublish") == []


def test_campaign_publish_is_refused_to_a_city_editor(campaign):
    with pytest.raises(PermissionRefused):
        campaign_publish(campaign=campaign, actor=make_city_editor(CityFactory()))

    campaign.refresh_from_db()
    assert campaign.is_published is False


# --- Poster ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "image_format", "suffix"),
    [("poster.png", "PNG", ".png"), ("p.jpg", "JPEG", ".jpg"), ("p.webp", "WEBP", ".webp")],
)
def test_campaign_poster_set_stores_an_image_with_its_description(
    campaign, staff, name, image_format, suffix
):
    campaign_poster_set(
        campaign=campaign, upload=image_upload(name, image_format), alt_text="A child's drawing", actor=staff
    )

    campaign.refresh_from_db()
    assert campaign.poster.name.startswith("day/campaigns/")
    assert campaign.poster.name.endswith(suffix)
    assert campaign.poster_alt == "A child's drawing"
    assert Path(campaign.poster.path).exists()
    assert len(_audits(campaign, "poster_set")) == 1


def test_campaign_poster_set_replaces_the_file_after_commit(
    campaign, staff, django_capture_on_commit_callbacks
):
    campaign_poster_set(campaign=campaign, upload=image_upload(), alt_text="First", actor=staff)
    first = Path(campaign.poster.path)

    with django_capture_on_commit_callbacks(execute=True):
        campaign_poster_set(campaign=campaign, upload=image_upload(), alt_text="Second", actor=staff)

    assert not first.exists()
    assert Path(campaign.poster.path).exists()


def test_campaign_poster_set_without_a_file_changes_the_description(campaign, staff):
    campaign_poster_set(campaign=campaign, upload=image_upload(), alt_text="First", actor=staff)
    name = campaign.poster.name

    campaign_poster_set(campaign=campaign, upload=None, alt_text="Better description", actor=staff)

    campaign.refresh_from_db()
    assert (campaign.poster.name, campaign.poster_alt) == (name, "Better description")


@pytest.mark.parametrize(
    ("upload", "alt_text", "field"),
    [
        (lambda: image_upload(), "", "alt_text"),
        (lambda: image_upload(), "   ", "alt_text"),
        (lambda: image_upload(), "Line\nbreak", "alt_text"),
        (lambda: image_upload(), "x" * 301, "alt_text"),
        (lambda: pdf_upload("poster.pdf"), "Poster", "upload"),
        (lambda: SimpleUploadedFile("poster.svg", SVG), "Poster", "upload"),
        (lambda: SimpleUploadedFile("poster.png", SVG), "Poster", "upload"),
        (lambda: SimpleUploadedFile("poster.png", b""), "Poster", "upload"),
        (lambda: SimpleUploadedFile("poster.png", b"not an image at all"), "Poster", "upload"),
        (lambda: image_upload("poster.pdf"), "Poster", "upload"),
        (lambda: None, "Poster", "upload"),
        (lambda: "poster.png", "Poster", "upload"),
    ],
)
def test_campaign_poster_set_refuses_bad_files_and_descriptions(campaign, staff, upload, alt_text, field):
    before = _nothing_changed()

    with pytest.raises(CampaignRefused) as refused:
        campaign_poster_set(campaign=campaign, upload=upload(), alt_text=alt_text, actor=staff)

    assert list(refused.value.errors) == [field]
    campaign.refresh_from_db()
    assert (campaign.poster.name, campaign.poster_alt) == ("", "")
    assert _nothing_changed() == before


def test_campaign_poster_set_refuses_an_oversized_file(campaign, staff, settings):
    settings.UPLOAD_MAX_BYTES = 10

    with pytest.raises(CampaignRefused):
        campaign_poster_set(campaign=campaign, upload=image_upload(), alt_text="Poster", actor=staff)

    campaign.refresh_from_db()
    assert campaign.poster.name == ""


def test_campaign_poster_set_is_refused_to_a_city_editor(campaign):
    with pytest.raises(PermissionRefused):
        campaign_poster_set(
            campaign=campaign, upload=image_upload(), alt_text="Poster", actor=make_city_editor(CityFactory())
        )


def test_campaign_poster_remove_deletes_the_file_after_commit(
    campaign, staff, django_capture_on_commit_callbacks
):
    campaign_poster_set(campaign=campaign, upload=image_upload(), alt_text="Poster", actor=staff)
    path = Path(campaign.poster.path)

    with django_capture_on_commit_callbacks(execute=True):
        campaign_poster_remove(campaign=campaign, actor=staff)

    campaign.refresh_from_db()
    assert (campaign.poster.name, campaign.poster_alt, path.exists()) == ("", "", False)


# --- Materials ----------------------------------------------------------------------------------------


def test_material_add_stores_pdfs_and_images_in_order(campaign, staff):
    guide = material_add(campaign=campaign, title="Guide (PDF)", upload=pdf_upload("guide.pdf"), actor=staff)
    logo = material_add(
        campaign=campaign, title="Logo", upload=image_upload("logo.jpeg", "JPEG"), language="fr", actor=staff
    )

    assert [(m.title, m.language, m.position) for m in campaign.materials.all()] == [
        ("Guide (PDF)", "", 1),
        ("Logo", "fr", 2),
    ]
    assert guide.file.name.endswith(".pdf")
    assert logo.file.name.endswith(".jpg")
    assert [e.comment for e in _audits(campaign, "material_add")] == ["Guide (PDF)", "Logo"]


@pytest.mark.parametrize(
    ("title", "upload", "language", "field"),
    [
        ("", lambda: pdf_upload(), "", "title"),
        ("Tab\there", lambda: pdf_upload(), "", "title"),
        ("x" * 201, lambda: pdf_upload(), "", "title"),
        ("Guide", lambda: pdf_upload(), "de", "language"),
        ("Guide", lambda: pdf_upload(), 3, "language"),
        ("Guide", lambda: SimpleUploadedFile("guide.svg", SVG), "", "upload"),
        ("Guide", lambda: SimpleUploadedFile("guide.txt", b"plain text"), "", "upload"),
        ("Guide", lambda: SimpleUploadedFile("guide.exe", b"MZ\x90\x00" + b"\x00" * 60), "", "upload"),
        ("Guide", lambda: pdf_upload("guide.png"), "", "upload"),
        ("Guide", lambda: None, "", "upload"),
    ],
)
def test_material_add_refuses_bad_values_and_saves_nothing(campaign, staff, title, upload, language, field):
    before = _nothing_changed()

    with pytest.raises(CampaignRefused) as refused:
        material_add(campaign=campaign, title=title, upload=upload(), language=language, actor=staff)

    assert field in refused.value.errors
    assert CampaignMaterial.objects.count() == 0
    assert _nothing_changed() == before


def test_material_add_is_refused_to_a_city_editor(campaign):
    with pytest.raises(PermissionRefused):
        material_add(
            campaign=campaign, title="Mine", upload=pdf_upload(), actor=make_city_editor(CityFactory())
        )

    assert CampaignMaterial.objects.count() == 0


def test_material_remove_deletes_the_row_and_the_file_after_commit(
    campaign, staff, django_capture_on_commit_callbacks
):
    material = material_add(campaign=campaign, title="Guide", upload=pdf_upload(), actor=staff)
    path = Path(material.file.path)

    with django_capture_on_commit_callbacks(execute=True):
        material_remove(material=material, actor=staff)

    assert (CampaignMaterial.objects.count(), path.exists()) == (0, False)
    assert [e.comment for e in _audits(campaign, "material_remove")] == ["Guide"]


def test_material_remove_is_refused_to_a_city_editor(campaign, staff):
    material = material_add(campaign=campaign, title="Guide", upload=pdf_upload(), actor=staff)

    with pytest.raises(PermissionRefused):
        material_remove(material=material, actor=make_city_editor(CityFactory()))

    assert CampaignMaterial.objects.count() == 1
