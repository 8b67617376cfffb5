<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutBox</name>
    <message>
        <source>构建于 {0}</source>
        <translation>Built {0}</translation>
    </message>
    <message>
        <source>从源代码运行</source>
        <translation>Running from source</translation>
    </message>
    <message>
        <source>信访接待台 Xinfang Desk</source>
        <translation>Xinfang Desk</translation>
    </message>
    <message>
        <source>版本 {0}（{1}）</source>
        <translation>Version {0} ({1})</translation>
    </message>
    <message>
        <source>源代码提交 {0}</source>
        <translation>Source commit {0}</translation>
    </message>
    <message>
        <source>数据库 {0}</source>
        <translation>Database {0}</translation>
    </message>
    <message>
        <source>关于信访接待台</source>
        <translation>About Xinfang Desk</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>账户管理</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>新增账户…</source>
        <translation>New account…</translation>
    </message>
    <message>
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>停用/启用</source>
        <translation>Disable/enable</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>锁定至 %1</source>
        <translation>Locked until %1</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>请先选中一个账户</source>
        <translation>Select an account first</translation>
    </message>
    <message>
        <source>新增账户</source>
        <translation>New account</translation>
    </message>
    <message>
        <source>重置 %1 的密码</source>
        <translation>Reset the password of %1</translation>
    </message>
</context>
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
    <name>AssessmentPage</name>
    <message>
        <source>按时签收、按期办结、超期、退回按交办件计；重复访率为交办后又来访的件数占比；满意率为满意与基本满意占已评价件数的比例。</source>
        <translation>Signed on time, closed on time, overdue and returned count assigned matters; the repeat-visit rate is the share visited again after assignment; the satisfaction rate is the share of rated matters rated satisfied or fairly satisfied.</translation>
    </message>
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
        <source>考核</source>
        <translation>Assessment</translation>
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
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>%1 至 %2，%3 个责任单位</source>
        <translation>%1 to %2, %3 responsible units</translation>
    </message>
    <message>
        <source>信访工作考核_%1</source>
        <translation>petition-work-assessment_%1</translation>
    </message>
    <message>
        <source>导出考核表</source>
        <translation>Export the assessment</translation>
    </message>
    <message>
        <source>已导出 %1</source>
        <translation>Exported %1</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>登录</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <source>登录失败</source>
        <translation>Failed sign-in</translation>
    </message>
    <message>
        <source>锁定账号</source>
        <translation>Account locked</translation>
    </message>
    <message>
        <source>注销</source>
        <translation>Sign-out</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Insert</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>查看完整号码</source>
        <translation>Full number viewed</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>全部用户</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>如 matters、persons</source>
        <translation>e.g. matters, persons</translation>
    </message>
    <message>
        <source>全部操作</source>
        <translation>All actions</translation>
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
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>记录类型</source>
        <translation>Record type</translation>
    </message>
    <message>
        <source>记录编号</source>
        <translation>Record id</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>校验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>逐条核对哈希链，发现被改动或删除的记录</source>
        <translation>Check the hash chain entry by entry to find altered or deleted records</translation>
    </message>
    <message>
        <source>第 %1–%2 条，共 %3 条</source>
        <translation>Entries %1–%2 of %3</translation>
    </message>
    <message>
        <source>校验通过：%1 条记录，哈希链完整</source>
        <translation>Verified: %1 entries, the hash chain is intact</translation>
    </message>
    <message>
        <source>校验失败：第 %1 条记录起链条断裂（%2）</source>
        <translation>Verification failed: the chain breaks at entry %1 (%2)</translation>
    </message>
</context>
<context>
    <name>BacklogPage</name>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>新建专项活动…</source>
        <translation>New campaign…</translation>
    </message>
    <message>
        <source>选中积案加入所选专项活动</source>
        <translation>Add the selected backlog matters to the selected campaign</translation>
    </message>
    <message>
        <source>截至</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>专项活动</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Matters</translation>
    </message>
    <message>
        <source>已化解</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>在办</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>化解率</source>
        <translation>Resolution rate</translation>
    </message>
    <message>
        <source>来访次数</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>积案件数</source>
        <translation>Backlog matters</translation>
    </message>
    <message>
        <source>事项编号</source>
        <translation>Matter number</translation>
    </message>
    <message>
        <source>已办天数</source>
        <translation>Days open</translation>
    </message>
    <message>
        <source>属地</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
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
        <source>专项活动（双击查看在办事项）</source>
        <translation>Campaigns (double-click for open matters)</translation>
    </message>
    <message>
        <source>积案分布（双击查看）</source>
        <translation>Backlog by visits (double-click to list)</translation>
    </message>
    <message>
        <source>积案清单（来访最多者在前）</source>
        <translation>Backlog (most visited first)</translation>
    </message>
    <message>
        <source>正在读取……</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>积案 %1 件；专项活动 %2 项</source>
        <translation>%1 backlog matters; %2 campaigns</translation>
    </message>
    <message>
        <source>请先选中一项专项活动和要加入的积案</source>
        <translation>Select a campaign and the backlog matters to add first</translation>
    </message>
    <message>
        <source>无法加入专项活动</source>
        <translation>Cannot add to the campaign</translation>
    </message>
    <message>
        <source>已将 %1 件积案加入“%2”</source>
        <translation>Added %1 backlog matters to “%2”</translation>
    </message>
    <message>
        <source>%1 在办事项</source>
        <translation>%1: open matters</translation>
    </message>
    <message>
        <source>积案：来访 %1</source>
        <translation>Backlog: visited %1</translation>
    </message>
</context>
<context>
    <name>BackupScheduler</name>
    <message>
        <source>已自动备份到 %1</source>
        <translation>Backed up automatically to %1</translation>
    </message>
    <message>
        <source>自动备份未完成：%1</source>
        <translation>Automatic backup not done: %1</translation>
    </message>
</context>
<context>
    <name>BackupSettingsDialog</name>
    <message>
        <source>自动备份设置</source>
        <translation>Automatic backups</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>保留每日备份</source>
        <translation>Daily backups kept</translation>
    </message>
    <message>
        <source>保留每周备份</source>
        <translation>Weekly backups kept</translation>
    </message>
    <message>
        <source>保留每月备份</source>
        <translation>Monthly backups kept</translation>
    </message>
    <message>
        <source>尚未自动备份</source>
        <translation>No automatic backup yet</translation>
    </message>
    <message>
        <source>上次自动备份</source>
        <translation>Last automatic backup</translation>
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
        <source>选择备份文件夹</source>
        <translation>Choose the backup folder</translation>
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
    <name>CampaignDialog</name>
    <message>
        <source>新建专项活动</source>
        <translation>New campaign</translation>
    </message>
    <message>
        <source>如 2026-SCGJ</source>
        <translation>e.g. 2026-SCGJ</translation>
    </message>
    <message>
        <source>代码</source>
        <translation>Code</translation>
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
        <source>开始</source>
        <translation>Starts</translation>
    </message>
    <message>
        <source>结束</source>
        <translation>Ends</translation>
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
    <name>EntityDialog</name>
    <message>
        <source>被反映对象管理</source>
        <translation>Respondents</translation>
    </message>
    <message>
        <source>名称、别名或拼音首字母</source>
        <translation>Name, alias or pinyin initials</translation>
    </message>
    <message>
        <source>查找(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <source>新别名，回车添加</source>
        <translation>New alias, Enter to add</translation>
    </message>
    <message>
        <source>添加别名(&amp;A)</source>
        <translation>&amp;Add alias</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类型·属地</source>
        <translation>Type · township</translation>
    </message>
    <message>
        <source>查看事项(&amp;V)</source>
        <translation>&amp;View matters</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Matters</translation>
    </message>
    <message>
        <source>别名</source>
        <translation>Aliases</translation>
    </message>
    <message>
        <source>设为保留对象(&amp;K)</source>
        <translation>&amp;Keep this one</translation>
    </message>
    <message>
        <source>未选保留对象</source>
        <translation>No respondent kept yet</translation>
    </message>
    <message>
        <source>并入保留对象(&amp;M)</source>
        <translation>&amp;Merge into the kept one</translation>
    </message>
    <message>
        <source>合并重复对象</source>
        <translation>Merge duplicates</translation>
    </message>
    <message>
        <source>先选中要保留的对象，再查找重复的一个并入它。</source>
        <translation>Select the respondent to keep, then find the duplicate and merge it in.</translation>
    </message>
    <message>
        <source>合并须由科长或管理员操作。</source>
        <translation>Merging is for a section chief or an administrator.</translation>
    </message>
    <message>
        <source>%1 件</source>
        <translation>%1 matters</translation>
    </message>
    <message>
        <source>保留：%1</source>
        <translation>Keep: %1</translation>
    </message>
    <message>
        <source>%1 的事项</source>
        <translation>Matters of %1</translation>
    </message>
    <message>
        <source>无法添加别名</source>
        <translation>Cannot add the alias</translation>
    </message>
    <message>
        <source>把“%1”（%2 件事项）并入“%3”？并入后其别名和事项都归“%3”，不能撤销。</source>
        <translation>Merge “%1” (%2 matters) into “%3”? Its aliases and matters will belong to “%3”; this cannot be undone.</translation>
    </message>
    <message>
        <source>无法合并</source>
        <translation>Cannot merge</translation>
    </message>
</context>
<context>
    <name>EntityPicker</name>
    <message>
        <source>，别名“%1”</source>
        <translation>, alias “%1”</translation>
    </message>
    <message>
        <source>%1（%2%3%4）</source>
        <translation>%1 (%2%3%4)</translation>
    </message>
    <message>
        <source>企业、项目或小区、部门、村（居）委会：名称、简称或拼音首字母</source>
        <translation>Company, project or estate, department, village committee: name, short name or pinyin initials</translation>
    </message>
    <message>
        <source>新对象的类型（名称不在列表中时按回车新增）</source>
        <translation>Type of a new respondent (press Enter to add a name not in the list)</translation>
    </message>
    <message>
        <source>已选的被反映对象；按 Delete 移除</source>
        <translation>Respondents chosen; Delete removes one</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1（%2，新增）</source>
        <translation>%1 (%2, new)</translation>
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
    <name>FirstRunDialog</name>
    <message>
        <source>首次使用：设置单位与管理员</source>
        <translation>First run: the office and its administrator</translation>
    </message>
    <message>
        <source>本数据库还没有任何账户。请确认单位信息，并设置管理员账户。</source>
        <translation>This database has no accounts yet. Confirm the office&apos;s details and set up the administrator&apos;s account.</translation>
    </message>
    <message>
        <source>乡镇（街道），每行一个</source>
        <translation>Townships (subdistricts), one a line</translation>
    </message>
    <message>
        <source>县直部门，每行一个</source>
        <translation>County departments, one a line</translation>
    </message>
    <message>
        <source>完成设置</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Office</translation>
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
        <source>管理员账户</source>
        <translation>Administrator&apos;s account</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>再次输入密码</source>
        <translation>Password again</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
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
        <translation>Hukou</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>导出本人完整记录…</source>
        <translation>Export own record…</translation>
    </message>
    <message>
        <source>为来访人导出其本人的完整记录（科长以上，记入审计日志）</source>
        <translation>Export the visitor&apos;s own full record for them (section chief or above; written to the audit log)</translation>
    </message>
    <message>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>查看完整号码（需说明事由，记入审计日志）</source>
        <translation>View the full number (give a reason; written to the audit log)</translation>
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
    <name>HotspotPage</name>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>%1 年</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>第 %1 周</source>
        <translation>Week %1</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>预警阈值…</source>
        <translation>Thresholds…</translation>
    </message>
    <message>
        <source>集访风险预警（双击查看事项）</source>
        <translation>Group-visit risk warnings (double-click for matters)</translation>
    </message>
    <message>
        <source>被反映对象</source>
        <translation>Respondents</translation>
    </message>
    <message>
        <source>乡镇（街道）</source>
        <translation>Townships (subdistricts)</translation>
    </message>
    <message>
        <source>问题类别</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>正在计算……</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <source>本周没有集访风险预警</source>
        <translation>No group-visit risk warnings this week</translation>
    </message>
    <message>
        <source>%1 项超过阈值，%2 条集访预警</source>
        <translation>%1 beyond thresholds; group-visit warnings: %2</translation>
    </message>
    <message>
        <source>%1 本周事项</source>
        <translation>%1: matters this week</translation>
    </message>
</context>
<context>
    <name>HotspotTable</name>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>本周件数</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>上周件数</source>
        <translation>Last week</translation>
    </message>
    <message>
        <source>增长</source>
        <translation>Growth</translation>
    </message>
    <message>
        <source>本周人次</source>
        <translation>Persons this wk</translation>
    </message>
    <message>
        <source>上周人次</source>
        <translation>Persons last wk</translation>
    </message>
    <message>
        <source>超过预警阈值</source>
        <translation>Beyond the warning threshold</translation>
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
        <translation>Hukou</translation>
    </message>
    <message>
        <source>证件信息</source>
        <translation>ID details</translation>
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
        <translation> person(s)</translation>
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
        <translation>Visitors</translation>
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
        <translation>Township</translation>
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
        <translation>Place</translation>
    </message>
    <message>
        <source>涉及部门</source>
        <translation>Departments</translation>
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
        <source>被反映对象</source>
        <translation>Respondents</translation>
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
        <translation>Add</translation>
    </message>
    <message>
        <source>收到材料</source>
        <translation>Materials</translation>
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
    <name>IntakeSources</name>
    <message>
        <source>联合调处：%1</source>
        <translation>Joint mediation: %1</translation>
    </message>
    <message>
        <source>无法建组</source>
        <translation>Cannot form the group</translation>
    </message>
    <message>
        <source>本次登记保存后并入联合调处组</source>
        <translation>Once saved, this registration joins the mediation group</translation>
    </message>
    <message>
        <source>等</source>
        <translation> etc.</translation>
    </message>
    <message>
        <source>%1（%2 件：%3）</source>
        <translation>%1 (%2 matters: %3)</translation>
    </message>
</context>
<context>
    <name>IntegrityWatch</name>
    <message>
        <source>数据库已损坏</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <source>启动后的完整性检查发现数据库文件已损坏，已停止一切写入。请由管理员用“恢复备份”恢复。</source>
        <translation>The integrity check after start-up found the database file damaged; all writing has stopped. An administrator should restore a backup (Restore backup).</translation>
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
    <name>LetterAction</name>
    <message>
        <source>问责建议函…</source>
        <translation>Accountability letter…</translation>
    </message>
    <message>
        <source>起草信访工作问责建议函（科长、管理员）</source>
        <translation>Draft a letter recommending accountability (section chief, administrator)</translation>
    </message>
    <message>
        <source>已起草问责建议函：%1</source>
        <translation>Accountability letter drafted: %1</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>信访接待台</source>
        <translation>Xinfang Desk</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>切换用户</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <source>退出程序</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>%1 已离开。输入密码解锁，或切换用户。</source>
        <translation>%1 stepped away. Enter the password to unlock, or switch user.</translation>
    </message>
    <message>
        <source>请登录</source>
        <translation>Please sign in</translation>
    </message>
    <message>
        <source>已注销。未保存的登记内容会保留给下一位登录的接待员。</source>
        <translation>Signed out. An unsaved registration is kept for the next clerk to sign in.</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
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
        <translation>Matters</translation>
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
        <source>源头治理</source>
        <translation>Root causes</translation>
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
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>关于信访接待台…</source>
        <translation>About Xinfang Desk…</translation>
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
        <source>导入旧台账</source>
        <translation>Import an old register</translation>
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
        <source>界面语言已更改，重新启动程序后生效</source>
        <translation>Language changed: it shows from the next start of the program</translation>
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
    <message>
        <source>系统(&amp;S)</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>审计日志…</source>
        <translation>Audit log…</translation>
    </message>
    <message>
        <source>账户管理…</source>
        <translation>Accounts…</translation>
    </message>
    <message>
        <source>自动备份设置…</source>
        <translation>Automatic backups…</translation>
    </message>
    <message>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>切换用户…</source>
        <translation>Switch user…</translation>
    </message>
    <message>
        <source>注销</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>当前用户：%1（%2）</source>
        <translation>Signed in: %1 (%2)</translation>
    </message>
    <message>
        <source>未登录</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>接待人即当前登录的账户；换人请用“系统 → 切换用户”</source>
        <translation>The clerk is the signed-in account; to change, use “System → Switch user”</translation>
    </message>
    <message>
        <source>已导出本人记录到 %1</source>
        <translation>Own record exported to %1</translation>
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
    <name>MatterListDialog</name>
    <message>
        <source>正在读取……</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>事项编号</source>
        <translation>Matter number</translation>
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
        <source>属地</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
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
        <source>%1：共 %2 件事项（双击一行打开）</source>
        <translation>%1: %2 matters (double-click a row to open)</translation>
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
        <translation>Township</translation>
    </message>
    <message>
        <source>问题发生地</source>
        <translation>Place</translation>
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
        <source>显示</source>
        <translation>Show</translation>
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
        <translation>Deadline</translation>
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
        <translation>Deadlines</translation>
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
        <translation>Township</translation>
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
    <name>PasswordDialog</name>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>再次输入密码</source>
        <translation>Password again</translation>
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
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
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
    <name>Reveal</name>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>phone number</translation>
    </message>
    <message>
        <source>显示完整号码</source>
        <translation>Show the full number</translation>
    </message>
    <message>
        <source>查看完整%1的事由（将记入审计日志）：</source>
        <translation>Why view the full %1 (written to the audit log):</translation>
    </message>
    <message>
        <source>来访人本人记录_%1</source>
        <translation>visitor-own-record_%1</translation>
    </message>
    <message>
        <source>导出本人完整记录</source>
        <translation>Export own full record</translation>
    </message>
    <message>
        <source>JSON 文件 (*.json)</source>
        <translation>JSON file (*.json)</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>接待员</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>科长</source>
        <translation>Section chief</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
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
        <source>接待人即当前登录的账户</source>
        <translation>The clerk is the signed-in account</translation>
    </message>
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
        <source>空闲锁定（分钟，0为不锁定）</source>
        <translation>Lock when idle (minutes, 0 never)</translation>
    </message>
    <message>
        <source>连续输错密码锁定（次）</source>
        <translation>Lock after wrong passwords (times)</translation>
    </message>
    <message>
        <source>账号锁定时长（分钟）</source>
        <translation>Lockout length (minutes)</translation>
    </message>
    <message>
        <source>界面语言在下次启动程序时生效</source>
        <translation>The language changes from the next start of the program</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
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
    <name>SignInDialog</name>
    <message>
        <source>信访接待台</source>
        <translation>Xinfang Desk</translation>
    </message>
    <message>
        <source>登录 — %1</source>
        <translation>Sign in — %1</translation>
    </message>
    <message>
        <source>请登录</source>
        <translation>Please sign in</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>SimilarPanel</name>
    <message>
        <source>相似事项</source>
        <translation>Similar matters</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <source>为何相似</source>
        <translation>Why similar</translation>
    </message>
    <message>
        <source>属地·状态</source>
        <translation>Township · status</translation>
    </message>
    <message>
        <source>列表(&amp;J)：</source>
        <translation>Lis&amp;t:</translation>
    </message>
    <message>
        <source>选中事项建组联合调处(&amp;G)</source>
        <translation>&amp;Group the selected for joint mediation</translation>
    </message>
    <message>
        <source>并入该事项所在组(&amp;U)</source>
        <translation>Join its gro&amp;up</translation>
    </message>
    <message>
        <source>取消关联</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <source>正在查找相似事项……</source>
        <translation>Looking for similar matters…</translation>
    </message>
    <message>
        <source>（已在联合调处组）</source>
        <translation> (in a mediation group)</translation>
    </message>
    <message>
        <source>%1 件在办事项可能是同一问题（双击打开）</source>
        <translation>%1 open matters may be the same problem (double-click to open)</translation>
    </message>
    <message>
        <source>没有相似的在办事项</source>
        <translation>No similar open matters</translation>
    </message>
    <message>
        <source>填写概况、诉求或被反映对象后，这里列出可能相同的在办事项</source>
        <translation>Fill in the summary, request or respondents to list open matters that may be the same</translation>
    </message>
    <message>
        <source>本次登记将并入：%1</source>
        <translation>This registration will join: %1</translation>
    </message>
</context>
<context>
    <name>SourcesPage</name>
    <message>
        <source>热点预警</source>
        <translation>Hotspots</translation>
    </message>
    <message>
        <source>专项与积案</source>
        <translation>Campaigns and backlog</translation>
    </message>
    <message>
        <source>部门考核</source>
        <translation>Department assessment</translation>
    </message>
    <message>
        <source>被反映对象管理…</source>
        <translation>Respondents…</translation>
    </message>
</context>
<context>
    <name>StartFailure</name>
    <message>
        <source>信访接待台无法启动</source>
        <translation>Xinfang Desk cannot start</translation>
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
    <name>TallyComparison</name>
    <message>
        <source>&#x3000;&#x3000;</source>
        <translation>    </translation>
    </message>
    <message>
        <source>批次 %1</source>
        <translation>batches %1</translation>
    </message>
    <message>
        <source>人次 %1</source>
        <translation>person-times %1</translation>
    </message>
    <message>
        <source>受理 %1</source>
        <translation>accepted %1</translation>
    </message>
    <message>
        <source>办结率 %1</source>
        <translation>closure rate %1</translation>
    </message>
    <message>
        <source>环比</source>
        <translation>vs previous period</translation>
    </message>
    <message>
        <source>同比</source>
        <translation>vs a year before</translation>
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
        <source>%1个百分点</source>
        <translation>%1 percentage points</translation>
    </message>
    <message>
        <source>%1年第%2周</source>
        <translation>week %2 of %1,</translation>
    </message>
    <message>
        <source>—</source>
        <translation> – </translation>
    </message>
    <message>
        <source>%1月%2日</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>%1年%2月%3日</source>
        <translation>%1-%2-%3</translation>
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
        <translation>Count</translation>
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
        <translation>Body</translation>
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
    <name>ThresholdDialog</name>
    <message>
        <source>预警阈值</source>
        <translation>Warning thresholds</translation>
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
        <translation>Give feedback</translation>
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
        <translation>Record assignment from above</translation>
    </message>
    <message>
        <source>上报</source>
        <translation>Report up</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>{y}年节假日安排尚未公布（目前按法定节假日推算，未含调休），公布后请在设置中更新</source>
        <translation>The {y} holiday arrangement is not announced yet (estimated from the statutory holidays, without make-up working days); update it in Settings once announced</translation>
    </message>
    <message>
        <source>或换行</source>
        <translation> or line breaks</translation>
    </message>
    <message>
        <source>系统</source>
        <translation>system</translation>
    </message>
    <message>
        <source>命令行:</source>
        <translation>console:</translation>
    </message>
    <message>
        <source>尚未登录，请先登录</source>
        <translation>Nobody is signed in: please sign in</translation>
    </message>
    <message>
        <source>只能以本人（{display_name}）的名义署名，不能署名为“{name}”</source>
        <translation>You can sign only as yourself ({display_name}), not as “{name}”</translation>
    </message>
    <message>
        <source>{label}没有“{label2}”的权限（{permission}）</source>
        <translation>A {label} may not: {label2} ({permission})</translation>
    </message>
    <message>
        <source>{name}.{attr} 不能经由受控服务直接取用</source>
        <translation>{name}.{attr} cannot be reached through the guarded service</translation>
    </message>
    <message>
        <source>操作 {name}.{attr} 未列入权限表，已拒绝</source>
        <translation>{name}.{attr} is not in the permission table: refused</translation>
    </message>
    <message>
        <source>接待员</source>
        <translation>clerk</translation>
    </message>
    <message>
        <source>科长</source>
        <translation>section chief</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>密码长度应为{min_password}至{max_password}个字符</source>
        <translation>A password is {min_password} to {max_password} characters long</translation>
    </message>
    <message>
        <source>密码须同时包含字母和数字</source>
        <translation>A password must contain both letters and digits</translation>
    </message>
    <message>
        <source>密码不能与用户名相同</source>
        <translation>The password cannot be the user name</translation>
    </message>
    <message>
        <source>密码不能包含控制字符</source>
        <translation>A password cannot contain control characters</translation>
    </message>
    <message>
        <source>用户名“{username}”已被使用</source>
        <translation>The user name “{username}” is taken</translation>
    </message>
    <message>
        <source>没有用户名为“{strip}”的账号</source>
        <translation>There is no account with the user name “{strip}”</translation>
    </message>
    <message>
        <source>用户名应为2至32位字母、数字或 . _ -，以字母或数字开头</source>
        <translation>A user name is 2 to 32 letters, digits or . _ -, starting with a letter or digit</translation>
    </message>
    <message>
        <source>姓名不能为空，不超过32个字，且不含控制字符</source>
        <translation>A name is 1 to 32 characters, without control characters</translation>
    </message>
    <message>
        <source>角色只能是接待员、科长或管理员</source>
        <translation>The role must be clerk, section chief or administrator</translation>
    </message>
    <message>
        <source>已有账号，不能再次创建首个管理员</source>
        <translation>Accounts exist already: the first administrator cannot be created again</translation>
    </message>
    <message>
        <source>不能停用最后一个管理员账号</source>
        <translation>The last administrator&apos;s account cannot be disabled</translation>
    </message>
    <message>
        <source>{label}应为0到{limit}之间的整数</source>
        <translation>{label} must be a whole number from 0 to {limit}</translation>
    </message>
    <message>
        <source>备份文件与其清单（.json）中的校验值不符，文件可能已损坏，未恢复</source>
        <translation>The backup does not match the checksum in its manifest (.json); it may be damaged and was not restored</translation>
    </message>
    <message>
        <source>备份文件夹应为文字</source>
        <translation>The backup folder must be text</translation>
    </message>
    <message>
        <source>备份文件不能是当前数据库本身，也不能以 .json 结尾</source>
        <translation>The backup file cannot be the current database itself, nor end in .json</translation>
    </message>
    <message>
        <source>找不到备份文件 {source}</source>
        <translation>Backup file {source} not found</translation>
    </message>
    <message>
        <source>不能用当前数据库自身来恢复</source>
        <translation>The current database cannot be restored from itself</translation>
    </message>
    <message>
        <source>备份文件已损坏，未恢复：{problems}</source>
        <translation>The backup is damaged and was not restored: {problems}</translation>
    </message>
    <message>
        <source>该文件不是信访接待台的数据库（没有版本信息），未恢复</source>
        <translation>This file is not a Xinfang Desk database (no version information); not restored</translation>
    </message>
    <message>
        <source>该备份由更新版本的程序创建（版本 {found}），本程序无法恢复，请先升级程序</source>
        <translation>This backup was made by a newer version of the program (version {found}) and cannot be restored here: upgrade the program first</translation>
    </message>
    <message>
        <source>至少要保留一份备份</source>
        <translation>At least one backup must be kept</translation>
    </message>
    <message>
        <source>该文件不是有效的数据库备份，无法打开（{error}）</source>
        <translation>This file is not a valid database backup and cannot be opened ({error})</translation>
    </message>
    <message>
        <source>备份副本未通过完整性检查，未保存：{problems}</source>
        <translation>The backup copy failed the integrity check and was not kept: {problems}</translation>
    </message>
    <message>
        <source>该事项未转送或交办至{name}（或已退回）</source>
        <translation>This matter was not forwarded or assigned to {name} (or has been returned)</translation>
    </message>
    <message>
        <source>已{label}至{name}，不能重复</source>
        <translation>Already {label} to {name}; it cannot be done twice</translation>
    </message>
    <message>
        <source>请至少选择一个部门</source>
        <translation>Choose at least one department</translation>
    </message>
    <message>
        <source>同一部门选择了两次</source>
        <translation>The same department was chosen twice</translation>
    </message>
    <message>
        <source>退回期限已过：{name}应于{due}前（{kind}后{days}个工作日内）提出异议，现已不能退回，请按督办程序处理</source>
        <translation>Too late to return it: {name} had to object by {due} (within {days} working days of the {kind}); it can no longer be returned, use supervision instead</translation>
    </message>
    <message>
        <source>{department}已于{assignment}签收</source>
        <translation>{department} signed for it on {assignment}</translation>
    </message>
    <message>
        <source>{department}已签收，不能再退回</source>
        <translation>{department} has signed for it and can no longer return it</translation>
    </message>
    <message>
        <source>{department}尚未签收，不能反馈</source>
        <translation>{department} has not signed for it yet and cannot give feedback</translation>
    </message>
    <message>
        <source>理由为“{reason}”的，请选择“不再受理”</source>
        <translation>For the reason “{reason}”, choose “Refuse again”</translation>
    </message>
    <message>
        <source>请从列表中选择不予受理的理由</source>
        <translation>Choose the reason for not accepting from the list</translation>
    </message>
    <message>
        <source>延期天数应为1至{most}日，现为{days}日</source>
        <translation>The extension must be 1 to {most} days; it is {days}</translation>
    </message>
    <message>
        <source>该事项已延期一次，依法不能再次延期</source>
        <translation>This matter has been extended once; by law it cannot be extended again</translation>
    </message>
    <message>
        <source>该事项没有正在计算的办理期限，无法延期</source>
        <translation>This matter has no handling period running, so it cannot be extended</translation>
    </message>
    <message>
        <source>请选择包案领导</source>
        <translation>Choose the leader in charge</translation>
    </message>
    <message>
        <source>五包一成员最多{team_max}人，现为{members}人</source>
        <translation>The five-to-one team has at most {team_max} members; there are {members}</translation>
    </message>
    <message>
        <source>同一领导在五包一成员中出现了两次</source>
        <translation>The same leader appears twice in the five-to-one team</translation>
    </message>
    <message>
        <source>{in_charge}已是包案领导，不必再列入五包一成员</source>
        <translation>{in_charge} is already the leader in charge and need not be in the team</translation>
    </message>
    <message>
        <source>没有名为“{name}”的领导，请先在设置中添加</source>
        <translation>There is no leader named “{name}”: add them first</translation>
    </message>
    <message>
        <source>已有名为“{clean}”的领导</source>
        <translation>A leader named “{clean}” already exists</translation>
    </message>
    <message>
        <source>{name}在{day}已安排接访</source>
        <translation>{name} already has a reception day on {day}</translation>
    </message>
    <message>
        <source>来访记录或领导接访日不存在，请刷新后重试</source>
        <translation>The visit or the reception day no longer exists: refresh and try again</translation>
    </message>
    <message>
        <source>来访日期{date}不是该接访日</source>
        <translation>The visit date {date} is not that reception day</translation>
    </message>
    <message>
        <source>请填写要合并到的事项编号</source>
        <translation>Enter the number of the matter to merge into</translation>
    </message>
    <message>
        <source>不能把事项合并到它自身</source>
        <translation>A matter cannot be merged into itself</translation>
    </message>
    <message>
        <source>{matter_no}当前状态为{status}，只能合并到尚未办结的事项</source>
        <translation>{matter_no} is {status}; a matter can only be merged into one still open</translation>
    </message>
    <message>
        <source>{what}申请期限已过：{served}于{start}送达，应于{due}前申请{what2}（{days}日），现已超过，不予受理{what3}申请</source>
        <translation>Too late for {what}: the {served} was served on {start}, so {what2} had to be asked by {due} ({days} days); the {what3} request is not accepted</translation>
    </message>
    <message>
        <source>{name}未参与办理该事项，不能对其评价</source>
        <translation>{name} took no part in handling this matter and cannot be rated</translation>
    </message>
    <message>
        <source>评价结果只能是{rating_results}</source>
        <translation>The rating must be one of {rating_results}</translation>
    </message>
    <message>
        <source>没有编号为 {matter_no} 的信访事项</source>
        <translation>There is no matter numbered {matter_no}</translation>
    </message>
    <message>
        <source>经办人“{name}”不在接待人名单中，请在设置中添加</source>
        <translation>“{name}” is not on the list of clerks: add them in Settings</translation>
    </message>
    <message>
        <source>没有名为“{name}”的部门，请从部门列表中选择</source>
        <translation>There is no department named “{name}”: choose one from the list</translation>
    </message>
    <message>
        <source>请填写{what}</source>
        <translation>Please fill in: {what}</translation>
    </message>
    <message>
        <source>办理结果“{unknown}”不在三到位一处理之列</source>
        <translation>The outcome “{unknown}” is not one of the four outcomes</translation>
    </message>
    <message>
        <source>请至少选择一项办理结果（解决到位、教育到位、帮扶到位、依法处理）</source>
        <translation>Choose at least one outcome (solved, explained, helped, dealt with by law)</translation>
    </message>
    <message>
        <source>上级要求的办结期限不能早于收到日期</source>
        <translation>The due date set from above cannot be before the date received</translation>
    </message>
    <message>
        <source>该事项已登记上级交办，不能重复登记</source>
        <translation>An assignment from above is already recorded for this matter</translation>
    </message>
    <message>
        <source>该事项不是上级交办件</source>
        <translation>This matter was not assigned from above</translation>
    </message>
    <message>
        <source>上报日期应在收到交办之后、且不晚于今天</source>
        <translation>The report date must be after the assignment was received and not after today</translation>
    </message>
    <message>
        <source>来访数应为正整数</source>
        <translation>The number of visits must be a positive whole number</translation>
    </message>
    <message>
        <source>此步骤需要：{missing}</source>
        <translation>This step needs: {missing}</translation>
    </message>
    <message>
        <source>--to 不能早于 --from</source>
        <translation>--to cannot be before --from</translation>
    </message>
    <message>
        <source>日期“{text}”格式不对，应写作如 2026-12-02</source>
        <translation>The date “{text}” is not valid; write it like 2026-12-02</translation>
    </message>
    <message>
        <source>交换文件应为 .json 文件</source>
        <translation>The exchange file must be a .json file</translation>
    </message>
    <message>
        <source>数据库文件 {path} 不存在</source>
        <translation>The database file {path} does not exist</translation>
    </message>
    <message>
        <source>--to 只能与 --from 一起使用，不能与 --week 同用</source>
        <translation>--to goes with --from only, not with --week</translation>
    </message>
    <message>
        <source>请同时给出 --from 和 --to</source>
        <translation>Give both --from and --to</translation>
    </message>
    <message>
        <source>日期“{text}”格式不对，应写作如 2026-11-01</source>
        <translation>The date “{text}” is not valid; write it like 2026-11-01</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <source>期限天数须为1至{max_days}之间的整数</source>
        <translation>The number of days must be a whole number from 1 to {max_days}</translation>
    </message>
    <message>
        <source>期限单位只能是自然日或工作日</source>
        <translation>The unit must be calendar days or working days</translation>
    </message>
    <message>
        <source>没有名为“{key}”的期限规则</source>
        <translation>There is no deadline rule named “{key}”</translation>
    </message>
    <message>
        <source>没有编号为 {deadline_id} 的期限</source>
        <translation>There is no deadline with id {deadline_id}</translation>
    </message>
    <message>
        <source>事项已{status}，其期限不能再调整</source>
        <translation>The matter is {status}; its deadlines can no longer be adjusted</translation>
    </message>
    <message>
        <source>该环节已完成或期限已不再适用，不能调整</source>
        <translation>This step is done or the deadline no longer applies; it cannot be adjusted</translation>
    </message>
    <message>
        <source>调整后的期限不能早于起算日{start}</source>
        <translation>The adjusted due date cannot be before the start date {start}</translation>
    </message>
    <message>
        <source>调整后的期限与当前期限相同</source>
        <translation>The adjusted due date is the same as the current one</translation>
    </message>
    <message>
        <source>请填写调整理由（不超过{max_reason}字）</source>
        <translation>Enter the reason for the adjustment (at most {max_reason} characters)</translation>
    </message>
    <message>
        <source>数据库由更新版本的程序创建（版本 {found}），本程序无法打开，以免损坏数据。请升级程序。</source>
        <translation>The database was made by a newer version of the program (version {found}); this version will not open it, to avoid damaging the data. Please upgrade the program.</translation>
    </message>
    <message>
        <source>结束日期不能早于开始日期</source>
        <translation>The end date cannot be before the start date</translation>
    </message>
    <message>
        <source>请填写节假日名称（不超过{max_name}个字）</source>
        <translation>Enter the holiday&apos;s name (at most {max_name} characters)</translation>
    </message>
    <message>
        <source>调休上班日必须是星期六或星期日，{isoformat}是工作日</source>
        <translation>A make-up working day must be a Saturday or Sunday; {isoformat} is a working day</translation>
    </message>
    <message>
        <source>{isoformat}不在节假日表中</source>
        <translation>{isoformat} is not in the holiday table</translation>
    </message>
    <message>
        <source>标为集体访，但人数为{headcount}人（集体访须{group_min}人及以上）</source>
        <translation>Marked as a group visit, but with {headcount} persons (a group visit has {group_min} or more)</translation>
    </message>
    <message>
        <source>身份证号有{id_list}个，多于姓名（{name_list}个）</source>
        <translation>{id_list} ID numbers but only {name_list} names</translation>
    </message>
    <message>
        <source>电话有{phone_list}个，多于姓名（{name_list}个）</source>
        <translation>{phone_list} phone numbers but only {name_list} names</translation>
    </message>
    <message>
        <source>请填写信访日期</source>
        <translation>Enter the date of the petition</translation>
    </message>
    <message>
        <source>信访日期“{text}”无法识别，应如 2025-03-04、2025年3月4日</source>
        <translation>The date “{text}” is not recognised; write it like 2025-03-04 or 2025年3月4日</translation>
    </message>
    <message>
        <source>人数“{text}”无法识别，应为数字，如 5 或 5人</source>
        <translation>The number of persons “{text}” is not recognised; write a number such as 5</translation>
    </message>
    <message>
        <source>无法识别 {name} 的文字编码，请另存为 UTF-8 或 .xlsx 后再导入</source>
        <translation>The text encoding of {name} is not recognised: save it as UTF-8 or .xlsx and import again</translation>
    </message>
    <message>
        <source>不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 .csv 后再导入</source>
        <translation>Old .xls files are not supported: save it as .xlsx or .csv in Excel and import again</translation>
    </message>
    <message>
        <source>不支持的文件类型“{suffix}”：请导入 .xlsx 或 .csv 文件</source>
        <translation>Unsupported file type “{suffix}”: import an .xlsx or .csv file</translation>
    </message>
    <message>
        <source>找不到文件 {path}</source>
        <translation>File {path} not found</translation>
    </message>
    <message>
        <source>{source} 中没有内容</source>
        <translation>{source} is empty</translation>
    </message>
    <message>
        <source>{name} 不是有效的 .xlsx 文件，或已损坏</source>
        <translation>{name} is not a valid .xlsx file, or it is damaged</translation>
    </message>
    <message>
        <source>工作簿中没有名为“{chosen}”的工作表，现有：{names}</source>
        <translation>The workbook has no sheet named “{chosen}”; it has: {names}</translation>
    </message>
    <message>
        <source>所确认的来访人编号无效，请重新查找</source>
        <translation>The confirmed visitor is not valid: look them up again</translation>
    </message>
    <message>
        <source>接待人“{clerk}”不在接待人名单中，请在设置中添加</source>
        <translation>The clerk “{clerk}” is not on the list of clerks: add them in Settings</translation>
    </message>
    <message>
        <source>同一来访人在本次登记中出现了两次</source>
        <translation>The same visitor appears twice in this registration</translation>
    </message>
    <message>
        <source>{matter_no} 已合并到其他事项，请按合并后的编号登记</source>
        <translation>{matter_no} has been merged into another matter: register under the merged number</translation>
    </message>
    <message>
        <source>本次来访人均不是 {matter_no} 的信访人，不能登记为该事项的重访</source>
        <translation>None of these visitors petitioned on {matter_no}; this cannot be a repeat visit on it</translation>
    </message>
    <message>
        <source>接待人“{name}”不在接待人名单中，请在设置中添加</source>
        <translation>The clerk “{name}” is not on the list of clerks: add them in Settings</translation>
    </message>
    <message>
        <source>身份证号 {id_number} 已登记为“{name}”，与本次填写的“{name2}”不符，请核对</source>
        <translation>ID number {id_number} is registered as “{name}”, not “{name2}” as typed: please check</translation>
    </message>
    <message>
        <source>所确认的来访人已不存在，请重新查找</source>
        <translation>The confirmed visitor no longer exists: look them up again</translation>
    </message>
    <message>
        <source>所确认的来访人身份证号与本次填写不一致</source>
        <translation>The confirmed visitor&apos;s ID number differs from the one typed</translation>
    </message>
    <message>
        <source>所选的领导接访日不存在，请刷新后重新选择</source>
        <translation>The chosen reception day no longer exists: refresh and choose again</translation>
    </message>
    <message>
        <source>{name}的接访日是{held}，与来访日期{visited}不符</source>
        <translation>{name}&apos;s reception day is {held}, not the visit date {visited}</translation>
    </message>
    <message>
        <source>应为 true 或 false</source>
        <translation>Must be true or false</translation>
    </message>
    <message>
        <source>来访时间格式应为 2026-09-20T09:30</source>
        <translation>The time of visit must be written like 2026-09-20T09:30</translation>
    </message>
    <message>
        <source>应为整数</source>
        <translation>Must be a whole number</translation>
    </message>
    <message>
        <source>应为文字或 null</source>
        <translation>Must be text or null</translation>
    </message>
    <message>
        <source>应为文字列表</source>
        <translation>Must be a list of texts</translation>
    </message>
    <message>
        <source>文件内容应为来访记录的列表（JSON 数组）</source>
        <translation>The file must hold a list of visits (a JSON array)</translation>
    </message>
    <message>
        <source>每条来访记录应为一个 JSON 对象</source>
        <translation>Each visit must be a JSON object</translation>
    </message>
    <message>
        <source>缺少此项</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>应为文字</source>
        <translation>Must be text</translation>
    </message>
    <message>
        <source>应为列表：编号、名称或 {{&quot;name&quot;: …, &quot;kind&quot;: …}}</source>
        <translation>Should be a list: ids, names or {{&quot;name&quot;: …, &quot;kind&quot;: …}}</translation>
    </message>
    <message>
        <source>未知的项（拼写是否有误？）</source>
        <translation>Unknown key (misspelt?)</translation>
    </message>
    <message>
        <source>应为来访人列表</source>
        <translation>Must be a list of visitors</translation>
    </message>
    <message>
        <source>每位来访人须有姓名</source>
        <translation>Every visitor needs a name</translation>
    </message>
    <message>
        <source>应为材料列表</source>
        <translation>Must be a list of materials</translation>
    </message>
    <message>
        <source>每份材料须有名称</source>
        <translation>Every material needs a name</translation>
    </message>
    <message>
        <source>无法读取文件 {path}（文件不存在或没有权限）</source>
        <translation>Cannot read {path} (it does not exist, or there is no permission)</translation>
    </message>
    <message>
        <source>文件不是有效的 JSON：{error}</source>
        <translation>The file is not valid JSON: {error}</translation>
    </message>
    <message>
        <source>应为编号、名称或 {{&quot;name&quot;: …, &quot;kind&quot;: …}}</source>
        <translation>Should be an id, a name or {{&quot;name&quot;: …, &quot;kind&quot;: …}}</translation>
    </message>
    <message>
        <source>界面语言只能是{values}</source>
        <translation>The language must be one of {values}</translation>
    </message>
    <message>
        <source>台账只能导出为 .xlsx 或 .csv 文件</source>
        <translation>The register can be exported as .xlsx or .csv only</translation>
    </message>
    <message>
        <source>迁移的来源须为 SQLite 数据库文件（用 --db 指定）</source>
        <translation>The source of a migration must be an SQLite database file (given with --db)</translation>
    </message>
    <message>
        <source>目标数据库不是空的（{tables} 等表已有数据），拒绝迁移，以免混入或覆盖数据。请新建空数据库再迁移。</source>
        <translation>The target database is not empty ({tables} and other tables hold data): migration refused so that no data is mixed or overwritten. Create an empty database and migrate again.</translation>
    </message>
    <message>
        <source>源数据库文件已损坏，请先恢复备份再迁移：{problems}</source>
        <translation>The source database file is damaged; restore a backup before migrating: {problems}</translation>
    </message>
    <message>
        <source>迁移后核对不一致：表 {name} 源 {rows} 行、目标 {rows2} 行，校验和不同。已全部撤销，目标数据库保持为空。</source>
        <translation>The check after migration failed: table {name} has {rows} rows in the source and {rows2} in the target, with different checksums. Everything was undone; the target database stays empty.</translation>
    </message>
    <message>
        <source>{kind}不分部门，请不要指定部门</source>
        <translation>A {kind} is not per department: do not choose a department</translation>
    </message>
    <message>
        <source>该事项已合并到其他事项，请在合并后的事项上出具文书</source>
        <translation>This matter has been merged: issue documents on the merged matter</translation>
    </message>
    <message>
        <source>该事项已不予受理，不能出具受理告知书</source>
        <translation>This matter was not accepted: no acceptance notice can be issued</translation>
    </message>
    <message>
        <source>该事项尚未受理（当前状态：{status}），不能出具受理告知书</source>
        <translation>This matter is not accepted yet (status: {status}): no acceptance notice can be issued</translation>
    </message>
    <message>
        <source>该事项未由本机关受理办理（没有本机关的办理期限），不能出具受理告知书</source>
        <translation>This bureau is not handling this matter (no handling period of its own): no acceptance notice can be issued</translation>
    </message>
    <message>
        <source>该事项未作不予受理决定（当前状态：{status}），不能出具不予受理告知书</source>
        <translation>No decision not to accept was taken (status: {status}): no non-acceptance notice can be issued</translation>
    </message>
    <message>
        <source>该事项未办理延期（当前状态：{status}），不能出具延期告知书</source>
        <translation>This matter was not extended (status: {status}): no extension notice can be issued</translation>
    </message>
    <message>
        <source>该事项没有办理期限，不能出具延期告知书</source>
        <translation>This matter has no handling period: no extension notice can be issued</translation>
    </message>
    <message>
        <source>该事项尚未答复（当前状态：{status}），不能出具答复意见书</source>
        <translation>This matter has no reply yet (status: {status}): no written reply can be issued</translation>
    </message>
    <message>
        <source>该事项未转送或交办{where}（或已被退回），不能出具转送/交办单</source>
        <translation>This matter was not forwarded or assigned{where} (or was returned): no forwarding / assignment form can be issued</translation>
    </message>
    <message>
        <source>该事项没有督办记录，也没有超期的期限，不能出具督办单</source>
        <translation>This matter is not under supervision and has no overdue deadline: no supervision notice can be issued</translation>
    </message>
    <message>
        <source>该事项没有需要督办{department}的期限或交办记录</source>
        <translation>This matter has no deadline or assignment of {department} to supervise</translation>
    </message>
    <message>
        <source>未知的文书种类：{text}；可选：{kinds}</source>
        <translation>Unknown document kind: {text}; choose from: {kinds}</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>phone number</translation>
    </message>
    <message>
        <source>来访人申请本人信息</source>
        <translation>the visitor asked for their own record</translation>
    </message>
    <message>
        <source>请填写查看原因（不超过{max_reason}个字）</source>
        <translation>Please give the reason for viewing (at most {max_reason} characters)</translation>
    </message>
    <message>
        <source>没有编号为 {person_id} 的来访人</source>
        <translation>There is no visitor numbered {person_id}</translation>
    </message>
    <message>
        <source>只能查看身份证号或电话</source>
        <translation>Only an ID number or a phone number can be viewed</translation>
    </message>
    <message>
        <source>请填写身份证号</source>
        <translation>Enter the ID number</translation>
    </message>
    <message>
        <source>身份证号应为18位（最后一位可为X），或15位旧号码</source>
        <translation>An ID number has 18 characters (the last may be X), or 15 for an old one</translation>
    </message>
    <message>
        <source>身份证号校验位不正确，请核对</source>
        <translation>The ID number&apos;s check digit is wrong: please check</translation>
    </message>
    <message>
        <source>身份证号前两位不是有效的省级行政区代码，请核对</source>
        <translation>The first two digits of the ID number are not a valid province code: please check</translation>
    </message>
    <message>
        <source>身份证号中的出生日期晚于今天，请核对</source>
        <translation>The date of birth in the ID number is after today: please check</translation>
    </message>
    <message>
        <source>身份证号中的出生年份早于{min_birth_year}年，请核对</source>
        <translation>The year of birth in the ID number is before {min_birth_year}: please check</translation>
    </message>
    <message>
        <source>身份证号中的出生日期不存在，请核对</source>
        <translation>The date of birth in the ID number does not exist: please check</translation>
    </message>
    <message>
        <source>联系电话不正确：手机应为以1开头的11位数字，固定电话应带区号</source>
        <translation>The phone number is not valid: a mobile has 11 digits starting with 1, a landline needs its area code</translation>
    </message>
    <message>
        <source>请填写联系电话</source>
        <translation>Enter the phone number</translation>
    </message>
    <message>
        <source>联系电话只能包含数字、空格和“-”，请核对</source>
        <translation>A phone number may hold only digits, spaces and “-”: please check</translation>
    </message>
    <message>
        <source>固定电话请加区号，例如 0755-12345678</source>
        <translation>Add the area code to a landline, e.g. 0755-12345678</translation>
    </message>
    <message>
        <source>请填写来访时间</source>
        <translation>Enter the time of visit</translation>
    </message>
    <message>
        <source>请选择{label}</source>
        <translation>Please choose: {label}</translation>
    </message>
    <message>
        <source>信访目的“{text}”不在可选范围内：{purposes}</source>
        <translation>The purpose “{text}” is not one of: {purposes}</translation>
    </message>
    <message>
        <source>来访人数应为整数</source>
        <translation>The number of visitors must be a whole number</translation>
    </message>
    <message>
        <source>来访人数应在1到{max_headcount}之间</source>
        <translation>The number of visitors must be from 1 to {max_headcount}</translation>
    </message>
    <message>
        <source>材料名称</source>
        <translation>Material name</translation>
    </message>
    <message>
        <source>请至少登记1名来访人</source>
        <translation>Register at least one visitor</translation>
    </message>
    <message>
        <source>来访人数（{headcount}人）少于已登记的来访人（{persons}人）</source>
        <translation>The number of visitors ({headcount}) is less than the visitors registered ({persons})</translation>
    </message>
    <message>
        <source>身份证号和联系电话至少填一项，以便再次来访时识别</source>
        <translation>Enter an ID number or a phone number at least, to recognise the visitor next time</translation>
    </message>
    <message>
        <source>请填写姓名</source>
        <translation>Enter the name</translation>
    </message>
    <message>
        <source>代表最多{max_representatives}人，现在勾选了{chosen}人</source>
        <translation>At most {max_representatives} representatives; {chosen} are ticked</translation>
    </message>
    <message>
        <source>集体访（{group_min}人及以上）须至少登记1名代表</source>
        <translation>A group visit ({group_min} persons or more) must register at least one representative</translation>
    </message>
    <message>
        <source>请填写{label}</source>
        <translation>Please fill in: {label}</translation>
    </message>
    <message>
        <source>信访形式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>乡镇（街道）</source>
        <translation>Township (subdistrict)</translation>
    </message>
    <message>
        <source>内容分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>问题发生地</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>概况</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>诉求</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>接待人</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>来访时间请按本地时间填写，不要带时区（如 2026-09-20T09:30）</source>
        <translation>Write the time of visit in local time, without a time zone (e.g. 2026-09-20T09:30)</translation>
    </message>
    <message>
        <source>{label}“{text}”不在可选范围内：{allowed}</source>
        <translation>{label} “{text}” is not one of: {allowed}</translation>
    </message>
    <message>
        <source>{label}“{text}”不在代码表中，请从列表中选择</source>
        <translation>{label} “{text}” is not in the code table: choose from the list</translation>
    </message>
    <message>
        <source>材料页数应为1到{max_pages}之间的整数</source>
        <translation>Pages must be a whole number from 1 to {max_pages}</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>姓名最多{name_max}个字，现在有{text}个字</source>
        <translation>A name has at most {name_max} characters; this one has {text}</translation>
    </message>
    <message>
        <source>与第{number}位来访人的身份证号相同</source>
        <translation>Same ID number as visitor {number}</translation>
    </message>
    <message>
        <source>{label}最多{limit}个字，现在有{text}个字</source>
        <translation>{label}: at most {limit} characters; now {text}</translation>
    </message>
    <message>
        <source>事项编号</source>
        <translation>Matter number</translation>
    </message>
    <message>
        <source>来访时间不能晚于现在</source>
        <translation>The time of visit cannot be in the future</translation>
    </message>
    <message>
        <source>姓名中不能有{shown}：只能用文字、“·”和空格</source>
        <translation>A name cannot contain {shown}: only letters, “·” and spaces</translation>
    </message>
    <message>
        <source>{label}含有不可见的控制字符{multiline}，请删除</source>
        <translation>{label} contains invisible control characters{multiline}: please delete them</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>Flag</translation>
    </message>
    <message>
        <source>来访时间不能早于2000年1月1日</source>
        <translation>The time of visit cannot be before 1 January 2000</translation>
    </message>
    <message>
        <source>姓名须包含文字</source>
        <translation>A name must contain letters</translation>
    </message>
    <message>
        <source>单位名称不能为空，且不超过64个字</source>
        <translation>The agency name cannot be empty and has at most 64 characters</translation>
    </message>
    <message>
        <source>机关代字不能为空，不超过16个字，且不含〔〕、号或空格</source>
        <translation>The agency code cannot be empty, has at most 16 characters, and no 〔〕, 号 or spaces</translation>
    </message>
    <message>
        <source>联系电话过长</source>
        <translation>The phone number is too long</translation>
    </message>
    <message>
        <source>回执版式只能是 A4 或 80毫米热敏</source>
        <translation>The slip layout must be A4 or 80 mm thermal</translation>
    </message>
    <message>
        <source>接待人姓名不超过32个字</source>
        <translation>The clerk&apos;s name has at most 32 characters</translation>
    </message>
    <message>
        <source>请至少填写一个{what}</source>
        <translation>Please fill in at least one {what}</translation>
    </message>
    <message>
        <source>{what}名称“{n}”超过{max_name}个字</source>
        <translation>The {what} name “{n}” is longer than {max_name} characters</translation>
    </message>
    <message>
        <source>{what}名称有重复</source>
        <translation>{what} names repeat</translation>
    </message>
    <message>
        <source>已完成首次设置（已有账号），不能再次设置</source>
        <translation>The first-run setup is done (accounts exist) and cannot be run again</translation>
    </message>
    <message>
        <source>用户名或密码不正确</source>
        <translation>Wrong user name or password</translation>
    </message>
    <message>
        <source>连续输错密码 </source>
        <translation>Wrong password </translation>
    </message>
    <message>
        <source>连续输错密码 {failures} 次，账号已锁定 {minutes} 分钟，或请管理员解锁</source>
        <translation>Wrong password {failures} times: the account is locked for {minutes} minutes, or ask an administrator to unlock it</translation>
    </message>
    <message>
        <source>用户名或密码不正确（再错 {failed_count} 次将锁定账号）</source>
        <translation>Wrong user name or password ({failed_count} more and the account locks)</translation>
    </message>
    <message>
        <source>该账号已停用，请联系管理员</source>
        <translation>This account is disabled: ask an administrator</translation>
    </message>
    <message>
        <source>连续输错密码次数过多，账号已锁定至 {m}，或请管理员解锁</source>
        <translation>Too many wrong passwords: the account is locked until {m}, or ask an administrator to unlock it</translation>
    </message>
    <message>
        <source>请填写操作人</source>
        <translation>Enter who makes the change</translation>
    </message>
    <message>
        <source>操作人“{clean}”不在接待人名单中，请在设置中添加</source>
        <translation>“{clean}” is not on the list of clerks: add them in Settings</translation>
    </message>
    <message>
        <source>回执版式只能是 a4 或 thermal</source>
        <translation>The slip layout must be a4 or thermal</translation>
    </message>
    <message>
        <source>请填写专项活动代码（不超过32个字符）</source>
        <translation>Please fill in the campaign code (at most 32 characters)</translation>
    </message>
    <message>
        <source>请填写专项活动名称（不超过100个字）</source>
        <translation>Please fill in the campaign name (at most 100 characters)</translation>
    </message>
    <message>
        <source>专项活动类型应为{campaign_kinds}之一</source>
        <translation>The campaign type must be one of {campaign_kinds}</translation>
    </message>
    <message>
        <source>专项活动的结束日期不能早于开始日期</source>
        <translation>A campaign cannot end before it starts</translation>
    </message>
    <message>
        <source>没有编号为 {campaign_id} 的专项活动</source>
        <translation>There is no campaign numbered {campaign_id}</translation>
    </message>
    <message>
        <source>目标类型只能是{target_kinds}</source>
        <translation>The target type must be {target_kinds}</translation>
    </message>
    <message>
        <source>专项活动代码“{code}”已被使用</source>
        <translation>The campaign code “{code}” is taken</translation>
    </message>
    <message>
        <source>编号 {missing} 不存在</source>
        <translation>Id {missing} does not exist</translation>
    </message>
    <message>
        <source>类型“{kind}”不对，应为{entity_kinds}之一</source>
        <translation>The type “{kind}” is wrong: it must be one of {entity_kinds}</translation>
    </message>
    <message>
        <source>请填写被反映对象的{label}</source>
        <translation>Please fill in the respondent&apos;s {label}</translation>
    </message>
    <message>
        <source>被反映对象的{label}不能超过{max_name}个字</source>
        <translation>The respondent&apos;s {label} cannot be longer than {max_name} characters</translation>
    </message>
    <message>
        <source>“{alias}”已是被反映对象“{owner}”的名称或别名</source>
        <translation>“{alias}” is already the name or an alias of the respondent “{owner}”</translation>
    </message>
    <message>
        <source>没有编号为 {entity_id} 的被反映对象</source>
        <translation>There is no respondent numbered {entity_id}</translation>
    </message>
    <message>
        <source>“{name}”已合并到其他被反映对象</source>
        <translation>“{name}” has been merged into another respondent</translation>
    </message>
    <message>
        <source>没有名为“{township}”的乡镇（街道）</source>
        <translation>There is no township (subdistrict) named “{township}”</translation>
    </message>
    <message>
        <source>不能把被反映对象与自身合并</source>
        <translation>A respondent cannot be merged with itself</translation>
    </message>
    <message>
        <source>所选的调处组不存在，请刷新后重新选择</source>
        <translation>The chosen mediation group no longer exists; refresh and choose again</translation>
    </message>
    <message>
        <source>该事项已在调处组“{current}”中</source>
        <translation>The matter is already in the mediation group “{current}”</translation>
    </message>
    <message>
        <source>没有编号为 {group_id} 的调处组</source>
        <translation>There is no mediation group numbered {group_id}</translation>
    </message>
    <message>
        <source>请填写调处组的名称</source>
        <translation>Please fill in the mediation group&apos;s name</translation>
    </message>
    <message>
        <source>调处组名称不能超过{max_title}个字</source>
        <translation>A mediation group&apos;s name cannot be longer than {max_title} characters</translation>
    </message>
    <message>
        <source>调处组至少要有一件信访事项</source>
        <translation>A mediation group needs at least one matter</translation>
    </message>
    <message>
        <source>{matter_no} 不在该调处组中</source>
        <translation>{matter_no} is not in this mediation group</translation>
    </message>
    <message>
        <source>{days}天内有{g}批互不相关的来访人（{matters}件事项、{persons}人）反映“{name}”，涉及{towns}，有集访风险</source>
        <translation>Within {days} days, {g} unrelated groups of visitors ({matters} matters, {persons} persons) raised “{name}”, in {towns}: risk of a group visit</translation>
    </message>
    <message>
        <source>属地不明</source>
        <translation>township unknown</translation>
    </message>
    <message>
        <source>所选的被反映对象已不存在，请重新选择</source>
        <translation>A chosen respondent no longer exists; choose again</translation>
    </message>
    <message>
        <source>被反映对象最多{max_entities}个</source>
        <translation>At most {max_entities} respondents</translation>
    </message>
    <message>
        <source>所选的被反映对象编号无效，请重新选择</source>
        <translation>A chosen respondent&apos;s id is not valid; choose again</translation>
    </message>
    <message>
        <source>所选的调处组编号无效，请重新选择</source>
        <translation>The chosen mediation group&apos;s id is not valid; choose again</translation>
    </message>
    <message>
        <source>请填写被反映对象的名称</source>
        <translation>Please fill in the respondent&apos;s name</translation>
    </message>
    <message>
        <source>被反映对象类型应为{entity_kinds}之一</source>
        <translation>A respondent&apos;s type must be one of {entity_kinds}</translation>
    </message>
    <message>
        <source>被反映对象的名称不能超过{max_name}个字</source>
        <translation>A respondent&apos;s name cannot be longer than {max_name} characters</translation>
    </message>
    <message>
        <source>{matter_no} 的办理记录中没有超期、督办、重访或不满意等问题，无需问责</source>
        <translation>The handling of {matter_no} shows no overdue, supervision, repeat visit or dissatisfaction: no ground for accountability</translation>
    </message>
    <message>
        <source>同一被反映对象：{entity_names}</source>
        <translation>Same respondent: {entity_names}</translation>
    </message>
    <message>
        <source>同一来访人的未结事项</source>
        <translation>An open matter of the same visitor</translation>
    </message>
    <message>
        <source>诉求相近：{words}</source>
        <translation>Similar request: {words}</translation>
    </message>
    <message>
        <source>同乡镇同类别</source>
        <translation>Same township and category</translation>
    </message>
    <message>
        <source>同乡镇</source>
        <translation>Same township</translation>
    </message>
    <message>
        <source>同类别</source>
        <translation>Same category</translation>
    </message>
    <message>
        <source>没有名为“{k}”的阈值</source>
        <translation>There is no threshold named “{k}”</translation>
    </message>
    <message>
        <source>{label}应为{low}到{high}之间的整数</source>
        <translation>{label} must be a whole number from {low} to {high}</translation>
    </message>
    <message>
        <source>不支持的数据库地址，或未安装其驱动（{error}）。</source>
        <translation>Unsupported database address, or its driver is not installed ({error}).</translation>
    </message>
    <message>
        <source>{matter_no} 已{status}，不能再督办</source>
        <translation>{matter_no} is {status} and can no longer be supervised</translation>
    </message>
    <message>
        <source>督办等级只能是普通、黄牌或红牌</source>
        <translation>The supervision level must be ordinary, yellow card or red card</translation>
    </message>
    <message>
        <source>请填写督办理由（不超过{max_reason}字）</source>
        <translation>Enter the reason for supervision (at most {max_reason} characters)</translation>
    </message>
    <message>
        <source>没有编号为 {supervision_id} 的督办</source>
        <translation>There is no supervision with id {supervision_id}</translation>
    </message>
    <message>
        <source>该督办已于{d}解除</source>
        <translation>This supervision was lifted on {d}</translation>
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
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>临期：剩余{left}天，已用去期限的{used}%</source>
        <translation>Near due: {left} days left, {used}% of the period used</translation>
    </message>
    <message>
        <source>{year}年{month}月{day}日</source>
        <translation>{year}-{month}-{day}</translation>
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
        <source>人工督办（{level}）：{reason}（{clerk}，{raised_on}）</source>
        <translation>Supervised by hand ({level}): {reason} ({clerk}, {raised_on})</translation>
    </message>
    <message>
        <source>超期{left}天</source>
        <translation>{left} days overdue</translation>
    </message>
    <message>
        <source>超期超过{red_after_days}天</source>
        <translation>Overdue by more than {red_after_days} days</translation>
    </message>
    <message>
        <source>超期期间群众重访（{last_repeat_visit}）</source>
        <translation>Visited again while overdue ({last_repeat_visit})</translation>
    </message>
    <message>
        <source>，未签收</source>
        <translation>, not signed for</translation>
    </message>
    <message>
        <source>部门逾期未反馈：{department}（期限{due}{not_signed}）</source>
        <translation>Department late with feedback: {department} (due {due}{not_signed})</translation>
    </message>
    <message>
        <source>不支持的文件类型“{suffix}”，请使用 .xlsx、.csv 或 .pdf</source>
        <translation>Unsupported file type “{suffix}”: use .xlsx, .csv or .pdf</translation>
    </message>
    <message>
        <source>信访形式为“领导接访日”时才能选择领导接访日</source>
        <translation>A reception day can be chosen only when the channel is “Leader reception day”</translation>
    </message>
    <message>
        <source>目标须为 PostgreSQL 数据库地址，例如 postgresql+psycopg://用户名:密码@服务器/数据库</source>
        <translation>The target must be a PostgreSQL database URL, e.g. postgresql+psycopg://user:password@server/database</translation>
    </message>
    <message>
        <source>周次“{text}”格式不对，应写作如 2026-W47</source>
        <translation>The week “{text}” is not valid; write it like 2026-W47</translation>
    </message>
    <message>
        <source>统计期间过长（最长约十年）</source>
        <translation>The period is too long (about ten years at most)</translation>
    </message>
    <message>
        <source>{year}年没有第{week}周（ISO周次：一年有52或53周）</source>
        <translation>{year} has no week {week} (an ISO year has 52 or 53 weeks)</translation>
    </message>
    <message>
        <source>当前状态为{status}，不能{label}（仅在{allowed}状态下可以{label2}）</source>
        <translation>The matter is {status}, so “{label}” is not possible (“{label2}” only when {allowed})</translation>
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
        <translation>To the province</translation>
    </message>
    <message>
        <source>进京访</source>
        <translation>To Beijing</translation>
    </message>
    <message>
        <source>涉众型</source>
        <translation>Many people</translation>
    </message>
    <message>
        <source>疫情相关</source>
        <translation>Epidemic</translation>
    </message>
    <message>
        <source>扬言</source>
        <translation>Threats</translation>
    </message>
    <message>
        <source>重点人员</source>
        <translation>Special attention</translation>
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
        <source>《信访工作条例》第二十二条、第二十三条</source>
        <translation>Regulations on Letters and Visits, Art. 22 and 23</translation>
    </message>
    <message>
        <source>《信访工作条例》第二十三条</source>
        <translation>Regulations on Letters and Visits, Art. 23</translation>
    </message>
    <message>
        <source>《信访工作条例》第三十四条</source>
        <translation>Regulations on Letters and Visits, Art. 34</translation>
    </message>
    <message>
        <source>《信访工作条例》第三十五条</source>
        <translation>Regulations on Letters and Visits, Art. 35</translation>
    </message>
    <message>
        <source>《信访工作条例》第三十六条</source>
        <translation>Regulations on Letters and Visits, Art. 36</translation>
    </message>
    <message>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>居民身份证</source>
        <translation>ID card</translation>
    </message>
    <message>
        <source>港澳居民居住证</source>
        <translation>Residence permit (Hong Kong, Macao)</translation>
    </message>
    <message>
        <source>台湾居民居住证</source>
        <translation>Residence permit (Taiwan)</translation>
    </message>
    <message>
        <source>外国人永久居留身份证</source>
        <translation>Foreigner&apos;s permanent residence ID</translation>
    </message>
    <message>
        <source>元旦</source>
        <translation>New Year&apos;s Day</translation>
    </message>
    <message>
        <source>春节</source>
        <translation>Spring Festival</translation>
    </message>
    <message>
        <source>清明节</source>
        <translation>Qingming Festival</translation>
    </message>
    <message>
        <source>劳动节</source>
        <translation>Labour Day</translation>
    </message>
    <message>
        <source>端午节</source>
        <translation>Dragon Boat Festival</translation>
    </message>
    <message>
        <source>中秋节</source>
        <translation>Mid-Autumn Festival</translation>
    </message>
    <message>
        <source>国庆节</source>
        <translation>National Day</translation>
    </message>
    <message>
        <source>信访件编号</source>
        <translation>Matter number</translation>
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
        <source>手机号码</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>Persons</translation>
    </message>
    <message>
        <source>问题属地</source>
        <translation>Township concerned</translation>
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
        <source>信访日期</source>
        <translation>Date of petition</translation>
    </message>
    <message>
        <source>信访形式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>概况</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>诉求</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>登记人</source>
        <translation>Registered by</translation>
    </message>
    <message>
        <source>集体访</source>
        <translation>Group visit</translation>
    </message>
    <message>
        <source>问题发生地</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>是否办结</source>
        <translation>Closed?</translation>
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
        <source>企业</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>项目或小区</source>
        <translation>Project or estate</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>村（居）委会</source>
        <translation>Village (residents&apos;) committee</translation>
    </message>
    <message>
        <source>重点领域</source>
        <translation>Key sector</translation>
    </message>
    <message>
        <source>重点群体</source>
        <translation>Key group</translation>
    </message>
    <message>
        <source>重点问题</source>
        <translation>Key problem</translation>
    </message>
    <message>
        <source>积案化解</source>
        <translation>Backlog clearance</translation>
    </message>
    <message>
        <source>1次</source>
        <translation>1 visit</translation>
    </message>
    <message>
        <source>2–5次</source>
        <translation>2–5 visits</translation>
    </message>
    <message>
        <source>6–10次</source>
        <translation>6–10 visits</translation>
    </message>
    <message>
        <source>11–30次</source>
        <translation>11–30 visits</translation>
    </message>
    <message>
        <source>31次以上</source>
        <translation>31 visits or more</translation>
    </message>
    <message>
        <source>排名</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>交办件数</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>按时签收</source>
        <translation>Signed on time</translation>
    </message>
    <message>
        <source>按期办结</source>
        <translation>Closed on time</translation>
    </message>
    <message>
        <source>重复访件数</source>
        <translation>Repeat visits</translation>
    </message>
    <message>
        <source>重复访率</source>
        <translation>Repeat rate</translation>
    </message>
    <message>
        <source>评价件数</source>
        <translation>Rated</translation>
    </message>
    <message>
        <source>满意件数</source>
        <translation>Rated satisfied</translation>
    </message>
    <message>
        <source>满意率</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>接待员</source>
        <translation>clerk</translation>
    </message>
    <message>
        <source>科长</source>
        <translation>section chief</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>无需登录：是否已有账号（决定是否首次设置）</source>
        <translation>without signing in: whether any account exists (first run or not)</translation>
    </message>
    <message>
        <source>查阅事项、来访人和统计（号码脱敏）</source>
        <translation>read matters, visitors and tallies (numbers masked)</translation>
    </message>
    <message>
        <source>登记来访</source>
        <translation>register visits</translation>
    </message>
    <message>
        <source>打印回执和文书</source>
        <translation>print slips and notices</translation>
    </message>
    <message>
        <source>窗口办理：当场答复、受理审查、签收、反馈、退回、评价、复查复核申请</source>
        <translation>handle at the window: reply on the spot, acceptance review, sign for, feedback, return, rating, review requests</translation>
    </message>
    <message>
        <source>决定与交办：受理、不予受理、转送、交办、延期、答复、办结、合并、复查复核</source>
        <translation>decide and assign: accept, refuse, forward, assign, extend, reply, close, merge, review</translation>
    </message>
    <message>
        <source>包案领导与领导接访日</source>
        <translation>leaders in charge and leader reception days</translation>
    </message>
    <message>
        <source>节假日、期限规则和期限调整</source>
        <translation>holidays, deadline rules and deadline changes</translation>
    </message>
    <message>
        <source>查看完整身份证号和电话</source>
        <translation>view full ID and phone numbers</translation>
    </message>
    <message>
        <source>导出台账和上报数据</source>
        <translation>export the register and reports</translation>
    </message>
    <message>
        <source>导出统计报表（只有数字，没有个人信息）</source>
        <translation>Export statistical reports (figures only, no personal data)</translation>
    </message>
    <message>
        <source>为来访人导出其本人的完整记录</source>
        <translation>export a visitor&apos;s own full record for them</translation>
    </message>
    <message>
        <source>导入旧台账</source>
        <translation>import an old register</translation>
    </message>
    <message>
        <source>查看和校验审计日志</source>
        <translation>read and verify the audit log</translation>
    </message>
    <message>
        <source>备份与完整性检查</source>
        <translation>backups and integrity checks</translation>
    </message>
    <message>
        <source>恢复备份和设置备份文件夹</source>
        <translation>restore backups and set the backup folder</translation>
    </message>
    <message>
        <source>合并被反映对象、专项治理和问责建议函</source>
        <translation>merge respondents, campaigns and accountability letters</translation>
    </message>
    <message>
        <source>设置热点预警阈值</source>
        <translation>set the hotspot thresholds</translation>
    </message>
    <message>
        <source>修改单位设置</source>
        <translation>change the office&apos;s settings</translation>
    </message>
    <message>
        <source>管理账号</source>
        <translation>manage accounts</translation>
    </message>
    <message>
        <source>仅供程序内部使用（以他人名义写审计记录）</source>
        <translation>internal use only (audit entries in another&apos;s name)</translation>
    </message>
    <message>
        <source>以其他接待员的名义署名（补录、导入历史记录）</source>
        <translation>sign as another clerk (late entries, imported history)</translation>
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
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
</TS>
