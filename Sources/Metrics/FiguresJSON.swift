import Model

/// figures.json, schema 1 (REPORTS.md, CATALOG.md), written by hand so that key order is fixed,
/// money stays an exact decimal (484.353, never binary-float noise) and Chinese text is not
/// \u-escaped. Each metric object is one line, so a `diff` of two runs reads metric by metric.
public enum FiguresJSON {
    public static func text(_ figures: Figures) -> String {
        var out = "{\n"
        out += "  \"schema\": \(Figures.schema),\n"
        out += "  \"region\": \(string(figures.region)),\n"
        out += "  \"level\": \(string(figures.level.rawValue)),\n"
        let p = figures.period
        out += "  \"period\": {\"year\": \(p.year), \"through\": \(p.through), \"label\": \(string(p.label)), "
        out += "\"prior_label\": \(string(p.priorLabel)), \"from\": \(string(p.first.description)), \"to\": \(string(p.last.description))},\n"
        if !figures.missing.isEmpty {
            out += "  \"missing\": [" + figures.missing.map(missing).joined(separator: ", ") + "],\n"
        }
        if !figures.priorMissing.isEmpty {
            out += "  \"prior_missing\": [" + figures.priorMissing.map(missing).joined(separator: ", ") + "],\n"
        }
        if !figures.notes.isEmpty {
            out += "  \"notes\": [" + figures.notes.map(string).joined(separator: ", ") + "],\n"
        }
        out += "  \"scopes\": [\n"
        out += figures.scopes.map { scope($0, indent: "    ") }.joined(separator: ",\n")
        out += "\n  ]"
        if !figures.namedPeriods.isEmpty {
            out += ",\n  \"named_periods\": [\n"
            out += figures.namedPeriods.map { n in
                var s = "    {\"name\": \(string(n.name)), \"from\": \(string(n.from.description)), \"to\": \(string(n.to.description)), "
                s += "\"label\": \(string(n.label)), \"prior_label\": \(n.priorLabel.map(string) ?? "null"),\n"
                s += "     \"scopes\": [\n"
                s += n.scopes.map { scope($0, indent: "      ") }.joined(separator: ",\n")
                return s + "\n     ]}"
            }.joined(separator: ",\n")
            out += "\n  ]"
        }
        return out + "\n}\n"
    }

    static func missing(_ m: MissingData) -> String {
        "{\"part\": \(string(m.part)), \"kind\": \(string(m.kind)), \"period\": \(string(m.period))}"
    }

    static func scope(_ scope: ScopeFigures, indent i: String) -> String {
        var out = "\(i){\n"
        out += "\(i)  \"scope\": \(string(scope.scope)),\n"
        out += "\(i)  \"kind\": \(string(scope.kind.rawValue)),\n"
        if !scope.breakdowns.isEmpty {
            out += "\(i)  \"double_decline\": {\"accidents\": \(scope.accidentsDoubleDecline), \"fires\": \(scope.firesDoubleDecline)},\n"
            out += "\(i)  \"double_decline_years\": \(scope.doubleDeclineYears),\n"
        }
        out += "\(i)  \"metrics\": [\n"
        out += scope.metrics.map { "\(i)    " + object($0) }.joined(separator: ",\n")
        out += "\n\(i)  ]"
        if !scope.breakdowns.isEmpty {
            out += ",\n\(i)  \"breakdowns\": {\n"
            out += scope.breakdowns.map { "\(i)    \(string($0.by)): " + breakdown($0.rows, indent: i) }.joined(separator: ",\n")
            out += "\n\(i)  }"
        }
        if !scope.lists.isEmpty {
            out += ",\n\(i)  \"lists\": {\n"
            out += scope.lists.map { list in
                "\(i)    \(string(list.name)): " + (list.entries.isEmpty ? "[]" : "[\n" + list.entries.map { e in
                    "\(i)      {" + (e.fields.map { "\(string($0.name)): \(string($0.value))" } + ["\"source\": \(string(e.source))"])
                        .joined(separator: ", ") + "}"
                }.joined(separator: ",\n") + "\n\(i)    ]")
            }.joined(separator: ",\n")
            out += "\n\(i)  }"
        }
        return out + "\n\(i)}"
    }

    static func breakdown(_ rows: [Breakdown], indent i: String) -> String {
        if rows.isEmpty { return "[]" }
        var out = "[\n"
        out += rows.map { row in
            "\(i)      {\"key\": \(string(row.key)), \"metrics\": [\n"
                + row.metrics.map { "\(i)        " + object($0) }.joined(separator: ",\n")
                + "\n\(i)      ]}"
        }.joined(separator: ",\n")
        return out + "\n\(i)    ]"
    }

    /// One metric as a JSON object on one line.
    public static func object(_ m: MetricFigure) -> String {
        var fields: [(String, String)] = [("id", string(m.id)), ("name", string(m.name)), ("unit", string(m.unit))]
        let has = m.hasValue
        switch m.kind {
        case .count, .money:
            fields.append(("value", has ? m.value.text : "null"))
            if let prior = m.prior, let c = m.comparison {
                fields.append(("prior", prior.text))
                fields.append(("change", c.change.text))
                fields.append(("yoy", c.yoy.map { $0.percent(decimals: 2).text } ?? "null"))
                fields.append(("direction", string(c.direction.rawValue)))
                fields.append(("phrase", string(c.phrase())))
            } else if has && m.priorMissing {
                fields.append(("prior", "null"))
                fields.append(("yoy", "null"))
                fields.append(("phrase", string(Comparison.noPriorPhrase)))
            }
            if let share = m.share, let whole = m.shareOf, has {
                fields.append(("share", share.percent(decimals: 2).text))
                fields.append(("share_of", whole.text))
            } else if let whole = m.shareOf, has {
                fields.append(("share", "null"))
                fields.append(("share_of", whole.text))
            }
        case .rate:
            fields.append(("value", m.ratio == nil || !has ? "null" : m.value.text))
            if m.priorMissing && has {
                fields.append(("prior", "null"))
                fields.append(("phrase", string(Comparison.noPriorPhrase)))
            } else {
                fields.append(("prior", m.priorRatio == nil || !has ? "null" : (m.prior?.text ?? "null")))
            }
            if let c = m.comparison {
                fields.append(("change", c.change.text))
                fields.append(("direction", string(c.direction.rawValue)))
                fields.append(("phrase", string(c.phrase())))
            }
            if let parts = m.parts, has {
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
        if m.missing { fields.append(("missing", "true")) }
        if m.unavailable { fields.append(("unavailable", "true")) }
        if !m.incomplete.isEmpty { fields.append(("incomplete", "[" + m.incomplete.map(string).joined(separator: ", ") + "]")) }
        if m.priorMissing && has { fields.append(("prior_missing", "true")) }
        if !m.priorIncomplete.isEmpty {
            fields.append(("prior_incomplete", "[" + m.priorIncomplete.map(string).joined(separator: ", ") + "]"))
        }
        if let series = m.series {
            fields.append(("series", "[" + series.map { point in
                var s = "{\"year\": \(point.year), \"value\": \(point.value?.text ?? "null")"
                if !point.incomplete.isEmpty { s += ", \"incomplete\": [" + point.incomplete.map(string).joined(separator: ", ") + "]" }
                return s + "}"
            }.joined(separator: ", ") + "]"))
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
