"""Bids to host a congress: the public list of decided bids, a city's bids, one bid (edit while a draft,
PDF documents, submit, withdraw), a document's download, and the decision of the Executive Committee —
whose members are not staff, so these pages live here rather than in the back office.

Permissions (congresses/rules.py): a decided bid is public (``congresses.view_bid``) without its documents
(``congresses.download_bid_document``: the city, the Executive Committee, the Secretariat). Any other bid
the user may not see is 404 for a signed-in user — the same answer as for one that does not exist — and
the sign-in page for an anonymous visitor. Deciding needs ``congresses.decide_bid``: a city editor is
refused (403). Every change goes through ``congresses.domain.bids``; a refused value or step is shown and
changes nothing.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from educities.congresses.domain.bids import (
    BidInvalid,
    bid_document_add,
    bid_document_remove,
    bid_save,
    bid_submit,
    bid_transition,
    bid_withdraw,
    bids_decided_by_year,
    bids_for_decision,
    bids_of_cities,
)
from educities.congresses.enums import BID_STEPS, DECIDED_BID_STATES, OFFICIAL_LANGUAGES, BidStatus
from educities.congresses.interfaces.forms_bids import (
    BidDecisionForm,
    BidDocumentForm,
    BidForm,
    BidWithdrawForm,
)
from educities.congresses.interfaces.forms_calls import CityChoiceForm
from educities.congresses.models import Bid, BidDocument
from educities.congresses.views.calls import chosen_city, cities_for
from educities.core.domain.audit import audit_entries_for
from educities.core.domain.errors import DomainError, PermissionRefused
from educities.members.rules import editable_city_ids

WITHDRAWABLE_STATES = BID_STEPS["withdraw"][0]
NEXT_STEPS = {
    BidStatus.DRAFT: gettext_lazy("Complete the bid, attach its documents and submit it."),
    BidStatus.SUBMITTED: gettext_lazy(
        "Submitted: the Executive Committee will decide at one of its meetings."
    ),
    BidStatus.ACCEPTED: gettext_lazy("Chosen by the Executive Committee: congratulations!"),
    BidStatus.DECLINED: gettext_lazy("Not chosen this time: read the decision of the Executive Committee."),
    BidStatus.WITHDRAWN: gettext_lazy("Withdrawn: nothing more to do."),
}
HISTORY_LABELS = {
    "create": gettext_lazy("started"),
    "save": gettext_lazy("draft saved"),
    "document_add": gettext_lazy("document attached"),
    "document_remove": gettext_lazy("document removed"),
    "submit": gettext_lazy("submitted"),
    "accept": gettext_lazy("chosen"),
    "decline": gettext_lazy("not chosen"),
    "withdraw": gettext_lazy("withdrawn"),
}
NOT_A_DRAFT = gettext_lazy("This bid was submitted: it can no longer be changed.")


def _initial_language() -> str:
    language = (get_language() or "en").split("-")[0]
    return language if language in OFFICIAL_LANGUAGES else "en"


def _history(bid: Bid) -> list[dict]:
    rows = []
    for entry in audit_entries_for(subject=bid):
        actor = entry.actor
        if actor is None:
            who = "—"
        elif actor.is_staff:
            who = _("the Secretariat")
        elif entry.action in {"accept", "decline"}:
            who = _("the Executive Committee")
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


# --- Public list ---------------------------------------------------------------------------------------


@require_safe
def bids_public(request):
    return render(request, "congresses/bids/list.html", {"years": bids_decided_by_year()})


# --- A city's bids -------------------------------------------------------------------------------------


@login_required
@require_safe
def bids_mine(request):
    user = request.user
    rows = [
        {"bid": bid, "next_step": NEXT_STEPS[BidStatus(bid.status)]}
        for bid in bids_of_cities(city_ids=editable_city_ids(user))
    ]
    return render(
        request,
        "congresses/bids/mine.html",
        {
            "rows": rows,
            "may_bid": bool(cities_for(user, "congresses.bid")),
            "may_decide": user.has_perm("congresses.decide_bid"),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def bid_new(request):
    cities = cities_for(request.user, "congresses.bid")
    if not cities:
        raise PermissionDenied
    raw_city = request.POST.get("city") if request.method == "POST" else request.GET.get("city")
    city = chosen_city(cities, raw_city)
    context = {"cities": cities, "city": city}
    if len(cities) > 1:
        context["city_form"] = CityChoiceForm(
            initial={"city": city.pk if city else None}, cities=cities, auto_id="city_%s"
        )
    if city is None:
        return render(request, "congresses/bids/new.html", context)
    form = BidForm(
        request.POST if request.method == "POST" else None, initial={"language": _initial_language()}
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                bid = bid_save(city=city, actor=request.user, **form.cleaned_data)
            except PermissionRefused as error:
                raise PermissionDenied from error
            except BidInvalid as error:
                form.add_domain_errors(error.errors)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request, _("The bid is saved as a draft: attach its documents and submit it.")
                )
                return redirect("events:bid", pk=bid.pk)
        status = 400
    context["form"] = form
    return render(request, "congresses/bids/new.html", context, status=status)


# --- One bid -------------------------------------------------------------------------------------------


def _render_bid(request, bid: Bid, *, form=None, document_form=None, status=200):
    user = request.user
    can_change = user.has_perm("congresses.change_bid", bid)
    if can_change and form is None:
        form = BidForm(
            initial={
                "congress_year": bid.congress_year,
                "language": bid.language,
                "proposed_theme": bid.proposed_theme,
                "statement": bid.statement,
                "venue": bid.venue,
                "proposed_dates": bid.proposed_dates,
            }
        )
    if can_change and document_form is None:
        document_form = BidDocumentForm()
    acts = user.is_authenticated and user.has_perm("congresses.bid", bid.city)
    may_documents = user.has_perm("congresses.download_bid_document", bid)
    context = {
        "bid": bid,
        "form": form if can_change else None,
        "document_form": document_form if can_change else None,
        "documents": list(bid.documents.all()) if may_documents else [],
        "may_documents": may_documents,
        "is_decided": bid.status in DECIDED_BID_STATES,
        "acts_for_city": acts,
        "can_submit": acts and bid.status == BidStatus.DRAFT,
        "can_withdraw": acts and bid.status in WITHDRAWABLE_STATES,
        "can_decide": bid.status == BidStatus.SUBMITTED and user.has_perm("congresses.decide_bid", bid),
        "history": _history(bid) if (acts or user.has_perm("congresses.decide_bid", bid)) else [],
    }
    return render(request, "congresses/bids/bid.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def bid_page(request, pk):
    bid = Bid.objects.select_related("city__country").filter(pk=pk).first()
    if bid is None or not request.user.has_perm("congresses.view_bid", bid):
        # An anonymous visitor may be the city's editor, not signed in yet: the same answer for every pk.
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404
    if request.method != "POST":
        return _render_bid(request, bid)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("congresses.change_bid", bid):
        if request.user.has_perm("congresses.bid", bid.city):
            messages.error(request, NOT_A_DRAFT)
            return redirect("events:bid", pk=bid.pk)
        raise PermissionDenied
    form = BidForm(request.POST)
    if form.is_valid():
        try:
            bid_save(city=bid.city, actor=request.user, bid=bid, **form.cleaned_data)
        except PermissionRefused as error:
            raise PermissionDenied from error
        except BidInvalid as error:
            form.add_domain_errors(error.errors)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The draft is saved."))
            return redirect("events:bid", pk=bid.pk)
    bid.refresh_from_db()
    return _render_bid(request, bid, form=form, status=400)


@login_required
@require_POST
def bid_document_upload(request, pk):
    bid = _bid_or_404(request, pk)
    if not request.user.has_perm("congresses.change_bid", bid):
        if request.user.has_perm("congresses.bid", bid.city):
            messages.error(request, NOT_A_DRAFT)
            return redirect("events:bid", pk=bid.pk)
        raise PermissionDenied
    document_form = BidDocumentForm(request.POST, request.FILES)
    if document_form.is_valid():
        try:
            bid_document_add(
                bid=bid,
                title=document_form.cleaned_data["title"],
                upload=document_form.cleaned_data["file"],
                actor=request.user,
            )
        except PermissionRefused as error:
            raise PermissionDenied from error
        except DomainError as error:
            document_form.add_error("file", error.message)
        else:
            messages.success(request, _("The document is attached."))
            return redirect("events:bid", pk=bid.pk)
    return _render_bid(request, bid, document_form=document_form, status=400)


def _bid_or_404(request, pk: int) -> Bid:
    bid = Bid.objects.select_related("city__country").filter(pk=pk).first()
    if bid is None or not request.user.has_perm("congresses.view_bid", bid):
        raise Http404
    return bid


def _document_or_404(bid: Bid, document_pk: int) -> BidDocument:
    document = BidDocument.objects.filter(pk=document_pk, bid=bid).first()
    if document is None:
        raise Http404
    return document


@login_required
@require_POST
def bid_document_delete(request, pk, document_pk):
    bid = _bid_or_404(request, pk)
    if not request.user.has_perm("congresses.download_bid_document", bid):
        raise Http404
    document = _document_or_404(bid, document_pk)
    try:
        bid_document_remove(document=document, actor=request.user)
    except PermissionRefused as error:
        raise PermissionDenied from error
    except DomainError as error:
        messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
    else:
        messages.success(request, _("The document is removed."))
    return redirect("events:bid", pk=bid.pk)


@login_required
@require_safe
def bid_document(request, pk, document_pk):
    bid = _bid_or_404(request, pk)
    if not request.user.has_perm("congresses.download_bid_document", bid):
        raise Http404
    document = _document_or_404(bid, document_pk)
    try:
        # The field's own storage: the private one, which no URL serves.
        handle = document.file.storage.open(document.file.name, "rb")
    except OSError as error:
        raise Http404 from error
    city_part = slugify(bid.city.name) or bid.city_id
    filename = f"bid-{bid.congress_year}-{city_part}-{slugify(document.title)[:60] or document.pk}.pdf"
    response = FileResponse(handle, content_type="application/pdf", as_attachment=True, filename=filename)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def bid_submit_view(request, pk):
    bid = _bid_or_404(request, pk)
    if not request.user.has_perm("congresses.bid", bid.city):
        raise PermissionDenied
    try:
        bid_submit(bid=bid, actor=request.user)
    except PermissionRefused as error:
        raise PermissionDenied from error
    except DomainError as error:
        messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
    else:
        messages.success(request, _("The bid is submitted. The city will receive the decision by e-mail."))
    return redirect("events:bid", pk=bid.pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def bid_withdraw_view(request, pk):
    bid = _bid_or_404(request, pk)
    if not request.user.has_perm("congresses.bid", bid.city):
        raise PermissionDenied
    if bid.status not in WITHDRAWABLE_STATES:
        messages.error(
            request,
            _("This bid is “%(status)s”: it can no longer be withdrawn.")
            % {"status": bid.get_status_display()},
        )
        return redirect("events:bid", pk=bid.pk)
    form = BidWithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            bid_withdraw(bid=bid, actor=request.user)
        except PermissionRefused as error:
            raise PermissionDenied from error
        except DomainError as error:
            messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})
        else:
            messages.success(request, _("The bid is withdrawn."))
        return redirect("events:bid", pk=bid.pk)
    return render(
        request,
        "congresses/bids/withdraw.html",
        {"bid": bid, "form": form},
        status=400 if request.method == "POST" else 200,
    )


# --- The Executive Committee's decision ----------------------------------------------------------------


@login_required
@require_safe
def bids_to_decide(request):
    if not request.user.has_perm("congresses.decide_bid"):
        raise PermissionDenied
    bids = list(bids_for_decision())
    return render(
        request,
        "congresses/bids/decisions.html",
        {
            "waiting": [bid for bid in bids if bid.status == BidStatus.SUBMITTED],
            "others": [bid for bid in bids if bid.status != BidStatus.SUBMITTED],
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def bid_decide(request, pk):
    bid = _bid_or_404(request, pk)
    if not request.user.has_perm("congresses.decide_bid", bid):
        raise PermissionDenied
    if bid.status != BidStatus.SUBMITTED:
        messages.error(
            request,
            _("This bid is “%(status)s”: there is nothing to decide.") % {"status": bid.get_status_display()},
        )
        return redirect("events:bid", pk=bid.pk)
    form = BidDecisionForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                bid_transition(
                    bid=bid,
                    step=form.cleaned_data["decision"],
                    actor=request.user,
                    note=form.cleaned_data["note"],
                    meeting=form.cleaned_data["meeting"],
                )
            except PermissionRefused as error:
                raise PermissionDenied from error
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The decision is recorded and the city is informed."))
                return redirect("events:bid", pk=bid.pk)
        status = 400
    return render(
        request,
        "congresses/bids/decide.html",
        {"bid": bid, "form": form, "documents": list(bid.documents.all())},
        status=status,
    )
