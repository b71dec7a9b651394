<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AssetDialog</name>
    <message>
        <source>Add asset</source>
        <translation>添加财产</translation>
    </message>
    <message>
        <source>Value in yuan</source>
        <translation>价值，单位元</translation>
    </message>
    <message>
        <source>Needed for production or daily life (exempt)</source>
        <translation>生产生活必需（豁免）</translation>
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
        <source>Description</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>ChooseApplicationDialog</name>
    <message>
        <source>New home visit</source>
        <translation>新建入户调查</translation>
    </message>
    <message>
        <source>File no.</source>
        <translation>档案号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Start visit</source>
        <translation>开始调查</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Applications under investigation:</source>
        <translation>调查中的申请：</translation>
    </message>
</context>
<context>
    <name>HouseholdForm</name>
    <message>
        <source>(choose a village)</source>
        <translation>（请选择村/社区）</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Passbook or card held in trust (written agreement required)</source>
        <translation>存折（卡）由他人代管（须有书面代管协议）</translation>
    </message>
    <message>
        <source>Near-dibao household (低保边缘)</source>
        <translation>低保边缘家庭</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Urban/rural</source>
        <translation>城乡</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Agreement no.</source>
        <translation>代管协议编号</translation>
    </message>
    <message>
        <source>Agreement date</source>
        <translation>协议签订日期</translation>
    </message>
</context>
<context>
    <name>HouseholdListModel</name>
    <message>
        <source>No.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Urban/rural</source>
        <translation>城乡</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>人口</translation>
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
        <source>Benefit (yuan)</source>
        <translation>保障金（元）</translation>
    </message>
</context>
<context>
    <name>HouseholdListView</name>
    <message>
        <source>Household register</source>
        <translation>家庭档案</translation>
    </message>
    <message>
        <source>Search: name, pinyin or initials, ID number digits, village (Ctrl+F)</source>
        <translation>检索：姓名、拼音或首字母、身份证号片段、村名（Ctrl+F）</translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <source>Dibao (urban and rural)</source>
        <translation>低保（城乡）</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部村（社区）</translation>
    </message>
    <message>
        <source>New household...</source>
        <translation>新建家庭……</translation>
    </message>
    <message>
        <source>No person found.</source>
        <translation>未找到相关人员。</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) found.</source>
        <translation>
            <numerusform>找到 %n 人。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n household(s).</source>
        <translation>
            <numerusform>共 %n 户。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HouseholdPanel</name>
    <message>
        <source>&lt; Back to list</source>
        <translation>&lt; 返回列表</translation>
    </message>
    <message>
        <source>Back to the household list (Alt+Left)</source>
        <translation>返回家庭列表（Alt+←）</translation>
    </message>
    <message>
        <source>New application...</source>
        <translation>新建申请……</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>申请记录</translation>
    </message>
    <message>
        <source>Home visits</source>
        <translation>入户调查</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>发放记录</translation>
    </message>
    <message>
        <source>History</source>
        <translation>操作历史</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>家庭信息</translation>
    </message>
    <message>
        <source>Add member...</source>
        <translation>添加成员……</translation>
    </message>
    <message>
        <source>Edit member...</source>
        <translation>编辑成员……</translation>
    </message>
    <message>
        <source>Show full numbers</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <source>Add income...</source>
        <translation>添加收入……</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>家庭财产</translation>
    </message>
    <message>
        <source>Add asset...</source>
        <translation>添加财产……</translation>
    </message>
    <message>
        <source>Income and assets</source>
        <translation>收入与财产</translation>
    </message>
    <message>
        <source>Shows full ID and account numbers; this is recorded in the audit log.</source>
        <translation>显示完整的身份证号和账号；此操作将记入审计日志。</translation>
    </message>
    <message>
        <source>Payee and account...</source>
        <translation>领取人与账户...</translation>
    </message>
    <message>
        <source>Set the payee, add, change or stop an account and record an entrusted card&apos;s agreement</source>
        <translation>指定领取人，新增、更换或停用账户，登记代管协议</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>银行账户</translation>
    </message>
    <message>
        <source>Loading household...</source>
        <translation>正在读取家庭档案……</translation>
    </message>
    <message>
        <source>(no head of household)</source>
        <translation>（未登记户主）</translation>
    </message>
    <message>
        <source>Household {id}: {head}</source>
        <translation>户号 {id}：{head}</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved changes: the form was not refreshed.</source>
        <translation>有未保存的修改：表单未刷新。</translation>
    </message>
    <message>
        <source>No member is counted, so there is no per-capita income.</source>
        <translation>没有计入共同生活的家庭成员，无法计算人均收入。</translation>
    </message>
    <message>
        <source>Counted monthly income {total} yuan; {n} counted member(s); per capita {pc} yuan/month</source>
        <translation>计入的家庭月收入 {total} 元；共同生活家庭成员 {n} 人；月人均收入 {pc} 元</translation>
    </message>
    <message>
        <source>This part could not be read; see the log.</source>
        <translation>此部分读取失败，详见日志。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
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
    <name>HouseholdTabs</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No: {reason}</source>
        <translation>否：{reason}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source> (deceased)</source>
        <translation>（已故）</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>计入</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>残疾</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>Capacity to work</source>
        <translation>劳动能力</translation>
    </message>
    <message>
        <source>Schooling</source>
        <translation>在学情况</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>就业情况</translation>
    </message>
    <message>
        <source>Staff relative</source>
        <translation>经办人员近亲属</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Whole household</source>
        <translation>全户</translation>
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
        <source>Effect on total (yuan)</source>
        <translation>计入金额（元）</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
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
        <source>Payee</source>
        <translation>收款人</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>开户行</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>户名</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>使用月份</translation>
    </message>
    <message>
        <source>File no.</source>
        <translation>档案号</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>进入状态日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Proposed (yuan/month)</source>
        <translation>拟保障金（元/月）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Investigators</source>
        <translation>调查人员</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>From month</source>
        <translation>起始月份</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Before (yuan/month)</source>
        <translation>变动前（元/月）</translation>
    </message>
    <message>
        <source>After (yuan/month)</source>
        <translation>变动后（元/月）</translation>
    </message>
    <message>
        <source>Status now</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>操作人</translation>
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
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
</context>
<context>
    <name>IdFeedback</name>
    <message numerus="yes">
        <source>%n of 18 characters</source>
        <translation>
            <numerusform>已输入 %n / 18 位</numerusform>
        </translation>
    </message>
    <message>
        <source>Born {date}, {sex}</source>
        <translation>出生日期 {date}，{sex}</translation>
    </message>
    <message>
        <source> (old 15-digit number, will be stored as {number})</source>
        <translation>（旧 15 位号码，将保存为 {number}）</translation>
    </message>
</context>
<context>
    <name>IdNumberEdit</name>
    <message>
        <source>18-character resident ID number</source>
        <translation>18 位公民身份号码</translation>
    </message>
</context>
<context>
    <name>IncomeDialog</name>
    <message>
        <source>Add income</source>
        <translation>添加收入</translation>
    </message>
    <message>
        <source>Whole household</source>
        <translation>全户</translation>
    </message>
    <message>
        <source>Yuan, e.g. 850.00</source>
        <translation>元，例如 850.00</translation>
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
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>填报口径</translation>
    </message>
    <message>
        <source>Whose income</source>
        <translation>收入人</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>NewHouseholdDialog</name>
    <message>
        <source>New household</source>
        <translation>新建家庭</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit member</source>
        <translation>编辑家庭成员</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>添加家庭成员</translation>
    </message>
    <message>
        <source>Counted as a household member</source>
        <translation>计入共同生活的家庭成员</translation>
    </message>
    <message>
        <source>(choose why not counted)</source>
        <translation>（请选择不计入的原因）</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>e.g. primary school, grade 3</source>
        <translation>如：小学三年级</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Near relative of office staff or village committee member</source>
        <translation>经办人员或村（居）委会成员近亲属</translation>
    </message>
    <message>
        <source>Whose relative, and how</source>
        <translation>与谁是何种亲属关系</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Hukou type</source>
        <translation>户籍性质</translation>
    </message>
    <message>
        <source>Reason not counted</source>
        <translation>不计入原因</translation>
    </message>
    <message>
        <source>Disability category</source>
        <translation>残疾类别</translation>
    </message>
    <message>
        <source>Disability grade</source>
        <translation>残疾等级</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>Capacity to work</source>
        <translation>劳动能力</translation>
    </message>
    <message>
        <source>Schooling</source>
        <translation>在学情况</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>就业情况</translation>
    </message>
    <message>
        <source>Relation to staff</source>
        <translation>亲属关系说明</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>正在保存……</translation>
    </message>
</context>
<context>
    <name>PersonSearch</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source> (deceased)</source>
        <translation>（已故）</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Relation to head</source>
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
        <translation>项目</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>StaleData</name>
    <message>
        <source>Changed by someone else</source>
        <translation>数据已被他人修改</translation>
    </message>
    <message>
        <source>Your changes were not saved and nothing was overwritten. What you typed is still in the form: note it, reload the household, and enter it again.</source>
        <translation>您的修改没有保存，也没有覆盖任何数据。您输入的内容仍保留在表单中：请记下后刷新家庭档案，再重新录入。</translation>
    </message>
</context>
<context>
    <name>VisitEditor</name>
    <message>
        <source>Home visit</source>
        <translation>入户调查</translation>
    </message>
    <message>
        <source>&lt; Back to list</source>
        <translation>&lt; 返回列表</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>Print survey form</source>
        <translation>打印调查表</translation>
    </message>
    <message>
        <source>Investigator</source>
        <translation>调查人</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Member present</source>
        <translation>在场成员</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>残疾</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>就业</translation>
    </message>
    <message>
        <source>Annual income (yuan)</source>
        <translation>年收入（元）</translation>
    </message>
    <message>
        <source>Support obligor</source>
        <translation>赡养（抚养、扶养）义务人</translation>
    </message>
    <message>
        <source>Household size</source>
        <translation>家庭人口</translation>
    </message>
    <message>
        <source>Monthly income (yuan)</source>
        <translation>月收入（元）</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>yuan/month</source>
        <translation>元/月</translation>
    </message>
    <message>
        <source>Add photos...</source>
        <translation>添加照片……</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>调查</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <source>Investigators (at least 2):</source>
        <translation>调查人员（至少 2 人）：</translation>
    </message>
    <message>
        <source>Members present:</source>
        <translation>在场成员：</translation>
    </message>
    <message>
        <source>Housing and property</source>
        <translation>住房与财产</translation>
    </message>
    <message>
        <source>Housing:</source>
        <translation>住房：</translation>
    </message>
    <message>
        <source>Structure:</source>
        <translation>结构：</translation>
    </message>
    <message>
        <source>Floor area:</source>
        <translation>面积：</translation>
    </message>
    <message>
        <source>Decoration:</source>
        <translation>装修：</translation>
    </message>
    <message>
        <source>Durable goods:</source>
        <translation>耐用消费品：</translation>
    </message>
    <message>
        <source>Vehicles:</source>
        <translation>车辆：</translation>
    </message>
    <message>
        <source>Livestock:</source>
        <translation>牲畜：</translation>
    </message>
    <message>
        <source>Land:</source>
        <translation>土地：</translation>
    </message>
    <message>
        <source>Members and support obligors</source>
        <translation>家庭成员与赡养（抚养、扶养）义务人</translation>
    </message>
    <message>
        <source>Monthly spending</source>
        <translation>月支出</translation>
    </message>
    <message>
        <source>Water, power, gas:</source>
        <translation>水电燃气：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>通讯：</translation>
    </message>
    <message>
        <source>Property fees:</source>
        <translation>物业费：</translation>
    </message>
    <message>
        <source>Medical:</source>
        <translation>医疗：</translation>
    </message>
    <message>
        <source>Education:</source>
        <translation>教育：</translation>
    </message>
    <message>
        <source>Opinion and recommendation</source>
        <translation>调查意见与建议</translation>
    </message>
    <message>
        <source>Investigators&apos; opinion:</source>
        <translation>调查人员意见：</translation>
    </message>
    <message>
        <source>Recommendation:</source>
        <translation>建议：</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Unsaved home visit</source>
        <translation>入户调查未保存</translation>
    </message>
    <message>
        <source>The home visit has unsaved changes. Save them?</source>
        <translation>入户调查有未保存的修改，是否保存？</translation>
    </message>
    <message>
        <source>Don&apos;t save</source>
        <translation>不保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>正在加载……</translation>
    </message>
    <message>
        <source>New home visit</source>
        <translation>新建入户调查</translation>
    </message>
    <message>
        <source>{file} {name}, household no. {hh}</source>
        <translation>{file} {name}，户号 {hh}</translation>
    </message>
    <message>
        <source>Home visit no. {id}</source>
        <translation>入户调查 {id} 号</translation>
    </message>
    <message>
        <source>Your role cannot print.</source>
        <translation>您的角色无权打印。</translation>
    </message>
    <message>
        <source>Save the visit first: the survey form prints the saved record.</source>
        <translation>请先保存：调查表按已保存的记录打印。</translation>
    </message>
    <message>
        <source>The household economic survey form of this visit as saved (Ctrl+P)</source>
        <translation>按已保存的记录打印本次家庭经济状况入户调查表（Ctrl+P）</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp)</translation>
    </message>
    <message>
        <source>{name} (new)</source>
        <translation>{name}（新）</translation>
    </message>
    <message>
        <source>Saving the visit...</source>
        <translation>正在保存入户调查……</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>数据已被他人修改</translation>
    </message>
</context>
<context>
    <name>VisitLabels</name>
    <message>
        <source>On site</source>
        <translation>实地入户</translation>
    </message>
    <message>
        <source>By phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>By video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Self-built</source>
        <translation>自建房</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>购买房</translation>
    </message>
    <message>
        <source>Rented</source>
        <translation>租住</translation>
    </message>
    <message>
        <source>Living with others</source>
        <translation>借住</translation>
    </message>
    <message>
        <source>Reinforced concrete</source>
        <translation>钢混</translation>
    </message>
    <message>
        <source>Brick-concrete</source>
        <translation>砖混</translation>
    </message>
    <message>
        <source>Brick-wood</source>
        <translation>砖木</translation>
    </message>
    <message>
        <source>Adobe</source>
        <translation>土坯</translation>
    </message>
    <message>
        <source>Recommend approval</source>
        <translation>建议批准</translation>
    </message>
    <message>
        <source>Recommend refusal</source>
        <translation>建议不予批准</translation>
    </message>
    <message>
        <source>Needs further checks</source>
        <translation>需进一步核查</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>Home visits</source>
        <translation>入户调查</translation>
    </message>
    <message>
        <source>New visit...</source>
        <translation>新建调查……</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Applicant or file no.</source>
        <translation>申请人或编号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
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
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Investigators</source>
        <translation>调查人员</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>共 %n 次调查</numerusform>
        </translation>
    </message>
</context>
</TS>
