"""What the search keeps in the database: pending index updates, and anonymous search logs for
research into how urban professionals search."""

from django.db import models


class PendingIndexUpdate(models.Model):
    """A page whose entry in the search engine still has to be written or removed.

    Publishing writes a row here in the same transaction as the page; a background task then
    brings the engine up to date and deletes the row. If the engine is down the row stays,
    and the task tries again later, so no change is ever lost.
    """

    class Action(models.TextChoices):
        UPDATE = "update", "Update"
        DELETE = "delete", "Delete"

    page_id = models.PositiveBigIntegerField(db_index=True)
    # The specific model of a deleted page, so its document can still be removed.
    content_type = models.ForeignKey(
        "contenttypes.ContentType", null=True, blank=True, on_delete=models.CASCADE
    )
    action = models.CharField(max_length=10, choices=Action.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.action} page {self.page_id}"


class SearchLog(models.Model):
    """One search as a visitor ran it: never an IP address or user agent, only a session hash
    that cannot be linked across days."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    session = models.CharField(
        max_length=64, db_index=True, help_text="Salted hash, rotates daily."
    )
    source = models.CharField(max_length=10, help_text="page or api")
    query = models.CharField(
        max_length=200, blank=True, help_text="Normalised: lower case, single spaces."
    )
    filters = models.JSONField(default=dict, blank=True)
    order = models.CharField(max_length=20)
    page = models.PositiveIntegerField()
    result_count = models.PositiveIntegerField()
    duration_ms = models.FloatField()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.query or '(browse)'} → {self.result_count}"


class SearchClick(models.Model):
    """A visitor opened a result from a search."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    session = models.CharField(max_length=64, db_index=True)
    search = models.ForeignKey(SearchLog, null=True, blank=True, on_delete=models.SET_NULL)
    page_id = models.PositiveBigIntegerField()
    position = models.PositiveIntegerField(help_text="1 for the first result on the first page.")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"page {self.page_id} at position {self.position}"
