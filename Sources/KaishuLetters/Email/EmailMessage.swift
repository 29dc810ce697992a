import Foundation

/// An email as RFC 5322 and MIME (RFC 2045–2047) want it: the message a sendmail-compatible
/// command sends and a mail client opens.
///
/// The body is UTF-8 text sent base64-encoded (safe through any relay, whatever the line
/// length); the Subject and display names are encoded-words. `Date` and `Message-ID` come from
/// the values given — never from a clock here — so a rendered message is reproducible and its
/// Message-ID can be recorded as the sent email's reference.
public struct EmailMessage: Hashable, Sendable {
    public var from: EmailAddress
    public var to: [EmailAddress]
    public var cc: [EmailAddress]
    public var bcc: [EmailAddress]
    public var subject: String
    /// The text, with `\n` line ends (sent as CRLF).
    public var body: String
    public var date: Date
    public var timeZone: TimeZone
    /// `<unique@domain>`, angle brackets included.
    public var messageID: String
    /// The Message-ID this one follows up (a second reminder threads under the first).
    public var inReplyTo: String?
    /// Further headers, e.g. `X-Kaishu-Case`. ASCII values only.
    public var extraHeaders: [Header]

    public struct Header: Hashable, Sendable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(
        from: EmailAddress, to: [EmailAddress], cc: [EmailAddress] = [], bcc: [EmailAddress] = [],
        subject: String, body: String, date: Date, timeZone: TimeZone, messageID: String,
        inReplyTo: String? = nil, extraHeaders: [Header] = []
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.subject = subject
        self.body = body
        self.date = date
        self.timeZone = timeZone
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.extraHeaders = extraHeaders
    }

    /// A new Message-ID: `<YYYYMMDDhhmmss.case42.TOKEN@domain>`, unique through the token
    /// (random at the program's edge) and scoped to the sender's domain (RFC 5322 §3.6.4).
    public static func messageID(caseID: Int64, date: Date, timeZone: TimeZone, token: String, domain: String)
        -> String
    {
        let safeToken = token.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return "<\(RFC5322Date.compact(date, timeZone: timeZone)).case\(caseID).\(safeToken)@\(domain)>"
    }

    /// The message as it goes over the wire: CRLF line ends, headers, a blank line, the body.
    public var rfc5322: String {
        var headers: [String] = []
        headers.append("Date: \(RFC5322Date.format(date, timeZone: timeZone))")
        headers.append(HeaderField.addresses("From", [from]))
        headers.append(HeaderField.addresses("To", to))
        if !cc.isEmpty { headers.append(HeaderField.addresses("Cc", cc)) }
        if !bcc.isEmpty { headers.append(HeaderField.addresses("Bcc", bcc)) }
        headers.append(HeaderField.unstructured("Subject", subject))
        headers.append("Message-ID: \(messageID)")
        if let inReplyTo {
            headers.append("In-Reply-To: \(inReplyTo)")
            headers.append("References: \(inReplyTo)")
        }
        headers.append("MIME-Version: 1.0")
        headers.append("Content-Type: text/plain; charset=UTF-8")
        headers.append("Content-Transfer-Encoding: base64")
        for header in extraHeaders {
            headers.append(HeaderField.foldASCII("\(header.name): \(header.value)"))
        }
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + encodedBody
    }

    /// The body in base64, 76 characters a line (RFC 2045 §6.8).
    var encodedBody: String {
        let normal = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        let encoded = Data(normal.utf8).base64EncodedString()
        var lines: [String] = []
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<end]))
            index = end
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
