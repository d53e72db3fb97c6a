"""The per-process picture of one index: positions, dates, points and facets as numpy arrays.

Each search reads the index's version stamp (one small query). A process keeps its snapshot while the
stamp is the same and loads it again when another process (or itself) has written to the index, so
several web processes stay correct after writes. The objects an atom matches are cached in the
snapshot too (``AtomMatch``), so a common word costs one database round trip per process and version.
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
        masks = {}
        for column in (None, "title", "summary"):
            mask = np.zeros(self.size, dtype=bool)
            if column is None or masks[None].any():
                mask[self.positions_of_entries(backend.atom_entry_ids(self.index, atom, column=column))] = (
                    True
                )
            masks[column] = mask
        count = int(masks[None].sum())
        idf = math.log(1 + self.size / (count + 0.5))
        match = AtomMatch(masks[None], masks["title"], masks["summary"], count, idf)
        with self.lock:
            self.atoms[atom.key] = match
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
            current = _load(index, version, backend)
            _snapshots[key] = current
    return current


def clear_snapshots() -> None:
    """Forgets every cached snapshot of this process (tests use it to play a second process)."""
    _snapshots.clear()


def _load(index: str, version: str, backend: Backend) -> Snapshot:
    entry_ids: list[int] = []
    object_ids: list[int] = []
    days: list[int] = []
    lat: list[float] = []
    lon: list[float] = []
    facet_rows: dict[str, tuple[dict[str, int], list[int], list[int]]] = {}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, object_id, {backend.days_sql()}, lat, lon, {backend.facets_sql()} "  # noqa: S608
            'FROM core_searchentry WHERE "index" = %s ORDER BY id',
            [index],
        )
        position = 0
        while rows := cursor.fetchmany(5000):
            for entry_id, object_id, day, latitude, longitude, facets in rows:
                entry_ids.append(entry_id)
                object_ids.append(object_id)
                days.append(NO_DATE if day is None else day)
                lat.append(math.nan if latitude is None else latitude)
                lon.append(math.nan if longitude is None else longitude)
                for name, values in (json.loads(facets) if isinstance(facets, str) else facets).items():
                    codes_by_value, positions, codes = facet_rows.setdefault(name, ({}, [], []))
                    for value in values:
                        code = codes_by_value.setdefault(value, len(codes_by_value))
                        positions.append(position)
                        codes.append(code)
                position += 1
    object_array = np.array(object_ids, dtype=np.int64)
    day_array = np.array(days, dtype=np.int32)
    facets = {
        name: FacetColumn(
            values=list(codes_by_value),
            codes_by_value=codes_by_value,
            positions=np.array(positions, dtype=np.int32),
            codes=np.array(codes, dtype=np.int32),
        )
        for name, (codes_by_value, positions, codes) in facet_rows.items()
    }
    return Snapshot(
        index=index,
        version=version,
        entry_ids=np.array(entry_ids, dtype=np.int64),
        object_ids=object_array,
        days=day_array,
        lat=np.array(lat, dtype=np.float64),
        lon=np.array(lon, dtype=np.float64),
        facets=facets,
        date_order=np.lexsort((-object_array, -day_array.astype(np.int64))),
    )
