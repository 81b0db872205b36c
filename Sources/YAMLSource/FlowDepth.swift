/// How deep the collections being read nest inside the outermost flow collection (`[` or `{`).
///
/// libyaml's scanner keeps one entry per open flow collection and walks all of them for every
/// token it reads, so a file's cost grows with its flow depth times its length: 10,000 nested
/// `[` followed by a megabyte of items would take hours. The composer stops reading a file whose
/// flow depth passes `YAMLLimits.maxFlowDepth`, which keeps that product small.
///
/// Block collections cannot sit inside a flow collection, so every collection opened inside the
/// outermost flow one is a flow collection, and counting open collections is enough.
struct FlowDepth {
    /// Collections open, block and flow.
    private var open = 0
    /// `open` just before the outermost flow collection opened; nil outside flow content.
    private var base: Int?

    /// The flow depth after a collection opens.
    mutating func enter(isFlow: Bool) -> Int {
        open += 1
        if isFlow, base == nil { base = open - 1 }
        return base.map { open - $0 } ?? 0
    }

    mutating func leave() {
        open = max(open - 1, 0)
        if let base, open <= base { self.base = nil }
    }

    /// A new document starts with nothing open.
    mutating func reset() {
        self = FlowDepth()
    }
}
