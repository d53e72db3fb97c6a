"""Forms of the Secretariat's award pages. They parse input only; the domain decides.

The timeline's date-times are typed in the edition's own time zone (``datetime-local`` inputs carry no
zone): ``EditionForm`` reads them as naive values and makes them aware in the chosen zone, refusing a
time that a change of clock makes ambiguous or non-existent.
"""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from educities.awards.enums import ApplicationStatus
from educities.awards.models import OFFICIAL_LANGUAGE_CHOICES, Edition, EditionQuestion
from educities.awards.validators import validate_time_zone
from educities.core.time_zones import in_zone, is_ambiguous_or_missing
from educities.core.validators import validate_no_control_characters
from educities.members.domain.queries import cities_members
from educities.members.models import City

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
    "Atlantic/Azores",
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
TIME_ZONE_DATALIST_ID = "award-time-zones"

# Years a timeline may use: enough for any edition, and far from the ends of the calendar.
# The same range as the domain checks (awards.domain.editions).
YEAR_MIN, YEAR_MAX = 1990, 2200
STATEMENT_MAX_CHARS = 5000
REASON_MAX_CHARS = 2000
SCALE_LIMIT = 100

# What the Secretariat may decide for an application in the jury's decision phase.
DECISION_CHOICES = [
    (ApplicationStatus.WINNER.value, ApplicationStatus.WINNER.label),
    (ApplicationStatus.SPECIAL_MENTION.value, ApplicationStatus.SPECIAL_MENTION.label),
    (ApplicationStatus.FINALIST.value, ApplicationStatus.FINALIST.label),
    (ApplicationStatus.NOT_SELECTED.value, ApplicationStatus.NOT_SELECTED.label),
]


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


class DateInputField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    default_error_messages = {"range": _("Enter a year between %(min)d and %(max)d.")}

    def to_python(self, value):
        result = super().to_python(value)
        if result is not None and not YEAR_MIN <= result.year <= YEAR_MAX:
            raise ValidationError(
                self.error_messages["range"], code="range", params={"min": YEAR_MIN, "max": YEAR_MAX}
            )
        return result


class CityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: City) -> str:
        return f"{obj.name} ({obj.country.name})"


class EditionForm(forms.Form):
    """An edition's settings and timeline (new edition and the settings of an existing one)."""

    number = forms.IntegerField(label=_("Edition number"), min_value=1, max_value=999)
    year = forms.IntegerField(label=_("Year"), min_value=YEAR_MIN, max_value=YEAR_MAX)
    theme = _text(_("Theme"), max_length=255)
    original_language = forms.ChoiceField(
        label=_("Language these texts are written in"), choices=OFFICIAL_LANGUAGE_CHOICES, initial="en"
    )
    axes = _text(
        _("Axes of the theme"), max_length=5000, required=False, rows=4, help_text=_("One axis per line.")
    )
    rules = _text(_("Rules"), max_length=20000, required=False, rows=6)
    time_zone = forms.CharField(
        label=_("Time zone of the edition"),
        max_length=64,
        initial="Europe/Madrid",
        validators=[validate_time_zone],
        help_text=_("The opening and the deadline below are in this time zone, for example Europe/Madrid."),
        widget=forms.TextInput(attrs={"list": TIME_ZONE_DATALIST_ID, "autocomplete": "off"}),
    )
    call_opens_at = LocalDateTimeField(label=_("Call opens"), required=False)
    deadline = LocalDateTimeField(label=_("Deadline for applications"), required=False)
    jury_starts_on = DateInputField(label=_("Jury starts"), required=False)
    decision_on = DateInputField(label=_("Decision"), required=False)
    ceremony_on = DateInputField(label=_("Ceremony"), required=False)
    ceremony_place = _text(_("Place of the ceremony"), max_length=200, required=False)
    initiative_cutoff = DateInputField(
        label=_("Cut-off date"),
        required=False,
        help_text=_("Initiatives must have started before this date."),
    )
    max_applications_per_city = forms.IntegerField(
        label=_("Applications per city at most"), min_value=1, max_value=20, initial=2
    )
    scale_min = forms.IntegerField(label=_("Lowest score"), min_value=0, max_value=SCALE_LIMIT, initial=0)
    scale_max = forms.IntegerField(label=_("Highest score"), min_value=1, max_value=SCALE_LIMIT, initial=10)
    jurors_per_application = forms.IntegerField(
        label=_("Jurors per application"), min_value=1, max_value=50, initial=3
    )
    next_congress_host = CityChoiceField(
        label=_("Host of the next congress"),
        queryset=City.objects.none(),
        required=False,
        empty_label=pgettext_lazy("no city", "None"),
        help_text=_("This city cannot apply."),
    )

    TIMELINE_FIELDS = ("call_opens_at", "deadline")

    def __init__(self, *args, edition: Edition | None = None, **kwargs):
        self.edition = edition
        super().__init__(*args, **kwargs)
        self.fields["next_congress_host"].queryset = cities_members().order_by("name", "pk")

    @classmethod
    def initial_for(cls, edition: Edition) -> dict:
        process = edition.review_process
        return {
            "number": edition.number,
            "year": edition.year,
            "theme": edition.theme,
            "original_language": edition.original_language,
            "axes": edition.axes,
            "rules": edition.rules,
            "time_zone": edition.time_zone,
            "call_opens_at": in_zone(edition.call_opens_at, edition.time_zone),
            "deadline": in_zone(edition.deadline, edition.time_zone),
            "jury_starts_on": edition.jury_starts_on,
            "decision_on": edition.decision_on,
            "ceremony_on": edition.ceremony_on,
            "ceremony_place": edition.ceremony_place,
            "initiative_cutoff": edition.initiative_cutoff,
            "max_applications_per_city": edition.max_applications_per_city,
            "scale_min": process.scale_min,
            "scale_max": process.scale_max,
            "jurors_per_application": process.reviewers_per_item,
            "next_congress_host": edition.next_congress_host_id,
        }

    def _unique(self, field: str):
        value = self.cleaned_data.get(field)
        others = Edition.objects.filter(**{field: value})
        if self.edition is not None:
            others = others.exclude(pk=self.edition.pk)
        if value is not None and others.exists():
            if field == "year":
                raise ValidationError(_("There is already an edition in %(year)d.") % {"year": value})
            raise ValidationError(_("There is already an edition number %(number)d.") % {"number": value})
        return value

    def clean_number(self):
        return self._unique("number")

    def clean_year(self):
        return self._unique("year")

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone")
        if zone_name:
            zone = ZoneInfo(zone_name)
            for name in self.TIMELINE_FIELDS:
                value = cleaned.get(name)
                if value is None:
                    continue
                if is_ambiguous_or_missing(value, zone):
                    self.add_error(
                        name,
                        _(
                            "%(value)s happens twice or never in %(zone)s (the clocks change then): "
                            "choose another time."
                        )
                        % {"value": value.strftime("%Y-%m-%d %H:%M"), "zone": zone_name},
                    )
                    cleaned.pop(name, None)
                else:
                    cleaned[name] = value.replace(tzinfo=zone)
        opens, deadline = cleaned.get("call_opens_at"), cleaned.get("deadline")
        if opens and deadline and deadline <= opens:
            self.add_error("deadline", _("The deadline must come after the call opens."))
        low, high = cleaned.get("scale_min"), cleaned.get("scale_max")
        if low is not None and high is not None and high <= low:
            self.add_error("scale_max", _("The highest score must be greater than the lowest."))
        for earlier, later, message in (
            ("jury_starts_on", "decision_on", _("The decision cannot come before the jury starts.")),
            ("decision_on", "ceremony_on", _("The ceremony cannot come before the decision.")),
        ):
            first, second = cleaned.get(earlier), cleaned.get(later)
            if first and second and second < first:
                self.add_error(later, message)
        return cleaned


class CriterionForm(forms.Form):
    """One criterion of a new edition's jury; a row left without a name is ignored."""

    name = _text(_("Criterion"), max_length=200, required=False)
    description = _text(_("Description"), max_length=2000, required=False, rows=2)
    weight = forms.DecimalField(
        label=_("Weight"),
        min_value=Decimal("0.01"),
        max_value=Decimal("999.99"),
        max_digits=5,
        decimal_places=2,
        initial=Decimal(1),
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("name") and cleaned.get("weight") is None and "weight" not in self.errors:
            self.add_error("weight", _("Give the criterion a weight."))
        return cleaned


class _CriterionBaseFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        if not any(form.cleaned_data.get("name") for form in self.forms):
            raise ValidationError(_("The jury needs at least one criterion."))


CriterionFormSet = forms.formset_factory(
    CriterionForm, formset=_CriterionBaseFormSet, extra=2, max_num=20, absolute_max=30, validate_max=True
)


class CriterionEditForm(forms.Form):
    name = _text(_("Criterion"), max_length=200)
    description = _text(_("Description"), max_length=2000, required=False, rows=2)
    weight = forms.DecimalField(
        label=_("Weight"),
        min_value=Decimal("0.01"),
        max_value=Decimal("999.99"),
        max_digits=5,
        decimal_places=2,
    )


class EditionTextForm(forms.Form):
    """The edition's theme, axes and rules in one other official language."""

    theme = _text(_("Theme"), max_length=255, required=False)
    axes = _text(_("Axes of the theme"), max_length=5000, required=False, rows=4)
    rules = _text(_("Rules"), max_length=20000, required=False, rows=6)


class QuestionForm(forms.Form):
    text = _text(_("Question"), max_length=500)
    help_text = _text(_("Guidance"), max_length=2000, required=False, rows=2)
    is_required = forms.BooleanField(label=_("An answer is required"), required=False, initial=True)
    max_chars = forms.IntegerField(label=_("Characters at most"), min_value=1, max_value=20000, initial=3000)

    @classmethod
    def initial_for(cls, question: EditionQuestion) -> dict:
        return {
            "text": question.text,
            "help_text": question.help_text,
            "is_required": question.is_required,
            "max_chars": question.max_chars,
        }


class QuestionTranslateForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=OFFICIAL_LANGUAGE_CHOICES)
    text = _text(_("Question"), max_length=500)
    help_text = _text(_("Guidance"), max_length=2000, required=False, rows=2)


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Every status")), *ApplicationStatus.choices],
    )


class ConfirmEligibleForm(forms.Form):
    override_reason = _text(
        _("Reason for confirming despite a failed rule"),
        max_length=REASON_MAX_CHARS,
        required=False,
        rows=2,
        help_text=_("Required when a rule is not met; recorded with the decision."),
    )


class IneligibleForm(forms.Form):
    reason = _text(
        _("Reason (sent to the city)"),
        max_length=REASON_MAX_CHARS,
        rows=2,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = _(
            "Say why the application is not eligible: the city receives this reason."
        )


class DecisionForm(forms.Form):
    result = forms.ChoiceField(label=_("Decision"), choices=DECISION_CHOICES)
    statement = _text(_("Statement of the jury"), max_length=STATEMENT_MAX_CHARS, required=False, rows=3)


class JuryStatementForm(forms.Form):
    statement = _text(
        _("Statement of the jury on the edition"), max_length=STATEMENT_MAX_CHARS, required=False, rows=5
    )


class VoidForm(forms.Form):
    statement = _text(
        _("Statement of the jury (why the award is declared void)"),
        max_length=STATEMENT_MAX_CHARS,
        rows=4,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["statement"].error_messages["required"] = _(
            "Write the jury's statement: an award is never declared void without one."
        )


def form_problems(form: forms.Form) -> str:
    """A form's errors as one line for a message: "Label: error." for each field."""
    parts = []
    for name, errors in form.errors.items():
        text = " ".join(str(error) for error in errors)
        label = form.fields[name].label if name in form.fields else None
        parts.append(f"{label}: {text}" if label else text)
    return " ".join(parts)
