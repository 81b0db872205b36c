#if canImport(Glibc)
import Glibc
#endif

/// SIP over a ``TCPTestSocket``: one request, one response; and telling a connection the server
/// closed from one that is merely quiet.
extension TCPTestSocket {
    /// An OPTIONS request for the registrar (answered 200, without a body), its Call-ID
    /// `padding` bytes longer (the response copies it: large responses for little work).
    static func options(branch: String, padding: Int = 0) -> String {
        "OPTIONS sip:pbx.example SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5999;branch=\(branch)\r\n"
            + "Max-Forwards: 70\r\nFrom: <sip:a@pbx.example>;tag=1\r\nTo: <sip:pbx.example>\r\n"
            + "Call-ID: \(branch)\(String(repeating: "x", count: padding))\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
    }

    /// Sends an OPTIONS and returns the status line of the answer (CRLF keep-alive pongs before
    /// it skipped); nil when the connection closes or nothing comes within the timeout.
    func ask(branch: String = "z9hG4bK-tcp") -> String? {
        guard send(Self.options(branch: branch)) else { return nil }
        return receiveHead().flatMap { $0.split(separator: "\r\n").first.map(String.init) }
    }

    /// Reads up to the end of the next response's header section (it has no body).
    func receiveHead() -> String? {
        var received: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            guard recv(descriptor, &byte, 1, 0) == 1 else { return nil }
            if received.isEmpty, byte == 0x0D || byte == 0x0A { continue }
            received.append(byte)
            if received.count >= 4, received.suffix(4) == [0x0D, 0x0A, 0x0D, 0x0A] {
                return String(decoding: received, as: UTF8.self)
            }
        }
    }

    /// How the server left the connection.
    enum Ending: Equatable {
        /// It closed it (end of stream or reset), after sending these bytes.
        case closed(received: Int)
        /// Still open when the receive timeout passed.
        case open
    }

    /// Reads (and counts) whatever comes until the server closes the connection or the receive
    /// timeout passes.
    func ending() -> Ending {
        var received = 0
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received += count
            } else if count == 0 || errno == ECONNRESET {
                return .closed(received: received)
            } else {
                return .open
            }
        }
    }

    /// Whether the server has closed the connection, asked without waiting.
    var isClosedByServer: Bool {
        var byte: UInt8 = 0
        let count = recv(descriptor, &byte, 1, CInt(MSG_DONTWAIT) | CInt(MSG_PEEK))
        return count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
    }

    /// Sets how long one `send` may block before it gives up with `EAGAIN`.
    func setSendTimeout(milliseconds: Int) {
        var wait = timeval(tv_sec: milliseconds / 1000, tv_usec: (milliseconds % 1000) * 1000)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
    }

    /// What one raw `send` of all of `bytes` did.
    enum SendResult: Equatable {
        case sent
        /// The send timeout passed: the server is not reading.
        case blocked
        /// The connection is closed or reset.
        case closed
    }

    func sendRaw(_ bytes: [UInt8]) -> SendResult {
        var rest = bytes[...]
        while !rest.isEmpty {
            let sent = rest.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, CInt(MSG_NOSIGNAL)) }
            if sent > 0 {
                rest = rest.dropFirst(sent)
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                return .blocked
            } else {
                return .closed
            }
        }
        return .sent
    }
}
