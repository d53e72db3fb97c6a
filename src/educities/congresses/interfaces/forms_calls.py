"""Forms of the call for proposals: a city's proposal, withdrawing it, and the Secretariat's forms (opening
the call, filtering proposals, deciding, making a session). They parse input only; the domain
(``congresses.domain.calls``) checks it again and saves.

Date-times are typed as wall times in the event's time zone (``datetime-local`` inputs carry no zone):
the forms make them aware in that zone, refusing a time that a change of clock makes ambiguous or
non-existent.
"""

import datetime
import re
from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from educities.congresses.domain.calls import (
    GUIDELINES_MAX,
    MAX_PROPOSALS_LIMIT,
    NOTE_MAX,
    SPEAKER_LINE_MAX,
    SPEAKERS_MAX_LINES,
    SUMMARY_MAX,
    TITLE_MAX,
)
from educities.congresses.enums import ProposalKind, ProposalStatus, SessionKind
from educities.congresses.models import OFFICIAL_LANGUAGE_CHOICES
from educities.core.validators import has_control_characters, validate_no_control_characters

YEAR_MIN, YEAR_MAX = 2000, 2100
_NEWLINES = re.compile(r"\r\n?")


def _init(form: forms.Form) -> None:
    form.label_suffix = ""


def multiline_clean(value: str, *, message=None) -> str:
    """Line endings unified; control characters other than line breaks and tabs refused."""
    text = _NEWLINES.sub("\n", value or "")
    if has_control_characters(text.replace("\n", "").replace("\t", "")):
        raise ValidationError(
            message or _("Remove the control characters from this text (line breaks are fine)."),
            code="control_characters",
        )
    return text


def is_ambiguous_or_missing(value: datetime.datetime, zone: ZoneInfo) -> bool:
    """True when a change of clock makes the wall time ``value`` happen twice or never in ``zone``."""
    first, second = value.replace(tzinfo=zone, fold=0), value.replace(tzinfo=zone, fold=1)
    if first.utcoffset() != second.utcoffset():
        return True
    # A time in the gap of a spring change comes back from UTC as another wall time.
    return first.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None) != value


def in_zone(value: datetime.datetime | None, time_zone: str) -> datetime.datetime | None:
    """An aware date-time as the naive wall-clock time of ``time_zone`` (what the input shows)."""
    if value is None:
        return None
    return value.astimezone(ZoneInfo(time_zone)).replace(tzinfo=None)


def form_problems(form: forms.Form) -> str:
    """A form's errors as one line for a message: "Label: error." for each field."""
    parts = []
    for name, errors in form.errors.items():
        text = " ".join(str(error) for error in errors)
        label = form.fields[name].label if name in form.fields else None
        parts.append(f"{label}: {text}" if label else text)
    return " ".join(parts)


class CityChoiceForm(forms.Form):
    """Which of the user's cities acts (only shown when they may act for several)."""

    city = forms.TypedChoiceField(label=_("City"), coerce=int)

    def __init__(self, *args, cities, **kwargs):
        super().__init__(*args, **kwargs)
        _init(self)
        self.fields["city"].choices = [(city.pk, str(city.name)) for city in cities]


class ProposalForm(forms.Form):
    """A draft proposal: kind, language, title, summary, speakers and an experience of the bank."""

    kind = forms.ChoiceField(label=_("Kind of proposal"), choices=ProposalKind.choices)
    language = forms.ChoiceField(
        label=_("Language of the proposal"),
        choices=OFFICIAL_LANGUAGE_CHOICES,
        help_text=_("Proposals are written in one of the association's official languages."),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX,
        validators=[validate_no_control_characters],
    )
    summary = forms.CharField(
        label=_("Summary"),
        max_length=SUMMARY_MAX,
        widget=forms.Textarea(attrs={"rows": 10, "maxlength": SUMMARY_MAX}),
    )
    speakers = forms.CharField(
        label=_("Speakers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    experience = forms.TypedChoiceField(
        label=_("Experience in the bank of experiences"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("Optional: one of your city's published experiences this proposal presents."),
    )

    def __init__(self, *args, experiences=(), **kwargs):
        super().__init__(*args, **kwargs)
        _init(self)
        # Help texts with numbers are translated when the form is made (in the request's language).
        self.fields["summary"].help_text = gettext(
            "What was done, why, with whom and what came of it (at most %(max)d characters)."
        ) % {"max": SUMMARY_MAX}
        self.fields["speakers"].help_text = gettext(
            "One per line: name, position (at most %(max)d speakers)."
        ) % {"max": SPEAKERS_MAX_LINES}
        self.experiences = {experience.pk: experience for experience in experiences}
        self.fields["experience"].choices = [("", _("— none —"))] + [
            (experience.pk, experience.title) for experience in experiences
        ]

    def clean_summary(self) -> str:
        return multiline_clean(self.cleaned_data.get("summary", "")).strip()

    def clean_speakers(self) -> str:
        text = multiline_clean(self.cleaned_data.get("speakers", "")).strip()
        lines = [line for line in (" ".join(line.split()) for line in text.split("\n")) if line]
        if len(lines) > SPEAKERS_MAX_LINES:
            raise ValidationError(
                _("Give at most %(max)d speakers."), code="too_many", params={"max": SPEAKERS_MAX_LINES}
            )
        if any(len(line) > SPEAKER_LINE_MAX for line in lines):
            raise ValidationError(
                _("A speaker's line has at most %(max)d characters."),
                code="too_long",
                params={"max": SPEAKER_LINE_MAX},
            )
        return "\n".join(lines)

    def chosen_experience(self):
        pk = self.cleaned_data.get("experience")
        return self.experiences.get(pk) if pk else None

    def add_domain_errors(self, errors: dict[str, str]) -> None:
        for field, message in errors.items():
            self.add_error(field if field in self.fields else None, message)


class WithdrawForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, withdraw this proposal"),
        help_text=_("A withdrawn proposal cannot be submitted again."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _init(self)


# --- The Secretariat's forms ---------------------------------------------------------------------


class LocalDateTimeField(forms.DateTimeField):
    """A ``datetime-local`` input read as a naive date and time (the form gives it its time zone)."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    default_error_messages = {
        "invalid": _("Enter a date and time, for example 2026-03-31 23:59."),
        "range": _("Enter a year between %(min)d and %(max)d."),
    }

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
        if not YEAR_MIN <= result.year <= YEAR_MAX:
            raise ValidationError(
                self.error_messages["range"], code="range", params={"min": YEAR_MIN, "max": YEAR_MAX}
            )
        return result.replace(tzinfo=None, second=0, microsecond=0)

    def prepare_value(self, value):
        return value


def _aware_or_error(form: forms.Form, field: str, zone: ZoneInfo):
    value = form.cleaned_data.get(field)
    if value is None:
        return None
    if is_ambiguous_or_missing(value, zone):
        form.add_error(
            field,
            ValidationError(
                _("The clocks change at this time in %(zone)s: choose another time."),
                code="ambiguous",
                params={"zone": zone.key},
            ),
        )
        return None
    return value.replace(tzinfo=zone)


class CallForm(forms.Form):
    """Open a call (or change its settings): dates in the event's time zone, guidelines, maximum per city."""

    opens_at = LocalDateTimeField(label=_("The call opens"))
    closes_at = LocalDateTimeField(label=_("Deadline for proposals"))
    max_proposals_per_city = forms.IntegerField(
        label=_("Proposals per city at most"), min_value=1, max_value=MAX_PROPOSALS_LIMIT, initial=3
    )
    guidelines = forms.CharField(
        label=_("Guidelines for the cities"),
        required=False,
        max_length=GUIDELINES_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, time_zone: str, **kwargs):
        super().__init__(*args, **kwargs)
        _init(self)
        self.zone = ZoneInfo(time_zone)
        for name in ("opens_at", "closes_at"):
            self.fields[name].help_text = _("Time in %(zone)s.") % {"zone": time_zone}

    def clean_guidelines(self) -> str:
        return multiline_clean(self.cleaned_data.get("guidelines", "")).strip()

    def clean(self):
        cleaned = super().clean()
        opens = _aware_or_error(self, "opens_at", self.zone)
        closes = _aware_or_error(self, "closes_at", self.zone)
        if opens is not None:
            cleaned["opens_at"] = opens
        if closes is not None:
            cleaned["closes_at"] = closes
        if opens is not None and closes is not None and closes <= opens:
            self.add_error("closes_at", _("The deadline must be after the opening of the call."))
        return cleaned


def _optional_choices(choices, empty_label) -> list:
    return [("", empty_label), *choices]


class ProposalFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=_optional_choices(ProposalStatus.choices, pgettext_lazy("status filter", "All but drafts")),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=_optional_choices(ProposalKind.choices, pgettext_lazy("kind filter", "Every kind")),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=_optional_choices(
            OFFICIAL_LANGUAGE_CHOICES, pgettext_lazy("language filter", "Every language")
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _init(self)


class ProposalDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("accept", pgettext_lazy("proposal decision", "Accept")),
            ("reject", pgettext_lazy("proposal decision", "Do not accept")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Message to the city"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E-mailed to the city's editors and shown on the proposal. Required when not accepted."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _init(self)

    def clean_note(self) -> str:
        return multiline_clean(self.cleaned_data.get("note", "")).strip()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "reject" and not cleaned.get("note"):
            self.add_error(
                "note", _("Write a message to the city: it says why the proposal is not accepted.")
            )
        return cleaned


class ProposalWithdrawStaffForm(forms.Form):
    note = forms.CharField(
        label=_("Message to the city"),
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _init(self)

    def clean_note(self) -> str:
        return multiline_clean(self.cleaned_data.get("note", "")).strip()


class SessionFromProposalForm(forms.Form):
    """When and where an accepted proposal is presented: a day of the event, start and end, room, kind."""

    day = forms.TypedChoiceField(label=_("Day"), coerce=datetime.date.fromisoformat)
    starts = forms.TimeField(label=_("Start"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    ends = forms.TimeField(label=_("End"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    room = forms.TypedChoiceField(label=_("Room"), coerce=int, required=False, empty_value=None)
    kind = forms.ChoiceField(
        label=_("Kind of session"), choices=SessionKind.choices, initial=SessionKind.COMMUNICATIONS
    )

    def __init__(self, *args, event, rooms, **kwargs):
        super().__init__(*args, **kwargs)
        _init(self)
        self.zone = ZoneInfo(event.time_zone)
        days = []
        day = event.starts_on
        while day <= event.ends_on and len(days) < 60:
            days.append(day)
            day += datetime.timedelta(days=1)
        self.fields["day"].choices = [(day.isoformat(), day.isoformat()) for day in days]
        self.rooms = {room.pk: room for room in rooms}
        self.fields["room"].choices = [("", _("— no room —"))] + [(room.pk, room.name) for room in rooms]
        self.fields["starts"].help_text = _("Time in %(zone)s.") % {"zone": event.time_zone}

    def clean(self):
        cleaned = super().clean()
        day, starts, ends = cleaned.get("day"), cleaned.get("starts"), cleaned.get("ends")
        if day is None or starts is None or ends is None:
            return cleaned
        moments = {}
        for field, time in (("starts", starts), ("ends", ends)):
            wall = datetime.datetime.combine(day, time.replace(second=0, microsecond=0))
            if is_ambiguous_or_missing(wall, self.zone):
                self.add_error(
                    field,
                    ValidationError(
                        _("The clocks change at this time in %(zone)s: choose another time."),
                        code="ambiguous",
                        params={"zone": self.zone.key},
                    ),
                )
                return cleaned
            moments[field] = wall.replace(tzinfo=self.zone)
        if moments["ends"] <= moments["starts"]:
            self.add_error("ends", _("The session must end after it starts."))
            return cleaned
        cleaned["starts_at"], cleaned["ends_at"] = moments["starts"], moments["ends"]
        return cleaned

    def chosen_room(self):
        pk = self.cleaned_data.get("room")
        return self.rooms.get(pk) if pk else None
