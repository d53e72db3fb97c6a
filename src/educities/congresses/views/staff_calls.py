"""The call for proposals of an event, for the Secretariat (/<language>/backoffice/events/<slug>/call/):
opening the call, its settings, the proposals with filters and the review committee's figures, sending the
submitted proposals to review, one proposal with its decision, and making a session of an accepted one.

The review itself — jurors, conflicts of interest, assignments, phases, the detailed ranking — runs on the
review engine's own pages (``jury:manage``, ``jury:ranking``), linked from here.

Every page needs ``congresses.manage_event`` (anonymous people are sent to sign in, others get 403); the
steps on a proposal check their own permission too. Views parse input, call the domain
(``congresses.domain.calls``) and render; a refused step shows the domain's message and changes nothing.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from educities.congresses.domain.calls import (
    DECIDED_STATES,
    call_open,
    call_state,
    call_status_counts,
    call_update,
    proposal_decide,
    proposal_session_create,
    proposal_speakers,
    proposal_transition,
    proposal_withdraw,
    proposals_for_staff,
    proposals_send_to_review,
)
from educities.congresses.domain.common import moment_for_people
from educities.congresses.enums import PROPOSAL_STEPS, ProposalStatus
from educities.congresses.interfaces.forms_calls import (
    CallForm,
    ProposalDecisionForm,
    ProposalFilterForm,
    ProposalWithdrawStaffForm,
    SessionFromProposalForm,
    form_problems,
    in_zone,
)
from educities.congresses.models import Call, Event, Proposal, Room
from educities.core.domain.errors import DomainError
from educities.reviews.domain.queries import process_aggregates, process_ranking
from educities.reviews.enums import ReviewPhase

MANAGE = "congresses.manage_event"


def _manage_required(view):
    """Anonymous people are sent to sign in; signed-in people without ``congresses.manage_event`` get 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm(MANAGE):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _event(slug: str) -> Event:
    event = Event.objects.filter(slug=slug).first()
    if event is None:
        raise Http404(_("There is no such event."))
    return event


def _call(event: Event) -> Call | None:
    return Call.objects.filter(event=event).select_related("event", "review_process").first()


def _call_or_404(event: Event) -> Call:
    call = _call(event)
    if call is None:
        raise Http404(_("This event has no call for proposals yet."))
    return call


def _proposal(request, call: Call, pk: int, *, say: bool = True) -> Proposal | None:
    """The proposal ``pk`` of ``call``; None (with a message) when it is not one of its proposals."""
    proposal = (
        Proposal.objects.select_related(
            "call__event",
            "call__review_process",
            "city__country",
            "experience",
            "review_item",
            "session__room",
        )
        .filter(pk=pk, call=call)
        .first()
    )
    if proposal is None and say:
        messages.error(request, _("This proposal is not one of this call. Nothing was changed."))
    return proposal


def _optional_url(name: str, **kwargs) -> str:
    """The URL of a page another part of the site provides, or "" while it does not exist."""
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return ""


def _url(name: str, event: Event, **kwargs) -> str:
    return reverse(f"events_staff:{name}", kwargs={"slug": event.slug, **kwargs})


def _nav(call: Call | None) -> dict:
    context = {"section": "events"}
    if call is not None:
        context["jury_manage_url"] = _optional_url("jury:manage", process_id=call.review_process_id)
        context["jury_ranking_url"] = _optional_url("jury:ranking", process_id=call.review_process_id)
    return context


def _call_form_initial(call: Call) -> dict:
    zone = call.event.time_zone
    return {
        "opens_at": in_zone(call.opens_at, zone),
        "closes_at": in_zone(call.closes_at, zone),
        "max_proposals_per_city": call.max_proposals_per_city,
        "guidelines": call.guidelines,
    }


# --- The call ------------------------------------------------------------------------------------


def _rows(call: Call, proposals: list[Proposal]) -> list[dict]:
    """One row per proposal, with the review committee's figures when it is in review (3+1 queries)."""
    aggregates = process_aggregates(process=call.review_process)
    ranks = {ranked.item.pk: ranked.rank for ranked in process_ranking(process=call.review_process)}
    rows = []
    for proposal in proposals:
        item_id = proposal.review_item_id
        rows.append(
            {
                "proposal": proposal,
                "aggregate": aggregates.get(item_id) if item_id else None,
                "rank": ranks.get(item_id) if item_id else None,
            }
        )
    return rows


def _call_page(request, event: Event, call: Call | None, *, form=None, status=200):
    context = {"event": event, "call": call, **_nav(call)}
    if call is None:
        context["form"] = form or CallForm(time_zone=event.time_zone)
        return render(request, "congresses/staff_calls/call.html", context, status=status)
    filter_form = ProposalFilterForm(request.GET or None)
    filters = {"status": "", "kind": "", "language": ""}
    if request.GET:
        if filter_form.is_valid():
            filters = {name: filter_form.cleaned_data[name] for name in filters}
        else:
            messages.warning(request, _("Some filters are not valid: every proposal is shown."))
            filter_form = ProposalFilterForm()
    proposals = list(proposals_for_staff(call=call, **filters))
    counts = call_status_counts(call=call)
    context.update(
        {
            "form": form or CallForm(time_zone=event.time_zone, initial=_call_form_initial(call)),
            "filter_form": filter_form,
            "filtered": any(filters.values()),
            "rows": _rows(call, proposals),
            "counts": [
                {"status": status_value, "label": label, "count": counts.get(status_value, 0)}
                for status_value, label in ProposalStatus.choices
            ],
            "submitted_count": counts.get(ProposalStatus.SUBMITTED, 0),
            "call_state": call_state(call),
            "opens_text": moment_for_people(call.opens_at, time_zone=event.time_zone),
            "deadline_text": moment_for_people(call.closes_at, time_zone=event.time_zone),
            "can_send": call.review_process.phase not in {ReviewPhase.DECISION, ReviewPhase.CLOSED},
            "phase_label": call.review_process.get_phase_display(),
        }
    )
    return render(request, "congresses/staff_calls/call.html", context, status=status)


@_manage_required
def call_view(request, slug: str):
    event = _event(slug)
    if not request.user.has_perm(MANAGE, event):
        raise PermissionDenied
    call = _call(event)
    if request.method in {"GET", "HEAD"}:
        return _call_page(request, event, call)
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    form = CallForm(request.POST, time_zone=event.time_zone)
    if not form.is_valid():
        messages.error(request, _("Some values need correcting (see below). Nothing was changed."))
        return _call_page(request, event, call, form=form, status=400)
    values = form.cleaned_data
    try:
        if call is None:
            call_open(
                event=event,
                opens_at=values["opens_at"],
                closes_at=values["closes_at"],
                guidelines=values["guidelines"],
                max_proposals_per_city=values["max_proposals_per_city"],
                actor=request.user,
            )
        else:
            call_update(
                call=call,
                actor=request.user,
                opens_at=values["opens_at"],
                closes_at=values["closes_at"],
                guidelines=values["guidelines"],
                max_proposals_per_city=values["max_proposals_per_city"],
            )
    except DomainError as error:
        form.add_error(None, error.message)
        messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
        return _call_page(request, event, _call(event), form=form, status=400)
    if call is None:
        messages.success(request, _("The call for proposals is open, with its review committee."))
    else:
        messages.success(request, _("The settings of the call are saved."))
    return redirect(_url("call", event))


@require_POST
@_manage_required
def call_send_to_review_view(request, slug: str):
    event = _event(slug)
    call = _call_or_404(event)
    try:
        sent = proposals_send_to_review(call=call, actor=request.user)
    except DomainError as error:
        messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
        return redirect(_url("call", event))
    if sent:
        text = ngettext(
            "%(count)d submitted proposal sent to the review committee.",
            "%(count)d submitted proposals sent to the review committee.",
            sent,
        )
        messages.success(request, text % {"count": sent})
    else:
        messages.info(request, _("No submitted proposal is waiting to be sent to the review committee."))
    return redirect(_url("call", event))


# --- One proposal ------------------------------------------------------------------------------


def _proposal_page(request, event: Event, call: Call, proposal: Proposal, *, forms=None, status=200):
    forms = forms or {}
    steps = {step for step, (from_states, _to) in PROPOSAL_STEPS.items() if proposal.status in from_states}
    aggregate = None
    if proposal.review_item_id is not None:
        aggregate = process_aggregates(process=call.review_process).get(proposal.review_item_id)
    rooms = list(Room.objects.filter(event=event).order_by("position", "pk"))
    context = {
        "event": event,
        "call": call,
        "proposal": proposal,
        "speakers": proposal_speakers(proposal=proposal),
        "aggregate": aggregate,
        "is_decided": proposal.status in DECIDED_STATES,
        "can_send": "send_to_review" in steps
        and call.review_process.phase not in {ReviewPhase.DECISION, ReviewPhase.CLOSED},
        "can_decide": "accept" in steps,
        "can_withdraw": "withdraw" in steps,
        "can_make_session": proposal.status == ProposalStatus.ACCEPTED and proposal.session_id is None,
        "decision_form": forms.get("decision") or ProposalDecisionForm(),
        "withdraw_form": forms.get("withdraw") or ProposalWithdrawStaffForm(),
        "session_form": forms.get("session") or SessionFromProposalForm(event=event, rooms=rooms),
        "jury_item_url": _optional_url("jury:item", item_id=proposal.review_item_id)
        if proposal.review_item_id
        else "",
        **_nav(call),
    }
    return render(request, "congresses/staff_calls/proposal.html", context, status=status)


@require_safe
@_manage_required
def proposal_view(request, slug: str, pk: int):
    event = _event(slug)
    call = _call_or_404(event)
    proposal = _proposal(request, call, pk, say=False)
    if proposal is None:
        raise Http404(_("This proposal is not one of this call."))
    return _proposal_page(request, event, call, proposal)


def _back(event: Event, proposal: Proposal) -> str:
    return _url("proposal", event, pk=proposal.pk)


@require_POST
@_manage_required
def proposal_send_to_review_view(request, slug: str, pk: int):
    event = _event(slug)
    call = _call_or_404(event)
    proposal = _proposal(request, call, pk)
    if proposal is None:
        return redirect(_url("call", event))
    try:
        proposal_transition(proposal=proposal, step="send_to_review", actor=request.user)
    except DomainError as error:
        messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
    else:
        messages.success(request, _("The proposal is sent to the review committee."))
    return redirect(_back(event, proposal))


@require_POST
@_manage_required
def proposal_decide_view(request, slug: str, pk: int):
    event = _event(slug)
    call = _call_or_404(event)
    proposal = _proposal(request, call, pk)
    if proposal is None:
        return redirect(_url("call", event))
    if not request.user.has_perm("congresses.decide_proposal", proposal):
        raise PermissionDenied
    form = ProposalDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("%(problems)s Nothing was changed.") % {"problems": form_problems(form)})
        return _proposal_page(request, event, call, proposal, forms={"decision": form}, status=400)
    accepted = form.cleaned_data["decision"] == "accept"
    try:
        proposal_decide(
            proposal=proposal, accepted=accepted, note=form.cleaned_data["note"], actor=request.user
        )
    except DomainError as error:
        messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
    else:
        if accepted:
            messages.success(request, _("The proposal is accepted and the city is informed."))
        else:
            messages.success(request, _("The proposal is not accepted and the city is informed."))
    return redirect(_back(event, proposal))


@require_POST
@_manage_required
def proposal_withdraw_view(request, slug: str, pk: int):
    event = _event(slug)
    call = _call_or_404(event)
    proposal = _proposal(request, call, pk)
    if proposal is None:
        return redirect(_url("call", event))
    form = ProposalWithdrawStaffForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("%(problems)s Nothing was changed.") % {"problems": form_problems(form)})
        return _proposal_page(request, event, call, proposal, forms={"withdraw": form}, status=400)
    try:
        proposal_withdraw(proposal=proposal, actor=request.user, note=form.cleaned_data["note"])
    except DomainError as error:
        messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
    else:
        messages.success(request, _("The proposal is withdrawn and the city is informed."))
    return redirect(_back(event, proposal))


@require_POST
@_manage_required
def proposal_session_view(request, slug: str, pk: int):
    event = _event(slug)
    call = _call_or_404(event)
    proposal = _proposal(request, call, pk)
    if proposal is None:
        return redirect(_url("call", event))
    rooms = list(Room.objects.filter(event=event).order_by("position", "pk"))
    form = SessionFromProposalForm(request.POST, event=event, rooms=rooms)
    if not form.is_valid():
        messages.error(request, _("%(problems)s Nothing was changed.") % {"problems": form_problems(form)})
        return _proposal_page(request, event, call, proposal, forms={"session": form}, status=400)
    try:
        proposal_session_create(
            proposal=proposal,
            actor=request.user,
            starts_at=form.cleaned_data["starts_at"],
            ends_at=form.cleaned_data["ends_at"],
            room=form.chosen_room(),
            kind=form.cleaned_data["kind"],
        )
    except DomainError as error:
        form.add_error(None, error.message)
        messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
        return _proposal_page(request, event, call, proposal, forms={"session": form}, status=400)
    messages.success(request, _("The proposal is a session of the programme."))
    return redirect(_back(event, proposal))
