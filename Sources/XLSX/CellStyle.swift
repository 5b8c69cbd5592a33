/// How a written cell looks beyond its number format: font, borders, alignment, fill. Used with
/// `CellInput.styled`; the default (all off) is Excel's Normal style.
public struct CellStyle: Hashable, Sendable {
    public enum Horizontal: String, Sendable { case left, center, right }

    public var bold: Bool
    /// Points; nil is the workbook's 11.
    public var fontSize: Double?
    /// nil is the workbook's Calibri (Excel draws Chinese in its East Asian default then).
    public var fontName: String?
    /// Thin black lines on all four sides.
    public var border: Bool
    public var horizontal: Horizontal?
    public var verticalCenter: Bool
    public var wrap: Bool
    /// A solid background, as RGB hex (`F2F2F2`).
    public var fill: String?

    public init(bold: Bool = false, fontSize: Double? = nil, fontName: String? = nil, border: Bool = false,
                horizontal: Horizontal? = nil, verticalCenter: Bool = false, wrap: Bool = false, fill: String? = nil) {
        self.bold = bold
        self.fontSize = fontSize
        self.fontName = fontName
        self.border = border
        self.horizontal = horizontal
        self.verticalCenter = verticalCenter
        self.wrap = wrap
        self.fill = fill
    }

    /// Nothing but Excel's defaults.
    var isPlain: Bool { self == CellStyle() }
}
