"""Forms a network coordinator uses on the network's management page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from educities.members.enums import NetworkRole
from educities.members.models import City


class NetworkProfileForm(forms.Form):
    acronym = forms.CharField(label=_("Acronym"), max_length=20, required=False)
    description = forms.CharField(
        label=_("Description"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    website = forms.URLField(label=_("Website"), max_length=200, required=False, assume_scheme="https")


class NetworkMemberForm(forms.Form):
    city = forms.ModelChoiceField(label=_("Member city"), queryset=City.objects.none())
    role = forms.ChoiceField(
        label=_("Role in the network"), choices=NetworkRole.choices, initial=NetworkRole.MEMBER
    )

    def __init__(self, *args, cities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = cities
