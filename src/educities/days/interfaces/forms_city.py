"""Forms of a city's International Day pages: the activity (register and edit), the report after the Day,
a photo, and which city registers. They parse input; the domain (``days.domain.activities``) checks it
again and saves.

Times are typed as the activity's local wall times (a day, a start time, an end time) in the time zone
chosen beside them; ``ActivityForm`` turns them into aware moments with ``local_to_aware``, which refuses a
time that a change of clock makes ambiguous or non-existent (the message goes on the time's field).
"""

import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from educities.core.domain.errors import DomainError
from educities.core.time_zones import time_zone_names
from educities.core.validators import has_control_characters, validate_no_control_characters
from educities.days.domain.activities import DESCRIPTION_MAX_CHARS, PARTICIPANTS_MAX, REPORT_MAX_CHARS
from educities.days.domain.common import local_to_aware
from educities.days.enums import ActivityAudience, ActivityFormat, ActivityKind
from educities.days.models import Activity, ActivityPhoto

# Languages an activity may be held in, offered in the "languages spoken" list (ISO 639-1 codes that
# Django knows, so their names come translated).
SPOKEN_LANGUAGES: tuple[str, ...] = (
    "en", "fr", "es", "pt", "ca", "it", "de", "nl", "eu", "gl", "ar", "zh-hans", "ja", "ko", "ru", "el",
    "tr", "pl", "ro", "sv", "fi", "da", "nb", "cs", "hu", "he", "hi", "sq", "hr", "sl", "sk", "bg", "uk",
)  # fmt: skip
# Coordinates: the same bounds as the model.
LATITUDE_LIMIT, LONGITUDE_LIMIT = 90, 180
# Years an activity's day may use (the campaign's window decides the rest).
YEAR_MIN, YEAR_MAX = 2016, 2100
IMAGE_ACCEPT = "image/png,image/jpeg,image/webp,.png,.jpg,.jpeg,.webp"


def spoken_language_choices() -> list[tuple[str, str]]:
    """``(code, name)`` of the spoken languages, names in the reader's language, sorted by name."""
    choices = [(code, str(get_language_info(code)["name_translated"])) for code in SPOKEN_LANGUAGES]
    return sorted(choices, key=lambda choice: choice[1].casefold())


def time_zone_choices(current: str = "") -> list[tuple[str, str]]:
    """Every geographical IANA zone (Europe/Madrid...) and UTC, sorted; ``current`` is kept if it is odd."""
    names = {
        name
        for name in time_zone_names()
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/"))
    }
    names.add("UTC")
    if current:
        names.add(current)
    return [(name, name.replace("_", " ")) for name in sorted(names)]


def _multiline(value: str) -> str:
    """A text typed in a textarea: one kind of line break, and no other control character."""
    text = (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if has_control_characters(text.replace("\n", "").replace("\t", " ")):
        raise ValidationError(
            _("Remove the control characters from this text (line breaks are fine)."),
            code="control_characters",
        )
    return text


class LongSelect(forms.Select):
    """A select of hundreds of plain options (the time zones), rendered in one pass.

    Django renders each option through a template, which costs a noticeable part of a second for 600
    zones; these options have no groups or attributes, so plain markup is built instead.
    """

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        chosen = "" if value is None else str(value)
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option_value, mark_safe(" selected") if str(option_value) == chosen else "", label)
                for option_value, label in self.choices
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)


class _Form(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class CityChoiceForm(_Form):
    """Which of the user's cities registers the activity (shown only when they edit several)."""

    city = forms.TypedChoiceField(label=_("City"), coerce=int)

    def __init__(self, *args, cities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].choices = [(city.pk, str(city.name)) for city in cities]


class DayDateField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    default_error_messages = {
        "invalid": _("Enter a real date, for example 2025-11-30."),
        "range": _("Enter a year between %(min)d and %(max)d."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m-%d"])
        super().__init__(**kwargs)

    def to_python(self, value):
        result = super().to_python(value)
        if result is not None and not YEAR_MIN <= result.year <= YEAR_MAX:
            raise ValidationError(
                self.error_messages["range"], code="range", params={"min": YEAR_MIN, "max": YEAR_MAX}
            )
        return result


class WallTimeField(forms.TimeField):
    widget = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    default_error_messages = {"invalid": _("Enter a time, for example 17:30.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", ["%H:%M", "%H:%M:%S"])
        super().__init__(**kwargs)

    def to_python(self, value):
        result = super().to_python(value)
        return result.replace(second=0, microsecond=0) if result is not None else None


class ActivityForm(_Form):
    """An activity of the Day: what, when (local wall times in a time zone), where, for whom, by whom.

    ``cleaned_data`` after validation also holds ``starts_at`` and ``ends_at`` (aware); ``values()``
    gives the keyword arguments of ``activity_register`` / ``activity_update``.
    """

    title = forms.CharField(label=_("Title"), max_length=200, validators=[validate_no_control_characters])
    description = forms.CharField(
        label=_("Description"),
        max_length=DESCRIPTION_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What will happen, for whom, and how to take part."),
    )
    kind = forms.ChoiceField(label=_("Type of activity"), choices=ActivityKind.choices)
    format = forms.ChoiceField(
        label=_("Format"),
        choices=ActivityFormat.choices,
        initial=ActivityFormat.IN_PERSON,
        widget=forms.RadioSelect,
        help_text=_("In person needs a place on the map; online needs a link; both need both."),
    )
    day = DayDateField(label=_("Day"))
    start_time = WallTimeField(label=_("Starts at"))
    end_time = WallTimeField(label=_("Ends at"), required=False)
    end_day = DayDateField(
        label=_("Last day"),
        required=False,
        help_text=_("Only if the activity lasts several days (an exhibition, for example)."),
    )
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        widget=LongSelect,
        help_text=_("The day and times above are the local times of this time zone."),
    )
    place_name = forms.CharField(
        label=_("Place"),
        max_length=200,
        required=False,
        validators=[validate_no_control_characters],
        help_text=_("For example: the town hall square, the central library."),
    )
    address = forms.CharField(
        label=_("Address"), max_length=300, required=False, validators=[validate_no_control_characters]
    )
    latitude = forms.FloatField(
        label=_("Latitude"),
        required=False,
        min_value=-LATITUDE_LIMIT,
        max_value=LATITUDE_LIMIT,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
        help_text=_("From -90 (south) to 90 (north), for example 41.6083."),
    )
    longitude = forms.FloatField(
        label=_("Longitude"),
        required=False,
        min_value=-LONGITUDE_LIMIT,
        max_value=LONGITUDE_LIMIT,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
        help_text=_("From -180 (west) to 180 (east), for example 2.2875."),
    )
    online_url = forms.URLField(
        label=_("Online link"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("Where people join or watch the activity online."),
    )
    audiences = forms.MultipleChoiceField(
        label=_("For whom"),
        choices=ActivityAudience.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    organiser = forms.CharField(
        label=_("Organiser"),
        max_length=200,
        validators=[validate_no_control_characters],
        help_text=_("The department, school or association that organises it."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (or ⌘) to choose several."),
    )
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    language = forms.ChoiceField(
        label=_("Language of the title and description"), choices=settings.LANGUAGES, initial="en"
    )

    # Fields the domain checks too: a refusal about them goes beside them.
    WHEN_FIELDS = ("day", "start_time", "end_time", "end_day", "time_zone")

    def __init__(self, *args, time_zone: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        current = time_zone or self.initial.get("time_zone") or ""
        if self.is_bound:
            current = self.data.get(self.add_prefix("time_zone"), "") or current
            if current not in time_zone_names():
                current = time_zone
        self.fields["time_zone"].choices = time_zone_choices(current)
        if time_zone and not self.initial.get("time_zone"):
            self.initial["time_zone"] = time_zone
        self.fields["languages"].choices = spoken_language_choices()
        for name in ("latitude", "longitude"):
            self.fields[name].widget.attrs["data-place-picker"] = name

    @classmethod
    def initial_for(cls, activity: Activity) -> dict:
        zone = activity.time_zone
        starts = activity.starts_at.astimezone(ZoneInfo(zone))
        initial = {
            "title": activity.title,
            "description": activity.description,
            "kind": activity.kind,
            "format": activity.format,
            "day": starts.date(),
            "start_time": starts.time().replace(tzinfo=None),
            "time_zone": zone,
            "place_name": activity.place_name,
            "address": activity.address,
            "latitude": activity.latitude,
            "longitude": activity.longitude,
            "online_url": activity.online_url,
            "audiences": list(activity.audiences or []),
            "organiser": activity.organiser,
            "languages": list(activity.languages or []),
            "contact_email": activity.contact_email,
            "language": activity.language,
        }
        if activity.ends_at is not None:
            ends = activity.ends_at.astimezone(ZoneInfo(zone))
            initial["end_time"] = ends.time().replace(tzinfo=None)
            if ends.date() != starts.date():
                initial["end_day"] = ends.date()
        return initial

    def clean_title(self) -> str:
        return self.cleaned_data["title"].strip()

    def clean_description(self) -> str:
        return _multiline(self.cleaned_data["description"])

    def clean_organiser(self) -> str:
        return self.cleaned_data["organiser"].strip()

    def clean(self):
        cleaned = super().clean()
        zone = cleaned.get("time_zone")
        day, start = cleaned.get("day"), cleaned.get("start_time")
        end_day, end = cleaned.get("end_day"), cleaned.get("end_time")
        if end_day is not None and end is None and "end_time" not in self.errors:
            self.add_error("end_time", _("Give the time it ends on its last day."))
        if not zone or day is None or start is None:
            return cleaned
        starts_at = self._aware("start_time", day, start, zone)
        ends_at = None
        if end is not None and "end_time" not in self.errors:
            last_day = end_day or day
            if last_day < day:
                self.add_error("end_day", _("The last day cannot come before the first."))
            else:
                ends_at = self._aware("end_time", last_day, end, zone)
                if starts_at is not None and ends_at is not None and ends_at <= starts_at:
                    self.add_error("end_time", _("The activity must end after it starts."))
                    ends_at = None
        cleaned["starts_at"] = starts_at
        cleaned["ends_at"] = ends_at
        return cleaned

    def _aware(self, field: str, day: datetime.date, time: datetime.time, zone: str):
        try:
            return local_to_aware(day=day, time=time, zone=zone)
        except DomainError as error:
            self.add_error(field, error.message)
            return None

    def values(self) -> dict:
        """The keyword arguments of the domain functions (valid form only)."""
        data = self.cleaned_data
        return {
            "title": data["title"],
            "description": data["description"],
            "kind": data["kind"],
            "format": data["format"],
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
            "time_zone": data["time_zone"],
            "place_name": data["place_name"].strip(),
            "address": data["address"].strip(),
            "latitude": data["latitude"],
            "longitude": data["longitude"],
            "online_url": data["online_url"],
            "audiences": list(data["audiences"]),
            "organiser": data["organiser"],
            "languages": list(data["languages"]),
            "contact_email": data["contact_email"],
            "language": data["language"],
        }

    def add_domain_error(self, message: str) -> None:
        self.add_error(None, message)


class ReportForm(_Form):
    """What the city tells after the activity: how many took part, a short report, a video."""

    participants = forms.IntegerField(
        label=_("Participants"),
        min_value=0,
        max_value=PARTICIPANTS_MAX,
        required=False,
        help_text=_("About how many people took part."),
    )
    report = forms.CharField(
        label=_("Short report"),
        max_length=REPORT_MAX_CHARS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What happened, what the participants said, what the city learnt."),
    )
    video_url = forms.URLField(
        label=_("Video link"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("A recording or a short film of the activity, if there is one."),
    )

    def clean_report(self) -> str:
        return _multiline(self.cleaned_data["report"])

    @classmethod
    def initial_for(cls, activity: Activity) -> dict:
        return {
            "participants": activity.participants,
            "report": activity.report,
            "video_url": activity.video_url,
        }


class PhotoForm(_Form):
    """One photo of the activity, with the alternative text people who cannot see it read."""

    image = forms.FileField(label=_("Photo (PNG, JPEG or WebP)"))
    alt_text = forms.CharField(
        label=_("Description of the photo"),
        max_length=ActivityPhoto._meta.get_field("alt_text").max_length,
        validators=[validate_no_control_characters],
        help_text=_("What the photo shows, for people who cannot see it. Required."),
    )
    credit = forms.CharField(
        label=_("Credit"),
        max_length=ActivityPhoto._meta.get_field("credit").max_length,
        required=False,
        validators=[validate_no_control_characters],
        help_text=_("Who took the photo, if they should be named."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["image"].widget.attrs["accept"] = IMAGE_ACCEPT
        self.fields["alt_text"].error_messages["required"] = _(
            "Describe the photo: people who cannot see it read this description."
        )

    def clean_alt_text(self) -> str:
        text = self.cleaned_data["alt_text"].strip()
        if not text:
            raise ValidationError(self.fields["alt_text"].error_messages["required"], code="required")
        return text

    def clean_credit(self) -> str:
        return self.cleaned_data["credit"].strip()
