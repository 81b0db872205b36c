import RuntimeBundle

extension Array {
    /// `map`, spread over the cores in chunks (`ParallelChunks`, the same machinery that decodes,
    /// lowers and writes long lists); the results keep the order of the elements. The calling
    /// thread takes part and waits, so it can be called from synchronous code; fewer than two
    /// elements are mapped on the calling thread alone.
    func concurrentMap<Mapped>(_ transform: (Element) -> Mapped) -> [Mapped] {
        ParallelChunks.mapElements(count: count, minimumChunk: 1) { transform(self[$0]) }
    }
}
