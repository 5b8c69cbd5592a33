/// The catalog shipped with the tool (CATALOG.md): the kinds of INPUTS.md and the metrics of
/// METRICS.md, declared in the same TOML a user writes in config.toml, and read by the same parser.
/// A declaration in config.toml with a built-in id or name replaces the built-in one.
///
/// `[[fields]]` declares fields that several kinds share, once: a kind's `fields` may name such a
/// field by its name alone, and aliases belong to the field in every kind that has it.
enum BuiltinCatalog {
    static let toml = #"""
# —— Fields shared by several kinds ——
[[fields]]
name = "区县"
type = "district"
aliases = ["所属区县", "县(市、区)", "区(县)", "行政区划", "属地", "地区", "辖区", "县(市,区)", "县市区", "区县名称",
           "县区", "所在区县", "区(县、市)", "区县(市)"]

[[fields]]
name = "镇街"
type = "town"
aliases = ["乡镇(街道)", "镇(街道)", "街道", "乡镇", "镇街名称", "所属镇街", "乡镇街道", "所属乡镇", "所在镇街", "镇(街)"]

[[fields]]
name = "行业领域"
type = "industry"
aliases = ["行业", "所属行业", "行业类别", "领域", "行业分类", "所属领域", "行业(领域)"]

[[fields]]
name = "单位名称"
type = "text"
aliases = ["事故单位", "企业名称", "发生单位", "被检查单位", "当事人", "被处罚单位", "单位", "被检查单位名称", "当事人名称",
           "事故单位名称"]

[[fields]]
name = "事故编号"
type = "id"
aliases = ["编号", "事故ID", "火灾编号"]

[[fields]]
name = "发生时间"
type = "date"
aliases = ["事故发生时间", "发生日期", "事故日期", "日期", "时间", "事故时间", "火灾发生时间", "起火时间", "起火日期", "发生时间日期"]

[[fields]]
name = "事故类型"
type = "text"
aliases = ["事故类别"]

[[fields]]
name = "死亡人数"
type = "count"
aliases = ["死亡", "亡人数", "死亡(人)", "死亡人员"]

[[fields]]
name = "失踪人数"
type = "count"
aliases = ["失踪"]

[[fields]]
name = "重伤人数"
type = "count"
aliases = ["重伤"]

[[fields]]
name = "受伤人数"
type = "count"
aliases = ["受伤", "伤人数", "受伤人员"]
fallback = "重伤人数"        # METRICS.md: 受伤 is 重伤人数 when the sheet gives only that

[[fields]]
name = "直接经济损失"
type = "money"
unit = "万元"
aliases = ["经济损失", "损失金额", "直接损失"]

[[fields]]
name = "事故等级"
type = "level"
aliases = ["等级", "事故级别"]

[[fields]]
name = "指标"
type = "text"
aliases = ["指标名称", "项目"]

[[fields]]
name = "年度"
type = "year"
aliases = ["年份"]

# —— Kinds (INPUTS.md §Record kinds), in the order that breaks the last tie ——
[[kinds]]
name = "事故"
date = "发生时间"
hints = ["事故"]
hint_exclusions = ["火灾", "火情"]
level = { field = "事故等级", stated = ["事故等级"], deaths = ["死亡人数", "失踪人数"], serious = "重伤人数", loss = "直接经济损失" }
fields = [
  "事故编号",
  { name = "发生时间", required = true },
  "区县", "镇街",
  { name = "行业领域", required = true },
  "事故类型", "单位名称",
  { name = "死亡人数", required = true },
  "失踪人数", "重伤人数", "受伤人数", "直接经济损失", "事故等级",
  { name = "是否立案", type = "bool", aliases = ["立案", "立案情况", "是否已立案"] },
  { name = "是否结案", type = "bool", aliases = ["结案", "结案情况", "是否已结案"] },
]

[[kinds]]
name = "火灾"
date = "发生时间"
hints = ["火灾事故", "火灾", "火情"]
hint_exclusions = ["事故"]
distinct_field_or_hint = true    # INPUTS.md §火灾: a fire column or a name that says 火灾
level = { field = "事故等级", stated = ["火灾等级", "事故等级"], deaths = ["死亡人数", "失踪人数"], serious = "重伤人数", loss = "直接经济损失" }
fields = [
  "事故编号",
  { name = "发生时间", required = true },
  "区县", "镇街", "行业领域", "事故类型", "单位名称",
  { name = "起火场所", type = "text", aliases = ["起火部位", "火灾场所"] },
  { name = "起火原因", type = "text", aliases = ["火灾原因"] },
  { name = "死亡人数", required = true },
  "失踪人数", "重伤人数", "受伤人数", "直接经济损失",
  { name = "火灾等级", type = "level", aliases = ["火灾级别"] },
  "事故等级",
]

[[kinds]]
name = "隐患"
date = "排查日期"
hints = ["隐患"]
required_any = [["整改状态", "整改完成日期"]]   # INPUTS.md: a hazard needs 整改状态 or 整改完成日期
rectification = { status = "整改状态", completed = "整改完成日期", deadline = "整改期限" }
fields = [
  { name = "隐患编号", type = "id", aliases = ["编号"] },
  { name = "排查日期", type = "date", required = true, aliases = ["发现日期", "检查日期", "排查时间", "发现时间"] },
  "区县", "镇街", "单位名称", "行业领域",
  { name = "隐患等级", type = "level", values = ["一般", "重大"], default = "一般", aliases = ["隐患级别"] },
  { name = "隐患描述", type = "note", aliases = ["隐患内容", "问题描述", "隐患情况"] },
  { name = "整改状态", type = "status", aliases = ["是否整改", "整改情况", "是否已整改"] },
  { name = "整改期限", type = "date", aliases = ["整改时限", "整改期限日期"] },
  { name = "整改完成日期", type = "date", aliases = ["整改日期", "销号日期", "整改完成时间", "完成整改日期"] },
  { name = "挂牌督办", type = "bool", aliases = ["是否挂牌督办"] },
  { name = "来源", type = "text", aliases = ["检查类型", "排查方式", "隐患来源"] },
]

[[kinds]]
name = "执法检查"
date = "检查日期"
hints = ["检查", "执法"]
fields = [
  { name = "检查日期", type = "date", required = true, aliases = ["日期", "排查日期", "检查时间"] },
  "区县", "镇街",
  { name = "单位名称", required = true },
  "行业领域",
  { name = "检查类型", type = "text", aliases = ["检查方式"] },
  { name = "发现隐患数", type = "count", aliases = ["发现隐患", "隐患数", "查出隐患数", "发现隐患数量"] },
]

[[kinds]]
name = "行政处罚"
date = "立案日期"
hints = ["处罚", "罚款", "案件"]
fields = [
  { name = "案件编号", type = "id", aliases = ["文书编号", "编号", "决定书编号"] },
  { name = "立案日期", type = "date", required = true, aliases = ["处罚日期", "决定日期", "日期", "立案时间"] },
  "区县", "镇街", "单位名称", "行业领域",
  { name = "处罚种类", type = "list", aliases = ["处罚类型", "处罚决定", "处罚内容"] },
  { name = "罚款金额", type = "money", unit = "元", aliases = ["罚款", "罚没金额", "罚款数额"] },
  { name = "事前处罚", type = "bool", aliases = ["是否事前处罚"] },
]

[[kinds]]
name = "目标"
role = "targets"
hints = ["目标"]
fields = [
  { name = "年度", required = true },
  "区县", "镇街",
  { name = "指标", required = true },
  { name = "目标值", type = "number", required = true, aliases = ["目标", "目标数"] },
]

[[kinds]]
name = "填报指标"
role = "returns"
year = "年度"
month = "月份"
hints = ["填报", "指标", "报表"]
fields = [
  { name = "指标", required = true },
  { name = "数值", type = "number", required = true, aliases = ["数量", "本期数", "数据"] },
  "区县", "镇街",
  { name = "年度", required = true },
  { name = "月份", type = "count", aliases = ["月"] },
  { name = "单位", type = "text", aliases = ["计量单位"] },
]

# —— Metrics (METRICS.md §Core metrics), in the order figures.json lists them ——
[[metrics]]
id = "accidents.count"
name = "事故起数"
kind = "事故"
measure = "count"
unit = "起"
group = "事故"
label = "起数"

[[metrics]]
id = "accidents.deaths"
name = "事故死亡人数"
kind = "事故"
measure = "sum:死亡人数+失踪人数"
unit = "人"
group = "事故"
label = "死亡人数"

[[metrics]]
id = "accidents.injuries"
name = "事故受伤人数"
kind = "事故"
measure = "sum:受伤人数"
unit = "人"
group = "事故"
label = "受伤人数"

[[metrics]]
id = "accidents.loss"
name = "直接经济损失"
kind = "事故"
measure = "sum:直接经济损失"
unit = "万元"
group = "事故"
label = "直接经济损失"

[[metrics]]
id = "accidents.major"
name = "较大及以上事故起数"
kind = "事故"
where = { "事故等级" = ">=较大" }
measure = "count"
unit = "起"
group = "事故"
label = "较大及以上起数"

[[metrics]]
id = "accidents.level.ordinary"
name = "一般事故起数"
kind = "事故"
where = { "事故等级" = "一般" }
measure = "count"
unit = "起"
group = "事故"
label = "一般起数"

[[metrics]]
id = "accidents.level.larger"
name = "较大事故起数"
kind = "事故"
where = { "事故等级" = "较大" }
measure = "count"
unit = "起"
group = "事故"
label = "较大起数"

[[metrics]]
id = "accidents.level.major"
name = "重大事故起数"
kind = "事故"
where = { "事故等级" = "重大" }
measure = "count"
unit = "起"
group = "事故"
label = "重大起数"

[[metrics]]
id = "accidents.level.especially_major"
name = "特别重大事故起数"
kind = "事故"
where = { "事故等级" = "特别重大" }
measure = "count"
unit = "起"
group = "事故"
label = "特别重大起数"

[[metrics]]
id = "fires.count"
name = "火灾起数"
kind = "火灾"
measure = "count"
unit = "起"
group = "火灾"
label = "起数"

[[metrics]]
id = "fires.deaths"
name = "火灾死亡人数"
kind = "火灾"
measure = "sum:死亡人数+失踪人数"
unit = "人"
group = "火灾"
label = "死亡人数"

[[metrics]]
id = "fires.injuries"
name = "火灾受伤人数"
kind = "火灾"
measure = "sum:受伤人数"
unit = "人"
group = "火灾"
label = "受伤人数"

[[metrics]]
id = "fires.loss"
name = "火灾直接经济损失"
kind = "火灾"
measure = "sum:直接经济损失"
unit = "万元"
group = "火灾"
label = "直接经济损失"

[[metrics]]
id = "hazards.found"
name = "排查隐患数"
kind = "隐患"
measure = "count"
unit = "条"
group = "隐患"
label = "排查数"

[[metrics]]
id = "hazards.rectified"
name = "已整改隐患数"
kind = "隐患"
where = { "已整改" = "是" }
measure = "count"
unit = "条"
group = "隐患"
label = "已整改数"

[[metrics]]
id = "hazards.rate"
name = "隐患整改率"
ratio = ["hazards.rectified", "hazards.found"]
group = "隐患"
label = "整改率"

[[metrics]]
id = "hazards.major.found"
name = "重大隐患数"
kind = "隐患"
where = { "隐患等级" = "重大" }
measure = "count"
unit = "条"
group = "隐患"
label = "重大隐患数"

[[metrics]]
id = "hazards.major.rectified"
name = "重大隐患已整改数"
kind = "隐患"
where = { "隐患等级" = "重大", "已整改" = "是" }
measure = "count"
unit = "条"
group = "隐患"
label = "重大隐患已整改数"

[[metrics]]
id = "hazards.major.listed"
name = "挂牌督办数"
kind = "隐患"
where = { "挂牌督办" = "是" }
measure = "count"
unit = "条"
group = "隐患"
label = "挂牌督办数"

[[metrics]]
id = "hazards.overdue"
name = "逾期未整改隐患数"
kind = "隐患"
where = { "逾期" = "是" }
measure = "count"
unit = "条"
group = "隐患"
label = "逾期未整改数"

[[metrics]]
id = "inspections.count"
name = "执法检查家次"
kind = "执法检查"
measure = "count"
unit = "家次"
group = "执法"
label = "检查家次"

[[metrics]]
id = "inspections.units"
name = "检查单位数"
kind = "执法检查"
measure = "distinct:单位名称"
unit = "家"
group = "执法"
label = "检查单位数"

[[metrics]]
id = "penalties.count"
name = "行政处罚起数"
kind = "行政处罚"
measure = "count"
unit = "起"
group = "执法"
label = "处罚起数"

[[metrics]]
id = "penalties.fines"
name = "罚款金额"
kind = "行政处罚"
measure = "sum:罚款金额"
unit = "万元"
group = "执法"
label = "罚款金额"

[[metrics]]
id = "penalties.shutdowns"
name = "责令停产整顿数"
kind = "行政处罚"
where = { "处罚种类" = ["*停产整顿*", "*停业整顿*", "*停产(停业)整顿*"] }
measure = "count"
unit = "家"
group = "执法"
label = "责令停产整顿数"

[[metrics]]
id = "penalties.pre"
name = "事前处罚起数"
kind = "行政处罚"
where = { "事前处罚" = "是" }
measure = "count"
unit = "起"
group = "执法"
label = "事前处罚起数"

# —— Further built-in metrics the published documents use ——
[[metrics]]
id = "fires.major"
name = "较大及以上火灾起数"
kind = "火灾"
where = { "事故等级" = ">=较大" }
measure = "count"
unit = "起"
group = "火灾"
label = "较大及以上起数"

[[metrics]]
id = "accidents.filed"
name = "事故立案数"
kind = "事故"
where = { "是否立案" = "是" }
measure = "count"
unit = "起"
group = "事故"
label = "立案数"

[[metrics]]
id = "accidents.closed"
name = "事故结案数"
kind = "事故"
where = { "是否结案" = "是" }
measure = "count"
unit = "起"
group = "事故"
label = "结案数"

[[metrics]]
id = "hazards.ordinary.found"
name = "一般隐患数"
kind = "隐患"
where = { "隐患等级" = "一般" }
measure = "count"
unit = "条"
group = "隐患"
label = "一般隐患数"

[[metrics]]
id = "hazards.ordinary.rectified"
name = "一般隐患已整改数"
kind = "隐患"
where = { "隐患等级" = "一般", "已整改" = "是" }
measure = "count"
unit = "条"
group = "隐患"
label = "一般隐患已整改数"

[[metrics]]
id = "hazards.ordinary.rate"
name = "一般隐患整改率"
ratio = ["hazards.ordinary.rectified", "hazards.ordinary.found"]
group = "隐患"
label = "一般隐患整改率"

[[metrics]]
id = "inspections.hazards_found"
name = "执法检查发现隐患数"
kind = "执法检查"
measure = "sum:发现隐患数"
unit = "条"
group = "执法"
label = "发现隐患数"

[[metrics]]
id = "penalties.pre.fines"
name = "事前处罚罚款金额"
kind = "行政处罚"
where = { "事前处罚" = "是" }
measure = "sum:罚款金额"
unit = "万元"
group = "执法"
label = "事前处罚罚款金额"

[[metrics]]
id = "penalties.closures"
name = "关闭取缔数"
kind = "行政处罚"
where = { "处罚种类" = ["关闭取缔", "取缔", "关闭", "责令关闭", "予以关闭"] }
measure = "count"
unit = "家"
group = "执法"
label = "关闭取缔数"

# —— Breakdowns (CATALOG.md §Breakdowns); 行业领域 and 月份 cover every kind that has them ——
[[breakdowns]]
by = "行业领域"

[[breakdowns]]
by = "月份"

[[breakdowns]]
kind = "隐患"
by = "来源"

[[breakdowns]]
kind = "执法检查"
by = "检查类型"

[[breakdowns]]
kind = "隐患"
by = "隐患等级"

[[breakdowns]]
kind = "事故"
by = "事故类型"

[[breakdowns]]
kind = ["事故", "火灾"]
by = "事故等级"

[[breakdowns]]
kind = "行政处罚"
by = "处罚种类"

# —— Lists (CATALOG.md §Lists) ——
[[lists]]
name = "较大及以上事故"
kind = "事故"
where = { "事故等级" = ">=较大" }
fields = ["发生时间", "区县", "镇街", "单位名称", "事故类型", "事故等级", "死亡人数", "受伤人数"]   # 事故等级: 「“1·18”较大起重伤害事故」
"""#
}
