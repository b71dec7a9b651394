<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>FindingLabels</name>
    <message>
        <source>Death: stop next month, re-check</source>
        <translation>死亡：次月停发并复核</translation>
    </message>
    <message>
        <source>Moved away: re-check</source>
        <translation>户籍迁出：核查是否继续保障</translation>
    </message>
    <message>
        <source>Vehicle: asset re-check</source>
        <translation>车辆：财产复核</translation>
    </message>
    <message>
        <source>Business registration: re-check</source>
        <translation>市场主体：收入财产复核</translation>
    </message>
    <message>
        <source>Real estate: asset re-check</source>
        <translation>不动产：财产复核</translation>
    </message>
    <message>
        <source>Public employee: re-check</source>
        <translation>财政供养：家庭成员复核</translation>
    </message>
    <message>
        <source>Employment: income re-check</source>
        <translation>就业：收入复核</translation>
    </message>
    <message>
        <source>Pension: income re-check</source>
        <translation>养老金：收入复核</translation>
    </message>
    <message>
        <source>Unemployment registration: re-check</source>
        <translation>失业登记：收入复核</translation>
    </message>
    <message>
        <source>Housing fund: income re-check</source>
        <translation>公积金：收入复核</translation>
    </message>
    <message>
        <source>Disability: check top-up / tekun</source>
        <translation>残疾：核查分类施保或特困评估</translation>
    </message>
    <message>
        <source>Serious illness: check top-up</source>
        <translation>大病：核查分类施保</translation>
    </message>
    <message>
        <source>Large medical self-pay: discovery</source>
        <translation>大额自付：主动发现</translation>
    </message>
    <message>
        <source>Severe disability, near-dibao: discovery</source>
        <translation>边缘户重残：邀请单人保申请</translation>
    </message>
    <message>
        <source>Poverty monitoring: discovery</source>
        <translation>防返贫监测：主动发现</translation>
    </message>
    <message>
        <source>Disaster victim: temporary aid lead</source>
        <translation>受灾：临时救助线索</translation>
    </message>
    <message>
        <source>Deaths</source>
        <translation>死亡人员</translation>
    </message>
    <message>
        <source>Household register moves</source>
        <translation>户籍迁出</translation>
    </message>
    <message>
        <source>Disability certificates</source>
        <translation>残疾人证</translation>
    </message>
    <message>
        <source>Medical costs</source>
        <translation>医疗支出</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>就业情况</translation>
    </message>
    <message>
        <source>Pensions</source>
        <translation>养老金领取</translation>
    </message>
    <message>
        <source>Unemployment</source>
        <translation>失业登记</translation>
    </message>
    <message>
        <source>Business registration</source>
        <translation>市场主体登记</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆登记</translation>
    </message>
    <message>
        <source>Real estate</source>
        <translation>不动产登记</translation>
    </message>
    <message>
        <source>Housing fund</source>
        <translation>住房公积金</translation>
    </message>
    <message>
        <source>Public employees</source>
        <translation>财政供养人员</translation>
    </message>
    <message>
        <source>Poverty monitoring</source>
        <translation>防返贫监测对象</translation>
    </message>
    <message>
        <source>Disaster victims</source>
        <translation>受灾人员</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>待核实</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>属实</translation>
    </message>
    <message>
        <source>Unfounded</source>
        <translation>不属实</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>Record the death (payment stops next month)</source>
        <translation>登记死亡（次月停发）</translation>
    </message>
    <message>
        <source>Start a re-check</source>
        <translation>启动复核</translation>
    </message>
    <message>
        <source>Start a re-check (top-up / tekun assessment)</source>
        <translation>启动复核（分类施保/特困评估）</translation>
    </message>
    <message>
        <source>New application (pre-filled)</source>
        <translation>新建申请（已预填）</translation>
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
        <source>Date of death</source>
        <translation>死亡日期</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Cancellation kind</source>
        <translation>注销类别</translation>
    </message>
    <message>
        <source>Reversal flag</source>
        <translation>冲销标志</translation>
    </message>
    <message>
        <source>Reversal date</source>
        <translation>冲销时间</translation>
    </message>
    <message>
        <source>Police station / funeral home</source>
        <translation>派出所/殡仪馆</translation>
    </message>
    <message>
        <source>Moved on</source>
        <translation>迁出日期</translation>
    </message>
    <message>
        <source>Moved to</source>
        <translation>迁往地址</translation>
    </message>
    <message>
        <source>Disability category</source>
        <translation>残疾类别</translation>
    </message>
    <message>
        <source>Disability level</source>
        <translation>残疾等级</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Self-paid amount</source>
        <translation>个人负担金额</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>医疗费总额</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Settled on</source>
        <translation>结算时间</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Contribution base</source>
        <translation>缴费基数</translation>
    </message>
    <message>
        <source>Last paid</source>
        <translation>末次缴费</translation>
    </message>
    <message>
        <source>Insurance kind</source>
        <translation>险种类别</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Retired on</source>
        <translation>退休时间</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>失业金</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Capital</source>
        <translation>注册资本</translation>
    </message>
    <message>
        <source>Founded on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌号码</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Vehicle type</source>
        <translation>机动车类型</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>使用性质</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>坐落</translation>
    </message>
    <message>
        <source>Floor area</source>
        <translation>建筑面积</translation>
    </message>
    <message>
        <source>Monthly deposit</source>
        <translation>月缴存额</translation>
    </message>
    <message>
        <source>Salary</source>
        <translation>实发工资</translation>
    </message>
    <message>
        <source>Household no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Monitoring type</source>
        <translation>监测对象类型</translation>
    </message>
    <message>
        <source>Risk cleared</source>
        <translation>风险是否消除</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>行政村</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>家庭人口</translation>
    </message>
    <message>
        <source>Family type</source>
        <translation>家庭类型</translation>
    </message>
</context>
<context>
    <name>FindingsLink</name>
    <message numerus="yes">
        <source>Findings to check: %n</source>
        <translation>
            <numerusform>待核实比对线索 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message>
        <source>Department data findings</source>
        <translation>信息比对线索</translation>
    </message>
    <message>
        <source>To check only</source>
        <translation>只看待核实</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Compare a department file...</source>
        <translation>导入部门数据比对...</translation>
    </message>
    <message>
        <source>History...</source>
        <translation>比对记录...</translation>
    </message>
    <message>
        <source>Check...</source>
        <translation>核实...</translation>
    </message>
    <message>
        <source>Take the action</source>
        <translation>办理后续事项</translation>
    </message>
    <message>
        <source>Open household</source>
        <translation>打开家庭</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>家庭</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>{source}: {file} row {row}</source>
        <translation>{source}：{file} 第 {row} 行</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>核实期限</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due for comparison this month: {sources}</source>
        <translation>本月应比对：{sources}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Every source due this month has been compared.</source>
        <translation>本月应比对的数据均已比对。</translation>
    </message>
    <message>
        <source>Outcome ({who}): {note}</source>
        <translation>核实结果（{who}）：{note}</translation>
    </message>
    <message>
        <source>Next: {action}</source>
        <translation>下一步：{action}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Comparison history</source>
        <translation>比对记录</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Data from</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>When</source>
        <translation>比对时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>匹配</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>未匹配</translation>
    </message>
    <message>
        <source>Other name</source>
        <translation>姓名不一致</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>新线索</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Compare a department file</source>
        <translation>部门数据比对</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>选择...</translation>
    </message>
    <message>
        <source>Read the file</source>
        <translation>读取文件</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>开始比对</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Data from</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>Department file</source>
        <translation>部门数据文件</translation>
    </message>
    <message>
        <source>Sheets (*.xlsx *.xls *.csv)</source>
        <translation>表格 (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <source>{file}: header on row {row}, {n} data rows. Check the columns below.</source>
        <translation>{file}：表头在第 {row} 行，共 {n} 行数据。请核对下面的列对应。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Read {rows} rows: {matched} matched, {unmatched} match no one, {mismatch} with another name. New findings: {findings}</source>
        <translation>读取 {rows} 行：匹配 {matched} 行，未匹配 {unmatched} 行，姓名不一致 {mismatch} 行。新线索 {findings} 条</translation>
    </message>
    <message>
        <source>{n} rows of other townships, or whose township the file does not tell, were left out (the county&apos;s own comparison covers them).</source>
        <translation>另有 {n} 行属于其他乡镇（街道）或无法确定所属乡镇，未纳入本次比对（由县级比对覆盖）。</translation>
    </message>
    <message>
        <source>Row {row}: {name} {id} matches no one in the register</source>
        <translation>第 {row} 行：{name} {id} 在登记册中没有匹配的人</translation>
    </message>
    <message>
        <source>Row {row}: {name} {id} is {register} in the register</source>
        <translation>第 {row} 行：{name} {id} 在登记册中的姓名为 {register}</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Check a finding</source>
        <translation>核实比对线索</translation>
    </message>
    <message>
        <source>Confirmed (true)</source>
        <translation>属实</translation>
    </message>
    <message>
        <source>Unfounded (not true)</source>
        <translation>不属实</translation>
    </message>
    <message>
        <source>Handled already</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>And now: {action}</source>
        <translation>同时办理：{action}</translation>
    </message>
    <message>
        <source> (not for your role: the reviewer or the head does this)</source>
        <translation>（非本角色权限：由审核人或负责人办理）</translation>
    </message>
    <message>
        <source>What was checked and found (a reason is required if unfounded)</source>
        <translation>核实情况（不属实须写明理由）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>核实情况</translation>
    </message>
    <message>
        <source>Please give the reason why it is not true.</source>
        <translation>请写明不属实的理由。</translation>
    </message>
</context>
</TS>
