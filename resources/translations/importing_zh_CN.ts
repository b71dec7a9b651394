<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>The office&apos;s own roster: .xlsx, old .xls or .csv (GBK or UTF-8), one row per person or one row per household.</source>
        <translation>本所原有的花名册或台账：.xlsx、旧版 .xls 或 .csv（GBK 或 UTF-8），每行一人或每行一户均可。</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Importing brings in recipients an earlier procedure already approved; it is recorded as a data migration. New people must go through an application (民发〔2021〕57号 第二十八条).</source>
        <translation>存量导入只导入此前已经依程序审批的在保对象，按数据迁移记录；新对象必须经申请审批程序纳入（民发〔2021〕57号 第二十八条）。</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
        <translation>表格文件 (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <source>Not a supported file: choose an .xlsx, .xls or .csv file.</source>
        <translation>不支持的文件类型：请选择 .xlsx、.xls 或 .csv 文件。</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import in one step: everything or nothing. A batch can be undone while no roster built on it is locked.</source>
        <translation>一次性导入：要么全部写入，要么都不写入。在依此生成的名册锁定之前，可以整批撤销。</translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Nothing to change: the file is already imported.</source>
        <translation>没有需要写入的变化：此文件已经导入过。</translation>
    </message>
    <message>
        <source>Imported as batch %1: %2 new households, %3 corrected, %4 persons, %5 yuan a month.</source>
        <translation>已导入，批次 #%1：新增 %2 户，更正 %3 户，%4 人，月保障金 %5 元。</translation>
    </message>
    <message>
        <source>Not imported.</source>
        <translation>未导入。</translation>
    </message>
</context>
<context>
    <name>ImportSection</name>
    <message>
        <source>Bring in the recipients the office already pays, from its own spreadsheets. This is a data migration of earlier approvals, recorded with its source file; it is not a way to add new people (民发〔2021〕57号 第二十八条).</source>
        <translation>从本所原有表格导入正在发放的在保对象。这是对此前审批结果的数据迁移，记录来源文件；不能用来新增对象（民发〔2021〕57号 第二十八条）。</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Imported at</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>导入人</translation>
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
        <source>Monthly amount</source>
        <translation>月保障金</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Import recipients...</source>
        <translation>导入在保对象…</translation>
    </message>
    <message>
        <source>Undo the batch</source>
        <translation>撤销批次</translation>
    </message>
    <message>
        <source>Import existing recipients</source>
        <translation>存量导入</translation>
    </message>
    <message>
        <source>Undo import batch %1 (%2)? Every household it brought in is removed.</source>
        <translation>撤销导入批次 #%1（%2）？该批次导入的所有户都将被删除。</translation>
    </message>
    <message>
        <source>Undoing the batch...</source>
        <translation>正在撤销批次…</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import existing recipients</source>
        <translation>存量导入</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Reading the file...</source>
        <translation>正在读取文件…</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Column mapping</source>
        <translation>列对应</translation>
    </message>
    <message>
        <source>Check which column holds what; correct a guess by choosing another column. Corrections are remembered for this office.</source>
        <translation>核对每一项对应表中的哪一列；识别有误时改选其他列。修改会为本所记住。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>表中的列</translation>
    </message>
    <message>
        <source>(not used)</source>
        <translation>（不使用）</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Households with an error are not imported; warnings are imported and flagged.</source>
        <translation>尚未写入任何数据。有错误的户不导入；提示类问题照常导入并加标记。</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Save the problem list...</source>
        <translation>保存问题清单…</translation>
    </message>
    <message>
        <source>Checking the file...</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <source>%1 households, %2 persons, %3 yuan a month (%4). New %5, corrected %6, unchanged %7, not imported %8, members to complete %9. Problems: %10.</source>
        <translation>共 %1 户 %2 人，月保障金 %3 元（%4）。新增 %5 户，更正 %6 户，无变化 %7 户，不能导入 %8 户，待补录成员 %9 户。问题 %10 条。</translation>
    </message>
    <message>
        <source>This file is already imported (batch %1): importing it again changes nothing.</source>
        <translation>此文件已导入（批次 #%1），再次导入不会有任何改变。</translation>
    </message>
    <message>
        <source>Save the problem list</source>
        <translation>保存问题清单</translation>
    </message>
    <message>
        <source>Workbook (*.xlsx)</source>
        <translation>工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Problem list saved: %1</source>
        <translation>问题清单已保存：%1</translation>
    </message>
    <message>
        <source>Writing the problem list...</source>
        <translation>正在写出问题清单…</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <source>Sheet and header</source>
        <translation>工作表与表头</translation>
    </message>
    <message>
        <source>Import every sheet (one per village) or only one. The header row is found by its usual Chinese column names.</source>
        <translation>导入全部工作表（如每村一张）或只导入其中一张。表头按常用的列名自动识别。</translation>
    </message>
    <message>
        <source>Reading the file...</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>All sheets</source>
        <translation>全部工作表</translation>
    </message>
    <message>
        <source>Looking for the header...</source>
        <translation>正在识别表头…</translation>
    </message>
    <message>
        <source>Sheet %1: header on row %2, %3 data rows</source>
        <translation>工作表“%1”：表头在第 %2 行，数据 %3 行</translation>
    </message>
    <message>
        <source>Skipped (no header): %1</source>
        <translation>已跳过（无表头）：%1</translation>
    </message>
</context>
</TS>
