/// Draws a `Chart` as a grouped bar chart in inline SVG (no scripts, no external resources).
enum SVGChart {
    static let palette = ["#c0392b", "#7f8c8d", "#2e86c1", "#d4ac0d"]

    static func svg(_ chart: Chart) -> String {
        let groups = max(chart.categories.count, 1)
        let seriesCount = max(chart.series.count, 1)
        let barWidth = 14
        let groupWidth = seriesCount * barWidth + 10
        let left = 40, top = 30, plotHeight = 180, bottom = 48
        let width = left + groups * groupWidth + 20
        let height = top + plotHeight + bottom
        let maxValue = max(chart.series.flatMap(\.values).max() ?? 0, 1)

        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" "
        svg += "role=\"img\" aria-label=\"\(XMLText.escape(chart.title))\" class=\"chart\">"
        svg += "<title>\(XMLText.escape(chart.title))</title>"
        svg += "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(width - 10)\" y2=\"\(top + plotHeight)\" stroke=\"#333\" stroke-width=\"1\"/>"
        svg += "<text x=\"4\" y=\"16\" font-size=\"11\" fill=\"#555\">单位:\(XMLText.escape(chart.unit))</text>"
        for (g, category) in chart.categories.enumerated() {
            let x0 = left + g * groupWidth + 5
            for (s, series) in chart.series.enumerated() where g < series.values.count {
                let value = series.values[g]
                let h = Int((value / maxValue * Double(plotHeight)).rounded())
                let x = x0 + s * barWidth
                let y = top + plotHeight - h
                svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(barWidth - 2)\" height=\"\(h)\" fill=\"\(palette[s % palette.count])\"/>"
                if g < series.labels.count {
                    svg += "<text x=\"\(x + (barWidth - 2) / 2)\" y=\"\(y - 3)\" font-size=\"9\" text-anchor=\"middle\">\(XMLText.escape(series.labels[g]))</text>"
                }
            }
            let cx = x0 + (seriesCount * barWidth) / 2
            svg += "<text x=\"\(cx)\" y=\"\(top + plotHeight + 14)\" font-size=\"10\" text-anchor=\"middle\">\(XMLText.escape(category))</text>"
        }
        // Legend under the axis labels.
        var lx = left
        for (s, series) in chart.series.enumerated() {
            svg += "<rect x=\"\(lx)\" y=\"\(height - 16)\" width=\"10\" height=\"10\" fill=\"\(palette[s % palette.count])\"/>"
            svg += "<text x=\"\(lx + 14)\" y=\"\(height - 7)\" font-size=\"11\">\(XMLText.escape(series.name))</text>"
            lx += 14 + series.name.count * 12 + 16
        }
        svg += "</svg>"
        return svg
    }
}
