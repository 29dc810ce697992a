/// Fitting text into a column of a given display width.
///
/// Every cell of a table row goes through one of these, so a long company name is cut with `…`
/// at a character boundary and the next column starts exactly where it should, whatever mix of
/// half- and full-width characters the name holds.
public enum Alignment: Sendable, Hashable {
    case left
    case right
    case center
}

extension DisplayWidth {
    /// `text` in exactly `width` columns: padded with spaces, or cut at a grapheme-cluster
    /// boundary and ended with `ellipsis` when it does not fit. A wide character that would
    /// straddle the edge is left out and replaced by a space, never split.
    ///
    ///     DisplayWidth.standard.fit("株式会社山田商事", width: 9)   // "株式会社…"
    public func fit(
        _ text: some StringProtocol, width: Int, align: Alignment = .left, ellipsis: String = "…"
    ) -> String {
        guard width > 0 else { return "" }
        let fitted = truncate(text, width: width, ellipsis: ellipsis)
        let pad = width - self.width(of: fitted)
        guard pad > 0 else { return fitted }
        switch align {
        case .left:
            return fitted + String(repeating: " ", count: pad)
        case .right:
            return String(repeating: " ", count: pad) + fitted
        case .center:
            let left = pad / 2
            return String(repeating: " ", count: left) + fitted
                + String(repeating: " ", count: pad - left)
        }
    }

    /// `text` cut to at most `width` columns (no padding): unchanged when it fits, else the
    /// longest prefix of whole clusters that leaves room for `ellipsis`, followed by it.
    public func truncate(_ text: some StringProtocol, width: Int, ellipsis: String = "…")
        -> String
    {
        guard width > 0 else { return "" }
        let total = self.width(of: text)
        if total <= width { return String(text) }
        let ellipsisWidth = self.width(of: ellipsis)
        guard ellipsisWidth <= width else { return "" }
        let budget = width - ellipsisWidth
        var used = 0
        var out = ""
        for character in text {
            let w = self.width(of: character)
            if used + w > budget { break }
            out.append(character)
            used += w
        }
        return out + ellipsis
    }

    /// Splits `text` into lines of at most `width` columns, breaking at spaces when it can and
    /// inside a word (between clusters) when a word is longer than a line. Japanese text, which
    /// has no spaces, breaks between characters.
    public func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var lastSpace: String.Index?
        for character in text {
            if character == "\n" {
                lines.append(line)
                line = ""
                lineWidth = 0
                lastSpace = nil
                continue
            }
            let w = self.width(of: character)
            if lineWidth + w > width {
                if let space = lastSpace, character != " " {
                    let head = String(line[..<space])
                    let tail = String(line[line.index(after: space)...])
                    lines.append(head)
                    line = tail
                    lineWidth = self.width(of: tail)
                } else {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                lastSpace = nil
                if character == " " { continue }
            }
            if character == " " { lastSpace = line.endIndex }
            line.append(character)
            lineWidth += w
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
