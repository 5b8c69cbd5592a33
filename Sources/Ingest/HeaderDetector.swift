import Model

/// Finds a sheet's header among its first rows and decides its kind (INPUTS.md §Sheet shapes,
/// clarification "Kind is decided by the header row").
///
/// Every row — and every pair of consecutive rows, read as a two-row header whose parent cells
/// (`伤亡情况`) span child cells (`死亡`, `受伤`) — is matched against every kind's fields. The best
/// (row, kind) wins by: qualifies (≥ 3 fields, or all required ones and ≥ 2) › has every required
/// column › most fields › most fields no other kind has › sheet/file/folder name hints › one row
/// before two › earlier row › kind order. 火灾 qualifies only with a fire column (起火场所,
/// 起火原因, 火灾等级) or a name containing 火灾, as INPUTS.md §火灾 says.
struct HeaderDetector: Sendable {
    let catalog: HeaderCatalog
    let schemas: [KindSchema]
    let fields: [FieldDeclaration]
    /// How many non-blank rows at the top of a sheet are searched.
    static let searchRows = 15

    struct Names: Sendable {
        var sheet: String?
        var file: String
        var folders: [String]
    }

    /// One way to read a row (or two) as a header: per column, labels to try in order.
    private struct Candidate {
        let row: Int            // number of the upper row
        let rowCount: Int
        let index: Int          // position among the buffered rows
        var labels: [(column: Int, texts: [String])]
        /// Per label text, its catalog lookup (done once, then matched against every kind).
        var lookups: [[HeaderCatalog.Lookup]] = []
    }

    private struct Evaluation {
        var qualifies = false
        var requiredPresent = false
        var matched = 0
        var specific = 0
        var hint = 0
        /// `slot`: the kind's column.
        var assignment: [(column: Int, slot: Int, rank: Int, unit: String?, text: String)] = []

        func better(than o: Evaluation, rows: (Int, Int, Int, Int), kinds: (Int, Int)) -> Bool {
            if qualifies != o.qualifies { return qualifies }
            if requiredPresent != o.requiredPresent { return requiredPresent }
            if matched != o.matched { return matched > o.matched }
            if specific != o.specific { return specific > o.specific }
            if hint != o.hint { return hint > o.hint }
            if rows.1 != rows.3 { return rows.1 < rows.3 }     // fewer header rows
            if rows.0 != rows.2 { return rows.0 < rows.2 }     // earlier row
            return kinds.0 < kinds.1
        }
    }

    /// The layout of a sheet whose first non-blank rows are `rows`, or nil when no row reads as
    /// the header of any kind.
    func detect(rows: [RawRow], names: Names) -> SheetLayout? {
        var candidates: [Candidate] = []
        for (i, row) in rows.enumerated() where i < HeaderDetector.searchRows {
            candidates.append(Candidate(row: row.number, rowCount: 1, index: i, labels: single(row)))
            if i + 1 < rows.count, rows[i + 1].number == row.number + 1 {
                candidates.append(Candidate(row: row.number, rowCount: 2, index: i, labels: pair(row, rows[i + 1])))
            }
        }
        var seen: [String: HeaderCatalog.Lookup] = [:]
        for c in candidates.indices {
            candidates[c].lookups = candidates[c].labels.map { label in
                label.texts.map { text in
                    if let l = seen[text] { return l }
                    let l = catalog.lookup(HeaderText(text))
                    seen[text] = l
                    return l
                }
            }
        }
        var best: (Evaluation, Candidate, Int)?
        let hints = schemas.map { schema in
            (names.sheet.map(schema.isHinted) == true ? 4 : 0) + (schema.isHinted(by: names.file) ? 2 : 0)
                + (names.folders.contains(where: schema.isHinted) ? 1 : 0)
        }
        for candidate in candidates {
            for (k, schema) in schemas.enumerated() {
                var e = evaluate(candidate, schema: schema)
                e.hint = hints[k]
                if schema.declaration.needsDistinctField, e.specific == 0, e.hint == 0 { e.qualifies = false }
                guard e.qualifies else { continue }
                if let b = best {
                    if e.better(than: b.0, rows: (candidate.row, candidate.rowCount, b.1.row, b.1.rowCount), kinds: (k, b.2)) {
                        best = (e, candidate, k)
                    }
                } else {
                    best = (e, candidate, k)
                }
            }
        }
        guard let (evaluation, candidate, k) = best else { return nil }
        return layout(evaluation, candidate, schema: schemas[k], rows: rows)
    }

    private func single(_ row: RawRow) -> [(column: Int, texts: [String])] {
        row.cells.compactMap { c in
            guard case .text(let t) = c.value, !RawCell.isBlankText(t) else { return nil }
            return (c.column, [t])
        }
    }

    /// Labels of a two-row header: the child text, then parent + child; the parent where the
    /// child is blank. A parent spans the blank parent cells to its right that have children.
    private func pair(_ parent: RawRow, _ child: RawRow) -> [(column: Int, texts: [String])] {
        func text(_ v: RawCell) -> String? {
            if case .text(let t) = v, !RawCell.isBlankText(t) { return t }
            return nil
        }
        // Each row's texts by column, looked up once: a header of a million columns stays linear.
        var parents: [Int: String] = [:], children: [Int: String] = [:]
        for c in parent.cells { if let t = text(c.value) { parents[c.column] = t } }
        for c in child.cells { if let t = text(c.value) { children[c.column] = t } }
        let columns = Set(parents.keys).union(children.keys).sorted()
        var out: [(column: Int, texts: [String])] = []
        var spanning: String?
        var previous = -2
        for c in columns {
            if c != previous + 1 { spanning = nil }
            previous = c
            let p = parents[c]
            let ch = children[c]
            if let p { spanning = ch != nil ? p : nil }
            if let ch {
                let parentText = p ?? spanning
                out.append((c, parentText.map { [ch, $0 + ch] } ?? [ch]))
            } else if let p {
                out.append((c, [p]))
            }
        }
        return out
    }

    private func evaluate(_ candidate: Candidate, schema: KindSchema) -> Evaluation {
        var e = Evaluation()
        var bySlot: [Int: Int] = [:]     // kind column → index in assignment
        for (l, (column, texts)) in candidate.labels.enumerated() {
            var matched: HeaderCatalog.Match?
            var matchedText = texts[0]
            for (t, lookup) in zip(texts, candidate.lookups[l]) where !lookup.isEmpty {
                if let m = catalog.match(lookup, in: schema) { matched = m; matchedText = t; break }
            }
            guard let m = matched else { continue }
            let slot = schema.columnOfField[m.field]
            if let existing = bySlot[slot] {
                if m.rank < e.assignment[existing].rank { e.assignment[existing] = (column, slot, m.rank, m.unit, matchedText) }
            } else {
                bySlot[slot] = e.assignment.count
                e.assignment.append((column, slot, m.rank, m.unit, matchedText))
            }
        }
        e.matched = e.assignment.count
        e.specific = e.assignment.filter { schema.specific[schema.declaration.fields[$0.slot]] }.count
        e.requiredPresent = schema.declaration.required.allSatisfy { bySlot[$0] != nil }
            && schema.declaration.requiredAny.allSatisfy { group in group.contains { bySlot[$0] != nil } }
        e.qualifies = e.matched >= 3 || (e.requiredPresent && e.matched >= 2)
        return e
    }

    private func layout(_ e: Evaluation, _ candidate: Candidate, schema: KindSchema, rows: [RawRow]) -> SheetLayout {
        // A unit line above the header sets the unit of money columns whose header names none.
        var unitLine: MoneyUnit?
        var titles: [String] = []
        for row in rows[..<candidate.index] {
            for c in row.cells {
                guard case .text(let t) = c.value else { continue }
                titles.append(t)
                if unitLine == nil, let u = MoneyUnit.fromUnitLine(t) { unitLine = u }
            }
        }
        let slots = schema.columnCount
        let maxColumn = e.assignment.map(\.column).max() ?? 0
        var columnSlot = [Int16](repeating: -1, count: maxColumn + 1)
        var slotColumn = [Int](repeating: -1, count: slots)
        var headers = [String](repeating: "", count: slots)
        var headerKeys = [String](repeating: "", count: slots)
        var moneyUnits = [MoneyUnit](repeating: .wanYuan, count: slots)
        for (slot, f) in schema.declaration.fields.enumerated() where fields[f].type == .money {
            moneyUnits[slot] = unitLine ?? (fields[f].defaultUnit == .yuan ? .yuan : .wanYuan)
        }
        for a in e.assignment.sorted(by: { $0.column < $1.column }) {
            columnSlot[a.column] = Int16(a.slot)
            slotColumn[a.slot] = a.column
            headers[a.slot] = HeaderDetector.displayHeader(a.text)
            headerKeys[a.slot] = HeaderText(a.text).key
            if fields[schema.declaration.fields[a.slot]].type == .money, let word = a.unit, let u = MoneyUnit(word: word) {
                moneyUnits[a.slot] = u
            }
        }
        var missing = schema.declaration.required.filter { slotColumn[$0] < 0 }
        var missingGroups: [[Int]] = []
        for group in schema.declaration.requiredAny where !group.contains(where: { slotColumn[$0] >= 0 }) {
            missing.append(group[0])
            missingGroups.append(group)
        }
        // Columns that name no field of the kind, or a field another column names better: kept out
        // of the model (listed only for the winning reading of the header).
        let assigned = Set(e.assignment.map(\.column))
        let ignored = candidate.labels.filter { !assigned.contains($0.column) }.map { HeaderDetector.displayHeader($0.texts[0]) }
        return SheetLayout(schema: schema, headerRow: candidate.row, headerRowCount: candidate.rowCount,
                           columnSlot: columnSlot, slotColumn: slotColumn, headers: headers,
                           headerKeys: headerKeys, moneyUnits: moneyUnits, missing: missing, missingGroups: missingGroups,
                           ignored: ignored, unitLine: unitLine, titles: titles)
    }

    /// A header as people read it: line breaks and surrounding spaces removed.
    static func displayHeader(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars where s != "\n" && s != "\r" && s != "\t" { out.append(s) }
        return Substring(String(out)).trimmingSpaces.description
    }
}
