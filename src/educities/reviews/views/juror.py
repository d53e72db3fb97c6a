"""The jurors' pages: the processes they sit on, their dashboard, one item with its scoring form and,
from the deliberation on, every juror's scores and the discussion; declaring a conflict of interest.

Permissions (reviews/rules.py), the same on every page and in the jury API:

- anonymous visitors go to the sign-in page (302);
- ``jury/`` lists the processes the user sits on (an empty list with a word of explanation otherwise);
- ``jury/<process>/`` needs ``reviews.view_process`` (a juror of the process, or the Secretariat): else 403;
  an unknown process is 404;
- ``jury/items/<item>/...``: an item the user may not see (``reviews.view_item``) is **404** for everyone,
  whoever they are — a juror conflicted with it, a juror of another item in blind scoring, a city editor,
  any other signed-in user — so that no one learns that the item exists. Once the item is visible, an
  action the user may not take now (scoring after the deliberation, a note during blind scoring, a
  conflict once the deliberation started) is 403.

A form that does not validate shows the page again with its messages (400); a review saved meanwhile
in another tab or by another request shows the juror's input beside the stored values (409), so that
nothing is lost. Nothing is ever changed by a refused request.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from educities.core.domain.errors import DomainError, PermissionRefused
from educities.core.domain.translations_queries import translations_prefetch
from educities.reviews.domain import scoring
from educities.reviews.domain.jury import conflict_declare
from educities.reviews.domain.queries import (
    item_notes,
    item_reviews_visible,
    jury_items_for,
    process_aggregates,
    processes_of_user,
)
from educities.reviews.domain.scoring import ScoresInvalid, StaleReview, review_save
from educities.reviews.enums import ReviewPhase
from educities.reviews.interfaces.forms import ConflictDeclareForm, NoteForm, ScoreForm
from educities.reviews.models import Note, ReviewItem, ReviewProcess
from educities.reviews.rules import jury_seat, jury_seat_forget
from educities.reviews.subjects import subject_display, subject_html

# What each phase means for a juror (dashboard and item pages).
PHASE_HELP = {
    ReviewPhase.SETUP: gettext_lazy(
        "The Secretariat is preparing the jury: the items and who scores which may still change. "
        "Scoring has not opened yet."
    ),
    ReviewPhase.BLIND: gettext_lazy(
        "Score the items assigned to you. You see only your own scores: the other jurors' scores stay "
        "hidden until the deliberation. Declare any conflict of interest now."
    ),
    ReviewPhase.DELIBERATION: gettext_lazy(
        "Every juror without a conflict of interest sees every item, all the scores and the discussion. "
        "You can still change your own scores."
    ),
    ReviewPhase.DECISION: gettext_lazy(
        "The scores are final. The discussion stays open while the jury decides."
    ),
    ReviewPhase.CLOSED: gettext_lazy("The review is closed: everything can be read, nothing changes."),
}
REVIEW_STATE_LABELS = {
    "not_started": gettext_lazy("not started"),
    "draft": gettext_lazy("draft"),
    "complete": gettext_lazy("complete"),
}
CRITERION_TEXT_FIELDS = ("name", "description")


def _language() -> str:
    return (translation.get_language() or "en").split("-")[0]


def _process_or_403(request, process_id: int) -> ReviewProcess:
    process = get_object_or_404(ReviewProcess, pk=process_id)
    if not request.user.has_perm("reviews.view_process", process):
        raise PermissionDenied
    return process


def _visible_item(request, item_id: int) -> ReviewItem:
    """The item if the user may see it; 404 otherwise (never confirm that an item exists)."""
    item = (
        ReviewItem.objects.select_related("process", "city__country", "content_type")
        .filter(pk=item_id)
        .first()
    )
    if item is None or not request.user.has_perm("reviews.view_item", item):
        raise Http404(_("No item you may see has this number."))
    return item


def review_state(review) -> str:
    if review is None:
        return "not_started"
    return "complete" if review.submitted_at is not None else "draft"


# --- jury/ ------------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD"])
def home(request):
    return render(
        request,
        "reviews/juror/home.html",
        {"processes": processes_of_user(user=request.user)},
    )


# --- jury/<process>/ ----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD"])
def dashboard(request, process_id: int):
    process = _process_or_403(request, process_id)
    seat = jury_seat(request.user, process.pk)
    rows = []
    counts = dict.fromkeys(REVIEW_STATE_LABELS, 0)
    for row in jury_items_for(process=process, user=request.user):
        row.item.process = process  # the rules read the phase from it: no query per row
        counts[row.state] += 1
        rows.append(
            {
                "item": row.item,
                "review": row.review,
                "state": row.state,
                "state_label": REVIEW_STATE_LABELS[row.state],
                "is_assigned": row.is_assigned,
                "can_score": request.user.has_perm("reviews.score_item", row.item),
            }
        )
    return render(
        request,
        "reviews/juror/dashboard.html",
        {
            "process": process,
            "rows": rows,
            "is_juror": seat.reviewer_id is not None,
            "phase_help": PHASE_HELP.get(process.phase, ""),
            "state_labels": REVIEW_STATE_LABELS,
            "counts": counts,
            "can_declare": request.user.has_perm("reviews.declare_conflict", process),
        },
    )


# --- jury/items/<item>/ -------------------------------------------------------------------------------


def _criteria(process: ReviewProcess) -> list:
    return list(process.criteria.order_by("position"))


def _own_review(reviews: list, seat):
    if seat.reviewer_id is None:
        return None
    return next((review for review in reviews if review.reviewer_id == seat.reviewer_id), None)


def _item_page(request, item: ReviewItem, *, form=None, note_form=None, stale=None, status: int = 200):
    """Render the item page; ``form``/``note_form``: bound forms to show again; ``stale``: the review
    stored meanwhile (its values are shown beside the juror's input)."""
    user = request.user
    process = item.process
    seat = jury_seat(user, process.pk)
    criteria = _criteria(process)
    reviews = item_reviews_visible(item=item, user=user)
    own = _own_review(reviews, seat)
    can_score = user.has_perm("reviews.score_item", item)
    can_view_scores = user.has_perm("reviews.view_scores", item)
    can_note = user.has_perm("reviews.add_note", item)
    if can_score and form is None:
        form = ScoreForm(initial=ScoreForm.initial_for(own), process=process, criteria=criteria)
    others = [review for review in reviews if review is not own] if can_view_scores else []
    aggregate = process_aggregates(process=process).get(item.pk) if can_view_scores else None
    outliers = aggregate.outlier_review_ids if aggregate is not None else set()
    display = subject_display(item=item, request=request)
    context = {
        "item": item,
        "process": process,
        "phase_help": PHASE_HELP.get(process.phase, ""),
        "criteria": criteria,
        "translations": translations_prefetch(
            objects=criteria, fields=CRITERION_TEXT_FIELDS, language=_language()
        ),
        "subject": display,
        "subject_html": subject_html(display=display, request=request),
        "is_juror": seat.reviewer_id is not None,
        "own": own,
        "own_state": review_state(own),
        "own_state_label": REVIEW_STATE_LABELS[review_state(own)],
        "own_rows": _own_rows(own, criteria),
        "can_score": can_score,
        "form": form,
        "rows": form.rows(stored=stale) if form is not None else [],
        "stale": stale,
        "can_view_scores": can_view_scores,
        "score_table": _score_table(reviews if can_view_scores else [], criteria, outliers),
        "others": others,
        "aggregate": aggregate,
        "criterion_means": [aggregate.criterion_means.get(c.pk) for c in criteria] if aggregate else [],
        "can_note": can_note,
        "notes": item_notes(item=item) if can_view_scores else [],
        "note_form": note_form if note_form is not None else (NoteForm() if can_note else None),
        "can_declare": user.has_perm("reviews.declare_conflict", item),
    }
    return render(request, "reviews/juror/item.html", context, status=status)


def _own_rows(own, criteria: list) -> list[tuple]:
    scores = {score.criterion_id: score for score in own.scores.all()} if own is not None else {}
    return [(criterion, scores.get(criterion.pk)) for criterion in criteria]


def _score_table(reviews: list, criteria: list, outliers: set[int]) -> list[dict]:
    """One row per review: the juror, a cell per criterion in criterion order, the total, the flags."""
    rows = []
    for review in reviews:
        by_criterion = {score.criterion_id: score for score in review.scores.all()}
        rows.append(
            {
                "review": review,
                "cells": [by_criterion.get(criterion.pk) for criterion in criteria],
                "is_outlier": review.pk in outliers,
                "state": review_state(review),
                "state_label": REVIEW_STATE_LABELS[review_state(review)],
            }
        )
    return rows


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def item(request, item_id: int):
    item = _visible_item(request, item_id)
    if request.method != "POST":
        return _item_page(request, item)
    if not request.user.has_perm("reviews.score_item", item):
        raise PermissionDenied
    form = ScoreForm(request.POST, process=item.process, criteria=_criteria(item.process))
    if not form.is_valid():
        return _item_page(request, item, form=form, status=400)
    complete = request.POST.get("action") == "complete"
    try:
        review_save(
            item=item,
            actor=request.user,
            scores=form.score_inputs(),
            comment=form.cleaned_data["comment"],
            version=form.cleaned_data["version"],
            complete=complete,
        )
    except StaleReview as stale:
        # Keep the juror's input; load the stored version so that saving again replaces it knowingly.
        stored = stale.review
        data = request.POST.copy()
        data["version"] = str(stored.version if stored is not None else 0)
        form = ScoreForm(data, process=item.process, criteria=_criteria(item.process))
        form.is_valid()
        if stored is None:  # the review the form was loaded with is gone: start again from version 0
            form.add_error(None, stale.message)
        return _item_page(request, item, form=form, stale=stored, status=409)
    except ScoresInvalid as invalid:
        form.add_criterion_errors(invalid.errors)
        return _item_page(request, item, form=form, status=400)
    except PermissionRefused as refused:
        raise PermissionDenied(refused.message) from None
    except DomainError as error:
        form.add_error(None, error.message)
        return _item_page(request, item, form=form, status=400)
    if complete:
        messages.success(request, _("Your review is saved and marked complete."))
    else:
        messages.success(request, _("Your draft is saved. Mark it complete when you are done."))
    return redirect(reverse("jury:item", args=[item.pk]) + "#scoring")


@login_required
@require_POST
def note_add(request, item_id: int):
    item = _visible_item(request, item_id)
    if not request.user.has_perm("reviews.add_note", item):
        raise PermissionDenied
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _item_page(request, item, note_form=form, status=400)
    parent = None
    parent_id = form.cleaned_data.get("parent")
    if parent_id is not None:
        parent = Note.objects.filter(pk=parent_id, item=item).first()
        if parent is None:
            form.add_error(None, _("The message you reply to is not part of this discussion."))
            return _item_page(request, item, note_form=form, status=400)
    try:
        note = scoring.note_add(item=item, actor=request.user, body=form.cleaned_data["body"], parent=parent)
    except PermissionRefused as refused:
        raise PermissionDenied(refused.message) from None
    except DomainError as error:
        form.add_error(None, error.message)
        return _item_page(request, item, note_form=form, status=400)
    messages.success(request, _("Your message is added to the discussion."))
    return redirect(reverse("jury:item", args=[item.pk]) + f"#note-{note.pk}")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def declare_conflict(request, item_id: int):
    item = _visible_item(request, item_id)
    if not request.user.has_perm("reviews.declare_conflict", item):
        raise PermissionDenied
    form = ConflictDeclareForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                conflict_declare(
                    item=item,
                    actor=request.user,
                    kind=form.cleaned_data["kind"],
                    note=form.cleaned_data["note"],
                )
            except PermissionRefused as refused:
                raise PermissionDenied(refused.message) from None
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                jury_seat_forget(request.user)
                messages.success(
                    request,
                    _(
                        "Your conflict of interest is recorded. This item is no longer shown to you and "
                        "your scores of it, if any, do not count."
                    ),
                )
                return redirect("jury:dashboard", process_id=item.process_id)
        status = 400
    return render(
        request,
        "reviews/juror/declare_conflict.html",
        {"item": item, "process": item.process, "form": form},
        status=status,
    )
