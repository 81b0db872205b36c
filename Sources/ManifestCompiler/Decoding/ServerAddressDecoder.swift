import Diagnostics
import YAMLSource

/// Decodes a server or proxy: the `host[:port]` shorthand or `{host, port, transport}`.
struct ServerAddressDecoder {
    static let schema = KeySchema(["host", "port", "transport"], synonyms: ["address": "host", "protocol": "transport"])
    static let portRange = 1...65535

    let sink: DiagnosticSink

    func decode(_ node: YAMLNode, field: String) -> ServerAddress? {
        switch node {
        case .scalar(let scalar):
            return decodeShorthand(scalar, field: field)
        case .mapping:
            guard let fields = FieldReader(node, subject: "`\(field)`", schema: Self.schema, sink: sink) else {
                return nil
            }
            fields.require("host")
            let host = fields.string("host").flatMap { decodeHost(Substring($0.value), at: $0.span, field: "\(field).host") }
            let port = fields.integer("port", in: Self.portRange)
            let transport = fields.choice("transport", as: Transport.self)
            guard let host else { return nil }
            return ServerAddress(host: host, port: port?.value, transport: transport?.value, span: node.span)
        case .sequence:
            sink.emit(.error(
                .wrongNodeKind, "`\(field)` must be `host[:port]` or a mapping, found a sequence", at: node.span,
                help: field == "server" ? "for several servers in failover order, use `servers:`" : nil))
            return nil
        }
    }

    private func decodeShorthand(_ scalar: YAMLScalar, field: String) -> ServerAddress? {
        guard !scalar.isNull, !scalar.text.isEmpty else {
            sink.emit(.error(
                .missingValue, "`\(field)` has no value", at: scalar.span,
                help: "write the address as `host[:port]`, or remove the entry"))
            return nil
        }
        guard ScalarDecoder(sink: sink).withinLimit(scalar, field: field) else { return nil }
        let text = Substring(scalar.text)
        // Printable ASCII has no white space: only other text needs the (slow) `Character` test.
        if !text.utf8.allSatisfy(ASCII.isPrintable), text.contains(where: \.isWhitespace) {
            let squeezed = text.filter { !$0.isWhitespace }
            sink.emit(.error(
                .invalidAddressSyntax, "`\(field)` contains white space: `\(text)`", at: scalar.span,
                help: "write `\(field): \(squeezed)`"))
            return nil
        }
        let parts = AddressShorthand(text)
        if !parts.removed.isEmpty {
            let corrected = parts.port.map { "\(parts.host):\($0)" } ?? String(parts.host)
            var help = "write `\(field): \(corrected)`"
            if let transport = parts.impliedTransport { help += " and `transport: \(transport)`" }
            sink.emit(.error(
                .invalidAddressSyntax, "`\(field)` must be `host[:port]`, found `\(text)`", at: scalar.span,
                notes: parts.removed.map { "remove \($0)" }, help: help))
            return nil
        }
        guard let host = decodeHost(parts.host, at: scalar.span, field: field) else { return nil }
        var port: Int?
        if let portText = parts.port {
            guard portText.utf8.allSatisfy(ASCII.isDigit), let value = Int(portText), Self.portRange.contains(value) else {
                sink.emit(.error(
                    .valueOutOfRange, "`\(field)` has an invalid port `\(portText)`", at: scalar.span,
                    label: "ports are 1 to 65535",
                    help: portText.isEmpty ? "write `\(field): \(parts.host)` to use the default port" : nil))
                return nil
            }
            port = value
        }
        return ServerAddress(host: host, port: port, transport: nil, span: scalar.span)
    }

    private func decodeHost(_ text: Substring, at span: SourceSpan, field: String) -> Host? {
        switch HostName.parse(text) {
        case .success(let host):
            return host
        case .failure(let problem):
            var help: String?
            if case .invalidIPv4(.leadingZero) = problem {
                let fixed = text.split(separator: ".").map { String(Int($0) ?? 0) }.joined(separator: ".")
                help = "write `\(fixed)` if that is the address you mean"
            } else if case .trailingDot = problem {
                help = "write `\(field): \(text.dropLast())`"
            } else if case .invalidIPv6 = problem, text.first != "[" {
                help = "an IPv6 address followed by a port goes in brackets: `[2001:db8::1]:5060`"
            }
            sink.emit(.error(
                .invalidHost, "`\(field)` is not a valid host: `\(text)`", at: span,
                label: problem.message, help: help))
            return nil
        }
    }
}
