import Foundation

/// A SARIF 2.1.0 log for code-scanning services (GitHub code scanning, Azure DevOps, the SARIF
/// viewers of editors): one run of the tool `switchboard` with one result per diagnostic.
///
/// ```json
/// {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
///  "runs": [{"tool": {"driver": {"name": "switchboard", "informationUri"?, "rules": [...]}},
///            "columnKind": "unicodeCodePoints",
///            "results": [{"ruleId", "ruleIndex", "level", "message": {"text"},
///                         "locations": [{"physicalLocation": {"artifactLocation": {"uri", "uriBaseId"?},
///                                                             "region": {...}}, "message"?}],
///                         "relatedLocations"?: [{"id", "physicalLocation", "message"}]}]}]}
/// ```
///
/// - `rules` has one reporting descriptor per code that occurs in the report, in code order:
///   `id`, `name` (the title as one PascalCase word, as SARIF tools recommend), `shortDescription`
///   (the title), and `fullDescription` and `help` (the long text) when `ruleHelp` has one for the
///   code, `helpUri` when `ruleHelpURIs` has one. Each result names its rule by `ruleId` and by
///   `ruleIndex` into that list.
/// - `level` is the severity (`error`, `warning`, `note` are SARIF's words too).
/// - `message.text` is the message, then each note on a line `note: …` and the help on a line
///   `help: …`. No `fixes`: the help says what to change in words.
/// - The primary location carries the label as its `message`; each related span is a
///   `relatedLocations` entry with `id` 1, 2, … and its label as `message`.
/// - `uri` is the file path as the user named it, percent-encoded where URIs require it (`:`
///   too, so that no path reads as a scheme), relative to `uriBaseId` `%SRCROOT%`; an absolute
///   path becomes a `file://` URI without `uriBaseId`.
/// - Regions are copied from the spans: lines and columns are 1-based and `endColumn` is just after
///   the span, as in SARIF. Columns count Unicode scalars, which the run declares with
///   `columnKind: unicodeCodePoints`.
///
/// Keys are sorted and the document is pretty-printed and ends with a line break, so the same
/// report always gives the same bytes. Counts and the per-file cut are not repeated: the `SB0002`
/// note of a cut file is a result like any other.
public struct SARIFRenderer: DiagnosticRenderer, Sendable {
    /// `$schema` of every log: the SARIF 2.1.0 schema as published on SchemaStore.
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// `version` of every log.
    public static let sarifVersion = "2.1.0"
    /// `tool.driver.name`.
    public static let toolName = "switchboard"
    /// The `uriBaseId` relative file paths are resolved against: the checkout, for code scanning.
    public static let sourceRootBaseID = "%SRCROOT%"

    /// The long explanation of each code, by code id (`SB2011`), written as the rule's
    /// `fullDescription` and `help`. The Diagnostics module knows only titles; this is where the
    /// command line is to pass the `switchboard explain` catalogue. Codes without an entry get the
    /// title only.
    public var ruleHelp: [String: String]
    /// A page documenting each code, by code id, written as the rule's `helpUri` (absolute URIs).
    public var ruleHelpURIs: [String: String]
    /// `tool.driver.informationUri`: the tool's home page (an absolute URI); left out when nil.
    public var informationURI: String?

    public init(ruleHelp: [String: String] = [:], ruleHelpURIs: [String: String] = [:], informationURI: String? = nil) {
        self.ruleHelp = ruleHelp
        self.ruleHelpURIs = ruleHelpURIs
        self.informationURI = informationURI
    }

    public func render(_ report: DiagnosticReport) -> String {
        PrettyJSON.encode(log(for: report))
    }

    /// The log as a value, for callers that post-process it.
    public func log(for report: DiagnosticReport) -> Log {
        // One code per id, the first seen, in code order.
        var seen: Set<String> = []
        let codes = report.diagnostics.map(\.code).filter { seen.insert($0.id).inserted }.sorted()
        var ruleIndex: [String: Int] = [:]
        for (index, code) in codes.enumerated() { ruleIndex[code.id] = index }
        let rules = codes.map { code in
            let longText = ruleHelp[code.id].map(MultiformatMessageString.init)
            return ReportingDescriptor(
                id: code.id,
                name: Self.ruleName(forTitle: code.title),
                shortDescription: MultiformatMessageString(text: code.title),
                fullDescription: longText,
                help: longText,
                helpUri: ruleHelpURIs[code.id]
            )
        }
        let results = report.diagnostics.map { diagnostic in
            Result(
                ruleId: diagnostic.code.id,
                ruleIndex: ruleIndex[diagnostic.code.id] ?? -1,
                level: diagnostic.severity.rawValue,
                message: Message(text: Self.messageText(for: diagnostic)),
                locations: [Location(id: nil, span: diagnostic.span, label: diagnostic.label)],
                relatedLocations: diagnostic.related.isEmpty ? nil : diagnostic.related.enumerated().map { index, related in
                    Location(id: index + 1, span: related.span, label: related.label)
                }
            )
        }
        let driver = ToolComponent(name: Self.toolName, informationUri: informationURI, rules: rules)
        let run = Run(tool: Tool(driver: driver), columnKind: "unicodeCodePoints", results: results)
        return Log(schema: Self.schemaURI, version: Self.sarifVersion, runs: [run])
    }

    // MARK: - Text

    /// The message, then `note: …` per note and `help: …`, one per line.
    static func messageText(for diagnostic: Diagnostic) -> String {
        var lines = [diagnostic.message]
        lines += diagnostic.notes.map { "note: " + $0 }
        if let help = diagnostic.help { lines.append("help: " + help) }
        return lines.joined(separator: "\n")
    }

    /// `name defined twice` → `NameDefinedTwice`, `address is not host[:port]` →
    /// `AddressIsNotHostPort`: the words of the title (runs of letters and digits), each with its
    /// first letter capitalized and the rest as written.
    public static func ruleName(forTitle title: String) -> String {
        var name = ""
        var atWordStart = true
        for character in title {
            if character.isLetter || character.isNumber {
                name += atWordStart ? character.uppercased() : String(character)
                atWordStart = false
            } else {
                atWordStart = true
            }
        }
        return name
    }

    /// The artifact location of a file path: relative paths (as the user named them) against
    /// `%SRCROOT%`, absolute ones as `file://` URIs.
    static func artifactLocation(forFile file: String) -> ArtifactLocation {
        if file.hasPrefix("/") {
            return ArtifactLocation(uri: "file://" + percentEncodedPath(file), uriBaseId: nil)
        }
        return ArtifactLocation(uri: percentEncodedPath(file), uriBaseId: sourceRootBaseID)
    }

    /// The path with every byte of its UTF-8 that may not stand for itself in a URI path written
    /// as `%XX`: everything but ASCII letters and digits, `-._~`, `/`, `@` and the sub-delimiters
    /// `!$&'()*+,;=`. `:` is encoded too, so that `a:b.yaml` cannot read as the scheme `a`.
    public static func percentEncodedPath(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            case _ where "-._~/@!$&'()*+,;=".utf8.contains(byte):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return encoded
    }

    // MARK: - Encoding

    // MARK: - The log, as SARIF 2.1.0 names its objects

    /// The `sarifLog` object.
    public struct Log: Codable, Hashable, Sendable {
        public var schema: String
        public var version: String
        public var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version
            case runs
        }
    }

    public struct Run: Codable, Hashable, Sendable {
        public var tool: Tool
        /// Always `unicodeCodePoints`: columns count Unicode scalars.
        public var columnKind: String
        public var results: [Result]
    }

    public struct Tool: Codable, Hashable, Sendable {
        public var driver: ToolComponent
    }

    public struct ToolComponent: Codable, Hashable, Sendable {
        public var name: String
        public var informationUri: String?
        public var rules: [ReportingDescriptor]
    }

    /// A rule: one diagnostic code.
    public struct ReportingDescriptor: Codable, Hashable, Sendable {
        public var id: String
        public var name: String
        public var shortDescription: MultiformatMessageString
        public var fullDescription: MultiformatMessageString?
        public var help: MultiformatMessageString?
        public var helpUri: String?
    }

    public struct MultiformatMessageString: Codable, Hashable, Sendable {
        public var text: String
    }

    public struct Message: Codable, Hashable, Sendable {
        public var text: String
    }

    /// One diagnostic.
    public struct Result: Codable, Hashable, Sendable {
        public var ruleId: String
        public var ruleIndex: Int
        /// `error`, `warning` or `note`.
        public var level: String
        public var message: Message
        public var locations: [Location]
        /// Left out when the diagnostic has no related spans.
        public var relatedLocations: [Location]?
    }

    public struct Location: Codable, Hashable, Sendable {
        /// Set on related locations (1, 2, …), so that messages could link to them.
        public var id: Int?
        public var physicalLocation: PhysicalLocation
        /// The label of the span.
        public var message: Message?

        init(id: Int?, span: SourceSpan, label: String?) {
            self.id = id
            physicalLocation = PhysicalLocation(
                artifactLocation: SARIFRenderer.artifactLocation(forFile: span.file), region: Region(span))
            message = label.map(Message.init)
        }
    }

    public struct PhysicalLocation: Codable, Hashable, Sendable {
        public var artifactLocation: ArtifactLocation
        public var region: Region
    }

    public struct ArtifactLocation: Codable, Hashable, Sendable {
        public var uri: String
        public var uriBaseId: String?
    }

    /// 1-based; `endColumn` is the column just after the span, like `SourceSpan.end`.
    public struct Region: Codable, Hashable, Sendable {
        public var startLine: Int
        public var startColumn: Int
        public var endLine: Int
        public var endColumn: Int

        init(_ span: SourceSpan) {
            startLine = span.start.line
            startColumn = span.start.column
            endLine = span.end.line
            endColumn = span.end.column
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
