import CLibYAML
import Diagnostics

/// The error libyaml stopped with, copied out of the parser, and its translation into one
/// SB1001 (syntax) or SB1002 (encoding) diagnostic.
///
/// libyaml's own words are kept (users search for them), joined with its context into one
/// sentence; the common mistakes get a help line that says what to change.
struct LibYAMLProblem {
    var kind: yaml_error_type_t
    var problem: String
    /// Byte offset of a reader (encoding) error; libyaml gives no mark for those.
    var offset: Int
    /// The offending byte or code point of a reader error, -1 when none.
    var value: Int
    var mark: SourcePosition
    var context: String?
    var contextMark: SourcePosition

    init(_ parser: yaml_parser_t) {
        kind = parser.error
        problem = parser.problem.map { String(cString: $0) } ?? "unknown libyaml error"
        offset = Int(truncatingIfNeeded: parser.problem_offset)
        value = Int(parser.problem_value)
        mark = SourcePosition(parser.problem_mark)
        context = parser.context.map { String(cString: $0) }
        contextMark = SourcePosition(parser.context_mark)
    }

    /// The diagnostic for this error, located in `bytes`.
    func diagnostic(file: String, bytes: UnsafeBufferPointer<UInt8>) -> Diagnostic {
        switch kind {
        case YAML_READER_ERROR:
            return encodingDiagnostic(file: file, bytes: bytes)
        case YAML_MEMORY_ERROR:
            return Self.outOfMemory(file: file)
        default:
            return syntaxDiagnostic(file: file, bytes: bytes)
        }
    }

    static func outOfMemory(file: String) -> Diagnostic {
        .error(.yamlSyntax, "libyaml ran out of memory while reading this file", at: .wholeFile(file))
    }

    /// UTF-16 files (libyaml would accept them by their BOM) are refused up front: every later
    /// stage, from source quoting to byte offsets, assumes UTF-8.
    static func refuseUTF16(_ bytes: [UInt8], file: String) -> Diagnostic? {
        guard bytes.count >= 2,
              (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE)
        else { return nil }
        return .error(
            .yamlEncoding, "the file is UTF-16 encoded (it starts with a UTF-16 byte order mark)",
            at: .wholeFile(file),
            help: "save the file as UTF-8"
        )
    }

    // MARK: - SB1002

    private func encodingDiagnostic(file: String, bytes: UnsafeBufferPointer<UInt8>) -> Diagnostic {
        let start = ByteLocator.position(ofByte: offset, in: bytes)
        let span = SourceSpan(file: file, start: start, end: start.advanced(by: 1))
        if problem == "control characters are not allowed", value >= 0 {
            return .error(
                .yamlEncoding, "control character \(Self.codePoint(value)) is not allowed in YAML",
                at: span, label: "control character",
                help: "remove it; inside a double-quoted scalar it can be written as an escape such as \"\\x\(Self.hex(value, width: 2))\""
            )
        }
        var message = "invalid UTF-8: \(problem)"
        if value >= 0 {
            message += problem.contains("octet") ? " 0x\(Self.hex(value, width: 2))" : " \(Self.codePoint(value))"
        }
        return .error(
            .yamlEncoding, message, at: span, label: "not UTF-8",
            notes: ["libyaml reads YAML as UTF-8 and stops at the first byte that is not"],
            help: "save the file as UTF-8"
        )
    }

    private static func hex(_ value: Int, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func codePoint(_ value: Int) -> String { "U+" + hex(value, width: 4) }

    // MARK: - SB1001

    private func syntaxDiagnostic(file: String, bytes: UnsafeBufferPointer<UInt8>) -> Diagnostic {
        let span = SourceSpan(file: file, start: mark, end: mark.advanced(by: 1))
        var message = problem
        if let context { message += " " + context }

        var related: [Diagnostic.Related] = []
        if let context, contextMark != mark, let what = Self.subject(ofContext: context) {
            related.append(.init("\(what) starts here", at: SourceSpan(file: file, start: contextMark, end: contextMark.advanced(by: 1))))
        }
        return .error(.yamlSyntax, message, at: span, related: related, help: help(bytes: bytes))
    }

    /// "while scanning a quoted scalar" → "the quoted scalar".
    private static func subject(ofContext context: String) -> String? {
        for prefix in ["while scanning a ", "while parsing a ", "while scanning an ", "while parsing an "]
        where context.hasPrefix(prefix) {
            let rest = context.dropFirst(prefix.count)
            if rest == "node" || rest == "flow node" || rest == "block node" { return nil }
            return "the " + rest
        }
        return nil
    }

    /// Advice for the mistakes people make most; nil when libyaml's words must speak alone.
    private func help(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let context = self.context ?? ""
        let at = "line \(contextMark.line), column \(contextMark.column)"
        let tabs = "indent with spaces; YAML forbids tabs for indentation"
        switch problem {
        case _ where problem.contains("tab"):
            return tabs
        case "found unexpected end of stream" where context.contains("quoted scalar"):
            return "close the quoted scalar started at \(at)"
        case "found unexpected end of stream" where context.contains("block scalar"):
            return "check the block scalar started at \(at)"
        case "did not find expected ',' or ']'":
            return "close the flow sequence started at \(at) with `]`, or separate its items with `,`"
        case "did not find expected ',' or '}'":
            return "close the flow mapping started at \(at) with `}`, or separate its entries with `,`"
        case "did not find expected key" where context.contains("block mapping"):
            return "check the indentation: the keys of the mapping that starts at \(at) must all start in column \(contextMark.column)"
        case "did not find expected '-' indicator":
            return "check the indentation: the items of the sequence that starts at \(at) must all start with `-` in column \(contextMark.column)"
        case "mapping values are not allowed in this context":
            return "quote the value if it contains `: `, or check the indentation"
        case "could not find expected ':'":
            return "add `: ` after the key, or quote the text if it is not meant as a key"
        case "found unknown escape character":
            return "in double quotes `\\` starts an escape: write `\\\\` for a backslash, or use single quotes"
        case "block sequence entries are not allowed in this context":
            return "start the sequence on its own line below the key, indented"
        case "found character that cannot start any token":
            switch character(at: mark, in: bytes) {
            case 0x09: return tabs
            case UInt8(ascii: "@"), UInt8(ascii: "`"): return "`@` and `` ` `` are reserved in YAML: quote the value"
            default: return "quote the value"
            }
        default:
            return nil
        }
    }

    /// The first byte of the character at `position`, if the file has one there.
    private func character(at position: SourcePosition, in bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        ByteLocator.offset(of: position, in: bytes).map { bytes[$0] }
    }
}

extension SourcePosition {
    /// libyaml marks are 0-based; positions are 1-based.
    init(_ mark: yaml_mark_t) {
        self.init(
            line: Int(truncatingIfNeeded: mark.line) &+ 1,
            column: Int(truncatingIfNeeded: mark.column) &+ 1
        )
    }

    /// The position `count` characters further on the same line.
    func advanced(by count: Int) -> SourcePosition {
        SourcePosition(line: line, column: column + count)
    }
}
