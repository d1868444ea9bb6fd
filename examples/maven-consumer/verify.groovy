def out = new File(basedir, 'target/generated-resources/reports')
['md', 'html', 'json', 'docx', 'xlsx', 'pdf'].each { assert new File(out, "002-liaocheng-gongxin-2023.$it").isFile() }

def html = new File(out, '002-liaocheng-gongxin-2023.html').getText('UTF-8')
// 5 is Table B's 一 (总计), bound into the text, not retyped
assert html.contains('新收到信息公开申请<span class="bound" title="表B 一（总计）">5</span>件')

// the plugin's dependency built by Tycho as an eclipse-plugin reached the test's own repository
assert new File(localRepositoryPath, "report/dsl/report.dsl/$reportDslVersion/report.dsl-${reportDslVersion}.jar").isFile()
true
