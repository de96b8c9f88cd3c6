"""Page 1 of a PDF as MuPDF shows it: rendered (crop box, rotation and annotations applied) to a
binary PPM at the given dpi, and its text as PyMuPDF extracts it, in one process (importing fitz
is the slow part). Usage: /usr/bin/python3 -I mupdf_page1.py IN.pdf DPI OUT.ppm OUT.txt"""
import sys

import fitz

path, dpi, ppm, txt = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
document = fitz.open(path)  # kept: a page without its document is orphaned
page = document[0]
page.get_pixmap(dpi=dpi, alpha=False).save(ppm)
with open(txt, "w", encoding="utf-8") as f:
    f.write(page.get_text())
