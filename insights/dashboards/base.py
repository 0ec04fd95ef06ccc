"""A dashboard panel (a titled table, exported as CSV) and the period it covers."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

DEFAULT_DAYS = 30
MAX_DAYS = 3660


@dataclass
class Panel:
    key: str
    title: str
    columns: list
    rows: list
    note: str = ""


@dataclass(frozen=True)
class Period:
    date_from: datetime.date
    date_to: datetime.date

    @property
    def days(self):
        return (self.date_to - self.date_from).days + 1

    @classmethod
    def from_querydict(cls, data):
        """The period in the address (`from`, `to`, YYYY-MM-DD); the last 30 days by default.
        Returns (period, errors) with errors as {field: message}."""
        today = timezone.now().date()
        errors, values = {}, {}
        defaults = {"from": today - datetime.timedelta(days=DEFAULT_DAYS - 1), "to": today}
        for name, default in defaults.items():
            raw = (data.get(name) or "").strip()
            try:
                values[name] = datetime.date.fromisoformat(raw) if raw else default
            except ValueError:
                errors[name] = _("Give a date as YYYY-MM-DD.")
                values[name] = default
        if not errors and values["from"] > values["to"]:
            errors["to"] = _("The end must not be before the start.")
        if not errors and (values["to"] - values["from"]).days >= MAX_DAYS:
            errors["from"] = _("Choose at most ten years.")
        if errors:
            values = defaults
        return cls(values["from"], values["to"]), errors
