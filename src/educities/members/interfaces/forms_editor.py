"""Forms of the city editors' pages. They only parse input; the domain (members.domain.cities) saves.

They are plain forms, not ModelForms: a ModelForm writes the cleaned values into its instance during
validation, and ``city_update`` must see the instance unchanged to know what changed.
"""

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from educities.core.validators import validate_no_control_characters
from educities.members.domain.cities import CITY_EDITABLE_FIELDS, CONTACT_FIELDS
from educities.members.models import City, Contact

# Shown on the profile form for information; the domain does not let editors change them.
READ_ONLY_FIELDS = ("population",)
DESCRIPTION_MAX_LENGTH = 10_000


def _label(model, field: str):
    return capfirst(model._meta.get_field(field).verbose_name)


class CityProfileForm(forms.Form):
    region = forms.CharField(
        label=_label(City, "region"),
        max_length=120,
        required=False,
        help_text=_("State, province or region the city belongs to."),
    )
    # Shown, not editable: the population sets the fee band, so only the Secretariat changes it.
    population = forms.IntegerField(
        label=_label(City, "population"),
        required=False,
        disabled=True,
        help_text=_(
            "Number of inhabitants. It sets the city's population band and so its fee: only the Secretariat "
            "changes it. To correct it, write to the Secretariat with the official figure."
        ),
    )
    latitude = forms.FloatField(
        label=_label(City, "latitude"),
        min_value=-90,
        max_value=90,
        help_text=_("In decimal degrees, from -90 (south) to 90 (north), e.g. 41.39."),
    )
    longitude = forms.FloatField(
        label=_label(City, "longitude"),
        min_value=-180,
        max_value=180,
        help_text=_("In decimal degrees, from -180 (west) to 180 (east), e.g. 2.17."),
    )
    website = forms.URLField(
        label=_label(City, "website"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("The city's official website, e.g. https://www.example.org."),
    )
    description = forms.CharField(
        label=_label(City, "description"),
        required=False,
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Shown on the city's public page. Plain text; leave a blank line between paragraphs."),
    )

    @classmethod
    def initial_for(cls, city: City) -> dict:
        return {field: getattr(city, field) for field in (*CITY_EDITABLE_FIELDS, *READ_ONLY_FIELDS)}

    def changes(self) -> dict:
        return {field: self.cleaned_data[field] for field in CITY_EDITABLE_FIELDS}


phone_validator = RegexValidator(
    r"^\+?[0-9 ()./-]{3,40}$",
    _("Enter a phone number with digits, spaces and + ( ) . / - only, e.g. +34 933 427 720."),
)


class ContactForm(forms.Form):
    full_name = forms.CharField(
        label=_label(Contact, "full_name"), max_length=150, validators=[validate_no_control_characters]
    )
    position = forms.CharField(
        label=_label(Contact, "position"),
        max_length=150,
        required=False,
        validators=[validate_no_control_characters],
    )
    department = forms.CharField(
        label=_label(Contact, "department"),
        max_length=150,
        required=False,
        validators=[validate_no_control_characters],
    )
    email = forms.EmailField(label=_label(Contact, "email"), max_length=254)
    phone = forms.CharField(
        label=_label(Contact, "phone"), max_length=40, required=False, validators=[phone_validator]
    )
    language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=settings.LANGUAGES,
        initial="en",
        help_text=_("The language the Secretariat writes to this person in."),
    )
    is_primary = forms.BooleanField(
        label=_label(Contact, "is_primary"),
        required=False,
        help_text=_("The person the Secretariat writes to first. A city has one main contact."),
    )
    is_public = forms.BooleanField(
        label=_label(Contact, "is_public"),
        required=False,
        help_text=Contact._meta.get_field("is_public").help_text,
    )

    @classmethod
    def initial_for(cls, contact: Contact) -> dict:
        return {field: getattr(contact, field) for field in CONTACT_FIELDS}

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def values(self) -> dict:
        return {field: self.cleaned_data[field] for field in CONTACT_FIELDS}
