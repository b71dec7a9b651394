<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
    <message>
        <source>About reliefdesk</source>
        <translation>关于本系统</translation>
    </message>
    <message>
        <source>reliefdesk {version}
Casework for township social assistance.</source>
        <translation>社会救助业务系统 reliefdesk {version}
乡镇（街道）低保、特困、临时救助业务办理。</translation>
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
