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
    /// Files of at least this many bytes are parsed by libyaml on a second thread while this one
    /// composes the events (`EventPipeline`); smaller ones in line, where starting a thread would
    /// cost more than it saves. The result is the same either way.
    var pipelineThreshold: Int

    public init(limits: YAMLLimits = .default) {
        self.init(limits: limits, pipelineThreshold: EventPipeline.worthwhileSize)
    }

    /// `pipelineThreshold` 0 pipelines every file, `.max` none (tests compare the two).
    init(limits: YAMLLimits, pipelineThreshold: Int) {
        self.limits = limits
        self.pipelineThreshold = pipelineThreshold
    }

    /// Reads all documents of one file.
    /// - Parameters:
    ///   - bytes: the file's content, UTF-8 (a leading BOM is fine).
    ///   - file: the name every span and diagnostic carries, as the user named the file.
    public func read(_ bytes: [UInt8], file: String) -> YAMLReadResult {
        // Debian's libyaml aborts on a nil input pointer, which is what an empty array gives.
        if bytes.isEmpty {
            return YAMLReadResult(documents: [], diagnostics: [])
        }
        if let refusal = LibYAMLProblem.refuseUTF16(bytes, file: file) {
            return YAMLReadResult(documents: [], diagnostics: [refusal])
        }

        var composer = Composer(file: file, limits: limits)
        bytes.withUnsafeBufferPointer { buffer in
            guard let parser = LibYAMLParser(bytes: buffer, file: file) else {
                composer.fail(LibYAMLProblem.outOfMemory(file: file))
                return
            }
            if buffer.count >= pipelineThreshold {
                EventPipeline.run(parser) { composer.consume($0, event: $1) }
            } else {
                EventPipeline.inLine(parser) { composer.consume($0, event: $1) }
            }
        }
        return composer.result
    }
}
