import Diagnostics

/// What an anchor name refers to at the current point of a document.
enum AnchorState {
    /// The anchored collection is still open: an alias to it now would be recursive.
    case open(SourceSpan)
    /// A finished node, with the size and height an alias to it adds (memoized, so counting
    /// alias expansion costs O(1) per alias).
    case done(YAMLNode, nodeCount: Int, height: Int)
    /// The anchored node was skipped (too deep); its problem is already reported.
    case skipped
}
