"""Small PDF documents made locally with fpdf2: the demo library's files (nothing is
downloaded) and the tests' uploads."""

from fpdf import FPDF


def make_pdf(title, paragraphs, *, author=""):
    """The bytes of an A4 PDF with a title and paragraphs of plain text (Latin-1 letters: the
    built-in Helvetica font has no others)."""
    pdf = FPDF(format="A4")
    pdf.set_title(title)
    if author:
        pdf.set_author(author)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("helvetica", style="B", size=16)
    pdf.multi_cell(0, 9, _latin1(title))
    pdf.ln(4)
    pdf.set_font("helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, _latin1(paragraph))
        pdf.ln(3)
    return bytes(pdf.output())


def _latin1(text):
    return text.encode("latin-1", errors="replace").decode("latin-1")
