import Model

/// figures.json, schema 1 (REPORTS.md), written by hand so that key order is fixed, money stays an
/// exact decimal (484.353, never binary-float noise) and Chinese text is not \u-escaped.
/// Each metric object is one line, so a `diff` of two runs reads metric by metric.
public enum FiguresJSON {
    public static func text(_ figures: Figures) -> String {
        var out = "{\n"
        out += "  \"schema\": \(Figures.schema),\n"
        out += "  \"region\": \(string(figures.region)),\n"
        out += "  \"level\": \(string(figures.level.rawValue)),\n"
        let p = figures.period
        out += "  \"period\": {\"year\": \(p.year), \"through\": \(p.through), \"label\": \(string(p.label)), "
        out += "\"prior_label\": \(string(p.priorLabel))},\n"
        out += "  \"scopes\": [\n"
        for (i, scope) in figures.scopes.enumerated() {
            out += "    {\n"
            out += "      \"scope\": \(string(scope.scope)),\n"
            out += "      \"kind\": \(string(scope.kind.rawValue)),\n"
            out += "      \"double_decline\": {\"accidents\": \(scope.accidentsDoubleDecline), \"fires\": \(scope.firesDoubleDecline)},\n"
            out += "      \"metrics\": [\n"
            out += scope.metrics.map { "        " + object($0) }.joined(separator: ",\n")
            out += "\n      ],\n"
            out += "      \"breakdowns\": {\n"
            out += "        \"行业领域\": " + breakdown(scope.industries) + ",\n"
            out += "        \"月份\": " + breakdown(scope.months) + "\n"
            out += "      }\n"
            out += i == figures.scopes.count - 1 ? "    }\n" : "    },\n"
        }
        out += "  ]\n}\n"
        return out
    }

    static func breakdown(_ rows: [Breakdown]) -> String {
        if rows.isEmpty { return "[]" }
        var out = "[\n"
        out += rows.map { row in
            "          {\"key\": \(string(row.key)), \"metrics\": [\n"
                + row.metrics.map { "            " + object($0) }.joined(separator: ",\n")
                + "\n          ]}"
        }.joined(separator: ",\n")
        return out + "\n        ]"
    }

    /// One metric as a JSON object on one line.
    public static func object(_ m: MetricFigure) -> String {
        var fields: [(String, String)] = [("id", string(m.id)), ("name", string(m.name)), ("unit", string(m.unit))]
        switch m.kind {
        case .count, .money:
            fields.append(("value", m.value.text))
            if let prior = m.prior, let c = m.comparison {
                fields.append(("prior", prior.text))
                fields.append(("change", c.change.text))
                fields.append(("yoy", c.yoy.map { $0.percent(decimals: 2).text } ?? "null"))
                fields.append(("direction", string(c.direction.rawValue)))
                fields.append(("phrase", string(c.phrase())))
            }
            if let share = m.share, let whole = m.shareOf {
                fields.append(("share", share.percent(decimals: 2).text))
                fields.append(("share_of", whole.text))
            } else if let whole = m.shareOf {
                fields.append(("share", "null"))
                fields.append(("share_of", whole.text))
            }
        case .rate:
            fields.append(("value", m.ratio == nil ? "null" : m.value.text))
            fields.append(("prior", m.priorRatio == nil ? "null" : (m.prior?.text ?? "null")))
            if let c = m.comparison {
                fields.append(("change", c.change.text))
                fields.append(("direction", string(c.direction.rawValue)))
                fields.append(("phrase", string(c.phrase())))
            }
            if let parts = m.parts {
                fields.append(("numerator", parts.numerator.text))
                fields.append(("denominator", parts.denominator.text))
            }
        case .completion:
            fields.append(("value", m.ratio == nil ? "null" : m.value.text))
            if let parts = m.parts {
                fields.append(("numerator", parts.numerator.text))
                fields.append(("denominator", parts.denominator.text))
            }
        }
        return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// A JSON string: quotes, backslashes and control characters escaped; everything else as is.
    public static func quoted(_ s: String) -> String { string(s) }

    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
