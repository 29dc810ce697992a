import Foundation

/// Timings of one measured operation, in seconds.
struct Samples {
    private(set) var values: [Double] = []

    mutating func add(_ seconds: Double) { values.append(seconds) }

    /// Nearest-rank percentile (p in 0…100).
    func percentile(_ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    var count: Int { values.count }
}

/// Times `body` with the monotonic clock.
func measure<T>(_ body: () throws -> T) rethrows -> (result: T, seconds: Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try body()
    return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

func measureAsync<T>(_ body: () async throws -> T) async rethrows -> (result: T, seconds: Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try await body()
    return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

/// One line of the benchmark table: a figure of Kaishu's next to its floor, measured in the same
/// run on the same machine and data, and the ratio the issue's target is stated in.
struct BenchFigure: Encodable {
    enum Unit: String, Encodable {
        case microseconds = "µs"
        case milliseconds = "ms"
        case seconds = "s"
        case megabytes = "MB"
        case bytes = "B"
        case count = "n"
        case ratio = "×"
        case perSecond = "/s"

        /// Seconds (or a plain number) in this unit.
        func scale(_ value: Double) -> Double {
            switch self {
            case .microseconds: value * 1e6
            case .milliseconds: value * 1e3
            default: value
            }
        }
    }

    var metric: String
    var scale: String
    var unit: Unit
    /// Kaishu's figure, in `unit`.
    var kaishu: Double
    /// The floor, in `unit` (nil for a figure that has no floor, e.g. a count or a scale ratio).
    var floor: Double?
    /// What the floor is.
    var floorName: String
    /// The issue's target, as a maximum ratio (or maximum value when `floor` is nil or
    /// `absolute`); nil for a figure reported for context only (a p50 or a maximum).
    var target: Double?
    var note: String?
    /// The target bounds Kaishu's own figure even though a floor is shown beside it (issue 3's
    /// 2 ms per key is a time, not a ratio to the minimal ncurses program).
    var absolute = false
    /// For a figure where more is better (a rate): `target` is then the least ratio that meets it.
    var atLeast = false

    /// The p50 and p99 rows of one timed comparison, each with its target ratio (issue 7 sets one
    /// for the median and a looser one for the tail).
    static func percentiles(
        _ metric: String, scale: String, unit: Unit, kaishu: Samples, floor: Samples, floorName: String,
        targets: (p50: Double, p99: Double), note: String
    ) -> [BenchFigure] {
        [(50.0, targets.p50), (99.0, targets.p99)].map { p, target in
            BenchFigure(
                metric: "\(metric), p\(Int(p))", scale: scale, unit: unit,
                kaishu: unit.scale(kaishu.percentile(p)), floor: unit.scale(floor.percentile(p)),
                floorName: floorName, target: target, note: note)
        }
    }

    /// Kaishu ÷ floor (or the plain value when there is no floor).
    var ratio: Double { floor.map { kaishu / $0 } ?? kaishu }
    var met: Bool? {
        target.map { target in
            let value = absolute ? kaishu : ratio
            return atLeast ? value >= target : value <= target
        }
    }

    enum CodingKeys: String, CodingKey {
        case metric, scale, unit, kaishu, floor, floorName, target, targetIsAbsolute, atLeast, ratio, met, note
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metric, forKey: .metric)
        try container.encode(scale, forKey: .scale)
        try container.encode(unit, forKey: .unit)
        try container.encode(kaishu, forKey: .kaishu)
        try container.encodeIfPresent(floor, forKey: .floor)
        try container.encode(floorName, forKey: .floorName)
        try container.encodeIfPresent(target, forKey: .target)
        try container.encode(absolute || floor == nil, forKey: .targetIsAbsolute)
        if atLeast { try container.encode(true, forKey: .atLeast) }
        try container.encode(ratio, forKey: .ratio)
        try container.encodeIfPresent(met, forKey: .met)
        try container.encodeIfPresent(note, forKey: .note)
    }
}

/// Formats the figures as a Markdown table (readable in a terminal, pasteable in docs).
func benchTable(_ figures: [BenchFigure]) -> String {
    func number(_ value: Double) -> String {
        if value.isNaN { return "—" }
        if value >= 100 { return String(format: "%.0f", value) }
        if value >= 10 { return String(format: "%.1f", value) }
        return String(format: "%.2f", value)
    }
    var lines = [
        "| figure | scale | Kaishu | floor | floor is | ratio | target | met |",
        "|---|---|---:|---:|---|---:|---:|:---:|",
    ]
    for figure in figures {
        let unit = figure.unit.rawValue
        let target = figure.target.map { target in
            let bound = figure.atLeast ? "≥" : "≤"
            if figure.floor == nil { return "\(bound) \(number(target))" }
            return figure.absolute ? "\(bound) \(number(target)) \(unit)" : "\(bound) \(number(target))×"
        }
        let met = figure.met.map { $0 ? "yes" : "**no**" }
        lines.append(
            "| \(figure.metric) | \(figure.scale) | \(number(figure.kaishu)) \(unit) | "
                + "\(figure.floor.map { number($0) + " " + unit } ?? "—") | \(figure.floorName) | "
                + "\(number(figure.ratio))\(figure.floor == nil ? "" : "×") | \(target ?? "—") | \(met ?? "—") |")
    }
    return lines.joined(separator: "\n")
}
