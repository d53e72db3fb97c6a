"""The Secretariat's back office: applications, fees, imports and new networks.

Every view needs ``members.view_backoffice`` (anonymous users are sent to sign in, others get 403),
except the fee status page, which Executive Committee members may read too (``members.view_fee_status``).
Views parse their input and call the domain; a refused step shows the domain's message and changes nothing.
"""

from dataclasses import dataclass
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from educities.core.domain.audit import audit_entries_for
from educities.core.domain.errors import DomainError
from educities.members.domain.fees import fee_mark_paid
from educities.members.domain.membership import (
    membership_allowed_actions,
    membership_invoice,
    membership_ratify,
    membership_record_payment,
    membership_reinstate,
    membership_reject,
    membership_review_start,
    membership_suspend,
    membership_withdraw,
)
from educities.members.domain.networks import network_create
from educities.members.domain.queries import cities_pending_applications, fee_status_summary
from educities.members.enums import MembershipStatus
from educities.members.interfaces.forms import (
    FeeYearForm,
    ImportForm,
    NetworkCreateForm,
    RatifyForm,
    TransitionForm,
)
from educities.members.interfaces.importers import CITY_COLUMNS, CONTACT_COLUMNS, import_file
from educities.members.models import City, FeeRecord, MembershipApplication


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    function: object
    form_class: type[TransitionForm] = TransitionForm
    # Actions that need more than a click (an Assembly, a reason) open their form on the detail page.
    needs_input: bool = False
    danger: bool = False


ACTIONS: dict[str, Action] = {
    action.name: action
    for action in [
        Action("review_start", gettext_lazy("Start the review"), membership_review_start),
        Action("invoice", gettext_lazy("Invoice the fee"), membership_invoice),
        Action("record_payment", gettext_lazy("Record the payment"), membership_record_payment),
        Action(
            "ratify",
            gettext_lazy("Ratify (General Assembly)"),
            membership_ratify,
            RatifyForm,
            needs_input=True,
        ),
        Action("reject", gettext_lazy("Reject"), membership_reject, needs_input=True, danger=True),
        Action("suspend", gettext_lazy("Suspend for unpaid fees"), membership_suspend, danger=True),
        Action("reinstate", gettext_lazy("Reinstate"), membership_reinstate),
        Action("withdraw", gettext_lazy("Withdraw"), membership_withdraw, needs_input=True, danger=True),
    ]
}

DOCUMENT_KINDS = ("mayor_form", "plenary_approval")


def _permission_required(permission: str):
    """Anonymous users are sent to sign in; signed-in users without ``permission`` get 403."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


backoffice_required = _permission_required("members.view_backoffice")


def _require(request, permission: str, obj=None) -> None:
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def _actions_for(city: City) -> list[Action]:
    return [ACTIONS[name] for name in membership_allowed_actions(city=city) if name in ACTIONS]


# --- Applications ------------------------------------------------------------------------------


@backoffice_required
def application_queue(request):
    today = timezone.localdate()
    rows = []
    for city in cities_pending_applications():
        applications = list(city.applications.all())
        latest = applications[0] if applications else None
        since = (
            timezone.localtime(latest.created_at).date()
            if latest
            else timezone.localtime(city.created_at).date()
        )
        rows.append(
            {
                "city": city,
                "application": latest,
                "days_waiting": (today - since).days,
                "actions": _actions_for(city),
            }
        )
    return render(
        request,
        "members/backoffice/applications.html",
        {"rows": rows, "section": "applications", "next": request.get_full_path()},
    )


@backoffice_required
def application_detail(request, slug):
    city = get_object_or_404(City.objects.select_related("country", "ratified_at"), slug=slug)
    actions = [
        {
            "action": action,
            "form": action.form_class(
                initial={"next": request.get_full_path()}, auto_id=f"id_{action.name}_%s"
            ),
        }
        for action in _actions_for(city)
    ]
    labels = dict(MembershipStatus.choices)
    return render(
        request,
        "members/backoffice/application_detail.html",
        {
            "city": city,
            "population_band": city.get_population_band_display(),
            "applications": city.applications.select_related("submitted_by").order_by("-created_at"),
            "fees": city.fees.order_by("-year"),
            "audit_entries": [
                {
                    "entry": entry,
                    "from_label": labels.get(entry.from_state, entry.from_state),
                    "to_label": labels.get(entry.to_state, entry.to_state),
                }
                for entry in audit_entries_for(subject=city)
            ],
            "actions": actions,
            "section": "applications",
        },
    )


@require_POST
@backoffice_required
def application_act(request, slug, action):
    city = get_object_or_404(City.objects.select_related("country"), slug=slug)
    step = ACTIONS.get(action)
    if step is None:
        raise Http404
    detail_url = reverse("backoffice:application_detail", kwargs={"slug": city.slug})
    back = _safe_next(request, detail_url)
    if action not in membership_allowed_actions(city=city):
        messages.error(
            request,
            _(
                "“%(action)s” is not possible for %(city)s now: its status is “%(status)s”. "
                "Nothing was changed."
            )
            % {"action": step.label, "city": city.name, "status": city.get_membership_status_display()},
        )
        return redirect(back)
    form = step.form_class(request.POST)
    if not form.is_valid():
        problems = "; ".join(str(e) for errors in form.errors.values() for e in errors)
        messages.error(
            request,
            _("%(action)s: %(problems)s Nothing was changed.")
            % {
                "action": step.label,
                "problems": problems,
            },
        )
        return redirect(detail_url)
    arguments = {key: value for key, value in form.cleaned_data.items() if key != "next"}
    try:
        step.function(city=city, actor=request.user, **arguments)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(back)
    city.refresh_from_db(fields=["membership_status"])
    messages.success(
        request,
        _("%(city)s: %(status)s.") % {"city": city.name, "status": city.get_membership_status_display()},
    )
    return redirect(back)


@backoffice_required
def application_document(request, slug, pk, kind):
    if kind not in DOCUMENT_KINDS:
        raise Http404
    application = get_object_or_404(
        MembershipApplication.objects.select_related("city"), pk=pk, city__slug=slug
    )
    _require(request, "members.review_membership", application.city)
    document = getattr(application, kind)
    if not document:
        raise Http404
    try:
        # The field's own storage: the private one (members/storage.py), which no URL serves.
        handle = document.storage.open(document.name, "rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    # Always a PDF download, whatever name the file was stored under: the browser never renders it.
    filename = f"{application.city.slug}-{kind}.pdf"
    response = FileResponse(handle, content_type="application/pdf", as_attachment=True, filename=filename)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- Fees ---------------------------------------------------------------------------------------


@_permission_required("members.view_fee_status")
def fee_status(request):
    current_year = timezone.localdate().year
    year, unpaid_only = current_year, False
    if request.GET:
        form = FeeYearForm(request.GET)
        if form.is_valid():
            year = form.cleaned_data["year"] or current_year
            unpaid_only = form.cleaned_data["unpaid"]
        else:
            messages.warning(
                request,
                _("“%(value)s” is not a valid year: showing %(year)d.")
                % {"value": request.GET.get("year", ""), "year": current_year},
            )
            unpaid_only = request.GET.get("unpaid", "") in {"on", "1", "true"}
    summary = fee_status_summary(year=year, unpaid_only=unpaid_only)
    return render(
        request,
        "members/backoffice/fees.html",
        {
            "rows": summary.rows,
            "year": year,
            "unpaid_only": unpaid_only,
            "totals": summary.totals,
            "form": FeeYearForm(initial={"year": year, "unpaid": unpaid_only}),
            "section": "fees",
            "next": request.get_full_path(),
            "can_manage": request.user.has_perm("members.manage_fees"),
            # Executive Committee members read this page but cannot open the applications.
            "can_open_cities": request.user.has_perm("members.view_backoffice"),
        },
    )


@require_POST
@backoffice_required
def fee_mark_paid_view(request, pk):
    record = get_object_or_404(FeeRecord.objects.select_related("city"), pk=pk)
    _require(request, "members.manage_fees", record.city)
    back = _safe_next(request, f"{reverse('backoffice:fees')}?year={record.year}")
    try:
        fee_mark_paid(record=record, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The fee of %(year)d of %(city)s is recorded as paid.")
            % {"year": record.year, "city": record.city.name},
        )
    return redirect(back)


# --- Imports and networks -------------------------------------------------------------------------


@backoffice_required
def import_view(request):
    _require(request, "members.import_data")
    form = ImportForm(request.POST or None, request.FILES or None)
    outcome = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        outcome = import_file(
            kind=form.cleaned_data["kind"], data=upload.read(), filename=upload.name, actor=request.user
        )
        if outcome.ok:
            if outcome.kind == "city":
                text = _("%(count)d cities imported from %(file)s.")
            else:
                text = _("%(count)d contacts imported from %(file)s.")
            messages.success(request, text % {"count": outcome.created, "file": upload.name})
            return redirect("backoffice:import")
    return render(
        request,
        "members/backoffice/import.html",
        {
            "form": form,
            "outcome": outcome,
            "city_columns": CITY_COLUMNS,
            "contact_columns": CONTACT_COLUMNS,
            "section": "import",
        },
    )


@backoffice_required
def network_create_view(request):
    _require(request, "members.create_network")
    form = NetworkCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            network = network_create(
                actor=request.user,
                name=data["name"],
                kind=data["kind"],
                cities=list(data["cities"]),
                coordinator=data["coordinator"],
                co_coordinators=list(data["co_coordinators"]),
                acronym=data["acronym"],
                description=data["description"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The network %(name)s has been created.") % {"name": network.name})
            return redirect(network.get_absolute_url())
    return render(request, "members/backoffice/network_create.html", {"form": form, "section": "network"})
