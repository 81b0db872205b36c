import Foundation

/// Helpers of the schema tests: the package root and the external validator.
enum SchemaTestSupport {
    /// The package's root folder, found from this file (`Tests/ManifestCompilerTests/Schema/…`).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fresh folder for the files one test hands to the validator.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("switchboard-schema-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs `scripts/validate-json-schema` (Python's jsonschema, a validator Switchboard did not
    /// write) on `files` with `schema` as the schema; returns its exit status and its output
    /// (standard output and standard error together).
    static func validate(schema: String, files: [String]) throws -> (status: Int32, output: String) {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let schemaFile = folder.appendingPathComponent("schema.json")
        try Data(schema.utf8).write(to: schemaFile)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent("scripts/validate-json-schema").path, schemaFile.path]
            + files
        process.currentDirectoryURL = packageRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Writes each `(name, text)` into `folder` and returns the paths, in order.
    static func write(_ files: [(name: String, text: String)], into folder: URL) throws -> [String] {
        try files.map { file in
            let url = folder.appendingPathComponent(file.name)
            try Data(file.text.utf8).write(to: url)
            return url.path
        }
    }
}
