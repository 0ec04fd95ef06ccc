"""The Content-Security-Policy (django-csp) that production sends with every response.

Scripts: only files from this site ('self'); no inline script, no eval. Every script of the
site is a static file (static/js/), the API docs page included. Wagtail's admin is the one
exception: its form widgets start themselves from inline scripts, so under /admin/ scripts may
also be inline (home.middleware.SiteCSPMiddleware). Styles allow 'unsafe-inline': the public forms' layout block and Wagtail's
admin set inline styles, and an injected style cannot run code. Images: this site, data: URIs
(Swagger UI's and the admin's icons) and the map's tile server. Frames: https: only, for the
videos editors embed in pages.
"""

from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE


def tile_origin(tile_url):
    """The origin of an XYZ tile URL template, with Leaflet's {s} sub-domain as a wildcard:
    https://{s}.tile.example.org/{z}/{x}/{y}.png -> https://*.tile.example.org"""
    parts = urlsplit(tile_url.replace("{s}", "*"))
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def site_policy(tile_url):
    images = [SELF, "data:"]
    origin = tile_origin(tile_url)
    if origin:
        images.append(origin)
    return {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF],
            "style-src": [SELF, UNSAFE_INLINE],
            "img-src": images,
            "font-src": [SELF, "data:"],
            "connect-src": [SELF],
            "frame-src": [SELF, "https:"],
            "object-src": [NONE],
            "base-uri": [SELF],
            "form-action": [SELF],
        }
    }
