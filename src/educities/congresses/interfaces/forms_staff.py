"""Forms of the Secretariat's pages of congresses and meetings. They parse input only; the domain decides.

Times are typed as wall-clock times of the event's own time zone (``datetime-local`` and ``time`` inputs
carry no zone): the forms make them aware in that zone and refuse a time that a change of clock makes
ambiguous or non-existent. A session is typed as one of the event's days plus a start and an end time.

``RegistrationFilterForm`` filters the registration list, its counts and its exports alike, so the same
query string means the same registrations on the page and in the files.
"""

import datetime
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import QuerySet
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from educities.congresses.domain.queries import registrations_list
from educities.congresses.enums import (
    RESERVED_EVENT_SLUGS,
    EventFormat,
    EventKind,
    FeeStatus,
    RegistrationStatus,
    SessionKind,
)
from educities.congresses.models import (
    CODE_ALPHABET,
    OFFICIAL_LANGUAGE_CHOICES,
    Event,
    Registration,
    RegistrationQuestion,
    RegistrationType,
    Room,
    Session,
)
from educities.core.time_zones import in_zone, is_ambiguous_or_missing, validate_time_zone
from educities.core.validators import validate_no_control_characters
from educities.members.models import City, Network

# Offered first in the time-zone field (any other valid zone may be typed).
COMMON_TIME_ZONES: tuple[str, ...] = (
    "Europe/Madrid",
    "Europe/Lisbon",
    "Europe/Paris",
    "Europe/Brussels",
    "Europe/Rome",
    "Europe/Berlin",
    "Europe/Warsaw",
    "Europe/Helsinki",
    "Europe/London",
    "Atlantic/Canary",
    "Africa/Dakar",
    "Africa/Tunis",
    "America/Mexico_City",
    "America/Bogota",
    "America/Santiago",
    "America/Argentina/Buenos_Aires",
    "America/Montevideo",
    "America/Sao_Paulo",
    "Asia/Seoul",
    "Asia/Tokyo",
    "Australia/Sydney",
    "UTC",
)
TIME_ZONE_DATALIST_ID = "event-time-zones"

# Years an event may use: enough for any congress, and far from the ends of the calendar.
YEAR_MIN, YEAR_MAX = 1990, 2200
DESCRIPTION_MAX_CHARS = 20000
FEE_MAX = Decimal("9999999.99")
SEARCH_MAX_CHARS = 100
CODE_MAX_CHARS = 12
CHOICES_MAX = 30
# Words of the site's addresses under /events/ and /backoffice/events/ that an event's slug would hide.

FEE_CHOICES = [
    (FeeStatus.PAID.value, FeeStatus.PAID.label),
    (FeeStatus.UNPAID.value, FeeStatus.UNPAID.label),
    (FeeStatus.WAIVED.value, FeeStatus.WAIVED.label),
    (FeeStatus.NONE.value, FeeStatus.NONE.label),
]
STEP_CHOICES = [("confirm", _("Confirm")), ("cancel", _("Cancel"))]


def _text(label, *, max_length: int, required: bool = True, rows: int | None = None, help_text=""):
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput
    validators = [] if rows else [validate_no_control_characters]
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        widget=widget,
        validators=validators,
        help_text=help_text,
    )


def _year_in_range(value) -> None:
    if value is not None and not YEAR_MIN <= value.year <= YEAR_MAX:
        raise ValidationError(
            _("Enter a year between %(min)d and %(max)d."),
            code="range",
            params={"min": YEAR_MIN, "max": YEAR_MAX},
        )


class LocalDateTimeField(forms.DateTimeField):
    """A ``datetime-local`` input read as a naive date and time (the form gives it its time zone)."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    default_error_messages = {"invalid": _("Enter a date and time, for example 2026-03-31 23:59.")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            result = value
        else:
            text = str(value).strip().replace(" ", "T", 1)
            try:
                result = datetime.datetime.fromisoformat(text)
            except ValueError:
                raise ValidationError(self.error_messages["invalid"], code="invalid") from None
            if result.tzinfo is not None:
                raise ValidationError(self.error_messages["invalid"], code="invalid")
        _year_in_range(result)
        return result.replace(tzinfo=None, second=0, microsecond=0)

    def prepare_value(self, value):
        return value


class DateInputField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def to_python(self, value):
        result = super().to_python(value)
        _year_in_range(result)
        return result


class TimeInputField(forms.TimeField):
    widget = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    default_error_messages = {"invalid": _("Enter a time, for example 09:30.")}

    def to_python(self, value):
        result = super().to_python(value)
        return result.replace(second=0, microsecond=0) if result is not None else None


class CityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: City) -> str:
        return f"{obj.name} ({obj.country.name})"


def _wall_time_problem(value: datetime.datetime, zone_name: str) -> str:
    return _(
        "%(value)s happens twice or never in %(zone)s (the clocks change then): choose another time."
    ) % {"value": value.strftime("%Y-%m-%d %H:%M"), "zone": zone_name}


def _http_url(value: str) -> None:
    URLValidator(schemes=["http", "https"])(value)


# --- Events ---------------------------------------------------------------------------------------


class EventForm(forms.Form):
    """An event's settings: new event (with an optional slug) and the settings of an existing one."""

    kind = forms.ChoiceField(label=_("Kind of event"), choices=EventKind.choices)
    number = forms.IntegerField(
        label=_("Number"),
        min_value=1,
        max_value=999,
        required=False,
        help_text=_("For the international congresses: XVI is 16."),
    )
    title = _text(_("Title"), max_length=200)
    slug = forms.SlugField(
        label=_("Address of its page"),
        max_length=80,
        required=False,
        help_text=_("Letters, digits and hyphens; left empty, it is made from the title."),
    )
    original_language = forms.ChoiceField(
        label=_("Language of the title and description"), choices=OFFICIAL_LANGUAGE_CHOICES, initial="en"
    )
    description = _text(_("Description"), max_length=DESCRIPTION_MAX_CHARS, required=False, rows=6)
    network = forms.ModelChoiceField(
        label=_("Organising network"),
        queryset=Network.objects.none(),
        required=False,
        empty_label=pgettext_lazy("no network", "None"),
    )
    host_city = CityChoiceField(label=_("Host city"), queryset=City.objects.none())
    venue = _text(_("Venue"), max_length=200, required=False)
    address = _text(_("Address"), max_length=300, required=False)
    latitude = forms.FloatField(label=_("Latitude"), min_value=-90, max_value=90, required=False)
    longitude = forms.FloatField(label=_("Longitude"), min_value=-180, max_value=180, required=False)
    starts_on = DateInputField(label=_("First day"))
    ends_on = DateInputField(label=_("Last day"))
    time_zone = forms.CharField(
        label=_("Time zone of the event"),
        max_length=64,
        initial="Europe/Madrid",
        validators=[validate_time_zone],
        help_text=_(
            "The programme and the registration dates are in this time zone, for example Europe/Madrid."
        ),
        widget=forms.TextInput(attrs={"list": TIME_ZONE_DATALIST_ID, "autocomplete": "off"}),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages of the event"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    format = forms.ChoiceField(label=_("Format"), choices=EventFormat.choices, initial=EventFormat.IN_PERSON)
    capacity = forms.IntegerField(
        label=_("Places"),
        min_value=1,
        max_value=1_000_000,
        required=False,
        help_text=_("Leave empty for no limit."),
    )
    registration_opens_at = LocalDateTimeField(label=_("Registration opens"), required=False)
    registration_closes_at = LocalDateTimeField(label=_("Registration closes"), required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)

    TIMES = ("registration_opens_at", "registration_closes_at")

    def __init__(self, *args, event: Event | None = None, **kwargs):
        self.event = event
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = Network.objects.order_by("name")
        self.fields["host_city"].queryset = City.objects.select_related("country").order_by("name", "pk")
        if event is not None:
            self.fields["slug"].help_text = _(
                "Letters, digits and hyphens. Changing it changes the address of the event's pages."
            )

    @classmethod
    def initial_for(cls, event: Event) -> dict:
        return {
            "kind": event.kind,
            "number": event.number,
            "title": event.title,
            "slug": event.slug,
            "original_language": event.original_language,
            "description": event.description,
            "network": event.network_id,
            "host_city": event.host_city_id,
            "venue": event.venue,
            "address": event.address,
            "latitude": event.latitude,
            "longitude": event.longitude,
            "starts_on": event.starts_on,
            "ends_on": event.ends_on,
            "time_zone": event.time_zone,
            "languages": list(event.languages or []),
            "format": event.format,
            "capacity": event.capacity,
            "registration_opens_at": in_zone(event.registration_opens_at, event.time_zone),
            "registration_closes_at": in_zone(event.registration_closes_at, event.time_zone),
            "contact_email": event.contact_email,
        }

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or ""
        if slug in RESERVED_EVENT_SLUGS:
            raise ValidationError(
                _("“%(slug)s” is the address of another page: choose another one.") % {"slug": slug}
            )
        others = Event.objects.filter(slug=slug)
        if self.event is not None:
            others = others.exclude(pk=self.event.pk)
        if slug and others.exists():
            raise ValidationError(_("Another event already has this address."))
        return slug or None

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("starts_on"), cleaned.get("ends_on")
        if first and last and last < first:
            self.add_error("ends_on", _("The last day cannot come before the first day."))
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if (latitude is None) != (longitude is None) and not {"latitude", "longitude"} & set(self.errors):
            self.add_error("longitude", _("Give both coordinates, or neither."))
        zone_name = cleaned.get("time_zone")
        if zone_name:
            zone = ZoneInfo(zone_name)
            for name in self.TIMES:
                value = cleaned.get(name)
                if value is None:
                    continue
                if is_ambiguous_or_missing(value, zone):
                    self.add_error(name, _wall_time_problem(value, zone_name))
                    cleaned.pop(name, None)
                else:
                    cleaned[name] = value.replace(tzinfo=zone)
        else:
            for name in self.TIMES:
                cleaned.pop(name, None)
        opens, closes = cleaned.get("registration_opens_at"), cleaned.get("registration_closes_at")
        if opens and closes and closes <= opens:
            self.add_error("registration_closes_at", _("Registration must close after it opens."))
        return cleaned


# --- Registration types, questions, rooms ---------------------------------------------------------


class RegistrationTypeForm(forms.Form):
    name = _text(_("Name"), max_length=120)
    description = _text(_("Description"), max_length=2000, required=False, rows=2)
    fee = forms.DecimalField(
        label=_("Fee"), min_value=Decimal(0), max_value=FEE_MAX, max_digits=9, decimal_places=2, initial=0
    )
    currency = forms.CharField(
        label=_("Currency"),
        max_length=3,
        min_length=3,
        initial="EUR",
        help_text=_("Three letters, for example EUR."),
    )
    requires_member_city = forms.BooleanField(
        label=_("For member cities only"),
        required=False,
        help_text=_("The person registers on behalf of a member city."),
    )
    needs_approval = forms.BooleanField(
        label=_("Confirmed by the Secretariat"),
        required=False,
        help_text=_("Registrations of this type stay pending (holding a place) until staff confirm them."),
    )
    counts_toward_capacity = forms.BooleanField(
        label=_("Takes one of the event's places"), required=False, initial=True
    )
    is_public = forms.BooleanField(
        label=_("Open to everyone"),
        required=False,
        initial=True,
        help_text=_("Otherwise only staff register people with this type."),
    )
    position = forms.IntegerField(label=_("Position"), min_value=0, max_value=999, initial=0)

    FIELDS = (
        "name",
        "description",
        "fee",
        "currency",
        "requires_member_city",
        "needs_approval",
        "counts_toward_capacity",
        "is_public",
        "position",
    )

    @classmethod
    def initial_for(cls, registration_type: RegistrationType) -> dict:
        return {name: getattr(registration_type, name) for name in cls.FIELDS}

    def clean_currency(self):
        value = self.cleaned_data["currency"].strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", value):
            raise ValidationError(_("Enter a currency code of three letters, for example EUR."))
        return value


class QuestionForm(forms.Form):
    text = _text(_("Question"), max_length=300)
    kind = forms.ChoiceField(
        label=_("Kind of answer"),
        choices=RegistrationQuestion.Kind.choices,
        initial=RegistrationQuestion.Kind.TEXT,
    )
    choices = _text(
        _("Choices"),
        max_length=5000,
        required=False,
        rows=3,
        help_text=_("For one choice: one option per line."),
    )
    is_required = forms.BooleanField(label=_("An answer is required"), required=False)
    position = forms.IntegerField(label=_("Position"), min_value=0, max_value=999, initial=0)

    @classmethod
    def initial_for(cls, question: RegistrationQuestion) -> dict:
        return {
            "text": question.text,
            "kind": question.kind,
            "choices": "\n".join(str(choice) for choice in question.choices or []),
            "is_required": question.is_required,
            "position": question.position,
        }

    def clean_choices(self):
        lines = []
        for line in self.cleaned_data.get("choices", "").splitlines():
            line = line.strip()
            if not line:
                continue
            validate_no_control_characters(line)
            if len(line) > 200:
                raise ValidationError(_("Each choice has 200 characters at most."))
            if line not in lines:
                lines.append(line)
        if len(lines) > CHOICES_MAX:
            raise ValidationError(_("Offer %(count)d choices at most.") % {"count": CHOICES_MAX})
        return lines

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == RegistrationQuestion.Kind.CHOICE:
            if "choices" not in self.errors and len(cleaned.get("choices") or []) < 2:
                self.add_error("choices", _("A question with one choice needs at least two options."))
        elif "choices" in cleaned:
            cleaned["choices"] = []
        return cleaned


class RoomForm(forms.Form):
    name = _text(_("Name"), max_length=120)
    capacity = forms.IntegerField(label=_("Seats"), min_value=1, max_value=1_000_000, required=False)
    position = forms.IntegerField(label=_("Position"), min_value=0, max_value=999, initial=0)

    @classmethod
    def initial_for(cls, room: Room) -> dict:
        return {"name": room.name, "capacity": room.capacity, "position": room.position}


# --- Sessions and speakers ------------------------------------------------------------------------


def event_days(event: Event) -> list[datetime.date]:
    count = (event.ends_on - event.starts_on).days + 1
    return [event.starts_on + datetime.timedelta(days=offset) for offset in range(max(count, 0))]


class SessionForm(forms.Form):
    """A session of ``event``: one of its days, a start and an end in the event's time zone."""

    title = _text(_("Title"), max_length=255)
    kind = forms.ChoiceField(label=_("Kind of session"), choices=SessionKind.choices)
    day = forms.ChoiceField(label=_("Day"))
    starts = TimeInputField(label=_("Starts"))
    ends = TimeInputField(label=_("Ends"))
    room = forms.TypedChoiceField(label=_("Room"), coerce=int, required=False, empty_value=None)
    description = _text(_("Description"), max_length=DESCRIPTION_MAX_CHARS, required=False, rows=4)
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("Several or not said")), *settings.LANGUAGES], required=False
    )
    capacity = forms.IntegerField(
        label=_("Places"),
        min_value=1,
        max_value=1_000_000,
        required=False,
        help_text=_("Leave empty for no limit."),
    )
    meeting_url = forms.URLField(
        label=_("Meeting link"),
        max_length=500,
        required=False,
        validators=[_http_url],
        assume_scheme="https",
        help_text=_("Shown only to registered participants."),
    )
    is_online = forms.BooleanField(label=_("Online or hybrid"), required=False)

    def __init__(self, *args, event: Event, rooms: list[Room], **kwargs):
        self.event = event
        self.rooms = {room.pk: room for room in rooms}
        super().__init__(*args, **kwargs)
        self.fields["day"].choices = [
            (day.isoformat(), f"{formats.date_format(day, 'l')}, {formats.date_format(day, 'DATE_FORMAT')}")
            for day in event_days(event)
        ]
        self.fields["day"].error_messages["invalid_choice"] = _(
            "Choose one of the days of the event (%(first)s to %(last)s)."
        ) % {"first": event.starts_on.isoformat(), "last": event.ends_on.isoformat()}
        self.fields["room"].choices = [
            ("", pgettext_lazy("no room", "No room")),
            *((room.pk, room.name) for room in rooms),
        ]
        self.fields["room"].error_messages["invalid_choice"] = _("Choose one of the rooms of the event.")

    @classmethod
    def initial_for(cls, session: Session, event: Event) -> dict:
        starts = session.starts_at.astimezone(ZoneInfo(event.time_zone))
        ends = session.ends_at.astimezone(ZoneInfo(event.time_zone))
        return {
            "title": session.title,
            "kind": session.kind,
            "day": starts.date().isoformat(),
            "starts": starts.time().replace(tzinfo=None),
            "ends": ends.time().replace(tzinfo=None),
            "room": session.room_id,
            "description": session.description,
            "language": session.language,
            "capacity": session.capacity,
            "meeting_url": session.meeting_url,
            "is_online": session.is_online,
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("room") is not None:
            cleaned["room"] = self.rooms[cleaned["room"]]
        day, starts, ends = cleaned.get("day"), cleaned.get("starts"), cleaned.get("ends")
        if not (day and starts and ends):
            return cleaned
        if ends <= starts:
            self.add_error("ends", _("The session must end after it starts (on the same day)."))
            return cleaned
        zone_name = self.event.time_zone
        zone = ZoneInfo(zone_name)
        date = datetime.date.fromisoformat(day)
        for name, value in (("starts", starts), ("ends", ends)):
            moment = datetime.datetime.combine(date, value)
            if is_ambiguous_or_missing(moment, zone):
                self.add_error(name, _wall_time_problem(moment, zone_name))
            else:
                cleaned[f"{name}_at"] = moment.replace(tzinfo=zone)
        return cleaned


class SpeakerForm(forms.Form):
    """One speaker of a session; a row left without a name is ignored."""

    name = _text(_("Name"), max_length=200, required=False)
    role = _text(_("Role"), max_length=120, required=False, help_text=_("Speaker, moderator, rapporteur..."))
    organisation = _text(_("Organisation"), max_length=200, required=False)
    city = forms.TypedChoiceField(label=_("City"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, city_choices: list | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].choices = [("", pgettext_lazy("no city", "None")), *(city_choices or [])]

    def clean(self):
        cleaned = super().clean()
        described = cleaned.get("role") or cleaned.get("organisation") or cleaned.get("city")
        if described and not cleaned.get("name") and "name" not in self.errors:
            self.add_error("name", _("Give the speaker's name, or empty the row."))
        return cleaned


class _SpeakerBaseFormSet(forms.BaseFormSet):
    def speakers(self) -> list[dict]:
        """The rows kept, in their order: name, role, organisation, city id."""
        rows = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data.get("name") or data.get("DELETE"):
                continue
            rows.append(
                {
                    "name": data["name"],
                    "role": data.get("role") or "",
                    "organisation": data.get("organisation") or "",
                    "city_id": data.get("city"),
                }
            )
        return rows


SpeakerFormSet = forms.formset_factory(
    SpeakerForm,
    formset=_SpeakerBaseFormSet,
    extra=2,
    can_delete=True,
    max_num=30,
    absolute_max=40,
    validate_max=True,
)


def city_choices() -> list[tuple[int, str]]:
    """Every city as (id, "name (country)"), read once for a page's speaker rows."""
    return [
        (city.pk, f"{city.name} ({city.country.name})")
        for city in City.objects.select_related("country").order_by("name", "pk")
    ]


def speaker_initial(session: Session) -> list[dict]:
    return [
        {
            "name": speaker.name,
            "role": speaker.role,
            "organisation": speaker.organisation,
            "city": speaker.city_id,
        }
        for speaker in session.speakers.all()
    ]


# --- Registrations --------------------------------------------------------------------------------


CHECKED_IN_CHOICES = [("", _("Either")), ("yes", _("Checked in")), ("no", _("Not checked in"))]


class RegistrationFilterForm(forms.Form):
    """The filters of an event's registration list (page, counts and exports)."""

    q = forms.CharField(
        label=_("Name, e-mail or code"),
        max_length=SEARCH_MAX_CHARS,
        required=False,
        validators=[validate_no_control_characters],
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Every status")), *RegistrationStatus.choices]
    )
    type = forms.TypedChoiceField(label=_("Registration type"), required=False, coerce=int, empty_value=None)
    fee_status = forms.ChoiceField(
        label=pgettext_lazy("registration", "Fee"),
        required=False,
        choices=[("", _("Any fee status")), *FeeStatus.choices],
    )
    checked_in = forms.ChoiceField(label=_("Check-in"), required=False, choices=CHECKED_IN_CHOICES)
    city = forms.TypedChoiceField(label=_("City"), required=False, coerce=int, empty_value=None)
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, event: Event, types: list[RegistrationType], cities: list[City], **kwargs):
        self.event = event
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("Every type")), *((t.pk, t.name) for t in types)]
        self.fields["city"].choices = [("", _("Every city")), *((c.pk, c.name) for c in cities)]
        countries = {str(city.country.code): city.country.name for city in cities}
        self.fields["country"].choices = [
            ("", _("Every country")),
            *sorted(countries.items(), key=lambda item: item[1]),
        ]

    def filters(self) -> dict:
        """The valid filters as ``registrations_list`` takes them (empty when the form is not valid)."""
        if not (self.is_bound and self.is_valid()):
            return {}
        data = self.cleaned_data
        return {
            "q": (data.get("q") or "").strip(),
            "status": data.get("status") or "",
            "type": data.get("type"),
            "fee_status": data.get("fee_status") or "",
            "checked_in": {"yes": True, "no": False}.get(data.get("checked_in") or ""),
            "city": data.get("city"),
            "country": data.get("country") or "",
        }

    def registrations(self) -> QuerySet[Registration]:
        """The event's registrations that the (valid) filters select, by name."""
        filters = self.filters()
        registrations = registrations_list(event=self.event, filters=filters)
        if filters.get("country"):
            registrations = registrations.filter(city__country__code=filters["country"])
        return registrations


class RegistrationStepForm(forms.Form):
    step = forms.ChoiceField(label=_("Step"), choices=STEP_CHOICES)
    comment = _text(_("Comment"), max_length=2000, required=False, rows=2)


class FeeForm(forms.Form):
    fee_status = forms.ChoiceField(label=pgettext_lazy("registration", "Fee"), choices=FEE_CHOICES)


# --- Check-in desk --------------------------------------------------------------------------------


def normalise_code(value: str) -> str:
    """What a person or a QR scanner typed as a badge code, as a code: upper case, letters and digits.

    A scanner that reads a link types the whole address: its last part is the code."""
    text = (value or "").strip()
    if "/" in text:
        parts = [part for part in text.split("?")[0].split("/") if part]
        text = parts[-1] if parts else ""
    return re.sub(r"[^A-Z0-9]", "", text.upper())


class CheckInSearchForm(forms.Form):
    code = forms.CharField(
        label=_("Badge code"),
        max_length=500,
        required=False,
        help_text=_("Type the code or scan the badge's QR code, then press Enter."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )
    q = forms.CharField(
        label=_("Name or e-mail"),
        max_length=SEARCH_MAX_CHARS,
        required=False,
        validators=[validate_no_control_characters],
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

    def clean_code(self):
        raw = self.cleaned_data.get("code", "")
        code = normalise_code(raw)
        if raw.strip() and (not code or len(code) > CODE_MAX_CHARS or set(code) - set(CODE_ALPHABET)):
            raise ValidationError(
                _("“%(code)s” is not a badge code: codes have 8 letters and digits.")
                % {"code": raw.strip()[:40]}
            )
        return code


class CheckInForm(forms.Form):
    registration = forms.IntegerField(min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput)
