/// A run of text in one role.
public struct Span: Hashable, Sendable {
    public var text: String
    public var role: Role

    public init(_ text: String, _ role: Role = .text) {
        self.text = text
        self.role = role
    }
}

/// Lines of styled spans laid out for a width: the scrollable body of the case page and the
/// text of dialogs. Long lines wrap at spaces (or between characters for Japanese), with a
/// hanging indent, so nothing is cut off.
public struct Document: Hashable, Sendable {
    public private(set) var lines: [[Span]] = []
    public let width: Int
    public let measure: DisplayWidth

    public init(width: Int, measure: DisplayWidth = .standard) {
        self.width = max(1, width)
        self.measure = measure
    }

    public mutating func blank() { lines.append([]) }

    /// Adds spans as one logical line, wrapping onto continuation lines indented by `indent`.
    public mutating func add(_ spans: [Span], indent: Int = 0) {
        let pad = String(repeating: " ", count: max(0, min(indent, width / 2)))
        let padWidth = measure.width(of: pad)
        var line: [Span] = []
        var used = 0
        func newLine() {
            lines.append(line)
            line = pad.isEmpty ? [] : [Span(pad, .text)]
            used = padWidth
        }
        for span in spans {
            var rest = Substring(span.text)
            while !rest.isEmpty {
                let room = width - used
                let w = measure.width(of: rest)
                if w <= room {
                    line.append(Span(String(rest), span.role))
                    used += w
                    break
                }
                let fresh = used <= padWidth
                // The longest prefix that fits, preferring to end at a space.
                var fit = rest.startIndex
                var fitWidth = 0
                var lastSpace: Substring.Index?
                var index = rest.startIndex
                while index < rest.endIndex {
                    let cw = measure.width(of: rest[index])
                    if fitWidth + cw > room { break }
                    fitWidth += cw
                    index = rest.index(after: index)
                    if rest[rest.index(before: index)] == " " { lastSpace = index }
                    fit = index
                }
                var cut = fit
                if let lastSpace, index < rest.endIndex, rest[index] != " " { cut = lastSpace }
                if cut == rest.startIndex {
                    if fresh {
                        // Nothing fits on an empty line (a wide character in one column): take one.
                        cut = rest.index(after: rest.startIndex)
                    } else {
                        newLine()
                        continue
                    }
                } else if !fresh, lastSpace == nil, index < rest.endIndex, rest[index] != " ", room < width / 3 {
                    // Do not split a word across a short leftover: start it on the next line.
                    newLine()
                    continue
                }
                var head = String(rest[..<cut])
                while head.hasSuffix(" ") { head.removeLast() }
                if !head.isEmpty { line.append(Span(head, span.role)) }
                rest = rest[cut...].drop { $0 == " " }
                newLine()
            }
        }
        lines.append(line)
    }

    public mutating func add(_ text: String, _ role: Role = .text, indent: Int = 0) {
        add([Span(text, role)], indent: indent)
    }

    /// Draws lines `first...` into a rectangle.
    public func draw(into screen: inout Screen, rect: Rect, first: Int = 0, base: Role? = nil) {
        for row in 0..<rect.rows {
            let index = first + row
            if let base {
                screen.fill(row: rect.row + row, column: rect.column, width: rect.columns, style: Style(base))
            }
            guard lines.indices.contains(index) else { continue }
            var x = rect.column
            for span in lines[index] {
                let left = rect.column + rect.columns - x
                guard left > 0 else { break }
                x += screen.put(span.text, row: rect.row + row, column: x, limit: left, style: Style(span.role))
            }
        }
    }
}
