"""Email alerts: a saved search and the address it is sent to (personal data: never shown,
exported or indexed), and the emails owed to it, kept until they are sent."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(32)


class Frequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


class Subscription(models.Model):
    """ "Notify me about new cases like these": the filters and words of a search, the address
    to tell, and how often. The token in every email's links is the only way to manage it."""

    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    email = models.EmailField()
    # The saved search as query parameters, [[name, value], ...], as the search page takes them.
    query = models.JSONField(default=list, blank=True)
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    language = models.CharField(max_length=10, default=settings.LANGUAGE_CODE)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    # Cases first published up to this moment have been covered (by a digest, or were there
    # before the alert was confirmed); the next digest lists the ones published after it.
    covered_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("email alert")

    def __str__(self):
        return f"Email alert {self.pk}"

    @property
    def active(self):
        return self.confirmed_at is not None and self.unsubscribed_at is None


class EmailKind(models.TextChoices):
    CONFIRMATION = "confirmation", _("Confirm your alert")
    DIGEST = "digest", _("New cases")


class AlertEmail(models.Model):
    """An email owed to a subscription: stored first, sent by a background task, retried with
    a growing delay while the mail server is down. A digest covers the cases first published
    up to `window_end`."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="emails")
    kind = models.CharField(max_length=20, choices=EmailKind.choices)
    window_end = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    cases = models.PositiveIntegerField(default=0, help_text=_("Cases the digest listed."))

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.subscription_id})"
