/// One `;name` or `;name=value` parameter of a URI or a header value.
public struct SIPParameter: Hashable, Sendable {
    /// The name as written; names compare case-insensitively.
    public var name: String
    /// The value as written (a quoted value keeps its quotes and escapes), or `nil` for a
    /// parameter without a value such as `;lr` or `;rport`.
    public var value: String?

    public init(name: String, value: String? = nil) {
        self.name = name
        self.value = value
    }

    /// The value with the quotes and quoted-pair escapes of a `quoted-string` removed; other
    /// values unchanged.
    public var unquotedValue: String? {
        guard let value else { return nil }
        var scanner = ByteScanner(value)
        guard let quoted = scanner.scanQuotedString(), scanner.isAtEnd else { return value }
        return String(decoding: quoted.content, as: UTF8.self)
    }
}

/// An ordered list of parameters with case-insensitive name lookup: URI parameters
/// (`;transport=tcp;lr`), URI headers (`?subject=…`), and header parameters (`;tag=…`,
/// `;branch=…`, `;expires=…`).
///
/// Order and spelling are kept so that a message passes through unchanged; a parameter without
/// a value (`;lr`) is distinct from one with an empty value, which the grammar does not allow
/// for parameters (RFC 3261 §25.1) except in URI headers.
public struct SIPParameters: Hashable, Sendable, RandomAccessCollection, ExpressibleByArrayLiteral, CustomStringConvertible {
    public private(set) var parameters: [SIPParameter]

    public init() {
        parameters = []
    }

    public init(_ parameters: [SIPParameter]) {
        self.parameters = parameters
    }

    public init(arrayLiteral elements: SIPParameter...) {
        parameters = elements
    }

    public var startIndex: Int { parameters.startIndex }
    public var endIndex: Int { parameters.endIndex }
    public subscript(position: Int) -> SIPParameter { parameters[position] }

    /// The first parameter named `name` (case-insensitive).
    public func first(named name: String) -> SIPParameter? {
        parameters.first { $0.name.equalsIgnoringASCIICase(name) }
    }

    /// Whether a parameter named `name` is present, with or without a value.
    public func contains(_ name: String) -> Bool {
        first(named: name) != nil
    }

    /// The value of the first parameter named `name`; `nil` when absent or without a value
    /// (use ``contains(_:)`` to tell those apart).
    public subscript(name: String) -> String? {
        first(named: name)?.value
    }

    /// Sets the first parameter named `name` to `value` in place, or appends it.
    public mutating func set(_ name: String, value: String?) {
        if let index = parameters.firstIndex(where: { $0.name.equalsIgnoringASCIICase(name) }) {
            parameters[index].value = value
        } else {
            parameters.append(SIPParameter(name: name, value: value))
        }
    }

    /// Appends a parameter, even if one of that name exists.
    public mutating func append(_ parameter: SIPParameter) {
        parameters.append(parameter)
    }

    /// Removes every parameter named `name`.
    public mutating func remove(_ name: String) {
        parameters.removeAll { $0.name.equalsIgnoringASCIICase(name) }
    }

    /// The parameters as written in a URI or header: `;name` or `;name=value` each.
    public var description: String {
        var text = [UInt8]()
        append(to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends ``description``'s bytes to `text`, for the descriptions of what has parameters.
    func append(to text: inout [UInt8]) {
        for parameter in parameters {
            text.append(ASCII.semicolon)
            text += parameter.name.utf8
            if let value = parameter.value {
                text.append(ASCII.equals)
                text += value.utf8
            }
        }
    }
}

extension SIPParameters {
    /// Reads header parameters, `*( SEMI generic-param )` with `generic-param = token
    /// [ EQUAL gen-value ]` and `gen-value = token / host / quoted-string` (RFC 3261 §25.1),
    /// up to the end of the scanner. Unquoted values are taken leniently (any visible ASCII
    /// except the separators), since peers put IPv6 addresses and URNs there; structure is
    /// strict. `nil` if anything but parameters follows, or if `isValid` refuses a parameter
    /// (given the name and the raw value bytes, quotes included).
    static func parseHeaderParameters(
        _ scanner: inout ByteScanner,
        isValid: (_ name: ArraySlice<UInt8>, _ value: ArraySlice<UInt8>?) -> Bool = { _, _ in true }
    ) -> SIPParameters? {
        var result = SIPParameters()
        while true {
            scanner.skipWhitespace()
            if scanner.isAtEnd { return result }
            guard scanner.consume(ASCII.semicolon) else { return nil }
            scanner.skipWhitespace()
            guard let name = scanner.scanToken() else { return nil }
            var value: ArraySlice<UInt8>?
            if scanner.consumeSeparator(ASCII.equals) {
                if scanner.peek() == ASCII.quote {
                    guard let quoted = scanner.scanQuotedString() else { return nil }
                    value = quoted.raw
                } else {
                    let raw = scanner.scan(while: isUnquotedValueByte)
                    guard !raw.isEmpty else { return nil }
                    value = raw
                }
            }
            guard isValid(name, value) else { return nil }
            result.append(SIPParameter(name: name.string, value: value?.string))
        }
    }

    /// Bytes of an unquoted header parameter value: visible ASCII except `; , " < >`.
    private static func isUnquotedValueByte(_ byte: UInt8) -> Bool {
        byte.is(.visible) && byte != ASCII.semicolon && byte != ASCII.comma && byte != ASCII.quote
            && byte != ASCII.lessThan && byte != ASCII.greaterThan
    }
}
