"""What the case page's knowledge-exchange sections need."""

from django import template

from ..forms import AdoptionForm, ContactForm
from ..models import EDGE_KINDS
from ..network import for_case, kind_label

register = template.Library()


@register.simple_tag
def case_exchange(page):
    """Learned from, inspired, adoptions, whether the case has a contact, and the two forms."""
    exchange = for_case(page)
    exchange["adoption_form"] = AdoptionForm(initial={"case": page.pk})
    exchange["contact_form"] = ContactForm(initial={"case": page.pk})
    return exchange


@register.simple_tag
def flow_kinds():
    """(kind, label) of the map's knowledge-flow colours."""
    return [(kind, kind_label(kind)) for kind in EDGE_KINDS]
