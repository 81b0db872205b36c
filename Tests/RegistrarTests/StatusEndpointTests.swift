import Foundation
import NIOCore
import NIOPosix
import Testing
@testable import Registrar

/// The status endpoint on 127.0.0.1 and a port the system chooses, spoken to with raw HTTP so the
/// answers are seen byte for byte: the report, 404, 405, and every bound (431, 413, 408, 400).
@Suite struct StatusEndpointTests {
    static let report = StatusReportTests.report()

    /// Runs `body` with an endpoint serving `report` and its port; always closes it.
    static func withEndpoint(
        requestDeadline: TimeAmount = StatusEndpoint.defaultRequestDeadline, _ body: (Int) async throws -> Void
    ) async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let channel = try await StatusEndpoint.bind(
            ListenAddress(host: "127.0.0.1", port: 0), group: group, requestDeadline: requestDeadline, source: { Self.report })
        do {
            try await body(try #require(channel.localAddress?.port))
        } catch {
            try? await channel.close()
            try? await group.shutdownGracefully()
            throw error
        }
        try await channel.close()
        try await group.shutdownGracefully()
    }

    static func request(_ method: String, _ target: String, headers: [String] = []) -> String {
        ([ "\(method) \(target) HTTP/1.1", "Host: 127.0.0.1" ] + headers).joined(separator: "\r\n") + "\r\n\r\n"
    }

    /// The status line, the headers (lowercased names) and the body of one raw answer.
    static func parse(_ answer: String) -> (status: String, headers: [String: String], body: String) {
        let parts = answer.components(separatedBy: "\r\n\r\n")
        let lines = parts[0].components(separatedBy: "\r\n")
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            let pair = line.split(separator: ":", maxSplits: 1)
            if pair.count == 2 { headers[pair[0].lowercased()] = pair[1].trimmingCharacters(in: .whitespaces) }
        }
        return (lines[0], headers, parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    @Test func getStatusAnswersTheReportAsJSONAndCloses() async throws {
        try await Self.withEndpoint { port in
            let answer = Self.parse(try #require(TCPTestSocket.exchange(port: port, Self.request("GET", "/status"))))
            #expect(answer.status == "HTTP/1.1 200 OK")
            #expect(answer.headers["content-type"] == "application/json")
            #expect(answer.headers["connection"] == "close")
            #expect(answer.headers["content-length"] == String(answer.body.utf8.count))
            #expect(try StatusReport.decode(Array(answer.body.utf8)) == Self.report)
            // A query string does not change the resource.
            let query = Self.parse(try #require(TCPTestSocket.exchange(port: port, Self.request("GET", "/status?verbose=1"))))
            #expect(query.status == "HTTP/1.1 200 OK" && query.body == answer.body)
        }
    }

    @Test func headHasTheLengthButNoBody() async throws {
        try await Self.withEndpoint { port in
            let answer = Self.parse(try #require(TCPTestSocket.exchange(port: port, Self.request("HEAD", "/status"))))
            #expect(answer.status == "HTTP/1.1 200 OK")
            #expect(answer.headers["content-length"] == String(Self.report.jsonBytes().count))
            #expect(answer.body.isEmpty)
        }
    }

    @Test func otherPathsAre404() async throws {
        try await Self.withEndpoint { port in
            for target in ["/", "/status/", "/statusx", "/metrics"] {
                for method in ["GET", "POST"] {
                    let answer = Self.parse(try #require(TCPTestSocket.exchange(port: port, Self.request(method, target))))
                    #expect(answer.status == "HTTP/1.1 404 Not Found", "\(method) \(target)")
                }
            }
        }
    }

    @Test func otherMethodsAre405WithAllow() async throws {
        try await Self.withEndpoint { port in
            for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
                let request = Self.request(method, "/status", headers: ["Content-Length: 2"]) + "{}"
                let answer = Self.parse(try #require(TCPTestSocket.exchange(port: port, request)))
                #expect(answer.status == "HTTP/1.1 405 Method Not Allowed", "\(method)")
                #expect(answer.headers["allow"] == "GET, HEAD")
            }
        }
    }

    @Test func oversizedHeadersAre431() async throws {
        try await Self.withEndpoint { port in
            let padding = String(repeating: "a", count: StatusEndpoint.maxHeaderBytes + 1)
            let header = Self.request("GET", "/status", headers: ["X-Padding: \(padding)"])
            #expect(TCPTestSocket.exchange(port: port, header).map(Self.parse)?.status == "HTTP/1.1 431 Request Header Fields Too Large")
            let target = Self.request("GET", "/status?" + padding)
            #expect(TCPTestSocket.exchange(port: port, target).map(Self.parse)?.status == "HTTP/1.1 431 Request Header Fields Too Large")
            // Many small headers add up too.
            let many = Self.request("GET", "/status", headers: (0..<400).map { "X-\($0): \(String(repeating: "b", count: 20))" })
            #expect(TCPTestSocket.exchange(port: port, many).map(Self.parse)?.status == "HTTP/1.1 431 Request Header Fields Too Large")
        }
    }

    @Test func anOversizedBodyIs413() async throws {
        try await Self.withEndpoint { port in
            let size = StatusEndpoint.maxBodyBytes + 1
            let request = Self.request("POST", "/status", headers: ["Content-Length: \(size)"]) + String(repeating: "x", count: size)
            let answer = try #require(TCPTestSocket.exchange(port: port, request))
            #expect(Self.parse(answer).status == "HTTP/1.1 413 Payload Too Large")
            #expect(!answer.contains("405"), "only one answer: \(answer)")
        }
    }

    @Test func malformedRequestsAre400() async throws {
        try await Self.withEndpoint { port in
            let answer = TCPTestSocket.exchange(port: port, "NOT HTTP AT ALL\r\n\r\n")
            #expect(answer.map(Self.parse)?.status == "HTTP/1.1 400 Bad Request")
        }
    }

    @Test func aRequestNotCompleteByTheDeadlineGets408AndIsClosed() async throws {
        try await Self.withEndpoint(requestDeadline: .milliseconds(300)) { port in
            let silent = try #require(TCPTestSocket(port: port))
            #expect(Self.parse(silent.receiveAll()).status == "HTTP/1.1 408 Request Timeout")

            // A byte every 25 ms for about 2.5 s, never a whole request: the deadline ends it while
            // bytes are still coming (an idle timeout would wait for the trickle to stop).
            let trickle = try #require(TCPTestSocket(port: port))
            let request = Array("GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + String(repeating: "s", count: 60))
            var answer = "", sent = 0
            for byte in request {
                answer += trickle.receiveAvailable()
                guard answer.isEmpty, trickle.send(String(byte)) else { break }
                sent += 1
                try await Task.sleep(for: .milliseconds(25))
            }
            answer += trickle.receiveAll()
            #expect(Self.parse(answer).status == "HTTP/1.1 408 Request Timeout")
            #expect(sent < request.count, "the answer came only after the last byte")
        }
    }

    @Test func onlyLoopbackAddressesAreBound() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        for host in ["0.0.0.0", "::", "192.0.2.1", "localhost"] {
            await #expect(throws: StatusEndpoint.NotLoopback.self) {
                try await StatusEndpoint.bind(ListenAddress(host: host, port: 0), group: group, source: { Self.report })
            }
        }
        try await group.shutdownGracefully()
    }

    // MARK: The client

    @Test func theClientFetchesTheReportAndItsBytes() async throws {
        try await Self.withEndpoint { port in
            let fetched = try await StatusClient.fetch(from: ListenAddress(host: "127.0.0.1", port: port))
            #expect(fetched.report == Self.report)
            #expect(fetched.body == Self.report.jsonBytes())
        }
    }

    @Test func theClientSaysWhenNothingListens() async throws {
        let port = try Self.closedPort()
        let address = ListenAddress(host: "127.0.0.1", port: port)
        do {
            _ = try await StatusClient.fetch(from: address, timeout: .seconds(3))
            Issue.record("fetched from a closed port")
        } catch {
            guard case .unreachable(let failed, let reason) = error else { Issue.record("\(error)"); return }
            #expect(failed == address)
            #expect(reason == "connection refused")
            #expect(error.description == "cannot reach switchboard serve at 127.0.0.1:\(port): connection refused")
        }
    }

    /// Without the client's deadline this would wait for ever (the suite's time limit would end it).
    @Test(.timeLimit(.minutes(1)))
    func theClientGivesUpOnAServerThatNeverAnswers() async throws {
        // A listening socket that never accepts: the connection is made (backlog), nothing answers.
        let (descriptor, port) = try Self.silentListener()
        defer { close(descriptor) }
        let address = ListenAddress(host: "127.0.0.1", port: port)
        do {
            _ = try await StatusClient.fetch(from: address, timeout: .milliseconds(300))
            Issue.record("fetched from a silent server")
        } catch {
            guard case .timedOut(address) = error else { Issue.record("\(error)"); return }
            #expect(error.description == "switchboard serve at 127.0.0.1:\(port) did not answer in time")
        }
    }

    // MARK: Helpers

    /// A port nothing listens on: bound to port 0, then closed again.
    static func closedPort() throws -> Int {
        let (descriptor, port) = try silentListener()
        close(descriptor)
        return port
    }

    /// A TCP socket listening on 127.0.0.1 and a free port, never accepting.
    static func silentListener() throws -> (CInt, Int) {
        let descriptor = socket(AF_INET, CInt(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(bound == 0 && listen(descriptor, 4) == 0)
        return (descriptor, UDPTestSocket.localPort(of: descriptor))
    }
}
