#!/usr/bin/env python3
"""Checks the DOM Chromium built from a briefing page (--dump-dom) and its screenshot.

usage: check_dom.py DOM_FILE SCREENSHOT_PNG [brief options the page was made with...]
Prints what is wrong and exits 1; exits 0 when the page is as expected.
"""
import base64
import struct
import sys
from html.parser import HTMLParser

SECTIONS = ["Headline figures", "By governorate", "Trend", "Map", "Top places", "Evidence"]
# A sentence of the fixture carries markup; the page must show it as text, not run it.
INJECTED_TEXT = "<img src=x onerror=alert(1)>"


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images, self.scripts, self.handlers, self.urls = [], 0, [], []
        self.h2, self.svgs, self.text = [], 0, []
        self._in_h2 = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            self.images.append(attrs.get("src", ""))
        if tag == "script":
            self.scripts += 1
        if tag == "svg":
            self.svgs += 1
        if tag == "h2":
            self._in_h2 = True
            self.h2.append("")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.handlers.append(f"{tag} {name}")
            if name in ("src", "href") and value and not value.startswith("data:"):
                self.urls.append(f"{tag} {name}={value}")

    def handle_endtag(self, tag):
        if tag == "h2":
            self._in_h2 = False

    def handle_data(self, data):
        self.text.append(data)
        if self._in_h2:
            self.h2[-1] += data


def png_size(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


def main():
    dom_file, screenshot, options = sys.argv[1], sys.argv[2], sys.argv[3:]
    empty = "--period" in options and "2019-01" in options
    page = Page()
    page.feed(open(dom_file, encoding="utf-8").read())
    text = "".join(page.text)
    problems = []

    if page.scripts:
        problems.append(f"{page.scripts} <script> elements")
    problems += [f"event handler attribute: {h}" for h in page.handlers]
    problems += [f"not embedded: {u}" for u in page.urls]
    for src in page.images:
        prefix = "data:image/png;base64,"
        if not src.startswith(prefix):
            problems.append(f"image not embedded as a PNG data URI: {src[:60]}")
            continue
        size = png_size(base64.b64decode(src[len(prefix):]))
        if not size or min(size) == 0:
            problems.append("an embedded image does not decode as a PNG")

    expected = ["Headline figures"] if empty else SECTIONS
    missing = [s for s in expected if s not in page.h2]
    if missing:
        problems.append(f"missing sections {missing}; found {page.h2}")
    if empty:
        if "No incidents were recorded" not in text:
            problems.append("the empty period is not stated")
    else:
        if len(page.images) != 1:
            problems.append(f"expected the heatmap image, found {len(page.images)} images")
        if page.svgs < 2:
            problems.append(f"expected charts and a map, found {page.svgs} SVG elements")
        if "--governorate" not in options and INJECTED_TEXT not in text:
            problems.append("the sentence with markup is not shown as text")

    size = png_size(open(screenshot, "rb").read(24))
    if size != (1280, 2400):
        problems.append(f"screenshot size {size}, expected (1280, 2400)")

    for p in problems:
        print(f"{dom_file}: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
