/// Bounds on templates, checked before anything is rendered, so that a hostile or broken template
/// ends in an error naming it instead of a crash or a run that never ends: the template engine
/// (Stencil) recurses once per nesting level (5 000 nested `{% for %}` overflowed the stack), its
/// lexer takes time growing with the square of the template's size (1 MB ≈ 4 s, 4 MB ≈ 40 s), and
/// nested loops multiply (ten `{% for 区 in 下辖 %}` inside each other over six districts is
/// 60 million repetitions). Real templates are a few kilobytes, nest three or four levels and
/// repeat their innermost text a few thousand times.
public struct TemplateLimits: Sendable, Equatable {
    /// Bytes of a Markdown template (`--template-max-mb`).
    public var maxBytes: Int
    /// Open `{% if %}`/`{% for %}`/`{% filter %}` blocks at one place (`--template-max-depth`).
    public var maxDepth: Int
    /// Repetitions of the innermost text of nested loops, from this run's list lengths
    /// (`--template-max-loops`).
    public var maxLoopRepetitions: Int
    /// Bytes of one part of a writer's Word template once inflated — document body, header,
    /// footer, image — checked against the size the archive declares before inflating, and while
    /// inflating (`--word-template-max-mb`).
    public var maxWordPartBytes: Int

    /// Stencil's recursion stays well within the stack at this depth.
    public static let deepestAllowed = 200

    public init(maxBytes: Int = 1 << 20, maxDepth: Int = 20, maxLoopRepetitions: Int = 1_000_000,
                maxWordPartBytes: Int = 32 << 20) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxLoopRepetitions = maxLoopRepetitions
        self.maxWordPartBytes = maxWordPartBytes
    }

    public static let `default` = TemplateLimits()
}
