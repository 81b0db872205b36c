extension SIPURI {
    /// Parses `SIP-URI` / `SIPS-URI` (RFC 3261 §25.1) from exactly `bytes`.
    ///
    /// The user info ends at the first `@`. Every component is checked against its character
    /// set, escapes must be well-formed, the port must fit 16 bits, and nothing may follow the
    /// headers.
    static func parse(_ bytes: ArraySlice<UInt8>) -> SIPURI? {
        var scanner = ByteScanner(bytes)
        let schemeBytes = scanner.scan(.alpha)
        guard scanner.consume(ASCII.colon) else { return nil }
        let scheme: Scheme
        if asciiCaseInsensitiveEquals(schemeBytes, "sip".utf8) {
            scheme = .sip
        } else if asciiCaseInsensitiveEquals(schemeBytes, "sips".utf8) {
            scheme = .sips
        } else {
            return nil
        }

        var user: String?
        var password: String?
        let rest = scanner.remaining
        if let at = rest.firstIndex(of: ASCII.at) {
            let userInfo = rest[rest.startIndex..<at]
            let userPart: ArraySlice<UInt8>
            if let colon = userInfo.firstIndex(of: ASCII.colon) {
                let passwordPart = userInfo[(colon + 1)...]
                guard URIEscaping.isValid(passwordPart, allowed: [.unreserved, .passwordUnreserved]) else { return nil }
                password = passwordPart.string
                userPart = userInfo[..<colon]
            } else {
                userPart = userInfo
            }
            guard !userPart.isEmpty, URIEscaping.isValid(userPart, allowed: [.unreserved, .userUnreserved]) else {
                return nil
            }
            user = userPart.string
            scanner.position = at + 1
        }

        guard let host = scanHost(&scanner) else { return nil }
        var port: UInt16?
        if scanner.consume(ASCII.colon) {
            guard let value = DecimalParsing.parse(scanner.scan(.digit), maximum: Int(UInt16.max)) else { return nil }
            port = UInt16(value)
        }

        var parameters = SIPParameters()
        while scanner.consume(ASCII.semicolon) {
            let name = scanner.scan(while: isParameterByte)
            guard !name.isEmpty, URIEscaping.isValid(name, allowed: [.unreserved, .paramUnreserved]) else { return nil }
            var value: String?
            if scanner.consume(ASCII.equals) {
                let valueBytes = scanner.scan(while: isParameterByte)
                guard !valueBytes.isEmpty, URIEscaping.isValid(valueBytes, allowed: [.unreserved, .paramUnreserved])
                else { return nil }
                value = valueBytes.string
            }
            parameters.append(SIPParameter(name: name.string, value: value))
        }

        var headers = SIPParameters()
        if scanner.consume(ASCII.question) {
            repeat {
                let name = scanner.scan(while: isHeaderByte)
                guard !name.isEmpty, URIEscaping.isValid(name, allowed: [.unreserved, .headerUnreserved]),
                    scanner.consume(ASCII.equals)
                else { return nil }
                let value = scanner.scan(while: isHeaderByte)
                guard URIEscaping.isValid(value, allowed: [.unreserved, .headerUnreserved]) else { return nil }
                headers.append(SIPParameter(name: name.string, value: value.string))
            } while scanner.consume(ASCII.ampersand)
        }

        guard scanner.isAtEnd else { return nil }
        return SIPURI(
            scheme: scheme, user: user, password: password, host: host, port: port,
            parameters: parameters, headers: headers)
    }

    /// Reads `host` (a name, IPv4, or `[IPv6]`) and leaves the scanner after it.
    static func scanHost(_ scanner: inout ByteScanner) -> SIPHost? {
        let start = scanner.position
        if scanner.peek() == ASCII.leftBracket {
            while let byte = scanner.peek(), byte != ASCII.rightBracket { scanner.advance() }
            guard scanner.consume(ASCII.rightBracket) else { return nil }
        } else {
            _ = scanner.scan { $0.is(.hostLabel) || $0 == ASCII.dot }
        }
        return SIPHost.parse(scanner.bytes[start..<scanner.position])
    }

    /// Bytes of a URI parameter name or value: `paramchar`, plus `%` for escapes.
    private static func isParameterByte(_ byte: UInt8) -> Bool {
        byte.is([.unreserved, .paramUnreserved]) || byte == ASCII.percent
    }

    /// Bytes of a URI header name or value: `hnv-unreserved / unreserved`, plus `%`.
    private static func isHeaderByte(_ byte: UInt8) -> Bool {
        byte.is([.unreserved, .headerUnreserved]) || byte == ASCII.percent
    }
}
