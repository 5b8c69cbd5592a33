import Model

/// figures.json, schema 1 (REPORTS.md, CATALOG.md), written by hand so that key order is fixed,
/// money stays an exact decimal (484.353, never binary-float noise) and Chinese text is not
/// \u-escaped. Each metric object is one line, so a `diff` of two runs reads metric by metric.
public enum FiguresJSON {
    public static func text(_ figures: Figures) -> String { String(decoding: bytes(figures), as: UTF8.self) }

    /// The file's bytes. Scopes are written on every core, each into its own buffer, and joined
    /// in scope order, so the text is the same as writing them one after another.
    public static func bytes(_ figures: Figures) -> [UInt8] {
        var out = JSONBuffer()
        out.raw("{\n  \"schema\": \(Figures.schema),\n  \"region\": ")
        out.string(figures.region)
        out.raw(",\n  \"level\": ")
        out.string(figures.level.rawValue)
        let p = figures.period
        out.raw(",\n  \"period\": {\"year\": \(p.year), \"through\": \(p.through)")
        out.member("label", p.label)
        out.member("prior_label", p.priorLabel)
        out.member("from", p.first.description)
        out.member("to", p.last.description)
        out.raw("},\n")
        for (key, list) in [("missing", figures.missing), ("prior_missing", figures.priorMissing)] where !list.isEmpty {
            out.raw("  \"\(key)\": [")
            for (n, m) in list.enumerated() {
                if n > 0 { out.raw(", ") }
                missing(m, into: &out)
            }
            out.raw("],\n")
        }
        if !figures.notes.isEmpty {
            out.raw("  \"notes\": ")
            out.strings(figures.notes)
            out.raw(",\n")
        }
        out.raw("  \"scopes\": [\n")
        scopes(figures.scopes, indent: "    ", into: &out)
        out.raw("\n  ]")
        if !figures.namedPeriods.isEmpty {
            out.raw(",\n  \"named_periods\": [\n")
            for (n, named) in figures.namedPeriods.enumerated() {
                if n > 0 { out.raw(",\n") }
                out.raw("    {\"name\": ")
                out.string(named.name)
                out.member("from", named.from.description)
                out.member("to", named.to.description)
                out.member("label", named.label)
                out.member("prior_label", named.priorLabel)
                out.raw(",\n     \"scopes\": [\n")
                scopes(named.scopes, indent: "      ", into: &out)
                out.raw("\n     ]}")
            }
            out.raw("\n  ]")
        }
        out.raw("\n}\n")
        return out.bytes
    }

    static func missing(_ m: MissingData, into out: inout JSONBuffer) {
        out.raw("{\"part\": ")
        out.string(m.part)
        out.member("kind", m.kind)
        out.member("period", m.period)
        out.raw("}")
    }

    static func scopes(_ scopes: [ScopeFigures], indent: String, into out: inout JSONBuffer) {
        let written = InParallel.map(scopes.count) { n in
            var own = JSONBuffer()
            scope(scopes[n], indent: indent, into: &own)
            return own
        }
        for (n, scope) in written.enumerated() {
            if n > 0 { out.raw(",\n") }
            out.raw(scope)
        }
    }

    static func scope(_ scope: ScopeFigures, indent i: String, into out: inout JSONBuffer) {
        out.raw("\(i){\n\(i)  \"scope\": ")
        out.string(scope.scope)
        out.raw(",\n\(i)  \"kind\": ")
        out.string(scope.kind.rawValue)
        out.raw(",\n")
        if !scope.breakdowns.isEmpty {
            out.raw("\(i)  \"double_decline\": {\"accidents\": ")
            out.bool(scope.accidentsDoubleDecline)
            out.raw(", \"fires\": ")
            out.bool(scope.firesDoubleDecline)
            out.raw("},\n\(i)  \"double_decline_years\": \(scope.doubleDeclineYears),\n")
        }
        out.raw("\(i)  \"metrics\": [\n")
        metrics(scope.metrics, indent: i + "    ", into: &out)
        out.raw("\n\(i)  ]")
        if !scope.breakdowns.isEmpty {
            out.raw(",\n\(i)  \"breakdowns\": {\n")
            for (n, b) in scope.breakdowns.enumerated() {
                if n > 0 { out.raw(",\n") }
                out.raw("\(i)    ")
                out.string(b.by)
                out.raw(": ")
                breakdown(b.rows, indent: i, into: &out)
            }
            out.raw("\n\(i)  }")
        }
        if !scope.lists.isEmpty {
            out.raw(",\n\(i)  \"lists\": {\n")
            for (n, list) in scope.lists.enumerated() {
                if n > 0 { out.raw(",\n") }
                out.raw("\(i)    ")
                out.string(list.name)
                out.raw(": ")
                if list.entries.isEmpty {
                    out.raw("[]")
                    continue
                }
                out.raw("[\n")
                for (e, entry) in list.entries.enumerated() {
                    if e > 0 { out.raw(",\n") }
                    out.raw("\(i)      {")
                    for field in entry.fields {
                        out.string(field.name)
                        out.raw(": ")
                        out.string(field.value)
                        out.raw(", ")
                    }
                    out.raw("\"source\": ")
                    out.string(entry.source)
                    out.raw("}")
                }
                out.raw("\n\(i)    ]")
            }
            out.raw("\n\(i)  }")
        }
        out.raw("\n\(i)}")
    }

    static func metrics(_ metrics: [MetricFigure], indent: String, into out: inout JSONBuffer) {
        for (n, m) in metrics.enumerated() {
            if n > 0 { out.raw(",\n") }
            out.raw(indent)
            object(m, into: &out)
        }
    }

    static func breakdown(_ rows: [Breakdown], indent i: String, into out: inout JSONBuffer) {
        if rows.isEmpty {
            out.raw("[]")
            return
        }
        out.raw("[\n")
        for (n, row) in rows.enumerated() {
            if n > 0 { out.raw(",\n") }
            out.raw("\(i)      {\"key\": ")
            out.string(row.key)
            out.raw(", \"metrics\": [\n")
            metrics(row.metrics, indent: i + "        ", into: &out)
            out.raw("\n\(i)      ]}")
        }
        out.raw("\n\(i)    ]")
    }

    /// One metric as a JSON object on one line.
    public static func object(_ m: MetricFigure) -> String {
        var out = JSONBuffer()
        object(m, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    static func object(_ m: MetricFigure, into out: inout JSONBuffer) {
        var first = true
        func key(_ name: String) {
            out.raw(first ? "{\"" : ", \"")
            out.raw(name)
            out.raw("\": ")
            first = false
        }
        func text(_ name: String, _ value: String) {
            key(name)
            out.string(value)
        }
        func plain(_ name: String, _ value: String) {
            key(name)
            out.raw(value)
        }
        text("id", m.id)
        text("name", m.name)
        text("unit", m.unit)
        let has = m.hasValue
        switch m.kind {
        case .count, .money:
            plain("value", has ? m.value.text : "null")
            if let prior = m.prior, let c = m.comparison {
                plain("prior", prior.text)
                plain("change", c.change.text)
                plain("yoy", c.yoy.map { $0.percent(decimals: 2).text } ?? "null")
                text("direction", c.direction.rawValue)
                text("phrase", c.phrase())
            } else if has && m.priorMissing {
                plain("prior", "null")
                plain("yoy", "null")
                text("phrase", Comparison.noPriorPhrase)
            }
            if let share = m.share, let whole = m.shareOf, has {
                plain("share", share.percent(decimals: 2).text)
                plain("share_of", whole.text)
            } else if let whole = m.shareOf, has {
                plain("share", "null")
                plain("share_of", whole.text)
            }
        case .rate:
            plain("value", m.ratio == nil || !has ? "null" : m.value.text)
            if m.priorMissing && has {
                plain("prior", "null")
                text("phrase", Comparison.noPriorPhrase)
            } else {
                plain("prior", m.priorRatio == nil || !has ? "null" : (m.prior?.text ?? "null"))
            }
            if let c = m.comparison {
                plain("change", c.change.text)
                text("direction", c.direction.rawValue)
                text("phrase", c.phrase())
            }
            if let parts = m.parts, has {
                plain("numerator", parts.numerator.text)
                plain("denominator", parts.denominator.text)
            }
        case .completion:
            plain("value", m.ratio == nil ? "null" : m.value.text)
            if let parts = m.parts {
                plain("numerator", parts.numerator.text)
                plain("denominator", parts.denominator.text)
            }
        }
        if m.missing { plain("missing", "true") }
        if m.unavailable { plain("unavailable", "true") }
        if !m.incomplete.isEmpty {
            key("incomplete")
            out.strings(m.incomplete)
        }
        if m.priorMissing && has { plain("prior_missing", "true") }
        if !m.priorIncomplete.isEmpty {
            key("prior_incomplete")
            out.strings(m.priorIncomplete)
        }
        if let series = m.series {
            key("series")
            out.raw("[")
            for (n, point) in series.enumerated() {
                if n > 0 { out.raw(", ") }
                out.raw("{\"year\": \(point.year), \"value\": \(point.value?.text ?? "null")")
                if !point.incomplete.isEmpty {
                    out.raw(", \"incomplete\": ")
                    out.strings(point.incomplete)
                }
                out.raw("}")
            }
            out.raw("]")
        }
        out.raw("}")
    }

    /// A JSON string: quotes, backslashes and control characters escaped; everything else as is.
    public static func quoted(_ s: String) -> String { string(s) }

    static func string(_ s: String) -> String {
        var out = JSONBuffer()
        out.string(s)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
