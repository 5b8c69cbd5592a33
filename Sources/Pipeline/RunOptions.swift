import Render

/// What one `safetystats run` does.
public struct RunOptions: Sendable {
    public var inputs: String
    public var output: String
    /// The templates folder; nil: `Templates/` of the working folder when there is one, else the
    /// templates built into the tool (`TemplateSource.resolve`).
    public var templates: String?
    /// The period asked for (`--year`/`--through` or `--from`/`--to`); empty: the default period.
    public var period = PeriodRequest()
    public var year: Int? {
        get { period.year }
        set { period.year = newValue }
    }
    public var through: Int? {
        get { period.through }
        set { period.through = newValue }
    }
    public var formats: Set<OutputFormat> = Set(OutputFormat.allCases)
    public var strict = false
    /// `--skip-unreadable`: go on without input files that cannot be read (by default they stop the
    /// run); every document then names them (`UncountedFiles`).
    public var skipUnreadable = false
    /// `--allow-missing`: write the outputs although some part sent no data of a kind for the
    /// period (by default that stops the run); those figures then read 未报送 and region totals
    /// say which parts they leave out.
    public var allowMissing = false
    /// Bounds on templates (size, nesting, loop repetitions, Word parts), checked before rendering.
    public var templateLimits = TemplateLimits.default
    /// Progress messages (the CLI shows them on a terminal).
    public var progress: @Sendable (String) -> Void = { _ in }

    public init(inputs: String = "Inputs", output: String = "Outputs", templates: String? = nil) {
        self.inputs = inputs
        self.output = output
        self.templates = templates
    }
}
