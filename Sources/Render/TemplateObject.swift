import Stencil

/// A named group of template values (`事故`, one part of `下辖`, one breakdown row, one record of
/// a list) that templates reach member by member: `{{ 行业.执法.处罚起数 }}`.
///
/// Stencil copies a plain dictionary, deeply, at every step of a dotted name; a breakdown row holds
/// every metric of the catalog, and a city summary looks up thousands of them, so that copying was
/// most of rendering. An object answers a member without copying anything.
public final class TemplateObject: DynamicMemberLookup, CustomStringConvertible {
    public let members: [String: Any]

    public init(_ members: [String: Any]) { self.members = members }

    public subscript(dynamicMember member: String) -> Any? { members[member] }

    /// An object has no text of its own (`{{ 事故 }}` is caught by the template check).
    public var description: String { "" }
}
