import Diagnostics
import YAMLSource

/// Decodes a secret: `{env: NAME}`, `{file: path}`, or (flagged) the secret itself.
struct SecretDecoder {
    static let schema = KeySchema(["env", "file"], synonyms: ["environment": "env", "path": "file"])

    let sink: DiagnosticSink

    /// - Parameter owner: what the secret belongs to, in messages; made only when there is one.
    func decode(_ node: YAMLNode, field: String, owner: @autoclosure () -> String) -> Located<SecretReference>? {
        switch node {
        case .scalar(let scalar):
            guard !scalar.text.isEmpty else {
                sink.emit(.error(.missingValue, "`\(field)` is empty", at: scalar.span))
                return nil
            }
            guard ScalarDecoder(sink: sink).withinLimit(scalar, field: field) else { return nil }
            let owner = owner()
            sink.emit(.warning(
                .plaintextSecret, "the \(field) of \(owner) is written in plain text", at: scalar.span,
                label: "anyone who can read this repository can use it",
                notes: ["the secret lands in git history, in every clone and in CI logs"],
                help: "keep it outside git: `\(field): { env: \(Self.variableName(for: owner, field: field)) }` "
                    + "or `\(field): { file: /run/secrets/… }`"))
            return Located(.plaintext(scalar.text), at: scalar.span)
        case .mapping(let mapping):
            guard let fields = FieldReader(node, subject: "`\(field)`", schema: Self.schema, sink: sink) else {
                return nil
            }
            let env = fields.string("env"), file = fields.string("file")
            switch (env, file) {
            case (let env?, nil):
                guard Self.isVariableName(env.value) else {
                    sink.emit(.error(
                        .invalidSecretReference, "`\(env.value)` is not an environment variable name", at: env.span,
                        label: "use letters, digits and `_`, not starting with a digit"))
                    return nil
                }
                return Located(.environment(env.value), at: mapping.span)
            case (nil, let file?):
                guard !file.value.utf8.contains(0) else {
                    sink.emit(.error(.invalidSecretReference, "the file path contains a NUL character", at: file.span))
                    return nil
                }
                return Located(.file(file.value), at: mapping.span)
            case (_?, _?):
                sink.emit(.error(
                    .conflictingKeys, "`\(field)` names both `env` and `file`", at: mapping.span,
                    help: "keep one of them"))
                return nil
            case (nil, nil):
                // A present but broken `env` or `file` has been reported already.
                if !fields.has("env") && !fields.has("file") {
                    sink.emit(.error(
                        .invalidSecretReference, "`\(field)` must be `{ env: NAME }` or `{ file: path }`",
                        at: mapping.span))
                }
                return nil
            }
        case .sequence:
            sink.emit(.error(
                .wrongNodeKind, "`\(field)` must be `{ env: NAME }` or `{ file: path }`, found a sequence",
                at: node.span))
            return nil
        }
    }

    /// ASCII letters, digits and `_`, not starting with a digit; checked on UTF-8 bytes (see
    /// `ASCII`; Unicode property lookups cost hundreds of instructions per character).
    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || ASCII.isLetter(first) else {
            return false
        }
        return name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || ASCII.isLetter($0) || ASCII.isDigit($0) }
    }

    /// `ACME_PASSWORD` for the password of provider `acme`, as a ready-to-paste suggestion.
    static func variableName(for owner: String, field: String) -> String {
        let name = owner.split(separator: "`").dropFirst().first.map(String.init) ?? owner
        let cleaned = (name + "_" + field).uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
        return String(cleaned)
    }
}
