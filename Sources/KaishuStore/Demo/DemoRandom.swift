/// SplitMix64 (Steele, Lea & Flood 2014): a tiny, fast generator whose output is fixed by its seed
/// on every platform and Swift version — which `SystemRandomNumberGenerator` and the standard
/// library's `random(in:)` do not promise. The demo book must come out byte for byte the same for
/// the same seed, so it uses only this.
struct DemoRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// An independent stream for item `index` of the run seeded `seed`: each case is generated from
    /// its own stream, so a case does not depend on how many random numbers the previous one drew
    /// (and cases could be generated in any order or in parallel with the same result).
    init(seed: UInt64, stream index: UInt64) {
        var mixer = DemoRandom(seed: seed ^ 0x6B61_6973_6875_2D31)
        let base = mixer.next()
        state = base &+ index &* 0xD1B5_4A32_D192_ED03
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`, without modulo bias worth noticing for ranges this small (Lemire's
    /// multiply-shift on the high bits).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        let high = next().multipliedFullWidth(by: span).high
        return range.lowerBound + Int(high)
    }

    /// `true` with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// An index chosen with the given weights.
    mutating func weighted(_ weights: [Int]) -> Int {
        var roll = int(0...(weights.reduce(0, +) - 1))
        for (index, weight) in weights.enumerated() {
            if roll < weight { return index }
            roll -= weight
        }
        return weights.count - 1
    }

    /// `count` decimal digits, zero-padded.
    mutating func digits(_ count: Int) -> String {
        var text = String(int(0...(Self.powersOfTen[count] - 1)))
        while text.count < count { text = "0" + text }
        return text
    }

    private static let powersOfTen = [1, 10, 100, 1000, 10000, 100_000, 1_000_000, 10_000_000]
}
