"""The feeds' addresses, under the index pages they follow (mounted before Wagtail's pages)."""

from django.urls import path

from .feeds import FEEDS, atom, rss

urlpatterns = [
    *(path(f"{name}/feed/", rss, {"section": name}, name=f"{name}_feed") for name in FEEDS),
    *(path(f"{name}/feed/atom/", atom, {"section": name}, name=f"{name}_atom") for name in FEEDS),
]
