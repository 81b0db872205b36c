import Foundation
import Testing
@testable import ManifestCompiler

/// The committed files in `schemas/` are what the code generates, byte for byte.
@Suite struct SchemaFilesTests {
    @Test(arguments: [
        ("manifest.schema.json", "swift run switchboard schema > schemas/manifest.schema.json"),
        ("bundle.schema.json", "swift run switchboard schema --bundle > schemas/bundle.schema.json"),
    ])
    func committedSchemaIsCurrent(_ file: String, _ regenerate: String) throws {
        let url = SchemaTestSupport.packageRoot.appendingPathComponent("schemas").appendingPathComponent(file)
        let expected = file.hasPrefix("manifest") ? ManifestSchema.text : BundleSchema.text
        let committed = FileManager.default.contents(atPath: url.path)
        #expect(
            committed == Data(expected.utf8),
            "schemas/\(file) differs from what Switchboard generates; regenerate it with `\(regenerate)`")
    }

    @Test func schemasAreCanonicalAndEndWithALineBreak() {
        for text in [ManifestSchema.text, BundleSchema.text] {
            #expect(text.hasPrefix("{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n"))
            #expect(text.hasSuffix("}\n"))
            #expect(!text.contains("\t"))
        }
    }
}
