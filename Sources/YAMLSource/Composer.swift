import CLibYAML
import Diagnostics

/// Builds node trees from libyaml events and enforces the reader's policy on the way:
/// duplicate keys, non-scalar keys, merge keys, tags, aliases (with an expansion budget) and depth.
///
/// Everything is iterative: open collections live on an explicit stack of frames, so no input
/// can overflow the call stack, and content past the depth limit is skipped by counting events.
/// A struct driven through one `var`, so its own state is checked for exclusive access at
/// compile time rather than on every event.
struct Composer {
    private let file: SourceFileID
    private let limits: YAMLLimits

    private var documents: [YAMLDocument] = []
    private var diagnostics: [Diagnostic] = []

    // The document being read.
    private var documentStart = SourcePosition(line: 1, column: 1)
    private var root: YAMLNode?
    /// The root is the empty plain scalar libyaml sends for a document without content.
    private var rootIsEmpty = false
    private var stack: [CollectionFrame] = []
    /// Anchors are scoped to one document.
    private var anchors: [String: AnchorState] = [:]
    /// Anchor names of earlier documents, to explain an alias that reaches across `---`.
    private var earlierAnchors: Set<String> = []

    // Content past the depth limit: how many collections deep we are inside the skipped one.
    private var skipDepth = 0
    private var skipped: (isMapping: Bool, start: SourcePosition) = (false, SourcePosition(line: 1, column: 1))
    private var reportedTooDeep = false
    private var flowDepth = FlowDepth()
    /// Set when the file is too deep in flow collections to read on (see `FlowDepth`): the reader
    /// stops, and the unfinished document is dropped as after a syntax error.
    private(set) var isStopped = false

    /// Nodes added by alias expansion so far in this file.
    private var expansion = 0
    private var expansionExhausted = false

    /// Line n of the text read is line n + `lineOffset` of the file: the text is a part of a
    /// large file (see `YAMLReader.read(_:file:lineOffset:)`).
    private let lineOffset: Int

    init(file: String, limits: YAMLLimits, lineOffset: Int = 0) {
        // Interned once: every span of the file carries this small number, not the name.
        self.file = SourceFileID(file)
        self.limits = limits
        self.lineOffset = lineOffset
    }

    var result: YAMLReadResult {
        YAMLReadResult(documents: documents, diagnostics: diagnostics)
    }

    /// Ends the file with libyaml's syntax error; the unfinished document is dropped, the
    /// documents completed before it are kept.
    mutating func fail(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Ends the file with an encoding error, which replaces everything read so far.
    ///
    /// libyaml decodes its input in chunks ahead of the parser, so how much was read before it
    /// met the bad byte depends on buffer sizes, not on where the byte is. Dropping it all keeps
    /// the outcome the same wherever the byte sits: a file that is not valid text yields nothing
    /// but this one diagnostic.
    mutating func failEncoding(_ diagnostic: Diagnostic) {
        documents.removeAll()
        diagnostics = [diagnostic]
    }

    // MARK: - Events

    mutating func consume(_ event: UnsafeMutablePointer<yaml_event_t>) {
        let type = event.pointee.type
        if type == YAML_SCALAR_EVENT {
            scalar(event)
        } else if type == YAML_MAPPING_START_EVENT {
            let data = event.pointee.data.mapping_start
            let isBlock = data.style != YAML_FLOW_MAPPING_STYLE
            guard withinFlowDepth(event, isBlock: isBlock) else { return }
            open(event, isMapping: true, isBlock: isBlock, anchor: data.anchor, tag: data.tag)
        } else if type == YAML_SEQUENCE_START_EVENT {
            let data = event.pointee.data.sequence_start
            let isBlock = data.style != YAML_FLOW_SEQUENCE_STYLE
            guard withinFlowDepth(event, isBlock: isBlock) else { return }
            open(event, isMapping: false, isBlock: isBlock, anchor: data.anchor, tag: data.tag)
        } else if type == YAML_MAPPING_END_EVENT || type == YAML_SEQUENCE_END_EVENT {
            flowDepth.leave()
            close(end: position(event.pointee.end_mark))
        } else if type == YAML_ALIAS_EVENT {
            alias(event)
        } else if type == YAML_DOCUMENT_START_EVENT {
            beginDocument(at: position(event.pointee.start_mark))
        } else if type == YAML_DOCUMENT_END_EVENT {
            endDocument(at: position(event.pointee.end_mark))
        }
    }

    private mutating func beginDocument(at start: SourcePosition) {
        documentStart = start
        root = nil
        rootIsEmpty = false
        stack.removeAll()
        skipDepth = 0
        flowDepth.reset()
    }

    private mutating func endDocument(at end: SourcePosition) {
        let root = rootIsEmpty ? nil : self.root
        documents.append(YAMLDocument(root: root, span: span(documentStart, end)))
        if !anchors.isEmpty {
            earlierAnchors.formUnion(anchors.keys)
            anchors.removeAll()
        }
        self.root = nil
    }

    private mutating func scalar(_ event: UnsafeMutablePointer<yaml_event_t>) {
        let data = event.pointee.data.scalar
        if skipDepth > 0 {
            if let anchor = data.anchor { anchors[String(cString: anchor)] = .skipped }
            return
        }
        let length = Int(truncatingIfNeeded: data.length)
        // The length, not the NUL terminator: a value may contain "\0".
        let text = length == 0 || data.value == nil
            ? "" : String(decoding: UnsafeBufferPointer(start: data.value, count: length), as: UTF8.self)
        let style = ScalarStyle(data.style)
        let nodeSpan = span(position(event.pointee.start_mark), position(event.pointee.end_mark))
        if let tag = TagPolicy.refusedTag(data.tag, on: .scalar) {
            reportTag(tag, at: nodeSpan)
        }
        let node = YAMLNode.scalar(YAMLScalar(text: text, style: style, span: nodeSpan))
        if let anchor = data.anchor {
            anchors[String(cString: anchor)] = .done(node, nodeCount: 1, height: 0)
        }
        if stack.isEmpty {
            rootIsEmpty = length == 0 && style == .plain && data.tag == nil && data.anchor == nil
        }
        add(node, site: nodeSpan, nodeCount: 1, height: 0)
    }

    private mutating func open(
        _ event: UnsafeMutablePointer<yaml_event_t>, isMapping: Bool, isBlock: Bool,
        anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?
    ) {
        let anchorName = anchor.map { String(cString: $0) }
        if skipDepth > 0 {
            skipDepth += 1
            if let anchorName { anchors[anchorName] = .skipped }
            return
        }
        let start = position(event.pointee.start_mark)
        let startEnd = position(event.pointee.end_mark)
        if stack.count >= limits.maxDepth {
            reportTooDeep(at: span(start, startEnd), message: "collections nest deeper than \(limits.maxDepth) levels")
            skipDepth = 1
            skipped = (isMapping, start)
            if let anchorName { anchors[anchorName] = .skipped }
            return
        }
        if let refused = TagPolicy.refusedTag(tag, on: isMapping ? .mapping : .sequence) {
            reportTag(refused, at: span(start, startEnd))
        }
        if let anchorName { anchors[anchorName] = .open(span(start, startEnd)) }
        stack.append(CollectionFrame(isMapping: isMapping, isBlock: isBlock, start: start, startEnd: startEnd, anchor: anchorName))
    }

    private mutating func close(end: SourcePosition) {
        if skipDepth > 0 {
            skipDepth -= 1
            if skipDepth == 0 {
                // The skipped collection stands in as an empty one of its kind, so the decoder
                // still sees the right shape at the right place.
                let placeholderSpan = span(skipped.start, end)
                let node: YAMLNode = skipped.isMapping
                    ? .mapping(YAMLMapping(entries: [], span: placeholderSpan))
                    : .sequence(YAMLSequence(items: [], span: placeholderSpan))
                add(node, site: placeholderSpan, nodeCount: 1, height: 1)
            }
            return
        }
        guard let frame = stack.popLast() else { return }
        let state = frame.content
        let nodeSpan = span(frame.start, frame.isBlock ? state.lastEnd : end)
        let node: YAMLNode = frame.isMapping
            ? .mapping(YAMLMapping(entries: state.entries, span: nodeSpan))
            : .sequence(YAMLSequence(items: state.items, span: nodeSpan))
        let height = state.childHeight + 1
        if let anchor = frame.anchor {
            anchors[anchor] = .done(node, nodeCount: state.nodeCount, height: height)
        }
        add(node, site: nodeSpan, nodeCount: state.nodeCount, height: height)
    }

    private mutating func alias(_ event: UnsafeMutablePointer<yaml_event_t>) {
        if skipDepth > 0 { return }
        let site = span(position(event.pointee.start_mark), position(event.pointee.end_mark))
        let name = event.pointee.data.alias.anchor.map { String(cString: $0) } ?? ""
        // A refused alias still fills its place, as "no value", so the tree keeps its shape.
        let placeholder = YAMLNode.scalar(YAMLScalar(text: "", style: .plain, span: site))

        switch anchors[name] {
        case nil:
            var notes: [String] = []
            if earlierAnchors.contains(name) {
                notes.append("an earlier document defines `&\(name)`, but anchors do not carry across `---`")
            }
            diagnostics.append(.error(
                .yamlUnknownAlias, "alias `*\(name)` refers to an unknown anchor",
                at: site, label: "unknown anchor", notes: notes,
                help: "define `&\(name)` on a node before this alias, in the same document"
            ))
            add(placeholder, site: site, nodeCount: 1, height: 0)
        case .open(let anchorSpan)?:
            diagnostics.append(.error(
                .yamlRecursiveAlias, "alias `*\(name)` is inside the node anchored as `&\(name)`, so it would contain itself",
                at: site, label: "recursive alias",
                related: [.init("`&\(name)` is defined here", at: anchorSpan)],
                help: "an alias can only reuse a finished node: move the alias out of the anchored node"
            ))
            add(placeholder, site: site, nodeCount: 1, height: 0)
        case .skipped?:
            add(placeholder, site: site, nodeCount: 1, height: 0)
        case .done(let node, let nodeCount, let height)?:
            if expansionExhausted {
                add(placeholder, site: site, nodeCount: 1, height: 0)
                return
            }
            if stack.count + height > limits.maxDepth {
                reportTooDeep(at: site, message: "alias `*\(name)` would nest collections deeper than \(limits.maxDepth) levels")
                add(placeholder, site: site, nodeCount: 1, height: 0)
                return
            }
            let (total, overflow) = expansion.addingReportingOverflow(nodeCount)
            if overflow || total > limits.maxAliasExpansion {
                expansionExhausted = true
                diagnostics.append(.error(
                    .yamlAliasBudget,
                    "alias `*\(name)` expands past the limit of \(limits.maxAliasExpansion) nodes added by aliases in one file",
                    at: site, label: "adds \(nodeCount) node\(nodeCount == 1 ? "" : "s")",
                    notes: [
                        "the limit guards against expansion bombs such as \"billion laughs\"",
                        "this alias and all later aliases in the file are not expanded",
                    ],
                    help: "reuse large anchored nodes less often, or write the values out"
                ))
                add(placeholder, site: site, nodeCount: 1, height: 0)
                return
            }
            expansion = total
            add(node, site: site, nodeCount: nodeCount, height: height)
        }
    }

    // MARK: - Placing nodes

    /// Puts a finished node into the open collection (or makes it the root), applying the key rules.
    /// `site` is where the node appears here: for an alias, the alias itself.
    private mutating func add(_ node: YAMLNode, site: SourceSpan, nodeCount: Int, height: Int) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        // The open collection is changed in place on the stack (see `CollectionFrame`).
        let top = stack.count - 1
        let isMapping = stack[top].isMapping
        guard stack[top].content.place(node, isMapping: isMapping, nodeCount: nodeCount, height: height, end: site.end),
              let problem = Self.keyProblem(node, site: site, in: &stack[top].content)
        else { return }
        // A refused key leaves no pending key: its value will be read and dropped.
        diagnostics.append(problem)
    }

    /// Accepts a mapping key, or says why not (non-scalar, merge key, duplicate).
    private static func keyProblem(_ node: YAMLNode, site: SourceSpan, in content: inout CollectionFrame.Content) -> Diagnostic? {
        guard case .scalar(let key) = node else {
            return .error(
                .yamlNonScalarKey, "a mapping key must be a scalar, found \(node.kindDescription) used as a key",
                at: site, label: "not a scalar",
                notes: ["the entry is ignored"],
                help: "use a plain string as the key"
            )
        }
        if key.style == .plain, key.text == "<<" {
            return .error(
                .yamlMergeKey, "merge key `<<` is not supported",
                at: site, label: "merge key",
                notes: [
                    "YAML 1.2 dropped merge keys, and tools disagree on how they combine",
                    "the entry is ignored",
                ],
                help: "repeat the keys, or anchor the whole mapping and reuse it with an alias"
            )
        }
        if let first = content.existingKey(key.text) {
            return .error(
                .yamlDuplicateKey, "duplicate key \(Self.quote(key.text)) in this mapping",
                at: site, label: "defined again here",
                related: [.init("first defined here", at: first.span)],
                notes: ["the first entry is used and this one is ignored"],
                help: "remove one of the two entries"
            )
        }
        content.pendingKey = key
        return nil
    }

    // MARK: - Reports

    private mutating func reportTag(_ tag: String, at site: SourceSpan) {
        let shown = TagPolicy.display(tag)
        diagnostics.append(.error(
            .yamlTag, "tag `\(shown)` is not supported",
            at: site, label: "explicit tag",
            notes: [
                "values are typed by the field they fill, never by tags",
                "only the no-op tags `!!str` (scalars), `!!map` (mappings), `!!seq` (sequences) and `!` are accepted",
            ],
            help: "remove `\(shown)`"
        ))
    }

    /// Counts the collection `event` opens; past the flow depth limit, reports it and stops.
    private mutating func withinFlowDepth(_ event: UnsafeMutablePointer<yaml_event_t>, isBlock: Bool) -> Bool {
        guard flowDepth.enter(isFlow: !isBlock) > limits.maxFlowDepth else { return true }
        isStopped = true
        diagnostics.append(.error(
            .yamlTooDeep, "flow collections (`[`, `{`) nest deeper than \(limits.maxFlowDepth) levels",
            at: span(position(event.pointee.start_mark), position(event.pointee.end_mark)),
            label: "too deep",
            notes: ["the rest of the file is not read: YAML's cost grows with the depth of flow collections times the length of the file"],
            help: "flatten the structure, or write the deeper levels as block collections"))
        return false
    }

    /// Reported once per file: one runaway structure would otherwise repeat it at every level.
    private mutating func reportTooDeep(at site: SourceSpan, message: String) {
        guard !reportedTooDeep else { return }
        reportedTooDeep = true
        diagnostics.append(.error(
            .yamlTooDeep, message, at: site, label: "too deep",
            notes: ["the content below this level is skipped"],
            help: "flatten the structure; manifests need only a few levels"
        ))
    }

    private func span(_ start: SourcePosition, _ end: SourcePosition) -> SourceSpan {
        SourceSpan(file: file, start: start, end: end)
    }

    /// A libyaml mark as a position in the file (see `lineOffset`).
    private func position(_ mark: yaml_mark_t) -> SourcePosition {
        let position = SourcePosition(mark)
        return lineOffset == 0 ? position : SourcePosition(line: position.line + lineOffset, column: position.column)
    }

    /// A key for a message: backquoted, with line breaks escaped and long text cut.
    static func quote(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars.prefix(60) {
            switch scalar {
            case "\n": shown += "\\n"
            case "\r": shown += "\\r"
            case "\t": shown += "\\t"
            case "`": shown += "'"
            default: shown.unicodeScalars.append(scalar)
            }
        }
        if text.unicodeScalars.count > 60 { shown += "…" }
        return "`\(shown)`"
    }
}

extension ScalarStyle {
    init(_ style: yaml_scalar_style_t) {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: self = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: self = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: self = .literal
        case YAML_FOLDED_SCALAR_STYLE: self = .folded
        default: self = .plain
        }
    }
}
