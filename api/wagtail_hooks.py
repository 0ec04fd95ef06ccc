from wagtail import hooks
from wagtail.models import Page

from .review import ACTIONS


@hooks.register("register_actions")
def register_reviewed_page_actions(registry):
    """Wagtail API v3 writes pages through these: see review.py."""
    for action_class in ACTIONS:
        registry.register(Page, action_class)
