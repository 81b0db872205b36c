import FuzzSupport
import SIP

/// What must hold for any TCP byte stream:
/// - the framer finds the same events, and fails with the same error, whether the bytes arrive
///   at once, one at a time, or in pieces of varying size (its scan is incremental);
/// - every message it frames serializes to bytes the datagram parser reads as the same message.
struct StreamOracle {
    let limits: SIPParserLimits

    /// What framing a whole stream gave: the events in order, then the error that ended it.
    struct Outcome: Equatable {
        var events: [SIPStreamEvent] = []
        var failure: SIPParseError?
    }

    func check(_ bytes: [UInt8]) {
        let whole = frame([bytes[...]])
        for (name, pieces) in [("one byte at a time", Self.bytewise(bytes)), ("in pieces", Self.pieces(bytes))] {
            let outcome = frame(pieces)
            fuzzCheck(
                outcome == whole,
                "framing \(name) differs from framing at once:\n\(outcome.events) \(String(describing: outcome.failure))\n"
                    + "\(whole.events) \(String(describing: whole.failure))")
        }
        for case .message(let message) in whole.events {
            let reparsed = SIPParser(limits: .default, requiresMaxForwards: false).parse(message.serialize())
            fuzzCheck((try? reparsed.get()).map { $0.startLine == message.startLine && $0.body == message.body } == true,
                "a framed message does not parse again after serialization: \(reparsed)")
        }
    }

    private func frame(_ pieces: [ArraySlice<UInt8>]) -> Outcome {
        var framer = SIPStreamFramer(limits: limits)
        var outcome = Outcome()
        for piece in pieces {
            framer.append(piece)
            do {
                while let event = try framer.next() { outcome.events.append(event) }
            } catch {
                outcome.failure = error
                return outcome
            }
            fuzzCheck(framer.bufferedByteCount <= limits.maxMessageSize + piece.count, "the framer buffers more than a message")
        }
        return outcome
    }

    private static func bytewise(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.indices.map { bytes[$0...$0] }
    }

    /// Pieces of 1 to 32 bytes, their sizes taken from the content so that each input is cut
    /// the same way every time and the fuzzer can steer the cuts.
    private static func pieces(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + 1 + Int(bytes[start] % 32))
            result.append(bytes[start..<end])
            start = end
        }
        return result
    }
}
