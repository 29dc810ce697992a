import Foundation

/// A colour as a theme file writes it: the terminal's default, one of the 16 ANSI colours, an
/// index into the 256-colour palette, or an RGB value.
///
/// Written as `default`, an ANSI name (`red`, `bright-red`, `grey`), a number `0`–`255`, or
/// `#RRGGBB`. Every colour is downsampled to what the terminal has (`ColorDepth`).
public enum Color: Hashable, Sendable {
    case `default`
    /// 0–7 normal, 8–15 bright (black, red, green, yellow, blue, magenta, cyan, white).
    case ansi(Int)
    /// 0–255 in the xterm palette.
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)

    static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses a colour spec; `nil` when it is not one.
    public init?(spec: String) {
        let text = spec.trimmingCharacters(in: .whitespaces).lowercased()
        if text == "default" || text.isEmpty {
            self = .default
            return
        }
        if let index = Color.ansiNames.firstIndex(of: text) {
            self = .ansi(index)
            return
        }
        if text.hasPrefix("bright-"), let index = Color.ansiNames.firstIndex(of: String(text.dropFirst(7))) {
            self = .ansi(index + 8)
            return
        }
        if text == "grey" || text == "gray" {
            self = .ansi(8)
            return
        }
        if let number = Int(text), (0...255).contains(number) {
            self = .indexed(number)
            return
        }
        if text.hasPrefix("#"), text.count == 7, let value = UInt32(text.dropFirst(), radix: 16) {
            self = .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
            return
        }
        return nil
    }

    /// The colour as an xterm palette index for a terminal of the given depth, and whether the
    /// terminal needs bold to show it (a bright colour on an 8-colour terminal). `-1` is the
    /// terminal's default colour.
    public func index(for depth: ColorDepth) -> (index: Int, needsBold: Bool) {
        switch depth {
        case .mono:
            return (-1, false)
        case .c256:
            switch self {
            case .default: return (-1, false)
            case .ansi(let n): return (n, false)
            case .indexed(let n): return (n, false)
            case .rgb(let r, let g, let b): return (Color.nearest256(r, g, b), false)
            }
        case .c16:
            switch self {
            case .default: return (-1, false)
            case .ansi(let n): return (n, false)
            case .indexed(let n) where n < 16: return (n, false)
            case .indexed(let n):
                let (r, g, b) = Color.rgbOf(index: n)
                return (Color.nearestANSI(r, g, b), false)
            case .rgb(let r, let g, let b): return (Color.nearestANSI(r, g, b), false)
            }
        case .c8:
            let (sixteen, _) = index(for: .c16)
            if sixteen < 0 { return (-1, false) }
            return sixteen >= 8 ? (sixteen - 8, true) : (sixteen, false)
        }
    }

    // MARK: - Palette arithmetic (xterm's default palette)

    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
        (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    static func rgbOf(index n: Int) -> (Int, Int, Int) {
        if n < 16 { return ansiRGB[n] }
        if n >= 232 {
            let level = 8 + 10 * (n - 232)
            return (level, level, level)
        }
        let cube = n - 16
        return (cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
    }

    static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let dr = a.0 - b.0
        let dg = a.1 - b.1
        let db = a.2 - b.2
        return dr * dr * 3 + dg * dg * 4 + db * db * 2
    }

    /// The nearest colour of the 6×6×6 cube or the grey ramp (btop's method).
    static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        let target = (Int(r), Int(g), Int(b))
        func level(_ v: Int) -> Int {
            var best = 0
            for (i, l) in cubeLevels.enumerated() where abs(l - v) < abs(cubeLevels[best] - v) {
                best = i
            }
            return best
        }
        let cube = 16 + 36 * level(target.0) + 6 * level(target.1) + level(target.2)
        let average = (target.0 + target.1 + target.2) / 3
        let greyStep = max(0, min(23, (average - 8 + 5) / 10))
        let grey = 232 + greyStep
        return distance(rgbOf(index: cube), target) <= distance(rgbOf(index: grey), target)
            ? cube : grey
    }

    /// The nearest of the 16 ANSI colours.
    static func nearestANSI(_ r: Int, _ g: Int, _ b: Int) -> Int {
        var best = 0
        var bestDistance = Int.max
        for (i, rgb) in ansiRGB.enumerated() {
            let d = distance(rgb, (r, g, b))
            if d < bestDistance {
                best = i
                bestDistance = d
            }
        }
        return best
    }

    static func nearestANSI(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        nearestANSI(Int(r), Int(g), Int(b))
    }
}

/// How many colours the terminal can show. `mono` also stands for "colour turned off"
/// (`NO_COLOR`, `--color never`): roles are then drawn with their `mono` attributes.
public enum ColorDepth: String, Hashable, Sendable, CaseIterable {
    case mono
    case c8 = "8"
    case c16 = "16"
    case c256 = "256"

    /// The depth for a terminal reporting `colors` colours (ncurses `COLORS`).
    public init(colors: Int) {
        switch colors {
        case 256...: self = .c256
        case 16..<256: self = .c16
        case 8..<16: self = .c8
        default: self = .mono
        }
    }
}

/// A text attribute a terminal can show without colour.
public enum TextAttribute: String, Hashable, Sendable, CaseIterable, Comparable {
    case bold
    case dim
    case italic
    case underline
    case reverse
    case standout
    case blink

    public static func < (a: TextAttribute, b: TextAttribute) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
