<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ChangeDialog</name>
    <message>
        <source>{payee} - {programme}, {amount} yuan per month, {status}</source>
        <translation>{payee} — {programme}，每月 {amount} 元，{status}</translation>
    </message>
    <message>
        <source>New monthly amount in yuan</source>
        <translation>调整后的月保障金（元）</translation>
    </message>
    <message>
        <source>(no visit)</source>
        <translation>（无入户调查）</translation>
    </message>
    <message>
        <source>&amp;Decided on</source>
        <translation>决定日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Effective from month</source>
        <translation>生效月份(&amp;E)</translation>
    </message>
    <message>
        <source>Re-check &amp;result</source>
        <translation>复核结果(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Visit</source>
        <translation>入户调查(&amp;V)</translation>
    </message>
    <message>
        <source>New &amp;amount (yuan)</source>
        <translation>新金额（元）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Grounds</source>
        <translation>终止理由(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
</context>
<context>
    <name>EnrollmentActions</name>
    <message>
        <source>Adjust amount (increase/decrease)</source>
        <translation>调整金额（增发/减发）</translation>
    </message>
    <message>
        <source>Suspend payment</source>
        <translation>停发</translation>
    </message>
    <message>
        <source>Resume payment</source>
        <translation>恢复发放</translation>
    </message>
    <message>
        <source>Start phase-out</source>
        <translation>渐退</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Record re-check result</source>
        <translation>登记复核结果</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>情况无变化</translation>
    </message>
    <message>
        <source>Amount adjusted</source>
        <translation>调整金额</translation>
    </message>
    <message>
        <source>Phase-out</source>
        <translation>渐退</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
</context>
<context>
    <name>EnrollmentDetail</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>From month</source>
        <translation>生效月份</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Enrollment</source>
        <translation>在保记录</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>&lt; Back to list</source>
        <translation>&lt; 返回列表</translation>
    </message>
    <message>
        <source>Household page</source>
        <translation>家庭档案</translation>
    </message>
    <message>
        <source>Member change...</source>
        <translation>成员变动...</translation>
    </message>
    <message>
        <source>Payee and account...</source>
        <translation>领取人与账户...</translation>
    </message>
    <message>
        <source>Print notice...</source>
        <translation>打印告知书...</translation>
    </message>
    <message>
        <source>Changes and events (newest first)</source>
        <translation>变动与事件（最新在前）</translation>
    </message>
    <message>
        <source>Household {title}</source>
        <translation>家庭 {title}</translation>
    </message>
    <message>
        <source>{programme}: {status}; {amount} yuan per month for {persons} person(s); paid from {start}; payee {payee}; next re-check {recheck}</source>
        <translation>{programme}：{status}；每月 {amount} 元，保障 {persons} 人；自 {start} 起发放；领取人 {payee}；下次核查 {recheck}</translation>
    </message>
    <message>
        <source>This household has no enrollment.</source>
        <translation>该户没有在保记录。</translation>
    </message>
    <message>
        <source>This change reduces, suspends or ends the payment: the family must be told in writing ({n} notice(s) with reasons and the right to object).</source>
        <translation>本次变更为减发、停发或终止，须书面告知家庭（{n} 份告知书，含理由和异议权利）。</translation>
    </message>
</context>
<context>
    <name>EnrollmentsPage</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>家庭</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>领取人</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Yuan/month</source>
        <translation>月保障金(元)</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始月</translation>
    </message>
    <message>
        <source>Next re-check</source>
        <translation>下次核查</translation>
    </message>
    <message>
        <source>Enrollments</source>
        <translation>在保对象</translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <source>Urban dibao</source>
        <translation>城市低保</translation>
    </message>
    <message>
        <source>Rural dibao</source>
        <translation>农村低保</translation>
    </message>
    <message>
        <source>Tekun</source>
        <translation>特困供养</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部村（社区）</translation>
    </message>
    <message>
        <source>Current (paid, phase-out, suspended)</source>
        <translation>当前（在保、渐退、停发）</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>在保</translation>
    </message>
    <message>
        <source>Phase-out</source>
        <translation>渐退</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>停发</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Re-check due this month</source>
        <translation>本月到期核查</translation>
    </message>
    <message>
        <source>Payee name or number</source>
        <translation>领取人姓名或编号</translation>
    </message>
    <message>
        <source>Re-checked, unchanged (selected)...</source>
        <translation>批量登记复核：无变化（所选）...</translation>
    </message>
    <message>
        <source>Record the re-check result &quot;unchanged&quot; for every selected enrollment at once</source>
        <translation>为所选在保记录一次登记复核结果“情况无变化”</translation>
    </message>
    <message>
        <source>Month the changes take effect</source>
        <translation>变更生效的月份</translation>
    </message>
    <message>
        <source>Print the month&apos;s notices...</source>
        <translation>打印本月告知书...</translation>
    </message>
    <message>
        <source>Every notice (reduction, suspension, termination) effective in the month, in one document</source>
        <translation>该月生效的全部减发、停发、终止告知书，合并为一个文件</translation>
    </message>
    <message>
        <source>Export Excel...</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>The list with the current filters, as the 在保名单 workbook</source>
        <translation>按当前筛选条件导出在保名单工作簿</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>导出在保名单</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to {file}</source>
        <translation>
            <numerusform>已导出 %n 行到 {file}</numerusform>
        </translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>{n} of {total} enrollment(s) loaded</source>
        <translation>已载入 {n} / {total} 条在保记录</translation>
    </message>
    <message>
        <source>Re-checks</source>
        <translation>复核</translation>
    </message>
    <message>
        <source>Record &quot;re-checked, no change&quot; today for {n} enrollment(s)? The next re-check is scheduled by the policy&apos;s interval.</source>
        <translation>为 {n} 条在保记录登记今天“复核，情况无变化”？下次核查按政策规定的间隔安排。</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>正在保存...</translation>
    </message>
</context>
<context>
    <name>MemberEventDialog</name>
    <message>
        <source>Member change - household {id}</source>
        <translation>成员变动 — 家庭 {id}</translation>
    </message>
    <message>
        <source>e.g. death certificate no., police notice</source>
        <translation>如：死亡证明编号、派出所通知</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>变动(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Member</source>
        <translation>成员(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>身份证号码(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Relation to head</source>
        <translation>与户主关系(&amp;R)</translation>
    </message>
    <message>
        <source>New &amp;village</source>
        <translation>迁入村（社区）(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Destination</source>
        <translation>迁往(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
</context>
<context>
    <name>MemberEvents</name>
    <message>
        <source>Death</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>Birth</source>
        <translation>出生</translation>
    </message>
    <message>
        <source>Moved in</source>
        <translation>迁入</translation>
    </message>
    <message>
        <source>Married in</source>
        <translation>婚入</translation>
    </message>
    <message>
        <source>Moved out</source>
        <translation>迁出</translation>
    </message>
    <message>
        <source>Married out</source>
        <translation>婚出</translation>
    </message>
    <message>
        <source>Entered prison</source>
        <translation>服刑</translation>
    </message>
    <message>
        <source>Released from prison</source>
        <translation>刑满释放</translation>
    </message>
    <message>
        <source>Entered military service</source>
        <translation>入伍（现役义务兵）</translation>
    </message>
    <message>
        <source>Left military service</source>
        <translation>退役</translation>
    </message>
    <message>
        <source>Moved to another village or township</source>
        <translation>迁往本县其他村（社区）或乡镇</translation>
    </message>
    <message>
        <source>Moved out of the county</source>
        <translation>迁出本县</translation>
    </message>
</context>
</TS>
