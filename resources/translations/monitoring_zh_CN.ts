<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>EntryDialog</name>
    <message>
        <source>Add to the low-income register</source>
        <translation>纳入低收入人口名册</translation>
    </message>
    <message>
        <source>(choose a household whose aid ended)</source>
        <translation>（选择已退出保障的家庭）</translation>
    </message>
    <message>
        <source>Choose the next review date</source>
        <translation>指定下次复核日期</translation>
    </message>
    <message>
        <source>Aid ended</source>
        <translation>已退出保障</translation>
    </message>
    <message>
        <source>Household no.</source>
        <translation>家庭编号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ExitDialog</name>
    <message>
        <source>Exit from the register</source>
        <translation>退出名册</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>家庭</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>MonitoringPage</name>
    <message>
        <source>Low-income monitoring</source>
        <translation>低收入人口监测</translation>
    </message>
    <message>
        <source>Low-income register</source>
        <translation>低收入人口名册</translation>
    </message>
    <message>
        <source>Visit plan</source>
        <translation>巡访计划</translation>
    </message>
    <message>
        <source>Visit figures</source>
        <translation>走访统计</translation>
    </message>
    <message>
        <source>Reviews due only</source>
        <translation>只看待复核</translation>
    </message>
    <message>
        <source>Show exited</source>
        <translation>显示已退出</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>纳入(&amp;A)…</translation>
    </message>
    <message>
        <source>Reviewed today</source>
        <translation>今日已复核</translation>
    </message>
    <message>
        <source>E&amp;xit…</source>
        <translation>退出(&amp;X)…</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部村（社区）</translation>
    </message>
    <message>
        <source>Person responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Set responsible</source>
        <translation>设为责任人</translation>
    </message>
    <message>
        <source>&amp;Make plan</source>
        <translation>生成计划(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Record visit…</source>
        <translation>记录走访(&amp;R)…</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Reviews due: %1</source>
        <translation>待复核：%1 户</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>纳入日期</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>下次复核</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Exited %1</source>
        <translation>已退出 %1</translation>
    </message>
    <message>
        <source>Review due</source>
        <translation>待复核</translation>
    </message>
    <message>
        <source>On register</source>
        <translation>在册</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Key group</source>
        <translation>重点群体</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访次数</translation>
    </message>
    <message>
        <source>Problem solved</source>
        <translation>问题已解决</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1 villages, %2 people planned, %3 visited</source>
        <translation>%1 个村（社区），计划走访 %2 人，已走访 %3 人</translation>
    </message>
    <message>
        <source>%1 to %2: %3 people visited (%4 visits), %5 problems found, %6 solved; plans: %7 people, %8 visited.</source>
        <translation>%1 至 %2：走访 %3 人（%4 人次），发现问题 %5 个，解决 %6 个；计划 %7 人，已走访 %8 人。</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Select an entry on the register first.</source>
        <translation>请先选择一条在册记录。</translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>正在生成巡访计划…</translation>
    </message>
    <message>
        <source>Select a person in the plan first.</source>
        <translation>请先在计划中选择一人。</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Record a visit</source>
        <translation>记录走访</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>实地入户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Problem solved</source>
        <translation>问题已解决</translation>
    </message>
    <message>
        <source>Hardship found: put the household on the register</source>
        <translation>发现困难：纳入低收入人口名册</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>走访人</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Needs found</source>
        <translation>发现的需求</translation>
    </message>
    <message>
        <source>Help given</source>
        <translation>提供的帮助</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进事项</translation>
    </message>
</context>
</TS>
