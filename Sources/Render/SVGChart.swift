/// Draws a `Chart` as inline SVG (no scripts, no external resources): clustered columns for parts
/// of the region, lines for the months of a year (as the Word charts do).
///
/// Every chart has the same 420-unit-wide coordinate system, whatever the number of categories, so
/// it scales to its container alike on a phone (about 0.83 px a unit at 390 px) and on a desktop
/// (HTMLWriter caps it at 640 px, 1.52 px a unit: a chart of the usual 260 units is about 400 px
/// tall). Text sizes are chosen for that range. Category labels that would touch their neighbours
/// are turned 45°, and only every n-th is written where even that is too tight; value labels are
/// written above columns only where they fit the column. A value printed `—` (a rate without a
/// base) has no column and no point. Checked in Chromium by scripts/check-html-charts.
enum SVGChart {
    static let palette = ["#c0392b", "#7f8c8d", "#2e86c1", "#d4ac0d"]

    static let width = 420.0
    static let plotHeight = 180.0
    static let minimumPlotHeight = 110.0
    /// In units: 300 is 457 px at the desktop's 640 px, under the 480 px a chart may take.
    static let maximumHeight = 300.0
    /// Between the axis and a turned label's top end, clear of the `0` of the value axis.
    static let turnedGap = 18.0
    static let axisFont = 12.0
    static let legendFont = 12.0
    static let valueFont = 10.0

    static func svg(_ chart: Chart) -> String {
        let categories = chart.categories
        let count = max(categories.count, 1)
        let values = chart.series.flatMap { s in s.values.indices.compactMap { point(s, $0) } }
        let scale = AxisScale(largest: values.max() ?? 0, percent: chart.unit == "%")

        // Category labels: level when they fit their slot, else turned 45° (hanging down and to the
        // left of their tick), and only every n-th where even that is too tight. Long names are cut
        // (the full name is the label's tooltip).
        let shown = categories.map(shortened)
        let widest = shown.map { textWidth($0, size: axisFont) }.max() ?? 0
        // Left margin: the widest tick label, or what a turned first label needs.
        let tickLabels = scale.ticks.map(scale.label)
        var left = 8 + (tickLabels.map { textWidth($0, size: axisFont) }.max() ?? 0) + 6
        let right = 10.0
        var slot = (width - left - right) / Double(count)
        let turned = widest > slot - 4
        let hang = (widest + axisFont) * 0.71   // a turned label's reach, down and to the left
        if turned, hang - slot / 2 + 4 > left {
            left = hang - slot / 2 + 4
            slot = (width - left - right) / Double(count)
        }
        let every = turned ? max(1, Int((axisFont * 1.4 / slot).rounded(.up))) : 1
        let bottom = turned ? turnedGap + hang + 6 : 10 + axisFont + 8

        // Legend rows at the top, under the unit.
        var legend = ""
        var lx = left, ly = 34.0
        for (s, series) in chart.series.enumerated() {
            let itemWidth = 22 + textWidth(series.name, size: legendFont) + 14
            if lx + itemWidth > width - right, lx > left { lx = left; ly += 18 }
            let colour = palette[s % palette.count]
            if chart.kind == .lines {
                legend += "<line x1=\"\(n(lx))\" y1=\"\(n(ly - 4))\" x2=\"\(n(lx + 16))\" y2=\"\(n(ly - 4))\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash(series))/>"
            } else {
                legend += "<rect x=\"\(n(lx + 2))\" y=\"\(n(ly - 10))\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>"
            }
            legend += "<text x=\"\(n(lx + 22))\" y=\"\(n(ly))\" font-size=\"\(n(legendFont))\" class=\"legend\">\(XMLText.escape(series.name))</text>"
            lx += itemWidth
        }
        // Room above the plot for the value label of a column that reaches the top.
        let top = ly + 26
        // Turned labels take their room from the plot, so that no chart grows past `maximumHeight`.
        let plotHeight = max(minimumPlotHeight, min(Self.plotHeight, maximumHeight - top - bottom))
        let baseline = top + plotHeight
        func y(_ value: Double) -> Double { baseline - value / scale.maximum * plotHeight }

        let height = baseline + bottom

        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" "
        svg += "role=\"img\" aria-label=\"\(XMLText.escape(chart.title))\" class=\"chart\" font-family=\"sans-serif\">"
        svg += "<title>\(XMLText.escape(chart.title))</title>"
        svg += "<text x=\"8\" y=\"14\" font-size=\"\(n(axisFont))\" fill=\"#555\" class=\"unit\">单位:\(XMLText.escape(chart.unit))</text>"
        svg += legend
        // Value axis: gridlines and tick labels.
        for tick in scale.ticks {
            let ty = y(tick)
            svg += "<line x1=\"\(n(left))\" y1=\"\(n(ty))\" x2=\"\(n(width - right))\" y2=\"\(n(ty))\" stroke=\"\(tick == 0 ? "#333" : "#ddd")\" stroke-width=\"1\"/>"
            svg += "<text x=\"\(n(left - 6))\" y=\"\(n(ty + axisFont * 0.35))\" font-size=\"\(n(axisFont))\" text-anchor=\"end\" fill=\"#555\" class=\"axis\">\(scale.label(tick))</text>"
        }
        // Category labels.
        for (g, category) in categories.enumerated() where g % every == 0 {
            let cx = left + slot * (Double(g) + 0.5)
            let tooltip = shown[g] == category ? "" : "<title>\(XMLText.escape(category))</title>"
            if turned {
                let ty = baseline + turnedGap
                svg += "<text x=\"\(n(cx))\" y=\"\(n(ty))\" font-size=\"\(n(axisFont))\" text-anchor=\"end\" transform=\"rotate(-45 \(n(cx)) \(n(ty)))\" class=\"axis\">\(tooltip)\(XMLText.escape(shown[g]))</text>"
            } else {
                let ty = baseline + 10 + axisFont
                svg += "<text x=\"\(n(cx))\" y=\"\(n(ty))\" font-size=\"\(n(axisFont))\" text-anchor=\"middle\" class=\"axis\">\(tooltip)\(XMLText.escape(shown[g]))</text>"
            }
        }

        switch chart.kind {
        case .columns:
            let seriesCount = Double(max(chart.series.count, 1))
            let barWidth = min(slot * 0.8 / seriesCount, 36)
            for (s, series) in chart.series.enumerated() {
                let colour = palette[s % palette.count]
                for g in categories.indices {
                    let x = left + slot * (Double(g) + 0.5) - barWidth * seriesCount / 2 + barWidth * Double(s)
                    let label = g < series.labels.count ? series.labels[g] : ""
                    guard let value = point(series, g) else {
                        if label == "—" {
                            svg += "<text x=\"\(n(x + barWidth / 2))\" y=\"\(n(baseline - 4))\" font-size=\"\(n(valueFont))\" text-anchor=\"middle\" fill=\"#777\" class=\"value\">—</text>"
                        }
                        continue
                    }
                    let top = y(value)
                    svg += "<rect x=\"\(n(x + 1))\" y=\"\(n(top))\" width=\"\(n(max(barWidth - 2, 1)))\" height=\"\(n(baseline - top))\" fill=\"\(colour)\"><title>\(XMLText.escape("\(categories[g]) \(series.name) \(label)"))</title></rect>"
                    if !label.isEmpty, textWidth(label, size: valueFont) <= barWidth + 2 {
                        svg += "<text x=\"\(n(x + barWidth / 2))\" y=\"\(n(top - 3))\" font-size=\"\(n(valueFont))\" text-anchor=\"middle\" class=\"value\">\(XMLText.escape(label))</text>"
                    }
                }
            }
        case .lines:
            for (s, series) in chart.series.enumerated() {
                let colour = palette[s % palette.count]
                // A value without a base breaks the line.
                var path = ""
                var pen = false
                for g in categories.indices {
                    guard let value = point(series, g) else { pen = false; continue }
                    path += "\(pen ? "L" : "M")\(n(left + slot * (Double(g) + 0.5))) \(n(y(value)))"
                    pen = true
                }
                if !path.isEmpty {
                    svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash(series))/>"
                }
                guard !series.isPrior else { continue }
                for g in categories.indices {
                    guard let value = point(series, g) else { continue }
                    let label = g < series.labels.count ? series.labels[g] : ""
                    svg += "<circle cx=\"\(n(left + slot * (Double(g) + 0.5)))\" cy=\"\(n(y(value)))\" r=\"3\" fill=\"\(colour)\"><title>\(XMLText.escape("\(categories[g]) \(series.name) \(label)"))</title></circle>"
                }
            }
        }
        svg += "</svg>"
        return svg
    }

    /// At most 8 characters of a category name on the axis: 7 and an ellipsis beyond that.
    static func shortened(_ name: String) -> String {
        name.count <= 8 ? name : String(name.prefix(7)) + "…"
    }

    static func dash(_ series: Chart.Series) -> String {
        series.isPrior ? " stroke-dasharray=\"5 3\"" : ""
    }

    /// The value of point `index`, or nil where the report prints `—` (no base, so no value).
    static func point(_ series: Chart.Series, _ index: Int) -> Double? {
        guard index < series.values.count else { return nil }
        if index < series.labels.count, series.labels[index] == "—" { return nil }
        return series.values[index]
    }

    /// A conservative width of `text` in units at `size`: Chinese characters a full em, digits and
    /// Latin letters 0.62 em, so labels judged to fit do fit in the fonts browsers pick.
    static func textWidth(_ text: String, size: Double) -> Double {
        text.unicodeScalars.reduce(0.0) { sum, scalar in
            sum + (scalar.value >= 0x2E80 ? 1.0 : scalar == "%" ? 0.9 : 0.62) * size
        }
    }

    /// A coordinate with at most one decimal, without a trailing `.0` (same bytes every run).
    static func n(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
