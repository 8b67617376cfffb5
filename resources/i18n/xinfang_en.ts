<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>办理后状态不变。</source>
        <translation>The status stays as it is.</translation>
    </message>
    <message>
        <source>办理后状态变为“%1”</source>
        <translation>The status becomes “%1”</translation>
    </message>
    <message>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>。</source>
        <translation>.</translation>
    </message>
</context>
<context>
    <name>BoardFilters</name>
    <message>
        <source>全部部门</source>
        <translation>All departments</translation>
    </message>
    <message>
        <source>全部首接人</source>
        <translation>All first clerks</translation>
    </message>
    <message>
        <source>全部包案领导</source>
        <translation>All leaders in charge</translation>
    </message>
    <message>
        <source>超期和临期</source>
        <translation>Overdue and near due</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>全部级别</source>
        <translation>All levels</translation>
    </message>
    <message>
        <source>未督办</source>
        <translation>Not supervised</translation>
    </message>
    <message>
        <source>只看需关注</source>
        <translation>Needing attention only</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>首接人</source>
        <translation>First clerk</translation>
    </message>
    <message>
        <source>包案领导</source>
        <translation>Leader in charge</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <source>责任部门</source>
        <translation>Responsible department</translation>
    </message>
    <message>
        <source>首接人</source>
        <translation>First clerk</translation>
    </message>
    <message>
        <source>需关注事项：按部门</source>
        <translation>Matters needing attention, by department</translation>
    </message>
    <message>
        <source>需关注事项：按首接人</source>
        <translation>Matters needing attention, by first clerk</translation>
    </message>
    <message>
        <source>打开事项</source>
        <translation>Open matter</translation>
    </message>
    <message>
        <source>督办…</source>
        <translation>Supervise…</translation>
    </message>
    <message>
        <source>解除督办</source>
        <translation>Lift supervision</translation>
    </message>
    <message>
        <source>打印督办单</source>
        <translation>Print supervision notice</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>显示前 %1 件，共 %2 件</source>
        <translation>Showing the first %1 of %2 matters</translation>
    </message>
    <message>
        <source>共 %2 件</source>
        <translation>%2 matters</translation>
    </message>
    <message>
        <source>超期 %1 件，临期 %2 件，红牌 %3，黄牌 %4，普通 %5（需关注共 %6 件）</source>
        <translation>Overdue %1, near due %2; red card %3, yellow card %4, ordinary %5 (%6 matters need attention)</translation>
    </message>
    <message>
        <source>已对 %1 %2督办</source>
        <translation>%1 put under %2 supervision</translation>
    </message>
    <message>
        <source>已解除 %1 的%2督办</source>
        <translation>%2 supervision of %1 lifted</translation>
    </message>
    <message>
        <source>解除 %1 的%2督办（%3）？</source>
        <translation>Lift the %2 supervision of %1 (%3)?</translation>
    </message>
    <message>
        <source>已出具督办单 %1</source>
        <translation>Supervision notice %1 issued</translation>
    </message>
    <message>
        <source>{level}（{day}，{by}）{reason}</source>
        <translation>{level} ({day}, {by}) {reason}</translation>
    </message>
    <message>
        <source>解除哪一项督办？</source>
        <translation>Which supervision should be lifted?</translation>
    </message>
</context>
<context>
    <name>BoardTableModel</name>
    <message>
        <source>超期%1天</source>
        <translation>%1 days overdue</translation>
    </message>
    <message>
        <source>今日到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>%1天</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>（暂定）</source>
        <translation> (provisional)</translation>
    </message>
    <message>
        <source>本机关</source>
        <translation>This bureau</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>概况</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>期限事项</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>责任部门</source>
        <translation>Responsible department</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>督办级别</source>
        <translation>Supervision level</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <source>首接人</source>
        <translation>First clerk</translation>
    </message>
    <message>
        <source>包案领导</source>
        <translation>Leader in charge</translation>
    </message>
    <message>
        <source>期限所在年份的调休安排尚未公布，此日期为推算</source>
        <translation>The make-up working days of that year are not announced yet: this date is an estimate</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <source>节假日与期限规则</source>
        <translation>Holidays and deadline rules</translation>
    </message>
    <message>
        <source>节假日</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <source>期限规则</source>
        <translation>Deadline rules</translation>
    </message>
    <message>
        <source>（未设置，请先在“设置”中填写接待人）</source>
        <translation>(not set: enter the clerk in Settings first)</translation>
    </message>
    <message>
        <source>修改后，所有未办结事项的期限立即重新计算。操作人：%1</source>
        <translation>After a change, the deadlines of all open matters are recounted at once. Changed by: %1</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>试导入检查</source>
        <translation>Trial check</translation>
    </message>
    <message>
        <source>逐行按登记表的规则检查，不写入任何数据。</source>
        <translation>Every row is checked by the rules of the intake form; nothing is written.</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>拒绝原因</source>
        <translation>Reason refused</translation>
    </message>
    <message>
        <source>正在检查……</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>共 %1 行：可导入 %2 行，拒绝 %3 行，跳过 %4 行（已导入过或重复）</source>
        <translation>%1 rows: %2 can be imported, %3 refused, %4 skipped (already imported or duplicates)</translation>
    </message>
    <message>
        <source>有被拒绝的行，不能导入（全部导入或全部不导入）。请在原文件中改正后返回第一步重新选择。</source>
        <translation>Some rows are refused, so nothing can be imported (all or nothing). Correct them in the file, then go back to the first step and choose it again.</translation>
    </message>
    <message>
        <source>没有需要导入的行。</source>
        <translation>There are no rows to import.</translation>
    </message>
    <message>
        <source>全部可以导入：点“下一步”。</source>
        <translation>Every row can be imported: click “Next”.</translation>
    </message>
</context>
<context>
    <name>CountsTable</name>
    <message>
        <source>件数</source>
        <translation>Matters</translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation>(not specified)</translation>
    </message>
</context>
<context>
    <name>DeadlineOverrideDialog</name>
    <message>
        <source>%1：现为 %2（起算日 %3）</source>
        <translation>%1: now %2 (counted from %3)</translation>
    </message>
    <message>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>调整期限</source>
        <translation>Adjust the deadline</translation>
    </message>
    <message>
        <source>调整的理由（将记入办理过程）</source>
        <translation>Reason for the adjustment (recorded in the case history)</translation>
    </message>
    <message>
        <source>新的期限</source>
        <translation>New due date</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DeadlinesPanel</name>
    <message>
        <source>%1（%2）：</source>
        <translation>%1 (%2): </translation>
    </message>
</context>
<context>
    <name>DepartmentForm</name>
    <message>
        <source>退回理由</source>
        <translation>Reason for returning</translation>
    </message>
    <message>
        <source>反馈内容</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
</context>
<context>
    <name>DepartmentsForm</name>
    <message>
        <source>部门（可多选）</source>
        <translation>Departments (several may be chosen)</translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <source>来访时间</source>
        <translation>Time of visit</translation>
    </message>
    <message>
        <source>事项编号</source>
        <translation>Matter number</translation>
    </message>
    <message>
        <source>来访人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>Persons</translation>
    </message>
    <message>
        <source>形式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>概况</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>明细：%1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>正在读取……</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>%1：共 %2 次来访（双击一行打开其事项）</source>
        <translation>%1: %2 visits (double-click a row to open its matter)</translation>
    </message>
    <message>
        <source>%1：共 %2 件事项（双击一行打开）</source>
        <translation>%1: %2 matters (double-click a row to open it)</translation>
    </message>
    <message>
        <source>（重访）</source>
        <translation> (repeat visit)</translation>
    </message>
</context>
<context>
    <name>ExtendForm</name>
    <message>
        <source> 日</source>
        <translation> days</translation>
    </message>
    <message>
        <source>延期理由</source>
        <translation>Reason for the extension</translation>
    </message>
    <message>
        <source>批准延期的负责人</source>
        <translation>The official who approved the extension</translation>
    </message>
    <message>
        <source>延期天数</source>
        <translation>Days of extension</translation>
    </message>
    <message>
        <source>批准人</source>
        <translation>Approved by</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>选择旧台账文件</source>
        <translation>Choose the old register file</translation>
    </message>
    <message>
        <source>支持 .xlsx 和 .csv；表头所在行自动识别。</source>
        <translation>.xlsx and .csv are supported; the header row is found automatically.</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>文件：</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>工作表：</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <source>选择旧台账</source>
        <translation>Choose the old register</translation>
    </message>
    <message>
        <source>台账文件 (*.xlsx *.xlsm *.csv)</source>
        <translation>Register files (*.xlsx *.xlsm *.csv)</translation>
    </message>
    <message>
        <source>表头在第 %1 行，共 %2 列、%3 行数据</source>
        <translation>Header on row %1; %2 columns, %3 rows of data</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>可能是同一人（姓名、电话相同），请核实</source>
        <translation>Possibly the same person (same name and phone): please check</translation>
    </message>
    <message>
        <source>来访人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>性别 / 出生日期</source>
        <translation>Sex / date of birth</translation>
    </message>
    <message>
        <source>户籍地</source>
        <translation>Place of household registration</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>在办事项</source>
        <translation>Open matters</translation>
    </message>
    <message>
        <source>事项编号</source>
        <translation>Matter number</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>概况</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>首接人</source>
        <translation>First clerk</translation>
    </message>
    <message>
        <source>告知期限</source>
        <translation>Notice due</translation>
    </message>
    <message>
        <source>来访次数</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>本次为该事项的重访</source>
        <translation>This visit is a repeat visit on this matter</translation>
    </message>
    <message>
        <source>历次来访</source>
        <translation>Past visits</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>形式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>Persons</translation>
    </message>
    <message>
        <source>接待人</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>输入身份证号（或姓名和电话）后，这里显示来访人的历次来访和在办事项</source>
        <translation>Enter an ID number (or a name and phone) to see the visitor&apos;s past visits and open matters here</translation>
    </message>
    <message>
        <source>首次来访：没有此人的来访记录</source>
        <translation>First visit: no record of this person</translation>
    </message>
    <message>
        <source>曾来访 %1 次，在办事项 %2 件</source>
        <translation>Visited %1 times before; %2 open matters</translation>
    </message>
    <message>
        <source>在办事项（%1）</source>
        <translation>Open matters (%1)</translation>
    </message>
    <message>
        <source>历次来访（%1）</source>
        <translation>Past visits (%1)</translation>
    </message>
    <message>
        <source>%1&#x3000;%2&#x3000;%3&#x3000;来访 %4 次，最近 %5</source>
        <translation>%1  %2  %3  %4 visits, last on %5</translation>
    </message>
    <message>
        <source>无身份证号</source>
        <translation>No ID number</translation>
    </message>
    <message>
        <source>是同一人</source>
        <translation>Same person</translation>
    </message>
    <message>
        <source>不是</source>
        <translation>Not the same</translation>
    </message>
    <message>
        <source>（重访）</source>
        <translation> (repeat visit)</translation>
    </message>
</context>
<context>
    <name>HolidayEditor</name>
    <message>
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>如：春节；调休上班日填所服务的节日</source>
        <translation>e.g. Spring Festival; for a make-up working day, the holiday it serves</translation>
    </message>
    <message>
        <source>保存此日</source>
        <translation>Save this day</translation>
    </message>
    <message>
        <source>删除此日</source>
        <translation>Delete this day</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>星期</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>国务院通知</source>
        <translation>State Council notice</translation>
    </message>
    <message>
        <source>推算（未含调休）</source>
        <translation>Estimated (no make-up days)</translation>
    </message>
    <message>
        <source>手工录入</source>
        <translation>Entered by hand</translation>
    </message>
    <message>
        <source>放假</source>
        <translation>Day off</translation>
    </message>
    <message>
        <source>调休上班</source>
        <translation>Make-up working day</translation>
    </message>
    <message>
        <source>%1年</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>已公布</source>
        <translation>Announced</translation>
    </message>
    <message>
        <source>未公布：按法定节假日推算，未含调休</source>
        <translation>Not announced: estimated from the statutory holidays, without make-up days</translation>
    </message>
    <message>
        <source>%1年安排：%2</source>
        <translation>%1 arrangement: %2</translation>
    </message>
    <message>
        <source>标记为未公布</source>
        <translation>Mark as not announced</translation>
    </message>
    <message>
        <source>标记为已公布</source>
        <translation>Mark as announced</translation>
    </message>
    <message>
        <source>已重新计算：%1 个期限随之调整</source>
        <translation>Recounted: %1 deadlines adjusted</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>全部导入或全部不导入；导入的来访参与重访判断和统计。</source>
        <translation>All or nothing; imported visits count for repeat visits and in the tallies.</translation>
    </message>
    <message>
        <source>全部导入</source>
        <translation>Import all</translation>
    </message>
    <message>
        <source>正在导入……</source>
        <translation>Importing…</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>导入旧台账</source>
        <translation>Import an old register</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>保存登记</source>
        <translation>Save visit</translation>
    </message>
    <message>
        <source>打印回执</source>
        <translation>Print slip</translation>
    </message>
    <message>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>新登记</source>
        <translation>New visit</translation>
    </message>
    <message>
        <source>草稿无法保存：</source>
        <translation>The draft could not be saved: </translation>
    </message>
    <message>
        <source>重访：交首接人 %1 办理</source>
        <translation>Repeat visit: goes to the first clerk %1</translation>
    </message>
    <message>
        <source>新事项</source>
        <translation>New matter</translation>
    </message>
    <message>
        <source>{no}&#x3000;{summary}（{status}，首接人 {clerk}）</source>
        <translation>{no}  {summary} ({status}, first clerk {clerk})</translation>
    </message>
    <message>
        <source>（请选择接访领导）</source>
        <translation>(choose the receiving leader)</translation>
    </message>
    <message>
        <source>当日没有安排领导接访</source>
        <translation>No leader reception is scheduled that day</translation>
    </message>
    <message>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>&#x3000;%1</source>
        <translation>  %1</translation>
    </message>
    <message>
        <source>放弃当前填写的内容，开始新登记？</source>
        <translation>Discard what has been typed and start a new visit?</translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>有 %1 处需要更正，已在表中标出</source>
        <translation>%1 fields need correcting; they are marked on the form</translation>
    </message>
    <message>
        <source>登记已保存。现在打印回执吗？</source>
        <translation>The visit is saved. Print the acknowledgement slip now?</translation>
    </message>
    <message>
        <source>已登记：%1&#x3000;&#x3000;查询码 %2&#x3000;&#x3000;告知期限 %3</source>
        <translation>Registered: %1    query code %2    notice due %3</translation>
    </message>
    <message>
        <source>%Y年%m月%d日</source>
        <translation>%Y-%m-%d</translation>
    </message>
    <message>
        <source>&#x3000;&#x3000;（重访，交首接人 %1 办理）</source>
        <translation>    (repeat visit, goes to the first clerk %1)</translation>
    </message>
    <message>
        <source>还没有已保存的登记，无法打印回执</source>
        <translation>No visit has been saved yet: there is no slip to print</translation>
    </message>
    <message>
        <source>无法打印回执</source>
        <translation>Cannot print the slip</translation>
    </message>
    <message>
        <source>第%1行：</source>
        <translation>Row %1: </translation>
    </message>
    <message>
        <source>来访人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>18位身份证号，读卡或输入</source>
        <translation>18-digit ID number: read the card or type it</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>户籍地</source>
        <translation>Place of household registration</translation>
    </message>
    <message>
        <source>证件信息</source>
        <translation>From the ID number</translation>
    </message>
    <message>
        <source>手机或座机</source>
        <translation>Mobile or landline</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>来访情况</source>
        <translation>The visit</translation>
    </message>
    <message>
        <source>来访时间</source>
        <translation>Time of visit</translation>
    </message>
    <message>
        <source>信访形式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>（未选）</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> persons</translation>
    </message>
    <message>
        <source>集体访</source>
        <translation>Group visit</translation>
    </message>
    <message>
        <source>信访目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>来访人数</source>
        <translation>Number of visitors</translation>
    </message>
    <message>
        <source>接访领导</source>
        <translation>Receiving leader</translation>
    </message>
    <message>
        <source>同行登记人员（集体访须登记代表，最多5名）</source>
        <translation>Others registered (a group visit registers its representatives, at most 5)</translation>
    </message>
    <message>
        <source>上面的登记人是代表</source>
        <translation>The visitor above is a representative</translation>
    </message>
    <message>
        <source>代表</source>
        <translation>Representative</translation>
    </message>
    <message>
        <source>添加人员</source>
        <translation>Add person</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>信访事项</source>
        <translation>The matter</translation>
    </message>
    <message>
        <source>输入或选择乡镇（街道）</source>
        <translation>Type or choose a township (subdistrict)</translation>
    </message>
    <message>
        <source>拼音首字母或文字，如 cxjs</source>
        <translation>Pinyin initials or Chinese, e.g. cxjs</translation>
    </message>
    <message>
        <source>问题属地</source>
        <translation>Township concerned</translation>
    </message>
    <message>
        <source>内容分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>一句话概括反映的问题</source>
        <translation>The problem in one sentence</translation>
    </message>
    <message>
        <source>问题发生地</source>
        <translation>Where it happened</translation>
    </message>
    <message>
        <source>涉及部门</source>
        <translation>Departments concerned</translation>
    </message>
    <message>
        <source>事项概况</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>来访人的诉求，尽量用其原话</source>
        <translation>The visitor&apos;s request, in their own words where possible</translation>
    </message>
    <message>
        <source>诉求内容</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>材料、标记与重访</source>
        <translation>Materials, flags and repeat visits</translation>
    </message>
    <message>
        <source>材料名称</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>添加材料</source>
        <translation>Add material</translation>
    </message>
    <message>
        <source>收到材料</source>
        <translation>Materials received</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>重访事项</source>
        <translation>Repeat visit on</translation>
    </message>
    <message>
        <source>接待人</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>保存后打印回执</source>
        <translation>Print the slip after saving</translation>
    </message>
    <message>
        <source>%1岁</source>
        <translation>%1 years old</translation>
    </message>
</context>
<context>
    <name>LeadersDialog</name>
    <message>
        <source>领导与接访日</source>
        <translation>Leaders and reception days</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>领导</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>职务，如：副县长</source>
        <translation>Title, e.g. Deputy County Head</translation>
    </message>
    <message>
        <source>添加领导</source>
        <translation>Add leader</translation>
    </message>
    <message>
        <source>领导接访日</source>
        <translation>Leader reception day</translation>
    </message>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>接访领导</source>
        <translation>Receiving leader</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>地点，如：县信访局接待大厅</source>
        <translation>Place, e.g. reception hall of the county petition bureau</translation>
    </message>
    <message>
        <source>安排接访日</source>
        <translation>Schedule a reception day</translation>
    </message>
</context>
<context>
    <name>LeadersForm</name>
    <message>
        <source>设置包案领导</source>
        <translation>Set the leaders in charge</translation>
    </message>
    <message>
        <source>包案领导</source>
        <translation>Leader in charge</translation>
    </message>
    <message>
        <source>五包一成员</source>
        <translation>Five-to-one team</translation>
    </message>
    <message>
        <source>已选 %1 人（最多 %2 人）</source>
        <translation>%1 chosen (at most %2)</translation>
    </message>
</context>
<context>
    <name>LeadersPanel</name>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>设置包案领导…</source>
        <translation>Set leaders in charge…</translation>
    </message>
    <message>
        <source>包案领导与五包一</source>
        <translation>Leader in charge and five-to-one team</translation>
    </message>
    <message>
        <source>包案领导</source>
        <translation>Leader in charge</translation>
    </message>
    <message>
        <source>五包一成员</source>
        <translation>Five-to-one team</translation>
    </message>
    <message>
        <source>上级交办</source>
        <translation>Assigned from above</translation>
    </message>
    <message>
        <source>交办机关</source>
        <translation>Assigning body</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>办结时限</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>上报日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>登记上级交办…</source>
        <translation>Record an assignment from above…</translation>
    </message>
    <message>
        <source>上报结果</source>
        <translation>Report the result</translation>
    </message>
    <message>
        <source>未设置</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>（非上级交办件）</source>
        <translation>(not assigned from above)</translation>
    </message>
    <message>
        <source>未上报</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <source>（逾期上报）</source>
        <translation> (reported late)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>来访登记</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>信访事项</source>
        <translation>The matter</translation>
    </message>
    <message>
        <source>督办</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Tallies</translation>
    </message>
    <message>
        <source>知道了</source>
        <translation>Got it</translation>
    </message>
    <message>
        <source>今日来访</source>
        <translation>Today&apos;s visits</translation>
    </message>
    <message>
        <source>我的待办</source>
        <translation>My tasks</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>节假日与期限规则…</source>
        <translation>Holidays and deadline rules…</translation>
    </message>
    <message>
        <source>领导与接访日…</source>
        <translation>Leaders and reception days…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>导入旧台账…</source>
        <translation>Import an old register…</translation>
    </message>
    <message>
        <source>导出台账…</source>
        <translation>Export the register…</translation>
    </message>
    <message>
        <source>登记(&amp;R)</source>
        <translation>&amp;Register</translation>
    </message>
    <message>
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>督办台</source>
        <translation>Supervision board</translation>
    </message>
    <message>
        <source>信访接待台 — %1</source>
        <translation>Xinfang Desk — %1</translation>
    </message>
    <message>
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>接待人：%1</source>
        <translation>Clerk: %1</translation>
    </message>
    <message>
        <source>（未设置）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>督办 (%1)</source>
        <translation>Supervision (%1)</translation>
    </message>
    <message>
        <source>督办 %1 件：超期 %2，临期 %3</source>
        <translation>%1 matters under supervision: %2 overdue, %3 near due</translation>
    </message>
    <message>
        <source>已保存 %1，查询码 %2</source>
        <translation>Saved %1, query code %2</translation>
    </message>
    <message>
        <source>恢复上次未保存的登记？</source>
        <translation>Restore the visit left unsaved last time?</translation>
    </message>
    <message>
        <source>信访接待台</source>
        <translation>Xinfang Desk</translation>
    </message>
    <message>
        <source>程序内部错误，已记入日志。已填写的内容已自动保存为草稿，不会丢失。</source>
        <translation>An internal error occurred and has been logged. What was typed is saved as a draft and will not be lost.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>对应各列</source>
        <translation>Match the columns</translation>
    </message>
    <message>
        <source>左边是本系统的字段，右边选文件中的列；已按表头名称自动对应，可以改。</source>
        <translation>On the left the fields of this program, on the right the columns of the file; they are matched by header name and can be changed.</translation>
    </message>
    <message>
        <source>（无此列）</source>
        <translation>(no such column)</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>MatterHeader</name>
    <message>
        <source>请在左侧选择一件信访事项</source>
        <translation>Choose a matter on the left</translation>
    </message>
    <message>
        <source>首接人：%1</source>
        <translation>First clerk: %1</translation>
    </message>
    <message>
        <source>下一期限：无</source>
        <translation>Next deadline: none</translation>
    </message>
    <message>
        <source>已超期 %1 天</source>
        <translation>%1 days overdue</translation>
    </message>
    <message>
        <source>剩 %1 天</source>
        <translation>%1 days left</translation>
    </message>
    <message>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>下一期限：%1%2 %3，%4</source>
        <translation>Next deadline: %1%2 %3, %4</translation>
    </message>
    <message>
        <source>%1督办</source>
        <translation>%1 supervision</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>包案领导：%1</source>
        <translation>Leaders in charge: %1</translation>
    </message>
</context>
<context>
    <name>MatterSections</name>
    <message>
        <source>事项编号</source>
        <translation>Matter number</translation>
    </message>
    <message>
        <source>查询码</source>
        <translation>Query code</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>Registered at</translation>
    </message>
    <message>
        <source>信访形式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>信访目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>内容分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>问题属地</source>
        <translation>Township concerned</translation>
    </message>
    <message>
        <source>问题发生地</source>
        <translation>Where it happened</translation>
    </message>
    <message>
        <source>诉求</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>来访人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>来访记录</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>代表</source>
        <translation>Representative</translation>
    </message>
    <message>
        <source>重访</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>初访</source>
        <translation>First</translation>
    </message>
    <message>
        <source>%1人</source>
        <translation>%1 persons</translation>
    </message>
    <message>
        <source>{at} {channel} {kind} {people} 接待：{clerk}</source>
        <translation>{at} {channel} {kind} {people}, received by {clerk}</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>环节</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>经办</source>
        <translation>By</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Explain</translation>
    </message>
    <message>
        <source>办理过程</source>
        <translation>Case history</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>交办时间</source>
        <translation>Assigned at</translation>
    </message>
    <message>
        <source>办理期限</source>
        <translation>Handling due</translation>
    </message>
    <message>
        <source>签收</source>
        <translation>Signed for</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>反馈</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>未签收</source>
        <translation>Not signed for</translation>
    </message>
    <message>
        <source>登记回执：已打印 %1 次（第 2 次起为补打）</source>
        <translation>Acknowledgement slip: printed %1 times (from the second on, as reprints)</translation>
    </message>
    <message>
        <source>（补打）</source>
        <translation> (reprint)</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>起算日</source>
        <translation>Counted from</translation>
    </message>
    <message>
        <source>到期日</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>（人工调整）</source>
        <translation> (adjusted by hand)</translation>
    </message>
    <message>
        <source>（申请期）</source>
        <translation> (application period)</translation>
    </message>
    <message>
        <source>本机关</source>
        <translation>This bureau</translation>
    </message>
    <message>
        <source>已完成 %1</source>
        <translation>Done %1</translation>
    </message>
    <message>
        <source>不再适用</source>
        <translation>No longer applies</translation>
    </message>
    <message>
        <source>调整</source>
        <translation>Adjust</translation>
    </message>
    <message>
        <source>案件服务未提供期限编号</source>
        <translation>The case service gave no deadline id</translation>
    </message>
</context>
<context>
    <name>MatterView</name>
    <message>
        <source>打印文书</source>
        <translation>Print a notice</translation>
    </message>
    <message>
        <source>打印文书（%1）</source>
        <translation>Print a notice (%1)</translation>
    </message>
    <message>
        <source>回执预览</source>
        <translation>Slip preview</translation>
    </message>
    <message>
        <source>打印回执</source>
        <translation>Print slip</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>承办部门</source>
        <translation>Handling departments</translation>
    </message>
    <message>
        <source>已印文书</source>
        <translation>Printed documents</translation>
    </message>
    <message>
        <source>领导包案</source>
        <translation>Leaders in charge</translation>
    </message>
    <message>
        <source>请在左侧选择一件信访事项</source>
        <translation>Choose a matter on the left</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>。已重新载入该事项，请核对后再操作。</source>
        <translation>. The matter has been reloaded: check it, then try again.</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>信访接待台</source>
        <translation>Xinfang Desk</translation>
    </message>
</context>
<context>
    <name>MattersPage</name>
    <message>
        <source>按编号、姓名、身份证号、电话或诉求内容搜索</source>
        <translation>Search by number, name, ID number, phone or words of the request</translation>
    </message>
    <message>
        <source>找到 %1 件</source>
        <translation>%1 matters found</translation>
    </message>
    <message>
        <source>（只列出前 %1 件，请细化搜索）</source>
        <translation>(only the first %1 are listed: narrow the search)</translation>
    </message>
    <message>
        <source>共 %1 件，已列出 %2 件</source>
        <translation>%1 matters, %2 listed</translation>
    </message>
    <message>
        <source>信访接待台</source>
        <translation>Xinfang Desk</translation>
    </message>
</context>
<context>
    <name>MattersTableModel</name>
    <message>
        <source>信访件编号</source>
        <translation>Matter number</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>Registered at</translation>
    </message>
    <message>
        <source>来访人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>问题属地</source>
        <translation>Township concerned</translation>
    </message>
    <message>
        <source>内容分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>事项概况</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>首接人</source>
        <translation>First clerk</translation>
    </message>
    <message>
        <source>告知期限</source>
        <translation>Notice due</translation>
    </message>
    <message>
        <source>来访次数</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>告知已超期</source>
        <translation>Notice overdue</translation>
    </message>
    <message>
        <source>告知期限将至（3日内）</source>
        <translation>Notice due within 3 days</translation>
    </message>
</context>
<context>
    <name>MergeForm</name>
    <message>
        <source>要并入的事项编号</source>
        <translation>Number of the matter to merge into</translation>
    </message>
    <message>
        <source>并入事项</source>
        <translation>Merge into</translation>
    </message>
</context>
<context>
    <name>MyTasksPanel</name>
    <message>
        <source>我的待办：请先在设置中填写接待人</source>
        <translation>My tasks: enter the clerk in Settings first</translation>
    </message>
    <message>
        <source>我的待办（%1）：没有临期或超期的事项</source>
        <translation>My tasks (%1): nothing near due or overdue</translation>
    </message>
    <message>
        <source>我的待办（%1）：%2 件需关注，其中超期 %3 件</source>
        <translation>My tasks (%1): %2 need attention, %3 of them overdue</translation>
    </message>
    <message>
        <source>（显示最紧急的 %1 件）</source>
        <translation>(the %1 most urgent are shown)</translation>
    </message>
</context>
<context>
    <name>NoteForm</name>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
</context>
<context>
    <name>NoticePrinter</name>
    <message>
        <source>%1（不可出具）</source>
        <translation>%1 (cannot be issued)</translation>
    </message>
    <message>
        <source>预览…</source>
        <translation>Preview…</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>已打印%1 %2</source>
        <translation>Printed %1 %2</translation>
    </message>
    <message>
        <source>%1 %2 已编号存档，未打印，可稍后补打</source>
        <translation>%1 %2 numbered and archived but not printed; it can be reprinted later</translation>
    </message>
    <message>
        <source>文书编号已变为 %1，请使用重新打印的一份</source>
        <translation>The document number changed to %1: use the copy printed again</translation>
    </message>
</context>
<context>
    <name>OutcomesForm</name>
    <message>
        <source>答复内容</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>办理结果</source>
        <translation>Outcome</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>无法打开要打印的文件：%1</source>
        <translation>Cannot open the file to print: %1</translation>
    </message>
    <message>
        <source>打印机无法开始打印，请检查打印机</source>
        <translation>The printer could not start printing: check the printer</translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <source>信访接待台</source>
        <translation>Xinfang Desk</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>RaiseDialog</name>
    <message>
        <source>督办 %1</source>
        <translation>Supervise %1</translation>
    </message>
    <message>
        <source>督办理由，如：群众反映强烈，请加快办理</source>
        <translation>Reason, e.g. strong public concern, please speed up</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <source>督办级别</source>
        <translation>Supervision level</translation>
    </message>
    <message>
        <source>督办理由</source>
        <translation>Reason for supervision</translation>
    </message>
    <message>
        <source>督办人</source>
        <translation>Supervised by</translation>
    </message>
    <message>
        <source>（未设置）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>督办</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RateForm</name>
    <message>
        <source>评价结果</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>评价对象</source>
        <translation>Rated body</translation>
    </message>
</context>
<context>
    <name>RefuseForm</name>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>告知途径</source>
        <translation>Where the visitor is sent</translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <source>上报结果</source>
        <translation>Report the result</translation>
    </message>
    <message>
        <source>上报日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>RuleEditor</name>
    <message>
        <source>最后一日为节假日时顺延至节假日后第一个工作日</source>
        <translation>When the last day is a holiday, move it to the first working day after</translation>
    </message>
    <message>
        <source>保存此规则</source>
        <translation>Save this rule</translation>
    </message>
    <message>
        <source>期限事项</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>天数</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>末日顺延</source>
        <translation>Roll forward</translation>
    </message>
    <message>
        <source>顺延</source>
        <translation>Rolls forward</translation>
    </message>
    <message>
        <source>依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>已重新计算：%1 个期限随之调整</source>
        <translation>Recounted: %1 deadlines adjusted</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>单位与打印设置</source>
        <translation>Agency and printing settings</translation>
    </message>
    <message>
        <source>系统默认</source>
        <translation>System default</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>80毫米热敏</source>
        <translation>80 mm thermal</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Agency name</translation>
    </message>
    <message>
        <source>机关代字</source>
        <translation>Agency code</translation>
    </message>
    <message>
        <source>窗口电话</source>
        <translation>Window phone</translation>
    </message>
    <message>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>回执版式</source>
        <translation>Slip layout</translation>
    </message>
    <message>
        <source>接待人</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>%1（未连接）</source>
        <translation>%1 (not connected)</translation>
    </message>
    <message>
        <source>（机关代字）</source>
        <translation>(agency code)</translation>
    </message>
    <message>
        <source>编号示例：%1</source>
        <translation>Number example: %1</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TallyPage</name>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>按周</source>
        <translation>By week</translation>
    </message>
    <message>
        <source>按日期</source>
        <translation>By dates</translation>
    </message>
    <message>
        <source> 年</source>
        <translation> </translation>
    </message>
    <message>
        <source>第 </source>
        <translation>Week </translation>
    </message>
    <message>
        <source> 周</source>
        <translation> </translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Tallies</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <source>导出 CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>批次 %1</source>
        <translation>Batches %1</translation>
    </message>
    <message>
        <source>人次 %1</source>
        <translation>Person-visits %1</translation>
    </message>
    <message>
        <source>受理 %1</source>
        <translation>Accepted %1</translation>
    </message>
    <message>
        <source>办结率 %1</source>
        <translation>Closure rate %1</translation>
    </message>
    <message>
        <source>%1（%2）：</source>
        <translation>%1 (%2): </translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>&#x3000;&#x3000;</source>
        <translation>    </translation>
    </message>
    <message>
        <source>正在导出……</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>信访周报表_%1</source>
        <translation>petition-weekly-tally_%1</translation>
    </message>
    <message>
        <source>导出统计表</source>
        <translation>Export the tally</translation>
    </message>
    <message>
        <source>来访登记台账_%1</source>
        <translation>visit-register_%1</translation>
    </message>
    <message>
        <source>导出台账</source>
        <translation>Export the register</translation>
    </message>
    <message>
        <source>已导出 %1</source>
        <translation>Exported %1</translation>
    </message>
</context>
<context>
    <name>TallyTableModel</name>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
</context>
<context>
    <name>TextForm</name>
    <message>
        <source>意见内容</source>
        <translation>Decision</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <source>今日来访 %1：%2 批，%3 人次</source>
        <translation>Today&apos;s visits %1: %2 batches, %3 person-visits</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>第%1周</source>
        <translation>Week %1</translation>
    </message>
    <message>
        <source>{week}（{key}）：{batches}批 {persons}人次</source>
        <translation>{week} ({key}): {batches} batches, {persons} person-visits</translation>
    </message>
    <message>
        <source>近%1周来访趋势</source>
        <translation>Visits over the last %1 weeks</translation>
    </message>
    <message>
        <source>暂无数据</source>
        <translation>No data yet</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Batches</translation>
    </message>
    <message>
        <source>人次</source>
        <translation>Person-visits</translation>
    </message>
</context>
<context>
    <name>UpperForm</name>
    <message>
        <source>登记上级交办</source>
        <translation>Record an assignment from above</translation>
    </message>
    <message>
        <source>如：市信访局</source>
        <translation>e.g. City Petition Bureau</translation>
    </message>
    <message>
        <source>如：市信交〔2026〕8号</source>
        <translation>e.g. 市信交〔2026〕8号</translation>
    </message>
    <message>
        <source>交办机关</source>
        <translation>Assigning body</translation>
    </message>
    <message>
        <source>交办文号</source>
        <translation>Assignment reference</translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>办结时限</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>VisitsTableModel</name>
    <message>
        <source>重访</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>初访</source>
        <translation>First</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>信访件编号</source>
        <translation>Matter number</translation>
    </message>
    <message>
        <source>来访人</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>Persons</translation>
    </message>
    <message>
        <source>形式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>初/重访</source>
        <translation>First/repeat</translation>
    </message>
    <message>
        <source>接待人</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>概况</source>
        <translation>Summary</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>当场答复</source>
        <translation>Answer on the spot</translation>
    </message>
    <message>
        <source>受理审查</source>
        <translation>Examine for acceptance</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Refuse to accept</translation>
    </message>
    <message>
        <source>不再受理</source>
        <translation>Refuse again</translation>
    </message>
    <message>
        <source>转送</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>交办</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>签收</source>
        <translation>Sign for</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>反馈</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>办理</source>
        <translation>Start handling</translation>
    </message>
    <message>
        <source>延期</source>
        <translation>Extend</translation>
    </message>
    <message>
        <source>答复</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>评价</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>复查申请</source>
        <translation>Request review</translation>
    </message>
    <message>
        <source>复查</source>
        <translation>Start review</translation>
    </message>
    <message>
        <source>复查意见</source>
        <translation>Review decision</translation>
    </message>
    <message>
        <source>复核申请</source>
        <translation>Request re-review</translation>
    </message>
    <message>
        <source>复核</source>
        <translation>Start re-review</translation>
    </message>
    <message>
        <source>复核意见</source>
        <translation>Re-review decision</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>包案</source>
        <translation>Set leaders</translation>
    </message>
    <message>
        <source>上级交办</source>
        <translation>From above</translation>
    </message>
    <message>
        <source>上报</source>
        <translation>Report up</translation>
    </message>
</context>
<context>
    <name>vocabulary</name>
    <message>
        <source>来访</source>
        <translation>Walk-in visit</translation>
    </message>
    <message>
        <source>来信</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>网上信访</source>
        <translation>Online petition</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Telephone</translation>
    </message>
    <message>
        <source>领导信箱</source>
        <translation>Leader&apos;s mailbox</translation>
    </message>
    <message>
        <source>领导接访日</source>
        <translation>Leader reception day</translation>
    </message>
    <message>
        <source>求决</source>
        <translation>Asks for a solution</translation>
    </message>
    <message>
        <source>申诉</source>
        <translation>Appeal</translation>
    </message>
    <message>
        <source>意见建议</source>
        <translation>Opinion or suggestion</translation>
    </message>
    <message>
        <source>检举控告</source>
        <translation>Report or accusation</translation>
    </message>
    <message>
        <source>咨询</source>
        <translation>Enquiry</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>越级访</source>
        <translation>Skipped a level</translation>
    </message>
    <message>
        <source>赴省访</source>
        <translation>Went to the province</translation>
    </message>
    <message>
        <source>进京访</source>
        <translation>Went to Beijing</translation>
    </message>
    <message>
        <source>涉众型</source>
        <translation>Concerns many people</translation>
    </message>
    <message>
        <source>疫情相关</source>
        <translation>Epidemic-related</translation>
    </message>
    <message>
        <source>扬言</source>
        <translation>Made threats</translation>
    </message>
    <message>
        <source>重点人员</source>
        <translation>Person of special attention</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>受理审查中</source>
        <translation>Under acceptance review</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <source>转送</source>
        <translation>Forwarded</translation>
    </message>
    <message>
        <source>交办</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>Being handled</translation>
    </message>
    <message>
        <source>延期</source>
        <translation>Extended</translation>
    </message>
    <message>
        <source>已答复</source>
        <translation>Replied</translation>
    </message>
    <message>
        <source>复查申请</source>
        <translation>Review requested</translation>
    </message>
    <message>
        <source>复查中</source>
        <translation>Under review</translation>
    </message>
    <message>
        <source>复查意见</source>
        <translation>Review decided</translation>
    </message>
    <message>
        <source>复核申请</source>
        <translation>Re-review requested</translation>
    </message>
    <message>
        <source>复核中</source>
        <translation>Under re-review</translation>
    </message>
    <message>
        <source>复核意见</source>
        <translation>Re-review decided</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>不再受理</source>
        <translation>Not accepted again</translation>
    </message>
    <message>
        <source>合并</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>当场答复</source>
        <translation>Answered on the spot</translation>
    </message>
    <message>
        <source>受理审查</source>
        <translation>Acceptance review</translation>
    </message>
    <message>
        <source>签收</source>
        <translation>Signed for</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>反馈</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>办理</source>
        <translation>Handling started</translation>
    </message>
    <message>
        <source>答复</source>
        <translation>Replied</translation>
    </message>
    <message>
        <source>评价</source>
        <translation>Rated</translation>
    </message>
    <message>
        <source>复查</source>
        <translation>Review started</translation>
    </message>
    <message>
        <source>复核</source>
        <translation>Re-review started</translation>
    </message>
    <message>
        <source>包案</source>
        <translation>Leader in charge</translation>
    </message>
    <message>
        <source>上级交办</source>
        <translation>Assigned from above</translation>
    </message>
    <message>
        <source>上报</source>
        <translation>Reported up</translation>
    </message>
    <message>
        <source>首个部门签收时（转送、交办状态下）</source>
        <translation>when the first department signs for it (from Forwarded or Assigned)</translation>
    </message>
    <message>
        <source>全部部门均已退回时</source>
        <translation>when every department has returned it</translation>
    </message>
    <message>
        <source>属于诉讼/仲裁/行政复议途径</source>
        <translation>Belongs to litigation, arbitration or administrative reconsideration</translation>
    </message>
    <message>
        <source>不属于本机关职权范围</source>
        <translation>Outside this bureau&apos;s powers</translation>
    </message>
    <message>
        <source>应向人大/法院/检察院提出</source>
        <translation>Should go to the people&apos;s congress, court or procuratorate</translation>
    </message>
    <message>
        <source>已经复核，同一事实和理由</source>
        <translation>Already re-reviewed on the same facts and grounds</translation>
    </message>
    <message>
        <source>超过复查/复核申请期限</source>
        <translation>Past the time limit for asking a review or re-review</translation>
    </message>
    <message>
        <source>政法机关/人民法院等（诉访分离）</source>
        <translation>Political-legal bodies, the people&apos;s court, etc. (litigation kept apart from petitions)</translation>
    </message>
    <message>
        <source>有权处理的机关</source>
        <translation>The body with the power to handle it</translation>
    </message>
    <message>
        <source>相应机关</source>
        <translation>The body concerned</translation>
    </message>
    <message>
        <source>（不再受理）</source>
        <translation>(not accepted again)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>解决到位</source>
        <translation>Solved</translation>
    </message>
    <message>
        <source>教育到位</source>
        <translation>Explained</translation>
    </message>
    <message>
        <source>帮扶到位</source>
        <translation>Helped</translation>
    </message>
    <message>
        <source>依法处理</source>
        <translation>Dealt with by law</translation>
    </message>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation>Mostly satisfied</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Not satisfied</translation>
    </message>
    <message>
        <source>未评价</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <source>普通</source>
        <translation>Ordinary</translation>
    </message>
    <message>
        <source>黄牌</source>
        <translation>Yellow card</translation>
    </message>
    <message>
        <source>红牌</source>
        <translation>Red card</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>临期</source>
        <translation>Near due</translation>
    </message>
    <message>
        <source>超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>转送、交办或告知受理与否</source>
        <translation>Forward, assign or notify acceptance</translation>
    </message>
    <message>
        <source>对转送、交办提出异议</source>
        <translation>Object to a forwarding or assignment</translation>
    </message>
    <message>
        <source>办理并书面答复</source>
        <translation>Handle and reply in writing</translation>
    </message>
    <message>
        <source>延长办理期限</source>
        <translation>Extension of handling</translation>
    </message>
    <message>
        <source>申请复查</source>
        <translation>Request a review</translation>
    </message>
    <message>
        <source>作出复查意见</source>
        <translation>Decide the review</translation>
    </message>
    <message>
        <source>申请复核</source>
        <translation>Request a re-review</translation>
    </message>
    <message>
        <source>作出复核意见</source>
        <translation>Decide the re-review</translation>
    </message>
    <message>
        <source>自然日</source>
        <translation>calendar days</translation>
    </message>
    <message>
        <source>工作日</source>
        <translation>working days</translation>
    </message>
    <message>
        <source>受理告知书</source>
        <translation>Acceptance notice</translation>
    </message>
    <message>
        <source>不予受理告知书</source>
        <translation>Non-acceptance notice</translation>
    </message>
    <message>
        <source>转送交办单</source>
        <translation>Forwarding / assignment form</translation>
    </message>
    <message>
        <source>延期告知书</source>
        <translation>Extension notice</translation>
    </message>
    <message>
        <source>答复意见书</source>
        <translation>Written reply</translation>
    </message>
    <message>
        <source>督办单</source>
        <translation>Supervision notice</translation>
    </message>
    <message>
        <source>本机关</source>
        <translation>This bureau</translation>
    </message>
    <message>
        <source>督办</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>期限调整</source>
        <translation>Deadline adjusted</translation>
    </message>
    <message>
        <source>政法</source>
        <translation>Politics and law</translation>
    </message>
    <message>
        <source>涉法诉讼</source>
        <translation>Litigation-related</translation>
    </message>
    <message>
        <source>治安管理</source>
        <translation>Public security</translation>
    </message>
    <message>
        <source>户籍管理</source>
        <translation>Household registration</translation>
    </message>
    <message>
        <source>交通管理</source>
        <translation>Traffic control</translation>
    </message>
    <message>
        <source>司法行政</source>
        <translation>Judicial administration</translation>
    </message>
    <message>
        <source>科技与信息产业</source>
        <translation>Science, technology and IT</translation>
    </message>
    <message>
        <source>网络通信</source>
        <translation>Networks and telecoms</translation>
    </message>
    <message>
        <source>信息服务</source>
        <translation>Information services</translation>
    </message>
    <message>
        <source>纪检监察</source>
        <translation>Discipline inspection</translation>
    </message>
    <message>
        <source>违纪违法</source>
        <translation>Violations of discipline or law</translation>
    </message>
    <message>
        <source>作风问题</source>
        <translation>Conduct of officials</translation>
    </message>
    <message>
        <source>党务政务</source>
        <translation>Party and government affairs</translation>
    </message>
    <message>
        <source>政务服务</source>
        <translation>Government services</translation>
    </message>
    <message>
        <source>行政执法</source>
        <translation>Administrative law enforcement</translation>
    </message>
    <message>
        <source>政府信息公开</source>
        <translation>Government information disclosure</translation>
    </message>
    <message>
        <source>自然资源</source>
        <translation>Natural resources</translation>
    </message>
    <message>
        <source>土地征收</source>
        <translation>Land expropriation</translation>
    </message>
    <message>
        <source>土地权属</source>
        <translation>Land ownership</translation>
    </message>
    <message>
        <source>矿产资源</source>
        <translation>Mineral resources</translation>
    </message>
    <message>
        <source>林地林权</source>
        <translation>Forest land and rights</translation>
    </message>
    <message>
        <source>教育文体</source>
        <translation>Education, culture and sport</translation>
    </message>
    <message>
        <source>入学就学</source>
        <translation>School admission</translation>
    </message>
    <message>
        <source>教师待遇</source>
        <translation>Teachers&apos; pay and conditions</translation>
    </message>
    <message>
        <source>校园安全</source>
        <translation>School safety</translation>
    </message>
    <message>
        <source>文化体育</source>
        <translation>Culture and sport</translation>
    </message>
    <message>
        <source>劳动和社会保障</source>
        <translation>Labour and social security</translation>
    </message>
    <message>
        <source>劳动关系</source>
        <translation>Labour relations</translation>
    </message>
    <message>
        <source>工资拖欠</source>
        <translation>Unpaid wages</translation>
    </message>
    <message>
        <source>社会保险</source>
        <translation>Social insurance</translation>
    </message>
    <message>
        <source>工伤认定</source>
        <translation>Work injury recognition</translation>
    </message>
    <message>
        <source>退休待遇</source>
        <translation>Retirement benefits</translation>
    </message>
    <message>
        <source>城乡建设</source>
        <translation>Urban and rural construction</translation>
    </message>
    <message>
        <source>住房保障与房地产</source>
        <translation>Housing and real estate</translation>
    </message>
    <message>
        <source>城乡规划</source>
        <translation>Urban and rural planning</translation>
    </message>
    <message>
        <source>物业管理</source>
        <translation>Property management</translation>
    </message>
    <message>
        <source>拆迁安置</source>
        <translation>Demolition and resettlement</translation>
    </message>
    <message>
        <source>市政设施</source>
        <translation>Municipal facilities</translation>
    </message>
    <message>
        <source>建筑质量</source>
        <translation>Building quality</translation>
    </message>
    <message>
        <source>农村农业</source>
        <translation>Rural affairs and agriculture</translation>
    </message>
    <message>
        <source>土地承包</source>
        <translation>Land contracting</translation>
    </message>
    <message>
        <source>村务管理</source>
        <translation>Village affairs</translation>
    </message>
    <message>
        <source>惠农补贴</source>
        <translation>Farm subsidies</translation>
    </message>
    <message>
        <source>农民负担</source>
        <translation>Burdens on farmers</translation>
    </message>
    <message>
        <source>卫生健康</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>医患纠纷</source>
        <translation>Doctor–patient disputes</translation>
    </message>
    <message>
        <source>医疗保障</source>
        <translation>Medical insurance</translation>
    </message>
    <message>
        <source>食品药品</source>
        <translation>Food and drugs</translation>
    </message>
    <message>
        <source>生态环境</source>
        <translation>Ecology and environment</translation>
    </message>
    <message>
        <source>环境污染</source>
        <translation>Pollution</translation>
    </message>
    <message>
        <source>噪声扰民</source>
        <translation>Noise nuisance</translation>
    </message>
    <message>
        <source>生态保护</source>
        <translation>Ecological protection</translation>
    </message>
    <message>
        <source>交通运输</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>道路建设</source>
        <translation>Road building</translation>
    </message>
    <message>
        <source>客运出租</source>
        <translation>Buses and taxis</translation>
    </message>
    <message>
        <source>交通事故赔偿</source>
        <translation>Traffic accident compensation</translation>
    </message>
    <message>
        <source>民政</source>
        <translation>Civil affairs</translation>
    </message>
    <message>
        <source>社会救助</source>
        <translation>Social assistance</translation>
    </message>
    <message>
        <source>婚姻登记</source>
        <translation>Marriage registration</translation>
    </message>
    <message>
        <source>殡葬管理</source>
        <translation>Funeral services</translation>
    </message>
    <message>
        <source>养老服务</source>
        <translation>Elderly care</translation>
    </message>
    <message>
        <source>优抚安置</source>
        <translation>Veterans&apos; care and resettlement</translation>
    </message>
    <message>
        <source>经济管理</source>
        <translation>Economic management</translation>
    </message>
    <message>
        <source>企业改制</source>
        <translation>Enterprise restructuring</translation>
    </message>
    <message>
        <source>金融借贷</source>
        <translation>Finance and lending</translation>
    </message>
    <message>
        <source>非法集资</source>
        <translation>Illegal fund-raising</translation>
    </message>
    <message>
        <source>税费征收</source>
        <translation>Taxes and fees</translation>
    </message>
    <message>
        <source>商贸旅游</source>
        <translation>Trade and tourism</translation>
    </message>
    <message>
        <source>市场管理</source>
        <translation>Market regulation</translation>
    </message>
    <message>
        <source>消费维权</source>
        <translation>Consumer rights</translation>
    </message>
    <message>
        <source>旅游服务</source>
        <translation>Tourism services</translation>
    </message>
    <message>
        <source>组织人事</source>
        <translation>Organisation and personnel</translation>
    </message>
    <message>
        <source>干部人事</source>
        <translation>Cadre personnel matters</translation>
    </message>
    <message>
        <source>工资福利</source>
        <translation>Pay and benefits</translation>
    </message>
    <message>
        <source>人事档案</source>
        <translation>Personnel files</translation>
    </message>
    <message>
        <source>其他事项</source>
        <translation>Other matters</translation>
    </message>
</context>
</TS>
