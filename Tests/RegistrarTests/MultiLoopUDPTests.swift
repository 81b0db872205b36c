#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import SIP
import Testing
@testable import Registrar

/// UDP on several event loops: one socket per loop on the same address, datagrams of a single
/// peer spread over them, and still exactly one final response per request (127.0.0.1 only).
@Suite struct MultiLoopUDPTests {
    static func options(branch: String) -> [UInt8] {
        Array(("OPTIONS sip:pbx.example SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5999;branch=\(branch)\r\n"
            + "Max-Forwards: 70\r\nFrom: <sip:a@pbx.example>;tag=1\r\nTo: <sip:pbx.example>\r\n"
            + "Call-ID: \(branch)\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n").utf8)
    }

    static func withServer(threads: Int, _ body: (Int) throws -> Void) async throws {
        let processor = try RequestProcessorTests.makeProcessor(time: TestTime())
        let server = try await RegistrarServer.start(
            processor: processor, listen: [ListenAddress(host: "127.0.0.1", port: 0)], threads: threads)
        let port = try #require(server.boundAddresses.first?.port)
        do {
            try body(port)
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    #if os(Linux)
    @Test func oneSocketPerLoopSharesThePortAndAPeersDatagramsReachEveryOne() throws {
        let address = try SocketAddress(ipAddress: "127.0.0.1", port: 0)
        let sockets = try DatagramSocketGroup.bind(address, count: 2)
        defer { for socket in sockets { close(socket) } }
        #expect(sockets.count == 2)
        let ports = sockets.map(UDPTestSocket.localPort)
        #expect(ports[0] != 0 && ports[0] == ports[1])

        let client = try UDPTestSocket()
        for number in 0..<200 { client.send(Array("datagram \(number)".utf8), toPort: ports[0]) }
        usleep(200_000)
        let received = sockets.map(UDPTestSocket.drain)
        #expect(received.reduce(0, +) == 200)
        // One peer, one source port: the kernel's hash alone would put all on one socket.
        #expect(received.allSatisfy { $0 > 0 })
    }
    #endif

    @Test func everyRequestGetsOneResponseWithTwoLoops() async throws {
        try await Self.withServer(threads: 2) { port in
            let client = try UDPTestSocket()
            let branches = (0..<300).map { "z9hG4bK-m\($0)" }
            for branch in branches { client.send(Self.options(branch: branch), toPort: port) }
            let responses = try client.receiveAll().map { try SIPParser.parse($0).get() }
            #expect(responses.count == branches.count)
            #expect(Set(try responses.map { try $0.headers.topVia.branch ?? "" }) == Set(branches))
            #expect(responses.allSatisfy { $0.statusCode == 200 })
        }
    }

    @Test(arguments: [1, 2])
    func aDatagramLongerThanNIOsDefaultBufferIsReadWhole(threads: Int) async throws {
        try await Self.withServer(threads: threads) { port in
            let client = try UDPTestSocket()
            // 6 kB of headers a proxy might add: the request must reach the parser whole and get
            // the challenge, not a 400 for a message cut at 2,048 bytes.
            let padding = (0..<60).map { "X-Padding-\($0): \(String(repeating: "p", count: 80))" }
            let request = RequestProcessorTests.register(branch: "z9hG4bK-long", extraHeaders: padding)
            #expect(request.count > 6_000)
            client.send(request, toPort: port)
            let response = try SIPParser.parse(try #require(client.receive())).get()
            #expect(response.statusCode == 401)
        }
    }

    @Test func copiesOfOneRequestOnSeveralLoopsGetOneAnswer() async throws {
        try await Self.withServer(threads: 2) { port in
            let client = try UDPTestSocket()
            // A REGISTER without credentials: each processing would give a new nonce and To tag,
            // so two different answers would show it was processed twice.
            let request = RequestProcessorTests.register(branch: "z9hG4bK-copies")
            for _ in 0..<100 { client.send(request, toPort: port) }
            let responses = client.receiveAll()
            #expect(!responses.isEmpty)
            #expect(Set(responses).count == 1)
            #expect(try SIPParser.parse(try #require(responses.first)).get().statusCode == 401)
        }
    }
}
