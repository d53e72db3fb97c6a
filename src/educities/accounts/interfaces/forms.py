"""Forms of the account pages."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from educities.accounts.domain.tokens import NAME_MAX_LENGTH
from educities.core.validators import validate_no_control_characters

EXPIRY_CHOICES = [
    ("30", _("in 30 days")),
    ("90", _("in 90 days")),
    ("365", _("in a year")),
    ("never", _("never")),
]


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=NAME_MAX_LENGTH,
        validators=[validate_no_control_characters],
        help_text=_("What the token is for, such as the program that will use it."),
    )
    expires = forms.ChoiceField(label=_("Expires"), choices=EXPIRY_CHOICES, initial="90")

    def expires_at(self) -> datetime.datetime | None:
        value = self.cleaned_data["expires"]
        if value == "never":
            return None
        return timezone.now() + datetime.timedelta(days=int(value))
