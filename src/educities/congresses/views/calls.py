"""A city's pages of the calls for proposals: its proposals over every event, proposing to an event's call,
one proposal (edit while a draft, submit, withdraw, the decision and its note); and the proposal as the
review committee reads it (registered as a review subject in ``congresses/apps.py``).

Permissions (congresses/rules.py): anonymous visitors go to the sign-in page; a proposal the user may not
see (``congresses.view_proposal``) is 404 — the same answer as for one that does not exist — so a juror
conflicted with it, or not assigned to it during blind scoring, learns nothing. A juror who may see it gets
it read-only. Every change goes through ``congresses.domain.calls``: a refused value or step is shown and
changes nothing.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from educities.congresses.domain.calls import (
    DECIDED_STATES,
    ProposalInvalid,
    call_state,
    calls_open_for_proposals,
    proposal_save,
    proposal_speakers,
    proposal_submit,
    proposal_withdraw,
    proposals_counted,
    proposals_of_cities,
)
from educities.congresses.domain.common import event_title, moment_for_people
from educities.congresses.enums import OFFICIAL_LANGUAGES, PROPOSAL_STEPS, ProposalStatus
from educities.congresses.interfaces.forms_calls import CityChoiceForm, ProposalForm, WithdrawForm
from educities.congresses.models import Call, Event, Proposal
from educities.core.domain.audit import audit_entries_for
from educities.core.domain.errors import DomainError, PermissionRefused
from educities.core.domain.translations_queries import translated_text
from educities.experiences.enums import ExperienceStatus
from educities.experiences.models import Experience
from educities.members.enums import MembershipStatus, RoleKind
from educities.members.models import City
from educities.members.rules import editable_city_ids

WITHDRAWABLE_STATES = PROPOSAL_STEPS["withdraw"][0]
NEXT_STEPS = {
    ProposalStatus.DRAFT: gettext_lazy("Complete the proposal and submit it before the deadline."),
    ProposalStatus.SUBMITTED: gettext_lazy(
        "Submitted: the Secretariat will send it to the review committee."
    ),
    ProposalStatus.IN_REVIEW: gettext_lazy("The review committee is reading the proposal."),
    ProposalStatus.ACCEPTED: gettext_lazy("Accepted: it will be part of the programme."),
    ProposalStatus.REJECTED: gettext_lazy("Not accepted this time: read the message of the Secretariat."),
    ProposalStatus.WITHDRAWN: gettext_lazy("Withdrawn: nothing more to do."),
}
HISTORY_LABELS = {
    "create": gettext_lazy("started"),
    "save": gettext_lazy("draft saved"),
    "submit": gettext_lazy("submitted"),
    "send_to_review": gettext_lazy("sent to the review committee"),
    "accept": gettext_lazy("accepted"),
    "reject": gettext_lazy("not accepted"),
    "withdraw": gettext_lazy("withdrawn"),
    "session_create": gettext_lazy("added to the programme"),
}
NOT_A_DRAFT = gettext_lazy("This proposal was submitted: it can no longer be changed.")


# --- Shared helpers ------------------------------------------------------------------------------------


def acts_for_city(user, proposal: Proposal) -> bool:
    """The city's editors and the Secretariat (not a juror): they may submit and withdraw it."""
    return user.has_perm("congresses.withdraw_proposal", proposal)


def _proposal_or_404(request, pk: int) -> Proposal:
    proposal = (
        Proposal.objects.select_related(
            "call__event", "city__country", "experience", "review_item__process", "session"
        )
        .filter(pk=pk)
        .first()
    )
    if proposal is None or not request.user.has_perm("congresses.view_proposal", proposal):
        raise Http404
    return proposal


def cities_for(user, permission: str) -> list[City]:
    """The member cities ``user`` may act for with ``permission`` (the ones they edit; every member city
    for the Secretariat)."""
    cities = City.objects.filter(membership_status__in=[MembershipStatus.MEMBER, MembershipStatus.SUSPENDED])
    if not user.has_perm("congresses.manage_event"):
        cities = cities.filter(role_grants__user=user, role_grants__kind=RoleKind.CITY_EDITOR).distinct()
    return [city for city in cities.order_by("name", "pk") if user.has_perm(permission, city)]


def chosen_city(cities: list[City], raw) -> City | None:
    """The city picked in the request (403 when it is not one of ``cities``); the only one if one."""
    if raw in (None, ""):
        return cities[0] if len(cities) == 1 else None
    try:
        pk = int(raw)
    except (TypeError, ValueError):
        raise PermissionDenied from None
    city = next((city for city in cities if city.pk == pk), None)
    if city is None:
        raise PermissionDenied
    return city


def _experiences_of(city: City) -> list[Experience]:
    return list(
        Experience.objects.filter(city=city, status=ExperienceStatus.PUBLISHED).order_by("title", "pk")
    )


def _guidelines(call: Call):
    if not call.guidelines:
        return None
    return translated_text(obj=call, field="guidelines", language=get_language())


def _call_context(call: Call) -> dict:
    event = call.event
    return {
        "call": call,
        "event": event,
        "event_title": event_title(event),
        "call_state": call_state(call),
        "opens_text": moment_for_people(call.opens_at, time_zone=event.time_zone),
        "deadline_text": moment_for_people(call.closes_at, time_zone=event.time_zone),
        "guidelines": _guidelines(call),
    }


def _history(proposal: Proposal) -> list[dict]:
    rows = []
    for entry in audit_entries_for(subject=proposal):
        actor = entry.actor
        if actor is None:
            who = "—"
        elif actor.is_staff:
            who = _("the Secretariat")
        else:
            who = actor.get_full_name() or actor.email
        rows.append(
            {
                "entry": entry,
                "label": HISTORY_LABELS.get(entry.action, entry.action),
                "actor": who,
                "comment": entry.comment,
            }
        )
    return rows


# --- The city's proposals ------------------------------------------------------------------------------


@login_required
@require_safe
def proposals_mine(request):
    user = request.user
    city_ids = editable_city_ids(user)
    rows = [
        {"proposal": proposal, "next_step": NEXT_STEPS[ProposalStatus(proposal.status)]}
        for proposal in proposals_of_cities(city_ids=city_ids)
    ]
    may_propose = bool(cities_for(user, "congresses.propose"))
    open_calls = calls_open_for_proposals() if may_propose else []
    return render(
        request,
        "congresses/calls/mine.html",
        {
            "rows": rows,
            "open_calls": [
                {
                    "call": call,
                    "deadline_text": moment_for_people(call.closes_at, time_zone=call.event.time_zone),
                }
                for call in open_calls
            ],
            "may_bid": bool(cities_for(user, "congresses.bid")),
        },
    )


# --- Proposing -----------------------------------------------------------------------------------------


def _initial_language() -> str:
    language = (get_language() or "en").split("-")[0]
    return language if language in OFFICIAL_LANGUAGES else "en"


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def propose(request, slug):
    event = get_object_or_404(Event, slug=slug)
    if not request.user.has_perm("congresses.view_event", event):
        raise Http404
    call = Call.objects.filter(event=event).select_related("event").first()
    if call is None:
        raise Http404
    cities = cities_for(request.user, "congresses.propose")
    if not cities:
        raise PermissionDenied
    raw_city = request.POST.get("city") if request.method == "POST" else request.GET.get("city")
    city = chosen_city(cities, raw_city)
    context = {**_call_context(call), "cities": cities, "city": city}
    if len(cities) > 1:
        context["city_form"] = CityChoiceForm(
            initial={"city": city.pk if city else None}, cities=cities, auto_id="city_%s"
        )
    if city is None:
        return render(request, "congresses/calls/propose.html", context)
    experiences = _experiences_of(city)
    form = ProposalForm(
        request.POST if request.method == "POST" else None,
        experiences=experiences,
        initial={"language": _initial_language()},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                proposal = proposal_save(
                    call=call,
                    city=city,
                    actor=request.user,
                    kind=form.cleaned_data["kind"],
                    language=form.cleaned_data["language"],
                    title=form.cleaned_data["title"],
                    summary=form.cleaned_data["summary"],
                    speakers=form.cleaned_data["speakers"],
                    experience=form.chosen_experience(),
                )
            except PermissionRefused as error:
                raise PermissionDenied from error
            except ProposalInvalid as error:
                form.add_domain_errors(error.errors)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request, _("The proposal is saved as a draft. Submit it before the deadline.")
                )
                return redirect("events:proposal", pk=proposal.pk)
        status = 400
    counted = proposals_counted(call=call, city=city).count()
    context.update(
        {
            "form": form,
            "counted": counted,
            "left": max(0, call.max_proposals_per_city - counted),
            "existing": list(
                Proposal.objects.filter(call=call, city=city)
                .order_by("pk")
                .only("pk", "title", "status", "language")
            ),
        }
    )
    return render(request, "congresses/calls/propose.html", context, status=status)


# --- One proposal --------------------------------------------------------------------------------------


def _render_proposal(request, proposal: Proposal, *, form=None, status=200):
    user = request.user
    call = proposal.call
    can_change = user.has_perm("congresses.change_proposal", proposal)
    if can_change and form is None:
        form = ProposalForm(
            experiences=_experiences_with(proposal),
            initial={
                "kind": proposal.kind,
                "language": proposal.language,
                "title": proposal.title,
                "summary": proposal.summary,
                "speakers": proposal.speakers,
                "experience": proposal.experience_id,
            },
        )
    is_draft = proposal.status == ProposalStatus.DRAFT
    context = {
        **_call_context(call),
        "proposal": proposal,
        "status_label": proposal.get_status_display(),
        "speakers": proposal_speakers(proposal=proposal),
        "form": form if can_change else None,
        "is_draft": is_draft,
        "is_decided": proposal.status in DECIDED_STATES,
        "can_submit": is_draft and acts_for_city(user, proposal),
        "can_withdraw": proposal.status in WITHDRAWABLE_STATES and acts_for_city(user, proposal),
        "history": _history(proposal),
        "now": timezone.now(),
        "staff_url": reverse("events_staff:proposal", kwargs={"slug": call.event.slug, "pk": proposal.pk})
        if user.has_perm("congresses.decide_proposal", proposal)
        else "",
    }
    return render(request, "congresses/calls/proposal.html", context, status=status)


def _experiences_with(proposal: Proposal) -> list[Experience]:
    experiences = _experiences_of(proposal.city)
    if proposal.experience is not None and all(e.pk != proposal.experience_id for e in experiences):
        experiences.insert(0, proposal.experience)
    return experiences


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def proposal_page(request, pk):
    proposal = _proposal_or_404(request, pk)
    if not acts_for_city(request.user, proposal):
        # A juror who may see the proposal: read-only, as on the jury's pages.
        if request.method == "POST":
            raise PermissionDenied
        return render(
            request, "congresses/calls/proposal_view.html", proposal_subject_context(proposal, request)
        )
    if request.method != "POST":
        return _render_proposal(request, proposal)
    if not request.user.has_perm("congresses.change_proposal", proposal):
        messages.error(request, NOT_A_DRAFT)
        return redirect("events:proposal", pk=proposal.pk)
    form = ProposalForm(request.POST, experiences=_experiences_with(proposal))
    if form.is_valid():
        try:
            proposal_save(
                call=proposal.call,
                city=proposal.city,
                actor=request.user,
                proposal=proposal,
                kind=form.cleaned_data["kind"],
                language=form.cleaned_data["language"],
                title=form.cleaned_data["title"],
                summary=form.cleaned_data["summary"],
                speakers=form.cleaned_data["speakers"],
                experience=form.chosen_experience(),
            )
        except PermissionRefused as error:
            raise PermissionDenied from error
        except ProposalInvalid as error:
            form.add_domain_errors(error.errors)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The draft is saved."))
            return redirect("events:proposal", pk=proposal.pk)
    proposal = _proposal_or_404(request, pk)
    return _render_proposal(request, proposal, form=form, status=400)


@login_required
@require_POST
def proposal_submit_view(request, pk):
    proposal = _proposal_or_404(request, pk)
    if not acts_for_city(request.user, proposal):
        raise PermissionDenied
    try:
        proposal_submit(proposal=proposal, actor=request.user)
    except PermissionRefused as error:
        raise PermissionDenied from error
    except DomainError as error:
        messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
    else:
        messages.success(
            request, _("The proposal is submitted. You will receive an e-mail with the decision.")
        )
    return redirect("events:proposal", pk=proposal.pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def proposal_withdraw_view(request, pk):
    proposal = _proposal_or_404(request, pk)
    if not acts_for_city(request.user, proposal):
        raise PermissionDenied
    if proposal.status not in WITHDRAWABLE_STATES:
        messages.error(
            request,
            _("This proposal is “%(status)s”: it can no longer be withdrawn.")
            % {"status": proposal.get_status_display()},
        )
        return redirect("events:proposal", pk=proposal.pk)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            proposal_withdraw(proposal=proposal, actor=request.user)
        except PermissionRefused as error:
            raise PermissionDenied from error
        except DomainError as error:
            messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
        else:
            messages.success(request, _("The proposal is withdrawn."))
        return redirect("events:proposal", pk=proposal.pk)
    return render(
        request,
        "congresses/calls/withdraw.html",
        {"proposal": proposal, "form": form},
        status=400 if request.method == "POST" else 200,
    )


# --- The proposal as the review committee reads it (a review subject, see congresses/apps.py) -----------


def proposal_subject_context(proposal: Proposal, request) -> dict:
    """What a juror reads of a proposal: the event, the city, kind, language, title, summary, speakers and
    the experience of the bank it presents (a link to its public page when it is published)."""
    experience_url = None
    experience = proposal.experience
    if experience is not None and experience.status == ExperienceStatus.PUBLISHED:
        experience_url = experience.get_absolute_url()
    return {
        "proposal": proposal,
        "event": proposal.call.event,
        "speakers": proposal_speakers(proposal=proposal),
        "experience_url": experience_url,
    }


def proposal_subject_url(proposal: Proposal, request) -> str | None:
    """The Secretariat's page of the proposal (for staff on the jury pages); nothing for jurors."""
    if request.user.has_perm("congresses.decide_proposal", proposal):
        return reverse("events_staff:proposal", kwargs={"slug": proposal.call.event.slug, "pk": proposal.pk})
    return None
