import CLibYAML
import Diagnostics

/// The strict YAML front end: turns the bytes of one file into node trees with a source span on
/// every key and value, and reports every YAML-level problem as a diagnostic.
///
/// It drives libyaml's event API (`yaml_parser_parse`) rather than its document loader, so that it
/// controls what the loader would decide silently: duplicate keys, alias expansion, merge keys,
/// tags and nesting depth. Scalars are never typed here (see `YAMLScalar`).
///
/// The reader never traps on any input; problems come back in `YAMLReadResult.diagnostics`.
public struct YAMLReader: Sendable {
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Reads all documents of one file.
    /// - Parameters:
    ///   - bytes: the file's content, UTF-8 (a leading BOM is fine).
    ///   - file: the name every span and diagnostic carries, as the user named the file.
    ///   - lineOffset: added to the line of every node's span, when `bytes` are a part of the
    ///     file that starts below its first line (the parts of a large file read in parallel).
    ///     libyaml's own error messages keep the part's lines: a part with a problem is read
    ///     again as the whole file.
    public func read(_ bytes: [UInt8], file: String, lineOffset: Int = 0) -> YAMLReadResult {
        // Debian's libyaml aborts on a nil input pointer, which is what an empty array gives.
        if bytes.isEmpty {
            return YAMLReadResult(documents: [], diagnostics: [])
        }
        if let refusal = LibYAMLProblem.refuseUTF16(bytes, file: file) {
            return YAMLReadResult(documents: [], diagnostics: [refusal])
        }

        var composer = Composer(file: file, limits: limits, lineOffset: lineOffset)
        bytes.withUnsafeBufferPointer { buffer in
            // libyaml keeps pointers into its own struct: it must stay put, so it lives on the heap.
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) != 0 else {
                composer.fail(LibYAMLProblem.outOfMemory(file: file))
                return
            }
            defer { yaml_parser_delete(parser) }
            // The encoding stays unset: forcing UTF-8 breaks files that start with a BOM.
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)

            let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
            defer { event.deallocate() }
            while true {
                guard yaml_parser_parse(parser, event) != 0 else {
                    // libyaml cannot resume after an error: report it and stop.
                    let problem = LibYAMLProblem(parser.pointee)
                    let diagnostic = problem.diagnostic(file: file, bytes: buffer)
                    if problem.kind == YAML_READER_ERROR {
                        composer.failEncoding(diagnostic)
                    } else {
                        composer.fail(diagnostic)
                    }
                    return
                }
                let isStreamEnd = event.pointee.type == YAML_STREAM_END_EVENT
                composer.consume(event)
                yaml_event_delete(event)
                if isStreamEnd || composer.isStopped { return }
            }
        }
        return composer.result
    }
}
