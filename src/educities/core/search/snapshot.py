"""The per-process picture of one index: positions, dates, points and facets as numpy arrays.

Each search reads the index's version stamp (one small query). A process keeps its snapshot while the
stamp is the same and brings it up to date when another process (or itself) has written to the index,
so several web processes stay correct after writes. The objects an atom matches are cached in the
snapshot too (``AtomMatch``), so a common word costs one database round trip per process.

Bringing a snapshot up to date is incremental: every write gives the entries it touches new ids (ids
are never reused, see ``Backend.new_entry_ids``), so the list of the index's entry ids says what went
(ids the snapshot has that the index no longer has) and what came (ids it does not know yet); only the
new entries are read, and each cached word is checked again against the new entries only, the first
time it is used (``_Partial``). A publication therefore costs every process one list of ids and a few
rows instead of a full reload and a database pass per word. A snapshot read inside a transaction may
have seen rows that are then rolled back, so it is never the base of an incremental refresh; a
refresh touching many entries (a bulk import) loads everything again.
"""

import json
import math
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
from django.db import connection

from educities.core.search.backends import Backend
from educities.core.search.text import Atom

NO_DATE = np.iinfo(np.int32).min
ATOM_CACHE_SIZE = 128
# A refresh reading more new entries than this (or than a quarter of the index) reloads everything.
REFRESH_MAX_NEW = 5000


@dataclass
class FacetColumn:
    values: list[str]
    codes_by_value: dict[str, int]
    positions: np.ndarray  # int32: the object's position, one row per (object, value)
    codes: np.ndarray  # int32: the value's code in ``values``

    by_code: np.ndarray | None = None  # positions grouped by value code (``starts`` says where)
    starts: np.ndarray | None = None

    def mask(self, selected, size: int) -> np.ndarray:
        if self.by_code is None:
            order = np.argsort(self.codes, kind="stable")
            self.by_code = self.positions[order]
            self.starts = np.searchsorted(self.codes[order], np.arange(len(self.values) + 1))
        result = np.zeros(size, dtype=bool)
        for value in selected:
            code = self.codes_by_value.get(value)
            if code is not None:
                result[self.by_code[self.starts[code] : self.starts[code + 1]]] = True
        return result

    def counts(self, mask: np.ndarray) -> np.ndarray:
        return np.bincount(self.codes[mask[self.positions]], minlength=len(self.values))


@dataclass
class AtomMatch:
    anywhere: np.ndarray  # bool per position
    title: np.ndarray  # bool per position: in a title (of any language version)
    summary: np.ndarray  # bool per position: in a summary
    count: int
    idf: float

    def coarse(self) -> np.ndarray:
        """The atom's coarse relevance per position: idf × the weight of the best field it is in."""
        weights = np.where(self.title, 10.0, np.where(self.summary, 4.0, np.where(self.anywhere, 1.0, 0.0)))
        return (self.idf * weights).astype(np.float32)


@dataclass
class _Partial:
    """A cached word carried over a refresh: its matches among the entries the snapshot already had,
    and the entries (new since) it has not been checked against yet."""

    anywhere: np.ndarray
    title: np.ndarray
    summary: np.ndarray
    unchecked: np.ndarray  # entry ids


@dataclass
class Snapshot:
    index: str
    version: str
    entry_ids: np.ndarray  # int64, ascending
    object_ids: np.ndarray  # int64
    days: np.ndarray  # int32 days since 1970, NO_DATE when none
    lat: np.ndarray
    lon: np.ndarray
    facets: dict[str, FacetColumn]
    date_order: np.ndarray  # positions, newest first, ties by object id (highest first)
    atoms: OrderedDict = field(default_factory=OrderedDict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    _positions_by_object: dict[int, int] | None = None
    partial: dict = field(default_factory=dict)  # atom key -> _Partial
    in_transaction: bool = False  # read inside a transaction: never refreshed incrementally
    _recency: np.ndarray | None = None

    def recency(self) -> np.ndarray:
        """Per position, its rank in date order (the newest highest; ties by object id, highest first)."""
        if self._recency is None:
            rank = np.empty(self.size, dtype=np.int64)
            rank[self.date_order] = np.arange(self.size - 1, -1, -1, dtype=np.int64)
            self._recency = rank
        return self._recency

    @property
    def size(self) -> int:
        return len(self.entry_ids)

    def positions_of_entries(self, ids) -> np.ndarray:
        ids = np.asarray(ids, dtype=np.int64)
        if not len(ids) or not self.size:
            return np.zeros(0, dtype=np.int64)
        positions = np.searchsorted(self.entry_ids, ids)
        positions[positions >= self.size] = 0
        return positions[self.entry_ids[positions] == ids]

    def position_of_object(self, object_id: int) -> int | None:
        if self._positions_by_object is None:
            self._positions_by_object = {int(o): i for i, o in enumerate(self.object_ids)}
        return self._positions_by_object.get(object_id)

    def atom(self, backend: Backend, atom: Atom) -> AtomMatch:
        cached = self.atoms.get(atom.key)
        if cached is not None:
            self.atoms.move_to_end(atom.key)
            return cached
        partial = self.partial.get(atom.key)
        if partial is not None:
            # Known matches among the old entries; only the new ones are asked about.
            masks = {
                None: partial.anywhere.copy(),
                "title": partial.title.copy(),
                "summary": partial.summary.copy(),
            }
            unchecked = [int(i) for i in partial.unchecked]
            if unchecked:
                found = backend.atom_entry_ids(self.index, atom, column=None, entry_ids=unchecked)
                masks[None][self.positions_of_entries(found)] = True
                if found:
                    for column in ("title", "summary"):
                        ids = backend.atom_entry_ids(self.index, atom, column=column, entry_ids=found)
                        masks[column][self.positions_of_entries(ids)] = True
        else:
            masks = {}
            for column in (None, "title", "summary"):
                mask = np.zeros(self.size, dtype=bool)
                if column is None or masks[None].any():
                    found = backend.atom_entry_ids(self.index, atom, column=column)
                    mask[self.positions_of_entries(found)] = True
                masks[column] = mask
        count = int(masks[None].sum())
        idf = math.log(1 + self.size / (count + 0.5))
        match = AtomMatch(masks[None], masks["title"], masks["summary"], count, idf)
        with self.lock:
            self.atoms[atom.key] = match
            self.partial.pop(atom.key, None)
            while len(self.atoms) > ATOM_CACHE_SIZE:
                self.atoms.popitem(last=False)
        return match


_snapshots: dict[tuple[str, str], Snapshot] = {}
_load_lock = threading.Lock()


def index_version(index: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute('SELECT version FROM core_searchindexstate WHERE "index" = %s', [index])
        row = cursor.fetchone()
    return row[0] if row else ""


def snapshot_for(index: str, backend: Backend) -> Snapshot:
    key = (str(connection.settings_dict["NAME"]), index)
    version = index_version(index)
    current = _snapshots.get(key)
    if current is not None and current.version == version:
        return current
    with _load_lock:
        current = _snapshots.get(key)
        if current is None or current.version != version:
            refreshed = None
            if current is not None and not current.in_transaction and not connection.in_atomic_block:
                refreshed = _refresh(current, version, backend)
            current = refreshed if refreshed is not None else _load(index, version, backend)
            _snapshots[key] = current
    return current


def clear_snapshots() -> None:
    """Forgets every cached snapshot of this process (tests use it to play a second process)."""
    _snapshots.clear()


def _rows(cursor, backend: Backend, index: str, entry_ids=None):
    """(entry id, object id, day, lat, lon, facets dict) of the index's entries (or of these ones)."""
    sql = (
        f"SELECT id, object_id, {backend.days_sql()}, lat, lon, {backend.facets_sql()} "  # noqa: S608
        'FROM core_searchentry WHERE "index" = %s'
    )
    chunks = [None] if entry_ids is None else [entry_ids[i : i + 500] for i in range(0, len(entry_ids), 500)]
    for chunk in chunks:
        if chunk is None:
            cursor.execute(sql + " ORDER BY id", [index])
        else:
            cursor.execute(sql + f" AND id IN ({','.join('%s' for _ in chunk)})", [index, *chunk])
        while rows := cursor.fetchmany(5000):
            for entry_id, object_id, day, latitude, longitude, facets in rows:
                yield (
                    entry_id,
                    object_id,
                    NO_DATE if day is None else day,
                    math.nan if latitude is None else latitude,
                    math.nan if longitude is None else longitude,
                    json.loads(facets) if isinstance(facets, str) else facets,
                )


def _load(index: str, version: str, backend: Backend) -> Snapshot:
    with connection.cursor() as cursor:
        return _build(index, version, _rows(cursor, backend, index), None, None)


def _build(index: str, version: str, rows, kept: "Snapshot | None", keep: np.ndarray | None) -> Snapshot:
    """A snapshot of ``rows`` (an iterable sorted by entry id, read once: the facets of 100,000 entries
    are never held as parsed JSON at once), plus the positions ``keep`` of ``kept`` if given."""
    entry_ids: list[int] = []
    object_ids: list[int] = []
    days: list[int] = []
    lat: list[float] = []
    lon: list[float] = []
    facet_rows: dict[str, tuple[dict[str, int], list[int], list[int]]] = {}
    offset = 0
    old_facets: dict[str, FacetColumn] = {}
    if kept is not None:
        offset = int(keep.sum())
        old_facets = kept.facets
    for position, (entry_id, object_id, day, latitude, longitude, row_facets) in enumerate(
        rows, start=offset
    ):
        entry_ids.append(entry_id)
        object_ids.append(object_id)
        days.append(day)
        lat.append(latitude)
        lon.append(longitude)
        for name, values in row_facets.items():
            if name not in facet_rows:
                old = old_facets.get(name)
                facet_rows[name] = (dict(old.codes_by_value) if old else {}, [], [])
            codes_by_value, positions, codes = facet_rows[name]
            for value in values:
                code = codes_by_value.setdefault(value, len(codes_by_value))
                positions.append(position)
                codes.append(code)
    new_entry_ids = np.array(entry_ids, dtype=np.int64)
    new_object_ids = np.array(object_ids, dtype=np.int64)
    new_days = np.array(days, dtype=np.int32)
    new_lat = np.array(lat, dtype=np.float64)
    new_lon = np.array(lon, dtype=np.float64)
    facets: dict[str, FacetColumn] = {}
    if kept is None:
        for name, (codes_by_value, positions, codes) in facet_rows.items():
            facets[name] = FacetColumn(
                values=list(codes_by_value),
                codes_by_value=codes_by_value,
                positions=np.array(positions, dtype=np.int32),
                codes=np.array(codes, dtype=np.int32),
            )
        order = None
    else:
        # Kept entries first (positions 0..offset-1 in their old order), new ones after; then every
        # array is put back in entry id order (``order``), and facet positions follow.
        kept_positions = np.flatnonzero(keep)
        all_ids = np.concatenate([kept.entry_ids[kept_positions], new_entry_ids])
        order = np.argsort(all_ids, kind="stable")
        where = np.empty(len(order), dtype=np.int64)
        where[order] = np.arange(len(order))  # combined position -> final position
        old_to_new = np.full(kept.size, -1, dtype=np.int64)
        old_to_new[kept_positions] = where[:offset]
        new_entry_ids = all_ids[order]
        new_object_ids = np.concatenate([kept.object_ids[kept_positions], new_object_ids])[order]
        new_days = np.concatenate([kept.days[kept_positions], new_days])[order]
        new_lat = np.concatenate([kept.lat[kept_positions], new_lat])[order]
        new_lon = np.concatenate([kept.lon[kept_positions], new_lon])[order]
        for name in {*old_facets, *facet_rows}:
            old = old_facets.get(name)
            codes_by_value, positions, codes = facet_rows.get(
                name, (dict(old.codes_by_value) if old else {}, [], [])
            )
            parts_positions = [where[np.array(positions, dtype=np.int64)]]
            parts_codes = [np.array(codes, dtype=np.int32)]
            if old is not None:
                still = keep[old.positions]
                parts_positions.insert(0, old_to_new[old.positions[still]])
                parts_codes.insert(0, old.codes[still])
            facets[name] = FacetColumn(
                values=list(codes_by_value),
                codes_by_value=codes_by_value,
                positions=np.concatenate(parts_positions).astype(np.int32),
                codes=np.concatenate(parts_codes).astype(np.int32),
            )
    snapshot = Snapshot(
        index=index,
        version=version,
        entry_ids=new_entry_ids,
        object_ids=new_object_ids,
        days=new_days,
        lat=new_lat,
        lon=new_lon,
        facets=facets,
        date_order=np.lexsort((-new_object_ids, -new_days.astype(np.int64))),
        in_transaction=connection.in_atomic_block,
    )
    if kept is not None:
        _carry_atoms(kept, snapshot, keep, old_to_new, new_entry_ids[where[offset:]])
    return snapshot


def _carry_atoms(old: Snapshot, new: Snapshot, keep, old_to_new, added_ids) -> None:
    """The old snapshot's words, moved to the new positions, still to be checked on the new entries."""
    targets = old_to_new[keep]
    carried = [
        (key, match.anywhere, match.title, match.summary, added_ids) for key, match in old.atoms.items()
    ]
    carried += [
        (key, p.anywhere, p.title, p.summary, np.union1d(p.unchecked, added_ids))
        for key, p in old.partial.items()
        if key not in old.atoms
    ]
    for key, anywhere, title, summary, unchecked in carried[-ATOM_CACHE_SIZE:]:
        masks = []
        for mask in (anywhere, title, summary):
            moved = np.zeros(new.size, dtype=bool)
            moved[targets] = mask[keep]
            masks.append(moved)
        # entries checked before and since removed drop out of ``unchecked``
        unchecked = unchecked[np.isin(unchecked, new.entry_ids)]
        new.partial[key] = _Partial(*masks, unchecked=unchecked)


def _refresh(old: Snapshot, version: str, backend: Backend) -> Snapshot | None:
    """``old`` brought up to date from the list of entry ids; None when a full load is better."""
    with connection.cursor() as cursor:
        cursor.execute('SELECT id FROM core_searchentry WHERE "index" = %s', [old.index])
        ids = np.sort(np.fromiter((row[0] for row in cursor.fetchall()), dtype=np.int64))
        keep = np.isin(old.entry_ids, ids, assume_unique=True)
        added = ids[~np.isin(ids, old.entry_ids, assume_unique=True)]
        if len(added) > min(REFRESH_MAX_NEW, max(len(ids) // 4, 100)):
            return None
        rows = sorted(_rows(cursor, backend, old.index, [int(i) for i in added]))
    # An entry removed between the two queries: the next version change brings it up to date.
    return _build(old.index, version, rows, old, keep)
