"""Related pages as a visitor may see them, on a page's live view and on its draft or preview
alike."""


def live_related(page, field_name, prefetch=()):
    """The pages in `page`'s many-to-many `field_name` that are live and public, in the
    editor's order (with `prefetch` read in one query each, for the cards that show them).

    Read through `.all()`, which also works for a draft or a preview, whose related pages are
    held in memory rather than in the database (and have no `.live()`)."""
    model = page._meta.get_field(field_name).related_model
    ids = [related.pk for related in getattr(page, field_name).all()]
    found = model.objects.live().public().filter(pk__in=ids).prefetch_related(*prefetch)
    by_id = {related.pk: related for related in found}
    return [by_id[pk] for pk in ids if pk in by_id]
