"""Log lines for the people who run the site: one JSON object per line, the way journald, Docker
and log shippers (Loki, Elasticsearch, CloudWatch) read them, with the traceback of an error
inside its own line instead of spread over forty."""

from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter


class JsonFormatter(BaseJsonFormatter):
    """`{"time", "level", "logger", "message", ...}`; the extra fields a log call passes (such as
    Django's `status_code`) are kept; the request Django passes becomes its method and path
    (never its headers, cookies or body: those may hold personal data)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("fmt", "{asctime}{levelname}{name}{message}")
        kwargs.setdefault("style", "{")
        kwargs.setdefault(
            "rename_fields",
            {"asctime": "time", "levelname": "level", "name": "logger", "exc_info": "traceback"},
        )
        super().__init__(*args, **kwargs)

    def formatTime(self, record, datefmt=None):  # noqa: N802 (logging's own name)
        from datetime import UTC, datetime

        return datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")

    def add_fields(self, log_data, record, message_dict):
        super().add_fields(log_data, record, message_dict)
        request = log_data.pop("request", None)
        if request is not None and hasattr(request, "method"):
            log_data["method"] = request.method
            log_data["path"] = request.path
        # Django's server_time / socket objects etc. have no JSON form worth keeping.
        log_data.pop("server_time", None)
