"""The jury API's representations: a juror's items, their reviews and, from the deliberation on, the
jury's scores, aggregates and discussion (``reviews.api.views`` builds them from the domain's queries).

Scores and totals are decimal numbers sent as strings (``"7.50"``), so no precision is lost.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from educities.reviews.enums import ReviewPhase

REVIEW_STATES = [
    ("not_started", "not_started"),
    ("draft", "draft"),
    ("complete", "complete"),
]


class ProcessRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    phase = serializers.ChoiceField(choices=ReviewPhase.choices)
    phase_label = serializers.CharField(help_text=_("The phase in the language of the request."))
    scale_min = serializers.IntegerField(help_text=_("The lowest score."))
    scale_max = serializers.IntegerField(help_text=_("The highest score."))


class CityRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    country = serializers.CharField(help_text=_("ISO code of the city's country."))


class SubjectRefSerializer(serializers.Serializer):
    type = serializers.CharField(
        help_text=_("What the item is about, as app_label.model (e.g. awards.application).")
    )
    id = serializers.IntegerField()
    url = serializers.CharField(
        allow_null=True, help_text=_("A page about the subject that the caller may open, if there is one.")
    )


class CriterionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    position = serializers.IntegerField()
    name = serializers.CharField(help_text=_("In the language of the request when translated."))
    description = serializers.CharField()
    weight = serializers.DecimalField(max_digits=5, decimal_places=2)


class ScoreSerializer(serializers.Serializer):
    criterion = serializers.IntegerField(help_text=_("The criterion's id."))
    value = serializers.DecimalField(
        max_digits=5,
        decimal_places=2,
        allow_null=True,
        help_text=_("Empty when not scored or not applicable."),
    )
    not_applicable = serializers.BooleanField(help_text=_("Left out of the total, never counted as zero."))
    comment = serializers.CharField()


class JurorRefSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text=_("The juror's id in this review process."))
    name = serializers.CharField()


class ReviewSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    juror = JurorRefSerializer()
    is_mine = serializers.BooleanField()
    version = serializers.IntegerField(
        help_text=_("Grows with every save; the scoring form sends the version it was loaded with.")
    )
    state = serializers.ChoiceField(choices=REVIEW_STATES)
    total = serializers.DecimalField(
        max_digits=7,
        decimal_places=3,
        allow_null=True,
        help_text=_("Weighted mean of the scored criteria."),
    )
    comment = serializers.CharField()
    submitted_at = serializers.DateTimeField(allow_null=True, help_text=_("When it was marked complete."))
    updated_at = serializers.DateTimeField()
    is_outlier = serializers.BooleanField(
        help_text=_("Its total is far from the other jurors' (from the deliberation on).")
    )
    scores = ScoreSerializer(many=True)


class CriterionMeanSerializer(serializers.Serializer):
    criterion = serializers.IntegerField()
    mean = serializers.DecimalField(max_digits=7, decimal_places=3, allow_null=True)


class AggregateSerializer(serializers.Serializer):
    reviews = serializers.IntegerField(help_text=_("Reviews counted (those with a total)."))
    mean = serializers.DecimalField(max_digits=7, decimal_places=3, allow_null=True)
    median = serializers.DecimalField(max_digits=7, decimal_places=3, allow_null=True)
    stdev = serializers.DecimalField(max_digits=7, decimal_places=3, allow_null=True)
    spread = serializers.DecimalField(
        max_digits=7, decimal_places=3, allow_null=True, help_text=_("Highest total minus lowest.")
    )
    is_divergent = serializers.BooleanField(
        help_text=_("The spread is larger than the process's outlier threshold.")
    )
    outlier_review_ids = serializers.ListField(child=serializers.IntegerField())
    criterion_means = CriterionMeanSerializer(many=True)


class NoteSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    parent = serializers.IntegerField(allow_null=True, help_text=_("The note this one replies to."))
    author = serializers.CharField()
    body = serializers.CharField()
    created_at = serializers.DateTimeField()


class JuryItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    is_active = serializers.BooleanField(help_text=_("False once withdrawn: kept, out of the ranking."))
    process = ProcessRefSerializer()
    city = CityRefSerializer(allow_null=True, help_text=_("The city that proposed it."))
    subject = SubjectRefSerializer()
    is_assigned = serializers.BooleanField(help_text=_("The caller is assigned to score it."))
    can_score = serializers.BooleanField(help_text=_("The caller may change their scores of it now."))
    my_review = ReviewSerializer(allow_null=True, help_text=_("The caller's own review, if started."))
    reviews = ReviewSerializer(
        many=True,
        help_text=_(
            "The reviews the caller may see: their own during blind scoring; from the deliberation on, "
            "every review of a juror without a conflict of interest."
        ),
    )
    aggregate = AggregateSerializer(
        allow_null=True, help_text=_("Mean, median, spread and outliers (from the deliberation on).")
    )


class JuryItemDetailSerializer(JuryItemSerializer):
    criteria = CriterionSerializer(many=True)
    notes = NoteSerializer(
        many=True,
        help_text=_("The deliberation, replies after the note they answer (from the deliberation on)."),
    )
