"""Forms of a city's award pages: applying, the application (language, experience, answers), the mayor's
letter and withdrawing. They parse input; the domain (``awards.domain.applications``) checks it again and
saves. Answers keep their line breaks (sent as ``\\n``, so a character is counted once whatever the
browser sent) and refuse every other control character.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from educities.awards.models import OFFICIAL_LANGUAGE_CHOICES
from educities.core.validators import has_control_characters, validate_no_control_characters
from educities.experiences.enums import TITLE_MAX_LENGTH

ANSWER_PREFIX = "answer_"
_NEWLINES = re.compile(r"\r\n?")


def _experience_choices(experiences) -> list[tuple[str, str]]:
    return [("", _("— choose an experience —"))] + [
        (str(experience.pk), f"{experience.title} ({experience.get_status_display()})")
        for experience in experiences
    ]


class CityChoiceForm(forms.Form):
    """Which of the user's cities applies (only shown when they may apply for several)."""

    city = forms.TypedChoiceField(label=_("City"), coerce=int)

    def __init__(self, *args, cities, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["city"].choices = [(city.pk, str(city.name)) for city in cities]


class ApplyForm(forms.Form):
    """Link an experience the city already has in the bank, or start a new one (a draft) by its title."""

    experience = forms.TypedChoiceField(
        label=_("An experience of the bank"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("Experiences already proposed to this edition are not listed."),
    )
    new_experience_title = forms.CharField(
        label=_("Or the title of a new experience"),
        required=False,
        max_length=TITLE_MAX_LENGTH,
        validators=[validate_no_control_characters],
        widget=forms.TextInput(attrs={"maxlength": TITLE_MAX_LENGTH}),
        help_text=_(
            "It is saved in the bank of experiences as a draft: you complete it in the experiences editor."
        ),
    )
    language = forms.ChoiceField(
        label=_("Language of the application"),
        choices=OFFICIAL_LANGUAGE_CHOICES,
        help_text=_("Answers are written in one of the association's official languages."),
    )

    def __init__(self, *args, experiences, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.experiences = {experience.pk: experience for experience in experiences}
        self.fields["experience"].choices = _experience_choices(experiences)

    def clean_new_experience_title(self) -> str:
        return (self.cleaned_data.get("new_experience_title") or "").strip()

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("experience")
        title = cleaned.get("new_experience_title")
        if "experience" in self.errors or "new_experience_title" in self.errors:
            return cleaned
        if chosen and title:
            raise ValidationError(
                _("Choose an experience of the bank or write the title of a new one, not both."),
                code="both",
            )
        if not chosen and not title:
            raise ValidationError(
                _("Choose an experience of the bank or write the title of a new one."), code="neither"
            )
        return cleaned

    def chosen_experience(self):
        pk = self.cleaned_data.get("experience")
        return self.experiences.get(pk) if pk else None


class ApplicationForm(forms.Form):
    """A draft application: its language, its experience and one answer per question of the edition.

    ``questions`` is a list of ``(question, text, guidance)`` in the edition's order, where ``text`` and
    ``guidance`` are what the reader sees (their language, else the original).
    """

    language = forms.ChoiceField(label=_("Language of the application"), choices=OFFICIAL_LANGUAGE_CHOICES)
    experience = forms.TypedChoiceField(label=_("Experience"), coerce=int)

    def __init__(self, *args, experiences, questions, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.experiences = {experience.pk: experience for experience in experiences}
        self.fields["experience"].choices = _experience_choices(experiences)
        self.questions = [question for question, _text, _guidance in questions]
        for question, text, guidance in questions:
            limit = question.max_chars
            help_text = str(guidance)
            self.fields[f"{ANSWER_PREFIX}{question.pk}"] = forms.CharField(
                label=str(text),
                required=False,
                strip=True,
                help_text=help_text,
                widget=forms.Textarea(attrs={"rows": 8, "maxlength": limit}),
            )

    def answer_fields(self):
        """``(question, bound field)`` pairs in the edition's order, for the template."""
        return [(question, self[f"{ANSWER_PREFIX}{question.pk}"]) for question in self.questions]

    def clean(self):
        cleaned = super().clean()
        for question in self.questions:
            key = f"{ANSWER_PREFIX}{question.pk}"
            if key not in cleaned:
                continue
            text = _NEWLINES.sub("\n", cleaned[key] or "")
            if has_control_characters(text.replace("\n", "").replace("\t", "")):
                self.add_error(
                    key,
                    ValidationError(
                        _("Remove the control characters from this answer (line breaks are fine)."),
                        code="control_characters",
                    ),
                )
                continue
            if len(text) > question.max_chars:
                self.add_error(
                    key,
                    ValidationError(
                        _("At most %(max)s characters (this answer has %(count)s)."),
                        code="too_long",
                        params={"max": question.max_chars, "count": len(text)},
                    ),
                )
                continue
            cleaned[key] = text
        return cleaned

    def chosen_experience(self):
        return self.experiences.get(self.cleaned_data.get("experience"))

    def answers(self) -> dict[int, str]:
        return {
            question.pk: self.cleaned_data[f"{ANSWER_PREFIX}{question.pk}"] for question in self.questions
        }

    def add_answer_errors(self, errors: dict[int, str]) -> None:
        """The domain's errors per question id → the answer fields."""
        for question_id, message in errors.items():
            key = f"{ANSWER_PREFIX}{question_id}"
            self.add_error(key if key in self.fields else None, message)


class LetterForm(forms.Form):
    letter = forms.FileField(
        label=_("Letter from the mayor (PDF)"),
        help_text=_("A signed letter supporting the application, as a PDF document."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["letter"].widget.attrs["accept"] = "application/pdf,.pdf"


class WithdrawForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, withdraw this application"),
        help_text=_("A withdrawn application cannot be submitted again."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
