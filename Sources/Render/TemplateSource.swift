import Foundation

/// Where a run's templates come from: a folder the writer owns, or the default templates built into
/// the tool (`ShippedTemplates`), so that a first run works from any folder and a copied binary
/// needs nothing beside it.
public enum TemplateSource: Sendable, Equatable, CustomStringConvertible {
    /// An absolute path.
    case folder(String)
    case shipped

    /// `--templates DIR` when given (it must exist); otherwise `Templates/` in the working folder
    /// when there is one; otherwise the shipped templates. A folder replaces the shipped templates
    /// as a whole: a template deleted from it is not written.
    public static func resolve(_ option: String?,
                               workingFolder: String = FileManager.default.currentDirectoryPath) throws(RenderError) -> TemplateSource {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if let option {
            let path = absolute(option, in: workingFolder)
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .templates("找不到模板文件夹 \(path)(由 --templates 指定;不写 --templates 时用当前文件夹的 Templates/,没有则用内置模板)")
            }
            guard isDirectory.boolValue else {
                throw .templates("\(path) 不是文件夹(--templates 应指定放模板的文件夹)")
            }
            return .folder(path)
        }
        let local = absolute("Templates", in: workingFolder)
        if fm.fileExists(atPath: local, isDirectory: &isDirectory), isDirectory.boolValue { return .folder(local) }
        return .shipped
    }

    /// `/abs/Templates`, or the words for the built-in set.
    public var description: String {
        switch self {
        case .folder(let path): return path
        case .shipped: return "内置模板(built-in templates)"
        }
    }

    static func absolute(_ path: String, in folder: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: folder).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }
}
