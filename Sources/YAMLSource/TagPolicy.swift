import CLibYAML

/// Which explicit tags the reader accepts: only those that change nothing.
///
/// Switchboard types values by the field they fill, so a tag such as `!!int` or `!!bool` would
/// either be ignored (surprising) or fight the schema. The core `str`/`map`/`seq` tags on the
/// matching node kind and the non-specific `!` are no-ops, so they are allowed.
enum TagPolicy {
    enum NodeKind {
        case scalar, mapping, sequence
    }

    private static let corePrefix = "tag:yaml.org,2002:"

    /// The tag as a string when it is refused on this kind of node, nil when it is fine.
    static func refusedTag(_ tag: UnsafePointer<yaml_char_t>?, on kind: NodeKind) -> String? {
        guard let tag else { return nil }
        let text = String(cString: tag)
        if text == "!" { return nil }
        switch kind {
        case .scalar where text == corePrefix + "str": return nil
        case .mapping where text == corePrefix + "map": return nil
        case .sequence where text == corePrefix + "seq": return nil
        default: return text
        }
    }

    /// The tag as users write it: `!!int` for core tags, `!custom` for local ones, `!<uri>` otherwise.
    static func display(_ tag: String) -> String {
        if tag.hasPrefix(corePrefix) { return "!!" + tag.dropFirst(corePrefix.count) }
        if tag.hasPrefix("!") { return tag }
        return "!<\(tag)>"
    }
}
