/// A rendered report as a list of blocks — what the Markdown a template produced means, so that the
/// same template yields Markdown, HTML and a GB/T 9704 Word document.
public struct ReportDocument: Equatable, Sendable {
    public enum Block: Equatable, Sendable {
        /// `# …` — the document title (2号小标宋, centred).
        case title(String)
        /// `## 一、…` — level-1 heading (黑体).
        case heading1(String)
        /// `### (一)…` — level-2 heading (楷体).
        case heading2(String)
        /// A body paragraph (仿宋, first-line indent two characters).
        case paragraph(String)
        /// `> …` — a marked place for the writer's own text (三、存在问题, 四、下一步工作思路).
        case writerNote(String)
        /// A pipe table: the first row is the header.
        case table([[String]])
        /// `<!-- 图表:NAME -->` — where a chart goes (HTML: inline SVG; DOCX: a native Word chart).
        case chart(String)
    }

    public var blocks: [Block]

    public init(blocks: [Block]) { self.blocks = blocks }

    /// The title, if the document has one.
    public var title: String? {
        for case .title(let t) in blocks { return t }
        return nil
    }
}
