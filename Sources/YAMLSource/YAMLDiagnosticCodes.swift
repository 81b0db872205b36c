import Diagnostics

/// The codes of the YAML front end (`SB10xx`): problems in the YAML itself, found before any
/// manifest field is looked at. Their meaning never changes once released.
extension DiagnosticCode {
    /// libyaml's scanner or parser gave up: bad indentation, a tab, an unclosed quote or bracket.
    public static let yamlSyntax = DiagnosticCode("SB1001", title: "YAML syntax error")
    /// The bytes are not valid UTF-8, or hold a character YAML forbids (a control character).
    public static let yamlEncoding = DiagnosticCode("SB1002", title: "invalid text encoding")
    /// A mapping names the same key twice; the first entry wins.
    public static let yamlDuplicateKey = DiagnosticCode("SB1003", title: "duplicate mapping key")
    /// A mapping key is a mapping or a sequence; manifests only use string keys.
    public static let yamlNonScalarKey = DiagnosticCode("SB1004", title: "mapping key is not a scalar")
    /// Aliases in one file would add more nodes than the limit (an expansion bomb).
    public static let yamlAliasBudget = DiagnosticCode("SB1005", title: "alias expansion over budget")
    /// A `<<` merge key: refused on purpose, YAML 1.2 dropped it and tools disagree on it.
    public static let yamlMergeKey = DiagnosticCode("SB1006", title: "merge key not supported")
    /// An explicit tag such as `!!int` or `!custom`: values are typed by the field they fill.
    public static let yamlTag = DiagnosticCode("SB1007", title: "explicit tag not supported")
    /// An alias names an anchor that no earlier node of the document defines.
    public static let yamlUnknownAlias = DiagnosticCode("SB1008", title: "alias to an unknown anchor")
    /// Collections nest deeper than the reader's limit.
    public static let yamlTooDeep = DiagnosticCode("SB1009", title: "nesting too deep")
    /// An alias inside the very node its anchor names, which would make the tree infinite.
    public static let yamlRecursiveAlias = DiagnosticCode("SB1010", title: "recursive alias")
}
