import CLibYAML
import Dispatch

/// Reads a large file on two cores: libyaml parses on a background thread while the calling
/// thread composes the events it has already produced.
///
/// libyaml's parsing is about two thirds of reading a file and composing the node tree the other
/// third, so running them side by side takes the composing out of the wall time of a big file.
/// The composer sees exactly the events, in exactly the order, that the in-line loop of
/// `YAMLReader` gives it, and the same final step (the stream's end or libyaml's error), so the
/// documents and diagnostics are the same.
///
/// The events travel in blocks through a small ring (`EventRing`), so the threads meet once per
/// block rather than once per event, and the memory held is bounded whatever the file's size.
/// Each event is deleted by the composing side after use, as in line.
enum EventPipeline {
    /// Below this many bytes a file is read in line: starting a thread costs tens of
    /// microseconds, as much as composing a few kilobytes.
    static let worthwhileSize = 64 * 1024

    /// Runs `parser` to its end on a background thread and hands every step to `consume`, in
    /// order, on this thread. `consume` must delete each event it is given (`yaml_event_delete`).
    /// Falls back to reading in line if no thread can be started.
    static func run(
        _ parser: LibYAMLParser, consume: (LibYAMLParser.Step, UnsafeMutablePointer<yaml_event_t>) -> Void
    ) {
        let ring = EventRing()
        var producer = BackgroundThread { produce(parser, into: ring) }
        guard producer != nil else {
            return inLine(parser, consume: consume)
        }
        var slot = 0
        var finished = false
        while !finished {
            ring.filled.wait()
            let block = ring.blocks[slot]
            for (index, step) in block.steps.enumerated() {
                consume(step, block.events + index)
                if case .event(isStreamEnd: false) = step { continue }
                finished = true
            }
            // Every block goes back, the last one too: libdispatch traps when a semaphore is
            // freed with a lower count than it started with.
            ring.free.signal()
            slot = (slot + 1) % ring.blocks.count
        }
        producer!.join()
    }

    /// The background side: fills free blocks with events until the stream ends or libyaml fails.
    private static func produce(_ parser: LibYAMLParser, into ring: EventRing) {
        var slot = 0
        while true {
            ring.free.wait()
            let block = ring.blocks[slot]
            block.steps.removeAll(keepingCapacity: true)
            var finished = false
            while block.steps.count < EventRing.blockSize {
                let step = parser.next(into: block.events + block.steps.count)
                block.steps.append(step)
                guard case .event(isStreamEnd: false) = step else {
                    finished = true
                    break
                }
            }
            ring.filled.signal()
            if finished { return }
            slot = (slot + 1) % ring.blocks.count
        }
    }

    /// The same steps on one thread, one event at a time.
    static func inLine(
        _ parser: LibYAMLParser, consume: (LibYAMLParser.Step, UnsafeMutablePointer<yaml_event_t>) -> Void
    ) {
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { event.deallocate() }
        while true {
            let step = parser.next(into: event)
            consume(step, event)
            guard case .event(isStreamEnd: false) = step else { return }
        }
    }
}

/// The blocks of events between the two threads of `EventPipeline`: a bounded ring, guarded by a
/// pair of counting semaphores (free blocks for the parser, filled blocks for the composer). Each
/// block is touched by one thread at a time; the semaphores order the handovers.
final class EventRing: @unchecked Sendable {
    /// Events per block: enough that the handovers cost nothing next to the events.
    static let blockSize = 512
    /// Blocks in the ring: lets the parser run a few blocks ahead of a composer that stalls.
    static let blockCount = 8

    final class Block {
        let events = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: EventRing.blockSize)
        /// What parsing gave for each event slot, in order; the last may be the final step.
        var steps: [LibYAMLParser.Step] = []

        init() { steps.reserveCapacity(EventRing.blockSize) }
        deinit { events.deallocate() }
    }

    let blocks = (0..<EventRing.blockCount).map { _ in Block() }
    let free = DispatchSemaphore(value: EventRing.blockCount)
    let filled = DispatchSemaphore(value: 0)
}
