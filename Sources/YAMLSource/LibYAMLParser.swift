import CLibYAML
import Diagnostics

/// libyaml's event parser over one file's bytes, owned: initialised on creation, deleted when it
/// goes away. `next(into:)` gives one event at a time, or the error libyaml stopped with, already
/// turned into its diagnostic.
///
/// Both ways of reading a file use it, so they see the same events and the same errors: in line
/// (`YAMLReader` composes each event as it comes) and ahead of the composer on a thread of its own
/// (`EventPipeline`). A class, so it can be handed to that thread; one thread uses it at a time.
final class LibYAMLParser: @unchecked Sendable {
    /// What one call of `next(into:)` produced.
    enum Step {
        /// An event was written; `isStreamEnd` for the last one of the file.
        case event(isStreamEnd: Bool)
        /// libyaml stopped (it cannot resume after an error). `isEncoding` for a reader
        /// (encoding) error, which replaces everything read before it.
        case failure(Diagnostic, isEncoding: Bool)
    }

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let bytes: UnsafeBufferPointer<UInt8>
    private let file: String

    /// Nil when libyaml cannot even allocate its parser. `bytes` must stay valid, non-empty and in
    /// place for the parser's lifetime (libyaml keeps a pointer into them).
    init?(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        // libyaml keeps pointers into its own struct: it must stay put, so it lives on the heap.
        parser = .allocate(capacity: 1)
        guard yaml_parser_initialize(parser) != 0 else {
            parser.deallocate()
            return nil
        }
        self.bytes = bytes
        self.file = file
        // The encoding stays unset: forcing UTF-8 breaks files that start with a BOM.
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// Parses the next event into `event`. After `.failure` or the stream's end, do not call again.
    func next(into event: UnsafeMutablePointer<yaml_event_t>) -> Step {
        guard yaml_parser_parse(parser, event) != 0 else {
            let problem = LibYAMLProblem(parser.pointee)
            return .failure(problem.diagnostic(file: file, bytes: bytes), isEncoding: problem.kind == YAML_READER_ERROR)
        }
        return .event(isStreamEnd: event.pointee.type == YAML_STREAM_END_EVENT)
    }
}
