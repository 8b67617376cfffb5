<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办理后状态不变。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办理后状态变为“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardFilters</name>
    <message>
        <source>全部部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部首接人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部包案领导</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>超期和临期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部级别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未督办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只看需关注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>首接人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>包案领导</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>级别</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <source>责任部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>首接人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>需关注事项：按部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>需关注事项：按首接人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>督办…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>解除督办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印督办单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>刷新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>显示前 %1 件，共 %2 件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 %2 件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>超期 %1 件，临期 %2 件，红牌 %3，黄牌 %4，普通 %5（需关注共 %6 件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已对 %1 %2督办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已解除 %1 的%2督办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>解除 %1 的%2督办（%3）？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已出具督办单 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{level}（{day}，{by}）{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>解除哪一项督办？</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardTableModel</name>
    <message>
        <source>超期%1天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>今日到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（暂定）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本机关</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>概况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期限事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>责任部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>剩余天数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>督办级别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>首接人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>包案领导</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期限所在年份的调休安排尚未公布，此日期为推算</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <source>节假日与期限规则</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>节假日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期限规则</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未设置，请先在“设置”中填写接待人）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改后，所有未办结事项的期限立即重新计算。操作人：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>试导入检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>逐行按登记表的规则检查，不写入任何数据。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>拒绝原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在检查……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 %1 行：可导入 %2 行，拒绝 %3 行，跳过 %4 行（已导入过或重复）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有被拒绝的行，不能导入（全部导入或全部不导入）。请在原文件中改正后返回第一步重新选择。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有需要导入的行。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部可以导入：点“下一步”。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountsTable</name>
    <message>
        <source>件数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeadlineOverrideDialog</name>
    <message>
        <source>%1：现为 %2（起算日 %3）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调整期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调整的理由（将记入办理过程）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新的期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeadlinesPanel</name>
    <message>
        <source>%1（%2）：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DepartmentForm</name>
    <message>
        <source>退回理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>反馈内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>部门</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DepartmentsForm</name>
    <message>
        <source>部门（可多选）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <source>明细：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在读取……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1：共 %2 次来访（双击一行打开其事项）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1：共 %2 件事项（双击一行打开）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（重访）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExtendForm</name>
    <message>
        <source> 日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>延期理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>批准延期的负责人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>延期天数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>批准人</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>选择旧台账文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>支持 .xlsx 和 .csv；表头所在行自动识别。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作表：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择旧台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>台账文件 (*.xlsx *.xlsm *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表头在第 %1 行，共 %2 列、%3 行数据</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>可能是同一人（姓名、电话相同），请核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>性别 / 出生日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>户籍地</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在办事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事项编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>概况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>首接人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>告知期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访次数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本次为该事项的重访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>历次来访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>形式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接待人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输入身份证号（或姓名和电话）后，这里显示来访人的历次来访和在办事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>首次来访：没有此人的来访记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>曾来访 %1 次，在办事项 %2 件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在办事项（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>历次来访（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&#x3000;%2&#x3000;%3&#x3000;来访 %4 次，最近 %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>是同一人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不是</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（重访）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HolidayEditor</name>
    <message>
        <source>年份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如：春节；调休上班日填所服务的节日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存此日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除此日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>星期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>国务院通知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>推算（未含调休）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>手工录入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>放假</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调休上班</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已公布</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未公布：按法定节假日推算，未含调休</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1年安排：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>标记为未公布</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>标记为已公布</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已重新计算：%1 个期限随之调整</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部导入或全部不导入；导入的来访参与重访判断和统计。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导入……</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>导入旧台账</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>保存登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印回执</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印预览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>草稿无法保存：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重访：交首接人 %1 办理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{no}&#x3000;{summary}（{status}，首接人 {clerk}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（请选择接访领导）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当日没有安排领导接访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&#x3000;%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>放弃当前填写的内容，开始新登记？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有 %1 处需要更正，已在表中标出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记已保存。现在打印回执吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已登记：%1&#x3000;&#x3000;查询码 %2&#x3000;&#x3000;告知期限 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%Y年%m月%d日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&#x3000;&#x3000;（重访，交首接人 %1 办理）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还没有已保存的登记，无法打印回执</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法打印回执</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第%1行：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18位身份证号，读卡或输入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>性别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年龄</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>户籍地</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证件信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>手机或座机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>住址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信访形式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未选）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>集体访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信访目的</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接访领导</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同行登记人员（集体访须登记代表，最多5名）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上面的登记人是代表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>代表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信访事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输入或选择乡镇（街道）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>拼音首字母或文字，如 cxjs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题属地</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>内容分类</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一句话概括反映的问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题发生地</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>涉及部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事项概况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访人的诉求，尽量用其原话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>诉求内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>材料、标记与重访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>材料名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>页数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收到材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>标记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重访事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接待人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存后打印回执</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1岁</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeadersDialog</name>
    <message>
        <source>领导与接访日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>领导</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>职务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>职务，如：副县长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加领导</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>领导接访日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>到</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接访领导</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地点，如：县信访局接待大厅</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>安排接访日</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeadersForm</name>
    <message>
        <source>设置包案领导</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>包案领导</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>五包一成员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已选 %1 人（最多 %2 人）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeadersPanel</name>
    <message>
        <source>%1（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设置包案领导…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>包案领导与五包一</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>包案领导</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>五包一成员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上级交办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>交办机关</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办结时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上报日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记上级交办…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上报结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（非上级交办件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未上报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（逾期上报）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>来访登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信访事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>督办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>知道了</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>今日来访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>我的待办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设置…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>节假日与期限规则…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>领导与接访日…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入旧台账…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出台账…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查看(&amp;V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>督办台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信访接待台 — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接待人：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未设置）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>督办 (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>督办 %1 件：超期 %2，临期 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存 %1，查询码 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>对应各列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>左边是本系统的字段，右边选文件中的列；已按表头名称自动对应，可以改。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（无此列）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatterHeader</name>
    <message>
        <source>请在左侧选择一件信访事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>首接人：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下一期限：无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已超期 %1 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>剩 %1 天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下一期限：%1%2 %3，%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1督办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>包案领导：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatterSections</name>
    <message>
        <source>事项编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查询码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信访形式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信访目的</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>内容分类</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题属地</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题发生地</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>诉求</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>代表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>初访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{at} {channel} {kind} {people} 接待：{clerk}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>环节</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>经办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办理过程</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>交办时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办理期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>反馈</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未签收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记回执：已打印 %1 次（第 2 次起为补打）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（补打）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>起算日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>到期日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（人工调整）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（申请期）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本机关</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已完成 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不再适用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调整</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>案件服务未提供期限编号</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatterView</name>
    <message>
        <source>打印文书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印文书（%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回执预览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印回执</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>承办部门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已印文书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>领导包案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请在左侧选择一件信访事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>。已重新载入该事项，请核对后再操作。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信访接待台</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MattersPage</name>
    <message>
        <source>按编号、姓名、身份证号、电话或诉求内容搜索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>找到 %1 件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（只列出前 %1 件，请细化搜索）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 %1 件，已列出 %2 件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信访接待台</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MattersTableModel</name>
    <message>
        <source>信访件编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题属地</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>内容分类</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事项概况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>首接人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>告知期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访次数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>告知已超期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>告知期限将至（3日内）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeForm</name>
    <message>
        <source>要并入的事项编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>并入事项</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MyTasksPanel</name>
    <message>
        <source>我的待办：请先在设置中填写接待人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>我的待办（%1）：没有临期或超期的事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>我的待办（%1）：%2 件需关注，其中超期 %3 件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（显示最紧急的 %1 件）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteForm</name>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可不填</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticePrinter</name>
    <message>
        <source>%1（不可出具）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>预览…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已打印%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 已编号存档，未打印，可稍后补打</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文书编号已变为 %1，请使用重新打印的一份</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutcomesForm</name>
    <message>
        <source>答复内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办理结果</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>无法打开要打印的文件：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印机无法开始打印，请检查打印机</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <source>信访接待台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>是</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>否</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RaiseDialog</name>
    <message>
        <source>督办 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>督办理由，如：群众反映强烈，请加快办理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>督办级别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>督办理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>督办人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未设置）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>督办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RateForm</name>
    <message>
        <source>评价结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>评价对象</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefuseForm</name>
    <message>
        <source>理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>告知途径</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <source>上报结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上报日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleEditor</name>
    <message>
        <source>最后一日为节假日时顺延至节假日后第一个工作日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存此规则</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期限事项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>天数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>末日顺延</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>顺延</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>依据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>是</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>否</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已重新计算：%1 个期限随之调整</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>单位与打印设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>系统默认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>80毫米热敏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>机关代字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>窗口电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回执版式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接待人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1（未连接）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（机关代字）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编号示例：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TallyPage</name>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV 文件 (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>批次 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人次 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办结率 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1（%2）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>，</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&#x3000;&#x3000;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导出……</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信访周报表_%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出统计表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访登记台账_%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出 %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TallyTableModel</name>
    <message>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextForm</name>
    <message>
        <source>意见内容</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <source>今日来访 %1：%2 批，%3 人次</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>第%1周</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{week}（{key}）：{batches}批 {persons}人次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>近%1周来访趋势</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>暂无数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>批次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人次</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpperForm</name>
    <message>
        <source>登记上级交办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如：市信访局</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如：市信交〔2026〕8号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>交办机关</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>交办文号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办结时限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitsTableModel</name>
    <message>
        <source>重访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>初访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信访件编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>形式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>初/重访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>接待人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>概况</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>来访时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事项编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来访人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>形式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>概况</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>page</name>
    <message>
        <source>按周</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第 </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 周</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出 CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vocabulary</name>
    <message>
        <source>来访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来信</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>网上信访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>领导信箱</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>领导接访日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>求决</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申诉</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>意见建议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检举控告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>咨询</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>越级访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>赴省访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>进京访</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>涉众型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>疫情相关</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>扬言</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重点人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理审查中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>转送</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>交办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办理中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>延期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已答复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复查申请</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复查中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复查意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复核申请</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复核中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复核意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不再受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>合并</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当场答复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理审查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>签收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>反馈</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>答复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复核</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>包案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上级交办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上报</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>首个部门签收时（转送、交办状态下）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部部门均已退回时</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>属于诉讼/仲裁/行政复议途径</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不属于本机关职权范围</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>应向人大/法院/检察院提出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已经复核，同一事实和理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>超过复查/复核申请期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>政法机关/人民法院等（诉访分离）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有权处理的机关</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>相应机关</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（不再受理）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>解决到位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>教育到位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>帮扶到位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>依法处理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未评价</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>普通</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>黄牌</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>红牌</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正常</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>临期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>超期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>转送、交办或告知受理与否</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>对转送、交办提出异议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办理并书面答复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>延长办理期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申请复查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作出复查意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>申请复核</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作出复核意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自然日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理告知书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不予受理告知书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>转送交办单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>延期告知书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>答复意见书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>督办单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本机关</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>督办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>期限调整</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>政法</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>涉法诉讼</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>治安管理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>户籍管理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>交通管理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>司法行政</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>科技与信息产业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>网络通信</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信息服务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>纪检监察</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>违纪违法</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作风问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>党务政务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>政务服务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行政执法</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>政府信息公开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自然资源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>土地征收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>土地权属</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>矿产资源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>林地林权</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>教育文体</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>入学就学</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>教师待遇</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>校园安全</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文化体育</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>劳动和社会保障</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>劳动关系</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工资拖欠</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>社会保险</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工伤认定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退休待遇</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>城乡建设</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>住房保障与房地产</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>城乡规划</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>物业管理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>拆迁安置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>市政设施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>建筑质量</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>农村农业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>土地承包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>村务管理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>惠农补贴</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>农民负担</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>卫生健康</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>医患纠纷</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>医疗保障</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>食品药品</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>生态环境</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>环境污染</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>噪声扰民</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>生态保护</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>交通运输</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>道路建设</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>客运出租</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>交通事故赔偿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>民政</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>社会救助</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>婚姻登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>殡葬管理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>养老服务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>优抚安置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>经济管理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>企业改制</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>金融借贷</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>非法集资</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>税费征收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>商贸旅游</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>市场管理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>消费维权</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>旅游服务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>组织人事</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>干部人事</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工资福利</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>人事档案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他事项</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>恢复上次未保存的登记？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信访接待台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>程序内部错误，已记入日志。已填写的内容已自动保存为草稿，不会丢失。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
