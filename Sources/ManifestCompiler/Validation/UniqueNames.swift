import Diagnostics

/// Names unique across all files: a repeat is reported where it repeats, pointing back at the
/// first definition.
struct UniqueNames {
    let sink: DiagnosticSink

    /// `what` names the identity in messages, e.g. "provider name" or "extension number".
    func check(_ names: [Located<String>], what: String, of kind: String) {
        var first: [String: Located<String>] = [:]
        for name in names {
            if let original = first[name.value] {
                sink.emit(.error(
                    .duplicateName, "\(what) `\(name.value)` is defined twice", at: name.span,
                    label: "defined again here",
                    related: [.init("first defined here", at: original.span)],
                    notes: ["\(what)s are unique across all manifest files"],
                    help: "rename one of them, or remove the repeated \(kind)"))
            } else {
                first[name.value] = name
            }
        }
    }
}
