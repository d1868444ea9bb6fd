#!/usr/bin/env bash
# Makes the Word, PDF and Excel fixtures of the importer's tests from the seed texts, with LibreOffice, so that the
# tests read files this project did not write (run from anywhere; needs soffice, pdftoppm and python3;
# the tests themselves need none of them):
#   seed text --report import--> .report --report build --format html--> NNN.html (the seed's text and tables)
#   NNN.html --soffice--> NNN.docx --soffice--> NNN.pdf;  its tables --tables-to-spreadsheetml.py, soffice--> NNN.xlsx
#   The pages are laid out as an office lays out its report for print: each table the width of the page, bordered,
#   in 五号 (10.5 pt), so that Table B prints whole, its 总计 column too.
#   blanks.pdf: seed 003's page with some of Table B's cells left empty (blank-cells.py), as published reports leave a
#   cell blank for nothing to report, and two of one row merged into one, its value centred over both;
#   kangxi.pdf: seed 000's page with 一 and 长 as the Kangxi radical ⼀ and the supplement radical ⻓, as some PDF
#   producers emit them;  scanned.pdf: the first page of 000.pdf as a picture only (no text layer).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
soffice_to() { # FORMAT OUTDIR FILE...
  local format=$1 outdir=$2
  shift 2
  soffice --headless -env:UserInstallation=file://"$work/profile" --convert-to "$format" --outdir "$outdir" "$@" > /dev/null 2>&1
}
"$root/report" import "$root"/report.dsl.importer/src/test/resources/seeds -o "$work/reports" 2> "$work/imported.log" > /dev/null || true
"$root/report" build --format html --force "$work/reports" -o "$work/html" > /dev/null 2>&1 || true
# "已导入 …/seeds/000_….txt → …/reports/NAME.report": each page by its seed's number
sed -n 's|^已导入 .*/seeds/\([0-9]\{3\}\)_[^ ]* → .*/reports/\(.*\)\.report$|\1 \2|p' "$work/imported.log" | while read -r n name; do
  sed 's|<table class="\([^"]*\)">|<table class="\1" width="100%" border="1" cellspacing="0" cellpadding="3">|
    s|</head>|<style>td, th, caption { font-size: 10.5pt; }</style></head>|' "$work/html/$name.html" > "$work/$n.html"
  sed 's/一/⼀/g; s/长/⻓/g' "$work/$n.html" > "$work/kangxi-$n.html"
  python3 "$here/tables-to-spreadsheetml.py" "$work/$n.html" > "$work/$n.xml"
done
mv "$work/kangxi-000.html" "$work/kangxi.html"
"$here/blank-cells.py" '一、本年新收政府信息公开申请数量=2,6' '1.属于国家秘密=1,7' '1.本机关不掌握相关政府信息=3,4,5' '2.重复申请=4+5' \
  < "$work/003.html" > "$work/blanks.html"
soffice_to docx:"MS Word 2007 XML" "$work" "$work"/[0-9][0-9][0-9].html "$work/kangxi.html" "$work/blanks.html"
soffice_to pdf "$work" "$work"/[0-9][0-9][0-9].docx "$work/kangxi.docx" "$work/blanks.docx"
soffice_to xlsx:"Calc MS Excel 2007 XML" "$work" "$work"/[0-9][0-9][0-9].xml
cp "$work"/[0-9][0-9][0-9].{docx,pdf,xlsx} "$work/kangxi.pdf" "$work/blanks.pdf" "$here/"
pdftoppm -r 60 -f 1 -l 1 -singlefile -png "$work/000.pdf" "$work/page"
echo '<html><body><p><img src="page.png" width="600"></p></body></html>' > "$work/scanned.html"
soffice_to docx:"MS Word 2007 XML" "$work" "$work/scanned.html"
soffice_to pdf "$work" "$work/scanned.docx"
cp "$work/scanned.pdf" "$here/"
