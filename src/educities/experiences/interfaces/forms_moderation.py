"""Forms of the moderation queue and the translators' workspace. They parse input only: the domain
decides what is allowed."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from educities.core.validators import validate_no_control_characters
from educities.experiences.domain.queries_moderation import (
    KIND_EXPERIENCE,
    KIND_REVISION,
    MODERATION_EXPERIENCE_STEPS,
    MODERATION_STATES,
)
from educities.experiences.domain.queries_translation import TRANSLATION_NEEDS
from educities.experiences.enums import ExperienceStatus

COMMENT_MAX_LENGTH = 5000
# A translation of a rich text can be as long as the text itself (values.RICH_MAX_LENGTH).
TRANSLATION_MAX_LENGTH = 60_000
MODERATION_ACTIONS = (*MODERATION_EXPERIENCE_STEPS, "feature", "unfeature")


def _language_choices(empty_label=None) -> list[tuple[str, str]]:
    choices = [(code, _(name)) for code, name in settings.LANGUAGES]
    return [("", empty_label), *choices] if empty_label is not None else choices


class ModerationFilterForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[
            ("", pgettext_lazy("moderation kind", "All")),
            (KIND_EXPERIENCE, _("New experiences")),
            (KIND_REVISION, _("Changes to published experiences")),
        ],
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    language = forms.ChoiceField(label=_("Original language"), required=False)

    def __init__(self, *args, countries=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [
            ("", pgettext_lazy("moderation state", "All")),
            *((state, ExperienceStatus(state).label) for state in MODERATION_STATES),
        ]
        self.fields["country"].choices = [
            ("", pgettext_lazy("country", "All")),
            *((str(country.code), country.name) for country in countries),
        ]
        self.fields["language"].choices = _language_choices(pgettext_lazy("language", "All"))


class ModerationActionForm(forms.Form):
    """One step on the moderation page: which one, on what (the experience or its open revision), why."""

    action = forms.ChoiceField(choices=[(action, action) for action in MODERATION_ACTIONS])
    revision = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Comment to the city"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["action"].error_messages["invalid_choice"] = _("This step does not exist.")


class TranslationQueueFilterForm(forms.Form):
    language = forms.ChoiceField(label=_("Language to translate into"), required=False)
    state = forms.ChoiceField(
        label=_("Translation state"),
        required=False,
        choices=[("", _("Everything that needs a translator")), *TRANSLATION_NEEDS],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = _language_choices()


class TranslationActionForm(forms.Form):
    """Save a translation of one text, mark a machine translation as reviewed, or ask the machine."""

    action = forms.ChoiceField(choices=[("save", "save"), ("review", "review"), ("request", "request")])
    field = forms.CharField(required=False, max_length=64, validators=[validate_no_control_characters])
    text = forms.CharField(
        required=False, max_length=TRANSLATION_MAX_LENGTH, strip=False, widget=forms.Textarea
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["action"].error_messages["invalid_choice"] = _("This step does not exist.")
