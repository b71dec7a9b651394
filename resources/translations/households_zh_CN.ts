<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
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
        <source>Monthly benefit (yuan)</source>
        <translation>月保障金（元）</translation>
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
