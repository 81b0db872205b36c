/// Hard limits that keep the reader's time and memory proportional to the size of its input,
/// whatever the input is: a hostile file fails with a diagnostic instead of exhausting the machine.
public struct YAMLLimits: Hashable, Sendable {
    /// How many collections may nest inside each other, counting the root collection as 1.
    /// Deeper content is skipped (SB1009), so nothing downstream recurses without bound. Keep it
    /// modest: the decoder, `==` and even freeing a tree recurse once per level.
    public var maxDepth: Int
    /// How many flow collections (`[ ]`, `{ }`) may nest inside each other. libyaml's work per
    /// token grows with this depth (see `FlowDepth`), so past it the file is not read on (SB1009).
    public var maxFlowDepth: Int
    /// How many nodes aliases may add in one file, counting every node of every reused subtree
    /// (a "billion laughs" document asks for billions). Past it, aliases are not expanded (SB1005).
    public var maxAliasExpansion: Int

    public init(maxDepth: Int = 256, maxAliasExpansion: Int = 1_000_000, maxFlowDepth: Int = 64) {
        self.maxDepth = maxDepth
        self.maxFlowDepth = maxFlowDepth
        self.maxAliasExpansion = maxAliasExpansion
    }

    /// 256 levels (64 of them flow) and 1,000,000 alias-added nodes: far beyond any real manifest.
    public static let `default` = YAMLLimits()
}
