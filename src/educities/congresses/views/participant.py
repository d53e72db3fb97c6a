"""A participant's pages: registering for an event, their registrations, one registration (status, place on
the waiting list, fee, cancel, badge, attendance certificate, personal agenda with the meeting links) and
adding sessions to the personal agenda.

Permissions (congresses/rules.py): an anonymous visitor goes to the sign-in page; an event or a
registration the user may not see is 404 (looked up before the permission check); a registration they see
but may not act on in that way is 403. Every change goes through ``congresses.domain.registrations``: a
refusal is shown and changes nothing.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from educities.congresses.domain.common import (
    MEMBER_CITY_STATES,
    AnswersInvalid,
    event_dates_for_people,
    moment_for_people,
)
from educities.congresses.domain.queries import (
    event_public,
    event_registration_state,
    event_texts,
    registration_agenda,
    registration_detail,
    registration_for,
    registration_types_public,
    registrations_for_user,
)
from educities.congresses.domain.registrations import (
    agenda_add,
    agenda_remove,
    registration_create,
    registration_transition,
    waitlist_rank,
)
from educities.congresses.enums import FeeStatus, RegistrationStatus
from educities.congresses.interfaces.badges import badge_pdf
from educities.congresses.interfaces.certificates import attendance_certificate_pdf
from educities.congresses.interfaces.forms_registration import (
    ConfirmForm,
    RegistrationForm,
    member_city_choices,
)
from educities.congresses.interfaces.ical import sessions_ical
from educities.congresses.models import Event, Registration, Session
from educities.core.domain.errors import DomainError
from educities.members.enums import RoleKind
from educities.members.models import City, RoleGrant

from .public import event_or_404


def _registration_or_404(request, code: str) -> Registration:
    registration = registration_detail(code=code)
    if registration is None or not request.user.has_perm("congresses.view_registration", registration):
        raise Http404(_("There is no such registration."))
    return registration


def _require(request, permission: str, obj) -> None:
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied


def _title(event: Event):
    return event_texts(events=[event], language=get_language(), fields=["title"])[(event.pk, "title")]


def status_message(registration: Registration) -> str:
    """What happened to a new registration, for the person who made it."""
    if registration.status == RegistrationStatus.CONFIRMED:
        return _("Your registration is confirmed. We sent the details to %(email)s.") % {
            "email": registration.email
        }
    if registration.status == RegistrationStatus.PENDING:
        return _(
            "Your registration is received: the Secretariat confirms it, and your place is held meanwhile."
        )
    return _("The event is full: you are on the waiting list at position %(position)d.") % {
        "position": waitlist_rank(registration=registration) or registration.waitlist_position or 0
    }


# --- Registering ----------------------------------------------------------------------------------------


def _default_city(user) -> int | None:
    """The first member city the user edits (the city they most likely represent)."""
    return (
        RoleGrant.objects.filter(
            user=user, kind=RoleKind.CITY_EDITOR, city__membership_status__in=MEMBER_CITY_STATES
        )
        .order_by("city__name")
        .values_list("city_id", flat=True)
        .first()
    )


def _initial(user) -> dict:
    languages = {code for code, _name in settings.LANGUAGES}
    language = user.language if user.language in languages else get_language()
    return {
        "name": user.get_full_name(),
        "email": user.email,
        "language": language,
        "city": _default_city(user),
    }


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def register_view(request, slug: str):
    event = event_or_404(request, slug)
    _require(request, "congresses.register", event)
    existing = registration_for(event=event, user=request.user)
    if existing is not None:
        messages.info(request, _("You are already registered for this event."))
        return redirect("events:registration", code=existing.code)
    types = registration_types_public(event=event)
    state = event_registration_state(event=event, has_types=bool(types))
    questions = list(event.registration_questions.order_by("position", "pk"))
    form = RegistrationForm(
        request.POST if request.method == "POST" else None,
        types=types,
        questions=questions,
        city_choices=member_city_choices(),
        initial=_initial(request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        city = None
        if data.get("city"):
            city = City.objects.filter(pk=data["city"]).first()
        try:
            registration = registration_create(
                event=event,
                type=form.chosen_type(),
                actor=request.user,
                user=request.user,
                name=data["name"],
                email=data["email"],
                organisation=data.get("organisation") or "",
                position_title=data.get("position_title") or "",
                city=city,
                language=data["language"],
                answers=form.answers(),
            )
        except AnswersInvalid as error:
            form.add_answer_errors(error.errors)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            level = (
                messages.SUCCESS if registration.status != RegistrationStatus.WAITLISTED else messages.INFO
            )
            messages.add_message(request, level, status_message(registration))
            return redirect("events:registration", code=registration.code)
    return render(
        request,
        "congresses/participant/register.html",
        {
            "event": event,
            "title": _title(event),
            "dates_text": event_dates_for_people(event),
            "state": state,
            "opens_text": (
                moment_for_people(state.opens_at, time_zone=event.time_zone) if state.opens_at else ""
            ),
            "closes_text": (
                moment_for_people(state.closes_at, time_zone=event.time_zone) if state.closes_at else ""
            ),
            "form": form,
            "types": types,
        },
        status=400 if request.method == "POST" else 200,
    )


# --- The person's registrations -------------------------------------------------------------------------


@login_required
@require_safe
def registrations_view(request):
    registrations = list(registrations_for_user(user=request.user))
    events = list({registration.event_id: registration.event for registration in registrations}.values())
    titles = event_texts(events=events, language=get_language(), fields=["title"])
    rows = [
        {
            "registration": registration,
            "title": titles.get((registration.event_id, "title")),
            "dates_text": event_dates_for_people(registration.event),
            "for_someone_else": registration.user_id != request.user.pk,
        }
        for registration in registrations
    ]
    return render(request, "congresses/participant/registrations.html", {"rows": rows})


def _agenda_rows(registration: Registration, user) -> list[dict]:
    sessions = registration_agenda(registration=registration)
    event = registration.event
    shows_links = bool(sessions) and user.has_perm("congresses.view_meeting_link", event)
    rows = []
    for session in sessions:
        session.event = event
        rows.append(
            {
                "session": session,
                "meeting_url": session.meeting_url if shows_links and session.is_online else "",
            }
        )
    return rows


@login_required
@require_safe
def registration_view(request, code: str):
    registration = _registration_or_404(request, code)
    event = registration.event
    user = request.user
    holds_place = registration.status in {RegistrationStatus.CONFIRMED, RegistrationStatus.PENDING}
    return render(
        request,
        "congresses/participant/registration.html",
        {
            "registration": registration,
            "event": event,
            "title": _title(event),
            "dates_text": event_dates_for_people(event),
            "rank": waitlist_rank(registration=registration),
            "fee_due": registration.fee_status == FeeStatus.UNPAID,
            "may_cancel": registration.status != RegistrationStatus.CANCELLED
            and user.has_perm("congresses.cancel_registration", registration),
            "may_badge": user.has_perm("congresses.download_badge", registration),
            "may_certificate": user.has_perm("congresses.download_attendance", registration),
            "checked_in_text": (
                moment_for_people(registration.checked_in_at, time_zone=event.time_zone)
                if registration.checked_in_at
                else ""
            ),
            "holds_place": holds_place,
            # The agenda buttons act on the viewer's own registration of the event.
            "is_mine": registration.user_id == user.pk,
            "agenda": _agenda_rows(registration, user) if holds_place else [],
            "programme_visible": event.programme_published or user.has_perm("congresses.manage_event", event),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def registration_cancel_view(request, code: str):
    registration = _registration_or_404(request, code)
    if registration.status == RegistrationStatus.CANCELLED:
        messages.info(request, _("This registration is already cancelled."))
        return redirect("events:registration", code=registration.code)
    _require(request, "congresses.cancel_registration", registration)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            registration_transition(registration=registration, step="cancel", actor=request.user)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your registration is cancelled. We sent a confirmation by e-mail."))
            return redirect("events:registration", code=registration.code)
    event = registration.event
    return render(
        request,
        "congresses/participant/registration_cancel.html",
        {
            "registration": registration,
            "event": event,
            "title": _title(event),
            "dates_text": event_dates_for_people(event),
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


# --- Files ----------------------------------------------------------------------------------------------


def _file_response(content: bytes, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_safe
def badge_view(request, code: str):
    registration = _registration_or_404(request, code)
    _require(request, "congresses.download_badge", registration)
    return _file_response(
        badge_pdf(registration),
        content_type="application/pdf",
        filename=f"badge-{registration.code}.pdf",
    )


@login_required
@require_safe
def certificate_view(request, code: str):
    registration = _registration_or_404(request, code)
    _require(request, "congresses.download_attendance", registration)
    return _file_response(
        attendance_certificate_pdf(registration),
        content_type="application/pdf",
        filename=f"certificate-{registration.code}.pdf",
    )


@login_required
@require_safe
def agenda_ics_view(request, code: str):
    registration = _registration_or_404(request, code)
    event = registration.event
    sessions = registration_agenda(registration=registration)
    content = sessions_ical(
        event=event,
        sessions=sessions,
        name=_("%(event)s: my agenda") % {"event": _title(event)},
        meeting_links=request.user.has_perm("congresses.view_meeting_link", event),
    )
    return _file_response(
        content, content_type="text/calendar; charset=utf-8", filename=f"agenda-{registration.code}.ics"
    )


# --- The personal agenda --------------------------------------------------------------------------------


@login_required
@require_safe
def my_agenda_view(request, slug: str):
    event = event_or_404(request, slug)
    registration = registration_for(event=event, user=request.user)
    if registration is None:
        raise Http404(_("You are not registered for this event."))
    return redirect(reverse("events:registration", kwargs={"code": registration.code}) + "#agenda")


def _back(request, event: Event, session: Session):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect("events:session", slug=event.slug, pk=session.pk)


def _agenda_change(request, slug: str, pk: int, *, add: bool):
    event = event_public(slug=slug)
    if event is None or not request.user.has_perm("congresses.view_event", event):
        raise Http404(_("There is no such event."))
    session = get_object_or_404(Session.objects.select_related("room"), event=event, pk=pk)
    session.event = event
    registration = registration_for(event=event, user=request.user)
    if registration is None or not request.user.has_perm("congresses.keep_agenda", session):
        raise PermissionDenied
    registration.event = event
    try:
        if add:
            agenda_add(registration=registration, session=session, actor=request.user)
        else:
            agenda_remove(registration=registration, session=session, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        if add:
            messages.success(request, _("“%(session)s” is in your agenda.") % {"session": session.title})
        else:
            messages.success(
                request, _("“%(session)s” is no longer in your agenda.") % {"session": session.title}
            )
    return _back(request, event, session)


@login_required
@require_POST
def agenda_add_view(request, slug: str, pk: int):
    return _agenda_change(request, slug, pk, add=True)


@login_required
@require_POST
def agenda_remove_view(request, slug: str, pk: int):
    return _agenda_change(request, slug, pk, add=False)
