#!/usr/bin/env python3
"""The tables of an HTML page as an XML Spreadsheet 2003 workbook, one worksheet per table (named by its caption),
rowspan and colspan as merged cells, numbers as numbers: LibreOffice converts it to .xlsx as a department's workbook.
Usage: tables-to-spreadsheetml.py PAGE.html > BOOK.xml"""
import html
import re
import sys
from html.parser import HTMLParser


class Tables(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables, self.table, self.cell, self.caption = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self.table = {"caption": "", "rows": []}
        elif tag == "caption" and self.table is not None:
            self.caption = []
        elif tag == "tr" and self.table is not None:
            self.table["rows"].append([])
        elif tag in ("td", "th") and self.table is not None:
            self.cell = {"text": [], "rowspan": int(a.get("rowspan") or 1), "colspan": int(a.get("colspan") or 1)}

    def handle_endtag(self, tag):
        if tag == "table" and self.table is not None:
            self.tables.append(self.table)
            self.table = None
        elif tag == "caption" and self.caption is not None:
            self.table["caption"] = "".join(self.caption).strip()
            self.caption = None
        elif tag in ("td", "th") and self.cell is not None:
            self.cell["text"] = re.sub(r"\s+", "", "".join(self.cell["text"]))
            self.table["rows"][-1].append(self.cell)
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell["text"].append(data)
        elif self.caption is not None:
            self.caption.append(data)


def worksheet(number, table):
    out = ['<Worksheet ss:Name="%s"><Table>' % html.escape("表" + "ABC"[number] if number < 3 else str(number))]
    if table["caption"]:
        out.append('<Row><Cell><Data ss:Type="String">%s</Data></Cell></Row>' % html.escape(table["caption"]))
    taken = set()  # (row, column) covered by a span from a row above
    for r, row in enumerate(table["rows"]):
        out.append("<Row>")
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            for dr in range(cell["rowspan"]):
                for dc in range(cell["colspan"]):
                    taken.add((r + dr, c + dc))
            kind = "Number" if re.fullmatch(r"-?\d+(\.\d+)?", cell["text"]) else "String"
            merge = ""
            if cell["colspan"] > 1:
                merge += ' ss:MergeAcross="%d"' % (cell["colspan"] - 1)
            if cell["rowspan"] > 1:
                merge += ' ss:MergeDown="%d"' % (cell["rowspan"] - 1)
            out.append('<Cell ss:Index="%d"%s><Data ss:Type="%s">%s</Data></Cell>' % (c + 1, merge, kind, html.escape(cell["text"])))
            c += cell["colspan"]
        out.append("</Row>")
    out.append("</Table></Worksheet>")
    return "".join(out)


parser = Tables()
parser.feed(open(sys.argv[1], encoding="utf-8").read())
print('<?xml version="1.0" encoding="UTF-8"?>')
print('<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">')
for i, t in enumerate(parser.tables):
    print(worksheet(i, t))
print("</Workbook>")
