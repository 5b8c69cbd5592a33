import Testing
@testable import Metrics
import Model

private typealias T = TestData

/// figures.json for a tiny dataset, compared byte for byte with text written by hand from the
/// definitions (schema 1 of REPORTS.md): one part, one month (2020年1月 vs 2019年1月).
///
/// Hand derivation: 事故 1 (2020-01-05, 危险化学品, 死亡1 受伤2 损失12.5万元) vs 1 (2019-01-10, no
/// industry) → 持平, yoy 0; deaths, injuries, loss rise from zero → 增加N, yoy null. 隐患: 1 found
/// (重大, 挂牌, rectified 01-20 before its 01-31 as-of date, deadline 01-15 so not overdue) vs 1
/// found in 2019 (deadline 01-10, never rectified → overdue as of 2019-01-31): rate 100 vs 0 →
/// 上升100.0个百分点; overdue 0 vs 1 → 下降100.0% (yoy −100). 检查 1 (甲公司) → units 1. 处罚 1
/// (4843530元 = 484.353万元, 事前, 责令停产整顿). Target 事前处罚起数 2 → 1 ÷ 2 = 50%.
/// Breakdown 危险化学品 holds everything of 2020 (share 100 of the scope), 未填写 the two 2019
/// records (share 0; rate value null as nothing was found in 2020, prior 0 of 1). The month row
/// 2020-01 equals the scope, without shares, units or targets.
///
/// The catalog added figures without changing any of the above: the built-in metrics declared
/// since (一般隐患数 = the 2019 hazard only; 事前处罚罚款金额 = the one pre-accident fine 484.353;
/// 较大及以上火灾, 立案/结案, 执法检查发现隐患数, 关闭取缔 = 0), each count and sum's `series` (2019 and
/// 2020, the years in the data: the January values again), `double_decline_years` (0: 持平), the
/// period's `from`/`to`, and the other built-in breakdowns (来源, 检查类型, 隐患等级, 事故类型, 事故等级,
/// 处罚种类), whose rows split the same records: the inspection has no 检查类型, so it is 检查类型's
/// 未填写 row (share 100), and 来源 holds hazards only.
@Suite struct FiguresJSONGoldenTests {
    static func dataset() -> Dataset {
        var d = T(parts: ["东城区"])
        d.accident("东城区", T.day(2020, 1, 5), deaths: 1, injuries: 2, lossWan: "12.5", industry: "危险化学品")
        d.accident("东城区", T.day(2019, 1, 10))
        d.hazard("东城区", T.day(2020, 1, 3), rectifiedOn: T.day(2020, 1, 20), deadline: T.day(2020, 1, 15), major: true,
                 listed: true, industry: "危险化学品")
        d.hazard("东城区", T.day(2019, 1, 4), deadline: T.day(2019, 1, 10))
        d.penalty("东城区", T.day(2020, 1, 8), fineYuan: "4843530", industry: "危险化学品", pre: true, shutdown: true)
        d.inspection("东城区", T.day(2020, 1, 9), unit: "甲公司", industry: "危险化学品")
        d.target(2020, "事前处罚起数", "2")
        return d.dataset
    }

    @Test func goldenText() throws {
        let figures = FiguresBuilder.compute(Self.dataset(), period: try ReportPeriod(year: 2020, through: 1))
        let text = FiguresJSON.text(figures)
        let got = text.split(separator: "\n", omittingEmptySubsequences: false)
        let want = Self.golden.split(separator: "\n", omittingEmptySubsequences: false)
        // Line by line first, so that a failure names the line that differs.
        for (i, (a, b)) in zip(got, want).enumerated() where a != b {
            Issue.record("line \(i + 1):\n got  \(a)\n want \(b)")
            break
        }
        #expect(got.count == want.count)
        #expect(text == Self.golden)
    }

    @Test func rerunsAreByteIdentical() throws {
        let period = try ReportPeriod(year: 2020, through: 1)
        let a = FiguresJSON.text(FiguresBuilder.compute(Self.dataset(), period: period))
        let b = FiguresJSON.text(FiguresBuilder.compute(Self.dataset(), period: period))
        #expect(a == b)
    }

    static let golden = """
{
  "schema": 1,
  "region": "示例市",
  "level": "市",
  "period": {"year": 2020, "through": 1, "label": "2020年1月", "prior_label": "2019年1月", "from": "2020-01-01", "to": "2020-01-31"},
  "scopes": [
    {
      "scope": "示例市",
      "kind": "region",
      "double_decline": {"accidents": false, "fires": false},
      "double_decline_years": 0,
      "metrics": [
        {"id": "accidents.count", "name": "事故起数", "unit": "起", "value": 1, "prior": 1, "change": 0, "yoy": 0, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 1}, {"year": 2020, "value": 1}]},
        {"id": "accidents.deaths", "name": "事故死亡人数", "unit": "人", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1人", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 1}]},
        {"id": "accidents.injuries", "name": "事故受伤人数", "unit": "人", "value": 2, "prior": 0, "change": 2, "yoy": null, "direction": "上升", "phrase": "同比增加2人", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 2}]},
        {"id": "accidents.loss", "name": "直接经济损失", "unit": "万元", "value": 12.5, "prior": 0, "change": 12.5, "yoy": null, "direction": "上升", "phrase": "同比增加12.5万元", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 12.5}]},
        {"id": "accidents.major", "name": "较大及以上事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "accidents.level.ordinary", "name": "一般事故起数", "unit": "起", "value": 1, "prior": 1, "change": 0, "yoy": 0, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 1}, {"year": 2020, "value": 1}]},
        {"id": "accidents.level.larger", "name": "较大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "accidents.level.major", "name": "重大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "accidents.level.especially_major", "name": "特别重大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "fires.count", "name": "火灾起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "fires.deaths", "name": "火灾死亡人数", "unit": "人", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "fires.injuries", "name": "火灾受伤人数", "unit": "人", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "fires.loss", "name": "火灾直接经济损失", "unit": "万元", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "hazards.found", "name": "排查隐患数", "unit": "条", "value": 1, "prior": 1, "change": 0, "yoy": 0, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 1}, {"year": 2020, "value": 1}]},
        {"id": "hazards.rectified", "name": "已整改隐患数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 1}]},
        {"id": "hazards.rate", "name": "隐患整改率", "unit": "%", "value": 100, "prior": 0, "change": 100, "direction": "上升", "phrase": "同比上升100.0个百分点", "numerator": 1, "denominator": 1},
        {"id": "hazards.major.found", "name": "重大隐患数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 1}]},
        {"id": "hazards.major.rectified", "name": "重大隐患已整改数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 1}]},
        {"id": "hazards.major.listed", "name": "挂牌督办数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 1}]},
        {"id": "hazards.overdue", "name": "逾期未整改隐患数", "unit": "条", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%", "series": [{"year": 2019, "value": 1}, {"year": 2020, "value": 0}]},
        {"id": "inspections.count", "name": "执法检查家次", "unit": "家次", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1家次", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 1}]},
        {"id": "inspections.units", "name": "检查单位数", "unit": "家", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1家"},
        {"id": "penalties.count", "name": "行政处罚起数", "unit": "起", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1起", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 1}]},
        {"id": "penalties.fines", "name": "罚款金额", "unit": "万元", "value": 484.353, "prior": 0, "change": 484.353, "yoy": null, "direction": "上升", "phrase": "同比增加484.353万元", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 484.353}]},
        {"id": "penalties.shutdowns", "name": "责令停产整顿数", "unit": "家", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1家", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 1}]},
        {"id": "penalties.pre", "name": "事前处罚起数", "unit": "起", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1起", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 1}]},
        {"id": "fires.major", "name": "较大及以上火灾起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "accidents.filed", "name": "事故立案数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "accidents.closed", "name": "事故结案数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "hazards.ordinary.found", "name": "一般隐患数", "unit": "条", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%", "series": [{"year": 2019, "value": 1}, {"year": 2020, "value": 0}]},
        {"id": "hazards.ordinary.rectified", "name": "一般隐患已整改数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "hazards.ordinary.rate", "name": "一般隐患整改率", "unit": "%", "value": null, "prior": 0, "numerator": 0, "denominator": 0},
        {"id": "inspections.hazards_found", "name": "执法检查发现隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "penalties.pre.fines", "name": "事前处罚罚款金额", "unit": "万元", "value": 484.353, "prior": 0, "change": 484.353, "yoy": null, "direction": "上升", "phrase": "同比增加484.353万元", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 484.353}]},
        {"id": "penalties.closures", "name": "关闭取缔数", "unit": "家", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "targets.事前处罚起数", "name": "事前处罚起数完成率", "unit": "%", "value": 50, "numerator": 1, "denominator": 2}
      ],
      "breakdowns": {
        "行业领域": [
          {"key": "危险化学品", "metrics": [
            {"id": "accidents.count", "name": "事故起数", "unit": "起", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1起", "share": 100, "share_of": 1},
            {"id": "accidents.deaths", "name": "事故死亡人数", "unit": "人", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1人", "share": 100, "share_of": 1},
            {"id": "accidents.injuries", "name": "事故受伤人数", "unit": "人", "value": 2, "prior": 0, "change": 2, "yoy": null, "direction": "上升", "phrase": "同比增加2人", "share": 100, "share_of": 2},
            {"id": "accidents.loss", "name": "直接经济损失", "unit": "万元", "value": 12.5, "prior": 0, "change": 12.5, "yoy": null, "direction": "上升", "phrase": "同比增加12.5万元", "share": 100, "share_of": 12.5},
            {"id": "accidents.major", "name": "较大及以上事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.level.ordinary", "name": "一般事故起数", "unit": "起", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1起", "share": 100, "share_of": 1},
            {"id": "accidents.level.larger", "name": "较大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.level.major", "name": "重大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.level.especially_major", "name": "特别重大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.count", "name": "火灾起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.deaths", "name": "火灾死亡人数", "unit": "人", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.injuries", "name": "火灾受伤人数", "unit": "人", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.loss", "name": "火灾直接经济损失", "unit": "万元", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "hazards.found", "name": "排查隐患数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.rectified", "name": "已整改隐患数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.rate", "name": "隐患整改率", "unit": "%", "value": 100, "prior": null, "numerator": 1, "denominator": 1},
            {"id": "hazards.major.found", "name": "重大隐患数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.major.rectified", "name": "重大隐患已整改数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.major.listed", "name": "挂牌督办数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.overdue", "name": "逾期未整改隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "inspections.count", "name": "执法检查家次", "unit": "家次", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1家次", "share": 100, "share_of": 1},
            {"id": "penalties.count", "name": "行政处罚起数", "unit": "起", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1起", "share": 100, "share_of": 1},
            {"id": "penalties.fines", "name": "罚款金额", "unit": "万元", "value": 484.353, "prior": 0, "change": 484.353, "yoy": null, "direction": "上升", "phrase": "同比增加484.353万元", "share": 100, "share_of": 484.353},
            {"id": "penalties.shutdowns", "name": "责令停产整顿数", "unit": "家", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1家", "share": 100, "share_of": 1},
            {"id": "penalties.pre", "name": "事前处罚起数", "unit": "起", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1起", "share": 100, "share_of": 1},
            {"id": "fires.major", "name": "较大及以上火灾起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.filed", "name": "事故立案数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.closed", "name": "事故结案数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.found", "name": "一般隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.rectified", "name": "一般隐患已整改数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.rate", "name": "一般隐患整改率", "unit": "%", "value": null, "prior": null, "numerator": 0, "denominator": 0},
            {"id": "inspections.hazards_found", "name": "执法检查发现隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "penalties.pre.fines", "name": "事前处罚罚款金额", "unit": "万元", "value": 484.353, "prior": 0, "change": 484.353, "yoy": null, "direction": "上升", "phrase": "同比增加484.353万元", "share": 100, "share_of": 484.353},
            {"id": "penalties.closures", "name": "关闭取缔数", "unit": "家", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0}
          ]},
          {"key": "未填写", "metrics": [
            {"id": "accidents.count", "name": "事故起数", "unit": "起", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%", "share": 0, "share_of": 1},
            {"id": "accidents.deaths", "name": "事故死亡人数", "unit": "人", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "accidents.injuries", "name": "事故受伤人数", "unit": "人", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 2},
            {"id": "accidents.loss", "name": "直接经济损失", "unit": "万元", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 12.5},
            {"id": "accidents.major", "name": "较大及以上事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.level.ordinary", "name": "一般事故起数", "unit": "起", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%", "share": 0, "share_of": 1},
            {"id": "accidents.level.larger", "name": "较大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.level.major", "name": "重大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.level.especially_major", "name": "特别重大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.count", "name": "火灾起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.deaths", "name": "火灾死亡人数", "unit": "人", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.injuries", "name": "火灾受伤人数", "unit": "人", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.loss", "name": "火灾直接经济损失", "unit": "万元", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "hazards.found", "name": "排查隐患数", "unit": "条", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%", "share": 0, "share_of": 1},
            {"id": "hazards.rectified", "name": "已整改隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "hazards.rate", "name": "隐患整改率", "unit": "%", "value": null, "prior": 0, "numerator": 0, "denominator": 0},
            {"id": "hazards.major.found", "name": "重大隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "hazards.major.rectified", "name": "重大隐患已整改数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "hazards.major.listed", "name": "挂牌督办数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "hazards.overdue", "name": "逾期未整改隐患数", "unit": "条", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%", "share": null, "share_of": 0},
            {"id": "inspections.count", "name": "执法检查家次", "unit": "家次", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "penalties.count", "name": "行政处罚起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "penalties.fines", "name": "罚款金额", "unit": "万元", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 484.353},
            {"id": "penalties.shutdowns", "name": "责令停产整顿数", "unit": "家", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "penalties.pre", "name": "事前处罚起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "fires.major", "name": "较大及以上火灾起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.filed", "name": "事故立案数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.closed", "name": "事故结案数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.found", "name": "一般隐患数", "unit": "条", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.rectified", "name": "一般隐患已整改数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.rate", "name": "一般隐患整改率", "unit": "%", "value": null, "prior": 0, "numerator": 0, "denominator": 0},
            {"id": "inspections.hazards_found", "name": "执法检查发现隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "penalties.pre.fines", "name": "事前处罚罚款金额", "unit": "万元", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 484.353},
            {"id": "penalties.closures", "name": "关闭取缔数", "unit": "家", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0}
          ]}
        ],
        "月份": [
          {"key": "2020-01", "metrics": [
            {"id": "accidents.count", "name": "事故起数", "unit": "起", "value": 1, "prior": 1, "change": 0, "yoy": 0, "direction": "持平", "phrase": "同比持平"},
            {"id": "accidents.deaths", "name": "事故死亡人数", "unit": "人", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1人"},
            {"id": "accidents.injuries", "name": "事故受伤人数", "unit": "人", "value": 2, "prior": 0, "change": 2, "yoy": null, "direction": "上升", "phrase": "同比增加2人"},
            {"id": "accidents.loss", "name": "直接经济损失", "unit": "万元", "value": 12.5, "prior": 0, "change": 12.5, "yoy": null, "direction": "上升", "phrase": "同比增加12.5万元"},
            {"id": "accidents.major", "name": "较大及以上事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "accidents.level.ordinary", "name": "一般事故起数", "unit": "起", "value": 1, "prior": 1, "change": 0, "yoy": 0, "direction": "持平", "phrase": "同比持平"},
            {"id": "accidents.level.larger", "name": "较大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "accidents.level.major", "name": "重大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "accidents.level.especially_major", "name": "特别重大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "fires.count", "name": "火灾起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "fires.deaths", "name": "火灾死亡人数", "unit": "人", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "fires.injuries", "name": "火灾受伤人数", "unit": "人", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "fires.loss", "name": "火灾直接经济损失", "unit": "万元", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "hazards.found", "name": "排查隐患数", "unit": "条", "value": 1, "prior": 1, "change": 0, "yoy": 0, "direction": "持平", "phrase": "同比持平"},
            {"id": "hazards.rectified", "name": "已整改隐患数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条"},
            {"id": "hazards.rate", "name": "隐患整改率", "unit": "%", "value": 100, "prior": 0, "change": 100, "direction": "上升", "phrase": "同比上升100.0个百分点", "numerator": 1, "denominator": 1},
            {"id": "hazards.major.found", "name": "重大隐患数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条"},
            {"id": "hazards.major.rectified", "name": "重大隐患已整改数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条"},
            {"id": "hazards.major.listed", "name": "挂牌督办数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条"},
            {"id": "hazards.overdue", "name": "逾期未整改隐患数", "unit": "条", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%"},
            {"id": "inspections.count", "name": "执法检查家次", "unit": "家次", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1家次"},
            {"id": "penalties.count", "name": "行政处罚起数", "unit": "起", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1起"},
            {"id": "penalties.fines", "name": "罚款金额", "unit": "万元", "value": 484.353, "prior": 0, "change": 484.353, "yoy": null, "direction": "上升", "phrase": "同比增加484.353万元"},
            {"id": "penalties.shutdowns", "name": "责令停产整顿数", "unit": "家", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1家"},
            {"id": "penalties.pre", "name": "事前处罚起数", "unit": "起", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1起"},
            {"id": "fires.major", "name": "较大及以上火灾起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "accidents.filed", "name": "事故立案数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "accidents.closed", "name": "事故结案数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "hazards.ordinary.found", "name": "一般隐患数", "unit": "条", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%"},
            {"id": "hazards.ordinary.rectified", "name": "一般隐患已整改数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "hazards.ordinary.rate", "name": "一般隐患整改率", "unit": "%", "value": null, "prior": 0, "numerator": 0, "denominator": 0},
            {"id": "inspections.hazards_found", "name": "执法检查发现隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "penalties.pre.fines", "name": "事前处罚罚款金额", "unit": "万元", "value": 484.353, "prior": 0, "change": 484.353, "yoy": null, "direction": "上升", "phrase": "同比增加484.353万元"},
            {"id": "penalties.closures", "name": "关闭取缔数", "unit": "家", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"}
          ]}
        ],
        "来源": [
          {"key": "未填写", "metrics": [
            {"id": "hazards.found", "name": "排查隐患数", "unit": "条", "value": 1, "prior": 1, "change": 0, "yoy": 0, "direction": "持平", "phrase": "同比持平", "share": 100, "share_of": 1},
            {"id": "hazards.rectified", "name": "已整改隐患数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.rate", "name": "隐患整改率", "unit": "%", "value": 100, "prior": 0, "change": 100, "direction": "上升", "phrase": "同比上升100.0个百分点", "numerator": 1, "denominator": 1},
            {"id": "hazards.major.found", "name": "重大隐患数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.major.rectified", "name": "重大隐患已整改数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.major.listed", "name": "挂牌督办数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.overdue", "name": "逾期未整改隐患数", "unit": "条", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.found", "name": "一般隐患数", "unit": "条", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.rectified", "name": "一般隐患已整改数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.rate", "name": "一般隐患整改率", "unit": "%", "value": null, "prior": 0, "numerator": 0, "denominator": 0}
          ]}
        ],
        "检查类型": [
          {"key": "未填写", "metrics": [
            {"id": "inspections.count", "name": "执法检查家次", "unit": "家次", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1家次", "share": 100, "share_of": 1},
            {"id": "inspections.hazards_found", "name": "执法检查发现隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0}
          ]}
        ],
        "隐患等级": [
          {"key": "一般", "metrics": [
            {"id": "hazards.found", "name": "排查隐患数", "unit": "条", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%", "share": 0, "share_of": 1},
            {"id": "hazards.rectified", "name": "已整改隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "hazards.rate", "name": "隐患整改率", "unit": "%", "value": null, "prior": 0, "numerator": 0, "denominator": 0},
            {"id": "hazards.major.found", "name": "重大隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "hazards.major.rectified", "name": "重大隐患已整改数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "hazards.major.listed", "name": "挂牌督办数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "hazards.overdue", "name": "逾期未整改隐患数", "unit": "条", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.found", "name": "一般隐患数", "unit": "条", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.rectified", "name": "一般隐患已整改数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.rate", "name": "一般隐患整改率", "unit": "%", "value": null, "prior": 0, "numerator": 0, "denominator": 0}
          ]},
          {"key": "重大", "metrics": [
            {"id": "hazards.found", "name": "排查隐患数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.rectified", "name": "已整改隐患数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.rate", "name": "隐患整改率", "unit": "%", "value": 100, "prior": null, "numerator": 1, "denominator": 1},
            {"id": "hazards.major.found", "name": "重大隐患数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.major.rectified", "name": "重大隐患已整改数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.major.listed", "name": "挂牌督办数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.overdue", "name": "逾期未整改隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.found", "name": "一般隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.rectified", "name": "一般隐患已整改数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.rate", "name": "一般隐患整改率", "unit": "%", "value": null, "prior": null, "numerator": 0, "denominator": 0}
          ]}
        ],
        "事故类型": [
          {"key": "未填写", "metrics": [
            {"id": "accidents.count", "name": "事故起数", "unit": "起", "value": 1, "prior": 1, "change": 0, "yoy": 0, "direction": "持平", "phrase": "同比持平", "share": 100, "share_of": 1},
            {"id": "accidents.deaths", "name": "事故死亡人数", "unit": "人", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1人", "share": 100, "share_of": 1},
            {"id": "accidents.injuries", "name": "事故受伤人数", "unit": "人", "value": 2, "prior": 0, "change": 2, "yoy": null, "direction": "上升", "phrase": "同比增加2人", "share": 100, "share_of": 2},
            {"id": "accidents.loss", "name": "直接经济损失", "unit": "万元", "value": 12.5, "prior": 0, "change": 12.5, "yoy": null, "direction": "上升", "phrase": "同比增加12.5万元", "share": 100, "share_of": 12.5},
            {"id": "accidents.major", "name": "较大及以上事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.level.ordinary", "name": "一般事故起数", "unit": "起", "value": 1, "prior": 1, "change": 0, "yoy": 0, "direction": "持平", "phrase": "同比持平", "share": 100, "share_of": 1},
            {"id": "accidents.level.larger", "name": "较大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.level.major", "name": "重大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.level.especially_major", "name": "特别重大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.filed", "name": "事故立案数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.closed", "name": "事故结案数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0}
          ]}
        ],
        "事故等级": [
          {"key": "一般", "metrics": [
            {"id": "accidents.count", "name": "事故起数", "unit": "起", "value": 1, "prior": 1, "change": 0, "yoy": 0, "direction": "持平", "phrase": "同比持平", "share": 100, "share_of": 1},
            {"id": "accidents.deaths", "name": "事故死亡人数", "unit": "人", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1人", "share": 100, "share_of": 1},
            {"id": "accidents.injuries", "name": "事故受伤人数", "unit": "人", "value": 2, "prior": 0, "change": 2, "yoy": null, "direction": "上升", "phrase": "同比增加2人", "share": 100, "share_of": 2},
            {"id": "accidents.loss", "name": "直接经济损失", "unit": "万元", "value": 12.5, "prior": 0, "change": 12.5, "yoy": null, "direction": "上升", "phrase": "同比增加12.5万元", "share": 100, "share_of": 12.5},
            {"id": "accidents.major", "name": "较大及以上事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.level.ordinary", "name": "一般事故起数", "unit": "起", "value": 1, "prior": 1, "change": 0, "yoy": 0, "direction": "持平", "phrase": "同比持平", "share": 100, "share_of": 1},
            {"id": "accidents.level.larger", "name": "较大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.level.major", "name": "重大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.level.especially_major", "name": "特别重大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.count", "name": "火灾起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.deaths", "name": "火灾死亡人数", "unit": "人", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.injuries", "name": "火灾受伤人数", "unit": "人", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.loss", "name": "火灾直接经济损失", "unit": "万元", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.major", "name": "较大及以上火灾起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.filed", "name": "事故立案数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.closed", "name": "事故结案数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0}
          ]}
        ],
        "处罚种类": [
          {"key": "责令停产整顿", "metrics": [
            {"id": "penalties.count", "name": "行政处罚起数", "unit": "起", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1起", "share": 100, "share_of": 1},
            {"id": "penalties.fines", "name": "罚款金额", "unit": "万元", "value": 484.353, "prior": 0, "change": 484.353, "yoy": null, "direction": "上升", "phrase": "同比增加484.353万元", "share": 100, "share_of": 484.353},
            {"id": "penalties.shutdowns", "name": "责令停产整顿数", "unit": "家", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1家", "share": 100, "share_of": 1},
            {"id": "penalties.pre", "name": "事前处罚起数", "unit": "起", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1起", "share": 100, "share_of": 1},
            {"id": "penalties.pre.fines", "name": "事前处罚罚款金额", "unit": "万元", "value": 484.353, "prior": 0, "change": 484.353, "yoy": null, "direction": "上升", "phrase": "同比增加484.353万元", "share": 100, "share_of": 484.353},
            {"id": "penalties.closures", "name": "关闭取缔数", "unit": "家", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0}
          ]}
        ]
      },
      "lists": {
        "较大及以上事故": []
      }
    },
    {
      "scope": "东城区",
      "kind": "part",
      "double_decline": {"accidents": false, "fires": false},
      "double_decline_years": 0,
      "metrics": [
        {"id": "accidents.count", "name": "事故起数", "unit": "起", "value": 1, "prior": 1, "change": 0, "yoy": 0, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 1}, {"year": 2020, "value": 1}]},
        {"id": "accidents.deaths", "name": "事故死亡人数", "unit": "人", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1人", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 1}]},
        {"id": "accidents.injuries", "name": "事故受伤人数", "unit": "人", "value": 2, "prior": 0, "change": 2, "yoy": null, "direction": "上升", "phrase": "同比增加2人", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 2}]},
        {"id": "accidents.loss", "name": "直接经济损失", "unit": "万元", "value": 12.5, "prior": 0, "change": 12.5, "yoy": null, "direction": "上升", "phrase": "同比增加12.5万元", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 12.5}]},
        {"id": "accidents.major", "name": "较大及以上事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "accidents.level.ordinary", "name": "一般事故起数", "unit": "起", "value": 1, "prior": 1, "change": 0, "yoy": 0, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 1}, {"year": 2020, "value": 1}]},
        {"id": "accidents.level.larger", "name": "较大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "accidents.level.major", "name": "重大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "accidents.level.especially_major", "name": "特别重大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "fires.count", "name": "火灾起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "fires.deaths", "name": "火灾死亡人数", "unit": "人", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "fires.injuries", "name": "火灾受伤人数", "unit": "人", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "fires.loss", "name": "火灾直接经济损失", "unit": "万元", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "hazards.found", "name": "排查隐患数", "unit": "条", "value": 1, "prior": 1, "change": 0, "yoy": 0, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 1}, {"year": 2020, "value": 1}]},
        {"id": "hazards.rectified", "name": "已整改隐患数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 1}]},
        {"id": "hazards.rate", "name": "隐患整改率", "unit": "%", "value": 100, "prior": 0, "change": 100, "direction": "上升", "phrase": "同比上升100.0个百分点", "numerator": 1, "denominator": 1},
        {"id": "hazards.major.found", "name": "重大隐患数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 1}]},
        {"id": "hazards.major.rectified", "name": "重大隐患已整改数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 1}]},
        {"id": "hazards.major.listed", "name": "挂牌督办数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 1}]},
        {"id": "hazards.overdue", "name": "逾期未整改隐患数", "unit": "条", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%", "series": [{"year": 2019, "value": 1}, {"year": 2020, "value": 0}]},
        {"id": "inspections.count", "name": "执法检查家次", "unit": "家次", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1家次", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 1}]},
        {"id": "inspections.units", "name": "检查单位数", "unit": "家", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1家"},
        {"id": "penalties.count", "name": "行政处罚起数", "unit": "起", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1起", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 1}]},
        {"id": "penalties.fines", "name": "罚款金额", "unit": "万元", "value": 484.353, "prior": 0, "change": 484.353, "yoy": null, "direction": "上升", "phrase": "同比增加484.353万元", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 484.353}]},
        {"id": "penalties.shutdowns", "name": "责令停产整顿数", "unit": "家", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1家", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 1}]},
        {"id": "penalties.pre", "name": "事前处罚起数", "unit": "起", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1起", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 1}]},
        {"id": "fires.major", "name": "较大及以上火灾起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "accidents.filed", "name": "事故立案数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "accidents.closed", "name": "事故结案数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "hazards.ordinary.found", "name": "一般隐患数", "unit": "条", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%", "series": [{"year": 2019, "value": 1}, {"year": 2020, "value": 0}]},
        {"id": "hazards.ordinary.rectified", "name": "一般隐患已整改数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "hazards.ordinary.rate", "name": "一般隐患整改率", "unit": "%", "value": null, "prior": 0, "numerator": 0, "denominator": 0},
        {"id": "inspections.hazards_found", "name": "执法检查发现隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]},
        {"id": "penalties.pre.fines", "name": "事前处罚罚款金额", "unit": "万元", "value": 484.353, "prior": 0, "change": 484.353, "yoy": null, "direction": "上升", "phrase": "同比增加484.353万元", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 484.353}]},
        {"id": "penalties.closures", "name": "关闭取缔数", "unit": "家", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "series": [{"year": 2019, "value": 0}, {"year": 2020, "value": 0}]}
      ],
      "breakdowns": {
        "行业领域": [
          {"key": "危险化学品", "metrics": [
            {"id": "accidents.count", "name": "事故起数", "unit": "起", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1起", "share": 100, "share_of": 1},
            {"id": "accidents.deaths", "name": "事故死亡人数", "unit": "人", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1人", "share": 100, "share_of": 1},
            {"id": "accidents.injuries", "name": "事故受伤人数", "unit": "人", "value": 2, "prior": 0, "change": 2, "yoy": null, "direction": "上升", "phrase": "同比增加2人", "share": 100, "share_of": 2},
            {"id": "accidents.loss", "name": "直接经济损失", "unit": "万元", "value": 12.5, "prior": 0, "change": 12.5, "yoy": null, "direction": "上升", "phrase": "同比增加12.5万元", "share": 100, "share_of": 12.5},
            {"id": "accidents.major", "name": "较大及以上事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.level.ordinary", "name": "一般事故起数", "unit": "起", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1起", "share": 100, "share_of": 1},
            {"id": "accidents.level.larger", "name": "较大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.level.major", "name": "重大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.level.especially_major", "name": "特别重大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.count", "name": "火灾起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.deaths", "name": "火灾死亡人数", "unit": "人", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.injuries", "name": "火灾受伤人数", "unit": "人", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.loss", "name": "火灾直接经济损失", "unit": "万元", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "hazards.found", "name": "排查隐患数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.rectified", "name": "已整改隐患数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.rate", "name": "隐患整改率", "unit": "%", "value": 100, "prior": null, "numerator": 1, "denominator": 1},
            {"id": "hazards.major.found", "name": "重大隐患数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.major.rectified", "name": "重大隐患已整改数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.major.listed", "name": "挂牌督办数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.overdue", "name": "逾期未整改隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "inspections.count", "name": "执法检查家次", "unit": "家次", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1家次", "share": 100, "share_of": 1},
            {"id": "penalties.count", "name": "行政处罚起数", "unit": "起", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1起", "share": 100, "share_of": 1},
            {"id": "penalties.fines", "name": "罚款金额", "unit": "万元", "value": 484.353, "prior": 0, "change": 484.353, "yoy": null, "direction": "上升", "phrase": "同比增加484.353万元", "share": 100, "share_of": 484.353},
            {"id": "penalties.shutdowns", "name": "责令停产整顿数", "unit": "家", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1家", "share": 100, "share_of": 1},
            {"id": "penalties.pre", "name": "事前处罚起数", "unit": "起", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1起", "share": 100, "share_of": 1},
            {"id": "fires.major", "name": "较大及以上火灾起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.filed", "name": "事故立案数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.closed", "name": "事故结案数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.found", "name": "一般隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.rectified", "name": "一般隐患已整改数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.rate", "name": "一般隐患整改率", "unit": "%", "value": null, "prior": null, "numerator": 0, "denominator": 0},
            {"id": "inspections.hazards_found", "name": "执法检查发现隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "penalties.pre.fines", "name": "事前处罚罚款金额", "unit": "万元", "value": 484.353, "prior": 0, "change": 484.353, "yoy": null, "direction": "上升", "phrase": "同比增加484.353万元", "share": 100, "share_of": 484.353},
            {"id": "penalties.closures", "name": "关闭取缔数", "unit": "家", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0}
          ]},
          {"key": "未填写", "metrics": [
            {"id": "accidents.count", "name": "事故起数", "unit": "起", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%", "share": 0, "share_of": 1},
            {"id": "accidents.deaths", "name": "事故死亡人数", "unit": "人", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "accidents.injuries", "name": "事故受伤人数", "unit": "人", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 2},
            {"id": "accidents.loss", "name": "直接经济损失", "unit": "万元", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 12.5},
            {"id": "accidents.major", "name": "较大及以上事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.level.ordinary", "name": "一般事故起数", "unit": "起", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%", "share": 0, "share_of": 1},
            {"id": "accidents.level.larger", "name": "较大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.level.major", "name": "重大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.level.especially_major", "name": "特别重大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.count", "name": "火灾起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.deaths", "name": "火灾死亡人数", "unit": "人", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.injuries", "name": "火灾受伤人数", "unit": "人", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.loss", "name": "火灾直接经济损失", "unit": "万元", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "hazards.found", "name": "排查隐患数", "unit": "条", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%", "share": 0, "share_of": 1},
            {"id": "hazards.rectified", "name": "已整改隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "hazards.rate", "name": "隐患整改率", "unit": "%", "value": null, "prior": 0, "numerator": 0, "denominator": 0},
            {"id": "hazards.major.found", "name": "重大隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "hazards.major.rectified", "name": "重大隐患已整改数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "hazards.major.listed", "name": "挂牌督办数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "hazards.overdue", "name": "逾期未整改隐患数", "unit": "条", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%", "share": null, "share_of": 0},
            {"id": "inspections.count", "name": "执法检查家次", "unit": "家次", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "penalties.count", "name": "行政处罚起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "penalties.fines", "name": "罚款金额", "unit": "万元", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 484.353},
            {"id": "penalties.shutdowns", "name": "责令停产整顿数", "unit": "家", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "penalties.pre", "name": "事前处罚起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "fires.major", "name": "较大及以上火灾起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.filed", "name": "事故立案数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.closed", "name": "事故结案数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.found", "name": "一般隐患数", "unit": "条", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.rectified", "name": "一般隐患已整改数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.rate", "name": "一般隐患整改率", "unit": "%", "value": null, "prior": 0, "numerator": 0, "denominator": 0},
            {"id": "inspections.hazards_found", "name": "执法检查发现隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "penalties.pre.fines", "name": "事前处罚罚款金额", "unit": "万元", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 484.353},
            {"id": "penalties.closures", "name": "关闭取缔数", "unit": "家", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0}
          ]}
        ],
        "月份": [
          {"key": "2020-01", "metrics": [
            {"id": "accidents.count", "name": "事故起数", "unit": "起", "value": 1, "prior": 1, "change": 0, "yoy": 0, "direction": "持平", "phrase": "同比持平"},
            {"id": "accidents.deaths", "name": "事故死亡人数", "unit": "人", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1人"},
            {"id": "accidents.injuries", "name": "事故受伤人数", "unit": "人", "value": 2, "prior": 0, "change": 2, "yoy": null, "direction": "上升", "phrase": "同比增加2人"},
            {"id": "accidents.loss", "name": "直接经济损失", "unit": "万元", "value": 12.5, "prior": 0, "change": 12.5, "yoy": null, "direction": "上升", "phrase": "同比增加12.5万元"},
            {"id": "accidents.major", "name": "较大及以上事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "accidents.level.ordinary", "name": "一般事故起数", "unit": "起", "value": 1, "prior": 1, "change": 0, "yoy": 0, "direction": "持平", "phrase": "同比持平"},
            {"id": "accidents.level.larger", "name": "较大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "accidents.level.major", "name": "重大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "accidents.level.especially_major", "name": "特别重大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "fires.count", "name": "火灾起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "fires.deaths", "name": "火灾死亡人数", "unit": "人", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "fires.injuries", "name": "火灾受伤人数", "unit": "人", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "fires.loss", "name": "火灾直接经济损失", "unit": "万元", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "hazards.found", "name": "排查隐患数", "unit": "条", "value": 1, "prior": 1, "change": 0, "yoy": 0, "direction": "持平", "phrase": "同比持平"},
            {"id": "hazards.rectified", "name": "已整改隐患数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条"},
            {"id": "hazards.rate", "name": "隐患整改率", "unit": "%", "value": 100, "prior": 0, "change": 100, "direction": "上升", "phrase": "同比上升100.0个百分点", "numerator": 1, "denominator": 1},
            {"id": "hazards.major.found", "name": "重大隐患数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条"},
            {"id": "hazards.major.rectified", "name": "重大隐患已整改数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条"},
            {"id": "hazards.major.listed", "name": "挂牌督办数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条"},
            {"id": "hazards.overdue", "name": "逾期未整改隐患数", "unit": "条", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%"},
            {"id": "inspections.count", "name": "执法检查家次", "unit": "家次", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1家次"},
            {"id": "penalties.count", "name": "行政处罚起数", "unit": "起", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1起"},
            {"id": "penalties.fines", "name": "罚款金额", "unit": "万元", "value": 484.353, "prior": 0, "change": 484.353, "yoy": null, "direction": "上升", "phrase": "同比增加484.353万元"},
            {"id": "penalties.shutdowns", "name": "责令停产整顿数", "unit": "家", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1家"},
            {"id": "penalties.pre", "name": "事前处罚起数", "unit": "起", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1起"},
            {"id": "fires.major", "name": "较大及以上火灾起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "accidents.filed", "name": "事故立案数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "accidents.closed", "name": "事故结案数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "hazards.ordinary.found", "name": "一般隐患数", "unit": "条", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%"},
            {"id": "hazards.ordinary.rectified", "name": "一般隐患已整改数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "hazards.ordinary.rate", "name": "一般隐患整改率", "unit": "%", "value": null, "prior": 0, "numerator": 0, "denominator": 0},
            {"id": "inspections.hazards_found", "name": "执法检查发现隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"},
            {"id": "penalties.pre.fines", "name": "事前处罚罚款金额", "unit": "万元", "value": 484.353, "prior": 0, "change": 484.353, "yoy": null, "direction": "上升", "phrase": "同比增加484.353万元"},
            {"id": "penalties.closures", "name": "关闭取缔数", "unit": "家", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平"}
          ]}
        ],
        "来源": [
          {"key": "未填写", "metrics": [
            {"id": "hazards.found", "name": "排查隐患数", "unit": "条", "value": 1, "prior": 1, "change": 0, "yoy": 0, "direction": "持平", "phrase": "同比持平", "share": 100, "share_of": 1},
            {"id": "hazards.rectified", "name": "已整改隐患数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.rate", "name": "隐患整改率", "unit": "%", "value": 100, "prior": 0, "change": 100, "direction": "上升", "phrase": "同比上升100.0个百分点", "numerator": 1, "denominator": 1},
            {"id": "hazards.major.found", "name": "重大隐患数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.major.rectified", "name": "重大隐患已整改数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.major.listed", "name": "挂牌督办数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.overdue", "name": "逾期未整改隐患数", "unit": "条", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.found", "name": "一般隐患数", "unit": "条", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.rectified", "name": "一般隐患已整改数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.rate", "name": "一般隐患整改率", "unit": "%", "value": null, "prior": 0, "numerator": 0, "denominator": 0}
          ]}
        ],
        "检查类型": [
          {"key": "未填写", "metrics": [
            {"id": "inspections.count", "name": "执法检查家次", "unit": "家次", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1家次", "share": 100, "share_of": 1},
            {"id": "inspections.hazards_found", "name": "执法检查发现隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0}
          ]}
        ],
        "隐患等级": [
          {"key": "一般", "metrics": [
            {"id": "hazards.found", "name": "排查隐患数", "unit": "条", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%", "share": 0, "share_of": 1},
            {"id": "hazards.rectified", "name": "已整改隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "hazards.rate", "name": "隐患整改率", "unit": "%", "value": null, "prior": 0, "numerator": 0, "denominator": 0},
            {"id": "hazards.major.found", "name": "重大隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "hazards.major.rectified", "name": "重大隐患已整改数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "hazards.major.listed", "name": "挂牌督办数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": 0, "share_of": 1},
            {"id": "hazards.overdue", "name": "逾期未整改隐患数", "unit": "条", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.found", "name": "一般隐患数", "unit": "条", "value": 0, "prior": 1, "change": -1, "yoy": -100, "direction": "下降", "phrase": "同比下降100.0%", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.rectified", "name": "一般隐患已整改数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.rate", "name": "一般隐患整改率", "unit": "%", "value": null, "prior": 0, "numerator": 0, "denominator": 0}
          ]},
          {"key": "重大", "metrics": [
            {"id": "hazards.found", "name": "排查隐患数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.rectified", "name": "已整改隐患数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.rate", "name": "隐患整改率", "unit": "%", "value": 100, "prior": null, "numerator": 1, "denominator": 1},
            {"id": "hazards.major.found", "name": "重大隐患数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.major.rectified", "name": "重大隐患已整改数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.major.listed", "name": "挂牌督办数", "unit": "条", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1条", "share": 100, "share_of": 1},
            {"id": "hazards.overdue", "name": "逾期未整改隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.found", "name": "一般隐患数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.rectified", "name": "一般隐患已整改数", "unit": "条", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "hazards.ordinary.rate", "name": "一般隐患整改率", "unit": "%", "value": null, "prior": null, "numerator": 0, "denominator": 0}
          ]}
        ],
        "事故类型": [
          {"key": "未填写", "metrics": [
            {"id": "accidents.count", "name": "事故起数", "unit": "起", "value": 1, "prior": 1, "change": 0, "yoy": 0, "direction": "持平", "phrase": "同比持平", "share": 100, "share_of": 1},
            {"id": "accidents.deaths", "name": "事故死亡人数", "unit": "人", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1人", "share": 100, "share_of": 1},
            {"id": "accidents.injuries", "name": "事故受伤人数", "unit": "人", "value": 2, "prior": 0, "change": 2, "yoy": null, "direction": "上升", "phrase": "同比增加2人", "share": 100, "share_of": 2},
            {"id": "accidents.loss", "name": "直接经济损失", "unit": "万元", "value": 12.5, "prior": 0, "change": 12.5, "yoy": null, "direction": "上升", "phrase": "同比增加12.5万元", "share": 100, "share_of": 12.5},
            {"id": "accidents.major", "name": "较大及以上事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.level.ordinary", "name": "一般事故起数", "unit": "起", "value": 1, "prior": 1, "change": 0, "yoy": 0, "direction": "持平", "phrase": "同比持平", "share": 100, "share_of": 1},
            {"id": "accidents.level.larger", "name": "较大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.level.major", "name": "重大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.level.especially_major", "name": "特别重大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.filed", "name": "事故立案数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.closed", "name": "事故结案数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0}
          ]}
        ],
        "事故等级": [
          {"key": "一般", "metrics": [
            {"id": "accidents.count", "name": "事故起数", "unit": "起", "value": 1, "prior": 1, "change": 0, "yoy": 0, "direction": "持平", "phrase": "同比持平", "share": 100, "share_of": 1},
            {"id": "accidents.deaths", "name": "事故死亡人数", "unit": "人", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1人", "share": 100, "share_of": 1},
            {"id": "accidents.injuries", "name": "事故受伤人数", "unit": "人", "value": 2, "prior": 0, "change": 2, "yoy": null, "direction": "上升", "phrase": "同比增加2人", "share": 100, "share_of": 2},
            {"id": "accidents.loss", "name": "直接经济损失", "unit": "万元", "value": 12.5, "prior": 0, "change": 12.5, "yoy": null, "direction": "上升", "phrase": "同比增加12.5万元", "share": 100, "share_of": 12.5},
            {"id": "accidents.major", "name": "较大及以上事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.level.ordinary", "name": "一般事故起数", "unit": "起", "value": 1, "prior": 1, "change": 0, "yoy": 0, "direction": "持平", "phrase": "同比持平", "share": 100, "share_of": 1},
            {"id": "accidents.level.larger", "name": "较大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.level.major", "name": "重大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.level.especially_major", "name": "特别重大事故起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.count", "name": "火灾起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.deaths", "name": "火灾死亡人数", "unit": "人", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.injuries", "name": "火灾受伤人数", "unit": "人", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.loss", "name": "火灾直接经济损失", "unit": "万元", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "fires.major", "name": "较大及以上火灾起数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.filed", "name": "事故立案数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0},
            {"id": "accidents.closed", "name": "事故结案数", "unit": "起", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0}
          ]}
        ],
        "处罚种类": [
          {"key": "责令停产整顿", "metrics": [
            {"id": "penalties.count", "name": "行政处罚起数", "unit": "起", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1起", "share": 100, "share_of": 1},
            {"id": "penalties.fines", "name": "罚款金额", "unit": "万元", "value": 484.353, "prior": 0, "change": 484.353, "yoy": null, "direction": "上升", "phrase": "同比增加484.353万元", "share": 100, "share_of": 484.353},
            {"id": "penalties.shutdowns", "name": "责令停产整顿数", "unit": "家", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1家", "share": 100, "share_of": 1},
            {"id": "penalties.pre", "name": "事前处罚起数", "unit": "起", "value": 1, "prior": 0, "change": 1, "yoy": null, "direction": "上升", "phrase": "同比增加1起", "share": 100, "share_of": 1},
            {"id": "penalties.pre.fines", "name": "事前处罚罚款金额", "unit": "万元", "value": 484.353, "prior": 0, "change": 484.353, "yoy": null, "direction": "上升", "phrase": "同比增加484.353万元", "share": 100, "share_of": 484.353},
            {"id": "penalties.closures", "name": "关闭取缔数", "unit": "家", "value": 0, "prior": 0, "change": 0, "yoy": null, "direction": "持平", "phrase": "同比持平", "share": null, "share_of": 0}
          ]}
        ]
      },
      "lists": {
        "较大及以上事故": []
      }
    }
  ]
}

"""
}
