/// Typed views of the headers a registrar and its responses depend on. Each parses the raw
/// value on demand and throws a ``SIPParseError`` naming the header (`Malformed Via`,
/// `Missing Call-ID`, `Duplicate CSeq`) when it cannot.
extension SIPHeaders {
    /// Every Via value, top first, across all Via lines and comma-joined values.
    public var vias: [SIPVia] {
        get throws(SIPParseError) {
            var result = [SIPVia]()
            for field in fields where field.name == .via {
                let elements = HeaderValueSplitter.elements(of: field.value)
                guard !elements.isEmpty else { throw SIPParseError(.malformedHeader(.via)) }
                for element in elements {
                    guard let via = SIPVia.parse(element) else { throw SIPParseError(.malformedHeader(.via)) }
                    result.append(via)
                }
            }
            guard !result.isEmpty else { throw SIPParseError(.missingHeader(.via)) }
            return result
        }
    }

    /// The topmost Via, the one a response is routed by.
    public var topVia: SIPVia {
        get throws(SIPParseError) {
            guard let field = fields.first(where: { $0.name == .via }) else {
                throw SIPParseError(.missingHeader(.via))
            }
            guard let first = HeaderValueSplitter.elements(of: field.value).first, let via = SIPVia.parse(first) else {
                throw SIPParseError(.malformedHeader(.via))
            }
            return via
        }
    }

    /// The From address (exactly one From line).
    public var from: SIPAddress {
        get throws(SIPParseError) { try singleAddress(.from) }
    }

    /// The To address (exactly one To line).
    public var to: SIPAddress {
        get throws(SIPParseError) { try singleAddress(.to) }
    }

    /// The Call-ID: `word [ "@" word ]`, taken as one run of visible ASCII.
    public var callID: String {
        get throws(SIPParseError) {
            let value = try single(.callID)
            guard !value.isEmpty, value.utf8.allSatisfy({ $0.is(.visible) }) else {
                throw SIPParseError(.malformedHeader(.callID))
            }
            return value
        }
    }

    /// The CSeq.
    public var cseq: SIPCSeq {
        get throws(SIPParseError) {
            guard let cseq = SIPCSeq(try single(.cseq)) else { throw SIPParseError(.malformedHeader(.cseq)) }
            return cseq
        }
    }

    /// The Contact header: `nil` if absent, ``SIPContact/wildcard`` for `Contact: *`, else the
    /// addresses of every Contact line in order. `*` together with an address is malformed.
    public var contact: SIPContact? {
        get throws(SIPParseError) {
            guard contains(name: .contact) else { return nil }
            var addresses = [SIPAddress]()
            var sawWildcard = false
            for field in fields where field.name == .contact {
                let elements = HeaderValueSplitter.elements(of: field.value)
                guard !elements.isEmpty else { throw SIPParseError(.malformedHeader(.contact)) }
                for element in elements {
                    if element.count == 1, element.first == ASCII.asterisk {
                        sawWildcard = true
                    } else if let address = SIPAddress.parse(element) {
                        addresses.append(address)
                    } else {
                        throw SIPParseError(.malformedHeader(.contact))
                    }
                }
            }
            if sawWildcard {
                guard addresses.isEmpty else { throw SIPParseError(.malformedHeader(.contact)) }
                return .wildcard
            }
            return .addresses(addresses)
        }
    }

    /// The addresses of a list-of-addresses header (Route, Record-Route, Path, Service-Route),
    /// every line in order; empty if absent.
    public func addresses(name: SIPHeaderName) throws(SIPParseError) -> [SIPAddress] {
        var result = [SIPAddress]()
        for field in fields where field.name == name {
            for element in HeaderValueSplitter.elements(of: field.value) {
                guard let address = SIPAddress.parse(element) else { throw SIPParseError(.malformedHeader(name)) }
                result.append(address)
            }
        }
        return result
    }

    /// Max-Forwards, 0...255; `nil` if absent.
    public var maxForwards: Int? {
        get throws(SIPParseError) { try number(.maxForwards, maximum: 255) }
    }

    /// Expires in seconds (`delta-seconds`, saturated at 2³²−1); `nil` if absent.
    public var expires: UInt32? {
        get throws(SIPParseError) { try deltaSeconds(.expires) }
    }

    /// Min-Expires in seconds; `nil` if absent.
    public var minExpires: UInt32? {
        get throws(SIPParseError) { try deltaSeconds(.minExpires) }
    }

    /// The delta-seconds of Retry-After (RFC 3261 §20.33), saturated at 2³²−1; `nil` if absent.
    /// The comment and the parameters that may follow (`120 (busy);duration=60`) are not read.
    public var retryAfter: UInt32? {
        get throws(SIPParseError) {
            guard let value = try singleIfPresent(.retryAfter) else { return nil }
            var scanner = ByteScanner(value)
            scanner.skipWhitespace()
            let digits = scanner.scan(.digit)
            guard let seconds = DecimalParsing.parseSaturating(digits, cap: Int(UInt32.max)),
                scanner.peek().map({ [ASCII.space, ASCII.tab, ASCII.semicolon, UInt8(ascii: "(")].contains($0) }) ?? true
            else { throw SIPParseError(.malformedHeader(.retryAfter)) }
            return UInt32(seconds)
        }
    }

    /// Content-Length; `nil` if absent. Several lines must agree.
    public var contentLength: Int? {
        get throws(SIPParseError) {
            var result: Int?
            for field in fields where field.name == .contentLength {
                guard let value = DecimalParsing.parse(field.value.utf8, maximum: Int(Int32.max)),
                    result == nil || result == value
                else { throw SIPParseError(.malformedHeader(.contentLength)) }
                result = value
            }
            return result
        }
    }

    /// The option tags of Require, Proxy-Require, Supported or Unsupported, every line in
    /// order; empty if absent.
    public func optionTags(name: SIPHeaderName) throws(SIPParseError) -> [String] {
        let tags = elements(name: name)
        guard tags.allSatisfy({ $0.utf8.allSatisfy { $0.is(.token) } }) else {
            throw SIPParseError(.malformedHeader(name))
        }
        return tags
    }

    /// The option tags of Require.
    public var require: [String] {
        get throws(SIPParseError) { try optionTags(name: .require) }
    }

    /// The option tags of Supported.
    public var supported: [String] {
        get throws(SIPParseError) { try optionTags(name: .supported) }
    }

    /// The challenges or credentials of `name` (WWW-Authenticate, Proxy-Authenticate,
    /// Authorization, Proxy-Authorization), one per line, in order; empty if absent.
    public func authValues(name: SIPHeaderName) throws(SIPParseError) -> [SIPAuthHeaderValue] {
        var result = [SIPAuthHeaderValue]()
        for field in fields where field.name == name {
            guard let value = SIPAuthHeaderValue(field.value) else { throw SIPParseError(.malformedHeader(name)) }
            result.append(value)
        }
        return result
    }

    /// The Date header; `nil` if absent.
    public var date: SIPDate? {
        get throws(SIPParseError) {
            guard let value = try singleIfPresent(.date) else { return nil }
            guard let date = SIPDate(value) else { throw SIPParseError(.malformedHeader(.date)) }
            return date
        }
    }

    // MARK: - Helpers

    /// The value of the only line named `name`.
    func single(_ name: SIPHeaderName) throws(SIPParseError) -> String {
        guard let value = try singleIfPresent(name) else { throw SIPParseError(.missingHeader(name)) }
        return value
    }

    /// The value of the only line named `name`, or `nil` if there is none.
    func singleIfPresent(_ name: SIPHeaderName) throws(SIPParseError) -> String? {
        var found: String?
        for field in fields where field.name == name {
            guard found == nil else { throw SIPParseError(.duplicateHeader(name)) }
            found = field.value
        }
        return found
    }

    private func singleAddress(_ name: SIPHeaderName) throws(SIPParseError) -> SIPAddress {
        guard let address = SIPAddress(try single(name)) else { throw SIPParseError(.malformedHeader(name)) }
        return address
    }

    private func number(_ name: SIPHeaderName, maximum: Int) throws(SIPParseError) -> Int? {
        guard let value = try singleIfPresent(name) else { return nil }
        guard let number = DecimalParsing.parse(value.utf8, maximum: maximum) else {
            throw SIPParseError(.malformedHeader(name))
        }
        return number
    }

    private func deltaSeconds(_ name: SIPHeaderName) throws(SIPParseError) -> UInt32? {
        guard let value = try singleIfPresent(name) else { return nil }
        guard let seconds = DecimalParsing.parseSaturating(value.utf8, cap: Int(UInt32.max)) else {
            throw SIPParseError(.malformedHeader(name))
        }
        return UInt32(seconds)
    }
}
