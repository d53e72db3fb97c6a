"""Forms of the membership application, the back office and the imports. They parse input only."""

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from educities.core.validators import (
    CITY_POPULATION_MAX,
    validate_city_population,
    validate_no_control_characters,
    validate_pdf_upload,
)
from educities.members.domain.queries import cities_members
from educities.members.enums import NetworkKind
from educities.members.interfaces.importers import IMPORT_KINDS
from educities.members.models import City, Country, FeeRate, GeneralAssembly


class CountryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Country) -> str:
        return obj.name


def _sorted_country_choices(field: forms.ModelChoiceField) -> list[tuple]:
    countries = sorted(field.queryset, key=lambda c: c.name)
    return [("", field.empty_label), *((c.pk, c.name) for c in countries)]


class MembershipApplicationForm(forms.Form):
    # A plain form: the model's validators are repeated here (City.name, City.population, City.website).
    name = forms.CharField(
        label=_("Name of the city"), max_length=120, validators=[validate_no_control_characters]
    )
    country = CountryChoiceField(label=_("Country"), queryset=Country.objects.all(), empty_label=_("Choose…"))
    region = forms.CharField(
        label=_("Region or province"),
        max_length=120,
        required=False,
        validators=[validate_no_control_characters],
    )
    population = forms.IntegerField(
        label=_("Population"),
        min_value=1,
        validators=[validate_city_population],
        widget=forms.NumberInput(attrs={"max": CITY_POPULATION_MAX}),
    )
    latitude = forms.FloatField(
        label=_("Latitude"),
        min_value=-90,
        max_value=90,
        help_text=_("In decimal degrees, for example 41.6080."),
    )
    longitude = forms.FloatField(
        label=_("Longitude"),
        min_value=-180,
        max_value=180,
        help_text=_("In decimal degrees, for example 2.2874."),
    )
    website = forms.URLField(
        label=_("Website of the city council"), required=False, max_length=200, assume_scheme="https"
    )
    motivation = forms.CharField(
        label=_("Why does your city want to join?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=5000,
    )
    mayor_form = forms.FileField(
        label=_("Membership form signed by the mayor (PDF)"),
        validators=[validate_pdf_upload],
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    plenary_approval = forms.FileField(
        label=_("Approval by the municipal plenary (PDF)"),
        validators=[validate_pdf_upload],
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        country = self.fields["country"]
        country.choices = _sorted_country_choices(country)
        limit = filesizeformat(settings.UPLOAD_MAX_BYTES)
        for name in ("mayor_form", "plenary_approval"):
            self.fields[name].help_text = _("A PDF file of at most %(size)s.") % {"size": limit}


class TransitionForm(forms.Form):
    """The comment that goes with a step of the membership workflow (sent to the city)."""

    comment = forms.CharField(
        label=_("Comment for the city"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)


class RatifyForm(TransitionForm):
    assembly = forms.ModelChoiceField(
        label=_("General Assembly"),
        queryset=GeneralAssembly.objects.order_by("-date"),
        empty_label=_("Choose…"),
    )


class WithdrawForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I confirm that the city withdraws from the association."),
        required=True,
    )
    comment = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def year_bounds() -> tuple[int, int]:
    return 1990, timezone.localdate().year + 1


class FeeYearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), required=False)
    unpaid = forms.BooleanField(label=_("Only cities that owe fees"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        low, high = year_bounds()
        self.fields["year"].validators += [MinValueValidator(low), MaxValueValidator(high)]
        self.fields["year"].widget.attrs.update({"min": low, "max": high})


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What the file contains"),
        choices=[("city", _("Cities")), ("contact", _("Contacts"))],
        widget=forms.RadioSelect,
        initial="city",
    )
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".csv,.xlsx,text/csv,"
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def clean_kind(self):
        kind = self.cleaned_data["kind"]
        if kind not in IMPORT_KINDS:  # pragma: no cover - ChoiceField already refuses it
            raise forms.ValidationError(_("Choose cities or contacts."))
        return kind

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.UPLOAD_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is too large (%(size)s). The maximum is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(settings.UPLOAD_MAX_BYTES)}
            )
        return upload


class CityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: City) -> str:
        return f"{obj.name} ({obj.country.name})"


class CityMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: City) -> str:
        return f"{obj.name} ({obj.country.name})"


class NetworkCreateForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=160, validators=[validate_no_control_characters])
    kind = forms.ChoiceField(label=_("Kind"), choices=NetworkKind.choices)
    acronym = forms.CharField(
        label=_("Acronym"), max_length=20, required=False, validators=[validate_no_control_characters]
    )
    description = forms.CharField(
        label=_("Description"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    cities = CityMultipleChoiceField(
        label=_("Member cities"),
        queryset=City.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 12}),
        help_text=_("Hold Ctrl (or Cmd) to choose several cities."),
    )
    coordinator = CityChoiceField(
        label=_("Coordinating city"),
        queryset=City.objects.none(),
        required=False,
        empty_label=pgettext_lazy("no coordinating city", "None"),
    )
    co_coordinators = CityMultipleChoiceField(
        label=_("Co-coordinating cities"),
        queryset=City.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        members = cities_members().order_by("name", "pk")
        for name in ("cities", "coordinator", "co_coordinators"):
            self.fields[name].queryset = members


class FeeRateAdminForm(forms.ModelForm):
    class Meta:
        model = FeeRate
        fields = ["population_band", "income_group", "amount"]

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if amount is not None and amount < 0:
            raise forms.ValidationError(_("A fee cannot be negative."))
        return amount
