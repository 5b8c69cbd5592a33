/// The names a template may use: what the context offers, as a tree.
///
/// Built by walking the actual context a template is about to be rendered with, so the check and
/// the data can never drift apart. Lists use the union of their elements' members (or a prototype
/// when a list is empty in this run, so a template stays valid for every data set).
public indirect enum TemplateSchema: Equatable, Sendable {
    /// Something that renders as text (a number, a word, a figure).
    case leaf
    /// Members by name; `renders` when the object itself also prints (a figure: `{{ 事故.起数 }}`).
    case object([String: TemplateSchema], renders: Bool)
    /// A list whose elements have the given schema.
    case list(TemplateSchema)

    /// What a metric offers a template: its members, and 历年 as a list.
    private static let figureSchema: TemplateSchema = {
        var members = Dictionary(uniqueKeysWithValues: TemplateFigure.members.map { ($0, TemplateSchema.leaf) })
        members["历年"] = .list(.object(["年度": .leaf, "数值": .leaf, "有数据": .leaf], renders: false))
        return .object(members, renders: true)
    }()

    /// The schema of a context value. `prototypes` gives, by list name, an element that describes
    /// the list's members when this run's list happens to be empty.
    public static func of(_ value: Any?, prototypes: [String: Any] = [:]) -> TemplateSchema {
        switch value {
        case let dictionary as [String: Any]:
            var members: [String: TemplateSchema] = [:]
            for (key, member) in dictionary {
                var schema = TemplateSchema.of(member, prototypes: prototypes)
                if case .list(let element) = schema, let prototype = prototypes[key] {
                    schema = .list(element.merged(with: .of(prototype, prototypes: prototypes)))
                }
                members[key] = schema
            }
            return .object(members, renders: false)
        case let array as [Any]:
            // The elements of a list are made alike (one part, one breakdown row, one record of a
            // list each), and a prototype stands for every member: the first element is enough —
            // walking all of them made the check quadratic in a region of thousands of parts.
            return .list(array.first.map { TemplateSchema.of($0, prototypes: prototypes) } ?? .leaf)
        case is String:
            return .leaf
        // Tested after the containers and text: casting those to a class bridges them to a
        // Foundation object first (a fifth of a city run when this case came first).
        case let object as TemplateObject:
            return .of(object.members, prototypes: prototypes)
        case is TemplateFigure:
            return figureSchema
        default:
            return .leaf
        }
    }

    func merged(with other: TemplateSchema) -> TemplateSchema {
        switch (self, other) {
        case let (.object(a, r1), .object(b, r2)):
            return .object(a.merging(b) { $0.merged(with: $1) }, renders: r1 || r2)
        case let (.list(a), .list(b)):
            return .list(a.merged(with: b))
        case (.leaf, _): return other
        default: return self
        }
    }

    /// The schema at `path` (`事故.起数.同比`), or the first segment that does not exist.
    func resolve(_ path: [Substring]) -> Result<TemplateSchema, MissingMember> {
        var current = self
        for segment in path {
            switch current {
            case .object(let members, let renders):
                guard let next = members[String(segment)] else {
                    return .failure(MissingMember(name: String(segment), inGroup: !renders))
                }
                current = next
            case .list(let element):
                // Stencil allows `list.first`, `list.last`, `list.count` and numeric indexes.
                if segment == "count" { current = .leaf; continue }
                if segment == "first" || segment == "last" || segment.allSatisfy(\.isNumber) { current = element; continue }
                return .failure(MissingMember(name: String(segment), inGroup: false))
            case .leaf:
                return .failure(MissingMember(name: String(segment), inGroup: false))
            }
        }
        return .success(current)
    }
}

/// The first member of a path that the schema does not have.
struct MissingMember: Error {
    let name: String
    /// Missing from a group of names (the context, a group, a named period) — a declaration this
    /// run does not have — rather than from a figure, a list or a value, where it is a misspelling.
    let inGroup: Bool
}
