import Dispatch

extension Array where Element: Sendable {
    /// `map`, spread over the cores with Dispatch's `concurrentPerform`; the results keep the
    /// order of the elements. The calling thread takes part and waits for the others, so it can
    /// be called from synchronous code. A single element is mapped on the calling thread alone.
    func concurrentMap<Mapped: Sendable>(_ transform: @Sendable (Element) -> Mapped) -> [Mapped] {
        guard count > 1 else { return map(transform) }
        return withUnsafeBufferPointer { elements in
            [Mapped](unsafeUninitializedCapacity: elements.count) { results, initialized in
                let slots = Slots(elements: elements, results: results.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                    slots.fill(index, with: transform)
                }
                initialized = elements.count
            }
        }
    }
}

/// The elements and the uninitialized results of one `concurrentMap`, shared by its iterations.
/// Unchecked: sharing them is safe because every index is read and written by exactly one
/// iteration, and the results are only read after `concurrentPerform` has returned.
private struct Slots<Element, Mapped>: @unchecked Sendable {
    let elements: UnsafeBufferPointer<Element>
    let results: UnsafeMutablePointer<Mapped>

    func fill(_ index: Int, with transform: (Element) -> Mapped) {
        (results + index).initialize(to: transform(elements[index]))
    }
}
