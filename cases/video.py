"""Video case studies: the text of a case's caption file (WebVTT or SubRip), so the transcript
can be read beside the player, without the video, and searched."""

import io
import logging

import webvtt
from webvtt.errors import MalformedFileError

logger = logging.getLogger(__name__)

CAPTION_EXTENSIONS = ("vtt", "srt")
# A transcript longer than this is not a caption file of a case study.
MAX_CAPTION_BYTES = 2 * 1024 * 1024


def caption_text(document):
    """The spoken text of a caption file (a Wagtail document), cue after cue, as paragraphs:
    timings, cue numbers and styling tags left out, a cue repeated by the next one kept once.
    Empty when the file cannot be read as captions."""
    if document is None:
        return ""
    extension = document.file_extension.lower()
    if extension not in CAPTION_EXTENSIONS:
        return ""
    try:
        with document.open_file() as handle:
            raw = handle.read(MAX_CAPTION_BYTES + 1)
    except OSError as error:
        logger.warning("Caption file %s cannot be read: %s", document.pk, error)
        return ""
    if len(raw) > MAX_CAPTION_BYTES:
        return ""
    text = raw.decode("utf-8-sig", errors="replace")
    try:
        captions = webvtt.from_buffer(io.StringIO(text), format=extension).captions
    except (MalformedFileError, ValueError) as error:
        logger.info("Caption file %s is not %s: %s", document.pk, extension, error)
        return ""
    lines = []
    for caption in captions:
        line = " ".join(caption.text.split())
        if line and (not lines or lines[-1] != line):
            lines.append(line)
    return "\n".join(lines)
