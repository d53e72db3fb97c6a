"""The form a person fills in to register for an event. It parses input only: the domain
(``congresses.domain.registrations.registration_create``) checks everything again and decides.

The registration types are the event's public ones; the city represented is one of the member cities
(required for the types reserved to member cities); the event's own questions follow, one field each,
named ``question_<id>``.
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from educities.congresses.domain.common import MEMBER_CITY_STATES
from educities.congresses.domain.registrations import LONG_ANSWER_MAX, SHORT_ANSWER_MAX
from educities.congresses.models import RegistrationQuestion, RegistrationType
from educities.core.validators import validate_no_control_characters
from educities.members.models import City

QUESTION_PREFIX = "question_"


def _one_line(label, *, max_length: int = 200, required: bool = False, **kwargs) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        validators=[validate_no_control_characters],
        **kwargs,
    )


def member_city_choices() -> list:
    """Member cities grouped by country (names in the reader's language), in one query."""
    cities = (
        City.objects.filter(membership_status__in=MEMBER_CITY_STATES)
        .select_related("country")
        .order_by("name", "pk")
    )
    groups: dict[str, list[tuple[int, str]]] = {}
    for city in cities:
        groups.setdefault(city.country.name, []).append((city.pk, city.name))
    return [("", _("— the city you represent —"))] + [
        (country, options) for country, options in sorted(groups.items())
    ]


def _type_label(type_: RegistrationType) -> str:
    if type_.fee:
        return _("%(name)s — %(fee)s %(currency)s") % {
            "name": type_.name,
            "fee": type_.fee,
            "currency": type_.currency,
        }
    return _("%(name)s — free of charge") % {"name": type_.name}


def _question_field(question: RegistrationQuestion) -> forms.Field:
    required = question.is_required
    kind = question.kind
    if kind == RegistrationQuestion.Kind.YES_NO:
        return forms.ChoiceField(
            label=question.text,
            required=required,
            choices=[("yes", _("Yes")), ("no", _("No"))],
            widget=forms.RadioSelect,
        )
    if kind == RegistrationQuestion.Kind.CHOICE:
        options = [(str(choice), str(choice)) for choice in question.choices or []]
        return forms.ChoiceField(
            label=question.text, required=required, choices=[("", _("— choose —")), *options]
        )
    if kind == RegistrationQuestion.Kind.LONG_TEXT:
        return forms.CharField(
            label=question.text,
            required=required,
            max_length=LONG_ANSWER_MAX,
            widget=forms.Textarea(attrs={"rows": 4}),
        )
    return _one_line(question.text, max_length=SHORT_ANSWER_MAX, required=required)


class RegistrationForm(forms.Form):
    type = forms.TypedChoiceField(label=_("Registration type"), coerce=int, widget=forms.RadioSelect)
    name = _one_line(_("Full name"), required=True, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("Your confirmation, your badge and any change are sent to this address."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = _one_line(
        _("Organisation"), widget=forms.TextInput(attrs={"autocomplete": "organization"})
    )
    position_title = _one_line(
        pgettext_lazy("job", "Position"),
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    city = forms.TypedChoiceField(
        label=_("City represented"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("Required for the registration types of member cities."),
    )
    language = forms.ChoiceField(
        label=_("Language for e-mails"), choices=settings.LANGUAGES, initial=settings.LANGUAGE_CODE
    )

    def __init__(self, *args, types, questions, city_choices, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.types = {type_.pk: type_ for type_ in types}
        self.questions = list(questions)
        self.fields["type"].choices = [(type_.pk, _type_label(type_)) for type_ in types]
        if len(types) == 1:
            self.fields["type"].initial = types[0].pk
        self.fields["city"].choices = city_choices
        for question in self.questions:
            self.fields[f"{QUESTION_PREFIX}{question.pk}"] = _question_field(question)

    @property
    def question_fields(self) -> list:
        return [self[f"{QUESTION_PREFIX}{question.pk}"] for question in self.questions]

    @property
    def person_fields(self) -> list:
        return [
            self[name] for name in ("name", "email", "organisation", "position_title", "city", "language")
        ]

    def clean(self):
        cleaned = super().clean()
        type_ = self.types.get(cleaned.get("type"))
        if type_ is not None and type_.requires_member_city and not cleaned.get("city"):
            self.add_error(
                "city",
                _("“%(type)s” is for delegates of member cities: choose the member city you represent.")
                % {"type": type_.name},
            )
        return cleaned

    def chosen_type(self) -> RegistrationType | None:
        return self.types.get(self.cleaned_data.get("type"))

    def answers(self) -> dict[str, str]:
        """The answers by question id, as the domain takes them (unanswered questions left out)."""
        answers = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"{QUESTION_PREFIX}{question.pk}")
            if value not in (None, ""):
                answers[str(question.pk)] = value
        return answers

    def add_answer_errors(self, errors: dict[int, str]) -> None:
        """Show the domain's refusals of answers beside their questions."""
        for question_id, message in errors.items():
            name = f"{QUESTION_PREFIX}{question_id}"
            self.add_error(name if name in self.fields else None, message)


class ConfirmForm(forms.Form):
    """The confirmation step of cancelling a registration."""

    confirm = forms.BooleanField(
        label=_("Yes, cancel my registration"), required=True, error_messages={"required": _("Tick the box.")}
    )
