import SIP
import Testing

/// Every torture message, whole, cut short at every octet, and streamed over TCP one octet at a
/// time: the parser answers with a message or an error, never a crash or a hang.
@Suite struct TortureRobustnessTests {
    @Test func theCorpusIsComplete() {
        #expect(TortureFixture.all.count == 61)
        #expect(TortureFixture.all.allSatisfy { !$0.bytes.isEmpty })
    }

    @Test(arguments: TortureFixture.all)
    func everyPrefixParsesOrFails(_ fixture: TortureFixture) {
        let bytes = fixture.bytes
        var outcomes = 0
        for end in 0...bytes.count {
            switch SIPParser.parse(bytes[..<end]) {
            case .success, .failure: outcomes += 1
            }
        }
        #expect(outcomes == bytes.count + 1)
    }

    @Test(arguments: TortureFixture.all)
    func octetByOctetOverTCPMatchesTheDatagram(_ fixture: TortureFixture) {
        var framer = SIPStreamFramer()
        var events = [SIPStreamEvent]()
        var failure: SIPParseError?
        for byte in fixture.bytes where failure == nil {
            framer.append(CollectionOfOne(byte))
            do {
                while let event = try framer.next() { events.append(event) }
            } catch {
                failure = error
            }
        }
        // A message the datagram parser accepts with a Content-Length is framed the same way.
        if case .success(let message) = fixture.parsed, (try? message.headers.contentLength) != nil, failure == nil {
            #expect(events.contains { if case .message(let framed) = $0 { framed == message } else { false } })
        }
        #expect(framer.bufferedByteCount <= fixture.bytes.count)
    }
}
