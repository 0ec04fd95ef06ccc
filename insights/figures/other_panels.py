"""Charts and tables of knowledge flows and of what visitors told us."""

from django.utils.translation import gettext as _

from . import specs
from .base import Panel, Table


def flows(data, atlas_url=None):
    names = {region["code"]: region["name"] for region in data["regions"]}
    order = [region["name"] for region in data["regions"]]
    pairs = {
        (row["source_region"], row["target_region"]): row["count"]
        for row in data["between_regions"]
    }
    values = [
        {
            "source": names[row["source_region"]],
            "target": names[row["target_region"]],
            "count": row["count"],
        }
        for row in data["between_regions"]
    ]
    panels = []
    for key, title, rows in (
        ("flows-kinds", _("Links by kind"), data["by_kind"]),
        ("flows-channels", _("Links by channel"), data["by_channel"]),
    ):
        field = "kind" if key == "flows-kinds" else "channel"
        panels.append(
            Panel(
                key,
                title,
                specs.bar(title, rows, field, "label", title=""),
                Table(
                    key,
                    title,
                    [_("Kind") if field == "kind" else _("Channel"), _("Links")],
                    [[row["label"], row["count"]] for row in rows],
                ),
            )
        )
    rows = [
        [names[source], *(pairs.get((source, target), 0) for target in names)] for source in names
    ]
    panels.append(
        Panel(
            "flows-regions",
            _("Between regions"),
            specs.heatmap(
                _("Links from the region learned from (rows) to the learning region (columns)."),
                values,
                "target",
                "source",
                _("To"),
                _("From"),
                order,
                order,
            ),
            Table(
                "flows-regions",
                _("Links from region (rows) to region (columns)"),
                [_("From \\ To"), *order],
                rows,
            ),
        )
    )
    return panels


def _answers_panel(key, title, answers):
    values = [row for row in answers if row["count"] is not None]
    spec = specs.bar(title, values, "value", "label", sort=[row["label"] for row in values])
    table = Table(
        key, title, [_("Answer"), _("Answers")], [[row["label"], row["count"]] for row in answers]
    )
    return Panel(key, title, spec, table)


def survey(data, atlas_url=None):
    panels = [
        _answers_panel(f"survey-{question['question']}", question["label"], question["answers"])
        for question in data["questions"]
    ]
    panels.append(_answers_panel("survey-useful", _("Was this useful?"), data["useful"]["useful"]))
    panels.append(
        _answers_panel(
            "survey-will-use", _("Will you use something from it?"), data["useful"]["will_use"]
        )
    )
    return panels
