"""The public content API: Wagtail API v2 (pages, images, documents) with the platform's filters,
the map, statistics and open-data endpoints, the OpenAPI description, and Wagtail API v3.

Routing, caching and the description live here; the data comes from the apps that own it.
`api_router` is imported lazily: this package is also a Django app, and an app's package must
not import models when it is loaded.
"""


def __getattr__(name):
    if name == "api_router":
        from .router import api_router

        return api_router
    raise AttributeError(name)
