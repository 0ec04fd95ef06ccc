"""The vectors of published pages: what each case or article is about, as the embedding model
sees it (float32 bytes; no pgvector, so any database will do)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

import numpy as np


class PageVector(models.Model):
    """One live page's vector: its title, summary and main text through the embedding model.
    `text_hash` is the hash of that text, so a page whose text did not change is not embedded
    again; `model` names the model, so vectors of another model are never mixed in."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    model = models.CharField(max_length=100)
    text_hash = models.CharField(max_length=64)
    vector = models.BinaryField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("page vector")

    def __str__(self):
        return f"vector of page {self.page_id}"

    def as_array(self):
        return np.frombuffer(self.vector, dtype=np.float32)
