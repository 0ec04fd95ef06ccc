"""The vectors of live, public pages as one numpy matrix per process, reloaded when the
content version changes (publishing, unpublishing, a new vector, a view restriction ...).

Top-10 over 100,000 × 384 float32 rows is one matrix-vector product: tens of milliseconds.
"""

import threading
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page

import numpy as np

from core.models import ContentVersion

from . import backends
from .models import PageVector


@dataclass(frozen=True)
class Matrix:
    version: int
    model: str
    ids: np.ndarray  # page ids, one per row
    kinds: np.ndarray  # content type id of each row
    vectors: np.ndarray  # (rows, dimensions) float32, normalised
    positions: dict  # page id -> row

    def __len__(self):
        return len(self.ids)

    def row(self, page_id):
        position = self.positions.get(page_id)
        return None if position is None else self.vectors[position]

    def nearest(self, vector, limit, model=None, exclude=(), min_score=None):
        """[(page id, cosine similarity)] of the `limit` rows nearest `vector`, best first,
        of one page type (`model`, a model class) when given."""
        if not len(self):
            return []
        scores = self.vectors @ np.asarray(vector, dtype=np.float32)
        if model is not None:
            scores[self.kinds != ContentType.objects.get_for_model(model).pk] = -np.inf
        for page_id in exclude:
            position = self.positions.get(page_id)
            if position is not None:
                scores[position] = -np.inf
        if min_score is not None:
            scores[scores < min_score] = -np.inf
        count = min(limit, len(scores))
        top = np.argpartition(-scores, count - 1)[:count]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(self.ids[i]), float(scores[i])) for i in top if np.isfinite(scores[i])]


_lock = threading.Lock()
_current = None


def forget():
    """Drop this process's matrix (the next read loads it again). Tests call it: a rolled-back
    test gives its content version number to the next test, with other pages behind it."""
    global _current
    with _lock:
        _current = None


def current_matrix():
    """This process's matrix for the current content version and model (loaded if needed);
    None when meaning is off."""
    global _current
    if not backends.enabled():
        return None
    version = ContentVersion.current()[0]
    model = backends.model_name()
    loaded = _current
    if loaded is not None and loaded.version == version and loaded.model == model:
        return loaded
    with _lock:
        if _current is None or _current.version != version or _current.model != model:
            _current = load(version, model)
        return _current


def load(version, model):
    """Read the vectors of live, public pages from the database."""
    rows = PageVector.objects.filter(
        model=model, page__in=Page.objects.live().public().values("pk")
    ).values_list("page_id", "page__content_type_id", "vector")
    ids, kinds, blobs = [], [], []
    for page_id, kind, blob in rows.iterator(chunk_size=5000):
        ids.append(page_id)
        kinds.append(kind)
        blobs.append(bytes(blob))
    if blobs:
        vectors = np.frombuffer(b"".join(blobs), dtype=np.float32).reshape(len(blobs), -1)
    else:
        vectors = np.zeros((0, 1), dtype=np.float32)
    return Matrix(
        version=version,
        model=model,
        ids=np.asarray(ids, dtype=np.int64),
        kinds=np.asarray(kinds, dtype=np.int64),
        vectors=vectors,
        positions={page_id: position for position, page_id in enumerate(ids)},
    )
