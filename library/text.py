"""Reading the words of a PDF with pypdf, within limits: a policy document is read whole, a
file built to exhaust the reader is not."""

import logging

from pypdf import PdfReader
from pypdf.errors import PdfReadError

logger = logging.getLogger(__name__)

# Enough for any policy document; a larger file is read up to here.
MAX_PAGES = 500
MAX_CHARACTERS = 200_000


class UnreadableDocument(Exception):
    """The file is not a PDF pypdf can read (damaged, encrypted, or not a PDF at all)."""


def pdf_text(handle):
    """(text, number of pages) of the PDF in the open binary file `handle`: each page's text
    with its whitespace tidied, pages separated by blank lines."""
    try:
        reader = PdfReader(handle)
        if reader.is_encrypted:
            raise UnreadableDocument("the PDF is encrypted")
        parts, length = [], 0
        for number, page in enumerate(reader.pages):
            if number >= MAX_PAGES or length >= MAX_CHARACTERS:
                break
            text = "\n".join(" ".join(line.split()) for line in page.extract_text().splitlines())
            text = "\n".join(line for line in text.splitlines() if line)
            parts.append(text)
            length += len(text)
        return "\n\n".join(part for part in parts if part)[:MAX_CHARACTERS], len(reader.pages)
    except UnreadableDocument:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise UnreadableDocument(f"{type(error).__name__}: {error}") from error
