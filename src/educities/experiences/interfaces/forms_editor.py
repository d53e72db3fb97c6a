"""Forms of the city editor's guided form. They parse input into the values dict
(experiences.domain.values); the domain checks it again (``experience_values_clean``) and saves.

Each step form has ``initial_for(values)`` (the working values → initial data), ``values()`` (cleaned
data → the keys of the step) and ``add_value_errors(errors)`` (the domain's errors per key → the fields).
"""

import re

from django import forms
from django.conf import settings
from django.utils.html import escape
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from educities.charter.models import CharterPrinciple, PrincipleGroup
from educities.core.richtext import RichTextField
from educities.experiences.domain.attachments import (
    ATTACHMENT_ALT_TEXT_MAX_LENGTH,
    ATTACHMENT_TITLE_MAX_LENGTH,
)
from educities.experiences.domain.values import LIST_MAX
from educities.experiences.enums import (
    SUMMARY_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    AttachmentKind,
    BudgetRange,
    Department,
    PartnerKind,
    SustainableDevelopmentGoal,
    TargetGroup,
    Theme,
)
from educities.experiences.models import Experience

# Blank rows offered after the partners and links already written.
BLANK_ROWS = 3
# How many row indexes a posted form is read for (more than the domain accepts, so it can say so).
ROWS_READ_MAX = LIST_MAX + 10


def _label(field: str):
    return capfirst(Experience._meta.get_field(field).verbose_name)


class ParagraphRichTextField(RichTextField):
    """A rich-text area that also takes plain text: paragraphs separated by a blank line become ``<p>``,
    and single line breaks ``<br>``. Text with HTML tags is kept as written (then sanitised)."""

    _PARAGRAPHS = re.compile(r"\n\s*\n")

    def to_python(self, value):
        value = super().to_python(value)
        if value and "<" not in value:
            text = value.replace("\r\n", "\n").replace("\r", "\n")
            paragraphs = [part.strip() for part in self._PARAGRAPHS.split(text) if part.strip()]
            value = "".join(f"<p>{escape(part).replace(chr(10), '<br>')}</p>" for part in paragraphs)
        return value


class StepForm(forms.Form):
    """A step of the guided form: the keys of the values dict it edits."""

    keys: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        # Errors of the lists (partners, links) that have no single field.
        self.list_errors: dict[str, list[str]] = {}

    @classmethod
    def initial_for(cls, values: dict) -> dict:
        return {key: values.get(key) for key in cls.keys}

    def values(self) -> dict:
        return {key: self.cleaned_data.get(key) for key in self.keys}

    def add_value_errors(self, errors: dict[str, list[str]]) -> None:
        for key, messages in errors.items():
            for message in messages:
                if key in self.fields:
                    self.add_error(key, message)
                elif key in {"partners", "links"}:
                    self.list_errors.setdefault(key, []).append(message)
                else:
                    self.add_error(None, message)


class ExperienceNewForm(forms.Form):
    """The first page: the city (when the user edits several), the language and the title."""

    city = forms.TypedChoiceField(label=_("City"), coerce=int)
    original_language = forms.ChoiceField(
        label=_("Language it is written in"),
        choices=settings.LANGUAGES,
        help_text=_("Write in your own language: the experience is translated for readers of the others."),
    )
    title = forms.CharField(
        label=_label("title"),
        widget=forms.TextInput(attrs={"maxlength": TITLE_MAX_LENGTH}),
        help_text=_("A short, concrete title, e.g. “Children’s council for public space”."),
    )

    def __init__(self, *args, cities, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.cities = list(cities)
        self.fields["city"].choices = [(city.pk, str(city.name)) for city in self.cities]
        if len(self.cities) == 1:
            self.fields["city"].initial = self.cities[0].pk
            self.fields["city"].widget = forms.HiddenInput()

    def chosen_city(self):
        return next(city for city in self.cities if city.pk == self.cleaned_data["city"])

    def values(self) -> dict:
        return {
            "original_language": self.cleaned_data["original_language"],
            "title": self.cleaned_data["title"],
        }


class BasicsForm(StepForm):
    keys = (
        "original_language",
        "title",
        "summary",
        "start_date",
        "end_date",
        "is_ongoing",
        "budget_range",
    )

    original_language = forms.ChoiceField(label=_("Language it is written in"), choices=settings.LANGUAGES)
    title = forms.CharField(
        label=_label("title"), widget=forms.TextInput(attrs={"maxlength": TITLE_MAX_LENGTH})
    )
    summary = forms.CharField(
        label=_label("summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": SUMMARY_MAX_LENGTH}),
        help_text=_("Two or three sentences: what the city did, for whom, with what result. Plain text."),
    )
    start_date = forms.DateField(
        label=_label("start_date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end_date = forms.DateField(
        label=_label("end_date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leave empty if the experience is ongoing."),
    )
    is_ongoing = forms.BooleanField(label=_("The experience is ongoing"), required=False)
    budget_range = forms.ChoiceField(
        label=_label("budget_range"),
        required=False,
        choices=[("", pgettext_lazy("budget", "— not said —")), *BudgetRange.choices],
    )

    def values(self) -> dict:
        values = super().values()
        for key in ("start_date", "end_date"):
            values[key] = values[key].isoformat() if values[key] else None
        values["is_ongoing"] = bool(values["is_ongoing"])
        return values


_RICH_HELP = _(
    "Leave a blank line between paragraphs. You may also use simple HTML: paragraphs, lists, bold, "
    "italics, headings, tables and links; anything else is removed."
)


class DescriptionForm(StepForm):
    keys = ("context", "objectives", "actions", "results", "lessons")

    context = ParagraphRichTextField(
        label=_label("context"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("The situation the city started from: the need, the people concerned."),
    )
    objectives = ParagraphRichTextField(
        label=_label("objectives"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    actions = ParagraphRichTextField(
        label=_label("actions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("What was done, by whom and how; the departments and partners involved."),
    )
    results = ParagraphRichTextField(
        label=_label("results"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What changed, with figures where you have them, and how it was evaluated."),
    )
    lessons = ParagraphRichTextField(
        label=_label("lessons"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What others should know to do the same in their city."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.help_text = f"{field.help_text} {_RICH_HELP}" if field.help_text else _RICH_HELP


def _checkboxes(label, choices, help_text=""):
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
    )


class ClassificationForm(StepForm):
    keys = ("themes", "target_groups", "sdgs", "principles", "departments")

    themes = _checkboxes(_("Themes"), Theme.choices)
    target_groups = _checkboxes(_("Target groups"), TargetGroup.choices)
    sdgs = _checkboxes(_("UN Sustainable Development Goals"), SustainableDevelopmentGoal.choices)
    principles = _checkboxes(
        _("Principles of the Charter of Educating Cities"),
        [],
        help_text=_("The principles this experience puts into practice."),
    )
    departments = _checkboxes(
        _("Municipal departments involved"),
        Department.choices,
        help_text=_("Work across departments is a value of the Charter: name every department involved."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.principles_list = list(CharterPrinciple.objects.order_by("number"))
        self.fields["principles"].choices = [
            (str(principle.number), str(principle)) for principle in self.principles_list
        ]

    @classmethod
    def initial_for(cls, values: dict) -> dict:
        initial = super().initial_for(values)
        initial["principles"] = [str(number) for number in values.get("principles") or []]
        return initial

    def principle_groups(self) -> list[tuple[str, list]]:
        """The principle checkboxes grouped as the Charter groups them: (group label, [subwidgets])."""
        group_of = {str(principle.number): principle.group for principle in self.principles_list}
        groups: dict[str, list] = {value: [] for value in PrincipleGroup.values}
        for subwidget in self["principles"].subwidgets:
            groups.setdefault(group_of.get(str(subwidget.data["value"]), ""), []).append(subwidget)
        labels = dict(PrincipleGroup.choices)
        return [(labels.get(group, ""), widgets) for group, widgets in groups.items() if widgets]

    def values(self) -> dict:
        values = super().values()
        values["principles"] = [int(number) for number in values["principles"] or []]
        return values


class PeopleForm(StepForm):
    """The contact person (one of the city's contacts who agreed to be shown), partners and links.

    Partners and links are rows of fields (``partner_<n>_name``...); rows left blank are ignored.
    """

    keys = ("contact", "partners", "links")

    contact = forms.TypedChoiceField(
        label=_("Contact person"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_(
            "Only the city’s contacts who agreed to be shown publicly are listed. Add or change contacts "
            "on the city’s profile page."
        ),
    )

    def __init__(self, *args, city, partner_rows: int = BLANK_ROWS, link_rows: int = BLANK_ROWS, **kwargs):
        super().__init__(*args, **kwargs)
        self.city = city
        contacts = city.contacts.filter(is_public=True).order_by("full_name", "pk")
        self.fields["contact"].choices = [
            ("", pgettext_lazy("contact", "— none —")),
            *[
                (
                    contact.pk,
                    f"{contact.full_name} ({contact.position})" if contact.position else contact.full_name,
                )
                for contact in contacts
            ],
        ]
        if self.is_bound:
            partner_rows = self._rows_posted("partner", "name", "kind")
            link_rows = self._rows_posted("link", "url", "label")
        self.partner_rows, self.link_rows = partner_rows, link_rows
        kinds = [("", pgettext_lazy("partner kind", "— choose —")), *PartnerKind.choices]
        for index in range(partner_rows):
            self.fields[f"partner_{index}_name"] = forms.CharField(
                label=_("Name of partner %(number)s") % {"number": index + 1},
                required=False,
                widget=forms.TextInput(attrs={"maxlength": 200}),
            )
            self.fields[f"partner_{index}_kind"] = forms.ChoiceField(
                label=_("Kind of partner %(number)s") % {"number": index + 1}, required=False, choices=kinds
            )
        for index in range(link_rows):
            self.fields[f"link_{index}_url"] = forms.CharField(
                label=_("Address of link %(number)s") % {"number": index + 1},
                required=False,
                widget=forms.URLInput(attrs={"maxlength": 500, "placeholder": "https://"}),
            )
            self.fields[f"link_{index}_label"] = forms.CharField(
                label=_("Label of link %(number)s") % {"number": index + 1},
                required=False,
                widget=forms.TextInput(attrs={"maxlength": 200}),
            )

    def _rows_posted(self, prefix: str, *names: str) -> int:
        posted = [
            index
            for index in range(ROWS_READ_MAX)
            if any(f"{prefix}_{index}_{name}" in self.data for name in names)
        ]
        return max(posted, default=-1) + 1

    @classmethod
    def initial_for(cls, values: dict) -> dict:
        initial = {"contact": values.get("contact")}
        for index, partner in enumerate(values.get("partners") or []):
            initial[f"partner_{index}_name"] = partner.get("name", "")
            initial[f"partner_{index}_kind"] = partner.get("kind", "")
        for index, link in enumerate(values.get("links") or []):
            initial[f"link_{index}_url"] = link.get("url", "")
            initial[f"link_{index}_label"] = link.get("label", "")
        return initial

    @classmethod
    def rows_for(cls, values: dict) -> dict:
        """How many rows to show: those written and a few blank ones (within the domain's limit)."""
        return {
            "partner_rows": min(len(values.get("partners") or []) + BLANK_ROWS, LIST_MAX),
            "link_rows": min(len(values.get("links") or []) + BLANK_ROWS, LIST_MAX),
        }

    def partner_fields(self) -> list[tuple]:
        return [(self[f"partner_{i}_name"], self[f"partner_{i}_kind"]) for i in range(self.partner_rows)]

    def link_fields(self) -> list[tuple]:
        return [(self[f"link_{i}_url"], self[f"link_{i}_label"]) for i in range(self.link_rows)]

    def clean(self):
        cleaned = super().clean()
        for index in range(self.link_rows):
            url = (cleaned.get(f"link_{index}_url") or "").strip()
            if not url and (cleaned.get(f"link_{index}_label") or "").strip():
                self.list_errors.setdefault("links", []).append(
                    _("Link %(number)s: enter a web address starting with http:// or https://.")
                    % {"number": index + 1}
                )
        if self.list_errors:
            # No single field is wrong: the errors show above the rows.
            self.add_error(None, _("Some rows of partners or links need a correction."))
        return cleaned

    def values(self) -> dict:
        data = self.cleaned_data
        partners = [
            {"name": data[f"partner_{i}_name"].strip(), "kind": data[f"partner_{i}_kind"]}
            for i in range(self.partner_rows)
            if data[f"partner_{i}_name"].strip()
        ]
        links = [
            {"url": data[f"link_{i}_url"].strip(), "label": data[f"link_{i}_label"].strip()}
            for i in range(self.link_rows)
            if data[f"link_{i}_url"].strip() or data[f"link_{i}_label"].strip()
        ]
        return {"contact": data.get("contact"), "partners": partners, "links": links}


class AttachmentForm(forms.Form):
    """One file to attach: a PDF document, or an image with its alternative text."""

    kind = forms.ChoiceField(choices=AttachmentKind.choices, widget=forms.HiddenInput)
    file = forms.FileField(label=_("File"))
    title = forms.CharField(
        label=_("Title"),
        widget=forms.TextInput(attrs={"maxlength": ATTACHMENT_TITLE_MAX_LENGTH}),
    )
    alt_text = forms.CharField(
        label=_("Alternative text"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": ATTACHMENT_ALT_TEXT_MAX_LENGTH}),
        help_text=_(
            "What the image shows, for people who cannot see it, e.g. “Children voting in the council”."
        ),
    )

    def __init__(self, *args, kind: str, **kwargs):
        kwargs.setdefault("label_suffix", "")
        kwargs.setdefault("auto_id", f"id_{kind}_%s")
        kwargs.setdefault("initial", {"kind": kind})
        super().__init__(*args, **kwargs)
        self.attachment_kind = kind
        if kind == AttachmentKind.IMAGE:
            self.fields["file"].label = _("Image (JPEG, PNG or WebP)")
            self.fields["file"].widget.attrs["accept"] = "image/jpeg,image/png,image/webp"
            self.fields["alt_text"].required = True
        else:
            self.fields["file"].label = _("PDF document")
            self.fields["file"].widget.attrs["accept"] = "application/pdf,.pdf"
            del self.fields["alt_text"]
        self.fields["file"].help_text = _("At most %(size)s MB.") % {
            "size": settings.UPLOAD_MAX_BYTES // (1024 * 1024)
        }
