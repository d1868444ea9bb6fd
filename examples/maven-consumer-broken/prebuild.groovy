// Seed 000 with Table B row 四 zeroed: 一 + 二 = 三.七 + 四 (rule B1) fails in two columns.
def example = new File(examples, '000-liaocheng-jiguanshiwu-2023.report')
def text = example.getText('UTF-8')
def broken = text.replaceFirst(/四:\s+1 0 0 0 0 0 1/, '四: 0 0 0 0 0 0 0')
assert broken != text
def reports = new File(basedir, 'src/main/reports')
reports.mkdirs()
new File(reports, example.name).setText(broken, 'UTF-8')
true
