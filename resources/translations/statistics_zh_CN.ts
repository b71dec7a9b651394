<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>StatisticsCharts</name>
    <message>
        <source>Amounts paid per month (10,000 yuan)</source>
        <translation>分月支出（万元）</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Recipients by village (persons)</source>
        <translation>分村保障人数</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>New vs exited households</source>
        <translation>新增与退出（户）</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Export month (xlsx)…</source>
        <translation>导出月报（xlsx）…</translation>
    </message>
    <message>
        <source>Export year (xlsx)…</source>
        <translation>导出年报（xlsx）…</translation>
    </message>
    <message>
        <source>Year report (PDF)…</source>
        <translation>年度报告（PDF）…</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>%1: figures from the locked rosters only.</source>
        <translation>%1：仅统计已锁定的花名册。</translation>
    </message>
    <message>
        <source>Cross-check breaks:</source>
        <translation>校验不符：</translation>
    </message>
    <message>
        <source>All cross-checks hold.</source>
        <translation>表内校验全部通过。</translation>
    </message>
    <message>
        <source>%1: %2 locked months; total paid %3 yuan.</source>
        <translation>%1 年：已锁定 %2 个月，全年支出合计 %3 元。</translation>
    </message>
    <message>
        <source>No locked roster in %1.</source>
        <translation>%1 年没有已锁定的花名册。</translation>
    </message>
    <message>
        <source>Growth against %1: %2 locked months in that year.</source>
        <translation>同比基数：%1 年已锁定 %2 个月。</translation>
    </message>
    <message>
        <source>Exits by reason (households/persons): %1</source>
        <translation>退出原因（户/人）：%1</translation>
    </message>
    <message>
        <source>Standards in force, urban / rural (yuan per month): %1</source>
        <translation>执行标准 城市/农村（元/月）：%1</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Home visits: %1; monitoring findings: %2</source>
        <translation>入户走访 %1 次；监测发现：%2</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
</context>
</TS>
