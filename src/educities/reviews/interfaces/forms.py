"""Forms of the jurors' pages: the scoring form of one item, a deliberation note, a declared conflict.

They parse and type-check what the browser sends; the rules (scale, completeness, optimistic locking,
phases, permissions) are the domain's (``reviews.domain.scoring``, ``reviews.domain.jury``).
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from educities.reviews.domain.scoring import ScoreInput
from educities.reviews.enums import ConflictKind
from educities.reviews.models import Criterion, ReviewProcess, Score

COMMENT_MAX_LENGTH = 5000
OVERALL_COMMENT_MAX_LENGTH = 10000
NOTE_MAX_LENGTH = 10000
CONFLICT_NOTE_MAX_LENGTH = 2000
VERSION_MAX = 2_147_483_647

# The per-criterion fields: ``score_12``, ``na_12``, ``comment_12`` for the criterion with id 12.
CRITERION_FIELD = re.compile(r"^(score|na|comment)_(.*)$")


@dataclass(frozen=True)
class ScoreRow:
    """One line of the scoring form: a criterion, its three fields and what is stored for it."""

    criterion: Criterion
    score: forms.BoundField
    not_applicable: forms.BoundField
    comment: forms.BoundField
    stored: Score | None = None


def _plain(value: Decimal | None) -> str | None:
    """7.50 as "7.5", 10.00 as "10": what a juror would type."""
    return None if value is None else format(value.normalize(), "f")


def _field(prefix: str, criterion_id: int) -> str:
    return f"{prefix}_{criterion_id}"


class _Form(forms.Form):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class ScoreForm(_Form):
    """The juror's review of one item: per criterion a score (or "not applicable") and a comment; an
    overall comment; the version of the review the form was loaded with (optimistic locking)."""

    version = forms.IntegerField(min_value=0, max_value=VERSION_MAX, widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Overall comment"),
        required=False,
        max_length=OVERALL_COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, process: ReviewProcess, criteria: list[Criterion], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.process = process
        self.criteria = list(criteria)
        scale = {"low": process.scale_min, "high": process.scale_max}
        for criterion in self.criteria:
            self.fields[_field("score", criterion.pk)] = forms.DecimalField(
                label=_("Score"),
                required=False,
                min_value=Decimal(process.scale_min),
                max_value=Decimal(process.scale_max),
                max_digits=5,
                decimal_places=2,
                help_text=_("From %(low)s to %(high)s; decimals allowed, such as 7.5.") % scale,
                widget=forms.NumberInput(
                    attrs={"step": "any", "min": process.scale_min, "max": process.scale_max}
                ),
            )
            self.fields[_field("na", criterion.pk)] = forms.BooleanField(
                label=_("Not applicable"), required=False
            )
            self.fields[_field("comment", criterion.pk)] = forms.CharField(
                label=_("Comment"),
                required=False,
                max_length=COMMENT_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    @classmethod
    def initial_for(cls, review) -> dict:
        """The form's initial values from a stored review (or a new one: version 0)."""
        if review is None:
            return {"version": 0, "comment": ""}
        initial = {"version": review.version, "comment": review.comment}
        for score in review.scores.all():
            initial[_field("score", score.criterion_id)] = _plain(score.value)
            initial[_field("na", score.criterion_id)] = score.not_applicable
            initial[_field("comment", score.criterion_id)] = score.comment
        return initial

    def rows(self, stored=None) -> list[ScoreRow]:
        """The form's lines in criterion order, each with the stored score of ``stored`` (a review)."""
        scores = {score.criterion_id: score for score in stored.scores.all()} if stored is not None else {}
        return [
            ScoreRow(
                criterion=criterion,
                score=self[_field("score", criterion.pk)],
                not_applicable=self[_field("na", criterion.pk)],
                comment=self[_field("comment", criterion.pk)],
                stored=scores.get(criterion.pk),
            )
            for criterion in self.criteria
        ]

    def clean(self):
        cleaned = super().clean()
        # A field about a criterion that is not one of this process's: a forged or outdated form.
        unknown = sorted({key for key in self.data if CRITERION_FIELD.match(key) and key not in self.fields})
        if unknown:
            raise forms.ValidationError(
                _("The form names criteria that are not those of this review. Reload the page."),
                code="unknown_criterion",
            )
        for criterion in self.criteria:
            value = cleaned.get(_field("score", criterion.pk))
            if cleaned.get(_field("na", criterion.pk)) and value is not None:
                self.add_error(
                    _field("score", criterion.pk),
                    _("Give a score or tick “not applicable”, not both."),
                )
        return cleaned

    def score_inputs(self) -> dict[int, ScoreInput]:
        """``{criterion id: ScoreInput}`` for every criterion of the process (call once valid)."""
        data = self.cleaned_data
        return {
            criterion.pk: ScoreInput(
                value=None
                if data.get(_field("na", criterion.pk))
                else data.get(_field("score", criterion.pk)),
                not_applicable=bool(data.get(_field("na", criterion.pk))),
                comment=data.get(_field("comment", criterion.pk)) or "",
            )
            for criterion in self.criteria
        }

    def add_criterion_errors(self, errors: dict[int, str]) -> None:
        """Put the domain's messages per criterion beside the criterion's score."""
        for criterion_id, message in errors.items():
            name = _field("score", criterion_id)
            if name in self.fields:
                self.add_error(name, message)
            else:
                self.add_error(None, message)


class NoteForm(_Form):
    body = forms.CharField(
        label=_("Message"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    parent = forms.IntegerField(required=False, min_value=1, max_value=VERSION_MAX, widget=forms.HiddenInput)

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write a message."), code="required")
        return body


DECLARABLE_KINDS = [
    (ConflictKind.PERSONAL.value, ConflictKind.PERSONAL.label),
    (ConflictKind.PROFESSIONAL.value, ConflictKind.PROFESSIONAL.label),
]


class ConflictDeclareForm(_Form):
    kind = forms.ChoiceField(label=_("Kind of interest"), choices=DECLARABLE_KINDS, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("What links you to it"),
        required=False,
        max_length=CONFLICT_NOTE_MAX_LENGTH,
        help_text=_("Only the Secretariat reads this."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
