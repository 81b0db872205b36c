/// One header field line: a name and its value, unfolded, without surrounding whitespace.
public struct SIPHeaderField: Hashable, Sendable {
    public var name: SIPHeaderName
    public var value: String

    public init(name: SIPHeaderName, value: String) {
        self.name = name
        self.value = value
    }
}

/// The header fields of a message, in the order they were received or added.
///
/// Order matters in SIP: the Via and Route lists are read top to bottom, and RFC 3261 §7.3.1
/// makes several lines of one list header equivalent to one comma-joined line. So this is a
/// list, not a dictionary; lookups are case-insensitive and see compact forms as their full
/// names (see ``SIPHeaderName``). A message has a dozen headers, so a linear scan is the fast
/// way to look one up.
public struct SIPHeaders: Hashable, Sendable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    public private(set) var fields: [SIPHeaderField]

    public init() {
        fields = []
    }

    public init(_ fields: [SIPHeaderField]) {
        self.fields = fields
    }

    /// Headers from (name, value) pairs, in order.
    public init(_ pairs: [(SIPHeaderName, String)]) {
        fields = pairs.map { SIPHeaderField(name: $0.0, value: $0.1) }
    }

    public init(dictionaryLiteral elements: (SIPHeaderName, String)...) {
        self.init(elements)
    }

    public var startIndex: Int { fields.startIndex }
    public var endIndex: Int { fields.endIndex }
    public subscript(position: Int) -> SIPHeaderField { fields[position] }

    /// The values of every line named `name`, in order (not split at commas).
    public subscript(name: SIPHeaderName) -> [String] {
        fields.compactMap { $0.name == name ? $0.value : nil }
    }

    /// The value of the first line named `name`.
    public func first(name: SIPHeaderName) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Whether there is a line named `name`.
    public func contains(name: SIPHeaderName) -> Bool {
        fields.contains { $0.name == name }
    }

    /// How many lines are named `name`.
    public func count(name: SIPHeaderName) -> Int {
        fields.reduce(0) { $0 + ($1.name == name ? 1 : 0) }
    }

    /// The elements of a list header (Via, Contact, Route, Supported, Allow, …): every line
    /// named `name`, each split at the commas that are outside quoted strings and angle
    /// brackets, trimmed, empty elements dropped (RFC 3261 §7.3.1).
    ///
    /// Only for headers whose grammar is a comma-separated list: the commas in `Date` or in
    /// the auth-params of `Authorization` are not element separators.
    public func elements(name: SIPHeaderName) -> [String] {
        var result = [String]()
        for field in fields where field.name == name {
            HeaderValueSplitter.forEachElement(of: field.value) { result.append($0.string) }
        }
        return result
    }

    /// Appends a line.
    public mutating func add(name: SIPHeaderName, value: String) {
        fields.append(SIPHeaderField(name: name, value: value))
    }

    /// Inserts a line at `index` (0 puts it first, as a proxy does with its Via).
    public mutating func insert(name: SIPHeaderName, value: String, at index: Int) {
        fields.insert(SIPHeaderField(name: name, value: value), at: Swift.max(0, Swift.min(index, fields.count)))
    }

    /// Replaces the first line named `name` with one line of `value`, removing any others of
    /// that name; appends the line if there was none.
    public mutating func replaceOrAdd(name: SIPHeaderName, value: String) {
        guard let index = fields.firstIndex(where: { $0.name == name }) else {
            add(name: name, value: value)
            return
        }
        fields[index].value = value
        var position = index + 1
        while position < fields.count {
            if fields[position].name == name {
                fields.remove(at: position)
            } else {
                position += 1
            }
        }
    }

    /// Removes every line named `name`.
    public mutating func remove(name: SIPHeaderName) {
        fields.removeAll { $0.name == name }
    }

    /// Reserves room for `count` lines.
    public mutating func reserveCapacity(_ count: Int) {
        fields.reserveCapacity(count)
    }

    /// Appends an already-built field (the parser's path).
    mutating func append(_ field: SIPHeaderField) {
        fields.append(field)
    }

    /// Replaces the value of the line at `index`.
    mutating func setValue(_ value: String, at index: Int) {
        fields[index].value = value
    }
}
