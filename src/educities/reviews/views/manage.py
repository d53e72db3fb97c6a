"""The Secretariat's jury pages, generic over what is reviewed: run a process, and its ranking.

- ``manage``: the phase and its steps (``PHASE_STEPS``), the weighted criteria, the jurors, the conflicts of
  interest, the assignments (a matrix items × jurors, and an automatic assignment). Secretariat only
  (``reviews.manage_process``): anonymous users are sent to sign in, others get 403. Each action is a POST
  to its own URL: a form that does not validate shows the page again with its errors (400); the domain's
  refusal (``DomainError``) comes back as a message on the page, and nothing changes.
- ``ranking``: the items by mean with their figures and the tie-break used; the Secretariat records an
  order among items still tied. Jurors see it from the deliberation on, without the items they are
  conflicted with (``reviews.view_scores`` on each item).
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST, require_safe

from educities.core.domain.errors import DomainError
from educities.core.domain.translations_queries import translations_prefetch
from educities.reviews.domain import items as items_domain
from educities.reviews.domain import jury, processes
from educities.reviews.domain.queries import assignments_of, process_overview, process_ranking
from educities.reviews.enums import OPEN_PHASES, PHASE_STEPS, ReviewPhase, TieBreak
from educities.reviews.interfaces.forms_manage import (
    AssignmentRemoveForm,
    AssignmentsAutoForm,
    AssignmentsBulkForm,
    ConflictAddForm,
    ConflictPinForm,
    ConflictRemoveForm,
    CriterionAddForm,
    CriterionForm,
    PhaseStepForm,
    ReviewerAddForm,
    TieBreakForm,
)
from educities.reviews.models import (
    Assignment,
    Conflict,
    Criterion,
    Review,
    Reviewer,
    ReviewItem,
    ReviewProcess,
)

MANAGE = "reviews.manage_process"
HUNDREDTH = Decimal("0.01")
# How many items an automatic assignment names when it could not give them enough jurors.
SHORT_LISTED = 20


@dataclass(frozen=True)
class PhaseStep:
    name: str
    label: str
    help: str
    danger: bool = False


PHASE_STEP_TEXTS: dict[str, PhaseStep] = {
    step.name: step
    for step in [
        PhaseStep(
            "open_scoring",
            gettext_lazy("Open the blind scoring"),
            gettext_lazy("Each juror scores the items assigned to them without seeing the others' scores."),
        ),
        PhaseStep(
            "deliberate",
            gettext_lazy("Start the deliberation"),
            gettext_lazy(
                "Every juror without a conflict of interest sees every item, all the scores and the "
                "discussion."
            ),
        ),
        PhaseStep(
            "reopen_scoring",
            gettext_lazy("Reopen the blind scoring"),
            gettext_lazy("Back to scoring: jurors may change their scores again."),
        ),
        PhaseStep(
            "decide",
            gettext_lazy("Move to the decision"),
            gettext_lazy("The scores, the jury and its assignments are frozen while the jury decides."),
        ),
        PhaseStep(
            "close",
            gettext_lazy("Close the review"),
            gettext_lazy("Nothing can change any more."),
            danger=True,
        ),
    ]
}
assert set(PHASE_STEP_TEXTS) == set(PHASE_STEPS)  # noqa: S101 - a new step needs its label here


def secretariat_required(view):
    """Anonymous users are sent to sign in; others need ``reviews.manage_process`` on the process."""

    @wraps(view)
    def wrapper(request, process_id, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        process = get_object_or_404(ReviewProcess, pk=process_id)
        if not request.user.has_perm(MANAGE, process):
            raise PermissionDenied
        return view(request, process, *args, **kwargs)

    return wrapper


def _back(process: ReviewProcess, anchor: str) -> str:
    return reverse("jury:manage", kwargs={"process_id": process.pk}) + f"#{anchor}"


def _refused(request, error: DomainError) -> None:
    messages.error(request, _("%(problem)s Nothing was changed.") % {"problem": error.message})


def _form_problems(form) -> str:
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


# --- The management page ----------------------------------------------------------------------------


@dataclass
class Cell:
    """One cell of the assignment matrix. Its texts are made here, once: a matrix of 200 items × 7 jurors
    has 1,400 cells, and template lookups per cell would dominate the page's time."""

    reviewer_id: int
    state: str  # "free", "assigned", "conflict"
    key: str  # "<item id>-<juror id>": the ids of the cell's elements
    value: str = ""  # "<item id>:<juror id>": what a checked cell posts
    label: str = ""  # what the cell says to a screen reader
    assignment_id: int | None = None
    reviewed: bool = False
    kinds: str = ""


@dataclass
class MatrixRow:
    item: ReviewItem
    assigned: int
    short: bool
    cells: list[Cell]


def _matrix(*, process, jurors, items, conflicts) -> list[MatrixRow]:
    """Active items × jurors: assigned (with its assignment), conflicted (with the kinds) or free."""
    assignments = {(a.reviewer_id, a.item_id): a.pk for a in assignments_of(process=process)}
    reviewed = set(Review.objects.filter(item__process=process).values_list("reviewer_id", "item_id"))
    kinds: dict[tuple[int, int], list[str]] = {}
    for conflict in conflicts:
        kinds.setdefault((conflict.reviewer_id, conflict.item_id), []).append(conflict.get_kind_display())
    names = {reviewer.pk: str(reviewer.user) for reviewer in jurors}
    assign_label = _("Assign %(juror)s to %(item)s")
    rows = []
    for item in items:
        if not item.is_active:
            continue
        cells = []
        for reviewer in jurors:
            pair = (reviewer.pk, item.pk)
            key = f"{item.pk}-{reviewer.pk}"
            about = f"{names[reviewer.pk]} — {item.title}"
            if pair in kinds:
                cell = Cell(reviewer.pk, "conflict", key, label=about, kinds=", ".join(kinds[pair]))
            elif pair in assignments:
                cell = Cell(
                    reviewer.pk,
                    "assigned",
                    key,
                    label=about,
                    assignment_id=assignments[pair],
                    reviewed=pair in reviewed,
                )
            else:
                label = assign_label % {"juror": names[reviewer.pk], "item": item.title}
                cell = Cell(reviewer.pk, "free", key, value=f"{item.pk}:{reviewer.pk}", label=label)
            cells.append(cell)
        assigned = sum(cell.state == "assigned" for cell in cells)
        rows.append(
            MatrixRow(item=item, assigned=assigned, short=assigned < process.reviewers_per_item, cells=cells)
        )
    return rows


def _manage_page(request, process: ReviewProcess, *, forms: dict | None = None, status: int = 200):
    """The page, with ``forms`` (bound forms that did not validate) in place of the empty ones."""
    forms = forms or {}
    overview = process_overview(process=process)
    jurors = [load.reviewer for load in overview.jurors]
    items = [load.item for load in overview.items]
    active_items = [item for item in items if item.is_active]
    criteria = list(process.criteria.order_by("position"))
    criterion_forms = [
        (
            criterion,
            forms.get(f"criterion-{criterion.pk}")
            or CriterionForm(
                initial={
                    "name": criterion.name,
                    "description": criterion.description,
                    "weight": criterion.weight.normalize(),
                },
                auto_id=f"id_criterion_{criterion.pk}_%s",
            ),
        )
        for criterion in criteria
    ]
    steps = [
        PHASE_STEP_TEXTS[name]
        for name, (from_phases, _to) in PHASE_STEPS.items()
        if process.phase in from_phases
    ]
    frozen = process.phase in {ReviewPhase.DECISION, ReviewPhase.CLOSED}
    current = ReviewPhase.values.index(process.phase)
    context = {
        "process": process,
        "section": "manage",
        "phase_label": ReviewPhase(process.phase).label,
        "phases": [
            {"label": phase.label, "done": index < current, "current": index == current}
            for index, phase in enumerate(ReviewPhase)
        ],
        "steps": steps,
        "scale": f"{process.scale_min}–{process.scale_max}",
        "criteria": criterion_forms,
        "criterion_add_form": forms.get("criterion-new") or CriterionAddForm(auto_id="id_criterion_new_%s"),
        "jurors": overview.jurors,
        "reviewer_form": forms.get("reviewer") or ReviewerAddForm(auto_id="id_juror_%s"),
        "items": overview.items,
        "conflicts": overview.conflicts,
        "conflict_form": forms.get("conflict")
        or ConflictAddForm(reviewers=jurors, items=items, auto_id="id_conflict_%s"),
        "conflict_remove_form": forms.get("conflict-remove"),
        "conflict_remove_id": forms.get("conflict-remove-id"),
        "matrix": _matrix(process=process, jurors=jurors, items=items, conflicts=overview.conflicts),
        "matrix_jurors": jurors,
        "cell_disabled": " disabled" if frozen else "",
        "bulk_form": forms.get("bulk"),
        "auto_form": forms.get("auto")
        or AssignmentsAutoForm(initial={"per_item": process.reviewers_per_item}, auto_id="id_auto_%s"),
        "active_items": len(active_items),
        "frozen": frozen,
        "closed": process.phase == ReviewPhase.CLOSED,
        "open_phase": process.phase in OPEN_PHASES,
    }
    return render(request, "reviews/manage/manage.html", context, status=status)


@require_safe
@secretariat_required
def manage(request, process):
    return _manage_page(request, process)


@require_POST
@secretariat_required
def phase_change(request, process):
    form = PhaseStepForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("%(problems)s Nothing was changed.") % {"problems": _form_problems(form)})
        return redirect(_back(process, "phase"))
    step = form.cleaned_data["step"]
    try:
        processes.process_phase_change(
            process=process, step=step, actor=request.user, comment=form.cleaned_data["comment"]
        )
    except DomainError as error:
        _refused(request, error)
    else:
        messages.success(
            request,
            _("“%(process)s” is now in the phase “%(phase)s”. The jurors are told by e-mail.")
            % {"process": process.name, "phase": ReviewPhase(process.phase).label},
        )
    return redirect(_back(process, "phase"))


@require_POST
@secretariat_required
def criterion_add(request, process):
    form = CriterionAddForm(request.POST, auto_id="id_criterion_new_%s")
    if not form.is_valid():
        return _manage_page(request, process, forms={"criterion-new": form}, status=400)
    try:
        criterion = processes.criterion_add(
            process=process,
            name=form.cleaned_data["name"],
            description=form.cleaned_data["description"],
            weight=form.cleaned_data["weight"],
            language=form.cleaned_data["language"],
            actor=request.user,
        )
    except DomainError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The criterion “%(name)s” was added.") % {"name": criterion.name})
    return redirect(_back(process, "criteria"))


def _criterion_of(process: ReviewProcess, criterion_id: int) -> Criterion:
    return get_object_or_404(Criterion.objects.select_related("process"), pk=criterion_id, process=process)


@require_POST
@secretariat_required
def criterion_update(request, process, criterion_id):
    criterion = _criterion_of(process, criterion_id)
    form = CriterionForm(request.POST, auto_id=f"id_criterion_{criterion.pk}_%s")
    if not form.is_valid():
        return _manage_page(request, process, forms={f"criterion-{criterion.pk}": form}, status=400)
    try:
        processes.criterion_update(
            criterion=criterion,
            name=form.cleaned_data["name"],
            description=form.cleaned_data["description"],
            weight=form.cleaned_data["weight"],
            actor=request.user,
        )
    except DomainError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The criterion “%(name)s” was saved.") % {"name": criterion.name})
    return redirect(_back(process, f"criterion-{criterion.pk}"))


@require_POST
@secretariat_required
def criterion_delete(request, process, criterion_id):
    criterion = _criterion_of(process, criterion_id)
    name = criterion.name
    try:
        processes.criterion_delete(criterion=criterion, actor=request.user)
    except DomainError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The criterion “%(name)s” was deleted.") % {"name": name})
    return redirect(_back(process, "criteria"))


@require_POST
@secretariat_required
def reviewer_add(request, process):
    form = ReviewerAddForm(request.POST, auto_id="id_juror_%s")
    if not form.is_valid():
        return _manage_page(request, process, forms={"reviewer": form}, status=400)
    try:
        reviewer = jury.reviewer_add(
            process=process,
            user=form.user,
            city=form.cleaned_data["city"],
            country=form.cleaned_data["country"],
            organisation=form.cleaned_data["organisation"],
            actor=request.user,
        )
    except DomainError as error:
        _refused(request, error)
    else:
        conflicts = reviewer.conflicts.values("item").distinct().count()
        messages.success(
            request,
            ngettext(
                "%(juror)s joined the jury; a conflict of interest was found with %(count)d item.",
                "%(juror)s joined the jury; conflicts of interest were found with %(count)d items.",
                conflicts,
            )
            % {"juror": reviewer.user, "count": conflicts},
        )
    return redirect(_back(process, "jurors"))


@require_POST
@secretariat_required
def reviewer_remove(request, process, reviewer_id):
    reviewer = get_object_or_404(
        Reviewer.objects.select_related("user", "process"), pk=reviewer_id, process=process
    )
    try:
        jury.reviewer_remove(reviewer=reviewer, actor=request.user)
    except DomainError as error:
        _refused(request, error)
    else:
        messages.success(request, _("%(juror)s left the jury.") % {"juror": reviewer.user})
    return redirect(_back(process, "jurors"))


@require_POST
@secretariat_required
def conflict_add(request, process):
    jurors = list(process.reviewers.select_related("user").order_by("user__email"))
    items = list(process.items.order_by("title", "pk"))
    form = ConflictAddForm(request.POST, reviewers=jurors, items=items, auto_id="id_conflict_%s")
    if not form.is_valid():
        return _manage_page(request, process, forms={"conflict": form}, status=400)
    reviewer = form.reviewers[form.cleaned_data["reviewer"]]
    item = form.items[form.cleaned_data["item"]]
    item.process = process
    try:
        jury.conflict_add(
            reviewer=reviewer,
            item=item,
            kind=form.cleaned_data["kind"],
            note=form.cleaned_data["note"],
            actor=request.user,
        )
    except DomainError as error:
        _refused(request, error)
    else:
        messages.success(
            request,
            _(
                "Conflict of interest recorded (pinned): %(juror)s and “%(item)s”. "
                "The juror is no longer assigned to it."
            )
            % {"juror": reviewer.user, "item": item.title},
        )
    return redirect(_back(process, "conflicts"))


def _conflict_of(process: ReviewProcess, conflict_id: int) -> Conflict:
    conflict = get_object_or_404(
        Conflict.objects.select_related("reviewer__user", "item"), pk=conflict_id, item__process=process
    )
    conflict.item.process = process
    return conflict


@require_POST
@secretariat_required
def conflict_pin(request, process, conflict_id):
    conflict = _conflict_of(process, conflict_id)
    form = ConflictPinForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether to pin or unpin the conflict. Nothing was changed."))
        return redirect(_back(process, "conflicts"))
    pinned = form.cleaned_data["pinned"]
    try:
        jury.conflict_pin(conflict=conflict, pinned=pinned, actor=request.user)
    except DomainError as error:
        _refused(request, error)
    else:
        done = (
            _("The conflict of %(juror)s with “%(item)s” is pinned: no recomputation removes it.")
            if pinned
            else _("The conflict of %(juror)s with “%(item)s” is no longer pinned.")
        )
        messages.success(request, done % {"juror": conflict.reviewer.user, "item": conflict.item.title})
    return redirect(_back(process, "conflicts"))


@require_POST
@secretariat_required
def conflict_remove(request, process, conflict_id):
    conflict = _conflict_of(process, conflict_id)
    form = ConflictRemoveForm(request.POST, auto_id=f"id_conflict_{conflict.pk}_%s")
    if not form.is_valid():
        forms = {"conflict-remove": form, "conflict-remove-id": conflict.pk}
        return _manage_page(request, process, forms=forms, status=400)
    try:
        jury.conflict_remove(conflict=conflict, reason=form.cleaned_data["reason"], actor=request.user)
    except DomainError as error:
        _refused(request, error)
    else:
        messages.success(
            request,
            _("The conflict of %(juror)s with “%(item)s” (%(kind)s) was removed.")
            % {
                "juror": conflict.reviewer.user,
                "item": conflict.item.title,
                "kind": conflict.get_kind_display(),
            },
        )
    return redirect(_back(process, "conflicts"))


@require_POST
@secretariat_required
def conflicts_refresh(request, process):
    try:
        changed = jury.conflicts_refresh(process=process, actor=request.user)
    except DomainError as error:
        _refused(request, error)
    else:
        messages.success(
            request,
            ngettext(
                "Automatic conflicts recomputed: %(count)d conflict was added or removed.",
                "Automatic conflicts recomputed: %(count)d conflicts were added or removed.",
                changed,
            )
            % {"count": changed},
        )
    return redirect(_back(process, "conflicts"))


def _report_skipped(request, skipped) -> None:
    if skipped:
        pairs = "; ".join(f"{reviewer.user} — “{item.title}”" for reviewer, item in skipped)
        messages.warning(
            request,
            ngettext(
                "Refused, because of a conflict of interest: %(pairs)s.",
                "Refused, because of conflicts of interest (%(count)d): %(pairs)s.",
                len(skipped),
            )
            % {"pairs": pairs, "count": len(skipped)},
        )


@require_POST
@secretariat_required
def assignments_bulk(request, process):
    jurors = list(process.reviewers.select_related("user").order_by("user__email"))
    items = list(process.items.filter(is_active=True).order_by("title", "pk"))
    form = AssignmentsBulkForm(request.POST, reviewers=jurors, items=items)
    if not form.is_valid():
        return _manage_page(request, process, forms={"bulk": form}, status=400)
    created = already = 0
    skipped = []
    try:
        with transaction.atomic():
            for reviewer, reviewer_items in form.by_reviewer():
                report = jury.assignments_bulk(
                    process=process, reviewers=[reviewer], items=reviewer_items, actor=request.user
                )
                created += report.created
                already += report.already
                skipped += report.skipped_conflicted
    except DomainError as error:
        _refused(request, error)
        return redirect(_back(process, "assignments"))
    messages.success(
        request,
        ngettext("%(count)d assignment made.", "%(count)d assignments made.", created) % {"count": created}
        + (" " + _("%(count)d already existed.") % {"count": already} if already else ""),
    )
    _report_skipped(request, skipped)
    return redirect(_back(process, "assignments"))


@require_POST
@secretariat_required
def assignments_auto(request, process):
    form = AssignmentsAutoForm(request.POST, auto_id="id_auto_%s")
    if not form.is_valid():
        return _manage_page(request, process, forms={"auto": form}, status=400)
    per_item = form.cleaned_data["per_item"]
    try:
        report = jury.assignments_auto(process=process, actor=request.user, per_item=per_item)
    except DomainError as error:
        _refused(request, error)
        return redirect(_back(process, "assignments"))
    messages.success(
        request,
        ngettext("%(count)d assignment made.", "%(count)d assignments made.", report.created)
        % {"count": report.created},
    )
    if report.short:
        listed = "; ".join(
            _("“%(item)s”: %(has)d of %(wanted)d") % {"item": item.title, "has": has, "wanted": per_item}
            for item, has in report.short[:SHORT_LISTED]
        )
        more = len(report.short) - SHORT_LISTED
        messages.warning(
            request,
            ngettext(
                "%(count)d item could not get %(wanted)d jurors without a conflict of interest: %(items)s.",
                "%(count)d items could not get %(wanted)d jurors without a conflict of interest: %(items)s.",
                len(report.short),
            )
            % {"count": len(report.short), "wanted": per_item, "items": listed}
            + (" " + _("And %(count)d more.") % {"count": more} if more > 0 else ""),
        )
    return redirect(_back(process, "assignments"))


@require_POST
@secretariat_required
def assignment_remove(request, process):
    form = AssignmentRemoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose an assignment to remove. Nothing was changed."))
        return redirect(_back(process, "assignments"))
    assignment = (
        Assignment.objects.select_related("reviewer__user", "item")
        .filter(pk=form.cleaned_data["assignment"], item__process=process)
        .first()
    )
    if assignment is None:
        raise Http404
    assignment.item.process = process
    try:
        jury.assignment_remove(assignment=assignment, actor=request.user)
    except DomainError as error:
        _refused(request, error)
    else:
        messages.success(
            request,
            _("%(juror)s no longer reviews “%(item)s”.")
            % {"juror": assignment.reviewer.user, "item": assignment.item.title},
        )
    return redirect(_back(process, "assignments"))


# --- The ranking ------------------------------------------------------------------------------------


def _ranking_access(request, process_id: int):
    """The process and whether the user is the Secretariat; ``None`` with the response to give otherwise."""
    if not request.user.is_authenticated:
        return None, redirect_to_login(request.get_full_path())
    process = get_object_or_404(ReviewProcess, pk=process_id)
    user = request.user
    if user.has_perm(MANAGE, process):
        return (process, True), None
    if user.has_perm("reviews.view_process", process) and process.phase in OPEN_PHASES:
        return (process, False), None
    raise PermissionDenied


@dataclass
class TieGroup:
    rank: int
    rows: list
    form: TieBreakForm


def _tie_groups(ranking, *, bound: TieBreakForm | None) -> list[TieGroup]:
    """Runs of rows the median and the criteria could not separate (the staff's order may have)."""
    runs: list[list] = []
    for row in ranking:
        if row.tie_break in {TieBreak.STAFF, TieBreak.UNBROKEN} and runs:
            runs[-1].append(row)
        else:
            runs.append([row])
    groups = []
    for rows in runs:
        if len(rows) < 2 or rows[0].aggregate.mean is None:
            continue
        items = [row.item for row in rows]
        ids = {item.pk for item in items}
        if bound is not None and {item.pk for item in bound.items} == ids:
            form = bound
        else:
            form = TieBreakForm(
                items=items,
                initial={"reason": items[0].tie_break_reason},
                auto_id=f"id_tie_{items[0].pk}_%s",
            )
        groups.append(TieGroup(rank=rows[0].rank, rows=rows, form=form))
    return groups


def _figure(value: Decimal | None, separator: str) -> str:
    """A figure with two decimals (half up, as ``floatformat:2``) in the reader's notation; "—" for none."""
    if value is None:
        return "—"
    return str(value.quantize(HUNDREDTH, rounding=ROUND_HALF_UP)).replace(".", separator)


def _ranking_page(request, process: ReviewProcess, *, is_staff: bool, bound=None, status: int = 200):
    ranking = process_ranking(process=process)
    for row in ranking:
        row.item.process = process  # the rules read the phase through it: no query per item
    if not is_staff:
        ranking = [row for row in ranking if request.user.has_perm("reviews.view_scores", row.item)]
    criteria = list(process.criteria.order_by("position"))
    language = translation.get_language() or "en"
    texts = translations_prefetch(objects=criteria, fields=["name"], language=language)
    columns = [texts[(c.pk, "name")].text if (c.pk, "name") in texts else c.name for c in criteria]
    separator = formats.get_format("DECIMAL_SEPARATOR", use_l10n=True)
    tie_break_labels = {value: str(label) for value, label in TieBreak.choices}
    rows = [
        {
            "row": row,
            # Formatted here: 200 items × 10 figures through a template filter would double the page's time.
            "figures": [
                _figure(getattr(row.aggregate, name), separator)
                for name in ("mean", "median", "stdev", "spread")
            ],
            "criterion_means": [
                _figure(row.aggregate.criterion_means.get(c.pk), separator) for c in criteria
            ],
            "outliers": len(row.aggregate.outlier_review_ids),
            "tie_break_label": tie_break_labels[row.tie_break] if row.tie_break else "",
        }
        for row in ranking
    ]
    tie_groups = _tie_groups(ranking, bound=bound) if is_staff else []
    context = {
        "process": process,
        "section": "ranking",
        "phase_label": ReviewPhase(process.phase).label,
        "is_staff": is_staff,
        "rows": rows,
        "columns": columns,
        "tie_groups": tie_groups,
        # A posted order whose items are no longer tied together: its errors are shown above the groups.
        "bound_unmatched": bound
        if bound is not None and all(g.form is not bound for g in tie_groups)
        else None,
        "scale": f"{process.scale_min}–{process.scale_max}",
        "outlier_percent": process.outlier_percent,
        "frozen": process.phase == ReviewPhase.CLOSED,
    }
    return render(request, "reviews/manage/ranking.html", context, status=status)


@require_safe
def ranking(request, process_id):
    access, response = _ranking_access(request, process_id)
    if response is not None:
        return response
    process, is_staff = access
    return _ranking_page(request, process, is_staff=is_staff)


@require_POST
@secretariat_required
def tie_break(request, process):
    back = reverse("jury:ranking", kwargs={"process_id": process.pk}) + "#tie-breaks"
    try:
        ids = sorted({int(value) for value in request.POST.getlist("item")})
    except ValueError:
        ids = []
    items = list(ReviewItem.objects.filter(process=process, is_active=True, pk__in=ids).order_by("pk"))
    if len(ids) < 2 or len(items) != len(ids):
        messages.error(request, _("Choose tied items of this ranking. Nothing was changed."))
        return redirect(back)
    form = TieBreakForm(request.POST, items=items, auto_id=f"id_tie_{items[0].pk}_%s")
    if not form.is_valid():
        return _ranking_page(request, process, is_staff=True, bound=form, status=400)
    try:
        with transaction.atomic():
            for item, rank in form.ranks():
                item.process = process
                items_domain.item_tie_break_set(
                    item=item, rank=rank, reason=form.cleaned_data["reason"], actor=request.user
                )
    except DomainError as error:
        _refused(request, error)
    else:
        messages.success(request, _("The order of the tied items was recorded."))
    return redirect(back)
