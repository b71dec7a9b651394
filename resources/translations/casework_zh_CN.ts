<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <source>leave empty to use the calculated amount</source>
        <translation>留空则采用测算金额</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>办理日期：</translation>
    </message>
    <message>
        <source>Handled by:</source>
        <translation>处理方式：</translation>
    </message>
    <message>
        <source>Amount (yuan):</source>
        <translation>核定金额（元）：</translation>
    </message>
    <message>
        <source>Check result:</source>
        <translation>核对结果：</translation>
    </message>
    <message>
        <source>Preliminary opinion:</source>
        <translation>初审意见：</translation>
    </message>
    <message>
        <source>Objection:</source>
        <translation>异议内容：</translation>
    </message>
    <message>
        <source>Conclusion:</source>
        <translation>结论：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Opinion:</source>
        <translation>意见：</translation>
    </message>
    <message>
        <source>Why (the emergency):</source>
        <translation>事由（突发情况）：</translation>
    </message>
    <message>
        <source>Reasons (for the notice):</source>
        <translation>理由（写入告知书）：</translation>
    </message>
    <message>
        <source>Findings:</source>
        <translation>调查结论：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>签署人：</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>正在保存……</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Works for:</source>
        <translation>工作范围：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>The county (sees every township)</source>
        <translation>全县（可见所有乡镇）</translation>
    </message>
</context>
<context>
    <name>AdminCommon</name>
    <message>
        <source>Read only: only an administrator can change these settings.</source>
        <translation>只读：只有管理员可以修改这些设置。</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
</context>
<context>
    <name>ApplicationDetail</name>
    <message>
        <source>&lt; Back to list</source>
        <translation>&lt; 返回列表</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>家庭档案</translation>
    </message>
    <message>
        <source>New home visit</source>
        <translation>新建入户调查</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>By</source>
        <translation>办理人</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>办理后状态</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Recorded at</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <source>Nothing for your role to do on this case now.</source>
        <translation>本案当前没有需要您的角色办理的事项。</translation>
    </message>
    <message>
        <source>Print form</source>
        <translation>打印审批表</translation>
    </message>
    <message>
        <source>Print decision letter</source>
        <translation>打印确认通知书/告知书</translation>
    </message>
    <message>
        <source>Termination...</source>
        <translation>终止供养…</translation>
    </message>
    <message>
        <source>Propose, publish and decide the termination of this tekun support</source>
        <translation>拟终止特困供养：公示、异议处理和终止决定</translation>
    </message>
    <message>
        <source>Self-care change...</source>
        <translation>自理能力变化…</translation>
    </message>
    <message>
        <source>Report a change in self-care; the county re-assesses within 10 working days</source>
        <translation>报告生活自理能力变化；县级须在 10 个工作日内重新评估</translation>
    </message>
    <message>
        <source>Print change notice</source>
        <translation>打印变更告知书</translation>
    </message>
    <message>
        <source>The written notice of the latest reduction, suspension or termination</source>
        <translation>最近一次减发、停发或终止的书面告知书</translation>
    </message>
    <message>
        <source>Print notice</source>
        <translation>打印公示</translation>
    </message>
    <message>
        <source>Programme:</source>
        <translation>救助项目：</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>详情：</translation>
    </message>
    <message>
        <source>Accepted:</source>
        <translation>受理日期：</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>办理时限：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>申请理由：</translation>
    </message>
    <message>
        <source>Information check:</source>
        <translation>信息核对：</translation>
    </message>
    <message>
        <source>Publicity:</source>
        <translation>公示：</translation>
    </message>
    <message>
        <source>Objection:</source>
        <translation>公示异议：</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>审核确认结论：</translation>
    </message>
    <message>
        <source>Enrollment:</source>
        <translation>在保记录：</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>登记事项：</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>基本情况</translation>
    </message>
    <message>
        <source>Proposed amount and working</source>
        <translation>拟保障金额及计算过程</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <source>Actions:</source>
        <translation>可办理：</translation>
    </message>
    <message>
        <source>Print:</source>
        <translation>打印：</translation>
    </message>
    <message>
        <source>Loading the application...</source>
        <translation>正在读取申请……</translation>
    </message>
    <message>
        <source>{d} (in this step since {s})</source>
        <translation>{d}（自 {s} 起处于当前环节）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source> (green channel: steps due by {d})</source>
        <translation>（特事特办：须在 {d} 前补齐程序）</translation>
    </message>
    <message>
        <source>requested {d}; result: {r}</source>
        <translation>{d} 提出申请；结果：{r}</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待反馈</translation>
    </message>
    <message>
        <source>not requested</source>
        <translation>未申请</translation>
    </message>
    <message>
        <source>{a} to {b}</source>
        <translation>{a} 至 {b}</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>{d} on {on}</source>
        <translation>{d}（{on}）</translation>
    </message>
    <message>
        <source>not decided</source>
        <translation>未作出</translation>
    </message>
    <message>
        <source>no. {id}</source>
        <translation>第 {id} 号</translation>
    </message>
    <message>
        <source>{yuan} yuan</source>
        <translation>{yuan} 元</translation>
    </message>
    <message>
        <source>In words: {capital}</source>
        <translation>大写：{capital}</translation>
    </message>
    <message>
        <source>Not yet assessed (set at the preliminary review)</source>
        <translation>尚未测算（初审时核定）</translation>
    </message>
    <message>
        <source>County approval</source>
        <translation>县级审批</translation>
    </message>
    <message>
        <source>Case-by-case decision</source>
        <translation>一事一议</translation>
    </message>
    <message>
        <source>County home visit</source>
        <translation>县级入户调查</translation>
    </message>
    <message>
        <source>Green channel authorised</source>
        <translation>特事特办先行纳入</translation>
    </message>
    <message>
        <source>Self-care change reported</source>
        <translation>报告生活自理能力变化</translation>
    </message>
    <message>
        <source>Self-care re-assessed</source>
        <translation>重新评估生活自理能力</translation>
    </message>
    <message>
        <source>due {d}</source>
        <translation>期限 {d}</translation>
    </message>
    <message>
        <source>individual application</source>
        <translation>单独提出申请</translation>
    </message>
    <message>
        <source>{type}, {m} month(s), {p} person(s)</source>
        <translation>{type}，{m} 个月，{p} 人</translation>
    </message>
    <message>
        <source>green channel</source>
        <translation>先行救助</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>visit no. {n}</source>
        <translation>入户调查第 {n} 号</translation>
    </message>
    <message>
        <source>The application and approval form of this case (Ctrl+P)</source>
        <translation>打印本案的申请审批表（Ctrl+P）</translation>
    </message>
    <message>
        <source>Print approval notice</source>
        <translation>打印确认通知书</translation>
    </message>
    <message>
        <source>Print refusal notice</source>
        <translation>打印不予确认告知书</translation>
    </message>
    <message>
        <source>The letter telling the applicant the decision</source>
        <translation>向申请人送达的审核确认决定书</translation>
    </message>
    <message>
        <source>Available once the application has been approved or refused.</source>
        <translation>申请作出确认同意或不予确认决定后才能打印。</translation>
    </message>
    <message>
        <source>Available once a reduction, suspension or termination is decided.</source>
        <translation>作出减发、停发或终止决定后可打印。</translation>
    </message>
    <message>
        <source>The publicity notice of the applications posted with this one</source>
        <translation>打印与本申请同批公示的公示表</translation>
    </message>
    <message>
        <source>Available once the publicity of this application has started.</source>
        <translation>本申请开始公示后才能打印公示表。</translation>
    </message>
</context>
<context>
    <name>ApplicationsPage</name>
    <message>
        <source>Applications</source>
        <translation>申请审批</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation>全部救助项目</translation>
    </message>
    <message>
        <source>New application...</source>
        <translation>新建申请……</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Publicity...</source>
        <translation>公示……</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Name, pinyin, ID digits or file no.</source>
        <translation>姓名、拼音、身份证号片段或编号</translation>
    </message>
    <message>
        <source>Export Excel...</source>
        <translation>导出 Excel...</translation>
    </message>
    <message>
        <source>The list as shown, as the ledger workbook</source>
        <translation>按当前筛选导出申请审批台账</translation>
    </message>
    <message>
        <source>Export overdue list...</source>
        <translation>导出超期清单...</translation>
    </message>
    <message>
        <source>Every case past a time limit today, as a workbook</source>
        <translation>将今天已超过办理时限的申请导出为 Excel</translation>
    </message>
    <message>
        <source>Materials...</source>
        <translation>申请材料...</translation>
    </message>
    <message>
        <source>The applicant&apos;s papers received and their scans</source>
        <translation>申请人已交材料及扫描件</translation>
    </message>
    <message>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <source>File no.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>救助项目</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>In step since</source>
        <translation>进入本环节</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>办理人</translation>
    </message>
    <message>
        <source>Proposed (yuan)</source>
        <translation>拟保障金额（元）</translation>
    </message>
    <message>
        <source>Print forms</source>
        <translation>批量打印审批表</translation>
    </message>
    <message>
        <source>Print notice list</source>
        <translation>打印公示名单</translation>
    </message>
    <message>
        <source>Export the ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation>正在导出...</translation>
    </message>
    <message>
        <source>Export the overdue list</source>
        <translation>导出超期清单</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>当前环节</translation>
    </message>
    <message>
        <source>Whole case</source>
        <translation>全程时限</translation>
    </message>
    <message>
        <source>Refusal notice</source>
        <translation>不予确认告知</translation>
    </message>
    <message>
        <source>Green-channel paperwork</source>
        <translation>先行救助补办手续</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>时限类型</translation>
    </message>
    <message>
        <source>Working days over</source>
        <translation>超期工作日</translation>
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
        <source>{n}+ shown</source>
        <translation>已显示 {n} 条（滚动加载更多）</translation>
    </message>
    <message numerus="yes">
        <source>%n application(s)</source>
        <translation>
            <numerusform>共 %n 件申请</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The application and approval forms of the %n selected case(s), in one document (Ctrl+P)</source>
        <translation>
            <numerusform>将所选 %n 件申请的审批表合为一份文档打印（Ctrl+P）</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the applications to print (Ctrl+click, Shift+click).</source>
        <translation>请先选择要打印的申请（可按住 Ctrl 或 Shift 多选）。</translation>
    </message>
    <message numerus="yes">
        <source>The publicity notice of the %n selected case(s) in publicity</source>
        <translation>
            <numerusform>打印所选 %n 件公示中申请的公示名单</numerusform>
        </translation>
    </message>
    <message>
        <source>Select applications in publicity (of the same period).</source>
        <translation>请选择处于公示期（同一公示期）的申请。</translation>
    </message>
</context>
<context>
    <name>AuditSection</name>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Every change, sign-in, print and export is recorded in a hash chain; the log cannot be edited here.</source>
        <translation>每一次修改、登录、打印和导出都记录在哈希链中；此处不能修改日志。</translation>
    </message>
    <message>
        <source>Read only.</source>
        <translation>只读。</translation>
    </message>
    <message>
        <source>Only an administrator, approver or auditor may read the audit log.</source>
        <translation>只有管理员、负责人或审计员可以查看审计日志。</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Verify audit chain</source>
        <translation>校验审计链</translation>
    </message>
    <message>
        <source>Anchor COUNT:HASH from a printout (optional)</source>
        <translation>锚点 事件数:哈希（取自打印件，可不填）</translation>
    </message>
    <message>
        <source>Print audit checkpoint</source>
        <translation>打印审计核对点</translation>
    </message>
    <message>
        <source>A sheet with the current audit head for the county (administrator)</source>
        <translation>打印含当前审计链头的核对单，交县级留存（管理员）</translation>
    </message>
    <message>
        <source>Anchor:</source>
        <translation>锚点：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>Checking the audit chain...</source>
        <translation>正在校验审计链……</translation>
    </message>
    <message>
        <source>... and %1 more</source>
        <translation>……另有 %1 条</translation>
    </message>
    <message>
        <source>The audit chain is broken:</source>
        <translation>审计链已被破坏：</translation>
    </message>
    <message>
        <source>The audit chain is intact: no event was changed, deleted or inserted.</source>
        <translation>审计链完整：没有事件被修改、删除或插入。</translation>
    </message>
    <message>
        <source>The log still contains the anchor.</source>
        <translation>日志仍包含该锚点。</translation>
    </message>
    <message>
        <source>Save the audit checkpoint</source>
        <translation>保存审计核对点</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Audit checkpoint saved to %1; anchor %2</source>
        <translation>审计核对点已保存到 %1；锚点 %2</translation>
    </message>
    <message>
        <source>Printing the audit checkpoint...</source>
        <translation>正在打印审计核对点……</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Required when refusing; sent to the applicant in the written notice</source>
        <translation>不予确认时必填，将写入书面告知书</translation>
    </message>
    <message>
        <source>Stable income (re-check yearly)</source>
        <translation>收入稳定（每年核查一次）</translation>
    </message>
    <message>
        <source>Unstable income (re-check every 6 months)</source>
        <translation>收入不稳定（每半年核查一次）</translation>
    </message>
    <message>
        <source>{yuan} yuan ({capital})</source>
        <translation>{yuan} 元（{capital}）</translation>
    </message>
    <message>
        <source>Proposed amount:</source>
        <translation>拟保障金额：</translation>
    </message>
    <message>
        <source>Paid from:</source>
        <translation>起始发放月份：</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>审核结论：</translation>
    </message>
    <message>
        <source>Reasons for refusal:</source>
        <translation>不予确认理由：</translation>
    </message>
    <message>
        <source>Household type:</source>
        <translation>家庭类型：</translation>
    </message>
    <message>
        <source>{month} (the month after the confirmation date)</source>
        <translation>{month}（确认日期的次月）</translation>
    </message>
    <message>
        <source>Confirm approval</source>
        <translation>确认同意</translation>
    </message>
</context>
<context>
    <name>EstimatedBadge</name>
    <message>
        <source>Estimate</source>
        <translation>估算</translation>
    </message>
    <message>
        <source>Estimated placeholder, not an official figure: replace it with the value from the county&apos;s standards notice.</source>
        <translation>估算的占位数值，并非正式标准：请按县（市）民政、财政部门公布的标准通知替换。</translation>
    </message>
</context>
<context>
    <name>GreenChannelPage</name>
    <message>
        <source>Green channel</source>
        <translation>先行救助</translation>
    </message>
    <message>
        <source>Give aid first (green channel)</source>
        <translation>先行救助（先救助，后补手续）</translation>
    </message>
    <message>
        <source>For emergency hardship the township may skip the information check, democratic review and publicity and give a small amount at once. Afterwards the file must record the person, the reason and the amount, and the signatures and seals are completed within the policy&apos;s time limit.</source>
        <translation>急难型临时救助可以不经信息核对、民主评议和公示，由乡镇先行给予小额救助。事后须登记救助对象、事由和金额，并在政策规定的时限内补齐经办人员签字、盖章手续。</translation>
    </message>
</context>
<context>
    <name>HolidaysSection</name>
    <message>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Public holidays and make-up working days from the State Council&apos;s notice; every time limit in working days uses them.</source>
        <translation>按国务院办公厅通知登记法定节假日和调休上班日；所有按工作日计算的办理时限都以此为准。</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>e.g. 春节</source>
        <translation>例如：春节</translation>
    </message>
    <message>
        <source>e.g. 2027-02-20, 2027-03-06</source>
        <translation>如 2027-02-20, 2027-03-06</translation>
    </message>
    <message>
        <source>Save period</source>
        <translation>保存整段假期</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Save day</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Make a normal day</source>
        <translation>恢复为普通日</translation>
    </message>
    <message>
        <source>Remove the selected day from the table</source>
        <translation>从表中删除所选日期</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c62828&apos;&gt;■&lt;/span&gt; public holiday&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#1565c0&apos;&gt;■&lt;/span&gt; make-up working day</source>
        <translation>&lt;span style=&apos;color:#c62828&apos;&gt;■&lt;/span&gt; 法定节假日&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#1565c0&apos;&gt;■&lt;/span&gt; 调休上班日</translation>
    </message>
    <message>
        <source>A whole holiday from the notice:</source>
        <translation>按国务院办公厅通知录入整段假期：</translation>
    </message>
    <message>
        <source>Holiday:</source>
        <translation>节日：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Days off:</source>
        <translation>放假：</translation>
    </message>
    <message>
        <source>Make-up days:</source>
        <translation>调休上班：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Years with holiday data: {years}.</source>
        <translation>已录入节假日的年份：{years}。</translation>
    </message>
    <message>
        <source>No holiday data for {year}: deadlines in {year} count weekends only and are shown with a warning. Enter the State Council&apos;s notice below. (Years with data: {years}.)</source>
        <translation>{year} 年尚未录入节假日：{year} 年的办理期限只按周末推算，并显示提醒。请在下方按国务院办公厅通知录入。（已录入年份：{years}。）</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Write dates as 2027-02-20, separated by commas.</source>
        <translation>日期请写成 2027-02-20，多个日期用逗号分隔。</translation>
    </message>
    <message>
        <source>Saved {name}: {n} day(s).</source>
        <translation>已保存{name}：{n} 天。</translation>
    </message>
    <message>
        <source>%1 is a normal day again.</source>
        <translation>%1 已恢复为普通日。</translation>
    </message>
</context>
<context>
    <name>HouseholdPage</name>
    <message>
        <source>Household</source>
        <translation>家庭</translation>
    </message>
    <message>
        <source>Apply for a household already on file, or register a new one.</source>
        <translation>为已建档的家庭申请，或登记一个新家庭。</translation>
    </message>
    <message>
        <source>Existing household</source>
        <translation>已建档家庭</translation>
    </message>
    <message>
        <source>New household</source>
        <translation>新家庭</translation>
    </message>
    <message>
        <source>Name, pinyin initials or ID digits</source>
        <translation>姓名、拼音首字母或身份证号码</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Household no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>在保项目</translation>
    </message>
    <message>
        <source>Village / community:</source>
        <translation>所属村（社区）：</translation>
    </message>
    <message>
        <source>Urban or rural:</source>
        <translation>城乡类别：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>住址：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>联系电话：</translation>
    </message>
    <message>
        <source>Please choose a village.</source>
        <translation>请选择所属村（社区）。</translation>
    </message>
</context>
<context>
    <name>IncomePage</name>
    <message>
        <source>Income and assets</source>
        <translation>收入和财产</translation>
    </message>
    <message>
        <source>Add income</source>
        <translation>添加收入</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Monthly (yuan)</source>
        <translation>月收入（元）</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>计入</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>value in yuan</source>
        <translation>价值（元）</translation>
    </message>
    <message>
        <source>Exempt (needed for living or production)</source>
        <translation>豁免（生活、生产必需）</translation>
    </message>
    <message>
        <source>Add asset</source>
        <translation>添加财产</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Value (yuan)</source>
        <translation>价值（元）</translation>
    </message>
    <message>
        <source>Exempt</source>
        <translation>豁免</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>成员：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>Please enter the amount in yuan.</source>
        <translation>请填写金额（元）。</translation>
    </message>
    <message>
        <source>Items on file are changed on the household page.</source>
        <translation>已登记的项目请在家庭档案页修改。</translation>
    </message>
    <message>
        <source>Save income</source>
        <translation>保存收入</translation>
    </message>
    <message>
        <source>Save asset</source>
        <translation>保存财产</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Income in yuan per month or per year (stored monthly). Categories marked &apos;not counted&apos; are kept on file but not added to the household income.</source>
        <translation>收入可按月或按年填写（按月保存）。标为“不计入”的类别仅登记备查，不计入家庭收入。</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>每年</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>价值：</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>财产</translation>
    </message>
    <message>
        <source>Whole household</source>
        <translation>全家</translation>
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
        <source> (on file)</source>
        <translation>（已登记）</translation>
    </message>
    <message>
        <source>Counted income {total} yuan/month for {n} member(s): {pci} yuan per person (the summary shows the official working)</source>
        <translation>计入收入 {total} 元/月，共同生活家庭成员 {n} 人：人均 {pci} 元（以汇总页的测算为准）</translation>
    </message>
</context>
<context>
    <name>MaterialsDialog</name>
    <message>
        <source>Applicant&apos;s materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <source>Attach scan...</source>
        <translation>添加扫描件...</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Attach a scan</source>
        <translation>添加扫描件</translation>
    </message>
    <message>
        <source>Scans (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.pdf)</source>
        <translation>扫描件 (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.pdf)</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>Everyone living in the household. The first new member of a new household is its head.</source>
        <translation>共同生活的家庭成员。新家庭的第一名成员为户主。</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Labour capacity</source>
        <translation>劳动能力</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>ID number:</source>
        <translation>身份证号码：</translation>
    </message>
    <message>
        <source>Relation to head:</source>
        <translation>与户主关系：</translation>
    </message>
    <message>
        <source>Health:</source>
        <translation>健康状况：</translation>
    </message>
    <message>
        <source>Disability:</source>
        <translation>残疾类别：</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>等级：</translation>
    </message>
    <message>
        <source>Labour capacity:</source>
        <translation>劳动能力：</translation>
    </message>
    <message>
        <source>Ethnicity:</source>
        <translation>民族：</translation>
    </message>
    <message>
        <source>Hukou type:</source>
        <translation>户籍性质：</translation>
    </message>
    <message>
        <source>Schooling:</source>
        <translation>文化程度/在校：</translation>
    </message>
    <message>
        <source>Employment:</source>
        <translation>就业状况：</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>On file</source>
        <translation>已建档</translation>
    </message>
    <message>
        <source>{n} characters typed</source>
        <translation>已输入 {n} 位</translation>
    </message>
    <message>
        <source>Born {birth}, {sex}, {age} years old</source>
        <translation>出生于 {birth}，{sex}，{age} 岁</translation>
    </message>
    <message>
        <source>Save member</source>
        <translation>保存成员</translation>
    </message>
    <message>
        <source>Please enter the name.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <source>This ID number is already in the list.</source>
        <translation>该身份证号码已在列表中。</translation>
    </message>
    <message>
        <source>Members on file are changed on the household page.</source>
        <translation>已建档成员请在家庭档案页修改。</translation>
    </message>
</context>
<context>
    <name>NewApplicationWizard</name>
    <message>
        <source>New application</source>
        <translation>新建申请</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>{title} ({step}/{total})</source>
        <translation>{title}（{step}/{total}）</translation>
    </message>
    <message>
        <source>Unsaved application</source>
        <translation>申请未保存</translation>
    </message>
    <message>
        <source>The new application has not been saved. Save it now?</source>
        <translation>新申请尚未保存，是否现在保存？</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Don&apos;t save</source>
        <translation>不保存</translation>
    </message>
    <message>
        <source>Loading the household...</source>
        <translation>正在读取家庭信息……</translation>
    </message>
    <message>
        <source>New household in {village}, {address}</source>
        <translation>新家庭：{village}，{address}</translation>
    </message>
    <message>
        <source>Household no. {id} ({village})</source>
        <translation>户号 {id}（{village}）</translation>
    </message>
    <message>
        <source>Household no. {id}</source>
        <translation>户号 {id}</translation>
    </message>
    <message>
        <source>Household: {hh}</source>
        <translation>家庭：{hh}</translation>
    </message>
    <message>
        <source>Members: {n} ({new} new)</source>
        <translation>成员：{n} 人（新增 {new} 人）</translation>
    </message>
    <message>
        <source>Applicant: {name}</source>
        <translation>申请人：{name}</translation>
    </message>
    <message>
        <source>Programme: {p}</source>
        <translation>救助项目：{p}</translation>
    </message>
    <message>
        <source>Accepted on: {d}</source>
        <translation>受理日期：{d}</translation>
    </message>
    <message>
        <source>Green channel: aid first, paperwork afterwards</source>
        <translation>先行救助：先救助，后补手续</translation>
    </message>
    <message>
        <source>Saving the application...</source>
        <translation>正在保存申请……</translation>
    </message>
</context>
<context>
    <name>OfficeSection</name>
    <message>
        <source>Office</source>
        <translation>单位信息</translation>
    </message>
    <message>
        <source>The office&apos;s name and area appear on printed forms, notices and rosters.</source>
        <translation>单位名称和辖区将印在表格、公示和花名册上。</translation>
    </message>
    <message>
        <source>e.g. 汝州市临汝镇民政所</source>
        <translation>例如：汝州市临汝镇民政所</translation>
    </message>
    <message>
        <source>County (city):</source>
        <translation>县（市）：</translation>
    </message>
    <message>
        <source>County defaults</source>
        <translation>县级默认</translation>
    </message>
    <message>
        <source>Values for:</source>
        <translation>适用范围：</translation>
    </message>
    <message>
        <source>Township:</source>
        <translation>乡镇（街道）：</translation>
    </message>
    <message>
        <source>Office name:</source>
        <translation>单位名称：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>联系电话：</translation>
    </message>
    <message>
        <source>Policy page address:</source>
        <translation>政策公开网址：</translation>
    </message>
    <message>
        <source>Signatures on papers:</source>
        <translation>文书签名：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>e.g. 负责人：张三  审核：李四</source>
        <translation>如：负责人：张三  审核：李四</translation>
    </message>
    <message>
        <source>These values apply to every township that has no value of its own.</source>
        <translation>未单独设置的乡镇（街道）均使用以下县级默认值。</translation>
    </message>
    <message>
        <source>An empty field uses the county&apos;s value, shown in grey. Clear a field to go back to the county&apos;s value.</source>
        <translation>留空即使用县级默认值（灰色显示）；清空某项即恢复为县级默认值。</translation>
    </message>
    <message>
        <source>Default: {value}</source>
        <translation>默认：{value}</translation>
    </message>
    <message>
        <source>County: {value}</source>
        <translation>县级默认：{value}</translation>
    </message>
    <message>
        <source>County: not set</source>
        <translation>县级默认：未填写</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>正在保存……</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>再次输入密码：</translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message>
        <source>At least 8 characters with 3 of: upper case, lower case, digits, symbols.</source>
        <translation>至少 8 位，含大写字母、小写字母、数字、符号中的至少 3 类。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>PayeePage</name>
    <message>
        <source>Payee, account and materials</source>
        <translation>收款人、账户与申请材料</translation>
    </message>
    <message>
        <source>Who receives the money and on which account; which papers the applicant has handed in.</source>
        <translation>救助金发给谁、发到哪个账户；申请人已交哪些材料。</translation>
    </message>
    <message>
        <source>Record the payment account now</source>
        <translation>现在登记发放账户</translation>
    </message>
    <message>
        <source>16 to 19 digits</source>
        <translation>16 至 19 位数字</translation>
    </message>
    <message>
        <source>Bank and branch name</source>
        <translation>开户银行及网点</translation>
    </message>
    <message>
        <source>Same as the payee if empty</source>
        <translation>不填则与收款人相同</translation>
    </message>
    <message>
        <source>Payment account</source>
        <translation>发放账户</translation>
    </message>
    <message>
        <source>Payee:</source>
        <translation>收款人：</translation>
    </message>
    <message>
        <source>Account type:</source>
        <translation>账户类型：</translation>
    </message>
    <message>
        <source>Card or account number:</source>
        <translation>卡号或账号：</translation>
    </message>
    <message>
        <source>Bank / branch:</source>
        <translation>开户行/网点：</translation>
    </message>
    <message>
        <source>Account holder:</source>
        <translation>户名：</translation>
    </message>
    <message>
        <source>Materials received</source>
        <translation>已收申请材料</translation>
    </message>
    <message>
        <source>The number is checked as the roster checks it; the full number is kept but shown masked elsewhere. Scanned copies can be attached on the case page.</source>
        <translation>账号按发放名册的规则校验；完整账号会保存，其他地方只显示脱敏号码。扫描件可在申请页面添加。</translation>
    </message>
</context>
<context>
    <name>PolicyEditor</name>
    <message>
        <source>e.g. the notice&apos;s document number</source>
        <translation>例如：标准文件的文号</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>新版本</translation>
    </message>
    <message>
        <source>Actual gap (补差)</source>
        <translation>补差</translation>
    </message>
    <message>
        <source>Tiers (分档)</source>
        <translation>分档</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>档次</translation>
    </message>
    <message>
        <source>Income up to (% of standard)</source>
        <translation>收入上限（占标准 %）</translation>
    </message>
    <message>
        <source>Pays (% of standard)</source>
        <translation>发放（占标准 %）</translation>
    </message>
    <message>
        <source>Add tier</source>
        <translation>添加档次</translation>
    </message>
    <message>
        <source>Remove tier</source>
        <translation>删除档次</translation>
    </message>
    <message>
        <source>months</source>
        <translation>个月</translation>
    </message>
    <message>
        <source>same as the township limit</source>
        <translation>同乡镇审批限额</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>calendar days</source>
        <translation>自然日</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>The township confirms (delegated by the county)</source>
        <translation>由乡镇审核确认（县级下放）</translation>
    </message>
    <message>
        <source>Effective from:</source>
        <translation>生效日期：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Dibao</source>
        <translation>最低生活保障</translation>
    </message>
    <message>
        <source>Urban standard (per person per month):</source>
        <translation>城市低保标准（元/人·月）：</translation>
    </message>
    <message>
        <source>Rural standard (per person per month):</source>
        <translation>农村低保标准（元/人·月）：</translation>
    </message>
    <message>
        <source>Calculation method:</source>
        <translation>计发方式：</translation>
    </message>
    <message>
        <source>Minimum payment (% of standard):</source>
        <translation>保底金额（占标准 %）：</translation>
    </message>
    <message>
        <source>Tiers:</source>
        <translation>分档：</translation>
    </message>
    <message>
        <source>Individual application, at least (% of standard):</source>
        <translation>单独提出申请，不低于（占标准 %）：</translation>
    </message>
    <message>
        <source>Near-dibao line (% of standard):</source>
        <translation>低保边缘线（占标准 %）：</translation>
    </message>
    <message>
        <source>Class-based top-ups (% of own subsidy):</source>
        <translation>分类施保增发（占本人补差 %）：</translation>
    </message>
    <message>
        <source>Tekun</source>
        <translation>特困供养</translation>
    </message>
    <message>
        <source>Basic living (multiple of the dibao standard, at least 1.3):</source>
        <translation>基本生活标准（低保标准的倍数，不低于 1.3）：</translation>
    </message>
    <message>
        <source>Minimum wage (reference):</source>
        <translation>最低工资标准（参考）：</translation>
    </message>
    <message>
        <source>Care amounts per month:</source>
        <translation>照料护理标准（元/月）：</translation>
    </message>
    <message>
        <source>Temporary aid</source>
        <translation>临时救助</translation>
    </message>
    <message>
        <source>Township may approve up to:</source>
        <translation>乡镇审批上限：</translation>
    </message>
    <message>
        <source>Case-by-case decision above:</source>
        <translation>超过此额一事一议：</translation>
    </message>
    <message>
        <source>Emergency aid first (先行救助) up to:</source>
        <translation>先行救助上限：</translation>
    </message>
    <message>
        <source>At most:</source>
        <translation>最高：</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>办理程序</translation>
    </message>
    <message>
        <source>Phase-out schedule (% per month):</source>
        <translation>渐退安排（每月 %）：</translation>
    </message>
    <message>
        <source>Public notice:</source>
        <translation>公示期：</translation>
    </message>
    <message>
        <source>Confirmation:</source>
        <translation>审核确认：</translation>
    </message>
    <message>
        <source>Time limits</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Re-check: %1</source>
        <translation>定期核查：%1</translation>
    </message>
</context>
<context>
    <name>PolicySection</name>
    <message>
        <source>Policy and standards</source>
        <translation>政策标准</translation>
    </message>
    <message>
        <source>Each change is saved as a new version from its effective date; earlier versions stay for back pay and history.</source>
        <translation>每次修改都从生效日期起保存为新版本；旧版本保留，用于补发和查询历史。</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>现行</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Urban standard</source>
        <translation>城市标准</translation>
    </message>
    <message>
        <source>Rural standard</source>
        <translation>农村标准</translation>
    </message>
    <message>
        <source>Estimates</source>
        <translation>估算项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Save as new version</source>
        <translation>另存为新版本</translation>
    </message>
    <message>
        <source>Apply new standards to amounts...</source>
        <translation>按新标准调整金额（调标）……</translation>
    </message>
    <message>
        <source>Records the new monthly amounts from the version&apos;s first month, with back pay for months already paid; manual and adjusted amounts are flagged for review.</source>
        <translation>自新版本生效月份起记录新的月保障金额，已发放月份自动计算补发；人工核定和增发/减发的金额只标记待复核。</translation>
    </message>
    <message>
        <source>New version based on: %1 (from %2)</source>
        <translation>新版本基于：%1（自 %2 起）</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>正在保存……</translation>
    </message>
    <message>
        <source>Saved the version from %1.</source>
        <translation>已保存自 %1 起生效的版本。</translation>
    </message>
    <message>
        <source>The standards changed: payments keep their decided amounts until the new standards are applied.</source>
        <translation>标准已变化：在执行调标之前，发放仍按原核定金额。</translation>
    </message>
    <message>
        <source>Apply new standards</source>
        <translation>执行调标</translation>
    </message>
    <message>
        <source>Apply the new standards to the decided amounts from %1? Each changed amount is recorded with its reason; months already paid get back pay; manual and adjusted amounts are only flagged for review.</source>
        <translation>是否自 %1 起按新标准调整核定金额？每项调整都记录理由；已发放月份计算补发；人工核定和增发/减发的金额只标记待复核。</translation>
    </message>
    <message>
        <source>Applying new standards...</source>
        <translation>正在执行调标……</translation>
    </message>
    <message>
        <source>New standards applied from %1: %2 amounts changed, %3 left for review, back pay %4 yuan.</source>
        <translation>已自 %1 起执行调标：调整 %2 户，待复核 %3 户，补发 %4 元。</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>Your role cannot print.</source>
        <translation>您的角色无权打印。</translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <source>Programme and reason</source>
        <translation>救助项目和申请理由</translation>
    </message>
    <message>
        <source>Why the household needs assistance</source>
        <translation>家庭困难的原因</translation>
    </message>
    <message>
        <source>Individual application (single-person dibao)</source>
        <translation>单独提出申请（单人保）</translation>
    </message>
    <message>
        <source>Tekun: support mode and self-care assessment</source>
        <translation>特困供养：供养方式和生活自理能力评估</translation>
    </message>
    <message>
        <source>Support mode:</source>
        <translation>供养方式：</translation>
    </message>
    <message>
        <source>Temporary aid</source>
        <translation>临时救助</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>救助类型：</translation>
    </message>
    <message>
        <source>Cause:</source>
        <translation>致困原因：</translation>
    </message>
    <message>
        <source>Months:</source>
        <translation>救助月数：</translation>
    </message>
    <message>
        <source>Persons:</source>
        <translation>救助人数：</translation>
    </message>
    <message>
        <source>Programme:</source>
        <translation>救助项目：</translation>
    </message>
    <message>
        <source>Applicant:</source>
        <translation>申请人：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>申请理由：</translation>
    </message>
    <message>
        <source>Accepted on:</source>
        <translation>受理日期：</translation>
    </message>
    <message>
        <source>Derived care tier: {tier}</source>
        <translation>评估结论：{tier}</translation>
    </message>
    <message>
        <source>Please choose the applicant.</source>
        <translation>请选择申请人。</translation>
    </message>
</context>
<context>
    <name>PublicityBatchDialog</name>
    <message>
        <source>Publicity</source>
        <translation>公示</translation>
    </message>
    <message>
        <source>File no.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>救助项目</translation>
    </message>
    <message>
        <source>Prelim. since</source>
        <translation>初审日期</translation>
    </message>
    <message>
        <source>Proposed (yuan)</source>
        <translation>拟保障金额（元）</translation>
    </message>
    <message>
        <source>The first day on the notice board; a publicity cannot be backdated</source>
        <translation>张贴公示的第一天；公示不能倒签</translation>
    </message>
    <message>
        <source>Start publicity</source>
        <translation>开始公示</translation>
    </message>
    <message>
        <source>Print notice</source>
        <translation>打印公示</translation>
    </message>
    <message>
        <source>The publicity notice of the batch just started, for the notice board</source>
        <translation>打印刚开始公示的这一批申请的公示表，用于张贴</translation>
    </message>
    <message>
        <source>Tick the applications to post on the notice board together. Only the name, household size and amount are published.</source>
        <translation>勾选要同批张贴公示的申请。公示内容仅包括姓名、家庭人口数和金额。</translation>
    </message>
    <message>
        <source>First day:</source>
        <translation>公示首日：</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>公示截止</translation>
    </message>
    <message>
        <source>Record objection...</source>
        <translation>登记异议……</translation>
    </message>
    <message>
        <source>Start a batch</source>
        <translation>开始新一批公示</translation>
    </message>
    <message>
        <source>In publicity</source>
        <translation>公示中</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Last day: {end}</source>
        <translation>公示截止日：{end}</translation>
    </message>
    <message>
        <source>Publicity started for {n} application(s): {start} to {end}.</source>
        <translation>已对 {n} 件申请开始公示：{start} 至 {end}。</translation>
    </message>
    <message>
        <source>Your role cannot print.</source>
        <translation>您的角色无权打印。</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>e.g. county civil affairs bureau</source>
        <translation>如 汝州市民政局</translation>
    </message>
    <message>
        <source>who approved</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>document number (optional)</source>
        <translation>审批文号（可不填）</translation>
    </message>
    <message>
        <source>leave empty to keep the proposed amount</source>
        <translation>不填则按初审核定金额</translation>
    </message>
    <message>
        <source>e.g. county coordination mechanism</source>
        <translation>如 县困难群众基本生活保障工作协调机制</translation>
    </message>
    <message>
        <source>departments and persons present</source>
        <translation>参加的部门和人员</translation>
    </message>
    <message>
        <source>minutes number</source>
        <translation>会议纪要编号</translation>
    </message>
    <message>
        <source>county investigators, at least two, separated by commas</source>
        <translation>县级调查人员，至少 2 人，用逗号分隔</translation>
    </message>
    <message>
        <source>name and post of who authorised</source>
        <translation>授权人姓名和职务</translation>
    </message>
    <message>
        <source>leave empty to use the calculated amount</source>
        <translation>不填则按测算金额</translation>
    </message>
    <message>
        <source>Approved by (body):</source>
        <translation>审批机关：</translation>
    </message>
    <message>
        <source>Approver:</source>
        <translation>审批人：</translation>
    </message>
    <message>
        <source>Document no.:</source>
        <translation>审批文号：</translation>
    </message>
    <message>
        <source>Approved amount (yuan):</source>
        <translation>审批金额（元）：</translation>
    </message>
    <message>
        <source>Decided by (body):</source>
        <translation>决定机构：</translation>
    </message>
    <message>
        <source>Participants:</source>
        <translation>参加人员：</translation>
    </message>
    <message>
        <source>Minutes ref.:</source>
        <translation>会议纪要：</translation>
    </message>
    <message>
        <source>Decided amount (yuan):</source>
        <translation>决定金额（元）：</translation>
    </message>
    <message>
        <source>County unit:</source>
        <translation>县级调查单位：</translation>
    </message>
    <message>
        <source>Investigators:</source>
        <translation>调查人员：</translation>
    </message>
    <message>
        <source>Authorised by:</source>
        <translation>授权人：</translation>
    </message>
    <message>
        <source>Complete the steps by:</source>
        <translation>补齐程序期限：</translation>
    </message>
    <message>
        <source>Amount (yuan):</source>
        <translation>金额（元）：</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
</context>
<context>
    <name>RowActions</name>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>SecuritySection</name>
    <message>
        <source>Security</source>
        <translation>安全设置</translation>
    </message>
    <message>
        <source>Level-protection (等保 2.0) practice: lock after 5 failed sign-ins for at least 10 minutes, lock the screen after 10–30 idle minutes, keep audit records at least 180 days.</source>
        <translation>等保 2.0 通行做法：连续 5 次登录失败锁定至少 10 分钟；空闲 10–30 分钟锁屏；审计记录至少保存 180 天。</translation>
    </message>
    <message>
        <source>times</source>
        <translation>次</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Sign-in and audit</source>
        <translation>登录和审计</translation>
    </message>
    <message>
        <source>Lock an account after failed sign-ins:</source>
        <translation>登录失败锁定账号的次数：</translation>
    </message>
    <message>
        <source>Lock for:</source>
        <translation>锁定时长：</translation>
    </message>
    <message>
        <source>Lock the screen after idle:</source>
        <translation>空闲锁屏时间：</translation>
    </message>
    <message>
        <source>Keep audit records at least:</source>
        <translation>审计记录至少保存：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Interface language (this computer)</source>
        <translation>界面语言（本机）</translation>
    </message>
    <message>
        <source>Also in the menu Settings › Language. The new language is used after a restart.</source>
        <translation>也可在菜单“设置 › 语言”中更改。重新启动后生效。</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Saved. The new language is used after a restart.</source>
        <translation>已保存。重新启动后使用新语言。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>SelfCareChangeDialog</name>
    <message>
        <source>Self-care change</source>
        <translation>生活自理能力变化</translation>
    </message>
    <message>
        <source>Self-care change - {name}</source>
        <translation>生活自理能力变化 - {name}</translation>
    </message>
    <message>
        <source>what changed, who reported it</source>
        <translation>变化情况、报告人</translation>
    </message>
    <message>
        <source>Report change</source>
        <translation>登记变化报告</translation>
    </message>
    <message>
        <source>Record re-assessment</source>
        <translation>登记重新评估</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Reported change:</source>
        <translation>报告的变化：</translation>
    </message>
    <message>
        <source>Re-assessment (ticked = can do unaided):</source>
        <translation>重新评估（勾选＝能自主完成）：</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Reported. The county re-assesses by {d}.</source>
        <translation>已登记，县级须在 {d} 前重新评估。</translation>
    </message>
    <message>
        <source>Re-assessed: {tier}.</source>
        <translation>重新评估结果：{tier}。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Office</source>
        <translation>单位信息</translation>
    </message>
    <message>
        <source>Users and roles</source>
        <translation>用户与角色</translation>
    </message>
    <message>
        <source>Policy and standards</source>
        <translation>政策标准</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全设置</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Check the details. Finish saves the household, the members, the income and the application together.</source>
        <translation>请核对以下信息。点击“完成”后，家庭、成员、收入和申请将一并保存。</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Calculating the proposed amount...</source>
        <translation>正在测算拟保障金额……</translation>
    </message>
    <message>
        <source>Proposed amount: {yuan} yuan ({capital})</source>
        <translation>拟保障金额：{yuan} 元（{capital}）</translation>
    </message>
    <message>
        <source>The application cannot be saved yet:</source>
        <translation>申请暂时无法保存：</translation>
    </message>
</context>
<context>
    <name>UsersSection</name>
    <message>
        <source>Users and roles</source>
        <translation>用户与角色</translation>
    </message>
    <message>
        <source>Each person signs in with their own account (no shared accounts). Deactivate accounts that are no longer used.</source>
        <translation>每人使用本人账号登录，不得共用账号。不再使用的账号请停用。</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Works for</source>
        <translation>工作范围</translation>
    </message>
    <message>
        <source>The county</source>
        <translation>全县</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <source>Add user...</source>
        <translation>添加用户……</translation>
    </message>
    <message>
        <source>Reset password...</source>
        <translation>重置密码……</translation>
    </message>
    <message>
        <source>Change role...</source>
        <translation>更改角色……</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>不能停用自己的账号。</translation>
    </message>
    <message>
        <source>User added.</source>
        <translation>已添加用户。</translation>
    </message>
    <message>
        <source>Password set.</source>
        <translation>密码已设置。</translation>
    </message>
    <message>
        <source>Role changed.</source>
        <translation>角色已更改。</translation>
    </message>
    <message>
        <source>Deactivate the account %1? The user can no longer sign in.</source>
        <translation>停用账号 %1？停用后该用户将无法登录。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Account unlocked.</source>
        <translation>账号已解锁。</translation>
    </message>
</context>
<context>
    <name>WorkbenchPage</name>
    <message>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>New application...</source>
        <translation>新建申请……</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>File no.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>救助项目</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Working days left</source>
        <translation>剩余工作日</translation>
    </message>
    <message>
        <source>You can</source>
        <translation>您可办理</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Re-check due</source>
        <translation>核查到期</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>领款人</translation>
    </message>
    <message>
        <source>Household no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Interval (months)</source>
        <translation>核查周期（月）</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>办理要求</translation>
    </message>
    <message>
        <source>This database file is not encrypted: anyone who copies it can read the personal data. Close the program and run &quot;reliefdesk-admin encrypt&quot; (see the README).</source>
        <translation>此数据库文件未加密：任何人复制该文件即可读取其中的个人信息。请关闭程序后运行“reliefdesk-admin encrypt”加密（见 README）。</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>超期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Follow-ups ({n})</source>
        <translation>跟进事项（{n}）</translation>
    </message>
    <message>
        <source>Re-check after a death</source>
        <translation>死亡后复核</translation>
    </message>
    <message>
        <source>Minor turning 18</source>
        <translation>未成年人满18周岁</translation>
    </message>
    <message>
        <source>Self-care re-assessment</source>
        <translation>自理能力重新评估</translation>
    </message>
    <message>
        <source>Green channel: complete steps</source>
        <translation>特事特办补齐程序</translation>
    </message>
    <message>
        <source>Proposed termination</source>
        <translation>拟终止供养</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) overdue</source>
        <translation>
            <numerusform>%n 件超期</numerusform>
        </translation>
    </message>
    <message>
        <source> - checking what you can do...</source>
        <translation>  正在核对您可办理的事项……</translation>
    </message>
    <message>
        <source>{day} - signed in as {name} ({role})</source>
        <translation>{day}  当前用户：{name}（{role}）</translation>
    </message>
    <message>
        <source>Pending cases by step ({n})</source>
        <translation>在办案件（按环节，{n} 件）</translation>
    </message>
    <message>
        <source>Waiting for your role ({n})</source>
        <translation>待您办理（{n} 件）</translation>
    </message>
    <message>
        <source>Re-checks due this month ({n})</source>
        <translation>本月到期核查（{n} 户）</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <source>Saving...</source>
        <translation>正在保存……</translation>
    </message>
</context>
</TS>
