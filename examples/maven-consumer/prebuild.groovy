// The report is copied in, not kept in src/main/reports: every .report under examples/ is checked as one set.
def report = new File(examples, '002-liaocheng-gongxin-2023.report')
def reports = new File(basedir, 'src/main/reports')
reports.mkdirs()
new File(reports, report.name).bytes = report.bytes
true
