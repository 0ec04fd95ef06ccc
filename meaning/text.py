"""What the model reads of a page: its title, summary and main text, as plain text."""

import hashlib

from django.utils.html import strip_tags

# Page types that have a vector: cases and science articles.
EMBEDDED_MODELS = ("cases.casepage", "articles.articlepage")


def page_text(page):
    """Title, summary and the text blocks of the body (rich text without its tags)."""
    parts = [page.title, getattr(page, "summary", "")]
    body = getattr(page, "body", None)
    if body is not None:
        parts.extend(_stream_text(body.raw_data))
    return "\n".join(" ".join(strip_tags(part).split()) for part in parts if part)


def _stream_text(raw_data):
    for block in raw_data:
        value = block.get("value") if isinstance(block, dict) else None
        if block.get("type") == "text" and isinstance(value, str):
            yield value
        elif block.get("type") == "quote" and isinstance(value, dict):
            yield str(value.get("quote") or "")


def text_hash(model_name, text):
    return hashlib.sha256(f"{model_name}\n{text}".encode()).hexdigest()
