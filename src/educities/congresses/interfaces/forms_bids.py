"""Forms of the bids to host a congress: the bid, a document, withdrawing and the decision of the Executive
Committee. They parse input only; the domain (``congresses.domain.bids``) checks it again and saves."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from educities.congresses.domain.bids import NOTE_MAX, STATEMENT_MAX, YEAR_MAX
from educities.congresses.interfaces.forms_calls import multiline_clean
from educities.congresses.models import OFFICIAL_LANGUAGE_CHOICES
from educities.core.validators import validate_no_control_characters


def _line(label, *, max_length: int, required: bool = False, help_text=""):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        validators=[validate_no_control_characters],
        help_text=help_text,
    )


class BidForm(forms.Form):
    congress_year = forms.IntegerField(label=_("Year of the congress"), max_value=YEAR_MAX)
    language = forms.ChoiceField(label=_("Language of the bid"), choices=OFFICIAL_LANGUAGE_CHOICES)
    proposed_theme = _line(_("Proposed theme"), max_length=255)
    statement = forms.CharField(
        label=_("Why this city"),
        max_length=STATEMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 10, "maxlength": STATEMENT_MAX}),
        help_text=_("What your city would bring to the congress and to the association."),
    )
    venue = _line(_("Proposed venue"), max_length=200)
    proposed_dates = _line(_("Proposed dates"), max_length=120, help_text=_("For example: 12–14 November."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["congress_year"].min_value = timezone.localdate().year
        self.fields["congress_year"].widget.attrs["min"] = timezone.localdate().year

    def clean_statement(self) -> str:
        return multiline_clean(self.cleaned_data.get("statement", "")).strip()

    def add_domain_errors(self, errors: dict[str, str]) -> None:
        for field, message in errors.items():
            self.add_error(field if field in self.fields else None, message)


class BidDocumentForm(forms.Form):
    title = _line(_("Title of the document"), max_length=200, required=True)
    file = forms.FileField(label=_("Document (PDF)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["file"].widget.attrs["accept"] = "application/pdf,.pdf"


class BidWithdrawForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, withdraw this bid"), help_text=_("A withdrawn bid cannot be submitted again.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""


class BidDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision of the Executive Committee"),
        choices=[
            ("accept", pgettext_lazy("bid decision", "Choose this bid")),
            ("decline", pgettext_lazy("bid decision", "Do not choose this bid")),
        ],
        widget=forms.RadioSelect,
    )
    meeting = _line(
        _("Meeting that decided"),
        max_length=200,
        help_text=_("For example: Executive Committee, Lisbon, 3 March."),
    )
    note = forms.CharField(
        label=_("Decision note"),
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Published with the bid and e-mailed to the city."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""

    def clean_note(self) -> str:
        return multiline_clean(self.cleaned_data.get("note", "")).strip()
