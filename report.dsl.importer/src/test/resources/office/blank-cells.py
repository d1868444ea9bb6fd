#!/usr/bin/env python3
"""A page with some table cells left empty, as published reports leave a cell blank for nothing to report: each
argument LABEL=I,J empties the I-th, J-th (1-based) value cells of the row whose last header cell reads LABEL;
LABEL=I+J prints the I-th and J-th value cells as one cell, its value centred over both (a merged cell, whose value
stands in neither column). Reads the page (as report build writes it, one element a line) on stdin, writes it on stdout.
Usage: blank-cells.py '二、上年结转政府信息公开申请数量=1,4' '2.重复申请=2+3' < PAGE.html > BLANKS.html"""
import re
import sys

blanks, merged = {}, {}
for argument in sys.argv[1:]:
    label, columns = argument.rsplit("=", 1)
    if "+" in columns:
        merged[label] = int(columns.split("+")[0])
    else:
        blanks[label] = {int(c) for c in columns.split(",")}
label, column = None, 0
for line in sys.stdin:
    if "<tr" in line:
        label, column = None, 0
    header = re.search(r"<th[^>]*>([^<]*)</th>", line)
    if header:
        label = header.group(1)
    cell = re.match(r"(\s*)(<td[^>]*>)([^<]*)(</td>.*)", line, re.S)
    if cell:
        column += 1
        if column in blanks.get(label, ()):
            line = cell.group(1) + cell.group(2) + cell.group(4)
        elif merged.get(label) == column:
            line = cell.group(1) + '<td colspan="2" align="center">' + cell.group(3) + cell.group(4)
        elif merged.get(label) == column - 1:
            line = ""
    sys.stdout.write(line)
