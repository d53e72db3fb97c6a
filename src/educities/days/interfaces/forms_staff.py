"""Forms of the Secretariat's International Day pages: a campaign (new and settings), its texts in another
language, the poster, a material, the moderation filters and hiding an activity. They parse input only;
``days.domain`` checks again and decides.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from educities.core.validators import validate_no_control_characters
from educities.days.interfaces.forms_city import DayDateField

YEAR_MIN, YEAR_MAX = 2016, 2100
MOTTO_MAX = 255
LONG_TEXT_MAX = 100_000
REMINDER_DAYS_MAX = 120
REASON_MAX = 2000
SEARCH_MAX = 100
POSTER_ACCEPT = "image/png,image/jpeg,image/webp,.png,.jpg,.jpeg,.webp"
MATERIAL_ACCEPT = "application/pdf,image/png,image/jpeg,image/webp,.pdf,.png,.jpg,.jpeg,.webp"

# The moderation list's views of the campaign's activities.
REVIEW_UNREVIEWED, REVIEW_HIDDEN, REVIEW_ALL = "unreviewed", "hidden", "all"
REVIEW_CHOICES = [
    (REVIEW_UNREVIEWED, _("Not reviewed yet")),
    (REVIEW_HIDDEN, _("Hidden")),
    (REVIEW_ALL, pgettext_lazy("activities", "All")),
]


def _line(label, *, max_length: int, required: bool = True, help_text=""):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        validators=[validate_no_control_characters],
        help_text=help_text,
    )


def _long(label, *, rows: int = 6, help_text=""):
    return forms.CharField(
        label=label,
        max_length=LONG_TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )


class _Form(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class CampaignForm(_Form):
    """A campaign's texts (in their original language), window of dates and reminder.

    ``with_year``: the new campaign's form asks for the year; an existing campaign keeps its own.
    """

    year = forms.IntegerField(label=_("Year"), min_value=YEAR_MIN, max_value=YEAR_MAX)
    motto = _line(_("Motto"), max_length=MOTTO_MAX)
    manifesto = _long(_("Manifesto"), rows=8)
    guide = _long(_("Activity guide"), rows=8, help_text=_("How cities organise and register an activity."))
    language = forms.ChoiceField(
        label=_("Language these texts are written in"), choices=settings.LANGUAGES, initial="en"
    )
    window_starts_on = DayDateField(
        label=_("Activities count from"), help_text=_("1 November by default; it must include 30 November.")
    )
    window_ends_on = DayDateField(label=_("Activities count until"), help_text=_("15 December by default."))
    reminder_days_before = forms.IntegerField(
        label=_("Reminder (days before the Day)"),
        min_value=0,
        max_value=REMINDER_DAYS_MAX,
        initial=21,
        help_text=_("Member cities with no activity get a reminder this many days before 30 November."),
    )

    FIELDS = (
        "year",
        "motto",
        "manifesto",
        "guide",
        "language",
        "window_starts_on",
        "window_ends_on",
        "reminder_days_before",
    )

    def __init__(self, *args, with_year: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_year:
            del self.fields["year"]

    @classmethod
    def initial_for(cls, campaign) -> dict:
        return {
            "year": campaign.year,
            "motto": campaign.motto,
            "manifesto": campaign.manifesto,
            "guide": campaign.guide,
            "language": campaign.original_language,
            "window_starts_on": campaign.window_starts_on,
            "window_ends_on": campaign.window_ends_on,
            "reminder_days_before": campaign.reminder_days_before,
        }

    def clean_motto(self) -> str:
        return self.cleaned_data["motto"].strip()

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("window_starts_on"), cleaned.get("window_ends_on")
        if starts and ends and ends < starts:
            self.add_error("window_ends_on", _("The window must end on or after the day it starts."))
        return cleaned


class CampaignTextForm(_Form):
    """The campaign's motto, manifesto and guide in one other language (a person's translation)."""

    motto = _line(_("Motto"), max_length=MOTTO_MAX, required=False)
    manifesto = _long(_("Manifesto"), rows=5)
    guide = _long(_("Activity guide"), rows=5)


class PosterForm(_Form):
    upload = forms.FileField(
        label=_("Poster (PNG, JPEG or WebP)"),
        required=False,
        help_text=_("Leave empty to change only the description of the current poster."),
    )
    alt_text = _line(
        _("Description of the poster"),
        max_length=300,
        help_text=_("What the poster shows and says, for people who cannot see it."),
    )

    def __init__(self, *args, has_poster: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["upload"].widget.attrs["accept"] = POSTER_ACCEPT
        if not has_poster:
            self.fields["upload"].required = True
            self.fields["upload"].help_text = ""


class MaterialForm(_Form):
    title = _line(_("Title"), max_length=200)
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Any language (no text, or several)")), *settings.LANGUAGES],
    )
    upload = forms.FileField(label=_("File (PDF, PNG, JPEG or WebP)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["upload"].widget.attrs["accept"] = MATERIAL_ACCEPT


class ModerationFilterForm(_Form):
    """Which activities the moderation list shows (a GET form; every value is optional)."""

    show = forms.ChoiceField(
        label=_("Show"), choices=REVIEW_CHOICES, required=False, initial=REVIEW_UNREVIEWED
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    q = forms.CharField(
        label=_("Search"),
        max_length=SEARCH_MAX,
        required=False,
        validators=[validate_no_control_characters],
        help_text=_("Words of the title, the city or the organiser."),
    )

    def __init__(self, *args, countries: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Every country")), *countries]

    def values(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {"show": REVIEW_UNREVIEWED, "country": "", "q": ""}
        data = self.cleaned_data
        return {"show": data["show"] or REVIEW_UNREVIEWED, "country": data["country"], "q": data["q"].strip()}


class HideForm(_Form):
    reason = forms.CharField(
        label=_("Reason (sent to the city)"),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = _(
            "Say why the activity is hidden: the city's editors receive this reason."
        )

    def clean_reason(self) -> str:
        text = self.cleaned_data["reason"].replace("\r\n", "\n").strip()
        if not text:
            raise ValidationError(self.fields["reason"].error_messages["required"], code="required")
        return text


def form_problems(form: forms.Form) -> str:
    """A form's errors as one line for a message: "Label: error." for each field."""
    parts = []
    for name, errors in form.errors.items():
        text = " ".join(str(error) for error in errors)
        label = form.fields[name].label if name in form.fields else None
        parts.append(f"{label}: {text}" if label else text)
    return " ".join(parts)
