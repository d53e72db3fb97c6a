"""The yearly campaign of the International Day: texts, window of dates, publication, poster, materials.

Motto, manifesto and activity guide are written in the campaign's ``original_language`` and recorded as
originals in ``core.TextTranslation`` (``translation_set_original``), so changing one makes its
translations stale; people's translations are saved with ``campaign_translate``. Only the Secretariat
(``days.manage_campaign``) writes campaigns; every change is audited.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from educities.core.domain.audit import audit_record
from educities.core.domain.translations import translation_save_human, translation_set_original
from educities.core.validators import validate_attachment
from educities.days.domain.common import (
    MANAGE_CAMPAIGN,
    NON_FIELD,
    CampaignRefused,
    Errors,
    clean_line,
    clean_site_language,
    clean_text,
    day_of,
    local_date,
    require,
)
from educities.days.enums import ActivityStatus
from educities.days.models import CAMPAIGN_TEXT_FIELDS, Campaign, CampaignMaterial

YEAR_MIN, YEAR_MAX = 2016, 2100
REMINDER_DAYS_MAX = 120
MOTTO_MAX = 255
POSTER_KINDS = {"png", "jpeg", "webp"}
MATERIAL_KINDS = {"pdf", "png", "jpeg", "webp"}
_SUFFIXES = {"pdf": ".pdf", "png": ".png", "jpeg": ".jpg", "webp": ".webp"}
# What ``campaign_update`` may change (``language`` is the original language of the texts).
EDITABLE_FIELDS = frozenset(
    {
        "year",
        "motto",
        "manifesto",
        "guide",
        "language",
        "window_starts_on",
        "window_ends_on",
        "reminder_days_before",
    }
)


def default_window(year: int) -> tuple[datetime.date, datetime.date]:
    """The dates activities count in by default: 1 November to 15 December."""
    return datetime.date(year, 11, 1), datetime.date(year, 12, 15)


def _is_date(value) -> bool:
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def _is_whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _clean(values: dict) -> tuple[dict, Errors]:
    """Check the campaign's values (all of them: ``values`` holds every field); returns them cleaned."""
    errors = Errors()
    cleaned = dict(values)
    year = values["year"]
    if not _is_whole(year) or not YEAR_MIN <= year <= YEAR_MAX:
        errors.add("year", _("Give a year between %(min)d and %(max)d.") % {"min": YEAR_MIN, "max": YEAR_MAX})
        year = None
    cleaned["motto"] = clean_line(errors, "motto", values["motto"], max_length=MOTTO_MAX, required=True)
    cleaned["manifesto"] = clean_text(errors, "manifesto", values["manifesto"], required=False)
    cleaned["guide"] = clean_text(errors, "guide", values["guide"], required=False)
    cleaned["language"] = clean_site_language(errors, "language", values["language"])
    days = values["reminder_days_before"]
    if not _is_whole(days) or not 0 <= days <= REMINDER_DAYS_MAX:
        errors.add(
            "reminder_days_before",
            _("Give a number of days between 0 and %(max)d.") % {"max": REMINDER_DAYS_MAX},
        )
    starts, ends = values["window_starts_on"], values["window_ends_on"]
    for field, value in (("window_starts_on", starts), ("window_ends_on", ends)):
        if not _is_date(value):
            errors.add(field, _("Give a date."))
    if _is_date(starts) and _is_date(ends) and year is not None:
        day = day_of(year)
        if ends < starts:
            errors.add("window_ends_on", _("The window must end on or after the day it starts."))
        elif not starts <= day <= ends:
            errors.add(
                "window_starts_on",
                _("The window of dates must include the Day, 30 November %(year)d.") % {"year": year},
            )
    return cleaned, errors


def _texts_record(*, campaign: Campaign, actor, fields=CAMPAIGN_TEXT_FIELDS) -> None:
    for field in fields:
        translation_set_original(
            obj=campaign,
            field=field,
            language=campaign.original_language,
            text=getattr(campaign, field) or "",
            actor=actor,
        )


def _lock(campaign: Campaign) -> Campaign:
    """Lock the campaign's row and refresh ``campaign`` from it."""
    fresh = Campaign.objects.select_for_update().get(pk=campaign.pk)
    for field in Campaign._meta.concrete_fields:
        setattr(campaign, field.attname, getattr(fresh, field.attname))
    return campaign


def _year_taken(year: int, *, exclude_pk=None) -> bool:
    return Campaign.objects.filter(year=year).exclude(pk=exclude_pk).exists()


@transaction.atomic
def campaign_create(
    *,
    year: int,
    motto: str,
    manifesto: str = "",
    guide: str = "",
    language: str = "en",
    window_starts_on: datetime.date | None = None,
    window_ends_on: datetime.date | None = None,
    reminder_days_before: int = 21,
    actor,
) -> Campaign:
    """A new, unpublished campaign for ``year`` (one per year); its texts are recorded as originals."""
    require(actor, MANAGE_CAMPAIGN)
    default_starts, default_ends = (
        default_window(year) if _is_whole(year) and 1 <= year <= 9999 else (None, None)
    )
    values, errors = _clean(
        {
            "year": year,
            "motto": motto,
            "manifesto": manifesto,
            "guide": guide,
            "language": language,
            "window_starts_on": default_starts if window_starts_on is None else window_starts_on,
            "window_ends_on": default_ends if window_ends_on is None else window_ends_on,
            "reminder_days_before": reminder_days_before,
        }
    )
    if "year" not in errors and _year_taken(year):
        errors.add("year", _("There is already a campaign for %(year)d.") % {"year": year})
    if errors:
        raise CampaignRefused(errors)
    campaign = Campaign(
        year=year,
        motto=values["motto"],
        manifesto=values["manifesto"],
        guide=values["guide"],
        original_language=values["language"],
        window_starts_on=values["window_starts_on"],
        window_ends_on=values["window_ends_on"],
        reminder_days_before=reminder_days_before,
    )
    try:
        with transaction.atomic():
            campaign.save()
    except IntegrityError:
        raise CampaignRefused(
            {"year": [_("There is already a campaign for %(year)d.") % {"year": year}]}
        ) from None
    _texts_record(campaign=campaign, actor=actor)
    audit_record(subject=campaign, action="campaign_create", actor=actor, comment=str(year))
    return campaign


def _activities_outside(campaign: Campaign, starts: datetime.date, ends: datetime.date) -> int:
    """How many published activities of the campaign start (local date) outside ``starts``–``ends``."""
    margin = datetime.timedelta(days=2)
    # Every time zone is within a day of UTC: only activities near or beyond the edges need a look.
    edge_low = datetime.datetime.combine(starts, datetime.time.min, tzinfo=datetime.UTC) + margin
    edge_high = datetime.datetime.combine(ends, datetime.time.min, tzinfo=datetime.UTC) - margin
    candidates = (
        campaign.activities.filter(status=ActivityStatus.PUBLISHED)
        .exclude(starts_at__gte=edge_low, starts_at__lt=edge_high)
        .values_list("starts_at", "time_zone")
    )
    return sum(1 for moment, zone in candidates if not starts <= local_date(moment, zone) <= ends)


@transaction.atomic
def campaign_update(*, campaign: Campaign, actor, **fields) -> Campaign:
    """Change only the given fields (of ``EDITABLE_FIELDS``).

    The window may not move so that published activities fall outside it (the message says how many);
    the year may change only while the campaign has no activity. Changed texts (or a changed original
    language) are recorded as the new originals, so their translations become stale.
    """
    require(actor, MANAGE_CAMPAIGN, campaign)
    unknown = sorted(set(fields) - EDITABLE_FIELDS)
    if unknown:
        raise CampaignRefused({name: [_("This cannot be changed here.")] for name in unknown})
    _lock(campaign)
    current = {
        "year": campaign.year,
        "motto": campaign.motto,
        "manifesto": campaign.manifesto,
        "guide": campaign.guide,
        "language": campaign.original_language,
        "window_starts_on": campaign.window_starts_on,
        "window_ends_on": campaign.window_ends_on,
        "reminder_days_before": campaign.reminder_days_before,
    }
    values, errors = _clean({**current, **fields})
    # Only the given fields are reported (the others were already accepted); a new year checks the window.
    relevant = set(fields) | {NON_FIELD}
    if "year" in fields:
        relevant |= {"window_starts_on", "window_ends_on"}
    errors = Errors({name: messages for name, messages in errors.items() if name in relevant})
    if not errors and values["year"] != campaign.year:
        if campaign.activities.exists():
            errors.add(
                "year", _("Cities have registered activities in this campaign: its year cannot change.")
            )
        elif _year_taken(values["year"], exclude_pk=campaign.pk):
            errors.add("year", _("There is already a campaign for %(year)d.") % {"year": values["year"]})
    if not errors and (
        values["window_starts_on"] != campaign.window_starts_on
        or values["window_ends_on"] != campaign.window_ends_on
    ):
        outside = _activities_outside(campaign, values["window_starts_on"], values["window_ends_on"])
        if outside:
            errors.add(
                "window_starts_on" if "window_starts_on" in fields else "window_ends_on",
                ngettext(
                    "%(count)d published activity would fall outside these dates: keep them in the window.",
                    "%(count)d published activities would fall outside these dates: keep them in the window.",
                    outside,
                )
                % {"count": outside},
            )
    if errors:
        raise CampaignRefused(errors)
    attributes = {name: ("original_language" if name == "language" else name) for name in current}
    changed = [name for name in current if values[name] != current[name]]
    if not changed:
        return campaign
    for name in changed:
        setattr(campaign, attributes[name], values[name])
    campaign.save(update_fields=[*(attributes[name] for name in changed), "updated_at"])
    texts = [field for field in CAMPAIGN_TEXT_FIELDS if field in changed or "language" in changed]
    _texts_record(campaign=campaign, actor=actor, fields=texts)
    audit_record(subject=campaign, action="campaign_update", actor=actor, comment=", ".join(sorted(changed)))
    return campaign


@transaction.atomic
def campaign_translate(
    *, campaign: Campaign, language: str, motto: str, manifesto: str = "", guide: str = "", actor
) -> Campaign:
    """Save a person's translation of the campaign's texts into ``language``.

    Blank texts are left as they are (not translated yet); a text whose original is blank cannot be
    translated. Nothing is saved if one of them is refused.
    """
    require(actor, MANAGE_CAMPAIGN, campaign)
    errors = Errors()
    texts = {
        "motto": clean_line(errors, "motto", motto, max_length=MOTTO_MAX, required=False),
        "manifesto": clean_text(errors, "manifesto", manifesto, required=False),
        "guide": clean_text(errors, "guide", guide, required=False),
    }
    clean_site_language(errors, "language", language)
    if not errors and language == campaign.original_language:
        errors.add(
            "language",
            _("This text was written in this language: edit the original instead of translating it."),
        )
    for field, text in texts.items():
        if text and not (getattr(campaign, field) or "").strip():
            errors.add(field, _("The original of this text is empty: there is nothing to translate."))
    if not errors and not any(texts.values()):
        errors.add(NON_FIELD, _("Write the translation before saving it."))
    if errors:
        raise CampaignRefused(errors)
    # A campaign written outside these services (the admin, an import) gets its originals recorded first;
    # unchanged originals change nothing.
    _texts_record(campaign=campaign, actor=actor)
    for field, text in texts.items():
        if text:
            translation_save_human(obj=campaign, field=field, language=language, text=text, actor=actor)
    return campaign


@transaction.atomic
def campaign_publish(*, campaign: Campaign, actor) -> Campaign:
    """Make the campaign public: its page, and cities may register activities in it."""
    require(actor, MANAGE_CAMPAIGN, campaign)
    _lock(campaign)
    if campaign.is_published:
        return campaign
    campaign.is_published = True
    campaign.save(update_fields=["is_published", "updated_at"])
    audit_record(
        subject=campaign, action="campaign_publish", actor=actor, from_state="draft", to_state="published"
    )
    return campaign


@transaction.atomic
def campaign_unpublish(*, campaign: Campaign, actor) -> Campaign:
    """Take the campaign (and so its agenda) off the public site; its activities are kept."""
    require(actor, MANAGE_CAMPAIGN, campaign)
    _lock(campaign)
    if not campaign.is_published:
        return campaign
    campaign.is_published = False
    campaign.save(update_fields=["is_published", "updated_at"])
    audit_record(
        subject=campaign, action="campaign_unpublish", actor=actor, from_state="published", to_state="draft"
    )
    return campaign


def _upload_or_refuse(upload, *, allowed: set[str], field: str) -> str:
    if upload is None or not hasattr(upload, "read"):
        raise CampaignRefused({field: [_("Choose a file.")]})
    try:
        return validate_attachment(upload, allowed=allowed)
    except ValidationError as error:
        raise CampaignRefused({field: list(error.messages)}) from None


def _delete_file_on_commit(field_file) -> None:
    name = field_file.name if field_file else ""
    if name:
        storage = field_file.storage
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def campaign_poster_set(*, campaign: Campaign, upload, alt_text: str, actor) -> Campaign:
    """Set (or replace) the poster: a PNG, JPEG or WebP image (sniffed) with its alternative text.

    ``upload=None`` changes only the alternative text of the poster in place.
    """
    require(actor, MANAGE_CAMPAIGN, campaign)
    errors = Errors()
    alt_text = clean_line(errors, "alt_text", alt_text, max_length=300, required=True)
    if errors:
        raise CampaignRefused(errors)
    _lock(campaign)
    if upload is None:
        if not campaign.poster:
            raise CampaignRefused({"upload": [_("Choose a file.")]})
        campaign.poster_alt = alt_text
        campaign.save(update_fields=["poster_alt", "updated_at"])
        audit_record(subject=campaign, action="poster_describe", actor=actor)
        return campaign
    kind = _upload_or_refuse(upload, allowed=POSTER_KINDS, field="upload")
    previous = campaign.poster if campaign.poster else None
    previous_name, storage = (previous.name, previous.storage) if previous else ("", None)
    campaign.poster.save(f"poster{_SUFFIXES[kind]}", upload, save=False)
    campaign.poster_alt = alt_text
    campaign.save(update_fields=["poster", "poster_alt", "updated_at"])
    if previous_name:
        transaction.on_commit(lambda: storage.delete(previous_name))
    audit_record(subject=campaign, action="poster_set", actor=actor)
    return campaign


@transaction.atomic
def campaign_poster_remove(*, campaign: Campaign, actor) -> Campaign:
    require(actor, MANAGE_CAMPAIGN, campaign)
    _lock(campaign)
    if not campaign.poster:
        return campaign
    _delete_file_on_commit(campaign.poster)
    campaign.poster = ""
    campaign.poster_alt = ""
    campaign.save(update_fields=["poster", "poster_alt", "updated_at"])
    audit_record(subject=campaign, action="poster_remove", actor=actor)
    return campaign


@transaction.atomic
def material_add(*, campaign: Campaign, title: str, upload, language: str = "", actor) -> CampaignMaterial:
    """Add a file to the campaign's materials (a PDF or a PNG, JPEG or WebP image), at the end."""
    require(actor, MANAGE_CAMPAIGN, campaign)
    errors = Errors()
    title = clean_line(errors, "title", title, max_length=200, required=True)
    language = clean_site_language(errors, "language", language, blank=True)
    if errors:
        raise CampaignRefused(errors)
    kind = _upload_or_refuse(upload, allowed=MATERIAL_KINDS, field="upload")
    _lock(campaign)
    position = (campaign.materials.aggregate(top=Max("position"))["top"] or 0) + 1
    material = CampaignMaterial(campaign=campaign, title=title, language=language, position=position)
    material.file.save(f"material{_SUFFIXES[kind]}", upload, save=False)
    material.save()
    audit_record(subject=campaign, action="material_add", actor=actor, comment=title)
    return material


@transaction.atomic
def material_remove(*, material: CampaignMaterial, actor) -> None:
    """Remove a material (its file is deleted once the change is committed)."""
    campaign = material.campaign
    require(actor, MANAGE_CAMPAIGN, campaign)
    _lock(campaign)
    _delete_file_on_commit(material.file)
    title = material.title
    material.delete()
    audit_record(subject=campaign, action="material_remove", actor=actor, comment=title)


__all__ = [
    "EDITABLE_FIELDS",
    "campaign_create",
    "campaign_poster_remove",
    "campaign_poster_set",
    "campaign_publish",
    "campaign_translate",
    "campaign_unpublish",
    "campaign_update",
    "default_window",
    "material_add",
    "material_remove",
]
