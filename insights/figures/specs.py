"""Vega-Lite specifications of the insight charts. The numbers are inlined (`data.values`), so
a chart needs no request of its own; only the world map loads its outlines (world-atlas, served
from this site's static files)."""

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
GAP_COLOUR = "#fdecea"


def base(description, values, **spec):
    return {
        "$schema": SCHEMA,
        "description": str(description),
        "width": "container",
        # Axes and legends inside the container's width, so a chart never overflows a phone.
        "autosize": {"type": "fit-x", "contains": "padding"},
        "data": {"values": values},
        "config": {"view": {"stroke": None}, "axis": {"labelLimit": 160}},
        **spec,
    }


def bar(description, values, category, label, count="count", title="", sort=None):
    """Horizontal bars, one per category, labelled by `label` and in the given order."""
    return base(
        description,
        values,
        mark={"type": "bar", "tooltip": True},
        encoding={
            "y": {
                "field": label,
                "type": "nominal",
                "title": str(title),
                "sort": sort or [row[label] for row in values],
            },
            "x": {"field": count, "type": "quantitative", "title": "", "axis": {"tickMinStep": 1}},
            "color": {"value": "#1f6f8b"},
        },
    )


def columns(description, values, x, x_type, count="count", title=""):
    """Vertical bars over time or years."""
    return base(
        description,
        values,
        mark={"type": "bar", "tooltip": True},
        encoding={
            "x": {"field": x, "type": x_type, "title": str(title)},
            "y": {"field": count, "type": "quantitative", "title": "", "axis": {"tickMinStep": 1}},
            "color": {"value": "#1f6f8b"},
        },
    )


def heatmap(description, values, x, y, x_title, y_title, x_sort, y_sort):
    """A matrix of counts; empty cells (the gaps) stand out in a pale red with a 0."""
    encoding = {
        "x": {"field": x, "type": "ordinal", "title": str(x_title), "sort": x_sort},
        "y": {"field": y, "type": "ordinal", "title": str(y_title), "sort": y_sort},
    }
    return base(
        description,
        values,
        height={"step": 22},
        encoding=encoding,
        layer=[
            {
                "mark": {"type": "rect", "tooltip": True},
                "encoding": {
                    "color": {
                        "condition": {"test": "datum.count === 0", "value": GAP_COLOUR},
                        "field": "count",
                        "type": "quantitative",
                        "scale": {"scheme": "blues"},
                        "title": "",
                    }
                },
            },
            {
                "mark": {"type": "text", "fontSize": 11},
                "encoding": {
                    "text": {"field": "count", "type": "quantitative"},
                    "color": {
                        "condition": {"test": "datum.count === 0", "value": "#b3261e"},
                        "value": "#111",
                    },
                },
            },
        ],
    )


def choropleth(description, values, atlas_url):
    """Cases by country on a world map (Equal Earth projection)."""
    return {
        "$schema": SCHEMA,
        "description": str(description),
        "width": "container",
        "height": 360,
        "autosize": {"type": "fit-x", "contains": "padding"},
        "projection": {"type": "equalEarth"},
        "data": {"url": atlas_url, "format": {"type": "topojson", "feature": "countries"}},
        "transform": [
            {
                "lookup": "id",
                "from": {"data": {"values": values}, "key": "numeric", "fields": ["name", "count"]},
                "default": 0,
            }
        ],
        "mark": {"type": "geoshape", "stroke": "#fff", "strokeWidth": 0.5, "tooltip": True},
        "encoding": {
            "color": {
                "condition": {"test": "!datum.count", "value": "#d4d4d4"},
                "field": "count",
                "type": "quantitative",
                "scale": {"scheme": "blues"},
                "title": "",
            },
            "tooltip": [
                {"field": "properties.name", "type": "nominal"},
                {"field": "count", "type": "quantitative"},
            ],
        },
        "config": {"view": {"stroke": None}},
    }
