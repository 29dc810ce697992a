@preconcurrency internal import CNcursesw
import KaishuTUI

/// Turns cell styles into ncurses attributes and colour pairs, through the theme.
///
/// Pairs are allocated on first use (one per distinct foreground/background), so a theme
/// using ten combinations needs ten pairs on any terminal. Without colour (`NO_COLOR`,
/// `--color never`, a monochrome terminal) `start_color` is never called and only the roles'
/// `mono` attributes are used.
struct CursesStyles {
    let theme: Theme
    let depth: ColorDepth
    private var pairs: [Pair: Int32] = [:]
    private var cache: [Style: (attrs: attr_t, pair: Int32)] = [:]

    private struct Pair: Hashable {
        var fg: Int
        var bg: Int
    }

    init(theme: Theme, depth: ColorDepth) {
        self.theme = theme
        self.depth = depth
    }

    mutating func attributes(for style: Style) -> (attrs: attr_t, pair: Int32) {
        if let known = cache[style] { return known }
        let resolved = theme.resolve(style, depth: depth)
        var attrs = kc_a_normal()
        for attribute in resolved.attributes {
            switch attribute {
            case .bold: attrs |= kc_a_bold()
            case .dim: attrs |= kc_a_dim()
            case .italic: attrs |= kc_a_italic()
            case .underline: attrs |= kc_a_underline()
            case .reverse: attrs |= kc_a_reverse()
            case .standout: attrs |= kc_a_standout()
            case .blink: attrs |= kc_a_blink()
            }
        }
        var pair: Int32 = 0
        if depth != .mono, resolved.fg != -1 || resolved.bg != -1 {
            let key = Pair(fg: resolved.fg, bg: resolved.bg)
            if let known = pairs[key] {
                pair = known
            } else if Int32(pairs.count + 1) < kc_color_pairs() {
                pair = Int32(pairs.count + 1)
                init_pair(Int16(pair), Int16(resolved.fg), Int16(resolved.bg))
                pairs[key] = pair
            }
        }
        cache[style] = (attrs, pair)
        return (attrs, pair)
    }
}
