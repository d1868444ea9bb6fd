def log = new File(basedir, 'build.log').text
assert log =~ /(?m)^\[ERROR\] .*000-liaocheng-jiguanshiwu-2023\.report:\d+:\d+: .* \[B1\]$/
assert log.contains('report.dsl: 2 errors in 1 report; nothing generated for it')
assert !new File(basedir, 'target/generated-resources/reports').exists()
true
