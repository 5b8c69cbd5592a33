import Stencil

/// A plain value given by dotted name that also has members — `事故.起数` is "12" and
/// `事故.起数.同比` is "同比下降14.3%" — as a figure is in the Markdown templates: it prints its own
/// text and answers for its members.
final class DocxTemplateValue: DynamicMemberLookup, CustomStringConvertible {
    let text: String
    let members: [String: Any]

    init(text: String, members: [String: Any]) {
        self.text = text
        self.members = members
    }

    var description: String { text }

    subscript(dynamicMember member: String) -> Any? { members[member] }

    /// The context and its schema for plain values by dotted name and lists of such maps.
    static func context(_ values: [String: String], lists: [String: [[String: String]]]) -> (context: [String: Any], schema: TemplateSchema) {
        var (context, schema) = tree(values)
        guard case .object(var members, let renders) = schema else { return (context, schema) }
        for (name, items) in lists {
            var element: TemplateSchema?
            var elements: [Any] = []
            for item in items {
                let (value, itemSchema) = tree(item)
                elements.append(value)
                element = element.map { $0.merged(with: itemSchema) } ?? itemSchema
            }
            context[name] = elements
            // An empty list tells nothing of its elements' names: `.leaf` leaves them unchecked.
            members[name] = .list(element ?? .leaf)
        }
        schema = .object(members, renders: renders)
        return (context, schema)
    }

    /// Nested values for dotted keys, with the schema describing them.
    static func tree(_ flat: [String: String]) -> ([String: Any], TemplateSchema) {
        final class Node {
            var text: String?
            var children: [String: Node] = [:]
        }
        let root = Node()
        for (key, value) in flat {
            var node = root
            for segment in key.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
                if let child = node.children[segment] {
                    node = child
                } else {
                    let child = Node()
                    node.children[segment] = child
                    node = child
                }
            }
            node.text = value
        }
        func build(_ node: Node) -> (Any, TemplateSchema) {
            if node.children.isEmpty { return (node.text ?? "", .leaf) }
            var members: [String: Any] = [:]
            var schemas: [String: TemplateSchema] = [:]
            for (name, child) in node.children {
                let (value, schema) = build(child)
                members[name] = value
                schemas[name] = schema
            }
            if let text = node.text {
                return (DocxTemplateValue(text: text, members: members), .object(schemas, renders: true))
            }
            return (members, .object(schemas, renders: false))
        }
        var members: [String: Any] = [:]
        var schemas: [String: TemplateSchema] = [:]
        for (name, child) in root.children {
            let (value, schema) = build(child)
            members[name] = value
            schemas[name] = schema
        }
        return (members, .object(schemas, renders: false))
    }
}
