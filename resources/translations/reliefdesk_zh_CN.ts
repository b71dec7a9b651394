<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About reliefdesk</source>
        <translation>关于 reliefdesk</translation>
    </message>
    <message>
        <source>reliefdesk {version}</source>
        <translation>reliefdesk {version}</translation>
    </message>
    <message>
        <source>Casework for township social assistance.</source>
        <translation>乡镇社会救助业务办理系统。</translation>
    </message>
    <message>
        <source>Database: {location}</source>
        <translation>数据库：{location}</translation>
    </message>
    <message>
        <source>not open</source>
        <translation>未打开</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Payee and bank account - household {id}</source>
        <translation>领取人与收款账户 — 家庭 {id}</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>领取人</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>使用月份</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Show full number</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <source>Shows the selected account&apos;s full number; this is recorded in the audit log.</source>
        <translation>显示所选账户的完整号码；此操作记入审计日志。</translation>
    </message>
    <message>
        <source>Reason for stopping, e.g. card lost</source>
        <translation>停用理由，如：卡片丢失</translation>
    </message>
    <message>
        <source>Stop selected account</source>
        <translation>停用所选账户</translation>
    </message>
    <message>
        <source>Accounts on file</source>
        <translation>已登记的账户</translation>
    </message>
    <message>
        <source>16-19 digit card or social security card number</source>
        <translation>16–19 位银行卡号或社保卡号</translation>
    </message>
    <message>
        <source>Bank and branch, e.g. 汝州农商银行寄料支行</source>
        <translation>开户银行及网点，如：汝州农商银行寄料支行</translation>
    </message>
    <message>
        <source>&amp;Payee</source>
        <translation>领取人(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>账户类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation>账号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Bank / branch</source>
        <translation>开户银行/网点(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Holder name</source>
        <translation>户名(&amp;H)</translation>
    </message>
    <message>
        <source>Used &amp;from month</source>
        <translation>启用月份(&amp;F)</translation>
    </message>
    <message>
        <source>New or changed account</source>
        <translation>新增或更换账户</translation>
    </message>
    <message>
        <source>The card is held by an officer (代管)</source>
        <translation>存折/卡由他人代管</translation>
    </message>
    <message>
        <source>Agreement no.</source>
        <translation>协议编号</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代管人</translation>
    </message>
    <message>
        <source>Entrusted card (written agreement required)</source>
        <translation>代管（须有书面协议）</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>The number passes the roster&apos;s checks.</source>
        <translation>账号通过花名册校验。</translation>
    </message>
    <message>
        <source>Choose the payee.</source>
        <translation>请选择领取人。</translation>
    </message>
</context>
<context>
    <name>AdminLabels</name>
    <message>
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>放假</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>Fully self-caring</source>
        <translation>全自理</translation>
    </message>
    <message>
        <source>Partly self-caring</source>
        <translation>半自理</translation>
    </message>
    <message>
        <source>Unable to care for self</source>
        <translation>全护理（不能自理）</translation>
    </message>
    <message>
        <source>Elderly</source>
        <translation>老年人</translation>
    </message>
    <message>
        <source>Minors</source>
        <translation>未成年人</translation>
    </message>
    <message>
        <source>Severely disabled</source>
        <translation>重度残疾人</translation>
    </message>
    <message>
        <source>Seriously ill</source>
        <translation>重病患者</translation>
    </message>
    <message>
        <source>Start of investigation after acceptance</source>
        <translation>受理后启动家庭经济状况调查</translation>
    </message>
    <message>
        <source>Start of information check after the request</source>
        <translation>提请后启动信息核对</translation>
    </message>
    <message>
        <source>County confirmation after receiving the file</source>
        <translation>县级收到材料后审核确认</translation>
    </message>
    <message>
        <source>Written refusal after the decision</source>
        <translation>决定后书面告知不予批准</translation>
    </message>
    <message>
        <source>Total, confirmed by the county</source>
        <translation>总时限（县级审核确认）</translation>
    </message>
    <message>
        <source>Total, confirmed by the township</source>
        <translation>总时限（乡镇审核确认）</translation>
    </message>
    <message>
        <source>Total, extended</source>
        <translation>总时限（延长后）</translation>
    </message>
    <message>
        <source>Tekun: township review</source>
        <translation>特困：乡镇审核</translation>
    </message>
    <message>
        <source>Tekun: county confirmation</source>
        <translation>特困：县级确认</translation>
    </message>
    <message>
        <source>Temporary aid: decision</source>
        <translation>临时救助：审批</translation>
    </message>
    <message>
        <source>Paperwork after advance aid</source>
        <translation>先行救助后补齐手续</translation>
    </message>
    <message>
        <source>Stable households</source>
        <translation>收入稳定家庭</translation>
    </message>
    <message>
        <source>Households with changing income</source>
        <translation>收入变动家庭</translation>
    </message>
    <message>
        <source>Tekun persons</source>
        <translation>特困人员</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>User added</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Password set</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <source>Role or status changed</source>
        <translation>更改角色或状态</translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation>解锁账号</translation>
    </message>
    <message>
        <source>Office saved</source>
        <translation>保存单位信息</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>Policy version added</source>
        <translation>新增政策版本</translation>
    </message>
    <message>
        <source>Holiday changed</source>
        <translation>修改节假日</translation>
    </message>
    <message>
        <source>Household registered</source>
        <translation>登记家庭</translation>
    </message>
    <message>
        <source>Household edited</source>
        <translation>修改家庭</translation>
    </message>
    <message>
        <source>Member added</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>Member edited</source>
        <translation>修改成员</translation>
    </message>
    <message>
        <source>Income added</source>
        <translation>添加收入</translation>
    </message>
    <message>
        <source>Income deleted</source>
        <translation>删除收入</translation>
    </message>
    <message>
        <source>Asset added</source>
        <translation>添加财产</translation>
    </message>
    <message>
        <source>Asset deleted</source>
        <translation>删除财产</translation>
    </message>
    <message>
        <source>Account registered</source>
        <translation>登记账户</translation>
    </message>
    <message>
        <source>Account stopped</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <source>Full numbers shown</source>
        <translation>查看完整号码</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Village added</source>
        <translation>添加村（社区）</translation>
    </message>
    <message>
        <source>Village renamed</source>
        <translation>村（社区）改名</translation>
    </message>
    <message>
        <source>Home visit recorded</source>
        <translation>录入入户调查</translation>
    </message>
    <message>
        <source>Application accepted</source>
        <translation>受理申请</translation>
    </message>
    <message>
        <source>Time limit extended</source>
        <translation>延长时限</translation>
    </message>
    <message>
        <source>Self-care assessed</source>
        <translation>生活自理能力评估</translation>
    </message>
    <message>
        <source>Enrollment created</source>
        <translation>纳入保障</translation>
    </message>
    <message>
        <source>Roster locked</source>
        <translation>锁定花名册</translation>
    </message>
    <message>
        <source>Roster unlocked</source>
        <translation>解锁花名册</translation>
    </message>
    <message>
        <source>Roster exported</source>
        <translation>导出花名册</translation>
    </message>
    <message>
        <source>Roster discarded</source>
        <translation>作废花名册</translation>
    </message>
    <message>
        <source>Bank return imported</source>
        <translation>导入银行回盘</translation>
    </message>
    <message>
        <source>Demo data generated</source>
        <translation>生成演示数据</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Creating the demo office...</source>
        <translation>正在生成演示数据（首次使用，约需十几秒）……</translation>
    </message>
    <message>
        <source>Opening the database...</source>
        <translation>正在打开数据库……</translation>
    </message>
    <message>
        <source>reliefdesk</source>
        <translation>reliefdesk 社会救助经办系统</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>正在保存……</translation>
    </message>
    <message>
        <source>Demo office - user clerk, password Demo#clerk1</source>
        <translation>演示数据库：经办人用户 clerk，密码 Demo#clerk1</translation>
    </message>
</context>
<context>
    <name>CaseLabels</name>
    <message>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Investigating</source>
        <translation>调查中</translation>
    </message>
    <message>
        <source>Preliminary review</source>
        <translation>初审</translation>
    </message>
    <message>
        <source>In publicity</source>
        <translation>公示中</translation>
    </message>
    <message>
        <source>Objection review</source>
        <translation>复查/民主评议</translation>
    </message>
    <message>
        <source>Awaiting confirmation</source>
        <translation>待审核确认</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>确认同意</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>不予确认</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>终止审核</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Self-care assessment</source>
        <translation>生活自理能力评估</translation>
    </message>
    <message>
        <source>Extend time limit</source>
        <translation>延长办理时限</translation>
    </message>
    <message>
        <source>Start investigation</source>
        <translation>开始调查</translation>
    </message>
    <message>
        <source>Request information check</source>
        <translation>申请信息核对</translation>
    </message>
    <message>
        <source>Record check result</source>
        <translation>登记核对结果</translation>
    </message>
    <message>
        <source>Record home visit</source>
        <translation>登记入户调查</translation>
    </message>
    <message>
        <source>Submit preliminary opinion</source>
        <translation>提交初审意见</translation>
    </message>
    <message>
        <source>Start publicity</source>
        <translation>开始公示</translation>
    </message>
    <message>
        <source>Record objection</source>
        <translation>登记公示异议</translation>
    </message>
    <message>
        <source>Resolve objection</source>
        <translation>复查/民主评议完成</translation>
    </message>
    <message>
        <source>End publicity</source>
        <translation>公示结束</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>审核确认</translation>
    </message>
    <message>
        <source>Record written notice</source>
        <translation>登记书面告知</translation>
    </message>
    <message>
        <source>Complete paperwork</source>
        <translation>补齐手续</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回申请</translation>
    </message>
    <message>
        <source>Terminate review</source>
        <translation>终止审核</translation>
    </message>
    <message>
        <source>Record county approval</source>
        <translation>登记县级审批</translation>
    </message>
    <message>
        <source>Record case-by-case decision</source>
        <translation>登记一事一议</translation>
    </message>
    <message>
        <source>Record county home visit</source>
        <translation>登记县级入户调查</translation>
    </message>
    <message>
        <source>Admit at once (green channel)</source>
        <translation>特事特办先行纳入</translation>
    </message>
    <message>
        <source>Stop green-channel payment</source>
        <translation>先行纳入逾期停发</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>急难型</translation>
    </message>
    <message>
        <source>Expenditure</source>
        <translation>支出型</translation>
    </message>
    <message>
        <source>Fire</source>
        <translation>火灾</translation>
    </message>
    <message>
        <source>Traffic or other accident</source>
        <translation>交通事故等意外</translation>
    </message>
    <message>
        <source>Sudden serious illness</source>
        <translation>突发重大疾病</translation>
    </message>
    <message>
        <source>Natural disaster</source>
        <translation>自然灾害</translation>
    </message>
    <message>
        <source>Medical costs</source>
        <translation>医疗支出</translation>
    </message>
    <message>
        <source>Education costs</source>
        <translation>教育支出</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Dispersed support</source>
        <translation>分散供养</translation>
    </message>
    <message>
        <source>Centralised support</source>
        <translation>集中供养</translation>
    </message>
    <message>
        <source>Fully self-caring</source>
        <translation>具备生活自理能力</translation>
    </message>
    <message>
        <source>Partly lost self-care</source>
        <translation>部分丧失生活自理能力</translation>
    </message>
    <message>
        <source>Fully lost self-care</source>
        <translation>完全丧失生活自理能力</translation>
    </message>
    <message>
        <source>Eats unaided</source>
        <translation>自主吃饭</translation>
    </message>
    <message>
        <source>Dresses unaided</source>
        <translation>自主穿衣</translation>
    </message>
    <message>
        <source>Gets in and out of bed unaided</source>
        <translation>自主上下床</translation>
    </message>
    <message>
        <source>Uses the toilet unaided</source>
        <translation>自主如厕</translation>
    </message>
    <message>
        <source>Walks indoors unaided</source>
        <translation>室内自主行走</translation>
    </message>
    <message>
        <source>Bathes unaided</source>
        <translation>自主洗澡</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>不予确认</translation>
    </message>
    <message>
        <source>Re-investigation</source>
        <translation>复查</translation>
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
        <source>Green channel</source>
        <translation>特事特办</translation>
    </message>
    <message>
        <source>Democratic review</source>
        <translation>民主评议</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>当前环节</translation>
    </message>
    <message>
        <source>Whole case</source>
        <translation>全案时限</translation>
    </message>
    <message>
        <source>Refusal notice</source>
        <translation>书面告知</translation>
    </message>
    <message>
        <source>Paperwork</source>
        <translation>补齐手续</translation>
    </message>
    <message>
        <source>Urban</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Rural</source>
        <translation>农村</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>子女</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>父母</translation>
    </message>
    <message>
        <source>Grandchild</source>
        <translation>孙子女</translation>
    </message>
    <message>
        <source>Grandparent</source>
        <translation>祖父母</translation>
    </message>
    <message>
        <source>Sibling</source>
        <translation>兄弟姐妹</translation>
    </message>
    <message>
        <source>Child-in-law</source>
        <translation>儿媳/女婿</translation>
    </message>
    <message>
        <source>Wages</source>
        <translation>工资性收入</translation>
    </message>
    <message>
        <source>Business income</source>
        <translation>经营净收入</translation>
    </message>
    <message>
        <source>Property income</source>
        <translation>财产净收入</translation>
    </message>
    <message>
        <source>Transfers received</source>
        <translation>转移性收入</translation>
    </message>
    <message>
        <source>Transfers paid (deducted)</source>
        <translation>转移性支出（抵减）</translation>
    </message>
    <message>
        <source>Other income</source>
        <translation>其他收入</translation>
    </message>
    <message>
        <source>Basic pension (not counted)</source>
        <translation>城乡居民基础养老金（不计入）</translation>
    </message>
    <message>
        <source>Allowances and awards (not counted)</source>
        <translation>优待抚恤金/奖励扶助金（不计入）</translation>
    </message>
    <message>
        <source>Social assistance (not counted)</source>
        <translation>社会救助金（不计入）</translation>
    </message>
    <message>
        <source>Deposits</source>
        <translation>存款</translation>
    </message>
    <message>
        <source>Securities</source>
        <translation>有价证券</translation>
    </message>
    <message>
        <source>Funds</source>
        <translation>基金</translation>
    </message>
    <message>
        <source>Commercial insurance</source>
        <translation>商业保险</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>债权</translation>
    </message>
    <message>
        <source>Internet finance</source>
        <translation>互联网金融资产</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>House</source>
        <translation>房屋</translation>
    </message>
    <message>
        <source>Timber and fixtures</source>
        <translation>林木等定着物</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Chronic illness</source>
        <translation>慢性病</translation>
    </message>
    <message>
        <source>Serious illness</source>
        <translation>重特大疾病</translation>
    </message>
    <message>
        <source>Able to work</source>
        <translation>有劳动能力</translation>
    </message>
    <message>
        <source>Partly unable to work</source>
        <translation>部分丧失劳动能力</translation>
    </message>
    <message>
        <source>Unable to work</source>
        <translation>无劳动能力</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Agricultural</source>
        <translation>农业</translation>
    </message>
    <message>
        <source>Non-agricultural</source>
        <translation>非农业</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Passbook</source>
        <translation>存折</translation>
    </message>
    <message>
        <source>Social security card</source>
        <translation>社保卡</translation>
    </message>
    <message>
        <source>Written application</source>
        <translation>申请书</translation>
    </message>
    <message>
        <source>Authorisation to check finances</source>
        <translation>家庭经济状况核对授权书</translation>
    </message>
    <message>
        <source>Signed commitment</source>
        <translation>承诺书</translation>
    </message>
    <message>
        <source>ID card copies</source>
        <translation>身份证复印件</translation>
    </message>
    <message>
        <source>Household register copies</source>
        <translation>户口本复印件</translation>
    </message>
    <message>
        <source>Other proof</source>
        <translation>其他证明材料</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>程序错误</translation>
    </message>
    <message>
        <source>reliefdesk ran into an unexpected problem. Your last action may not have been saved. Please copy the report below and send it to the system administrator.</source>
        <translation>系统遇到意外问题，刚才的操作可能没有保存。请点击“复制”，把下面的报告发给系统管理员。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>HelpTopics</name>
    <message>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>&lt;p&gt;What is due today and this week, what is overdue, and the re-checks of the month. Double-click a line to open the case.&lt;/p&gt;&lt;p&gt;The status bar counts the overdue cases; red means act today.&lt;/p&gt;</source>
        <translation>&lt;p&gt;今天和本周到期的事项、已超期的事项，以及本月应复核的家庭。双击一行打开该申请。&lt;/p&gt;&lt;p&gt;状态栏显示超期件数；红色表示今天必须处理。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>家庭档案</translation>
    </message>
    <message>
        <source>&lt;p&gt;Search by name, pinyin initials (e.g. &lt;b&gt;wdf&lt;/b&gt;) or any digits of the ID number. Open a household to change members, income, assets and the payment account.&lt;/p&gt;&lt;p&gt;&lt;b&gt;New application&lt;/b&gt; on a household page starts the wizard with that household chosen.&lt;/p&gt;</source>
        <translation>&lt;p&gt;可按姓名、拼音首字母（如 &lt;b&gt;wdf&lt;/b&gt;）或身份证号的任意几位查找。打开家庭可修改成员、收入、财产和发放账户。&lt;/p&gt;&lt;p&gt;在家庭页面点&lt;b&gt;新建申请&lt;/b&gt;，向导会直接选定该家庭。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>申请审批</translation>
    </message>
    <message>
        <source>&lt;p&gt;Filter by state and programme, search by name, pinyin, ID digits or file number, click a column title to sort. &lt;b&gt;Deadline&lt;/b&gt; is the time limit of the step the case is in; red is overdue. 【Green channel】 marks aid given first.&lt;/p&gt;&lt;p&gt;&lt;b&gt;New application&lt;/b&gt; (Ctrl+N): household, members, income (per month or per year), programme, payee and account, materials received, then the summary with the proposed amount. Cancel asks before anything typed is thrown away.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Export Excel&lt;/b&gt; writes the list as the ledger.&lt;/p&gt;</source>
        <translation>&lt;p&gt;可按状态和救助类别筛选，按姓名、拼音、身份证号片段或编号查找，点列标题排序。&lt;b&gt;办理时限&lt;/b&gt;是当前环节的时限，红色表示已超期。【绿色通道】表示先行救助。&lt;/p&gt;&lt;p&gt;&lt;b&gt;新建申请&lt;/b&gt;（Ctrl+N）：家庭、成员、收入（按月或按年）、救助类别、收款人和账户、已收材料，最后在汇总页查看拟保障金额。取消时会先询问，已填内容不会悄悄丢失。&lt;/p&gt;&lt;p&gt;&lt;b&gt;导出 Excel&lt;/b&gt; 把当前列表导出为台账。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Home visits</source>
        <translation>入户调查</translation>
    </message>
    <message>
        <source>&lt;p&gt;At least two investigators; tick &lt;b&gt;Signed&lt;/b&gt; for each member present who signed. Save (Ctrl+S) before printing the survey form (Ctrl+P). Unsaved changes show * in the title and are asked about before leaving.&lt;/p&gt;</source>
        <translation>&lt;p&gt;调查人员至少两人；在场家庭成员签字后勾选&lt;b&gt;已签字&lt;/b&gt;。先保存（Ctrl+S）再打印调查表（Ctrl+P）。有未保存的修改时标题带 *，离开前会询问。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Payment rosters</source>
        <translation>发放名册</translation>
    </message>
    <message>
        <source>&lt;p&gt;Generate the month&apos;s roster, read every change and its reason, fix each problem from the roster (double-click), validate, have a second person lock it, then export the bank file and print the roster for signatures.&lt;/p&gt;</source>
        <translation>&lt;p&gt;生成本月名册，逐条查看变动及原因，在名册中双击问题直接修正，校验后由另一人锁定，再导出银行文件并打印名册签字。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>系统设置</translation>
    </message>
    <message>
        <source>&lt;p&gt;Office details, users (with their real names: they print as 经办人 and 制表人), the policy standards, holidays and security settings.&lt;/p&gt;</source>
        <translation>&lt;p&gt;单位信息、用户（请填写真实姓名：打印为经办人和制表人）、政策标准、节假日和安全设置。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The year&apos;s procedure</source>
        <translation>全年工作流程</translation>
    </message>
    <message>
        <source>&lt;ol&gt;&lt;li&gt;Every day: applications, home visits, 初审, 7-day publicity, confirmation, the notice within the time limit.&lt;/li&gt;&lt;li&gt;Every month: department data compared with the register; re-checks due; the roster generated, locked, exported and signed; the bank&apos;s return file.&lt;/li&gt;&lt;li&gt;When standards rise: new policy from its date, amounts recomputed with back pay.&lt;/li&gt;&lt;li&gt;At year end: the report, next year&apos;s holiday table, backups verified, the audit checkpoint printed for the county.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;ol&gt;&lt;li&gt;每天：受理申请、入户调查、初审、公示7天、审核确认，在时限内送达通知书。&lt;/li&gt;&lt;li&gt;每月：部门数据比对；到期复核；生成、锁定、导出并签字发放名册；处理银行回盘文件。&lt;/li&gt;&lt;li&gt;提标时：新政策自生效日起执行，重新计算金额并补发。&lt;/li&gt;&lt;li&gt;年底：年度报表、录入下一年节假日、核验备份、为县里打印审计核查点。&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
</context>
<context>
    <name>HistoryLabels</name>
    <message>
        <source>Household</source>
        <translation>家庭</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Income item</source>
        <translation>收入项</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>财产</translation>
    </message>
    <message>
        <source>Payment account</source>
        <translation>发放账户</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>入户调查</translation>
    </message>
    <message>
        <source>Enrollment</source>
        <translation>在保记录</translation>
    </message>
    <message>
        <source>Payment roster</source>
        <translation>发放名册</translation>
    </message>
    <message>
        <source>Roster adjustment</source>
        <translation>名册调整</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Other change</source>
        <translation>其他操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>HouseholdLabels</name>
    <message>
        <source>Receiving</source>
        <translation>在保</translation>
    </message>
    <message>
        <source>Phasing out</source>
        <translation>渐退期</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>暂停发放</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>One-off aid, awaiting payment</source>
        <translation>临时救助待发放</translation>
    </message>
    <message>
        <source>One-off aid, paid</source>
        <translation>临时救助已发放</translation>
    </message>
    <message>
        <source>Never enrolled</source>
        <translation>未纳入保障</translation>
    </message>
    <message>
        <source>Urban</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Rural</source>
        <translation>农村</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>子女</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>父母</translation>
    </message>
    <message>
        <source>Grandchild</source>
        <translation>孙子女</translation>
    </message>
    <message>
        <source>Grandparent</source>
        <translation>祖父母</translation>
    </message>
    <message>
        <source>Sibling</source>
        <translation>兄弟姐妹</translation>
    </message>
    <message>
        <source>Child-in-law</source>
        <translation>儿媳/女婿</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Clergy away from home 3+ years</source>
        <translation>宗教教职人员（离家连续三年以上）</translation>
    </message>
    <message>
        <source>Serving a prison sentence</source>
        <translation>服刑人员</translation>
    </message>
    <message>
        <source>Compulsory drug rehabilitation</source>
        <translation>强制隔离戒毒</translation>
    </message>
    <message>
        <source>Declared missing</source>
        <translation>宣告失踪</translation>
    </message>
    <message>
        <source>Conscript on active service</source>
        <translation>现役义务兵</translation>
    </message>
    <message>
        <source>Other case set by the province</source>
        <translation>省级民政部门规定的其他情形</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Chronic illness</source>
        <translation>慢性病</translation>
    </message>
    <message>
        <source>Serious illness</source>
        <translation>重特大疾病</translation>
    </message>
    <message>
        <source>Able to work</source>
        <translation>有劳动能力</translation>
    </message>
    <message>
        <source>Partly unable to work</source>
        <translation>部分丧失劳动能力</translation>
    </message>
    <message>
        <source>Unable to work</source>
        <translation>无劳动能力</translation>
    </message>
    <message>
        <source>Visual</source>
        <translation>视力</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>听力</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>言语</translation>
    </message>
    <message>
        <source>Physical</source>
        <translation>肢体</translation>
    </message>
    <message>
        <source>Intellectual</source>
        <translation>智力</translation>
    </message>
    <message>
        <source>Mental</source>
        <translation>精神</translation>
    </message>
    <message>
        <source>Multiple</source>
        <translation>多重</translation>
    </message>
    <message>
        <source>Grade 1</source>
        <translation>一级</translation>
    </message>
    <message>
        <source>Grade 2</source>
        <translation>二级</translation>
    </message>
    <message>
        <source>Grade 3</source>
        <translation>三级</translation>
    </message>
    <message>
        <source>Grade 4</source>
        <translation>四级</translation>
    </message>
    <message>
        <source>Wages</source>
        <translation>工资性收入</translation>
    </message>
    <message>
        <source>Net business income</source>
        <translation>经营净收入</translation>
    </message>
    <message>
        <source>Net property income</source>
        <translation>财产净收入</translation>
    </message>
    <message>
        <source>Transfers received</source>
        <translation>转移性收入</translation>
    </message>
    <message>
        <source>Transfers paid (deducted)</source>
        <translation>转移性支出（抵减）</translation>
    </message>
    <message>
        <source>Other income</source>
        <translation>其他收入</translation>
    </message>
    <message>
        <source>Basic resident pension (not counted)</source>
        <translation>城乡居民基础养老金（不计入）</translation>
    </message>
    <message>
        <source>Preferential or reward payments (not counted)</source>
        <translation>优待抚恤金/奖励扶助金（不计入）</translation>
    </message>
    <message>
        <source>Social assistance payments (not counted)</source>
        <translation>社会救助金（不计入）</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>存款</translation>
    </message>
    <message>
        <source>Securities</source>
        <translation>有价证券</translation>
    </message>
    <message>
        <source>Funds</source>
        <translation>基金</translation>
    </message>
    <message>
        <source>Commercial insurance</source>
        <translation>商业保险</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>债权</translation>
    </message>
    <message>
        <source>Online financial assets</source>
        <translation>互联网金融资产</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>House</source>
        <translation>房屋</translation>
    </message>
    <message>
        <source>Timber and fixtures</source>
        <translation>林木等定着物</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Passbook</source>
        <translation>存折</translation>
    </message>
    <message>
        <source>Social security card</source>
        <translation>社保卡</translation>
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
        <source>Enrolled</source>
        <translation>纳入保障</translation>
    </message>
    <message>
        <source>Increased</source>
        <translation>增发</translation>
    </message>
    <message>
        <source>Reduced</source>
        <translation>减发</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>恢复发放</translation>
    </message>
    <message>
        <source>Phase-out</source>
        <translation>渐退</translation>
    </message>
    <message>
        <source>Periodic recheck</source>
        <translation>定期核查</translation>
    </message>
    <message>
        <source>New standard applied</source>
        <translation>调标</translation>
    </message>
    <message>
        <source>Household registered</source>
        <translation>新建家庭</translation>
    </message>
    <message>
        <source>Household edited</source>
        <translation>修改家庭信息</translation>
    </message>
    <message>
        <source>Member added</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>Member edited</source>
        <translation>修改成员信息</translation>
    </message>
    <message>
        <source>Income added</source>
        <translation>添加收入</translation>
    </message>
    <message>
        <source>Income deleted</source>
        <translation>删除收入</translation>
    </message>
    <message>
        <source>Asset added</source>
        <translation>添加财产</translation>
    </message>
    <message>
        <source>Asset deleted</source>
        <translation>删除财产</translation>
    </message>
    <message>
        <source>Account registered</source>
        <translation>登记账户</translation>
    </message>
    <message>
        <source>Account stopped</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <source>Full numbers shown</source>
        <translation>查看完整号码</translation>
    </message>
    <message>
        <source> (one-off)</source>
        <translation>（一次性）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>The screen is locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <source>reliefdesk was locked after a period of inactivity to protect personal data.</source>
        <translation>长时间无操作，系统已自动锁定以保护个人信息。请输入密码解锁。</translation>
    </message>
    <message>
        <source>The screen was locked. Enter your password to continue.</source>
        <translation>屏幕已锁定。请输入密码继续。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>Sign out and let someone else sign in</source>
        <translation>注销并由其他人登录</translation>
    </message>
    <message>
        <source>Wrong password. Please try again.</source>
        <translation>密码错误，请重新输入。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in - reliefdesk</source>
        <translation>登录 - 社会救助业务系统</translation>
    </message>
    <message>
        <source>Social assistance casework</source>
        <translation>社会救助业务系统</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Please enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>家庭档案</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>申请审批</translation>
    </message>
    <message>
        <source>Home visits</source>
        <translation>入户调查</translation>
    </message>
    <message>
        <source>Enrollments</source>
        <translation>在保对象</translation>
    </message>
    <message>
        <source>Low-income monitoring</source>
        <translation>低收入人口监测</translation>
    </message>
    <message>
        <source>Department findings</source>
        <translation>比对线索</translation>
    </message>
    <message>
        <source>Payment rosters</source>
        <translation>发放名册</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>系统设置</translation>
    </message>
    <message>
        <source>reliefdesk - social assistance casework</source>
        <translation>社会救助业务系统</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <source>User: {user}</source>
        <translation>当前用户：{user}</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Database: {location}</source>
        <translation>数据库：{location}</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) overdue</source>
        <translation>
            <numerusform>超期案件 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>No overdue cases</source>
        <translation>无超期案件</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New application</source>
        <translation>新建申请(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Lock screen</source>
        <translation>锁定屏幕(&amp;L)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <source>S&amp;witch user...</source>
        <translation>切换用户(&amp;W)...</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Find...</source>
        <translation>查找(&amp;F)...</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言/Language(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Guide to this page</source>
        <translation>本页使用指南(&amp;G)</translation>
    </message>
    <message>
        <source>The year&apos;s &amp;procedure</source>
        <translation>全年工作流程(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;About reliefdesk</source>
        <translation>关于本系统(&amp;A)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language will be used after you restart reliefdesk.</source>
        <translation>语言设置已保存，重新启动程序后生效。</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This part of reliefdesk is being built.</source>
        <translation>此功能正在建设中。</translation>
    </message>
</context>
<context>
    <name>Programme</name>
    <message>
        <source>Urban dibao</source>
        <translation>城市低保</translation>
    </message>
    <message>
        <source>Rural dibao</source>
        <translation>农村低保</translation>
    </message>
    <message>
        <source>Tekun support</source>
        <translation>特困供养</translation>
    </message>
    <message>
        <source>Temporary aid</source>
        <translation>临时救助</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>Recovery code - reliefdesk</source>
        <translation>恢复码 - reliefdesk</translation>
    </message>
    <message>
        <source>The database is encrypted. Print this recovery code and keep it sealed in the office safe: when every password is lost, only this code opens the database. It is shown only now.</source>
        <translation>数据库已加密。请打印此恢复码，密封存放在单位保险柜中：所有密码都遗失时，只有它能打开数据库。恢复码只显示这一次。</translation>
    </message>
    <message>
        <source>Save the sheet to print...</source>
        <translation>保存打印页...</translation>
    </message>
    <message>
        <source>I have written it down</source>
        <translation>我已记下</translation>
    </message>
    <message>
        <source>Save the recovery sheet</source>
        <translation>保存恢复码打印页</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>The password must have at least 8 characters.</source>
        <translation>密码至少需要 8 个字符。</translation>
    </message>
    <message>
        <source>Use at least three of: lowercase letters, uppercase letters, digits, symbols.</source>
        <translation>密码须包含小写字母、大写字母、数字、符号中的至少三类。</translation>
    </message>
    <message>
        <source>Initial setup - reliefdesk</source>
        <translation>初始设置 - 社会救助业务系统</translation>
    </message>
    <message>
        <source>e.g. Ruzhou City</source>
        <translation>例如：汝州市</translation>
    </message>
    <message>
        <source>e.g. Chengguan Town</source>
        <translation>例如：城关镇</translation>
    </message>
    <message>
        <source>e.g. Chengguan Town civil affairs office</source>
        <translation>例如：城关镇民政所</translation>
    </message>
    <message>
        <source>Printed on notices</source>
        <translation>将打印在通知书上</translation>
    </message>
    <message>
        <source>Letters and digits, e.g. admin</source>
        <translation>字母和数字，例如 admin</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>真实姓名</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>单位信息</translation>
    </message>
    <message>
        <source>County (city):</source>
        <translation>县（市）：</translation>
    </message>
    <message>
        <source>Township (subdistrict):</source>
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
        <source>Policy web page:</source>
        <translation>政策公开网址：</translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation>首个管理员账号</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Confirm password:</source>
        <translation>确认密码：</translation>
    </message>
    <message>
        <source>At least 8 characters, using three of: lowercase, uppercase, digits, symbols.</source>
        <translation>至少 8 个字符，包含小写字母、大写字母、数字、符号中的至少三类。</translation>
    </message>
    <message>
        <source>The database is empty. Enter your office&apos;s details and create the first administrator account. You can change the office details later in Settings.</source>
        <translation>数据库为空。请填写本单位信息并创建首个管理员账号。单位信息以后可在“系统设置”中修改。</translation>
    </message>
    <message>
        <source>Welcome to reliefdesk</source>
        <translation>欢迎使用社会救助业务系统</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>Enter digits only, e.g. 0375-1234567.</source>
        <translation>请只输入数字，例如 0375-1234567。</translation>
    </message>
    <message>
        <source>Enter a full web address starting with http:// or https://.</source>
        <translation>请输入以 http:// 或 https:// 开头的完整网址。</translation>
    </message>
    <message>
        <source>2-32 letters, digits, dots, dashes or underscores.</source>
        <translation>2～32 个字母、数字、点、短横线或下划线。</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>TerminationDialog</name>
    <message>
        <source>Proposed termination</source>
        <translation>拟终止供养</translation>
    </message>
    <message>
        <source>Tekun termination - {name}</source>
        <translation>终止特困供养 - {name}</translation>
    </message>
    <message>
        <source>objection, decision on it, or notes</source>
        <translation>异议内容、异议处理决定或说明</translation>
    </message>
    <message>
        <source>Objection upheld (withdraw the proposal)</source>
        <translation>异议成立（撤回拟终止）</translation>
    </message>
    <message>
        <source>referred to dibao / temporary aid, or why not</source>
        <translation>转介低保、临时救助，或说明无需转介</translation>
    </message>
    <message>
        <source>Publish proposal (7 days)</source>
        <translation>拟终止公示（7天）</translation>
    </message>
    <message>
        <source>Record objection</source>
        <translation>登记异议</translation>
    </message>
    <message>
        <source>Decide objection</source>
        <translation>异议处理决定</translation>
    </message>
    <message>
        <source>Terminate from next month</source>
        <translation>次月起终止</translation>
    </message>
    <message>
        <source>Print publicity notice</source>
        <translation>打印拟终止公示</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Grounds:</source>
        <translation>终止理由：</translation>
    </message>
    <message>
        <source>Written reasons:</source>
        <translation>书面理由：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Objection / decision:</source>
        <translation>异议/决定：</translation>
    </message>
    <message>
        <source>Referral:</source>
        <translation>转介：</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>No proposal.</source>
        <translation>尚无拟终止。</translation>
    </message>
    <message>
        <source>Objection recorded; decide by {d}.</source>
        <translation>已登记异议，须在 {d} 前作出决定。</translation>
    </message>
    <message>
        <source>Published {a} to {b}: {g}</source>
        <translation>公示 {a} 至 {b}：{g}</translation>
    </message>
    <message>
        <source>Last proposal: {s}</source>
        <translation>上一次拟终止：{s}</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <source>The database is in use by another user or program. Waiting for it (at most {seconds} seconds)...</source>
        <translation>数据库正被其他用户或程序占用，正在等待（最多 {seconds} 秒）……</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <source>Cannot complete the action</source>
        <translation>无法完成操作</translation>
    </message>
</context>
</TS>
