/// The version of safetystats: `safetystats --version`, manifest.json's `tool.version`.
public enum ToolVersion {
    public static let number = "0.1.0"
}
