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
    <name>ops</name>
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
