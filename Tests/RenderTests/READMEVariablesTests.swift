import Foundation
import Testing
@testable import Render
import Ingest
import Metrics
import Model

/// README's「Template variables」is generated from the catalog (issue 11): the text between its
/// markers is `TemplateVariables.markdown` of the built-in catalog, and that text names everything
/// a template can reach — so a new metric, breakdown, list or context name cannot go undocumented.
@Suite struct READMEVariablesTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    @Test func readmeHoldsTheGeneratedReference() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("<!-- 模板变量：由 ") }, "README.md has no start marker")
        let end = try #require(lines.firstIndex { $0 == "<!-- 模板变量：结束 -->" }, "README.md has no end marker")
        #expect(start < end)
        let section = lines[(start + 1)..<end].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        let generated = TemplateVariables.markdown(catalog: CatalogLoader.builtin()).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(section == generated, "README.md's template variables differ from the catalog: run scripts/update-readme-variables")
    }

    /// Every name of a region's and a part's context is in the reference: the catalog's metrics
    /// (by name and by group), breakdowns and lists, and the names `ReportContext` sets itself.
    @Test func everyNameATemplateSeesIsDocumented() throws {
        let figures = try sampleFigures()
        let reference = TemplateVariables.markdown(catalog: CatalogLoader.builtin())
        for scope in figures.scopes {
            let context = ReportRenderer.context(scope, in: figures, uncounted: UncountedFiles())
            for key in context.keys {
                #expect(reference.contains("`\(key)`") || reference.contains("`\(key)."), "「\(key)」 is not in the reference")
            }
            for (key, value) in context {
                guard let group = value as? [String: Any], !(value is TemplateFigure) else { continue }
                for member in group.keys where member != "有数据" && figures.declarations.contains(where: { $0.group == key }) {
                    #expect(reference.contains("`\(key).\(member)`"), "「\(key).\(member)」 is not in the reference")
                }
            }
        }
        for member in TemplateFigure.members {
            #expect(reference.contains("| `.\(member)` |"), "the figure member「\(member)」 is not in the reference")
        }
        #expect(TemplateVariables.figureMembers.map(\.member) == TemplateFigure.members)
        for list in ["行业领域", "月份", "来源", "较大及以上事故"] { #expect(reference.contains("| `\(list)` |")) }
    }

    /// A config's own declarations appear in the reference of its catalog (what `safetystats
    /// variables --inputs` prints): a metric with its filter, a breakdown, a named period.
    @Test func declaredMetricsBreakdownsAndPeriodsAreListed() throws {
        var catalog = CatalogLoader.builtin()
        let hazards = try #require(catalog.kind(named: "隐患"))
        let source = try #require(catalog.column(kind: hazards, named: "来源"))
        catalog.metrics.append(MetricDeclaration(
            id: "hazards.campaign.found", name: "专项整治排查隐患数", kind: hazards,
            conditions: [MetricCondition(field: .column(source), fieldName: "来源", op: .equal, operands: [.text("专项整治"), .text("专项检查")])],
            measure: .count, unit: "条", group: "专项整治", label: "排查数", origin: "config.toml 第1行"))
        catalog.periods.append(PeriodDeclaration(name: "专项整治以来", from: Day(year: 2025, month: 7, day: 1)!, origin: "config.toml 第9行"))
        let reference = TemplateVariables.markdown(catalog: catalog)
        #expect(reference.contains("| `专项整治.排查数` | `专项整治排查隐患数` | 条 | 隐患 records where 来源 = 专项整治、专项检查 |"), "\(reference)")
        #expect(reference.contains("- `专项整治以来`: from 2025-07-01 to the end of the period (config.toml 第9行)"), "\(reference)")
        #expect(reference.contains("| `来源` |") && reference.contains("`专项整治`"))
    }
}
