"""A manual's PDF read back as a reader's tools see it, as JSON on stdout: per page its label
(/PageLabels), the page number printed in its top or bottom 2.5 cm, its text lines (PyMuPDF)
and where its links go; the outline with the page each entry lands on.
Usage: /usr/bin/python3 -I manual_readback.py IN.pdf"""
import json
import re
import sys

import fitz

CM = 72 / 2.54


def label_of(page):
    """PyMuPDF's label reader hands back a UTF-16 hex string (<FEFF…>) undecoded; decode it."""
    label = page.get_label()
    match = re.fullmatch(r"<FEFF([0-9A-Fa-f]*)>", label or "")
    return bytes.fromhex(match.group(1)).decode("utf-16-be") if match else label
doc = fitz.open(sys.argv[1])
pages = []
for page in doc:
    lines = []
    printed = None
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            text = "".join(span["text"] for span in line["spans"]).strip()
            if not text:
                continue
            y0, y1 = line["bbox"][1], line["bbox"][3]
            if (y1 < 2.5 * CM or y0 > page.rect.height - 2.5 * CM) and re.fullmatch(r"[-–\s]*[0-9๐-๙ก-ฮ]+[-–\s]*", text):
                printed = text.strip(" -–")
            else:
                lines.append({"text": text, "y": round(y0, 1)})
    links = [link["page"] for link in page.get_links() if link.get("kind") == fitz.LINK_GOTO]
    pages.append({"label": label_of(page), "printed": printed, "lines": lines, "links": links})
outline = [{"level": level, "title": title, "page": number - 1} for level, title, number in doc.get_toc()]
json.dump({"pages": pages, "outline": outline}, sys.stdout, ensure_ascii=False)
