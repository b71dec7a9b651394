<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>HistoryModel</name>
    <message>
        <source>{n} files, last {user} {at}</source>
        <translation>{n} 个文件，最近 {user} {at}</translation>
    </message>
    <message>
        <source>Unlocked by {by} at {at}: {reason}</source>
        <translation>{by} 于 {at} 解锁：{reason}</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>哈希</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>County review</source>
        <translation>县级审核</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>导出记录</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村(社区)</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>领取人</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Income per person</source>
        <translation>月人均收入</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应发</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>补扣</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>实发</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Bank return</source>
        <translation>回盘</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF...</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Zoom:</source>
        <translation>缩放：</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>Must be corrected</source>
        <translation>必须更正</translation>
    </message>
    <message>
        <source>Confirmed by {user}</source>
        <translation>已由 {user} 确认</translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Whole roster</source>
        <translation>整册</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>确认情况</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>Select all unconfirmed warnings</source>
        <translation>全选未确认的警告</translation>
    </message>
    <message>
        <source>Note (optional), e.g. checked with the village on the phone</source>
        <translation>确认说明（可选），如：已电话向村里核实</translation>
    </message>
    <message>
        <source>Confirm checked warnings</source>
        <translation>确认所选警告</translation>
    </message>
</context>
<context>
    <name>RosterFixes</name>
    <message>
        <source>Discard draft</source>
        <translation>放弃草稿</translation>
    </message>
    <message>
        <source>Discard the draft {month} roster? Its lines are deleted; back pay it carried becomes pending again. You can generate it again at any time.</source>
        <translation>放弃 {month} 的花名册草稿？草稿明细将被删除，其中的补发款项恢复为待发放。可随时重新生成。</translation>
    </message>
    <message>
        <source>Discarding...</source>
        <translation>正在放弃草稿...</translation>
    </message>
</context>
<context>
    <name>RosterLabels</name>
    <message>
        <source>All programmes</source>
        <extracomment>Programme codes offered by the picker, in order (&quot;all&quot; = every monthly programme; &quot;temporary_aid&quot; = the month&apos;s 临时救助发放名册 of one-off grants). Change flags as the services store them (Chinese codes), in display order.</extracomment>
        <translation>全部</translation>
    </message>
    <message>
        <source>Temporary aid (one-off list)</source>
        <translation>临时救助（一次性发放名册）</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Existing (imported)</source>
        <translation>存量</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>停发</translation>
    </message>
    <message>
        <source>Increased</source>
        <translation>调增</translation>
    </message>
    <message>
        <source>Decreased</source>
        <translation>调减</translation>
    </message>
    <message>
        <source>Back pay</source>
        <translation>补发</translation>
    </message>
    <message>
        <source>Deduction</source>
        <translation>扣减</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Not returned</source>
        <translation>未回盘</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Bank file</source>
        <translation>银行代发文件</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>发放花名册</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总表</translation>
    </message>
    <message>
        <source>Supplementary #{n}</source>
        <translation>补发第{n}批</translation>
    </message>
    <message>
        <source>One-off #{n}</source>
        <translation>一次性第 {n} 批</translation>
    </message>
    <message>
        <source>Regular</source>
        <translation>正常发放</translation>
    </message>
</context>
<context>
    <name>RostersPage</name>
    <message>
        <source>Payment rosters</source>
        <translation>发放名册</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>月份(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Programme</source>
        <translation>项目(&amp;P)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Reload the roster and the history (F5)</source>
        <translation>重新读取名册和历史（F5）</translation>
    </message>
    <message>
        <source>Whose roster: a township&apos;s, or one roster for the whole county where the county pays centrally</source>
        <translation>选择乡镇（街道）的花名册；县级统一代发时可生成全县一份花名册</translation>
    </message>
    <message>
        <source>&amp;Township</source>
        <translation>乡镇(&amp;T)</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Discard draft...</source>
        <translation>放弃草稿...</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Unlock...</source>
        <translation>解锁…</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Import bank return...</source>
        <translation>导入银行回盘…</translation>
    </message>
    <message>
        <source>Print roster</source>
        <translation>打印名册</translation>
    </message>
    <message>
        <source>Print change roster</source>
        <translation>打印变动名册</translation>
    </message>
    <message>
        <source>County review...</source>
        <translation>县级审核...</translation>
    </message>
    <message>
        <source>All changes</source>
        <translation>全部变动</translation>
    </message>
    <message>
        <source>Any bank result</source>
        <translation>全部回盘状态</translation>
    </message>
    <message>
        <source>Search payee name, ID or account fragment</source>
        <translation>搜索领取人姓名、身份证号或账号片段</translation>
    </message>
    <message>
        <source>Change:</source>
        <translation>变动：</translation>
    </message>
    <message>
        <source>Double-click a line to open the household</source>
        <translation>双击一行打开该户档案</translation>
    </message>
    <message>
        <source>Double-click a roster to show it</source>
        <translation>双击查看该名册</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>校验问题</translation>
    </message>
    <message>
        <source>Roster history</source>
        <translation>历史名册</translation>
    </message>
    <message>
        <source>Whole county</source>
        <translation>全县</translation>
    </message>
    <message numerus="yes">
        <source>%n matching line(s) loaded</source>
        <translation>
            <numerusform>已载入 %n 条匹配的记录</numerusform>
        </translation>
    </message>
    <message>
        <source>{n} of {total} lines loaded</source>
        <translation>已载入 {n} / {total} 行</translation>
    </message>
    <message>
        <source>No roster for this month and programme yet; click Generate.</source>
        <translation>本月该项目尚未生成花名册，请点击“生成”。</translation>
    </message>
    <message>
        <source>{month} {programme} ({kind}) - {status}; generated by {user} at {at}</source>
        <translation>{month} {programme}（{kind}）· {status}；{user} 于 {at} 生成</translation>
    </message>
    <message>
        <source>; locked by {user} at {at}, hash {hash}</source>
        <translation>；{user} 于 {at} 锁定，哈希 {hash}</translation>
    </message>
    <message>
        <source>; reviewed by the county ({user}) at {at}</source>
        <translation>；县级审核：{user}，{at}</translation>
    </message>
    <message>
        <source>Totals: no roster</source>
        <translation>合计：无名册</translation>
    </message>
    <message>
        <source>Totals: {households} households, {persons} persons, {amount} yuan (in words: {capital})</source>
        <translation>合计：{households} 户，{persons} 人，金额 {amount} 元（大写：{capital}）</translation>
    </message>
    <message>
        <source>Changes against last month: {parts}</source>
        <translation>与上月相比：{parts}</translation>
    </message>
    <message>
        <source>Not validated yet: click Validate to check every line.</source>
        <translation>尚未校验：点击“校验”检查每一行。</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>校验通过，未发现问题。</translation>
    </message>
    <message>
        <source>{errors} error(s) must be corrected in the register and the roster regenerated; {warnings} warning(s), {open} not yet confirmed. Double-click a problem to open the record that fixes it.</source>
        <translation>{errors} 个错误须在档案中更正后重新生成名册；{warnings} 条警告，其中 {open} 条尚未确认。双击问题可打开需要更正的账户、成员或在保记录。</translation>
    </message>
    <message>
        <source>Problems ({errors} errors, {warnings} warnings)</source>
        <translation>校验问题（错误 {errors}，警告 {warnings}）</translation>
    </message>
    <message>
        <source>Your role cannot generate rosters.</source>
        <translation>当前角色不能生成花名册。</translation>
    </message>
    <message>
        <source>This roster is locked; the administrator must unlock it first.</source>
        <translation>该名册已锁定，须先由管理员解锁。</translation>
    </message>
    <message>
        <source>Generate the roster first.</source>
        <translation>请先生成名册。</translation>
    </message>
    <message>
        <source>Only a draft roster can be discarded.</source>
        <translation>只有草稿状态的花名册可以放弃。</translation>
    </message>
    <message>
        <source>Only the approver (负责人) can lock a roster.</source>
        <translation>只有负责人可以锁定花名册。</translation>
    </message>
    <message>
        <source>Generate a draft roster first.</source>
        <translation>请先生成草稿名册。</translation>
    </message>
    <message>
        <source>The roster is already locked.</source>
        <translation>名册已锁定。</translation>
    </message>
    <message>
        <source>Only a county reviewer or approver reviews township rosters.</source>
        <translation>乡镇花名册由县级审核员或审批人审核。</translation>
    </message>
    <message>
        <source>The county reviews a township&apos;s roster once it is locked.</source>
        <translation>乡镇锁定花名册后，县级才能审核。</translation>
    </message>
    <message>
        <source>The county has reviewed this roster.</source>
        <translation>该花名册已经县级审核。</translation>
    </message>
    <message>
        <source>Only a locked roster can be unlocked.</source>
        <translation>只有已锁定的名册才能解锁。</translation>
    </message>
    <message>
        <source>Your role cannot export rosters or import bank returns.</source>
        <translation>当前角色不能导出名册或导入银行回盘。</translation>
    </message>
    <message>
        <source>Only a locked roster can be exported or matched with a bank return.</source>
        <translation>只有已锁定的名册才能导出或导入银行回盘。</translation>
    </message>
    <message>
        <source>Your role cannot print.</source>
        <translation>当前角色不能打印。</translation>
    </message>
    <message>
        <source>Generate the month&apos;s regular roster first.</source>
        <translation>请先生成本月的正常发放名册。</translation>
    </message>
    <message>
        <source>Warnings can be confirmed on a draft roster by the clerk, reviewer or approver.</source>
        <translation>经办人、审核人或负责人可在草稿名册上确认警告。</translation>
    </message>
    <message>
        <source>Generating the roster...</source>
        <translation>正在生成花名册…</translation>
    </message>
    <message>
        <source>Validating the roster...</source>
        <translation>正在校验花名册…</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Validate the roster first: locking needs every line checked.</source>
        <translation>请先校验名册：锁定前须检查每一行。</translation>
    </message>
    <message>
        <source>The roster has {n} error(s) and cannot be locked. Correct them in the register, regenerate and validate again.</source>
        <translation>名册有 {n} 个错误，不能锁定。请在档案中更正，重新生成并再次校验。</translation>
    </message>
    <message>
        <source>{n} warning(s) are not confirmed yet. Check them, tick them in the problems list and click &quot;Confirm checked warnings&quot; before locking.</source>
        <translation>还有 {n} 条警告未确认。请逐条核实，在问题列表中勾选并点击“确认所选警告”后再锁定。</translation>
    </message>
    <message>
        <source>Lock roster</source>
        <translation>锁定名册</translation>
    </message>
    <message>
        <source>Lock the {month} roster ({households} households, {amount} yuan)? A locked roster cannot be changed; only the administrator can unlock it.</source>
        <translation>确定锁定 {month} 花名册（{households} 户，{amount} 元）吗？锁定后不能修改，只有管理员可以解锁。</translation>
    </message>
    <message>
        <source>Locking the roster...</source>
        <translation>正在锁定名册…</translation>
    </message>
    <message>
        <source>Unlock roster</source>
        <translation>解锁名册</translation>
    </message>
    <message>
        <source>Why must this locked roster be changed? The reason is kept with the roster and in the audit log.</source>
        <translation>为什么需要修改已锁定的名册？理由将随名册保存并记入审计日志。</translation>
    </message>
    <message>
        <source>Unlocking needs a reason.</source>
        <translation>解锁必须填写理由。</translation>
    </message>
    <message>
        <source>Unlocking...</source>
        <translation>正在解锁…</translation>
    </message>
    <message>
        <source>County review</source>
        <translation>县级审核</translation>
    </message>
    <message>
        <source>Record the county&apos;s review of the {month} roster of {township} ({households} households, {amount} yuan). Note (optional):</source>
        <translation>记录县级对{township}{month}花名册（{households} 户，{amount} 元）的审核。审核意见（可不填）：</translation>
    </message>
    <message>
        <source>Export the roster to</source>
        <translation>选择导出文件夹</translation>
    </message>
    <message>
        <source>Exported {n} files to {folder}:
{files}</source>
        <translation>已导出 {n} 个文件到 {folder}：
{files}</translation>
    </message>
    <message>
        <source>The bank file is password-protected; its password (shown only now, give it to the bank by phone, never with the file): {password}</source>
        <translation>银行代发文件已加密码保护，打开密码（只显示这一次；请电话告知银行，切勿与文件一起发送）：{password}</translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Bank return file</source>
        <translation>银行回盘文件</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Bank return {file}: {rows} rows, {paid} paid, {failed} failed, {unmatched} not matched.</source>
        <translation>银行回盘 {file}：共 {rows} 行，成功 {paid}，失败 {failed}，未匹配 {unmatched}。</translation>
    </message>
    <message>
        <source>Unmatched rows: {rows}.</source>
        <translation>未匹配的行：{rows}。</translation>
    </message>
    <message>
        <source>{n} failed payment(s) were registered as back pay; they are paid with a later roster once the account is corrected.</source>
        <translation>{n} 笔发放失败已登记为补发，账户更正后随以后的名册发放。</translation>
    </message>
    <message>
        <source>Importing the bank return...</source>
        <translation>正在导入银行回盘…</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>Preparing the document...</source>
        <translation>正在生成文档…</translation>
    </message>
</context>
</TS>
