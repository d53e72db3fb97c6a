"""Forms of the Secretariat's jury pages (manage a process, rank its items). They parse input only: the
domain (``reviews/domain/``) decides what is allowed and refuses with a message."""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from educities.core.validators import validate_no_control_characters
from educities.members.models import City, Country
from educities.reviews.enums import PHASE_STEPS, ConflictKind

NOTE_MAX_LENGTH = 5000
WEIGHT_MAX = Decimal("999.99")  # Criterion.weight: max_digits=5, decimal_places=2
PER_ITEM_MAX = 50


class PhaseStepForm(forms.Form):
    step = forms.ChoiceField(choices=[(step, step) for step in PHASE_STEPS])
    comment = forms.CharField(
        label=_("Comment to the jurors (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["step"].error_messages["invalid_choice"] = _("This step does not exist.")


class CriterionForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, validators=[validate_no_control_characters])
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    # A text box: the weight is checked here, with one clear message, rather than by the browser.
    weight = forms.CharField(
        label=_("Weight"),
        max_length=12,
        initial="1",
        help_text=_("A number greater than zero, with at most two decimals (1, 1.5, 2…)."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 6}),
    )

    def clean_weight(self) -> Decimal:
        message = _(
            "The weight must be a number greater than 0 and at most %(max)s, with at most two decimals "
            "(1, 1.5, 2…)."
        ) % {"max": WEIGHT_MAX}
        try:
            weight = Decimal(self.cleaned_data["weight"].strip().replace(",", "."))
        except ArithmeticError:
            raise forms.ValidationError(message, code="invalid") from None
        if (
            not weight.is_finite()
            or weight <= 0
            or weight > WEIGHT_MAX
            or weight != weight.quantize(Decimal("0.01"))
        ):
            raise forms.ValidationError(message, code="invalid")
        return weight.quantize(Decimal("0.01"))


class CriterionAddForm(CriterionForm):
    language = forms.ChoiceField(label=_("Written in"), choices=settings.LANGUAGES)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(code, _(name)) for code, name in settings.LANGUAGES]
        self.fields["language"].initial = translation.get_language() or settings.LANGUAGE_CODE


class CityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: City) -> str:
        return f"{obj.name} ({obj.country.name})"


class CountryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Country) -> str:
        return obj.name


class ReviewerAddForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the juror's account"),
        max_length=254,
        help_text=_("The juror must already have an account on the platform."),
    )
    city = CityChoiceField(
        label=_("City"),
        queryset=City.objects.none(),
        required=False,
        empty_label=_("(none: an independent expert)"),
        help_text=_("Conflicts of interest are found from it: same city, same country, same network."),
    )
    country = CountryChoiceField(
        label=_("Country"),
        queryset=Country.objects.none(),
        required=False,
        empty_label=_("(the city's country)"),
    )
    organisation = forms.CharField(
        label=_("Organisation"), max_length=200, required=False, validators=[validate_no_control_characters]
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = City.objects.select_related("country").order_by("name", "pk")
        self.fields["country"].queryset = Country.objects.order_by("code")

    def clean_email(self):
        email = self.cleaned_data["email"]
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(
                _("No active account uses this e-mail address. Ask the person to sign up first."),
                code="unknown_user",
            )
        self.user = user
        return email


class ConflictAddForm(forms.Form):
    reviewer = forms.TypedChoiceField(label=_("Juror"), coerce=int)
    item = forms.TypedChoiceField(label=pgettext_lazy("review item", "Item"), coerce=int)
    kind = forms.ChoiceField(label=_("Kind"), choices=ConflictKind.choices, initial=ConflictKind.PROFESSIONAL)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, reviewers, items, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].choices = [(r.pk, str(r.user)) for r in reviewers]
        self.fields["item"].choices = [(i.pk, i.title) for i in items]
        self.reviewers = {r.pk: r for r in reviewers}
        self.items = {i.pk: i for i in items}
        for name in ("reviewer", "item", "kind"):
            self.fields[name].error_messages["invalid_choice"] = _("Choose one of the options of the list.")


class ConflictPinForm(forms.Form):
    pinned = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0")], coerce=lambda value: value == "1")


class ConflictRemoveForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (required)"), max_length=NOTE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = _("Say why this conflict of interest is removed.")


class AssignmentsBulkForm(forms.Form):
    """The checked cells of the matrix: ``pair`` = "<item id>:<juror id>", each of this process."""

    pair = forms.MultipleChoiceField(required=False)

    def __init__(self, *args, reviewers, items, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.reviewers = {r.pk: r for r in reviewers}
        self.items = {i.pk: i for i in items}
        self.fields["pair"].choices = [(f"{i}:{r}", f"{i}:{r}") for i in self.items for r in self.reviewers]
        self.fields["pair"].error_messages["invalid_choice"] = _(
            "A checked cell is not a juror and an item of this review."
        )

    def clean_pair(self) -> list[tuple[int, int]]:
        pairs = sorted({tuple(int(part) for part in value.split(":")) for value in self.cleaned_data["pair"]})
        if not pairs:
            raise forms.ValidationError(_("Check at least one cell to assign."), code="required")
        return pairs

    def by_reviewer(self) -> list[tuple]:
        """(juror, [items]) for the checked cells, jurors and items in a stable order."""
        grouped: dict[int, list[int]] = {}
        for item_id, reviewer_id in self.cleaned_data["pair"]:
            grouped.setdefault(reviewer_id, []).append(item_id)
        return [
            (self.reviewers[reviewer_id], [self.items[item_id] for item_id in item_ids])
            for reviewer_id, item_ids in sorted(grouped.items())
        ]


class AssignmentsAutoForm(forms.Form):
    per_item = forms.IntegerField(
        label=_("Jurors per item"),
        min_value=1,
        max_value=PER_ITEM_MAX,
        help_text=_("Every item in review gets at least this many jurors without a conflict of interest."),
        widget=forms.NumberInput(attrs={"size": 4}),
    )


class TieBreakForm(forms.Form):
    """The Secretariat's order of some tied items: a position per item (blank clears it) and one reason."""

    reason = forms.CharField(
        label=_("Reason for this order (required)"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, items, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.items = list(items)
        self.fields["reason"].error_messages["required"] = _("Say why the tied items are in this order.")
        for item in self.items:
            self.fields[f"rank_{item.pk}"] = forms.IntegerField(
                label=item.title,
                required=False,
                min_value=1,
                max_value=10_000,
                initial=item.tie_break_rank,
                widget=forms.NumberInput(attrs={"size": 4}),
            )

    def rank_fields(self) -> list:
        return [self[f"rank_{item.pk}"] for item in self.items]

    def ranks(self) -> list[tuple]:
        """(item, position or None) for each item of the form."""
        return [(item, self.cleaned_data.get(f"rank_{item.pk}")) for item in self.items]

    def clean(self):
        cleaned = super().clean()
        given = [rank for _item, rank in self.ranks() if rank is not None]
        if len(given) != len(set(given)):
            raise forms.ValidationError(_("Give each tied item a different position."), code="duplicate")
        return cleaned


class AssignmentRemoveForm(forms.Form):
    assignment = forms.IntegerField(min_value=1)
