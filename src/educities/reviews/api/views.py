"""The jury API under /api/v1/jury/: a juror's items with their own review and, from the deliberation on,
every visible review, the aggregates and the discussion. Read only.

Sign in with a personal API token (``Authorization: Bearer …``) or the session. The rules are those of
the jurors' pages (``reviews/rules.py``): no token is a 401; an item the caller may not see — a juror
conflicted with it, a juror of another item during blind scoring, anyone else — is a 404, so that no
one learns it exists; the list holds only the items the caller may see (empty for someone who sits on
no jury).
"""

from django.db.models import prefetch_related_objects
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from educities.core.domain.translations_queries import translations_prefetch
from educities.members.api.pagination import ApiPagination
from educities.members.models import Country
from educities.reviews.api.serializers import JuryItemDetailSerializer, JuryItemSerializer
from educities.reviews.domain.queries import (
    item_notes,
    items_reviews_visible,
    jury_items_for,
    process_aggregates,
    processes_of_user,
)
from educities.reviews.models import Criterion, ReviewItem
from educities.reviews.rules import jury_seat
from educities.reviews.subjects import subject_type, subject_url

ID_MAX = 2**63 - 1


class JuryErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


NOT_SIGNED_IN = OpenApiResponse(
    JuryErrorSerializer,
    description=gettext_lazy("No token, or a token that is malformed, revoked or expired."),
)
NOT_FOUND = OpenApiResponse(
    JuryErrorSerializer,
    description=gettext_lazy("No item you may see has this id (a conflicted juror gets this too)."),
)
ITEM_ID = OpenApiParameter(
    "id", OpenApiTypes.INT, OpenApiParameter.PATH, description=gettext_lazy("The item's id.")
)


class JuryItemListParamsSerializer(serializers.Serializer):
    process = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=ID_MAX,
        help_text=gettext_lazy("Only the items of this review process (its id)."),
    )


class JuryItemPagination(ApiPagination):
    page_size = 50


def _language() -> str:
    return (translation.get_language() or "en").split("-")[0]


def _review_state(review) -> str:
    return "complete" if review.submitted_at is not None else "draft"


def _review(review, *, reviewer_id, outliers: set[int]) -> dict:
    user = review.reviewer.user
    return {
        "id": review.pk,
        "juror": {"id": review.reviewer_id, "name": user.get_full_name() or user.email},
        "is_mine": review.reviewer_id == reviewer_id,
        "version": review.version,
        "state": _review_state(review),
        "total": review.total,
        "comment": review.comment,
        "submitted_at": review.submitted_at,
        "updated_at": review.updated_at,
        "is_outlier": review.pk in outliers,
        "scores": [
            {
                "criterion": score.criterion_id,
                "value": score.value,
                "not_applicable": score.not_applicable,
                "comment": score.comment,
            }
            for score in review.scores.all()
        ],
    }


def _aggregate(aggregate, criteria: list) -> dict | None:
    if aggregate is None:
        return None
    return {
        "reviews": aggregate.reviews,
        "mean": aggregate.mean,
        "median": aggregate.median,
        "stdev": aggregate.stdev,
        "spread": aggregate.spread,
        "is_divergent": aggregate.is_divergent,
        "outlier_review_ids": sorted(aggregate.outlier_review_ids),
        "criterion_means": [
            {"criterion": criterion.pk, "mean": aggregate.criterion_means.get(criterion.pk)}
            for criterion in criteria
        ],
    }


class JuryItemsViewSet(viewsets.GenericViewSet):
    permission_classes = (IsAuthenticated,)
    pagination_class = JuryItemPagination
    serializer_class = JuryItemSerializer
    http_method_names = ["get", "head"]
    filter_backends = ()
    queryset = ReviewItem.objects.none()  # for the schema's path parameter; reads go through the domain
    lookup_value_regex = "[0-9]{1,19}"

    def _item(self, item, *, process, aggregates, criteria, countries, reviews) -> dict:
        user = self.request.user
        item.process = process
        seat = jury_seat(user, process.pk)
        can_view_scores = user.has_perm("reviews.view_scores", item)
        aggregate = aggregates.get(item.pk) if can_view_scores else None
        outliers = aggregate.outlier_review_ids if aggregate is not None else set()
        payload_reviews = [_review(r, reviewer_id=seat.reviewer_id, outliers=outliers) for r in reviews]
        mine = next((review for review in payload_reviews if review["is_mine"]), None)
        city = item.city
        return {
            "id": item.pk,
            "title": item.title,
            "is_active": item.is_active,
            "process": {
                "id": process.pk,
                "name": process.name,
                "phase": process.phase,
                "phase_label": process.get_phase_display(),
                "scale_min": process.scale_min,
                "scale_max": process.scale_max,
            },
            "city": None
            if city is None
            else {"id": city.pk, "name": city.name, "country": str(countries[city.country_id].code)},
            "subject": {
                "type": subject_type(item),
                "id": item.object_id,
                "url": subject_url(item=item, request=self.request),
            },
            "is_assigned": item.pk in seat.assigned,
            "can_score": user.has_perm("reviews.score_item", item),
            "my_review": mine,
            "reviews": payload_reviews,
            "aggregate": _aggregate(aggregate, criteria),
        }

    @extend_schema(
        summary=gettext_lazy("My jury items"),
        description=gettext_lazy(
            "The items of the review processes the caller sits on that they may see: the items assigned "
            "to them during blind scoring, every item from the deliberation on — never one they have a "
            "conflict of interest with. Each comes with the caller's own review and, from the "
            "deliberation on, every visible review and the aggregates."
        ),
        tags=["jury"],
        parameters=[
            JuryItemListParamsSerializer,
            OpenApiParameter("page", OpenApiTypes.INT, description=gettext_lazy("Page number (from 1).")),
            OpenApiParameter(
                "page_size",
                OpenApiTypes.INT,
                description=gettext_lazy("Number of results per page, from 1 to 200 (default 50)."),
            ),
        ],
        responses={
            200: JuryItemSerializer(many=True),
            400: OpenApiResponse(description=gettext_lazy("A parameter is not valid.")),
            401: NOT_SIGNED_IN,
        },
    )
    def list(self, request):
        params = JuryItemListParamsSerializer(
            data={k: v for k, v in request.query_params.items() if k == "process"}
        )
        if not params.is_valid():
            raise ValidationError(params.errors)
        wanted = params.validated_data.get("process")
        results = []
        for process in processes_of_user(user=request.user):
            if wanted is not None and process.pk != wanted:
                continue
            rows = jury_items_for(process=process, user=request.user)
            if not rows:
                continue
            aggregates = process_aggregates(process=process)
            criteria = list(Criterion.objects.filter(process=process).order_by("position"))
            countries = Country.objects.in_bulk({row.item.city.country_id for row in rows if row.item.city})
            for row in rows:
                row.item.process = process
            prefetch_related_objects([row.item for row in rows], "subject")
            reviews = items_reviews_visible(items=[row.item for row in rows], user=request.user)
            results.extend(
                self._item(
                    row.item,
                    process=process,
                    aggregates=aggregates,
                    criteria=criteria,
                    countries=countries,
                    reviews=reviews[row.item.pk],
                )
                for row in rows
            )
        page = self.paginate_queryset(results)
        return self.get_paginated_response(JuryItemSerializer(page, many=True).data)

    @extend_schema(
        summary=gettext_lazy("One jury item"),
        description=gettext_lazy(
            "An item the caller may see, with the criteria, the caller's own review and, from the "
            "deliberation on, every visible review, the aggregates and the discussion."
        ),
        tags=["jury"],
        parameters=[ITEM_ID],
        responses={200: JuryItemDetailSerializer, 401: NOT_SIGNED_IN, 404: NOT_FOUND},
    )
    def retrieve(self, request, pk=None):
        item = (
            ReviewItem.objects.select_related("process", "city__country", "content_type")
            .filter(pk=pk)
            .first()
            if pk is not None and pk.isascii() and pk.isdigit() and int(pk) <= ID_MAX
            else None
        )
        if item is None or not request.user.has_perm("reviews.view_item", item):
            raise NotFound(_("No item you may see has this id."))
        process = item.process
        criteria = list(Criterion.objects.filter(process=process).order_by("position"))
        can_view_scores = request.user.has_perm("reviews.view_scores", item)
        aggregates = process_aggregates(process=process) if can_view_scores else {}
        countries = {item.city.country_id: item.city.country} if item.city else {}
        payload = self._item(
            item,
            process=process,
            aggregates=aggregates,
            criteria=criteria,
            countries=countries,
            reviews=items_reviews_visible(items=[item], user=request.user)[item.pk],
        )
        texts = translations_prefetch(objects=criteria, fields=("name", "description"), language=_language())
        payload["criteria"] = [
            {
                "id": criterion.pk,
                "position": criterion.position,
                "name": str(texts[(criterion.pk, "name")]) if texts else criterion.name,
                "description": str(texts[(criterion.pk, "description")]) if texts else criterion.description,
                "weight": criterion.weight,
            }
            for criterion in criteria
        ]
        payload["notes"] = (
            [
                {
                    "id": note.pk,
                    "parent": note.parent_id,
                    "author": note.author.get_full_name() or note.author.email,
                    "body": note.body,
                    "created_at": note.created_at,
                }
                for note in item_notes(item=item)
            ]
            if can_view_scores
            else []
        )
        return Response(JuryItemDetailSerializer(payload).data)
