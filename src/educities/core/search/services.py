"""The search service: index objects in several languages, search them with facets, rank, highlight.

Writes go to the database (the source of truth: ``SearchEntry``/``SearchText`` and the backend's
full-text index) and change the index's version stamp. Reads combine the database's full-text match
with a per-process snapshot (``snapshot.py``) that counts facets and filters with numpy, so a search
costs a constant number of queries whatever the number of objects.

Ranking is two-stage. Every match gets a coarse score in memory: for each clause, the inverse document
frequency of its best atom times the weight of the best field it is in (title 10, summary 4, body 1).
The best ``RANK_CANDIDATES`` are then ordered within equal coarse scores by the database's own score
(FTS5 bm25 with the same column weights, PostgreSQL ts_rank with weights A/B/C), squeezed into [0, 1)
and added. Hits past the candidates keep the coarse order. A broad word never makes the database rank
100,000 documents: FTS5 declines when more than 2,000 objects match (it would re-evaluate the whole
query), PostgreSQL ranks the 100 candidates only.
"""

import datetime
import math
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np
from django.db import transaction

from educities.core.models import SearchEntry, SearchIndexState, SearchText
from educities.core.search.backends import dumps_facets, get_backend
from educities.core.search.highlight import Highlighter, Version
from educities.core.search.snapshot import Snapshot, snapshot_for
from educities.core.search.text import Atom, ParsedQuery, clean_text, fold, parse_query
from educities.core.search.types import (
    FacetCount,
    SearchDocument,
    SearchEntryData,
    SearchHit,
    SearchQuery,
    SearchResults,
)

RANK_CANDIDATES = 100
MAX_PER_PAGE = 100
BULK_BATCH = 1000
SIMILAR_WORDS = 8
SIMILAR_FACET_WEIGHT = 0.5
_SIMILAR_STOPWORDS = frozenset(
    [
        "this",
        "that",
        "with",
        "from",
        "have",
        "been",
        "were",
        "their",
        "there",
        "which",
        "about",
        "into",
        "over",
        "under",
        "after",
        "before",
        "these",
        "those",
        "pour",
        "avec",
        "dans",
        "sont",
        "leur",
        "leurs",
        "plus",
        "comme",
        "nous",
        "vous",
        "elle",
        "elles",
        "mais",
        "cette",
        "entre",
        "para",
        "como",
        "sobre",
        "desde",
        "entre",
        "este",
        "esta",
        "estos",
        "estas",
        "pelo",
        "pela",
        "pelos",
        "pelas",
        "mais",
        "suas",
        "seus",
        "also",
        "more",
        "most",
        "other",
        "than",
        "then",
        "them",
        "they",
        "will",
        "would",
        "could",
        "should",
        "each",
        "such",
    ]
)


# --- writing ------------------------------------------------------------------------------------


def _bump(index: str) -> None:
    updated = SearchIndexState.objects.filter(index=index).update(version=uuid.uuid4().hex)
    if not updated:
        SearchIndexState.objects.create(index=index, version=uuid.uuid4().hex)


def _clean_documents(documents: Iterable[SearchDocument]) -> dict[str, tuple[str, str, str]]:
    by_language: dict[str, tuple[str, str, str]] = {}
    for document in documents:
        language = clean_text(str(document.language)).strip().lower()[:8] or "und"
        by_language[language] = (
            clean_text(document.title or ""),
            clean_text(document.summary or ""),
            clean_text(document.body or ""),
        )
    return by_language


def _clean_facets(facets: Mapping[str, Sequence[str]] | None) -> dict[str, list[str]]:
    return {str(name): list(dict.fromkeys(str(v) for v in values)) for name, values in (facets or {}).items()}


def _point(point: tuple[float, float] | None) -> tuple[float | None, float | None]:
    if point is None:
        return None, None
    lat, lon = float(point[0]), float(point[1])
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return None, None
    return lat, lon


def search_index_replace(
    *,
    index: str,
    object_id: int,
    documents: list[SearchDocument],
    facets: dict[str, list[str]],
    sort_date: datetime.date | None,
    point: tuple[float, float] | None = None,
) -> None:
    """Puts one object in the index, or replaces what the index held about it."""
    backend = get_backend()
    lat, lon = _point(point)
    with transaction.atomic():
        _bump(index)
        # A new entry (with a new id) rather than the old one changed: snapshots tell what changed
        # by the ids (snapshot.py).
        old = SearchEntry.objects.select_for_update().filter(index=index, object_id=object_id).first()
        if old is not None:
            backend.before_texts_change([old.id])
            SearchText.objects.filter(entry=old).delete()
            SearchEntry.objects.filter(id=old.id).delete()
        entry = SearchEntry(
            index=index,
            object_id=object_id,
            sort_date=sort_date,
            lat=lat,
            lon=lon,
            facets=_clean_facets(facets),
        )
        entry.save()
        SearchText.objects.bulk_create(
            SearchText(entry=entry, language=language, title=title, summary=summary, body=body)
            for language, (title, summary, body) in _clean_documents(documents).items()
        )
        backend.after_texts_change([entry.id])


def search_index_remove(*, index: str, object_id: int) -> None:
    """Takes one object out of the index (nothing happens when it is not there)."""
    backend = get_backend()
    with transaction.atomic():
        entry_ids = list(
            SearchEntry.objects.filter(index=index, object_id=object_id).values_list("id", flat=True)
        )
        if not entry_ids:
            return
        _bump(index)
        backend.before_texts_change(entry_ids)
        SearchText.objects.filter(entry_id__in=entry_ids).delete()
        SearchEntry.objects.filter(id__in=entry_ids).delete()


def search_index_clear(*, index: str) -> None:
    """Empties the index."""
    backend = get_backend()
    with transaction.atomic():
        _bump(index)
        if not backend.clear_all(index):
            entry_ids = list(SearchEntry.objects.filter(index=index).values_list("id", flat=True))
            backend.before_texts_change(entry_ids)
        SearchText.objects.filter(entry__index=index).delete()
        SearchEntry.objects.filter(index=index).delete()


def search_index_bulk(
    *,
    index: str,
    entries: Iterable[SearchEntryData],
    progress: Callable[[int], None] | None = None,
    batch_size: int = BULK_BATCH,
) -> int:
    """Indexes many objects fast (replacing those already there); calls ``progress(count)`` per batch."""
    backend = get_backend()
    done = 0
    batch: dict[int, SearchEntryData] = {}
    for entry in entries:
        batch[int(entry.object_id)] = entry
        if len(batch) >= batch_size:
            done += _bulk_batch(index, list(batch.values()), backend)
            batch = {}
            if progress:
                progress(done)
    if batch:
        done += _bulk_batch(index, list(batch.values()), backend)
        if progress:
            progress(done)
    return done


def _bulk_batch(index: str, batch: list[SearchEntryData], backend) -> int:
    with transaction.atomic():
        _bump(index)
        existing = list(
            SearchEntry.objects.filter(index=index, object_id__in=[e.object_id for e in batch]).values_list(
                "id", flat=True
            )
        )
        if existing:
            backend.before_texts_change(existing)
            SearchText.objects.filter(entry_id__in=existing).delete()
            SearchEntry.objects.filter(id__in=existing).delete()
        ids = backend.new_entry_ids(len(batch))
        entry_rows = []
        text_rows = []
        for entry_id, entry in zip(ids, batch, strict=True):
            lat, lon = _point(entry.point)
            entry_rows.append(
                (entry_id, index, int(entry.object_id), entry.sort_date, lat, lon, dumps_facets(entry.facets))
            )
            for language, (title, summary, body) in _clean_documents(entry.documents).items():
                text_rows.append((entry_id, language, title, summary, body))
        backend.insert_rows(entry_rows, text_rows)
    return len(batch)


# --- reading ------------------------------------------------------------------------------------


def _text_mask(
    snapshot: Snapshot, backend, parsed: ParsedQuery
) -> tuple[np.ndarray | None, np.ndarray | None]:
    """(the objects the text matches or None for all, their coarse relevance or None)."""
    if parsed.is_empty:
        return None, None
    mask = np.ones(snapshot.size, dtype=bool)
    score = None
    for clause in parsed.positive:
        any_atom = np.zeros(snapshot.size, dtype=bool)
        best = np.zeros(snapshot.size, dtype=np.float32)
        for atom in clause.atoms:
            match = snapshot.atom(backend, atom)
            any_atom |= match.anywhere
            np.maximum(best, match.coarse(), out=best)
        mask &= any_atom
        score = best if score is None else score + best
    for clause in parsed.negative:
        for atom in clause.atoms:
            mask &= ~snapshot.atom(backend, atom).anywhere
    return mask, score


def _filter_masks(snapshot: Snapshot, filters: Mapping[str, Sequence[str]]) -> dict[str, np.ndarray]:
    masks = {}
    for name, values in (filters or {}).items():
        if isinstance(values, str):
            values = [values]
        values = [str(v) for v in values if v is not None and str(v) != ""]
        if not values:
            continue
        column = snapshot.facets.get(str(name))
        masks[str(name)] = (
            column.mask(values, snapshot.size) if column else np.zeros(snapshot.size, dtype=bool)
        )
    return masks


def _combine(snapshot: Snapshot, text_mask, filter_masks, skip: str | None = None) -> np.ndarray:
    mask = np.ones(snapshot.size, dtype=bool) if text_mask is None else text_mask.copy()
    for name, filter_mask in filter_masks.items():
        if name != skip:
            mask &= filter_mask
    return mask


def _facet_counts(snapshot, names, text_mask, filter_masks, filters) -> dict[str, list[FacetCount]]:
    result: dict[str, list[FacetCount]] = {}
    for name in names:
        raw = (filters or {}).get(name) or []
        selected = {str(v) for v in ([raw] if isinstance(raw, str) else raw)}
        column = snapshot.facets.get(name)
        counts: dict[str, int] = {}
        if column is not None and snapshot.size:
            mask = _combine(snapshot, text_mask, filter_masks, skip=name)
            array = column.counts(mask)
            counts = {column.values[code]: int(array[code]) for code in np.flatnonzero(array)}
        for value in selected:
            counts.setdefault(value, 0)
        result[name] = [
            FacetCount(value=value, count=count, selected=value in selected)
            for value, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        ]
    return result


def _date_ordered(snapshot: Snapshot, mask: np.ndarray) -> np.ndarray:
    return snapshot.date_order[mask[snapshot.date_order]]


def _squeeze(score: float) -> float:
    return score / (1.0 + score) if score > 0 else 0.0


def _relevance_ordered(
    snapshot: Snapshot,
    backend,
    parsed: ParsedQuery,
    mask: np.ndarray,
    coarse: np.ndarray,
    needed: int,
    text_matches: int,
) -> tuple[np.ndarray, dict[int, float]]:
    """Positions in relevance order (at least ``needed`` of them) and their scores."""
    positions = np.flatnonzero(mask)
    days = snapshot.days[positions].astype(np.int64)
    objects = snapshot.object_ids[positions]
    scores = coarse[positions]
    if len(positions) > RANK_CANDIDATES:
        # argpartition slows down tenfold when most scores are equal (a word found in every object):
        # one integer key per position — the score to a thousandth, then recency — is never equal.
        key = np.floor(scores * 1000).astype(np.int64) * (1 << 32) + snapshot.recency()[positions]
        top = np.argpartition(-key, RANK_CANDIDATES - 1)[:RANK_CANDIDATES]
        # equal coarse scores at the border: keep the newest, like everywhere else
        top = top[np.lexsort((-objects[top], -days[top], -scores[top]))]
    else:
        top = np.lexsort((-objects, -days, -scores))
    candidates = positions[top]
    ranked = backend.rank(
        parsed.positive, [int(i) for i in snapshot.entry_ids[candidates]], matches=text_matches
    )
    # The database's score (bm25, ts_rank; 0 when the backend declined) orders hits within the same
    # coarse score: squeezed into [0, 1) it never lifts a body match above a title match.
    refined = np.array(
        [float(coarse[p]) + _squeeze(ranked.get(int(snapshot.entry_ids[p]), 0.0)) for p in candidates],
        dtype=np.float64,
    )
    order = np.lexsort(
        (-snapshot.object_ids[candidates], -snapshot.days[candidates].astype(np.int64), -refined)
    )
    ordered = candidates[order]
    score_by_position = {int(p): float(s) for p, s in zip(candidates, refined, strict=True)}
    if needed > len(ordered) and len(positions) > len(ordered):
        rest = np.ones(len(positions), dtype=bool)
        rest[top] = False
        rest_positions = positions[rest]
        rest_order = np.lexsort((-objects[rest], -days[rest], -scores[rest]))
        ordered = np.concatenate([ordered, rest_positions[rest_order]])
        score_by_position.update(
            {int(p): float(coarse[p]) for p in rest_positions[rest_order][: needed - len(candidates)]}
        )
    return ordered, score_by_position


def _hits(
    snapshot: Snapshot, positions: np.ndarray, scores, parsed: ParsedQuery, language: str
) -> list[SearchHit]:
    if not len(positions):
        return []
    entry_ids = [int(snapshot.entry_ids[p]) for p in positions]
    versions: dict[int, list[Version]] = {}
    for entry_id, lang, title, summary, body in (
        SearchText.objects.filter(entry_id__in=entry_ids)
        .order_by("id")
        .values_list("entry_id", "language", "title", "summary", "body")
    ):
        versions.setdefault(entry_id, []).append(Version(lang, title, summary, body))
    highlighter = Highlighter(parsed)
    hits = []
    for position, entry_id in zip(positions, entry_ids, strict=True):
        object_versions = versions.get(entry_id) or [Version(language, "", "", "")]
        version = highlighter.choose(object_versions, language, object_versions[0].language)
        hits.append(
            SearchHit(
                object_id=int(snapshot.object_ids[position]),
                score=round(float(scores.get(int(position), 0.0)), 6),
                language=version.language,
                title_html=highlighter.title_html(version.title),
                snippet_html=highlighter.snippet_html(version),
            )
        )
    return hits


def search_run(*, index: str, query: SearchQuery) -> SearchResults:
    """One page of results with facet counts; never raises on what the user typed."""
    parsed = parse_query(query.text)
    backend = get_backend()
    snapshot = snapshot_for(index, backend)
    message = " ".join(parsed.messages)
    try:
        per_page = min(max(int(query.per_page), 1), MAX_PER_PAGE)
    except (TypeError, ValueError):
        per_page = 20
    try:
        page = int(query.page)
    except (TypeError, ValueError):
        page = 1
    filters = query.filters or {}
    if parsed.error:
        empty = np.zeros(snapshot.size, dtype=bool)
        facets = _facet_counts(snapshot, query.facets, empty, {}, filters)
        return SearchResults(
            total=0, page=1, num_pages=1, hits=[], facets=facets, message=message, error=parsed.error
        )
    text_mask, coarse = _text_mask(snapshot, backend, parsed)
    filter_masks = _filter_masks(snapshot, filters)
    mask = _combine(snapshot, text_mask, filter_masks)
    total = int(mask.sum())
    num_pages = max(1, math.ceil(total / per_page))
    page = min(max(page, 1), num_pages)
    start = (page - 1) * per_page
    if query.sort == "relevance" and coarse is not None and total:
        text_matches = int(text_mask.sum()) if text_mask is not None else snapshot.size
        ordered, scores = _relevance_ordered(
            snapshot, backend, parsed, mask, coarse, start + per_page, text_matches
        )
    else:
        ordered, scores = _date_ordered(snapshot, mask), {}
    hits = _hits(snapshot, ordered[start : start + per_page], scores, parsed, query.language)
    facets = _facet_counts(snapshot, query.facets, text_mask, filter_masks, filters)
    return SearchResults(
        total=total, page=page, num_pages=num_pages, hits=hits, facets=facets, message=message, error=""
    )


def _matching(index: str, text: str, filters) -> tuple[Snapshot, np.ndarray]:
    parsed = parse_query(text)
    backend = get_backend()
    snapshot = snapshot_for(index, backend)
    if parsed.error:
        return snapshot, np.zeros(0, dtype=np.int64)
    text_mask, _coarse = _text_mask(snapshot, backend, parsed)
    mask = _combine(snapshot, text_mask, _filter_masks(snapshot, filters or {}))
    return snapshot, _date_ordered(snapshot, mask)


def search_matching_ids(*, index: str, text: str, filters: Mapping[str, Sequence[str]]) -> list[int]:
    """Every matching object id, newest first (ties by id, highest first), for exports and maps."""
    snapshot, positions = _matching(index, text, filters)
    return [int(i) for i in snapshot.object_ids[positions]]


def search_points(
    *, index: str, text: str, filters: Mapping[str, Sequence[str]]
) -> list[tuple[int, float, float]]:
    """(object id, latitude, longitude) of every match that has a point, newest first."""
    snapshot, positions = _matching(index, text, filters)
    positions = positions[~np.isnan(snapshot.lat[positions])]
    return [
        (int(o), float(a), float(b))
        for o, a, b in zip(
            snapshot.object_ids[positions], snapshot.lat[positions], snapshot.lon[positions], strict=True
        )
    ]


def search_similar(*, index: str, object_id: int, limit: int = 4) -> list[int]:
    """Objects sharing significant words of the titles and summaries, and facet values; never itself."""
    backend = get_backend()
    snapshot = snapshot_for(index, backend)
    position = snapshot.position_of_object(int(object_id))
    if position is None or limit <= 0:
        return []
    entry_id = int(snapshot.entry_ids[position])
    words: dict[str, int] = {}
    for title, summary in SearchText.objects.filter(entry_id=entry_id).values_list("title", "summary"):
        for rank, text in ((0, title), (1, summary)):
            for word in fold(text).split():
                word = "".join(c for c in word if c.isalnum())
                if len(word) >= 4 and not word.isdigit() and word not in _SIMILAR_STOPWORDS:
                    words[word] = min(words.get(word, rank), rank)
    chosen = sorted(words, key=lambda w: (words[w], -len(w), w))[:SIMILAR_WORDS]
    score = np.zeros(snapshot.size, dtype=np.float32)
    for word in chosen:
        match = snapshot.atom(backend, Atom("word", (word,)))
        if match.count > snapshot.size // 2:
            continue  # a word most objects have says nothing about similarity
        score += match.coarse()
    for column in snapshot.facets.values():
        for code in column.codes[column.positions == position]:
            shared = np.zeros(snapshot.size, dtype=bool)
            shared[column.positions[column.codes == code]] = True
            score += SIMILAR_FACET_WEIGHT * shared
    score[position] = 0
    candidates = np.flatnonzero(score > 0)
    order = np.lexsort(
        (-snapshot.object_ids[candidates], -snapshot.days[candidates].astype(np.int64), -score[candidates])
    )
    return [int(snapshot.object_ids[p]) for p in candidates[order][:limit]]
