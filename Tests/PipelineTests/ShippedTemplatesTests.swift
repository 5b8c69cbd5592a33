import Foundation
import Testing
@testable import Render

/// The templates built into the tool are exactly those of Templates/ (regenerate with
/// `swift scripts/embed-templates.swift` after changing one).
@Suite struct ShippedTemplatesTests {
    @Test func builtInTemplatesEqualTheTemplatesFolder() throws {
        let folder = repositoryRoot.appendingPathComponent("Templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        #expect(ShippedTemplates.files.map(\.name).sorted() == names,
                "Templates/ and Sources/Render/ShippedTemplates.swift differ: run swift scripts/embed-templates.swift")
        for file in ShippedTemplates.files {
            let onDisk = try Data(contentsOf: folder.appendingPathComponent(file.name))
            #expect(Data(file.text.utf8) == onDisk,
                    "\(file.name) differs from its built-in copy: run swift scripts/embed-templates.swift")
        }
    }

    @Test func theSourceIsFoundWithoutAFolder() throws {
        let empty = temporaryFolder("no-templates")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(try TemplateSource.resolve(nil, workingFolder: empty.path) == .shipped)
        #expect(try TemplateSource.resolve(nil, workingFolder: repositoryRoot.path) == .folder(repositoryRoot.appendingPathComponent("Templates").path))
        #expect(throws: RenderError.self) { try TemplateSource.resolve("missing", workingFolder: empty.path) }
    }
}
